"""Duration and Kaplan-Meier survival with right-censoring (brief H1, D2, P5).

Reference figures from the data documentation (../shared/data/README.md, measured from ATOP 5.1):
417 ended alliances last 10.57 years on average (median 7; 8.46 before 1945, 12.78 from 1945);
with the 372 in force censored at 2018 the mean is 18.82 (median 18; 10.21 before 1945, 22.13 from).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.analysis.summary import jsonable, summary
from foedus.analysis.survival import (
    alliance_durations,
    kaplan_meier,
    km_median,
    km_survival_at,
    survival_summary,
    survival_table,
)
from foedus.testing import toy_history


def test_record_durations_match_the_documentation(record):
    s = survival_summary(record)
    assert s["alliances_ended"] == 417 and s["alliances_censored"] == 372
    assert s["duration_mean_ended"] == pytest.approx(10.57, abs=0.005)
    assert s["duration_median_ended"] == 7
    assert s["duration_mean_ended_pre1945"] == pytest.approx(8.46, abs=0.005)
    assert s["duration_mean_ended_post1945"] == pytest.approx(12.78, abs=0.005)
    assert s["duration_mean_observed"] == pytest.approx(18.82, abs=0.005)
    assert s["duration_mean_observed_pre1945"] == pytest.approx(10.21, abs=0.005)
    assert s["duration_mean_observed_post1945"] == pytest.approx(22.13, abs=0.005)
    d = alliance_durations(record)
    assert d["duration"].median() == 18


def test_record_censoring_is_at_2018(record):
    d = alliance_durations(record).set_index("agreement_id")
    nato = d.loc[3180]
    assert not nato["ended"] and nato["duration"] == 2018 - 1949


def test_record_km_medians_are_consistent(record):
    """Censoring can only lengthen survival: the KM median is at least the ended-only median."""
    s = survival_summary(record)
    assert s["km_median_survival"] >= s["duration_median_ended"]
    assert s["km_median_survival_pre1945"] <= s["km_median_survival"] <= s["km_median_survival_post1945"]


def _known_censoring():
    """Six alliances observed to 1950: durations 2, 4, 5, 8 ended; 3 and 6 still in force."""
    return toy_history(
        [
            {"id": 1, "start": 1900, "end": 1902, "members": [1, 2]},
            {"id": 2, "start": 1947, "end": None, "members": [1, 3]},  # censored after 3 years
            {"id": 3, "start": 1900, "end": 1904, "members": [2, 3]},
            {"id": 4, "start": 1910, "end": 1915, "members": [1, 4]},
            {"id": 5, "start": 1944, "end": None, "members": [2, 4]},  # censored after 6 years
            {"id": 6, "start": 1920, "end": 1928, "members": [3, 4]},
        ],
        first_year=1900, last_year=1950,
    )


def test_km_median_on_a_hand_computed_fixture():
    # Product-limit by hand: t=2: 6 at risk, 1 ends, S = 5/6; t=3: one censored (4 left at risk after);
    # t=4: S = 5/6 * 3/4 = 0.625; t=5: S = 0.625 * 2/3 = 0.4167 <= 0.5, so the median is 5;
    # t=6: censored; t=8: S = 0.
    h = _known_censoring()
    d = alliance_durations(h).set_index("agreement_id")
    assert d["duration"].to_dict() == {1: 2, 2: 3, 3: 4, 4: 5, 5: 6, 6: 8}
    assert d["ended"].to_dict() == {1: True, 2: False, 3: True, 4: True, 5: False, 6: True}
    kmf = kaplan_meier(d["duration"], d["ended"])
    np.testing.assert_allclose(km_survival_at(kmf, [1, 2, 3, 4, 5, 7, 8]), [1, 5 / 6, 5 / 6, 0.625, 0.625 * 2 / 3, 0.625 * 2 / 3, 0])
    s = summary(h)
    assert s["km_median_survival"] == 5
    assert s["duration_mean_ended"] == pytest.approx((2 + 4 + 5 + 8) / 4)
    assert s["duration_mean_observed"] == pytest.approx((2 + 3 + 4 + 5 + 6 + 8) / 6)


def test_km_median_is_infinite_when_survival_stays_above_half_and_json_says_null():
    h = toy_history(
        [{"id": i, "start": 1940, "end": None if i > 1 else 1945, "members": [1, 2]} for i in range(1, 5)],
        first_year=1900, last_year=1950,
    )
    s = summary(h)
    assert s["km_median_survival"] == float("inf")
    assert jsonable(s)["km_median_survival"] is None
    assert s["km_median_survival_post1945"] != s["km_median_survival_post1945"]  # NaN: no alliance from 1945


def test_survival_table_by_period_partitions_alliances(record):
    t = survival_table(record)
    periods = t.drop(index="all")
    assert periods["alliances"].sum() == t.loc["all", "alliances"] == 789
    assert (periods["ended"] + periods["censored"] == periods["alliances"]).all()


def test_alliances_begun_before_the_window_enter_late():
    """A simulated history starting in 2000 inherits alliances begun earlier (left truncation)."""
    h = toy_history(
        [
            {"id": 1, "start": 1990, "end": 2005, "members": [1, 2]},  # inherited: lasted 10 years by 2000
            {"id": 2, "start": 2000, "end": 2004, "members": [1, 3]},
            {"id": 3, "start": 2000, "end": 2012, "members": [2, 3, 4]},
            {"id": 4, "start": 2001, "end": None, "members": [3, 4]},  # in force in 2020: censored at 19
            {"id": 5, "start": 1980, "end": 1995, "members": [1, 4]},  # ended before 2000: never observed
        ],
        first_year=2000, last_year=2020,
    )
    d = alliance_durations(h).set_index("agreement_id")
    assert d.index.tolist() == [1, 2, 3, 4]
    assert d["entry"].to_dict() == {1: 10, 2: 0, 3: 0, 4: 0}
    kmf = kaplan_meier(d["duration"], d["ended"], entry=d["entry"])
    # t=4: at risk 2, 3, 4 (no. 1 enters at 10): S = 2/3. t=12: at risk 3, 4 and 1: S = 2/3 * 2/3.
    # t=15: at risk 1 and 4: S = 4/9 * 1/2. Counting no. 1 from its signature would give S(4) = 3/4.
    np.testing.assert_allclose(km_survival_at(kmf, [3, 4, 12, 15, 19]), [1, 2 / 3, 4 / 9, 2 / 9, 2 / 9])
    s = summary(h)
    assert s["alliances"] == 5 and s["alliances_begun"] == 3 and s["alliances_inherited"] == 2
    assert s["per_year"] == pytest.approx(3 / 21)
    assert s["members_mean"] == pytest.approx((2 + 3 + 2) / 3)  # the cohort begun in the window
    assert s["km_median_survival"] == 12


def test_negative_duration_is_a_clear_error():
    h = toy_history([{"id": 7, "start": 1960, "end": None, "members": [1, 2]}], first_year=1900, last_year=1950)
    with pytest.raises(ValueError, match="agreement_id 7 has a negative duration"):
        alliance_durations(h)


def test_kaplan_meier_rejects_bad_input():
    with pytest.raises(ValueError, match="no durations"):
        kaplan_meier([], [])
    with pytest.raises(ValueError, match="non-negative"):
        kaplan_meier([-1, 2], [True, True])
    with pytest.raises(ValueError, match="differ in length"):
        kaplan_meier([1, 2], [True])
    with pytest.raises(ValueError, match="entry must have one value per duration"):
        kaplan_meier([1, 2], [True, True], entry=[0, 3])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=20))
def test_without_censoring_the_km_median_is_the_lower_sample_median(durations):
    """With every event observed, S(t) = share lasting longer than t: the median is the ceil(n/2)-th value."""
    d = np.sort(durations)
    expected = d[int(np.ceil(len(d) / 2)) - 1]
    assert km_median(d, np.ones(len(d), dtype=bool)) == expected


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.booleans()), min_size=1, max_size=20))
def test_km_is_never_below_the_censored_as_ended_estimate(obs):
    """Treating in-force alliances as ended can only lower survival: KM S(t) >= #(T > t) / n."""
    d = np.array([o[0] for o in obs], dtype=float)
    e = np.array([o[1] for o in obs])
    kmf = kaplan_meier(d, e)
    grid = np.arange(0, 31)
    naive = np.array([(d > t).mean() for t in grid])
    assert (km_survival_at(kmf, grid) >= naive - 1e-12).all()
