"""Finding the minima of an Axelrod–Bennett landscape: exact enumeration and annealing (brief H3).

The model (energy, frustration, the deterministic dynamics and its local minima) is
:mod:`foedus.theory.landscape`; this module searches it.

:func:`landscape_exact` enumerates all ``2**(n-1)`` alignments in Gray-code order, so that
consecutive configurations differ by one actor; the energy and the vector of local fields are
updated in ``O(n)`` per step in compiled code (numba; up to 18 actors, NumPy enumerates every
alignment at once instead, with the same results). It finds the global minimum, every local
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

from foedus.theory.landscape import (
    LandscapeResult,
    LocalMinimum,
    _check_landscape,
    _check_rule,
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

NUMPY_EXACT_MAX_ACTORS = 18
"""Largest number of actors :func:`landscape_exact` enumerates in NumPy by default.

Up to here the NumPy enumeration of every alignment at once takes less time than importing numba
and loading its compiled kernels from the disk cache (``benchmarks/landscape_vs_r.py`` times
whole ``foedus landscape`` processes); beyond it, the compiled Gray-code enumeration wins."""

_CHUNK_BITS = 15
"""A NumPy block holds ``2**15`` alignments (a few MB per array at 20 actors)."""


# --------------------------------------------------------------------------------------------
# Exact enumeration in NumPy (the twin of landscape_kernels._gray_enumerate)
# --------------------------------------------------------------------------------------------


def _next_alignment(g: np.ndarray, gain: np.ndarray, s: np.ndarray, tol: float, energy_rule: bool, full: int) -> np.ndarray:
    """Where the dynamics moves from each alignment ``g`` (``g`` itself at a local minimum).

    The scan of :func:`foedus.theory.landscape_kernels._best_move` over the actors, run on every
    row at once: actor ``j`` takes over when its drop beats the best so far by more than the
    tie tolerance, so ties go to the lowest index exactly as in the compiled kernel.
    """
    best_j = np.full(g.size, -1, dtype=np.int64)
    best = np.zeros(g.size)
    for j in range(gain.shape[1]):
        drop = gain[:, j]
        score, tie = (drop * s[j], tol * s[j]) if energy_rule else (drop, tol)
        take = (drop > tol) & ((best_j < 0) | (score > best + tie))
        best_j[take] = j
        best[take] = score[take]
    # actor 0 never moves in the canonical form: moving it is moving everyone else
    flip = np.where(best_j == 0, full, np.left_shift(np.int64(1), np.maximum(best_j - 1, 0)))
    return np.where(best_j < 0, g, g ^ flip)


def _enumerate_numpy(A: np.ndarray, s: np.ndarray, tol: float, energy_rule: bool, want_next: bool, max_minima: int):
    """Every alignment at once, in blocks: the same outputs as the compiled Gray-code enumeration.

    Alignment ``g`` (canonical index: actor ``b >= 1`` in camp 1 when bit ``b - 1`` is set) gets
    its local fields ``h = A sigma``, its energy ``E = (sum_ij s_i A_ij - sum_i s_i sigma_i h_i) / 2``
    (0 for ``g = 0``, as the compiled enumeration starts), the local-minimum test
    ``-sigma_j h_j <= tol`` for every ``j`` and, if ``want_next``, its next alignment under the
    dynamics. A block holds every setting of the first actors' camps, whose share of the fields
    is computed once; each block adds the fields of the actors its index fixes. The global
    minimum and the stored minima are then taken in Gray-code order (``k ^ (k >> 1)``), the
    compiled enumeration's order, so that ties and the ``max_minima`` cap pick the same alignments.

    Returns
    -------
    best_idx : int
    minima_idx : numpy.ndarray of int64
        At most ``max_minima`` local minima, in Gray-code order.
    n_minima : int
        All local minima.
    nxt : numpy.ndarray of int32
        The descent map (length 1 when not ``want_next``).
    """
    n = A.shape[0]
    total = 1 << (n - 1)
    c = min(n - 1, _CHUNK_BITS)  # actors 1..c vary inside a block, c+1..n-1 from block to block
    low = np.arange(1 << c, dtype=np.int64)
    sigma = np.ones((low.size, n))
    sigma[:, 1:c + 1] -= 2.0 * ((low[:, None] >> np.arange(c, dtype=np.int64)) & 1)
    # einsum, not BLAS: at this size OpenBLAS would start its threads, whose spinning costs a
    # short process more than the products (twice the wall time on a busy two-core machine)
    h_low = np.einsum("kj,ij->ki", sigma[:, :c + 1], A[:, :c + 1])
    total_w = float((s[:, None] * A).sum())
    E = np.empty(total)
    stable = np.empty(total, dtype=bool)
    nxt = np.empty(total if want_next else 1, np.int32)
    for block in range(total >> c):
        lo = block << c
        sigma_high = 1.0 - 2.0 * ((block >> np.arange(n - 1 - c)) & 1)
        sigma[:, c + 1:] = sigma_high
        sh = sigma * (h_low + A[:, c + 1:] @ sigma_high)
        E[lo:lo + low.size] = 0.5 * (total_w - np.einsum("ki,i->k", sh, s))
        stable[lo:lo + low.size] = (sh >= -tol).all(axis=1)
        if want_next:
            nxt[lo:lo + low.size] = _next_alignment(lo + low, -sh, s, tol, energy_rule, total - 1)
    E[0] = 0.0
    gray = np.arange(total, dtype=np.int64)
    gray ^= gray >> 1
    best_idx = int(gray[np.argmin(E[gray])])  # the first lowest in Gray-code order
    minima = gray[stable[gray]]
    return best_idx, minima[:max_minima], int(minima.size), nxt


def _basin_counts_numpy(nxt: np.ndarray, minima_idx: np.ndarray) -> np.ndarray:
    """Size of the basin of each local minimum: pointer jumping on the descent map, all at once."""
    root = nxt
    while True:
        up = root[root]
        if np.array_equal(up, root):
            break
        root = up
    return np.bincount(root, minlength=root.size)[minima_idx].astype(np.int64)


def _enumerate(A, s, tol, energy_rule: bool, want_basins: bool, max_minima: int, compiled: bool):
    """Global minimum, stored local minima (Gray-code order), their count, basin sizes (or None).

    ``compiled``: numba's Gray-code enumeration (:mod:`foedus.theory.landscape_kernels`, imported
    here only), else :func:`_enumerate_numpy`. Both give the same answer.
    """
    if compiled:
        from foedus.theory.landscape_kernels import _basin_counts, _gray_enumerate

        best_idx, _, min_idx, _, n_min, nxt = _gray_enumerate(A, s, tol, energy_rule, want_basins, max_minima)
        return int(best_idx), min_idx, int(n_min), _basin_counts(nxt, min_idx) if want_basins else None
    best_idx, min_idx, n_min, nxt = _enumerate_numpy(A, s, tol, energy_rule, want_basins, max_minima)
    return best_idx, min_idx, n_min, _basin_counts_numpy(nxt, min_idx) if want_basins else None


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
    compiled: bool | None = None,
) -> LandscapeResult:
    """Global minimum, every local minimum and their basins, by exhaustive enumeration.

    Brief H3; Axelrod & Bennett (1993). Enumerates the ``2**(n-1)`` distinct alignments (actor 0
    held in camp 0: swapping both camps changes nothing) in Gray-code order. One actor changes camp
    per step, so with spins ``sigma_i = +-1`` and local fields ``h_i = sum_j s_j p_ij sigma_j`` the
    energy changes by ``2 s_b sigma_b h_b`` and the fields by ``2 sigma_b' s_b p_jb``: ``O(n)`` per
    configuration, compiled with numba. Actor ``i`` would lower its frustration by
    ``-sigma_i h_i`` if it switched, so local minima are checked in the same pass. Small
    landscapes (see ``compiled``) are enumerated in NumPy instead, every alignment from scratch,
    with the same results: a short command pays neither numba's import nor its cache.

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
    compiled : bool, optional
        Enumerate with the compiled (numba) Gray-code kernel, or with NumPy, all alignments at
        once (``O(n^2)`` each, but no numba to import or load). Default: NumPy up to
        :data:`NUMPY_EXACT_MAX_ACTORS` actors, compiled beyond. Both give the same global
        minimum, local minima and basins (tested).

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
    if compiled is None:
        compiled = n > NUMPY_EXACT_MAX_ACTORS
    best_idx, min_idx, n_min, sizes_b = _enumerate(A, s, tol, rule == "energy", want_basins, int(max_minima), bool(compiled))
    total = 1 << (n - 1)
    notes: list[str] = []
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
    from foedus.theory.landscape_kernels import _anneal_runs

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
