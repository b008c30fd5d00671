"""The rivalry hazards' functional form (foedus.theory.rivalry): a discrete-time logit, monotonic in its drivers."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import lfilter

from foedus.sim.parameters import Parameters
from foedus.theory import rivalry as th

P = Parameters()


def test_the_logit_hazard_is_the_logistic_function_of_the_linear_predictor():
    assert float(th.logit_hazard(0.0, [], [])) == 0.5
    eta = -2.0 + 0.5 * 3.0 - 1.0 * 1.0
    assert float(th.logit_hazard(-2.0, [0.5, -1.0], [3.0, 1.0])) == pytest.approx(1.0 / (1.0 + np.exp(-eta)))
    with pytest.raises(ValueError, match="2 coefficients for 1"):
        th.logit_hazard(0.0, [1.0, 2.0], [1.0])


def _onset(**change):
    x = {"contiguous": False, "major_pair": False, "log_parity": np.log(0.3), "war_history": 0.0, "joint_democracy": False, "regime_distance": 0.3,
         "one_major": False, "out_of_reach": False, "defence_pact": False, "new_pair": 0.0, **change}
    return float(th.rivalry_onset_hazard(*(x[t] for t in th.ONSET_TERMS), intercept=P.rivalry_onset_intercept, coefficients=P.rivalry_onset_coefficients()))


def _end(**change):
    x = {"contiguous": True, "major_pair": False, "power_shift": 0.2, "war_history": 0.0, "joint_democracy": False, "regime_distance": 0.5,
         "regime_shift": 0.0, **change}
    return float(th.rivalry_termination_hazard(*(x[t] for t in th.TERMINATION_TERMS), intercept=P.rivalry_end_intercept, coefficients=P.rivalry_end_coefficients()))


def test_with_the_estimated_coefficients_rivalries_begin_among_neighbours_great_powers_equals_and_former_enemies():
    base = _onset()
    assert _onset(contiguous=True) > 8 * base  # exp(2.29): 9.9 times (12 before the new-pair term took the births of states)
    assert _onset(major_pair=True) > 2 * base
    assert _onset(out_of_reach=True) < base / 10  # contact: two minor states an ocean apart
    assert _onset(one_major=True) > 5 * _onset(out_of_reach=True)  # a great power's reach
    assert _onset(log_parity=np.log(0.9)) > _onset(log_parity=np.log(0.1))
    assert _onset(new_pair=1.0) > 20 * base  # rivalries begin when states are born (Beck, Katz & Tucker 1998's duration dependence)
    assert _onset(war_history=th.war_term(3.0)) > 5 * base
    assert _onset(joint_democracy=True, regime_distance=0.0) < base  # the democratic peace
    assert _onset(defence_pact=True) < base  # allies seldom become rivals (Deutsch 1957; Bremer 1992): once the pair's age is held, weakly


def test_a_great_power_and_a_micro_state_are_no_rivals_however_near():
    """Thompson (2001): a strategic rival can threaten. With log parity, a great power (CINC 0.2) and a state of 1e-5 of the world's
    capability (Liechtenstein) begin a rivalry at a twentieth of the rate (1000 ** -0.45) of a great power and a regional power (0.02), other things equal."""
    gp_micro = _onset(one_major=True, log_parity=th.log_parity(0.2, 1e-5))
    gp_regional = _onset(one_major=True, log_parity=th.log_parity(0.2, 0.02))
    assert gp_micro < gp_regional / 20
    assert float(th.log_parity(0.0, 0.0)) == np.log(th.PARITY_FLOOR) and float(th.log_parity(0.3, 0.3)) == 0.0


def test_the_new_pair_term_decays_exponentially_and_two_members_since_1816_are_an_old_pair():
    from foedus.theory.reassurance import relationship_age

    age = relationship_age(1993, [1816, 1816, 1991])
    x = th.new_pair(age, years=2.0)
    assert x[0, 1] == 0.0 and x[0, 2] == pytest.approx(np.exp(-1.0)) and x[1, 2] == x[0, 2]
    np.testing.assert_allclose(th.new_pair(np.arange(5.0), years=2.0), np.exp(-np.arange(5.0) / 2.0))
    with pytest.raises(ValueError, match="years"):
        th.new_pair(0.0, years=0.0)


def test_with_the_estimated_coefficients_rivalries_end_after_regime_change_and_wars_and_power_shifts():
    assert _end(regime_shift=0.5) > 2 * _end()  # Goertz & Diehl's political shock
    assert _end(war_history=th.war_term(2.0)) > _end()
    assert _end(power_shift=1.5) > _end(power_shift=0.0)
    assert _end(major_pair=True) < _end()  # great-power rivalries last


def test_war_memory_is_a_geometric_discount_of_years_at_war():
    at_war = np.array([1, 1, 0, 0, 1, 0, 0, 0], float)
    h = 0.0
    out = []
    for w in at_war:
        h = th.war_history(h, w, memory=0.8)
        out.append(float(h))
    np.testing.assert_allclose(out, lfilter([1.0], [1.0, -0.8], at_war))
    assert out[1] == pytest.approx(1.8)
    with pytest.raises(ValueError, match="memory"):
        th.war_history(0.0, 1.0, memory=1.0)


def test_parity_and_power_shift():
    assert th.parity(0.2, 0.1).tolist() == 0.5 and th.parity(0.0, 0.0).tolist() == 0.0
    b0 = th.log_ratio(0.2, 0.1)
    assert float(th.power_shift(0.2, 0.1, b0)) == 0.0
    assert float(th.power_shift(0.1, 0.2, b0)) == pytest.approx(2 * np.log(2.0))


def test_two_minor_states_beyond_the_reach_are_out_of_reach_and_a_great_power_never_is():
    assert th.out_of_reach([0.0, 1500.0, 1500.1, 9000.0], False, False, reach_km=1500.0).tolist() == [False, False, True, True]
    assert not th.out_of_reach(9000.0, True, False, reach_km=1500.0) and not th.out_of_reach(9000.0, False, True, reach_km=1500.0)


def test_regime_shift_is_the_larger_change_and_a_lasting_regime_stops_being_a_shock_geometrically():
    assert float(th.regime_shift(0.8, 0.3, 0.2, 0.4)) == pytest.approx(0.6)
    ref, shifts = 0.2, []
    for _ in range(6):  # a transition from 0.2 to 0.8 that lasts: the shift is 0.6 * memory^t (analytic)
        shifts.append(float(th.regime_shift(0.8, 0.0, ref, 0.0)))
        ref = float(th.regime_reference(ref, 0.8, memory=0.8))
    np.testing.assert_allclose(shifts, 0.6 * 0.8 ** np.arange(6))
    with pytest.raises(ValueError, match="memory"):
        th.regime_reference(0.0, 1.0, memory=1.0)


@pytest.mark.parametrize("h", [0.01, 0.05, 0.1, 0.2, 0.29, 0.5, 0.9])
def test_the_median_duration_at_a_constant_hazard_is_the_geometric_distributions(h):
    from scipy import stats

    assert float(th.geometric_median_duration(h)) == stats.geom(h).median()
    with pytest.raises(ValueError, match="hazard"):
        th.geometric_median_duration(0.0)


def test_two_minor_states_without_a_border_beyond_contact_cannot_become_rivals_and_neighbours_and_great_powers_can():
    """Diehl & Goertz 2000; Thompson & Dreyer 2012: 2 such onsets in 389,315 dyad-years of the record, both across colonial borders."""
    d = [9500.0, 9500.0, 9500.0, 9500.0, 4999.0, 0.0]
    cont = [False, False, False, True, False, True]
    mi = [False, True, False, False, False, False]
    mj = [False, False, True, False, False, False]
    assert th.beyond_contact(d, cont, mi, mj, contact_km=5000.0).tolist() == [True, False, False, False, False, False]
