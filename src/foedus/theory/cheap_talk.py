r"""What a pledge of consultation transmits between partners whose interests diverge: Crawford & Sobel's (1982) cheap talk (issue 17 item 1).

ATOP codes a *consultation* obligation when the partners promise to consult one another in a crisis
(Leeds et al. 2002): a promise to share information and coordinate, with no promise to act.
:func:`foedus.theory.obligations.obligation_goods` values it as transparency, the coordination of two
states against a threat both face, as if every word passed were believed. But words cost nothing to
say, and a partner whose interests diverge from one's own shades what it tells: Crawford & Sobel (1982)
show that between a sender and a receiver whose ideal actions differ by a bias :math:`b`, every
equilibrium of the communication game is a partition of the sender's information into :math:`N`
intervals, at most

.. math:: N(b) = \left\lceil -\tfrac12 + \tfrac12\sqrt{1 + 2/b}\,\right\rceil

of them; beyond :math:`b = 1/4` only the babbling equilibrium (:math:`N = 1`) exists and nothing is
transmitted. In their uniform-quadratic case (state uniform on [0, 1], quadratic losses), the receiver's
expected loss in the most informative equilibrium is :math:`1/(12 N^2) + b^2 (N^2 - 1)/3`, against
:math:`1/12` with no information, so the share of the value of full information that the talk conveys is

.. math:: \iota(b) = 1 - \frac{1}{N^2} - 4 b^2 (N^2 - 1) = (N^2 - 1)\left(\frac{1}{N^2} - 4 b^2\right),

1 between partners of identical interests, falling with the bias, 0 from :math:`b = 1/4` on.

:func:`credible_consultation` weighs the transparency good by :math:`\iota` of the bias of the partner
toward one, read from its hostility: :math:`b_{ij} = \beta w H_{ji}`; at :math:`\beta = 1/4` a state fully hostile
(:math:`H = 1`, at weight 1) tells one nothing and a friend everything (the scale mapping hostility to Crawford &
Sobel's bias is ours; the simulator's, ``Parameters.cheap_talk_bias``, is 1/16, chosen in sample; :math:`wH_{ji}` is the distrust of
:func:`foedus.theory.reassurance.pledge_credibility`, Kydd 2005). At :math:`\beta = 1/4` a rivalry's
hostility (0.6) keeps :math:`\iota(0.15) = 0.48` of the coordination, at 1/16 :math:`\iota(0.0375) = 0.85`:
rivals facing one threat do consult (Britain and Russia in 1907, against Germany), but a pact of
consultation between them must be worth more than its cost in coordination to be signed.

References
----------
.. [1] Crawford, V. P. & Sobel, J. (1982). Strategic information transmission. *Econometrica* 50(6): 1431-1451.
.. [2] Kydd, A. H. (2005). *Trust and Mistrust in International Relations*. Princeton University Press, ch. 2.
.. [3] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and
   Provisions, 1815-1944. *International Interactions* 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked, _matrix

__all__ = ["BABBLING_BIAS", "MAX_PARTITION", "credible_consultation", "informative_share", "partition_size"]

BABBLING_BIAS = 0.25
"""The bias from which only the babbling equilibrium exists in Crawford & Sobel's (1982) uniform-quadratic game."""

MAX_PARTITION = 10**6
"""The most intervals :func:`partition_size` counts (the share conveyed then differs from 1 by at most 1e-12 plus the bias's term)."""


def partition_size(bias, *, check: bool = True) -> np.ndarray:
    r"""The most intervals of an equilibrium of Crawford & Sobel's (1982) uniform-quadratic game: :math:`N(b)`, the largest
    integer with :math:`2bN(N - 1) < 1` (int array), at most :data:`MAX_PARTITION` (any smaller partition is an
    equilibrium too; at :math:`b = 0` talk can be fully revealing).

    Examples
    --------
    >>> partition_size([0.3, 0.25, 0.2, 0.1, 0.05, 0.0]).tolist()
    [1, 1, 2, 2, 3, 1000000]
    """
    b = _checked(bias, "bias", "partition_size", lo=0.0, check=check)
    with np.errstate(divide="ignore", over="ignore"):
        root = np.sqrt(1.0 + 2.0 / b)
    n = np.ceil(-0.5 + 0.5 * root)
    return np.where(np.isfinite(n), np.minimum(n, MAX_PARTITION), MAX_PARTITION).astype(np.int64)


def informative_share(bias, *, check: bool = True) -> np.ndarray:
    r"""The share of the value of full information that cheap talk conveys at ``bias`` :math:`b \ge 0`: :math:`\iota(b)`, in [0, 1].

    :math:`\iota = (N^2 - 1)(1/N^2 - 4b^2)` with :math:`N` = :func:`partition_size` (the receiver's expected loss
    :math:`1/(12N^2) + b^2(N^2 - 1)/3` of the most informative equilibrium against :math:`1/12` uninformed; Crawford &
    Sobel 1982, section 4). 1 at :math:`b = 0`, 0 from :math:`b = 1/4`, non-increasing in between.

    Examples
    --------
    >>> [round(float(x), 4) for x in informative_share([0.0, 0.1, 0.15, 0.25, 0.4])]
    [1.0, 0.63, 0.48, 0.0, 0.0]
    """
    b = _checked(bias, "bias", "informative_share", lo=0.0, check=check)
    n = partition_size(b, check=False).astype(float)
    out = np.where(b > 0, (n * n - 1.0) * (1.0 / (n * n) - 4.0 * b * b), 1.0)
    return np.clip(out, 0.0, 1.0)


def credible_consultation(transparency, hostility, *, weight: float = 1.0, bias: float = BABBLING_BIAS, check: bool = True) -> np.ndarray:
    r"""The transparency of j's pledge to consult i at the share of information j's talk conveys: :math:`X_{ij}\,\iota(\beta w H_{ji})` (N, N).

    ``transparency`` :math:`X` (N, N) >= 0 (:func:`foedus.theory.obligations.obligation_goods`); ``hostility`` :math:`H`
    (N, N) in [0, 1], :math:`H_{ji}` j's toward i; ``weight`` :math:`w` in [0, 1] (the weight of
    :func:`foedus.theory.reassurance.pledge_credibility`; 0: every partner's word taken whole); ``bias`` :math:`\beta` in
    [0, 1], the bias of a partner of full hostility (:data:`BABBLING_BIAS`: its word conveys nothing; 0: every word whole).

    Examples
    --------
    Friends keep the coordination whole, rivals (0.6) about half of it, a fully hostile partner none:

    >>> h = np.array([[0.0, 0.6, 1.0], [0.6, 0.0, 0.0], [1.0, 0.0, 0.0]])
    >>> credible_consultation(np.full((3, 3), 0.2), h).round(3).tolist()
    [[0.2, 0.096, 0.0], [0.096, 0.2, 0.2], [0.0, 0.2, 0.2]]
    """
    f = "credible_consultation"
    x = _checked(transparency, "transparency", f, lo=0.0, check=check)
    h = _matrix("hostility", hostility, np.shape(hostility)[0], unit=True, check=check)
    w = float(_checked(weight, "weight", f, lo=0.0, hi=1.0, check=check))
    beta = float(_checked(bias, "bias", f, lo=0.0, hi=1.0, check=check))
    if check:
        _broadcast(f, transparency=x, hostility=h)
    return x * informative_share(beta * w * h.T, check=False)
