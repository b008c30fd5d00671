"""Strategic rivalries in force, begun and ended: the same measures of the record and of a simulated history (brief D1, F2).

A rivalry is a **spell** of a pair of states: ``ccode1 < ccode2``, ``start`` and ``end`` (years,
inclusive) and ``ended`` (False when the spell is censored: still going where the data stop, or
one of the pair left the system). :func:`record_spells` reads the Thompson & Dreyer (2012)
rivalries; :func:`history_spells` builds the spells of a simulated run from the rivalries it
started with and its ``rivalry_onset`` / ``rivalry_end`` events. :func:`rivalry_facts` measures,
over the years of an era, with the members of each year:

- ``in_force_per_state``: rivalries in force between two members, per member (mean over the years);
- ``onsets_per_pair_year``: rivalries begun between two members, per pair of members not in rivalry
  (pair-years at risk);
- ``ends_per_rivalry_year``: rivalries ended, per rivalry-year in force;
- ``median_duration``: the Kaplan–Meier median duration (years) of the rivalries begun in the era,
  censored at the era's last year (``inf`` when fewer than half of them end);
- the counts behind them (``onsets``, ``ends``, ``begun``).

:func:`by_decade` gives the in-force count, onsets and ends per decade.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.analysis.survival import km_median
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table

TD_LAST_YEAR = 2010
"""Thompson & Dreyer code rivalries still going at the end of their data as ending in 2010 (censored)."""

_COLUMNS = ["ccode1", "ccode2", "start", "end", "ended"]


def record_spells(data_dir: Path | None = None) -> pd.DataFrame:
    """The Thompson & Dreyer (2012) rivalries as spells (see the module docstring); those going in 2010 are censored."""
    td = table(Path(data_dir) if data_dir is not None else default_data_dir(), "td")
    return pd.DataFrame({
        "ccode1": np.minimum(td["ccode1"], td["ccode2"]).to_numpy(int),
        "ccode2": np.maximum(td["ccode1"], td["ccode2"]).to_numpy(int),
        "start": td["start_year"].to_numpy(int),
        "end": td["end_year"].to_numpy(int),
        "ended": (td["end_year"] < TD_LAST_YEAR).to_numpy(),
    })


def history_spells(initial: list[tuple[int, int]], events: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The rivalry spells of a simulated history.

    Parameters
    ----------
    initial : list of (ccode, ccode)
        The pairs in rivalry when the run began (``first``); their spells start in ``first - 1``
        (left-truncated: not onsets of the run).
    events : DataFrame
        The run's events (``year, kind, ccode, ccode2``); ``rivalry_onset`` and ``rivalry_end`` are read.
    first, last : int
        The run's first and last year; a spell still going in ``last`` is censored there.
    """
    open_: dict[tuple[int, int], int] = {(min(a, b), max(a, b)): first - 1 for a, b in initial}
    rows = []
    ev = events[events["kind"].isin(("rivalry_onset", "rivalry_end"))].sort_values("year", kind="stable")
    for y, kind, a, b in zip(ev["year"].to_numpy(int), ev["kind"], ev["ccode"].to_numpy(int), ev["ccode2"].to_numpy(int)):
        key = (min(a, b), max(a, b))
        if kind == "rivalry_onset":
            open_[key] = y
        elif key in open_:
            rows.append((*key, open_.pop(key), y, True))
    rows += [(*key, s, last, False) for key, s in open_.items()]
    return pd.DataFrame(rows, columns=_COLUMNS).astype({"ccode1": int, "ccode2": int, "start": int, "end": int, "ended": bool})


def _in_force(spells: pd.DataFrame, members: dict[int, np.ndarray], y: int) -> np.ndarray:
    """Mask of the spells in force in ``y`` between two members of ``y``."""
    m = members.get(y, np.empty(0, int))
    return (spells["start"] <= y).to_numpy() & (spells["end"] >= y).to_numpy() & np.isin(spells["ccode1"], m) & np.isin(spells["ccode2"], m)


def rivalry_facts(spells: pd.DataFrame, members: dict[int, np.ndarray], first: int, last: int) -> dict[str, float]:
    """Rivalries in force per member, onsets per pair-year at risk, ends per rivalry-year, median duration (module docstring)."""
    years = [y for y in range(first, last + 1) if y in members]
    per_state, at_risk, in_force_years, onsets, ends = [], 0.0, 0, 0, 0
    for y in years:
        f = _in_force(spells, members, y)
        n = len(members[y])
        per_state.append(f.sum() / n if n else np.nan)
        began = f & (spells["start"] == y).to_numpy()
        at_risk += n * (n - 1) / 2 - f.sum() + began.sum()
        onsets += int(began.sum())
        ends += int((f & (spells["end"] == y).to_numpy() & spells["ended"].to_numpy()).sum())
        in_force_years += int(f.sum())
    begun = spells[spells["start"].between(first, last)]
    dur = (np.minimum(begun["end"], last) - begun["start"] + 1).to_numpy(float)
    done = (begun["ended"] & (begun["end"] <= last)).to_numpy()
    return {
        "in_force_per_state": float(np.nanmean(per_state)) if per_state else float("nan"),
        "onsets_per_pair_year": onsets / at_risk if at_risk else float("nan"),
        "ends_per_rivalry_year": ends / in_force_years if in_force_years else float("nan"),
        "median_duration": km_median(dur, done) if len(dur) else float("nan"),
        "onsets": onsets,
        "ends": ends,
        "begun": int(len(begun)),
    }


def by_decade(spells: pd.DataFrame, members: dict[int, np.ndarray], first: int, last: int) -> pd.DataFrame:
    """Per decade from ``first``: mean rivalries in force between members, onsets and ends (rows ``decade, in_force, onsets, ends``)."""
    rows = []
    for d0 in range(first, last + 1, 10):
        ys = [y for y in range(d0, min(d0 + 9, last) + 1) if y in members]
        masks = [_in_force(spells, members, y) for y in ys]
        on = sum(int((f & (spells["start"] == y).to_numpy()).sum()) for f, y in zip(masks, ys))
        en = sum(int((f & (spells["end"] == y).to_numpy() & spells["ended"].to_numpy()).sum()) for f, y in zip(masks, ys))
        rows.append((f"{d0}-{min(d0 + 9, last)}", float(np.mean([f.sum() for f in masks])) if masks else np.nan, on, en))
    return pd.DataFrame(rows, columns=["decade", "in_force", "onsets", "ends"])
