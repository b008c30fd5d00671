"""Capabilities and what they make of alliances: power shares, offence, asymmetry, commitment, common threat.

The simulator's measures of what states can do and of what their alliances hold in common
(brief A1, A3, F2, P2, P5), stated once here and called by :mod:`foedus.sim` (or, inside its
compiled membership passes, proven equal to these functions by the tests):

- :func:`capability_shares`: each state's share of the system's capabilities as its economy
  and military stock move, a two-component analogue of CINC (Singer et al. 1972);
- :func:`offensive_capability`: Walt's third source of threat, the force posture built to
  project power (Walt 1987);
- :func:`asymmetric_capabilities`: one great power with secondary allies (brief A3);
- :func:`commitment_strength`: how much an agreement's ATOP obligations promise in a war
  (Leeds et al. 2002);
- the security profile of an alliance, the inputs of its cohesion and dissolution hazard:
  :func:`common_threat_pressure` (ρ), :func:`economic_evenness`, :func:`regime_similarity` and
  :func:`capability_change` (Walt 1987; Morrow 1991; Leeds 2003).

Units. Capability shares sum to 1 over the modelled states; every other output is
dimensionless in [0, 1] (or a boolean).

References
----------
1. Singer, J. D., Bremer, S. & Stuckey, J. (1972). Capability distribution, uncertainty, and
   major power war, 1820-1965. In B. Russett (ed.), *Peace, War, and Numbers*. Beverly Hills:
   Sage, 19-48.
2. Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2.
3. Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty
   Obligations and Provisions, 1815-1944. *International Interactions* 28(3): 237-260.
4. Morrow, J. D. (1991). Alliances and asymmetry: an alternative to the capability aggregation
   model of alliances. *American Journal of Political Science* 35(4): 904-933.
5. Leeds, B. A. (2003). Alliance reliability in times of war. *International Organization*
   57(4): 801-827.
6. Snyder, G. H. (1997). *Alliance Politics*. Ithaca: Cornell University Press (cohesion).
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array, _vector

__all__ = [
    "OBLIGATION_WEIGHTS",
    "asymmetric_capabilities",
    "capability_change",
    "capability_shares",
    "commitment_strength",
    "common_threat_pressure",
    "economic_evenness",
    "offensive_capability",
    "regime_similarity",
]

OBLIGATION_WEIGHTS = np.array([1.0, 0.8, 0.4, 0.2, 0.3])
"""Strength of each ATOP obligation (in the order of :data:`foedus.schema.OBLIGATIONS`: defence,
offence, neutrality, non-aggression, consultation) as a commitment to come to an ally's aid."""


def capability_shares(economy, military, economy0, military0, cinc0, *, check: bool = True) -> np.ndarray:
    """Each state's share of the system's capabilities, anchored on its starting CINC share.

    ``power_i ∝ cinc0_i * (economy_i / economy0_i + military_i / military0_i) / 2``, normalised
    to sum to 1 (equal shares when every state has none). At the start (economy and military
    stock at their starting levels) the shares are the starting CINC shares renormalised; then
    they move with growth and arming: a two-component analogue of CINC (Singer et al. 1972),
    which averages six shares (iron and steel, energy, population, urban population, military
    personnel and spending).

    Parameters
    ----------
    economy, military : (N,) array_like
        GDP and military stock now (any units, the same as their starting values).
    economy0, military0 : (N,) array_like
        Their starting values (> 0).
    cinc0 : (N,) array_like
        Starting capability shares (>= 0).
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    (N,) ndarray
        Capability shares, summing to 1.

    Examples
    --------
    >>> capability_shares([2.0, 1.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [0.5, 0.5]).tolist()
    [0.6, 0.4]
    """
    e = _vector("economy", economy, check=check, nonneg=True)
    n = len(e)
    m = _vector("military", military, n, check=check, nonneg=True)
    e0 = _vector("economy0", economy0, n, check=check, nonneg=True)
    m0 = _vector("military0", military0, n, check=check, nonneg=True)
    c0 = _vector("cinc0", cinc0, n, check=check, nonneg=True)
    raw = c0 * (0.5 * (e / e0 + m / m0))
    total = raw.sum()
    return raw / total if total > 0 else np.full(n, 1.0 / n)


def offensive_capability(military, power, *, floor: float = 0.05, check: bool = True) -> np.ndarray:
    """Offensive capability (Walt's third source of threat, 0-1): military stock share over capability share.

    ``o_i = clip(0.5 * (m_i / sum_j m_j) / p_i, floor, 1)``: a state whose share of the system's
    military stock is at least twice its share of overall capability has a force posture built
    to project power (1); one that keeps few forces for its weight is near the floor (a state
    without capability, 0 / 0, counts as the floor). Walt (1987, ch. 2) names offensive power,
    "the ability to threaten the sovereignty or territorial integrity of another state at an
    acceptable cost", as distinct from aggregate power; the ratio of military to overall
    capability is our proxy for it (published form: a judgement of force posture and doctrine).

    Parameters
    ----------
    military : (N,) array_like
        Military stock (any units; only shares matter; not all zero).
    power : (N,) array_like
        Capability shares (see :func:`capability_shares`).
    floor : float, default 0.05
        Least offensive capability: every force can threaten some.
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    (N,) ndarray in [floor, 1]

    Examples
    --------
    >>> offensive_capability([3.0, 1.0], [0.5, 0.5]).tolist()
    [0.75, 0.25]
    """
    m = _vector("military", military, check=check, nonneg=True)
    pw = _vector("power", power, len(m), check=check, nonneg=True)
    mil_share = m / m.sum()
    r = np.divide(0.5 * mil_share, pw, out=np.zeros_like(pw), where=pw > 0)
    return np.minimum(np.maximum(r, floor), 1.0)


def asymmetric_capabilities(strongest, runner_up, *, ratio: float = 3.0):
    """Whether an alliance is asymmetric: its strongest member has ``ratio`` times the capability of every other (brief A3).

    One great power with secondary allies (brief A3) rather than an alliance of equals: the
    strongest member's capability is at least ``ratio`` times the second strongest's (hence
    every other member's). The simulator writes this *capability* asymmetry; ATOP's
    ``asymmetric`` records an asymmetry of *obligations*, a different thing (issue 11).

    Parameters
    ----------
    strongest, runner_up : float or array_like
        Capability of the strongest and of the second-strongest member (``inf`` or ``-inf``
        stand for a missing second member: ``inf`` gives False).
    ratio : float, default 3.0

    Returns
    -------
    bool or ndarray of bool

    Examples
    --------
    >>> bool(asymmetric_capabilities(0.4, 0.1)), bool(asymmetric_capabilities(0.3, 0.11))
    (True, False)
    """
    return np.asarray(strongest) >= ratio * np.asarray(runner_up)


def commitment_strength(obligations, conditional=False) -> np.ndarray:
    """Strength (0-1) of an agreement's commitment from its ATOP obligations.

    The strongest obligation counts (:data:`OBLIGATION_WEIGHTS`: defence 1, offence 0.8,
    neutrality 0.4, consultation 0.3, non-aggression 0.2); a conditional commitment (ATOP
    ``conditio``) counts 0.75 of it. The weights order the obligations by what they promise in
    a war (Leeds et al. 2002); they are not estimates.

    Parameters
    ----------
    obligations : (..., 5) array_like of bool
        In the order of :data:`foedus.schema.OBLIGATIONS`.
    conditional : (...) array_like of bool, default False

    Returns
    -------
    (...) ndarray

    Examples
    --------
    >>> commitment_strength([[1, 0, 0, 0, 1], [0, 0, 0, 0, 1]], [True, False]).tolist()
    [0.75, 0.3]
    """
    o = np.asarray(obligations, dtype=float)
    s = (o * OBLIGATION_WEIGHTS).max(axis=-1)
    return s * np.where(np.asarray(conditional, dtype=bool), 0.75, 1.0)


def common_threat_pressure(common_threat, global_threat, mean_power, *, check: bool = True) -> np.ndarray:
    """ρ, the pressure of an alliance's common threat on its members (0-1; Walt 1987, Snyder 1997).

    ``rho = (T + G) / (T + G + p̄)`` clipped to [0, 1], with ``T`` the largest mean threat one
    outsider poses to the members (``max_k mean_{i in a} T[i, k]``, :mod:`foedus.theory.threat`),
    ``G`` the members' mean exposure to global threats and ``p̄`` their mean capability share:
    the threat the members face together against what they bring. Cohesion rises with it;
    an alliance whose founding threat fades loses its reason (Walt 1987, ch. 2; Snyder 1997).
    (A 1e-12 in the denominator keeps ρ = 0 for a group with neither threat nor power.)

    Parameters
    ----------
    common_threat, global_threat, mean_power : array_like (same shape), >= 0
        Capability-share units.
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    ndarray in [0, 1]

    Examples
    --------
    >>> round(float(common_threat_pressure(0.2, 0.0, 0.2)), 9)
    0.5
    """
    t = _array("common_threat", common_threat, check=check, nonneg=True)
    g = _array("global_threat", global_threat, check=check, nonneg=True)
    p = _array("mean_power", mean_power, check=check, nonneg=True)
    pressure = t + g
    return np.minimum(np.maximum(pressure / (pressure + p + 1e-12), 0.0), 1.0)


def economic_evenness(economies, *, check: bool = True) -> float:
    """How evenly a group's economies are sized: ``(1 - HHI) * k / (k - 1)`` (0-1; brief T2, P5).

    ``HHI = sum_i s_i^2`` is the Herfindahl index of the members' shares of their joint
    economy; the normalisation makes the measure 1 for ``k`` equal economies and 0 when one
    economy is the whole (or the group has one member). Equal economies compete (brief P5);
    an asymmetric alliance has one dominant economy.

    Parameters
    ----------
    economies : (k,) array_like, >= 0
        The members' GDPs (any one unit).
    check : bool, default True

    Returns
    -------
    float

    Examples
    --------
    >>> economic_evenness([1.0, 1.0, 1.0]), economic_evenness([1.0, 0.0])
    (1.0, 0.0)
    """
    e = _vector("economies", economies, check=check, nonneg=True)
    k = len(e)
    if k < 2:
        return 0.0
    s = e / max(float(e.sum()), 1e-12)
    return float((1.0 - float((s * s).sum())) * k / (k - 1))


def regime_similarity(regimes, *, check: bool = True) -> float:
    """Regime similarity of a group: ``1 - 2 * sd`` of its regimes, clipped to [0, 1] (brief T5).

    The (population) standard deviation of regime scores in [0, 1] is at most 0.5 (half the
    group at each end), so the measure runs from 1 (one regime) to 0 (a group split between
    autocracy and democracy).

    Parameters
    ----------
    regimes : (k,) array_like in [0, 1]
    check : bool, default True

    Returns
    -------
    float

    Examples
    --------
    >>> regime_similarity([0.2, 0.2]), regime_similarity([0.0, 1.0])
    (1.0, 0.0)
    """
    r = _vector("regimes", regimes, check=check, unit=True)
    var = float(((r - r.mean()) ** 2).mean())  # two passes: E[r^2] - E[r]^2 cancels for near-equal regimes
    return float(min(max(1.0 - 2.0 * np.sqrt(var), 0.0), 1.0))


def capability_change(now, then, *, check: bool = True) -> float:
    """Total variation distance between a group's capability shares now and then (0-1; Morrow 1991, Leeds 2003).

    ``0.5 * sum_i |p_i / sum p - q_i / sum q|``: the share of the group's capability that has
    changed hands since its members joined. Alliances are contracts struck for a distribution
    of capability; when it shifts, the terms no longer suit and the hazard of dissolution rises
    (Morrow 1991; Leeds 2003; :func:`foedus.theory.cohesion.dissolution_hazard`'s
    ``capability_change``).

    Parameters
    ----------
    now, then : (k,) array_like, >= 0
        The members' capabilities now and when they joined.
    check : bool, default True

    Returns
    -------
    float

    Examples
    --------
    >>> capability_change([0.5, 0.5], [0.25, 0.25]), capability_change([3.0, 1.0], [1.0, 1.0])
    (0.0, 0.25)
    """
    p = _vector("now", now, check=check, nonneg=True)
    q = _vector("then", then, len(p), check=check, nonneg=True)
    return float(0.5 * np.abs(p / max(float(p.sum()), 1e-12) - q / max(float(q.sum()), 1e-12)).sum())
