"""Reading raw CSV files with errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from foedus.schema import SchemaError


def read_csv(path: Path, required: list[str], **kw) -> pd.DataFrame:
    """Read a CSV (plain or gzipped) and check that ``required`` columns are present.

    Raises :class:`~foedus.schema.SchemaError` naming the file for unreadable files and
    missing columns. Data row ``i`` (0-based) of the result is line ``i + 2`` of the file.
    """
    path = Path(path)
    if not path.is_file():
        raise SchemaError(str(path), "file not found")
    try:
        df = pd.read_csv(path, low_memory=False, **kw)
    except (pd.errors.ParserError, UnicodeDecodeError, EOFError, OSError) as e:
        raise SchemaError(str(path), f"cannot be read as CSV ({e})") from e
    except pd.errors.EmptyDataError as e:
        raise SchemaError(str(path), "file is empty") from e
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise SchemaError(str(path), f"missing column(s): {', '.join(missing)}", column=missing[0])
    return df


def zero_to_na(s: pd.Series) -> pd.Series:
    """ATOP writes 0 for unknown or open dates; return those as missing (nullable integers)."""
    s = pd.to_numeric(s, errors="coerce").astype("Float64")
    return s.mask(s == 0).astype("Int64")
