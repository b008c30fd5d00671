"""Compiled passes of the conflict step (:mod:`foedus.sim.steps.conflict`): the same booleans, without numpy's temporaries.

Every year the war-onset pass screens every pair of states (some 18,000 in a world of 190) for
the pairs at risk, and every war under way is checked for a pair across its sides still at war
(twice a year). numpy did the screen in a dozen passes over pair arrays and the check with
``np.ix_`` over a dict's generator; the kernels here do each in one loop. They evaluate one
model formula, :func:`foedus.theory.war_onset.politically_relevant` (contiguous, or with a major
power, or rivals), as its boolean or; ``tests/sim/test_conflict_kernels.py`` proves each kernel
equal to the numpy code it replaces and to that theory function.

- :func:`onset_live`: which pairs ``(i, j)`` may begin a war this year (both active with
  capability, not at war, politically relevant);
- :func:`under_way`: whether some state on side 1 of a war is at war with some state on side 2.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["onset_live", "under_way", "war_sides"]


@njit(cache=True)
def onset_live(i, j, active, power, at_war, contiguous, major, rivalry):  # pragma: no cover (compiled)
    """(P,) bool: pair ``(i[p], j[p])`` both active with ``power > 0``, not at war, and politically relevant.

    :func:`foedus.theory.war_onset.politically_relevant` of ``contiguous[i, j]``, ``major[i] | major[j]``
    and ``rivalry[i, j]`` (each as a boolean: non-zero)."""
    out = np.zeros(len(i), np.bool_)
    for p in range(len(i)):
        a = i[p]
        b = j[p]
        if not (active[a] and active[b] and power[a] > 0 and power[b] > 0):
            continue
        if at_war[a, b]:
            continue
        out[p] = (contiguous[a, b] != 0) or major[a] or major[b] or (rivalry[a, b] != 0)
    return out


@njit(cache=True)
def under_way(at_war, members, sides):  # pragma: no cover (compiled)
    """Whether some ``members[p]`` with ``sides[p] == 1`` is at war with some ``members[q]`` with ``sides[q] == 2``."""
    for p in range(len(members)):
        if sides[p] != 1:
            continue
        a = members[p]
        for q in range(len(members)):
            if sides[q] == 2 and at_war[a, members[q]]:
                return True
    return False


def war_sides(war: dict) -> tuple[np.ndarray, np.ndarray]:
    """A war's states and their sides (1 or 2) as two (K,) intp arrays, in the order of ``war["side"]``."""
    side = war["side"]
    return np.fromiter(side.keys(), np.intp, len(side)), np.fromiter(side.values(), np.intp, len(side))
