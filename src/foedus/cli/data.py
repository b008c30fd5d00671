"""`foedus data ...` commands: import the historical record into the local store, and inspect it."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from foedus.cli._help import Typer
from foedus.cli._common import fail
from foedus.i18n import _
from foedus.data.paths import ENV_DB, default_db_path

if TYPE_CHECKING:
    from rich.table import Table

    from foedus.data.store import StoreInfo

app = Typer(
    help=(
        "The historical record: import ATOP and Correlates of War files into a local database "
        f"(by default ~/.local/share/foedus/foedus.duckdb; override with --db or ${ENV_DB}) and see what it holds."
    ),
    no_args_is_help=True,
)

DbOption = Annotated[
    Optional[Path],
    typer.Option(
        "--db",
        help=f"Database file of the store. Default: ${ENV_DB} if set, else $XDG_DATA_HOME/foedus/foedus.duckdb "
        "(~/.local/share/foedus/foedus.duckdb).",
        show_default=False,
    ),
]


def _short(path: str, data_dir: str) -> str:
    """``path`` relative to the imported folder when it lies inside it."""
    try:
        return str(Path(path).relative_to(Path(data_dir).resolve()))
    except ValueError:
        return path


def _summary(info: "StoreInfo", title: str) -> "Table":
    from rich.table import Table

    from foedus.report.format import number

    table = Table(title=title, title_justify="left")
    table.add_column(_("table"))
    table.add_column(_("rows"), justify="right")
    table.add_column(_("read from"), overflow="fold")
    sources = {"agreements": "atop_alliances", "memberships": "atop_members", "state_years": "nmc"}
    for name, rows in info.tables.items():
        src = _short(info.files.get(sources.get(name, name), ""), info.data_dir)
        if name in ("agreements", "memberships") and "cow_alliances" in info.files:
            src += f" + {info.files['cow_alliances']}"
        if name == "events":
            src = _("disputes and wars")
        table.add_row(name, number(rows, group_from=1000), src)
    return table


@app.command("import")
def import_cmd(
    data_dir: Annotated[
        Path,
        typer.Argument(
            help="Folder of raw records: laid out like ../shared/data (atop/, peacesciencer/) or holding the "
            "publishers' own files (atop5_1a.csv, atop5_1m.csv, states2016.csv, NMC-60-abridged.csv, ...).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    cow_alliances: Annotated[
        Optional[Path],
        typer.Option(
            "--cow-alliances",
            help="Your own download of COW Formal Alliances v4.1 (alliance_v4.1_by_member.csv). foedus never ships "
            "it: its maintainer asks software not to redistribute it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check every file in DATA_DIR and load it into the local store (replacing the previous import).

    Nothing is replaced unless every file passes: on bad input the previous store stays as it was and the error names the file, line, column and reason. Importing the same files twice gives the same store.
    """
    import duckdb
    from rich.console import Console

    from foedus.data.store import import_dir

    try:
        info = import_dir(data_dir, db, cow_alliances=cow_alliances)
    except (ValueError, OSError, duckdb.Error) as e:
        fail(e)
    console = Console()
    console.print(_summary(info, _("Imported {folder} into {store}").format(folder=info.data_dir, store=info.path)))
    console.print(_("Observation window {first}-{last}; imported {when}.").format(
        first=info.first_year, last=info.last_year, when=info.imported_at))


@app.command("info")
def info_cmd(db: DbOption = None) -> None:
    """Show where the store is, when it was imported, from which files, and how many rows each table holds."""
    import duckdb
    from rich.console import Console

    from foedus.data.store import store_info

    path = db if db is not None else default_db_path()
    try:
        info = store_info(path)
    except (ValueError, OSError, duckdb.Error) as e:
        fail(e)
    console = Console()
    # soft_wrap: a long path stays whole (rich would break it at the console's width), so it can be copied
    from foedus.report.format import localize

    size = localize(f"{info.size_bytes / 1e6:.1f}")
    console.print(_("Store: {path} ({size} MB, format {format})").format(path=info.path, size=size, format=info.format), soft_wrap=True)
    console.print(_("Imported: {when} by foedus {version}, from {folder}").format(
        when=info.imported_at, version=info.foedus_version, folder=info.data_dir), soft_wrap=True)
    console.print(_("Observation window: {first}-{last}").format(first=info.first_year, last=info.last_year))
    console.print(_summary(info, _("Tables")))
