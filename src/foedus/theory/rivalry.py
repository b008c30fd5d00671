"""Strategic rivalries begin and end: discrete-time hazards of onset and termination (brief D1, F2).

A strategic rivalry (Thompson & Dreyer 2012) is a pair of states that regard each other as
competitors, as the source of actual or latent threats, and as enemies. Which pairs become
rivals and which rivalries end is modelled, as in event-history analysis of the field, as a
**discrete-time logit hazard** on dyad-years (Beck, Katz & Tucker 1998): in each year a pair at
risk experiences the event with probability

.. math::

    h = \\frac{1}{1 + e^{-\\eta}}, \\qquad \\eta = \\beta_0 + \\sum_k \\beta_k x_k ,

where the covariates ``x`` are the drivers the literature names for rivalry onset and
termination (Colaresi, Rasler & Thompson 2007; Goertz & Diehl 1995 on political shocks;
Bennett 1998 on why rivalries end):

- ``contiguous``: direct land contiguity (COW type 1): spatial rivalries need a shared border;
- ``major_pair``: both are major powers (positional rivalries among great powers);
- ``parity``: the weaker's capability share over the stronger's, 0–1 (rivalry among equals,
  power-transition theory; Organski & Kugler 1980);
- ``war_history``: the pair's war memory, :func:`war_history` (disputes that escalated to war;
  the record has no dyadic disputes short of war at hand, so wars stand for them);
- ``joint_democracy``: both democratic (the democratic peace);
- ``regime_distance``: the absolute difference of their democracy scores, 0–1 (regime change:
  convergence ends ideological rivalries);
- ``power_shift`` (termination only): the absolute change of the log capability ratio since the
  rivalry began (a shift in power ends or transforms rivalries; Leeds & Savun 2007 on alliances).

The coefficients are estimated on the record by :func:`foedus.analysis.rivalry.estimate_rivalry_hazards`
and carried as the simulator's defaults (:class:`foedus.sim.parameters.Parameters`,
``rivalry_onset_*`` and ``rivalry_end_*``). Published form vs ours: Beck, Katz & Tucker model
duration dependence with splines of the time at risk; ours has none (a record-built world does
not know how long its pairs have been at peace, and the log of a rivalry's age had no effect on
its termination in the record, 1816–2010: coefficient −0.02, s.e. 0.09).

References
----------
Beck, N., J. N. Katz, and R. Tucker. 1998. "Taking Time Seriously: Time-Series–Cross-Section
Analysis with a Binary Dependent Variable." *American Journal of Political Science* 42(4): 1260–88.
Bennett, D. S. 1998. "Integrating and Testing Models of Rivalry Duration." *American Journal of
Political Science* 42(4): 1200–32.
Colaresi, M. P., K. Rasler, and W. R. Thompson. 2007. *Strategic Rivalries in World Politics*.
Cambridge University Press.
Thompson, W. R., and D. Dreyer. 2012. *Handbook of International Rivalries*. CQ Press.
"""

from __future__ import annotations

import numpy as np

ONSET_TERMS: tuple[str, ...] = ("contiguous", "major_pair", "parity", "war_history", "joint_democracy", "regime_distance")
"""Covariates of the onset hazard, in the order of its coefficients (after the intercept)."""

TERMINATION_TERMS: tuple[str, ...] = ("contiguous", "major_pair", "power_shift", "war_history", "joint_democracy", "regime_distance")
"""Covariates of the termination hazard, in the order of its coefficients (after the intercept)."""


def logit_hazard(intercept: float, coefficients, covariates) -> np.ndarray:
    """Annual hazard ``1 / (1 + exp(-(intercept + sum_k coefficients[k] * covariates[k])))`` (Beck, Katz & Tucker 1998).

    Parameters
    ----------
    intercept : float
    coefficients : sequence of K floats
    covariates : sequence of K array_like, broadcastable to one shape

    Returns
    -------
    ndarray
        Probabilities in (0, 1), of the covariates' broadcast shape.

    Examples
    --------
    >>> float(logit_hazard(0.0, [1.0], [np.array(0.0)]))
    0.5
    """
    if len(coefficients) != len(covariates):
        raise ValueError(f"{len(coefficients)} coefficients for {len(covariates)} covariates")
    eta = np.asarray(float(intercept))
    for b, x in zip(coefficients, covariates):
        eta = eta + float(b) * np.asarray(x, dtype=float)
    return 1.0 / (1.0 + np.exp(-eta))


def rivalry_onset_hazard(contiguous, major_pair, parity, war_history, joint_democracy, regime_distance, *, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that two states not in rivalry become strategic rivals (Thompson & Dreyer 2012).

    :func:`logit_hazard` of :data:`ONSET_TERMS` (see the module docstring for each covariate).

    Parameters
    ----------
    contiguous, major_pair, joint_democracy : array_like of bool
    parity : array_like
        The weaker's capability share over the stronger's, 0–1.
    war_history : array_like
        :func:`war_history` of the pair.
    regime_distance : array_like
        ``|democracy_i - democracy_j|``, 0–1.
    intercept : float
    coefficients : sequence of 6 floats
        In the order of :data:`ONSET_TERMS`.
    """
    return logit_hazard(intercept, coefficients, (contiguous, major_pair, parity, war_history, joint_democracy, regime_distance))


def rivalry_termination_hazard(contiguous, major_pair, power_shift, war_history, joint_democracy, regime_distance, *, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that a strategic rivalry ends (Thompson & Dreyer 2012; Bennett 1998).

    :func:`logit_hazard` of :data:`TERMINATION_TERMS`: ``power_shift`` is
    ``|log(p_i / p_j) - log(p_i0 / p_j0)|``, the change of the pair's capability balance since the
    rivalry began (:func:`power_shift`); the others as for :func:`rivalry_onset_hazard`.
    """
    return logit_hazard(intercept, coefficients, (contiguous, major_pair, power_shift, war_history, joint_democracy, regime_distance))


def war_history(previous, at_war, *, memory: float) -> np.ndarray:
    """A pair's war memory after this year: ``memory * previous + at_war`` (years at war, discounted).

    ``memory`` in [0, 1) is the share of last year's memory kept: the geometric discount of past
    wars (``memory`` 0.8: a war year weighs half after about three years). The hazards take
    ``log(1 + war_history)``, see :func:`war_term`.
    """
    if not 0.0 <= memory < 1.0:
        raise ValueError(f"memory must lie in [0, 1), got {memory}")
    return memory * np.asarray(previous, dtype=float) + np.asarray(at_war, dtype=float)


def war_term(history) -> np.ndarray:
    """The covariate the hazards take of a pair's war memory: ``log(1 + war_history)``."""
    return np.log1p(np.asarray(history, dtype=float))


def parity(power_i, power_j) -> np.ndarray:
    """The weaker's capability over the stronger's, 0–1 (0 when both have none)."""
    a, b = np.asarray(power_i, dtype=float), np.asarray(power_j, dtype=float)
    hi, lo = np.maximum(a, b), np.minimum(a, b)
    return np.divide(lo, hi, out=np.zeros(np.broadcast(a, b).shape), where=hi > 0)


def log_ratio(power_i, power_j) -> np.ndarray:
    """``log(p_i / p_j)``, the pair's capability balance (shares > 0)."""
    return np.log(np.asarray(power_i, dtype=float) / np.asarray(power_j, dtype=float))


def power_shift(power_i, power_j, balance0) -> np.ndarray:
    """``|log(p_i / p_j) - balance0|``: how far the pair's capability balance has moved since it was ``balance0`` (:func:`log_ratio`)."""
    return np.abs(log_ratio(power_i, power_j) - np.asarray(balance0, dtype=float))
