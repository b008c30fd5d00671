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
  balance by repairing one randomly chosen unbalanced triad at a time: how balance is reached over
  time, :mod:`foedus.theory.triad_dynamics`.

References
----------
.. [1] Heider, F. 1946. "Attitudes and Cognitive Organization." *Journal of Psychology* 21: 107-112.
.. [2] Cartwright, D., and F. Harary. 1956. "Structural Balance: A Generalization of Heider's
   Theory." *Psychological Review* 63(5): 277-293.
.. [3] Harary, F. 1959. "On the Measurement of Structural Balance." *Behavioral Science* 4(4):
   316-323.
.. [4] Aref, S., A. J. Mason, and M. C. Wilson. 2020. "A Modeling and Computational Study of the
   Frustration Index in Signed Networks." *Networks* 75(1): 95-110.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from foedus.theory.landscape_minima import EXACT_MAX_ACTORS, landscape_exact, landscape_heuristic

__all__ = [
    "TriadCensus",
    "BalancePartition",
    "signed_matrix",
    "triad_census",
    "is_balanced",
    "balance_partition",
    "frustration_index",
]

EXACT_MAX_NODES = 28
"""Largest connected component :func:`balance_partition` solves by enumeration by default."""

HEURISTIC_PAIR_BUDGET = 20_000_000
"""Pairs of actors the default annealing of one component may visit over all its restarts
(restarts x n^2): 32 restarts up to about 790 actors, fewer above, never fewer than 4."""


SPARSE_MIN_NODES = 300
"""Components of more actors are annealed on their ties alone (:func:`_sparse_heuristic`): a switch
then updates its neighbours' fields only, where the dense search updates every actor's."""

SPARSE_SWEEPS = 500
"""Sweeps of each sparse annealing run: on sparse networks of 2,000 actors, 500 sweeps reached the
same fewest violated ties as 2,000 (``benchmarks/balance.py``) at a quarter of the time."""

SPARSE_PROPOSAL_BUDGET = 20_000_000
"""Switch proposals the default sparse annealing of one component may make over all its restarts
(restarts x sweeps x n): 32 restarts up to 1,250 actors, fewer above (20 at 2,000, 8 at 5,000), never
fewer than 4."""


def _sparse_heuristic(sub: np.ndarray, rng: np.random.Generator, restarts: int | None) -> np.ndarray:
    """Camps (0/1) of the best of several annealing runs on a component's sparse ties.

    The schedule of :func:`foedus.theory.landscape_minima.landscape_heuristic` with unit sizes
    and the signs as propensities (its temperatures halved: counted in violated ties, not in
    energy), over :data:`SPARSE_SWEEPS` sweeps from ``T0 = 2 m`` to ``T1 = m / 200``, ``m`` the
    median of ``sqrt(degree)``; each run ends at a local minimum
    (:func:`foedus.theory.balance_kernels.sparse_anneal_runs`). The run with the fewest violated
    ties wins (the first among equals).
    """
    from scipy.sparse import csr_matrix

    from foedus.theory.balance_kernels import sparse_anneal_runs

    A = csr_matrix(sub.astype(float))
    A.sort_indices()
    n = sub.shape[0]
    sweeps = SPARSE_SWEEPS
    tries = restarts if restarts is not None else max(4, min(32, SPARSE_PROPOSAL_BUDGET // (sweeps * n)))
    if tries < 1:
        raise ValueError("restarts must be at least 1")
    seeds = rng.integers(0, 2**31 - 1, size=tries, dtype=np.int64)
    m = float(np.median(np.sqrt(np.diff(A.indptr)))) or 1.0
    runs = sparse_anneal_runs(A.indptr.astype(np.int64), A.indices.astype(np.int64), A.data, seeds, sweeps, 2.0 * m, m / 200.0)
    rows = np.repeat(np.arange(n), np.diff(A.indptr))
    spins = 1 - 2 * runs.astype(np.int64)  # camp 0 -> +1, camp 1 -> -1
    violated = ((A.data[None, :] * spins[:, rows] * spins[:, A.indices]) < 0).sum(axis=1) // 2
    return runs[int(np.argmin(violated))]


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
    direction). The products are sparse: cost ``O(n^2)`` to read the matrix plus the sum over actors
of their squared degrees; exact in 64-bit integers.

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
    from scipy.sparse import csr_matrix

    S = signed_matrix(signs)
    F = csr_matrix((S > 0).astype(np.int64))
    H = csr_matrix((S < 0).astype(np.int64))
    F2 = F @ F
    H2 = H @ H
    # tr(X Y) = sum of X * Y.T elementwise, and F, H are symmetric; sparse products cost O(sum of degree^2)
    t0 = F2.multiply(F).sum() // 6
    t1 = F2.multiply(H).sum() // 2
    t2 = H2.multiply(F).sum() // 2
    t3 = H2.multiply(H).sum() // 6
    k = tuple(int(v) for v in (t0, t1, t2, t3))
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
    restarts: int | None = None,
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
    restarts : int, optional
        Annealing restarts per component (heuristic). Default: 32, fewer for large components
        (:data:`HEURISTIC_PAIR_BUDGET` pairs over all restarts for components of up to
        :data:`SPARSE_MIN_NODES` actors, :data:`SPARSE_PROPOSAL_BUDGET` switch proposals above,
        where the search runs on the ties alone; at least 4).

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
        if nodes.size > SPARSE_MIN_NODES:
            found = _sparse_heuristic(S[np.ix_(nodes, nodes)], rng, restarts)
        else:
            tries = restarts if restarts is not None else max(4, min(32, HEURISTIC_PAIR_BUDGET // nodes.size**2))
            found = landscape_heuristic(ones, sub, seed=rng, restarts=tries).global_minimum.camps
        camps[nodes] = found
        used_heuristic = True
        if _violations(S[np.ix_(nodes, nodes)], found).shape[0] > 0:
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
