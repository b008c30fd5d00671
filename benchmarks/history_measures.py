"""Benchmark: measures of history on the full record (brief H1), 1815-2018.

Run on demand from the project root::

    .venv/bin/python benchmarks/history_measures.py [--data DIR]

What is timed (best of three; reading the record is timed once, separately):

* :func:`foedus.analysis.summary.summary` (formation, size, symmetry, Kaplan-Meier);
* :func:`foedus.analysis.network.dyad_years`, vectorised (membership spells expanded with
  ``numpy.repeat``, self-join, group-wise ``any``), against the named baseline measured in the
  same run: **a plain Python loop** over agreements, years and member pairs filling a dict, the
  way one writes it without vectorising. Both must give the same dyad-years and flags;
* :func:`foedus.analysis.polarity.polarity` with connected components (one sparse graph for all
  years) and with greedy modularity (one graph per distinct yearly network);
* :func:`foedus.report.history.write_history_report` (all figures, once).

Headline figures are printed last as ``name: value`` lines.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from foedus.analysis.network import dyad_years
from foedus.analysis.polarity import polarity
from foedus.analysis.summary import summary
from foedus.data import load_record
from foedus.report.history import write_history_report
from foedus.schema import OBLIGATIONS


def best_of(fn, n: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def loop_dyad_years(history) -> dict[tuple[int, int, int], tuple[bool, ...]]:
    """The baseline: a Python loop over agreements, years and member pairs.

    Same rule as :func:`dyad_years`: a pair's obligation in a shared agreement is either
    member's own (ATOP member level, per phase touching the year), else the agreement's.
    """
    flags = {r.agreement_id: tuple(bool(getattr(r, o)) for o in OBLIGATIONS) for r in history.agreements.itertuples()}
    ends = {r.agreement_id: (None if pd.isna(r.end_year) else int(r.end_year)) for r in history.agreements.itertuples()}
    own = all(o in history.memberships.columns for o in OBLIGATIONS)
    members: dict[tuple[int, int], dict[int, list[bool]]] = {}
    for r in history.memberships.itertuples():
        stop = int(r.exit_year) if not pd.isna(r.exit_year) else ends[r.agreement_id]
        if stop is None:
            stop = history.last_year
        base = flags[r.agreement_id]
        mine = [base[i] if not own or pd.isna(getattr(r, o)) else bool(getattr(r, o)) for i, o in enumerate(OBLIGATIONS)]
        for year in range(max(r.entry_year, history.first_year), min(stop, history.last_year) + 1):
            cur = members.setdefault((r.agreement_id, year), {}).setdefault(r.ccode, [False] * len(OBLIGATIONS))
            for i, f in enumerate(mine):
                cur[i] = cur[i] or f
    out: dict[tuple[int, int, int], list[bool]] = {}
    for (aid, year), codes in members.items():
        for c1, c2 in itertools.combinations(sorted(codes), 2):
            cur = out.setdefault((c1, c2, year), [False] * len(OBLIGATIONS))
            for i in range(len(OBLIGATIONS)):
                cur[i] = cur[i] or codes[c1][i] or codes[c2][i]
    return {k: tuple(v) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None, help="folder of raw records (default ../shared/data)")
    args = ap.parse_args()

    t = time.perf_counter()
    record = load_record(args.data)
    t_load = time.perf_counter() - t
    summary(record)  # warm imports (lifelines, scipy.stats)
    t_summary, s = best_of(lambda: summary(record))
    t_dyads, dy = best_of(lambda: dyad_years(record))
    t_loop, loop = best_of(lambda: loop_dyad_years(record))
    ours = {(r[0], r[1], r[2]): tuple(bool(x) for x in r[3:]) for r in dy[["ccode1", "ccode2", "year", *OBLIGATIONS]].itertuples(index=False)}
    if ours != loop:
        raise SystemExit("dyad_years disagrees with the loop baseline")
    t_components, pol = best_of(lambda: polarity(record, method="components", dyads=dy))
    t = time.perf_counter()
    polarity(record, method="modularity", dyads=dy)
    t_modularity = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        path = write_history_report(record, Path(tmp) / "history.html")
        t_report = time.perf_counter() - t
        size_mb = path.stat().st_size / 1e6

    print(f"record: {len(record.agreements)} alliances, {len(dy)} dyad-years, {len(pol)} years")
    print(f"alliances per year (check 3.87): {s['per_year']:.2f}")
    print(f"load_record_s: {t_load:.3f}")
    print(f"summary_s: {t_summary:.3f}")
    print(f"dyad_years_s: {t_dyads:.3f}")
    print(f"dyad_years_loop_baseline_s: {t_loop:.3f}")
    print(f"dyad_years_speedup_vs_loop: {t_loop / t_dyads:.1f}")
    print(f"polarity_components_s: {t_components:.3f}")
    print(f"polarity_modularity_s: {t_modularity:.3f}")
    print(f"report_s: {t_report:.3f}")
    print(f"report_mb: {size_mb:.2f}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
