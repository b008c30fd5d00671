"""What several steps of one year compute from the same inputs, computed once (:attr:`foedus.sim.world.World.year_cache`; issue 16).

The blocs step (:mod:`foedus.sim.steps.blocs`) and the alignment step (:mod:`foedus.sim.steps.alignment`)
both value pledges with the year's alignment utilities (:func:`foedus.theory.alignment.alignment_utilities`),
aggrandisement (:func:`foedus.theory.offence.aggrandisement`) and isolation
(:func:`foedus.theory.offence.isolation`), from the same threats, capabilities, hostility and reach.
:class:`YearCache` keeps each result with a copy of the inputs it was computed from, and gives it back
only when the year is the same and every input is the same to the bit (arrays compared byte for byte,
with shape and dtype; other arguments by equality): a step that changes an input in between (the blocs
step's new treaties change who defends whom, an input of isolation) gets a fresh computation, so a run
is the same with or without the cache (``tests/sim/test_yearcache.py``; the regression digests).
Entries of an earlier year are dropped at the first request of a new year. Results are returned
read-only, so no step can change what another reads.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["YearCache"]


_BYTES_LIMIT = 1 << 16
"""Arrays of numbers up to this many bytes are kept as their bytes (:class:`_Bytes`) and compared as bytes: for the
arrays of a world of some tens of states (66 x 66 floats: 35 kB) one copy and one ``memcmp`` cost a few microseconds,
several times less than numpy's elementwise comparison and its reduction; larger ones (a copy that large is mapped
page by page) are kept as arrays and compared by :func:`_same`'s words."""


class _Bytes:
    """A small numeric array kept as its shape, dtype and C-order bytes (:data:`_BYTES_LIMIT`)."""

    __slots__ = ("shape", "dtype", "data")

    def __init__(self, a: np.ndarray) -> None:
        self.shape, self.dtype, self.data = a.shape, a.dtype, a.tobytes()


def _frozen(v):
    """A copy of an input to compare later (small numeric arrays as their bytes, other arrays copied, the rest kept as is)."""
    if isinstance(v, np.ndarray):
        return _Bytes(v) if v.nbytes <= _BYTES_LIMIT and v.dtype.kind in "biuf" else np.array(v, copy=True)
    return v


_WORDS = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}


def _same(a, b) -> bool:
    """Whether two inputs are the same to the bit: arrays of one shape and dtype with equal bytes, anything else equal
    (``a`` may be a small array kept as its bytes, :class:`_Bytes`: the same test, on ``b``'s C-order bytes)."""
    if type(a) is _Bytes:
        return isinstance(b, np.ndarray) and b.shape == a.shape and b.dtype == a.dtype and b.tobytes() == a.data
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)) or a.shape != b.shape or a.dtype != b.dtype:
            return False
        word = _WORDS.get(a.dtype.itemsize)
        if word is not None and a.dtype.kind in "biuf" and a.flags.c_contiguous and b.flags.c_contiguous:
            # the common case (a contiguous numeric array against its frozen copy): its elements compared as unsigned words
            # of their own size, the bytes compared in place with the fewest numpy calls (issue 16: this check runs ~60 times a year)
            return bool((a.view(word) == b.view(word)).all())
        # the bytes compared in place (no copies of the arrays' bytes, as tobytes made), eight at a time where they divide
        word = np.uint64 if a.nbytes % 8 == 0 else np.uint8
        return bool(np.array_equal(np.ascontiguousarray(a).reshape(-1).view(word), np.ascontiguousarray(b).reshape(-1).view(word)))
    return type(a) is type(b) and a == b


def _readonly(out):
    """The result with its arrays made read-only (a tuple of arrays too)."""
    for a in out if isinstance(out, tuple) else (out,):
        if isinstance(a, np.ndarray):
            a.flags.writeable = False
    return out


class YearCache:
    """Results of one year keyed by name, each valid while the year and its inputs are the same (see the module's docstring)."""

    def __init__(self) -> None:
        self.year: int | None = None
        self.entries: dict[str, tuple[dict, object]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, year: int, name: str, compute: Callable[[], object], **inputs):
        """``compute()``, or what it gave for ``name`` earlier this ``year`` from the same ``inputs`` (keyword arguments)."""
        if year != self.year:
            self.entries.clear()
            self.year = year
        hit = self.entries.get(name)
        if hit is not None and hit[0].keys() == inputs.keys():
            frozen = hit[0]
            for k, v in inputs.items():  # a loop, not all() over a generator: this runs ~60 times a year
                if not _same(frozen[k], v):
                    break
            else:
                self.hits += 1
                return hit[1]
        self.misses += 1
        out = _readonly(compute())
        self.entries[name] = ({k: _frozen(v) for k, v in inputs.items()}, out)
        return out
