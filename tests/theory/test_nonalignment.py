"""The persistence of non-alignment (foedus.theory.nonalignment): the Weibull hazard ratio and the threat shock."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from foedus.theory.nonalignment import NEXT_DOOR_KM, policy_inertia, threat_shock


@given(st.floats(1.0, 500.0), st.floats(1.0, 10.0), st.floats(0.0, 2.0))
def test_the_inertia_is_the_weibull_hazard_ratio(t, k, beta):
    """h(kt) / h(t) = k^(p - 1) for the Weibull hazard h(t) = lambda p t^(p-1) (Box-Steffensmeier & Jones 2004), p = 1 - beta."""
    a, b = policy_inertia(np.array([t, k * t]), beta)
    assert b / a == pytest.approx(k ** -beta, rel=1e-9)
    assert 0 < b <= a <= 1


def test_no_inertia_for_a_state_just_out_or_without_elasticity():
    assert policy_inertia(np.array([0, 1, 50, 200]), 0.0).tolist() == [1.0, 1.0, 1.0, 1.0]
    assert policy_inertia(np.array([0, 1]), 0.8).tolist() == [1.0, 1.0]
    with pytest.raises(ValueError):
        policy_inertia(np.array([3]), -0.1)


def test_a_war_of_the_main_threat_next_door_is_a_shock_and_one_far_away_is_not():
    n = 4
    war = np.zeros((n, n), bool)
    war[1, 3] = war[3, 1] = True  # the threat (1) fights a third state (3)
    cont = np.zeros((n, n), bool)
    cont[0, 1] = cont[1, 0] = True
    dist = np.full((n, n), 5000.0)
    dist[2, 1] = dist[1, 2] = NEXT_DOOR_KM - 1  # across 400 miles of water at most
    main = np.array([1, -1, 1, 1])
    dist[3, 1] = dist[1, 3] = 0.0
    assert threat_shock(main, war, cont, dist).tolist() == [True, False, True, True]
    dist[2, 1] = dist[1, 2] = NEXT_DOOR_KM + 1
    assert threat_shock(main, war, cont, dist).tolist() == [True, False, False, True]
    assert not threat_shock(main, np.zeros((n, n), bool), cont, dist).any()  # no war, no shock
