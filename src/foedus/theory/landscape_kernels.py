"""Compiled (numba) kernels of the landscape searches (brief H3; Axelrod & Bennett 1993).

The model and its definitions are :mod:`foedus.theory.landscape`; the searches that call these
kernels are :mod:`foedus.theory.landscape_minima` and :func:`foedus.theory.landscape.descend`.
They live apart so that importing the model, or enumerating a small landscape in NumPy, does not
import numba (about a third of a second, paid by every ``foedus landscape`` process). Every kernel
is cached on disk (``cache=True``): next to this file in ``__pycache__`` when that folder is
writable, else in numba's per-user cache (``$NUMBA_CACHE_DIR``, by default under
``~/.cache/numba``), so an installed, read-only package compiles once per user.

Spins: ``sigma_i = +1`` (camp 0) or ``-1`` (camp 1); local fields ``h_i = sum_j A_ij sigma_j`` with
``A_ij = s_j p_ij``. Actor ``i`` would lower its own frustration by ``-sigma_i h_i`` if it switched.
"""

import numpy as np
from numba import njit


@njit(cache=True)
def _best_move(s, sigma, h, tol, energy_rule):
    """Index of the actor that moves under the rule, or -1 at a local minimum.

    Actor j would lower its frustration by ``-sigma_j h_j``; only drops above ``tol`` count.
    Scores closer than ``tol`` (times the size, under the energy rule) are ties: lowest index wins.
    """
    n = sigma.shape[0]
    best_j = -1
    best_g = 0.0
    for j in range(n):
        g = -sigma[j] * h[j]
        if g <= tol:
            continue
        tie = tol
        if energy_rule:
            g *= s[j]
            tie = tol * s[j]
        if best_j < 0 or g > best_g + tie:
            best_j = j
            best_g = g
    return best_j


@njit(cache=True)
def _descend_kernel(A, s, sigma, tol, energy_rule):
    """Deterministic descent in place on ``sigma`` (+1/-1 spins); returns the number of switches."""
    n = sigma.shape[0]
    h = A @ sigma
    steps = 0
    while True:
        j = _best_move(s, sigma, h, tol, energy_rule)
        if j < 0:
            return steps
        sigma[j] = -sigma[j]
        c = 2.0 * sigma[j]
        for i in range(n):
            h[i] += c * A[i, j]
        steps += 1


@njit(cache=True)
def _trailing_zeros(k):
    t = 0
    while (k >> t) & 1 == 0:
        t += 1
    return t


@njit(cache=True)
def _gray_enumerate(A, s, tol, energy_rule, want_next, max_minima):
    """Enumerate all 2**(n-1) alignments (actor 0 in camp 0) in Gray-code order.

    The configuration with canonical index ``g`` puts actor ``b`` (b >= 1) in camp 1 when bit
    ``b - 1`` of ``g`` is set. Returns the global minimum (index, energy), the local minima found
    (indices, energies, total count) and, if ``want_next``, the descent map: ``nxt[g]`` is the
    canonical index the dynamics moves to from ``g`` (``g`` itself at a local minimum).
    """
    n = A.shape[0]
    total = np.int64(1) << (n - 1)
    full = total - 1
    # row b of AT is column b of A: the field update reads contiguous memory and vectorises
    AT = np.ascontiguousarray(A.T)
    sigma = np.ones(n)
    h = np.zeros(n)
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += A[i, j]
        h[i] = acc
    E = 0.0
    best_E = 0.0
    best_idx = np.int64(0)
    minima_idx = np.empty(max_minima, np.int64)
    minima_E = np.empty(max_minima)
    n_minima = np.int64(0)
    nxt = np.empty(total if want_next else 1, np.int32)
    g = np.int64(0)
    b = 0
    for k in range(total):
        if k > 0:
            b = _trailing_zeros(k) + 1
            g ^= np.int64(1) << (b - 1)
            E += 2.0 * s[b] * sigma[b] * h[b]
            sigma[b] = -sigma[b]
            c = 2.0 * sigma[b]
            row = AT[b]
            for j in range(n):
                h[j] += c * row[j]
            if E < best_E:
                best_E = E
                best_idx = g
        # Local minimum: sigma_j h_j >= -tol for every j. The actor that just moved is checked
        # first: if it would gain by moving back (about half the steps), the full scan is skipped.
        stable = sigma[b] * h[b] >= -tol
        if stable:
            for j in range(n):
                if sigma[j] * h[j] < -tol:
                    stable = False
                    break
        if stable:
            if n_minima < max_minima:
                minima_idx[n_minima] = g
                minima_E[n_minima] = E
            n_minima += 1
            if want_next:
                nxt[g] = g
        elif want_next:
            j = _best_move(s, sigma, h, tol, energy_rule)
            if j == 0:
                nxt[g] = g ^ full
            else:
                nxt[g] = g ^ (np.int64(1) << (j - 1))
    m = min(n_minima, max_minima)
    return best_idx, best_E, minima_idx[:m], minima_E[:m], n_minima, nxt


@njit(cache=True)
def _basin_counts(nxt, minima_idx):
    """Size of the basin of each local minimum, by pointer jumping on the descent map (in place)."""
    N = nxt.shape[0]
    changed = True
    while changed:
        changed = False
        for i in range(N):
            j = nxt[i]
            k = nxt[j]
            if k != j:
                nxt[i] = k
                changed = True
    counts = np.zeros(N, np.int32)
    for i in range(N):
        counts[nxt[i]] += 1
    out = np.empty(minima_idx.shape[0], np.int64)
    for m in range(minima_idx.shape[0]):
        out[m] = counts[minima_idx[m]]
    return out


@njit(cache=True)
def _anneal_runs(A, s, seeds, sweeps, T0, T1, tol, energy_rule):
    """Simulated annealing (Metropolis on E, geometric cooling) + deterministic descent, per seed."""
    n = A.shape[0]
    R = seeds.shape[0]
    final = np.empty((R, n), np.int8)
    for r in range(R):
        np.random.seed(seeds[r])
        sigma = np.empty(n)
        for i in range(n):
            sigma[i] = 1.0 if np.random.random() < 0.5 else -1.0
        h = A @ sigma
        ratio = T1 / T0
        for sw in range(sweeps):
            T = T0 * ratio ** (sw / max(sweeps - 1, 1))
            for i in range(n):
                dE = 2.0 * s[i] * sigma[i] * h[i]
                if dE <= 0.0 or np.random.random() < np.exp(-dE / T):
                    sigma[i] = -sigma[i]
                    c = 2.0 * sigma[i]
                    for j in range(n):
                        h[j] += c * A[j, i]
        # the descent recomputes the fields from scratch, so accumulated drift cannot fake a minimum
        _descend_kernel(A, s, sigma, tol, energy_rule)
        for i in range(n):
            final[r, i] = 0 if sigma[i] * sigma[0] > 0 else 1
    return final
