"""The trend growth of a scenario built from the record (:func:`foedus.sim.build.scenario_from_record`).

Builder convention (not a fact of the record, and said so in every file): a state's trend growth is the annualised
change of its real GDP (Fariss, Anders, Markowitz & Barnum 2022, ``pwtrgdp``, the PWT 10.0 anchor, in
``economy/cw_gdppop.csv.gz``) over the :data:`GROWTH_YEARS` years before the start, clipped to
:data:`GROWTH_CLIP`, :data:`GROWTH_DEFAULT` where the record has no figure. The window:

- ends at the last year the record covers (2019: a scenario of 2022 reads 2009-2019, annualised over those ten years,
  not 2012-2019 divided by ten);
- never straddles a world war (:data:`WORLD_WARS`): output in 1918-1919 and 1944-1946 measures mobilisation,
  destruction and demobilisation, not a trend (the United States grow 5.5 % a year over 1936-1946, France shrinks
  1.4 %). A window that would hold a war year, or the first year after one, is the years after the war when at least
  :data:`GROWTH_MIN_YEARS` of them are on the record (a start in 1955 reads 1947-1955), else the ten years before the
  war (a start in 1919 reads 1903-1913; in 1946 or 1950, 1928-1938);
- is read per state by its COW code, and for a state new in the system by its predecessor's (:data:`PREDECESSOR`:
  united Germany of 1990 by West Germany's), so that one state new since the window began costs no other its figure;
  a state whose record begins inside the window reads the years it has, at least :data:`GROWTH_MIN_YEARS`.

A decade's growth is a poor guide to the next decades' (Easterly, Kremer, Pritchett & Summers 1993: correlations of 0.1
to 0.3 across decades), and a run holds one rate for 20 to 99 years: the rate read is regressed to the mean of the
system's over the window, keeping :data:`~foedus.theory.growth.RUN_PERSISTENCE` of the deviation, the share the record
itself keeps over its in-sample eras (:mod:`foedus.theory.growth`). Held unregressed, the 1928-1938 rates of a start in
1946 (the Soviet Union's first five-year plans at 6.5 % a year, the United States in the Depression at 0.5 %) would make
the Soviet economy four times the American by 1989 (on the record it stayed about a third); regressed, they are 3.3 % and 1.5 %.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import FILES, table
from foedus.theory.growth import RUN_PERSISTENCE, expected_growth

GROWTH_YEARS = 10
"""Years of the record over which a state's trend growth is read."""

GROWTH_MIN_YEARS = 5
"""Fewest years a growth figure spans (a shorter record, or post-war stretch, gives none)."""

GROWTH_CLIP = (-0.05, 0.10)
"""Bounds of a trend growth read from the record (a fraction a year)."""

GROWTH_DEFAULT = 0.02
"""Trend growth of a state without a figure (a fraction a year)."""

WORLD_WARS = ((1914, 1918), (1939, 1945))
"""The world wars' years (COW inter-state wars 106 and 139): a growth window holds none of them, nor the year after."""

PREDECESSOR = {255: 260, 679: 678}
"""COW code -> the code whose GDP record continues it before it entered: united Germany (1990) <- the German Federal
Republic, unified Yemen (1990) <- the Yemen Arab Republic (Fariss et al. map these Gleditsch-Ward units so)."""


def growth_window(end: int) -> tuple[int, int]:
    """The years ``(first, last)`` of the trend window for a record ending in ``end`` (module docstring).

    Examples
    --------
    >>> growth_window(1990), growth_window(1919), growth_window(1946), growth_window(1955)
    ((1980, 1990), (1903, 1913), (1928, 1938), (1947, 1955))
    """
    lo, hi = end - GROWTH_YEARS, end
    for first, last in reversed(WORLD_WARS):
        if lo <= last + 1 and hi >= first:
            if hi - (last + 2) >= GROWTH_MIN_YEARS:
                lo = last + 2
            else:
                hi = first - 1
                lo = hi - GROWTH_YEARS
    return lo, hi


def scenario_window(year: int, data_dir: Path | None = None) -> tuple[int, int]:
    """The trend window of a scenario starting in ``year``: :func:`growth_window` of the last year the record covers by then."""
    df = _gdp(data_dir)
    return growth_window(min(int(year), int(df["year"].max())))


def _gdp(data_dir: Path | None):
    """The record's positive real GDP figures (``ccode, year, pwtrgdp``): missing ones are dropped, never read as zero."""
    df = table(Path(data_dir) if data_dir is not None else default_data_dir(), "gdppop")
    return df.loc[df["pwtrgdp"].notna() & (df["pwtrgdp"] > 0), ["ccode", "year", "pwtrgdp"]]


def _series(df, ccode: int, lo: int, hi: int):
    """(years, GDP) of state ``ccode`` in ``lo..hi``, with its predecessor's years before its own record."""
    own = df[(df["ccode"] == ccode) & df["year"].between(lo, hi)]
    pred = PREDECESSOR.get(ccode)
    if pred is not None:
        before = df[(df["ccode"] == pred) & df["year"].between(lo, hi) & (df["year"] < (own["year"].min() if len(own) else hi + 1))]
        own = pd.concat([before, own]) if len(before) else own
    return own["year"].to_numpy(dtype=int), own["pwtrgdp"].to_numpy(dtype=float)


def trend_growth(ccodes, year: int, data_dir: Path | None = None) -> tuple[np.ndarray, list[str], tuple[int, int], float]:
    """Per state of ``ccodes``, the trend growth of a scenario starting in ``year`` (a fraction a year, module docstring), the years it was read over (``""`` for none), the window of the scenario and the system's
    mean growth over it.

    Each state's recorded growth over the window, clipped to :data:`GROWTH_CLIP`, regresses to the mean of the system's
    (every state with a figure over the window) by :func:`foedus.theory.growth.expected_growth` at
    :data:`~foedus.theory.growth.RUN_PERSISTENCE`;
    a state without a figure gets that mean (:data:`GROWTH_DEFAULT` where no state has one: a start in 1816, whose mean is NaN).
    """
    df = _gdp(data_dir)
    window = growth_window(min(int(year), int(df["year"].max())))
    lo, hi = window
    recent = np.full(len(ccodes), np.nan)
    spans = [""] * len(ccodes)
    for i, c in enumerate(ccodes):  # one scenario's states, once per build
        yrs, v = _series(df, int(c), lo, hi)
        if len(yrs) < 2 or yrs[-1] - yrs[0] < GROWTH_MIN_YEARS:
            continue
        recent[i] = (v[-1] / v[0]) ** (1.0 / (yrs[-1] - yrs[0])) - 1.0
        spans[i] = f"{yrs[0]}-{yrs[-1]}"
    mean = system_mean_growth(df, window)
    g = expected_growth(np.clip(recent, *GROWTH_CLIP), mean, RUN_PERSISTENCE)
    return np.where(np.isfinite(g), g, GROWTH_DEFAULT if np.isnan(mean) else mean), spans, window, mean


def system_mean_growth(df, window: tuple[int, int]) -> float:
    """The mean over every state of the record with a figure at both ends of ``window`` of its annualised growth,
    clipped to :data:`GROWTH_CLIP` (NaN if none has)."""
    lo, hi = window
    ends = df[df["year"].isin([lo, hi])].pivot_table(index="ccode", columns="year", values="pwtrgdp")
    if lo not in ends or hi not in ends:
        return float("nan")
    g = ((ends[hi] / ends[lo]) ** (1.0 / (hi - lo)) - 1.0).dropna()
    return float(np.clip(g, *GROWTH_CLIP).mean()) if len(g) else float("nan")


def growth_source(window: tuple[int, int]) -> str:
    """The scenario's ``sources`` entry for ``growth``."""
    lo, hi = window
    return (f"{FILES['gdppop']} (Fariss et al. 2022, pwtrgdp): annualised real GDP growth {lo}-{hi}, clipped to "
            f"[{GROWTH_CLIP[0]:.0%}, {GROWTH_CLIP[1]:.0%}], regressed to the system's mean (Easterly et al. 1993: "
            f"{RUN_PERSISTENCE:.0%} of the deviation persists); the mean where unknown; the window skips the world wars and ends "
            "where the record does (foedus builder convention, foedus.sim.build_growth)")
