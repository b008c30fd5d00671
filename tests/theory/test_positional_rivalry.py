"""The great powers' positional rivalry hazards (foedus.theory.positional_rivalry): their parts and the fitted figures they carry."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.parameters import Parameters
from foedus.theory import positional_rivalry as pr
from foedus.theory.rivalry import geometric_median_duration, log_parity, logit_hazard


def test_parity_change_is_symmetric_and_negative_when_one_falls_behind():
    assert float(pr.parity_change(0.2, 0.1, 0.2, 0.2)) == pytest.approx(np.log(0.5))
    assert float(pr.parity_change(0.1, 0.2, 0.2, 0.2)) == float(pr.parity_change(0.2, 0.1, 0.2, 0.2))
    assert float(pr.parity_change(0.2, 0.2, 0.2, 0.1)) == pytest.approx(np.log(2.0))  # drawn level: positive
    assert float(pr.parity_change(0.3, 0.1, 0.3, 0.1)) == 0.0


def test_the_leading_power_is_the_strongest_major_and_its_pairs_are_the_leaders():
    power, major = np.array([0.30, 0.20, 0.25, 0.05]), np.array([False, True, True, True])
    assert pr.leading_power(power, major) == 2  # the strongest state is no major power: not the leader
    assert pr.leading_power(power, np.zeros(4, bool)) == -1
    assert pr.leader_pair([1, 1, 2], [2, 3, 3], 2).tolist() == [True, False, True]
    assert pr.leader_share(power, major) == pytest.approx(0.25 / 0.50)


def test_past_power_keeps_the_last_years_oldest_first_and_starts_without_change():
    first = pr.past_power(np.zeros((0, 0)), [0.5, 0.3], years=3)
    assert first.shape == (3, 2) and (first == [0.5, 0.3]).all()
    nxt = pr.past_power(first, [0.6, 0.2], years=3)
    assert nxt.tolist() == [[0.5, 0.3], [0.5, 0.3], [0.6, 0.2]]
    assert pr.past_power(nxt, [0.6, 0.2], years=4).shape == (4, 2)  # another length: started again
    with pytest.raises(ValueError):
        pr.past_power(nxt, [0.6, 0.2], years=0)


def test_the_hazards_are_the_logits_of_their_terms():
    b = (0.5, 1.0)
    got = pr.positional_onset_hazard(np.array([-1.0, 0.0]), np.array([False, True]), intercept=-5.0, coefficients=b)
    assert np.allclose(got, logit_hazard(-5.0, b, (np.array([-1.0, 0.0]), np.array([0.0, 1.0]))))
    assert float(pr.positional_termination_hazard(-0.5, intercept=-5.0, coefficients=(-2.0,))) == pytest.approx(1.0 / (1.0 + np.exp(4.0)))


def test_the_defaults_carry_the_in_sample_fit_of_the_great_powers_positional_rivalries():
    """Thompson, Sakuwa & Suhas (2021) positional rivalries among COW major powers, 1816-1914 and 1946-1989, against NMC 7.0 CINC
    (tools/gp_rivalry_fit.py; tests/analysis/test_gp_rivalry.py refits them): 5 onsets in 1,144 dyad-years, 6 ends in 734
    rivalry-years. At parity the leading power and a peer begin a rivalry at about 2.2 % a year, two other peers at 0.8 %; a pair
    of which one has half the other's capability at 0.4 %; a rivalry whose parity holds ends at 0.7 % a year (median about a
    century: the Anglo-French rivalry lasted from 1731 to 1904), and one whose weaker side fell to half its relative standing in
    the decade at about 3.8 %."""
    p = Parameters()
    on = lambda lp, lead: float(pr.positional_onset_hazard(lp, lead, intercept=p.gp_rivalry_onset_intercept, coefficients=p.gp_rivalry_onset_coefficients()))
    end = lambda ch: float(pr.positional_termination_hazard(ch, intercept=p.gp_rivalry_end_intercept, coefficients=p.gp_rivalry_end_coefficients()))
    assert on(0.0, True) == pytest.approx(0.0218, abs=5e-4)
    assert on(0.0, False) == pytest.approx(0.0077, abs=5e-4)
    assert on(float(log_parity(0.1, 0.2)), False) == pytest.approx(0.0039, abs=5e-4)
    assert on(0.0, True) / on(0.0, False) == pytest.approx(np.exp(p.gp_rivalry_onset_leader), rel=0.05)  # rare events: odds ~ risk
    assert end(0.0) == pytest.approx(0.0071, abs=5e-4)
    assert 90 <= int(geometric_median_duration(end(0.0))) <= 105
    assert end(np.log(0.5)) == pytest.approx(0.038, abs=1e-3)
