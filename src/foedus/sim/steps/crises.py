"""Step 6, crises and coalitions: crises arise, coalitions of the willing assemble, act and dissolve (brief D4)."""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.scenario import GLOBAL_THREATS
from foedus.sim.steps._common import COALITION, ORGANISATION, SECURITY, asymmetric
from foedus.sim.steps.dissolution import dissolve
from foedus.data.nuclear import nuclear_armed
from foedus.sim.steps.neutrality import permanently_neutral
from foedus.sim.steps.threat import CALL_TO_ARMS, alliance_commitment
from foedus.sim.world import World
from foedus.theory import coalitions as th_coal
from foedus.theory import integration as th_integration
from foedus.theory import war as th_war

_DEF, _OFF, _CON = (OBLIGATIONS.index(o) for o in ("defense", "offense", "consultation"))

COALITION_FIRST_YEAR: dict[str, int] = {
    "terrorism": 2001,
    "organised_crime": 2000,
    "proliferation": 2003,
}
"""The first year in which states assemble a coalition of the willing against each kind of global threat (a crisis of that kind
may arise earlier, as :data:`foedus.sim.build.CRISIS_THREAT_FIRST_YEAR` dates it, and weigh on threat perception; before this
year nobody fights it together). The threat is older than the alliance problem: Rapoport (2004, "The Four Waves of Modern
Terrorism", in Cronin & Ludes, *Attacking Terrorism*, Georgetown UP) dates modern terrorism from the anarchist wave of the
1880s, and the 1898 Rome conference concerted police work, not armed force. We choose the date at which states first pledged
to meet each threat *together, with force or binding common measures*:

- terrorism, 2001: UN Security Council resolution 1373 (28 September 2001), the first binding Chapter VII obligation on every
  state against terrorism, NATO's first invocation of article 5 (12 September 2001) and the Enduring Freedom coalition;
- organised crime, 2000: the UN Convention against Transnational Organized Crime (Palermo, adopted 15 November 2000), the
  first treaty to make it an object of common action (the 1815 declaration against the slave trade bound no one to act);
- proliferation, 2003: the Proliferation Security Initiative (Krakow, 31 May 2003), the first coalition of the willing to
  interdict WMD shipments (the NPT of 1968 is a renunciation, not a coalition).

Ours: a date per kind, the event the literature treats as the start of collective action against it (Byman 2003; Nadelmann
1990 on global prohibition regimes); an aggression crisis (an invasion) has no such date."""


def crises_and_coalitions(world: World, rng: np.random.Generator) -> None:
    """Crises arise; coalitions of the willing assemble, act and dissolve or institutionalise; organisations grow (brief D4, A2).

    A new global-threat crisis (terrorism, proliferation, organised crime: those the scenario's
    ``crisis_threats`` allow, chosen at random) starts with probability ``crisis_rate``; it hits
    states unevenly (exposure times a random factor in ``[1 - crisis_spread, 1 + crisis_spread]``:
    "different intensity and timing"; intensity exponential with mean ``crisis_intensity``,
    duration geometric with ``crisis_end_rate``). An invasion (a scheduled shock) opens an
    aggression crisis. For each open crisis without a coalition (:mod:`foedus.theory.coalitions`):

    - a state's *stake* is its exposure to a global threat; against an aggressor it is 1 for the
      victim and for states bound to it (a defence or offence pact without the aggressor, a defence written against
      named adversaries only against them) or sharing the
      threat (the aggressor's threat at least ``coalition_threat_share`` of the largest they
      perceive), 0 for others and for states bound to the aggressor by a defence or offence pact;
      a proliferation crisis is one state's weapons programme, the *proliferator* (drawn, once its coalition may assemble, by
      :func:`foedus.theory.coalitions.proliferation_propensity`: latent capability, a nuclear-armed rival, no nuclear-armed ally;
      Singh & Way 2004, Jo & Gartzke 2007), and the stake against it is that against an aggressor without a victim: sharing
      its threat (Walt 1987) or being its rival, whom the programme is aimed at (Sagan 1996), never for the proliferator or a
      state bound to it (issue 17, item 6; no proliferator, no coalition); while no coalition has assembled, the proliferator is
      drawn again each year it has left the system, and the crisis ends when it no longer proliferates (its weight 0: armed,
      protected, or without a nuclear-armed rival: a crisis over one programme does not become one over another's), and the
      formation names its rivals apart (``rival_of_proliferator``) from those sharing its threat;
    - its usable *capability* is its capability share, or against an aggressor what reaches the
      victim (the proliferator) on Boulding's loss-of-strength gradient (``coalition_reach_km``);
    - the lead is the state of largest stake times capability (not one at least
      ``lead_hostility_limit`` hostile to the aggressor), or, for a collective action the Security Council
      mandated, the permanent member that leads it (:func:`_mandate_lead`; Voeten 2005); a state is willing when
      ``stake * capability * interoperability >= coalition_threshold * intensity``
      (interoperability: ``interoperability_floor + (1 - floor) * integration`` of its strongest
      agreement shared with the lead; 1 for the lead) and is not hostile to the lead (below
      ``coalition_hostility_limit``) nor its strategic rival, nor of a more capable willing state.

    No coalition assembles against a global threat before the year :data:`COALITION_FIRST_YEAR` dates (terrorism 2001,
    organised crime 2000, proliferation 2003: Rapoport 2004's waves date the threat, not collective action against it);
    the crisis still runs its course. Two or more willing states form a coalition (kind ``coalition``). Each year a coalition
    wears the crisis down by ``coalition_efficacy`` times its effectiveness, the sum over members
    of :func:`foedus.theory.integration.integration_effectiveness` of their exposed capability. A
    crisis ends when its intensity is spent or its time runs out; its coalition dissolves then
    ("mission-bound"), except that one whose mission succeeded becomes a standing security
    organisation with probability ``institutionalisation_rate`` when it has at least
    ``organisation_min_members`` members (Wallander 2000). Last, states accede to security
    organisations they may join (:func:`organisations`).
    """
    p = world.inputs.params
    ag = world.state.agreements
    cr = world.state.crises
    y = world.state.year
    n = world.n
    kinds = world.state.crisis_threats
    if kinds and rng.random() < p.crisis_rate:
        k = kinds[int(rng.integers(len(kinds)))]
        exposure = np.clip(world.state.exposure[:, k] * rng.uniform(1.0 - p.crisis_spread, 1.0 + p.crisis_spread, n), 0.0, 1.0)
        intensity = float(rng.exponential(p.crisis_intensity))
        duration = int(rng.geometric(p.crisis_end_rate))
        c = cr.add(GLOBAL_THREATS[k], y, exposure, intensity, duration)
        world.state.global_intensity[k] += intensity
        world.log.events(y, "crisis", -1, -1, -1, {"crisis": GLOBAL_THREATS[k], "intensity": intensity, "duration": duration, "index": c})
    for c in cr.open():
        if cr.coalition[c] < 0 and cr.start_year[c] <= y and y >= COALITION_FIRST_YEAR.get(cr.kind[c], y):
            if cr.kind[c] == "proliferation":
                agg = cr.aggressor[c]
                if agg < 0 or not world.state.active[agg]:
                    # the state whose programme the coalition is against: drawn (again, while none assembled, if the one drawn
                    # left the system)
                    cr.aggressor[c] = _proliferator(world, rng)
                elif _proliferation_weights(world)[agg] <= 0:
                    # its programme is over (it is armed now, protected by a nuclear-armed ally, or has no nuclear-armed rival to
                    # aim at): the crisis over that programme ends; it does not move to another state's (review of leftovers17)
                    _close(world, rng, c)  # (no coalition yet: nothing dissolves, as a crisis that runs its course unopposed)
                    continue
            if cr.kind[c] != "proliferation" or cr.aggressor[c] >= 0:  # no proliferator: nobody to act against
                _assemble(world, c)
        a = cr.coalition[c]
        if a >= 0 and ag.active[a]:
            idx = np.flatnonzero(ag.members[a])
            eff = th_integration.integration_effectiveness(ag.integration[a], world.state.power[idx] * cr.exposure[c][idx], check=world.inputs.check).sum()
            cr.intensity[c] = max(cr.intensity[c] - p.coalition_efficacy * eff, 0.0)
        cr.remaining[c] -= 1
        if cr.intensity[c] <= 1e-9 or cr.remaining[c] <= 0:
            _close(world, rng, c)
    organisations(world, rng)


def _stake(world: World, c: int) -> tuple[np.ndarray, np.ndarray, dict]:
    """Each state's stake in crisis ``c`` and the capability it can bring (see :func:`crises_and_coalitions`), and what decided them."""
    p = world.inputs.params
    cr = world.state.crises
    agg, victim = cr.aggressor[c], cr.target[c]  # a proliferator has no victim (-1)
    if agg < 0:
        return cr.exposure[c], world.state.power, {}
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    ob = ag.obligations[slots]
    m = ag.members[slots]
    acting = ob[:, _DEF] | ob[:, _OFF]  # a commitment to fight (consultation and non-aggression bind to nothing here)
    # a defence written against named adversaries binds to the victim only against them (foedus.theory.war.conditions_met)
    adv = np.stack([ag.adversary[slots], ag.adversary_second[slots], ag.target[slots]], axis=1)
    binds = (ob[:, _DEF] & th_war.conditions_met(ag.war_conditions[slots], adv, agg, defence=True)) | ob[:, _OFF]
    bound = (m & (binds & m[:, victim] & ~m[:, agg])[:, None]).any(axis=0) if len(slots) and victim >= 0 else np.zeros(world.n, bool)
    apart = ~m[:, victim] if victim >= 0 else np.ones(len(slots), bool)
    hostile = (m & (acting & m[:, agg] & apart)[:, None]).any(axis=0) if len(slots) else np.zeros(world.n, bool)
    t = world.results.threat
    share = th_coal.shares_threat(t[:, agg], t.max(axis=1), p.coalition_threat_share, check=world.inputs.check)
    aimed = world.state.rivalry[:, agg].astype(bool) if victim < 0 else np.zeros(world.n, bool)  # a programme is aimed at the proliferator's rivals
    stake = ((bound | share | aimed) & ~hostile).astype(float)
    if victim >= 0:
        stake[victim] = 1.0
    stake[agg] = 0.0
    theatre = victim if victim >= 0 else agg  # the strength that reaches the victim, or the proliferator
    cap = th_coal.projected_capability(world.state.power, world.inputs.distance_km[:, theatre], p.coalition_reach_km, check=world.inputs.check)
    return stake, cap, {"bound_to_victim": bound, "shares_threat": share, "rival_of_proliferator": aimed, "bound_to_aggressor": hostile}


def _assemble(world: World, c: int) -> None:
    """A coalition for crisis ``c``: its lead, the willing and compatible, if two or more (see :func:`crises_and_coalitions`)."""
    p = world.inputs.params
    ag = world.state.agreements
    cr = world.state.crises
    n, y = world.n, world.state.year
    agg = cr.aggressor[c]
    war = agg >= 0 and cr.kind[c] == "aggression"  # against an aggressor (a proliferator's coalition interdicts: no war, no offence pledge)
    stake, cap, why = _stake(world, c)
    score = stake * cap
    neutral = permanently_neutral(world) if war else np.zeros(n, bool)  # no offence pledge against an aggressor (access7)
    if war:
        score = score * (world.state.hostility[:, agg] < p.lead_hostility_limit)
        score[neutral] = 0.0
    if agg >= 0:
        score[agg] = 0.0
    lead = int(np.argmax(score))
    mandated = _mandate_lead(world, c)
    if mandated >= 0:  # a collective action the Security Council mandated is led by the permanent member that sought it (Voeten 2005)
        lead = mandated
        stake[lead] = 1.0
        score[lead] = max(score[lead], cap[lead])
    interop = _interoperability(world, lead)
    willing = th_coal.coalition_willing(stake, cap, interop, cr.intensity[c], p.coalition_threshold, check=world.inputs.check)
    fit = th_coal.compatible(world.state.hostility[:, lead], world.state.rivalry[:, lead], p.coalition_hostility_limit, check=world.inputs.check)
    willing &= fit
    # nor with a more capable willing member it is hostile to or a rival of (the stronger stays)
    clash = ~th_coal.compatible(world.state.hostility, world.state.rivalry, p.coalition_hostility_limit, check=world.inputs.check)
    ahead = (score[None, :] > score[:, None]) | ((score[None, :] == score[:, None]) & (np.arange(n)[None, :] < np.arange(n)[:, None]))
    outranked = (clash & ahead & willing[None, :]).any(axis=1)
    willing &= ~outranked
    if agg >= 0:
        willing[agg] = False  # never a member of the coalition against it
    if war:
        willing &= ~neutral
        willing &= ~world.state.at_war[:, lead] | (np.arange(n) == lead)
    willing[lead] = score[lead] > 0
    idx = np.flatnonzero(willing)
    if len(idx) < 2:
        return
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[_OFF if war else _CON] = True
    a = ag.add(idx, y, kind=COALITION, obligations=ob, leader=lead, crisis=c, asymmetric=asymmetric(world, idx), name=f"coalition against {cr.kind[c]} ({y})", power=world.state.power[idx])
    ag.integration[a] = float(np.mean(interop[idx]))
    cr.coalition[c] = a
    if war:
        # the aggressor and the coalition against it become adversaries (hostility at least coalition_aggressor_hostility)
        world.state.hostility[idx, agg] = world.state.hostility[agg, idx] = np.maximum(world.state.hostility[idx, agg], p.coalition_aggressor_hostility)
    factors = {
        "lead": int(world.inputs.ccode[lead]),
        "crisis_intensity": cr.intensity[c],
        "stake": float(np.mean(stake[idx])),
        "capability": float(np.mean(cap[idx])),
        "interoperability": float(np.mean(interop[idx])),
        "left_out_as_hostile_to_the_lead": world.inputs.ccode[~fit & (stake * cap > 0)].tolist(),
        "left_out_as_hostile_to_a_stronger_member": world.inputs.ccode[outranked & fit & (stake * cap > 0)].tolist(),
    }
    if why:  # against an aggressor: why each member has a stake, and who was left out as bound to the aggressor
        factors["bound_to_victim"] = world.inputs.ccode[idx[why["bound_to_victim"][idx]]].tolist()
        factors["shares_threat"] = world.inputs.ccode[idx[why["shares_threat"][idx]]].tolist()
        if not war:
            factors["proliferator"] = int(world.inputs.ccode[agg])
            # the members whose stake is the programme's aim (Sagan 1996), a motive of its own beside sharing the threat (Walt 1987)
            factors["rival_of_proliferator"] = world.inputs.ccode[idx[why["rival_of_proliferator"][idx]]].tolist()
        factors["left_out_as_permanently_neutral"] = world.inputs.ccode[neutral & (stake * cap > 0)].tolist()
        motive = why["bound_to_victim"] | why["shares_threat"] | why["rival_of_proliferator"]
        factors["left_out_as_bound_to_aggressor"] = world.inputs.ccode[why["bound_to_aggressor"] & motive].tolist()
    # one event per coalition (ccode: its lead), its members in the detail
    world.log.events(y, "formation", ag.agreement_id[a], world.inputs.ccode[lead], -1, {"cause": f"coalition of the willing against {cr.kind[c]}", "member_states": world.inputs.ccode[idx].tolist(), "factors": factors})


def _proliferation_weights(world: World) -> np.ndarray:
    """Each state's weight (N,) as the proliferator of a crisis this year, :func:`foedus.theory.coalitions.proliferation_propensity`:
    latent capability, a nuclear-armed rival, no nuclear-armed ally in arms (Sagan 1996; Singh & Way 2004; Jo & Gartzke 2007; Bleek &
    Lorber 2014; :func:`foedus.data.nuclear.nuclear_armed` by year); 0 for a state outside the system."""
    armed = nuclear_armed(world.inputs.ccode, world.state.year) & world.state.active
    allied = alliance_commitment(world) >= CALL_TO_ARMS
    rival = (world.state.rivalry.astype(bool) & armed[None, :]).any(axis=1)
    protected = (allied & armed[None, :]).any(axis=1)
    return th_coal.proliferation_propensity(world.state.power, armed, rival, protected, check=world.inputs.check) * world.state.active


def _proliferator(world: World, rng: np.random.Generator) -> int:
    """The state whose nuclear programme a proliferation crisis is (-1: none in the system), drawn in proportion to
    :func:`_proliferation_weights`."""
    w = _proliferation_weights(world)
    total = w.sum()
    if not total > 0:
        return -1
    return int(min(np.searchsorted(np.cumsum(w), rng.random() * total, side="right"), world.n - 1))


def _mandate_lead(world: World, c: int) -> int:
    """The permanent member chosen to lead the collective action the Security Council mandated for crisis ``c`` (-1: not a mandate).

    :func:`foedus.sim.steps.mandates.mandates` names it (:func:`foedus.theory.war_onset.security_council_lead`) on the war it registers.
    """
    return next((int(w.get("mandate_lead", -1)) for w in world.state.wars if w.get("mandate", -1) == c), -1)


def _close(world: World, rng: np.random.Generator, c: int) -> None:
    """Crisis ``c`` ends; its coalition dissolves, or, its mission done, may become a standing organisation."""
    p = world.inputs.params
    ag = world.state.agreements
    cr = world.state.crises
    y = world.state.year
    a = cr.coalition[c]
    cr.active[c] = False
    if cr.kind[c] in GLOBAL_THREATS:
        k = GLOBAL_THREATS.index(cr.kind[c])
        world.state.global_intensity[k] = max(world.state.global_intensity[k] - cr.initial[c], world.inputs.base_global[k])
    if a < 0 or not ag.active[a]:
        return
    success = cr.intensity[c] <= 1e-9
    idx = np.flatnonzero(ag.members[a])
    if success:
        chance = th_coal.institutionalisation_probability(p.institutionalisation_rate, len(idx), p.organisation_min_members)
        if chance > 0 and rng.random() < chance:
            ob = np.zeros(len(OBLIGATIONS), bool)
            ob[_CON] = True
            o = ag.add(
                idx, y, kind=ORGANISATION, obligations=ob, leader=int(ag.leader[a]), institutionalised=1, asymmetric=asymmetric(world, idx),
                name=f"organisation against {cr.kind[c]} ({y})", power=world.state.power[idx],
            )
            ag.integration[o] = ag.integration[a]
            world.log.events(
                y, "formation", ag.agreement_id[o], world.inputs.ccode[int(ag.leader[a])], -1,
                {
                    "cause": "coalition institutionalised", "member_states": world.inputs.ccode[idx].tolist(),
                    "factors": {"coalition": int(ag.agreement_id[a]), "mission": "succeeded", "members": len(idx), "probability": chance, "years": y - int(ag.start_year[a])},
                },
            )
            dissolve(world, a, {"cause": "institutionalised", "crisis": cr.kind[c], "years": y - int(ag.start_year[a])})
            return
    dissolve(world, a, {"cause": "mission ended" if success else "crisis faded", "crisis": cr.kind[c], "years": y - int(ag.start_year[a])})


def organisations(world: World, rng: np.random.Generator) -> None:
    """States accede to the security organisations they may join (:func:`foedus.theory.coalitions.may_join_organisation`), each with ``organisation_join_rate`` a year."""
    p = world.inputs.params
    if p.organisation_join_rate <= 0:
        return
    ag = world.state.agreements
    orgs = ag.in_force(kind=ORGANISATION, domain=SECURITY)
    if not len(orgs):
        return
    main = np.argmax(world.results.threat, axis=1)
    has_threat = world.results.threat.max(axis=1) > 0
    for o in orgs:
        mem = ag.members[o]
        if mem.sum() < 2:
            continue
        prox = world.inputs.proximity[:, mem].mean(axis=1)
        ideal = world.inputs.ideal_distance[:, mem].mean(axis=1) if world.inputs.ideal_distance is not None else np.zeros(world.n)
        host = world.state.hostility[:, mem].max(axis=1)
        rival = world.state.rivalry[:, mem].any(axis=1)
        fears = mem[main] & has_threat
        war = world.state.at_war[:, mem].any(axis=1)
        may = th_coal.may_join_organisation(
            prox, ideal, host, rival, fears, war, p.organisation_proximity, p.organisation_ideal_distance, p.coalition_hostility_limit
        ) & ~mem & world.state.active  # states outside the system join nothing
        idx = np.flatnonzero(may)
        if not len(idx):
            continue
        idx = idx[rng.random(len(idx)) < p.organisation_join_rate]
        if not len(idx):
            continue
        ag.join(o, idx, world.state.year, world.state.power)
        world.log.events(
            world.state.year, "accession", ag.agreement_id[o], world.inputs.ccode[idx], -1,
            [
                {"cause": "joins a regional organisation", "factors": {
                        "proximity_to_members": float(prox[i]), "ideal_distance_to_members": float(ideal[i]),
                        "max_hostility_to_members": float(host[i]), "probability": p.organisation_join_rate,
                    }}
                for i in idx
            ],
        )


def _interoperability(world: World, lead: int) -> np.ndarray:
    """``interoperability_floor + (1 - floor) * integration`` of each state's strongest security agreement shared with ``lead`` (the floor without one; 1 for the lead)."""
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    floor = world.inputs.params.interoperability_floor
    out = np.full(world.n, floor)
    if len(slots):
        shared = ag.members[slots] & ag.members[slots, lead][:, None]
        through = th_coal.interoperability(ag.integration[slots], floor, check=world.inputs.check)
        best = np.where(shared, through[:, None], 0.0).max(axis=0)
        out = np.maximum(out, best)
    out[lead] = 1.0
    return out

