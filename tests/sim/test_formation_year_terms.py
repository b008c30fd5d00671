"""The formation helpers the alignment step asks for several times a year (issue 16): each is given back while its inputs
are the same, equals a fresh computation to the bit, and is computed again when one of its inputs moves."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.scenario import Scenario
from foedus.sim.steps import formation


def _world(years: int = 4):
    sim = Simulation(Scenario.load("world-2022"), rng=5)
    sim.run(years)
    return sim.world


def _same(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def _fresh_pair_autonomy(world):
    p = world.inputs.params
    old, change, concession, feasible = formation.refresh_autonomy(world)
    valued = formation._valued(change, concession, old[:, None], old[None, :], p, formation._concession_reach(world))
    return np.where(feasible, valued, -p.autonomy_pledge)


def test_concession_reach_is_kept_for_the_year_and_equals_a_fresh_computation():
    world = _world()
    world.year_cache.entries.clear()
    first = formation.concession_reach(world)
    assert formation.concession_reach(world) is first
    assert _same(first, formation._concession_reach(world))
    assert _same(formation._pair_autonomy(world), _fresh_pair_autonomy(world))
    assert formation._pair_autonomy(world) is formation._pair_autonomy(world)
    # the capabilities move: the reach shares and the autonomy are computed again
    world.state.power = world.state.power * np.linspace(0.5, 1.5, world.n)
    again = formation.concession_reach(world)
    assert again is not first and _same(again, formation._concession_reach(world))
    assert _same(formation._pair_autonomy(world), _fresh_pair_autonomy(world))
    # a new main threat (rivalry): the adversaries' relevance moves
    world.state.rivalry = np.ascontiguousarray(world.state.rivalry.T)
    assert _same(formation.concession_reach(world), formation._concession_reach(world))


def test_unread_alignment_is_kept_for_the_year_and_follows_the_agreements():
    world = _world()
    world.year_cache.entries.clear()
    first = formation.unread_alignment(world)
    assert first is not None and formation.unread_alignment(world) is first
    world.year_cache.entries.pop("unread_alignment")
    assert _same(formation.unread_alignment(world), first)
    # the reach moves: computed again, equal to a computation without the cache
    world.results.reach = world.results.reach * 0.5
    again = formation.unread_alignment(world)
    world.year_cache.entries.pop("unread_alignment")
    assert again is not first and _same(again, formation.unread_alignment(world))
    assert not _same(again, first)
