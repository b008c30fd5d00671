"""The per-year cache (foedus.sim.yearcache, World.year_cache): a result is reused only for the same year and inputs equal to the bit.

The blocs and alignment steps ask it for the year's alignment utilities, aggrandisement and
isolation (foedus.sim.steps.year_goods). A run with the cache is the same, table for table, as a
run whose cache never gives anything back; the cache is hit in those runs (the second step reuses
the first's utilities), and it misses where an input changed (a founding changes who defends whom).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.sim import Simulation
from foedus.sim.yearcache import YearCache
from foedus.testing import synthetic_scenario


class _Never(YearCache):
    """A cache that always computes (the run without the cache)."""

    def get(self, year, name, compute, **inputs):
        self.misses += 1
        return compute()


def test_a_result_is_reused_only_for_the_same_year_and_the_same_inputs():
    cache = YearCache()
    calls = []

    def compute():
        calls.append(1)
        return np.arange(3.0)

    a = np.array([1.0, 2.0])
    first = cache.get(2000, "x", compute, a=a, w=0.5)
    assert cache.get(2000, "x", compute, a=a.copy(), w=0.5) is first and len(calls) == 1
    assert not first.flags.writeable  # no step may change what another reads
    a[0] = -0.0 + 1.0  # the same value: still a hit
    assert cache.get(2000, "x", compute, a=a, w=0.5) is first
    cache.get(2000, "x", compute, a=np.array([1.0, 2.5]), w=0.5)  # an input changed
    cache.get(2000, "x", compute, a=np.array([1.0, 2.5]), w=0.25)  # a weight changed
    cache.get(2000, "x", compute, a=np.array([1.0, 2.5], np.float32), w=0.25)  # another dtype
    cache.get(2001, "x", compute, a=np.array([1.0, 2.5], np.float32), w=0.25)  # a new year
    assert len(calls) == 5
    z = np.array([0.0])
    cache.get(2001, "z", compute, z=z)
    cache.get(2001, "z", compute, z=-z)  # -0.0 is not the same bits as 0.0
    assert len(calls) == 7
    assert cache.year == 2001 and set(cache.entries) == {"x", "z"}


def test_a_name_asked_once_a_year_keeps_no_inputs_and_is_computed_again_if_asked_twice():
    """From the second year on, a name never asked twice in one year is kept without its inputs (issue 16); a second request
    that year computes again and gives back the first result when the new one is the same to the bit, a new one otherwise,
    and the name's inputs are kept from then on (a hit)."""
    cache = YearCache()
    calls = []

    def compute(v):
        calls.append(v)
        return np.full(3, v)

    a = np.array([1.0, 2.0])
    cache.get(2000, "x", lambda: compute(1.0), a=a)
    first = cache.get(2001, "x", lambda: compute(1.0), a=a)
    assert cache.entries["x"][0] is None and "x" in cache.once and len(calls) == 2  # asked once in 2000: no inputs kept
    assert cache.get(2001, "x", lambda: compute(1.0), a=a.copy()) is first and len(calls) == 3  # computed again, the same result
    assert cache.entries["x"][0] is not None and "x" not in cache.once
    assert cache.get(2001, "x", lambda: compute(1.0), a=a) is first and len(calls) == 3  # now a hit
    cache.get(2002, "x", lambda: compute(1.0), a=a)
    assert cache.entries["x"][0] is not None  # asked twice in a year once: its inputs are always kept
    cache.get(2002, "y", lambda: compute(2.0), a=a)
    one = cache.get(2003, "y", lambda: compute(2.0), a=a)
    other = cache.get(2003, "y", lambda: compute(3.0), a=a + 1.0)  # other inputs: the new result
    assert other is not one and other[0] == 3.0 and not other.flags.writeable
    # a tuple of arrays is the same result element by element; a result that is not an array is not compared
    from foedus.sim.yearcache import _same_result

    assert _same_result((np.zeros(2), np.ones(1)), (np.zeros(2), np.ones(1))) and not _same_result((np.zeros(2),), (-np.zeros(2),))
    assert not _same_result((np.zeros(2), object()), (np.zeros(2), object())) and not _same_result([1], [1])


def test_a_cache_pickled_before_the_names_asked_once_is_restored():
    """A world pickled with a cache of before speedC15 (no asked, once or repeated) is restored with them empty and serves."""
    import pickle

    cache = YearCache()
    first = cache.get(2000, "x", lambda: np.arange(2.0), a=np.ones(2))
    old = pickle.loads(pickle.dumps(cache))
    for name in ("asked", "once", "repeated"):
        del old.__dict__[name]
    restored = pickle.loads(pickle.dumps(old))
    assert restored.asked == {} and restored.once == set() and restored.repeated == set()
    assert restored.get(2000, "x", lambda: np.zeros(2), a=np.ones(2)).tobytes() == first.tobytes() and restored.hits == 1


def _tables(sim: Simulation) -> dict[str, tuple]:
    """Each table's columns, dtypes and row hashes (as the regression digests read them)."""
    h = sim.history()
    out = {}
    for name in ("state_years", "agreements", "memberships", "events"):
        df = getattr(h, name).reset_index(drop=True)
        out[name] = (list(map(str, df.dtypes.items())), pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    return out


@pytest.mark.parametrize("seed", range(2))
def test_a_run_with_the_cache_is_the_run_without_it(seed):
    runs = []
    for cache in (YearCache(), _Never()):
        sim = Simulation(synthetic_scenario(60, seed=seed, years=20, alliances=6, cyber=True), rng=seed)
        sim.world.year_cache = cache
        sim.run(20)
        runs.append((_tables(sim), cache))
    (with_cache, cache), (without, _) = runs
    assert with_cache == without
    assert cache.hits > 0 and cache.misses > 20  # reused, and recomputed each year


def test_inputs_are_the_same_only_when_their_bytes_are():
    """The key check compares bytes, not values: -0.0 is not 0.0, a NaN is itself; views, other dtypes and shapes differ."""
    from foedus.sim.yearcache import _same

    x = np.array([[0.0, np.nan], [1.0, 2.0]])
    assert _same(x, x.copy()) and not _same(x, np.array([[-0.0, np.nan], [1.0, 2.0]]))
    assert not _same(x, x.astype(np.float32)) and not _same(x, x.reshape(4)) and not _same(x, x.tolist())
    assert _same(x.T, np.ascontiguousarray(x.T)) and not _same(x.T, x)  # a strided view against a contiguous copy
    for a in (np.array([True, False]), np.arange(5, dtype=np.int16), np.arange(3, dtype=np.int32), np.array(2.5), np.zeros((0, 3))):
        b = a.copy()
        assert _same(a, b)
        if a.size:
            b.flat[0] = not a.flat[0] if a.dtype == bool else a.flat[0] + 1
            assert not _same(a, b)
    assert _same(np.array([1 + 2j]), np.array([1 + 2j])) and not _same(np.array([1 + 2j]), np.array([1 - 2j]))
    assert _same(3, 3) and not _same(3, 3.0) and not _same(np.float64(1.0), 1.0)


def test_a_kept_input_compares_as_the_input_itself_small_or_large():
    """What the cache keeps of an input (its bytes when small, a copy when large: speed12b) compares as the input did."""
    from foedus.sim.yearcache import _BYTES_LIMIT, _frozen, _same

    big = np.random.default_rng(0).random((1 + _BYTES_LIMIT // 8, 2))
    for x in (np.array([[0.0, np.nan], [1.0, 2.0]]), big):
        k = _frozen(x)
        assert _same(k, x.copy()) and _same(k, np.asfortranarray(x))  # the same values in another memory order
        y = x.copy()
        y[0, 0] = -0.0 if x[0, 0] == 0.0 else -y[0, 0]
        assert not _same(k, y) and not _same(k, x.astype(np.float32)) and not _same(k, x.reshape(-1)) and not _same(k, x.tolist())
        assert _same(_frozen(x.T), np.ascontiguousarray(x.T)) and not _same(_frozen(x.T), x)
        x[1, 1] += 1.0  # the input changes in place after it was kept
        assert not _same(k, x)
    for a in (np.array([True, False]), np.arange(5, dtype=np.int16), np.arange(3, dtype=np.int32), np.array(2.5), np.zeros((0, 3)), np.array([1 + 2j])):
        b = a.copy()
        assert _same(_frozen(a), b)
        if a.size:
            b.flat[0] = not a.flat[0] if a.dtype == bool else a.flat[0] + 1
            assert not _same(_frozen(a), b)


def test_a_name_asked_across_years_is_given_back_in_a_later_year_only_for_the_same_inputs():
    """``across_years``: the inputs are kept even for a name asked once a year, and the entry outlives its year, given back in a
    later year (the same object) only when every input is the same to the bit; a name asked without it is computed each year."""
    cache = YearCache()
    calls = []

    def compute(v):
        calls.append(v)
        return np.full(3, v)

    a = np.array([1.0, 2.0])
    first = cache.get(2000, "x", lambda: compute(1.0), across_years=True, a=a, w=0.5)
    assert cache.get(2001, "x", lambda: compute(1.0), across_years=True, a=a.copy(), w=0.5) is first and len(calls) == 1
    assert cache.get(2005, "x", lambda: compute(1.0), across_years=True, a=a.copy(), w=0.5) is first and len(calls) == 1
    assert cache.entries["x"][0] is not None  # asked once a year, its inputs kept all the same
    other = cache.get(2006, "x", lambda: compute(2.0), across_years=True, a=np.array([1.0, 2.5]), w=0.5)  # an input moved
    assert other is not first and other[0] == 2.0 and len(calls) == 2
    assert cache.get(2007, "x", lambda: compute(3.0), across_years=True, a=np.array([1.0, 2.5]), w=0.25)[0] == 3.0  # a weight moved
    assert cache.get(2008, "x", lambda: compute(4.0), across_years=True, a=np.array([-0.0, 2.5]), w=0.25)[0] == 4.0  # -0.0 is not 0.0
    cache.get(2008, "y", lambda: compute(5.0), a=a)
    cache.get(2009, "y", lambda: compute(5.0), a=a)  # not across years: computed again in a new year
    assert len(calls) == 6 and "y" not in cache.carried


class _NoCarry(YearCache):
    """A cache that gives back nothing of an earlier year (the cache of before ``across_years``)."""

    def get(self, year, name, compute, *, across_years=False, **inputs):
        return super().get(year, name, compute, **inputs)


@pytest.mark.parametrize("seed", range(2))
def test_a_run_of_a_world_standing_still_is_the_same_with_terms_kept_across_years(seed):
    """The reduced world of ``benchmarks/vs_mesa.py`` (the alignment and record steps alone: capabilities, threats and reach stand
    still) keeps its year's terms from year to year, and its run is the run without any cache, table for table."""
    from foedus.sim.steps import DEFAULT_STEPS

    runs = []
    for cache in (YearCache(), _NoCarry(), _Never()):
        steps = {k: DEFAULT_STEPS[k] for k in ("alignment", "record")}
        sim = Simulation(synthetic_scenario(40, seed=seed, years=15, alliances=4), rng=seed, steps=steps)
        sim.world.year_cache = cache
        sim.run(15)
        runs.append((_tables(sim), cache))
    (carried, cache), (kept, no_carry), (without, _) = runs
    assert carried == kept == without
    assert cache.hits > no_carry.hits + 15  # the year's terms given back in later years


def test_a_name_whose_inputs_move_every_year_is_no_longer_carried():
    """A carried entry that misses ``CARRY_TRIES`` years running (inputs that move every year) is given up: the name's inputs are
    no longer kept for a later year (it is asked as without ``across_years``), and its results are still those of its inputs."""
    from foedus.sim.yearcache import CARRY_TRIES

    cache = YearCache()
    for year in range(2000, 2001 + CARRY_TRIES):
        a = np.array([float(year)])
        assert cache.get(year, "x", lambda: a * 2.0, across_years=True, a=a)[0] == 2.0 * year
        assert cache.get(year, "y", lambda: a * 3.0, across_years=True, w=1.0)[0] == 6000.0  # inputs that stand still: kept
    assert cache.carry_misses["x"] == CARRY_TRIES and "x" not in cache.year_free and "y" in cache.year_free
    assert cache.get(2010, "x", lambda: np.ones(1), across_years=True, a=np.array([2010.0]))[0] == 1.0
    cache.get(2011, "x", lambda: np.ones(1), across_years=True, a=np.array([2010.0]))
    assert "x" not in cache.carried and cache.entries["x"][0] is None  # asked once a year, not carried: no inputs kept
