"""sim.steps.concessions: the compiled concession reach equals the theory functions' composition to the bit (issue 16)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.scenario import Scenario
from foedus.sim.steps import concessions
from foedus.testing import synthetic_scenario


def _bits(a):
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


def _worlds():
    sim = Simulation(Scenario.load("world-2022"), rng=5)
    sim.run(4)
    yield sim.world
    sc = synthetic_scenario(60, seed=3, years=10, alliances=6, cyber=True, spread_km=12000.0)
    sim = Simulation(sc, rng=sc.seed)
    sim.run(5)
    yield sim.world


PARAMS = [
    {},
    {"local_balance_threshold": 0.0},
    {"concession_reach_threshold": 0.0, "local_balance_threshold": 0.0},
    {"concession_adversary_reach": 0.0},
    {"concession_interest_weight": 0.5, "concession_adversary_reach": 0.7},
    {"concession_interest_weight": 0.0},
    {"concession_reach_threshold": 1.0, "local_balance_threshold": 0.9},
]


@pytest.mark.parametrize("change", PARAMS)
def test_the_compiled_reach_equals_the_theory_composition(change):
    for world in _worlds():
        world.inputs.params = world.inputs.params.model_copy(update=change)
        got, want = concessions._concession_reach(world), concessions.concession_reach_reference(world)
        if np.ndim(want) == 0:
            assert np.ndim(got) == 0 and got == want
            continue
        assert got.shape == want.shape and np.array_equal(_bits(got), _bits(want))


def test_the_compiled_reach_holds_at_the_edges():
    """NaN, zero and negative capabilities, shares above one, no adversaries and a world without reach."""
    world = next(_worlds())
    rng = np.random.default_rng(0)
    n = world.n
    world.state.power = world.state.power.copy()
    world.state.power[:5] = [0.0, np.nan, -1.0, 1e-300, 0.5]
    world.results.reach = world.results.reach * rng.uniform(0.0, 3.0, (n, n))
    world.results.reach[3, 7] = np.nan
    got, want = concessions._concession_reach(world), concessions.concession_reach_reference(world)
    assert np.array_equal(_bits(got), _bits(want))
    assert 0.0 < want.mean() < 1.0  # the case tells something: some pairs in, some out
    world.state.rivalry = np.zeros_like(world.state.rivalry)
    assert np.array_equal(_bits(concessions._concession_reach(world)), _bits(concessions.concession_reach_reference(world)))
    world.results.reach = None
    got, want = concessions._concession_reach(world), concessions.concession_reach_reference(world)
    assert np.array_equal(_bits(got), _bits(want))


def test_the_reach_and_the_autonomy_are_kept_for_the_year_while_their_inputs_are_the_same():
    world = next(_worlds())
    world.year_cache.entries.clear()
    first, auto = concessions.concession_reach(world), concessions.pair_autonomy(world)
    assert concessions.concession_reach(world) is first and concessions.pair_autonomy(world) is auto
    assert np.array_equal(_bits(first), _bits(concessions.concession_reach_reference(world)))
    flipped = np.where(world.state.rivalry > 0, 0, 1).astype(world.state.rivalry.dtype)
    np.fill_diagonal(flipped, 0)
    world.state.rivalry = flipped  # the adversaries move
    again = concessions.concession_reach(world)
    assert again is not first and np.array_equal(_bits(again), _bits(concessions.concession_reach_reference(world)))
    world.state.power = world.state.power * np.linspace(0.5, 1.5, world.n)  # the capabilities move: the shares and the worth of concessions
    moved = concessions.pair_autonomy(world)
    world.year_cache.entries.clear()
    assert moved is not auto and np.array_equal(_bits(moved), _bits(concessions.pair_autonomy(world)))


def test_the_first_bargain_is_solved_once_for_the_same_capabilities_and_each_run_gets_its_own():
    """refresh_autonomy's first bargain (issue 16): a run whose capabilities at that use are those of an earlier run of the
    process gets the same numbers to the bit, as copies it may re-solve in place without touching the next run's; other
    capabilities are solved for themselves."""
    from foedus.theory import exchange as th_exchange

    concessions._FIRST_SOLVES.clear()
    pw = np.random.default_rng(5).random(30) + 0.01
    first = concessions._first_solve(pw, False)
    again = concessions._first_solve(pw.copy(), False)
    ex = th_exchange.morrow_exchange(pw[:, None], pw[None, :], iterations=24, check=False)
    for a, b, c in zip(first, again, (ex.autonomy_change_i, ex.concession, ex.feasible)):
        assert a.tobytes() == b.tobytes() == c.tobytes() and a is not b
    again[1][:] = 7.0  # a run re-solving its rows in place
    assert concessions._first_solve(pw, False)[1].tobytes() == ex.concession.tobytes()
    other = pw * 1.5
    got = concessions._first_solve(other, False)[0]
    assert got.tobytes() == th_exchange.morrow_exchange(other[:, None], other[None, :], iterations=24, check=False).autonomy_change_i.tobytes()


def _direct_terms(world):
    """The autonomy and its log1p as ExchangeTerms made them before session 18: the bargain valued at this year's reach, then log1p."""
    p = world.inputs.params
    old, change, concession, feasible = concessions.refresh_autonomy(world)
    reach_c = concessions._concession_reach(world)
    aut = np.where(feasible, concessions.valued(change, concession, old[:, None], old[None, :], p, reach_c), -p.autonomy_pledge)
    return aut, np.log1p(aut)


@pytest.mark.parametrize("change", [{}, {"concession_interest_weight": 0.5, "concession_adversary_reach": 0.7}, {"concession_interest_weight": 0.0},
                                    {"concession_reach_threshold": 0.0, "local_balance_threshold": 0.0, "concession_interest_weight": 0.0}])
def test_the_autonomy_terms_kept_between_bargains_are_the_direct_valuation_to_the_bit(change):
    """:func:`concessions.pair_autonomy_terms` (the valuations kept for each value of the reach until the bargain changes, picked each
    year by the reach) equals the bargain valued at the year's reach and its log1p, to the bit, every year of a run whose bargain is
    re-solved (``autonomy_refresh_years`` 2, ``autonomy_refresh_change`` 0.02: the states whose capability moved) and whose reach moves; with a fractional interest weight the reach
    takes three values, and with every term off it is the scalar 1."""
    sc = synthetic_scenario(60, seed=3, years=12, alliances=6, cyber=True, spread_km=12000.0)
    sc = sc.model_copy(update={"parameters": sc.parameters.model_copy(update={"autonomy_refresh_years": 2.0, "autonomy_refresh_change": 0.02, **change})})
    sim = Simulation(sc, rng=sc.seed)
    seen = set()
    refreshed, before = 0, None
    for _ in range(12):
        sim.step()
        world = sim.world
        bargain = world.cache.get("autonomy")
        if before is not None and bargain is not None and not np.array_equal(_bits(before), _bits(bargain[0])):
            refreshed += 1
        before = None if bargain is None else bargain[0].copy()
        world.year_cache.entries.clear()
        aut, lg = concessions.pair_autonomy_terms(world)
        want_a, want_l = _direct_terms(world)
        assert np.array_equal(_bits(aut), _bits(want_a)) and np.array_equal(_bits(lg), _bits(want_l))
        r = concessions._concession_reach(world)
        seen.add(tuple(np.unique(r).tolist()) if np.ndim(r) else (float(r),))
    assert refreshed > 0  # the bargain was re-solved in the run (the kept valuations made again in its rows and columns)
    if change.get("concession_interest_weight") == 0.5:
        assert any(len(s) == 3 for s in seen)  # the reach took three values
