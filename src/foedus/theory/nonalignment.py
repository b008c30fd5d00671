r"""The persistence of non-alignment: a state long out of alliances stays out unless its main threat goes to war next door (issue 17 item 4).

Some states stay out of alliances by policy, not by a treaty or law that obliges them (permanent neutrality:
:func:`foedus.theory.alignment.neutrality_bars`): Sweden since 1814, Ireland since independence, Finland between
the wars. Non-alignment becomes a habit, an identity and a domestic consensus that a government does not overturn
for a marginal gain (Karsh 1988, *Neutrality and Small States*; Agius 2006 on Swedish neutrality as identity), and a
state's own record of alignment shapes its next choice (Gibler & Wolford 2006; Crescenzi, Kathman, Kleinberg & Wood
2012 on alliance history and reputation). It is overturned by a shock to the state's security: Sweden and Finland
applied to NATO in May 2022, three months after Russia's full invasion of Ukraine, after two centuries and seven
decades out of alliances.

Published form
--------------
State dependence in event history: a spell's hazard falls with its duration, the Weibull form
:math:`h(t) = \lambda p t^{p - 1}` with shape :math:`p < 1` (negative duration dependence; Box-Steffensmeier &
Jones 2004, *Event History Modeling*, ch. 3). The hazard of a state ``t`` years out of alliances, against one a
year out, is then :math:`h(t) / h(1) = t^{-\beta}` with :math:`\beta = 1 - p`: the yearly chance that the state
weighs a defence or offence pact at all (:func:`policy_inertia`). The record's duration dependence is measured by
:func:`foedus.analysis.nonalignment.nonalignment_hazard` (ATOP 5.1, in-sample eras pooled: :math:`h(t) \approx 0.11
t^{-0.51}`), and ``Parameters.nonalignment_elasticity`` takes it. The simulator applies it to the spell out that a
run inherits from the record (``Actor.nonaligned_since``), which a run cannot otherwise know: its own choices already
fall with time out about as steeply as the record's (:func:`foedus.sim.steps.system.nonalignment_record`).

Ours: the shock that lifts the inertia (:func:`threat_shock`): the state's main threat is at war and is next door,
contiguous or within COW's 400 miles of water (Stinnett et al. 2002, the Direct Contiguity data) -- Russia's war for
Finland and Sweden in 2022. That year the state weighs its options on their merits, as any other state does.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _weights

__all__ = ["NEXT_DOOR_KM", "policy_inertia", "threat_shock"]

NEXT_DOOR_KM = 643.7
"""Greatest distance, km, at which a state is next door (400 miles: the widest water contiguity of the COW Direct
Contiguity data, Stinnett et al. 2002)."""


def policy_inertia(years_out: np.ndarray, elasticity: float) -> np.ndarray:
    r"""The chance that a state ``years_out`` years out of defence and offence pacts weighs one this year: :math:`t^{-\beta}`.

    The Weibull hazard ratio of a spell ``t`` years long against one a year long (Box-Steffensmeier & Jones 2004),
    :math:`\beta` the ``elasticity`` (1 minus the Weibull shape); 1 for a state out a year or less (or in a pact).

    Parameters
    ----------
    years_out : array
        Years each state has stayed out of defence and offence pacts (0: in one, or no record).
    elasticity : float
        :math:`\beta \ge 0`; 0: no inertia.

    Returns
    -------
    ndarray
        Probabilities in (0, 1].

    Examples
    --------
    >>> policy_inertia(np.array([0, 1, 4, 100]), 0.5).round(3).tolist()
    [1.0, 1.0, 0.5, 0.1]
    """
    (elasticity,) = _weights("policy_inertia", elasticity=elasticity)
    t = np.maximum(np.asarray(years_out, dtype=float), 1.0)
    return t ** -float(elasticity)


def threat_shock(main: np.ndarray, at_war: np.ndarray, contiguous: np.ndarray, distance_km: np.ndarray, next_door_km: float = NEXT_DOOR_KM) -> np.ndarray:
    """(N,) bool: the states whose main threat is at war and next door (contiguous, or within ``next_door_km``).

    Parameters
    ----------
    main : array (N,)
        Each state's main threat (index; -1: none).
    at_war : array (N, N) bool
    contiguous : array (N, N) bool
    distance_km : array (N, N)
        Least distance between the states' territories.
    next_door_km : float

    Examples
    --------
    >>> war = np.zeros((3, 3), bool); war[1, 2] = war[2, 1] = True
    >>> threat_shock(np.array([1, -1, 1]), war, np.zeros((3, 3), bool), np.array([[0, 200, 900], [200, 0, 5], [900, 5, 0.0]])).tolist()
    [True, False, True]
    """
    main = np.asarray(main)
    n = len(main)
    has = main >= 0
    j = np.where(has, main, 0)
    i = np.arange(n)
    near = np.asarray(contiguous, bool)[i, j] | (np.asarray(distance_km, float)[i, j] <= next_door_km)
    return has & np.asarray(at_war, bool)[j].any(axis=1) & near
