r"""Regime transitions: the yearly hazard that a state's political regime changes, and the change (brief P5).

A regime in the simulator is one democracy score :math:`r \in [0, 1]` (V-Dem's polyarchy, or Polity's ``polity2``
rescaled, :mod:`foedus.data.regime`). It drifts slowly (allied diffusion, :func:`foedus.theory.cohesion.democratic_diffusion`),
but the record's regimes also change by jumps: revolutions, coups, a new constitution, a defeat. Polity codes such a
jump as a regime transition (``REGTRANS``: a change of at least 3 of its 21 points; Marshall, Gurr & Jaggers 2014), and
the alliance literature finds that treaties end after one (Leeds & Savun 2007; Leeds, Mattes & Vogel 2009:
:func:`foedus.theory.abrogation.regime_abrogation` acts on it). This module holds

- :func:`regime_type`: autocracy, anocracy (an inconsistent, "partly free" regime) or democracy by the score;
- :func:`transition_hazard`: the yearly probability of a transition, by regime type (Gates, Hegre, Jones & Strand 2006:
  inconsistent regimes are the least durable), zero for a democracy richer than the richest democracy that ever died
  (Przeworski, Alvarez, Cheibub & Limongi 2000), multiplied for a state fighting a stronger enemy (Bueno de Mesquita,
  Siverson & Woller 1992: defeat in war brings regime change);
- :func:`up_probability` and :func:`transition_jump`: its direction (autocracies open, democracies fall, anocracies go
  either way) and its size on the 0-1 scale.

The rates are the record's (Polity5 ``polity2`` moves of at least 3 points within a year, by the simulator's score of
the year before; in-sample eras 1816-1914 and 1946-1989: :mod:`foedus.analysis.regime_transitions`). Pure functions of
arrays; :mod:`foedus.sim.steps.regime` draws the transitions.

References
----------
.. [1] Gates, S., Hegre, H., Jones, M. P. & Strand, H. (2006). Institutional inconsistency and political instability:
   polity duration, 1800-2000. American Journal of Political Science 50(4): 893-908.
.. [2] Przeworski, A., Alvarez, M. E., Cheibub, J. A. & Limongi, F. (2000). Democracy and Development: Political
   Institutions and Well-Being in the World, 1950-1990. Cambridge University Press.
.. [3] Bueno de Mesquita, B., Siverson, R. M. & Woller, G. (1992). War and the fate of regimes: a comparative analysis.
   American Political Science Review 86(3): 638-646.
.. [4] Marshall, M. G., Gurr, T. R. & Jaggers, K. (2014). Polity IV Project: Political Regime Characteristics and
   Transitions, 1800-2013. Dataset Users' Manual. Center for Systemic Peace.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array

__all__ = ["REGIME_TYPES", "POLITY_TRANSITION_POINTS", "regime_type", "transition_hazard", "up_probability", "transition_jump",
           "survival"]

REGIME_TYPES: tuple[str, ...] = ("autocracy", "anocracy", "democracy")
"""The three regime types of :func:`regime_type`, in the order of their codes 0, 1, 2."""

POLITY_TRANSITION_POINTS = 3
"""The smallest move of Polity's 21-point ``polity2`` that its users' manual codes as a regime transition (``REGTRANS``)."""


def regime_type(regime, *, anocracy_from: float, democracy_from: float, check: bool = True) -> np.ndarray:
    r"""Each state's regime type: (N,) int, 0 autocracy (:math:`r < a`), 1 anocracy (:math:`a \le r < d`), 2 democracy (:math:`r \ge d`).

    Polity's convention (Marshall, Gurr & Jaggers 2014) splits its scale at -6 and +6 into autocracies, anocracies and
    democracies; on the simulator's 0-1 score the cut-points are ``anocracy_from`` :math:`a` and ``democracy_from``
    :math:`d` (``0 <= a <= d <= 1``).

    Examples
    --------
    >>> regime_type([0.05, 0.3, 0.5, 0.9], anocracy_from=0.2, democracy_from=0.5).tolist()
    [0, 1, 2, 2]
    """
    r = _array("regime", regime, unit=True, check=check)
    if check and not 0.0 <= anocracy_from <= democracy_from <= 1.0:
        raise ValueError(f"regime_type: need 0 <= anocracy_from <= democracy_from <= 1, got {anocracy_from} and {democracy_from}")
    return (r >= anocracy_from).astype(np.int64) + (r >= democracy_from)


def transition_hazard(regime, income, losing_war, *, rates, consolidation_income: float, war_ratio: float, anocracy_from: float,
                      democracy_from: float, check: bool = True) -> np.ndarray:
    r"""The yearly probability that each state's regime changes by a transition: (N,).

    .. math:: h_i = \min\{1,\; \rho_{k(i)}\,\bigl(1 - [k(i) = \text{dem}]\,[y_i \ge y^*]\bigr)\,w^{[\text{losing}_i]}\}

    with :math:`k(i)` the regime type (:func:`regime_type`) and :math:`\rho_k` its yearly rate (``rates``: autocracy,
    anocracy, democracy). Gates, Hegre, Jones & Strand (2006) find inconsistent regimes (anocracies) the least durable,
    autocracies and democracies more so. Przeworski, Alvarez, Cheibub & Limongi (2000) find that no democracy richer
    than Argentina in 1975 ever fell: a democracy with income per head :math:`y_i` at or above ``consolidation_income``
    :math:`y^*` has no transition. Bueno de Mesquita, Siverson & Woller (1992) find that defeat in war brings regime
    change; a state at war with a stronger enemy (``losing_war``, the likely loser) has its hazard multiplied by
    ``war_ratio`` :math:`w \ge 1`. ``regime`` (N,) in [0, 1], ``income`` (N,) >= 0 (NaN: unknown, taken as poor),
    ``losing_war`` (N,) bool.

    Examples
    --------
    >>> transition_hazard([0.1, 0.3, 0.6, 0.9, 0.1], [1e3, 1e3, 1e3, 5e4, 1e3], [False, False, False, False, True],
    ...                   rates=(0.04, 0.06, 0.016), consolidation_income=14569.0, war_ratio=2.0, anocracy_from=0.2,
    ...                   democracy_from=0.5).round(3).tolist()
    [0.04, 0.06, 0.016, 0.0, 0.08]
    """
    k = regime_type(regime, anocracy_from=anocracy_from, democracy_from=democracy_from, check=check)
    rho = np.asarray(rates, dtype=float)
    if check:
        if rho.shape != (3,) or not np.all((rho >= 0) & (rho <= 1)):
            raise ValueError(f"transition_hazard: rates must be three probabilities (autocracy, anocracy, democracy), got {rates}")
        if not war_ratio >= 1.0 or not np.isfinite(war_ratio):
            raise ValueError(f"transition_hazard: war_ratio must be a finite number >= 1, got {war_ratio}")
        if not consolidation_income >= 0:
            raise ValueError(f"transition_hazard: consolidation_income must be >= 0, got {consolidation_income}")
    y = np.asarray(income, dtype=float)
    lose = np.asarray(losing_war, dtype=bool)
    if check and (y.shape != k.shape or lose.shape != k.shape):
        raise ValueError(f"transition_hazard: regime, income and losing_war must be (N,) alike, got {k.shape}, {y.shape}, {lose.shape}")
    consolidated = (k == 2) & (y >= consolidation_income)  # NaN income compares False: an unknown income is not a rich one
    h = np.where(consolidated, 0.0, rho[k])
    return np.minimum(h * np.where(lose, war_ratio, 1.0), 1.0)


def up_probability(kind, up_shares) -> np.ndarray:
    r"""The probability that a transition of a state of regime type ``kind`` (N,) int opens the regime: ``up_shares[kind]``.

    ``up_shares`` (3,): the record's share of transitions that raise the score, for autocracies, anocracies, democracies
    (an autocracy has little room to fall, a democracy little to rise; Gates et al. 2006's anocracies go either way).

    Examples
    --------
    >>> up_probability(np.array([0, 1, 2]), (0.7, 0.39, 0.31)).tolist()
    [0.7, 0.39, 0.31]
    """
    s = np.asarray(up_shares, dtype=float)
    if s.shape != (3,) or not np.all((s >= 0) & (s <= 1)):
        raise ValueError(f"up_probability: up_shares must be three probabilities, got {up_shares}")
    return s[np.asarray(kind, dtype=np.int64)]


def transition_jump(regime, up, *, size: float, ceiling: float = 1.0) -> np.ndarray:
    r"""The regime after a transition: :math:`r' = \min(r + s, \max(c, r))` where ``up``, else :math:`\max(r - s, 0)`; (N,).

    ``size`` :math:`s` in [0, 1] is the move of the score at a transition (the simulator passes the record's mean move of
    V-Dem's polyarchy at Polity's transitions, ``regime_transition_score_move``; Polity's own size, which the abrogation
    rule reads, is recorded apart, :mod:`foedus.sim.steps.regime`). An opening
    makes a democracy of the record's kind, not a more perfect one: it stops at ``ceiling`` :math:`c` in [0, 1] (a regime
    already above it does not move), as Polity's scale stops at 10 -- a democracy's "opening" is its consolidation.

    Examples
    --------
    >>> transition_jump([0.01, 0.8, 0.7, 0.9], [True, False, True, True], size=0.3, ceiling=0.83).round(2).tolist()
    [0.31, 0.5, 0.83, 0.9]
    """
    if not 0.0 <= size <= 1.0:
        raise ValueError(f"transition_jump: size must lie in [0, 1], got {size}")
    if not 0.0 <= ceiling <= 1.0:
        raise ValueError(f"transition_jump: ceiling must lie in [0, 1], got {ceiling}")
    r = np.asarray(regime, dtype=float)
    return np.where(np.asarray(up, dtype=bool), np.minimum(r + size, np.maximum(ceiling, r)), np.maximum(r - size, 0.0))


def survival(hazard, years) -> np.ndarray:
    r"""The probability that a regime with a constant yearly ``hazard`` :math:`h` lasts ``years`` :math:`t`: :math:`(1 - h)^t`.

    Its expected life is :math:`1/h` years (a geometric duration): the record's in-sample anocracy rate, about 0.06,
    gives an anocracy about 16 years, as Gates et al. (2006) find inconsistent polities short-lived.

    Examples
    --------
    >>> float(survival(0.5, 2))
    0.25
    """
    return (1.0 - np.asarray(hazard, dtype=float)) ** np.asarray(years, dtype=float)
