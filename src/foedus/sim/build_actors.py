"""The actors of a scenario built from the record (:func:`foedus.sim.build.scenario_from_record`): each state's figures.

Capabilities from COW NMC and SIPRI, GDP from Fariss et al., regime from V-Dem/Polity, UN ideal
points, capitals, and the DCID cyber posture, in the units of :class:`~foedus.sim.scenario.Actor`,
with a ``sources`` note for every figure that comes from another year or is estimated. The
builder's conventions are stated in :mod:`foedus.sim.build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table
from foedus.sim.build_arms import prewar_milex
from foedus.sim.build_growth import GROWTH_DEFAULT, trend_growth
from foedus.schema import SchemaError


def _finite(x: float) -> bool:
    return x is not None and bool(np.isfinite(x))


def _fill(values: np.ndarray, cinc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Missing values from the CINC share times the known total per unit of CINC."""
    v = np.asarray(values, dtype=float).copy()
    known = np.isfinite(v) & (v > 0)
    if known.any():
        per = v[known].sum() / max(cinc[known].sum(), 1e-12)
        v[~known] = np.maximum(cinc[~known], 1e-6) * per
    else:
        v[:] = np.maximum(cinc, 1e-6) * 1e6
    return v, ~known


def _fill_missing(values: np.ndarray, cinc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Missing (NaN) figures from the CINC share times the recorded total per unit of CINC; a recorded zero stays zero
    (Costa Rica's personnel), and a missing figure is never read as zero (Bavaria's personnel in 1816, NMC's first figure
    being of 1828). Also which were estimated."""
    v = np.asarray(values, dtype=float).copy()
    miss = ~np.isfinite(v)
    known = ~miss & (cinc > 0)
    per = v[known].sum() / max(cinc[known].sum(), 1e-12) if known.any() else 0.0
    v[miss] = cinc[miss] * per
    return v, miss


PERSONNEL_LOOKAHEAD = 5
"""Years after the start in which a state's first recorded military personnel is looked for when the start has none."""


def _later_milper(ccodes, milper: np.ndarray, year: int, data_dir: Path | None) -> tuple[np.ndarray, list[str]]:
    """Missing personnel (NaN) from the state's first COW NMC figure within :data:`PERSONNEL_LOOKAHEAD` years after
    ``year`` (Sweden 1816: 54,000 of 1819; Bangladesh 1971: 47,000 of 1972), with a note; NaN stays where none."""
    v = np.asarray(milper, dtype=float).copy()
    notes = [""] * len(v)
    todo = np.flatnonzero(~np.isfinite(v))
    if not len(todo):
        return v, notes
    nmc = table(Path(data_dir) if data_dir is not None else default_data_dir(), "nmc")
    later = nmc[(nmc["year"] > year) & (nmc["year"] <= year + PERSONNEL_LOOKAHEAD) & nmc["milper"].notna()]
    first = later.sort_values("year").groupby("ccode").first()
    for i in todo:
        c = int(ccodes[i])
        if c in first.index:
            v[i] = float(first.at[c, "milper"])
            notes[i] = f"{int(first.at[c, 'year'])} (not {year}: the first COW NMC figure after it)"
    return v, notes


MILEX_FIT_MIN_STATES = 8
"""Fewest states with recorded spending, GDP and personnel for the log-linear estimate of missing spending (fewer: the CINC share)."""


def _fill_milex(milex: np.ndarray, gdp: np.ndarray, milper: np.ndarray, cinc: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Military spending, with missing figures estimated from GDP and military personnel; also which were estimated and each one's note.

    A state without a recorded figure (SIPRI or COW NMC) gets ``exp(b0 + b1 log GDP + b2 log
    personnel)``, the least-squares fit over the states of the same year that have all three:
    spending scales with the economy that pays for it and the forces it keeps. Scaling the
    known spending per unit of CINC instead (:func:`_fill`, still the fallback when fewer than
    :data:`MILEX_FIT_MIN_STATES` states have all three) counts a large, poor army as a rich one:
    it gave North Korea 35.7 bn US$ in 2022 against published estimates of a few billion
    (the fit gives about 1 bn). ``gdp`` is the filled GDP; the estimate is capped at the
    CINC-share figure.
    """
    v, est = _fill(milex, cinc)
    notes = ["estimated from the CINC share (no recorded figure)"] * len(v)
    m = np.asarray(milex, dtype=float)
    known = np.isfinite(m) & (m > 0)
    pers = np.asarray(milper, dtype=float)
    usable = np.isfinite(pers) & (pers > 0) & np.isfinite(gdp) & (gdp > 0)
    fit = known & usable
    if not est.any() or fit.sum() < MILEX_FIT_MIN_STATES:
        return v, est, notes
    x = np.column_stack([np.ones(fit.sum()), np.log(gdp[fit]), np.log(pers[fit])])
    b = np.linalg.lstsq(x, np.log(m[fit]), rcond=None)[0]
    todo = np.flatnonzero(est & usable)
    guess = np.exp(b[0] + b[1] * np.log(gdp[todo]) + b[2] * np.log(pers[todo]))
    lower = guess < v[todo]  # the fit, unless the CINC-share figure is lower
    how = f"estimated from GDP and military personnel (no recorded figure; log-linear fit over the {int(fit.sum())} states with all three)"
    v[todo[lower]] = guess[lower]
    for i in todo[lower]:  # the few states without a figure
        notes[i] = how
    return v, est, notes



def _has_cyber(year: int, incidents: np.ndarray) -> bool:
    """Whether actors get a cyber posture: DCID 2.0 starts in 2000 and must record an incident among them."""
    return year >= 2000 and incidents.sum() > 0


def _growth(snap, gdp_est: np.ndarray, year: int, data_dir: Path | None) -> tuple[np.ndarray, list[str]]:
    """Trend growth per state, a fraction per year, and its note: the mean's (no GDP figure), or the years read when
    they are not the scenario's window (a state new in the system); ``""`` otherwise (:mod:`foedus.sim.build_growth`)."""
    g, spans, (lo, hi), mean = trend_growth(snap.ccodes, year, data_dir)
    usual = f"{lo}-{hi}"
    known = np.array([bool(s) for s in spans]) & ~gdp_est
    notes = ["" if s == usual else f"annualised real GDP growth {s} (Fariss et al. 2022; the scenario's window is {usual})" for s in spans]
    if np.isnan(mean):
        mean, none = GROWTH_DEFAULT, f"assumed {GROWTH_DEFAULT:.0%} (no earlier GDP figure)"
    else:
        none = f"assumed {mean:.1%}, the system's mean growth {usual} (no GDP figure of its own)"
    return np.where(known, g, mean), [n if k else none for n, k in zip(notes, known)]


_FIELD_OF = {
    "cinc": "cinc", "milex_usd_m": "milex", "milper_k": "milper", "gdp_usd_m": "gdp", "population_m": "population",
    "democracy": "regime", "ideal_point": "ideal_point",
}
"""Snapshot field -> actor field, for the per-actor notes of figures from another year."""


def _other_years(snap) -> list[dict[str, str]]:
    """Per actor, the fields whose figure comes from another year than most actors' (``sources`` notes)."""
    years_used = getattr(snap, "source_years", {}) or {}

    def usual(key: str) -> int | None:
        ys = np.asarray(years_used.get(key, []))
        ys = ys[ys > 0]
        return int(np.bincount(ys - ys.min()).argmax() + ys.min()) if len(ys) else None

    common = {k: usual(k) for k in _FIELD_OF}
    notes = []
    for i in range(len(snap.ccodes)):
        s: dict[str, str] = {}
        for key, fld in _FIELD_OF.items():
            ys = years_used.get(key)
            if ys is not None and common[key] is not None and int(ys[i]) > 0 and int(ys[i]) != common[key]:
                s[fld] = f"{int(ys[i])} (not {common[key]})"
        notes.append(s)
    return notes


REGIME_MEMORY_YEARS = 10
"""Years of the record before the start over which a state's memory of its regime is formed (0.8^10 ~ 0.1 of the weight left)."""

REGIME_MEMORY_MIN_CHANGE = 0.01
"""A memory this close to the regime now is not written (the state's regime has not moved)."""


def _regime_memory(ccodes, year: int, data_dir: Path | None, regime=None) -> np.ndarray:
    """Each state's discounted memory of its democracy score (V-Dem ``v2x_polyarchy``) through ``year - 1``:
    :func:`foedus.theory.rivalry.regime_reference` over the :data:`REGIME_MEMORY_YEARS` before ``year`` at the default
    ``Parameters.regime_memory`` (NaN without a score then). A transition just before a run starts (Eastern Europe in
    1989-90, for a run from 1990) is then recent at the start, as it would be had the run lived it (Leeds & Savun 2007
    on regime change and the end of alliances; the rivalry step reads the same memory). Given ``regime`` (N,), the
    states' scores at the start, a transition that Polity records and the polyarchy does not (Turkey's and Iran's in
    1946) moves the memory as well (:func:`foedus.theory.abrogation.recorded_regime_memory`, Polity's ``polity2``
    rescaled to 0-1 and remembered in the same way; Leeds & Savun measure regime change with Polity), where Polity scores
    the start year."""
    from foedus.sim.parameters import Parameters
    from foedus.theory.abrogation import recorded_regime_memory

    d = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        dem = table(d, "democracy")
    except SchemaError:  # the regime file is optional for the snapshot too: without it, no memory
        return np.full(len(ccodes), np.nan)
    prm = Parameters()
    mem = _remembered(dem, "v2x_polyarchy", ccodes, year, prm.regime_memory)
    if regime is None:
        return mem
    # Polity's score in the start year itself: where the record has ended (Polity5 in 2018) a transition years before the
    # start is no recent one, and the polyarchy's memory alone stands (world-2022)
    now = dem[dem["year"] == year].dropna(subset=["polity2"]).drop_duplicates("ccode", keep="last").set_index("ccode")["polity2"]
    p_now = (now.reindex([int(c) for c in ccodes]).to_numpy(dtype=float) + 10.0) / 20.0
    shift = p_now - _remembered(dem, "polity2", ccodes, year, prm.regime_memory, scale=lambda x: (x + 10.0) / 20.0)
    return recorded_regime_memory(np.asarray(regime, dtype=float), mem, shift, threshold=prm.regime_transition_threshold)


def _regime_changed(ccodes, year: int, data_dir: Path | None) -> np.ndarray:
    """Each state's year of its latest regime transition through ``year`` (NaN: none in the record):
    :func:`foedus.theory.reassurance.regime_transition_onsets` of its Polity5 ``polity2`` series (Polity IV's ``REGTRANS``,
    3 points in three years; Marshall, Gurr & Jaggers 2014), from which its neighbours read its intentions anew (Walt 1996;
    :func:`foedus.sim.steps.formation.record_years`): the Soviet Union's of 1917 in a run from 1919, Poland's and Hungary's of
    1988-90 in a run from 1990."""
    from foedus.theory.reassurance import regime_transition_onsets

    out = np.full(len(ccodes), np.nan)
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        dem = table(d, "democracy")
    except SchemaError:  # the regime file is optional: without it, no transitions known
        return out
    dem = dem[dem["year"] <= year]
    pos = {int(c): i for i, c in enumerate(ccodes)}
    for c, g in dem[dem["ccode"].isin(list(pos))].groupby("ccode"):  # once per scenario, per state
        s = g.drop_duplicates("year", keep="last").set_index("year")["polity2"].sort_index()
        s = s.reindex(range(int(s.index.min()), int(s.index.max()) + 1))
        onsets = s.index[regime_transition_onsets(s.to_numpy(dtype=float))]
        if len(onsets):
            out[pos[int(c)]] = float(onsets[-1])
    return out


def _remembered(dem, column: str, ccodes, year: int, memory: float, scale=None) -> np.ndarray:
    """The discounted memory (:func:`foedus.theory.rivalry.regime_reference`) of ``column`` over the
    :data:`REGIME_MEMORY_YEARS` before ``year``, per state of ``ccodes`` (NaN without a score then); ``scale`` maps the scores first."""
    from foedus.theory.rivalry import regime_reference

    pick = dem[(dem["year"] >= year - REGIME_MEMORY_YEARS) & (dem["year"] < year)]
    wide = pick.pivot_table(index="year", columns="ccode", values=column).reindex(columns=[int(c) for c in ccodes])
    mem = np.full(len(ccodes), np.nan)
    for _, row in wide.sort_index().iterrows():  # ten years, once per scenario
        r = row.to_numpy(dtype=float)
        r = scale(r) if scale is not None else r
        mem = np.where(np.isnan(mem), r, np.where(np.isnan(r), mem, regime_reference(mem, r, memory=memory)))
    return mem


def _actors(snap, year: int, data_dir: Path | None) -> list[dict[str, Any]]:
    """The scenario's actors from a snapshot: figures in the units of :class:`~foedus.sim.scenario.Actor`."""
    n = len(snap.ccodes)
    cinc = np.nan_to_num(np.asarray(snap.cinc, dtype=float), nan=0.0)
    gdp, gdp_est = _fill(snap.gdp_usd_m, cinc)
    milex, milex_est, milex_how = _fill_milex(snap.milex_usd_m, gdp, snap.milper_k, cinc)
    milper, milper_note = _later_milper(snap.ccodes, snap.milper_k, year, data_dir)
    milper, milper_est = _fill_missing(milper, cinc)
    growth, growth_src = _growth(snap, gdp_est, year, data_dir)
    dem = np.asarray(snap.democracy, dtype=float)
    ip, ip_note = _later_ideal_points(snap, year, data_dir)
    inc = np.asarray(snap.cyber_incidents, dtype=float)
    cyber = _has_cyber(year, inc)
    if cyber:
        out_, in_ = inc.sum(axis=1), inc.sum(axis=0)
        cap = 0.1 + 0.9 * np.sqrt(out_ / max(out_.max(), 1))
        vul = 0.1 + 0.9 * np.sqrt(in_ / max(in_.max(), 1))
    notes = _other_years(snap)
    prewar = prewar_milex(snap.ccodes, year, data_dir)  # arms7: the aftermath of a war (foedus.theory.arming.postwar_level)
    memory = _regime_memory(snap.ccodes, year, data_dir, np.where(np.isfinite(dem), dem, 0.5))
    changed = _regime_changed(snap.ccodes, year, data_dir)
    actors = []
    for i in range(n):
        s = notes[i]
        if milex_est[i]:
            s["milex"] = milex_how[i]
        if gdp_est[i]:
            s["gdp"] = "estimated from the CINC share (no recorded figure)"
        if milper_est[i]:
            s["milper"] = "estimated from the CINC share (no recorded figure)"
        elif milper_note[i]:
            s["milper"] = milper_note[i]
        if growth_src[i]:
            s["growth"] = growth_src[i]
        if ip_note[i]:
            s["ideal_point"] = ip_note[i]
        if not np.isfinite(dem[i]):
            s["regime"] = "assumed 0.5 (no recorded figure)"
        a: dict[str, Any] = {
            "ccode": int(snap.ccodes[i]),
            "abb": str(snap.abb[i]),
            "name": str(snap.names[i]),
            "major": bool(snap.major[i]),
            "cinc": round(float(cinc[i]), 6),
            "milex": round(float(milex[i]), 3),
            "milper": round(float(milper[i]), 3),
            "gdp": round(float(gdp[i]), 3),
            "population": round(float(np.nan_to_num(snap.population_m[i])), 3),
            "growth": round(float(growth[i]), 5),
            "regime": round(float(dem[i]), 4) if np.isfinite(dem[i]) else 0.5,
            "lat": round(float(snap.capital_lat[i]), 4),
            "lon": round(float(snap.capital_lon[i]), 4),
        }
        pre = prewar.get(int(snap.ccodes[i]))
        if pre is not None and not milex_est[i] and "SIPRI" not in snap.sources.get("milex_usd_m", ""):
            a["milex_prewar"] = round(pre[0], 3)
            s["milex_prewar"] = f"COW NMC {pre[1]}, the last year before the war that ended before {year}"
        neutral = neutrality_of(a["ccode"], year)
        if neutral is not None:
            a["neutral"], s["neutral"] = neutral
        if s:
            a["sources"] = s
        if np.isfinite(ip[i]):
            a["ideal_point"] = round(float(ip[i]), 4)
        if cyber:
            a["cyber_capacity"] = round(float(cap[i]), 4)
            a["cyber_vulnerability"] = round(float(vul[i]), 4)
        if np.isfinite(memory[i]) and np.isfinite(dem[i]) and abs(memory[i] - dem[i]) >= REGIME_MEMORY_MIN_CHANGE:
            a["regime_memory"] = round(float(memory[i]), 4)
        if np.isfinite(changed[i]):
            a["regime_changed"] = int(changed[i])
        actors.append(a)
    return actors


PERMANENT_NEUTRALITY: dict[int, tuple[list[list[int | None]], str]] = {
    225: ([[1815, None]], "Switzerland: Declaration of the Powers on the Affairs of the Helvetic Confederacy (Vienna, 20 March 1815) "
          "and Act of Paris of 20 November 1815 recognising its perpetual neutrality"),
    211: ([[1839, 1919]], "Belgium: Treaty of London of 19 April 1839, art. VII (an independent and perpetually neutral state, "
          "guaranteed by the five powers); set aside by the Treaty of Versailles (1919), art. 31"),
    212: ([[1867, 1947]], "Luxembourg: Treaty of London of 11 May 1867, art. II (perpetually neutral under the powers' collective "
          "guarantee); neutrality struck from the constitution on 28 April 1948, after the Brussels Treaty of 17 March 1948"),
    305: ([[1955, None]], "Austria: Federal Constitutional Law on the Neutrality of Austria of 26 October 1955 (BGBl. 211/1955), "
          "after the Moscow Memorandum and the State Treaty of 1955"),
    701: ([[1995, None]], "Turkmenistan: UN General Assembly resolution 50/80 A of 12 December 1995 (permanent neutrality of Turkmenistan)"),
    94: ([[1983, None]], "Costa Rica: Presidential Proclamation of Perpetual, Active and Unarmed Neutrality of 17 November 1983"),
    338: ([[1987, None]], "Malta: Constitution of Malta, art. 1(3), as amended by Act IV of 1987 (a neutral state adhering to "
          "a policy of non-alignment and refusing to participate in any military alliance)"),
    205: ([[2002, None]], "Ireland: Constitution of Ireland, art. 29.4 (Twenty-sixth Amendment, 2002: the State shall not join "
          "a common defence of the European Union), and the National Declaration by Ireland at the Seville European Council "
          "(21-22 June 2002: its traditional policy of military neutrality; no mutual defence commitment)"),
}
"""COW code -> (spells, source) of the permanent neutralities a record-built scenario states (``Actor.neutral``; Karsh 1988).
Guaranteed by treaty (Switzerland, Belgium, Luxembourg), by law (Austria), by the constitution (Malta; Ireland's, with
its declaration to the European Council), recognised by the UN General Assembly (Turkmenistan) or proclaimed (Costa
Rica). Finland's post-war neutrality (the 1948 treaty with the USSR) and Sweden's were policies, not stated statuses (both
joined NATO in 2023-2024), and Ireland's before 2002 likewise: not listed."""


def neutrality_of(ccode: int, year: int) -> tuple[list[list[int | None]], str] | None:
    """The spells of permanent neutrality of state ``ccode`` that are not over by ``year``, and their source; None if none."""
    spells, source = PERMANENT_NEUTRALITY.get(int(ccode), ([], ""))
    live = [list(sp) for sp in spells if sp[1] is None or sp[1] >= year]
    return (live, source) if live else None


IDEAL_POINT_LOOKAHEAD = 10
"""Years after the start in which the first UN General Assembly ideal point of a state not yet in the UN is looked for."""


def _later_ideal_points(snap, year: int, data_dir: Path | None) -> tuple[np.ndarray, list[str]]:
    """Each actor's UN ideal point, and for one without a figure in ``year`` (not yet a UN member) its first within
    :data:`IDEAL_POINT_LOOKAHEAD` years, with a note (``""`` otherwise).

    A state outside the UN has no recorded foreign-policy position; the simulator would give it the
    mean of the others' (:func:`foedus.sim.start._state_arrays`), which puts the Soviet Union's allies of
    1950 (Hungary, Romania, Bulgaria, Albania: UN members from 1955) halfway between the blocs. Their
    first votes (Bailey, Strezhnev & Voeten 2017) are the nearest record of the alignment they had.
    """
    ip = np.asarray(snap.ideal_point, dtype=float).copy()
    notes = [""] * len(ip)
    todo = np.flatnonzero(~np.isfinite(ip))
    if not len(todo) or year < 1946:  # the UN's votes begin in 1946
        return ip, notes
    un = table(Path(data_dir) if data_dir is not None else default_data_dir(), "unga")
    later = un[(un["year"] > year) & (un["year"] <= year + IDEAL_POINT_LOOKAHEAD) & un["idealpointfp"].notna()]
    first = later.sort_values("year").groupby("ccode").first()
    for i in todo:
        c = int(snap.ccodes[i])
        if c in first.index:
            ip[i] = float(first.at[c, "idealpointfp"])
            notes[i] = f"{int(first.at[c, 'year'])} (not a UN member in {year}: its first UN General Assembly ideal point)"
    return ip, notes


def set_nonaligned_since(actors: list[dict[str, Any]], year: int, data_dir: Path | None) -> None:
    """Each starting actor's ``nonaligned_since`` (in place): the first year of its spell out of defence and offence pacts
    before ``year``, for a state in none in ``year`` whose spell began before it, with its source note.

    The spell begins the year after its last membership of a pact with a defence or offence obligation (ATOP 5.1, in
    any of the agreement's phases: the state is allied where only its partner pledges, as a run counts it), or in its first year in the COW state list (``since``) if it never had
    one: Sweden (none in ATOP since 1816) from 1816, Ireland from 1922 (its ``since``). The measure of
    :func:`foedus.analysis.nonalignment.years_out` on the record, counted in calendar years (a state's years outside the
    system, occupied, count too). Actors entering later (``in_system`` starting after ``year``) get none.
    """
    from foedus.data.atop import read_atop_members
    from foedus.data.record import find_file

    d = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        m = read_atop_members(find_file(d, "atop_members"))
    except SchemaError:
        return
    ids = m.groupby("agreement_id")[["defense", "offense"]].any().any(axis=1) if "defense" in m else pd.Series(True, index=m["agreement_id"].unique())
    prot = m[m["agreement_id"].map(ids).to_numpy(dtype=bool)]  # the agreement's obligations, as a run counts them (Japan is allied)
    prot = prot[prot["entry_year"] <= year]
    last = prot["exit_year"].astype("float64").fillna(np.inf).clip(upper=float(year)).groupby(prot["ccode"]).max()
    for a in actors:
        if a.get("in_system") and int(a["in_system"][0][0]) > year or a.get("since") is None:
            continue
        c = int(a["ccode"])
        since = max(int(a["since"]), int(last[c]) + 1 if c in last.index else int(a["since"]))
        if c in last.index and last[c] >= year:  # in a defence or offence pact in the start year
            continue
        if since < year:
            a["nonaligned_since"] = since
            a.setdefault("sources", {})["nonaligned_since"] = (
                f"atop/atop5_1m.csv (pacts with a defence or offence obligation) and the COW state list: in no defence or "
                f"offence pact {since}-{year}" + ("" if c in last.index else " (none in ATOP since its entry in the system)")
            )
