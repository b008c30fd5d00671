"""`foedus ensemble ...`: run thousands of simulated worlds and read what they say (presentation only).

Commands (added to the main program by :func:`register`):

- ``foedus ensemble run --scenario S --runs R --years T --seed S --out DIR [--workers W]
  [--scheduler ADDRESS] [--vary KNOB=LOW:HIGH ...] [--design lhs|factorial] [--resume]``
  (the same options also work directly on ``foedus ensemble``);
- ``foedus ensemble summary DIR``: median and 5-95 % bands per year, great-power alignments,
  pair probabilities, figures and an HTML report;
- ``foedus ensemble compare DIR_A DIR_B``: two ensembles side by side, with the difference and
  its uncertainty;
- ``foedus ensemble discover DIR --outcome "defense RUS CHN by 2040"``: which knobs and ranges
  lead to the outcome (PRIM).
"""

import inspect
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from foedus.cli._help import Typer
from foedus.cli._common import fail, parse_pair
from foedus.cli.ensemble_provenance import write_ensemble_provenance, write_report_provenance
from foedus.cli.ensemble_tables import fmt as _fmt, milestones as _milestones, pair_title, print_summary, summary_report
from foedus.i18n import _
from foedus.cli.ensemble_options import (
    DesignOpt,
    KeepOpt,
    OutOpt,
    QuietOpt,
    ResumeOpt,
    RunsOpt,
    ScenarioOpt,
    SchedulerOpt,
    SeedOpt,
    TimeoutOpt,
    VaryOpt,
    WorkersOpt,
    YearsOpt,
)

if TYPE_CHECKING:
    from rich.console import Console

ensemble_app = Typer(
    help=(
        "Ensembles: run many simulated worlds of a scenario on Dask (on this machine or a cluster), then summarise, "
        "compare and explain them. Start with `foedus ensemble run --help`; `foedus ensemble --scenario S --runs R "
        "--out DIR ...` is the same as `foedus ensemble run ...`."
    ),
    invoke_without_command=True,
)

_ERRORS = (ValueError, OSError, RuntimeError, ImportError)
"""Errors that end a command with its message (:class:`foedus.schema.SchemaError` is a ValueError)."""


def _run(scenario, runs, years, seed, out, workers, scheduler, vary, design, resume, keep_histories, quiet, connect_timeout) -> None:
    from rich.console import Console

    from foedus import MissingExtra, require_extra

    try:
        require_extra("ensemble", "foedus ensemble run")
    except MissingExtra as e:
        fail(e)
    from foedus.experiments.ensemble import resume_ensemble, run_ensemble

    console = Console(stderr=True)
    if out is None:
        fail(_("give --out DIR, the folder for the ensemble"))
    if design not in ("lhs", "factorial"):
        fail(_("--design must be lhs or factorial, got {value!r}").format(value=design))
    existed = out.exists()
    store = None
    try:
        if resume and (out / "manifest.json").exists() and scenario is None:
            if runs is not None or years is not None or vary:
                fail(_("with --resume and no --scenario the ensemble's own definition is used: drop --runs, --years and --vary"))
            store = resume_ensemble(out, workers=workers, scheduler=scheduler, progress=not quiet, connect_timeout=connect_timeout)
        else:
            if scenario is None:
                fail(_("give --scenario NAME_OR_FILE (or --resume --out DIR to complete an ensemble)"))
            if runs is None:
                fail(_("give --runs R, the number of simulated worlds"))
            store = run_ensemble(
                scenario,
                runs=runs,
                out=out,
                years=years,
                seed=seed,
                knobs=vary or (),
                design=design,
                workers=workers,
                scheduler=scheduler,
                resume=resume,
                keep_histories=keep_histories,
                progress=not quiet,
                connect_timeout=connect_timeout,
            )
    except typer.Exit:  # a refusal above (click's Exit is a RuntimeError: not one of ours to report)
        raise
    except KeyboardInterrupt:
        from foedus.data.ensemble_store import EnsembleStore

        if (out / "manifest.json").exists():
            done = len(EnsembleStore.open(out).completed())
            console.print(_("interrupted: {done} runs saved in {out}; complete them with `foedus ensemble run --resume --out {out}`").format(
                done=done, out=out), soft_wrap=True)
        else:
            console.print(_("interrupted before the ensemble started: nothing was written"))
        raise typer.Exit(130)
    except ConnectionError as e:
        fail(f"{e}" + (_("; nothing was written") if not existed and not out.exists() else _("; {out} was left as it was").format(out=out)))
        return
    except _ERRORS as e:
        fail(e)
        return
    write_ensemble_provenance(out, store, scenario)
    if not quiet:
        m = store.manifest
        head = _("{done} of {runs} runs of {scenario} ({years} years, seed {seed}) in {out}").format(
            done=m["runs_done"], runs=m["runs"], scenario=m["scenario"], years=m["years"], seed=m["seed"], out=out)
        session = store.session
        if session is None:
            console.print(head + _("; nothing was left to run"), soft_wrap=True)
        else:
            from foedus.report.format import localize

            wall = float(session.get("wall_seconds", 0.0))
            ran = int(session.get("runs", 0))
            rate = ", " + _("{rate} runs/s").format(rate=localize(f"{ran / wall:.2f}")) if wall > 0 and ran else ""
            console.print(head + _("; this session ran {ran} in {wall} s of wall time (start-up included{rate})").format(
                ran=ran, wall=localize(f"{wall:.1f}"), rate=rate), soft_wrap=True)


def run(
    scenario: ScenarioOpt = None,
    runs: RunsOpt = None,
    years: YearsOpt = None,
    seed: SeedOpt = 0,
    out: OutOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    vary: VaryOpt = None,
    design: DesignOpt = "lhs",
    resume: ResumeOpt = False,
    keep_histories: KeepOpt = False,
    quiet: QuietOpt = False,
    connect_timeout: TimeoutOpt = 30.0,
) -> None:
    """Run R simulated worlds of a scenario on Dask and write each run's indicators as it finishes.

    Each run's seed derives from --seed and the run's index, so the results are the same bytes
    whatever the number of workers or the scheduler. An interrupted ensemble (Ctrl-C, a lost
    node) keeps every finished run: `--resume` runs only the missing ones. With --vary, knob
    values are spread over the runs by a Latin hypercube (default) or a full-factorial grid.

    The progress bar (stderr; --quiet hides it) shows runs done of R, the rate, the elapsed wall
    time and the time left. The rate is the runs finished in this session divided by the wall
    time since the first run was submitted (worker start-up included, so it does not flatter);
    the time left is the runs still to do at that rate.

    A --scheduler that does not answer within --connect-timeout is an error (exit code 2) and
    creates no folder.

    Example: foedus ensemble run -s world-2022 -r 1000 -n 30 --seed 1 -o ens --vary great_power_competition=0.3:0.9
    """
    _run(scenario, runs, years, seed, out, workers, scheduler, vary, design, resume, keep_histories, quiet, connect_timeout)


def _ensemble(ctx: typer.Context, **options) -> None:
    """``foedus ensemble --scenario S ...``: the same as ``foedus ensemble run ...``, whose options it takes.

    Its options are those of :func:`run`, declared once there (the signature is copied below).
    Before a subcommand other than ``run`` they are an error; alone they show the help.
    """
    if ctx.invoked_subcommand is not None:
        given = [f"--{name.replace('_', '-')}" for name, value in options.items() if value != _RUN_PARAMETERS[name].default]
        if given:
            fail(_("{options} belong after `run`, not before `{command}`").format(options=", ".join(given), command=ctx.invoked_subcommand))
        return
    if options["scenario"] is None and not options["resume"]:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    _run(**options)


_RUN_PARAMETERS = inspect.signature(run, eval_str=True).parameters
_ensemble.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context), *_RUN_PARAMETERS.values()]
)
ensemble_app.callback(invoke_without_command=True)(_ensemble)


# ---------------------------------------------------------------------------------- reading
DirArg = Annotated[Path, typer.Argument(help="An ensemble folder written by `foedus ensemble run`.", show_default=False)]
IndicatorOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--indicator",
        "-i",
        help="Indicator to show (repeatable): alliances, defense_pacts, coalitions, alliance_size, blocs, poles, largest_bloc, "
        "cluster_poles, con, effective_poles, aligned_states, milex, disputes, wars, crises, cyber_incidents, formations, "
        "dissolutions, ... Default: alliances, defense_pacts, blocs, poles, largest_bloc, milex, disputes, wars.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the tables as JSON instead of a text table.")]
ReportOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--report",
        help="Also write figures (PNG and SVG) into this folder: band-INDICATOR (one per indicator), gp-milex (each great power's "
        "military expenditure), gp-alignments (each great power's alignments per year), pair-allied (with --pair), and a "
        "self-contained ensemble.html with all of them and their tables.",
        show_default=False,
    ),
]
CompareReportOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--report",
        help="Also write figures (PNG and SVG, compare-INDICATOR: both ensembles' medians and bands on one plot) and a "
        "self-contained compare.html with the difference table into this folder.",
        show_default=False,
    ),
]


def _records(df) -> list[dict]:
    from foedus.analysis.summary import jsonable

    return jsonable(df.to_dict(orient="records"))


def summary(
    folder: DirArg,
    indicator: IndicatorOpt = None,
    pair: Annotated[
        Optional[list[str]],
        typer.Option(
            "--pair",
            help="Also give the probability per year that two states are allied, A:B (COW codes or abbreviations of the scenario, "
            "e.g. RUS:CHN or 365:710): printed as a table and, with --report, drawn in pair-allied.png/.svg. Repeatable.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[bool, typer.Option("--by", help="For --pair: allied at some point from the first simulated year up to each year (\"by 2040\"), rather than in the year.")] = False,
    any_alliance: Annotated[bool, typer.Option("--any-alliance", help="For --pair: any alliance counts, not only defence pacts.")] = False,
    band: Annotated[float, typer.Option("--band", min=0.5, max=0.99, help="Central share of runs in the band (0.9: the 5 % and 95 % quantiles).")] = 0.9,
    report: ReportOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Median and 5-95 % bands per year of an ensemble: system indicators, each great power's arms spending and alignments, pair probabilities.

    Bands show the spread of outcomes across runs; "median CI" is the 90 % confidence interval of
    the median itself (it narrows as runs are added). Military expenditure is in US$ bn. The
    terminal shows a few years; --json gives every year and --report every figure:
    band-INDICATOR (system indicators), gp-milex (each great power's military expenditure),
    gp-alignments (share of runs in each alignment per year, per great power), pair-allied
    (with --pair), each as PNG and SVG, and ensemble.html with all of them.
    """
    from rich.console import Console

    from foedus.analysis import ensemble as an
    from foedus.data.ensemble_store import EnsembleStore

    try:
        store = EnsembleStore.open(folder)
        table = an.summary(store, indicator, band=band)
        align = an.great_power_alignments(store)
        gp_milex = an.state_bands(store, "milex", band=band) if _has_majors(store) else None
        pairs = {}
        for p in pair or []:
            a, b = parse_pair(p)
            ca, aa = an.resolve_state(store, a)
            cb, ab = an.resolve_state(store, b)
            pairs[f"{aa}-{ab}"] = an.pair_allied(store, ca, cb, obligation=None if any_alliance else "defense", by=by)
        if report is not None:
            summary_report(report, store.manifest, table, align, gp_milex, pairs, pair_title(any_alliance, by))
            write_report_provenance(report, "ensemble report", [folder])
    except _ERRORS as e:
        fail(e)
        return
    if as_json:
        out = {
            "runs": store.manifest["runs_done"],
            "band": band,
            "bands": _records(table),
            "great_power_milex": _records(gp_milex) if gp_milex is not None else [],
            "great_power_alignments": _records(align),
        }
        if pairs:
            out["pairs"] = {k: _records(v) for k, v in pairs.items()}
        typer.echo(json.dumps(out, indent=1))
        return
    print_summary(Console(), store.manifest, table, gp_milex, align, pairs, pair_title(any_alliance, by))
    if report is not None:
        Console().print(_("figures and ensemble.html written to {folder}").format(folder=report))


def _has_majors(store) -> bool:
    """Whether the ensemble's scenario has a major power (else there is no great powers' spending to show)."""
    from foedus.experiments.ensemble import ensemble_scenario

    return any(a.major for a in ensemble_scenario(store).actors)


def compare(
    folder_a: Annotated[Path, typer.Argument(help="Ensemble A (the baseline).", show_default=False)],
    folder_b: Annotated[Path, typer.Argument(help="Ensemble B (compared with A).", show_default=False)],
    indicator: IndicatorOpt = None,
    year: Annotated[Optional[list[int]], typer.Option("--year", "-y", help="Year(s) to show (default: the first, middle and last simulated years).", show_default=False)] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the bootstrap of the difference's interval (same seed, same interval).")] = 0,
    report: CompareReportOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Two ensembles side by side: medians, the difference of means (B - A) with its 90 % bootstrap interval, and a p-value.

    The p-value is the two-sided Mann-Whitney U test that the two ensembles' runs come from the
    same distribution in that year; * marks p < 0.10. The interval is the bootstrap interval of
    the difference of means: the two answer different questions and may disagree.
    """
    from rich.console import Console
    from rich.table import Table

    from foedus.analysis import ensemble as an
    from foedus.data.ensemble_store import EnsembleStore

    try:
        sa, sb = EnsembleStore.open(folder_a), EnsembleStore.open(folder_b)
        table = an.compare(sa, sb, indicator, seed=seed)
        if year:
            bad = sorted(set(year) - set(table["year"]))
            if bad:
                raise ValueError(_("--year {years}: not simulated by both ensembles").format(years=", ".join(map(str, bad))))
        if report is not None:
            from foedus.report import ensemble as rep

            names = list(dict.fromkeys(table["indicator"]))
            bands = {"A": an.summary(sa, names), "B": an.summary(sb, names)}
            rep.write_figures(bands, report, prefix="compare")
            section = rep.html_section(bands, title=f"A = {sa.path}, B = {sb.path}", comparison=table)
            rep.write_html(report / "compare.html", [section], title=_("foedus ensemble comparison"))
            write_report_provenance(report, "ensemble comparison report", [folder_a, folder_b], bootstrap_seed=seed)
    except _ERRORS as e:
        fail(e)
        return
    years = year or _milestones(table["year"], 3)
    view = table[table["year"].isin(years)]
    if as_json:
        typer.echo(json.dumps({"a": str(folder_a), "b": str(folder_b), "level": 0.9, "rows": _records(view)}, indent=1))
        return
    from foedus.report.format import localize

    t = Table(title=_("A = {a} ({runs_a} runs), B = {b} ({runs_b} runs)").format(
        a=folder_a, runs_a=sa.manifest["runs_done"], b=folder_b, runs_b=sb.manifest["runs_done"]), title_justify="left",
              caption=_("* p < 0.10: the runs of A and B differ in distribution (two-sided Mann-Whitney U). The interval is the 90 % "
              "bootstrap interval of the difference of means; the two can disagree."), caption_justify="left")
    heads = (_("indicator"), _("year"), _("median A"), _("median B"), _("B - A (mean)"), _("90 % interval"), _("p (Mann-Whitney)"))
    for i, c in enumerate(heads):
        t.add_column(c, justify="left" if i == 0 else "right")
    bn = _("US$ bn")
    for r in view.itertuples():
        k = 1e-6 if r.indicator == "milex" else 1.0
        sig = " *" if r.significant else ""
        t.add_row(
            r.indicator + (f" ({bn})" if r.indicator == "milex" else ""),
            str(r.year),
            _fmt(r.median_a * k),
            _fmt(r.median_b * k),
            _fmt(r.diff * k),
            f"{_fmt(r.diff_lo * k)} – {_fmt(r.diff_hi * k)}",
            "–" if r.p_value != r.p_value else f"{localize(format(r.p_value, '.3g'))}{sig}",
        )
    Console().print(t)
    if report is not None:
        Console().print(_("figures and compare.html written to {folder}").format(folder=report))


def _prim_json(outcome_name: str, res) -> dict:
    """The ``--json`` document of ``foedus ensemble discover``."""
    box = res.box.reset_index()
    return {
        "outcome": outcome_name,
        "runs": res.runs,
        "cases": res.cases,
        "base_density": res.base_density,
        "coverage": res.coverage,
        "density": res.density,
        "mass": res.mass,
        "box": _records(box),
        "trajectory": _records(res.trajectory),
        "ema_workbench": res.ema_workbench,
    }


def _print_prim_box(outcome_name: str, res) -> None:
    """The text answer of ``foedus ensemble discover``: the outcome, the box's measures and its knob ranges."""
    from rich.console import Console
    from rich.table import Table

    from foedus.report.format import localize, percent

    console = Console()
    console.print(_(
        "outcome: {name!r} reached in {cases} of {runs} runs ({share}).\n"
        "box: coverage {coverage} (share of those runs inside it), density {density} "
        "(share of runs inside it that reach the outcome), mass {mass} of all runs."
    ).format(name=outcome_name, cases=res.cases, runs=res.runs, share=percent(res.base_density), coverage=percent(res.coverage),
             density=percent(res.density), mass=percent(res.mass)))
    t = Table(title=_("knob ranges of the box (restricted knobs marked *; qp: quasi-p-value of the restriction)"), title_justify="left")
    for i, c in enumerate((_("knob"), _("low"), _("high"), _("sampled"), _("qp low"), _("qp high"))):
        t.add_column(c, justify="left" if i == 0 else "right")

    def g(v, spec=".3g"):
        return localize(format(v, spec))

    for name, r in res.box.iterrows():
        t.add_row(
            name + (" *" if r["restricted"] else ""),
            g(r["low"]),
            g(r["high"]),
            f"{g(r['min'])}–{g(r['max'])}",
            "–" if r["qp_low"] != r["qp_low"] else g(r["qp_low"], ".2g"),
            "–" if r["qp_high"] != r["qp_high"] else g(r["qp_high"], ".2g"),
        )
    console.print(t)
    console.print(_("PRIM of EMA Workbench {version}").format(version=res.ema_workbench))


def discover(
    folder: DirArg,
    outcome: Annotated[
        str,
        typer.Option(
            "--outcome",
            help="The outcome to explain, true or false in each run: 'defense A B by|in YEAR' (a defence pact between two states, "
            "e.g. 'defense RUS CHN by 2040'), 'allied A B by|in YEAR' (any alliance), or 'INDICATOR OP VALUE by|in YEAR' with OP one "
            "of < <= > >= == != (e.g. 'poles <= 2 in 2050', 'wars >= 1 by 2040'). 'in': in that year; 'by': in at least one year "
            "from the first simulated year up to it. Quote it.",
            show_default=False,
        ),
    ],
    threshold: Annotated[
        float, typer.Option("--threshold", min=0.0, max=1.0, help="PRIM's density threshold: the share of runs inside a box that reach the outcome, which the box must reach.")
    ] = 0.8,
    min_coverage: Annotated[
        float,
        typer.Option(
            "--min-coverage",
            min=0.01,
            max=1.0,
            help="Of PRIM's peeling trajectory, the box shown is the densest whose coverage (share of the runs reaching the outcome "
            "that lie inside it) is at least this.",
        ),
    ] = 0.5,
    mass_min: Annotated[
        float, typer.Option("--mass-min", min=0.001, max=1.0, help="PRIM stops peeling before a box would hold less than this share of all runs.")
    ] = 0.05,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON (box, coverage, density, mass, the whole peeling trajectory).")] = False,
) -> None:
    """Scenario discovery: which knob ranges make an outcome likely (PRIM, Friedman & Fisher 1999, via EMA Workbench).

    Needs an ensemble run with --vary. The answer is a box: a range for a few knobs inside which
    the outcome is frequent (density), holding most of the runs that reach it (coverage).
    """
    from foedus.analysis import outcomes as an
    from foedus.data.ensemble_store import EnsembleStore
    from foedus.experiments.discovery import prim_box

    try:
        store = EnsembleStore.open(folder)
        y = an.outcome(store, outcome)
        knobs = store.knob_names()
        if not knobs:
            raise ValueError(_("{folder}: no knob was varied in this ensemble; run it with --vary KNOB=LOW:HIGH to discover scenarios").format(
                folder=folder))
        exp = store.experiments().set_index("run").loc[y.index, knobs]
        res = prim_box(exp, y.to_numpy(), threshold=threshold, min_coverage=min_coverage, mass_min=mass_min)
    except _ERRORS as e:
        fail(e)
        return
    if as_json:
        typer.echo(json.dumps(_prim_json(y.name, res), indent=1))
        return
    _print_prim_box(y.name, res)


ensemble_app.command("run")(run)
ensemble_app.command("summary")(summary)
ensemble_app.command("compare")(compare)
ensemble_app.command("discover")(discover)


def register(app: typer.Typer) -> None:
    """Add ``foedus ensemble`` (run, summary, compare, discover) to ``app``."""
    app.add_typer(ensemble_app, name="ensemble")
