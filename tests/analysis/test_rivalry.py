"""The rivalry hazards estimated on the record (foedus.analysis.rivalry): the simulator's defaults, in and out of sample."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.analysis.rivalry import estimate_rivalry_hazards, fit_logit, hazard_rates, rivalry_dyad_years
from foedus.sim.parameters import Parameters

ERAS = [(1816, 1914), (1919, 1938), (1946, 1989), (1990, 2010)]
FACTOR = 2.0
"""Tolerance on a rate: predicted within x/÷ 2 of the record's (the validation issue's tolerance on rates)."""


@pytest.fixture(scope="module")
def dyad_years():
    return rivalry_dyad_years()


@pytest.fixture(scope="module")
def full_fit(dyad_years):
    return estimate_rivalry_hazards(dyad_years, (1816, 2010))


def test_the_dyad_years_hold_the_record_rivalries_and_their_events(dyad_years):
    dy = dyad_years
    assert dy["year"].between(1816, 2010).all() and (dy["ccode1"] < dy["ccode2"]).all()
    # India-Pakistan (750, 770): rivals from 1947, an onset in 1947 (both members from 1947)
    ip = dy[(dy["ccode1"] == 750) & (dy["ccode2"] == 770)].set_index("year")
    assert ip.loc[1947, "onset"] and ip.loc[1960, "rival"] and not ip.loc[1960, "onset_risk"]
    # US-Russia: rivals 1945-1989 and again from 2007 (Thompson & Dreyer 99 and 197)
    us = dy[(dy["ccode1"] == 2) & (dy["ccode2"] == 365)]
    assert us.loc[us["onset"], "year"].tolist() == [1945, 2007] and us.loc[us["end"], "year"].tolist() == [1989]
    # France-Prussia/Germany (1756-1955): Germany leaves the system in 1945, so the rivalry is censored, not ended
    fg = dy[(dy["ccode1"] == 220) & (dy["ccode2"] == 255)]
    assert fg.loc[fg["rival"], "year"].max() == 1944 and not fg["end"].any() and not fg["onset"].any()
    assert not (dy["onset"] & ~dy["onset_risk"]).any() and not (dy["end"] & ~dy["end_risk"]).any()


def test_the_simulator_carries_the_fit_on_1816_2010_as_its_defaults(full_fit):
    p = Parameters()
    on, end = full_fit.onset, full_fit.termination
    assert on.intercept == pytest.approx(p.rivalry_onset_intercept, abs=1e-3)
    np.testing.assert_allclose(on.coefficients, p.rivalry_onset_coefficients(), atol=1e-3)
    assert end.intercept == pytest.approx(p.rivalry_end_intercept, abs=1e-3)
    np.testing.assert_allclose(end.coefficients, p.rivalry_end_coefficients(), atol=1e-3)
    assert (on.n, on.events, end.n, end.events) == (744406, 130, 6643, 106)


def test_onsets_are_driven_by_contiguity_great_power_status_parity_and_wars(full_fit):
    z = dict(zip(full_fit.onset.terms, np.divide(full_fit.onset.coefficients, full_fit.onset.std_errors)))
    assert z["contiguous"] > 3 and z["major_pair"] > 3 and z["parity"] > 3 and z["war_history"] > 3 and z["joint_democracy"] < -2.5


def test_the_fit_reproduces_the_record_rates_in_sample(full_fit, dyad_years):
    for h, risk, event in ((full_fit.onset, "onset_risk", "onset"), (full_fit.termination, "end_risk", "end")):
        observed, predicted, _ = hazard_rates(h, dyad_years, risk, event, (1816, 2010))
        assert predicted == pytest.approx(observed, rel=0.05)
    for era in ERAS:  # onset, era by era, within the tolerance
        observed, predicted, _ = hazard_rates(full_fit.onset, dyad_years, "onset_risk", "onset", era)
        assert 1 / FACTOR <= predicted / observed <= FACTOR, era


def test_onset_fitted_on_1816_1945_predicts_1946_2010_out_of_sample(dyad_years):
    fit = estimate_rivalry_hazards(dyad_years, (1816, 1945))
    observed, predicted, events = hazard_rates(fit.onset, dyad_years, "onset_risk", "onset", (1946, 2010))
    assert events == 93 and 1 / FACTOR <= predicted / observed <= FACTOR


@pytest.mark.xfail(strict=True, reason="known gap: rivalries ended 2.3 times as often after 1945 (30 of 71 ends in 1990-2010) without a change in the drivers the model has")
def test_termination_fitted_on_1816_1945_predicts_1946_2010_out_of_sample(dyad_years):
    fit = estimate_rivalry_hazards(dyad_years, (1816, 1945))
    observed, predicted, _ = hazard_rates(fit.termination, dyad_years, "end_risk", "end", (1946, 2010))
    assert 1 / FACTOR <= predicted / observed <= FACTOR


def test_firth_logit_recovers_known_coefficients_and_stays_finite_under_separation():
    rng = np.random.default_rng(0)
    x = np.column_stack([np.ones(20000), rng.normal(size=20000)])
    y = (rng.random(20000) < 1 / (1 + np.exp(-(-1.0 + 0.7 * x[:, 1])))).astype(float)
    beta, se = fit_logit(x, y)
    assert abs(beta[0] + 1.0) < 3 * se[0] and abs(beta[1] - 0.7) < 3 * se[1]
    sep = np.column_stack([np.ones(40), np.r_[np.zeros(20), np.ones(20)]])
    beta, _ = fit_logit(sep, np.r_[np.zeros(10), np.ones(10), np.ones(20)])  # x = 1 always an event: ML diverges
    assert np.isfinite(beta).all() and beta[1] > 2
