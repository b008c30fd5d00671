"""Who signs with whom: formation per dyad-year by kind of pair and strongest obligation (issue 12, issue 17 item 1).

A model that matches an era's formation total by the wrong pairs fails when the world's composition changes (more new
states, fewer blocs). :func:`formation_by_pair_kind` splits an era's signing pairs, on any history (the record or a run)
by one rule, into the kinds of pair the alliance literature's dyad-year designs name (Lai & Reiter 2000; Gibler &
Wolford 2006): land neighbours (opportunity: Most & Starr 1989), neighbours across water, two states of one COW region,
far pairs, a new state and its former ruler (Lake 2009; :func:`foedus.data.succession.ruler_pairs`), a new state and
others, a major power and a minor one, two major powers, two democracies (Polity2 >= 6 both: Lai & Reiter 2000), two
rivals and two states with a rival in common (Thompson & Dreyer 2012), two states already allied and two with an ally in
common (the network's triadic closure: Cranmer, Desmarais & Kirkland 2012). The kinds overlap (a pair of neighbours can
be democracies); :data:`PARTITION` also assigns each pair to the first of seven exclusive kinds (allied, ruler, new,
neighbours, major, same region, far) so that the counts add up to the era's.

A pair *signs* in a year when both found an alliance begun that year (:func:`foedus.analysis.formation.begun_founders`);
``pairs`` counts every founding pair (a treaty of k founders gives k (k - 1) / 2), ``bilateral`` the bilateral pacts alone
(one a pact: the unit of the era facts' formation rate), split by the pact's strongest obligation.

What the record says and what the model does (measured in session 22, in-sample eras only; ATOP 5.1, COW contiguity,
Thompson & Dreyer rivalries, Polity5; the model main cccbd09, record-built runs of the two eras, seeds 1-6, mean per
run). Bilateral pacts in 1946-1989, record / model, in the exclusive kinds: already allied 63 / 3.0 (defence 50 / 0:
the Warsaw Pact's bilateral treaties of 1964-1977, the Arab League's defence pacts of 1955-1984, the United States' with
its SEATO and CENTO partners; 31 of the 63 with a bilateral pact of the two still in force, a treaty renewed or replaced, 32
inside a multilateral treaty alone; 1816-1914: 3 and 13 of 16); former ruler 18 / 34 (defence 12 / 34); new state and
others 33 / 61.5 (defence 6 / 30.2); land neighbours 30 / 49.2 (non-aggression 13 / 30.2); a major power and a minor one
27 / 50.2 (defence 7 / 44.2, non-aggression 13 / 5.3, consultation 6 / 0.3); one region 14 / 33.7 (defence 9 / 0.2,
non-aggression 5 / 26.3); far pairs 24 / 5.0 (non-aggression 22 / 4.7: the Soviet bloc's treaties of friendship of
1978-1985 with Ethiopia, Mozambique, Angola, South Yemen, Afghanistan and Libya). All 209 / 236.5. By obligation over the
overlapping kinds: of the record's 87 bilateral non-aggression pacts 50 join far pairs (not neighbours, not one region) and
36 land neighbours or one region's states; of the model's 97.3, 3.7 and 90.8. So the model matches 1946-1989's totals
(formation 0.0455 a state-year against 0.0463, non-aggression 0.0183 against 0.0182) with pacts of reassurance between
neighbours and new states' and former rulers' defence pacts in place of the record's treaties of friendship between
distant states and its bilateral pacts inside blocs (its allied dyad-years are 6.3 thousand a run against the record's
31.2: members per alliance 2.11 against 2.90). In 1816-1914 the totals agree (67 / 67.0 bilateral pacts) and most kinds
(land neighbours 21 / 20.7, one region 4 / 3.5, new states 10 / 8.2), not the allied pairs (16 / 2.5), a major and a minor
(15 / 31.5, defence 4 / 15.3), nor rivals (34 / 18.3; defence 18 / 1.2: the great powers' pacts with their rivals, which
the model's pledge credibility discounts). Pairs with an ally in common and not allied sign bilateral pacts at 0.76 per
1,000 dyad-years in the record's 1946-1989 and 2.8 in the model's: the model closes triads more than the record, not less.

What moves the model's pairs (the same runs' formation events, their factors and motives): its neighbours' non-aggression
pacts carry the settlement term (:mod:`foedus.sim.steps.settlement`) in three of five; its one-region ones join old European
states, a third of them in 1946-1950, on the reassurance good of this year's threat (median 0.07-0.14 a side, the cost about
0.06); its defence pacts of a major power and a minor one, of new states and of former rulers are balancing against a threat
(the motive's median share 0.37-0.55), two thirds of the new states' and rulers' ones in 1961-1970. Nothing in it makes a
great power or its bloc value a distant minor state's pledge (the record's treaties of friendship: Snyder 1997's preemptive
alignment, Morrow 1991's concessions for a lesser pledge), and its rule that a pair bound as strongly already signs nothing
more (:mod:`foedus.sim.steps.alignment`: goods the pair's pacts provide count nothing) leaves out the record's bilateral
pacts inside blocs.

References
----------
.. [1] Lai, B. and D. Reiter. 2000. "Democracy, Political Similarity, and International Alliances, 1816-1992." *Journal
   of Conflict Resolution* 44(2): 203-27.
.. [2] Gibler, D. M. and S. Wolford. 2006. "Alliances, Then Democracy." *Journal of Conflict Resolution* 50(1): 129-53.
.. [3] Most, B. A. and H. Starr. 1989. *Inquiry, Logic and International Politics*. Columbia: University of South Carolina Press.
.. [4] Lake, D. A. 2009. *Hierarchy in International Relations*. Ithaca: Cornell University Press.
.. [5] Thompson, W. R. and D. R. Dreyer. 2012. *Handbook of International Rivalries, 1494-2010*. Washington: CQ Press.
.. [6] Cranmer, S. J., B. A. Desmarais and J. H. Kirkland. 2012. "Toward a Network Theory of Alliance Formation."
   *International Interactions* 38(3): 295-324.
.. [7] Snyder, G. H. 1997. *Alliance Politics*. Ithaca: Cornell University Press.
.. [8] Morrow, J. D. 1991. "Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances."
   *American Journal of Political Science* 35(4): 904-33.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.dyad_formation import system_members
from foedus.analysis.formation import begun_founders
from foedus.data.succession import ruler_pairs
from foedus.schema import History
from foedus.theory.reassurance import STATE_LIST_START
from foedus.theory.regions import cow_region

__all__ = ["KINDS", "OBLIGATIONS", "PARTITION", "formation_by_pair_kind", "pair_kinds"]

KINDS = (
    "all", "contiguous", "water", "same_region", "far", "ruler", "new_other", "major_minor", "major_major", "democratic",
    "rivals", "common_rival", "allied", "common_ally",
)
"""The overlapping kinds of :func:`pair_kinds`: every pair; land neighbours (COW conttype 1); neighbours across water only
(conttype 2-5); one COW region, not land neighbours; far (different regions, no contiguity); a new state (first entry
at most ``new_years`` before) and its former ruler; a new state and another state; one major power and a minor one; two
major powers; two democracies (Polity2 >= 6); rivals; not rivals with a rival in common; already allied (a member of one
alliance in force before the year); not allied with an ally in common."""
PARTITION = ("allied", "ruler", "new_other", "contiguous", "major", "same_region", "far")
"""The exclusive kinds, each pair in the first that holds (``major``: one of the two or both major powers; the last, ``far``, is the
remainder: two minor old states of two regions, neighbours across water among them, wider than the overlapping kind ``far``)."""
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")


def _pair_matrix(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    m = np.zeros((n, n), bool)
    m[a, b] = True
    return m | m.T


def _spells_in(table: pd.DataFrame, year: int, pos: pd.Series) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """Positions (in ``pos``) of the two sides of the rows of ``table`` in force in ``year`` between two of its states, and those rows."""
    t = table[(table["start_year"].to_numpy() <= year) & (table["end_year"].astype("float64").fillna(np.inf).to_numpy() >= year)]
    a = pos.reindex(t["ccode1"].to_numpy(dtype="int64")).to_numpy()
    b = pos.reindex(t["ccode2"].to_numpy(dtype="int64")).to_numpy()
    ok = ~(np.isnan(a) | np.isnan(b))
    return a[ok].astype(int), b[ok].astype(int), t[ok]


def _allied(history: History, year: int, members: np.ndarray, pos: pd.Series) -> np.ndarray:
    """(n, n) bool: the two are members of one alliance in force before ``year`` (entered before it, not left before it)."""
    n = len(members)
    m = history.memberships
    m = m[m["agreement_id"].isin(history.alliances()["agreement_id"])]
    live = (m["entry_year"].to_numpy() < year) & (m["exit_year"].astype("float64").fillna(np.inf).to_numpy() >= year)
    live &= np.isin(m["ccode"].to_numpy(dtype="int64"), members)
    if not live.any():
        return np.zeros((n, n), bool)
    ids, col = np.unique(m["agreement_id"].to_numpy()[live], return_inverse=True)
    inc = np.zeros((len(ids), n))
    inc[col, pos.reindex(m["ccode"].to_numpy(dtype="int64")[live]).to_numpy().astype(int)] = 1.0
    out = (inc.T @ inc) > 0
    np.fill_diagonal(out, False)
    return out


def pair_kinds(
    history: History, year: int, members: np.ndarray, contiguity: pd.DataFrame, *, entry: pd.Series, majors: set,
    rivalries: pd.DataFrame | None = None, democracy: pd.Series | None = None, new_years: int = 10,
) -> dict[str, np.ndarray]:
    """(n, n) bool of each kind of :data:`KINDS` (absent without its table: ``democratic``, ``rivals``, ``common_rival``) and an
    (n, n) index into :data:`PARTITION` under ``"partition"``, for the pairs of ``members`` in ``year``."""
    n = len(members)
    pos = pd.Series(np.arange(n), index=members)
    a, b, rows = _spells_in(contiguity, year, pos)
    ct = rows["conttype"].to_numpy()
    land = _pair_matrix(a[ct == 1], b[ct == 1], n)
    water = _pair_matrix(a[ct > 1], b[ct > 1], n) & ~land
    reg = cow_region(members)
    one_region = reg[:, None] == reg[None, :]
    e = pd.Series(members).map(entry).fillna(STATE_LIST_START).to_numpy(dtype="float64")
    new = (e > STATE_LIST_START) & (year - e < new_years)
    either_new = new[:, None] | new[None, :]
    ruler = ruler_pairs(members) & either_new
    major = np.isin(members, list(majors))
    allied = _allied(history, year, members, pos)
    k = {"all": ~np.eye(n, dtype=bool), "contiguous": land, "water": water, "same_region": one_region & ~land, "far": ~one_region & ~land & ~water,
         "ruler": ruler, "new_other": either_new & ~ruler, "major_minor": major[:, None] ^ major[None, :], "major_major": major[:, None] & major[None, :],
         "allied": allied, "common_ally": ((allied.astype(int) @ allied.astype(int)) > 0) & ~allied & ~np.eye(n, dtype=bool)}
    if democracy is not None:
        d = np.array([democracy.get((int(c), year), np.nan) for c in members], dtype=float) >= 6
        k["democratic"] = d[:, None] & d[None, :]
    if rivalries is not None:
        ra, rb, _ = _spells_in(rivalries, year, pos)
        rv = _pair_matrix(ra, rb, n)
        k["rivals"], k["common_rival"] = rv, ((rv.astype(int) @ rv.astype(int)) > 0) & ~rv & ~np.eye(n, dtype=bool)
    part = np.full((n, n), PARTITION.index("far"))
    for name, m in reversed(list(zip(PARTITION[:-1], (allied, ruler, either_new & ~ruler, land, major[:, None] | major[None, :], one_region)))):
        part[m] = PARTITION.index(name)
    k["partition"] = part
    return k


def _signing(history: History, first: int, last: int, min_begun_id: int | None) -> pd.DataFrame:
    """(year, ccode1 < ccode2, obligation, bilateral) of every founding pair of an alliance begun in ``first..last``."""
    f, ob = begun_founders(history, first, last, min_begun_id)
    f = f.assign(size=f.groupby("agreement_id")["ccode"].transform("size").to_numpy())
    p = f.merge(f, on=["agreement_id", "year"])
    p = p[p["ccode_x"] < p["ccode_y"]]
    return pd.DataFrame({"year": p["year"].to_numpy(dtype="int64"), "ccode1": p["ccode_x"].to_numpy(dtype="int64"),
                         "ccode2": p["ccode_y"].to_numpy(dtype="int64"), "obligation": ob.reindex(p["agreement_id"].to_numpy()).to_numpy(),
                         "bilateral": p["size_x"].to_numpy() == 2})


def formation_by_pair_kind(
    history: History, first: int, last: int, contiguity: pd.DataFrame, *, rivalries: pd.DataFrame | None = None,
    democracy: pd.Series | None = None, first_entry: pd.Series | None = None, new_years: int = 10, min_begun_id: int | None = None,
) -> pd.DataFrame:
    """Signing pairs per 1,000 dyad-years and bilateral pacts by strongest obligation, by kind of pair (:data:`KINDS`, then
    ``P_<kind>`` for the exclusive kinds of :data:`PARTITION`), in ``first..last``.

    Parameters
    ----------
    contiguity : DataFrame
        ``ccode1, ccode2, conttype, start_year, end_year`` (the record's ``extras["contiguity"]``; pass the record's for a run).
    rivalries : DataFrame, optional
        ``ccode1, ccode2, start_year, end_year`` (the record's ``extras["rivalries"]``); None: no rivalry kinds.
    democracy : Series indexed by (ccode, year), optional
        Polity2 scores (:func:`foedus.data.regime.read_democracy`); None: no ``democratic`` kind.
    first_entry : Series (ccode -> year), optional
        Each state's first entry (default: the first year of its first spell in ``history.states``; for a run, the record's).
    new_years : int
        Years a state stays new.
    min_begun_id : int, optional
        In a run, the first id of an agreement formed during the run.

    Returns
    -------
    DataFrame indexed by kind: ``dyad_years``, ``pairs`` (founding pairs of every pact), ``rate`` (per 1,000 dyad-years),
    ``bilateral`` (bilateral pacts), ``rate_bilateral`` and ``bilateral_<obligation>`` (counts by strongest obligation).

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1950, "end": None, "members": [2, 20], "obligations": ("nonaggression",)}],
    ...                 first_year=1950, last_year=1950, majors=[2], states={2: (1816, None), 20: (1920, None), 40: (1902, None)})
    >>> c = pd.DataFrame({"ccode1": [2], "ccode2": [20], "conttype": [1], "start_year": [1920], "end_year": [2016]})
    >>> t = formation_by_pair_kind(h, 1950, 1950, c)
    >>> t.loc["contiguous", ["dyad_years", "bilateral", "bilateral_nonaggression"]].tolist(), float(t.loc["P_major", "dyad_years"])
    ([1.0, 1.0, 1.0], 1.0)
    """
    entry = history.states.groupby("ccode")["start_year"].min() if first_entry is None else first_entry
    sy = history.state_years
    majors = sy[sy["major"].astype(bool)].groupby("year")["ccode"].apply(set).to_dict()
    sign = _signing(history, first, last, min_begun_id)
    names = [*KINDS, *(f"P_{p}" for p in PARTITION)]
    dy = dict.fromkeys(names, 0.0)
    cols = ["pairs", "bilateral", *(f"bilateral_{o}" for o in OBLIGATIONS)]
    cnt = {k: dict.fromkeys(cols, 0.0) for k in names}
    for year in range(int(first), int(last) + 1):
        members = system_members(history, year)
        if len(members) < 2:
            continue
        kinds = pair_kinds(history, year, members, contiguity, entry=entry, majors=majors.get(year, set()), rivalries=rivalries,
                           democracy=democracy, new_years=new_years)
        part = kinds.pop("partition")
        iu = np.triu_indices(len(members), 1)
        for name, m in kinds.items():
            dy[name] += float(m[iu].sum())
        for p_i, p in enumerate(PARTITION):
            dy[f"P_{p}"] += float((part[iu] == p_i).sum())
        s = sign[sign["year"].to_numpy() == year]
        pos = pd.Series(np.arange(len(members)), index=members)
        i, j = pos.reindex(s["ccode1"].to_numpy()).to_numpy(), pos.reindex(s["ccode2"].to_numpy()).to_numpy()
        ok = ~(np.isnan(i) | np.isnan(j))
        i, j, s = i[ok].astype(int), j[ok].astype(int), s[ok]
        bil, ob = s["bilateral"].to_numpy(), s["obligation"].to_numpy()
        hits = {**{name: m[i, j] for name, m in kinds.items()}, **{f"P_{p}": part[i, j] == p_i for p_i, p in enumerate(PARTITION)}}
        for name, h in hits.items():
            cnt[name]["pairs"] += float(h.sum())
            cnt[name]["bilateral"] += float((h & bil).sum())
            for o in OBLIGATIONS:
                cnt[name][f"bilateral_{o}"] += float((h & bil & (ob == o)).sum())
    rows = {}
    for name in names:
        if name in ("democratic", "rivals", "common_rival") and (democracy if name == "democratic" else rivalries) is None:
            continue
        d = dy[name]
        c = cnt[name]
        rows[name] = {"dyad_years": d, "pairs": c["pairs"], "rate": 1000.0 * c["pairs"] / d if d else float("nan"), "bilateral": c["bilateral"],
                      "rate_bilateral": 1000.0 * c["bilateral"] / d if d else float("nan"), **{k: c[k] for k in cols[2:]}}
    return pd.DataFrame.from_dict(rows, orient="index")
