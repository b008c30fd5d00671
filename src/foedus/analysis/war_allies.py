"""Alliances and war: do a belligerent's allies join it, and do joiners fight beside their allies?

Two measures of the alliance-war link (brief P5), computed by the same code on the record (COW
inter-state wars) and on a simulated history (its ``war`` and ``commitment`` events):

``defence_allies_joining``
    Over the wars begun in a window, every pair (belligerent B, state A sharing a *defence* pact
    with B in force in the war's first year, A not B): the share in which A takes part in the war
    on B's side. Leeds, Long & Mitchell (2000) find about three quarters of commitments honoured
    when their casus foederis arises; this cruder measure counts every defence ally of every
    belligerent, whether or not the treaty's conditions applied, so it is lower in the record.
``joiners_without_pact``
    Over the same wars, the *joiners* (participants that did not start the war): the share that
    shared no defence or offence pact, in force in the year they joined, with any state already or
    eventually on the side they joined.

Participants (:func:`war_participants`) are one row per war and state: ``war``, ``ccode``,
``side`` (1 or 2), ``entry_year``, ``war_start`` and ``original``. Who *started* the war:

- record (``history.extras["wars"]``, COW inter-state wars as directed dyad-years,
  :func:`foedus.data.conflict.read_wars`): the participants already fighting in the war's first
  year (COW gives years, so a state that joined within the first year counts as original);
- simulation (no ``wars`` table): each ``war`` event is one war, its ``ccode`` (the attacker, side
  1) and ``ccode2`` (the target, side 2) fighting from its year; an honoured ``commitment`` event
  enters its ally on the side of ``detail.ally_of`` in its year (the target's for a defence call,
  the attacker's for an offence call), a ``war_entry`` event (a late ally, an opportunist) on the
  side of ``detail.side_of`` in its year (:func:`participants_from_events`). As in the record,
  the *originals* are the participants fighting in the war's first year: a state that entered in
  that year, even as a called ally, is not a joiner. (Until 2026-12 a run counted its same-year
  allies as joiners while the record, which has years only, counted them as originals; and an
  offence ally of the attacker was read as a new war with the roles reversed.)

Pacts in force (:func:`pact_pairs`) use the agreement-level obligations (ATOP ``defense``,
``offense``) and the memberships' entry and exit years; only agreements of kind ``alliance``.

References
----------
.. [1] Leeds, B. A., A. G. Long and S. M. Mitchell. 2000. "Reevaluating Alliance Reliability:
   Specific Threats, Specific Promises." *Journal of Conflict Resolution* 44(5): 686-99.
.. [2] Sarkees, M. R. and F. Wayman. 2010. *Resort to War: 1816-2007*. CQ Press (COW wars).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from foedus.schema import History

__all__ = ["PARTICIPANT_COLUMNS", "war_participants", "pact_pairs", "ally_pairs", "joiners", "alliance_war_shares"]

PARTICIPANT_COLUMNS = ("war", "ccode", "side", "entry_year", "war_start", "original")
"""Columns of :func:`war_participants`."""


def _empty_participants() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64") for c in PARTICIPANT_COLUMNS[:-1]} | {"original": pd.Series(dtype=bool)})


def participants_from_cow(wars: pd.DataFrame) -> pd.DataFrame:
    """Participants of COW inter-state wars from the directed dyad-year ``wars`` table.

    A state's side is its ``side1`` in its rows as ``ccode1``; its entry year the first year it
    fights; the war's start the first year of any of its dyads; originals are the states fighting
    in that first year.
    """
    if wars is None or not len(wars):
        return _empty_participants()
    w = wars[["warnum", "ccode1", "year", "side1"]]
    g = w.groupby(["warnum", "ccode1"], sort=True).agg(entry_year=("year", "min"), side=("side1", "first")).reset_index()
    g["war_start"] = g.groupby("warnum")["entry_year"].transform("min")
    out = pd.DataFrame(
        {
            "war": g["warnum"].astype("int64"),
            "ccode": g["ccode1"].astype("int64"),
            "side": g["side"].astype("int64"),
            "entry_year": g["entry_year"].astype("int64"),
            "war_start": g["war_start"].astype("int64"),
        }
    )
    out["original"] = out["entry_year"] == out["war_start"]
    return out.reset_index(drop=True)


def participants_from_events(events: pd.DataFrame) -> pd.DataFrame:
    """Participants of a simulated history's wars from its ``war``, ``commitment`` and ``war_entry`` events.

    Each ``war`` event (year, attacker ``ccode``, target ``ccode2``) is one war. A ``commitment``
    event that was honoured and entered at once (``enters`` absent or ``"now"``) makes its
    ``ccode`` a participant of its year on the side of ``ally_of``: side 2 when ``ally_of`` is the
    target (a defence call), side 1 when it is the attacker (an offence call). A ``war_entry``
    event (an ally entering a year late, or an opportunist) makes its ``ccode`` a participant in
    its year on the side of ``side_of``. The war is the event's ``war`` (first year, attacker,
    target), or for an event without one, the war of its year between ``ccode2`` and ``ally_of``.
    An entrant is *original* when it entered in the war's first year, as in the record (COW gives
    years). A commitment with no matching war (a hand-made history) makes a war of its own.
    """
    ev = events
    wars = ev[ev["kind"] == "war"]
    rows: list[tuple[int, int, int, int, int, bool]] = []
    key: dict[tuple[int, int, int], int] = {}
    for k, (y, a, t) in enumerate(zip(wars["year"].to_numpy(), wars["ccode"].to_numpy(), wars["ccode2"].to_numpy())):
        if pd.isna(a) or pd.isna(t):
            continue
        y, a, t = int(y), int(a), int(t)
        if (y, a, t) in key:  # the same war declared twice in a year: one war
            continue
        key[(y, a, t)] = k
        rows += [(k, a, 1, y, y, True), (k, t, 2, y, y, True)]
    n = len(wars)
    late = ev[ev["kind"].isin(["commitment", "war_entry"])]
    for kind, y, who, foe, detail in zip(late["kind"].to_numpy(), late["year"].to_numpy(), late["ccode"].to_numpy(), late["ccode2"].to_numpy(), late["detail"].to_numpy()):
        d = json.loads(detail) if isinstance(detail, str) and detail else {}
        side_of = d.get("ally_of") if kind == "commitment" else d.get("side_of")
        if side_of is None or (kind == "commitment" and (not d.get("honoured") or d.get("enters", "now") != "now")):
            continue
        y, who, foe, side_of = int(y), int(who), int(foe), int(side_of)
        if d.get("war"):
            w = tuple(int(v) for v in d["war"])
        elif (y, side_of, foe) in key:  # an offence ally of the attacker, without a war key
            w = (y, side_of, foe)
        else:
            w = (y, foe, side_of)
        if w not in key:
            key[w] = n
            rows += [(n, w[1], 1, w[0], w[0], True), (n, w[2], 2, w[0], w[0], True)]
            n += 1
        side = int(d["side"]) if d.get("side") in (1, 2) else (1 if side_of == w[1] else 2)  # an ally's ally names its side
        rows.append((key[w], who, side, y, w[0], y == w[0]))
    if not rows:
        return _empty_participants()
    out = pd.DataFrame(rows, columns=list(PARTICIPANT_COLUMNS))
    # a state listed twice in one war (an original that also honoured a pact) keeps its first row
    out = out.drop_duplicates(["war", "ccode"], keep="first")
    return out.astype({c: "int64" for c in PARTICIPANT_COLUMNS[:-1]}).astype({"original": bool}).reset_index(drop=True)


def war_participants(history: History, first: int | None = None, last: int | None = None) -> pd.DataFrame:
    """Participants of the wars begun in ``first..last`` (default the history's window).

    From ``history.extras["wars"]`` (the record) when present, else from the events (a run).
    """
    wars = history.extras.get("wars") if history.extras else None
    p = participants_from_cow(wars) if wars is not None else participants_from_events(history.events)
    lo = history.first_year if first is None else first
    hi = history.last_year if last is None else last
    return p[(p["war_start"] >= lo) & (p["war_start"] <= hi)].reset_index(drop=True)


def pact_pairs(history: History, year: int, obligations: tuple[str, ...]) -> set[tuple[int, int]]:
    """Unordered pairs ``(a, b)``, ``a < b``, sharing an alliance in force in ``year`` with any of ``obligations``."""
    ag = history.agreements
    end = ag["end_year"].astype("float64").fillna(np.inf)
    has = np.zeros(len(ag), dtype=bool)
    for o in obligations:
        has |= ag[o].to_numpy(dtype=bool)
    keep = (ag["kind"] == "alliance").to_numpy() & has & (ag["start_year"] <= year).to_numpy() & (end >= year).to_numpy()
    ids = ag.loc[keep, "agreement_id"]
    m = history.memberships
    exit_ = m["exit_year"].astype("float64").fillna(np.inf)
    m = m[m["agreement_id"].isin(ids).to_numpy() & (m["entry_year"] <= year).to_numpy() & (exit_ >= year).to_numpy()]
    pairs: set[tuple[int, int]] = set()
    for _, members in m.groupby("agreement_id")["ccode"]:
        c = np.unique(members.to_numpy(dtype="int64"))
        i, j = np.triu_indices(c.size, 1)
        pairs.update(zip(c[i].tolist(), c[j].tolist()))
    return pairs


def ally_pairs(history: History, participants: pd.DataFrame) -> pd.DataFrame:
    """Every (war, belligerent, defence ally) with whether the ally fought on the belligerent's side.

    Returns columns ``war, belligerent, ally, joined`` (see ``defence_allies_joining`` in the
    module docstring); the defence pacts are those in force in the war's first year.
    """
    rows = []
    for war, p in participants.groupby("war", sort=True):
        start = int(p["war_start"].iloc[0])
        pairs = pact_pairs(history, start, ("defense",))
        side = dict(zip(p["ccode"].tolist(), p["side"].tolist()))
        allies: dict[int, set[int]] = {}
        for a, b in pairs:
            allies.setdefault(a, set()).add(b)
            allies.setdefault(b, set()).add(a)
        for b, s in side.items():
            for a in sorted(allies.get(b, ())):
                rows.append((int(war), b, a, side.get(a) == s))
    return pd.DataFrame(rows, columns=["war", "belligerent", "ally", "joined"]).astype({"war": "int64", "belligerent": "int64", "ally": "int64", "joined": bool})


def joiners(history: History, participants: pd.DataFrame) -> pd.DataFrame:
    """Every joiner with whether it shared a defence or offence pact with its side when it joined.

    Returns columns ``war, ccode, side, entry_year, pact`` (see ``joiners_without_pact``).
    """
    rows = []
    cache: dict[int, set[tuple[int, int]]] = {}
    for war, p in participants.groupby("war", sort=True):
        for c, s, y in p.loc[~p["original"], ["ccode", "side", "entry_year"]].itertuples(index=False):
            if y not in cache:
                cache[y] = pact_pairs(history, int(y), ("defense", "offense"))
            mates = p.loc[(p["side"] == s) & (p["ccode"] != c), "ccode"].tolist()
            pact = any((min(c, m), max(c, m)) in cache[y] for m in mates)
            rows.append((int(war), int(c), int(s), int(y), pact))
    return pd.DataFrame(rows, columns=["war", "ccode", "side", "entry_year", "pact"]).astype(
        {"war": "int64", "ccode": "int64", "side": "int64", "entry_year": "int64", "pact": bool}
    )


def alliance_war_shares(history: History, first: int | None = None, last: int | None = None) -> dict[str, float]:
    """``defence_allies_joining`` and ``joiners_without_pact`` of the wars begun in ``first..last``.

    NaN where there is nothing to count (no defence ally of any belligerent, no joiner); the
    counts are returned too (``defence_ally_pairs``, ``joiners``, ``wars``).
    """
    p = war_participants(history, first, last)
    pairs = ally_pairs(history, p)
    js = joiners(history, p)
    return {
        "defence_allies_joining": float(pairs["joined"].mean()) if len(pairs) else float("nan"),
        "joiners_without_pact": float((~js["pact"]).mean()) if len(js) else float("nan"),
        "wars": float(p["war"].nunique()),
        "defence_ally_pairs": float(len(pairs)),
        "joiners": float(len(js)),
    }
