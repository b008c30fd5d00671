"""Headline measures of a history in one dict (brief H1): what ``foedus history summary`` prints.

Every figure is computed by the measure modules (:mod:`~foedus.analysis.formation`,
:mod:`~foedus.analysis.size`, :mod:`~foedus.analysis.survival`) from a
:class:`~foedus.schema.History`, so the same call summarises the ATOP/COW record and any
simulated history. The definitions are those of the modules; the keys are listed in
:func:`summary`.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from foedus.analysis.formation import (
    ASYMMETRY_K,
    PERIODS,
    SPLIT_1945,
    Period,
    alliance_table,
    formation_rate,
    formation_table,
    period_length,
)
from foedus.analysis.size import size_summary
from foedus.analysis.survival import survival_summary
from foedus.schema import History

__all__ = ["summary", "jsonable", "periods_for", "WINDOW_PARTS"]

WINDOW_PARTS = 3
"""Parts a window is cut into when the historical periods do not fit it (:func:`periods_for`)."""


def periods_for(history: History) -> tuple[Period, ...]:
    """The periods that suit a history's window: the historical ones, or the window's own.

    The historical periods (:data:`~foedus.analysis.formation.PERIODS`: before 1945, the Cold
    War, after 1991) when the window overlaps at least two of them (the record, 1815-2018).
    Otherwise (a simulated run of 2022-2051, a short window) they would put the whole window in
    one period and every alliance inherited from its first year in another ("before 1945" for a
    2022 start): the window is then cut into :data:`WINDOW_PARTS` periods of nearly equal length,
    preceded by ``"before <first year>"``, the alliances it inherits (left-truncated in the
    Kaplan-Meier estimate; no formation rate, as they did not begin inside the window).

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> periods_for(toy_history([], first_year=2022, last_year=2051))
    (('before 2022', None, 2021), ('2022-2031', 2022, 2031), ('2032-2041', 2032, 2041), ('2042-2051', 2042, 2051))
    """
    first, last = int(history.first_year), int(history.last_year)
    if sum(period_length(p, first, last) > 0 for p in PERIODS) >= 2:
        return PERIODS
    n = last - first + 1
    parts = min(WINDOW_PARTS, n)
    edges = [first + (i * n) // parts for i in range(parts + 1)]
    own = tuple((f"{lo}-{hi - 1}" if hi - 1 > lo else str(lo), lo, hi - 1) for lo, hi in zip(edges[:-1], edges[1:]))
    return ((f"before {first}", None, first - 1), *own)


def summary(
    history: History,
    *,
    periods: Sequence[Period] | None = None,
    k: float = ASYMMETRY_K,
    rule: str = "either",
) -> dict[str, Any]:
    """Headline measures of alliances in ``history`` (brief H1).

    Parameters
    ----------
    history : History
        The record (:func:`foedus.data.load_record`) or a simulated history.
    periods : sequence of (label, first, last), optional
        Periods for the by-period breakdowns (default :func:`periods_for` the history: the
        historical periods for the record, the window's own for a simulated run).
    k, rule
        Symmetry rule (:func:`~foedus.analysis.formation.symmetry`).

    Returns
    -------
    dict
        Counts and rates: ``alliances`` (agreements of kind alliance), ``alliances_begun``
        (begun within the window) and ``alliances_inherited`` (begun before ``first_year``:
        a simulated history that starts from today's alliances; 0 for the record),
        ``first_year``, ``last_year``, ``years`` (window length), ``per_year`` (alliances
        begun per year over the window), ``per_year_pre1945`` and ``per_year_post1945`` (before 1945; 1945 and
        later), ``periods`` (the periods used, as ``[label, first, last]``), ``per_year_by_period``
        (alliances begun in the period inside the window, per year of it; NaN for a period
        outside the window) and ``alliances_by_period`` ({period: alliances begun in it,
        inherited ones included: the alliances its Kaplan-Meier median is estimated on}),
        ``by_obligation`` (alliances carrying each ATOP obligation; overlapping),
        ``by_primary_obligation``, ``by_format``, ``by_symmetry`` ({category: count}),
        ``symmetry_rule`` ({"rule", "k"}), ``other_agreements`` ({kind: count} for coalitions
        and organisations).
        Size, over the alliances begun within the window: ``members_mean``, ``members_median``,
        ``members_max``, ``members_distribution``.
        Duration (years): ``duration_mean_ended`` (naive mean over ended alliances only),
        ``duration_median_ended``, ``duration_mean_observed`` (in-force alliances counted to
        the censoring year; inherited alliances enter the Kaplan-Meier risk set late, see
        :mod:`foedus.analysis.survival`), ``duration_mean_ended_pre1945``, ``duration_mean_ended_post1945``,
        ``duration_mean_observed_pre1945``, ``duration_mean_observed_post1945``,
        ``alliances_ended``, ``alliances_censored``, ``km_median_survival`` (Kaplan-Meier
        median, in-force alliances right-censored at ``last_year``),
        ``km_median_survival_pre1945``, ``km_median_survival_post1945``,
        ``km_median_by_period``. A Kaplan-Meier median is ``inf`` when the estimated
        survival never falls to one half; means are NaN when there is nothing to average.

    Examples
    --------
    For ATOP 5.1 (Leeds et al. 2002): 789 alliances, 1815-2018, 3.87 per year (1.68 before
    1945, 7.70 from 1945), 2.86 members on average (median 2), ended alliances lasted 10.57
    years on average (median 7).
    """
    periods = periods_for(history) if periods is None else tuple(periods)
    table = alliance_table(history, periods=periods, k=k, rule=rule)
    rate = formation_rate(history, periods)
    split = formation_rate(history, SPLIT_1945)
    labels = [p[0] for p in periods]
    kinds = history.agreements["kind"].value_counts()
    out: dict[str, Any] = {
        "source": history.source,
        "alliances": int(len(table)),
        "alliances_begun": int(table["begun_in_window"].sum()),
        "alliances_inherited": int((table["start_year"] < history.first_year).sum()),
        "first_year": int(history.first_year),
        "last_year": int(history.last_year),
        "years": int(rate.loc["all", "years"]),
        "per_year": float(rate.loc["all", "per_year"]),
        "per_year_pre1945": float(split.loc["before 1945", "per_year"]),
        "per_year_post1945": float(split.loc["from 1945", "per_year"]),
        "periods": [[label, lo, hi] for label, lo, hi in periods],
        "alliances_by_period": {p: int((table["period"] == p).sum()) for p in labels},
        "per_year_by_period": {p: float(rate.loc[p, "per_year"]) for p in labels},
    }
    for by in ("obligation", "primary_obligation", "format", "symmetry"):
        out[f"by_{by}"] = {str(c): int(v) for c, v in formation_table(history, by, periods=periods, table=table)["all"].items()}
    out["symmetry_rule"] = {"rule": rule, "k": float(k)}
    out["other_agreements"] = {str(kd): int(n) for kd, n in kinds.items() if kd != "alliance"}
    out.update(size_summary(history))
    out.update(survival_summary(history, periods))
    return out


def jsonable(obj: Any) -> Any:
    """A copy of ``obj`` that ``json.dumps`` writes as strict JSON.

    Non-finite floats (NaN, the infinite Kaplan-Meier median of a curve that stays above one
    half) become ``None`` (JSON ``null``); numpy scalars become Python numbers; dict keys
    become strings.
    """
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, (int, np.integer)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return float(obj) if math.isfinite(obj) else None
    return obj
