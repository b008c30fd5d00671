"""The ``foedus`` command-line program (typer + rich). Presentation only: no model logic here."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from foedus.cli import data as data_cli
from foedus.cli import history as history_cli
from foedus.cli import similarity as similarity_cli
from foedus.cli import theory as theory_cli
from foedus.cli import ensemble as ensemble_cli
from foedus.cli import simulate as simulate_cli
from foedus.cli import web as web_cli

app = typer.Typer(
    name="foedus",
    help="foedus: a laboratory for military alliances and coalitions in the international system.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(data_cli.app, name="data")
app.add_typer(history_cli.app, name="history")
similarity_cli.register(history_cli.app)
theory_cli.register(app)
simulate_cli.register(app)
ensemble_cli.register(app)
web_cli.register(app)


def _default_workers() -> int:
    """Worker processes of the main job's local Dask cluster: min(2, cores)."""
    import os

    return max(1, min(2, os.cpu_count() or 1))


DEFAULT_RUNS = 100
"""Runs in the main job's ensemble (about 30 s on two cores for world-2022 over 30 years)."""


@app.command("main")
def main_job(
    out: Path = typer.Option(Path("out"), "--out", help="Folder for everything the main job writes (see above)."),
    scenario: str = typer.Option("world-2022", "--scenario", help="Built-in scenario name (see `foedus scenario list`) or a scenario file."),
    years: int = typer.Option(30, "--years", min=1, help="Years to simulate, in the reference run and in every run of the ensemble."),
    seed: int = typer.Option(
        1, "--seed", min=0,
        help="Seed of the reference run, and of the ensemble (run i's seed derives from it and i). Same seed, same bytes out.",
    ),
    runs: int = typer.Option(DEFAULT_RUNS, "--runs", min=0, help="Runs in the ensemble. 0: the reference run only (as --no-ensemble)."),
    no_ensemble: bool = typer.Option(False, "--no-ensemble", help="Skip the ensemble: the reference run and its report only."),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, show_default=False,
        help="Worker processes of the local Dask cluster that runs the ensemble. Default: min(2, cores).",
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", show_default=False,
        help="Run the ensemble on a running Dask scheduler (e.g. tcp://10.0.0.5:8786) instead of a local cluster.",
    ),
) -> None:
    """The main job: simulate a scenario (default world-2022 for 30 years, seed 1), once and as an ensemble, and report.

    Writes, in OUT:

    - run/: the reference run, the simulated history in the canonical tables (Parquet);
    - report.html: its self-contained report with figures (alliance networks from the first to
      the last year, alliances begun, agreements in force by kind and obligation per year,
      survival, polarity, the great powers' arms spending and alignments);
    - ensemble/: an ensemble of --runs runs of the same scenario on Dask (their indicator
      tables; see `foedus ensemble summary`), and ensemble_report.html: median and 5-95 %
      bands per year, each great power's alignments, the chance of a Russia-China defence pact;
    - summary.json: the reference run's headline measures, with the ensemble's under "ensemble";

    and prints a summary. The reference run uses --seed itself and is not one of the
    ensemble's runs. An earlier ensemble in OUT/ensemble is replaced (also removed with
    --runs 0, so that OUT describes one job).

    Example: foedus main --scenario bipolar-1950 --years 40 --seed 7 --out out/bipolar --runs 20
    """
    from rich.console import Console

    from foedus.data.runs import write_history_dir
    from foedus.report.history import history_main_job
    from foedus.schema import SchemaError
    from foedus.sim import Scenario, run_scenario

    console = Console()
    n_runs = 0 if no_ensemble else runs
    try:
        sc = Scenario.load(scenario)
        _clear_ensemble(out)
        with console.status(f"simulating {sc.name} for {years} years (seed {seed})"):
            history = run_scenario(sc, years=years, seed=seed)
            write_history_dir(history, out / "run")
        with console.status("writing the report"):
            result = history_main_job(out, history=history, scenario=sc)
        Path(result["outputs"]["report"]).replace(out / "report.html")
        Path(result["outputs"]["summary"]).replace(out / "summary.json")
        _print_reference(console, history, result, sc.name, seed)
        ensemble = None
        if n_runs:
            ensemble = _main_ensemble(console, sc, out, runs=n_runs, years=years, seed=seed, workers=workers, scheduler=scheduler, history=history)
    except KeyboardInterrupt:
        typer.echo(f"interrupted: {out} is incomplete; run the job again", err=True)
        raise typer.Exit(130) from None
    except (SchemaError, ValueError, OSError, RuntimeError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    _write_summary(out / "summary.json", sc.name, seed, ensemble)
    if ensemble is not None:
        _print_ensemble(console, ensemble)
    console.print(f"report: {out / 'report.html'}\nsummary: {out / 'summary.json'}\nrun: {out / 'run'}")
    if ensemble is not None:
        console.print(f"ensemble report: {out / 'ensemble_report.html'}\nensemble: {out / 'ensemble'}")


def _clear_ensemble(out: Path) -> None:
    """Remove the ensemble of an earlier main job from ``out`` (only a foedus ensemble folder, and its report)."""
    import json
    import shutil

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


_HEADLINE = ("alliances", "defense_pacts", "blocs", "poles", "largest_bloc", "milex")
"""Indicators of the ensemble's headline (in the terminal and summary.json)."""

_PAIR = ("RUS", "CHN")
"""The pair whose defence pact the main job's ensemble reports (brief T1: a Russia-China alignment without a pact)."""


def _main_ensemble(console, sc, out: Path, *, runs: int, years: int, seed: int, workers, scheduler, history) -> dict:
    """Run the main job's ensemble, write its report, and return what the summaries show.

    Everything is computed by :mod:`foedus.sim.ensemble` and :mod:`foedus.analysis.ensemble`,
    and drawn by :mod:`foedus.report.ensemble`; this only chooses what to show.
    """
    import sys

    from foedus.analysis import ensemble as an
    from foedus.report import ensemble as rep
    from foedus.report.history import milex_unit
    from foedus.experiments.ensemble import run_ensemble

    n_workers = workers or _default_workers()
    where = scheduler or f"{n_workers} local worker{'s' if n_workers != 1 else ''}"
    console.print(f"ensemble: {runs} runs of {sc.name}, {years} years, seed {seed}, on {where}")
    store = run_ensemble(
        sc, runs=runs, out=out / "ensemble", years=years, seed=seed,
        workers=None if scheduler else n_workers, scheduler=scheduler, progress=sys.stderr.isatty(),
    )
    with console.status("writing the ensemble report"):
        bands = an.summary(store)
        align = an.great_power_alignments(store)
        first, last = int(bands["year"].min()), int(bands["year"].max())
        pairs = {}
        try:
            a, b = (an.resolve_state(store, x)[1] for x in _PAIR)
        except ValueError:
            a = b = None  # a scenario without Russia or China
        if a is not None:
            pairs[f"{a}–{b} defence pact by the year"] = an.pair_allied(store, a, b, obligation="defense", by=True)
        unit = milex_unit(history, sc)
        m = store.manifest
        desc = (
            f"{m['runs_done']} runs of the scenario {m['scenario']}, {m['years']} years from {m['first_year']} to {last}, "
            f"ensemble seed {m['seed']} (run i's seed derives from it and i; no knob varied, so the runs differ by their "
            f"random draws only). The reference run of report.html uses seed {m['seed']} itself and is not one of them. "
            f"Military expenditure is in {unit.money}: US$ bn in the figures and the great powers' table, thousands in "
            f"the table of bands."
            + (f" {a}–{b}: the share of runs in which {a} and {b} have shared a defence pact at some point from {first} up to the year." if pairs else "")
        )
        section = rep.html_section(
            bands, title=f"Ensemble: {m['scenario']}, {first}–{last}", description=desc, alignments=align,
            pairs=pairs or None, state_milex=an.state_bands(store, "milex"),
        )
        rep.write_html(out / "ensemble_report.html", [section], title=f"foedus ensemble: {m['scenario']}, {m['runs_done']} runs")
    return {"store": store, "bands": bands, "alignments": align, "pairs": pairs, "unit": unit, "first": first, "last": last}


def _band_columns(bands) -> tuple[str, str]:
    lo, hi = sorted(c for c in bands.columns if c.startswith("q") and c[1:].isdigit())
    return lo, hi


def _num(v: float) -> str:
    import math

    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{round(float(v), 1):g}"


def _ensemble_headline(ens: dict) -> dict:
    """The ensemble's headline in the last year: bands of a few indicators, the pair, the alignments."""
    from foedus.analysis.indicators import INDICATORS
    from foedus.analysis.summary import jsonable

    bands, last = ens["bands"], ens["last"]
    lo, hi = _band_columns(bands)
    rows = bands[(bands["year"] == last) & bands["indicator"].isin(_HEADLINE)].set_index("indicator")
    indicators = {}
    for name in _HEADLINE:
        if name in rows.index:
            r = rows.loc[name]
            k = 1e-6 if name == "milex" else 1.0  # thousand US$ -> US$ bn
            indicators[name] = {
                "description": INDICATORS[name][0] + (f" (billions of {ens['unit'].money})" if name == "milex" else ""),
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
    m = ens["store"].manifest
    return jsonable({
        "runs": m["runs_done"], "seed": m["seed"], "first_year": ens["first"], "last_year": last, "band": [lo, hi],
        "indicators": indicators, "pairs": pairs, "great_power_alignments": alignments,
    })


def _write_summary(path: Path, scenario: str, seed: int, ens: dict | None) -> None:
    """summary.json: the reference run's headline measures, and the ensemble's under "ensemble"."""
    import json
    import os

    data = json.loads(path.read_text(encoding="utf-8"))
    data["scenario"], data["seed"] = scenario, seed
    if ens is not None:
        data["ensemble"] = _ensemble_headline(ens)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _state_names(history) -> dict[int, tuple[str, str]]:
    st = history.states.drop_duplicates("ccode", keep="last")
    return {int(c): (str(a), str(n)) for c, a, n in zip(st["ccode"], st["abb"], st["name"])}


def _print_reference(console, history, result: dict, scenario: str, seed: int) -> None:
    import pandas as pd
    from rich.table import Table

    sy = history.state_years
    last = sy[sy["year"] == sy["year"].max()]
    names = _state_names(history)

    def tier(t: str, full: bool) -> str:
        codes = sorted(int(c) for c in last.loc[last["tier"] == t, "ccode"])
        if not codes:
            return "none"
        return ", ".join(f"{names[c][0]} ({names[c][1]})" if full else names[c][0] for c in codes)

    t = Table(title=f"reference run: {scenario}, {history.first_year}–{history.last_year}, seed {seed}", title_justify="left")
    t.add_column("measure")
    t.add_column("value", justify="right")
    rows = [
        ("states", len(last)),
        ("alliances ever in force", result["alliances"]),
        ("alliances formed during the run", result["alliances_begun"]),
        ("alliances in force at the end", result["alliances_censored"]),
        ("agreements of any kind", len(history.agreements)),
        ("events recorded", len(history.events)),
        (f"superpowers in {history.last_year}", tier("superpower", True)),
        (f"great powers in {history.last_year}", tier("great", False)),
    ]
    ag = history.agreements
    for name in ("NATO",):  # the scenario's flagship alliance, when it has one
        hit = ag[ag["name"].astype("string") == name]
        if len(hit):
            end = hit["end_year"].iloc[0]
            rows.append((f"{name} at the end", "in force" if end is None or end is pd.NA or pd.isna(end) else f"dissolved in {int(end)}"))
    for k, v in rows:
        t.add_row(k, str(v))
    console.print(t)


def _print_ensemble(console, ens: dict) -> None:
    from rich.table import Table

    h = _ensemble_headline(ens)
    lo, hi = h["band"]
    t = Table(
        title=f"ensemble: {h['runs']} runs, {h['first_year']}–{h['last_year']} — in {h['last_year']}, median [{int(lo[1:])}–{int(hi[1:])} % of runs]",
        title_justify="left",
    )
    t.add_column("measure")
    t.add_column("value", justify="right")
    for name, r in h["indicators"].items():
        t.add_row(r["description"], f"{_num(r['median'])} [{_num(r[lo])}–{_num(r[hi])}]")
    for label, p in h["pairs"].items():
        t.add_row(f"{label}: share of runs [90 % interval]", f"{p['probability']:.2f} [{p['lo']:.2f}–{p['hi']:.2f}]")
    console.print(t)
    ta = Table(
        title=f"great-power alignments in {h['last_year']}: share of runs in each defence bloc (named after its leader)",
        title_justify="left",
    )
    ta.add_column("power")
    ta.add_column("alignment (share of runs)")
    by_power: dict[str, list[str]] = {}
    for r in h["great_power_alignments"]:
        what = "no bloc" if r["alignment"] == "unaligned" else f"{r['alignment']} bloc"
        by_power.setdefault(r["power"], []).append(f"{what} {r['share']:.0%}")
    for power, parts in by_power.items():
        ta.add_row(power, ", ".join(parts))
    console.print(ta)


def main() -> None:
    """Entry point of the ``foedus`` program."""
    app()
