"""The canonical tables that real and simulated history share.

Every importer in :mod:`foedus.data` and every simulated world in :mod:`foedus.sim` writes its
history into the same six tables, so every measure in :mod:`foedus.analysis` runs unchanged on
the 1815–2018 record and on any simulated century (brief: "One schema for history").

Tables (one :class:`TableSpec` each, see :data:`TABLES`):

``states``
    System membership spells: ``ccode`` (Correlates of War state code), ``abb``, ``name``,
    ``start_year``, ``end_year`` (``<NA>`` = still a member when the record ends); optionally
    ``end_month``, ``end_day`` (COW's end date, to tell who was a member on 31 December) and
    ``start_month``, ``start_day`` (its start date).
``state_years``
    Capabilities by state and year, in COW National Material Capabilities units: ``milex``
    (thousands; pounds sterling 1816–1913, current US dollars from 1914), ``milper``
    (thousands of personnel), ``irst`` (thousand tons of iron and steel), ``pec`` (thousand
    coal-ton equivalents), ``tpop`` and ``upop`` (thousands of people), ``cinc`` (share of the
    system's capabilities, 0–1), ``major`` (COW major power that year) and ``tier``
    (one of :data:`POWER_TIERS`, brief A1). A simulation writes the same units, in the dollars
    of its scenario's starting figures, and its ``cinc`` is a model power share; every history's
    :class:`~foedus.schema.provenance.HistoryMeta` states the unit of each column
    (:data:`~foedus.schema.provenance.RECORD_UNITS`, :data:`~foedus.schema.provenance.SIMULATION_UNITS`).

    Military spending along the way, one unit per stage: COW NMC ``milex`` is thousands (£
    1816–1913, current US$ after) in the record (:func:`foedus.data.cow.read_nmc`); a snapshot
    gives million US$ (:func:`foedus.data.snapshot_fields.milex_usd_m`, the one conversion of the
    record, with SIPRI's million constant-2022 US$ where SIPRI has a figure); a scenario and the
    simulated world keep million US$ per year; a simulation writes thousands into ``state_years``
    again, so that the record and a run share one unit; reports choose their own display unit.
``agreements``
    One row per agreement (alliance, coalition or organisation, brief A2) with its dates and
    obligations. ``end_year`` is ``<NA>`` when the agreement was still in force when the record
    ends: that is right-censoring at ``observed_until``, never year 0.
``memberships``
    One row per member per agreement phase, with entry and exit dates (exit ``<NA>`` = still a
    member when the record ends).
``dyad_years``
    Derived: for each pair of states (``ccode1 < ccode2``) sharing an agreement in a year, which
    obligations link them. Built by :func:`foedus.analysis.network.dyad_years` from the two
    tables above; never edited by hand.
``events``
    Dated happenings: agreement formation, accession, exit, dissolution, disputes, wars, shocks;
    ``detail`` holds a JSON object (for simulated formations, the motive decomposition).

Validation (:func:`validate`) raises :class:`SchemaError` naming the source file, the row, the
column and the reason, so that bad input never surfaces as a bare traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from foedus.schema import display
from foedus.schema.display import repr_html, repr_text
from foedus.schema.provenance import HistoryMeta

POWER_TIERS: tuple[str, ...] = ("superpower", "great", "regional", "secondary")
"""Power tiers of brief A1, strongest first."""

AGREEMENT_KINDS: tuple[str, ...] = ("alliance", "coalition", "organisation")
"""Kinds of agreement of brief A2."""

OBLIGATIONS: tuple[str, ...] = ("defense", "offense", "neutrality", "nonaggression", "consultation")
"""ATOP obligation types (Leeds et al. 2002), in ATOP's order."""

EVENT_KINDS: tuple[str, ...] = (
    "formation",
    "accession",
    "exit",
    "dissolution",
    "dispute",
    "war",
    "crisis",
    "coalition",
    "cyber",
    "shock",
    "commitment",
    "rivalry_onset",
    "rivalry_end",
    "state_entry",
    "state_exit",
    "war_entry",
)
"""Kinds of event a history may record."""


CAPABILITY_ASYMMETRY_RATIO = 3.0
"""Brief A3 (one great power with secondary allies): an agreement is capability-asymmetric when its
strongest founder has at least this many times the capability of the next strongest
(``agreements.capability_asymmetric``; the simulator's rule for its pacts)."""

SUPERPOWER_CINC = 0.15
"""CINC share at or above which a major power counts as a superpower (see :func:`power_tier`)."""

REGIONAL_CINC = 0.01
"""CINC share at or above which a non-major state counts as a regional power."""


SUPERPOWER_MILEX_SHARE = 0.25
"""Share of the system's military expenditure at or above which a major power counts as a superpower."""


def power_tier(cinc: np.ndarray, major: np.ndarray, milex_share: np.ndarray | None = None) -> np.ndarray:
    """Power tier of brief A1 from capability share, military spending share and COW major-power status.

    A rule, stated so that it can be argued with: a COW major power is a *superpower* (shapes the
    whole system) if its CINC share is at least :data:`SUPERPOWER_CINC` (0.15) or its share of
    the system's military expenditure is at least :data:`SUPERPOWER_MILEX_SHARE` (0.25, global
    reach: the United States after 2000 has a CINC near 0.13 but spends about 40% of the world
    total); any other major power is a *great* power; a state with CINC >=
    :data:`REGIONAL_CINC` (0.01, roughly the top 25-30 states) is a *regional* power; the rest
    are *secondary*. Missing values count as 0. By this rule Britain is a superpower in the early
    19th century, the United States and the USSR after 1945, China from the 2000s (CINC).

    Parameters
    ----------
    cinc : array of float, share of system capabilities (0-1)
    major : array of bool, COW major-power status (Correlates of War Project 2017)
    milex_share : array of float, optional, share of the system's military expenditure (0-1)

    Returns
    -------
    array of str, one of :data:`POWER_TIERS` per element.
    """
    return np.asarray(POWER_TIERS, dtype=object)[power_tier_code(cinc, major, milex_share)]


def power_tier_code(cinc: np.ndarray, major: np.ndarray, milex_share: np.ndarray | None = None) -> np.ndarray:
    """:func:`power_tier` as indices into :data:`POWER_TIERS` (int8; 0 = superpower, 3 = secondary)."""
    # a missing value (NaN) fails every comparison, so it counts as 0 without a copy
    c = np.asarray(cinc, dtype=float)
    m = np.asarray(major, dtype=bool)
    top = c >= SUPERPOWER_CINC
    if milex_share is not None:
        top = top | (np.asarray(milex_share, dtype=float) >= SUPERPOWER_MILEX_SHARE)
    code = np.where(c >= REGIONAL_CINC, np.int8(2), np.int8(3))
    code[m] = 1
    code[m & top] = 0
    return code


class SchemaError(ValueError):
    """A table or file does not fit the canonical schema.

    The message always names the source (file or table), and where known the row (1-based line
    number in the file when the source is a CSV with a header: data row ``i`` is line ``i + 2``),
    the column and the reason.
    """

    def __init__(self, source: str, reason: str, *, row: int | None = None, column: str | None = None):
        self.source = source
        self.row = row
        self.column = column
        self.reason = reason
        where = source
        if row is not None:
            where += f", line {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Column:
    """One column of a canonical table.

    ``kind`` is one of ``"int"`` (whole numbers; nullable if ``nullable``), ``"float"``,
    ``"bool"`` (pandas' nullable ``boolean`` if ``nullable``), ``"str"``.
    """

    name: str
    kind: str
    nullable: bool = False
    doc: str = ""
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    optional: bool = False
    """An optional column may be absent from a table; when present it is validated and kept."""


@dataclass(frozen=True)
class TableSpec:
    """A canonical table: its columns, primary key and row-level checks."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    checks: tuple[tuple[str, Callable[[pd.DataFrame], pd.Series], str], ...] = field(default=())
    """(column to blame, function returning a boolean Series of *bad* rows, reason)."""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _exit_before_entry(df: pd.DataFrame, start: str, end: str) -> pd.Series:
    e = df[end]
    return e.notna() & (e < df[start])


YEAR_MIN, YEAR_MAX = 1000, 9999
"""Bounds of every year column: a four-digit calendar year (the record spans 1815-2018; a
simulation may run up to its scenario's horizon). A year outside is a corrupt or mistyped file."""


def _year(name: str, nullable: bool = False, doc: str = "") -> Column:
    """A year column, bounded by :data:`YEAR_MIN` and :data:`YEAR_MAX`."""
    return Column(name, "int", nullable=nullable, doc=doc, minimum=YEAR_MIN, maximum=YEAR_MAX)


def _date_columns(prefix: str, open_doc: str | None = None) -> tuple[Column, Column, Column]:
    """``{prefix}_year``, ``_month`` (1-12) and ``_day`` (1-31); month and day may be unknown (<NA>).

    With ``open_doc`` the year may be <NA> too: the date has not come when the record ends,
    which ``open_doc`` explains.
    """
    return (
        _year(f"{prefix}_year", nullable=open_doc is not None, doc=open_doc or ""),
        Column(f"{prefix}_month", "int", nullable=True, minimum=1, maximum=12),
        Column(f"{prefix}_day", "int", nullable=True, minimum=1, maximum=31),
    )


STATES = TableSpec(
    "states",
    (
        Column("ccode", "int", doc="COW state code", minimum=1),
        Column("abb", "str", doc="COW three-letter abbreviation"),
        Column("name", "str", doc="state name"),
        _year("start_year", doc="first year in the system"),
        _year("end_year", nullable=True, doc="last year in the system; <NA> = still a member"),
        Column("end_month", "int", nullable=True, optional=True, minimum=1, maximum=12, doc="month the spell ended (COW); <NA> while open"),
        Column("end_day", "int", nullable=True, optional=True, minimum=1, maximum=31, doc="day the spell ended (COW); <NA> while open"),
        Column("start_month", "int", nullable=True, optional=True, minimum=1, maximum=12, doc="month the spell began (COW)"),
        Column("start_day", "int", nullable=True, optional=True, minimum=1, maximum=31, doc="day the spell began (COW)"),
    ),
    key=("ccode", "start_year"),
    checks=(("end_year", lambda d: _exit_before_entry(d, "start_year", "end_year"), "end_year before start_year"),),
)

STATE_YEARS = TableSpec(
    "state_years",
    (
        Column("ccode", "int", doc="COW state code", minimum=1),
        _year("year"),
        Column(
            "milex", "float", nullable=True, minimum=0,
            doc="military expenditure, thousands per year (record: GBP to 1913, current USD after; a run: its scenario's dollars, HistoryMeta.milex_money)",
        ),
        Column("milper", "float", nullable=True, doc="military personnel, thousands", minimum=0),
        Column("irst", "float", nullable=True, doc="iron and steel production, thousand tons", minimum=0),
        Column("pec", "float", nullable=True, doc="primary energy consumption, thousand coal-ton equivalents", minimum=0),
        Column("tpop", "float", nullable=True, doc="total population, thousands", minimum=0),
        Column("upop", "float", nullable=True, doc="urban population, thousands", minimum=0),
        Column(
            "cinc", "float", nullable=True, minimum=0, maximum=1,
            doc="share of the system's capabilities, 0-1 (record: COW CINC; a run: model power share, see foedus.schema.provenance)",
        ),
        Column("major", "bool", doc="COW major power in this year"),
        Column("tier", "str", doc="power tier (brief A1)", choices=POWER_TIERS),
    ),
    key=("ccode", "year"),
)

AGREEMENTS = TableSpec(
    "agreements",
    (
        Column("agreement_id", "int", doc="ATOP atopid for the record; any unique id for simulations"),
        Column("kind", "str", choices=AGREEMENT_KINDS),
        Column("name", "str", nullable=True),
        *_date_columns("start"),
        *_date_columns("end", "<NA> = in force when the record ends (right-censored)"),
        _year("observed_until", doc="last year the record observes; censoring year for those in force"),
        *(Column(o, "bool") for o in OBLIGATIONS),
        Column("conditional", "bool", doc="ATOP conditio: obligations conditional on circumstances"),
        Column("bilateral", "bool"),
        Column("asymmetric", "bool", doc="ATOP asymm: members' obligations differ (never in a run: a simulated pact's members share its obligations)"),
        Column("institutionalised", "int", nullable=True, doc="Leeds & Anac (2005) milinst, 0-2", minimum=0, maximum=2),
        Column("wartime", "bool", doc="formed during a war in which a member participated"),
        Column("source", "str", doc="where the row comes from (file name, or 'simulation')"),
        Column(
            "capability_asymmetric", "bool", nullable=True, optional=True,
            doc=(
                "brief A3: the strongest founder has at least CAPABILITY_ASYMMETRY_RATIO times the next one's capability "
                "(record: COW CINC in the founding year; a run: model power); <NA> = fewer than two founders with a figure"
            ),
        ),
    ),
    key=("agreement_id",),
    checks=(
        ("end_year", lambda d: _exit_before_entry(d, "start_year", "end_year"), "end_year before start_year"),
        ("end_year", lambda d: d["end_year"].notna() & (d["end_year"] > d["observed_until"]), "end_year after observed_until"),
    ),
)

MEMBERSHIPS = TableSpec(
    "memberships",
    (
        Column("agreement_id", "int"),
        Column("ccode", "int", minimum=1),
        Column("phase", "int", minimum=0, doc="ATOP phase (0 = the agreement has a single phase)"),
        *_date_columns("entry"),
        *_date_columns("exit", "<NA> = still a member when the record ends"),
        *(
            Column(o, "bool", optional=True, doc="this member's obligation in this phase (ATOP member file); absent = the agreement's")
            for o in OBLIGATIONS
        ),
    ),
    key=("agreement_id", "ccode", "phase", "entry_year"),
    checks=(("exit_year", lambda d: _exit_before_entry(d, "entry_year", "exit_year"), "exit before entry"),),
)

DYAD_YEARS = TableSpec(
    "dyad_years",
    (
        Column("ccode1", "int", minimum=1),
        Column("ccode2", "int", minimum=1),
        _year("year"),
        *(Column(o, "bool") for o in OBLIGATIONS),
    ),
    key=("ccode1", "ccode2", "year"),
    checks=(("ccode2", lambda d: d["ccode1"] >= d["ccode2"], "ccode1 must be < ccode2"),),
)

EVENTS = TableSpec(
    "events",
    (
        _year("year"),
        Column("kind", "str", choices=EVENT_KINDS),
        Column("agreement_id", "int", nullable=True),
        Column("ccode", "int", nullable=True),
        Column("ccode2", "int", nullable=True),
        Column("detail", "str", doc="JSON object: the explanation (motives and factors) or data"),
    ),
)

TABLES: dict[str, TableSpec] = {
    t.name: t for t in (STATES, STATE_YEARS, AGREEMENTS, MEMBERSHIPS, DYAD_YEARS, EVENTS)
}


def _line(df: pd.DataFrame, mask: np.ndarray, line_offset: int | None) -> int | None:
    """First bad row as a file line number (or 1-based row number when no file)."""
    pos = int(np.flatnonzero(mask)[0])
    if line_offset is None:
        return pos + 1
    return pos + line_offset


def _whole(num: pd.Series, raw: pd.Series, df: pd.DataFrame, src: str, col, line_offset: int | None) -> pd.Series:
    """``num`` (numbers parsed from ``raw``) as whole numbers (Int64 if the column is nullable, else int64).

    Raises
    ------
    SchemaError
        A value that is infinite (``inf``), beyond the range of a 64-bit integer, or not whole,
        naming its line and column.
    """
    if num.dtype == np.int64 or isinstance(num.dtype, pd.Int64Dtype):  # whole by its dtype (a simulated history's): only the range can fail
        if not (np.abs(num.to_numpy(dtype=np.float64, na_value=np.nan)) >= 2.0**63).any():
            return num.astype("Int64") if col.nullable else num.astype("int64")
    x = num.astype("float64")
    for bad, why in (
        (num.notna() & ~np.isfinite(x), "not a finite whole number"),
        (num.notna() & (x.abs() >= 2.0**63), "too large for a whole number"),
        (num.notna() & (num != np.floor(num.fillna(0))), "not a whole number"),
    ):
        bad = bad.to_numpy(dtype=bool)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            v = raw.iloc[i]
            raise SchemaError(src, f"{why}: {v!r}" if isinstance(v, str) else f"{why}: {v}", row=_line(df, bad, line_offset), column=col.name)
    return num.astype("Int64") if col.nullable else num.astype("int64")


def validate(
    df: pd.DataFrame,
    table: str | TableSpec,
    *,
    source: str | None = None,
    line_offset: int | None = None,
    known_ccodes: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Check ``df`` against a canonical table and return it with canonical dtypes and column order.

    Parameters
    ----------
    df
        The table to check. Extra columns are dropped.
    table
        A name in :data:`TABLES` or a :class:`TableSpec`.
    source
        What to name in errors (a file path); defaults to the table name.
    line_offset
        If ``df`` row ``i`` (0-based) came from line ``i + line_offset`` of a file, errors give
        that line number. For a CSV with one header row use 2.
    known_ccodes
        If given, every state code column must take values from it ("unknown state code").

    Raises
    ------
    SchemaError
        Missing column, wrong type, value out of range or not among the choices, null in a
        required column, duplicate key, failed row check, unknown state code.
    """
    spec = TABLES[table] if isinstance(table, str) else table
    src = source or spec.name
    missing = [c.name for c in spec.columns if c.name not in df.columns and not c.optional]
    if missing:
        raise SchemaError(src, f"missing column(s) {', '.join(missing)} for table '{spec.name}'", column=missing[0])
    cols: dict[str, pd.Series] = {}  # the checked columns, put together once at the end (one frame, not one insertion per column)
    for col in spec.columns:
        if col.optional and col.name not in df.columns:
            continue
        s = df[col.name].reset_index(drop=True)
        null = s.isna().to_numpy()
        if null.any() and not col.nullable:
            raise SchemaError(src, "missing value in a required column", row=_line(df, null, line_offset), column=col.name)
        if col.kind in ("int", "float"):
            num = pd.to_numeric(s, errors="coerce")
            bad = num.isna().to_numpy() & ~null
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise SchemaError(src, f"not a number: {s.iloc[i]!r}", row=_line(df, bad, line_offset), column=col.name)
            if col.kind == "int":
                num = _whole(num, s, df, src, col, line_offset)
            else:
                num = num.astype("float64")
            for bound, op, word in ((col.minimum, np.less, "below"), (col.maximum, np.greater, "above")):
                if bound is not None:
                    with np.errstate(invalid="ignore"):  # a missing value (NaN) is below and above nothing
                        badb = op(num.to_numpy(dtype=np.float64, na_value=np.nan), bound)
                    if badb.any():
                        i = int(np.flatnonzero(badb)[0])
                        raise SchemaError(src, f"value {num.iloc[i]} {word} {bound}", row=_line(df, badb, line_offset), column=col.name)
            cols[col.name] = num
        elif col.kind == "bool":
            if s.dtype == bool or (col.nullable and isinstance(s.dtype, pd.BooleanDtype)):
                cols[col.name] = s.astype("boolean") if col.nullable else s
                continue
            num = pd.to_numeric(s, errors="coerce")
            bad = ~num.isin([0, 1]).to_numpy() & ~null
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise SchemaError(src, f"expected 0/1 or true/false, got {s.iloc[i]!r}", row=_line(df, bad, line_offset), column=col.name)
            cols[col.name] = num.astype("boolean") if col.nullable else num.astype(bool)
        else:
            st = s.astype("string")
            if col.choices is not None:
                bad = (~st.isin(col.choices) & st.notna()).to_numpy(dtype=bool)
                if bad.any():
                    i = int(np.flatnonzero(bad)[0])
                    raise SchemaError(
                        src, f"{st.iloc[i]!r} is not one of {', '.join(col.choices)}", row=_line(df, bad, line_offset), column=col.name
                    )
            cols[col.name] = st
    out = pd.DataFrame(cols, index=pd.RangeIndex(len(df)))
    if spec.key:
        dup = out.duplicated(list(spec.key), keep="first").to_numpy()
        if dup.any():
            i = int(np.flatnonzero(dup)[0])
            key = ", ".join(f"{k}={out[k].iloc[i]}" for k in spec.key)
            raise SchemaError(src, f"duplicate key ({key})", row=_line(df, dup, line_offset), column=spec.key[0])
    for colname, bad_fn, reason in spec.checks:
        bad = bad_fn(out).fillna(False).to_numpy(dtype=bool)
        if bad.any():
            raise SchemaError(src, reason, row=_line(df, bad, line_offset), column=colname)
    if known_ccodes is not None:
        known = pd.Index(pd.unique(np.asarray(list(known_ccodes), dtype="int64")))
        for col in spec.columns:
            if col.name in ("ccode", "ccode1", "ccode2"):
                vals = out[col.name]
                bad = (vals.notna() & ~vals.isin(known)).to_numpy(dtype=bool)
                if bad.any():
                    i = int(np.flatnonzero(bad)[0])
                    raise SchemaError(src, f"unknown state code {vals.iloc[i]}", row=_line(df, bad, line_offset), column=col.name)
    return out


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the canonical columns and dtypes of ``table``."""
    spec = TABLES[table]
    dtypes = {"int": "int64", "float": "float64", "bool": "bool", "str": "string"}
    return pd.DataFrame(
        {
            c.name: pd.Series(dtype=("Int64" if c.kind == "int" and c.nullable else dtypes[c.kind]))
            for c in spec.columns
            if not c.optional
        }
    )


@dataclass
class History:
    """A history of the international system in the canonical tables.

    The imported record (:func:`foedus.data.load_record`) and a simulated run
    (:mod:`foedus.sim`) are both ``History`` objects; every measure in :mod:`foedus.analysis`
    takes one.

    Attributes are DataFrames validated against :data:`TABLES`. ``first_year`` and
    ``last_year`` bound the observation window (alliances still in force are right-censored at
    ``last_year``). Auxiliary tables that only the record has (contiguity, rivalries, disputes,
    ...) live in ``extras`` by name. ``meta`` (:class:`~foedus.schema.provenance.HistoryMeta`) says whether the history is
    the record or a simulation, where it comes from and the unit of every measured column; it is
    None for a history assembled by hand (tests, toy histories).
    """

    states: pd.DataFrame
    state_years: pd.DataFrame
    agreements: pd.DataFrame
    memberships: pd.DataFrame
    events: pd.DataFrame
    first_year: int
    last_year: int
    source: str = "record"
    extras: dict[str, pd.DataFrame] = field(default_factory=dict)
    meta: HistoryMeta | None = None

    def validated(self) -> "History":
        """Return a copy whose tables have been checked by :func:`validate`."""
        kw = {}
        for f in fields(self):
            v = getattr(self, f.name)
            kw[f.name] = validate(v, f.name, source=f"{self.source}:{f.name}") if f.name in TABLES else v
        return History(**kw)

    def alliances(self) -> pd.DataFrame:
        """The agreements of kind ``alliance``."""
        return self.agreements[self.agreements["kind"] == "alliance"]

    def _summary(self) -> tuple[str, list[tuple[str, str]]]:
        """The title and labelled counts that ``repr`` and ``_repr_html_`` show."""
        kinds = self.agreements["kind"].value_counts() if "kind" in self.agreements else pd.Series(dtype="int64")
        by_kind = ", ".join(f"{k} {int(n):,}" for k, n in kinds.items())
        n_states = self.states["ccode"].nunique() if "ccode" in self.states else len(self.states)
        fields = [
            ("states", f"{n_states:,}"),
            ("state-years", f"{len(self.state_years):,}"),
            ("agreements", f"{len(self.agreements):,}" + (f" ({by_kind})" if by_kind else "")),
            ("memberships", f"{len(self.memberships):,}"),
            ("events", f"{len(self.events):,}"),
            ("extras", display.names(sorted(self.extras))),
        ]
        kind = self.meta.kind if self.meta is not None and not self.source.startswith(self.meta.kind) else ""
        return f"{kind} {self.source} {self.first_year}\u2013{self.last_year}".lstrip(), fields

    __repr__ = repr_text  # one line; the default printed every table or element
    _repr_html_ = repr_html  # the same as a small table, for notebooks
