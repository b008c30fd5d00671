"""The aggressor's neighbours (Walt 1987, ch. 2): the exposure with which a state reads an act against another neighbour of the
aggressor it borders (:func:`foedus.theory.intentions.revealed_hostility`'s ``contiguous`` and ``exposed_near``), kept for
:mod:`foedus.sim.steps.threat` (which re-exports :func:`exposed_near`)."""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World


def exposed_near(world: World) -> np.ndarray:
    """(N, N): :func:`foedus.sim.steps.threat.exposed_states` without the observer's relevance of the victim, ``[k minor] (1 - D_ik) (1 - R_ik)``: how far an
    act against ``k`` by an aggressor that borders both reveals aggression to ``i`` (:func:`foedus.theory.intentions.revealed_hostility`'s
    ``exposed_near``: the aggressor's neighbours read its acts against its other neighbours; Walt 1987, ch. 2). Kept until the majors
    or the rivalries change."""
    key = (world.state.major.tobytes(), world.state.rivalry.tobytes())
    hit = world.cache.get("exposed_near")
    if hit is None or hit[0] != key:
        minor = 1.0 - world.state.major.astype(float)  # threat._exposed with every victim relevant (the same products)
        ideal = world.inputs.ideal_distance
        e = minor[None, :] * (1.0 - ideal) if ideal is not None else np.repeat(minor[None, :], world.n, axis=0)
        e = e * (1.0 - world.state.rivalry)
        e.flags.writeable = False
        hit = world.cache["exposed_near"] = (key, e)
    return hit[1]


def proximity_weight(world: World, exposed: np.ndarray, name: str) -> np.ndarray:
    """``proximity * exposed``, kept in ``world.cache[name]`` while ``exposed`` is the same (cached) array: the weight of
    hostility towards ``k`` in what ``i`` reads (:func:`foedus.sim.steps.threat._revealing_weight`, :func:`_near_weight`)."""
    hit = world.cache.get(name)
    if hit is None or hit[0] is not exposed:
        w = world.inputs.proximity * exposed
        w.flags.writeable = False
        hit = world.cache[name] = (exposed, w)
    return hit[1]


def _near_weight(world: World) -> np.ndarray:
    """``proximity * exposed_near``, the weight of :func:`foedus.sim.steps.threat._revealing_weight` for an aggressor's neighbours."""
    return proximity_weight(world, exposed_near(world), "near_weight")

