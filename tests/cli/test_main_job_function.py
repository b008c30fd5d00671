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
    assert "ensemble" not in summary and "validation" not in summary  # runs=0: no ensemble, no pair, no validation beside it
    assert seen == [(1873, job.reference["alliances"])]  # told once, before any ensemble
    assert stages == ["simulating europe-1871 for 3 years (seed 2)", "writing the report"]


def test_the_ensemble_varies_the_drivers_and_says_what_drives_each_headline_with_the_validation_score(tmp_path):
    from distributed import LocalCluster

    from foedus.experiments.drivers import DRIVERS

    sc = Scenario.builtin("world-2022")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=":0") as cluster:
        job = main_job(sc, tmp_path, years=3, seed=2, runs=8, pairs=[("RUS", "CHN")], scheduler=cluster.scheduler_address,
                       validation_years=2)
    manifest = json.loads((tmp_path / "ensemble" / "manifest.json").read_text())
    ranges = {k["name"]: (k["low"], k["high"]) for k in manifest["knobs"]}
    assert ranges == {f"trends.{f}": (max(0.0, round(getattr(sc.trends, f) - 0.3, 10)), min(1.0, round(getattr(sc.trends, f) + 0.3, 10))) for f in DRIVERS}
    assert manifest["design"] == "lhs"

    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    d = summary["ensemble"]["drivers"]
    keys = [h["key"] for h in d["headlines"]]
    assert keys == ["pact Russia-China", "NATO ends", "defense_pacts", "largest_bloc", "blocs", "poles", "wars", "milex"]
    assert all(h["sentence"].endswith(".") and h["overall"]["runs"] == 8 for h in d["headlines"])
    assert d["headlines"][0]["sentence"].startswith("A Russia–China defence pact forms by 2024 in ")
    assert "Monte Carlo filtering" in d["method"]

    v = summary["validation"]
    assert v["seeds"] == [1] and v["eras"] == ["1919-1938", "1990-2018"] and v["years"] == 2
    assert v["score"] == f"{v['in_range']}/{v['facts']}" and v["facts"] > 0
    report = (tmp_path / "ensemble_report.html").read_text(encoding="utf-8")
    assert "What drives each headline" in report and f"Out of sample, {v['in_range']} of {v['facts']} facts" in report
    assert "the five trend drivers vary over the runs in a Latin hypercube" in report


def test_fixed_drivers_and_no_validation(tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=":0") as cluster:
        job = main_job(Scenario.builtin("europe-1871"), tmp_path, years=3, seed=2, runs=4, scheduler=cluster.scheduler_address,
                       vary_drivers=False, validation_seeds=())
    assert json.loads((tmp_path / "ensemble" / "manifest.json").read_text())["knobs"] == []
    assert "validation" not in job.summary
    assert all(h["sentence"].endswith("no driver was varied.") for h in job.summary["ensemble"]["drivers"]["headlines"])
    assert "no knob varied, so the runs differ by their random draws only" in (tmp_path / "ensemble_report.html").read_text(encoding="utf-8")
