r"""What a new state and its former ruler gain by a pact in the new state's first years (issues 12, 17 item 5).

Empire does not end with independence: the former metropole keeps a security hierarchy over its former colony, a
relation of authority both sides sign into (Lake 2009: France's defence and technical-assistance agreements with
its former African colonies of 1960-61, Britain's with Malaysia, Jordan or the Gulf states; Russia's treaties of
friendship, cooperation and mutual assistance with the former Soviet republics of 1992-1997). The new state
inherits its institutions, its officers, its trade and its borders from the old ruler, and both have the most to
settle and to coordinate in the first years of independence; the Vienna Convention on Succession of States in
respect of Treaties (1978) names the two ways in: a colony that becomes a *newly independent state* and a part of
a state that *separates* from it (a secession).

The record (ATOP 5.1, COW state list; :func:`foedus.analysis.formation_age.entrant_partners` with the hand-coded
rulers of :data:`foedus.data.succession.FORMER_RULER`; in-sample eras only for the choice): in its first ten years a
new state and its former ruler found a pact together at 33.2 per 1,000 dyad-years in 1946-1989 (30 founding pairs in
904 dyad-years; 19.9 bilateral) and 4.1 in 1816-1914 (1 in 246), against 1.3 and 0.6 for a new state and any other
old state, 38.7 and 14.5 for two old land neighbours and 4.7 and 1.6 for other old pairs. A new state's other
partners show no excess in sample (pooled 1816-1914 and 1946-1989: with a land neighbour 20.6 per 1,000 against 28.8
for old neighbours; region-standardised founders per state-year in the first ten years 0.94 of the older states'):
so the tie is the *former ruler's*, not the newness of the state. And it is the tie of an era: in 1816-1914 the new
states won independence by war (Latin America from Spain, Greece and Serbia from the Ottoman Empire) and the former
ruler withheld recognition for years (Spain recognised Mexico in 1836, fifteen years on); a settled, recognised
separation whose borders the former ruler accepts is the territorial integrity norm's (Zacher 2001: the Covenant's
article 10 and the Charter's article 2(4); by *uti possidetis* the borders of the new state are the old administrative
ones). The tie grows with that norm's strength (:func:`foedus.theory.renunciation.renunciation_of_war`: 0 before 1919,
1 from 1945), as the record's rate does (4.1 against 33.2 per 1,000, a ratio of 0.12).

The form
--------
The tie of a pair is the link to its former ruler while the younger side is new:

.. math::

    T_{ij} = n\,r_{ij}\,[\,0 \le a_{ij} < Y\,]

with :math:`r_{ij}` 1 where one of the two ruled the other before it entered the system (symmetric),
:math:`a_{ij}` the years the two have both been in the system
(:func:`foedus.theory.reassurance.relationship_age`: the new state's age; a state in the system since the list's
first year is never new), :math:`Y` the window, in years, and :math:`n` the territorial integrity norm's strength
that year, in [0, 1]. It is a value in [0, 1] that a step weighs (in utility
units, at its weight) as a good of the pact: the security a pledge of defence between the two provides (Lake's
hierarchy is the dominant state's provision of order to the subordinate one; the record's ruler pacts of 1946-1989
are defence pacts: France's with Mali, Madagascar, Gabon, Britain's with Malaysia, Nigeria, Malta).

The former ruler's sphere
-------------------------
A hierarchy is not only a protectorate. Lake (2009, ch. 2) orders security relations from diplomacy through *spheres of
influence*, where the dominant state restricts the subordinate's relations with third parties (it may not align against
it), to protectorates, where the dominant state defends it; a subordinate's pledge never to use force against its former
ruler nor to join its adversaries is that sphere. The former ruler values it whatever the new state's fear of it: Russia's
treaties of friendship with Ukraine (1990, 1997), Armenia, Azerbaijan and Belarus, Serbia's with Macedonia (1996), Ethiopia's
with Eritrea (2000) and Sudan's with South Sudan (2012) are pacts of non-aggression (ATOP 5.1: of the bilateral pacts a
new state founded with its former ruler in its first ten years, 14 defence, 4 non-aggression and 3 consultation in
1946-1989; 7, 10 and 1 in 1990-2018). :func:`former_ruler_sphere` is the tie on the former ruler's side only,

.. math::

    S_{ij} = T_{ij}\,[\,e_i < e_j\,]

(:math:`e` the years of first entry: the older side of a tied pair is the former ruler), for neighbours only (contiguous, or
capitals within 1,000 km: :data:`foedus.theory.settlement.NEAR_KM`), a value the step weighs as a good of a pledge of
non-aggression (its reassurance good). A sphere is the dominant state's neighbourhood, the new state a buffer that must not
become a base for the ruler's adversaries (Lake 2009 on the United States in the Caribbean; Russia's "near abroad"): an
overseas metropole had no such stake in a former colony's pledge, and in 1946-1989 the record's ruler pacts are defence
pacts (14 of 21). What the new state gains from the same pledge is its own reassurance (its fear of a former ruler whose
intentions it cannot read yet, :mod:`foedus.theory.reassurance`). Without the neighbourhood the sphere made the colonies of
1946-1989 sign non-aggression pacts with their metropoles in place of defence pacts (foedus validate, seeds 1-6: 1946-1989
non-aggression pacts 0.018 -> 0.033 per state-year, record 0.018; defence 0.020 -> 0.015, record 0.024).

Published form vs ours
----------------------
Lake (2009) gives the relation (hierarchy persisting from empire) and its incidence, not a rate; the ten-year window
is the record's measurement window (:func:`~foedus.analysis.formation_age.entrant_partners`); the product with the
norm's strength, and reading the tie as a good of protection (the good only a defence pact provides), are ours.

References
----------
.. [1] Lake, D. A. (2009). *Hierarchy in International Relations*. Ithaca: Cornell University Press.
.. [2] United Nations (1978). Vienna Convention on Succession of States in respect of Treaties. Arts. 2(1)(f), 34.
.. [3] Zacher, M. W. (2001). The territorial integrity norm: international boundaries and the use of force.
   International Organization 55(2): 215-250.
.. [4] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and
   Provisions, 1815-1944. International Interactions 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _checked
from foedus.theory.reassurance import relationship_age

__all__ = ["former_ruler_sphere", "former_ruler_tie"]


def former_ruler_tie(year: int, entered, ruler, *, years: float, norm: float = 1.0, settled=None, check: bool = True) -> np.ndarray:
    r"""The tie :math:`T_{ij} = n\,r_{ij}\,[0 \le a_{ij} < Y]` (N, N) of a new state and its former ruler, in [0, 1].

    Parameters
    ----------
    year : int
        The year.
    entered : array (N,)
        The year each state first entered the state system (one in it since 1816 is never new).
    ruler : array (N, N) of bool
        ``[i, j]``: one of the two ruled the other before it entered the system (symmetric).
    years : float
        :math:`Y`, the years a state stays new (>= 0; 0: no tie).
    norm : float
        :math:`n`, the territorial integrity norm's strength this year, in [0, 1]
        (:func:`foedus.theory.renunciation.renunciation_of_war`; 0: no tie).
    settled : array (N, N) of bool, optional
        ``[i, j]``: the separation is settled, the two neither at war nor rivals nor carrying the memory of a war between
        them; no tie where it is not (the norm's recognised separation, module docstring: a new state at war with its
        former ruler or its rival, as Pakistan and Bangladesh or Eritrea and Ethiopia, has no hierarchy to sign into).
        None: every pair settled.

    Examples
    --------
    Russia (in the system since 1816), Ukraine (1991) and Kazakhstan (1991), Russia the former ruler of both:

    >>> r = np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], bool)
    >>> former_ruler_tie(1995, [1816, 1991, 1991], r, years=10).tolist()
    [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    >>> former_ruler_tie(2001, [1816, 1991, 1991], r, years=10).tolist()
    [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> former_ruler_tie(1925, [1816, 1918, 1918], r, years=10, norm=1 / 3).round(3).tolist()
    [[0.0, 0.333, 0.333], [0.333, 0.0, 0.0], [0.333, 0.0, 0.0]]

    Russia and Ukraine at war (or rivals): no tie between them; Kazakhstan's stands:

    >>> at_peace = ~np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], bool)
    >>> former_ruler_tie(1995, [1816, 1991, 1991], r, years=10, settled=at_peace).tolist()
    [[0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    """
    y = float(_checked(years, "years", "former_ruler_tie", lo=0.0, check=check))
    n = float(_checked(norm, "norm", "former_ruler_tie", lo=0.0, hi=1.0, check=check))
    r = np.asarray(ruler, dtype=bool)
    e = np.asarray(entered)
    if check and (r.ndim != 2 or r.shape != (e.shape[0], e.shape[0])):
        raise ValueError(f"former_ruler_tie: ruler must be ({e.shape[0]}, {e.shape[0]}) like entered, got {r.shape}")
    age = relationship_age(year, e, check=check)
    tied = r & (age < y)
    if settled is not None:
        ok = np.asarray(settled, dtype=bool)
        if check and ok.shape != r.shape:
            raise ValueError(f"former_ruler_tie: settled must be {r.shape} like ruler, got {ok.shape}")
        tied = tied & ok
    out = np.where(tied, n, 0.0)
    np.fill_diagonal(out, 0.0)
    return out


def former_ruler_sphere(tie, entered, near=None, *, check: bool = True) -> np.ndarray:
    r"""The former ruler's side of the tie over its neighbourhood, :math:`S_{ij} = T_{ij}\,[e_i < e_j]\,[\text{near}_{ij}]` (N, N): its sphere
    (module docstring; Lake 2009, ch. 2).

    Parameters
    ----------
    tie : array (N, N)
        :math:`T`, :func:`former_ruler_tie` (symmetric, >= 0).
    entered : array (N,)
        The year each state first entered the state system; of a tied pair the one that entered first is the former ruler.
    near : array (N, N) of bool, optional
        The pairs of neighbours (contiguous, or capitals within :data:`foedus.theory.settlement.NEAR_KM`): a sphere is the
        dominant state's neighbourhood. None: every pair.

    Examples
    --------
    Russia (1816), Ukraine (1991) on its border and Tajikistan (1991) beyond it: Russia's row keeps the tie to Ukraine alone, the
    new states' rows none:

    >>> t = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    >>> near = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], bool)
    >>> former_ruler_sphere(t, [1816, 1991, 1991], near).tolist()
    [[0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    t = np.asarray(tie, dtype=float)
    e = np.asarray(entered, dtype=float)
    if check:
        if t.ndim != 2 or t.shape != (e.shape[0], e.shape[0]):
            raise ValueError(f"former_ruler_sphere: tie must be ({e.shape[0]}, {e.shape[0]}) like entered, got {t.shape}")
        if not np.isfinite(t).all() or (t < 0).any():
            raise ValueError("former_ruler_sphere: tie must be finite and >= 0")
    keep = e[:, None] < e[None, :]
    if near is not None:
        nb = np.asarray(near, dtype=bool)
        if check and nb.shape != t.shape:
            raise ValueError(f"former_ruler_sphere: near must be {t.shape} like tie, got {nb.shape}")
        keep = keep & nb
    return np.where(keep, t, 0.0)
