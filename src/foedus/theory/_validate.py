"""Input checks shared by the modules of :mod:`foedus.theory`.

Two styles: the array checks (``_array``, ``_vector``, ``_matrix``, ``_per_state``,
``_per_pair``) name the argument and the first bad index; ``_checked`` and ``_broadcast`` also
name the calling function. Both raise ``ValueError`` with a message a user can act on.

Every helper takes ``check`` (default True). With ``check=False`` it only converts, as the
public functions' ``check=False`` (scipy's ``check_finite`` precedent) promises: ``np.asarray(x,
dtype=float)``, plus the expansion of a scalar or (N,) input to (N,) or (N, N) where the helper
does one, so that a valid input gives the same array, bit for bit, either way.
"""

from __future__ import annotations

import numpy as np


def _array(
    name: str, x, *, nonneg: bool = False, unit: bool = False, allow_inf: bool = False, check: bool = True
) -> np.ndarray:
    """``x`` as a float array, or a ValueError naming ``name`` and the first bad entry."""
    if not check:
        return np.asarray(x, dtype=float)
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: not numeric ({exc})") from None
    if a.size and _within(a, 0.0 if (nonneg or unit) else None, 1.0 if unit else None, allow_inf=allow_inf):
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


def _within(
    a: np.ndarray,
    lo: float | None,
    hi: float | None,
    *,
    lo_open: bool = False,
    hi_open: bool = False,
    allow_inf: bool = False,
) -> bool:
    """Whether every entry of the non-empty ``a`` is finite (``+inf`` too with ``allow_inf``) and in the bounds.

    The checkers' fast path: two reductions decide (NaN fails every comparison), so the slow
    paths that name the offending entry only run on bad input.
    """
    a_lo, a_hi = a.min(), a.max()
    return bool(
        -np.inf < a_lo
        and (a_hi <= np.inf if allow_inf else a_hi < np.inf)
        and (lo is None or (a_lo > lo if lo_open else a_lo >= lo))
        and (hi is None or (a_hi < hi if hi_open else a_hi <= hi))
    )


def _first(mask: np.ndarray) -> tuple[int, ...] | int:
    idx = tuple(int(v) for v in np.argwhere(mask)[0])
    return idx[0] if len(idx) == 1 else idx


def _vector(name: str, x, n: int | None = None, *, check: bool = True, **kw) -> np.ndarray:
    """A per-state array of shape (N,)."""
    a = _array(name, x, check=check, **kw)
    if not check:
        return a
    if a.ndim != 1 or (n is not None and a.shape[0] != n):
        want = f"({n},)" if n is not None else "(N,)"
        raise ValueError(f"{name}: expected shape {want} (one value per state), got {a.shape}")
    return a


def _matrix(name: str, x, n: int | None = None, *, check: bool = True, **kw) -> np.ndarray:
    """A per-pair array of shape (N, N)."""
    a = _array(name, x, check=check, **kw)
    if not check:
        return a
    if a.ndim != 2 or a.shape[0] != a.shape[1] or (n is not None and a.shape[0] != n):
        want = f"({n}, {n})" if n is not None else "(N, N)"
        raise ValueError(f"{name}: expected a square matrix of shape {want}, got {a.shape}")
    return a


def _per_state(name: str, x, n: int, *, check: bool = True, **kw) -> np.ndarray:
    """A scalar or an (N,) array, returned with shape (N,)."""
    a = _array(name, x, check=check, **kw)
    if a.ndim == 0:
        return np.full(n, float(a))
    return _vector(name, a, n) if check else a


def _per_pair(name: str, x, n: int, *, check: bool = True, **kw) -> np.ndarray:
    """A scalar, an (N,) array (one value per viewing state i, i.e. per row) or an (N, N) array."""
    a = _array(name, x, check=check, **kw)
    if a.ndim == 0:
        return np.full((n, n), float(a))
    if a.ndim == 1:
        return np.repeat((_vector(name, a, n) if check else a)[:, None], n, axis=1)
    return _matrix(name, a, n) if check else a


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
    check: bool = True,
) -> np.ndarray:
    """``x`` as a float array, or a ValueError naming ``func``, ``name``, the first bad index and why."""
    if not check:
        return np.asarray(x, dtype=float)
    if type(x) is float or type(x) is int:
        # scalars (most keyword parameters): checked without building arrays
        v = float(x)
        if v == v and v not in (np.inf, -np.inf) and (lo is None or (v > lo if lo_open else v >= lo)) and (hi is None or (v < hi if hi_open else v <= hi)):
            return np.asarray(v)
    try:
        a = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{func}: {name} must be numeric ({exc})") from None
    if not a.size or _within(a, lo, hi, lo_open=lo_open, hi_open=hi_open):
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


def _broadcast(func: str, *, check: bool = True, **arrays: np.ndarray) -> list[np.ndarray]:
    """The arrays broadcast against each other, or a ValueError naming ``func`` and the shapes.

    With ``check=False``, arrays that already share one shape are returned as they are (what
    ``np.broadcast_arrays`` returns for them too) without building the broadcast. Arrays of
    different shapes are still broadcast, as with ``check=True``: compiled kernels (e.g.
    :func:`foedus.theory.cyber.trust_update`'s) need equal shapes, and the formulas then see
    the same arrays either way, so no result can depend on numpy computing a 0-d operand by
    its scalar rather than its array loops (``np.float64 ** float`` and the array ``**`` can
    differ in the last bit).
    """
    if not check:
        values = list(arrays.values())
        shape = values[0].shape
        for v in values:
            if v.shape != shape:
                return list(np.broadcast_arrays(*values))
        return values
    try:
        return list(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())
        raise ValueError(f"{func}: shapes do not broadcast: {shapes}") from None


def _weights(func: str, *, check: bool = True, **weights) -> list[float]:
    """The keyword ``weights`` as floats, in order, each checked ``>= 0`` (a formula fixes their signs)."""
    return [float(_checked(v, name, func, lo=0.0, check=check)) for name, v in weights.items()]
