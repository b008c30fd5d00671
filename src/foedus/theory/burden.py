"""Burden sharing: deterrence as a public good among allies (brief P4; Olson & Zeckhauser 1966).

Every ally enjoys the alliance's total deterrence whoever pays for it, so each contributes
until its own marginal benefit equals the price: large members carry a disproportionate share,
small ones free-ride, and the total falls short of what would make them all better off.
:func:`burden_sharing_equilibrium` is the exact Nash equilibrium (Bergstrom, Blume & Varian
1986), :func:`best_response` one member's reply, :func:`samuelson_provision` and
:func:`samuelson_gap` the efficient benchmark, :func:`burden_ratio` the "exploitation of the
great by the small".

Functions take members along the last axis, ``(..., N)``, leading axes being separate
alliances; bad input raises :class:`ValueError` naming the function, the argument and the
reason.

Published form vs ours
----------------------
The published model, with a Cobb–Douglas utility; nothing is ours but the vectorisation.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from foedus.theory._validate import _broadcast, _checked

__all__ = [
    "BurdenSharing",
    "burden_sharing_equilibrium",
    "burden_shares",
    "best_response",
    "samuelson_gap",
    "samuelson_provision",
    "burden_ratio",
]


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
