"""Landscape theory of aggregation (brief H3; Axelrod & Bennett 1993).

Actors ``i = 0 .. n-1`` with sizes ``s_i > 0`` and a symmetric matrix of pairwise propensities
``p_ij`` (``p_ij > 0``: i and j want to be on the same side; ``p_ij < 0``: they want to be apart)
split into two camps. A *configuration* ``X`` gives each actor a camp; ``d_ij(X) = 1`` when i and j
are in different camps and ``0`` otherwise. Axelrod & Bennett (1993) define

* the **frustration** of actor ``i``: ``F_i(X) = sum_{j != i} s_j p_ij d_ij(X)`` (weighted by the
  size of the *other* actor, as in the paper and in the restatement by Izquierdo, Izquierdo,
  Galan & Santos 2009, Appendix B);
* the **energy** of the configuration: ``E(X) = sum_i s_i F_i(X) = sum_i sum_{j != i} s_i s_j p_ij
  d_ij(X)``.

The energy sums over *ordered* pairs, so every unordered pair ``{i, j}`` counts twice; all energies
in this module use that published convention (halve them for the sum over unordered pairs).
Separating two actors with ``p_ij > 0`` raises the energy; predicted alignments are the minima.

Because ``p`` is symmetric, when actor ``k`` switches camp the energy changes by exactly twice its
size times the change of its own frustration, ``dE = 2 s_k dF_k`` (Axelrod & Bennett 1993, note 2):
an actor that lowers its frustration lowers the energy. A configuration is a **local minimum** when
no single actor can strictly lower its own frustration by switching (equivalently, since
``s_k > 0``, no single switch lowers ``E``).

**Dynamics and basins of attraction.** Axelrod & Bennett assume myopic, incremental actors: one
actor switches at a time, and only to lower its own frustration. They do not fix which actor
moves; foedus makes the choice deterministic, so that each configuration flows to exactly one local
minimum, with one of two rules:

* ``rule="frustration"`` (default): the actor whose switch lowers its own frustration the most
  switches (ties: the lowest actor index);
* ``rule="energy"``: steepest descent on ``E``: the switch that lowers ``E`` the most (the largest
  ``s_k |dF_k|``; ties: lowest index).

The **basin of attraction** of a local minimum is the set of configurations from which this
dynamics ends there. A configuration and its mirror image (both camps swapped) are the same
alignment; they have the same energy and the same dynamics, so every count here is over the
``2**(n-1)`` distinct alignments (actor 0 is placed in camp 0).

**Search.** :func:`landscape_exact` enumerates all ``2**(n-1)`` alignments in Gray-code order, so that
consecutive configurations differ by one actor; the energy and the vector of local fields are
updated in ``O(n)`` per step in compiled code (numba). It finds the global minimum, every local
minimum and, for ``n <= basin_max_actors`` (24 by default: the descent map and the basin counts
need ``8 * 2**(n-1)`` bytes), every basin exactly. :func:`landscape_heuristic` (multi-start
simulated annealing, each run finished by the deterministic descent) handles any size but cannot
prove optimality; it says so with ``proven_optimal=False``. :func:`landscape_search` chooses between them.

References
----------
.. [1] Axelrod, R., and D. S. Bennett. 1993. "A Landscape Theory of Aggregation." *British Journal
   of Political Science* 23(2): 211-233.
.. [2] Izquierdo, L. R., S. S. Izquierdo, J. M. Galan, and J. I. Santos. 2009. "Techniques to
   Understand Computer Simulations: Markov Chain Analysis." *Journal of Artificial Societies and
   Social Simulation* 12(1): 6, Appendix B ("Axelrod and Bennett's model of competing bimodal
   coalitions").
.. [3] Galam, S. 1996. "Fragmentation versus Stability in Bimodal Coalitions." *Physica A* 230:
   174-188 (the model as an Ising spin glass).
.. [4] Kirkpatrick, S., C. D. Gelatt, and M. P. Vecchi. 1983. "Optimization by Simulated
   Annealing." *Science* 220(4598): 671-680.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numba import njit

__all__ = [
    "RULES",
    "LocalMinimum",
    "LandscapeResult",
    "landscape_energy",
    "frustration",
    "propensity_from_ratings",
    "is_local_minimum",
    "descend",
    "landscape_exact",
    "landscape_heuristic",
    "landscape_search",
    "random_landscape",
]

RULES: tuple[str, ...] = ("frustration", "energy")
"""Deterministic move rules of the incremental dynamics (see the module docstring)."""

EXACT_MAX_ACTORS = 30
"""Largest number of actors :func:`landscape_exact` accepts (``2**29`` alignments)."""

BASIN_MAX_ACTORS = 24
"""Default largest number of actors for which exact basins of attraction are computed."""

MAX_STORED_MINIMA = 100_000
"""Default cap on the number of local minima returned (all are still counted)."""

_REL_TOL = 1e-9


# --------------------------------------------------------------------------------------------
# Validation and closed-form quantities
# --------------------------------------------------------------------------------------------


def _check_landscape(sizes, propensity) -> tuple[np.ndarray, np.ndarray]:
    """Validated float copies of ``sizes`` (n,) and ``propensity`` (n, n) with a zero diagonal."""
    s = np.asarray(sizes, dtype=float)
    if s.ndim != 1:
        raise ValueError(f"sizes must be a 1-D array of actor sizes, got shape {s.shape}")
    n = s.size
    if n < 2:
        raise ValueError(f"a landscape needs at least 2 actors, got {n}")
    P = np.array(propensity, dtype=float)
    if P.shape != (n, n):
        raise ValueError(f"propensity must be a square {n} x {n} matrix (one row per actor), got shape {P.shape}")
    bad = np.flatnonzero(~np.isfinite(s) | (s <= 0))
    if bad.size:
        i = int(bad[0])
        raise ValueError(f"sizes must be positive and finite; actor {i} has size {s[i]!r}")
    np.fill_diagonal(P, 0.0)
    if not np.isfinite(P).all():
        i, j = np.argwhere(~np.isfinite(P))[0]
        raise ValueError(f"propensity must be finite; entry ({i}, {j}) is {P[i, j]!r}")
    scale = max(float(np.abs(P).max()), 1.0)
    asym = np.abs(P - P.T) > 1e-12 * scale
    if asym.any():
        i, j = np.argwhere(asym)[0]
        raise ValueError(
            f"propensity must be symmetric (p_ij = p_ji); entry ({i}, {j}) = {P[i, j]!r} "
            f"but ({j}, {i}) = {P[j, i]!r}"
        )
    P = 0.5 * (P + P.T)
    return s, P


def _check_camps(camps, n: int) -> np.ndarray:
    """Camps as an int8 array of 0/1, shape (n,) or (k, n)."""
    X = np.asarray(camps)
    if X.shape[-1:] != (n,) or X.ndim not in (1, 2):
        raise ValueError(f"camps must have shape ({n},) or (k, {n}) (one label per actor), got {X.shape}")
    if X.dtype != bool and not np.isin(X, (0, 1)).all():
        raise ValueError("camps must hold camp labels 0 and 1 (or booleans)")
    return X.astype(np.int8)


def _check_rule(rule: str) -> None:
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}, got {rule!r}")


def propensity_from_ratings(ratings, midpoint: float) -> np.ndarray:
    """Propensities from ratings with a named neutral midpoint: ``p_ij = r_ij - midpoint``.

    Survey or expert codings often rate each pair on a scale such as 1-7 whose neutral point
    (neither affinity nor hostility) is 4. Landscape theory needs a signed scale on which 0 is
    neutral; this shifts the ratings so that the midpoint the user names maps to 0. The diagonal
    (an actor with itself) is set to 0: it plays no part in the model.

    Parameters
    ----------
    ratings : array_like, shape (n, n)
        Pairwise ratings on the user's scale.
    midpoint : float
        The rating that means "neutral".

    Returns
    -------
    numpy.ndarray, shape (n, n)
        Propensities on the signed scale of Axelrod & Bennett (1993).

    Examples
    --------
    >>> propensity_from_ratings([[0, 6], [6, 0]], midpoint=4)
    array([[0., 2.],
           [2., 0.]])
    """
    R = np.array(ratings, dtype=float)
    if R.ndim != 2 or R.shape[0] != R.shape[1]:
        raise ValueError(f"ratings must be a square matrix, got shape {R.shape}")
    if not np.isfinite(midpoint):
        raise ValueError(f"midpoint must be a finite number, got {midpoint!r}")
    P = R - float(midpoint)
    np.fill_diagonal(P, 0.0)
    return P


def landscape_energy(sizes, propensity, camps) -> float | np.ndarray:
    """Energy of one or many two-camp configurations (Axelrod & Bennett 1993; brief H3).

    .. math:: E(X) = \\sum_i \\sum_{j \\ne i} s_i s_j p_{ij} d_{ij}(X)

    with ``d_ij(X) = 1`` when i and j are in different camps, 0 otherwise. The sum runs over
    ordered pairs, so each unordered pair counts twice (the published convention). Lower is more
    stable. Vectorised: with ``x`` the 0/1 camp vector and ``W_ij = s_i s_j p_ij``,
    ``E = 2 x.r - 2 x'Wx`` where ``r = W 1``.

    Parameters
    ----------
    sizes : array_like, shape (n,)
        Actor sizes ``s_i > 0`` (e.g. CINC shares; any positive unit).
    propensity : array_like, shape (n, n)
        Symmetric propensities ``p_ij`` (positive: wish to be together). The diagonal is ignored.
    camps : array_like, shape (n,) or (k, n)
        Camp label (0 or 1) of each actor, for one configuration or a batch of ``k``.

    Returns
    -------
    float or numpy.ndarray of shape (k,)
        Energy, in units of size**2 x propensity.

    Examples
    --------
    >>> landscape_energy([1, 1], [[0, 1], [1, 0]], [0, 1])  # friends apart: both ordered pairs
    2.0
    """
    s, P = _check_landscape(sizes, propensity)
    X = _check_camps(camps, s.size).astype(float)
    W = s[:, None] * s[None, :] * P
    r = W.sum(axis=1)
    E = 2.0 * (X @ r) - 2.0 * np.einsum("...i,...i->...", X @ W, X)
    return float(E) if np.ndim(E) == 0 else E


def frustration(sizes, propensity, camps) -> np.ndarray:
    """Frustration of each actor in a configuration (Axelrod & Bennett 1993; brief H3).

    .. math:: F_i(X) = \\sum_{j \\ne i} s_j p_{ij} d_{ij}(X)

    Actor i is frustrated by large partners it wants to be with (``p_ij > 0``) that sit in the
    other camp, and relieved (negative terms) by partners it opposes that do. The energy is
    ``E(X) = sum_i s_i F_i(X)``.

    Parameters
    ----------
    sizes, propensity
        As in :func:`landscape_energy`.
    camps : array_like, shape (n,) or (k, n)
        Camp labels (0/1).

    Returns
    -------
    numpy.ndarray, shape (n,) or (k, n)
        Frustration of each actor, in units of size x propensity.
    """
    s, P = _check_landscape(sizes, propensity)
    X = _check_camps(camps, s.size).astype(float)
    A = P * s[None, :]
    # d_ij = x_i + x_j - 2 x_i x_j, so F = x * (A 1) + A x - 2 x * (A x)
    Ax = X @ A.T
    return X * A.sum(axis=1) + Ax - 2.0 * X * Ax


def _switch_gains(s: np.ndarray, P: np.ndarray, camps: np.ndarray) -> np.ndarray:
    """Drop in each actor's own frustration if it alone switched camp (``-dF_i``)."""
    sigma = 1.0 - 2.0 * camps.astype(float)
    h = (P * s[None, :]) @ sigma
    return -sigma * h


def _tolerance(s: np.ndarray, P: np.ndarray) -> float:
    return _REL_TOL * max(float(np.abs(P * s[None, :]).sum(axis=1).max()), 1e-300)


def is_local_minimum(sizes, propensity, camps) -> bool:
    """Whether no single actor can strictly lower its own frustration by switching camp.

    This is Axelrod & Bennett's (1993) stability condition; with symmetric propensities and
    positive sizes it is the same as "no single switch lowers the energy". A switch must lower
    frustration by more than a relative tolerance of 1e-9 to count (floating-point noise).

    Parameters
    ----------
    sizes, propensity
        As in :func:`landscape_energy`.
    camps : array_like, shape (n,)
        Camp labels (0/1).

    Returns
    -------
    bool
    """
    s, P = _check_landscape(sizes, propensity)
    x = _check_camps(camps, s.size)
    if x.ndim != 1:
        raise ValueError("is_local_minimum takes one configuration, shape (n,)")
    return bool(_switch_gains(s, P, x).max() <= _tolerance(s, P))


def descend(sizes, propensity, camps, *, rule: str = "frustration") -> tuple[np.ndarray, int]:
    """Follow the deterministic incremental dynamics from ``camps`` to a local minimum.

    At each step, among the actors whose switch would strictly lower their own frustration, one
    switches: under ``rule="frustration"`` the one whose frustration drops most, under
    ``rule="energy"`` the one whose switch lowers the energy most (``s_k |dF_k|``); ties go to the
    lowest index. Every switch lowers the energy, so the walk ends, at a local minimum. This is the
    map whose basins :func:`landscape_exact` counts.

    Parameters
    ----------
    sizes, propensity
        As in :func:`landscape_energy`.
    camps : array_like, shape (n,)
        Starting configuration (0/1 labels).
    rule : {"frustration", "energy"}
        Which actor moves (see above and the module docstring).

    Returns
    -------
    final : numpy.ndarray of int8, shape (n,)
        The local minimum reached, with labels as in the input (no relabelling).
    steps : int
        Number of switches made.
    """
    _check_rule(rule)
    s, P = _check_landscape(sizes, propensity)
    x = _check_camps(camps, s.size)
    if x.ndim != 1:
        raise ValueError("descend takes one configuration, shape (n,)")
    A = np.ascontiguousarray(P * s[None, :])
    sigma = (1.0 - 2.0 * x.astype(float))
    steps = _descend_kernel(A, s, sigma, _tolerance(s, P), rule == "energy")
    return ((1.0 - sigma) / 2.0).astype(np.int8), int(steps)


# --------------------------------------------------------------------------------------------
# Compiled kernels
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocalMinimum:
    """One local minimum of the landscape.

    Attributes
    ----------
    camps : numpy.ndarray of int8, shape (n,)
        Camp label of each actor (actor 0 is in camp 0).
    energy : float
        :func:`landscape_energy` of the configuration (ordered-pair convention).
    basin_size : int or None
        Number of alignments (out of ``2**(n-1)``) from which the deterministic dynamics ends
        here; ``None`` when basins were not computed (large ``n``, heuristic search).
    basin_fraction : float or None
        ``basin_size / 2**(n-1)``.
    restarts : int or None
        Heuristic search only: how many annealing restarts ended here (a sample, not a basin).
    """

    camps: np.ndarray
    energy: float
    basin_size: int | None = None
    basin_fraction: float | None = None
    restarts: int | None = None


@dataclass(frozen=True)
class LandscapeResult:
    """Outcome of a landscape search.

    Attributes
    ----------
    global_minimum : LocalMinimum
        Lowest-energy configuration found (exact search: the global minimum).
    local_minima : list of LocalMinimum
        Local minima, lowest energy first. Exact search: every local minimum (unless more than
        ``max_minima``; see ``n_local_minima``). Heuristic: the distinct minima its restarts ended
        in, a sample.
    frustration : numpy.ndarray, shape (n,)
        Each actor's :func:`frustration` at ``global_minimum``.
    proven_optimal : bool
        True only when the global minimum comes from exhaustive enumeration.
    method : {"exact", "heuristic"}
    rule : {"frustration", "energy"}
        Move rule of the dynamics used for local search and basins.
    n_local_minima : int
        Exact: the total number of local minima (all counted, even those not stored).
        Heuristic: the number of distinct minima found.
    basins_computed : bool
        Whether ``basin_size`` holds exact basins of attraction.
    n_configurations : int
        Exact: ``2**(n-1)`` alignments examined. Heuristic: restarts run.
    notes : list of str
        Plain-language remarks (basins skipped, minima truncated, optimality not proven).
    """

    global_minimum: LocalMinimum
    local_minima: list[LocalMinimum]
    frustration: np.ndarray
    proven_optimal: bool
    method: str
    rule: str
    n_local_minima: int
    basins_computed: bool
    n_configurations: int
    notes: list[str] = field(default_factory=list)


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
    dynamics of :func:`descend` moves next, then resolve every chain by pointer jumping; this needs
    ``8 * 2**(n-1)`` bytes (64 MB at n = 24, 1 GB at 28).

    Parameters
    ----------
    sizes : array_like, shape (n,)
        Actor sizes ``s_i > 0``.
    propensity : array_like, shape (n, n)
        Symmetric propensities (diagonal ignored).
    rule : {"frustration", "energy"}
        Move rule of the dynamics that defines basins (module docstring).
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
    switch's energy change), then finishes with the deterministic descent of :func:`descend`, so
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


def random_landscape(n_actors: int, *, seed: int | np.random.Generator | None = 0) -> tuple[np.ndarray, np.ndarray]:
    """A random test instance: sizes ~ Uniform(0.1, 1), symmetric propensities ~ Normal(0, 1).

    A Sherrington-Kirkpatrick-type spin glass with positive weights: frustrated, with many local
    minima, so a fair test for search methods. Not a model of any real system.

    Parameters
    ----------
    n_actors : int
    seed : int, numpy.random.Generator or None

    Returns
    -------
    sizes : numpy.ndarray, shape (n,)
    propensity : numpy.ndarray, shape (n, n)
        Symmetric, zero diagonal.
    """
    rng = np.random.default_rng(seed)
    sizes = rng.uniform(0.1, 1.0, n_actors)
    G = rng.normal(size=(n_actors, n_actors))
    P = np.triu(G, 1)
    return sizes, P + P.T
