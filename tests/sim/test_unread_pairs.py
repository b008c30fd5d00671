"""unread_pairs.unread_pairs and war_risk_pairs, the entries a new pact's explanation reads, equal the (N, N) terms of
formation.unread_alignment and formation._war_risk to the bit, before and after the defence pacts move (issue 16)."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.scenario import Scenario
from foedus.sim.steps import conflict, formation
from foedus.sim.steps.unread_pairs import unread_pairs, war_risk_pairs


def _bits(a) -> bytes:
    return np.ascontiguousarray(a).tobytes()


def _check(world, a, b):
    full = formation.unread_alignment(world)
    assert full is not None
    assert _bits(unread_pairs(world, a, b, formation)) == _bits(full[a, b])
    assert _bits(war_risk_pairs(world, a, b, formation)) == _bits(formation._war_risk(world)[a, b])
    return full


def test_the_entries_equal_the_matrices_to_the_bit(monkeypatch):
    sim = Simulation(Scenario.load("world-2022"), rng=7)
    sim.run(3)
    world = sim.world
    rng = np.random.default_rng(0)
    n = world.n
    a, b = rng.integers(0, n, 400), rng.integers(0, n, 400)
    a[:5] = b[:5]  # the diagonal too
    i, j = formation._onset_terms(world)[:2]
    a, b = np.concatenate([a, i[:50], j[:50]]), np.concatenate([b, j[:50], i[:50]])  # pairs at risk, both ways
    full = _check(world, a, b)
    assert (full[a, b] > 0).sum() > 10  # the case tells something
    assert (formation._war_risk(world)[a, b] > 0).sum() > 10
    # a defence pact between live pairs that have none: the defence pledges and the war risk move
    before = formation._war_risk(world)[i, j].copy()
    defence = np.array(formation.defence_pairs(world), copy=True)
    pledges = np.array(formation.defence_pledges(world), copy=True)
    none = np.flatnonzero(~defence[i, j])[:40]
    defence[i[none], j[none]] = defence[j[none], i[none]] = True
    pledges[i[none], j[none]] = pledges[j[none], i[none]] = True
    monkeypatch.setattr(conflict, "defence_pairs", lambda w: defence)
    monkeypatch.setattr(formation, "defence_pairs", lambda w: defence)
    monkeypatch.setattr(formation, "defence_pledges", lambda w: pledges)
    world.cache.pop("abstention_terms", None)
    _check(world, a, b)
    _check(world, i[none], j[none])
    assert not np.array_equal(war_risk_pairs(world, i[none], j[none], formation), before[none])  # the new pacts moved the risk


def test_the_entries_follow_a_change_of_regime():
    """With the restart on (``intentions_restart_share`` 1), a coup (a scheduled ``regime_change``: Hungary's score from its
    own to 0.1 in 2024) restarts the state's record of intentions (:func:`foedus.sim.steps.formation.record_years`): the
    entries still equal the matrices to the bit, and the state's partners read it at the prior again."""
    from foedus.testing.scenarios import with_updates

    base = Scenario.load("world-2022")
    coup = [{"year": 2024, "kind": "regime_change", "actor": 310, "value": 0.1, "description": "a coup (test)"}]
    runs = {}
    for share in (0.0, 1.0):
        sim = Simulation(with_updates(base, parameters={"intentions_restart_share": share}, shocks=[*base.model_dump()["shocks"], *coup]), rng=7)
        sim.run(3)
        runs[share] = sim.world
    world, k = runs[1.0], runs[1.0].index_of(310)
    assert world.state.intentions_restarted[k] == 2024 and formation.record_years(world)[k] == 2024
    assert formation.record_years(runs[0.0])[k] == formation.entry_years(runs[0.0])[k]  # the restart off: the entry
    n = world.n
    rng = np.random.default_rng(1)
    a = np.concatenate([rng.integers(0, n, 400), np.full(60, k), np.arange(min(n, 60))])
    b = np.concatenate([rng.integers(0, n, 400), np.arange(min(n, 60)), np.full(60, k)])
    _check(world, a, b)
    # the restarted state's pairs are read at the prior again (its record since 1918 left most of them 2e-5 of it, the young
    # states' pairs with it more)
    from foedus.sim.steps import year_goods
    u1 = year_goods.intentions(world, formation.record_years(world))[0]
    u0 = year_goods.intentions(runs[0.0], formation.record_years(runs[0.0]))[0]
    others = np.arange(n) != k
    assert (u1[others, k] > 0.7).all() and np.median(u0[others, k]) < 1e-3 and (u1[others, k] > u0[others, k]).all()
