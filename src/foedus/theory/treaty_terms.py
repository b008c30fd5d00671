"""A treaty's terms: whether it admits new members (ATOP ``proadd``), how a coalition of the willing writes its treaties, its
term and renewal, and whether it has a purpose against a third party.

Kept apart from :mod:`foedus.theory.obligations` and :mod:`foedus.theory.persistence`, which re-export them (session 17: the module outgrew the house's 600
lines).
"""

from __future__ import annotations

import numpy as np

__all__ = ["admits_members", "coalition_treaty_groups", "has_third_party_purpose", "survival_with_terms", "term_end_after"]


def admits_members(proadd, bilateral=None) -> np.ndarray:
    """Whether a treaty admits new members under its terms: ATOP ``proadd`` > 0 (bool, same shape).

    ATOP 5.1 codes whether a treaty provides for the admission of further members (``proadd``:
    0 no provision; 1-3 provisions, from any state to named or qualifying states). A treaty
    without such a provision is closed; a bilateral treaty without one (643 of ATOP 5.1's 678
    bilateral treaties, and 13 more whose provision is not coded) never gains a third member. ``bilateral`` (ATOP ``bilat``) is accepted
    for callers that only know the format: where ``proadd`` is missing (NaN), a bilateral treaty
    is closed and a multilateral one open.

    >>> admits_members([0, 1, 3, float("nan"), float("nan")], [1, 0, 1, 1, 0]).tolist()
    [False, True, True, False, True]
    """
    pa = np.asarray(proadd, dtype=float)
    known = ~np.isnan(pa)
    fallback = np.zeros(pa.shape, bool) if bilateral is None else ~np.asarray(bilateral, dtype=bool)
    return np.where(known, np.nan_to_num(pa) > 0, fallback)


def coalition_treaty_groups(rival) -> np.ndarray:
    """Which treaty each of a belligerent's K partners of one war's outset signs: one treaty of them all, or one each.

    States that combine with one belligerent against one enemy at a war's outset write one treaty together, a
    coalition treaty whose every member is bound to every other (Weitsman 2004 on wartime coalitions; Snyder 1997):
    Britain, France and the Ottoman Empire against Russia at Constantinople (12 March 1854), which Sardinia joined
    (ATOP 5.1 atopid 1165: Britain, France and Sardinia, offence, made in war); Britain, France and Spain for the
    Mexican expedition (London Convention, 1861, atopid 1225). A state binds itself to no strategic rival (Thompson
    2001; the veto of :func:`foedus.sim.steps.blocs`): where two of the partners are rivals, each signs its own
    bilateral treaty with the belligerent, as Britain did with France and with Prussia in August 1870 (atopids 1295
    and 1300). ATOP 5.1: 5 of the 12 offence pacts begun 1816-1914 have three members or more (none begun in the
    runs of main c0793cd, where every pact made for a war is bilateral).

    Parameters
    ----------
    rival : array_like of bool, (K, K)
        Whether two partners are strategic rivals (symmetric; the diagonal is ignored).

    Returns
    -------
    ndarray of int, (K,)
        The treaty of each partner: all 0 (one treaty) or ``0..K-1`` (one each).

    Examples
    --------
    >>> coalition_treaty_groups([[False, False], [False, False]]).tolist()
    [0, 0]
    >>> coalition_treaty_groups([[False, True, False], [True, False, False], [False, False, False]]).tolist()
    [0, 1, 2]
    """
    r = np.asarray(rival, dtype=bool)
    if r.ndim != 2 or r.shape[0] != r.shape[1]:
        raise ValueError(f"coalition_treaty_groups: rival must be square (K, K), got shape {r.shape}")
    k = r.shape[0]
    apart = (r & ~np.eye(k, dtype=bool)).any()
    return np.arange(k) if apart else np.zeros(k, dtype=np.intp)


def survival_with_terms(years, hazard, term_years, renewal) -> np.ndarray:
    r"""Probability that a treaty is still in force ``years`` after signature: :math:`S(t) = (1-h)^t\,p^{\lfloor t/T \rfloor}`.

    A treaty exposed to a constant yearly abrogation hazard :math:`h` (:func:`foedus.theory.cohesion.dissolution_terms`)
    whose stated term :math:`T` (years) ends at :math:`T, 2T, \dots`, each time renewed with probability :math:`p`
    (:func:`renewal_probability`; 1 for a term that renews automatically): the survivor function of the discrete-time
    process the simulator runs (a hazard draw each year, then the renewal draw at a term's end), for a check of it
    against the analytic law. :math:`T` inf or 0: no term, the geometric law :math:`(1-h)^t`.

    >>> survival_with_terms([4, 5, 10], 0.0, 5, 0.5).tolist()
    [1.0, 0.5, 0.25]
    """
    t = np.asarray(years, dtype=float)
    h = np.asarray(hazard, dtype=float)
    T = np.asarray(term_years, dtype=float)
    p = np.asarray(renewal, dtype=float)
    if np.any((h < 0) | (h > 1)) or np.any((p < 0) | (p > 1)) or np.any(t < 0):
        raise ValueError("survival_with_terms: hazard and renewal must lie in [0, 1], years >= 0")
    has = np.isfinite(T) & (T > 0)
    n = np.where(has, np.floor(t / np.where(has, T, 1.0)), 0.0)
    return (1.0 - h) ** t * p ** n


def term_end_after(start_year, term_years, renewal_years, year) -> np.ndarray:
    r"""The end of the term in force in ``year`` of a treaty signed in ``start_year`` for ``term_years``, renewed by ``renewal_years``.

    :math:`e = s + L` if :math:`s + L \ge y`, else :math:`s + L + \lceil (y - s - L) / R \rceil R`: a treaty
    still in force has been renewed at each end of term before ``year`` (ATOP ``length`` and ``renewlgt``; a
    ``renewal_years`` of 0 or NaN means the term again). inf where ``term_years`` is 0, NaN or inf (no stated term).

    >>> term_end_after([1882, 1930, 1949], [6, 25, 0], [0, 0, 0], 1900).tolist()
    [1900.0, 1955.0, inf]
    """
    s = np.asarray(start_year, dtype=float)
    t = np.asarray(term_years, dtype=float)
    r = np.asarray(renewal_years, dtype=float)
    has = np.isfinite(t) & (t > 0)
    t1 = np.where(has, t, 1.0)
    r = np.where(np.isfinite(r) & (r > 0), r, t1)
    first = s + t1
    end = first + np.ceil(np.maximum(year - first, 0.0) / r) * r
    return np.where(has, end, np.inf)


def has_third_party_purpose(obligations) -> np.ndarray:
    """Whether each treaty was written against a third party: it pledges defence or offence (ATOP ``defense``, ``offense``).

    ``obligations`` (A, 5) bool in the order of :data:`foedus.schema.OBLIGATIONS` (defence,
    offence, neutrality, non-aggression, consultation). A defence or offence pact aggregates
    capability against an outsider, so its purpose lapses when that outsider no longer threatens
    (Walt 1997; Leeds & Savun 2007). A treaty of neutrality, non-aggression or consultation alone
    regulates the relation between its own members (reassurance, the management of their own
    rivalry: Weitsman 2004 on tethering; Leeds et al. 2002 code these as pledges among the
    signatories, with no adversary): a third party's fading gives no reason to abrogate it
    (the Egypt-Israel treaty of 1979 does not end because Saudi Arabia ceased to threaten them).

    >>> has_third_party_purpose(np.array([[1, 0, 0, 0, 1], [0, 0, 1, 1, 0], [0, 1, 0, 0, 0]], dtype=bool)).tolist()
    [True, False, True]

    References
    ----------
    .. [1] Weitsman, P. A. (2004). Dangerous Alliances: Proponents of Peace, Weapons of War.
       Stanford University Press.
    .. [2] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance treaty
       obligations and provisions, 1815-1944. International Interactions 28(3): 237-260.
    """
    o = np.asarray(obligations, dtype=bool)
    if o.ndim != 2 or o.shape[1] != 5:
        raise ValueError(f"has_third_party_purpose: obligations must be (A, 5), got {o.shape}")
    return o[:, 0] | o[:, 1]
