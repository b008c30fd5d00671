"""Regenerate the great powers' positional-rivalry hazards (``gp_rivalry_*`` of foedus.sim.parameters.Parameters; issue 17).

    PYTHONPATH=src python tools/gp_rivalry_fit.py

Fits :func:`foedus.analysis.gp_rivalry.estimate_gp_hazards` on the in-sample eras (1816-1914 and 1946-1989) of the COW major
powers' dyad-years with Thompson, Sakuwa & Suhas's (2021) positional rivalries (:func:`foedus.analysis.gp_rivalry.gp_dyad_years`),
prints each coefficient with its standard error, the log-likelihood against the intercept alone, the candidate terms not carried
(each added alone, likelihood ratio on 1 df), the in-sample events, and the onsets and ends the fit predicts in the held-out
years 1919-1938 and 1990-2020 (measured only: never used to choose a term or a value).
"""

from __future__ import annotations

import numpy as np

from foedus.analysis.gp_rivalry import estimate_gp_hazards, gp_dyad_years, gp_log_likelihood
from foedus.analysis.rivalry import IN_SAMPLE, _in_eras
from foedus.sim.parameters import Parameters
from foedus.theory import positional_rivalry as pr

CANDIDATES = {"onset": ("parity_change", "leader_share", "war_history"), "termination": ("log_parity", "leader_pair", "leader_share", "war_history")}
HELD_OUT = ((1919, 1938), (1990, 2020))


def main() -> None:
    p = Parameters()
    dy = gp_dyad_years(change_years=p.gp_rivalry_change_years, war_memory=p.war_memory)
    fit = estimate_gp_hazards(dy)
    for name, h, risk, event in (("onset", fit.onset, "onset_risk", "onset"), ("termination", fit.termination, "end_risk", "end")):
        same = dy.dropna(subset=list(h.terms))  # the intercept alone on the same rows
        null = estimate_gp_hazards(same, onset_terms=(), end_terms=())
        h0 = null.onset if name == "onset" else null.termination
        ll, ll0 = gp_log_likelihood(h, dy, risk, event, IN_SAMPLE), gp_log_likelihood(h0, same, risk, event, IN_SAMPLE)
        print(f"\n{name}: {h.n} dyad-years at risk, {h.events} events; log-likelihood {ll:.2f} (intercept alone {ll0:.2f}, LR {2 * (ll - ll0):.2f})")
        print(f"  {'intercept':14s} {h.intercept:8.3f}")
        for t, b, se in zip(h.terms, h.coefficients, h.std_errors):
            print(f"  {t:14s} {b:8.3f}  s.e. {se:6.3f}  z {b / se:6.2f}")
        sub = dy[dy[risk] & _in_eras(dy, IN_SAMPLE) & dy[event]]
        print("  in-sample events:", [(int(y), int(a), int(b)) for y, a, b in zip(sub["year"], sub["ccode1"], sub["ccode2"])])
        for c in CANDIDATES[name]:
            terms = (*h.terms, c)
            alt = estimate_gp_hazards(dy, onset_terms=terms if name == "onset" else pr.ONSET_TERMS, end_terms=terms if name != "onset" else pr.TERMINATION_TERMS)
            a = alt.onset if name == "onset" else alt.termination
            lla, llb = gp_log_likelihood(a, dy, risk, event, IN_SAMPLE), gp_log_likelihood(h, dy.dropna(subset=list(terms)), risk, event, IN_SAMPLE)
            print(f"  candidate {c:14s} {a.coefficients[-1]:8.3f}  s.e. {a.std_errors[-1]:6.3f}  LR {2 * (lla - llb):5.2f}  (not carried)")
        for era in HELD_OUT:
            s = dy.dropna(subset=list(h.terms))
            s = s[s[risk] & _in_eras(s, [era])]
            print(f"  held out {era[0]}-{era[1]}: observed {int(s[event].sum())}, predicted {float(np.broadcast_to(h.hazard(s), (len(s),)).sum()):.2f} in {len(s)} dyad-years (measured only)")


if __name__ == "__main__":
    main()
