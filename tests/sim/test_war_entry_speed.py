"""The war-entry routes' shared terms computed once a year (sim/steps/war_entry.py; issue 16): the same bits as asked pair by pair."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from foedus.sim.steps import war_entry
from foedus.theory import war_onset as th_onset


def _world(rng, n=120):
    cinc = rng.random(n) ** 4
    cinc[rng.random(n) < 0.1] = 0.0
    dist = rng.random((n, n)) * 15000.0
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    return SimpleNamespace(inputs=SimpleNamespace(distance_km=dist, params=SimpleNamespace(miles_per_day=250.0), check=True),
                           state=SimpleNamespace(cinc=cinc / cinc.sum(), year=1900), cache={})


@pytest.mark.parametrize("seed", range(6))
def test_the_years_reach_equals_the_theory_asked_pair_by_pair_to_the_bit(seed):
    """Every shape the routes ask (rows by columns, pairs, one attacker) is the same bits from the year's matrix as from
    :func:`foedus.theory.war_onset.reach` on just those pairs."""
    rng = np.random.default_rng(seed)
    world = _world(rng)
    n = len(world.state.cinc)

    def direct(who, enemy):
        return th_onset.reach(np.broadcast_to(world.state.cinc[who], np.broadcast(who, enemy).shape), world.inputs.distance_km[who, enemy], miles_per_day=250.0)

    cand, members = rng.choice(n, 40, replace=False), rng.choice(n, 7, replace=False)
    for who, enemy in [(cand[:, None], members[None, :]), (cand, rng.choice(n, 40)), (np.array([3]), np.array([5])), (np.arange(n)[None, :], members[:, None])]:
        assert war_entry.reach_of(world, who, enemy).tobytes() == direct(who, enemy).tobytes()


def test_the_years_reach_is_computed_again_when_the_year_or_the_capabilities_change():
    """A stale matrix would be a behaviour change: a new year or capability shares that moved (even in place) recompute it;
    within the year, the columns asked are computed once and kept."""
    rng = np.random.default_rng(1)
    world = _world(rng, 30)
    cols = np.array([4, 7, 7, 2])
    first = war_entry.year_reach(world, cols)
    kept = first[:, [2, 4, 7]].copy()
    assert (first[:, [0, 1, 3]] == 0).all()  # only the columns asked
    assert war_entry.year_reach(world, [7]) is first and np.array_equal(first[:, [2, 4, 7]], kept)  # the same year and inputs: kept
    war_entry.year_reach(world, [0])
    assert np.array_equal(first[:, [2, 4, 7]], kept) and (first[1:, 0] > 0).any()  # a new column added, the others kept
    world.state.year += 1
    second = war_entry.year_reach(world, cols)
    assert second is not first and np.array_equal(second[:, cols], first[:, cols]) and (second[:, 0] == 0).all()
    world.state.cinc[4] /= 2  # in place
    third = war_entry.year_reach(world, cols)
    assert third is not second and third[4, cols].tobytes() != second[4, cols].tobytes()
    world.inputs.distance_km = world.inputs.distance_km * 2  # new geography
    fourth = war_entry.year_reach(world, cols)
    assert fourth[4, 7] != third[4, 7]
    world.inputs.params.miles_per_day = 500.0
    assert war_entry.year_reach(world, cols)[4, 7] != fourth[4, 7]


from foedus.sim.steps import war_entry_kernels as wkern  # noqa: E402
from foedus.theory import joining as th_join  # noqa: E402


def _random_war(rng, n):
    allied = rng.random((n, n)) < 0.06
    allied = allied | allied.T
    np.fill_diagonal(allied, False)
    rivalry = rng.random((n, n)) < 0.08
    rivalry = rivalry | rivalry.T
    np.fill_diagonal(rivalry, False)
    pact = allied & (rng.random((n, n)) < 0.7)
    pact = pact & pact.T
    k = int(rng.integers(2, 9))
    members = rng.choice(n, k, replace=False).astype(np.intp)
    sides = np.where(rng.random(k) < 0.5, 1, 2).astype(np.intp)
    sides[0], sides[1] = 1, 2  # the attacker, the target
    reach = rng.random((n, n)) * (rng.random((n, n)) < 0.7)
    reach[rng.random((n, n)) < 0.05] = 0.5  # ties
    return allied, rivalry, pact, members, sides, reach


@pytest.mark.parametrize("seed", range(8))
def test_the_kernels_scott_pi_is_the_theorys_to_the_bit(seed):
    """:func:`foedus.theory.joining.scott_pi` of two portfolios (each state allied to itself) and the kernel's: the same bits."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 150))
    allied = rng.random((n, n)) < rng.uniform(0.0, 0.5)
    a, b = rng.integers(0, n, 60), rng.integers(0, n, 60)
    port = allied | np.eye(n, dtype=bool)
    want = th_join.scott_pi(port[a], port[b])
    assert wkern.scott_pi_rows(allied, a, b).tobytes() == want.tobytes()


@pytest.mark.parametrize("seed", range(12))
def test_the_opportunist_screen_equals_its_numpy_form(seed):
    """:func:`opportunist_screen` against the numpy code it replaced (until 2026-12, in war_entry.opportunists): the same
    best-reached rival, reach, eligibility and stake to the bit."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(10, 120))
    allied, rivalry, _, members, sides, reach = _random_war(rng, n)
    outside = np.ones(n, bool)
    outside[members] = False
    cand = np.flatnonzero(outside)
    # the numpy form
    tied = allied[np.ix_(cand, members)]
    rival = rivalry[np.ix_(cand, members)] & ~tied
    r = np.zeros(rival.shape)
    rows = np.flatnonzero(rival.any(axis=1))
    r[rows] = np.where(rival[rows], reach[cand[rows]][:, members], 0.0)
    best = r.argmax(axis=1)
    foe_side = sides[best]
    bound = (tied & (sides[None, :] == foe_side[:, None])).any(axis=1)
    has = rival[np.arange(len(cand)), best] & ~bound
    friend = np.where(foe_side == 1, members[1], members[0])
    stake = np.zeros(len(cand))
    k = np.flatnonzero(has)
    if len(k):
        idx = np.concatenate([cand[k], friend[k], members[best[k]]])
        port = allied[idx] | np.eye(n, dtype=bool)[idx]
        own_row, side_row, foe_row = port[: len(k)], port[len(k) : 2 * len(k)], port[2 * len(k) :]
        stake[k] = th_join.third_party_stake(th_join.scott_pi(own_row, side_row), th_join.scott_pi(own_row, foe_row))
    # the kernel
    kb, kr, kh, ks, kf = wkern.opportunist_screen(cand, members, sides, allied, rivalry, reach, members[0], members[1])
    kstake = np.zeros(len(cand))
    kstake[kh] = th_join.third_party_stake(ks[kh], kf[kh])
    assert np.array_equal(kb, best) and np.array_equal(kh, has)
    assert kr.tobytes() == r[np.arange(len(cand)), best].tobytes() and kstake.tobytes() == stake.tobytes()
    assert has.any() or seed > 3  # the screen is exercised


@pytest.mark.parametrize("seed", range(12))
def test_the_partner_screen_equals_its_numpy_form(seed):
    """:func:`partner_screen` against the numpy code it replaced (until 2026-12, in war_entry.warring_partners): the same
    candidates, sides, enemies, partners and reach to the partner."""
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(10, 120))
    allied, _, pact, members, sides, reach = _random_war(rng, n)
    active = rng.random(n) < 0.97
    att, tgt = members[0], members[1]
    free = active & (rng.random(n) < 0.95)
    free[members] = False
    # the numpy form
    tie = pact[:, members] & np.isin(members, (att, tgt))[None, :]
    near = allied[:, members]
    joins = [(tie[:, sides == s].any(axis=1) & ~near[:, sides != s].any(axis=1) & free) for s in (1, 2)]
    cand = np.flatnonzero(joins[0] | joins[1])
    own = np.where(joins[0][cand], 1, 2)
    enemy = np.where(own == 1, tgt, att)
    live = active[enemy]
    cand, own, enemy = cand[live], own[live], enemy[live]
    to_member = np.where(tie[cand] & (sides[None, :] == own[:, None]), reach[cand[:, None], members[None, :]], -1.0)
    partner = members[to_member.argmax(axis=1)] if len(cand) else np.zeros(0, np.intp)
    to_partner = np.maximum(to_member.max(axis=1), 0.0) if len(cand) else np.zeros(0)
    # the kernel
    kc, ko, ke, kp, kt = wkern.partner_screen(members, sides, pact, allied, free, active, reach, att, tgt)
    assert np.array_equal(kc, cand) and np.array_equal(ko, own) and np.array_equal(ke, enemy) and np.array_equal(kp, partner)
    assert kt.tobytes() == to_partner.tobytes()
    assert len(cand) or seed in (7, 8)  # the screen is exercised (candidates in 10 of the 12 worlds)


def _bits64(a):
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


@pytest.mark.parametrize("seed", range(12))
def test_the_entry_probabilities_are_the_theorys_to_the_bit(seed):
    """:func:`~foedus.sim.steps.war_entry_kernels.partner_probability` and :func:`~.opportunist_probability` give the theory
    functions' numbers (reach_to_war, warring_ally_join_probability, third_party_stake, staked_opportunist_probability, times the
    restraint) to the bit, and report an input the theory refuses (outside [0, 1], not finite) as not valid."""
    from foedus.sim.steps import war_entry_kernels as wk
    from foedus.theory import joining as th_join

    rng = np.random.default_rng(seed)
    n, k = 40, int(rng.integers(1, 25))
    reach = rng.random((n, n)) * (rng.random((n, n)) < 0.8)
    hostility = rng.random((n, n)) * (rng.random((n, n)) < 0.7)
    cand, enemy, partner = rng.choice(n, k), rng.choice(n, k), rng.choice(n, k)
    to_partner = rng.random(k) * (rng.random(k) < 0.8)
    restraint = np.where(rng.random(k) < 0.2, rng.choice([0.0, 0.25]), 1.0)
    rate = float(rng.uniform(0, 1))
    allied = rng.random((n, n)) < 0.15
    allied = allied | allied.T
    own = rng.choice(np.array([1, 2], dtype=np.intp), k)  # beside the attacker (1) or the target (2)
    got = wk.partner_probability(cand, own, enemy, partner, to_partner, reach, hostility, allied, restraint, rate)
    want_reach = th_join.attacker_ally_reach(own == 1, reach[cand, enemy], to_partner, reach[enemy, partner])
    row = (allied | np.eye(n, dtype=bool)).astype(float)
    raw_stake = th_join.third_party_stake(th_join.scott_pi(row[cand], row[partner]), th_join.scott_pi(row[cand], row[enemy]))
    want_stake = raw_stake
    want = th_join.warring_ally_join_probability(rate, want_reach, hostility[cand, enemy], want_stake) * restraint
    assert got[4] and np.array_equal(_bits64(got[0]), _bits64(want_reach)) and np.array_equal(_bits64(got[3]), _bits64(want))
    assert np.array_equal(_bits64(got[1]), _bits64(hostility[cand, enemy])) and np.array_equal(_bits64(got[2]), _bits64(want_stake))
    assert (raw_stake > 0).any()  # the stake is exercised
    bad = hostility.copy()
    bad[cand[-1], enemy[-1]] = rng.choice([np.nan, 1.5, -0.1])
    assert not wk.partner_probability(cand, own, enemy, partner, to_partner, reach, bad, allied, restraint, rate)[4]
    with pytest.raises(ValueError):  # the theory says why
        th_join.warring_ally_join_probability(rate, want_reach, bad[cand, enemy])

    has = rng.random(k) < 0.7
    sim_side, sim_foe = rng.uniform(-1, 1, k), rng.uniform(-1, 1, k)
    sim_side[rng.random(k) < 0.2] = 1.0
    sim_foe[rng.random(k) < 0.2] = -1.0  # a whole stake
    to_best = rng.random(k) * has
    stake, prob, valid = wk.opportunist_probability(to_best, has, sim_side, sim_foe, restraint, rate)
    want_stake = np.zeros(k)
    want_stake[has] = th_join.third_party_stake(sim_side[has], sim_foe[has])
    want = th_join.staked_opportunist_probability(rate, to_best, has, want_stake) * restraint
    assert valid and np.array_equal(_bits64(stake), _bits64(want_stake)) and np.array_equal(_bits64(prob), _bits64(want))
    if has.any():
        sim_side[np.flatnonzero(has)[0]] = np.nan
        assert not wk.opportunist_probability(to_best, has, sim_side, sim_foe, restraint, rate)[2]
    to_best[0] = 1.5
    assert not wk.opportunist_probability(to_best, has, sim_side * 0, sim_foe * 0, restraint, rate)[2]


@pytest.mark.parametrize("seed", range(12))
def test_the_coalition_terms_are_the_theorys_to_the_bit(seed):
    """:func:`~foedus.sim.steps.war_entry_kernels.coalition_terms` gives ``wartime._coalition``'s numpy terms (the capabilities at
    the enemy's territory, :func:`foedus.theory.wartime.coalition_gain`, :func:`~foedus.theory.wartime.leaning`,
    :func:`~foedus.theory.wartime.entry_value`) to the bit, and reports an input the theory refuses as not valid."""
    from foedus.sim.steps import war_entry_kernels as wk
    from foedus.theory import wartime as th_wt

    rng = np.random.default_rng(seed)
    n, k = 40, int(rng.integers(1, 25))
    cinc = rng.dirichlet(np.ones(n)) * (rng.random(n) < 0.9)
    reach = rng.random((n, n)) * (rng.random((n, n)) < 0.8)
    hostility = rng.random((n, n)) * (rng.random((n, n)) < 0.6)
    b, e = rng.choice(n, 2, replace=False)
    cand = rng.choice(np.setdiff1d(np.arange(n), [b, e]), k)
    cost = float(rng.choice([0.0, rng.uniform(0, 0.1)]))
    cinc[b] = cinc[e] = 0.1
    reach[b, e], hostility[b, e] = 1.0, 0.5  # even odds alone: any partner in reach and hostile to the enemy is a gain
    own, enemy, partner, gain, value, valid = wk.coalition_terms(cand, b, e, cinc, reach, hostility, cost)
    w_own = cinc[[b]] * reach[[b], e]
    w_partner = cinc[cand] * reach[cand, e]
    w_gain = th_wt.coalition_gain(np.repeat(w_own, k), np.repeat(cinc[[e]], k), w_partner, np.full(k, hostility[b, e]), hostility[cand, e])
    pref = th_wt.leaning(hostility[cand, e], hostility[cand, b])
    w_value = th_wt.entry_value(np.repeat(w_own, k), np.repeat(cinc[[e]], k), w_partner, pref, cost)
    assert valid and own == w_own[0] and enemy == cinc[e]
    for got, want in ((partner, w_partner), (gain, w_gain), (value, w_value)):
        assert np.array_equal(_bits64(got), _bits64(want))
    assert (w_gain > 0).any() or k < 4  # gains are met
    bad = hostility.copy()
    bad[cand[-1], b] = rng.choice([np.nan, 1.5, -0.1])
    assert not wk.coalition_terms(cand, b, e, cinc, reach, bad, cost)[5]
    assert not wk.coalition_terms(cand, b, e, cinc, reach, hostility, -0.1)[5]


@pytest.mark.parametrize("seed", range(12))
def test_the_neutrality_terms_are_the_theorys_to_the_bit(seed):
    """:func:`~foedus.sim.steps.war_entry_kernels.neutrality_terms` gives ``wartime._neutrality``'s numpy terms (the capabilities at
    the target's territory, :func:`foedus.theory.wartime.leaning`, :func:`~foedus.theory.wartime.leaning_neutrality_gain`) to the
    bit, and reports an input the theory refuses as not valid."""
    from foedus.sim.steps import war_entry_kernels as wk
    from foedus.theory import wartime as th_wt

    rng = np.random.default_rng(seed)
    n, k = 40, int(rng.integers(1, 25))
    cinc = rng.dirichlet(np.ones(n)) * (rng.random(n) < 0.9)
    reach = rng.random((n, n)) * (rng.random((n, n)) < 0.8)
    hostility = rng.random((n, n)) * (rng.random((n, n)) < 0.6)
    a, t = rng.choice(n, 2, replace=False)
    cinc[a], cinc[t] = 0.3, 0.1  # the attacker wins alone: a bystander that may defend the target is a loss
    reach[a, t], hostility[a, t] = 1.0, 0.5
    hostility[rng.random(n) < 0.5, a] = 0.9  # bystanders leaning to the target
    cand = rng.choice(np.setdiff1d(np.arange(n), [a, t]), k)
    own, enemy, bystander, lean, gain, valid = wk.neutrality_terms(cand, a, t, cinc, reach, hostility)
    w_own = cinc[[a]] * reach[[a], t]
    w_by = cinc[cand] * reach[cand, t]
    w_lean = th_wt.leaning(hostility[cand, a], hostility[cand, t])
    w_gain = th_wt.leaning_neutrality_gain(np.repeat(w_own, k), np.repeat(cinc[[t]], k), w_by, np.full(k, hostility[a, t]), w_lean)
    assert valid and own == w_own[0] and enemy == cinc[t]
    for got, want in ((bystander, w_by), (lean, w_lean), (gain, w_gain)):
        assert np.array_equal(_bits64(got), _bits64(want))
    assert (w_gain > 0).any() or k < 6
    bad = hostility.copy()
    bad[cand[-1], t] = rng.choice([np.nan, 1.5, -0.1])
    assert not wk.neutrality_terms(cand, a, t, cinc, reach, bad)[5]


@pytest.mark.parametrize("seed", range(12))
def test_the_compiled_entry_restraint_is_the_steps_to_the_bit(seed):
    """:func:`~foedus.sim.steps.war_entry_kernels.entry_restraint` (in ``opportunist_entries`` and ``partner_entries``) gives
    :func:`foedus.sim.steps.war_entry.nuclear_restraint` times :func:`foedus.theory.war_restraint.great_power_odds_factor`,
    the step's products, to the bit, and the same ``joint``."""
    from foedus.theory.war_restraint import great_power_odds_factor

    rng = np.random.default_rng(900 + seed)
    n = int(rng.integers(5, 60))
    nuclear = rng.random(n) < rng.choice([0.0, 0.2, 0.6])
    major = rng.random(n) < 0.3
    strength, coef = float(rng.choice([0.0, 0.3, 0.9, 1.0])), float(rng.choice([0.0, np.log(0.4), -1.3]))
    ccode = np.arange(n)
    world = SimpleNamespace(inputs=SimpleNamespace(ccode=ccode, params=SimpleNamespace(nuclear_entry_restraint=strength)),
                            state=SimpleNamespace(year=1990), cache={"nuclear_entry": (1990, ccode, nuclear)})
    joints = 0
    for _ in range(20):
        k = int(rng.integers(2, min(n, 9) + 1))
        members = rng.choice(n, k, replace=False).astype(np.intp)
        sides = np.where(rng.random(k) < 0.5, 1, 2).astype(np.intp)
        war = {"side": dict(zip(members.tolist(), sides.tolist()))}
        who = rng.integers(0, n, int(rng.integers(0, 30))).astype(np.intp)
        joins = rng.integers(1, 3, len(who)).astype(np.intp)
        enemy = rng.integers(0, n, len(who)).astype(np.intp)
        want_r, want_j = war_entry.nuclear_restraint(world, war, who, joins)
        want_r = want_r * great_power_odds_factor(major[who], major[enemy], coef)
        got_r, got_j = wkern.entry_restraint(who, joins, enemy, members, sides, nuclear, 1.0 - strength, major, float(np.exp(coef)))
        assert np.array_equal(_bits64(got_r), _bits64(want_r)) and np.array_equal(got_j, want_j)
        joints += int(want_j.sum())
    assert joints > 0 or not nuclear.any() or seed % 3  # the restraint is exercised
