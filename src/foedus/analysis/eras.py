"""Stylised facts of an era of alliances, measured the same way on the record and on simulated runs.

An *era* is a window of years ``first..last``. :func:`era_tables` reduces one history (the record,
or one simulated run) to the small tables the facts are computed from; :func:`era_facts` turns
one or several such reductions into the facts, so that runs are *pooled* by concatenating their
tables (a pooled Kaplan-Meier curve, pooled counts over pooled state-years), never by averaging
per-run figures. The facts (:data:`FACTS`):

``formation_per_state_year``
    Alliances begun in the era per state-year of the system (COW system members in the record;
    the run's states in a run). ``formation_<obligation>_per_state_year``: the same by *strongest*
    obligation, defence > offence > neutrality > non-aggression > consultation
    (:func:`foedus.analysis.formation.primary_obligation`, ATOP's columns).
``members_per_alliance``
    Mean number of distinct members of the alliances begun in the era (members who entered by its
    last year).
``share_bilateral``
    Share of those alliances with exactly two members.
``share_distant_minor_pairs``
    Share of those alliances that are a pair of two non-major states (COW majors in the pact's
    first year, ``state_years.major``) whose capitals are more than :data:`DISTANT_KM` (5,000 km)
    apart, great-circle (capitals of the peacesciencer/COW capitals table, the spell covering the
    pact's first year). A bilateral pact of two small distant states is rare in the record: it is
    the signature of power-balancing with no shared threat.
``km_median_begun``, ``km_survival_10_begun``
    Kaplan-Meier median duration (years) and share surviving 10 years of the alliances begun in
    the era, those still in force at its end right-censored there
    (:func:`foedus.analysis.survival.kaplan_meier`). An infinite median (the curve stays above
    one half) is reported with ``km_horizon_begun``, the longest duration observed, which the
    median exceeds.
``km_median_inherited``, ``km_survival_10_inherited``
    The same for the alliances *inherited*: begun before the era and in force in its first year
    (in a run, the scenario's starting agreements begun before that year), their duration counted
    from the era's first year (the years they still lasted), censored at its end.
``in_force_end_per_state``
    Alliances in force at the end of the era's last year (begun by then, not ended in or before
    it), per system member then. Per state, because a run keeps the states of its first year
    while the record's system grows (66 states in 1946, 160 in 1989).
``defence_allies_joining``, ``joiners_without_pact``
    Alliances and war (:mod:`foedus.analysis.war_allies`), over the wars begun in the era.
``war_onsets_per_state_year``
    Wars begun in the era per state-year: COW inter-state wars (a war counted once, in its first
    year, however many join it) in the record, ``war`` events in a run (each is one war; allies
    and later entrants join it), over the state-years of the era up to the last year of the COW war
    data's domain (:data:`foedus.analysis.war_onsets.WAR_RECORD_LAST_YEAR`, 2007), in the record and
    in a run alike: the record has no wars after it, so a rate over 1990-2018 would count 18 years'
    wars over 29 years' states. The rate of the wars the alliance facts above are measured on
    (Sarkees & Wayman 2010).
``gp_war_onsets_per_gp_pair_year``
    Wars begun in the era with a great power (a COW major power) on each side, per pair-year of great
    powers, up to the same last year (:func:`foedus.analysis.great_power_wars.great_power_war_counts`;
    Levy 1983).
``rivalries_end_per_state``
    Strategic rivalries (Thompson & Dreyer 2012) in force at the end of the era's last year between two system
    members, per system member then (:mod:`foedus.analysis.rivalry_era`; its own function, pooled the same way).

Which agreements: kind ``alliance`` only; in a run, ``min_begun_id`` (the simulator's first id of
an agreement formed during a run) keeps the scenario's starting agreements out of "begun".
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_years_filled, system_members
from foedus.analysis.formation import primary_obligation
from foedus.analysis.great_power_wars import great_power_war_counts
from foedus.analysis.rivalry_era import RIVALRY_FACTS, rivalry_era_fact, rivalry_era_table
from foedus.analysis.survival import _median, kaplan_meier, km_survival_at
from foedus.analysis.war_allies import ally_pairs, joiners, war_participants
from foedus.analysis.war_onsets import WAR_RECORD_LAST_YEAR
from foedus.data.geography import great_circle_km
from foedus.schema import OBLIGATIONS, History

__all__ = ["DISTANT_KM", "FACTS", "era_tables", "era_facts"]

DISTANT_KM = 5000.0
"""Great-circle distance between capitals (km) beyond which two states count as distant."""

FACTS: tuple[str, ...] = (
    "formation_per_state_year",
    *(f"formation_{o}_per_state_year" for o in OBLIGATIONS),
    "members_per_alliance",
    "share_bilateral",
    "share_distant_minor_pairs",
    "km_median_begun",
    "km_survival_10_begun",
    "km_median_inherited",
    "km_survival_10_inherited",
    "in_force_end_per_state",
    "defence_allies_joining",
    "joiners_without_pact",
    "war_onsets_per_state_year",
    "gp_war_onsets_per_gp_pair_year",
    *RIVALRY_FACTS,
)
"""The era facts, in table order (see the module docstring; the rivalry facts: :mod:`foedus.analysis.rivalry_era`)."""


def _state_years(history: History, first: int, last: int) -> int:
    """System state-years in ``first..last`` from the membership spells of ``history.states``."""
    s = history.states
    lo = np.maximum(s["start_year"].to_numpy(dtype="int64"), first)
    hi = np.minimum(s["end_year"].astype("float64").fillna(last).to_numpy(), last).astype("int64")
    return int(np.maximum(hi - lo + 1, 0).sum())


def _members(history: History, ids: pd.Series, last: int) -> pd.Series:
    """Distinct members (entered by ``last``) of each agreement in ``ids``."""
    m = history.memberships
    m = m[m["agreement_id"].isin(ids).to_numpy() & (m["entry_year"] <= last).to_numpy()]
    return m.groupby("agreement_id")["ccode"].nunique().reindex(ids.to_numpy(), fill_value=0)


def _capital_at(capitals: pd.DataFrame, ccodes: np.ndarray, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude of each state's capital in each year (NaN when unknown).

    The spell covering the year, else the state's spell nearest in time.
    """
    lat = np.full(len(ccodes), np.nan)
    lng = np.full(len(ccodes), np.nan)
    if capitals is None or not len(capitals):
        return lat, lng
    by = {c: g for c, g in capitals.groupby("ccode")}
    for k, (c, y) in enumerate(zip(ccodes, years)):
        g = by.get(int(c))
        if g is None:
            continue
        start = g["start_year"].to_numpy(dtype=float)
        end = g["end_year"].astype("float64").fillna(np.inf).to_numpy()
        gap = np.where(y < start, start - y, np.where(y > end, y - end, 0.0))
        i = int(np.argmin(gap))
        lat[k], lng[k] = float(g["lat"].iloc[i]), float(g["lng"].iloc[i])
    return lat, lng


def _distant_minor(history: History, begun: pd.DataFrame, capitals: pd.DataFrame | None) -> np.ndarray:
    """Whether each begun alliance is a pair of non-major states with capitals > DISTANT_KM apart."""
    out = np.zeros(len(begun), dtype=bool)
    pairs = begun[begun["members"] == 2]
    if not len(pairs):
        return out
    m = history.memberships
    m = m[m["agreement_id"].isin(pairs["agreement_id"])].drop_duplicates(["agreement_id", "ccode"])
    m = m.sort_values(["agreement_id", "ccode"]).groupby("agreement_id")["ccode"].agg(list)
    a = np.array([m[i][0] for i in pairs["agreement_id"]], dtype="int64")
    b = np.array([m[i][1] for i in pairs["agreement_id"]], dtype="int64")
    years = pairs["start_year"].to_numpy(dtype="int64")
    sy = state_years_filled(history)
    major = set(zip(sy.loc[sy["major"].to_numpy(dtype=bool), "ccode"].tolist(), sy.loc[sy["major"].to_numpy(dtype=bool), "year"].tolist()))
    minor = np.array([(x, y) not in major and (z, y) not in major for x, z, y in zip(a, b, years)], dtype=bool)
    la, oa = _capital_at(capitals, a, years)
    lb, ob = _capital_at(capitals, b, years)
    with np.errstate(invalid="ignore"):
        far = great_circle_km(la, oa, lb, ob) > DISTANT_KM
    out[np.flatnonzero((begun["members"] == 2).to_numpy())] = minor & np.nan_to_num(far, nan=0).astype(bool)
    return out


def era_tables(
    history: History, first: int, last: int, *, capitals: pd.DataFrame | None = None, min_begun_id: int | None = None
) -> dict[str, object]:
    """Reduce one history to what the era facts of ``first..last`` are computed from.

    Parameters
    ----------
    history : History
        The record or one simulated run (its window must cover the era).
    first, last : int
        The era, both years included.
    capitals : DataFrame, optional
        Capitals (``ccode, start_year, end_year, lat, lng``, :func:`foedus.data.geography.read_capitals`);
        default ``history.extras["capitals"]`` when present.
    min_begun_id : int, optional
        In a run, the first id of an agreement formed during the run: only those count as begun.

    Returns
    -------
    dict
        ``state_years`` and ``states_at_end`` (int), ``in_force_end`` (int), ``begun``
        (``agreement_id, start_year, duration, ended, members, obligation, distant_minor``),
        ``inherited`` (``agreement_id, duration, ended``), ``wars`` (begun in the era), ``ally_pairs`` and ``joiners``
        (:func:`foedus.analysis.war_allies.ally_pairs`, :func:`~foedus.analysis.war_allies.joiners`).
    """
    if capitals is None and history.extras:
        capitals = history.extras.get("capitals")
    ag = history.agreements[history.agreements["kind"] == "alliance"]
    start = ag["start_year"].to_numpy(dtype="int64")
    end = ag["end_year"].astype("float64").to_numpy()
    ended_by_last = ~np.isnan(end) & (end <= last)
    keep = (start >= first) & (start <= last)
    if min_begun_id is not None:
        keep &= ag["agreement_id"].to_numpy() >= min_begun_id
    begun = pd.DataFrame(
        {
            "agreement_id": ag["agreement_id"].to_numpy(dtype="int64")[keep],
            "start_year": start[keep],
            "duration": np.where(ended_by_last, end, last)[keep] - start[keep],
            "ended": ended_by_last[keep],
            "obligation": primary_obligation(ag[keep]),
        }
    )
    begun["members"] = _members(history, begun["agreement_id"], last).to_numpy(dtype="int64")
    begun["distant_minor"] = _distant_minor(history, begun, capitals)
    inh = (start < first) & (np.isnan(end) | (end >= first))
    inherited = pd.DataFrame(
        {
            "agreement_id": ag["agreement_id"].to_numpy(dtype="int64")[inh],
            "duration": (np.where(ended_by_last, end, last)[inh] - first).astype("int64"),
            "ended": ended_by_last[inh],
        }
    )
    participants = war_participants(history, first, last)
    war_last = min(last, WAR_RECORD_LAST_YEAR)
    gp_wars, gp_pair_years = great_power_war_counts(history, participants, first, war_last)
    return {
        "gp_wars": gp_wars,
        "gp_pair_years": gp_pair_years,
        "war_state_years": _state_years(history, first, war_last) if first <= war_last else 0,
        "wars_in_war_years": int(participants.loc[participants["war_start"] <= war_last, "war"].nunique()),
        "state_years": _state_years(history, first, last),
        "states_at_end": int(system_members(history, last).size),
        "in_force_end": int(((start <= last) & (np.isnan(end) | (end > last))).sum()),
        "begun": begun,
        "inherited": inherited,
        "wars": int(participants["war"].nunique()),
        "ally_pairs": ally_pairs(history, participants),
        "joiners": joiners(history, participants),
        **rivalry_era_table(history, last),
    }


def _km(durations: pd.DataFrame) -> tuple[float, float, float]:
    """Kaplan-Meier median, 10-year survival and longest observed duration (NaN without data)."""
    if not len(durations):
        return float("nan"), float("nan"), float("nan")
    kmf = kaplan_meier(durations["duration"].to_numpy(dtype=float), durations["ended"].to_numpy(dtype=bool))
    return _median(kmf), float(km_survival_at(kmf, [10.0])[0]), float(durations["duration"].max())


def era_facts(tables: Sequence[Mapping[str, object]]) -> dict[str, float]:
    """The era facts (:data:`FACTS`) of one or several :func:`era_tables` reductions, pooled.

    Also returns ``km_horizon_begun`` and ``km_horizon_inherited`` (the longest durations observed,
    bounds of an infinite median), and the counts behind the facts: ``alliances_begun``,
    ``state_years``, ``wars`` (begun in the era), ``defence_ally_pairs``,
    ``joiners``. A fact with nothing to count is NaN.
    """
    if not tables:
        raise ValueError("era_facts needs at least one history's tables")
    begun = pd.concat([t["begun"] for t in tables], ignore_index=True)
    inherited = pd.concat([t["inherited"] for t in tables], ignore_index=True)
    pairs = pd.concat([t["ally_pairs"] for t in tables], ignore_index=True)
    join = pd.concat([t["joiners"] for t in tables], ignore_index=True)
    sy = float(sum(t["state_years"] for t in tables))
    n_end = float(sum(t["states_at_end"] for t in tables))
    out: dict[str, float] = {"formation_per_state_year": len(begun) / sy if sy else float("nan")}
    for o in OBLIGATIONS:
        out[f"formation_{o}_per_state_year"] = float((begun["obligation"] == o).sum()) / sy if sy else float("nan")
    n = len(begun)
    out["members_per_alliance"] = float(begun["members"].mean()) if n else float("nan")
    out["share_bilateral"] = float((begun["members"] == 2).mean()) if n else float("nan")
    out["share_distant_minor_pairs"] = float(begun["distant_minor"].mean()) if n else float("nan")
    out["km_median_begun"], out["km_survival_10_begun"], out["km_horizon_begun"] = _km(begun)
    out["km_median_inherited"], out["km_survival_10_inherited"], out["km_horizon_inherited"] = _km(inherited)
    out["in_force_end_per_state"] = float(sum(t["in_force_end"] for t in tables)) / n_end if n_end else float("nan")
    out["defence_allies_joining"] = float(pairs["joined"].mean()) if len(pairs) else float("nan")
    out["joiners_without_pact"] = float((~join["pact"]).mean()) if len(join) else float("nan")
    wsy = float(sum(t.get("war_state_years", t["state_years"]) for t in tables))
    out["war_onsets_per_state_year"] = float(sum(t.get("wars_in_war_years", t.get("wars", 0)) for t in tables)) / wsy if wsy else float("nan")
    gpy = float(sum(t.get("gp_pair_years", 0.0) for t in tables))
    out["gp_war_onsets_per_gp_pair_year"] = float(sum(t.get("gp_wars", 0) for t in tables)) / gpy if gpy else float("nan")
    out.update(rivalry_era_fact(tables))
    out.update(alliances_begun=float(n), state_years=sy, wars=float(sum(t.get("wars", 0) for t in tables)), defence_ally_pairs=float(len(pairs)), joiners=float(len(join)))
    return out
