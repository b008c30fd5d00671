"""Step 1, trends and shocks: the scenario's trend drivers T1–T5 and its scheduled shocks.

T1 moves the hostility baseline between the hegemon's camp and the challengers, T2 trade dependence, T3 cyber capacity
and vulnerability (T4 and T5 act in :mod:`foedus.sim.steps.politics`); a shock
(:class:`foedus.sim.scenario.Shock`) is an invasion, an exit, an accession, a pact, a
dissolution, a global threat, a growth, regime or hostility change in its year.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.scenario import GLOBAL_THREATS, Shock
from foedus.sim.steps._common import asymmetric, sym_clip
from foedus.sim.steps.conflict import call_allies
from foedus.sim.steps.dissolution import dissolve, dissolve_if_deserted, leave
from foedus.sim.steps.threat import CALL_TO_ARMS, alliance_commitment
from foedus.sim.world import World
from foedus.theory.threat import competition_pairs

def trends_and_shocks(world: World, rng: np.random.Generator) -> None:
    """Apply the trend drivers T1–T5 for one year, then this year's scheduled shocks.

    - T1 (great-power competition): the baseline hostility between the hegemon's camp (the
      strongest military and its allies by a defence or offence pact, ``CALL_TO_ARMS``) and the major powers outside it drifts by
      ``hostility_drift * (T1 - 0.5)`` a year (up above 0.5, down below;
      :func:`foedus.theory.threat.competition_pairs`), not among all great powers alike;
    - T2 (economic interdependence): trade dependence grows by ``trade_growth * (T2 - 0.5)`` a year;
    - T3 (cyber): cyber capacity of states that have some grows by ``cyber_capacity_growth * T3`` of the gap
      to 1, and vulnerability by ``cyber_vulnerability_growth * T3`` (digitisation widens the attack surface);
    - T4, T5 act inside :func:`foedus.sim.steps.politics.alliance_politics` (integration target; weight of values).
    """
    tr = world.inputs.trends
    p = world.inputs.params
    if tr.great_power_competition != 0.5:
        # the hegemon's camp against the major powers outside it (theory.threat.competition_pairs),
        # kept until the majors, the agreements or the strongest military change
        key = (world.state.major.tobytes(), world.state.agreements.version, int(np.argmax(world.state.military)))
        hit = world.cache.get("competition_pairs")
        if hit is None or hit[0] != key:
            hit = world.cache["competition_pairs"] = (key, competition_pairs(world.state.military, world.state.major, alliance_commitment(world) >= CALL_TO_ARMS, check=world.inputs.check))
        np.add(world.state.hostility_base, p.hostility_drift * (tr.great_power_competition - 0.5), out=world.state.hostility_base, where=hit[1])
        sym_clip(world.state.hostility_base)
    if tr.economic_interdependence != 0.5:
        world.state.trade_dependence *= 1.0 + p.trade_growth * (tr.economic_interdependence - 0.5)
        sym_clip(world.state.trade_dependence)
    has = world.state.cyber_capacity > 0
    if tr.cyber > 0 and has.any():
        world.state.cyber_capacity[has] += p.cyber_capacity_growth * tr.cyber * (1.0 - world.state.cyber_capacity[has])
        world.state.cyber_vulnerability[has] += p.cyber_vulnerability_growth * tr.cyber * (1.0 - world.state.cyber_vulnerability[has])
    for shock in world.inputs.shocks.get(world.state.year, ()):
        apply_shock(world, shock, rng)


def _slot_by_name(world: World, name: str) -> int:
    ag = world.state.agreements
    for a in range(ag.n - 1, -1, -1):
        if ag.names[a] == name and ag.active[a]:
            return a
    return -1


def apply_shock(world: World, s: Shock, rng: np.random.Generator) -> None:
    """Apply one scheduled shock (see :class:`foedus.sim.scenario.Shock`) and log it."""
    ag = world.state.agreements
    log = world.log
    y = world.state.year
    detail = {"shock": s.kind, "description": s.description}
    actor = world.index_of(s.actor) if s.actor is not None else -1
    target = world.index_of(s.target) if s.target is not None else -1
    log.events(y, "shock", -1, s.actor if s.actor is not None else -1, s.target if s.target is not None else -1, detail)
    if s.kind == "invasion":
        world.state.hostility[actor, target] = world.state.hostility[target, actor] = 1.0
        world.state.hostility_base[actor, target] = world.state.hostility_base[target, actor] = max(world.state.hostility_base[actor, target], world.inputs.params.invasion_hostility)
        world.state.at_war[actor, target] = world.state.at_war[target, actor] = True
        log.events(y, "war", -1, s.actor, s.target, {"cause": "scheduled invasion", "description": s.description})
        call_allies(world, rng, np.array([actor]), np.array([target]))
        exposure = world.inputs.proximity[target].copy()
        exposure[target] = 1.0
        exposure[actor] = 0.0
        world.state.crises.add("aggression", y, np.clip(exposure, 0, 1), float(world.state.power[actor] * s.intensity), s.duration, actor, target)
    elif s.kind == "leave":
        a = _slot_by_name(world, s.agreement)
        if a >= 0 and ag.members[a, actor]:
            leave(world, a, actor, {"cause": "scheduled shock", "description": s.description})
            dissolve_if_deserted(world, a, "too few members after a scheduled exit")
    elif s.kind == "join":
        a = _slot_by_name(world, s.agreement)
        if a >= 0:
            idx = np.array([world.index_of(c) for c in s.actors])
            idx = idx[~ag.members[a, idx]]
            ag.join(a, idx, y, world.state.power)
            log.events(y, "accession", ag.agreement_id[a], world.inputs.ccode[idx], -1, {"cause": "scheduled shock", "description": s.description})
    elif s.kind == "pact":
        idx = np.array([world.index_of(c) for c in s.actors])
        ob = np.array([o in s.obligations for o in OBLIGATIONS])
        kind = ("alliance", "coalition", "organisation").index(s.agreement_kind)
        a = ag.add(idx, y, kind=kind, obligations=ob, name=s.agreement, asymmetric=asymmetric(world, idx), leader=int(idx[np.argmax(world.state.power[idx])]), power=world.state.power[idx])
        log.events(y, "formation", ag.agreement_id[a], world.inputs.ccode[idx], -1, {"cause": "scheduled shock", "description": s.description})
    elif s.kind == "dissolve":
        a = _slot_by_name(world, s.agreement)
        if a >= 0:
            dissolve(world, a, {"cause": "scheduled shock", "description": s.description})
    elif s.kind == "global_threat":
        k = GLOBAL_THREATS.index(s.threat)
        exposure = world.state.exposure[:, k]
        world.state.crises.add(s.threat, y, exposure, s.intensity * world.inputs.params.shock_threat_scale, s.duration)
        world.state.global_intensity[k] += s.intensity * world.inputs.params.shock_threat_scale
    elif s.kind == "growth":
        world.state.growth[actor] = s.value
    elif s.kind == "regime_change":
        world.state.regime[actor] = s.value
    elif s.kind == "hostility":
        world.state.hostility[actor, target] = world.state.hostility[target, actor] = s.value
        world.state.hostility_base[actor, target] = world.state.hostility_base[target, actor] = s.value

