"""`foedus panel ...`: research panels (dyad-years, state-years of the COW system) to Parquet, CSV or Stata.

Presentation only: the panels live in :mod:`foedus.analysis.panel` and
:mod:`foedus.analysis.panel_verbs`, the writer in :mod:`foedus.data.export`.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from foedus.cli._help import Typer
from foedus.cli._common import command_line, fail
from foedus.i18n import _

VERB_HELP = {
    "atop": "ATOP 5.1 ties by obligation, phase-correct, from the member file (atop_defense ... atop_consul, 0/1)",
    "atop_publisher": "the same, taken from ATOP's own dyad-year file",
    "cinc": "COW NMC 7.0 CINC of each side (cinc1, cinc2)",
    "nmc": "every NMC 7.0 component and CINC (milex, milper, irst, pec, tpop, upop, cinc)",
    "majors": "COW major powers (cowmaj1, cowmaj2)",
    "contiguity": "COW direct contiguity 3.2 (conttype 0 none, 1 land, 2-5 water)",
    "capdist": "distance between the capitals, km (capdist)",
    "mindist": "CShapes 2.0 minimum distance between borders, km (mindist, 1886-2019)",
    "rivalries": "strategic rivalries, Thompson & Dreyer and TSS (td_rival, tss_rival)",
    "wars": "COW inter-state wars (cowinteronset, cowinterongoing)",
    "fpsim": "alliance portfolio similarity: tau_b, S scores (slow: about a second a year)",
    "democracy": "Polity5 polity2 and V-Dem v2x_polyarchy of each side",
    "trade": "COW dyadic trade 4.0, million current US$ (trade); state-years: imports, exports",
    "igos": "COW IGO 3.0 memberships (sum_igo_*)",
    "unga": "UN General Assembly ideal points and their distance (idealpointfp1/2, idealpoint_dist)",
}
"""What each verb adds (the keys of :data:`foedus.analysis.panel_verbs.VERBS`)."""

_VERBS_TEXT = "; ".join(f"{k}: {v}" for k, v in VERB_HELP.items())

app = Typer(
    help="Research panels: every dyad-year or state-year of the COW state system, with ATOP alliances, capabilities, "
    "major powers, contiguity, distances, rivalries, wars, similarity, regime, trade, IGOs and UN ideal points merged "
    "on (as peacesciencer's create_dyadyears() and add_* verbs). Writes Parquet, CSV or Stata .dta with provenance.",
    no_args_is_help=True,
)

Start = Annotated[int, typer.Argument(help="First year (1816 or later).", show_default=False)]
End = Annotated[int, typer.Argument(help="Last year (COW's list ends in 2016; later years carry its last members forward).", show_default=False)]
AddOpt = Annotated[Optional[str], typer.Option("--add", "-a", help=f"Comma-separated verbs to apply in order. {_VERBS_TEXT}.", show_default=False)]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="File to write: .parquet, .csv or .dta (or name the format with --format).", show_default=False)]
FormatOpt = Annotated[Optional[str], typer.Option("--format", help="parquet, csv or dta (default: from the extension of --out).", show_default=False)]
DataOpt = Annotated[Optional[Path], typer.Option("--data", help="Folder of raw records to read instead of the default store or ../shared/data.", show_default=False)]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help="foedus store (made by 'foedus data import') to read the record from.", show_default=False)]


def _build(ctx, kind: str, start: int, end: int, add: Optional[str], out: Path, fmt: Optional[str], data, db, **kw) -> None:
    import time

    from foedus.analysis import panel as p
    from foedus.analysis.panel_verbs import add as apply_verbs
    from foedus.data import open_record
    from foedus.data.export import table_format

    names = [n.strip() for n in (add or "").split(",") if n.strip()]
    try:
        table_format(out, fmt)
        unknown = [n for n in names if n not in VERB_HELP]
        if unknown:
            raise ValueError(_("--add: unknown verb(s) {verbs}; choose among {choices}").format(verbs=", ".join(unknown), choices=", ".join(VERB_HELP)))
        t0 = time.perf_counter()
        record = open_record(db=db, data_dir=data)
        build = p.dyad_years if kind == "dyad" else p.state_years
        df = build(start, end, record=record, **kw)
        df = apply_verbs(df, names, record=record)
        path = p.write_panel(df, out, format=fmt, command=command_line(ctx))
    except (ValueError, FileNotFoundError, OSError) as e:
        fail(e)
    from foedus.report.format import localize, number

    wrote = _("wrote {rows} dyad-years × {columns} columns to {path} ({seconds} s)") if kind == "dyad" else _(
        "wrote {rows} state-years × {columns} columns to {path} ({seconds} s)")
    typer.echo(wrote.format(rows=number(len(df), group_from=1000), columns=df.shape[1], path=path,
                            seconds=localize(f"{time.perf_counter() - t0:.1f}")))


@app.command("dyad-years")
def dyad_years_cmd(
    ctx: typer.Context,
    start: Start,
    end: End,
    out: OutOpt,
    add: AddOpt = None,
    directed: Annotated[bool, typer.Option("--directed", help="Both orders of each pair (A,B and B,A) instead of ccode1 < ccode2.")] = False,
    relevant: Annotated[bool, typer.Option("--relevant", help="Politically relevant dyads only: contiguous or with a major power (Lemke & Reed 2001).")] = False,
    format: FormatOpt = None,
    data: DataOpt = None,
    db: DbOpt = None,
) -> None:
    """Every pair of COW system members in each year from START to END, with the --add verbs merged on.

    Example: foedus panel dyad-years 1816 2018 --add atop,cinc,contiguity -o dyads.dta
    """
    _build(ctx, "dyad", start, end, add, out, format, data, db, directed=directed, relevant=relevant)


@app.command("state-years")
def state_years_cmd(
    ctx: typer.Context,
    start: Start,
    end: End,
    out: OutOpt,
    add: AddOpt = None,
    format: FormatOpt = None,
    data: DataOpt = None,
    db: DbOpt = None,
) -> None:
    """Every COW system member in each year from START to END, with the --add verbs merged on (state-year verbs: cinc, nmc, majors, wars, democracy, trade, igos, unga).

    Example: foedus panel state-years 1946 2014 --add cinc,democracy,igos -o states.csv
    """
    _build(ctx, "state", start, end, add, out, format, data, db)


def register(root: typer.Typer) -> None:
    """Add ``foedus panel`` to the program."""
    root.add_typer(app, name="panel")
