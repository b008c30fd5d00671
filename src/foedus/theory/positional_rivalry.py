"""The positional rivalries of the great powers: hazards of onset and termination for a pair of major powers (issue 17).

Thompson (2001) calls *positional* the rivalries over relative position, the status and leadership of a system or region; among
great powers they are the rule (Thompson, Sakuwa & Suhas 2021 code 30 of the 32 rivalries among COW major powers positional).
Power-transition theory (Organski & Kugler 1980) and Colaresi, Rasler & Thompson (2007) have them begin between near-equals and
around the leading power (a challenger contesting the leader's position) and end when one side falls out of contention. The
simulator reads, for a pair of major powers only (:func:`foedus.sim.steps.rivalry.rivalries`), the discrete-time logit hazards
(Beck, Katz & Tucker 1998; :func:`foedus.theory.rivalry.logit_hazard`)

- onset: ``eta = c + b_1 log_parity + b_2 leader_pair`` (:data:`ONSET_TERMS`): :func:`foedus.theory.rivalry.log_parity` of the
  pair's capabilities (the capacity to threaten, Thompson 2001; parity, Organski & Kugler 1980) and :func:`leader_pair`, one of
  the two is the leading great power (:func:`leading_power`: contested leadership);
- termination: ``eta = c + b parity_change`` (:data:`TERMINATION_TERMS`): :func:`parity_change`, the change of the pair's log
  parity over the last ``change_years`` years (negative when one falls behind the other: it leaves the contest).

**Estimation** (``tools/gp_rivalry_fit.py``, :func:`foedus.analysis.gp_rivalry.estimate_gp_hazards`): the dyad-years of the COW
major powers (both majors in the year) of the in-sample eras 1816-1914 and 1946-1989 with Thompson, Sakuwa & Suhas's positional
rivalries and the NMC 7.0 CINC series; Firth's slopes, FLIC intercept. Onset: 1,144 dyad-years at risk, 5 onsets (France-Italy
1881, Germany-Russia 1890, Britain-Germany 1896, Japan-United States 1898, China-USSR 1958), intercept -4.858, ``log_parity``
0.983 (s.e. 0.745), ``leader_pair`` 1.056 (s.e. 0.938); log-likelihood -31.32 against -32.15 with the intercept alone (LR 1.7 on 2
df: five onsets do not reject a constant rate; the terms are the published drivers at their fitted values, not a finding).
Termination: 734 rivalry-years, 6 ends (Britain-United States and Britain-France 1904, Britain-USSR 1956, China-United States
1972, United States-USSR and China-USSR 1989), intercept -4.935, ``parity_change`` over 10 years -2.451 (s.e. 1.174, z -2.1);
log-likelihood -33.54 against -34.82 (LR 2.6 on 1 df, p 0.11).

Tested on the same data and **not carried** (each added alone, in-sample likelihood ratio on 1 df): the onset's
``parity_change`` (-0.07, s.e. 0.99, LR 0.04: a rising challenger is not more often a new rival within ten years in these eras),
the leader's share of the great powers' capability (:func:`leader_share`, Modelski & Thompson's deconcentration: onset -8.0, s.e.
6.1, LR 1.6; termination -6.6, s.e. 5.3, LR 1.6), the pair's war memory (:func:`foedus.theory.rivalry.war_term`: onset +0.96, s.e.
1.65; termination +0.15, s.e. 1.93; France and Russia in 1854-56, Austria and Prussia in 1866 fought without a positional rivalry
and began none), the termination's ``log_parity`` (+2.6, s.e. 1.5, LR 3.7: near-equals ending sooner, against the theory) and
``leader_pair`` (+0.08, s.e. 0.79). Held out, measured only: onsets 1919-1938 4 observed for 1.4 predicted, 1990-2020 3 for 2.1
(China-United States and China-Japan 1996, Russia-United States 2007); ends 1919-1938 0 for 1.2, 1990-2020 0 for 0.8.

The simulator's general onset hazard (:mod:`foedus.theory.rivalry`) predicts 5.3 onsets for the record's 5 among the major pairs
in sample (Thompson & Dreyer's), and 0.9 for 3 among them in 1990-2010: on average it is not wrong in sample; what this one
changes is *which* great-power pairs: the leading power's pairs at about 2.9 times the others' at equal parity, and no term of
regime distance (-1.2 in the general hazard: a third of the United States-China hazard of 1990), war memory (whose 2.7 made two
great powers at war rivals at once, 0.2-0.3 a year in runs from 1816) or contiguity, which the record's great-power onsets do
not carry. In runs from the record of 1990 (seeds 1-3, ``tools/gp_main_threats.py``) Russia names the United States its main
threat in 13 of 87 state-years and China in 22 (none on main cccbd09); the United States names China in 22 and Russia in 15 (0
and 3).

Published form vs ours: Organski & Kugler date transitions by the challenger overtaking the dominant power (its growth rate);
the change of parity stands for it in the termination only (in the onset it has no weight in sample). The leading power is the
great power of largest capability share (CINC), not Modelski's sea power.

References
----------
Beck, N., J. N. Katz, and R. Tucker. 1998. "Taking Time Seriously." *American Journal of Political Science* 42(4): 1260-88.
Colaresi, M. P., K. Rasler, and W. R. Thompson. 2007. *Strategic Rivalries in World Politics*. Cambridge University Press.
Modelski, G., and W. R. Thompson. 1996. *Leading Sectors and World Powers*. University of South Carolina Press.
Organski, A. F. K., and J. Kugler. 1980. *The War Ledger*. University of Chicago Press.
Thompson, W. R. 2001. "Identifying Rivals and Rivalries in World Politics." *International Studies Quarterly* 45(4): 557-86.
Thompson, W. R., K. Sakuwa, and P. H. Suhas. 2021. *Analyzing Strategic Rivalries in World Politics*. Springer.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.rivalry import log_parity, logit_hazard

ONSET_TERMS: tuple[str, ...] = ("log_parity", "leader_pair")
"""Covariates of the great powers' onset hazard, in the order of its coefficients (after the intercept)."""

TERMINATION_TERMS: tuple[str, ...] = ("parity_change",)
"""Covariates of the great powers' termination hazard, in the order of its coefficients (after the intercept)."""


def leading_power(power, major) -> int:
    """Index of the leading great power: the major power (``major`` True) of largest capability share ``power``; -1 when none.

    Examples
    --------
    >>> leading_power([0.3, 0.2, 0.1], [False, True, True])
    1
    """
    p, m = np.asarray(power, dtype=float), np.asarray(major, dtype=bool)
    if not m.any():
        return -1
    return int(np.flatnonzero(m)[np.argmax(p[m])])


def leader_pair(i, j, leader) -> np.ndarray:
    """True for the pairs ``(i, j)`` of which one is the leading power ``leader`` (:func:`leading_power`).

    Examples
    --------
    >>> leader_pair([0, 1], [2, 2], 0).tolist()
    [True, False]
    """
    return (np.asarray(i) == leader) | (np.asarray(j) == leader)


def leader_share(power, major) -> float:
    """The leading great power's share of the great powers' capability, 0-1 (a candidate term, not carried: module docstring).

    Examples
    --------
    >>> leader_share([0.3, 0.2, 0.1], [True, True, False])
    0.6
    """
    p, m = np.asarray(power, dtype=float), np.asarray(major, dtype=bool)
    total = p[m].sum()
    return float(p[m].max() / total) if total > 0 else 0.0


def parity_change(power_i, power_j, past_i, past_j) -> np.ndarray:
    """``log_parity(now) - log_parity(past)``: the change of the pair's log parity (:func:`foedus.theory.rivalry.log_parity`).

    Positive when the two have drawn closer, negative when the weaker has fallen further behind (or the stronger has pulled
    ahead); symmetric in the pair. ``past_*`` are the capability shares ``change_years`` before.

    Examples
    --------
    >>> round(float(parity_change(0.2, 0.1, 0.2, 0.2)), 4)  # from equals to half: it falls behind
    -0.6931
    """
    return log_parity(power_i, power_j) - log_parity(past_i, past_j)


def positional_onset_hazard(log_parity_, leader_pair_, *, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that two great powers not in rivalry become positional rivals (:data:`ONSET_TERMS`; module docstring).

    Examples
    --------
    >>> round(float(positional_onset_hazard(0.0, True, intercept=-4.858, coefficients=(0.983, 1.056))), 4)
    0.0218
    """
    return logit_hazard(intercept, coefficients, (log_parity_, leader_pair_))


def positional_termination_hazard(parity_change_, *, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that the positional rivalry of two great powers ends (:data:`TERMINATION_TERMS`; module docstring).

    Examples
    --------
    >>> round(float(positional_termination_hazard(0.0, intercept=-4.935, coefficients=(-2.451,))), 4)
    0.0071
    """
    return logit_hazard(intercept, coefficients, (parity_change_,))


def past_power(previous, power, *, years: int) -> np.ndarray:
    """The capability shares of the last ``years`` years after this year's ``power``: ``(years, N)``, oldest first.

    ``previous`` is last year's array (its first row the shares ``years`` years ago); one of another shape (a new world, or
    another ``years``) starts the memory with this year's shares in every row (no change known yet).

    Examples
    --------
    >>> past_power(np.zeros((0, 0)), [0.5, 0.5], years=2).tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    >>> past_power([[0.1, 0.9], [0.2, 0.8]], [0.3, 0.7], years=2).tolist()
    [[0.2, 0.8], [0.3, 0.7]]
    """
    if years < 1:
        raise ValueError(f"years must be >= 1, got {years}")
    p = np.asarray(power, dtype=float)
    prev = np.asarray(previous, dtype=float)
    if prev.shape != (years, p.shape[0]):
        return np.tile(p, (years, 1))
    return np.vstack([prev[1:], p[None, :]])
