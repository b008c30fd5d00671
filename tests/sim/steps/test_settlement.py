"""Tests of foedus.sim.steps.settlement: neighbours settle an ended war or rivalry by a pledge of non-aggression (settle16)."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps import rivalry as rivalry_step
from foedus.sim.steps import year_goods
from foedus.sim.steps.formation import credible_goods
from foedus.sim.steps.settlement import record_rivalry_end, settlement
from foedus.theory.settlement import rivalry_memory, settlement_value, unsettled_relations

from .conftest import GRT, RIV, SMA, SMB, tiny_world


def _index(world, code):
    return int(np.flatnonzero(world.inputs.ccode == code)[0])


def test_credible_goods_add_the_settlement_value_to_the_reassurance_good_only():
    """formation.credible_goods adds settlement_weight times theory.settlement.settlement_value to row 1 (reassurance) of
    every pair at the standing of non-aggression (after 1945: all of it), the rest to row 3 (transparency), the same on both
    sides; the other goods never move; weight 0 leaves the goods as they were."""
    on, _ = tiny_world(settlement_weight=0.3)
    off, _ = tiny_world(settlement_weight=0.0)
    a, b = _index(on, SMA), _index(on, SMB)
    for w in (on, off):
        w.state.war_history = np.zeros((w.n, w.n))
        w.state.war_history[a, b] = w.state.war_history[b, a] = 2.0  # their war has ended
    goods = np.random.default_rng(3).random((5, on.n, on.n))
    base = credible_goods(off, goods.copy())
    got = credible_goods(on, goods.copy())
    st = on.state
    km = on.inputs.capital_km if on.inputs.capital_km is not None else on.inputs.distance_km
    u = unsettled_relations(st.war_history, rivalry_memory(st.year, np.full((on.n, on.n), np.nan), memory=on.inputs.params.war_memory), st.at_war, st.rivalry)
    s = 0.3 * settlement_value(u, on.inputs.contiguous, km)
    standing = year_goods.norms(on)[2]  # 2000: the Charter's, 1
    assert standing == 1.0
    np.testing.assert_allclose(got[1], base[1] + standing * s, rtol=1e-12)
    np.testing.assert_allclose(got[3], base[3] + (1 - standing) * s, rtol=1e-12)
    assert got[1, a, b] - base[1, a, b] > 0.25
    np.testing.assert_allclose(got[1, a, b] - base[1, a, b], got[1, b, a] - base[1, b, a], rtol=1e-12)
    assert np.array_equal(np.delete(got, [1, 3], axis=0), np.delete(base, [1, 3], axis=0))
    assert settlement(off) is None


def test_a_rivalry_that_ends_is_remembered_and_then_settled():
    """The rivalry step writes the year a rivalry ends (settlement.record_rivalry_end); the pair, no longer rivals, then has a
    settlement value where it is near (capitals within 1,000 km: GRT and RIV are about 2,300 km apart, so none), and none while rivals."""
    world, _ = tiny_world(settlement_weight=1.0, rivalry_end_intercept=5.0)
    g, r = _index(world, GRT), _index(world, RIV)
    assert world.state.rivalry[g, r]
    rivalry_step.rivalries(world, np.random.default_rng(0))
    assert not world.state.rivalry[g, r]
    assert world.state.rivalry_ended[g, r] == world.state.rivalry_ended[r, g] == world.state.year
    a, b = _index(world, SMA), _index(world, SMB)
    record_rivalry_end(world, np.array([a]), np.array([b]))
    s = settlement(world)
    assert s[a, b] == s[b, a] > 0.6  # 1 - exp(-1) at least, their war memory 0
    assert s[g, r] == 0.0  # not neighbours


def test_before_the_renunciation_of_war_neighbours_settle_by_a_pledge_to_consult():
    """In 1900 (standing of non-aggression 1 - nonaggression_norm_share) most of the settlement value goes to the transparency
    good of a pledge to consult, the rest to the reassurance of one of non-aggression; the two add up to the settlement value."""
    world, _ = tiny_world(settlement_weight=0.3)
    world.state.year = 1900
    a, b = _index(world, SMA), _index(world, SMB)
    world.state.war_history = np.zeros((world.n, world.n))
    world.state.war_history[a, b] = world.state.war_history[b, a] = 2.0
    standing = year_goods.norms(world)[2]
    assert 0 <= standing < 0.5
    goods = np.zeros((5, world.n, world.n))
    from foedus.sim.steps.settlement import settlement_goods
    got = settlement_goods(world, goods)
    s = settlement(world)[a, b]
    assert got[3, a, b] > got[1, a, b]
    np.testing.assert_allclose(got[1, a, b] + got[3, a, b], s, rtol=1e-12)
