"""The restructured passes of the politics step give the numpy code's numbers, to the bit.

:func:`foedus.sim.steps.politics.founding_threat_lapse` measures each named target's threat to
the members only for the pacts that have one (it was evaluated over every pact, then discarded):
checked here against the former expression on simulated worlds, bit for bit.
"""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.steps._common import COALITION, SECURITY
from foedus.testing import synthetic_scenario

politics = importlib.import_module("foedus.sim.steps.politics")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_target_threat_equals_the_expression_over_every_pact(seed):
    sc = synthetic_scenario(40, seed=seed, years=6, alliances=8)
    sim = Simulation(sc, rng=seed)
    sim.run(6)
    world = sim.world
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    size = ag.members[slots].sum(axis=1).astype(float)
    politics.founding_threat_lapse(world, slots, size)  # the targets set (first measurement)
    lapse, now = politics.founding_threat_lapse(world, slots, size)
    tgt = ag.target[slots]
    has = tgt >= 0
    safe = np.where(has, tgt, 0)
    want = np.where(has, (ag.members[slots] * world.results.threat[:, safe].T).sum(axis=1) / np.maximum(size, 1.0), np.nan)
    assert has.any()
    assert np.array_equal(now.view(np.int64), want.view(np.int64))


def test_the_realignment_kernel_is_the_rule_on_large_treaties():
    """:func:`~foedus.sim.steps.politics._latest_outside_kernel` walks the agreements' member lists (issue 16): the same integers
    as the rule written with NumPy, on random cases with treaties of many members, few, none, and every density of adversaries."""
    from tests.sim.steps.test_politics_persistence import _latest_outside_numpy

    rng = np.random.default_rng(16)
    for _ in range(60):
        n_a, n = rng.integers(1, 25), rng.integers(1, 20)
        m = rng.random((n_a, n)) < rng.random()
        entry = np.where(m, rng.integers(1900, 1920, m.shape), -1).astype(np.int64)
        hostile = rng.random((n, n)) < 0.5 * rng.random()
        substitute = rng.random((n_a, n_a)) < rng.random()
        got = np.full(m.shape, -1, np.int64)
        politics._latest_outside_kernel(m, entry, hostile, substitute, got)
        assert np.array_equal(got, _latest_outside_numpy(m, entry, hostile, substitute))


def _threat_within_full(world, st, other, institutional):
    """The 'threat within' term as it was written before issue 11, over every treaty (the reference of the row-restricted one)."""
    from foedus.theory import abrogation as th_abrogation

    p, ag, slots, threat = world.inputs.params, world.state.agreements, st["slots"], world.results.threat
    main = st["main_threat"]
    within = th_abrogation.threat_within(ag.members[slots], main) & st["third_party"][:, None]
    tgt = ag.target[slots]
    rival = np.where(main >= 0, threat[np.arange(world.n), np.maximum(main, 0)], 0.0)
    common = threat[:, np.maximum(tgt, 0)].T
    ratio = np.where(within, common / np.where(rival > 0, rival, 1.0)[None, :], 0.0)
    tether = th_abrogation.tethered(st["size"], st["threat_lapse"], tgt >= 0, ratio)
    exposure, tethers = np.where(within, 1.0 - tether, 0.0), np.where(within, tether, np.nan)
    # the hazard by the treaty's size (session 21: theory.threat_within_size), over every treaty
    from foedus.theory.threat_within_size import threat_within_abrogation_by_size

    prob = threat_within_abrogation_by_size(within, tether, st["size"], bilateral=p.threat_within_hazard, intermediate=p.threat_within_hazard,
                                            large=p.threat_within_hazard_large, larger_than=int(p.unravel_max_members))
    keep = 1.0 - p.institution_protection * institutional
    held = 1.0 - min(2.0 * world.inputs.trends.norms * p.solidarity_protection, 1.0) * st["democracy"]
    return th_abrogation.threat_within_term(np.minimum(other, 1.0), prob, keep=keep, held=held)[None, :], within, exposure, tethers


def _bits(a):
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_threat_within_term_over_the_treaties_that_have_one_is_the_term_over_every_treaty(seed):
    """:func:`~foedus.sim.steps.politics._threat_within_term` evaluates the tether and the probability only for the treaties with a
    member that names a fellow member its main threat (issue 11): the same term, exposure and tether, to the bit, with and
    without such treaties (the main threats set so that some members name a fellow member)."""
    sc = synthetic_scenario(40, seed=seed, years=6, alliances=8)
    sim = Simulation(sc, rng=seed)
    sim.run(6)
    world = sim.world
    rng = np.random.default_rng(seed)
    for case in range(3):
        st = politics.cohesion_state(world)
        if case:  # some members of treaties of defence or offence name a fellow member (case 0: the world's own main threats)
            m = world.state.agreements.members[st["slots"]]
            main = st["main_threat"].copy()
            pacts = np.flatnonzero(st["third_party"] & (m.sum(axis=1) > 1))
            for a in rng.choice(pacts, size=min(len(pacts), 3 * case), replace=False):
                idx = np.flatnonzero(m[a])
                if len(idx) > 1:
                    main[idx[0]] = idx[1]
            st["main_threat"] = main
        other = rng.random(len(st["slots"])) * 1.5
        inst = rng.random(len(st["slots"]))
        want, within, exposure, tethers = _threat_within_full(world, st, other, inst)
        got = politics._threat_within_term(world, st, other, inst)
        assert case == 0 or within.any()
        assert np.array_equal(_bits(got), _bits(want)) and np.array_equal(st["within"], within)
        assert np.array_equal(_bits(st["exposure"]), _bits(exposure)) and np.array_equal(_bits(st["tether"]), _bits(tethers))


def test_the_realigning_kernel_is_the_walk_given_the_matrix_of_realigning_pledges():
    """:func:`~foedus.sim.steps.politics._realigning_outside_kernel` tests :func:`foedus.theory.abrogation.realigning_pledges` pair by
    pair as it walks (issue 11): the integers of :func:`~foedus.sim.steps.politics._latest_outside_kernel` given the whole matrix, on
    random treaties with shared members, tied and untied commitments, NaN, named and unknown targets."""
    from foedus.theory.abrogation import realigning_pledges

    rng = np.random.default_rng(11)
    found = 0
    for _ in range(200):
        n_a, n = rng.integers(1, 25), rng.integers(1, 20)
        m = rng.random((n_a, n)) < rng.random()
        entry = np.where(m, rng.integers(1900, 1920, m.shape), -1).astype(np.int64)
        hostile = rng.random((n, n)) < 0.5 * rng.random()
        commitment = rng.choice([0.3, 0.5, 0.75, 1.0, np.nan], size=n_a)
        third = rng.random(n_a) < 0.7
        target = rng.integers(-3, 4, n_a).astype(np.int32)
        want = np.full(m.shape, -1, np.int64)
        politics._latest_outside_kernel(m, entry, hostile, realigning_pledges(commitment, third, target), want)
        got = np.full(m.shape, -1, np.int64)
        politics._realigning_outside_kernel(m, entry, hostile, commitment, third, target, got)
        assert np.array_equal(got, want)
        found += int((want >= 0).any())
    assert found > 20


def test_the_least_regime_kernel_is_democratic_commitment():
    """:func:`~foedus.sim.steps.politics._least_regime_kernel` (issue 11) gives the bits of
    :func:`foedus.theory.persistence.democratic_commitment` of the chosen agreements' members, on random agreements (some without
    members) and regimes with ties, 0, 1 and NaN."""
    from foedus.theory.persistence import democratic_commitment

    rng = np.random.default_rng(14)
    for _ in range(300):
        n_a, n = rng.integers(1, 12), rng.integers(1, 10)
        m = rng.random((n_a, n)) < rng.random()
        regime = np.where(rng.random(n) < 0.3, rng.integers(0, 2, n).astype(float), rng.random(n))
        slots = rng.choice(n_a, size=rng.integers(0, n_a + 1), replace=False).astype(np.int64)
        want = democratic_commitment(m[slots], regime)
        got = np.empty(len(slots))
        politics._least_regime_kernel(m, slots, regime, got)
        assert np.array_equal(got.view(np.int64), want.view(np.int64))
        regime[rng.integers(n)] = np.nan  # NaN (the theory refuses it; numpy's minimum propagates it, then 0)
        low = np.where(m[slots], regime[None, :], np.inf).min(axis=1) if len(slots) else np.zeros(0)
        politics._least_regime_kernel(m, slots, regime, got)
        assert np.array_equal(got.view(np.int64), np.where(np.isfinite(low), low, 0.0).view(np.int64))


def test_the_regime_terms_over_the_treaties_with_a_moved_member_are_the_rule_over_every_treaty():
    """:func:`~foedus.sim.steps.politics._regime_terms` evaluates :func:`foedus.theory.persistence.regime_change` and
    :func:`foedus.theory.abrogation.regime_abrogation` only on the treaties with a member whose regime moved (issue 11): the bits
    of the rule over every treaty, on random treaties (some without members), no moved state, a few, many, and NaN regimes."""
    from foedus.theory.abrogation import regime_abrogation
    from foedus.theory.persistence import regime_change

    rng = np.random.default_rng(1411)
    for case in range(400):
        n_a, n = rng.integers(0, 14), rng.integers(0, 12)
        m = rng.random((n_a, n)) < rng.random()
        regime = rng.random(n)
        ref = regime.copy()
        moved = rng.random(n) < rng.choice([0.0, 0.1, 0.5, 1.0])
        ref[moved] = rng.random(moved.sum())
        if n and case % 7 == 0:
            regime[rng.integers(n)] = np.nan
            ref = np.where(np.isnan(regime), regime, ref)
        change = np.abs(regime - ref)
        hazard = float(rng.choice([0.0, 0.3, 1.0]))
        shift, any_member = politics._regime_terms(m, regime, ref, change, hazard)
        with np.errstate(invalid="ignore"):
            assert np.array_equal(_bits(shift), _bits(np.minimum(regime_change(m, regime, ref), 1.0)))
            assert np.array_equal(_bits(any_member), _bits(regime_abrogation(m, regime, ref, hazard=hazard)))
