"""Principals of a multilateral treaty: whose abrogation ends it for all (brief P5; Olson & Zeckhauser 1966, Leeds & Savun 2007).

A drawn ending of a treaty of more than two members is one member's abrogation (:func:`foedus.theory.persistence.abrogating_member`);
whether the others stay allied depends on who leaves. The collective good of an alliance is supplied by its large members and
the small ride free on it (Olson & Zeckhauser 1966): the treaty survives the departure of any member but the one that
carries it most. Pure functions of arrays; :func:`foedus.sim.steps.dissolution.dissolve_by_hazard` calls them.

The record (ATOP 5.1, the in-sample eras; the check in ``tests/theory/test_principals.py``): of the multilateral alliances
begun 1816-1914 that lost a member, 28 of 31 ended for every member at once and 3 continued; of those begun 1946-1989, 17 of
29 and 12. In 12 of the 13 continuations where one member left, that member was not the strongest of the members (COW
CINC): Albania leaving the Warsaw Pact, Pakistan SEATO, Iraq the Baghdad Pact, Russia the Entente; the exception is
Egypt's suspension from the Arab League's collective security treaty (1979).
"""

from __future__ import annotations

import numpy as np

__all__ = ["capability_share", "largest_share", "principal_abrogation"]


def capability_share(members, power, who) -> np.ndarray:
    r"""The capability share of member ``who[k]`` among the members of treaty ``k``: (K,) in [0, 1].

    .. math:: s_k = \frac{p_{w_k}}{\sum_{j \in M_k} p_j}

    ``members`` (K, N) bool, ``power`` (N,) capability (>= 0), ``who`` (K,) the member's index. A treaty whose members
    have no capability gives each an equal share.

    Examples
    --------
    >>> capability_share([[True, True, True, False]], [2.0, 1.0, 1.0, 9.0], [0]).tolist()
    [0.5]
    """
    m = np.asarray(members, dtype=bool)
    p = np.where(m, np.asarray(power, dtype=float)[None, :], 0.0)
    who = np.asarray(who, dtype=np.intp)
    total = p.sum(axis=1)
    n = np.maximum(m.sum(axis=1), 1)
    own = p[np.arange(len(who)), who]
    return np.where(total > 0, own / np.where(total > 0, total, 1.0), 1.0 / n)


def largest_share(members, power) -> np.ndarray:
    r"""The largest capability share among the members of each treaty: (K,) in (0, 1].

    .. math:: \bar s_k = \max_{i \in M_k} p_i \big/ \textstyle\sum_{j \in M_k} p_j

    Examples
    --------
    >>> largest_share([[True, True, False], [True, True, True]], [3.0, 1.0, 4.0]).tolist()
    [0.75, 0.5]
    """
    m = np.asarray(members, dtype=bool)
    p = np.where(m, np.asarray(power, dtype=float)[None, :], 0.0)
    total = p.sum(axis=1)
    n = np.maximum(m.sum(axis=1), 1)
    return np.where(total > 0, p.max(axis=1) / np.where(total > 0, total, 1.0), 1.0 / n)


def principal_abrogation(share, largest, size) -> np.ndarray:
    r"""Whether a member's abrogation of a treaty of ``size`` members ends it for all: (K,) bool.

    .. math:: E_k = [n_k > 2]\;[s_k \ge \bar s_k]

    The member that carries the largest share of the members' capability (``share`` :math:`s_k` equal to the treaty's
    ``largest`` :math:`\bar s_k`, :func:`capability_share`, :func:`largest_share`) is its principal: the defence it
    pledged is most of what the others are allied for (Olson & Zeckhauser 1966: the largest member bears a
    disproportionate share of the burden of the collective good, the small ride free on it), and its abrogation ends the
    treaty for every member, as ATOP codes the multilateral treaties of 1816-1914 (the Quadruple Alliance ended with
    Britain's withdrawal from the congress system in 1822). Any other member leaves and the others stay allied (the
    Warsaw Pact after Albania, 1968; SEATO after Pakistan, 1972; Russia's exit from the Entente, 1917-18). A treaty of two
    always ends with its member's abrogation (False here: nothing to decide). ``share``, ``largest`` and ``size`` (K,).

    Examples
    --------
    >>> principal_abrogation([0.52, 0.25, 0.6, 0.9], [0.52, 0.52, 0.6, 0.9], [4, 4, 3, 2]).tolist()
    [True, False, True, False]

    References
    ----------
    .. [1] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. Review of Economics and Statistics
       48(3): 266-279.
    .. [2] Leeds, B. A. & Savun, B. (2007). Terminating alliances: why do states abrogate agreements? Journal of
       Politics 69(4): 1118-1132.
    """
    s = np.asarray(share, dtype=float)
    top = np.asarray(largest, dtype=float)
    n = np.asarray(size, dtype=float)
    return (n > 2) & (s >= top * (1.0 - 1e-12))
