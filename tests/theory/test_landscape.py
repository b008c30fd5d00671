"""Landscape theory of aggregation (brief H3; Axelrod & Bennett 1993).

The exact search is checked against a naive, independent enumeration written here from the
paper's definitions (explicit d_ij, integer arithmetic, brute-force single switches and a plain
Python walk of the dynamics), never against numbers copied from foedus's own output.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory.landscape import (
    EXACT_MAX_ACTORS,
    descend,
    frustration,
    is_local_minimum,
    landscape_energy,
    landscape_exact,
    landscape_heuristic,
    landscape_search,
    propensity_from_ratings,
    random_landscape,
)

# ---------------------------------------------------------------------------------------------
# A naive reference, straight from the definitions
# ---------------------------------------------------------------------------------------------


def naive_all_alignments(n: int) -> np.ndarray:
    """All 2**(n-1) configurations with actor 0 in camp 0, shape (2**(n-1), n)."""
    rest = np.array(list(itertools.product((0, 1), repeat=n - 1)), dtype=np.int64).reshape(-1, n - 1)
    return np.hstack([np.zeros((rest.shape[0], 1), dtype=np.int64), rest])


def naive_frustration(s, P, x) -> np.ndarray:
    n = len(s)
    return np.array([sum(s[j] * P[i][j] * (x[i] != x[j]) for j in range(n) if j != i) for i in range(n)])


def naive_energy(s, P, x):
    n = len(s)
    return sum(s[i] * s[j] * P[i][j] * (x[i] != x[j]) for i in range(n) for j in range(n) if i != j)


def naive_landscape(s, P):
    """Energies, local-minimum flags of every alignment, by brute force (exact for integers)."""
    X = naive_all_alignments(len(s))
    E = np.array([naive_energy(s, P, x) for x in X])
    local = []
    for x in X:
        F = naive_frustration(s, P, x)
        ok = True
        for k in range(len(s)):
            y = x.copy()
            y[k] ^= 1
            if naive_frustration(s, P, y)[k] < F[k]:
                ok = False
                break
        local.append(ok)
    return X, E, np.array(local)


def naive_descend(s, P, x, rule):
    """Walk the deterministic dynamics by recomputing frustrations from scratch."""
    x = np.array(x)
    while True:
        F = naive_frustration(s, P, x)
        best, best_k = 0, -1
        for k in range(len(s)):
            y = x.copy()
            y[k] ^= 1
            gain = F[k] - naive_frustration(s, P, y)[k]
            score = gain * (s[k] if rule == "energy" else 1)
            if gain > 0 and (best_k < 0 or score > best):
                best, best_k = score, k
        if best_k < 0:
            return x
        x[best_k] ^= 1


def canon(x) -> tuple:
    x = np.asarray(x)
    return tuple(int(v) for v in (x ^ x[0]))


@st.composite
def integer_landscapes(draw, min_n=2, max_n=8):
    """Integer sizes and symmetric integer propensities: exact arithmetic, ties included."""
    n = draw(st.integers(min_n, max_n))
    sizes = draw(st.lists(st.integers(1, 5), min_size=n, max_size=n))
    upper = draw(st.lists(st.integers(-3, 3), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    P = np.zeros((n, n), dtype=np.int64)
    P[np.triu_indices(n, 1)] = upper
    return np.array(sizes, dtype=np.int64), P + P.T


# ---------------------------------------------------------------------------------------------
# Definitions
# ---------------------------------------------------------------------------------------------


def test_two_friends_apart_count_twice():
    # one unordered pair, both ordered pairs counted: E = 2 * s1 * s2 * p
    assert landscape_energy([2.0, 3.0], [[0, 0.5], [0.5, 0]], [0, 1]) == pytest.approx(6.0)
    assert landscape_energy([2.0, 3.0], [[0, 0.5], [0.5, 0]], [1, 1]) == 0.0


def test_two_hostile_blocs_analytic_minimum():
    # blocs X, Y: +1 inside, -1 across; the minimum separates them with E = -2 sum_{X x Y} s_i s_j
    s = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    bloc = np.array([0, 0, 0, 1, 1])
    P = np.where(bloc[:, None] == bloc[None, :], 1.0, -1.0)
    res = landscape_exact(s, P)
    assert canon(res.global_minimum.camps) == (0, 0, 0, 1, 1)
    assert res.global_minimum.energy == pytest.approx(-2 * (1 + 2 + 3) * (4 + 5))
    # frustration at the minimum: only hostile partners sit across, F_i = -(their total size)
    np.testing.assert_allclose(res.frustration, [-9, -9, -9, -6, -6])
    assert res.proven_optimal and res.method == "exact"


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
# Exact search against the naive enumeration
# ---------------------------------------------------------------------------------------------


@given(integer_landscapes(min_n=2, max_n=7), st.sampled_from(["frustration", "energy"]))
@settings(max_examples=40, deadline=None)
def test_exact_search_matches_naive_enumeration(inst, rule):
    s, P = inst
    X, E, local = naive_landscape(s, P)
    res = landscape_exact(s, P, rule=rule)
    assert res.global_minimum.energy == pytest.approx(E.min())
    found = {canon(m.camps): m for m in res.local_minima}
    expected = {canon(x) for x in X[local]}
    assert set(found) == expected
    assert res.n_local_minima == len(expected)
    for key, m in found.items():
        assert m.energy == pytest.approx(E[[canon(x) == key for x in X]][0])
    # basins: walk the dynamics from every alignment by hand
    ends = [canon(naive_descend(s, P, x, rule)) for x in X]
    for key, m in found.items():
        assert m.basin_size == ends.count(key)
    assert sum(m.basin_size for m in res.local_minima) == len(X)


@pytest.mark.parametrize("seed", range(4))
def test_exact_search_matches_naive_on_random_real_instances(seed):
    s, P = random_landscape(10, seed=seed)
    X = naive_all_alignments(10)
    E = landscape_energy(s, P, X)
    local = np.array([is_local_minimum(s, P, x) for x in X])
    res = landscape_exact(s, P)
    assert res.global_minimum.energy == pytest.approx(E.min())
    assert {canon(m.camps) for m in res.local_minima} == {canon(x) for x in X[local]}
    np.testing.assert_allclose(sorted(m.energy for m in res.local_minima), np.sort(E[local]))
    # local minima are ordered by energy, and the first is the global minimum
    energies = [m.energy for m in res.local_minima]
    assert energies == sorted(energies)
    assert canon(res.local_minima[0].camps) == canon(res.global_minimum.camps)


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


def test_degenerate_landscape_counts_every_minimum_but_stores_the_cap():
    # zero propensities: nobody can lower its frustration, every alignment is a local minimum
    res = landscape_exact(np.ones(8), np.zeros((8, 8)), max_minima=10)
    assert res.n_local_minima == 2**7
    assert len(res.local_minima) == 10
    assert any("local minima exist" in note for note in res.notes)


def test_basins_skipped_above_the_limit_and_said_so():
    s, P = random_landscape(12, seed=1)
    res = landscape_exact(s, P, basin_max_actors=10)
    assert not res.basins_computed
    assert all(m.basin_size is None for m in res.local_minima)
    assert any("basins of attraction not computed" in note for note in res.notes)


# ---------------------------------------------------------------------------------------------
# Heuristic
# ---------------------------------------------------------------------------------------------


def test_heuristic_finds_the_exact_optimum_on_random_instances():
    hits = 0
    for k in range(10):
        n = 14 + k % 5
        s, P = random_landscape(n, seed=100 + k)
        exact = landscape_exact(s, P, basins=False)
        heur = landscape_heuristic(s, P, seed=k, restarts=16)
        assert not heur.proven_optimal and heur.method == "heuristic"
        assert heur.global_minimum.energy >= exact.global_minimum.energy - 1e-9
        hits += heur.global_minimum.energy <= exact.global_minimum.energy + 1e-9
    assert hits >= 9


def test_heuristic_large_instance_ends_in_local_minima_and_is_reproducible():
    s, P = random_landscape(60, seed=3)
    a = landscape_heuristic(s, P, seed=11, restarts=8)
    b = landscape_heuristic(s, P, seed=11, restarts=8)
    assert a.global_minimum.energy == b.global_minimum.energy
    np.testing.assert_array_equal(a.global_minimum.camps, b.global_minimum.camps)
    for m in a.local_minima:
        assert is_local_minimum(s, P, m.camps)
        assert m.energy == pytest.approx(landscape_energy(s, P, m.camps))
    assert sum(m.restarts for m in a.local_minima) == 8
    assert all(m.basin_size is None for m in a.local_minima)
    assert any("not proven" in note for note in a.notes)


def test_search_picks_exact_then_heuristic():
    s, P = random_landscape(8, seed=0)
    assert landscape_search(s, P).method == "exact"
    s, P = random_landscape(40, seed=0)
    assert landscape_search(s, P, restarts=4).method == "heuristic"


# ---------------------------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sizes, P, match",
    [
        ([1, 1, 1], [[0, 1, 2], [1, 0, 1], [2, 1, 0]], None),
        ([1, 1, 1], [[0, 1, 2], [1, 0, 1], [0, 1, 0]], "symmetric"),
        ([1, 0, 1], np.zeros((3, 3)), "positive"),
        ([1, 1, 1], np.zeros((3, 2)), "square"),
        ([1, 1, 1], [[0, np.nan, 0], [np.nan, 0, 0], [0, 0, 0]], "finite"),
        ([1], np.zeros((1, 1)), "at least 2"),
    ],
)
def test_input_validation(sizes, P, match):
    if match is None:
        landscape_exact(sizes, P)
        return
    with pytest.raises(ValueError, match=match):
        landscape_exact(sizes, P)


def test_exact_refuses_beyond_its_limit():
    s, P = random_landscape(EXACT_MAX_ACTORS + 1, seed=0)
    with pytest.raises(ValueError, match="landscape_heuristic"):
        landscape_exact(s, P)


def test_bad_camps_and_rule():
    with pytest.raises(ValueError, match="camp labels"):
        landscape_energy([1, 1], [[0, 1], [1, 0]], [0, 2])
    with pytest.raises(ValueError, match="rule"):
        landscape_exact([1, 1], [[0, 1], [1, 0]], rule="fastest")
