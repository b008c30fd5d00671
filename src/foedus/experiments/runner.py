"""Running an ensemble on Dask: a local cluster by default, any Dask scheduler on request.

:func:`execute` runs the missing runs of an ensemble folder
(:class:`foedus.data.ensemble_store.EnsembleStore`) as Dask tasks and writes each run's tables
as soon as it finishes; :func:`foedus.experiments.ensemble.run_ensemble` and
:func:`~foedus.experiments.ensemble.resume_ensemble` define the ensemble and call it.

The runner receives its outcomes (as EMA Workbench's runners do): a run is simulated here
(:func:`run_tables`), and what is kept of it is computed by the ``outcomes`` function passed in,
from the run's compact :class:`~foedus.schema.runs.RunRecord`. This module imports no measure: the
default outcomes (the indicators of :mod:`foedus.analysis.indicators`) are supplied by
:mod:`foedus.experiments.ensemble`.

Seeds
-----
Run ``i`` of an ensemble with seed ``S`` uses the seed
``SeedSequence(S, spawn_key=(i,)).generate_state(1, uint64)[0]`` (:func:`run_seed`): the
``i``-th child of ``numpy.random.SeedSequence(S).spawn(R)``, statistically independent of
every other run's stream (O'Neill 2015; NumPy's ``SeedSequence``). A run is a pure function
of its scenario, knob values and seed, and its tables are written by index, so an ensemble
gives the same bytes whatever the number of workers, the scheduler, the order in which runs
finish or how often it was interrupted and resumed.

Where it runs
-------------
Without ``scheduler``, a :class:`distributed.LocalCluster` of ``workers`` processes (default:
one per core) with one thread each; Dask's nanny sets ``OMP_NUM_THREADS=1`` (and MKL and
OpenBLAS likewise) in every worker, so workers do not fight over cores. With ``scheduler``
(an address such as ``tcp://10.0.0.5:8786``) foedus connects a :class:`distributed.Client`
to an existing Dask cluster and changes nothing else. Results come back to the machine that
runs ``foedus ensemble`` and are written there: workers need foedus installed (the same
version) but no shared file system. The ensemble folder is created only once Dask is up: a
scheduler that does not answer within ``connect_timeout`` seconds raises
:class:`ConnectionError` and leaves nothing behind.

A local cluster of processes starts its workers with ``multiprocessing``'s *spawn* method, so a
script calling :func:`~foedus.experiments.ensemble.run_ensemble` needs the usual ``if __name__ == "__main__":`` guard.

A user who outgrows one machine starts a cluster with the tool of their site and passes its
scheduler's address:

- **HPC (SLURM, PBS, SGE, LSF)** with ``dask-jobqueue``::

      from dask_jobqueue import SLURMCluster
      cluster = SLURMCluster(cores=32, processes=32, memory="64GB", walltime="02:00:00")
      cluster.scale(jobs=8)                 # 256 workers
      print(cluster.scheduler_address)      # tcp://...:8786

  then ``foedus ensemble run ... --scheduler tcp://...:8786`` (or pass
  ``client=Client(cluster)`` to :func:`~foedus.experiments.ensemble.run_ensemble` from Python). Use one thread per worker
  process (``processes == cores``): a run is single-threaded NumPy.
- **Kubernetes** with the Dask Helm chart (``helm install dask dask/dask``) or
  ``dask-kubernetes``' ``KubeCluster``: point ``--scheduler`` at the scheduler service
  (``tcp://dask-scheduler:8786``); the worker image needs ``pip install foedus``.
- **Cloud** (Coiled, Saturn, AWS/GCP with ``dask-cloudprovider``): create the cluster, then
  ``--scheduler`` its address (or ``client=cluster.get_client()``).
- **By hand**: ``dask scheduler`` on one machine and ``dask worker tcp://HOST:8786
  --nthreads 1 --nworkers auto`` on each of the others.

References
----------
.. [1] Rocklin, M. 2015. "Dask: Parallel Computation with Blocked algorithms and Task
   Scheduling." *Proceedings of the 14th Python in Science Conference*: 130-36.
.. [2] O'Neill, M. E. 2015. "PCG: A Family of Simple Fast Space-Efficient Statistically Good
   Algorithms for Random Number Generation." HMC-CS-2014-0905 (the design behind NumPy's
   ``SeedSequence`` and ``PCG64``).
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd

from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore, parquet_bytes, run_table
from foedus.experiments.compaction import StreamingCompactor, ipc_bytes
from foedus.experiments.design import apply_knobs
from foedus.schema.runs import RunRecord
from foedus.sim.compact import CountingRecorder, compact_record
from foedus.sim.scenario import Scenario

__all__ = [
    "MAX_RUNS", "DEFAULT_CONNECT_TIMEOUT", "WORKER_ENV", "LOCAL_DASK_CONFIG", "RUNS_PER_TASK", "Outcomes", "Progress", "run_seed", "run_tables", "simulate_run",
    "simulate_runs", "execute", "check_workers",
]

MAX_RUNS = 2**32
"""Run indices stay below the design's spawn key (:data:`foedus.experiments.design.DESIGN_SPAWN_KEY`)."""

DEFAULT_CONNECT_TIMEOUT = 30.0
"""Seconds to wait for a Dask scheduler (``scheduler=``, ``--scheduler``) to answer."""

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called once the runs are submitted and after each run lands."""

Outcomes = Callable[[RunRecord], Mapping[str, pd.DataFrame]]
"""``outcomes(record) -> tables``: what an ensemble keeps of a run, from its compact record.

It must return one DataFrame for each of :data:`foedus.data.ensemble_store.RUN_TABLES`, and be
picklable (a module-level function), since Dask ships it to the workers. The default is
:func:`foedus.experiments.ensemble.indicator_tables`.
"""


def run_seed(ensemble_seed: int, index: int) -> int:
    """The seed of run ``index`` of an ensemble with seed ``ensemble_seed``.

    ``SeedSequence(ensemble_seed, spawn_key=(index,)).generate_state(1, numpy.uint64)[0]``,
    which is the state of ``SeedSequence(ensemble_seed).spawn(index + 1)[index]``: independent
    streams for every run, fixed by the ensemble seed and the run's index alone.

    Parameters
    ----------
    ensemble_seed : int, >= 0
    index : int, 0 <= index < 2**32

    Returns
    -------
    int
        A 64-bit seed for :class:`foedus.sim.engine.Simulation`.

    Examples
    --------
    >>> run_seed(7, 3) == run_seed(7, 3) != run_seed(7, 4)
    True
    """
    if ensemble_seed < 0:
        raise ValueError(f"ensemble seed must be >= 0, got {ensemble_seed}")
    if not 0 <= index < MAX_RUNS:
        raise ValueError(f"run index must lie in 0..{MAX_RUNS - 1}, got {index}")
    ss = np.random.SeedSequence(int(ensemble_seed), spawn_key=(int(index),))
    return int(ss.generate_state(1, np.uint64)[0])


def run_tables(
    scenario: Scenario,
    seed: int,
    knobs: Mapping[str, float] | None = None,
    keep_history: bool = False,
    *,
    outcomes: Outcomes,
) -> tuple[dict[str, pd.DataFrame], Any]:
    """Simulate one run and compute its tables.

    The run is :class:`foedus.sim.engine.Simulation` of ``scenario`` with ``knobs`` applied
    (:func:`foedus.experiments.design.apply_knobs`) and ``seed``, over the scenario's
    horizon, with a :class:`~foedus.sim.compact.CountingRecorder`; its tables are
    ``outcomes`` of its compact record (:func:`foedus.sim.compact.compact_record`).

    Parameters
    ----------
    scenario : Scenario
    seed : int
        The run's seed (see :func:`run_seed`).
    knobs : mapping, optional
        Knob values of this run (qualified or short names).
    keep_history : bool
        Also return the whole :class:`~foedus.schema.History`.
    outcomes : callable
        See :data:`Outcomes` (e.g. :func:`foedus.experiments.ensemble.indicator_tables`).

    Returns
    -------
    tables : dict of DataFrame
        What ``outcomes`` returned (a new dict).
    history : History or None
    """
    from foedus.sim.engine import Simulation

    sc = apply_knobs(scenario, dict(knobs or {}))
    # without a history to keep, events are only counted: their explanations need not be built
    recorder = CountingRecorder(len(sc.actors), sc.start_year, capacity=sc.years, keep_events=keep_history)
    sim = Simulation(sc, rng=int(seed), recorder=recorder, explain=keep_history)
    sim.run()
    tables = dict(outcomes(compact_record(sim)))
    return tables, (sim.history() if keep_history else None)


def simulate_run(
    scenario: Scenario,
    index: int,
    seed: int,
    knobs: Mapping[str, float] | None = None,
    keep_history: bool = False,
    *,
    outcomes: Outcomes,
    arrow: bool = False,
) -> dict[str, Any]:
    """One run of an ensemble, as the Dask task a worker runs: :func:`run_tables` as Parquet bytes.

    Parameters
    ----------
    scenario, seed, knobs, keep_history, outcomes
        As for :func:`run_tables`.
    index : int
        Run index (written in every table's ``run`` column).
    arrow : bool
        Also return the tables as Arrow IPC bytes (for
        :class:`~foedus.experiments.compaction.StreamingCompactor`).

    Returns
    -------
    dict
        ``index``; ``tables``: Parquet bytes of every table of
        :data:`foedus.data.ensemble_store.RUN_TABLES` (:func:`~foedus.data.ensemble_store.table_bytes`);
        ``arrow``: the same tables as Arrow IPC bytes, or None; ``history`` (or None);
        ``seconds``: compute time of the run.
    """
    t0 = time.perf_counter()
    tables, history = run_tables(scenario, seed, knobs, keep_history, outcomes=outcomes)
    check_tables(tables, outcomes)
    out, ipc = {}, ({} if arrow else None)
    for name in RUN_TABLES:
        # with its run column, as table_bytes converts it (one thread, the schema kept across runs)
        table = run_table(tables[name], index)
        out[name] = parquet_bytes(table)
        if ipc is not None:
            ipc[name] = ipc_bytes(table)
    return {"index": int(index), "tables": out, "arrow": ipc, "history": history, "seconds": time.perf_counter() - t0}


RUNS_PER_TASK = 8
"""Most runs one Dask task simulates in a row (:func:`simulate_runs`): a task costs Dask about 8 ms of CPU in the
driver and the workers (400 tasks returning 170 kB each on 2 local workers, load 14, 2026-12-07), 3 % of a run of
world-2022 x 30 years; eight runs share it (1 ms a run; four left 2 ms, a twelfth of a run's cost outside its
simulated years; a task's result, 1.4 MB, stays small). Fewer when every worker thread would not get four tasks, one
with histories."""


def simulate_runs(scenario: Scenario, runs: list, keep_history: bool = False, *, outcomes: Outcomes, arrow: bool = False) -> list[dict[str, Any]]:
    """Several runs in one Dask task: :func:`simulate_run` of each ``(index, seed, knobs)`` of ``runs``, in order.

    Each run is what :func:`simulate_run` gives alone; a run that fails raises its own error with
    its index in the attribute ``foedus_run`` (the driver names the run). The runs of the task before
    it are then not written: the ensemble stops, and a resume simulates them again, to the same bytes.
    """
    out = []
    for index, seed, knobs in runs:
        try:
            out.append(simulate_run(scenario, index, seed, knobs, keep_history, outcomes=outcomes, arrow=arrow))
        except Exception as exc:
            with suppress(AttributeError):
                exc.foedus_run = int(index)
            raise
    return out


def _runs_per_task(todo: int, nthreads: int, keep_history: bool) -> int:
    """Runs per Dask task: :data:`RUNS_PER_TASK`, fewer so that each worker thread gets at least four tasks, one with histories."""
    if keep_history:
        return 1
    return max(1, min(RUNS_PER_TASK, int(todo) // (4 * max(1, int(nthreads)))))


def outcomes_name(outcomes: Outcomes) -> str:
    """The qualified name of an outcomes function, as an ensemble's manifest records it."""
    return f"{getattr(outcomes, '__module__', '?')}.{getattr(outcomes, '__qualname__', type(outcomes).__name__)}"


def check_tables(tables: Mapping[str, pd.DataFrame], outcomes: Outcomes) -> None:
    """Raise ValueError unless ``outcomes`` returned exactly the tables an ensemble keeps.

    The store keeps :data:`foedus.data.ensemble_store.RUN_TABLES`; a missing table would leave
    the run unwritable and an extra one would be lost without a word.
    """
    names = set(tables)
    missing, extra = [t for t in RUN_TABLES if t not in names], sorted(names - set(RUN_TABLES))
    if missing or extra:
        what = "; ".join(s for s in (f"missing {', '.join(missing)}" if missing else "", f"not kept: {', '.join(extra)}" if extra else "") if s)
        raise ValueError(f"outcomes {outcomes_name(outcomes)} must return the tables {', '.join(RUN_TABLES)} ({what})")


def check_workers(workers: int | None) -> None:
    """Raise ValueError unless ``workers`` is None or at least 1."""
    if workers is not None and int(workers) < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")


WORKER_ENV: dict[str, str] = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "ARROW_NUM_THREADS": "1"}
"""Environment of the local cluster's worker processes (set the same on a cluster's workers)."""

LOCAL_DASK_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
"""Dask settings of the local cluster foedus starts (not of a scheduler it connects to).

Dask's processes do periodic work whatever the tasks do: each worker samples its threads' stacks
every 10 ms for the dashboard's profile, every process checks its event loop every 20 ms and
reads its memory every 100 ms. On this project's 2-core machine that work cost 0.10-0.15 s of CPU
per run of world-2022 x 30 years in an ensemble of 30 runs (0.75 against 0.64 s per run, driver and
workers together, interleaved rounds at load 9-13, 2026-12-06), a cost proportional to the wall
time rather than to the runs. Without the profiler, with the loop checked every second and memory
read every second (a worker over its memory limit is still paused or restarted, a second later at
most), the runs are the same; only the dashboard's profile tab stays empty.
"""


@contextmanager
def _dask_client(*, workers: int | None, scheduler: str | None, processes: bool, client: Any, connect_timeout: float):
    """A Dask client: ``client`` itself (left open), one connected to ``scheduler``, or one on a new local cluster."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    with ExitStack() as stack:  # closed in reverse: the client, the local cluster, its settings
        if scheduler:
            try:
                own = Client(scheduler, timeout=float(connect_timeout))
            except (OSError, ValueError) as e:
                raise ConnectionError(f"cannot connect to the Dask scheduler at {scheduler!r}: {e}") from None
            stack.callback(own.close)
            try:
                own.wait_for_workers(1, timeout=float(connect_timeout))
            except (TimeoutError, OSError):
                raise ConnectionError(
                    f"the Dask scheduler at {scheduler!r} has no worker after {float(connect_timeout):g} s "
                    f"(start one with `dask worker {scheduler}`, or raise --connect-timeout)"
                ) from None
        else:
            import dask

            n = int(workers or os.cpu_count() or 1)
            # one thread per worker, and one per numeric library inside it: a worker's BLAS, OpenMP
            # or Arrow threads would only contend with the other workers for the same cores
            extra = {"env": dict(WORKER_ENV)} if processes else {}
            # the nannies hand the settings in force to their workers (a restarted one too)
            stack.enter_context(dask.config.set(LOCAL_DASK_CONFIG))
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=":0", silence_logs=logging.ERROR, **extra)
            stack.callback(cluster.close)
            own = Client(cluster)
            stack.callback(own.close)
        own.run(_import_simulator)
        yield own


def _import_simulator() -> None:
    """Import the simulator whole on a worker before it runs any task (:func:`_dask_client`).

    A worker deserialises the next task's arguments (a :class:`~foedus.sim.Scenario`: it imports
    ``foedus.sim.scenario``) in its communication thread while the running task may be importing
    ``foedus.sim`` for the first time in the execution thread; ``foedus.sim``'s package imports the
    world, which imports the scenario module, so two threads importing the two ends at once can meet
    a partially initialised module (ImportError). Importing both ends here, once, before any task,
    rules that out.
    """
    import foedus.sim  # noqa: F401


@dataclass
class _Tally:
    """What a session of :func:`execute` has done so far (read when it ends, normally or not)."""

    total: int
    done: int
    ran: int = 0
    nthreads: int | None = None
    sink: StreamingCompactor | None = None


def _run_missing(
    dask: Any,
    store: EnsembleStore,
    sc: Scenario,
    outcomes: Outcomes,
    todo: list[int],
    tally: _Tally,
    *,
    compact_chunk: int | None,
    report: "_ProgressBar | None",
    callback: Progress | None,
) -> None:
    """Submit the runs ``todo`` to ``dask`` (a window of them at a time) and write each as it lands.

    ``tally`` counts the runs as they land (:func:`execute` reads it when the session ends).
    """
    from distributed import as_completed

    exp = store.experiments(completed_only=False).set_index("run")
    knob_cols = store.knob_names()
    keep = bool(store.manifest.get("keep_histories", False))
    tally.nthreads = nthreads = max(1, sum(dask.nthreads().values()))
    if compact_chunk and len(todo) == tally.total:
        tally.sink = StreamingCompactor(store, compact_chunk)
    sink = tally.sink
    sc_future = dask.scatter(sc, broadcast=True, hash=False)
    per_task = _runs_per_task(len(todo), nthreads, keep)
    window = max(2 * nthreads, -(-max(16, 4 * nthreads) // per_task))  # tasks in flight: about the same runs as one run a task
    pending = iter(todo)
    queue = as_completed()
    index_of: dict[str, list[int]] = {}

    def submit_next() -> bool:
        batch = [int(i) for _, i in zip(range(per_task), pending)]
        if not batch:
            return False
        # cell by cell: a row of mixed columns is float64, which would round the uint64 seed
        runs = [(i, int(exp.at[i, "seed"]), {k: float(exp.at[i, k]) for k in knob_cols}) for i in batch]
        fut = dask.submit(
            simulate_runs, sc_future, runs, keep, outcomes=outcomes, arrow=sink is not None, pure=False,
            key=f"foedus-runs-{batch[0]}-{len(batch)}-{time.time_ns()}",
        )
        index_of[fut.key] = batch
        queue.add(fut)
        return True

    if report is not None:
        report.start(tally.done, tally.total)
    for _ in range(window):
        if not submit_next():
            break
    if callback:
        callback(tally.done, tally.total)
    for fut in queue:
        if fut.status == "error":
            exc = fut.exception()
            index = int(getattr(exc, "foedus_run", index_of[fut.key][0]))
            for f in list(queue.futures):
                f.cancel()
            raise RuntimeError(f"run {index} (seed {int(exp.loc[index, 'seed'])}) failed: {type(exc).__name__}: {exc}") from exc
        for res in fut.result():
            store.write_run(res["index"], res["tables"], history=res["history"], seconds=res["seconds"])
            if sink is not None:
                sink.add(res["index"], res["arrow"])
            tally.done += 1
            tally.ran += 1
            if callback:
                callback(tally.done, tally.total)
        fut.release()
        submit_next()


def execute(
    store: EnsembleStore | Callable[[], EnsembleStore],
    sc: Scenario,
    outcomes: Outcomes,
    *,
    workers: int | None,
    scheduler: str | None,
    processes: bool,
    progress: bool | Progress,
    client: Any,
    connect_timeout: float,
    compact_chunk: int | None = None,
) -> EnsembleStore:
    """Run the missing runs of ``store`` on Dask, writing each as it lands.

    Parameters
    ----------
    store : EnsembleStore or callable
        The ensemble folder, or a function creating it: that is called only once Dask is up,
        so that a failed connection leaves nothing behind.
    sc : Scenario
        The scenario every run starts from (before its knobs).
    outcomes : callable
        What each run yields (:data:`Outcomes`).
    workers, scheduler, processes, progress, client, connect_timeout
        As for :func:`foedus.experiments.ensemble.run_ensemble`.
    compact_chunk : int, optional
        When given and no run of the store is done yet, also write the compacted copy of each
        table while the runs land, ``compact_chunk`` runs per row group
        (:class:`~foedus.experiments.compaction.StreamingCompactor`).

    Returns
    -------
    EnsembleStore
        With ``session`` describing what ran (None when nothing was left to run).

    Raises
    ------
    RuntimeError
        A run failed (the message names its index and seed); the runs already written stay.
    """
    if isinstance(store, EnsembleStore):
        store.clean_partial()
        todo, total = store.missing(), store.runs
        if not todo:
            store.session = None
            return store
    report = _ProgressBar() if progress is True else None
    callback: Progress | None = report.update if report is not None else (progress or None)
    t_start = time.perf_counter()
    label = scheduler or ("client" if client is not None else "local")
    try:
        with _dask_client(workers=workers, scheduler=scheduler, processes=processes, client=client, connect_timeout=connect_timeout) as dask:
            if not isinstance(store, EnsembleStore):
                store = store()
                todo, total = store.missing(), store.runs
            tally = _Tally(total=total, done=total - len(todo))
            try:
                _run_missing(dask, store, sc, outcomes, todo, tally, compact_chunk=compact_chunk, report=report, callback=callback)
            finally:
                if tally.sink is not None:
                    tally.sink.close(complete=tally.done == tally.total)
                wall = time.perf_counter() - t_start
                store.record_session(
                    {"runs": tally.ran, "wall_seconds": round(wall, 3), "scheduler": label, "workers": workers, "threads": tally.nthreads}
                )
    finally:
        if report is not None:
            report.close()
    return store


class _ProgressBar:
    """A live rich progress bar on stderr: runs done of all, rate, elapsed wall time and time left.

    The clock starts when the first run of this session is submitted (after the local cluster
    started or the scheduler answered). The rate is the runs finished in this session divided by
    the wall time since then, so the workers' start-up (imports, compilation) and every pause
    count; the time left is the runs still to do at that rate. Runs done in earlier sessions
    count in "done" but not in the rate.
    """

    def __init__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
        from rich.text import Text

        bar = self

        class _Rate(ProgressColumn):
            def render(self, task) -> Text:
                r = bar.rate(task)
                return Text("–– runs/s" if r is None else f"{r:.2f} runs/s", style="progress.data.speed")

        class _Clock(ProgressColumn):
            def __init__(self, which: str):
                super().__init__()
                self.which = which

            def render(self, task) -> Text:
                s = bar.elapsed() if self.which == "elapsed" else bar.left(task)
                style = "progress.elapsed" if self.which == "elapsed" else "progress.remaining"
                return Text(f"{self.which} " + ("-:--:--" if s is None else _hms(s)), style=style)

        self._t0: float | None = None
        self._done0 = 0
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("runs"),
            _Rate(),
            _Clock("elapsed"),
            _Clock("left"),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("waiting for Dask", total=None)
        self._progress.start()

    def start(self, done: int, total: int) -> None:
        """The first run of this session is being submitted: start the clock."""
        self._t0 = time.monotonic()
        self._done0 = int(done)
        self._progress.update(self._task, description="ensemble", completed=done, total=total)

    def elapsed(self) -> float | None:
        return None if self._t0 is None else time.monotonic() - self._t0

    def rate(self, task) -> float | None:
        """Runs finished in this session per second of wall time since the first submission."""
        ran = task.completed - self._done0
        t = self.elapsed()
        return ran / t if (t and ran > 0) else None

    def left(self, task) -> float | None:
        if task.total is not None and task.completed >= task.total:
            return 0.0
        r = self.rate(task)
        return None if (r is None or task.total is None) else (task.total - task.completed) / r

    def update(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._t0 is None:  # Dask never came up (an error follows): leave no empty bar behind
            self._progress.update(self._task, visible=False)
        self._progress.refresh()
        self._progress.stop()


def _hms(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
