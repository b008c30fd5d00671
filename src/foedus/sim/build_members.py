"""The state system's changes over a record-built scenario's horizon (COW State System Membership List v2016).

:func:`system_changes` gives, for a scenario that starts from the record, each state's spells in
the system during the horizon (:attr:`foedus.sim.scenario.Actor.in_system`) and the actors and
relations of the states that enter later, with their figures from the record of their first year.
:func:`foedus.sim.build.scenario_from_record` adds them; :mod:`foedus.sim.steps.system` applies them.

Membership of a year follows the builder's convention for its first year: a state is a member of
year ``y`` when it is one on 31 December of ``y`` (so Bavaria, absorbed in January 1871, last counts
in 1870, and a state that enters in December counts from that year). After 2016 (the list's last
year) the members of the end of 2016 carry on, as :func:`foedus.data.snapshot.snapshot` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from foedus.data.membership import member_years
from foedus.data.paths import default_data_dir
from foedus.data.snapshot import snapshot
from foedus.data.snapshot_fields import table


def spells_in(years: pd.DataFrame, ccode: int, first: int, last: int) -> list[tuple[int, int | None]] | None:
    """The spells of ``ccode`` within the horizon ``[first, last]`` (last ``None`` when it reaches the end); None when a member throughout."""
    s = years[years["ccode"] == ccode]
    out: list[tuple[int, int | None]] = []
    for f, l in zip(s["first"].tolist(), s["last"].tolist()):
        l_eff = last if np.isnan(l) else int(l)
        if l_eff < first or f > last:
            continue
        out.append((max(int(f), first), None if l_eff >= last else l_eff))
    out.sort()
    if len(out) == 1 and out[0] == (first, None):
        return None
    return out


def system_changes(
    start: int, years: int, codes: list[int], data_dir: Path | None, *, entrants: bool, actors_of: Callable, relations_of: Callable
) -> tuple[dict[int, list], list[dict[str, Any]], list[dict[str, Any]]]:
    """Spells of the starting states, and the states entering during the horizon with their relations.

    Parameters
    ----------
    start, years : int
        First year and horizon of the scenario.
    codes : list of int
        The starting states (members at the end of ``start``).
    data_dir : Path or None
    entrants : bool
        Add the states that enter the system during the horizon (a whole-system scenario); else
        only the starting states' exits (and returns).
    actors_of, relations_of : callable
        The builder's actor and relation makers (a snapshot and its year -> list of dicts).

    Returns
    -------
    spells : dict
        ccode -> spells (:attr:`~foedus.sim.scenario.Actor.in_system`) of the starting states
        that leave during the horizon.
    new_actors : list of dict
        The entrants, each with its figures of its first year in the system, its ``in_system``
        and ``since`` (its COW start year); a ``sources`` note says where its figures come from.
    new_relations : list of dict
        Their relations (contiguity, distance, rivalry, trade) with every other actor, from the
        record of each entrant's first year.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    yrs = member_years(table(d, "states"))
    last = start + years - 1
    spells = {c: sp for c in codes if (sp := spells_in(yrs, c, start, last)) is not None}
    if not entrants:
        return spells, [], []
    inside = yrs[(yrs["first"] <= last) & ~(yrs["last"] < start)]
    new = sorted(set(inside["ccode"].tolist()) - set(codes))
    new_spells = {c: spells_in(yrs, c, start, last) for c in new}
    by_year: dict[int, list[int]] = {}
    for c, sp in new_spells.items():
        by_year.setdefault(sp[0][0], []).append(c)
    known = set(codes)
    new_actors: list[dict[str, Any]] = []
    new_relations: list[dict[str, Any]] = []
    cow_start = yrs.groupby("ccode")["first"].min()
    for y in sorted(by_year):
        snap = snapshot(y, data_dir=data_dir, at_year_end=True)
        entering = set(by_year[y])
        for a in actors_of(snap, y):
            if a["ccode"] in entering:
                a["in_system"] = [list(s) for s in new_spells[a["ccode"]]]
                a["since"] = int(cow_start[a["ccode"]])
                a.setdefault("sources", {})["entry"] = f"enters the system in {y} (COW state list); figures of {y}"
                new_actors.append(a)
        known |= entering
        for r in relations_of(snap):
            i, j = r["pair"]
            if (i in entering or j in entering) and i in known and j in known:
                new_relations.append(r)
    return spells, new_actors, new_relations
