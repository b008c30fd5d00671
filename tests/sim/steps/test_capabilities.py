"""Step 2, capabilities, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.capabilities import capabilities
from foedus.sim.steps.threat import perceive_threats

from .conftest import ACTORS, GRT, RIV, SMA, alliance, tiny_world

STILL = [dict(a, growth=0.0) for a in ACTORS]  # no growth: only arming moves


def test_the_starting_spending_is_a_fixed_point_of_the_arms_race():
    world, rng = tiny_world(actors=STILL, growth_noise=0.0, agreements=[alliance("Pact", [GRT, SMA])])
    start = world.milex.copy()
    capabilities(world, rng)
    np.testing.assert_allclose(world.milex, start, rtol=1e-9)


def test_rivals_arm_against_each_other_when_their_hostility_rises():
    world, rng = tiny_world(actors=STILL, growth_noise=0.0)
    g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
    start = world.milex.copy()
    world.hostility[g, r] = world.hostility[r, g] = 1.0
    perceive_threats(world)
    capabilities(world, rng)
    assert world.milex[g] > start[g] and world.milex[r] > start[r]
    assert world.milex[a] < start[a] * 1.01  # a bystander barely moves


def test_spending_is_capped_at_its_share_of_gdp():
    world, rng = tiny_world(actors=STILL, growth_noise=0.0, max_milex_share=0.02)
    capabilities(world, rng)
    assert (world.milex <= 0.02 * world.economy + 1e-9).all()
    assert world.power.sum() == pytest.approx(1.0)
