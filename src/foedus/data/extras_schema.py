"""Schemas of the auxiliary tables that only the historical record has (``History.extras``).

The six canonical tables of :mod:`foedus.schema` are shared by the record and by simulated
worlds. The record also carries tables that a simulation does not produce: capitals,
contiguity, strategic rivalries, arms races, militarized disputes, wars, and ATOP's own
dyad-year file. Each has a :class:`~foedus.schema.TableSpec` here, so that every importer
validates it with :func:`foedus.schema.validate` (file, line, column and reason on error) and
the store (:mod:`foedus.data.store`) reads it back with the same dtypes.

Tables (``History.extras[name]``), with their sources:

``capitals``
    Capital of each COW state by spell (peacesciencer compilation; Miller 2022).
``contiguity``
    COW Direct Contiguity v3.2 (Stinnett et al. 2002), **non-directed** spells
    (``ccode1 < ccode2``) of contiguity types 1-5; spells of no contiguity (type 0, imputed by
    peacesciencer) are dropped, as in the publisher's ``contdir.csv``.
``rivalries``
    Thompson & Dreyer (2012) strategic rivalries; ``rivalries_tss`` the update of Thompson,
    Sakuwa & Suhas (2021).
``arms_races``
    Gibler, Rider & Hutchison (2005) conventional arms races during rivalry.
``disputes``
    COW Militarized Interstate Disputes 5.0, dispute level (Palmer et al. 2022);
    ``disputes_gml`` the Gibler, Miller & Little (2016) revision 2.2.1.
``wars``
    COW Inter-State War Data v4.0 (Sarkees & Wayman 2010), directed dyad-year.
``atop_dyad_years``
    ATOP 5.1 directed dyad-year file (Leeds et al. 2002), kept as a cross-check of the
    memberships table.

Missing codes of the sources (COW's ``-9`` unknown, ``-8`` not applicable) are read as
missing values.
"""

from __future__ import annotations

import pandas as pd

from foedus.schema import YEAR_MAX, YEAR_MIN, Column, TableSpec


def _end_before_start(start: str, end: str):
    def bad(d: pd.DataFrame) -> pd.Series:
        e = d[end]
        return e.notna() & (e < d[start])

    return bad


def _not_ordered(d: pd.DataFrame) -> pd.Series:
    return d["ccode1"] >= d["ccode2"]


def _same_state(d: pd.DataFrame) -> pd.Series:
    return d["ccode1"] == d["ccode2"]


_RIVALRY_TYPES = ("spatial", "positional", "ideological", "interventionary")
"""Thompson & Dreyer's four rivalry types."""

CAPITALS = TableSpec(
    "capitals",
    (
        Column("ccode", "int", minimum=1, doc="COW state code"),
        Column("name", "str", doc="state name"),
        Column("capital", "str", doc="capital city"),
        Column("start_date", "str", doc="first day as capital, YYYY-MM-DD (generous before entry)"),
        Column("end_date", "str", doc="last day as capital, YYYY-MM-DD"),
        Column("start_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("end_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("lat", "float", nullable=True, minimum=-90, maximum=90, doc="latitude, degrees"),
        Column("lng", "float", nullable=True, minimum=-180, maximum=180, doc="longitude, degrees"),
    ),
    key=("ccode", "start_date"),
    checks=(("end_date", lambda d: d["end_date"] < d["start_date"], "end_date before start_date"),),
)

CONTIGUITY = TableSpec(
    "contiguity",
    (
        Column("ccode1", "int", minimum=1),
        Column("ccode2", "int", minimum=1),
        Column("conttype", "int", minimum=1, maximum=5, doc="1 land; 2-5 separated by <=12, 24, 150, 400 miles of water"),
        Column("start_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("start_month", "int", minimum=1, maximum=12),
        Column("end_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("end_month", "int", minimum=1, maximum=12),
    ),
    key=("ccode1", "ccode2", "start_year", "start_month"),
    checks=(
        ("ccode2", _not_ordered, "ccode1 must be < ccode2"),
        (
            "end_year",
            lambda d: (d["end_year"] * 12 + d["end_month"]) < (d["start_year"] * 12 + d["start_month"]),
            "spell ends before it starts",
        ),
    ),
)

RIVALRIES = TableSpec(
    "rivalries",
    (
        Column("rivalry_id", "int", minimum=1),
        Column("name", "str"),
        Column("ccode1", "int", minimum=1),
        Column("ccode2", "int", minimum=1),
        Column("start_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("end_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX, doc="last year; the source's last year (2010 for TD, 2020 for TSS) marks an ongoing rivalry"),
        Column("region", "str", nullable=True),
        *(Column(t, "bool", doc=f"{t} rivalry") for t in _RIVALRY_TYPES),
        Column("principal", "bool", doc="TSS: principal rivalry (False for TD, which does not code it)"),
        Column("source", "str"),
    ),
    key=("rivalry_id",),
    checks=(
        ("end_year", _end_before_start("start_year", "end_year"), "end_year before start_year"),
        ("ccode2", _same_state, "a state cannot be its own rival"),
    ),
)

RIVALRIES_TSS = TableSpec("rivalries_tss", RIVALRIES.columns, RIVALRIES.key, RIVALRIES.checks)

ARMS_RACES = TableSpec(
    "arms_races",
    (
        Column("race_id", "int", minimum=1),
        Column("ccode1", "int", minimum=1),
        Column("ccode2", "int", minimum=1),
        Column("start_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("end_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
    ),
    key=("race_id",),
    checks=(
        ("end_year", _end_before_start("start_year", "end_year"), "end_year before start_year"),
        ("ccode2", _same_state, "a state cannot race itself"),
    ),
)

DISPUTES = TableSpec(
    "disputes",
    (
        Column("dispnum", "int", minimum=1, doc="MID dispute number"),
        Column("start_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("start_month", "int", nullable=True, minimum=1, maximum=12),
        Column("end_year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX, nullable=True),
        Column("end_month", "int", nullable=True, minimum=1, maximum=12),
        Column("outcome", "int", nullable=True, minimum=0, doc="MID outcome code (1 victory for A ... 9 joins war)"),
        Column("settle", "int", nullable=True, minimum=0, doc="settlement: 1 negotiated, 2 imposed, 3 none, 4 unclear"),
        Column("fatality", "int", nullable=True, minimum=0, doc="fatality level 0-6"),
        Column("mindur", "int", nullable=True, minimum=0, doc="minimum duration, days"),
        Column("maxdur", "int", nullable=True, minimum=0, doc="maximum duration, days"),
        Column("hiact", "int", nullable=True, minimum=0, doc="highest action in dispute, 0-23"),
        Column("hostlev", "int", nullable=True, minimum=1, maximum=5, doc="hostility level 1-5"),
        Column("recip", "bool", doc="reciprocated (side B took a militarized action)"),
        Column("source", "str"),
    ),
    key=("dispnum",),
    checks=(("end_year", _end_before_start("start_year", "end_year"), "end_year before start_year"),),
)

DISPUTES_GML = TableSpec("disputes_gml", DISPUTES.columns, DISPUTES.key, DISPUTES.checks)

WARS = TableSpec(
    "wars",
    (
        Column("warnum", "int", minimum=1, doc="COW war number"),
        Column("ccode1", "int", minimum=1),
        Column("ccode2", "int", minimum=1),
        Column("year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("onset", "bool", doc="first year of this dyad's participation spell"),
        Column("side1", "int", minimum=1, maximum=2, doc="COW side (1 or 2) of ccode1"),
        Column("side2", "int", minimum=1, maximum=2, doc="COW side (1 or 2) of ccode2"),
        Column("initiator1", "bool"),
        Column("initiator2", "bool"),
        Column("outcome1", "int", nullable=True, minimum=1, maximum=8, doc="1 win, 2 lose, 3 compromise, 4 transformed, 6 stalemate, 7 continues below war, 8 changed sides"),
        Column("outcome2", "int", nullable=True, minimum=1, maximum=8),
        Column("batdeath1", "int", nullable=True, minimum=0, doc="battle deaths of ccode1 in the whole war; <NA> unknown"),
        Column("batdeath2", "int", nullable=True, minimum=0),
        Column("resume", "bool", doc="row of a second participation spell (the state re-entered the war)"),
        Column("source", "str"),
    ),
    key=("warnum", "ccode1", "ccode2", "year", "resume"),
    checks=(
        ("ccode2", _same_state, "a state cannot fight itself"),
        ("side2", lambda d: d["side1"] == d["side2"], "the two states of a war dyad must be on opposite sides"),
    ),
)

ATOP_DYAD_YEARS = TableSpec(
    "atop_dyad_years",
    (
        Column("ccode1", "int", minimum=1),
        Column("ccode2", "int", minimum=1),
        Column("year", "int", minimum=YEAR_MIN, maximum=YEAR_MAX),
        Column("defense", "bool"),
        Column("offense", "bool"),
        Column("neutrality", "bool"),
        Column("nonaggression", "bool"),
        Column("consultation", "bool"),
    ),
    key=("ccode1", "ccode2", "year"),
    checks=(("ccode2", _same_state, "a state cannot ally with itself"),),
)

EXTRAS: dict[str, TableSpec] = {
    t.name: t for t in (CAPITALS, CONTIGUITY, RIVALRIES, RIVALRIES_TSS, ARMS_RACES, DISPUTES, DISPUTES_GML, WARS, ATOP_DYAD_YEARS)
}
"""Every auxiliary table foedus knows, by its name in ``History.extras``."""

CCODE_COLUMNS: tuple[str, ...] = ("ccode", "ccode1", "ccode2")
"""Columns that hold COW state codes."""
