"""Does the simulator reproduce history? Stylised facts of simulated and recorded alliances.

:func:`validate` simulates ``multipolar-1815`` (1816–1914) and ``bipolar-1950`` (1950–1989) and
sets beside each run the same facts measured on the imported record (ATOP 5.1, COW state system)
over the same years, with the measures of :mod:`foedus.analysis` (the same code for both):

``alliances_per_state_year``
    Alliances begun per year divided by the mean number of states in the system
    (:func:`foedus.analysis.formation.formation_rate`; the record's system size from
    :func:`foedus.analysis.capabilities.system_years`). In range within a factor 2.
``members_per_alliance``
    Mean number of distinct members (:func:`foedus.analysis.size.size_summary`). Within a factor 1.5.
``km_median_survival``
    Kaplan–Meier median duration in years, alliances in force at the end of the window
    right-censored (:func:`foedus.analysis.survival.survival_table`). Within a factor 2. When
    the estimated survival never falls to one half inside the window the median is infinite,
    that is, only known to exceed the longest duration observed (``record_above`` in the
    JSON): it is then in range of a finite median that could agree with it within the factor
    (finite × 2 ≥ bound).
``km_survival_10``
    Kaplan–Meier share of alliances surviving 10 years. Within 0.15.
``share_bilateral``
    Share of alliances with exactly two members. Within 0.15.
``contrast_survival`` and ``contrast_formation`` (period "after/before 1945")
    Bipolar over multipolar ratio of the 10-year KM survival and of the formation rate (brief D2: the
    post-1945 system produced long-lived alliances). In range when the simulated ratio lies on
    the same side of 1 as the record's and within a factor 2.5 of it.

Only alliances *begun* in the window count, in both: for the simulation, those formed during the
run (not the scenario's starting agreements, nor coalitions, which ATOP does not code).

Calibration. One parameter set (the defaults of :class:`foedus.sim.parameters.Parameters`) serves
both periods; it was chosen by grid searches that scored the per-period facts above against the
record (seed 1 of each scenario, then seeds 1-6 pooled), and checked on six disjoint sets of
three seeds (1-3, 4-6, ..., 16-18): every fact was in range for every set (72 of 72; a test
holds seeds 1-3 and 10-12 to it):

==============================  =========  ==========================================================
parameter                       value      what it moved
==============================  =========  ==========================================================
``alliance_cost``               0.04       formation per state and members per alliance
``commitment_exponent``         0.75       (0.5 before the second search) share of bilateral pacts:
                                           joining a k-member alliance costs k ** 0.75 pairs
``balance_power_weight``        0.3        (F1; 1 in the published form) too many pacts of pure
                                           power balancing among distant small states otherwise
``exit_rate``                   0.05       survival (a member's yearly chance to act on a bad deal)
``exit_threshold``              1.0        survival of large alliances
``dissolution_hazard``          0.3        the hazard at zero cohesion: survival in both periods
``capability_change_weight``    0.5        (2 in :func:`foedus.theory.cohesion.dissolution_hazard`)
``cohesion_intercept``          -8         (-1 in :func:`foedus.theory.cohesion.alliance_cohesion`)
``cohesion_threat_weight``      20         (3 there): cohesion rests on a common threat
``cohesion_similarity_weight``  4          (1 there) so that values matter beside a strong threat term
==============================  =========  ==========================================================


The difference between the two periods is not calibrated per period: it comes from the threat
structure of each starting world (brief D2): superpowers with global reach and ideological
distance (UN ideal points, from 1946) give the bipolar system lasting common threats; before
1946 threats are local and come only from hostility and rivalry. The record's bipolar
Kaplan-Meier median is infinite (more than half the alliances begun 1950-1989 were still in
force in 1989): it is compared as a lower bound (see ``km_median_survival``); the simulated one
is about 30 years or also infinite, depending on the seeds. What remains furthest from the
record: the simulated systems form about 1.3 times as many alliances per state-year in both
periods (within the factor 2), and their alliances have slightly fewer members (2.2-2.3 against
2.4 and 2.7). Institutionalisation (``institution_protection``) does not enter these facts:
alliances formed in a run start uninstitutionalised, and the starting ones are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from foedus.schema import History
from foedus.sim.agreements import FIRST_SIMULATED_ID

PERIODS: dict[str, tuple[str, int, int]] = {
    "multipolar-1815": ("1816-1914", 1816, 1914),
    "bipolar-1950": ("1950-1989", 1950, 1989),
}
"""Scenario -> (label, first year, last year) compared with the record."""

TOLERANCE: dict[str, tuple[str, float]] = {
    "alliances_per_state_year": ("ratio", 2.0),
    "members_per_alliance": ("ratio", 1.5),
    "km_median_survival": ("ratio", 2.0),
    "km_survival_10": ("absolute", 0.15),
    "share_bilateral": ("absolute", 0.15),
    "contrast_survival": ("contrast", 2.5),
    "contrast_formation": ("contrast", 2.5),
}
"""How close a simulated fact must be to the record's to count as in range."""


@dataclass
class Fact:
    """One stylised fact, recorded and simulated."""

    name: str
    period: str
    record: float
    simulated: float
    in_range: bool
    tolerance: str
    record_above: float | None = None
    """For an infinite Kaplan-Meier median: the longest duration observed, which the median exceeds."""
    simulated_above: float | None = None

    def as_dict(self) -> dict:
        """JSON-ready dict (``inf`` as a string; for an infinite median, the bound it exceeds as ``record_above``/``simulated_above``)."""

        def num(v: float) -> float | str | None:
            if v is None or (isinstance(v, float) and np.isnan(v)):
                return None
            return "inf" if np.isinf(v) else round(float(v), 4)

        out = {"name": self.name, "period": self.period, "record": num(self.record), "simulated": num(self.simulated), "in_range": bool(self.in_range), "tolerance": self.tolerance}
        for key in ("record_above", "simulated_above"):
            if getattr(self, key) is not None:
                out[key] = num(getattr(self, key))
        return out


def window(history: History, first: int, last: int, *, kinds: tuple[str, ...] = ("alliance",), simulated_only: bool = False) -> History:
    """The alliances begun in ``first..last``, observed until ``last`` (later ends right-censored).

    Parameters
    ----------
    history : History
    first, last : int
        The window, both years included.
    kinds : tuple of str
        Agreement kinds kept.
    simulated_only : bool
        Keep only agreements formed during a simulation (ids from
        :data:`foedus.sim.agreements.FIRST_SIMULATED_ID`), not a scenario's starting ones.
    """
    ag = history.agreements
    keep = ag["kind"].isin(kinds) & (ag["start_year"] >= first) & (ag["start_year"] <= last)
    if simulated_only:
        keep &= ag["agreement_id"] >= FIRST_SIMULATED_ID
    ag = ag[keep].copy()
    late = ag["end_year"].notna() & (ag["end_year"] > last)
    ag.loc[late, "end_year"] = pd.NA
    ag["observed_until"] = last
    m = history.memberships
    m = m[m["agreement_id"].isin(ag["agreement_id"]) & (m["entry_year"] <= last)].copy()
    m.loc[m["exit_year"].notna() & (m["exit_year"] > last), "exit_year"] = pd.NA
    return History(
        states=history.states,
        state_years=history.state_years,
        agreements=ag.reset_index(drop=True),
        memberships=m.reset_index(drop=True),
        events=history.events,
        first_year=first,
        last_year=last,
        source=history.source,
    )


def stylised_facts(history: History, first: int, last: int, *, n_states: float | None = None, simulated_only: bool = False) -> dict[str, float]:
    """Formation per state-year, members per alliance, KM median survival, share bilateral.

    ``n_states`` is the mean number of states in the system over the window; by default it is
    counted from ``history.states`` (:func:`foedus.analysis.capabilities.system_years`).
    """
    from foedus.analysis.capabilities import system_years
    from foedus.analysis.formation import formation_rate
    from foedus.analysis.size import members_per_alliance
    from foedus.analysis.survival import alliance_durations, survival_table

    w = window(history, first, last, simulated_only=simulated_only)
    if n_states is None:
        sy = system_years(History(history.states, history.state_years, w.agreements, w.memberships, history.events, first, last))
        n_states = float(sy.groupby("year").size().mean()) if len(sy) else float("nan")
    rate = float(formation_rate(w, periods=(("window", first, last),)).loc["window", "per_year"])
    size = members_per_alliance(w)
    if len(w.agreements):
        surv = survival_table(w, periods=(("window", first, last),)).loc["all"]
        km, km10 = float(surv["km_median"]), float(surv["km_survival_10"])
        horizon = float(alliance_durations(w, periods=(("window", first, last),))["duration"].max())
    else:
        km = km10 = horizon = float("nan")
    return {
        "alliances_per_state_year": rate / n_states if n_states else float("nan"),
        "members_per_alliance": float(size.mean()) if len(size) else float("nan"),
        "km_median_survival": km,
        "km_horizon": horizon,
        "km_survival_10": km10,
        "share_bilateral": float((size == 2).mean()) if len(size) else float("nan"),
        "alliances": float(len(w.agreements)),
    }


def _in_range(name: str, record: float, simulated: float, record_bound: float = np.nan, simulated_bound: float = np.nan) -> bool:
    """Whether ``simulated`` is within the fact's tolerance (:data:`TOLERANCE`) of ``record``.

    An infinite Kaplan-Meier median is a lower bound: the estimated survival stays above one
    half up to the longest duration observed (``*_bound``), so the median is only known to
    exceed it. Such a value is in range of a finite one when that bound is not above the finite
    value times the tolerance (the two could agree), and two infinite medians are in range
    when each bound is within the tolerance of the other's value or bound.
    """
    kind, tol = TOLERANCE[name]
    if np.isinf(record) or np.isinf(simulated):
        lo_r = record_bound if np.isinf(record) else record
        lo_s = simulated_bound if np.isinf(simulated) else simulated
        if not (np.isfinite(lo_r) and np.isfinite(lo_s)):
            return bool(np.isinf(record) and np.isinf(simulated))
        if np.isinf(record) and np.isinf(simulated):
            return True
        if np.isinf(record):  # record > lo_r; simulated finite
            return bool(simulated * tol >= lo_r)
        return bool(record * tol >= lo_s)
    if not (np.isfinite(record) and np.isfinite(simulated)):
        return False
    if kind == "absolute":
        return abs(simulated - record) <= tol
    if record <= 0 or simulated <= 0:
        return False
    ratio = simulated / record
    if kind == "ratio":
        return 1.0 / tol <= ratio <= tol
    same_side = (record > 1) == (simulated > 1)
    return same_side and 1.0 / tol <= ratio <= tol


def pooled_history(histories: Sequence[History]) -> History:
    """Several runs as one history (agreement ids offset per run), for pooled measures."""
    ags, mems = [], []
    for k, h in enumerate(histories):
        off = k * 10_000_000
        a = h.agreements.copy()
        a["agreement_id"] = a["agreement_id"] + off
        m = h.memberships.copy()
        m["agreement_id"] = m["agreement_id"] + off
        ags.append(a)
        mems.append(m)
    h0 = histories[0]
    return History(h0.states, h0.state_years, pd.concat(ags, ignore_index=True), pd.concat(mems, ignore_index=True), h0.events, h0.first_year, h0.last_year, h0.source)


def simulated_facts(name: str, seeds: Sequence[int] = (1, 2, 3), scenario=None) -> dict[str, float]:
    """Stylised facts of a built-in scenario's runs over its validation window, pooled over seeds."""
    from foedus.sim.engine import Simulation
    from foedus.sim.scenario import Scenario

    label, first, last = PERIODS[name]
    sc = scenario if scenario is not None else Scenario.builtin(name)
    years = last - sc.start_year + 1
    hs = [Simulation(sc, rng=s).run(years).history() for s in seeds]
    pooled = pooled_history(hs)
    # the mean number of system members over the window (states enter and leave: foedus.sim.steps.system), per seed pooled
    sy = hs[0].state_years
    members = float(sy[sy["year"].between(first, last)].groupby("year").size().mean())
    facts = stylised_facts(pooled, first, last, n_states=members * len(seeds), simulated_only=True)
    return facts


def record_facts(record: History | None = None) -> dict[str, dict[str, float]]:
    """Stylised facts of the imported record over each validation window."""
    if record is None:
        from foedus.data import load_record

        record = load_record()
    return {name: stylised_facts(record, first, last) for name, (_, first, last) in PERIODS.items()}


def validate(seeds: Sequence[int] = (1, 2, 3), record: History | None = None, scenarios: dict | None = None) -> list[Fact]:
    """Simulate the validation scenarios and compare their stylised facts with the record's.

    Parameters
    ----------
    seeds : sequence of int
        Runs per scenario (pooled).
    record : History, optional
        The imported record (default :func:`foedus.data.load_record`).
    scenarios : dict, optional
        Scenario objects to use instead of the built-in ones, by name (for experiments).

    Returns
    -------
    list of Fact
    """
    rec = record_facts(record)
    sim = {name: simulated_facts(name, seeds, (scenarios or {}).get(name)) for name in PERIODS}
    out: list[Fact] = []
    for name, (label, _, _) in PERIODS.items():
        for fact in ("alliances_per_state_year", "members_per_alliance", "km_median_survival", "km_survival_10", "share_bilateral"):
            r, s = rec[name][fact], sim[name][fact]
            if fact == "km_median_survival":
                ok = _in_range(fact, r, s, rec[name]["km_horizon"], sim[name]["km_horizon"])
                out.append(Fact(fact, label, r, s, ok, _tol_text(fact), rec[name]["km_horizon"] if np.isinf(r) else None, sim[name]["km_horizon"] if np.isinf(s) else None))
            else:
                out.append(Fact(fact, label, r, s, _in_range(fact, r, s), _tol_text(fact)))
    m, b = "multipolar-1815", "bipolar-1950"
    for fact, key in (("contrast_survival", "km_survival_10"), ("contrast_formation", "alliances_per_state_year")):
        r = rec[b][key] / rec[m][key] if rec[m][key] else float("nan")
        s = sim[b][key] / sim[m][key] if sim[m][key] else float("nan")
        out.append(Fact(fact, "after/before 1945", r, s, _in_range(fact, r, s), _tol_text(fact)))
    return out


def _tol_text(name: str) -> str:
    kind, tol = TOLERANCE[name]
    if kind == "absolute":
        return f"±{tol:g}"
    if kind == "ratio":
        return f"×/÷ {tol:g}"
    return f"same side of 1, ×/÷ {tol:g}"
