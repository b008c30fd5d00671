"""A naive landscape (Axelrod & Bennett 1993), straight from the paper's definitions.

Explicit d_ij, integer arithmetic, brute-force single switches and a plain Python walk of the
dynamics: the tests of :mod:`foedus.theory.landscape` and :mod:`foedus.theory.landscape_minima`
check foedus against this, never against numbers copied from foedus's own output.
"""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import strategies as st


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
