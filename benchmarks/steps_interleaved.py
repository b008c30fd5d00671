"""Benchmark: CPU per run and per step of two source trees, in interleaved rounds (a change against main).

Run on demand (not collected by pytest)::

    .venv/bin/python benchmarks/steps_interleaved.py --tree /work/main --tree . [--rounds 3] [--runs 12]
    .venv/bin/python benchmarks/steps_interleaved.py --tree /work/main --tree . --states 200 --years 200 --runs 1

Each round runs every tree once, in turn, as a child process importing that tree's ``src``
(``PYTHONPATH``): an untimed warm-up (:func:`warmup.warm_up`: a synthetic world of 60 states for 30 years that fights wars with
allies called in and reaches accessions and bloc foundings, then, for the scenario, the scenario over 30 years: every compiled
kernel loaded from its cache, or compiled, before the clock starts), then ``--runs``
runs timed in CPU time (``time.process_time``: less moved by other jobs on a shared machine than
the wall time), step by step. Without ``--states`` a run is ``--scenario`` (world-2022) over
``--years`` (30) as an ensemble's worker runs it (events counted, not explained); with
``--states`` it is ``benchmarks/simulate.py``'s synthetic world (cyber actors, starting
alliances, every event explained) of that many states. Interleaving the trees spreads the
machine's load over both alike.

Prints each round's CPU seconds per run for each tree (and the kernels, if any, compiled or loaded inside its timed runs:
:func:`warmup.loaded_since`), then per tree the median over rounds
of each step's milliseconds per run, and last the ``load average`` before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def child(args: argparse.Namespace) -> None:
    """One tree's timed runs (in the child process); prints a JSON line."""
    from warmup import (  # benchmarks/warmup.py (the script's folder)
        compiled_kernels,
        loaded_since,
        scenario_run,
        synthetic_run,
        warm_up,
    )

    from foedus.sim.engine import single_threaded_blas

    clock = time.process_time
    spent: dict[str, float] = {}

    def make(seed: int):
        if args.states:
            return synthetic_run(args.states, args.years, seed)
        return scenario_run(args.scenario, args.years, seed)

    def timed(name, fn):
        def step(world, rng):
            t0 = clock()
            fn(world, rng)
            spent[name] = spent.get(name, 0.0) + clock() - t0

        return step

    with single_threaded_blas():
        warm_up(None if args.states else args.scenario)
        before = compiled_kernels()
        total = 0.0
        for k in range(args.runs):
            sim, years = make(args.seed + k)
            sim.steps = {name: timed(name, fn) for name, fn in sim.steps.items()}
            t = clock()
            sim.run(years)
            total += clock() - t
    loaded = loaded_since(before)
    print(json.dumps({"cpu_per_run": total / args.runs, "steps_ms": {k: 1e3 * v / args.runs for k, v in spent.items()}, "loaded": loaded}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", action="append", required=True, help="a source tree (its src/ is imported); give two or more")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=12, help="timed runs per tree and round")
    ap.add_argument("--scenario", default="world-2022")
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--states", type=int, default=0, help="time benchmarks/simulate.py's synthetic world of this many states instead")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    trees = [Path(t).resolve() for t in args.tree]
    print(f"load average before: {os.getloadavg()}")
    results: dict[str, list[dict]] = {str(t): [] for t in trees}
    passed = [a for a in sys.argv[1:] if a != "--child"]
    for r in range(args.rounds):
        for t in trees:
            env = dict(os.environ, PYTHONPATH=str(t / "src"))
            out = subprocess.run([sys.executable, __file__, *passed, "--child"], env=env, capture_output=True, text=True, check=True)
            res = json.loads(out.stdout.strip().splitlines()[-1])
            results[str(t)].append(res)
            loaded = res.get("loaded", [])
            print(f"round {r + 1} {t}: {res['cpu_per_run']:.4f} s of CPU per run"
                  + (f" ({len(loaded)} kernels loaded inside the timed runs: {', '.join(loaded)})" if loaded else ""), flush=True)
    for t, rs in results.items():
        cpu = sorted(x["cpu_per_run"] for x in rs)
        print(f"{t}: CPU per run {cpu[0]:.4f}-{cpu[-1]:.4f} s (median {cpu[len(cpu) // 2]:.4f})")
        steps = rs[0]["steps_ms"]
        for k in sorted(steps, key=lambda k: -steps[k]):
            vals = sorted(x["steps_ms"][k] for x in rs)
            print(f"  {k:<26} {vals[len(vals) // 2]:9.1f} ms")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
