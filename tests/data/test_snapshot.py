"""foedus.data.snapshot on the real records in ../shared/data.

Every fact asserted here comes from the records' documentation or from history that the records
encode (cited per test), never from this module's own output.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from foedus.data.snapshot import snapshot
from foedus.data.snapshot_fields import FILES
from foedus.schema import SchemaError, power_tier

USA, CAN, UK, FRANCE, GERMANY, AUH, ITALY, RUSSIA, UKRAINE = 2, 20, 200, 220, 255, 300, 325, 365, 369
FINLAND, SWEDEN, IRAN, CHINA, JAPAN, INDIA = 375, 380, 630, 710, 740, 750
NATO = 3180  # ATOP 5.1 atopid of the North Atlantic Treaty (signed 4 April 1949)
EUROPE_1871 = [UK, FRANCE, GERMANY, AUH, ITALY, RUSSIA]


@pytest.fixture(scope="module")
def world_2022(data_dir):
    return snapshot(2022, top_n=40, data_dir=data_dir)


@pytest.fixture(scope="module")
def europe_1871(data_dir):
    return snapshot(1871, EUROPE_1871, data_dir=data_dir)


def test_world_2022_top40_holds_the_powers(world_2022):
    for c in (USA, RUSSIA, CHINA, IRAN, JAPAN, UK, FRANCE, GERMANY, INDIA):
        assert c in world_2022.ccodes, c
    assert world_2022.ccodes.size == 40
    # ordered by CINC, strongest first; shares over the 40 states sum to 1
    assert np.all(np.diff(world_2022.cinc) <= 0)
    assert world_2022.cinc_share.sum() == pytest.approx(1.0)
    assert "cow_nmc.csv (2022)" in world_2022.sources["cinc"]


def test_top_n_is_a_prefix_of_the_full_system(data_dir, world_2022):
    everyone = snapshot(2022, data_dir=data_dir)
    # COW State System v2016 carried forward: 195 members at the end of 2016 (README: cow_ddy 37,830 = 195 x 194)
    assert everyone.ccodes.size == 195
    assert everyone.ccodes[:40].tolist() == world_2022.ccodes.tolist()


def test_arrays_are_aligned_and_well_formed(world_2022):
    s, n = world_2022, 40
    for name in ("cinc", "milex_usd_m", "milper_k", "gdp_usd_m", "population_m", "major", "tier", "democracy", "ideal_point", "capital_lat"):
        assert getattr(s, name).shape == (n,), name
    assert len(s.abb) == len(s.names) == n
    for name in ("distance_km", "contiguous", "trade_usd_m", "trade_dependence", "rivalry", "cyber_incidents"):
        m = getattr(s, name)
        assert m.shape == (n, n), name
        assert np.all(np.diag(m) == 0), name
    for name in ("distance_km", "contiguous", "trade_usd_m", "rivalry"):
        m = getattr(s, name)
        assert np.array_equal(m, m.T, equal_nan=name != "contiguous" and name != "rivalry"), name
    assert np.isfinite(s.distance_km).all() and (s.distance_km >= 0).all()
    assert s.cyber_incidents.dtype.kind == "i" and (s.cyber_incidents >= 0).all()
    dep = np.nan_to_num(s.trade_dependence)
    assert (dep >= 0).all() and (dep.sum(axis=1) <= 1 + 1e-9).all()  # shares of each state's total trade
    assert np.array_equal(s.tier, power_tier(s.cinc, s.major))
    assert ((s.democracy >= 0) & (s.democracy <= 1)).all()


def test_usa_canada_share_a_land_border(data_dir, world_2022):
    i, j = world_2022.index(USA), world_2022.index(CAN)
    assert world_2022.contiguous[i, j]
    # CShapes minimum distance is 0 for states sharing a land border (README, distance/)
    s = snapshot(2019, [USA, CAN], data_dir=data_dir)
    assert s.distance_km[0, 1] == 0.0
    assert "(2019" in s.sources["distance_km"]


def test_usa_russia_contiguous_by_water_only(data_dir):
    # The Bering Strait: COW codes USA-Russia as water contiguity from 1959 (Alaska), not land.
    land = snapshot(2000, [USA, RUSSIA], data_dir=data_dir)
    sea = snapshot(2000, [USA, RUSSIA], data_dir=data_dir, contiguity_max_type=5)
    assert not land.contiguous[0, 1]
    assert sea.contiguous[0, 1]


def test_nato_2022_comes_from_atop_end_of_2018(data_dir):
    s = snapshot(2022, [USA, CAN, UK, FINLAND, SWEDEN], data_dir=data_dir)
    nato = [a for a in s.alliances if a["atopid"] == NATO]
    assert len(nato) == 1
    nato = nato[0]
    assert {USA, CAN, UK} <= set(nato["members"])
    # Finland joined in 2023 and Sweden in 2024, after ATOP 5.1 ends (2018)
    assert FINLAND not in nato["members"] and SWEDEN not in nato["members"]
    assert nato["start_year"] == 1949 and nato["defense"]
    assert "2018" in s.sources["alliances"]


def test_nato_in_world_2022(world_2022):
    nato = [a for a in world_2022.alliances if a["atopid"] == NATO]
    assert nato and {USA, CAN} <= set(nato[0]["members"])


def test_no_nato_before_1949(data_dir):
    s = snapshot(1948, [USA, CAN, UK, FRANCE], data_dir=data_dir)
    assert NATO not in [a["atopid"] for a in s.alliances]


def test_sipri_usa_spends_most_in_2022(data_dir):
    s = snapshot(2022, data_dir=data_dir)
    assert s.ccodes[np.nanargmax(s.milex_usd_m)] == USA
    assert "sipri_milex_2013_2022.csv" in s.sources["milex_usd_m"]
    assert "SIPRI Military Expenditure Database 2024" in s.sources["milex_usd_m"]


def test_milex_before_sipri_comes_from_nmc(data_dir):
    s = snapshot(2000, [USA, RUSSIA], data_dir=data_dir)
    assert "cow_nmc.csv" in s.sources["milex_usd_m"] and "sipri" not in s.sources["milex_usd_m"]
    assert (s.milex_usd_m > 0).all()


def test_russia_ukraine_cyber_incidents(data_dir):
    s = snapshot(2020, [RUSSIA, UKRAINE], data_dir=data_dir)
    assert s.cyber_incidents[0, 1] > 0


def test_no_cyber_incidents_before_dcid(data_dir):
    s = snapshot(1995, [USA, RUSSIA, CHINA], data_dir=data_dir)
    assert s.cyber_incidents.sum() == 0


def test_europe_1871_great_powers(europe_1871):
    s = europe_1871
    assert s.ccodes.tolist() == EUROPE_1871
    assert np.isfinite(s.cinc).all() and (s.cinc > 0).all()
    assert s.sources["cinc"] == "peacesciencer/cow_nmc.csv (1871)"
    # COW major powers in 1871: UK, France, Prussia/Germany, Austria-Hungary, Italy (from 1860), Russia
    assert s.major.all()
    assert s.major[s.index(GERMANY)]
    assert np.isnan(s.ideal_point).all()
    # CShapes starts in 1886, so 1871 distances are capital-to-capital great circles
    assert "great-circle" in s.sources["distance_km"]
    assert np.isfinite(s.distance_km).all()


def test_capitals_in_force(europe_1871, data_dir):
    # Rome became Italy's capital in 1871; Moscow replaced Saint Petersburg as Russia's in 1918.
    i = europe_1871.index(ITALY)
    assert (europe_1871.capital_lat[i], europe_1871.capital_lon[i]) == pytest.approx((41.9, 12.5), abs=0.3)
    r = europe_1871.index(RUSSIA)
    assert (europe_1871.capital_lat[r], europe_1871.capital_lon[r]) == pytest.approx((59.9, 30.3), abs=0.5)
    later = snapshot(1930, [RUSSIA], data_dir=data_dir)
    assert (later.capital_lat[0], later.capital_lon[0]) == pytest.approx((55.75, 37.6), abs=0.5)


def test_germany_is_not_a_major_power_in_1930_but_china_is_from_1950(data_dir):
    # COW major-power spells: Germany 1816-1918, 1925-1945, 1991-; China from 1950
    assert snapshot(1922, [GERMANY], data_dir=data_dir).major.tolist() == [False]
    assert snapshot(1930, [GERMANY], data_dir=data_dir).major.tolist() == [True]
    assert snapshot(1950, [CHINA], data_dir=data_dir).major.tolist() == [True]


def test_us_soviet_rivalry_is_a_cold_war_rivalry(data_dir):
    # Thompson & Dreyer: Russia-United States 1, 1945-1989
    assert snapshot(1960, [USA, RUSSIA], data_dir=data_dir).rivalry[0, 1]
    assert not snapshot(1995, [USA, RUSSIA], data_dir=data_dir).rivalry[0, 1]


def test_ideal_points_begin_in_1946(data_dir):
    assert np.isnan(snapshot(1945, [USA, UK, RUSSIA], data_dir=data_dir).ideal_point).all()
    s = snapshot(1946, [USA, RUSSIA], data_dir=data_dir)
    assert np.isfinite(s.ideal_point).all()
    # the scale runs toward the US-led order (codebook): the US above the USSR
    assert s.ideal_point[0] > s.ideal_point[1]


def test_carry_forward_names_the_record_years(world_2022):
    src = world_2022.sources
    assert "(2014" in src["trade_usd_m"]  # COW Trade 4.0 ends 2014
    assert "(2019" in src["distance_km"]  # CShapes via peacesciencer ends 2019
    assert "(2019" in src["gdp_usd_m"]  # Fariss et al. ends 2019
    assert "(2016" in src["contiguous"]  # Direct Contiguity v3.2 ends 2016
    assert "tss_rivalries.csv (2020" in src["rivalry"]
    assert (world_2022.source_years["gdp_usd_m"] == 2019).all()


def test_without_carry_forward_only_the_year_itself(data_dir):
    s = snapshot(2022, [USA, CAN], data_dir=data_dir, carry_forward=False)
    assert np.isnan(s.trade_usd_m[0, 1]) and np.isnan(s.gdp_usd_m).all()
    assert s.alliances == []
    assert "not covered" in s.sources["alliances"]
    assert "great-circle" in s.sources["distance_km"]
    assert np.isfinite(s.cinc).all()  # NMC 7.0 reaches 2022


def test_carry_forward_is_bounded(data_dir):
    # Taiwan left the UN in 1971: no ideal point in 2022 despite the 1971 one
    s = snapshot(2022, [713], data_dir=data_dir)
    assert np.isnan(s.ideal_point[0])
    assert np.isfinite(snapshot(1970, [713], data_dir=data_dir).ideal_point[0])


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"year": 2022, "ccodes": [2, 999]}, "999"),
        ({"year": 1700, "ccodes": [2]}, "1700"),
        ({"year": 2099, "top_n": 5}, "2099"),
        ({"year": 1950, "ccodes": [740]}, "740"),  # Japan out of the system 1945-1952
        ({"year": 2022, "ccodes": [2, 2]}, "repeats"),
        ({"year": 2022, "ccodes": [2], "top_n": 3}, "either"),
        ({"year": 2022, "top_n": 0}, "top_n"),
        ({"year": 2022.5, "top_n": 3}, "year"),
        ({"year": 2022, "ccodes": [2], "contiguity_max_type": 7}, "contiguity"),
    ],
)
def test_bad_requests_raise_value_error(data_dir, kwargs, match):
    with pytest.raises(ValueError, match=match):
        snapshot(data_dir=data_dir, **kwargs)


def test_non_member_error_lists_membership_spells(data_dir):
    with pytest.raises(ValueError, match="1952"):
        snapshot(1950, [USA, JAPAN], data_dir=data_dir)


def test_malformed_file_names_file_line_and_column(data_dir, tmp_path):
    for rel in FILES.values():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).symlink_to(data_dir / rel)
    bad = tmp_path / FILES["majors"]
    bad.unlink()
    lines = (data_dir / FILES["majors"]).read_text().splitlines()
    lines[3] = "xx" + lines[3][lines[3].index(","):]
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(SchemaError, match=r"cow_majors\.csv, line 4, column 'ccode'"):
        snapshot(1900, [UK], data_dir=tmp_path)
    bad.unlink()
    bad.symlink_to(data_dir / FILES["majors"])
    shutil.rmtree(tmp_path / "atop")
    with pytest.raises(SchemaError, match="atop5_1a.csv"):
        snapshot(1900, [UK], data_dir=tmp_path)


def test_years_since_war_reads_the_cow_war_record(data_dir, tmp_path):
    """COW Inter-State War Data 4.0: Iran and Iraq fought until 1988 (war 205), the US and the USSR never; 1816's window is
    not in the record (it starts in 1816). A malformed file is refused naming its file, line and column."""
    import pandas as pd

    from foedus.data.snapshot_fields import years_since_war

    IRAQ = 645
    codes = np.array([USA, RUSSIA, IRAN, IRAQ])
    pos = pd.Series(np.arange(codes.size), index=codes)
    since, src = years_since_war(data_dir, codes, pos, 1990, 10)
    assert since[2, 3] == since[3, 2] == 2.0
    assert np.isnan(since[0, 1]) and "cow_war_inter.csv" in src
    assert years_since_war(data_dir, codes, pos, 1825, 10)[0] is None
    (tmp_path / "peacesciencer").mkdir()
    lines = (data_dir / FILES["wars"]).read_text().splitlines()
    lines[2] = lines[2].split(",", 1)[0] + ",xx," + lines[2].split(",", 2)[2]
    (tmp_path / FILES["wars"]).write_text("\n".join(lines) + "\n")
    with pytest.raises(SchemaError, match=r"cow_war_inter\.csv, line 3, column 'ccode1'"):
        years_since_war(tmp_path, codes, pos, 1990, 10)


def test_rivalry_ended_is_the_last_rivalry_ended_before_the_year(data_dir):
    # Thompson & Dreyer: Russia-United States 1, 1945-1989; China-Russia 2, 1958-1989 (settle20: the conflicts a record-built
    # world inherits, for Gibler's settlement); an ongoing rivalry, or one that never was, has no end year (NaN)
    s = snapshot(1990, [USA, RUSSIA, CHINA, JAPAN], data_dir=data_dir)
    us, ru, cn, jp = (s.index(c) for c in (USA, RUSSIA, CHINA, JAPAN))
    assert s.rivalry_ended[us, ru] == s.rivalry_ended[ru, us] == 1989.0
    assert s.rivalry_ended[ru, cn] == 1989.0
    assert s.rivalry_ended[us, jp] == 1945.0  # Japan-United States, 1898-1945
    before = snapshot(1989, [USA, RUSSIA], data_dir=data_dir)
    assert np.isnan(before.rivalry_ended[0, 1])  # still rivals in 1989: nothing ended yet
    assert "rivalry_ended" in s.sources
