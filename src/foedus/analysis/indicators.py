"""The indicators of one simulated run: alliances, blocs, polarity, spending and events per year.

An ensemble (:mod:`foedus.experiments.ensemble`) keeps of each run the small tables computed
here from its compact record (:class:`foedus.schema.runs.RunRecord`), on the workers: per year the
alliance counts, blocs and polarity, arms spending and conflicts (table ``system``), and per
state and year its spending, capability share, tier and bloc (table ``states``). Bands and
comparisons across runs are in :mod:`foedus.analysis.ensemble`.

Blocs of a run: pole-anchored
-----------------------------
Membership in a year follows :mod:`foedus.analysis.network` (a spell counts for every year it
touches). Blocs are the *pole-anchored blocs* of :mod:`foedus.analysis.polarity`
(``method="poles"``), found in each year's defence-pact network:

1. the poles are the major powers (Waltz 1979); a major power allied by a defence pact to a
   stronger major power (higher CINC; ties to the lower COW code) joins the bloc of the
   strongest such ally, and a major power with no stronger major-power ally anchors a bloc;
2. any other state allied to a major power joins the bloc of the strongest major power it is
   directly allied to (a state allied to major powers of several blocs is *contested*);
3. states allied to no major power form pole-less blocs: the connected components of their
   pacts among themselves.

This counts poles as the great powers and their alliance clusters (Bueno de Mesquita 1975;
Wayman 1984; the lesser states clustering around the poles are the "bipolarization" of Rapkin,
Thompson & Christopherson 1979). Only *direct* commitments tie a state to a bloc, so a chain
of pacts does not merge rival camps: in ``world-2022`` Azerbaijan is pledged to Russia (the
1992 Tashkent treaty as ATOP codes it, atopid 4400) and to Turkey (6035), and Turkey to the
United States (3360, NATO), a chain that put Russia in the United States' connected
component, which the previous definition (connected components, still available as
``method="components"`` of :mod:`foedus.analysis.polarity`) took for one bloc; by the end of
the 2030s that component held all seven great powers in every run. Greedy-modularity communities
(``method="modularity"``) avoid the chain but follow the density of ties rather than the
powers (NATO Europe becomes a community apart from the United States) and cost about two
seconds per 30-year run, against a few hundredths of a second here. The polarity columns are
those of :func:`foedus.analysis.polarity.polarity` of the run's table of blocs in the columns of
:func:`foedus.analysis.polarity.state_blocs` (built here from the compact record with the same
kernel), computed on its arrays (:func:`polarity_arrays`, held equal to that function to the
bit by a test), so they agree with the history functions: a bloc is a group of two or
more states; an unaligned major power is a pole (``poles``), not a bloc.

Indicators of a run (table ``system``, one row per year)
--------------------------------------------------------

``alliances``, ``defense_pacts``, ``coalitions``
    Agreements of kind alliance / alliances with a defence obligation / coalitions in force.
``alliance_size``
    Mean number of members of the alliances in force (NaN without one).
``states``, ``aligned_states``, ``defense_dyads``, ``majors``
    States present, states with at least one defence pact, pairs of states sharing a defence
    pact, major powers.
``blocs``, ``largest_bloc``
    Blocs of two or more states (with or without a pole) and the members of the largest.
``poles``
    Blocs with a major power: the number of anchoring major powers, each unaligned major
    power counting as one (2 in a bipolar system).
``cluster_poles``
    Wayman's (1984) cluster polarity: groups of major powers linked (transitively) by defence
    pacts among themselves, minor allies ignored; never above ``poles``.
``contested``
    States allied to a major power outside their own bloc.
``con``, ``effective_poles``, ``effective_blocs``
    Capability concentration of the major powers (Ray & Singer 1973), effective number of
    major powers and of poles' blocs by capability (Laakso & Taagepera 1979); as in
    :func:`foedus.analysis.polarity.polarity`.
``milex``
    Total military expenditure of the modelled states, thousands of US$ (COW NMC units).
``formations``, ``accessions``, ``exits``, ``dissolutions``, ``disputes``, ``wars``,
``crises``, ``cyber_incidents``, ``commitment_calls``, ``shocks``, ``coalition_events``,
``rivalry_onsets``, ``rivalry_ends``, ``state_entries``, ``state_exits``, ``war_entries``
    Events of each kind of :data:`foedus.schema.EVENT_KINDS` begun that year (``disputes`` are
    militarised disputes, ``wars`` wars begun (by the onset hazard, an escalated dispute or an invasion), ``cyber_incidents``
    attributed intrusions, ``commitment_calls`` allies called on to honour a commitment).

References
----------
.. [1] Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." *Journal of Conflict
   Resolution* 19(2): 187-216.
.. [2] Waltz, K. N. 1979. *Theory of International Politics*. Addison-Wesley.
.. [3] Rapkin, D. P., W. R. Thompson and J. A. Christopherson. 1979. "Bipolarity and
   Bipolarization in the Cold War Era." *Journal of Conflict Resolution* 23(2): 261-95.
.. [4] Ray, J. L. and J. D. Singer. 1973; Wayman, F. W. 1984; Laakso, M. and R. Taagepera.
   1979 (see :mod:`foedus.analysis.polarity`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from foedus.analysis.indicators_kernels import co_membership, con_and_effective_years
from foedus.analysis.pole_blocs import contested_states, pole_bloc_leaders, strength_rank
from foedus.analysis.polarity import polarity
from foedus.schema.runs import RunRecord

__all__ = ["INDICATORS", "EVENT_COLUMNS", "DEFAULT_INDICATORS", "check_indicators", "expand_ranges", "run_indicators"]

EVENT_COLUMNS: dict[str, str] = {
    "formation": "formations",
    "accession": "accessions",
    "exit": "exits",
    "dissolution": "dissolutions",
    "dispute": "disputes",
    "war": "wars",
    "crisis": "crises",
    "coalition": "coalition_events",
    "cyber": "cyber_incidents",
    "shock": "shocks",
    "commitment": "commitment_calls",
    "rivalry_onset": "rivalry_onsets",
    "rivalry_end": "rivalry_ends",
    "state_entry": "state_entries",
    "state_exit": "state_exits",
    "war_entry": "war_entries",
}
"""Column of table ``system`` counting each event kind of :data:`foedus.schema.EVENT_KINDS`."""

INDICATORS: dict[str, tuple[str, str]] = {
    "alliances": ("alliances in force", "count"),
    "defense_pacts": ("alliances with a defence obligation in force", "count"),
    "coalitions": ("coalitions in force", "count"),
    "alliance_size": ("mean members per alliance in force", "states"),
    "states": ("states in the system", "count"),
    "aligned_states": ("states with at least one defence pact", "count"),
    "defense_dyads": ("pairs of states linked by a defence pact", "count"),
    "blocs": ("pole-anchored defence blocs of two or more states", "count"),
    "largest_bloc": ("members of the largest bloc", "states"),
    "majors": ("major powers", "count"),
    "poles": ("poles: blocs anchored by a major power", "count"),
    "cluster_poles": ("clusters of allied major powers (Wayman 1984)", "count"),
    "con": ("capability concentration CON (Ray & Singer 1973)", "0-1"),
    "effective_poles": ("effective number of poles", "count"),
    "effective_blocs": ("effective number of blocs", "count"),
    "contested": ("states allied to a major power of another bloc", "count"),
    "milex": ("military expenditure, all states", "thousand US$"),
    "formations": ("agreements formed", "per year"),
    "accessions": ("accessions", "per year"),
    "exits": ("exits", "per year"),
    "dissolutions": ("dissolutions", "per year"),
    "disputes": ("militarised disputes begun", "per year"),
    "wars": ("wars begun", "per year"),
    "crises": ("crises begun", "per year"),
    "coalition_events": ("coalition events", "per year"),
    "cyber_incidents": ("attributed cyber intrusions", "per year"),
    "shocks": ("scheduled shocks", "per year"),
    "commitment_calls": ("allies called to honour a commitment", "per year"),
    "rivalry_onsets": ("strategic rivalries begun", "per year"),
    "rivalry_ends": ("strategic rivalries ended", "per year"),
    "state_entries": ("states entering the system", "per year"),
    "state_exits": ("states leaving the system", "per year"),
    "war_entries": ("states entering a war under way (late allies, opportunists)", "per year"),
}
"""Every column of table ``system`` (besides ``run`` and ``year``): description and unit."""

DEFAULT_INDICATORS: tuple[str, ...] = ("alliances", "defense_pacts", "blocs", "poles", "largest_bloc", "milex", "disputes", "wars")
"""Indicators shown by default in summaries and figures."""


def check_indicators(names: Iterable[str]) -> list[str]:
    """``names`` as a list, after checking each is a column of :data:`INDICATORS`.

    Raises
    ------
    ValueError
        An unknown name (the message lists the known ones).
    """
    names = list(names)
    bad = [n for n in names if n not in INDICATORS]
    if bad:
        raise ValueError(f"unknown indicator(s) {', '.join(bad)}; choose from {', '.join(INDICATORS)}")
    return names


def expand_ranges(start: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row index and value of every integer in ``start[k] .. stop[k]`` (both included).

    Turns spells (of membership, of an agreement in force) into spell-years without a Python
    loop.

    Examples
    --------
    >>> rows, values = expand_ranges(np.array([2000, 2005]), np.array([2001, 2005]))
    >>> rows.tolist(), values.tolist()
    ([0, 0, 1], [2000, 2001, 2005])
    """
    n = np.maximum(stop - start + 1, 0)
    rows = np.repeat(np.arange(len(start)), n)
    offset = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    return rows, start[rows] + offset


def sorted_unique(a: np.ndarray) -> np.ndarray:
    """``numpy.unique(a)`` of an integer array, by a sort: the same values in the same order and dtype.

    NumPy 2's ``unique`` hashes integer arrays and then sorts the distinct values, about four
    times the time of one sort at the sizes of a run's member-years (17,000 values: 2.0 against
    0.5 ms); an integer has one representation, so the distinct values of the sorted array are
    ``unique``'s to the bit (a test holds them equal).

    Examples
    --------
    >>> sorted_unique(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    s = np.sort(np.asarray(a).ravel())
    if len(s) < 2:
        return s
    keep = np.empty(len(s), bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


@dataclass
class _Grid:
    """A run's state-years as dense (year x state) arrays, and its alliance member-years.

    A state is present in a year when it has a ``state_years`` row or an alliance membership.
    Member-years carry the agreement, its defence flag, and the year and state indices.
    """

    first: int
    years: np.ndarray
    codes: np.ndarray
    present: np.ndarray
    cinc: np.ndarray
    major: np.ndarray
    milex: np.ndarray
    tier: np.ndarray
    my_aid: np.ndarray
    my_def: np.ndarray
    m_t: np.ndarray
    m_i: np.ndarray
    sp_aid: np.ndarray
    sp_code: np.ndarray
    sp_t: np.ndarray


    @property
    def shape(self) -> tuple[int, int]:
        return self.present.shape


def _grid(record: RunRecord) -> _Grid:
    """The dense state-years and the alliance member-years of a run record."""
    first, last = int(record.first_year), int(record.last_year)
    Y = last - first + 1
    # the columns as arrays once: boolean indexing of whole DataFrames cost a third of this function
    sy = record.state_years
    cols = {c: sy[c].to_numpy(dtype=d) for c, d in (("year", np.int64), ("ccode", np.int64), ("cinc", float), ("major", bool), ("milex", float), ("tier", object))}
    inside = (cols["year"] >= first) & (cols["year"] <= last)
    if not inside.all():
        cols = {c: v[inside] for c, v in cols.items()}
    sp = record.spells
    alliance = (sp["kind"] == "alliance").to_numpy()
    sp_col = {c: sp[c].to_numpy(dtype=d)[alliance] for c, d in (("agreement_id", np.int64), ("defense", bool), ("entry_year", np.int64), ("exit_year", np.int64), ("ccode", np.int64))}
    lo = np.maximum(sp_col["entry_year"], first)
    hi = np.minimum(sp_col["exit_year"], last)
    rows, my_year = expand_ranges(lo, hi)
    my_code = sp_col["ccode"][rows]
    sy_code = cols["ccode"]
    # numpy.union1d's values; the member-years' codes are those of the spells with a year in the window (a
    # twentieth of the values to sort)
    codes = sorted_unique(np.concatenate([sy_code, sp_col["ccode"][lo <= hi]]))
    N = len(codes)
    ti = cols["year"] - first
    si = np.searchsorted(codes, sy_code)

    def dense(column: str, fill, dtype) -> np.ndarray:
        out = np.full((Y, N), fill, dtype=dtype)
        out[ti, si] = cols[column]
        return out

    present = np.zeros((Y, N), bool)
    present[ti, si] = True
    m_t = my_year - first
    m_i = np.searchsorted(codes, my_code)
    present[m_t, m_i] = True
    return _Grid(
        first=first,
        years=np.arange(first, last + 1, dtype=np.int64),
        codes=codes,
        present=present,
        cinc=dense("cinc", np.nan, float),
        major=dense("major", False, bool),
        milex=dense("milex", np.nan, float),
        tier=dense("tier", None, object),
        my_aid=sp_col["agreement_id"][rows],
        my_def=sp_col["defense"][rows],
        m_t=m_t,
        m_i=m_i,
        sp_aid=sp_col["agreement_id"],
        sp_code=sp_col["ccode"],
        sp_t=np.stack([lo - first, hi - first]),
    )


def _defence_ties(g: _Grid) -> sparse.csr_matrix:
    """Co-membership in defence pacts between the state-years of every year, as one sparse graph.

    The defence-pact network of every year is one bipartite graph of state-years and
    agreement-years; its co-membership ``B.T @ B``, without the diagonal, links allies.
    """
    Y, N = g.shape
    d_aid, d_t, d_i = g.my_aid[g.my_def], g.m_t[g.my_def], g.m_i[g.my_def]
    agr_ids = sorted_unique(d_aid)
    d_a = np.searchsorted(agr_ids, d_aid)  # numpy.unique's inverse: each id's place among the distinct ids
    A = len(agr_ids)
    key = sorted_unique((d_t * max(A, 1) + d_a) * (Y * N) + (d_t * N + d_i))
    ay, sn = key // (Y * N), key % (Y * N)
    # B.T @ B without its diagonal, B the (Y * A, Y * N) 0/1 matrix of (ay, sn): one compiled pass
    return co_membership(ay, sn, Y * max(A, 1), Y * N)


def _state_blocs(g: _Grid, co: sparse.csr_matrix, degree: np.ndarray) -> pd.DataFrame:
    """The table of :func:`_state_bloc_columns` (the bloc table of :func:`foedus.analysis.polarity.state_blocs`)."""
    return pd.DataFrame(_state_bloc_columns(g, co, degree))


def _state_bloc_columns(g: _Grid, co: sparse.csr_matrix, degree: np.ndarray) -> dict[str, np.ndarray]:
    """The pole-anchored bloc of every state present in every year: the table of :func:`foedus.analysis.polarity.state_blocs`.

    All years at once on the one sparse graph of state-years
    (:func:`foedus.analysis.pole_blocs.pole_bloc_leaders`, the kernel :func:`state_blocs` calls),
    with the same columns (``year, ccode, cinc, major, degree, bloc, bloc_size, bloc_cinc,
    bloc_majors, major_cluster, contested``), so that :func:`foedus.analysis.polarity.polarity`
    turns it into the polarity columns exactly as it does a history's. As arrays: a run's
    indicators need no DataFrame of them (:func:`_state_blocs` makes one).
    """
    Y, N = g.shape
    flat_p = g.present.ravel()
    t_of = np.repeat(np.arange(Y), N)
    codes = np.tile(g.codes, Y)
    c0 = np.nan_to_num(g.cinc.ravel(), nan=0.0) * flat_p
    flat_major = g.major.ravel() & flat_p
    row = np.repeat(np.arange(co.shape[0], dtype=co.indices.dtype), np.diff(co.indptr))  # co.tocoo()'s rows, in its order
    up = row < co.indices  # co is symmetric: each pact-dyad once
    e_i, e_j = row[up], co.indices[up]
    lab = pole_bloc_leaders(strength_rank(c0, codes, t_of), flat_major, e_i, e_j)
    # cluster polarity (Wayman 1984): components of the major-power subgraph (its pact-dyads, not co[midx][:, midx]'s
    # two sparse slicings: the labels number the components by their first node, whatever the edges' order); a label per state-year
    major_cluster = np.arange(Y * N)
    midx = np.flatnonzero(flat_major)
    if len(midx):
        at = np.full(Y * N, -1, np.int64)
        at[midx] = np.arange(len(midx))
        mm = flat_major[e_i] & flat_major[e_j]
        sub = sparse.coo_matrix((np.ones(int(mm.sum())), (at[e_i[mm]], at[e_j[mm]])), shape=(len(midx), len(midx)))
        major_cluster[midx] = Y * N + connected_components(sub, directed=False)[1]
    rows = np.flatnonzero(flat_p)
    return {
        "year": g.years[t_of[rows]],
        "ccode": codes[rows],
        "cinc": g.cinc.ravel()[rows],
        "major": flat_major[rows],
        "degree": degree.ravel()[rows].astype(np.int64),
        "bloc": codes[lab[rows]],
        "bloc_size": np.bincount(lab, weights=flat_p, minlength=Y * N)[lab[rows]].astype(np.int64),
        "bloc_cinc": np.bincount(lab, weights=c0, minlength=Y * N)[lab[rows]],
        "bloc_majors": np.bincount(lab, weights=flat_major, minlength=Y * N)[lab[rows]].astype(np.int64),
        "major_cluster": major_cluster[rows],
        "contested": contested_states(lab, flat_major, e_i, e_j)[rows],
    }


def _polarity(g: _Grid, blocs: pd.DataFrame | dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The polarity columns of every year: :func:`foedus.analysis.polarity.polarity` of the run's bloc table (or its columns)."""
    if not len(blocs["year"]):  # no state in any year: nothing to count (polarity needs a year to report)
        counts = ("blocs", "largest_bloc", "majors", "poles", "cluster_poles", "contested")
        return {c: np.zeros(len(g.years), np.int64) if c in counts else np.full(len(g.years), np.nan) for c in _POLARITY_COLUMNS}
    t = np.searchsorted(g.years, np.asarray(blocs["year"]))
    if not np.bincount(t, minlength=len(g.years)).all():  # a year without any state: the reference's reindexing decides (rare)
        table = polarity(None, blocs_table=pd.DataFrame(blocs)).reindex(g.years)  # the table alone decides (history unused)
        return {c: table[c].to_numpy() for c in _POLARITY_COLUMNS}
    return polarity_arrays(t, len(g.years), {c: np.asarray(blocs[c]) for c in ("bloc", "bloc_size", "bloc_cinc", "major", "major_cluster", "cinc", "contested")})


def polarity_arrays(t: np.ndarray, n_years: int, cols: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The polarity columns of :func:`foedus.analysis.polarity.polarity` of a bloc table, from its columns as arrays.

    The same numbers, to the bit, without pandas' group-by (about a fifth of the indicators'
    time of a 30-year run): ``t`` (rows,) is each row's year index, rows ordered by year (as
    :func:`_state_blocs` writes them), every one of the ``n_years`` years present; ``cols``
    holds the table's columns ``bloc, bloc_size, bloc_cinc, major, major_cluster, cinc,
    contested``. The counts are ``bincount`` of the distinct (year, bloc) or (year, cluster)
    keys; CON (Ray & Singer 1973) and the effective numbers (Laakso & Taagepera 1979) call
    :func:`~foedus.analysis.polarity.concentration` and
    :func:`~foedus.analysis.polarity.effective_number` on each year's values in row order, as
    the group-by does, so their sums add in the same order. A test holds it equal to
    :func:`~foedus.analysis.polarity.polarity`.
    """
    from foedus.analysis.polarity import concentration, effective_number

    Y = int(n_years)
    bloc, size = cols["bloc"].astype(np.int64), cols["bloc_size"]
    maj = cols["major"].astype(bool)

    def distinct(sel: np.ndarray, label: np.ndarray) -> np.ndarray:
        """Per year, the number of distinct ``label`` among the rows ``sel``; and the first row of each."""
        lab = label[sel].astype(np.int64)
        key = t[sel].astype(np.int64) * (int(lab.max()) + 1 if len(lab) else 1) + (lab - (int(lab.min()) if len(lab) else 0))
        _, first = np.unique(key, return_index=True)
        return np.flatnonzero(sel)[np.sort(first)]

    starts = np.searchsorted(t, np.arange(Y))
    poles_rows = distinct(maj, bloc)
    out = {
        "blocs": np.bincount(t[distinct(size >= 2, bloc)], minlength=Y).astype(np.int64),
        "largest_bloc": np.maximum.reduceat(size, starts).astype(np.int64),
        "majors": np.bincount(t[maj], minlength=Y).astype(np.int64),
        "poles": np.bincount(t[poles_rows], minlength=Y).astype(np.int64),
        "cluster_poles": np.bincount(t[distinct(maj, cols["major_cluster"])], minlength=Y).astype(np.int64),
    }
    m_rows = np.flatnonzero(maj)
    c = np.nan_to_num(cols["cinc"][m_rows].astype(float), nan=0.0)  # the group-by's fillna(0.0)
    m_t, p_t = t[m_rows], t[poles_rows]
    # concentration's and effective_number's own first step (nan_to_num of floats), once for all years
    bloc_cinc = np.nan_to_num(np.asarray(cols["bloc_cinc"][poles_rows], dtype=float), nan=0.0)
    if (c < 0).any() or (bloc_cinc < 0).any():  # let the reference functions raise as they do
        for y in sorted_unique(m_t).tolist():
            concentration(c[m_t == y]), effective_number(bloc_cinc[p_t == y])
    # _con_and_effective of each year with a major power (its majors' CINC, its poles' blocs' CINC), in one compiled pass
    years = con_and_effective_years(c, m_t, bloc_cinc, p_t, Y)
    if years is None:  # a year of more than 128 major powers: the loop
        years = tuple(np.full(Y, np.nan) for _ in range(3))
        for y in sorted_unique(m_t).tolist():
            years[0][y], years[1][y] = _con_and_effective(c[m_t == y])
            years[2][y] = _con_and_effective(bloc_cinc[p_t == y])[1]
    out.update(con=years[0], effective_poles=years[1], effective_blocs=years[2])
    out["contested"] = np.bincount(t, weights=cols["contested"].astype(np.int64), minlength=Y).astype(np.int64)
    return {k: out[k] for k in _POLARITY_COLUMNS}


def _con_and_effective(c: np.ndarray) -> tuple[float, float]:
    """:func:`~foedus.analysis.polarity.concentration` and :func:`~foedus.analysis.polarity.effective_number` of ``c``.

    ``c`` is already what both functions make of their argument (``nan_to_num`` of floats, none
    negative): the same operations in the same order, the shares and their sum of squares computed
    once for both, so the same bits (a test holds :func:`polarity_arrays` to
    :func:`~foedus.analysis.polarity.polarity`) at a third of the cost of the two calls.
    """
    n = c.size
    if n == 0 or c.sum() <= 0:
        return float("nan"), float("nan")
    s = c / c.sum()
    q = np.sum(s**2)
    con = float("nan") if n < 2 else float(np.sqrt(max((q - 1.0 / n) / (1.0 - 1.0 / n), 0.0)))
    return con, float(1.0 / q)


_POLARITY_COLUMNS = ("blocs", "largest_bloc", "majors", "poles", "cluster_poles", "con", "effective_poles", "effective_blocs", "contested")
"""The columns of table ``system`` that :func:`foedus.analysis.polarity.polarity` computes."""


def _agreements_in_force(record: RunRecord, g: _Grid) -> dict[str, np.ndarray]:
    """Per year: alliances, defence pacts and coalitions in force, and the mean alliance size."""
    Y = g.shape[0]
    first = g.first
    last = first + Y - 1
    sp = record.spells
    # each agreement's first row, in order: drop_duplicates("agreement_id")'s rows, without building the frame
    ag = np.sort(np.unique(sp["agreement_id"].to_numpy(), return_index=True)[1])
    kind = sp["kind"].to_numpy(dtype=object)[ag]
    a_lo = np.maximum(sp["start_year"].to_numpy(dtype=np.int64)[ag], first) - first
    a_hi = np.minimum(sp["until_year"].to_numpy(dtype=np.int64)[ag], last) - first

    def in_force(mask: np.ndarray) -> np.ndarray:
        _, t = expand_ranges(a_lo[mask], a_hi[mask])
        return np.bincount(t, minlength=Y)[:Y]

    is_all = kind == "alliance"
    alliances = in_force(is_all)
    member_years = _distinct_member_years(g, Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        alliance_size = np.where(alliances > 0, member_years / np.maximum(alliances, 1), np.nan)
    return {
        "alliances": alliances.astype(np.int64),
        "defense_pacts": in_force(is_all & sp["defense"].to_numpy(dtype=bool)[ag]).astype(np.int64),
        "coalitions": in_force(kind == "coalition").astype(np.int64),
        "alliance_size": alliance_size,
    }


def _distinct_member_years(g: _Grid, Y: int) -> np.ndarray:
    """Per year, the distinct (alliance, state) memberships in force: a state's overlapping spells in one alliance count once.

    The member-years of the spells, without sorting them: each (alliance, state)'s spells in
    the window, ordered by first year, add the years not already covered by the earlier ones
    (after the running maximum of their last years), as a difference array over the years.
    """
    lo, hi = g.sp_t
    inside = lo <= hi
    aid, code, lo, hi = g.sp_aid[inside], g.sp_code[inside], lo[inside], hi[inside]
    order = np.lexsort((lo, code, aid))
    aid, code, lo, hi = aid[order], code[order], lo[order], hi[order]
    new = np.ones(len(aid), bool)
    new[1:] = (aid[1:] != aid[:-1]) | (code[1:] != code[:-1])
    group = np.cumsum(new)
    # the running maximum of the last years within each group: the groups' offsets keep the groups apart
    reach = np.maximum.accumulate(hi + group * (Y + 1)) - group * (Y + 1)
    before = np.full(len(aid), -1, dtype=np.int64)
    before[1:] = reach[:-1]
    before[new] = -1
    start = np.maximum(lo, before + 1)
    adds = start <= hi
    diff = np.bincount(start[adds], minlength=Y + 1)[: Y + 1] - np.bincount(hi[adds] + 1, minlength=Y + 1)[: Y + 1]
    return np.cumsum(diff)[:Y]


def _event_counts(record: RunRecord, first: int, Y: int) -> dict[str, np.ndarray]:
    """Per year, the events of each kind (columns of :data:`EVENT_COLUMNS`)."""
    ec = record.event_counts
    # the columns as arrays once (not a pandas comparison per kind): the same rows in the same order
    kinds = ec["kind"].to_numpy(dtype=object)
    t_all = ec["year"].to_numpy(dtype=np.int64) - first
    n_all = ec["count"].to_numpy(dtype=np.int64)
    in_range = (t_all >= 0) & (t_all < Y)
    out = {}
    for k, col in EVENT_COLUMNS.items():
        sel = (kinds == k) & in_range
        out[col] = np.bincount(t_all[sel], weights=n_all[sel], minlength=Y).astype(np.int64)
    return out


def run_indicators(record: RunRecord) -> dict[str, pd.DataFrame]:
    """Indicators of one run, per year (``system``) and per state and year (``states``).

    Vectorised over years, states and agreements: membership spells are expanded to
    member-years with ``numpy.repeat``; the defence-pact network of every year is one sparse
    bipartite graph (state-years and agreement-years), whose co-membership ``B.T @ B`` links
    the state-years of allies and gives each state's number of defence partners; the
    pole-anchored blocs of every year are found at once on that graph
    (:func:`foedus.analysis.pole_blocs.pole_bloc_leaders`; see the module docstring), and the
    polarity columns are :func:`foedus.analysis.polarity.polarity` of the table of blocs.

    Parameters
    ----------
    record : foedus.schema.runs.RunRecord

    Returns
    -------
    dict
        ``"system"``: one row per year, columns ``year`` and :data:`INDICATORS` (see the
        module docstring). ``"states"``: one row per state present and year, columns ``year,
        ccode, milex`` (thousand US$), ``cinc``, ``major``, ``tier``, ``degree`` (defence
        partners), ``bloc`` (the bloc leader's code: the anchoring major power of a bloc
        with a pole, the strongest member by CINC of a pole-less bloc, ties to the lower
        code; the state itself when unaligned), ``bloc_size``, ``contested`` (allied to a
        major power of another bloc).

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 2000, "end": None, "members": [2, 200]}], first_year=2000, last_year=2002)
    >>> tables = run_indicators(RunRecord.from_history(h))
    >>> tables["system"]["alliances"].tolist(), tables["states"]["degree"].tolist()
    ([1, 1, 1], [1, 1, 1, 1, 1, 1])
    """
    g = _grid(record)
    Y, N = g.shape
    co = _defence_ties(g)
    degree = np.diff(co.indptr).reshape(Y, N)
    blocs = _state_bloc_columns(g, co, degree)
    system = pd.DataFrame(
        {
            "year": g.years,
            **_agreements_in_force(record, g),
            "states": g.present.sum(axis=1).astype(np.int64),
            "aligned_states": ((degree > 0) & g.present).sum(axis=1).astype(np.int64),
            "defense_dyads": (degree.sum(axis=1) // 2).astype(np.int64),
            **_polarity(g, blocs),
            "milex": np.nansum(np.where(g.present, g.milex, np.nan), axis=1),
            **_event_counts(record, g.first, Y),
        },
        copy=False,  # the arrays are this function's own: no copy, no consolidation into blocks (the same table)
    )
    t_idx, s_idx = np.nonzero(g.present)  # year-major, as the bloc table's rows
    states = pd.DataFrame(
        {
            "year": g.years[t_idx],
            "ccode": g.codes[s_idx],
            "milex": g.milex[t_idx, s_idx],
            "cinc": g.cinc[t_idx, s_idx],
            "major": g.major[t_idx, s_idx],
            "tier": pd.Categorical(g.tier[t_idx, s_idx], categories=("superpower", "great", "regional", "secondary")),
            "degree": blocs["degree"],
            "bloc": blocs["bloc"],
            "bloc_size": blocs["bloc_size"],
            "contested": blocs["contested"],
        },
        copy=False,
    )
    return {"system": system, "states": states}
