"""`foedus simulate` and `foedus scenario ...`: run the simulator (presentation only)."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from foedus.cli._help import Typer
from foedus.cli._common import fail
from foedus.i18n import _, lazy_gettext

scenario_app = Typer(
    help="Scenarios of the simulator: list the built-in ones, show one, check a file, build one from the historical record.",
    no_args_is_help=True,
)


def simulate(
    scenario: Annotated[
        Optional[str],
        typer.Option(
            "--scenario",
            "-s",
            help="A built-in scenario (see `foedus scenario list`: world-2022, europe-1871, multipolar-1815, bipolar-1950) "
            "or a scenario file (.yaml or .toml). Not needed with --resume.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Folder to write the history to (Parquet tables, events.jsonl, run.json); created if needed."),
    ] = Path("run"),
    years: Annotated[
        Optional[int],
        typer.Option("--years", "-n", min=1, help="Years to simulate. Default: the scenario's horizon.", show_default=False),
    ] = None,
    seed: Annotated[
        Optional[int],
        typer.Option("--seed", min=0, help="Seed of the random generator: the same seed gives the same bytes. Default: the scenario's.", show_default=False),
    ] = None,
    checkpoint_every: Annotated[
        int,
        typer.Option("--checkpoint-every", min=0, help="Save the run and write the history so far every this many years (0: only at the end)."),
    ] = 10,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Continue the unfinished run saved in --out (after an interruption)."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Simulate the international system year by year and write its history.

    The history comes out in the same tables as the imported record (states, state_years,
    agreements, memberships, events), so `foedus history summary --json --run DIR` and every
    other measure work on it. Each formation, accession, exit and dissolution is an event whose
    detail explains it (the motives behind it and the factors).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.table import Table

    from foedus.data.export import record_scenario_original
    from foedus.sim.output import simulate_to_dir
    from foedus.sim.scenario import Scenario, builtin_names

    console = Console(stderr=True)
    try:
        sc = Scenario.load(scenario) if scenario is not None else None
        if sc is None and not resume:
            fail(_("give --scenario NAME_OR_FILE (or --resume to continue a run)"))
        progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(_("years")),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=quiet,
        )
        task: dict[str, int] = {}

        def on_start(sim, target: int) -> None:
            if scenario is not None and str(scenario) not in builtin_names():  # the user's own file, byte for byte
                record_scenario_original(out, scenario)
            task["id"] = progress.add_task(_("{scenario} (seed {seed})").format(scenario=sim.scenario.name, seed=sim.seed), total=target, completed=sim.years_done)

        def on_year(sim) -> None:
            progress.update(task["id"], completed=sim.years_done, description=f"{sim.scenario.name} {sim.world.state.year - 1}")

        with progress:
            history = simulate_to_dir(sc, out, years=years, seed=seed, checkpoint_every=checkpoint_every, resume=resume, on_year=on_year, on_start=on_start)
    except (ValueError, OSError) as e:
        fail(e)
        return
    if not quiet:
        ag = history.agreements
        ev = history.events
        table = Table(title=f"{history.source}: {history.first_year}-{history.last_year}", title_justify="left")
        table.add_column("")
        table.add_column(_("count"), justify="right")
        for kind, words in _AGREEMENTS_AT_END.items():
            sub = ag[ag["kind"] == kind]
            table.add_row(str(words), f"{len(sub)} ({int(sub['end_year'].isna().sum())})")
        for kind, words in _EVENTS.items():
            table.add_row(str(words), str(int((ev["kind"] == kind).sum())))
        Console().print(table)
        Console().print(_("history written to {out}").format(out=out))


@scenario_app.command("list")
def scenario_list() -> None:
    """List the built-in scenarios with their start year, horizon and number of states."""
    from rich.console import Console
    from rich.table import Table

    from foedus.report.labels import scenario_text
    from foedus.schema import SchemaError
    from foedus.sim.scenario import Scenario, builtin_names

    table = Table(title=_("Built-in scenarios"), title_justify="left")
    for col in (_("name"), _("start"), _("years"), _("states"), _("agreements"), _("description")):
        table.add_column(col, overflow="fold")
    try:
        for name in builtin_names():
            sc = Scenario.builtin(name)
            table.add_row(name, str(sc.start_year), str(sc.years), str(len(sc.actors)), str(len(sc.agreements)), scenario_text(sc.description))
    except SchemaError as e:
        fail(e)
    Console().print(table)


@scenario_app.command("show")
def scenario_show(
    name: Annotated[str, typer.Argument(help="A built-in scenario name or a scenario file.", show_default=False)],
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print the whole scenario as YAML.")] = False,
) -> None:
    """Show a scenario: its actors, agreements in force, trend drivers and scheduled shocks."""
    from rich.console import Console
    from rich.table import Table

    from foedus.report.labels import scenario_text
    from foedus.sim.scenario import Scenario

    try:
        sc = Scenario.load(name)
    except (ValueError, OSError) as e:
        fail(e)
        return
    if as_yaml:
        typer.echo(sc.to_yaml())
        return
    console = Console()
    window = _("{first}-{last}, seed {seed}").format(first=sc.start_year, last=sc.start_year + sc.years - 1, seed=sc.seed)
    console.print(f"[bold]{sc.name}[/bold]: {window}")
    console.print(scenario_text(sc.description))
    actors = Table(title=_("{n} states (strongest first)").format(n=len(sc.actors)), title_justify="left")
    for col in ("ccode", "abb", _("name"), "cinc", "milex (m$)", _("regime"), _("major power")):
        actors.add_column(col)
    for a in sorted(sc.actors, key=lambda a: -a.cinc)[:25]:
        actors.add_row(str(a.ccode), a.abb, a.name, f"{a.cinc:.4f}", f"{a.milex:,.0f}", f"{a.regime:.2f}", _("yes") if a.major else "")
    console.print(actors)
    ags = Table(title=_("{n} agreements in force").format(n=len(sc.agreements)), title_justify="left")
    for col in (_("name"), _("kind"), _("members"), _("since"), _("obligations")):
        ags.add_column(col, overflow="fold")
    for g in sc.agreements[:25]:
        ags.add_row(g.name, g.kind, str(len(g.members)), str(g.start_year), ", ".join(g.obligations))
    console.print(ags)
    console.print(_("trends: {values}").format(values=", ".join(f"{k}={v}" for k, v in sc.trends.model_dump().items())))
    for s in sc.shocks:
        console.print(_("shock {year}: {kind} {description}").format(year=s.year, kind=s.kind, description=scenario_text(s.description)))


@scenario_app.command("check")
def scenario_check(path: Annotated[Path, typer.Argument(help="A scenario file (.yaml or .toml).", show_default=False)]) -> None:
    """Validate a scenario file; errors name the file, the line, the field and the reason."""
    from foedus.sim.scenario import Scenario

    try:
        sc = Scenario.from_file(path)
    except (ValueError, OSError) as e:
        fail(e)
        return
    typer.echo(_("{path}: valid scenario '{name}' ({states} states, {agreements} agreements, {shocks} shocks)").format(
        path=path, name=sc.name, states=len(sc.actors), agreements=len(sc.agreements), shocks=len(sc.shocks)))


@scenario_app.command("build")
def scenario_build(
    name: Annotated[str, typer.Argument(help="Name of the new scenario (or of a built-in one with --builtin).", show_default=False)],
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            help="Start from the historical record of this year (1816 to the last year of the records, 2025; after a record's last year its latest figure is carried forward for up to 5 years, and the file says so).",
            show_default=False,
        ),
    ] = None,
    top_n: Annotated[Optional[int], typer.Option("--top-n", min=2, help="Keep the N strongest states by CINC (default: all system members).", show_default=False)] = None,
    ccodes: Annotated[Optional[str], typer.Option("--states", help="Comma-separated COW codes to keep instead of --top-n.", show_default=False)] = None,
    years: Annotated[int, typer.Option("--years", min=1, help="Horizon of the scenario.")] = 30,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the scenario.")] = 0,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="YAML file to write (default: NAME.yaml).", show_default=False)] = None,
    builtin: Annotated[bool, typer.Option("--builtin", help="Rebuild the built-in scenario NAME from its recipe (maintainers).")] = False,
    fixed_states: Annotated[
        bool, typer.Option("--fixed-states", help="Keep the starting states for the whole horizon (no entries or exits from the COW state list).")
    ] = False,
) -> None:
    """Build a scenario from the historical record (capabilities, regimes, distances, trade, alliances).

    Every figure in the file names its source (record and year). Without --states or --top-n the
    scenario holds every system member and the state list's changes over the horizon (states
    entering with their figures of their first year, states leaving); with them, only the chosen
    states' exits. Needs the records (FOEDUS_DATA_DIR or ../shared/data).
    """
    from foedus.sim.build import build_builtin, scenario_from_record

    try:
        if builtin:
            path = build_builtin(name, out)
        else:
            if year is None:
                fail(_("give --year (or --builtin to rebuild a built-in scenario)"))
            codes = [int(c) for c in ccodes.split(",")] if ccodes else None
            stem = Path(name).stem if Path(name).suffix.lower() in (".yaml", ".yml") else name  # NAME.yaml names the file too
            sc = scenario_from_record(
                year, top_n=top_n, ccodes=codes, years=years, seed=seed, name=stem, system_changes=False if fixed_states else None  # type: ignore[arg-type]
            )
            path = out or (Path(name) if stem != name else Path(f"{name}.yaml"))
            path.write_text(sc.to_yaml(), encoding="utf-8")
    except (ValueError, OSError, KeyError) as e:
        fail(e)
        return
    typer.echo(_("wrote {path}").format(path=path))


_AGREEMENTS_AT_END = {
    "alliance": lazy_gettext("alliances (in force at the end)"),
    "coalition": lazy_gettext("coalitions (in force at the end)"),
    "organisation": lazy_gettext("organisations (in force at the end)"),
}
_EVENTS = {
    "formation": lazy_gettext("formation events"), "accession": lazy_gettext("accession events"),
    "exit": lazy_gettext("exit events"), "dissolution": lazy_gettext("dissolution events"), "war": lazy_gettext("war events"),
    "commitment": lazy_gettext("commitment events"), "cyber": lazy_gettext("cyber events"),
}
"""How the summary of ``foedus simulate`` names each kind of agreement and event."""


def register(app: typer.Typer) -> None:
    """Add ``simulate`` and the ``scenario`` group to ``app`` (``validate`` lives in :mod:`foedus.cli.validate`)."""
    app.command("simulate")(simulate)
    app.add_typer(scenario_app, name="scenario")
