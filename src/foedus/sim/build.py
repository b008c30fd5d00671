"""Build scenarios from the historical record (``foedus scenario build``).

:func:`scenario_from_record` turns :func:`foedus.data.snapshot.snapshot` of one year into a
:class:`~foedus.sim.scenario.Scenario`: capabilities from COW NMC and SIPRI, GDP from Fariss et
al., regime from V-Dem/Polity, UN ideal points, capitals, CShapes distances, COW contiguity,
Thompson–Dreyer rivalries, COW dyadic trade, DCID cyber incidents and the ATOP alliances in force.
Every actor carries ``sources`` naming the record and the year of each figure, and the scenario's
``sources`` lists the files (each actor's figures: :mod:`foedus.sim.build_actors`). The YAML
files of the built-in scenarios were written by :func:`foedus.sim.build_builtins.build_builtin` and committed: they state facts from the records with their sources; the
raw records themselves are never copied.

Conventions of the builder (not facts of the record, and said so in every file):

- hostility between strategic rivals graded by their record of war (:func:`rival_hostilities`;
  :mod:`foedus.theory.rivalry_severity`): ``rival_hostility_quiet`` for rivals that did not fight in the ten years
  before the year, up to ``rival_hostility_war`` for rivals whose war ends in it, the war's memory fading at
  ``hostility_decay`` (before the start, and in the run towards the baseline ``rival_hostility_quiet``); 0.6 for every
  rival where the window lies outside COW's war record (1816-2007); 0 for other pairs. Both default to 0.6 (the in-sample
  estimates, 0.567 and 0.977, lost facts out of sample: see the parameters);
- trend growth: annualised change of real GDP over the ten previous years (Fariss et al.),
  clipped to [-5 %, +10 %], regressed to the system's mean keeping 0.3 of the deviation (Easterly et al. 1993; the
  record's in-sample eras), the mean where unknown (2 % in 1816); the window ends where the record does and skips the world wars
  (:mod:`foedus.sim.build_growth`: a start in 1946 reads 1928-1938);
- cyber capacity 0.1 + 0.9 * sqrt(incidents initiated / most initiated), vulnerability
  0.1 + 0.9 * sqrt(incidents suffered / most suffered) (DCID 2.0, ten-year window), 0 before 2000;
- kinds of crisis by era: terrorism crises from 1898, proliferation crises from 1946 (:data:`CRISIS_THREAT_FIRST_YEAR`);
- missing military spending: a log-linear fit on GDP and military personnel over the states that have all three (the CINC share when too few do); missing GDP: the CINC share times the known total per unit of CINC.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from foedus.data.atop import read_atop_conditions, read_atop_members, read_atop_terms
from foedus.data.paths import default_data_dir
from foedus.data.record import find_file
from foedus.data.snapshot import snapshot
from foedus.schema import OBLIGATIONS, SchemaError
from foedus.schema.provenance import milex_money_of_note
from foedus.sim.build_actors import (  # noqa: F401 (re-exported)
    MILEX_FIT_MIN_STATES,
    _actors,
    _fill,
    _fill_milex,
    _has_cyber,
    set_nonaligned_since,
)
from foedus.sim.build_builtins import builtin_builders
from foedus.sim.build_growth import growth_source, scenario_window
from foedus.sim.build_members import add_successions, system_changes as system_changes_of
from foedus.sim.scenario import Scenario
from foedus.sim.build_terms import automatic_renewal_treaties, treaty_renewal_of, treaty_terms_of, wartime_treaties
from foedus.theory.obligations import admits_members

_ATOP_FLAGS = {"defense": "defense", "offense": "offense", "neutrality": "neutrality", "nonaggression": "nonaggression", "consultation": "consultation"}


CRISIS_THREAT_FIRST_YEAR: dict[str, int] = {
    "organised_crime": 1815,
    "terrorism": 1898,
    "proliferation": 1946,
}
"""The first year in which each kind of global-threat crisis may arise in a scenario built from the record: when states
first treated it as a transnational threat to meet together. Organised crime: the Congress of Vienna's declaration
against the slave trade (8 February 1815), with piracy (the Barbary states) the era's transnational crime.
Terrorism: the International Conference of Rome for the Social Defence against Anarchists (November-December 1898),
the first concert against terrorism, which the St Petersburg Protocol of 1904 carried on (Jensen, R. B. 2014. *The
Battle against Anarchist Terrorism: An International History, 1878-1934*. Cambridge University Press; Rapoport, D. C.
2004, "The Four Waves of Modern Terrorism", the first, anarchist wave from the 1880s). Proliferation: the first
resolution of the UN General Assembly (24 January 1946), which set up the Atomic Energy Commission to deal with the
spread of atomic weapons. Before these years no coalition forms against such a crisis ("coalitions against
terrorism" in 1880 or against proliferation in 1900 are anachronisms)."""


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
    _set_first_entries(actors, data_dir)
    set_nonaligned_since(actors, year, data_dir)  # each state's record of staying out of alliances (foedus.theory.nonalignment)
    whole = ccodes is None and top_n is None
    overrides = (extra or {}).get("parameters") or {}
    if system_changes is None or system_changes:
        _add_system_changes(actors, relations := _relations(snap, data_dir, overrides), year, years, data_dir, whole and system_changes is not False, overrides)
    else:
        relations = _relations(snap, data_dir, overrides)
    _add_major_changes(actors, year, years, data_dir)
    data: dict[str, Any] = {
        "name": name or f"record-{year}",
        "description": description or f"The international system of {year} as the historical record has it ({n} states).",
        "start_year": int(year),
        "years": int(years),
        "seed": int(seed),
        "actors": actors,
        "relations": relations,
        "agreements": _agreement_specs(snap, year, data_dir, agreements, skip_atop),
        "sources": _scenario_sources(snap.sources, year, data_dir),
        "crisis_threats_from": {k: y for k, y in CRISIS_THREAT_FIRST_YEAR.items() if y > year},
        "treaty_terms": treaty_terms_of(year, data_dir),  # the record's treaty practice, for the pacts a run forms (P5)
        "treaty_terms_automatic": treaty_renewal_of(year, data_dir),  # and whether each term renews automatically (endings)
    }
    if _graded(overrides):
        data["sources"]["relations.hostility"] = (
            "strategic rivals graded by their record of war in the ten years before (COW inter-state wars 4.0; foedus.sim.build.rival_hostilities, "
            "foedus.theory.rivalry_severity: Diehl & Goertz 2000; Klein, Goertz & Diehl 2006), 0.6 where the window is outside the record; 0 otherwise"
        )
    if any(a.get("in_system") for a in actors):  # a successor entering during the run continues its predecessor's memberships (ATOP)
        add_successions(data["agreements"], {a["ccode"] for a in actors}, data_dir)
    data["sources"]["crisis_threats_from"] = "foedus.sim.build.CRISIS_THREAT_FIRST_YEAR: terrorism from 1898 (Rome conference against anarchists), proliferation from 1946 (UNGA resolution 1(I))"
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


def _set_first_entries(actors: list[dict], data_dir: Path | None) -> None:
    """Each actor's ``since``: the first year of its first spell in the COW state list (in place).

    A state that left the system and came back (the Netherlands, occupied 1940-45; Poland, 1939-45)
    entered it when it first did, not when it returned: its neighbours have its record since then
    (:func:`foedus.sim.steps.formation.entry_years`, the age of a pair's relationship).
    """
    from foedus.data.membership import member_years
    from foedus.data.snapshot_fields import table

    first = member_years(table(Path(data_dir) if data_dir is not None else default_data_dir(), "states")).groupby("ccode")["first"].min()
    for a in actors:
        if a.get("since") is None and a["ccode"] in first.index:
            a["since"] = int(first[a["ccode"]])


def _add_major_changes(actors: list[dict], year: int, years: int, data_dir: Path | None) -> None:
    """Schedule each actor's changes of major-power status over the horizon (``major_spells``; in place): COW's major-power
    spells (COW Project 2017) clipped to ``year``..the horizon's last year, for the actors whose status changes in it (China,
    a great power from 1950, in a scenario of 1946); a spell reaching the record's last year stays open."""
    from foedus.data.snapshot_fields import table

    last = year + years - 1
    majors = table(Path(data_dir) if data_dir is not None else default_data_dir(), "majors")
    end_of_record = int(majors["end_year"].max())
    for a in actors:
        rows = majors[(majors["ccode"] == a["ccode"]) & (majors["start_year"] <= last) & (majors["end_year"] >= year)]
        spells = [[max(int(f), year), None if int(l) >= min(last, end_of_record) else int(l)] for f, l in zip(rows["start_year"], rows["end_year"])]
        if not spells:  # COW records no major-power spell in the horizon: a minor state throughout
            a["major"] = False
            continue
        if spells != [[year, None]] or not a.get("major"):
            a["major_spells"] = spells
            a.setdefault("sources", {})["major_spells"] = "peacesciencer/cow_majors.csv (COW Project 2017)"


def _add_system_changes(
    actors: list[dict], relations: list[dict], year: int, years: int, data_dir: Path | None, entrants: bool, overrides: dict | None = None
) -> None:
    """Schedule the COW state list's changes over the horizon in ``actors`` and ``relations`` (in place; see :func:`foedus.sim.build_members.system_changes`)."""
    spells, new_actors, new_relations = system_changes_of(
        year, years, [a["ccode"] for a in actors], data_dir, entrants=entrants,
        actors_of=lambda snap, y: _actors(snap, y, data_dir), relations_of=lambda snap: _relations(snap, data_dir, overrides),
    )
    for a in actors:
        if a["ccode"] in spells:
            a["in_system"] = [list(s) for s in spells[a["ccode"]]]
    actors.extend(new_actors)
    for r in new_relations:  # an entrant brings no settlement owed (steps.system clears it on entry): the start's rivalries ended alone
        r.pop("rivalry_ended", None)
    relations.extend(new_relations)


def milex_money(scenario: Scenario) -> str | None:
    """The dollars of a scenario's ``milex`` figures, from the note this builder writes in ``sources["milex"]``.

    Actors' ``milex`` is in million US$ (:class:`~foedus.sim.scenario.Actor`); which dollars
    depends on the record each figure came from, and :func:`scenario_from_record` says so in
    ``sources["milex"]``, which :func:`foedus.schema.provenance.milex_money_of_note` reads
    (its returns: "constant 2022 US$", "current US$ of 1950", a mix, or None).
    """
    return milex_money_of_note(scenario.sources.get("milex", ""), int(scenario.start_year))


def _agreement_specs(snap, year: int, data_dir: Path | None, agreements, skip_atop) -> list[dict[str, Any]]:
    """Hand-stated agreements first, then the ATOP alliances in force with at least two of the actors."""
    specs: list[dict[str, Any]] = list(agreements or [])
    skip = set(skip_atop or ()) | {int(a["id"]) for a in specs if a.get("id")}
    entry = _atop_entry_years(data_dir)
    terms = _atop_terms(data_dir, year)
    cinc_of = _cinc_by_state_year(data_dir)

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
        if cap := _capability_at_entry(cinc_of, members, ey, spec["start_year"], year):
            spec["capability_at_entry"] = cap
        specs.append(spec)
    return specs


def _cinc_by_state_year(data_dir: Path | None) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """ccode -> (years, CINC shares), sorted by year (COW NMC 7.0, 1816 on; positive figures only; empty without the file)."""
    from foedus.data.snapshot_fields import table

    try:
        nmc = table(Path(data_dir) if data_dir is not None else default_data_dir(), "nmc")
    except SchemaError:
        return {}
    nmc = nmc.loc[nmc["cinc"] > 0, ["ccode", "year", "cinc"]].sort_values(["ccode", "year"])
    return {int(c): (g["year"].to_numpy(dtype=np.int64), g["cinc"].to_numpy(dtype=float)) for c, g in nmc.groupby("ccode")}


def _capability_at_entry(cinc_of: dict[int, tuple[np.ndarray, np.ndarray]], members: list[int], entry: dict[int, int], start: int, year: int) -> dict[int, float]:
    """Each member's CINC share in the year it entered a treaty signed before ``year`` (``AgreementSpec.capability_at_entry``):
    the capability change among the members is then counted from the signature, as for a treaty the run forms (Leeds & Savun
    2007: a change in relative power since signature raises the hazard of abrogation). A member without a figure that year
    (not yet in the state system: Iraq in 1930, Egypt in 1936) counts from its first figure before ``year``. Empty where
    every member entered in ``year`` or one has no figure before it (the capability change then counts from the start)."""
    out = {}
    for c in members:
        y = int(entry.get(c, start))
        years, cinc = cinc_of.get(int(c), (np.zeros(0, np.int64), np.zeros(0)))
        k = int(np.searchsorted(years, y))
        if y >= year or k >= len(years) or years[k] >= year:
            return {}
        out[int(c)] = round(float(cinc[k]), 6)
    return out


def _scenario_sources(src: dict[str, str], year: int, data_dir: Path | None = None) -> dict[str, str]:
    """The scenario's ``sources``: each field's record and year(s) (from the snapshot) and the builder's conventions."""
    return {
        "actors": src.get("ccodes", ""),
        "cinc": src.get("cinc", ""),
        "milex": src.get("milex_usd_m", "") + "; missing figures estimated (see the actor's sources: from GDP and military personnel, or from the CINC share)",
        "milper": src.get("milper_k", ""),
        "gdp": src.get("gdp_usd_m", ""),
        "population": src.get("population_m", ""),
        "growth": growth_source(scenario_window(year, data_dir)),
        "regime": src.get("democracy", ""),
        "ideal_point": src.get("ideal_point", ""),
        "lat/lon": src.get("capital_lat", ""),
        "major": src.get("major", ""),
        "relations.contiguous": src.get("contiguous", ""),
        "relations.distance_km": src.get("distance_km", "") + "; listed for pairs closer than 1,500 km (capitals' great-circle distance otherwise)",
        "relations.rivalry": src.get("rivalry", ""),
        "relations.rivalry_spatial": src.get("rivalry", "") + "; the rivalries coded spatial (over territory)",
        "relations.rivalry_ended": src.get("rivalry_ended", ""),
        "relations.hostility": "foedus builder convention: 0.6 for strategic rivals, 0 otherwise",
        "relations.trade_dependence": src.get("trade_dependence", "") + "; listed where either side depends on the other for at least 0.5 %",
        "agreements": src.get("alliances", ""),
        "actor sources": "an actor's own 'sources' note figures taken from another year than the one above, or estimated",
    }


RIVAL_HOSTILITY_UNGRADED = 0.6
"""Hostility of every strategic rival pair where the record of war cannot grade it (its window is outside COW's war
record): the builder's former convention, with which the defaults were fitted."""


def rival_hostilities(snap, data_dir: Path | None = None, overrides: dict | None = None) -> tuple[np.ndarray, float | None, str]:
    """(N, N) starting hostility of each pair of the snapshot if it were a rival pair, their baseline, and the note of the source.

    :func:`foedus.theory.rivalry_severity.rival_hostility` of the years since the pair last fought a COW inter-state war in the
    ten years before ``snap.year`` (:func:`foedus.data.snapshot_fields.years_since_war`), with the default
    ``rival_hostility_quiet``, ``rival_hostility_war`` and ``hostility_decay`` of :class:`~foedus.sim.parameters.Parameters`
    (or ``overrides``, a scenario's ``parameters``); :data:`RIVAL_HOSTILITY_UNGRADED` where the window is outside the record.
    The baseline (``Relation.hostility_base``) is ``rival_hostility_quiet``: in the run the war's memory fades towards it at
    ``hostility_decay``, as it does in the grading, so a scenario built ``k`` years later grades the pair as a run from this
    year has it after ``k`` quiet years. None where ungraded (the baseline is then the hostility).
    """
    from foedus.data import snapshot_fields as fields
    from foedus.sim.parameters import Parameters
    from foedus.theory.rivalry_severity import WINDOW_YEARS, rival_hostility

    codes = np.asarray(snap.ccodes, dtype=np.int64)
    if not _graded(overrides):  # the levels at the convention: no grade to compute, and no file of wars needed
        return np.full((codes.size, codes.size), RIVAL_HOSTILITY_UNGRADED), None, ""
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    since, src = fields.years_since_war(d, codes, _positions(codes), int(snap.year), WINDOW_YEARS)
    if since is None:
        return np.full((codes.size, codes.size), RIVAL_HOSTILITY_UNGRADED), None, src
    p = Parameters.model_fields
    value = {k: float((overrides or {}).get(k, p[k].default)) for k in ("rival_hostility_quiet", "rival_hostility_war", "hostility_decay")}
    h = rival_hostility(since, value["rival_hostility_quiet"], value["rival_hostility_war"], value["hostility_decay"], WINDOW_YEARS)
    return np.round(h, 3), round(value["rival_hostility_quiet"], 3), src  # the baseline rounded as the levels are


def _graded(overrides: dict | None) -> bool:
    """Whether the rivals' hostility levels (``overrides``, else the defaults) differ from :data:`RIVAL_HOSTILITY_UNGRADED`."""
    from foedus.sim.parameters import Parameters

    p = Parameters.model_fields
    return any(float((overrides or {}).get(k, p[k].default)) != RIVAL_HOSTILITY_UNGRADED for k in ("rival_hostility_quiet", "rival_hostility_war"))


def _positions(codes: np.ndarray):
    import pandas as pd

    return pd.Series(np.arange(codes.size), index=codes)


def _relations(snap, data_dir: Path | None = None, overrides: dict | None = None) -> list[dict[str, Any]]:
    """Pairwise facts from a snapshot: only pairs with something to say."""
    n = len(snap.ccodes)
    cont = np.asarray(snap.contiguous, dtype=bool)
    riv = np.asarray(snap.rivalry, dtype=bool)
    hostile, base, _ = rival_hostilities(snap, data_dir, overrides) if riv.any() else (None, None, "")
    spatial = np.asarray(snap.rivalry_spatial, dtype=bool) if getattr(snap, "rivalry_spatial", None) is not None else np.zeros_like(riv)
    ended = getattr(snap, "rivalry_ended", None)
    ended = np.asarray(ended, dtype=float) if ended is not None else np.full((n, n), np.nan)
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
            r["hostility"] = float(hostile[i, j])
            if base is not None and r["hostility"] != base:
                r["hostility_base"] = base
            if spatial[i, j] or spatial[j, i]:
                r["rivalry_spatial"] = True
        if np.isfinite(ended[i, j]) and not r.get("rivalry"):  # a rivalry ended before the start (settle20: Gibler's settlement owed)
            r["rivalry_ended"] = int(ended[i, j])
        if np.isfinite(dist[i, j]) and dist[i, j] < 1500.0:
            r["distance_km"] = round(float(dist[i, j]), 1)
        if td[i, j] >= 0.005 or td[j, i] >= 0.005:
            r["trade_dependence"] = [round(float(min(td[i, j], 1.0)), 4), round(float(min(td[j, i], 1.0)), 4)]
        if r:
            out.append({"pair": [int(snap.ccodes[i]), int(snap.ccodes[j])], **r})
    return out


def _atop_terms(data_dir: Path | None, year: int | None = None) -> dict[int, dict[str, Any]]:
    """atopid -> the treaty's terms a scenario carries: ``conditional``, ``institutionalised`` (Leeds & Anac 2005), ``admits_members``
    (ATOP ``proadd``; :func:`foedus.theory.obligations.admits_members`) and, where stated, ``targets`` (``statthr1/2``), ``term_years``, ``renewal_years``,
    ``wartime`` (:func:`foedus.sim.build_terms.wartime_treaties`), ``war_conditions`` (the written conditions of its defence and
    offence obligations: :func:`foedus.data.atop.read_atop_conditions`)."""
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
    for a in wartime_treaties(d, year):  # made for a war still under way at the start (ATOP wartime, cowwar): renewed or not once it is over
        out[a]["wartime"] = True
    for a in automatic_renewal_treaties(d):  # a term that renews unless a member gives notice (ATOP proren 2; endings)
        if "term_years" in out.get(a, {}):
            out[a]["automatic_renewal"] = True
    for a, t1, t2 in zip(t.index, t["statthr1"], t["statthr2"]):  # the adversaries the treaty names (ATOP statthr1/2)
        if named := [int(x) for x in (t1, t2) if x > 0]:
            out[int(a)]["targets"] = named
    # the written conditions of the war obligations (ATOP defcoadv, defconpr, offcoadv; member level, in force at the year)
    cond = read_atop_conditions(find_file(d, "atop_members"), year)
    for a, row in zip(cond.index, cond.itertuples(index=False)):
        if int(a) in out and (names := [k for k, v in zip(cond.columns, row) if v]):
            out[int(a)]["war_conditions"] = names
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


def build_builtin(name: str, out: Path | None = None) -> Path:
    """Rebuild a built-in scenario from the records and write its YAML (default: the package folder).

    The recipes are :func:`foedus.sim.build_builtins.builtin_builders` of :func:`scenario_from_record`.
    """
    builders = builtin_builders(scenario_from_record)
    if name not in builders:
        raise ValueError(f"no recipe for built-in scenario {name!r}; choose one of {', '.join(builders)}")
    sc = builders[name]()
    path = Path(out) if out is not None else Path(__file__).parent / "scenarios" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# foedus built-in scenario '{name}', generated by foedus.sim.build.build_builtin from the records in\n"
        "# ../shared/data (see each actor's and agreement's sources: record and year of every figure).\n"
        "# Regenerate with: foedus scenario build --builtin " + name + "\n"
    )
    path.write_text(header + sc.to_yaml(), encoding="utf-8")
    return path
