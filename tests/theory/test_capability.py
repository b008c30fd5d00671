"""foedus.theory.capability: capability shares, offence, asymmetry, commitment, and an alliance's security profile."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.schema import OBLIGATIONS
from foedus.theory import capability
from foedus.theory.capability import (
    asymmetric_capabilities,
    capability_change,
    capability_shares,
    commitment_strength,
    common_threat_pressure,
    economic_evenness,
    offensive_capability,
    regime_similarity,
)

pytestmark = pytest.mark.filterwarnings("error")
positive = st.floats(1e-3, 1e3)
# Zero or a normal float: subnormal shares overflow a ratio and would test float arithmetic, not the formula.
share = st.one_of(st.just(0.0), st.floats(1e-6, 1.0))


def test_docstring_examples_run():
    assert doctest.testmod(capability, raise_on_error=False).failed == 0


@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 8), data=st.data())
def test_capability_shares_sum_to_one_and_start_at_the_starting_cinc(n, data):
    e0 = data.draw(hnp.arrays(float, n, elements=positive))
    m0 = data.draw(hnp.arrays(float, n, elements=positive))
    c0 = data.draw(hnp.arrays(float, n, elements=st.floats(1e-6, 1.0)))
    start = capability_shares(e0, m0, e0, m0, c0)
    np.testing.assert_allclose(start, c0 / c0.sum(), rtol=1e-12)
    later = capability_shares(2 * e0, m0, e0, m0, c0)
    assert later.sum() == pytest.approx(1.0)


def test_a_state_that_doubles_its_economy_gains_capability_share():
    p = capability_shares([2.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1 / 3] * 3)
    assert p[0] > p[1] == p[2]


def test_a_system_without_capabilities_has_equal_shares():
    assert capability_shares([0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [1.0, 1.0], [0.5, 0.5]).tolist() == [0.5, 0.5]


def test_offensive_capability_is_one_for_a_state_armed_twice_beyond_its_weight():
    o = offensive_capability([4.0, 1.0, 1.0], [1 / 3, 1 / 3, 1 / 3])
    assert o[0] == 1.0 and o[1] == pytest.approx(0.25)


def test_offensive_capability_has_its_floor_for_a_state_without_capability():
    assert offensive_capability([1.0, 1.0], [1.0, 0.0], floor=0.05).tolist() == [0.25, 0.05]


@settings(max_examples=50, deadline=None)
@given(m=hnp.arrays(float, 5, elements=positive), p=hnp.arrays(float, 5, elements=share))
def test_offensive_capability_lies_between_its_floor_and_one(m, p):
    o = offensive_capability(m, p, floor=0.1)
    assert ((o >= 0.1) & (o <= 1.0)).all()


def test_an_alliance_is_asymmetric_when_its_leader_has_three_times_the_runner_up():
    got = asymmetric_capabilities(np.array([0.4, 0.3, 0.5]), np.array([0.1, 0.11, np.inf]))
    assert got.tolist() == [True, False, False]


def test_a_defence_pact_commits_most_and_a_condition_weakens_it():
    ob = np.zeros((3, len(OBLIGATIONS)), bool)
    ob[0, OBLIGATIONS.index("defense")] = True
    ob[1, OBLIGATIONS.index("defense")] = True
    ob[2, OBLIGATIONS.index("nonaggression")] = True
    assert commitment_strength(ob, [False, True, False]).tolist() == [1.0, 0.75, 0.2]


def test_a_common_threat_as_large_as_the_members_power_is_half_the_pressure():
    assert common_threat_pressure(0.1, 0.1, 0.2) == pytest.approx(0.5)
    assert common_threat_pressure(0.0, 0.0, 0.2) == 0.0


@settings(max_examples=50, deadline=None)
@given(t=st.floats(0, 10), g=st.floats(0, 10), p=st.floats(0, 1))
def test_pressure_lies_in_the_unit_interval_and_rises_with_the_threat(t, g, p):
    rho = common_threat_pressure(t, g, p)
    assert 0.0 <= rho <= 1.0
    assert common_threat_pressure(t + 1.0, g, p) >= rho


def test_equal_economies_are_even_and_one_dominant_economy_is_not():
    assert economic_evenness([5.0, 5.0]) == 1.0
    assert economic_evenness([1.0]) == 0.0
    assert 0.0 < economic_evenness([10.0, 1.0]) < economic_evenness([10.0, 8.0]) < 1.0


def test_regime_similarity_falls_as_regimes_diverge():
    assert regime_similarity([0.5, 0.5, 0.5]) == 1.0
    assert regime_similarity([0.0, 1.0]) == 0.0
    assert regime_similarity([0.4, 0.6]) == pytest.approx(0.8)


def test_capability_change_is_the_share_of_capability_that_changed_hands():
    assert capability_change([1.0, 1.0], [2.0, 2.0]) == 0.0
    assert capability_change([1.0, 0.0], [0.0, 1.0]) == 1.0


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match="military"):
        offensive_capability([-1.0, 1.0], [0.5, 0.5])
    with pytest.raises(ValueError, match="regimes"):
        regime_similarity([0.5, 2.0])
