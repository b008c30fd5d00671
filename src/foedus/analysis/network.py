"""The alliance network by year, and the canonical ``dyad_years`` table (brief H1).

Definitions
-----------
*Membership in a year*
    A state is a member of an agreement in year ``y`` when one of its membership spells covers
    ``y``: ``entry_year <= y <= exit`` where ``exit`` is ``exit_year``, else the agreement's
    ``end_year``, else the history's ``last_year`` (still a member when the record ends). A
    spell counts for every calendar year it touches, even partly, which is how ATOP's own
    dyad-year files count alliance years (Leeds et al. 2002).
*Dyad-year* (table ``dyad_years`` of :mod:`foedus.schema`)
    Two states ``ccode1 < ccode2`` that are members of a common agreement at the same time for
    a stretch of positive length within ``y``, by the members' dated spells (an unknown entry
    month or day counts from the first, an unknown exit month or day to the last; a run's
    memberships carry years only, so a spell then covers whole years). A member leaving on the
    day another joins shares no time with it (the two Germanys and united Germany in 1990).
    ATOP codes obligations per member and phase (the optional obligation columns of
    ``memberships``): in a shared agreement, the pair carries an obligation when either
    member holds it in the *last* pair of phases the two share in ``y`` (a year in which the
    phase changes is coded with the later phase, as in ATOP's own dyad-year file). A history without
    member-level obligations (a simulated run) uses the agreement's own flags, which then hold
    for every member and phase. The member file does not say to whom an obligation is owed;
    where ATOP 5.1 owes one to some members only (ten alliances,
    :data:`foedus.data.atop.PARTNER_SPECIFIC`), the pairs that do not owe it to each other do
    not carry it. So built, the record's dyad-years equal ATOP's own dyad-year file (Leeds
    et al. 2002), pairs and obligations, but for ten dyad-years of a partner outside the state
    system (code 8152 with France, 1874-1883), which ATOP's dyad file, of states only, omits.
*Alliance network of a year* (:func:`alliance_network`)
    An undirected ``networkx.Graph``: nodes are the members of the state system that year (COW
    State System, Correlates of War Project 2017) plus any alliance member outside it; edges
    are the dyad-years of that year, with the obligation flags and the ids of the shared
    agreements as attributes.
*Defence-pact network* (:func:`defense_network`)
    The subgraph of edges whose ``defense`` flag is true (all nodes kept): the network of
    mutual-defence commitments from which blocs are computed (:mod:`foedus.analysis.polarity`).

References
----------
.. [1] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
.. [2] Correlates of War Project. 2017. "State System Membership List, v2016."
.. [3] Hagberg, A. A., D. A. Schult and P. J. Swart. 2008. "Exploring Network Structure,
   Dynamics, and Function using NetworkX." *Proceedings of SciPy 2008*: 11-15.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_attributes
from foedus.data.atop import PARTNER_SPECIFIC
from foedus.schema import OBLIGATIONS, History, validate

__all__ = ["membership_years", "agreement_dyad_years", "dyad_years", "alliance_network", "defense_network", "partners_per_year"]


def membership_years(
    history: History,
    *,
    kinds: tuple[str, ...] | None = ("alliance",),
    years: tuple[int, int] | None = None,
    obligations: bool = False,
) -> pd.DataFrame:
    """One row per agreement, member and year of membership (see *Membership in a year*).

    Parameters
    ----------
    history : History
    kinds : tuple of str or None
        Agreement kinds included (``None``: all).
    years : (first, last), optional
        Restrict to these years (both included); default the history's window.
    obligations : bool, default False
        Add one bool column per obligation of :data:`foedus.schema.OBLIGATIONS`: the member's
        obligations in the phases that touch the year (see *Dyad-year*).

    Returns
    -------
    pandas.DataFrame
        Columns ``agreement_id, ccode, year`` (int64), and the obligations if asked, unique
        rows, sorted.
    """
    a = history.agreements
    if kinds is not None:
        a = a[a["kind"].isin(kinds)]
    lo, hi = (int(history.first_year), int(history.last_year)) if years is None else (int(years[0]), int(years[1]))
    m = history.memberships
    m = m[m["agreement_id"].isin(a["agreement_id"])]
    agr_end = m["agreement_id"].map(a.set_index("agreement_id")["end_year"].astype("float64"))
    exit_ = m["exit_year"].astype("float64").fillna(agr_end).fillna(float(history.last_year)).to_numpy()
    start = np.maximum(m["entry_year"].to_numpy(dtype="int64"), lo)
    stop = np.minimum(exit_, hi).astype("int64")
    n = np.maximum(stop - start + 1, 0)
    total = int(n.sum())
    rows = np.repeat(np.arange(len(m)), n)
    offset = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
    out = pd.DataFrame(
        {
            "agreement_id": m["agreement_id"].to_numpy(dtype="int64")[rows],
            "ccode": m["ccode"].to_numpy(dtype="int64")[rows],
            "year": start[rows] + offset,
        }
    )
    if not obligations:
        return out.drop_duplicates().sort_values(["year", "agreement_id", "ccode"], kind="mergesort").reset_index(drop=True)
    for o in OBLIGATIONS:
        out[o] = _member_obligation(m, a, o)[rows]
    out = out.groupby(["agreement_id", "ccode", "year"], sort=False)[list(OBLIGATIONS)].any().reset_index()
    return out.sort_values(["year", "agreement_id", "ccode"], kind="mergesort").reset_index(drop=True)


def _member_obligation(m: pd.DataFrame, a: pd.DataFrame, obligation: str) -> np.ndarray:
    """Each membership phase's ``obligation`` (ATOP member level), else its agreement's."""
    agreement_flag = m["agreement_id"].map(a.set_index("agreement_id")[obligation].astype(bool)).to_numpy(dtype=bool)
    if obligation not in m.columns:
        return agreement_flag
    own = m[obligation]
    return np.where(own.isna().to_numpy(), agreement_flag, own.fillna(False).to_numpy(dtype=bool))


_YEAR_END = 1231  # month * 100 + day of 31 December, in the dates' yyyymmdd integer form


def _dates(m: pd.DataFrame, a: pd.DataFrame, last_year: int) -> tuple[np.ndarray, np.ndarray]:
    """Each membership row's first and last day as ``yyyymmdd`` integers (see *Dyad-year*).

    An unknown entry month or day is the first (January, the 1st); an unknown exit month or day
    the last (December, the 31st); no exit year is the agreement's end date, else 31 December
    of ``last_year`` (right-censored).
    """
    end = a.set_index("agreement_id")
    ids = m["agreement_id"]
    part = lambda col, default: pd.to_numeric(col, errors="coerce").astype("float64").fillna(default).to_numpy()  # noqa: E731
    start = part(m["entry_year"], 0) * 10000 + part(m["entry_month"], 1) * 100 + part(m["entry_day"], 1)
    own = m["exit_year"].notna().to_numpy()
    ey = np.where(own, part(m["exit_year"], 0), part(ids.map(end["end_year"]), last_year))
    em = np.where(own, part(m["exit_month"], 12), part(ids.map(end["end_month"]), 12))
    ed = np.where(own, part(m["exit_day"], 31), part(ids.map(end["end_day"]), 31))
    open_ = ~own & ids.map(end["end_year"]).isna().to_numpy()
    em, ed = np.where(open_, 12, em), np.where(open_, 31, ed)
    return start.astype("int64"), (ey * 10000 + em * 100 + ed).astype("int64")


def agreement_dyad_years(
    history: History,
    *,
    kinds: tuple[str, ...] | None = ("alliance",),
    years: tuple[int, int] | None = None,
    partner_specific: bool = True,
) -> pd.DataFrame:
    """One row per agreement, pair of co-members ``ccode1 < ccode2`` and year (see *Dyad-year*).

    Membership rows (member, phase) of one agreement are paired by the dates they share; a pair
    of rows that shares a stretch of time of positive length in a year makes the dyad-year, and
    the pair of rows whose shared stretch ends last in the year gives its obligations (either
    member's). Vectorised: the rows are joined to themselves on the agreement, the shared
    stretches expanded to years with ``numpy.repeat`` and reduced with group-wise max/any.

    Parameters
    ----------
    history : History
    kinds : tuple of str or None
        Agreement kinds included (``None``: all).
    years : (first, last), optional
        Restrict to these years (both included); default the history's window.
    partner_specific : bool, default True
        In ATOP 5.1 alliances (agreements whose ``source`` is an ATOP 5.1 file), drop the
        obligations owed to some members only (:data:`foedus.data.atop.PARTNER_SPECIFIC`) from
        the pairs that do not owe them to each other; ``False`` keeps the member-level reading.

    Returns
    -------
    pandas.DataFrame
        ``agreement_id, ccode1, ccode2, year`` (int64) and one bool column per obligation of
        :data:`foedus.schema.OBLIGATIONS`, unique rows, sorted by year, agreement and codes.
    """
    a = history.agreements
    if kinds is not None:
        a = a[a["kind"].isin(kinds)]
    lo, hi = (int(history.first_year), int(history.last_year)) if years is None else (int(years[0]), int(years[1]))
    m = history.memberships
    m = m[m["agreement_id"].isin(a["agreement_id"])].reset_index(drop=True)
    first, last = _dates(m, a, int(history.last_year))
    rows = pd.DataFrame({"agreement_id": m["agreement_id"].to_numpy(dtype="int64"), "ccode": m["ccode"].to_numpy(dtype="int64"),
                         "first": first, "last": last, **{o: _member_obligation(m, a, o) for o in OBLIGATIONS}})
    p = rows.merge(rows, on="agreement_id", suffixes=("_1", "_2"))
    p = p[p["ccode_1"] < p["ccode_2"]]
    begin, end = np.maximum(p["first_1"], p["first_2"]).to_numpy(), np.minimum(p["last_1"], p["last_2"]).to_numpy()
    keep = begin < end  # a stretch of positive length: a member leaving the day another joins shares no time
    p, begin, end = p[keep], begin[keep], end[keep]
    y0, y1 = np.maximum(begin // 10000, lo), np.minimum(end // 10000, hi)
    n = np.maximum(y1 - y0 + 1, 0)
    idx = np.repeat(np.arange(len(p)), n)
    year = y0[idx] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    out = pd.DataFrame({
        "agreement_id": p["agreement_id"].to_numpy()[idx], "ccode1": p["ccode_1"].to_numpy()[idx],
        "ccode2": p["ccode_2"].to_numpy()[idx], "year": year, "until": np.minimum(end[idx], year * 10000 + _YEAR_END),
        **{o: (p[f"{o}_1"].to_numpy() | p[f"{o}_2"].to_numpy())[idx] for o in OBLIGATIONS},
    })
    key = ["agreement_id", "ccode1", "ccode2", "year"]
    out = out[out["until"] == out.groupby(key, sort=False)["until"].transform("max")]  # the pair's last shared phase
    out = out.groupby(key, sort=False)[list(OBLIGATIONS)].any().reset_index()
    if partner_specific:
        _drop_partner_specific(out, a)
    return out.sort_values(["year", "agreement_id", "ccode1", "ccode2"], kind="mergesort").reset_index(drop=True)


def _drop_partner_specific(pairs: pd.DataFrame, agreements: pd.DataFrame) -> None:
    """Clear, in place, the obligations ATOP owes to some members only (:data:`foedus.data.atop.PARTNER_SPECIFIC`)."""
    atop = agreements.loc[agreements["source"].astype(str).str.startswith("atop5_1"), "agreement_id"]
    listed = [(i, o, c1, c2) for i, (_, cases) in PARTNER_SPECIFIC.items() if i in set(atop) for o, c1, c2 in cases]
    for i, o, c1, c2 in listed:  # a few dozen fixed cases of the record, not a loop over the simulator's dyads
        pairs.loc[(pairs["agreement_id"] == i) & (pairs["ccode1"] == c1) & (pairs["ccode2"] == c2), o] = False


def dyad_years(history: History, *, kinds: tuple[str, ...] | None = ("alliance",), partner_specific: bool = True) -> pd.DataFrame:
    """The canonical ``dyad_years`` table: pairs of states sharing an agreement, by year.

    The pairs and obligations of :func:`agreement_dyad_years`, reduced over the shared
    agreements with a group-wise ``any``. On ATOP 5.1 this equals ATOP's own dyad-year file (as
    distributed by peacesciencer, ``atop_alliance``, read non-directed: a pair carries an
    obligation when either direction does): the same 136,648 dyad-years and the same five
    obligations in each, plus the ten dyad-years of the non-state signatory 8152 (see
    *Dyad-year*).

    Parameters
    ----------
    history : History
    kinds : tuple of str or None
        Agreement kinds that link states (default alliances only; ``None``: all kinds).
    partner_specific : bool, default True
        Apply :data:`foedus.data.atop.PARTNER_SPECIFIC` to ATOP 5.1 alliances (see
        :func:`agreement_dyad_years`).

    Returns
    -------
    pandas.DataFrame
        Validated against :data:`foedus.schema.DYAD_YEARS`: ``ccode1 < ccode2, year`` and one
        bool column per obligation of :data:`foedus.schema.OBLIGATIONS`, sorted by year and
        codes.

    Examples
    --------
    France (220) and Russia (365) share the 1893 defence convention in 1914:

    >>> dy = dyad_years(record)   # doctest: +SKIP
    >>> dy.query("year == 1914 and ccode1 == 220 and ccode2 == 365")["defense"].item()   # doctest: +SKIP
    True
    """
    p = agreement_dyad_years(history, kinds=kinds, partner_specific=partner_specific)
    out = p.groupby(["ccode1", "ccode2", "year"], sort=False)[list(OBLIGATIONS)].any().reset_index()
    out = out.sort_values(["year", "ccode1", "ccode2"], kind="mergesort").reset_index(drop=True)
    return validate(out, "dyad_years", source=f"{history.source}:dyad_years")


def alliance_network(
    history: History,
    year: int,
    *,
    kinds: tuple[str, ...] | None = ("alliance",),
    obligation: str | None = None,
    filled: pd.DataFrame | None = None,
) -> nx.Graph:
    """The alliance network of one year as a ``networkx.Graph``.

    Parameters
    ----------
    history : History
    year : int
        Calendar year, within ``history.first_year .. history.last_year``.
    kinds : tuple of str or None
        Agreement kinds that make edges.
    obligation : str, optional
        Keep only edges whose shared agreements include this obligation (one of
        :data:`foedus.schema.OBLIGATIONS`); all nodes are kept.
    filled : DataFrame, optional
        :func:`foedus.analysis.capabilities.state_years_filled` of ``history``, to reuse in loops.

    Returns
    -------
    networkx.Graph
        ``graph["year"]``; node attributes ``abb``, ``name``, ``system`` (COW system member),
        ``cinc`` (NaN if unknown), ``major``, ``tier``; edge attributes one bool per obligation
        and ``agreements`` (sorted tuple of shared agreement ids).

    Raises
    ------
    ValueError
        ``year`` outside the history's window, or an unknown ``obligation``.
    """
    year = int(year)
    if not history.first_year <= year <= history.last_year:
        raise ValueError(f"year {year} is outside the history's window {history.first_year}-{history.last_year}")
    if obligation is not None and obligation not in OBLIGATIONS:
        raise ValueError(f"obligation must be one of {', '.join(OBLIGATIONS)}, got {obligation!r}")
    my = membership_years(history, kinds=kinds, years=(year, year))
    p = agreement_dyad_years(history, kinds=kinds, years=(year, year))
    if obligation is not None:
        p = p[p[obligation]]
    agg = p.groupby(["ccode1", "ccode2"], sort=True).agg(
        **{o: (o, "any") for o in OBLIGATIONS}, agreements=("agreement_id", lambda s: tuple(sorted(set(s.tolist()))))
    )
    attrs = state_attributes(history, year, extra=my["ccode"].unique(), filled=filled)
    g = nx.Graph(year=year)
    g.add_nodes_from((int(c), row) for c, row in zip(attrs.index, attrs.to_dict("records")))
    g.add_edges_from(
        (int(c1), int(c2), {**{o: bool(r[o]) for o in OBLIGATIONS}, "agreements": r["agreements"]})
        for (c1, c2), r in zip(agg.index, agg.to_dict("records"))
    )
    return g


def defense_network(history: History, year: int, *, filled: pd.DataFrame | None = None) -> nx.Graph:
    """The defence-pact network of ``year``: :func:`alliance_network` with ``obligation="defense"``."""
    return alliance_network(history, year, obligation="defense", filled=filled)


def partners_per_year(history: History, ccodes, *, obligation: str = "defense", dyads: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of states each of ``ccodes`` shares an ``obligation`` with, in every year of the window.

    Parameters
    ----------
    history : History
    ccodes : sequence of int
        COW codes of the states to count for (columns of the result).
    obligation : str
        One of :data:`foedus.schema.OBLIGATIONS` (default ``"defense"``: defence-pact partners).
    dyads : DataFrame, optional
        A precomputed :func:`dyad_years` table.

    Returns
    -------
    pandas.DataFrame
        Index ``year`` (every year from ``first_year`` to ``last_year``), one column per code,
        counts of partners (0 when none).
    """
    if obligation not in OBLIGATIONS:
        raise ValueError(f"obligation must be one of {', '.join(OBLIGATIONS)}, got {obligation!r}")
    d = dyad_years(history) if dyads is None else dyads
    d = d[d[obligation].astype(bool)]
    ends = pd.concat(
        [d[["ccode1", "year"]].rename(columns={"ccode1": "ccode"}), d[["ccode2", "year"]].rename(columns={"ccode2": "ccode"})]
    )
    counts = ends[ends["ccode"].isin(list(ccodes))].groupby(["year", "ccode"]).size().unstack(fill_value=0)
    years = pd.RangeIndex(int(history.first_year), int(history.last_year) + 1, name="year")
    return counts.reindex(index=years, columns=list(ccodes), fill_value=0)
