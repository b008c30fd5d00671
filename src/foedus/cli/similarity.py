"""`foedus history similarity`: alliance portfolio similarity of every dyad-year, to Parquet, CSV or Stata (brief H2).

Presentation only: the measures live in :mod:`foedus.analysis.similarity`.
"""

from pathlib import Path
from typing import List, Optional

import typer

from foedus.i18n import _


def _parse_levels(text: str) -> dict[str, int]:
    """``"defense=3,offense=2"`` -> ``{"defense": 3, "offense": 2}`` (a ValueError names the bad part)."""
    out: dict[str, int] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(_("--levels: {part!r} is not of the form obligation=level").format(part=part))
        try:
            out[name.strip()] = int(value)
        except ValueError:
            raise ValueError(_("--levels: level of {name!r} must be a whole number, got {value!r}").format(name=name.strip(), value=value)) from None
    return out


HELP = " ".join(
    [
        "Compute alliance portfolio similarity for every pair of states in every year and write it as Parquet, CSV or",
        "Stata .dta (by the extension of OUT, or --format), with its provenance (foedus version, command, data files).",
        "\n\nEach year, a state's alliance portfolio is its tie with every member of the state system",
        "(0 none, 1 consultation, 2 offence, neutrality or non-aggression, 3 defence; with itself 3).",
        "Two portfolios are compared with Kendall's tau-b (Bueno de Mesquita 1975) and the S score",
        "(Signorino & Ritter 1999: absolute or squared distance, unweighted or weighted by CINC),",
        "over the whole system and over the two states' regions.",
        "\n\nOutput: one row per pair and year with columns ccode1 < ccode2, year, then one column per measure.",
    ]
)


def similarity(
    ctx: typer.Context,
    out: Path = typer.Argument(..., help="File to write: .parquet, .csv or .dta (e.g. similarity.parquet); its folder must exist."),
    fmt: Optional[str] = typer.Option(None, "--format", help="parquet, csv or dta (default: from the extension of OUT)."),
    year_from: Optional[int] = typer.Option(None, "--from", help="First year (default: the first year of the state system, 1816 for the record)."),
    year_to: Optional[int] = typer.Option(None, "--to", help="Last year (default: the last year observed, 2018 for the record)."),
    data: Optional[Path] = typer.Option(None, "--data", help="Folder of raw records (ATOP, COW) to read instead of the default store or ../shared/data."),
    db: Optional[Path] = typer.Option(None, "--db", help="foedus store (DuckDB file made by 'foedus data import') to read the record from."),
    run: Optional[Path] = typer.Option(None, "--run", help="A simulated history folder (written by 'foedus simulate --out') to measure instead of the record."),
    measure: Optional[List[str]] = typer.Option(
        None,
        "--measure",
        help="Measure to compute; repeat for several. Default: all of tau_b, s_unweighted_abs, s_unweighted_sq, "
        "s_weighted_abs, s_weighted_sq and their *_regional variants.",
    ),
    levels: Optional[str] = typer.Option(
        None,
        "--levels",
        help="Tie level of each ATOP obligation, e.g. 'defense=3,offense=2,neutrality=2,nonaggression=2,consultation=1' (the default).",
    ),
) -> None:
    """Compute and write the similarity table; the help text is :data:`HELP`."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from foedus.analysis.portfolios import ATOP_TIE_LEVELS
    from foedus.analysis.similarity import MEASURES, default_years, similarity_dyad_years
    from foedus.data.export import provenance, table_format, write_table

    err = Console(stderr=True)
    try:
        if run is not None and (data is not None or db is not None):
            raise ValueError(_("--run measures a simulated history; do not combine it with --data or --db"))
        table_format(out, fmt)
        lv = ATOP_TIE_LEVELS if levels is None else _parse_levels(levels)
        measures = tuple(measure) if measure else MEASURES
        unknown = [m for m in measures if m not in MEASURES]
        if unknown:
            raise ValueError(_("--measure: unknown measure(s) {names}; choose among {choices}").format(names=", ".join(unknown), choices=", ".join(MEASURES)))
        if run is not None:
            from foedus.data.runs import read_history_dir

            history = read_history_dir(run)
        else:
            from foedus.data import open_record

            history = open_record(db=db, data_dir=data)
        span = default_years(history)
        first = span.start if year_from is None else year_from
        last = span.stop - 1 if year_to is None else year_to
        if first > last:
            raise ValueError(_("no years from {first} to {last} (the history covers {start}-{stop})").format(
                first=first, last=last, start=span.start, stop=span.stop - 1))
        years = range(first, last + 1)
        with Progress(
            TextColumn(_("similarity")), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            console=err, transient=True,
        ) as bar:
            task = bar.add_task("", total=len(years))
            table = similarity_dyad_years(
                history, years=years, measures=measures, levels=lv,
                progress=lambda y: bar.update(task, advance=1, description=str(y)),
            )
        from foedus.cli._common import command_line

        meta = provenance(
            history.meta.files if history.meta is not None else (), command=command_line(ctx),
            units={m: "similarity of the two alliance portfolios, -1 to 1" for m in measures},
            similarity={"levels": dict(lv), "self_tie": max(lv.values()), "weights": "COW NMC cinc (missing = 0)",
                        "source": str(history.source), "references": "Bueno de Mesquita 1975; Signorino & Ritter 1999"},
        )
        write_table(table, out, format=fmt, meta=meta, label=f"alliance portfolio similarity {first}-{last}")
    except (ValueError, FileNotFoundError, OSError) as e:
        typer.echo(_("error: {error}").format(error=e), err=True)
        raise typer.Exit(2) from None
    typer.echo(_("wrote {rows} dyad-years ({first}-{last}, {measures} measures) to {out}").format(
        rows=len(table), first=first, last=last, measures=len(measures), out=out))


def register(app: typer.Typer) -> None:
    """Add ``similarity`` to the ``foedus history`` sub-app."""
    app.command("similarity", help=HELP)(similarity)
