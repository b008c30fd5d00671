"""Step 3, threat perception, alone on a four-state world."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.threat import threat_perception

from .conftest import ACTORS, GRT, RIV, SMA, tiny_world


def test_a_hostile_neighbour_threatens_more_and_no_state_threatens_itself():
    world, rng = tiny_world()
    a, r = world.index_of(SMA), world.index_of(RIV)
    before = world.results.threat[a, r]
    world.hostility[a, r] = world.hostility[r, a] = 1.0
    threat_perception(world, rng)
    assert world.results.threat[a, r] > before
    assert (np.diag(world.results.threat) == 0).all()


def test_a_superpower_threatens_across_the_world():
    far = dict(zip(("lat", "lon"), (-40.0, 170.0)))
    actors = [dict(a, **far, tier="superpower") if a["ccode"] == GRT else a for a in ACTORS]
    world, rng = tiny_world(actors=actors, superpower_reach=0.8)
    threat_perception(world, rng)
    g, a = world.index_of(GRT), world.index_of(SMA)
    assert world.cache["reach_proximity"][1][a, g] >= 0.8
    assert world.proximity[a, g] < 0.01  # by distance alone it would not


def test_threat_perception_draws_nothing():
    world, rng = tiny_world()
    state = rng.bit_generator.state
    threat_perception(world, rng)
    assert rng.bit_generator.state == state


def test_the_compiled_threat_matrix_is_the_theorys_to_the_bit():
    from foedus.sim.steps.threat import _INTENT_WEIGHTS, threat_of
    from foedus.theory import threat as th_threat

    rng = np.random.default_rng(5)
    for n, with_ideal in ((1, True), (7, True), (40, False), (66, True)):
        hostility = rng.random((n, n))
        ideal = rng.random((n, n)) if with_ideal else None
        # rivalries as the world holds them (booleans), and as strengths in [0, 1]
        rivalry = rng.random((n, n)) < 0.2 if n != 40 else rng.random((n, n))
        proximity = rng.random((n, n))
        power = rng.dirichlet(np.ones(n))
        offensive = rng.random(n)
        intent = th_threat.perceived_intentions(hostility, ideal, rivalry, weights=_INTENT_WEIGHTS)
        expected = th_threat.threat_matrix(power, proximity, offensive, intent)
        got = threat_of(hostility, ideal, rivalry, proximity, power, offensive)
        assert got.tobytes() == expected.tobytes()
