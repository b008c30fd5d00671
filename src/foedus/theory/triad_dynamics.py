"""Local triad dynamics: how a signed network moves towards balance (brief H3; Antal, Krapivsky & Redner 2005).

Structural balance (:mod:`foedus.theory.balance`) says which signed networks are stable; Antal,
Krapivsky & Redner (2005) give a dynamics that gets there. On a complete signed graph, each
update picks an unbalanced triad uniformly at random and repairs it by reversing one of its
ties, friendly with propensity ``p`` (:func:`local_triad_dynamics`). A finite network ends in a
balanced absorbing state; in an infinite one the friendly density approaches
:func:`stationary_friendly_density` for ``p < 1/2`` and 1 ("paradise") above.

Published form vs ours
----------------------
The published dynamics, on the complete graph, drawn exactly uniformly; nothing is ours but the
bookkeeping that keeps an update ``O(n)``.

References
----------
.. [1] Antal, T., P. L. Krapivsky, and S. Redner. 2005. "Dynamics of Social Balance on Networks."
   *Physical Review E* 72: 036121. arXiv:cond-mat/0506476.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from foedus.theory.balance import signed_matrix

__all__ = [
    "TriadDynamicsResult",
    "local_triad_dynamics",
    "stationary_friendly_density",
]


def stationary_friendly_density(p: float) -> float:
    """Mean-field stationary density of friendly ties under local triad dynamics.

    Antal, Krapivsky & Redner (2005), complete graph, infinite size. With independent ties of
    friendly density ``rho``, unbalanced triads with one hostile tie have density
    ``n1 = 3 rho^2 (1 - rho)`` and with three ``n3 = (1 - rho)^3``. An update gains a friendly tie
    with probability proportional to ``p n1 + n3`` and loses one with ``(1 - p) n1``; equating
    them gives ``(1 - rho)^2 = 3 (1 - 2p) rho^2``, i.e.

    .. math:: \\rho_\\infty = \\frac{1}{1 + \\sqrt{3 (1 - 2p)}} \\quad (p < 1/2), \\qquad
              \\rho_\\infty = 1 \\quad (p \\ge 1/2, \\text{"paradise"}).

    Parameters
    ----------
    p : float
        Probability, in [0, 1], that an unbalanced triad with one hostile tie is repaired by
        making that tie friendly.

    Returns
    -------
    float
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be a probability in [0, 1], got {p!r}")
    if p >= 0.5:
        return 1.0
    return 1.0 / (1.0 + np.sqrt(3.0 * (1.0 - 2.0 * p)))


@njit(cache=True)
def _imbalance_counts(S):
    """u[i, j]: unbalanced triads containing tie (i, j); and their total."""
    n = S.shape[0]
    u = np.zeros((n, n), np.int64)
    total = 0
    for i in range(n):
        for j in range(i + 1, n):
            c = 0
            for k in range(n):
                if k != i and k != j and S[i, j] * S[i, k] * S[j, k] < 0:
                    c += 1
            u[i, j] = c
            u[j, i] = c
            total += c
    return u, total // 3


@njit(cache=True)
def _flip(S, u, a, b):
    """Reverse tie (a, b) and update the unbalanced-triad counts; returns the change in total."""
    n = S.shape[0]
    d = 0
    for k in range(n):
        if k == a or k == b:
            continue
        # the triad (a, b, k) changes balance; +1 if it becomes unbalanced
        step = 1 if S[a, b] * S[a, k] * S[b, k] > 0 else -1
        u[a, b] += step
        u[b, a] += step
        u[a, k] += step
        u[k, a] += step
        u[b, k] += step
        u[k, b] += step
        d += step
    S[a, b] = -S[a, b]
    S[b, a] = S[a, b]
    return d


@njit(cache=True)
def _ltd_kernel(S, p, max_updates, record_every, seed):
    np.random.seed(seed)
    n = S.shape[0]
    M = n * (n - 1) // 2
    T = n * (n - 1) * (n - 2) // 6
    u, U = _imbalance_counts(S)
    friendly = 0
    for i in range(n):
        for j in range(i + 1, n):
            if S[i, j] > 0:
                friendly += 1
    n_rec = max_updates // record_every + 2
    rec_t = np.empty(n_rec, np.int64)
    rec_rho = np.empty(n_rec)
    rec_u = np.empty(n_rec, np.int64)
    rec_t[0] = 0
    rec_rho[0] = friendly / M
    rec_u[0] = U
    r = 1
    updates = 0
    tri = np.empty(3, np.int64)
    while U > 0 and updates < max_updates:
        # choose an unbalanced triad uniformly at random
        if U * 50 >= T:
            while True:
                i = np.random.randint(n)
                j = np.random.randint(n - 1)
                if j >= i:
                    j += 1
                k = np.random.randint(n - 2)
                lo = min(i, j)
                hi = max(i, j)
                if k >= lo:
                    k += 1
                if k >= hi:
                    k += 1
                if S[i, j] * S[i, k] * S[j, k] < 0:
                    break
        else:
            # a tie with probability u_ij / 3U, then one of its u_ij unbalanced triads
            target = np.random.randint(3 * U)
            acc = 0
            i = 0
            j = 0
            found = False
            for a in range(n):
                for b in range(a + 1, n):
                    acc += u[a, b]
                    if acc > target:
                        i = a
                        j = b
                        found = True
                        break
                if found:
                    break
            pick = np.random.randint(u[i, j])
            k = -1
            for c in range(n):
                if c != i and c != j and S[i, j] * S[i, c] * S[j, c] < 0:
                    if pick == 0:
                        k = c
                        break
                    pick -= 1
        tri[0] = i
        tri[1] = j
        tri[2] = k
        # ties of the triad: (i, j), (i, k), (j, k); count hostile ones
        hostile = 0
        if S[i, j] < 0:
            hostile += 1
        if S[i, k] < 0:
            hostile += 1
        if S[j, k] < 0:
            hostile += 1
        e = 0
        if hostile == 3:
            e = np.random.randint(3)  # a hostile tie turns friendly
        elif np.random.random() < p:
            # the single hostile tie turns friendly
            for m in range(3):
                a = tri[0] if m < 2 else tri[1]
                b = tri[1] if m == 0 else tri[2]
                if S[a, b] < 0:
                    e = m
        else:
            # one of the two friendly ties turns hostile
            choice = np.random.randint(2)
            seen = 0
            for m in range(3):
                a = tri[0] if m < 2 else tri[1]
                b = tri[1] if m == 0 else tri[2]
                if S[a, b] > 0:
                    if seen == choice:
                        e = m
                    seen += 1
        a = tri[0] if e < 2 else tri[1]
        b = tri[1] if e == 0 else tri[2]
        friendly += -1 if S[a, b] > 0 else 1
        U += _flip(S, u, a, b)
        updates += 1
        if updates % record_every == 0 or U == 0:
            rec_t[r] = updates
            rec_rho[r] = friendly / M
            rec_u[r] = U
            r += 1
    return rec_t[:r], rec_rho[:r], rec_u[:r], updates


@dataclass(frozen=True)
class TriadDynamicsResult:
    """Trajectory of local triad dynamics.

    Attributes
    ----------
    time : numpy.ndarray
        Recorded times, in updates per tie (``updates / M``, ``M = n(n-1)/2``).
    friendly_density : numpy.ndarray
        Share of friendly ties at each recorded time.
    unbalanced_triads : numpy.ndarray
        Number of unbalanced triads at each recorded time.
    signs : numpy.ndarray of int8, shape (n, n)
        Final signed network.
    updates : int
        Ties reversed in all.
    reached_balance : bool
        True when no unbalanced triad is left (an absorbing state); False when ``max_updates``
        stopped the run first.
    """

    time: np.ndarray
    friendly_density: np.ndarray
    unbalanced_triads: np.ndarray
    signs: np.ndarray
    updates: int
    reached_balance: bool


def local_triad_dynamics(
    n_nodes: int | None = None,
    p: float = 0.5,
    *,
    initial=0.5,
    max_updates: int | None = None,
    record_every: int | None = None,
    seed: int | np.random.Generator | None = 0,
) -> TriadDynamicsResult:
    """Local triad dynamics on a complete signed graph (Antal, Krapivsky & Redner 2005).

    Brief H3. Each update picks an unbalanced triad uniformly at random and repairs it:

    * one hostile tie (type Delta_1): with probability ``p`` the hostile tie turns friendly
      (Delta_0); otherwise one of the two friendly ties, chosen at random, turns hostile
      (Delta_2);
    * three hostile ties (Delta_3): one of them, chosen at random, turns friendly (Delta_2).

    Every reversal also changes the balance of the ``n - 2`` other triads sharing the tie, so
    repair is not monotone. A finite network ends in a balanced absorbing state; in an infinite
    one, the friendly density approaches :func:`stationary_friendly_density` for ``p < 1/2`` and
    1 ("paradise") for ``p >= 1/2``, where finite networks reach paradise quickly (Antal et al.
    2005). The unbalanced triad is drawn exactly uniformly: by rejection while they are common, by
    a tie-weighted draw when rare. Unbalanced-triad counts per tie are kept up to date in
    ``O(n)`` per update (compiled).

    Parameters
    ----------
    n_nodes : int, optional
        Size of the complete graph (when ``initial`` is a density).
    p : float
        Propensity, in [0, 1], to repair a Delta_1 triad by friendship.
    initial : float or array_like (n, n)
        Initial friendly density (each tie friendly independently with this probability), or a
        complete signed matrix (every off-diagonal entry +1 or -1).
    max_updates : int, optional
        Stop after this many reversals even if unbalanced triads remain. Default ``200 M``.
    record_every : int, optional
        Record the state every so many updates. Default ``max(1, M // 10)``.
    seed : int, numpy.random.Generator or None

    Returns
    -------
    TriadDynamicsResult

    Examples
    --------
    >>> res = local_triad_dynamics(20, p=0.8, initial=0.5, seed=1)
    >>> res.reached_balance
    True
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be a probability in [0, 1], got {p!r}")
    rng = np.random.default_rng(seed)
    if np.ndim(initial) == 0:
        if n_nodes is None or n_nodes < 3:
            raise ValueError("n_nodes (at least 3) is required when initial is a density")
        rho0 = float(initial)
        if not 0.0 <= rho0 <= 1.0:
            raise ValueError(f"initial density must lie in [0, 1], got {rho0!r}")
        up = np.where(rng.random((n_nodes, n_nodes)) < rho0, 1, -1)
        S = np.triu(up, 1)
        S = (S + S.T).astype(np.int8)
    else:
        S = signed_matrix(initial).copy()
        if n_nodes is not None and S.shape[0] != n_nodes:
            raise ValueError(f"initial has {S.shape[0]} nodes but n_nodes={n_nodes}")
        off = ~np.eye(S.shape[0], dtype=bool)
        if S.shape[0] < 3 or np.any(S[off] == 0):
            raise ValueError("local triad dynamics needs a complete signed graph (every pair +1 or -1), n >= 3")
    n = S.shape[0]
    M = n * (n - 1) // 2
    max_updates = 200 * M if max_updates is None else int(max_updates)
    record_every = max(1, M // 10) if record_every is None else int(record_every)
    if max_updates < 0 or record_every < 1:
        raise ValueError("max_updates must be >= 0 and record_every >= 1")
    kseed = int(rng.integers(0, 2**31 - 1))
    t, rho, U, updates = _ltd_kernel(S, float(p), max_updates, record_every, kseed)
    return TriadDynamicsResult(
        time=t / M,
        friendly_density=rho,
        unbalanced_triads=U,
        signs=S,
        updates=int(updates),
        reached_balance=bool(U[-1] == 0),
    )
