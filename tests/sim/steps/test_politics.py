"""Step 5, alliance politics, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.politics import alliance_politics, cohesion_state

from .conftest import GRT, SMA, SMB, alliance, events, tiny_world


def test_an_alliance_dissolves_when_its_hazard_is_one():
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])], dissolution_hazard=1.0, solidarity_protection=0.0)
    world.state.agreements.betrayal[0] = 1.0  # cohesion 0
    world.state.agreements.cohesion_start[0] = 1.0  # from full cohesion at signature: all of it lost, the hazard is dissolution_hazard
    alliance_politics(world, rng)
    assert not world.state.agreements.active[0]
    (_, _, _, detail), = events(world, "dissolution")
    assert detail["cause"] == "cohesion lost" and detail["factors"]["hazard"] == 1.0 and detail["factors"]["cohesion_retained"] == 0.0


def test_no_alliance_dissolves_when_the_hazard_is_zero_and_betrayal_fades():
    world, rng = tiny_world(agreements=[alliance("Pact", [GRT, SMA])], dissolution_hazard=0.0, betrayal_decay=0.5)
    world.state.agreements.betrayal[0] = 0.4
    alliance_politics(world, rng)
    assert world.state.agreements.active[0] and not events(world, "dissolution")
    assert world.state.agreements.betrayal[0] == pytest.approx(0.2)


def test_betrayal_lowers_cohesion_and_the_credibility_of_the_ally():
    world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA])])
    g, a = world.index_of(GRT), world.index_of(SMA)
    trusted = cohesion_state(world)["cohesion"][0], world.results.ally_credibility[a, g]
    world.state.agreements.betrayal[0] = 0.5
    betrayed = cohesion_state(world)["cohesion"][0], world.results.ally_credibility[a, g]
    assert betrayed[0] == pytest.approx(0.5 * trusted[0]) and betrayed[1] < trusted[1]


def test_deep_integration_with_democratic_allies_pulls_a_regime_up():
    world, rng = tiny_world(
        agreements=[alliance("Pact", [GRT, SMA], institutionalised=2, integration=1.0)], trends={"norms": 1.0}, dissolution_hazard=0.0
    )
    a = world.index_of(SMA)
    world.state.regime[a] = 0.3
    alliance_politics(world, rng)
    assert world.state.regime[a] > 0.3


def test_the_compiled_democratisation_is_democratic_diffusion_to_the_bit():
    from foedus.sim.steps.politics import _diffusion_kernel
    from foedus.theory.cohesion import democratic_diffusion

    rng = np.random.default_rng(8)
    for n in (1, 6, 66):
        c = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
        regime, depth = rng.random(n), rng.random(n) * 1.3
        weight = c.sum(axis=1)
        allied = weight > 0
        mean = np.where(allied, (c @ regime) / np.where(allied, weight, 1.0), regime)
        want = democratic_diffusion(regime, np.minimum(mean, 1.0), np.minimum(depth, 1.0), rate=0.06)
        out = np.empty(n)
        _diffusion_kernel(regime, c @ regime, weight, depth, 0.06, out)
        assert out.tobytes() == want.tobytes()


def test_the_compiled_integration_update_is_numpys_to_the_bit():
    from foedus.sim.steps.politics import _integration_kernel
    from foedus.theory.integration import integration_update

    rng = np.random.default_rng(10)
    cap = 30
    inst = rng.integers(0, 3, cap).astype(np.int8)
    integration, betrayal = rng.random(cap), rng.random(cap)
    slots = np.sort(rng.choice(cap, 12, replace=False)).astype(np.int64)
    target = rng.random(12)
    want_i, want_b = integration.copy(), betrayal.copy()
    goal = target * (inst[slots] + 1) / 3.0
    assert (goal < want_i[slots]).any() and (goal > want_i[slots]).any()  # both directions of the sticky update
    want_i[slots] = integration_update(want_i[slots], goal, rate=0.1, institutionalisation=inst[slots] / 2.0, persistence=0.9)
    want_b[slots] *= 0.7
    _integration_kernel(slots, target, inst, integration, betrayal, 0.1, 0.7, 0.9)
    assert integration.tobytes() == want_i.tobytes() and betrayal.tobytes() == want_b.tobytes()


def test_the_compiled_security_dilemma_is_the_theorys_to_the_bit():
    from foedus.sim.steps.politics import _dilemma_kernel
    from foedus.theory.entrapment import abandonment_risk, entrapment_risk

    rng = np.random.default_rng(13)
    for n in (1, 7, 66):
        best_of = rng.random((n, 3)) * np.array([1.0, 1.0, 1.2])
        best_of[rng.random(n) < 0.3] = 0.0  # states without allies
        risk, shared = rng.random(n), (rng.random(n) < 0.5).astype(float)
        commit, integ, best = best_of.T
        want_e = entrapment_risk(commit, risk, shared)
        want_a = abandonment_risk(commit, np.minimum(np.maximum(1.0 - best, 0.0), 1.0), integ)
        ent, aba = np.empty(n), np.empty(n)
        _dilemma_kernel(best_of, risk, shared, ent, aba)
        assert ent.tobytes() == want_e.tobytes() and aba.tobytes() == want_a.tobytes()
