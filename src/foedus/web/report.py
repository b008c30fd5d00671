"""``foedus report SOURCE OUT.html``: one self-contained HTML report for the record, a run or an ensemble.

The report itself is drawn by :mod:`foedus.report`: :func:`foedus.report.history.write_history_report`
for a history (the record or a simulated run), ``foedus.report.ensemble`` for an ensemble. This
module only decides what ``SOURCE`` names and hands it to the right writer.
"""

from __future__ import annotations

from pathlib import Path

from foedus.i18n import _

__all__ = ["SOURCE_KINDS", "resolve_source", "write_report", "write_ensemble_report"]

SOURCE_KINDS = ("record", "data", "run", "ensemble")


def resolve_source(source: str | Path) -> tuple[str, Path | None]:
    """What ``source`` names: ``("record", None)``, ``("data", dir)``, ``("run", dir)`` or ``("ensemble", dir)``.

    ``record`` is the historical record from the default store or data folder; a folder with
    ``history.json`` is a history folder (a simulated run, ``foedus simulate --out``); a folder
    with a foedus ensemble ``manifest.json`` is an ensemble; a folder with an ``atop``
    sub-folder (or ATOP's files) is a folder of raw records.

    Raises
    ------
    ValueError
        ``source`` is none of these, with what was looked for.
    """
    if str(source) == "record":
        return "record", None
    p = Path(source)
    if not p.exists():
        raise ValueError(_("{path}: no such file or folder; SOURCE must be 'record', a data folder, a run folder or an ensemble folder").format(path=p))
    if not p.is_dir():
        raise ValueError(_("{path}: not a folder; SOURCE must be 'record', a data folder, a run folder or an ensemble folder").format(path=p))
    if (p / "history.json").is_file():
        return "run", p
    if (p / "manifest.json").is_file():
        return "ensemble", p
    if (p / "atop").is_dir() or (p / "atop5_1a.csv").is_file():
        return "data", p
    raise ValueError(_(
        "{path}: not a run folder (no history.json), an ensemble folder (no manifest.json) nor a folder of raw records "
        "(no atop/ sub-folder)"
    ).format(path=p))


def write_report(source: str | Path, out: str | Path, *, data_dir: Path | str | None = None, db: Path | str | None = None) -> tuple[str, Path]:
    """Write the report of ``source`` to ``out`` (one HTML file that opens without a network).

    Parameters
    ----------
    source : str or path
        See :func:`resolve_source`.
    out : path
        The HTML file to write.
    data_dir, db : path, optional
        Where the record is read from when ``source`` is ``record`` (as for
        :func:`foedus.data.open_record`).

    Returns
    -------
    (kind, path)
        The kind of source and the file written. Its provenance (foedus's version, the
        command, the source, the data files read with their SHA-256, the history's units) is
        written beside it as ``OUT.html.json`` (:func:`foedus.data.export.sidecar_path`).

    Raises
    ------
    ValueError, foedus.schema.SchemaError
        An unrecognised source, or data that do not fit the schema.
    RuntimeError
        An ensemble, when this installation has no ensemble modules.
    """
    kind, path = resolve_source(source)
    out = Path(out)
    if kind == "ensemble":
        written = write_ensemble_report(path, out)
        _sidecar(written, kind, path, None)
        return kind, written
    from foedus.report.history import write_history_report
    from foedus.web.sources import builtin_scenario

    if kind == "run":
        from foedus.data.runs import read_history_dir

        history = read_history_dir(path)
    elif kind == "data":
        from foedus.data import load_record

        history = load_record(path)
    else:
        from foedus.data import open_record

        history = open_record(db=db, data_dir=data_dir)
    written = Path(write_history_report(history, out, scenario=builtin_scenario(history)))
    _sidecar(written, kind, path, history)
    return kind, written


def _sidecar(out: Path, kind: str, path: Path | None, history) -> Path:
    """Write the report's provenance beside it (``OUT.html.json``)."""
    import json

    from foedus.data.export import process_command, provenance, sidecar_path, source_provenance

    meta = history.meta if history is not None else None
    record = provenance(meta.files if meta is not None else (), command=process_command(), kind="report", source_kind=kind,
                        source=str(path) if path is not None else "record",
                        source_folder=source_provenance(path) if path is not None and Path(path).is_dir() else None,
                        units=meta.units if meta is not None else None,
                        history=meta.to_dict() if meta is not None else None)
    side = sidecar_path(out)
    side.write_text(json.dumps(record, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    return side


def write_ensemble_report(ensemble_dir: Path | str, out: Path | str, *, max_pairs: int = 6) -> Path:
    """The report of an ensemble folder: bands, great-power alignments and pair probabilities.

    Drawn by :func:`foedus.report.ensemble.html_section` and :func:`foedus.report.ensemble.write_html`
    from :func:`foedus.analysis.ensemble.summary` (median and 5-95 % band per year of the
    default indicators), :func:`~foedus.analysis.ensemble.great_power_alignments` and
    :func:`~foedus.analysis.ensemble.pair_allied` for the pairs with a major power on which the
    runs disagree most (:func:`foedus.report.ensemble.moving_pairs`, at most ``max_pairs``).

    Raises
    ------
    RuntimeError
        The ensemble modules are not installed.
    ValueError, FileNotFoundError
        Not a readable ensemble folder, or one without a completed run.
    """
    try:
        from foedus.analysis import ensemble as analysis
        from foedus.report import ensemble as figures
        from foedus.data.ensemble_store import EnsembleStore
        from foedus.experiments.ensemble import ensemble_scenario
    except ImportError as e:
        raise RuntimeError(_("ensemble reports need foedus.experiments.ensemble and foedus.report.ensemble ({reason})").format(reason=e)) from e
    store = EnsembleStore.open(ensemble_dir)
    done = store.completed()
    if not done:
        raise ValueError(_("{path}: the ensemble has no completed run yet").format(path=ensemble_dir))
    sc = ensemble_scenario(store)
    m = store.manifest
    first = int(m["first_year"])
    last = first + int(m["years"]) - 1
    abb = {a.ccode: a.abb for a in sc.actors}
    # the pairs on which the runs disagree and whose share moves (a flat line, e.g. CHN-USA allied in no run, says nothing)
    pairs = {f"{abb.get(a, a)}–{abb.get(b, b)}": analysis.pair_allied(store, a, b) for a, b in figures.moving_pairs(store, max_pairs)}
    knobs = ", ".join(k.get("name", "?") for k in m.get("knobs", [])) or _("none (the runs differ by their seed only)")
    description = _(
        "{runs} completed runs of scenario '{scenario}', {first}–{last}, ensemble seed {seed}, design "
        "{design}; knobs varied: {knobs}. Data: the runs' indicators in {folder} "
        "(foedus.experiments.ensemble; measures of foedus.analysis.ensemble). Bands are empirical quantiles across runs "
        "(Hyndman & Fan 1996, definition 7); pair probabilities are shares of runs with the Jeffreys 90 % interval "
        "(Brown, Cai & DasGupta 2001)."
    ).format(runs=len(done), scenario=sc.name, first=first, last=last, seed=m.get("seed"), design=m.get("design"), knobs=knobs,
             folder=Path(ensemble_dir).name)
    section = figures.html_section(
        analysis.summary(store),
        title=_("Ensemble of scenario {scenario}").format(scenario=sc.name),
        description=description,
        alignments=analysis.great_power_alignments(store),
        pairs=pairs or None,
        state_milex=analysis.state_bands(store, "milex"),
    )
    return Path(figures.write_html(out, [section], title=_("foedus ensemble: {scenario}").format(scenario=sc.name)))
