"""An ensemble on disk: one Parquet file per run and table, a manifest, and resumption.

Layout of an ensemble folder ``DIR``::

    manifest.json              what was asked (scenario, runs, years, seed, design, knobs),
                               which runs are done, and bookkeeping (see below)
    scenario.json              the scenario every run starts from (exact, pydantic JSON)
    experiments.parquet        one row per run: run, seed, and the value of every knob
    system/run-000000.parquet  per-year indicators of run 0 (foedus.analysis.ensemble)
    states/run-000000.parquet  per-state-year indicators of run 0
    alliances/run-000000.parquet  membership spells of run 0 (foedus.schema.runs.RunRecord)
    histories/run-000000/      the whole history of run 0 (only with keep_histories)

Every file of a run carries a ``run`` column, so ``pandas.read_parquet(DIR / "system")`` or
DuckDB's ``read_parquet('DIR/system/*.parquet')`` reads a table across runs.

Writes are atomic: each file is written under a temporary name and renamed into place
(``os.replace``), and the manifest is rewritten the same way after each run has landed. A run
counts as done when the manifest lists it; a run whose files landed but which the manifest does
not list yet (the process died in between) is simply run again on resume, and gives the same
bytes. Nothing is lost or duplicated: every run has one file per table, named by its index.

``completed`` in the manifest is a list of ``[first, last]`` ranges of run indices, so the
manifest stays small for any number of runs.

The store knows files, not models: the scenario arrives as its JSON text (and leaves as it,
:meth:`EnsembleStore.scenario_json`), so this module needs nothing from :mod:`foedus.sim`; the
runs are written by :mod:`foedus.experiments.runner`.
"""

from __future__ import annotations

import bisect
import io
import json
import os
import time
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

import foedus
from foedus.schema.display import count, names, repr_html, repr_text

__all__ = ["FORMAT", "VERSION", "RUN_TABLES", "SPEC_KEYS", "EnsembleStore", "table_bytes", "parquet_bytes", "run_table"]

FORMAT = "foedus-ensemble"
VERSION = 1
RUN_TABLES: tuple[str, ...] = ("system", "states", "alliances")
"""Tables written for every run."""

SPEC_KEYS: tuple[str, ...] = ("scenario", "scenario_sha256", "runs", "years", "first_year", "seed", "design", "knobs", "keep_histories", "outcomes")
"""Manifest entries that define an ensemble; a resume must match them all (``outcomes``: the
qualified name of the function that computed each run's tables)."""

DEFAULT_OUTCOMES = "foedus.experiments.ensemble.indicator_tables"
"""The ``outcomes`` of an ensemble whose manifest predates that entry (they all used the default)."""


def table_bytes(df: pd.DataFrame) -> bytes:
    """A table as Parquet bytes (zstd, dictionary pages for categorical columns only, no index: :func:`parquet_bytes`). The bytes depend only on the table's contents."""
    import pyarrow as pa

    return parquet_bytes(pa.Table.from_pandas(df, preserve_index=False))


def parquet_bytes(table) -> bytes:
    """A :class:`pyarrow.Table` (as :func:`table_bytes` converts a DataFrame) as the Parquet bytes :func:`table_bytes` gives.

    zstd, with dictionary pages for the dictionary (categorical) columns alone: a run's tables are small (30 to a few
    thousand rows), zstd finds their repeats, and dictionary pages for every column cost a fifth of the writing (2.8 ->
    2.3 ms of a world-2022 run's three tables) and made the files larger. Every column reads back the same, as Arrow and
    as pandas (a categorical column's dictionary is written as it is, so its readers get the same categories in order).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", use_dictionary=[f.name for f in table.schema if pa.types.is_dictionary(f.type)])
    return buf.getvalue()


_RUN_SCHEMAS: dict = {}
"""The Arrow schema (with its pandas metadata) of each shape of run table :func:`run_table` has converted."""


def run_table(df: pd.DataFrame, index: int):
    """``df`` with a first column ``run`` (``index``, int64) as the :class:`pyarrow.Table` of ``pyarrow.Table.from_pandas``.

    The same table, schema and pandas metadata as ``df.insert(0, "run", ...)`` then
    ``pyarrow.Table.from_pandas(df, preserve_index=False, nthreads=1)`` (so the same Parquet
    bytes), without inserting the column into ``df`` or rebuilding the pandas metadata of every run:
    an ensemble's runs give tables of the same columns and dtypes, whose schema is built by
    ``from_pandas`` the first time and kept; each column is converted as ``from_pandas`` converts it
    (``pyarrow.array`` of its values, ``from_pandas=True``). A table whose converted columns' types differ
    from the kept schema's (an object column of no string, an empty table) goes through
    ``from_pandas``. About 0.2 ms a run of world-2022 instead of 3.5 (``insert`` and ``from_pandas``).
    """
    import pyarrow as pa

    n = len(df)
    run = np.full(n, int(index), dtype=np.int64)
    # the columns' values (numpy arrays, Categoricals), without a Series each (pandas' own iterator when it has it)
    it = getattr(df, "_iter_column_arrays", None)
    values = list(it()) if it is not None else [col._values for _, col in df.items()]
    key = (tuple(df.columns), df.columns.name, str(df.columns.dtype), tuple(v.dtype for v in values))
    schema = _RUN_SCHEMAS.get(key) if n else None
    if schema is not None:
        # pyarrow converts the values as it converts the Series (from_pandas=True: NaN and None are nulls)
        arrays = [pa.array(run)] + [pa.array(v, from_pandas=True) for v in values]
        if all(a.type == f.type for a, f in zip(arrays, schema)):
            return pa.Table.from_arrays(arrays, schema=schema)
    df = df.copy(deep=False)
    df.insert(0, "run", run)
    table = pa.Table.from_pandas(df, preserve_index=False, nthreads=1)
    if n:
        _RUN_SCHEMAS[key] = table.schema
    return table


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def _ranges(indices: Iterable[int]) -> list[list[int]]:
    """Sorted run indices as ``[first, last]`` ranges: ``[0, 1, 2, 5] -> [[0, 2], [5, 5]]``."""
    a = np.unique(np.fromiter(indices, dtype=np.int64))
    if not len(a):
        return []
    breaks = np.flatnonzero(np.diff(a) != 1)
    starts = np.concatenate([[a[0]], a[breaks + 1]])
    ends = np.concatenate([a[breaks], [a[-1]]])
    return [[int(s), int(e)] for s, e in zip(starts, ends)]


def _add_to_ranges(ranges: list[list[int]], index: int) -> None:
    """Add ``index`` (not yet in them) to sorted ``[first, last]`` ranges in place, as :func:`_ranges` would list them.

    An ensemble's driver rewrites the manifest after every run; listing the ranges anew from the
    set of done runs costs time in proportion to the runs done (1.5 ms at 10,000), this a few
    microseconds (a test holds it to :func:`_ranges`).
    """
    k = bisect.bisect_right(ranges, [index, float("inf")])  # the ranges starting at or before index come first
    left = k > 0 and ranges[k - 1][1] == index - 1
    right = k < len(ranges) and ranges[k][0] == index + 1
    if left and right:
        ranges[k - 1][1] = ranges[k][1]
        del ranges[k]
    elif left:
        ranges[k - 1][1] = index
    elif right:
        ranges[k][0] = index
    else:
        ranges.insert(k, [index, index])


def _from_ranges(ranges: Sequence[Sequence[int]]) -> set[int]:
    out: set[int] = set()
    for r in ranges:
        out.update(range(int(r[0]), int(r[1]) + 1))
    return out


class EnsembleStore:
    """An ensemble folder (see the module docstring): create, resume, write runs, read tables.

    Use :meth:`create` for a new ensemble and :meth:`open` for an existing one.

    Attributes
    ----------
    path : pathlib.Path
    manifest : dict
    session : dict or None
        What the last :func:`~foedus.experiments.ensemble.run_ensemble` or
        :func:`~foedus.experiments.ensemble.resume_ensemble` call on this object ran (``runs``,
        ``wall_seconds``, ``scheduler``, ``workers``, ``threads``; also appended to the
        manifest's ``sessions``), or None: nothing was left to run, or no run was asked here.
    """

    def __init__(self, path: Path | str, manifest: dict):
        self.path = Path(path)
        self.manifest = manifest
        self.session: dict | None = None
        self._done: set[int] = _from_ranges(manifest.get("completed", []))
        self._spans: list[list[int]] | None = None  # _ranges(self._done), kept up to date by write_run once listed

    def _summary(self) -> tuple[str, list[tuple[str, str]]]:
        """The title and labelled facts that ``repr`` and ``_repr_html_`` show."""
        m = self.manifest
        knobs = [f"{k['name']} {k['low']:g}\u2013{k['high']:g}" for k in m.get("knobs", [])]
        return str(self.path), [
            ("scenario", repr(m.get("scenario"))), ("runs", f"{len(self._done):,} of {int(m['runs']):,} done"),
            ("years", f"{m.get('first_year')}, {count(int(m.get('years', 0)), 'year')}"), ("seed", str(m.get("seed"))),
            ("design", str(m.get("design"))), ("knobs", names(knobs) or "none"),
        ]

    __repr__ = repr_text  # one line; no table is read
    _repr_html_ = repr_html  # the same as a small table, for notebooks

    # ------------------------------------------------------------------ creation
    @classmethod
    def create(cls, path: Path | str, spec: Mapping, scenario_json: str, experiments: pd.DataFrame) -> "EnsembleStore":
        """Start a new ensemble in ``path`` (created if needed; must not hold one already).

        Parameters
        ----------
        path : folder
        spec : mapping
            The entries of :data:`SPEC_KEYS`.
        scenario_json : str
            The scenario every run starts from (before knobs are applied), as JSON text
            (written as ``scenario.json``; its digest is the spec's ``scenario_sha256``).
        experiments : DataFrame
            One row per run: ``run``, ``seed`` and the knob columns.

        Raises
        ------
        FileExistsError
            ``path`` already holds an ensemble.
        """
        path = Path(path)
        if (path / "manifest.json").exists():
            raise FileExistsError(f"{path}: already holds an ensemble (manifest.json); resume it or choose another folder")
        missing = [k for k in SPEC_KEYS if k not in spec]
        if missing:
            raise ValueError(f"ensemble spec lacks {', '.join(missing)}")
        path.mkdir(parents=True, exist_ok=True)
        for t in RUN_TABLES:
            (path / t).mkdir(exist_ok=True)
        _atomic_write(path / "scenario.json", scenario_json.encode("utf-8"))
        _atomic_write(path / "experiments.parquet", table_bytes(experiments))
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            **{k: spec[k] for k in SPEC_KEYS},
            "tables": list(RUN_TABLES),
            "foedus_version": foedus.__version__,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "completed": [],
            "runs_done": 0,
            "compute_seconds": 0.0,
        }
        store = cls(path, manifest)
        store._write_manifest()
        return store

    @classmethod
    def open(cls, path: Path | str) -> "EnsembleStore":
        """Open an existing ensemble folder.

        Raises
        ------
        FileNotFoundError
            No ``manifest.json`` in ``path``.
        ValueError
            The manifest is not a foedus ensemble manifest (names the file and the reason).
        """
        path = Path(path)
        mf = path / "manifest.json"
        if not mf.is_file():
            raise FileNotFoundError(f"{path}: not an ensemble folder (no manifest.json)")
        try:
            manifest = json.loads(mf.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise ValueError(f"{mf}, line {e.lineno}: not valid JSON ({e.msg})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError(f"{mf}: not a foedus ensemble manifest (format must be {FORMAT!r})")
        if int(manifest.get("version", 0)) > VERSION:
            raise ValueError(f"{mf}: ensemble format version {manifest.get('version')} is newer than this foedus reads ({VERSION})")
        missing = [k for k in SPEC_KEYS if k not in manifest]
        if missing:
            raise ValueError(f"{mf}: missing field(s) {', '.join(missing)}")
        return cls(path, manifest)

    def check_spec(self, spec: Mapping) -> None:
        """Raise ValueError naming every entry of ``spec`` that differs from this ensemble's."""
        diffs = []
        for k in SPEC_KEYS:
            have = self.manifest.get(k, DEFAULT_OUTCOMES if k == "outcomes" else None)
            if k in spec and _norm(spec[k]) != _norm(have):
                diffs.append(f"{k}: ensemble has {have!r}, asked {spec[k]!r}")
        if diffs:
            raise ValueError(f"{self.path}: cannot resume a different ensemble ({'; '.join(diffs)})")

    # ------------------------------------------------------------------ progress
    @property
    def runs(self) -> int:
        """Number of runs the ensemble asks for."""
        return int(self.manifest["runs"])

    def completed(self) -> list[int]:
        """Indices of the runs done, sorted."""
        return sorted(self._done)

    def missing(self) -> list[int]:
        """Indices of the runs still to do (asked for, not in the manifest, or with a file gone)."""
        gone = {i for i in self._done if not all(self.run_file(t, i).exists() for t in RUN_TABLES)}
        if gone:
            self._done -= gone
            self._spans = None
        return [i for i in range(self.runs) if i not in self._done]

    def clean_partial(self) -> int:
        """Delete temporary files left by an interrupted write; return how many."""
        n = 0
        for p in self.path.rglob("*.tmp"):
            p.unlink(missing_ok=True)
            n += 1
        return n

    # ------------------------------------------------------------------ writing
    def run_file(self, table: str, index: int) -> Path:
        """Path of ``table``'s file for run ``index``."""
        width = max(6, len(str(self.runs - 1)))
        return self.path / table / f"run-{index:0{width}d}.parquet"

    def history_dir(self, index: int) -> Path:
        """Folder of run ``index``'s whole history (``keep_histories``)."""
        width = max(6, len(str(self.runs - 1)))
        return self.path / "histories" / f"run-{index:0{width}d}"

    def write_run(self, index: int, tables: Mapping[str, bytes], *, history=None, seconds: float = 0.0) -> None:
        """Write run ``index``'s tables (Parquet bytes) atomically, then mark it done in the manifest.

        Parameters
        ----------
        index : int
        tables : mapping of table name to Parquet bytes (all of :data:`RUN_TABLES`)
        history : History, optional
            Written with :func:`foedus.data.runs.write_history_dir` under
            :meth:`history_dir` before the run is marked done.
        seconds : float
            Compute time of the run (summed in the manifest's ``compute_seconds``).
        """
        if not 0 <= index < self.runs:
            raise ValueError(f"run index {index} outside 0..{self.runs - 1}")
        absent = [t for t in RUN_TABLES if t not in tables]
        if absent:
            raise ValueError(f"run {index}: missing table(s) {', '.join(absent)}")
        for t in RUN_TABLES:
            _atomic_write(self.run_file(t, index), tables[t])
        if history is not None:
            from foedus.data.runs import write_history_dir

            write_history_dir(history, self.history_dir(index))
            self._write_run_provenance(index, history)
        if int(index) not in self._done:
            self._done.add(int(index))
            if self._spans is not None:
                _add_to_ranges(self._spans, int(index))
        self.manifest["compute_seconds"] = float(self.manifest.get("compute_seconds", 0.0)) + float(seconds)
        self._write_manifest()

    def _write_run_provenance(self, index: int, history) -> None:
        """``provenance.json`` of a kept run's folder: foedus's version, the command, the ensemble's
        scenario (``../../scenario.json`` with its SHA-256), the run's seed and knob values
        (:func:`foedus.data.export.write_folder_provenance`; no timestamp: same seed, same bytes)."""
        from foedus.data.export import process_command, write_folder_provenance

        row = self.experiments(completed_only=False).set_index("run").loc[int(index)]
        folder = self.history_dir(index)
        meta = getattr(history, "meta", None)
        seed = meta.seed if meta is not None and meta.seed is not None else int(row["seed"])
        write_folder_provenance(
            folder, kind="ensemble run", command=process_command(), scenario_name=self.manifest.get("scenario"),
            scenario_file="../../scenario.json", scenario_source="the ensemble's scenario (before this run's knob values)",
            seeds=[int(seed)], run=int(index), knobs={k: float(row[k]) for k in self.knob_names()},
            years=self.manifest.get("years"),
        )

    def record_session(self, session: dict) -> None:
        """Keep what one run or resume call ran as :attr:`session` and append it to the manifest's ``sessions``.

        Parameters
        ----------
        session : dict
            ``runs``, ``wall_seconds``, ``scheduler``, ``workers``, ``threads`` (JSON values).
        """
        self.session = session
        self.manifest.setdefault("sessions", []).append(session)
        self._write_manifest()

    def _write_manifest(self) -> None:
        if self._spans is None:
            self._spans = _ranges(self._done)
        self.manifest["completed"] = [list(r) for r in self._spans]
        self.manifest["runs_done"] = len(self._done)
        self.manifest["updated"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        _atomic_write(self.path / "manifest.json", (json.dumps(self.manifest, indent=1) + "\n").encode("utf-8"))

    # ------------------------------------------------------------------ reading
    def scenario_json(self) -> str:
        """The scenario the runs start from (before knobs), as the JSON text written by :meth:`create`."""
        return (self.path / "scenario.json").read_text(encoding="utf-8")

    def experiments(self, completed_only: bool = True) -> pd.DataFrame:
        """The design: one row per run with ``run``, ``seed`` and the knob values."""
        df = pd.read_parquet(self.path / "experiments.parquet")
        if completed_only:
            df = df[df["run"].isin(self._done)].reset_index(drop=True)
        return df

    def knob_names(self) -> list[str]:
        """Qualified names of the knobs varied in this ensemble."""
        return [k["name"] for k in self.manifest.get("knobs", [])]

    def read_table(self, table: str, runs: Iterable[int] | None = None, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One table across runs (default: all completed runs), sorted by run.

        Parameters
        ----------
        table : one of :data:`RUN_TABLES`
        runs : iterable of int, optional
        columns : sequence of str, optional
            Columns to read (``run`` is always included).
        """
        if table not in RUN_TABLES:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(RUN_TABLES)}")
        idx = sorted(self._done if runs is None else set(runs))
        if not idx:
            raise ValueError(f"{self.path}: no completed run to read")
        import pyarrow.parquet as pq
        import pyarrow as pa

        cols = None if columns is None else ["run", *[c for c in columns if c != "run"]]
        parts = [pq.read_table(self.run_file(table, i), columns=cols) for i in idx]
        return pa.concat_tables(parts).to_pandas()


def _norm(v):
    """JSON round trip, so that tuples and lists, ints and floats of equal value compare equal."""
    return json.loads(json.dumps(v))
