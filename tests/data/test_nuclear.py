"""foedus.data.nuclear: the nuclear weapon states by year (Gartzke & Kroenig 2009)."""

import doctest

import numpy as np

from foedus.data import nuclear
from foedus.data.nuclear import NUCLEAR_WEAPON_STATES, nuclear_armed


def test_docstring_examples_run():
    assert doctest.testmod(nuclear, raise_on_error=False).failed == 0


def test_the_nuclear_club_by_year_as_gartzke_and_kroenig_date_it():
    """One state in 1946, the five of the NPT by 1964, ten states ever, nine armed after South Africa disarmed (1991)."""
    codes = np.array(sorted(NUCLEAR_WEAPON_STATES))
    count = lambda y: int(nuclear_armed(codes, y).sum())  # noqa: E731
    assert count(1944) == 0 and count(1946) == 1 and count(1950) == 2
    assert set(codes[nuclear_armed(codes, 1964)]) == {2, 365, 200, 220, 710}
    assert len(codes) == 10 and count(1990) == 9 and count(2000) == 8 and count(2010) == 9
    assert not nuclear_armed(560, 1992) and nuclear_armed(560, 1985)
    assert not nuclear_armed([255, 740, 0], 2022).any()  # Germany, Japan: never armed


def test_one_years_lookup_equals_the_broadcast_form():
    """The one-year path (a scalar year: the simulator's case) gives what the broadcast form gives with the year repeated, for
    every year of the table's changes and codes armed, never armed and disarmed (issue 16)."""
    codes = np.array([2, 365, 200, 220, 710, 666, 750, 560, 770, 731, 0, 1, 255, 999], dtype=np.int64)
    for y in range(1940, 2031):
        assert np.array_equal(nuclear_armed(codes, y), nuclear_armed(codes, np.full(len(codes), y))), y
    assert nuclear_armed(codes, 2000).dtype == bool and nuclear_armed(codes, 2000).shape == codes.shape
    assert nuclear_armed(2, 1950).shape == () and bool(nuclear_armed(2, 1950))
