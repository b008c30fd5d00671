"""A history on disk: one Parquet file per canonical table plus ``history.json``.

Simulated runs are written in this layout (``foedus simulate --out DIR``) and any history can be
read back with :func:`read_history_dir`, so ``foedus history ... --run DIR`` measures a simulated
world with the same code as the record.

Layout of ``DIR``::

    history.json            {"first_year": int, "last_year": int, "source": str, "format": 1,
                             "meta": HistoryMeta.to_dict() (provenance and units), if the history has one}
    states.parquet          \
    state_years.parquet      |
    agreements.parquet       |  canonical tables (foedus.schema.TABLES)
    memberships.parquet      |
    events.parquet          /
    extra_<name>.parquet    auxiliary tables (History.extras), optional
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from foedus.schema.provenance import HistoryMeta
from foedus.schema import History, SchemaError, validate

HISTORY_TABLES = ("states", "state_years", "agreements", "memberships", "events")
FORMAT_VERSION = 1


def write_history_dir(history: History, out: Path | str) -> Path:
    """Write ``history`` to folder ``out`` (created if needed) in the layout above.

    Every file is written to a temporary name and renamed into place, so an interrupted write
    never leaves a half-written table under its final name. The bytes written depend only on
    the tables' contents.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in HISTORY_TABLES:
        df = validate(getattr(history, name), name, source=f"{history.source}:{name}")
        _atomic_parquet(df, out / f"{name}.parquet")
    for name, df in history.extras.items():
        _atomic_parquet(df.reset_index(drop=True), out / f"extra_{name}.parquet")
    meta = {"first_year": int(history.first_year), "last_year": int(history.last_year), "source": history.source, "format": FORMAT_VERSION}
    if history.meta is not None:
        meta["meta"] = history.meta.to_dict()
    tmp = out / "history.json.tmp"
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, out / "history.json")
    return out


def _atomic_parquet(df: pd.DataFrame, path: Path) -> None:
    tmp = path.with_suffix(".parquet.tmp")
    df.to_parquet(tmp, index=False, compression="zstd")
    os.replace(tmp, path)


def read_history_dir(path: Path | str) -> History:
    """Read a history written by :func:`write_history_dir`.

    Raises
    ------
    SchemaError
        If ``history.json`` or a table is missing, or a table does not fit the schema.
    """
    path = Path(path)
    meta_path = path / "history.json"
    if not meta_path.is_file():
        raise SchemaError(str(path), "not a foedus history folder (no history.json)")
    try:
        meta = json.loads(meta_path.read_text())
        first, last = int(meta["first_year"]), int(meta["last_year"])
        provenance = HistoryMeta.from_dict(meta["meta"]) if "meta" in meta else None
    except (ValueError, KeyError, TypeError) as e:
        raise SchemaError(str(meta_path), f"malformed ({e})") from e
    tables = {}
    for name in HISTORY_TABLES:
        f = path / f"{name}.parquet"
        if not f.is_file():
            raise SchemaError(str(f), "missing table file")
        tables[name] = validate(pd.read_parquet(f), name, source=str(f))
    extras = {p.stem[len("extra_"):]: pd.read_parquet(p) for p in sorted(path.glob("extra_*.parquet"))}
    return History(**tables, first_year=first, last_year=last, source=str(meta.get("source", path)), extras=extras, meta=provenance)
