"""Correlates of War importers: state system, major powers, National Material Capabilities.

Citations: Correlates of War Project (2017), State System Membership List v2016; Singer, Bremer
& Stuckey (1972) and Singer (1987) for National Material Capabilities (NMC 7.0).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.data.csvio import read_csv
from foedus.schema import power_tier, validate

NMC_COLUMNS = ["ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]


def read_states(path: Path, last_year: int | None = None) -> pd.DataFrame:
    """Read the COW state system list (``cow_states.csv`` or COW's ``states2016.csv``).

    A spell ending in the list's last year is open (``end_year`` = ``<NA>``): the state was
    still a member when the list ends (right-censored, like ATOP's zeros).
    """
    raw = read_csv(path, ["stateabb", "ccode", "statenme", "styear", "endyear"])
    last = int(pd.to_numeric(raw["endyear"]).max()) if last_year is None else last_year
    end = pd.to_numeric(raw["endyear"], errors="coerce").astype("Int64")
    df = pd.DataFrame(
        {
            "ccode": raw["ccode"],
            "abb": raw["stateabb"],
            "name": raw["statenme"],
            "start_year": raw["styear"],
            "end_year": end.mask(end >= last),
        }
    )
    return validate(df, "states", source=str(path), line_offset=2)


def read_majors(path: Path) -> pd.DataFrame:
    """Read COW major-power spells (``cow_majors.csv`` or COW's ``majors2016.csv``): columns ``ccode, styear, endyear``."""
    raw = read_csv(path, ["ccode", "styear", "endyear"])
    return pd.DataFrame(
        {
            "ccode": pd.to_numeric(raw["ccode"]).astype("int64"),
            "start_year": pd.to_numeric(raw["styear"]).astype("int64"),
            "end_year": pd.to_numeric(raw["endyear"]).astype("int64"),
        }
    )


def read_nmc(path: Path, majors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read COW National Material Capabilities (``cow_nmc.csv`` or COW's ``NMC-60-abridged.csv``/``NMC-70``) into ``state_years``.

    COW's ``-9`` missing code is read as missing. ``major`` comes from ``majors`` (spells from
    :func:`read_majors`); ``tier`` from :func:`foedus.schema.power_tier`.
    """
    raw = read_csv(path, NMC_COLUMNS)
    df = raw[NMC_COLUMNS].copy()
    for c in NMC_COLUMNS[2:]:
        v = pd.to_numeric(df[c], errors="coerce")
        df[c] = v.mask(v == -9)
    major = np.zeros(len(df), dtype=bool)
    if majors is not None and len(majors):
        cc = pd.to_numeric(df["ccode"], errors="coerce").to_numpy()
        yr = pd.to_numeric(df["year"], errors="coerce").to_numpy()
        for row in majors.itertuples(index=False):
            major |= (cc == row.ccode) & (yr >= row.start_year) & (yr <= row.end_year)
    df["major"] = major
    df["tier"] = power_tier(df["cinc"].to_numpy(dtype=float), major)
    return validate(df, "state_years", source=str(path), line_offset=2)
