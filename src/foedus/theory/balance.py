"""Structural balance of signed networks (brief H3; Heider 1946; Cartwright & Harary 1956).

A signed network joins pairs of actors by friendly (``+1``) or hostile (``-1``) ties; ``0`` means no
tie. Here it is a symmetric ``n x n`` matrix of signs with a zero diagonal (or a NetworkX graph
whose edges carry a ``sign`` attribute).

* A **triad** (three actors, all three pairs tied) is **balanced** when the product of its three
  signs is positive: all friends, or two friends with a common enemy (Heider 1946). The other two
  kinds ("the friend of my friend is my enemy", three mutual enemies) are unbalanced.
* The network is **balanced** when every cycle has a positive product; by the structure theorem of
  Cartwright & Harary (1956), exactly when its actors split into two camps with every friendly tie
  inside a camp and every hostile tie across.
* The **frustration index** (Harary's *line index of balance*, 1959) is the smallest number of
  ties whose removal, or equivalently whose change of sign, makes the network balanced. It equals
  the minimum over two-camp partitions of the number of violated ties (friendly ties across
  camps plus hostile ties inside one) and so is the minimum energy of a landscape
  (:mod:`foedus.theory.landscape`) with unit sizes and propensities equal to the signs:
  ``violations = E / 2 + (number of hostile ties)``. It is computed exactly for components of
  up to ``exact_max_nodes`` actors (the frustration index adds up over connected components)
  and by simulated annealing beyond, with ``proven_optimal=False`` unless the heuristic reaches 0.
* **Local triad dynamics** (Antal, Krapivsky & Redner 2005) move a complete signed graph towards
  balance by repairing one randomly chosen unbalanced triad at a time (:func:`local_triad_dynamics`).

References
----------
.. [1] Heider, F. 1946. "Attitudes and Cognitive Organization." *Journal of Psychology* 21: 107-112.
.. [2] Cartwright, D., and F. Harary. 1956. "Structural Balance: A Generalization of Heider's
   Theory." *Psychological Review* 63(5): 277-293.
.. [3] Harary, F. 1959. "On the Measurement of Structural Balance." *Behavioral Science* 4(4):
   316-323.
.. [4] Antal, T., P. L. Krapivsky, and S. Redner. 2005. "Dynamics of Social Balance on Networks."
   *Physical Review E* 72: 036121. arXiv:cond-mat/0506476.
.. [5] Aref, S., A. J. Mason, and M. C. Wilson. 2020. "A Modeling and Computational Study of the
   Frustration Index in Signed Networks." *Networks* 75(1): 95-110.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from foedus.theory.landscape_minima import EXACT_MAX_ACTORS, landscape_exact, landscape_heuristic

__all__ = [
    "TriadCensus",
    "BalancePartition",
    "TriadDynamicsResult",
    "signed_matrix",
    "triad_census",
    "is_balanced",
    "balance_partition",
    "frustration_index",
    "local_triad_dynamics",
    "stationary_friendly_density",
]

EXACT_MAX_NODES = 28
"""Largest connected component :func:`balance_partition` solves by enumeration by default."""


def signed_matrix(graph, *, weight: str = "sign", nodelist=None) -> np.ndarray:
    """A validated signed adjacency matrix (int8, symmetric, entries -1/0/+1, zero diagonal).

    Parameters
    ----------
    graph : array_like of shape (n, n), or networkx.Graph
        A matrix of signs, or an undirected NetworkX graph whose edges carry the sign in the
        attribute ``weight`` (any positive number counts as +1, any negative as -1).
    weight : str
        Edge attribute holding the sign (NetworkX input only).
    nodelist : list, optional
        Node order for NetworkX input (default: ``graph.nodes``).

    Returns
    -------
    numpy.ndarray of int8, shape (n, n)

    Raises
    ------
    ValueError
        Non-square, asymmetric, self-loops, values other than -1, 0, +1, missing or zero signs.
    """
    import networkx as nx

    if isinstance(graph, nx.Graph):
        if graph.is_directed():
            raise ValueError("structural balance needs an undirected signed graph")
        nodes = list(graph.nodes) if nodelist is None else list(nodelist)
        pos = {v: k for k, v in enumerate(nodes)}
        S = np.zeros((len(nodes), len(nodes)), dtype=np.int8)
        for u, v, val in graph.edges(data=weight):
            if u == v:
                raise ValueError(f"self-loop at node {u!r}: a tie needs two actors")
            if val is None or not np.isfinite(val) or val == 0:
                raise ValueError(f"edge ({u!r}, {v!r}) has no usable '{weight}' (need a positive or negative number)")
            S[pos[u], pos[v]] = S[pos[v], pos[u]] = 1 if val > 0 else -1
        return S
    M = np.asarray(graph)
    if M.ndim != 2 or M.shape[0] != M.shape[1]:
        raise ValueError(f"a signed adjacency matrix must be square, got shape {M.shape}")
    if not np.isin(M, (-1, 0, 1)).all():
        raise ValueError("a signed adjacency matrix holds only -1 (hostile), 0 (no tie) and +1 (friendly)")
    if np.any(np.diag(M) != 0):
        i = int(np.flatnonzero(np.diag(M))[0])
        raise ValueError(f"self-loop at node {i}: the diagonal must be 0")
    if not np.array_equal(M, M.T):
        i, j = np.argwhere(M != M.T)[0]
        raise ValueError(f"a signed graph is undirected: entry ({i}, {j}) = {M[i, j]} but ({j}, {i}) = {M[j, i]}")
    return M.astype(np.int8)


@dataclass(frozen=True)
class TriadCensus:
    """Counts of closed triads (three actors, three ties) by the number of hostile ties.

    Attributes
    ----------
    by_hostile_ties : tuple of 4 ints
        Triads with 0, 1, 2, 3 hostile ties (Antal et al.'s types Delta_0 .. Delta_3).
    balanced : int
        Delta_0 + Delta_2 (positive sign product).
    unbalanced : int
        Delta_1 + Delta_3.
    """

    by_hostile_ties: tuple[int, int, int, int]
    balanced: int
    unbalanced: int


def triad_census(signs) -> TriadCensus:
    """Balanced and unbalanced triads of a signed network (Heider 1946; Cartwright & Harary 1956).

    Brief H3. With ``F`` and ``H`` the 0/1 matrices of friendly and hostile ties, the triads with
    ``k`` hostile ties are counted by traces of matrix products: ``tr(F^3)/6``, ``tr(H F^2)/2``,
    ``tr(F H^2)/2`` and ``tr(H^3)/6`` (each closed walk is counted once per starting tie and
    direction). Cost ``O(n^3)`` in BLAS; exact in float64 for any graph that fits in memory.

    Parameters
    ----------
    signs : array_like (n, n) or networkx.Graph
        Signed network (see :func:`signed_matrix`).

    Returns
    -------
    TriadCensus

    Examples
    --------
    >>> triad_census([[0, 1, -1], [1, 0, -1], [-1, -1, 0]]).balanced
    1
    """
    S = signed_matrix(signs).astype(float)
    F = (S > 0).astype(float)
    H = (S < 0).astype(float)
    F2 = F @ F
    H2 = H @ H
    t0 = np.einsum("ij,ji->", F2, F) / 6.0
    t1 = np.einsum("ij,ji->", F2, H) / 2.0
    t2 = np.einsum("ij,ji->", H2, F) / 2.0
    t3 = np.einsum("ij,ji->", H2, H) / 6.0
    k = tuple(int(round(v)) for v in (t0, t1, t2, t3))
    return TriadCensus(by_hostile_ties=k, balanced=k[0] + k[2], unbalanced=k[1] + k[3])


def _double_cover_labels(S: np.ndarray) -> tuple[bool, np.ndarray]:
    """Balance test on the signed double cover: node (i, +) and (i, -) must not meet.

    Friendly tie i-j joins (i, c) to (j, c), hostile joins (i, c) to (j, -c). The graph is
    balanced iff no actor's two copies share a component; the component of (i, +) then names a
    camp. Returns (balanced, camps).
    """
    n = S.shape[0]
    i, j = np.nonzero(np.triu(S, 1))
    friendly = S[i, j] > 0
    rows = np.concatenate([i, i + n])
    cols = np.concatenate([np.where(friendly, j, j + n), np.where(friendly, j + n, j)])
    G = coo_matrix((np.ones(rows.size), (rows, cols)), shape=(2 * n, 2 * n))
    _, lab = connected_components(G, directed=False)
    plus, minus = lab[:n], lab[n:]
    balanced = bool(np.all(plus != minus))
    camps = np.zeros(n, dtype=np.int8)
    if balanced:
        # an actor and its rivals see the same pair of cover components, swapped
        camps = (plus > minus).astype(np.int8)
        camps ^= camps[0]
    return balanced, camps


def is_balanced(signs) -> bool:
    """Whether a signed network is structurally balanced (Cartwright & Harary 1956).

    Brief H3. Equivalent to a frustration index of 0 and to every cycle having a positive sign
    product; tested in ``O(n + m)`` by connected components of the signed double cover.

    Parameters
    ----------
    signs : array_like (n, n) or networkx.Graph

    Returns
    -------
    bool
    """
    return _double_cover_labels(signed_matrix(signs))[0]


@dataclass(frozen=True)
class BalancePartition:
    """A two-camp partition of a signed network and the ties it violates.

    Attributes
    ----------
    camps : numpy.ndarray of int8, shape (n,)
        Camp (0/1) of each actor; actor 0 in camp 0.
    frustration_index : int
        Number of violated ties (friendly across camps, hostile inside one). The frustration
        index itself when ``proven_optimal``; otherwise an upper bound.
    violated_edges : numpy.ndarray of int, shape (k, 2)
        The violated ties ``(i, j)``, ``i < j``.
    proven_optimal : bool
    method : {"balanced", "exact", "heuristic"}
        "balanced": the network is balanced (index 0, any size); "exact": every component was
        enumerated; "heuristic": at least one component was too large to enumerate.
    """

    camps: np.ndarray
    frustration_index: int
    violated_edges: np.ndarray
    proven_optimal: bool
    method: str


def _violations(S: np.ndarray, camps: np.ndarray) -> np.ndarray:
    i, j = np.nonzero(np.triu(S, 1))
    same = camps[i] == camps[j]
    bad = ((S[i, j] > 0) & ~same) | ((S[i, j] < 0) & same)
    return np.column_stack([i[bad], j[bad]])


def balance_partition(
    signs,
    *,
    method: str = "auto",
    exact_max_nodes: int = EXACT_MAX_NODES,
    seed: int | np.random.Generator | None = 0,
    restarts: int = 32,
) -> BalancePartition:
    """The two-camp partition that minimises violated ties, and the frustration index.

    Brief H3; Cartwright & Harary (1956), Harary (1959). Balanced networks are recognised in
    linear time (:func:`is_balanced`). Otherwise each connected component is solved on its own
    (the index adds up over components): by exhaustive Gray-code enumeration
    (:func:`foedus.theory.landscape_minima.landscape_exact` with unit sizes and the signs as
    propensities) when it has at most ``exact_max_nodes`` actors, by multi-start simulated
    annealing (:func:`foedus.theory.landscape_minima.landscape_heuristic`) otherwise.

    Parameters
    ----------
    signs : array_like (n, n) or networkx.Graph
    method : {"auto", "exact", "heuristic"}
        "exact" enumerates every component (at most 30 actors each); "heuristic" anneals every
        unbalanced component; "auto" chooses by size.
    exact_max_nodes : int
        Largest component "auto" enumerates.
    seed : int, numpy.random.Generator or None
        For the heuristic.
    restarts : int
        Annealing restarts per component (heuristic).

    Returns
    -------
    BalancePartition

    Examples
    --------
    >>> bp = balance_partition([[0, 1, 1], [1, 0, -1], [1, -1, 0]])  # one unbalanced triad
    >>> bp.frustration_index, bp.proven_optimal
    (1, True)
    """
    if method not in ("auto", "exact", "heuristic"):
        raise ValueError(f"method must be 'auto', 'exact' or 'heuristic', got {method!r}")
    S = signed_matrix(signs)
    n = S.shape[0]
    balanced, camps = _double_cover_labels(S)
    if balanced:
        return BalancePartition(camps, 0, np.empty((0, 2), dtype=np.int64), True, "balanced")
    rng = np.random.default_rng(seed)
    ncomp, comp = connected_components(coo_matrix(np.abs(S)), directed=False)
    camps = np.zeros(n, dtype=np.int8)
    proven = True
    used_heuristic = False
    for c in range(ncomp):
        nodes = np.flatnonzero(comp == c)
        if nodes.size == 1:
            continue
        sub = S[np.ix_(nodes, nodes)].astype(float)
        ones = np.ones(nodes.size)
        exact = method == "exact" or (method == "auto" and nodes.size <= exact_max_nodes)
        if exact and nodes.size > EXACT_MAX_ACTORS:
            raise ValueError(
                f"a connected component of {nodes.size} nodes is too large for exact search "
                f"(at most {EXACT_MAX_ACTORS}); use the heuristic or automatic method"
            )
        if exact:
            res = landscape_exact(ones, sub, basins=False, max_minima=1)
            camps[nodes] = res.global_minimum.camps
            continue
        res = landscape_heuristic(ones, sub, seed=rng, restarts=restarts)
        camps[nodes] = res.global_minimum.camps
        used_heuristic = True
        if _violations(S[np.ix_(nodes, nodes)], res.global_minimum.camps).shape[0] > 0:
            proven = False
    camps = (camps ^ camps[0]).astype(np.int8)
    bad = _violations(S, camps)
    return BalancePartition(
        camps=camps,
        frustration_index=int(bad.shape[0]),
        violated_edges=bad,
        proven_optimal=proven,
        method="heuristic" if used_heuristic else "exact",
    )


def frustration_index(signs, **kwargs) -> int:
    """Frustration index (line index of balance) of a signed network (Harary 1959; brief H3).

    The fewest ties whose removal (or sign change) leaves a balanced network; 0 exactly when the
    network is balanced. Computed by :func:`balance_partition`, which takes the same keyword
    arguments; for components larger than its exact limit the value is an upper bound (check
    ``balance_partition(...).proven_optimal``).

    Parameters
    ----------
    signs : array_like (n, n) or networkx.Graph
    **kwargs
        Passed to :func:`balance_partition`.

    Returns
    -------
    int

    Examples
    --------
    >>> frustration_index([[0, -1, -1], [-1, 0, -1], [-1, -1, 0]])  # three mutual enemies
    1
    """
    return balance_partition(signs, **kwargs).frustration_index


# --------------------------------------------------------------------------------------------
# Local triad dynamics (Antal, Krapivsky & Redner 2005)
# --------------------------------------------------------------------------------------------


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
