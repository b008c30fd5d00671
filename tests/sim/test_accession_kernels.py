"""The compiled accession vote (foedus.sim.steps.accession_kernels) gives the theory functions' numbers, to the bit.

The reference is the numpy code the kernel replaced in ``alignment._admitted``, built of
:func:`foedus.theory.consent.accession_cost`, :func:`~foedus.theory.consent.burden_shares`,
:func:`~foedus.theory.consent.milieu_value`, :func:`~foedus.theory.consent.rival_veto`,
:func:`~foedus.theory.consent.community_entrapment`, :func:`~foedus.theory.consent.leader_side_payments` and
:func:`foedus.theory.obligations.admission_votes` over (K, N) arrays: a change to any of them fails here until the
kernel follows it. Checked on random arrays (signed goods, exact zeros, rivals, main threats, communities, side
payments) and on simulated worlds, where every call of the step's ``_admitted`` is compared with the reference.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.steps import accession_kernels as acc
from foedus.testing import synthetic_scenario
from foedus.theory import consent as th_consent
from foedus.theory import obligations as th_ob

al = sys.modules["foedus.sim.steps.alignment"]


def _bits(a):
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


def _numpy_votes(cand, a_local, t):
    """``_admitted``'s share in favour and disputes as numpy computed them from the theory functions (``t``: the terms)."""
    n = t["members"].shape[1]
    mem = t["members"][a_local]
    prov = t["join_goods"][a_local]
    value = np.einsum("gnk,kg->kn", t["goods"][:, :, cand], prov.astype(float))
    protective = prov[:, 0]
    shares = th_consent.burden_shares(mem, t["power"])
    s = t["commitment"][a_local]
    lead = t["leader"][a_local]
    cost = th_consent.accession_cost(
        shares, t["unit_cost"], s, t["burden"][:, cand].T, t["autonomy"][:, cand].T * t["keep"][a_local][:, None], lead,
        protection=protective.astype(float), autonomy_weight=t["w"], burden_weight=t["beta"], treaty_cost=t["tau"],
        entrapment=None if t.get("entrap") is None else t["entrap"][a_local],
    )
    value = value + th_consent.milieu_value(t["regime"], t["proximity"], mem, cand, weight=t["mw"]) * protective[:, None]
    states = np.arange(n)[None, :]
    cand_main = (t["main"][None, :] == cand[:, None]) & protective[:, None]
    cand_main = cand_main | th_consent.rival_veto(t["credibility"][:, cand].T)
    member_main = t["main"][cand][:, None] == states
    votes = mem & th_ob.admission_votes(value, cost, cand_main, True, member_main)
    security = shares * s[:, None] * t["beta"] * t["burden"][:, cand].T * protective[:, None]
    eligible = mem & ~cand_main & ~member_main
    votes = th_consent.community_entrapment(votes, eligible, value, security, t["community"], np.ones(len(cand), bool))
    if t["side"]:
        votes = th_consent.leader_side_payments(value - cost, votes, eligible, lead, shares[np.arange(len(cand)), lead], dominance=t["dominance"])
    share = votes.sum(axis=1) / np.maximum(mem.sum(axis=1), 1)
    return share, (mem & t["dispute"][cand]).sum(axis=1)


def _kernel_votes(cand, a_local, t):
    """The kernel on the same terms, with the per-alliance shares and the leader's log1p as ``_admitted`` passes them."""
    prot = t["join_goods"][:, 0]
    lead_log1p = np.log1p(t["autonomy"][t["leader"][a_local], cand] * t["keep"][a_local] * prot[a_local].astype(float))
    return acc.accession_votes(
        cand, a_local, t["members"], t["goods"], t["join_goods"], th_consent.burden_shares(t["members"], t["power"]), t["unit_cost"],
        t["commitment"], t["burden"], lead_log1p, t["leader"], t["main"], t["credibility"], t["regime"], t["proximity"], t["dispute"],
        t["community"], t["mw"], t["w"], t["beta"], t["tau"], t["side"], t["dominance"], t.get("entrap"),
    )


def _random_terms(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 70))
    a = int(rng.integers(1, 20))
    members = rng.random((a, n)) < rng.uniform(0.05, 0.5)
    members[np.arange(a), rng.integers(0, n, a)] = True  # no empty alliance
    power = rng.random(n) * (rng.random(n) < 0.9)  # some states without power
    if seed % 5 == 0:
        power[:] = 0.0  # the even shares
    leader = np.where(members, power[None, :], -1.0).argmax(axis=1).astype(np.int64)
    goods = rng.normal(0.02, 0.05, (5, n, n)) * (rng.random((5, n, n)) < 0.7)
    goods[:, rng.random(n) < 0.1, :] = 0.0  # whole rows of exact zeros (signed zeros in the products)
    main = np.where(rng.random(n) < 0.8, rng.integers(0, n, n), -1).astype(np.int64)
    k = int(rng.integers(1, 80))
    cand = rng.integers(0, n, k).astype(np.int64)
    a_local = rng.integers(0, a, k).astype(np.int64)
    t = {
        "members": members, "power": power, "leader": leader, "goods": goods, "join_goods": rng.random((a, 5)) < 0.6,
        "unit_cost": rng.uniform(0.0, 0.08, n), "commitment": rng.choice([0.2, 0.4, 0.8, 1.0], a), "burden": rng.random((n, n)) * 0.05,
        "autonomy": rng.uniform(-0.9, 1.5, (n, n)), "keep": rng.uniform(0.3, 1.0, a), "main": main,
        "credibility": rng.random((n, n)) * (rng.random((n, n)) < 0.9), "regime": rng.random(n), "proximity": rng.random((n, n)),
        "dispute": rng.random((n, n)) < 0.05, "community": rng.random(k) < 0.4, "mw": float(rng.uniform(0, 0.1)),
        "w": float(rng.uniform(0, 0.5)), "beta": float(rng.uniform(0, 1)), "tau": float(rng.uniform(0, 0.05)) * (seed % 3 != 0),
        "side": bool(seed % 2), "dominance": float(rng.choice([0.0, 0.5])),
        "entrap": (None, rng.choice([0.0, 1.0, float(rng.uniform(0, 1))], a))[seed % 2],  # each treaty's share of the base cost
    }
    return cand, a_local, t


@pytest.mark.parametrize("seed", range(16))
def test_accession_votes_are_the_theory_functions_votes_to_the_bit(seed):
    cand, a_local, t = _random_terms(seed)
    share, disputes = _kernel_votes(cand, a_local, t)
    want_share, want_disputes = _numpy_votes(cand, a_local, t)
    assert np.array_equal(_bits(share), _bits(want_share))
    assert np.array_equal(disputes, want_disputes)


def test_the_random_cases_exercise_split_votes_side_payments_and_the_community():
    """The cases above are not all refusals: votes split, the leader's payments and the community's rule change shares."""
    split = bought = entrapped = 0
    for seed in range(16):
        cand, a_local, t = _random_terms(seed)
        share = _kernel_votes(cand, a_local, t)[0]
        split += ((share > 0) & (share < 1)).sum()
        if t["side"]:
            bought += (share != _kernel_votes(cand, a_local, {**t, "side": False})[0]).sum()
        entrapped += (share != _kernel_votes(cand, a_local, {**t, "community": np.zeros(len(cand), bool)})[0]).sum()
    assert split > 0 and bought > 0 and entrapped > 0


@pytest.mark.parametrize("seed", range(4))
def test_pairwise_sum_is_numpys_row_sum_to_the_bit(seed):
    rng = np.random.default_rng(seed)
    for n in [0, 1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 255, 256, 257, 300, 1000, 2049, *rng.integers(0, 3000, 20)]:
        rows = rng.normal(size=(3, n)) * 10.0 ** rng.uniform(-6, 6, (3, n)) * (rng.random((3, n)) < rng.random())
        want = rows.sum(axis=1)
        got = np.array([acc.pairwise_sum(np.ascontiguousarray(r)) for r in rows])
        assert np.array_equal(_bits(got), _bits(want))


def _world_terms(world, cand, a_local, goods, view, terms):
    """The terms of ``_numpy_votes`` as the alignment step takes them from a world."""
    p = world.inputs.params
    community, home = al._community(world, view)
    return {
        "members": view.members, "power": world.state.power, "leader": view.top[0], "goods": goods, "join_goods": view.join_goods,
        "unit_cost": view.unit_cost, "commitment": view.commitment.astype(float), "burden": terms.burden, "autonomy": terms.autonomy,
        "keep": al._institution(world, view, view.size >= 2)[0], "main": view.main, "credibility": al.pledge_credibility(world),
        "regime": world.state.regime, "proximity": world.inputs.proximity, "dispute": world.inputs.territorial_dispute,
        "community": community[a_local] & al._qualified(world, cand, home[a_local]), "mw": p.milieu_weight, "w": p.autonomy_weight,
        "beta": p.defence_burden_weight, "tau": p.treaty_cost, "side": p.leader_side_payments > 0, "dominance": p.side_payment_dominance,
        "entrap": view.entrap,
    }


@pytest.mark.parametrize("side", [0.0, 1.0])
def test_admitted_in_a_simulated_world_is_the_numpy_vote(monkeypatch, side):
    """Every call of the step's ``_admitted`` in a run (with and without the leader's side payments) equals the reference."""
    sc = synthetic_scenario(60, seed=3, years=12, alliances=8, cyber=False, spread_km=8000.0)
    sc = sc.model_copy(update={"parameters": sc.parameters.model_copy(update={"leader_side_payments": side, "side_payment_dominance": 0.0})})
    real = al._admitted
    seen = []

    def checked(world, cand, a_local, goods, view, terms):
        out = real(world, cand, a_local, goods, view, terms)
        want_share, want_disputes = _numpy_votes(cand, a_local, _world_terms(world, cand, a_local, goods, view, terms))
        assert np.array_equal(_bits(out[1]), _bits(want_share)) and np.array_equal(out[2], want_disputes)
        seen.append(((out[1] > 0) & (out[1] < 1)).sum() + 1j * len(cand))
        return out

    monkeypatch.setattr(al, "_admitted", checked)
    Simulation(sc, rng=5).run(12)
    assert sum(s.imag for s in seen) > 50 and sum(s.real for s in seen) > 0  # many candidates, some split votes


@pytest.mark.parametrize("seed", range(8))
def test_burden_shares_kernel_is_the_theory_function_to_the_bit(seed):
    """Random memberships (empty rows, powerless members, every state a member) and powers (zeros, wide ranges)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    members = rng.random((int(rng.integers(0, 30)), n)) < rng.uniform(0.0, 1.0)
    power = rng.random(n) * 10.0 ** rng.uniform(-8, 2, n) * (rng.random(n) < 0.8)
    if len(members) > 2:
        members[0] = True
        members[1] = False
        members[2] = power == 0.0  # only powerless members: even shares
    got = acc.burden_shares(members, power)
    assert np.array_equal(_bits(got), _bits(th_consent.burden_shares(members, power)))


@pytest.mark.parametrize("seed", range(8))
def test_community_terms_are_the_numpy_mean_democracy_and_home_region(seed):
    """``_community``'s members' mean democracy (a row sum over the states) and home region (the first region of the most members)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    members = rng.random((int(rng.integers(0, 25)), n)) < rng.uniform(0.0, 0.6)
    regime = rng.random(n) * (rng.random(n) < 0.9)
    region = rng.integers(0, 5, n)
    mean, home = acc.community_terms(members, regime, region, 5)
    want_mean = (members * regime[None, :]).sum(axis=1) / np.maximum(members.sum(axis=1), 1)
    counts = np.zeros((len(members), 5))
    np.add.at(counts, (np.nonzero(members)[0], region[np.nonzero(members)[1]]), 1.0)
    assert np.array_equal(_bits(mean), _bits(want_mean))
    assert np.array_equal(home, counts.argmax(axis=1))


@pytest.mark.parametrize("seed", range(8))
def test_open_accessions_are_the_numpy_options(seed):
    """``_best_accessions``' open options, as numpy found them: admits, a member of the state's region, not a member, no exit
    this year, not barred (permanent neutrality); in ``np.nonzero``'s order."""
    from foedus.theory import alignment as th_align
    from foedus.theory import regions as th_regions

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 120))
    a = int(rng.integers(0, 40))
    members = rng.random((a, n)) < rng.uniform(0.02, 0.4)
    slots = rng.permutation(a + 5)[:a].astype(np.int64)
    admits = rng.random(a) < 0.7
    region = rng.integers(0, 5, n)
    last_exit = np.where(rng.random((a + 5, n)) < 0.1, 2000, -1).astype(np.int32)
    rows = np.flatnonzero(rng.random(n) < 0.4).astype(np.int64)
    goods = rng.random((a, 5)) < 0.5
    barred = th_align.neutrality_bars(rng.random(n)[rows] < 0.2, goods)
    regions = np.zeros((a, 5), bool)
    a_m, s_m = np.nonzero(members)
    regions[a_m, region[s_m]] = True
    j_ok = admits[None, :] & th_regions.admissible(region[rows], regions)
    j_ok &= ~members[:, rows].T & (last_exit[np.ix_(slots, rows)].T != 2000) & ~barred
    want_r, want_a = np.nonzero(j_ok)
    got_r, got_a = acc.open_accessions(rows, members, slots, admits, region, 5, last_exit, 2000, barred)
    assert np.array_equal(got_r, want_r) and np.array_equal(got_a, want_a)
    assert len(want_r) or a == 0 or len(rows) == 0 or seed % 2


@pytest.mark.parametrize("seed", range(6))
def test_defence_pairs_are_the_numpy_pledges(seed):
    """``formation.defence_pledges``' pairs: the membership product above 0 over the defence alliances, diagonal False."""
    from foedus.sim.steps import alignment_kernels as kern

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 90))
    rows = rng.random((int(rng.integers(0, 30)), n)) < rng.uniform(0.02, 0.5)
    defence = rng.random(len(rows)) < 0.6
    m = rows[defence].astype(float)
    want = (m.T @ m) > 0
    np.fill_diagonal(want, False)
    assert np.array_equal(kern.defence_pairs(rows, defence), want)


def _numpy_choice(rr, aa, cand, top, size, unit_cost, power, alliance_power, commitment, protect_a, keep_a, entrap_a, autonomy, burden, exponent,
                  w, beta, tau, j_value, offset, n_alliances, best, net, value, cost):
    """The numpy code ``accession_choice`` replaced in ``alignment._best_accessions`` (theory.consent.newcomer_share,
    candidate_base_cost and theory.obligations.commitment_cost as pact_cost passes them, then np.argmax over the options)."""
    sigma = th_consent.newcomer_share(power[cand], alliance_power, size[aa])
    j_base = th_consent.candidate_base_cost(unit_cost[cand], size[aa], power[cand], alliance_power, exponent=exponent, share=sigma, check=False)
    protect = protect_a[aa]
    keep = keep_a[aa]
    j_cost = th_ob.commitment_cost(j_base, commitment[aa], autonomy[cand, top[aa]] * (protect * keep), autonomy_weight=w,
                                   burden=burden[cand, top[aa]] * (protect * sigma), burden_weight=beta, treaty_cost=tau, entrapment=entrap_a[aa], check=False)
    r = len(best)
    j_net = np.full((r, n_alliances), -np.inf)
    j_net[rr, aa] = j_value - j_cost
    j_best = j_net.argmax(axis=1)
    idx = np.arange(r)
    j_top = j_net[idx, j_best]
    acc_ = ~np.isnan(net) & ((j_top > net) | np.isnan(j_top))
    best, net, value, cost = best.copy(), net.copy(), value.copy(), cost.copy()
    if acc_.any():
        at = np.zeros((r, n_alliances), np.intp)
        at[rr, aa] = np.arange(len(rr))
        pos = at[idx[acc_], j_best[acc_]]
        best[acc_], net[acc_], value[acc_], cost[acc_] = offset + j_best[acc_], j_top[acc_], j_value[pos], j_cost[pos]
    return j_cost, best, net, value, cost


def _choice_case(rng, n=30, r=12, a=7, k=40):
    rows = rng.choice(n, r, replace=False)
    rr, aa = rng.integers(0, r, k), rng.integers(0, a, k)
    power = rng.random(n) * (rng.random(n) > 0.2)  # exact zeros: the newcomer's share of an alliance without power
    alliance_power = rng.random(k) * (rng.random(k) > 0.3)
    j_value = rng.normal(size=k)
    j_value[rng.random(k) < 0.1] = np.nan
    j_value[rng.random(k) < 0.1] = 0.5  # ties
    net = rng.normal(size=r)
    net[rng.random(r) < 0.2] = np.nan
    net[rng.random(r) < 0.2] = -np.inf
    return {
        "rr": rr, "aa": aa, "cand": rows[rr], "top": rng.integers(0, n, a), "size": rng.integers(1, 9, a), "unit_cost": rng.random(n) * 0.2,
        "power": power, "alliance_power": alliance_power, "commitment": rng.choice([0.3, 0.6, 1.0], a), "protect_a": (rng.random(a) > 0.4).astype(float),
        "keep_a": rng.choice([1.0, 0.8, 0.65], a), "entrap_a": rng.choice([1.0, 0.5], a), "autonomy": rng.uniform(-0.5, 0.5, (n, n)),
        "burden": rng.random((n, n)), "exponent": float(rng.choice([0.5, 0.75, 1.0, 2.0])), "w": 0.4, "beta": 0.7, "tau": 0.05, "j_value": j_value,
        "offset": 5 * n, "n_alliances": a, "best": rng.integers(0, 5 * n, r), "net": net, "value": rng.normal(size=r), "cost": rng.normal(size=r),
    }


def _kernel_choice(c):
    """``accession_choice`` called as ``_best_accessions`` calls it, on the arrays of :func:`_choice_case`."""
    best, net, value, cost = c["best"].copy(), c["net"].copy(), c["value"].copy(), c["cost"].copy()
    prot_keep = c["protect_a"] * c["keep_a"]
    size_f = c["size"].astype(float)
    l1p = np.log1p(c["autonomy"][c["cand"], c["top"][c["aa"]]] * prot_keep[c["aa"]])
    j_cost = acc.accession_choice(c["rr"], c["aa"], c["cand"], c["top"], size_f, size_f ** c["exponent"], c["unit_cost"], c["power"], c["alliance_power"],
                                  c["commitment"], c["protect_a"], prot_keep, c["entrap_a"], l1p, c["burden"], c["w"], c["beta"], c["tau"], c["j_value"],
                                  c["offset"], c["n_alliances"], best, net, value, cost)
    return j_cost, best, net, value, cost


@pytest.mark.parametrize("seed", range(12))
def test_accession_choice_is_the_theory_functions_and_numpys_argmax_to_the_bit(seed):
    """The open accessions' costs and the options' choice (first NaN, first maximum, an accession only where strictly better or
    NaN against a pact that is not NaN) are the numpy code's, bit for bit; repeated (row, alliance) pairs take the last entry."""
    c = _choice_case(np.random.default_rng(seed))
    got, want = _kernel_choice(c), _numpy_choice(**c)
    assert np.array_equal(_bits(got[0]), _bits(want[0]))
    assert np.array_equal(got[1], want[1])
    for g, w_ in zip(got[2:], want[2:]):
        assert np.array_equal(_bits(g), _bits(w_))
    assert not np.array_equal(want[1], c["best"])  # some accessions win


def test_best_accessions_in_a_simulated_world_are_the_numpy_choice(monkeypatch):
    """Every call of the compiled choice in a run equals, on the step's own arrays, the numpy code (theory.consent.newcomer_share and
    candidate_base_cost at the parameters' exponent, commitment_cost's sum with the step's log1p, np.argmax), to the bit."""
    sc = synthetic_scenario(80, seed=3, years=20, alliances=10, cyber=False, spread_km=8000.0)
    exponent = sc.parameters.commitment_exponent
    real = acc.accession_choice
    seen = []

    def checked(rr, aa, cand, top, size_f, size_pow, unit_cost, power, alliance_power, commitment, protect, prot_keep, entrap, l1p, burden, w, beta,
                tau, j_value, offset, n_alliances, best, net, value, cost):
        sigma = th_consent.newcomer_share(power[cand], alliance_power, size_f[aa])
        j_base = th_consent.candidate_base_cost(unit_cost[cand], size_f[aa], power[cand], alliance_power, exponent=exponent, share=sigma, check=False)
        want_cost = tau + commitment[aa] * (entrap[aa] * j_base + beta * (burden[cand, top[aa]] * (protect[aa] * sigma)) - w * l1p)
        r = len(best)
        j_net = np.full((r, n_alliances), -np.inf)
        j_net[rr, aa] = j_value - want_cost
        j_best = j_net.argmax(axis=1)
        j_top = j_net[np.arange(r), j_best]
        acc_ = ~np.isnan(net) & ((j_top > net) | np.isnan(j_top))
        want_best = np.where(acc_, offset + j_best, best)
        out = real(rr, aa, cand, top, size_f, size_pow, unit_cost, power, alliance_power, commitment, protect, prot_keep, entrap, l1p, burden, w, beta,
                   tau, j_value, offset, n_alliances, best, net, value, cost)
        assert np.array_equal(_bits(out), _bits(want_cost)) and np.array_equal(best, want_best)
        assert np.array_equal(_bits(net[acc_]), _bits(j_top[acc_]))
        seen.append((len(rr), int(acc_.sum())))
        return out

    monkeypatch.setattr(acc, "accession_choice", checked)
    # the seed only picks a run in which some accessions are chosen, so the kernel's choice is exercised: since the casus
    # foederis arises at any reach (call20), seed 5's run weighs 68 and chooses none; seed 3's weighs 65 and chooses 7
    Simulation(sc, rng=3).run(20)
    assert sum(k for k, _ in seen) > 20 and sum(a for _, a in seen) > 0  # open accessions weighed, some chosen


def _unique_inverse(x, size):
    seen = np.zeros(size, bool)
    seen[x] = True
    return np.flatnonzero(seen), (np.cumsum(seen) - 1)[x]


def _numpy_values(goods, members, join_goods, power, regime, proximity, weight, rows, rr, aa):
    """The numpy code ``accession_values`` replaced in ``alignment._best_accessions`` (now ``_theory_accessions``): theory.choice.join_utilities
    by capability over the open pairs' states and alliances, the einsum over the goods the treaty provides, and
    theory.consent.milieu_value summed over the states in a protective treaty."""
    from foedus.theory import choice as th_choice

    r_used, r_at = _unique_inverse(rr, len(rows))
    a_used, a_at = _unique_inverse(aa, members.shape[0])
    join = th_choice.join_utilities(goods, members[a_used], aggregate="capability", power=power, states=rows[r_used], check=False)
    j_value = np.einsum("gra,ag->ra", join, join_goods[a_used].astype(float))[r_at, a_at]
    milieu = th_consent.milieu_value(regime, proximity, members[aa], rows[rr], weight=weight).sum(axis=1)
    return j_value + milieu * join_goods[aa, 0]


@pytest.mark.parametrize("seed", range(40))
def test_accession_values_are_join_utilities_einsum_and_milieu_to_the_bit(seed):
    """On random worlds (5 to 140 states: numpy's pairwise row sum in one block and split; exact zeros, powerless alliances, repeated
    pairs) the compiled values are the theory functions' and numpy's, bit for bit."""
    rng = np.random.default_rng(seed)
    n, a, r, k = int(rng.integers(5, 140)), int(rng.integers(1, 9)), int(rng.integers(1, 12)), int(rng.integers(1, 40))
    members = rng.random((a, n)) < rng.uniform(0.05, 0.6)
    goods = rng.normal(size=(5, n, n)) * (rng.random((5, n, n)) > 0.3)
    join_goods = rng.random((a, 5)) > 0.4
    power = rng.random(n) * (rng.random(n) > 0.2)
    regime, proximity = rng.random(n), rng.random((n, n))
    rows = rng.choice(n, min(r, n), replace=False)
    rr, aa = rng.integers(0, len(rows), k), rng.integers(0, a, k)
    want = _numpy_values(goods, members, join_goods, power, regime, proximity, 0.3, rows, rr, aa)
    got = acc.accession_values(rows[rr].astype(np.int64), aa.astype(np.int64), members, goods, join_goods, power, regime, proximity, 0.3)
    assert np.array_equal(_bits(got), _bits(want))


def test_accession_values_in_a_simulated_world_are_the_numpy_values(monkeypatch):
    """Every call of the compiled values in a run equals the numpy code on the step's own arrays, to the bit."""
    sc = synthetic_scenario(80, seed=3, years=20, alliances=10, cyber=False, spread_km=8000.0)
    real = acc.accession_values
    seen = []

    def checked(cand, aa, members, goods, join_goods, power, regime, proximity, weight):
        out = real(cand, aa, members, goods, join_goods, power, regime, proximity, weight)
        rows, rr = np.unique(cand, return_inverse=True)
        want = _numpy_values(goods, members, join_goods, power, regime, proximity, weight, rows, rr.reshape(-1), aa)
        assert np.array_equal(_bits(out), _bits(want))
        seen.append(len(cand))
        return out

    monkeypatch.setattr(acc, "accession_values", checked)
    Simulation(sc, rng=5).run(20)
    assert sum(seen) > 20
