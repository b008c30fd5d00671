"""`foedus data import` and `foedus data info` through the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from foedus.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_import_then_info(mini_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    r = runner.invoke(app, ["data", "import", str(mini_dir), "--db", str(db), "--cow-alliances", str(FIXTURES / "cow_alliances" / "alliance_v4.1_by_member.csv")])
    assert r.exit_code == 0, r.output
    assert "agreements" in r.stdout and "wars" in r.stdout and str(db) in r.stdout.replace("\n", "")
    r = runner.invoke(app, ["data", "info", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "Imported:" in r.stdout and "contiguity" in r.stdout
    assert "Observation window: 1850-2018" in r.stdout  # first COW fixture alliance 1850; ATOP observed to 2018


def test_bad_input_is_one_line_on_stderr_with_exit_code_2(mini_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["data", "import", str(mini_dir), "--db", str(db)]).exit_code == 0
    before = db.read_bytes()
    shutil.copy(FIXTURES / "malformed" / "atop5_1m_unknown_ccode.csv", mini_dir / "atop5_1m.csv")
    r = runner.invoke(app, ["data", "import", str(mini_dir), "--db", str(db)])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "atop5_1m.csv, line 3, column 'ccode': unknown state code 999" in lines[0]
    assert r.stdout == "" and db.read_bytes() == before


def test_missing_store_and_missing_files(tmp_path):
    r = runner.invoke(app, ["data", "info", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no foedus store" in r.stderr
    r = runner.invoke(app, ["data", "import", str(tmp_path), "--db", str(tmp_path / "s.duckdb")])
    assert r.exit_code == 2 and "no file for 'states'" in r.stderr
    r = runner.invoke(app, ["data", "import", str(FIXTURES / "mini"), "--db", str(tmp_path / "s.duckdb"), "--cow-alliances", str(tmp_path / "nope.csv")])
    assert r.exit_code == 2 and "nope.csv: file not found" in r.stderr


def test_env_var_names_the_store(mini_dir, tmp_path, monkeypatch):
    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("FOEDUS_DB", str(db))
    assert runner.invoke(app, ["data", "import", str(mini_dir)]).exit_code == 0
    assert db.is_file()
    r = runner.invoke(app, ["data", "info"])
    assert r.exit_code == 0 and "env.duckdb" in r.stdout.replace("\n", "")  # the terminal may wrap a long path


def test_help_texts():
    for args in (["data", "--help"], ["data", "import", "--help"], ["data", "info", "--help"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 0 and "store" in r.stdout


def test_an_infinite_state_code_is_refused_with_exit_code_2_naming_file_line_and_column(mini_dir, tmp_path):
    path = mini_dir / "majors2016.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    rows[2] = "inf," + rows[2].split(",", 1)[1]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["data", "import", str(mini_dir), "--db", str(tmp_path / "s.duckdb")])
    assert r.exit_code == 2, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "majors2016.csv, line 3, column 'ccode': not a finite whole number: inf" in lines[0], r.stderr
    assert "Traceback" not in r.output
