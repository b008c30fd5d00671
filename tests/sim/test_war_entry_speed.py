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
    """A stale matrix would be a behaviour change: a new year or capability shares that moved (even in place) recompute it."""
    rng = np.random.default_rng(1)
    world = _world(rng, 30)
    first = war_entry.year_reach(world)
    assert war_entry.year_reach(world) is first  # the same year and inputs: kept
    world.state.year += 1
    second = war_entry.year_reach(world)
    assert second is not first and np.array_equal(second, first)
    world.state.cinc[4] /= 2  # in place
    third = war_entry.year_reach(world)
    assert third is not second and third[4].tobytes() != second[4].tobytes()
    world.inputs.distance_km = world.inputs.distance_km * 2  # new geography
    fourth = war_entry.year_reach(world)
    assert fourth[4, 7] != third[4, 7]
    world.inputs.params.miles_per_day = 500.0
    assert war_entry.year_reach(world)[4, 7] != fourth[4, 7]
