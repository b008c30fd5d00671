"""Alliance formation: counts per year, by period, obligation, format and symmetry (brief H1, A3, D2).

Definitions
-----------
*Formation year*
    An alliance is *begun* in its ``start_year`` (ATOP ``begyr``: year of signature). Only
    alliances begun within the window are counted as formations; a simulated history that
    starts from today's alliances also holds alliances begun before its first year
    (*inherited*), which the formation tables leave out (``begun_in_window`` in
    :func:`alliance_table`).
*Rate*
    Alliances begun in a period divided by the number of calendar years of that period inside
    the history's window (``first_year .. last_year``, both included). For ATOP 5.1 the window
    is 1815-2018 (204 years) and the rate is 789 / 204 = 3.87 alliances per year.
*Periods* (:data:`PERIODS`)
    Before 1945 (multipolar Europe-centred system), 1945-1991 (bipolar Cold War, the USSR being
    dissolved in December 1991), after 1991; brief D2 expects formation to respond to these
    systemic shocks. :data:`SPLIT_1945` is the two-period split of the data documentation.
*Obligations* (:data:`foedus.schema.OBLIGATIONS`)
    ATOP obligation dummies (Leeds et al. 2002). An alliance may carry several, so counts
    "by obligation" overlap; :func:`primary_obligation` gives one label per alliance, the
    strongest commitment in the order defence > offence > neutrality > non-aggression >
    consultation (the ordering of commitment levels in the COW typology, Gibler & Sarkees
    2004, with ATOP's offence pledge ranked next to defence).
*Format* (brief A3, :func:`alliance_format`)
    By distinct members over the alliance's life (:func:`foedus.analysis.size.members_per_alliance`):
    bilateral (2), minilateral (3-5), multilateral (6 or more).
*In force* (:func:`agreements_in_force`)
    An agreement is in force *during* year :math:`y` when ``start_year <= y <= end_year``
    (both years included, as in ATOP's state-year and dyad-year files: an alliance signed and
    ended in 1939 was in force during 1939). One still in force when the record ends
    (``end_year`` is ``<NA>``) is right-censored, not ended: it counts through its censoring
    year ``min(observed_until, history.last_year)`` (2018 for ATOP 5.1), as in
    :func:`foedus.analysis.survival.alliance_durations`. In force *at the end of* year
    :math:`y` (31 December) leaves out those ending in :math:`y`; for ATOP 5.1 this is the
    ``ineffect`` count, 372 alliances at the end of 2018. The stock and the flows agree:
    :math:`F_y = F_{y-1} + B_y - E_{y-1}` (in force during, begun, ended) for every year
    after the first of a window in which no open agreement is censored early.
*Symmetry* (brief A3, P1; :func:`symmetry`)
    Morrow (1991) contrasts *symmetric* alliances, where partners of comparable power trade
    security for security, with *asymmetric* ones, where a major power gains autonomy (bases,
    a say in the ally's policy) and a minor power gains security. foedus classifies an
    alliance from its **founding members' capabilities in the year it was formed** (COW CINC,
    Singer, Bremer & Stuckey 1972, and COW major-power status):

    - ``major_minor``: asymmetric when the founders include both a COW major power and a
      state that is not one; symmetric when all founders are majors or all are minors
      (Morrow's major/minor distinction);
    - ``ratio``: asymmetric when the strongest founder's CINC is at least ``k`` times the
      weakest founder's, ``max(CINC) / min(CINC) >= k``; the default ``k = 10`` (an order of
      magnitude) is foedus's convention, not a published threshold, so it is a parameter;
    - ``either`` (default): asymmetric when either rule says so.

    Founders without a CINC value that year (states outside the COW system) are left out of
    the ratio and count as non-major; an alliance whose ratio cannot be computed (fewer than
    two founders with CINC) and that the major/minor rule does not make asymmetric is
    ``"unknown"`` under ``ratio`` and ``either``. This is *capability* asymmetry; ATOP's own
    ``asymm`` flag (stored as ``agreements.asymmetric``) is a different thing: members'
    *obligations* differ.

References
----------
.. [1] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
.. [2] Morrow, J. D. 1991. "Alliances and Asymmetry: An Alternative to the Capability
   Aggregation Model of Alliances." *American Journal of Political Science* 35(4): 904-33.
.. [3] Gibler, D. M. and M. R. Sarkees. 2004. "Measuring Alliances: The Correlates of War
   Formal Interstate Alliance Dataset, 1816-2000." *Journal of Peace Research* 41(2): 211-22.
.. [4] Singer, J. D., S. Bremer and J. Stuckey. 1972. "Capability Distribution, Uncertainty,
   and Major Power War, 1820-1965." In B. Russett (ed.), *Peace, War, and Numbers*. Sage.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.size import founding_members, members_per_alliance
from foedus.schema import AGREEMENT_KINDS, OBLIGATIONS, History

__all__ = [
    "PERIODS",
    "SPLIT_1945",
    "FORMATS",
    "SYMMETRY_RULES",
    "ASYMMETRY_K",
    "Period",
    "period_of",
    "period_length",
    "alliance_format",
    "primary_obligation",
    "symmetry",
    "alliance_table",
    "formation_per_year",
    "formation_rate",
    "formation_table",
    "COUNT_BY",
    "agreements_in_force",
    "agreements_begun",
    "agreements_ended",
]

Period = tuple[str, "int | None", "int | None"]
"""(label, first year or None for open, last year or None for open), both ends included."""

PERIODS: tuple[Period, ...] = (("before 1945", None, 1944), ("1945-1991", 1945, 1991), ("after 1991", 1992, None))
"""Before 1945, the Cold War 1945-1991, after 1991 (brief D2)."""

SPLIT_1945: tuple[Period, ...] = (("before 1945", None, 1944), ("from 1945", 1945, None))
"""The two-period split used by the data documentation's headline figures."""

FORMATS: tuple[str, ...] = ("bilateral", "minilateral", "multilateral")
"""Formats of brief A3, smallest first."""

SYMMETRY_RULES: tuple[str, ...] = ("major_minor", "ratio", "either")
"""Rules accepted by :func:`symmetry`."""

ASYMMETRY_K = 10.0
"""Default CINC ratio (strongest / weakest founder) at or above which an alliance is asymmetric."""

COUNT_BY: tuple[str, ...] = ("kind", "primary_obligation")
"""Categories accepted by :func:`agreements_in_force`, :func:`agreements_begun` and :func:`agreements_ended`."""


def _alliances(history: History, kinds: tuple[str, ...] | None) -> pd.DataFrame:
    a = history.agreements
    return a if kinds is None else a[a["kind"].isin(kinds)]


def _check_periods(periods: Sequence[Period]) -> None:
    for p in periods:
        if len(p) != 3 or not isinstance(p[0], str):
            raise ValueError(f"a period must be (label, first_year or None, last_year or None), got {p!r}")
        if p[1] is not None and p[2] is not None and p[1] > p[2]:
            raise ValueError(f"period {p[0]!r}: first year {p[1]} after last year {p[2]}")


def period_of(years, periods: Sequence[Period] = PERIODS) -> np.ndarray:
    """Label of the period containing each year (``None`` where no period does).

    Parameters
    ----------
    years : array of int
        Calendar years.
    periods : sequence of (label, first, last)
        ``first``/``last`` included; ``None`` leaves that end open. The first matching
        period wins.

    Examples
    --------
    >>> period_of([1914, 1945, 1991, 1992]).tolist()
    ['before 1945', '1945-1991', '1945-1991', 'after 1991']
    """
    _check_periods(periods)
    y = np.asarray(years, dtype="float64")
    conds = [
        (y >= (-np.inf if lo is None else lo)) & (y <= (np.inf if hi is None else hi))
        for _, lo, hi in periods
    ]
    return np.select(conds, [p[0] for p in periods], default=None).astype(object)


def period_length(period: Period, first_year: int, last_year: int) -> int:
    """Number of calendar years of ``period`` inside ``first_year .. last_year`` (both included)."""
    lo = first_year if period[1] is None else max(first_year, period[1])
    hi = last_year if period[2] is None else min(last_year, period[2])
    return max(0, hi - lo + 1)


def alliance_format(n_members) -> np.ndarray:
    """Format of brief A3 from the number of members.

    ``n <= 2``: ``"bilateral"``; ``3 <= n <= 5``: ``"minilateral"``; ``n >= 6``:
    ``"multilateral"``. (An agreement recorded with fewer than two members counts as
    bilateral.)

    Examples
    --------
    >>> alliance_format([2, 3, 5, 6, 29]).tolist()
    ['bilateral', 'minilateral', 'minilateral', 'multilateral', 'multilateral']
    """
    n = np.asarray(n_members, dtype="int64")
    return np.select([n <= 2, n <= 5], ["bilateral", "minilateral"], default="multilateral").astype(object)


def primary_obligation(agreements: pd.DataFrame) -> np.ndarray:
    """The strongest obligation of each agreement: defence > offence > neutrality > non-aggression > consultation.

    Returns the :data:`foedus.schema.OBLIGATIONS` name, or ``"none"`` for an agreement
    carrying none of them (possible for simulated coalitions, never in ATOP).
    """
    order = ("defense", "offense", "neutrality", "nonaggression", "consultation")
    conds = [agreements[o].to_numpy(dtype=bool) for o in order]
    return np.select(conds, list(order), default="none").astype(object)


def symmetry(
    history: History,
    *,
    k: float = ASYMMETRY_K,
    rule: str = "either",
    kinds: tuple[str, ...] | None = ("alliance",),
) -> pd.DataFrame:
    """Classify each alliance as symmetric or asymmetric from its founders' capabilities.

    See the module docstring for the rules (Morrow 1991; brief A3, P1).

    Parameters
    ----------
    history : History
    k : float
        Capability ratio threshold (dimensionless, > 1) for the ``ratio`` rule.
    rule : {"major_minor", "ratio", "either"}
    kinds : tuple of str or None
        Agreement kinds classified.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``agreement_id``: ``n_founders``, ``n_major`` (founders that were COW
        major powers), ``cinc_max``, ``cinc_min`` (over founders with a CINC), ``cinc_ratio``
        (``cinc_max / cinc_min``; NaN when fewer than two founders have a CINC, inf when the
        weakest has CINC 0), ``symmetry`` (``"symmetric"``, ``"asymmetric"`` or ``"unknown"``).

    Raises
    ------
    ValueError
        Unknown ``rule`` or ``k <= 1``.
    """
    if rule not in SYMMETRY_RULES:
        raise ValueError(f"rule must be one of {', '.join(SYMMETRY_RULES)}, got {rule!r}")
    if not k > 1:
        raise ValueError(f"k must be greater than 1 (a ratio of capabilities), got {k!r}")
    ids = _alliances(history, kinds)["agreement_id"].to_numpy()
    f = founding_members(history, kinds)
    sy = state_years_filled(history)[["ccode", "year", "cinc", "major"]]
    g = f.merge(sy, on=["ccode", "year"], how="left")
    g["major"] = g["major"].astype("boolean").fillna(False).astype(bool)
    grp = g.groupby("agreement_id")
    out = pd.DataFrame(
        {
            "n_founders": grp["ccode"].size(),
            "n_major": grp["major"].sum().astype("int64"),
            "n_cinc": grp["cinc"].count(),
            "cinc_max": grp["cinc"].max(),
            "cinc_min": grp["cinc"].min(),
        }
    ).reindex(ids)
    out.index.name = "agreement_id"
    out["n_founders"] = out["n_founders"].fillna(0).astype("int64")
    out["n_major"] = out["n_major"].fillna(0).astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = out["cinc_max"].to_numpy(float) / out["cinc_min"].to_numpy(float)
    ratio = np.where(out["n_cinc"].fillna(0).to_numpy() >= 2, ratio, np.nan)
    ratio = np.where((out["cinc_max"].to_numpy(float) == 0) & (out["cinc_min"].to_numpy(float) == 0), 1.0, ratio)
    out["cinc_ratio"] = ratio
    mixed = (out["n_major"] > 0).to_numpy() & (out["n_major"] < out["n_founders"]).to_numpy()
    known_ratio = ~np.isnan(ratio)
    by_ratio = known_ratio & (np.nan_to_num(ratio, nan=0.0) >= k)
    if rule == "major_minor":
        label = np.where(mixed, "asymmetric", "symmetric")
    elif rule == "ratio":
        label = np.where(~known_ratio, "unknown", np.where(by_ratio, "asymmetric", "symmetric"))
    else:
        label = np.where(mixed | by_ratio, "asymmetric", np.where(known_ratio, "symmetric", "unknown"))
    out["symmetry"] = label.astype(object)
    return out.drop(columns="n_cinc")


def alliance_table(
    history: History,
    *,
    periods: Sequence[Period] = PERIODS,
    k: float = ASYMMETRY_K,
    rule: str = "either",
    kinds: tuple[str, ...] | None = ("alliance",),
) -> pd.DataFrame:
    """One row per alliance with the attributes the formation measures group by.

    Returns
    -------
    pandas.DataFrame
        Columns ``agreement_id, start_year, end_year, period`` (of ``start_year``),
        ``n_members``, ``format``, the obligation flags, ``primary_obligation``, ``n_founders``,
        ``n_major``, ``cinc_ratio``, ``symmetry`` (see :func:`symmetry`), ``begun_in_window``
        (``start_year`` within ``first_year .. last_year``).

    Examples
    --------
    >>> t = alliance_table(record).set_index("agreement_id")   # doctest: +SKIP
    >>> t.loc[3180, ["start_year", "format", "primary_obligation"]].tolist()   # NATO  # doctest: +SKIP
    [1949, 'multilateral', 'defense']
    """
    a = _alliances(history, kinds)
    t = a[["agreement_id", "start_year", "end_year", *OBLIGATIONS]].reset_index(drop=True)
    t.insert(3, "period", period_of(t["start_year"].to_numpy(), periods))
    n = members_per_alliance(history, kinds)
    t.insert(4, "n_members", n.reindex(t["agreement_id"].to_numpy()).to_numpy())
    t.insert(5, "format", alliance_format(t["n_members"].to_numpy()))
    t["primary_obligation"] = primary_obligation(t)
    sym = symmetry(history, k=k, rule=rule, kinds=kinds)
    t = t.join(sym[["n_founders", "n_major", "cinc_ratio", "symmetry"]], on="agreement_id")
    t["begun_in_window"] = t["start_year"].between(int(history.first_year), int(history.last_year)).to_numpy()
    return t


def formation_per_year(history: History, kinds: tuple[str, ...] | None = ("alliance",)) -> pd.Series:
    """Number of alliances begun in each year of the window, zeros included.

    Returns
    -------
    pandas.Series
        Integer counts indexed by ``year`` from ``history.first_year`` to ``history.last_year``,
        named ``alliances_begun``.
    """
    years = pd.RangeIndex(int(history.first_year), int(history.last_year) + 1, name="year")
    counts = _alliances(history, kinds)["start_year"].value_counts()
    return counts.reindex(years, fill_value=0).astype("int64").rename("alliances_begun")


def formation_rate(
    history: History, periods: Sequence[Period] = PERIODS, kinds: tuple[str, ...] | None = ("alliance",)
) -> pd.DataFrame:
    """Alliances begun per year, overall and in each period.

    Returns
    -------
    pandas.DataFrame
        Indexed by period label, with a final row ``"all"`` for the whole window: ``first``,
        ``last`` (years of the period inside the window), ``years`` (their number),
        ``alliances`` (begun in the period) and ``per_year`` (alliances / years; NaN for a
        period with no year inside the window).

    Examples
    --------
    For ATOP 5.1, ``formation_rate(record, SPLIT_1945)`` gives 1.68 per year before 1945 and
    7.70 from 1945; the ``"all"`` row gives 789 / 204 = 3.87.
    """
    _check_periods(periods)
    first, last = int(history.first_year), int(history.last_year)
    per_year = formation_per_year(history, kinds)
    rows = []
    for label, lo, hi in [*periods, ("all", None, None)]:
        lo_w = first if lo is None else max(first, lo)
        hi_w = last if hi is None else min(last, hi)
        years = period_length((label, lo, hi), first, last)
        n = int(per_year.loc[lo_w:hi_w].sum()) if years else 0
        rows.append({"period": label, "first": lo_w, "last": hi_w, "years": years, "alliances": n,
                     "per_year": n / years if years else float("nan")})
    return pd.DataFrame(rows).set_index("period")


def formation_table(
    history: History,
    by: str,
    *,
    periods: Sequence[Period] = PERIODS,
    table: pd.DataFrame | None = None,
    k: float = ASYMMETRY_K,
    rule: str = "either",
) -> pd.DataFrame:
    """Alliances begun within the window, by a category and by period.

    Parameters
    ----------
    history : History
    by : {"obligation", "primary_obligation", "format", "symmetry"}
        ``"obligation"`` counts, for each ATOP obligation, the alliances carrying it (rows
        overlap); the others partition the alliances.
    periods : sequence of (label, first, last)
    table : DataFrame, optional
        A precomputed :func:`alliance_table` (with the same ``periods``).
    k, rule
        Passed to :func:`symmetry` when ``table`` is not given.

    Returns
    -------
    pandas.DataFrame
        Integer counts: one row per category, one column per period label and a last column
        ``"all"``.
    """
    choices = ("obligation", "primary_obligation", "format", "symmetry")
    if by not in choices:
        raise ValueError(f"by must be one of {', '.join(choices)}, got {by!r}")
    t = table if table is not None else alliance_table(history, periods=periods, k=k, rule=rule)
    t = t[t["begun_in_window"]]
    labels = [p[0] for p in periods]
    if by == "obligation":
        long = t.melt(id_vars=["period"], value_vars=list(OBLIGATIONS), var_name="category", value_name="flag")
        long = long[long["flag"].astype(bool)]
        rows = list(OBLIGATIONS)
    else:
        long = t[["period", by]].rename(columns={by: "category"})
        base = {
            "primary_obligation": [*OBLIGATIONS, "none"],
            "format": list(FORMATS),
            "symmetry": ["symmetric", "asymmetric", "unknown"],
        }[by]
        rows = base + sorted(set(long["category"]) - set(base))
    ct = pd.crosstab(long["category"], long["period"]).reindex(index=rows, columns=labels, fill_value=0)
    ct["all"] = long["category"].value_counts().reindex(rows, fill_value=0).to_numpy()
    ct.index.name = by
    ct.columns.name = None
    if by == "primary_obligation" and ct.loc["none"].sum() == 0:
        ct = ct.drop(index="none")
    return ct.astype("int64")


# ------------------------------------------------------------------ agreements per year, by kind


def _year_window(history: History, first_year, last_year) -> tuple[int, int]:
    """The years to count (both included), checked against the history's window."""
    lo_h, hi_h = int(history.first_year), int(history.last_year)
    bounds = {"first_year": lo_h if first_year is None else first_year, "last_year": hi_h if last_year is None else last_year}
    for name, v in bounds.items():
        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer)):
            raise ValueError(f"{name} must be a whole year, got {v!r}")
    first, last = int(bounds["first_year"]), int(bounds["last_year"])
    if first > last:
        raise ValueError(f"first_year {first} is after last_year {last}")
    if first < lo_h or last > hi_h:
        raise ValueError(
            f"years {first}-{last} are outside the window {lo_h}-{hi_h} of the history '{history.source}' "
            "(outside it, agreements are not observed)"
        )
    return first, last


def _categorised(history: History, by: str, kinds) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """The agreements of ``kinds``, each one's category code and the category labels, in schema order."""
    if by not in COUNT_BY:
        raise ValueError(f"by must be one of {', '.join(COUNT_BY)}, got {by!r}")
    if kinds is not None:
        if isinstance(kinds, str):
            raise ValueError(f"kinds must be a tuple of agreement kinds such as ('alliance',), got the string {kinds!r}")
        kinds = tuple(kinds)
        unknown = sorted(set(kinds) - set(AGREEMENT_KINDS))
        if unknown:
            raise ValueError(f"unknown agreement kind(s) {', '.join(map(repr, unknown))}; kinds are {', '.join(AGREEMENT_KINDS)}")
    a = _alliances(history, kinds)
    if by == "kind":
        label = a["kind"].astype(str).to_numpy(dtype=object)
        base: tuple[str, ...] = AGREEMENT_KINDS
    else:
        label = primary_obligation(a)
        base = (*OBLIGATIONS, "none")
    present = set(pd.unique(label).tolist())
    columns = [c for c in base if c in present] + sorted(present - set(base))
    return a, pd.Index(columns, dtype=object).get_indexer(label), columns


def _tally(lo: np.ndarray, hi: np.ndarray, codes: np.ndarray, columns: list[str], by: str, first: int, last: int) -> pd.DataFrame:
    """Count, for each year of ``first .. last`` and each category, the spells ``lo .. hi`` covering it.

    A difference array: +1 in each spell's first year, -1 after its last, cumulative sum over
    years; spells outside the window (or empty, ``lo > hi``) count nowhere.
    """
    n = last - first + 1
    lo = np.maximum(lo, first)
    hi = np.minimum(hi, last)
    keep = lo <= hi
    diff = np.zeros((n + 1, len(columns)), dtype=np.int64)
    np.add.at(diff, (lo[keep] - first, codes[keep]), 1)
    np.add.at(diff, (hi[keep] - first + 1, codes[keep]), -1)
    return pd.DataFrame(
        np.cumsum(diff[:-1], axis=0),
        index=pd.RangeIndex(first, last + 1, name="year"),
        columns=pd.Index(columns, dtype=object, name=by),
    )


def agreements_in_force(
    history: History,
    first_year: int | None = None,
    last_year: int | None = None,
    *,
    by: str = "kind",
    kinds: tuple[str, ...] | None = None,
    at_year_end: bool = False,
) -> pd.DataFrame:
    """Number of agreements in force in each year, by kind of agreement (brief A2, H1) or by primary obligation.

    Agreement :math:`i`, begun in year :math:`s_i`, is in force during year :math:`y` when
    :math:`s_i \\le y \\le e_i`, where :math:`e_i` is its ``end_year``, or, for an agreement
    still in force when the record ends (``end_year`` ``<NA>``), its censoring year
    :math:`\\min(\\text{observed\\_until}_i, \\text{history.last\\_year})`. The count of
    category :math:`c` in year :math:`y` is

    .. math:: F_{y,c} = \\#\\{\\, i : c_i = c,\\ s_i \\le y \\le e_i \\,\\}.

    With ``at_year_end=True`` an ended agreement counts through :math:`e_i - 1` instead (in
    force on 31 December of :math:`y`); open agreements still count through their censoring
    year. Agreements begun before the window (a simulated history inherits today's) count
    from its first year.

    Parameters
    ----------
    history : History
        The record or a simulated history.
    first_year, last_year : int, optional
        Years to report, both included (calendar years); default the history's window, and
        they must lie inside it.
    by : {"kind", "primary_obligation"}
        ``"kind"``: one column per kind of :data:`foedus.schema.AGREEMENT_KINDS` present
        among the agreements (alliance, coalition, organisation, in that order; ATOP 5.1 has
        only alliances). ``"primary_obligation"``: one column per strongest obligation
        (:func:`primary_obligation`; defence first, ``"none"`` last).
    kinds : tuple of str, optional
        Agreement kinds counted (default all); e.g. ``("alliance",)`` with
        ``by="primary_obligation"`` splits the alliances by their strongest commitment.
    at_year_end : bool
        Count agreements in force on 31 December of each year instead of during it.

    Returns
    -------
    pandas.DataFrame
        Integer counts (agreements), indexed by ``year``, one column per category present
        among the agreements counted (columns named by ``by``), zeros included. A history
        without agreements gives a table with no columns.

    Raises
    ------
    ValueError
        Unknown ``by`` or kind, a year range outside the history's window, or an agreement
        ending before it starts or begun after the last year its record observes (naming its
        ``agreement_id``).

    See Also
    --------
    agreements_begun, agreements_ended : the flows of this stock.

    Examples
    --------
    >>> from foedus.analysis.toy import toy_history
    >>> h = toy_history(
    ...     [{"id": 1, "start": 1900, "end": 1902, "members": [2, 200]},
    ...      {"id": 2, "start": 1901, "end": None, "members": [2, 220], "kind": "coalition"}],
    ...     first_year=1900, last_year=1903)
    >>> agreements_in_force(h)["alliance"].tolist(), agreements_in_force(h)["coalition"].tolist()
    ([1, 1, 1, 0], [0, 1, 1, 1])
    >>> agreements_in_force(h, at_year_end=True)["alliance"].tolist()
    [1, 1, 0, 0]

    References
    ----------
    .. [1] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
       Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
    """
    first, last = _year_window(history, first_year, last_year)
    a, codes, columns = _categorised(history, by, kinds)
    start = a["start_year"].to_numpy(dtype="int64")
    ended = a["end_year"].notna().to_numpy()
    end = a["end_year"].fillna(0).to_numpy(dtype="int64")
    observed = a["observed_until"].to_numpy(dtype="int64")
    bad = ended & (end < start)
    bad_open = ~ended & (observed < start)
    if bad.any() or bad_open.any():
        i = int(np.flatnonzero(bad | bad_open)[0])
        what = f"end_year {end[i]}" if bad[i] else f"observed_until {observed[i]} (still in force)"
        raise ValueError(
            f"{history.source}:agreements: agreement_id {a['agreement_id'].iloc[i]} starts in {start[i]}, after its {what}"
        )
    censor = np.minimum(observed, int(history.last_year))
    through = np.where(ended, end - int(bool(at_year_end)), censor)
    return _tally(start, through, codes, columns, by, first, last)


def agreements_begun(
    history: History,
    first_year: int | None = None,
    last_year: int | None = None,
    *,
    by: str = "kind",
    kinds: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Number of agreements begun (``start_year``) in each year, by kind or by primary obligation.

    :math:`B_{y,c} = \\#\\{i : c_i = c,\\ s_i = y\\}`; for the alliances of the record this is
    :func:`formation_per_year` (789 alliances over 1815-2018 for ATOP 5.1). Parameters, columns
    and errors as for :func:`agreements_in_force` (same columns, so the tables align).

    Returns
    -------
    pandas.DataFrame
        Integer counts (agreements) indexed by ``year``, one column per category.
    """
    first, last = _year_window(history, first_year, last_year)
    a, codes, columns = _categorised(history, by, kinds)
    start = a["start_year"].to_numpy(dtype="int64")
    return _tally(start, start, codes, columns, by, first, last)


def agreements_ended(
    history: History,
    first_year: int | None = None,
    last_year: int | None = None,
    *,
    by: str = "kind",
    kinds: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Number of agreements ended (``end_year``) in each year, by kind or by primary obligation.

    :math:`E_{y,c} = \\#\\{i : c_i = c,\\ e_i = y,\\ i \\text{ ended}\\}`; agreements still
    in force (right-censored) never count. With :func:`agreements_begun` it closes the stock-flow
    identity :math:`F_y = F_{y-1} + B_y - E_{y-1}` of :func:`agreements_in_force`, and in force
    at the end of a year is :math:`F_y - E_y`. Parameters, columns and errors as for
    :func:`agreements_in_force`.

    Returns
    -------
    pandas.DataFrame
        Integer counts (agreements) indexed by ``year``, one column per category.
    """
    first, last = _year_window(history, first_year, last_year)
    a, codes, columns = _categorised(history, by, kinds)
    end = a["end_year"].fillna(last + 1).to_numpy(dtype="int64")  # open: after the window, counted nowhere
    return _tally(end, end, codes, columns, by, first, last)
