"""Compiled passes of :mod:`foedus.theory.obligations` (issue 16): the goods of every pair and the risk of defending.

:func:`goods_kernel` evaluates :func:`foedus.theory.obligations.obligation_goods`' formulas entry by entry in one
pass over the pairs, and :func:`burden_kernel` :func:`foedus.theory.obligations.defence_burden`'s, instead of some
twenty (N, N) temporaries each. Every entry is computed with the same IEEE operations in the same order as the
array form (``np.where``, ``np.maximum`` and ``np.minimum`` as numpy evaluates them, a boolean factor as 1.0 or
0.0), so the results are equal to the bit for finite inputs (``tests/theory/test_obligations_kernels.py`` holds
them to the array form, kept there as the reference). The formulas, their sources and their published forms are
those of the public functions' docstrings.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["burden_kernel", "goods_kernel", "goods_pairs", "goods_rows", "main_threats"]


@njit(cache=True)
def _max(a, b):  # pragma: no cover (compiled)
    """``np.maximum(a, b)`` of two floats: ``a`` when ``a >= b`` or ``a`` is NaN."""
    return a if (a >= b or np.isnan(a)) else b


@njit(cache=True)
def _min(a, b):  # pragma: no cover (compiled)
    """``np.minimum(a, b)`` of two floats: ``a`` when ``a <= b`` or ``a`` is NaN."""
    return a if (a <= b or np.isnan(a)) else b


@njit(cache=True)
def main_threats(t):  # pragma: no cover (compiled)
    """Each row's largest threat off the diagonal ``T*`` (N,) and its first column ``t(i)`` (N,) (the diagonal counted as 0,
    as ``t.max(axis=1)`` and ``t.argmax(axis=1)`` of the matrix with its diagonal set to 0)."""
    n = t.shape[0]
    star = np.zeros(n)
    main = np.zeros(n, np.int64)
    for i in range(n):
        best = 0.0 if i == 0 else t[i, 0]
        arg = 0
        for j in range(1, n):
            v = 0.0 if j == i else t[i, j]
            if v > best:
                best = v
                arg = j
        star[i] = best
        main[i] = arg
    return star, main


@njit(cache=True)
def goods_rows(t, p):  # pragma: no cover (compiled)
    """The row terms of :func:`goods_kernel`: each row's main threat ``T*`` (N,) and its column ``t(i)`` (N,) (:func:`main_threats`),
    and ``base`` (N,), the pressure of the main threat on the row's own capability ``rho(T*_i)``."""
    n = p.shape[0]
    star, main = main_threats(t)
    base = np.empty(n)
    for i in range(n):
        s = star[i] + p[i]
        base[i] = star[i] / (s if s > 0 else 1.0) if s > 0 else 0.0
    return star, main, base


@njit(cache=True, inline="always")
def _row_factors(i, mi, risk, has_risk, has_iso, target):  # pragma: no cover (compiled)
    """Row ``i``'s chance of the war over its main threat ``t(i)`` and of the war over its target (:func:`goods_kernel`)."""
    risk_main = risk[i, mi] if has_risk else 1.0
    iso_factor = 1.0
    if has_iso and has_risk:
        k = target[i]
        iso_factor = risk[i, max(k, 0)] if k >= 0 else 0.0
    return risk_main, iso_factor


@njit(cache=True, inline="always")
def _entry(i, j, mi, mj, si, sj, pi, base_i, on, t_ij, t_j_mi, t_i_mj, tr_ij, part, has_defends, defended, has_cred, cred_ij, has_risk, risk_main,
           has_iso, iso_ij, iso_factor):  # pragma: no cover (compiled)
    """The reassurance, abstention and transparency of the pair ``(i, j)``, ``i != j``, before their weights: :func:`goods_kernel`'s
    entry in its operations and their order, for :func:`goods_pairs` (scalars only: ``t_j_mi = T[j, t(i)]``, ``t_i_mj = T[i, t(j)]``,
    ``part`` the partner's capability that reaches ``i``, ``defended`` whether ``j`` defends ``t(i)``). :func:`goods_kernel` keeps its
    own loop: written with this helper it ran 12 % slower (36 -> 42 us at 66 states, 300 -> 340 us at 200, measured), so the entry is
    stated twice and ``tests/theory/test_obligations_kernels.py`` holds :func:`goods_pairs` to :func:`goods_kernel` to the bit."""
    # mu[i, j] = T[j, t(i)] / T*_j, 0 where j is not threatened, at most 1; mu[j, i] likewise
    x = 0.0 if j == mi else t_j_mi
    mu_ij = _min(x / (sj if sj > 0 else 1.0) if sj > 0 else 0.0, 1.0)
    y = 0.0 if i == mj else t_i_mj
    mu_ji = _min(y / (si if si > 0 else 1.0) if si > 0 else 0.0, 1.0)
    d = tr_ij + pi
    reassurance = tr_ij / (d if d > 0 else 1.0) if d > 0 else 0.0
    wj = si + part
    weight_j = part / (wj if wj > 0 else 1.0) if wj > 0 else 0.0
    joined = si + t_ij
    dj = joined + pi
    rho_joined = joined / (dj if dj > 0 else 1.0) if dj > 0 else 0.0
    a = (1.0 - mu_ij) * _max(rho_joined - base_i, 0.0) * on
    if j == mi:
        a = 0.0
    if has_defends:
        a *= 0.0 if defended else 1.0
    if has_cred:
        a *= cred_ij
    if has_risk:
        a *= risk_main
    if has_iso:
        a += iso_ij * iso_factor if has_risk else iso_ij
    return reassurance, a, mu_ij * mu_ji * base_i * weight_j


@njit(cache=True)
def goods_kernel(
    u, t, tr, p, reach, has_reach, aggr, has_aggr, iso, has_iso, defends, has_defends, cred, has_cred, risk, has_risk, target, w,
):  # pragma: no cover (compiled)
    """(5, N, N): :func:`foedus.theory.obligations.obligation_goods` of float64 (N, N) ``u``, ``t``, ``tr`` (the reassurance
    threat), ``p`` (N,), and the optional terms (each with its ``has_`` flag; a placeholder array where absent): ``reach``,
    ``aggr``, ``iso``, ``defends`` (bool), ``cred``, ``risk`` with ``target`` (N,) int, and the weights ``w`` (5,)."""
    n = p.shape[0]
    out = np.empty((5, n, n))
    star, main = main_threats(t)
    t_cols = np.ascontiguousarray(t.T)  # column t(i) of the threats read along a row: t_cols[k, j] = t[j, k]
    base = np.empty(n)
    for i in range(n):
        s = star[i] + p[i]
        base[i] = star[i] / (s if s > 0 else 1.0) if s > 0 else 0.0
    for i in range(n):
        mi = main[i]
        si = star[i]
        pi = p[i]
        on = 1.0 if si > 0 else 0.0
        risk_main = risk[i, mi] if has_risk else 1.0
        iso_factor = 1.0
        if has_iso and has_risk:
            k = target[i]
            iso_factor = risk[i, max(k, 0)] if k >= 0 else 0.0
        for j in range(n):
            if i == j:
                for g in range(5):
                    out[g, i, j] = 0.0
                continue
            # mu[i, j] = T[j, t(i)] / T*_j, 0 where j is not threatened, at most 1; mu[j, i] likewise
            sj = star[j]
            x = 0.0 if j == mi else t_cols[mi, j]
            mu_ij = _min(x / (sj if sj > 0 else 1.0) if sj > 0 else 0.0, 1.0)
            mj = main[j]
            y = 0.0 if i == mj else t[i, mj]
            mu_ji = _min(y / (si if si > 0 else 1.0) if si > 0 else 0.0, 1.0)
            out[0, i, j] = u[i, j] * w[0]
            out[4, i, j] = (aggr[i, j] if has_aggr else 0.0) * w[4]
            d = tr[i, j] + pi
            out[1, i, j] = (tr[i, j] / (d if d > 0 else 1.0) if d > 0 else 0.0) * w[1]
            part = reach[i, j] if has_reach else p[j]
            wj = si + part
            weight_j = part / (wj if wj > 0 else 1.0) if wj > 0 else 0.0
            joined = si + t[i, j]
            dj = joined + pi
            rho_joined = joined / (dj if dj > 0 else 1.0) if dj > 0 else 0.0
            a = (1.0 - mu_ij) * _max(rho_joined - base[i], 0.0) * on
            if j == mi:
                a = 0.0
            if has_defends:
                a *= 0.0 if defends[j, mi] else 1.0
            if has_cred:
                a *= cred[i, j]
            if has_risk:
                a *= risk_main
            if has_iso:
                a += iso[i, j] * iso_factor if has_risk else iso[i, j]
            out[2, i, j] = a * w[2]
            out[3, i, j] = mu_ij * mu_ji * base[i] * weight_j * w[3]
    return out


@njit(cache=True)
def goods_pairs(group, out, have, star, main, base, u, t, tr, p, reach, has_reach, aggr, has_aggr, iso, has_iso, defends, has_defends, cred,
                has_cred, risk, has_risk, target, w):  # pragma: no cover (compiled)
    """:func:`goods_kernel`'s entries (5, N, N) of the pairs of ``group`` (K,) int not yet computed (``have`` (N, N) bool), written to
    ``out`` and marked in ``have``; ``star``, ``main``, ``base`` the row terms of ``t`` and ``p`` (:func:`goods_rows`), the other
    arguments :func:`goods_kernel`'s. The same numbers to the bit (the same entry, :func:`_entry`): a step that reads the goods of a
    few pairs only computes those."""
    for a in range(group.shape[0]):
        i = group[a]
        mi = main[i]
        si = star[i]
        pi = p[i]
        on = 1.0 if si > 0 else 0.0
        risk_main, iso_factor = _row_factors(i, mi, risk, has_risk, has_iso, target)
        for b in range(group.shape[0]):
            j = group[b]
            if have[i, j]:
                continue
            have[i, j] = True
            if i == j:
                for g in range(5):
                    out[g, i, j] = 0.0
                continue
            out[0, i, j] = u[i, j] * w[0]
            out[4, i, j] = (aggr[i, j] if has_aggr else 0.0) * w[4]
            r, x, tp = _entry(i, j, mi, main[j], si, star[j], pi, base[i], on, t[i, j], t[j, mi], t[i, main[j]], tr[i, j],
                              reach[i, j] if has_reach else p[j], has_defends, defends[j, mi] if has_defends else False, has_cred,
                              cred[i, j] if has_cred else 1.0, has_risk, risk_main, has_iso, iso[i, j] if has_iso else 0.0, iso_factor)
            out[1, i, j] = r * w[1]
            out[2, i, j] = x * w[2]
            out[3, i, j] = tp * w[3]


@njit(cache=True)
def burden_kernel(t, p, reach, has_reach):  # pragma: no cover (compiled)
    """(N, N): :func:`foedus.theory.obligations.defence_burden` of float64 ``t`` (N, N), ``p`` (N,) and, with ``has_reach``,
    ``reach`` (N, N): ``T*_j`` (j's largest threat other than i, the diagonal counted as 0) over ``T*_j + R_ji``."""
    n = p.shape[0]
    out = np.zeros((n, n))
    if n < 2:
        return out
    first = np.empty(n)  # each row's largest and second-largest entry (an order statistic: a tie counts twice)
    second = np.empty(n)
    main = np.zeros(n, np.int64)
    for j in range(n):
        hi = -np.inf
        lo = -np.inf
        arg = 0
        for k in range(n):
            v = 0.0 if k == j else t[j, k]
            if v > hi:
                lo = hi
                hi = v
                arg = k
            elif v > lo:
                lo = v
        first[j] = hi
        second[j] = lo
        main[j] = arg
    reach_cols = np.ascontiguousarray(reach.T)  # reach_cols[i, j] = reach[j, i], read along a row
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            s = second[j] if main[j] == i else first[j]
            d = s + (reach_cols[i, j] if has_reach else p[i])
            out[i, j] = s / (d if d > 0 else 1.0) if d > 0 else 0.0
    return out
