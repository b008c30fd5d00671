"""The year's neighbourhoods in one compiled pass (threat_year, issue 16) are the theory's matrices, to the bit."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.steps import threat as th
from foedus.sim.steps.threat_year import year_neighbourhoods, year_pass
from foedus.testing import synthetic_scenario
from foedus.theory import projection as th_projection
from foedus.theory import relevance as th_relevance


def _moved_world(seed: int, n: int = 40):
    """A synthetic world after a few simulated years (alliances formed, rivalries, wars and capabilities moved)."""
    sc = synthetic_scenario(n, seed=seed, years=8, alliances=4, cyber=True, spread_km=12000.0)
    sim = Simulation(sc, rng=seed)
    sim.run(7)
    return sim.world


def _theory(world) -> dict:
    """The matrices year_neighbourhoods keeps, from the theory's functions and the step's numpy code."""
    home = th.home_reach(world)
    able = th_projection.able_to_reach(world.state.power, th.distance_exponent(world), arrives=home, check=True)
    allied = th.alliance_commitment(world) >= th.CALL_TO_ARMS
    c, m = world.inputs.contiguous, world.state.major
    near = th_relevance.politically_relevant(c, m, able, allied, check=True)
    issue = th_relevance.politically_relevant(c, m, able, allied, ally_conflict=world.state.at_war, check=True)
    exposed = th._exposed(world, slice(None), near)
    return {"able_to_reach": able, "relevant_dyads": th_relevance.relevant_dyads(c, m, able, check=True), "neighbourhood": near,
            "issue_neighbourhood": issue, "exposed_states": exposed, "revealing_weight": world.inputs.proximity * exposed}


def _check(world) -> None:
    want = _theory(world)
    year_neighbourhoods(world, th.home_reach(world), th.alliance_commitment(world) >= th.CALL_TO_ARMS)
    for name, w in want.items():
        got = world.cache[name][1]
        assert got.dtype == w.dtype and got.shape == w.shape, name
        assert got.tobytes() == np.ascontiguousarray(w).tobytes(), name
        assert not got.flags.writeable, name
    # the step's functions find them kept, under their own keys
    assert th.able_to_reach(world) is world.cache["able_to_reach"][1]
    assert th.relevant_dyads(world) is world.cache["relevant_dyads"][1]
    assert th.neighbourhood(world) is world.cache["neighbourhood"][1]
    assert th.issue_neighbourhood(world) is world.cache["issue_neighbourhood"][1]
    assert th.exposed_states(world) is world.cache["exposed_states"][1]
    assert th._revealing_weight(world) is world.cache["revealing_weight"][1]
    # something to compare: both kinds of pairs in each truth matrix, a positive exposure
    for name in ("able_to_reach", "relevant_dyads", "neighbourhood", "issue_neighbourhood"):
        assert 0 < np.count_nonzero(want[name]) < world.n * (world.n - 1), name
    assert (want["exposed_states"] > 0).any()


def test_the_year_pass_gives_the_theorys_matrices_to_the_bit():
    for seed in (1, 2, 3, 4, 5):
        world = _moved_world(seed)
        world.state.power = world.state.power * np.random.default_rng(seed).uniform(0.5, 1.5, world.n)  # new capabilities: every matrix new
        world.state.power /= world.state.power.sum()
        _check(world)


def test_the_year_pass_without_ideal_points_and_with_a_float_rivalry():
    world = _moved_world(6)
    world.inputs.ideal_distance = None
    _check(world)
    world = _moved_world(7)
    rng = np.random.default_rng(7)
    world.state.rivalry = np.where(rng.random((world.n, world.n)) < 0.1, rng.random((world.n, world.n)), 0.0)  # (the numpy code's 1 - rivalry)
    _check(world)


def test_the_year_pass_runs_only_for_new_capabilities():
    world = _moved_world(8)
    th.perceive_threats(world)
    kept = world.cache["neighbourhood"][1]
    year_pass(world, th.home_reach, lambda w: th.alliance_commitment(w) >= th.CALL_TO_ARMS)
    assert world.cache["neighbourhood"][1] is kept  # the capabilities are the year's: nothing evaluated again
    world.state.power[0] *= 0.9
    year_pass(world, th.home_reach, lambda w: th.alliance_commitment(w) >= th.CALL_TO_ARMS)
    assert world.cache["neighbourhood"][1] is not kept
    assert world.cache["able_to_reach"][0] == world.state.power.tobytes()


def test_the_live_issue_pass_is_the_theorys_composition_to_the_bit():
    from foedus.sim.steps.threat_year import live_issue_pass
    from foedus.theory import threat as th_threat
    from foedus.theory.regions import cow_region

    for seed in (1, 2, 3, 9):
        world = _moved_world(seed)
        th.perceive_threats(world)
        p = world.inputs.params
        t = world.results.threat.copy()
        t[np.random.default_rng(seed).random(t.shape) < 0.02] *= 3.0  # another year's threats: other main threats
        allied = th.alliance_commitment(world) >= th.CALL_TO_ARMS
        holds = th_relevance.pledge_holds(th.alliance_reassurance(world) >= th.CALL_TO_ARMS, world.state.hostility, serious=p.ideology_read_hostility)
        main = th_threat.perceived_main_threat(t * ~holds, world.state.power, threshold=p.threat_perception_threshold, ceiling=p.threat_perception_ceiling,
                                               floor=p.threat_perception_floor)
        region = cow_region(world.inputs.ccode)
        want = th._live_issues_theory(world, allied, holds, main, th.able_to_reach(world), region)
        got = live_issue_pass(world, t, th.alliance_commitment(world), th.alliance_reassurance(world), th.CALL_TO_ARMS, th.issue_neighbourhood(world),
                              th.able_to_reach(world), region, th.aggression_within(world), th.camp_adversaries(world))
        assert got.dtype == want.dtype and got.tobytes() == want.tobytes()
        assert 0 < want.sum() < world.n * (world.n - 1) and (main >= 0).any() and holds.any()  # something to compare
        assert th.live_issues(world, t).tobytes() == want.tobytes()  # the step's path
