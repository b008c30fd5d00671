"""The rivalry-onset gates of foedus.theory.rivalry_gates: minor states of two regions, and a security community that outlives its treaty."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.regions import cow_region
from foedus.theory.rivalry_gates import community_tie, cross_region_minor, last_shared_year
from foedus.theory.rivalry_geography import MARITIME_KM


def test_minor_states_of_two_regions_without_a_border_and_beyond_150_miles_of_water_are_gated():
    # Poland (290) and Lebanon (660): Europe and the Middle East, 2,345 km; Greece (350) and Serbia (345): one region; Spain (230) and
    # Morocco (600) across the strait (14 km): two regions but near (Maoz & Russett 1993's 150 miles of water); Britain (200), a great power
    code_i, code_j = np.array([290, 350, 230, 200, 290]), np.array([660, 345, 600, 660, 660])
    d = np.array([2345.0, 805.0, 14.0, 2900.0, 2345.0])
    contiguous = np.array([False, False, False, False, False])
    major_i = np.array([False, False, False, True, False])
    got = cross_region_minor(d, contiguous, major_i, False, cow_region(code_i), cow_region(code_j))
    assert got.tolist() == [True, False, False, False, True]
    assert not cross_region_minor(2345.0, True, False, False, 1, 3)  # neighbours keep their risk
    assert cross_region_minor(MARITIME_KM + 1e-9, False, False, False, 0, 1) and not cross_region_minor(MARITIME_KM, False, False, False, 0, 1)
    assert not cross_region_minor(2345.0, False, False, False, 1, 3, near_km=40000.0)  # beyond any distance: the gate is off
    with pytest.raises(ValueError, match="near_km"):
        cross_region_minor(1.0, False, False, False, 0, 1, near_km=-1.0)


def test_the_security_community_outlives_its_treaty_for_the_stated_years():
    last = np.full((3, 3), np.nan)
    shared = np.zeros((3, 3), bool)
    shared[0, 1] = shared[1, 0] = True
    for year in range(1954, 1960):  # the United States and Britain's pact of 1954-1959
        last = last_shared_year(last, shared, year)
    shared[:] = False
    for year in (1960, 2009, 2010):
        last = last_shared_year(last, shared, year)
    assert last[0, 1] == last[1, 0] == 1959.0 and np.isnan(last[0, 2])
    tie = {y: community_tie(shared, last, y, years=50.0) for y in (1960, 2009, 2010)}
    assert tie[1960][0, 1] and tie[2009][0, 1] and not tie[2010][0, 1]  # 50 years after 1959, not 51
    assert not tie[1960][0, 2]  # never shared: no tie
    assert not community_tie(shared, last, 1960, years=0.0)[0, 1]  # 0 years: only while the agreement is in force (the rule before)
    assert community_tie(np.array([True]), np.array([np.nan]), 1960, years=0.0).all()
    with pytest.raises(ValueError, match="years"):
        community_tie(shared, last, 1960, years=-1.0)
