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


SUCCESSION_SHARE = 0.5
"""Least share of the memberships a state ends in its last year that another state must take up for it to count as its
successor (builder convention): Czechoslovakia's ten treaties of 1992 continued by the Czech Republic and Slovakia in
1993, West Germany's six of 1990 by Germany; a state merely joining one large treaty in the same year (Liechtenstein
or the Baltic states in the CSCE, 1990-91) is no successor."""


def successions(members: pd.DataFrame, years: pd.DataFrame, share: float = SUCCESSION_SHARE) -> pd.DataFrame:
    """The memberships a successor state continues from its predecessor, as ATOP records them.

    A state ``p`` whose spell in the COW state list ends (last year ``L``: :func:`foedus.data.membership.member_years`)
    and which leaves agreement ``a`` in year ``Y`` (``L <= Y <= L + 1``) is succeeded there by a state ``s`` whose spell
    begins in ``Y`` or ``Y + 1`` and which enters ``a`` in ``Y`` or ``Y + 1``, provided ``s`` enters at least ``share`` of
    the agreements ``p`` leaves in ``Y`` (:data:`SUCCESSION_SHARE`). ATOP lists Germany (255) in NATO from 1990, the year
    West Germany (260) leaves it, and the Czech Republic (316) and Slovakia (317) in Czechoslovakia's (315) treaties from
    1993; the COW list and ATOP keep one code where a state continues under another name (Russia 365 for the Soviet Union,
    Serbia 345 for Yugoslavia), so nothing is needed there.

    Parameters
    ----------
    members : DataFrame
        The ``memberships`` table (:func:`foedus.data.atop.read_atop_members`): ``agreement_id, ccode, entry_year, exit_year``.
    years : DataFrame
        :func:`foedus.data.membership.member_years` of the COW state list: ``ccode, first, last``.
    share : float

    Returns
    -------
    DataFrame
        ``agreement_id, predecessor, successor, year`` (``year``: the successor's entry), one row per membership continued.
    """
    cols = ["agreement_id", "predecessor", "successor", "year"]
    ended = years.dropna(subset=["last"])
    m = members[["agreement_id", "ccode", "entry_year", "exit_year"]]
    out = []
    for p, last in zip(ended["ccode"].astype(int), ended["last"].astype(int)):  # a few hundred ends in two centuries
        left = m[(m["ccode"] == p) & m["exit_year"].between(last, last + 1)]
        if not len(left):
            continue
        for y, g in left.groupby("exit_year"):
            y = int(y)
            born = years.loc[years["first"].between(y, y + 1) & (years["ccode"] != p), "ccode"].astype(int).unique()
            cand = m[m["ccode"].isin(born) & m["agreement_id"].isin(g["agreement_id"]) & m["entry_year"].between(y, y + 1)]
            for s, h in cand.groupby("ccode"):
                ids = h["agreement_id"].unique()
                if len(ids) >= share * g["agreement_id"].nunique():
                    out += [(int(a), p, int(s), int(h.loc[h["agreement_id"] == a, "entry_year"].min())) for a in ids]
    return pd.DataFrame(out, columns=cols).drop_duplicates(["agreement_id", "predecessor", "successor"]).reset_index(drop=True)


def add_successions(specs: list[dict[str, Any]], codes: set[int], data_dir: Path | None) -> None:
    """Write into the agreement ``specs`` (in place) the successions of :func:`successions` whose predecessor is a member
    and whose successor is one of the scenario's states ``codes`` and not a member yet (``AgreementSpec.successions``)."""
    from foedus.data.atop import read_atop_members
    from foedus.data.record import find_file

    d = Path(data_dir) if data_dir is not None else default_data_dir()
    succ = successions(read_atop_members(find_file(d, "atop_members")), member_years(table(d, "states")))
    by_id: dict[int, list[tuple[int, int]]] = {}
    for a, p, s in zip(succ["agreement_id"], succ["predecessor"], succ["successor"]):
        by_id.setdefault(int(a), []).append((int(p), int(s)))
    for spec in specs:
        pairs = [(p, s) for p, s in by_id.get(int(spec.get("id") or 0), []) if p in spec["members"] and s in codes and s not in spec["members"]]
        if pairs:
            spec["successions"] = {s: p for p, s in pairs}
