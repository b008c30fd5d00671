"""The Mesa peer of foedus's reference model: the same yearly rules, written with Mesa's Agent/Model API.

Benchmark-only code (Mesa is not a dependency of foedus). It is the model a Mesa user would
write to reproduce foedus's simulated year: one :class:`mesa.Agent` per state and per alliance,
pairwise relations in per-agent dictionaries, each rule a method that loops over the other
agents, a :class:`mesa.DataCollector` recording the number of alliances each year, and every
random draw through the model's ``random`` (Mesa's convention: the run is a function of its seed).

The reduced scenario (:func:`reduced_scenario`)
-----------------------------------------------
``world-2022`` (66 states, their relations and the security agreements in force) without what
the peer leaves out: non-state actors and cyber capacities (so the cyber step does nothing),
global threats (none), scheduled shocks (none), crises (``crisis_rate = 0``), accessions to
organisations (``organisation_join_rate = 0``), militarised disputes (``dispute_rate = 0``, hence
no wars and no war mobilisation), and the Morrow autonomy term of the option cost
(``autonomy_weight = 0``, brief P1). On it, foedus's full pipeline
(:data:`foedus.sim.steps.DEFAULT_STEPS`) reduces to these active rules, which the peer
implements rule for rule:

0. ``trends_and_shocks`` (T1): the baseline hostility between the hegemon's camp and the major
   powers outside it drifts;
   and, from ``conflict_and_commitments``, hostility relaxes towards its baseline;
1. ``capabilities`` (D1, P4): growth with noise, one Richardson step with Jervis's reactivity
   and the threat weights (each state's reaction scaled as at the start), allies' relief, the spending floor and cap, the military stock, the
   capability shares and offensive capability;
2. ``threat_perception`` (F2): perceived intentions (revealed towards minor neighbours, discounted
   for allies), offensive power discounted by distance (Bueno de Mesquita), Walt's threat;
3. ``alignment`` (F1-F5, P2): the four motive utilities (Waltz, Walt, Weitsman), exits,
   proposals of pairs with the partner's consent, accessions approved by the members;
4. ``alliance_politics`` (P5, T2, T5): cohesion, credibility and entrapment, dissolution
   hazard (lowered by military institutionalisation), integration, and the democratisation of
   deeply integrated members by their allies.

The starting world comes from :func:`foedus.sim.start.build_world` (distances, proximity, the
fixed-point grievance of the arms step), so both implementations start from the same numbers;
the yearly rules are the peer's own. Both use their own random streams, so runs agree in
distribution, not draw for draw: ``benchmarks/vs_mesa.py`` tests that.

Status (2026-12-06): behind the simulator
-----------------------------------------
These are the rules from before issue 17: one form of pact (a bilateral defence pledge) and its
accessions. The simulator has since added obligation forms (neutrality, non-aggression,
consultation, offence), multilateral pacts and the members' consent, and more behaviour was being
merged on 2026-12-06, so the deterministic limits of ``vs_mesa.py`` disagree (300 against 14
alliances in year one) and its speed-up is not like for like. A peer written once more rule for
rule would fall behind again at the next behaviour change. The way that lasts is a peer whose
agents call the same :mod:`foedus.theory` functions per agent (one state's motive utilities,
obligation goods, commitment cost, exit probability, in Mesa's Agent/Model style), so that the
comparison measures the engine's vectorisation and compilation, not two writings of the formulas.
It still has to repeat the *procedures* of :mod:`foedus.sim.steps.alignment` and
:mod:`foedus.sim.steps.formation` (who reconsiders, who proposes to whom, in which order, who
consents), which live in the steps, not in the theory; while they do, every change of procedure
needs the same change here first.
"""

from __future__ import annotations

import math
import statistics

import mesa

from foedus.sim.start import build_world
from foedus.sim.scenario import Scenario
from foedus.theory.arms import JERVIS_WORLDS
from foedus.theory.projection import KM_PER_MILE

SECURITY, ALLIANCE, COALITION = 0, 0, 1


def reduced_scenario(base: str | Scenario = "world-2022", years: int = 30) -> Scenario:
    """The reduced scenario both implementations run (see the module docstring)."""
    sc = base if isinstance(base, Scenario) else Scenario.load(base)
    data = sc.model_dump()
    data["name"] = f"{sc.name}-reduced"
    data["years"] = years
    data["nonstate_actors"] = []
    data["shocks"] = []
    data["global_threats"] = {}
    data["cyber_incidents_per_year"] = None
    for a in data["actors"]:
        a["cyber_capacity"] = None
        a["cyber_vulnerability"] = None
    data["agreements"] = [dict(g, nonstate_members=[]) for g in data["agreements"] if g["domain"] == "security"]
    data["parameters"].update(crisis_rate=0.0, dispute_rate=0.0, autonomy_weight=0.0, organisation_join_rate=0.0)
    return Scenario.model_validate(data)


class State(mesa.Agent):
    """A state: capabilities and its relations to every other state (dicts keyed by agent)."""

    def __init__(self, model: "AllianceModel", index: int, world) -> None:
        super().__init__(model)
        i = index
        self.index = i
        self.ccode = int(world.ccode[i])
        self.economy = float(world.economy[i])
        self.economy0 = float(world.economy0[i])
        self.growth = float(world.growth[i])
        self.milex = float(world.milex[i])
        self.milex_floor = float(world.milex_floor[i])
        self.military = float(world.military[i])
        self.military0 = float(world.military0[i])
        self.base_spending = float(world.base_spending[i])
        self.reaction_scale = float(world.reaction_scale[i]) if len(world.reaction_scale) else 1.0
        self.cinc0 = float(world.cinc0[i])
        self.power = float(world.power[i])
        self.cinc = float(world.cinc[i])
        self.offensive = float(world.results.offensive[i])
        self.regime = float(world.regime[i])
        self.major = bool(world.major[i])
        self.tier_pin = int(world.tier_pin[i])
        self.tier = 3
        self.new_milex = self.milex
        self.threat: dict[State, float] = {}
        self.reach: dict[State, float] = {}
        self.utility: dict[State, float] = {}
        self.credibility: dict[State, float] = {}
        self.entrapment = 0.0
        self.depth = 0.0  # integration of its deepest agreement (set by AllianceModel.politics_state)
        self.considering = False

    def relate(self, others: list["State"], world) -> None:
        """Read this state's row of the pairwise relations."""
        i = self.index
        ideal = world.ideal_distance
        self.hostility = {o: float(world.hostility[i, o.index]) for o in others if o is not self}
        self.hostility_base = {o: float(world.hostility_base[i, o.index]) for o in others if o is not self}
        self.proximity = {o: float(world.proximity[i, o.index]) for o in others if o is not self}
        # Bueno de Mesquita's distance discount relative to home (foedus.theory.projection), one exponent per pair
        mpd = self.model.params.miles_per_day
        self.discount = {
            o: 1.0 + math.log10(float(world.distance_km[i, o.index]) / (KM_PER_MILE * mpd) + 10.0 - math.e) - math.log10(10.0 - math.e)
            for o in others if o is not self
        }
        self.trust = {o: float(world.trust[i, o.index]) for o in others if o is not self}
        self.rivalry = {o: float(world.rivalry[i, o.index]) for o in others if o is not self}
        self.ideal_distance = None if ideal is None else {o: float(ideal[i, o.index]) for o in others if o is not self}
        self.dispute = {o: bool(world.territorial_dispute[i, o.index]) for o in others if o is not self}

    # ------------------------------------------------------------------ trends, hostility
    def drift_hostility(self) -> None:
        """T1: baseline hostility between the hegemon's camp and the major powers outside it drifts by 0.04 (T1 - 0.5) a year."""
        step = 0.04 * (self.model.trends.great_power_competition - 0.5)
        if step == 0:
            return
        camp = self.model.hegemons_camp()
        for other, base in self.hostility_base.items():
            if (self in camp and other.major and other not in camp) or (other in camp and self.major and self not in camp):
                self.hostility_base[other] = min(max(base + step, 0.0), 1.0)

    def relax_hostility(self) -> None:
        """Hostility relaxes towards its baseline by ``hostility_decay`` a year."""
        decay = self.model.params.hostility_decay
        for other, h in self.hostility.items():
            self.hostility[other] = h + decay * (self.hostility_base[other] - h)

    # ------------------------------------------------------------------ capabilities
    def grow(self) -> None:
        p = self.model.params
        shock = self.model.random.gauss(0.0, p.growth_noise) if p.growth_noise > 0 else 0.0
        self.economy *= max(1.0 + self.growth + shock, 0.5)

    def plan_arming(self) -> None:
        """One Richardson step: react to threatening spending, net of allies' relief."""
        p = self.model.params
        c0, c1, c2, c3 = JERVIS_WORLDS
        base = 2.0 * p.reactivity
        pressure = allied = threatening = 0.0
        for other in self.model.states:
            if other is self:
                continue
            x = other.milex
            size = self.economy / (self.economy + other.economy)
            share = min(max(self.threat.get(other, 0.0) / other.power, 0.0), 1.0) if other.power > 0 else 0.0
            u = 1.0 - self.trust[other]
            d = other.offensive
            kappa = base * (c0 + (c1 - c0) * u + (c2 - c0) * d + (c3 - c2 - c1 + c0) * u * d)
            pressure += kappa * share * size * x
            allied += self.credibility.get(other, 0.0) * x
            threatening += share * x
        pressure *= self.reaction_scale  # the reaction capped at the start (foedus.theory.arming.reaction_scale)
        cover = allied / (allied + threatening) if allied + threatening > 0 else 0.0
        relief = p.ally_weight * pressure * cover
        grievance = self.base_spending * (self.economy / self.economy0) - relief
        new = max(self.milex + pressure - p.fatigue * self.milex + grievance, 0.0)
        self.new_milex = min(max(new, 0.01 * self.milex_floor), p.max_milex_share * self.economy)

    def arm(self) -> None:
        self.milex = self.new_milex
        self.military = (1.0 - self.model.params.military_depreciation) * self.military + self.milex

    # ------------------------------------------------------------------ threat perception
    def update_tier(self) -> None:
        """Power tier (brief A1) from CINC and major-power status; a pinned tier is a floor."""
        if self.major and self.cinc >= 0.15:
            code = 0
        elif self.major:
            code = 1
        elif self.cinc >= 0.01:
            code = 2
        else:
            code = 3
        if self.tier_pin >= 0 and (self.major or self.tier_pin >= 2):
            code = min(code, self.tier_pin)
        self.tier = code

    def perceive_threats(self) -> None:
        """Walt's threat with geography: offensive power discounted by distance x intentions (revealed, discounted for allies)."""
        p = self.model.params
        commitment = self.model.commitments(self)
        for other in self.model.states:
            if other is self:
                continue
            # hostility towards self, or serious hostility towards a minor neighbour of self, less for a neighbour it opposes
            revealed = self.hostility[other]
            for k in self.model.states:
                if k is not other and k is not self and not k.major:
                    h = k.hostility[other]
                    w = self.proximity[k] * (1.0 - (self.ideal_distance[k] if self.ideal_distance is not None else 0.0))
                    if h >= p.aggression_hostility and w * h > revealed:
                        revealed = w * h
            if self.ideal_distance is None:
                intent = (0.5 * revealed + 0.25 * self.rivalry[other]) / 0.75
            else:
                intent = 0.5 * revealed + 0.25 * self.ideal_distance[other] + 0.25 * self.rivalry[other]
            intent *= 1.0 - p.ally_discount * commitment.get(other, 0.0)
            base = other.power * other.offensive
            self.threat[other] = (base ** self.discount[other] if base > 0 else 0.0) * intent
            self.reach[other] = other.power ** self.discount[other] if other.power > 0 else 0.0

    def evaluate_partners(self, summary: dict) -> None:
        """Utility of allying with each other state: balancing power and threat, bandwagoning, tethering."""
        p = self.model.params
        w0, w1, w2, w3 = p.balance_power_weight, p.balance_threat_weight, p.bandwagon_weight, p.tether_weight
        # regional balancing: the strongest power that reaches this state
        strongest = max((o for o in self.model.states if o is not self), key=lambda o: self.reach[o])
        p_h = self.reach[strongest]
        gap = max(p_h - self.power, 0.0)
        ts = summary["t_star"][self]
        main = summary["main"][self]
        before = ts / (ts + self.power) if ts + self.power > 0 else 0.0
        weak = self.power < p.weakness_threshold
        for other in self.model.states:
            if other is self:
                continue
            f1 = min(self.reach[other], gap) / p_h if (p_h > 0 and other is not strongest) else 0.0
            t_ij = self.threat[other]
            mu = t_ij / ts if ts > 0 else 0.0
            t_other = summary["t_star"][other]
            commit = other.threat.get(main, 0.0) / t_other if (ts > 0 and other is not main and t_other > 0) else 0.0
            den = ts + self.power + commit * self.reach[other]
            common = max(before - ts / den, 0.0) if den > 0 else 0.0
            f2 = common * (1.0 - mu)
            f3 = 0.0
            if weak and t_ij > 0:
                best, runner_up, who = summary["ally_against"][other]
                opposed = self.power + (runner_up if who is self else best)
                if t_ij >= 3.0 * opposed:
                    f3 = t_ij / (t_ij + opposed) * mu * (1.0 - self.hostility[other])
            u2 = w1 * f2
            tether = w3 * min(self.hostility[other], other.hostility[self]) * common if u2 > 0 else 0.0
            self.utility[other] = w0 * f1 + u2 + w2 * f3 + tether


class Alliance(mesa.Agent):
    """An agreement in force: its members, commitment and cohesion."""

    def __init__(
        self, model: "AllianceModel", members: dict, *, kind: int, commitment: float, start_year: int, institutionalised: int = 0, integration: float = 0.0
    ) -> None:
        super().__init__(model)
        self.members: dict[State, int] = dict(members)  # member -> entry year
        self.kind = kind
        self.commitment = commitment
        self.institutionalised = institutionalised  # ATOP's 0-2
        self.integration = integration
        self.cohesion = 1.0
        self.rho = 0.0
        self.start_year = start_year
        self.power_start = {s: s.power for s in self.members}
        self.last_exit: dict[State, int] = {}

    def join(self, state: State, year: int) -> None:
        self.members[state] = year
        self.power_start[state] = state.power

    def leave(self, state: State, year: int) -> None:
        del self.members[state]
        self.power_start.pop(state, None)
        self.last_exit[state] = year

    def assess(self) -> None:
        """Cohesion (P5, T2, T5): common threat, economic competition, regime similarity, joint democracy."""
        m = self.model
        p = m.params
        members = list(self.members)
        size = len(members)
        mean_power = sum(s.power for s in members) / max(size, 1)
        t_common = 0.0
        for outsider in m.states:
            if outsider in self.members:
                continue
            t_common = max(t_common, sum(s.threat.get(outsider, 0.0) for s in members) / max(size, 1))
        rho = min(max(t_common / (t_common + mean_power + 1e-12), 0.0), 1.0)
        self.rho = rho
        total_e = sum(s.economy for s in members)
        hhi = sum((s.economy / max(total_e, 1e-12)) ** 2 for s in members)
        evenness = (1.0 - hhi) * size / max(size - 1, 1) if size > 1 else 0.0
        competition = min(max(m.trends.economic_interdependence * evenness, 0.0), 1.0)
        r_mean = sum(s.regime for s in members) / max(size, 1)
        r_var = max(sum(s.regime**2 for s in members) / max(size, 1) - r_mean**2, 0.0)
        similarity = min(max(1.0 - 2.0 * math.sqrt(r_var), 0.0), 1.0)
        joint = 1.0 if all(s.regime >= 0.5 for s in members) else 0.0
        z = (
            p.cohesion_intercept
            + p.cohesion_threat_weight * rho
            - p.cohesion_competition_weight * competition
            + 2.0 * m.trends.norms * p.cohesion_similarity_weight * similarity
            + 2.0 * m.trends.norms * p.cohesion_democracy_weight * joint
        )
        self.cohesion = min(max(1.0 / (1.0 + math.exp(-z)), 0.0), 1.0)

    def hazard(self) -> float:
        """Yearly dissolution probability from cohesion and the shift of capability among members."""
        members = list(self.members)
        now = sum(s.power for s in members)
        then = sum(self.power_start[s] for s in members)
        change = 0.5 * sum(abs(s.power / max(now, 1e-12) - self.power_start[s] / max(then, 1e-12)) for s in members)
        p = self.model.params
        protection = 1.0 - p.institution_protection * self.institutionalised / 2.0  # Wallander (2000)
        return p.dissolution_hazard * (1.0 - self.cohesion * math.exp(-p.capability_change_weight * change)) * protection

    def integrate(self) -> None:
        """Integration moves towards the optimum for the common threat (P3, T4): optimal_integration's closed form."""
        p, t4 = self.model.params, self.model.trends.military_integration
        w = 1.0 - t4 + 0.05  # attachment to national control
        target = min(max((self.rho * 1.0 * 0.5 / (w * 2.0)) ** (1.0 / 1.5), 0.0), 1.0)  # gain 1, returns 0.5, convexity 2
        target = target * (self.institutionalised + 1) / 3.0
        self.integration += p.integration_rate * (target - self.integration)


class AllianceModel(mesa.Model):
    """Mesa peer of foedus's yearly pipeline on the reduced scenario (see the module docstring)."""

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        super().__init__(seed=seed)
        world = build_world(scenario)
        self.params = scenario.parameters
        self.trends = scenario.trends
        self.year = scenario.start_year
        self.states = [State(self, i, world) for i in range(world.n)]
        for s in self.states:
            s.relate(self.states, world)
        ag = world.agreements
        self.alliances: list[Alliance] = []
        for a in ag.active_slots():
            if ag.domain[a] != SECURITY:
                continue
            members = {self.states[i]: int(ag.entry_year[a, i]) for i in range(world.n) if ag.members[a, i]}
            al = Alliance(
                self, members, kind=int(ag.kind[a]), commitment=float(ag.commitment[a]), start_year=int(ag.start_year[a]),
                institutionalised=int(ag.institutionalised[a]), integration=float(ag.integration[a]),
            )
            al.power_start = {self.states[i]: float(ag.power_start[a, i]) for i in range(world.n) if ag.members[a, i]}
            self.alliances.append(al)
        self.threat_perception()
        self.politics_state()
        self.datacollector = mesa.DataCollector(
            model_reporters={
                "alliances": lambda m: sum(1 for a in m.alliances if a.kind == ALLIANCE),
                "milex": lambda m: sum(s.milex for s in m.states),
            }
        )

    # ------------------------------------------------------------------ helpers
    def commitments(self, s: State) -> dict:
        """Commitment of the strongest security agreement (not a coalition) ``s`` shares with each partner."""
        out: dict = {}
        for al in self.alliances:
            if s in al.members and al.commitment > 0:
                for o in al.members:
                    if o is not s and al.commitment > out.get(o, 0.0):
                        out[o] = al.commitment
        return out

    def hegemons_camp(self) -> set:
        """The strongest military and its allies by a defence or offence pact (commitment >= 0.6, a conditional offence pact; T1)."""
        hegemon = max(self.states, key=lambda s: s.military)
        return {hegemon} | {o for o, c in self.commitments(hegemon).items() if c >= 0.6}

    def allied(self, a: State, b: State) -> bool:
        return any(a in al.members and b in al.members for al in self.alliances)

    def dissolve_if_empty(self, al: Alliance) -> None:
        if len(al.members) < 2 and al in self.alliances:
            self.alliances.remove(al)
            al.remove()

    def update_power(self) -> None:
        raw = {s: s.cinc0 * 0.5 * (s.economy / s.economy0 + s.military / s.military0) for s in self.states}
        total = sum(raw.values())
        cinc_total = sum(s.cinc0 for s in self.states)
        military = sum(s.military for s in self.states)
        for s in self.states:
            s.power = raw[s] / total if total > 0 else 1.0 / len(self.states)
            s.cinc = min(max(s.power * cinc_total, 0.0), 1.0)
        for s in self.states:
            r = 0.5 * (s.military / military) / s.power if s.power > 0 else 0.0
            s.offensive = min(max(r, 0.05), 1.0)

    def threat_summary(self) -> dict:
        """What every state's utilities need: the two strongest, main threats, best credible allies."""
        first = second = None
        for s in self.states:
            if first is None or s.power > first.power:
                first = s
        for s in self.states:
            if s is not first and (second is None or s.power > second.power):
                second = s
        t_star, main = {}, {}
        for s in self.states:
            best, arg = 0.0, self.states[0]
            for o in self.states:
                if o is not s and s.threat[o] > best:
                    best, arg = s.threat[o], o
            t_star[s], main[s] = best, arg
        ally_against = {s: [0.0, 0.0, None] for s in self.states}
        for k in self.states:
            if t_star[k] <= 0:
                continue
            for j in self.states:
                if j is k:
                    continue
                m = k.threat[j] / t_star[k] * k.power
                rec = ally_against[j]
                if m > rec[0]:
                    rec[1], rec[0], rec[2] = rec[0], m, k
                elif m > rec[1]:
                    rec[1] = m
        return {"first": first, "second": second, "t_star": t_star, "main": main, "ally_against": ally_against}

    def politics_state(self) -> None:
        """Cohesion of every security agreement, then each state's ally credibility and entrapment (P2)."""
        live = [a for a in self.alliances if a.kind != COALITION]
        for al in live:
            al.assess()
        for s in self.states:
            s.credibility = {}
        for al in live:
            value = al.commitment * al.cohesion
            for s in al.members:
                for o in al.members:
                    if o is not s and value > s.credibility.get(o, 0.0):
                        s.credibility[o] = value
        partner_risk = {s: min(max(max(s.hostility.values(), default=0.0), 0.0), 1.0) for s in self.states}
        enemy = {}
        for s in self.states:
            best, arg = -1.0, None
            for o in self.states:
                t = 0.0 if o is s else s.threat[o]
                if t > best:
                    best, arg = t, o
            enemy[s] = arg
        for s in self.states:
            s.depth = max((al.integration for al in live if s in al.members), default=0.0)
            commit = max((al.commitment for al in live if s in al.members), default=0.0)
            allies = [o for o, c in s.credibility.items() if c > 0]
            risk = max((partner_risk[o] for o in allies), default=0.0)
            shared = 1.0 if any(enemy[o] is enemy[s] for o in allies) else 0.0
            s.entrapment = commit * risk * (1.0 - shared)

    # ------------------------------------------------------------------ the year
    def trends_and_shocks(self) -> None:
        self.agents_by_type[State].do("drift_hostility")

    def capabilities(self) -> None:
        self.agents_by_type[State].do("grow")
        self.agents_by_type[State].do("plan_arming")
        self.agents_by_type[State].do("arm")
        self.update_power()

    def threat_perception(self) -> None:
        self.agents_by_type[State].do("update_tier")
        self.agents_by_type[State].do("perceive_threats")

    def alignment(self) -> None:
        p = self.params
        y = self.year
        summary = self.threat_summary()
        for s in self.states:
            s.evaluate_partners(summary)
        pacts = [a for a in self.alliances if a.kind == ALLIANCE]
        # a great power carries more commitments for the price of one: capacity max(1, sqrt(p / median p))
        med = statistics.median(s.power for s in self.states)
        capacity = {s: max(1.0, math.sqrt(s.power / med)) if med > 0 else 1.0 for s in self.states}
        portfolio = {s: sum(1 for a in pacts if s in a.members) / capacity[s] for s in self.states}
        # exits (P5): membership no longer worth its cost
        leaving = []
        for al in pacts:
            for s, entered in al.members.items():
                if entered >= y:
                    continue
                stay = sum(s.utility.get(o, 0.0) for o in al.members)
                cost = p.exit_threshold * p.alliance_cost * (1.0 + portfolio[s]) ** p.commitment_exponent * (1.0 + s.entrapment)
                rate = p.exit_rate * (1.0 - p.institution_protection * al.institutionalised / 2.0)  # harder to leave
                if stay < cost and self.random.random() < rate:
                    leaving.append((al, s))
        for al, s in leaving:
            al.leave(s, y)
        for al in {al for al, _ in leaving}:
            self.dissolve_if_empty(al)
        pacts = [a for a in self.alliances if a.kind == ALLIANCE]
        portfolio = {s: sum(1 for a in pacts if s in a.members) / capacity[s] for s in self.states}
        # each state considering its alignments picks its best option
        proposals: dict[State, State] = {}
        accessions: list[tuple[State, Alliance]] = []
        for s in self.states:
            s.considering = self.random.random() < p.consider_rate
        for s in self.states:
            if not s.considering:
                continue
            best_net, best = 0.0, None
            base = p.alliance_cost * (1.0 + portfolio[s]) ** p.commitment_exponent
            for o in self.states:
                if o is s or self.allied(s, o):
                    continue
                net = s.utility[o] - base
                if net > best_net:
                    best_net, best = net, o
            for al in pacts:
                if s in al.members or al.last_exit.get(s) == y:
                    continue
                weight = sum(o.power for o in al.members)
                value = sum(o.power / weight * s.utility[o] for o in al.members) if weight > 0 else 0.0
                e = p.commitment_exponent
                net = value - p.alliance_cost * (1.0 + portfolio[s]) ** e * len(al.members) ** e
                if net > best_net:
                    best_net, best = net, al
            if isinstance(best, State):
                proposals[s] = best
            elif isinstance(best, Alliance):
                accessions.append((s, best))
        # a new pair needs both signatures
        cost = {s: p.alliance_cost * (1.0 + portfolio[s]) ** p.commitment_exponent for s in self.states}
        formed = set()
        for s in self.states:
            o = proposals.get(s)
            if o is None or not (s.utility[o] > cost[s] and o.utility[s] > cost[o]):
                continue
            key = frozenset((s, o))
            if key in formed:
                continue
            formed.add(key)
            self.alliances.append(Alliance(self, {s: y, o: y}, kind=ALLIANCE, commitment=1.0, start_year=y))
        # an accession needs enough members in favour and no open territorial dispute with them
        approvals = []
        for s, al in accessions:
            members = list(al.members)
            in_favour = sum(1 for o in members if o.utility[s] > cost[o])
            disputes = sum(1 for o in members if s.dispute[o])
            approvals.append(disputes == 0 and in_favour / max(len(members), 1) >= p.accession_share)
        for (s, al), ok in zip(accessions, approvals):
            if ok and s not in al.members and al in self.alliances:
                al.join(s, y)

    def alliance_politics(self) -> None:
        self.politics_state()
        live = [a for a in self.alliances if a.kind != COALITION]
        hazards = [al.hazard() for al in live]
        for al in live:
            al.integrate()
        for al, h in zip(live, hazards):
            if self.random.random() < h:
                self.alliances.remove(al)
                al.remove()
        self.democratise()

    def democratise(self) -> None:
        """T5: allies' democracy, weighted by the ties' strength, pulls up deeply integrated members (democratic_diffusion)."""
        rate = min(self.params.democratisation_rate * 2.0 * self.trends.norms, 1.0)
        if rate <= 0 or not any(s.depth > 0 for s in self.states):
            return
        new = {}
        for s in self.states:
            weight = sum(s.credibility.values())
            mean = sum(c * o.regime for o, c in s.credibility.items()) / weight if weight > 0 else s.regime
            new[s] = s.regime + rate * min(s.depth, 1.0) * max(min(mean, 1.0) - s.regime, 0.0)
        for s, r in new.items():
            s.regime = r

    def conflict(self) -> None:
        """Without disputes (``dispute_rate = 0``) what remains of the conflict step: hostility relaxes."""
        self.agents_by_type[State].do("relax_hostility")

    def step(self) -> None:
        """One simulated year: the active steps of foedus's pipeline, then the record."""
        self.trends_and_shocks()
        self.capabilities()
        self.threat_perception()
        self.alignment()
        self.alliance_politics()
        self.conflict()
        self.datacollector.collect(self)
        self.year += 1
