"""Correlates of War importers: state system, major powers, National Material Capabilities.

Citations: Correlates of War Project (2017), State System Membership List v2016; Singer, Bremer
& Stuckey (1972) and Singer (1987) for National Material Capabilities (NMC 7.0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from foedus.data.csvio import check_years, missing_codes_to_na, read_csv, to_numbers, validate_at
from foedus.schema import YEAR_MAX, YEAR_MIN, Column, TableSpec, power_tier, validate

NMC_COLUMNS = ["ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]


def read_states(path: Path, last_year: int | None = None) -> pd.DataFrame:
    """Read the COW state system list (``cow_states.csv`` or COW's ``states2016.csv``) into ``states``.

    A spell ending in the list's last year (``last_year``, default the latest ``endyear``) is
    open (``end_year`` = ``<NA>``): the state was still a member when the list ends
    (right-censored, like ATOP's zeros). When the file has ``endmonth`` and ``endday`` (both
    layouts do), they become the optional ``end_month`` and ``end_day`` columns, ``<NA>`` for
    open spells; they tell who was still a member on 31 December. ``stmonth`` and ``stday`` become
    the optional ``start_month`` and ``start_day`` (research panels need both dates to tell
    whether two states were members at the same time within a year).
    """
    raw = read_csv(path, ["stateabb", "ccode", "statenme", "styear", "endyear"])
    # the end years decide which spells are open: each must be a year before it is compared
    to_numbers(raw, ["endyear"], str(path))  # a blank end year stays blank (an open spell)
    check_years(raw, ["endyear"], str(path))
    if last_year is None:
        latest = pd.to_numeric(raw["endyear"], errors="coerce").max()
        last = int(latest) if pd.notna(latest) else 0
    else:
        last = last_year
    end = pd.to_numeric(raw["endyear"], errors="coerce").astype("Int64")
    is_open = (end >= last).fillna(False)
    df = pd.DataFrame(
        {
            "ccode": raw["ccode"],
            "abb": raw["stateabb"],
            "name": raw["statenme"],
            "start_year": raw["styear"],
            "end_year": end.mask(is_open),
        }
    )
    if {"endmonth", "endday"} <= set(raw.columns):
        for ours, theirs in (("end_month", "endmonth"), ("end_day", "endday")):
            df[ours] = raw[theirs].mask(is_open)
    if {"stmonth", "stday"} <= set(raw.columns):
        df["start_month"], df["start_day"] = raw["stmonth"], raw["stday"]
    return validate(df, "states", source=str(path), line_offset=2)


MAJORS = TableSpec(
    "majors",
    (
        Column("ccode", "int", minimum=1, doc="COW state code"),
        Column("start_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX, doc="first year as a major power"),
        Column("end_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX, doc="last year as a major power (the list's last year if still one)"),
    ),
    key=("ccode", "start_year"),
    checks=(("end_year", lambda d: d["end_year"] < d["start_year"], "end_year before start_year"),),
)
"""Major-power spells (Correlates of War Project 2017)."""


def read_majors(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read COW major-power spells (``cow_majors.csv`` or COW's ``majors2016.csv``): columns ``ccode, styear, endyear``.

    Returns a table with ``ccode, start_year, end_year`` (:data:`MAJORS`); ``known_ccodes``, if
    given, are the state codes to accept.
    """
    raw = read_csv(path, ["ccode", "styear", "endyear"])
    df = pd.DataFrame({"ccode": raw["ccode"], "start_year": raw["styear"], "end_year": raw["endyear"]})
    return validate_at(df, MAJORS, str(path), known_ccodes=known_ccodes)


def read_nmc(path: Path, majors: pd.DataFrame | None = None, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read COW National Material Capabilities (``cow_nmc.csv`` or COW's ``NMC-60-abridged.csv``/``NMC-70``) into ``state_years``.

    Units as COW NMC 7.0 records them (:data:`foedus.schema.provenance.RECORD_UNITS`): ``milex`` in
    thousands of current US$, of pounds sterling 1816-1913 (not converted here: the snapshot,
    :func:`foedus.data.snapshot_fields.milex_usd_m`, is the one place that converts);
    ``milper``, ``tpop``, ``upop`` in thousands; ``irst`` in thousand tons; ``pec`` in thousand
    coal-ton equivalents; ``cinc`` a share, 0-1.

    COW's ``-9`` missing code is read as missing. ``major`` comes from ``majors`` (spells from
    :func:`read_majors`); ``tier`` from :func:`foedus.schema.power_tier` (with each state's share of the year's
    total military expenditure). ``known_ccodes``, if
    given, are the state codes to accept.
    """
    raw = read_csv(path, NMC_COLUMNS)
    df = raw[NMC_COLUMNS].copy()
    for c in NMC_COLUMNS[2:]:
        # a cell that is not a number stays as it is, for validate() to name its line
        df[c] = missing_codes_to_na(df[c], (-9,))
    num = {c: pd.to_numeric(df[c], errors="coerce") for c in ("milex", "cinc")}
    major = np.zeros(len(df), dtype=bool)
    if majors is not None and len(majors):
        cc = pd.to_numeric(df["ccode"], errors="coerce").to_numpy()[:, None]
        yr = pd.to_numeric(df["year"], errors="coerce").to_numpy()[:, None]
        m = {c: majors[c].to_numpy()[None, :] for c in ("ccode", "start_year", "end_year")}
        major = ((cc == m["ccode"]) & (yr >= m["start_year"]) & (yr <= m["end_year"])).any(axis=1)
    df["major"] = major
    milex_share = num["milex"] / num["milex"].groupby(df["year"]).transform("sum")
    df["tier"] = power_tier(num["cinc"].to_numpy(dtype=float), major, milex_share.to_numpy(dtype=float))
    return validate_at(df, "state_years", str(path), known_ccodes=known_ccodes)
