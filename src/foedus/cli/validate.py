"""`foedus validate` and `foedus calibrate`: the model against the record in four eras (presentation only)."""

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from foedus.cli._common import fail
from foedus.i18n import _

ERA_NAMES = ("1816-1914", "1919-1938", "1946-1989", "1990-2018")
"""The eras (as :data:`foedus.experiments.eras.ERAS`; repeated here so that --help imports nothing heavy)."""


def parse_eras(text: Optional[str], option: str = "--eras") -> tuple:
    """Comma-separated era labels (default all four); a clear error for an unknown one."""
    if text is None or not text.strip():
        return ERA_NAMES
    eras = tuple(e.strip() for e in text.split(",") if e.strip())
    bad = [e for e in eras if e not in ERA_NAMES]
    if bad:
        raise ValueError(_("{option}: unknown era {era!r}; choose among {choices} (comma-separated)").format(
            option=option, era=bad[0], choices=", ".join(ERA_NAMES)))
    if len(set(eras)) != len(eras):
        raise ValueError(_("{option}: an era is named twice").format(option=option))
    return eras


def read_parameters(path: Optional[Path]) -> dict:
    """A JSON object of Parameters fields -> values (or a calibration result's ``shipped_candidate``)."""
    if path is None:
        return {}
    try:
        data = json.loads(Path(path).read_text())
    except OSError as e:
        raise ValueError(f"--parameters {path}: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise ValueError(_("--parameters {path}: not JSON (line {line}: {reason})").format(path=path, line=e.lineno, reason=e.msg)) from None
    if isinstance(data, dict) and "shipped_candidate" in data:
        data = data["shipped_candidate"]
    if not isinstance(data, dict) or not all(isinstance(v, (int, float)) for v in data.values()):
        raise ValueError(_("--parameters {path}: expected a JSON object of parameter names to numbers").format(path=path))
    from foedus.sim.parameters import Parameters

    unknown = sorted(set(data) - set(Parameters.model_fields))
    if unknown:
        raise ValueError(_("--parameters {path}: unknown parameter {name!r}").format(path=path, name=unknown[0]))
    try:
        Parameters(**data)
    except Exception as e:  # pydantic's ValidationError names the field and the bound
        raise ValueError(f"--parameters {path}: {str(e).splitlines()[1:3]}") from None
    return {k: float(v) for k, v in data.items()}


def _run_provenance(kind: str, seeds, parameters_file: Optional[Path], params: dict, **extra) -> dict:
    """What ``validate --report`` and ``calibrate`` record of themselves: version, command, seeds, the
    parameters (and their file's SHA-256), and the record's files with their SHA-256, from which
    every era's scenario is built (:mod:`foedus.data.export`)."""
    from foedus.data.export import process_command, provenance, record_data_files, sha256_of

    given = {"path": str(parameters_file.resolve()), "sha256": sha256_of(parameters_file)} if parameters_file is not None else None
    return provenance(record_data_files(), command=process_command(), kind=kind, seeds=[int(x) for x in seeds], parameters=params,
                      parameters_file=given, scenario={"name": None, "file": None, "sha256": None,
                                                       "source": "each era's scenario is built from the record's files at the era's first year "
                                                                 "(foedus scenario build --year Y --all): see data_files"}, **extra)


def validate(
    eras: Annotated[Optional[str], typer.Option("--eras", help=f"Comma-separated eras (default all: {', '.join(ERA_NAMES)}).", show_default=False)] = None,
    seeds: Annotated[int, typer.Option("--seeds", min=1, max=50, help="Runs per era, pooled (the band is over these).")] = 3,
    first_seed: Annotated[int, typer.Option("--first-seed", min=0, help="Seed of the first run (then FIRST_SEED+1, ...).")] = 1,
    years: Annotated[Optional[int], typer.Option("--years", min=1, help="Shorten every era to its first YEARS years, record and runs alike (quick checks).", show_default=False)] = None,
    parameters: Annotated[Optional[Path], typer.Option("--parameters", help="JSON object of Parameters fields to set (or a calibration.json: its fit on all eras).", show_default=False)] = None,
    in_sample: Annotated[Optional[str], typer.Option("--in-sample", help="Eras the parameters were fitted on (default: 1816-1914,1946-1989 for the shipped defaults; none with --parameters).", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help='Print {"facts": [...], "in_range": K, "facts_total": N, "out_of_sample": {...}}.')] = False,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write an HTML report (and one SVG figure per era beside it).", show_default=False)] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Dask worker processes for the runs (1: in this process).")] = 1,
) -> None:
    """Does the simulator reproduce history? The record's alliance facts against runs, in four eras.

    Each era is simulated from the record at its first year with every system member
    (`foedus scenario build --year Y --all`), for the era's length, SEEDS times; the same
    measures run on the record over the era and on the pooled runs: formation per state-year
    (overall and by strongest obligation), members per alliance, share bilateral, share of
    pairs of distant minor states, Kaplan-Meier median and 10-year survival of pacts begun and
    of pacts inherited, alliances in force at the end per state, defence allies joining wars,
    joiners without a pact, war onsets per state-year, wars between great powers per great-power
    pair-year, rivalries in force at the end per state. Tolerances: rates and medians x/÷ 2,
    members x/÷ 1.5, shares ± 0.15.
    Exit code 0 whether or not the facts are in range: it is a measurement. Needs the records.
    """
    try:
        era_list = parse_eras(eras)
        fitted = parse_eras(in_sample, "--in-sample") if in_sample else (() if parameters else ("1816-1914", "1946-1989"))
        params = read_parameters(parameters)
        if report is not None and report.suffix.lower() not in (".html", ".htm"):
            raise ValueError(_("--report {report}: give a file name ending in .html").format(report=report))
    except ValueError as e:
        fail(e)
        return
    from foedus.experiments.eras import score, validate_eras

    try:
        facts = validate_eras(era_list, tuple(range(first_seed, first_seed + seeds)), parameters=params, years=years, in_sample=fitted, workers=workers)
    except (ValueError, OSError) as e:
        fail(e)
        return
    written = []
    if report is not None:
        from foedus.report.validation import write_report

        note = _("seeds {first}-{last}").format(first=first_seed, last=first_seed + seeds - 1)
        if years:
            note += _(", eras shortened to {years} years").format(years=years)
        written = write_report(facts, report, note=note)
        from foedus.data.export import sidecar_path

        record = _run_provenance("validation report", range(first_seed, first_seed + seeds), parameters, params, eras=list(era_list),
                                 in_sample=list(fitted), years=years, figures=[p.name for p in written[1:]])
        side = sidecar_path(written[0])
        side.write_text(json.dumps(record, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
        written.append(side)
    k, n = score(facts)
    ko, no = score(facts, out_of_sample=True)
    if as_json:
        typer.echo(json.dumps({"facts": [f.as_dict() for f in facts], "in_range": k, "facts_total": n, "out_of_sample": {"in_range": ko, "facts": no},
                               "report": [str(p) for p in written]}, indent=2))
        return
    _print_tables(facts)
    from rich.console import Console

    said = _("{k} of {n} facts in range; out of sample {ko} of {no}.").format(k=k, n=n, ko=ko, no=no)
    Console().print(said + (" " + _("Report: {path}").format(path=written[0]) if written else ""))


def _print_tables(facts) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal and console.width < 120:
        console = Console(width=120)

    from foedus.report.format import localize

    def shown(v, above=None):
        if v is None or v != v:
            return _("n/a")
        return (f"> {localize(f'{above:.3g}')}" if above is not None else "inf") if v == float("inf") else localize(f"{v:.3g}")

    heads = {"fact": _("fact"), "record": _("record"), "runs": _("runs"), "median [5-95 %]": _("median [5-95 %]"),
             "in range": _("in range"), "tolerance": _("tolerance")}
    yes, no = _("yes"), _("no")

    for era in dict.fromkeys(f.era for f in facts):
        ef = [f for f in facts if f.era == era]
        head = _("{era} (in sample): {k} of {n} in range") if ef[0].in_sample else _("{era} (out of sample): {k} of {n} in range")
        table = Table(title=head.format(era=era, k=sum(f.in_range for f in ef), n=len(ef)), title_justify="left")
        for col in heads:
            table.add_column(heads[col], justify="left" if col in ("fact", "in range", "tolerance") else "right", no_wrap=col == "fact")
        for f in ef:
            table.add_row(
                f.name, shown(f.record, f.record_above), shown(f.simulated, f.simulated_above),
                f"{shown(f.median)} [{shown(f.p5)}, {shown(f.p95)}]", f"[green]{yes}[/green]" if f.in_range else f"[red]{no}[/red]", f.tolerance,
            )
        console.print(table)


def calibrate(
    out: Annotated[Path, typer.Option("--out", help="Folder for calibration.json, calibration.html, the optuna journal (resume) and the cached record facts.")] = Path("calibration"),
    parameters: Annotated[Optional[str], typer.Option("--parameters", help="Comma-separated Parameters fields to fit (default: the ten the two-window search fitted).", show_default=False)] = None,
    trials: Annotated[int, typer.Option("--trials", min=1, help="Trials per study (five studies: four folds and the fit on all eras).")] = 50,
    seeds: Annotated[int, typer.Option("--seeds", min=1, max=50, help="Runs per era and trial, pooled.")] = 3,
    first_seed: Annotated[int, typer.Option("--first-seed", min=0, help="Seed of the first run.")] = 1,
    years: Annotated[Optional[int], typer.Option("--years", min=1, help="Shorten every era to its first YEARS years (small budgets).", show_default=False)] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the TPE samplers (same seed, same trials).")] = 1,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Dask worker processes for the simulations (1: in this process).")] = 1,
    sobol_n: Annotated[int, typer.Option("--sobol-n", min=0, help="Base sample N of the Sobol sensitivity analysis, a power of two (N*(D+2) evaluations); 0: none.")] = 0,
) -> None:
    """Leave-one-era-out calibration with optuna (TPE), and Sobol sensitivity with SALib.

    For each of the four eras, fits the parameters on the other three and scores it held out;
    then fits them on all four (the candidate for the shipped defaults, written to
    calibration.json as "shipped_candidate", never into the code). Objective: facts out of range
    plus the mean distance to the record in tolerance units. Killed, it resumes from the optuna
    journal in --out. Exit code 0 whatever the score.
    """
    try:
        from foedus import require_extra

        require_extra("ensemble", "foedus calibrate")
        names = tuple(p.strip() for p in parameters.split(",") if p.strip()) if parameters else None
        if sobol_n and sobol_n & (sobol_n - 1):
            raise ValueError(_("--sobol-n must be a power of two, got {n}").format(n=sobol_n))
        if names is not None:
            from foedus.experiments.calibration import parameter_bounds

            parameter_bounds(names)
    except (ValueError, ImportError) as e:  # ImportError: the 'ensemble' extra is missing
        fail(e)
        return
    from rich.console import Console

    from foedus.experiments.calibration import CALIBRATED
    from foedus.experiments.calibration import calibrate as run_calibration
    from foedus.report.validation import calibration_html

    from foedus.report.format import localize

    console = Console(stderr=True)
    try:
        from foedus.data.export import PROVENANCE_FILE

        Path(out).mkdir(parents=True, exist_ok=True)
        record = _run_provenance("calibration", range(first_seed, first_seed + seeds), None, {}, fitted=list(names or CALIBRATED),
                                 trials=trials, sampler_seed=seed, years=years, sobol_n=sobol_n)
        (Path(out) / PROVENANCE_FILE).write_text(json.dumps({"format": "foedus-provenance", **record}, indent=2, sort_keys=True, default=str) + "\n",
                                                 encoding="utf-8")
    except OSError as e:
        fail(e)
        return

    def progress(study: str, k: int, n: int, value: float) -> None:
        console.print(_("{study}: trial {k}/{n}, objective {value}").format(study=study, k=k, n=n, value=localize(f"{value:.3f}")))

    try:
        result = run_calibration(out, parameters=names or CALIBRATED, trials=trials, seeds=tuple(range(first_seed, first_seed + seeds)),
                                 years=years, seed=seed, workers=workers, sobol_n=sobol_n, progress=progress)
    except (ValueError, OSError) as e:
        fail(e)
        return
    html = calibration_html(result, Path(out) / "calibration.html")
    typer.echo(result["note"])
    for f in result["folds"]:
        typer.echo(_("held out {era}: {k} facts in range").format(era=f["held_out"], k=f["held_out_in_range"]))
    if result.get("sobol"):
        indices = ", ".join(f"{r['parameter']} {localize(format(r['ST'], '.2f'))}" for r in result["sobol"]["ranking"])
        typer.echo(_("Sobol total indices: {indices}").format(indices=indices))
    typer.echo(_("written: {json}, {html}").format(json=Path(out) / "calibration.json", html=html))


def register(app: typer.Typer) -> None:
    """Add ``validate`` and ``calibrate`` to ``app``."""
    app.command("validate")(validate)
    app.command("calibrate")(calibrate)
