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
)
from foedus.analysis.size import size_summary
from foedus.analysis.survival import survival_summary
from foedus.schema import History

__all__ = ["summary", "jsonable"]


def summary(
    history: History,
    *,
    periods: Sequence[Period] = PERIODS,
    k: float = ASYMMETRY_K,
    rule: str = "either",
) -> dict[str, Any]:
    """Headline measures of alliances in ``history`` (brief H1).

    Parameters
    ----------
    history : History
        The record (:func:`foedus.data.load_record`) or a simulated history.
    periods : sequence of (label, first, last)
        Periods for the by-period breakdowns (default :data:`~foedus.analysis.formation.PERIODS`).
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
        later), ``per_year_by_period`` and ``alliances_by_period`` ({period: value}),
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
        "alliances_by_period": {p: int(rate.loc[p, "alliances"]) for p in labels},
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
