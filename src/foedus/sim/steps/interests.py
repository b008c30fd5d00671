"""Where a great power's interests lie this year: the partners that matter to its contest with its adversaries (P1).

:func:`adversary_relevance_of` feeds :func:`foedus.theory.interests.adversary_relevance` with the world's adversaries (each
state's main threat, :func:`foedus.sim.steps.threat.main_threat_of`, and its strategic rivals) and the share of each
adversary's capability that reaches each state; :func:`foedus.sim.steps.formation.concession_reach` passes it to
:func:`foedus.theory.exchange.concession_interest` (Morrow 1991: a client's concessions are worth what they let the patron
do against its adversaries).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.threat import main_threat_of
from foedus.sim.world import World
from foedus.theory.interests import adversary_relevance

__all__ = ["adversaries", "adversary_relevance_of"]


def adversaries(world: World) -> np.ndarray:
    """(N, N) bool: ``[i, a]`` when ``a`` is ``i``'s main threat this year or its strategic rival."""
    n = world.n
    out = np.asarray(world.state.rivalry) > 0
    if out.shape != (n, n):
        out = np.zeros((n, n), bool)
    main = main_threat_of(world)
    has = np.flatnonzero(main >= 0)
    out = out.copy()
    out[has, main[has]] = True
    np.fill_diagonal(out, False)
    return out


def adversary_relevance_of(world: World) -> np.ndarray | None:
    """(N, N): :func:`foedus.theory.interests.adversary_relevance` of this year's adversaries, their contiguity and the share
    of each adversary's capability that reaches each state at ``concession_adversary_reach``; None when the threshold is 0
    (off: a great power has interests everywhere) or the world has no contiguity."""
    p = world.inputs.params
    n = world.n
    c = world.inputs.contiguous
    if p.concession_adversary_reach <= 0 or c is None or c.shape != (n, n):
        return None
    reach, pw = world.results.reach, world.state.power
    rho = None
    if reach is not None and reach.shape == (n, n):
        rho = np.clip(np.where(pw[:, None] > 0, reach.T / np.where(pw > 0, pw, 1.0)[:, None], 0.0), 0.0, 1.0)
    return adversary_relevance(c, adversaries(world), rho, threshold=p.concession_adversary_reach, check=world.inputs.check)
