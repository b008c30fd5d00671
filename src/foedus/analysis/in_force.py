"""Agreements in force, begun and ended each year, by kind or by primary obligation (brief H1, D2).

The stock of agreements and its flows, for the record and for simulated runs alike.

Definitions
-----------
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
*Categories* (:data:`COUNT_BY`)
    ``kind`` (alliance, coalition, organisation: :data:`foedus.schema.AGREEMENT_KINDS`) or the
    agreement's strongest obligation (:func:`foedus.analysis.formation.primary_obligation`;
    ``"none"`` when it carries none).

References
----------
.. [1] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

from foedus.analysis.formation import agreements_of_kinds, primary_obligation
from foedus.schema import AGREEMENT_KINDS, OBLIGATIONS, History

__all__ = ["COUNT_BY", "agreements_in_force", "agreements_begun", "agreements_ended"]

COUNT_BY: tuple[str, ...] = ("kind", "primary_obligation")
"""Categories accepted by :func:`agreements_in_force`, :func:`agreements_begun` and :func:`agreements_ended`."""


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
    a = agreements_of_kinds(history, kinds)
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


def _count_spells(
    history: History, first_year, last_year, by: str, kinds, spell: Callable[[pd.DataFrame, int], tuple[np.ndarray, np.ndarray]]
) -> pd.DataFrame:
    """Per year and category, the agreements whose ``spell(agreements, last) -> (lo, hi)`` covers the year.

    The window is checked (:func:`_year_window`) and the agreements categorised
    (:func:`_categorised`) once, for the stock and both flows alike.
    """
    first, last = _year_window(history, first_year, last_year)
    a, codes, columns = _categorised(history, by, kinds)
    lo, hi = spell(a, last)
    return _tally(lo, hi, codes, columns, by, first, last)


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
    >>> from foedus.testing import toy_history
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

    def in_force(a: pd.DataFrame, last: int) -> tuple[np.ndarray, np.ndarray]:
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
        return start, np.where(ended, end - int(bool(at_year_end)), censor)

    return _count_spells(history, first_year, last_year, by, kinds, in_force)


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

    def begun(a: pd.DataFrame, last: int) -> tuple[np.ndarray, np.ndarray]:
        start = a["start_year"].to_numpy(dtype="int64")
        return start, start

    return _count_spells(history, first_year, last_year, by, kinds, begun)


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

    def ended(a: pd.DataFrame, last: int) -> tuple[np.ndarray, np.ndarray]:
        end = a["end_year"].fillna(last + 1).to_numpy(dtype="int64")  # open: after the window, counted nowhere
        return end, end

    return _count_spells(history, first_year, last_year, by, kinds, ended)
