"""The sparse search of ``balance_partition`` on components too large for the dense one (issue 13).

Above ``SPARSE_MIN_NODES`` actors a component is annealed on its ties alone
(:mod:`foedus.theory.balance_kernels`): 2,000 actors in about 2 s, where the dense search took
34-200 s (``benchmarks/balance.py``). It must keep the dense search's guarantees: a local
minimum, no worse than a planted split, the same answer for the same seed; and the sparse triad
census must count what the dense trace formula counts.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.balance import SPARSE_MIN_NODES, _violations, balance_partition, triad_census


def planted(n: int, edges: int, flips: int, seed: int) -> tuple[np.ndarray, int]:
    """A connected sparse signed network whose planted two-camp split violates exactly ``flips`` ties."""
    rng = np.random.default_rng(seed)
    camps = rng.integers(0, 2, n)
    S = np.zeros((n, n), dtype=np.int8)
    order = rng.permutation(n)
    pairs = {tuple(sorted((int(a), int(b)))) for a, b in zip(order[:-1], order[1:])}  # a path: one component
    while len(pairs) < edges:
        a, b = sorted(rng.choice(n, 2, replace=False).tolist())
        pairs.add((a, b))
    pairs = sorted(pairs)
    for k, (a, b) in enumerate(pairs):
        S[a, b] = S[b, a] = 1 if camps[a] == camps[b] else -1
    for k in rng.choice(len(pairs), flips, replace=False):
        a, b = pairs[k]
        S[a, b] = S[b, a] = -S[a, b]
    return S, flips


def test_the_sparse_search_meets_the_planted_split_and_ends_at_a_local_minimum():
    n = SPARSE_MIN_NODES + 200
    S, flips = planted(n, 3 * n, 40, seed=3)
    bp = balance_partition(S, seed=0)
    assert bp.method == "heuristic" and not bp.proven_optimal
    assert 0 < bp.frustration_index <= flips and bp.frustration_index == len(_violations(S, bp.camps))
    # a local minimum: no single actor's switch removes violated ties
    x = 1 - 2 * bp.camps.astype(np.int64)
    assert np.all(x * (S.astype(np.int64) @ x) >= 0)
    again = balance_partition(S, seed=0)
    assert np.array_equal(again.camps, bp.camps)  # same seed, same split


def test_the_sparse_census_counts_what_the_dense_traces_count():
    rng = np.random.default_rng(8)
    n = 60
    S = rng.choice([-1, 0, 0, 1], size=(n, n)).astype(np.int8)
    S = np.triu(S, 1)
    S = S + S.T
    F, H = (S > 0).astype(float), (S < 0).astype(float)
    dense = [np.trace(F @ F @ F) / 6, np.trace(H @ F @ F) / 2, np.trace(F @ H @ H) / 2, np.trace(H @ H @ H) / 6]
    assert triad_census(S).by_hostile_ties == tuple(int(round(v)) for v in dense)
