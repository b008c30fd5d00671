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

from foedus.i18n import _
from foedus.schema import History
from foedus.sim import Scenario

__all__ = ["HEADLINE_INDICATORS", "MainJob", "main_job"]

HEADLINE_INDICATORS = ("alliances", "defense_pacts", "blocs", "poles", "largest_bloc", "milex")
"""Indicators of the ensemble's headline (in summary.json and the terminal), read in the last year."""

PAIR_KEY = "{a}–{b} defence pact by {year}"
"""Key of a pair's probability in summary.json's ``ensemble.pairs`` (data: in English whatever the language)."""

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
    vary_drivers: bool = True,
    validation_seeds: Sequence[int] = (1,),
    validation_years: int | None = None,
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
    vary_drivers : bool
        Let the five trend drivers (T1–T5) vary over the ensemble's runs, each over the
        scenario's value ± 0.3 clipped to [0, 1], in a Latin hypercube
        (:func:`foedus.experiments.drivers.driver_knobs`), and attribute each headline outcome to
        the drivers that move it (:func:`foedus.experiments.drivers.attribute_all`). False: every
        run starts from the scenario itself and the runs differ by their seeds only.
    validation_seeds : sequence of int
        Seeds of the out-of-sample validation run beside the ensemble, on its workers: one run
        per seed in each era the shipped parameters were not fitted on
        (:class:`foedus.experiments.oos_score.PendingScore`). Empty, or no ensemble: none.
    validation_years : int, optional
        Shorten the validation's eras to their first years (quick checks; the result says so).

    Returns
    -------
    MainJob
        ``summary`` holds, besides the reference run's measures, ``scenario``, ``seed`` and,
        with an ensemble, ``"ensemble"``: its runs and seed, the band's quantile columns, the
        :data:`HEADLINE_INDICATORS` in the last year (median and band; milex in US$ bn), each
        pair's probability with its 90 % interval, the great powers' alignments and, under
        ``"drivers"``, what drives each headline outcome (a sentence with the figure each); and
        under ``"validation"`` the model's out-of-sample score (with its seeds, eras and version).
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
    with stage(_("simulating {scenario} for {years} years (seed {seed})").format(scenario=scenario.name, years=years, seed=seed)):
        history = run_scenario(scenario, years=years, seed=seed)
        write_run_folder(history, out / "run", scenario=scenario, seed=seed, years=years, command=command)
    with stage(_("writing the report")):
        reference = history_main_job(out, history=history, scenario=scenario)
    Path(reference["outputs"]["report"]).replace(out / "report.html")
    Path(reference["outputs"]["summary"]).replace(out / "summary.json")
    if on_reference is not None:
        on_reference(history, reference)
    headline, validation = None, None
    if runs:
        from foedus.experiments.oos_score import PendingScore
        from foedus.experiments.runner import DEFAULT_CONNECT_TIMEOUT, _dask_client

        knobs = _driver_knobs(scenario) if vary_drivers else []
        with _dask_client(workers=workers, scheduler=scheduler, processes=True, client=None, connect_timeout=DEFAULT_CONNECT_TIMEOUT) as client:
            pending = PendingScore(validation_seeds, parameters=_own_parameters(scenario), years=validation_years, client=client)
            ensemble = _ensemble(scenario, history, out, runs=runs, years=years, seed=seed, pairs=pairs, knobs=knobs,
                                 client=client, progress=progress, stage=stage)
            with stage(_("scoring the model out of sample")):
                validation = pending.result()
        with stage(_("writing the ensemble report")):
            _ensemble_report(ensemble, out, validation)
        write_folder_provenance(out / "ensemble", kind="ensemble", command=command, scenario_name=scenario.name,
                                scenario_text=text, scenario_source=source, seeds=[seed], years=int(years), runs=int(runs))
        headline = _ensemble_headline(ensemble)
    summary = _write_summary(out / "summary.json", scenario.name, seed, headline, validation)
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
            raise ValueError(_("{folder}: exists and is not a foedus ensemble; choose another --out").format(folder=folder))
        shutil.rmtree(folder)
    (out / "ensemble_report.html").unlink(missing_ok=True)


def _driver_knobs(scenario: Scenario) -> list:
    """The trend drivers as knobs of the main job's ensemble (:func:`foedus.experiments.drivers.driver_knobs`)."""
    from foedus.experiments.drivers import driver_knobs

    return driver_knobs(scenario)


def _own_parameters(scenario: Scenario) -> dict[str, float]:
    """The scenario's model parameters that differ from the shipped defaults (the validation runs with them)."""
    from foedus.sim.parameters import Parameters

    default = Parameters().model_dump()
    return {k: float(v) for k, v in scenario.parameters.model_dump().items() if v != default[k] and isinstance(v, (int, float))}


def _ensemble(scenario: Scenario, history: History, out: Path, *, runs: int, years: int, seed: int, pairs, knobs, client, progress, stage) -> dict:
    """Run the ensemble (on ``client``) and return the tables its headline and report are made of, with the drivers' attribution."""
    from foedus.analysis import ensemble as an
    from foedus.experiments.drivers import attribute_all, headline_outcomes
    from foedus.experiments.ensemble import run_ensemble
    from foedus.report.provenance import milex_unit
    from foedus.sim.agreements import FIRST_SIMULATED_ID

    store = run_ensemble(scenario, runs=runs, out=out / "ensemble", years=years, seed=seed, knobs=knobs, design="lhs",
                         client=client, progress=progress)
    with stage(_("finding what drives each headline")):
        bands = an.summary(store)
        align = an.great_power_alignments(store)
        first, last = int(bands["year"].min()), int(bands["year"].max())
        named = {}
        for pair in pairs:
            try:
                a, b = (an.resolve_state(store, x) for x in pair)
            except ValueError:
                continue  # a state the scenario lacks (no China in 1871)
            named[(a, b)] = an.pair_allied(store, a[0], b[0], obligation="defense", by=True)
        names = _state_names(history)
        ag = history.agreements
        nato = ag[(ag["name"].astype("string") == "NATO") & (ag["agreement_id"] < FIRST_SIMULATED_ID)]
        heads = headline_outcomes(store, pairs=[(a[0], b[0]) for a, b in named], names=names,
                                  agreements={"NATO": int(nato["agreement_id"].iloc[0])} if len(nato) else None)
        drivers = attribute_all(heads, store.experiments().set_index("run"), knobs)
    pair_tables = {(a[1], b[1]): p for (a, b), p in named.items()}  # by the two states' names
    return {"store": store, "manifest": store.manifest, "bands": bands, "alignments": align, "pairs": pair_tables,
            "money": milex_unit(history, scenario).money, "first": first, "last": last, "drivers": drivers, "knobs": knobs}


def _state_names(history: History) -> dict[int, str]:
    """COW code -> the state's name in the history (its latest)."""
    st = history.states.drop_duplicates("ccode", keep="last")
    return {int(c): str(n) for c, n in zip(st["ccode"], st["name"])}


def _ensemble_report(ens: dict, out: Path, validation: dict | None) -> None:
    """Write ensemble_report.html: the bands, alignments and pairs, what drives each headline, the validation score."""
    from foedus.analysis import ensemble as an
    from foedus.report import drivers as drep
    from foedus.report import ensemble as rep

    m, store, first, last = ens["manifest"], ens["store"], ens["first"], ens["last"]
    varied = ", ".join(f"{k.field.replace('_', ' ')} {k.low:g}–{k.high:g}" for k in ens["knobs"])
    if ens["knobs"]:
        how = _("the five trend drivers vary over the runs in a Latin hypercube ({varied}: the scenario's value ± 0.3), so the bands "
                "show the drivers' spread and the runs' random draws together").format(varied=varied)
    else:
        how = _("no knob varied, so the runs differ by their random draws only")
    desc = _(
        "{runs} runs of the scenario {scenario}, {years} years from {first} to {last}, ensemble seed {seed} (run i's seed derives "
        "from it and i; {how}). The reference run of report.html uses seed {seed} itself and the scenario's own drivers, and is "
        "not one of them. Military expenditure is in billions of {money} (US$ bn) in every figure and table."
    ).format(runs=m["runs_done"], scenario=m["scenario"], years=m["years"], first=m["first_year"], last=last, seed=m["seed"], how=how,
             money=ens["money"])
    shared = _("{a}–{b}: the share of runs in which the two have shared a defence pact at some point from {first} up to the year.")
    desc += "".join(" " + shared.format(a=a, b=b, first=first) for a, b in ens["pairs"])
    pair_title = _("{a}–{b} defence pact by the year")
    pairs = {pair_title.format(a=a, b=b): p for (a, b), p in ens["pairs"].items()}
    section = rep.html_section(
        ens["bands"], title=_("Ensemble: {scenario}, {first}–{last}").format(scenario=m["scenario"], first=first, last=last),
        description=desc, alignments=ens["alignments"], pairs=pairs or None, state_milex=an.state_bands(store, "milex"), money=ens["money"],
    )
    findings = drep.html_section(ens["drivers"], validation)
    title = _("foedus ensemble: {scenario}, {runs} runs").format(scenario=m["scenario"], runs=m["runs_done"])
    rep.write_html(out / "ensemble_report.html", [findings, section], title=title)


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
    for (a, b), p in ens["pairs"].items():
        r = p[p["year"] == last].iloc[0]
        pairs[PAIR_KEY.format(a=a, b=b, year=last)] = {"probability": float(r["probability"]), "lo": float(r["lo"]), "hi": float(r["hi"])}
    al = ens["alignments"]
    al = al[al["year"] == last]
    alignments = [
        {"power": str(r.abb), "alignment": str(r.alignment), "share": float(r.share), "lo": float(r.lo), "hi": float(r.hi)}
        for r in al.itertuples()
    ]
    m = ens["manifest"]
    return jsonable({
        "runs": m["runs_done"], "seed": m["seed"], "first_year": ens["first"], "last_year": last, "band": [lo, hi],
        "indicators": indicators, "pairs": pairs, "great_power_alignments": alignments, "drivers": ens["drivers"],
    })


def _write_summary(path: Path, scenario: str, seed: int, headline: dict | None, validation: dict | None = None) -> dict:
    """Complete summary.json (the reference run's measures) with the scenario, the seed, the ensemble's headline and the validation score."""
    from foedus import __version__
    from foedus.analysis.summary import jsonable
    from foedus.data.export import PROVENANCE_FILE

    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario"], data["seed"] = scenario, seed
    data["foedus_version"], data["provenance"] = __version__, PROVENANCE_FILE
    if headline is not None:
        data["ensemble"] = headline
    if validation is not None:
        data["validation"] = jsonable(validation)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return data


def print_findings(console, summary: dict) -> None:
    """Print what drives each headline (summary.json's ``ensemble.drivers``) and the validation score (``validation``)."""
    drivers = (summary.get("ensemble") or {}).get("drivers")
    if drivers:
        head, why = _("What drives each headline"), _("trend drivers varied over the runs; see ensemble_report.html")
        console.print(f"[bold]{head}[/bold] ({why}):")
        from foedus.report.drivers import headline_sentence

        for h in drivers["headlines"]:
            console.print(f"- {headline_sentence(h)}", highlight=False, markup=False)
    v = summary.get("validation")
    if v:
        from foedus.report.drivers import validation_sentence

        head = _("Validation.")
        console.print(f"[bold]{head}[/bold] {validation_sentence(v) or ''}", highlight=False)
