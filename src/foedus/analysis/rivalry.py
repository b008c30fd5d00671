"""Estimating the hazards of strategic-rivalry onset and termination from the record (brief D1, F2).

:func:`rivalry_dyad_years` builds the non-directed dyad-years of the COW state system (members on
31 December, :mod:`foedus.data.membership`) with the Thompson & Dreyer (2012) rivalries and the
covariates of :mod:`foedus.theory.rivalry`; :func:`estimate_rivalry_hazards` fits the two
discrete-time logit hazards (Beck, Katz & Tucker 1998) by maximum likelihood on the years given;
:func:`hazard_rates` compares the rates they predict with the record's on any years, in or out of
the estimation sample. The simulator's defaults (``rivalry_onset_*``, ``rivalry_end_*`` in
:class:`foedus.sim.parameters.Parameters`) are the fit on the in-sample eras 1816–1914 and 1946–1989
(:data:`IN_SAMPLE`; ``tools/rivalry_fit.py`` prints them; ``tests/analysis/test_rivalry.py`` checks
them against a fresh fit and reports the held-out eras 1919–1938 and 1990–2010).

What is estimated from what:

- at risk of **onset**: every pair of members in a year, except pairs whose rivalry began in an
  earlier year (an onset is a Thompson & Dreyer start year, 1816 or later, with both members);
- at risk of **termination**: every pair in rivalry in a year; it ends in the rivalry's last
  year, unless the rivalry is still going in 2010 (where Thompson & Dreyer stop: censored) or
  one of the pair leaves the system the next year (censored: the simulator ends such rivalries
  when the state leaves);
- covariates of the year: COW direct contiguity type 1 (land); both COW major powers (COW major-power
  spells); parity
  of NMC 7.0 CINC scores; war memory from COW inter-state war dyad-years (the record at hand has
  no dyadic disputes short of war); democracy from V-Dem ``v2x_polyarchy`` (Polity5 ``polity2``
  rescaled to 0–1 where V-Dem has none), joint democracy at ``democracy_threshold`` and the weak link (the lower score,
  :func:`foedus.theory.rivalry.democracy_weak_link`, a candidate onset term not carried); power shift
  since the first year of the rivalry in the sample; regime shift (:func:`foedus.theory.rivalry.regime_shift`)
  against each state's discounted memory of its scores (:func:`foedus.theory.rivalry.regime_reference`,
  ``regime_memory``; a state's first scored year is its own reference, a year without a score
  keeps the last); distance as the simulator's worlds have it (:mod:`foedus.data.snapshot`):
  the CShapes minimum distance of the year where it has one (1886–2019), the great-circle distance
  of the capitals in force otherwise (``distance_km``), as :func:`foedus.theory.rivalry.out_of_reach`
  at ``reach_km`` (one major power: ``one_major``); the years the pair has both been in the system
  (``pair_age``, each state's first entry in the COW list, ``inf`` for two members since 1816; a successor state's pairs with
  third states date from its predecessor's entry, :func:`foedus.theory.rivalry.succession_pair_age`) as
  :func:`foedus.theory.rivalry.new_pair`; the relevance terms :func:`foedus.theory.rivalry.minor_distance` and
  :func:`~foedus.theory.rivalry.one_major_part` of :func:`~foedus.theory.rivalry.log_reach` and of the new-pair term; a rival in
  common, :func:`foedus.theory.rivalry.shared_rival`, among the rivalries in force before the year's onsets; a pledge of
  non-aggression without a defence pact, :func:`foedus.theory.rivalry.nonaggression_only` of ATOP's obligations in the year, and
  :func:`foedus.theory.rivalry.new_pledge` of the years since the pair's unbroken run of such pledges began. Dyad-years missing a CINC score or a democracy score are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.signal import lfilter

from foedus.data.atop import read_atop_dyad_years
from foedus.data.conflict import read_wars
from foedus.data.geography import great_circle_km
from foedus.data.membership import members_by_year
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table
from foedus.data.succession import KINDS, lineage
from foedus.theory import rivalry as th
from foedus.theory.projection import relative_discount_exponent
from foedus.theory.reassurance import STATE_LIST_START

IN_SAMPLE: tuple[tuple[int, int], ...] = ((1816, 1914), (1946, 1989))
"""The eras the simulator's defaults are fitted on (the validation protocol's in-sample eras); 1919–1938 and 1990–2010 are held out."""

TD_LAST_YEAR = 2010
"""Thompson & Dreyer code rivalries still going at the end of their data as ending in 2010 (censored)."""

_CODES = 1000  # COW codes are below 1000


def _lookup(df: pd.DataFrame, col: str, first: int, last: int) -> np.ndarray:
    """Dense (years, 1000) array of ``df[col]`` by year and COW code (NaN where missing)."""
    out = np.full((last - first + 1, _CODES), np.nan)
    d = df[(df["year"] >= first) & (df["year"] <= last)]
    out[d["year"].to_numpy(int) - first, d["ccode"].to_numpy(int)] = d[col].to_numpy(float)
    return out


def _pairs(members: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, lower and higher COW code of every pair of members of every year."""
    ys, a, b = [], [], []
    for y, m in members.items():
        i, j = np.triu_indices(len(m), 1)
        ys.append(np.full(len(i), y))
        a.append(m[i])
        b.append(m[j])
    return np.concatenate(ys), np.concatenate(a), np.concatenate(b)


def _year_pairs(spells: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Each spell (``a, b, start_year, end_year``) expanded to its years within ``first..last``; keeps the other columns."""
    lo = np.maximum(spells["start_year"].to_numpy(int), first)
    hi = np.minimum(spells["end_year"].to_numpy(int), last)
    n = np.maximum(hi - lo + 1, 0)
    rows = np.repeat(np.arange(len(spells)), n)
    offset = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    out = spells.iloc[rows].reset_index(drop=True)
    out["year"] = lo[rows] + offset
    return out


def _war_memory(d: Path, first: int, last: int, memory: float) -> tuple[np.ndarray, np.ndarray]:
    """COW war dyads' keys (sorted) and their war memory (years, dyads) by :func:`foedus.theory.rivalry.war_history`."""
    w = read_wars(d / "peacesciencer" / "cow_war_inter.csv")
    a = np.minimum(w["ccode1"], w["ccode2"]).to_numpy(int)
    b = np.maximum(w["ccode1"], w["ccode2"]).to_numpy(int)
    key = a * _CODES + b
    keys = np.unique(key)
    at_war = np.zeros((last - first + 1, len(keys)))
    ok = (w["year"] >= first).to_numpy() & (w["year"] <= last).to_numpy()
    at_war[w["year"].to_numpy(int)[ok] - first, np.searchsorted(keys, key[ok])] = 1.0
    # war_history(previous, at_war) year after year is this first-order recursive filter
    return keys, lfilter([1.0], [1.0, -memory], at_war, axis=0)


def _distance_km(d: Path, y: np.ndarray, a: np.ndarray, b: np.ndarray, first: int, last: int) -> np.ndarray:
    """Each dyad-year's distance, km, as :mod:`foedus.data.snapshot` gives a world: the CShapes minimum distance of the
    year where the record has one, else the great-circle distance of the capitals in force (the nearest spell's otherwise)."""
    md = table(d, "mindist")
    md = md[md["year"].between(first, last)]
    key = (y - first).astype(np.int64) * _CODES * _CODES + a * _CODES + b
    mk = (md["year"].to_numpy(int) - first).astype(np.int64) * _CODES * _CODES + md["ccode1"].to_numpy(int) * _CODES + md["ccode2"].to_numpy(int)
    order = np.argsort(mk)
    mk, mv = mk[order], md["mindist"].to_numpy(float)[order]
    pos = np.clip(np.searchsorted(mk, key), 0, max(len(mk) - 1, 0))
    found = (mk[pos] == key) & np.isfinite(mv[pos]) if len(mk) else np.zeros(len(key), bool)
    cap = table(d, "capitals").sort_values("start_year", kind="stable")
    lat, lon = np.full((last - first + 1, _CODES), np.nan), np.full((last - first + 1, _CODES), np.nan)
    for c, g in cap.groupby("ccode"):  # the few capital spells of each state: nearest spell, then the spells in force
        s0, s1 = g["start_year"].to_numpy(int), g["end_year"].to_numpy(int)
        yrs = np.arange(first, last + 1)
        near = np.argmin(np.abs(yrs[:, None] - np.clip(yrs[:, None], s0, s1)), axis=1)
        lat[:, c], lon[:, c] = g["lat"].to_numpy(float)[near], g["lng"].to_numpy(float)[near]
    t = y - first
    gc = great_circle_km(lat[t, a], lon[t, a], lat[t, b], lon[t, b])
    return np.where(found, mv[pos] if len(mk) else 0.0, gc)


def _regime_change(dem: np.ndarray, memory: float) -> np.ndarray:
    """(years, codes): ``|score - reference|`` of each state-year, the reference :func:`foedus.theory.rivalry.regime_reference`
    of the scores before (a state's first scored year is its own reference; a year without a score keeps the reference; NaN there)."""
    out = np.full(dem.shape, np.nan)
    ref = np.full(dem.shape[1], np.nan)
    for t in range(dem.shape[0]):  # years: the recursion runs over time, vectorised over states
        x = dem[t]
        ref = np.where(np.isnan(ref), x, ref)
        out[t] = np.abs(x - ref)
        ref = np.where(np.isnan(x), ref, th.regime_reference(ref, x, memory=memory))
    return out


def rivalry_dyad_years(
    data_dir: Path | None = None, *, first: int = 1816, last: int = TD_LAST_YEAR, memory: float = 0.8, democracy_threshold: float = 0.5,
    regime_memory: float = 0.8, reach_km: float = 1500.0, contact_km: float | None = None, new_pair_years: float = 2.0,
    security_community: bool = True, miles_per_day: float = 250.0, succession: tuple[str, ...] = KINDS, pledge_years: float = 2.0,
) -> pd.DataFrame:
    """Non-directed dyad-years of the COW system with Thompson & Dreyer rivalries and the hazards' covariates.

    Parameters
    ----------
    data_dir : Path, optional
        Folder laid out like ``../shared/data`` (default :func:`foedus.data.paths.default_data_dir`).
    first, last : int
        Years (1816–2010).
    memory : float
        Share of a pair's war memory kept from one year to the next (:func:`foedus.theory.rivalry.war_history`).
    democracy_threshold : float
        Democracy score (0–1) from which a state counts as a democracy.
    regime_memory : float
        Share of a state's memory of its democracy score kept from one year to the next (:func:`foedus.theory.rivalry.regime_reference`).
    reach_km : float
        Distance beyond which two minor states are out of reach (:func:`foedus.theory.rivalry.out_of_reach`).
    contact_km : float, optional
        Distance beyond which two minor states without a border cannot begin a rivalry
        (:func:`foedus.theory.rivalry.beyond_contact`, the simulator's ``rivalry_contact_km``): such pairs are not at
        risk of onset (the record's two onsets among them, USA-Spain 1816 and Netherlands-Indonesia 1951, came across
        colonial borders, which the simulator does not have). None: every pair is at risk.
    new_pair_years : float
        Decay time of :func:`foedus.theory.rivalry.new_pair` (the simulator's ``rivalry_new_pair_years``).
    miles_per_day : float
        Bueno de Mesquita's (1981) miles per day of :func:`foedus.theory.rivalry.log_reach` (the simulator's ``miles_per_day``).
    succession : tuple of str
        The kinds of :data:`foedus.data.succession.SUCCESSIONS` whose successors date their pairs from their predecessor's
        entry (:func:`foedus.theory.rivalry.succession_pair_age`; the simulator takes both kinds, :func:`foedus.sim.steps.rivalry.rivalries`; () for none).
    pledge_years : float
        Decay time of :func:`foedus.theory.rivalry.new_pledge` (the simulator's ``rivalry_pledge_years``): the years since a
        pair came to share a pledge of non-aggression without a defence pact (``pledge_age``, the unbroken run of such years).
    security_community : bool
        Leave two democracies sharing an ATOP alliance of any obligation (``shared_alliance``) out of the onset risk set, as the
        simulator leaves out two democracies sharing a security agreement (:func:`foedus.theory.rivalry.security_community`; the
        record has no onset among them).

    Returns
    -------
    DataFrame
        ``year, ccode1 < ccode2``, ``rival`` (in rivalry in the year), ``onset_risk``, ``onset``,
        ``end_risk``, ``end`` (bool), and the covariates of :data:`foedus.theory.rivalry.ONSET_TERMS`
        and :data:`~foedus.theory.rivalry.TERMINATION_TERMS` (``war_history`` as
        :func:`~foedus.theory.rivalry.war_term`; ``power_shift`` NaN outside rivalries).
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    members = members_by_year(table(d, "states"), first, last + 1)
    y, a, b = _pairs({k: v for k, v in members.items() if k <= last})
    t = y - first
    nmc = table(d, "nmc")
    cinc = _lookup(nmc, "cinc", first, last)
    maj = table(d, "majors")
    maj = _year_pairs(maj.assign(end_year=maj["end_year"].fillna(last)), first, last)
    major = _lookup(maj.assign(major=1.0), "major", first, last)
    dem_t = table(d, "democracy")
    dem_t = dem_t.assign(score=dem_t["v2x_polyarchy"].fillna((dem_t["polity2"] + 10.0) / 20.0))
    dem = _lookup(dem_t, "score", first, last)
    key = a * _CODES + b
    yk = t.astype(np.int64) * _CODES * _CODES + key
    df = pd.DataFrame({"year": y, "ccode1": a, "ccode2": b})
    # contiguity (type 1) in any part of the year
    cont = table(d, "contdir")
    cont = cont[cont["conttype"] == 1]
    cy = _year_pairs(cont.assign(end_year=cont["end_year"].fillna(last)), first, last)
    ck = (cy["year"].to_numpy(int) - first).astype(np.int64) * _CODES * _CODES + np.minimum(cy["ccode1"], cy["ccode2"]).to_numpy(int) * _CODES + np.maximum(cy["ccode1"], cy["ccode2"]).to_numpy(int)
    df["contiguous"] = np.isin(yk, ck)
    ma, mb = major[t, a] == 1, major[t, b] == 1
    df["major_pair"] = ma & mb
    df["one_major"] = ma ^ mb
    df["distance_km"] = _distance_km(d, y, a, b, first, last)
    df["out_of_reach"] = th.out_of_reach(df["distance_km"].to_numpy(), ma, mb, reach_km=reach_km)
    ca, cb = cinc[t, a], cinc[t, b]
    df["parity"] = th.parity(np.nan_to_num(ca), np.nan_to_num(cb))
    df["log_parity"] = th.log_parity(np.nan_to_num(ca), np.nan_to_num(cb))
    df["pair_age"], df["successor_third"] = _pair_age(table(d, "states"), y, a, b, succession)
    df["new_pair"] = th.new_pair(df["pair_age"].to_numpy(), years=new_pair_years)
    wkeys, wmem = _war_memory(d, first, last, memory)
    col = np.clip(np.searchsorted(wkeys, key), 0, max(len(wkeys) - 1, 0))
    hit = wkeys[col] == key if len(wkeys) else np.zeros(len(key), bool)
    df["war_history"] = th.war_term(np.where(hit, wmem[t, col] if len(wkeys) else 0.0, 0.0))
    da, db = dem[t, a], dem[t, b]
    df["joint_democracy"] = (da >= democracy_threshold) & (db >= democracy_threshold)
    df["regime_distance"] = np.abs(da - db)
    df["democracy_weak_link"] = th.democracy_weak_link(da, db)  # a candidate onset term, not carried (Dixon 1994; rivalry20)
    df["_logratio"] = th.log_ratio(ca, cb)
    shock = _regime_change(dem, regime_memory)
    df["regime_shift"] = np.maximum(shock[t, a], shock[t, b])  # foedus.theory.rivalry.regime_shift of the two states
    df["defence_pact"] = _defence_pairs(d, y, a, b)  # Bremer 1992, Deutsch 1957: allies seldom become rivals
    df["shared_alliance"] = _alliance_pairs(d, y, a, b)  # any ATOP alliance: the tie of a security community (Deutsch 1957, Adler & Barnett 1998; democ21)
    df["nonaggression_pact"] = th.nonaggression_only(_obligation_pairs(d, y, a, b, "nonaggression"), df["defence_pact"].to_numpy())  # Lupu & Poast 2016 (rivalry18)
    df["pledge_age"] = _run_age(y, a, b, df["nonaggression_pact"].to_numpy(bool))
    df["new_nonaggression_pact"] = th.new_pledge(df["pledge_age"].to_numpy(), df["nonaggression_pact"].to_numpy(), years=pledge_years)
    df["minor_distance"] = th.minor_distance(df["distance_km"].to_numpy(), df["contiguous"].to_numpy(), ma, mb)  # relevance (rivalry12)
    x = relative_discount_exponent(df["distance_km"].to_numpy(), miles_per_day=miles_per_day)  # Bueno de Mesquita 1981
    df["one_major_reach"] = th.one_major_part(th.log_reach(np.nan_to_num(ca), np.nan_to_num(cb), x), ma, mb)
    df["one_major_new_pair"] = th.one_major_part(df["new_pair"].to_numpy(), ma, mb)
    df = _rivalry_columns(df, d, first, last, members)
    df["shared_rival"] = _shared_rival(df)  # linked rivalries, Diehl & Goertz 2000 ch. 12 (rivalry13)
    if security_community:  # democracies sharing an alliance of any obligation: no risk (foedus.theory.rivalry.security_community)
        sc = th.security_community(df["joint_democracy"].to_numpy(), df["shared_alliance"].to_numpy())
        df["onset_risk"] &= ~sc
        df["onset"] &= ~sc
    if contact_km is not None:  # no contact, no risk (arms7)
        far = th.beyond_contact(df["distance_km"].to_numpy(), df["contiguous"].to_numpy(), ma, mb, contact_km=contact_km)
        df["onset_risk"] &= ~far
        df["onset"] &= ~far
    ok = np.isfinite(ca) & np.isfinite(cb) & (ca > 0) & (cb > 0) & np.isfinite(da) & np.isfinite(db)
    return df.loc[ok].drop(columns="_logratio").reset_index(drop=True)


def _shared_rival(df: pd.DataFrame) -> np.ndarray:
    """Whether each dyad-year's pair has a rival in common (:func:`foedus.theory.rivalry.shared_rival`) among the rivalries in
    force that year before its onsets (``rival`` and not ``onset``: the simulator's rivalries when its pairs draw)."""
    out = np.zeros(len(df), bool)
    y = df["year"].to_numpy()
    a, b = df["ccode1"].to_numpy(int), df["ccode2"].to_numpy(int)
    held = df["rival"].to_numpy(bool) & ~df["onset"].to_numpy(bool)
    order = np.argsort(y, kind="stable")
    bounds = np.flatnonzero(np.diff(y[order])) + 1
    for rows in np.split(order, bounds):  # years: one small matrix product each
        codes = np.unique(np.r_[a[rows], b[rows]])
        i, j = np.searchsorted(codes, a[rows]), np.searchsorted(codes, b[rows])
        r = np.zeros((len(codes), len(codes)), bool)
        k = held[rows]
        r[i[k], j[k]] = r[j[k], i[k]] = True
        out[rows] = th.shared_rival(r)[i, j]
    return out


def _pair_age(states: pd.DataFrame, y: np.ndarray, a: np.ndarray, b: np.ndarray, kinds=()) -> tuple[np.ndarray, np.ndarray]:
    """Years each pair ``(a, b)`` has both been in the state system in ``y``, as the simulator counts them
    (:func:`foedus.theory.reassurance.relationship_age`: each state's FIRST entry, COW's first ``start_year``; a member
    since 1816, where the list begins, has no known entry: ``inf`` for two such states), a successor of the ``kinds``
    of :data:`foedus.data.succession.SUCCESSIONS` dating its pairs from its predecessor's entry
    (:func:`foedus.theory.rivalry.succession_pair_age`); and whether each pair is a successor's of any kind with a third
    state (not :func:`~foedus.theory.rivalry.related_pairs`): 1 for a dissolution's, 2 for a secession's."""
    first = states.groupby("ccode")["start_year"].min()
    entered = np.full(_CODES, float(STATE_LIST_START))
    entered[first.index.to_numpy(int)] = first.to_numpy(float)
    codes = np.arange(_CODES)
    pred, _since, sec = (np.asarray(v) for v in lineage(codes, KINDS))
    related = th.related_pairs(a, b, pred[a], pred[b])
    third = np.where(related, 0, np.maximum(np.where(pred[a] >= 0, 1 + sec[a], 0), np.where(pred[b] >= 0, 1 + sec[b], 0)))
    ip, isince, _ = (np.asarray(v) for v in lineage(codes, kinds))
    inherited = np.where(ip >= 0, isince, entered).astype(float)
    return th.succession_pair_age(y, entered[a], entered[b], inherited[a], inherited[b], related), third


def _run_age(y: np.ndarray, a: np.ndarray, b: np.ndarray, flag: np.ndarray) -> np.ndarray:
    """Years since the start of each dyad-year's unbroken run of ``flag`` years (0 in its first year; NaN where ``flag`` is False)."""
    order = np.lexsort((y, b, a))
    ys, key, f = y[order], a[order].astype(np.int64) * _CODES + b[order], flag[order]
    cont = np.r_[False, f[:-1] & (key[1:] == key[:-1]) & (ys[1:] == ys[:-1] + 1)]
    start = np.where(f & ~cont, np.arange(len(f)), 0)
    first = np.maximum.accumulate(start) if len(f) else start
    age = np.where(f, ys - ys[first], np.nan)
    out = np.empty(len(f))
    out[order] = age
    return out


def _defence_pairs(d: Path, y: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether each dyad-year ``(y, a < b)`` shares an ATOP defence pact (peacesciencer's ``atop_alliance`` dyad-years)."""
    return _obligation_pairs(d, y, a, b, "defense")


def _alliance_pairs(d: Path, y: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether each dyad-year ``(y, a < b)`` shares an ATOP alliance of any obligation (defence, offence, neutrality, non-aggression
    or consultation: every ATOP alliance has one), the institutional tie of :func:`foedus.theory.rivalry.security_community`."""
    return _obligation_pairs(d, y, a, b, ("defense", "offense", "neutrality", "nonaggression", "consultation"))


def _obligation_pairs(d: Path, y: np.ndarray, a: np.ndarray, b: np.ndarray, obligation: str | tuple[str, ...]) -> np.ndarray:
    """Whether each dyad-year ``(y, a < b)`` shares an ATOP pact with the ``obligation`` (a column of peacesciencer's ``atop_alliance``;
    a tuple of them: any)."""
    al = read_atop_dyad_years(d / "peacesciencer" / "atop_alliance.csv.gz")
    al = al[al[list(obligation) if isinstance(obligation, tuple) else [obligation]].astype(bool).any(axis=1)]
    lo = np.minimum(al["ccode1"], al["ccode2"]).to_numpy(np.int64)
    hi = np.maximum(al["ccode1"], al["ccode2"]).to_numpy(np.int64)
    keys = np.unique(al["year"].to_numpy(np.int64) * _CODES * _CODES + lo * _CODES + hi)
    return np.isin(y.astype(np.int64) * _CODES * _CODES + a.astype(np.int64) * _CODES + b.astype(np.int64), keys)


def _rivalry_columns(df: pd.DataFrame, d: Path, first: int, last: int, members: dict[int, np.ndarray]) -> pd.DataFrame:
    """Add ``rival``, ``onset_risk``, ``onset``, ``end_risk``, ``end`` and ``power_shift`` (see :func:`rivalry_dyad_years`)."""
    td = table(d, "td")
    td = td.assign(a=np.minimum(td["ccode1"], td["ccode2"]), b=np.maximum(td["ccode1"], td["ccode2"]), spell=np.arange(len(td)))
    ry = _year_pairs(td[["a", "b", "start_year", "end_year", "spell"]], first, last).rename(columns={"a": "ccode1", "b": "ccode2"})
    ry = ry.drop_duplicates(["year", "ccode1", "ccode2"])
    out = df.merge(ry, on=["year", "ccode1", "ccode2"], how="left")
    rival = out["spell"].notna().to_numpy()
    start = out["start_year"].to_numpy(float)
    end = out["end_year"].to_numpy(float)
    yr = out["year"].to_numpy()
    out["rival"] = rival
    out["onset"] = rival & (start == yr)
    out["onset_risk"] = ~rival | out["onset"].to_numpy()
    is_member = np.zeros((last - first + 2, _CODES), bool)
    for y, m in members.items():
        if first <= y <= last + 1:
            is_member[y - first, m] = True
    nxt = np.minimum(yr + 1 - first, last + 1 - first)
    both_next = is_member[nxt, out["ccode1"].to_numpy()] & is_member[nxt, out["ccode2"].to_numpy()]
    out["end_risk"] = rival
    out["end"] = rival & (end == yr) & (end < TD_LAST_YEAR) & both_next
    # power shift since the first year of the rivalry in the sample
    base = out.loc[rival].groupby("spell")["_logratio"].transform("first")
    out["power_shift"] = np.nan
    out.loc[rival, "power_shift"] = np.abs(out.loc[rival, "_logratio"] - base)  # foedus.theory.rivalry.power_shift
    return out.drop(columns=["spell", "start_year", "end_year"])


@dataclass(frozen=True)
class HazardFit:
    """A fitted logit hazard: ``intercept``, ``coefficients`` (in the order of ``terms``), their standard errors, the sample."""

    terms: tuple[str, ...]
    intercept: float
    coefficients: tuple[float, ...]
    std_errors: tuple[float, ...]
    n: int
    events: int
    years: tuple[tuple[int, int], ...]

    def hazard(self, df: pd.DataFrame) -> np.ndarray:
        """The annual hazard of each dyad-year of ``df`` (:func:`foedus.theory.rivalry.logit_hazard`)."""
        return th.logit_hazard(self.intercept, self.coefficients, [df[c].to_numpy(float) for c in self.terms])


@dataclass(frozen=True)
class RivalryFit:
    """The onset and termination hazards fitted on the same years."""

    onset: HazardFit
    termination: HazardFit


def fit_logit(x: np.ndarray, y: np.ndarray, *, max_iter: int = 100, tol: float = 1e-9) -> tuple[np.ndarray, np.ndarray]:
    """Firth's (1993) penalised maximum-likelihood logit: coefficients and standard errors (``x`` with its intercept column).

    Newton–Raphson on the modified score ``X'(y - p + h (1/2 - p))``, ``h`` the diagonal of the
    hat matrix ``W^1/2 X (X'WX)^-1 X' W^1/2``: the penalty (Jeffreys prior) removes the
    small-sample bias of rare events and keeps the estimates finite under separation (no
    rivalry between two democracies ended before 1946), where plain maximum likelihood diverges
    (Heinze & Schemper 2002). Standard errors from the inverse information ``(X'WX)^-1``.

    Raises
    ------
    ValueError
        When Newton's method does not converge in ``max_iter`` steps.
    """
    beta = np.zeros(x.shape[1])
    for _ in range(max_iter):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        w = p * (1.0 - p)
        cov = np.linalg.inv((x * w[:, None]).T @ x)
        h = w * np.einsum("ij,jk,ik->i", x, cov, x)
        step = cov @ (x.T @ (y - p + h * (0.5 - p)))
        beta = beta + step
        if np.max(np.abs(step)) < tol:
            p = 1.0 / (1.0 + np.exp(-(x @ beta)))
            return beta, np.sqrt(np.diag(np.linalg.inv((x * (p * (1.0 - p))[:, None]).T @ x)))
    raise ValueError("the logit did not converge")


def flic_intercept(offset: np.ndarray, y: np.ndarray, start: float = 0.0, *, max_iter: int = 100, tol: float = 1e-12) -> float:
    """The intercept of FLIC (Puhr et al. 2017): maximum likelihood of the intercept alone, the slopes' linear predictor ``offset`` held.

    Firth's penalty shrinks the slopes towards 0 but biases the mean predicted probability upwards
    when events are rare (55 rivalry ends: +7 %); re-estimating the intercept by plain likelihood
    makes the predicted events sum to the observed, ``sum p = sum y``, and keeps Firth's slopes.
    Newton's method on that score.

    Puhr, R., G. Heinze, M. Nold, L. Lusa, and A. Geroldinger. 2017. "Firth's Logistic Regression
    with Rare Events: Accurate Effect Estimates and Predictions?" *Statistics in Medicine* 36(14): 2302–17.
    """
    c = float(start)
    for _ in range(max_iter):
        p = 1.0 / (1.0 + np.exp(-(c + offset)))
        step = (y.sum() - p.sum()) / max(float((p * (1.0 - p)).sum()), 1e-300)
        c += step
        if abs(step) < tol:
            return c
    raise ValueError("the FLIC intercept did not converge")


def _eras(years) -> tuple[tuple[int, int], ...]:
    """``years`` as a tuple of ``(first, last)`` eras (one era or a sequence of them)."""
    return (tuple(map(int, years)),) if np.ndim(years) == 1 else tuple(tuple(map(int, e)) for e in years)


def _in_eras(df: pd.DataFrame, years) -> np.ndarray:
    """Mask of the rows of ``df`` whose year lies in one of the eras ``years``."""
    y = df["year"].to_numpy()
    return np.logical_or.reduce([(y >= a) & (y <= b) for a, b in _eras(years)])


def _fit(df: pd.DataFrame, risk: str, event: str, terms: tuple[str, ...], years) -> HazardFit:
    sub = df[df[risk].to_numpy(bool) & _in_eras(df, years)]
    x = np.column_stack([np.ones(len(sub))] + [sub[c].to_numpy(float) for c in terms])
    y = sub[event].to_numpy(float)
    beta, se = fit_logit(x, y)
    beta[0] = flic_intercept(x[:, 1:] @ beta[1:], y, beta[0])
    return HazardFit(terms, float(beta[0]), tuple(map(float, beta[1:])), tuple(map(float, se[1:])), len(sub), int(y.sum()), _eras(years))


def estimate_rivalry_hazards(dyad_years: pd.DataFrame, years=IN_SAMPLE) -> RivalryFit:
    """Fit the onset and termination hazards of :mod:`foedus.theory.rivalry` on the dyad-years of ``years``.

    Firth's slopes (:func:`fit_logit`) with the FLIC intercept (:func:`flic_intercept`), so the
    predicted events of the sample sum to its observed events.

    ``years`` is one ``(first, last)`` era (inclusive) or a sequence of them (default :data:`IN_SAMPLE`).

    ``dyad_years`` is :func:`rivalry_dyad_years`. Onset on the pairs at risk of onset
    (:data:`foedus.theory.rivalry.ONSET_TERMS`), termination on the pairs in rivalry
    (:data:`~foedus.theory.rivalry.TERMINATION_TERMS`).
    """
    return RivalryFit(
        onset=_fit(dyad_years, "onset_risk", "onset", th.ONSET_TERMS, years),
        termination=_fit(dyad_years, "end_risk", "end", th.TERMINATION_TERMS, years),
    )


def hazard_rates(fit: HazardFit, dyad_years: pd.DataFrame, risk: str, event: str, years) -> tuple[float, float, int]:
    """Observed and predicted events per dyad-year at risk in ``years`` (one era or several), and the number of events observed."""
    sub = dyad_years[dyad_years[risk].to_numpy(bool) & _in_eras(dyad_years, years)]
    return float(sub[event].mean()), float(fit.hazard(sub).mean()), int(sub[event].sum())


def log_likelihood(fit: HazardFit, dyad_years: pd.DataFrame, risk: str, event: str, years) -> float:
    """Log-likelihood of the dyad-years at risk in ``years`` under ``fit``'s hazard."""
    sub = dyad_years[dyad_years[risk].to_numpy(bool) & _in_eras(dyad_years, years)]
    h = fit.hazard(sub)
    y = sub[event].to_numpy(bool)
    return float(np.log(h[y]).sum() + np.log1p(-h[~y]).sum())


def profile_new_pair(dyad_years: pd.DataFrame, years_list, years=IN_SAMPLE) -> dict[float, float]:
    """The onset fit's log-likelihood on ``years`` with :func:`foedus.theory.rivalry.new_pair` at each decay time (``rivalry_new_pair_years`` is chosen on it)."""
    out = {}
    for tau in years_list:
        x = th.new_pair(dyad_years["pair_age"].to_numpy(), years=float(tau))
        df = dyad_years.assign(new_pair=x, one_major_new_pair=np.where(dyad_years["one_major"].to_numpy(bool), x, 0.0))
        out[float(tau)] = log_likelihood(_fit(df, "onset_risk", "onset", th.ONSET_TERMS, years), df, "onset_risk", "onset", years)
    return out


def profile_reach(dyad_years: pd.DataFrame, reaches_km, years=IN_SAMPLE) -> dict[float, float]:
    """The onset fit's log-likelihood on ``years`` with :func:`foedus.theory.rivalry.out_of_reach` at each reach (km) (``rivalry_reach_km`` is chosen on it)."""
    out = {}
    major = dyad_years["major_pair"].to_numpy(bool) | dyad_years["one_major"].to_numpy(bool)
    for km in reaches_km:
        df = dyad_years.assign(out_of_reach=th.out_of_reach(dyad_years["distance_km"].to_numpy(), major, False, reach_km=km))
        out[float(km)] = log_likelihood(_fit(df, "onset_risk", "onset", th.ONSET_TERMS, years), df, "onset_risk", "onset", years)
    return out
