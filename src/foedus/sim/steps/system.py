"""Step 0, the state system: states enter and leave it as the scenario schedules (brief A1; COW state list).

A run's arrays cover every state that is a system member at some time in the horizon (fixed
size, so every step stays vectorised); :attr:`foedus.sim.world.WorldState.active` says which are
members this year. A state outside the system is *dormant*: no capability share (its anchor
``cinc0`` is 0, so its power and every threat it poses are 0), no spending or forces, no
hostility, rivalry, war, cyber posture or exposure to global threats, no memberships, and it
takes no decision (the alignment step lets only members reconsider and pair). What every later
step must not see of dormant states is removed in two places: here, when a state leaves
(:func:`leave_system`), and after threat perception (:func:`absent_states`, which removes the
threats to dormant states, so that they neither arm nor ally). The recorder keeps state-years
of members only (:mod:`foedus.sim.record`).

The scenario schedules spells with :attr:`foedus.sim.scenario.Actor.in_system`
(:func:`foedus.sim.build.scenario_from_record` writes them from the COW State System Membership
List: a state counts as a member of a year when it is one on 31 December). A state enters at
the start of its first year with the figures its actor gives (those of its first year in the
record); it leaves at the start of the year after its last, which is then the year its
memberships end (COW's ``endyear``: Bavaria, absorbed in January 1871, last counts in 1870).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.dissolution import dissolve_if_deserted, leave
from foedus.sim.steps._common import ALLIANCE, SECURITY
from foedus.sim.world import World
from foedus.theory.nonalignment import policy_inertia

OPEN = np.iinfo(np.int64).max
"""Last year of a spell without end (to the horizon's end)."""


def membership_in(spells: np.ndarray, n: int, year: int) -> np.ndarray:
    """(N,) bool: the states with a spell covering ``year``; ``spells`` (S, 3): state index, first, last year."""
    out = np.zeros(n, bool)
    if len(spells):
        on = (spells[:, 1] <= year) & (year <= spells[:, 2])
        out[spells[on, 0]] = True
    return out


def system_membership(world: World, rng: np.random.Generator) -> None:
    """States enter and leave the system this year (brief A1); the inertia of non-alignment (:func:`nonalignment_record`).

    Entrants become active with their scheduled figures (:func:`enter_system`); states whose
    last year was the previous one leave (:func:`leave_system`). Both are logged as events
    (``state_entry``, ``state_exit``). Nothing happens in a world without scheduled spells. The
    kinds of crisis that may arise follow the era too (:func:`crisis_kinds` of ``world.inputs.crisis_threat_from``).
    """
    if len(world.inputs.crisis_threat_from):
        world.state.crisis_threats = crisis_kinds(world.inputs.crisis_threat_from, world.state.year)
    nonalignment_record(world, rng)
    if not len(world.inputs.spells):
        scheduled_majors(world)
        return
    now = membership_in(world.inputs.spells, world.n, world.state.year)
    leaving = np.flatnonzero(world.state.active & ~now)
    entering = np.flatnonzero(now & ~world.state.active)
    slot, succ = succeed(world, entering)  # before the predecessors leave: a treaty they leave keeps its seat
    if len(leaving):
        leave_system(world, leaving)
    if len(entering):
        enter_system(world, entering)
        world.state.agreements.power_start[slot, succ] = world.state.power[succ]  # the successor's capability when it took the seat
    scheduled_majors(world)


def scheduled_majors(world: World) -> None:
    """The states whose major-power status the scenario schedules (``world.inputs.major_spells``; COW Project 2017) take this
    year's: a great power from the first year of its spell to its last (China from 1950), a member of the system only."""
    sp = world.inputs.major_spells
    if not len(sp):
        return
    idx = np.unique(sp[:, 0])
    now = membership_in(sp, world.n, world.state.year)[idx] & world.state.active[idx]
    if (world.state.major[idx] != now).any():
        world.state.major[idx] = now
        world.cache.pop("rival_pairs", None)  # the trend step's pairs of rivals and majors


def succeed(world: World, entering: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The states ``entering`` continue the memberships of the states they succeed (``world.inputs.successions``; ATOP).

    Where the scenario says a successor continues its predecessor's membership of a treaty (Germany West Germany's in
    NATO in 1990, the Czech Republic and Slovakia Czechoslovakia's in 1993: :func:`foedus.sim.build_members.successions`)
    and the predecessor is still a member when the successor enters, the successor takes the seat without a decision or a
    vote, with the predecessor's entry year: an ``accession`` event whose ``ccode2`` is the predecessor, cause "succession".
    Called before the predecessors leave (:func:`leave_system`), so a treaty they leave is not left too small. Returns the
    agreements' slots and the successors' indices (the caller notes their capability once they have entered).
    """
    sc = world.inputs.successions
    none = (np.zeros(0, np.intp), np.zeros(0, np.intp))
    if not len(sc) or not len(entering):
        return none
    sc = sc[np.isin(sc[:, 2], entering)]
    ag = world.state.agreements
    live = (ag.agreement_id[: ag.n][None, :] == sc[:, :1]) & ag.active[: ag.n][None, :]
    slot = live.argmax(axis=1)
    ok = live.any(axis=1) & ag.members[slot, sc[:, 1]] & ~ag.members[slot, sc[:, 2]]
    slot, pred, succ = slot[ok], sc[ok, 1], sc[ok, 2]
    if not len(slot):
        return none
    ag.join_many(slot, succ, world.state.year)
    ag.entry_year[slot, succ] = ag.entry_year[slot, pred]  # the membership continues
    details = [{"cause": "succession", "predecessor": int(c)} for c in world.inputs.ccode[pred]] if world.inputs.explain else None
    world.log.events(world.state.year, "accession", ag.agreement_id[slot], world.inputs.ccode[succ], world.inputs.ccode[pred], details)
    return slot, succ


NO_RECORD = 10**6
"""``WorldState.out_since`` of a state without a record of non-alignment from before the start (a year never reached)."""


def nonalignment_record(world: World, rng: np.random.Generator) -> None:
    """Each state's record of staying out of alliances, and this year's inertia of those long out (issue 17 item 4).

    The record is the one the run starts from: a state out of defence and offence pacts since the scenario's
    ``Actor.nonaligned_since`` (ATOP, before the start) keeps its spell (``world.state.out_since``) while it stays out;
    once in such a pact (an alliance in force with either obligation), or outside the system, it has none
    (:data:`NO_RECORD`), nor has a state without one at the start. The run's own spells out need no such term: its
    choices already fall with time out as steeply as the record's (:mod:`foedus.analysis.nonalignment`; the choice of
    ``Parameters.nonalignment_elasticity``); what a run cannot know is the history before its start, which the inertia
    carries. A state ``t`` years out weighs a defence or offence pact this year with probability
    :func:`foedus.theory.nonalignment.policy_inertia` of ``t``: one draw per state from ``rng`` when any such chance is
    below 1; the others are barred (``world.state.policy_bar``; :func:`foedus.sim.steps.neutrality.stays_out` lifts the
    bar on a threat shock).
    """
    s = world.state
    if len(s.out_since) != world.n:  # a world built without the record
        return
    ag = s.agreements
    k = ag.n
    prot = ag.active[:k] & (ag.kind[:k] == ALLIANCE) & (ag.domain[:k] == SECURITY) & ag.obligations[:k, :2].any(axis=1)
    aligned = ag.members[:k][prot].any(axis=0)
    s.out_since = np.where(aligned | ~s.active, NO_RECORD, s.out_since)
    chance = policy_inertia(np.maximum(s.year - s.out_since, 0), world.inputs.params.nonalignment_elasticity)
    s.policy_bar = s.active & (rng.random(world.n) >= chance) if (chance < 1.0).any() else np.zeros(world.n, bool)


def crisis_kinds(first_year: np.ndarray, year: int) -> list[int]:
    """The kinds of global threat (indices into :data:`foedus.sim.scenario.GLOBAL_THREATS`) that may arise as a crisis in ``year``:
    those whose first year (``first_year``, (K,) int) has come."""
    return np.flatnonzero(np.asarray(first_year) <= year).tolist()


def make_dormant(world: World, idx: np.ndarray) -> None:
    """Take the states ``idx`` out of every array a step reads (see the module docstring); no events."""
    idx = np.asarray(idx, dtype=np.intp)
    world.state.active[idx] = False
    world.state.cinc0[idx] = 0.0
    for name in ("milex", "military", "milper", "milex_floor", "base_spending", "cyber_capacity", "cyber_vulnerability"):
        getattr(world.state, name)[idx] = 0.0
    world.state.power = np.where(world.state.active, world.state.power, 0.0)
    world.state.cinc = np.where(world.state.active, world.state.cinc, 0.0)
    world.state.major[idx] = False
    world.state.exposure[idx] = 0.0
    for name in ("hostility", "hostility_base"):
        arr = getattr(world.state, name)
        arr[idx, :] = 0.0
        arr[:, idx] = 0.0
    for arr in (world.state.rivalry, world.state.at_war):
        arr[idx, :] = False
        arr[:, idx] = False
    if world.state.war_history.shape == (world.n, world.n):
        world.state.war_history[idx, :] = 0.0
        world.state.war_history[:, idx] = 0.0
    if world.state.rivalry_ended.shape == (world.n, world.n):  # a state back in the system brings no settlement owed (settle16)
        world.state.rivalry_ended[idx, :] = np.nan
        world.state.rivalry_ended[:, idx] = np.nan
    world.cache.pop("rival_pairs", None)  # the trend step's pairs of rivals and majors


def leave_system(world: World, idx: np.ndarray) -> None:
    """The states ``idx`` leave the system: their memberships and rivalries end, then they go dormant.

    Every agreement they belong to loses them (an ``exit`` event, cause "state left the
    system"; a security agreement left with fewer than two members dissolves), their rivalries
    end (``rivalry_end``, same cause) and a ``state_exit`` event is logged for each.
    """
    ag = world.state.agreements
    y = world.state.year
    slots, members = np.nonzero(ag.members[: ag.n][:, idx] & ag.active[: ag.n, None])
    if len(slots):
        members = idx[members]
        leave(world, slots, members, {"cause": "state left the system"} if world.inputs.explain else None, unravel=False)
        dissolve_if_deserted(world, np.unique(slots), "too few members after a state left the system")
    ri, rj = np.nonzero(np.triu(world.state.rivalry | world.state.rivalry.T))
    gone = np.isin(ri, idx) | np.isin(rj, idx)
    if gone.any():
        world.log.events(y, "rivalry_end", -1, world.inputs.ccode[ri[gone]], world.inputs.ccode[rj[gone]], {"cause": "state left the system"})
    make_dormant(world, idx)
    world.log.events(y, "state_exit", -1, world.inputs.ccode[idx], -1, {"cause": "scheduled end of its spell in the system"})


def enter_system(world: World, idx: np.ndarray) -> None:
    """The states ``idx`` enter the system with their scheduled figures (``world.inputs.dormant``).

    Economy, spending, personnel, stock (spending over depreciation) and their anchors are the
    actor's figures; the Richardson grievance term is ``fatigue * spending`` (the state's
    spending is a fixed point before it reacts to anyone's threat); its capability anchor
    ``cinc0`` is set so that its capability share stands to the members' current shares as its
    recorded CINC stands to their current ``cinc`` (``cinc0_i = cinc_i * R / C``, ``R`` the
    members' raw capability and ``C`` their current ``cinc`` total); hostility and rivalry with
    the members are the scenario's relations; major status, cyber posture and exposure are its own.
    """
    d = world.inputs.dormant
    p = world.inputs.params
    idx = np.asarray(idx, dtype=np.intp)
    members = world.state.active.copy()
    world.state.active[idx] = True
    world.state.economy[idx] = world.state.economy0[idx] = d["economy"][idx]
    world.state.milex[idx] = world.state.milex0[idx] = world.state.milex_floor[idx] = d["milex"][idx]
    world.state.military[idx] = world.state.military0[idx] = d["milex"][idx] / p.military_depreciation
    world.state.milper[idx] = world.state.milper0[idx] = d["milper"][idx]
    world.state.base_spending[idx] = p.fatigue * d["milex"][idx]
    raw = world.state.cinc0[members] * 0.5 * (world.state.economy[members] / world.state.economy0[members] + world.state.military[members] / world.state.military0[members])
    scale = raw.sum() / max(float(world.state.cinc[members].sum()), 1e-12) if members.any() else 1.0
    world.state.cinc0[idx] = d["cinc"][idx] * scale
    world.state.major[idx] = d["major"][idx]
    world.state.cyber_capacity[idx] = d["cyber_capacity"][idx]
    world.state.cyber_vulnerability[idx] = d["cyber_vulnerability"][idx]
    world.state.exposure[idx] = d["exposure"][idx]
    rows, cols = np.ix_(idx, np.flatnonzero(world.state.active))
    for name, key in (("hostility", "hostility"), ("hostility_base", "hostility_base"), ("rivalry", "rivalry")):
        arr = getattr(world.state, name)
        arr[rows, cols] = d[key][rows, cols]
        arr[cols.T, rows.T] = d[key][cols.T, rows.T]
    world.cache.pop("rival_pairs", None)
    world.update_power()
    lp = np.log(np.where(world.state.power > 0, world.state.power, 1.0))  # the restored rivalries' balance (foedus.theory.rivalry.log_ratio)
    world.state.rivalry_balance0[rows, cols] = lp[rows] - lp[cols]
    world.state.rivalry_balance0[cols.T, rows.T] = lp[cols.T] - lp[rows.T]
    world.log.events(world.state.year, "state_entry", -1, world.inputs.ccode[idx], -1, {"cause": "scheduled start of its spell in the system"})


def absent_states(world: World, rng: np.random.Generator) -> None:
    """Remove the threats to and from dormant states from this year's results (after threat perception).

    Dormant states pose no threat already (no capability); this also zeroes the threats they
    perceive and their exposure to global threats, so they do not arm, and shared global threats
    with them, so nobody allies with them for it. ``rng`` is not drawn from.
    """
    if world.state.active.all():
        return
    out = ~world.state.active
    r = world.results
    r.threat[out, :] = 0.0
    r.threat[:, out] = 0.0
    world.cache.pop("main_threat", None)  # :func:`foedus.sim.steps.threat.main_threat_of` of the threats before
    r.global_threat = np.where(out, 0.0, r.global_threat)
    shared = r.shared_global.copy()
    shared[out, :] = 0.0
    shared[:, out] = 0.0
    r.shared_global = shared
