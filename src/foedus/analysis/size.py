"""Alliance size: members per alliance (brief H1, A3).

Definition
----------
The *size* of an agreement is the number of **distinct** states that were ever members of it,
over all its phases and accessions (a state that left and rejoined counts once). For ATOP 5.1
this is the number of distinct ``member`` codes per ``atopid`` in ``atop5_1m.csv`` (Leeds et
al. 2002), the convention behind the headline figures of the data documentation (mean 2.86,
median 2 over 789 alliances).

The *founding members* are the states that were members in the agreement's first year (entry
year equal to the earliest entry year recorded for the agreement, which for ATOP is always the
year of signature).

References
----------
.. [1] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
"""

from __future__ import annotations

import pandas as pd

from foedus.schema import History

__all__ = ["members_per_alliance", "founding_members", "size_summary"]


def _alliance_memberships(history: History, kinds: tuple[str, ...] | None = ("alliance",)) -> pd.DataFrame:
    """Membership rows of agreements of the given kinds (all kinds when ``kinds`` is None)."""
    m = history.memberships
    if kinds is None:
        return m
    ids = history.agreements.loc[history.agreements["kind"].isin(kinds), "agreement_id"]
    return m[m["agreement_id"].isin(ids)]


def members_per_alliance(history: History, kinds: tuple[str, ...] | None = ("alliance",)) -> pd.Series:
    """Number of distinct member states of each agreement.

    Parameters
    ----------
    history : History
        The record or a simulated history.
    kinds : tuple of str or None
        Agreement kinds counted (:data:`foedus.schema.AGREEMENT_KINDS`); ``None`` for all.

    Returns
    -------
    pandas.Series
        Integer counts indexed by ``agreement_id`` (every agreement of those kinds, 0 when it
        has no membership rows), named ``n_members``.

    Examples
    --------
    NATO (ATOP 3180) has 30 distinct member codes by 2018 (West Germany, 260, and united
    Germany, 255, are distinct COW states): ``members_per_alliance(record)[3180]``.
    """
    agreements = history.agreements
    if kinds is not None:
        agreements = agreements[agreements["kind"].isin(kinds)]
    m = _alliance_memberships(history, kinds)
    counts = m.groupby("agreement_id")["ccode"].nunique()
    out = counts.reindex(agreements["agreement_id"].to_numpy(), fill_value=0).astype("int64")
    out.index.name = "agreement_id"
    return out.rename("n_members")


def founding_members(history: History, kinds: tuple[str, ...] | None = ("alliance",)) -> pd.DataFrame:
    """The founding members of each agreement: members whose entry year is the agreement's first.

    Returns
    -------
    pandas.DataFrame
        Columns ``agreement_id, ccode, year`` (``year`` = the founding year), one row per
        founding member (duplicates across phases removed).
    """
    m = _alliance_memberships(history, kinds)[["agreement_id", "ccode", "entry_year"]]
    first = m.groupby("agreement_id")["entry_year"].transform("min")
    f = m[m["entry_year"] == first].drop_duplicates(["agreement_id", "ccode"])
    return f.rename(columns={"entry_year": "year"}).reset_index(drop=True)


def size_summary(history: History, kinds: tuple[str, ...] | None = ("alliance",), begun_in_window: bool = True) -> dict:
    """Mean, median and distribution of members per alliance.

    Parameters
    ----------
    history : History
    kinds : tuple of str or None
        Agreement kinds counted.
    begun_in_window : bool
        Count only the agreements begun within ``history.first_year .. history.last_year``
        (the formation cohort). A simulated history that starts from today's alliances
        inherits agreements begun before its first year; leaving them out measures what the
        model formed. For the record (ATOP 1815-2018) every alliance is in the window.

    Returns
    -------
    dict
        ``members_mean`` and ``members_median`` (float, NaN when there is no agreement),
        ``members_max`` (int) and ``members_distribution`` ({size: number of agreements},
        sizes ascending).
    """
    n = members_per_alliance(history, kinds)
    if begun_in_window:
        start = history.agreements.set_index("agreement_id")["start_year"].reindex(n.index)
        n = n[start.between(int(history.first_year), int(history.last_year)).to_numpy()]
    dist = n.value_counts().sort_index()
    return {
        "members_mean": float(n.mean()) if len(n) else float("nan"),
        "members_median": float(n.median()) if len(n) else float("nan"),
        "members_max": int(n.max()) if len(n) else 0,
        "members_distribution": {int(k): int(v) for k, v in dist.items()},
    }
