"""Regenerate the rivalry hazards' coefficients (``rivalry_onset_*``, ``rivalry_end_*`` of foedus.sim.parameters.Parameters).

    PYTHONPATH=src python tools/rivalry_fit.py

Fits :func:`foedus.analysis.rivalry.estimate_rivalry_hazards` on the in-sample eras (1816-1914 and
1946-1989, :data:`foedus.analysis.rivalry.IN_SAMPLE`) of the record's dyad-years, prints each
coefficient with its standard error and z, the events per dyad-year at risk predicted and observed in
every era (1919-1938 and 1990-2010 held out), and the defaults as ``Parameters`` carries them.
"""

from __future__ import annotations

from itertools import zip_longest

from foedus.analysis.rivalry import IN_SAMPLE, estimate_rivalry_hazards, hazard_rates, rivalry_dyad_years
from foedus.sim.parameters import Parameters

ERAS = ((1816, 1914), (1919, 1938), (1946, 1989), (1990, 2010))
FIELDS = {
    "onset": ("rivalry_onset_intercept", Parameters.rivalry_onset_coefficients),
    "termination": ("rivalry_end_intercept", Parameters.rivalry_end_coefficients),
}


def main() -> None:
    dy = rivalry_dyad_years()
    fit = estimate_rivalry_hazards(dy, IN_SAMPLE)
    p = Parameters()
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


if __name__ == "__main__":
    main()
