"""The compiled passes of the conflict step (foedus.sim.steps.conflict_kernels) give the numpy code's booleans.

Each kernel is checked against the numpy code it replaced (kept here as the reference), which
calls :func:`foedus.theory.war_onset.politically_relevant` itself, on random worlds (inactive
states, states without capability, wars, float and boolean pair arrays); and the nuclear cache of
the onset covariates against :func:`foedus.data.nuclear.nuclear_armed` year by year.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import numpy as np
import pytest

from foedus.data.nuclear import NUCLEAR_WEAPON_STATES, nuclear_armed
from foedus.sim.steps import conflict_kernels as kern
from foedus.theory import war_onset as th_onset

conflict = importlib.import_module("foedus.sim.steps.conflict")


def _numpy_live(i, j, active, power, at_war, contiguous, major, rivalry):
    """The numpy screen of ``_war_onsets`` before it was compiled."""
    n = len(active)
    live = active[i] & active[j] & (power[i] > 0) & (power[j] > 0)
    flat = i * n + j
    live &= ~np.take(at_war, flat)
    live &= th_onset.politically_relevant(np.take(contiguous, flat), major[i] | major[j], np.take(rivalry, flat))
    return live


def _numpy_under_way(at_war, side):
    """The numpy check of ``_under_way`` before it was compiled."""
    a = np.fromiter((s for s, v in side.items() if v == 1), np.intp)
    b = np.fromiter((s for s, v in side.items() if v == 2), np.intp)
    return bool(at_war[np.ix_(a, b)].any()) if len(a) and len(b) else False


def _world(rng, n, float_pairs):
    sym = lambda m: m | m.T  # noqa: E731
    contiguous = sym(rng.random((n, n)) < 0.05)
    rivalry = sym(rng.random((n, n)) < 0.02)
    if float_pairs:
        contiguous, rivalry = contiguous.astype(float), rivalry.astype(float)
    return dict(
        active=rng.random(n) < 0.9,
        power=np.where(rng.random(n) < 0.1, 0.0, rng.random(n)),
        at_war=sym(rng.random((n, n)) < 0.03),
        contiguous=contiguous,
        major=rng.random(n) < 0.05,
        rivalry=rivalry,
    )


@pytest.mark.parametrize("seed", range(6))
def test_onset_live_equals_numpy_screen(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 120))
    w = _world(rng, n, float_pairs=bool(seed % 2))
    i, j = np.triu_indices(n, 1)
    args = (i, j, w["active"], w["power"], w["at_war"], w["contiguous"], w["major"], w["rivalry"])
    got = kern.onset_live(*args)
    want = _numpy_live(*args)
    assert got.dtype == bool and np.array_equal(got, want)
    assert want.any() and not want.all()  # the screen decides something


@pytest.mark.parametrize("seed", range(6))
def test_under_way_equals_numpy_check(seed):
    rng = np.random.default_rng(100 + seed)
    n = 40
    at_war = rng.random((n, n)) < 0.02
    at_war |= at_war.T
    seen = set()
    for _ in range(200):
        k = int(rng.integers(0, 8))
        states = rng.choice(n, size=k, replace=False)
        side = {int(s): int(rng.integers(1, 3)) for s in states}
        war = {"side": side}
        got = kern.under_way(at_war, *kern.war_sides(war))
        want = _numpy_under_way(at_war, side)
        assert got == want
        seen.add(want)
    assert seen == {True, False}


def test_nuclear_cache_equals_table_every_year():
    ccode = np.array(sorted(NUCLEAR_WEAPON_STATES) + [2, 200, 220, 365, 999, 20, 560])
    world = SimpleNamespace(inputs=SimpleNamespace(ccode=ccode), state=SimpleNamespace(year=1816), cache={})
    for y in range(1816, 2031):
        world.state.year = y
        assert np.array_equal(conflict._nuclear(world), nuclear_armed(ccode, y)), y
    # new states (a new array) are looked up afresh
    world.inputs.ccode = ccode[::-1].copy()
    assert np.array_equal(conflict._nuclear(world), nuclear_armed(world.inputs.ccode, 2030))


@pytest.mark.parametrize("seed", range(4))
def test_opportunist_reach_of_the_rows_with_a_rival_equals_the_full_block(seed):
    """``_opportunists`` evaluates the reach only for candidates with a rival belligerent: the same bits as the whole block."""
    rng = np.random.default_rng(200 + seed)
    n, k = 150, int(rng.integers(2, 9))
    cinc = rng.random(n) ** 4
    cinc[rng.random(n) < 0.1] = 0.0
    dist = rng.random((n, n)) * 15000.0
    world = SimpleNamespace(inputs=SimpleNamespace(distance_km=dist, params=SimpleNamespace(miles_per_day=250.0), check=True), state=SimpleNamespace(cinc=cinc / cinc.sum(), year=2000), cache={})
    cand, members = np.arange(k, n), np.arange(k)
    rival = rng.random((len(cand), k)) < 0.05
    full = np.where(rival, conflict._reach(world, cand[:, None], members[None, :]), 0.0)
    part = np.zeros(rival.shape)
    rows = np.flatnonzero(rival.any(axis=1))
    part[rows] = np.where(rival[rows], conflict._reach(world, cand[rows][:, None], members[None, :]), 0.0)
    assert 0 < len(rows) < len(cand)
    assert np.array_equal(full.view(np.int64), part.view(np.int64))
    assert np.array_equal(full.argmax(axis=1), part.argmax(axis=1))


def _numpy_began(wi, wj, wars, year, n):
    """The numpy ``began`` of ``war_endings`` before it was compiled (``np.ix_`` blocks war by war)."""
    began = np.full((n, n), year - 1, dtype=np.int64)
    for war in wars:
        a, s_ = kern.war_sides(war)
        one, two = a[s_ == 1], a[s_ == 2]
        blk = np.minimum(began[np.ix_(one, two)], int(war["start"]))
        began[np.ix_(one, two)] = blk
        began[np.ix_(two, one)] = blk.T
    return began[wi, wj]


def _numpy_sides(weak, strong, wars, n):
    """The numpy ``same`` and ``other`` of ``war_endings.major_backed`` before they were compiled."""
    k = len(weak)
    same, other = np.zeros((k, n), bool), np.zeros((k, n), bool)
    for war in wars:
        side = np.zeros(n, np.int64)
        a, s_ = kern.war_sides(war)
        side[a] = s_
        fight = (side[weak] > 0) & (side[strong] > 0) & (side[weak] != side[strong])
        same[fight] |= side[None, :] == side[weak][fight, None]
        other[fight] |= side[None, :] == side[strong][fight, None]
    return same, other


def _wars(rng, n, year):
    """Random wars: overlapping sides, a state in several wars (on either side), starts before ``year``, some wars empty."""
    wars = []
    for _ in range(int(rng.integers(0, 12))):
        k = int(rng.integers(0, min(10, n) + 1))
        states = rng.choice(n, size=k, replace=False)
        wars.append({"start": int(rng.integers(year - 8, year + 1)), "side": {int(s): int(rng.integers(1, 3)) for s in states}})
    return wars


@pytest.mark.parametrize("seed", range(8))
def test_war_ending_terms_equal_numpy_blocks(seed):
    rng = np.random.default_rng(300 + seed)
    n, year = int(rng.integers(2, 40)), 1950
    at_war = rng.random((n, n)) < 0.3
    at_war |= at_war.T
    seen_age, seen_side = set(), set()
    for _ in range(30):
        wars = _wars(rng, n, year)
        for w in wars:  # the pairs across each war's sides are at war, as in a run
            a, s_ = kern.war_sides(w)
            at_war[np.ix_(a[s_ == 1], a[s_ == 2])] = at_war[np.ix_(a[s_ == 2], a[s_ == 1])] = True
        wi, wj = np.nonzero(at_war)
        wi, wj = wi[wi < wj], wj[wi < wj]
        flat = kern.wars_flat(wars)
        got = kern.pair_began(wi, wj, *flat, year, n)
        want = _numpy_began(wi, wj, wars, year, n)
        assert got.dtype == np.int64 and np.array_equal(got, want)
        seen_age.update((want < year - 1).tolist())
        power = rng.random(n)
        weak = np.where(power[wi] <= power[wj], wi, wj)
        strong = np.where(weak == wi, wj, wi)
        same, other = kern.backing_sides(weak, strong, flat[0], flat[1], flat[2], n)
        want_same, want_other = _numpy_sides(weak, strong, wars, n)
        assert np.array_equal(same, want_same) and np.array_equal(other, want_other)
        seen_side.add(bool(want_same.any()))
        keep = kern.under_way_all(at_war, flat[0], flat[1], flat[2])
        assert keep.tolist() == [_numpy_under_way(at_war, w["side"]) for w in wars]
    assert seen_age == {True, False} and True in seen_side  # the terms decide something


@pytest.mark.parametrize("seed", range(10))
def test_casus_foederis_kernel_equals_theory_to_the_bit(seed):
    """The compiled call to arms (``conflict_kernels.casus_foederis``) gives :func:`foedus.theory.war.casus_foederis`'s arrays."""
    from foedus.schema import OBLIGATIONS
    from foedus.theory import war as th_war

    rng = np.random.default_rng(400 + seed)
    d, o = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")
    calls = np.zeros(2, int)
    for _ in range(40):
        n, s_n = int(rng.integers(3, 30)), int(rng.integers(1, 12))
        m = rng.random((s_n, n)) < rng.uniform(0.1, 0.6)
        ob = rng.random((s_n, len(OBLIGATIONS))) < 0.5
        ob[rng.random(s_n) < 0.3, o] = False
        a, t = (int(v) for v in rng.choice(n, size=2, replace=False))
        m[rng.random(s_n) < 0.5, t] = True
        m[rng.random(s_n) < 0.4, a] = True
        against, provoked = bool(rng.random() < 0.5), bool(rng.random() < 0.5)
        written = bool(rng.random() < 0.6)
        cond = rng.integers(0, 8, s_n) * (rng.random(s_n) < 0.6) if written else None
        adv = np.where(rng.random((s_n, 3)) < 0.5, rng.integers(0, n, (s_n, 3)), -1) if written else None
        adv = np.where(rng.random((s_n, 3)) < 0.2, a, adv) if written else None
        want = th_war.casus_foederis(m, ob, a, t, against_a_member=against, conditions=cond, adversaries=adv, provoked=provoked)
        strength = th_war.war_commitment(ob, np.broadcast_to(np.asarray(False), (s_n,)))
        got = kern.casus_foederis(
            m, np.ascontiguousarray(ob[:, d]), np.ascontiguousarray(ob[:, o]), strength,
            np.asarray(cond, np.int64) if written else np.zeros(0, np.int64), np.asarray(adv, np.int64) if written else np.zeros((0, 1), np.int64),
            a, t, against, provoked, written,
        )
        for g, w in zip(got, want):
            assert g.dtype == w.dtype and np.array_equal(g, w)
        assert np.array_equal(got[0].view(np.int64), want[0].view(np.int64))
        calls += [(want[2] == t).sum(), (want[2] == a).sum()]
    assert (calls > 0).all()  # defence calls and offence calls both arise


@pytest.mark.parametrize("seed", range(6))
def test_onset_at_stake_equals_live_screen_and_issue_at_stake(seed):
    """The fused screen gives the pairs of ``onset_live`` that :func:`foedus.theory.war_onset.issue_at_stake` keeps, in order."""
    rng = np.random.default_rng(500 + seed)
    n = int(rng.integers(2, 120))
    w = _world(rng, n, float_pairs=bool(seed % 2))
    i, j = np.triu_indices(n, 1)
    args = (i, j, w["active"], w["power"], w["at_war"], w["contiguous"], w["major"], w["rivalry"])
    hostility = np.where(rng.random((n, n)) < 0.5, rng.random((n, n)) * 0.3, 0.0)
    memory = np.where(rng.random((n, n)) < 0.05, rng.random((n, n)), 0.0)
    live = np.flatnonzero(_numpy_live(*args))
    for has_memory in (True, False):
        mem = memory if has_memory else np.zeros((1, 1))
        got, clean = kern.onset_at_stake(*args, mem, has_memory, hostility, 0.1)
        m = memory[i[live], j[live]] if has_memory else np.zeros(len(live))
        issue = th_onset.issue_at_stake(w["rivalry"][i[live], j[live]], m, hostility[i[live], j[live]], hostility_floor=0.1)
        assert clean and np.array_equal(got, live[issue])
        assert 0 < len(got) < len(live)
    # a negative or non-finite hostility of a live pair sends the step back to the theory function
    bad = hostility.copy()
    bad[i[live[0]], j[live[0]]] = np.nan
    assert not kern.onset_at_stake(*args, memory, True, bad, 0.1)[1]


@pytest.mark.parametrize("seed", range(4))
def test_unwritten_pacts_equal_numpy_mask(seed):
    rng = np.random.default_rng(600 + seed)
    cap, k = 40, int(rng.integers(0, 40))
    active = rng.random(cap) < 0.7
    aid = rng.integers(0, 20, cap)
    kind, domain = rng.integers(0, 3, cap).astype(np.int8), rng.integers(0, 2, cap).astype(np.int8)
    cond = rng.integers(0, 16, cap).astype(np.int16)
    ob = rng.random((cap, 5)) < 0.4
    want = np.flatnonzero(active[:k] & (aid[:k] >= 10) & (kind[:k] != 1) & (domain[:k] == 0) & ((cond[:k] & 8) == 0) & ob[:k][:, [0, 1]].any(axis=1))
    got = kern.unwritten_pacts(active, aid, kind, domain, cond, ob, k, 10, 1, 0, 8, 0, 1)
    assert np.array_equal(got, want)


@pytest.mark.parametrize("seed", range(6))
def test_dispute_pairs_equal_theory_and_numpy_selection(seed):
    """``dispute_pairs``: :func:`foedus.theory.war.dispute_probability` to the bit, and the disputes the numpy code drew."""
    from foedus.theory import war as th_war

    rng = np.random.default_rng(700 + seed)
    n = int(rng.integers(2, 80))
    hostility, proximity = rng.random((n, n)), rng.random((n, n)) ** 3
    allied = rng.random((n, n)) < 0.2
    draws = rng.random((n, n)) * 0.3
    for restraint in (0.0, np.where(rng.random((n, n)) < 0.3, rng.random((n, n)), 0.0)):
        restrained = np.ndim(restraint) == 2
        prob, i, j, valid = kern.dispute_pairs(0.5, hostility, proximity, restraint if restrained else np.zeros((1, 1)), restrained, draws, allied)
        want = th_war.dispute_probability(0.5, hostility, proximity, restraint)
        assert valid and np.array_equal(prob.view(np.int64), want.view(np.int64))
        wi, wj = np.nonzero(draws < want)
        keep = (wi < wj) & ~allied[wi, wj]
        assert np.array_equal(i, wi[keep]) and np.array_equal(j, wj[keep]) and len(i) > 0
    bad = hostility.copy()
    bad[0, -1] = 1.5
    assert not kern.dispute_pairs(0.5, bad, proximity, np.zeros((1, 1)), False, draws, allied)[3]


def test_the_compiled_onset_hazards_are_the_theorys_to_the_bit():
    """conflict.onset_hazards, unchecked (conflict_kernels.onset_hazards), gives war_onset_hazard of onset_covariates to the bit, on a
    synthetic world and on record-built scenarios (capital distances, spatial rivalries, nuclear arms, the territorial norm), with
    war memories, regimes, rivalries and powers drawn at random, and with no war memory yet."""
    from foedus.sim import Simulation
    from foedus.sim.scenario import Scenario
    from foedus.testing import synthetic_scenario

    rng = np.random.default_rng(21)
    sims = [Simulation(synthetic_scenario(40, seed=2, years=6, alliances=4, spread_km=9000.0), rng=2)]
    sims += [Simulation(Scenario.load(name), rng=3) for name in ("world-2022", "europe-1871")]
    for sim in sims:
        sim.run(3)
        w = sim.world
        p = w.inputs.params
        n = w.n
        i, j = np.triu_indices(n, 1)
        for trial in range(4):
            if trial == 3:
                w.state.war_history = np.zeros((0, 0))  # before the first rivalry step
            elif trial:
                wh = np.where(rng.random((n, n)) < 0.3, rng.random((n, n)) * 3, 0.0)
                w.state.war_history = wh + wh.T
                riv = rng.random((n, n)) < 0.1
                w.state.rivalry = (riv | riv.T).astype(w.state.rivalry.dtype)
                w.state.regime = np.where(rng.random(n) < 0.2, 0.0, rng.random(n))
                w.state.power = np.where(rng.random(n) < 0.1, 0.0, rng.random(n) / n)
                w.state.major = rng.random(n) < 0.15
                w.cache.clear()
            x = conflict.onset_covariates(w, i, j)
            want = th_onset.war_onset_hazard(*(x[t] for t in th_onset.WAR_ONSET_TERMS), intercept=p.war_onset_intercept + p.war_onset_victory_offset + p.war_onset_issue_offset,
                                             coefficients=p.war_onset_coefficients())
            got = conflict.onset_hazards(w, i, j)
            assert got.tobytes() == want.tobytes(), (sim.scenario.name, trial)
            sub = rng.permutation(len(i))[:50]  # the covariates are elementwise: a subset's are the same values (the explanations')
            xs = conflict.onset_covariates(w, i[sub], j[sub])
            assert all(np.array_equal(xs[t], x[t][sub]) for t in th_onset.WAR_ONSET_TERMS)
