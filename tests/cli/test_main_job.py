"""`foedus main` (what `./dev run` runs): a reference run and its report, an ensemble and its report, a summary.

Tiny sizes through the options (3 simulated years, 3 runs); the ensemble runs on an in-process
Dask cluster the job reaches with --scheduler, as it would a remote one.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from typer.testing import CliRunner

from foedus.cli import app
from foedus.data.runs import read_history_dir

WIDE = {"COLUMNS": "200"}  # rich wraps table cells at the terminal's width


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def _ok(result):
    assert result.exit_code == 0, result.output
    return result


def _row(output: str, label: str) -> str:
    """The value cell of a rich table row whose first cell starts with ``label``."""
    m = re.search(rf"│ {re.escape(label)}\s*│\s*(.*?)\s*│", output)
    assert m, f"no row {label!r} in\n{output}"
    return m.group(1)


def test_main_job_writes_reference_run_ensemble_and_reports(tmp_path, scheduler):
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["main", "--scenario", "europe-1871", "--years", "3", "--seed", "2", "--runs", "3", "--out", str(out), "--scheduler", scheduler,
            "--validation-seeds", "0"]
    r = _ok(runner.invoke(app, args, env=WIDE))

    # the reference run, in the canonical tables, and its report
    h = read_history_dir(out / "run")
    assert (h.first_year, h.last_year) == (1871, 1873) and h.source == "simulation:europe-1871:seed=2"
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "Alliances in a simulated world: europe-1871, seed 2, 1871–1873" in report
    assert "world wars" not in report and "1991, dissolution" not in report  # not drawn for 1871-1873

    # the ensemble and its report
    manifest = json.loads((out / "ensemble" / "manifest.json").read_text())
    assert manifest["runs_done"] == 3 and manifest["years"] == 3 and manifest["seed"] == 2
    ens = (out / "ensemble_report.html").read_text(encoding="utf-8")
    assert "<svg" in ens and "Ensemble: europe-1871, 1871–1873" in ens and "3 runs of the scenario europe-1871" in ens

    # summary.json: the reference run's measures and the ensemble's headline
    s = json.loads((out / "summary.json").read_text())
    assert s["scenario"] == "europe-1871" and s["seed"] == 2 and s["first_year"] == 1871
    e = s["ensemble"]
    assert e["runs"] == 3 and e["last_year"] == 1873
    alliances = e["indicators"]["alliances"]
    assert alliances["q05"] <= alliances["median"] <= alliances["q95"]
    assert {a["power"] for a in e["great_power_alignments"]} >= {"UKG", "FRN", "GMY"}
    assert e["pairs"] == {}  # no China in 1871: no Russia-China pair

    # every folder carries its provenance: version, command, the scenario's copy and hash, the seeds
    from foedus import __version__

    assert s["foedus_version"] == __version__ and s["provenance"] == "provenance.json"
    for folder, kind in ((out, "main"), (out / "run", "run"), (out / "ensemble", "ensemble")):
        p = json.loads((folder / "provenance.json").read_text())
        assert p["kind"] == kind and p["foedus_version"] == __version__ and p["seeds"] == [2], folder
        assert p["command"].startswith("foedus main --out") and "--scenario europe-1871 --years 3 --seed 2 --runs 3" in p["command"], p["command"]  # run/ too
        copy = (folder / p["scenario"]["file"]).read_bytes()
        assert p["scenario"]["name"] == "europe-1871" and hashlib.sha256(copy).hexdigest() == p["scenario"]["sha256"]
    assert json.loads((out / "ensemble" / "provenance.json").read_text())["runs"] == 3

    # the terminal summary names states by abbreviation (and superpowers by name), never by COW code
    names = dict(zip(h.states["ccode"], h.states["abb"]))
    last = h.state_years[h.state_years["year"] == h.last_year]
    supers = [names[c] for c in last.loc[last["tier"] == "superpower", "ccode"]]
    assert supers, "europe-1871 was chosen for its superpower (UKG)"
    cell = _row(r.output, "superpowers in 1873")
    assert all(a in cell for a in supers) and "United Kingdom" in cell and not re.search(r"\b\d{2,3}\b", cell)
    assert not re.search(r"\b\d{2,3}\b", _row(r.output, "great powers in 1873"))
    assert "alliances in force" in r.output and "% of runs]" in r.output
    assert re.search(r"│ UKG\s*│ .*(bloc|no bloc) \d+%", r.output)
    assert "ensemble_report.html" in r.output
    # what drives each headline, one sentence each (the drivers vary by default)
    assert "What drives each headline" in r.output and "The number of defence blocs in 1873 is" in r.output
    assert "Validation." not in r.output  # --validation-seeds 0


def test_main_job_without_ensemble_replaces_an_earlier_one(tmp_path, scheduler):
    out = tmp_path / "out"
    runner = CliRunner()
    _ok(runner.invoke(app, ["main", "--scenario", "europe-1871", "--years", "3", "--seed", "2", "--runs", "2", "--out", str(out), "--scheduler", scheduler,
                                  "--validation-seeds", "0"]))
    assert (out / "ensemble_report.html").is_file()
    # the README's other example, shortened, with --no-ensemble: the earlier ensemble goes
    r = _ok(runner.invoke(app, ["main", "--scenario", "bipolar-1950", "--years", "5", "--seed", "7", "--out", str(out), "--no-ensemble"], env=WIDE))
    assert not (out / "ensemble").exists() and not (out / "ensemble_report.html").exists()
    s = json.loads((out / "summary.json").read_text())
    assert "ensemble" not in s and s["scenario"] == "bipolar-1950" and s["last_year"] == 1954
    assert "validation" not in s and "Validation." not in r.output  # the reference run only
    assert "superpowers in 1954" in r.output and "ensemble:" not in r.output
    # a folder the job did not write is never removed
    (out / "ensemble").mkdir()
    (out / "ensemble" / "notes.txt").write_text("mine")
    r = runner.invoke(app, ["main", "--scenario", "europe-1871", "--years", "3", "--seed", "2", "--runs", "0", "--out", str(out)])
    assert r.exit_code == 2 and "is not a foedus ensemble" in r.output
    assert (out / "ensemble" / "notes.txt").read_text() == "mine"


def test_main_job_help_documents_the_options():
    r = _ok(CliRunner().invoke(app, ["main", "--help"], env=WIDE))
    for option in ("--scenario", "--years", "--seed", "--runs", "--no-ensemble", "--workers", "--scheduler", "--out", "--fixed-drivers",
                   "--validation-seeds"):
        assert option in r.output
    assert "min(2, cores)" in r.output and "ensemble_report.html" in r.output
