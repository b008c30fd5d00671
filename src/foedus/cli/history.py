"""`foedus history ...` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="history commands.", no_args_is_help=True)
