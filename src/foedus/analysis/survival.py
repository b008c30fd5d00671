"""Alliance duration and survival: Kaplan-Meier with right-censoring (brief H1, D2, P5).

Definitions
-----------
*Duration*
    ``end_year - start_year`` in whole years (ATOP ``endyr - begyr``): an alliance signed and
    ended in the same year lasts 0 years.
*Right-censoring*
    An alliance still in force when the record ends (``end_year`` is ``<NA>``) has not ended: it
    is observed for ``c - start_year`` years, where the censoring year ``c`` is
    ``history.last_year`` (2018 for ATOP 5.1), or the agreement's ``observed_until`` if that is
    earlier. Treating these as ended would bias every duration statistic downward.
*Kaplan-Meier estimator* (Kaplan & Meier 1958)
    With distinct event times :math:`t_1 < t_2 < \\dots`, :math:`d_i` alliances ending at
    :math:`t_i` and :math:`n_i` still at risk just before :math:`t_i` (ended or censored at or
    after :math:`t_i`),

    .. math:: \\hat S(t) = \\prod_{t_i \\le t} \\left(1 - \\frac{d_i}{n_i}\\right).

    Fitted with ``lifelines.KaplanMeierFitter`` (Davidson-Pilon 2019).
*Median survival*
    The smallest :math:`t` with :math:`\\hat S(t) \\le 0.5` (lifelines' convention);
    infinite when the estimated survival never falls to one half. lifelines computes
    :math:`\\hat S` as the exponential of summed logarithms, so a curve that reaches exactly
    one half can read 0.5000000000000001; :func:`km_median` compares with a tolerance of
    1e-9 so that such a curve has its median there.
*Left truncation*
    An alliance begun before the window opens (a simulated history that starts from today's
    alliances inherits NATO, begun 1949) is only observed from ``first_year`` on, having
    already lasted ``entry = first_year - start_year`` years. It enters the risk set late
    (delayed entry, lifelines' ``entry``) rather than as if observed from its signature,
    which would overstate survival (Klein & Moeschberger 2003, ch. 4). An alliance that ended
    before the window opened is never observed and is left out. For the record (ATOP
    1815-2018) no alliance begins before the window, so every ``entry`` is 0. With delayed
    entry the risk set can empty at some duration while alliances that entered later are still
    observed (a short simulated run that inherits a few old alliances): the product-limit
    estimate is then undefined beyond it (lifelines refuses the fit). :func:`kaplan_meier`
    falls back to the alliances begun inside the window (entry 0, an incident cohort, fully
    observed from their start), or, when there are none, to the Breslow-Fleming-Harrington
    estimator :math:`\\exp(-\\hat H(t))` of the Nelson-Aalen cumulative hazard (Fleming &
    Harrington 1984), which stays positive; the curve's label says which.
*Naive mean over ended alliances* (``duration_mean_ended``)
    The plain mean of durations of the alliances that have ended, ignoring those in force. It
    is the figure often quoted but it is biased towards short alliances; it is reported under
    this explicit name, next to the Kaplan-Meier median. ``duration_mean_observed`` is the mean
    of observed durations with in-force alliances counted to the censoring year (also biased
    down). For ATOP 5.1 the data documentation gives 10.57 years (median 7) over the 417 ended
    alliances and 18.82 (median 18) with censoring at 2018.

References
----------
.. [1] Kaplan, E. L. and P. Meier. 1958. "Nonparametric Estimation from Incomplete
   Observations." *Journal of the American Statistical Association* 53(282): 457-81.
.. [2] Klein, J. P. and M. L. Moeschberger. 2003. *Survival Analysis: Techniques for Censored
   and Truncated Data*. 2nd ed. Springer.
.. [3] Davidson-Pilon, C. 2019. "lifelines: survival analysis in Python." *Journal of Open
   Source Software* 4(40): 1317.
.. [4] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
.. [5] Fleming, T. R. and D. P. Harrington. 1984. "Nonparametric Estimation of the Survival
   Distribution in Censored Data." *Communications in Statistics - Theory and Methods* 13(19):
   2469-86.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.formation import PERIODS, SPLIT_1945, Period, period_of
from foedus.schema import History

if TYPE_CHECKING:
    from lifelines import KaplanMeierFitter

__all__ = [
    "alliance_durations",
    "kaplan_meier",
    "km_median",
    "km_survival_at",
    "survival_by_period",
    "survival_table",
    "survival_summary",
]


def alliance_durations(
    history: History, *, periods: Sequence[Period] = PERIODS, kinds: tuple[str, ...] | None = ("alliance",)
) -> pd.DataFrame:
    """Duration of each alliance, with right-censoring of those in force.

    Returns
    -------
    pandas.DataFrame
        Columns ``agreement_id, start_year, end_year`` (``<NA>`` = in force), ``duration``
        (years, int), ``ended`` (bool: False = right-censored), ``entry`` (years already
        lasted when the window opens, 0 for alliances begun in it; see *Left truncation*),
        ``period`` (of ``start_year``). Alliances that ended before the window opened are
        left out.

    Raises
    ------
    ValueError
        An alliance that starts after the year it is censored at or ends before it starts,
        naming its ``agreement_id``.
    """
    a = history.agreements
    if kinds is not None:
        a = a[a["kind"].isin(kinds)]
    censor = np.minimum(a["observed_until"].to_numpy(dtype="int64"), int(history.last_year))
    ended = a["end_year"].notna().to_numpy()
    end = a["end_year"].astype("float64").to_numpy()
    start = a["start_year"].to_numpy(dtype="int64")
    duration = np.where(ended, end, censor) - start
    bad = np.isnan(duration) | (duration < 0)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"{history.source}:agreements: agreement_id {a['agreement_id'].iloc[i]} has a negative duration "
            f"(start_year {start[i]}, end or censoring year {int(np.where(ended, end, censor)[i])})"
        )
    out = pd.DataFrame(
        {
            "agreement_id": a["agreement_id"].to_numpy(),
            "start_year": start,
            "end_year": a["end_year"].to_numpy(),
            "duration": duration.astype("int64"),
            "ended": ended,
            "entry": np.maximum(int(history.first_year) - start, 0),
            "period": period_of(start, periods),
        }
    )
    return out[out["duration"] >= out["entry"]].reset_index(drop=True)


def kaplan_meier(durations, ended, label: str = "KM estimate", entry=None) -> "KaplanMeierFitter":
    """Fit the Kaplan-Meier estimator (Kaplan & Meier 1958) with lifelines.

    Parameters
    ----------
    durations : array of float
        Observed durations in years (ended or censored), >= 0.
    ended : array of bool
        True where the alliance ended (event observed), False where right-censored.
    label : str
        Name of the curve.
    entry : array of float, optional
        Years already lasted when observation began (left truncation); default 0.

    Returns
    -------
    lifelines.KaplanMeierFitter
        Fitted; ``survival_function_`` holds :math:`\\hat S(t)` and ``confidence_interval_``
        its 95% band (for the median use :func:`km_median`, which tolerates rounding at
        exactly one half). When the delayed-entry risk set empties, the fallback of the
        module docstring ("Left truncation"), named in the curve's label.

    Raises
    ------
    ValueError
        Empty input, lengths that differ, or a negative duration.
    """
    from lifelines import KaplanMeierFitter

    d = np.asarray(durations, dtype=float)
    e = np.asarray(ended, dtype=bool)
    if d.shape != e.shape:
        raise ValueError(f"durations and ended differ in length ({d.size} vs {e.size})")
    if d.size == 0:
        raise ValueError("no durations to fit a Kaplan-Meier curve to")
    if (d < 0).any() or np.isnan(d).any():
        raise ValueError("durations must be non-negative numbers of years")
    if entry is None:
        return KaplanMeierFitter(label=label).fit(d, event_observed=e)
    en = np.asarray(entry, dtype=float)
    if en.shape != d.shape or (en < 0).any() or (en > d).any():
        raise ValueError("entry must have one value per duration, between 0 and the duration")
    from lifelines.exceptions import StatError

    try:
        return KaplanMeierFitter(label=label).fit(d, event_observed=e, entry=en)
    except StatError:
        # the delayed-entry risk set emptied (see "Left truncation" in the module docstring)
        fresh = en == 0
        if fresh.any():
            return KaplanMeierFitter(label=f"{label} (begun in the window)").fit(d[fresh], event_observed=e[fresh])
        from lifelines import BreslowFlemingHarringtonFitter

        return BreslowFlemingHarringtonFitter(label=f"{label} (Breslow-Fleming-Harrington)").fit(d, event_observed=e, entry=en)


def km_median(durations, ended) -> float:
    """Kaplan-Meier median survival in years: smallest t with S(t) <= 0.5.

    ``inf`` when the estimated survival never falls to one half; ``nan`` for no data.

    Examples
    --------
    Durations 1, 2, 3, 4, 5 all ended: S = 0.8, 0.6, 0.4, ... so the median is 3.

    >>> km_median([1, 2, 3, 4, 5], [True] * 5)
    3.0
    """
    if len(durations) == 0:
        return float("nan")
    return _median(kaplan_meier(durations, ended))


def _median(kmf: "KaplanMeierFitter", tol: float = 1e-9) -> float:
    sf = kmf.survival_function_.iloc[:, 0]
    below = np.flatnonzero(sf.to_numpy() <= 0.5 + tol)
    return float(sf.index[below[0]]) if below.size else float("inf")


def km_survival_at(kmf: "KaplanMeierFitter", years) -> np.ndarray:
    """Estimated survival probability :math:`\\hat S(t)` at each of ``years`` (step function)."""
    import warnings

    with warnings.catch_warnings():
        # a Breslow-Fleming-Harrington fallback reads its step function too (lifelines warns)
        warnings.filterwarnings("ignore", message="Approximating using `survival_function_`")
        return np.asarray(kmf.survival_function_at_times(np.asarray(years, dtype=float)), dtype=float)


def survival_by_period(
    history: History, periods: Sequence[Period] = PERIODS, kinds: tuple[str, ...] | None = ("alliance",)
) -> dict[str, "KaplanMeierFitter"]:
    """One Kaplan-Meier fit per period of formation (periods with no alliance are left out)."""
    d = alliance_durations(history, periods=periods, kinds=kinds)
    out = {}
    for label, _, _ in periods:
        sub = d[d["period"] == label]
        if len(sub):
            out[label] = kaplan_meier(sub["duration"], sub["ended"], label=label, entry=sub["entry"])
    return out


def survival_table(
    history: History, periods: Sequence[Period] = PERIODS, kinds: tuple[str, ...] | None = ("alliance",)
) -> pd.DataFrame:
    """Duration statistics by period of formation, and for all alliances.

    Returns
    -------
    pandas.DataFrame
        Indexed by period label plus ``"all"``: ``alliances``, ``ended``, ``censored``,
        ``km_median`` (years), ``km_survival_10`` and ``km_survival_25`` (estimated share
        surviving 10 and 25 years), ``duration_mean_ended`` and ``duration_median_ended``
        (naive, ended alliances only), ``duration_mean_observed`` (censored durations counted
        as observed).
    """
    d = alliance_durations(history, periods=periods, kinds=kinds)
    rows = []
    for label in [*(p[0] for p in periods), "all"]:
        sub = d if label == "all" else d[d["period"] == label]
        ended = sub[sub["ended"]]["duration"]
        row = {
            "period": label,
            "alliances": len(sub),
            "ended": int(sub["ended"].sum()),
            "censored": int((~sub["ended"]).sum()),
            "km_median": float("nan"),
            "km_survival_10": float("nan"),
            "km_survival_25": float("nan"),
            "duration_mean_ended": float(ended.mean()) if len(ended) else float("nan"),
            "duration_median_ended": float(ended.median()) if len(ended) else float("nan"),
            "duration_mean_observed": float(sub["duration"].mean()) if len(sub) else float("nan"),
        }
        if len(sub):
            kmf = kaplan_meier(sub["duration"], sub["ended"], label=label, entry=sub["entry"])
            row["km_median"] = _median(kmf)
            row["km_survival_10"], row["km_survival_25"] = km_survival_at(kmf, [10, 25])
        rows.append(row)
    return pd.DataFrame(rows).set_index("period")


def survival_summary(history: History, periods: Sequence[Period] = PERIODS, kinds: tuple[str, ...] | None = ("alliance",)) -> dict:
    """Headline duration figures as a flat dict (the survival part of :func:`foedus.analysis.summary.summary`).

    Returns
    -------
    dict
        ``duration_mean_ended``, ``duration_median_ended``, ``duration_mean_observed``, the
        two naive means split at 1945 (``..._pre1945``, ``..._post1945``), ``alliances_ended``, ``alliances_censored``, ``km_median_survival`` (all alliances),
        ``km_median_survival_pre1945`` and ``km_median_survival_post1945`` (begun before 1945,
        and in 1945 or later), and ``km_median_by_period`` ({period label: median} for
        ``periods``). Medians are in years; ``inf`` where the curve stays above one half.
    """
    split = survival_table(history, SPLIT_1945, kinds)
    table = survival_table(history, periods, kinds)
    allrow = table.loc["all"]
    return {
        "alliances_ended": int(allrow["ended"]),
        "alliances_censored": int(allrow["censored"]),
        "duration_mean_ended": float(allrow["duration_mean_ended"]),
        "duration_median_ended": float(allrow["duration_median_ended"]),
        "duration_mean_observed": float(allrow["duration_mean_observed"]),
        "duration_mean_ended_pre1945": float(split.loc["before 1945", "duration_mean_ended"]),
        "duration_mean_ended_post1945": float(split.loc["from 1945", "duration_mean_ended"]),
        "duration_mean_observed_pre1945": float(split.loc["before 1945", "duration_mean_observed"]),
        "duration_mean_observed_post1945": float(split.loc["from 1945", "duration_mean_observed"]),
        "km_median_survival": float(allrow["km_median"]),
        "km_median_survival_pre1945": float(split.loc["before 1945", "km_median"]),
        "km_median_survival_post1945": float(split.loc["from 1945", "km_median"]),
        "km_median_by_period": {str(k): float(v) for k, v in table["km_median"].drop(index="all").items()},
    }
