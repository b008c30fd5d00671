"""Formation per dyad-year: is alliance formation a dyadic hazard, and where do the runs lose pacts? (issues 12, 17).

The dyad-year designs of the alliance literature (Lai & Reiter 2000; Gibler & Wolford 2006) treat
formation as a hazard of each pair of system members, opportunity (contiguity: Most & Starr 1989;
Siverson & Starr 1990) raising it. :func:`dyad_formation` measures that hazard on any history,
the record or a run, by one rule: for every year of an era, the pairs of system members
(``history.states`` spells) split into *contiguous* pairs (the record's contiguity table,
``conttype`` at most ``max_conttype``: 1 is a land border) and *other* pairs; a pair *signs* in a
year when both are founding members of an alliance begun that year
(:func:`foedus.analysis.size.founding_members`), labelled by the alliance's strongest obligation
(:func:`foedus.analysis.formation.primary_obligation`); the rate is signing pairs per 1,000
dyad-years. Bilateral pacts only by default (``bilateral_only``): a multilateral treaty of k
founders makes k (k - 1) / 2 pairs, which would weigh one treaty as many.

What the record says (ATOP 5.1, COW state list and direct contiguity, bilateral pacts): the
hazard of the *other* pairs is nearly the same in every era, 0.46 per 1,000 dyad-years in
1816-1914, 0.68 in 1919-1938, 0.40 in 1946-1989 and 0.44 in 1990-2018; that of land neighbours
6.6, 14.5, 7.7 and 9.2. So the record's formation per state-year rises from 1946-1989 to
1990-2018 because the system holds more pairs per state (about 125 members on average in
1946-1989, 185 in 1990-2018), not because a pair signs more readily: a model whose per-pair
hazard is right in 1946-1989 should keep it when the system grows. Split by a major power
(``split_major``), the non-contiguous pairs with one sign non-aggression pacts at 1.05 per 1,000
dyad-years in 1946-1989 and 1.04 in 1990-2018 (consultation 0.48 and 0.72) while their defence
pacts fall from 1.25 to 0.18: the great powers' treaties of friendship with distant states are
as old as the Cold War (the Soviet Union's and China's with Egypt, India, Iraq, Angola, Ethiopia,
Guinea, Mali), and so are the 1990s ones (France, Germany, Italy, Spain, Russia with the
post-communist states). Of the record's bilateral pacts of 1946-1989, 42 defence and 24 other
pacts join land neighbours, 31 and 40 a major power and a state it does not border, 30 and 42
two other states.

By kind of pair and age (:func:`dyad_formation_by_kind`: land neighbours, a major power with a state it does not
border, two minor states of one COW region, two of different regions; *new* when one of the two entered the system
at most ten years before), the record refines this: the pairs of old members sign *less* readily in 1990-2018 than in
1946-1989 (0.33 against 0.63 per 1,000 dyad-years: neighbours 5.2 against 8.2, a major with a distant state 1.6
against 2.0, one region 0.37 against 0.70, other 0.086 against 0.145), and the pairs with a new state six times as
readily as the old ones (2.04: neighbours 45.7, a major 8.0, one region 2.9, other 0.77), when in 1946-1989 the new
states of decolonisation signed no more than the old ones (0.53 per 1,000). The 1990s surge is the post-Soviet,
post-Yugoslav and Central European states' treaties (89 % of them without a defence pledge), which no
in-sample era shows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.formation import begun_founders
from foedus.schema import History
from foedus.theory.regions import cow_region

__all__ = ["dyad_formation", "dyad_formation_by_kind", "system_members"]

GROUPS = ("contiguous", "other")
MAJOR_GROUPS = ("contiguous", "other_major", "other_minor")
"""The groups with ``split_major``: the other pairs split by whether one of the two is a major power that year."""
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")
KINDS = ("contiguous", "major", "region", "distant")
"""The kinds of :func:`dyad_formation_by_kind`: land neighbours; a major power with a state it does not border; two
minor states of one COW region that do not border; two minor states of different regions."""


def system_members(history: History, year: int) -> np.ndarray:
    """The ccodes of the system members in ``year`` (a spell of ``history.states`` covers it; an open spell runs on), sorted."""
    s = history.states
    start = s["start_year"].to_numpy(dtype="int64")
    end = s["end_year"].astype("float64").fillna(np.inf).to_numpy()
    return np.unique(s["ccode"].to_numpy(dtype="int64")[(start <= year) & (end >= year)])


def _contiguous_in(contiguity: pd.DataFrame, year: int, max_conttype: int) -> set[tuple[int, int]]:
    c = contiguity
    keep = (c["conttype"].to_numpy() <= max_conttype) & (c["start_year"].to_numpy() <= year)
    keep &= c["end_year"].astype("float64").fillna(np.inf).to_numpy() >= year
    a, b = c["ccode1"].to_numpy(dtype="int64")[keep], c["ccode2"].to_numpy(dtype="int64")[keep]
    return set(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()))


def _signing_pairs(history: History, first: int, last: int, bilateral_only: bool, min_begun_id: int | None) -> pd.DataFrame:
    """(year, ccode1 < ccode2, obligation) of every pair of founding members of an alliance begun in ``first..last``."""
    f, ob = begun_founders(history, first, last, min_begun_id)
    size = f.groupby("agreement_id")["ccode"].transform("size")
    if bilateral_only:
        f = f[size == 2]
    p = f.merge(f, on=["agreement_id", "year"])
    p = p[p["ccode_x"] < p["ccode_y"]]
    return pd.DataFrame({
        "year": p["year"].to_numpy(dtype="int64"), "ccode1": p["ccode_x"].to_numpy(dtype="int64"), "ccode2": p["ccode_y"].to_numpy(dtype="int64"),
        "obligation": ob.reindex(p["agreement_id"].to_numpy()).to_numpy(),
    })


def dyad_formation(
    history: History, first: int, last: int, contiguity: pd.DataFrame, *, max_conttype: int = 1, bilateral_only: bool = True,
    min_begun_id: int | None = None, split_major: bool = False,
) -> pd.DataFrame:
    """Signing pairs per 1,000 dyad-years in ``first..last``, for contiguous and other pairs of system members, by obligation.

    Parameters
    ----------
    history : History
        The record or a run; its ``states`` spells give the system members of each year.
    first, last : int
        The era, both years included (alliances begun in it).
    contiguity : DataFrame
        ``ccode1, ccode2, conttype, start_year, end_year`` (the record's ``extras["contiguity"]``; pass the
        record's for a run).
    max_conttype : int
        The largest COW contiguity type counted as contiguous (1: a land border; 2-5: across water).
    bilateral_only : bool
        Count the founding pairs of bilateral pacts only (default).
    min_begun_id : int, optional
        In a run, the first id of an agreement formed during the run.
    split_major : bool
        Split the other pairs into ``other_major`` (one of the two a major power that year, ``history.state_years.major``)
        and ``other_minor`` (:data:`MAJOR_GROUPS`).

    Returns
    -------
    DataFrame indexed by group (``contiguous``, ``other``, or :data:`MAJOR_GROUPS`): ``dyad_years``, ``pacts`` (signing
    pairs), ``rate`` (per 1,000 dyad-years) and ``rate_<obligation>`` for each strongest obligation.

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1991, "end": None, "members": [2, 20], "obligations": ("nonaggression",)}],
    ...                 first_year=1990, last_year=1991, states={2: (1816, None), 20: (1920, None), 40: (1902, None)})
    >>> c = pd.DataFrame({"ccode1": [2], "ccode2": [20], "conttype": [1], "start_year": [1920], "end_year": [2016]})
    >>> t = dyad_formation(h, 1990, 1991, c)
    >>> t.loc["contiguous", ["dyad_years", "pacts", "rate"]].tolist(), float(t.loc["other", "dyad_years"])
    ([2.0, 1.0, 500.0], 4.0)
    """
    pairs = _signing_pairs(history, first, last, bilateral_only, min_begun_id)
    groups = MAJOR_GROUPS if split_major else GROUPS
    sy = {g: 0 for g in groups}
    counts = {g: {o: 0 for o in (*OBLIGATIONS, "all")} for g in groups}
    majors = _majors(history) if split_major else {}
    for year in range(int(first), int(last) + 1):
        members = system_members(history, year)
        inside = set(members.tolist())
        cont = {d for d in _contiguous_in(contiguity, year, max_conttype) if d[0] in inside and d[1] in inside}
        group_of = _grouper(cont, majors.get(year, set()) & inside, split_major)
        for g, n in _pair_counts(len(members), cont, majors.get(year, set()) & inside, split_major).items():
            sy[g] += n
        py = pairs[pairs["year"] == year]
        for a, b, o in zip(py["ccode1"].tolist(), py["ccode2"].tolist(), py["obligation"].tolist()):
            if a in inside and b in inside:
                g = group_of(a, b)
                counts[g]["all"] += 1
                if o in counts[g]:
                    counts[g][o] += 1
    rows = {}
    for g in groups:
        d = float(sy[g])
        row = {"dyad_years": d, "pacts": float(counts[g]["all"]), "rate": 1000.0 * counts[g]["all"] / d if d else float("nan")}
        for o in OBLIGATIONS:
            row[f"rate_{o}"] = 1000.0 * counts[g][o] / d if d else float("nan")
        rows[g] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def _majors(history: History) -> dict[int, set[int]]:
    """year -> the ccodes that are major powers that year (``history.state_years.major``)."""
    sy = history.state_years
    m = sy[sy["major"].astype(bool)]
    return {int(y): set(g["ccode"].astype("int64").tolist()) for y, g in m.groupby("year")}


def _pair_counts(n: int, cont: set, majors: set, split_major: bool) -> dict[str, int]:
    """The pairs of each group among ``n`` members with the contiguous pairs ``cont`` and the major powers ``majors``."""
    other = n * (n - 1) // 2 - len(cont)
    if not split_major:
        return {"contiguous": len(cont), "other": other}
    k = len(majors)
    with_major = k * (n - k) + k * (k - 1) // 2 - sum(1 for a, b in cont if a in majors or b in majors)
    return {"contiguous": len(cont), "other_major": with_major, "other_minor": other - with_major}


def _grouper(cont: set, majors: set, split_major: bool):
    def group_of(a: int, b: int) -> str:
        if (a, b) in cont:
            return "contiguous"
        if not split_major:
            return "other"
        return "other_major" if (a in majors or b in majors) else "other_minor"

    return group_of


def dyad_formation_by_kind(
    history: History, first: int, last: int, contiguity: pd.DataFrame, *, new_years: int = 10, max_conttype: int = 1,
    bilateral_only: bool = True, min_begun_id: int | None = None,
) -> pd.DataFrame:
    """Signing pairs per 1,000 dyad-years by kind of pair (:data:`KINDS`) and whether one of the two is a new state.

    The rule of :func:`dyad_formation` (same pairs, same signing), with the pairs split into the kinds of :data:`KINDS`
    (COW regions: :func:`foedus.theory.regions.cow_region`; majors: ``history.state_years.major``) and by ``new``: one of
    the two first entered the system (its earliest ``history.states`` spell) at most ``new_years`` years before
    (the post-Soviet and post-Yugoslav states of the 1990s; :mod:`foedus.analysis.formation_age` measures the rate by
    age since entry).

    Returns
    -------
    DataFrame indexed by (kind, new): ``dyad_years``, ``pacts``, ``rate`` and ``rate_defense`` (defence or offence the
    strongest obligation) and ``rate_other`` per 1,000 dyad-years.

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1991, "end": None, "members": [2, 20], "obligations": ("nonaggression",)}],
    ...                 first_year=1990, last_year=1991, states={2: (1816, None), 20: (1920, None), 40: (1902, None)})
    >>> c = pd.DataFrame({"ccode1": [2], "ccode2": [20], "conttype": [1], "start_year": [1920], "end_year": [2016]})
    >>> t = dyad_formation_by_kind(h, 1990, 1991, c)
    >>> t.loc[("contiguous", False), ["dyad_years", "pacts"]].tolist()
    [2.0, 1.0]
    """
    pairs = _signing_pairs(history, first, last, bilateral_only, min_begun_id)
    majors = _majors(history)
    entry = history.states.groupby("ccode")["start_year"].min()
    index = pd.MultiIndex.from_product([KINDS, (False, True)], names=["kind", "new"])
    dy = pd.Series(0.0, index=index)
    counts = pd.DataFrame(0.0, index=index, columns=["pacts", "fighting"])
    for year in range(int(first), int(last) + 1):
        members = system_members(history, year)
        n = len(members)
        if n < 2:
            continue
        at = {c: k for k, c in enumerate(members.tolist())}
        kind, new = _kinds(members, year, contiguity, max_conttype, majors.get(year, set()), entry, new_years)
        iu = np.triu_indices(n, 1)
        table = pd.crosstab(kind[iu], new[iu])
        for k_i, row in table.iterrows():
            for nw, v in row.items():
                dy[(KINDS[k_i], bool(nw))] += float(v)
        py = pairs[pairs["year"] == year]
        for a, b, o in zip(py["ccode1"].tolist(), py["ccode2"].tolist(), py["obligation"].tolist()):
            if a in at and b in at:
                key = (KINDS[kind[at[a], at[b]]], bool(new[at[a], at[b]]))
                counts.loc[key, "pacts"] += 1
                counts.loc[key, "fighting"] += o in ("defense", "offense")
    d = dy.to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "dyad_years": d, "pacts": counts["pacts"].to_numpy(), "rate": 1000.0 * counts["pacts"].to_numpy() / d,
            "rate_defense": 1000.0 * counts["fighting"].to_numpy() / d, "rate_other": 1000.0 * (counts["pacts"] - counts["fighting"]).to_numpy() / d,
        }, index=index)
    return out


def _kinds(members: np.ndarray, year: int, contiguity: pd.DataFrame, max_conttype: int, majors: set, entry: pd.Series, new_years: int):
    """(N, N) kind codes (positions in :data:`KINDS`) and new-state flags of the pairs of ``members`` in ``year``."""
    n = len(members)
    at = {c: k for k, c in enumerate(members.tolist())}
    cont = np.zeros((n, n), bool)
    for a, b in _contiguous_in(contiguity, year, max_conttype):
        if a in at and b in at:
            cont[at[a], at[b]] = cont[at[b], at[a]] = True
    region = cow_region(members)
    major = np.isin(members, np.fromiter(majors, dtype=np.int64, count=len(majors)))
    kind = np.full((n, n), 3)
    kind[region[:, None] == region[None, :]] = 2
    kind[major[:, None] | major[None, :]] = 1
    kind[cont] = 0
    young = (year - entry.reindex(members).fillna(-10**6).to_numpy(dtype="int64")) <= new_years
    return kind, young[:, None] | young[None, :]
