"""Scenarios: the starting world, the trend drivers and the scheduled shocks of a simulation.

A scenario is a YAML (or TOML) file validated by the pydantic model :class:`Scenario`:

``actors``
    States (brief A1) with capabilities, location, regime and cyber posture; every figure can name its source in ``sources`` (record and year).
``nonstate_actors``
    Firms, NGOs and international organisations that take part in cyber alignments (brief T3),
    never in defence pacts.
``relations``
    Pairwise facts: hostility (and its baseline), strategic rivalry, contiguity, minimum distance, trade dependence, territorial disputes, cyber trust. Pairs not listed default to none.
``agreements``
    Agreements in force at the start (brief A2): alliances, coalitions, organisations (the SCO as a collective-security organisation; cyber alignments with firms and NGOs).
``trends``
    The five drivers of brief T1–T5 as knobs in [0, 1] (:class:`Trends`).
``shocks``
    Scheduled events: an invasion, a great power leaving an alliance, a new pact, an accession, a global threat, a growth or regime shock (:class:`Shock`).
``parameters``
    The engine's behavioural constants (:class:`foedus.sim.parameters.Parameters`); defaults are the calibrated ones.

A scenario of the historical record at a given year comes from :func:`foedus.sim.build.scenario_from_record`, which imports this module (never the reverse).

Errors in a scenario file raise :class:`ScenarioError` (a :class:`foedus.schema.SchemaError`)
naming the file, the line, the field path (``actors[3].cinc``) and the reason.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from foedus.schema import OBLIGATIONS, POWER_TIERS, SchemaError
from foedus.schema.display import count, names, repr_html, repr_text
from foedus.sim.parameters import Parameters
from foedus.sim.scenario_spells import _located, _LocatedError, check_actor_spells
from foedus.sim.scenario_text import ScenarioInputError, field_path, parse_scenario_text, read_scenario_text, yaml_line

GLOBAL_THREATS: tuple[str, ...] = ("terrorism", "proliferation", "organised_crime")
"""Global threats that no single state embodies (brief F2, D4)."""

SHOCK_KINDS: tuple[str, ...] = (
    "invasion",
    "leave",
    "join",
    "pact",
    "dissolve",
    "global_threat",
    "growth",
    "regime_change",
    "hostility",
)
"""Kinds of scheduled shock (see :class:`Shock`)."""


class ScenarioError(SchemaError):
    """A scenario file or object is malformed: names the file, line, field path and reason.

    The message reads ``FILE, line L, field 'actors[3].cinc': REASON``.
    """

    def __init__(self, source: str, reason: str, *, row: int | None = None, column: str | None = None):
        super().__init__(source, reason, row=row, column=column)
        where = source + (f", line {row}" if row is not None else "") + (f", field '{column}'" if column else "")
        self.args = (f"{where}: {reason}",)

    def __str__(self) -> str:
        return self.args[0]


MIN_YEAR, MAX_YEAR = 1500, 3000
"""Years a scenario may name (its start, an agreement's, a member's entry, a shock's)."""

Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]


class _Model(BaseModel):
    # numbers must be finite: an infinite or NaN figure would run as NaN spending everywhere
    model_config = ConfigDict(extra="forbid", frozen=False, allow_inf_nan=False)


class _Frozen(_Model):
    """A scenario's element (an actor, a relation, an agreement, a shock): immutable once validated.

    Change one by building a new scenario (``Scenario.model_copy(update=...)`` or
    :func:`foedus.testing.with_updates`); the engine may then rely on an element it has
    seen not having changed (it keeps the arrays it compiled from a scenario's elements).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Actor(_Frozen):
    """A state (brief A1) at the start of the scenario."""

    ccode: int = Field(ge=1, le=999, description="Correlates of War state code")
    abb: str = Field(min_length=1, max_length=8, description="COW three-letter abbreviation")
    name: str = Field(min_length=1, description="state name")
    major: bool = Field(False, description="COW major power")
    tier: Literal[POWER_TIERS] | None = Field(  # type: ignore[valid-type]
        None, description="power tier (brief A1); derived from cinc and major when omitted"
    )
    cinc: float = Field(ge=0, le=1, description="CINC share of the world's capabilities (COW NMC)")
    milex: float = Field(ge=0, description="military expenditure, million US$ per year")
    milper: float = Field(0.0, ge=0, description="military personnel, thousands")
    gdp: float = Field(gt=0, description="gross domestic product, million US$ (real, PPP 2017 for recorded figures)")
    population: float = Field(0.0, ge=0, description="population, millions")
    growth: float = Field(0.02, ge=-0.2, le=0.3, description="trend growth of the economy per year (fraction)")
    regime: float = Field(0.5, ge=0, le=1, description="democracy, 0 (autocracy) to 1 (V-Dem polyarchy scale)")
    ideal_point: float | None = Field(None, ge=-5, le=5, description="UN General Assembly ideal point (Bailey et al. 2017)")
    lat: float = Field(ge=-90, le=90, description="latitude of the capital, degrees")
    lon: float = Field(ge=-180, le=180, description="longitude of the capital, degrees")
    cyber_capacity: float | None = Field(None, ge=0, le=1, description="offensive and defensive cyber capacity, 0-1 (T3)")
    cyber_vulnerability: float | None = Field(None, ge=0, le=1, description="exposure of networks to intrusion, 0-1 (T3)")
    exposure: dict[Literal[GLOBAL_THREATS], float] | None = Field(  # type: ignore[valid-type]
        None, description="exposure (0-1) to each global threat; derived from the tier when omitted"
    )
    since: Year | None = Field(None, description="first year in the state system (for the states table)")
    sources: dict[str, str] = Field(default_factory=dict, description="field -> record and year it comes from")
    in_system: list[tuple[Year, Year | None]] | None = Field(
        None,
        description=(
            "the state's spells in the system during the run, [first year, last year] (last null: to the end of the run); omitted: a member throughout. A state born later (decolonisation) or absorbed (Bavaria in 1871) is scheduled "
            "here; its figures are those of its first year in the system"
        ),
    )
    milex_prewar: float | None = Field(None, ge=0, description="spending (as milex) in the last year before a war that ended just before the start: the state demobilises towards foedus.theory.arming.postwar_level (Rasler & Thompson 1985)")

    neutral: list[tuple[Year, Year | None]] | None = Field(
        None,
        description=(
            "spells of permanent neutrality guaranteed by treaty or law, [first year, last year] (last null: to the end of the run): "
            "the state forms and joins no defence or offence pact in them (foedus.theory.alignment.neutrality_bars); "
            "name the treaty or law in sources.neutral"
        ),
    )
    major_spells: list[tuple[Year, Year | None]] | None = Field(None, description="spells as a COW major power during the run, [first year, last year] (last null: to the end of the run); omitted: the status of major throughout (a state becomes or ceases to be a great power within the run: China in 1950, Italy in 1860, Germany and Japan in 1991; COW Project 2017)")
    nonaligned_since: Year | None = Field(None, description="first year of its spell out of defence and offence pacts before the start (ATOP; foedus.theory.nonalignment.policy_inertia); omitted: the start")
    regime_memory: float | None = Field(None, ge=0, le=1, description="memory of its democracy score at the start (foedus.theory.rivalry.regime_reference over the record's years before: a recent transition); omitted: its regime")
    regime_changed: Year | None = Field(None, description="year its latest regime transition began before the start (a move of its Polity score of at least 3 points within three years, Polity IV's REGTRANS: foedus.theory.reassurance.regime_transition_onsets), from which its record of intentions counts (foedus.theory.reassurance.record_start; Walt 1996); omitted: none known")

    @model_validator(mode="after")
    def _spells(self) -> "Actor":
        check_actor_spells(self.in_system, self.neutral, self.sources, self.major_spells)
        return self

    def member_in(self, year: int) -> bool:
        """Whether the state is a system member in ``year`` (see ``in_system``)."""
        return self.in_system is None or any(f <= year and (l is None or year <= l) for f, l in self.in_system)


class NonStateActor(_Frozen):
    """A firm, NGO or international organisation taking part in cyber alignments (brief A1, T3)."""

    id: str = Field(min_length=1, description="short unique identifier")
    name: str
    kind: Literal["firm", "ngo", "igo"]
    home: int | None = Field(None, description="COW code of the home state, if any")
    cyber_capacity: float = Field(0.5, ge=0, le=1)
    cyber_vulnerability: float = Field(0.5, ge=0, le=1)
    source: str = ""
    values: float | None = Field(
        None, ge=0, le=1,
        description="stated values on the states' regime scale (0-1: a state-controlled against an open, multi-stakeholder "
        "internet); the actor aligns with the camp of these values, or of its home state's regime when omitted (T3)",
    )


class Relation(_Frozen):
    """Facts about one pair of states (symmetric unless a field says otherwise)."""

    pair: tuple[int, int] = Field(description="the two COW codes")
    hostility: float = Field(0.0, ge=0, le=1, description="mutual hostility, 0-1")
    hostility_base: float | None = Field(None, ge=0, le=1, description="baseline the hostility relaxes to (hostility_decay), 0-1; 'hostility' when omitted")
    rivalry: bool = Field(False, description="strategic rivalry (Thompson & Dreyer 2012)")
    rivalry_spatial: bool = Field(False, description="the rivalry is over territory (Thompson & Dreyer 2012's spatial type; foedus.theory.war_onset_issues)")
    rivalry_ended: int | None = Field(None, ge=1494, le=2100, description="year the pair's last strategic rivalry ended before the start (Thompson & Dreyer 2012; "
                                      "foedus.theory.settlement.rivalry_memory: Gibler 1996's settlement owed); none when omitted")
    contiguous: bool = Field(False, description="direct contiguity (COW, land or up to 150 miles of water)")
    distance_km: float | None = Field(None, ge=0, description="minimum distance (CShapes 2.0), km; capitals' distance when omitted")
    trade_dependence: tuple[float, float] | None = Field(None, description="dependence of the first on trade with the second, and of the second on the first (0-1)")
    territorial_dispute: bool = Field(False, description="an unsettled territorial dispute (blocks accession, P2)")
    trust: float | None = Field(None, ge=0, le=1, description="cyber trust, 0-1 (T3); default from regime similarity")
    source: str = ""

    @model_validator(mode="after")
    def _distinct(self) -> "Relation":
        if self.pair[0] == self.pair[1]:
            raise ValueError(f"a relation needs two different states, got {list(self.pair)}")
        if self.trade_dependence is not None and not all(0 <= v <= 1 for v in self.trade_dependence):
            raise ValueError("trade_dependence values must lie in [0, 1]")
        return self


class AgreementSpec(_Frozen):
    """An agreement in force at the start (brief A2, A3)."""

    name: str = Field(min_length=1)
    kind: Literal["alliance", "coalition", "organisation"] = "alliance"
    domain: Literal["security", "cyber"] = Field(
        "security", description="security: alliance or collective security; cyber: trust-based cyber alignment (T3)"
    )
    members: list[int] = Field(min_length=1, description="COW codes of the member states")
    nonstate_members: list[str] = Field(default_factory=list, description="ids of non-state members (cyber alignments only)")
    start_year: Year = Field(description="year the agreement came into force")
    entry_years: dict[int, Year] = Field(default_factory=dict, description="member -> year it joined, when later than start_year")
    obligations: list[Literal[OBLIGATIONS]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: ["defense", "consultation"], description="ATOP obligation types"
    )
    conditional: bool = False
    asymmetric: bool | None = Field(None, description="one great power and secondary allies (A3); derived when omitted")
    institutionalised: int = Field(0, ge=0, le=2, description="Leeds & Anac (2005) military institutionalisation, 0-2")
    integration: float | None = Field(None, ge=0, le=1, description="military integration, 0-1 (P3, T4); default institutionalised / 2")
    id: int | None = Field(None, ge=1, le=90000, description="agreement id (ATOP atopid where the agreement is in ATOP); ids above 90,000 are reserved for the simulator")
    admits_members: bool | None = Field(
        None,
        description=(
            "whether the treaty's terms admit new members (ATOP proadd > 0; foedus.theory.obligations.admits_members); "
            "derived when omitted: a bilateral treaty is closed, a multilateral one open"
        ),
    )
    source: str = ""
    targets: list[int] = Field(
        default_factory=list,
        description=(
            "COW codes of the states the treaty names as the threat it is against (ATOP statthr1, statthr2); when omitted, "
            "the members' common main threat at the start (foedus.theory.persistence.founding_threat)"
        ),
    )
    term_years: float | None = Field(None, gt=0, le=200, description="stated term, years (ATOP speclgth 1/3, length); renewed or lapses at its end")
    renewal_years: float | None = Field(None, gt=0, le=200, description="years each renewal adds (ATOP renewlgt); None: the term again")
    wartime: bool = Field(False, description="made for a war its members fought (ATOP wartime): up for renewal once no member is at war (Leeds & Savun 2007)")
    automatic_renewal: bool = Field(False, description="its term renews unless a member gives notice (ATOP proren 2; Koremenos 2005): no renewal decision")
    capability_at_entry: dict[int, float] = Field(default_factory=dict, description="member -> its CINC share in the year it entered a treaty signed before the start: the capability change among the members counts from signature (Leeds & Savun 2007); unlisted: from the start")
    war_conditions: list[Literal["defence_named_adversary", "defence_unprovoked", "offence_named_adversary"]] = Field(
        default_factory=list,
        description=(
            "written conditions of its defence and offence obligations (ATOP defcoadv, defconpr, offcoadv; foedus.theory.war.conditions_met): "
            "defence only against the named adversaries (targets), only if the ally did not provoke the attack; offence only against them"
        ),
    )
    successions: dict[int, int] = Field(default_factory=dict, description="successor -> predecessor (COW codes): when the successor enters the system it continues the predecessor's membership, as ATOP records (foedus.sim.build_members.successions)")

    @model_validator(mode="after")
    def _check(self) -> "AgreementSpec":
        if len(set(self.members)) != len(self.members):
            raise ValueError("members listed twice")
        if self.domain == "security" and len(self.members) < 2:
            raise ValueError("a security agreement needs at least two member states")
        if self.nonstate_members and self.domain != "cyber":
            raise ValueError("non-state actors take part only in cyber alignments")
        if not self.obligations:
            raise ValueError("at least one obligation is needed")
        return self


class Trends(_Frozen):
    """The five trends of the brief (T1–T5) as scenario knobs, each in [0, 1] (0.5 = today's level)."""

    great_power_competition: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "T1 great-power competition and hierarchy: drift of hostility among major powers and "
            "rivals per year (0 = détente, 1 = open rivalry); also weakens multilateral restraint (D3)"
        ),
    )
    economic_interdependence: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "T2 economic interdependence: growth of trade dependence per year (0 = shrinking, 0.5 = "
            "stable, 1 = fast growth) and weight of economic competition among allies in cohesion"
        ),
    )
    cyber: float = Field(
        0.5,
        ge=0,
        le=1,
        description="T3 cyber: rate of intrusions and growth of cyber capacity (0 = none, 1 = pervasive)",
    )
    military_integration: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "T4 military integration: pressure of digital, multi-domain warfare towards integrated "
            "command and common equipment inside alliances (target integration level)"
        ),
    )
    norms: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "T5 norms and values: weight of regime similarity in alliance cohesion and of "
            "democratisation of allies (0 = values irrelevant, 1 = decisive)"
        ),
    )


class Shock(_Frozen):
    """A scheduled event.

    Kinds and their fields:

    - ``invasion``: ``actor`` attacks ``target`` (a war begins, the target's allies are called
      on; a crisis of ``intensity`` times the aggressor's capability share, lasting
      ``duration`` years, calls for a coalition);
    - ``leave``: ``actor`` leaves ``agreement``;
    - ``join``: ``actors`` accede to ``agreement``;
    - ``pact``: ``actors`` form a new agreement named ``agreement`` (``kind``, ``obligations``);
    - ``dissolve``: ``agreement`` ends;
    - ``global_threat``: global ``threat`` rises by ``intensity`` typical crises (one is 0.05
      capability-share units, the mean of the random crises) for ``duration`` years;
    - ``growth``: ``actor``'s trend growth becomes ``value``;
    - ``regime_change``: ``actor``'s regime becomes ``value``;
    - ``hostility``: hostility between ``actor`` and ``target`` becomes ``value``.
    """

    year: Year
    kind: Literal[SHOCK_KINDS]  # type: ignore[valid-type]
    actor: int | None = None
    target: int | None = None
    actors: list[int] = Field(default_factory=list)
    agreement: str | None = None
    agreement_kind: Literal["alliance", "coalition", "organisation"] = "alliance"
    obligations: list[Literal[OBLIGATIONS]] = Field(default_factory=lambda: ["defense", "consultation"])  # type: ignore[valid-type]
    threat: Literal[GLOBAL_THREATS] | None = None  # type: ignore[valid-type]
    intensity: float = Field(1.0, ge=0, le=5)
    duration: int = Field(3, ge=1, le=100)
    value: float | None = None
    description: str = ""

    @model_validator(mode="after")
    def _fields_for_kind(self) -> "Shock":
        need = {
            "invasion": ("actor", "target"),
            "leave": ("actor", "agreement"),
            "join": ("actors", "agreement"),
            "pact": ("actors", "agreement"),
            "dissolve": ("agreement",),
            "global_threat": ("threat",),
            "growth": ("actor", "value"),
            "regime_change": ("actor", "value"),
            "hostility": ("actor", "target", "value"),
        }[self.kind]
        for f in need:
            v = getattr(self, f)
            if v is None or (isinstance(v, list) and not v):
                raise ValueError(f"a '{self.kind}' shock needs '{f}'")
        if self.kind == "pact" and len(self.actors) < 2:
            raise ValueError("a 'pact' shock needs at least two actors")
        if self.kind == "regime_change" and not 0 <= self.value <= 1:  # type: ignore[operator]
            raise ValueError("regime value must lie in [0, 1]")
        if self.kind == "hostility" and not 0 <= self.value <= 1:  # type: ignore[operator]
            raise ValueError("hostility value must lie in [0, 1]")
        return self


class Scenario(_Model):
    """A complete scenario: the starting world, its drivers and shocks, horizon and seed."""

    name: str = Field(min_length=1)
    description: str = ""
    start_year: Year
    years: int = Field(30, ge=1, le=2000, description="horizon: number of simulated years")
    seed: int = Field(
        0, ge=0, description="seed that run_scenario and `foedus simulate` give the run's generator when given none (the engine never reads it)"
    )
    actors: list[Actor] = Field(min_length=2)
    nonstate_actors: list[NonStateActor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    agreements: list[AgreementSpec] = Field(default_factory=list)
    trends: Trends = Field(default_factory=Trends)
    shocks: list[Shock] = Field(default_factory=list)
    global_threats: dict[Literal[GLOBAL_THREATS], float] = Field(  # type: ignore[valid-type]
        default_factory=dict, description="starting intensity (>= 0, capability-share units) of each global threat (F2, D4)"
    )
    crisis_threats: list[Literal[GLOBAL_THREATS]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: list(GLOBAL_THREATS),
        description="kinds of global-threat crisis that can arise at random (parameter crisis_rate); "
        "an earlier era may allow fewer (piracy and the slave trade stand for organised crime before 1914)",
    )
    crisis_threats_from: dict[Literal[GLOBAL_THREATS], int] = Field(default_factory=dict, description="first year in which each kind of crisis may arise (before it, no state recognises it as a "  # type: ignore[valid-type]
        "transnational threat; foedus.sim.build.CRISIS_THREAT_FIRST_YEAR); a kind not named may arise in any year")
    cyber_incidents_per_year: float | None = Field(
        None, ge=0, description="observed state-on-state cyber incidents per year among the actors (DCID 2.0); calibrates the intrusion rate"
    )
    parameters: Parameters = Field(default_factory=Parameters)
    sources: dict[str, str] = Field(default_factory=dict, description="notes on the records used")
    treaty_terms: list[Annotated[float, Field(ge=0, le=200)]] = Field(default_factory=list, description="stated terms, years (0: none), a formed pact draws from (ATOP length; foedus.sim.build_terms)")
    treaty_terms_automatic: list[bool] = Field(default_factory=list, description="whether each of treaty_terms renews unless a member gives notice (ATOP proren 2)")

    @model_validator(mode="after")
    def _references(self) -> "Scenario":
        codes = [a.ccode for a in self.actors]
        seen: set[int] = set()
        for i, c in enumerate(codes):
            if c in seen:
                raise _located(("actors", i, "ccode"), f"state {c} listed twice")
            seen.add(c)
        by_code = {a.ccode: a for a in self.actors}
        if not any(a.member_in(self.start_year) for a in self.actors):
            raise _located(("actors",), f"no actor is in the system in the start year {self.start_year}")
        nsa = {a.id for a in self.nonstate_actors}
        if len(nsa) != len(self.nonstate_actors):
            raise _located(("nonstate_actors",), "non-state actor id listed twice")
        for k, a in enumerate(self.nonstate_actors):
            if a.home is not None and a.home not in seen:
                raise _located(("nonstate_actors", k, "home"), f"unknown state {a.home}")
        pairs: set[tuple[int, int]] = set()
        for k, r in enumerate(self.relations):
            for c in r.pair:
                if c not in seen:
                    raise _located(("relations", k, "pair"), f"unknown state {c}")
            if (key := (min(r.pair), max(r.pair))) in pairs:
                raise _located(("relations", k, "pair"), f"pair {list(key)} listed twice")
            if r.rivalry_ended is not None and r.rivalry_ended >= self.start_year:
                raise _located(("relations", k, "rivalry_ended"), f"{r.rivalry_ended} is not before the scenario's start {self.start_year}")
            pairs.add(key)
        names: set[str] = set()
        ids: set[int] = set()
        for k, ag in enumerate(self.agreements):
            for c in ag.members:
                if c not in seen:
                    raise _located(("agreements", k, "members"), f"unknown state {c}")
            for c in ag.entry_years:
                if c not in ag.members:
                    raise _located(("agreements", k, "entry_years"), f"state {c} is not a member")
            if bad := [c for pair in ag.successions.items() for c in pair if c not in seen]:
                raise _located(("agreements", k, "successions"), f"unknown state {bad[0]}")
            for s in ag.nonstate_members:
                if s not in nsa:
                    raise _located(("agreements", k, "nonstate_members"), f"unknown non-state actor {s!r}")
            absent = [c for c in ag.members if not by_code[c].member_in(self.start_year)]
            if absent:
                raise _located(("agreements", k, "members"), f"state(s) {absent} are not in the system in {self.start_year} (see their in_system)")
            if ag.start_year > self.start_year:
                raise _located(("agreements", k, "start_year"), f"{ag.start_year} is after the scenario's start {self.start_year}; schedule a 'pact' shock instead")
            if ag.name in names:
                raise _located(("agreements", k, "name"), f"agreement {ag.name!r} listed twice")
            names.add(ag.name)
            if ag.id is not None:
                if ag.id in ids:
                    raise _located(("agreements", k, "id"), f"agreement id {ag.id} listed twice")
                ids.add(ag.id)
        for k, v in self.global_threats.items():
            if v < 0:
                raise _located(("global_threats", k), "intensity must be >= 0")
        new_names = set(names)
        for k, s in enumerate(self.shocks):
            if s.year < self.start_year:
                raise _located(("shocks", k, "year"), f"{s.year} is before the scenario's start {self.start_year}")
            for f in ("actor", "target"):
                v = getattr(s, f)
                if v is not None and v not in seen:
                    raise _located(("shocks", k, f), f"unknown state {v}")
            for c in s.actors:
                if c not in seen:
                    raise _located(("shocks", k, "actors"), f"unknown state {c}")
            absent = [c for c in (s.actor, s.target, *s.actors) if c is not None and not by_code[c].member_in(s.year)]
            if absent:
                raise _located(("shocks", k), f"state(s) {absent} are not in the system in {s.year} (see their in_system)")
            if s.kind == "pact":
                new_names.add(s.agreement)  # type: ignore[arg-type]
            elif s.agreement is not None and s.agreement not in new_names:
                raise _located(("shocks", k, "agreement"), f"unknown agreement {s.agreement!r}")
        return self

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_file(cls, path: str | Path) -> "Scenario":
        """Read and validate a scenario from a ``.yaml``/``.yml`` or ``.toml`` file.

        The file is read and parsed within bounds first (:mod:`foedus.sim.scenario_text`: a
        regular UTF-8 file of at most 32 MiB, nested at most 32 levels, no YAML alias).

        Raises
        ------
        ScenarioError
            Naming the file, the line (YAML), the field path and the reason.
        """
        path = Path(path)
        try:
            text = read_scenario_text(path)
        except ScenarioInputError as e:
            raise ScenarioError(str(path), e.reason, row=e.row) from None
        return cls.from_text(text, source=str(path), toml=path.suffix.lower() == ".toml")

    @classmethod
    def from_text(cls, text: str, *, source: str = "<scenario>", toml: bool = False) -> "Scenario":
        """Validate a scenario given as YAML (default) or TOML text; errors name ``source``."""
        try:
            data = parse_scenario_text(text, toml=toml)
        except ScenarioInputError as e:
            raise ScenarioError(source, e.reason, row=e.row) from None
        if not isinstance(data, dict):
            raise ScenarioError(source, "a scenario must be a mapping of fields (name, start_year, actors, ...)")
        try:
            return cls.from_dict(data, source=source)
        except ScenarioError as e:
            if toml or e.column is None:
                raise
            # find the line of the offending field in the YAML text (parsed again only on error)
            raise ScenarioError(source, e.reason, row=yaml_line(text, field_path(e.column)), column=e.column) from None

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "<scenario>") -> "Scenario":
        """Validate a scenario given as a dict; errors name ``source`` and the field path."""
        try:
            return cls.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            loc = tuple(err["loc"])
            msg = err["msg"]
            ctx = err.get("ctx") or {}
            located = ctx.get("error")
            if isinstance(located, _LocatedError):
                loc, msg = loc + tuple(located.loc), located.reason  # a nested element's validator names its own fields
            elif msg.startswith("Value error, "):
                msg = msg[len("Value error, "):]
            extra = f" (and {e.error_count() - 1} more error(s))" if e.error_count() > 1 else ""
            raise ScenarioError(source, msg + extra, column=_path(loc)) from None

    @classmethod
    def builtin(cls, name: str) -> "Scenario":
        """A built-in scenario by name (see :func:`builtin_names`)."""
        names = builtin_names()
        if name not in names:
            raise ScenarioError(name, f"no built-in scenario of this name; choose one of {', '.join(names)}")
        res = resources.files("foedus.sim") / "scenarios" / f"{name}.yaml"
        return cls.from_text(res.read_text(encoding="utf-8"), source=f"foedus/sim/scenarios/{name}.yaml")

    @classmethod
    def load(cls, name_or_file: str | Path) -> "Scenario":
        """A built-in scenario by name, or a scenario file by path."""
        p = Path(name_or_file)
        if str(name_or_file) in builtin_names():
            return cls.builtin(str(name_or_file))
        if p.suffix.lower() in (".yaml", ".yml", ".toml") or p.exists():
            if not p.exists():
                raise ScenarioError(str(p), "no such scenario file")
            return cls.from_file(p)  # which refuses anything but a regular file
        raise ScenarioError(str(name_or_file), f"neither a scenario file nor a built-in scenario ({', '.join(builtin_names())})")

    def to_yaml(self) -> str:
        """The scenario as YAML text (defaults omitted), readable back with :meth:`from_text`."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        data = {"name": self.name, "start_year": self.start_year, **data}
        return yaml.dump(data, Dumper=_CompactDumper, sort_keys=False, allow_unicode=True, width=110)

    def _summary(self) -> tuple[str, list[tuple[str, str]]]:
        """The title and labelled counts that ``repr`` and ``_repr_html_`` show."""
        nonstate = f" + {len(self.nonstate_actors)} non-state" if self.nonstate_actors else ""
        return repr(self.name), [
            ("from", f"{self.start_year}, {count(self.years, 'year')}"), ("actors", count(len(self.actors), "state") + nonstate),
            ("agreements", f"{len(self.agreements):,} ({names((a.name for a in self.agreements), 4)})"), ("relations", f"{len(self.relations):,}"),
            ("shocks", f"{len(self.shocks):,}"), ("trends", ", ".join(f"{k} {v:g}" for k, v in self.trends.model_dump().items())),
            ("seed", str(self.seed)),
        ]

    __repr__ = __str__ = repr_text  # one line; pydantic's repr and str printed every element
    _repr_html_ = repr_html  # the same as a small table, for notebooks


class _CompactDumper(yaml.SafeDumper):
    """YAML dumper writing lists of scalars on one line (``members: [2, 20, 200]``)."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    flow = all(isinstance(v, (int, float, str, bool)) for v in data) and len(data) <= 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_CompactDumper.add_representer(list, _represent_list)


def builtin_names() -> list[str]:
    """Names of the built-in scenarios shipped in ``foedus/sim/scenarios``."""
    d = resources.files("foedus.sim") / "scenarios"
    try:
        return sorted(p.name[: -len(".yaml")] for p in d.iterdir() if p.name.endswith(".yaml"))
    except FileNotFoundError:
        return []


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "<root>"
