"""Where states are: capitals, direct contiguity and distances (brief A1, "location").

Citations: Schvitz, Girardin, Rüegger, Weidmann, Cederman & Gleditsch (2022), "Mapping the
International System, 1886-2019: The CShapes 2.0 Dataset", *Journal of Conflict Resolution*
66(1): 144-161 (minimum distances, peacesciencer's build); Stinnett, Tir, Schafer, Diehl & Gochman (2002), "The Correlates of War Project
Direct Contiguity Data, Version 3", *Conflict Management and Peace Science* 19(2): 58-66 (v3.2);
Miller (2022), "{peacesciencer}", *Conflict Management and Peace Science*, for the capitals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from foedus.data.csvio import parse_dates, read_csv, read_csv_arrow, require_columns, to_numbers, validate_at
from foedus.data.extras_schema import CAPITALS, CONTIGUITY
from foedus.schema import TableSpec

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG arithmetic mean radius R1), km, used by :func:`great_circle_km`."""


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
    # every row is a number, the type-0 rows dropped below too: a damaged cell is never skipped unseen
    to_numbers(raw, ["ccode1", "ccode2", "conttype"], src, integer=True)
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



def read_min_distance(path: Path | str) -> pd.DataFrame:
    """Read CShapes 2.0 minimum distances between COW states (``distance/cow_mindist.csv.gz``).

    Returns
    -------
    DataFrame
        Non-directed dyad-years ``ccode1 < ccode2``, ``year`` and ``mindist``: the shortest
        distance between the two states' borders on 1 January, **km** (0 = land border);
        1886-2019. Sorted by year, then codes.
    """
    import pyarrow as pa

    types = {"ccode1": pa.int64(), "ccode2": pa.int64(), "year": pa.int64(), "mindist": pa.float64()}
    return read_csv_arrow(str(path), types, "the CShapes distance table")


def great_circle_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance on a sphere by the haversine formula, in kilometres.

    .. math::

        d = 2R \\arcsin\\sqrt{\\sin^2\\frac{\\varphi_2-\\varphi_1}{2}
            + \\cos\\varphi_1\\cos\\varphi_2\\sin^2\\frac{\\lambda_2-\\lambda_1}{2}}

    with :math:`R` = :data:`EARTH_RADIUS_KM`. Arguments broadcast against each other (NumPy rules).

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : array_like of float
        Latitudes and longitudes in degrees (north and east positive).

    Returns
    -------
    numpy.ndarray of float, km; ``NaN`` where any coordinate is missing.

    Examples
    --------
    >>> round(float(great_circle_km(0, 0, 0, 90)), 1)  # a quarter of the equator: pi R / 2
    10007.6

    References
    ----------
    Sinnott, R. W. 1984. "Virtues of the Haversine." *Sky and Telescope* 68(2): 159.
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2) - np.radians(lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
