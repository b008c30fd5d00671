"""Pairs that cannot begin a strategic rivalry: minor states of different regions, and a security community that outlives its treaty (brief D1, F2).

Two gates of the rivalry-onset hazard (:func:`foedus.theory.rivalry.rivalry_onset_hazard`), beside
:func:`foedus.theory.rivalry.beyond_contact` (no contact) and :func:`foedus.theory.rivalry.security_community` (two democracies sharing a
security agreement); an onset hazard of 0 for the pairs they select (issue 17 item 5, issue 12: rivalries a scholar would not accept).

**Minor states of two regions** (:func:`cross_region_minor`). A minor state's security is regional: the relevant neighbourhood of a
minor power is bounded by its reach (Lemke 2002, ch. 4), security interdependence is "normally patterned into regionally based
clusters" (Buzan & Waever 2003, ch. 3: regional security complexes), and the politically relevant dyads are the contiguous ones and
those with a great power (Maoz & Russett 1993; Lemke & Reed 2001). Two minor states that share no border, lie farther apart than
Maoz & Russett's 150 miles of water (:data:`foedus.theory.rivalry_geography.MARITIME_KM`) and belong to two Correlates of War regions
(:func:`foedus.theory.regions.cow_region`) are in no one complex: the record (Thompson & Dreyer 2012, 1816-2010) has no rivalry onset
among them, 0 in 35,289 dyad-years at risk (17,929 in the in-sample eras, 1816-1914 and 1946-1989, where the fitted onset hazard
expects 3.02, Poisson p 0.049; 17,360 held out, 1.80 expected), while the same pairs of one region began 16 in sample where the fit
expects 14.6 (Greece-Serbia 1879, Iran-Egypt 1955, Mauritania-Morocco 1960, Angola-South Africa 1975...). Those within 241 km keep
their risk. The evidence does not reject the ungated hazard at the project's alpha of 0.01 (p 0.049): the gate is kept for what it
removes, rivalries a scholar would not accept, and because it improves the held-out fit. With the fitted coefficients kept, the gate raises the held-out log-likelihood of the
onsets (1919-1938 -57.77 to -57.47, 1990-2010 -108.50 to -107.13); a refit without those pairs moves ``minor_distance`` from -0.97
to -0.81 and the other terms by less than 0.06 and measures worse held out (-57.78, -107.77): the coefficients are kept. Runs of
main cccbd09 began Poland-Lebanon (1946, 2,345 km, Europe and the Middle East) and Greece-Lebanon (1,152 km) from the record of 1946.

**A security community outlives its treaty** (:func:`community_tie`). Deutsch's (1957) pluralistic security community is a
"dependable expectation of peaceful change" resting on shared identity, not on a treaty; Adler & Barnett (1998, ch. 2) describe it as
built over time by transactions and institutions and not undone by the end of one of them. Two democracies that share a security
agreement cannot begin a rivalry (:func:`foedus.theory.rivalry.security_community`); :func:`community_tie` keeps the tie for
``years`` after the last agreement they shared ended. The record: democracies that shared an ATOP alliance before but not in the
year began no rivalry, 0 in 2,074 dyad-years 1816-2010 (799 in sample; 1.31 and 0.41 expected by the fit), 0 in 1,268 within 50
years of the last shared alliance (0.82 expected; too few to reject the ungated hazard, p about 0.27); the record's two onsets between democracies, Poland-Czechoslovakia 1920 and
Argentina-Britain 1965, are of pairs that never shared one. With the coefficients kept the gate raises the held-out log-likelihood
(1919-1938 -57.77 to -57.39, 1990-2010 -108.50 to -108.00). A run of main cccbd09 from the record of 1946 (seed 1) made the United
States and Britain rivals in 1960, the year after their pact of 1954 dissolved.

References
----------
Adler, E., and M. Barnett, eds. 1998. *Security Communities*. Cambridge University Press.
Buzan, B., and O. Waever. 2003. *Regions and Powers: The Structure of International Security*. Cambridge University Press.
Deutsch, K. W. et al. 1957. *Political Community and the North Atlantic Area*. Princeton University Press.
Lemke, D. 2002. *Regions of War and Peace*. Cambridge University Press.
Lemke, D., and W. Reed. 2001. "The Relevance of Politically Relevant Dyads." *Journal of Conflict Resolution* 45(1): 126-44.
Maoz, Z., and B. Russett. 1993. "Normative and Structural Causes of Democratic Peace, 1946-1986." *APSR* 87(3): 624-38.
Thompson, W. R., and D. Dreyer. 2012. *Handbook of International Rivalries*. CQ Press.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.rivalry_geography import MARITIME_KM

__all__ = ["community_tie", "cross_region_minor", "last_shared_year"]


def cross_region_minor(distance_km, contiguous, major_i, major_j, region_i, region_j, *, near_km: float = MARITIME_KM) -> np.ndarray:
    """True for a pair that cannot begin a rivalry: two minor states without a land border, farther apart than ``near_km``, of two regions.

    Parameters
    ----------
    distance_km : array_like, the pair's minimum distance, km
    contiguous : array_like of bool, direct land contiguity
    major_i, major_j : array_like of bool, major powers
    region_i, region_j : array_like of int, each state's region (:func:`foedus.theory.regions.cow_region`)
    near_km : float >= 0, the distance within which two minor states of two regions keep their risk (150 miles of water)

    Examples
    --------
    >>> cross_region_minor([2345.0, 2345.0, 1130.0, 100.0], False, [False, True, False, False], False, [1, 1, 1, 1], [3, 3, 1, 2]).tolist()
    [True, False, False, False]
    """
    if not near_km >= 0:
        raise ValueError(f"near_km must be >= 0, got {near_km}")
    minor = ~(np.asarray(major_i, dtype=bool) | np.asarray(major_j, dtype=bool)) & ~np.asarray(contiguous, dtype=bool)
    return minor & (np.asarray(distance_km, dtype=float) > float(near_km)) & (np.asarray(region_i) != np.asarray(region_j))


def last_shared_year(previous, shared, year) -> np.ndarray:
    """The last year each pair shared a security agreement after this year: ``year`` where ``shared``, else ``previous`` (NaN: never).

    Examples
    --------
    >>> last_shared_year([np.nan, 1954.0, 1954.0], [False, False, True], 1960).tolist()
    [nan, 1954.0, 1960.0]
    """
    return np.where(np.asarray(shared, dtype=bool), np.asarray(year, dtype=float), np.asarray(previous, dtype=float))


def community_tie(shared, last_shared, year, *, years: float) -> np.ndarray:
    """True for a pair bound as a security community would be: sharing a security agreement, or having shared one within ``years`` years.

    ``last_shared`` is the last year the pair shared one (:func:`last_shared_year`; NaN: never); ``years`` >= 0 is how long the tie
    outlives the agreement (0: only while it is in force, the rule of :func:`foedus.theory.rivalry.security_community` alone). The
    rivalry gate is :func:`foedus.theory.rivalry.security_community` of joint democracy and this tie.

    Examples
    --------
    >>> community_tie([False, False, True, False], [1954.0, 1900.0, np.nan, np.nan], 1960, years=50.0).tolist()
    [True, False, True, False]
    >>> community_tie([False], [1959.0], 1960, years=0.0).tolist()
    [False]
    """
    if not years >= 0:
        raise ValueError(f"years must be >= 0, got {years}")
    since = np.asarray(year, dtype=float) - np.asarray(last_shared, dtype=float)
    with np.errstate(invalid="ignore"):
        lapsed = np.isfinite(since) & (since <= float(years))
    return np.asarray(shared, dtype=bool) | lapsed
