"""The initiator's expected victory at a war's onset (moved out of :mod:`foedus.sim.steps.conflict`, which re-exports it; initiator21).

:func:`expected_victory` is the initiator's :func:`foedus.theory.expected_victory.victory_probability` against its target, the
initiator's defence partners counted at their expected support (:func:`foedus.theory.expected_victory.expected_support`: Bueno
de Mesquita 1981; the era's reliability of a call, Leeds, Long & Mitchell 2000, Berkemeier & Fuhrmann 2018: a defence pledge
does not cover its partner's attack), its offence partners and the target's defence partners in full.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.neutrality import permanently_neutral
from foedus.sim.steps.pact_pairs import defence_pairs, offence_pairs
from foedus.sim.steps.war_entry import reach_of as _reach
from foedus.sim.world import World
from foedus.theory import expected_victory as th_victory
from foedus.theory import war as th_war
from foedus.theory.renunciation import territorial_integrity_norm

__all__ = ["ally_support", "expected_victory"]


def ally_support(world: World) -> float:
    """The share of an ally's capability a side expects this year: :func:`foedus.theory.expected_victory.expected_support` of the
    era's reliability of a call (:func:`foedus.theory.war.honour_base_rate`) at ``war_onset_ally_expected_support``."""
    p = world.inputs.params
    rho = th_war.honour_base_rate(territorial_integrity_norm(world.state.year), p.honour_base_rate, p.honour_base_rate_charter, check=world.inputs.check)
    return float(th_victory.expected_support(rho, p.war_onset_ally_expected_support, check=world.inputs.check))


def expected_victory(world: World, att: np.ndarray, tgt: np.ndarray, *, with_discounted: bool = False):
    """Each initiator's :func:`foedus.theory.war_onset.victory_probability` against its target, the war fought on the target's ground.

    Capabilities are CINC shares arriving at the target (:func:`foedus.theory.war_onset.reach`: the initiator's and the
    allies' discounted by the loss-of-strength gradient, the target's at home). The target's side counts its defence
    partners (the allies the attack calls: :func:`foedus.sim.steps.conflict.call_allies`), the initiator's its defence and offence
    partners (Bueno de Mesquita counts every third party by its preference, and an ally's is for its partner: the record's weaker
    initiators were most often backed, North Korea in 1950, Egypt in 1973), each active, not permanently neutral, and not bound
    by a defence pact to the other belligerent (conflicting obligations keep them out). Bueno de Mesquita weights a third party
    by the chance it fights: the target's defence partners and the initiator's offence partners are pledged to this war and
    count in full (the casus foederis arises: Leeds 2003, a target's defence pacts deter), the initiator's defence partners, to
    whom its attack owes nothing, at their expected support (:func:`ally_support`, the era's reliability of a call where the
    casus does arise: 0.22 of their capability from 1945 at ``war_onset_ally_expected_support`` 1, its default since session 21; in full at 0; Leeds 2003 and Johnson & Leeds 2011 find that a state's defence pacts
    do not make it initiate more). Counting them in full, a record-built 1816-1914 run's initiators had a third-party defence
    pact at 0.75 of the onsets against the record's 0.54 (COW initiators, ATOP), and backed weak states began wars (Togo
    against Ghana with France counted in full; initiator21). Offence partners alone (Leeds 2003,
    the initiator's defence partners at 0) lost in-sample facts in 2026-12 (multipolar-1815's alliances 0.014 a state-year
    against the record's 0.029); each side's allies at their expected support lost three facts on seeds 1-12 (1990-2018 war
    onsets 0.0059 a state-year against the record's 0.0027; initiator21). With ``with_discounted``, also (K,) bool: whether each
    initiator has a defence partner so counted (the onset's factor ``ally_expected_support`` is named only there).
    """
    n = world.n
    c = world.state.cinc
    everyone = np.arange(n)
    at_target = c[None, :] * _reach(world, everyone[None, :], tgt[:, None])  # (K, N): each state's capability at each target
    d, o = defence_pairs(world), offence_pairs(world)
    free = world.state.active & ~permanently_neutral(world)
    t_allies = d[tgt] & ~d[att] & free[None, :]
    a_allies = (d[att] | o[att]) & ~d[tgt] & ~t_allies & free[None, :]
    for m in (t_allies, a_allies):
        m[np.arange(len(att)), att] = m[np.arange(len(att)), tgt] = False
    own = at_target[np.arange(len(att)), att]
    # a defence partner owes nothing to an attack its partner begins: it comes at most as often as an ally whose casus arose
    weight = np.where(o[att], 1.0, ally_support(world))
    p_win = th_victory.victory_probability(own, c[tgt], (at_target * a_allies * weight).sum(axis=1), (at_target * t_allies).sum(axis=1), check=world.inputs.check)
    return (p_win, (a_allies & ~o[att]).any(axis=1)) if with_discounted else p_win
