"""The rows threat_terms computes alone (speed12b) are the rows of the whole matrices, to the bit, in a world whose agreements moved."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.steps import threat as th
from foedus.sim.steps.threat_year import live_issue_pass
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


def _compare_live_issues(world) -> None:
    allied = th.alliance_commitment(world) >= th.CALL_TO_ARMS
    from foedus.theory import relevance as th_relevance
    from foedus.theory import threat as th_threat
    from foedus.theory.regions import cow_region

    p = world.inputs.params
    holds = th_relevance.pledge_holds(th.alliance_reassurance(world) >= th.CALL_TO_ARMS, world.state.hostility, serious=p.ideology_read_hostility)
    main = th_threat.perceived_main_threat(
        world.results.threat * ~holds, world.state.power, threshold=p.threat_perception_threshold, ceiling=p.threat_perception_ceiling,
        floor=p.threat_perception_floor,
    )
    args = (allied, holds, main, th.able_to_reach(world), cow_region(world.inputs.ccode))
    want = th._live_issues_theory(world, *args)
    got = live_issue_pass(world, world.results.threat, th.alliance_commitment(world), th.alliance_reassurance(world), th.CALL_TO_ARMS,
                          th.issue_neighbourhood(world), th.able_to_reach(world), args[4], th.aggression_within(world), th.camp_adversaries(world))
    assert got.dtype == want.dtype and got.tobytes() == want.tobytes()
    assert 0 < want.sum() < world.n * (world.n - 1)  # something to compare


def test_the_compiled_live_issues_are_the_theorys_to_the_bit():
    from foedus.sim.scenario import Scenario

    rng = np.random.default_rng(11)
    worlds = [_moved_world(s) for s in (1, 2)]
    for name in ("world-2022", "europe-1871", "bipolar-1950"):
        sim = Simulation(Scenario.load(name), rng=3)
        sim.run(4)
        worlds.append(sim.world)
    for world in worlds:
        _compare_live_issues(world)
        n = world.n
        for _ in range(3):  # wars, rivalries, hostility, disputes and unknown ideal points drawn at random
            war = rng.random((n, n)) < 0.05
            world.state.at_war = war | war.T
            riv = rng.random((n, n)) < 0.05
            world.state.rivalry = (riv | riv.T).astype(world.state.rivalry.dtype)
            world.state.hostility = np.where(rng.random((n, n)) < 0.2, rng.random((n, n)), 0.0)
            world.state.major = rng.random(n) < 0.2
            if world.inputs.ideal_known is not None:
                world.inputs.ideal_known = rng.random(n) < 0.8
            world.inputs.territorial_dispute = rng.random((n, n)) < 0.02
            world.cache.clear()
            _compare_live_issues(world)


def test_the_compiled_main_threat_is_the_theorys_to_the_bit():
    """perceived_main_threat of threat * gate, compiled (no product formed), on random matrices with ties, zeros, NaN and a hold gate."""
    from types import SimpleNamespace

    from foedus.theory.threat import perceived_main_threat

    rng = np.random.default_rng(7)
    for n in (0, 1, 2, 5, 40):
        for trial in range(20):
            t = np.where(rng.random((n, n)) < 0.5, rng.random((n, n)), 0.0)
            if trial % 3 == 0 and n:
                t[rng.integers(0, n, 3), rng.integers(0, n, 3)] = 0.25  # ties
            if trial % 5 == 1 and n > 1:
                t[rng.integers(0, n), rng.integers(0, n)] = np.nan
            if trial % 4 == 3 and n:
                t[rng.integers(0, n, 3), rng.integers(0, n, 3)] = -0.0  # signed zeros: as large as 0.0
                t[rng.integers(0, n), :] = t[rng.integers(0, n), :].max(initial=0.0)  # a row of ties
            power = rng.random(n)
            if trial % 7 == 2 and n:
                power[0] = np.nan
            gates = [rng.random((n, n)) < 0.7, np.where(rng.random((n, n)) < 0.6, 1.0, 0.0)]
            for gate in gates:
                for threshold, ceiling, floor in ((0.5, np.inf, 0.0), (2.0, 0.3, 0.05), (0.0, 0.0, 0.0), (1.0, np.nan, 0.1)):
                    params = SimpleNamespace(threat_perception_threshold=threshold, threat_perception_ceiling=ceiling, threat_perception_floor=floor)
                    world = SimpleNamespace(inputs=SimpleNamespace(params=params, check=False), state=SimpleNamespace(power=power))
                    want = perceived_main_threat(t * gate, power, threshold=threshold, ceiling=ceiling, floor=floor, check=False)
                    got = th._perceived_main_threat(world, t, gate)
                    assert got.dtype == want.dtype and got.tolist() == want.tolist()


def test_the_commitment_kernel_is_the_largest_shared_commitment_pair_by_pair():
    """``_commitment_kernel`` (one member buffer for all agreements, issue 11): ``out[u, v]`` the largest positive commitment of the
    active agreements of the domain with both ``u != v`` as members (NaN and non-positive ones ignored), on random agreements."""
    from foedus.sim.steps.threat_kernels import _commitment_kernel

    rng = np.random.default_rng(21)
    shared = 0
    for _ in range(200):
        n_a, n = rng.integers(1, 30), rng.integers(1, 15)
        mem = rng.random((n_a, n)) < rng.random()
        act = rng.random(n_a) < 0.8
        dom = rng.integers(0, 3, n_a)
        com = rng.choice([0.0, 0.3, 0.5, 0.75, 1.0, np.nan, -0.2], n_a)
        want = np.zeros((n, n))
        for a in range(n_a):
            if act[a] and dom[a] == 1 and com[a] > 0:
                both = mem[a][:, None] & mem[a][None, :] & ~np.eye(n, dtype=bool)
                want = np.where(both, np.maximum(want, com[a]), want)
        got = np.zeros((n, n))
        _commitment_kernel(mem, act, dom, com, n_a, 1, got)
        assert np.array_equal(got, want)
        shared += int(want.any())
    assert shared > 50


def test_forward_hosts_are_the_whole_rule():
    """:func:`~foedus.sim.steps.threat.forward_hosts` fills only the great powers' rows with a pact of stationing in arms (issue 11):
    the matrix of the rule over every pair, ``[stationing commitment >= CALL_TO_ARMS] & major[j] & asymmetric(power[j], power[b])``."""
    from foedus.sim.steps.threat import CALL_TO_ARMS, forward_hosts
    from foedus.theory.capability import asymmetric_capabilities

    seen = 0
    for seed in (1, 2, 3):
        sc = synthetic_scenario(40, seed=seed, years=4, alliances=8)
        sim = Simulation(sc, rng=seed)
        sim.run(4)
        w = sim.world
        w.state.agreements.institutionalised[: w.state.agreements.n] = 2  # every pact of stationing (ATOP's high institutionalisation)
        w.state.agreements.version += 1
        got = forward_hosts(w)
        commit = w.cache["stationing_commitment"][1]
        want = (commit >= CALL_TO_ARMS) & w.state.major[:, None] & asymmetric_capabilities(w.state.power[:, None], w.state.power[None, :])
        assert np.array_equal(got, want)
        seen += int(want.any())
    assert seen


def test_the_reach_columns_are_the_columns_of_the_whole_reach_fractions_to_the_bit():
    """:func:`~foedus.sim.steps.threat.reach_columns` (issue 11) evaluates the columns threat_terms asks alone: the bits of the whole
    matrix's columns, with and without the matrix kept, capabilities of 0 and 1 among them, repeated and unordered columns."""
    for seed in (1, 2, 3):
        world = _moved_world(seed)
        world.state.power[1] = 0.0  # log(0): the theory's nan_to_num and minimum, column by column as over the matrix
        world.state.power[2] = 1.0
        cols = np.array([world.n - 1, 0, 1, 2, 2, 7])
        world.cache.pop("reach_fraction", None)
        alone = th.reach_columns(world, cols)
        whole = th_projection.reach_fraction(world.state.power, th.distance_exponent(world), check=False)
        assert alone.shape == (world.n, len(cols))
        assert np.ascontiguousarray(alone).tobytes() == np.ascontiguousarray(whole[:, cols]).tobytes()
        kept = th.reach_fractions(world)
        assert np.ascontiguousarray(th.reach_columns(world, cols)).tobytes() == np.ascontiguousarray(kept[:, cols]).tobytes()


def _revealed_numpy(h, i, j, reach, a, weight, rel, floor, flank=None, struck=None, near=None):
    """The numpy code threat_terms used for the revealed hostility (speedC15 compiled it: _revealed_kernel); with ``flank`` (contiguity),
    ``struck`` (at war with a neighbour) and ``near`` (rows of the exposure without relevance), the aggressor's neighbours' weight
    ``max(weight, S_qj C_ij near)`` (threat16)."""
    if flank is not None:
        weight = np.maximum(weight, (struck[:, j].T & flank[i, j][:, None]) * near)
    serious = np.where(h[:, j] >= floor, h[:, j] * reach, 0.0).T
    a_ij, a_kj = a[i, j][:, None], a[:, j].T
    with np.errstate(divide="ignore", invalid="ignore"):
        within = np.where(a_ij >= a_kj, 1.0, a_ij / a_kj)
    return np.maximum(h[i, j], ((weight * serious) * within).max(axis=1) * rel[i, j])


def test_the_compiled_revealed_hostility_is_the_numpy_code_to_the_bit():
    """threat_terms' revealed hostility (threat_kernels._revealed_kernel) is the numpy code it replaced, bit for bit: on simulated worlds
    (the terms of every state's main threat) and on random inputs with zeros, ties, NaNs and a within-reach of 0 (a division by 0)."""
    from foedus.sim.steps.threat_kernels import _revealed_kernel

    for seed in (1, 2):
        world = _moved_world(seed)
        i = np.arange(world.n)
        j = th.main_threat_of(world, i)
        i, j = i[j >= 0], j[j >= 0]
        assert len(i) > 3
        want = _revealed_numpy(world.state.hostility, i, j, th.reach_columns(world, j), th.aggression_within(world), th._revealing_rows(world, i),
                               th.relevant_dyads(world), world.inputs.params.aggression_hostility, world.inputs.contiguous,
                               world.inputs.contiguous, th._near_weight(world)[i])
        got = [d["revealed_hostility"] for d in th.threat_terms(world, i, j)]
        assert np.array(got, dtype=float).tobytes() == want.tobytes()
    rng = np.random.default_rng(0)
    for trial in range(200):
        n, k = int(rng.integers(1, 30)), int(rng.integers(1, 8))
        h = np.round(rng.random((n, n)), 1) * rng.choice([1.0, -1.0], (n, n), p=[0.9, 0.1])
        a = np.round(rng.random((n, n)), 1)
        weight = np.round(rng.random((k, n)), 1)
        reach = rng.random((n, k))
        if trial % 5 == 0:
            h.flat[rng.integers(h.size)] = np.nan
            weight.flat[rng.integers(weight.size)] = np.nan
            a.flat[rng.integers(a.size)] = np.nan
        rel = rng.random((n, n)) < 0.7 if trial % 2 else rng.random((n, n))
        i, j = rng.integers(0, n, k), rng.integers(0, n, k)
        out = np.empty(k)
        if trial % 3:  # the aggressor's neighbours (threat16): contiguity and the exposure without relevance (finite)
            flank, near = rng.random((n, n)) < 0.3, np.round(rng.random((k, n)), 1)
            struck = flank & (rng.random((n, n)) < 0.5)
            _revealed_kernel(h, i, j, reach, a, weight, rel, 0.3, flank, struck, near, out)
            assert out.tobytes() == _revealed_numpy(h, i, j, reach, a, weight, rel, 0.3, flank, struck, near).tobytes(), trial
        else:
            _revealed_kernel(h, i, j, reach, a, weight, rel, 0.3, np.zeros((0, 0), np.bool_), np.zeros((0, 0), np.bool_), np.zeros((0, 0)), out)
            assert out.tobytes() == _revealed_numpy(h, i, j, reach, a, weight, rel, 0.3).tobytes(), trial


def test_the_compiled_neighbourhoods_are_the_theorys_to_the_bit():
    """neighbourhood and issue_neighbourhood from one compiled pass (_neighbourhoods) equal politically_relevant's, on moved worlds and
    on random contiguity, majors, alliances in arms and wars (the route through an ally, with and without its war)."""
    from foedus.theory import relevance as th_relevance

    rng = np.random.default_rng(5)
    for seed in (1, 2):
        world = _moved_world(seed)
        n = world.n
        for trial in range(4):
            if trial:
                war = rng.random((n, n)) < 0.1
                world.state.at_war = war | war.T
                world.state.major = rng.random(n) < 0.15
                c = rng.random((n, n)) < 0.08
                world.inputs.contiguous = c | c.T
                world.state.agreements.version += 1
                world.cache.clear()
            allied = th.alliance_commitment(world) >= th.CALL_TO_ARMS
            args = (world.inputs.contiguous, world.state.major, th.able_to_reach(world), allied)
            near, issue = th._neighbourhoods(world)
            want_near = th_relevance.politically_relevant(*args)
            want_issue = th_relevance.politically_relevant(*args, ally_conflict=world.state.at_war)
            assert near.dtype == want_near.dtype and near.tobytes() == want_near.tobytes()
            assert issue.dtype == want_issue.dtype and issue.tobytes() == want_issue.tobytes()
            assert th.neighbourhood(world).tobytes() == want_near.tobytes()
            assert th.issue_neighbourhood(world).tobytes() == want_issue.tobytes()
            assert (want_near != want_issue).any() or trial == 0  # the ally's war decides some pairs


def test_the_compiled_camp_adversaries_are_the_theorys():
    """threat_kernels._camp_kernel gives camp_adversaries' truth values, with and without alliances in arms and regions, on random
    excess (zeros, NaN), majors, rivalries, unknown ideal points and alliances; and the step's camp_adversaries on moved worlds."""
    from foedus.sim.steps.threat_kernels import _camp_kernel
    from foedus.theory import camps as th_camps

    rng = np.random.default_rng(8)
    found = 0
    for trial in range(40):
        n = int(rng.integers(2, 30))
        e = np.where(rng.random((n, n)) < 0.5, 0.0, rng.random((n, n)))
        e = np.where(rng.random((n, n)) < 0.03, np.nan, (e + e.T) / 2)
        major = rng.random(n) < 0.4
        riv = rng.random((n, n)) < 0.4
        rivalry = (riv | riv.T).astype(float)
        known = rng.random(n) < 0.9
        al = rng.random((n, n)) < 0.2
        allied = al | al.T
        region = rng.integers(0, 3, n)
        for with_allied, with_region in ((True, True), (True, False), (False, False)):
            want = th_camps.camp_adversaries(e, major, rivalry, known=known, allied=allied if with_allied else None,
                                             region=region if with_region else None, check=False)
            got = np.empty((n, n), bool)
            _camp_kernel(e, major, rivalry, known, allied, with_allied, region, with_region, got)
            assert np.array_equal(got, want), (trial, with_allied, with_region)
            found += int(want.sum())
    assert found > 50  # adversaries to compare
    for seed in (1, 2):
        world = _moved_world(seed)
        allied = th.alliance_commitment(world) >= th.CALL_TO_ARMS
        known = world.inputs.ideal_known if world.inputs.ideal_known is not None else np.ones(world.n, dtype=bool)
        from foedus.theory.regions import cow_region

        want = th_camps.camp_adversaries(th.ideological_excess(world), world.state.major, world.state.rivalry, known=known, allied=allied,
                                         region=cow_region(world.inputs.ccode))
        world.cache.clear()
        assert np.array_equal(th.camp_adversaries(world), want)
