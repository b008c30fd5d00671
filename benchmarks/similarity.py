"""Benchmark: alliance portfolio similarity (tau-b and S) for every dyad-year 1816-2018 (brief H2).

Run from the project root::

    .venv/bin/python benchmarks/similarity.py [--data DIR] [--dyads-per-year 150] [--seed 0]

What is timed
-------------
* **foedus**: :func:`foedus.analysis.similarity.similarity_dyad_years` over every year of the
  record (1816-2018), all ten measures (tau-b and four S variants, global and regional); the
  best of two runs. Reading the record is not timed (it is the same for both methods).
* **Baseline**: a straightforward per-dyad loop, the way one writes it without vectorising:
  for each dyad, ``scipy.stats.kendalltau`` on the two portfolio vectors plus a plain S
  function (numpy per call) for the four S variants, then the same on the regional reference
  set. The tie matrices it reads are built by foedus (that time is included, measured per
  year). It is timed (best of two) on a seeded random sample of ``--dyads-per-year`` dyads in
  each of twelve years (1816, 1836, ..., 2016 and 2018); the per-dyad time of the other years
  is linearly interpolated between sampled years (it varies with the number of states, the
  length of the vectors), and the estimate is the sum over all years of (dyads in the year x
  per-dyad time) plus the tie-matrix time. Every sampled dyad's ten values are checked
  against foedus's.

The first foedus run includes loading numba's compiled kernels from its cache (or compiling
them, about 10 s, after the source changed); both runs are printed.

The last lines printed are the headline figures, as ``name: value``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy.stats import kendalltau

from foedus.analysis.portfolios import ATOP_TIE_LEVELS, Portfolios, cow_region
from foedus.analysis.similarity import GLOBAL_MEASURES, MEASURES, default_years, similarity_dyad_years
from foedus.data import open_record


def plain_s(a: np.ndarray, b: np.ndarray, w: np.ndarray, d_max: float, squared: bool) -> float:
    """The S score written plainly for one dyad (Signorino & Ritter 1999)."""
    d = np.abs(a - b)
    if squared:
        d, d_max = d**2, d_max**2
    total = np.sum(w)
    if total <= 0:
        return float("nan")
    return float(1.0 - 2.0 * np.sum(w * d) / (total * d_max))


def per_dyad(T: np.ndarray, w: np.ndarray, regions: np.ndarray, i: int, j: int, top: int) -> dict[str, float]:
    """All ten measures of dyad (i, j), one function call per measure."""
    out = {}
    for suffix, mask in (("", slice(None)), ("_regional", (regions == regions[i]) | (regions == regions[j]))):
        a, b, ww = T[i, mask].astype(float), T[j, mask].astype(float), w[mask]
        ones = np.ones_like(ww)
        out["tau_b" + suffix] = float(kendalltau(a, b).statistic)
        out["s_unweighted_abs" + suffix] = plain_s(a, b, ones, top, False)
        out["s_unweighted_sq" + suffix] = plain_s(a, b, ones, top, True)
        out["s_weighted_abs" + suffix] = plain_s(a, b, ww, top, False)
        out["s_weighted_sq" + suffix] = plain_s(a, b, ww, top, True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="folder of raw records (default: the store or ../shared/data)")
    ap.add_argument("--dyads-per-year", type=int, default=150, help="baseline sample size per sampled year")
    ap.add_argument("--seed", type=int, default=0, help="seed of the dyad sample")
    args = ap.parse_args()

    t0 = time.perf_counter()
    history = open_record(data_dir=args.data)
    print(f"record loaded in {time.perf_counter() - t0:.2f} s ({history.source})")
    years = list(default_years(history))

    runs = []
    for _ in range(2):
        t0 = time.perf_counter()
        df = similarity_dyad_years(history, years)
        runs.append(time.perf_counter() - t0)
    fast = min(runs)
    print(f"foedus: {len(df)} dyad-years, {years[0]}-{years[-1]}, {len(MEASURES)} measures; runs {', '.join(f'{r:.2f}' for r in runs)} s")
    dyads_per_year = df.groupby("year").size().reindex(years, fill_value=0).to_numpy()

    rng = np.random.default_rng(args.seed)
    pf = Portfolios(history, ATOP_TIE_LEVELS, ("alliance",))
    sample_years = sorted(set(range(years[0], years[-1] + 1, 20)) | {years[-1]})
    per_dyad_time = []
    tie_time = 0.0
    checked = 0
    max_diff = 0.0
    mismatches = 0
    by_year = df.set_index(["year", "ccode1", "ccode2"]).sort_index()
    for y in sample_years:
        t0 = time.perf_counter()
        codes, T = pf.ties(y)
        w = pf.weights(codes, y)
        tie_time += time.perf_counter() - t0
        regions = cow_region(codes)
        iu, ju = np.triu_indices(codes.size, k=1)
        pick = rng.choice(iu.size, size=min(args.dyads_per_year, iu.size), replace=False)
        best = np.inf
        for _ in range(2):  # best of two, as for foedus (the machine is shared)
            t0 = time.perf_counter()
            results = [per_dyad(T, w, regions, iu[p], ju[p], pf.top) for p in pick]
            best = min(best, time.perf_counter() - t0)
        per_dyad_time.append(best / pick.size)
        for p, res in zip(pick, results):
            got = by_year.loc[(y, codes[iu[p]], codes[ju[p]])]
            for m in MEASURES:
                a, b = got[m], res[m]
                if np.isnan(a) and np.isnan(b):
                    continue
                diff = abs(a - b)
                max_diff = max(max_diff, diff)
                mismatches += not diff <= 1e-9
            checked += 1
        print(f"  baseline {y}: {codes.size} states, {pick.size} dyads sampled, {per_dyad_time[-1] * 1e6:.0f} us per dyad")

    tie_per_year = tie_time / len(sample_years)
    per_dyad_all = np.interp(years, sample_years, per_dyad_time)
    baseline = float(np.sum(dyads_per_year * per_dyad_all) + tie_per_year * len(years))
    print(f"equality check: {checked} sampled dyad-years x {len(MEASURES)} measures, max |diff| = {max_diff:.2e}, mismatches (> 1e-9) = {mismatches}")
    if mismatches:
        raise SystemExit("vectorised results differ from the per-dyad baseline")
    print(f"measures: {', '.join(GLOBAL_MEASURES)} (+ _regional)")
    print(f"similarity_all_dyad_years_seconds: {fast:.2f}")
    print(f"baseline_per_dyad_loop_seconds_estimated: {baseline:.1f}")
    print(f"speedup_vs_per_dyad_loop: {baseline / fast:.1f}")


if __name__ == "__main__":
    main()
