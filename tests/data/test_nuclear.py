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
