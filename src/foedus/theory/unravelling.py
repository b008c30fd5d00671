"""A small multilateral alliance unravels when one of its members leaves (Olson 1965; brief P5).

A treaty of a few states is a bargain of each with each: every member's pledge is a noticeable part of what the others
are allied for, and each watches whether the others keep theirs. Olson (1965, ch. 1) calls such a group *intermediate*:
too small for any member's withdrawal to go unnoticed, so that the good is provided only as long as the members go on
coordinating, and one member's defection changes every other member's calculus; a large (*latent*) group goes on when a
member drops out, since no one member's contribution is noticeable (the Warsaw Pact after Albania, 1968; SEATO after
Pakistan, 1972), and so does a *privileged* one, in which one member gains enough from the good to provide it alone
(ANZUS after New Zealand, 1986: the United States held 0.95 of its members' capability). So the departure of any member of
a small multilateral treaty without such a member ends it for all; that of a member of a large or a privileged one leaves
the others allied (unless it is the principal: :func:`foedus.theory.principals.principal_abrogation`).

The record (ATOP 5.1, the in-sample eras, counted by ``tests/theory/test_unravelling.py``): of the multilateral alliances that
lost a member (the members in it that year), those of 3 members ended for every member at once 29 times in 30, those of 4 10
in 11, those of 5 or 6 3 in 4 (1816-1914: all 27, of every size up to 10; the Quadruple Alliance with Britain's withdrawal,
1822); those of 8 or more 4 in 8 (1946-1989: the Arab League, SEATO and the Warsaw Pact went on). Of the small ones that
went on, two had a member with more than 0.9 of the members' capability (COW CINC; ANZUS 1986, France's pact with Chad,
Congo and the Central African Republic, 1974); none of the 42 that ended at once had one (largest 0.89). The size at and
below which a departure ends the treaty, ``unravel_max_members`` (6), with the share of a privileged member,
``unravel_privileged_share`` (0.9), misclassifies 5 of those 53 departures (size alone: 7; a bound of 3: 18, 4: 9, 5: 8, 8:
9), within one of the fewest (4, at bounds of 14 to 20 members, which trade the Warsaw Pact and SEATO, members 8, for
three larger pacts that ended at once). Pure functions of arrays; :func:`foedus.sim.steps.dissolution.leave` calls them.
"""

from __future__ import annotations

import numpy as np

__all__ = ["unravels"]


def unravels(size_before, size_after, largest_share=None, *, max_members: int, privileged_share: float = 1.0) -> np.ndarray:
    r"""Whether a multilateral treaty that lost members ends for all the others: (K,) bool.

    .. math:: U_k = [n^{\mathrm{after}}_k < n^{\mathrm{before}}_k]\;[n^{\mathrm{after}}_k \ge 2]\;[n^{\mathrm{before}}_k \le \bar n]\;[\bar s_k < s^*]

    ``size_before`` (K,) the members of treaty ``k`` before this year's departures, ``size_after`` (K,) those that remain,
    ``largest_share`` (K,) :math:`\bar s_k` the largest member's share of the members' capability before the departures
    (:func:`foedus.theory.principals.largest_share`; None: no member is privileged), ``max_members`` :math:`\bar n` the
    largest treaty that a departure unravels (Olson 1965's intermediate group; the in-sample record: 6),
    ``privileged_share`` :math:`s^*` the share at which one member carries the treaty alone (Olson's privileged group; the
    in-sample record: 0.9; 1 or more: none). A treaty left with fewer than two members ends anyway (nothing to decide
    here: False), and one that lost nobody does not unravel.

    Examples
    --------
    >>> unravels([4, 4, 8, 3, 3], [3, 4, 7, 1, 2], max_members=6).tolist()
    [True, False, False, False, True]
    >>> unravels([3, 3], [2, 2], [0.5, 0.95], max_members=6, privileged_share=0.9).tolist()
    [True, False]

    References
    ----------
    .. [1] Olson, M. (1965). The Logic of Collective Action: Public Goods and the Theory of Groups. Harvard University
       Press, ch. 1 (privileged, intermediate and latent groups).
    .. [2] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and Provisions,
       1815-1944. International Interactions 28: 237-260 (ATOP 5.1, 2022).
    """
    before = np.asarray(size_before, dtype=np.int64)
    after = np.asarray(size_after, dtype=np.int64)
    if before.shape != after.shape:
        raise ValueError(f"size_before {before.shape} and size_after {after.shape} differ in shape")
    if max_members < 2:
        raise ValueError(f"max_members must be at least 2, got {max_members}")
    out = (after < before) & (after >= 2) & (before <= int(max_members))
    if largest_share is not None:
        top = np.asarray(largest_share, dtype=float)
        if top.shape != before.shape:
            raise ValueError(f"largest_share {top.shape} and size_before {before.shape} differ in shape")
        out &= ~(top >= float(privileged_share))
    return out
