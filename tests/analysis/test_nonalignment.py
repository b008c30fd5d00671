"""Does staying out of alliances predict staying out? (foedus.analysis.nonalignment), on a toy history and on the record."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.nonalignment import nonalignment_hazard, years_out
from foedus.schema import History


def _toy() -> History:
    """State 1 in the system 1900-1910, in a defence pact 1903-1904 and a consultation pact 1906-1910; state 2 from 1905."""
    sy = pd.DataFrame({"ccode": [1] * 11 + [2] * 6, "year": list(range(1900, 1911)) + list(range(1905, 1911))})
    ag = pd.DataFrame({"agreement_id": [10, 11], "defense": [True, False], "offense": [False, False]})
    m = pd.DataFrame({"agreement_id": [10, 11], "ccode": [1, 1], "entry_year": [1903, 1906], "exit_year": pd.array([1904, pd.NA], dtype="Int64")})
    empty = pd.DataFrame()
    return History(states=empty, state_years=sy, agreements=ag, memberships=m, events=empty, first_year=1900, last_year=1910)


def test_years_out_count_the_system_years_since_the_last_defence_pact():
    t = years_out(_toy()).set_index(["ccode", "year"])
    one = t.loc[1]
    assert one["aligned"].tolist() == [False, False, False, True, True] + [False] * 6  # consultation does not align
    assert one["years_out"].tolist() == [0, 1, 2, 3, 0, 0, 1, 2, 3, 4, 5]
    assert t.loc[2, "years_out"].tolist() == [0, 1, 2, 3, 4, 5]  # no record before its entry


def test_the_hazard_counts_entries_among_the_state_years_at_risk():
    h = nonalignment_hazard(_toy(), 1900, 1910, bins=(1, 3))
    # at risk: state 1 in 1901-1903 (years out 1, 2, 3: enters in 1903) and 1906-1910, state 2 in 1906-1910
    assert h["state_years"].tolist() == [2 + 2 + 2, 1 + 3 + 3]
    assert h["entries"].tolist() == [0, 1]


@pytest.fixture(scope="module")
def record():
    from foedus.data.record import load_record

    return load_record(extras=False)


def test_in_the_record_staying_out_predicts_staying_out(record):
    """ATOP 5.1, in-sample eras pooled: a state out of alliances 20 years or more enters a defence or offence pact at
    under half the yearly hazard of one out 1-4 years, beyond chance (one-sided, alpha = 0.01)."""
    from scipy.stats import binomtest

    h = nonalignment_hazard(record, 0, 0, bins=(1, 5, 20), eras=[(1816, 1914), (1946, 1989)]).set_index("from")
    short, long_ = h.loc[1], h.loc[20]
    assert long_["hazard"] < 0.5 * short["hazard"]
    test = binomtest(int(long_["entries"]), int(long_["state_years"]), short["hazard"] / 2, alternative="less")
    assert test.pvalue < 0.01


def test_sweden_has_been_out_of_alliances_since_the_crimean_war(record):
    t = years_out(record).set_index(["ccode", "year"])
    # the November Treaty (ATOP 1190, 1855-1856): Britain and France pledged to defend Sweden against Russia
    assert t.loc[(380, 1990), "years_out"] == 1990 - 1857
    assert t.loc[(375, 1990), "years_out"] == 0  # Finland: the 1948 treaty with the Soviet Union (ATOP 3140) to 1992
