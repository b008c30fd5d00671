"""The compacted copy of an ensemble's tables, written while the runs land (issue 16: 10,000 runs).

An ensemble keeps one Parquet file per run and table (the unit of resumption) and, once complete,
each table *compacted* into one file, ``DIR/compacted/<table>.pq``
(:mod:`foedus.analysis.ensemble_data`), which a summary reads in seconds where 30,000 small files
take minutes. Compacting after the last run by reading the per-run files back
(:func:`foedus.experiments.ensemble.compact_ensemble`) costs about 6 ms of CPU per run, almost
all of it decoding the small files (10,000 runs: a minute of CPU, after the runs, on one core).

:class:`StreamingCompactor` writes the same file as the runs land instead: each worker also
returns its tables as Arrow IPC (uncompressed, read back at no cost), the driver keeps them
until :data:`~foedus.experiments.ensemble.COMPACT_CHUNK` consecutive runs are in and appends
them to the file as one row group, in run order, as the after-the-fact compaction does. The
file is written under a temporary name and renamed into place only when every run has landed
(an interrupted session leaves only the ``.tmp`` file, which the next session deletes; the
after-the-fact compaction then writes the copy). A session that does not start from an
empty store, or a run whose table does not match the first run's schema, leaves the copy to
the after-the-fact compaction. Memory: the runs of one chunk plus those that finished ahead
of it (about 100 MB for world-2022 x 30 years).
"""

from __future__ import annotations

import json
from typing import Mapping

from foedus.analysis.ensemble_data import RUNS_KEY, compacted_path
from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore

__all__ = ["ipc_bytes", "read_ipc", "StreamingCompactor"]


def ipc_bytes(table) -> bytes:
    """A :class:`pyarrow.Table` as Arrow IPC stream bytes (uncompressed: read back without decoding)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def read_ipc(data: bytes):
    """The :class:`pyarrow.Table` of :func:`ipc_bytes`."""
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


class StreamingCompactor:
    """Write the compacted copy of every table of ``store`` while its runs land (see the module docstring).

    Call :meth:`add` for each run as it lands (any order), then :meth:`close`.

    Parameters
    ----------
    store : EnsembleStore
        A store with no run done yet (every run of the ensemble is to come).
    chunk : int
        Runs per row group.
    """

    def __init__(self, store: EnsembleStore, chunk: int):
        self.store = store
        self.chunk = int(chunk)
        self.runs = store.runs
        self._next = 0  # the first run not yet appended
        self._pending: dict[int, dict] = {}
        self._writers: dict = {}
        self._schemas: dict = {}
        self._failed: set[str] = set()
        self._meta = {RUNS_KEY: json.dumps([[0, self.runs - 1]]).encode()}

    def _tmp(self, table: str):
        return compacted_path(self.store, table).with_name(f"{table}.pq.tmp")

    def add(self, index: int, tables: Mapping[str, bytes]) -> None:
        """Run ``index`` has landed; ``tables`` its tables as :func:`ipc_bytes`. Appends every chunk now complete."""
        self._pending[int(index)] = {t: read_ipc(tables[t]) for t in RUN_TABLES}
        while len(self._pending) and all(i in self._pending for i in range(self._next, min(self._next + self.chunk, self.runs))):
            stop = min(self._next + self.chunk, self.runs)
            part = [self._pending.pop(i) for i in range(self._next, stop)]
            for t in RUN_TABLES:
                self._append(t, [p[t] for p in part])
            self._next = stop
            if stop >= self.runs:
                break

    def _append(self, table: str, parts: list) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if table in self._failed:
            return
        try:
            chunk = pa.concat_tables(parts)
            writer = self._writers.get(table)
            if writer is None:
                path = self._tmp(table)
                path.parent.mkdir(exist_ok=True)
                schema = chunk.schema.with_metadata({**(chunk.schema.metadata or {}), **self._meta})
                writer = self._writers[table] = pq.ParquetWriter(path, schema, compression="zstd")
                self._schemas[table] = schema
            writer.write_table(chunk.replace_schema_metadata(self._schemas[table].metadata), row_group_size=max(len(chunk), 1))
        except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError):
            # runs whose tables differ in type cannot be one file: leave this table to compact_ensemble
            self._failed.add(table)
            w = self._writers.pop(table, None)
            if w is not None:
                w.close()
            self._tmp(table).unlink(missing_ok=True)

    def close(self, complete: bool) -> bool:
        """Finish: with ``complete`` (every run landed and was added) rename each file into place; else discard them.

        Returns True when every table's compacted copy was written.
        """
        ok = complete and self._next >= self.runs
        for t, w in list(self._writers.items()):
            w.close()
            if ok:
                self._tmp(t).replace(compacted_path(self.store, t))
            else:
                self._tmp(t).unlink(missing_ok=True)
        self._writers.clear()
        self._pending.clear()
        return ok and not self._failed
