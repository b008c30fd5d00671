"""Every output folder carries its provenance (issue 14): foedus's version, the command, the scenario
(a copy and its SHA-256, and a user's own scenario file byte for byte), the seeds and the data files'
SHA-256. One test per command: simulate, ensemble run (and each kept run's folder), ensemble summary
--report, ensemble compare --report, report (of a run and of an ensemble), history report --run,
validate --report, calibrate; `main` is tested in tests/cli/test_main_job.py and tests/sim/test_run_provenance.py.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from typer.testing import CliRunner

from foedus import __version__
from foedus.cli import app
from foedus.data.export import sidecar_path

runner = CliRunner()


def _ok(result):
    assert result.exit_code == 0, result.output
    return result


def _json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def user_file(tmp_path_factory, tiny):
    """A user's own scenario file: a comment and the tiny scenario (foedus writes it back without the comment)."""
    path = tmp_path_factory.mktemp("sc") / "mine.yaml"
    path.write_text("# my scenario, as I wrote it\n" + tiny.to_yaml(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ensemble(tmp_path_factory, scheduler, user_file):
    out = tmp_path_factory.mktemp("ens") / "ens"
    _ok(runner.invoke(app, ["ensemble", "run", "--scenario", str(user_file), "--runs", "2", "--years", "3", "--seed", "4", "--out", str(out),
                            "--scheduler", scheduler, "--keep-histories", "--quiet"]))
    return out


def _original_recorded(p: dict, folder, user_file) -> None:
    orig = p["scenario"]["original"]
    assert orig["path"] == str(user_file.resolve()) and orig["sha256"] == _sha(user_file)
    assert (folder / orig["file"]).read_bytes() == user_file.read_bytes()


def test_simulate_from_a_users_file_keeps_it_byte_for_byte(tmp_path, user_file):
    out = tmp_path / "run"
    _ok(runner.invoke(app, ["simulate", "--scenario", str(user_file), "--years", "2", "--seed", "3", "--out", str(out), "--quiet"]))
    p = _json(out / "provenance.json")
    assert p["foedus_version"] == __version__ and p["seeds"] == [3] and p["command"]
    assert p["scenario"]["sha256"] == _sha(out / "scenario.yaml")  # the scenario as run
    _original_recorded(p, out, user_file)


def test_ensemble_folder_and_each_kept_run_folder(ensemble, user_file):
    p = _json(ensemble / "provenance.json")
    assert (p["kind"], p["foedus_version"], p["seeds"], p["runs"], p["years"]) == ("ensemble", __version__, [4], 2, 3)
    assert p["scenario"]["file"] == "scenario.json" and p["scenario"]["sha256"] == _sha(ensemble / "scenario.json") and p["command"]
    _original_recorded(p, ensemble, user_file)
    seeds = []
    for run in sorted((ensemble / "histories").iterdir()):
        r = _json(run / "provenance.json")
        meta = _json(run / "history.json")["meta"]
        assert r["kind"] == "ensemble run" and r["foedus_version"] == __version__ and r["seeds"] == [meta["seed"]]
        assert r["scenario"]["sha256"] == _sha(ensemble / "scenario.json") and r["years"] == 3 and "created" not in r
        seeds.append(r["seeds"][0])
    assert len(seeds) == 2 and len(set(seeds)) == 2  # each run its own seed


def test_ensemble_summary_and_compare_reports(ensemble, tmp_path):
    _ok(runner.invoke(app, ["ensemble", "summary", str(ensemble), "--report", str(tmp_path / "s")]))
    p = _json(tmp_path / "s" / "provenance.json")
    assert p["kind"] == "ensemble report" and p["foedus_version"] == __version__ and p["seeds"] == [4]
    assert p["sources"][0]["scenario"]["sha256"] == _sha(ensemble / "scenario.json")
    _ok(runner.invoke(app, ["ensemble", "compare", str(ensemble), str(ensemble), "--report", str(tmp_path / "c")]))
    c = _json(tmp_path / "c" / "provenance.json")
    assert c["kind"] == "ensemble comparison report" and c["seeds"] == [4, 4] and len(c["sources"]) == 2 and "bootstrap_seed" in c


def test_report_of_an_ensemble_and_of_a_run_name_their_source(ensemble, tmp_path):
    _ok(runner.invoke(app, ["report", str(ensemble), str(tmp_path / "e.html")]))
    e = _json(sidecar_path(tmp_path / "e.html"))
    assert e["foedus_version"] == __version__ and e["source_folder"]["seeds"] == [4]
    assert e["source_folder"]["scenario"]["sha256"] == _sha(ensemble / "scenario.json")
    run = sorted((ensemble / "histories").iterdir())[0]
    _ok(runner.invoke(app, ["history", "report", "--run", str(run), str(tmp_path / "r.html")]))
    r = _json(sidecar_path(tmp_path / "r.html"))
    assert r["source_folder"]["seeds"] == _json(run / "provenance.json")["seeds"] and r["command"].startswith("foedus history report")


def test_validate_report_and_calibrate_record_seeds_and_the_records_files(tmp_path, data_dir):
    _ok(runner.invoke(app, ["validate", "--eras", "1990-2018", "--seeds", "1", "--first-seed", "6", "--years", "2", "--report", str(tmp_path / "v.html")]))
    v = _json(sidecar_path(tmp_path / "v.html"))
    assert v["kind"] == "validation report" and v["foedus_version"] == __version__ and v["seeds"] == [6] and v["eras"] == ["1990-2018"]
    atop = next(f for f in v["data_files"] if f["path"].endswith("atop5_1m.csv"))
    assert atop["sha256"] == _sha(data_dir / "atop" / "atop5_1m.csv") and v["command"]
    assert "built from the record" in v["scenario"]["source"]
    _ok(runner.invoke(app, ["calibrate", "--trials", "1", "--seeds", "1", "--years", "2", "--out", str(tmp_path / "cal"), "--parameters", "exit_rate"]))
    c = _json(tmp_path / "cal" / "provenance.json")
    assert c["kind"] == "calibration" and c["seeds"] == [1] and c["trials"] == 1 and c["sampler_seed"] == 1 and c["fitted"] == ["exit_rate"]
    assert any(f["path"].endswith("atop5_1a.csv") and len(f["sha256"]) == 64 for f in c["data_files"])


def test_main_from_a_users_file_keeps_it_in_every_folder(tmp_path, user_file):
    out = tmp_path / "main"
    _ok(runner.invoke(app, ["main", "--scenario", str(user_file), "--years", "2", "--seed", "2", "--no-ensemble", "--out", str(out)]))
    for folder in (out, out / "run"):
        p = _json(folder / "provenance.json")
        assert p["foedus_version"] == __version__ and p["seeds"] == [2] and p["scenario"]["sha256"] == _sha(folder / "scenario.yaml")
        _original_recorded(p, folder, user_file)
