"""Compiled passes of the run indicators (:mod:`foedus.analysis.indicators`).

:func:`co_membership` is the defence-pact network of every year of a run, the co-membership
``B.T @ B`` of the bipartite graph of agreement-years and state-years without its diagonal, built
in one compiled pass over each state-year's agreements instead of scipy's sparse product, diagonal
subtraction and pruning (0.6-1.0 ms of a world-2022 run's 4-5 ms of indicators). The same matrix:
the same rows, columns and counts, indices sorted within each row (``tests/analysis/test_indicators_kernels.py``
holds it to the scipy product). :func:`con_and_effective_years` is the polarity columns' CON (Ray & Singer 1973) and
effective numbers (Laakso & Taagepera 1979) of every year in one pass, numpy's pairwise sums reproduced (the same bits).
"""

from __future__ import annotations

import numpy as np
from numba import njit
from scipy import sparse

__all__ = ["co_membership", "con_and_effective_years"]


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


PAIRWISE_BLOCK = 128
"""numpy's pairwise summation adds up to this many values in one unrolled block; :func:`con_and_effective_years` takes
groups of at most this many (larger ones recurse in numpy, and numba's cache does not keep recursive functions)."""


@njit(cache=True)
def _pairwise_sum(a, lo, n):  # pragma: no cover - compiled
    """numpy's pairwise summation of ``a[lo:lo + n]`` (float64, contiguous, ``n <= PAIRWISE_BLOCK``): ``numpy.sum``'s order, so its bits."""
    if n < 8:
        res = 0.0
        for i in range(n):
            res += a[lo + i]
        return res
    r = a[lo : lo + 8].copy()
    i = 8
    while i < n - (n % 8):
        for j in range(8):
            r[j] += a[lo + i + j]
        i += 8
    res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


def con_and_effective_years(c: np.ndarray, c_t: np.ndarray, b: np.ndarray, b_t: np.ndarray, n_years: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Per year, CON and the effective number of ``c`` (rows ``c_t`` of each year) and the effective number of ``b`` (rows ``b_t``).

    :func:`foedus.analysis.indicators._con_and_effective` of each year's values, in one compiled pass: the same operations
    in the same order (the sums in numpy's pairwise order), so the same bits. ``c_t`` and ``b_t`` are sorted (rows ordered
    by year); a year without a row of ``c`` is NaN in all three, as the loop over the years with a major power left it.
    Values none negative (the caller checks). None when a year has more than :data:`PAIRWISE_BLOCK` values of ``c`` or of
    ``b`` (the caller then loops over the years).
    """
    for t in (c_t, b_t):
        if len(t) and np.bincount(t).max() > PAIRWISE_BLOCK:
            return None
    con, eff_c, eff_b = (np.full(int(n_years), np.nan) for _ in range(3))
    _con_effective_kernel(np.ascontiguousarray(c, dtype=np.float64), np.ascontiguousarray(c_t, dtype=np.int64),
                          np.ascontiguousarray(b, dtype=np.float64), np.ascontiguousarray(b_t, dtype=np.int64), con, eff_c, eff_b)
    return con, eff_c, eff_b


@njit(cache=True)
def _con_effective(c, lo, hi, want_con):  # pragma: no cover - compiled
    n = hi - lo
    if n == 0:
        return np.nan, np.nan
    total = _pairwise_sum(c, lo, n)
    if total <= 0:
        return np.nan, np.nan
    sq = np.empty(n)
    for k in range(n):
        s = c[lo + k] / total
        sq[k] = s * s
    q = _pairwise_sum(sq, 0, n)
    con = np.nan
    if want_con and n >= 2:
        v = (q - 1.0 / n) / (1.0 - 1.0 / n)
        if 0.0 > v:  # noqa: PLR1730  (Python's max(v, 0.0), which keeps v unless 0.0 is greater: the same for -0.0)
            v = 0.0
        con = np.sqrt(v)
    return con, 1.0 / q


@njit(cache=True)
def _con_effective_kernel(c, c_t, b, b_t, con, eff_c, eff_b):  # pragma: no cover - compiled
    i = 0
    p = 0
    while i < len(c_t):
        y = c_t[i]
        e = i
        while e < len(c_t) and c_t[e] == y:
            e += 1
        con[y], eff_c[y] = _con_effective(c, i, e, True)
        while p < len(b_t) and b_t[p] < y:
            p += 1
        q = p
        while q < len(b_t) and b_t[q] == y:
            q += 1
        eff_b[y] = _con_effective(b, p, q, False)[1]
        i = e
