"""Collective security under the UN Charter: whether the Security Council mandates action against a war's attacker (Claude 1962; Voeten 2005).

Called by :mod:`foedus.sim.steps.conflict` when wars begin; the mandated coalition assembles in
:mod:`foedus.sim.steps.crises` around the permanent member that leads it, and its members enter the war
(:func:`foedus.sim.steps.conflict._collective_security`).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.membership import pair_max
from foedus.sim.steps._common import ALLIANCE, SECURITY
from foedus.sim.world import World
from foedus.theory import coalitions as th_coal
from foedus.theory import war_onset as th_onset
from foedus.theory.renunciation import territorial_integrity_norm

__all__ = ["mandates"]


def mandates(world: World, rng: np.random.Generator, attackers: np.ndarray, targets: np.ndarray) -> list[dict]:
    """Whether the Security Council mandates collective action against each war's attacker (after its wars are registered by :func:`foedus.sim.steps.conflict.call_allies`).

    With :func:`foedus.theory.war_onset.collective_security_probability` (``collective_security_rate``;
    the UN Charter in force; no veto: no permanent member is the attacker or aligned with it by an
    alliance of any obligation in force, :func:`foedus.theory.war_onset.permanent_member`; Claude 1962,
    Voeten 2005) and a permanent member to lead the action (:func:`foedus.theory.war_onset.security_council_lead`:
    one that vetoes nothing and has a stake, the victim its ally or the attacker a threat it shares by the
    coalition rule, ``coalition_threat_share``) the war opens an aggression crisis led by that member, the one
    of them that reaches the victim best (:mod:`foedus.sim.steps.crises`: a coalition of the states that share
    the threat assembles next year around it and stands for a geometric ``crisis_end_rate`` duration) and the
    coalition's members join the war on the target's side (:func:`foedus.sim.steps.conflict._spread`).
    Returns, per war, what the war event records: ``{}`` when nothing was drawn (no Charter),
    else ``collective_security`` with the veto (and the permanent members that hold it), the lead, the
    probability and whether a mandate came.
    """
    p = world.inputs.params
    y = world.state.year
    charter = bool(territorial_integrity_norm(y))
    if not charter or p.collective_security_rate <= 0:
        return [{} for _ in attackers]
    ag = world.state.agreements
    permanent = th_onset.permanent_member(world.inputs.ccode, y) & world.state.active
    alliances = ag.in_force(kind=ALLIANCE, domain=SECURITY)
    aligned = pair_max(ag.members[alliances], np.ones(len(alliances)), world.n) > 0 if len(alliances) else np.zeros((world.n, world.n), bool)
    t = world.results.threat
    wars = world.state.wars[len(world.state.wars) - len(attackers):]
    out = []
    top = t.max(axis=1)  # each state's main threat's level (the same for every war of the year)
    for a, tg, war in zip(attackers, targets, wars):
        shields = permanent & (aligned[a] | (np.arange(world.n) == a))
        stake = aligned[tg] | th_coal.shares_threat(t[:, a], top, p.coalition_threat_share, check=world.inputs.check)
        leads = th_onset.security_council_lead(permanent, shields, stake, check=world.inputs.check)
        leads[[a, tg]] = False  # a permanent member attacked defends itself (Charter art. 51), it needs no mandate
        veto = bool(shields.any())
        prob = float(th_onset.collective_security_probability(p.collective_security_rate, 1.0, float(veto), float(leads.any()), check=world.inputs.check))
        go = rng.random() < prob
        lead = -1
        if leads.any():
            cand = np.flatnonzero(leads)
            lead = int(cand[np.argmax(th_onset.reach(world.state.cinc[cand], world.inputs.distance_km[cand, tg], miles_per_day=p.miles_per_day, check=world.inputs.check))])
        if go:
            war["mandate"] = world.state.crises.add("aggression", y, np.zeros(world.n), float(world.state.power[a]), int(rng.geometric(p.crisis_end_rate)), int(a), int(tg))
            war["mandate_lead"] = lead
        out.append({"collective_security": {
            "veto": veto, "vetoed_by": world.inputs.ccode[shields].tolist(), "lead": int(world.inputs.ccode[lead]) if lead >= 0 else None,
            "probability": prob, "mandated": bool(go),
        }})
    return out
