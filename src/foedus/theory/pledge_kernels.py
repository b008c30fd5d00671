"""Compiled passes of terms the blocs and alignment steps ask for every year (issue 16, speed): the worth of a neutrality
pledge while the partner's alignment is unread, the defender's local balance, and the worth of a pledge to join an attack
or to stay out of it.

:func:`unread_alignment` evaluates :func:`foedus.theory.reassurance.unread_alignment` (Kydd 2005; Snyder 1997; Leeds et
al. 2002), :func:`local_balance` :func:`foedus.theory.deterrence_extended.local_balance` (Huth & Russett 1984; Huth
1988), :func:`aggrandisement` and :func:`isolation` those of :mod:`foedus.theory.offence` (Bueno de Mesquita 1981)
entry by entry in one pass over the pairs, instead of a sort of every row and some ten (N, N) temporaries. Each
row's largest entry off the diagonal and its next in the order of a stable sort (the largest, first on ties; then the
largest of the others, first on ties) are found by two scans, and every entry is computed with the same IEEE operations
in the same order as the array form (``np.where`` and ``np.maximum`` as numpy evaluates them), so the results are equal to
the bit for finite inputs (``tests/theory/test_pledge_kernels.py`` holds them to the array forms, the reference). The
formulas, their sources and their published forms are those of the public functions' docstrings; these take the same
arguments, without their checks.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.theory import deterrence_extended as _deter
from foedus.theory import reassurance as _reassure

__all__ = ["aggrandisement", "isolation", "local_balance", "unread_alignment"]


@njit(cache=True)
def _top_two(x, i, n):  # pragma: no cover (compiled)
    """Row ``i``'s largest column and the next in the order of ``np.argsort(-x[i], kind="stable")`` (the diagonal counted as 0)."""
    first, best = 0, (0.0 if i == 0 else x[i, 0])
    for k in range(1, n):
        v = 0.0 if k == i else x[i, k]
        if v > best:
            first, best = k, v
    second, best2 = -1, 0.0
    for k in range(n):
        if k == first:
            continue
        v = 0.0 if k == i else x[i, k]
        if second < 0 or v > best2:
            second, best2 = k, v
    return first, second


@njit(cache=True)
def relief_gain(star, added, power):  # pragma: no cover (compiled)
    """``max(rho(star + added) - rho(star), 0)`` with ``rho(x) = x / (x + power)`` (0 where ``x + power`` is not positive; NaN
    kept): what a partner's capability ``added`` to one's side against a threat ``star`` relieves (the pressure ratio of
    :func:`foedus.theory.reassurance.spiral_relief` and :func:`~foedus.theory.reassurance.unread_alignment`), one pair."""
    x = star + added
    dx = x + power
    hi = x / dx if dx > 0 else 0.0
    ds = star + power
    lo = star / ds if ds > 0 else 0.0
    gain = hi - lo
    return gain if (gain >= 0.0 or np.isnan(gain)) else 0.0


@njit(cache=True, inline="always")
def pressure(star, power):  # pragma: no cover (compiled)
    """``rho(star) = star / (star + power)`` (0 where ``star + power`` is not positive): :func:`relief_gain`'s ratio before the
    partner's capability is added, the same for every partner of a row with the same ``star`` (computed once there)."""
    ds = star + power
    return star / ds if ds > 0 else 0.0


@njit(cache=True, inline="always")
def relief_from(star, added, power, lo):  # pragma: no cover (compiled)
    """:func:`relief_gain` of ``star``, ``added`` and ``power`` with ``lo`` its :func:`pressure` ``rho(star)`` given (the same
    operations on the same numbers: the same bits)."""
    x = star + added
    dx = x + power
    hi = x / dx if dx > 0 else 0.0
    gain = hi - lo
    return gain if (gain >= 0.0 or np.isnan(gain)) else 0.0


@njit(cache=True)
def _unread_kernel(e, r, p, u, pi, d, w, out):  # pragma: no cover (compiled)
    """The entries of :func:`foedus.theory.reassurance.unread_alignment` with ``defends`` ``d`` and ``war_risk`` ``w`` (into ``out``)."""
    n = e.shape[0]
    for i in range(n):
        first, second = _top_two(e, i, n)
        e1 = 0.0 if first == i else e[i, first]
        e2 = 0.0 if second == i else e[i, second]
        pc = p[i]
        lo1, lo2 = pressure(e1, pc), pressure(e2, pc)  # rho of the row's two stars, once a row (the same bits as per entry)
        for j in range(n):
            if j == i:
                out[i, j] = 0.0
                continue
            if j == first:
                star, excl, lo = e2, second, lo2
            else:
                star, excl, lo = e1, first, lo1
            v = u[i, j] * pi * relief_from(star, r[i, j], pc, lo)
            if d[j, excl] and star > 0:
                v = 0.0
            out[i, j] = v * w[i, excl]


def unread_alignment(expected, reach, power, uncertainty, *, prior: float, defends, war_risk) -> np.ndarray:
    """:func:`foedus.theory.reassurance.unread_alignment` (same arguments, ``defends`` and ``war_risk`` given, no checks), compiled."""
    e = np.ascontiguousarray(expected, dtype=float)
    n = e.shape[0]
    if n < 2:
        return _reassure.unread_alignment(expected, reach, power, uncertainty, prior=prior, defends=defends, war_risk=war_risk, check=False)
    u = np.ascontiguousarray(np.broadcast_to(np.asarray(uncertainty, dtype=float), (n, n)))
    out = np.empty((n, n))
    _unread_kernel(
        e, np.ascontiguousarray(reach, dtype=float), np.ascontiguousarray(power, dtype=float), u, float(prior),
        np.ascontiguousarray(defends, dtype=bool), np.ascontiguousarray(war_risk, dtype=float), out,
    )
    return out


@njit(cache=True)
def _balance_kernel(t, r, out):  # pragma: no cover (compiled)
    """The entries of :func:`foedus.theory.deterrence_extended.local_balance` (into ``out``)."""
    n = t.shape[0]
    first = np.empty(n, np.int64)
    second = np.empty(n, np.int64)
    for j in range(n):
        first[j], second[j] = _top_two(t, j, n)
    for i in range(n):
        for j in range(n):
            if i == j:
                out[i, j] = 1.0
                continue
            k = second[j] if first[j] == i else first[j]
            has = (0.0 if k == j else t[j, k]) > 0
            own = r[j, i]
            tot = own + r[j, k]
            out[i, j] = own / tot if (has and tot > 0) else 1.0


def local_balance(threat, reach) -> np.ndarray:
    """:func:`foedus.theory.deterrence_extended.local_balance` (no checks), compiled."""
    t = np.ascontiguousarray(threat, dtype=float)
    n = t.shape[0]
    if n < 2:
        return _deter.local_balance(threat, reach, check=False)
    out = np.empty((n, n))
    _balance_kernel(t, np.ascontiguousarray(reach, dtype=float), out)
    return out


@njit(cache=True)
def _pos(a):  # pragma: no cover (compiled)
    """``np.maximum(a, 0.0)`` of a float."""
    return a if (a >= 0.0 or np.isnan(a)) else 0.0


@njit(cache=True)
def _odds(own, other):  # pragma: no cover (compiled)
    """``own / (own + other)``, 0 where both are 0 (:func:`foedus.theory.offence._odds`)."""
    tot = own + other
    return own / tot if tot > 0 else 0.0


@njit(cache=True)
def _offence_kernel(h, r, target, isolate, defends, use_defends, out):  # pragma: no cover (compiled)
    """The entries of :func:`foedus.theory.offence.aggrandisement` (``isolate`` False) or :func:`~foedus.theory.offence.isolation`
    (True, ``defends`` read where ``use_defends``) of the states with a target ``target[i] >= 0`` (into ``out``, zeros elsewhere)."""
    n = h.shape[0]
    for i in range(n):
        for j in range(n):
            out[i, j] = 0.0
    for i in range(n):
        k = target[i]
        if k < 0:
            continue
        own = r[k, i]
        defend = r[k, k]
        alone = _odds(own, defend)
        hik = h[i, k]
        for j in range(n):
            if isolate:
                opposed = _odds(own, defend + r[k, j])
                loss = _pos(2.0 * alone - 1.0) - _pos(2.0 * opposed - 1.0)
                v = hik * (1.0 - h[j, k]) * _pos(loss)
                if use_defends:
                    v *= 0.0 if defends[j, k] else 1.0
            else:
                joint = _odds(own + r[k, j], defend)
                gain = _pos(2.0 * joint - 1.0) - _pos(2.0 * alone - 1.0)
                v = hik * h[j, k] * _pos(gain)
            out[i, j] = v
        out[i, k] = 0.0
        out[i, i] = 0.0


def _offence(hostility, reach, target, isolate: bool, defends) -> np.ndarray:
    h = np.ascontiguousarray(hostility, dtype=float)
    n = h.shape[0]
    out = np.empty((n, n))
    use = defends is not None
    d = np.ascontiguousarray(defends, dtype=bool) if use else np.zeros((1, 1), bool)
    _offence_kernel(h, np.ascontiguousarray(reach, dtype=float), np.ascontiguousarray(target, dtype=np.int64), isolate, d, use, out)
    return out


def aggrandisement(hostility, reach, target) -> np.ndarray:
    """:func:`foedus.theory.offence.aggrandisement` (no checks), compiled; ``target`` is
    :func:`foedus.theory.offence.offence_target` of ``hostility``."""
    return _offence(hostility, reach, target, False, None)


def isolation(hostility, reach, target, *, defends=None) -> np.ndarray:
    """:func:`foedus.theory.offence.isolation` (no checks), compiled; ``target`` is :func:`foedus.theory.offence.offence_target`
    of ``hostility``."""
    return _offence(hostility, reach, target, True, defends)
