"""The compiled year passes of the politics step (:mod:`foedus.sim.steps.politics_kernels`) are the theory's functions on the
gathered arrays, to the bit: on random treaties (shared members, NaN commitments and threats, named and unknown targets) and
on simulated worlds, where the step's values with the compiled passes are those of the run that checks its inputs."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.politics import _realigning_outside_kernel
from foedus.sim.steps.politics_kernels import (
    latest_realigning,
    realigned_year,
)
from foedus.theory import persistence as th_persistence


def _random_treaties(rng, cap, n):
    members = rng.random((cap, n)) < rng.random()
    entry = np.where(members, rng.integers(1900, 1925, (cap, n)), -1).astype(np.int32)
    slots = np.sort(rng.choice(cap, size=rng.integers(1, cap + 1), replace=False)).astype(np.int64)
    return members, entry, slots


def test_realigned_year_is_realignment_of_the_realigning_walk_over_the_adversaries():
    rng = np.random.default_rng(22)
    found = 0
    for _ in range(300):
        cap, n = int(rng.integers(1, 30)), int(rng.integers(1, 20))
        members, entry, slots = _random_treaties(rng, cap, n)
        threat = np.where(rng.random((n, n)) < 0.5, rng.random((n, n)), 0.0)
        threat[rng.random((n, n)) < 0.02] = np.nan
        share = float(rng.choice([0.3, 0.5, 1.0]))
        commitment = rng.choice([0.3, 0.5, 0.75, 1.0, np.nan], size=cap)
        target = rng.integers(-3, 4, cap).astype(np.int32)
        third = rng.random(len(slots)) < 0.7
        year, memory = float(rng.integers(1915, 1935)), float(rng.choice([5.0, 10.0, 30.0]))
        m, e = members[slots], entry[slots].astype(np.int64)
        latest = np.full(m.shape, -1, np.int64)
        _realigning_outside_kernel(m, e, th_persistence.adversaries(threat, share=share), commitment[slots], third, target[slots], latest)
        want = th_persistence.realignment(np.where(m, e, -1), latest, year, memory_years=memory)
        got = np.full(len(slots), -7.0)
        realigned_year(members, slots, entry, threat, share, commitment, third, target, year, memory, got)
        assert np.array_equal(got, want)
        found += int(want.any())
    assert found > 20


def test_the_walk_from_the_adversaries_is_the_walk_over_the_pairs():
    """:func:`~foedus.sim.steps.politics_kernels.latest_realigning` (from each member's adversaries outward) gives the integers of
    :func:`~foedus.sim.steps.politics._realigning_outside_kernel` (over every pair of treaties sharing a member) given
    :func:`foedus.theory.persistence.adversaries`, on random treaties: large ones, many shared members, NaN threats and pledges."""
    rng = np.random.default_rng(24)
    found = 0
    for _ in range(300):
        n_a, n = int(rng.integers(1, 30)), int(rng.integers(1, 25))
        m = rng.random((n_a, n)) < rng.random()
        entry = np.where(m, rng.integers(1900, 1920, m.shape), -1).astype(np.int64)
        threat = np.where(rng.random((n, n)) < rng.random(), rng.random((n, n)), 0.0)
        threat[rng.random((n, n)) < 0.01] = np.nan
        share = float(rng.choice([0.2, 0.5, 1.0]))
        commitment = rng.choice([0.3, 0.5, 0.75, 1.0, np.nan], size=n_a)
        third = rng.random(n_a) < 0.7
        target = rng.integers(-3, 4, n_a).astype(np.int64)
        want = np.full(m.shape, -1, np.int64)
        _realigning_outside_kernel(m, entry, th_persistence.adversaries(threat, share=share), commitment, third, target, want)
        got = np.full(m.shape, -1, np.int64)
        rows = rng.permutation(n_a + 3)[:n_a]  # the treaties' rows in a larger table, in any order
        big_m, big_e = np.zeros((n_a + 3, n), bool), np.full((n_a + 3, n), -1, np.int32)
        big_m[rows], big_e[rows] = m, entry
        latest_realigning(big_m, rows.astype(np.int64), big_e, threat, share, commitment, third, target, got)
        assert np.array_equal(got, want)
        found += int((want >= 0).sum() > 1)
    assert found > 30


def _hazard_world(seed, check):
    from foedus.sim import Simulation
    from foedus.testing import synthetic_scenario

    sc = synthetic_scenario(40, seed=seed, years=8, alliances=10)
    sim = Simulation(sc, rng=seed)
    sim.run(8)
    sim.world.inputs.check = check
    return sim.world


def test_the_compiled_hazard_terms_are_the_theorys_to_the_bit():
    """:func:`~foedus.sim.steps.politics._compiled_hazard_terms` (one compiled pass) gives the institutional and general assets,
    the adapted lapse, the seven terms and the institutional hold of :func:`~foedus.sim.steps.politics._hazard_terms` (the theory's
    functions), bit for bit, on simulated worlds; with random regime moves, fellow members named main threats, random cohesion
    and NaN cohesion at signature mixed in, and the institutions' hold on; every one of the seven terms is above 0 somewhere."""
    seen = np.zeros(7, bool)
    for seed in (1, 2, 3, 4):
        seen |= _compare_hazard_terms(seed)
    assert seen.all()


def _compare_hazard_terms(seed):
    from foedus.sim.steps import politics

    world = _hazard_world(seed, True)
    rng = np.random.default_rng(seed)
    ag = world.state.agreements
    ag.integration[: ag.n] = rng.choice([0.0, 0.2, 0.7, 1.0], size=ag.n)
    world.state.regime_reference = np.clip(world.state.regime + rng.choice([0.0, 0.0, 0.3, -0.5], size=world.n), 0.0, 1.0)
    if seed % 2:  # the institutions' hold on the large treaties and their absorption of a lapse, both on
        world.inputs.params = world.inputs.params.model_copy(update={"multilateral_institution_protection": 0.4, "unravel_max_members": 3,
                                                                     "threat_lapse_institution_threshold": 0.5})
    st = politics.cohesion_state(world)
    st["main_threat"] = np.where(rng.random(world.n) < 0.5, rng.integers(0, world.n, world.n), st["main_threat"])  # fellow members named
    st["cohesion"] = np.where(rng.random(len(st["slots"])) < 0.3, rng.random(len(st["slots"])), st["cohesion"])
    ag.cohesion_start[st["slots"][rng.random(len(st["slots"])) < 0.2]] = np.nan
    a = dict(st)
    want = politics._hazard_terms(world, a)
    world.inputs.check = False
    b = dict(st)
    got = politics._compiled_hazard_terms(world, b)
    for w_, g_ in zip(want, got):
        assert w_.shape == g_.shape and np.array_equal(w_.view(np.int64), g_.view(np.int64))
    for key in ("threat_lapse_adapted", "institutional_hold", "realignment", "regime_change", "within", "exposure", "tether"):
        assert (key in a) == (key in b)
        if key in a:
            assert np.array_equal(np.asarray(a[key]).view(np.uint8), np.asarray(b[key]).view(np.uint8)), key
    return (want[2] != 0).any(axis=1)


def test_the_compiled_target_lapse_is_the_numpy_measure_to_the_bit():
    """:func:`~foedus.sim.steps.founding_lapse.founding_threat_lapse` in a run that does not check its inputs measures a year
    without a first measurement in one compiled pass (:func:`~foedus.sim.steps.politics_kernels.target_lapse_year`): the same
    lapse and threat now, bit for bit, as the numpy path, on simulated worlds with named, unknown and gone targets."""
    from foedus.sim.agreements import TARGET_GONE
    from foedus.sim.steps._common import COALITION, SECURITY
    from foedus.sim.steps.founding_lapse import founding_threat_lapse
    from foedus.sim.steps.politics_kernels import target_lapse_year

    named = 0
    for seed in (1, 2, 3, 4):
        world = _hazard_world(seed, True)
        ag = world.state.agreements
        slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
        size = ag.members[slots].sum(axis=1).astype(float)
        if seed == 2:  # a target gone
            ag.target[slots[np.flatnonzero(ag.target[slots] >= 0)[:1]]] = TARGET_GONE
        founding_threat_lapse(world, slots, size)  # any first measurement
        want = founding_threat_lapse(world, slots, size)
        world.inputs.check = False
        now, lapse = np.empty(len(slots)), np.empty(len(slots))
        assert target_lapse_year(ag.members, slots.astype(np.int64), ag.target, world.results.threat, size, ag.target_threat_start,
                                 TARGET_GONE, now, lapse)
        got = founding_threat_lapse(world, slots, size)
        for w_, g_ in zip(want, got):
            assert np.array_equal(w_.view(np.int64), g_.view(np.int64))
        named += int((ag.target[slots] >= 0).sum())
    assert named > 10


def test_the_compiled_renewal_is_renewal_probability_to_the_bit():
    """:func:`~foedus.sim.steps.politics._renewal` in one compiled pass (:func:`~foedus.sim.steps.politics_kernels.renewal_year`)
    is :func:`foedus.theory.persistence.renewal_probability`, bit for bit, on simulated worlds with tacit renewals, terms bound
    to an event, random cohesion, NaN cohesion at signature and unaimed pacts."""
    from foedus.sim.steps import politics

    for seed in (1, 2, 3):
        world = _hazard_world(seed, True)
        rng = np.random.default_rng(seed)
        ag = world.state.agreements
        st = politics.cohesion_state(world)
        slots = st["slots"]
        st["cohesion"] = np.where(rng.random(len(slots)) < 0.3, rng.random(len(slots)), st["cohesion"])
        ag.cohesion_start[slots[rng.random(len(slots)) < 0.2]] = np.nan
        ag.automatic_renewal[slots] = rng.random(len(slots)) < 0.4
        ag.term_end[slots[rng.random(len(slots)) < 0.2]] = -np.inf
        st["third_party"] = st["third_party"] & (rng.random(len(slots)) < 0.8)
        institutional, general, _ = politics._hazard_terms(world, st)
        want = politics._renewal(world, st, institutional, general)
        world.inputs.check = False
        got = politics._renewal(world, st, institutional, general)
        assert np.array_equal(want.view(np.int64), got.view(np.int64))
        assert 0.0 < want.min() < 1.0 or (want == 0.0).any()
