"""foedus.theory.war_restraint: the onset's major-major term carried to entry and escalation (Bremer 1992; Levy 1983)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.sim.parameters import Parameters
from foedus.theory import war_restraint
from foedus.theory.war_onset import WAR_ONSET_TERMS, war_onset_hazard
from foedus.theory.war_restraint import great_power_odds_factor, great_power_restraint

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(war_restraint, raise_on_error=False).failed == 0


def test_it_is_the_onset_logits_major_major_term():
    """Applied to the onset hazard of a major-minor pair, the restraint gives the hazard of the same pair as major-major:
    the same logit term, whatever path the war takes (the analytic identity of adding beta on the log-odds scale)."""
    p = Parameters()
    x = {"contiguous": 1, "log_distance": 0.5, "any_major": 1, "parity": 0.4, "rival": 1, "war_history": 0.3, "lower_democracy": 0.2,
         "higher_democracy": 0.6, "defence_pact": 0, "joint_nuclear": 0, "conquest_norm": 0, "joint_major": 0, "issueless_rival": 0}
    h = lambda **k: war_onset_hazard(*({**x, **k}[t] for t in WAR_ONSET_TERMS), intercept=p.war_onset_intercept, coefficients=p.war_onset_coefficients())  # noqa: E731
    assert great_power_restraint(h(), [True], [True], p.war_onset_joint_major)[0] == pytest.approx(float(h(joint_major=1)), rel=1e-12)


def test_only_pairs_of_great_powers_are_restrained_and_zero_leaves_all():
    p = np.array([0.2, 0.2, 0.2, 0.2])
    mi, mj = np.array([True, True, False, False]), np.array([True, False, True, False])
    out = great_power_restraint(p, mi, mj, -1.63)
    assert out[0] < 0.2 and (out[1:] == 0.2).all()
    assert (great_power_restraint(p, mi, mj, 0.0) == p).all()
    assert great_power_restraint([0.0, 1.0], [True, True], [True, True], -1.63).tolist() == [0.0, 1.0]


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 0.05), st.floats(-5.0, 0.0))
def test_for_a_rare_step_the_odds_factor_is_the_log_odds_term(p, b):
    """For p far below 1 the multiplier e^b on p and the logit shift agree within a relative error p (the rare-event limit)."""
    exact = float(great_power_restraint([p], [True], [True], b)[0])
    approx = p * float(great_power_odds_factor([True], [True], b)[0])
    assert approx <= exact + 1e-15
    assert abs(exact - approx) <= p * max(exact, 1e-300) + 1e-15


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="probability"):
        great_power_restraint([1.5], [True], [True], -1.0)
    with pytest.raises(ValueError, match="coefficient"):
        great_power_restraint([0.5], [True], [True], float("nan"))


# --- gpwar13: extended deterrence among the great powers -----------------------------------------------------------------


def test_protection_is_the_chance_that_one_of_independent_protectors_fights():
    """Two protectors at full reach, reliability rho: 1 - (1 - rho)^2 (independent draws, as the call to arms makes them);
    a protector's reach scales its chance; states that do not protect the target count for nothing."""
    from foedus.theory.war_restraint import protection_probability

    rho = 0.66
    got = protection_probability([[1.0, 1.0, 1.0], [0.5, 0.0, 1.0]], [[True, True, False], [True, True, False]], rho)
    assert got[0] == pytest.approx(1 - (1 - rho) ** 2, rel=1e-12)
    assert got[1] == pytest.approx(rho * 0.5, rel=1e-12)
    assert protection_probability([[1.0]], [[True]], 0.0)[0] == 0.0


def test_a_certain_protector_restrains_the_attack_as_a_war_between_great_powers():
    """q = 1: the attack is a war on a great power, restrained by the odds ratio the onset logit gives two great powers (for a
    rare onset the probability factor: test_for_a_rare_step_the_odds_factor_is_the_log_odds_term); q = 0: unrestrained."""
    from foedus.theory.war_restraint import extended_deterrence

    b = Parameters().war_onset_joint_major
    assert extended_deterrence([1.0], b)[0] == pytest.approx(float(great_power_odds_factor([True], [True], b)[0]), rel=1e-12)
    assert extended_deterrence([0.0], b)[0] == 1.0
    assert extended_deterrence([0.7], 0.0)[0] == 1.0


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(-8.0, 0.0))
def test_deterrence_grows_with_the_protectors_chance_and_stays_a_share(q1, q2, b):
    from foedus.theory.war_restraint import extended_deterrence

    lo, hi = sorted((q1, q2))
    f_lo, f_hi = extended_deterrence([lo], b)[0], extended_deterrence([hi], b)[0]
    assert 0.0 <= f_hi <= f_lo <= 1.0


def test_deterrence_bad_input_is_named():
    from foedus.theory.war_restraint import extended_deterrence, protection_probability

    with pytest.raises(ValueError, match="protected"):
        extended_deterrence([1.2], -1.0)
    with pytest.raises(ValueError, match="reliability"):
        protection_probability([[1.0]], [[True]], 1.5)
    with pytest.raises(ValueError, match="reach"):
        protection_probability([[-0.1]], [[True]], 0.5)


def test_minor_attacker_restraint_falls_on_a_great_power_facing_a_minor_only():
    """Leeds 2003 / the in-sample record (call20): the term moves only a great-power ally against a minor enemy, on the log-odds."""
    from foedus.theory.war_restraint import minor_attacker_restraint

    p = np.full(4, 0.6)
    out = minor_attacker_restraint(p, [True, True, False, False], [False, True, False, True], -4.0)
    assert out[1:].tolist() == [0.6, 0.6, 0.6]
    assert np.log(out[0] / (1 - out[0])) - np.log(0.6 / 0.4) == pytest.approx(-4.0, abs=1e-12)
