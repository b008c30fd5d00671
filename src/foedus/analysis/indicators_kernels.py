"""Compiled passes of the run indicators (:mod:`foedus.analysis.indicators`).

:func:`co_membership` is the defence-pact network of every year of a run, the co-membership
``B.T @ B`` of the bipartite graph of agreement-years and state-years without its diagonal, built
in one compiled pass over each state-year's agreements instead of scipy's sparse product, diagonal
subtraction and pruning (0.6-1.0 ms of a world-2022 run's 4-5 ms of indicators). The same matrix:
the same rows, columns and counts, indices sorted within each row (``tests/analysis/test_indicators_kernels.py``
holds it to the scipy product).
"""

from __future__ import annotations

import numpy as np
from numba import njit
from scipy import sparse

__all__ = ["co_membership"]


def co_membership(ay: np.ndarray, sn: np.ndarray, n_groups: int, n_nodes: int) -> sparse.csr_matrix:
    """``B.T @ B`` without its diagonal and with no explicit zero, as a canonical CSR matrix of float counts.

    ``B`` is the (``n_groups``, ``n_nodes``) 0/1 matrix with ones at ``(ay[k], sn[k])``: here the
    agreement-years and the state-years of a run's defence pacts. Entry ``(u, v)`` of the result,
    ``u != v``, is the number of groups holding both ``u`` and ``v``.

    Parameters
    ----------
    ay, sn : numpy.ndarray of int
        The ones of ``B``, distinct pairs sorted by ``ay`` then ``sn`` (as the sorted distinct keys
        ``ay * n_nodes + sn`` give them).
    n_groups, n_nodes : int
        The shape of ``B``.
    """
    ay = np.ascontiguousarray(ay, dtype=np.int64)
    sn = np.ascontiguousarray(sn, dtype=np.int64)
    indptr, indices, data = _co_membership_kernel(ay, sn, int(n_groups), int(n_nodes))
    return sparse.csr_matrix((data, indices, indptr), shape=(int(n_nodes), int(n_nodes)))


@njit(cache=True)
def _co_membership_kernel(ay, sn, n_groups, n_nodes):  # pragma: no cover - compiled
    m = len(ay)
    # each group's members: the entries are sorted by group, so a group is a run of entries
    gstart = np.zeros(n_groups + 1, np.int64)
    for k in range(m):
        gstart[ay[k] + 1] += 1
    for g in range(n_groups):
        gstart[g + 1] += gstart[g]
    # each node's groups (counting sort of the entries by node; a node's groups in ascending order)
    nstart = np.zeros(n_nodes + 1, np.int64)
    for k in range(m):
        nstart[sn[k] + 1] += 1
    for v in range(n_nodes):
        nstart[v + 1] += nstart[v]
    fill = nstart[:-1].copy()
    ngroups = np.empty(m, np.int64)
    for k in range(m):
        ngroups[fill[sn[k]]] = ay[k]
        fill[sn[k]] += 1
    # first pass: the distinct partners of every node
    mark = np.full(n_nodes, -1, np.int64)
    indptr = np.zeros(n_nodes + 1, np.int64)
    for u in range(n_nodes):
        c = 0
        for q in range(nstart[u], nstart[u + 1]):
            g = ngroups[q]
            for k in range(gstart[g], gstart[g + 1]):
                v = sn[k]
                if v != u and mark[v] != u:
                    mark[v] = u
                    c += 1
        indptr[u + 1] = indptr[u] + c
    # second pass: the partners and the number of groups shared with each, sorted within the row
    indices = np.empty(indptr[n_nodes], np.int32)
    data = np.empty(indptr[n_nodes], np.float64)
    mark[:] = -1
    slot = np.empty(n_nodes, np.int64)
    for u in range(n_nodes):
        p = indptr[u]
        for q in range(nstart[u], nstart[u + 1]):
            g = ngroups[q]
            for k in range(gstart[g], gstart[g + 1]):
                v = sn[k]
                if v == u:
                    continue
                if mark[v] != u:
                    mark[v] = u
                    slot[v] = p
                    indices[p] = v
                    data[p] = 1.0
                    p += 1
                else:
                    data[slot[v]] += 1.0
        lo, hi = indptr[u], indptr[u + 1]
        for a in range(lo + 1, hi):  # insertion sort of the row (a few partners)
            iv, dv = indices[a], data[a]
            b = a - 1
            while b >= lo and indices[b] > iv:
                indices[b + 1] = indices[b]
                data[b + 1] = data[b]
                b -= 1
            indices[b + 1] = iv
            data[b + 1] = dv
    return indptr, indices, data
