"""The local DuckDB store: round trip, idempotent re-import, atomic replacement, default location."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from foedus.data import default_db_path, import_dir, load_record, open_record, read_store, store_info
from foedus.data.store import CANONICAL, write_store
from foedus.schema import SchemaError

FIXTURES = Path(__file__).parent / "fixtures"
COW_FILE = FIXTURES / "cow_alliances" / "alliance_v4.1_by_member.csv"


def _tables(db: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {n: con.execute(f'SELECT * FROM "{n}"').df() for n in names if n != "foedus_meta"}
    finally:
        con.close()


def _assert_same_history(a, b):
    for name in CANONICAL:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)
    assert a.extras.keys() == b.extras.keys()
    for name in a.extras:
        pd.testing.assert_frame_equal(a.extras[name], b.extras[name], obj=name)
    assert (a.first_year, a.last_year) == (b.first_year, b.last_year)
    assert a.meta == b.meta


def test_real_record_round_trips_through_the_store(record, data_dir, tmp_path):
    db = tmp_path / "store.duckdb"
    info = import_dir(data_dir, db)
    assert info.path == db and info.tables["agreements"] == 789 and info.tables["atop_dyad_years"] == 273_296
    _assert_same_history(record, read_store(db))


def test_reimport_is_idempotent(mini_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    import_dir(mini_dir, db, cow_alliances=COW_FILE)
    first = _tables(db)
    import_dir(mini_dir, db, cow_alliances=COW_FILE)
    second = _tables(db)
    assert first.keys() == second.keys() and "extra_wars" in first and "foedus_files" in first
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name], obj=name)
    assert not list(tmp_path.glob(".*.tmp*"))  # no temporary file left behind


def test_failed_import_leaves_previous_store_intact(mini_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    import_dir(mini_dir, db)
    before_bytes = db.read_bytes()
    before = read_store(db)
    shutil.copy(FIXTURES / "malformed" / "atop5_1m_exit_before_entry.csv", mini_dir / "atop5_1m.csv")
    with pytest.raises(SchemaError, match="exit before entry"):
        import_dir(mini_dir, db)
    assert db.read_bytes() == before_bytes
    _assert_same_history(before, read_store(db))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "s.duckdb"]


def test_failure_while_writing_leaves_previous_store_intact(mini_dir, tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    import_dir(mini_dir, db)
    before_bytes = db.read_bytes()
    history = load_record(mini_dir)

    def swap_fails(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("foedus.data.store.os.replace", swap_fails)
    with pytest.raises(OSError, match="disk full"):
        write_store(history, db)
    assert db.read_bytes() == before_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "s.duckdb"]


def test_info_describes_the_store(mini_dir, tmp_path):
    db = tmp_path / "s.duckdb"
    import_dir(mini_dir, db, cow_alliances=COW_FILE)
    info = store_info(db)
    assert info.data_dir == str(mini_dir.resolve())
    assert info.tables["agreements"] == 5 and info.tables["memberships"] == 12 and info.tables["wars"] == 10
    assert info.files["cow_alliances"] == str(COW_FILE.resolve())
    assert info.imported_at.endswith("+00:00") and info.size_bytes > 0


def test_default_location_env_and_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("FOEDUS_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert default_db_path() == tmp_path / "home" / ".local" / "share" / "foedus" / "foedus.duckdb"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "foedus" / "foedus.duckdb"
    monkeypatch.setenv("FOEDUS_DB", str(tmp_path / "env.duckdb"))
    assert default_db_path() == tmp_path / "env.duckdb"


def test_env_var_store_is_used_by_import_and_open_record(mini_dir, tmp_path, monkeypatch):
    db = tmp_path / "via-env" / "foedus.duckdb"
    monkeypatch.setenv("FOEDUS_DB", str(db))
    import_dir(mini_dir)
    assert db.is_file()
    h = open_record()
    assert set(h.agreements["agreement_id"]) == {9001, 9002}
    assert h.source == str(mini_dir.resolve())


def test_open_record_prefers_data_dir_then_store_then_raw_files(mini_dir, tmp_path, monkeypatch, data_dir):
    db = tmp_path / "s.duckdb"
    import_dir(mini_dir, db)
    assert len(open_record(db=db).agreements) == 2
    assert len(open_record(db=db, data_dir=FIXTURES / "mini").agreements) == 2
    with pytest.raises(SchemaError, match="no foedus store"):
        open_record(db=tmp_path / "missing.duckdb")
    monkeypatch.setenv("FOEDUS_DB", str(tmp_path / "absent.duckdb"))
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(data_dir))
    assert len(open_record().agreements) == 789  # no store: the raw files of the default folder


def test_not_a_store(tmp_path):
    bad = tmp_path / "x.duckdb"
    bad.write_text("not a database")
    with pytest.raises(SchemaError, match="cannot be opened"):
        read_store(bad)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(SchemaError, match="not a foedus store"):
        read_store(other)


def test_import_of_a_missing_folder(tmp_path):
    with pytest.raises(SchemaError, match="not a folder"):
        import_dir(tmp_path / "nowhere", tmp_path / "s.duckdb")


def test_an_import_removes_what_a_killed_import_left(mini_dir, tmp_path):
    """A killed import leaves its temporary database (named by its process id); the next import removes it,
    but not that of an import still running."""
    import subprocess
    import sys

    db = tmp_path / "s.duckdb"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".s.duckdb.{gone}.tmp"
    stale.write_bytes(b"half an import")
    (tmp_path / f".s.duckdb.{gone}.tmp.wal").write_bytes(b"")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = tmp_path / f".s.duckdb.{live.pid}.tmp"
        running.write_bytes(b"an import in progress")
        import_dir(mini_dir, db)
        assert not stale.exists() and not (tmp_path / f".s.duckdb.{gone}.tmp.wal").exists()
        assert running.exists()
    finally:
        live.kill()
        live.wait()
