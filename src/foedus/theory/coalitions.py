r"""Coalitions of the willing and security organisations: who has a stake, who can act, who may join (brief D4, A2).

**Who can act: the loss-of-strength gradient** (Boulding 1962). A state's strength declines with
the distance from its home base: :func:`projected_capability` is Boulding's linear gradient,
``p * max(0, 1 - d / R)``, with ``R`` the distance at which it is spent (km). (The threat module
is gaining its own projection function; this one is the coalition step's until they are merged.)

**Who has a stake.** A coalition against an aggressor is for the states bound to the victim by
a commitment to fight (ATOP defence or offence) and for those that
share the threat: the aggressor is among the threats they perceive, at least a share of the
largest one (:func:`shares_threat`; Walt 1987: states balance against threats, not power). A
state bound to the aggressor by a defence or offence pact is not recruited against it. Against a
global threat (terrorism, proliferation, organised crime), a state's stake is its exposure (D4).

**Who is willing** (:func:`coalition_willing`): stake times usable capability times
interoperability with the lead (:func:`interoperability`: ``floor + (1 - floor) * integration``
of the strongest agreement shared with it; D4's doctrinal convergence) against the crisis's
intensity. A coalition is a joint operation under one lead: states hostile to the lead or its
strategic rivals are not in it (:func:`compatible`; Weitsman 2014 on the cohesion of wartime
coalitions); nor are states hostile to a more capable member (the stronger stays).

**Against a proliferator.** A proliferation crisis is a state's pursuit of nuclear weapons, and the coalition of the willing
is formed against that state (the Proliferation Security Initiative of 2003 against the programmes of North Korea and Iran):
its members are those that share the threat it poses (:func:`shares_threat`) and can bring strength to bear on it
(:func:`projected_capability`), never the proliferator itself. Who proliferates (:func:`proliferation_propensity`): the
security model of proliferation (Sagan 1996) as the quantitative studies find it, a state with the latent capability, a
nuclear-armed rival and no nuclear-armed protector (Singh & Way 2004; Jo & Gartzke 2007; Bleek & Lorber 2014).

**Organisations.** A coalition whose mission succeeded may *institutionalise*: the assets and
practices built for one task are kept and adapted rather than abandoned (Wallander 2000;
Haftendorn, Keohane & Wallander 1999), the coalition becoming a standing organisation
(:func:`institutionalisation_probability`). An organisation admits a state that is near its members,
compatible with every one of them (no rivalry, no hostility above the limit, not at war) and does
not perceive any of them as its main threat (:func:`may_join_organisation`; regional organisations
grow among neighbours that do not fear each other: Acharya 2009).

References
----------
1. Boulding, K. E. (1962). *Conflict and Defense: A General Theory*. New York: Harper.
2. Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press.
3. Weitsman, P. A. (2014). *Waging War: Alliances, Coalitions, and Institutions of Interstate
   Violence*. Stanford University Press.
4. Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold War.
   *International Organization* 54(4): 705-735.
5. Haftendorn, H., Keohane, R. O. & Wallander, C. A. (eds.) (1999). *Imperfect Unions: Security
   Institutions over Time and Space*. Oxford University Press.
6. Acharya, A. (2009). *Whose Ideas Matter? Agency and Power in Asian Regionalism*. Cornell University Press.
7. Sagan, S. D. (1996). Why do states build nuclear weapons? Three models in search of a bomb. *International Security*
   21(3): 54-86.
8. Singh, S. & Way, C. R. (2004). The correlates of nuclear proliferation: a quantitative test. *Journal of Conflict
   Resolution* 48(6): 859-885.
9. Jo, D.-J. & Gartzke, E. (2007). Determinants of nuclear weapons proliferation. *Journal of Conflict Resolution* 51(1):
   167-194.
10. Bleek, P. C. & Lorber, E. B. (2014). Security guarantees and allied nuclear proliferation. *Journal of Conflict
    Resolution* 58(3): 429-454.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array

__all__ = [
    "coalition_willing",
    "compatible",
    "institutionalisation_probability",
    "interoperability",
    "may_join_organisation",
    "projected_capability",
    "proliferation_propensity",
    "shares_threat",
]


def projected_capability(power, distance_km, range_km: float, *, check: bool = True) -> np.ndarray:
    """Boulding's (1962) loss-of-strength gradient, linear: ``power * max(0, 1 - distance / range_km)``.

    Parameters
    ----------
    power : array_like >= 0, capability shares
    distance_km : array_like >= 0, km from the home base to where the strength is used
    range_km : float > 0, km at which the strength is spent

    Examples
    --------
    >>> projected_capability([0.15, 0.006, 0.02], [7800.0, 0.0, 13000.0], 12000.0).round(4).tolist()
    [0.0525, 0.006, 0.0]
    """
    p = _array("power", power, nonneg=True, check=check)
    d = _array("distance_km", distance_km, nonneg=True, check=check)
    if check and not range_km > 0:
        raise ValueError(f"range_km: {range_km} must be > 0")
    return p * np.maximum(0.0, 1.0 - d / range_km)


def shares_threat(threat_from, largest_threat, share: float, *, check: bool = True) -> np.ndarray:
    """Whether a state shares the threat of an aggressor: ``T_i,agg > 0`` and ``T_i,agg >= share * max_j T_ij``.

    Examples
    --------
    >>> shares_threat([0.018, 0.0002, 0.0], [0.044, 0.043, 0.01], 0.15).tolist()
    [True, False, False]
    """
    t = _array("threat_from", threat_from, nonneg=True, check=check)
    m = _array("largest_threat", largest_threat, nonneg=True, check=check)
    return (t > 0) & (t >= share * m)


def interoperability(integration, floor: float, *, check: bool = True) -> np.ndarray:
    """``floor + (1 - floor) * integration``: interoperability through an agreement of that integration (0-1; D4).

    Examples
    --------
    >>> interoperability([0.0, 0.5, 1.0], 0.2).round(6).tolist()
    [0.2, 0.6, 1.0]
    """
    g = _array("integration", integration, unit=True, check=check)
    return floor + (1.0 - floor) * g


def coalition_willing(stake, capability, interop, intensity: float, threshold: float, *, check: bool = True) -> np.ndarray:
    """Whether each state joins a coalition: ``stake * capability * interop >= threshold * intensity`` (D4).

    ``stake`` (0-1) is exposure to a global threat, or 1 for a state bound to an aggressor's
    victim or sharing the threat (0 otherwise); ``capability`` the usable capability share
    (:func:`projected_capability` where distance matters); ``interop`` (0-1) the
    interoperability with the lead; ``intensity`` the crisis's (capability-share units).

    Examples
    --------
    >>> coalition_willing([1.0, 0.0, 0.5], [0.05, 0.1, 0.01], [1.0, 1.0, 0.2], 0.04, 0.02).tolist()
    [True, False, True]
    """
    s = _array("stake", stake, unit=True, check=check)
    c = _array("capability", capability, nonneg=True, check=check)
    i = _array("interop", interop, unit=True, check=check)
    return s * c * i >= threshold * max(intensity, 1e-9)


def compatible(hostility, rivalry, limit: float, *, check: bool = True) -> np.ndarray:
    """Whether states can serve with a partner: hostility to it below ``limit`` and no strategic rivalry.

    Examples
    --------
    >>> compatible([0.1, 0.6, 0.1], [False, False, True], 0.5).tolist()
    [True, False, False]
    """
    h = _array("hostility", hostility, unit=True, check=check)
    return (h < limit) & ~np.asarray(rivalry, dtype=bool)


def institutionalisation_probability(rate: float, members: int, min_members: int) -> float:
    """Probability that a coalition whose mission succeeded becomes a standing organisation (Wallander 2000).

    ``rate`` for a coalition of at least ``min_members`` members (an institution needs a
    membership worth the overhead), 0 for a smaller one.

    Examples
    --------
    >>> institutionalisation_probability(0.3, 5, 3), institutionalisation_probability(0.3, 2, 3)
    (0.3, 0.0)
    """
    return float(rate) if members >= min_members else 0.0


def may_join_organisation(
    proximity_to_members,
    ideal_distance_to_members,
    max_hostility_to_members,
    rival_of_a_member,
    fears_a_member,
    at_war_with_a_member,
    min_proximity: float,
    max_ideal_distance: float,
    limit: float,
) -> np.ndarray:
    """Whether each non-member may join an organisation: a like-minded neighbour, compatible with all members, fearing none.

    ``proximity_to_members`` (0-1) is the mean proximity to the members, ``ideal_distance_to_members``
    (0-1) the mean distance of foreign-policy ideal points (UN votes); a state may join when the
    first is at least ``min_proximity``, the second at most ``max_ideal_distance``, its largest
    hostility to a member is below ``limit``, and it is no member's strategic rival, does not
    perceive a member as its main threat and is at war with none (Acharya 2009: regional
    organisations grow among neighbours that share their norms).

    Examples
    --------
    >>> may_join_organisation([0.6, 0.6, 0.1, 0.6], [0.1, 0.1, 0.1, 0.5], [0.1] * 4, [False, True, False, False], [False] * 4, [False] * 4, 0.3, 0.3, 0.5).tolist()
    [True, False, False, False]
    """
    prox = np.asarray(proximity_to_members, dtype=float)
    ideal = np.asarray(ideal_distance_to_members, dtype=float)
    host = np.asarray(max_hostility_to_members, dtype=float)
    bad = np.asarray(rival_of_a_member, bool) | np.asarray(fears_a_member, bool) | np.asarray(at_war_with_a_member, bool)
    return (prox >= min_proximity) & (ideal <= max_ideal_distance) & (host < limit) & ~bad


def proliferation_propensity(power, armed, nuclear_rival, protected, *, check: bool = True) -> np.ndarray:
    """Each state's propensity to pursue nuclear weapons: ``p_i [not armed_i] [nuclear rival_i] [not protected_i]``.

    The security model of proliferation (Sagan 1996): a state builds the bomb against a nuclear-armed adversary, unless a
    nuclear-armed ally's guarantee protects it. The quantitative studies find the same three correlates of a weapons
    programme: latent capability (Jo & Gartzke 2007: industrial and economic capacity; here the capability share ``p``),
    a rival (Singh & Way 2004: an enduring rivalry raises the hazard of pursuit; here one that holds nuclear weapons) and
    no security guarantee from a nuclear-armed ally (Bleek & Lorber 2014: such guarantees lower the odds of pursuit; here a
    defence or offence pact with one). A state already armed does not proliferate (it has the weapon). Published form:
    the correlates, estimated as logit or hazard models; the product of indicators and capability is ours, the weight of
    each state's draw as the proliferator of a crisis (:func:`foedus.sim.steps.crises.crises_and_coalitions`).

    Parameters
    ----------
    power : array (N,) of float >= 0, capability share (latent capability)
    armed : array (N,) of bool, holds nuclear weapons (:func:`foedus.data.nuclear.nuclear_armed`)
    nuclear_rival : array (N,) of bool, has a strategic rival that holds nuclear weapons
    protected : array (N,) of bool, shares a defence or offence pact with a nuclear-armed state
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N,) of float >= 0 (0 for a state that does not proliferate).

    Examples
    --------
    >>> proliferation_propensity([0.01, 0.02, 0.03, 0.04], [False, False, False, True], [True, True, False, True], [False, True, False, False]).tolist()
    [0.01, 0.0, 0.0, 0.0]

    References
    ----------
    Sagan (1996); Singh & Way (2004); Jo & Gartzke (2007); Bleek & Lorber (2014).
    """
    p = _array("power", power, nonneg=True, check=check)
    flags = [np.asarray(x, dtype=bool) for x in (armed, nuclear_rival, protected)]
    if check and any(f.shape != p.shape for f in flags):
        raise ValueError(f"armed, nuclear_rival, protected: must have the shape of power {p.shape}, got {[f.shape for f in flags]}")
    armed_, rival_, protected_ = flags
    return p * (~armed_ & rival_ & ~protected_)
