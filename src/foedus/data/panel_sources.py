"""The record files research panels read beyond the store's tables, each through its one reader.

The canonical record (:func:`foedus.data.open_record`) holds states, capabilities, ATOP,
contiguity, capitals, rivalries, disputes and wars. Panels (:mod:`foedus.analysis.panel`) also
merge CShapes distances, COW dyadic trade, democracy scores and UN ideal points, read by the
readers the year snapshot uses (:func:`foedus.data.snapshot_fields.table`, cached), and two COW
state-year tables no other part of foedus reads, whose readers live here:
:func:`read_igo_state_years` (COW IGO 3.0) and :func:`read_trade_state_years` (COW national
trade 4.0).

Citations: Pevehouse, Nordstrom, McManus & Jamison (2020), "Tracking Organizations in the
World: The Correlates of War IGO Version 3.0 datasets", *Journal of Peace Research* 57(3):
492-503; Barbieri & Keshk (2016), *COW Trade Data Set Codebook v4.0*.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from foedus.data.csvio import read_csv, to_numbers
from foedus.schema import SchemaError

IGO_COLUMNS = ("sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype")

FILES: dict[str, str] = {
    "igo": "peacesciencer/cow_igo_sy.csv",
    "trade_sy": "peacesciencer/cow_trade_sy.csv",
}
"""The files read here, relative to the data folder (``../shared/data`` layout)."""

SNAPSHOT_KEYS = ("democracy", "mindist", "trade", "unga")
"""Files read through :func:`foedus.data.snapshot_fields.table` (its keys)."""


def read_igo_state_years(path: Path | str) -> pd.DataFrame:
    """Read COW IGO memberships per state-year (peacesciencer's ``cow_igo_sy.csv``).

    Returns
    -------
    DataFrame
        ``ccode, year`` (int64) and the numbers of IGOs the state belongs to as a full member,
        associate, observer, and of any type (``sum_igo_*``, counts).
    """
    path = str(path)
    df = read_csv(path, ["ccode", "year", *IGO_COLUMNS])[["ccode", "year", *IGO_COLUMNS]].copy()
    to_numbers(df, ["ccode", "year", *IGO_COLUMNS], path, integer=True)
    return df


def read_trade_state_years(path: Path | str) -> pd.DataFrame:
    """Read COW national trade per state-year (peacesciencer's ``cow_trade_sy.csv``): ``imports``, ``exports`` in million current US$."""
    path = str(path)
    df = read_csv(path, ["ccode", "year", "imports", "exports"])[["ccode", "year", "imports", "exports"]].copy()
    to_numbers(df, ["ccode", "year"], path, integer=True)
    to_numbers(df, ["imports", "exports"], path)
    return df


_READERS = {"igo": read_igo_state_years, "trade_sy": read_trade_state_years}


@lru_cache(maxsize=None)
def _load(key: str, path: str) -> pd.DataFrame:
    return _READERS[key](path)


def source_path(data_dir: Path | str, key: str) -> Path:
    """The file of ``key`` (:data:`FILES` or :data:`SNAPSHOT_KEYS`) under ``data_dir``."""
    from foedus.data import snapshot_fields

    rel = FILES.get(key) or snapshot_fields.FILES[key]
    return (Path(data_dir) / rel).resolve()


def source_table(data_dir: Path | str, key: str) -> pd.DataFrame:
    """The table of ``key`` under ``data_dir``, read once per process by its reader.

    Raises
    ------
    SchemaError
        If the file is missing (naming it) or does not fit its reader.
    """
    if key in SNAPSHOT_KEYS:
        from foedus.data import snapshot_fields

        return snapshot_fields.table(Path(data_dir), key)
    p = source_path(data_dir, key)
    if not p.is_file():
        raise SchemaError(str(p), f"file not found (the panel needs {FILES[key]} under the data folder)")
    return _load(key, str(p))
