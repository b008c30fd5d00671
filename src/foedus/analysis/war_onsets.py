"""Estimating the dyadic hazard of war onset from the record (Bremer 1992's dangerous dyads; brief P5).

:func:`war_onset_dyad_years` takes the non-directed dyad-years of the COW system with the
covariates of :mod:`foedus.analysis.rivalry` (contiguity, parity, rivalry, joint democracy) and
adds what :data:`foedus.theory.war_onset.WAR_ONSET_TERMS` needs: ``any_major`` (at least one COW
major power), ``joint_major`` (both are: Bremer's major-major class), ``defence_pact`` (the pair shares an ATOP defence pact in the year: Leeds et al.
2002's dyad-years, peacesciencer's ``atop_alliance``), ``joint_nuclear`` (both nuclear-armed in the
year, :func:`foedus.data.nuclear.nuclear_armed`: Gartzke & Kroenig 2009), ``conquest_norm``
(:func:`foedus.theory.war_onset.conquest_norm_term` of the territorial integrity norm's date,
:func:`foedus.theory.renunciation.territorial_integrity_norm`) and ``war_history`` *before* the year (the memory of the pair's war years up to the
year before, so that a war does not predict itself), ``lower_democracy`` and ``higher_democracy``
(the weak link, :func:`foedus.theory.war_onset.democracy_link`), ``issueless_rival`` (a rivalry Thompson & Dreyer do not
code spatial between states that do not border each other, :func:`foedus.theory.war_onset_issues.issueless_rivalry`); the
dichotomous ``joint_democracy`` is kept for :func:`onset_composition`. The event, ``onset``, comes from the COW
inter-state wars (Sarkees & Wayman 2010): a war's *initiating dyads* are the pairs of states on
opposite sides both fighting in the war's first year, restricted to those with a COW initiator
when there are any; a war with ``k`` initiating dyads gives each of them ``1 / k`` (so that the
hazard summed over dyads counts wars, the unit of :data:`foedus.analysis.eras.FACTS`'s
``war_onsets_per_state_year``). :func:`estimate_war_onset` fits the logit by Firth's penalised
likelihood (:func:`foedus.analysis.rivalry.fit_logit`, fractional events) on the years given —
the simulator's defaults are the fit on the in-sample eras 1816–1914 and 1946–1989 only
(``tests/analysis/test_war_onsets.py`` checks them, and the held-out rates of 1919–1938 and
1990–2010).

**Who initiates.** :func:`initiator_dyads` keeps the initiating dyads whose COW codes name exactly
one of the two states as an initiator (``initiator1``/``initiator2``, Sarkees & Wayman 2010), with
the differences of :data:`foedus.theory.war_onset.INITIATION_TERMS` (capability from NMC CINC,
COW major-power status, democracy at ``democracy_threshold`` of the rivalry table's score);
:func:`estimate_initiation` fits the paired-comparison logit
(:func:`foedus.theory.war_onset.initiation_probability`: Firth, no intercept) on the in-sample
eras, the simulator's ``initiation_*`` defaults. :func:`onset_composition` measures, on the record
or on a run, the shares of war onsets between defence allies, between two democracies, and
between non-contiguous pairs without a major power, and the share initiated by the stronger
side.

**Restraint among allies, tried on the record and left out** (2026-12, gpwar11; Firth fit on the in-sample
eras with ``joint_major``, in-sample log-likelihood -358.94 without the candidate): the COW war record
does not carry a stronger alliance restraint than the fitted ``defence_pact`` term (-0.37, s.e. 0.39).
Allied rivals fought often in 1816-1914 (3.6 initiating-dyad wars in 233 dyad-years: 1866, 1876, 1885,
1900, 1913) and seldom in 1946-1989 (1 in 742: 1969). A pact-and-rivalry interaction (-0.96, s.e. 0.78;
-358.55), a great power allied to both (Schroeder 1976's alliances as tools of management; -0.36, s.e.
0.57; -358.76), Leeds & Anac's (2005) military institutionalisation of the shared pact (level 1: -1.42,
s.e. 0.74, with the pact term turning positive, +0.84; level 2: +1.54, s.e. 0.69) and an outside great
power pledged to one side only (extended deterrence, Leeds 2003: -0.10, s.e. 0.30) each leave the
likelihood within 1.4 of the model without them and no better held out. Long, Nordstrom & Baek (2007)
find such provisions lengthen the peace between allies in militarised disputes; the wars alone cannot
tell them apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from foedus.analysis.rivalry import _CODES, _defence_pairs, _lookup, _year_pairs, fit_logit, rivalry_dyad_years
from foedus.data.atop import read_atop_dyad_years
from foedus.data.conflict import read_wars
from foedus.theory.renunciation import territorial_integrity_norm
from foedus.data.nuclear import nuclear_armed
from foedus.data.geography import great_circle_km
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table
from foedus.theory import war_onset as th
from foedus.theory.rivalry import war_term

__all__ = ["IN_SAMPLE_YEARS", "initiator_dyads", "estimate_initiation", "InitiationFit", "onset_composition", "record_onset_composition", "WAR_RECORD_LAST_YEAR", "OnsetFit", "initiating_dyads", "war_onset_dyad_years", "estimate_war_onset", "onset_rates", "mandate_eligible_wars", "MANDATED_WARS"]

IN_SAMPLE_YEARS: tuple[tuple[int, int], ...] = ((1816, 1914), (1946, 1989))
"""The eras the shipped defaults are fitted on (MODEL_PROTOCOL: 1919–1938 and 1990– are held out)."""


WAR_RECORD_LAST_YEAR = 2007
"""Last year of the COW inter-state war data's domain (v4.0, 1816-2007; Sarkees & Wayman 2010): a war rate
of the record is a rate over the years up to this one, and a simulated one is measured over the same years."""


def initiating_dyads(wars: pd.DataFrame) -> pd.DataFrame:
    """``year, ccode1 < ccode2, onset`` (weight ``1 / k``) of the initiating dyads of each COW war (see the module docstring)."""
    w = wars
    start = w.groupby("warnum")["year"].transform("min")
    entry = w.groupby(["warnum", "ccode1"])["year"].min()
    e1 = entry.reindex(pd.MultiIndex.from_arrays([w["warnum"], w["ccode1"]])).to_numpy()
    e2 = entry.reindex(pd.MultiIndex.from_arrays([w["warnum"], w["ccode2"]])).to_numpy()
    first = (w["year"] == start).to_numpy() & (e1 == start.to_numpy()) & (e2 == start.to_numpy())
    o = w[first & (w["ccode1"] < w["ccode2"]).to_numpy() & (w["side1"] != w["side2"]).to_numpy()]
    init = ((o["initiator1"] == 1) | (o["initiator2"] == 1)).to_numpy()
    any_init = pd.Series(init, index=o.index).groupby(o["warnum"]).transform("any").to_numpy()
    o = o[init | ~any_init]
    wt = 1.0 / o.groupby("warnum")["ccode1"].transform("size")
    out = o.assign(onset=wt).groupby(["year", "ccode1", "ccode2"], as_index=False)["onset"].sum()
    return out.astype({"year": "int64", "ccode1": "int64", "ccode2": "int64"})


def war_onset_dyad_years(data_dir: Path | None = None, *, first: int = 1816, last: int = 2010, memory: float = 0.8) -> pd.DataFrame:
    """Dyad-years of the COW system with the war-onset covariates (:data:`foedus.theory.war_onset.WAR_ONSET_TERMS`) and ``onset``.

    ``war_history`` is the memory before the year: ``log(1 + (m_t - w_t) / memory)`` of the
    rivalry table's ``m_t`` (which includes the year's war ``w_t``); ``onset`` the weight of the
    year's initiating dyads (:func:`initiating_dyads`, 0 elsewhere).
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    dy = rivalry_dyad_years(d, first=first, last=last, memory=memory)
    y, a, b = dy["year"].to_numpy(int), dy["ccode1"].to_numpy(int), dy["ccode2"].to_numpy(int)
    maj = table(d, "majors")
    maj = _year_pairs(maj.assign(end_year=maj["end_year"].fillna(last)), first, last)
    major = _lookup(maj.assign(major=1.0), "major", first, last) == 1
    wars = read_wars(d / "peacesciencer" / "cow_war_inter.csv")
    at = wars[["year", "ccode1", "ccode2"]].assign(a=lambda w: np.minimum(w["ccode1"], w["ccode2"]), b=lambda w: np.maximum(w["ccode1"], w["ccode2"]))
    at_key = np.unique(at["year"].to_numpy(np.int64) * _CODES * _CODES + at["a"].to_numpy(np.int64) * _CODES + at["b"].to_numpy(np.int64))
    key = y.astype(np.int64) * _CODES * _CODES + a.astype(np.int64) * _CODES + b
    at_war = np.isin(key, at_key).astype(float)
    mem = np.expm1(dy["war_history"].to_numpy(float))
    before = np.clip((mem - at_war) / memory, 0.0, None) if memory > 0 else np.zeros(len(dy))
    ons = initiating_dyads(wars)
    out = dy[["year", "ccode1", "ccode2", "contiguous", "parity", "rival", "joint_democracy"]].copy()
    lat, lng = _capital_arrays(table(d, "capitals"), first, last)
    t = y - first
    out["log_distance"] = th.log_distance(great_circle_km(lat[t, a], lng[t, a], lat[t, b], lng[t, b]))
    out["any_major"] = major[y - first, a] | major[y - first, b]
    out["joint_major"] = th.joint_major(major[y - first, a], major[y - first, b])
    out["war_history"] = war_term(before)
    out["defence_pact"] = _defence_pairs(d, y, a, b)
    out["joint_nuclear"] = nuclear_armed(a, y) & nuclear_armed(b, y)
    out["conquest_norm"] = th.conquest_norm_term(territorial_integrity_norm(y), out["any_major"], out["contiguous"], out["rival"])
    out["lower_democracy"], out["higher_democracy"] = _democracy_link(d, y, a, b, first, last)
    out["issueless_rival"] = th.issueless_rivalry(out["rival"], _spatial_rivalry(d, y, a, b), out["contiguous"])
    out = out.merge(ons, on=["year", "ccode1", "ccode2"], how="left")
    # a pair with two wars begun in one year (Russia and China in 1900: the Boxer war and the Manchurian) is one event
    out["onset"] = out["onset"].fillna(0.0).clip(upper=1.0)
    return out[["year", "ccode1", "ccode2", *th.WAR_ONSET_TERMS, "joint_democracy", "onset"]]


def _spatial_rivalry(d: Path, y, a, b) -> np.ndarray:
    """Whether the pairs ``a < b`` are in a rivalry coded ``spatial`` by Thompson & Dreyer (2012) in the years ``y`` (gpwar16)."""
    rv = table(d, "td")
    rv = rv[rv["spatial"].astype(bool)]
    lo, hi = np.minimum(rv["ccode1"], rv["ccode2"]).to_numpy(np.int64), np.maximum(rv["ccode1"], rv["ccode2"]).to_numpy(np.int64)
    span = [(lo_ * _CODES + hi_, np.arange(max(int(s), 1816), int(e) + 1)) for lo_, hi_, s, e in zip(lo, hi, rv["start_year"], rv["end_year"])]
    keys = np.unique(np.concatenate([yr.astype(np.int64) * _CODES * _CODES + k for k, yr in span])) if span else np.zeros(0, np.int64)
    return np.isin(np.asarray(y, np.int64) * _CODES * _CODES + np.asarray(a, np.int64) * _CODES + np.asarray(b, np.int64), keys)


def _democracy_link(d: Path, y, a, b, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """The weak link of each dyad-year (:func:`foedus.theory.war_onset.democracy_link`): the lower and the higher democracy score.

    Scored as the rivalry table scores democracy (V-Dem ``v2x_polyarchy``, Polity5 ``(polity2 + 10) / 20``
    where V-Dem has none); NaN where a state has neither.
    """
    dem_t = table(d, "democracy")
    dem = _lookup(dem_t.assign(score=dem_t["v2x_polyarchy"].fillna((dem_t["polity2"] + 10.0) / 20.0)), "score", first, last)
    da, db = dem[y - first, a], dem[y - first, b]
    return np.fmin(da, db), np.fmax(da, db)


def _capital_arrays(capitals: pd.DataFrame, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """(years, 1000) latitude and longitude of each state's capital in each year: the spell covering it, else its first spell."""
    lat = np.full((last - first + 1, _CODES), np.nan)
    lng = np.full((last - first + 1, _CODES), np.nan)
    caps = capitals.sort_values(["ccode", "start_year"])
    first_spell = caps.drop_duplicates("ccode")
    lat[:, first_spell["ccode"].to_numpy(int)] = first_spell["lat"].to_numpy(float)
    lng[:, first_spell["ccode"].to_numpy(int)] = first_spell["lng"].to_numpy(float)
    for c, lo, hi, la, lo_ in zip(caps["ccode"].to_numpy(int), caps["start_year"], caps["end_year"], caps["lat"].to_numpy(float), caps["lng"].to_numpy(float)):
        lo = first if pd.isna(lo) else max(int(lo), first)
        hi = last if pd.isna(hi) else min(int(hi), last)
        if lo <= hi:
            lat[lo - first : hi - first + 1, c], lng[lo - first : hi - first + 1, c] = la, lo_
    return lat, lng


class OnsetFit:
    """A fitted war-onset logit: ``intercept``, ``coefficients`` and ``std_errors`` in the order of ``terms``, the sample."""

    def __init__(self, intercept: float, coefficients: Sequence[float], std_errors: Sequence[float], n: int, wars: float, years: tuple[tuple[int, int], ...]):
        self.terms = th.WAR_ONSET_TERMS
        self.intercept, self.coefficients, self.std_errors = float(intercept), tuple(map(float, coefficients)), tuple(map(float, std_errors))
        self.n, self.wars, self.years = n, wars, years

    def hazard(self, df: pd.DataFrame) -> np.ndarray:
        """The annual war-onset hazard of each dyad-year of ``df`` (:func:`foedus.theory.war_onset.war_onset_hazard`)."""
        return th.war_onset_hazard(*(df[c].to_numpy(float) for c in self.terms), intercept=self.intercept, coefficients=self.coefficients)


def _in(df: pd.DataFrame, years: Sequence[tuple[int, int]]) -> np.ndarray:
    keep = np.zeros(len(df), bool)
    for lo, hi in years:
        keep |= df["year"].between(lo, hi).to_numpy()
    return keep


def _at_risk(df: pd.DataFrame) -> np.ndarray:
    return th.politically_relevant(df["contiguous"], df["any_major"], df["rival"])


def estimate_war_onset(dyad_years: pd.DataFrame, years: Sequence[tuple[int, int]] = IN_SAMPLE_YEARS) -> OnsetFit:
    """Firth logit of ``onset`` on :data:`~foedus.theory.war_onset.WAR_ONSET_TERMS` over the politically relevant dyad-years of ``years`` (inclusive spans).

    The pairs at risk are :func:`foedus.theory.war_onset.politically_relevant` (the others' few
    wars are left out: the simulator gives them no hazard).
    """
    sub = dyad_years[_in(dyad_years, years) & _at_risk(dyad_years)]
    sub = sub[sub[list(th.WAR_ONSET_TERMS)].notna().all(axis=1)]
    x = np.column_stack([np.ones(len(sub))] + [sub[c].to_numpy(float) for c in th.WAR_ONSET_TERMS])
    yv = sub["onset"].to_numpy(float)
    beta, se = fit_logit(x, yv)
    return OnsetFit(beta[0], beta[1:], se[1:], len(sub), float(yv.sum()), tuple(map(tuple, years)))


def onset_rates(fit: OnsetFit, dyad_years: pd.DataFrame, years: tuple[int, int]) -> tuple[float, float]:
    """Wars begun in ``years``: observed (sum of ``onset`` over all dyad-years) and predicted (the hazard summed over the pairs at risk)."""
    sub = dyad_years[_in(dyad_years, [years])]
    risk = sub[_at_risk(sub)]
    return float(sub["onset"].sum()), float(np.nansum(fit.hazard(risk)))


def initiator_dyads(data_dir: Path | None = None, *, first: int = 1816, last: int = 2010, democracy_threshold: float = 0.5) -> pd.DataFrame:
    """The record's initiating dyads with exactly one coded initiator: ``warnum, year, ccode1 < ccode2, initiated`` (1: ccode1) and the term differences.

    Initiating dyads as in :func:`initiating_dyads` (opposite sides, both fighting in the war's
    first year); the differences ``ccode1 - ccode2`` of :data:`foedus.theory.war_onset.INITIATION_TERMS`.
    Dyads with a state missing a CINC or a democracy score are left out.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    w = read_wars(d / "peacesciencer" / "cow_war_inter.csv")
    w = w[w["year"].between(first, last)]
    start = w.groupby("warnum")["year"].transform("min")
    entry = w.groupby(["warnum", "ccode1"])["year"].min()
    e1 = entry.reindex(pd.MultiIndex.from_arrays([w["warnum"], w["ccode1"]])).to_numpy()
    e2 = entry.reindex(pd.MultiIndex.from_arrays([w["warnum"], w["ccode2"]])).to_numpy()
    keep = (w["year"] == start).to_numpy() & (e1 == start.to_numpy()) & (e2 == start.to_numpy())
    keep &= (w["ccode1"] < w["ccode2"]).to_numpy() & (w["side1"] != w["side2"]).to_numpy() & ((w["initiator1"] == 1) != (w["initiator2"] == 1)).to_numpy()
    o = w[keep].drop_duplicates(["warnum", "ccode1", "ccode2"])
    y, a, b = o["year"].to_numpy(int), o["ccode1"].to_numpy(int), o["ccode2"].to_numpy(int)
    t = y - first
    cinc = _lookup(table(d, "nmc"), "cinc", first, last)
    maj = table(d, "majors")
    major = _lookup(_year_pairs(maj.assign(end_year=maj["end_year"].fillna(last)), first, last).assign(major=1.0), "major", first, last) == 1
    dem_t = table(d, "democracy")
    dem = _lookup(dem_t.assign(score=dem_t["v2x_polyarchy"].fillna((dem_t["polity2"] + 10.0) / 20.0)), "score", first, last)
    ca, cb, da, db = cinc[t, a], cinc[t, b], dem[t, a], dem[t, b]
    ok = np.isfinite(ca) & np.isfinite(cb) & (ca > 0) & (cb > 0) & np.isfinite(da) & np.isfinite(db)
    x = th.initiation_terms(ca[ok], cb[ok], major[t, a][ok], major[t, b][ok], da[ok] >= democracy_threshold, db[ok] >= democracy_threshold)
    out = pd.DataFrame({"warnum": o["warnum"].to_numpy(int)[ok], "year": y[ok], "ccode1": a[ok], "ccode2": b[ok], "initiated": (o["initiator1"] == 1).to_numpy()[ok].astype(float)})
    for k in th.INITIATION_TERMS:
        out[k] = x[k]
    return out


class InitiationFit:
    """A fitted initiation logit: ``coefficients`` and ``std_errors`` in the order of ``terms``; ``n`` dyads of ``wars`` wars."""

    def __init__(self, coefficients: Sequence[float], std_errors: Sequence[float], n: int, wars: int, years: tuple[tuple[int, int], ...]):
        self.terms = th.INITIATION_TERMS
        self.coefficients, self.std_errors = tuple(map(float, coefficients)), tuple(map(float, std_errors))
        self.n, self.wars, self.years = n, wars, years

    def probability(self, df: pd.DataFrame) -> np.ndarray:
        """Probability that ``ccode1`` initiated, for each dyad of ``df`` (:func:`foedus.theory.war_onset.initiation_probability`)."""
        return th.initiation_probability(*(df[c].to_numpy(float) for c in self.terms), coefficients=self.coefficients)


def estimate_initiation(dyads: pd.DataFrame, years: Sequence[tuple[int, int]] = IN_SAMPLE_YEARS) -> InitiationFit:
    """Firth logit without intercept of ``initiated`` on the differences of :data:`~foedus.theory.war_onset.INITIATION_TERMS` over the dyads of ``years``.

    Each initiating dyad counts once (a war with several initiating dyads counts several times:
    the two world wars weigh more than a war of two states; 111 dyads of 68 wars in the in-sample eras).
    """
    sub = dyads[_in(dyads, years)]
    beta, se = fit_logit(np.column_stack([sub[c].to_numpy(float) for c in th.INITIATION_TERMS]), sub["initiated"].to_numpy(float))
    return InitiationFit(beta, se, len(sub), int(sub["warnum"].nunique()), tuple(map(tuple, years)))


_SHARES = ("allies", "democracies", "distant_minor")


def onset_composition(defence_pact, joint_democracy, contiguous, any_major, weight=None, stronger_initiated=None) -> dict[str, float]:
    """Shares of war onsets between defence allies, between two democracies, and between non-contiguous pairs without a major power.

    One entry per onset (a dyad, weighted by ``weight``, e.g. the record's ``1 / k`` of a war with
    ``k`` initiating dyads); ``stronger_initiated`` (optional, per onset) adds the share of onsets
    whose initiator had the larger capability. Also returns ``onsets`` (the weight summed).

    Examples
    --------
    >>> onset_composition([1, 0, 0, 0], [0, 0, 1, 0], [1, 1, 0, 0], [0, 1, 0, 0])["distant_minor"]
    0.5
    """
    w = np.ones(len(np.atleast_1d(defence_pact))) if weight is None else np.asarray(weight, dtype=float)
    tot = float(w.sum())
    flags = (np.asarray(defence_pact, bool), np.asarray(joint_democracy, bool), ~np.asarray(contiguous, bool) & ~np.asarray(any_major, bool))
    out = {k: float((w * f).sum()) / tot if tot else float("nan") for k, f in zip(_SHARES, flags)}
    if stronger_initiated is not None:
        out["stronger_initiated"] = float((w * np.asarray(stronger_initiated, bool)).sum()) / tot if tot else float("nan")
    out["onsets"] = tot
    return out


def record_onset_composition(dyad_years: pd.DataFrame, years: tuple[int, int]) -> dict[str, float]:
    """:func:`onset_composition` of the record's war onsets in ``years`` (the dyad-years of :func:`war_onset_dyad_years`, weighted by ``onset``)."""
    sub = dyad_years[_in(dyad_years, [years]) & (dyad_years["onset"] > 0).to_numpy()]
    return onset_composition(sub["defence_pact"], sub["joint_democracy"], sub["contiguous"], sub["any_major"], weight=sub["onset"])


MANDATED_WARS: dict[int, str] = {151: "Korea, 1950: UNSC resolutions 83-84", 211: "Kuwait, 1990: UNSC resolution 678"}
"""The COW wars (``warnum``) met by a Security Council mandate to use force against the initiator (Claude 1962; Voeten 2005)."""


def mandate_eligible_wars(data_dir: Path | None = None, years: Sequence[tuple[int, int]] = IN_SAMPLE_YEARS) -> pd.DataFrame:
    """The COW wars begun under the UN Charter in ``years`` that the Security Council could have acted on: ``warnum, year, veto, lead, mandated``.

    ``veto`` when a COW initiator (``initiator1``) holds a permanent seat
    (:func:`foedus.theory.war_onset.permanent_member`) or shares an ATOP defence pact with a state that
    does, in the war's first year (Claude 1962: collective security cannot reach a great power or its
    protege). ``lead`` when, without a veto, a permanent member that is not an initiator had a stake in the war
    (:func:`foedus.theory.war_onset.security_council_lead`; Voeten 2005): it was allied (an ATOP alliance of any
    obligation, as the simulator's ``aligned``) in the war's first year to a target of the initiators that holds no
    seat itself, or the war met a mandate (:data:`MANDATED_WARS`: a mandate is led by a permanent member; the stake of
    Korea, 1950, was a threat the United States shared, not a pact). The simulator draws a mandate only where a permanent
    member leads (:mod:`foedus.sim.steps.mandates`), so its ``collective_security_rate`` should be the share of the wars
    with a lead and no veto that met a mandate: in 1946-1989 Korea, 1950, alone, of 6 (an upper bound: the record does not
    say which permanent members shared a threat with the victim short of a pact). The simulator still carries the share
    per war without a veto, 1/15: 1/6 lost out-of-sample facts (onset19, 2026-12; seeds 7-12, 1990-2018 offence pacts;
    13-18, 1990-2018 war onsets). Wars before 1945 are left out (no Charter).
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    wars = read_wars(d / "peacesciencer" / "cow_war_inter.csv")
    start = wars.groupby("warnum")["year"].min()
    allied = read_atop_dyad_years(d / "peacesciencer" / "atop_alliance.csv.gz")
    al = allied[allied["defense"].astype(bool)]
    rows = []
    for num, y in start.items():
        if not any(lo <= y <= hi for lo, hi in years) or not territorial_integrity_norm(y):
            continue
        first = wars.loc[(wars["warnum"] == num) & (wars["initiator1"] == 1)]
        init = np.unique(first["ccode1"].to_numpy(int))
        partners = al.loc[(al["year"] == y) & al["ccode1"].isin(init), "ccode2"].to_numpy(int)
        veto = bool(th.permanent_member(init, y).any() or th.permanent_member(partners, y).any())
        targets = np.unique(first["ccode2"].to_numpy(int))
        victims = targets[~th.permanent_member(targets, y)]
        friends = np.unique(allied.loc[(allied["year"] == y) & allied["ccode1"].isin(victims), "ccode2"].to_numpy(int))
        friends = friends[~np.isin(friends, init)]
        mandated = int(num) in MANDATED_WARS
        lead = not veto and (mandated or bool(th.permanent_member(friends, y).any()))
        rows.append((int(num), int(y), veto, lead, mandated))
    return pd.DataFrame(rows, columns=["warnum", "year", "veto", "lead", "mandated"])
