"""Step 3, threat perception: Walt's threat matrix and the global threats no state embodies (brief F2).

The step draws nothing: :func:`perceive_threats` is the whole of it, and
:func:`foedus.sim.steps.initialise` calls it to start year one.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import threat as th_threat

def threat_perception(world: World, rng: np.random.Generator) -> None:
    """Walt's threat matrix and global threats (brief F2; Walt 1987): :func:`perceive_threats`; ``rng`` is not drawn from."""
    perceive_threats(world)


def perceive_threats(world: World) -> None:
    """Set ``world.results.threat``, ``world.results.global_threat`` and ``world.results.shared_global`` (brief F2; Walt 1987).

    ``T[i, j] = power_j * proximity_ij * offensive_j * intentions_ij``
    (:func:`foedus.theory.threat.threat_matrix`) with perceived intentions from hostility, UN
    ideal-point distance and strategic rivalry (:func:`~foedus.theory.threat.perceived_intentions`).
    Proximity is floored by the threatening state's reach (brief A1): a superpower shapes the
    whole system (``superpower_reach``), a great power has limited global reach
    (``great_power_reach``). Global threats (terrorism, proliferation, organised crime) enter
    as each state's exposure weighted by their intensity
    (:func:`~foedus.theory.threat.global_threat_exposure`) and as the shared exposure of pairs
    (:func:`~foedus.theory.threat.shared_global_threat`).
    """
    p = world.params
    intent = th_threat.perceived_intentions(world.hostility, world.ideal_distance, world.rivalry, check=world.check)
    tier = world.tier_code()
    # what changes rarely is recomputed only when it changes: reach with the tiers, global
    # threats with their intensities (the exposures and distances are fixed)
    key = tier.tobytes()
    hit = world.cache.get("reach_proximity")
    if hit is None or hit[0] != key:
        reach = np.where(tier == 0, p.superpower_reach, np.where(tier == 1, p.great_power_reach, 0.0))
        prox = np.maximum(world.proximity, reach[None, :])
        prox.ravel()[:: world.n + 1] = 0.0  # the diagonal
        prox.flags.writeable = False
        hit = world.cache["reach_proximity"] = (key, prox)
    world.results.threat = th_threat.threat_matrix(world.power, hit[1], world.results.offensive, intent, check=world.check)
    key = world.global_intensity.tobytes()
    hit = world.cache.get("global_threats")
    if hit is None or hit[0] != key:
        exposure = th_threat.global_threat_exposure(world.exposure, world.global_intensity, check=world.check)
        shared = th_threat.shared_global_threat(world.exposure, world.global_intensity, check=world.check)
        exposure.flags.writeable = shared.flags.writeable = False
        hit = world.cache["global_threats"] = (key, exposure, shared)
    world.results.global_threat, world.results.shared_global = hit[1], hit[2]

