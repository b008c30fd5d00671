"""Alliance formation: counts per year, by period, obligation, format and symmetry (brief H1, A3, D2).

The agreements in force, begun and ended each year are in :mod:`foedus.analysis.in_force`.

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
from foedus.schema import OBLIGATIONS, History

__all__ = [
    "begun_founders",
    "PERIODS",
    "SPLIT_1945",
    "FORMATS",
    "SYMMETRY_RULES",
    "ASYMMETRY_K",
    "Period",
    "agreements_of_kinds",
    "period_of",
    "period_length",
    "alliance_format",
    "primary_obligation",
    "symmetry",
    "alliance_table",
    "formation_per_year",
    "formation_rate",
    "formation_table",
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

def agreements_of_kinds(history: History, kinds: tuple[str, ...] | None) -> pd.DataFrame:
    """The agreements of ``history`` whose kind is in ``kinds`` (all of them when ``kinds`` is None)."""
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


def begun_founders(history: History, first: int, last: int, min_begun_id: int | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """The founding members of the alliances begun in ``first..last`` (:func:`foedus.analysis.size.founding_members`) and
    each such alliance's strongest obligation (:func:`primary_obligation`, indexed by ``agreement_id``); ``min_begun_id`` keeps
    a run's starting agreements out (the simulator's first id of an agreement formed during a run)."""
    ag = history.alliances()
    start = ag["start_year"].to_numpy(dtype="int64")
    keep = (start >= first) & (start <= last)
    if min_begun_id is not None:
        keep &= ag["agreement_id"].to_numpy() >= min_begun_id
    begun = ag[keep]
    ob = pd.Series(primary_obligation(begun), index=begun["agreement_id"].to_numpy())
    f = founding_members(history)
    return f[f["agreement_id"].isin(ob.index)], ob


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
    ids = agreements_of_kinds(history, kinds)["agreement_id"].to_numpy()
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
    a = agreements_of_kinds(history, kinds)
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
    counts = agreements_of_kinds(history, kinds)["start_year"].value_counts()
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
