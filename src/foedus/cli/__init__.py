"""The ``foedus`` command-line program (typer + rich). Presentation only: no model logic here."""

from __future__ import annotations

from pathlib import Path

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


@app.command("main")
def main_job(
    out: Path = typer.Option(Path("out"), "--out", help="Folder for the run, the report and the summary."),
    scenario: str = typer.Option("world-2022", "--scenario", help="Built-in scenario name or a scenario file."),
    years: int = typer.Option(30, "--years", min=1, help="Years to simulate."),
    seed: int = typer.Option(2022, "--seed", help="Random seed (same seed, same bytes out)."),
) -> None:
    """The main job: simulate a scenario (default world-2022 for 30 years), then report on it.

    Writes OUT/run/ (the simulated history in the canonical tables, Parquet), OUT/report.html
    (a self-contained report with figures: alliance networks, formation, survival, polarity)
    and OUT/summary.json, and prints a summary of the simulated world.
    """
    from rich.console import Console
    from rich.table import Table

    from foedus.data.runs import write_history_dir
    from foedus.report.history import history_main_job
    from foedus.schema import SchemaError
    from foedus.sim import run_scenario

    console = Console()
    try:
        with console.status(f"simulating {scenario} for {years} years (seed {seed})"):
            history = run_scenario(scenario, years=years, seed=seed)
            write_history_dir(history, out / "run")
        with console.status("writing the report"):
            result = history_main_job(out, history=history)
    except (SchemaError, ValueError, FileNotFoundError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    report = Path(result["outputs"]["report"])
    report.replace(out / "report.html")
    Path(result["outputs"]["summary"]).replace(out / "summary.json")
    sy = history.state_years
    last = sy[sy["year"] == sy["year"].max()]
    t = Table(title=f"{scenario}: {history.first_year}-{history.last_year}, seed {seed}")
    t.add_column("measure")
    t.add_column("value", justify="right")
    rows = [
        ("states", len(last)),
        ("alliances ever in force", result["alliances"]),
        ("alliances formed during the run", result["alliances_begun"]),
        ("alliances in force at the end", result["alliances_censored"]),
        ("agreements of any kind", len(history.agreements)),
        ("events recorded", len(history.events)),
        ("superpowers at the end", ", ".join(sorted(map(str, last.loc[last["tier"] == "superpower", "ccode"])))),
    ]
    for k, v in rows:
        t.add_row(k, str(v))
    console.print(t)
    console.print(f"report: {out / 'report.html'}\nsummary: {out / 'summary.json'}\nrun: {out / 'run'}")


def main() -> None:
    """Entry point of the ``foedus`` program."""
    app()
