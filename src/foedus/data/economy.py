"""Readers for military spending, output and trade: SIPRI, Fariss et al., COW Dyadic Trade.

One reader per raw file; each returns a tidy frame whose columns keep the publisher's names and
units (stated below), so that every unit conversion happens in one visible place downstream
(:mod:`foedus.data.snapshot_fields`).

Citations: SIPRI Military Expenditure Database 2024, https://www.sipri.org/databases/milex (fair
use for non-commercial research; this module only reads the file); Fariss, Anders, Markowitz &
Barnum (2022), "New Estimates of Over 500 Years of Historic GDP and Population Data", *Journal of
Conflict Resolution* 66(3): 553-591; Barbieri, Keshk & Pollins (2009), "Trading Data: Evaluating
our Assumptions and Coding Rules", *Conflict Management and Peace Science* 26(5): 471-491.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from foedus.data.csvio import read_csv, read_csv_arrow, to_numbers


def read_sipri_milex(path: Path | str) -> pd.DataFrame:
    """Read the SIPRI excerpt (``milex/sipri_milex_2013_2022.csv``): military spending by state-year.

    Returns
    -------
    DataFrame
        ``ccode``, ``year`` (int) and ``milex_const2022_usd_m``: military expenditure in **million
        US$ at constant 2022 prices and exchange rates**. Rows without a COW code (SIPRI's
        "European Union") are dropped; the index is the file's row number.

    Raises
    ------
    SchemaError
        Naming the file, line and column of a missing column or a cell that is not a number.
    """
    path = str(path)
    df = read_csv(path, ["ccode", "year", "milex_const2022_usd_m"])
    df = df[df["ccode"].notna()][["ccode", "year", "milex_const2022_usd_m"]].copy()
    to_numbers(df, ["ccode", "year"], path, integer=True)
    to_numbers(df, ["milex_const2022_usd_m"], path)
    return df.reset_index(drop=True)


def read_gdp_population(path: Path | str) -> pd.DataFrame:
    """Read Fariss et al. (2022) estimates for COW state-years (``economy/cw_gdppop.csv.gz``).

    Returns
    -------
    DataFrame
        ``ccode``, ``year`` (int); ``pwtrgdp``: real GDP, **million 2017 international $ (PPP)**,
        anchored on PWT 10.0; ``pwtpop``: population, **millions** (PWT 10.0 anchor).
    """
    path = str(path)
    df = read_csv(path, ["ccode", "year", "pwtrgdp", "pwtpop"])[["ccode", "year", "pwtrgdp", "pwtpop"]].copy()
    to_numbers(df, ["ccode", "year"], path, integer=True)
    to_numbers(df, ["pwtrgdp", "pwtpop"], path)
    return df


def read_trade(path: Path | str) -> pd.DataFrame:
    """Read COW Dyadic Trade 4.0, non-directed dyad-years (``trade/cow_trade_ndy.csv.gz``).

    Returns
    -------
    DataFrame
        ``ccode1 < ccode2``, ``year`` and ``total`` = ``flow1 + flow2``, the pair's trade (imports
        both ways) in **million current US$**; the one reported flow when the other is missing,
        ``NaN`` when both are. Sorted by year, then codes.
    """
    import pyarrow as pa

    types = {"ccode1": pa.int64(), "ccode2": pa.int64(), "year": pa.int64(), "flow1": pa.float64(), "flow2": pa.float64()}
    df = read_csv_arrow(str(path), types, "the COW dyadic trade table")
    df["total"] = df[["flow1", "flow2"]].sum(axis=1, min_count=1)
    return df[["ccode1", "ccode2", "year", "total"]]
