"""Research panels: every dyad-year or state-year of the COW state system, and verbs that add to them.

The everyday frames of quantitative peace science, in the manner of peacesciencer (Miller 2022):
:func:`dyad_years` and :func:`state_years` build the skeleton (``create_dyadyears()``,
``create_stateyears()``), and the ``add_*`` verbs of :mod:`foedus.analysis.panel_verbs` merge
one data set each onto it (``df.pipe(add_atop_alliance).pipe(add_nmc)``). Everything is a
vectorised pandas merge; nothing loops over dyads.

Definitions
-----------
*State-year*
    A state is in the system in year ``y`` when one of its spells in the COW State System
    Membership List v2016 (Correlates of War Project 2017) touches ``y``. The list ends on 31
    December 2016; states still members then are carried forward to later years asked for (as
    peacesciencer's ``create_stateyears(mry = TRUE)`` does), so **years after 2016 are
    extrapolated**, not coded by COW.
*Dyad-year*
    Two states in the system at the same time during ``y``, by COW's start and end dates: the
    German Reich (ended 8 May 1945) and the Netherlands (back on 26 June 1945) make no dyad in
    1945, nor the two Germanys and united Germany in 1990. This is peacesciencer's ``cow_ddy``
    to the row. Non-directed: ``ccode1 < ccode2``; directed: both orders. 1816-2018 gives
    993,975 non-directed dyad-years (1,987,950 directed).
*Politically relevant dyads* (``relevant=True``)
    Contiguous (COW direct contiguity of any type, land or up to 400 miles of water, in the
    year) or with at least one COW major power (Weede 1976; Lemke & Reed 2001), as
    peacesciencer's ``filter_prd()``. The frame then carries ``conttype``, ``cowmaj1`` and
    ``cowmaj2``.

Every frame carries its description in ``df.attrs["panel"]``: the unit (``"dyad_year"`` or
``"state_year"``), whether directed, the years, the verbs applied, the files read, the unit of
each column and what to cite; :func:`write_panel` writes it with the table
(:mod:`foedus.data.export`).

References
----------
.. [1] Miller, S. V. 2022. "{peacesciencer}: An R Package for Quantitative Peace Science
   Research." *Conflict Management and Peace Science* 39(6): 755-779.
.. [2] Correlates of War Project. 2017. "State System Membership List, v2016."
.. [3] Lemke, D., and W. Reed. 2001. "The Relevance of Politically Relevant Dyads."
   *Journal of Conflict Resolution* 45(1): 126-144.
.. [4] Weede, E. 1976. "Overwhelming Preponderance as a Pacifying Condition among Contiguous
   Asian Dyads, 1950-1969." *Journal of Conflict Resolution* 20(3): 395-411.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from foedus.analysis.panel_core import panel_info, panel_record, with_info
from foedus.schema import History

__all__ = ["dyad_years", "state_years", "panel_record", "panel_info", "write_panel", "COW_STATES_CITATION"]

COW_STATES_CITATION = 'Correlates of War Project. 2017. "State System Membership List, v2016."'
PEACESCIENCER_CITATION = (
    'Miller, Steven V. 2022. "{peacesciencer}: An R Package for Quantitative Peace Science Research." '
    "Conflict Management and Peace Science 39(6): 755-779."
)
PRD_CITATION = 'Lemke, Douglas, and William Reed. 2001. "The Relevance of Politically Relevant Dyads." Journal of Conflict Resolution 45(1): 126-144.'

STATES_LAST_YEAR = 2016
"""Last year of the COW State System Membership List v2016; later years are carried forward."""


def _check_years(start: int, end: int) -> tuple[int, int]:
    for name, v in (("start", start), ("end", end)):
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer)):
            raise ValueError(f"{name} must be a whole year, got {v!r}")
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    if start < 1816:
        raise ValueError(f"start {start} is before the COW state system begins (1816)")
    return int(start), int(end)


def _system_years(record: History, start: int, end: int, *, days: bool = False) -> pd.DataFrame:
    """``ccode, year`` of every state in the system in ``start .. end`` (see *State-year*).

    With ``days``, also ``first`` and ``last``: the first and last day of the year the spell
    covers, as ``100 * month + day`` (1 January = 101, 31 December = 1231); a spell whose start
    month and day are not known (a store imported before they were read) covers from 1 January.
    """
    st = record.states
    lo = np.maximum(st["start_year"].to_numpy(dtype="int64"), start)
    hi = np.minimum(st["end_year"].astype("float64").fillna(float(end)).to_numpy(), end).astype("int64")
    n = np.maximum(hi - lo + 1, 0)
    rows = np.repeat(np.arange(len(st)), n)
    years = lo[rows] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    out = pd.DataFrame({"ccode": st["ccode"].to_numpy(dtype="int64")[rows], "year": years})
    if not days:
        return out.drop_duplicates().sort_values(["ccode", "year"], kind="mergesort").reset_index(drop=True)

    def day(month: str, dday: str, default: int) -> np.ndarray:
        if month not in st.columns or dday not in st.columns:
            return np.full(len(st), default, dtype="int64")
        v = st[month].astype("float64").to_numpy() * 100 + st[dday].astype("float64").to_numpy()
        return np.where(np.isnan(v), default, v).astype("int64")

    first, last = day("start_month", "start_day", 101), day("end_month", "end_day", 1231)
    starts_here = years == st["start_year"].to_numpy(dtype="int64")[rows]
    ends_here = years == st["end_year"].astype("float64").fillna(-1).to_numpy()[rows]
    out["first"] = np.where(starts_here, first[rows], 101)
    out["last"] = np.where(ends_here, last[rows], 1231)
    return out


def _base_info(unit: str, start: int, end: int, directed: bool, record: History) -> dict[str, Any]:
    files = [f for f in (record.meta.files if record.meta is not None else ()) if "states" in Path(f).name]
    return {
        "unit": unit,
        "directed": directed,
        "years": [start, end],
        "verbs": [],
        "files": files,
        "units": {"ccode": "COW state code", "ccode1": "COW state code", "ccode2": "COW state code", "year": "calendar year"},
        "cite": [COW_STATES_CITATION, PEACESCIENCER_CITATION],
        "record": str(record.source),
        "note": f"COW State System v2016 ends in {STATES_LAST_YEAR}; states in it then are carried forward to later years",
    }


def state_years(start: int, end: int, *, record: History | None = None) -> pd.DataFrame:
    """Every state-year of the COW state system from ``start`` to ``end`` (both included).

    Parameters
    ----------
    start, end : int
        Calendar years; ``start`` no earlier than 1816.
    record : History, optional
        The record (default :func:`panel_record`).

    Returns
    -------
    pandas.DataFrame
        ``ccode, year`` (int64), sorted; description in ``attrs["panel"]``.

    Examples
    --------
    >>> sy = state_years(1816, 2018)   # doctest: +SKIP
    >>> len(sy)                         # doctest: +SKIP
    16341
    """
    start, end = _check_years(start, end)
    rec = panel_record(record)
    out = _system_years(rec, start, end).sort_values(["year", "ccode"], kind="mergesort").reset_index(drop=True)
    return with_info(out[["ccode", "year"]], _base_info("state_year", start, end, False, rec))


def dyad_years(
    start: int, end: int, *, directed: bool = False, relevant: bool = False, record: History | None = None
) -> pd.DataFrame:
    """Every dyad-year of the COW state system from ``start`` to ``end`` (``create_dyadyears()``).

    Parameters
    ----------
    start, end : int
        Calendar years, both included; ``start`` no earlier than 1816.
    directed : bool
        Both orders of each pair (``(a, b)`` and ``(b, a)``) instead of ``ccode1 < ccode2``.
    relevant : bool
        Politically relevant dyads only (see the module docstring; Lemke & Reed 2001). Adds
        ``conttype``, ``cowmaj1`` and ``cowmaj2``.
    record : History, optional
        The record (default :func:`panel_record`).

    Returns
    -------
    pandas.DataFrame
        ``ccode1, ccode2, year`` (int64), sorted by year and codes; description in
        ``attrs["panel"]``.

    Notes
    -----
    1816-2018, non-directed: 993,975 rows, built in about 0.3 s, 24 MB for the three
    columns (see the README for the measured figures with every verb).
    """
    start, end = _check_years(start, end)
    rec = panel_record(record)
    sy = _system_years(rec, start, end, days=True)
    d = sy.merge(sy, on="year", suffixes=("1", "2"))
    c1, c2 = d["ccode1"].to_numpy(), d["ccode2"].to_numpy()
    together = np.maximum(d["first1"].to_numpy(), d["first2"].to_numpy()) <= np.minimum(d["last1"].to_numpy(), d["last2"].to_numpy())
    keep = ((c1 < c2) if not directed else (c1 != c2)) & together
    d = d.loc[keep, ["ccode1", "ccode2", "year"]].drop_duplicates()
    d = d.sort_values(["year", "ccode1", "ccode2"], kind="mergesort").reset_index(drop=True)
    out = with_info(d, _base_info("dyad_year", start, end, directed, rec))
    if relevant:
        from foedus.analysis.panel_verbs import add_contiguity, add_cow_majors

        out = add_cow_majors(add_contiguity(out, record=rec), record=rec)
        prd = (out["conttype"] > 0) | (out["cowmaj1"] == 1) | (out["cowmaj2"] == 1)
        info = panel_info(out)
        out = out[prd.to_numpy()].reset_index(drop=True)
        info = {**info, "relevant": True}
        out = with_info(out, info, cite=[PRD_CITATION, 'Weede, Erich. 1976. "Overwhelming Preponderance as a Pacifying '
                                         'Condition among Contiguous Asian Dyads, 1950-1969." Journal of Conflict Resolution 20(3): 395-411.'])
    return out


def write_panel(df: pd.DataFrame, path: Path | str, *, format: str | None = None, command: str | None = None) -> Path:
    """Write a panel as Parquet, CSV or Stata with its description and provenance (:func:`foedus.data.export.write_table`).

    The provenance records foedus's version, the command, the data files read (with SHA-256),
    the verbs applied, the unit of every column and the citations.
    """
    from foedus.data.export import provenance, write_table

    info = panel_info(df)
    meta = provenance(
        info["files"], command=command, units=info["units"],
        panel={k: v for k, v in info.items() if k not in ("files", "units")},
    )
    what = "directed dyad-years" if info.get("directed") else ("dyad-years" if info["unit"] == "dyad_year" else "state-years")
    label = f"COW {what} {info['years'][0]}-{info['years'][1]}" + (f" + {', '.join(info['verbs'])}" if info["verbs"] else "")
    return write_table(df, path, format=format, meta=meta, label=label)
