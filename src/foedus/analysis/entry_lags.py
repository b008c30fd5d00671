"""When third states enter wars under way: the lag from a war's first year to each entry, and its decline with the war's age.

The decision to enter a war is taken at its outbreak (Yamamoto & Bremer 1980; Most & Starr 1989; Siverson & Starr 1991):
the record's joiners nearly all enter in a war's first year or two. Measured the same way on the record (COW inter-state
wars, :func:`foedus.analysis.war_allies.participants_from_cow`) and on a run
(:func:`foedus.analysis.war_allies.participants_from_events`), from the participants' table (``war, ccode, side,
entry_year, war_start, original``; COW gives years, so the lag is in whole years):

- :func:`entry_ages`: every participant's age of the war at its entry (``lag``, 0 in the war's first year) with the side it
  took (``initiator`` or ``target``, where the war's initiating side is known) and the ``route`` a caller supplies (defence
  or offence ally, rival of an enemy, neither);
- :func:`lag_summary`: counts of entries by lag class (0, 1, 2, 3-4, 5 and more) by side and route;
- :func:`entries_by_age`: entries per war-year of each age (the two first belligerents of each war left out of its first
  year), the exposure the wars still fought at that age;
- :func:`age_decay_rate`: the Poisson maximum-likelihood rate ``lambda`` of the exponential decline ``h0 exp(-lambda age)``
  of the entries per war-year (:func:`foedus.theory.joining.entry_age_decay`).

References
----------
.. [1] Yamamoto, Y. and S. A. Bremer. 1980. "Wider Wars and Restless Nights: Major Power Intervention in Ongoing Wars." In
   J. D. Singer (ed.), *The Correlates of War II*. New York: Free Press.
.. [2] Siverson, R. M. and H. Starr. 1991. *The Diffusion of War*. Ann Arbor: University of Michigan Press.
.. [3] Sarkees, M. R. and F. Wayman. 2010. *Resort to War: 1816-2007*. CQ Press (COW wars).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import minimize_scalar

__all__ = ["LAG_CLASSES", "age_decay_rate", "entries_by_age", "entry_ages", "lag_summary"]

LAG_CLASSES = ("0", "1", "2", "3-4", "5+")
"""The lag classes (whole years from the war's first year) of :func:`lag_summary`."""


def entry_ages(participants: pd.DataFrame, initiator_side: dict | None = None, route: pd.Series | None = None) -> pd.DataFrame:
    """Every participant's entry lag: columns ``war, ccode, lag, side, route``.

    ``lag`` is ``entry_year - war_start``; ``side`` ``"initiator"`` where the participant's side is the war's initiating side
    (``initiator_side``: war -> 1 or 2; for a run the attacker's side, 1), ``"target"`` where it is the other, ``"unknown"``
    where the war is not in ``initiator_side``; ``route`` the caller's labels aligned with ``participants`` (``""`` without).
    """
    p = participants
    lag = (p["entry_year"] - p["war_start"]).astype("int64")
    if (lag < 0).any():
        raise ValueError("participants: an entry_year before its war_start")
    init = p["war"].map(initiator_side or {})
    side = np.where(init.isna(), "unknown", np.where(p["side"] == init, "initiator", "target"))
    r = route.astype(str).to_numpy() if route is not None else np.full(len(p), "")
    return pd.DataFrame({"war": p["war"].to_numpy(), "ccode": p["ccode"].to_numpy(), "lag": lag.to_numpy(), "side": side, "route": r})


def _lag_class(lag: np.ndarray) -> np.ndarray:
    return np.select([lag == 0, lag == 1, lag == 2, lag <= 4], list(LAG_CLASSES[:4]), LAG_CLASSES[4])


def lag_summary(ages: pd.DataFrame, joiners_only: bool = True) -> pd.DataFrame:
    """Counts of entries by lag class (:data:`LAG_CLASSES`) for each ``side`` and ``route`` of :func:`entry_ages`, with the
    mean lag; ``joiners_only`` leaves out the entries of the war's first year (the record's originals)."""
    a = ages[ages["lag"] > 0] if joiners_only else ages
    a = a.assign(lag_class=_lag_class(a["lag"].to_numpy()))
    out = a.pivot_table(index=["side", "route"], columns="lag_class", values="ccode", aggfunc="count", fill_value=0)
    out = out.reindex(columns=list(LAG_CLASSES[1:] if joiners_only else LAG_CLASSES), fill_value=0)
    out["n"] = out.sum(axis=1)
    out["mean_lag"] = a.groupby(["side", "route"])["lag"].mean()
    return out


def entries_by_age(participants: pd.DataFrame, last_year: dict) -> pd.DataFrame:
    """Entries per war-year of each age: columns ``age, entries, wars`` (ages 0 to the longest war's).

    ``entries`` counts the participants entering at that age, less the two first belligerents of each war at age 0;
    ``wars`` the wars still fought at that age (``last_year``: war -> its last year, from the record or the run).
    """
    p = participants
    start = p.groupby("war")["war_start"].first()
    last = start.index.map(lambda w: last_year.get(w, np.nan)).to_numpy(dtype=float)
    if np.isnan(last).any():
        raise ValueError("last_year: a war of the participants without its last year")
    dur = (last - start.to_numpy()).astype("int64")
    ages = np.arange(int(dur.max()) + 1 if len(dur) else 0)
    lag = (p["entry_year"] - p["war_start"]).to_numpy()
    entries = np.bincount(lag[lag <= (ages[-1] if len(ages) else -1)], minlength=len(ages))[: len(ages)].astype("int64")
    if len(ages):
        entries[0] = max(int(entries[0]) - 2 * len(start), 0)
    wars = np.array([(dur >= k).sum() for k in ages], dtype="int64")
    return pd.DataFrame({"age": ages, "entries": entries, "wars": wars})


def age_decay_rate(table: pd.DataFrame, min_age: int = 0) -> float:
    """The Poisson maximum-likelihood ``lambda`` of ``entries ~ Poisson(wars * h0 * exp(-lambda * age))`` over the ages from
    ``min_age`` of :func:`entries_by_age` (``h0`` profiled out: ``sum entries / sum wars exp(-lambda age)``); bounded to
    [-3, 10] per year. With two ages of equal exposure it is ``ln(n0 / n1)``."""
    t = table[(table["age"] >= min_age) & (table["wars"] > 0)]
    n, e, k = (t[c].to_numpy(dtype=float) for c in ("entries", "wars", "age"))
    if n.sum() <= 0:
        raise ValueError("age_decay_rate: no entries to fit")

    def nll(lam: float) -> float:
        w = e * np.exp(-lam * k)
        h0 = n.sum() / w.sum()
        mu = w * h0
        return float((mu - n * np.log(mu)).sum())

    return float(minimize_scalar(nll, bounds=(-3.0, 10.0), method="bounded", options={"xatol": 1e-8}).x)
