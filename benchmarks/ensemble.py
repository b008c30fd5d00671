"""Benchmark: ensemble throughput on Dask, 1 worker against 2, and 1,000 runs of world-2022 x 30 years.

Run from the project root (on demand; not collected by pytest)::

    .venv/bin/python benchmarks/ensemble.py [--scaling-runs 80] [--runs 1000] [--years 30] [--skip-big]

What is measured, in one benchmark run:

1. **Where the time of one run goes** (one process, no Dask): ``world-2022`` for ``--years``
   years, timed in parts: building the world, the simulated years (per step of the pipeline),
   the compact record and indicators (:func:`foedus.analysis.indicators.run_indicators`), and
   writing the three Parquet tables. The baseline for the throughput figures below:
   ``sequential_runs_per_second`` (a plain loop, one core).
2. **Scaling**: ``--scaling-runs`` runs on a :class:`distributed.LocalCluster` of 1 worker
   process, then of 2 (one thread each), each cluster warmed up first (imports and numba's
   cached kernels load once per worker), through :func:`foedus.experiments.ensemble.run_ensemble`
   writing to a temporary folder. ``scaling_2_vs_1`` = throughput with 2 workers / with 1.
3. **The big one**: ``--runs`` runs of ``world-2022`` x ``--years`` years on 2 workers, written
   to a temporary folder, wall time from the call to the last run written (cluster start
   included).

Other engineers share this 2-core machine while it runs, so every time here is pessimistic;
the load average is printed before and after.

The last lines printed are the headline figures as ``name: value``.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np


def profile_one_run(sc, seed: int) -> dict[str, float]:
    """Time the parts of one ensemble run (see the module docstring, item 1)."""
    from foedus.data.ensemble_store import table_bytes
    from foedus.experiments.ensemble import indicator_tables
    from foedus.sim.compact import CountingRecorder, compact_record
    from foedus.sim.engine import Simulation

    parts: dict[str, float] = {}
    t = time.perf_counter()
    sim = Simulation(sc, rng=seed, recorder=CountingRecorder(len(sc.actors), sc.start_year, capacity=sc.years))
    parts["build_world"] = time.perf_counter() - t
    steps = dict(sim.steps)
    spent = {k: 0.0 for k in steps}

    def timed(name, fn):
        def step(world, rng):
            t0 = time.perf_counter()
            fn(world, rng)
            spent[name] += time.perf_counter() - t0

        return step

    sim.steps = {k: timed(k, fn) for k, fn in steps.items()}
    t = time.perf_counter()
    sim.run()
    parts["simulate"] = time.perf_counter() - t
    for k, v in spent.items():
        parts[f"  step {k}"] = v
    t = time.perf_counter()
    tables = indicator_tables(compact_record(sim))
    parts["indicators"] = time.perf_counter() - t
    t = time.perf_counter()
    for df in tables.values():
        table_bytes(df)
    parts["parquet"] = time.perf_counter() - t
    return parts


def timed_ensemble(sc, runs: int, workers: int, out: Path, seed: int) -> float:
    """Wall time of ``runs`` runs on a warmed local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    from foedus.experiments.ensemble import indicator_tables, run_ensemble
    from foedus.experiments.runner import simulate_run

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        warm = sc.model_copy(update={"years": 2})
        futures = [client.submit(simulate_run, warm, i, i, None, False, outcomes=indicator_tables, pure=False, workers=[addr]) for i, addr in enumerate(client.scheduler_info()["workers"])]
        client.gather(futures)
        t = time.perf_counter()
        run_ensemble(sc, runs=runs, out=out, seed=seed, client=client)
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="world-2022")
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--scaling-runs", type=int, default=80, help="runs for the 1 vs 2 workers comparison")
    ap.add_argument("--runs", type=int, default=1000, help="runs of the big ensemble")
    ap.add_argument("--skip-big", action="store_true", help="skip the big ensemble")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    from foedus.experiments.ensemble import indicator_tables, load_scenario
    from foedus.experiments.runner import simulate_run

    print(f"load average before: {os.getloadavg()}")
    sc = load_scenario(args.scenario, args.years)
    print(f"scenario {sc.name}: {len(sc.actors)} states, {args.years} years")

    # 1. where the time goes, and the sequential baseline
    simulate_run(sc.model_copy(update={"years": 2}), 0, 0, outcomes=indicator_tables)  # warm-up: numba kernels, imports
    parts = [profile_one_run(sc, s) for s in (11, 12, 13)]
    print("one run, mean of 3 (seconds):")
    for k in parts[0]:
        print(f"  {k:<32} {np.mean([p[k] for p in parts]):.3f}")
    t = time.perf_counter()
    n_seq = 8
    for i in range(n_seq):
        simulate_run(sc, i, 100 + i, outcomes=indicator_tables)
    seq = n_seq / (time.perf_counter() - t)
    print(f"sequential (plain loop, one core): {seq:.2f} runs/s")

    # 2. scaling, 1 vs 2 workers
    tmp = Path(tempfile.mkdtemp(prefix="foedus-bench-"))
    try:
        t1 = timed_ensemble(sc, args.scaling_runs, 1, tmp / "w1", args.seed)
        t2 = timed_ensemble(sc, args.scaling_runs, 2, tmp / "w2", args.seed)
        same = all((tmp / "w1" / p.relative_to(tmp / "w2")).read_bytes() == p.read_bytes() for p in (tmp / "w2").rglob("*.parquet"))
        r1, r2 = args.scaling_runs / t1, args.scaling_runs / t2
        print(f"1 worker:  {args.scaling_runs} runs in {t1:.1f} s ({r1:.2f} runs/s)")
        print(f"2 workers: {args.scaling_runs} runs in {t2:.1f} s ({r2:.2f} runs/s); same bytes as 1 worker: {same}")
        # 3. the big ensemble
        big = None
        if not args.skip_big:
            from foedus.data.ensemble_store import EnsembleStore
            from foedus.experiments.ensemble import run_ensemble

            t = time.perf_counter()
            run_ensemble(sc, runs=args.runs, out=tmp / "big", seed=args.seed, workers=2)
            big = time.perf_counter() - t
            m = EnsembleStore.open(tmp / "big").manifest
            size = sum(p.stat().st_size for p in (tmp / "big").rglob("*.parquet"))
            print(
                f"{args.runs} runs x {args.years} years on 2 workers: {big:.1f} s wall "
                f"({m['compute_seconds'] / args.runs:.2f} s of compute per run; {size / 2**20:.1f} MiB of Parquet)"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"load average after: {os.getloadavg()}  (other engineers' jobs share the 2 cores: times are pessimistic)")
    print(f"sequential_runs_per_second: {seq:.2f}")
    print(f"throughput_1_worker_runs_per_second: {r1:.2f}")
    print(f"throughput_2_workers_runs_per_second: {r2:.2f}")
    print(f"same_bytes_1_vs_2_workers: {int(same)}")
    if big is not None:
        print(f"world2022_{args.runs}x{args.years}_seconds: {big:.1f}")
    print(f"scaling_2_vs_1: {r2 / r1:.2f}")


if __name__ == "__main__":
    main()
