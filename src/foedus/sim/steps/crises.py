"""Step 6, crises and coalitions: crises arise, coalitions of the willing assemble, act and dissolve (brief D4)."""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.scenario import GLOBAL_THREATS
from foedus.sim.steps._common import COALITION, SECURITY, asymmetric
from foedus.sim.steps.dissolution import dissolve
from foedus.sim.world import World
from foedus.theory import integration as th_integration

def crises_and_coalitions(world: World, rng: np.random.Generator) -> None:
    """Crises arise; coalitions of the willing assemble, act and dissolve (brief D4).

    A new global-threat crisis (terrorism, proliferation, organised crime: those the scenario's
    ``crisis_threats`` allow, chosen at random) starts with probability ``crisis_rate``; it hits states unevenly (exposure times a random factor in
    ``[1 - crisis_spread, 1 + crisis_spread]``: "different intensity and timing"; intensity
    exponential with mean ``crisis_intensity``, duration geometric with ``crisis_end_rate``). For each open crisis without a coalition,
    the lead is the most capable exposed state; a state is willing when
    ``exposure * power * interoperability >= coalition_threshold * intensity``, where
    interoperability is the integration of its strongest agreement shared with the lead
    (``interoperability_floor`` without one; 1 for the lead): doctrinal convergence and interoperability (D4). Two or
    more willing states form a coalition (kind ``coalition``). Each year a coalition wears the
    crisis down by ``coalition_efficacy`` times its effectiveness, the sum over members of
    :func:`foedus.theory.integration.integration_effectiveness` of their exposed capability (gains
    with numbers and with integration). A crisis ends when its intensity is spent or its time runs out; its coalition
    dissolves then ("mission-bound").
    """
    p = world.params
    ag = world.agreements
    cr = world.crises
    y = world.year
    n = world.n
    kinds = world.crisis_threats
    if kinds and rng.random() < p.crisis_rate:
        k = kinds[int(rng.integers(len(kinds)))]
        exposure = np.clip(world.exposure[:, k] * rng.uniform(1.0 - p.crisis_spread, 1.0 + p.crisis_spread, n), 0.0, 1.0)
        intensity = float(rng.exponential(p.crisis_intensity))
        duration = int(rng.geometric(p.crisis_end_rate))
        c = cr.add(GLOBAL_THREATS[k], y, exposure, intensity, duration)
        world.global_intensity[k] += intensity
        world.log.events(y, "crisis", -1, -1, -1, {"crisis": GLOBAL_THREATS[k], "intensity": intensity, "duration": duration, "index": c})
    for c in cr.open():
        exp = cr.exposure[c]
        if cr.coalition[c] < 0 and cr.start_year[c] <= y:
            score = exp * world.power
            if cr.aggressor[c] >= 0:
                score = score * (world.hostility[:, cr.aggressor[c]] < p.lead_hostility_limit)
                score[cr.aggressor[c]] = 0.0
            lead = int(np.argmax(score))
            interop = _interoperability(world, lead)
            willing = exp * world.power * interop >= p.coalition_threshold * max(cr.intensity[c], 1e-9)
            if cr.aggressor[c] >= 0:
                willing[cr.aggressor[c]] = False
                willing &= ~world.at_war[:, lead] | (np.arange(n) == lead)
            willing[lead] = score[lead] > 0
            idx = np.flatnonzero(willing)
            if len(idx) >= 2:
                ob = np.zeros(len(OBLIGATIONS), bool)
                ob[OBLIGATIONS.index("offense" if cr.aggressor[c] >= 0 else "consultation")] = True
                a = ag.add(
                    idx, y, kind=COALITION, obligations=ob, leader=lead, crisis=c, asymmetric=asymmetric(world, idx),
                    name=f"coalition against {cr.kind[c]} ({y})", power=world.power[idx],
                )
                ag.integration[a] = float(np.mean(interop[idx]))
                cr.coalition[c] = a
                # one event per coalition (ccode: its lead), its members in the detail
                world.log.events(
                    y,
                    "formation",
                    ag.agreement_id[a],
                    world.ccode[lead],
                    -1,
                    {
                        "cause": f"coalition of the willing against {cr.kind[c]}",
                        "member_states": world.ccode[idx].tolist(),
                        "factors": {
                            "lead": int(world.ccode[lead]),
                            "crisis_intensity": cr.intensity[c],
                            "exposure": float(np.mean(exp[idx])),
                            "interoperability": float(np.mean(interop[idx])),
                        },
                    },
                )
        a = cr.coalition[c]
        if a >= 0 and ag.active[a]:
            idx = np.flatnonzero(ag.members[a])
            eff = th_integration.integration_effectiveness(ag.integration[a], world.power[idx] * exp[idx], check=world.check).sum()
            cr.intensity[c] = max(cr.intensity[c] - p.coalition_efficacy * eff, 0.0)
        cr.remaining[c] -= 1
        if cr.intensity[c] <= 1e-9 or cr.remaining[c] <= 0:
            cr.active[c] = False
            if cr.kind[c] in GLOBAL_THREATS:
                k = GLOBAL_THREATS.index(cr.kind[c])
                world.global_intensity[k] = max(world.global_intensity[k] - cr.initial[c], world.base_global[k])
            if a >= 0 and ag.active[a]:
                cause = "mission ended" if cr.intensity[c] <= 1e-9 else "crisis faded"
                dissolve(world, a, {"cause": cause, "crisis": cr.kind[c], "years": y - ag.start_year[a]})


def _interoperability(world: World, lead: int) -> np.ndarray:
    """``interoperability_floor + (1 - floor) * integration`` of each state's strongest security agreement shared with ``lead`` (the floor without one; 1 for the lead)."""
    ag = world.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    floor = world.params.interoperability_floor
    out = np.full(world.n, floor)
    if len(slots):
        shared = ag.members[slots] & ag.members[slots, lead][:, None]
        best = np.where(shared, floor + (1.0 - floor) * ag.integration[slots][:, None], 0.0).max(axis=0)
        out = np.maximum(out, best)
    out[lead] = 1.0
    return out

