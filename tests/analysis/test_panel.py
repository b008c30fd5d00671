"""Research panels checked against the publishers' own files in ../shared/data.

The skeleton against peacesciencer's ``cow_ddy`` (every COW directed dyad-year), ATOP ties
against ATOP's dyad-year file (``atop_alliance``), and each merged measure against the raw
file it comes from, read here with plain pandas (the panel reads them through foedus's readers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus import panel
from foedus.analysis.panel_verbs import ATOP_COLUMNS

PS = "peacesciencer"
ATOP_THEIRS = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]


@pytest.fixture(scope="module")
def cow_ddy(data_dir):
    d = pd.read_csv(data_dir / PS / "cow_ddy.csv.gz")
    return d[d["year"] <= 2018]


@pytest.fixture(scope="module")
def dyads(record):
    return panel.dyad_years(1816, 2018, record=record)


@pytest.fixture(scope="module")
def atop_file(data_dir):
    return pd.read_csv(data_dir / PS / "atop_alliance.csv.gz")


def test_directed_dyad_years_are_peacescienceers_cow_ddy_to_the_row(record, cow_ddy):
    d = panel.dyad_years(1816, 2018, directed=True, record=record)
    assert len(d) == len(cow_ddy) == 1_987_950
    m = cow_ddy.merge(d, how="outer", indicator=True)
    assert (m["_merge"] == "both").all()


def test_non_directed_dyad_years_are_half_of_them(dyads, cow_ddy):
    assert len(dyads) == 993_975 == len(cow_ddy) // 2
    assert (dyads["ccode1"] < dyads["ccode2"]).all()
    assert not dyads.duplicated(["ccode1", "ccode2", "year"]).any()
    assert (dyads.groupby("year").size().loc[1816] == 253)  # 23 states: 23 * 22 / 2
    assert np.all(np.diff(dyads["year"].to_numpy()) >= 0)


def test_states_that_never_met_within_a_year_make_no_dyad(dyads):
    """The Reich ended on 8 May 1945, the Netherlands came back on 26 June; the two Germanys ended on 2 October 1990."""
    pairs = set(zip(dyads["ccode1"], dyads["ccode2"], dyads["year"]))
    assert (210, 255, 1945) not in pairs and (210, 255, 1944) not in pairs
    assert (255, 260, 1990) not in pairs and (255, 265, 1990) not in pairs and (260, 265, 1990) in pairs
    assert (200, 255, 1945) in pairs


def test_state_years_are_the_states_of_cow_ddy(record, cow_ddy):
    s = panel.state_years(1816, 2018, record=record)
    theirs = cow_ddy[["ccode1", "year"]].drop_duplicates()
    assert len(s) == len(theirs) == 16_341
    assert set(zip(s["ccode"], s["year"])) == set(zip(theirs["ccode1"], theirs["year"]))


def _either_direction(atop_file: pd.DataFrame) -> pd.DataFrame:
    """ATOP's directed file read non-directed: the pair's obligation when either state holds it toward the other."""
    lo, hi = atop_file[["ccode1", "ccode2"]].min(axis=1), atop_file[["ccode1", "ccode2"]].max(axis=1)
    return atop_file.assign(ccode1=lo, ccode2=hi).groupby(["ccode1", "ccode2", "year"], as_index=False)[ATOP_THEIRS].max()


def test_atop_from_the_publishers_file_equals_it_on_every_dyad_year(record, dyads, atop_file):
    p = panel.add_atop_alliance(dyads, source="atop", record=record)
    theirs = _either_direction(atop_file)
    m = p.merge(theirs, on=["ccode1", "ccode2", "year"], how="left", suffixes=("", "_atop"))
    for c in ATOP_THEIRS:
        assert (m[c].to_numpy() == m[f"{c}_atop"].fillna(0).to_numpy()).all(), c
    inside = theirs.merge(dyads, on=["ccode1", "ccode2", "year"])
    assert p["atop_alliance"].sum() == len(inside) == 133_701  # allied dyad-years of the COW system
    assert (p[ATOP_THEIRS].sum(axis=1) > 0).sum() == (inside[ATOP_THEIRS].sum(axis=1) > 0).sum() == 133_678  # 23 with none coded
    # peacesciencer's reading (the ccode1 -> ccode2 row only) misses the ties coded the other way only
    one_way = atop_file[atop_file["ccode1"] < atop_file["ccode2"]].merge(dyads, on=["ccode1", "ccode2", "year"])
    assert p["atop_defense"].sum() - one_way["atop_defense"].sum() == 64


def test_atop_from_members_equals_atops_file_on_every_dyad_year(record, dyads, atop_file):
    """The member-level derivation (dates, the last shared phase, partner-specific obligations:
    :func:`foedus.analysis.network.dyad_years`) equals ATOP's own dyad-year file on every
    dyad-year of the COW system, allied or not, all six columns."""
    ours = panel.add_atop_alliance(dyads, record=record)
    theirs = panel.add_atop_alliance(dyads, source="atop", record=record)
    for c in ["atop_alliance", *ATOP_THEIRS]:
        assert (ours[c].to_numpy() == theirs[c].to_numpy()).all(), c
    # the EU treaty (ATOP 4175) is consultation only before its 2007 phase: Ireland-France 2000 no defence
    row = ours[(ours["ccode1"] == 205) & (ours["ccode2"] == 220) & (ours["year"] == 2000)]
    assert row["atop_defense"].item() == 0 and row["atop_consul"].item() == 1
    assert set(ATOP_COLUMNS.values()) == set(ATOP_THEIRS)


def test_cinc_and_components_equal_cow_nmc(record, dyads, data_dir):
    nmc = pd.read_csv(data_dir / PS / "cow_nmc.csv")
    s = panel.add_nmc(panel.state_years(1816, 2016, record=record), variables=("milex", "cinc"), record=record)
    m = s.merge(nmc, on=["ccode", "year"], how="left", suffixes=("", "_nmc"))
    for c in ("cinc", "milex"):
        np.testing.assert_array_equal(m[c].to_numpy(), m[f"{c}_nmc"].to_numpy())
    assert s["cinc"].notna().sum() == nmc[(nmc["year"] <= 2016)].merge(s[["ccode", "year"]])["cinc"].notna().sum()
    d = panel.add_nmc(dyads[dyads["year"] == 1914], record=record)
    row = d[(d["ccode1"] == 2) & (d["ccode2"] == 255)]
    assert row["cinc1"].item() == nmc.query("ccode == 2 and year == 1914")["cinc"].item()
    assert row["cinc2"].item() == nmc.query("ccode == 255 and year == 1914")["cinc"].item()


def test_milex_in_constant_dollars_is_cows_deflated_by_the_cpi_u(record, data_dir):
    """``milex_constant``: NMC's milex, the pounds of 1816-1913 at the mint parity, in constant 2022 US$
    by the BLS CPI-U (1913: 9.9; 1960: 29.6; 2022: 292.655), the deflator named in the unit."""
    nmc = pd.read_csv(data_dir / PS / "cow_nmc.csv").set_index(["ccode", "year"])["milex"]
    s = panel.add_nmc(panel.state_years(1850, 1960, record=record), variables=("milex_constant",), record=record)
    assert list(s.columns) == ["ccode", "year", "milex_constant"]
    got = s.set_index(["ccode", "year"])["milex_constant"]
    assert got[(200, 1850)] == pytest.approx(nmc[(200, 1850)] * 4.8665 * 292.655 / 9.9)
    assert got[(2, 1960)] == pytest.approx(nmc[(2, 1960)] * 292.655 / 29.6)
    unit = panel.panel_info(s)["units"]["milex_constant"]
    assert "constant 2022 US$" in unit and "CPI-U" in unit and "1913 price level" in unit


def test_major_powers_are_cows_spells(record, data_dir):
    majors = pd.read_csv(data_dir / PS / "cow_majors.csv")
    s = panel.add_cow_majors(panel.state_years(1816, 2016, record=record), record=record)
    assert s["cowmaj"].sum() == int((majors["endyear"] - majors["styear"] + 1).sum())
    assert set(s.query("year == 1914 and cowmaj == 1")["ccode"]) == {2, 200, 220, 255, 300, 325, 365, 740}
    later = panel.add_cow_majors(panel.state_years(2017, 2018, record=record), record=record)
    assert set(later.query("cowmaj == 1")["ccode"]) == {2, 200, 220, 255, 365, 710, 740}  # carried forward


def test_contiguity_is_the_closest_type_of_cows_directed_spells(record, data_dir):
    raw = pd.read_csv(data_dir / PS / "cow_contdir.csv")
    raw = raw[(raw["conttype"] > 0) & (raw["ccode1"] < raw["ccode2"])]
    start, end = pd.to_datetime(raw["stdate"]).dt.year, pd.to_datetime(raw["enddate"]).dt.year
    d = panel.add_contiguity(panel.dyad_years(1950, 1950, record=record), record=record)
    on = raw[(start <= 1950) & (end >= 1950)].groupby(["ccode1", "ccode2"])["conttype"].min()
    got = d[d["conttype"] > 0].set_index(["ccode1", "ccode2"])["conttype"]
    expected = on[on.index.isin(got.index)]
    assert len(got) == len(expected) and (got.sort_index() == expected.sort_index()).all()
    assert d.query("ccode1 == 2 and ccode2 == 20")["conttype"].item() == 1
    assert set(d["conttype"].unique()) <= {0, 1, 2, 3, 4, 5}


def test_politically_relevant_dyads_are_contiguous_or_have_a_major_power(record):
    every = panel.add_cow_majors(panel.add_contiguity(panel.dyad_years(1900, 1920, record=record), record=record), record=record)
    prd = panel.dyad_years(1900, 1920, relevant=True, record=record)
    expected = every[(every["conttype"] > 0) | (every["cowmaj1"] == 1) | (every["cowmaj2"] == 1)]
    assert len(prd) == len(expected) and len(prd) < len(every)
    assert panel.panel_info(prd)["relevant"] is True
    assert any("Lemke" in c for c in panel.panel_info(prd)["cite"])


def test_wars_are_cows_war_dyad_years(record, dyads, data_dir):
    raw = pd.read_csv(data_dir / PS / "cow_war_inter.csv")
    raw = raw[raw["ccode1"] < raw["ccode2"]]
    p = panel.add_cow_wars(dyads, record=record)
    inside = raw[["ccode1", "ccode2", "year"]].drop_duplicates().merge(dyads)
    assert p["cowinterongoing"].sum() == len(inside)
    onsets = raw[raw["cowinteronset"] == 1][["ccode1", "ccode2", "year"]].drop_duplicates().merge(dyads)
    assert p["cowinteronset"].sum() == len(onsets)
    assert p.query("ccode1 == 220 and ccode2 == 255 and year == 1914")["cowinteronset"].item() == 1


def test_distances_trade_regime_and_ideal_points_equal_their_files(record, data_dir):
    d = panel.dyad_years(1990, 1995, record=record)
    for verb in (panel.add_minimum_distance, panel.add_trade, panel.add_democracy, panel.add_ideal_points, panel.add_capital_distance):
        d = verb(d, record=record)
    md = pd.read_csv(data_dir / "distance" / "cow_mindist.csv.gz", float_precision="round_trip")  # exact, as Arrow reads it
    m = d.merge(md, on=["ccode1", "ccode2", "year"], how="left", suffixes=("", "_f"))
    np.testing.assert_array_equal(m["mindist"].to_numpy(), m["mindist_f"].to_numpy())
    tr = pd.read_csv(data_dir / "trade" / "cow_trade_ndy.csv.gz")
    tr["total"] = tr[["flow1", "flow2"]].sum(axis=1, min_count=1)
    m = d.merge(tr, on=["ccode1", "ccode2", "year"], how="left")
    np.testing.assert_array_equal(m["trade"].to_numpy(), m["total"].to_numpy())
    dem = pd.read_csv(data_dir / "regime" / "cw_democracy.csv")
    m = d.merge(dem.rename(columns={"ccode": "ccode2", "polity2": "p2"}), on=["ccode2", "year"], how="left")
    np.testing.assert_array_equal(m["polity22"].to_numpy(), m["p2"].to_numpy())
    row = d.query("ccode1 == 2 and ccode2 == 365 and year == 1995")
    assert 7500 < row["capdist"].item() < 7900  # Washington-Moscow, about 7,820 km
    assert row["idealpoint_dist"].item() == pytest.approx(abs(row["idealpointfp1"].item() - row["idealpointfp2"].item()))


def test_rivalries_and_igos(record, data_dir):
    d = panel.add_rivalries(panel.dyad_years(1950, 1960, record=record), record=record)
    assert d.query("ccode1 == 2 and ccode2 == 365")["td_rival"].eq(1).all()
    assert d.query("ccode1 == 20 and ccode2 == 200")["td_rival"].eq(0).all()
    igo = pd.read_csv(data_dir / PS / "cow_igo_sy.csv")
    s = panel.add_igos(panel.state_years(1950, 1950, record=record), record=record)
    m = s.merge(igo, on=["ccode", "year"], how="left", suffixes=("", "_f"))
    np.testing.assert_array_equal(m["sum_igo_anytype"].to_numpy(), m["sum_igo_anytype_f"].to_numpy())


def test_verbs_keep_rows_order_and_the_input(record):
    d = panel.dyad_years(1900, 1902, directed=True, record=record)
    before = d.copy()
    out = panel.add(d, ["atop", "cinc", "majors", "contiguity", "wars"], record=record)
    pd.testing.assert_frame_equal(out[["ccode1", "ccode2", "year"]], before)
    pd.testing.assert_frame_equal(d, before)  # the input is left as it was
    # a directed panel carries the same tie both ways
    a = out.set_index(["ccode1", "ccode2", "year"])["atop_defense"]
    b = out.set_index(["ccode2", "ccode1", "year"])["atop_defense"]
    b.index.names = a.index.names
    assert (a.sort_index() == b.sort_index()).all()
    assert panel.panel_info(out)["verbs"] == ["atop(members)", "nmc(cinc)", "majors", "contiguity", "wars"]


def test_bad_requests_are_clear_errors(record):
    with pytest.raises(ValueError, match="before the COW state system"):
        panel.dyad_years(1700, 1800, record=record)
    with pytest.raises(ValueError, match="unknown panel verb"):
        panel.add(panel.state_years(1900, 1900, record=record), ["atop", "nope"], record=record)
    with pytest.raises(ValueError, match="dyadic measure"):
        panel.add_contiguity(panel.state_years(1900, 1900, record=record), record=record)
    with pytest.raises(ValueError, match="not a foedus panel"):
        panel.add_nmc(pd.DataFrame({"ccode": [2], "year": [1900]}), record=record)


def test_fpsim_is_the_similarity_of_foedus_analysis_on_every_dyad(record):
    from foedus.analysis.similarity import similarity_dyad_years

    d = panel.add_fpsim(panel.dyad_years(1914, 1914, directed=True, record=record), record=record)
    s = similarity_dyad_years(record, years=range(1914, 1915), measures=("tau_b", "s_unweighted_abs", "s_weighted_abs"))
    m = d[d["ccode1"] < d["ccode2"]].merge(s, on=["ccode1", "ccode2", "year"], suffixes=("", "_s"))
    assert len(m) == (d["ccode1"] < d["ccode2"]).sum()
    for c in ("tau_b", "s_unweighted_abs", "s_weighted_abs"):
        np.testing.assert_array_equal(m[c].to_numpy(), m[f"{c}_s"].to_numpy())
    a = d.set_index(["ccode1", "ccode2", "year"])["s_unweighted_abs"]
    b = d.set_index(["ccode2", "ccode1", "year"])["s_unweighted_abs"]
    b.index.names = a.index.names
    assert (a.sort_index() == b.sort_index()).all()  # symmetric in a directed panel


def test_state_year_wars_are_the_states_fighting_in_cows_war_file(record, data_dir):
    raw = pd.read_csv(data_dir / PS / "cow_war_inter.csv")
    s = panel.add_cow_wars(panel.state_years(1816, 2018, record=record), record=record)
    fighting = raw[["ccode1", "year"]].drop_duplicates().rename(columns={"ccode1": "ccode"}).merge(s[["ccode", "year"]])
    assert s["cowinterongoing"].sum() == len(fighting)
    assert s.query("ccode == 2 and year == 1918")["cowinterongoing"].item() == 1
