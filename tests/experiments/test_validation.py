"""Validation against history in two windows (1816-1914, 1950-1989): the record's stylised facts."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.experiments.validation import PERIODS, stylised_facts, window

ALPHA = 0.01


def test_record_facts_match_the_data_documentation(record):
    # ../shared/data/README.md, "Headline figures measured from atop/": 789 alliances begun
    # 1815-2018, 2.86 members on average, 1.68 begun per year before 1945.
    whole = stylised_facts(record, 1815, 2018)
    assert whole["alliances"] == 789
    assert whole["members_per_alliance"] == pytest.approx(2.86, abs=0.005)
    before = window(record, 1815, 1944)
    assert len(before.agreements) / 130 == pytest.approx(1.68, abs=0.005)
    # alliances still in force at the end of a window are right-censored, not ended
    w = window(record, 1950, 1989)
    assert w.agreements["end_year"].dropna().le(1989).all()
    assert (w.agreements["observed_until"] == 1989).all()


def test_two_window_validation_compares_both_periods(record):
    """The two-window comparison (now a library function; `foedus validate` measures the four eras,
    tests/experiments/test_eras.py)."""
    from foedus.experiments.validation import validate

    facts = [f.as_dict() for f in validate(seeds=(1,), record=record)]
    assert {f["period"] for f in facts} == {p[0] for p in PERIODS.values()} | {"after/before 1945"}
    assert all(set(f) >= {"name", "period", "record", "simulated", "in_range"} for f in facts)
    by = {(f["name"], f["period"]): f for f in facts}
    # brief D2: the bipolar system's alliances outlive the multipolar system's, in the record and in the simulation
    contrast = by[("contrast_survival", "after/before 1945")]
    assert contrast["record"] > 1
    # the simulated contrast is stochastic: one seed is no test (seed 1 alone gave 0.97, seeds 2-3 1.28 and 1.61).
    # Per-seed ratios of the 10-year survival (bipolar-1950 / multipolar-1815), seeds 1-12, one-sided t-test of the
    # mean log ratio > 0 at ALPHA (integ 259727a, seeds 1-40: mean log ratio 0.29, sd 0.19, 2 of 40 at or below 1;
    # seeds 1-12 give p = 0.001, seeds 1-10 p = 0.005, seed 1 alone no test).
    from foedus.experiments.validation import simulated_facts

    seeds = range(1, 13)
    ratios = [simulated_facts("bipolar-1950", (s,))["km_survival_10"] / simulated_facts("multipolar-1815", (s,))["km_survival_10"] for s in seeds]
    assert stats.ttest_1samp(np.log(ratios), 0.0, alternative="greater").pvalue < ALPHA, np.round(ratios, 3).tolist()


@pytest.mark.slow
@pytest.mark.parametrize(
    "first_seed",
    [
        1,  # a strict xfail at session 11 (the 1950-1989 median survival 18 against an infinite record); passes again at session 12
        10,  # a strict xfail during session 14's merge (0.415 against the bound 0.411); passes again once a state leaving the system no longer unravels its treaties
    ],
)
def test_the_calibrated_defaults_land_every_fact_in_range(record, first_seed):
    """The calibration is not a property of lucky seeds: the default runs (seeds 1-3) and an
    independent set (10-12) both reproduce every stylised fact of the record within tolerance (seeds 10-12 again since
    session 8, seeds 1-3 again since session 9, when the strict xfail mark of the known regression went)."""
    from foedus.experiments.validation import validate

    facts = validate(seeds=tuple(range(first_seed, first_seed + 3)), record=record)
    out = [f"{f.name} {f.period}: record {f.record:.3g}, simulated {f.simulated:.3g}" for f in facts if not f.in_range]
    assert not out, out
    assert len(facts) == 12


def test_an_infinite_median_is_a_lower_bound():
    """The record's 1950-89 median survival is only known to exceed the longest observed duration."""
    from foedus.experiments.validation import _in_range

    inf = float("inf")
    assert _in_range("km_median_survival", inf, 31.0, record_bound=39.0)  # could agree within x2
    assert not _in_range("km_median_survival", inf, 15.0, record_bound=39.0)  # 15 * 2 < 39: cannot
    assert _in_range("km_median_survival", inf, inf, 39.0, 39.0)
    assert not _in_range("km_median_survival", 4.0, inf, simulated_bound=12.0)
    assert _in_range("km_median_survival", 4.0, 7.9) and not _in_range("km_median_survival", 4.0, 8.1)
