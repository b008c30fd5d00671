"""The terms the blocs and alignment steps compute once a year (issue 16): each equals its theory function to the bit,
is given back while its inputs are the same, and is computed again when one of them moves."""

from __future__ import annotations

import numpy as np

from foedus.data.nuclear import nuclear_armed
from foedus.sim import Simulation
from foedus.sim.scenario import Scenario
from foedus.sim.steps import year_goods
from foedus.sim.steps.exchange_year import exchange_terms
from foedus.sim.steps.formation import ExchangeTerms
from foedus.theory import offence as th_offence
from foedus.theory import reassurance as th_reassure


def _world(years: int = 6):
    sim = Simulation(Scenario.load("world-2022"), rng=3)
    sim.run(years)
    return sim.world


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def test_exchange_terms_are_built_once_a_year_and_equal_a_fresh_build():
    world = _world()
    world.year_cache.entries.clear()
    first = exchange_terms(world)
    assert exchange_terms(world) is first  # the second step of the year reuses them
    fresh = ExchangeTerms(world)
    assert _same(first.autonomy, fresh.autonomy) and _same(first.burden, fresh.burden)
    assert not first.autonomy.flags.writeable and not first.burden.flags.writeable
    world.results.threat = np.ascontiguousarray(world.results.threat.T)  # the threats moved: computed again
    again = exchange_terms(world)
    assert again is not first and _same(again.burden, ExchangeTerms(world).burden)
    assert not _same(again.burden, first.burden)


def test_the_year_terms_equal_their_theory_functions():
    world = _world(3)
    p = world.inputs.params
    h = world.state.hostility
    assert _same(year_goods.offence_target(world), th_offence.offence_target(h))
    cred = th_reassure.pledge_credibility(h, weight=p.pledge_credibility_weight, threshold=p.trust_threshold)
    assert _same(year_goods.pledge_credibility(world), cred)
    assert _same(year_goods.nuclear_armed(world), nuclear_armed(world.inputs.ccode, world.state.year))
    assert year_goods.offence_target(world) is year_goods.offence_target(world)
    world.state.hostility = np.ascontiguousarray(h.T)  # hostility moved: a new target
    assert _same(year_goods.offence_target(world), th_offence.offence_target(h.T))
