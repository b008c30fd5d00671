"""The Mesa peer of foedus's alignment step: the same procedures, written with Mesa's Agent/Model API.

Benchmark-only code (Mesa is not a dependency of foedus: ``pip install '.[bench]'``). It is the
model a Mesa user would write with :mod:`foedus.theory` at hand: one :class:`mesa.Agent` per state
and per alliance, relations in per-agent dictionaries and rows, every procedure a method that
loops over the other agents, the states' yearly phases run through Mesa's :class:`mesa.agent.AgentSet`
(``do``, ``select``: who reconsiders; each reconsidering state's choice is its :meth:`State.step`), a :class:`mesa.DataCollector` recording the alliances in force each
year, every random draw through the model's ``random`` (Mesa's convention: a run is a function of
its seed). The *formulas* are not written twice: the agents call the same :mod:`foedus.theory`
functions the simulator calls, one state's row at a time where the function allows it (a state's
commitment costs of every form to every partner, :func:`foedus.theory.obligations.commitment_cost`;
its exit probability, :func:`~foedus.theory.obligations.inertia_exit_probability`; a member's vote,
:func:`~foedus.theory.obligations.admission_votes`; the founders' consent,
:func:`foedus.theory.consent.founding_members`; the value of joining a treaty,
:func:`foedus.theory.choice.join_utilities`; Morrow's exchange, :func:`foedus.theory.exchange.morrow_exchange`),
and the model once a year where the function needs every state (the motive utilities,
:func:`foedus.theory.alignment.alignment_utilities`; the obligations' goods,
:func:`foedus.theory.obligations.obligation_goods`). So the comparison measures the engine's
vectorisation and compiled passes against Mesa's per-agent loops, not two writings of a formula,
and a change of formula in :mod:`foedus.theory` reaches both sides at once. (The model-wide calls
cost both sides the same, about a third of foedus's year on world-2022, more with more states: the
speed-up measures the procedures.)

What the peer repeats is the *procedure* of :func:`foedus.sim.steps.alignment.alignment` (who
leaves, who reconsiders, who proposes to whom and in what form, who consents, who co-founds, who
is admitted, in which order). Each procedure is one method named after, and documented against,
the foedus function it mirrors: a change there needs the same change here first (``vs_mesa.py``'s
checks and ``tests/benchmarks/test_mesa_peer.py`` fail until it is made).

The reduced scenario and the active rules
-----------------------------------------
``world-2022`` (66 states and the security agreements in force) without non-state actors, cyber
capacities, global threats, scheduled shocks (:func:`reduced_scenario`), run with the pipeline
:func:`reduced_steps`: ``alignment`` and ``record`` only. Every other step is switched off (removed
from :attr:`foedus.sim.engine.Simulation.steps`, the engine's documented switch): capabilities,
threat perception, blocs, alliance politics (cohesion, dissolution), crises, cyber, conflict,
rivalries. The world's capabilities, threats, hostility, entrapment and wars are therefore those of
the starting world (:func:`foedus.sim.start.build_world`, which both sides build, with
:func:`foedus.sim.steps.initialise`), and what moves is the alliance system: each year the states
leave treaties no longer worth their cost, reconsider, choose the best new pact (every form of
:data:`foedus.theory.obligations.PACT_FORMS` with every partner) or accession, with the partner's
consent, the co-founders who share the proposer's main threat (Hart & Kurz 1983), and the members'
vote on a candidate. These are the rules least likely to move while other helpers change threat,
arming, war, endings and blocs; formation and accession still move, and this peer must follow them.
The obligation goods (reassurance with Kydd's prior on new states, abstention with isolation,
transparency, aggrandisement), the norm against conquest by year, Morrow's exchange on both sides
and the risk of defending are all active, with the scenario's parameters.

The run keeps what foedus's runs keep: the alliances in force and their memberships each year
(model reporters), each state's row of the ``record`` step every year (agent reporters of the
:class:`State` agents; the states' capabilities do not move here, but foedus records them all the
same), and every event (formation, accession, exit, dissolution) with its year and states.

Both implementations use their own random streams (who reconsiders, who leaves), so runs agree in
distribution, not draw for draw; with ``consider_rate = 1`` and ``exit_rate = 0`` they are
deterministic and agree alliance for alliance; and given foedus's stream (:class:`SharedStream`)
the peer makes the same random choices with every rate in play. ``benchmarks/vs_mesa.py`` checks
all three, and ``tests/benchmarks/test_mesa_peer.py`` holds the peer to the simulator.

Status (2026-12-06, session 8): the peer follows :func:`foedus.sim.steps.alignment.alignment` of
main 587ae2b, alliance for alliance and event for event. From integ7 (mesa7b): further pacts partner by partner (``pacts_per_year``, :meth:`AllianceModel.portfolio`), the
credibility of a non-aggression pledge (``pledge_credibility_weight``, in
:meth:`AllianceModel.year_values`), the permanent neutrality that bars a state from defence and
offence pacts in new pairs, co-founders and accessions (``Actor.neutral``,
:meth:`State.permanently_neutral`, :func:`foedus.theory.alignment.neutrality_bars`), the members'
consent by :func:`foedus.theory.consent.members_consent` (unanimity by default, the candidate's
main threat a veto), and the age of relationships from each state's first entry
(``WorldInputs.entered``, as ``formation.entry_years``). Session 8 (mesa8) added the worth of a neutrality
pledge as the landed rules have it (neut7, ``formation.abstention_terms``): the abstention good times
the chance of the war it keeps the partner out of (:meth:`State.war_risk_row`: each pair's annual
war-onset hazard, :func:`foedus.theory.war_onset.war_onset_hazard`, Bremer 1992, over
``abstention_horizon`` years, :func:`foedus.theory.offence.war_expectation`; Leeds et al. 2002,
Fearon 1997), the attacker's side by its target, and a sworn enemy's promise to stay out by its
credibility (Kydd 2005), in :meth:`AllianceModel.abstention_terms`; the war-onset covariates read
the pairs' defence pacts in force, which the alliances tell their members each year
(:meth:`Alliance.share_terms`), and the security organisations with a defence obligation. After
the session-8 merge (pledge8, cold8): Kydd's minimum trust threshold in every credibility
(:meth:`AllianceModel.credibility`), concessions counted with the share of the receiver's capability
that reaches the partner (:meth:`State.concession_reach`; Boulding 1962, Lemke 2002), and the
members' vote on a candidate by their share of the alliance's new commitment
(:func:`foedus.theory.consent.accession_cost`, :func:`~foedus.theory.consent.burden_shares`; Olson &
Zeckhauser 1966; the leader alone trades autonomy, Morrow 1991) in :meth:`Alliance.admits_candidate`.
After the session-10 merge (integ10 556ad96; mesafollow): a rival's pledge to fight beside one discounted as its
promise not to attack is (``credible_fighting_pledges``: :func:`foedus.theory.reassurance.credible_pledges` on the
protection, bandwagoning and tethering whole, and the aggrandisement, in :meth:`AllianceModel.year_values`, and on
the protection of joining, :meth:`AllianceModel.credible_protection`; Kydd 2005), concessions counted only where the
receiver has interests (:func:`foedus.theory.exchange.concession_interest`, in :meth:`State.concession_reach`), an
institution's binding of the autonomy exchange and the value its general assets retain at exit
(:meth:`Alliance.institution`: :func:`foedus.theory.integration.bound_autonomy`, :func:`~foedus.theory.integration.retained_value`;
Ikenberry 2001, Wallander 2000), the milieu a candidate gains (:func:`foedus.theory.consent.milieu_value`, in
:meth:`State.best_accession`) and the community of democracies' vote (:meth:`Alliance.community`,
:func:`foedus.theory.consent.community_entrapment`; Schimmelfennig 2001).
After the session-11 merges (integ11 e1b2836; mesafollow11): a great power counts a distant client's concessions only where
the client matters to its contest with its adversaries (client11: :func:`foedus.theory.interests.adversary_relevance` of
each state's perceived main threat and rivals, ``concession_adversary_reach``, as ``concession_interest``'s ``relevant``;
:meth:`AllianceModel.adversary_relevance`), the co-founders share the main threat as perceived
(``threat.main_threat_of`` of the starting world, :attr:`State.perceived`, as ``alignment._pairs`` passes it), and a state
out of alliances by policy is barred as a permanently neutral one (neutral11's ``neutrality.stays_out``,
:func:`foedus.theory.nonalignment.threat_shock`; no built-in scenario has the record, so it changes nothing there).
hollow11's threat within (dissolution) and threat11's main-threat rules (threat step) act in steps the peer switches off;
threat11's rules reach it only through the starting world's perceived main threats.
After the session-17 merge (land17; mesa17): each pledge carries its share of the base cost of allying
(:func:`foedus.theory.obligations.entrapment_share` at ``lesser_entrapment_share``: non-aggression and consultation a share,
defence, offence and neutrality all of it) in a new pair, a co-founder's cost and the founders' vote, an accession and the
members' consent, and the cost of staying (:attr:`AllianceModel.form_entrap`, :attr:`Alliance.entrap`); a member leaves only
when the membership falls short of its cost by more than ``abrogation_cost``; and the goods of
:meth:`AllianceModel.year_values` are ``formation.credible_goods``' to the bit: the former-ruler tie in the protection good and its former ruler's side in the reassurance good
(:meth:`AllianceModel.ruler_tie`; Lake 2009), the relief of giving a fearful partner one's pledge (``spiral_relief_weight``:
:func:`foedus.theory.reassurance.spiral_relief`), the abstention of a partner whose alignment cannot be read yet
(:meth:`AllianceModel.unread_alignment`; Kydd 2005), and no pledge to attack or isolate a nuclear-armed target
(``formation.nuclear_deterred``; Jervis 1989) nor to attack without a common target and a great power in the pair
(``obligation_choice.offence_capacity``). Session 18 (speedK18): the shared-draws run at exit rate 1 differed from 2026 on; traced
to the unravelling of a small treaty by a member's departure (``dissolution._unravel``, session 17's unravel14: a treaty of at
most ``unravel_max_members`` that a departure leaves with two or more ends for all, unless one member holds
``unravel_privileged_share`` of the members' capability; :func:`foedus.theory.unravelling.unravels`, Olson 1965), which the peer
lacked: :meth:`AllianceModel.exits` now follows it (each treaty's size and largest share,
:func:`foedus.theory.principals.largest_share`, before the departures), and every case of ``vs_mesa.py`` is the same again. The
settlement good (``settlement.settlement_goods``: the reassurance of settling a war remembered, or a rivalry ended, between
neighbours; Gibler 1996) is followed too (:meth:`AllianceModel.settlement`, in :meth:`AllianceModel.year_values`), though it
adds nothing to the goods of the built-in worlds and synthetic:60 in the years compared (no war remembered, no rivalry ended
there; ``tests/benchmarks/test_mesa_peer.py`` holds it equal to the simulator's where it is not zero).
Left out, because other helpers were rewriting them on that day and a peer of them would be stale
at once: capabilities and arming, threat
perception, the blocs (multilateral founding), alliance politics (cohesion, dissolution), crises,
cyber, conflict and rivalries. Adding one back means one more method per procedure here and the
step's name in :data:`ACTIVE_STEPS`.
"""

from __future__ import annotations

import math

import mesa
import numpy as np

from foedus.data.nuclear import nuclear_armed
from foedus.data.succession import ruler_pairs
from foedus.schema import OBLIGATIONS
from foedus.sim.scenario import Scenario
from foedus.sim.start import build_world
from foedus.sim.steps import DEFAULT_STEPS
from foedus.sim.steps._common import MOTIVES
from foedus.sim.steps.formation import (
    FORM_COMMITMENT,
    FORM_GOODS,
    FORM_OBLIGATIONS,
    FORM_RISK,
)
from foedus.sim.steps.threat import main_threat_of
from foedus.theory import alignment as th_align
from foedus.theory import cheap_talk as th_cheap
from foedus.theory import choice as th_choice
from foedus.theory import consent as th_consent
from foedus.theory import deterrence_extended as th_deter
from foedus.theory import exchange as th_exchange
from foedus.theory import integration as th_integ
from foedus.theory import interests as th_interests
from foedus.theory import new_states as th_new
from foedus.theory import settlement as th_settle
from foedus.theory import nonalignment as th_nonalign
from foedus.theory import obligations as th_ob
from foedus.theory import offence as th_offence
from foedus.theory import principals as th_principals
from foedus.theory import portfolio as th_portfolio
from foedus.theory import reassurance as th_reassure
from foedus.theory import renunciation as th_renounce
from foedus.theory import rivalry as th_rivalry
from foedus.theory import unravelling as th_unravel
from foedus.theory import war_onset as th_onset
from foedus.theory import war_onset_issues as th_issues
from foedus.theory.capability import commitment_strength

SECURITY, ALLIANCE, ORGANISATION = 0, 0, 2
ACTIVE_STEPS = ("alignment", "record")
"""The steps of :data:`foedus.sim.steps.DEFAULT_STEPS` the reduced comparison runs (see the module docstring)."""
N_GOODS = len(th_ob.GOODS)
DEFENCE = OBLIGATIONS.index("defense")
FORMS = range(len(FORM_COMMITMENT))


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
    return Scenario.model_validate(data)


def reduced_steps() -> dict:
    """foedus's pipeline with only the :data:`ACTIVE_STEPS` (for ``Simulation(..., steps=reduced_steps())``)."""
    return {k: DEFAULT_STEPS[k] for k in ACTIVE_STEPS}


class SharedStream:
    """The uniform draws of :class:`numpy.random.Generator` seeded as foedus's ``Simulation(rng=seed)``, one at a time.

    ``Generator.random(k)`` gives the same numbers as ``k`` calls of ``Generator.random()``, and the
    peer draws in the simulator's order (each membership, by state then alliance; then each state
    whether it reconsiders), so with this stream in place of the model's ``random`` both sides
    make the same random choices: a check of the procedures with every random rate in play.
    """

    def __init__(self, seed: int) -> None:
        self._rng = np.random.default_rng(seed)

    def random(self) -> float:
        return float(self._rng.random())


class State(mesa.Agent):
    """A state: its capability, region and its rows of the pairwise relations (indexed by the other state's ``index``)."""

    def __init__(self, model: AllianceModel, index: int, world, tiers: np.ndarray) -> None:
        super().__init__(model)
        i = self.index = index
        self.ccode = int(world.inputs.ccode[i])
        self.power = float(world.state.power[i])
        self.active = bool(world.state.active[i])
        # what foedus's record step keeps of each state every year (Recorder.record_year); static here
        self.milex, self.milper, self.population = float(world.state.milex[i]), float(world.state.milper[i]), float(world.inputs.population[i])
        self.cinc, self.major, self.tier = float(world.state.cinc[i]), bool(world.state.major[i]), int(tiers[i])
        self.milper0 = float(world.state.milper0[i])  # forces of its own in the record (alignment._community's art. 10 test)
        self.since = int(world.inputs.since[i])
        # its first entry into the system, for the age of its relationships (formation.entry_years: WorldInputs.entered, else since)
        self.entered = int((world.inputs.since if world.inputs.entered is None else world.inputs.entered)[i])
        # its spells of permanent neutrality (WorldInputs.neutral_spells: first, last year)
        self.neutral_spells = [(int(a), int(b)) for k, a, b in world.inputs.neutral_spells.tolist() if k == i]
        self.neutral = False  # out of defence and offence pacts this year (set by note_neutrality: neutrality.stays_out)
        self.out_by_policy = False  # out by policy, its main threat not at war next door (set by the model: neutrality.stays_out)
        self.region = int(th_ob.cow_region([self.ccode])[0])
        self.entrapment = float(world.results.entrapment[i])
        self.threat = np.array(world.results.threat[i], dtype=float)
        self.reach = np.array(world.results.reach[i], dtype=float)
        self.hostility = np.array(world.state.hostility[i], dtype=float)
        self.at_war = np.array(world.state.at_war[i], dtype=bool)
        self.dispute = np.array(world.inputs.territorial_dispute[i], dtype=bool)
        # what the war-onset hazard reads of the pair (conflict.onset_covariates): static in the reduced scenario
        self.regime = float(world.state.regime[i])
        self.contiguous = np.array(world.inputs.contiguous[i], dtype=bool)
        sp = world.inputs.rivalry_spatial  # the rivalries over territory (Thompson & Dreyer's spatial type; none where unknown)
        self.rivalry_spatial = np.array(sp[i], dtype=bool) if sp is not None else np.zeros(len(self.contiguous), dtype=bool)
        cap = world.inputs.capital_km if world.inputs.capital_km is not None else world.inputs.distance_km  # the onset's distance: capitals'
        self.distance = np.array(cap[i], dtype=float)
        self.proximity = np.array(world.inputs.proximity[i], dtype=float)  # for the milieu of an accession (consent.milieu_value)
        self.rivalry = np.array(world.state.rivalry[i], dtype=bool)
        self.war_history = np.array(world.state.war_history[i], dtype=float) if world.state.war_history.shape == (world.n, world.n) else np.zeros(world.n)
        # the year each of its rivalries last ended (NaN: none; WorldState.rivalry_ended, static here: no rivalry step), for the settlement
        ended = world.state.rivalry_ended
        self.rivalry_ended = np.array(ended[i], dtype=float) if ended.shape == (world.n, world.n) else np.full(world.n, np.nan)
        self.nuclear = False  # nuclear-armed this year (set by the model: foedus.data.nuclear.nuclear_armed)
        self.defence_partners: set[int] = set()  # partners it shares a defence obligation with (conflict.defence_pairs), by take_view
        self.risk: dict[int, float] = {}  # the expected war with each later partner over the horizon (war_risk_row)
        self.option = None  # its choice this year when it reconsiders (step)
        self.main = -1  # its main threat (index; -1: none), set by the model (foedus.theory.obligations.main_threat)
        self.perceived = -1  # its main threat as perceived (threat.main_threat_of of the starting world), set by the model
        # filled each year by the model and by take_view
        self.burden = self.autonomy = None
        self.pair_share = None  # its Olson-Zeckhauser share of each pair's defence (consent.pair_burden_shares row), by the model
        self.unit_cost = 0.0
        self.shared_commitment: dict[int, float] = {}
        self.shared_goods: dict[int, list] = {}
        self.form_cost: list = []  # signing a new pair, the risk in its share of the pair's defence (alignment._pair_burden)
        self.founding_cost: list = []  # the same with the whole risk (formation.cofounders' votes)

    def permanently_neutral(self, year: int) -> bool:
        """Whether a spell of permanent neutrality covers ``year`` (``neutrality.permanently_neutral`` for one state)."""
        return any(a <= year <= b for a, b in self.neutral_spells)

    def note_neutrality(self, year: int) -> None:
        """Whether it stays out of defence and offence pacts this year (``neutrality.stays_out`` for one state): permanently
        neutral, or out by policy with its main threat not at war next door (:attr:`out_by_policy`)."""
        self.neutral = self.permanently_neutral(year) or self.out_by_policy

    def step(self) -> None:
        """Reconsider its alignment (``alignment._choose`` for one state): its best new pact (:meth:`best_pair`) against its
        best accession (:meth:`best_accession`); keeps ``option``: ``("join", alliance)``, ``("pact", partner, form)`` or None."""
        m = self.model
        self.option = None
        net, f, j, _, _ = self.best_pair()
        acc = self.best_accession() if m.pacts else None
        if acc is not None and (acc[0] > net or math.isnan(acc[0])) and not math.isnan(net):
            if acc[0] > 0:
                self.option = ("join", acc[1])
        elif net > 0:
            self.option = ("pact", m.states[j], f)

    def exchange_terms(self, powers: np.ndarray) -> None:
        """This state's row of :class:`foedus.sim.steps.formation.ExchangeTerms`'s autonomy: Morrow's (1991) exchange with every partner.

        :func:`foedus.theory.exchange.morrow_exchange` of its capability against each partner's, the concession
        valued by :func:`~foedus.theory.exchange.valued_autonomy_change` (``formation._pair_autonomy``; the
        capabilities do not move in the reduced scenario, so it is solved once)."""
        p = self.model.params
        if p.autonomy_weight == 0:
            self.autonomy = np.zeros(len(powers))
            return
        pw = np.maximum(powers, 1e-9)
        mine = pw[self.index : self.index + 1][:, None]
        ex = th_exchange.morrow_exchange(mine, pw[None, :], iterations=24, check=False)
        valued = th_exchange.valued_autonomy_change(ex.autonomy_change_i, ex.concession, mine, pw[None, :], half_worth=p.concession_half_worth,
                                                    reach_share=self.concession_reach(), check=False)
        self.autonomy = np.where(ex.feasible, valued, -p.autonomy_pledge)[0]

    def concession_reach(self):
        """Its row of ``formation.concession_reach``: whether each partner lies in its sphere (the share of its capability that
        reaches it, ``R[j, i] / p_i``, at least ``concession_reach_threshold``: :func:`foedus.theory.exchange.sphere_of_influence`;
        Boulding 1962, Lemke 2002) and its local balance against the partner's main threat there is at least
        ``local_balance_threshold`` (:func:`foedus.theory.deterrence_extended.local_balance`; Huth 1988); 1.0 where both are 0."""
        m = self.model
        p = m.params
        interest = m.concession_interest[self.index][None, :] if m.concession_interest is not None else None
        if p.concession_reach_threshold == 0 and p.local_balance_threshold == 0:
            return 1.0 if interest is None else interest
        col = m.reach[:, self.index]  # how far it reaches each partner (R[j, i])
        rho = col / self.power if self.power > 0 else np.zeros(len(col))
        rho[self.index] = 1.0
        inside = th_exchange.sphere_of_influence(np.clip(rho, 0.0, 1.0), p.concession_reach_threshold, check=False)
        if p.local_balance_threshold > 0:
            inside = inside * th_exchange.sphere_of_influence(m.local_balance[self.index], p.local_balance_threshold, check=False)
        return inside[None, :] if interest is None else inside[None, :] * interest

    def take_view(self, capacity: float) -> None:
        """Its portfolio and unit cost (``alignment._Alliances``): alliances over commitment capacity, ``alliance_cost * (1 + m) ** e``."""
        p = self.model.params
        count = sum(1 for al in self.model.alliances if self in al.members)
        self.unit_cost = p.alliance_cost * (1.0 + count / capacity) ** p.commitment_exponent

    def price_forms(self) -> None:
        """Its cost of each form of pact with every partner, signing (``formation.pact_cost`` = :func:`foedus.theory.obligations.commitment_cost`).

        ``form_cost``: a new pair's, the risk of defending the partner carried in its share of the
        pair's defence (``alignment._pair_burden``: :func:`foedus.theory.consent.pair_burden_shares`,
        Olson & Zeckhauser 1966), for its own choice and the partner's consent; ``founding_cost``: the
        whole risk, as the founders vote on co-founders (``formation.cofounders``)."""
        p = self.model.params
        entrap = self.model.form_entrap  # the share of the base cost each form carries (formation.form_entrapment)

        def priced(burden):
            return [
                th_ob.commitment_cost(
                    self.unit_cost, FORM_COMMITMENT[f], self.autonomy * float(FORM_GOODS[f, 0]), autonomy_weight=p.autonomy_weight,
                    burden=burden * float(FORM_RISK[f]), burden_weight=p.defence_burden_weight, treaty_cost=p.treaty_cost,
                    entrapment=float(entrap[f]), check=False,
                ).tolist()
                for f in FORMS
            ]

        self.form_cost = priced(self.burden * self.pair_share)
        self.founding_cost = priced(self.burden)

    def cost_to(self, j: int, base: float, commitment: float, protection: float, signing: bool = True, risk: float | None = None,
                entrapment: float = 1.0) -> float:
        """One commitment's cost to partner ``j`` (``formation.pact_cost``, risk by default = protection; ``entrapment`` the share
        of ``base`` the pledge carries, :func:`foedus.theory.obligations.entrapment_share`)."""
        p = self.model.params
        return float(
            th_ob.commitment_cost(
                base, commitment, self.autonomy[j] * protection, autonomy_weight=p.autonomy_weight,
                burden=self.burden[j] * (protection if risk is None else risk),
                burden_weight=p.defence_burden_weight, treaty_cost=p.treaty_cost if signing else 0.0, entrapment=entrapment, check=False,
            )
        )

    def war_risk_row(self, year: int) -> None:
        """The chance of a war with each later partner over ``abstention_horizon`` years (``formation.abstention_terms``' ``war_risk`` row).

        The pairs at risk (:func:`foedus.theory.war_onset.politically_relevant`; both active with
        capability, not at war), each with the annual hazard of :func:`foedus.theory.war_onset.war_onset_hazard`
        (Bremer 1992) of the covariates :func:`.conflict.onset_covariates` reads (contiguity, distance,
        a major power, parity, rivalry, war memory, the democratic weak link, a defence pact, joint
        nuclear arms, the norm against conquest), held over the horizon
        (:func:`foedus.theory.offence.war_expectation`); 1 for a partner it is at war with. Each pair
        once, from its lower-indexed state, as the simulator takes the upper triangle."""
        m = self.model
        p = m.params
        i = self.index
        self.risk = {}
        later = m.states[i + 1 :]
        if not later:
            return
        js = [o.index for o in later]
        relevant = th_onset.politically_relevant(self.contiguous[js], [self.major or o.major for o in later], self.rivalry[js])  # its row at once
        live = [o for o, r in zip(later, relevant.tolist()) if r and self.active and o.active and self.power > 0 and o.power > 0 and not self.at_war[o.index]]
        for o in later:
            if self.at_war[o.index]:
                self.risk[o.index] = 1.0
        if not live:
            return
        js = [o.index for o in live]
        contiguous, rival = self.contiguous[js], self.rivalry[js]
        major = np.array([self.major or o.major for o in live])
        lower, higher = th_onset.democracy_link(np.full(len(js), self.regime), [o.regime for o in live], check=False)
        terms = {
            "contiguous": contiguous,
            "log_distance": th_onset.log_distance(self.distance[js]),
            "any_major": major,
            "parity": th_rivalry.parity(np.full(len(js), self.power), [o.power for o in live]),
            "rival": rival,
            "war_history": th_rivalry.war_term(self.war_history[js]),
            "lower_democracy": lower,
            "higher_democracy": higher,
            "defence_pact": np.array([j in self.defence_partners for j in js]),
            "joint_nuclear": np.array([self.nuclear and o.nuclear for o in live]),
            "conquest_norm": th_onset.conquest_norm_term(th_renounce.territorial_integrity_norm(year), major, contiguous, rival),
            "joint_major": th_onset.joint_major(np.full(len(js), self.major), [o.major for o in live]),
            "issueless_rival": th_issues.issueless_rivalry(rival, self.rivalry_spatial[js], contiguous),
        }
        h = th_onset.war_onset_hazard(*(terms[t] for t in th_onset.WAR_ONSET_TERMS), intercept=p.war_onset_intercept, coefficients=p.war_onset_coefficients())
        for j, r in zip(js, th_offence.war_expectation(h, p.abstention_horizon, check=False).tolist()):
            self.risk[j] = r

    def read_goods(self, goods: np.ndarray) -> None:
        """Keep its row of the year's goods, ``goods[:, i, j]`` for every partner j, as plain lists (a per-agent record)."""
        self.goods_row = goods[:, self.index, :].T.tolist()

    def fresh_goods(self, j: int) -> list:
        """The goods of a pact with ``j`` that their pacts do not provide already (``goods[g, i, j] * fresh``)."""
        shared = self.shared_goods.get(j)
        col = self.goods_row[j]
        if shared is None:
            return [v * 1.0 for v in col]
        return [v * (0.0 if sh else 1.0) for v, sh in zip(col, shared)]

    def best_pair(self) -> tuple:
        """Its best new pact (``alignment_kernels.best_pairs`` for one state): (net, form, partner, value, cost).

        Every form with every partner it is not at war with and not bound to as strongly, that the
        partner would sign too (its fresh goods worth more than its own cost); the first maximum of
        the net value over form, then partner (``np.argmax`` over ``f * N + j``)."""
        m = self.model
        i = self.index
        forms = m.form_goods
        f_best = [(-math.inf, 0)] * len(forms)  # per form: the largest net value and its first partner
        self.by_partner = {}  # per partner: the largest net value and its first form (alignment_kernels.best_forms_by_partner)
        track = m.portfolio_limit > 1  # the best form with each partner matters only to the portfolio rule
        for other in m.states:
            j = other.index
            if j == i or self.at_war[j] or not other.active:
                continue
            shared = self.shared_commitment.get(j, 0.0)
            g_j = g_i = None
            for f, fg in enumerate(forms):
                if not m.form_strength[f] > shared:
                    continue
                if m.form_binds[f] and (self.neutral or other.neutral):  # permanent neutrality: no defence or offence pledge (neutrality_bars)
                    continue
                if g_j is None:
                    g_j, g_i = other.fresh_goods(i), self.fresh_goods(j)
                pv = 0.0
                for g in range(N_GOODS):
                    pv += fg[g] * g_j[g]
                if not pv > other.form_cost[f][i]:
                    continue
                v = 0.0
                for g in range(N_GOODS):
                    v += fg[g] * g_i[g]
                net = v - self.form_cost[f][j]
                if net > f_best[f][0]:
                    f_best[f] = (net, j)
                if track and net > self.by_partner.get(j, (-math.inf, 0))[0]:
                    self.by_partner[j] = (net, f)
        f = 0
        for k in range(1, len(forms)):
            if f_best[k][0] > f_best[f][0]:
                f = k
        net, j = f_best[f]
        g_i = self.fresh_goods(j)
        value = 0.0
        for g in range(N_GOODS):
            value += forms[f][g] * g_i[g]
        return net, f, j, value, self.form_cost[f][j]

    def best_accession(self) -> tuple | None:
        """Its best accession (``alignment._best_accessions`` for one state): (net, alliance, value, cost) or None.

        Treaties whose terms admit members, of a member's region
        (:func:`foedus.theory.obligations.admissible`), that it does not belong to and did not leave
        this year, that its permanent neutrality does not bar (:func:`foedus.theory.alignment.neutrality_bars`), whose members would admit it (:meth:`Alliance.admits_candidate`); value the
        treaty's goods aggregated by capability (:func:`foedus.theory.choice.join_utilities`), cost
        that of a commitment to the leader with the newcomer's burden share of the members' defence
        (:func:`foedus.theory.consent.candidate_base_cost`, :func:`~foedus.theory.consent.newcomer_share`)."""
        m = self.model
        p = m.params
        y = m.year
        best = None
        for al in m.pacts:
            if not al.admits or self in al.members or al.last_exit.get(self) == y:
                continue
            if not th_ob.admissible([self.region], [al.regions()])[0, 0]:
                continue
            if th_align.neutrality_bars([self.neutral], al.goods[None, :])[0, 0]:
                continue
            if not al.admits_candidate(self)[0]:
                continue
            join = th_choice.join_utilities(m.goods_join, al.membership_row()[None, :], aggregate="capability", power=m.powers, states=[self.index])
            value = float(np.dot(join[:, 0, 0], al.join_goods.astype(float)))
            # the milieu is common: what each democratic member gains from its entry, it gains from each of them (consent.milieu_value;
            # Wolfers 1962, Kydd 2001), in a protective treaty only
            milieu = float(th_consent.milieu_value(m.regimes, m.proximity, al.membership_row()[None, :], [self.index], weight=p.milieu_weight).sum(axis=1)[0])
            value = value + milieu * float(al.join_goods[0])
            # the newcomer's burden share of the k members' defence and of the leader's (consent.candidate_base_cost, newcomer_share)
            args = ([float(m.powers[self.index])], [sum(float(m.powers[o.index]) for o in al.members)], [len(al.members)])
            base = float(th_consent.candidate_base_cost([self.unit_cost], args[2], args[0], args[1], exponent=p.commitment_exponent)[0])
            sigma = float(th_consent.newcomer_share(*args)[0])
            prot = float(al.goods[0])
            j = al.top[0].index
            keep = al.institution(len(al.members) >= 2)[0]  # its concession as the institution binds it (Ikenberry 2001)
            cost = float(th_ob.commitment_cost(base, al.commitment, self.autonomy[j] * (prot * keep), autonomy_weight=p.autonomy_weight, burden=self.burden[j] * prot * sigma,
                                               burden_weight=p.defence_burden_weight, treaty_cost=p.treaty_cost, entrapment=al.entrap, check=False))
            if best is None or value - cost > best[0]:
                best = (value - cost, al, value, cost)
        return best


class Alliance(mesa.Agent):
    """A security alliance in force: its members (state -> entry year), obligations and what they provide."""

    def __init__(
        self, model: AllianceModel, members: dict, obligations, *, commitment: float, admits: bool, institutionalised: int = 0, ident: int | None = None,
        integration: float = 0.0, wartime: bool = False,
    ) -> None:
        super().__init__(model)
        if ident is None:
            ident = model.next_id
            model.next_id += 1
        self.ident = ident
        self.members: dict[State, int] = dict(members)
        self.obligations = np.asarray(obligations, dtype=bool)
        self.goods = th_ob.pact_goods(self.obligations)
        # the share of the base cost of allying its pledge carries (alignment._Alliances.entrap: theory.obligations.entrapment_share)
        self.entrap = float(th_ob.entrapment_share(self.obligations, model.params.lesser_entrapment_share, check=False))
        self.join_goods = th_choice.accession_goods(self.goods)
        self.commitment = float(commitment)
        self.admits = bool(admits)
        self.institutionalised = int(institutionalised)
        self.integration = min(max(float(integration), 0.0), 1.0)  # the integration its forces reached (static here: politics is off)
        self.wartime = bool(wartime)
        self.value_start: dict[State, float] = {}
        self.last_exit: dict[State, int] = {}
        self.top = (None, None)

    def institution(self, multilateral: bool) -> tuple[float, float]:
        """Its binding and general assets (``alignment._institution``): the share of Morrow's autonomy exchange its institution
        keeps (:func:`foedus.theory.integration.bound_autonomy` of its :func:`~foedus.theory.integration.institutional_assets`,
        ``institutional_binding``; Ikenberry 2001) and its integration, none for a pact made for a war, scaled by
        ``general_asset_retention`` (Wallander 2000); both only when ``multilateral``."""
        p = self.model.params
        mult = 1.0 if multilateral else 0.0
        assets = float(th_integ.institutional_assets(self.institutionalised / 2.0, self.integration, check=False)) * mult
        keep = float(th_integ.bound_autonomy(1.0, assets, binding=p.institutional_binding, check=False))
        general = (0.0 if self.wartime else self.integration) * mult * p.general_asset_retention
        return keep, general

    def community(self, cand: State) -> tuple[bool, bool]:
        """Whether it is a community of democracies and ``cand`` qualifies (``alignment._community``; Schimmelfennig 2001):
        assets of at least one half and its members' mean democracy at least ``community_standard``; the candidate's
        democracy at least the standard, of the region most members are of, with forces of its own."""
        p = self.model.params
        if p.community_standard >= 1.0:
            return False, False
        assets = float(th_integ.institutional_assets(self.institutionalised / 2.0, self.integration, check=False))
        members = self.ordered()
        mean = sum(s.regime for s in members) / max(len(members), 1)
        counts = [0] * len(th_ob.COW_REGIONS)
        for s in members:
            counts[s.region] += 1
        home = counts.index(max(counts))  # the first region of the most members (np.argmax)
        return (assets >= 0.5 and mean >= p.community_standard), (cand.regime >= p.community_standard and cand.region == home and cand.milper0 > 0)

    def ordered(self) -> list[State]:
        """Its members in state order (as the simulator's membership arrays list them)."""
        return sorted(self.members, key=lambda s: s.index)

    def regions(self) -> list[bool]:
        out = [False] * len(th_ob.COW_REGIONS)
        for s in self.members:
            out[s.region] = True
        return out

    def membership_row(self) -> np.ndarray:
        row = np.zeros(len(self.model.states), bool)
        for s in self.members:
            row[s.index] = True
        return row

    def find_leaders(self) -> None:
        """Its strongest and second-strongest members, ties to the lower index (``membership.leaders``)."""
        members = self.ordered()
        b1 = None
        for s in members:
            if b1 is None or s.power > b1.power:
                b1 = s
        b2 = None
        for s in members:
            if s is not b1 and (b2 is None or s.power > b2.power):
                b2 = s
        self.top = (b1, b2)

    def share_terms(self) -> None:
        """Tell each pair of members the commitment and goods this treaty gives them (``alignment_kernels.shared_terms``)."""
        for a in self.members:
            for b in self.members:
                if a is b:
                    continue
                j = b.index
                if self.commitment > a.shared_commitment.get(j, 0.0):
                    a.shared_commitment[j] = self.commitment
                if self.obligations[DEFENCE]:  # Bremer's alliance term of the war-onset hazard (conflict.defence_pairs)
                    a.defence_partners.add(j)
                sg = a.shared_goods.setdefault(j, [False] * N_GOODS)
                for g in range(N_GOODS):
                    if self.goods[g]:
                        sg[g] = True

    def admits_candidate(self, cand: State) -> tuple[bool, float, int]:
        """The members' vote on ``cand`` (``alignment._admitted``): (allowed, share in favour, disputes).

        Each member votes by :func:`foedus.theory.obligations.admission_votes` (the treaty's joining
        goods from the candidate against its own cost of a commitment to it); the accession passes
        with a share ``accession_share`` in favour and no territorial dispute
        (:func:`foedus.theory.entrapment.accession_allowed`)."""
        m = self.model
        p = m.params
        prot = 1.0 if self.join_goods[0] else 0.0
        c = cand.index
        votes, disputes = 0.0, 0
        members = self.ordered()
        cred = m.credibility()  # each member's credibility of the candidate's pledge (formation.pledge_credibility)
        # each member's share of the alliance's new commitment (Olson & Zeckhauser 1966; the leader alone trades autonomy, Morrow 1991)
        shares = th_consent.burden_shares(self.membership_row()[None, :], m.powers)[0]
        keep = self.institution(len(self.members) >= 2)[0]  # the leader's gain in autonomy, bound as the newcomer's concession
        community, qualified = self.community(cand)  # a community of democracies and a candidate that shares its values (Schimmelfennig 2001)
        cost = th_consent.accession_cost(
            shares[[mem.index for mem in members]][None, :], [mem.unit_cost for mem in members], [self.commitment],
            [[mem.burden[c] for mem in members]], [[mem.autonomy[c] * keep for mem in members]], [members.index(self.top[0])],
            protection=[prot], autonomy_weight=p.autonomy_weight, burden_weight=p.defence_burden_weight, treaty_cost=p.treaty_cost,
            entrapment=[self.entrap],
        )[0].tolist()
        for mem, k in zip(members, cost):
            v = 0.0
            for g in range(N_GOODS):
                v += m.goods_join[g, mem.index, c] * (1.0 if self.join_goods[g] else 0.0)
            v += p.milieu_weight * cand.regime * mem.regime * mem.proximity[c] * prot  # consent.milieu_value (Wolfers 1962)
            distrust = cred[mem.index, c] <= 0.0  # consent.rival_veto: a rival's pledge is cheap talk (Kydd 2005)
            vetoed = (mem.main == c and bool(prot)) or distrust
            vote = bool(th_ob.admission_votes(v, k, vetoed, True, cand.main == mem.index))
            if community and qualified and not vetoed and cand.main != mem.index:  # consent.community_entrapment
                security = shares[mem.index] * self.commitment * p.defence_burden_weight * mem.burden[c] * prot
                vote = bool(th_consent.community_entrapment([[vote]], [[True]], [[v]], [[security]], [True], [True])[0, 0])
            if vote:
                votes += 1.0
            if cand.dispute[mem.index]:
                disputes += 1
        share = votes / max(len(members), 1)
        passed = bool(th_consent.members_consent(share, m.params.accession_share, check=False))  # unanimity by default (Morrow 1991)
        return disputes == 0 and passed, share, disputes


class AllianceModel(mesa.Model):
    """Mesa peer of foedus's alignment step on the reduced scenario (see the module docstring)."""

    def __init__(self, scenario: Scenario, seed: int = 0, *, shared_draws: bool = False, record_states: bool = True) -> None:
        super().__init__(seed=seed)
        if shared_draws:  # foedus's stream for the seed, draw for draw (vs_mesa.py's common-random-numbers check)
            self.random = SharedStream(seed)
        world = build_world(scenario)
        self.params = scenario.parameters
        self.year = scenario.start_year
        n = world.n
        tiers = world.tier_code()
        self.states = [State(self, i, world, tiers) for i in range(n)]
        self.powers = np.array([s.power for s in self.states])
        # static in the reduced scenario: the world's threats, reach, hostility (for the year's theory calls)
        self.threat = np.stack([s.threat for s in self.states])
        self.reach = np.stack([s.reach for s in self.states])
        self.hostility = np.stack([s.hostility for s in self.states])
        self.shared_global = world.results.shared_global
        self.target = th_offence.offence_target(self.hostility, check=False)
        # each state's main threat: main_threat masks the diagonal, so it takes the whole matrix (threats do not move here)
        for s, k in zip(self.states, th_ob.main_threat(self.threat, check=False).tolist()):
            s.main = int(k)
        # and as perceived (threat.main_threat_of: live issues, allies in arms whose pledge holds), the one the co-founders
        # share and great powers' adversaries are: the starting world's, as threats, alliances' pledges and wars do not move
        # the reduced pipeline's perception (no threat step)
        perceived = main_threat_of(world)
        for s, k in zip(self.states, perceived.tolist()):
            s.perceived = int(k)
        # out by policy (neutrality.stays_out): the starting world's draw (the system step that redraws it is off), lifted
        # where the main threat is at war next door (foedus.theory.nonalignment.threat_shock)
        policy = world.state.policy_bar
        if len(policy) and policy.any():
            shock = th_nonalign.threat_shock(perceived, world.state.at_war, world.inputs.contiguous, world.inputs.distance_km)
            for s in self.states:
                s.out_by_policy = bool(policy[s.index] and not shock[s.index])
        burden = th_ob.defence_burden(self.threat, self.powers, reach=self.reach, check=False)
        # each defender's local balance in each protege's theatre (Huth 1988), model-wide like the burden (threats do not move here)
        self.local_balance = th_deter.local_balance(self.threat, self.reach, check=False)
        # whether each state has interests where each partner lies (formation.concession_reach: exchange.concession_interest;
        # Morrow 1991, Maoz & Russett 1993), model-wide like the local balance (contiguity and the majors do not move here)
        p = self.params
        self.concession_interest = None
        if p.concession_interest_weight > 0 and world.inputs.contiguous is not None and world.inputs.contiguous.shape == (n, n):
            self.concession_interest = th_exchange.concession_interest(
                world.inputs.contiguous, world.state.major, weight=p.concession_interest_weight, relevant=self.adversary_relevance(world.inputs.contiguous), check=False
            )
        self.regimes = np.array([s.regime for s in self.states])
        self.proximity = np.stack([s.proximity for s in self.states])
        pair_share = th_consent.pair_burden_shares(self.powers)  # each side's share of a new pair's defence (alignment._pair_burden)
        for s in self.states:
            s.burden = burden[s.index]
            s.pair_share = pair_share[s.index]
            s.exchange_terms(self.powers)
        ag = world.state.agreements
        self.next_id = int(ag.next_id)
        self.alliances: list[Alliance] = []
        for a in ag.active_slots():
            if ag.domain[a] != SECURITY or ag.kind[a] != ALLIANCE:
                continue
            members = {self.states[i]: int(ag.entry_year[a, i]) for i in range(n) if ag.members[a, i]}
            al = Alliance(self, members, ag.obligations[a], commitment=float(ag.commitment[a]), admits=bool(ag.admits[a]),
                          institutionalised=int(ag.institutionalised[a]), ident=int(ag.agreement_id[a]),
                          integration=float(ag.integration[a]), wartime=bool(ag.wartime[a]))
            for i in range(n):
                if ag.members[a, i] and not np.isnan(ag.value_start[a, i]):
                    al.value_start[self.states[i]] = float(ag.value_start[a, i])
            self.alliances.append(al)
        # the security organisations with a defence obligation (not agents here: the reduced pipeline never changes
        # them) still make their members a defence pair of the war-onset hazard (conflict.defence_pairs)
        self.organisation_defence: dict[int, set] = {}
        for a in ag.active_slots():
            if ag.domain[a] == SECURITY and ag.kind[a] == ORGANISATION and ag.obligations[a, DEFENCE]:
                inside = np.flatnonzero(ag.members[a]).tolist()
                for i in inside:
                    self.organisation_defence.setdefault(i, set()).update(k for k in inside if k != i)
        self.pacts: list[Alliance] = []
        self.form_goods = FORM_GOODS.astype(float).tolist()
        self.rulers = None  # each pair's former-ruler link (foedus.data.succession.ruler_pairs), at the first ruler_tie
        self.portfolio_limit = int(self.params.pacts_per_year)  # the portfolio rule (alignment._choose)
        # the share of the base cost of allying each form carries (formation.form_entrapment: theory.obligations.entrapment_share)
        self.form_entrap = th_ob.entrapment_share(FORM_OBLIGATIONS, self.params.lesser_entrapment_share, check=False).tolist()
        self.form_binds = [bool(x) for x in FORM_RISK != 0]  # forms a permanently neutral state may not sign (best_pairs' ``barred``)
        if self.params.offence_defence_risk_share != 1.0:  # the peer prices every pledge to fight at FORM_RISK (formation.form_risk at 1)
            raise ValueError("the Mesa peer follows offence_defence_risk_share 1 only (the default: formation.form_risk's FORM_RISK), "
                             f"got {self.params.offence_defence_risk_share}")
        self.form_strength = [float(x) for x in FORM_COMMITMENT]
        # the run's record, as foedus's: the alliances in force, each state's row every year (its record step), and the events
        self.datacollector = mesa.DataCollector(
            model_reporters={"alliances": lambda m: len(m.alliances), "memberships": lambda m: sum(len(al.members) for al in m.alliances)},
            agenttype_reporters={State: {k: k for k in ("milex", "milper", "population", "cinc", "major", "tier")}} if record_states else {},
        )
        self.events: list[tuple] = []  # (year, kind, alliance, ccode, ccode2), as foedus logs them

    def adversary_relevance(self, contiguous: np.ndarray):
        """``interests.adversary_relevance_of``: :func:`foedus.theory.interests.adversary_relevance` of each state's adversaries
        (its perceived main threat and its strategic rivals, ``interests.adversaries``) and the share of each adversary's
        capability that reaches each state, at ``concession_adversary_reach`` (Morrow 1991); None when that is 0."""
        p = self.params
        if p.concession_adversary_reach <= 0:
            return None
        n = len(self.states)
        adversary = np.zeros((n, n), bool)
        share = np.zeros((n, n))
        for s in self.states:
            adversary[s.index] = s.rivalry
            if s.perceived >= 0:
                adversary[s.index, s.perceived] = True
            adversary[s.index, s.index] = False
            if s.power > 0:  # its capability that reaches each state (R[j, a] / p_a)
                share[s.index] = np.clip(self.reach[:, s.index] / s.power, 0.0, 1.0)
        return th_interests.adversary_relevance(contiguous, adversary, share, threshold=p.concession_adversary_reach, check=False)

    # ------------------------------------------------------------------ the year's terms
    def commitment_capacity(self) -> dict:
        """How many commitments each state carries for the price of one: ``max(1, sqrt(p / median p))`` (``formation.commitment_capacity``)."""
        med = float(np.median(self.powers))
        return {s: (max(1.0, math.sqrt(s.power / med)) if med > 0 else 1.0) for s in self.states}

    def take_view(self, capacity: dict) -> None:
        """The alliances as the options see them (``alignment._Alliances``): portfolios, leaders, what pairs already share."""
        self.pacts = list(self.alliances)
        for s in self.states:
            s.take_view(capacity[s])
            s.shared_commitment, s.shared_goods = {}, {}
            s.defence_partners = set(self.organisation_defence.get(s.index, ()))
        for al in self.pacts:
            al.find_leaders()
            al.share_terms()
        for s in self.states:
            s.price_forms()

    def year_values(self) -> tuple[np.ndarray, np.ndarray]:
        """The motive utilities (:func:`foedus.theory.alignment.alignment_utilities`) and the goods of each obligation
        (:func:`foedus.theory.obligations.obligation_goods`), as the first lines of :func:`foedus.sim.steps.alignment.alignment` call them."""
        p = self.params
        u, total = th_align.alignment_utilities(
            self.powers, self.threat, self.hostility, weakness_threshold=p.weakness_threshold, balance_power_weight=p.balance_power_weight,
            balance_threat_weight=p.balance_threat_weight, bandwagon_weight=p.bandwagon_weight, tether_weight=p.tether_weight,
            shared_global=self.shared_global, reach=self.reach, return_total=True, check=False,
        )
        n = len(self.states)
        defends = np.zeros((n, n), bool)
        for s in self.states:
            for j, sg in s.shared_goods.items():
                defends[s.index, j] = sg[0]
        norm = th_renounce.renunciation_of_war(self.year)
        discount = float(th_renounce.conquest_discount(norm, p.conquest_norm_strength, check=False))
        standing = float(th_renounce.nonaggression_standing(norm, p.nonaggression_norm_share, check=False))
        offence = float(th_renounce.offence_standing(norm, p.offence_abrogation_strength, check=False))
        aggr = th_offence.aggrandisement(self.hostility, self.reach, check=False) if p.aggrandisement_weight * offence > 0 else None
        isolation = th_offence.isolation(self.hostility, self.reach, defends=defends, check=False) * discount if p.abstention_weight > 0 else None
        if p.nuclear_deterrence_strength != 0:  # formation.nuclear_deterred: no attack on a nuclear power pays (Jervis 1989)
            armed = nuclear_armed([st.ccode for st in self.states], self.year)
            aggr, isolation = (None if v is None else th_offence.nuclear_deterrence(v, self.target, armed, strength=p.nuclear_deterrence_strength, check=False)
                               for v in (aggr, isolation))
        if aggr is not None:  # obligation_choice.offence_capacity: a common target (pacts16), a great power in the pair (mix12)
            aggr = th_offence.common_target(aggr, self.target, check=False)
            if p.offence_great_power_strength != 0:
                major = np.array([st.major and st.active for st in self.states], dtype=bool)
                aggr = th_offence.compellent_capacity(aggr, major, strength=p.offence_great_power_strength, check=False)
        abstention = self.abstention_terms()
        goods = th_ob.obligation_goods(
            total, self.threat, self.powers, reach=self.reach, aggrandisement=aggr, isolation=isolation, defends=defends,
            weights=(1.0, p.reassurance_weight * standing, p.abstention_weight, p.transparency_weight, p.aggrandisement_weight * offence),
            check=False, reassurance_threat=self.reassurance_threat(), **abstention,
        )
        if p.pledge_credibility_weight > 0:  # formation.credible_goods: a pledge from a sworn enemy is cheap talk (Kydd 2005)
            goods[1] *= self.credibility()
            if p.cheap_talk_bias > 0:  # pair_value.consulted_goods: a hostile partner's pledge to consult is shaded (Crawford & Sobel 1982)
                goods[3] = th_cheap.credible_consultation(goods[3], self.hostility, weight=p.pledge_credibility_weight, bias=p.cheap_talk_bias, check=False)
        fight = self.fighting_credibility()
        if fight is not None:  # and so is its pledge to fight beside one: protection (bandwagoning, tethering whole) and aggrandisement
            goods[0], goods[4] = th_reassure.credible_pledges(goods[0], self.kept(u), goods[4], fight, check=False)
        if p.spiral_relief_weight > 0:  # pair_value.given_reassurance: what giving a fearful partner one's pledge relieves (Kydd 2005)
            # (the partner's fear: the reassurance good as it stands, before any side payment; reassurance_transfer_share is 0 here)
            goods[1] += p.spiral_relief_weight * th_reassure.spiral_relief(goods[1], self.reach, self.threat, self.powers, check=False)
        unread = self.unread_alignment(abstention["war_risk"])
        if unread is not None:  # formation.unread_alignment, added in credible_terms at the credibility of the partner's pledge (Kydd 2005)
            goods[2] += unread * (self.credibility() if p.pledge_credibility_weight > 0 else 1.0)
        settle = self.settlement()
        if settle is not None:  # settlement.settlement_goods: settling a remembered war or rivalry between neighbours, at the standing of non-aggression
            goods[1] += standing * settle
        tie = self.ruler_tie()
        if tie is not None:  # pair_value.ruler_goods: a new state's tie to its former ruler in the protection good (Lake 2009)
            goods[0] += tie  # ... and its former ruler's side in the reassurance good (pair_value.ruler_sphere: Lake's sphere)
            near = np.array([s.contiguous for s in self.states], dtype=bool) | (np.array([s.distance for s in self.states]) < th_settle.NEAR_KM)
            goods[1] += th_new.former_ruler_sphere(tie, np.array([s.entered for s in self.states], dtype=np.int64), near, check=False)
        return u, goods

    def unread_alignment(self, war_risk):
        """``formation.unread_alignment``: ``unread_alignment_weight`` times :func:`foedus.theory.reassurance.unread_alignment` of the
        expected threat, reach, capabilities and the uncertainty of each pair's intentions, the partners pledged to defend one
        (``formation.defence_pledges``: the members of a security alliance with a defence obligation) and the war risk; None where off."""
        p = self.params
        if p.unread_alignment_weight == 0 or p.nonaggression_prior == 0 or p.intentions_decay_years == 0:
            return None
        n = len(self.states)
        entered = np.array([s.entered for s in self.states], dtype=np.int64)
        unc = th_reassure.intentions_uncertainty(th_reassure.relationship_age(self.year, entered, check=False), decay_years=p.intentions_decay_years, check=False)
        expected = th_reassure.expected_threat(self.threat, self.reach, unc, prior=p.nonaggression_prior, check=False)
        defends = np.zeros((n, n), bool)
        for al in self.alliances:
            if al.obligations[DEFENCE]:
                idx = [mem.index for mem in al.members]
                defends[np.ix_(idx, idx)] = True
        np.fill_diagonal(defends, False)
        out = p.unread_alignment_weight * th_reassure.unread_alignment(expected, self.reach, self.powers, unc, prior=p.nonaggression_prior,
                                                                       defends=defends, war_risk=war_risk, check=False)
        active = np.array([s.active for s in self.states], dtype=bool)
        return out * (active[:, None] & active[None, :])

    def settlement(self):
        """``settlement.settlement``: ``settlement_weight`` times :func:`foedus.theory.settlement.settlement_value` of each pair's unsettled
        relations (:func:`~foedus.theory.settlement.unsettled_relations` of the war remembered and of the memory of the last rivalry ended,
        :func:`~foedus.theory.settlement.rivalry_memory`, both at ``war_memory``; nothing to settle at war or between rivals) between
        neighbours (contiguous, or capitals within :data:`~foedus.theory.settlement.NEAR_KM`), 0 where either is out of the system
        (Gibler 1996; Lupu & Poast 2016); None where off. Each state's rows, stacked (static here: no conflict or rivalry step)."""
        p = self.params
        w = p.settlement_weight
        if w == 0:
            return None
        st = self.states
        war = np.stack([s.war_history for s in st])
        ended = np.stack([s.rivalry_ended for s in st])
        at_war = np.stack([s.at_war for s in st])
        rivals = np.stack([s.rivalry for s in st])
        riv = th_settle.rivalry_memory(self.year, ended, memory=p.war_memory, check=False)
        unsettled = th_settle.unsettled_relations(war, riv, at_war, rivals, check=False)
        value = th_settle.settlement_value(unsettled, np.stack([s.contiguous for s in st]), np.stack([s.distance for s in st]), check=False)
        active = np.array([s.active for s in st], dtype=bool)
        return w * np.where(active[:, None] & active[None, :], value, 0.0)

    def ruler_tie(self):
        """``pair_value.ruler_tie``: ``former_ruler_weight`` times :func:`foedus.theory.new_states.former_ruler_tie` of the year,
        the states' first entries, their former rulers (:func:`foedus.data.succession.ruler_pairs`) and the norm's strength,
        0 where either is out of the system or the separation is not settled (at war, rivals, or a war remembered); None where off."""
        p = self.params
        w, yrs = float(p.former_ruler_weight), float(p.former_ruler_years)
        if w == 0 or yrs == 0:
            return None
        if self.rulers is None:
            self.rulers = ruler_pairs([s.ccode for s in self.states])
        entered = np.array([s.entered for s in self.states], dtype=np.int64)
        active = np.array([s.active for s in self.states], dtype=bool)
        unsettled = np.array([s.rivalry for s in self.states], dtype=bool) | np.array([s.at_war for s in self.states], dtype=bool)
        unsettled |= np.array([s.war_history for s in self.states], dtype=float) > 0
        norm = float(th_renounce.renunciation_of_war(self.year))
        out = w * th_new.former_ruler_tie(self.year, entered, self.rulers, years=yrs, norm=norm, settled=~unsettled, check=False)
        out *= active[:, None] & active[None, :]
        return out

    def fighting_credibility(self):
        """``formation.fighting_credibility``: ``1 - s (1 - c)``, ``s`` ``credible_fighting_pledges`` (None where off)."""
        p = self.params
        if p.pledge_credibility_weight == 0 or p.credible_fighting_pledges == 0:
            return None
        return 1.0 - p.credible_fighting_pledges * (1.0 - self.credibility())

    @staticmethod
    def kept(u: np.ndarray) -> np.ndarray:
        """``formation._kept``: the protection that does not rest on the partner's pledge to fight (bandwagoning, tethering)."""
        return u[MOTIVES.index("bandwagon")] + u[MOTIVES.index("tether")]

    def credible_protection(self, u: np.ndarray) -> np.ndarray:
        """``formation.credible_protection``: the protection of joining a treaty at the fighting credibility (Kydd 2005)."""
        total = u.sum(axis=0)
        fight = self.fighting_credibility()
        if fight is None:
            return total
        return th_reassure.credible_pledges(total, self.kept(u), np.zeros_like(total), fight, check=False)[0]

    def abstention_terms(self) -> dict:
        """``formation.abstention_terms``: each pair's chance of war over the horizon (:meth:`State.war_risk_row`, from
        the lower-indexed state), each state's target and the credibility of a partner's pledge to stay out (Kydd 2005)."""
        p = self.params
        n = len(self.states)
        armed = nuclear_armed([s.ccode for s in self.states], self.year).tolist()  # foedus.data.nuclear, as conflict._nuclear
        for s, a in zip(self.states, armed):
            s.nuclear = bool(a)
        risk = np.zeros((n, n))
        for s in self.states:
            s.war_risk_row(self.year)
            for j, r in s.risk.items():
                risk[s.index, j] = risk[j, s.index] = r
        cred = self.credibility() if p.pledge_credibility_weight > 0 else np.ones((n, n))
        return {"war_risk": risk, "target": self.target, "credibility": cred}

    def credibility(self) -> np.ndarray:
        """``formation.pledge_credibility``: :func:`foedus.theory.reassurance.pledge_credibility` of the hostility, with
        Kydd's (2005) minimum trust threshold ``trust_threshold`` (a sworn enemy's pledge is cheap talk)."""
        p = self.params
        return th_reassure.pledge_credibility(self.hostility, weight=p.pledge_credibility_weight, threshold=p.trust_threshold, check=False)

    def reassurance_threat(self):
        """``formation.reassurance_threat``: Kydd's prior on the intentions of states new to each other (None when off)."""
        p = self.params
        if p.nonaggression_prior == 0 or p.intentions_decay_years == 0:
            return None
        entered = np.array([s.entered for s in self.states], dtype=np.int64)  # formation.entry_years: the first entry
        age = th_reassure.relationship_age(self.year, entered, check=False)
        unc = th_reassure.intentions_uncertainty(age, decay_years=p.intentions_decay_years, check=False)
        return th_reassure.expected_threat(self.threat, self.reach, unc, prior=p.nonaggression_prior, check=False)

    # ------------------------------------------------------------------ the procedures
    def exits(self) -> bool:
        """Members leave treaties worth less than their cost and than at entry (``alignment._exits``); True when any left.

        Memberships in state order, then alliance; value the treaty's goods summed over the fellow
        members; cost :meth:`State.cost_to` the strongest other member with base
        ``exit_threshold * unit cost * (1 + entrapment)``, not signing, the risk of defending carried in
        its share of the alliance's capability (:func:`foedus.theory.consent.burden_shares`); probability
        :func:`foedus.theory.obligations.inertia_exit_probability` times the rate less institutional protection."""
        p = self.params
        y = self.year
        leaving = []
        for s in self.states:
            for al in self.pacts:
                if s not in al.members or al.members[s] >= y:
                    continue
                stay = 0.0
                row = s.goods_row
                members = al.ordered()
                for g in range(N_GOODS):
                    acc = 0.0
                    for o in members:
                        acc += row[o.index][g]
                    provided = 1.0 if al.goods[g] else 0.0
                    stay = acc * provided if g == 0 else stay + acc * provided
                start = al.value_start.setdefault(s, stay)
                top1, top2 = al.top
                partner = top2 if s is top1 else top1
                base = p.exit_threshold * s.unit_cost * (1.0 + s.entrapment)
                if p.lesser_entrapment_share != 1.0:  # a pledge of non-aggression or consultation carries its share (entrapment_share)
                    base = base * al.entrap
                # the risk of defending in its share of the alliance's defence (consent.burden_shares; Olson & Zeckhauser 1966)
                protect = float(al.goods[0])
                share = float(th_consent.burden_shares(al.membership_row()[None, :], self.powers)[0, s.index])
                keep, general = al.institution(len(al.members) >= 3)  # an institution of three or more binds the exchange
                cost = s.cost_to(partner.index, base, al.commitment, protect * keep, signing=False, risk=protect * share)
                rate = p.exit_rate * (1.0 - p.institution_protection * al.institutionalised / 2.0)
                kept = float(th_integ.retained_value(stay, start, general, check=False))  # what leaving forfeits (Wallander 2000)
                # leaving costs the standing of a state that reneges (abrogation_cost: Gibler 2008; Crescenzi et al. 2012)
                exit_p = rate * float(th_ob.inertia_exit_probability(kept, start, cost, rate=1.0, abrogation_cost=p.abrogation_cost, check=False))
                if self.random.random() < exit_p and kept + p.abrogation_cost < cost:
                    leaving.append((s, al))
        # what each treaty left was before the departures: its members and its largest member's share of their capability
        # (dissolution.leave: theory.principals.largest_share), for the unravelling below
        before = {}
        for _, al in leaving:
            if al not in before:
                before[al] = (len(al.members), float(th_principals.largest_share(al.membership_row()[None, :], self.powers)[0]))
        for s, al in leaving:
            del al.members[s]
            al.value_start.pop(s, None)
            al.last_exit[s] = y
            self.events.append((y, "exit", al.ident, s.ccode, -1))
        # a treaty of at most unravel_max_members that a departure leaves with two or more ends for all, unless one member holds
        # unravel_privileged_share of the members' capability (dissolution._unravel: theory.unravelling.unravels; Olson 1965)
        for al, (size, top) in before.items():
            if th_unravel.unravels([size], [len(al.members)], [top], max_members=int(p.unravel_max_members),
                                   privileged_share=float(p.unravel_privileged_share))[0]:
                self.alliances.remove(al)
                al.remove()
                self.events.append((y, "dissolution", al.ident, -1, -1))
        gone = [al for al in self.pacts if len(al.members) < 2 and any(a is al for _, a in leaving)]
        for al in gone:
            self.alliances.remove(al)
            al.remove()
            self.events.append((y, "dissolution", al.ident, -1, -1))
        return bool(leaving)

    def pairs(self, proposals: list) -> None:
        """New pacts with the partner's consent, a pair proposed from both sides (or twice) once, at its first proposal (``alignment._pairs``), with their co-founders."""
        seen, new = set(), []
        for i, j, f in proposals:  # every proposal passed the partner's test in best_pair
            key = (min(i.index, j.index), max(i.index, j.index))
            if key not in seen:
                seen.add(key)
                new.append((i, j, f))
        founders = [self.cofounders(i, j, f) for i, j, f in new]
        for (i, j, f), extra in zip(new, founders):
            members = {i: self.year, j: self.year}
            for c in extra:
                members[c] = self.year
            al = Alliance(self, members, FORM_OBLIGATIONS[f], commitment=float(commitment_strength(FORM_OBLIGATIONS[f])), admits=bool(extra),
                          wartime=bool(i.at_war.any() or j.at_war.any()))
            self.alliances.append(al)
            self.events.append((self.year, "formation", al.ident, i.ccode, j.ccode))

    def cofounders(self, i: State, j: State, f: int) -> list[State]:
        """The states that sign with ``i`` and ``j`` in the same year (``formation.cofounders`` and ``_signers``).

        Candidates share the proposer's main threat (its target, for an offence pact), are at war
        with neither founder and gain from an accession to the pair (value by capability, cost to the
        stronger founder with the base raised by ``2 ** e``); each founder votes by
        :func:`foedus.theory.obligations.admission_votes`; who signs is
        :func:`foedus.theory.consent.founding_members` (Hart & Kurz 1983)."""
        p = self.params
        offence = bool(FORM_GOODS[f, 4])
        common = self.target[i.index] if offence else i.perceived  # the main threat as perceived (alignment._pairs: main_threat_of)
        if common < 0:
            return []
        prot, risk, s_f = float(FORM_GOODS[f, 0]), float(FORM_RISK[f]), float(FORM_COMMITMENT[f])
        provided = FORM_GOODS[f].astype(float)
        total = max(i.power + j.power, 1e-12)
        w = (i.power / total, j.power / total)
        leader = i if i.power >= j.power else j
        cand, value, cost = [], [], []
        for c in self.states:
            theirs = self.target[c.index] if offence else c.perceived
            if c is i or c is j or c.index == common or not c.active or theirs != common or i.at_war[c.index] or j.at_war[c.index]:
                continue
            if c.neutral and self.form_binds[f]:  # a permanently neutral state co-founds no defence or offence pact
                continue
            v = 0.0
            for wk, founder in zip(w, (i, j)):
                fresh = c.fresh_goods(founder.index)
                v += wk * sum(fresh[g] * provided[g] for g in range(N_GOODS))
            e_f = float(self.form_entrap[f])  # the share of the base cost the form carries (formation.form_entrapment)
            k = c.cost_to(leader.index, c.unit_cost * 2.0**p.commitment_exponent, s_f, prot, entrapment=e_f) if prot == risk else None
            if k is None:
                k = float(th_ob.commitment_cost(c.unit_cost * 2.0**p.commitment_exponent, s_f, c.autonomy[leader.index] * prot,
                          autonomy_weight=p.autonomy_weight, burden=c.burden[leader.index] * risk, burden_weight=p.defence_burden_weight,
                          treaty_cost=p.treaty_cost, entrapment=e_f, check=False))
            if not v > k:
                continue
            ok = True
            for m in (i, j):
                fresh = m.fresh_goods(c.index)
                v_m = sum(fresh[g] * provided[g] for g in range(N_GOODS))
                if not th_ob.admission_votes(v_m, float(m.founding_cost[f][c.index]), m.perceived == c.index, bool(FORM_GOODS[f, 0])):
                    ok = False
            if ok:
                cand.append(c)
                value.append(v)
                cost.append(k)
        if not cand:
            return []
        voters = [i, j, *cand]
        approve = np.zeros((len(voters), len(cand)), bool)
        for a, m in enumerate(voters):
            for b, c in enumerate(cand):
                fresh = m.fresh_goods(c.index)
                v_m = sum(fresh[g] * provided[g] for g in range(N_GOODS))
                approve[a, b] = a - 2 == b or bool(th_ob.admission_votes(v_m, float(m.founding_cost[f][c.index]), m.perceived == c.index, bool(FORM_GOODS[f, 0])))
        signs = th_consent.founding_members(np.array(value) - np.array(cost), approve, check=False)
        return [c for c, ok in zip(cand, signs) if ok]

    def accessions(self, choices: list) -> None:
        """Accessions the members admit (``alignment._accessions``): votes of the members as they stood, then all join."""
        admitted = [(s, al) for s, al in choices if al.admits_candidate(s)[0] and s not in al.members and al in self.alliances]
        for s, al in admitted:
            al.members[s] = self.year
            self.events.append((self.year, "accession", al.ident, s.ccode, -1))

    def alignment(self) -> None:
        """The year of :func:`foedus.sim.steps.alignment.alignment`: exits, then each reconsidering state's best option, pairs, accessions."""
        p = self.params
        states = self.agents_by_type[State]  # Mesa's AgentSet of the states, in the simulator's (index) order
        states.do("note_neutrality", self.year)
        capacity = self.commitment_capacity()
        self.take_view(capacity)
        u, self.goods = self.year_values()
        states.do("read_goods", self.goods)
        if self.exits():
            self.take_view(capacity)
        # each state draws whether it reconsiders, in order (foedus draws rng.random(n), then keeps the states in the system)
        considering = states.select(lambda s: self.random.random() < p.consider_rate and s.active)
        if not len(considering):
            return
        # joining counts no tethering (foedus.theory.alignment.accession_motives)
        self.goods_join = self.goods.copy()
        self.goods_join[0] = self.credible_protection(th_align.accession_motives(u))  # a rival member's pledge to defend one is cheap talk too
        considering.do("step")  # each reconsidering state's best option (State.step)
        proposals, choices = [], []
        for s in considering:
            if s.option is not None and s.option[0] == "join":
                choices.append((s, s.option[1]))
            elif s.option is not None:
                proposals.append((s, s.option[1], s.option[2]))
        considering = list(considering)
        if (proposals or choices) and self.portfolio_limit > 1:
            proposals += self.portfolio(considering, proposals)
        self.pairs(proposals)
        self.accessions(choices)

    def portfolio(self, considering: list, proposals: list) -> list:
        """Further pacts, partner by partner (``alignment._choose``'s portfolio, where the simulator has ``pacts_per_year``).

        Every partner is an opportunity of its own: each reconsidering state's best form with every
        other partner (:meth:`State.best_pair`'s ``by_partner``), its best option's partner excepted,
        picked by :func:`foedus.theory.portfolio.portfolio_picks` (the larger net values first, at
        most ``pacts_per_year - 1``)."""
        n = len(self.states)
        nets = np.full((len(considering), n), -np.inf)
        done = np.zeros((len(considering), n), bool)
        first = {i.index: j.index for i, j, _ in proposals}
        for r, s in enumerate(considering):
            for j, (net, _) in s.by_partner.items():
                nets[r, j] = net
            if s.index in first:
                done[r, first[s.index]] = True
        rows, partners = th_portfolio.portfolio_picks(nets, limit=self.params.pacts_per_year - 1, exclude=done, check=False)
        return [(considering[r], self.states[j], considering[r].by_partner[j][1]) for r, j in zip(rows.tolist(), partners.tolist())]

    def step(self) -> None:
        """One simulated year: the active steps (alignment; the DataCollector is foedus's record), then the calendar."""
        self.alignment()
        self.datacollector.collect(self)
        self.year += 1
