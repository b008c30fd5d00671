"""The main job (``foedus main``, ``./dev run``): one scenario simulated once and as an ensemble, then reported.

:func:`main_job` is the whole experiment as a plain function; the command
(:func:`foedus.cli.main_job`) only parses options and prints what it returns. It simulates
(:func:`foedus.sim.run_scenario`, :func:`foedus.experiments.ensemble.run_ensemble`), measures
(:mod:`foedus.analysis`, :mod:`foedus.analysis.ensemble`) and draws (:mod:`foedus.report`):

- ``run/``: the reference run, the same files as a ``foedus simulate`` folder (the canonical
  tables, ``events.jsonl``, ``run.json``, ``provenance.json`` and ``scenario.yaml``:
  :func:`foedus.sim.output.write_run_folder`), and ``report.html``, its history report;
- ``ensemble/`` and ``ensemble_report.html``: the ensemble's indicator tables and its report
  (bands per year, great-power alignments, the probability of each headline pair's defence pact);
- ``summary.json``: the reference run's headline measures, with the ensemble's under ``"ensemble"``,
  and foedus's version;
- ``provenance.json`` and ``scenario.yaml`` (also in ``ensemble/``): foedus's version, the
  command, the scenario's copy and SHA-256, the seeds, the runs and years
  (:func:`foedus.data.export.write_folder_provenance`).

Same scenario, years, seeds and pairs: the same bytes (the ensemble's runs do not depend on the
workers or the scheduler).
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from foedus.schema import History
from foedus.sim import Scenario

__all__ = ["HEADLINE_INDICATORS", "MainJob", "main_job"]

HEADLINE_INDICATORS = ("alliances", "defense_pacts", "blocs", "poles", "largest_bloc", "milex")
"""Indicators of the ensemble's headline (in summary.json and the terminal), read in the last year."""

_BN = 1e-6
"""Thousand US$ (the unit of ``milex`` in the ensemble tables) to US$ bn (the headline's)."""


@dataclass(frozen=True)
class MainJob:
    """What the main job made.

    Attributes
    ----------
    scenario : Scenario
    history : History
        The reference run.
    reference : dict
        The reference run's headline measures (:func:`foedus.analysis.summary.summary`).
    summary : dict
        The content of ``summary.json``: ``reference`` with the scenario, the seed and, when an
        ensemble ran, its headline under ``"ensemble"`` (see :func:`main_job`).
    """

    scenario: Scenario
    history: History
    reference: dict
    summary: dict


def main_job(
    scenario: Scenario,
    out: Path | str,
    *,
    years: int,
    seed: int,
    runs: int,
    pairs: Sequence[tuple[str, str]] = (),
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    stage: Callable[[str], AbstractContextManager] = nullcontext,
    on_reference: Callable[[History, dict], None] | None = None,
    command: str | None = None,
) -> MainJob:
    """Simulate ``scenario`` once (seed ``seed``) and ``runs`` times, and write both reports and summary.json.

    Parameters
    ----------
    scenario : Scenario
        The scenario (:meth:`foedus.sim.Scenario.load` reads a built-in name or a file).
    out : folder
        Where everything is written (see the module docstring). An earlier ensemble there is
        replaced, or removed when ``runs`` is 0, so that ``out`` describes one job; a folder
        ``out/ensemble`` that is not a foedus ensemble is never removed (ValueError).
    years : int
        Simulated years, of the reference run and of every run of the ensemble.
    seed : int
        Seed of the reference run and of the ensemble (run i's seed derives from it and i); the
        reference run is not one of the ensemble's runs.
    runs : int
        Runs in the ensemble; 0: the reference run only.
    pairs : sequence of (state, state)
        Headline pairs (COW codes or abbreviations, e.g. ``("RUS", "CHN")``, brief T1): for each,
        the share of runs in which the two have shared a defence pact by each year. A pair with a
        state the scenario lacks is left out.
    workers, scheduler
        Where the ensemble runs: ``workers`` local Dask worker processes, or the running Dask
        scheduler at the address ``scheduler``.
    progress : bool
        Show the ensemble's progress bar (stderr).
    stage : callable
        ``stage(text)`` is entered around each long stage (the command shows a spinner).
    on_reference : callable, optional
        Called with the reference run and its measures as soon as its report is written,
        before the ensemble starts.
    command : str, optional
        The command recorded in the provenance files (default: this process's arguments).

    Returns
    -------
    MainJob
        ``summary`` holds, besides the reference run's measures, ``scenario``, ``seed`` and,
        with an ensemble, ``"ensemble"``: its runs and seed, the band's quantile columns, the
        :data:`HEADLINE_INDICATORS` in the last year (median and band; milex in US$ bn), each
        pair's probability with its 90 % interval, and the great powers' alignments.
    """
    from foedus.data.export import write_folder_provenance
    from foedus.report.history import history_main_job
    from foedus.sim import run_scenario
    from foedus.sim.output import scenario_copy, write_run_folder

    from foedus.cli._common import command_line

    command = command if command is not None else command_line()
    out = Path(out)
    _clear_ensemble(out)
    out.mkdir(parents=True, exist_ok=True)
    text, source = scenario_copy(scenario)
    write_folder_provenance(out, kind="main", command=command, scenario_name=scenario.name, scenario_text=text,
                            scenario_source=source, seeds=[seed], years=int(years), runs=int(runs))
    with stage(f"simulating {scenario.name} for {years} years (seed {seed})"):
        history = run_scenario(scenario, years=years, seed=seed)
        write_run_folder(history, out / "run", scenario=scenario, seed=seed, years=years, command=command)
    with stage("writing the report"):
        reference = history_main_job(out, history=history, scenario=scenario)
    Path(reference["outputs"]["report"]).replace(out / "report.html")
    Path(reference["outputs"]["summary"]).replace(out / "summary.json")
    if on_reference is not None:
        on_reference(history, reference)
    headline = None
    if runs:
        ensemble = _ensemble(scenario, history, out, runs=runs, years=years, seed=seed, pairs=pairs,
                             workers=workers, scheduler=scheduler, progress=progress, stage=stage)
        write_folder_provenance(out / "ensemble", kind="ensemble", command=command, scenario_name=scenario.name,
                                scenario_text=text, scenario_source=source, seeds=[seed], years=int(years), runs=int(runs))
        headline = _ensemble_headline(ensemble)
    summary = _write_summary(out / "summary.json", scenario.name, seed, headline)
    return MainJob(scenario=scenario, history=history, reference=reference, summary=summary)


def _clear_ensemble(out: Path) -> None:
    """Remove the ensemble of an earlier main job from ``out`` (only a foedus ensemble folder, and its report)."""
    folder = out / "ensemble"
    if folder.exists():
        manifest = folder / "manifest.json"
        try:
            ok = manifest.is_file() and json.loads(manifest.read_text(encoding="utf-8")).get("format") == "foedus-ensemble"
        except (OSError, ValueError):
            ok = False
        if not ok and (not folder.is_dir() or any(folder.iterdir())):
            raise ValueError(f"{folder}: exists and is not a foedus ensemble; choose another --out")
        shutil.rmtree(folder)
    (out / "ensemble_report.html").unlink(missing_ok=True)


def _ensemble(scenario: Scenario, history: History, out: Path, *, runs: int, years: int, seed: int, pairs, workers, scheduler, progress, stage) -> dict:
    """Run the ensemble, write its report, and return the tables its headline is read from."""
    from foedus.analysis import ensemble as an
    from foedus.report import ensemble as rep
    from foedus.report.provenance import milex_unit
    from foedus.experiments.ensemble import run_ensemble

    store = run_ensemble(scenario, runs=runs, out=out / "ensemble", years=years, seed=seed,
                         workers=workers, scheduler=scheduler, progress=progress)
    with stage("writing the ensemble report"):
        bands = an.summary(store)
        align = an.great_power_alignments(store)
        first, last = int(bands["year"].min()), int(bands["year"].max())
        named = {}
        for pair in pairs:
            try:
                a, b = (an.resolve_state(store, x)[1] for x in pair)
            except ValueError:
                continue  # a state the scenario lacks (no China in 1871)
            named[(a, b)] = an.pair_allied(store, a, b, obligation="defense", by=True)
        unit = milex_unit(history, scenario)
        m = store.manifest
        desc = (
            f"{m['runs_done']} runs of the scenario {m['scenario']}, {m['years']} years from {m['first_year']} to {last}, "
            f"ensemble seed {m['seed']} (run i's seed derives from it and i; no knob varied, so the runs differ by their "
            f"random draws only). The reference run of report.html uses seed {m['seed']} itself and is not one of them. "
            f"Military expenditure is in billions of {unit.money} (US$ bn) in every figure and table."
            + "".join(f" {a}–{b}: the share of runs in which {a} and {b} have shared a defence pact at some point from {first} up to the year."
                      for a, b in named)
        )
        pair_tables = {f"{a}–{b} defence pact by the year": p for (a, b), p in named.items()}
        section = rep.html_section(
            bands, title=f"Ensemble: {m['scenario']}, {first}–{last}", description=desc, alignments=align,
            pairs=pair_tables or None, state_milex=an.state_bands(store, "milex"), money=unit.money,
        )
        rep.write_html(out / "ensemble_report.html", [section], title=f"foedus ensemble: {m['scenario']}, {m['runs_done']} runs")
    return {"manifest": m, "bands": bands, "alignments": align, "pairs": pair_tables, "money": unit.money, "first": first, "last": last}


def _ensemble_headline(ens: dict) -> dict[str, Any]:
    """The ensemble's headline in the last year: bands of a few indicators, the pairs, the alignments."""
    from foedus.analysis.indicators import INDICATORS
    from foedus.analysis.summary import jsonable

    bands, last = ens["bands"], ens["last"]
    lo, hi = sorted(c for c in bands.columns if c.startswith("q") and c[1:].isdigit())
    rows = bands[(bands["year"] == last) & bands["indicator"].isin(HEADLINE_INDICATORS)].set_index("indicator")
    indicators = {}
    for name in HEADLINE_INDICATORS:
        if name in rows.index:
            r = rows.loc[name]
            k = _BN if name == "milex" else 1.0
            indicators[name] = {
                "description": INDICATORS[name][0] + (f" (billions of {ens['money']})" if name == "milex" else ""),
                "median": float(r["median"]) * k, lo: float(r[lo]) * k, hi: float(r[hi]) * k,
            }
    pairs = {}
    for label, p in ens["pairs"].items():
        r = p[p["year"] == last].iloc[0]
        pairs[label.replace("the year", str(last))] = {"probability": float(r["probability"]), "lo": float(r["lo"]), "hi": float(r["hi"])}
    al = ens["alignments"]
    al = al[al["year"] == last]
    alignments = [
        {"power": str(r.abb), "alignment": str(r.alignment), "share": float(r.share), "lo": float(r.lo), "hi": float(r.hi)}
        for r in al.itertuples()
    ]
    m = ens["manifest"]
    return jsonable({
        "runs": m["runs_done"], "seed": m["seed"], "first_year": ens["first"], "last_year": last, "band": [lo, hi],
        "indicators": indicators, "pairs": pairs, "great_power_alignments": alignments,
    })


def _write_summary(path: Path, scenario: str, seed: int, headline: dict | None) -> dict:
    """Complete summary.json (the reference run's measures) with the scenario, the seed and the ensemble's headline."""
    from foedus import __version__
    from foedus.data.export import PROVENANCE_FILE

    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario"], data["seed"] = scenario, seed
    data["foedus_version"], data["provenance"] = __version__, PROVENANCE_FILE
    if headline is not None:
        data["ensemble"] = headline
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return data
