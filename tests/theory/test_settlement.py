"""Tests of foedus.theory.settlement: the settlement value of neighbours whose war or rivalry has ended (Gibler 1996)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory.rivalry import war_history
from foedus.theory.settlement import (
    NEAR_KM,
    rivalry_memory,
    settlement_value,
    unsettled_relations,
)


def _pair(x: float) -> np.ndarray:
    return np.array([[0.0, x], [x, 0.0]])


NONE = np.zeros((2, 2), bool)


def test_a_pair_that_never_fought_nor_rivalled_has_nothing_to_settle():
    u = unsettled_relations(np.zeros((3, 3)), np.zeros((3, 3)), np.zeros((3, 3), bool), np.zeros((3, 3), bool))
    assert not u.any()


def test_nothing_is_settled_while_the_war_or_the_rivalry_goes_on():
    """Gibler's treaties follow the conflict: a pair at war, or still rivals, has a value of 0 however long its war."""
    w = _pair(5.0)
    assert unsettled_relations(w, _pair(1.0), ~NONE, NONE)[0, 1] == 0.0
    assert unsettled_relations(w, _pair(1.0), NONE, ~NONE)[0, 1] == 0.0
    assert unsettled_relations(w, _pair(1.0), NONE, NONE)[0, 1] > 0.99


def test_the_memory_of_an_ended_war_fades_at_the_war_memory_discount():
    """After the war the unsettled relations are 1 - exp(-W m^k): the war memory of theory.rivalry.war_history, k years on."""
    m = 0.8
    w = np.zeros((2, 2))
    for _ in range(3):  # a three-year war
        w = war_history(w, ~NONE, memory=m)
    got = []
    for k in range(1, 11):
        w = war_history(w, NONE, memory=m)
        got.append(float(unsettled_relations(w, np.zeros((2, 2)), NONE, NONE)[0, 1]))
    want = [1 - np.exp(-(1 + m + m * m) * m**k) for k in range(1, 11)]
    np.testing.assert_allclose(got, want, rtol=1e-12)
    assert all(np.diff(got) < 0)


def test_an_ended_rivalry_counts_as_a_year_of_war_ended_and_fades_alike():
    ended = _pair(1990.0)
    ended[0, 0] = ended[1, 1] = np.nan
    for k in range(6):
        r = rivalry_memory(1990 + k, ended, memory=0.8)
        assert r[0, 1] == pytest.approx(0.8**k)
        assert r[0, 0] == 0.0
    assert not rivalry_memory(2000, np.full((2, 2), np.nan), memory=0.8).any()
    with pytest.raises(ValueError, match="after"):
        rivalry_memory(1980, ended, memory=0.8)


def test_only_neighbours_settle():
    """Contiguous pairs and pairs with capitals within NEAR_KM keep their unsettled relations; distant ones have no border to settle."""
    u = np.full((4, 4), 0.5)
    np.fill_diagonal(u, 0.0)
    c = np.zeros((4, 4), bool)
    c[0, 1] = c[1, 0] = True
    d = np.full((4, 4), 5000.0)
    d[0, 2] = d[2, 0] = NEAR_KM - 1
    np.fill_diagonal(d, 0.0)
    s = settlement_value(u, c, d)
    assert s[0, 1] == s[0, 2] == 0.5
    assert s[0, 3] == s[1, 2] == s[2, 3] == 0.0
    with pytest.raises(ValueError):
        settlement_value(u + 1.0, c, d)


@settings(max_examples=50, deadline=None)
@given(st.integers(2, 6), st.integers(0, 10_000))
def test_the_value_is_symmetric_bounded_and_zero_on_the_diagonal(n, seed):
    rng = np.random.default_rng(seed)
    sym = lambda a: np.triu(a, 1) + np.triu(a, 1).T
    w, r = sym(rng.exponential(1.0, (n, n))), sym(rng.random((n, n)))
    war, riv = sym(rng.random((n, n)) < 0.2).astype(bool), sym(rng.random((n, n)) < 0.2).astype(bool)
    c, d = sym(rng.random((n, n)) < 0.5).astype(bool), sym(rng.uniform(0, 3000, (n, n)))
    s = settlement_value(unsettled_relations(w, r, war, riv), c, d)
    assert np.array_equal(s, s.T)
    assert (s >= 0).all() and (s < 1).all()
    assert not np.diag(s).any()
    assert not s[war | riv].any()
