"""Provenance of what ``foedus ensemble`` writes: the ensemble folder and its report folders.

Every output folder carries foedus's version, the command, the scenario (with the SHA-256 of
its copy, and the user's own file byte for byte when the ensemble ran from one), the seeds and
the data files read (:func:`foedus.data.export.write_folder_provenance`); each kept run's
folder gets its own from the ensemble store (:class:`foedus.data.ensemble_store.EnsembleStore`).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_ensemble_provenance", "write_report_provenance"]


def write_ensemble_provenance(out: Path, store, scenario: str | None) -> None:
    """``provenance.json`` of the ensemble folder (version, command, scenario and its SHA-256, seed), and
    the user's scenario file, byte for byte, when the ensemble was run from one (:mod:`foedus.data.export`)."""
    from foedus.data.export import process_command, record_scenario_original, write_folder_provenance
    from foedus.sim.scenario import builtin_names

    m = store.manifest
    write_folder_provenance(out, kind="ensemble", command=process_command(), scenario_name=m["scenario"], scenario_file="scenario.json",
                            scenario_source="the scenario as run (before knob values), written by foedus", seeds=[int(m["seed"])],
                            runs=int(m["runs"]), years=int(m["years"]), design=m.get("design"), knobs=m.get("knobs", []))
    if scenario is not None and str(scenario) not in builtin_names():
        record_scenario_original(out, scenario)


def write_report_provenance(report: Path, kind: str, sources: list[Path], **extra) -> None:
    """``provenance.json`` of a report folder: version, command, and each source ensemble's own
    provenance (its scenario with the SHA-256, its seed: :func:`foedus.data.export.source_provenance`)."""
    from foedus.data.export import process_command, source_provenance, write_folder_provenance

    found = [source_provenance(f) for f in sources]
    seeds = [int(x) for sp in found if sp for x in (sp.get("seeds") or [])]
    write_folder_provenance(report, kind=kind, command=process_command(), seeds=seeds, timestamp=True, sources=found, **extra)
