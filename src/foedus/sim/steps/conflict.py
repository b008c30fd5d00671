"""Step 8, conflict and commitments: disputes, wars, and whether allies honour their commitments (T2, P5).

:func:`call_allies` is also how a scheduled invasion (:mod:`foedus.sim.steps.trends`) calls
the victim's allies; it registers each war in ``world.state.wars`` (its sides, and the allies that
enter a year late), from which later entrants join it (:func:`_spread`).
"""

from __future__ import annotations

import numpy as np

from foedus.data.nuclear import NUCLEAR_WEAPON_STATES, nuclear_armed
from foedus.sim.agreements import FIRST_SIMULATED_ID
from foedus.sim.membership import pair_max
from foedus.sim.steps import ally_call
from foedus.sim.steps import conflict_kernels as kern
from foedus.sim.steps._common import COALITION, ORGANISATION, SECURITY
from foedus.sim.steps.mandates import mandates
from foedus.sim.steps.neutrality import permanently_neutral
from foedus.sim.steps.pact_pairs import (  # noqa: F401 (conflict's names for them)
    _DEF,
    _OFF,
    defence_pairs,
    nonaggression_pairs,
    offence_pairs,
)
from foedus.sim.steps.war_endings import war_endings
from foedus.sim.steps.war_entry import collective_security as _collective_security
from foedus.sim.steps.war_entry import enter as _enter
from foedus.sim.steps.war_entry import nuclear_restraint as _nuclear_restraint
from foedus.sim.steps.war_entry import opportunists as _opportunists
from foedus.sim.steps.war_entry import reach_of as _reach
from foedus.sim.steps.war_entry import war_key as _war_key
from foedus.sim.steps.war_entry import war_pact_pairs  # noqa: F401 (the ties a war spreads along: re-exported beside defence_pairs)
from foedus.sim.steps.war_entry import warring_partners as _warring_partners
from foedus.sim.steps.war_expected_victory import (  # the initiator's odds, allies at their expected support (initiator21)
    ally_support,
    expected_victory,
)
from foedus.sim.steps.war_initiators import (
    initiators,  # who begins a war a pair goes to (moved out, gpwar16)
)
from foedus.sim.steps.war_onset_deterrence import great_power_deterrence
from foedus.sim.world import World
from foedus.theory import cohesion as th_cohesion
from foedus.theory import joining as th_join
from foedus.theory import rivalry as th_rivalry
from foedus.theory import war as th_war
from foedus.theory import war_onset as th_onset
from foedus.theory import war_restraint as th_restraint
from foedus.theory.renunciation import territorial_integrity_norm

_DISPUTE_DETAIL = {w: f'{{"escalated_to_war":{str(w).lower()}}}' for w in (False, True)}
_ONSET_OFF = -30.0
"""``war_onset_intercept`` at its lower bound switches structural war onsets off (hazard below 1e-13)."""


def conflict_and_commitments(world: World, rng: np.random.Generator) -> None:
    """Disputes, wars, and whether allies honour their commitments (T2, P5).

    The wars begun in earlier years first take their late entrants (:func:`_spread`). Then:

    - **War onset** (the main route to war): every pair of system members at peace with each
      other that is politically relevant (contiguous, with a major power, or rivals;
      :func:`foedus.theory.war_onset.politically_relevant`) and has an issue at stake (a rivalry, a war fought, or
      hostility at least ``war_onset_issue_hostility``: :func:`foedus.theory.war_onset.issue_at_stake`; willingness as well
      as opportunity, Most & Starr 1989, Vasquez 1993; the event's factors carry its ``hostility``) begins a war with
      :func:`foedus.theory.war_onset.war_onset_hazard` of its contiguity, distance, major-power
      status (one great power in the pair, and both: Bremer's major-major class, whose wars were rare after 1815, Levy 1983),
      capability parity, rivalry, war memory, the pair's lower and higher democracy score (the
      democratic peace's weak link: Russett & Oneal 2001), a shared defence pact and
      joint nuclear arms and the territorial integrity norm against conquest (Bremer 1992's
      dangerous dyads, Vasquez 1993; the nuclear peace with Gartzke & Kroenig's 2009 dates,
      :mod:`foedus.data.nuclear`; Zacher 2001 and Fazal 2007 with the UN Charter's date, :func:`foedus.theory.renunciation.territorial_integrity_norm`; coefficients ``war_onset_*``, estimated on the record's
      in-sample eras by :mod:`foedus.analysis.war_onsets`); which of the two initiates is
      :func:`initiators` (the major power, the non-democracy: Bremer 1992, Bennett & Stam 2004);
      the ``war`` event's factors are those terms and the hazard, and the terms that chose the
      initiator (``initiator_minus_target_*``, ``initiator_probability``).
    - **Disputes**: a militarised dispute between i and j (not allied) starts with probability
      :func:`foedus.theory.war.dispute_probability` (``dispute_rate * hostility_ij * proximity_ij``:
      opportunity and willingness), times ``1 - restraint`` when both belong to a
      collective-security organisation (:func:`foedus.theory.war.institutional_restraint`,
      ``cohesion * (1 - T1)``; brief A2, D3); it raises their hostility, and escalates to war with
      :func:`foedus.theory.war.escalation_probability` (``war_share * hostility * war_factor``) times
      :func:`foedus.theory.war.escalation_restraint`, the restraints of the direct route (Reed 2000: onset and
      escalation share their covariates): the weak-link democratic and the nuclear peace with the onset model's
      coefficients, and the initiator's odds of prevailing, ``min(1, c_i / c_j)`` (Bueno de Mesquita 1981):
      the route by which hostility beyond the record's (a scenario's, or revealed in a run) leads to war; a dispute between two
      great powers escalates at the onset's major-major odds (:func:`foedus.theory.war_restraint.great_power_restraint`).

    The allies each war calls (defence and offence obligations only) answer as
    :func:`call_allies` says. After 1945 a war begun by a state without a veto may be met by a
    coalition the Security Council mandates (:func:`foedus.sim.steps.mandates.mandates`; collective security, Claude 1962),
    whose members join it the next year without a pact (Korea, 1950). Hostility decays towards its baseline; each pair at war ends its war from the year after the war began
    (a war begun this year, by an onset, a dispute or a scheduled invasion, runs into the next) with the Weibull
    duration model's hazard of its parity, contiguity and major-power status at the war's age (:func:`foedus.sim.steps.war_endings.war_endings`;
    Bennett & Stam 1996).
    """
    p = world.inputs.params
    # hostility relaxes towards its baseline
    world.state.hostility += p.hostility_decay * (world.state.hostility_base - world.state.hostility)
    _write_conditions(world, rng)
    # the wars begun in earlier years first take their late entrants (before this year's wars are registered)
    _spread(world, rng)
    if p.dispute_rate > 0:
        _disputes(world, rng)
    if p.war_onset_intercept > _ONSET_OFF:
        _war_onsets(world, rng)
    # wars end, but not in the year they began (a war begun this year runs into the next)
    if world.state.at_war.any() and world.state.at_war_last_year.shape == world.state.at_war.shape:
        war_endings(world, rng)
    if world.state.wars:  # the wars still under way (:func:`_under_way`), every war in one compiled pass
        members, sides, offsets, _ = kern.wars_flat(world.state.wars)
        keep = kern.under_way_all(world.state.at_war, members, sides, offsets)
        world.state.wars = [w for w, k in zip(world.state.wars, keep.tolist()) if k]
    world.state.at_war_last_year = world.state.at_war.copy()


def _write_conditions(world: World, rng: np.random.Generator) -> None:
    """The written conditions of the defence and offence pacts formed in the run, once each (:func:`foedus.theory.war.written_conditions`).

    A pact formed in the run is written against the adversary it was formed against (its ``target``, the members'
    founding threat) with the record's in-sample shares (``pact_condition_*``; ATOP defcoadv, defconpr, offcoadv):
    the treaties of the record carry their own (:func:`foedus.data.atop.read_atop_conditions`).
    """
    ag = world.state.agreements
    # the pacts in force formed in the run (not coalitions) with a defence or offence obligation and no conditions written yet
    new = kern.unwritten_pacts(
        ag.active, ag.agreement_id, ag.kind, ag.domain, ag.war_conditions, ag.obligations, ag.n, FIRST_SIMULATED_ID, COALITION, SECURITY,
        th_war.CONDITIONS_WRITTEN, _DEF, _OFF,
    )
    if not len(new):
        return
    p = world.inputs.params
    shares = (p.pact_condition_named_adversary, p.pact_condition_unprovoked, p.pact_condition_offence_named_adversary)
    ag.war_conditions[new] = th_war.written_conditions(rng.random((len(new), len(th_war.WAR_CONDITIONS))), shares, ag.obligations[new])


def _disputes(world: World, rng: np.random.Generator) -> None:
    """This year's militarised disputes and wars, and the allies called upon (see :func:`conflict_and_commitments`)."""
    p = world.inputs.params
    n = world.n
    y = world.state.year
    ag = world.state.agreements
    allied = ag.allied()
    orgs = ag.in_force(kind=ORGANISATION, domain=SECURITY)
    restraint = 0.0
    if len(orgs):
        # D3: a collective-security organisation manages disputes among its own members;
        # great-power competition (T1) erodes that restraint
        per_org = th_war.institutional_restraint(ag.cohesion[orgs], world.inputs.trends.great_power_competition, check=world.inputs.check)
        restraint = pair_max(ag.members[orgs], per_org, world.n)
    # theory.war.dispute_probability of every pair and the year's disputes, one draw per unordered pair (the upper
    # triangle), never between allies: one compiled pass (conflict_kernels.disputes)
    prob, i_idx, j_idx = kern.disputes(world, rng.random((n, n)), restraint, allied)
    if len(i_idx):
        init, targ, who = initiators(world, rng, i_idx, j_idx)
        h_before = world.state.hostility[init, targ].copy()
        # the restraints of the direct route: the weak-link democratic and nuclear peace, and the initiator's odds of prevailing
        lower, higher = th_onset.democracy_link(world.state.regime[init], world.state.regime[targ], check=world.inputs.check)
        nuclear = _nuclear(world)
        joint = nuclear[init] & nuclear[targ]
        restrained = th_war.escalation_restraint(
            lower, higher, joint, world.state.power[init], world.state.power[targ],
            coefficients=(p.war_onset_lower_democracy, p.war_onset_higher_democracy, p.war_onset_joint_nuclear), check=world.inputs.check,
        )
        restrained = restrained * nuclear_onset_factor(world, init, targ) * great_power_deterrence(world, init, targ, defence_pairs(world))[0]  # gpwar13
        escalation = th_war.escalation_probability(p.war_share, h_before, p.war_factor, check=world.inputs.check) * restrained
        # the onset's major-major term (Bremer 1992): a dispute between two great powers escalates at its odds (Reed 2000)
        escalation = th_restraint.great_power_restraint(escalation, world.state.major[init], world.state.major[targ], p.war_onset_joint_major, check=world.inputs.check)
        war = rng.random(len(init)) < escalation
        world.state.hostility[init, targ] = np.minimum(world.state.hostility[init, targ] + p.dispute_hostility, 1.0)
        world.state.hostility[targ, init] = world.state.hostility[init, targ]
        world.log.events(y, "dispute", -1, world.inputs.ccode[init], world.inputs.ccode[targ], [_DISPUTE_DETAIL[bool(w)] for w in war])
        if war.any():
            wi, wt = init[war], targ[war]
            world.state.at_war[wi, wt] = world.state.at_war[wt, wi] = True
            world.state.hostility[wi, wt] = world.state.hostility[wt, wi] = np.minimum(world.state.hostility[wi, wt] + p.war_hostility, 1.0)
            pd = prob[wi, wt]
            world.log.events(
                y, "war", -1, world.inputs.ccode[wi], world.inputs.ccode[wt],
                [
                    {"cause": "escalated dispute", "factors": {
                        "hostility": float(h), "proximity": float(x), "dispute_probability": float(q), "lower_democracy": float(lo), "higher_democracy": float(hi),
                        "joint_nuclear": bool(jn), "initiator_capability_ratio": float(cr), "escalation_restraint": float(r), "escalation_probability": float(e), **w}}
                    for h, x, q, lo, hi, jn, cr, r, e, w in zip(
                        h_before[war], world.inputs.proximity[wi, wt], pd, lower[war], higher[war], joint[war], world.state.power[wi] / np.maximum(world.state.power[wt], 1e-12),
                        restrained[war], escalation[war], [who[k] for k in np.flatnonzero(war)],
                    )
                ],
            )
            call_allies(world, rng, wi, wt)


def _upper(world: World) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``i < j`` (kept in the world's cache)."""
    hit = world.cache.get("upper_pairs")
    if hit is None or len(hit[0]) != world.n * (world.n - 1) // 2:
        hit = world.cache["upper_pairs"] = np.triu_indices(world.n, 1)
    return hit


def onset_covariates(world: World, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
    """The covariates of :func:`foedus.theory.war_onset.war_onset_hazard` for the pairs ``(i, j)`` (its ``WAR_ONSET_TERMS``).

    War memory is the one before this year (the rivalry step adds this year's wars after this step);
    the democracy scores are the regimes (V-Dem polyarchy) of the two (:func:`foedus.theory.war_onset.democracy_link`).
    """
    flat = i * world.n + j
    lower, higher = th_onset.democracy_link(world.state.regime[i], world.state.regime[j], check=world.inputs.check)
    nuclear = _nuclear(world)
    contiguous, major, rival = np.take(world.inputs.contiguous, flat), world.state.major[i] | world.state.major[j], np.take(world.state.rivalry, flat)
    return {
        "contiguous": contiguous,
        # the distance the onset model was fitted on: between capitals (analysis.war_onsets), not the minimum distance
        "log_distance": th_onset.log_distance(np.take(world.inputs.capital_km if world.inputs.capital_km is not None else world.inputs.distance_km, flat)),
        "any_major": major,
        "parity": th_rivalry.parity(world.state.power[i], world.state.power[j]),
        "rival": rival,
        "war_history": th_rivalry.war_term(_war_memory(world, i, j)),
        "lower_democracy": lower,
        "higher_democracy": higher,
        "defence_pact": np.take(defence_pairs(world), flat),
        "joint_nuclear": nuclear[i] & nuclear[j],
        "conquest_norm": th_onset.conquest_norm_term(territorial_integrity_norm(world.state.year), major, contiguous, rival),
        "joint_major": th_onset.joint_major(world.state.major[i], world.state.major[j]),
        # a rivalry over no territory (gpwar16; Vasquez 1993): neither the scenario's spatial type nor between neighbours
        "issueless_rival": th_onset.issueless_rivalry(rival, np.take(sp, flat) if (sp := world.inputs.rivalry_spatial) is not None else False, contiguous),
    }


def onset_hazards(world: World, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.war_onset.war_onset_hazard` of :func:`onset_covariates` of the pairs ``(i, j)`` (unchecked: one compiled pass, the same bits)."""
    p = world.inputs.params
    if not world.inputs.check:
        return kern.onset_hazard_of(world, i, j, defence_pairs(world), _nuclear(world), bool(territorial_integrity_norm(world.state.year)))
    x = onset_covariates(world, i, j)
    return th_onset.war_onset_hazard(*(x[t] for t in th_onset.WAR_ONSET_TERMS), intercept=p.war_onset_intercept + p.war_onset_victory_offset + p.war_onset_issue_offset, coefficients=p.war_onset_coefficients())


def _war_memory(world: World, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The war memory of the pairs ``(i, j)`` before this year (:func:`foedus.theory.rivalry.war_history`; 0 before the first rivalry step)."""
    wh = world.state.war_history
    return np.take(wh, i * world.n + j) if wh.shape == (world.n, world.n) else np.zeros(len(i))


def _nuclear(world: World) -> np.ndarray:
    """:func:`foedus.data.nuclear.nuclear_armed` of the world's states this year.

    Cached while the same states (``world.inputs.ccode``, never written in place) are in the same nuclear epoch:
    which of the table's spans (:data:`foedus.data.nuclear.NUCLEAR_WEAPON_STATES`) contain the year."""
    y = world.state.year
    epoch = tuple(lo <= y and (hi is None or y <= hi) for lo, hi in NUCLEAR_WEAPON_STATES.values())
    hit = world.cache.get("nuclear_armed")
    if hit is not None and hit[0] == epoch and hit[1] is world.inputs.ccode:
        return hit[2]
    out = nuclear_armed(world.inputs.ccode, y)
    world.cache["nuclear_armed"] = (epoch, world.inputs.ccode, out)
    return out


def _war_onsets(world: World, rng: np.random.Generator) -> None:
    """Wars begin between pairs of states with the dyadic hazard estimated on the record (Bremer 1992; see :func:`conflict_and_commitments`)."""
    p = world.inputs.params
    i, j = _upper(world)
    draw = rng.random(len(i))
    # the pairs at risk (both active with capability, at peace, politically relevant) with an issue at stake (a rivalry, a war
    # fought, a live quarrel; willingness: Most & Starr 1989): one compiled pass (conflict_kernels.onset_screen)
    i, j, draw, hostility = kern.onset_screen(world, i, j, draw)
    if not len(i):
        return
    h = onset_hazards(world, i, j)
    k = np.flatnonzero(draw < h)
    if not len(k):
        return
    x = onset_covariates(world, i[k], j[k])  # the drawn pairs' covariates, for their explanation (elementwise: the same values)
    att, tgt, who = initiators(world, rng, i[k], j[k])
    # a reason to expect victory: the initiator begins the war with its odds of prevailing, its allies and the target's counted
    (p_win, discounted), support = expected_victory(world, att, tgt, with_discounted=True), ally_support(world)
    restraint = th_onset.expected_victory_restraint(p_win, check=world.inputs.check) ** p.war_onset_expected_victory
    # the nuclear revolution: no war between two nuclear-armed states can be won (Jervis 1989), as for entering one;
    # nor against a state a nuclear-armed great power is pledged to defend (extended deterrence)
    restraint = restraint * nuclear_onset_factor(world, att, tgt)
    deter, protected = great_power_deterrence(world, att, tgt, defence_pairs(world))  # a great power's protégé (gpwar13; Huth 1988)
    go = rng.random(len(att)) < restraint * deter
    if not go.any():
        return
    k, att, tgt, who, p_win, restraint, deter, protected = k[go], att[go], tgt[go], [w for w, g in zip(who, go) if g], p_win[go], restraint[go], deter[go], protected[go]
    backed = discounted[go]  # the initiators counting a defence partner at its expected support
    x = {t: v[go] for t, v in x.items()}
    world.state.at_war[att, tgt] = world.state.at_war[tgt, att] = True
    world.state.hostility[att, tgt] = world.state.hostility[tgt, att] = np.minimum(world.state.hostility[att, tgt] + p.war_hostility, 1.0)
    far = call_allies(world, rng, att, tgt)
    mandate = mandates(world, rng, att, tgt)
    details = [
        {"cause": "war onset", "allies_out_of_reach": f, "factors": {
            **{t: float(x[t][e]) for t in th_onset.WAR_ONSET_TERMS}, "hazard": float(h[q]), "hostility": float(hostility[q]), **w, "victory_probability": float(pv), "expected_victory_restraint": float(r),
            **({"ally_expected_support": support} if support < 1.0 and b else {}),  # the initiator's defence partners' share (initiator21)
            **({"extended_deterrence": float(dt), "protector_fights_probability": float(pq)} if pq > 0 else {})}, **m}
        for e, (q, f, w, m, pv, r, dt, pq, b) in enumerate(zip(k, far, who, mandate, p_win, restraint, deter, protected, backed))
    ]
    world.log.events(world.state.year, "war", -1, world.inputs.ccode[att], world.inputs.ccode[tgt], details)


def nuclear_onset_factor(world: World, att: np.ndarray, tgt: np.ndarray) -> np.ndarray:
    """Factor (0-1) on the probability that each initiator ``att`` begins a war against ``tgt``: the nuclear revolution.

    :func:`foedus.theory.joining.nuclear_entry_restraint` of the initiator's nuclear arms and the target's side: at
    ``nuclear_onset_restraint`` where the target holds nuclear weapons itself (Jervis 1989; Waltz 1981), at
    ``extended_nuclear_deterrence`` where it does not but a nuclear-armed great power other than the initiator is bound to
    defend it by a defence pact (Schelling 1966's threat that leaves something to chance; Huth 1988; Fuhrmann & Sechser
    2014). The lower factor applies where both do.
    """
    p = world.inputs.params
    nuclear = _nuclear(world)
    protector = nuclear & world.state.major.astype(bool)
    d = defence_pairs(world)
    covers = (d[tgt] & protector[None, :]).sum(axis=1) - (d[tgt, att] & protector[att]) > 0
    own = th_join.nuclear_entry_restraint(nuclear[att], nuclear[tgt], p.nuclear_onset_restraint)
    extended = th_join.nuclear_entry_restraint(nuclear[att], covers, p.extended_nuclear_deterrence)
    return np.minimum(own, extended)


def _under_way(world: World, war: dict) -> bool:
    """Whether some pair across the sides of ``war`` is at war (or an ally is still to enter)."""
    return bool(kern.under_way(world.state.at_war, *kern.war_sides(war)))


def _spread(world: World, rng: np.random.Generator) -> None:
    """The wars begun in earlier years take their late entrants: allies that honoured a call a year late, and opportunists.

    Allies that honoured a call in a war's first year but enter a year late (``war_entry_delay``)
    enter now if the war goes on, they and their enemy are still in the system, and the pact still
    binds them to the side they join and does not bind the enemy (a pact of both belligerents calls
    nobody, at the call and at the late entry, unless it called them against that member). A strategic
    rival of a belligerent that is in the war on neither side and bound by no security agreement
    to it enters against it with :func:`foedus.theory.war_onset.opportunistic_join_probability`
    (``opportunistic_join_rate``, its reach to that belligerent :func:`foedus.theory.war_onset.reach`; Schweller 1994) times its
    stake in the side it joins (its alliance portfolio nearer that side's leader's than the enemy's by Scott's pi: Werner 2000,
    Corbetta 2010, Häge 2011; :func:`foedus.sim.steps.war_entry.opportunists`): a
    labelled route (``route`` ``"opportunistic"``), never a call to arms. A state sharing a defence or offence pact with a
    belligerent, not called to its war, may join beside it each year the war goes on (the warring alliance partner,
    Siverson & Starr 1990, 1991: :func:`foedus.sim.steps.war_entry.warring_partners`, ``warring_ally_join_rate``; route
    ``"warring ally"``). The members of a coalition the Security
    Council mandated against the attacker (:func:`foedus.sim.steps.mandates.mandates`) that are not yet in the war enter it on the target's
    side with their reach to the war, once (``route`` ``"collective security"``; Korea 1950: :func:`_collective_security`). Each entry is a
    ``war_entry`` event with its war (``war``: first year, attacker, target) and its factors.
    """
    if not world.state.wars:
        return
    p = world.inputs.params
    allied = world.state.agreements.allied()
    y = world.state.year
    # the reach to every belligerent of the wars under way in one evaluation (war_entry.year_reach fills the columns the routes ask)
    fighting = np.fromiter((s for war in world.state.wars if war["start"] < y for s in war["side"]), np.intp)
    _reach(world, fighting, fighting)
    for war in world.state.wars:
        if war["start"] >= y or not _under_way(world, war):
            continue
        pending, war["pending"] = war["pending"], []
        ag = world.state.agreements
        for ally, enemy, s, slot, aid, factors, side_state in pending:
            # the pact must still bind the ally to the side it joins (it may have left it, or the pact ended, since the
            # call), and not the enemy too unless it called the ally against that member (the enemy may have joined it since)
            binds = ag.active[slot] and ag.agreement_id[slot] == aid and ag.members[slot, ally] and ag.members[slot, side_state]
            binds = binds and (factors.get("against_a_member", False) or not ag.members[slot, enemy])
            if binds and world.state.active[ally] and world.state.active[enemy] and ally not in war["side"]:
                _enter(world, war, np.array([ally]), np.array([enemy]), np.array([s]))
                world.log.events(y, "war_entry", aid, world.inputs.ccode[ally], world.inputs.ccode[enemy], {
                    "route": "alliance", "war": _war_key(world, war), "side_of": int(world.inputs.ccode[side_state]), "side": int(s),
                    "factors": {**factors, "entered_a_year_late": True},
                })
        if war.get("mandate", -1) >= 0:
            _collective_security(world, rng, war)
        if p.warring_ally_join_rate > 0:
            _warring_partners(world, rng, war)
        if p.opportunistic_join_rate > 0:
            _opportunists(world, rng, war, allied)


def call_allies(world: World, rng: np.random.Generator, attackers: np.ndarray, targets: np.ndarray) -> list[list[int]]:
    """Allies called to each war by a defence or offence obligation decide whether to honour it (P5, T2).

    Who is bound, to which side and through which pact is
    :func:`foedus.theory.war.casus_foederis` (ATOP: a defence pact of the attacked state binds its
    other members to its side, an offence pact of the attacker its other members to the
    attacker's; neutrality, non-aggression and consultation bind nobody; coalitions, whose
    mission is a crisis, are not called; a state bound by a defence pact to the state it would
    fight stays out: conflicting obligations). A defence pact of both belligerents calls its
    other members to the attacked member's side with probability ``intra_alliance_casus`` (one
    draw a war: 1866, 1991; default 0), else nobody (1969); the call's factors say so (``against_a_member``). With ``alliance_chain_depth`` above 0 the allies
    that enter call their own partners in turn, to their own side (chain-ganging, Christensen &
    Snyder 1990): an entrant on the victim's side as if attacked, one on the attacker's side
    through its offence pacts; each state is called at most once a war. The casus foederis arises for a bound ally with
    :func:`foedus.theory.war_onset.casus_arises` of its reach to the war
    (:func:`foedus.theory.war_onset.reach_to_war`: Bueno de Mesquita's loss-of-strength gradient of its
    capability to the nearer of the enemy and the state it is bound to, the latter as far as the enemy carries the war
    there: the conditions of most pacts
    name a region or an adversary; Siverson & Starr 1991) only as far as ``casus_reach_gate`` (0 by default: the casus is the partner's being attacked, and the reach a term of the honouring, :mod:`foedus.sim.steps.ally_call`, call20); an ally out of reach is not called (returned, per
    war, as COW codes: the war event of a war onset lists them). A called ally decides with :func:`foedus.theory.cohesion.honour_probability` of its
    war commitment (:func:`foedus.theory.war.war_commitment`, a conditional pact's conditions
    met: Leeds, Long & Mitchell's (2000) three quarters honoured are of the commitments whose
    conditions held), its trade dependence on the state it would fight (T2), the pact's cohesion,
    its regime and major-power status, and the nuclear restraint (a nuclear-armed ally does not fight a nuclear-armed
    belligerent: :func:`foedus.sim.steps.war_entry.nuclear_restraint`, ``nuclear_entry_restraint``; Jervis 1989; nuclear-armed allies called to
    both sides in the same wave answer one after another in a random order, each facing those that honoured before it: :func:`_same_wave_nuclear`), and the great powers' restraint (a great power called against a minor attacker honours at ``honour_minor_attacker_restraint``'s odds, Leeds 2003, and against a great power at ``honour_joint_major_restraint`` of the onset's major-major odds, 0 by default: :mod:`foedus.sim.steps.ally_call`; the factors ``minor_attacker_restraint``, ``great_power_restraint``). An ally that honours joins the war against that state, its
    hostility to it at least ``honour_hostility`` (a share ``war_entry_delay`` a year late, if
    the war goes on); one that fails adds ``betrayal_penalty`` to its pact's betrayal and the
    state it was bound to multiplies its trust in it by ``betrayal_trust``. Every call's event
    (``commitment``) and every late entry (``war_entry``) names in its factors the obligation
    (``defense`` or ``offense``), the treaty (``agreement``) and the state it binds the ally to
    (``ally_of``); its detail gives the war side (1 the attacker's, 2 the target's). Each war is
    registered in ``world.state.wars``, with the states it called (``called``). In the war's first year an ally of a belligerent
    that was not called (the attacker's defence allies: the attack does not trigger their pledge) may join beside it by
    :func:`foedus.sim.steps.war_entry.warring_partners` (Siverson & Starr 1990; Leeds 2003; Gartzke & Gleditsch 2004).

    A pact calls only for the wars its written conditions cover (:func:`foedus.theory.war.conditions_met`;
    ATOP ``defcoadv``, ``defconpr``, ``offcoadv``, carried as ``war_conditions``; Leeds, Long & Mitchell 2000):
    one that promises defence only against the adversaries it names (``adversary``, ``adversary_second``: ATOP
    ``statthr1``/``statthr2``; else, or for a pact formed in the run, ``target``: the members' founding threat) calls nobody against another attacker (the Little
    Entente against Hungary, not Germany); one that defends only an unprovoked ally calls nobody for an ally that
    entered the war by its own choice (a chain call); an offence pact against named adversaries only against them.
    A permanently neutral state (``Actor.neutral``) is called to no war by a pact it holds from before its neutrality or
    from the record: the law of neutrality binds it to stand aside (Hague Convention V, 1907, art. 1-2; Karsh 1988), as
    treaties write it (the European Union's mutual-assistance clause "shall not prejudice the specific character of the
    security and defence policy of certain Member States", TEU art. 42.7: Austria, Ireland).
    """
    y = world.state.year
    wars = [{"start": y, "attacker": int(a), "target": int(t), "side": {int(a): 1, int(t): 2}, "pending": []} for a, t in zip(attackers, targets)]
    world.state.wars.extend(wars)
    out_of_reach: list[list[int]] = [[] for _ in wars]
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    if not len(slots):
        return out_of_reach
    war_slots = slots[ag.obligations[slots][:, [_DEF, _OFF]].any(axis=1)]
    if not len(war_slots):
        return out_of_reach
    # a call is the casus foederis arisen, so a conditional pact's conditions count as met: it
    # calls and binds as its unconditional form (Leeds, Long & Mitchell 2000 count honouring only
    # where the conditions hold; the conditional discount is what a promise is worth beforehand)
    m, ob = ag.members[war_slots], ag.obligations[war_slots]
    # the written conditions of each pact's war obligations and the adversaries it names (Leeds, Long & Mitchell 2000:
    # a pact written against Hungary is not invoked by Germany; foedus.theory.war.conditions_met)
    cond = ag.war_conditions[war_slots]
    # (the adversaries its text names; else, a pact formed in the run or naming none, the threat it was formed against)
    adv = np.stack([ag.adversary[war_slots], ag.adversary_second[war_slots], ag.target[war_slots]], axis=1) if cond.any() else None
    # the casus foederis compiled (conflict_kernels.casus_foederis, foedus.theory.war.casus_foederis to the bit): its
    # inputs that do not change from wave to wave once (the strength is the theory's war_commitment of the unconditional form)
    strength = th_war.war_commitment(ob, np.broadcast_to(np.asarray(False), (len(war_slots),)))
    ob_def, ob_off = np.ascontiguousarray(ob[:, _DEF]), np.ascontiguousarray(ob[:, _OFF])
    written = adv is not None
    k_cond = np.asarray(cond, dtype=np.int64) if written else np.zeros(0, np.int64)
    k_adv = np.asarray(adv, dtype=np.int64) if written else np.zeros((0, 1), np.int64)
    neutral, casus_against = permanently_neutral(world), float(th_war.intra_alliance_casus(territorial_integrity_norm(y), world.inputs.params.intra_alliance_casus, world.inputs.params.intra_alliance_casus_charter, check=world.inputs.check))
    for q, war in enumerate(wars):
        att, tgt = war["attacker"], war["target"]
        # whether a pact of both belligerents calls its other members against the attacking member (one draw a war): ATOP's literal
        against = bool(rng.random() < casus_against)  # obligation before the Charter, the Council's business under it (art. 52-53)
        seen = np.zeros(world.n, bool)
        seen[[att, tgt]] = True
        # wave 0: the belligerents' own pacts; each later wave: the pacts of the allies that entered in the one before
        callers = [(att, tgt, -1)]
        for _ in range(world.inputs.params.alliance_chain_depth + 1):
            entered: list[tuple[int, int, int]] = []
            for a_role, t_role, own in callers:
                # an entrant is at war by its own choice: a pact that defends only an unprovoked ally does not call for it
                commit, pact, side = kern.casus_foederis(m, ob_def, ob_off, strength, k_cond, k_adv, a_role, t_role, against, own >= 0, written)
                ok = (commit > 0) & world.state.active & ~seen & ~neutral  # a permanently neutral ally is called to no war
                if own >= 0:
                    ok &= side == own  # an entrant calls its own partners, to its own side
                allies = np.flatnonzero(ok)
                if not len(allies):
                    continue
                seen[allies] = True
                num = np.where(side[allies] == t_role, 2, 1)
                enemy = np.where(num == 2, att, tgt)
                to_enemy, to_partner = _reach(world, allies, enemy), _reach(world, allies, side[allies])
                theatre = _reach(world, enemy, side[allies])  # how far the enemy carries the war to the partner's territory
                reach = th_onset.reach_to_war(to_enemy, to_partner, theatre, check=world.inputs.check)
                arises = rng.random(len(allies)) < ally_call.casus_probability(world, reach)  # 1 unless casus_reach_gate (call20)
                out_of_reach[q] += world.inputs.ccode[allies[~arises]].tolist()
                if arises.any():
                    k = arises
                    who, num_in = _answer_call(world, rng, war, allies[k], commit[allies[k]], war_slots[pact[allies[k]]], side[allies[k]], num[k], enemy[k], reach[k])
                    entered += [(int(e), int(n_)) for e, n_ in zip(who, num_in)]
            # an entrant on the victim's side is at war with the attacker as if attacked (Germany declared war on Russia
            # and on France in 1914); one on the attacker's side calls its offence partners (ATOP: whatever the war's origin)
            callers = [(att, e, e) if n_ == 2 else (e, tgt, e) for e, n_ in entered]
            if not callers:
                break
        war["called"] = np.flatnonzero(seen)
        if world.inputs.params.warring_ally_join_rate > 0:
            _warring_partners(world, rng, war)
    return out_of_reach


def _same_wave_nuclear(world: World, war: dict, allies: np.ndarray, num: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Where nuclear-armed ``allies`` are called to both sides of ``war`` (``num``, 1 or 2) at once: (``held``, the allies' nuclear arms).

    ``held[s]`` (s 1 or 2) says whether side s holds a nuclear-armed belligerent as the war stands, its allies that honoured a year
    late (``war["pending"]``) counted: :func:`foedus.sim.steps.war_entry.nuclear_restraint` sees only the belligerents already in
    the war, so a nuclear-armed defence ally of the target and a nuclear-armed offence ally of the attacker called in the same
    wave would both escape the restraint (Jervis 1989: neither enters a war against the other). None where no such pair is called.
    """
    nu = _nuclear(world)[allies]
    num = np.asarray(num)
    if not ((nu & (num == 1)).any() and (nu & (num == 2)).any()):
        return None
    members, msides = kern.war_sides(war)
    held = np.zeros(3, bool)
    armed = _nuclear(world)
    held[msides[armed[members]]] = True
    for entry in war["pending"]:
        held[entry[2]] |= bool(armed[entry[0]])
    return held, nu


def _answer_call(world: World, rng: np.random.Generator, war: dict, allies, commit, a_of, side, num, enemy, reach) -> tuple[np.ndarray, np.ndarray]:
    """The called ``allies`` (bound to the states ``side``, on war side ``num``, 1 or 2, through agreements ``a_of``) honour or fail against ``enemy``.

    See :func:`call_allies`. Returns the allies that entered at once and their war sides.
    """
    p = world.inputs.params
    ag = world.state.agreements
    coh = ag.cohesion[a_of]
    inter = world.state.trade_dependence[allies, enemy]
    dem = (world.state.regime[allies] >= 0.5).astype(float)
    major = world.state.major[allies].astype(float)
    # the era's reliability: three quarters before 1945, about a fifth after (Leeds 2003; Berkemeier & Fuhrmann 2018)
    base = float(th_war.honour_base_rate(territorial_integrity_norm(world.state.year), p.honour_base_rate, p.honour_base_rate_charter, check=world.inputs.check))
    ph0 = th_cohesion.honour_probability(commit, inter, coh, democratic=dem, major_power=major, base_rate=base, check=world.inputs.check)
    ph0, call_f = ally_call.honour_terms(world, ph0, allies, enemy, reach, num, side)  # reach, minor attacker, rival partner
    # the nuclear revolution: a nuclear-armed ally does not fight a nuclear-armed belligerent (Jervis 1989)
    restraint, joint = _nuclear_restraint(world, war, allies, num)
    # great powers avoid fighting one another: the onset's major-major term on the honouring's log-odds (Bremer 1992; Levy 1983)
    gp, jm = ally_call.joint_major_called(world, allies, enemy)  # (0 unless honour_joint_major_restraint: the record's fought, call20)
    ph = th_restraint.great_power_restraint(ph0 * restraint, gp, True, jm, check=world.inputs.check)
    u = rng.random(len(allies))
    honoured = u < ph
    same_wave = _same_wave_nuclear(world, war, allies, num)
    if same_wave is not None:
        # nuclear-armed allies called to both sides in the same wave: they answer one after another (onset19), each facing the
        # war as it stands with the nuclear-armed allies that honoured before it (Jervis 1989), not as it stood before the call
        held, order, nu = same_wave[0], rng.permutation(len(allies)), same_wave[1]
        full = th_join.nuclear_entry_restraint(nu, True, p.nuclear_entry_restraint)
        ph_full = th_restraint.great_power_restraint(ph0 * full, gp, True, jm, check=world.inputs.check)
        for k in order.tolist():
            if nu[k] and not joint[k] and held[3 - num[k]]:
                joint[k], restraint[k], ph[k] = True, full[k], ph_full[k]
            honoured[k] = u[k] < ph[k]
            held[num[k]] |= bool(honoured[k] and nu[k])
    late = honoured & (rng.random(len(allies)) < p.war_entry_delay)
    # the obligation that calls each ally (ATOP: defence to the attacked side, offence to the attacker's) and its treaty
    factors = [
        {
            "obligation": "defense" if n == 2 else "offense", "agreement": int(aid), "ally_of": int(world.inputs.ccode[s]), "against_a_member": bool(am),
            "reach": float(r), "casus_foederis_probability": float(r), "commitment": float(c), "interdependence_with_adversary": float(x),
            "cohesion": float(q), "democratic": float(d), "major_power": float(mj), "honour_base_rate": base, **({"nuclear_restraint": float(nr)} if nj else {}),
            **({"great_power_restraint": jm} if g else {}), **cf,
        }
        for n, s, aid, r, c, x, q, d, mj, am, nr, nj, g, cf in zip(num, side, ag.agreement_id[a_of], reach, commit, inter, coh, dem, major, ag.members[a_of, enemy], restraint, joint, gp, call_f)
    ]
    world.log.events(
        world.state.year,
        "commitment",
        ag.agreement_id[a_of],
        world.inputs.ccode[allies],
        world.inputs.ccode[enemy],
        [
            {
                "called": True, "honoured": bool(h), "ally_of": int(world.inputs.ccode[s]), "side": int(n), "obligation": "defense" if n == 2 else "offense",
                "probability": float(pr), "war": _war_key(world, war), "enters": ("next year" if lt else "now") if h else None, "factors": f,
            }
            for h, lt, s, n, pr, f in zip(honoured, late, side, num, ph, factors)
        ],
    )
    now = honoured & ~late
    _enter(world, war, allies[now], enemy[now], num[now])
    for a, e, n, s, slot, f in zip(allies[late], enemy[late], num[late], side[late], a_of[late], np.asarray(factors, dtype=object)[late]):
        war["pending"].append((int(a), int(e), int(n), int(slot), int(ag.agreement_id[slot]), f, int(s)))
    if (~honoured).any():
        bad, bad_a = allies[~honoured], a_of[~honoured]
        ag.betrayal[bad_a] = np.minimum(ag.betrayal[bad_a] + p.betrayal_penalty, 1.0)  # one penalty per pact and call
        world.state.trust[side[~honoured], bad] *= p.betrayal_trust
    return allies[now], num[now]
