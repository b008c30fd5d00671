"""Where a strategic rivalry can arise: contact, reach and the distance of minor states (brief D1, F2).

The geographic terms of :func:`foedus.theory.rivalry.rivalry_onset_hazard`: two minor states beyond
``rivalry_reach_km`` of each other (:func:`out_of_reach`) or without a border beyond
``rivalry_contact_km`` (:func:`beyond_contact`: no contact, no rivalry; Diehl & Goertz 2000), the log
distance of two minor states without a border in units of :data:`MARITIME_KM` (:func:`minor_distance`;
Thompson 2001: strategic rivals see each other as sources of threat), and the part of a term that applies to
a great power and a minor state only (:func:`one_major_part`). Split from :mod:`foedus.theory.rivalry`
(whose module docstring gives their estimation), which re-exports these names.

.. [1] Diehl, P. F., and G. Goertz. 2000. *War and Peace in International Rivalry*. University of Michigan Press.
.. [2] Thompson, W. R. 2001. "Identifying Rivals and Rivalries in World Politics." *International Studies Quarterly* 45 (4): 557-586.
"""

from __future__ import annotations

import numpy as np

__all__ = ["MARITIME_KM", "beyond_contact", "minor_distance", "one_major_part", "out_of_reach"]


def out_of_reach(distance_km, major_i, major_j, *, reach_km: float) -> np.ndarray:
    """True for a pair of which neither is a major power and whose distance exceeds ``reach_km``: no contact.

    A rivalry needs contact (Thompson 2001; Diehl & Goertz 2000): a minor state competes with the
    states of its relevant neighbourhood, bounded by how far it can project power (Lemke 2002;
    Boulding 1962); a great power reaches far, so its pairs are always in reach (as in Maoz &
    Russett's 1993 politically relevant dyads). ``distance_km`` is the pair's minimum distance
    (0 for a land border), km.

    Examples
    --------
    >>> out_of_reach([200.0, 3000.0], False, False, reach_km=1500.0).tolist()
    [False, True]
    >>> bool(out_of_reach(9000.0, True, False, reach_km=1500.0))
    False
    """
    minor = ~(np.asarray(major_i, dtype=bool) | np.asarray(major_j, dtype=bool))
    return minor & (np.asarray(distance_km, dtype=float) > float(reach_km))


def beyond_contact(distance_km, contiguous, major_i, major_j, *, contact_km: float) -> np.ndarray:
    """True for a pair that cannot begin a rivalry: two minor states sharing no border, farther apart than ``contact_km``.

    The issues that make states rivals are mostly territorial (among neighbours) and positional
    (among great powers, or a great power and the states it reaches) (Diehl & Goertz 2000, ch. 3;
    Thompson & Dreyer 2012; Vasquez 1993 on territory): two minor states an ocean apart have no
    such issue. The record (Thompson & Dreyer, 1816-2010) has 2 onsets in 389,315 dyad-years at
    risk of non-contiguous minor states more than 5,000 km apart, USA-Spain 1816 and
    Netherlands-Indonesia 1951, both across colonial borders (Florida, West New Guinea): contact the
    simulator, which has no colonies, cannot give; and none between 2,500 and 5,000 km (134,327 dyad-years,
    68,859 in the in-sample eras; the farthest in-sample onset of two minor states without a border is
    Angola-South Africa 1975, 2,456 km), so the simulator's ``rivalry_contact_km`` is 2,500 km. The onset
    hazard of such a pair is 0 (the hazards' ``out_of_reach`` term, :func:`out_of_reach`, and
    :func:`minor_distance` grade the nearer ones).

    Parameters
    ----------
    distance_km : array_like, the pair's minimum distance, km
    contiguous : array_like of bool, direct land contiguity
    major_i, major_j : array_like of bool
    contact_km : float > 0

    Examples
    --------
    >>> beyond_contact([9500.0, 9500.0, 3000.0], [False, False, False], [False, True, False], False, contact_km=5000.0).tolist()
    [True, False, False]
    """
    minor = ~(np.asarray(major_i, dtype=bool) | np.asarray(major_j, dtype=bool))
    return minor & ~np.asarray(contiguous, dtype=bool) & (np.asarray(distance_km, dtype=float) > float(contact_km))


MARITIME_KM = 150.0 * 1.609344
"""Maoz & Russett's (1993) 150 miles of water (241.4 km): the unit of :func:`minor_distance`."""


def minor_distance(distance_km, contiguous, major_i, major_j, *, unit_km: float = MARITIME_KM) -> np.ndarray:
    """``log(1 + d / unit_km)`` for two minor states without a land border, 0 for the other pairs: the loss of relevance with distance.

    Boulding's (1962) loss-of-strength gradient read as a gradient of relevance: a minor state's issues and its capacity to hurt
    fade with the distance it must cross (Lemke 2002's relevant neighbourhoods; Maoz & Russett's 1993 politically relevant dyads
    are its step form, relevant within 150 miles of water, the unit here). Contiguous pairs (``d`` 0 for them) and pairs with a
    great power, whose reach is global, take 0. In the onset logit (``minor_distance``) its coefficient is the elasticity of the
    hazard with the distance beyond the unit.

    Parameters
    ----------
    distance_km : array_like, the pair's minimum distance, km
    contiguous : array_like of bool, direct land contiguity
    major_i, major_j : array_like of bool
    unit_km : float > 0

    Examples
    --------
    >>> minor_distance([241.4016, 1000.0, 1000.0], [False, True, False], False, [False, False, True]).round(4).tolist()
    [0.6931, 0.0, 0.0]
    """
    if not unit_km > 0:
        raise ValueError(f"unit_km must be > 0, got {unit_km}")
    minor = ~(np.asarray(major_i, dtype=bool) | np.asarray(major_j, dtype=bool)) & ~np.asarray(contiguous, dtype=bool)
    return np.where(minor, np.log1p(np.maximum(np.asarray(distance_km, dtype=float), 0.0) / float(unit_km)), 0.0)


def one_major_part(x, major_i, major_j) -> np.ndarray:
    """``x`` for a pair of which exactly one is a major power, 0 for the others: a covariate's part in the asymmetric pairs.

    Examples
    --------
    >>> one_major_part([-2.0, -2.0, -2.0], [True, True, False], [False, True, False]).tolist()
    [-2.0, 0.0, 0.0]
    """
    one = np.asarray(major_i, dtype=bool) ^ np.asarray(major_j, dtype=bool)
    return np.where(one, np.asarray(x, dtype=float), 0.0)
