"""The autonomy–security trade-off of asymmetric alliances: Morrow's (1991) exchange (brief P1).

Morrow (1991) explains alliances between unequal states as a trade: the weak side gains
security and pays with autonomy (bases, trade terms, a say in its policy), the strong side
gains autonomy and little security. :func:`morrow_exchange` solves one such contract with the
concession chosen by Nash (1950) bargaining; :func:`autonomy_security_exchange` and
:func:`exchange_matrix` are its pair and whole-system interfaces, and
:func:`symmetric_ratio_threshold` the closed form of when a symmetric alliance pays both sides.

Every function broadcasts over arrays of states; bad input raises :class:`ValueError` naming
the function, the argument and the reason.

Published form vs ours
----------------------
Morrow states the trade-off with general utility functions and indifference curves. We fix
explicit forms (contest-ratio security, log utility, proportional commitment cost, an autonomy
side-payment chosen by Nash bargaining) that reproduce his qualitative results; each docstring
documents them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from foedus.theory._validate import _broadcast, _checked
from foedus.theory.interests import adversary_relevance
from foedus.theory.relevance import politically_relevant

__all__ = [
    "MorrowExchange",
    "morrow_security",
    "morrow_exchange",
    "autonomy_security_exchange",
    "exchange_matrix",
    "symmetric_ratio_threshold",
    "concession_worth",
    "valued_autonomy_change",
    "sphere_of_influence",
    "concession_interest",
    "adversary_relevance",
]


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


def concession_worth(power_payer, power_receiver, *, half_worth: float = 0.0, check: bool = True) -> np.ndarray:
    r"""What an autonomy concession is worth to its receiver, per unit of the payer's autonomy: :math:`\eta \in [0, 1]`.

    .. math:: \eta = \frac{r}{r + r_0}, \qquad r = \frac{p_\text{payer}}{p_\text{receiver}}

    Morrow (1991, pp. 908-911): a state allocates its *capabilities* between security and
    autonomy, and what an ally concedes is the use of part of its capabilities (bases, forces,
    a say in its policy), so a concession is worth to the receiver what the payer's capability
    can do for it, relative to its own. The concessions of a powerless state are worth next to
    nothing to a great power; those of a partner whose capability is not negligible beside the
    receiver's are worth nearly in full. :math:`r_0` (``half_worth``) is the capability ratio at
    which a concession is worth half of what it costs the payer; :math:`r_0 = 0` is the bare
    exchange of :func:`morrow_exchange`, in which any concession is worth to the receiver what it
    costs the payer. The saturating (contest-share) form is ours: the linear
    :math:`\min(1, r)` removes every asymmetric pact (the strong side's autonomy gain is its
    whole gain in most of them).

    Parameters
    ----------
    power_payer, power_receiver : array_like > 0, capability share
    half_worth : float >= 0, default 0
        :math:`r_0`, a capability ratio.
    check : bool, default True

    Returns
    -------
    ndarray in [0, 1], broadcast shape.

    Examples
    --------
    >>> concession_worth([1e-6, 1e-3, 0.05], 0.1, half_worth=1e-3).round(3).tolist()
    [0.01, 0.909, 0.998]
    >>> float(concession_worth(1e-6, 0.1))
    1.0

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry: An alternative to the capability
       aggregation model of alliances. American Journal of Political Science 35(4): 904–933.
    """
    f = "concession_worth"
    pp = _checked(power_payer, "power_payer", f, lo=0.0, lo_open=True, check=check)
    pr = _checked(power_receiver, "power_receiver", f, lo=0.0, lo_open=True, check=check)
    r0 = float(_checked(half_worth, "half_worth", f, lo=0.0, check=check))
    if check:
        _broadcast(f, power_payer=pp, power_receiver=pr)
    r = pp / pr
    return r / (r + r0) if r0 > 0 else np.ones(np.broadcast(r).shape)


def valued_autonomy_change(autonomy_change, concession, power_i, power_j, *, half_worth: float = 0.0, reach_share=1.0, check: bool = True) -> np.ndarray:
    r"""i's autonomy change in Morrow's exchange with j, the concession it receives counted at its worth to i.

    .. math:: \Delta a_i' = \Delta a_i - (1 - \eta_{ji}\,\rho_{ij})\,\max(x, 0)

    with :math:`\Delta a_i` and :math:`x` (the autonomy j concedes to i; negative when i pays)
    from :func:`morrow_exchange`, :math:`\eta_{ji}` = :func:`concession_worth` of j's
    concession to i and :math:`\rho_{ij}` (``reach_share``, 1 by default) the share of i's
    capability that reaches j. What i pays (:math:`x < 0`) and its pledge are unchanged: a payer gives up
    its own autonomy in full. So a strong state's gain from a powerless partner's concessions
    falls to nothing, and it signs a pledge of protection to such a partner only for the security
    it gains itself (Morrow 1991: the strong side of an asymmetric alliance gains autonomy *in
    proportion to what the weak side can give*).

    *Reach* (:math:`\rho`). What the weak side concedes (bases, access, a say in its policy) is
    worth to the strong side what it can do with it, and it can do with it only what its power
    can carry to the partner: Boulding's (1962) loss-of-strength gradient bounds the region in
    which a state's power, and so its say over others, holds; Lemke (2002) finds the hierarchies
    that order a region's relations only where the dominant state's capability reaches (its
    relevant neighbourhood); Lake (2009) measures the authority a patron gains over a protégé in
    the bases and forces it can keep there. So the concession counts in proportion to
    :math:`\rho_{ij} = R_{ji} / p_i` (:func:`foedus.theory.projection.projected_capability` of
    i at j over i's capability at home): a great power gains next to no autonomy from a
    microstate across the world (Britain from Panama in 1947, India from Iceland in 2022), and its
    pledge to defend it must then be paid for by its own security. The proportional form is ours.

    Examples
    --------
    A great power (0.1) receives 0.7 of a microstate's (0.0001) autonomy, net of its pledge of
    0.1: the concession is worth a tenth of it, so its autonomy change is about the pledge:

    >>> round(float(valued_autonomy_change(0.6, 0.7, 0.1, 0.0001, half_worth=1e-2)), 4)
    -0.0364
    >>> float(valued_autonomy_change(-0.8, -0.7, 0.0001, 0.1, half_worth=1e-2))   # the payer's side is unchanged
    -0.8

    A mid-sized partner's (0.01) concession of 0.7, worth nearly in full to a great power next
    door, is worth a quarter of it to one that reaches the partner with a quarter of its capability:

    >>> [round(float(v), 3) for v in valued_autonomy_change(0.6, 0.7, 0.1, 0.01, half_worth=1e-4, reach_share=[1.0, 0.25])]
    [0.599, 0.075]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904–933.
    .. [2] Boulding, K. E. (1962). Conflict and Defense: A General Theory. Harper, ch. 12.
    .. [3] Lemke, D. (2002). Regions of War and Peace. Cambridge University Press, ch. 4.
    .. [4] Lake, D. A. (2009). Hierarchy in International Relations. Cornell University Press.
    """
    f = "valued_autonomy_change"
    da = _checked(autonomy_change, "autonomy_change", f, check=check)
    x = _checked(concession, "concession", f, check=check)
    rho = _checked(reach_share, "reach_share", f, lo=0.0, hi=1.0, check=check)
    eta = concession_worth(power_j, power_i, half_worth=half_worth, check=check)
    return da - (1.0 - eta * rho) * np.maximum(x, 0.0)


def sphere_of_influence(reach_share, threshold: float, *, check: bool = True) -> np.ndarray:
    r"""Whether a partner lies in a state's sphere: 1.0 where the share of its capability that reaches the partner is at least ``threshold``, else 0.0.

    .. math:: \rho'_{ij} = [\rho_{ij} \ge \rho_0]

    the ``reach_share`` of :func:`valued_autonomy_change` as a sphere rather than a gradient.
    Lemke (2002, ch. 4) bounds each local hierarchy by the *relevant neighbourhood* of its
    dominant state, the region its power can reach after Boulding's (1962) loss-of-strength
    gradient, and treats the states inside as subject to it and those outside as not: a
    threshold on the gradient, not a share of influence that fades with every mile. So a
    partner's concessions count in full inside the sphere and not at all outside it. The
    threshold :math:`\rho_0` (a share of the state's own capability in [0, 1]) is a parameter;
    :math:`\rho_0 = 0` puts every partner inside (the bare exchange).

    >>> sphere_of_influence([0.12, 0.26, 0.58, 0.85], 0.4).tolist()
    [0.0, 0.0, 1.0, 1.0]
    >>> sphere_of_influence([0.0, 0.3], 0.0).tolist()
    [1.0, 1.0]

    References
    ----------
    .. [1] Lemke, D. (2002). Regions of War and Peace. Cambridge University Press, ch. 4.
    .. [2] Boulding, K. E. (1962). Conflict and Defense: A General Theory. Harper, ch. 12.
    """
    f = "sphere_of_influence"
    rho = _checked(reach_share, "reach_share", f, lo=0.0, hi=1.0, check=check)
    r0 = float(_checked(threshold, "threshold", f, lo=0.0, hi=1.0, check=check))
    return (np.asarray(rho) >= r0).astype(float)


def concession_interest(contiguous, major, *, weight: float = 1.0, relevant=None, check: bool = True) -> np.ndarray:
    r"""Whether a state has interests where a partner lies, so that the partner's autonomy concessions are worth anything to it: (N, N) in [0, 1].

    .. math:: I_{ij} = 1 - w\,\big(1 - [\,i \text{ major or } i, j \text{ contiguous}\,]\big)

    Morrow (1991, pp. 908-911): what the weak side of an asymmetric alliance concedes is the use of its
    territory and policy (bases, access, a say in its alignment), and the strong side values it for what it
    lets it do where it has interests; a concession from a state in a region where it has none buys it
    nothing. The politically relevant dyads of the conflict literature are the reading of where a state has
    interests (Maoz & Russett 1993; Lemke & Reed 2001): its neighbours (COW direct contiguity, by land or up
    to 400 miles of water) and, for a great power, every state (interests everywhere). Read from the
    receiver's side (:func:`foedus.theory.relevance.politically_relevant` of ``contiguous`` and ``major``,
    without reach): India gains nothing from Iceland's or Estonia's concessions, the United States does;
    Russia from Bulgaria's in 1912, and India from Nepal's. It multiplies the share of the receiver's
    capability that reaches the partner in :func:`valued_autonomy_change` (the reach of Boulding's
    loss-of-strength gradient says whether the receiver could use the concession; this says whether it has
    any use for it). ``weight`` :math:`w` in [0, 1]: 1 the published reading, 0 every partner relevant (off).
    The diagonal is 1 (a state's own autonomy).

    ``relevant`` (N, N), optional: where a great power's interests lie beyond its neighbours (:func:`adversary_relevance`:
    the partners that matter to its contest with its adversaries). With it a great power counts the concessions of its
    neighbours and of the relevant partners only, :math:`[\,i, j \text{ contiguous or } (i \text{ major and } V_{ij})\,]`:
    Morrow (1991) values the bases and access a client concedes for what they let the strong side do against *its*
    adversaries, so a client far from them concedes nothing of use (the United States gains nothing from Paraguay's
    concessions against the Soviet Union, and much from Turkey's). None: interests everywhere (Maoz & Russett's reading).

    Examples
    --------
    A regional power (0), its neighbour (1), a distant microstate (2) and a great power (3):

    >>> c = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], bool)
    >>> concession_interest(c, np.array([False, False, False, True])).tolist()
    [[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]]
    >>> float(concession_interest(c, np.zeros(4, bool), weight=0.0).min())
    1.0

    With ``relevant``, the great power (3) counts only the partners that matter to its contest (here state 0):

    >>> v = np.zeros((4, 4)); v[3, 0] = 1.0
    >>> concession_interest(c, np.array([False, False, False, True]), relevant=v)[3].tolist()
    [1.0, 0.0, 0.0, 1.0]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904-933.
    .. [2] Maoz, Z. & Russett, B. (1993). Normative and structural causes of democratic peace, 1946-1986.
       American Political Science Review 87(3): 624-638.
    .. [3] Lemke, D. & Reed, W. (2001). The relevance of politically relevant dyads. Journal of Conflict
       Resolution 45(1): 126-144.
    """
    f = "concession_interest"
    w = float(_checked(weight, "weight", f, lo=0.0, hi=1.0, check=check))
    rel = politically_relevant(contiguous, major, check=check)
    if relevant is not None:
        v = _checked(relevant, "relevant", f, lo=0.0, hi=1.0, check=check)
        if check and v.shape != rel.shape:
            raise ValueError(f"{f}: relevant: must be {rel.shape}, got {v.shape}")
        m = np.asarray(major, dtype=bool)[:, None]
        rel = np.where(m, np.maximum(np.asarray(contiguous, dtype=float), v), rel)
    out = 1.0 - w * (1.0 - rel)
    np.fill_diagonal(out, 1.0)
    return out

