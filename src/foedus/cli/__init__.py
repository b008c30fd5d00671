"""The ``foedus`` command-line program (typer + rich). Presentation only: no model logic here.

Start-up is part of every command's time (issue 16; ``benchmarks/startup.py``): the command
modules import heavy libraries (pandas, SciPy, numba, DuckDB, Dask, rich tables) inside the
commands that use them, never at module level (``tests/cli/test_startup.py`` checks), and they
do not use ``from __future__ import annotations``: typer reads every command's signature at each
start, and a string annotation costs it a compile (about 25 ms over the whole program).
"""

from pathlib import Path
from typing import Optional

import typer

from foedus.cli._common import command_line, fail, parse_pair
from foedus.cli._help import Typer
from foedus.i18n import _, ngettext
from foedus.cli import data as data_cli
from foedus.cli import history as history_cli
from foedus.cli import panel as panel_cli
from foedus.cli import similarity as similarity_cli
from foedus.cli import theory as theory_cli
from foedus.cli import ensemble as ensemble_cli
from foedus.cli import simulate as simulate_cli
from foedus.cli import validate as validate_cli
from foedus.cli import web as web_cli
from foedus.cli import cite as cite_cli

app = Typer(
    name="foedus",
    help="foedus: a laboratory for military alliances and coalitions in the international system.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(data_cli.app, name="data")
app.add_typer(history_cli.app, name="history")
panel_cli.register(app)
similarity_cli.register(history_cli.app)
theory_cli.register(app)
simulate_cli.register(app)
validate_cli.register(app)
ensemble_cli.register(app)
web_cli.register(app)
cite_cli.register(app)


def _version(value: bool) -> None:
    """``foedus --version``: the package version, the data folder in use and the store (then exit)."""
    if not value:
        return
    from foedus import __version__
    from foedus.data.paths import ENV_DATA_DIR, default_data_dir, default_db_path

    typer.echo(f"foedus {__version__}")
    db = default_db_path()
    state = _("present: the record is read from it") if db.is_file() else _("none: the record is read from the data folder")
    typer.echo(_("store: {db} ({state})").format(db=db, state=state))
    try:
        where = default_data_dir()
    except FileNotFoundError as e:
        typer.echo(_("data: error: {error}").format(error=e), err=True)
        raise typer.Exit(2) from None
    import os

    how = _("from {var}").format(var=ENV_DATA_DIR) if os.environ.get(ENV_DATA_DIR) else _("found beside the working directory or the checkout")
    typer.echo(_("data: {folder} ({how})").format(folder=where.resolve(), how=how))
    raise typer.Exit()


def _lang(value: Optional[str]) -> Optional[str]:
    """``foedus --lang fr``: the language of messages and reports for this command (unset: $FOEDUS_LANG, else English)."""
    from foedus.i18n import LANGUAGES, set_language

    try:
        set_language(value)  # None too: a program run in-process (a test's CliRunner) starts from the default again
    except ValueError:
        raise typer.BadParameter(_("{value!r} is not a language foedus speaks; choose from: {choices}").format(
            value=value, choices=", ".join(LANGUAGES))) from None
    return value


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True,
        help="Print foedus's version, the data folder in use (FOEDUS_DATA_DIR or ../shared/data) and the store, and exit.",
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", callback=_lang, is_eager=True, metavar="en|fr", show_default=False,
        help="Language of the messages, summaries and reports: en (English) or fr (French). Default: $FOEDUS_LANG, else en.",
    ),
) -> None:
    """foedus: a laboratory for military alliances and coalitions in the international system."""


def _default_workers() -> int:
    """Worker processes of the main job's local Dask cluster: min(2, cores)."""
    import os

    return max(1, min(2, os.cpu_count() or 1))


DEFAULT_RUNS = 100
"""Runs in the main job's ensemble (about 30 s on two cores for world-2022 over 30 years)."""


DEFAULT_PAIRS = ("RUS:CHN",)
"""The main job's default headline pair (brief T1: a Russia-China alignment without a defence pact)."""


@app.command("main")
def main_job(
    ctx: typer.Context,
    out: Path = typer.Option(Path("out"), "--out", help="Folder for everything the main job writes (see above)."),
    scenario: str = typer.Option("world-2022", "--scenario", help="Built-in scenario name (see `foedus scenario list`) or a scenario file."),
    years: int = typer.Option(30, "--years", min=1, help="Years to simulate, in the reference run and in every run of the ensemble."),
    seed: int = typer.Option(
        1, "--seed", min=0,
        help="Seed of the reference run, and of the ensemble (run i's seed derives from it and i). Same seed, same bytes out.",
    ),
    runs: int = typer.Option(DEFAULT_RUNS, "--runs", min=0, help="Runs in the ensemble. 0: the reference run only (as --no-ensemble)."),
    no_ensemble: bool = typer.Option(False, "--no-ensemble", help="Skip the ensemble: the reference run and its report only."),
    pair: list[str] = typer.Option(
        list(DEFAULT_PAIRS), "--pair",
        help="A pair of states A:B (abbreviations or COW codes) whose chance of a defence pact the ensemble reports, "
        "by each year. Repeatable. Default RUS:CHN (great-power competition: a Russia-China alignment without a pact); a pair with a "
        "state the scenario lacks is left out.",
    ),
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, show_default=False,
        help="Worker processes of the local Dask cluster that runs the ensemble. Default: min(2, cores).",
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", show_default=False,
        help="Run the ensemble on a running Dask scheduler (e.g. tcp://10.0.0.5:8786) instead of a local cluster.",
    ),
    fixed_drivers: bool = typer.Option(
        False, "--fixed-drivers",
        help="Keep the scenario's trend drivers in every run. By default each of the five (great-power competition, "
        "economic interdependence, cyber, military integration, norms) varies over the scenario's value ± 0.3, and the "
        "report says which drive each headline outcome.",
    ),
    validation_seeds: int = typer.Option(
        1, "--validation-seeds", min=0,
        help="Runs per held-out era of the out-of-sample validation run beside the ensemble (seeds 1..N; 0: none; "
        "none with --no-ensemble).",
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
      bands per year, each great power's alignments, the chance of a defence pact for each
      --pair (default Russia-China), what drives each headline outcome and the validation score;
    - summary.json: the reference run's headline measures, with the ensemble's under "ensemble"
      (and what drives each headline outcome, under "drivers") and the model's out-of-sample
      validation score under "validation";

    and prints a summary. The ensemble's runs vary the five trend drivers (--fixed-drivers
    keeps them), so each headline outcome (a Russia-China defence pact, NATO's end, defence
    pacts, blocs, poles, wars, spending) is said in one sentence with what drives it. Beside the
    ensemble, on its workers, the model is validated out of sample (--validation-seeds runs per
    held-out era, a reduced form of `foedus validate`; not with --no-ensemble). The reference
    run uses --seed itself and is not one of the ensemble's runs. An earlier ensemble in OUT/ensemble is replaced (also removed with
    --runs 0, so that OUT describes one job). The job itself is
    foedus.cli.job.main_job.

    Example: foedus main --scenario bipolar-1950 --years 40 --seed 7 --out out/bipolar --runs 20
    """
    import sys

    from rich.console import Console

    from foedus.cli.job import main_job as run_job
    from foedus.schema import SchemaError
    from foedus.sim import Scenario

    console = Console()
    n_runs = 0 if no_ensemble else runs
    if n_runs:
        _require_ensemble_extra()
    n_workers = workers or _default_workers()

    def on_reference(history, measures: dict) -> None:
        _print_reference(console, history, measures, sc.name, seed)
        if n_runs:
            where = scheduler or ngettext("{n} local worker", "{n} local workers", n_workers).format(n=n_workers)
            console.print(_("ensemble: {runs} runs of {scenario}, {years} years, seed {seed}, on {where}").format(
                runs=n_runs, scenario=sc.name, years=years, seed=seed, where=where))

    try:
        pairs = [parse_pair(p) for p in pair]
        sc = Scenario.load(scenario)
        job = run_job(
            sc, out, years=years, seed=seed, runs=n_runs, pairs=pairs, workers=None if scheduler else n_workers,
            scheduler=scheduler, progress=sys.stderr.isatty(), stage=console.status, on_reference=on_reference,
            command=command_line(ctx), vary_drivers=not fixed_drivers,
            validation_seeds=range(1, validation_seeds + 1),
        )
        _record_scenario_file(scenario, [out, out / "run", *([out / "ensemble"] if n_runs else [])])
    except KeyboardInterrupt:
        typer.echo(_("interrupted: {out} is incomplete; run the job again").format(out=out), err=True)
        raise typer.Exit(130) from None
    except (SchemaError, ValueError, OSError, RuntimeError) as e:
        fail(e)
    _print_job(console, job.summary, out)


def _require_ensemble_extra() -> None:
    """Exit 2 with the install hint when the ``ensemble`` extra (Dask) is missing."""
    from foedus import MissingExtra, require_extra

    try:
        require_extra("ensemble", "foedus main (its ensemble; --no-ensemble runs without it)")
    except MissingExtra as e:
        fail(e)


def _print_job(console, summary: dict, out: Path) -> None:
    """What the main job prints once done: the ensemble's headline, the findings and where the outputs are."""
    from foedus.cli.job import print_findings

    headline = summary.get("ensemble")
    if headline is not None:
        _print_ensemble(console, headline)
    print_findings(console, summary)
    console.print(_("report: {report}\nsummary: {summary}\nrun: {run}").format(
        report=out / "report.html", summary=out / "summary.json", run=out / "run"))
    if headline is not None:
        console.print(_("ensemble report: {report}\nensemble: {ensemble}").format(
            report=out / "ensemble_report.html", ensemble=out / "ensemble"))


def _record_scenario_file(scenario: str, folders: list[Path]) -> None:
    """A user's scenario file, byte for byte with its SHA-256, in each output folder's provenance."""
    from foedus.data.export import record_scenario_original
    from foedus.sim.scenario import builtin_names

    if scenario not in builtin_names():
        for folder in folders:
            record_scenario_original(folder, scenario)


def _state_names(history) -> dict[int, tuple[str, str]]:
    """COW code -> (abbreviation, name) of every state in ``history`` (its latest names)."""
    st = history.states.drop_duplicates("ccode", keep="last")
    return {int(c): (str(a), str(n)) for c, a, n in zip(st["ccode"], st["abb"], st["name"])}


def _print_reference(console, history, result: dict, scenario: str, seed: int) -> None:
    """Print the reference run's headline: its size, its alliances, its superpowers and great powers."""
    import pandas as pd
    from rich.table import Table

    sy = history.state_years
    last = sy[sy["year"] == sy["year"].max()]
    names = _state_names(history)

    def tier(t: str, full: bool) -> str:
        codes = sorted(int(c) for c in last.loc[last["tier"] == t, "ccode"])
        if not codes:
            return _("none")
        return ", ".join(f"{names[c][0]} ({names[c][1]})" if full else names[c][0] for c in codes)

    title = _("reference run: {scenario}, {first}–{last}, seed {seed}").format(
        scenario=scenario, first=history.first_year, last=history.last_year, seed=seed)
    t = Table(title=title, title_justify="left")
    t.add_column(_("measure"))
    t.add_column(_("value"), justify="right")
    rows = [
        (_("states"), len(last)),
        (_("alliances ever in force"), result["alliances"]),
        (_("alliances formed during the run"), result["alliances_begun"]),
        (_("alliances in force at the end"), result["alliances_censored"]),
        (_("agreements of any kind"), len(history.agreements)),
        (_("events recorded"), len(history.events)),
        (_("superpowers in {year}").format(year=history.last_year), tier("superpower", True)),
        (_("great powers in {year}").format(year=history.last_year), tier("great", False)),
    ]
    ag = history.agreements
    for name in ("NATO",):  # the scenario's flagship alliance, when it has one
        hit = ag[ag["name"].astype("string") == name]
        if len(hit):
            end = hit["end_year"].iloc[0]
            gone = end is None or end is pd.NA or pd.isna(end)
            rows.append((_("{name} at the end").format(name=name),
                         _("in force") if gone else _("dissolved in {year}").format(year=int(end))))
    for k, v in rows:
        t.add_row(k, str(v))
    console.print(t)


def _print_ensemble(console, h: dict) -> None:
    """Print the ensemble's headline (summary.json's "ensemble") as two tables."""
    from rich.table import Table

    from foedus.report.format import number, percent

    lo, hi = h["band"]
    title = _("ensemble: {runs} runs, {first}–{last} — in {last}, median [{lo}–{hi} % of runs]").format(
        runs=h["runs"], first=h["first_year"], last=h["last_year"], lo=int(lo[1:]), hi=int(hi[1:]))
    t = Table(title=title, title_justify="left")
    t.add_column(_("measure"))
    t.add_column(_("value"), justify="right")
    for name, r in h["indicators"].items():
        t.add_row(r["description"], f"{number(r['median'], style='short')} [{number(r[lo], style='short')}–{number(r[hi], style='short')}]")
    for label, p in h["pairs"].items():
        t.add_row(_("{pair}: share of runs [90 % interval]").format(pair=label),
                  f"{number(p['probability'])} [{number(p['lo'])}–{number(p['hi'])}]")
    console.print(t)
    ta = Table(
        title=_("great-power alignments in {year}: share of runs in each defence bloc (named after its leader)").format(year=h["last_year"]),
        title_justify="left",
    )
    ta.add_column(_("power"))
    ta.add_column(_("alignment (share of runs)"))
    by_power: dict[str, list[str]] = {}
    for r in h["great_power_alignments"]:
        what = _("no bloc") if r["alignment"] == "unaligned" else _("{leader} bloc").format(leader=r["alignment"])
        by_power.setdefault(r["power"], []).append(f"{what} {percent(r['share'])}")
    for power, parts in by_power.items():
        ta.add_row(power, ", ".join(parts))
    console.print(ta)


def main() -> None:
    """Entry point of the ``foedus`` program.

    A command that needs an optional extra which is not installed (``foedus serve`` without
    ``foedus[web]``, an ensemble without ``foedus[ensemble]``) ends with one line naming the
    extra to install, and exit code 2 (:class:`foedus.MissingExtra`), not a traceback.
    """
    try:
        app()
    except ImportError as e:
        from foedus import missing_extra

        missing = missing_extra(e, _command_name())
        if missing is None:
            raise
        typer.echo(_("error: {error}").format(error=missing), err=True)
        raise SystemExit(2) from None


def _command_name() -> str:
    """``foedus`` and the (sub)command words of this process's arguments (for a message)."""
    import sys

    words = ["foedus"]
    for a in sys.argv[1:3]:
        if a.startswith("-"):
            break
        words.append(a)
    return " ".join(words)
