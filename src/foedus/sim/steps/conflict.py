"""Step 8, conflict and commitments: disputes, wars, and whether allies honour their commitments (T2, P5).

:func:`call_allies` is also how a scheduled invasion (:mod:`foedus.sim.steps.trends`) calls
the victim's allies.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps._common import COALITION, ORGANISATION, SECURITY
from foedus.sim.membership import pair_max
from foedus.sim.world import World
from foedus.theory import cohesion as th_cohesion

_DISPUTE_DETAIL = {w: f'{{"escalated_to_war":{str(w).lower()}}}' for w in (False, True)}
def conflict_and_commitments(world: World, rng: np.random.Generator) -> None:
    """Disputes, wars, and whether allies honour their commitments (T2, P5).

    A militarised dispute between i and j (not allied) starts with probability
    ``dispute_rate * hostility_ij * proximity_ij`` (opportunity and willingness), times
    ``1 - cohesion * (1 - T1)`` when both belong to a collective-security organisation (brief A2,
    D3: multilateral institutions manage their members' disputes, less so under great-power
    competition, so that alliances matter more when institutions work less); a share
    ``war_share`` (scaled by hostility) escalates to war. When j is attacked, each ally of j
    with a commitment decides whether to honour it with
    :func:`foedus.theory.cohesion.honour_probability` of the commitment, its trade dependence
    on the attacker (T2: weaponised interdependence) and the alliance's cohesion. An ally that
    fails lowers its alliance's cohesion (``betrayal``) and j's trust in it; an ally that
    honours joins the war. Hostility decays towards its baseline; wars end with probability
    ``war_end_rate`` a year.
    """
    p = world.params
    # hostility relaxes towards its baseline
    world.hostility += p.hostility_decay * (world.hostility_base - world.hostility)
    if p.dispute_rate > 0:
        _disputes(world, rng)
    # wars end
    if world.at_war.any():
        wi, wj = np.nonzero(world.at_war)
        wi, wj = wi[wi < wj], wj[wi < wj]
        stop = rng.random(len(wi)) < p.war_end_rate
        world.at_war[wi[stop], wj[stop]] = world.at_war[wj[stop], wi[stop]] = False


def _disputes(world: World, rng: np.random.Generator) -> None:
    """This year's militarised disputes and wars, and the allies called upon (see :func:`conflict_and_commitments`)."""
    p = world.params
    n = world.n
    y = world.year
    ag = world.agreements
    allied = ag.allied()
    prob = p.dispute_rate * world.hostility * world.proximity
    orgs = ag.in_force(kind=ORGANISATION, domain=SECURITY)
    if len(orgs):
        # D3: a collective-security organisation manages disputes among its own members;
        # great-power competition (T1) erodes that restraint
        restraint = pair_max(ag.members[orgs], ag.cohesion[orgs] * (1.0 - world.trends.great_power_competition), world.n)
        prob = prob * (1.0 - restraint)
    disp = rng.random((n, n)) < prob
    i_idx, j_idx = np.nonzero(disp)
    # one draw per unordered pair (the upper triangle), never between allies
    keep = (i_idx < j_idx) & ~allied[i_idx, j_idx]
    i_idx, j_idx = i_idx[keep], j_idx[keep]
    if len(i_idx):
        swap = rng.random(len(i_idx)) < p.initiator_swap
        init = np.where(swap, j_idx, i_idx)
        targ = np.where(swap, i_idx, j_idx)
        war = rng.random(len(init)) < p.war_share * world.hostility[init, targ] * p.war_factor
        world.hostility[init, targ] = np.minimum(world.hostility[init, targ] + p.dispute_hostility, 1.0)
        world.hostility[targ, init] = world.hostility[init, targ]
        world.log.events(y, "dispute", -1, world.ccode[init], world.ccode[targ], [_DISPUTE_DETAIL[bool(w)] for w in war])
        if war.any():
            wi, wt = init[war], targ[war]
            world.at_war[wi, wt] = world.at_war[wt, wi] = True
            world.hostility[wi, wt] = world.hostility[wt, wi] = np.minimum(world.hostility[wi, wt] + p.war_hostility, 1.0)
            world.log.events(y, "war", -1, world.ccode[wi], world.ccode[wt], {"cause": "escalated dispute"})
            call_allies(world, rng, wi, wt)


def call_allies(world: World, rng: np.random.Generator, attackers: np.ndarray, targets: np.ndarray) -> None:
    """Allies of each attacked state decide whether to honour their commitments (T2, P5).

    An ally that honours joins the war, its hostility to the attacker at least
    ``honour_hostility``; one that fails adds ``betrayal_penalty`` to its alliance's betrayal and
    the attacked state's trust in it is multiplied by ``betrayal_trust``.
    """
    p = world.params
    ag = world.agreements
    y = world.year
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    slots = slots[ag.commitment[slots] > 0]
    if not len(slots):
        return
    m = ag.members[slots]
    for att, tgt in zip(attackers, targets):
        rel = m[:, tgt] & ~m[:, att]
        if not rel.any():
            continue
        sl = slots[rel]
        strength = ag.commitment[sl][:, None] * m[rel]
        best = strength.argmax(axis=0)
        commit = strength.max(axis=0)
        commit[[tgt, att]] = 0.0
        allies = np.flatnonzero(commit > 0)
        if not len(allies):
            continue
        a_of = sl[best[allies]]
        coh = ag.cohesion[a_of]
        inter = world.trade_dependence[allies, att]
        ph = th_cohesion.honour_probability(
            commit[allies], inter, coh, democratic=(world.regime[allies] >= 0.5).astype(float), major_power=world.major[allies].astype(float), check=world.check
        )
        honoured = rng.random(len(allies)) < ph
        world.log.events(
            y,
            "commitment",
            ag.agreement_id[a_of],
            world.ccode[allies],
            world.ccode[att],
            [
                {
                    "honoured": bool(h),
                    "ally_of": int(world.ccode[tgt]),
                    "probability": float(pr),
                    "factors": {"commitment": float(c), "interdependence_with_adversary": float(x), "cohesion": float(q)},
                }
                for h, pr, c, x, q in zip(honoured, ph, commit[allies], inter, coh)
            ],
        )
        hon = allies[honoured]
        world.at_war[hon, att] = world.at_war[att, hon] = True
        world.hostility[hon, att] = world.hostility[att, hon] = np.maximum(world.hostility[hon, att], p.honour_hostility)
        bad = allies[~honoured]
        if len(bad):
            ag.betrayal[a_of[~honoured]] = np.minimum(ag.betrayal[a_of[~honoured]] + p.betrayal_penalty, 1.0)
            world.trust[tgt, bad] *= p.betrayal_trust

