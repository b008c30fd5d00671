"""Formation by years since system entry and with whom new states sign (foedus.analysis.formation_age): hand-counted toy
histories, and what the record says in and out of sample (issues 12, 17)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.formation_age import (
    FORMER_RULER,
    PAIR_KINDS,
    entrant_partners,
    formation_by_age,
    formation_with_new_states,
)
from foedus.testing import toy_history

NO_CONT = pd.DataFrame({"ccode1": [2], "ccode2": [20], "conttype": [1], "start_year": [1816], "end_year": [None]})


def _toy():
    # 2, 20 (land neighbours) and 200 old; 310 (Europe) enters 1918; 369 (Europe) enters 1921
    return toy_history(
        [
            {"id": 1, "start": 1920, "end": None, "members": [200, 310], "obligations": ("neutrality",)},  # 310 aged 2
            {"id": 2, "start": 1925, "end": None, "members": [310, 369], "obligations": ("nonaggression",)},  # aged 7 and 4
            {"id": 3, "start": 1926, "end": None, "members": [2, 20, 369], "obligations": ("defense",)},  # 369 aged 5, multilateral
            {"id": 4, "start": 1928, "end": None, "members": [2, 20], "obligations": ("consultation",)},  # old neighbours
            {"id": 5, "start": 1910, "end": None, "members": [2, 200], "obligations": ("defense",)},  # before the era
        ],
        first_year=1816, last_year=1930, states={2: (1816, None), 20: (1816, None), 200: (1816, None), 310: (1918, None), 369: (1921, None)},
    )


def test_founders_and_state_years_by_age_band_are_hand_counted():
    t = formation_by_age(_toy(), 1919, 1930)
    # 310: ages 1-4 in 1919-22, 5-9 in 1923-27, 10+ 1928-30; 369: 0-4 in 1921-25, 5-9 in 1926-30; three old states 12 years each
    assert t["state_years"].tolist() == [4 + 5, 5 + 5, 3 + 36]
    assert t.loc["0-4", ["founders", "bilateral", "multilateral", "neutrality", "nonaggression"]].tolist() == [2, 2, 0, 1, 1]
    assert t.loc["5-9", ["founders", "bilateral", "multilateral", "defense"]].tolist() == [2, 1, 1, 1]  # 310 in pact 2, 369 in 3
    assert t.loc["10+", "founders"] == 5  # 200 in pact 1, 2 and 20 in pacts 3 and 4
    # one region (Europe: 200, 310, 369) and another (the Americas: 2, 20): the reference rates of the 10+ band
    eu, am = 1 / (12 + 3), 4 / 24
    assert t.loc["0-4", "expected"] == pytest.approx(9 * eu)
    assert t.loc["0-4", "ratio"] == pytest.approx(2 / (9 * eu))
    assert t.loc["10+", "ratio"] == pytest.approx(1.0) and t.loc["10+", "expected"] == pytest.approx(15 * eu + 24 * am)
    assert t.loc["0-4", "ratio_lo"] < t.loc["0-4", "ratio"] < t.loc["0-4", "ratio_hi"]


def test_a_run_s_first_entries_come_from_the_caller():
    # as a run started in 1919 would have it: every state's spell starts then, the record's first entries passed in
    h = _toy()
    h_run = toy_history([{"id": 1, "start": 1920, "end": None, "members": [200, 310]}], first_year=1919, last_year=1930,
                        states={200: (1919, None), 310: (1919, None)})
    t = formation_by_age(h_run, 1919, 1930, first_entry=pd.Series({200: 1816, 310: 1918}))
    assert t.loc["0-4", ["state_years", "founders"]].tolist() == [4, 1] and t.loc["10+", "state_years"] == 12 + 3
    assert formation_by_age(h, 1919, 1930, bands=(0, 10)).index.tolist() == ["0-9", "10+"]


def test_pairs_by_kind_are_hand_counted():
    t = entrant_partners(_toy(), 1919, 1930, NO_CONT, former_ruler={369: 310})
    assert list(t.index) == list(PAIR_KINDS)
    # 369 is new 1921-1930 (310 new 1919-1927): the pair is a ruler pair (the mapping) while 369 is new
    assert t.loc["ruler", ["dyad_years", "pairs", "bilateral"]].tolist() == [10, 1, 1]
    assert t.loc["cohort", "dyad_years"] == 0
    assert t.loc["old_neighbour", ["dyad_years", "pairs", "bilateral"]].tolist() == [12, 2, 1]  # pacts 3 and 4
    assert t.loc["new_old", "pairs"] == 1 + 2  # 200-310 in 1920; 2-369 and 20-369 in pact 3
    assert t.loc["new_old", "bilateral"] == 1
    # without the mapping the two are one cohort while both are new (1921-1927) when entries three years apart make one
    u = entrant_partners(_toy(), 1919, 1930, NO_CONT, cohort_years=3)
    assert u.loc["cohort", ["dyad_years", "pairs"]].tolist() == [7, 1] and u.loc["ruler", "dyad_years"] == 0
    assert entrant_partners(_toy(), 1919, 1930, NO_CONT).loc["new_new", "pairs"] == 1
    # every pair of members counted once a year
    n = np.array([3 + (y >= 1918) + (y >= 1921) for y in range(1919, 1931)])
    assert t["dyad_years"].sum() == (n * (n - 1) // 2).sum()


def test_the_record_shows_no_new_state_effect_in_sample_only_after_1990(record):
    """ATOP 5.1 and the COW state list: region-standardised, states in their first ten years found pacts at about the old
    members' rate in 1816-1914 and 1946-1989 pooled (0.94; 0-4 years 1.20, 5-9 0.67), at 3.6 times it in 1990-2018."""
    t_in = formation_by_age(record, 1816, 1914, bands=(0, 10))[["founders", "expected"]]
    t_in += formation_by_age(record, 1946, 1989, bands=(0, 10))[["founders", "expected"]]
    t_out = formation_by_age(record, 1990, 2018, bands=(0, 10))
    r_in = t_in.loc["0-9", "founders"] / t_in.loc["0-9", "expected"]
    assert 0.7 < r_in < 1.2
    assert t_out.loc["0-9", "ratio_lo"] > 2.5


def test_the_record_s_new_states_sign_with_their_former_metropole_in_1946_1989_only(record):
    """ATOP 5.1, bilateral pacts: a decolonised state and its former metropole sign at 19.9 per 1,000 dyad-years in its first
    ten years (1946-1989), 2.4 times old land neighbours' rate (8.3) and far above the new states' rate with each other
    (0.16: their pacts with each other are multilateral); in 1816-1914 at 4.1 (one pact), below old neighbours (6.8)."""
    c = record.extras["contiguity"]
    t = entrant_partners(record, 1946, 1989, c, former_ruler=FORMER_RULER)
    assert t.loc["ruler", "dyad_years"] > 500
    assert t.loc["ruler", "rate_bilateral"] > 2 * t.loc["old_neighbour", "rate_bilateral"]
    assert t.loc["cohort", "rate_bilateral"] < t.loc["old_old", "rate_bilateral"] < t.loc["cohort", "rate"]
    u = entrant_partners(record, 1816, 1914, c, former_ruler=FORMER_RULER)
    assert u.loc["ruler", "dyad_years"] > 200 and u.loc["ruler", "rate_bilateral"] < u.loc["old_neighbour", "rate_bilateral"]


def test_formation_splits_into_pacts_with_a_new_founder_and_among_old_states():
    t = formation_with_new_states(_toy(), 1919, 1930)
    assert t["state_years"] == 4 + 5 + 3 + 36 + 5 + 5  # as formation_by_age's bands
    assert t[["pacts", "with_new", "old_only", "with_new_bilateral", "old_only_bilateral"]].tolist() == [4, 3, 1, 2, 1]
    assert t["with_new_rate"] == pytest.approx(3 / t["state_years"])
    assert formation_with_new_states(_toy(), 1919, 1930, window=3)["with_new"] == 1  # pact 1 only (310 aged 2; 369 is 4 in 1925)


def test_the_record_s_old_states_form_at_one_rate_in_1946_1989_and_1990_2018_the_new_states_pacts_double(record):
    """ATOP 5.1: pacts among old states only, 0.031 a state-year in 1946-1989 and 0.030 in 1990-2018; with a new founder
    0.015 and 0.027."""
    a, b = (formation_with_new_states(record, *e) for e in ((1946, 1989), (1990, 2018)))
    assert 0.8 < b["old_only_rate"] / a["old_only_rate"] < 1.25
    assert b["with_new_rate"] > 1.5 * a["with_new_rate"]


def test_bad_bands_and_missing_entry_years_are_rejected_with_a_clear_error():
    from foedus.analysis.formation_age import _band_labels, _entries

    with pytest.raises(ValueError, match="increasing lower edges starting at 0"):
        _band_labels((0, 10, 5))
    with pytest.raises(ValueError, match="increasing lower edges starting at 0"):
        _band_labels((5, 10))
    with pytest.raises(ValueError, match="no year for states"):
        _entries(None, pd.Series({2: 1816.0, 20: float("nan")}))
    assert _band_labels((0, 5, 10)) == ["0-4", "5-9", "10+"]
