"""Regenerate the war-duration model's defaults (``war_end_rate``, ``war_duration_*`` of foedus.sim.parameters.Parameters).

    PYTHONPATH=src python tools/war_duration_fit.py

Fits :func:`foedus.analysis.war_duration.estimate_war_duration` (Bennett & Stam 1996's Weibull form,
:mod:`foedus.theory.war_duration`) on the COW war pairs of the wars begun in the in-sample eras (1816-1914 and
1946-1989) and prints each estimate with its standard error beside the value ``Parameters`` carries; then the
same model fitted on each held-out era alone (1919-1938, 1990-2010), for comparison only (never used as defaults).
"""

from __future__ import annotations

from foedus.analysis.war_duration import estimate_war_duration, war_spells
from foedus.sim.parameters import Parameters
from foedus.theory.war_duration import DURATION_TERMS


def main() -> None:
    p = Parameters()
    sp = war_spells()
    fit = estimate_war_duration(sp)
    print(f"in sample: {fit.n} war pairs of {fit.wars} wars, log-likelihood {fit.log_likelihood:.2f}")
    print(f"  war_end_rate (first-year end, reference war) {fit.first_year_end:.4f}   (Parameters: {p.war_end_rate:.4f})")
    for t, b, se, cur in zip(DURATION_TERMS, fit.coefficients, fit.std_errors[1:-1], p.war_duration_coefficients()):
        print(f"  war_duration_{t:12s} {b:9.4f}  s.e. {se:6.3f}   (Parameters: {cur:.4f})")
    print(f"  war_duration_shape        {fit.shape:9.4f}  s.e. of log p {fit.std_errors[-1]:6.3f}   (Parameters: {p.war_duration_shape:.4f})")
    for era in ((1919, 1938), (1990, 2010)):
        g = estimate_war_duration(sp, (era,))
        print(f"HELD OUT {era[0]}-{era[1]} alone: {g.n} pairs, first-year end {g.first_year_end:.3f}, coefficients "
              f"{[round(c, 2) for c in g.coefficients]}, shape {g.shape:.2f} (not used)")


if __name__ == "__main__":
    main()
