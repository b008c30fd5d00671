r"""What a pact of non-aggression is worth to neighbours settling a conflict that has ended (issues 12, 17 item 1).

Gibler (1996, 1997) shows that a large share of alliances are not aggregations of capability against
a third state but *territorial settlement treaties*: neighbours that have fought or disputed a border
sign a treaty that recognises it and pledges not to reopen it (Austria-Prussia 1866, the Balkan
settlements, the treaties of friendship of the Soviet Union's successors). Such treaties join
contiguous states and follow the end of a war or of a rivalry, and they work: settled pairs see fewer
disputes after (Gibler 1997; Hensel 2001: unsettled territorial issues recur; Lupu & Poast 2016: former
rivals sign non-aggression pacts; Mattes & Vonnahme 2010: non-aggression pacts join states with
conflicting interests). ATOP codes most of them as pacts of non-aggression or consultation (Leeds et al.
2002).

The record (ATOP 5.1, COW contiguity and capitals, TD rivalries, COW wars; ``tools/settlement_record.py``): of
the pairs founding a non-defence pact, 68 % (1816-1914) and 33 % (1946-1989) are contiguous or have capitals
within 1,000 km, against 22 % and 5 % of all system pairs; a pair whose strategic rivalry has just ended signs
a neutrality, non-aggression or consultation pact in the next ten years at 0.023 (1816-1914) and 0.018
(1946-1989) a pair-year, 25 and 4.5 times the rate of neighbours at large (0.0009, 0.0039); 9 % and 15 % of
the warring pairs of a war that ended signed one within ten years. New states do *not* sign more such pacts in
the in-sample eras (1946-1989: 5 % of entrants signed one with a neighbour within five years of entry, against
14 % of old members in any five years); only 1990-2018 shows a surge (49 % against 13 %), out of sample: entry
alone is no unsettled relation here (:mod:`foedus.theory.reassurance` keeps a new state's unread intentions).

The form
--------
A pair's *unsettled relations* are the memory of the conflict between them that has ended:

.. math::

    u_{ij} = \big(1 - e^{-(W_{ij} + m^{\,t - e_{ij}})}\big)\,[\text{not at war}]\,[\text{not rivals}]

with :math:`W_{ij}` the pair's war memory (years at war discounted by :math:`m` a year,
:func:`foedus.theory.rivalry.war_history`), :math:`e_{ij}` the year their last rivalry ended and
:math:`m` the same discount (a year of rivalry ended counts as one year of war ended). While the war
or the rivalry goes on there is nothing to settle yet (Gibler's treaties follow the conflict), and a
pair that never fought nor rivalled has nothing to settle. The settlement value is that stake
between neighbours:

.. math::

    S_{ij} = u_{ij}\,[\,c_{ij} \lor d_{ij} < 1000\text{ km}\,]

(:math:`c` contiguity, :math:`d` the distance between capitals): symmetric, in [0, 1). A step
weighs it as part of the reassurance good of a pledge of non-aggression.

Published form vs ours
----------------------
Gibler's (1996) finding is the typology and its incidence (settlement treaties between contiguous
states after conflict); the exponential of the discounted conflict memory, the common discount of
war and rivalry and the 1,000 km reading of "neighbours" (the measurement's) are ours.

References
----------
.. [1] Gibler, D. M. (1996). Alliances that never balance: the territorial settlement treaty.
   Conflict Management and Peace Science 15(1): 75-97.
.. [2] Gibler, D. M. (1997). Control the issues, control the conflict: the effects of alliances that
   settle territorial issues on interstate rivalries. International Interactions 22(4): 341-368.
.. [3] Hensel, P. R. (2001). Contentious issues and world politics: the management of territorial
   claims in the Americas, 1816-1992. International Studies Quarterly 45(1): 81-109.
.. [4] Lupu, Y. & Poast, P. (2016). Team of former rivals: a multilateral theory of non-aggression
   pacts. Journal of Peace Research 53(3): 344-358.
.. [5] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations
   and Provisions, 1815-1944. International Interactions 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _checked, _matrix

__all__ = ["NEAR_KM", "rivalry_memory", "settlement_value", "unsettled_relations"]

NEAR_KM = 1000.0
"""Capitals closer than this count as neighbours with or without a border (the measurement's reading: the
record's non-defence pacts of 1816-1914 are 68 % between such pairs against 22 % of all pairs)."""


def rivalry_memory(year: int, ended, *, memory: float, check: bool = True) -> np.ndarray:
    r"""The memory of the last rivalry ended between each pair: :math:`m^{\,t - e_{ij}}` (N, N), 0 where none ended (``ended`` NaN).

    >>> rivalry_memory(1900, np.array([[np.nan, 1899.0], [1899.0, np.nan]]), memory=0.8).round(2).tolist()
    [[0.0, 0.8], [0.8, 0.0]]
    """
    e = np.asarray(ended, dtype=float)
    m = float(_checked(memory, "memory", "rivalry_memory", lo=0.0, hi=1.0, check=check))
    if check and (e[np.isfinite(e)] > year).any():
        raise ValueError(f"rivalry_memory: an end year is after {year}")
    age = np.where(np.isfinite(e), float(year) - np.nan_to_num(e, nan=float(year)), np.inf)
    with np.errstate(divide="ignore"):
        return np.where(np.isfinite(age), m ** np.where(np.isfinite(age), age, 0.0), 0.0)


def unsettled_relations(war_memory, rivalry_memory, at_war, rivals, *, check: bool = True) -> np.ndarray:
    r"""How unsettled each pair's relations are after a conflict that has ended: :math:`(1 - e^{-(W + R)})` where neither at war nor rivals (N, N).

    ``war_memory`` :math:`W` (:func:`foedus.theory.rivalry.war_history`) and ``rivalry_memory`` :math:`R`
    (:func:`rivalry_memory`) >= 0; ``at_war`` and ``rivals`` bool. The diagonal is 0.

    Examples
    --------
    A pair whose three-year war ended last year (memory 0.8: :math:`W = 0.8 (1 + 0.8 + 0.64) = 1.952`), the same pair
    still at war, and a pair whose rivalry ended this year (:math:`R = 1`):

    >>> W = np.array([[0.0, 1.952], [1.952, 0.0]]); none = np.zeros((2, 2), bool)
    >>> round(float(unsettled_relations(W, np.zeros((2, 2)), none, none)[0, 1]), 3)
    0.858
    >>> float(unsettled_relations(W, np.zeros((2, 2)), ~none, none)[0, 1])
    0.0
    >>> round(float(unsettled_relations(np.zeros((2, 2)), np.ones((2, 2)), none, none)[0, 1]), 3)
    0.632
    """
    w = _matrix("war_memory", war_memory, np.shape(war_memory)[0], nonneg=True, check=check)
    n = w.shape[0]
    r = _matrix("rivalry_memory", rivalry_memory, n, nonneg=True, check=check)
    open_ = np.asarray(at_war, dtype=bool) | np.asarray(rivals, dtype=bool)
    out = np.where(open_, 0.0, -np.expm1(-(w + r)))
    np.fill_diagonal(out, 0.0)
    return out


def settlement_value(unsettled, contiguous, capital_km, *, near_km: float = NEAR_KM, check: bool = True) -> np.ndarray:
    r"""The settlement value :math:`S_{ij} = u_{ij}\,[c_{ij} \lor d_{ij} < \text{near\_km}]` (N, N), in [0, 1).

    Gibler (1996): territorial settlement treaties join neighbours; a pair of distant states has no border to
    settle, whatever their past.

    Examples
    --------
    >>> u = np.array([[0.0, 0.6, 0.6], [0.6, 0.0, 0.0], [0.6, 0.0, 0.0]])
    >>> c = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], bool); d = np.array([[0, 0, 5000.0], [0, 0, 800], [5000, 800, 0]])
    >>> settlement_value(u, c, d).tolist()
    [[0.0, 0.6, 0.0], [0.6, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    u = _matrix("unsettled", unsettled, np.shape(unsettled)[0], unit=True, check=check)
    d = _matrix("capital_km", capital_km, u.shape[0], nonneg=True, check=check)
    km = float(_checked(near_km, "near_km", "settlement_value", lo=0.0, check=check))
    near = np.asarray(contiguous, dtype=bool) | (d < km)
    out = np.where(near, u, 0.0)
    np.fill_diagonal(out, 0.0)
    return out
