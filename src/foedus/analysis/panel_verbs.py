"""The ``add_*`` verbs of research panels: each merges one data set onto a dyad-year or state-year frame.

Start from :func:`foedus.analysis.panel.dyad_years` or :func:`~foedus.analysis.panel.state_years`
and chain (``.pipe``), as with peacesciencer's pipe (Miller 2022). Each verb is a left merge on
``ccode(1,2), year``: it keeps every row and its order, and adds columns named as peacesciencer
names them (``atop_defense``, ``cowmaj1``, ``conttype``, ``capdist``, ``cinc1`` ...). A verb
that reads a state-year measure adds it once per side of a dyad (suffixes ``1`` and ``2``).
Missing is missing (NaN), except for event and tie indicators, which are 0 where the source
codes nothing.

Every verb reads through the store's tables (:func:`foedus.analysis.panel.panel_record`) or the
one reader of its file (:mod:`foedus.data.panel_sources`); none parses a raw file itself. The
unit of each column and the citation of its source go into ``df.attrs["panel"]``.
:data:`VERBS` lists the verbs by the names the command line uses (``--add atop,cinc,...``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.panel_core import panel_info, panel_record, with_info
from foedus.schema import History

ATOP_CITATION = (
    'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "Alliance Treaty '
    'Obligations and Provisions, 1815-1944." International Interactions 28: 237-60.'
)
NMC_CITATION = (
    'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty, and Major Power War, '
    '1820-1965." In Peace, War, and Numbers, ed. Bruce Russett. (COW NMC 7.0)'
)
CONTIGUITY_CITATION = (
    "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. \"The Correlates of "
    'War Project Direct Contiguity Data, Version 3." Conflict Management and Peace Science 19(2): 58-66.'
)
CSHAPES_CITATION = (
    'Schvitz, Guy, et al. 2022. "Mapping the International System, 1886-2017: The CShapes 2.0 Dataset." Journal of '
    "Conflict Resolution 66(1): 144-161."
)
CITATIONS: dict[str, str] = {
    "atop": ATOP_CITATION,
    "nmc": NMC_CITATION,
    "majors": 'Correlates of War Project. 2017. "State System Membership List, v2016." (major powers)',
    "contiguity": CONTIGUITY_CITATION,
    "capitals": "Miller, Steven V. 2022. {peacesciencer} (capitals compilation).",
    "mindist": CSHAPES_CITATION,
    "td": "Thompson, William R., and David Dreyer. 2012. Handbook of International Rivalries. CQ Press.",
    "tss": "Thompson, William R., Kentaro Sakuwa, and Prashant Hosur Suhas. 2021. Analyzing Strategic Rivalries in World Politics. Springer.",
    "wars": "Sarkees, Meredith Reid, and Frank Wheldon Wayman. 2010. Resort to War. CQ Press. (COW Inter-State War Data v4.0)",
    "fpsim": (
        'Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity of Foreign '
        'Policy Positions." International Studies Quarterly 43(1): 115-144.'
    ),
    "democracy": "Marshall, Monty G. 2020. Polity5 (polity2); Coppedge et al., V-Dem (v2x_polyarchy); via isard (Miller).",
    "trade": 'Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. "Trading Data." Conflict Management and Peace Science 26(5): 471-491. (COW Trade 4.0)',
    "igo": 'Pevehouse, Jon C. W., et al. 2020. "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets." Journal of Peace Research 57(3): 492-503.',
    "unga": (
        'Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. "Estimating Dynamic State Preferences from United '
        'Nations Voting Data." Journal of Conflict Resolution 61(2): 430-456.'
    ),
}

ATOP_COLUMNS: dict[str, str] = {
    "defense": "atop_defense", "offense": "atop_offense", "neutrality": "atop_neutral",
    "nonaggression": "atop_nonagg", "consultation": "atop_consul",
}
"""foedus's obligation -> the panel column (peacesciencer's and ATOP's dyad-year names)."""


# --------------------------------------------------------------------------- merging helpers


def _data_dir(record: History, data_dir) -> Path:
    if data_dir is not None:
        return Path(data_dir)
    src = Path(str(record.source))
    if src.is_dir():
        return src
    from foedus.data.paths import default_data_dir

    return default_data_dir()


def _need_dyads(info: dict, verb: str) -> None:
    if info["unit"] != "dyad_year":
        raise ValueError(f"{verb} adds a dyadic measure: start from dyad_years(...), not state_years(...)")


def _lookup(keys: pd.DataFrame, table: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """``cols`` of ``table`` for each row of ``keys`` (a left merge on the key columns only, order kept)."""
    on = list(keys.columns)
    return keys.merge(table[[*on, *cols]], on=on, how="left", copy=False)


def _merge_states(df: pd.DataFrame, table: pd.DataFrame, cols: Sequence[str], info: dict, fill=None, dtype=None) -> pd.DataFrame:
    """State-year ``cols`` of ``table`` (``ccode, year``) added once, or once per side of a dyad (suffix 1, 2).

    A shallow copy of ``df`` gets the new columns: the input frame is never changed.
    """
    t = table[["ccode", "year", *cols]].drop_duplicates(["ccode", "year"])
    out = df.copy(deep=False)
    sides = ("",) if info["unit"] == "state_year" else ("1", "2")
    year = df["year"].to_numpy()
    for side in sides:
        keys = pd.DataFrame({"ccode": df[f"ccode{side}"].to_numpy(), "year": year})
        vals = _lookup(keys, t, cols)
        for c in cols:
            v = vals[c] if fill is None else vals[c].fillna(fill)
            out[f"{c}{side}"] = v.to_numpy() if dtype is None else v.to_numpy().astype(dtype)
    return out


def _merge_pairs(df: pd.DataFrame, table: pd.DataFrame, cols: Sequence[str], fill=None, dtype=None) -> pd.DataFrame:
    """Non-directed ``table`` (``ccode1 < ccode2, year`` unique) added to a directed or non-directed panel (shallow copy)."""
    c1, c2 = df["ccode1"].to_numpy(), df["ccode2"].to_numpy()
    keys = pd.DataFrame({"ccode1": np.minimum(c1, c2), "ccode2": np.maximum(c1, c2), "year": df["year"].to_numpy()})
    vals = _lookup(keys, table, cols)
    out = df.copy(deep=False)
    for c in cols:
        v = vals[c] if fill is None else vals[c].fillna(fill)
        out[c] = v.to_numpy() if dtype is None else v.to_numpy().astype(dtype)
    return out


def _spell_years(df: pd.DataFrame, lo: str, hi: str) -> tuple[np.ndarray, np.ndarray]:
    """Row index repeated over each spell's years, and the years (``lo .. hi``, both included)."""
    a = df[lo].to_numpy(dtype="int64")
    b = df[hi].to_numpy(dtype="int64")
    n = np.maximum(b - a + 1, 0)
    rows = np.repeat(np.arange(len(df)), n)
    return rows, a[rows] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))


def _nondirected(df: pd.DataFrame, c1: str = "ccode1", c2: str = "ccode2") -> tuple[np.ndarray, np.ndarray]:
    a, b = df[c1].to_numpy(dtype="int64"), df[c2].to_numpy(dtype="int64")
    return np.minimum(a, b), np.maximum(a, b)


def _files(record: History, *names: str) -> list[str]:
    return [f for f in (record.meta.files if record.meta is not None else ()) if any(n in Path(f).name for n in names)]


# --------------------------------------------------------------------------- verbs


def add_atop_alliance(df: pd.DataFrame, *, source: str = "members", record: History | None = None) -> pd.DataFrame:
    """ATOP alliance ties by obligation (``add_atop_alliance()``): ``atop_alliance``, ``atop_defense`` ... ``atop_consul`` (0/1).

    ``atop_alliance`` (not in peacesciencer) marks any shared alliance: ATOP's dyad-year file
    has 23 allied dyad-years of the COW system with none of the five obligations coded in either direction.

    Parameters
    ----------
    df : DataFrame
        A dyad-year panel.
    source : {"members", "atop"}
        ``"members"`` (default): foedus's phase-correct, member-level dyad-years
        (:func:`foedus.analysis.network.dyad_years`: by the members' dated spells and the
        phases they share last in the year, less the obligations ATOP owes to some members
        only), the same derivation as for simulated runs. ``"atop"``: ATOP's own directed
        dyad-year file as distributed (``atop_alliance``), read non-directed: a pair carries an
        obligation when either state holds it toward the other. (peacesciencer's
        ``add_atop_alliance()`` reads the ``ccode1 -> ccode2`` row only, which leaves out the
        dyad-years ATOP codes in the other direction only: 64 of defence, 41 of neutrality, 10
        of non-aggression.) The two sources are
        equal on every dyad-year of the COW system (see the tests).
    record : History, optional

    Returns
    -------
    DataFrame with six int8 columns; 0 where the pair shares no alliance.
    """
    info = panel_info(df)
    _need_dyads(info, "add_atop_alliance")
    rec = panel_record(record)
    if source == "members":
        from foedus.analysis.network import dyad_years as allied

        t = allied(rec).rename(columns=ATOP_COLUMNS)
        files = _files(rec, "atop5_1m", "atop5_1a")
    elif source == "atop":
        t = rec.extras.get("atop_dyad_years")
        if t is None:
            raise ValueError(f"the record {rec.source} has no ATOP dyad-year file (atop_alliance.csv.gz or atop5_1ddyr.csv)")
        lo, hi = _nondirected(t)  # either direction: the pair's tie, whoever holds the obligation
        t = t.assign(ccode1=lo, ccode2=hi).groupby(["ccode1", "ccode2", "year"], as_index=False)[list(ATOP_COLUMNS)].max()
        t = t.rename(columns=ATOP_COLUMNS)
        files = _files(rec, "atop_alliance", "ddyr")
    else:
        raise ValueError(f"source must be 'members' or 'atop', got {source!r}")
    cols = ["atop_alliance", *ATOP_COLUMNS.values()]
    t = t.assign(atop_alliance=1)[["ccode1", "ccode2", "year", *cols]].astype({c: "int8" for c in cols})
    out = _merge_pairs(df, t, cols, fill=0, dtype="int8")
    units = {c: f"1 = allied with a {o} obligation in the year (ATOP 5.1, {source})" for o, c in ATOP_COLUMNS.items()}
    units["atop_alliance"] = f"1 = the two states share an ATOP alliance in the year, whatever its obligations (ATOP 5.1, {source})"
    return with_info(out, info, verb=f"atop({source})", files=files, units=units, cite=[ATOP_CITATION])


NMC_VARIABLES = ("milex", "milex_constant", "milper", "irst", "pec", "tpop", "upop", "cinc")


def add_nmc(df: pd.DataFrame, *, variables: Sequence[str] = ("cinc",), record: History | None = None) -> pd.DataFrame:
    """COW National Material Capabilities 7.0 (``add_nmc()``): CINC and, if asked, its components, per state.

    Units as COW records them (:data:`foedus.schema.provenance.RECORD_UNITS`): ``milex`` thousands
    of current US$ (of pounds sterling 1816-1913), ``milper``, ``tpop``, ``upop`` thousands, ``irst``
    thousand tons, ``pec`` thousand coal-ton equivalents, ``cinc`` a share 0-1. NMC 7.0 ends in 2016.
    ``milex_constant`` is ``milex`` in thousands of constant 2022 US$: the pounds of 1816-1913 at
    the gold-standard mint parity, every year deflated by the US CPI-U, 1816-1912 at the 1913
    price level (:func:`foedus.data.prices.nmc_milex_constant`; the deflator is named in the unit).
    """
    from foedus.data.prices import MILEX_BASE_YEAR, constant_usd_unit, nmc_milex_constant
    from foedus.schema.provenance import RECORD_UNITS

    info = panel_info(df)
    bad = [v for v in variables if v not in NMC_VARIABLES]
    if bad:
        raise ValueError(f"unknown NMC variable(s) {', '.join(bad)}; choose among {', '.join(NMC_VARIABLES)}")
    rec = panel_record(record)
    raw = [v for v in variables if v != "milex_constant"]
    sy = rec.state_years[["ccode", "year", *dict.fromkeys([*raw, "milex"])]].astype("float64").astype({"ccode": "int64", "year": "int64"})
    sy["milex_constant"] = nmc_milex_constant(sy["milex"].to_numpy(), sy["year"].to_numpy(), MILEX_BASE_YEAR)
    out = _merge_states(df, sy, variables, info)
    sides = ("",) if info["unit"] == "state_year" else ("1", "2")
    money = {"milex_constant": f"military expenditure, thousands of {constant_usd_unit(MILEX_BASE_YEAR)}; £ of 1816-1913 "
                               f"at the gold-standard mint parity first (COW NMC 7.0 milex, Officer 1996)"}
    units = {f"{v}{s}": money[v] if v in money else RECORD_UNITS[f"state_years.{v}"] for v in variables for s in sides}
    return with_info(out, info, verb="nmc(" + ",".join(variables) + ")", files=_files(rec, "nmc", "NMC"), units=units, cite=[NMC_CITATION])


def add_cow_majors(df: pd.DataFrame, *, record: History | None = None, data_dir=None) -> pd.DataFrame:
    """COW major powers (``add_cow_majors()``): ``cowmaj`` (state-year) or ``cowmaj1``, ``cowmaj2`` (0/1).

    A state is a major power in a year its major-power spell touches. Spells still open when the
    list ends (2016) are carried forward like the state system (see :mod:`foedus.analysis.panel`).
    """
    from foedus.data.cow import read_majors
    from foedus.data.record import find_file

    info = panel_info(df)
    rec = panel_record(record)
    path = find_file(_data_dir(rec, data_dir), "majors")
    m = read_majors(path)
    last = int(m["end_year"].max())
    end = np.where(m["end_year"].to_numpy() >= last, max(info["years"][1], last), m["end_year"].to_numpy())
    m = m.assign(end_year=end)
    rows, years = _spell_years(m, "start_year", "end_year")
    t = pd.DataFrame({"ccode": m["ccode"].to_numpy(dtype="int64")[rows], "year": years, "cowmaj": np.int8(1)})
    out = _merge_states(df, t, ["cowmaj"], info, fill=0, dtype="int8")
    cols = ["cowmaj"] if info["unit"] == "state_year" else ["cowmaj1", "cowmaj2"]
    units = {c: "1 if a COW major power in the year (v2016; spells open in 2016 carried forward)" for c in cols}
    return with_info(out, info, verb="majors", files=[str(path)], units=units, cite=[CITATIONS["majors"]])


def contiguity_years(record: History) -> pd.DataFrame:
    """Non-directed ``ccode1 < ccode2, year, conttype``: the closest COW direct contiguity type of each pair in each year it touches."""
    c = record.extras.get("contiguity")
    if c is None:
        raise ValueError(f"the record {record.source} has no COW direct contiguity file")
    rows, years = _spell_years(c, "start_year", "end_year")
    t = pd.DataFrame(
        {"ccode1": c["ccode1"].to_numpy(dtype="int64")[rows], "ccode2": c["ccode2"].to_numpy(dtype="int64")[rows],
         "year": years, "conttype": c["conttype"].to_numpy(dtype="int64")[rows]}
    )
    return t.groupby(["ccode1", "ccode2", "year"], as_index=False, sort=False)["conttype"].min()


def add_contiguity(df: pd.DataFrame, *, record: History | None = None) -> pd.DataFrame:
    """COW Direct Contiguity 3.2 (``add_contiguity()``): ``conttype`` 1 land, 2-5 water of at most 12, 24, 150, 400 miles; 0 none.

    The closest type in any month of the year (peacesciencer returns the minimum too). Not an
    ordinal scale: see peacesciencer's documentation of ``add_contiguity()``.
    """
    info = panel_info(df)
    _need_dyads(info, "add_contiguity")
    rec = panel_record(record)
    out = _merge_pairs(df, contiguity_years(rec), ["conttype"], fill=0, dtype="int8")
    units = {"conttype": "COW direct contiguity: 1 land or river, 2-5 water <= 12, 24, 150, 400 miles; 0 none"}
    return with_info(out, info, verb="contiguity", files=_files(rec, "contdir"), units=units, cite=[CONTIGUITY_CITATION])


def add_capital_distance(df: pd.DataFrame, *, record: History | None = None) -> pd.DataFrame:
    """Distance between the two capitals (``add_capital_distance()``): ``capdist``, km, great circle.

    The capital of 1 January (the first spell of the year, as peacesciencer), distance by the
    haversine formula on a sphere of radius :data:`foedus.data.geography.EARTH_RADIUS_KM`
    (peacesciencer uses Vincenty's formula on a sphere of 6,378.137 km: 0.1 % longer).
    """
    from foedus.data.geography import great_circle_km

    info = panel_info(df)
    _need_dyads(info, "add_capital_distance")
    rec = panel_record(record)
    cap = rec.extras["capitals"].sort_values(["ccode", "start_date"], kind="mergesort").reset_index(drop=True)
    rows, years = _spell_years(cap, "start_year", "end_year")
    t = pd.DataFrame({"ccode": cap["ccode"].to_numpy(dtype="int64")[rows], "year": years,
                      "lat": cap["lat"].to_numpy(dtype=float)[rows], "lng": cap["lng"].to_numpy(dtype=float)[rows]})
    t = t.drop_duplicates(["ccode", "year"], keep="first")
    out = _merge_states(df, t, ["lat", "lng"], info)
    out["capdist"] = great_circle_km(out.pop("lat1").to_numpy(), out.pop("lng1").to_numpy(), out.pop("lat2").to_numpy(), out.pop("lng2").to_numpy())
    units = {"capdist": "km between the capitals on 1 January (great circle)"}
    return with_info(out, info, verb="capdist", files=_files(rec, "capitals"), units=units, cite=[CITATIONS["capitals"]])


def add_minimum_distance(df: pd.DataFrame, *, record: History | None = None, data_dir=None) -> pd.DataFrame:
    """Minimum distance between the two states' borders on 1 January (``add_minimum_distance()``): ``mindist``, km; CShapes 2.0, 1886-2019."""
    from foedus.data.panel_sources import source_path, source_table

    info = panel_info(df)
    _need_dyads(info, "add_minimum_distance")
    d = _data_dir(panel_record(record), data_dir)
    out = _merge_pairs(df, source_table(d, "mindist"), ["mindist"])
    units = {"mindist": "km between the borders on 1 January (CShapes 2.0; 0 = land border); missing outside 1886-2019"}
    return with_info(out, info, verb="mindist", files=[source_path(d, "mindist")], units=units, cite=[CSHAPES_CITATION])


def _rival_years(r: pd.DataFrame) -> pd.DataFrame:
    rows, years = _spell_years(r, "start_year", "end_year")
    lo, hi = _nondirected(r)
    return pd.DataFrame({"ccode1": lo[rows], "ccode2": hi[rows], "year": years}).drop_duplicates()


def add_rivalries(df: pd.DataFrame, *, record: History | None = None) -> pd.DataFrame:
    """Strategic rivalries: ``td_rival`` (Thompson & Dreyer 2012, to 2010) and ``tss_rival`` (Thompson, Sakuwa & Suhas 2021, to 2020), 0/1."""
    info = panel_info(df)
    _need_dyads(info, "add_rivalries")
    rec = panel_record(record)
    out, units, cite = df, {}, []
    for name, col, key in (("rivalries", "td_rival", "td"), ("rivalries_tss", "tss_rival", "tss")):
        if name not in rec.extras:
            continue
        t = _rival_years(rec.extras[name]).assign(**{col: np.int8(1)})
        out = _merge_pairs(out, t, [col], fill=0, dtype="int8")
        units[col] = f"1 if the pair is in a strategic rivalry in the year ({CITATIONS[key].split('.')[0]})"
        cite.append(CITATIONS[key])
    if not units:
        raise ValueError(f"the record {rec.source} has no rivalry file")
    return with_info(out, info, verb="rivalries", files=_files(rec, "rivalries"), units=units, cite=cite)


def add_cow_wars(df: pd.DataFrame, *, record: History | None = None) -> pd.DataFrame:
    """COW inter-state wars (``add_cow_wars(type = "inter")``): ``cowinteronset``, ``cowinterongoing`` (0/1).

    Dyad-year: the two states fight each other in the year (on opposite sides), and whether their
    war began that year. State-year: the state fights any inter-state war, and begins one. COW
    Inter-State War Data v4.0 (1816-2007).
    """
    info = panel_info(df)
    rec = panel_record(record)
    w = rec.extras.get("wars")
    if w is None:
        raise ValueError(f"the record {rec.source} has no COW inter-state war file")
    if info["unit"] == "dyad_year":
        lo, hi = _nondirected(w)
        t = pd.DataFrame({"ccode1": lo, "ccode2": hi, "year": w["year"].to_numpy(dtype="int64"), "cowinteronset": w["onset"].to_numpy(dtype="int8")})
        t = t.groupby(["ccode1", "ccode2", "year"], as_index=False)["cowinteronset"].max().assign(cowinterongoing=np.int8(1))
        out = _merge_pairs(df, t, ["cowinteronset", "cowinterongoing"], fill=0, dtype="int8")
    else:
        t = pd.DataFrame({"ccode": w["ccode1"].to_numpy(dtype="int64"), "year": w["year"].to_numpy(dtype="int64"), "cowinteronset": w["onset"].to_numpy(dtype="int8")})
        t = t.groupby(["ccode", "year"], as_index=False)["cowinteronset"].max().assign(cowinterongoing=np.int8(1))
        out = _merge_states(df, t, ["cowinteronset", "cowinterongoing"], info, fill=0, dtype="int8")
    units = {"cowinterongoing": "1 if at war (COW inter-state war v4.0) in the year", "cowinteronset": "1 if that war began in the year"}
    return with_info(out, info, verb="wars", files=_files(rec, "war"), units=units, cite=[CITATIONS["wars"]])


def add_fpsim(df: pd.DataFrame, *, measures: Sequence[str] = ("tau_b", "s_unweighted_abs", "s_weighted_abs"), record: History | None = None) -> pd.DataFrame:
    """Alliance portfolio similarity (``add_fpsim()``): Kendall's tau-b and Signorino-Ritter S scores (:mod:`foedus.analysis.similarity`).

    Computed over ATOP 5.1 portfolios for the years the record observes (to 2018); missing
    after. About a second per year of the modern system: 1816-2018 takes one to two minutes.
    """
    from foedus.analysis.similarity import default_years, similarity_dyad_years

    info = panel_info(df)
    _need_dyads(info, "add_fpsim")
    rec = panel_record(record)
    span = default_years(rec)
    lo, hi = max(info["years"][0], span.start), min(info["years"][1], span.stop - 1)
    sim = similarity_dyad_years(rec, years=range(lo, hi + 1), measures=tuple(measures))
    out = _merge_pairs(df, sim, list(measures))
    units = {m: "portfolio similarity, -1 to 1 (ATOP ties: defence 3, offence/neutrality/non-aggression 2, consultation 1)" for m in measures}
    return with_info(out, info, verb="fpsim", files=_files(rec, "atop5_1"), units=units, cite=[CITATIONS["fpsim"]])


def _add_state_table(df, key: str, cols: Sequence[str], verb: str, units: dict[str, str], cite: str, record, data_dir) -> pd.DataFrame:
    from foedus.data.panel_sources import source_path, source_table

    info = panel_info(df)
    d = _data_dir(panel_record(record), data_dir)
    out = _merge_states(df, source_table(d, key), cols, info)
    sides = ("",) if info["unit"] == "state_year" else ("1", "2")
    return with_info(out, info, verb=verb, files=[source_path(d, key)], units={f"{c}{s}": units[c] for c in cols for s in sides}, cite=[cite])


def add_democracy(df: pd.DataFrame, *, record: History | None = None, data_dir=None) -> pd.DataFrame:
    """Regime (``add_democracy()``): Polity5 ``polity2`` (-10 to 10) and V-Dem ``v2x_polyarchy`` (0-1), per state (isard's ``cw_democracy``)."""
    units = {"polity2": "Polity5 polity2, -10 (autocracy) to 10 (democracy)", "v2x_polyarchy": "V-Dem electoral democracy index, 0-1"}
    return _add_state_table(df, "democracy", ["polity2", "v2x_polyarchy"], "democracy", units, CITATIONS["democracy"], record, data_dir)


def add_igos(df: pd.DataFrame, *, record: History | None = None, data_dir=None) -> pd.DataFrame:
    """IGO memberships (COW IGO 3.0, 1816-2014): counts per state (full, associate, observer, any); on dyads, each side's ``sum_igo_anytype`` (joint memberships are not in the shared data)."""
    from foedus.data.panel_sources import IGO_COLUMNS

    info = panel_info(df)
    cols = list(IGO_COLUMNS) if info["unit"] == "state_year" else ["sum_igo_anytype"]
    units = {c: f"number of IGOs the state belongs to ({c.removeprefix('sum_igo_')})" for c in IGO_COLUMNS}
    return _add_state_table(df, "igo", cols, "igos", units, CITATIONS["igo"], record, data_dir)


def add_trade(df: pd.DataFrame, *, record: History | None = None, data_dir=None) -> pd.DataFrame:
    """COW trade 4.0 (1870-2014): dyads ``trade`` (imports both ways, million current US$); states ``imports``, ``exports`` (million current US$)."""
    from foedus.data.panel_sources import source_path, source_table

    info = panel_info(df)
    if info["unit"] == "state_year":
        units = {"imports": "million current US$", "exports": "million current US$"}
        return _add_state_table(df, "trade_sy", ["imports", "exports"], "trade", units, CITATIONS["trade"], record, data_dir)
    d = _data_dir(panel_record(record), data_dir)
    out = _merge_pairs(df, source_table(d, "trade").rename(columns={"total": "trade"}), ["trade"])
    units = {"trade": "million current US$: the pair's imports from each other, both ways (COW dyadic trade 4.0, rounded by peacesciencer)"}
    return with_info(out, info, verb="trade", files=[source_path(d, "trade")], units=units, cite=[CITATIONS["trade"]])


def add_ideal_points(df: pd.DataFrame, *, record: History | None = None, data_dir=None) -> pd.DataFrame:
    """UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017, 1946-2024): ``idealpointfp`` per state; on dyads also ``idealpoint_dist`` = |difference|."""
    units = {"idealpointfp": "UNGA ideal point (final-passage votes; higher = closer to the US-led order)"}
    out = _add_state_table(df, "unga", ["idealpointfp"], "unga", units, CITATIONS["unga"], record, data_dir)
    info = panel_info(out)
    if info["unit"] == "dyad_year":
        out["idealpoint_dist"] = (out["idealpointfp1"] - out["idealpointfp2"]).abs()
        out = with_info(out, info, units={"idealpoint_dist": "absolute distance between the two ideal points"})
    return out


VERBS: dict[str, tuple[Callable[..., pd.DataFrame], dict]] = {
    "atop": (add_atop_alliance, {}),
    "atop_publisher": (add_atop_alliance, {"source": "atop"}),
    "cinc": (add_nmc, {}),
    "nmc": (add_nmc, {"variables": NMC_VARIABLES}),
    "majors": (add_cow_majors, {}),
    "contiguity": (add_contiguity, {}),
    "capdist": (add_capital_distance, {}),
    "mindist": (add_minimum_distance, {}),
    "rivalries": (add_rivalries, {}),
    "wars": (add_cow_wars, {}),
    "fpsim": (add_fpsim, {}),
    "democracy": (add_democracy, {}),
    "trade": (add_trade, {}),
    "igos": (add_igos, {}),
    "unga": (add_ideal_points, {}),
}
"""Verbs by their command-line names (``foedus panel dyad-years ... --add atop,cinc``)."""


def add(df: pd.DataFrame, names: Sequence[str], *, record: History | None = None) -> pd.DataFrame:
    """Apply the verbs named in ``names`` (keys of :data:`VERBS`) in order; an unknown name is a ValueError listing the choices."""
    unknown = [n for n in names if n not in VERBS]
    if unknown:
        raise ValueError(f"unknown panel verb(s) {', '.join(unknown)}; choose among {', '.join(VERBS)}")
    for n in names:
        fn, kw = VERBS[n]
        df = fn(df, record=record, **kw)
    return df
