"""What the step modules share: the step type, agreement codes, and two small helpers.

The codes index :data:`foedus.sim.agreements.AGREEMENT_KINDS` and :data:`foedus.sim.agreements.DOMAINS`.
Ending an agreement or a membership, whichever step does it, is in :mod:`foedus.sim.steps.dissolution`.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from foedus.sim.world import World
from foedus.theory import alignment as th_align
from foedus.theory.capability import asymmetric_capabilities

Step = Callable[[World, np.random.Generator], None]
"""A step of the simulated year: changes ``world`` in place, drawing only from ``rng``."""

MOTIVES = th_align.MOTIVES
"""The motives of alignment (F1–F4) in the order of the utilities and of every event's decomposition."""
SECURITY, CYBER_DOMAIN = 0, 1
"""Codes of :data:`foedus.sim.agreements.DOMAINS`."""
ALLIANCE, COALITION, ORGANISATION = 0, 1, 2
"""Codes of :data:`foedus.sim.agreements.AGREEMENT_KINDS`."""


def sym_clip(a: np.ndarray) -> np.ndarray:
    """``a`` clipped to [0, 1] with a zero diagonal, in place."""
    np.minimum(a, 1.0, out=a)
    np.maximum(a, 0.0, out=a)
    if a.flags.c_contiguous:
        a.ravel()[:: a.shape[0] + 1] = 0.0  # the diagonal of the flat view (no copy)
    else:
        np.fill_diagonal(a, 0.0)
    return a


def asymmetric(world: World, idx: np.ndarray) -> bool:
    """Whether the states ``idx`` make an asymmetric agreement (:func:`foedus.theory.capability.asymmetric_capabilities`; brief A3)."""
    p = np.sort(world.state.power[idx])[::-1]
    return bool(len(p) >= 2 and asymmetric_capabilities(p[0], p[1]))
