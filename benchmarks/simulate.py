"""Benchmark: simulated state-years per second (200 states x 200 years), against named baselines.

Run on demand (not collected by pytest)::

    .venv/bin/python benchmarks/simulate.py [--states 200] [--years 200] [--repeat 3]

What is measured, in the same process:

- ``engine``: a full run of a synthetic 200-state world (:func:`foedus.testing.synthetic_scenario`,
  with cyber actors and starting alliances) for 200 years, every step of the pipeline, then the
  canonical tables (:meth:`foedus.sim.Simulation.history`); best of ``--repeat`` runs, after an untimed warm-up that loads every compiled kernel (:func:`warmup.warm_up`: a
  synthetic world of 60 states for 30 years, with wars and accessions; the kernels loaded inside the timed runs, if any, are
  printed), in wall
  time (``engine_seconds``) and in CPU time (``engine_cpu_seconds``, ``time.process_time``: less
  moved by other jobs on a shared machine);
- baseline ``record_naive``: the same run's ``state_years`` table built the naive way, one Python
  dict per state and year appended to a list, against the recorder's vectorised build of the
  same table (:meth:`foedus.sim.record.Recorder.state_years_table`); ``history_seconds`` is the
  whole of :meth:`~foedus.sim.Simulation.history` (every table, event details as JSON, validation);
- baseline ``threat_python_loop``: one year's Walt threat matrix computed by a pure-Python loop
  over dyads, against :func:`foedus.theory.threat.threat_matrix` on the same arrays.

Headline figures are printed last as ``name: value`` lines; the last line is
``state_years_per_second: X``. The floor of the issue: 200 x 200 in under 2 s on one core.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from warmup import (  # benchmarks/warmup.py (the script's folder)
    compiled_kernels,
    loaded_since,
    warm_up,
)

from foedus.sim import Simulation
from foedus.sim.engine import single_threaded_blas
from foedus.testing import synthetic_scenario
from foedus.theory.threat import threat_matrix


def run_engine(n: int, years: int, seed: int) -> tuple[float, float, Simulation]:
    """Wall and CPU (``time.process_time``) seconds of one run and its history, and the run."""
    sc = synthetic_scenario(n, seed=seed, years=years, alliances=n // 10, cyber=True, spread_km=12000.0)
    sim = Simulation(sc, rng=sc.seed)
    t0, c0 = time.perf_counter(), time.process_time()
    sim.run(years)
    sim.history()
    return time.perf_counter() - t0, time.process_time() - c0, sim


def record_naive(sim: Simulation) -> float:
    """Build state_years row by row (the baseline the recorder avoids)."""
    rec = sim.world.log
    t0 = time.perf_counter()
    rows = []
    for t in range(rec.years):
        for i in range(rec.n):
            rows.append(
                {
                    "ccode": int(sim.world.inputs.ccode[i]),
                    "year": rec.first_year + t,
                    "milex": float(rec.milex[t, i]) * 1000.0,
                    "milper": float(rec.milper[t, i]),
                    "tpop": float(rec.tpop[t, i]) * 1000.0,
                    "cinc": float(rec.cinc[t, i]),
                    "major": bool(rec.major[t, i]),
                    "tier": int(rec.tier[t, i]),
                }
            )
    pd.DataFrame(rows)
    return time.perf_counter() - t0


def record_vectorised(sim: Simulation) -> tuple[float, float]:
    t0 = time.perf_counter()
    sim.world.log.state_years_table(sim.world)
    t1 = time.perf_counter()
    sim.world.log.history(sim.world)
    return t1 - t0, time.perf_counter() - t1


def threat_loop(sim: Simulation) -> tuple[float, float]:
    """One year's threat matrix: pure-Python dyad loop vs the vectorised theory function."""
    w = sim.world
    n = w.n
    power, prox, off = w.state.power.tolist(), w.inputs.proximity.tolist(), w.results.offensive.tolist()
    intent = np.clip(w.state.hostility, 0, 1).tolist()
    t0 = time.perf_counter()
    out = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j:
                out[i][j] = power[j] * prox[i][j] * off[j] * intent[i][j]
    loop = time.perf_counter() - t0
    reps = 50
    t0 = time.perf_counter()
    for _ in range(reps):
        vec = threat_matrix(w.state.power, w.inputs.proximity, w.results.offensive, np.clip(w.state.hostility, 0, 1))
    numpy_t = (time.perf_counter() - t0) / reps
    assert np.allclose(vec, np.array(out))
    return loop, numpy_t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--states", type=int, default=200)
    ap.add_argument("--years", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with single_threaded_blas():
        warm_up()  # untimed: every compiled kernel loaded (benchmarks/warmup.py: a 60-state world with wars and accessions)
        before = compiled_kernels()
        best, best_cpu, sim = None, None, None
        for r in range(args.repeat):
            t, c, s = run_engine(args.states, args.years, args.seed + r)
            print(f"run {r + 1}: {t:.3f} s wall, {c:.3f} s CPU")
            if best is None or t < best:
                best, sim = t, s
            best_cpu = c if best_cpu is None else min(best_cpu, c)
        loaded = loaded_since(before)
        naive = record_naive(sim)
        vect, whole = record_vectorised(sim)
        loop, vec = threat_loop(sim)
    sy = args.states * args.years
    ev = sim.world.log
    print(f"agreements formed: {sim.world.state.agreements.n}, events: {sum(len(e[2]) for e in ev._events)}")
    print(f"kernels loaded inside the timed runs: {len(loaded)}" + (f" ({', '.join(loaded)})" if loaded else ""))
    print(f"record_naive_seconds: {naive:.3f}")
    print(f"record_vectorised_seconds: {vect:.3f}")
    print(f"record_speedup_vs_naive: {naive / vect:.1f}")
    print(f"history_seconds: {whole:.3f}")
    print(f"threat_python_loop_ms: {loop * 1e3:.2f}")
    print(f"threat_numpy_ms: {vec * 1e3:.3f}")
    print(f"engine_ms_per_year: {best / args.years * 1e3:.2f}")
    print(f"engine_cpu_seconds: {best_cpu:.3f}")  # less moved by other jobs on a shared machine than the wall time
    print(f"engine_seconds: {best:.3f}")
    print(f"state_years_per_second: {sy / best:.0f}")


if __name__ == "__main__":
    main()
