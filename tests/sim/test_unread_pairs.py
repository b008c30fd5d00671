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
