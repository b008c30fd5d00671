"""Rivalry and conflict: strategic rivalries, arms races, militarized disputes and wars.

Citations: Thompson & Dreyer (2012), *Handbook of International Rivalries*; Thompson, Sakuwa &
Suhas (2021), *Analyzing Strategic Rivalries in World Politics*; Gibler, Rider & Hutchison
(2005), "Taking Arms Against a Sea of Troubles", *Journal of Peace Research* 42(2): 131-47;
Palmer et al. (2022), "The MID5 Dataset, 2011-2014", *Conflict Management and Peace Science*
39(4): 470-82; Gibler, Miller & Little (2016), "An Analysis of the Militarized Interstate
Dispute (MID) Dataset, 1816-2001", *International Studies Quarterly* 60(4): 719-30; Sarkees &
Wayman (2010), *Resort to War* (COW Inter-State War Data v4.0).

Disputes and wars also become rows of the canonical ``events`` table
(:func:`dispute_events`, :func:`war_events`), with the source's variables in ``detail``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from foedus.data.csvio import missing_codes_to_na, read_csv, require_columns, validate_at
from foedus.data.extras_schema import ARMS_RACES, EXTRAS, RIVALRIES, WARS
from foedus.schema import YEAR_MAX, YEAR_MIN, SchemaError, validate

COW_FIRST_YEAR = 1816
"""First year of the COW state system. A rivalry that ended before it may involve polities
that never entered the system (Thompson & Dreyer code Venice as 324), so its state codes are
not checked against the system list."""

_TYPES = ("spatial", "positional", "ideological", "interventionary")


def read_rivalries(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read strategic rivalries into the ``rivalries`` table (or ``rivalries_tss``).

    Two layouts are recognised:

    * Thompson & Dreyer (2012), peacesciencer's ``td_rivalries.csv``: ``rivalryno,
      rivalryname, ccode1, ccode2, styear, endyear, region, type1, type2, type3`` with types
      named in words; ongoing rivalries end at 2010. ``principal`` is False (not coded).
    * Thompson, Sakuwa & Suhas (2021), ``tss_rivalries.csv``: ``tssr_id, rivalry, ccode1,
      ccode2, start, end, positional, spatial, ideological, interventionary, principal`` with
      1/empty flags; ongoing rivalries end at 2020. Its rows go to the ``rivalries_tss``
      table (the returned frame has ``attrs["table"] == "rivalries_tss"``).

    State codes are checked against ``known_ccodes`` except for rivalries that ended before
    :data:`COW_FIRST_YEAR` (see there).
    """
    src = str(path)
    raw = read_csv(path, [])
    if "tssr_id" in raw.columns:
        require_columns(raw, ["tssr_id", "rivalry", "ccode1", "ccode2", "start", "end", *_TYPES, "principal"], src)
        flags = {t: _flag(raw[t]) for t in (*_TYPES, "principal")}
        df = pd.DataFrame(
            {
                "rivalry_id": raw["tssr_id"],
                "name": raw["rivalry"],
                "ccode1": raw["ccode1"],
                "ccode2": raw["ccode2"],
                "start_year": raw["start"],
                "end_year": raw["end"],
                "region": pd.NA,
                **flags,
                "source": "Thompson, Sakuwa & Suhas (2021)",
            }
        )
        spec = EXTRAS["rivalries_tss"]
    else:
        require_columns(raw, ["rivalryno", "rivalryname", "ccode1", "ccode2", "styear", "endyear", "region", "type1"], src)
        types = raw[[c for c in ("type1", "type2", "type3") if c in raw.columns]].astype("string").apply(lambda s: s.str.strip().str.lower())
        known_types = types.isin(_TYPES) | types.isna()
        if not known_types.all().all():
            i, j = np.argwhere(~known_types.to_numpy())[0]
            raise SchemaError(src, f"unknown rivalry type {types.iat[i, j]!r} (expected one of {', '.join(_TYPES)})", row=int(i) + 2, column=types.columns[j])
        df = pd.DataFrame(
            {
                "rivalry_id": raw["rivalryno"],
                "name": raw["rivalryname"],
                "ccode1": raw["ccode1"],
                "ccode2": raw["ccode2"],
                "start_year": raw["styear"],
                "end_year": raw["endyear"],
                "region": raw["region"],
                **{t: (types == t).any(axis=1) for t in _TYPES},
                "principal": False,
                "source": "Thompson & Dreyer (2012)",
            }
        )
        spec = RIVALRIES
    end = pd.to_numeric(df["end_year"], errors="coerce")
    out = validate_at(df, spec, src, known_ccodes=known_ccodes, exempt=(end < COW_FIRST_YEAR).to_numpy())
    out.attrs["table"] = spec.name
    return out


def _flag(s: pd.Series) -> pd.Series:
    """TSS element flags: 1 = present, empty = absent. Anything else is left for validation."""
    return s.where(s.notna(), 0)


def read_arms_races(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read Gibler, Rider & Hutchison (2005) arms races (``race_id, ccode1, ccode2, styear, endyear``)."""
    raw = read_csv(path, ["race_id", "ccode1", "ccode2", "styear", "endyear"])
    df = pd.DataFrame(
        {
            "race_id": raw["race_id"],
            "ccode1": raw["ccode1"],
            "ccode2": raw["ccode2"],
            "start_year": raw["styear"],
            "end_year": raw["endyear"],
        }
    )
    return validate_at(df, ARMS_RACES, str(path), known_ccodes=known_ccodes)


KNOWN_QUIRKS: dict[str, tuple[tuple[int, str, int], ...]] = {
    "GML MID 2.2.1": ((1272, "stmon", 13),),
}
"""Impossible values in the published files, read as missing: (dispnum, column, value) by data set.

GML MID 2.2.1 gives dispute 1272 a start month of 13 (COW-MID 5.0 starts it in April 1919);
no month is guessed, the month is read as unknown. Any other impossible value is rejected."""

_MID_VARS = ("outcome", "settle", "fatality", "mindur", "maxdur", "hiact", "hostlev")


def read_disputes(path: Path, source: str = "COW-MID 5.0", table: str = "disputes") -> pd.DataFrame:
    """Read a MID dispute-level file into the ``disputes`` table (or ``disputes_gml``).

    Recognises peacesciencer's abbreviated ``cow_mid_disps.csv`` / ``gml_mid_disps.csv``
    (``dispnum, styear, stmon, outcome, settle, fatality, mindur, maxdur, hiact, hostlev,
    recip``) and the publisher's ``MIDA 5.0.csv`` (the same plus ``stday, endday, endmon,
    endyear, fatalpre, numa, numb, ...``). COW's ``-9`` (unknown) becomes missing, and so do
    the impossible values listed in :data:`KNOWN_QUIRKS`.

    Parameters
    ----------
    path
        The CSV file.
    source
        Data set name written into the ``source`` column (``"COW-MID 5.0"`` or
        ``"GML MID 2.2.1"``).
    table
        ``"disputes"`` or ``"disputes_gml"``.
    """
    raw = read_csv(path, ["dispnum", "styear", "stmon", *_MID_VARS, "recip"])
    for dispnum, column, value in KNOWN_QUIRKS.get(source, ()):
        hit = (pd.to_numeric(raw["dispnum"], errors="coerce") == dispnum) & (pd.to_numeric(raw[column], errors="coerce") == value)
        raw[column] = raw[column].mask(hit)
    nan = pd.Series(pd.NA, index=raw.index)
    df = pd.DataFrame(
        {
            "dispnum": raw["dispnum"],
            "start_year": raw["styear"],
            "start_month": missing_codes_to_na(raw["stmon"]),
            "end_year": missing_codes_to_na(raw["endyear"]) if "endyear" in raw else nan,
            "end_month": missing_codes_to_na(raw["endmon"]) if "endmon" in raw else nan,
            **{v: missing_codes_to_na(raw[v]) for v in _MID_VARS},
            "recip": raw["recip"],
            "source": source,
        }
    )
    return validate_at(df, EXTRAS[table], str(path))


_WAR_SOURCE = "COW Inter-State War Data v4.0"


def read_wars(path: Path, known_ccodes: Iterable[int] | None = None) -> pd.DataFrame:
    """Read COW inter-state wars into the directed dyad-year ``wars`` table.

    Two layouts are recognised:

    * peacesciencer's ``cow_war_inter.csv``, already directed dyad-year (``warnum, ccode1,
      ccode2, year, cowinteronset, sidea1, sidea2, initiator1, initiator2, outcome1,
      outcome2, batdeath1, batdeath2, resume``);
    * the publisher's participant file ``Inter-StateWarData_v4.0.csv`` (``WarNum, ccode,
      Side, StartYear1, EndYear1, StartYear2, EndYear2, Initiator, Outcome, BatDeath``),
      turned into directed dyad-years: every participant on side 1 faces every participant on
      side 2 in each year both take part (first spell; a second spell, ``StartYear2 > 0``,
      gives rows with ``resume`` True). ``onset`` marks the first year of a dyad's spell.

    ``-9`` battle deaths (unknown) and ``-8`` (not applicable) become missing.
    """
    src = str(path)
    raw = read_csv(path, [])
    if "WarNum" in raw.columns:
        return _wars_from_participants(raw, src, known_ccodes)
    require_columns(
        raw,
        ["warnum", "ccode1", "ccode2", "year", "cowinteronset", "sidea1", "sidea2", "initiator1", "initiator2",
         "outcome1", "outcome2", "batdeath1", "batdeath2", "resume"],
        src,
    )
    df = pd.DataFrame(
        {
            "warnum": raw["warnum"],
            "ccode1": raw["ccode1"],
            "ccode2": raw["ccode2"],
            "year": raw["year"],
            "onset": raw["cowinteronset"],
            "side1": raw["sidea1"],
            "side2": raw["sidea2"],
            "initiator1": raw["initiator1"],
            "initiator2": raw["initiator2"],
            "outcome1": missing_codes_to_na(raw["outcome1"]),
            "outcome2": missing_codes_to_na(raw["outcome2"]),
            "batdeath1": missing_codes_to_na(raw["batdeath1"]),
            "batdeath2": missing_codes_to_na(raw["batdeath2"]),
            "resume": raw["resume"],
            "source": _WAR_SOURCE,
        }
    )
    return validate_at(df, WARS, src, known_ccodes=known_ccodes)


def _wars_from_participants(raw: pd.DataFrame, src: str, known_ccodes) -> pd.DataFrame:
    cols = ["WarNum", "ccode", "Side", "StartYear1", "EndYear1", "StartYear2", "EndYear2", "Initiator", "Outcome", "BatDeath"]
    require_columns(raw, cols, src)
    num = {}
    for c in cols:
        v = pd.to_numeric(raw[c], errors="coerce")
        bad = (v.isna() & raw[c].notna()).to_numpy()
        if bad.any():
            i = int(bad.nonzero()[0][0])
            raise SchemaError(src, f"not a number: {raw[c].iloc[i]!r}", row=i + 2, column=c)
        num[c] = v
    p = pd.DataFrame(num)
    p["line"] = np.arange(2, len(p) + 2)
    spells = []
    for k, resume in (("1", False), ("2", True)):
        s = p[p[f"StartYear{k}"] > 0].copy()
        s["start"], s["end"], s["resume"] = s[f"StartYear{k}"], s[f"EndYear{k}"], resume
        open_end = s["end"] <= 0
        s.loc[open_end, "end"] = s.loc[open_end, "start"]
        spells.append(s)
    s = pd.concat(spells, ignore_index=True)
    for frame, col, what in ((p, "StartYear1", "start"), (s, "end", "end")):
        missing = frame[col].isna().to_numpy()
        if missing.any():
            line = int(frame["line"].iloc[int(missing.nonzero()[0][0])])
            raise SchemaError(src, f"a participation without its {what} year", row=line, column="StartYear1" if what == "start" else "EndYear1")
    for col, theirs in (("start", "StartYear"), ("end", "EndYear")):
        v = s[col]
        bad = ((v < YEAR_MIN) | (v > YEAR_MAX) | (v % 1 != 0)).to_numpy()
        if bad.any():
            i = int(bad.nonzero()[0][0])
            raise SchemaError(
                src, f"year {v.iloc[i]:g} is not a whole year in {YEAR_MIN}..{YEAR_MAX}", row=int(s["line"].iloc[i]),
                column=f"{theirs}{2 if s['resume'].iloc[i] else 1}",
            )
    bad = (s["end"] < s["start"]).to_numpy()
    if bad.any():
        i = int(bad.nonzero()[0][0])
        raise SchemaError(src, "participation ends before it starts", row=int(s["line"].iloc[i]), column="EndYear1")
    keep = ["WarNum", "ccode", "Side", "start", "end", "resume", "Initiator", "Outcome", "BatDeath"]
    d = s[keep].merge(s[keep], on="WarNum", suffixes=("1", "2"))
    d = d[(d["Side1"] != d["Side2"]) & (d["ccode1"] != d["ccode2"])]
    lo = np.maximum(d["start1"], d["start2"]).to_numpy().astype("int64")
    hi = np.minimum(d["end1"], d["end2"]).to_numpy().astype("int64")
    d = d[hi >= lo]
    lo, hi = lo[hi >= lo], hi[hi >= lo]
    n = hi - lo + 1
    rep = d.loc[d.index.repeat(n)].reset_index(drop=True)
    offset = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    df = pd.DataFrame(
        {
            "warnum": rep["WarNum"],
            "ccode1": rep["ccode1"],
            "ccode2": rep["ccode2"],
            "year": np.repeat(lo, n) + offset,
            "onset": offset == 0,
            "side1": rep["Side1"],
            "side2": rep["Side2"],
            "initiator1": rep["Initiator1"] == 1,
            "initiator2": rep["Initiator2"] == 1,
            "outcome1": missing_codes_to_na(rep["Outcome1"]),
            "outcome2": missing_codes_to_na(rep["Outcome2"]),
            "batdeath1": missing_codes_to_na(rep["BatDeath1"]),
            "batdeath2": missing_codes_to_na(rep["BatDeath2"]),
            "resume": rep["resume1"] | rep["resume2"],
            "source": _WAR_SOURCE,
        }
    )
    df = df.drop_duplicates(["warnum", "ccode1", "ccode2", "year", "resume"]).sort_values(
        ["warnum", "ccode1", "ccode2", "year"], kind="stable"
    )
    return validate(df.reset_index(drop=True), WARS, source=src, known_ccodes=known_ccodes)


def _detail(df: pd.DataFrame) -> list[str]:
    """One JSON object per row (missing values as ``null``), built by pandas' C encoder."""
    if df.empty:
        return []
    return df.to_json(orient="records", lines=True).splitlines()


def dispute_events(disputes: pd.DataFrame) -> pd.DataFrame:
    """Canonical ``events`` rows (kind ``"dispute"``) for a ``disputes`` table.

    One event per dispute in its start year. The dispute-level files name no participants, so
    ``ccode`` and ``ccode2`` are missing; ``detail`` holds ``dispnum``, the start month, the
    MID codes (outcome, settlement, fatality level, durations, highest action, hostility level,
    reciprocation) and the data set.
    """
    cols = ["dispnum", "start_month", "end_year", "end_month", *_MID_VARS, "recip", "source"]
    ev = pd.DataFrame(
        {
            "year": disputes["start_year"].to_numpy(),
            "kind": "dispute",
            "agreement_id": pd.array([pd.NA] * len(disputes), dtype="Int64"),
            "ccode": pd.array([pd.NA] * len(disputes), dtype="Int64"),
            "ccode2": pd.array([pd.NA] * len(disputes), dtype="Int64"),
            "detail": _detail(disputes[cols]),
        }
    )
    return validate(ev, "events", source="disputes")


def war_events(wars: pd.DataFrame) -> pd.DataFrame:
    """Canonical ``events`` rows (kind ``"war"``) for a ``wars`` table.

    One event per non-directed dyad (``ccode < ccode2``) and participation spell, in the year
    the two states began fighting each other (``onset``). ``detail`` holds the war number,
    sides, initiators, outcomes, battle deaths, whether the spell resumes an earlier one, and
    the data set.
    """
    w = wars[(wars["onset"] & (wars["ccode1"] < wars["ccode2"])).to_numpy()]
    cols = ["warnum", "side1", "side2", "initiator1", "initiator2", "outcome1", "outcome2", "batdeath1", "batdeath2", "resume", "source"]
    ev = pd.DataFrame(
        {
            "year": w["year"].to_numpy(),
            "kind": "war",
            "agreement_id": pd.array([pd.NA] * len(w), dtype="Int64"),
            "ccode": w["ccode1"].to_numpy(),
            "ccode2": w["ccode2"].to_numpy(),
            "detail": _detail(w[cols]),
        }
    )
    return validate(ev, "events", source="wars")
