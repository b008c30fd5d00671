"""Extended deterrence among the great powers at a war's onset (gpwar13; issues 12 and 17).

A great power that would attack a minor state another great power is pledged to defend weighs the chance that the protector
comes in, which makes the war one between great powers (:func:`foedus.theory.war_restraint.extended_deterrence`; Huth 1988,
Leeds 2003, Bremer 1992, Levy 1983). :func:`great_power_deterrence` gives the factor on the initiator's probability of going
ahead, for the war onsets and the escalated disputes of :mod:`foedus.sim.steps.conflict`, and the terms its factors name.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.neutrality import permanently_neutral
from foedus.sim.steps.war_entry import year_reach
from foedus.sim.world import World
from foedus.theory import war as th_war
from foedus.theory import war_restraint as th_restraint
from foedus.theory.renunciation import territorial_integrity_norm

__all__ = ["great_power_deterrence"]


def great_power_deterrence(world: World, att: np.ndarray, tgt: np.ndarray, defence: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(factor, q) for initiators ``att`` against targets ``tgt``, ``defence`` the (N, N) pairs sharing a defence pact.

    ``q`` (:func:`foedus.theory.war_restraint.protection_probability`) is the chance that a great power pledged to the target
    (active, not permanently neutral, bound by no defence pact to the attacker: conflicting obligations keep it out, as in the
    initiator's odds of prevailing) fights, each with the era's reliability of a call (:func:`foedus.theory.war.honour_base_rate`:
    Leeds, Long & Mitchell 2000; Berkemeier & Fuhrmann 2018) times its reach to the target; ``factor`` is
    :func:`foedus.theory.war_restraint.extended_deterrence` of ``q`` at ``war_onset_joint_major`` where the initiator is a great
    power and the target is not, 1 elsewhere (and ``q`` 0 there).
    """
    p = world.inputs.params
    k = len(att)
    factor, q = np.ones(k), np.zeros(k)
    major = world.state.major.astype(bool)
    rows = np.flatnonzero(major[att] & ~major[tgt])
    if not len(rows) or p.war_onset_joint_major == 0.0:
        return factor, q
    a, t = att[rows], tgt[rows]
    free = world.state.active & ~permanently_neutral(world) & major
    protects = defence[t] & ~defence[a] & free[None, :]
    protects[np.arange(len(rows)), a] = protects[np.arange(len(rows)), t] = False
    if not protects.any():
        return factor, q
    reach = year_reach(world, t)[:, t].T  # (rows, N): each state's reach to each target
    rho = float(th_war.honour_base_rate(territorial_integrity_norm(world.state.year), p.honour_base_rate, p.honour_base_rate_charter, check=world.inputs.check))
    q[rows] = th_restraint.protection_probability(reach, protects, rho, check=world.inputs.check)
    factor[rows] = th_restraint.extended_deterrence(q[rows], p.war_onset_joint_major, check=world.inputs.check)
    return factor, q
