"""Step 3, threat perception: Walt's threat matrix and the global threats no state embodies (brief F2).

The step draws nothing: :func:`perceive_threats` is the whole of it, and
:func:`foedus.sim.steps.initialise` calls it to start year one.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.world import World
from foedus.theory import threat as th_threat

_INTENT_WEIGHTS = (0.5, 0.25, 0.25)
"""The weights of hostility, ideal-point distance and rivalry in perceived intentions (the
defaults of :func:`foedus.theory.threat.perceived_intentions`)."""

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
    if world.check:
        intent = th_threat.perceived_intentions(world.hostility, world.ideal_distance, world.rivalry, weights=_INTENT_WEIGHTS, check=True)
        world.results.threat = th_threat.threat_matrix(world.power, hit[1], world.results.offensive, intent, check=True)
    else:
        world.results.threat = threat_of(world.hostility, world.ideal_distance, world.rivalry, hit[1], world.power, world.results.offensive)
    key = world.global_intensity.tobytes()
    hit = world.cache.get("global_threats")
    if hit is None or hit[0] != key:
        exposure = th_threat.global_threat_exposure(world.exposure, world.global_intensity, check=world.check)
        shared = th_threat.shared_global_threat(world.exposure, world.global_intensity, check=world.check)
        exposure.flags.writeable = shared.flags.writeable = False
        hit = world.cache["global_threats"] = (key, exposure, shared)
    world.results.global_threat, world.results.shared_global = hit[1], hit[2]


def threat_of(hostility: np.ndarray, ideal_distance: np.ndarray | None, rivalry: np.ndarray, proximity: np.ndarray, power: np.ndarray, offensive: np.ndarray) -> np.ndarray:
    """Walt's threat matrix from the pairs' relations, in one compiled pass (brief F2).

    :func:`foedus.theory.threat.threat_matrix` of ``power``, ``proximity``, ``offensive`` and the
    :func:`foedus.theory.threat.perceived_intentions` of ``hostility``, ``ideal_distance`` (or
    None) and ``rivalry`` (weights :data:`_INTENT_WEIGHTS`), evaluated pair by pair in the
    theory's order of operations, so the result is the same to the bit
    (``tests/sim/steps/test_threat.py`` proves it on random inputs); without the seven
    intermediate (N, N) arrays of the two functions.
    """
    w0, w1, w2 = _INTENT_WEIGHTS
    denom = w0 + (w1 if ideal_distance is not None else 0.0) + w2
    ideal = np.zeros((0, 0)) if ideal_distance is None else np.ascontiguousarray(ideal_distance, dtype=float)
    out = np.empty(hostility.shape)
    _threat_kernel(
        np.ascontiguousarray(hostility, dtype=float), ideal, np.ascontiguousarray(rivalry), w0, w1, w2, denom,
        np.ascontiguousarray(proximity, dtype=float), np.ascontiguousarray(power, dtype=float), np.ascontiguousarray(offensive, dtype=float), out,
    )
    return out


@njit(cache=True)
def _threat_kernel(h, ideal, rivalry, w0, w1, w2, denom, prox, power, offensive, out):  # pragma: no cover (compiled)
    """``out[i, j] = prox[i, j] * I[i, j] * (power[j] * offensive[j])``, ``I = (w0 h + w1 d + w2 r) / denom``; 0 on the diagonal."""
    n = h.shape[0]
    has_ideal = ideal.shape[0] > 0
    for i in range(n):
        for j in range(n):
            if i == j:
                out[i, j] = 0.0
                continue
            total = w0 * h[i, j]
            if has_ideal:
                total = total + w1 * ideal[i, j]
            total = total + w2 * rivalry[i, j]
            out[i, j] = prox[i, j] * (total / denom) * (power[j] * offensive[j])
