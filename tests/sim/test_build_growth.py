"""The trend growth of scenarios built from the record (foedus.sim.build_growth): the window and each state's figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.data.paths import default_data_dir
from foedus.sim.build_growth import GROWTH_MIN_YEARS, WORLD_WARS, growth_window, scenario_window, trend_growth
from foedus.theory.growth import RUN_PERSISTENCE


def _gdp(c: int, y: int) -> float:
    df = pd.read_csv(default_data_dir() / "economy" / "cw_gdppop.csv.gz")
    return float(df.loc[(df["ccode"] == c) & (df["year"] == y), "pwtrgdp"].iloc[0])


def test_the_window_skips_the_world_wars_and_ends_where_the_record_does():
    assert growth_window(1990) == (1980, 1990) and growth_window(1900) == (1890, 1900)
    assert growth_window(1919) == (1903, 1913)  # not 1909-1919: the First World War's mobilisation and collapse
    assert growth_window(1946) == growth_window(1950) == (1928, 1938)  # not 1936-1946 nor 1940-1950
    assert growth_window(1955) == (1947, 1955)  # the post-war years once there are enough of them
    assert scenario_window(2022) == (2009, 2019)  # the GDP record ends in 2019: ten years to then, not 2012-2019 over ten


@settings(max_examples=200, deadline=None)
@given(st.integers(1826, 2030))
def test_no_window_holds_a_world_war_year_or_the_year_after(end):
    lo, hi = growth_window(end)
    assert hi <= end and hi - lo >= GROWTH_MIN_YEARS
    for first, last in WORLD_WARS:
        assert hi < first or lo > last + 1


def test_every_state_gets_its_own_figure_when_one_is_new_in_the_system():
    # 1990: Namibia (565) and united Germany (255) entered that year; the others must keep their figures (diag14)
    codes = [2, 710, 732, 255, 565]
    g, spans, window, mean = trend_growth(codes, 1990)
    assert window == (1980, 1990) and 0.0 < mean < 0.05
    us = (_gdp(2, 1990) / _gdp(2, 1980)) ** 0.1 - 1.0
    assert abs(g[0] - (mean + RUN_PERSISTENCE * (us - mean))) < 1e-12 and spans[0] == "1980-1990"
    assert g[1] > g[0] + 0.003 and g[2] > g[0] + 0.01  # China and South Korea outgrew the United States in the 1980s
    de = (_gdp(255, 1990) / _gdp(260, 1980)) ** 0.1 - 1.0  # united Germany read through the Federal Republic
    assert abs(g[3] - (mean + RUN_PERSISTENCE * (de - mean))) < 1e-12
    assert spans[4] == "" and g[4] == mean  # no GDP record of Namibia before 1990: the system's mean


def test_a_start_after_the_record_ends_reads_the_last_ten_years_it_has():
    g, spans, _, mean = trend_growth([2, 710], 2022)
    assert spans == ["2009-2019", "2009-2019"]
    assert np.allclose(g, [mean + RUN_PERSISTENCE * ((_gdp(c, 2019) / _gdp(c, 2009)) ** 0.1 - 1.0 - mean) for c in (2, 710)])


def test_the_1946_growth_is_read_before_the_war_not_across_it():
    g, spans, _, mean = trend_growth([2, 200, 365], 1946)
    assert spans == ["1928-1938"] * 3
    assert np.allclose(g, [mean + RUN_PERSISTENCE * ((_gdp(c, 1938) / _gdp(c, 1928)) ** 0.1 - 1.0 - mean) for c in (2, 200, 365)])
    # the Soviet Union (6.5 % a year over 1928-1938) outgrows the Depression's United States (0.5 %) by under 2 points
    assert 0.0 < g[2] - g[0] < 0.02


def test_a_start_without_an_earlier_record_gets_the_default():
    g, spans, _, mean = trend_growth([2, 200], 1816)
    assert np.isnan(mean) and spans == ["", ""] and np.allclose(g, 0.02)
