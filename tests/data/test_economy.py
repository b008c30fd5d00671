"""foedus.data.economy on the real files in ../shared/data: units and facts from their README."""

from __future__ import annotations

import pytest

from foedus.data.economy import read_gdp_population, read_sipri_milex, read_trade
from foedus.schema import SchemaError

USA, CHINA, CANADA = 2, 710, 20


def test_sipri_usa_spends_most_in_2022_in_million_constant_dollars(data_dir):
    m = read_sipri_milex(data_dir / "milex" / "sipri_milex_2013_2022.csv")
    y = m[m["year"] == 2022].set_index("ccode")["milex_const2022_usd_m"]
    assert y.idxmax() == USA
    assert 700_000 < y[USA] < 1_000_000  # about 877 billion US$ (SIPRI 2024), in millions
    assert m["ccode"].notna().all()  # SIPRI's "European Union" row has no COW code and is dropped


def test_fariss_population_is_in_millions(data_dir):
    g = read_gdp_population(data_dir / "economy" / "cw_gdppop.csv.gz").set_index(["ccode", "year"])
    assert 1000 < g.loc[(CHINA, 2010), "pwtpop"] < 1500  # about 1.34 billion people
    assert g.loc[(USA, 2010), "pwtrgdp"] > 1e7  # over 10 trillion 2017 int'l $, in millions


def test_trade_total_is_both_flows(data_dir):
    t = read_trade(data_dir / "trade" / "cow_trade_ndy.csv.gz")
    assert (t["ccode1"] < t["ccode2"]).all() and t["year"].is_monotonic_increasing
    us_can = t[(t["ccode1"] == USA) & (t["ccode2"] == CANADA) & (t["year"] == 2014)]
    assert us_can["total"].iloc[0] > 500_000  # US-Canada trade in 2014, over 500 billion current US$


def test_sipri_cell_that_is_not_a_number_names_its_line(tmp_path):
    bad = tmp_path / "sipri.csv"
    bad.write_text("ccode,year,milex_const2022_usd_m\n2,2022,877000\n20,2022,lots\n")
    with pytest.raises(SchemaError, match=r"sipri\.csv, line 3, column 'milex_const2022_usd_m'"):
        read_sipri_milex(bad)
