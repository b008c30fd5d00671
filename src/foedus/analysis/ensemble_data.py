"""An ensemble's tables read as one dataset: the per-run Parquet files, or their compacted copy.

An ensemble folder (:class:`foedus.data.ensemble_store.EnsembleStore`) keeps one Parquet file per
run and table, the unit of resumption. Reading thousands of small files costs a file open and a
footer per run (about 1-2 ms each on a laptop-class core; a summary of 10,000 runs reads four
tables), so a complete ensemble also keeps each table *compacted*: ``DIR/compacted/<table>.pq``
(Parquet), every completed run in run order, written by
the driver while the runs land (:class:`foedus.experiments.compaction.StreamingCompactor`), or
by :func:`foedus.experiments.ensemble.compact_ensemble` once the last run of a resumed ensemble lands. The ``.pq`` suffix
keeps it out of globs of ``*.parquet`` over the folder, which see the per-run files alone. Its schema metadata lists the runs it holds (``foedus_runs``, ``[first,
last]`` ranges as in the manifest); a compacted file that does not hold exactly the completed
runs (an ensemble resumed or extended since) is ignored, and the per-run files are read instead.

:func:`dataset` gives either as one :class:`pyarrow.dataset.Dataset`; :func:`read` reads a table
with its columns and states pushed down to the files. The per-run files stay the reference:
DuckDB reads them as one table with a glob::

    SELECT year, median(n_alliances) FROM read_parquet('DIR/system/*.parquet') GROUP BY year
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import pandas as pd

from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore

__all__ = ["RUNS_KEY", "open_ensemble", "compacted_path", "compacted_runs", "dataset", "read"]

RUNS_KEY = b"foedus_runs"
"""Schema metadata key of a compacted table: the runs it holds, as JSON ``[first, last]`` ranges."""


def open_ensemble(ensemble: EnsembleStore | str | Path) -> EnsembleStore:
    """``ensemble`` itself if it is an :class:`~foedus.data.ensemble_store.EnsembleStore`, else the one in that folder."""
    return ensemble if isinstance(ensemble, EnsembleStore) else EnsembleStore.open(ensemble)


def compacted_path(store: EnsembleStore, table: str) -> Path:
    """Where the compacted copy of ``table`` lives: ``DIR/compacted/<table>.pq`` (outside the per-run folder and its glob)."""
    return store.path / "compacted" / f"{table}.pq"


def compacted_runs(path: Path) -> list[list[int]] | None:
    """The runs a compacted file holds (``[first, last]`` ranges), or None when there is no such file or it is unreadable."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.is_file():
        return None
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return None
    raw = meta.get(RUNS_KEY)
    return None if raw is None else json.loads(raw)


def _check_table(table: str) -> None:
    if table not in RUN_TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(RUN_TABLES)}")


def dataset(ensemble: EnsembleStore | str | Path, table: str):
    """One table of an ensemble's completed runs as a single :class:`pyarrow.dataset.Dataset`, in run order.

    The compacted copy when it holds exactly the completed runs, else the per-run files of the
    completed runs (files of runs not yet marked done in the manifest are left out).
    """
    import pyarrow.dataset as ds

    store = open_ensemble(ensemble)
    _check_table(table)
    runs = store.completed()
    if not runs:
        raise ValueError(f"{store.path}: no completed run to read")
    path = compacted_path(store, table)
    if compacted_runs(path) == store.manifest.get("completed"):
        return ds.dataset(str(path), format="parquet")
    return ds.dataset([str(store.run_file(table, i)) for i in runs], format="parquet")


def read(ensemble: EnsembleStore | str | Path, table: str, columns: Sequence[str] | None = None, *, ccodes: Sequence[int] | None = None) -> pd.DataFrame:
    """One table across the completed runs, as :meth:`EnsembleStore.read_table <foedus.data.ensemble_store.EnsembleStore.read_table>` gives it.

    Read as one :func:`dataset`; ``columns`` (``run`` is always included) and ``ccodes`` (only
    the rows of these states) are pushed down to the Parquet files. Rows are in run order, then
    in each run's order.
    """
    import pyarrow.compute as pc

    cols = None if columns is None else ["run", *[c for c in columns if c != "run"]]
    flt = None if ccodes is None else pc.field("ccode").isin([int(c) for c in ccodes])
    return dataset(ensemble, table).to_table(columns=cols, filter=flt).to_pandas()
