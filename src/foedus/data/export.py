"""One writer for every table and network foedus exports: Parquet, CSV, Stata ``.dta``; GEXF, GraphML.

Every table command (``foedus history polarity``, ``history similarity``, ``panel ...``) and the
Python API (:func:`foedus.panel.write`) write through :func:`write_table`; networks through
:func:`write_graph`. The format comes from the file's extension unless named (``format=``,
``--format``).

Provenance travels with every file (:func:`provenance`): foedus's version, the command that
made it, the time, and the data files read with their SHA-256, plus the unit of each column
where known:

* Parquet: in the file's schema metadata under the key ``foedus`` (JSON);
* CSV: in a sidecar ``FILE.json`` beside the file (``panel.csv`` -> ``panel.csv.json``);
* Stata: the dataset label (foedus's version and what the table is, at most 80 characters),
  one variable label per column with its unit where known, and the same sidecar JSON
  (pandas cannot write Stata ``notes``).

Stata's limits, and what :func:`write_table` does about them (``pandas.DataFrame.to_stata``,
format 118):

* variable names of at most 32 characters, letters, digits and ``_``: a longer or invalid name
  is an error naming the column (nothing is renamed silently);
* no nullable integer or boolean: ``Int64``/``Int32`` become float64 (missing as Stata's
  ``.``), booleans 0/1 (``int8``; with missing values float64);
* strings with missing values are written with the missing ones empty;
* labels of at most 80 characters (longer ones are cut, the full text stays in the sidecar).

Networks: GEXF and GraphML take only scalar attributes (str, int, float, bool). A tuple, list
or set attribute (``agreements`` of :func:`foedus.analysis.network.alliance_network`) is written
as its items joined by ``;``; missing values (None, NaN) are left out of that node or edge.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from foedus import __version__

TABLE_FORMATS: dict[str, str] = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".dta": "dta"}
"""File extension -> table format."""

GRAPH_FORMATS: dict[str, str] = {".gexf": "gexf", ".graphml": "graphml"}
"""File extension -> network format."""

STATA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,31}$")
"""A valid Stata variable name: a letter or underscore, then letters, digits or underscores, 32 at most."""

META_KEY = "foedus"
"""Key of foedus's provenance in a Parquet file's schema metadata."""


def sha256_of(path: Path | str) -> str:
    """SHA-256 of a file's bytes (hex)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def provenance(
    files: Iterable[Path | str] = (),
    *,
    command: str | None = None,
    units: Mapping[str, str] | None = None,
    timestamp: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """What every exported file says about where it comes from.

    Parameters
    ----------
    files
        Data files the table was built from; each is recorded with its size (bytes) and SHA-256.
        Files that no longer exist are recorded with ``sha256`` null.
    command
        The command line that made the table (default: this process's ``sys.argv``).
    units
        Unit of each column, by column name.
    timestamp
        Record ``created`` (default). Folders that must be the same bytes for the same seed
        (a simulated run, :func:`write_folder_provenance`) leave it out.
    **extra
        Anything else worth keeping (the panel's years, the verbs applied, citations).

    Returns
    -------
    dict
        ``foedus_version``, ``created`` (UTC, ISO 8601), ``command``, ``data_files`` (list of
        ``{"path", "bytes", "sha256"}``), ``units`` and the extras; JSON-ready.
    """
    records = []
    for f in dict.fromkeys(str(Path(p).resolve()) for p in files):
        p = Path(f)
        ok = p.is_file()
        records.append({"path": f, "bytes": p.stat().st_size if ok else None, "sha256": sha256_of(p) if ok else None})
    return {
        "foedus_version": __version__,
        **({"created": datetime.now(timezone.utc).isoformat(timespec="seconds")} if timestamp else {}),
        "command": command if command is not None else " ".join(sys.argv),
        "data_files": records,
        "units": dict(units or {}),
        **extra,
    }


def table_format(path: Path | str, format: str | None = None) -> str:
    """The table format of ``path``: ``format`` if given, else from the extension (:data:`TABLE_FORMATS`).

    Raises
    ------
    ValueError
        Unknown format or extension, naming the choices.
    """
    choices = sorted(set(TABLE_FORMATS.values()))
    if format is not None:
        f = format.lower().lstrip(".")
        if f not in choices:
            raise ValueError(f"unknown table format {format!r}; choose one of {', '.join(choices)}")
        return f
    ext = Path(path).suffix.lower()
    if ext not in TABLE_FORMATS:
        raise ValueError(
            f"{path}: cannot tell the format from the extension {ext or '(none)'!r}; use one of "
            f"{', '.join(TABLE_FORMATS)} or name the format ({', '.join(choices)})"
        )
    return TABLE_FORMATS[ext]


def sidecar_path(path: Path | str) -> Path:
    """The JSON file beside a CSV or Stata export that holds its provenance (``FILE.json``)."""
    p = Path(path)
    return p.with_name(p.name + ".json")


def write_table(
    df: pd.DataFrame,
    path: Path | str,
    *,
    format: str | None = None,
    meta: Mapping[str, Any] | None = None,
    label: str | None = None,
    index: bool = False,
) -> Path:
    """Write a table as Parquet, CSV or Stata, with its provenance (see the module docstring).

    Parameters
    ----------
    df : DataFrame
    path : path
        File to write; its folder must exist.
    format : {"parquet", "csv", "dta"}, optional
        Default: from the extension.
    meta : mapping, optional
        Provenance (:func:`provenance`; default: one without data files). Its ``units``
        become Stata variable labels.
    label : str, optional
        What the table is, in a few words (Stata dataset label, after foedus's version).
    index : bool
        Write the frame's index as columns too (e.g. a table indexed by year).

    Returns
    -------
    Path of the file written.

    Raises
    ------
    ValueError
        Unknown format, or a column name Stata cannot take.
    """
    path = Path(path)
    fmt = table_format(path, format)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"{path}: folder {path.parent} does not exist")
    meta = dict(meta) if meta is not None else provenance()
    if label:
        meta.setdefault("label", label)
    out = df.reset_index() if index else df
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(out, preserve_index=False)
        md = dict(table.schema.metadata or {})
        md[META_KEY.encode()] = json.dumps(meta, default=str).encode()
        pq.write_table(table.replace_schema_metadata(md), path)
        return path
    if fmt == "csv":
        out.to_csv(path, index=False)
    else:
        stata = stata_frame(out)
        units = meta.get("units", {})
        version = f"foedus {meta.get('foedus_version', __version__)}"
        stata.to_stata(
            path,
            write_index=False,
            version=118,
            data_label=_cut(f"{version}: {label}" if label else version),
            variable_labels={c: _cut(str(units[c])) for c in stata.columns if c in units},
        )
    sidecar_path(path).write_text(json.dumps(meta, indent=1, default=str), encoding="utf-8")
    return path


def _cut(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def stata_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` in types Stata takes (see the module docstring); an invalid column name is a ValueError."""
    bad = [str(c) for c in df.columns if not STATA_NAME.match(str(c))]
    if bad:
        raise ValueError(
            f"Stata cannot take the column name(s) {', '.join(map(repr, bad))}: at most 32 letters, digits or '_', "
            "not starting with a digit; rename them or write Parquet or CSV"
        )
    out = {}
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_bool_dtype(s.dtype):
            out[c] = s.astype("float64") if s.isna().any() else s.astype("int8")
        elif pd.api.types.is_extension_array_dtype(s.dtype) and pd.api.types.is_numeric_dtype(s.dtype):
            out[c] = s.astype("float64")
        elif pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype):
            out[c] = s.astype("object").where(s.notna(), "").astype(str)
        else:
            out[c] = s
    return pd.DataFrame(out, index=df.index)


def read_meta(path: Path | str) -> dict[str, Any]:
    """The provenance of a file written by :func:`write_table` (Parquet metadata or the sidecar JSON)."""
    path = Path(path)
    if path.suffix.lower() in TABLE_FORMATS and table_format(path) == "parquet":
        import pyarrow.parquet as pq

        md = pq.read_schema(path).metadata or {}
        return json.loads(md[META_KEY.encode()]) if META_KEY.encode() in md else {}
    side = sidecar_path(path)
    return json.loads(side.read_text(encoding="utf-8")) if side.is_file() else {}


def _scalar(v: Any) -> Any:
    """A GEXF/GraphML-writable value: None for missing, ';'-joined text for collections."""
    if isinstance(v, (tuple, list, set, frozenset, np.ndarray)):
        items = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
        return ";".join(str(_scalar(x)) for x in items)
    if isinstance(v, np.generic):
        v = v.item()
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, (str, bool, int, float)):
        return v
    return str(v)


def scalar_graph(g):
    """A copy of a networkx graph whose graph, node and edge attributes are all scalars (see the module docstring)."""

    def clean(d: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in d.items():
            s = _scalar(v)
            if s is not None:
                out[str(k)] = s
        return out

    h = g.__class__()
    h.graph.update(clean(g.graph))
    h.add_nodes_from((n, clean(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((u, v, clean(d)) for u, v, d in g.edges(data=True))
    return h


def write_graph(g, path: Path | str, *, format: str | None = None, meta: Mapping[str, Any] | None = None) -> Path:
    """Write a network as GEXF (Gephi) or GraphML, attributes made scalar (:func:`scalar_graph`).

    The provenance (:func:`provenance`) goes into the sidecar ``FILE.json`` and, for GraphML
    (GEXF has no graph attributes), into the graph's attributes ``foedus_version`` and
    ``foedus_provenance`` (JSON).

    Raises
    ------
    ValueError
        Unknown format or extension.
    """
    import networkx as nx

    path = Path(path)
    choices = sorted(set(GRAPH_FORMATS.values()))
    fmt = format.lower().lstrip(".") if format else GRAPH_FORMATS.get(path.suffix.lower())
    if fmt not in choices:
        raise ValueError(f"{path}: network format must be one of {', '.join(choices)} (by extension or format=), got {format or path.suffix!r}")
    meta = dict(meta) if meta is not None else provenance()
    h = scalar_graph(g)
    h.graph["foedus_version"] = str(meta.get("foedus_version", __version__))
    h.graph["foedus_provenance"] = json.dumps(meta, default=str)
    if fmt == "gexf":
        nx.write_gexf(h, path)
    else:
        nx.write_graphml(h, path)
    sidecar_path(path).write_text(json.dumps(meta, indent=1, default=str), encoding="utf-8")
    return path


PROVENANCE_FILE = "provenance.json"
"""Name of the provenance file of an output folder (a run, the main job, an ensemble)."""


def write_folder_provenance(
    folder: Path | str,
    *,
    kind: str,
    command: str | None = None,
    scenario_name: str | None = None,
    scenario_text: str | None = None,
    scenario_source: str | None = None,
    scenario_suffix: str = ".yaml",
    scenario_file: str | None = None,
    seeds: Iterable[int] = (),
    files: Iterable[Path | str] = (),
    timestamp: bool = False,
    **extra: Any,
) -> Path:
    """Write ``provenance.json`` (and a copy of the scenario) into an output folder, atomically.

    Every output folder carries the same facts: foedus's version, the command, the scenario
    (a copy, ``scenario.yaml``, and its SHA-256), the seeds and the data files read with their
    SHA-256 (:func:`provenance`). The record is ``{"format": "foedus-provenance", "kind": ...}``
    plus those facts; ``scenario`` is ``{"name", "file", "sha256", "source"}`` or null.

    Parameters
    ----------
    folder
        The output folder (must exist).
    kind
        What the folder is: ``"run"``, ``"main"``, ``"ensemble"``, ``"report"``.
    command
        The command that wrote it (default: this process's arguments).
    scenario_name, scenario_text, scenario_source
        The scenario's name, its text (copied to ``scenario`` + ``scenario_suffix``) and where the
        text comes from (the built-in file, or "the scenario as run, written by foedus").
    scenario_file
        Instead of ``scenario_text``: the name of a file already in ``folder`` that holds the
        scenario (an ensemble's ``scenario.json``); it is recorded with its SHA-256, not copied.
    seeds
        The seeds used (of a run: one; of the main job: the reference run's and the ensemble's).
    files
        Data files read (each recorded with its size and SHA-256).
    timestamp
        Record the time of writing (default no: a run's folder is the same bytes for the same seed).
    **extra
        Further JSON-ready facts (years, runs).

    Returns
    -------
    pathlib.Path
        The provenance file.
    """
    import os

    folder = Path(folder)
    scenario = None
    if scenario_text is not None:
        copy = folder / f"scenario{scenario_suffix}"
        data = scenario_text.encode("utf-8")
        tmp = copy.with_name(copy.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, copy)
        scenario = {"name": scenario_name, "file": copy.name, "sha256": hashlib.sha256(data).hexdigest(), "source": scenario_source}
    elif scenario_file is not None:
        scenario = {"name": scenario_name, "file": scenario_file, "sha256": sha256_of(folder / scenario_file), "source": scenario_source}
    elif scenario_name is not None:
        scenario = {"name": scenario_name, "file": None, "sha256": None, "source": scenario_source}
    record = {"format": "foedus-provenance", "kind": kind,
              **provenance(files, command=command, timestamp=timestamp, scenario=scenario, seeds=[int(x) for x in seeds], **extra)}
    path = folder / PROVENANCE_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


ORIGINAL_SCENARIO = "scenario.original"
"""Stem of the byte copy of a user's scenario file in an output folder (its suffix kept)."""


def read_folder_provenance(folder: Path | str) -> dict[str, Any] | None:
    """The ``provenance.json`` record of an output folder, or None when it has none."""
    path = Path(folder) / PROVENANCE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def record_scenario_original(folder: Path | str, path: Path | str) -> Path:
    """Add a user's scenario file to an output folder's ``provenance.json``, atomically.

    The folder's ``scenario.yaml`` is the scenario as run, written back by foedus; this keeps the
    user's own file as well: a byte copy (``scenario.original`` + the file's suffix) and, under
    ``scenario.original``, ``{"path", "file", "sha256"}`` (the absolute path it was read from and
    the SHA-256 of its bytes). The folder must already hold ``provenance.json``.

    Returns
    -------
    pathlib.Path
        The provenance file.
    """
    import os

    folder, src = Path(folder), Path(path)
    record = read_folder_provenance(folder)
    if record is None:
        raise FileNotFoundError(f"{folder / PROVENANCE_FILE}: no provenance to add the scenario file to")
    data = src.read_bytes()
    copy = folder / f"{ORIGINAL_SCENARIO}{src.suffix.lower() or '.yaml'}"
    tmp = copy.with_name(copy.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, copy)
    scenario = dict(record.get("scenario") or {})
    scenario["original"] = {"path": str(src.resolve()), "file": copy.name, "sha256": hashlib.sha256(data).hexdigest()}
    record["scenario"] = scenario
    out = folder / PROVENANCE_FILE
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    return out


def source_provenance(folder: Path | str) -> dict[str, Any] | None:
    """What an output made from a run or ensemble folder (a report) records of that folder.

    ``{"folder", "kind", "foedus_version", "command", "scenario", "seeds"}`` from the folder's
    ``provenance.json``; for an ensemble written before foedus wrote one, from its
    ``manifest.json`` (scenario name, ``scenario.json`` with its SHA-256, the ensemble seed).
    None when the folder has neither.
    """
    folder = Path(folder)
    record = read_folder_provenance(folder)
    if record is not None:
        keep = ("kind", "foedus_version", "command", "scenario", "seeds")
        return {"folder": str(folder.resolve()), **{k: record.get(k) for k in keep}}
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return None
    m = json.loads(manifest.read_text(encoding="utf-8"))
    spec = folder / "scenario.json"
    scenario = {"name": m.get("scenario"), "file": spec.name if spec.is_file() else None,
                "sha256": sha256_of(spec) if spec.is_file() else None, "source": "the ensemble's scenario.json"}
    return {"folder": str(folder.resolve()), "kind": "ensemble", "foedus_version": m.get("foedus_version"), "command": None,
            "scenario": scenario, "seeds": [m["seed"]] if "seed" in m else []}


def process_command() -> str:
    """This process's command as typed: ``foedus ensemble run ...`` when run as the ``foedus`` program."""
    import shlex

    if Path(sys.argv[0]).name == "foedus":
        return " ".join(["foedus", *map(shlex.quote, sys.argv[1:])])
    return " ".join(map(shlex.quote, sys.argv))


def record_data_files(data_dir: Path | str | None = None) -> list[Path]:
    """The record's files that a scenario built from it reads (ATOP 5.1 and every source of
    :data:`foedus.data.snapshot_fields.FILES`), those present under ``data_dir`` (default
    :func:`foedus.data.default_data_dir`), for the provenance of outputs simulated from the record
    (``foedus validate``, ``foedus calibrate``)."""
    from foedus.data.paths import default_data_dir
    from foedus.data.snapshot_fields import FILES

    d = Path(data_dir) if data_dir is not None else default_data_dir()
    names = ["atop/atop5_1a.csv", "atop/atop5_1m.csv", "atop/atopinst5_1.csv", *FILES.values()]
    return [p for p in ((d / n).resolve() for n in dict.fromkeys(names)) if p.is_file()]
