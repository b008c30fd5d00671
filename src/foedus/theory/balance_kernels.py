"""Compiled (numba) kernel of the frustration-index search on sparse signed networks (brief H3).

The model is :mod:`foedus.theory.balance`: a two-camp split ``sigma_i = +1 / -1`` violates the
tie ``i-j`` of sign ``S_ij`` when ``S_ij sigma_i sigma_j = -1``; with the local field
``h_i = sum_j S_ij sigma_j``, switching ``i`` changes the number of violated ties by
``sigma_i h_i`` (the landscape energy of unit sizes with the signs as propensities changes by
twice that, as in :mod:`foedus.theory.landscape_kernels`). The search is the same multi-start
simulated annealing as :func:`foedus.theory.landscape_minima.landscape_heuristic` (Metropolis
single switches, geometric cooling, then a descent to a local minimum), but a switch updates
only the fields of the actor's neighbours, read from the network in compressed sparse rows: a
sweep costs ``O(n + accepted switches x degree)`` instead of ``O(n + accepted switches x n)``,
which is what lets networks of thousands of actors be searched in seconds.

It lives apart from :mod:`foedus.theory.balance` so that importing the model does not import
numba; it is cached on disk (``cache=True``) like the landscape kernels.
"""

import numpy as np
from numba import njit


@njit(cache=True)
def _sparse_descend(indptr, indices, signs, sigma, h):
    """Switch actors whose switch removes violated ties (lowest index first, repeatedly) until none does."""
    n = sigma.shape[0]
    moved = True
    while moved:
        moved = False
        for i in range(n):
            if sigma[i] * h[i] < 0.0:
                sigma[i] = -sigma[i]
                c = 2.0 * sigma[i]
                for k in range(indptr[i], indptr[i + 1]):
                    h[indices[k]] += c * signs[k]
                moved = True


@njit(cache=True)
def sparse_anneal_runs(indptr, indices, signs, seeds, sweeps, T0, T1):
    """Per seed: a random split, Metropolis annealing on the violated ties, then the descent; camps (0/1) per run.

    Parameters
    ----------
    indptr, indices, signs
        The symmetric signed network in compressed sparse rows (``signs`` as float64, +-1).
    seeds : int64 array
        One run per seed (its own random stream).
    sweeps : int
        Sweeps of ``n`` proposed switches per run.
    T0, T1 : float
        First and last temperature of the geometric cooling, in violated ties.

    Returns
    -------
    int8 array, shape (runs, n)
        Camp of each actor (actor 0 in camp 0) at the end of each run, a local minimum.
    """
    n = indptr.shape[0] - 1
    R = seeds.shape[0]
    final = np.empty((R, n), np.int8)
    ratio = T1 / T0
    for r in range(R):
        np.random.seed(seeds[r])
        sigma = np.empty(n)
        for i in range(n):
            sigma[i] = 1.0 if np.random.random() < 0.5 else -1.0
        h = np.zeros(n)
        for i in range(n):
            for k in range(indptr[i], indptr[i + 1]):
                h[i] += signs[k] * sigma[indices[k]]
        for sw in range(sweeps):
            T = T0 * ratio ** (sw / max(sweeps - 1, 1))
            for i in range(n):
                d = sigma[i] * h[i]  # change in violated ties if i switched
                # a switch that adds more than 40 T violated ties has a chance below e^-40: refused without a draw
                if d <= 0.0 or (d < 40.0 * T and np.random.random() < np.exp(-d / T)):
                    sigma[i] = -sigma[i]
                    c = 2.0 * sigma[i]
                    for k in range(indptr[i], indptr[i + 1]):
                        h[indices[k]] += c * signs[k]
        # fields recomputed from scratch before the descent: no accumulated drift can fake a minimum
        for i in range(n):
            h[i] = 0.0
            for k in range(indptr[i], indptr[i + 1]):
                h[i] += signs[k] * sigma[indices[k]]
        _sparse_descend(indptr, indices, signs, sigma, h)
        for i in range(n):
            final[r, i] = 0 if sigma[i] * sigma[0] > 0 else 1
    return final
