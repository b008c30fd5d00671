"""Reading the inputs of ``foedus landscape`` and ``foedus balance`` from CSV files.

:mod:`foedus.theory` does no I/O; these readers turn user files into the arrays it takes, and
reject bad input with a :class:`~foedus.schema.SchemaError` that names the file, the line (1-based,
the header being line 1) and the column.

File formats
------------
Actors (``actor,size``)
    One row per actor: a unique name and a positive size (e.g. a CINC share).
Propensities (square matrix)
    The first row and the first column hold the actor names (the top-left cell is ignored);
    cell (row i, column j) is the propensity of i and j. Rows and columns may come in any order,
    but both must list exactly the actors of the actors file. The diagonal may be empty (it is
    ignored); every other cell must be a number and the matrix must be symmetric.
Signed edges (``source,target,sign``)
    One row per tie, undirected; ``sign`` is ``+1``/``1``/``+`` (friendly) or ``-1``/``-``
    (hostile). A pair may appear only once (in either direction) and never with itself.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from foedus.theory.landscape import propensity_from_ratings

__all__ = ["read_actors", "read_propensities", "read_signed_edges"]


def _error(source: str, reason: str, *, row: int | None = None, column: str | None = None) -> ValueError:
    """A :class:`~foedus.schema.SchemaError`, imported only when a file is bad.

    :mod:`foedus.schema` brings pandas, which ``foedus landscape`` does not need to read a good
    file: its start-up is most of its time (``benchmarks/landscape_vs_r.py``).
    """
    from foedus.schema import SchemaError

    return SchemaError(source, reason, row=row, column=column)


def read_actors(path: str | Path) -> tuple[list[str], np.ndarray]:
    """Actor names and sizes from a CSV with columns ``actor,size``.

    Returns
    -------
    names : list of str
    sizes : numpy.ndarray of float
    """
    src = str(path)
    rows = _read_rows(Path(path))
    if not rows:
        raise _error(src, "file is empty")
    header = rows[0][1]
    twice = sorted({c for c in header if c and header.count(c) > 1})
    if twice:
        raise _error(src, f"column '{twice[0]}' appears twice in the header row", row=rows[0][0], column=twice[0])
    missing = [c for c in ("actor", "size") if c not in header]
    if missing:
        raise _error(src, f"missing column(s): {', '.join(missing)}", column=missing[0])
    ia, iz = header.index("actor"), header.index("size")
    if len(rows) == 1:
        raise _error(src, "no actors listed")
    # data row k is line k + 2, blank lines not counted (as read by foedus.data.csvio.read_csv)
    records = [(k + 2, r[ia] if ia < len(r) else "", r[iz] if iz < len(r) else "") for k, (_, r) in enumerate(rows[1:])]
    first_line: dict[str, int] = {}
    for line, name, _ in records:
        if name == "":
            raise _error(src, "empty actor name", row=line, column="actor")
        if name in first_line:
            raise _error(src, f"actor '{name}' is listed twice (first on line {first_line[name]})", row=line, column="actor")
        first_line[name] = line
    sizes = np.array([_number(size) for _, _, size in records], dtype=float)
    bad = ~np.isfinite(sizes) | (sizes <= 0)
    if bad.any():
        line, name, size = records[int(np.flatnonzero(bad)[0])]
        raise _error(src, f"size must be a positive number, got '{size}' for actor '{name}'", row=line, column="size")
    return [name for _, name, _ in records], sizes


def _number(text: str) -> float:
    """``text`` as a number, NaN when it is not one (as :func:`pandas.to_numeric` with ``errors="coerce"``)."""
    try:
        return float(text) if "_" not in text else float("nan")
    except ValueError:
        return float("nan")


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The non-blank rows of a CSV file, each with its line number (1-based) and its stripped cells."""
    src = str(path)
    if not path.is_file():
        raise _error(src, "file not found")
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = [(k + 1, [c.strip() for c in r]) for k, r in enumerate(csv.reader(fh))]
    except (UnicodeDecodeError, csv.Error, OSError) as e:
        raise _error(src, f"cannot be read as CSV ({e})") from e
    return _without_trailing_delimiter([(ln, r) for ln, r in rows if any(r)])


def _without_trailing_delimiter(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Drop the empty last columns that a delimiter at the end of every line makes (``a,b,``).

    A column is dropped only when its header cell and every cell below it are empty, so a
    missing value in a real column is still reported where it is.
    """
    if not rows:
        return rows
    width = max(len(r) for _, r in rows)
    keep = width
    while keep > 1 and all(len(r) < keep or r[keep - 1] == "" for _, r in rows):
        keep -= 1
    return rows if keep == width else [(ln, r[:keep]) for ln, r in rows]


def read_propensities(path: str | Path, actors: list[str], *, midpoint: float | None = None) -> np.ndarray:
    """A square propensity matrix, reordered to ``actors``, as an (n, n) float array.

    Parameters
    ----------
    path : str or Path
        CSV whose first row and first column are actor names (see the module docstring).
    actors : list of str
        Actor names, in the order of the result (from :func:`read_actors`).
    midpoint : float, optional
        When given, the cells are ratings with this neutral midpoint and the propensity is
        ``rating - midpoint`` (:func:`foedus.theory.landscape.propensity_from_ratings`).

    Returns
    -------
    numpy.ndarray, shape (n, n)
        Symmetric, zero diagonal.
    """
    path = Path(path)
    src = str(path)
    rows = _read_rows(path)
    if not rows:
        raise _error(src, "file is empty")
    header_line, header = rows[0]
    cols = header[1:]
    body = rows[1:]
    known = set(actors)
    seen: dict[str, int] = {}
    for c in cols:
        if c == "":
            raise _error(src, "empty actor name in the header row", row=header_line)
        if c not in known:
            raise _error(src, f"unknown actor '{c}' in the header row (not in the actors file)", row=header_line, column=c)
        if c in seen:
            raise _error(src, f"actor '{c}' appears twice in the header row", row=header_line, column=c)
        seen[c] = 1
    missing = [a for a in actors if a not in seen]
    if missing:
        raise _error(src, f"the header row lacks actor(s) {', '.join(repr(m) for m in missing)}", row=header_line)
    n = len(cols)
    if len(body) != n:
        where = body[n][0] if len(body) > n else (body[-1][0] if body else header_line)
        raise _error(src, f"matrix is not square: {n} actor columns but {len(body)} data rows", row=where)
    pos = {a: k for k, a in enumerate(actors)}
    M = np.full((n, n), np.nan)
    row_line: dict[str, int] = {}
    for ln, r in body:
        name = r[0]
        if name not in known:
            raise _error(src, f"unknown actor '{name}' in the first column (not in the actors file)", row=ln)
        if name in row_line:
            raise _error(src, f"actor '{name}' has two rows (first on line {row_line[name]})", row=ln)
        row_line[name] = ln
        if len(r) - 1 != n:
            raise _error(src, f"row of '{name}' has {len(r) - 1} values, expected {n} (matrix is not square)", row=ln)
        i = pos[name]
        for c, cell in zip(cols, r[1:]):
            j = pos[c]
            if i == j:
                if cell != "":
                    try:
                        float(cell)
                    except ValueError:
                        raise _error(src, f"non-numeric value '{cell}'", row=ln, column=c) from None
                continue
            if cell == "":
                raise _error(src, f"missing propensity between '{name}' and '{c}'", row=ln, column=c)
            try:
                v = float(cell)
            except ValueError:
                raise _error(src, f"non-numeric value '{cell}'", row=ln, column=c) from None
            if not np.isfinite(v):
                raise _error(src, f"value '{cell}' is not a finite number", row=ln, column=c)
            M[i, j] = v
    np.fill_diagonal(M, 0.0)
    scale = max(float(np.abs(M).max()), 1.0)
    asym = np.abs(M - M.T) > 1e-12 * scale
    if asym.any():
        i, j = np.argwhere(asym)[0]
        a, b = actors[i], actors[j]
        raise _error(
            src,
            f"matrix is not symmetric: '{a}'-'{b}' is {M[i, j]:g} but '{b}'-'{a}' is {M[j, i]:g} "
            f"(line {row_line[b]})",
            row=row_line[a], column=b,
        )
    if midpoint is not None:
        M = propensity_from_ratings(M, midpoint)
    return M


_SIGNS = {"+": 1, "-": -1, "+1": 1, "1": 1, "-1": -1, "1.0": 1, "+1.0": 1, "-1.0": -1}


MAX_SIGNED_NODES = 5000
"""Largest signed network ``foedus balance`` reads: the triad census and the partition search
work on dense n × n matrices (5,000 actors: 25 million pairs)."""


def read_signed_edges(path: str | Path) -> tuple[list[str], np.ndarray]:
    """Node names and the signed adjacency matrix from an edge list ``source,target,sign``.

    Returns
    -------
    names : list of str
        Nodes in order of first appearance.
    signs : numpy.ndarray of int8, shape (n, n)
        Symmetric, entries -1/0/+1, zero diagonal.
    """
    import pandas as pd

    from foedus.data.csvio import read_csv

    src = str(path)
    df = read_csv(Path(path), ["source", "target", "sign"], dtype=str, keep_default_na=False)
    if df.empty:
        raise _error(src, "no edges listed")
    line = df.index.to_numpy() + 2
    s = df["source"].str.strip().to_numpy()
    t = df["target"].str.strip().to_numpy()
    for col, vals in (("source", s), ("target", t)):
        empty = vals == ""
        if empty.any():
            raise _error(src, f"empty {col} name", row=int(line[np.flatnonzero(empty)[0]]), column=col)
    loop = s == t
    if loop.any():
        k = int(np.flatnonzero(loop)[0])
        raise _error(src, f"self-loop: '{s[k]}' tied to itself", row=int(line[k]), column="target")
    sign = df["sign"].str.strip().map(_SIGNS)
    bad = sign.isna().to_numpy()
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise _error(
            src, f"sign must be +1 or -1 (or '+' / '-'), got '{df['sign'].iloc[k]}'", row=int(line[k]), column="sign"
        )
    names = list(dict.fromkeys(np.column_stack([s, t]).ravel().tolist()))
    codes = pd.Index(names)
    a = codes.get_indexer(s)
    b = codes.get_indexer(t)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = pd.Series(lo.astype(np.int64) * len(names) + hi)
    dup = key.duplicated().to_numpy()
    if dup.any():
        k = int(np.flatnonzero(dup)[0])
        first = int(line[np.flatnonzero((key == key.iloc[k]).to_numpy())[0]])
        raise _error(
            src, f"duplicate edge '{s[k]}'-'{t[k]}' (already given on line {first})", row=int(line[k])
        )
    if len(names) > MAX_SIGNED_NODES:
        raise _error(
            src, f"{len(names):,} actors: structural balance here handles at most {MAX_SIGNED_NODES:,} "
            "(its search holds every pair of actors in memory); split the network into its parts"
        )
    S = np.zeros((len(names), len(names)), dtype=np.int8)
    v = sign.to_numpy(dtype=np.int8)
    S[a, b] = v
    S[b, a] = v
    return names, S
