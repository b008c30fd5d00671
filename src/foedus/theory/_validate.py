"""Input checks shared by the modules of :mod:`foedus.theory`.

Two styles: the array checks (``_array``, ``_vector``, ``_matrix``, ``_per_state``,
``_per_pair``) name the argument and the first bad index; ``_checked`` and ``_broadcast`` also
name the calling function. Both raise ``ValueError`` with a message a user can act on.
"""

from __future__ import annotations

import numpy as np


def _array(name: str, x, *, nonneg: bool = False, unit: bool = False, allow_inf: bool = False) -> np.ndarray:
    """``x`` as a float array, or a ValueError naming ``name`` and the first bad entry."""
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: not numeric ({exc})") from None
    if a.size:
        # Fast path: two reductions decide validity (NaN fails every comparison); the slow path
        # below only runs to name the offending entry.
        lo, hi = a.min(), a.max()
        ok_lo = lo >= 0 if (nonneg or unit) else lo > -np.inf
        ok_hi = hi <= 1 if unit else (hi <= np.inf if allow_inf else hi < np.inf)
        if ok_lo and ok_hi:
            return a
    bad = np.isnan(a) if allow_inf else ~np.isfinite(a)
    if bad.any():
        raise ValueError(f"{name}: non-finite value at index {_first(bad)}")
    if (nonneg or unit) and (a < 0).any():
        idx = _first(a < 0)
        raise ValueError(f"{name}: negative value {float(a[idx])} at index {idx}; must be >= 0")
    if unit and (a > 1).any():
        idx = _first(a > 1)
        raise ValueError(f"{name}: value {float(a[idx])} at index {idx} is above 1; must lie in [0, 1]")
    return a


def _first(mask: np.ndarray) -> tuple[int, ...] | int:
    idx = tuple(int(v) for v in np.argwhere(mask)[0])
    return idx[0] if len(idx) == 1 else idx


def _vector(name: str, x, n: int | None = None, **kw) -> np.ndarray:
    """A per-state array of shape (N,)."""
    a = _array(name, x, **kw)
    if a.ndim != 1 or (n is not None and a.shape[0] != n):
        want = f"({n},)" if n is not None else "(N,)"
        raise ValueError(f"{name}: expected shape {want} (one value per state), got {a.shape}")
    return a


def _matrix(name: str, x, n: int | None = None, **kw) -> np.ndarray:
    """A per-pair array of shape (N, N)."""
    a = _array(name, x, **kw)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or (n is not None and a.shape[0] != n):
        want = f"({n}, {n})" if n is not None else "(N, N)"
        raise ValueError(f"{name}: expected a square matrix of shape {want}, got {a.shape}")
    return a


def _per_state(name: str, x, n: int, **kw) -> np.ndarray:
    """A scalar or an (N,) array, returned with shape (N,)."""
    a = _array(name, x, **kw)
    if a.ndim == 0:
        return np.full(n, float(a))
    return _vector(name, a, n)


def _per_pair(name: str, x, n: int, **kw) -> np.ndarray:
    """A scalar, an (N,) array (one value per viewing state i, i.e. per row) or an (N, N) array."""
    a = _array(name, x, **kw)
    if a.ndim == 0:
        return np.full((n, n), float(a))
    if a.ndim == 1:
        return np.repeat(_vector(name, a, n)[:, None], n, axis=1)
    return _matrix(name, a, n)


def _zero_diagonal(a: np.ndarray) -> np.ndarray:
    np.fill_diagonal(a, 0.0)
    return a




def _checked(
    x,
    name: str,
    func: str,
    *,
    lo: float | None = None,
    hi: float | None = None,
    lo_open: bool = False,
    hi_open: bool = False,
) -> np.ndarray:
    """``x`` as a float array, or a ValueError naming ``func``, ``name``, the first bad index and why."""
    if type(x) is float or type(x) is int:
        # scalars (most keyword parameters): checked without building arrays
        v = float(x)
        if v == v and v not in (np.inf, -np.inf) and (lo is None or (v > lo if lo_open else v >= lo)) and (hi is None or (v < hi if hi_open else v <= hi)):
            return np.asarray(v)
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{func}: {name} must be numeric ({exc})") from None
    if a.size:
        # Fast path: two reductions decide (NaN fails every comparison); the slow path below
        # only runs to name the offending entry.
        a_lo, a_hi = a.min(), a.max()
        if (
            -np.inf < a_lo
            and a_hi < np.inf
            and (lo is None or (a_lo > lo if lo_open else a_lo >= lo))
            and (hi is None or (a_hi < hi if hi_open else a_hi <= hi))
        ):
            return a
    else:
        return a
    bad = ~np.isfinite(a)
    reason = "must be finite (no NaN or inf)"
    if not bad.any():
        if lo is not None:
            low = a <= lo if lo_open else a < lo
            if low.any():
                bad, reason = low, f"must be {'>' if lo_open else '>='} {lo:g}"
        if not bad.any() and hi is not None:
            high = a >= hi if hi_open else a > hi
            if high.any():
                bad, reason = high, f"must be {'<' if hi_open else '<='} {hi:g}"
    if bad.any():
        if a.ndim == 0:
            raise ValueError(f"{func}: {name} {reason}; got {a.item()!r}")
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(f"{func}: {name} {reason}; got {a[idx]!r} at index {idx}")
    return a


def _broadcast(func: str, **arrays: np.ndarray) -> list[np.ndarray]:
    try:
        return list(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())
        raise ValueError(f"{func}: shapes do not broadcast: {shapes}") from None
