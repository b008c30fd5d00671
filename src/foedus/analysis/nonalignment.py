r"""Does staying out of alliances predict staying out? The record of non-alignment and the hazard of entering a pact (issues 12, 17).

A state that has stayed out of defence and offence pacts for many years (Sweden since 1814, Switzerland since 1815,
Ireland since 1922) is said to stay out by policy: non-alignment becomes a habit, an identity and a domestic
consensus that a government does not overturn without a shock (Karsh 1988, *Neutrality and Small States*; Agius 2006,
*The Social Construction of Swedish Neutrality*; on the persistence of alignment choices, Gibler & Wolford 2006 and
Crescenzi, Kathman, Kleinberg & Wood 2012, a state's own alliance history shaping its next choice). If so, the yearly
hazard of entering a pact falls with the years a state has stayed out: negative duration dependence, which
:func:`nonalignment_hazard` measures on any history, the record or a run, by one rule.

*Years out* of a state in year ``y`` (:func:`years_out`): the consecutive system years before ``y`` in which it was a
member of no pact with a defence or offence obligation (the agreement's obligations, as a run records them: a state
protected by an asymmetric pledge, Japan by the United States' since 1951, is allied), counted back to its last such year or to its first year in the system (so a state of 1816 counts from
1816: the record's start is censoring). A state-year is *at risk* when the state was out the year before (years out
at least 1); it *enters* when it is a member of a defence or offence pact in ``y``.

What the record says (ATOP 5.1, COW state list; ``nonalignment_hazard(load_record(), 0, 0, eras=...)``): in the
in-sample eras (1816-1914 and 1946-1989 pooled) the yearly hazard of entering is 0.063 for a state out 1-4 years (783
state-years at risk), 0.058 at 5-9, 0.032 at 10-19, 0.016 at 20-39 and 0.008 at 40 or more (756): a state out 40
years stays out ten more with probability 0.92, one out 1-4 years with 0.52. A Poisson fit of the hazard on log years
out gives :math:`h(t) \approx 0.11 t^{-0.51}` (standard error of the elasticity 0.07; 1816-1914 0.55, 1946-1989
0.41). Out of sample (measured, not used): 1919-1938 0.061 at 1-4 and 0.003 at 40+; 1990-2018 0.083 and 0.011 (the
European Union's treaty, ATOP 4175, with its mutual-assistance clause of 2007, counts Sweden, Austria, Ireland, Malta
and Cyprus in).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.schema import History

__all__ = ["PROTECTIVE", "years_out", "nonalignment_hazard"]

PROTECTIVE = ("defense", "offense")
"""The obligations that make a state aligned: a pledge to fight (ATOP defence or offence)."""

DEFAULT_BINS = (1, 5, 10, 20, 40)
"""Lower edges of the bins of years out of :func:`nonalignment_hazard` (the last open)."""


def _protected(history: History) -> pd.DataFrame:
    """``ccode, year`` pairs in which a state was a member of a defence or offence pact (unique)."""
    m = history.memberships
    ob = history.agreements.set_index("agreement_id")[list(PROTECTIVE)].fillna(False).astype(bool).any(axis=1)
    m = m[m["agreement_id"].map(ob).fillna(False).astype(bool).to_numpy()]
    first = m["entry_year"].to_numpy(dtype=np.int64)
    last = m["exit_year"].astype("float64").fillna(history.last_year).to_numpy().astype(np.int64)
    last = np.maximum(last, first)
    n = last - first + 1
    years = np.repeat(first, n) + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    return pd.DataFrame({"ccode": np.repeat(m["ccode"].to_numpy(dtype=np.int64), n), "year": years}).drop_duplicates()


def years_out(history: History) -> pd.DataFrame:
    """Each state-year of ``history.state_years`` with ``aligned`` (a member of a defence or offence pact that year) and
    ``years_out``: the consecutive system years before it in which the state was not (0 when it was the year before).

    Returns
    -------
    DataFrame
        ``ccode, year, aligned, years_out``, sorted by state and year.
    """
    sy = history.state_years[["ccode", "year"]].astype(np.int64).drop_duplicates().sort_values(["ccode", "year"])
    prot = _protected(history)
    sy = sy.merge(prot.assign(aligned=True), on=["ccode", "year"], how="left")
    sy["aligned"] = sy["aligned"].astype("boolean").fillna(False).astype(bool)
    aligned = sy["aligned"].to_numpy()
    ccode = sy["ccode"].to_numpy()
    new_state = np.r_[True, ccode[1:] != ccode[:-1]]
    # run length of unaligned years ending the year before: reset at each aligned year and at each state's first year
    out = np.zeros(len(sy), np.int64)
    reset = np.flatnonzero(new_state | np.r_[False, aligned[:-1]])
    idx = np.arange(len(sy))
    start = reset[np.searchsorted(reset, idx, side="right") - 1]
    out = idx - start
    out[new_state] = 0
    # a state aligned the year before has 0; one whose first year it is has 0 too (no record yet)
    sy["years_out"] = np.where(np.r_[False, aligned[:-1]] & ~new_state, 0, out)
    return sy.reset_index(drop=True)


def nonalignment_hazard(history: History, first: int, last: int, bins: tuple[int, ...] = DEFAULT_BINS, eras: list[tuple[int, int]] | None = None) -> pd.DataFrame:
    """The yearly hazard of entering a defence or offence pact by the years a state has stayed out (see the module docstring).

    Parameters
    ----------
    history : History
    first, last : int
        The years observed (state-years of ``first..last``); ``eras``, if given, a list of such windows pooled instead.
    bins : tuple of int
        Lower edges of the bins of years out (the last bin open).

    Returns
    -------
    DataFrame
        One row per bin: ``years_out`` (its label), ``from``, ``state_years`` at risk, ``entries``, ``hazard``
        (entries per state-year at risk) and ``stay_10`` (the chance of staying out ten more years at that hazard).
    """
    t = years_out(history)
    windows = eras or [(first, last)]
    keep = np.zeros(len(t), bool)
    for f, l in windows:
        keep |= t["year"].between(f, l).to_numpy()
    t = t[keep & (t["years_out"] >= 1).to_numpy()]
    edges = np.asarray(bins)
    b = np.searchsorted(edges, t["years_out"].to_numpy(), side="right") - 1
    rows = []
    for k, lo in enumerate(edges):
        sel = b == k
        n, e = int(sel.sum()), int(t["aligned"].to_numpy()[sel].sum())
        hi = f"-{edges[k + 1] - 1}" if k + 1 < len(edges) else "+"
        h = e / n if n else np.nan
        rows.append({"years_out": f"{lo}{hi}", "from": int(lo), "state_years": n, "entries": e, "hazard": h, "stay_10": (1 - h) ** 10 if n else np.nan})
    return pd.DataFrame(rows)
