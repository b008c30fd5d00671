"""A state's portfolio of new pacts in a year: several agreements of different forms (brief A2, F5; issue 17 item 1).

The record has states signing several treaties a year, of different forms (ATOP 5.1: the Soviet
Union signed treaties of neutrality and non-aggression with Lithuania, Afghanistan and Persia in
1926-27 while it consulted others; in 1990-2018 the successor states signed non-aggression and
consultation treaties with several neighbours in their first years). A rule under which a state
takes its one best option a year makes cheap strong options crowd out the others (a consultation
pact loses to a non-aggression pact with another state though both are worth signing).

The portfolio view of alignment (Morrow 1991; Conybeare 1992; Kimball 2010: a state chooses a
*distribution* of foreign-policy instruments, each pursued as far as its marginal net value is
positive) and ATOP's reading of the forms as distinct instruments (Leeds, Ritter, Mitchell & Long
2002: defence, offence, neutrality, non-aggression and consultation pledges answer different
needs) give the rule here: a state pursues, in a year, its best pact of each form whose net value
(value minus the one cost rule) is positive, each partner at most once (the form of larger net
value), up to ``limit`` pacts, the larger net values first. With values additively separable
across pacts (each pact's value counts the goods the pair's pacts do not already provide), the
largest ``limit`` positive net values are the portfolio of largest total net value under a
cardinality limit (the optimum of a separable knapsack with unit weights); with ``limit`` 1 the
rule is the one best option.

Published form vs ours
----------------------
Morrow's and Kimball's portfolio is a continuous allocation of effort among policies; ours is
its discrete form, one pact per form and partner, with the load of the cost rule (Snyder's
entrapment grows with one's commitments) counted at the year's start, not within the year.

References
----------
.. [1] Morrow, J. D. (1991). Alliances and asymmetry: An alternative to the capability
   aggregation model of alliances. American Journal of Political Science 35(4): 904-933.
.. [2] Conybeare, J. A. C. (1992). A portfolio diversification model of alliances. Journal of
   Conflict Resolution 36(1): 53-85.
.. [3] Kimball, A. L. (2010). Political survival, policy distribution, and alliance formation.
   Journal of Peace Research 47(4): 407-419.
.. [4] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty
   Obligations and Provisions, 1815-1944. International Interactions 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

__all__ = ["portfolio_picks"]


def portfolio_picks(net, partner, *, limit: int, exclude=None, exclude_partner=None, check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The pacts each state pursues this year: (row (P,), form (P,)) int, rows ascending, then net value descending.

    Parameters
    ----------
    net : array (R, F) of float
        The net value of each state's best pact of each form (``-inf``: none would be signed).
    partner : array (R, F) of int
        That pact's partner.
    limit : int >= 0
        The most pacts a state pursues in a year (1: its one best option).
    exclude : array (R, F) of bool, optional
        Options already taken (the state's best option, chosen against accessions).
    exclude_partner : array (R,) of int, optional
        A partner each state already deals with this year (-1: none): no second pact with it.
    check : bool, default True

    Returns
    -------
    rows, forms : arrays (P,) of int

    Examples
    --------
    A state whose best non-aggression pact (form 1, net 0.3) is with state 7 and best
    consultation pact (form 2, net 0.1) with state 9 pursues both under a limit of 2, only the
    first under a limit of 1; a form whose best partner is one it already signs with gives way
    to the form of larger net value:

    >>> net = np.array([[-np.inf, 0.3, 0.1], [0.2, 0.5, -0.1]])
    >>> part = np.array([[0, 7, 9], [4, 4, 5]])
    >>> [x.tolist() for x in portfolio_picks(net, part, limit=2)]
    [[0, 0, 1], [1, 2, 1]]
    >>> [x.tolist() for x in portfolio_picks(net, part, limit=1)]
    [[0, 1], [1, 1]]
    """
    v = np.asarray(net, dtype=float)
    j = np.asarray(partner)
    if check:
        if v.ndim != 2 or j.shape != v.shape:
            raise ValueError(f"portfolio_picks: net and partner must be (R, F) arrays of one shape, got {v.shape} and {j.shape}")
        if int(limit) != limit or limit < 0:
            raise ValueError(f"portfolio_picks: limit must be an integer >= 0, got {limit!r}")
    ok = v > 0  # NaN and -inf are no option
    if exclude is not None:
        ok &= ~np.asarray(exclude, dtype=bool)
    if exclude_partner is not None:
        ok &= j != np.asarray(exclude_partner)[:, None]
    score = np.where(ok, v, -np.inf)
    f_count = v.shape[1]
    for f in range(f_count):  # each partner once: a form gives way to one of larger net value (ties: the first form)
        for g in range(f_count):
            if g != f:
                beaten = (j[:, g] == j[:, f]) & ((score[:, g] > score[:, f]) | ((score[:, g] == score[:, f]) & (g < f)))
                ok[:, f] &= ~beaten
    score = np.where(ok, score, -np.inf)
    order = np.argsort(-score, axis=1, kind="stable")[:, : int(limit)]
    rows = np.repeat(np.arange(v.shape[0]), order.shape[1])
    forms = order.ravel()
    keep = np.isfinite(score[rows, forms])
    return rows[keep], forms[keep]
