"""Benchmark: the full validation, four eras, the record against runs of the whole system (issue 12).

Run on demand (about a minute per seed on two cores)::

    .venv/bin/python benchmarks/validate.py [--seeds 3] [--first-seed 1] [--report validation.html]

Each era (1816-1914, 1919-1938, 1946-1989, 1990-2018) is simulated from the record at its first
year with every system member, once per seed, and the facts of :mod:`foedus.analysis.eras` are
judged against the record's (:mod:`foedus.experiments.eras`). For the shipped defaults, 1816-1914
and 1946-1989 are in sample (they were fitted on 1816-1914 and 1950-1989) and 1919-1938 and
1990-2018 out of sample. Prints the table, then ``name: value`` lines, the last one
``facts_in_range_out_of_sample: K/N``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--report", type=Path, default=None)
    args = ap.parse_args()
    if args.seeds < 1:
        ap.error("--seeds must be at least 1")

    from foedus.experiments.eras import ERAS, score, validate_eras

    t0 = time.perf_counter()
    facts = validate_eras(tuple(ERAS), tuple(range(args.first_seed, args.first_seed + args.seeds)))
    seconds = time.perf_counter() - t0
    for f in facts:
        print(f"{f.era} {'in ' if f.in_sample else 'out'} {f.name:40s} record {f.record:10.4g} runs {f.simulated:10.4g} "
              f"[{f.p5:.3g}, {f.p95:.3g}] {'yes' if f.in_range else 'no'}")
    if args.report is not None:
        from foedus.report.validation import write_report

        write_report(facts, args.report, note=f"seeds {args.first_seed}-{args.first_seed + args.seeds - 1}")
    for era in ERAS:
        k, n = score([f for f in facts if f.era == era])
        print(f"facts_in_range_{era.replace('-', '_')}: {k}/{n}")
    k, n = score(facts, out_of_sample=False)
    print(f"validate_seconds: {seconds:.1f}")
    print(f"facts_in_range_in_sample: {k}/{n}")
    k, n = score(facts)
    print(f"facts_in_range: {k}/{n}")
    k, n = score(facts, out_of_sample=True)
    print(f"facts_in_range_out_of_sample: {k}/{n}")


if __name__ == "__main__":
    main()
