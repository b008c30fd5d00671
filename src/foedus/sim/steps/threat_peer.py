"""The threat great powers pose each other under uncertain intentions, in the threat a state perceives when it names its main threat.

:func:`peer_threat` is :func:`foedus.theory.peer_threat.peer_rivalry_threat` of the world (``peer_rivalry_prior``; Mearsheimer
2001, ch. 2; Walt 1987, ch. 2; Thompson & Dreyer 2012), with the same offensive power, exponents (forward presence), pledges,
commercial restraint and intention weights as Walt's threat, so :func:`perceived_threat`, their sum, is Walt's threat plus the
increment of the intentions' rivalry term between two great powers read as ``max(R, rho)`` (the ideology gate, where ideal
points are known, still reads ``R``: the sum equals Walt's threat at ``max(R, rho)`` only without ideal points). :func:`foedus.sim.steps.threat.perceive_threats` keeps it for the year;
the main threat (:func:`foedus.sim.steps.threat.main_threat_of`), the live issues that read great powers' main threats and the
explanations read the perceived threat; the valuations of alliances read ``world.results.threat``, Walt's threat from acts (added
there too, the term moved 1816-1914 pacts' survival and non-aggression out of range: foedus validate, seeds 1-6, 61 facts of 76
against 66). The same function in a checked and an unchecked run (the same bits).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory.peer_threat import peer_rivalry_threat

__all__ = ["peer_share", "peer_threat", "peer_unknown", "perceived_threat"]


def peer_share(world: World, weights: tuple[float, float, float]) -> float:
    """The rivalry term's share of the intentions' weights (``w_r / (w_h + w_d + w_r)``; without ideal points ``w_d`` drops out)."""
    w0, w1, w2 = weights
    return w2 / (w0 + (w1 if world.inputs.ideal_distance is not None else 0.0) + w2)


def peer_threat(world: World, offensive: np.ndarray, forward: np.ndarray, commitment: np.ndarray, restraint: np.ndarray,
                weights: tuple[float, float, float]) -> np.ndarray | None:
    """(N, N) or None: the threat of :func:`foedus.theory.peer_threat.peer_rivalry_threat` for the world's great powers (None when
    ``peer_rivalry_prior`` is 0 or fewer than two great powers are active: nothing to add)."""
    p = world.inputs.params
    major = world.state.major & world.state.active
    if p.peer_rivalry_prior <= 0 or major.sum() < 2:
        return None
    return peer_rivalry_threat(
        world.state.power, offensive, forward, major, world.state.rivalry, commitment, prior=p.peer_rivalry_prior,
        share=peer_share(world, weights), discount=p.ally_discount, hostility=world.state.hostility, belied=p.aggression_hostility,
        restraint=restraint, check=world.inputs.check,
    )


def peer_unknown(world: World, i: np.ndarray, j: np.ndarray) -> list[dict] | None:
    """Per pair ``(i[k], j[k])``, for an event's explanation (:func:`foedus.sim.steps.threat.threat_terms`): ``peer_rivalry_prior``,
    ``max(0, rho - R)`` where both are great powers, else 0 (the uncertain rivalry read into the intentions), and ``peer_threat``, the
    threat it adds to what ``i`` perceives. None when ``peer_rivalry_prior`` is 0 (off: nothing moved)."""
    if world.inputs.params.peer_rivalry_prior <= 0:
        return None
    major = world.state.major & world.state.active
    v = np.maximum(world.inputs.params.peer_rivalry_prior - world.state.rivalry[i, j], 0.0) * (major[i] & major[j] & (i != j))
    added = perceived_threat(world)[i, j] - world.results.threat[i, j]
    return [{"peer_rivalry_prior": a, "peer_threat": b} for a, b in zip(v.tolist(), added.tolist())]


def perceived_threat(world: World) -> np.ndarray:
    """(N, N): ``world.results.threat`` plus this year's :func:`peer_threat` (kept by :func:`foedus.sim.steps.threat.perceive_threats`;
    none kept for the year, or none to add: ``world.results.threat`` itself)."""
    hit = world.cache.get("peer_threat")
    if hit is None or hit[0] != world.state.year or hit[1] is None or hit[1].shape != world.results.threat.shape:
        return world.results.threat
    return world.results.threat + hit[1]
