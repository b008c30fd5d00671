"""Scenario runs and small ensembles started from the dashboard: a small queue run by one background thread.

A job runs a validated :class:`~foedus.sim.scenario.Scenario` with
:func:`foedus.sim.output.simulate_to_dir` into a new folder under the runs directory, reporting
progress after every simulated year; when it is done the folder is a run source of the
dashboard (its id is ``run:<folder>``). One job runs at a time (the machine's cores are better
spent on one run than on several), and the queue is bounded so that the page cannot pile up
work. The scenario is written beside the history as ``scenario.yaml`` so that the run can be
re-run and mapped (its actors carry their capitals' coordinates).

An ensemble job (:meth:`JobManager.submit_ensemble`) runs
:func:`foedus.experiments.ensemble.run_ensemble` on one thread of an in-process Dask cluster
into ``ensembles/<folder>`` under the runs directory, reporting the runs done as they land; its
``source_id`` is set as soon as the first run is written, so that the page can show the bands
while they fill in.
"""

from __future__ import annotations

import re
import threading
import time
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from foedus.i18n import _

__all__ = ["Job", "JobManager", "QueueFull", "UnknownJob"]


class QueueFull(RuntimeError):
    """Too many jobs waiting."""


class UnknownJob(KeyError):
    """No job with this id."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class Job:
    """One scenario run and its progress."""

    id: str
    scenario: str
    years: int
    seed: int
    status: str = "queued"
    """``queued``, ``running``, ``done`` or ``error``."""
    kind: str = "run"
    """``run`` (one history) or ``ensemble``."""
    runs: int = 1
    runs_done: int = 0
    years_done: int = 0
    message: str = ""
    """Why a run failed (the error, as raised); a finished run's message is said by :meth:`public`."""
    folder: str | None = None
    """The folder a finished run or ensemble was written to (in the runs folder)."""
    source_id: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def public(self) -> dict:
        """JSON for the page, its ``message`` in the language of the request (the worker thread that ran it has none)."""
        message = self.message
        if self.status == "done" and self.folder is not None:
            if self.kind == "ensemble":
                done = _("{runs} runs of {years} years; written to the runs folder as {folder}")
            else:
                done = _("{years} years simulated; written to the runs folder as {folder}")
            message = done.format(runs=self.runs, years=self.years, folder=self.folder)
        return {
            "id": self.id,
            "scenario": self.scenario,
            "years": self.years,
            "seed": self.seed,
            "status": self.status,
            "kind": self.kind,
            "runs": self.runs,
            "runs_done": self.runs_done,
            "years_done": self.years_done,
            "progress": (self.runs_done / self.runs if self.kind == "ensemble" else self.years_done / self.years) if self.years else 0.0,
            "message": message,
            "source_id": self.source_id,
        }


def _slug(text: str) -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40]
    return s or "scenario"


class JobManager:
    """Runs scenarios one at a time in a background thread.

    Parameters
    ----------
    runs_dir : path
        Where each run's folder is created.
    max_pending : int
        Jobs queued or running at once; one more is refused with :class:`QueueFull`.
    keep : int
        Finished jobs remembered (oldest forgotten first).
    """

    def __init__(self, runs_dir: Path | str, *, max_pending: int = 3, keep: int = 50):
        self.runs_dir = Path(runs_dir)
        self.max_pending = max_pending
        self.keep = keep
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="foedus-run")

    def submit(self, scenario, years: int, seed: int) -> Job:
        """Queue a run of ``scenario`` (a validated Scenario) for ``years`` years with ``seed``.

        Raises
        ------
        QueueFull
            :attr:`max_pending` jobs are already queued or running.
        """
        job = self._queue(Job(uuid.uuid4().hex[:12], scenario.name, int(years), int(seed)))
        self._pool.submit(self._run, job, scenario)
        return job

    def submit_ensemble(self, scenario, years: int, seed: int, runs: int, knobs: tuple = ()) -> Job:
        """Queue an ensemble of ``runs`` runs of ``scenario`` for ``years`` years, ensemble seed ``seed``, varying
        ``knobs`` (``NAME=LOW:HIGH`` strings, :func:`foedus.experiments.design.parse_knob`).

        Raises
        ------
        QueueFull
        """
        job = self._queue(Job(uuid.uuid4().hex[:12], scenario.name, int(years), int(seed), kind="ensemble", runs=int(runs)))
        self._pool.submit(self._run_ensemble, job, scenario, tuple(knobs))
        return job

    def _queue(self, job: Job) -> Job:
        with self._lock:
            pending = sum(j.status in ("queued", "running") for j in self._jobs.values())
            if pending >= self.max_pending:
                raise QueueFull(_("{pending} runs are already queued or running; wait for one to finish").format(pending=pending))
            self._jobs[job.id] = job
            done = [j for j in self._jobs.values() if j.finished is not None]
            for old in sorted(done, key=lambda j: j.finished)[: max(0, len(done) - self.keep)]:
                del self._jobs[old.id]
        return job

    def get(self, job_id: str) -> Job:
        """The job ``job_id``.

        Raises
        ------
        UnknownJob
        """
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise UnknownJob(f"unknown job {job_id!r}")
        return job

    def jobs(self) -> list[Job]:
        """All remembered jobs, newest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: -j.created)

    def shutdown(self) -> None:
        """Stop accepting jobs and wait for the running one."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run_ensemble(self, job: Job, scenario, knobs: tuple) -> None:
        from foedus.experiments.ensemble import run_ensemble

        folder = f"ensembles/{_slug(scenario.name)}-x{job.runs}-seed{job.seed}-{job.years}y-{job.id}"
        with self._lock:
            job.status = "running"

        def progress(done: int, total: int) -> None:
            with self._lock:
                job.runs_done = int(done)
                if done >= 1:
                    job.source_id = f"ensemble:{folder}"

        try:
            (self.runs_dir / "ensembles").mkdir(parents=True, exist_ok=True)
            run_ensemble(scenario, runs=job.runs, years=job.years, seed=job.seed, out=self.runs_dir / folder, knobs=knobs,
                         workers=1, processes=False, progress=progress)
        except Exception as e:  # noqa: BLE001 - reported to the page, not raised in a thread
            self._failed(job, e)
            return
        with self._lock:
            job.status = "done"
            job.runs_done = job.runs
            job.source_id = f"ensemble:{folder}"
            job.folder = folder
            job.finished = time.time()

    def _failed(self, job: Job, e: Exception) -> None:
        with self._lock:
            job.status = "error"
            job.message = f"{type(e).__name__}: {e}"
            job.finished = time.time()
        traceback.print_exc()

    def _run(self, job: Job, scenario) -> None:
        from foedus.sim.output import simulate_to_dir

        folder = f"{_slug(scenario.name)}-seed{job.seed}-{job.years}y-{job.id}"
        out = self.runs_dir / folder
        with self._lock:
            job.status = "running"

        def on_year(sim) -> None:
            with self._lock:
                job.years_done = int(sim.years_done)

        try:
            self.runs_dir.mkdir(parents=True, exist_ok=True)
            out.mkdir()
            (out / "scenario.yaml").write_text(scenario.to_yaml(), encoding="utf-8")
            simulate_to_dir(scenario, out, years=job.years, seed=job.seed, checkpoint_every=0, on_year=on_year)
        except Exception as e:  # noqa: BLE001 - any failure of a run is reported to the page, not raised in a thread
            self._failed(job, e)
            return
        with self._lock:
            job.status = "done"
            job.years_done = job.years
            job.source_id = f"run:{folder}"
            job.folder = folder
            job.finished = time.time()
