"""The costs of alignment options and the writing of new pacts (steps/formation.py)."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.formation import commitment_capacity, form_alliances, option_costs

from .conftest import GRT, SMA, SMB, tiny_world


def test_a_great_power_carries_more_commitments_for_the_price_of_one():
    world, _ = tiny_world()
    cap = commitment_capacity(world)
    assert cap[world.index_of(GRT)] > 1.0 == cap[world.index_of(SMA)]


def test_an_option_costs_more_for_a_state_with_more_commitments():
    world, _ = tiny_world(autonomy_weight=0.0)
    rows = np.array([world.index_of(SMA)])
    none = option_costs(world, rows, np.zeros(0, np.intp), np.zeros((0, 4), bool), np.zeros(4))
    two = option_costs(world, rows, np.zeros(0, np.intp), np.zeros((0, 4), bool), np.full(4, 2.0))
    assert (two > none).all()
    assert none[0, 0] == world.params.alliance_cost


def test_a_new_pact_between_a_great_power_and_a_small_state_is_asymmetric_and_led_by_the_great_power():
    world, _ = tiny_world()
    g, a, b = (world.index_of(c) for c in (GRT, SMA, SMB))
    n = world.n
    motives = np.zeros((n, 4))
    form_alliances(world, np.array([a, a]), np.array([g, b]), motives, np.zeros((4, n, n)), np.zeros((n, n)), np.zeros((n, n)))
    ag = world.agreements
    assert ag.asymmetric[:2].tolist() == [True, False]
    assert ag.leader[0] == g
    assert ag.commitment[0] == 1.0  # a defence pact
