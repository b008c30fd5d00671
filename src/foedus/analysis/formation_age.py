"""Formation by a state's years in the system, and with whom new states sign (issues 12, 17: "a frozen world").

Do new states seek allies in their first years? Weak states ally to survive (Walt 1987); former metropoles keep
security hierarchies over their former colonies (Lake 2009); a defence pact with every neighbour lowers a state's risk
of being targeted over territory (Gibler & Wolford 2006), a reason for a state with new borders to seek its
neighbours; non-aggression pacts signal that former rivals' quarrel is over, often among several states at once (Lupu &
Poast 2016), as among the successor states of an empire. None publishes a rate by a state's age; the 1990s record
seems to show one (of ATOP 5.1's pacts begun 1990-2018, two thirds have a Soviet successor state as a member).
:mod:`foedus.analysis.entrants` compares the first ten years with the rest, all obligations pooled; this module
adds the two finer questions the decision to model a new-state effect needs, on any history (the record or a run) by
one rule:

- :func:`formation_by_age`: pacts *founded* (a founding member, :func:`foedus.analysis.formation.begun_founders`) per
  system state-year by years since first entry, in bands (0-4, 5-9, 10+ by default), split bilateral / multilateral and
  by strongest obligation, and standardised for region (indirect standardisation: each band's state-years in each
  COW region, :func:`foedus.theory.regions.cow_region`, times that region's rate among the oldest band, Breslow & Day
  1987 ch. 2), with an exact Poisson interval of the standardised ratio;
- :func:`entrant_partners`: signing pairs per 1,000 dyad-years by kind of pair: a new state with its former ruler
  (``former_ruler``, given by the caller: no record here codes colonial or imperial origin), two new states of one
  cohort (first entries at most ``cohort_years`` apart), other pairs of two new states, a new state with a land
  neighbour, with another old state; and the old pairs, neighbours and others (the comparison).

*Entry* is first entry (``first_entry``; default the first year of each state's first spell in ``history.states``);
a state in the system since the list's start (1816) is never new (censoring, not birth). For a run started from the
record, pass the record's first entries (the actors' ``since``).

What the record says (ATOP 5.1, COW state list and direct contiguity; measured in session 14, in-sample eras only for
the choice): founders per state-year, region-standardised ratio to the states of 10+ years, 1816-1914 0-4 years 0.49
(5 foundings), 5-9 1.03; 1946-1989 0-4 1.34 (71; 95 %: 1.04-1.69), 5-9 0.61 (32; 0.42-0.86); pooled in sample 0-4
1.20 (0.95-1.50), 5-9 0.67 (0.49-0.91), 0-9 0.94: the first years' small excess is paid back in the next five, no level
effect. 1919-1938: 0.52, 0.67. Only 1990-2018 has one: 5.0 (4.2-5.9) and 2.1, 0-9 3.6. By kind of pair (bilateral
pacts per 1,000 dyad-years, 1816-1914 / 1946-1989 / 1990-2018): two new states of one cohort 0.0 / 0.16 / 16.0 (the
decolonised states' pacts with each other are multilateral: 13.3 in 1946-1989 counting every founding pair, from a
handful of treaties); a new state and a land neighbour 11.6 / 9.9 / 32.6 (old neighbours 6.8 / 8.3 / 5.2); a new state
and another old state 0.34 / 0.49 / 1.17 (old non-neighbours 0.49 / 0.40 / 0.26). The in-sample form that stands out
is the former ruler (:data:`FORMER_RULER`, hand-coded): in 1946-1989 a decolonised state and its former metropole sign
18 bilateral pacts in 904 dyad-years, 19.9 per 1,000 (30 founding pairs, 33 per 1,000), 2.4 times old land neighbours
and 50 times other old pairs (France's defence pacts with Mali, Madagascar, Gabon of 1960, Djibouti 1977, the
Comoros 1978; Britain's with Jordan, Sri Lanka, Malaysia, Nigeria, Malta, the Gulf states); in 1816-1914 one in 246
dyad-years (4.1: the Latin American and Balkan states won independence from Spain and the Ottoman Empire by war). So it
is decolonisation's form (Lake 2009 on the security hierarchies former metropoles kept), and small: at the pooled
in-sample 16.5 per 1,000 it would give Russia and its fourteen former republics about 2-3 pacts in their first ten
years, where the record has about 17 bilateral ones.

References
----------
.. [1] Walt, S. M. 1987. *The Origins of Alliances*. Ithaca: Cornell University Press.
.. [2] Lake, D. A. 2009. *Hierarchy in International Relations*. Ithaca: Cornell University Press.
.. [3] Gibler, D. M. and S. Wolford. 2006. "Alliances, Then Democracy: An Examination of the Relationship between
   Regime Type and Alliance Formation." *Journal of Conflict Resolution* 50(1): 129-53.
.. [4] Lupu, Y. and P. Poast. 2016. "Team of Former Rivals? A Multilateral Theory of Non-Aggression Pacts." *Journal
   of Peace Research* 53(3): 344-58.
.. [5] Breslow, N. E. and N. E. Day. 1987. *Statistical Methods in Cancer Research II: The Design and Analysis of
   Cohort Studies*. Lyon: IARC (indirect standardisation).
.. [6] Garwood, F. 1936. "Fiducial Limits for the Poisson Distribution." *Biometrika* 28: 437-42.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

import numpy as np
import pandas as pd

from foedus.analysis.dyad_formation import _signing_pairs, system_members
from foedus.analysis.formation import begun_founders
from foedus.data.succession import FORMER_RULER
from foedus.schema import History
from foedus.theory.reassurance import STATE_LIST_START
from foedus.theory.regions import cow_region

__all__ = [
    "AGE_BANDS", "FORMER_RULER", "PAIR_KINDS", "STATE_LIST_START", "entrant_partners", "first_entries", "formation_by_age", "formation_with_new_states",
]

AGE_BANDS = (0, 5, 10)
"""Lower edges of the age bands, years since first entry: 0-4, 5-9, 10+ (the last band open; old members in it)."""
PAIR_KINDS = ("ruler", "cohort", "new_new", "new_neighbour", "new_old", "old_neighbour", "old_old")
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")



def first_entries(history: History) -> pd.Series:
    """ccode -> the first year of its first spell in ``history.states`` (the record's first entry)."""
    return history.states.groupby("ccode")["start_year"].min().astype("int64")


def _entries(history: History, first_entry: pd.Series | None) -> pd.Series:
    """Each state's first entry: ``first_entry`` checked (whole years, no gaps), or :func:`first_entries` of ``history``."""
    if first_entry is None:
        return first_entries(history)
    if first_entry.isna().any():
        raise ValueError(f"first_entry: no year for states {first_entry.index[first_entry.isna()].tolist()[:5]}; drop them or give their year")
    return first_entry.astype("int64")


def _band_labels(edges: tuple[int, ...]) -> list[str]:
    if not len(edges) or edges[0] != 0 or any(b <= a for a, b in pairwise(edges)):
        raise ValueError(f"bands must be increasing lower edges starting at 0, got {tuple(edges)}")
    return [f"{lo}-{hi - 1}" for lo, hi in pairwise(edges)] + [f"{edges[-1]}+"]


def _ages(ccodes: np.ndarray, years: np.ndarray, entry: pd.Series) -> np.ndarray:
    """Years since first entry (inf for a member of the list's start or of unknown entry)."""
    e = pd.Series(ccodes).map(entry).fillna(STATE_LIST_START).to_numpy(dtype="float64")
    return np.where(e <= STATE_LIST_START, np.inf, years - e)


def _state_years(history: History, first: int, last: int) -> pd.DataFrame:
    """One row (ccode, year) per system state-year in ``first..last`` (vectorised over spells)."""
    s = history.states
    lo = np.maximum(s["start_year"].to_numpy(dtype="int64"), first)
    hi = np.minimum(s["end_year"].astype("float64").fillna(last).to_numpy(), last).astype("int64")
    n = np.maximum(hi - lo + 1, 0)
    cc = np.repeat(s["ccode"].to_numpy(dtype="int64"), n)
    start = np.repeat(lo, n)
    offs = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    return pd.DataFrame({"ccode": cc, "year": start + offs}).drop_duplicates()


def _poisson_interval(k: int, level: float = 0.95) -> tuple[float, float]:
    """Exact (Garwood 1936) interval of a Poisson mean given ``k`` events."""
    from scipy.stats import chi2

    q = (1.0 - level) / 2.0
    lo = 0.0 if k == 0 else chi2.ppf(q, 2 * k) / 2.0
    return float(lo), float(chi2.ppf(1.0 - q, 2 * k + 2) / 2.0)


def formation_by_age(
    history: History, first: int, last: int, *, first_entry: pd.Series | None = None,
    bands: tuple[int, ...] = AGE_BANDS, min_begun_id: int | None = None,
) -> pd.DataFrame:
    """Pacts founded per state-year by years since first entry, bilateral / multilateral, by obligation, region-standardised.

    Parameters
    ----------
    history : History
        The record or a run; its ``states`` spells give the system state-years.
    first, last : int
        The era, both years included (pacts begun in it).
    first_entry : Series (ccode -> year), optional
        Each state's first entry (:func:`first_entries` by default; for a run, the record's).
    bands : tuple of int
        Increasing lower edges of the age bands, the first 0 (:data:`AGE_BANDS`).
    min_begun_id : int, optional
        In a run, the first id of an agreement formed during the run (inherited ones are not begun).

    Returns
    -------
    DataFrame indexed by band label (``"0-4"``, ``"5-9"``, ``"10+"``): ``state_years``, ``founders`` (founding
    memberships), ``rate`` (per state-year), ``bilateral``, ``multilateral``, one count per strongest obligation,
    ``expected`` (the band's state-years by COW region times that region's rate in the last band), ``ratio``
    (founders / expected, 1 in the last band) and its exact 95 % Poisson interval ``ratio_lo``, ``ratio_hi``.

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1921, "end": None, "members": [2, 310], "obligations": ("neutrality",)}],
    ...                 first_year=1816, last_year=1930, states={2: (1816, None), 310: (1918, None)})
    >>> t = formation_by_age(h, 1919, 1930)
    >>> t.loc["0-4", ["state_years", "founders", "bilateral"]].tolist()
    [4.0, 1.0, 1.0]
    """
    entry = _entries(history, first_entry)
    labels, edges = _band_labels(bands), np.asarray(bands, dtype=float)
    sy = _state_years(history, first, last)
    sy_band = np.searchsorted(edges, _ages(sy["ccode"].to_numpy(), sy["year"].to_numpy(), entry), side="right") - 1
    sy_reg = cow_region(sy["ccode"].to_numpy())
    f, ob = begun_founders(history, first, last, min_begun_id)
    size = f.groupby("agreement_id")["ccode"].transform("size").to_numpy()
    f_band = np.searchsorted(edges, _ages(f["ccode"].to_numpy(dtype="int64"), f["year"].to_numpy(dtype="int64"), entry), side="right") - 1
    f_reg = cow_region(f["ccode"].to_numpy(dtype="int64"))
    lab = ob.reindex(f["agreement_id"].to_numpy()).to_numpy()
    nb, nr = len(labels), 5
    n_sy = np.zeros((nb, nr)); np.add.at(n_sy, (sy_band, sy_reg), 1.0)
    n_f = np.zeros((nb, nr)); np.add.at(n_f, (f_band, f_reg), 1.0)
    ref = np.divide(n_f[-1], n_sy[-1], out=np.zeros(nr), where=n_sy[-1] > 0)
    rows = {}
    for b, name in enumerate(labels):
        k, n, exp = n_f[b].sum(), n_sy[b].sum(), float(n_sy[b] @ ref)
        lo, hi = _poisson_interval(int(k))
        row = {"state_years": n, "founders": k, "rate": k / n if n else float("nan"),
               "bilateral": float(((f_band == b) & (size == 2)).sum()), "multilateral": float(((f_band == b) & (size > 2)).sum())}
        row.update({o: float(((f_band == b) & (lab == o)).sum()) for o in OBLIGATIONS})
        row.update({"expected": exp, "ratio": k / exp if exp else float("nan"),
                    "ratio_lo": lo / exp if exp else float("nan"), "ratio_hi": hi / exp if exp else float("nan")})
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def _contiguity_matrix(contiguity: pd.DataFrame, year: int, members: np.ndarray, max_conttype: int) -> np.ndarray:
    c = contiguity
    keep = (c["conttype"].to_numpy() <= max_conttype) & (c["start_year"].to_numpy() <= year)
    keep &= c["end_year"].astype("float64").fillna(np.inf).to_numpy() >= year
    pos = pd.Series(np.arange(len(members)), index=members)
    a = pos.reindex(c["ccode1"].to_numpy(dtype="int64")[keep]).to_numpy()
    b = pos.reindex(c["ccode2"].to_numpy(dtype="int64")[keep]).to_numpy()
    ok = ~(np.isnan(a) | np.isnan(b))
    m = np.zeros((len(members), len(members)), dtype=bool)
    m[a[ok].astype(int), b[ok].astype(int)] = True
    return m | m.T


def _kind_matrix(members, year, entry, contiguity, max_conttype, window, cohort_years, ruler) -> np.ndarray:
    """(n, n) index into :data:`PAIR_KINDS` of every pair of this year's members (upper triangle used)."""
    e = pd.Series(members).map(entry).fillna(STATE_LIST_START).to_numpy(dtype="float64")
    new = (e > STATE_LIST_START) & (year - e < window)
    both, one = new[:, None] & new[None, :], new[:, None] ^ new[None, :]
    cont = _contiguity_matrix(contiguity, year, members, max_conttype)
    k = np.where(cont, PAIR_KINDS.index("old_neighbour"), PAIR_KINDS.index("old_old"))
    k = np.where(one, np.where(cont, PAIR_KINDS.index("new_neighbour"), PAIR_KINDS.index("new_old")), k)
    cohort = np.abs(e[:, None] - e[None, :]) <= cohort_years
    k = np.where(both, np.where(cohort, PAIR_KINDS.index("cohort"), PAIR_KINDS.index("new_new")), k)
    if ruler:
        r = pd.Series(members).map(ruler).to_numpy(dtype="float64")
        is_r = (members[None, :] == r[:, None]) & new[:, None]
        k = np.where(is_r | is_r.T, PAIR_KINDS.index("ruler"), k)
    return k


def entrant_partners(
    history: History, first: int, last: int, contiguity: pd.DataFrame, *, first_entry: pd.Series | None = None,
    window: int = 10, cohort_years: int = 2, former_ruler: Mapping[int, int] | None = None, max_conttype: int = 1,
    min_begun_id: int | None = None,
) -> pd.DataFrame:
    """Signing pairs per 1,000 dyad-years by kind of pair (:data:`PAIR_KINDS`): with whom do new states sign?

    A state is *new* in its first ``window`` years after first entry; a pair *signs* in a year when both found an
    alliance begun that year (:func:`foedus.analysis.dyad_formation.dyad_formation`'s rule), counted over all pacts
    (every founding pair of a multilateral treaty) and over bilateral pacts alone.

    Parameters
    ----------
    contiguity : DataFrame
        ``ccode1, ccode2, conttype, start_year, end_year`` (the record's ``extras["contiguity"]``).
    first_entry : Series (ccode -> year), optional
        As in :func:`formation_by_age`.
    window, cohort_years : int
        Years a state stays new; largest gap between two new states' first entries that makes them one cohort.
    former_ruler : mapping ccode -> ccode, optional
        Each new state's former ruler (metropole or the state it seceded from); none in the record, the caller's.

    Returns
    -------
    DataFrame indexed by kind: ``dyad_years``, ``pairs``, ``rate`` (per 1,000), ``bilateral``, ``rate_bilateral``.

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1992, "end": None, "members": [365, 369], "obligations": ("nonaggression",)}],
    ...                 first_year=1990, last_year=1993, states={365: (1816, None), 369: (1991, None), 2: (1816, None)})
    >>> t = entrant_partners(h, 1992, 1993, pd.DataFrame(columns=["ccode1", "ccode2", "conttype", "start_year", "end_year"]),
    ...                      former_ruler={369: 365})
    >>> t.loc["ruler", ["dyad_years", "pairs", "bilateral"]].tolist()
    [2.0, 1.0, 1.0]
    """
    entry = _entries(history, first_entry)
    ruler = dict(former_ruler or {})
    allp = _signing_pairs(history, first, last, False, min_begun_id)
    bil = _signing_pairs(history, first, last, True, min_begun_id)
    nk = len(PAIR_KINDS)
    dy, n_all, n_bil = np.zeros(nk), np.zeros(nk), np.zeros(nk)
    for year in range(int(first), int(last) + 1):  # one vectorised pass per year
        m = system_members(history, year)
        if len(m) < 2:
            continue
        k = _kind_matrix(m, year, entry, contiguity, max_conttype, window, cohort_years, ruler)
        iu = np.triu_indices(len(m), 1)
        dy += np.bincount(k[iu], minlength=nk)
        pos = pd.Series(np.arange(len(m)), index=m)
        for p, out in ((allp, n_all), (bil, n_bil)):
            py = p[p["year"].to_numpy() == year].drop_duplicates(["ccode1", "ccode2"])
            a, b = pos.reindex(py["ccode1"].to_numpy()).to_numpy(), pos.reindex(py["ccode2"].to_numpy()).to_numpy()
            ok = ~(np.isnan(a) | np.isnan(b))
            out += np.bincount(k[a[ok].astype(int), b[ok].astype(int)], minlength=nk)
    with np.errstate(invalid="ignore", divide="ignore"):
        return pd.DataFrame({"dyad_years": dy, "pairs": n_all, "rate": 1000.0 * n_all / dy, "bilateral": n_bil,
                             "rate_bilateral": 1000.0 * n_bil / dy}, index=list(PAIR_KINDS))


def formation_with_new_states(
    history: History, first: int, last: int, *, first_entry: pd.Series | None = None, window: int = 10,
    min_begun_id: int | None = None,
) -> pd.Series:
    """The era's formation per state-year (the validation fact: pacts begun over system state-years) split by whether a
    founder is new (in its first ``window`` years after first entry) or all founders are old, bilateral pacts apart.

    Where a run's shortfall lies: in 1946-1989 the record forms 0.0150 pacts a state-year with a new founder and 0.0313
    among old states only, in 1990-2018 0.0270 and 0.0299 (ATOP 5.1): the old states' rate holds, the new states' doubles.

    Returns
    -------
    Series: ``state_years``, ``pacts``, ``with_new``, ``old_only``, ``with_new_bilateral``, ``old_only_bilateral``
    (counts) and the same names with ``_rate`` (per state-year).

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1992, "end": None, "members": [365, 369]},
    ...                  {"id": 2, "start": 1993, "end": None, "members": [2, 365, 200]}],
    ...                 first_year=1990, last_year=1993, states={2: (1816, None), 200: (1816, None), 365: (1816, None), 369: (1991, None)})
    >>> t = formation_with_new_states(h, 1992, 1993)
    >>> t[["state_years", "with_new", "old_only", "with_new_bilateral", "old_only_bilateral"]].tolist()
    [8.0, 1.0, 1.0, 1.0, 0.0]
    """
    entry = _entries(history, first_entry)
    f, _ = begun_founders(history, first, last, min_begun_id)
    age = _ages(f["ccode"].to_numpy(dtype="int64"), f["year"].to_numpy(dtype="int64"), entry)
    g = f.assign(new=age < window).groupby("agreement_id")
    with_new, bilateral = g["new"].any().to_numpy(), (g.size() == 2).to_numpy()
    n = float(len(_state_years(history, first, last)))
    out = pd.Series({
        "state_years": n, "pacts": float(len(with_new)), "with_new": float(with_new.sum()), "old_only": float((~with_new).sum()),
        "with_new_bilateral": float((with_new & bilateral).sum()), "old_only_bilateral": float((~with_new & bilateral).sum()),
    })
    rates = (out.iloc[1:] / n if n else out.iloc[1:] * np.nan).add_suffix("_rate")
    return pd.concat([out, rates])
