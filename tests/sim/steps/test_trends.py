"""Step 1, trends and shocks, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.trends import trends_and_shocks

from .conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world


def test_great_power_competition_raises_the_rivals_hostility_baseline_only():
    world, rng = tiny_world(trends={"great_power_competition": 1.0})
    g, r, a, b = (world.index_of(c) for c in (GRT, RIV, SMA, SMB))
    trends_and_shocks(world, rng)
    assert world.state.hostility_base[g, r] == world.state.hostility_base[r, g] == pytest.approx(0.6 + 0.04 * 0.5)
    assert world.state.hostility_base[a, b] == 0.0


def test_interdependence_grows_trade_dependence_by_its_rate():
    rel = [{"pair": [SMA, SMB], "trade_dependence": [0.1, 0.2]}]
    world, rng = tiny_world(relations=rel, trends={"economic_interdependence": 1.0}, trade_growth=0.1)
    a, b = world.index_of(SMA), world.index_of(SMB)
    trends_and_shocks(world, rng)
    assert world.state.trade_dependence[a, b] == pytest.approx(0.1 * 1.05)
    assert world.state.trade_dependence[b, a] == pytest.approx(0.2 * 1.05)


def test_a_scheduled_invasion_starts_a_war_and_an_aggression_crisis():
    shock = {"year": 2000, "kind": "invasion", "actor": RIV, "target": SMA, "intensity": 1.0, "duration": 3}
    world, rng = tiny_world(shocks=[shock])
    r, a = world.index_of(RIV), world.index_of(SMA)
    trends_and_shocks(world, rng)
    assert world.state.at_war[r, a] and world.state.at_war[a, r]
    assert world.state.hostility[r, a] == 1.0 and world.state.hostility_base[r, a] == pytest.approx(0.8)
    assert world.state.crises.kind == ["aggression"] and world.state.crises.aggressor == [r]
    assert [(c, c2) for _, c, c2, _ in events(world, "war")] == [(RIV, SMA)]


def test_a_scheduled_exit_from_a_pair_dissolves_it():
    shock = {"year": 2000, "kind": "leave", "actor": SMA, "agreement": "Pact"}
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])], shocks=[shock])
    trends_and_shocks(world, rng)
    assert not world.state.agreements.active[0]
    (_, _, _, detail), = events(world, "dissolution")
    assert detail["cause"] == "too few members after a scheduled exit"


def test_a_scheduled_pact_is_asymmetric_when_its_leader_dwarfs_its_partner():
    shock = {"year": 2000, "kind": "pact", "actors": [GRT, SMA], "agreement": "Guarantee"}
    world, rng = tiny_world(shocks=[shock])
    trends_and_shocks(world, rng)
    ag = world.state.agreements
    assert ag.names[0] == "Guarantee" and ag.asymmetric[0] and ag.leader[0] == world.index_of(GRT)
    assert np.flatnonzero(ag.members[0]).tolist() == sorted([world.index_of(GRT), world.index_of(SMA)])
