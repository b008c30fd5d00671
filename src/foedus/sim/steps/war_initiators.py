"""Who initiates a war a pair goes to (moved out of :mod:`foedus.sim.steps.conflict`, which re-exports it; gpwar16)."""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import war_onset as th_onset


def initiators(world: World, rng: np.random.Generator, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """Which state of each pair ``(i, j)`` that goes to war initiates it: attackers, targets, and each choice's factors.

    ``i`` initiates with :func:`foedus.theory.war_onset.initiation_probability` of the differences
    of log capability, major-power status and democracy (Bremer 1992; Bennett & Stam 2004;
    coefficients ``initiation_*`` fitted on the COW initiator codes of the in-sample eras). Each
    factor dict names the initiator-minus-target terms and the probability that the chosen
    initiator was the one (``initiator_probability``).
    """
    p = world.inputs.params
    dem = world.state.regime >= p.democracy_threshold
    tiny = np.finfo(float).tiny  # a numerical guard only: a state in a dispute may have no capability left
    x = th_onset.initiation_terms(np.maximum(world.state.power[i], tiny), np.maximum(world.state.power[j], tiny), world.state.major[i], world.state.major[j], dem[i], dem[j])
    pi = th_onset.initiation_probability(*(x[t] for t in th_onset.INITIATION_TERMS), coefficients=p.initiation_coefficients())
    first = rng.random(len(i)) < pi
    sign = np.where(first, 1.0, -1.0)
    factors = [
        {**{f"initiator_minus_target_{t}": float(sg * x[t][q]) for t in th_onset.INITIATION_TERMS}, "initiator_probability": float(pi[q] if f else 1.0 - pi[q])}
        for q, (f, sg) in enumerate(zip(first, sign))
    ]
    return np.where(first, i, j), np.where(first, j, i), factors
