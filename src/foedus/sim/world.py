"""The simulated world as arrays: states, their relations, the agreements among them and the open crises.

Everything that changes from year to year lives in NumPy arrays indexed by state (``(N,)``), by
ordered pair (``(N, N)``, ``[i, j]`` = i's relation to j) or by agreement (``(A, ...)``), so each
step of a simulated year is a handful of vectorised operations (see :mod:`foedus.sim.steps`).

:class:`World` holds them in typed parts:

- ``world.inputs``, a :class:`WorldInputs`: what the run starts from and never changes (the
  scenario's states, geography and baselines, the non-state actors, the parameters, trends and
  shocks, the run's switches ``explain`` and ``check``);
- ``world.state``, a :class:`WorldState`: what the steps carry from year to year (the year, the
  states' economies, spending and capabilities, the relations, the agreements, a
  :class:`foedus.sim.agreements.Agreements`, the crises, a :class:`Crises`, and the wars);
- ``world.results``, a :class:`YearResults`: what a step of the year computes for later ones;
- ``world.cache``, ``world.year_cache`` (:class:`foedus.sim.yearcache.YearCache`) and
  ``world.log`` (the run's :class:`EventLog`).

A field is state when some step assigns it or changes it in place during a run; the rest are
inputs. The compiled passes over memberships are in :mod:`foedus.sim.membership`. Code written
against the flat ``World`` of before (``world.hostility``) fails with AttributeError;
``tools/world_split.py`` rewrites it to ``world.state.hostility``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Protocol

import numpy as np

from numba import njit

from foedus.schema import POWER_TIERS, REGIONAL_CINC, SUPERPOWER_CINC
from foedus.sim.agreements import Agreements
from foedus.sim.parameters import Parameters
from foedus.sim.scenario import Trends
from foedus.sim.yearcache import YearCache
from foedus.theory.capability import capability_shares



class EventLog(Protocol):
    """What the steps write into: the run's event log.

    :class:`foedus.sim.record.Recorder` (and the ensembles' counting recorder) implement it; the
    world names only this protocol because the recorder reads the world, not the reverse.
    """

    def events(self, year: int, kind: str, agreement_id: Any = -1, ccode: Any = -1, ccode2: Any = -1, detail: Any = None) -> None:
        """Log a batch of events of one kind in ``year``."""

    def record_year(self, world: "World") -> None:
        """Keep the state-years of the year just simulated."""

    def events_table(self) -> Any:
        """The events logged so far (a ``pandas.DataFrame`` of the ``events`` table)."""

    def history(self, world: "World", source: str = "simulation", extras: Any = None, meta: Any = None) -> Any:
        """The run so far as a :class:`foedus.schema.History`."""


def capability_arrays(economy, military, economy0, military0, cinc0, *, check: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``power`` and ``cinc`` of the states (see :meth:`World.update_power`).

    ``power`` is :func:`foedus.theory.capability.capability_shares`; ``cinc`` rescales it to the
    share of the world's capabilities that the modelled states held at the start
    (``power * sum(cinc0)``, clipped to [0, 1]).
    """
    power = capability_shares(economy, military, economy0, military0, cinc0, check=check)
    return power, np.clip(power * np.sum(cinc0), 0.0, 1.0)


@dataclass
class Crises:
    """Crises under way (brief D4): aggression, terrorism, proliferation, organised crime.

    Arrays of length C (crises so far). ``exposure`` (C, N) is how hard each crisis hits each
    state; ``intensity`` is what a coalition must overcome; ``remaining`` counts years left
    before the crisis fades on its own; ``coalition`` is the slot of the coalition acting on it.
    """

    kind: list[str] = field(default_factory=list)
    start_year: list[int] = field(default_factory=list)
    aggressor: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    exposure: list[np.ndarray] = field(default_factory=list)
    intensity: list[float] = field(default_factory=list)
    initial: list[float] = field(default_factory=list)
    remaining: list[int] = field(default_factory=list)
    coalition: list[int] = field(default_factory=list)
    active: list[bool] = field(default_factory=list)

    def add(self, kind: str, year: int, exposure: np.ndarray, intensity: float, duration: int, aggressor: int = -1, target: int = -1) -> int:
        """Open a crisis; return its index."""
        self.kind.append(kind)
        self.start_year.append(year)
        self.aggressor.append(aggressor)
        self.target.append(target)
        self.exposure.append(np.asarray(exposure, dtype=float))
        self.intensity.append(float(intensity))
        self.initial.append(float(intensity))
        self.remaining.append(int(duration))
        self.coalition.append(-1)
        self.active.append(True)
        return len(self.kind) - 1

    def open(self) -> list[int]:
        """Indices of crises under way."""
        return [c for c, a in enumerate(self.active) if a]


@dataclass
class YearResults:
    """What a step of the year computes for the steps after it: the results passed along a year.

    Each field is written by one step (in brackets) and read by later ones, and by the first
    steps of the next year; :func:`foedus.sim.steps.initialise` computes them for year one.

    Attributes
    ----------
    offensive : (N,) float
        Offensive capability, 0-1 (capabilities; :func:`foedus.theory.capability.offensive_capability`).
    threat : (N, N) float
        ``[i, j]``: the threat j poses to i, capability-share units (threat perception; brief F2).
    global_threat : (N,) float
        Each state's exposure to global threats weighted by their intensity (threat perception).
    shared_global : (N, N) float
        The global threat pairs share (threat perception).
    utilities : (4, N, N) float
        Utility to i of allying with j by motive (alignment; F1–F4).
    ally_credibility : (N, N) float
        Commitment × cohesion of the strongest agreement i shares with j (alliance politics).
    entrapment, abandonment : (N,) float
        Each state's alliance security dilemma, 0-1 (alliance politics; Snyder 1984).
    intrusions, attributed : (N, N) bool
        This year's cyber intrusions and those attributed, ``[i, j]``: i into j (cyber; T3).
    reach : (N, N) float
        ``[i, k]``: capability share of k that reaches i, Bueno de Mesquita's distance discount
        (threat perception; :func:`foedus.theory.projection.projected_capability`); (0, 0) before it runs.
    """

    offensive: np.ndarray
    threat: np.ndarray
    global_threat: np.ndarray
    shared_global: np.ndarray
    utilities: np.ndarray
    ally_credibility: np.ndarray
    entrapment: np.ndarray
    abandonment: np.ndarray
    intrusions: np.ndarray
    attributed: np.ndarray
    reach: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))

    @classmethod
    def empty(cls, n: int, *, offensive: np.ndarray | None = None) -> "YearResults":
        """Results for ``n`` states before any step has run (zeros; ``offensive`` if given)."""
        return cls(
            offensive=np.zeros(n) if offensive is None else offensive,
            threat=np.zeros((n, n)),
            global_threat=np.zeros(n),
            shared_global=np.zeros((n, n)),
            utilities=np.zeros((4, n, n)),
            ally_credibility=np.zeros((n, n)),
            entrapment=np.zeros(n),
            abandonment=np.zeros(n),
            intrusions=np.zeros((n, n), bool),
            attributed=np.zeros((n, n), bool),
        )


@dataclass
class WorldInputs:
    """What a run starts from and never changes: the scenario's states, geography, baselines and settings (brief A1, A2).

    Set when the world is built (:mod:`foedus.sim.start`, then :func:`foedus.sim.steps.initialise`
    for ``reaction_scale``) and by :class:`~foedus.sim.engine.Simulation` for the run's switches
    (``explain``, ``check``); no step assigns to them or changes them in place during a run.

    Per state (N,): ``ccode``, ``abb``, ``names``, ``since``, ``population`` (millions),
    ``ideal_point``, ``ideal_known``, ``tier_pin``, ``entered``, ``reaction_scale``. Per ordered
    pair (N, N): ``distance_km``, ``capital_km``, ``contiguous``, ``proximity``, ``territorial_dispute``,
    ``ideal_distance``. The non-state actors (``nonstate_*``), the global threats' baseline
    ``base_global`` and ``crisis_threat_from``, the cyber intrusion scale ``cyber_scale``, the
    scheduled spells in the system (``spells``, with the ``dormant`` states' figures) and of
    neutrality (``neutral_spells``), the treaty practice (``treaty_terms``, ``treaty_automatic``),
    ``params``, ``trends``, ``shocks`` (by year), and the run's switches ``explain`` and ``check``.
    """

    ccode: np.ndarray
    abb: list[str]
    names: list[str]
    since: np.ndarray
    population: np.ndarray
    ideal_point: np.ndarray
    distance_km: np.ndarray
    contiguous: np.ndarray
    proximity: np.ndarray
    territorial_dispute: np.ndarray
    nonstate_ids: list[str] = field(default_factory=list)
    nonstate_names: list[str] = field(default_factory=list)
    nonstate_kind: list[str] = field(default_factory=list)
    nonstate_home: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    nonstate_capacity: np.ndarray = field(default_factory=lambda: np.zeros(0))
    nonstate_vulnerability: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ideal_distance: np.ndarray | None = None
    rivalry_spatial: np.ndarray | None = None
    """(N, N) bool: the scenario's rivalries over territory (Thompson & Dreyer 2012's spatial type;
    :func:`foedus.theory.war_onset_issues.issueless_rivalry`). None (a world built by hand): none."""
    capital_km: np.ndarray | None = None
    """(N, N) great-circle distance between the states' capitals, km (``distance_km`` is the minimum distance where the
    scenario gives one, CShapes 2.0, so 0 for neighbours): the distance the war-onset model was fitted on
    (:func:`foedus.analysis.war_onsets.war_onset_dyad_years`). None (a world built by hand): ``distance_km``."""
    base_global: np.ndarray = field(default_factory=lambda: np.zeros(3))
    nonstate_home_index: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cyber_scale: float = 0.0
    explain: bool = True
    """Whether the steps write the explanation of each alignment event (motives and factors, F5)
    in its detail; off for runs whose events are only counted (ensembles), which saves the
    building of thousands of details. The events themselves, and the run, are the same."""
    check: bool = False
    """Whether the steps ask :mod:`foedus.theory` to validate its inputs every year (``check=``):
    off by default, since the world's arrays are valid by construction; on to debug a new step."""
    tier_pin: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    params: Parameters | None = None
    trends: Trends | None = None
    shocks: dict = field(default_factory=dict)
    nonstate_values: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Stated values of each non-state actor on the regime scale (0-1; NaN: it takes its home state's camp; T3)."""
    spells: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), np.int64))
    """(S, 3) int: the scheduled spells in the system (state index, first year, last year; the
    largest int64 for an open one); empty when every state is a member throughout."""
    dormant: dict = field(default_factory=dict)
    """The scenario's figures of the states that are dormant at some time (economy, milex,
    milper, cinc, major, cyber posture, exposure, and the (N, N) hostility and rivalry of the
    relations), which a state takes when it enters (:func:`foedus.sim.steps.system.enter_system`)."""
    reaction_scale: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Factor on each state's Richardson reaction coefficients, set once at the start
    (:func:`foedus.theory.arming.reaction_scale`, :func:`foedus.sim.steps.capabilities.arming_fixed_point`); empty: 1."""
    crisis_threat_from: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    """(K,) int: the first year in which each kind of global threat may arise as a crisis (the smallest int64: any year; the
    largest: never); :mod:`foedus.sim.steps.system` sets ``crisis_threats`` from it each year. Empty: ``crisis_threats`` as set."""
    treaty_terms: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """Stated terms in years (0: none) that a pact formed in the run draws its own from (``Scenario.treaty_terms``: the
    record's treaty practice, :mod:`foedus.sim.build_terms`); empty: formed pacts state no term."""
    treaty_automatic: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    """(len(treaty_terms),) bool: whether each of ``treaty_terms`` renews automatically (``Scenario.treaty_terms_automatic``,
    ATOP ``proren`` 2); a formed pact draws it with its term."""
    ideal_known: np.ndarray | None = None
    """(N,) bool: the states whose ideal point the scenario gives (the others count as the mean in ``ideal_distance``);
    None: all known. An unknown identity is not a shared one (:func:`foedus.theory.multilateral.identity_veto`)."""
    neutral_spells: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), np.int64))
    """(S, 3) int: the states' spells of permanent neutrality (state index, first year, last year; the largest int64 for an
    open one; ``Actor.neutral``): in them a state forms and joins no defence or offence pact
    (:func:`foedus.theory.alignment.neutrality_bars`; :func:`foedus.sim.steps.neutrality.permanently_neutral`). Empty: none."""
    major_spells: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), np.int64))
    """(S, 3) int: the scheduled spells as a major power (state index, first year, last year; the largest int64 for an open
    one; ``Actor.major_spells``): :func:`foedus.sim.steps.system.scheduled_majors` sets ``WorldState.major`` of the states
    that have any from them each year. Empty: every state keeps its starting status."""
    successions: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), np.int64))
    """(K, 3) int: agreement id, predecessor index, successor index (``AgreementSpec.successions``): when the successor enters
    the system it continues the predecessor's membership (:func:`foedus.sim.steps.system.succeed`). Empty: none."""
    entered: np.ndarray | None = None
    """(N,) int: the year each state first entered the state system, for the age of its relationships
    (:func:`foedus.sim.steps.formation.entry_years`): the actor's ``since`` where the scenario gives it; else the
    first year of its first scheduled spell when that is after the start (a state born in the run); else
    :data:`foedus.theory.reassurance.STATE_LIST_START` (a member of unknown entry counts as an old one). None: ``since``."""
    regime_changed: np.ndarray | None = None
    """(N,) float: the year each state's latest regime transition began before the start (``Actor.regime_changed``; NaN:
    none known), from which its record of intentions counts (:func:`foedus.sim.steps.formation.record_years`). None: none."""
    first_year: int | None = None
    """The scenario's start year: a state's pledges entered before it or in it are the record's, which kept them side by side,
    and only a pledge entered since can contradict an older one (:func:`foedus.sim.steps.dissolution.end_incompatible`). None (a world
    built by hand): every pledge counts."""


@dataclass
class WorldState:
    """What the steps carry from year to year: every field some step assigns or changes in place during a run.

    Per state (N,): ``economy`` (GDP, million US$), ``growth`` (trend, per year), ``milex``
    (million US$ per year), ``military`` (military stock: spending accumulated with
    depreciation), ``milper`` (thousands), ``regime`` (0-1), ``major``, ``power`` (capability
    share, sums to 1), ``cinc`` (share of the world's capabilities), ``cyber_capacity``,
    ``cyber_vulnerability``, ``exposure`` (N, K global threats), ``active``, ``base_spending``
    and the war economy (``milex_prewar``, ``war_peak``, ``peace_burden``), ``regime_reference``, ``power_past``,
    and the capability baselines ``cinc0``, ``economy0``, ``military0``, ``milex0``, ``milper0``,
    ``milex_floor`` (fixed but for a state entering the system, :func:`foedus.sim.steps.system.enter_system`).

    Per ordered pair (N, N): ``hostility`` and ``hostility_base``, ``rivalry`` and
    ``rivalry_balance0``, ``trade_dependence`` ([i, j] = i's dependence on j), ``trust``
    (cyber), ``at_war``, ``at_war_last_year``, ``war_history``.

    And ``year``, ``global_intensity``, ``crisis_threats``, the ``agreements``
    (:class:`~foedus.sim.agreements.Agreements`), the ``crises`` (:class:`Crises`) and the ``wars`` under way.
    """

    year: int
    economy: np.ndarray
    growth: np.ndarray
    milex: np.ndarray
    military: np.ndarray
    milper: np.ndarray
    regime: np.ndarray
    major: np.ndarray
    cinc0: np.ndarray
    economy0: np.ndarray
    military0: np.ndarray
    base_spending: np.ndarray
    cyber_capacity: np.ndarray
    cyber_vulnerability: np.ndarray
    exposure: np.ndarray
    hostility: np.ndarray
    hostility_base: np.ndarray
    rivalry: np.ndarray
    trade_dependence: np.ndarray
    trust: np.ndarray
    agreements: Agreements
    global_intensity: np.ndarray = field(default_factory=lambda: np.zeros(3))
    crises: Crises = field(default_factory=Crises)
    power: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cinc: np.ndarray = field(default_factory=lambda: np.zeros(0))
    at_war: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), bool))
    milex0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    milper0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    milex_floor: np.ndarray = field(default_factory=lambda: np.zeros(0))
    crisis_threats: list = field(default_factory=lambda: [0, 1, 2])  # indices into GLOBAL_THREATS that may arise at random
    active: np.ndarray = field(default_factory=lambda: np.ones(0, bool))
    """(N,) bool: the states that are system members this year (:mod:`foedus.sim.steps.system`);
    the others are dormant: no capability, relations, memberships or decisions."""
    war_history: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    """(N, N): each pair's war memory, years at war discounted by ``war_memory`` a year
    (:func:`foedus.theory.rivalry.war_history`; kept by :mod:`foedus.sim.steps.rivalry`)."""
    rivalry_balance0: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    """(N, N): ``log(power_i / power_j)`` when the pair's rivalry began (at the start for the
    scenario's rivalries), from which the termination hazard's power shift is measured."""
    rivalry_ended: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    """(N, N): the year each pair's last rivalry ended, NaN for none (empty: none yet; kept by
    :func:`foedus.sim.steps.settlement.record_rivalry_end`, read by :func:`foedus.sim.steps.settlement.settlement`)."""
    security_tie_last: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    """(N, N): the last year each pair shared a security agreement, NaN for none in the run (empty: none kept yet; kept by
    :func:`foedus.sim.steps.rivalry.rivalries`, :func:`foedus.theory.rivalry_gates.last_shared_year`): the security community's
    tie that outlives its treaty (:func:`foedus.theory.rivalry_gates.community_tie`)."""
    at_war_last_year: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), bool))
    """The pairs at war at the end of last year's conflict step (empty: none); only these wars may end this year
    (:func:`foedus.sim.steps.conflict.conflict_and_commitments`)."""
    wars: list = field(default_factory=list)
    """The wars under way, one dict each (:mod:`foedus.sim.steps.conflict`): ``start`` (year), ``attacker`` and
    ``target`` (state indices), ``side`` (state index -> 1 for the attacker's side, 2 for the target's) and
    ``pending`` (allies that honoured a call and enter next year); a war is dropped once no pair across its sides is at war."""
    regime_reference: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """(N,): each state's discounted memory of its democracy score (0-1; :func:`foedus.theory.rivalry.regime_reference`),
    against which the rivalry termination hazard measures a regime shift; kept by :mod:`foedus.sim.steps.rivalry`, empty
    until its first year (then this year's regimes: no shift)."""
    power_past: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    """(gp_rivalry_change_years, N): each state's capability share in each of the last years, oldest first
    (:func:`foedus.theory.positional_rivalry.past_power`), from which the great powers' rivalry termination hazard measures the
    change of a pair's parity; kept by :mod:`foedus.sim.steps.rivalry`, empty until its first year (then this year's shares in every
    row: no change known)."""
    milex_prewar: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """(N,): each state's spending in the last year before the war it is fighting or has just ended (NaN: none; the
    scenario's ``milex_prewar`` at the start); kept by :mod:`foedus.sim.steps.capabilities`, which returns a state whose
    war ended towards :func:`foedus.theory.arming.postwar_level` of it and of ``war_peak``. Empty: none."""
    war_peak: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """(N,): the highest spending of each state's war under way (0 at peace); kept by :mod:`foedus.sim.steps.capabilities`."""
    out_since: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    """(N,) int: the first year of each state's spell out of defence and offence pacts begun before the start and not
    yet ended (a year never reached: none); kept by :func:`foedus.sim.steps.system.nonalignment_record`. Empty: none kept."""
    policy_bar: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    """(N,) bool: the states that weigh no defence or offence pact this year by the inertia of their non-alignment
    (:func:`foedus.theory.nonalignment.policy_inertia`), unless a threat shock lifts it
    (:func:`foedus.sim.steps.neutrality.stays_out`). Empty: none."""
    peace_burden: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """(N,): a demobilising state's post-war level over its GDP (NaN: not demobilising); its level is ``peace_burden *
    economy`` (:func:`foedus.theory.arming.demobilisation`); kept by :mod:`foedus.sim.steps.capabilities`. Empty: none."""
    intentions_restarted: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """(N,): the year each state's record of intentions last restarted at a change of its regime (NaN: none;
    :func:`foedus.theory.reassurance.regime_restart`); kept by :func:`foedus.sim.steps.formation.record_years`. Empty: none yet."""
    intentions_regime: np.ndarray = field(default_factory=lambda: np.zeros(0))
    """(N,): the democracy score of the regime whose record of intentions is read (NaN: the state's memory of its regime,
    no restart yet); kept with ``intentions_restarted``. Empty: none yet."""


@dataclass
class World:
    """The simulated international system in one year: its inputs, its state and this year's results (brief A1, A2).

    - ``inputs`` (:class:`WorldInputs`): fixed for the run (the scenario's states, geography,
      baselines, parameters, trends, shocks and the run's switches);
    - ``state`` (:class:`WorldState`): carried from year to year by the steps;
    - ``results`` (:class:`YearResults`): what one step of the year computes for later ones;
    - ``cache`` keeps what changes rarely (see :mod:`foedus.sim.steps`), ``year_cache`` what
      several steps of one year compute from the same inputs, ``log`` is the run's event log
      (:class:`EventLog`: a :class:`~foedus.sim.record.Recorder`).

    A step reads ``world.inputs.distance_km`` and ``world.state.hostility``; :meth:`build`
    makes a world from the fields of both parts by name. ``n``, ``tier``, :meth:`tier_code`,
    :meth:`index_of` and :meth:`update_power` read through the parts.
    """

    inputs: WorldInputs
    state: WorldState
    results: YearResults = field(default_factory=lambda: YearResults.empty(0))
    cache: dict = field(default_factory=dict)
    log: EventLog | None = None
    year_cache: YearCache = field(default_factory=YearCache)
    """What several steps of the year compute from the same inputs, computed once (:class:`foedus.sim.yearcache.YearCache`:
    a result is reused only in the same year from inputs equal to the bit; speed only, a run is the same without it)."""

    @classmethod
    def build(cls, **values: Any) -> "World":
        """A world from its fields by name: each goes to the part that declares it (or to the world itself)."""
        own = {k: values.pop(k) for k in _WORLD_OWN if k in values}
        inputs = {k: values.pop(k) for k in _INPUT_FIELDS if k in values}
        state = {k: values.pop(k) for k in _STATE_FIELDS if k in values}
        if values:
            raise TypeError(f"World.build: unknown field(s) {sorted(values)}")
        return cls(inputs=WorldInputs(**inputs), state=WorldState(**state), **own)

    def __setstate__(self, saved: dict) -> None:
        """Restore a pickled world; one pickled before the split (all fields on the world) is split into its parts."""
        if "inputs" not in saved:
            saved = dict(saved)
            inputs = WorldInputs(**{k: saved.pop(k) for k in _INPUT_FIELDS if k in saved})
            state = WorldState(**{k: saved.pop(k) for k in _STATE_FIELDS if k in saved})
            saved = {"inputs": inputs, "state": state, **saved}
        self.__dict__.update(saved)

    @property
    def n(self) -> int:
        """Number of states."""
        return len(self.inputs.ccode)

    @property
    def tier(self) -> np.ndarray:
        """Power tier of each state (brief A1), as names (see :meth:`tier_code`)."""
        return np.asarray(POWER_TIERS, dtype=object)[self.tier_code()]

    def tier_code(self) -> np.ndarray:
        """Power tier as an index into :data:`foedus.schema.POWER_TIERS` (0 = superpower).

        :func:`foedus.schema.power_tier` of the current CINC share and major-power status; a
        tier stated in the scenario (``tier_pin``) is a floor while the state stays a major power
        (CINC understates some powers' reach: the United States in 2022 has a CINC share of
        0.12 but 39 % of the world's military spending).
        """
        s = self.state
        hit = self.cache.get("tier_code")
        if hit is not None and hit[0] is s.cinc and hit[1] == s.major.tobytes():
            return hit[2]  # the same capability shares (update_power makes a new array) and majors
        out = np.empty(len(s.cinc), np.int8)
        _tier_kernel(np.ascontiguousarray(s.cinc, dtype=float), np.ascontiguousarray(s.major, dtype=bool), self.inputs.tier_pin, SUPERPOWER_CINC, REGIONAL_CINC, out)
        out.flags.writeable = False
        self.cache["tier_code"] = (s.cinc, s.major.tobytes(), out)
        return out

    def index_of(self, ccode: int) -> int:
        """Array index of COW state ``ccode``."""
        hit = np.flatnonzero(self.inputs.ccode == ccode)
        if not len(hit):
            raise KeyError(f"state {ccode} is not in this world")
        return int(hit[0])

    def update_power(self) -> None:
        """Capability shares from economy and military stock, anchored on the starting CINC.

        ``power`` is :func:`foedus.theory.capability.capability_shares` (a two-component
        analogue of CINC, Singer et al. 1972): at the start the record's CINC shares, then moving
        with growth and arming. ``cinc`` rescales ``power`` to the share of the world's capabilities that the modelled
        states held at the start.
        """
        s = self.state
        s.power, s.cinc = capability_arrays(s.economy, s.military, s.economy0, s.military0, s.cinc0, check=self.inputs.check)


_INPUT_FIELDS = tuple(f.name for f in fields(WorldInputs))
_STATE_FIELDS = tuple(f.name for f in fields(WorldState))
_WORLD_OWN = ("results", "cache", "year_cache", "log")




@njit(cache=True)
def _tier_kernel(cinc, major, pin, superpower_cinc, regional_cinc, out):  # pragma: no cover (compiled)
    """:meth:`World.tier_code` in one pass: :func:`foedus.schema.power_tier_code` of ``cinc`` and
    ``major`` (without military shares), lowered to the pinned tier where a pin applies.

    A NaN share fails every comparison (it counts as 0), as in the schema's function.
    """
    for i in range(cinc.shape[0]):
        if major[i]:
            code = 0 if cinc[i] >= superpower_cinc else 1
        else:
            code = 2 if cinc[i] >= regional_cinc else 3
        if pin[i] >= 0 and (major[i] or pin[i] >= 2) and pin[i] < code:
            code = pin[i]
        out[i] = code
