"""An import killed at random moments never breaks the store, and importing again gives the same store (issue 13).

The kill is simulated in process at a call drawn at random (seeded) among every call the
import makes into DuckDB (connect, each table's register/create/unregister, the checkpoint,
close), its removal of files and its ``os.replace`` of the new database into place (before and
after). There the process "dies": the call raises :class:`Killed` (a BaseException, which
nothing catches), and every later one raises it too before doing anything, so no ``finally`` of
the dying import cleans up, as with SIGKILL. Its temporary database is then given the process id
of a process that has ended, as a real kill leaves it.

After each kill the store must be whole (the previous one, or none, or the new one), and the
documented resume, ``foedus data import DIR`` again, must give the same tables as an import
never interrupted, with no temporary file left beside the store.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from foedus.data import store
from foedus.data.store import import_dir, store_info

KILL_POINTS, KILL_SEED = 10, 1312


class Killed(BaseException):
    """The process dies here (not an Exception: nothing may catch it)."""


class Clock:
    """Counts the import's calls; at call ``k`` the process dies, and stays dead."""

    def __init__(self, k: int | None = None):
        self.k, self.calls, self.dead, self.connections = k, 0, False, []

    def tick(self) -> None:
        if self.dead:
            raise Killed
        k, self.calls = self.calls, self.calls + 1
        if k == self.k:
            self.dead = True
            raise Killed


class _Connection:
    """A DuckDB connection whose every call is a moment the process may die."""

    def __init__(self, real, clock: Clock):
        self._real, self._clock = real, clock

    def __getattr__(self, name):
        attr = getattr(self._real, name)
        if not callable(attr):
            return attr

        def call(*a, **kw):
            self._clock.tick()
            return attr(*a, **kw)

        return call


def _hooked(monkeypatch, clock: Clock) -> None:
    real_connect, real_replace, real_remove = duckdb.connect, os.replace, store._remove

    def connect(*a, **kw):
        clock.tick()
        con = real_connect(*a, **kw)
        clock.connections.append(con)
        return _Connection(con, clock) if not kw.get("read_only") else con

    def replace(a, b):
        clock.tick()
        real_replace(a, b)
        clock.tick()

    def remove(p):
        clock.tick()
        real_remove(p)

    monkeypatch.setattr(store.duckdb, "connect", connect)
    monkeypatch.setattr(store.os, "replace", replace)
    monkeypatch.setattr(store, "_remove", remove)


def _dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout)


def table_digests(db: Path) -> dict[str, str]:
    """SHA-256 of every table's rows, in a fixed order (the time of import left out)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for (name,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall():
            where = " WHERE key <> 'imported_at'" if name == "foedus_meta" else ""
            rows = con.execute(f'SELECT * FROM "{name}"{where} ORDER BY ALL').fetchall()
            out[name] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return out
    finally:
        con.close()


@pytest.fixture
def reference(mini_dir, tmp_path):
    """An import never interrupted (of the same folder: the store records where its files were), and how many calls it makes."""
    db = tmp_path / "ref" / "s.duckdb"
    clock = Clock()
    mp = pytest.MonkeyPatch()
    try:
        _hooked(mp, clock)
        import_dir(mini_dir, db)
    finally:
        mp.undo()
    return db, table_digests(db), clock.calls


def kill_and_import_again(data_dir: Path, db: Path, k: int, reference: dict[str, str], previous: Path | None, monkeypatch) -> None:
    if previous is not None:
        db.write_bytes(previous.read_bytes())
    clock = Clock(k)
    _hooked(monkeypatch, clock)
    with pytest.raises(Killed):
        import_dir(data_dir, db)
    monkeypatch.undo()
    for con in clock.connections:  # the dead process's files are closed by the system
        con.close()
    dead = _dead_pid()
    for p in db.parent.glob(f".{db.name}.{os.getpid()}.tmp*"):
        p.rename(p.with_name(p.name.replace(f".{os.getpid()}.", f".{dead}.")))
    if db.exists():  # the store is whole: the previous one or the new one, never half of either
        assert table_digests(db) == reference and store_info(db).tables["agreements"] > 0, k
    else:
        assert previous is None, k
    import_dir(data_dir, db)  # the documented resume: the same import again
    assert table_digests(db) == reference, k
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name], k


def test_an_import_killed_at_random_moments_never_breaks_the_store(mini_dir, tmp_path, reference, monkeypatch):
    ref_db, digests, calls = reference
    assert calls >= 30  # every table's register, create and unregister, and the rest
    rng = random.Random(KILL_SEED)
    points = sorted({0, calls - 1, *rng.sample(range(calls), KILL_POINTS - 2)})
    for n, k in enumerate(points):
        folder = tmp_path / f"kill-{k}"
        folder.mkdir()
        kill_and_import_again(mini_dir, folder / "s.duckdb", k, digests, ref_db if n % 2 else None, monkeypatch)
