"""The field's words for the codes of the tables, in the language in use (:mod:`foedus.i18n`).

:mod:`foedus.analysis` names categories by their codes (ATOP's ``defense``, formats, kinds of
agreement, periods such as ``"before 1945"``); the reports, the dashboard and the terminal show
them through :func:`label`, which spells them as the field does (English: "defence",
"non-aggression"; French: "défense", "non-agression", "pacte", "bloc"...). A code without an
entry is shown as it is (a state's abbreviation, a scenario's own period name).
"""

from __future__ import annotations

import re
from typing import Any

from foedus.i18n import _, get_language, gettext, lazy_gettext

__all__ = [
    "CATALOGUE_LABEL",
    "CAUSES",
    "CRISES",
    "FACTORS",
    "INDICATOR_NAMES",
    "LABELS",
    "ROUTES",
    "UNITS",
    "cause_label",
    "factor_label",
    "indicator_name",
    "kind_plural",
    "label",
    "labelled",
    "plain",
    "route_label",
    "scenario_text",
    "unit_name",
]

LABELS = {
    # ATOP obligations (Leeds et al. 2002), as the figures spell them
    "defense": lazy_gettext("defence"),
    "offense": lazy_gettext("offence"),
    "neutrality": lazy_gettext("neutrality"),
    "nonaggression": lazy_gettext("non-aggression"),
    "consultation": lazy_gettext("consultation"),
    # kinds of agreement
    "alliance": lazy_gettext("alliance"),
    "coalition": lazy_gettext("coalition"),
    "organisation": lazy_gettext("organisation"),
    "all agreements": lazy_gettext("all agreements"),
    # formats and symmetry (foedus.analysis.formation)
    "bilateral": lazy_gettext("bilateral"),
    "minilateral": lazy_gettext("minilateral"),
    "multilateral": lazy_gettext("multilateral"),
    "format": lazy_gettext("format"),
    "symmetry": lazy_gettext("symmetry"),
    "symmetric": lazy_gettext("symmetric"),
    "asymmetric": lazy_gettext("asymmetric"),
    "unknown": lazy_gettext("unknown"),
    # columns of the formation and survival tables
    "all": lazy_gettext("all"),
    "period": lazy_gettext("period"),
    "first": lazy_gettext("first"),
    "last": lazy_gettext("last"),
    "years": lazy_gettext("years"),
    "alliances": lazy_gettext("alliances"),
    "per year": lazy_gettext("per year"),
    "ended": lazy_gettext("ended"),
    "censored": lazy_gettext("censored"),
    "kind": lazy_gettext("kind"),
    "year": lazy_gettext("year"),
    "value": lazy_gettext("value"),
    "measure": lazy_gettext("measure"),
    # columns of the ensemble tables
    "indicator": lazy_gettext("indicator"),
    "runs": lazy_gettext("runs"),
    "median": lazy_gettext("median"),
    "mean": lazy_gettext("mean"),
    "alignment": lazy_gettext("alignment"),
    "share": lazy_gettext("share"),
}
"""Code -> the word shown for it (translated when shown)."""

INDICATOR_NAMES = {
    "alliances": lazy_gettext("alliances in force"),
    "defense_pacts": lazy_gettext("alliances with a defence obligation in force"),
    "coalitions": lazy_gettext("coalitions in force"),
    "alliance_size": lazy_gettext("mean members per alliance in force"),
    "states": lazy_gettext("states in the system"),
    "aligned_states": lazy_gettext("states with at least one defence pact"),
    "defense_dyads": lazy_gettext("pairs of states linked by a defence pact"),
    "blocs": lazy_gettext("pole-anchored defence blocs of two or more states"),
    "largest_bloc": lazy_gettext("members of the largest bloc"),
    "majors": lazy_gettext("major powers"),
    "poles": lazy_gettext("poles: blocs anchored by a major power"),
    "cluster_poles": lazy_gettext("clusters of allied major powers (Wayman 1984)"),
    "con": lazy_gettext("capability concentration CON (Ray & Singer 1973)"),
    "effective_poles": lazy_gettext("effective number of poles"),
    "effective_blocs": lazy_gettext("effective number of blocs"),
    "contested": lazy_gettext("states allied to a major power of another bloc"),
    "milex": lazy_gettext("military expenditure, all states"),
    "formations": lazy_gettext("agreements formed"),
    "accessions": lazy_gettext("accessions"),
    "exits": lazy_gettext("exits"),
    "dissolutions": lazy_gettext("dissolutions"),
    "disputes": lazy_gettext("militarised disputes begun"),
    "wars": lazy_gettext("wars begun"),
    "crises": lazy_gettext("crises begun"),
    "coalition_events": lazy_gettext("coalition events"),
    "cyber_incidents": lazy_gettext("attributed cyber intrusions"),
    "shocks": lazy_gettext("scheduled shocks"),
    "commitment_calls": lazy_gettext("allies called to honour a commitment"),
    "rivalry_onsets": lazy_gettext("strategic rivalries begun"),
    "rivalry_ends": lazy_gettext("strategic rivalries ended"),
    "state_entries": lazy_gettext("states entering the system"),
    "state_exits": lazy_gettext("states leaving the system"),
    "war_entries": lazy_gettext("states entering a war under way (late allies, opportunists)"),
}
"""The ensemble indicators (:data:`foedus.analysis.indicators.INDICATORS`) named in the catalogue's languages."""

UNITS = {"count": lazy_gettext("count"), "states": lazy_gettext("states"), "per year": lazy_gettext("per year")}
"""The indicators' units, translated (others, such as ``0-1``, are shown as they are)."""

_KIND_PLURALS = {
    "alliance": lazy_gettext("alliances"),
    "coalition": lazy_gettext("coalitions"),
    "organisation": lazy_gettext("organisations"),
}

_PERIOD = re.compile(r"^(before|after|from) (\d{3,4})$")


def label(code: Any) -> str:
    """The word shown for ``code`` in the language in use (``"defense"`` -> "defence" / "défense"; ``"before 1945"`` -> "avant 1945")."""
    text = str(code)
    hit = LABELS.get(text)
    if hit is not None:
        return str(hit)
    m = _PERIOD.match(text)
    if m:
        word, year = m.groups()
        if word == "before":
            return _("before {year}").format(year=year)
        if word == "after":
            return _("after {year}").format(year=year)
        return _("from {year}").format(year=year)
    return text


def labelled(df):
    """A copy of table ``df`` with its index, index name and column names shown by :func:`label`."""
    out = df.rename(index=label, columns=label)
    out.index.name = label(df.index.name) if df.index.name is not None else None
    return out


def kind_plural(kind: str) -> str:
    """The plural of a kind of agreement ("alliances", "coalitions", "organisations"), translated."""
    hit = _KIND_PLURALS.get(kind)
    return str(hit) if hit is not None else f"{kind}s"


def indicator_name(indicator: str, english: str) -> str:
    """An ensemble indicator's description: ``english`` (the analysis's own words) in English, else its translation."""
    if get_language() == "en" or indicator not in INDICATOR_NAMES:
        return english
    return str(INDICATOR_NAMES[indicator])


def unit_name(unit: str) -> str:
    """An indicator's unit in the language in use (``count``, ``states``, ``per year``; others as they are)."""
    hit = UNITS.get(unit)
    return str(hit) if hit is not None else unit


CAUSES = {
    # formations, accessions and exits (foedus.sim.steps: alignment, crises, cyber, trends)
    "cyber trust": lazy_gettext("trust in cyberspace"),
    "cyber distrust": lazy_gettext("distrust in cyberspace"),
    "values diverge": lazy_gettext("values diverge"),
    "joins a regional organisation": lazy_gettext("joins a regional organisation"),
    "scheduled shock": lazy_gettext("scheduled shock"),
    "coalition institutionalised": lazy_gettext("coalition institutionalised"),
    "membership no longer worth its cost": lazy_gettext("membership no longer worth its cost"),
    "state left the system": lazy_gettext("state left the system"),
    # dissolutions (foedus.theory.cohesion.DISSOLUTION_CAUSES and the steps that end agreements)
    "cohesion lost": lazy_gettext("cohesion lost"),
    "power shifted": lazy_gettext("power shifted"),
    "treaty lapsed": lazy_gettext("treaty lapsed"),
    "cohesion fell": lazy_gettext("cohesion fell"),
    "threat faded": lazy_gettext("threat faded"),
    "threat gone": lazy_gettext("threat gone"),
    "realigned": lazy_gettext("a member allied elsewhere"),
    "regime changed": lazy_gettext("a member's regime changed"),
    "regime shifted": lazy_gettext("a member's regime shifted"),
    "threat within": lazy_gettext("a member's main threat is a fellow member"),
    "incompatible commitment": lazy_gettext("a member made a later pledge against a partner"),
    "term expired": lazy_gettext("term expired"),
    "war over": lazy_gettext("war over"),
    "fulfilled": lazy_gettext("its purpose fulfilled (the war is over)"),
    "made for a war": lazy_gettext("made for a war"),
    "crisis faded": lazy_gettext("crisis faded"),
    "mission ended": lazy_gettext("mission ended"),
    "institutionalised": lazy_gettext("institutionalised"),
    "too few members after exits": lazy_gettext("too few members after exits"),
    "too few members after a state left the system": lazy_gettext("too few members after a state left the system"),
    "unravelled": lazy_gettext("a member left a small alliance, which ended for all"),
    "replaced by a new treaty": lazy_gettext("replaced by a new treaty of the same pair"),
    "replaces a treaty of the same pair": lazy_gettext("replaces a treaty of the same pair"),
    # wars, disputes, rivalries, the state system
    "war onset": lazy_gettext("war onset"),
    "scheduled invasion": lazy_gettext("scheduled invasion"),
    "escalated dispute": lazy_gettext("escalated dispute"),
    "hazard": lazy_gettext("yearly hazard"),
    "scheduled start of its spell in the system": lazy_gettext("scheduled start of its spell in the system"),
    "scheduled end of its spell in the system": lazy_gettext("scheduled end of its spell in the system"),
}
"""The causes the simulator writes in its events' ``detail`` (English data, like column names), as they are shown."""

CRISES = {
    "aggression": lazy_gettext("aggression"),
    "terrorism": lazy_gettext("terrorism"),
    "proliferation": lazy_gettext("proliferation"),
    "organised_crime": lazy_gettext("organised crime"),
}
"""The kinds of crisis a coalition of the willing answers (:data:`foedus.sim.scenario.GLOBAL_THREATS` and aggression)."""

_AGAINST = re.compile(r"^coalition of the willing against (\w+)$")

FACTORS = {
    "access": lazy_gettext("access to the partner"),
    "asymmetric": lazy_gettext("asymmetric pact"),
    "benefit": lazy_gettext("security benefit"),
    "partner_benefit": lazy_gettext("partner's security benefit"),
    "loss": lazy_gettext("autonomy lost"),
    "partner_loss": lazy_gettext("partner's autonomy lost"),
    "cost": lazy_gettext("cost"),
    "value": lazy_gettext("value of the pact"),
    "partner_value": lazy_gettext("value to the partner"),
    "utility": lazy_gettext("utility"),
    "trust": lazy_gettext("trust"),
    "partner_trust": lazy_gettext("partner's trust"),
    "group_trust": lazy_gettext("trust in the group"),
    "partner_group_trust": lazy_gettext("partner's trust in the group"),
    "trust_threshold": lazy_gettext("trust required"),
    "partner_trust_threshold": lazy_gettext("trust the partner requires"),
    "camp_distance": lazy_gettext("distance between the camps"),
    "camp_tolerance": lazy_gettext("tolerated distance between the camps"),
    "conquest_discount": lazy_gettext("discount for the norm against conquest"),
    "conquest_norm": lazy_gettext("norm against conquest"),
    "renunciation_of_war": lazy_gettext("renunciation of war"),
    "nonaggression_standing": lazy_gettext("standing of non-aggression pledges"),
    "threat_between": lazy_gettext("threat between the partners"),
    "abrogation_cost": lazy_gettext("cost of abrogating a treaty (standing lost by leaving it)"),
    "beside_attacker": lazy_gettext("beside the attacker (its pledge of defence not triggered)"),
    "pact_aimed_at_enemy": lazy_gettext("a pact binding the two is aimed at the enemy"),
    "entrapment_share": lazy_gettext("share of the base cost of allying the pledge carries (a pledge to fight or to stay out of the partner's war: all of it)"),
    "pledge_credibility": lazy_gettext("credibility of each partner's pledge of non-aggression"),
    "fighting_credibility": lazy_gettext("credibility of each partner's pledge to fight (a rival's is discounted by distrust)"),
    "concession_counted": lazy_gettext("share of the partner's concessions each side counts (only where it has interests)"),
    "target_nuclear_armed": lazy_gettext("whether each partner's target holds nuclear weapons (an attack on it is worth nothing)"),
    "common_threat": lazy_gettext("common threat"),
    "founding_threat": lazy_gettext("founding threat"),
    "shares_threat": lazy_gettext("states sharing the threat"),
    "form": lazy_gettext("obligation"),
    "obligation": lazy_gettext("obligation"),
    "capability": lazy_gettext("capability"),
    "crisis_intensity": lazy_gettext("intensity of the crisis"),
    "interoperability": lazy_gettext("interoperability"),
    "stake": lazy_gettext("stake in the crisis"),
    "lead": lazy_gettext("lead state"),
    "left_out_as_bound_to_aggressor": lazy_gettext("left out: bound to the aggressor"),
    "left_out_as_permanently_neutral": lazy_gettext("left out: permanently neutral"),
    "left_out_as_hostile_to_a_stronger_member": lazy_gettext("left out: hostile to a stronger member"),
    "left_out_as_hostile_to_the_lead": lazy_gettext("left out: hostile to the lead state"),
    "bound_to_victim": lazy_gettext("bound to the victim"),
    "proliferator": lazy_gettext("proliferator (the state whose weapons programme the coalition is against)"),
    "rival_of_proliferator": lazy_gettext("rivals of the proliferator (whom its weapons programme is aimed at)"),
    "coalition": lazy_gettext("coalition"),
    "founders": lazy_gettext("founders"),
    "founding_rule": lazy_gettext("founding rule"),
    "members": lazy_gettext("members"),
    "mission": lazy_gettext("mission"),
    "probability": lazy_gettext("probability"),
    "years": lazy_gettext("years"),
    "years_in_force": lazy_gettext("years in force"),
    "members_before": lazy_gettext("members before the departure"),
    "members_left": lazy_gettext("members left"),
    "term_years": lazy_gettext("term (years)"),
    "renewal_probability": lazy_gettext("probability of renewal"),
    "replacement_probability": lazy_gettext("probability of replacement by a new treaty"),
    "term_end_near": lazy_gettext("a stated term ends within a year"),
    "replaces": lazy_gettext("treaty replaced"),
    "cohesion": lazy_gettext("cohesion"),
    "honour_base_rate": lazy_gettext("allies' reliability in the era"),
    "hazard": lazy_gettext("yearly hazard"),
    "hostility": lazy_gettext("hostility"),
    "proximity": lazy_gettext("proximity"),
    "dispute_probability": lazy_gettext("probability of a dispute"),
    "escalation_probability": lazy_gettext("probability of escalation"),
    "escalation_restraint": lazy_gettext("restraint on escalation (democratic and nuclear peace, odds of prevailing)"),
    "initiator_capability_ratio": lazy_gettext("initiator's capability over the target's"),
    "contiguous": lazy_gettext("contiguous"),
    "major_power": lazy_gettext("major power"),
    "joint_democracy": lazy_gettext("joint democracy"),
    "joint_nuclear": lazy_gettext("joint nuclear arms"),
    "defence_pact": lazy_gettext("shared defence pact"),
    "war_history": lazy_gettext("war memory"),
    "parity": lazy_gettext("parity"),
    "territorial_disputes": lazy_gettext("territorial disputes"),
    "regime_similarity": lazy_gettext("regime similarity"),
    "regime_distance": lazy_gettext("regime distance"),
    "log_distance": lazy_gettext("distance (log)"),
    "institutionalisation": lazy_gettext("institutionalisation"),
    "integration": lazy_gettext("military integration"),
    "power_shift": lazy_gettext("power shift"),
    "entrapment": lazy_gettext("entrapment"),
    "abandonment": lazy_gettext("abandonment"),
    "exit_probability": lazy_gettext("probability of exit"),
    # exits and accessions (foedus.sim.steps.alignment)
    "value_at_entry": lazy_gettext("value of the pact on entry"),
    "value_retained": lazy_gettext("value kept by the institution's general assets"),
    "autonomy_change": lazy_gettext("change of autonomy"),
    "members_in_favour": lazy_gettext("members in favour"),
    "community_of_democracies": lazy_gettext("a community of democracies admitting a democratic candidate of its region"),
    "power": lazy_gettext("capability share"),
    "offence_standing": lazy_gettext("standing of offence pledges"),
    # pacts made for a war (foedus.sim.steps.wartime)
    "coalition_gain": lazy_gettext("gain in the odds of the war with the partner"),
    "bystander_leaning_to_enemy": lazy_gettext("bystander's leaning to the enemy"),
    "under_the_charter": lazy_gettext("under the UN Charter"),
    "treaty": lazy_gettext("written as a treaty"),
    "client_rule": lazy_gettext("who the leader may carry as a client"),
    "neutrality_gain": lazy_gettext("gain from the bystander's neutrality"),
    "hostility_to_enemy": lazy_gettext("hostility to the enemy"),
    "partner_hostility_to_enemy": lazy_gettext("partner's hostility to the enemy"),
    "bystander_hostility_to_attacker": lazy_gettext("bystander's hostility to the attacker"),
    "own_capability_at_enemy": lazy_gettext("own capability at the enemy"),
    "partner_capability_at_enemy": lazy_gettext("partner's capability at the enemy"),
    "enemy_capability": lazy_gettext("enemy's capability"),
    "signing_probability": lazy_gettext("probability of signing"),
    "consent": lazy_gettext("consent"),
    # firms and NGOs in cyber alignments (foedus.sim.steps.cyber, trends)
    "values": lazy_gettext("values of the actor"),
    "proximity_to_members": lazy_gettext("proximity to the members"),
    "ideal_distance_to_members": lazy_gettext("ideal-point distance to the members"),
    "max_hostility_to_members": lazy_gettext("greatest hostility to a member"),
    # dissolutions (foedus.sim.steps.dissolution, politics)
    "hazard_cohesion_lost": lazy_gettext("hazard: cohesion lost"),
    "hazard_power_shifted": lazy_gettext("hazard: power shifted"),
    "hazard_treaty_lapsed": lazy_gettext("hazard: treaty lapsed"),
    "hazard_threat_gone": lazy_gettext("hazard: threat gone"),
    "hazard_realigned": lazy_gettext("hazard: a member allied elsewhere"),
    "hazard_regime_changed": lazy_gettext("hazard: a member's regime changed"),
    "hazard_threat_within": lazy_gettext("hazard: a member's main threat is a fellow member"),
    "members_fearing_a_member": lazy_gettext("members whose main threat is a fellow member"),
    "tether": lazy_gettext("of each member that fears a fellow member, the share of its hazard the common adversary tethers away"),
    "realignment": lazy_gettext("a member allied with an outsider since"),
    "regime_change": lazy_gettext("a member's recent regime change"),
    "threat_lapse": lazy_gettext("lapse of the founding threat"),
    "threat_lapse_adapted": lazy_gettext("lapse of the founding threat its institutions did not absorb"),
    "founding_threat_now": lazy_gettext("founding threat now"),
    "founding_threat_at_start": lazy_gettext("founding threat at signature"),
    "ended_by_all_members": lazy_gettext("ended by all members (its founding threat gone, or its strongest member abrogated)"),
    "ended_by_a_principal": lazy_gettext("ended by its strongest member's abrogation"),
    "abrogating_member": lazy_gettext("abrogating member"),
    "partner_is_rival": lazy_gettext("the partner it would defend is its strategic rival"),
    "rival_partner_honour_kept": lazy_gettext("share of the honouring a rival of the partner keeps"),
    "institutional_hold": lazy_gettext("share of the abrogation hazard the treaty's institutions leave (Wallander 2000)"),
    "later_pledge": lazy_gettext("the later pledge it contradicts"),
    "entered_later_pledge": lazy_gettext("year the member entered the later pledge"),
    "entered_this_pledge": lazy_gettext("year the member entered this pledge"),
    "aimed_at_a_member": lazy_gettext("the later pledge is aimed at a fellow member"),
    "members_enemy": lazy_gettext("a fellow member's enemy the member allied with"),
    "abrogating_member_capability_share": lazy_gettext("abrogating member's share of the members' capability"),
    "largest_capability_share": lazy_gettext("largest share of the members' capability"),
    "cohesion_at_start": lazy_gettext("cohesion at signature"),
    "cohesion_retained": lazy_gettext("cohesion retained"),
    "economic_competition": lazy_gettext("economic competition"),
    "democratic_commitment": lazy_gettext("democratic commitment"),
    "third_party_purpose": lazy_gettext("pledge aimed at third parties"),
    "capability_change": lazy_gettext("change of capability"),
    "betrayal": lazy_gettext("betrayal"),
    "institutional_assets": lazy_gettext("institutional assets"),
    "member_founding_threat": lazy_gettext("member's founding threat"),
    "member_share_change": lazy_gettext("change of the member's share"),
    "automatic_renewal": lazy_gettext("automatic renewal"),
    "made_for_the_war": lazy_gettext("made for the war"),
    # wars, calls to allies and entries into wars (foedus.sim.steps.conflict)
    "any_major": lazy_gettext("a major power in the pair"),
    "joint_major": lazy_gettext("two great powers"),
    "issueless_rival": lazy_gettext("rivals over no territory"),
    "rival": lazy_gettext("strategic rivals"),
    "lower_democracy": lazy_gettext("lower democracy score of the pair"),
    "higher_democracy": lazy_gettext("higher democracy score of the pair"),
    "initiator_minus_target_log_capability": lazy_gettext("initiator's capability over the target's (log)"),
    "initiator_minus_target_major": lazy_gettext("initiator a major power, the target not"),
    "initiator_minus_target_democracy": lazy_gettext("initiator a democracy, the target not"),
    "initiator_probability": lazy_gettext("probability of initiating"),
    "agreement": lazy_gettext("agreement"),
    "ally_of": lazy_gettext("ally of"),
    "against_a_member": lazy_gettext("against a member of the pact"),
    "reach": lazy_gettext("reach to the war"),
    "casus_foederis_probability": lazy_gettext("probability of the casus foederis"),
    "commitment": lazy_gettext("commitment"),
    "interdependence_with_adversary": lazy_gettext("interdependence with the adversary"),
    "democratic": lazy_gettext("democracy"),
    "entered_a_year_late": lazy_gettext("entered a year late"),
    "rival_of_enemy": lazy_gettext("rival of the enemy"),
    "called": lazy_gettext("called by its pledge"),
    "shared_adversary": lazy_gettext("the enemy is its own adversary"),
    "nuclear_restraint": lazy_gettext("nuclear restraint (both sides hold the bomb)"),
    "great_power_restraint": lazy_gettext("restraint: great powers avoid fighting one another (log-odds)"),
    "minor_attacker_restraint": lazy_gettext("restraint: a great power called against a minor attacker (log-odds)"),
    "honour_reach_weight": lazy_gettext("weight of the reach to the war in honouring (log-odds)"),
    "extended_deterrence": lazy_gettext("restraint: a great power defends the target (extended deterrence)"),
    "protector_fights_probability": lazy_gettext("chance that the target's great-power protector fights"),
    "entry_probability": lazy_gettext("chance of entering the war"),
    "enters": lazy_gettext("enters the war"),
    "victory_probability": lazy_gettext("the initiator's chance of prevailing"),
    "expected_victory_restraint": lazy_gettext("restraint: odds of prevailing"),
    "ally_expected_support": lazy_gettext("share of a defence partner's strength the initiator expects to fight beside it (its reliability)"),
    "war_age": lazy_gettext("years since the war began"),
    "age_decay": lazy_gettext("decline of the chance of entering with the war's age"),
    "peer_rivalry_prior": lazy_gettext("prior of rivalry between great powers (unknown intentions)"),
    "peer_threat": lazy_gettext("threat added by a peer's unknown intentions"),
    "partner_entry_value": lazy_gettext("what entering is worth to the partner"),
    "partner_entry_cost": lazy_gettext("the partner's cost of fighting"),
    "unread_alignment": lazy_gettext("reassurance about a partner's unread alignment"),
    "settlement": lazy_gettext("settling an ended war or rivalry with a neighbour"),
    "former_ruler": lazy_gettext("a new state's tie to its former ruler"),
    "former_ruler_sphere": lazy_gettext("the former ruler's sphere: the new state's pledge"),
    "regime_changed": lazy_gettext("year each side's regime last changed (its record of intentions restarted)"),
    "mandate": lazy_gettext("mandate"),
    "collective_security": lazy_gettext("collective security"),
    "veto": lazy_gettext("veto of a permanent member"),
    "mandated": lazy_gettext("action mandated"),
    # rivalries (foedus.sim.steps.rivalry; foedus.theory.rivalry ONSET_TERMS, TERMINATION_TERMS)
    "major_pair": lazy_gettext("both major powers"),
    "one_major": lazy_gettext("one major power in the pair"),
    "out_of_reach": lazy_gettext("out of each other's reach"),
    "regime_shift": lazy_gettext("regime shift"),
    "log_parity": lazy_gettext("parity (log of the weaker's capability over the stronger's)"),
    "new_pair": lazy_gettext("newness of the pair (years both in the state system)"),
    "minor_distance": lazy_gettext("distance of two minor states without a border (log)"),
    "one_major_reach": lazy_gettext("reach of the weaker of a great power and a minor state (log)"),
    "one_major_new_pair": lazy_gettext("newness of a pair of a great power and a minor state"),
    "new_nonaggression_pact": lazy_gettext("newness of a pledge of non-aggression without a defence pact (a peace treaty)"),
    "leader_pair": lazy_gettext("the leading great power is one of the pair"),
    "parity_change": lazy_gettext("change of the pair's parity over the last decade (log)"),
    "positional": lazy_gettext("positional rivalry of great powers"),
    # blocs founded against a shared threat (foedus.sim.steps.blocs)
    "mechanism": lazy_gettext("mechanism"),
    "shared_threat": lazy_gettext("shared threat"),
    "adversary_bloc": lazy_gettext("adversary bloc"),
    "leader": lazy_gettext("leader"),
    "gains": lazy_gettext("gains of the founders"),
    "free_riding": lazy_gettext("free riding"),
    "free_riding_share": lazy_gettext("share of free riding"),
    "coordination_cost": lazy_gettext("cost of coordination"),
    "shared_by": lazy_gettext("states sharing the threat"),
    "candidates": lazy_gettext("candidates"),
    "forward_defence_weight": lazy_gettext("weight of the leader's forward defence"),
    "forward_defence": lazy_gettext("value of forward defence to the leader"),
    "transfer": lazy_gettext("transfer to the client"),
    "hegemonic_provision": lazy_gettext("hegemonic provision applied"),
    "transfers_paid": lazy_gettext("total transfers paid"),
    "region_km": lazy_gettext("extent of the region (km)"),
    "theatre_reach": lazy_gettext("least share of the threat's and the leader's strength reaching a client of the theatre"),
    "theatre": lazy_gettext("candidates in the theatre of the threat (not held to the region)"),
    "theatre_rule": lazy_gettext("rule of the theatre"),
    "identity_distance": lazy_gettext("identity distance tolerated"),
    "clients_left_out": lazy_gettext("clients left out, and why"),
    "forward_defence_and_transfer_motive": lazy_gettext("forward defence and transfers counted as balancing"),
    "main_threat_rule": lazy_gettext("rule naming the main threat"),
    "threat_perception_floor": lazy_gettext("least threat perceived"),
    "vetoed": lazy_gettext("candidates vetoed, and why"),
    "declined_and_reweighed": lazy_gettext("candidates that excluded others without signing, left out of the founding weighed again"),
}
"""The factors of the simulator's explanations (keys of an event's ``detail["factors"]``), as they are shown.

A key without an entry is shown with its underscores as spaces (English): the stored events stay as
the simulator wrote them (data), and a factor it adds later is still shown, untranslated until named here."""


def cause_label(cause: Any) -> str:
    """An event's cause in the language in use (``"threat gone"`` -> "threat gone" / "menace disparue"); unknown: as it is."""
    text = str(cause)
    hit = CAUSES.get(text)
    if hit is not None:
        return str(hit)
    m = _AGAINST.match(text)
    if m:
        crisis = CRISES.get(m.group(1))
        what = str(crisis) if crisis is not None else m.group(1).replace("_", " ")
        return _("coalition of the willing against {crisis}").format(crisis=what)
    return text


def factor_label(key: Any) -> str:
    """A factor of an event's explanation, named in the language in use (unknown: its key with spaces)."""
    hit = FACTORS.get(str(key))
    return str(hit) if hit is not None else str(key).replace("_", " ")


ROUTES = {
    "alliance": lazy_gettext("an ally's pledge"),
    "collective security": lazy_gettext("collective security"),
    "opportunistic": lazy_gettext("opportunism"),
    "wartime pact": lazy_gettext("a pact made for the war"),
    "wartime coalition": lazy_gettext("a coalition for the war, without a treaty"),
    "warring ally": lazy_gettext("an ally at war"),
}
"""The routes by which a state joins a war under way (``route`` of a ``war_entry`` event, :mod:`foedus.sim.steps.conflict`)."""


def route_label(route: Any) -> str:
    """The route by which a state joined a war, in the language in use (``"collective security"`` -> "sécurité collective"); unknown: as it is."""
    hit = ROUTES.get(str(route))
    return str(hit) if hit is not None else str(route)


CATALOGUE_LABEL = re.compile(r"(?<![\w.-])(?:[Bb]rief\s+)?[AFPDTH][1-5](?:\s*[\u2013-]\s*[AFPDTH]?[1-5])?(?:'s)?(?![\w-])")
"""A label of the design catalogue (``F2``, ``brief A2``, ``T1-T5``), as the code's docstrings cite them."""

_INNER = re.compile(r"\(([^()]*)\)")
_SEP = re.compile(r"\s*([;,])\s*")
_ONLY_LABELS = re.compile(rf"^(?:{CATALOGUE_LABEL.pattern}|\s|[,;&]|and)+$")


def _drop_labels(inner: str) -> str:
    """The items of a parenthesis (separated by ``;`` or ``,``) that are not catalogue labels, joined as they were."""
    parts = _SEP.split(inner)
    items, seps = parts[0::2], parts[1::2]
    kept: list[tuple[str, str]] = []  # (separator before the item, item)
    for i, item in enumerate(items):
        if _ONLY_LABELS.match(item.strip() or "x") and CATALOGUE_LABEL.search(item):
            continue
        kept.append((seps[i - 1] if i > 0 else "", item))
    if not kept:
        return ""
    out = kept[0][1]
    for sep, item in kept[1:]:
        out += f"{sep} {item}"
    return out


def plain(text: str) -> str:
    """``text`` without the design catalogue's labels, for a reader who never saw the catalogue.

    For texts written for the code's readers and shown to users as they are: the engine parameters'
    descriptions (:mod:`foedus.web.parameters`), a scenario's and a shock's description.

    A parenthesis that holds only labels goes; a label among other items of a parenthesis goes
    with its separator; a label left anywhere else goes with the comma that follows it.

    Examples
    --------
    >>> plain("weight of free riding (foedus.theory.multilateral; F5). Chosen on 1816-1914 (F5)")
    'weight of free riding (foedus.theory.multilateral). Chosen on 1816-1914'
    >>> plain("how much allied spending substitutes for one's own (free riding, P4)")
    "how much allied spending substitutes for one's own (free riding)"
    >>> plain("a yearly hazard (P5; Leeds & Savun 2007) of decline (A2, D4)")
    'a yearly hazard (Leeds & Savun 2007) of decline'
    >>> plain("weight of F1, balancing power")
    'weight of balancing power'
    """
    previous = None
    while previous != text:  # innermost parentheses first, then those around them
        previous = text
        text = _INNER.sub(_keep_or_drop, text)
    text = re.sub(r"\s*\x02", "", text).replace("\x00", "(").replace("\x01", ")")
    text = CATALOGUE_LABEL.sub("\x02", text)  # a label outside any parenthesis goes, with the comma or colon after it
    text = re.sub(r"\s*[,;:]?\s*\x02(?=\s*(?:$|[.)]))", "", text)  # "..., F5." / "...; F5" at a sentence's end
    text = re.sub(r"\s*\x02\s*[,;:]?", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _keep_or_drop(m: re.Match) -> str:
    """A parenthesis with its labels taken out (its brackets held aside), or a mark where it was only labels."""
    inner = _drop_labels(m.group(1))
    return f"\x00{inner}\x01" if inner.strip() else "\x02"


def scenario_text(text: str | None) -> str:
    """A scenario's or a scheduled shock's description in the language in use, without the catalogue's labels.

    A scenario's words are its author's: a built-in scenario's descriptions are in the catalogue
    (``tools/i18n.py`` reads them from the scenarios, as it reads the engine parameters'), so they are
    said in French; a user's own scenario is shown as written.
    """
    said = plain(text or "")
    return gettext(said) if said else ""
