"""`foedus history ...` commands: measures of the alliance record or of a simulated history.

Presentation only: the measures live in :mod:`foedus.analysis` and the report in
:mod:`foedus.report.history`. (``foedus history similarity`` is added by
:mod:`foedus.cli.similarity`.)
"""

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from foedus.cli._help import Typer
from foedus.cli._common import builtin_scenario_of, command_line, fail
from foedus.i18n import _

app = Typer(
    help="Measure the history of alliances: formation, size, duration and survival, network, blocs and "
    "polarity. Works on the historical record (ATOP 5.1 + Correlates of War) or, with --run, on a simulated history.",
    no_args_is_help=True,
)

_DATA_HELP = "Folder of raw records (ATOP, COW) to read instead of the default store or ../shared/data."
_DB_HELP = "foedus store (DuckDB file made by 'foedus data import') to read the record from."
_RUN_HELP = "A history folder (e.g. written by 'foedus simulate --out') to measure instead of the record."
DataOpt = Annotated[Optional[Path], typer.Option("--data", help=_DATA_HELP)]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help=_DB_HELP)]
RunOpt = Annotated[Optional[Path], typer.Option("--run", help=_RUN_HELP)]
"""Where a command reads its history from (one of the three, or the default store), declared once for all commands."""

_K_HELP = "Capability ratio (strongest / weakest founder's CINC) at or above which an alliance counts as asymmetric."
_RULE_HELP = (
    "Symmetry rule: 'major_minor' (a COW major power allied with non-majors, after Morrow 1991), 'ratio' "
    "(CINC ratio >= k) or 'either'."
)
_METHOD_HELP = (
    "How blocs are found in the defence-pact network (the same names as method= in Python and blocs= in the dashboard): "
    "'poles' (the default everywhere: each major power a pole, named after it; other states join the strongest "
    "major power they are directly allied to), 'modularity' (greedy modularity communities) "
    "or 'components' (connected components). --method is the old spelling."
)
_BLOCS_DEFAULT = "poles"
"""foedus.analysis.polarity.DEFAULT_BLOC_METHOD (not imported here: the command modules start without pandas)."""

_ERRORS = (ValueError, FileNotFoundError, OSError)
"""Errors that end a command with its message (:class:`foedus.schema.SchemaError` is a ValueError)."""


def _history(data: Optional[Path], db: Optional[Path], run: Optional[Path]):
    if run is not None and (data is not None or db is not None):
        raise ValueError(_("--run measures a history folder; do not combine it with --data or --db"))
    if run is not None:
        from foedus.data.runs import read_history_dir

        return read_history_dir(run)
    from foedus.data import open_record

    return open_record(db=db, data_dir=data)


def _provenance(history, ctx=None, **extra) -> dict:
    """Provenance of a table or network measured on ``history`` (:func:`foedus.data.export.provenance`).

    With ``--run FOLDER``, the folder's own provenance too (``source_folder``: its scenario with
    the SHA-256 of its copy, its seeds and the command that wrote it).
    """
    from foedus.data.export import provenance, source_provenance

    meta = history.meta
    run = ctx.params.get("run") if ctx is not None else None
    if run is not None:
        extra = {"source_folder": source_provenance(run), **extra}
    return provenance(
        meta.files if meta is not None else (), command=command_line(ctx),
        history={"source": str(history.source), **(meta.to_dict() if meta is not None else {})}, **extra,
    )


_SUMMARY_HELP = (
    "Headline measures of alliances: alliances begun per year (overall, before and after 1945, by period, format, "
    "obligation and symmetry), members per alliance, and duration: the naive mean over ended alliances and the "
    "Kaplan-Meier median survival, with alliances still in force right-censored at the last year of the record."
    "\n\nWith --json, prints one JSON object; numbers that are not finite are written as null (a Kaplan-Meier "
    "median is infinite when the survival curve never falls to one half within the record)."
)


@app.command("summary", help=_SUMMARY_HELP, short_help="Headline measures: formation per year, size, duration and Kaplan-Meier survival.")
def summary_cmd(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (machine-readable) instead of tables."),
    data: DataOpt = None,
    db: DbOpt = None,
    run: RunOpt = None,
    k: float = typer.Option(10.0, "--k", help=_K_HELP),
    rule: str = typer.Option("either", "--rule", help=_RULE_HELP),
) -> None:
    """Print the summary; the help text is ``_SUMMARY_HELP``."""
    from foedus.analysis.summary import jsonable, summary

    try:
        h = _history(data, db, run)
        s = summary(h, k=k, rule=rule)
    except _ERRORS as e:
        fail(e)
    if as_json:
        typer.echo(json.dumps(jsonable(s), sort_keys=False))
        return
    from rich.console import Console
    from rich.table import Table

    from foedus.report.format import localize, number
    from foedus.report.labels import label as word

    con = Console()
    # the 1945 split only when the window holds years on both sides of it (as the report)
    split = int(s["first_year"]) < 1945 <= int(s["last_year"])
    t = Table(title=_("Alliances in {source} ({first}–{last})").format(source=s["source"], first=s["first_year"], last=s["last_year"]))
    t.add_column(_("measure"))
    t.add_column(_("value"), justify="right")
    for label, v in [
        (_("alliances"), s["alliances"]),
        ("  " + _("begun in the window"), s["alliances_begun"]),
        ("  " + _("begun before it (inherited)"), s["alliances_inherited"]),
        (_("alliances begun per year"), s["per_year"]),
        *([("  " + _("before 1945"), s["per_year_pre1945"]), ("  " + _("from 1945"), s["per_year_post1945"])] if split else []),
        (_("members per alliance, mean"), s["members_mean"]),
        (_("members per alliance, median"), s["members_median"]),
        (_("ended / still in force"), f"{s['alliances_ended']} / {s['alliances_censored']}"),
        (_("duration of ended alliances, naive mean (years)"), s["duration_mean_ended"]),
        (_("duration of ended alliances, median (years)"), s["duration_median_ended"]),
        (_("Kaplan–Meier median survival (years)"), s["km_median_survival"]),
        *([("  " + _("begun before 1945"), s["km_median_survival_pre1945"]), ("  " + _("begun from 1945"), s["km_median_survival_post1945"])]
          if split else []),
    ]:
        t.add_row(label, number(v))
    con.print(t)
    p = Table(title=_("By period of formation"), caption=_("alliances: begun in the period, inherited ones included (those the "
              "Kaplan–Meier median is estimated on); per year: begun inside the window"), caption_justify="left")
    for c in (_("period"), _("alliances"), _("per year"), _("KM median survival (years)")):
        p.add_column(c, justify="left" if not p.columns else "right")
    for label, n in s["alliances_by_period"].items():
        p.add_row(word(label), number(n), number(s["per_year_by_period"][label]), number(s["km_median_by_period"].get(label)))
    con.print(p)
    for key, title in (("by_format", _("By format")), ("by_symmetry", _("By symmetry (rule {rule}, k = {k})").format(rule=rule, k=localize(f"{k:g}"))),
                       ("by_primary_obligation", _("By strongest obligation")), ("by_obligation", _("Carrying each obligation (overlapping)"))):
        tb = Table(title=title)
        tb.add_column(_("category"))
        tb.add_column(_("alliances"), justify="right")
        for c, n in s[key].items():
            tb.add_row(word(c), number(n))
        con.print(tb)


_REPORT_HELP = (
    "Write a self-contained HTML report (one file, viewable without a network): alliances begun per year with the "
    "world wars and 1991 marked, the size distribution, Kaplan-Meier survival by period, defence-pact network "
    "snapshots with blocs and major powers, polarity by year, and summary tables with their sources. Its provenance "
    "(foedus's version, the command, the data files' SHA-256, the units) goes beside it as FILE.json."
)


@app.command("report", help=_REPORT_HELP, short_help="Write a self-contained HTML report with figures and tables.")
def report_cmd(
    ctx: typer.Context,
    out: Path = typer.Argument(..., help="HTML file to write (one self-contained file, e.g. history.html)."),
    data: DataOpt = None,
    db: DbOpt = None,
    run: RunOpt = None,
    years: Optional[str] = typer.Option(
        None, "--years", help="Network snapshot years, comma-separated (default 1914,1939,1960,1990,2018, or five "
        "evenly spaced years when the history does not cover them)."
    ),
    method: str = typer.Option(_BLOCS_DEFAULT, "--blocs", "--method", help=_METHOD_HELP),
) -> None:
    """Write the report; the help text is ``_REPORT_HELP``."""
    from foedus.report.history import write_history_report

    try:
        snap = None
        if years:
            try:
                snap = [int(y) for y in years.split(",") if y.strip()]
            except ValueError:
                raise ValueError(_("--years: expected comma-separated whole years, got {value!r}").format(value=years)) from None
        h = _history(data, db, run)
        path = write_history_report(h, out, years=snap, method=method, scenario=builtin_scenario_of(h))
        _write_sidecar(path, _provenance(h, ctx, kind="report", blocs=method))
    except _ERRORS as e:
        fail(e)
    typer.echo(_("wrote {path} ({size} MB) and its provenance {sidecar}").format(
        path=path, size=_megabytes(path), sidecar=f"{path.name}.json"))


def _megabytes(path: Path) -> str:
    """The size of the file at ``path`` in MB, one decimal, as the language writes it."""
    from foedus.report.format import localize

    return localize(f"{path.stat().st_size / 1e6:.1f}")


def _write_sidecar(path: Path, record: dict) -> Path:
    """Write ``record`` beside ``path`` as ``PATH.json`` (:func:`foedus.data.export.sidecar_path`)."""
    from foedus.data.export import sidecar_path

    side = sidecar_path(path)
    side.write_text(json.dumps(record, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    return side


_NETWORK_HELP = (
    "Blocs and polarity of the defence-pact network in one year: each bloc with its leader (with --blocs poles, the "
    "default, the major power that anchors it; otherwise its strongest member), "
    "size, major powers and members, then the polarity indices: poles (blocs with a major power), cluster poles "
    "(Wayman 1984), capability concentration CON (Ray & Singer 1973), effective numbers of poles and blocs."
)


@app.command("network", help=_NETWORK_HELP, short_help="Blocs and polarity of the defence-pact network in one year.")
def network_cmd(
    ctx: typer.Context,
    year: int = typer.Argument(..., help="Year of the alliance network, e.g. 1914."),
    data: DataOpt = None,
    db: DbOpt = None,
    run: RunOpt = None,
    method: str = typer.Option(_BLOCS_DEFAULT, "--blocs", "--method", help=_METHOD_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: polarity indices and the blocs."),
    graph: Optional[Path] = typer.Option(
        None, "--graph", help="Also write the year's alliance network (every obligation as an edge attribute, the shared "
        "agreements as 'id;id') for Gephi or any network tool: FILE.gexf or FILE.graphml.",
    ),
) -> None:
    """Print the blocs of one year; the help text is ``_NETWORK_HELP``."""
    from foedus.analysis.network import alliance_network, defense_network
    from foedus.analysis.polarity import polarity_of_graph, year_blocs
    from foedus.analysis.summary import jsonable

    try:
        h = _history(data, db, run)
        g = defense_network(h, year)
        stats = polarity_of_graph(g, method)
        found = year_blocs(h, year, method=method)
        if graph is not None:
            from foedus.data.export import write_graph

            write_graph(alliance_network(h, year), graph, meta=_provenance(h, ctx, year=year, blocs=method))
    except _ERRORS as e:
        fail(e)
    rows = [
        {"leader": b["leader"], "size": int(b["size"]), "majors": list(b["majors"]), "members": list(b["member_abbs"])}
        for b in found.to_dict("records")
    ]
    if as_json:
        typer.echo(json.dumps(jsonable({"year": year, "method": method, **stats, "bloc_list": rows})))
        return
    from rich.console import Console
    from rich.table import Table

    from foedus.report.format import number

    con = Console()
    t = Table(title=_("Defence-pact blocs, {year} ({method})").format(year=year, method=method))
    for c, head in (("bloc of", _("bloc of")), ("size", _("size")), ("major powers", _("major powers")), ("members", _("members"))):
        t.add_column(head, justify="right" if c == "size" else "left")
    for r in rows:
        t.add_row(r["leader"], str(r["size"]), ", ".join(r["majors"]) or "–", ", ".join(r["members"]))
    con.print(t)
    p = Table(title=_("Polarity"))
    p.add_column(_("index"))
    p.add_column(_("value"), justify="right")
    for key, v in stats.items():
        p.add_row(key, number(v, 3))
    con.print(p)
    if graph is not None:
        con.print(_("wrote the {year} alliance network to {path}").format(year=year, path=graph))


_POLARITY_HELP = (
    "Polarity of the alliance system year by year: states, states in defence pacts, blocs, major powers, poles "
    "(blocs with a major power), cluster poles (Wayman 1984), CON (Ray & Singer 1973), effective numbers of poles "
    "and of blocs. On screen: allied = states in a defence pact, clust = cluster poles, e.poles and e.blocs = "
    "effective numbers; every n-th year only. --out FILE writes every year of the range and every column (Parquet, CSV or Stata)."
)


@app.command("polarity", help=_POLARITY_HELP, short_help="Polarity indices year by year (poles, CON, effective numbers).")
def polarity_cmd(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(
        None, "--out", "-o", help="Also write the per-year table (every year, every column) to this file: .parquet, .csv or "
        ".dta (Stata), with its provenance.",
    ),
    fmt: Optional[str] = typer.Option(None, "--format", help="parquet, csv or dta (default: from the extension of --out)."),
    csv: Optional[Path] = typer.Option(None, "--csv", help="The same as --out FILE --format csv (kept for scripts)."),
    year_from: Optional[int] = typer.Option(None, "--from", help="First year shown (default: the history's first)."),
    year_to: Optional[int] = typer.Option(None, "--to", help="Last year shown (default: the history's last)."),
    every: int = typer.Option(10, "--every", help="Show every n-th year on screen (the CSV has every year)."),
    data: DataOpt = None,
    db: DbOpt = None,
    run: RunOpt = None,
    method: str = typer.Option(_BLOCS_DEFAULT, "--blocs", "--method", help=_METHOD_HELP),
) -> None:
    """Print the polarity table; the help text is ``_POLARITY_HELP``."""
    from foedus.analysis.polarity import polarity

    try:
        if every < 1:
            raise ValueError(_("--every must be at least 1, got {value}").format(value=every))
        h = _history(data, db, run)
        lo = h.first_year if year_from is None else year_from
        hi = h.last_year if year_to is None else year_to
        pol = polarity(h, method=method, years=(lo, hi))
        if csv is not None and out is not None:
            raise ValueError(_("--csv FILE is --out FILE --format csv; give one of them"))
        target, fmt = (csv, "csv") if csv is not None else (out, fmt)
        if target is not None:
            from foedus.data.export import write_table

            write_table(pol, target, format=fmt, index=True, meta=_provenance(h, ctx, method=method), label=_("polarity by year ({method})").format(method=method))
    except _ERRORS as e:
        fail(e)
    from rich.console import Console
    from rich.table import Table

    from foedus.report.format import number

    short = {"states": _("states"), "aligned_states": _("allied"), "blocs": _("blocs"), "majors": _("majors"), "poles": _("poles"),
             "cluster_poles": _("clust"), "con": "CON", "effective_poles": _("e.poles"), "effective_blocs": _("e.blocs")}
    shown = pol[list(short)]
    shown = shown[((shown.index - lo) % every == 0) | (shown.index == hi)]
    from rich import box

    t = Table(title=_("Polarity of the defence-pact network ({method})").format(method=method), box=box.SIMPLE_HEAD, show_edge=False,
              padding=(0, 1), collapse_padding=True, pad_edge=False)
    t.add_column(_("year"), min_width=4, no_wrap=True)
    for c in shown.columns:
        t.add_column(short[c], justify="right", min_width=len(short[c]), no_wrap=True)
    columns = [shown[c].to_numpy().tolist() for c in shown.columns]
    for i, y in enumerate(shown.index):
        t.add_row(str(y), *(number(col[i]) for col in columns))
    Console().print(t)
    if target is not None:
        typer.echo(_("wrote {n} years to {path}").format(n=len(pol), path=target))
