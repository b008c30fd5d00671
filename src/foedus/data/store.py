"""The local store: the historical record imported once into a DuckDB database.

``foedus data import DIR`` reads the raw files once (:func:`foedus.data.load_record`), checks
everything, and writes one DuckDB file; every later command reads that file
(:func:`open_record`) instead of parsing CSVs again.

Where the store lives (:func:`foedus.data.paths.default_db_path`): ``--db PATH``, else the
environment variable ``FOEDUS_DB``, else ``$XDG_DATA_HOME/foedus/foedus.duckdb``, else
``~/.local/share/foedus/foedus.duckdb``.

Contents of the database:

* the canonical tables of :mod:`foedus.schema` under their own names (``states``,
  ``state_years``, ``agreements``, ``memberships``, ``events``);
* each auxiliary table of ``History.extras`` as ``extra_<name>`` (see
  :mod:`foedus.data.extras_schema`);
* ``foedus_meta`` (``key``, ``value`` as JSON): format version, observation window, source
  folder, time of import, foedus version, and ``history_meta``: the history's
  :class:`~foedus.schema.provenance.HistoryMeta` (provenance and units; stores imported before it existed
  lack it, and their record reads back with ``meta`` None);
* ``foedus_files`` (``table_name``, ``path``, ``bytes``, ``sha256``): the raw files read.

Guarantees: an import builds the new database under a temporary name beside the old one and
renames it into place only after every table validated and was written, so a failed import
leaves the previous store untouched. Re-importing the same files gives the same tables (only
``imported_at`` changes).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from foedus import __version__
from foedus.data.extras_schema import EXTRAS
from foedus.data.paths import ENV_DATA_DIR, default_data_dir, default_db_path
from foedus.data.record import load_record, record_files
from foedus.schema.provenance import HistoryMeta
from foedus.schema import History, SchemaError, validate

STORE_FORMAT = 1
"""Version of the database layout; bumped when it changes incompatibly."""

CANONICAL = ("states", "state_years", "agreements", "memberships", "events")
"""Canonical tables kept in the store (``dyad_years`` is derived, never stored)."""

EXTRA_PREFIX = "extra_"


@dataclass
class StoreInfo:
    """What a store holds: where it is, when and from what it was imported, rows per table."""

    path: Path
    imported_at: str
    data_dir: str
    first_year: int
    last_year: int
    foedus_version: str
    format: int
    tables: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    @property
    def size_bytes(self) -> int:
        """Size of the database file in bytes."""
        return self.path.stat().st_size


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _tables(history: History) -> dict[str, pd.DataFrame]:
    out = {name: validate(getattr(history, name), name, source=f"{history.source}:{name}") for name in CANONICAL}
    for name, df in history.extras.items():
        spec = EXTRAS.get(name)
        out[EXTRA_PREFIX + name] = validate(df, spec, source=f"{history.source}:{name}") if spec else df.reset_index(drop=True)
    return out


def write_store(history: History, db_path: Path | str | None = None, files: dict[str, Path] | None = None) -> Path:
    """Write ``history`` to a DuckDB store, replacing any store at ``db_path`` atomically.

    Parameters
    ----------
    history
        The history to store (validated again before anything is written).
    db_path
        Database file; defaults to :func:`~foedus.data.paths.default_db_path`.
    files
        Raw files the history was read from, by table, recorded with their SHA-256.

    Returns
    -------
    Path of the database.
    """
    db_path = Path(db_path) if db_path is not None else default_db_path()
    tables = _tables(history)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    _remove_stale_imports(db_path)
    _remove(tmp)
    meta = {
        "format": STORE_FORMAT,
        "first_year": int(history.first_year),
        "last_year": int(history.last_year),
        "data_dir": str(history.source),
        "source": str(history.source),
        "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "foedus_version": __version__,
    }
    if history.meta is not None:
        meta["history_meta"] = history.meta.to_dict()
    file_rows = pd.DataFrame(
        [
            {"table_name": t, "path": str(Path(p).resolve()), "bytes": Path(p).stat().st_size, "sha256": _sha256(Path(p))}
            for t, p in sorted((files or {}).items())
        ],
        columns=["table_name", "path", "bytes", "sha256"],
    )
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name, df in tables.items():
                con.register("incoming", df)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                con.unregister("incoming")
            meta_df = pd.DataFrame({"key": list(meta), "value": [json.dumps(v) for v in meta.values()]})
            con.register("incoming", meta_df)
            con.execute("CREATE TABLE foedus_meta AS SELECT * FROM incoming")
            con.unregister("incoming")
            con.register("incoming", file_rows)
            con.execute("CREATE TABLE foedus_files AS SELECT * FROM incoming")
            con.unregister("incoming")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _remove(Path(str(db_path) + ".wal"))
        os.replace(tmp, db_path)
    finally:
        _remove(tmp)
    return db_path


def _remove_stale_imports(db_path: Path) -> None:
    """Remove the temporary databases of imports into ``db_path`` whose process is gone (killed).

    Each import builds ``.NAME.PID.tmp`` beside the store and moves it into place at the end; a
    killed import leaves its file behind. An import still running (its process alive) is left
    alone.
    """
    for p in db_path.parent.glob(f".{db_path.name}.*.tmp"):
        pid = p.name[len(db_path.name) + 2 : -len(".tmp")]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            _remove(p)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def import_dir(
    data_dir: Path | str,
    db_path: Path | str | None = None,
    cow_alliances: Path | str | None = None,
) -> StoreInfo:
    """Import the raw records in ``data_dir`` into the store at ``db_path``.

    Reads and validates everything first (:func:`~foedus.data.load_record`), then writes a new
    database and swaps it in (:func:`write_store`). Importing the same files again gives the
    same tables.

    Parameters
    ----------
    data_dir
        Folder laid out like ``../shared/data`` or holding the publishers' file names.
    db_path
        Database file; defaults to :func:`~foedus.data.paths.default_db_path`.
    cow_alliances
        Optional user-supplied ``alliance_v4.1_by_member.csv`` (COW Formal Alliances v4.1).

    Returns
    -------
    StoreInfo of the new store.

    Raises
    ------
    SchemaError
        If any file does not fit; the previous store, if any, is left as it was.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise SchemaError(str(data_dir), "not a folder")
    history = load_record(data_dir.resolve(), cow_alliances=cow_alliances)
    path = write_store(history, db_path, files=record_files(data_dir, cow_alliances))
    return store_info(path)


def _connect(db_path: Path | str | None) -> tuple[Path, duckdb.DuckDBPyConnection]:
    path = Path(db_path) if db_path is not None else default_db_path()
    if not path.is_file():
        raise SchemaError(str(path), "no foedus store here; create one with 'foedus data import DIR'")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as e:
        raise SchemaError(str(path), f"cannot be opened as a DuckDB database ({e})") from e
    return path, con


def _meta(con: duckdb.DuckDBPyConnection, path: Path) -> dict:
    try:
        rows = con.execute("SELECT key, value FROM foedus_meta").fetchall()
    except duckdb.Error as e:
        raise SchemaError(str(path), "not a foedus store (no foedus_meta table)") from e
    meta = {k: json.loads(v) for k, v in rows}
    if meta.get("format") != STORE_FORMAT:
        raise SchemaError(str(path), f"store format {meta.get('format')} is not {STORE_FORMAT}; import the records again")
    return meta


def store_info(db_path: Path | str | None = None) -> StoreInfo:
    """Describe the store at ``db_path`` (default :func:`~foedus.data.paths.default_db_path`).

    Raises
    ------
    SchemaError
        If there is no store there or it is not a foedus store.
    """
    path, con = _connect(db_path)
    try:
        meta = _meta(con, path)
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]
        counts = {}
        for n in [*CANONICAL, *sorted(n for n in names if n.startswith(EXTRA_PREFIX))]:
            if n in names:
                counts[n.removeprefix(EXTRA_PREFIX)] = int(con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0])
        files = dict(con.execute("SELECT table_name, path FROM foedus_files ORDER BY table_name").fetchall())
    finally:
        con.close()
    return StoreInfo(
        path=path,
        imported_at=meta["imported_at"],
        data_dir=meta["data_dir"],
        first_year=int(meta["first_year"]),
        last_year=int(meta["last_year"]),
        foedus_version=meta["foedus_version"],
        format=int(meta["format"]),
        tables=counts,
        files=files,
    )


def read_store(db_path: Path | str | None = None) -> History:
    """Read the record from the store at ``db_path`` into a :class:`~foedus.schema.History`.

    Every table is validated again on the way in (canonical tables against
    :data:`foedus.schema.TABLES`, auxiliary ones against
    :data:`foedus.data.extras_schema.EXTRAS`).

    Raises
    ------
    SchemaError
        If there is no store, it is not a foedus store, or a table does not fit.
    """
    path, con = _connect(db_path)
    try:
        meta = _meta(con, path)
        names = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        tables = {}
        for name in CANONICAL:
            if name not in names:
                raise SchemaError(f"{path}:{name}", "missing table")
            tables[name] = validate(con.execute(f'SELECT * FROM "{name}"').df(), name, source=f"{path}:{name}")
        extras = {}
        for n in sorted(x for x in names if x.startswith(EXTRA_PREFIX)):
            name = n.removeprefix(EXTRA_PREFIX)
            df = con.execute(f'SELECT * FROM "{n}"').df()
            extras[name] = validate(df, EXTRAS[name], source=f"{path}:{n}") if name in EXTRAS else df
    finally:
        con.close()
    return History(
        **tables,
        first_year=int(meta["first_year"]),
        last_year=int(meta["last_year"]),
        source=str(meta.get("source", path)),
        extras=extras,
        meta=HistoryMeta.from_dict(meta["history_meta"]) if "history_meta" in meta else None,
    )


def open_record(db: Path | str | None = None, data_dir: Path | str | None = None) -> History:
    """The historical record, from wherever it is.

    * ``data_dir`` given: read the raw files there (:func:`~foedus.data.load_record`);
    * ``db`` given: read that store (an error if there is none);
    * otherwise the default store (:func:`~foedus.data.paths.default_db_path`, which honours
      ``FOEDUS_DB``) if it exists, else the raw files in
      :func:`~foedus.data.paths.default_data_dir`.

    Raises
    ------
    SchemaError
        If a named store is missing or anything read does not fit.
    FileNotFoundError
        If neither a store nor a folder of raw records can be found, or ``FOEDUS_DATA_DIR``
        names no folder.
    """
    if data_dir is not None:
        return load_record(data_dir)
    if db is not None:
        return read_store(db)
    if os.environ.get(ENV_DATA_DIR):
        default_data_dir()  # a FOEDUS_DATA_DIR that names no folder is an error, even when a store exists
    path = default_db_path()
    if path.is_file():
        return read_store(path)
    return load_record(default_data_dir())
