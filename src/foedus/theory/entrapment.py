"""The alliance security dilemma: entrapment against abandonment (brief P2; Snyder 1984, 1997).

An ally fears being dragged into its partner's war (:func:`entrapment_risk`) and being left
alone in its own (:func:`abandonment_risk`); tightening the commitment trades one fear for the
other, and :func:`commitment_strategy` picks the side. The tools that manage the dilemma are
accession rules (:func:`accession_allowed`: a candidate must settle its territorial disputes,
which drive its risk-taking, :func:`risk_taking_from_disputes`) and reassurance (forward-deployed
forces, the ``reassurance`` of :func:`abandonment_risk`). Whether an ally, once called upon,
honours its pledge is the realised side of abandonment and depends on the alliance's cohesion:
:func:`foedus.theory.cohesion.honour_probability`.

Every function broadcasts over arrays (``(N,)`` states, ``(N, N)`` ordered pairs); bad input
raises :class:`ValueError` naming the function, the argument and the reason.

Published form vs ours
----------------------
Snyder gives the comparative statics in words; we use the simplest forms that satisfy them,
products of probabilities of independent events.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked

__all__ = [
    "entrapment_risk",
    "abandonment_risk",
    "commitment_strategy",
    "risk_taking_from_disputes",
    "accession_allowed",
]


def entrapment_risk(
    commitment, partner_risk_taking, shared_adversary, *, emboldening: float = 0.0, check: bool = True
) -> np.ndarray:
    """Risk of being dragged into the partner's war over interests one does not share.

    Brief P2 (Snyder 1984, 1997). Entrapment rises with the strength of one's commitment and
    with the partner's risk-taking, and falls as the partner's adversary is also one's own (a
    war against a shared adversary is one's own war, not entrapment). Snyder states these
    comparative statics in words; we use the product of three probabilities,

    .. math:: E = c \\cdot \\tilde r \\cdot (1 - \\sigma),
       \\qquad \\tilde r = r + (1 - r)\\, e\\, c,

    read as P(partner starts a crisis) × P(the crisis is not against a shared adversary) ×
    P(the commitment binds). The optional emboldening term ``e`` is Snyder's moral hazard: a
    firm commitment makes the partner bolder.

    Parameters
    ----------
    commitment : array_like in [0, 1]
        Strength of one's pledge to the partner (unconditional defence pact = 1).
    partner_risk_taking : array_like in [0, 1]
        Probability that the partner provokes or escalates a crisis (e.g. from
        :func:`risk_taking_from_disputes`).
    shared_adversary : array_like in [0, 1]
        Degree to which the partner's likely opponent is also one's own adversary.
    emboldening : float in [0, 1]
        How much full commitment raises the partner's risk-taking toward 1.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1], broadcast shape of the inputs.

    References
    ----------
    .. [1] Snyder, G. H. (1984). The security dilemma in alliance politics. World Politics
       36(4): 461–495.
    .. [2] Snyder, G. H. (1997). Alliance Politics. Ithaca: Cornell University Press.
    """
    f = "entrapment_risk"
    c = _checked(commitment, "commitment", f, lo=0.0, hi=1.0, check=check)
    r = _checked(partner_risk_taking, "partner_risk_taking", f, lo=0.0, hi=1.0, check=check)
    s = _checked(shared_adversary, "shared_adversary", f, lo=0.0, hi=1.0, check=check)
    e = float(_checked(emboldening, "emboldening", f, lo=0.0, hi=1.0, check=check))
    c, r, s = _broadcast(f, commitment=c, partner_risk_taking=r, shared_adversary=s, check=check)
    bold = r + (1.0 - r) * e * c
    return c * bold * (1.0 - s)


def abandonment_risk(commitment, partner_alternatives, reassurance, *, check: bool = True) -> np.ndarray:
    """Risk that the partner defects, realigns or fails to help when needed.

    Brief P2 (Snyder 1984, 1997). Abandonment rises with the partner's alternatives (other
    allies, or a deal with the adversary) and falls with the strength of the commitment and
    with reassurance, above all allied troops forward-deployed on one's soil as a tripwire
    (the brief's Baltic example). As for :func:`entrapment_risk`, the form is a product of
    probabilities:

    .. math:: A = \\alpha \\cdot (1 - c) \\cdot (1 - \\rho)

    read as P(partner has a better alternative) × P(the pledge does not bind it) × P(the
    reassurance does not bind it). Raising ``commitment`` lowers ``A`` and raises
    :func:`entrapment_risk`: Snyder's alliance security dilemma.

    Parameters
    ----------
    commitment : array_like in [0, 1]
        Strength of the partner's pledge to oneself.
    partner_alternatives : array_like in [0, 1]
        Attractiveness of the partner's outside options.
    reassurance : array_like in [0, 1]
        Credibility added by forward-deployed forces, integrated command and the like.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1].

    References
    ----------
    .. [1] Snyder, G. H. (1984). The security dilemma in alliance politics. World Politics
       36(4): 461–495.
    """
    f = "abandonment_risk"
    c = _checked(commitment, "commitment", f, lo=0.0, hi=1.0, check=check)
    a = _checked(partner_alternatives, "partner_alternatives", f, lo=0.0, hi=1.0, check=check)
    rho = _checked(reassurance, "reassurance", f, lo=0.0, hi=1.0, check=check)
    c, a, rho = _broadcast(f, commitment=c, partner_alternatives=a, reassurance=rho, check=check)
    return a * (1.0 - c) * (1.0 - rho)


def commitment_strategy(
    partner_risk_taking,
    shared_adversary,
    partner_alternatives,
    reassurance,
    *,
    entrapment_cost: float = 1.0,
    abandonment_cost: float = 1.0,
) -> np.ndarray:
    """Snyder's choice between support (firm commitment, 1) and restraint (weak, 0).

    Snyder (1984) frames the alliance game as a choice between supporting the ally and not,
    trading entrapment against abandonment. With the forms of :func:`entrapment_risk` and
    :func:`abandonment_risk` the expected cost
    :math:`w_E E(c) + w_A A(c)` is linear in ``c``, so the best commitment is a corner:

    .. math:: c^* = 1 \\iff w_A\\, \\alpha (1 - \\rho) > w_E\\, r (1 - \\sigma).

    A reckless partner with its own quarrels calls for restraint; a partner with good
    alternatives and no troops on the ground calls for support.

    Returns
    -------
    ndarray of float, 1.0 (support) or 0.0 (restraint).
    """
    f = "commitment_strategy"
    w_e = float(_checked(entrapment_cost, "entrapment_cost", f, lo=0.0))
    w_a = float(_checked(abandonment_cost, "abandonment_cost", f, lo=0.0))
    fear_entrapment = w_e * entrapment_risk(1.0, partner_risk_taking, shared_adversary)
    fear_abandonment = w_a * abandonment_risk(0.0, partner_alternatives, reassurance)
    return (fear_abandonment > fear_entrapment).astype(float)


def risk_taking_from_disputes(territorial_disputes, *, base: float = 0.1, per_dispute: float = 0.3) -> np.ndarray:
    """A state's propensity to provoke crises from its number of unresolved territorial disputes.

    .. math:: r = 1 - (1 - r_0)(1 - d)^{n}

    Each open dispute is an independent chance ``d`` of a crisis on top of a baseline
    ``r_0``. Territorial issues are the most war-prone (Vasquez 1993), which is why accession
    rules screen them out (:func:`accession_allowed`). Our form.

    Parameters
    ----------
    territorial_disputes : array_like, >= 0
        Count of unresolved territorial disputes.
    base, per_dispute : float in [0, 1]

    Returns
    -------
    ndarray in [0, 1].

    References
    ----------
    .. [1] Vasquez, J. A. (1993). The War Puzzle. Cambridge University Press.
    """
    f = "risk_taking_from_disputes"
    n = _checked(territorial_disputes, "territorial_disputes", f, lo=0.0)
    r0 = float(_checked(base, "base", f, lo=0.0, hi=1.0))
    d = float(_checked(per_dispute, "per_dispute", f, lo=0.0, hi=1.0))
    return 1.0 - (1.0 - r0) * (1.0 - d) ** n


def accession_allowed(
    territorial_disputes, *, max_disputes: int = 0, axis: int | None = None, check: bool = True
) -> np.ndarray:
    """Accession rule: a candidate with unresolved territorial disputes is refused (brief P2).

    NATO's Study on Enlargement (September 1995, ch. 1) makes the peaceful settlement of a
    candidate's ethnic and territorial disputes a factor in deciding whether to invite it; in
    Snyder's (1984) terms the rule lowers the members' entrapment risk, since open disputes
    drive a partner's risk-taking (:func:`risk_taking_from_disputes`, :func:`entrapment_risk`).

    Parameters
    ----------
    territorial_disputes : array_like of int or bool, >= 0
        Number (or presence) of unresolved territorial disputes per candidate; with ``axis``
        given, a matrix of disputes (e.g. ``(N, N)`` candidate × counterpart) summed along it.
    max_disputes : int, >= 0
        Most disputes a candidate may keep (0: all must be settled).
    axis : int, optional
        Axis to sum over first.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray of bool, True where the candidate may join.
    """
    f = "accession_allowed"
    d = _checked(territorial_disputes, "territorial_disputes", f, lo=0.0, check=check)
    m = float(_checked(max_disputes, "max_disputes", f, lo=0.0, check=check))
    if axis is not None:
        try:
            d = d.sum(axis=axis)
        except np.exceptions.AxisError:
            raise ValueError(f"{f}: axis {axis} is out of range for shape {np.shape(territorial_disputes)}") from None
    return d <= m
