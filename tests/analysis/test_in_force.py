"""Agreements in force, begun and ended per year, by kind or primary obligation (brief H1, D2).

Reference figures come from the data documentation (../shared/data/README.md), measured there
from ATOP 5.1 (Leeds et al. 2002): 789 alliances begun, 417 ended, 372 in effect at the end of
2018.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from foedus.analysis.formation import formation_per_year, primary_obligation
from foedus.analysis.in_force import agreements_begun, agreements_ended, agreements_in_force
from foedus.testing import strategies, toy_history
from foedus.schema import AGREEMENT_KINDS, OBLIGATIONS


def test_record_alliances_in_force_match_an_independent_count(record):
    """In force during year y: begyr <= y <= endyr, open alliances through 2018 (an independent pandas filter)."""
    f = agreements_in_force(record)
    assert list(f.columns) == ["alliance"]  # ATOP codes alliances only
    assert f.index[0] == 1815 and f.index[-1] == 2018
    a = record.agreements
    end = a["end_year"].fillna(2018)
    expected = [int(((a["start_year"] <= y) & (end >= y)).sum()) for y in range(1815, 2019)]
    assert f["alliance"].tolist() == expected
    assert f.loc[1990, "alliance"] == int(((a["start_year"] <= 1990) & (end >= 1990)).sum())


def test_record_stock_and_flows_match_the_data_documentation(record):
    """ATOP 5.1 (data README): 789 alliances begun 1815-2018, 417 terminated, 372 in force at the end of 2018 (ineffect)."""
    assert agreements_begun(record)["alliance"].sum() == 789
    assert agreements_ended(record)["alliance"].sum() == 417
    assert agreements_in_force(record, at_year_end=True).loc[2018, "alliance"] == 372
    assert (agreements_begun(record)["alliance"] == formation_per_year(record)).all()
    by_obligation = agreements_in_force(record, by="primary_obligation")
    assert list(by_obligation.columns) == [o for o in OBLIGATIONS if o in set(primary_obligation(record.agreements))]
    assert (by_obligation.sum(axis=1) == agreements_in_force(record)["alliance"]).all()


def _kinds_fixture():
    # Window 1900-1910. Agreement 4 was begun before the window opens; 2 starts and ends in 1902;
    # 3 and 5 are still in force when the record ends (right-censored at 1910).
    return toy_history(
        [
            {"id": 1, "start": 1900, "end": 1903, "members": [2, 200]},
            {"id": 2, "start": 1902, "end": 1902, "members": [2, 220], "obligations": ["nonaggression"]},
            {"id": 3, "start": 1905, "end": None, "members": [2, 200, 220], "kind": "coalition", "obligations": []},
            {"id": 4, "start": 1895, "end": 1901, "members": [200, 220], "kind": "organisation", "obligations": ["consultation"]},
            {"id": 5, "start": 1910, "end": None, "members": [2, 230]},
            {"id": 6, "start": 1907, "end": 1908, "members": [200, 230], "kind": "coalition", "obligations": []},
        ],
        first_year=1900, last_year=1910,
    )


def test_in_force_by_kind_on_hand_made_spells():
    h = _kinds_fixture()
    f = agreements_in_force(h)
    assert list(f.columns) == ["alliance", "coalition", "organisation"] and f.columns.name == "kind"
    assert f.index.tolist() == list(range(1900, 1911)) and f.index.name == "year"
    #                                   1900 1901 1902 1903 1904 1905 1906 1907 1908 1909 1910
    assert f["alliance"].tolist() == [1, 1, 2, 1, 0, 0, 0, 0, 0, 0, 1]
    assert f["coalition"].tolist() == [0, 0, 0, 0, 0, 1, 1, 2, 2, 1, 1]
    assert f["organisation"].tolist() == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    end = agreements_in_force(h, at_year_end=True)  # on 31 December: agreement 2 never counts
    assert end["alliance"].tolist() == [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    assert end["coalition"].tolist() == [0, 0, 0, 0, 0, 1, 1, 2, 1, 1, 1]
    assert end["organisation"].tolist() == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert (f.dtypes == "int64").all()


def test_begun_and_ended_by_kind_on_hand_made_spells():
    h = _kinds_fixture()
    b, e = agreements_begun(h), agreements_ended(h)
    assert list(b.columns) == list(e.columns) == ["alliance", "coalition", "organisation"]
    assert b.loc[b["alliance"] > 0, "alliance"].to_dict() == {1900: 1, 1902: 1, 1910: 1}
    assert b.loc[b["coalition"] > 0, "coalition"].to_dict() == {1905: 1, 1907: 1}
    assert b["organisation"].sum() == 0  # begun in 1895, before the window
    assert e.loc[e["alliance"] > 0, "alliance"].to_dict() == {1902: 1, 1903: 1}
    assert e.loc[e["coalition"] > 0, "coalition"].to_dict() == {1908: 1}
    assert e.loc[e["organisation"] > 0, "organisation"].to_dict() == {1901: 1}


def test_in_force_by_primary_obligation_and_sub_window():
    h = _kinds_fixture()
    ob = agreements_in_force(h, by="primary_obligation", kinds=("alliance",))
    assert list(ob.columns) == ["defense", "nonaggression"] and ob.columns.name == "primary_obligation"
    assert ob["defense"].tolist() == [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1]
    assert ob["nonaggression"].tolist() == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    everything = agreements_in_force(h, by="primary_obligation")
    assert list(everything.columns) == ["defense", "nonaggression", "consultation", "none"]  # coalitions here carry none
    part = agreements_in_force(h, 1902, 1905)
    pd.testing.assert_frame_equal(part, agreements_in_force(h).loc[1902:1905])


def test_open_agreement_counts_through_its_observed_until():
    h = _kinds_fixture()
    a = h.agreements.copy()
    a.loc[a["agreement_id"] == 3, "observed_until"] = 1908  # coalition 3 observed only to 1908
    f = agreements_in_force(dataclasses.replace(h, agreements=a))
    assert f["coalition"].tolist() == [0, 0, 0, 0, 0, 1, 1, 2, 2, 0, 0]


def test_in_force_rejects_bad_input():
    h = _kinds_fixture()
    with pytest.raises(ValueError, match="by must be one of kind, primary_obligation"):
        agreements_in_force(h, by="format")
    with pytest.raises(ValueError, match="unknown agreement kind.*'treaty'"):
        agreements_in_force(h, kinds=("treaty",))
    with pytest.raises(ValueError, match="got the string 'alliance'"):
        agreements_begun(h, kinds="alliance")
    with pytest.raises(ValueError, match="outside the window 1900-1910"):
        agreements_in_force(h, 1890, 1905)
    with pytest.raises(ValueError, match="first_year 1906 is after last_year 1905"):
        agreements_ended(h, 1906, 1905)
    with pytest.raises(ValueError, match="first_year must be a whole year"):
        agreements_in_force(h, 1900.5)
    a = h.agreements.copy()
    a["end_year"] = a["end_year"].astype("Int64")
    a.loc[a["agreement_id"] == 1, "end_year"] = 1899
    with pytest.raises(ValueError, match="toy:agreements: agreement_id 1 starts in 1900, after its end_year 1899"):
        agreements_in_force(dataclasses.replace(h, agreements=a))
    a = h.agreements.copy()
    a.loc[a["agreement_id"] == 5, "observed_until"] = 1909
    with pytest.raises(ValueError, match="agreement_id 5 starts in 1910, after its observed_until 1909"):
        agreements_in_force(dataclasses.replace(h, agreements=a))


def test_a_history_without_agreements_counts_nothing():
    h = toy_history([], first_year=1900, last_year=1905)
    f = agreements_in_force(h)
    assert f.shape == (6, 0) and f.index.tolist() == list(range(1900, 1906))


@settings(max_examples=25, deadline=None)
# some begun before the 1900 window opens; two members each, any kind
@given(strategies.alliance_specs(starts=(1890, 1930), count=(0, 15), codes=(1, 2), size=(2, 2), kinds=AGREEMENT_KINDS))
def test_in_force_matches_brute_force_and_the_stock_flow_identity(agreements):
    """F_y equals a direct count; F_y = F_{y-1} + B_y - E_{y-1}; at year end F_y - E_y."""
    h = toy_history(agreements, first_year=1900, last_year=1930)
    f, b, e = agreements_in_force(h), agreements_begun(h), agreements_ended(h)
    years = np.arange(1900, 1931)
    present = [k for k in AGREEMENT_KINDS if any(a["kind"] == k for a in agreements)]
    assert list(f.columns) == list(b.columns) == list(e.columns) == present
    for k in present:
        spells = np.array([(a["start"], 1930 if a["end"] is None else a["end"]) for a in agreements if a["kind"] == k])
        direct = ((spells[:, 0][None, :] <= years[:, None]) & (years[:, None] <= spells[:, 1][None, :])).sum(axis=1)
        assert f[k].tolist() == direct.tolist()
    assert (f.iloc[1:].to_numpy() == f.iloc[:-1].to_numpy() + b.iloc[1:].to_numpy() - e.iloc[:-1].to_numpy()).all()
    assert (agreements_in_force(h, at_year_end=True) == f - e).all().all()
    assert b.to_numpy().sum() == sum(a["start"] >= 1900 for a in agreements)
