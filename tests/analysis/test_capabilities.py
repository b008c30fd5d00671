"""State attributes over the whole window: the two gap-filling rules of foedus.analysis.capabilities."""

from __future__ import annotations

import pytest

from foedus.analysis.capabilities import state_attributes, state_years_filled, system_members, system_years


def test_1815_takes_the_capabilities_of_1816(record):
    """ATOP starts in 1815, COW NMC in 1816 (Singer, Bremer & Stuckey 1972)."""
    f = state_years_filled(record)
    y1815 = f[f["year"] == 1815].set_index("ccode")
    y1816 = f[f["year"] == 1816].set_index("ccode")
    assert y1815["imputed"].all() and not y1816["imputed"].any()
    assert y1815["cinc"].equals(y1816["cinc"])


def test_cow_major_powers_of_2016_are_carried_to_2018(record):
    """The COW major-power list v2016 ends in 2016; ATOP runs to 2018."""
    f = state_years_filled(record)
    majors = {y: set(f.loc[(f["year"] == y) & f["major"], "ccode"]) for y in (2016, 2017, 2018)}
    assert majors[2016] == {2, 200, 220, 255, 365, 710, 740}  # COW v2016: USA, UK, France, Germany, Russia, China, Japan
    assert majors[2017] == majors[2018] == majors[2016]
    late = f[(f["year"] > 2016) & f["major"]]
    assert late["imputed"].all()
    assert not f.loc[(f["year"] == 2016) & f["major"], "imputed"].any()


def test_system_members_follow_cow_spells(record):
    assert 255 in system_members(record, 1914) and 255 not in system_members(record, 1950)  # Germany 1816-1945, 1990-
    assert 260 in system_members(record, 1960)  # German Federal Republic 1955-1990
    sy = system_years(record)
    assert set(sy.loc[sy["year"] == 1960, "ccode"]) == set(system_members(record, 1960))


def test_state_attributes_of_a_year(record):
    a = state_attributes(record, 1960, extra=[8152])
    assert a.loc[2, "abb"] == "USA" and a.loc[2, "major"] and a.loc[2, "system"]
    assert a.loc[2, "tier"] == "superpower" and a.loc[2, "cinc"] == pytest.approx(
        record.state_years.query("ccode == 2 and year == 1960")["cinc"].item()
    )
    assert not a.loc[8152, "system"] and a.loc[8152, "abb"] == "8152" and a.loc[8152, "tier"] == "secondary"
