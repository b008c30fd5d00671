"""Correlates of War and related tables on the real record: facts from their documentation."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from foedus.data.geography import contiguous_pairs


def test_us_is_a_major_power_from_1898(record):
    sy = record.state_years.set_index(["ccode", "year"])
    assert not sy.loc[(2, 1897), "major"] and sy.loc[(2, 1898), "major"]
    # Japan: 1895-1945 and again from 1991 (COW major powers v2016).
    assert sy.loc[(740, 1900), "major"] and not sy.loc[(740, 1960), "major"] and sy.loc[(740, 2000), "major"]


def test_state_system_entries(record):
    s = record.states.set_index("ccode")
    assert s.loc[2, "start_year"] == 1816 and pd.isna(s.loc[2, "end_year"])  # still a member at the end of the list
    assert s.loc[20, "start_year"] == 1920  # Canada enters the COW system in 1920


def test_nmc_ccodes_are_all_system_members(record):
    assert record.state_years["ccode"].isin(record.states["ccode"]).all()


def test_usa_canada_and_usa_mexico_share_a_land_border(record):
    c = record.extras["contiguity"]
    land_2000 = set(map(tuple, contiguous_pairs(c, 2000, max_type=1)[["ccode1", "ccode2"]].to_numpy()))
    assert {(2, 20), (2, 70)} <= land_2000
    assert (2, 200) not in land_2000  # the UK is across the Atlantic
    # US and Russia: within 12 miles of water since Alaska became a state in 1959, never by land.
    us_ru = c[(c["ccode1"] == 2) & (c["ccode2"] == 365)]
    assert list(us_ru[["conttype", "start_year"]].itertuples(index=False, name=None)) == [(2, 1959)]


def test_contiguity_is_non_directed_without_type_zero(record):
    c = record.extras["contiguity"]
    assert (c["ccode1"] < c["ccode2"]).all() and c["conttype"].between(1, 5).all()


def test_capitals_and_their_moves(record):
    cap = record.extras["capitals"]
    assert cap.loc[cap["ccode"] == 2, "capital"].tolist() == ["Washington D.C."]
    brazil = cap[cap["ccode"] == 140].sort_values("start_date")
    assert brazil["capital"].tolist() == ["Rio de Janeiro", "Brasilia"]
    assert brazil["start_date"].iloc[1] == "1960-04-21"  # Brasilia inaugurated 21 April 1960
    assert len(cap) - cap["ccode"].nunique() == 25  # README: 242 rows, 25 capital transitions


def test_td_rivalry_usa_ussr_cold_war(record):
    r = record.extras["rivalries"]
    cold = r[(r[["ccode1", "ccode2"]].min(axis=1) == 2) & (r[["ccode1", "ccode2"]].max(axis=1) == 365)]
    first = cold.sort_values("start_year").iloc[0]
    assert (first["start_year"], first["end_year"]) == (1945, 1989)
    assert first["positional"] and first["ideological"]
    assert len(r) == 197 and len(record.extras["rivalries_tss"]) == 264  # README row counts
    # Venice (324) predates the COW system; it is accepted only in rivalries over before 1816.
    venice = pd.concat([r, record.extras["rivalries_tss"]])
    venice = venice[(venice["ccode1"] == 324) | (venice["ccode2"] == 324)]
    assert len(venice) > 0 and (venice["end_year"] < 1816).all()


def test_arms_races(record):
    a = record.extras["arms_races"]
    assert len(a) == 71 and a["start_year"].min() == 1854 and a["start_year"].max() == 1982  # README


def test_mids_become_dispute_events(record):
    d = record.extras["disputes"]
    assert len(d) == 2436 and d["start_year"].min() == 1816 and d["start_year"].max() == 2014  # README
    assert d["source"].eq("COW-MID 5.0").all()
    g = record.extras["disputes_gml"]
    assert len(g) == 2174 and g["start_year"].max() == 2010  # README
    ev = record.events[record.events["kind"] == "dispute"]
    assert len(ev) == len(d) and ev["ccode"].isna().all()
    numbers = {json.loads(x)["dispnum"] for x in ev["detail"]}
    assert numbers == set(d["dispnum"])


def test_world_wars_in_the_war_data_and_events(record):
    w = record.extras["wars"]
    assert len(w) == 1932 and (w["year"].min(), w["year"].max()) == (1823, 2003)  # README
    wwi = w[(w["warnum"] == 106) & (w["ccode1"] == 200) & (w["ccode2"] == 255)]
    assert wwi["year"].min() == 1914 and wwi["onset"].any()
    assert (wwi["side1"] != wwi["side2"]).all()
    ev = record.events[record.events["kind"] == "war"]
    us_germany = ev[(ev["ccode"] == 2) & (ev["ccode2"] == 255)]
    by_war = {json.loads(x)["warnum"]: y for x, y in zip(us_germany["detail"], us_germany["year"])}
    assert by_war[106] == 1917 and by_war[139] == 1941  # the US entered both world wars late
    assert (ev["ccode"] < ev["ccode2"]).all()


def test_events_are_in_year_order(record):
    assert record.events["year"].is_monotonic_increasing


def test_bavaria_left_the_system_in_january_1871(record):
    # COW State System v2016: Bavaria (245) ends 1871-01-18, absorbed into Germany; open spells have no end date
    s = record.states.set_index("ccode")
    assert (s.loc[245, "end_year"], s.loc[245, "end_month"], s.loc[245, "end_day"]) == (1871, 1, 18)
    assert pd.isna(s.loc[2, "end_month"]) and pd.isna(s.loc[2, "end_day"])


def test_nmc_cell_that_is_not_a_number_names_its_line(data_dir, tmp_path):
    from foedus.data.cow import read_nmc
    from foedus.schema import SchemaError

    lines = (data_dir / "peacesciencer" / "cow_nmc.csv").read_text().splitlines()[:5]
    head = lines[0].split(",")
    row = lines[3].split(",")
    row[head.index("milex")] = "lots"
    lines[3] = ",".join(row)
    bad = tmp_path / "cow_nmc.csv"
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(SchemaError, match=r"cow_nmc\.csv, line 4, column 'milex'"):
        read_nmc(bad)
