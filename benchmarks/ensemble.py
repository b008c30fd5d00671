"""Benchmark: ensemble throughput on Dask, 1 worker against 2, and 1,000 runs of world-2022 x 30 years.

Run from the project root (on demand; not collected by pytest)::

    .venv/bin/python benchmarks/ensemble.py [--scaling-runs 80] [--runs 1000] [--years 30] [--skip-big]

What is measured, in one benchmark run:

1. **Where the time of one run goes** (one process, no Dask): ``world-2022`` for ``--years``
   years, as an ensemble's worker runs it (``explain=False``), ``--profile-runs`` runs timed
   in CPU seconds in parts: building the world, the simulated years (per step of the
   pipeline), the compact record and indicators
   (:func:`foedus.analysis.indicators.run_indicators`), and writing the three Parquet tables (with their run column,
   as :func:`foedus.experiments.runner.simulate_run` converts them: :func:`foedus.data.ensemble_store.run_table`),
   each with its share of the run. The baseline for the throughput figures below:
   ``sequential_runs_per_second`` (a plain loop, one core).
2. **Scaling**: ``--scaling-runs`` runs on a :class:`distributed.LocalCluster` of 1 worker
   process, then of 2 (one thread each), each cluster warmed up first (imports and numba's
   cached kernels load once per worker), through :func:`foedus.experiments.ensemble.run_ensemble`
   writing to a temporary folder. ``scaling_2_vs_1`` = throughput with 2 workers / with 1.
3. **The big one**: ``--runs`` runs of ``world-2022`` x ``--years`` years on 2 workers, written
   to a temporary folder, wall time from the call to the last run written (cluster start
   included). It runs in a child process (the *driver*: the process that runs ``foedus
   ensemble``), so that its peak resident memory (``peak_rss_mb``, ``getrusage`` of that process
   alone, not of its Dask workers) is the driver's own and not this benchmark's.
   ``runs_per_second`` = ``--runs`` / that wall time. As the machine is shared, the CPU time of
   the driver and of its workers (``getrusage`` of the driver and of its children, worker
   start-up included) is also measured: ``cpu_seconds_per_run_all_processes``, and
   ``projected_10000_runs_minutes_on_2_idle_cores`` = 10,000 x that / 2 cores, the wall time
   10,000 runs would take on this machine with nothing else running (the workers' start-up
   counted per run, so slightly pessimistic for 10,000).
4. **The summary**: ``foedus ensemble summary DIR --json`` on the big ensemble, as a whole
   process (start-up included): ``summary_seconds``. With ``--summary-runs M`` (M larger than
   ``--runs``) the summary is also timed on a store of M runs made from the big one's files
   (run ``i`` is a copy of run ``i mod runs`` with its ``run`` column rewritten, so the store
   reads as M distinct runs of the same sizes), its compacted copy written as
   :func:`~foedus.experiments.ensemble.run_ensemble`'s driver writes it while the runs land
   (:class:`~foedus.experiments.compaction.StreamingCompactor` fed each run's Arrow IPC bytes:
   ``stream_compact_cpu_seconds_M``, the driver's extra CPU for M runs, and
   ``stream_compact_rss_growth_mb_M``, how much it raised this process's peak memory):
   ``summary_seconds_M``. This measures reading and summarising M runs without simulating them;
   say so where the figure is quoted.

``--skip-scaling`` leaves out item 2 (and ``--skip-profile`` item 1), for a run of the big
ensemble alone on a busy machine.

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
    """CPU seconds of the parts of one ensemble run (see the module docstring, item 1).

    The run is built as :func:`foedus.experiments.runner.run_tables` builds it (events counted,
    not explained: ``explain=False``), so the parts add up to what a worker spends per run.
    CPU time (``time.process_time``), not wall time: the machine is shared.
    """
    from foedus.data.ensemble_store import parquet_bytes, run_table
    from foedus.experiments.ensemble import indicator_tables
    from foedus.sim.compact import CountingRecorder, compact_record
    from foedus.sim.engine import Simulation

    clock = time.process_time
    parts: dict[str, float] = {}
    t = clock()
    sim = Simulation(sc, rng=seed, recorder=CountingRecorder(len(sc.actors), sc.start_year, capacity=sc.years, keep_events=False), explain=False)
    parts["build_world"] = clock() - t
    steps = dict(sim.steps)
    spent = {k: 0.0 for k in steps}

    def timed(name, fn):
        def step(world, rng):
            t0 = clock()
            fn(world, rng)
            spent[name] += clock() - t0

        return step

    sim.steps = {k: timed(k, fn) for k, fn in steps.items()}
    t = clock()
    sim.run()
    parts["simulate"] = clock() - t
    for k, v in spent.items():
        parts[f"  step {k}"] = v
    t = clock()
    tables = indicator_tables(compact_record(sim))
    parts["indicators"] = clock() - t
    t = clock()
    for df in tables.values():  # as simulate_run writes them: with the run column, Arrow, Parquet bytes
        parquet_bytes(run_table(df, seed))
    parts["parquet"] = clock() - t
    return parts


def timed_ensemble(sc, runs: int, workers: int, out: Path, seed: int) -> float:
    """Wall time of ``runs`` runs on a warmed local cluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster

    from foedus.experiments.ensemble import indicator_tables, run_ensemble
    from foedus.experiments.runner import LOCAL_DASK_CONFIG, simulate_run

    # the settings foedus's own local cluster runs with (the big ensemble below gets them from run_ensemble)
    with dask.config.set(LOCAL_DASK_CONFIG), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        warm = sc.model_copy(update={"years": 2})
        futures = [client.submit(simulate_run, warm, i, i, None, False, outcomes=indicator_tables, pure=False, workers=[addr]) for i, addr in enumerate(client.scheduler_info()["workers"])]
        client.gather(futures)
        t = time.perf_counter()
        run_ensemble(sc, runs=runs, out=out, seed=seed, client=client)
        return time.perf_counter() - t


def big_ensemble(scenario: str, runs: int, years: int, seed: int, workers: int, out: Path) -> dict:
    """Run the big ensemble in a child process (the driver) and return its wall time and peak RSS."""
    import json
    import subprocess
    import sys

    code = (
        "import json, resource, sys, time\n"
        "from foedus.experiments.ensemble import run_ensemble\n"
        "if __name__ == '__main__':\n"
        "    a = json.loads(sys.argv[1])\n"
        "    t = time.perf_counter()\n"
        "    run_ensemble(a['scenario'], runs=a['runs'], years=a['years'], seed=a['seed'], out=a['out'], workers=a['workers'])\n"
        "    wall = time.perf_counter() - t\n"
        "    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "    print(json.dumps({'seconds': wall, 'peak_rss_mb': me.ru_maxrss / 1024, 'driver_cpu': me.ru_utime + me.ru_stime, 'workers_cpu': kids.ru_utime + kids.ru_stime}))\n"
    )
    script = out.parent / "driver.py"
    script.write_text(code)
    args = json.dumps({"scenario": scenario, "runs": runs, "years": years, "seed": seed, "out": str(out), "workers": workers})
    res = subprocess.run([sys.executable, str(script), args], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def time_summary(folder: Path) -> float:
    """Wall time of ``foedus ensemble summary FOLDER --json`` as a whole process (its CPU seconds are printed too)."""
    import resource
    import subprocess
    import sys

    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "import sys; from foedus.cli import main; sys.argv[0] = 'foedus'; main()", "ensemble", "summary", str(folder), "--json"], capture_output=True, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(f"  (summary of {folder.name}: {wall:.1f} s wall, {cpu:.1f} s of CPU)")
    return wall


def replicate_store(src: Path, dst: Path, runs: int) -> dict[str, float]:
    """A store of ``runs`` runs made of ``src``'s files: run ``i`` is run ``i mod R`` of ``src`` with its ``run`` column set to ``i``.

    Its compacted copy is written as :func:`~foedus.experiments.ensemble.run_ensemble`'s driver
    writes it while the runs land: each run's tables go, as Arrow IPC bytes (what a worker
    returns), to a :class:`~foedus.experiments.compaction.StreamingCompactor`, in an order
    shuffled within windows of 16 runs (runs finish out of order). Returns the CPU seconds and
    the growth of this process's peak RSS spent in the compactor alone.
    """
    import json
    import resource

    import pyarrow as pa
    import pyarrow.parquet as pq

    from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore
    from foedus.experiments.compaction import StreamingCompactor, ipc_bytes
    from foedus.experiments.ensemble import COMPACT_CHUNK

    store = EnsembleStore.open(src)
    have = store.completed()
    dst.mkdir(parents=True)
    for name in ("scenario.json", "experiments.parquet"):
        shutil.copy(src / name, dst / name)
    manifest = dict(store.manifest, runs=runs, runs_done=runs, completed=[[0, runs - 1]])
    (dst / "manifest.json").write_text(json.dumps(manifest, indent=1))
    out = EnsembleStore.open(dst)
    sink = StreamingCompactor(out, COMPACT_CHUNK)
    tables = {t: [pq.read_table(store.run_file(t, i)) for i in have] for t in RUN_TABLES}
    for t in RUN_TABLES:
        (dst / t).mkdir()
    order = np.arange(runs)
    rng = np.random.default_rng(0)
    for k in range(0, runs, 16):
        rng.shuffle(order[k : k + 16])
    cpu, rss0 = 0.0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for i in order.tolist():
        ipc = {}
        for t in RUN_TABLES:
            tab = tables[t][i % len(have)]
            tab = tab.set_column(tab.schema.get_field_index("run"), "run", pa.array(np.full(len(tab), i, dtype=np.int64)))
            pq.write_table(tab, out.run_file(t, i), compression="zstd")
            ipc[t] = ipc_bytes(tab)
        c = time.process_time()
        sink.add(i, ipc)
        cpu += time.process_time() - c
    c = time.process_time()
    sink.close(complete=True)
    cpu += time.process_time() - c
    return {"cpu": cpu, "rss_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="world-2022")
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--scaling-runs", type=int, default=80, help="runs for the 1 vs 2 workers comparison")
    ap.add_argument("--runs", type=int, default=1000, help="runs of the big ensemble")
    ap.add_argument("--workers", type=int, default=2, help="workers of the big ensemble")
    ap.add_argument("--summary-runs", type=int, default=0, help="also time the summary on a store of this many runs made of the big one's files")
    ap.add_argument("--skip-big", action="store_true", help="skip the big ensemble")
    ap.add_argument("--skip-scaling", action="store_true", help="skip the 1 vs 2 workers comparison")
    ap.add_argument("--skip-profile", action="store_true", help="skip the profile of one run and the sequential baseline")
    ap.add_argument("--profile-runs", type=int, default=5, help="runs profiled part by part (item 1)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    from foedus.experiments.ensemble import indicator_tables, load_scenario
    from foedus.experiments.runner import simulate_run

    print(f"load average before: {os.getloadavg()}")
    sc = load_scenario(args.scenario, args.years)
    print(f"scenario {sc.name}: {len(sc.actors)} states, {args.years} years")
    figures: dict[str, str] = {}

    # 1. where the time goes, and the sequential baseline
    if not args.skip_profile:
        simulate_run(sc.model_copy(update={"years": 2}), 0, 0, outcomes=indicator_tables)  # warm-up: numba kernels, imports
        parts = [profile_one_run(sc, s) for s in range(11, 11 + args.profile_runs)]
        total = np.mean([p["build_world"] + p["simulate"] + p["indicators"] + p["parquet"] for p in parts])
        print(f"one run, mean of {args.profile_runs} (CPU seconds, share of the run):")
        for k in parts[0]:
            v = np.mean([p[k] for p in parts])
            print(f"  {k:<32} {v:.4f}  {100 * v / total:5.1f} %")
        t, c = time.perf_counter(), time.process_time()
        n_seq = 8
        for i in range(n_seq):
            simulate_run(sc, i, 100 + i, outcomes=indicator_tables)
        seq = n_seq / (time.perf_counter() - t)
        cpu = (time.process_time() - c) / n_seq
        print(f"sequential (plain loop, one core): {seq:.2f} runs/s; {cpu:.3f} s of CPU per run")
        figures["sequential_runs_per_second"] = f"{seq:.2f}"
        figures["cpu_seconds_per_run"] = f"{cpu:.3f}"

    tmp = Path(tempfile.mkdtemp(prefix="foedus-bench-"))
    try:
        # 2. scaling, 1 vs 2 workers
        if not args.skip_scaling:
            t1 = timed_ensemble(sc, args.scaling_runs, 1, tmp / "w1", args.seed)
            t2 = timed_ensemble(sc, args.scaling_runs, 2, tmp / "w2", args.seed)
            same = all((tmp / "w1" / p.relative_to(tmp / "w2")).read_bytes() == p.read_bytes() for p in (tmp / "w2").rglob("*.parquet"))
            r1, r2 = args.scaling_runs / t1, args.scaling_runs / t2
            print(f"1 worker:  {args.scaling_runs} runs in {t1:.1f} s ({r1:.2f} runs/s)")
            print(f"2 workers: {args.scaling_runs} runs in {t2:.1f} s ({r2:.2f} runs/s); same bytes as 1 worker: {same}")
            figures.update(
                throughput_1_worker_runs_per_second=f"{r1:.2f}", throughput_2_workers_runs_per_second=f"{r2:.2f}",
                same_bytes_1_vs_2_workers=str(int(same)), scaling_2_vs_1=f"{r2 / r1:.2f}",
            )
        # 3. the big ensemble, in a child process (the driver), and 4. its summary
        if not args.skip_big:
            from foedus.data.ensemble_store import EnsembleStore

            big = tmp / "big"
            res = big_ensemble(args.scenario, args.runs, args.years, args.seed, args.workers, big)
            m = EnsembleStore.open(big).manifest
            size = sum(p.stat().st_size for p in big.rglob("*.parquet"))
            cpu = (res["driver_cpu"] + res["workers_cpu"]) / args.runs
            print(
                f"{args.runs} runs x {args.years} years on {args.workers} workers: {res['seconds']:.1f} s wall "
                f"({m['compute_seconds'] / args.runs:.3f} s of compute per run; {size / 2**20:.1f} MiB of Parquet); "
                f"driver peak RSS {res['peak_rss_mb']:.0f} MB; CPU: driver {res['driver_cpu']:.1f} s, workers (and their "
                f"start-up) {res['workers_cpu']:.1f} s, {cpu:.3f} s per run in all"
            )
            figures["cpu_seconds_per_run_all_processes"] = f"{cpu:.3f}"
            figures["driver_cpu_seconds_per_run"] = f"{res['driver_cpu'] / args.runs:.4f}"
            figures["projected_10000_runs_minutes_on_2_idle_cores"] = f"{10000 * cpu / 2 / 60:.1f}"
            summ = time_summary(big)
            print(f"foedus ensemble summary of {args.runs} runs (whole process): {summ:.1f} s")
            figures[f"world2022_{args.runs}x{args.years}_seconds"] = f"{res['seconds']:.1f}"
            if args.summary_runs > args.runs:
                rep = tmp / "replicated"
                t = time.perf_counter()
                comp = replicate_store(big, rep, args.summary_runs)
                print(f"store of {args.summary_runs} runs made of the {args.runs} runs' files in {time.perf_counter() - t:.1f} s")
                print(
                    f"its compacted copy written as the driver writes it while runs land: {comp['cpu']:.1f} s of CPU "
                    f"({1000 * comp['cpu'] / args.summary_runs:.2f} ms per run); peak RSS grew by {comp['rss_growth_mb']:.0f} MB"
                )
                figures[f"stream_compact_cpu_seconds_{args.summary_runs}"] = f"{comp['cpu']:.1f}"
                figures[f"stream_compact_rss_growth_mb_{args.summary_runs}"] = f"{comp['rss_growth_mb']:.0f}"
                s_m = time_summary(rep)
                print(f"foedus ensemble summary of {args.summary_runs} runs (replicated files; whole process): {s_m:.1f} s")
                figures[f"summary_seconds_{args.summary_runs}"] = f"{s_m:.1f}"
            figures["peak_rss_mb"] = f"{res['peak_rss_mb']:.0f}"
            figures["summary_seconds"] = f"{summ:.1f}"
            figures["runs_per_second"] = f"{args.runs / res['seconds']:.2f}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"load average after: {os.getloadavg()}  (other engineers' jobs share the 2 cores: times are pessimistic)")
    for k, v in figures.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
