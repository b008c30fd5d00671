"""Strategic rivalries in force at an era's end, per system state: a fact of the era validation (issue 12; brief D1, F2).

``rivalries_end_per_state``
    Thompson & Dreyer (2012) strategic rivalries in force at the end of the era's last year between two system
    members then, per system member then: measured on the record's ``rivalries`` table (``History.extras``) and on
    a run's, built by :func:`run_rivalries` from the scenario's rivalries and the run's ``rivalry_onset`` /
    ``rivalry_end`` events. A rivalry is in force at the end of ``last`` when it began by then and did not end in or
    before it (as the alliances of ``in_force_end_per_state``). Thompson & Dreyer code the rivalries still going in
    2010, where their data stop, as ending in 2010 (:data:`TD_LAST_YEAR`): in the record those count as in force
    in any later year (1990–2018 ends in 2018: 42 rivalries then, 0.215 per member; the update of Thompson, Sakuwa
    & Suhas 2021, coded otherwise, has 56 in force in 2018, 30 of them among those 42). The record's values: 1914,
    39 (0.87 per member); 1938, 35 (0.53); 1989, 54 (0.34). Per state, because a run keeps its states while the record's system grows. The rivalries at an
    era's end are what the next era inherits, and since a rivalry admits a war onset (``war_onset.issue_at_stake``),
    a wrong count makes wrong wars.

The reductions of one history (:func:`rivalry_era_table`) are pooled over runs by :func:`rivalry_era_fact`, like
:func:`foedus.analysis.eras.era_facts`: a sum of counts over a sum of members.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.capabilities import system_members
from foedus.analysis.rivalry_facts import TD_LAST_YEAR, history_spells
from foedus.schema import History

__all__ = ["RIVALRY_FACTS", "run_rivalries", "rivalries_in_force", "rivalry_era_table", "rivalry_era_fact"]

RIVALRY_FACTS: tuple[str, ...] = ("rivalries_end_per_state",)
"""The rivalry facts of an era (module docstring)."""


def run_rivalries(initial: Iterable[tuple[int, int]], events: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """A run's rivalries as the record's ``rivalries`` table has them: ``ccode1, ccode2, start_year, end_year``.

    ``initial`` are the scenario's rivalries (pairs of COW codes) when the run began in ``first`` (their start is
    ``first - 1``: inherited); ``events`` the run's events (:func:`foedus.analysis.rivalry_facts.history_spells`).
    ``end_year`` is the year a rivalry ended, missing (NaN) for one still going in ``last``.
    """
    s = history_spells(list(initial), events, first, last)
    return pd.DataFrame({
        "ccode1": s["ccode1"].to_numpy(int),
        "ccode2": s["ccode2"].to_numpy(int),
        "start_year": s["start"].to_numpy(int),
        "end_year": np.where(s["ended"].to_numpy(bool), s["end"].to_numpy(float), np.nan),
    })


def rivalries_in_force(rivalries: pd.DataFrame, members: np.ndarray, year: int, *, censored_from: int | None = None) -> int:
    """Rivalries in force at the end of ``year`` between two of ``members``: begun by ``year``, not ended in or before it.

    ``end_year`` missing is a rivalry still going; with ``censored_from``, an ``end_year`` at or after it is one too
    (the record's rivalries going where the data stop, :data:`TD_LAST_YEAR`).

    Examples
    --------
    >>> r = pd.DataFrame({"ccode1": [2, 2, 200], "ccode2": [365, 710, 220], "start_year": [1945, 1949, 1800], "end_year": [1989, 1972, 1904]})
    >>> rivalries_in_force(r, np.array([2, 200, 220, 365, 710]), 1960)
    2
    >>> rivalries_in_force(r, np.array([2, 200, 220, 710]), 1960)  # the Soviet Union not a member
    1
    """
    if rivalries is None or not len(rivalries):
        return 0
    end = pd.to_numeric(rivalries["end_year"], errors="coerce").to_numpy(float)
    going = np.isnan(end) | (end > year)
    if censored_from is not None:
        going |= end >= censored_from
    a, b = rivalries["ccode1"].to_numpy(int), rivalries["ccode2"].to_numpy(int)
    keep = (rivalries["start_year"].to_numpy(int) <= year) & going & np.isin(a, members) & np.isin(b, members)
    pairs = {(min(x, y), max(x, y)) for x, y in zip(a[keep], b[keep])}  # a pair counts once
    return len(pairs)


def rivalry_era_table(history: History, last: int) -> dict[str, int]:
    """``rivalries_end`` and ``rivalry_states_end`` of one history at the end of ``last`` (NaN-free counts).

    The record's rivalries are ``history.extras["rivalries"]`` (censored from :data:`TD_LAST_YEAR`); a run's are the
    same table built by :func:`run_rivalries` (none: 0).
    """
    members = system_members(history, last)
    simulated = str(history.source).startswith("simulation")
    n = rivalries_in_force(history.extras.get("rivalries") if history.extras else None, members, last,
                           censored_from=None if simulated else TD_LAST_YEAR)
    return {"rivalries_end": int(n), "rivalry_states_end": int(members.size)}


def rivalry_era_fact(tables: Sequence[Mapping[str, object]]) -> dict[str, float]:
    """``rivalries_end_per_state`` of one or several :func:`rivalry_era_table` reductions, pooled (NaN without members)."""
    n = float(sum(t.get("rivalry_states_end", 0) for t in tables))
    r = float(sum(t.get("rivalries_end", 0) for t in tables))
    return {"rivalries_end_per_state": r / n if n else float("nan"), "rivalries_end": r}
