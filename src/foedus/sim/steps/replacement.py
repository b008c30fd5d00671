"""Treaties replaced: a pair bound by a bilateral pact writes a new treaty in place of it (after step 5, the politics).

Each bilateral security pact in force since an earlier year, not made for a war, is replaced this year with the
probability of :func:`foedus.theory.replacement.replacement_probability` (Leeds & Savun 2007: renegotiation and
replacement are a way alliances end; Koremenos 2005, Mattes 2012: a term's end is when states re-contract): the old
treaty ends ("dissolution", cause "replaced by a new treaty") and the same two states sign a new one with its
obligations, conditions, institutions, integration and leader, and a term of the old one's renewal length (none if it
had none), as ATOP codes a renewal written as a new treaty or a replacement (a new alliance, the old one ended).
The new treaty's founding threat and cohesion at signature are measured afresh, as any new pact's. Both events carry the
factors (the probability, defence, a term's end within a year, the years the old treaty was in force).

Off unless ``replacement_base_rate`` > 0 (:class:`foedus.sim.parameters.Parameters`): then nothing is drawn. On at the
in-sample estimate, one run of each era (seed 1) replaced 3 pacts in 1816-1914, 15 in 1946-1989 (8 at a term's end) and 26
in 1990-2018, against the record's 3, 31 (22) and 62: the simulated pacts reach a stated term's end less often than the
record's (those formed in a run draw their term from the era's practice, many with none).
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.steps._common import ALLIANCE, SECURITY
from foedus.sim.steps.dissolution import dissolve
from foedus.sim.world import World
from foedus.theory.replacement import replacement_probability, term_end_near

__all__ = ["replaceable_pacts", "treaty_replacement"]

_DEFENCE = OBLIGATIONS.index("defense")


def replaceable_pacts(world: World) -> np.ndarray:
    """Slots of the bilateral security alliances in force since before this year and not made for a war (term -inf)."""
    ag = world.state.agreements
    slots = ag.in_force(kind=ALLIANCE, domain=SECURITY)
    if not len(slots):
        return slots
    keep = (ag.members[slots].sum(axis=1) == 2) & (ag.start_year[slots] < world.state.year) & ~np.isneginf(ag.term_end[slots])
    return slots[keep]


def treaty_replacement(world: World, rng: np.random.Generator) -> None:
    """Replace bilateral pacts by new treaties of the same pair (module docstring); one draw per pact at risk, in slot order."""
    prm = world.inputs.params
    if prm.replacement_base_rate <= 0:
        return
    ag = world.state.agreements
    y = world.state.year
    old = replaceable_pacts(world)
    if not len(old):
        return
    defence = ag.obligations[old, _DEFENCE]
    near = term_end_near(ag.term_end[old], ag.renewal_years[old], ag.start_year[old], float(y))
    p = replacement_probability(defence, near, base_rate=prm.replacement_base_rate, defence_ratio=prm.replacement_defence_ratio,
                                term_end_ratio=prm.replacement_term_end_ratio)
    hit = rng.random(len(old)) < p
    if not hit.any():
        return
    old, p, defence, near = old[hit], p[hit], defence[hit], near[hit]
    pairs = np.stack([np.flatnonzero(ag.members[s]) for s in old])
    years = (y - ag.start_year[old]).tolist()
    factors = [{"replacement_probability": float(q), "defence": bool(d), "term_end_near": bool(t), "years_in_force": int(n)}
               for q, d, t, n in zip(p.tolist(), defence.tolist(), near.tolist(), years)]
    old_ids = ag.agreement_id[old].tolist()
    keep = {name: getattr(ag, name)[old].copy() for name in ("conditional", "institutionalised", "integration", "commitment", "admits",
                                                               "war_conditions", "adversary", "adversary_second", "renewal_years",
                                                               "automatic_renewal")}
    ob, asym, lead, motives = ag.obligations[old].copy(), ag.asymmetric[old].copy(), ag.leader[old].copy(), ag.motives[old].copy()
    dissolve(world, old, [{"cause": "replaced by a new treaty", "factors": f} for f in factors] if world.inputs.explain else None)
    new = ag.add_pairs(pairs, y, kind=ALLIANCE, obligations=ob, asymmetric=asym, leader=lead, motives=motives, power=world.state.power[pairs])
    for name, v in keep.items():
        getattr(ag, name)[new] = v
    term = keep["renewal_years"]
    ag.term_end[new] = np.where(np.isfinite(term) & (term > 0), y + np.nan_to_num(term), np.inf)
    details = None
    if world.inputs.explain:
        names = np.array(OBLIGATIONS)
        details = [{"cause": "replaces a treaty of the same pair", "replaces": int(a), "obligations": names[o].tolist(), "factors": f}
                   for a, o, f in zip(old_ids, ob, factors)]
    code = world.inputs.ccode
    world.log.events(y, "formation", ag.agreement_id[new], code[pairs[:, 0]], code[pairs[:, 1]], details)
