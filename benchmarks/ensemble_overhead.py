"""Benchmark: what Dask's periodic work costs an ensemble, with Dask's default settings against foedus's local ones.

Run from the project root (on demand; not collected by pytest)::

    .venv/bin/python benchmarks/ensemble_overhead.py [--runs 30] [--rounds 2] [--years 30]

Each round runs two ensembles of ``--runs`` runs of ``world-2022`` on a local cluster of 2 worker
processes, each in its own driver process (``foedus.experiments.ensemble.run_ensemble``, as
``foedus ensemble`` runs them): one with Dask's default settings (the worker's statistical profiler
every 10 ms, event-loop ticks every 20 ms, memory read every 100 ms), one with
:data:`foedus.experiments.runner.LOCAL_DASK_CONFIG` (what foedus's local cluster uses). The two are
interleaved, so that both see the same minutes of this shared machine. Per ensemble: wall time,
CPU seconds of the driver and of its children (the workers, start-up included), and CPU seconds
per run of all of them. The same runs are simulated either way (same seeds, same bytes).

The last line printed is ``cpu_per_run_default: X cpu_per_run_local_settings: Y`` (means over the
rounds); the load average is printed with each ensemble, since Dask's periodic work grows with the
wall time, hence with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DRIVER = """\
import json, resource, sys, time
import foedus.experiments.runner as runner
from foedus.experiments.ensemble import run_ensemble
if __name__ == "__main__":
    a = json.loads(sys.argv[1])
    if a["default"]:
        runner.LOCAL_DASK_CONFIG = {}  # Dask's own settings
    t = time.perf_counter()
    run_ensemble("world-2022", runs=a["runs"], years=a["years"], seed=1, out=a["out"], workers=2)
    wall = time.perf_counter() - t
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": wall, "driver_cpu": me.ru_utime + me.ru_stime, "workers_cpu": kids.ru_utime + kids.ru_stime}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--years", type=int, default=30)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="foedus-overhead-"))
    (tmp / "driver.py").write_text(DRIVER)
    per_run: dict[str, list[float]] = {"default": [], "local_settings": []}
    for r in range(args.rounds):
        for name in per_run:
            spec = {"runs": args.runs, "years": args.years, "out": str(tmp / f"{name}{r}"), "default": name == "default"}
            res = subprocess.run([sys.executable, str(tmp / "driver.py"), json.dumps(spec)], capture_output=True, text=True, check=True)
            d = json.loads(res.stdout.strip().splitlines()[-1])
            cpu = (d["driver_cpu"] + d["workers_cpu"]) / args.runs
            per_run[name].append(cpu)
            print(f"{name:<15} round {r}: wall {d['seconds']:.1f} s, driver {d['driver_cpu']:.2f} s CPU, workers {d['workers_cpu']:.2f} s CPU, "
                  f"{cpu:.3f} s CPU per run; load {os.getloadavg()[0]:.1f}", flush=True)
    mean = {k: sum(v) / len(v) for k, v in per_run.items()}
    print(f"cpu_per_run_default: {mean['default']:.3f} cpu_per_run_local_settings: {mean['local_settings']:.3f}")


if __name__ == "__main__":
    main()
