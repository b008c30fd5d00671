"""The Correlates of War regions of states and the regional terms of treaties that admit members (moved from :mod:`foedus.theory.obligations`, which re-exports them)."""

from __future__ import annotations

import numpy as np

__all__ = ["COW_REGIONS", "admissible", "cow_region"]

COW_REGIONS = ("western hemisphere", "europe", "africa", "middle east", "asia")
"""The Correlates of War regions, in the order of :func:`cow_region`."""


def cow_region(ccode) -> np.ndarray:
    """The Correlates of War region of each COW state code (index into :data:`COW_REGIONS`).

    COW numbers states by region: 2-165 the Western Hemisphere, 200-395 Europe, 402-626 Africa,
    630-698 the Middle East, 700-990 Asia and Oceania (Correlates of War Project, State System
    Membership codebook); the last range is open (any code from 700 up is Asia).

    >>> cow_region([2, 365, 651, 710, 900]).tolist()
    [0, 1, 3, 4, 4]
    """
    c = np.asarray(ccode)
    return np.searchsorted(np.array([200, 400, 630, 700]), c, side="right")


def admissible(candidate_region, treaty_regions) -> np.ndarray:
    r"""Whether a candidate may join a treaty that admits members: its region is one of the treaty's.

    ATOP codes whether a treaty provides for new members (``proadd``), not who may join; the
    provisions name the region's states or states meeting the treaty's criteria (the North
    Atlantic Treaty's "any other European State", the Rio Treaty's American states, the Arab
    League's Arab states). So a candidate qualifies when its COW region (:func:`cow_region`) is
    the region of at least one member. Our form.

    Parameters
    ----------
    candidate_region : array (R,) of int
    treaty_regions : array (A, 5) of bool
        The regions of each treaty's members.

    Returns
    -------
    array (R, A) of bool

    >>> admissible([0, 1], [[True, False, False, False, False], [False, True, False, True, False]]).tolist()
    [[True, False], [False, True]]
    """
    r = np.asarray(candidate_region, dtype=np.intp)
    regions = np.asarray(treaty_regions, dtype=bool)
    return regions[:, r].T
