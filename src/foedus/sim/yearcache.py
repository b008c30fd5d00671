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

Most names are asked once a year (the alignment step's terms, built once for its own helpers): keeping a copy of their
inputs, to compare with a request that never comes, is work that need not be done (issue 16: at 200 states about a
dozen (N, N) copies a year). A name never asked twice in one year of the run so far is kept without its inputs at its first
request of a year (:meth:`YearCache.get`); should a second request come that year, it finds no inputs to compare and computes
again, gives back the first result (the same object) when the new one is the same to the bit, and keeps its inputs from then
on (the name is no longer taken for a name asked once). A result is thus given back only for inputs equal to the bit, and
every number is what a computation from them gives.

A name whose computation reads nothing of the year but its inputs may be asked with ``across_years=True``: its inputs are
always kept, and its entry outlives the year, given back in a later year only when every input is the same to the bit (issue 16:
in a world whose capabilities, threats and reach stand still, as the reduced world of ``benchmarks/vs_mesa.py``, the year's
terms of Morrow's exchange, the war risk and the alignment utilities are the same year after year). The caller names every
input a computation reads, the year's terms included (``tests/sim/test_yearcache.py``; the regression digests). Where the
inputs move every year (capabilities that grow: the full model), keeping and comparing them is work for nothing (at 200
states a copy and a comparison of several (N, N) arrays a year): a name whose carried entry missed :data:`CARRY_TRIES` years
running is no longer carried (asked as without ``across_years``).
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


CARRY_TRIES = 3
"""Years running a name's carried entry may miss (its inputs moved) before the name is no longer carried (:meth:`YearCache.get`)."""


_WORDS = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}


def _same(a, b) -> bool:
    """Whether two inputs are the same to the bit: arrays of one shape and dtype with equal bytes, anything else equal
    (``a`` may be a small array kept as its bytes, :class:`_Bytes`: the same test, on ``b``'s C-order bytes).

    One object is the same as itself: an argument other than an array is kept as it is (:func:`_frozen`), so on a hit it is
    the very object asked with, and its ``==`` (the run's parameters: a model's fields one by one, about 20 us, asked with
    several names a year) is not needed (issue 16)."""
    if a is b:
        return True
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
        self.entries: dict[str, tuple[dict | None, object]] = {}
        self.hits = 0
        self.misses = 0
        self.asked: dict[str, int] = {}  # how many times each name was asked this year
        self.once: set[str] = set()  # the names asked in an earlier year and never twice in one year: kept without their inputs at first
        self.repeated: set[str] = set()  # the names asked twice in one year (their inputs are always kept)
        self.carried: dict[str, tuple[dict, object]] = {}  # the entries of the year before of the names asked across_years
        self.year_free: set[str] = set()  # the names asked across_years and carried (not given up: CARRY_TRIES)
        self.carry_misses: dict[str, int] = {}  # years running each name's carried entry missed

    def get(self, year: int, name: str, compute: Callable[[], object], *, across_years: bool = False, **inputs):
        """``compute()``, or what it gave for ``name`` earlier this ``year`` from the same ``inputs`` (keyword arguments);
        ``across_years``: or in an earlier year, from the same inputs (a computation that reads nothing of the year but them)."""
        if year != self.year:
            self._new_year(year)
        asked = self.asked[name] = self.asked.get(name, 0) + 1
        hit = self.entries.get(name)
        carried = None
        if across_years:
            across_years = self.carry_misses.get(name, 0) < CARRY_TRIES  # given up where its inputs moved year after year
            if across_years and hit is None:
                self.year_free.add(name)
                hit = carried = self.carried.pop(name, None)  # the entry of the year before, compared as this year's would be
        if hit is not None and hit[0] is not None and hit[0].keys() == inputs.keys():
            frozen = hit[0]
            for k, v in inputs.items():  # a loop, not all() over a generator: this runs ~60 times a year
                if not _same(frozen[k], v):
                    break
            else:
                self.hits += 1
                if carried is not None:
                    self.entries[name] = carried
                    self.carry_misses[name] = 0
                return hit[1]
        if carried is not None:
            self.carry_misses[name] = misses = self.carry_misses.get(name, 0) + 1
            across_years = misses < CARRY_TRIES
            if not across_years:
                self.year_free.discard(name)
            hit = None  # an earlier year's entry: nothing to give back this year
        self.misses += 1
        out = _readonly(compute())
        if asked == 1 and name in self.once and not across_years:  # a name asked once a year: its inputs are not kept (nothing would compare them)
            self.entries[name] = (None, out)
            return out
        if hit is not None and hit[0] is None:  # asked again after all: the first result if this one is the same to the bit
            self.once.discard(name)
            self.repeated.add(name)
            if _same_result(hit[1], out):
                out = hit[1]
        self.entries[name] = ({k: _frozen(v) for k, v in inputs.items()}, out)
        return out

    def __setstate__(self, saved: dict) -> None:
        """Restore a pickled cache; one pickled before :attr:`asked`, :attr:`once` and :attr:`repeated` existed starts them empty."""
        self.__init__()
        self.__dict__.update(saved)

    def _new_year(self, year: int) -> None:
        """Drop the entries of the year before, learning from it which names are asked once a year (:attr:`once`); those of the
        names asked ``across_years`` (their inputs kept) are carried to the new year (:attr:`carried`)."""
        for name, count in self.asked.items():
            if count > 1:
                self.repeated.add(name)
                self.once.discard(name)
            elif name not in self.repeated:
                self.once.add(name)
        self.asked.clear()
        self.carried = {k: e for k, e in self.entries.items() if k in self.year_free and e[0] is not None}
        self.entries.clear()
        self.year = year


def _same_result(a, b) -> bool:
    """Whether two results are the same to the bit: numeric arrays (:func:`_same`), tuples of them element by element; anything else not."""
    if isinstance(a, np.ndarray):
        return a.dtype.kind in "biufc" and isinstance(b, np.ndarray) and _same(a, b)
    if isinstance(a, tuple):
        return isinstance(b, tuple) and len(a) == len(b) and all(_same_result(x, y) for x, y in zip(a, b))
    return False
