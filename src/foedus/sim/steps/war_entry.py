"""Entries into wars under way, beside the call to arms (:func:`foedus.sim.steps.conflict.call_allies`): the routes a state takes
into a war it was not called to, and the helpers every entry shares (brief P5).

- :func:`warring_partners`: an ally of a belligerent joins beside it, uncalled (the warring alliance partner, Siverson & Starr
  1990, 1991; Snyder 1984's shared adversary; route ``warring ally``);
- :func:`opportunists`: a strategic rival of a belligerent, bound by no pact to it, enters against it (Schweller 1994; route
  ``opportunistic``);
- :func:`collective_security`: the members of a coalition the Security Council mandated against the attacker (Claude 1962;
  route ``collective security``).

Every route, and the call to arms, is held back by :func:`nuclear_restraint`: a nuclear-armed state does not enter a war
against a nuclear-armed belligerent (Jervis 1989; :func:`foedus.theory.joining.nuclear_entry_restraint`).
Each entry is a ``war_entry`` event naming its war and the factors that moved it. Split from :mod:`foedus.sim.steps.conflict`
(2026-12, joiners8) to keep that module under the house limit; the functions are unchanged but for their names.
"""

from __future__ import annotations

import numpy as np

from foedus.data.nuclear import nuclear_armed
from foedus.schema import OBLIGATIONS
from foedus.sim.membership import pair_max
from foedus.sim.steps import conflict_kernels as kern
from foedus.sim.steps import war_entry_kernels as wkern
from foedus.sim.steps import year_goods
from foedus.sim.steps._common import COALITION, SECURITY
from foedus.sim.steps.neutrality import permanently_neutral
from foedus.sim.world import World
from foedus.theory import joining as th_join
from foedus.theory import war_onset as th_onset
from foedus.theory import wartime as th_wt
from foedus.theory.war_restraint import great_power_odds_factor as gp_odds

__all__ = ["age_decay", "collective_security", "enter", "nuclear_restraint", "opportunists", "reach_of", "war_key", "war_pact_pairs", "warring_partners", "year_reach"]

_DEF, _OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")


def war_pact_pairs(world: World) -> np.ndarray:
    """(N, N) bool: the pairs sharing a defence or offence pact in force (a security agreement other than a coalition).

    The ties along which a war spreads to a warring alliance partner (:func:`warring_partners`). Cached until the agreements change.
    """
    ag = world.state.agreements
    hit = world.cache.get("war_pact_pairs")
    if hit is not None and hit[0] == ag.version and hit[1].shape == (world.n, world.n):
        return hit[1]
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    slots = slots[ag.obligations[slots][:, [_DEF, _OFF]].any(axis=1)]
    out = pair_max(ag.members[slots], np.ones(len(slots)), world.n) > 0 if len(slots) else np.zeros((world.n, world.n), bool)
    world.cache["war_pact_pairs"] = (ag.version, out)
    return out


def covering_slots(world: World, enemy: int) -> np.ndarray:
    """The defence and offence pacts in force (not coalitions) whose written obligations reach a war against ``enemy``
    (:func:`foedus.theory.joining.pledge_covers`: a pact written against named adversaries reaches no other; Leeds, Long &
    Mitchell 2000); the adversaries are those its text names, else, for a pact formed in the run, the threat it was formed against."""
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    ob = ag.obligations[slots]
    slots, ob = slots[ob[:, [_DEF, _OFF]].any(axis=1)], ob[ob[:, [_DEF, _OFF]].any(axis=1)]
    adv = np.stack([ag.adversary[slots], ag.adversary_second[slots], ag.target[slots]], axis=1)
    return slots[th_join.pledge_covers(ob[:, _DEF], ob[:, _OFF], ag.war_conditions[slots], adv, int(enemy))]


def partner_pacts(world: World, war: dict) -> np.ndarray:
    """(N, N) bool, read by the warring partners' screen at the columns of ``war``'s attacker and target only: a state shares with
    the attacker a pact reaching a war against the target, with the target one reaching a war against the attacker
    (:func:`covering_slots`)."""
    return _partner_pacts(world, war)[0]


def _partner_pacts(world: World, war: dict) -> tuple[np.ndarray, bool]:
    """:func:`partner_pacts` and whether any column holds a pact (none: no state can join by this route).

    Compiled (:func:`foedus.sim.steps.war_entry_kernels.partner_pacts_fill`, :func:`covering_slots`' rule to the bit): once a
    war and year, it called :func:`covering_slots` twice (issue 16)."""
    out = np.zeros((world.n, world.n), bool)
    ag = world.state.agreements
    written = wkern.partner_pacts_fill(ag.members, ag.in_force(domain=SECURITY, not_kind=COALITION), ag.obligations, ag.war_conditions, ag.adversary,
                                       ag.adversary_second, ag.target, _DEF, _OFF, int(war["attacker"]), int(war["target"]), out)
    return out, bool(written)


def year_reach(world: World, columns) -> np.ndarray:
    """(N, N): :func:`foedus.theory.war_onset.reach` of every state i to state j, ``reach(cinc[i], distance[i, j])``, valid in ``columns``.

    The year's matrix, filled column by column as the wars ask (issue 16: the reach was evaluated again for each war and
    route, some 10,000 times over 200 years of 200 states; a whole matrix a year cost more than the few columns a year of
    world-2022 asks). A column once computed is kept while the year, the capability shares (to the bit), the distances and
    ``miles_per_day`` are the same; elementwise, the same numbers as the pairs asked one by one. Only ``columns`` (and those
    asked earlier in the year) are valid: the others are 0.
    """
    s, p = world.state, world.inputs.params
    n = len(s.cinc)
    hit = world.cache.get("war_entry_reach")
    if hit is None or not (hit[0] == s.year and hit[1] is world.inputs.distance_km and hit[2] == p.miles_per_day and hit[3] == s.cinc.tobytes()):
        hit = (s.year, world.inputs.distance_km, p.miles_per_day, s.cinc.tobytes(), np.zeros((n, n)), np.zeros(n, bool))
        world.cache["war_entry_reach"] = hit
    out, have = hit[4], hit[5]
    cols = np.asarray(columns, dtype=np.intp).reshape(-1)
    if not np.logical_and.reduce(have[cols]):  # (most asks find their columns: nothing more then)
        need = np.zeros(n, bool)
        need[cols] = True
        miss = np.flatnonzero(need & ~have)  # the missing columns once each, in order (np.unique's)
        out[:, miss] = th_onset.reach(np.broadcast_to(s.cinc[:, None], (n, len(miss))), world.inputs.distance_km[:, miss], miles_per_day=p.miles_per_day, check=world.inputs.check)
        have[miss] = True
    return out


def reach_of(world: World, who: np.ndarray, enemy: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.war_onset.reach` of states ``who`` to states ``enemy`` (broadcast): their capability share over the distance (:func:`year_reach`)."""
    return year_reach(world, enemy)[who, enemy]


def enter(world: World, war: dict, entrants: np.ndarray, enemies: np.ndarray, sides: np.ndarray) -> None:
    """``entrants`` enter ``war`` on ``sides`` (1 or 2) against ``enemies``: at war with them, hostility at least ``honour_hostility``."""
    world.state.at_war[entrants, enemies] = world.state.at_war[enemies, entrants] = True
    h = world.inputs.params.honour_hostility
    world.state.hostility[entrants, enemies] = world.state.hostility[enemies, entrants] = np.maximum(world.state.hostility[entrants, enemies], h)
    for e, s in zip(entrants.tolist(), sides.tolist()):
        war["side"][e] = s


def nuclear_restraint(world: World, war: dict, who: np.ndarray, sides: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The nuclear restraint on states ``who`` entering ``war`` on ``sides`` (1 or 2): (factor on the entry probability, joint).

    :func:`foedus.theory.joining.nuclear_entry_restraint` (Jervis 1989) at ``nuclear_entry_restraint``: ``joint`` where the
    state and a belligerent of the other side (as the war stands) both hold nuclear weapons this year
    (:func:`foedus.data.nuclear.nuclear_armed`). Every route into a war multiplies its probability by the factor and names
    ``nuclear_restraint`` in its factors where ``joint``.
    """
    nu = _nuclear_armed(world)
    if not nu[who].any():  # no entrant holds the bomb: no joint case, a factor 1 for each (nuclear_entry_restraint's np.where)
        return np.ones(len(who)), np.zeros(len(who), bool)
    members, msides = kern.war_sides(war)
    held = np.zeros(3, bool)
    held[msides[nu[members]]] = True  # held[s]: side s (1 or 2) holds a nuclear-armed belligerent
    sides = np.asarray(sides, dtype=np.intp)
    foe = held[3 - sides]  # the other side of side s is 3 - s
    joint = nu[who] & foe
    return th_join.nuclear_entry_restraint(nu[who], foe, world.inputs.params.nuclear_entry_restraint), joint


def _nuclear_armed(world: World) -> np.ndarray:
    """:func:`foedus.data.nuclear.nuclear_armed` of the world's states this year (kept while the year and ``world.inputs.ccode`` are the same)."""
    hit = world.cache.get("nuclear_entry")
    if hit is not None and hit[0] == world.state.year and hit[1] is world.inputs.ccode:
        return hit[2]
    nu = nuclear_armed(world.inputs.ccode, world.state.year)
    world.cache["nuclear_entry"] = (world.state.year, world.inputs.ccode, nu)
    return nu


def _compiled_restraint(world: World) -> tuple | None:
    """The arguments of :func:`foedus.sim.steps.war_entry_kernels.entry_restraint` other than the entrants: (nuclear-armed,
    ``1 - nuclear_entry_restraint``, majors, :func:`foedus.theory.war_restraint.great_power_odds_factor`'s ``e^b``); None where
    ``nuclear_entry_restraint`` is outside [0, 1] (the theory function must say why)."""
    p = world.inputs.params
    if not 0.0 <= p.nuclear_entry_restraint <= 1.0:
        return None
    return _nuclear_armed(world), 1.0 - p.nuclear_entry_restraint, np.ascontiguousarray(world.state.major, dtype=bool), float(np.exp(p.war_onset_joint_major))


def _restraint_factors(factor: float, joint: bool) -> dict:
    """The ``nuclear_restraint`` term of an entry's factors where it moved the decision (both sides nuclear-armed)."""
    return {"nuclear_restraint": float(factor)} if joint else {}


def _aimed_at(world: World, cand: np.ndarray, partner: np.ndarray, enemy: np.ndarray, beside_attacker=None) -> np.ndarray:
    """(K,) bool: candidate ``cand[k]`` shares with ``partner[k]`` a defence or offence pact in force (not a coalition) that names
    ``enemy[k]`` as its adversary (ATOP ``statthr1``, ``statthr2``) or was formed against it (``target``); beside an attacker
    (``beside_attacker[k]``) only an offence pact counts: a pledge of defence against the enemy does not cover the partner's
    own attack on it (Leeds, Long & Mitchell 2000; the review of honour17: Snyder 1984's entrapment is exactly an ally dragged
    into its partner's war against their common adversary)."""
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    slots = slots[ag.obligations[slots][:, [_DEF, _OFF]].any(axis=1)]
    if not len(slots) or not len(cand):
        return np.zeros(len(cand), bool)
    both = ag.members[slots][:, cand] & ag.members[slots][:, partner]  # (S, K)
    e = enemy[None, :]
    named = (ag.adversary[slots][:, None] == e) | (ag.adversary_second[slots][:, None] == e) | (ag.target[slots][:, None] == e)
    if beside_attacker is not None:
        named &= ag.obligations[slots][:, _OFF][:, None] | ~np.asarray(beside_attacker, dtype=bool)[None, :]
    return (both & named).any(axis=0)


def _offence_pledged(world: World, cand: np.ndarray, partner: np.ndarray, enemy: int) -> np.ndarray:
    """(K,) bool: candidate ``cand[k]`` shares with ``partner[k]`` a pact in force (a security agreement, not a coalition) whose
    offence obligation reaches a war against ``enemy`` (:func:`foedus.theory.joining.pledge_covers` with no defence obligation:
    a pact written against named adversaries reaches no other; Leeds, Long & Mitchell 2000). The ally's pledge to attack beside
    its partner, by which its portfolio stake moves it into the partner's attack (:func:`foedus.theory.joining.aggression_stake`)."""
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    slots = slots[ag.obligations[slots][:, _OFF]]
    if not len(slots) or not len(cand):
        return np.zeros(len(cand), bool)
    adv = np.stack([ag.adversary[slots], ag.adversary_second[slots], ag.target[slots]], axis=1)
    n = len(slots)
    slots = slots[th_join.pledge_covers(np.zeros(n, bool), np.ones(n, bool), ag.war_conditions[slots], adv, int(enemy))]
    if not len(slots):
        return np.zeros(len(cand), bool)
    return (ag.members[slots][:, cand] & ag.members[slots][:, partner]).any(axis=0)


def age_decay(world: World, war: dict) -> tuple[float, dict]:
    """The factor on an uncalled entry into ``war`` this year by the war's age, and the factors naming it where it moved the decision.

    :func:`foedus.theory.joining.entry_age_decay` at ``entry_age_decay_rate`` of the war's age (this year less its first year)
    past ``entry_age_decay_grace``:
    the decision to enter is taken at the outbreak (Yamamoto & Bremer 1980). The session-20 audit read joiners arriving 5-9 years
    after their war began in record-built runs (Arab League members joining Jordan's 1994 attack on Israel over 1995-2003); the
    record's joiners nearly all enter in a war's first two years (tools/entry_lags.py). 1 (and no factors) within the grace
    or at rate 0, the default (attack21: at the record's rate foedus validate lost facts against main; see the parameter).
    """
    age = int(world.state.year) - int(war["start"])
    p = world.inputs.params
    if age <= p.entry_age_decay_grace or p.entry_age_decay_rate == 0.0:
        return 1.0, {}
    f = float(th_join.entry_age_decay(float(age), float(p.entry_age_decay_rate), float(p.entry_age_decay_grace), check=world.inputs.check))
    return f, {"war_age": age, "age_decay": f}


def war_key(world: World, war: dict) -> list[int]:
    """The war as its events name it: [first year, attacker's COW code, target's COW code]."""
    return [int(war["start"]), int(world.inputs.ccode[war["attacker"]]), int(world.inputs.ccode[war["target"]])]


def collective_security(world: World, rng: np.random.Generator, war: dict) -> None:
    """The members of the mandated coalition against ``war``'s attacker answer once, the first year it stands (see :func:`foedus.sim.steps.mandates.mandates`).

    Each member not yet in the war enters it on the target's side with the opportunity to fight it,
    :func:`foedus.theory.war_onset.casus_arises` of its :func:`foedus.theory.war_onset.reach_to_war`
    (the nearer of the attacker and the target; Siverson & Starr 1991): the rule that decides whether
    an ally's casus foederis arises, here without a pact. Korea's coalition held sixteen of the
    sixty members of 1950, most of them powers that could send forces that far.
    """
    c = war["mandate"]
    ag = world.state.agreements
    a = world.state.crises.coalition[c]
    if a < 0 or not ag.active[a]:
        return
    war["mandate"] = -1  # the coalition answers once
    att, tgt = war["attacker"], war["target"]
    out = ag.members[a] & world.state.active
    out[np.fromiter(war["side"].keys(), np.intp)] = False  # the attacker and those already in the war
    cand = np.flatnonzero(out)
    if not len(cand):
        return
    theatre = reach_of(world, np.array([att]), np.array([tgt]))
    reach = th_onset.reach_to_war(reach_of(world, cand, np.full(len(cand), att)), reach_of(world, cand, np.full(len(cand), tgt)), theatre, check=world.inputs.check)
    restraint, joint = nuclear_restraint(world, war, cand, np.full(len(cand), 2))
    prob = th_onset.casus_arises(reach, check=world.inputs.check) * restraint
    go = rng.random(len(cand)) < prob
    ent, reach, prob, restraint, joint = cand[go], reach[go], prob[go], restraint[go], joint[go]
    if not len(ent):
        return
    enter(world, war, ent, np.full(len(ent), att), np.full(len(ent), 2))
    world.log.events(world.state.year, "war_entry", ag.agreement_id[a], world.inputs.ccode[ent], world.inputs.ccode[att], [
        {"route": "collective security", "war": war_key(world, war), "side_of": int(world.inputs.ccode[tgt]), "side": 2,
         "factors": {"obligation": "none", "mandate": "UN Charter, ch. VII", "coalition": int(ag.agreement_id[a]), "reach": float(r), "probability": float(q),
                     **_restraint_factors(f, j)}}
        for r, q, f, j in zip(reach, prob, restraint, joint)
    ])


def opportunists(world: World, rng: np.random.Generator, war: dict, allied: np.ndarray) -> None:
    """Rivals of a belligerent enter ``war`` against it, with a stake in the other side (see :func:`foedus.sim.steps.conflict._spread`).

    A state in the war on neither side that is a strategic rival of a belligerent it can reach and bound to no belligerent of
    that side enters against it with :func:`foedus.theory.joining.staked_opportunist_probability`: the opportunist's rate and
    reach (Schweller 1994; Vasquez 1993) times its stake in the side it joins, :func:`foedus.theory.joining.third_party_stake`
    of the chance-corrected similarity (:func:`foedus.theory.joining.scott_pi`, Häge 2011) of its alliance portfolio (security
    agreements in force) with that side's leader's less that with the enemy's (Werner 2000; Corbetta 2010). The factors name
    the reach and the stake. One that would join the attacker (a jackal, Schweller 1994) enters for spoils that the territorial
    integrity norm discounts (:func:`foedus.theory.joining.jackal_spoils` of the year's
    :func:`foedus.theory.renunciation.conquest_discount`, ``conquest_norm_strength``; Zacher 2001): unchanged before the Covenant,
    at 0.4 of its chance under the Charter (join14: record-built runs of 1946 had Italy join Bulgaria against Yugoslavia).
    A great power does not enter as an opportunist a war begun between two minor states against a minor belligerent
    (:func:`foedus.theory.wartime.localised`, as on the warring-ally route: in COW 1816-2007 no great power entered such a war
    as a rival bound to neither side; leftovers17). The chance falls with the war's age where ``entry_age_decay_rate`` is above 0
    (0 by default; :func:`age_decay`; Yamamoto & Bremer 1980), the factors then naming ``war_age`` and ``age_decay``.
    """
    p = world.inputs.params
    members, sides = kern.war_sides(war)
    outside = world.state.active.copy()
    outside[members] = False
    cand = np.flatnonzero(outside)
    if not len(cand):
        return
    # each candidate's rival belligerent it can best reach; none if it is allied to any belligerent of that side; its stake in
    # the side it would join: its alliance portfolio nearer that side's leader's than the enemy's (Werner 2000; Corbetta 2010),
    # chance-corrected (Scott's pi: Häge 2011; a state counts as allied to itself, Bueno de Mesquita 1975); the nuclear restraint
    # and the great powers' (gpwar12: foedus.theory.war_restraint, Bremer 1992's major-major term); the stakes and
    # probabilities (the theory's formulas to the bit): one compiled call (war_entry_kernels.opportunist_entries)
    args = (cand, members, sides, np.ascontiguousarray(allied, dtype=bool), np.ascontiguousarray(world.state.rivalry, dtype=bool), year_reach(world, members),
            int(war["attacker"]), int(war["target"]))
    fast = _compiled_restraint(world)
    if fast is not None:
        best, to_best, has, sim_side, sim_foe, restraint, joint, stake, prob, valid = wkern.opportunist_entries(*args, *fast, float(p.opportunistic_join_rate))
        foe_side = sides[best]
    else:
        best, to_best, has, sim_side, sim_foe = wkern.opportunist_screen(*args)
        foe_side = sides[best]
        restraint, joint = nuclear_restraint(world, war, cand, 3 - foe_side)
        restraint = restraint * gp_odds(world.state.major[cand], world.state.major[members[best]], world.inputs.params.war_onset_joint_major)
        stake, prob, valid = wkern.opportunist_probability(to_best, has, sim_side, sim_foe, restraint, float(p.opportunistic_join_rate))
    if not valid:  # an input the theory refuses: its functions say why
        stake = np.zeros(len(cand))
        k = np.flatnonzero(has)
        if len(k):
            stake[k] = th_join.third_party_stake(sim_side[k], sim_foe[k], check=world.inputs.check)
        prob = th_join.staked_opportunist_probability(p.opportunistic_join_rate, to_best, has, stake, check=world.inputs.check) * restraint
    # a jackal (beside the attacker) enters for spoils the territorial integrity norm discounts (Schweller 1994; Zacher 2001)
    discount = year_goods.norms(world)[1]  # the year's conquest discount (theory.renunciation.conquest_discount), once a year
    spoils = th_join.jackal_spoils(foe_side == 2, discount, check=world.inputs.check)
    prob = prob * spoils
    # a war begun between two minor states stays local on this route too: no great power enters it as an opportunist against a
    # minor belligerent (theory.wartime.localised, the rule of the warring-ally and coalition routes; Schroeder 1994). COW
    # inter-state wars 1816-2007 (tools/minor_war_entries.py): of the 46 begun between minor states in the four eras (16, 6, 18, 6),
    # great powers entered 3, none as an opportunist (a rival of a belligerent bound to neither side): Britain and France at Suez
    # (1956) by a pact made for the war (ATOP), France at Ifni (1958) beside Spain, no rival of Morocco, the United States, Britain
    # and France against Iraq (1991) under the Security Council's mandate; nor in the wars of minor initiators a great power fought
    # from their first year (Korea 1950: the same mandate, China against the United States; Laos 1968, Cambodia 1970: the United
    # States, no rival of North Vietnam in Thompson & Dreyer 2012)
    major = world.state.major.astype(bool)
    leader = np.where(foe_side == 2, int(war["attacker"]), int(war["target"]))  # the first belligerent of the side each would join
    foe_leader = np.where(foe_side == 2, int(war["target"]), int(war["attacker"]))
    prob = np.where(th_wt.localised(major[cand], major[leader], major[foe_leader] | major[members[best]], check=world.inputs.check), 0.0, prob)
    decay, aged = age_decay(world, war)  # the chance falls with the war's age (Yamamoto & Bremer 1980; entry_age_decay_rate)
    prob = prob * decay
    go = np.flatnonzero(rng.random(len(cand)) < prob)
    if not len(go):
        return
    ent, foe, own = cand[go], members[best[go]], 3 - foe_side[go]
    enter(world, war, ent, foe, own)
    world.log.events(world.state.year, "war_entry", -1, world.inputs.ccode[ent], world.inputs.ccode[foe], [
        {"route": "opportunistic", "war": war_key(world, war), "side_of": int(world.inputs.ccode[war["attacker"] if s == 1 else war["target"]]), "side": int(s),
         "factors": {"obligation": "none", "rival_of_enemy": True, "reach": float(r), "stake": float(st), "probability": float(q), **_restraint_factors(f, j),
                     **({"conquest_discount": float(d)} if s == 1 else {}), **aged}}
        for s, r, st, q, f, j, d in zip(own, to_best[go], stake[go], prob[go], restraint[go], joint[go], spoils[go])
    ])


def warring_partners(world: World, rng: np.random.Generator, war: dict) -> None:
    """States join ``war`` beside a defence or offence ally fighting in it, uncalled (Siverson & Starr 1990, 1991; see :func:`foedus.sim.steps.conflict._spread`).

    A state in the war on neither side, not called to it (``war["called"]``: it decided then), not permanently neutral, that
    shares a defence or offence pact in force with one of the war's two first belligerents, the attacker or the target, whose
    written obligations reach a war against the other (:func:`partner_pacts`: a pact written against a named adversary carries
    nobody into a war against another state; Leeds, Long & Mitchell 2000; join14), and no security agreement with any belligerent of the other side enters beside that partner (the one it best reaches) against the other side's leader (the
    attacker or the target) with :func:`foedus.theory.joining.warring_ally_join_probability` (``warring_ally_join_rate``, its
    :func:`foedus.theory.war_onset.reach_to_war`) times its willingness (:func:`foedus.theory.joining.partner_willingness`, Corbetta
    2010: either motive suffices): the degree to which that leader is its own adversary, its hostility to it (Snyder 1984's shared
    adversary: a war against its own adversary is its own war, not entrapment), or its stake in the partner's side, its alliance
    portfolio nearer the partner's than the enemy's (:func:`foedus.theory.joining.third_party_stake` of Scott's pi; Werner 2000).
    A great power does not enter a war between two minor states by this route (:func:`foedus.theory.wartime.localised`, the
    coalition route's rule, Schroeder 1994; gpwar16: record-built runs had Britain join Tuscany against the Papal States, 1838,
    and Italy Romania against Serbia, 1910). Until 2026-12 (honour15) the hostility alone: in record-built runs of 1816 an attacker's allies bore its target no hostility
    in nine cases of ten and joined it 2 to 8 times in 100, the record 29 in 118. Beside an attacker (side 1) the ally's reach is
    its own to the target, not relayed through its partner (:func:`foedus.theory.joining.attacker_ally_reach`; Siverson & Starr
    1991: the offensive is fought on the target's territory), and a pact written against the enemy makes it the ally's own
    adversary only if it pledges offence (:func:`_aimed_at`: a defence pledge does not cover the partner's own attack, Leeds,
    Long & Mitchell 2000): world-2022's runs of main 520c954 carried nine minor NATO members, none hostile to Iran, into Turkey's
    attacks on it at the reach relayed through Turkey (seed 1, 2039-2049). honour17 also zeroed the portfolio stake beside an
    attacker; that lost the record's 29 in 118 in record-built runs from 1816 (0.19-0.27 of defence allies joining against 0.43,
    seeds 1-12) and was not kept. joinwar19 made the rule a parameter: at ``aggression_stake_weight`` below 1 the stake moves an
    attacker's ally only where it pledged offence against the target (:func:`_offence_pledged`,
    :func:`foedus.theory.joining.aggression_stake`), as the record has it (COW and ATOP, 1816-1914: none of the 59 defence allies
    of an initiating side that shared with it no offence pact and were no strategic rival of an enemy fought beside it, 17 of 27
    rivals did); at 0 the validation lost 1816-1914's defence allies joining again (0.29 -> 0.25 and 0.32 -> 0.20 against 0.43,
    seeds 1-6 and 7-12) and moved 1919-1938's little (0.47 -> 0.42, 0.47 -> 0.48 against 0), whose joiners come by calls and
    wartime pacts: the default stays 1. The factors say which (``beside_attacker``, ``offence_pledged`` where the weight is
    below 1). Route ``warring ally``:
    the factors name the pact and its obligation (``called`` False: an attacker's defence ally joins by a pledge the attack does
    not trigger; Leeds 2003, Gartzke & Gleditsch 2004).

    The chance falls with the war's age where ``entry_age_decay_rate`` is above 0 (0 by default; :func:`age_decay`; Yamamoto &
    Bremer 1980: the decision is taken at the outbreak), as on the opportunist route; the factors then name ``war_age`` and
    ``age_decay``.

    A state that entered the war (a joiner) is no partner of this route: it is at war by its own choice, not attacked, so its
    defence pledges do not apply (ATOP's casus foederis; Leeds, Long & Mitchell 2000), and its allies come in only if it calls
    them (:func:`foedus.sim.steps.conflict.call_allies`' chain, ``alliance_chain_depth``). Until 2026-12 (join9) any belligerent
    was a partner, and a war drew its joiners' allies in, year after year, for as long as it lasted: a run from 1816 kept a
    Franco-Spanish war of 1823 going until the 1850s as the German states, Russia and the Netherlands entered it one by one
    beside one another (50 of the 63 entries by this route in that run were beside a joiner; the record's war lasted a year).
    """
    pacts, any_pact = _partner_pacts(world, war)
    if not any_pact:  # neither the attacker nor the target holds a pact reaching a war against the other: nobody to screen
        return
    p = world.inputs.params
    members, sides = kern.war_sides(war)
    # the partner is one of the war's two first belligerents: an entrant is at war by its own choice, so its pledges are not
    # the diffusion's path (ATOP's casus foederis: a defence pledge answers an attack on the ally; Leeds 2003: the initiator's
    # allies are the ones emboldened) -- its allies come in only if it calls them (call_allies' chain, alliance_chain_depth)
    free = world.state.active & ~permanently_neutral(world)
    free[members] = False
    free[war.get("called", np.zeros(0, np.intp))] = False
    reach_to = year_reach(world, members)  # the columns of the belligerents, the enemies and partners among them
    args = (members, sides, pacts, world.state.agreements.allied(), free, np.ascontiguousarray(world.state.active, dtype=bool), reach_to,
            int(war["attacker"]), int(war["target"]))
    rate = float(p.warring_ally_join_rate)
    fast = _compiled_restraint(world)
    if fast is not None:  # the screen, the restraints and the probabilities in one compiled call (war_entry_kernels.partner_entries)
        cand, own, enemy, partner, to_partner, restraint, joint, reach, shared, stake, prob, valid = wkern.partner_entries(*args, world.state.hostility, *fast, rate)
        if not len(cand):
            return
    else:
        cand, own, enemy, partner, to_partner = wkern.partner_screen(*args)
        if not len(cand):
            return
        restraint, joint = nuclear_restraint(world, war, cand, own)
        restraint = restraint * gp_odds(world.state.major[cand], world.state.major[enemy], p.war_onset_joint_major)  # gpwar12: great powers avoid fighting one another
        # the reach to the war, the stake and the probabilities compiled (war_entry_kernels.partner_probability, the theory's formulas to the bit)
        reach, shared, stake, prob, valid = wkern.partner_probability(cand, own, enemy, partner, to_partner, reach_to, world.state.hostility, args[3], restraint, rate)
    if not (valid and 0.0 <= rate <= 1.0):  # an input the theory refuses: its functions say why
        beside_attacker = own == 1  # an attacker's ally: its own reach to the target (honour17)
        reach = th_join.attacker_ally_reach(beside_attacker, reach_to[cand, enemy], to_partner, reach_to[enemy, partner], check=world.inputs.check)
        shared = world.state.hostility[cand, enemy]
        row = (np.asarray(args[3], dtype=bool) | np.eye(world.n, dtype=bool)).astype(float)  # each state allied to itself (Bueno de Mesquita 1975)
        stake = th_join.third_party_stake(th_join.scott_pi(row[cand], row[partner]), th_join.scott_pi(row[cand], row[enemy]), check=world.inputs.check)
        prob = th_join.warring_ally_join_probability(p.warring_ally_join_rate, reach, shared, stake, check=world.inputs.check) * restraint
    # beside an attacker the portfolio stake of an ally that pledged no offence counts at aggression_stake_weight
    # (theory.joining.aggression_stake: a defence pledge does not cover the partner's own attack, Leeds, Long & Mitchell 2000;
    # COW and ATOP 1816-1914: 0 of 59 such allies neither pledged to attack nor rivals of the target joined; joinwar19; the
    # default 1 leaves the stake whole): the probability then, from the theory
    beside = own == 1
    offence = np.zeros(len(cand), bool)
    if beside.any() and p.aggression_stake_weight < 1.0:  # (at 1 the stake is whole: nothing to ask)
        for e in np.unique(enemy[beside]):  # each candidate's own enemy (the pledge must reach a war against it)
            k = beside & (enemy == e)
            offence[k] = _offence_pledged(world, cand[k], partner[k], int(e))
        cut = th_join.aggression_stake(stake, beside, offence, p.aggression_stake_weight, check=world.inputs.check)
        if (cut != stake).any():
            stake = cut
            prob = th_join.warring_ally_join_probability(rate, reach, shared, stake, check=world.inputs.check) * restraint
    # the partner's enemy is the ally's own adversary where a pact binding them was written or formed against it (Snyder 1984;
    # Leeds, Long & Mitchell 2000: theory.joining.aimed_adversary): the probability then, from the theory (the candidates are few)
    aimed = _aimed_at(world, cand, partner, enemy, own == 1)
    if aimed.any():
        shared = th_join.aimed_adversary(shared, aimed, check=world.inputs.check)
        prob = th_join.warring_ally_join_probability(rate, reach, shared, stake, check=world.inputs.check) * restraint
    # a war between two minor states stays local: no great power enters it beside one of them (Schroeder 1994; COW: no great
    # power in the 17 wars begun between minor states in 1816-1914), the rule of the coalition route (theory.wartime.localised)
    major = world.state.major.astype(bool)
    prob = np.where(th_wt.localised(major[cand], major[partner], major[enemy], check=world.inputs.check), 0.0, prob)
    decay, aged = age_decay(world, war)  # the chance falls with the war's age (Yamamoto & Bremer 1980; entry_age_decay_rate)
    prob = prob * decay
    go = np.flatnonzero(rng.random(len(cand)) < prob)
    if not len(go):
        return
    ent, foe, s_in, mate = cand[go], enemy[go], own[go], partner[go]
    enter(world, war, ent, foe, s_in)
    ag = world.state.agreements
    aids, details = [], []
    for e, f, s, m, r, h, k, q, nr, nj, am, op in zip(ent, foe, s_in, mate, reach[go], shared[go], stake[go], prob[go], restraint[go], joint[go], aimed[go], offence[go]):
        slots = covering_slots(world, f)  # the pacts that reach a war against that enemy (partner_pacts)
        both = slots[ag.members[slots, e] & ag.members[slots, m]]
        slot = int(both[np.argmax(ag.obligations[both, _DEF])])  # the defence pact where there is one
        aids.append(int(ag.agreement_id[slot]))
        details.append({
            "route": "warring ally", "war": war_key(world, war), "side_of": int(world.inputs.ccode[m]), "side": int(s),
            "factors": {"obligation": "defense" if ag.obligations[slot, _DEF] else "offense", "agreement": aids[-1], "ally_of": int(world.inputs.ccode[m]),
                        "called": False, "against_a_member": False, "beside_attacker": bool(s == 1), "pact_aimed_at_enemy": bool(am), "reach": float(r), "shared_adversary": float(h), "stake": float(k),
                        **({"offence_pledged": bool(op)} if s == 1 and p.aggression_stake_weight < 1.0 else {}),
                        "probability": float(q),
                        **_restraint_factors(nr, nj), **aged},
        })
    world.log.events(world.state.year, "war_entry", np.asarray(aids), world.inputs.ccode[ent], world.inputs.ccode[foe], details)
