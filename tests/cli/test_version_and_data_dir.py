"""`foedus --version`, and a FOEDUS_DATA_DIR that names no folder is an error that names it (issue 14)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from foedus import __version__
from foedus.cli import app
from foedus.data.paths import default_data_dir

runner = CliRunner()


def test_version_prints_the_package_version_the_data_folder_and_the_store(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(data_dir))
    monkeypatch.setenv("FOEDUS_DB", str(tmp_path / "none.duckdb"))
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == f"foedus {__version__}"
    assert f"data: {data_dir.resolve()} (from FOEDUS_DATA_DIR)" in res.output
    assert f"store: {tmp_path / 'none.duckdb'} (none" in res.output


def test_a_wrong_data_dir_is_an_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("FOEDUS_DATA_DIR", "/nonexistent")
    monkeypatch.setenv("FOEDUS_DB", str(tmp_path / "none.duckdb"))
    with pytest.raises(FileNotFoundError, match="FOEDUS_DATA_DIR=/nonexistent: does not exist"):
        default_data_dir()
    res = runner.invoke(app, ["history", "summary"])
    assert res.exit_code == 2  # it read ../shared/data and exited 0 before
    assert "FOEDUS_DATA_DIR=/nonexistent: does not exist" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 2 and "FOEDUS_DATA_DIR=/nonexistent" in res.output


def test_a_data_dir_that_is_a_file_is_named_too(tmp_path, monkeypatch):
    f = tmp_path / "records.csv"
    f.write_text("x\n", encoding="utf-8")
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(f))
    with pytest.raises(FileNotFoundError, match="is a file, not a folder"):
        default_data_dir()


def test_a_wrong_data_dir_is_an_error_even_beside_a_store(tmp_path, monkeypatch):
    from foedus.data import open_record

    db = tmp_path / "store.duckdb"
    db.write_bytes(b"")  # any file: the check comes before the store is opened
    monkeypatch.setenv("FOEDUS_DB", str(db))
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="nowhere: does not exist"):
        open_record()
