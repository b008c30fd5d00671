"""State attributes by year (capabilities, major-power status, tier) over a history's whole window.

The measures of :mod:`foedus.analysis` need, for every year of a history's observation window
(``first_year`` .. ``last_year``), each state's CINC share, COW major-power status and power
tier. Two gaps in the record make a plain lookup of ``state_years`` insufficient, and both are
filled by a stated rule rather than silently:

1. **Years without capability data.** ATOP 5.1 starts in 1815 but COW National Material
   Capabilities starts in 1816 (Singer, Bremer & Stuckey 1972); a simulated history may also
   record capabilities less often than agreements. A year of the window with no
   ``state_years`` row at all takes the rows of the *nearest* year that has some (1815 takes
   1816). The copied rows carry ``imputed = True``.
2. **Major-power coding that ends before the window.** The COW major-power list v2016 ends on
   31 December 2016 while ATOP runs to 2018, so the imported record codes no major power in
   2017-2018. In the years after the last year that codes any major power, the major powers
   of that last year stay major (the same "most recent year" convention by which
   peacesciencer's ``create_dyadyears(mry = TRUE)`` carries the 2016 state system forward,
   Miller 2022), and their tier is recomputed with :func:`foedus.schema.power_tier`. These
   rows also carry ``imputed = True``.

References
----------
.. [1] Correlates of War Project. 2017. "State System Membership List, v2016."
.. [2] Singer, J. D., S. Bremer and J. Stuckey. 1972. "Capability Distribution, Uncertainty,
   and Major Power War, 1820-1965." In B. Russett (ed.), *Peace, War, and Numbers*. Sage.
.. [3] Miller, S. V. 2022. "{peacesciencer}: An R Package for Quantitative Peace Science
   Research." *Conflict Management and Peace Science* 39(6): 755-779.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.schema import History, power_tier

__all__ = ["state_years_filled", "system_members", "system_years", "state_attributes"]

_ATTR_COLUMNS = ["ccode", "year", "cinc", "major", "tier"]


def state_years_filled(history: History) -> pd.DataFrame:
    """``state_years`` over the whole window with the two gaps above filled.

    Parameters
    ----------
    history : History

    Returns
    -------
    pandas.DataFrame
        Columns ``ccode, year, cinc, major, tier, imputed``, one row per state and year
        within ``first_year .. last_year`` (rows outside the window are dropped).
    """
    first, last = int(history.first_year), int(history.last_year)
    sy = history.state_years[_ATTR_COLUMNS]
    sy = sy[(sy["year"] >= first) & (sy["year"] <= last)].copy()
    sy["imputed"] = False
    covered = np.unique(sy["year"].to_numpy())
    if covered.size == 0:
        return sy.reset_index(drop=True)
    window = np.arange(first, last + 1)
    missing = np.setdiff1d(window, covered)
    if missing.size:
        pos = np.searchsorted(covered, missing)
        left = covered[np.clip(pos - 1, 0, covered.size - 1)]
        right = covered[np.clip(pos, 0, covered.size - 1)]
        nearest = np.where(np.abs(missing - left) <= np.abs(right - missing), left, right)
        donor = pd.DataFrame({"year_src": nearest, "year_new": missing})
        copies = sy.merge(donor, left_on="year", right_on="year_src").drop(columns=["year", "year_src"])
        copies = copies.rename(columns={"year_new": "year"})
        copies["imputed"] = True
        sy = pd.concat([sy, copies[sy.columns]], ignore_index=True)
    major_years = np.unique(sy.loc[sy["major"], "year"].to_numpy())
    if major_years.size and major_years[-1] < last:
        y_star = int(major_years[-1])
        majors = sy.loc[(sy["year"] == y_star) & sy["major"], "ccode"].to_numpy()
        carry = (sy["year"] > y_star).to_numpy() & sy["ccode"].isin(majors).to_numpy()
        if carry.any():
            sy.loc[carry, "major"] = True
            sy.loc[carry, "imputed"] = True
            sy.loc[carry, "tier"] = power_tier(sy.loc[carry, "cinc"].to_numpy(dtype=float), np.ones(int(carry.sum()), dtype=bool))
    return sy.sort_values(["year", "ccode"], kind="mergesort").reset_index(drop=True)


def system_members(history: History, year: int) -> np.ndarray:
    """COW codes of the states that are members of the state system in ``year``.

    A state is a member in ``year`` when one of its spells in ``history.states`` covers it
    (``start_year <= year <= end_year``, an open ``end_year`` counting as still a member).
    """
    s = history.states
    end = s["end_year"].astype("float64").fillna(np.inf)
    inside = (s["start_year"] <= year) & (end >= year)
    return np.unique(s.loc[inside, "ccode"].to_numpy(dtype="int64"))


def system_years(history: History) -> pd.DataFrame:
    """State-system membership by year over the window: columns ``ccode, year``, unique, sorted.

    Each spell of ``history.states`` is expanded to the years it covers within
    ``first_year .. last_year`` (an open ``end_year`` runs to ``last_year``).
    """
    s = history.states
    lo, hi = int(history.first_year), int(history.last_year)
    start = np.maximum(s["start_year"].to_numpy(dtype="int64"), lo)
    stop = np.minimum(s["end_year"].astype("float64").fillna(hi).to_numpy(), hi).astype("int64")
    n = np.maximum(stop - start + 1, 0)
    rows = np.repeat(np.arange(len(s)), n)
    offset = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    out = pd.DataFrame({"ccode": s["ccode"].to_numpy(dtype="int64")[rows], "year": start[rows] + offset})
    return out.drop_duplicates().sort_values(["year", "ccode"], kind="mergesort").reset_index(drop=True)


def state_attributes(history: History, year: int, extra: np.ndarray | None = None, filled: pd.DataFrame | None = None) -> pd.DataFrame:
    """Attributes of every state present in ``year``: system members, major powers and ``extra`` codes.

    Parameters
    ----------
    history : History
    year : int
        Calendar year.
    extra : array of int, optional
        Further COW codes to include (e.g. alliance members that are not system members).
    filled : DataFrame, optional
        The result of :func:`state_years_filled`, to avoid recomputing it in a loop.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ccode``: ``abb`` and ``name`` (from ``history.states``, the code as text
        when unknown), ``system`` (member of the state system that year), ``cinc`` (NaN when
        unknown), ``major`` (bool), ``tier`` (``"secondary"`` when unknown).
    """
    members = system_members(history, year)
    sy = filled if filled is not None else state_years_filled(history)
    sy = sy[sy["year"] == year].drop_duplicates("ccode").set_index("ccode")
    majors = sy.index[sy["major"].to_numpy(dtype=bool)].to_numpy(dtype="int64")
    codes = np.union1d(np.union1d(members, majors), np.asarray(extra if extra is not None else [], dtype="int64"))
    names = history.states.drop_duplicates("ccode", keep="last").set_index("ccode")
    out = pd.DataFrame(index=pd.Index(codes, name="ccode"))
    out["abb"] = names["abb"].reindex(codes).astype("object").to_numpy()
    out["name"] = names["name"].reindex(codes).astype("object").to_numpy()
    unknown = pd.isna(out["abb"]).to_numpy()
    out.loc[unknown, "abb"] = [str(c) for c in codes[unknown]]
    out.loc[pd.isna(out["name"]).to_numpy(), "name"] = out.loc[pd.isna(out["name"]).to_numpy(), "abb"]
    out["system"] = np.isin(codes, members)
    out["cinc"] = sy["cinc"].reindex(codes).to_numpy(dtype=float)
    out["major"] = sy["major"].reindex(codes).astype("boolean").fillna(False).to_numpy(dtype=bool)
    out["tier"] = sy["tier"].reindex(codes).astype("object").fillna("secondary").to_numpy()
    return out
