"""Structural balance (brief H3; Heider 1946; Cartwright & Harary 1956; Harary 1959).

Known results checked: a two-camp graph has no unbalanced triad and frustration index 0; the
all-hostile complete graph K_n has C(n,3) unbalanced triads and frustration index
C(floor(n/2), 2) + C(ceil(n/2), 2); the frustration index is invariant under switching a node
(negating all its ties; Harary 1959, Zaslavsky 1982); brute-force enumeration on small graphs.
"""

from __future__ import annotations

import itertools
from math import comb

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory.balance import (
    balance_partition,
    frustration_index,
    is_balanced,
    signed_matrix,
    triad_census,
)


@st.composite
def signed_graphs(draw, min_n=3, max_n=9):
    n = draw(st.integers(min_n, max_n))
    upper = draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    S = np.zeros((n, n), dtype=np.int64)
    S[np.triu_indices(n, 1)] = upper
    return S + S.T


def naive_census(S):
    k = [0, 0, 0, 0]
    for a, b, c in itertools.combinations(range(S.shape[0]), 3):
        if S[a, b] and S[a, c] and S[b, c]:
            k[int(S[a, b] < 0) + int(S[a, c] < 0) + int(S[b, c] < 0)] += 1
    return tuple(k)


def naive_frustration_index(S):
    n = S.shape[0]
    ties = [(a, b) for a in range(n) for b in range(a + 1, n) if S[a, b]]
    best = len(ties)
    for x in itertools.product((0, 1), repeat=n - 1):
        x = (0,) + x
        best = min(best, sum((S[a, b] > 0) != (x[a] == x[b]) for a, b in ties))
    return best


def two_camp_graph(camps, mask):
    sig = 1 - 2 * np.asarray(camps)
    S = np.outer(sig, sig) * mask
    np.fill_diagonal(S, 0)
    return S


@given(st.lists(st.integers(0, 1), min_size=3, max_size=12), st.data())
@settings(max_examples=40, deadline=None)
def test_two_camp_graph_is_balanced(camps, data):
    n = len(camps)
    upper = data.draw(st.lists(st.booleans(), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    mask = np.zeros((n, n), dtype=np.int64)
    mask[np.triu_indices(n, 1)] = upper
    S = two_camp_graph(camps, mask + mask.T)
    cen = triad_census(S)
    assert cen.unbalanced == 0
    assert cen.by_hostile_ties[1] == cen.by_hostile_ties[3] == 0
    assert is_balanced(S)
    bp = balance_partition(S)
    assert bp.frustration_index == 0 and bp.proven_optimal
    assert bp.violated_edges.shape == (0, 2)


def test_complete_two_camp_graph_recovers_the_camps():
    camps = np.array([0, 1, 1, 0, 1, 0, 0])
    S = two_camp_graph(camps, np.ones((7, 7), dtype=int))
    bp = balance_partition(S)
    np.testing.assert_array_equal(bp.camps, camps)  # actor 0 is in camp 0 on both sides
    n0, n1 = 4, 3
    assert triad_census(S).balanced == comb(7, 3)
    assert triad_census(S).by_hostile_ties == (comb(n0, 3) + comb(n1, 3), 0, comb(n0, 2) * n1 + comb(n1, 2) * n0, 0)


@pytest.mark.parametrize("n", [3, 4, 5, 6, 9])
def test_all_hostile_complete_graph(n):
    S = -(np.ones((n, n), dtype=int) - np.eye(n, dtype=int))
    cen = triad_census(S)
    assert cen.by_hostile_ties == (0, 0, 0, comb(n, 3))
    assert cen.unbalanced == comb(n, 3)
    # best split: two halves; hostile ties inside them are the violations
    assert frustration_index(S) == comb(n // 2, 2) + comb(n - n // 2, 2)


@given(signed_graphs())
@settings(max_examples=50, deadline=None)
def test_census_and_frustration_match_brute_force(S):
    cen = triad_census(S)
    assert cen.by_hostile_ties == naive_census(S)
    assert cen.balanced + cen.unbalanced == sum(cen.by_hostile_ties)
    bp = balance_partition(S)
    assert bp.proven_optimal
    assert bp.frustration_index == naive_frustration_index(S)
    assert is_balanced(S) == (bp.frustration_index == 0)


@given(signed_graphs(max_n=10))
@settings(max_examples=40, deadline=None)
def test_reversing_the_violated_ties_balances_the_graph(S):
    bp = balance_partition(S)
    T = S.copy()
    for i, j in bp.violated_edges:
        T[i, j] = T[j, i] = -T[i, j]
    assert is_balanced(T)
    assert triad_census(T).unbalanced == 0


@given(signed_graphs(max_n=10), st.data())
@settings(max_examples=40, deadline=None)
def test_frustration_index_invariant_under_switching(S, data):
    v = data.draw(st.integers(0, S.shape[0] - 1))
    T = S.copy()
    T[v, :] *= -1
    T[:, v] *= -1
    assert frustration_index(T) == frustration_index(S)


def test_components_solved_separately_and_exactly():
    # two disjoint all-hostile K_5: each needs 4 reversals
    K = -(np.ones((5, 5), dtype=int) - np.eye(5, dtype=int))
    S = np.block([[K, np.zeros((5, 5), int)], [np.zeros((5, 5), int), K]])
    bp = balance_partition(S, exact_max_nodes=6)
    assert bp.frustration_index == 8 and bp.proven_optimal and bp.method == "exact"


def test_heuristic_on_planted_partition():
    rng = np.random.default_rng(5)
    n = 60
    camps = rng.integers(0, 2, n)
    S = two_camp_graph(camps, np.ones((n, n), dtype=int))
    # reverse 5 ties: the planted split violates exactly those 5, so the index is at most 5
    iu = np.transpose(np.triu_indices(n, 1))
    flips = iu[rng.choice(len(iu), 5, replace=False)]
    for i, j in flips:
        S[i, j] = S[j, i] = -S[i, j]
    bp = balance_partition(S, seed=0)
    assert bp.method == "heuristic" and not bp.proven_optimal
    assert bp.frustration_index <= 5
    assert bp.frustration_index == len(bp.violated_edges)


def test_networkx_input_and_validation():
    G = nx.Graph()
    G.add_edge("a", "b", sign=1)
    G.add_edge("b", "c", sign=-1)
    G.add_edge("a", "c", sign=-1)
    assert is_balanced(G)
    G.add_edge("a", "c", sign=1)
    assert frustration_index(G) == 1
    with pytest.raises(ValueError, match="symmetric|undirected"):
        signed_matrix([[0, 1], [-1, 0]])
    with pytest.raises(ValueError, match="self-loop"):
        signed_matrix([[1, 0], [0, 0]])
    with pytest.raises(ValueError, match="-1"):
        signed_matrix([[0, 2], [2, 0]])


def test_exact_method_refuses_components_too_large_to_enumerate():
    S = -(np.ones((31, 31), dtype=int) - np.eye(31, dtype=int))
    with pytest.raises(ValueError, match="too large for exact search"):
        balance_partition(S, method="exact")
