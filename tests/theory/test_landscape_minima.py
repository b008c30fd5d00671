"""Finding the landscape's minima (brief H3; Axelrod & Bennett 1993): exact enumeration and annealing.

The exact search is checked against the naive enumeration of ``_naive_landscape``, written from
the paper's definitions, never against numbers copied from foedus's own output.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory.landscape import is_local_minimum, landscape_energy, random_landscape
from foedus.theory.landscape_minima import (
    EXACT_MAX_ACTORS,
    MAX_STORED_MINIMA,
    NUMPY_EXACT_MAX_ACTORS,
    landscape_exact,
    landscape_heuristic,
    landscape_search,
)

from ._naive_landscape import canon, integer_landscapes, naive_all_alignments, naive_descend, naive_landscape


# ---------------------------------------------------------------------------------------------
# Exact search against the naive enumeration
# ---------------------------------------------------------------------------------------------


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


@given(integer_landscapes(min_n=2, max_n=7), st.sampled_from(["frustration", "energy"]), st.booleans())
@settings(max_examples=60, deadline=None)
def test_exact_search_matches_naive_enumeration(inst, rule, compiled):
    s, P = inst
    X, E, local = naive_landscape(s, P)
    res = landscape_exact(s, P, rule=rule, compiled=compiled)
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


@pytest.mark.parametrize("compiled", [False, True])
def test_degenerate_landscape_counts_every_minimum_but_stores_the_cap(compiled):
    # zero propensities: nobody can lower its frustration, every alignment is a local minimum
    res = landscape_exact(np.ones(8), np.zeros((8, 8)), max_minima=10, compiled=compiled)
    assert res.n_local_minima == 2**7
    assert len(res.local_minima) == 10
    assert any("local minima exist" in note for note in res.notes)


# ---------------------------------------------------------------------------------------------
# The NumPy enumeration (small landscapes, no numba to load) against the compiled one
# ---------------------------------------------------------------------------------------------


def rated_landscape(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Integer strengths 1..100 and ratings 1..5 about a midpoint of 3, as benchmarks/landscape_vs_r.py draws them.

    Exact arithmetic and many ties, in energies and in the dynamics' choice of mover.
    """
    rng = np.random.default_rng([seed, n])
    upper = np.triu(rng.integers(1, 6, size=(n, n)), 1)
    P = (upper + upper.T) - 3.0
    np.fill_diagonal(P, 0.0)
    return rng.integers(1, 101, size=n).astype(float), P


def assert_same_search(a, b) -> None:
    """Two results of landscape_exact are the same: global minimum, every local minimum in order, basins."""
    assert canon(a.global_minimum.camps) == canon(b.global_minimum.camps)
    assert a.global_minimum.energy == b.global_minimum.energy
    assert a.n_local_minima == b.n_local_minima
    assert [canon(m.camps) for m in a.local_minima] == [canon(m.camps) for m in b.local_minima]
    assert [m.energy for m in a.local_minima] == [m.energy for m in b.local_minima]
    assert [m.basin_size for m in a.local_minima] == [m.basin_size for m in b.local_minima]
    assert a.notes == b.notes


@pytest.mark.parametrize("rule", ["frustration", "energy"])
@pytest.mark.parametrize("kind", ["real", "rated"])
@pytest.mark.parametrize("n", [2, 3, 5, 9, 13, 14, 17, 18])
def test_numpy_enumeration_finds_what_the_compiled_one_finds(n, kind, rule):
    # 17 and 18 actors span several NumPy blocks of 2**15 alignments
    for seed in range(3):
        s, P = random_landscape(n, seed=seed) if kind == "real" else rated_landscape(n, seed)
        for cap in (MAX_STORED_MINIMA, 3):
            assert_same_search(
                landscape_exact(s, P, rule=rule, max_minima=cap, compiled=False),
                landscape_exact(s, P, rule=rule, max_minima=cap, compiled=True),
            )


@given(integer_landscapes(min_n=2, max_n=9), st.sampled_from(["frustration", "energy"]))
@settings(max_examples=60, deadline=None)
def test_numpy_and_compiled_enumerations_agree_on_ties(inst, rule):
    s, P = inst
    assert_same_search(landscape_exact(s, P, rule=rule, compiled=False), landscape_exact(s, P, rule=rule, compiled=True))


def test_the_default_enumeration_on_either_side_of_the_numpy_limit():
    # the default is the NumPy path up to the limit (whose imports tests/cli/test_startup.py
    # checks), the compiled one beyond
    s, P = rated_landscape(NUMPY_EXACT_MAX_ACTORS, seed=0)
    assert_same_search(landscape_exact(s, P), landscape_exact(s, P, compiled=False))
    s, P = random_landscape(NUMPY_EXACT_MAX_ACTORS + 1, seed=0)
    assert_same_search(landscape_exact(s, P, basins=False), landscape_exact(s, P, basins=False, compiled=True))


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
