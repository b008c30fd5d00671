"""An ensemble of foedus: what is run, with which outcomes, and where the results go.

The four swappable pieces of an ensemble experiment (as in EMA Workbench):

- **what to vary and how to sample it**: :mod:`foedus.experiments.design` (knobs over the trend
  drivers T1–T5 and the model parameters; Latin hypercube or full factorial);
- **where it runs**: :mod:`foedus.experiments.runner` (Dask: a local cluster by default, any
  Dask scheduler, HPC through dask-jobqueue, Kubernetes or cloud; seeds derived from the
  ensemble seed and the run's index, so results never depend on the number of workers);
- **what is kept of a run**: the outcomes, a function of the run's compact
  :class:`~foedus.schema.runs.RunRecord` passed to the runner; by default :func:`indicator_tables`
  (the indicators of :mod:`foedus.analysis.indicators` and the membership spells);
- **where results go**: :class:`foedus.data.ensemble_store.EnsembleStore` (one Parquet file per
  run and table written as each run finishes, a manifest updated atomically, resumption of
  what is missing).

This module ties them together: :func:`run_ensemble` starts (or resumes) an ensemble and
:func:`resume_ensemble` completes one from its own manifest. The answers (bands, great-power
alignments, pair probabilities, comparisons) are in :mod:`foedus.analysis.ensemble`; figures in
:mod:`foedus.report.ensemble`; interoperation with EMA Workbench in
:mod:`foedus.experiments.ema` and :mod:`foedus.experiments.discovery`.

>>> from foedus.experiments.ensemble import run_ensemble
>>> store = run_ensemble("world-2022", runs=1000, years=30, seed=1, out="ens",   # doctest: +SKIP
...                      knobs=["great_power_competition=0.3:0.9"], progress=True)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.ensemble_data import RUNS_KEY, compacted_path, compacted_runs
from foedus.analysis.indicators import run_indicators
from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore
from foedus.experiments.design import DESIGNS, Knob, make_design, parse_knob
from foedus.experiments.runner import DEFAULT_CONNECT_TIMEOUT, MAX_RUNS, Outcomes, Progress, check_workers, execute, outcomes_name, run_seed
from foedus.schema.runs import RunRecord
from foedus.sim.scenario import Scenario

__all__ = ["indicator_tables", "load_scenario", "scenario_digest", "ensemble_scenario", "run_ensemble", "resume_ensemble", "compact_ensemble"]

COMPACT_CHUNK = 500
"""Runs read per row group when compacting a table (bounds the driver's memory: about 80 MB for world-2022's ``states``)."""


def indicator_tables(record: RunRecord) -> dict[str, pd.DataFrame]:
    """The default outcomes of an ensemble run: its indicators and its membership spells.

    Parameters
    ----------
    record : foedus.schema.runs.RunRecord

    Returns
    -------
    dict
        ``system`` and ``states`` of :func:`foedus.analysis.indicators.run_indicators`, and
        ``alliances``: the record's membership spells (:data:`foedus.schema.runs.SPELL_COLUMNS`).
    """
    tables = run_indicators(record)
    tables["alliances"] = record.spells
    return tables


def scenario_digest(scenario: Scenario) -> str:
    """SHA-256 of the scenario's canonical JSON (identifies the scenario of an ensemble)."""
    return hashlib.sha256(scenario.model_dump_json().encode("utf-8")).hexdigest()


def ensemble_scenario(store: EnsembleStore) -> Scenario:
    """The scenario an ensemble's runs start from (before knobs), read from its folder."""
    return Scenario.model_validate_json(store.scenario_json())


def load_scenario(scenario: Scenario | str | Path, years: int | None = None) -> Scenario:
    """A scenario object from an object, a built-in name or a file, with its horizon set to ``years``."""
    sc = scenario if isinstance(scenario, Scenario) else Scenario.load(scenario)
    if years is not None:
        if years < 1:
            raise ValueError(f"years must be at least 1, got {years}")
        sc = sc.model_copy(update={"years": int(years)})
    return sc




def compact_ensemble(store: EnsembleStore) -> bool:
    """Write each table of a complete ensemble as one Parquet file, ``DIR/compacted/<table>.pq``, for fast reading; True when written.

    Reading 10,000 runs file by file costs a file open and a footer per run and table; the
    compacted copy (:mod:`foedus.analysis.ensemble_data`) holds every run in run order, one row
    group per :data:`COMPACT_CHUNK` runs, read in chunks so that memory stays bounded. An
    ensemble run from its first run has its copy written while the runs land
    (:class:`foedus.experiments.compaction.StreamingCompactor`; about a tenth of the CPU of
    reading the files back), and this function keeps it; a resumed one is compacted here. The
    per-run files stay (they are the unit of resumption and of DuckDB's glob). Nothing is
    written while runs are missing, and a copy that already holds exactly the completed runs is
    kept. Each file is written under a temporary name and renamed into place.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    if store.missing():
        return False
    done = store.manifest.get("completed")
    runs = store.completed()
    wrote = False
    for table in RUN_TABLES:
        path = compacted_path(store, table)
        if compacted_runs(path) == done:
            continue
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        writer = None
        try:
            for k in range(0, len(runs), COMPACT_CHUNK):
                files = [str(store.run_file(table, i)) for i in runs[k : k + COMPACT_CHUNK]]
                chunk = ds.dataset(files, format="parquet").to_table()  # in file order, files read on all cores
                if writer is None:
                    schema = chunk.schema.with_metadata({**(chunk.schema.metadata or {}), RUNS_KEY: json.dumps(done).encode()})
                    writer = pq.ParquetWriter(tmp, schema, compression="zstd")
                writer.write_table(chunk.replace_schema_metadata(schema.metadata), row_group_size=max(len(chunk), 1))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            # runs whose tables differ in type cannot be one file; readers keep to the per-run files
            if writer is not None:
                writer.close()
                writer = None
            tmp.unlink(missing_ok=True)
            continue
        finally:
            if writer is not None:
                writer.close()
        tmp.replace(path)
        wrote = True
    return wrote


def _spec(sc: Scenario, runs: int, seed: int, design: str, knobs: Sequence[Knob], keep_histories: bool, outcomes: Outcomes) -> dict:
    """The entries that define an ensemble (:data:`foedus.data.ensemble_store.SPEC_KEYS`)."""
    return {
        "scenario": sc.name,
        "scenario_sha256": scenario_digest(sc),
        "runs": int(runs),
        "years": int(sc.years),
        "first_year": int(sc.start_year),
        "seed": int(seed),
        "design": design,
        "knobs": [k.to_dict() for k in knobs],
        "keep_histories": bool(keep_histories),
        "outcomes": outcomes_name(outcomes),
    }


def _experiments(runs: int, seed: int, knobs: Sequence[Knob], design: str) -> pd.DataFrame:
    """The design table: one row per run with ``run``, ``seed`` and the knob values."""
    table = make_design(knobs, runs, design, seed).reset_index()
    seeds = np.array([run_seed(seed, i) for i in range(runs)], dtype=np.uint64)
    table.insert(1, "seed", seeds)
    return table


def run_ensemble(
    scenario: Scenario | str | Path,
    *,
    runs: int,
    out: Path | str,
    years: int | None = None,
    seed: int = 0,
    knobs: Sequence[Knob | str] = (),
    design: str = "lhs",
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = True,
    resume: bool = False,
    keep_histories: bool = False,
    progress: bool | Progress = False,
    client: Any = None,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    outcomes: Outcomes = indicator_tables,
) -> EnsembleStore:
    """Run ``runs`` worlds of a scenario on Dask and write their indicators to ``out``.

    Parameters
    ----------
    scenario : Scenario, built-in name or scenario file
    runs : int
        Number of runs ``R`` (1 .. 2**32).
    out : folder
        The ensemble folder (layout in :mod:`foedus.data.ensemble_store`). It is created only
        once Dask is up (the local cluster started, or the scheduler reached): a failed
        connection writes nothing.
    years : int, optional
        Simulated years per run (default: the scenario's horizon).
    seed : int
        Ensemble seed; run ``i`` uses :func:`~foedus.experiments.runner.run_seed` ``(seed, i)``.
    knobs : sequence of Knob or ``"NAME=LOW:HIGH[:LEVELS]"`` strings
        Knobs to vary (:mod:`foedus.experiments.design`); none: every run starts from the
        same scenario and differs by its seed only.
    design : {"lhs", "factorial"}
        How knob values are assigned to runs.
    workers : int, optional
        Worker processes of the local cluster (default: ``os.cpu_count()``); ignored with
        ``scheduler`` or ``client``.
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:8786``).
    processes : bool
        Local cluster of processes (default) or of threads in this process.
    resume : bool
        If ``out`` already holds this ensemble, run only the missing runs (the ensemble's
        definition must match; see :meth:`EnsembleStore.check_spec`). Without ``resume`` an
        existing ensemble folder is an error.
    keep_histories : bool
        Also write every run's whole history (large).
    progress : bool or callable
        True: a live rich progress bar on stderr (runs done, rate, elapsed and time left; the
        rate is this session's runs per second of wall time since the first run was submitted,
        so it includes the workers' start-up, and the time left is the runs still to do at that
        rate); a callable: called as ``progress(done, total)`` once the runs are submitted and
        after each run lands.
    client : distributed.Client, optional
        Use this client (not closed afterwards) instead of starting one.
    connect_timeout : float
        Seconds to wait for ``scheduler`` to answer.
    outcomes : callable
        What each run keeps (:data:`foedus.experiments.runner.Outcomes`); default
        :func:`indicator_tables`.

    Returns
    -------
    EnsembleStore
        Its ``session`` attribute describes what this call ran (None when nothing was left).
        Once every run is done, each table is also written compacted (:func:`compact_ensemble`).

    Raises
    ------
    FileExistsError
        ``out`` holds an ensemble and ``resume`` is False.
    ValueError
        Bad arguments, or ``resume`` of an ensemble defined differently.
    ConnectionError
        ``scheduler`` could not be reached (nothing is written).
    RuntimeError
        A run failed (the message names its index and seed, to reproduce it alone with
        :func:`~foedus.experiments.runner.simulate_run`); the runs already written stay written.

    Examples
    --------
    >>> store = run_ensemble("europe-1871", runs=100, years=30, seed=1, out="ens",   # doctest: +SKIP
    ...                      knobs=["great_power_competition=0.2:0.9"], progress=True)
    """
    if not 1 <= int(runs) <= MAX_RUNS:
        raise ValueError(f"runs must lie in 1..{MAX_RUNS}, got {runs}")
    if design not in DESIGNS:
        raise ValueError(f"design must be one of {', '.join(DESIGNS)}, got {design!r}")
    if seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed}")
    check_workers(workers)
    knob_list = [k if isinstance(k, Knob) else parse_knob(k) for k in knobs]
    sc = load_scenario(scenario, years)
    spec = _spec(sc, runs, seed, design, knob_list, keep_histories, outcomes)
    out = Path(out)
    if (out / "manifest.json").exists():
        if not resume:
            raise FileExistsError(f"{out}: already holds an ensemble; pass resume=True (--resume) to complete it, or choose another folder")
        store = EnsembleStore.open(out)
        store.check_spec(spec)
    else:
        experiments = _experiments(int(runs), int(seed), knob_list, design)
        store = lambda: EnsembleStore.create(out, spec, sc.model_dump_json(indent=1), experiments)  # noqa: E731 (only once Dask is up)
    done = execute(
        store, sc, outcomes, workers=workers, scheduler=scheduler, processes=processes, progress=progress, client=client, connect_timeout=connect_timeout,
        compact_chunk=COMPACT_CHUNK,
    )
    compact_ensemble(done)  # the copy written while the runs landed is kept; else (a resumed ensemble) it is written now
    return done


def resume_ensemble(
    out: Path | str,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = True,
    progress: bool | Progress = False,
    client: Any = None,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    outcomes: Outcomes = indicator_tables,
) -> EnsembleStore:
    """Complete the ensemble in ``out`` from its own manifest: run only what is missing.

    Parameters as for :func:`run_ensemble`; the scenario, runs, years, seed, design and knobs
    are the ensemble's own; ``outcomes`` must be the function the ensemble was started with
    (its manifest records the function's qualified name, and a different one is a ValueError).
    A complete ensemble starts no worker and returns at once, with ``store.session`` None.
    """
    check_workers(workers)
    store = EnsembleStore.open(out)
    store.check_spec({"outcomes": outcomes_name(outcomes)})
    sc = ensemble_scenario(store)
    if scenario_digest(sc) != store.manifest["scenario_sha256"]:
        raise ValueError(f"{store.path / 'scenario.json'}: does not match the manifest's scenario_sha256 (edited by hand?)")
    done = execute(
        store, sc, outcomes, workers=workers, scheduler=scheduler, processes=processes, progress=progress, client=client, connect_timeout=connect_timeout,
        compact_chunk=COMPACT_CHUNK,
    )
    compact_ensemble(done)  # the copy written while the runs landed is kept; else (a resumed ensemble) it is written now
    return done
