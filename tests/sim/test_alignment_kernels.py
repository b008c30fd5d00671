"""The compiled passes of the alignment step (foedus.sim.steps.alignment_kernels) give the numpy code's numbers, to the bit.

Each kernel is checked against the numpy code it replaced (kept here as the reference), which
evaluates :func:`foedus.theory.obligations.commitment_cost` and
:func:`~foedus.theory.obligations.admission_votes` themselves: on random arrays (signed goods,
zeros, shared goods, wars, inactive states) and on a simulated world with the step's own
:func:`foedus.sim.steps.formation.pact_cost`, so a change to the cost rule shows here.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.membership import pair_max
from foedus.sim.steps import alignment_kernels as kern
from foedus.sim.steps.formation import (
    FORM_COMMITMENT,
    FORM_GOODS,
    FORM_RISK,
    ExchangeTerms,
    commitment_capacity,
    pact_cost,
)
from foedus.testing import synthetic_scenario
from foedus.theory import consent as th_consent
from foedus.theory import obligations as th_ob

al = sys.modules["foedus.sim.steps.alignment"]


def _bits(a):
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


def _theory_cost(c):
    """``pact_cost`` on plain arrays: (i, j, base, s, protection, risk, signing) -> commitment_cost."""

    def cost(i, j, base, s, prot, risk=None, signing=True):
        return th_ob.commitment_cost(
            base, s, c["autonomy"][i, j] * prot, autonomy_weight=c["w"], burden=c["burden"][i, j] * (prot if risk is None else risk),
            burden_weight=c["beta"], treaty_cost=c["tau"] if signing else 0.0, check=False,
        )

    return cost


def _numpy_pairs(rows, goods, shared_goods, shared_commitment, unit_cost, at_war, active, cost):
    """The pair block of ``_choose`` as numpy computed it: (argmax, net, value, cost) per row (over :func:`_numpy_nets`)."""
    r = len(rows)
    net_f, value, c = _numpy_nets(rows, goods, shared_goods, shared_commitment, unit_cost, at_war, active, cost)
    net = net_f.transpose(1, 0, 2).reshape(r, -1)
    best = net.argmax(axis=1)
    idx = np.arange(r)
    return best, net[idx, best], value.transpose(1, 0, 2).reshape(r, -1)[idx, best], c.transpose(1, 0, 2).reshape(r, -1)[idx, best]


def _random_case(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 60))
    a = int(rng.integers(1, 25))
    members = rng.random((a, n)) < rng.uniform(0.03, 0.3)
    alliance_goods = rng.random((a, 5)) < 0.5
    goods = rng.normal(size=(5, n, n)) * (rng.random((5, n, n)) < 0.7)
    goods[:, rng.random(n) < 0.1, :] = 0.0  # whole rows of exact zeros (signed zeros in the products)
    c = {
        "autonomy": rng.uniform(-0.9, 2.0, (n, n)), "burden": rng.random((n, n)) * (rng.random((n, n)) < 0.8), "w": float(rng.uniform(0, 1)),
        "beta": float(rng.uniform(0, 1)), "tau": float(rng.uniform(0, 0.1)) * (seed % 3 != 0),
    }
    return rng, n, members, alliance_goods, goods, c


_FORM_ARGS = (FORM_GOODS.astype(float), FORM_COMMITMENT, FORM_GOODS[:, 0].astype(float), FORM_RISK.astype(float))


def _pair_case(seed):
    """:func:`_random_case` with the pairs' terms drawn from it: (c, n, common), ``common`` the kernels' arguments before the forms
    (rows, goods, shared goods and commitment, unit cost, the autonomy terms and its log1p, the burden, wars, active states)."""
    rng, n, members, alliance_goods, goods, c = _random_case(seed)
    commitment = rng.choice([0.2, 0.3, 0.4, 0.8, 1.0], members.shape[0])
    shared_commitment = pair_max(members, commitment, n)
    shared_goods = np.stack([pair_max(members, alliance_goods[:, g].astype(float), n) > 0 for g in range(5)])
    unit_cost = rng.uniform(0.01, 0.5, n)
    at_war = rng.random((n, n)) < 0.05
    active = rng.random(n) < 0.9
    rows = np.flatnonzero(rng.random(n) < 0.5).astype(np.int64)
    return c, n, (rows, goods, shared_goods, shared_commitment, unit_cost, c["autonomy"], np.log1p(c["autonomy"]), c["burden"], at_war, active)


@pytest.mark.parametrize("seed", range(12))
def test_best_pairs_is_the_numpy_choice_among_new_pacts_to_the_bit(seed):
    c, n, common = _pair_case(seed)
    rows, goods, shared_goods, shared_commitment, unit_cost, _, _, _, at_war, active = common
    want = _numpy_pairs(rows, goods, shared_goods, shared_commitment, unit_cost, at_war, active, _theory_cost(c))
    got = kern.best_pairs(*common, *_FORM_ARGS, c["w"], c["beta"], c["tau"], np.zeros(n, bool))
    assert np.array_equal(got[0], want[0])
    for g, w in zip(got[1:], want[1:]):
        assert np.array_equal(_bits(g), _bits(w))
    assert (want[1] > 0).any() or seed % 4  # the cases exercise chosen pacts, not only refusals


@pytest.mark.parametrize("seed", range(6))
def test_best_pairs_of_permanently_neutral_states_are_the_choice_among_the_forms_that_pledge_no_fighting(seed):
    """Every state barred (permanent neutrality): the best pact is the one the kernel finds among the non-binding forms alone."""
    c, n, common = _pair_case(seed)
    free = np.flatnonzero(FORM_RISK == 0)
    got = kern.best_pairs(*common, *_FORM_ARGS, c["w"], c["beta"], c["tau"], np.ones(n, bool))
    sub = kern.best_pairs(*common, FORM_GOODS[free].astype(float), FORM_COMMITMENT[free], FORM_GOODS[free, 0].astype(float),
                          FORM_RISK[free].astype(float), c["w"], c["beta"], c["tau"], np.zeros(n, bool))
    chosen = np.isfinite(sub[1])
    assert chosen.any()
    assert np.array_equal(got[0][chosen], free[sub[0][chosen] // n] * n + sub[0][chosen] % n)
    assert np.array_equal(_bits(got[1]), _bits(sub[1]))
    assert not FORM_RISK[got[0][chosen] // n].any()
    # the portfolio pass bars them alike: with each partner, the best form among those that pledge no fighting
    by = kern.best_forms_by_partner(*common, *_FORM_ARGS, c["w"], c["beta"], c["tau"], np.ones(n, bool))
    sub_by = kern.best_forms_by_partner(*common, FORM_GOODS[free].astype(float), FORM_COMMITMENT[free], FORM_GOODS[free, 0].astype(float),
                                        FORM_RISK[free].astype(float), c["w"], c["beta"], c["tau"], np.zeros(n, bool))
    open_ = np.isfinite(sub_by[1])
    assert np.array_equal(_bits(by[1]), _bits(sub_by[1])) and np.array_equal(by[0][open_], free[sub_by[0][open_]])


def test_best_pairs_takes_the_first_nan_as_argmax_does():
    rng, n, _, _, goods, c = _random_case(3)
    goods[2, 1, :] = np.nan
    shared = np.zeros((5, n, n), bool)
    rows = np.arange(n)
    args = (shared, np.zeros((n, n)), rng.uniform(0.0, 0.1, n))
    want = _numpy_pairs(rows, goods, *args, np.zeros((n, n), bool), np.ones(n, bool), _theory_cost(c))
    got = kern.best_pairs(
        rows, goods, *args, c["autonomy"], np.log1p(c["autonomy"]), c["burden"], np.zeros((n, n), bool), np.ones(n, bool),
        FORM_GOODS.astype(float), FORM_COMMITMENT, FORM_GOODS[:, 0].astype(float), FORM_RISK.astype(float), c["w"], c["beta"], c["tau"], np.zeros(n, bool),
    )
    assert np.array_equal(got[0], want[0])
    assert np.array_equal(_bits(got[1]), _bits(want[1])) and np.isnan(got[1][1])


@pytest.mark.parametrize("seed", range(6))
def test_shared_terms_are_pair_max_of_commitment_and_of_each_good(seed):
    rng, n, members, alliance_goods, _, _ = _random_case(seed)
    commitment = rng.uniform(0.0, 1.0, members.shape[0])
    sc, sg = np.zeros((n, n)), np.zeros((5, n, n), bool)
    kern.shared_terms(np.ascontiguousarray(members), commitment, alliance_goods, sc, sg)
    assert np.array_equal(_bits(sc), _bits(pair_max(members, commitment, n)))
    assert np.array_equal(sg, np.stack([pair_max(members, alliance_goods[:, g].astype(float), n) > 0 for g in range(5)]))


@pytest.mark.parametrize("seed", range(3))
def test_the_kernels_cost_rule_is_the_steps_pact_cost_on_a_simulated_world(seed):
    """On a world after some years of a run: the kernels with ``pact_cost`` (formation) as the reference."""
    sim = Simulation(synthetic_scenario(40, seed=seed, years=12, alliances=4), rng=seed)
    sim.run(12)
    world = sim.world
    terms = ExchangeTerms(world)
    view = al._Alliances(world, commitment_capacity(world))
    assert len(view.slots)
    rng = np.random.default_rng(seed)
    goods = np.abs(rng.normal(size=(5, world.n, world.n))) * 0.2

    def cost(i, j, base, s, prot, risk=None, signing=True):
        return pact_cost(world, terms, i, j, base, s, prot, signing=signing, risk=risk)

    rows = np.arange(world.n)
    want = _numpy_pairs(rows, goods, view.shared_goods, view.shared_commitment, view.unit_cost, world.state.at_war, world.state.active, cost)
    p = world.inputs.params
    lg = al._log1p_autonomy(world, terms)
    got = kern.best_pairs(
        rows, goods, view.shared_goods, view.shared_commitment, view.unit_cost, terms.autonomy, lg, terms.burden, world.state.at_war, world.state.active,
        FORM_GOODS.astype(float), FORM_COMMITMENT, FORM_GOODS[:, 0].astype(float), FORM_RISK.astype(float), p.autonomy_weight, p.defence_burden_weight,
        p.treaty_cost, np.zeros(world.n, bool),
    )
    assert np.array_equal(got[0], want[0])
    for g, w in zip(got[1:], want[1:]):
        assert np.array_equal(_bits(g), _bits(w))


@pytest.mark.parametrize("seed", range(8))
def test_membership_values_are_member_values_summed_over_the_goods_provided(seed):
    from foedus.sim.membership import member_values

    rng, n, members, alliance_goods, goods, _ = _random_case(seed)
    slots = np.flatnonzero(rng.random(members.shape[0]) < 0.8)
    entry = rng.integers(1990, 2001, members.shape)
    year = 2000
    i_w, a_w, want = member_values(members, slots, entry, year, goods[0])
    want = want * alliance_goods[slots][a_w, 0]
    for g in range(1, 5):
        want = want + member_values(members, slots, entry, year, goods[g])[2] * alliance_goods[slots][a_w, g]
    cap = len(slots) * n
    i_idx, a_idx, stay = np.empty(cap, np.intp), np.empty(cap, np.intp), np.empty(cap)
    k = kern.membership_values(np.ascontiguousarray(members), slots.astype(np.intp), entry, year, goods, alliance_goods[slots], i_idx, a_idx, stay)
    assert k == len(want) > 0
    assert np.array_equal(i_idx[:k], i_w) and np.array_equal(a_idx[:k], a_w)
    assert np.array_equal(_bits(stay[:k]), _bits(want))


def _numpy_nets(rows, goods, shared_goods, shared_commitment, unit_cost, at_war, active, cost):
    """The (F, R, N) net values of ``_numpy_pairs`` (``-inf`` where no pact would be signed), with values and costs."""
    fresh = ~shared_goods[:, rows, :]
    forms = FORM_GOODS.astype(float)
    value = np.einsum("fg,grn->frn", forms, goods[:, rows, :] * fresh)
    partner_value = np.einsum("fg,gnr->frn", forms, goods[:, :, rows] * fresh.transpose(0, 2, 1))
    cols = np.arange(goods.shape[1])[None, :]
    s_f, prot_f, risk_f = FORM_COMMITMENT[:, None, None], FORM_GOODS[:, 0, None, None].astype(float), FORM_RISK[:, None, None].astype(float)
    c = cost(rows[:, None], cols, unit_cost[rows][:, None], s_f, prot_f, risk_f)
    pc = cost(cols, rows[:, None], unit_cost[None, :], s_f, prot_f, risk_f)
    ok = (cols != rows[:, None]) & ~at_war[rows] & active[None, :]
    ok = ok[None] & (FORM_COMMITMENT[:, None, None] > shared_commitment[rows][None]) & (partner_value > pc)
    return np.where(ok, value - c, -np.inf), value, c


@pytest.mark.parametrize("seed", range(8))
def test_best_forms_by_partner_is_the_numpy_best_form_with_each_partner_and_its_maximum_is_best_pairs(seed):
    """The portfolio pass: with each partner, the first form of the largest net value of the numpy choice (its value and cost),
    and over the partners the maximum is ``best_pairs``' net value, to the bit."""
    c, n, common = _pair_case(seed)
    rows, goods, shared_goods, shared_commitment, unit_cost, _, _, _, at_war, active = common
    args = (*common, *_FORM_ARGS, c["w"], c["beta"], c["tau"], np.zeros(n, bool))
    forms, nets, values, costs = kern.best_forms_by_partner(*args)
    net_f, value_f, cost_f = _numpy_nets(rows, goods, shared_goods, shared_commitment, unit_cost, at_war, active, _theory_cost(c))
    want_form = net_f.argmax(axis=0)
    want_net = net_f.max(axis=0)
    assert np.array_equal(_bits(nets), _bits(want_net))
    open_ = np.isfinite(want_net)
    assert open_.any() and np.array_equal(forms[open_], want_form[open_])
    r_i, j_i = np.nonzero(open_)
    assert np.array_equal(_bits(values[open_]), _bits(value_f[want_form[open_], r_i, j_i]))
    assert np.array_equal(_bits(costs[open_]), _bits(cost_f[want_form[open_], r_i, j_i]))
    assert np.array_equal(_bits(nets.max(axis=1)), _bits(kern.best_pairs(*args)[1]))


@pytest.mark.parametrize("seed", range(12))
def test_pair_options_is_best_pairs_and_best_forms_by_partner_in_one_pass_to_the_bit(seed):
    """alignment_kernels.pair_options (what _choose runs when pacts_per_year > 1) gives both kernels' arrays to the bit, with
    permanently neutral states among them and NaN values (best_pairs stops at the first NaN, best_forms_by_partner skips it)."""
    c, n, common = _pair_case(seed)
    common = list(common)
    if seed % 3 == 0:
        goods = common[1].copy()
        goods[seed % 5, int(common[0][0]), :] = np.nan  # a NaN good for the first reconsidering state
        common[1] = goods
    barred = np.random.default_rng(seed).random(n) < (0.2 if seed % 2 else 0.0)
    tail = (*_FORM_ARGS, c["w"], c["beta"], c["tau"], barred)
    got = kern.pair_options(*common, *tail)
    want = kern.best_pairs(*common, *tail) + kern.best_forms_by_partner(*common, *tail)
    assert np.array_equal(got[0], want[0]) and np.array_equal(got[4], want[4])
    for k in (1, 2, 3, 5, 6, 7):
        assert np.array_equal(_bits(got[k]), _bits(want[k]))
    assert np.isfinite(want[5]).any()  # the case has partners that would sign


def _numpy_exits(world, view, terms, goods, value_start):
    """The terms of ``alignment._exits`` as its numpy code computed them (the reference): the theory functions composed."""
    from foedus.theory import integration as th_integ

    p = world.inputs.params
    ag = world.state.agreements
    i_idx, a_idx, stay_m = al._membership_values(ag, view, goods, world.state.year)
    slots = view.slots[a_idx]
    start = value_start[slots, i_idx]
    fresh = np.isnan(start)
    value_start[slots[fresh], i_idx[fresh]] = stay_m[fresh]
    start = np.where(fresh, stay_m, start)
    top1, top2 = view.top
    partner = np.where(i_idx == top1[a_idx], top2[a_idx], top1[a_idx])
    base = p.exit_threshold * view.unit_cost[i_idx] * (1.0 + world.results.entrapment[i_idx])
    protect = view.goods[a_idx, 0].astype(float)
    share = th_consent.burden_shares(view.members, world.state.power)[a_idx, i_idx]
    rate = p.exit_rate * (1.0 - p.institution_protection * ag.institutionalised[slots] / 2.0)
    keep, general = al._institution(world, view, view.size >= 3)
    cost_m = pact_cost(world, terms, i_idx, partner, base, view.commitment[a_idx], protect * keep[a_idx], signing=False, risk=protect * share)
    kept_m = th_integ.retained_value(stay_m, start, general[a_idx], check=False)
    exit_p = rate * th_ob.inertia_exit_probability(kept_m, start, cost_m, rate=1.0, abrogation_cost=p.abrogation_cost, check=False)
    return i_idx, a_idx, stay_m, start, partner, cost_m, kept_m, exit_p


@pytest.mark.parametrize("seed", range(3))
def test_the_exit_kernels_are_the_theory_functions_composed_on_a_simulated_world_to_the_bit(seed):
    """alignment_kernels.exit_terms and exit_draws (alignment._exits) against the numpy code they replaced, which composes
    formation.pact_cost (theory.obligations.commitment_cost), theory.integration.retained_value and
    theory.obligations.inertia_exit_probability: the same values at entry (and the same ones written), partners, costs, retained
    values and exit probabilities to the bit, with institutions that bind and fresh memberships among them."""
    sim = Simulation(synthetic_scenario(40, seed=seed, years=12, alliances=6), rng=seed)
    sim.run(12)
    world = sim.world
    p = world.inputs.params.model_copy(update={"institutional_binding": 0.5, "general_asset_retention": 0.7, "institution_protection": 0.4, "abrogation_cost": 0.01})
    world.inputs.params = p
    ag = world.state.agreements
    ag.institutionalised[: ag.n] = np.arange(ag.n) % 3  # levels 0-2
    draw = np.random.default_rng(seed).random(ag.value_start[: ag.n].shape)
    ag.value_start[: ag.n][draw < 0.3] = np.nan  # fresh memberships
    ag.value_start[: ag.n][(draw >= 0.3) & (draw < 0.6)] = 5.0  # memberships worth more at entry than now
    ag.integration[: ag.n] = np.random.default_rng(seed + 1).random(ag.n)  # general assets
    terms = ExchangeTerms(world)
    view = al._Alliances(world, commitment_capacity(world))
    assert len(view.slots) and (view.size >= 3).any()
    goods = np.random.default_rng(seed).normal(0.3, 0.3, size=(5, world.n, world.n))
    ref_start = ag.value_start.copy()
    i_idx, a_idx, stay_m, start, partner, cost_m, kept_m, exit_p = _numpy_exits(world, view, terms, goods, ref_start)
    got_start_table = ag.value_start.copy()
    keep, general = al._institution(world, view, view.size >= 3)
    start_k, partner_k, base, da, burden, strength, rate = kern.exit_terms(
        i_idx, a_idx, stay_m, view.slots[a_idx], got_start_table, view.top[0], view.top[1], view.unit_cost, world.results.entrapment, view.goods,
        al._burden_shares(world, view), ag.institutionalised, keep, view.commitment.astype(float), terms.autonomy, terms.burden,
        float(p.exit_threshold), float(p.exit_rate), float(p.institution_protection),
    )
    cost_k, kept_k, exit_k = kern.exit_draws(stay_m, start_k, base, np.log1p(da), burden, strength, rate, general, a_idx,
                                             float(p.autonomy_weight), float(p.defence_burden_weight), float(p.abrogation_cost))
    assert np.array_equal(_bits(got_start_table[: ag.n]), _bits(ref_start[: ag.n]))  # the same values at entry written
    assert np.array_equal(partner_k, partner)
    for got, want in ((start_k, start), (cost_k, cost_m), (kept_k, kept_m), (exit_k, exit_p)):
        assert np.array_equal(_bits(got), _bits(want))
    assert (exit_p > 0).any() and (kept_m > stay_m).any()  # exits in play and general assets keeping value


@pytest.mark.parametrize("fighting", [True, False])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_join_protection_is_credible_protection_of_the_accession_motives(seed, fighting):
    """``alignment._join_protection`` (compiled) is ``formation.credible_protection(world, accession_motives(u))`` to the bit: on a
    simulated world's motives and on random ones with signed zeros, NaN and infinities, with and without a fighting credibility."""
    from foedus.sim.steps import formation
    from foedus.theory import alignment as th_align

    sim = Simulation(synthetic_scenario(25, seed=seed, years=6, alliances=3, cyber=False, spread_km=9000.0), rng=seed)
    sim.run(4)
    world = sim.world
    if not fighting:
        world.inputs.params = world.inputs.params.model_copy(update={"credible_fighting_pledges": 0.0})
    assert (formation.fighting_credibility(world) is None) != fighting
    rng = np.random.default_rng(seed)
    n = world.n
    noisy = rng.normal(size=(4, n, n)) * 10.0 ** rng.integers(-6, 6, size=(4, n, n))
    noisy[:, :3] = -0.0
    noisy[rng.random((4, n, n)) < 0.02] = np.nan
    noisy[0, 3, :] = np.inf
    noisy[3] = rng.normal(size=(n, n))  # tethering: ignored by joining
    for u in (world.results.utilities, noisy):
        ref = formation.credible_protection(world, th_align.accession_motives(u))
        out = np.full((n, n), 7.0)
        al._join_protection(world, u, out)
        assert (_bits(out) == _bits(ref)).all()


def _credible_goods_reference(goods, cred, u, fight, unread):
    """``formation.credible_goods``' terms as numpy and the theory function computed them (before the compiled pass)."""
    from foedus.theory import reassurance as th_reassure

    if cred is not None:
        goods[1] *= cred
    if fight is not None:
        goods[0], goods[4] = th_reassure.credible_pledges(goods[0], u[2] + u[3], goods[4], fight, check=False)
    if unread is not None:
        goods[2] += unread * (cred if cred is not None else 1.0)
    return goods


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_credible_terms_compiled_are_the_numpy_terms(seed):
    """``alignment_kernels.credible_terms`` (compiled) gives ``credible_goods``' numpy terms to the bit, each term on or off, on
    random goods and motives with signed zeros, NaN and infinities; and its checked path (the theory function) the same."""
    rng = np.random.default_rng(seed)
    n = 23
    goods = rng.normal(size=(5, n, n)) * 10.0 ** rng.integers(-5, 5, size=(5, n, n))
    goods[:, :2] = -0.0
    goods[rng.random((5, n, n)) < 0.02] = np.nan
    u = rng.normal(size=(4, n, n))
    u[2, 3] = np.inf
    cred, fight, unread = rng.random((n, n)), rng.random((n, n)), rng.random((n, n)) * (rng.random((n, n)) < 0.5)
    cred[0] = 0.0
    for c_on, f_on, un_on in [(a, b, c) for a in (True, False) for b in (True, False) for c in (True, False)]:
        args = (cred if c_on else None, u, fight if f_on else None, unread if un_on else None)
        ref = _credible_goods_reference(goods.copy(), *args)
        out = kern.credible_terms(goods.copy(), args[0], c_on, *args[1:], check=False)
        assert (_bits(out) == _bits(ref)).all()
        finite, fin = np.nan_to_num(goods), (args[0], np.nan_to_num(u), *args[2:])  # the checked path validates its inputs
        checked = kern.credible_terms(finite.copy(), fin[0], c_on, *fin[1:], check=True)
        assert (_bits(checked) == _bits(_credible_goods_reference(finite.copy(), *fin))).all()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pair_shares_compiled_are_pair_burden_shares_to_the_bit(seed):
    """``alignment_kernels.pair_shares`` (compiled, what the year's ``year_goods.pair_shares`` takes unless the run checks) is
    :func:`foedus.theory.consent.pair_burden_shares` to the bit: capabilities over many orders of magnitude, zeros (a pair without
    power shares equally), subnormals and a state of zero beside one of some power; and on a simulated world's capabilities."""
    rng = np.random.default_rng(seed)
    n = 41
    power = rng.random(n) * 10.0 ** rng.integers(-12, 3, size=n)
    power[:5] = 0.0
    power[5] = 5e-324
    power[6] = 1e300
    out = kern.pair_shares(power)
    assert out.shape == (n, n)
    assert (_bits(out) == _bits(th_consent.pair_burden_shares(power))).all()
    assert out[0, 1] == 0.5 and out[0, 7] == 0.0 and out[7, 0] == 1.0
    sc = synthetic_scenario(30, seed=seed, years=3, alliances=3)
    sim = Simulation(sc, rng=sc.seed)
    sim.run(3)
    pw = sim.world.state.power
    assert (_bits(kern.pair_shares(pw)) == _bits(th_consent.pair_burden_shares(pw))).all()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_add_scaled_and_in_system_scaled_are_numpys_operations_to_the_bit(seed):
    """``alignment_kernels.add_scaled`` (``x += k * y``: the spiral relief added to the reassurance good) and ``in_system_scaled``
    (``(w * x) * (active[:, None] & active[None, :])``: the unread alignment's weight and the states in the system) give numpy's
    bits, in place, on values over many orders of magnitude with signed zeros, NaN and infinities, weights of either sign and 0."""
    rng = np.random.default_rng(seed)
    n = 37
    x = rng.normal(size=(n, n)) * 10.0 ** rng.integers(-300, 300, size=(n, n))
    y = rng.normal(size=(n, n)) * 10.0 ** rng.integers(-300, 300, size=(n, n))
    for a in (x, y):
        a[rng.random((n, n)) < 0.05] = -0.0
        a[rng.random((n, n)) < 0.03] = np.nan
        a[rng.random((n, n)) < 0.02] = np.inf
        a[rng.random((n, n)) < 0.02] = -np.inf
    active = rng.random(n) < 0.8
    for k in (0.3, -2.5, 0.0, -0.0, 1e-300):
        goods = np.stack([x, x, y])  # a row of a (G, N, N) array, as the step passes goods[1]
        with np.errstate(all="ignore"):  # inf - inf, 0 * inf: NaN, as the kernels must give too
            want = goods[1] + k * y
            masked = (k * x) * (active[:, None] & active[None, :])
        kern.add_scaled(goods[1], k, y)
        assert (_bits(goods[1]) == _bits(want)).all() and (_bits(goods[0]) == _bits(x)).all()
        got = x.copy()
        kern.in_system_scaled(got, k, active)
        assert (_bits(got) == _bits(masked)).all()


@pytest.mark.parametrize("seed", range(6))
def test_first_pairs_is_numpys_first_of_each_unordered_pair_in_order(seed):
    """alignment_kernels.first_pairs against the numpy code it replaced in alignment._pairs (np.unique's first index of each
    pair code, sorted): pairs proposed from both sides, twice, none, and a state paired with itself."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    k = int(rng.integers(0, 3 * n))
    i, j = rng.integers(0, n, k), rng.integers(0, n, k)
    if k > 2:
        i[-1], j[-1] = j[0], i[0]  # the first pair proposed from the other side
    _, first = np.unique(np.minimum(i, j) * n + np.maximum(i, j), return_index=True)
    got = kern.first_pairs(i, j, n)
    assert np.array_equal(got, np.sort(first)) and got.dtype == np.intp
    assert k <= 2 or len(got) < k or len(set(zip(np.minimum(i, j).tolist(), np.maximum(i, j).tolist()))) == k
