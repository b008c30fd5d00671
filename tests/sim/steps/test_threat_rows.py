"""The rows threat_terms computes alone (speed12b) are the rows of the whole matrices, to the bit, in a world whose agreements moved."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.steps import threat as th
from foedus.testing import synthetic_scenario
from foedus.theory import projection as th_projection


def _moved_world(seed: int):
    """A synthetic world after a few simulated years (alliances formed, rivalries and capabilities moved)."""
    sc = synthetic_scenario(40, seed=seed, years=6, alliances=4, cyber=True, spread_km=12000.0)
    sim = Simulation(sc, rng=seed)
    sim.run(5)
    return sim.world


def test_revealing_rows_are_the_rows_of_the_whole_revealing_weight_to_the_bit():
    for seed in (1, 2, 3):
        world = _moved_world(seed)
        world.state.agreements.version += 1  # as after a founding: the kept matrices no longer hold
        whole = th._revealing_weight(world)
        rows = np.array([0, 3, 3, 17, world.n - 1])
        got = th._revealing_rows(world, rows)
        assert got.shape == (len(rows), world.n)
        assert got.tobytes() == np.ascontiguousarray(whole[rows]).tobytes()


def test_the_kept_reach_fractions_are_the_theorys_and_follow_the_capabilities():
    world = _moved_world(4)
    f = th.reach_fractions(world)
    assert f.tobytes() == th_projection.reach_fraction(world.state.power, th.distance_exponent(world), check=False).tobytes()
    assert th.reach_fractions(world) is f  # kept while the capabilities are the same
    world.state.power[0] *= 0.5
    g = th.reach_fractions(world)
    assert g is not f and g.tobytes() == th_projection.reach_fraction(world.state.power, th.distance_exponent(world), check=False).tobytes()
