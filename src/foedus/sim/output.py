"""Running a scenario into a folder, with checkpoints so that a long run can resume.

Layout of the output folder (``foedus simulate --out DIR``)::

    history.json, *.parquet   the history in the canonical tables (foedus.data.runs)
    events.jsonl              the event log, one JSON object per line, ``detail`` parsed
    run.json                  scenario, seed, horizon, years completed
    provenance.json           foedus's version, the command, the scenario's copy and SHA-256, the seed
                              (foedus.data.export.write_folder_provenance; no timestamp, so that
                              the same seed gives the same bytes)
    scenario.yaml             the scenario as run: the built-in file itself, else the scenario
                              written back as YAML (Scenario.to_yaml, which reads back equal)
    checkpoint.pkl            the whole run (world, generator state) while it is unfinished

``foedus simulate`` and the main job's ``run/`` (:func:`write_run_folder`) write the same files.

Every ``checkpoint_every`` years the run is saved and the history so far is written, so an
interrupted run loses at most that many years; :func:`simulate_to_dir` with ``resume=True``
continues from the checkpoint and produces the same bytes as an uninterrupted run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

import orjson
import pandas as pd

from foedus.data.export import PROVENANCE_FILE, write_folder_provenance
from foedus.data.runs import read_history_dir, write_history_dir
from foedus.schema import History
from foedus.sim.engine import CHECKPOINT, Simulation
from foedus.sim.scenario import Scenario

RUN_FILE = "run.json"


def write_events_jsonl(history: History, path: Path | str) -> Path:
    """Write the events table as JSON lines (``detail`` as an object), atomically."""
    path = Path(path)
    ev = history.events
    tmp = path.with_suffix(".jsonl.tmp")

    def ints(col: str) -> list:
        v = ev[col]
        return [None if pd.isna(x) else int(x) for x in v.tolist()]

    rows = zip(ev["year"].tolist(), ev["kind"].tolist(), ints("agreement_id"), ints("ccode"), ints("ccode2"), ev["detail"].tolist())
    with open(tmp, "wb") as f:
        for year, kind, a, c, c2, det in rows:
            # the detail is already compact JSON with sorted keys (foedus.sim.record): embedded as is
            row = {"agreement_id": a, "ccode": c, "ccode2": c2, "detail": orjson.Fragment(det or "{}"), "kind": str(kind), "year": int(year)}
            f.write(orjson.dumps(row, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE))
    os.replace(tmp, path)
    return path


def scenario_copy(scenario: Scenario) -> tuple[str, str]:
    """The text of ``scenario`` to keep beside its outputs, and where it comes from.

    A built-in scenario is copied byte for byte from its packaged file; any other (a file, an
    object built in Python) is written back as YAML (:meth:`Scenario.to_yaml`, which
    :meth:`Scenario.from_text` reads back equal), so that the copy is what ran.
    """
    from importlib import resources

    from foedus.sim.scenario import builtin_names

    if scenario.name in builtin_names() and Scenario.builtin(scenario.name) == scenario:
        text = (resources.files("foedus.sim") / "scenarios" / f"{scenario.name}.yaml").read_text(encoding="utf-8")
        return text, f"built-in scenario foedus/sim/scenarios/{scenario.name}.yaml"
    return scenario.to_yaml(), "the scenario as run, written back as YAML by foedus"


def write_run_provenance(out: Path | str, scenario: Scenario, seed: int | None, *, years: int, command: str | None = None) -> Path:
    """``provenance.json`` and ``scenario.yaml`` of a run folder (see the module docstring).

    ``command`` defaults to this process's arguments (``foedus simulate ...`` from a shell).
    """
    text, source = scenario_copy(scenario)
    return write_folder_provenance(
        out, kind="run", command=command if command is not None else _process_command(), scenario_name=scenario.name, scenario_text=text, scenario_source=source,
        seeds=[] if seed is None else [seed], years=int(years), start_year=int(scenario.start_year),
        data_sources=dict(scenario.sources) if getattr(scenario, "sources", None) else {},
    )


def _process_command() -> str:
    """This process's command as typed: ``foedus simulate ...`` when run as the ``foedus`` program."""
    import shlex
    import sys

    if Path(sys.argv[0]).name == "foedus":
        return " ".join(["foedus", *map(shlex.quote, sys.argv[1:])])
    return " ".join(map(shlex.quote, sys.argv))


def write_run_folder(history: History, out: Path | str, *, scenario: Scenario, seed: int | None, years: int,
                     command: str | None = None) -> Path:
    """Write a finished run into ``out`` as ``foedus simulate`` does: the tables, events.jsonl, run.json, provenance.

    The main job's ``run/`` is written by this, so that it holds the same files as a
    ``simulate`` folder of the same scenario, seed and horizon.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_history_dir(history, out)
    write_events_jsonl(history, out / "events.jsonl")
    _write_run_meta(out, scenario, seed, years, years, complete=True)
    write_run_provenance(out, scenario, seed, years=years, command=command)
    return out


def _write_run_file(sim: Simulation, out: Path, target_years: int, complete: bool) -> None:
    """``run.json``: the run's scenario, seed, horizon and progress (atomic)."""
    _write_run_meta(out, sim.scenario, sim.seed, target_years, sim.years_done, complete)


def _write_run_meta(out: Path, scenario: Scenario, seed: int | None, target_years: int, years_done: int, complete: bool) -> None:
    meta = {
        "scenario": scenario.name,
        "seed": seed,
        "start_year": scenario.start_year,
        "years": target_years,
        "years_done": years_done,
        "complete": complete,
    }
    tmp = out / (RUN_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, out / RUN_FILE)


def _write(sim: Simulation, out: Path, target_years: int, complete: bool) -> History:
    history = sim.history()
    write_history_dir(history, out)
    write_events_jsonl(history, out / "events.jsonl")
    _write_run_file(sim, out, target_years, complete)
    return history


def _run_file(out: Path) -> dict:
    path = out / RUN_FILE
    return json.loads(path.read_text()) if path.is_file() else {}


def _remove_temporary(out: Path) -> None:
    """Remove what a killed write left half-done (``*.tmp``; the real files are replaced atomically)."""
    if out.is_dir():
        for p in out.glob("*.tmp"):
            p.unlink(missing_ok=True)


def simulate_to_dir(
    scenario: Scenario | None,
    out: Path | str,
    *,
    years: int | None = None,
    seed: int | None = None,
    checkpoint_every: int = 10,
    resume: bool = False,
    on_year: Callable[[Simulation], None] | None = None,
    on_start: Callable[[Simulation, int], None] | None = None,
) -> History:
    """Run ``scenario`` for ``years`` and write its history to folder ``out``.

    A run killed at any moment and resumed (``resume=True``) writes the same bytes as one
    never interrupted: ``run.json`` records the horizon before the first year, the run is saved
    before its first year and every ``checkpoint_every`` years (atomically), and a resume
    removes what a killed write left half-done. Resuming a complete run returns its history;
    resuming where no year was saved yet starts the run over (the scenario must then be given).

    Parameters
    ----------
    scenario : Scenario or None
        The scenario (may be None with ``resume`` when a checkpoint exists: it holds the scenario).
    out : path
        Output folder (created if needed).
    years, seed : int, optional
        Horizon and seed (defaults: the scenario's; with ``resume``, the interrupted run's).
    checkpoint_every : int
        Save the run and write the history so far every this many years (0: only at the end).
    resume : bool
        Continue the unfinished run saved in ``out``.
    on_year : callable, optional
        Called after each simulated year with the simulation (progress bars).
    on_start : callable, optional
        Called once with the simulation and the target number of years before the first year.

    Raises
    ------
    ValueError
        ``resume`` with nothing to resume and no scenario, or a seed/scenario that differs from
        the interrupted run's.
    """
    out = Path(out)
    ckpt = out / CHECKPOINT
    if resume:
        _remove_temporary(out)
        meta = _run_file(out)
        if not ckpt.is_file() and meta.get("complete"):
            return read_history_dir(out)
        if ckpt.is_file():
            sim = Simulation.load(ckpt)
            if scenario is not None and scenario.name != sim.scenario.name:
                raise ValueError(f"{out}: the unfinished run is of scenario {sim.scenario.name!r}, not {scenario.name!r}")
            if seed is not None and seed != sim.seed:
                raise ValueError(f"{out}: the unfinished run has seed {sim.seed}, not {seed}")
            target = int(years if years is not None else meta.get("years", sim.scenario.years))
            if not (out / PROVENANCE_FILE).is_file():  # killed before it was written
                write_run_provenance(out, sim.scenario, sim.seed, years=target)
            return _simulate(sim, out, target, checkpoint_every, on_year, on_start)
        if scenario is None:
            raise ValueError(f"{out}: no unfinished run to resume (no {CHECKPOINT}); give the scenario to run it from the start")
        if years is None and meta.get("scenario") == scenario.name and "years" in meta:
            years = int(meta["years"])
    if scenario is None:
        raise ValueError("a scenario is needed unless resuming")
    sim = Simulation(scenario, rng=scenario.seed if seed is None else seed)
    target = int(years if years is not None else scenario.years)
    if target < 1:
        raise ValueError(f"years must be at least 1, got {target}")
    out.mkdir(parents=True, exist_ok=True)
    write_run_provenance(out, scenario, sim.seed, years=target)
    _write_run_file(sim, out, target, complete=False)  # the horizon first, then the state it belongs to
    sim.save(ckpt)
    return _simulate(sim, out, target, checkpoint_every, on_year, on_start)


def _simulate(sim: Simulation, out: Path, target: int, checkpoint_every: int, on_year, on_start) -> History:
    """Run ``sim`` to ``target`` years with its checkpoints, write the result, drop the checkpoint."""
    if target < 1:
        raise ValueError(f"years must be at least 1, got {target}")
    ckpt = out / CHECKPOINT
    if on_start is not None:
        on_start(sim, target)
    while sim.years_done < target:
        sim.run(1, on_year=on_year)
        if checkpoint_every and sim.years_done % checkpoint_every == 0 and sim.years_done < target:
            sim.save(ckpt)
            _write(sim, out, target, complete=False)
    history = _write(sim, out, target, complete=True)
    ckpt.unlink(missing_ok=True)
    return history
