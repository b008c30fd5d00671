"""ATOP 5.1 importer (Leeds, Ritter, Mitchell & Long 2002; Leeds & Anac 2005 for institutionalisation).

ATOP codes an alliance still in force at the end of its coverage with ``endyr == 0`` (and a
member still in it with ``yrexit == 0``). foedus reads both as right-censored: ``end_year`` is
``<NA>`` and ``observed_until`` holds the last year the record observes (2018 for ATOP 5.1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from foedus.data.csvio import check_range, read_csv, require_columns, to_numbers, validate_at, zero_to_na
from foedus.data.extras_schema import ATOP_DYAD_YEARS
from foedus.schema import SchemaError, validate

ATOP_LAST_YEAR = 2018
"""Last year observed by ATOP 5.1 (codebook v5.1, 2022)."""

ALLIANCE_COLUMNS = [
    "atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "bilat", "wartime",
    "defense", "offense", "neutral", "nonagg", "consul", "conditio", "asymm",
]
MEMBER_OBLIGATIONS = {"defense": "defense", "offense": "offense", "neutrality": "neutral", "nonaggression": "nonagg", "consultation": "consul"}
"""Canonical obligation column -> ATOP member-file column."""

MEMBER_COLUMNS = ["atopid", "member", "phase", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit"]


def _date(raw: pd.DataFrame, columns: tuple[str, str, str], ours: str, open_ended: bool = False) -> dict[str, pd.Series]:
    """ATOP's year, month and day columns as ``{ours}_year``, ``{ours}_month``, ``{ours}_day``.

    ATOP writes 0 for an unknown month or day; with ``open_ended`` (an end or exit date) a year
    of 0 means "still in force" (right-censored), and such a date has no month or day either.
    """
    y, m, d = (raw[c] for c in columns)
    year = zero_to_na(y) if open_ended else y
    month, day = zero_to_na(m), zero_to_na(d)
    if open_ended:
        month, day = month.where(year.notna()), day.where(year.notna())
    return {f"{ours}_year": year, f"{ours}_month": month, f"{ours}_day": day}


def read_atop_alliances(path: Path, inst_path: Path | None = None, last_year: int = ATOP_LAST_YEAR) -> pd.DataFrame:
    """Read an ATOP alliance-level file (``atop5_1a.csv``) into the ``agreements`` table.

    ``inst_path``, if given, is the Leeds & Anac institutionalisation file (``atopinst5_1.csv``);
    an alliance's ``institutionalised`` is the highest ``milinst`` over its phases.
    """
    raw = read_csv(path, ALLIANCE_COLUMNS)
    src = str(path)
    df = pd.DataFrame(
        {
            "agreement_id": raw["atopid"],
            "kind": "alliance",
            "name": pd.NA,
            **_date(raw, ("begyr", "begmo", "begday"), "start"),
            **_date(raw, ("endyr", "endmo", "endday"), "end", open_ended=True),
            "observed_until": last_year,
            "defense": raw["defense"],
            "offense": raw["offense"],
            "neutrality": raw["neutral"],
            "nonaggression": raw["nonagg"],
            "consultation": raw["consul"],
            "conditional": raw["conditio"],
            "bilateral": raw["bilat"],
            "asymmetric": raw["asymm"],
            "institutionalised": pd.NA,
            "wartime": raw["wartime"],
            "source": Path(path).name,
        }
    )
    if inst_path is not None:
        inst = read_csv(inst_path, ["atopid", "milinst"])
        to_numbers(inst, ["atopid"], str(inst_path), integer=True)
        to_numbers(inst, ["milinst"], str(inst_path))  # blank where Leeds & Anac did not code it
        check_range(inst, ["milinst"], str(inst_path), 0, 2, "military institutionalisation")
        check_range(inst, ["atopid"], str(inst_path), 1, 99999, "ATOP id")
        best = inst["milinst"].groupby(inst["atopid"]).max()
        df["institutionalised"] = df["agreement_id"].map(best)
    out = validate(df, "agreements", source=src, line_offset=2)
    if "ineffect" in raw.columns:
        flags = raw[["ineffect"]].copy()
        to_numbers(flags, ["ineffect"], src, integer=True)  # a damaged cell is named, not a bare ValueError
        inconsistent = (flags["ineffect"] == 1).to_numpy() != out["end_year"].isna().to_numpy()
        if inconsistent.any():
            i = int(inconsistent.nonzero()[0][0])
            raise SchemaError(src, "ineffect disagrees with endyr (in force must mean endyr == 0)", row=i + 2, column="ineffect")
    return out


def read_atop_members(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read an ATOP member-level file (``atop5_1m.csv``) into the ``memberships`` table.

    The member's own obligations in each phase (``defense`` ... ``consul``) become the optional
    obligation columns of ``memberships`` when the file has all five, with no gaps.

    Parameters
    ----------
    path
        The member-level file.
    known_ccodes
        If given, the COW state codes a member may have. ATOP also lists a few members that
        were not in the COW state system when they signed and flags them with ``cowsys == 0``
        (ATOP 5.1 codebook); such a row may carry a code outside the COW list (ATOP 5.1 has
        one: 8152, a partner of France in alliance 1320, 1874-1883) and is accepted. Any
        other unknown code is rejected ("unknown state code").
    """
    raw = read_csv(path, MEMBER_COLUMNS)
    df = pd.DataFrame(
        {
            "agreement_id": raw["atopid"],
            "ccode": raw["member"],
            "phase": raw["phase"],
            **_date(raw, ("yrent", "moent", "dayent"), "entry"),
            **_date(raw, ("yrexit", "moexit", "dayexit"), "exit", open_ended=True),
        }
    )
    # ATOP codes obligations per member and phase (e.g. the EU treaties: consultation only
    # 1992-2007, defence after); keep them when the file has all of them, complete. Otherwise
    # the agreement-level obligations stand for every member.
    theirs = list(MEMBER_OBLIGATIONS.values())
    if all(c in raw.columns for c in theirs) and raw[theirs].notna().all().all():
        for ours, col in MEMBER_OBLIGATIONS.items():
            df[ours] = raw[col]
    outside = (pd.to_numeric(raw["cowsys"], errors="coerce") == 0).to_numpy() if "cowsys" in raw.columns else None
    return validate_at(df, "memberships", str(path), known_ccodes=known_ccodes, exempt=outside)


_DYAD_LAYOUTS = {
    "ccode1": ("ccode1", "ccode2", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"),
    "stateA": ("stateA", "stateB", "defense", "offense", "neutral", "nonagg", "consul"),
}


def read_atop_dyad_years(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read ATOP's directed dyad-year file into the ``atop_dyad_years`` cross-check table.

    Recognises peacesciencer's ``atop_alliance.csv.gz`` (``ccode1, ccode2, year,
    atop_defense, ...``) and the publisher's ``atop5_1ddyr.csv`` (``stateA, stateB, year,
    defense, offense, neutral, nonagg, consul``). One row per directed pair of allied states
    and year, with the obligations that link them (Leeds et al. 2002). It is not a canonical
    table: foedus derives its own dyad-years from memberships, and this file checks them.
    """
    src = str(path)
    raw = read_csv(path, [])
    layout = next((v for k, v in _DYAD_LAYOUTS.items() if k in raw.columns), _DYAD_LAYOUTS["ccode1"])
    require_columns(raw, [layout[0], layout[1], "year", *layout[2:]], src)
    df = pd.DataFrame(
        {
            "ccode1": raw[layout[0]],
            "ccode2": raw[layout[1]],
            "year": raw["year"],
            **{o: raw[c] for o, c in zip(("defense", "offense", "neutrality", "nonaggression", "consultation"), layout[2:])},
        }
    )
    return validate_at(df, ATOP_DYAD_YEARS, src, known_ccodes=known_ccodes)


def read_atop_terms(path: Path, inst_path: Path | None = None) -> pd.DataFrame:
    """The terms of each ATOP alliance that the simulator uses, indexed by ``atopid``.

    Columns: ``conditional`` (ATOP ``conditio``), ``bilateral`` (``bilat``), ``proadd`` (ATOP's
    provisions for the admission of new members: 0 none, 1-3 provisions; NaN where not coded)
    ``statthr1``, ``statthr2`` (the COW codes of the states the treaty names as the threat it is
    against, 0 where none or where the file lacks the columns) and, with ``inst_path`` (``atopinst5_1.csv``, Leeds & Anac 2005), ``institutionalised``, the
    highest ``milinst`` over the alliance's phases (0 where not coded); ``term_years`` and ``renewal_years``,
    the treaty's stated term and the length of each renewal, in years (ATOP ``speclgth`` 1 or 3, a length of time
    specified: ``length`` and ``renewlgt``, in months; 0 where the treaty states none; a treaty that ends on an event,
    ``speclgth`` 2, has none).
    """
    raw = read_csv(path, ["atopid", "conditio", "bilat", "proadd"])
    out = pd.DataFrame(
        {
            "conditional": pd.to_numeric(raw["conditio"], errors="coerce").fillna(0).astype(int) > 0,
            "bilateral": pd.to_numeric(raw["bilat"], errors="coerce").fillna(0).astype(int) > 0,
            "proadd": pd.to_numeric(raw["proadd"], errors="coerce"),
        }
    )
    out.index = raw["atopid"].astype(int)
    # the states the treaty names as the threat it is against (ATOP statthr1, statthr2: COW codes; 0 or blank none),
    # when the file has them (Leeds et al. 2002)
    for col in ("statthr1", "statthr2"):
        v = pd.to_numeric(raw[col], errors="coerce") if col in raw.columns else pd.Series(np.nan, index=raw.index)
        out[col] = v.where(v > 0).fillna(0).astype(int).to_numpy()
    # the treaty's stated term and renewal period in years (ATOP speclgth 1 or 3: a length of time is
    # specified, `length` months; `renewlgt` months per renewal), 0 where none or where the file lacks them
    spec = pd.to_numeric(raw["speclgth"], errors="coerce") if "speclgth" in raw.columns else pd.Series(np.nan, index=raw.index)
    for col, name in (("length", "term_years"), ("renewlgt", "renewal_years")):
        v = pd.to_numeric(raw[col], errors="coerce") if col in raw.columns else pd.Series(np.nan, index=raw.index)
        out[name] = np.where(spec.isin([1, 3]).to_numpy() & (v > 0).to_numpy(), v.to_numpy() / 12.0, 0.0)
    out["institutionalised"] = 0
    if inst_path is not None:
        inst = read_csv(inst_path, ["atopid", "milinst"])
        best = pd.to_numeric(inst["milinst"], errors="coerce").groupby(inst["atopid"].astype(int)).max()
        out["institutionalised"] = best.reindex(out.index).fillna(0).clip(0, 2).astype(int)
    return out


PARTNER_SPECIFIC: dict[int, tuple[str, tuple[tuple[str, int, int], ...]]] = {
    1100: ("Quadruple Alliance 1834: the defence runs among Britain, Spain and Portugal; France holds none and is owed none",
           (("defense", 200, 220), ("defense", 220, 230), ("defense", 220, 235))),
    1110: ("London Convention 1840: defence and offence run toward the Ottoman Empire and between named powers, not between every pair of holders",
           (("defense", 200, 255), ("defense", 200, 300), ("defense", 200, 365),
            ("offense", 200, 255), ("offense", 200, 365), ("offense", 255, 300), ("offense", 255, 640), ("offense", 365, 640))),
    1120: ("Intervention in Portugal 1847: Britain's, France's and Spain's defence is owed to Portugal, not to each other",
           (("defense", 200, 220), ("defense", 200, 230), ("defense", 220, 230))),
    1160: ("Sardinia's accession to the Crimean alliance 1855: its defence runs toward the Ottoman Empire, not Britain or France",
           (("defense", 200, 325), ("defense", 220, 325))),
    1205: ("Brazil and Argentina guarantee Uruguay 1859: each owes defence to Uruguay, not to the other guarantor",
           (("defense", 140, 160),)),
    1227: ("The German middle states and Austria 1862: their neutrality is owed to Austria, not among themselves",
           tuple(("neutrality", a, b) for a, b in ((240, 245), (240, 269), (240, 271), (240, 275), (245, 269),
                                                    (245, 271), (245, 275), (269, 271), (269, 275), (271, 275)))),
    1350: ("Triple Alliance 1887-1918: Germany's offensive promise is owed to Italy, not to Austria-Hungary",
           (("offense", 255, 300),)),
    1355: ("Romania's alliance with Austria-Hungary and Germany, Italy acceding 1888: no defence between Italy and Romania",
           (("defense", 325, 360),)),
    2130: ("Locarno 1925: Britain and Italy guarantee France, Germany and Belgium, not each other; the non-aggression "
           "promises bind France, Germany and Belgium to each other, not to the guarantors",
           (("defense", 200, 325), ("nonaggression", 200, 211), ("nonaggression", 200, 220), ("nonaggression", 200, 255),
            ("nonaggression", 211, 325), ("nonaggression", 220, 325), ("nonaggression", 255, 325))),
    3322: ("Protocol of Sèvres 1956: Britain's neutrality is owed to Israel, not to France",
           (("neutrality", 200, 220),)),
}
"""ATOP 5.1 obligations owed to some members only (Leeds et al. 2002, the directed dyad-year file).

ATOP's member file says which member holds an obligation in a phase, not to whom it is owed; its
dyad-year file (``atop5_1ddyr``), coded from the treaty texts, does. In these ten alliances a pair
of members carries an obligation in the member-level reading (one of them holds it) that ATOP's
dyad-year file does not code for that pair, in any year: ``{atopid: (why, ((obligation, ccode1,
ccode2), ...)))}`` with ``ccode1 < ccode2`` and the obligation names of :data:`foedus.schema.OBLIGATIONS`.
:func:`foedus.analysis.network.dyad_years` drops them for ATOP agreements, and then equals ATOP's
own dyad-year file (tests/analysis/test_network.py). Derived by comparing the two files: every
(alliance, obligation, pair) the member-level reading codes in some year and the dyad-year file in
none."""


WAR_CONDITION_COLUMNS: dict[str, tuple[str, str]] = {
    "defence_named_adversary": ("defense", "defcoadv"),
    "defence_unprovoked": ("defense", "defconpr"),
    "offence_named_adversary": ("offense", "offcoadv"),
}
"""The conditions of a war obligation the simulator reads (ours -> (ATOP obligation column, ATOP condition column)),
ATOP 5.1 member-level file: defence only against a specific adversary (``defcoadv``), only if the ally did not
provoke the attack (``defconpr``), offence only against a specific adversary (``offcoadv``); Leeds et al. 2002."""


def read_atop_conditions(path: Path, year: int | None = None) -> pd.DataFrame:
    """The written conditions of each ATOP alliance's defence and offence obligations, indexed by ``atopid``.

    One bool column per :data:`WAR_CONDITION_COLUMNS` key: True where every member that holds the
    obligation has the condition coded (ATOP codes conditions per member and phase; Leeds, Long &
    Mitchell 2000 judge honouring against them). With ``year``, the members' rows in force that year
    (entered by it, not left before it) decide, where there are any; otherwise all rows. An alliance
    whose members hold no such obligation, or a file without the condition columns, has False.
    """
    raw = read_csv(path, ["atopid", "member", "yrent", "yrexit"])
    ids = pd.to_numeric(raw["atopid"], errors="coerce").astype("Int64")
    if year is not None:
        ent = pd.to_numeric(raw["yrent"], errors="coerce").fillna(0)
        ex = pd.to_numeric(raw["yrexit"], errors="coerce").fillna(0)
        now = ((ent <= year) & ((ex == 0) | (ex >= year))).to_numpy()
        has_now = pd.Series(now).groupby(ids.to_numpy()).transform("any").to_numpy()
        keep = now | ~has_now
    else:
        keep = np.ones(len(raw), bool)
    out = pd.DataFrame(index=pd.Index(sorted(ids.dropna().unique().astype(int)), name="atopid"))
    for name, (ob, col) in WAR_CONDITION_COLUMNS.items():
        if ob not in raw.columns or col not in raw.columns:
            out[name] = False
            continue
        holds = (pd.to_numeric(raw[ob], errors="coerce").fillna(0) > 0).to_numpy() & keep
        cond = (pd.to_numeric(raw[col], errors="coerce").fillna(0) > 0).to_numpy()
        g = pd.DataFrame({"id": ids.to_numpy()[holds], "c": cond[holds]}).groupby("id")["c"].all()
        out[name] = g.reindex(out.index).astype("boolean").fillna(False).astype(bool)
    return out
