"""Life inside an alliance: autonomy and security, entrapment and abandonment, burden sharing,
integration, cohesion and reliability (brief P1–P5, T2, T4, T5).

Every function is pure numpy and broadcasts over whole systems: pass ``(N,)`` arrays for
states, ``(N, N)`` arrays for ordered pairs, or ``(..., N)`` batches of alliances where a
function says so. Bad input raises :class:`ValueError` naming the function, the argument and
the reason.

What is published and what is ours
----------------------------------
- P1 :func:`morrow_exchange` / :func:`autonomy_security_exchange`: Morrow (1991) states the
  autonomy–security trade-off with general utility functions and indifference curves. We fix
  explicit forms (contest-ratio security, log utility, proportional commitment cost, an
  autonomy side-payment chosen by Nash bargaining) that reproduce his qualitative results; the
  forms are ours and documented in each docstring.
- P2 :func:`entrapment_risk`, :func:`abandonment_risk`: Snyder (1984, 1997) gives the
  comparative statics in words; we use the simplest forms that satisfy them, products of
  probabilities of independent events.
- P4 :func:`burden_shares`: the published model (Olson & Zeckhauser 1966) with a Cobb–Douglas
  utility and the exact Nash equilibrium of Bergstrom, Blume & Varian (1986).
- P3/T4 :func:`optimal_integration`: no published formal model is canonical; the forms are ours.
- P5/T2/T5 :func:`alliance_cohesion`, :func:`honour_probability`: logistic indices whose signs
  follow the empirical literature cited there; the default weights are illustrative, not
  estimates.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from foedus.theory._validate import _broadcast, _checked

__all__ = [
    "MorrowExchange",
    "morrow_security",
    "morrow_exchange",
    "autonomy_security_exchange",
    "exchange_matrix",
    "symmetric_ratio_threshold",
    "entrapment_risk",
    "abandonment_risk",
    "commitment_strategy",
    "risk_taking_from_disputes",
    "accession_allowed",
    "BurdenSharing",
    "burden_shares",
    "burden_sharing_equilibrium",
    "best_response",
    "samuelson_provision",
    "samuelson_gap",
    "burden_ratio",
    "integration_effectiveness",
    "control_loss",
    "integration_utility",
    "optimal_integration",
    "alliance_cohesion",
    "annual_exit_probability",
    "honour_probability",
    "democratic_diffusion",
]


def _logistic(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


# --------------------------------------------------------------------------------------------
# P1 Morrow (1991): the autonomy–security trade-off
# --------------------------------------------------------------------------------------------


class MorrowExchange(NamedTuple):
    """Terms and gains of Morrow's autonomy-for-security exchange between i and j.

    All fields broadcast to the shape of ``power_i`` and ``power_j``; where no mutually
    beneficial contract exists (``feasible`` False) the terms and gains are 0 (no alliance).
    """

    security_gain_i: np.ndarray
    """Change in i's security, probability units: s(p_i + p_j) - s(p_i)."""
    security_gain_j: np.ndarray
    autonomy_change_i: np.ndarray
    """Proportional change in i's autonomy: concession received minus commitment cost."""
    autonomy_change_j: np.ndarray
    utility_gain_i: np.ndarray
    """Change in i's utility log s + theta log a (log units)."""
    utility_gain_j: np.ndarray
    concession: np.ndarray
    """Autonomy transferred from j to i (negative: from i to j), Nash bargaining solution."""
    feasible: np.ndarray
    """Some contract gives both sides a positive gain (the alliance can form)."""
    symmetric_feasible: np.ndarray
    """The contract without side payment (Morrow's symmetric alliance) gives both a gain."""


def morrow_security(power, *, adversary: float = 0.2) -> np.ndarray:
    """Security as Morrow's "ability to maintain the status quo", as a contest ratio.

    .. math:: s(p) = \\frac{p}{p + r}

    with ``p`` the capability a state can bring to defend the status quo and ``r`` the
    adversary's capability (same units, e.g. CINC shares). Concave and increasing in ``p``:
    each extra unit of capability buys less security, which is what lets states trade it
    (Morrow 1991, brief P1). The ratio form is the standard contest success function
    (Hirshleifer 1989); Morrow does not commit to a functional form.

    Parameters
    ----------
    power : array_like, >= 0
        Capability (e.g. CINC share, 0-1).
    adversary : float, > 0
        The adversary's capability in the same units; 0.2 is roughly a superpower's CINC
        share (see :data:`foedus.schema.SUPERPOWER_CINC`).

    Returns
    -------
    ndarray in [0, 1).

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry: An alternative to the capability
       aggregation model of alliances. American Journal of Political Science 35(4): 904–933.
    .. [2] Hirshleifer, J. (1989). Conflict and rent-seeking success functions: Ratio vs.
       difference models of relative success. Public Choice 63(2): 101–112.
    """
    f = "morrow_security"
    p = _checked(power, "power", f, lo=0.0)
    r = float(_checked(adversary, "adversary", f, lo=0.0, lo_open=True))
    return p / (p + r)


def _morrow_terms(power_i, power_j, adversary, autonomy_weight, commitment_cost, func, *, check: bool = True):
    p_i = _checked(power_i, "power_i", func, lo=0.0, lo_open=True, check=check)
    p_j = _checked(power_j, "power_j", func, lo=0.0, lo_open=True, check=check)
    p_i, p_j = _broadcast(func, power_i=p_i, power_j=p_j, check=check)
    r = float(_checked(adversary, "adversary", func, lo=0.0, lo_open=True, check=check))
    theta = float(_checked(autonomy_weight, "autonomy_weight", func, lo=0.0, lo_open=True, check=check))
    kappa = float(_checked(commitment_cost, "commitment_cost", func, lo=0.0, hi=1.0, hi_open=True, check=check))
    total = p_i + p_j
    s_pair = total / (total + r)
    # log security gains, written to avoid cancellation: log[(P (p + r)) / (p (P + r))]
    g_i = np.log(total) + np.log(p_i + r) - np.log(p_i) - np.log(total + r)
    g_j = np.log(total) + np.log(p_j + r) - np.log(p_j) - np.log(total + r)
    ds_i = s_pair - p_i / (p_i + r)
    ds_j = s_pair - p_j / (p_j + r)
    return g_i, g_j, ds_i, ds_j, theta, kappa


def morrow_exchange(
    power_i,
    power_j,
    *,
    adversary: float = 0.2,
    autonomy_weight: float = 1.0,
    commitment_cost: float = 0.1,
    iterations: int = 64,
    check: bool = True,
) -> MorrowExchange:
    """Morrow's (1991) autonomy–security exchange between i and j, with explicit forms.

    Brief P1. Morrow (1991) models states that value *security* (keeping the status quo they
    like) and *autonomy* (changing the status quo they dislike), with diminishing returns in
    both. An alliance is a trade: in a **symmetric** alliance both sides gain security and
    both give up autonomy (they must coordinate policy); in an **asymmetric** alliance the
    weak side gains security and pays with autonomy (bases, a say in its policy), while the
    strong side gains autonomy and little security. Morrow derives that asymmetric alliances
    form more easily (they are mutually beneficial over a wider range of capability ratios)
    and last longer. Morrow works with general indifference curves; the forms below are ours.

    Forms:

    - security :math:`s(p) = p / (p + r)` (:func:`morrow_security`); an alliance pools
      capabilities, so each side's security becomes :math:`s(p_i + p_j)`;
    - utility :math:`u = \\log s + \\theta \\log a` with autonomy ``a`` = 1 before the alliance;
    - both signatories give up the fraction :math:`\\kappa` of autonomy (the pledge);
    - j transfers the fraction ``x`` of autonomy to i (``x < 0``: i transfers to j).

    The utility gains are

    .. math::

        \\Delta u_i(x) = G_i + \\theta \\log(1 - \\kappa + x), \\quad
        \\Delta u_j(x) = G_j + \\theta \\log(1 - \\kappa - x), \\quad
        G_k = \\log \\frac{s(p_i + p_j)}{s(p_k)}.

    A contract exists iff :math:`e^{-G_i/\\theta} + e^{-G_j/\\theta} < 2(1 - \\kappa)`; the
    symmetric alliance (``x = 0``) works iff both :math:`e^{-G_k/\\theta} < 1 - \\kappa`, a
    strictly smaller set (so asymmetric alliances form over a wider range, Morrow's H1).
    Because ``s`` is concave, the weaker side has the larger :math:`G`; the Nash (1950)
    bargaining solution ``x*`` (maximising :math:`\\Delta u_i \\Delta u_j`) therefore runs from
    the weaker to the stronger side, and is 0 for equal powers. It solves the first-order
    condition :math:`(1 - \\kappa + x)\\Delta u_i = (1 - \\kappa - x)\\Delta u_j`, whose
    left-minus-right side is strictly increasing on the feasible interval (derivative
    :math:`\\Delta u_i + \\Delta u_j + 2\\theta`), by vectorised Newton steps in the log of the
    payer's remaining autonomy, safeguarded by bisection.

    Parameters
    ----------
    power_i, power_j : array_like, > 0
        Capabilities (e.g. CINC shares); broadcast against each other (pass
        ``power[:, None], power[None, :]`` for all pairs, or use :func:`exchange_matrix`).
    adversary : float, > 0
        Capability of the common adversary (same units).
    autonomy_weight : float, > 0
        :math:`\\theta`, the weight of autonomy relative to security.
    commitment_cost : float in [0, 1)
        :math:`\\kappa`, the fraction of autonomy each signatory gives up by pledging.
    iterations : int
        Most Newton/bisection steps (convergence to double precision usually takes < 10).
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    MorrowExchange

    Examples
    --------
    >>> ex = morrow_exchange(0.15, 0.01)          # a superpower and a small state
    >>> bool(ex.feasible), bool(ex.symmetric_feasible)
    (True, False)
    >>> bool(ex.concession > 0)                   # the small state pays in autonomy
    True

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry: An alternative to the capability
       aggregation model of alliances. American Journal of Political Science 35(4): 904–933.
    .. [2] Nash, J. F. (1950). The bargaining problem. Econometrica 18(2): 155–162.
    """
    f = "morrow_exchange"
    g_i, g_j, ds_i, ds_j, theta, kappa = _morrow_terms(
        power_i, power_j, adversary, autonomy_weight, commitment_cost, f, check=check
    )
    keep = 1.0 - kappa
    x_lo = np.exp(-g_i / theta) - keep  # i breaks even
    x_hi = keep - np.exp(-g_j / theta)  # j breaks even
    feasible = x_lo < x_hi
    symmetric = (x_lo < 0.0) & (x_hi > 0.0)

    x, log_keep_i, log_keep_j = _nash_concession(g_i, g_j, theta, keep, feasible, iterations)
    x = np.where(feasible, x, 0.0)
    du_i = np.where(feasible, g_i + theta * log_keep_i, 0.0)
    du_j = np.where(feasible, g_j + theta * log_keep_j, 0.0)
    return MorrowExchange(
        security_gain_i=np.where(feasible, ds_i, 0.0),
        security_gain_j=np.where(feasible, ds_j, 0.0),
        autonomy_change_i=np.where(feasible, x - kappa, 0.0),
        autonomy_change_j=np.where(feasible, -x - kappa, 0.0),
        utility_gain_i=du_i,
        utility_gain_j=du_j,
        concession=x,
        feasible=feasible,
        symmetric_feasible=symmetric,
    )


def _nash_concession(g_i, g_j, theta, keep, feasible, iterations):
    """Nash concession x* (from j to i) of :func:`morrow_exchange`, solved pair by pair (compiled).

    Returns x* and the logs of i's and j's autonomy after the alliance, log(k + x*) and
    log(k - x*), the latter computed without cancellation.

    Oriented so that w is the side with the larger security gain (the weaker side, which
    pays, so x* >= 0 towards the other side s), the first-order condition is solved for
    y = log(k - x), the log of the payer's remaining autonomy: in y the problem is well scaled
    even when a tiny state's break-even point lies within 1e-10 of giving up everything.
    H(y) = a du_s - b du_w with b = e^y, a = 2k - b is strictly decreasing
    (dH/dy = -b (du_s + du_w + 2 theta)), positive at the payer's break-even point and
    non-positive at the strong side's break-even point or at x = 0, whichever binds. Newton
    steps start from that upper end (exact for equal powers) and fall back to bisection when a
    step leaves the sign bracket.
    """
    g_i, g_j, feasible = np.broadcast_arrays(np.asarray(g_i, dtype=float), np.asarray(g_j, dtype=float), np.asarray(feasible, dtype=bool))
    shape = g_i.shape
    gi, gj, fe = (np.ascontiguousarray(a).ravel() for a in (g_i, g_j, feasible))
    x, log_i, log_j = np.empty(gi.shape), np.empty(gi.shape), np.empty(gi.shape)
    _nash_kernel(gi, gj, float(theta), float(keep), fe, int(iterations), x, log_i, log_j)
    return x.reshape(shape), log_i.reshape(shape), log_j.reshape(shape)


@njit(cache=True, error_model="numpy")
def _nash_kernel(g_i, g_j, theta, keep, feasible, iterations, x_out, log_i, log_j):  # pragma: no cover (compiled)
    """:func:`_nash_concession` pair by pair: safeguarded Newton steps until each pair converges."""
    for e in range(g_i.shape[0]):
        swap = g_i[e] > g_j[e]  # i is the weaker side
        g_s = g_j[e] if swap else g_i[e]
        g_w = g_i[e] if swap else g_j[e]
        z_lo = np.exp(-g_s / theta) - keep
        # infeasible pairs sit at x = 0 (y = log k), where every term below is finite
        y_hi = np.log(keep - (min(max(z_lo, 0.0), keep) if feasible[e] else 0.0))
        y_lo = min(-g_w / theta if feasible[e] else y_hi, y_hi)
        y = y_hi
        if feasible[e]:
            for _ in range(iterations):
                b = np.exp(y)
                a = 2.0 * keep - b
                du_s = g_s + theta * np.log(a)
                du_w = g_w + theta * y
                h = a * du_s - b * du_w
                if h > 0.0:
                    y_lo = y
                else:
                    y_hi = y
                step = y + h / (b * (du_s + du_w + 2.0 * theta))
                y_new = step if (step >= y_lo and step <= y_hi) else 0.5 * (y_lo + y_hi)
                done = abs(y_new - y) <= 1e-13 * (1.0 + abs(y))
                y = y_new
                if done:
                    break
        b = np.exp(y)
        z = keep - b
        log_strong = np.log(2.0 * keep - b)  # y is the payer's log autonomy, exact even if b ~ 1e-300
        x_out[e] = -z if swap else z
        log_i[e] = y if swap else log_strong
        log_j[e] = log_strong if swap else y


def autonomy_security_exchange(power_i, power_j, **kwargs) -> tuple[np.ndarray, np.ndarray]:
    """i's security gain and autonomy change in an alliance with j (Morrow 1991; brief P1).

    The interface form of :func:`morrow_exchange` (same keywords). In an asymmetric pair the
    weak side gains much security and gives autonomy; the strong side gains little security
    and, when the asymmetry is large enough, gains autonomy net of its pledge (concessions).
    Equal powers both gain security and both give up ``commitment_cost`` of autonomy. Pairs
    for which no mutually beneficial contract exists get (0, 0): no alliance, no change.

    Returns
    -------
    security_gain_i : ndarray, probability units (change in :func:`morrow_security`)
    autonomy_change_i : ndarray, proportional change in autonomy (``-commitment_cost`` plus
        the concession received)
    """
    ex = morrow_exchange(power_i, power_j, **kwargs)
    return ex.security_gain_i, ex.autonomy_change_i


def exchange_matrix(power, **kwargs) -> tuple[np.ndarray, np.ndarray]:
    """:func:`autonomy_security_exchange` for every ordered pair of a system, diagonal 0.

    Parameters
    ----------
    power : array_like (N,), > 0
    **kwargs : keywords of :func:`morrow_exchange`

    Returns
    -------
    security_gain, autonomy_change : ndarray (N, N); ``[i, j]`` is i's view of an alliance
    with j.
    """
    p = _checked(power, "power", "exchange_matrix", lo=0.0, lo_open=True)
    if p.ndim != 1:
        raise ValueError(f"exchange_matrix: power must be 1-D (N,), got shape {p.shape}")
    n = p.shape[0]
    iu, ju = np.triu_indices(n, k=1)  # each unordered pair once; [j, i] is the other side
    ex = morrow_exchange(p[iu], p[ju], **kwargs)
    ds = np.zeros((n, n))
    da = np.zeros((n, n))
    ds[iu, ju], ds[ju, iu] = ex.security_gain_i, ex.security_gain_j
    da[iu, ju], da[ju, iu] = ex.autonomy_change_i, ex.autonomy_change_j
    return ds, da


def symmetric_ratio_threshold(
    power_strong,
    *,
    adversary: float = 0.2,
    autonomy_weight: float = 1.0,
    commitment_cost: float = 0.1,
) -> np.ndarray:
    """Smallest capability ratio p_weak / p_strong at which a symmetric alliance pays both.

    Closed form of the condition in :func:`morrow_exchange`: the stronger side gains from a
    symmetric alliance iff :math:`s(p(1 + \\rho)) > t` with
    :math:`t = s(p)(1 - \\kappa)^{-\\theta}`, i.e.

    .. math:: \\rho^* = \\frac{t\\, r}{(1 - t)\\, p} - 1,

    and ``inf`` when :math:`t \\ge 1` (no partner, however strong, compensates the pledge).
    For a partner no stronger than oneself (:math:`\\rho \\le 1`) the partner's condition is
    then implied (it gains more security), so a symmetric alliance pays both iff
    :math:`\\rho > \\rho^*`; a :math:`\\rho^* \\ge 1` means none does. Below :math:`\\rho^*`
    only an asymmetric alliance (autonomy for security) can form.

    Returns
    -------
    ndarray, clipped below at 0.
    """
    f = "symmetric_ratio_threshold"
    p = _checked(power_strong, "power_strong", f, lo=0.0, lo_open=True)
    r = float(_checked(adversary, "adversary", f, lo=0.0, lo_open=True))
    theta = float(_checked(autonomy_weight, "autonomy_weight", f, lo=0.0, lo_open=True))
    kappa = float(_checked(commitment_cost, "commitment_cost", f, lo=0.0, hi=1.0, hi_open=True))
    t = p / (p + r) * (1.0 - kappa) ** (-theta)
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = np.where(t < 1.0, t * r / ((1.0 - t) * p) - 1.0, np.inf)
    return np.maximum(rho, 0.0)


# --------------------------------------------------------------------------------------------
# P2 Snyder (1984, 1997): the alliance security dilemma
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# P4 Olson & Zeckhauser (1966): burden sharing
# --------------------------------------------------------------------------------------------


class BurdenSharing(NamedTuple):
    """Nash equilibrium of voluntary contributions to the alliance's deterrence."""

    contributions: np.ndarray
    """q_i, in units of the public good (income units / price)."""
    total: np.ndarray
    """Q, the alliance's deterrence (sum over the last axis)."""
    contributors: np.ndarray
    """bool, q_i > 0."""


def _burden_inputs(valuation, income, price, func):
    inc = _checked(income, "income", func, lo=0.0)
    if inc.ndim == 0:
        raise ValueError(f"{func}: income must be an array of members (..., N), got a scalar")
    beta = _checked(valuation, "valuation", func, lo=0.0, hi=1.0, lo_open=True, hi_open=True)
    try:
        beta = np.broadcast_to(beta, inc.shape)
    except ValueError:
        raise ValueError(
            f"{func}: valuation of shape {np.shape(valuation)} does not broadcast to income {inc.shape}"
        ) from None
    p = float(_checked(price, "price", func, lo=0.0, lo_open=True))
    if not (inc.sum(axis=-1) > 0).all():
        raise ValueError(f"{func}: every alliance needs at least one member with positive income")
    return beta, inc, p


def burden_sharing_equilibrium(valuation, income, *, price: float = 1.0) -> BurdenSharing:
    """The exact Nash equilibrium of Olson & Zeckhauser's alliance (brief P4), vectorised.

    Olson & Zeckhauser (1966) model deterrence as a pure public good: every ally enjoys the
    alliance's total deterrence :math:`Q = \\sum_i q_i` whoever pays for it. Each member i
    chooses its own contribution :math:`q_i \\ge 0` to maximise the Cobb–Douglas utility

    .. math:: U_i = (I_i - p\\, q_i)^{1 - \\beta_i}\\, Q^{\\beta_i}

    taking the others' contributions :math:`Q_{-i}` as given. The best response is
    :math:`p\\, q_i = \\max(0,\\ \\beta_i I_i - (1 - \\beta_i)\\, p\\, Q_{-i})`
    (:func:`best_response`); a contributor's condition can be written
    :math:`q_i = I_i / p - k_i Q` with :math:`k_i = (1 - \\beta_i)/\\beta_i`, so i contributes
    iff :math:`m_i = I_i / (p k_i) > Q`. The equilibrium is unique (Bergstrom, Blume & Varian
    1986). For a contributor set C, :math:`Q = \\sum_C I_i / (p (1 + \\sum_C k_i))`; sorting
    members by :math:`m_i` and taking cumulative sums gives every candidate set at once, and
    the equilibrium set is the longest prefix with :math:`m_{(n)} > Q_n` (adding a member with
    :math:`m > Q_n` keeps its own condition true and moves Q toward its m, so the prefix
    property holds).

    Consequences Olson & Zeckhauser drew: with a common :math:`\\beta`, a contributor's
    burden :math:`q_i / I_i = 1/p - kQ/I_i` rises with income, so the large members carry a
    disproportionate share (:func:`burden_ratio`), and members whose income is below
    :math:`p k Q` free-ride entirely; total deterrence is below the Pareto (Samuelson) level
    (:func:`samuelson_gap`, :func:`samuelson_provision`).

    Parameters
    ----------
    valuation : array_like in (0, 1), broadcastable to ``income``
        :math:`\\beta_i`, the share of income a member would spend on deterrence if it stood
        alone.
    income : array_like (..., N), >= 0
        Members' incomes (e.g. GDP) along the last axis; leading axes are separate alliances.
    price : float, > 0
        Price of a unit of deterrence in income units.

    Returns
    -------
    BurdenSharing

    Examples
    --------
    >>> eq = burden_sharing_equilibrium(0.5, [100.0, 1.0])
    >>> eq.contributions.tolist(), float(eq.total)
    ([50.0, 0.0], 50.0)

    References
    ----------
    .. [1] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. Review of
       Economics and Statistics 48(3): 266–279.
    .. [2] Bergstrom, T., Blume, L. & Varian, H. (1986). On the private provision of public
       goods. Journal of Public Economics 29(1): 25–49.
    """
    f = "burden_sharing_equilibrium"
    beta, inc, p = _burden_inputs(valuation, income, price, f)
    k = (1.0 - beta) / beta
    m = inc / (p * k)
    order = np.argsort(-m, axis=-1, kind="stable")
    inc_s = np.take_along_axis(inc, order, axis=-1)
    k_s = np.take_along_axis(k, order, axis=-1)
    m_s = np.take_along_axis(m, order, axis=-1)
    q_n = np.cumsum(inc_s, axis=-1) / (p * (1.0 + np.cumsum(k_s, axis=-1)))
    ok = m_s > q_n
    # length of the leading run of True (the first member always qualifies: m_1 > Q_1)
    n_star = np.where(ok.all(axis=-1), ok.shape[-1], np.argmin(ok, axis=-1))
    n_star = np.maximum(n_star, 1)
    total = np.take_along_axis(q_n, (n_star - 1)[..., None], axis=-1)[..., 0]
    q = np.maximum(inc / p - k * total[..., None], 0.0)
    return BurdenSharing(contributions=q, total=total, contributors=q > 0.0)


def burden_shares(valuation, income, *, price: float = 1.0) -> np.ndarray:
    """Members' equilibrium contributions to deterrence (Olson & Zeckhauser 1966; brief P4).

    The interface form of :func:`burden_sharing_equilibrium` (see there for the model):
    returns the contributions ``q`` only, shape of ``income``. Larger members carry a
    disproportionate share; small ones free-ride (``q = 0``).
    """
    return burden_sharing_equilibrium(valuation, income, price=price).contributions


def best_response(valuation, income, others_total, *, price: float = 1.0) -> np.ndarray:
    """Member i's utility-maximising contribution given the others' total (Cobb–Douglas).

    .. math:: q_i^{BR} = \\max\\left(0,\\ \\frac{\\beta_i I_i}{p} - (1 - \\beta_i) Q_{-i}\\right)

    From the first-order condition of :math:`(I_i - p q_i)^{1-\\beta_i}(q_i + Q_{-i})^{\\beta_i}`
    (Olson & Zeckhauser 1966; Bergstrom, Blume & Varian 1986). A simulator can iterate this to
    let burdens adjust year by year; its fixed point is :func:`burden_shares`.
    """
    f = "best_response"
    beta = _checked(valuation, "valuation", f, lo=0.0, hi=1.0, lo_open=True, hi_open=True)
    inc = _checked(income, "income", f, lo=0.0)
    q_o = _checked(others_total, "others_total", f, lo=0.0)
    p = float(_checked(price, "price", f, lo=0.0, lo_open=True))
    beta, inc, q_o = _broadcast(f, valuation=beta, income=inc, others_total=q_o)
    return np.maximum(beta * inc / p - (1.0 - beta) * q_o, 0.0)


def samuelson_gap(valuation, income, contributions, *, price: float = 1.0) -> np.ndarray:
    """Sum of marginal rates of substitution minus the price, along the last axis.

    Samuelson's (1954) efficiency condition for a public good is :math:`\\sum_i MRS_i = p`,
    with here :math:`MRS_i = \\frac{\\beta_i}{1 - \\beta_i} \\frac{I_i - p q_i}{Q}`. At the
    Nash equilibrium every contributor has :math:`MRS_i = p` and every free rider
    :math:`0 < MRS_i \\le p`, so with two or more members with income the gap is positive:
    the allies would all gain from more deterrence (Olson & Zeckhauser's suboptimality).

    Returns
    -------
    ndarray, shape ``income.shape[:-1]``; > 0 means underprovision.

    References
    ----------
    .. [1] Samuelson, P. A. (1954). The pure theory of public expenditure. Review of
       Economics and Statistics 36(4): 387–389.
    """
    f = "samuelson_gap"
    beta, inc, p = _burden_inputs(valuation, income, price, f)
    q = _checked(contributions, "contributions", f, lo=0.0)
    if q.shape != inc.shape:
        raise ValueError(f"{f}: contributions shape {q.shape} differs from income shape {inc.shape}")
    total = q.sum(axis=-1, keepdims=True)
    if not (total > 0).all():
        raise ValueError(f"{f}: total contributions must be positive")
    mrs = beta / (1.0 - beta) * (inc - p * q) / total
    return mrs.sum(axis=-1) - p


def samuelson_provision(valuation, income, *, price: float = 1.0) -> np.ndarray:
    """A Pareto-efficient (Samuelson) level of deterrence for the alliance.

    With Cobb–Douglas utilities the efficient allocations satisfy
    :math:`\\sum_i b_i x_i = p Q` with :math:`b_i = \\beta_i / (1 - \\beta_i)` and private
    consumption :math:`x_i`. With a common :math:`\\beta` this pins down a unique level,
    :math:`Q^S = \\beta \\sum_i I_i / p`, whatever the distribution; with different
    :math:`\\beta_i` we report the efficient level at which private consumption stays
    proportional to income,
    :math:`Q^S = \\frac{\\sum_i I_i \\sum_i b_i I_i}{p(\\sum_i I_i + \\sum_i b_i I_i)}`.

    Returns
    -------
    ndarray, shape ``income.shape[:-1]``.
    """
    beta, inc, p = _burden_inputs(valuation, income, price, "samuelson_provision")
    b = beta / (1.0 - beta)
    total_income = inc.sum(axis=-1)
    weighted = (b * inc).sum(axis=-1)
    return total_income * weighted / (p * (total_income + weighted))


def burden_ratio(contributions, income) -> np.ndarray:
    """Share of the burden over share of income, along the last axis (Olson & Zeckhauser 1966).

    .. math:: \\frac{q_i / \\sum_j q_j}{I_i / \\sum_j I_j}

    Above 1: the member carries more than its economic weight. Olson & Zeckhauser's
    "exploitation of the great by the small" is this ratio rising with income.
    """
    f = "burden_ratio"
    q = _checked(contributions, "contributions", f, lo=0.0)
    inc = _checked(income, "income", f, lo=0.0, lo_open=True)
    q, inc = _broadcast(f, contributions=q, income=inc)
    if q.ndim == 0:
        raise ValueError(f"{f}: contributions must be an array of members (..., N)")
    qt = q.sum(axis=-1, keepdims=True)
    if not (qt > 0).all():
        raise ValueError(f"{f}: total contributions must be positive")
    return (q / qt) / (inc / inc.sum(axis=-1, keepdims=True))


# --------------------------------------------------------------------------------------------
# P3 / T4 integration against autonomy
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# P5 / T2 / T5 cohesion, decline and reliability
# --------------------------------------------------------------------------------------------


def alliance_cohesion(
    threat_common,
    economic_competition,
    regime_similarity,
    *,
    joint_democracy=0.0,
    intercept: float = -1.0,
    threat_weight: float = 3.0,
    competition_weight: float = 2.0,
    similarity_weight: float = 1.0,
    democracy_weight: float = 1.0,
    check: bool = True,
) -> np.ndarray:
    """Probability-like cohesion of an alliance or allied pair (brief P5, T2, T5).

    .. math::

        \\text{cohesion} = \\sigma\\big(b_0 + b_T\\, T - b_E\\, E + b_R\\, R + b_D\\, D\\big),
        \\qquad \\sigma(z) = 1 / (1 + e^{-z})

    Signs follow the literature; the weights are illustrative defaults, not estimates
    (calibrate them against the record's alliance durations with :mod:`foedus.analysis`):

    - ``T`` common threat (+): alliances decline when the threat that founded them fades
      (Walt 1997; Bennett 1997 finds threat and security–autonomy terms shape duration);
    - ``E`` economic competition between the allies (−): trade's security externalities make
      states favour allies and fear partners' relative gains (Gowa 1994); allies that compete
      may refuse to defend each other (brief P5);
    - ``R`` regime similarity (+): similar regimes ally more readily (Lai & Reiter 2000);
    - ``D`` joint democracy (+): alliances between democracies last longer than others
      (Gaubatz 1996; brief T5).

    Parameters
    ----------
    threat_common, economic_competition, regime_similarity : array_like in [0, 1]
    joint_democracy : array_like in [0, 1], optional
        1 where both members are democracies.
    intercept, threat_weight, competition_weight, similarity_weight, democracy_weight : float
        Logit coefficients; the weights must be >= 0 (their signs are fixed above).
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in (0, 1).

    References
    ----------
    .. [1] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156–179.
    .. [2] Bennett, D. S. (1997). Testing alternative models of alliance duration, 1816–1984.
       American Journal of Political Science 41(3): 846–878.
    .. [3] Gowa, J. (1994). Allies, Adversaries, and International Trade. Princeton
       University Press.
    .. [4] Lai, B. & Reiter, D. (2000). Democracy, political similarity, and international
       alliances, 1816–1992. Journal of Conflict Resolution 44(2): 203–227.
    .. [5] Gaubatz, K. T. (1996). Democratic states and commitment in international
       relations. International Organization 50(1): 109–139.
    """
    f = "alliance_cohesion"
    t = _checked(threat_common, "threat_common", f, lo=0.0, hi=1.0, check=check)
    e = _checked(economic_competition, "economic_competition", f, lo=0.0, hi=1.0, check=check)
    r = _checked(regime_similarity, "regime_similarity", f, lo=0.0, hi=1.0, check=check)
    d = _checked(joint_democracy, "joint_democracy", f, lo=0.0, hi=1.0, check=check)
    b0 = float(_checked(intercept, "intercept", f, check=check))
    bt, be, br, bd = (
        float(_checked(v, n, f, lo=0.0, check=check))
        for v, n in (
            (threat_weight, "threat_weight"),
            (competition_weight, "competition_weight"),
            (similarity_weight, "similarity_weight"),
            (democracy_weight, "democracy_weight"),
        )
    )
    t, e, r, d = _broadcast(f, threat_common=t, economic_competition=e, regime_similarity=r, joint_democracy=d, check=check)
    return _logistic(b0 + bt * t - be * e + br * r + bd * d)


def annual_exit_probability(
    cohesion,
    *,
    capability_change=0.0,
    max_hazard: float = 0.25,
    change_weight: float = 2.0,
    institutionalisation=0.0,
    institution_weight: float = 0.0,
    check: bool = True,
) -> np.ndarray:
    r"""Probability that an alliance (or a member) ends this year (brief P5).

    .. math:: h = h_{max}\left(1 - \text{cohesion} \cdot e^{-\lambda |\Delta p|}\right)\,(1 - \omega I)

    Falls with cohesion (:func:`alliance_cohesion`) and rises with the change in the members'
    capabilities since the alliance formed (``Δp``, a relative change): Morrow (1991) derives
    that capability change breaks alliances, and Leeds (2003) finds that changes in power
    since formation predict violations. Our form; ``max_hazard`` bounds the yearly rate.

    The last factor is optional (``institution_weight`` 0 by default, the form above): the
    military institutionalisation of the alliance, ``I`` in [0, 1] (ATOP's 0-2 scale of Leeds &
    Anac 2005, halved: integrated command, bases, a standing organisation), removes the share
    ``ω I`` of the hazard. Institutions are assets that are costly to rebuild, so states keep
    and adapt an institutionalised alliance after the threat that founded it fades (Wallander
    2000 on NATO after the Cold War; Haftendorn, Keohane & Wallander 1999). Bennett (1997)
    finds no effect of an alliance's *age* on its duration; ``I`` is its formal structure, not
    its age.

    Parameters
    ----------
    cohesion : array_like in [0, 1]
        From :func:`alliance_cohesion`.
    capability_change : array_like, optional
        :math:`\Delta p`, relative change in the members' capabilities; broadcast against
        ``cohesion``.
    max_hazard : float in [0, 1]
        :math:`h_{max}`.
    change_weight : float, >= 0
        :math:`\lambda`.
    institutionalisation : array_like in [0, 1], optional
        :math:`I`; broadcast against ``cohesion``.
    institution_weight : float in [0, 1]
        :math:`\omega`, the share of the hazard that full institutionalisation removes.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, max_hazard].

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. American Journal of Political
       Science 35(4): 904–933.
    .. [2] Leeds, B. A. (2003). Alliance reliability in times of war. International
       Organization 57(4): 801–827.
    .. [3] Leeds, B. A. & Anac, S. (2005). Alliance institutionalization and alliance
       performance. International Interactions 31(3): 183–202.
    .. [4] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold
       War. International Organization 54(4): 705–735.
    .. [5] Bennett, D. S. (1997). Testing alternative models of alliance duration, 1816–1984.
       American Journal of Political Science 41(3): 846–878.
    """
    f = "annual_exit_probability"
    c = _checked(cohesion, "cohesion", f, lo=0.0, hi=1.0, check=check)
    dp = _checked(capability_change, "capability_change", f, check=check)
    h = float(_checked(max_hazard, "max_hazard", f, lo=0.0, hi=1.0, check=check))
    lam = float(_checked(change_weight, "change_weight", f, lo=0.0, check=check))
    inst = _checked(institutionalisation, "institutionalisation", f, lo=0.0, hi=1.0, check=check)
    w = float(_checked(institution_weight, "institution_weight", f, lo=0.0, hi=1.0, check=check))
    c, dp, inst = _broadcast(f, cohesion=c, capability_change=dp, institutionalisation=inst, check=check)
    hazard = h * (1.0 - c * np.exp(-lam * np.abs(dp)))
    return hazard * (1.0 - w * inst) if w else hazard


def honour_probability(
    commitment,
    interdependence_with_adversary,
    cohesion,
    *,
    democratic=0.0,
    major_power=0.0,
    base_rate: float = 0.75,
    commitment_weight: float = 2.0,
    cohesion_weight: float = 2.0,
    interdependence_weight: float = 3.0,
    democracy_weight: float = 0.5,
    major_power_weight: float = 0.5,
    check: bool = True,
) -> np.ndarray:
    """Probability that an ally honours its commitment when called upon (brief T2, P5).

    .. math::

        P = \\sigma\\big(b_0 + b_c (c - 1) + b_h (h - \\tfrac12) - b_x x + b_d d - b_m m\\big)

    with ``c`` the commitment, ``h`` the cohesion, ``x`` the ally's economic
    interdependence with the adversary, ``d`` democracy and ``m`` major-power status. The
    intercept :math:`b_0 = \\text{logit}(\\text{base\\_rate})` makes a full commitment at
    middling cohesion, with no ties to the adversary, honoured with probability
    ``base_rate``: 0.75 by default, the share of alliance commitments Leeds (2003) finds
    fulfilled in wars 1816–1944. Directions:

    - interdependence with the adversary (−): a state whose trade or supply chains run
      through the adversary can be coerced through them ("weaponised interdependence",
      Farrell & Newman 2019; brief T2's Lithuania example);
    - nondemocracies and major powers (−, i.e. ``d`` +, ``m`` −) violate more often
      (Leeds 2003). Gartzke & Gleditsch (2004) find the opposite for democracies; set
      ``democracy_weight=0`` to stay neutral.

    Weights other than the intercept are illustrative, not estimates.

    Parameters
    ----------
    commitment, interdependence_with_adversary, cohesion : array_like in [0, 1]
    democratic, major_power : array_like in [0, 1], optional
    base_rate : float in (0, 1)
    commitment_weight, cohesion_weight, interdependence_weight, democracy_weight,
    major_power_weight : float, >= 0
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in (0, 1).

    References
    ----------
    .. [1] Leeds, B. A. (2003). Alliance reliability in times of war: Explaining state
       decisions to violate treaties. International Organization 57(4): 801–827.
    .. [2] Farrell, H. & Newman, A. L. (2019). Weaponized interdependence: How global economic
       networks shape state coercion. International Security 44(1): 42–79.
    .. [3] Gartzke, E. & Gleditsch, K. S. (2004). Why democracies may actually be less
       reliable allies. American Journal of Political Science 48(4): 775–795.
    """
    f = "honour_probability"
    c = _checked(commitment, "commitment", f, lo=0.0, hi=1.0, check=check)
    x = _checked(interdependence_with_adversary, "interdependence_with_adversary", f, lo=0.0, hi=1.0, check=check)
    h = _checked(cohesion, "cohesion", f, lo=0.0, hi=1.0, check=check)
    d = _checked(democratic, "democratic", f, lo=0.0, hi=1.0, check=check)
    m = _checked(major_power, "major_power", f, lo=0.0, hi=1.0, check=check)
    p0 = float(_checked(base_rate, "base_rate", f, lo=0.0, hi=1.0, lo_open=True, hi_open=True, check=check))
    bc, bh, bx, bd, bm = (
        float(_checked(v, n, f, lo=0.0, check=check))
        for v, n in (
            (commitment_weight, "commitment_weight"),
            (cohesion_weight, "cohesion_weight"),
            (interdependence_weight, "interdependence_weight"),
            (democracy_weight, "democracy_weight"),
            (major_power_weight, "major_power_weight"),
        )
    )
    c, x, h, d, m = _broadcast(
        f, commitment=c, interdependence_with_adversary=x, cohesion=h, democratic=d, major_power=m, check=check
    )
    z = _logit(p0) + bc * (c - 1.0) + bh * (h - 0.5) - bx * x + bd * d - bm * m
    return _logistic(z)


def democratic_diffusion(regime, allies_regime, tie_strength, *, rate: float = 0.03, check: bool = True) -> np.ndarray:
    r"""One year of democratisation of states by their allies (brief T5).

    .. math:: r_i' = r_i + \delta\, s_i\, \max(ar r_i - r_i,\ 0)

    with :math:`r_i` the regime (0 autocracy to 1 democracy, the V-Dem polyarchy scale),
    :math:`ar r_i` the mean regime of i's allies (weighted by the strength of each tie),
    :math:`s_i \in [0, 1]` how deep i's integration with them is (forward-deployed forces, an
    integrated command: the brief's Japan and South Korea) and :math:`\delta` the yearly rate.
    Alliances and organisations of democracies pass on institutions and norms and raise the
    cost of a reversal, which helps democratic transitions and their consolidation
    (Pevehouse 2002, 2005; on NATO, Gibler & Sewell 2006, who find the effect weaker once
    external threat is accounted for). The pull only goes up: in this form autocratic allies do
    not make a democracy less democratic. Our form; ``rate`` is an assumption, not an estimate.

    Parameters
    ----------
    regime : array_like in [0, 1]
        :math:`r`.
    allies_regime : array_like in [0, 1]
        :math:`ar r`; pass ``regime`` itself where a state has no allies.
    tie_strength : array_like in [0, 1]
        :math:`s`.
    rate : float in [0, 1], per year
        :math:`\delta`.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1], the regimes a year later (never below ``regime``, never above the allies').

    Examples
    --------
    >>> democratic_diffusion([0.2, 0.9], [0.9, 0.2], [1.0, 1.0], rate=0.1).round(3).tolist()
    [0.27, 0.9]

    References
    ----------
    .. [1] Pevehouse, J. C. (2002). Democracy from the outside-in? International organizations
       and democratization. International Organization 56(3): 515–549.
    .. [2] Pevehouse, J. C. (2005). Democracy from Above: Regional Organizations and
       Democratization. Cambridge University Press.
    .. [3] Gibler, D. M. & Sewell, J. A. (2006). External threat and democracy: The role of
       NATO revisited. Journal of Peace Research 43(4): 413–431.
    """
    f = "democratic_diffusion"
    r = _checked(regime, "regime", f, lo=0.0, hi=1.0, check=check)
    rb = _checked(allies_regime, "allies_regime", f, lo=0.0, hi=1.0, check=check)
    sv = _checked(tie_strength, "tie_strength", f, lo=0.0, hi=1.0, check=check)
    d = float(_checked(rate, "rate", f, lo=0.0, hi=1.0, check=check))
    r, rb, sv = _broadcast(f, regime=r, allies_regime=rb, tie_strength=sv, check=check)
    return r + d * sv * np.maximum(rb - r, 0.0)
