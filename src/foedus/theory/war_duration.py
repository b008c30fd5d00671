r"""How long wars last: a Weibull duration model of the pairs at war (Bennett & Stam 1996; Slantchev 2004).

Bennett & Stam (1996) model the duration of the COW inter-state wars as a Weibull survival process whose
scale depends on the belligerents' attributes: wars between evenly matched states last longer (the balance
of capabilities; Slantchev 2004 finds the same: a war ends when fighting has revealed the balance, which
takes longer when the sides are close), and wars fought over contiguous territory, which the defender holds
on to, last longer than expeditions. The survival function of a war whose covariates are ``x`` is the
proportional-hazards Weibull

.. math::  S(t) = \exp\!\left(-e^{\eta}\, t^{p}\right), \qquad \eta = \beta_0 + \sum_k \beta_k x_k,

``t`` in years since the war began and ``p`` the shape (``p < 1``: the longer a war has lasted, the less
likely it is to end the next year, the duration dependence Bennett & Stam report for the wars that survive
their first months). The simulator ends wars once a year, so it uses the discrete hazard of the interval
``(t - 1, t]``:

.. math::  h(t) = 1 - S(t) / S(t - 1) = 1 - \exp\!\left(-e^{\eta} (t^p - (t-1)^p)\right)

(:func:`war_end_probability`), the chance that a pair at war since a war began ``t - 1`` years before ends
its war in year ``t`` (``t >= 1``). The covariates are those of Bennett & Stam that a simulated world carries
(:data:`DURATION_TERMS`): ``parity`` (the weaker's capability share over the stronger's, 0–1; their balance
of forces), ``contiguous`` (direct land contiguity: the war is fought over the ground the two share; their
territorial issue and terrain need data the worlds do not carry) and ``any_major`` (a major power in the
pair) and ``major_backed`` (the weaker state of the pair has a great power on its side: a co-belligerent, or in a run the
great powers of the coalition of the willing against the aggression it suffers, its suppliers; Bennett & Stam's balance of
forces counts the sides, not the pair, and Shirkey 2012 finds that wars joined by third parties last longer: a great power
fighting a neighbour that other great powers back fights a long war, Korea, Vietnam, the Crimean war). Published form vs ours: Bennett & Stam also enter strategy, terrain, population ratio and regime;
we keep the three terms a world has. The coefficients are fitted by maximum likelihood on the COW war
dyads of the in-sample eras (:func:`foedus.analysis.war_duration.estimate_war_duration`: interval-censored
years, left-truncated at a joiner's entry).

References
----------
Bennett, D. S. and A. C. Stam. 1996. "The Duration of Interstate Wars, 1816–1985." *American Political
Science Review* 90(2): 239–57.
Shirkey, Z. C. 2012. "When and How Many: The Effects of Third Party Joining on Casualties and Duration in Interstate
Wars." *Journal of Peace Research* 49(2): 321–34.
Slantchev, B. L. 2004. "How Initiators End Their Wars: The Duration of Warfare and the Terms of Peace."
*American Journal of Political Science* 48(4): 813–29.
"""

from __future__ import annotations

import numpy as np

__all__ = ["DURATION_TERMS", "weibull_survival", "war_end_probability", "first_year_log_scale"]

DURATION_TERMS: tuple[str, ...] = ("parity", "contiguous", "any_major", "major_backed")
"""Covariates of the war-duration model, in the order of its coefficients (after the baseline)."""


def first_year_log_scale(first_year_end: float) -> float:
    """The baseline ``beta_0`` for which the reference war (every covariate 0) ends in its first year with probability ``first_year_end``.

    ``1 - S(1) = 1 - exp(-e^beta_0)``, so ``beta_0 = log(-log(1 - q))``; ``-inf`` at 0 (no war ends), ``+inf`` at 1.

    Examples
    --------
    >>> round(first_year_log_scale(1 - np.exp(-1.0)), 12)
    0.0
    """
    q = float(first_year_end)
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"first_year_log_scale: a probability 0-1 expected, got {q}")
    with np.errstate(divide="ignore"):
        return float(np.log(-np.log1p(-q))) if q < 1.0 else float("inf")


def weibull_survival(t, eta, shape: float) -> np.ndarray:
    """Probability that a war with linear predictor ``eta`` is still under way ``t`` years after it began: ``exp(-e^eta t^p)``.

    Examples
    --------
    >>> weibull_survival([0.0, 1.0], 0.0, 1.0).round(4).tolist()
    [1.0, 0.3679]
    """
    t = np.asarray(t, dtype=float)
    if np.any(t < 0):
        raise ValueError("weibull_survival: t must be >= 0 years")
    if shape <= 0:
        raise ValueError(f"weibull_survival: the shape must be > 0, got {shape}")
    with np.errstate(over="ignore", invalid="ignore"):
        cum = np.exp(np.asarray(eta, dtype=float)) * t**shape
    return np.exp(-np.where(t > 0, cum, 0.0))


def war_end_probability(age, terms, *, first_year_end: float, coefficients, shape: float) -> np.ndarray:
    """Probability that a pair at war ends its war in year ``age`` of the war (``age >= 1``): ``1 - S(age) / S(age - 1)`` (Bennett & Stam 1996).

    Parameters
    ----------
    age : array_like of int
        Years since the war began (1 in the year after its first).
    terms : sequence of array_like
        The covariates in the order of :data:`DURATION_TERMS`.
    first_year_end : float
        Probability that the reference war (every covariate 0) ends in its first year (:func:`first_year_log_scale`);
        0 ends no war, 1 ends every war at once.
    coefficients : sequence of floats
        In the order of :data:`DURATION_TERMS` (positive: a shorter war).
    shape : float
        The Weibull shape ``p`` (> 0; 1 is a constant hazard).

    Examples
    --------
    A constant hazard (``p = 1``) with every covariate 0 is ``first_year_end`` every year:

    >>> war_end_probability([1, 5], ([0, 0], [0, 0], [0, 0], [0, 0]), first_year_end=0.3, coefficients=[1, 1, 1, 1], shape=1.0).round(6).tolist()
    [0.3, 0.3]
    """
    if len(terms) != len(DURATION_TERMS) or len(coefficients) != len(DURATION_TERMS):
        raise ValueError(f"war_end_probability: {len(DURATION_TERMS)} covariates and coefficients expected ({', '.join(DURATION_TERMS)})")
    age = np.asarray(age, dtype=float)
    if np.any(age < 1):
        raise ValueError("war_end_probability: a war ends from the year after it began (age >= 1)")
    if first_year_end <= 0.0:
        return np.zeros(age.shape)
    if first_year_end >= 1.0:
        return np.ones(age.shape)
    eta = first_year_log_scale(first_year_end) + sum(b * np.asarray(x, dtype=float) for b, x in zip(coefficients, terms))
    step = age**shape - (age - 1.0) ** shape
    return -np.expm1(-np.exp(eta) * step)
