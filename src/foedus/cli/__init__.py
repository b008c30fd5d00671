"""The ``foedus`` command-line program (typer + rich). Presentation only: no model logic here."""

from __future__ import annotations

import typer

from foedus.cli import data as data_cli
from foedus.cli import history as history_cli
from foedus.cli import similarity as similarity_cli
from foedus.cli import theory as theory_cli
from foedus.cli import simulate as simulate_cli

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


def main() -> None:
    """Entry point of the ``foedus`` program."""
    app()
