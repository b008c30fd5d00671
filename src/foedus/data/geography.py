"""Where states are: capitals and direct contiguity (brief A1, "location").

Citations: Stinnett, Tir, Schafer, Diehl & Gochman (2002), "The Correlates of War Project
Direct Contiguity Data, Version 3", *Conflict Management and Peace Science* 19(2): 58-66 (v3.2);
Miller (2022), "{peacesciencer}", *Conflict Management and Peace Science*, for the capitals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from foedus.data.csvio import parse_dates, read_csv, require_columns, validate_at
from foedus.data.extras_schema import CAPITALS, CONTIGUITY
from foedus.schema import TableSpec


def read_capitals(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read capitals of COW states (peacesciencer's ``cow_capitals.csv``) into the ``capitals`` table.

    Columns ``ccode, statenme, capital, stdate, enddate, lat, lng``; dates are ISO
    (``YYYY-MM-DD``). A state that moved its capital has one row per capital spell.

    Parameters
    ----------
    path
        The CSV file.
    known_ccodes
        COW state codes to accept; any other is rejected as "unknown state code".
    """
    src = str(path)
    raw = read_csv(path, ["ccode", "statenme", "capital", "stdate", "enddate", "lat", "lng"])
    start = parse_dates(raw["stdate"], src, "stdate")
    end = parse_dates(raw["enddate"], src, "enddate")
    df = pd.DataFrame(
        {
            "ccode": raw["ccode"],
            "name": raw["statenme"],
            "capital": raw["capital"],
            "start_date": start.dt.strftime("%Y-%m-%d"),
            "end_date": end.dt.strftime("%Y-%m-%d"),
            "start_year": start.dt.year,
            "end_year": end.dt.year,
            "lat": raw["lat"],
            "lng": raw["lng"],
        }
    )
    return validate_at(df, CAPITALS, src, known_ccodes=known_ccodes)


_DIRECTED = TableSpec("contiguity (directed)", CONTIGUITY.columns, key=CONTIGUITY.key, checks=CONTIGUITY.checks[1:])


def read_contiguity(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read COW Direct Contiguity v3.2 into the non-directed ``contiguity`` table.

    Two layouts are recognised:

    * peacesciencer's ``cow_contdir.csv``: directed spells ``ccode1, ccode2, conttype, stdate,
      enddate`` (ISO dates, month precision), both directions present, and spells of no
      contiguity (``conttype`` 0) imputed;
    * the publisher's ``contdir.csv`` (``DirectContiguity320/contdir.csv``): one row per
      non-directed spell, ``statelno, statehno, conttype, begin, end`` with ``begin``/``end``
      as ``YYYYMM``.

    Both give the same table: one row per non-directed spell (``ccode1 < ccode2``) of contiguity
    type 1 (land border or river) to 5 (separated by at most 400 miles of water), with start
    and end year and month. Spells of type 0 are dropped. Every directed row is validated
    before the mirror rows are dropped, so an error is reported at its own file line.

    Parameters
    ----------
    path
        The CSV file.
    known_ccodes
        COW state codes to accept; any other is rejected as "unknown state code".
    """
    src = str(path)
    raw = read_csv(path, [])
    if {"statelno", "statehno"} <= set(raw.columns):
        require_columns(raw, ["statelno", "statehno", "conttype", "begin", "end"], src)
        begin = pd.to_numeric(raw["begin"], errors="coerce")
        end = pd.to_numeric(raw["end"], errors="coerce")
        df = pd.DataFrame(
            {
                "ccode1": raw["statelno"],
                "ccode2": raw["statehno"],
                "conttype": raw["conttype"],
                "start_year": (begin // 100).where(begin.notna(), raw["begin"]),
                "start_month": begin % 100,
                "end_year": (end // 100).where(end.notna(), raw["end"]),
                "end_month": end % 100,
            }
        )
        return validate_at(df, CONTIGUITY, src, known_ccodes=known_ccodes)
    require_columns(raw, ["ccode1", "ccode2", "conttype", "stdate", "enddate"], src)
    lines = np.arange(2, len(raw) + 2)
    start = parse_dates(raw["stdate"], src, "stdate")
    end = parse_dates(raw["enddate"], src, "enddate")
    df = pd.DataFrame(
        {
            "ccode1": raw["ccode1"],
            "ccode2": raw["ccode2"],
            "conttype": raw["conttype"],
            "start_year": start.dt.year,
            "start_month": start.dt.month,
            "end_year": end.dt.year,
            "end_month": end.dt.month,
        }
    )
    contiguous = (pd.to_numeric(df["conttype"], errors="coerce") != 0).to_numpy()
    out = validate_at(df[contiguous], _DIRECTED, src, lines=lines[contiguous], known_ccodes=known_ccodes)
    out = out[(out["ccode1"] < out["ccode2"]).to_numpy()].reset_index(drop=True)
    return validate_at(out, CONTIGUITY, src)


def contiguous_pairs(contiguity: pd.DataFrame, year: int, max_type: int = 1) -> pd.DataFrame:
    """Non-directed pairs contiguous in ``year`` at type ``max_type`` or closer.

    Parameters
    ----------
    contiguity
        The ``contiguity`` table (:func:`read_contiguity`).
    year
        Calendar year; a spell counts if it covers any month of the year.
    max_type
        1 = land border only; 2-5 add water separations of up to 12, 24, 150 and 400 miles.

    Returns
    -------
    DataFrame with ``ccode1, ccode2, conttype`` (the closest type in that year).
    """
    c = contiguity
    on = (c["start_year"] <= year) & (c["end_year"] >= year) & (c["conttype"] <= max_type)
    return (
        c.loc[on, ["ccode1", "ccode2", "conttype"]]
        .groupby(["ccode1", "ccode2"], as_index=False)["conttype"]
        .min()
    )

