"""The publishers' own file names and layouts, on the hand-made mini record (tests/data/fixtures/mini)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.data import load_record
from foedus.data.cow_alliances import COW_ALLIANCE_ID_OFFSET, COW_SOURCE, read_cow_alliances
from foedus.data.record import FILES, record_files

FIXTURES = Path(__file__).parent / "fixtures"
COW_FILE = FIXTURES / "cow_alliances" / "alliance_v4.1_by_member.csv"


@pytest.fixture(scope="module")
def mini():
    return load_record(FIXTURES / "mini", cow_alliances=COW_FILE)


def test_publisher_names_are_recognised():
    found = record_files(FIXTURES / "mini")
    names = {t: p.relative_to(FIXTURES / "mini").as_posix() for t, p in found.items()}
    assert names["atop_alliances"] == "atop5_1a.csv" and names["states"] == "states2016.csv"
    assert names["majors"] == "majors2016.csv" and names["nmc"] == "NMC-60-abridged.csv"
    assert names["contiguity"] == "DirectContiguity320/contdir.csv" and names["disputes"] == "MIDA 5.0.csv"
    assert names["wars"] == "Inter-StateWarData_v4.0.csv"
    for table, candidates in FILES.items():
        assert len(candidates) == len(set(candidates)), table


def test_atop_censoring_and_nmc_missing_codes(mini):
    a = mini.agreements.set_index("agreement_id")
    assert pd.isna(a.loc[9001, "end_year"]) and a.loc[9002, "end_year"] == 1914
    m = mini.memberships
    assert m.loc[(m["agreement_id"] == 9002) & (m["ccode"] == 255), "exit_year"].item() == 1911
    sy = mini.state_years.set_index(["ccode", "year"])
    assert pd.isna(sy.loc[(220, 1898), "cinc"])  # -9 in the file
    assert sy.loc[(2, 1898), "major"] and not sy.loc[(2, 1897), "major"]


def test_publisher_contiguity_yyyymm(mini):
    c = mini.extras["contiguity"].set_index(["ccode1", "ccode2"])
    assert tuple(c.loc[(220, 255), ["conttype", "start_year", "start_month", "end_year", "end_month"]]) == (1, 1816, 1, 1945, 5)


def test_mida_dispute_level(mini):
    d = mini.extras["disputes"].set_index("dispnum")
    assert d.loc[9001, "end_month"] == 5 and pd.isna(d.loc[9002, "end_month"]) and pd.isna(d.loc[9002, "fatality"])
    assert bool(d.loc[9002, "recip"])


def test_participant_war_file_becomes_directed_dyad_years(mini):
    """Fixture war 901: UK (side 1) 1900-02, France (side 1) 1901-02, Germany (side 2) 1900-02."""
    w = mini.extras["wars"]
    got = set(zip(w["ccode1"], w["ccode2"], w["year"]))
    uk_gmy = {(200, 255, y) for y in (1900, 1901, 1902)} | {(255, 200, y) for y in (1900, 1901, 1902)}
    frn_gmy = {(220, 255, y) for y in (1901, 1902)} | {(255, 220, y) for y in (1901, 1902)}
    assert got == uk_gmy | frn_gmy  # allies on the same side are not a war dyad
    onset = w[w["onset"]]
    assert set(zip(onset["ccode1"], onset["ccode2"], onset["year"])) == {(200, 255, 1900), (255, 200, 1900), (220, 255, 1901), (255, 220, 1901)}
    row = w[(w["ccode1"] == 220) & (w["ccode2"] == 255)].iloc[0]
    assert pd.isna(row["batdeath1"]) and row["batdeath2"] == 9000 and not row["initiator1"]
    ev = mini.events[mini.events["kind"] == "war"]
    assert set(zip(ev["ccode"], ev["ccode2"], ev["year"])) == {(200, 255, 1900), (220, 255, 1901)}
    assert json.loads(ev["detail"].iloc[0])["warnum"] == 901


def test_rivalry_before_the_state_system_keeps_its_code(mini):
    r = mini.extras["rivalries"].set_index("rivalry_id")
    assert r.loc[2, "ccode2"] == 324 and r.loc[2, "spatial"] and not r.loc[2, "positional"]


def test_cow_formal_alliances_mapping():
    agreements, members = read_cow_alliances(COW_FILE)
    a = agreements.set_index("agreement_id")
    assert set(a.index) == {COW_ALLIANCE_ID_OFFSET + i for i in (1, 2, 3)}
    assert (a["source"] == COW_SOURCE).all() and (a["kind"] == "alliance").all() and (a["observed_until"] == 2012).all()
    one, two, three = (a.loc[COW_ALLIANCE_ID_OFFSET + i] for i in (1, 2, 3))
    assert pd.isna(one["end_year"]) and one["defense"] and one["nonaggression"] and one["consultation"]  # entente -> consultation
    assert one["bilateral"] and not one["asymmetric"] and not one["offense"]
    assert two["end_year"] == 1910 and two["consultation"] and not two["defense"]
    assert three["end_year"] == 2012  # right_censor 0: it really ended in 2012
    assert three["asymmetric"] and not three["bilateral"] and three["defense"] and three["neutrality"]
    assert (three["start_month"], pd.isna(three["start_day"])) == (7, True)  # -9 day is unknown
    m = members.set_index(["agreement_id", "ccode"])
    france = m.loc[(COW_ALLIANCE_ID_OFFSET + 1, 220)]
    assert (france["entry_year"], france["entry_month"], france["exit_year"]) == (1860, 6, 1890)
    assert pd.isna(m.loc[(COW_ALLIANCE_ID_OFFSET + 1, 200), "exit_year"])


def test_cow_end_year_2012_is_censored_without_right_censor_column(tmp_path):
    raw = pd.read_csv(COW_FILE).drop(columns=["right_censor", "left_censor"])
    f = tmp_path / "alliance_v4.1_by_member.csv"
    raw.to_csv(f, index=False)
    agreements, members = read_cow_alliances(f)
    three = agreements.set_index("agreement_id").loc[COW_ALLIANCE_ID_OFFSET + 3]
    assert pd.isna(three["end_year"]) and pd.isna(three["end_month"])
    assert members.loc[members["agreement_id"] == COW_ALLIANCE_ID_OFFSET + 3, "exit_year"].isna().all()


def test_cow_alliances_join_the_record_without_id_clashes(mini):
    assert mini.agreements["agreement_id"].is_unique
    assert set(mini.agreements["source"]) == {"atop5_1a.csv", COW_SOURCE}
    assert set(mini.memberships["agreement_id"]) <= set(mini.agreements["agreement_id"])


def test_cow_alliances_are_not_bundled():
    root = Path(__file__).resolve().parents[2]
    shipped = [p for p in (root / "src").rglob("*") if "alliance_v4" in p.name]
    assert shipped == []
