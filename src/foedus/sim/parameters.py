"""The engine's behavioural constants: :class:`Parameters`, one documented, bounded field each.

A scenario's ``parameters`` section sets any of them (:class:`foedus.sim.scenario.Scenario`);
an ensemble design may vary any of them. Rates are per simulated year; the brief's mechanism
each belongs to is named in its description (Brief D1, F2, P1...).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Parameters(BaseModel):
    """Behavioural constants of the engine.

    Rates are per simulated year; weights are dimensionless. The defaults of ``alliance_cost``,
    ``commitment_exponent``, ``balance_power_weight``, ``exit_rate``, ``exit_threshold``,
    ``dissolution_hazard``, ``capability_change_weight`` and the ``cohesion_*`` weights were calibrated against the
    record's stylised facts of 1816-1914 and 1950-1989 (see :mod:`foedus.experiments.validation`); the
    others are stated assumptions. Each field has its bounds, its unit and the brief's mechanism it
    belongs to; a scenario may set any of them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    # trends (T1-T3) and scheduled shocks
    hostility_drift: float = Field(
        0.04,
        ge=0,
        le=1,
        description=(
            "yearly drift of the hostility baseline between the hegemon's camp and the major powers outside it "
            "per unit of (T1 - 0.5) (T1; foedus.theory.threat.competition_pairs)"
        ),
    )
    trade_growth: float = Field(0.08, ge=0, le=1, description="yearly relative growth of trade dependence per unit of (T2 - 0.5) (T2)")
    cyber_capacity_growth: float = Field(0.02, ge=0, le=1, description="yearly share of the gap to 1 closed by cyber capacity, per unit of T3 (T3)")
    cyber_vulnerability_growth: float = Field(
        0.01, ge=0, le=1, description="yearly share of the gap to 1 added to cyber vulnerability, per unit of T3: digitisation widens the attack surface (T3)"
    )
    invasion_hostility: float = Field(0.8, ge=0, le=1, description="floor of the hostility baseline between an invader and its victim after a scheduled invasion")
    shock_threat_scale: float = Field(
        0.05, ge=0, le=1, description="global-threat intensity (capability-share units) of one unit of a scheduled global-threat shock's intensity (F2, D4)"
    )
    # capabilities (D1, P4)
    growth_noise: float = Field(0.02, ge=0, le=0.5, description="s.d. of yearly growth shocks (fraction of GDP)")
    reactivity: float = Field(0.12, ge=0, le=2, description="Richardson reactivity k: arming per unit of threatening spending")
    fatigue: float = Field(0.15, ge=0, le=2, description="Richardson fatigue a: yearly relaxation of spending")
    ally_weight: float = Field(0.6, ge=0, le=2, description="how much allied spending substitutes for one's own (free riding, P4)")
    max_milex_share: float = Field(0.25, gt=0, le=1, description="ceiling on military spending as a share of GDP")
    military_depreciation: float = Field(0.1, gt=0, le=1, description="yearly depreciation of the military stock")
    growth_floor: float = Field(0.5, ge=0, le=1, description="lowest yearly growth factor of an economy: GDP falls by at most this complement in a year")
    milex_floor_share: float = Field(0.01, ge=0, le=1, description="floor of military spending as a share of its starting level")
    offensive_floor: float = Field(0.05, ge=0, le=1, description="least offensive capability of any state (foedus.theory.capability.offensive_capability; F2)")
    # threat (F2)
    decay_km: float = Field(
        1500.0, gt=0, description="distance at which proximity falls to 1/e, km (disputes; hostility revealed towards neighbours, F2)"
    )
    # alignment (F1-F5, P1)
    consider_rate: float = Field(0.25, ge=0, le=1, description="share of states reconsidering their alignments each year")
    alliance_cost: float = Field(0.04, ge=0, description="utility cost of a new alliance (autonomy, entanglement)")
    autonomy_weight: float = Field(
        0.3,
        ge=0,
        description=(
            "theta of Morrow's (1991) utility log s + theta log a: a commitment costs the state -theta * log(1 + da) for its "
            "autonomy change da (foedus.theory.obligations.commitment_cost; P1). 0.3 keeps the weak side's autonomy price of "
            "an asymmetric defence pact (about 0.3) near what it was before issue 17 while the strong side gains about 0.1"
        ),
    )
    commitment_exponent: float = Field(
        0.75,
        ge=0,
        le=3,
        description=(
            "a state already in m security agreements pays alliance_cost * ((1 + m) * k) ** exponent to join one of k "
            "members (k = 1 for a new pair): every further commitment entraps more (Snyder 1984)"
        ),
    )
    exit_threshold: float = Field(1.0, ge=0, le=1, description="a member leaves when the alliance's value falls below this share of its cost")
    balance_power_weight: float = Field(0.3, ge=0, description="weight of F1, balancing power (foedus.theory.alignment)")
    balance_threat_weight: float = Field(1.0, ge=0, description="weight of F2, balancing threat")
    bandwagon_weight: float = Field(1.0, ge=0, description="weight of F3, bandwagoning")
    tether_weight: float = Field(0.5, ge=0, description="weight of F4, tethering")
    weakness_threshold: float = Field(0.05, ge=0, le=1, description="capability share below which a state may bandwagon (F3)")
    accession_share: float = Field(0.5, ge=0, le=1, description="share of members who must gain for an accession to pass")
    exit_rate: float = Field(0.05, ge=0, le=1, description="yearly chance that a member with negative value of membership leaves")
    autonomy_pledge: float = Field(
        0.1,
        gt=0,
        le=1,
        description=(
            "autonomy a state gives up by the pledge alone when no Morrow (1991) contract is feasible: its autonomy change "
            "is then -autonomy_pledge (P1)"
        ),
    )
    autonomy_refresh_years: float = Field(5.0, ge=1, le=100, description="years between re-solving Morrow's exchange for states whose capability moved (P1)")
    autonomy_refresh_change: float = Field(
        0.25, ge=0, le=5, description="|log| change of a state's capability share since its exchange was last solved that has it re-solved (P1)"
    )
    # alliance politics (P2, P3, P5, T2, T5)
    dissolution_hazard: float = Field(0.3, ge=0, le=1, description="yearly dissolution hazard of an alliance at zero cohesion")
    capability_change_weight: float = Field(
        0.5, ge=0, le=20, description="weight of the change in members' capability shares since joining in the dissolution hazard (Morrow 1991)"
    )
    cohesion_intercept: float = Field(-8.0, ge=-20, le=20, description="intercept of the cohesion logit (foedus.theory.cohesion.alliance_cohesion)")
    cohesion_threat_weight: float = Field(20.0, ge=0, le=50, description="weight of the common threat in the cohesion logit")
    cohesion_competition_weight: float = Field(2.0, ge=0, le=50, description="weight of economic competition among allies in the cohesion logit (T2)")
    cohesion_similarity_weight: float = Field(4.0, ge=0, le=50, description="weight of regime similarity in the cohesion logit at T5 = 0.5 (scaled by 2 * T5)")
    cohesion_democracy_weight: float = Field(2.0, ge=0, le=50, description="weight of joint democracy in the cohesion logit at T5 = 0.5 (scaled by 2 * T5)")
    integration_rate: float = Field(0.1, ge=0, le=1, description="yearly adjustment of integration towards its target (P3, T4)")
    national_control_floor: float = Field(
        0.05, ge=0, le=1, description="attachment to national control left at T4 = 1: the autonomy value of optimal_integration is 1 - T4 + this (P3, T4)"
    )
    betrayal_decay: float = Field(0.7, ge=0, le=1, description="share of an alliance's betrayal (unhonoured commitments) kept from one year to the next (P5)")
    institution_protection: float = Field(
        0.8,
        ge=0,
        le=1,
        description=(
            "share of an alliance's yearly dissolution hazard, and of its members' exit rate, that full military "
            "institutionalisation (ATOP level 2: integrated command, bases) removes (Wallander 2000); in the dissolution "
            "hazard, full institutional assets: that level or full military integration (foedus.theory.integration."
            "institutional_assets; Lake 1999)"
        ),
    )
    democratisation_rate: float = Field(
        0.03, ge=0, le=1, description="yearly pull of allies' democracy on a deeply integrated member's regime at T5 = 0.5, scaled by 2 * T5 (Pevehouse 2005)"
    )
    # crises and coalitions (D4)
    crisis_rate: float = Field(0.15, ge=0, le=1, description="yearly chance of a new global-threat crisis (terrorism, proliferation, crime)")
    coalition_threshold: float = Field(0.02, ge=0, description="willingness (exposure x capability x interoperability) needed to join, per unit of crisis intensity")
    coalition_efficacy: float = Field(0.05, ge=0, le=10, description="share of a coalition's effective capability that wears its crisis down each year")
    crisis_spread: float = Field(
        0.5, ge=0, le=1, description="a random crisis hits each state by its exposure times a uniform factor in [1 - spread, 1 + spread] (D4)"
    )
    crisis_intensity: float = Field(0.05, gt=0, le=1, description="mean intensity of a random crisis (exponential; capability-share units)")
    crisis_end_rate: float = Field(0.25, gt=0, le=1, description="yearly chance that a random crisis runs its course (geometric duration, mean 1 / rate years)")
    lead_hostility_limit: float = Field(0.9, ge=0, le=1, description="a state at least this hostile to a crisis's aggressor is not chosen to lead its coalition")
    interoperability_floor: float = Field(
        0.2, ge=0, le=1, description="interoperability with a coalition's lead without a shared agreement; a shared one gives floor + (1 - floor) * integration (D4)"
    )
    # cyber (T3)
    intrusion_rate: float = Field(0.005, ge=0, le=1, description="scale of the yearly intrusion probability at T3 = 0.5 when the scenario gives no DCID rate")
    trust_recovery: float = Field(0.01, ge=0, le=1, description="yearly recovery of cyber trust towards 1 without observed intrusions (trust_update's recovery_rate)")
    escalation: float = Field(0.05, ge=0, le=1, description="hostility added by an attributed intrusion")
    trust_floor: float = Field(0.2, ge=0, le=1, description="starting cyber trust of a pair the scenario gives none, at opposite regimes and UN positions (T3)")
    trust_range: float = Field(
        0.6, ge=0, le=1, description="starting cyber trust added, over trust_floor, by identical regimes and UN positions (T3)"
    )
    cyber_trust_threshold: float = Field(0.5, ge=0, le=1, description="mutual trust needed to share vulnerabilities in a cyber alignment (T3)")
    espionage_risk: float = Field(0.5, ge=0, le=1, description="espionage risk of aligning with an actor that intruded into one this year (T3)")
    nonstate_home_trust: float = Field(0.8, ge=0, le=1, description="a cyber alignment's trust in a firm or NGO whose home state is a member (T3)")
    nonstate_trust: float = Field(0.5, ge=0, le=1, description="a cyber alignment's trust in a firm or NGO without a home state (T3)")
    # conflict and commitments
    dispute_rate: float = Field(0.02, ge=0, le=1, description="scale of the yearly dispute probability per hostile, threatening pair")
    war_share: float = Field(0.1, ge=0, le=1, description="escalation of disputes to war: a dispute becomes a war with probability war_share * hostility * war_factor")
    hostility_decay: float = Field(0.05, ge=0, le=1, description="yearly decay of hostility towards its baseline")
    war_factor: float = Field(2.0, ge=0, le=10, description="a dispute escalates to war with probability war_share * hostility * war_factor (war_share at hostility 1 / war_factor)")
    dispute_hostility: float = Field(0.1, ge=0, le=1, description="hostility added between the parties by a dispute")
    war_hostility: float = Field(0.3, ge=0, le=1, description="hostility added between the parties by a war")
    war_end_rate: float = Field(0.3, ge=0, le=1, description="yearly chance that a war ends, from the year after it began")
    honour_hostility: float = Field(0.8, ge=0, le=1, description="floor of the hostility between an ally that honours its commitment and the attacker (P5)")
    betrayal_penalty: float = Field(0.5, ge=0, le=1, description="betrayal (0-1) an alliance gains when an ally fails to honour its commitment (P5)")
    betrayal_trust: float = Field(0.5, ge=0, le=1, description="factor on the victim's trust in an ally that failed to honour its commitment (P5)")
    # cyber alignments built on trust and values (T3; issue 17)
    cyber_sharing_access: float = Field(
        1.0,
        ge=0,
        le=1,
        description="share of their networks and vulnerabilities that the states forming a cyber alignment in a run open to each other "
        "(group_reciprocity's access; 1: full sharing, the alignments of trust that the brief's T3 describes; a scenario's "
        "starting cyber alignments keep their integration, 0 for a norms pledge such as the Paris Call) (T3)",
    )
    cyber_camp_tolerance: float = Field(
        0.4,
        ge=0,
        le=1,
        description="widest gap between an actor's values (regime, 0-1) and a cyber alignment's camp (its leading member's regime) at which "
        "the actor aligns with it; 0.4 keeps every starting member of the Paris Call in its camp (Hungary, V-Dem 0.45, against its leader "
        "the USA's 0.83 in 2022) and Russia (0.21) and China (0.07) out of it (T3)",
    )
    # the state system and strategic rivalries (A1, D1, F2): the rivalry hazards are foedus.theory.rivalry's
    # discrete-time logits, their defaults the fit by foedus.analysis.rivalry.estimate_rivalry_hazards on the
    # record's dyad-years of 1816-2010 (COW members on 31 December; Thompson & Dreyer 2012 rivalries; Firth's
    # penalised likelihood; 744,406 dyad-years at risk of onset with 130 onsets, 6,643 rivalry-years with 106 ends)
    start_milex_gdp_floor: float = Field(
        1e-6, ge=0, le=0.01, description="floor of a state's starting military spending as a share of its GDP: a state with none still has a force to grow (issue 11: was a constant of sim/start.py)"
    )
    start_cinc_floor: float = Field(
        1e-6, gt=0, le=0.01, description="floor of a state's starting CINC share: every state has some capability, so shares and ratios stay defined (issue 11: was a constant of sim/start.py)"
    )
    democracy_threshold: float = Field(
        0.5, ge=0, le=1, description="democracy score (0-1, V-Dem polyarchy scale) from which a state counts as a democracy (joint democracy in the rivalry hazards)"
    )
    war_memory: float = Field(
        0.8, ge=0, lt=1, description="share of a pair's war memory kept from one year to the next (foedus.theory.rivalry.war_history; a war year weighs half after about 3 years)"
    )
    rivalry_onset_intercept: float = Field(-9.7385, ge=-30, le=5, description="intercept of the rivalry onset logit (record 1816-2010; s.e. from the fit in foedus.analysis.rivalry)")
    rivalry_onset_contiguous: float = Field(4.0819, ge=-20, le=20, description="onset logit: land contiguity (record 1816-2010; s.e. 0.20)")
    rivalry_onset_major_pair: float = Field(2.4167, ge=-20, le=20, description="onset logit: both major powers (record 1816-2010; s.e. 0.30)")
    rivalry_onset_parity: float = Field(1.4142, ge=-20, le=20, description="onset logit: capability parity, weaker / stronger (record 1816-2010; s.e. 0.29)")
    rivalry_onset_war: float = Field(2.6152, ge=-20, le=20, description="onset logit: log(1 + war memory) (record 1816-2010; s.e. 0.35)")
    rivalry_onset_joint_democracy: float = Field(-2.3714, ge=-20, le=20, description="onset logit: both democracies (record 1816-2010; s.e. 0.64)")
    rivalry_onset_regime_distance: float = Field(-1.2038, ge=-20, le=20, description="onset logit: |democracy_i - democracy_j| (record 1816-2010; s.e. 0.51)")
    rivalry_end_intercept: float = Field(-3.9604, ge=-30, le=5, description="intercept of the rivalry termination logit (record 1816-2010)")
    rivalry_end_contiguous: float = Field(-0.2138, ge=-20, le=20, description="termination logit: land contiguity (record 1816-2010; s.e. 0.22)")
    rivalry_end_major_pair: float = Field(-0.5602, ge=-20, le=20, description="termination logit: both major powers (record 1816-2010; s.e. 0.31)")
    rivalry_end_power_shift: float = Field(0.0891, ge=-20, le=20, description="termination logit: |change of the log capability ratio| since the rivalry began (record 1816-2010; s.e. 0.17)")
    rivalry_end_war: float = Field(0.6101, ge=-20, le=20, description="termination logit: log(1 + war memory): a decisive war ends rivalries (record 1816-2010; s.e. 0.28)")
    rivalry_end_joint_democracy: float = Field(0.2376, ge=-20, le=20, description="termination logit: both democracies (record 1816-2010; s.e. 0.55)")
    rivalry_end_regime_distance: float = Field(-0.1753, ge=-20, le=20, description="termination logit: |democracy_i - democracy_j|: regime convergence ends rivalries (record 1816-2010; s.e. 0.53)")
    rivalry_hostility: float = Field(
        0.6, ge=0, le=1, description="floor of the hostility baseline of a pair that becomes rivals (the builder's hostility of the record's rivals); an ended rivalry's baseline falls by as much, not below 0"
    )

    def rivalry_onset_coefficients(self) -> tuple[float, ...]:
        """The onset logit's slopes in the order of :data:`foedus.theory.rivalry.ONSET_TERMS`."""
        return (self.rivalry_onset_contiguous, self.rivalry_onset_major_pair, self.rivalry_onset_parity, self.rivalry_onset_war,
                self.rivalry_onset_joint_democracy, self.rivalry_onset_regime_distance)

    def rivalry_end_coefficients(self) -> tuple[float, ...]:
        """The termination logit's slopes in the order of :data:`foedus.theory.rivalry.TERMINATION_TERMS`."""
        return (self.rivalry_end_contiguous, self.rivalry_end_major_pair, self.rivalry_end_power_shift, self.rivalry_end_war,
                self.rivalry_end_joint_democracy, self.rivalry_end_regime_distance)
    # threat with geography (F1, F2)
    miles_per_day: float = Field(
        250.0,
        gt=0,
        le=5000,
        description=(
            "statute miles forces move in a day in Bueno de Mesquita's (1981) distance discount of capability "
            "(foedus.theory.projection): 250 is the figure used with the formula for the modern era; it replaces "
            "the superpower reach floor, so reach follows from capability (F1, F2)"
        ),
    )
    ally_discount: float = Field(
        1.0,
        ge=0,
        le=1,
        description=(
            "share of an ally's perceived intentions removed by a full (defence) commitment, scaled by the pact's "
            "commitment strength (foedus.theory.intentions.allied_intentions), unless the ally's own hostility reaches "
            "aggression_hostility (force belies the pledge: the Soviet Union in Hungary 1956, Greece and Turkey 1974). "
            "A defence pledge not belied by force reassures fully (Walt 1987, ch. 2 and 8): at 0.95 the residual twentieth "
            "of a treaty partner's intentions made it the main threat of states that faced nothing else (Austria, Britain "
            "and Prussia naming Russia inside the Quadruple Alliance once France's rivalries ended; Chile naming Argentina "
            "inside the Rio Treaty) (F2)"
        ),
    )
    aggression_hostility: float = Field(
        0.7,
        ge=0,
        le=1,
        description=(
            "least hostility towards a minor neighbour that reveals aggressive intentions to the states near it "
            "(foedus.theory.threat.revealed_hostility), and at which an ally's hostility belies its pledge "
            "(foedus.theory.intentions.allied_intentions): a dispute on top of a rivalry (0.6 + 0.1) or a war does; a "
            "standing rivalry alone does not: Walt (1987, ch. 2) reads aggression from acts against neighbours, and a rivalry is a "
            "relation of two states, not an act against third parties. At 0.5 every rivalry was read as aggression by the rivals' "
            "neighbours (Saudi Arabia named China for its rivalry with India, Armenia the United States for its rivalry with Iran, "
            "Spain and the Low Countries Russia in 1900). 0.9 (war only) read best but, with full reassurance among allies, cut "
            "the in-sample facts of foedus validate from 25 to 16 of 34 (too few threats, too few pacts); 0.7 kept 22 (chosen on "
            "1816-1914 and 1946-1989, 3 seeds) (F2)"
        ),
    )
    honour_base_rate: float = Field(
        0.68,
        gt=0,
        lt=1,
        description=(
            "probability that a full (defence) commitment at cohesion 0.5 is honoured by a non-democratic minor power without ties "
            "to the enemy: the intercept of foedus.theory.cohesion.honour_probability. Set so that the share of called defence allies "
            "that honour, pooled over world-2022 and record-built worlds, is near the three quarters Leeds, Long & Mitchell (2000) "
            "report (cohesion and democracy raise it above this intercept) (P5)"
        ),
    )
    reaction_share_cap: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "largest share of a state's starting spending that answers others' spending (the Richardson reaction), the rest being its "
            "own grievance: reaction coefficients are scaled down to it at the start (foedus.theory.arming.reaction_scale). Estimated "
            "arms-race equations find spending follows its own past more than rivals' (Majeski & Jones 1981; Ward 1984); without "
            "the cap a negative grievance balanced reactions larger than the whole budget and Iran's spending collapsed (D1, P4)"
        ),
    )
    war_burden: float = Field(
        0.2,
        ge=0,
        le=1,
        description=(
            "share of GDP towards which a state at war with an overwhelming enemy raises its spending (scaled by the enemy's share "
            "of the pair's capabilities; foedus.theory.arming.war_mobilisation). 0.2 of PPP GDP is about what Ukraine spent in "
            "2023 (SIPRI: 37 % of market-rate GDP) (D1)"
        ),
    )
    mobilisation_rate: float = Field(
        0.3, ge=0, le=1, description="yearly share of the gap to the wartime burden that a belligerent closes (war_burden; Rasler & Thompson 1985) (D1)"
    )
    coalition_reach_km: float = Field(
        12000.0,
        gt=0,
        le=40000,
        description=(
            "km at which a state's strength is spent on Boulding's (1962) linear loss-of-strength gradient "
            "(foedus.theory.coalitions.projected_capability): what a coalition member can bring to an aggressor's victim; "
            "12,000 km leaves a superpower about a third of its strength across an ocean (D4)"
        ),
    )
    coalition_threat_share: float = Field(
        0.15,
        ge=0,
        le=1,
        description=(
            "share of a state's largest perceived threat that an aggressor's threat to it must reach for it to share the threat "
            "and join a coalition against the aggressor when it is not bound to the victim (foedus.theory.coalitions.shares_threat; Walt 1987) (D4)"
        ),
    )
    coalition_hostility_limit: float = Field(
        0.5, ge=0, le=1, description="a state this hostile to a coalition's lead, or its strategic rival, does not serve under it (Weitsman 2014) (D4)"
    )
    institutionalisation_rate: float = Field(
        0.2,
        ge=0,
        le=1,
        description=(
            "chance that a coalition whose mission succeeded becomes a standing security organisation instead of dissolving "
            "(Wallander 2000: institutional assets are adapted, not abandoned) (A2, D4)"
        ),
    )
    organisation_min_members: int = Field(3, ge=2, le=100, description="fewest members of a coalition that may institutionalise into an organisation (A2)")
    organisation_join_rate: float = Field(
        0.05,
        ge=0,
        le=1,
        description="yearly chance that a state that may join a security organisation (near its members, compatible with all, fearing none) accedes to it (A2)",
    )
    organisation_proximity: float = Field(
        0.2, ge=0, le=1, description="mean proximity to an organisation's members a state needs to join it: regional organisations grow among neighbours (Acharya 2009) (A2)"
    )
    organisation_ideal_distance: float = Field(
        0.3,
        ge=0,
        le=1,
        description=(
            "largest mean distance (0-1, normalised UN ideal points) to an organisation's members of a state that joins it: "
            "like-minded neighbours join (Acharya 2009); in 2022 Belarus is 0.08 from the SCO's members, NATO's members 0.43 or more (A2)"
        ),
    )
    coalition_aggressor_hostility: float = Field(
        0.6,
        ge=0,
        le=1,
        description=(
            "floor of the hostility between an aggressor and each member of the coalition formed against it (it then decays "
            "towards its baseline at hostility_decay): arming the victim makes adversaries, and their threats and arming follow (D1, D4)"
        ),
    )
    # obligations, Morrow's exchange on both sides, treaty inertia (issue 17; brief A2, P1, P2, P5)
    reassurance_weight: float = Field(
        3.0,
        ge=0,
        le=10,
        description=(
            "weight of reassurance, the good of a non-aggression pledge (foedus.theory.obligations.obligation_goods: the "
            "pressure T_ij / (T_ij + p_i) of the partner's own threat; Weitsman 2004). Set so that new pacts' strongest "
            "obligations come near ATOP 5.1's shares of 1990-2018 (non-aggression 60 %, neutrality 17 %, consultation 12 %, "
            "defence 11 %; a record-built 1990 world, 3 seeds x 5 years: 25/31/11/33 %, all four forms)"
        ),
    )
    abstention_weight: float = Field(
        0.3,
        ge=0,
        le=10,
        description=(
            "weight of abstention, the good of a neutrality pledge (the partner's weight were it to join one's main threat) (A2). "
            "Chosen on the in-sample eras, with the norm against conquest discounting the attacker's side and the form of "
            "neutrality with non-aggression (3 seeds): 0.3 forms 0.0028 neutrality-led pacts per state-year in 1816-1914 (ATOP "
            "0.0031) and 0.0031 in 1946-1989 (ATOP 0.0007: too many, the Cold War's scarcity of neutrality pledges is not "
            "modelled); 0.6 forms 0.0078 and 0.0064, 0.15 forms 0.0006 and 0.0017"
        ),
    )
    transparency_weight: float = Field(
        0.4,
        ge=0,
        le=10,
        description=(
            "weight of transparency, the good of a consultation pledge (a partner facing the same main threat, weighed by "
            "the capability it can bring: foedus.theory.obligations.obligation_goods) (A2). Chosen on the in-sample eras "
            "(3 seeds): 0.4 forms 0.0033 consultation pacts per state-year in 1816-1914 and 0.0031 in 1946-1989 (ATOP "
            "0.0042, 0.0033); 0.7 forms 0.025 and 0.015, 0.2 none"
        ),
    )
    defence_burden_weight: float = Field(
        0.4,
        ge=0,
        le=10,
        description=(
            "cost, per unit of commitment, of the risk of defending a partner (foedus.theory.obligations.defence_burden: "
            "the pressure of its main threat on one's capability; Morrow 1991, Snyder 1984); of the order of the strong "
            "side's autonomy gain autonomy_weight * log(1 + da), so that a strong state pays for a commitment and accepts "
            "a weak partner only when the concessions outweigh the risk of defending it (P1, P2)"
        ),
    )
    base_dissolution_hazard: float = Field(
        0.003,
        ge=0,
        le=1,
        description=(
            "yearly hazard that a treaty lapses for reasons no term follows (expiry, renegotiation): ATOP 5.1's alliances in "
            "force in 2000 ended at about 0.2 % a year to 2018, those in force in 1990 at about 2 % (P5; Leeds & Savun 2007)"
        ),
    )
    treaty_cost: float = Field(
        0.05,
        ge=0,
        le=10,
        description=(
            "cost of negotiating and ratifying a new treaty or an accession, whatever its obligations (Lipson 1991; Abbott & "
            "Snidal 2000); sunk once signed, so not part of the cost of staying. Sets how many marginal pacts form: a "
            "record-built 1990 world forms 0.034 pacts per state-year (3 seeds x 5 years; ATOP 1990-2018: 0.061) (A2, P1)"
        ),
    )
    # --- partners ---
    aggrandisement_weight: float = Field(
        3.0,
        ge=0,
        le=10,
        description=(
            "weight of aggrandisement, the good of an offence pledge (foedus.theory.offence.aggrandisement: the rise in "
            "one's odds against one's target that the partner's forces bring, Bueno de Mesquita 1981; Snyder 1997); "
            "0 switches offence pacts off. Chosen on the in-sample eras: 3 forms 0.0022 offence pacts per state-year in "
            "1816-1914 (ATOP 0.0034; 1 forms none) and 0.0026 in 1946-1989 (ATOP 0.0002; 3 seeds) (A2)"
        ),
    )
    # --- persistence ---
    threat_lapse_hazard: float = Field(
        0.15,
        ge=0,
        le=1,
        description=(
            "yearly dissolution hazard of an alliance whose founding threat is entirely gone (foedus.theory.persistence."
            "threat_lapse; Walt 1997, Leeds & Savun 2007), before institutional protection. In sample: the 9 treaties in force "
            "in 1946 that ATOP says were written against Germany or Japan ended with a median of 4 years, 2 of 9 lasting 10 "
            "(a yearly hazard of about 0.15)"
        ),
    )
    threat_lapse_institution_protection: float = Field(
        0.0,
        ge=0,
        le=1,
        description=(
            "share of the 'threat gone' hazard that full military institutionalisation removes: Wallander (2000) expects "
            "institutions to outlive their threat only where their assets are general, not specific to it. In sample, "
            "ATOP's most institutionalised alliances (level 2) begun 1946-1989 ended sooner (median 9 years) than the least "
            "(median beyond the era), and the institutionalised wartime treaties in force in 1946 (the Azores agreements, "
            "the Anglo-Soviet treaty) ended within a year or two of the war: 0, no protection from this term for assets specific "
            "to the threat; the protection rises to institution_protection with the pact's integration (its general assets)"
        ),
    )
    solidarity_protection: float = Field(
        0.4,
        ge=0,
        le=0.5,
        description=(
            "share of the dissolution hazard (every term) and of the chance of lapsing at term's end that a pact of full "
            "democracies (its least democratic member's regime 1) removes at T5 = 0.5 (scaled by 2 * T5, at most 1; "
            "foedus.theory.persistence.democratic_commitment): democracies' commitments are durable (Gaubatz 1996; Reed 1997). "
            "An assumption of the order of the cohesion weights' share of regime terms, not an estimate"
        ),
    )
    # --- threat ---
    trade_restraint: float = Field(
        2.0,
        ge=0,
        le=20,
        description=(
            "restraint of a pair's perceived intentions per unit of the lower of their trade dependences, "
            "exp(-trade_restraint * min(D_ij, D_ji)) (foedus.theory.intentions.commercial_restraint; the commercial peace, "
            "Polachek 1980; weak link, Oneal & Russett 1997) (T2). A stated assumption, not an estimate: at 2, a pair each "
            "of whose members does a quarter of its trade with the other reads 39 % less aggression in it; 0 switches T2's "
            "channel to threat off. Not fitted to any era (neither in nor out of sample)"
        ),
    )
    # --- war ---
    war_onset_intercept: float = Field(
        -7.8183, ge=-30, le=5,
        description="intercept of the dyadic war-onset logit (foedus.theory.war_onset; Firth fit on COW wars 1816-1914 and 1946-1989, "
        "foedus.analysis.war_onsets; 1919-1938 and 1990-2010 held out), over the politically relevant pairs (contiguous, with a major power, or rivals). -30 switches structural war onsets off (P5)",
    )
    war_onset_contiguous: float = Field(0.6138, ge=-20, le=20, description="war-onset logit: land contiguity (Bremer 1992; in-sample fit, s.e. 0.36)")
    war_onset_log_distance: float = Field(-0.0949, ge=-20, le=20, description="war-onset logit: log(1 + distance / 1000 km) between capitals (Boulding 1962; in-sample fit, s.e. 0.27)")
    war_onset_any_major: float = Field(0.4172, ge=-20, le=20, description="war-onset logit: at least one major power (Bremer 1992; in-sample fit, s.e. 0.32)")
    war_onset_parity: float = Field(
        -1.1672, ge=-20, le=20,
        description="war-onset logit: capability parity, weaker / stronger (in-sample fit, s.e. 0.58: negative once rivalry is held "
        "constant, against Bremer's bivariate finding)",
    )
    war_onset_rival: float = Field(3.2256, ge=-20, le=20, description="war-onset logit: strategic rivals (Vasquez 1993; Thompson & Dreyer 2012; in-sample fit, s.e. 0.38)")
    war_onset_war: float = Field(0.7864, ge=-20, le=20, description="war-onset logit: log(1 + war memory before the year) (in-sample fit, s.e. 0.42)")
    war_onset_joint_democracy: float = Field(-0.7290, ge=-20, le=20, description="war-onset logit: both democracies (Bremer 1992; in-sample fit, s.e. 1.36)")
    war_entry_delay: float = Field(
        0.25, ge=0, le=1,
        description="share of the allies that honour a call who enter the war only the next year, if it still goes on (Siverson & Starr "
        "1991: wars spread over their course). Chosen on the in-sample eras: COW wars 1816-1914 and 1946-1989 have about one later "
        "entrant for three same-year entrants beyond the initiating pair (11 of 48 and 13 of 41)",
    )
    opportunistic_join_rate: float = Field(
        0.01, ge=0, le=1,
        description="yearly probability that a neighbouring strategic rival of a belligerent, bound by no pact to it, enters the war "
        "under way against it (foedus.theory.war_onset.opportunistic_join_probability; Schweller 1994, Vasquez 1993). Chosen on the "
        "in-sample eras' share of joiners without a pact (COW: 0.09 in 1816-1914, 0.38 in 1946-1989). Record-built runs, 6 seeds: "
        "at 0.01 the share is 0.20 in 1816-1914 and 0.07 in 1946-1989 (0.19 and 0 at 0.005); the Cold War's joiners without a "
        "pact (Thailand and Ethiopia in Korea, Libya for Uganda) joined a friend, not a rival's enemy, which this route does not "
        "model, and a rate high enough for 1946-1989 would put 1816-1914 out of range",
    )
    # --- oblig ---
    conquest_norm_strength: float = Field(
        0.6,
        ge=0,
        le=1,
        description=(
            "share of an attack's expected gain that the fully established norm against conquest takes away "
            "(foedus.theory.renunciation.conquest_discount, with the norm's strength the share of the Covenant 1919, the "
            "Kellogg-Briand Pact 1928 and the UN Charter 1945 in force: Zacher 2001, Fazal 2007, Hathaway & Shapiro 2017); "
            "scales the attacker's side of neutrality (offence pledges: offence_abrogation_strength). 0 switches the norm off. "
            "Fitted on 1946-1989 (ATOP 0.0002 offence pacts per state-year); 1816-1914 predates the norm"
        ),
    )
    nonaggression_norm_share: float = Field(
        0.945,
        ge=0,
        le=1,
        description=(
            "share of a non-aggression pledge's reassurance that rests on the renunciation of war "
            "(foedus.theory.renunciation.nonaggression_standing: before the Covenant a pledge not to attack gave up a lawful "
            "option and was all but unknown, ATOP 1816-1914 has one non-aggression-led treaty). 0 switches it off. "
            "Fitted on 1816-1914 (ATOP 0.00028 non-aggression pacts per state-year), with reassurance_weight on 1946-1989"
        ),
    )
    nonaggression_norm_share: float = Field(
        0.945,
        ge=0,
        le=1,
        description=(
            "share of a non-aggression pledge's reassurance that rests on the renunciation of war "
            "(foedus.theory.renunciation.nonaggression_standing: before the Covenant a pledge not to attack gave up a lawful "
            "option and was all but unknown, ATOP 1816-1914 has one non-aggression-led treaty). 0 switches it off. "
            "Fitted on 1816-1914 (ATOP 0.00028 non-aggression pacts per state-year), with reassurance_weight on 1946-1989"
        ),
    )
    # --- mix ---
    offence_abrogation_strength: float = Field(
        0.6,
        ge=0,
        le=1,
        description=(
            "share of an offence pledge's value that the instruments' ban on inconsistent engagements takes away from the first "
            "instrument on (foedus.theory.renunciation.offence_standing: Covenant art. 20 and 18, 1919; Charter art. 103 and 102, "
            "1945): the rest is what a secret engagement still buys (the Protocol of Sevres, 1956). 0 switches it off. Fitted on "
            "1946-1989 (ATOP 0.00019 offence-led pacts per state-year; 0.6 is the conquest discount's fit there, which valued "
            "offence pledges before); 1816-1914 predates the instruments"
        ),
    )

    # --- threat ---
    threat_perception_threshold: float = Field(
        0.03,
        ge=0,
        le=1,
        description=(
            "a state names a main threat when it is at least this share of its own capability "
            "(foedus.theory.threat.perceived_main_threat; Jervis 1976, ch. 4: a signal must stand above the noise), or at least "
            "threat_perception_ceiling; a state facing nothing larger has none. The value is the record's noise: the median "
            "annual change of a state's capability share, |d log CINC|, over the state-years of 1816-1914 and 1946-1989 "
            "(COW NMC 6.0: 0.0303; 0.027-0.035 in each in-sample era). 0 names the largest threat, however small"
        ),
    )
    threat_perception_ceiling: float = Field(
        7.7e-4,
        ge=0,
        le=1,
        description=(
            "a threat at least this large (capability share) is perceived by every state, however strong "
            "(foedus.theory.threat.perceived_main_threat): the noise of the system's balance, the mean annual absolute change "
            "of a state's capability share |d CINC| over the state-years of 1816-1914 and 1946-1989 (COW NMC: 7.7e-4). "
            "Without it the relative threshold hid the other pole from a great power (the United States named no threat "
            "in 1946: the Soviet threat, 0.006, is below 3 % of the American 0.35)"
        ),
    )
    ideology_read_hostility: float = Field(
        0.5,
        ge=0,
        le=1,
        description=(
            "the acts (hostility revealed) at which the distance of UN ideal points colours perceived intentions in full "
            "(foedus.theory.intentions.intentions_from_acts, serious): a rivalry (0.6) or a war does, in proportion below. "
            "Was aggression_hostility's second role; kept at its old value when aggression_hostility rose to 0.9, which "
            "would have halved the intentions of every mildly hostile pair (F2)"
        ),
    )

    # --- persist ---
    institution_persistence: float = Field(
        0.9,
        ge=0,
        le=1,
        description=(
            "share of the yearly decline of an alliance's military integration that full institutionalisation (ATOP level 2) "
            "prevents (foedus.theory.integration.integration_update; Keohane 1984: institutions are costly to create and cheap "
            "to keep; Wallander 2000: NATO kept its integrated command after the Soviet threat). 0 is the symmetric adjustment "
            "of before; at 0.9 and integration_rate 0.1, a level-2 pact's integration built against a threat now gone halves in "
            "about 69 years instead of 7, a level-1 pact's in about 12 (P3, P5). A stated assumption (near-full persistence), "
            "not an estimate"
        ),
    )
    # --- war ---
    war_onset_defence_pact: float = Field(
        -0.4007, ge=-20, le=20,
        description="war-onset logit: the pair shares a defence pact (Bremer 1992's alliance term; in-sample Firth fit on COW wars "
        "1816-1914 and 1946-1989 with ATOP dyad-years, s.e. 0.39): allies fight each other less often, not never",
    )
    war_onset_joint_nuclear: float = Field(
        -0.4731, ge=-20, le=20,
        description="war-onset logit: both nuclear-armed (foedus.data.nuclear, Gartzke & Kroenig 2009's dates; Waltz 1981, Jo & Gartzke "
        "2007; in-sample Firth fit, s.e. 1.42: no war in about 620 jointly nuclear dyad-years, too few to estimate the nuclear peace tightly)",
    )
    war_onset_conquest_norm: float = Field(
        -1.2759, ge=-20, le=20,
        description="war-onset logit: the territorial integrity norm binds (UN Charter, 1945: foedus.theory.renunciation) on a major power and a "
        "state it neither borders nor rivals, the pairs of the wars of conquest the norm ended (Zacher 2001; Fazal 2007; in-sample "
        "Firth fit, 1816-1914 without the norm and 1946-1989 with it, s.e. 0.68)",
    )
    alliance_chain_depth: int = Field(
        0, ge=0, le=5,
        description="how many waves of allies' allies a war calls (foedus.sim.steps.conflict.call_allies): 0, the belligerents' own "
        "defence and offence partners only; 1, also the partners of the allies that entered (chain-ganging, Christensen & Snyder "
        "1990; the warring alliance partner, Siverson & Starr 1991). Chosen on the in-sample era 1816-1914: at 1 the share of defence "
        "allies joining was 0.29 and 0.27 (seeds 1-3, 4-9) against 0.33 and 0.27 at 0 (the entrants' partners add to the allies "
        "counted as much as to those who join), so the default keeps ATOP's reading: a pact calls when its own member is attacked",
    )
    # --- blocs ---
    bloc_free_riding: float = Field(0.05, ge=0, le=1, description="free riding phi (foedus.theory.multilateral; Olson & Zeckhauser 1966: 1 is a pure public good). Chosen on 1816-1914 and 1946-1989 (F5)")
    bloc_region_km: float = Field(2500.0, ge=0, description="farthest two members of a bloc other than a great power may be apart, km (Hemmer & Katzenstein 2002). Chosen on 1816-1914 and 1946-1989 (F5)")
    bloc_identity_distance: float = Field(0.4, ge=0, le=1, description="largest ideal-point distance (scaled 0-1) of two members of a bloc (Hemmer & Katzenstein 2002; unknown: no limit). Chosen on 1946-1989 (F5)")
    bloc_coordination_cost: float = Field(0.002, ge=0, le=10, description="cost to a bloc's leader per member beyond a pair (Snyder 1997). Chosen on 1816-1914 and 1946-1989 (F5)")

    def war_onset_coefficients(self) -> tuple[float, ...]:
        """The war-onset logit's coefficients in the order of :data:`foedus.theory.war_onset.WAR_ONSET_TERMS`."""
        return (self.war_onset_contiguous, self.war_onset_log_distance, self.war_onset_any_major, self.war_onset_parity, self.war_onset_rival,
                self.war_onset_war, self.war_onset_joint_democracy, self.war_onset_defence_pact, self.war_onset_joint_nuclear, self.war_onset_conquest_norm)

    # --- war ---
    initiation_log_capability: float = Field(-0.0055, ge=-20, le=20, description="who initiates a war begun in a pair (foedus.theory.war_onset.initiation_probability): weight of log(capability ratio) (Bueno de Mesquita 1981; Bennett & Stam 2004). Firth fit, no intercept, on the COW initiator codes of 104 initiating dyads of 65 wars in 1816-1914 and 1946-1989 (s.e. 0.16; foedus.analysis.war_onsets.estimate_initiation): capability adds nothing once major-power status is held constant")
    initiation_major: float = Field(2.0025, ge=-20, le=20, description="who initiates: weight of major-power status, initiator minus target (Bremer 1992: major powers initiate; same in-sample fit, s.e. 0.58)")
    initiation_democracy: float = Field(-1.1274, ge=-20, le=20, description="who initiates: weight of democracy, initiator minus target (Bremer 1992; Bennett & Stam 2004: democracies initiate less; same in-sample fit, s.e. 0.52)")

    intra_alliance_casus: float = Field(0.0, ge=0, le=1, description="probability (one draw a war) that a defence pact of both belligerents calls its other members to the attacked member's side (foedus.theory.war.casus_foederis, against_a_member: ATOP's defence obligation is to aid a member attacked, whoever attacks). The record: members of a pact binding the attacker joined the attacked member in 58 of 86 such ally pairs in 1816-1914 (1866: the German Confederation against Prussia) and 0 of 32 in 1946-1989 (the OAS in 1969, the Warsaw Pact in 1956); 56 of 200 in 1990-2018 (held out; 1991: the Arab League's members against Iraq). Chosen on the in-sample eras (validate, 6 seeds each): at 0 (such a pact calls nobody, the former rule) 23 of 34 in-sample facts are in range, at 0.5 and 1 (ATOP's literal form) 21: calling the members raises the share of defence allies joining towards the record in 1816-1914 (0.28, 0.30, 0.37 against 0.43) but away from it in 1946-1989 (0.11, 0.16, 0.21 against 0.10) and raises offence pacts formed in 1946-1989 (0.0003, 0.0004, 0.0007 against 0.0002). The default is 0; the two in-sample eras disagree, and one war (1866) carries 1816-1914's evidence")

    def initiation_coefficients(self) -> tuple[float, ...]:
        """The initiation logit's coefficients in the order of :data:`foedus.theory.war_onset.INITIATION_TERMS`."""
        return (self.initiation_log_capability, self.initiation_major, self.initiation_democracy)
