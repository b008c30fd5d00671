"""Alliance portfolios: the valued tie matrix of a year, from the record or a simulated run (brief H2).

Each state ``i`` has a portfolio vector ``T[i, :]``: its tie level with every state ``k`` of a
reference set (itself included), on an ordinal scale. This module builds ``T`` from a
:class:`~foedus.schema.History` (:func:`portfolio_matrix`; :class:`Portfolios` for many years)
with every choice exposed: the mapping from ATOP obligations to tie levels
(:data:`ATOP_TIE_LEVELS`) and the regions of regional reference sets (:data:`COW_REGIONS`). The
similarity of two portfolios is measured in :mod:`foedus.analysis.similarity`.

Tie levels
----------
The ordinal scale is the Correlates of War alliance typology used by Bueno de Mesquita (1975)
and Signorino & Ritter (1999): 3 defence pact, 2 neutrality or non-aggression pact, 1 entente,
0 no alliance (Singer & Small 1966). ATOP obligation types (Leeds et al. 2002) are put on it as

======================================  =====
shared ATOP obligation                  level
======================================  =====
defence                                 3
offence, neutrality or non-aggression   2
consultation (only)                     1
none                                    0
======================================  =====

ATOP's consultation pledge (consult in a crisis) plays the part of the COW entente; offence,
which the COW typology lacks, counts as a commitment short of defence. Two states sharing
several alliances in a year take the highest level among them. A state's tie with itself is
the highest level (3), as in Bueno de Mesquita (1975) and Signorino & Ritter (1999). The
mapping is a parameter (``levels=``) of every function here.

Membership in a year
--------------------
A state is allied through an agreement in year ``y`` when its membership spell covers ``y``
(``entry_year <= y`` and ``exit_year`` is missing or ``>= y``) and the agreement is in force in
``y`` (``start_year <= y`` and ``end_year`` missing or ``>= y``; a missing end is
right-censoring, the agreement still in force when the record ends). Only members of the COW
state system in ``y`` (``history.states`` spells) enter the tie matrix; ATOP members outside
the system are dropped.

Obligations are those of the agreement (``history.agreements``; for the record, ATOP's
alliance-level file, i.e. every obligation the alliance carried in any phase). If
``history.memberships`` also carries the obligation columns (member- and phase-specific, as in
ATOP's member file ``atop5_1m``), those are used instead: two members are tied at the highest
level either of them pledged in an agreement they share.

Checked against ATOP's own directed dyad-year file (``atop5_1ddyr``, Leeds et al. 2002) with
the same mapping: the allied dyads are the same in 1816, 1914, 1955, 2000 and 2018. Levels can
differ where obligations changed between phases (the EU treaties, ATOP 4175: consultation
1992–2007, defence after; with member-level obligations they match in 2000), where ATOP codes
an obligation towards some members only (Romania in ATOP 1355, 1914), and in years of
unification (1990: West and unified Germany are both system members and both in NATO that
year, never on the same day).

References
----------
.. [1] Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." *Journal of Conflict
   Resolution* 19(2): 187–216.
.. [2] Signorino, C. S., and J. M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity
   of Foreign Policy Positions." *International Studies Quarterly* 43(1): 115–144.
.. [3] Leeds, B. A., J. M. Ritter, S. M. Mitchell, and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815–1944." *International Interactions* 28: 237–260.
.. [4] Singer, J. D., and M. Small. 1966. "Formal Alliances, 1815–1939: A Quantitative
   Description." *Journal of Peace Research* 3(1): 1–32.
.. [5] Bennett, D. S., and A. C. Stam. 2000. "EUGene: A Conceptual Manual." *International
   Interactions* 26(2): 179–204.
.. [6] Jones, D. M., S. A. Bremer, and J. D. Singer. 1996. "Militarized Interstate Disputes,
   1816–1992." *Conflict Management and Peace Science* 15(2): 163–213 (COW region codes).
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import numpy as np

import pandas as pd
from numba import njit

from foedus.schema import OBLIGATIONS, History
from foedus.theory.obligations import cow_region as theory_cow_region

__all__ = ["ATOP_TIE_LEVELS", "COW_REGIONS", "cow_region", "check_levels", "Portfolios", "system_members", "portfolio_matrix"]

ATOP_TIE_LEVELS: dict[str, int] = {
    "defense": 3,
    "offense": 2,
    "neutrality": 2,
    "nonaggression": 2,
    "consultation": 1,
}
"""Tie level of each ATOP obligation type (module docstring: COW typology carried over to ATOP)."""

COW_REGIONS: tuple[tuple[str, int, int], ...] = (
    ("Americas", 2, 165),
    ("Europe", 200, 399),
    ("Africa", 402, 626),
    ("Middle East", 630, 698),
    ("Asia/Oceania", 700, 990),
)
"""COW regions as inclusive ranges of COW state codes, (name, lowest, highest).

The five regions of the Correlates of War convention (Jones, Bremer & Singer 1996; EUGene,
Bennett & Stam 2000), Oceania counted with Asia. The regional reference set of a dyad is every
system member in the region of either state (Signorino & Ritter 1999 discuss global and
regional reference sets).
"""


def cow_region(ccodes: Iterable[int]) -> np.ndarray:
    """COW region index (position in :data:`COW_REGIONS`) of each COW state code.

    Parameters
    ----------
    ccodes : iterable of int
        Correlates of War state codes.

    Returns
    -------
    numpy.ndarray of int
        0 Americas, 1 Europe, 2 Africa, 3 Middle East, 4 Asia/Oceania, one per code.

    Raises
    ------
    ValueError
        A code outside every region's range, named in the message.
    """
    c = np.asarray(list(ccodes) if not isinstance(ccodes, np.ndarray) else ccodes, dtype=np.int64)
    valid = np.zeros(c.shape, dtype=bool)
    for _, lo, hi in COW_REGIONS:
        valid |= (c >= lo) & (c <= hi)
    if not valid.all():
        bad = sorted(set(c[~valid].tolist()))
        raise ValueError(f"state code(s) {bad[:10]} fall in no COW region (ranges: {_region_text()})")
    return theory_cow_region(c).astype(np.int64)  # the one definition (foedus.theory.obligations)


def _region_text() -> str:
    """The COW regions and their code ranges, for error messages."""
    return "; ".join(f"{n} {lo}-{hi}" for n, lo, hi in COW_REGIONS)


def check_levels(levels: Mapping[str, int]) -> dict[str, int]:
    """``levels`` as a plain dict of ints, after checking it is a tie-level mapping.

    Parameters
    ----------
    levels : mapping of obligation name to int
        Keys among :data:`foedus.schema.OBLIGATIONS`, values integers 0..15, at least one >= 1.

    Raises
    ------
    ValueError
        An unknown obligation, a level out of range, or no level above 0.
    """
    lv = dict(levels)
    unknown = [k for k in lv if k not in OBLIGATIONS]
    if unknown:
        raise ValueError(f"levels: unknown obligation(s) {unknown}; expected keys among {', '.join(OBLIGATIONS)}")
    for k, v in lv.items():
        if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or not 0 <= int(v) <= 15:
            raise ValueError(f"levels[{k!r}] must be an integer tie level between 0 and 15, got {v!r}")
    if not lv or max(lv.values()) < 1:
        raise ValueError("levels: at least one obligation must have a tie level >= 1")
    return {k: int(v) for k, v in lv.items()}


@njit(cache=True)
def _tie_kernel(T: np.ndarray, pos: np.ndarray, agr: np.ndarray, lev: np.ndarray) -> None:
    """Raise ``T[i, j]`` to the tie of every pair of members of each agreement (rows sorted by agreement).

    Two members of an agreement are tied at the higher of their two obligation levels (the same
    level for all members when obligations are agreement-level); over several shared agreements
    the highest level wins.
    """
    start = 0
    rows = pos.size
    while start < rows:
        stop = start + 1
        while stop < rows and agr[stop] == agr[start]:
            stop += 1
        for r in range(start, stop):
            for s in range(start, stop):
                i = pos[r]
                j = pos[s]
                if i != j:
                    level = max(lev[r], lev[s])
                    if level > T[i, j]:
                        T[i, j] = level
        start = stop


class Portfolios:
    """The portfolios of a history, year by year: inputs precomputed once, ties per year.

    System spells, memberships with their tie levels, and capability weights are read once;
    :meth:`ties` then builds the tie matrix of any year in one compiled pass.

    Parameters
    ----------
    history : foedus.schema.History
    levels : mapping of obligation name to int
        Tie levels (:data:`ATOP_TIE_LEVELS`); checked with :func:`check_levels`.
    kinds : sequence of str
        Agreement kinds that count.
    """

    def __init__(self, history: History, levels: Mapping[str, int], kinds: Sequence[str]):
        self.levels = check_levels(levels)
        self.top = max(self.levels.values())
        st = history.states
        self.st_code = st["ccode"].to_numpy(dtype=np.int64)
        self.st_start = st["start_year"].to_numpy(dtype=np.int64)
        self.st_end = st["end_year"].astype("Float64").fillna(np.inf).to_numpy(dtype=float)

        ag = history.agreements
        ag = ag[ag["kind"].isin(list(kinds))]
        lev = np.zeros(len(ag), dtype=np.int64)
        for ob, v in self.levels.items():
            lev = np.maximum(lev, np.where(ag[ob].to_numpy(dtype=bool), v, 0))
        ag_level = pd.Series(lev, index=ag["agreement_id"].to_numpy())
        ag_start = pd.Series(ag["start_year"].to_numpy(dtype=np.int64), index=ag_level.index)
        ag_end = pd.Series(ag["end_year"].astype("Float64").fillna(np.inf).to_numpy(dtype=float), index=ag_level.index)

        ms = history.memberships
        ms = ms[ms["agreement_id"].isin(ag_level.index)]
        aid = ms["agreement_id"].to_numpy(dtype=np.int64)
        self.m_agreement = aid
        self.m_code = ms["ccode"].to_numpy(dtype=np.int64)
        if all(ob in ms.columns for ob in OBLIGATIONS):
            # Member-level (per phase) obligations, as in ATOP's member file, when the table has them.
            mlev = np.zeros(len(ms), dtype=np.int64)
            for ob, v in self.levels.items():
                mlev = np.maximum(mlev, np.where(ms[ob].fillna(False).to_numpy(dtype=bool), v, 0))
            self.m_level = mlev
        else:
            self.m_level = ag_level.reindex(aid).to_numpy(dtype=np.int64)
        entry = ms["entry_year"].to_numpy(dtype=float)
        exit_ = ms["exit_year"].astype("Float64").fillna(np.inf).to_numpy(dtype=float)
        # A member is allied in y when both its spell and the agreement cover y.
        self.m_from = np.maximum(entry, ag_start.reindex(aid).to_numpy(dtype=float))
        self.m_to = np.minimum(exit_, ag_end.reindex(aid).to_numpy(dtype=float))

        sy = history.state_years
        self.cinc = pd.Series(
            sy["cinc"].to_numpy(dtype=float),
            index=pd.MultiIndex.from_arrays([sy["ccode"].to_numpy(dtype=np.int64), sy["year"].to_numpy(dtype=np.int64)]),
        )

    def members(self, year: int) -> np.ndarray:
        """Sorted COW codes of the system members in ``year``."""
        on = (self.st_start <= year) & (self.st_end >= year)
        return np.unique(self.st_code[on])

    def ties(self, year: int) -> tuple[np.ndarray, np.ndarray]:
        """System members of ``year`` (sorted COW codes) and their int8 tie matrix (diagonal: top level)."""
        codes = self.members(year)
        n = codes.size
        T = np.zeros((n, n), dtype=np.int8)
        if n == 0:
            return codes, T
        on = (self.m_from <= year) & (self.m_to >= year)
        code = self.m_code[on]
        pos = np.minimum(np.searchsorted(codes, code), n - 1)
        inside = codes[pos] == code
        pos, agr, lev = pos[inside], self.m_agreement[on][inside], self.m_level[on][inside]
        order = np.argsort(agr, kind="stable")
        _tie_kernel(T, pos[order], agr[order], lev[order])
        np.fill_diagonal(T, self.top)
        return codes, T

    def weights(self, codes: np.ndarray, year: int) -> np.ndarray:
        """CINC of each of ``codes`` in ``year`` (0 where the record has none)."""
        idx = pd.MultiIndex.from_arrays([codes, np.full(codes.size, year, dtype=np.int64)])
        w = self.cinc.reindex(idx).to_numpy(dtype=float)
        return np.nan_to_num(w, nan=0.0)


def system_members(history: History, year: int) -> np.ndarray:
    """COW codes of the members of the state system in ``year``.

    Parameters
    ----------
    history : foedus.schema.History
        Its ``states`` spells (``start_year <= year`` and ``end_year`` missing or ``>= year``)
        define membership (Correlates of War Project 2017 for the record).
    year : int
        Calendar year.

    Returns
    -------
    numpy.ndarray of int
        Sorted, unique state codes: the rows and columns of :func:`portfolio_matrix`.
    """
    st = history.states
    end = st["end_year"].astype("Float64").fillna(np.inf).to_numpy(dtype=float)
    on = (st["start_year"].to_numpy(dtype=np.int64) <= year) & (end >= year)
    return np.unique(st["ccode"].to_numpy(dtype=np.int64)[on])


def portfolio_matrix(
    history: History,
    year: int,
    levels: Mapping[str, int] = ATOP_TIE_LEVELS,
    kinds: Sequence[str] = ("alliance",),
) -> pd.DataFrame:
    """The valued alliance tie matrix of ``year`` over the system members (brief H2).

    Entry ``[i, k]`` is the tie level (module docstring, :data:`ATOP_TIE_LEVELS`) between
    states ``i`` and ``k``: the highest level among the agreements both belong to in ``year``,
    0 if none; the diagonal is the highest level of the scale. Row ``i`` is state ``i``'s
    alliance portfolio (Bueno de Mesquita 1975). Built in one compiled (numba) pass over the
    members of each agreement in force.

    Parameters
    ----------
    history : foedus.schema.History
        The record or a simulated run.
    year : int
        Calendar year.
    levels : mapping of obligation name to int
        Tie level of each obligation type (keys among :data:`foedus.schema.OBLIGATIONS`); an
        agreement's level is the highest over the obligations it carries.
    kinds : sequence of str
        Agreement kinds that count (default: alliances only; coalitions and organisations are
        not alliance ties).

    Notes
    -----
    Membership and obligations in a year follow the module docstring: both the member's spell
    and the agreement cover the year; agreement-level obligations unless ``history.memberships``
    carries member-level obligation columns.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, int8; index and columns are the COW codes (``ccode``).

    Examples
    --------
    >>> T = portfolio_matrix(load_record(), 1955)   # doctest: +SKIP
    >>> int(T.loc[2, 200])                           # USA-UK: NATO, a defence pact  # doctest: +SKIP
    3
    """
    pf = Portfolios(history, levels, kinds)
    codes, T = pf.ties(int(year))
    idx = pd.Index(codes, name="ccode")
    return pd.DataFrame(T, index=idx, columns=idx.rename("ccode_k"))
