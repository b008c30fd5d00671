"""The great powers' positional rivalries on the record (foedus.analysis.gp_rivalry): the events and the simulator's defaults."""

from __future__ import annotations

import pytest

from foedus.analysis.gp_rivalry import estimate_gp_hazards, gp_dyad_years
from foedus.analysis.rivalry import IN_SAMPLE, _in_eras
from foedus.sim.parameters import Parameters
from foedus.theory import positional_rivalry as pr


@pytest.fixture(scope="module")
def dyad_years():
    return gp_dyad_years(change_years=Parameters().gp_rivalry_change_years)


def test_the_in_sample_onsets_and_ends_are_the_records(dyad_years):
    dy = dyad_years[_in_eras(dyad_years, IN_SAMPLE)]
    onsets = sorted(zip(dy.loc[dy["onset"], "year"], dy.loc[dy["onset"], "ccode1"], dy.loc[dy["onset"], "ccode2"]))
    assert onsets == [(1881, 220, 325), (1890, 255, 365), (1896, 200, 255), (1898, 2, 740), (1958, 365, 710)]
    ends = sorted(zip(dy.loc[dy["end"], "year"], dy.loc[dy["end"], "ccode1"], dy.loc[dy["end"], "ccode2"]))
    assert ends == [(1904, 2, 200), (1904, 200, 220), (1956, 200, 365), (1972, 2, 710), (1989, 2, 365), (1989, 365, 710)]
    assert not (dy["onset"] & ~dy["onset_risk"]).any() and not (dy["end"] & ~dy["end_risk"]).any()
    # the record's great-power onsets after the Cold War, held out: China-United States and China-Japan 1996, Russia-United States 2007
    late = dyad_years[dyad_years["onset"] & (dyad_years["year"] >= 1990)]
    assert sorted(zip(late["year"], late["ccode1"], late["ccode2"])) == [(1996, 2, 710), (1996, 710, 740), (2007, 2, 365)]


def test_the_defaults_are_the_in_sample_fit(dyad_years):
    fit = estimate_gp_hazards(dyad_years)
    p = Parameters()
    assert fit.onset.terms == pr.ONSET_TERMS and fit.termination.terms == pr.TERMINATION_TERMS
    assert (fit.onset.n, fit.onset.events, fit.termination.n, fit.termination.events) == (1144, 5, 734, 6)
    assert fit.onset.intercept == pytest.approx(p.gp_rivalry_onset_intercept, abs=1e-3)
    assert fit.onset.coefficients == pytest.approx(p.gp_rivalry_onset_coefficients(), abs=1e-3)
    assert fit.termination.intercept == pytest.approx(p.gp_rivalry_end_intercept, abs=1e-3)
    assert fit.termination.coefficients == pytest.approx(p.gp_rivalry_end_coefficients(), abs=1e-3)
    sub = dyad_years[dyad_years["onset_risk"] & _in_eras(dyad_years, IN_SAMPLE)]
    assert fit.onset.hazard(sub).sum() == pytest.approx(5.0, rel=1e-6)  # FLIC: the predicted onsets are the observed
