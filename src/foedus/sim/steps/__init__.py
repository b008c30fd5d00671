"""The steps of a simulated year, each a thin function ``step(world, rng) -> None`` in its own module.

A simulated year runs these in order (:data:`DEFAULT_STEPS`; replace any of them from Python
through :attr:`foedus.sim.engine.Simulation.steps`):

0. :func:`~.system.system_membership` (:mod:`.system`): states enter and leave the system as the
   scenario schedules (the COW state list in runs from the record); states outside it are
   dormant;
1. :func:`~.trends.trends_and_shocks` (:mod:`.trends`): the scenario's trend drivers T1–T5 and
   its scheduled shocks;
2. :func:`~.capabilities.capabilities` (:mod:`.capabilities`): economic growth, arming under the
   security dilemma (D1; Richardson 1960, Jervis 1978) net of allies' protection, so that small
   allies free-ride (P4);
3. :func:`~.threat.threat_perception` (:mod:`.threat`): Walt's threat matrix with geography (F2) and global
   threats no state embodies;
3a. :func:`~.system.absent_states` (:mod:`.system`): the threats to and from the dormant states
   outside the system are removed;
3b. :func:`~.blocs.blocs` (:mod:`.blocs`): before the bilateral choices, states that share a threat
   (the same main threat, or one of its allies) found one multilateral treaty together, led by
   the strongest of them, when each founder gains from the joint pledge net of free riding and
   no member loses by another's admission (Snyder 1997; Olson & Zeckhauser 1966: free riding
   bounds its size); the members are one region's states with a collective identity (Hemmer &
   Katzenstein 2002); the treaty admits new members from the next year;
4. :func:`~.alignment.alignment` (:mod:`.alignment`): forming, joining and leaving alliances by
   balancing, bandwagoning and tethering (F1–F5), each obligation valued for what it provides
   (A2), with partners' consent, the treaty's terms of admission, accession rules and the
   autonomy–security exchange on both sides (P1); treaties in force are kept by inertia (P5); a
   state may belong to several agreements at once (what options cost and how a pact is
   written: :mod:`.formation`);
5. :func:`~.politics.alliance_politics` (:mod:`.politics`): cohesion against a fading threat,
   economic competition and diverging regimes; entrapment and abandonment; integration against
   autonomy (P2, P3, P5, T2, T4, T5); dissolution; democratisation;
5a. :func:`~.replacement.treaty_replacement` (:mod:`.replacement`): a pair bound by a bilateral pact writes a new
   treaty in its place, most often at a term's end (Leeds & Savun 2007; off unless ``replacement_base_rate`` > 0);
6. :func:`~.crises.crises_and_coalitions` (:mod:`.crises`): crises arise; coalitions of the
   willing assemble from exposure, capability and interoperability, act, and dissolve when the
   crisis ends (D4);
7. :func:`~.cyber.cyber` (:mod:`.cyber`): intrusions, uncertain attribution, escalation,
   espionage among allies, and trust-based cyber alignments with firms and NGOs (T3);
8. :func:`~.conflict.conflict_and_commitments` (:mod:`.conflict`): disputes and wars, and
   whether allies honour their commitments (T2, P5);
8b. :func:`~.wartime.wartime_pacts` (:mod:`.wartime`): pacts made for a war, signed in the year it begins by
   states sharing an enemy (offence, defence) and by bystanders with the attacker (neutrality), ended with their
   purpose fulfilled when the war is over (Bueno de Mesquita 1981, Leeds 2003, Leeds & Savun 2007);
9. :func:`~.rivalry.rivalries` (:mod:`.rivalry`): strategic rivalries begin and end with the
   hazards estimated on the record (:mod:`foedus.theory.rivalry`), driven by contiguity, major
   status, parity, wars, joint democracy, regime distance and power shifts;
10. :func:`~.record.record` (:mod:`.record`): the year's state arrays into the recorder (events
   are logged by the steps that cause them, each with its explanation).

The behavioural constants of the steps are fields of :class:`foedus.sim.parameters.Parameters`
(a few conventions remain in the code, named where they are: the democracy threshold 0.5 of the
regime scale, the doubling of a trend knob around its neutral 0.5); the mechanisms' published
formulas are functions of :mod:`foedus.theory`.

Year one starts from :func:`initialise`, the derived state (threats, cohesion, the arming
fixed point) of the starting world, computed without drawing from any generator. Helpers that
more than one step needs are in :mod:`._common`; how agreements dissolve and members leave,
whichever step causes it, is in :mod:`.dissolution`.

The steps call :mod:`foedus.theory` for the published mechanisms; beside the bookkeeping (which
arrays go in, what the results change, which events are logged) some composite rules of the
model are still written here (the security profile's terms) and are to move to
:mod:`foedus.theory`; the cost of a commitment is :func:`foedus.theory.obligations.commitment_cost`;
disputes, their escalation and the call to arms are in :mod:`foedus.theory.war`, a coalition's stake,
reach and willingness in :mod:`foedus.theory.coalitions`, what arming answers in
:mod:`foedus.theory.arming`. No Python loop runs over
states or dyads: the passes over memberships and pairs are compiled (numba, here and in
:mod:`foedus.sim.membership`), and Python loops run only over the (few) events of a year, the open
crises and the coalitions.

Speed. A year is mostly many small array operations, so the steps avoid work that cannot change
anything: they skip Morrow's exchange when ``autonomy_weight`` is 0, draw no disputes when
``dispute_rate`` is 0, keep what changes rarely (distance discounts, pact commitments, global threats, tiers) until it
changes, and build no explanations when the run's events are only counted
(``Simulation(explain=False)``). None of this changes what a run does (a zero dispute rate
only saves the random draws that could never start a dispute).
"""

from __future__ import annotations

from foedus.sim.steps._common import Step
from foedus.sim.steps.alignment import alignment
from foedus.sim.steps.blocs import blocs
from foedus.sim.steps.capabilities import arming_fixed_point, arming_pressure, capabilities
from foedus.sim.steps.conflict import conflict_and_commitments
from foedus.sim.steps.crises import crises_and_coalitions
from foedus.sim.steps.cyber import cyber
from foedus.sim.steps.politics import alliance_politics, cohesion_state
from foedus.sim.steps.record import record
from foedus.sim.steps.replacement import treaty_replacement
from foedus.sim.steps.rivalry import rivalries
from foedus.sim.steps.system import absent_states, system_membership
from foedus.sim.steps.threat import perceive_threats, threat_perception
from foedus.sim.steps.trends import trends_and_shocks
from foedus.sim.steps.wartime import wartime_pacts
from foedus.sim.world import World

DEFAULT_STEPS: dict[str, Step] = {
    "system_membership": system_membership,
    "trends_and_shocks": trends_and_shocks,
    "capabilities": capabilities,
    "threat_perception": threat_perception,
    "absent_states": absent_states,
    "blocs": blocs,
    "alignment": alignment,
    "alliance_politics": alliance_politics,
    "treaty_replacement": treaty_replacement,
    "crises_and_coalitions": crises_and_coalitions,
    "cyber": cyber,
    "conflict_and_commitments": conflict_and_commitments,
    "wartime_pacts": wartime_pacts,
    "rivalries": rivalries,
    "record": record,
}
"""The pipeline of a simulated year, in order (steps 0–10 above, with 3a, the absent-states mask, and 3b, the blocs, between threat perception and alignment)."""


def initialise(world: World) -> None:
    """The derived state of a starting world, so that year one starts where the scenario says.

    Perceived threats (:func:`~.threat.perceive_threats`), cohesion and what follows from it
    (:func:`~.politics.cohesion_state`), and the scale of the Richardson reactions and the
    grievance term ``base_spending`` set so that the starting military spending is a fixed point
    of :func:`~.capabilities.capabilities` (:func:`~.capabilities.arming_fixed_point`:
    ``fatigue * x - K x + relief``; the world does not jump in year one). Deterministic: nothing is drawn from any generator.
    """
    perceive_threats(world)
    absent_states(world, None)
    cohesion_state(world)
    arming_fixed_point(world)
