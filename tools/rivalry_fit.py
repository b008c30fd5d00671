"""Regenerate the rivalry hazards' coefficients (``rivalry_onset_*``, ``rivalry_end_*`` of foedus.sim.parameters.Parameters).

    PYTHONPATH=src python tools/rivalry_fit.py

Fits :func:`foedus.analysis.rivalry.estimate_rivalry_hazards` on the in-sample eras (1816-1914 and
1946-1989, :data:`foedus.analysis.rivalry.IN_SAMPLE`) of the record's dyad-years, prints each
coefficient with its standard error and z, the events per dyad-year at risk predicted and observed in
every era (1919-1938 and 1990-2010 held out), the defaults as ``Parameters`` carries them, and the onset
likelihood at each reach of two minor states (``rivalry_reach_km``) and at each decay time of the new-pair term
(``rivalry_new_pair_years``), and the likelihood-ratio tests of candidate onset terms not carried (rivalry13: new pairs by
neighbourhood, democratic neighbours, which the record does not support; a rival in common, which it does, but which
cost in-sample facts in the simulator: foedus.theory.rivalry's module docstring), and (succ14) the onset fit with successor
states taking up their predecessors' pairs by kind (foedus.data.succession) and the new-pair effect a secession's pairs with
third states would keep. Pairs of minor states without a border beyond
``rivalry_contact_km`` are not at risk of onset (foedus.theory.rivalry.beyond_contact).
"""

from __future__ import annotations

from itertools import zip_longest

import numpy as np
from scipy.stats import chi2

from foedus.analysis.rivalry import (
    IN_SAMPLE,
    _fit,
    estimate_rivalry_hazards,
    hazard_rates,
    log_likelihood,
    profile_new_pair,
    profile_reach,
    rivalry_dyad_years,
)
from foedus.sim.parameters import Parameters
from foedus.theory.rivalry import MARITIME_KM, PARITY_FLOOR, new_pair

REACHES_KM = (241.0, 644.0, 1000.0, 1500.0, 2500.0)
"""Reaches profiled: Maoz & Russett's 150 miles of water, COW's 400 miles, then 1,000-2,500 km."""
NEW_PAIR_YEARS = (1.0, 2.0, 3.0, 5.0, 10.0)
"""Decay times of foedus.theory.rivalry.new_pair profiled (rivalry_new_pair_years)."""
ERAS = ((1816, 1914), (1919, 1938), (1946, 1989), (1990, 2010))
RELEVANCE_TERMS = ("minor_distance", "one_major_reach", "one_major_new_pair")
"""The onset terms of relevance (foedus.theory.rivalry.minor_distance, one_major_part): tested together by likelihood ratio."""
SUCCESSION_KINDS = ((), ("dissolution",), ("dissolution", "secession"))
"""Successors taking up their predecessors' pairs (foedus.data.succession), by kind: none, dissolutions, and secessions too (carried)."""
CANDIDATES = {
    "new_pair x contiguous": lambda dy: dy["new_pair"].to_numpy(float) * dy["contiguous"].to_numpy(float),
    "new_pair x minor_distance": lambda dy: dy["new_pair"].to_numpy(float) * dy["minor_distance"].to_numpy(float),
    "joint_democracy x contiguous": lambda dy: (dy["joint_democracy"] & dy["contiguous"]).to_numpy(float),
    "shared_rival": lambda dy: dy["shared_rival"].to_numpy(float),
    "defence_pact x contiguous": lambda dy: (dy["defence_pact"] & dy["contiguous"]).to_numpy(float),
    "one_major x log(1 + d / 241 km)": lambda dy: np.where(dy["one_major"].to_numpy(bool), np.log1p(dy["distance_km"].to_numpy(float) / MARITIME_KM), 0.0),
    "major_pair x log(1 + d / 241 km)": lambda dy: np.where(dy["major_pair"].to_numpy(bool), np.log1p(dy["distance_km"].to_numpy(float) / MARITIME_KM), 0.0),
    "past rivalry (ended)": lambda dy: _past_rivalry(dy),
    "log weaker capability share": lambda dy: _log_weaker(dy),
    "newness a secession's third pairs lose": lambda dy: _lost(dy, None),
    "newness a secession's third neighbours lose": lambda dy: _lost(dy, True),
    "one_major x other region": lambda dy: _other_region(dy),
    "one_major x other region x not contiguous": lambda dy: _other_region(dy) * (1.0 - dy["contiguous"].to_numpy(float)),
    "democracy_weak_link (the weak link, beside joint_democracy)": lambda dy: dy["democracy_weak_link"].to_numpy(float),
}
"""Terms tested and not carried (rivalry13; succ14 from defence_pact x contiguous on: the allied neighbours, far great-power pairs and
recurrence that would remove Turkey-Azerbaijan, Russia-Taiwan or Egypt-Japan; rivalry17 from one_major x other region on: a great power
and a minor state of another COW region, which would remove Germany-Egypt or Austria-Hungary-Ecuador; rivalry20 the weak link of
democracy, Dixon 1994): each added alone to the onset
terms, likelihood ratio on 1 df in sample."""
KINDS = ("major pair", "one major, same region", "one major, other region", "minor, contiguous", "minor, within 1,000 km", "minor, beyond 1,000 km")
"""The kinds of pair whose onsets :func:`_kinds` counts (rivalry17: the pairs born in runs an expert questions are of the third and last kinds)."""
FIELDS = {
    "onset": ("rivalry_onset_intercept", Parameters.rivalry_onset_coefficients),
    "termination": ("rivalry_end_intercept", Parameters.rivalry_end_coefficients),
}


def main() -> None:
    p = Parameters()
    dy = rivalry_dyad_years(reach_km=p.rivalry_reach_km, contact_km=p.rivalry_contact_km, new_pair_years=p.rivalry_new_pair_years, miles_per_day=p.miles_per_day)
    print("onset log-likelihood on the in-sample eras by reach (km):", {k: round(v, 1) for k, v in profile_reach(dy, REACHES_KM).items()})
    print("onset log-likelihood on the in-sample eras by new-pair decay (years):", {k: round(v, 1) for k, v in profile_new_pair(dy, NEW_PAIR_YEARS).items()})
    fit = estimate_rivalry_hazards(dy, IN_SAMPLE)
    ll = {}
    for label, terms in (("with", None), ("without", tuple(t for t in fit.onset.terms if t not in RELEVANCE_TERMS))):
        h = fit.onset if terms is None else _fit(dy, "onset_risk", "onset", terms, IN_SAMPLE)
        ll[label] = {era: log_likelihood(h, dy, "onset_risk", "onset", [era]) for era in ERAS}
    lr = 2 * sum(ll["with"][e] - ll["without"][e] for e in IN_SAMPLE)
    print(f"relevance terms {RELEVANCE_TERMS}: in-sample likelihood ratio {lr:.1f} on {len(RELEVANCE_TERMS)} df, p {chi2.sf(lr, len(RELEVANCE_TERMS)):.1e}")
    for era in ERAS:
        print(f"  {era[0]}-{era[1]} onset log-likelihood with {ll['with'][era]:8.2f} without {ll['without'][era]:8.2f}")
    _successions(p)
    _tests(dy, fit)
    _kinds(dy, fit)
    for name, h, risk, event in (("onset", fit.onset, "onset_risk", "onset"), ("termination", fit.termination, "end_risk", "end")):
        print(f"\n{name}: {h.n} dyad-years at risk, {h.events} events, eras {h.years}")
        field, coefs = FIELDS[name]
        print(f"  {'intercept':18s} {h.intercept:9.4f}   (Parameters: {getattr(p, field):.4f})")
        for t, b, se, cur in zip_longest(h.terms, h.coefficients, h.std_errors, coefs(p)[: len(h.terms)], fillvalue=float("nan")):
            print(f"  {t:18s} {b:9.4f}  s.e. {se:6.3f}  z {b / se:6.2f}   (Parameters: {cur:.4f})")
        for era in ERAS:
            obs, pred, n = hazard_rates(h, dy, risk, event, era)
            tag = "in sample" if era in IN_SAMPLE else "HELD OUT"
            print(f"  {era[0]}-{era[1]} {tag:9s} observed {obs:.6f} ({n} events)  predicted {pred:.6f}  ratio {pred / obs if obs else float('nan'):.2f}")


def _other_region(dy) -> np.ndarray:
    """1 for a great power and a minor state of different COW regions (:func:`foedus.theory.regions.cow_region`), else 0."""
    from foedus.theory.regions import cow_region

    other = cow_region(dy["ccode1"].to_numpy()) != cow_region(dy["ccode2"].to_numpy())
    return (dy["one_major"].to_numpy(bool) & other).astype(float)


def _kind(dy) -> np.ndarray:
    """Each dyad-year's index in :data:`KINDS`."""
    major, one, cont = dy["major_pair"].to_numpy(bool), dy["one_major"].to_numpy(bool), dy["contiguous"].to_numpy(bool)
    other = _other_region(dy).astype(bool)
    near = dy["distance_km"].to_numpy(float) <= 1000.0
    return np.select([major, one & ~other, one & other, cont, near], [0, 1, 2, 3, 4], 5)


def _kinds(dy, fit) -> None:
    """Onsets observed and expected by the fitted hazard, by kind of pair (:data:`KINDS`) and era, per 1,000 dyad-years at risk."""
    h = fit.onset.hazard(dy)
    risk, event, kind, year = dy["onset_risk"].to_numpy(bool), dy["onset"].to_numpy(bool), _kind(dy), dy["year"].to_numpy()
    print("onsets by kind of pair: dyad-years at risk, observed (per 1,000), expected by the fit")
    for era in ERAS:
        for k, name in enumerate(KINDS):
            m = risk & (kind == k) & (year >= era[0]) & (year <= era[1])
            n = int(m.sum())
            print(f"  {era[0]}-{era[1]} {name:26s} {n:7d}  observed {int(event[m].sum()):3d} ({1000 * event[m].sum() / max(n, 1):6.3f})  expected {h[m].sum():6.2f}")


def _log_weaker(dy) -> np.ndarray:
    """``log(max(min(cinc_i, cinc_j), PARITY_FLOOR))``: the weaker state's capability share (the capacity to threaten in absolute terms)."""
    from foedus.analysis.rivalry import _lookup
    from foedus.data.paths import default_data_dir
    from foedus.data.snapshot_fields import table

    y0, y1 = int(dy["year"].min()), int(dy["year"].max())
    cinc = _lookup(table(default_data_dir(), "nmc"), "cinc", y0, y1)
    t = dy["year"].to_numpy() - y0
    c = np.fmin(cinc[t, dy["ccode1"].to_numpy()], cinc[t, dy["ccode2"].to_numpy()])
    return np.log(np.maximum(np.nan_to_num(c), PARITY_FLOOR))


def _past_rivalry(dy) -> np.ndarray:
    """Whether the pair had a Thompson & Dreyer rivalry that ended before the year (a rivalry's recurrence)."""
    from foedus.data.paths import default_data_dir
    from foedus.data.snapshot_fields import table

    td = table(default_data_dir(), "td")
    y, a, b = dy["year"].to_numpy(), dy["ccode1"].to_numpy(), dy["ccode2"].to_numpy()
    out = np.zeros(len(dy), bool)
    for c1, c2, end in zip(td["ccode1"], td["ccode2"], td["end_year"]):  # 197 rivalries
        out |= (a == min(c1, c2)) & (b == max(c1, c2)) & (y > end)
    return out.astype(float)


def _lost(dy, contiguous) -> np.ndarray:
    """The new-pair term a seceded state's pairs with third states lose by taking up their parent's (own entries less inherited),
    for all of them or (``contiguous``) its neighbours only: the test of a new-pair effect for secessions beyond parent and siblings."""
    from foedus.analysis.rivalry import _pair_age
    from foedus.data.paths import default_data_dir
    from foedus.data.snapshot_fields import table

    y, a, b = dy["year"].to_numpy(), dy["ccode1"].to_numpy(), dy["ccode2"].to_numpy()
    own, third = _pair_age(table(default_data_dir(), "states"), y, a, b, ("dissolution",))
    x = (new_pair(own, years=Parameters().rivalry_new_pair_years) - dy["new_pair"].to_numpy(float)) * (third == 2)
    return x * dy["contiguous"].to_numpy(float) if contiguous else x


def _successions(p: Parameters) -> None:
    """The onset fit with successors taking up their predecessors' pairs, by kind: in-sample log-likelihood (same terms, so
    compared directly), the new-pair coefficient, held-out log-likelihoods and onsets predicted against observed 1990-2010."""
    for kinds in SUCCESSION_KINDS:
        dy = rivalry_dyad_years(reach_km=p.rivalry_reach_km, contact_km=p.rivalry_contact_km, new_pair_years=p.rivalry_new_pair_years, miles_per_day=p.miles_per_day, succession=kinds)
        h = estimate_rivalry_hazards(dy, IN_SAMPLE).onset
        ll = {e: log_likelihood(h, dy, "onset_risk", "onset", [e]) for e in ERAS}
        obs, pred, n = hazard_rates(h, dy, "onset_risk", "onset", (1990, 2010))
        k = h.terms.index("new_pair")
        print(f"successions {kinds or 'none'}: in-sample log-likelihood {sum(ll[e] for e in IN_SAMPLE):.2f}, new_pair {h.coefficients[k]:+.3f} (s.e. {h.std_errors[k]:.3f}); "
              f"held out 1919-1938 {ll[(1919, 1938)]:.2f}, 1990-2010 {ll[(1990, 2010)]:.2f}, onsets 1990-2010 predicted {n * pred / obs:.1f} for {n}")


def _lr(dy, terms: tuple[str, ...], ref: float) -> str:
    h = _fit(dy, "onset_risk", "onset", terms, IN_SAMPLE)
    ins = sum(log_likelihood(h, dy, "onset_risk", "onset", [e]) for e in IN_SAMPLE)
    lr = 2 * (ins - ref)
    held = ", ".join(f"{e[0]}-{e[1]} {log_likelihood(h, dy, 'onset_risk', 'onset', [e]):.2f}" for e in ERAS if e not in IN_SAMPLE)
    return f"{h.coefficients[-1]:+.3f} (s.e. {h.std_errors[-1]:.3f}), in-sample log-likelihood {ins:.2f}, LR {lr:.2f} on 1 df, p {chi2.sf(lr, 1):.1e}; held out {held}"


def _tests(dy, fit) -> None:
    """Each candidate term added alone to the fitted onset terms: estimate, s.e., likelihood ratio on 1 df in sample (held-out eras measured only)."""
    full = sum(log_likelihood(fit.onset, dy, "onset_risk", "onset", [e]) for e in IN_SAMPLE)
    print(f"candidate onset terms against the fit's in-sample log-likelihood {full:.2f}:")
    for name, make in CANDIDATES.items():
        x = dy.assign(_candidate=make(dy))
        print(f"candidate {name}: {_lr(x, fit.onset.terms + ('_candidate',), full)}")


if __name__ == "__main__":
    main()
