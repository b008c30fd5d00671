"""Build scenarios from the historical record (``foedus scenario build``).

:func:`scenario_from_record` turns :func:`foedus.data.snapshot.snapshot` of one year into a
:class:`~foedus.sim.scenario.Scenario`: capabilities from COW NMC and SIPRI, GDP from Fariss et
al., regime from V-Dem/Polity, UN ideal points, capitals, CShapes distances, COW contiguity,
Thompson–Dreyer rivalries, COW dyadic trade, DCID cyber incidents and the ATOP alliances in force.
Every actor carries ``sources`` naming the record and the year of each figure, and the scenario's
``sources`` lists the files. The YAML files of the built-in scenarios were written by
:func:`build_builtin` and committed: they state facts from the records with their sources; the
raw records themselves are never copied.

Conventions of the builder (not facts of the record, and said so in every file):

- hostility 0.6 between strategic rivals, 0 otherwise;
- trend growth: annualised change of real GDP over the ten previous years (Fariss et al.),
  clipped to [-5 %, +10 %], 2 % where unknown;
- cyber capacity 0.1 + 0.9 * sqrt(incidents initiated / most initiated), vulnerability
  0.1 + 0.9 * sqrt(incidents suffered / most suffered) (DCID 2.0, ten-year window), 0 before 2000;
- missing military spending: a log-linear fit on GDP and military personnel over the states that have all three (the CINC share when too few do); missing GDP: the CINC share times the known total per unit of CINC.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from foedus.data.atop import read_atop_members, read_atop_terms
from foedus.data.paths import default_data_dir
from foedus.data.record import find_file
from foedus.data.snapshot import snapshot
from foedus.schema import OBLIGATIONS, SchemaError
from foedus.schema.provenance import milex_money_of_note
from foedus.sim.build_members import system_changes as system_changes_of
from foedus.sim.build_terms import treaty_terms_of
from foedus.theory.obligations import admits_members
from foedus.sim.scenario import Scenario

_ATOP_FLAGS = {"defense": "defense", "offense": "offense", "neutrality": "neutrality", "nonaggression": "nonaggression", "consultation": "consultation"}


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


def scenario_from_record(
    year: int,
    *,
    top_n: int | None = 40,
    ccodes: list[int] | None = None,
    years: int = 30,
    seed: int = 0,
    name: str | None = None,
    description: str | None = None,
    data_dir: Path | None = None,
    agreements: list[dict[str, Any]] | None = None,
    skip_atop: set[int] | None = None,
    extra: dict[str, Any] | None = None,
    system_changes: bool | None = None,
) -> Scenario:
    """A scenario starting from the historical record at ``year``.

    Parameters
    ----------
    year : int
        Starting year (1816 to 2022; records are carried forward from their last year).
        The states are the COW system members at the end of ``year`` (those absorbed during
        it, such as Bavaria in January 1871, are left out).
    top_n : int, optional
        The ``top_n`` system members by CINC (all members if None); ignored when ``ccodes``.
    ccodes : list of int, optional
        The states to include, by COW code.
    years, seed : int
        Horizon and seed of the scenario.
    name, description : str, optional
    data_dir : Path, optional
        Folder of records (default :func:`foedus.data.paths.default_data_dir`).
    agreements : list of dict, optional
        Agreements to state by hand (fields of :class:`~foedus.sim.scenario.AgreementSpec`),
        before the ATOP ones; their ``id`` (an ATOP atopid) is skipped among the ATOP ones.
    skip_atop : set of int, optional
        ATOP atopids not to include.
    extra : dict, optional
        Further scenario fields (``shocks``, ``trends``, ``nonstate_actors``, ``global_threats``,
        ``parameters``...).
    system_changes : bool, optional
        Schedule the COW state list's changes over the horizon (:mod:`foedus.sim.build_members`):
        the states' exits (and returns), and, for a scenario of every system member
        (``ccodes`` and ``top_n`` None), the states that enter, with their figures from the
        record of their first year. Default: True for a scenario of every member, exits only
        (the chosen states') otherwise; False: a fixed set of states.

    Returns
    -------
    Scenario
        Actors' ``milex`` and ``gdp`` in million US$ (see :class:`~foedus.sim.scenario.Actor`),
        as :func:`foedus.data.snapshot.snapshot` gives them.

    Raises
    ------
    ValueError
        From :func:`foedus.data.snapshot.snapshot` for an unknown state or year.
    """
    # the states still in the system at the end of the start year: the world runs on from there
    snap = snapshot(year, ccodes, top_n=None if ccodes is not None else top_n, data_dir=data_dir, at_year_end=True)
    n = len(snap.ccodes)
    actors = _actors(snap, year, data_dir)
    whole = ccodes is None and top_n is None
    if system_changes is None or system_changes:
        _add_system_changes(actors, relations := _relations(snap), year, years, data_dir, whole and system_changes is not False)
    else:
        relations = _relations(snap)
    data: dict[str, Any] = {
        "name": name or f"record-{year}",
        "description": description or f"The international system of {year} as the historical record has it ({n} states).",
        "start_year": int(year),
        "years": int(years),
        "seed": int(seed),
        "actors": actors,
        "relations": relations,
        "agreements": _agreement_specs(snap, year, data_dir, agreements, skip_atop),
        "sources": _scenario_sources(snap.sources, year),
        "treaty_terms": treaty_terms_of(year, data_dir),  # the record's treaty practice, for the pacts a run forms (P5)
    }
    inc = np.asarray(snap.cyber_incidents, dtype=float)
    if _has_cyber(year, inc):
        src = snap.sources
        window = min(10, year - 2000 + 1)
        years_obs = min(year, 2020) - max(year - 10, 2000) + 1
        data["cyber_incidents_per_year"] = round(float(inc.sum()) / max(years_obs, 1), 3)
        data["sources"]["cyber_incidents_per_year"] = f"{src.get('cyber_incidents', 'DCID 2.0')}: incidents among the actors per observed year ({window}-year window)"
        data["sources"]["cyber"] = src.get("cyber_incidents", "") + "; capacity 0.1 + 0.9 sqrt(incidents initiated / most), vulnerability 0.1 + 0.9 sqrt(incidents suffered / most) (foedus builder convention)"
    for k, v in (extra or {}).items():
        if k == "sources":
            data["sources"].update(v)
        else:
            data[k] = v
    return Scenario.from_dict(data, source=f"record {year}")


def _add_system_changes(actors: list[dict], relations: list[dict], year: int, years: int, data_dir: Path | None, entrants: bool) -> None:
    """Schedule the COW state list's changes over the horizon in ``actors`` and ``relations`` (in place; see :func:`foedus.sim.build_members.system_changes`)."""
    spells, new_actors, new_relations = system_changes_of(
        year, years, [a["ccode"] for a in actors], data_dir, entrants=entrants,
        actors_of=lambda snap, y: _actors(snap, y, data_dir), relations_of=_relations,
    )
    for a in actors:
        if a["ccode"] in spells:
            a["in_system"] = [list(s) for s in spells[a["ccode"]]]
    actors.extend(new_actors)
    relations.extend(new_relations)


def milex_money(scenario: Scenario) -> str | None:
    """The dollars of a scenario's ``milex`` figures, from the note this builder writes in ``sources["milex"]``.

    Actors' ``milex`` is in million US$ (:class:`~foedus.sim.scenario.Actor`); which dollars
    depends on the record each figure came from, and :func:`scenario_from_record` says so in
    ``sources["milex"]``, which :func:`foedus.schema.provenance.milex_money_of_note` reads
    (its returns: "constant 2022 US$", "current US$ of 1950", a mix, or None).
    """
    return milex_money_of_note(scenario.sources.get("milex", ""), int(scenario.start_year))


def _has_cyber(year: int, incidents: np.ndarray) -> bool:
    """Whether actors get a cyber posture: DCID 2.0 starts in 2000 and must record an incident among them."""
    return year >= 2000 and incidents.sum() > 0


_NO_GROWTH = "assumed 2 % (no earlier GDP figure)"


def _growth(snap, gdp: np.ndarray, gdp_est: np.ndarray, year: int, data_dir: Path | None) -> tuple[np.ndarray, list[str]]:
    """Trend growth per state, a fraction per year, and its source (builder convention, module docstring)."""
    n = len(snap.ccodes)
    try:
        past = snapshot(year - 10, list(map(int, snap.ccodes)), data_dir=data_dir)
    except (ValueError, KeyError):
        return np.full(n, 0.02), [_NO_GROWTH] * n
    ok = np.isfinite(past.gdp_usd_m) & (past.gdp_usd_m > 0) & ~gdp_est
    g = np.where(ok, (gdp / np.where(ok, past.gdp_usd_m, 1.0)) ** 0.1 - 1.0, 0.02)
    gsrc = f"economy/cw_gdppop.csv.gz, annualised real GDP growth {year - 10}-{year} (clipped to [-5 %, 10 %])"
    return np.clip(g, -0.05, 0.10), [gsrc if k else _NO_GROWTH for k in ok]


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


def _actors(snap, year: int, data_dir: Path | None) -> list[dict[str, Any]]:
    """The scenario's actors from a snapshot: figures in the units of :class:`~foedus.sim.scenario.Actor`."""
    n = len(snap.ccodes)
    cinc = np.nan_to_num(np.asarray(snap.cinc, dtype=float), nan=0.0)
    gdp, gdp_est = _fill(snap.gdp_usd_m, cinc)
    milex, milex_est, milex_how = _fill_milex(snap.milex_usd_m, gdp, snap.milper_k, cinc)
    growth, growth_src = _growth(snap, gdp, gdp_est, year, data_dir)
    dem = np.asarray(snap.democracy, dtype=float)
    ip = np.asarray(snap.ideal_point, dtype=float)
    inc = np.asarray(snap.cyber_incidents, dtype=float)
    cyber = _has_cyber(year, inc)
    if cyber:
        out_, in_ = inc.sum(axis=1), inc.sum(axis=0)
        cap = 0.1 + 0.9 * np.sqrt(out_ / max(out_.max(), 1))
        vul = 0.1 + 0.9 * np.sqrt(in_ / max(in_.max(), 1))
    notes = _other_years(snap)
    actors = []
    for i in range(n):
        s = notes[i]
        if milex_est[i]:
            s["milex"] = milex_how[i]
        if gdp_est[i]:
            s["gdp"] = "estimated from the CINC share (no recorded figure)"
        if growth_src[i].startswith("assumed"):
            s["growth"] = growth_src[i]
        if not np.isfinite(dem[i]):
            s["regime"] = "assumed 0.5 (no recorded figure)"
        a: dict[str, Any] = {
            "ccode": int(snap.ccodes[i]),
            "abb": str(snap.abb[i]),
            "name": str(snap.names[i]),
            "major": bool(snap.major[i]),
            "cinc": round(float(cinc[i]), 6),
            "milex": round(float(milex[i]), 3),
            "milper": round(float(np.nan_to_num(snap.milper_k[i])), 3),
            "gdp": round(float(gdp[i]), 3),
            "population": round(float(np.nan_to_num(snap.population_m[i])), 3),
            "growth": round(float(growth[i]), 5),
            "regime": round(float(dem[i]), 4) if np.isfinite(dem[i]) else 0.5,
            "lat": round(float(snap.capital_lat[i]), 4),
            "lon": round(float(snap.capital_lon[i]), 4),
        }
        if s:
            a["sources"] = s
        if np.isfinite(ip[i]):
            a["ideal_point"] = round(float(ip[i]), 4)
        if cyber:
            a["cyber_capacity"] = round(float(cap[i]), 4)
            a["cyber_vulnerability"] = round(float(vul[i]), 4)
        actors.append(a)
    return actors


def _agreement_specs(snap, year: int, data_dir: Path | None, agreements, skip_atop) -> list[dict[str, Any]]:
    """Hand-stated agreements first, then the ATOP alliances in force with at least two of the actors."""
    specs: list[dict[str, Any]] = list(agreements or [])
    skip = set(skip_atop or ()) | {int(a["id"]) for a in specs if a.get("id")}
    entry = _atop_entry_years(data_dir)
    terms = _atop_terms(data_dir)

    def entry_years(aid: int, members, start: int) -> dict[int, int]:
        return {c: int(entry[(aid, c)]) for c in members if (aid, c) in entry and start < entry[(aid, c)] <= year}

    for spec in specs:
        if spec.get("id"):
            ey = entry_years(int(spec["id"]), spec["members"], spec["start_year"])
            spec["entry_years"] = {**ey, **spec.get("entry_years", {})}
    for al in snap.alliances:
        aid = int(al["atopid"])
        if aid in skip or len(al["members"]) < 2:
            continue
        members = [int(c) for c in al["members"]]
        spec = {
            "name": f"ATOP {aid}",
            "kind": "alliance",
            "members": members,
            "start_year": int(min(al["start_year"], year)),
            "obligations": [o for o in OBLIGATIONS if al.get(_ATOP_FLAGS[o])] or ["consultation"],
            **terms.get(aid, {}),
            "id": aid,
            "source": f"atop/atop5_1a.csv + atop5_1m.csv, atopid {aid} (members in force in {min(year, 2018)}; {al.get('n_members', len(members))} members in all)",
        }
        ey = entry_years(aid, members, spec["start_year"])
        if ey:
            spec["entry_years"] = ey
        specs.append(spec)
    return specs


def _scenario_sources(src: dict[str, str], year: int) -> dict[str, str]:
    """The scenario's ``sources``: each field's record and year(s) (from the snapshot) and the builder's conventions."""
    return {
        "actors": src.get("ccodes", ""),
        "cinc": src.get("cinc", ""),
        "milex": src.get("milex_usd_m", "") + "; missing figures estimated (see the actor's sources: from GDP and military personnel, or from the CINC share)",
        "milper": src.get("milper_k", ""),
        "gdp": src.get("gdp_usd_m", ""),
        "population": src.get("population_m", ""),
        "growth": f"economy/cw_gdppop.csv.gz: annualised real GDP growth {year - 10}-{year}, clipped to [-5 %, 10 %]; 2 % where unknown (foedus builder convention)",
        "regime": src.get("democracy", ""),
        "ideal_point": src.get("ideal_point", ""),
        "lat/lon": src.get("capital_lat", ""),
        "major": src.get("major", ""),
        "relations.contiguous": src.get("contiguous", ""),
        "relations.distance_km": src.get("distance_km", "") + "; listed for pairs closer than 1,500 km (capitals' great-circle distance otherwise)",
        "relations.rivalry": src.get("rivalry", ""),
        "relations.hostility": "foedus builder convention: 0.6 for strategic rivals, 0 otherwise",
        "relations.trade_dependence": src.get("trade_dependence", "") + "; listed where either side depends on the other for at least 0.5 %",
        "agreements": src.get("alliances", ""),
        "actor sources": "an actor's own 'sources' note figures taken from another year than the one above, or estimated",
    }


def _relations(snap) -> list[dict[str, Any]]:
    """Pairwise facts from a snapshot: only pairs with something to say."""
    n = len(snap.ccodes)
    cont = np.asarray(snap.contiguous, dtype=bool)
    riv = np.asarray(snap.rivalry, dtype=bool)
    dist = np.asarray(snap.distance_km, dtype=float)
    td = np.nan_to_num(np.asarray(snap.trade_dependence, dtype=float), nan=0.0)
    out = []
    iu, ju = np.triu_indices(n, 1)
    for i, j in zip(iu, ju):
        r: dict[str, Any] = {}
        if cont[i, j] or cont[j, i]:
            r["contiguous"] = True
        if riv[i, j] or riv[j, i]:
            r["rivalry"] = True
            r["hostility"] = 0.6
        if np.isfinite(dist[i, j]) and dist[i, j] < 1500.0:
            r["distance_km"] = round(float(dist[i, j]), 1)
        if td[i, j] >= 0.005 or td[j, i] >= 0.005:
            r["trade_dependence"] = [round(float(min(td[i, j], 1.0)), 4), round(float(min(td[j, i], 1.0)), 4)]
        if r:
            out.append({"pair": [int(snap.ccodes[i]), int(snap.ccodes[j])], **r})
    return out


def _atop_terms(data_dir: Path | None) -> dict[int, dict[str, Any]]:
    """atopid -> the treaty's terms a scenario carries: ``conditional``, ``institutionalised`` (Leeds & Anac 2005), ``admits_members``
    (ATOP ``proadd``; :func:`foedus.theory.obligations.admits_members`) and, where stated, ``targets`` (``statthr1/2``), ``term_years``, ``renewal_years``."""
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        inst = find_file(d, "atop_inst")
    except SchemaError:  # the institutionalisation file is optional: without it every treaty counts 0
        inst = None
    t = read_atop_terms(find_file(d, "atop_alliances"), inst)
    admits = admits_members(t["proadd"].to_numpy(dtype=float), t["bilateral"].to_numpy())
    out = {  # with a stated term where there is one (ATOP speclgth, length, renewlgt)
        int(a): {"conditional": bool(c), "institutionalised": int(i), "admits_members": bool(m),
                 **{k: round(float(v), 3) for k, v in (("term_years", ty), ("renewal_years", ry if ty > 0 else 0)) if v > 0}}
        for a, c, i, m, ty, ry in zip(t.index, t["conditional"], t["institutionalised"], admits, t["term_years"], t["renewal_years"])
    }
    for a, t1, t2 in zip(t.index, t["statthr1"], t["statthr2"]):  # the adversaries the treaty names (ATOP statthr1/2)
        if named := [int(x) for x in (t1, t2) if x > 0]:
            out[int(a)]["targets"] = named
    return out


def _atop_entry_years(data_dir: Path | None) -> dict[tuple[int, int], int]:
    """(atopid, ccode) -> entry year of the member's current spell (ATOP 5.1 member file).

    ATOP splits an alliance renegotiated in ways that change its coding into phases; a member
    whose spell in one phase ends the year its spell in the next begins has been a member
    throughout, so the spells are chained back to the first.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    m = read_atop_members(find_file(d, "atop_members")).sort_values(["agreement_id", "ccode", "entry_year"])
    out: dict[tuple[int, int], int] = {}
    for (a, c), g in m.groupby(["agreement_id", "ccode"], sort=False):
        entries = g["entry_year"].to_numpy()
        exits = g["exit_year"].to_numpy(dtype=float, na_value=np.nan)
        k = len(entries) - 1
        while k > 0 and np.isfinite(exits[k - 1]) and exits[k - 1] >= entries[k]:
            k -= 1
        out[(int(a), int(c))] = int(entries[k])
    return out


# ---------------------------------------------------------------------------------- built-ins
WORLD_2022_STATES = [
    # NATO in 2022 (30)
    2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 339, 341, 343, 344, 349,
    350, 355, 360, 366, 367, 368, 385, 390, 395, 640,
    # Europe outside NATO, the former Soviet Union
    380, 375, 369, 372, 359, 370, 365, 371, 373, 705, 703, 702, 704, 225, 305, 205, 345,
    # Asia-Pacific, Middle East, others
    710, 750, 770, 630, 666, 670, 651, 740, 732, 731, 713, 900, 920, 840, 816, 850, 140, 70, 560,
]
"""The 66 states of ``world-2022``: NATO's 30 members, the powers named in brief T1 (the US,
China, Russia, Iran; Japan, Australia, the UK; Sweden and Finland), CSTO and SCO members, US
treaty allies in Asia, and the largest other states of each region."""

NATO_2022 = [2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 339, 341, 343, 344, 349, 350, 355, 360, 366, 367, 368, 385, 390, 395, 640]
PARIS_CALL_STATES = [2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 344, 349, 350, 355, 360, 366, 367, 368, 375, 380, 390, 305, 205, 740, 732, 900, 920]


def _world_2022() -> Scenario:
    agreements = [
        {
            "name": "NATO",
            "members": NATO_2022,
            "start_year": 1949,
            "entry_years": {343: 2020},
            "obligations": ["defense", "consultation"],
            "institutionalised": 2,
            "integration": 0.8,
            "id": 3180,
            "source": "North Atlantic Treaty 1949; ATOP 5.1 atopid 3180 (members and entry years to 2018); North Macedonia's accession in March 2020 (NATO)",
        },
        {"name": "US-Japan Treaty of Mutual Cooperation and Security", "members": [2, 740], "start_year": 1960, "obligations": ["defense", "consultation"], "institutionalised": 2, "integration": 0.6, "id": 3375, "source": "ATOP 5.1 atopid 3375 (1960)"},
        {"name": "US-ROK Mutual Defense Treaty", "members": [2, 732], "start_year": 1953, "obligations": ["defense", "consultation"], "institutionalised": 2, "integration": 0.9, "id": 3240, "source": "ATOP 5.1 atopid 3240 (1953); Combined Forces Command: ROK forces under US wartime operational control (brief P3)"},
        {"name": "ANZUS", "members": [2, 900], "start_year": 1951, "obligations": ["defense", "consultation"], "institutionalised": 1, "id": 3215, "source": "ATOP 5.1 atopid 3215 (1951); ATOP ends New Zealand's membership in 1986, when the US suspended its obligations to it"},
        {"name": "AUKUS", "members": [2, 200, 900], "start_year": 2021, "obligations": ["consultation"], "institutionalised": 1, "source": "AUKUS joint leaders' statement, 15 September 2021 (technology and capability pact, no mutual-defence clause); not in ATOP 5.1 (ends 2018)"},
        {"name": "Collective Security Treaty Organization", "members": [365, 370, 371, 702, 703, 705], "start_year": 1992, "obligations": ["defense", "consultation"], "institutionalised": 1, "id": 4220, "source": "ATOP 5.1 atopid 4220 (Tashkent treaty 1992; members in force 2018)"},
        {"name": "Shanghai Cooperation Organisation", "kind": "organisation", "members": [710, 365, 702, 703, 704, 705, 750, 770], "start_year": 2001, "entry_years": {750: 2017, 770: 2017}, "obligations": ["consultation", "nonaggression"], "id": 4810, "source": "SCO Charter (2001-2002), a collective-security organisation facing inward (brief A2); ATOP 5.1 atopid 4810; India and Pakistan full members 2017"},
        {"name": "Sino-Russian Treaty of Good-Neighbourliness", "members": [365, 710], "start_year": 2001, "obligations": ["consultation", "nonaggression"], "id": 4980, "source": "ATOP 5.1 atopid 4980 (2001): alignment without a mutual-defence pact (brief T1)"},
        {"name": "Japan-Australia security cooperation", "members": [740, 900], "start_year": 2007, "obligations": ["consultation"], "source": "Japan-Australia Joint Declaration on Security Cooperation (2007); Reciprocal Access Agreement signed January 2022"},
        {
            "name": "Paris Call for Trust and Security in Cyberspace",
            "kind": "organisation",
            "domain": "cyber",
            "members": PARIS_CALL_STATES,
            "nonstate_members": ["microsoft", "google", "siemens", "cyberpeace", "isoc"],
            "start_year": 2018,
            "entry_years": {2: 2021},
            "obligations": ["consultation"],
            "source": "Paris Call supporters (pariscall.international): all EU members, the UK, Canada, Japan, South Korea, Australia, New Zealand, Norway (2018); United States (November 2021); firms and NGOs",
        },
    ]
    extra = {
        "nonstate_actors": [
            {"id": "microsoft", "name": "Microsoft", "kind": "firm", "home": 2, "cyber_capacity": 0.8, "cyber_vulnerability": 0.6, "source": "Paris Call supporter (2018)"},
            {"id": "google", "name": "Google", "kind": "firm", "home": 2, "cyber_capacity": 0.8, "cyber_vulnerability": 0.6, "source": "Paris Call supporter (2018)"},
            {"id": "siemens", "name": "Siemens", "kind": "firm", "home": 255, "cyber_capacity": 0.5, "cyber_vulnerability": 0.5, "source": "Paris Call supporter (2018); Charter of Trust"},
            {"id": "cyberpeace", "name": "CyberPeace Institute", "kind": "ngo", "cyber_capacity": 0.3, "cyber_vulnerability": 0.3, "values": 0.9, "source": "Paris Call supporter; an independent NGO in Geneva (no home state here) whose stated values are the Paris Call's (protection of civilians, international law and norms in cyberspace): values 0.9, the open camp"},
            {"id": "isoc", "name": "Internet Society", "kind": "ngo", "home": 2, "cyber_capacity": 0.3, "cyber_vulnerability": 0.3, "source": "Paris Call supporter"},
            {"id": "kaspersky", "name": "Kaspersky", "kind": "firm", "home": 365, "cyber_capacity": 0.7, "cyber_vulnerability": 0.5, "source": "Paris Call supporter (2018, Kaspersky Lab press release of 15 November 2018) but not a starting member here: the model places a firm in the camp of its home state (Russia) unless values are stated"},
        ],
        "shocks": [
            {"year": 2022, "kind": "invasion", "actor": 365, "target": 369, "intensity": 1.0, "duration": 5, "description": "Russia's full-scale invasion of Ukraine, 24 February 2022"},
            {"year": 2023, "kind": "join", "actors": [375], "agreement": "NATO", "description": "Finland joins NATO, 4 April 2023"},
            {"year": 2023, "kind": "join", "actors": [630], "agreement": "Shanghai Cooperation Organisation", "description": "Iran joins the SCO, 4 July 2023"},
            {"year": 2024, "kind": "join", "actors": [380], "agreement": "NATO", "description": "Sweden joins NATO, 7 March 2024"},
        ],
        "trends": {"great_power_competition": 0.7, "economic_interdependence": 0.5, "cyber": 0.6, "military_integration": 0.6, "norms": 0.5},
        "global_threats": {"terrorism": 0.02, "proliferation": 0.02, "organised_crime": 0.01},
        "sources": {
            "trends": "scenario assumptions (brief T1-T5): rising great-power competition; other drivers at today's level or slightly rising",
            "global_threats": "scenario assumption: starting intensities in capability-share units",
            "US tier": "pinned 'superpower': COW CINC (0.124 in 2022) understates US reach; SIPRI: 39 % of world military spending in 2022",
        },
    }
    sc = scenario_from_record(
        2022,
        ccodes=WORLD_2022_STATES,
        years=30,
        seed=2022,
        name="world-2022",
        description=(
            "The world of 2022 (brief T1): NATO revived by Russia's invasion of Ukraine, with Finland (2023) and "
            "Sweden (2024) joining; US treaty alliances in Asia; AUKUS; the CSTO; the SCO as a collective-security "
            "organisation; a Russia-China alignment without a defence pact; the Paris Call as a hybrid cyber alignment. "
            "66 states; capabilities from COW NMC 2022 and SIPRI 2022."
        ),
        agreements=agreements,
        skip_atop={3180, 3375, 3240, 3215, 4220, 4810, 4980},
        extra=extra,
    )
    data = sc.model_dump(mode="json", exclude_defaults=True)
    for a in data["actors"]:
        if a["ccode"] == 2:
            a["tier"] = "superpower"
            a.setdefault("sources", {})["tier"] = "pinned superpower (see sources: 'US tier')"
    return Scenario.from_dict({"name": sc.name, "start_year": sc.start_year, **data}, source="world-2022")


def _europe_1871() -> Scenario:
    europe = [int(c) for c in snapshot(1871, at_year_end=True).ccodes if 200 <= c < 400 or c == 640]
    return scenario_from_record(
        1871,
        ccodes=europe,
        years=44,
        seed=1871,
        name="europe-1871",
        description="The European great powers and their neighbours (every COW system member in Europe at the end of 1871, after German unification absorbed Bavaria, Baden and Wuerttemberg, and the Ottoman Empire), 1871-1914.",
        extra={
            "trends": {"great_power_competition": 0.6, "economic_interdependence": 0.4, "cyber": 0.0, "military_integration": 0.2, "norms": 0.3},
            "crisis_threats": ["organised_crime"],  # piracy and the slave trade; no terrorism or proliferation crises before 1914
        },
    )


_WHOLE_SYSTEMS: dict[str, dict[str, Any]] = {
    "multipolar-1815": {
        "year": 1816,
        "years": 99,
        "seed": 1815,
        "description": "The multipolar system after the Congress of Vienna: every COW system member of 1816 (the first year of the records), 1816-1914.",
        "extra": {
            "trends": {"great_power_competition": 0.5, "economic_interdependence": 0.3, "cyber": 0.0, "military_integration": 0.1, "norms": 0.3},
            "crisis_threats": ["organised_crime"],  # piracy (the Barbary states) and the slave trade; no terrorism or proliferation crises
        },
    },
    "bipolar-1950": {
        "year": 1950,
        "years": 40,
        "seed": 1950,
        "description": "The bipolar Cold War system: every COW system member of 1950, 1950-1989.",
        "extra": {"trends": {"great_power_competition": 0.6, "economic_interdependence": 0.4, "cyber": 0.0, "military_integration": 0.5, "norms": 0.5}},
    },
}
"""Built-ins holding every COW system member of their first year: :func:`scenario_from_record` arguments."""

BUILTIN_BUILDERS = {
    "world-2022": _world_2022,
    "europe-1871": _europe_1871,
    **{name: partial(scenario_from_record, top_n=None, name=name, **kw) for name, kw in _WHOLE_SYSTEMS.items()},
}
"""Recipes of the built-in scenarios; ``foedus scenario build NAME --builtin`` rewrites their YAML."""


def build_builtin(name: str, out: Path | None = None) -> Path:
    """Rebuild a built-in scenario from the records and write its YAML (default: the package folder)."""
    if name not in BUILTIN_BUILDERS:
        raise ValueError(f"no recipe for built-in scenario {name!r}; choose one of {', '.join(BUILTIN_BUILDERS)}")
    sc = BUILTIN_BUILDERS[name]()
    path = Path(out) if out is not None else Path(__file__).parent / "scenarios" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# foedus built-in scenario '{name}', generated by foedus.sim.build.build_builtin from the records in\n"
        "# ../shared/data (see each actor's and agreement's sources: record and year of every figure).\n"
        "# Regenerate with: foedus scenario build --builtin " + name + "\n"
    )
    path.write_text(header + sc.to_yaml(), encoding="utf-8")
    return path
