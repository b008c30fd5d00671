"""foedus.analysis.war_recurrence: repeated war onsets in a pair, and the record's initiators (onset20)."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

from foedus.analysis import war_recurrence
from foedus.analysis.war_onsets import initiating_dyads
from foedus.analysis.war_recurrence import initiator_outcomes, repeated_onsets
from foedus.data.conflict import read_wars
from foedus.data.paths import default_data_dir


def test_docstring_examples_run():
    assert doctest.testmod(war_recurrence, raise_on_error=False).failed == 0


def test_a_repeat_is_the_pairs_earlier_war_within_the_window_in_either_order_and_weighted():
    df = pd.DataFrame({"year": [1948, 1956, 1967, 1967, 1990], "ccode1": [651, 666, 651, 652, 651], "ccode2": [666, 651, 666, 666, 666],
                       "weight": [1.0, 1.0, 0.5, 0.5, 1.0]})
    # Egypt-Israel: 1956 repeats 1948 (8 years), 1967 repeats 1956 (11 years: not at 10), 1990 nothing within 23 years
    assert repeated_onsets(df) == pytest.approx(1.0 / 4.0)
    assert repeated_onsets(df, window=11) == pytest.approx(1.5 / 4.0)
    assert np.isnan(repeated_onsets(df.iloc[:0]))
    # two onsets of one pair in one year do not repeat each other
    same = pd.DataFrame({"year": [1900, 1900], "ccode1": [365, 710], "ccode2": [710, 365]})
    assert repeated_onsets(same) == 0.0


def test_the_records_initiators_and_repeats_by_era():
    """The measures of onset20 on COW: 1816-1914 initiators held more capability more often than 1946-1989's, won more often, and
    the pairs of 1946-1989 fought again within ten years more often (the Arab-Israeli and Indo-Pakistani wars)."""
    io = initiator_outcomes()
    assert set(io.columns) == {"warnum", "year", "initiator", "target", "share", "won", "lost"} and io["share"].between(0, 1).all()
    early, cold = io[io["year"].between(1816, 1914)], io[io["year"].between(1946, 1989)]
    assert (early["share"] > 0.5).mean() > 0.6 > 0.5 > (cold["share"] > 0.5).mean()
    assert early["won"].mean() > 0.6 and cold["won"].mean() < 0.4
    ons = initiating_dyads(read_wars(default_data_dir() / "peacesciencer" / "cow_war_inter.csv")).rename(columns={"onset": "weight"})
    assert repeated_onsets(ons[ons["year"].between(1816, 1914)]) < 0.1 < 0.2 < repeated_onsets(ons[ons["year"].between(1946, 1989)])
