"""Tests of foedus.theory.new_states: a new state's tie to its former ruler (Lake 2009; newstate17, issue 17 item 5)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.data.succession import FORMER_RULER, ruler_pairs
from foedus.theory.new_states import former_ruler_sphere, former_ruler_tie


def test_the_tie_holds_in_the_window_only_and_only_between_ruler_and_ruled():
    """T = r [0 <= a < Y]: France (1816) and Mali (1960) are tied 1960-1969 and not from 1970 (Y = 10); Mali and Senegal (both
    new, never one's ruler) never; the diagonal is 0 and the matrix symmetric."""
    codes = [220, 432, 433]  # France, Mali, Senegal
    r = ruler_pairs(codes)
    assert r[0, 1] and r[0, 2] and not r[1, 2]
    entered = [1816, 1960, 1960]
    for year in (1960, 1965, 1969):
        t = former_ruler_tie(year, entered, r, years=10)
        assert t.tolist() == [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    assert not former_ruler_tie(1970, entered, r, years=10).any()
    assert not former_ruler_tie(1965, entered, r, years=0).any()  # no window: no tie


def test_a_state_in_the_list_since_its_first_year_is_never_new():
    """Two states in the system since 1816 (censoring, not birth: Greece is coded with the Ottoman Empire as its ruler, but
    its entry is 1828) are never tied by the start of the list: the tie needs the younger side's entry."""
    r = np.array([[0, 1], [1, 0]], bool)
    assert not former_ruler_tie(1820, [1816, 1816], r, years=10).any()
    assert former_ruler_tie(1830, [1816, 1828], r, years=10)[0, 1] == 1.0


def test_the_rulers_join_the_colonial_metropoles_and_the_states_seceded_from():
    """ruler_pairs reads both the colonial table (FORMER_RULER: India and Britain) and the record's secessions (Ukraine,
    Kazakhstan and the Baltic states with Russia; Croatia with Serbia), symmetric, nothing else."""
    codes = [365, 369, 705, 366, 367, 368, 344, 345, 750, 200, 2]
    r = ruler_pairs(codes)
    assert (r == r.T).all() and not r.diagonal().any()
    russia, serbia, india, uk, usa = 0, 7, 8, 9, 10
    assert r[russia, [1, 2, 3, 4, 5]].all() and r[serbia, 6] and r[india, uk]
    assert not r[usa].any() and not r[1, 2]
    assert r.sum() == 2 * 7
    assert FORMER_RULER[750] == 200


def test_bad_input_is_rejected_with_a_clear_error():
    with pytest.raises(ValueError, match="years"):
        former_ruler_tie(1990, [1816, 1960], np.zeros((2, 2), bool), years=-1)
    with pytest.raises(ValueError, match="ruler"):
        former_ruler_tie(1990, [1816, 1960], np.zeros((3, 3), bool), years=10)


def test_the_tie_grows_with_the_territorial_integrity_norm():
    """T = n r [a < Y] with n renunciation_of_war(year) (Zacher 2001): Greece (1828) and the Ottoman Empire have no tie in 1830
    (no instrument in force: independence won by war, as in the record's 1816-1914, 4.1 per 1,000 against 33.2 in 1946-1989);
    a tie of one third under the Covenant alone; the whole of it under the Charter."""
    from foedus.theory.renunciation import renunciation_of_war

    r = ruler_pairs([640, 350])
    assert not former_ruler_tie(1830, [1816, 1828], r, years=10, norm=float(renunciation_of_war(1830))).any()
    assert former_ruler_tie(1925, [1816, 1920], r, years=10, norm=float(renunciation_of_war(1925)))[0, 1] == pytest.approx(1 / 3)
    assert former_ruler_tie(1950, [1816, 1945], r, years=10, norm=float(renunciation_of_war(1950)))[0, 1] == 1.0
    with pytest.raises(ValueError, match="norm"):
        former_ruler_tie(1950, [1816, 1945], r, years=10, norm=1.5)


def test_the_sphere_is_the_former_rulers_side_of_the_tie():
    """S = T [e_i < e_j] [near] (Lake 2009, ch. 2: the sphere of influence is the dominant state's good, in its neighbourhood):
    Russia's row keeps its ties to Ukraine (1991) and Kazakhstan (1991), theirs hold none; an untied pair has none; the tie's value
    passes whole; with the neighbours given, only the neighbour's."""
    r = ruler_pairs([365, 369, 705])
    t = 0.2 * former_ruler_tie(1995, [1816, 1991, 1991], r, years=10)
    s = former_ruler_sphere(t, [1816, 1991, 1991])
    assert s.tolist() == [[0.0, 0.2, 0.2], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert (s + s.T == t).all()  # the two sides of a pair of different entries: one of them holds the tie
    assert not former_ruler_sphere(np.zeros((3, 3)), [1816, 1991, 1991]).any()
    near = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], bool)  # Ukraine borders Russia; (here) Kazakhstan does not
    assert former_ruler_sphere(t, [1816, 1991, 1991], near).tolist() == [[0.0, 0.2, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    with pytest.raises(ValueError, match="near"):
        former_ruler_sphere(t, [1816, 1991, 1991], near[:2, :2])
    with pytest.raises(ValueError, match="tie"):
        former_ruler_sphere(np.zeros((2, 2)), [1816, 1991, 1991])
    with pytest.raises(ValueError, match=">= 0"):
        former_ruler_sphere(-t, [1816, 1991, 1991])
