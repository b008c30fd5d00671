"""A state's new pacts in a year: several agreements, with several partners (brief A2, F5; issue 17 item 1).

The record has states signing several treaties a year, with different partners and of different
forms (ATOP 5.1: the Soviet Union signed treaties of neutrality and non-aggression with
Lithuania, Afghanistan and Persia in 1926-27; in 1990-2018 the successor states signed
non-aggression and consultation treaties with several neighbours in their first years). A rule
under which a state takes its one best option a year makes cheap strong options crowd out the
others (a consultation pact loses to a non-aggression pact with another state though both are
worth signing).

The quantitative literature on alliance formation treats every pair of states in a year as its
own decision (the dyad-year designs of Lai & Reiter 2000 and Gibler & Wolford 2006: whether
*i* and *j* ally is not a choice against *i*'s other partners), and the portfolio view of
alignment (Morrow 1991; Conybeare 1992; Kimball 2010: a state pursues a *distribution* of
foreign-policy instruments, each as far as its marginal net value is positive) gives the same
rule seen from the state: each partner is an independent opportunity, in which the state takes
the best form (random utility among the forms, McFadden 1974, its maximum); it pursues every
opportunity of positive net value (value minus the one cost rule), the larger first, up to
``limit`` a year. With values additively separable across partners (each pact's value counts
the goods the pair's pacts do not already provide), the ``limit`` largest positive net values are
the set of largest total net value under that limit (a knapsack of unit weights); with ``limit``
1 the rule is the one best option.

Published form vs ours
----------------------
Morrow's and Kimball's portfolio is a continuous allocation of effort among policies; ours is its
discrete form, at most ``limit`` pacts a year, with the load of the cost rule (Snyder's
entrapment grows with one's commitments) counted at the year's start, not within the year.

References
----------
.. [1] Morrow, J. D. (1991). Alliances and asymmetry: An alternative to the capability
   aggregation model of alliances. American Journal of Political Science 35(4): 904-933.
.. [2] Conybeare, J. A. C. (1992). A portfolio diversification model of alliances. Journal of
   Conflict Resolution 36(1): 53-85.
.. [3] Kimball, A. L. (2010). Political survival, policy distribution, and alliance formation.
   Journal of Peace Research 47(4): 407-419.
.. [4] Lai, B. & Reiter, D. (2000). Democracy, political similarity, and international
   alliances, 1816-1992. Journal of Conflict Resolution 44(2): 203-227.
.. [5] Gibler, D. M. & Wolford, S. (2006). Alliances, then democracy. Journal of Conflict
   Resolution 50(1): 129-153.
.. [6] McFadden, D. (1974). Conditional logit analysis of qualitative choice behavior. In
   Zarembka (ed.), Frontiers in Econometrics, 105-142.
"""

from __future__ import annotations

import numpy as np

__all__ = ["portfolio_picks"]


def portfolio_picks(net, *, limit: int, exclude=None, check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The pacts each state pursues this year: (row (P,), partner (P,)) int, rows ascending, then net value descending.

    Parameters
    ----------
    net : array (R, N) of float
        The net value of each state's best pact with each partner (``-inf``: none would be signed;
        NaN counts as none).
    limit : int >= 0
        The most pacts a state pursues in a year (1: its one best option).
    exclude : array (R, N) of bool, optional
        Partners already dealt with this year (the state's best option, chosen against accessions).
    check : bool, default True

    Returns
    -------
    rows, partners : arrays (P,) of int

    Examples
    --------
    A state whose best pact is with state 1 (net 0.3) and whose next is with state 2 (0.1)
    pursues both under a limit of 2, only the first under a limit of 1:

    >>> net = np.array([[-np.inf, 0.3, 0.1], [0.2, -0.5, -np.inf]])
    >>> [x.tolist() for x in portfolio_picks(net, limit=2)]
    [[0, 0, 1], [1, 2, 0]]
    >>> [x.tolist() for x in portfolio_picks(net, limit=1)]
    [[0, 1], [1, 0]]
    """
    v = np.asarray(net, dtype=float)
    if check:
        if v.ndim != 2:
            raise ValueError(f"portfolio_picks: net must be an (R, N) array, got shape {v.shape}")
        if int(limit) != limit or limit < 0:
            raise ValueError(f"portfolio_picks: limit must be an integer >= 0, got {limit!r}")
    ok = v > 0  # NaN and -inf are no option
    if exclude is not None:
        ok &= ~np.asarray(exclude, dtype=bool)
    score = np.where(ok, v, -np.inf)
    m = min(int(limit), v.shape[1])
    if m == 0 or not ok.any():
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    top = np.argpartition(-score, m - 1, axis=1)[:, :m] if m < v.shape[1] else np.tile(np.arange(v.shape[1]), (v.shape[0], 1))
    top = np.take_along_axis(top, np.argsort(-np.take_along_axis(score, top, axis=1), axis=1, kind="stable"), axis=1)
    rows = np.repeat(np.arange(v.shape[0]), m)
    cols = top.ravel()
    keep = np.isfinite(score[rows, cols])
    return rows[keep], cols[keep]
