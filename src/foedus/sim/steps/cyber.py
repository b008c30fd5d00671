"""Step 7, cyber: intrusions, uncertain attribution, escalation and trust-based cyber alignments (brief T3).

States and non-state actors (firms, NGOs) join and leave cyber alignments by their value and
trust; states outside every cyber alignment pair with a trusted partner.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.schema import OBLIGATIONS
from foedus.sim.steps._common import CYBER_DOMAIN, ORGANISATION, asymmetric, sym_clip
from foedus.sim.steps.dissolution import dissolve, leave
from foedus.sim.world import World
from foedus.theory import cyber as th_cyber

def cyber(world: World, rng: np.random.Generator) -> None:
    """Intrusions, uncertain attribution, escalation and trust-based cyber alignments (brief T3).

    Intrusions are rational even for defensive states (preparation, early warning): their
    probability per ordered pair is ``scale * intrusion_propensity(capacity_i,
    vulnerability_j, defensive_posture_i)`` (:func:`foedus.theory.cyber.intrusion_propensity`),
    allies included (strong allies spy on allies). ``scale`` is calibrated at the start so the
    expected count matches the DCID 2.0 rate when the scenario gives one. An intrusion is
    attributed with :func:`~foedus.theory.cyber.attribution_probability`; the victim cannot tell
    espionage from sabotage preparation, so an attributed intrusion raises its hostility to the
    intruder by ``escalation``. Trust moves with what is observed
    (:func:`~foedus.theory.cyber.trust_update`). States and non-state actors (firms, NGOs) join
    or leave cyber alignments (kind ``organisation``, domain cyber) by
    :func:`~foedus.theory.cyber.cyber_alignment_value`: sharing vulnerabilities pays only with
    trusted partners ("there are no friends, only enemies"), so a candidate also needs the
    members' mean trust in it to be at least ``cyber_trust_threshold``.
    """
    p = world.params
    n = world.n
    y = world.year
    cap = world.cyber_capacity
    if not (cap > 0).any() or world.cyber_scale <= 0:
        world.results.intrusions = np.zeros((n, n), bool)
        world.results.attributed = np.zeros((n, n), bool)
        return
    prop = th_cyber.intrusion_propensity(cap, world.cyber_vulnerability, defensive_posture(world.regime), check=world.check)
    # 2 * T3: the calibrated scale holds at T3 = 0.5
    prob = np.clip(world.cyber_scale * (2.0 * world.trends.cyber) * prop, 0.0, 1.0)
    np.fill_diagonal(prob, 0.0)
    intr = rng.random((n, n)) < prob
    i_all, j_all = np.nonzero(intr)
    attr_p = th_cyber.attribution_probability(cap[i_all], cap[j_all], check=world.check)
    hit = rng.random(len(i_all)) < attr_p
    i_idx, j_idx = i_all[hit], j_all[hit]
    attributed = np.zeros((n, n), bool)
    attributed[i_idx, j_idx] = True
    world.results.intrusions, world.results.attributed = intr, attributed
    world.trust = th_cyber.trust_update(world.trust, intr.T.astype(float), attributed.T.astype(float), recovery_rate=p.trust_recovery, check=world.check)
    fear = np.clip(world.hostility[j_idx, i_idx], 0.0, 1.0)  # the victim's prior that it prepares an attack
    escalate = rng.random(len(i_idx)) < th_cyber.escalation_probability(1.0, 1.0, fear, check=world.check)
    world.hostility[j_idx[escalate], i_idx[escalate]] += p.escalation
    sym_clip(world.hostility)
    if len(i_idx):
        allied = world.agreements.allied()
        world.log.events(
            y,
            "cyber",
            -1,
            world.ccode[i_idx],
            world.ccode[j_idx],
            [_CYBER_DETAIL[(bool(a), bool(e))] for a, e in zip(allied[i_idx, j_idx], escalate)],
        )
    _cyber_alignments(world, rng)


def defensive_posture(regime: np.ndarray) -> np.ndarray:
    """How defensive a state's cyber posture is (0.5-1) from its regime (0-1): ``0.5 + 0.5 * regime``.

    Democracies keep a more defensive posture (intrusion_propensity's ``defensive_posture``);
    also the posture at which :mod:`foedus.sim.start` calibrates the intrusion scale.
    """
    return 0.5 + 0.5 * regime


_CYBER_DETAIL = {
    (a, e): f'{{"among_allies":{str(a).lower()},"attributed":true,"escalation":{str(e).lower()}}}' for a in (False, True) for e in (False, True)
}


def _cyber_alignments(world: World, rng: np.random.Generator) -> None:
    """States and non-state actors join and leave trust-based cyber alignments, and new ones form (T3).

    For every cyber alignment ``a`` in force and every state ``i`` at once (arrays (A, N)):
    the value to i of being in a is :func:`foedus.theory.cyber.cyber_alignment_value` of the
    members' mean capacity (the benefit), i's vulnerability, the espionage risk (``espionage_risk`` if a
    member intruded into i this year), the exit risk ``max(strongest member's capacity -
    cap_i, 0)`` and i's mean trust in the members. A state with cyber capacity, whom the
    members trust on average at least ``cyber_trust_threshold`` (they expose themselves too), joins with
    probability ``consider_rate`` when the value is positive; a member leaves with
    probability ``exit_rate`` when it is negative. Non-state actors (firms, NGOs) do the same
    with their own vulnerability and capacity; their trust is ``nonstate_home_trust`` when their home
    state is a member, the home state's trust otherwise (``nonstate_trust`` without one). Every accession and exit is an
    event with its explanation, non-state actors' included; an alignment left with fewer than
    two actors dissolves.
    """
    ag = world.agreements
    y = world.year
    p = world.params
    slots = ag.in_force(domain=CYBER_DOMAIN)
    if len(slots):
        cap = world.cyber_capacity
        M = ag.members[slots]
        size = M.sum(axis=1)
        live = size > 0
        Mf = M.astype(float)
        per = 1.0 / np.maximum(size, 1)[:, None]
        trust_in = (Mf @ world.trust.T) * per  # [a, i]: i's mean trust in a's members
        trusted_by = (Mf @ world.trust) * per  # [a, i]: the members' mean trust in i
        benefit = (Mf @ cap) * per[:, 0]
        strongest = np.where(M, cap[None, :], 0.0).max(axis=1)
        espionage = p.espionage_risk * ((Mf @ world.results.intrusions.astype(float)) > 0)
        exit_risk = np.clip(strongest[:, None] - cap[None, :], 0.0, 1.0)
        value = th_cyber.cyber_alignment_value(
            np.broadcast_to(benefit[:, None], M.shape), world.cyber_vulnerability[None, :], espionage, exit_risk, trust_in, check=world.check
        )
        draw_in, draw_out = rng.random(M.shape), rng.random(M.shape)
        joining = live[:, None] & (cap > 0)[None, :] & (trusted_by >= p.cyber_trust_threshold) & ~M & (value > 0) & (draw_in < p.consider_rate)
        joining &= ag.last_exit[slots] != y
        leaving = M & (value < 0) & (draw_out < p.exit_rate) & (ag.entry_year[slots] < y)
        for kind, mask, cause in (("accession", joining, "cyber trust"), ("exit", leaving, "cyber distrust")):
            a_idx, i_idx = np.nonzero(mask)
            if not len(a_idx):
                continue
            sl = slots[a_idx]
            details = None
            if world.explain:
                val, tru = value[a_idx, i_idx].tolist(), trust_in[a_idx, i_idx].tolist()
                details = [{"cause": cause, "factors": {"value": v, "trust": t}} for v, t in zip(val, tru)]
            if kind == "accession":
                ag.join_many(sl, i_idx, y)
                world.log.events(y, kind, ag.agreement_id[sl], world.ccode[i_idx], -1, details)
            else:
                leave(world, sl, i_idx, details)
        if len(world.nonstate_ids):
            home = world.nonstate_home_index
            h = np.maximum(home, 0)
            ns_trust = np.where(home[None, :] >= 0, np.where(M[:, h], p.nonstate_home_trust, trust_in[:, h]), p.nonstate_trust)
            ns_val = th_cyber.cyber_alignment_value(
                np.broadcast_to(benefit[:, None], ns_trust.shape),
                world.nonstate_vulnerability[None, :],
                0.0,
                np.clip(strongest[:, None] - world.nonstate_capacity[None, :], 0.0, 1.0),
                ns_trust,
                check=world.check,
            )
            NS = ag.nonstate[slots]
            d_in, d_out = rng.random(NS.shape), rng.random(NS.shape)
            ns_in = live[:, None] & ~NS & (ns_val > 0) & (d_in < p.consider_rate)
            ns_out = NS & (ns_val < 0) & (d_out < p.exit_rate)
            for kind, mask, cause in (("accession", ns_in, "cyber trust"), ("exit", ns_out, "cyber distrust")):
                for r in np.flatnonzero(mask.any(axis=1)):  # the few alignments a firm or NGO joins or leaves this year
                    k = np.flatnonzero(mask[r])
                    (ag.join_nonstate if kind == "accession" else ag.leave_nonstate)(int(slots[r]), k, y)
                    _log_nonstate(world, kind, slots[r], k, cause, ns_val[r], ns_trust[r])
        # alignments left with fewer than two actors end
        actors = ag.members[slots].sum(axis=1) + ag.nonstate[slots].sum(axis=1)
        gone = slots[actors < 2]
        dissolve(world, gone, {"cause": "too few members after exits", "domain": "cyber"})
    _new_cyber_alignments(world, rng)


def _log_nonstate(world: World, kind: str, slot: int, k: np.ndarray, cause: str, value: np.ndarray, trust: np.ndarray) -> None:
    """Accessions or exits of non-state actors ``k`` (firms, NGOs, IGOs) to cyber alignment ``slot``.

    The events table names states only, so ``ccode`` is the actor's home state (empty when it
    has none) and the detail names the actor itself.
    """
    home = world.nonstate_home[k]
    world.log.events(
        world.year,
        kind,
        world.agreements.agreement_id[slot],
        np.where(home > 0, home, -1),
        -1,
        [
            {
                "cause": cause,
                "nonstate_actor": world.nonstate_ids[q],
                "actor_name": world.nonstate_names[q],
                "actor_kind": world.nonstate_kind[q],
                "factors": {"value": float(value[q]), "trust": float(trust[q])},
            }
            for q in k.tolist()
        ],
    )


def _new_cyber_alignments(world: World, rng: np.random.Generator) -> None:
    """States outside every cyber alignment form new bilateral ones with a trusted partner (T3).

    Each year a share ``consider_rate`` of the states that have cyber capacity and belong to no
    cyber alignment look for a partner among the others in the same position. The value to i
    of aligning with j is :func:`foedus.theory.cyber.cyber_alignment_value` with the benefit
    j's capacity, i's exposed vulnerability, the espionage risk ``espionage_risk`` if j intruded into i this
    year, the exit risk ``max(cap_j - cap_i, 0)`` (the stronger partner can watch, wipe or
    exfiltrate at the end) and i's trust in j. i proposes to the partner of highest value; the
    pair forms when both gain and each trusts the other at least ``cyber_trust_threshold`` (to ally is to share
    one's vulnerabilities). Others then join it (:func:`_cyber_alignments`), so cyber blocs
    can grow around a trusted core instead of being fixed by the scenario.
    """
    ag = world.agreements
    cap = world.cyber_capacity
    n = world.n
    slots = ag.in_force(domain=CYBER_DOMAIN)
    aligned = ag.members[slots].any(axis=0) if len(slots) else np.zeros(n, bool)
    free = (cap > 0) & ~aligned
    considering = free & (rng.random(n) < world.params.consider_rate)
    if considering.sum() == 0 or free.sum() < 2:
        return
    espionage = world.params.espionage_risk * world.results.intrusions.T.astype(float)  # [i, j]: j intruded into i this year
    exit_risk = np.clip(cap[None, :] - cap[:, None], 0.0, 1.0)
    value = th_cyber.cyber_alignment_value(np.broadcast_to(cap[None, :], (n, n)), world.cyber_vulnerability[:, None], espionage, exit_risk, world.trust, check=world.check)
    ok = free[:, None] & free[None, :] & (world.trust >= world.params.cyber_trust_threshold) & (world.trust.T >= world.params.cyber_trust_threshold) & (value > 0) & (value.T > 0)
    np.fill_diagonal(ok, False)
    score = np.where(ok, value, -np.inf)
    first, second = _greedy_pairs(score, np.flatnonzero(considering))
    if not len(first):
        return
    pairs = np.stack([first, second], axis=1)
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index("consultation")] = True
    for i, j in pairs.tolist():  # a few a year
        pair = np.array([i, j])
        a = ag.add(
            pair, world.year, kind=ORGANISATION, domain=CYBER_DOMAIN, obligations=ob, asymmetric=asymmetric(world, pair),
            leader=int(pair[np.argmax(cap[pair])]), name=f"cyber alignment {world.abb[i]}-{world.abb[j]} ({world.year})", power=world.power[pair],
        )
        world.log.events(
            world.year,
            "formation",
            ag.agreement_id[a],
            world.ccode[i],
            world.ccode[j],
            {
                "cause": "cyber trust",
                "domain": "cyber",
                "factors": {
                    "value": float(value[i, j]),
                    "partner_value": float(value[j, i]),
                    "trust": float(world.trust[i, j]),
                    "partner_trust": float(world.trust[j, i]),
                    "capacity": float(cap[i]),
                    "partner_capacity": float(cap[j]),
                },
            },
        )


def _greedy_pairs(score: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs formed greedily: each state of ``order`` in turn, if still free, takes its best free partner.

    ``score[i, j]`` is i's value of j (``-inf``: not acceptable); a state is in one pair at
    most. Returns the proposers and their partners, in the order they paired.
    """
    first = np.empty(len(order), np.int64)
    second = np.empty(len(order), np.int64)
    k = _greedy_kernel(np.ascontiguousarray(score), np.ascontiguousarray(order, dtype=np.int64), first, second)
    return first[:k], second[:k]


@njit(cache=True)
def _greedy_kernel(score, order, first, second):  # pragma: no cover (compiled)
    n = score.shape[0]
    taken = np.zeros(n, np.bool_)
    k = 0
    for q in range(order.shape[0]):
        i = order[q]
        if taken[i]:
            continue
        best = -np.inf
        j_best = -1
        for j in range(n):
            if not taken[j] and score[i, j] > best:
                best = score[i, j]
                j_best = j
        if j_best < 0:
            continue
        taken[i] = True
        taken[j_best] = True
        first[k] = i
        second[k] = j_best
        k += 1
    return k

