"""Finding the minima of an Axelrod–Bennett landscape: exact enumeration and annealing (brief H3).

The model (energy, frustration, the deterministic dynamics and its local minima) is
:mod:`foedus.theory.landscape`; this module searches it.

:func:`landscape_exact` enumerates all ``2**(n-1)`` alignments in Gray-code order, so that
consecutive configurations differ by one actor; the energy and the vector of local fields are
updated in ``O(n)`` per step in compiled code (numba). It finds the global minimum, every local
minimum and, for ``n <= basin_max_actors`` (24 by default: the descent map and the basin counts
need ``8 * 2**(n-1)`` bytes), every basin exactly. :func:`landscape_heuristic` (multi-start
simulated annealing, each run finished by the deterministic descent) handles any size but cannot
prove optimality; it says so with ``proven_optimal=False``. :func:`landscape_search` chooses between them.

Published form vs ours
----------------------
Axelrod & Bennett (1993) enumerate every configuration of their (small) cases; the Gray-code
enumeration finds the same minima faster. Annealing (Kirkpatrick et al. 1983) is ours, for
systems too large to enumerate.

References
----------
.. [1] Axelrod, R., and D. S. Bennett. 1993. "A Landscape Theory of Aggregation." *British Journal
   of Political Science* 23(2): 211-233.
.. [2] Kirkpatrick, S., C. D. Gelatt, and M. P. Vecchi. 1983. "Optimization by Simulated
   Annealing." *Science* 220(4598): 671-680.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.theory.landscape import (
    LandscapeResult,
    LocalMinimum,
    _best_move,
    _check_landscape,
    _check_rule,
    _descend_kernel,
    _tolerance,
    frustration,
    landscape_energy,
)

__all__ = [
    "landscape_exact",
    "landscape_heuristic",
    "landscape_search",
]

EXACT_MAX_ACTORS = 30
"""Largest number of actors :func:`landscape_exact` accepts (``2**29`` alignments)."""

BASIN_MAX_ACTORS = 24
"""Default largest number of actors for which exact basins of attraction are computed."""

MAX_STORED_MINIMA = 100_000
"""Default cap on the number of local minima returned (all are still counted)."""


# --------------------------------------------------------------------------------------------
# Compiled kernels
# --------------------------------------------------------------------------------------------


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


def _camps_from_index(idx: np.ndarray, n: int) -> np.ndarray:
    """0/1 camps (k, n) of canonical indices (actor 0 in camp 0)."""
    idx = np.asarray(idx, dtype=np.int64)
    bits = (idx[:, None] >> np.arange(n - 1, dtype=np.int64)[None, :]) & 1
    return np.concatenate([np.zeros((idx.size, 1), np.int8), bits.astype(np.int8)], axis=1)


def landscape_exact(
    sizes,
    propensity,
    *,
    rule: str = "frustration",
    basins: bool | None = None,
    basin_max_actors: int = BASIN_MAX_ACTORS,
    max_minima: int = MAX_STORED_MINIMA,
) -> LandscapeResult:
    """Global minimum, every local minimum and their basins, by exhaustive enumeration.

    Brief H3; Axelrod & Bennett (1993). Enumerates the ``2**(n-1)`` distinct alignments (actor 0
    held in camp 0: swapping both camps changes nothing) in Gray-code order. One actor changes camp
    per step, so with spins ``sigma_i = +-1`` and local fields ``h_i = sum_j s_j p_ij sigma_j`` the
    energy changes by ``2 s_b sigma_b h_b`` and the fields by ``2 sigma_b' s_b p_jb``: ``O(n)`` per
    configuration, compiled with numba. Actor ``i`` would lower its frustration by
    ``-sigma_i h_i`` if it switched, so local minima are checked in the same pass.

    Basins of attraction (optional) record, for every alignment, where the deterministic
    dynamics of :func:`~foedus.theory.landscape.descend` moves next, then resolve every chain by pointer jumping; this needs
    ``8 * 2**(n-1)`` bytes (64 MB at n = 24, 1 GB at 28).

    Parameters
    ----------
    sizes : array_like, shape (n,)
        Actor sizes ``s_i > 0``.
    propensity : array_like, shape (n, n)
        Symmetric propensities (diagonal ignored).
    rule : {"frustration", "energy"}
        Move rule of the dynamics that defines basins (:mod:`foedus.theory.landscape`).
    basins : bool, optional
        Compute basins of attraction. Default: when ``n <= basin_max_actors``.
    basin_max_actors : int
        Size limit for the default of ``basins``.
    max_minima : int
        Store at most this many local minima (all are counted in ``n_local_minima``). Degenerate
        landscapes (many zero propensities) can have millions.

    Returns
    -------
    LandscapeResult
        ``proven_optimal=True``.

    Raises
    ------
    ValueError
        Bad input, or more than 30 actors (use :func:`landscape_heuristic`).

    Examples
    --------
    >>> res = landscape_exact([1, 1, 1], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
    >>> res.global_minimum.camps.tolist(), res.global_minimum.energy
    ([0, 0, 1], -4.0)
    """
    _check_rule(rule)
    s, P = _check_landscape(sizes, propensity)
    n = s.size
    if n > EXACT_MAX_ACTORS:
        raise ValueError(
            f"exact landscape search handles at most {EXACT_MAX_ACTORS} actors ({n} given): "
            "use the heuristic search (landscape_heuristic; on the command line, --method heuristic)"
        )
    if max_minima < 1:
        raise ValueError("max_minima must be at least 1")
    want_basins = (n <= basin_max_actors) if basins is None else bool(basins)
    if want_basins and n > 28:
        raise ValueError(
            f"basins of attraction for {n} actors would need {2 ** (n + 2) / 2**30:.0f} GB; "
            "use basins=False (at most 28 actors with basins)"
        )
    A = np.ascontiguousarray(P * s[None, :])
    tol = _tolerance(s, P)
    best_idx, _, min_idx, _, n_min, nxt = _gray_enumerate(
        A, s, tol, rule == "energy", want_basins, int(max_minima)
    )
    total = 1 << (n - 1)
    notes: list[str] = []
    sizes_b = _basin_counts(nxt, min_idx) if want_basins else None
    if not want_basins:
        notes.append(
            f"basins of attraction not computed for {n} actors (default limit {basin_max_actors}; "
            f"they need {8 * total / 2**20:.0f} MB)"
        )
    if n_min > len(min_idx):
        notes.append(f"{n_min} local minima exist; only the first {len(min_idx)} (in enumeration order) are listed")
    camps = _camps_from_index(min_idx, n)
    energies = landscape_energy(s, P, camps)
    order = np.lexsort((np.asarray(min_idx), energies))
    minima = [
        LocalMinimum(
            camps=camps[k],
            energy=float(energies[k]),
            basin_size=None if sizes_b is None else int(sizes_b[k]),
            basin_fraction=None if sizes_b is None else float(sizes_b[k]) / total,
        )
        for k in order
    ]
    gcamps = _camps_from_index(np.array([best_idx]), n)[0]
    gmin = next((m for m in minima if np.array_equal(m.camps, gcamps)), None)
    if gmin is None:
        gmin = LocalMinimum(camps=gcamps, energy=float(landscape_energy(s, P, gcamps)))
    return LandscapeResult(
        global_minimum=gmin,
        local_minima=minima,
        frustration=frustration(s, P, gmin.camps),
        proven_optimal=True,
        method="exact",
        rule=rule,
        n_local_minima=int(n_min),
        basins_computed=want_basins,
        n_configurations=total,
        notes=notes,
    )


def landscape_heuristic(
    sizes,
    propensity,
    *,
    seed: int | np.random.Generator | None = 0,
    restarts: int = 32,
    sweeps: int | None = None,
    rule: str = "frustration",
) -> LandscapeResult:
    """Low-energy alignments for any number of actors (multi-start simulated annealing).

    Brief H3; Axelrod & Bennett (1993) landscape, searched with simulated annealing (Kirkpatrick
    et al. 1983). Each restart draws a random alignment, runs Metropolis single-actor switches on
    the energy ``E`` with a geometric cooling schedule from ``T0 = 2 m`` to ``T1 = m / 200``
    (``m``: the median over actors of ``2 s_i sqrt(sum_j (s_j p_ij)**2)``, the typical size of a
    switch's energy change), then finishes with the deterministic descent of :func:`~foedus.theory.landscape.descend`, so
    every restart ends at a true local minimum. The best is returned with
    ``proven_optimal=False``: nothing short of enumeration proves a global minimum. The distinct
    local minima reached are listed with the number of restarts that reached each (a sample, not a
    basin of attraction).

    Parameters
    ----------
    sizes, propensity
        As in :func:`landscape_exact`.
    seed : int, numpy.random.Generator or None
        Source of randomness; the same seed gives the same result.
    restarts : int
        Independent annealing runs.
    sweeps : int, optional
        Sweeps (n switch proposals each) per run. Default ``max(300, min(10 n, 2000))``. A run
        costs ``O(sweeps x n x accepted switches x n)``: about 0.05 s at 200 actors.
    rule : {"frustration", "energy"}
        Move rule of the final descent.

    Returns
    -------
    LandscapeResult
        ``method="heuristic"``, ``proven_optimal=False``.
    """
    _check_rule(rule)
    s, P = _check_landscape(sizes, propensity)
    n = s.size
    if restarts < 1:
        raise ValueError("restarts must be at least 1")
    sweeps = max(300, min(10 * n, 2000)) if sweeps is None else int(sweeps)
    if sweeps < 1:
        raise ValueError("sweeps must be at least 1")
    rng = np.random.default_rng(seed)
    seeds = rng.integers(0, 2**31 - 1, size=restarts, dtype=np.int64)
    A = np.ascontiguousarray(P * s[None, :])
    m = float(np.median(2.0 * s * np.sqrt((A**2).sum(axis=1))))
    if m <= 0.0:
        m = 1.0
    final = _anneal_runs(A, s, seeds, sweeps, 2.0 * m, m / 200.0, _tolerance(s, P), rule == "energy")
    uniq, first, counts = np.unique(final, axis=0, return_index=True, return_counts=True)
    energies = landscape_energy(s, P, uniq)
    order = np.lexsort((first, energies))
    minima = [
        LocalMinimum(camps=uniq[k], energy=float(energies[k]), restarts=int(counts[k]))
        for k in order
    ]
    best = minima[0]
    return LandscapeResult(
        global_minimum=best,
        local_minima=minima,
        frustration=frustration(s, P, best.camps),
        proven_optimal=False,
        method="heuristic",
        rule=rule,
        n_local_minima=len(minima),
        basins_computed=False,
        n_configurations=int(restarts),
        notes=[
            f"heuristic search ({restarts} annealing restarts, {sweeps} sweeps each): the lowest "
            "energy found is not proven to be the global minimum; the local minima listed are "
            f"those the restarts reached, with how many of the {restarts} restarts reached each (not basins)"
        ],
    )


def landscape_search(
    sizes,
    propensity,
    *,
    method: str = "auto",
    rule: str = "frustration",
    seed: int | np.random.Generator | None = 0,
    exact_max_actors: int = EXACT_MAX_ACTORS,
    **kwargs,
) -> LandscapeResult:
    """Landscape minima by the best available method (brief H3; Axelrod & Bennett 1993).

    ``method="auto"`` enumerates exactly (:func:`landscape_exact`) up to ``exact_max_actors``
    actors (30 by default; 3-4 s at 28 actors on one core of the 2-core benchmark machine, and
    four times that for every two actors more) and uses :func:`landscape_heuristic` beyond.

    Parameters
    ----------
    sizes, propensity
        As in :func:`landscape_exact`.
    method : {"auto", "exact", "heuristic"}
    rule : {"frustration", "energy"}
    seed
        Used by the heuristic only.
    exact_max_actors : int
        Largest ``n`` for which "auto" enumerates.
    **kwargs
        Passed to the chosen search.

    Returns
    -------
    LandscapeResult
    """
    if method not in ("auto", "exact", "heuristic"):
        raise ValueError(f"method must be 'auto', 'exact' or 'heuristic', got {method!r}")
    n = np.asarray(sizes).size
    if method == "exact" or (method == "auto" and n <= min(exact_max_actors, EXACT_MAX_ACTORS)):
        return landscape_exact(sizes, propensity, rule=rule, **kwargs)
    return landscape_heuristic(sizes, propensity, seed=seed, rule=rule, **kwargs)
