"""Step 8, conflict and commitments: disputes, wars, and whether allies honour their commitments (T2, P5).

:func:`call_allies` is also how a scheduled invasion (:mod:`foedus.sim.steps.trends`) calls
the victim's allies.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.membership import pair_max
from foedus.sim.steps._common import COALITION, ORGANISATION, SECURITY
from foedus.sim.world import World
from foedus.theory import cohesion as th_cohesion
from foedus.theory import war as th_war

_DEF, _OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")
_DISPUTE_DETAIL = {w: f'{{"escalated_to_war":{str(w).lower()}}}' for w in (False, True)}


def conflict_and_commitments(world: World, rng: np.random.Generator) -> None:
    """Disputes, wars, and whether allies honour their commitments (T2, P5).

    A militarised dispute between i and j (not allied) starts with probability
    :func:`foedus.theory.war.dispute_probability` (``dispute_rate * hostility_ij * proximity_ij``:
    opportunity and willingness), times ``1 - restraint`` when both belong to a
    collective-security organisation (:func:`foedus.theory.war.institutional_restraint`,
    ``cohesion * (1 - T1)``; brief A2, D3: multilateral institutions manage their members'
    disputes, less so under great-power competition); it escalates to war with
    :func:`foedus.theory.war.escalation_probability` (``war_share * hostility * war_factor``).
    The allies a war calls (defence and offence obligations only) answer as
    :func:`call_allies` says. Hostility decays towards its baseline; a war ends with probability
    ``war_end_rate`` a year from the year after it began (a war begun this year, by a dispute
    or a scheduled invasion, runs into the next).
    """
    p = world.params
    # hostility relaxes towards its baseline
    world.hostility += p.hostility_decay * (world.hostility_base - world.hostility)
    if p.dispute_rate > 0:
        _disputes(world, rng)
    # wars end, but not in the year they began (a war begun this year runs into the next)
    if world.at_war.any() and world.at_war_last_year.shape == world.at_war.shape:
        wi, wj = np.nonzero(world.at_war & world.at_war_last_year)
        wi, wj = wi[wi < wj], wj[wi < wj]
        stop = rng.random(len(wi)) < p.war_end_rate
        world.at_war[wi[stop], wj[stop]] = world.at_war[wj[stop], wi[stop]] = False
    world.at_war_last_year = world.at_war.copy()


def _disputes(world: World, rng: np.random.Generator) -> None:
    """This year's militarised disputes and wars, and the allies called upon (see :func:`conflict_and_commitments`)."""
    p = world.params
    n = world.n
    y = world.year
    ag = world.agreements
    allied = ag.allied()
    orgs = ag.in_force(kind=ORGANISATION, domain=SECURITY)
    restraint = 0.0
    if len(orgs):
        # D3: a collective-security organisation manages disputes among its own members;
        # great-power competition (T1) erodes that restraint
        per_org = th_war.institutional_restraint(ag.cohesion[orgs], world.trends.great_power_competition, check=world.check)
        restraint = pair_max(ag.members[orgs], per_org, world.n)
    prob = th_war.dispute_probability(p.dispute_rate, world.hostility, world.proximity, restraint, check=world.check)
    disp = rng.random((n, n)) < prob
    i_idx, j_idx = np.nonzero(disp)
    # one draw per unordered pair (the upper triangle), never between allies
    keep = (i_idx < j_idx) & ~allied[i_idx, j_idx]
    i_idx, j_idx = i_idx[keep], j_idx[keep]
    if len(i_idx):
        swap = rng.random(len(i_idx)) < p.initiator_swap
        init = np.where(swap, j_idx, i_idx)
        targ = np.where(swap, i_idx, j_idx)
        h_before = world.hostility[init, targ].copy()
        escalation = th_war.escalation_probability(p.war_share, h_before, p.war_factor, check=world.check)
        war = rng.random(len(init)) < escalation
        world.hostility[init, targ] = np.minimum(world.hostility[init, targ] + p.dispute_hostility, 1.0)
        world.hostility[targ, init] = world.hostility[init, targ]
        world.log.events(y, "dispute", -1, world.ccode[init], world.ccode[targ], [_DISPUTE_DETAIL[bool(w)] for w in war])
        if war.any():
            wi, wt = init[war], targ[war]
            world.at_war[wi, wt] = world.at_war[wt, wi] = True
            world.hostility[wi, wt] = world.hostility[wt, wi] = np.minimum(world.hostility[wi, wt] + p.war_hostility, 1.0)
            pd = prob[wi, wt]
            world.log.events(
                y, "war", -1, world.ccode[wi], world.ccode[wt],
                [
                    {"cause": "escalated dispute", "factors": {"hostility": float(h), "proximity": float(x), "dispute_probability": float(q), "escalation_probability": float(e)}}
                    for h, x, q, e in zip(h_before[war], world.proximity[wi, wt], pd, escalation[war])
                ],
            )
            call_allies(world, rng, wi, wt)


def call_allies(world: World, rng: np.random.Generator, attackers: np.ndarray, targets: np.ndarray) -> None:
    """Allies called to each war by a defence or offence obligation decide whether to honour it (P5, T2).

    Who is called, to which side and through which pact is
    :func:`foedus.theory.war.casus_foederis` (ATOP: a defence pact of the attacked state calls its
    other members to its side, an offence pact of the attacker calls its other members to the
    attacker's; neutrality, non-aggression and consultation call nobody; coalitions, whose
    mission is a crisis, are not called). Each decides with
    :func:`foedus.theory.cohesion.honour_probability` of its war commitment
    (:func:`foedus.theory.war.war_commitment`, a conditional pact's conditions met: the call is
    the casus foederis, and Leeds, Long & Mitchell's (2000) three quarters honoured are of the
    commitments whose conditions held), its trade dependence on the state it would fight
    (T2), the pact's cohesion, its regime and major-power status. An ally that honours joins the
    war against that state, its hostility to it at least ``honour_hostility``; one that fails
    adds ``betrayal_penalty`` to its pact's betrayal and the state it was bound to multiplies its
    trust in it by ``betrayal_trust``.
    """
    ag = world.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    if not len(slots):
        return
    war_slots = slots[ag.obligations[slots][:, [_DEF, _OFF]].any(axis=1)]
    if not len(war_slots):
        return
    # a call is the casus foederis arisen, so a conditional pact's conditions count as met: it
    # calls and binds as its unconditional form (Leeds, Long & Mitchell 2000 count honouring only
    # where the conditions hold; the conditional discount is what a promise is worth beforehand)
    m, ob = ag.members[war_slots], ag.obligations[war_slots]
    for att, tgt in zip(attackers, targets):
        commit, pact, side = th_war.casus_foederis(m, ob, int(att), int(tgt))
        allies = np.flatnonzero(commit > 0)
        if len(allies):
            _answer_call(world, rng, allies, commit[allies], war_slots[pact[allies]], side[allies], int(att), int(tgt))


def _answer_call(world: World, rng: np.random.Generator, allies, commit, a_of, side, att: int, tgt: int) -> None:
    """The called ``allies`` (bound to ``side`` through agreements ``a_of``) honour or fail (see :func:`call_allies`)."""
    p = world.params
    ag = world.agreements
    enemy = np.where(side == tgt, att, tgt)
    coh = ag.cohesion[a_of]
    inter = world.trade_dependence[allies, enemy]
    dem = (world.regime[allies] >= 0.5).astype(float)
    major = world.major[allies].astype(float)
    ph = th_cohesion.honour_probability(commit, inter, coh, democratic=dem, major_power=major, base_rate=p.honour_base_rate, check=world.check)
    honoured = rng.random(len(allies)) < ph
    world.log.events(
        world.year,
        "commitment",
        ag.agreement_id[a_of],
        world.ccode[allies],
        world.ccode[enemy],
        [
            {
                "honoured": bool(h),
                "ally_of": int(world.ccode[s]),
                "obligation": "defense" if s == tgt else "offense",
                "probability": float(pr),
                "factors": {
                    "commitment": float(c), "interdependence_with_adversary": float(x), "cohesion": float(q),
                    "democratic": float(d), "major_power": float(mj),
                },
            }
            for h, s, pr, c, x, q, d, mj in zip(honoured, side, ph, commit, inter, coh, dem, major)
        ],
    )
    hon, foe = allies[honoured], enemy[honoured]
    world.at_war[hon, foe] = world.at_war[foe, hon] = True
    world.hostility[hon, foe] = world.hostility[foe, hon] = np.maximum(world.hostility[hon, foe], p.honour_hostility)
    if (~honoured).any():
        bad, bad_a = allies[~honoured], a_of[~honoured]
        ag.betrayal[bad_a] = np.minimum(ag.betrayal[bad_a] + p.betrayal_penalty, 1.0)  # one penalty per pact and call
        world.trust[side[~honoured], bad] *= p.betrayal_trust
