"""The main job as a function (foedus.cli.job.main_job): what it writes and returns, without the command."""

from __future__ import annotations

import json

from foedus.cli.job import MainJob, main_job
from foedus.sim import Scenario


def test_reference_run_alone_writes_run_report_and_summary(tmp_path):
    stages, seen = [], []

    class Stage:
        def __init__(self, text):
            stages.append(text)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    job = main_job(Scenario.builtin("europe-1871"), tmp_path, years=3, seed=2, runs=0, pairs=[("RUS", "CHN")],
                   stage=Stage, on_reference=lambda history, measures: seen.append((history.last_year, measures["alliances"])))
    assert isinstance(job, MainJob) and job.history.source == "simulation:europe-1871:seed=2"
    assert (tmp_path / "run" / "history.json").is_file() and (tmp_path / "report.html").is_file()
    assert not (tmp_path / "history_report.html").exists()  # renamed to report.html
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary == job.summary and summary["scenario"] == "europe-1871" and summary["seed"] == 2
    assert "ensemble" not in summary  # runs=0: no ensemble, and so no pair
    assert seen == [(1873, job.reference["alliances"])]  # told once, before any ensemble
    assert stages == ["simulating europe-1871 for 3 years (seed 2)", "writing the report"]
