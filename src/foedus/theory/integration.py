"""Military integration against national control (brief P3, T4).

Interoperability, common equipment and a common command multiply what a given capability
achieves (:func:`integration_effectiveness`), while the control a state gives up grows
convexly (:func:`control_loss`): placing forces under allied command in wartime, as South
Korea does with the United States, costs far more than common standards. Each state weighs the
two per operation and over time (:func:`integration_utility`) and chooses
:func:`optimal_integration`; digital, multi-domain warfare (T4) raises the gain.

Every function broadcasts (an ``(N, K)`` array scores N states on K operations); bad input
raises :class:`ValueError` naming the function, the argument and the reason.

Published form vs ours
----------------------
No published formal model of this trade-off is canonical; the forms are ours.
:func:`integration_update` (how integration follows its optimum over time) has the published
claim of Keohane (1984) and Wallander (2000): institutional assets are costly to create and
cheap to keep, so an institutionalised alliance keeps its integration when the threat that
justified it fades.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked

__all__ = [
    "integration_effectiveness",
    "control_loss",
    "integration_utility",
    "optimal_integration",
    "integration_update",
    "institutional_assets",
    "retained_value",
    "bound_autonomy",
]


def integration_effectiveness(
    integration, capability, *, gain: float = 1.0, returns: float = 0.5, check: bool = True
) -> np.ndarray:
    """Military effectiveness of a state's forces as a function of integration with allies.

    Brief P3, T4. Interoperability, common equipment and common command multiply what a
    given capability achieves, with diminishing returns:

    .. math:: E(g) = C \\left(1 + \\gamma\\, g^{\\eta}\\right), \\qquad 0 < \\eta \\le 1

    (``g`` integration in [0, 1], ``C`` capability, ``γ`` the most integration can add,
    ``η`` the curvature). No published formal model of this trade-off is canonical; this form
    and :func:`control_loss` are ours. Digital, multi-domain warfare (T4) is a larger ``γ``.

    Parameters
    ----------
    integration : array_like in [0, 1]
    capability : array_like, >= 0
    gain : float, >= 0
        γ (1.0: full integration doubles effectiveness).
    returns : float in (0, 1]
        η.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray, capability units.
    """
    f = "integration_effectiveness"
    g = _checked(integration, "integration", f, lo=0.0, hi=1.0, check=check)
    c = _checked(capability, "capability", f, lo=0.0, check=check)
    gam = float(_checked(gain, "gain", f, lo=0.0, check=check))
    eta = float(_checked(returns, "returns", f, lo=0.0, hi=1.0, lo_open=True, check=check))
    g, c = _broadcast(f, integration=g, capability=c, check=check)
    return c * (1.0 + gam * g**eta)


def control_loss(integration, *, convexity: float = 2.0) -> np.ndarray:
    """National control given up by integrating, in [0, 1] (brief P3, T4).

    .. math:: L(g) = g^{\\zeta}, \\qquad \\zeta > 1

    Convex: common standards cost little control, placing forces under allied command in
    wartime (South Korea's arrangement with the United States) costs much. Our form.
    """
    f = "control_loss"
    g = _checked(integration, "integration", f, lo=0.0, hi=1.0)
    z = float(_checked(convexity, "convexity", f, lo=1.0, lo_open=True))
    return g**z


def integration_utility(
    integration,
    threat,
    autonomy_weight,
    *,
    gain: float = 1.0,
    returns: float = 0.5,
    convexity: float = 2.0,
) -> np.ndarray:
    """Net value of integration level ``g`` for a state facing ``threat`` (brief P3, T4).

    .. math:: W(g) = \\tau\\, \\gamma\\, g^{\\eta} - w\\, g^{\\zeta}

    The relative effectiveness gain :math:`E(g)/C - 1` (:func:`integration_effectiveness`)
    is worth more the higher the threat :math:`\\tau`; the control lost
    (:func:`control_loss`) is weighted by the state's attachment to sovereignty ``w``.
    Everything broadcasts, so an ``(N, K)`` array scores N states on K operations.
    """
    f = "integration_utility"
    tau = _checked(threat, "threat", f, lo=0.0)
    w = _checked(autonomy_weight, "autonomy_weight", f, lo=0.0)
    rel = integration_effectiveness(integration, 1.0, gain=gain, returns=returns) - 1.0
    loss = control_loss(integration, convexity=convexity)
    rel, loss, tau, w = _broadcast(f, integration=rel, loss=loss, threat=tau, autonomy_weight=w)
    return tau * rel - w * loss


def optimal_integration(
    threat,
    autonomy_weight,
    *,
    gain: float = 1.0,
    returns: float = 0.5,
    convexity: float = 2.0,
    check: bool = True,
) -> np.ndarray:
    """The integration level each state chooses, per operation: argmax of :func:`integration_utility`.

    Brief P3 ("each state arbitrates per operation and over time"), T4. Since
    :math:`\\eta < \\zeta`, :math:`W` is maximised where
    :math:`\\tau\\gamma\\eta g^{\\eta-1} = w\\zeta g^{\\zeta-1}`:

    .. math:: g^* = \\min\\left(1,\\ \\left(\\frac{\\tau\\gamma\\eta}{w\\zeta}\\right)^{1/(\\zeta-\\eta)}\\right)

    (1 where ``w = 0`` and the threat is positive, 0 where there is no threat or no gain).
    Comparative statics: :math:`g^*` rises with the threat and with the gain (digital,
    multi-domain warfare), and falls with the attachment to national control.

    Parameters
    ----------
    threat : array_like, >= 0
        :math:`\\tau`.
    autonomy_weight : array_like, >= 0
        ``w``, the attachment to national control; broadcast against ``threat``.
    gain, returns, convexity : float
        :math:`\\gamma \\ge 0`, :math:`\\eta \\in (0, 1]`, :math:`\\zeta > 1`, as in
        :func:`integration_utility`.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1], broadcast shape of ``threat`` and ``autonomy_weight``.
    """
    f = "optimal_integration"
    tau = _checked(threat, "threat", f, lo=0.0, check=check)
    w = _checked(autonomy_weight, "autonomy_weight", f, lo=0.0, check=check)
    gam = float(_checked(gain, "gain", f, lo=0.0, check=check))
    eta = float(_checked(returns, "returns", f, lo=0.0, hi=1.0, lo_open=True, check=check))
    z = float(_checked(convexity, "convexity", f, lo=1.0, lo_open=True, check=check))
    if w.ndim == 0 and float(w) > 0:  # one attachment to national control for all (the simulator's call)
        return np.clip((tau * gam * eta / (float(w) * z)) ** (1.0 / (z - eta)), 0.0, 1.0)
    tau, w = _broadcast(f, threat=tau, autonomy_weight=w, check=check)
    num = tau * gam * eta
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(w > 0, (num / np.where(w > 0, w * z, 1.0)) ** (1.0 / (z - eta)), np.where(num > 0, 1.0, 0.0))
    return np.clip(g, 0.0, 1.0)


def integration_update(integration, goal, *, rate: float, institutionalisation=0.0, persistence: float = 0.0, check: bool = True) -> np.ndarray:
    r"""One year of an alliance's military integration moving towards its goal, sticky downwards where institutionalised (P3, P5, T4).

    .. math::

        g' = g + r\,(g^* - g) \quad (g^* \ge g), \qquad
        g' = g + r\,(1 - \kappa I)\,(g^* - g) \quad (g^* < g)

    with :math:`g` the integration, :math:`g^*` its goal (the members' :func:`optimal_integration`
    for their common threat, scaled by the treaty's institutions), :math:`r` the yearly rate of
    adjustment, :math:`I \in [0, 1]` the military institutionalisation (ATOP's 0-2 of Leeds & Anac
    2005, halved) and :math:`\kappa \in [0, 1]` (``persistence``) the share of the decline that
    full institutionalisation prevents. Integration is built at the rate :math:`r`; it is taken down
    more slowly where it rests on institutions: institutions are costly to create and cheap to
    maintain, so states keep them after the circumstances that created them change (Keohane 1984:
    100-103), and NATO kept and adapted its integrated command and planning after the Soviet threat
    was gone rather than dismantling them (Wallander 2000). With :math:`\kappa I = 1` integration
    never falls; with :math:`\kappa = 0` the adjustment is symmetric (the form before issue 17).
    Our form; the asymmetry is the published claim the tests hold it to.

    Parameters
    ----------
    integration, goal : array_like in [0, 1]
    rate : float in [0, 1], per year
    institutionalisation : array_like in [0, 1]
    persistence : float in [0, 1]
    check : bool, default True

    Returns
    -------
    ndarray in [0, 1].

    >>> integration_update([0.2, 0.8, 0.8], [0.6, 0.4, 0.4], rate=0.5, institutionalisation=[0.0, 0.0, 1.0], persistence=0.5).round(3).tolist()
    [0.4, 0.6, 0.7]

    References
    ----------
    .. [1] Keohane, R. O. (1984). After Hegemony: Cooperation and Discord in the World Political
       Economy. Princeton University Press.
    .. [2] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold
       War. International Organization 54(4): 705-735.
    .. [3] Leeds, B. A. & Anac, S. (2005). Alliance institutionalization and alliance performance.
       International Interactions 31(3): 183-202.
    """
    f = "integration_update"
    g = _checked(integration, "integration", f, lo=0.0, hi=1.0, check=check)
    g_star = _checked(goal, "goal", f, lo=0.0, hi=1.0, check=check)
    r = float(_checked(rate, "rate", f, lo=0.0, hi=1.0, check=check))
    inst = _checked(institutionalisation, "institutionalisation", f, lo=0.0, hi=1.0, check=check)
    k = float(_checked(persistence, "persistence", f, lo=0.0, hi=1.0, check=check))
    g, g_star, inst = _broadcast(f, integration=g, goal=g_star, institutionalisation=inst, check=check)
    step = np.where(g_star < g, r * (1.0 - k * inst), r)
    return g + step * (g_star - g)


def institutional_assets(institutionalisation, integration, *, check: bool = True) -> np.ndarray:
    r"""An alliance's institutional assets, :math:`A = \max(I, g)`: its formal military institutions or the integration its forces have reached (P3, P5, T4).

    :math:`I \in [0, 1]` is ATOP's military institutionalisation (Leeds & Anac 2005, 0-2, halved: level 2
    is an integrated command, bases, a standing organisation) and :math:`g \in [0, 1]` the military
    integration the members have built (interoperability, common equipment, forces under common command).
    Either is an asset specific to the relationship, costly to rebuild elsewhere, which raises the cost of
    leaving and keeps the alliance (Williamson 1985 on asset specificity; Lake 1999: the more specific the
    assets, the more durable and hierarchical the security relationship; Wallander 2000 on NATO's
    institutions): an alliance whose forces are integrated is institutionalised in fact whether or not its
    treaty created an organisation, and one whose treaty did is so even before integration follows. The
    maximum (not the sum) keeps :math:`A` in [0, 1] and counts an integrated command once. Our form; the
    published claim held by the tests is that either raises the assets and neither lowers them.

    >>> institutional_assets([0.0, 1.0, 0.5], [0.3, 0.2, 0.0]).tolist()
    [0.3, 1.0, 0.5]

    References
    ----------
    .. [1] Lake, D. A. (1999). Entangling Relations: American Foreign Policy in Its Century. Princeton
       University Press.
    .. [2] Williamson, O. E. (1985). The Economic Institutions of Capitalism. Free Press.
    .. [3] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold War.
       International Organization 54(4): 705-735.
    .. [4] Leeds, B. A. & Anac, S. (2005). Alliance institutionalization and alliance performance.
       International Interactions 31(3): 183-202.
    """
    f = "institutional_assets"
    inst = _checked(institutionalisation, "institutionalisation", f, lo=0.0, hi=1.0, check=check)
    g = _checked(integration, "integration", f, lo=0.0, hi=1.0, check=check)
    inst, g = _broadcast(f, institutionalisation=inst, integration=g, check=check)
    return np.maximum(inst, g)


def retained_value(value, value_at_entry, general_assets, *, check: bool = True) -> np.ndarray:
    r"""What a membership is worth to a member weighing its exit: :math:`\tilde v = v + A_g \max(v_0 - v, 0)` (P5).

    Wallander (2000): an institution's *general* assets (an integrated command, common planning, the habits and
    procedures of consultation) can be turned to new purposes at a fraction of the cost of creating them, so an
    alliance that holds them keeps serving its members after the threat it was founded against fades -- NATO after
    the Cold War -- while one whose assets are specific to that threat loses its purpose with it; Walt (1997) names
    institutionalisation among the reasons alliances endure. A member that leaves forfeits the assets. So of the
    value the membership has lost since the member entered (:math:`v_0 - v`, :math:`v_0` its value at entry), the
    share :math:`A_g \in [0, 1]` of general assets is kept; a membership worth as much as at entry, or more, is
    worth what it is (:math:`\tilde v = v`), and an alliance without general assets is worth its goods alone
    (:math:`A_g = 0`: the rule of :func:`foedus.theory.obligations.inertia_exit_probability` as Leeds & Savun 2007 have
    it, a member leaving when the circumstances of its signature changed). Our form; the published claims the tests
    hold it to: general assets never lower what a membership is worth, and full general assets keep its value at entry.

    Parameters
    ----------
    value, value_at_entry : array_like, utility units
    general_assets : array_like in [0, 1]
    check : bool, default True

    Returns
    -------
    ndarray, utility units, between ``value`` and ``max(value, value_at_entry)``.

    Examples
    --------
    >>> retained_value([0.4, 0.4, 0.4, 0.9], [2.0, 2.0, 2.0, 0.5], [0.0, 0.5, 1.0, 1.0]).tolist()
    [0.4, 1.2, 2.0, 0.9]

    References
    ----------
    .. [1] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold War.
       International Organization 54(4): 705-735.
    .. [2] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156-179.
    .. [3] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate agreements?
       Journal of Politics 69(4): 1118-1132.
    """
    f = "retained_value"
    v = _checked(value, "value", f, check=check)
    v0 = _checked(value_at_entry, "value_at_entry", f, check=check)
    a = _checked(general_assets, "general_assets", f, lo=0.0, hi=1.0, check=check)
    v, v0, a = _broadcast(f, value=v, value_at_entry=v0, general_assets=a, check=check)
    return v + a * np.maximum(v0 - v, 0.0)


def bound_autonomy(autonomy_change, assets, *, binding: float, check: bool = True) -> np.ndarray:
    r"""The autonomy change of Morrow's exchange inside a multilateral institution: :math:`\Delta\tilde a = \Delta a\,(1 - b A)`.

    Morrow (1991): in an asymmetric alliance the weak side concedes autonomy to the strong side for its protection
    (:math:`\Delta a < 0`), the strong side gains it (:math:`\Delta a > 0`). Inside an institution the exchange is not
    made with the leader alone: Ikenberry (2001, ch. 3) describes the institutional bargain of the post-1945 order, the
    leading state binding itself in rules and a decision procedure that limit the returns to its power, so that the
    weaker states lose less autonomy by joining and the leader gains less from their joining; Grieco (1995) finds the
    weaker states seeking exactly such "voice opportunities" (NATO decides by consensus, every member holding a veto).
    ``assets`` :math:`A \in [0, 1]` are the institution's (:func:`institutional_assets`; 0 for a bilateral pact, which
    is the exchange of the two, not an institution of many), ``binding`` :math:`b \in [0, 1]` the share of the
    exchange full assets remove (0: none, Morrow's exchange whatever the institution). Our linear form; the claims the
    tests hold it to: binding shrinks both sides of the exchange toward 0 and never reverses its sign.

    Parameters
    ----------
    autonomy_change : array_like, > -1
    assets : array_like in [0, 1]
    binding : float in [0, 1]
    check : bool, default True

    Returns
    -------
    ndarray, same sign as ``autonomy_change``, no larger in magnitude.

    Examples
    --------
    >>> bound_autonomy([-0.6, -0.6, 0.4], [0.0, 1.0, 0.5], binding=0.5).round(3).tolist()
    [-0.6, -0.3, 0.3]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry: an alternative to the capability aggregation model of
       alliances. American Journal of Political Science 35(4): 904-933.
    .. [2] Ikenberry, G. J. (2001). After Victory: Institutions, Strategic Restraint, and the Rebuilding of Order
       after Major Wars. Princeton University Press, ch. 3.
    .. [3] Grieco, J. M. (1995). The Maastricht Treaty, Economic and Monetary Union and the neo-realist research
       programme. Review of International Studies 21(1): 21-40.
    """
    f = "bound_autonomy"
    da = _checked(autonomy_change, "autonomy_change", f, check=check)
    a = _checked(assets, "assets", f, lo=0.0, hi=1.0, check=check)
    b = float(_checked(binding, "binding", f, lo=0.0, hi=1.0, check=check))
    da, a = _broadcast(f, autonomy_change=da, assets=a, check=check)
    return da * (1.0 - b * a)
