r"""A reason to expect victory: the initiator's odds of prevailing, its allies and the target's counted (Bueno de Mesquita 1981).

Bueno de Mesquita (1981) makes a positive expected utility the necessary condition for initiating a war, and counts in it
every third party by the support the initiator and the target can expect from it. Which pacts promise that support is what
their obligations say (Leeds et al. 2002): a defence pact promises help to a member that is attacked, an offence pact help in
an attack. Leeds (2003) finds, on the directed dyad-years of 1816-1944, that defensive commitments to a potential target make
a dispute less likely and offensive commitments to a potential challenger make it more likely; Johnson & Leeds (2011), over
1816-2000, find no evidence that a state's defence pacts make it initiate more. The simulator counts the initiator's defence
and offence partners and the target's defence partners (:func:`foedus.sim.steps.conflict.expected_victory`: counting the
initiator's offence partners alone lost in-sample facts in 2026-12); :func:`expected_victory_restraint` is the share of the wars
a pair would begin that its initiator begins. Split from :mod:`foedus.theory.war_onset` (2026-12, gpwar13), which re-exports
both.

References
----------
Bueno de Mesquita, B. 1980. "An Expected Utility Theory of International Conflict." *APSR* 74(4): 917-31.
Bueno de Mesquita, B. 1981. *The War Trap*. New Haven: Yale University Press.
Bueno de Mesquita, B. 1985. "The War Trap Revisited: A Revised Expected Utility Model." *APSR* 79(1): 156-77.
Leeds, B. A. 2003. "Do Alliances Deter Aggression? The Influence of Military Alliances on the Initiation of Militarized
Interstate Disputes." *American Journal of Political Science* 47(3): 427-39.
Johnson, J. C. and B. A. Leeds. 2011. "Defense Pacts: A Prescription for Peace?" *Foreign Policy Analysis* 7(1): 45-65.
Altfeld, M. F. and B. Bueno de Mesquita. 1979. "Choosing Sides in Wars." *International Studies Quarterly* 23(1): 87-112.
Berkemeier, M. and M. Fuhrmann. 2018. "Reassessing the Fulfillment of Alliance Commitments in War." *Research & Politics* 5(2).
Leeds, B. A., A. G. Long and S. M. Mitchell. 2000. "Reevaluating Alliance Reliability." *Journal of Conflict Resolution* 44(5): 686-99.
Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty Obligations and Provisions, 1815-1944."
*International Interactions* 28(3): 237-60.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array

__all__ = ["expected_support", "expected_victory_restraint", "victory_probability"]


def victory_probability(initiator, target, initiator_allies=0.0, target_allies=0.0, *, check: bool = True) -> np.ndarray:
    r"""The initiator's probability of prevailing, its side's capability over both sides' (Bueno de Mesquita 1981, ch. 3-4).

    Bueno de Mesquita's (1981) probability that i defeats j is its capability over the two states',
    ``P_i = C_i / (C_i + C_j)``, each capability as it arrives where the war is fought (the
    loss-of-strength gradient, :func:`reach`); third parties expected to fight add their
    capability to the side they join (his multilateral calculation: "a weak nonaligned state
    cannot rationally attack a stronger nonaligned nation, [but] it might be able to attack a
    stronger adversary that [...] expects to derive support from allies", Bueno de Mesquita 1980,
    *APSR* 74(4)). Published form vs ours: he weights each third party by its expected support,
    from the similarity of alliance portfolios; ours counts the partners whose pacts promise that
    support (the target's defence partners, Leeds 2003; the initiator's defence and offence partners,
    each by its preference for its partner; those bound to both stay out) at their capability
    arriving at the target.

    .. math:: P_i = \frac{C_i + \sum_{k \in A_i} C_k}{C_i + \sum_{k \in A_i} C_k + C_j + \sum_{k \in A_j} C_k}

    Parameters
    ----------
    initiator, target : array_like, >= 0
        The capability of each at the theatre (the initiator's :func:`reach`-discounted, the target's at home).
    initiator_allies, target_allies : array_like, >= 0
        The summed capability at the theatre of the third parties bound to each side.

    Examples
    --------
    Two equal states, and the same with the target's ally as strong as either:

    >>> victory_probability([0.1, 0.1], [0.1, 0.1], 0.0, [0.0, 0.1]).round(4).tolist()
    [0.5, 0.3333]
    """
    ci = _array("initiator", initiator, nonneg=True, check=check) + _array("initiator_allies", initiator_allies, nonneg=True, check=check)
    cj = _array("target", target, nonneg=True, check=check) + _array("target_allies", target_allies, nonneg=True, check=check)
    tot = ci + cj
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(tot > 0, ci / np.where(tot > 0, tot, 1.0), 0.5)


def expected_victory_restraint(p_victory, *, check: bool = True) -> np.ndarray:
    r"""Share of the wars a pair would begin that its initiator begins, given its probability of prevailing: ``min(1, P / (1 - P))``.

    Bueno de Mesquita's (1981) necessary condition for initiating a war is a positive expected
    utility; in his bilateral calculation ``E(U_i) = (2 P_i - 1)(U_ii - U_ij)``, positive only when
    ``P_i > 1/2`` (a state does not start a war it expects to lose). He reports that the condition
    holds for most, not all, initiators (information is imperfect, utilities are risk-weighted:
    Bueno de Mesquita 1985), so ours relaxes the threshold to the initiator's odds of prevailing,
    capped at 1, the same restraint as the escalation of a dispute
    (:func:`foedus.theory.war.escalation_restraint`): no restraint at even odds or better, a state
    with a tenth of its adversary's side's capability starts a tenth of those wars.

    Examples
    --------
    >>> expected_victory_restraint([0.5, 0.8, 1 / 11, 0.0]).round(4).tolist()
    [1.0, 1.0, 0.1, 0.0]
    """
    p = _array("p_victory", p_victory, unit=True, check=check)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p < 1.0, np.minimum(p / np.where(p < 1.0, 1.0 - p, 1.0), 1.0), 1.0)


def expected_support(reliability, weight: float = 1.0, *, check: bool = True) -> np.ndarray:
    r"""The share of an ally's capability a side can expect in a war: ``1 - w (1 - rho)``, ``rho`` the chance an ally honours its pledge.

    Bueno de Mesquita (1981, ch. 3-4; Altfeld & Bueno de Mesquita 1979) adds a third party's capability to a side weighted by
    its expected support, the chance it fights for that side, not in full: an initiator "expects to derive support from allies"
    only as far as it expects them to come. The record's chance that an ally whose casus foederis arose honours it is the era's
    reliability ``rho`` (Leeds, Long & Mitchell 2000: about three quarters before 1945; Berkemeier & Fuhrmann 2018: 66 % before
    1945, 22 % from 1945), the :func:`foedus.theory.war.honour_base_rate` the allies' decisions are drawn at. ``weight`` ``w``
    in [0, 1] moves between every ally counted in full (0) and the published expected support (1).

    .. math:: s = 1 - w\,(1 - \rho)

    Parameters
    ----------
    reliability : array_like of float in [0, 1], the chance an ally honours its pledge
    weight : float in [0, 1]
    check : bool, default True

    Returns
    -------
    ndarray of float in [0, 1], the shape of ``reliability``: the factor on each ally's capability at the theatre.

    Examples
    --------
    >>> expected_support([0.68, 0.22]).round(2).tolist()
    [0.68, 0.22]
    >>> expected_support([0.22], 0.0).tolist()
    [1.0]
    """
    rho = _array("reliability", reliability, unit=True, check=check)
    if check and not (np.isfinite(weight) and 0.0 <= weight <= 1.0):
        raise ValueError(f"weight: must lie in [0, 1], got {weight!r}")
    return 1.0 - weight * (1.0 - rho)
