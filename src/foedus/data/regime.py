"""Readers for regime and foreign-policy preferences: democracy scores and UN ideal points.

Citations: Coppedge et al., V-Dem Dataset (``v2x_polyarchy``); Marshall & Gurr (2020), Polity5
(``polity2``), both as merged onto COW state-years by the isard package; Bailey, Strezhnev &
Voeten (2017), "Estimating Dynamic State Preferences from United Nations Voting Data",
*Journal of Conflict Resolution* 61(2): 430-456 (ideal points, July 2025 release).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from foedus.data.csvio import read_csv, to_numbers


def read_democracy(path: Path | str) -> pd.DataFrame:
    """Read democracy scores by COW state-year (``regime/cw_democracy.csv``).

    Returns
    -------
    DataFrame
        ``ccode``, ``year`` (int); ``polity2``: Polity5 score, -10 (autocracy) to 10 (democracy);
        ``v2x_polyarchy``: V-Dem electoral democracy index, 0-1. Missing scores are ``NaN``.
    """
    path = str(path)
    df = read_csv(path, ["ccode", "year", "polity2", "v2x_polyarchy"])[["ccode", "year", "polity2", "v2x_polyarchy"]].copy()
    to_numbers(df, ["ccode", "year"], path, integer=True)
    to_numbers(df, ["polity2", "v2x_polyarchy"], path)
    return df


def read_ideal_points(path: Path | str) -> pd.DataFrame:
    """Read UN General Assembly ideal points by state-year (``unvotes/unga_idealpoints_jul2025.csv.gz``).

    Returns
    -------
    DataFrame
        ``ccode``, ``year`` (int) and ``idealpointfp``: the ideal point from final-passage votes
        (one dimension; higher = closer to the US-led order; 1946 on). Rows without a COW code
        are dropped.
    """
    path = str(path)
    df = read_csv(path, ["ccode", "year", "idealpointfp"])
    df = df[df["ccode"].notna()][["ccode", "year", "idealpointfp"]].copy()
    to_numbers(df, ["ccode", "year"], path, integer=True)
    to_numbers(df, ["idealpointfp"], path)
    return df.reset_index(drop=True)
