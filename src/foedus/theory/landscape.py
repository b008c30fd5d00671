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

**Search.** This module holds the model: the energy, the frustrations, the dynamics and the
types of a search's result. Finding the minima, by exhaustive enumeration or by simulated
annealing, is :mod:`foedus.theory.landscape_minima`; the compiled kernels of both, and of
:func:`descend`, are :mod:`foedus.theory.landscape_kernels` (this module does not import numba).

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
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "RULES",
    "LocalMinimum",
    "LandscapeResult",
    "landscape_energy",
    "frustration",
    "propensity_from_ratings",
    "is_local_minimum",
    "descend",
    "random_landscape",
]

RULES: tuple[str, ...] = ("frustration", "energy")
"""Deterministic move rules of the incremental dynamics (see the module docstring)."""

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
    map whose basins :func:`foedus.theory.landscape_minima.landscape_exact` counts.

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
    from foedus.theory.landscape_kernels import _descend_kernel

    A = np.ascontiguousarray(P * s[None, :])
    sigma = (1.0 - 2.0 * x.astype(float))
    steps = _descend_kernel(A, s, sigma, _tolerance(s, P), rule == "energy")
    return ((1.0 - sigma) / 2.0).astype(np.int8), int(steps)


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
