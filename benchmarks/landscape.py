"""Benchmark: landscape search (brief H3; Axelrod & Bennett 1993).

Run on demand: ``.venv/bin/python benchmarks/landscape.py [--quick]``.

Measures, on random instances from :func:`foedus.theory.landscape.random_landscape` (sizes
Uniform(0.1, 1), symmetric Normal(0, 1) propensities):

* numba compile time, separately (a fresh, empty numba cache is used for this process);
  ``compiled=True`` wherever the compiled kernels are meant (up to 18 actors the default is
  the NumPy enumeration, which compiles nothing);
* exact search (:func:`landscape_exact`, Gray code, O(n) per alignment) at 20 actors (global
  minimum, every local minimum and every basin of attraction) and at 28 actors (minima only:
  basins would need 512 MB);
* the named baseline, measured in the same run: **naive vectorised numpy enumeration** (every
  alignment's energy and local-minimum test computed from scratch, in chunks of 2**14, O(n^2) per
  alignment, no Gray-code updates) at 16 and 18 actors, extrapolated to 20 and 28 by its
  2**n n^2 cost; it must agree with the exact search on the global minimum;
* the heuristic (:func:`landscape_heuristic`, defaults): the share of 100 instances of 20-24
  actors on which it finds the exact global minimum, and its time at 200 actors.

Headline figures are printed last as ``name: value`` lines.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time

_CACHE = tempfile.mkdtemp(prefix="foedus-numba-bench-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["NUMBA_CACHE_DIR"] = _CACHE

import numpy as np  # noqa: E402

from foedus.theory.landscape import random_landscape  # noqa: E402
from foedus.theory.landscape_minima import landscape_exact, landscape_heuristic  # noqa: E402


def naive_numpy_enumeration(sizes: np.ndarray, P: np.ndarray, chunk: int = 2**14) -> tuple[float, int]:
    """Baseline: global minimum energy and number of local minima, everything recomputed per alignment."""
    n = sizes.size
    A = P * sizes[None, :]
    W = sizes[:, None] * A
    r = W.sum(axis=1)
    total = 1 << (n - 1)
    shifts = np.arange(n - 1, dtype=np.int64)
    best = np.inf
    n_local = 0
    for start in range(0, total, chunk):
        idx = np.arange(start, min(start + chunk, total), dtype=np.int64)
        X = np.zeros((idx.size, n))
        X[:, 1:] = (idx[:, None] >> shifts) & 1
        E = 2.0 * (X @ r) - 2.0 * np.einsum("ki,ki->k", X @ W, X)
        sigma = 1.0 - 2.0 * X
        gains = -sigma * (sigma @ A.T)
        n_local += int(np.count_nonzero(gains.max(axis=1) <= 1e-9))
        best = min(best, float(E.min()))
    return best, n_local


def timed(f, *a, **k):
    t = time.perf_counter()
    out = f(*a, **k)
    return time.perf_counter() - t, out


def main(quick: bool = False) -> None:
    # compile time: first calls on tiny instances, against an empty cache
    s, P = random_landscape(6, seed=0)
    t_compile_exact, _ = timed(landscape_exact, s, P, compiled=True)
    t_compile_heur, _ = timed(landscape_heuristic, s, P, restarts=2, sweeps=5)
    print(f"numba compile, exact search kernels: {t_compile_exact:.2f} s")
    print(f"numba compile, heuristic kernels: {t_compile_heur:.2f} s")

    # exact search, 20 actors (with basins), median of 3 instances
    t20 = []
    for seed in range(3):
        s, P = random_landscape(20, seed=seed)
        dt, res = timed(landscape_exact, s, P)
        t20.append(dt)
        print(f"exact n=20 seed={seed}: {dt:.3f} s, {res.n_local_minima} local minima, basins={res.basins_computed}")
    exact20 = float(np.median(t20))

    # baseline at 16 and 18 actors, checked against the exact search
    base = {}
    for n in (16, 18):
        s, P = random_landscape(n, seed=1)
        dt, (emin, nloc) = timed(naive_numpy_enumeration, s, P)
        ex = landscape_exact(s, P, basins=False, compiled=True)
        assert abs(emin - ex.global_minimum.energy) <= 1e-9 * abs(emin), "baseline disagrees with exact search"
        assert nloc == ex.n_local_minima, "baseline disagrees on the number of local minima"
        dt_ex, _ = timed(landscape_exact, s, P, basins=False, compiled=True)
        base[n] = dt
        print(f"n={n}: naive numpy enumeration {dt:.3f} s vs Gray-code exact (no basins) {dt_ex:.4f} s")
    per_unit = base[18] / (2**17 * 18**2)
    base20 = per_unit * 2**19 * 20**2
    base28 = per_unit * 2**27 * 28**2
    print(f"naive numpy enumeration, extrapolated: n=20 {base20:.2f} s, n=28 {base28:.0f} s")

    # exact search, 28 actors (minima only)
    s, P = random_landscape(28, seed=0)
    exact28, res28 = timed(landscape_exact, s, P)
    print(f"exact n=28: {exact28:.2f} s, {res28.n_local_minima} local minima; notes: {res28.notes}")

    # heuristic optimum rate, 20-24 actors
    per_n = 4 if quick else 20
    hits = 0
    trials = 0
    for n in range(20, 25):
        for k in range(per_n):
            s, P = random_landscape(n, seed=10_000 + 100 * n + k)
            e = landscape_exact(s, P, basins=False).global_minimum.energy
            h = landscape_heuristic(s, P, seed=k).global_minimum.energy
            hits += h <= e + 1e-9 * abs(e)
            trials += 1
    rate = hits / trials
    print(f"heuristic found the exact optimum on {hits} of {trials} instances (20-24 actors)")

    t200 = []
    for seed in range(3):
        s, P = random_landscape(200, seed=seed)
        dt, res = timed(landscape_heuristic, s, P, seed=seed)
        t200.append(dt)
        print(f"heuristic n=200 seed={seed}: {dt:.2f} s, best energy {res.global_minimum.energy:.4f}")
    h200 = float(np.median(t200))

    print(f"speed-up over naive numpy enumeration at n=20: {base20 / exact20:.0f}x (exact with basins)")
    print(f"speed-up over naive numpy enumeration at n=28: {base28 / exact28:.0f}x")
    print(f"numba_compile_seconds: {t_compile_exact + t_compile_heur:.2f}")
    print(f"baseline_naive_numpy_20_seconds: {base20:.2f}")
    print(f"baseline_naive_numpy_28_seconds: {base28:.0f}")
    print(f"landscape_exact_20_seconds: {exact20:.3f}")
    print(f"landscape_exact_28_seconds: {exact28:.2f}")
    print(f"heuristic_optimum_rate_20_24: {rate:.3f}")
    print(f"heuristic_200_seconds: {h200:.2f}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
