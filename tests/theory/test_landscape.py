"""Landscape theory of aggregation (brief H3; Axelrod & Bennett 1993): energy, frustration, dynamics.

Checked against the naive reference of ``_naive_landscape``, written from the paper's
definitions, never against numbers copied from foedus's own output.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory.landscape import (
    descend,
    frustration,
    is_local_minimum,
    landscape_energy,
    propensity_from_ratings,
    random_landscape,
)
from foedus.theory.landscape_minima import landscape_exact

from ._naive_landscape import canon, integer_landscapes, naive_all_alignments, naive_energy, naive_frustration


# ---------------------------------------------------------------------------------------------
# Definitions
# ---------------------------------------------------------------------------------------------


def test_two_friends_apart_count_twice():
    # one unordered pair, both ordered pairs counted: E = 2 * s1 * s2 * p
    assert landscape_energy([2.0, 3.0], [[0, 0.5], [0.5, 0]], [0, 1]) == pytest.approx(6.0)
    assert landscape_energy([2.0, 3.0], [[0, 0.5], [0.5, 0]], [1, 1]) == 0.0


@given(integer_landscapes())
@settings(max_examples=40, deadline=None)
def test_energy_and_frustration_match_definitions(inst):
    s, P = inst
    X = naive_all_alignments(len(s))
    E = landscape_energy(s, P, X)
    F = frustration(s, P, X)
    for x, e, f in zip(X, E, F):
        assert e == pytest.approx(naive_energy(s, P, x))
        np.testing.assert_allclose(f, naive_frustration(s, P, x))
        # E = sum_i s_i F_i (Axelrod & Bennett 1993)
        assert e == pytest.approx(float(np.dot(s, f)))


@given(integer_landscapes(), st.data())
@settings(max_examples=40, deadline=None)
def test_energy_unchanged_when_camps_swap(inst, data):
    s, P = inst
    x = np.array(data.draw(st.lists(st.integers(0, 1), min_size=len(s), max_size=len(s))))
    assert landscape_energy(s, P, x) == landscape_energy(s, P, 1 - x)
    np.testing.assert_array_equal(frustration(s, P, x), frustration(s, P, 1 - x))


@given(integer_landscapes(), st.data())
@settings(max_examples=40, deadline=None)
def test_switch_changes_energy_by_twice_size_times_frustration(inst, data):
    # Axelrod & Bennett (1993), note 2: with symmetric propensities dE = 2 s_k dF_k
    s, P = inst
    x = np.array(data.draw(st.lists(st.integers(0, 1), min_size=len(s), max_size=len(s))))
    k = data.draw(st.integers(0, len(s) - 1))
    y = x.copy()
    y[k] ^= 1
    dE = landscape_energy(s, P, y) - landscape_energy(s, P, x)
    dF = frustration(s, P, y)[k] - frustration(s, P, x)[k]
    assert dE == pytest.approx(2 * s[k] * dF)


def test_propensity_from_ratings_shifts_by_midpoint():
    R = np.array([[9, 6, 1], [6, 9, 4], [1, 4, 9]])
    P = propensity_from_ratings(R, midpoint=4)
    np.testing.assert_array_equal(P, [[0, 2, -3], [2, 0, 0], [-3, 0, 0]])


# ---------------------------------------------------------------------------------------------
# Dynamics
# ---------------------------------------------------------------------------------------------


def test_descend_agrees_with_exact_basins():
    s, P = random_landscape(9, seed=7)
    res = landscape_exact(s, P, rule="energy")
    X = naive_all_alignments(9)
    counts = {}
    for x in X:
        final, steps = descend(s, P, x, rule="energy")
        assert is_local_minimum(s, P, final)
        assert steps >= 0
        counts[canon(final)] = counts.get(canon(final), 0) + 1
    assert counts == {canon(m.camps): m.basin_size for m in res.local_minima}


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


def test_bad_camps_and_rule():
    with pytest.raises(ValueError, match="camp labels"):
        landscape_energy([1, 1], [[0, 1], [1, 0]], [0, 2])
    with pytest.raises(ValueError, match="rule"):
        landscape_exact([1, 1], [[0, 1], [1, 0]], rule="fastest")
