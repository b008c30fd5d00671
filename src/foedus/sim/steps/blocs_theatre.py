"""The theatre of a bloc's shared threat under its superpower leader, for the blocs step (:mod:`foedus.sim.steps.blocs`; nato22, issue 17).

A superpower that leads a bloc (the candidates' first, of tier ``superpower``: :meth:`foedus.sim.world.World.tier_code`) may bind
clients farther apart than ``bloc_region_km`` where both lie in the theatre of the threat it faces: the threat's strength and its
own reach each of them with at least ``bloc_theatre_reach`` of their strength at home (:func:`foedus.theory.theatre.in_theatre`:
Boulding 1962, Walt 1987, Hemmer & Katzenstein 2002; the North Atlantic community). A great power short of a superpower is
decisive in its region, of limited global reach (brief A1; Buzan & Waever 2003: only the superpowers' security reach spans the
regions; Mearsheimer 2001, ch. 4: the stopping power of water), and its clients are held to one region. The theatre holds only
where the leader signs: a founding its superpower
declines is weighed again with every pair held to the region (:func:`.blocs_kernels.bloc_scan`, ``blocs._founding``), since the
clients an ocean apart have then no one to lead them. :func:`theatre_of` is compiled for the scan (kept apart from
:mod:`.blocs_kernels` by the 600-line rule) and equal, to the bit, to the theory function (``tests/sim/test_blocs_theatre.py``).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.world import World
from foedus.theory import theatre as th_theatre


@njit(cache=True)
def theatre_of(group, t, reach, power, shares):  # pragma: no cover (compiled)
    """(K,) bool: the candidates ``group`` (the leader first) in the theatre of the threat ``t`` under ``group[0]``: none where the
    leader's share ``shares[group[0]]`` (:func:`leader_shares`) is 0; else :func:`foedus.theory.theatre.in_theatre` of
    ``reach[group, t]``, ``power[t]``, ``reach[group, group[0]]``, ``power[group[0]]`` and that share (``reach[i, k]``: the
    capability of ``k`` that reaches ``i``)."""
    k = group.shape[0]
    out = np.zeros(k, np.bool_)
    if k == 0:
        return out
    lead = group[0]
    share = shares[lead]
    if not share > 0.0:
        return out
    pt, pl = power[t], power[lead]
    if not (pt > 0.0 and pl > 0.0):
        return out
    for a in range(k):
        i = group[a]
        out[a] = reach[i, t] >= share * pt and reach[i, lead] >= share * pl
    return out


def leader_shares(world: World) -> np.ndarray:
    """(N,) float: the share of strength ``bloc_theatre_reach`` each state asks of its theatre as a bloc's leader, where it is a
    superpower (:meth:`foedus.sim.world.World.tier_code` 0), else 0 (no theatre: its clients are held to the region)."""
    return np.where(world.tier_code() == 0, float(world.inputs.params.bloc_theatre_reach), 0.0)


def theatre(world: World, group: np.ndarray, t: int, on: bool = True) -> np.ndarray:
    """(K,) bool: :func:`theatre_of` the candidates ``group`` against ``t`` in ``world`` (its reach, capabilities and
    :func:`leader_shares`), by the theory function; none where ``on`` is False (a founding weighed again without its leader)."""
    k = len(group)
    share = float(leader_shares(world)[group[0]]) if k else 0.0
    if not on or not k or share <= 0:
        return np.zeros(k, bool)
    reach, power, lead = world.results.reach, world.state.power, group[0]
    return th_theatre.in_theatre(reach[group, t], float(power[t]), reach[group, lead], float(power[lead]), share)
