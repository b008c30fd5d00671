"""Pole-anchored blocs on arrays: the vectorised algorithm behind ``method="poles"``.

Blocs anchored by the great powers (Waltz 1979; Bueno de Mesquita 1975; Wayman 1984; the
definition is in :mod:`foedus.analysis.polarity`'s docstring), computed on a graph given as
arrays of nodes and edges, so that one call covers every year of a history or of a simulated
run at once. :mod:`foedus.analysis.polarity` applies it to a history's defence network,
:mod:`foedus.analysis.indicators` to every year of an ensemble run.

References
----------
.. [1] Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." *Journal of Conflict
   Resolution* 19(2): 187-216.
.. [2] Waltz, K. N. 1979. *Theory of International Politics*. Addison-Wesley (ch. 8).
.. [3] Wayman, F. W. 1984. "Bipolarity and War: The Role of Capability Concentration and
   Alliance Patterns among Major Powers, 1816-1965." *Journal of Peace Research* 21(1): 61-78.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

__all__ = ["pole_bloc_leaders", "strength_rank", "contested_states"]


def pole_bloc_leaders(rank: np.ndarray, major: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pole-anchored blocs (``method="poles"`` of :mod:`foedus.analysis.polarity`) of a graph given as arrays.

    The graph may hold several years at once (one node per state-year, edges only within a
    year): nothing here compares nodes that no edge joins. Vectorised; the cost is linear in
    the number of edges (plus a logarithmic number of pointer-jumping passes).

    Parameters
    ----------
    rank : array of int, shape (n,)
        A permutation of ``0 .. n-1``: the strength order of the nodes, 0 the strongest
        (within a year: CINC descending, then COW code ascending).
    major : array of bool, shape (n,)
        Major powers (the poles).
    i, j : arrays of int
        The edges (defence pacts), each listed once or in both directions.

    Returns
    -------
    numpy.ndarray of int, shape (n,)
        For every node, the node index of its bloc's leader: the anchoring major power for
        nodes tied to a major power, the strongest member of its component of pole-less
        states otherwise (itself when it has no defence pact). Nodes with the same leader
        form one bloc.

    Examples
    --------
    A chain 0-1-2-3 where 0 and 3 are major powers (0 the strongest): the chain does not
    merge them; node 1 follows 0, node 2 follows 3.

    >>> pole_bloc_leaders(np.arange(4), np.array([True, False, False, True]), np.array([0, 1, 2]), np.array([1, 2, 3])).tolist()
    [0, 0, 3, 3]
    """
    rank = np.asarray(rank, dtype=np.int64)
    major = np.asarray(major, dtype=bool)
    n = len(rank)
    node_of_rank = np.empty(n, np.int64)
    node_of_rank[rank] = np.arange(n)
    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    a, b = np.concatenate([i, j]), np.concatenate([j, i])
    a, b = a[a != b], b[a != b]
    none = np.int64(n)
    # 1. each major power follows its strongest stronger major-power ally; anchors follow nobody
    mm = major[a] & major[b] & (rank[b] < rank[a])
    best = np.full(n, none)
    np.minimum.at(best, a[mm], rank[b[mm]])
    parent = np.arange(n)
    has = best < none
    parent[has] = node_of_rank[best[has]]
    while True:  # pointer jumping: every link goes to a strictly stronger power, so this ends
        nxt = parent[parent]
        if np.array_equal(nxt, parent):
            break
        parent = nxt
    leader = parent.copy()
    # 2. any other state follows the strongest major power it is allied to
    mn = ~major[a] & major[b]
    best = np.full(n, none)
    np.minimum.at(best, a[mn], rank[b[mn]])
    anchored = best < none
    leader[anchored] = parent[node_of_rank[best[anchored]]]
    # 3. states allied to no major power: components of their pacts among themselves
    free = ~major & ~anchored
    ff = free[a] & free[b]
    _, comp = connected_components(coo_matrix((np.ones(int(ff.sum())), (a[ff], b[ff])), shape=(n, n)), directed=False)
    top = np.full(n, none)
    np.minimum.at(top, comp[free], rank[free])
    leader[free] = node_of_rank[top[comp[free]]]
    return leader


def strength_rank(cinc: np.ndarray, codes: np.ndarray, group: np.ndarray | None = None) -> np.ndarray:
    """Strength order of nodes (0 strongest) within each group: CINC descending (NaN as 0), then code.

    Parameters
    ----------
    cinc : numpy.ndarray
        Capability share of every node.
    codes : numpy.ndarray
        COW code of every node (breaks ties: the lower code ranks first).
    group : numpy.ndarray, optional
        Group of every node (e.g. its year); groups are ranked in ascending order, one after
        the other. Default: one group.

    Returns
    -------
    numpy.ndarray
        Rank of every node, 0 .. n - 1 over all nodes (groups in order).

    Examples
    --------
    >>> strength_rank(np.array([0.1, 0.3, 0.3]), np.array([2, 365, 200])).tolist()
    [2, 1, 0]
    """
    c = np.nan_to_num(np.asarray(cinc, dtype=float), nan=0.0)
    g = np.zeros(len(c), np.int64) if group is None else np.asarray(group)
    order = np.lexsort((np.asarray(codes), -c, g))
    rank = np.empty(len(c), np.int64)
    rank[order] = np.arange(len(c))
    return rank


def contested_states(leader: np.ndarray, major: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Nodes that share an edge with a major power of another bloc.

    Parameters
    ----------
    leader : numpy.ndarray
        Bloc label of every node (e.g. its bloc leader, :func:`pole_bloc_leaders`).
    major : numpy.ndarray of bool
        Major-power flag of every node.
    i, j : numpy.ndarray of int
        End points of the edges (defence pacts), each edge once.

    Returns
    -------
    numpy.ndarray of bool
        True for a node allied to a major power outside its own bloc.
    """
    out = np.zeros(len(leader), bool)
    for u, v in ((i, j), (j, i)):
        hit = major[v] & (leader[u] != leader[v])
        out[u[hit]] = True
    return out
