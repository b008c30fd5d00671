"""Reading raw CSV files with errors that name the file."""

from __future__ import annotations

import csv
import gzip
import re
import zlib
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from foedus.schema import SchemaError, validate


def read_csv(path: Path, required: list[str], **kw) -> pd.DataFrame:
    """Read a CSV (plain or gzipped) and check that ``required`` columns are present.

    Raises :class:`~foedus.schema.SchemaError` naming the file for unreadable files and
    missing columns. Data row ``i`` (0-based) of the result is line ``i + 2`` of the file.
    """
    path = Path(path)
    if not path.is_file():
        raise SchemaError(str(path), "not a regular file" if path.exists() else "file not found")
    _check_not_truncated(path)
    try:
        header = _header(path)
        df = pd.read_csv(path, low_memory=False, **kw)
    except (pd.errors.ParserError, UnicodeDecodeError, EOFError, OSError, zlib.error, csv.Error) as e:
        row = None
        if isinstance(e, pd.errors.ParserError):
            said = re.search(r"line (\d+)", str(e))
            row = int(said.group(1)) if said else _first_ragged_row(path)
        raise SchemaError(str(path), f"cannot be read as CSV ({str(e).strip()})", row=row) from e
    except pd.errors.EmptyDataError as e:
        raise SchemaError(str(path), "file is empty") from e
    if not isinstance(df.index, pd.RangeIndex):
        # pandas made the first column the index: some data row has more cells than the header
        df = _without_extra_cells(path, len(header), kw)
    names = [c.strip() for c in header]
    twice = next((c for k, c in enumerate(names) if c and c in names[:k]), None)
    if twice is not None:
        # pandas would rename the second one (``sign.1``) and read the first silently
        raise SchemaError(str(path), f"column '{twice}' appears twice in the header row", row=1, column=twice)
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise SchemaError(str(path), f"missing column(s): {', '.join(missing)}", column=missing[0])
    return df


def _without_extra_cells(path: Path, width: int, kw: dict) -> pd.DataFrame:
    """The table read again when data rows are wider than the header: only a delimiter at their end is allowed.

    ``a,b`` then ``1,2,`` is the CSV dialect's trailing delimiter (an empty last cell), read as
    if it were absent; a row with a real cell beyond the header is refused at its line.
    """
    import warnings

    with _open_text(path) as f:
        reader = csv.reader(f)
        next(reader, None)
        for row in reader:
            if len(row) > width and any(c.strip() for c in row[width:]):
                raise SchemaError(str(path), f"a row with {len(row)} cells under a header of {width}", row=reader.line_num)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.ParserWarning)  # only empty cells are dropped, checked above
        return pd.read_csv(path, low_memory=False, index_col=False, **kw)


def _open_text(path: Path):
    """``path`` opened as UTF-8 text for :mod:`csv` (gunzipped when it ends in ``.gz``)."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    return opener(path, "rt", encoding="utf-8-sig", newline="")


def _header(path: Path) -> list[str]:
    """The cells of the first line of a CSV file (plain or gzipped), as the file has them."""
    with _open_text(path) as f:
        return next(csv.reader(f), [])


def _first_ragged_row(path: Path) -> int | None:
    """Line of the first row that has another number of cells than the header or spans several lines (an open quote).

    Where pandas' parser fails without saying where ("buffer overflow caught").
    """
    try:
        with _open_text(path) as f:
            reader = csv.reader(f)
            width = len(next(reader, []))
            start = reader.line_num + 1
            for row in reader:
                if len(row) != width or reader.line_num != start:
                    return start
                start = reader.line_num + 1
    except (OSError, UnicodeDecodeError, csv.Error, EOFError, zlib.error):
        return None
    return None


def _check_not_truncated(path: Path) -> None:
    """Refuse a plain CSV whose last line has no line end: a download or copy cut mid-row.

    Every file the publishers distribute ends its last row with a line end; a file cut short
    would otherwise read as valid, its last figure shortened (a milex of 522461 read as 52246).
    A gzipped file cut short fails to decompress instead.
    """
    if path.suffix.lower() == ".gz":
        return
    with open(path, "rb") as f:
        f.seek(0, 2)
        if f.tell() == 0:
            return  # empty: reported as such by the reader
        f.seek(-1, 2)
        last = f.read(1)
    if last not in (b"\n", b"\r"):
        with open(path, "rb") as f:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1
        raise SchemaError(str(path), "the last line has no line end: the file looks cut short (download or copy it again)", row=lines)


def check_range(df: pd.DataFrame, cols: Sequence[str], source: str, lo: float, hi: float, what: str = "value") -> None:
    """Refuse a value outside ``lo`` .. ``hi`` in the numeric ``cols`` of a table read by :func:`read_csv`.

    For a column a reader uses before :func:`foedus.schema.validate` sees it (to find open
    spells, or to look up another table), so that a corrupt cell cannot change the reading of
    other rows first.

    Raises
    ------
    SchemaError
        Naming ``source``, the file line (``df.index[i] + 2``) and the column.
    """
    for c in cols:
        v = df[c]
        bad = (v.notna() & ((v < lo) | (v > hi))).to_numpy(dtype=bool)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise SchemaError(source, f"{what} {v.iloc[i]} outside {lo}..{hi}", row=int(df.index[i]) + 2, column=c)


def check_years(df: pd.DataFrame, cols: Sequence[str], source: str) -> None:
    """:func:`check_range` for years (:data:`foedus.schema.YEAR_MIN` .. :data:`~foedus.schema.YEAR_MAX`), each a whole number."""
    from foedus.schema import YEAR_MAX, YEAR_MIN

    for c in cols:
        v = df[c]
        bad = (v.notna() & (v % 1 != 0)).to_numpy(dtype=bool)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise SchemaError(source, f"not a whole year: {v.iloc[i]}", row=int(df.index[i]) + 2, column=c)
    check_range(df, cols, source, YEAR_MIN, YEAR_MAX, "year")


def zero_to_na(s: pd.Series) -> pd.Series:
    """ATOP writes 0 for unknown or open dates; return those as missing (nullable integers)."""
    s = pd.to_numeric(s, errors="coerce").astype("Float64")
    return s.mask(s == 0).astype("Int64")


def missing_codes_to_na(s: pd.Series, codes: tuple[int, ...] = (-9, -8)) -> pd.Series:
    """COW writes ``-9`` for unknown and ``-8`` for not applicable; return those as missing.

    Values that are not numbers are left as they are, so that :func:`foedus.schema.validate`
    can name them ("not a number").
    """
    num = pd.to_numeric(s, errors="coerce")
    return s.mask(num.isin(codes))


def to_numbers(df: pd.DataFrame, cols: Sequence[str], source: str, integer: bool = False) -> None:
    """Convert ``cols`` of ``df`` in place to numbers (``float64``, or ``int64`` with ``integer``).

    An empty cell becomes ``NaN``; with ``integer`` it is an error, as is a fraction.

    Raises
    ------
    SchemaError
        Naming ``source``, the file line and the column of the first cell that is not a number.
        The line is ``df.index[i] + 2``: the index must be :func:`read_csv`'s row number, which
        filtering rows keeps.
    """
    for c in cols:
        raw = df[c]
        if pd.api.types.is_integer_dtype(raw.dtype) or (not integer and pd.api.types.is_float_dtype(raw.dtype)):
            df[c] = raw.astype("int64") if integer else raw
            continue
        v = pd.to_numeric(raw, errors="coerce")
        bad = v.isna() & raw.notna() & (raw.astype(str).str.strip() != "")
        if integer:
            bad |= v.isna() & ~bad
            bad |= v.notna() & (v % 1 != 0)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise SchemaError(source, f"not a{'n integer' if integer else ' number'}: {raw.iloc[i]!r}", row=int(df.index[i]) + 2, column=c)
        df[c] = v.astype("int64") if integer else v.astype(float)


def parse_dates(s: pd.Series, source: str, column: str, line_offset: int = 2) -> pd.Series:
    """Parse ISO dates (``YYYY-MM-DD``) into ``datetime64``; raise on the first that does not parse.

    Raises
    ------
    SchemaError
        Naming ``source``, the file line (row ``i`` is line ``i + line_offset``), ``column``
        and the offending value.
    """
    d = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
    bad = (d.isna() & s.notna()).to_numpy() | s.isna().to_numpy()
    if bad.any():
        i = int(bad.nonzero()[0][0])
        raise SchemaError(source, f"not a date (YYYY-MM-DD): {s.iloc[i]!r}", row=i + line_offset, column=column)
    return d


def validate_at(
    df: pd.DataFrame,
    spec,
    source: str,
    lines: np.ndarray | None = None,
    known_ccodes: Iterable[int] | None = None,
    exempt: np.ndarray | None = None,
) -> pd.DataFrame:
    """:func:`foedus.schema.validate` for rows that are not consecutive lines of the file.

    Parameters
    ----------
    df
        The table to check (any index).
    spec
        A :class:`~foedus.schema.TableSpec` or a canonical table name.
    source
        The file to name in errors.
    lines
        File line of each row of ``df``; defaults to ``row + 2`` (a CSV with one header row).
    known_ccodes
        If given, every value in the state-code columns (``ccode``, ``ccode1``, ``ccode2``) must
        be one of these ("unknown state code"), except in rows where ``exempt`` is True.
    exempt
        Boolean array: rows whose state codes are not checked (a documented exception, such as
        a polity that left the scene before the COW system begins in 1816).

    Raises
    ------
    SchemaError
        With the file line of the first offending row.
    """
    n = len(df)
    lines = np.arange(2, n + 2) if lines is None else np.asarray(lines)
    try:
        out = validate(df.reset_index(drop=True), spec, source=source, line_offset=None)
    except SchemaError as e:
        if e.row is None:
            raise
        raise SchemaError(source, e.reason, row=int(lines[e.row - 1]), column=e.column) from None
    if known_ccodes is not None:
        known = pd.Index(pd.unique(np.asarray(list(known_ccodes), dtype="int64")))
        skip = np.zeros(n, dtype=bool) if exempt is None else np.asarray(exempt, dtype=bool)
        for col in ("ccode", "ccode1", "ccode2"):
            if col in out.columns:
                vals = out[col]
                bad = (vals.notna() & ~vals.isin(known)).to_numpy(dtype=bool) & ~skip
                if bad.any():
                    i = int(bad.nonzero()[0][0])
                    raise SchemaError(
                        source, f"unknown state code {vals.iloc[i]} (not in the COW state system list)", row=int(lines[i]), column=col
                    )
    return out


def require_columns(df: pd.DataFrame, required: list[str], source: str) -> None:
    """Raise :class:`~foedus.schema.SchemaError` naming ``source`` if a ``required`` column is absent."""
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise SchemaError(source, f"missing column(s): {', '.join(missing)}", column=missing[0])


def read_csv_arrow(path: str, types: dict, what: str) -> pd.DataFrame:
    """Read the columns ``types`` (name -> pyarrow type) of a large gzipped dyad-year table with pyarrow.

    Several times faster than pandas on these files. Rows are sorted by ``year, ccode1, ccode2``
    (stable), so a year's rows can be found by binary search.

    Raises
    ------
    SchemaError
        Naming the file and ``what`` it should have been, for a missing column or a bad value.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        tbl = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=types, include_columns=list(types)))
    except (pa.ArrowInvalid, pa.ArrowKeyError, KeyError, OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
        raise SchemaError(path, f"cannot be read as {what} (columns {', '.join(types)}): {e}") from e
    df = tbl.to_pandas()
    return df.sort_values(["year", "ccode1", "ccode2"], kind="stable").reset_index(drop=True)
