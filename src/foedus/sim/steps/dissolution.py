"""How alliances dissolve and members leave: the one place that ends an agreement or a membership.

Every step that ends an agreement calls :func:`dissolve` (or :func:`dissolve_deserted`), and
every step that takes a state out of one calls :func:`leave`; they close the membership spells
(:meth:`foedus.sim.agreements.Agreements.dissolve_many`, ``leave_many``) and log one
``"dissolution"`` or ``"exit"`` event each, with the explanation the calling step gives.

Why an agreement ends (the ``cause`` of its ``"dissolution"`` event):

- **cohesion lost** (or **cohesion fell**), **power shifted**, **treaty lapsed**, **threat gone** (or **threat
  faded**) (:func:`dissolve_by_hazard`, called by
  :func:`foedus.sim.steps.politics.alliance_politics`; brief P5, T2, T5; Leeds & Savun 2007): a
  security agreement ends with the yearly probability :func:`foedus.theory.cohesion.dissolution_hazard`,
  labelled by the term of :func:`foedus.theory.cohesion.dissolution_terms` that contributes most, in words that
  match its values (:func:`foedus.theory.cohesion.dissolution_label`: "lost" and "gone" only past half):
  the fall of its cohesion since signature (or since the run's start)
  (:func:`foedus.theory.cohesion.alliance_cohesion`: a fading common threat, economic
  competition, diverging regimes, unhonoured commitments) and of the change in capability among
  its members since they joined (Morrow 1991, Leeds 2003), and the lapse of the threat the treaty
  was written against (:func:`foedus.theory.persistence.threat_lapse`; Walt 1997: the adversary
  named in its text, ATOP ``statthr1``/``statthr2``, or its members' common main threat at
  signature, gone or no longer as threatening; a named adversary first measured after the treaty's signature, in a
  treaty a record-built run inherits, is measured against at least its members' common main threat then:
  :func:`foedus.theory.persistence.named_threat_at_signing`, so ``founding_threat_at_start`` is that reference; an institutionalised
  treaty absorbs the share ``threat_lapse_institution_threshold`` (0 by default, the in-sample fit) of the lapse, times its institutional assets, by adapting to
  the new threat, factor ``threat_lapse_adapted``: :func:`foedus.theory.persistence.adapted_lapse`; Wallander 2000, McCalla 1996). Parameters: ``threat_lapse_hazard``, ``dissolution_hazard``
  (the hazard at zero cohesion), ``capability_change_weight``, ``institution_protection`` (the
  share of the hazard that full institutional assets remove, ATOP's institutionalisation or the integration
  reached, :func:`foedus.theory.integration.institutional_assets`; Wallander 2000, Lake 1999; 0 by default, the
  in-sample record's estimate: ATOP's level-2 pacts ended no less often than level 0 in 1816-1914 or 1946-1989,
  Bennett 1997 finds no protection either; of the 'threat
  gone' term, ``threat_lapse_institution_protection`` for assets specific to the threat, rising
  to ``institution_protection`` with the pact's integration, its general assets),
  ``solidarity_protection`` (the share of the whole hazard that identical regimes remove);
- **realigned** (:func:`dissolve_by_hazard`; Leeds & Savun 2007): a member has allied since it entered with an
  adversary of a fellow member (:func:`foedus.theory.persistence.realignment`, ``realignment_hazard`` for
  ``realignment_memory`` years); **regime changed**: a member's regime has moved against its memory
  (:func:`foedus.theory.persistence.regime_change`, ``regime_change_hazard``; Leeds, Mattes & Vogel 2009): the two
  further terms of :func:`foedus.theory.persistence.circumstance_terms`, damped by institutions and democratic
  commitment as the others; **threat within**: a member's perceived main threat is a fellow member
  (:func:`foedus.theory.abrogation.threat_within_abrogation`, ``threat_within_hazard``; Leeds & Savun 2007, Walt 1997),
  unless a treaty of more than two against a common adversary still present tethers it (:func:`foedus.theory.abrogation.tethered`;
  Weitsman 2004); in a treaty of more than two the member most threatened by a fellow member leaves. A treaty a record-built run inherits is judged from its signature as one the run forms:
  its members' capability at entry (``AgreementSpec.capability_at_entry``, COW NMC) is the reference of the power shift,
  and each state's memory of its regime carries the transitions just before the start, Polity's where the polyarchy
  misses them (:func:`foedus.theory.abrogation.recorded_regime_memory`: Turkey and Iran in 1946; Leeds & Savun 2007);
- **incompatible commitment** (:func:`end_incompatible`, called by :func:`foedus.sim.steps.politics.alliance_politics`):
  a member of a pledge of defence or offence that has entered, in the run, a later pact aimed at a fellow member or
  holding a fellow member's enemy ends the old pledge that year (:func:`foedus.theory.abrogation.incompatible_pledges`,
  ``incompatible_commitment_abrogation``; Leeds 2003 on conflicting commitments, Leeds & Savun 2007): Slovakia's inherited
  treaty with Russia (ATOP 3625) when it joins NATO; only a treaty of at most ``unravel_max_members`` members is so broken
  (in a larger one a member's enemy is not the treaty's). In a treaty of more than two the member leaves (an ``"exit"``). Off
  by default (0: it cost facts in ``foedus validate``, see the parameter);
- a member's abrogation of a treaty of more than ``unravel_max_members`` members (every term but 'threat gone'; the factor
  ``institutional_hold``) is damped by the treaty's institutions,
  ``multilateral_institution_protection`` of full institutional assets (:func:`foedus.theory.abrogation.institutional_hold`;
  Wallander 2000; the in-sample record's memberships by ATOP ``milinst``: 0.96 for treaties of more than six members): no
  state has left NATO. Off by default (0), as above;
- **term expired** (:func:`expire_terms`, called by :func:`foedus.sim.steps.politics.alliance_politics`): a
  treaty with a stated term (ATOP ``speclgth``, ``length``, ``renewlgt``) that its members do not renew when the
  term ends, or, where the term renews unless a member gives notice (ATOP ``proren`` 2), whose member gives notice then
  (``tacit_renewal_notice``; in a treaty of more than two that member alone leaves, an ``"exit"``) (:func:`foedus.theory.persistence.renewal_probability`: the share of the circumstances of its
  signature that remain; Koremenos 2005, Leeds & Savun 2007); a renewed treaty continues as the same alliance;
- **war over** (:func:`expire_terms`): a pact made in war (ATOP ``wartime``) that states no term is made for that
  war; when none of its members is at war any more it ends, its provisions fulfilled (ATOP ``speclgth`` 2; Leeds et
  al. 2002); a term that renews unless a member gives notice (ATOP ``proren`` 2) is renewed at its end;
- **too few members** (:func:`dissolve_deserted`): a security agreement left with fewer than
  two members by exits (:func:`foedus.sim.steps.alignment.alignment`) or by a scheduled exit
  (:func:`foedus.sim.steps.trends.apply_shock`) ends in the same year; a cyber alignment left
  with fewer than two actors, states and non-state actors together, ends too
  (:func:`foedus.sim.steps.cyber.cyber`);
- **unravelled** (:func:`leave`): an alliance of at most ``unravel_max_members`` members (6) that a member leaves, for
  whatever reason, ends for all the others in the same year, unless one member holds ``unravel_privileged_share`` (0.9) of
  the members' capability (:func:`foedus.theory.unravelling.unravels`; Olson 1965's intermediate group, in which every
  member's withdrawal is noticed, and his privileged group, which one member carries alone: ANZUS after New Zealand, 1986; ATOP's in-sample multilateral alliances of 3-6 members
  that lost a member ended for all at once 42 times in 45, those of 8 or more 4 in 8: the Quadruple Alliance with Britain's
  withdrawal, 1822, but the Warsaw Pact after Albania, 1968), factors ``members_before``, ``members_left``,
  ``largest_capability_share``;
- **a coalition's mission over** (:func:`foedus.sim.steps.crises.crises_and_coalitions`, brief
  D4): a coalition of the willing ends with its crisis, when the crisis is spent ("mission
  ended": ``coalition_efficacy`` times the coalition's
  :func:`foedus.theory.integration.integration_effectiveness` a year) or its time runs out
  ("crisis faded": ``crisis_end_rate``);
- **a scheduled shock** (:func:`foedus.sim.steps.trends.apply_shock`): the scenario's
  ``dissolve`` shock ends the named agreement.

Why a member leaves (the ``cause`` of its ``"exit"`` event):

- **cohesion lost** / **fell**, **power shifted**, **treaty lapsed**, **threat gone** / **faded** (:func:`dissolve_by_hazard`):
  the yearly hazard above is that of a member's abrogation (Leeds & Savun 2007); in a treaty of
  more than two members the abrogating member leaves and the others stay allied
  (:func:`foedus.theory.persistence.abrogating_member`: the member whose capability share moved
  most, for a power shift, else the one least threatened by the treaty's founding threat now), so
  a multilateral treaty such as NATO ends only when its members have left one by one -- unless the drawn cause is its
  founding threat gone (at least half lapsed): then its purpose has gone for all and the whole treaty ends
  (:func:`foedus.theory.abrogation.ends_the_whole_treaty`; Walt 1997; the Warsaw Pact, 1 July 1991), or the abrogating
  member is its principal, the strongest of its members: the treaty ends for all
  (:func:`foedus.theory.principals.principal_abrogation`; Olson & Zeckhauser 1966; ATOP ended 28 of the 31 multilateral
  pacts of 1816-1914 that lost a member for all at once; the Quadruple Alliance with Britain's withdrawal, 1822), factors
  ``abrogating_member``, ``abrogating_member_capability_share``, ``largest_capability_share``, ``ended_by_a_principal``; for a regime
  change, the member whose regime moved most abrogates, and every member whose regime changed is exposed
  (:func:`foedus.theory.abrogation.regime_abrogation`);

- **membership no longer worth its cost** (:func:`foedus.sim.steps.alignment.alignment`, brief
  P5): the alliance's value to the member (:func:`foedus.theory.alignment.alignment_utilities`
  summed over its fellow members) falls below ``exit_threshold`` times its cost; it leaves with
  probability ``exit_rate``, less ``institution_protection`` of the institutionalisation;
- **cyber distrust** (:func:`foedus.sim.steps.cyber.cyber`, brief T3): a cyber alignment's value
  (:func:`foedus.theory.cyber_trust.sharing_value`) turns negative for a member, which leaves
  with probability ``exit_rate``, as does one whose values have left the alignment's camp ("values
  diverge"); firms and NGOs leave likewise through :func:`leave_nonstate`;
- **a scheduled shock**: the scenario's ``leave`` shock.

A state that left an agreement cannot rejoin it in the same year (``Agreements.last_exit``).
Nothing here draws from a generator except :func:`dissolve_by_hazard`, one draw per security
agreement in force, and :func:`expire_terms`, one per treaty whose term ends.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from foedus.sim.agreements import AGREEMENT_KINDS
from foedus.sim.membership import member_counts
from foedus.sim.steps._common import MOTIVES, SECURITY
from foedus.sim.world import World
from foedus.theory import abrogation as th_abrogation
from foedus.theory import persistence as th_persistence
from foedus.theory import principals as th_principals
from foedus.theory import unravelling as th_unravelling
from foedus.theory import cohesion as th_cohesion
from foedus.theory.cohesion import DISSOLUTION_CAUSES


def dissolve(world: World, slots: int | np.ndarray, details: Any = None) -> None:
    """End the agreements ``slots`` (distinct, in force) this year and log a ``"dissolution"`` event for each.

    ``details`` is the explanation: one dict per agreement, one dict for all, or None (the run
    keeps no explanations). The members' spells close this year.
    """
    ag = world.state.agreements
    slots = np.atleast_1d(np.asarray(slots, dtype=np.intp))
    if not len(slots):
        return
    ag.dissolve_many(slots, world.state.year)
    world.log.events(world.state.year, "dissolution", ag.agreement_id[slots], -1, -1, details)


def dissolve_deserted(world: World, gone: np.ndarray, cause: str) -> None:
    """End the security agreements ``gone`` (in force, fewer than two members left), logged with ``cause``.

    The explanation names the member left behind, if any, and the years the agreement was in force.
    """
    ag = world.state.agreements
    if not len(gone) or not world.inputs.explain:
        dissolve(world, gone)
        return
    left = ag.members[gone]  # the member left behind, if any (at most one each)
    has = left.any(axis=1)
    who = world.inputs.ccode[left.argmax(axis=1)].tolist()
    last = [[c] if h else [] for c, h in zip(who, has.tolist())]
    years = (world.state.year - ag.start_year[gone]).tolist()
    dissolve(world, gone, [{"cause": cause, "factors": {"members_left": m, "years_in_force": yrs}} for m, yrs in zip(last, years)])


def dissolve_if_deserted(world: World, slots: int | np.ndarray, cause: str) -> None:
    """End the security agreements among ``slots`` (in order) left with fewer than two members (:func:`dissolve_deserted`)."""
    ag = world.state.agreements
    slots = np.atleast_1d(np.asarray(slots, dtype=np.intp))
    dissolve_deserted(world, slots[ag.active[slots] & (member_counts(ag.members, slots)[1] < 2) & (ag.domain[slots] == SECURITY)], cause)


def dissolve_by_hazard(world: World, rng: np.random.Generator, st: dict, terms: np.ndarray, institutional: np.ndarray) -> None:
    """Security agreements end with their yearly hazard (brief P5): one draw each, in the order of ``st["slots"]``.

    ``st`` is :func:`foedus.sim.steps.politics.cohesion_state` (the agreements, their cohesion
    and its factors), ``terms`` (K, A), K <= 7, the hazard's terms in the order of
    :data:`foedus.theory.cohesion.DISSOLUTION_CAUSES` (:func:`foedus.theory.cohesion.dissolution_terms`, then
    :func:`foedus.theory.persistence.circumstance_terms`; the hazard is their sum) and ``institutional`` their institutional assets (0-1,
    :func:`foedus.theory.integration.institutional_assets`). The drawn
    event is a member's abrogation (Leeds & Savun 2007): a treaty of two ends (a
    ``"dissolution"``), and in a treaty of more the member
    :func:`foedus.theory.persistence.abrogating_member` leaves (an ``"exit"``; the treaty ends
    only when fewer than two members remain), unless its founding threat has gone, when it ends for all
    (:func:`foedus.theory.abrogation.ends_the_whole_treaty`, factor ``ended_by_all_members``). Each is logged with the cause whose term
    contributes most to the hazard (:data:`foedus.theory.cohesion.DISSOLUTION_CAUSES`: "cohesion
    lost", "power shifted", "treaty lapsed", "threat gone", "realigned", "regime changed", "threat within", in the words that match its values:
    "cohesion fell" where more than half the cohesion of signature remains, "threat faded" where less
    than half the founding threat has lapsed; :func:`foedus.theory.cohesion.dissolution_label`), every term and factor of the hazard
    (the founding threat: its COW code, None when none is known or the adversary is not in the
    world, and its threat to the members now and at signature or at the run's start), and the
    motives of its founding (None when not known); an exit also names what made that member the
    one to leave.
    """
    ag = world.state.agreements
    slots = st["slots"]
    hazard = terms.sum(axis=0)
    draw = rng.random(len(slots))
    ending = np.flatnonzero(draw < hazard)
    if not len(ending):
        return
    gone = slots[ending]
    cause_k = terms[:, ending].argmax(axis=0)
    # a treaty of more than two loses the abrogating member, unless its founding threat has gone: then it ends for all
    whole = th_abrogation.ends_the_whole_treaty(cause_k == DISSOLUTION_CAUSES.index("threat gone"), st["threat_lapse"][ending])
    multi = (st["size"][ending] > 2) & ~whole
    shift = st.get("regime_shift_by_state")
    by_regime = (cause_k[multi] == DISSOLUTION_CAUSES.index("regime changed")) if shift is not None else None
    who, stake, moved = _abrogation(world, gone[multi], cause_k[multi] == DISSOLUTION_CAUSES.index("power shifted"), shift, by_regime)
    if "within" in st:  # a threat within: the member most threatened by a fellow member leaves (Leeds & Savun 2007)
        inner = cause_k[multi] == DISSOLUTION_CAUSES.index("threat within")
        who = np.where(inner, th_abrogation.threatened_member(st["within"][ending[multi]], st["exposure"][ending[multi]]), who)
    # the principal's abrogation (the largest share of the members' capability) ends the treaty for all (Olson & Zeckhauser 1966)
    share = th_principals.capability_share(ag.members[gone[multi]], world.state.power, who)
    largest = th_principals.largest_share(ag.members[gone[multi]], world.state.power)
    principal = th_principals.principal_abrogation(share, largest, st["size"][ending[multi]])
    by_principal = np.zeros(len(ending), bool)
    by_principal[np.flatnonzero(multi)[principal]] = True
    leaver = np.full(len(ending), -1, np.intp)
    leaver[multi] = who
    leaver_share, top = np.full(len(ending), np.nan), np.full(len(ending), np.nan)
    leaver_share[multi], top[multi] = share, largest
    whole |= by_principal
    multi &= ~by_principal
    who, stake, moved = who[~principal], stake[~principal], moved[~principal]
    details = _hazard_details(world, st, terms, institutional, ending, cause_k) if world.inputs.explain else None
    pick = (lambda sel: [d for d, s_ in zip(details, sel.tolist()) if s_]) if details is not None else (lambda sel: None)
    if details is not None:
        codes = np.where(leaver >= 0, world.inputs.ccode[np.maximum(leaver, 0)], -1).tolist()
        for d, w_, n_, bp, c_, sh, tp_ in zip(details, whole.tolist(), st["size"][ending].tolist(), by_principal.tolist(), codes, leaver_share.tolist(), top.tolist()):
            d["factors"]["ended_by_all_members"] = bool(w_ and n_ > 2)  # its purpose gone for all, or a principal abrogated
            d["factors"]["abrogating_member"] = None if c_ < 0 else c_  # treaties of more than two: who abrogates
            d["factors"]["abrogating_member_capability_share"] = None if sh != sh else sh
            d["factors"]["largest_capability_share"] = None if tp_ != tp_ else tp_  # the principal's: its abrogation ends the treaty for all
            d["factors"]["ended_by_a_principal"] = bp
    dissolve(world, gone[~multi], pick(~multi))
    if multi.any():
        exits = pick(multi)
        if exits is not None:
            for d, s_, v in zip(exits, stake.tolist(), moved.tolist()):
                d["factors"].update(member_founding_threat=None if s_ != s_ else s_, member_share_change=v)
        leave(world, gone[multi], who, exits)
        dissolve_if_deserted(world, gone[multi], "too few members after exits")


def expire_terms(world: World, rng: np.random.Generator, st: dict, renewal: np.ndarray, institutional: np.ndarray) -> None:
    """Treaties whose stated term ends this year are renewed or lapse: one draw each, in the order of ``st["slots"]``.

    ``renewal`` is :func:`foedus.theory.persistence.renewal_probability` of the agreements ``st["slots"]`` (ATOP
    ``speclgth``, ``length``, ``renewlgt``; Koremenos 2005, Leeds & Savun 2007). A renewed treaty continues as the
    same alliance (as ATOP codes it) for ``renewal_years`` more; one not renewed ends with the cause "term expired",
    logged with the renewal probability and every factor of it. A pact made for a war (``term_end`` -inf) reaches
    its term in the first year none of its members is at war, and ends as "war over", its provisions fulfilled (its
    renewal probability is 0: :func:`foedus.theory.persistence.renewal_probability`, ``event_bound``). A term that renews
    unless a member gives notice (``automatic_renewal``, ATOP ``proren`` 2) is renewed unless a member gives notice at its
    end (``notice_share`` of :func:`foedus.theory.persistence.renewal_probability`): a treaty of two then ends ("term
    expired", ``automatic_renewal`` True), in one of more the member giving notice leaves and the term renews for the
    others (:func:`_give_notice`). Agreements ended earlier this year are skipped.
    """
    ag = world.state.agreements
    slots = st["slots"]
    end = ag.term_end[slots]
    war_term = np.isneginf(end)  # made for a war: the term ends when no member is at war any more
    war_over = np.ones(len(slots), bool)  # (asked of the treaties made for a war only: the others' is not read)
    made = np.flatnonzero(war_term)
    if len(made):
        war_over[made] = ~(ag.members[slots[made]] & world.state.at_war.any(axis=1)[None, :]).any(axis=1)
    due = np.flatnonzero(ag.active[slots] & np.where(war_term, war_over, np.floor(end) <= world.state.year))
    if not len(due):
        return
    renewed = rng.random(len(due)) < renewal[due]
    # a tacitly renewed treaty of more than two members that lapses: the member giving notice leaves, the others renew
    notice = ~renewed & ag.automatic_renewal[slots[due]] & (st["size"][due] > 2)
    again = slots[due[renewed | notice]]
    ag.term_end[again] = np.where(np.isneginf(ag.term_end[again]), np.inf, ag.term_end[again] + ag.renewal_years[again])
    if notice.any():
        _give_notice(world, st, renewal, due[notice])
    ending = due[~renewed & ~notice]
    if not len(ending):
        return
    gone = slots[ending]
    details = None
    if world.inputs.explain:
        cols = (renewal, st["cohesion"], st["threat_lapse"], st.get("threat_lapse_adapted", st["threat_lapse"]), st["capability_change"], institutional)
        p_, co, lapse, lapse_a, cc, inst_l = (c[ending].tolist() for c in cols)
        c0, yrs, term = ag.cohesion_start[gone].tolist(), (world.state.year - ag.start_year[gone]).tolist(), [None if t != t else t for t in ag.renewal_years[gone].tolist()]
        war = np.isneginf(ag.term_end[gone]).tolist()
        auto = ag.automatic_renewal[gone].tolist()  # a member gave notice at the term's end (ATOP proren 2)
        kept = th_cohesion.cohesion_retained(st["cohesion"][ending], ag.cohesion_start[gone]).tolist()
        dem, tp = st["democracy"][ending].tolist(), st["third_party"][ending].astype(bool).tolist()
        details = [
            {"cause": "war over" if war[k] else "term expired", "factors": {"renewal_probability": p_[k], "made_for_the_war": war[k], "term_years": term[k],
                                                  "automatic_renewal": auto[k], "years_in_force": yrs[k], "cohesion": co[k],
                                                  "cohesion_at_start": c0[k], "threat_lapse": lapse[k], "threat_lapse_adapted": lapse_a[k],
                                                  "capability_change": cc[k],
                                                  "institutional_assets": inst_l[k], "cohesion_retained": kept[k],
                                                  "democratic_commitment": dem[k], "third_party_purpose": tp[k]}}
            for k in range(len(gone))
        ]
    dissolve(world, gone, details)


def end_incompatible(world: World, rng: np.random.Generator, st: dict) -> None:
    """A member that has since made a pledge incompatible with a treaty ends it (``incompatible_commitment_abrogation``; Leeds
    2003, Leeds & Savun 2007): :func:`foedus.theory.abrogation.incompatible_pledges` over the agreements ``st["slots"]`` still in
    force after this year's other endings, of at most ``unravel_max_members`` members (a pledge to partners one can name: in a
    large treaty one member's enemy is not the treaty's), two states being enemies where one counts the other an adversary (a state that
    threatens it nearly as much as its main threat, :func:`foedus.theory.persistence.adversaries`, ``realignment_threat_share``;
    Walt 1987: the partner's adversary, or a state that fears the partner as its own). Only a pledge
    entered in the run breaks an older one (``WorldInputs.first_year``): the record's pledges entered before the start were
    kept side by side, as were those of the run's first year (a scenario built from the record holds the pacts signed in its
    start year). The member leaves (an ``"exit"``; a treaty left with fewer than two members ends), a treaty of two
    ends (a ``"dissolution"``), cause "incompatible commitment", factors ``abrogating_member``, ``later_pledge`` (the agreement
    that conflicts), ``entered_this_pledge``, ``entered_later_pledge``, ``aimed_at_a_member`` (the later pledge's founding
    threat is a fellow member), ``members_enemy`` (the fellow member's enemy it allied with, else None), ``years_in_force`` and,
    below probability 1, ``probability``. No draw at probability 1 (the rule); one per member below it."""
    p = world.inputs.params
    prob = float(p.incompatible_commitment_abrogation)
    if prob <= 0.0:
        return
    ag = world.state.agreements
    slots = st["slots"]
    live = ag.active[slots]
    m = ag.members[slots] & live[:, None]
    tp = st["third_party"].astype(bool) & live
    tgt, lapse = ag.target[slots], st["threat_lapse"]
    hostile = th_persistence.adversaries(world.results.threat, share=p.realignment_threat_share)
    enemies = hostile | hostile.T  # [k, j]: one of the two threatens the other nearly as much as its main threat does
    conflict = th_abrogation.conflicting_treaties(m, tp, tgt, enemies, lapse)
    if not conflict.any():
        return
    entry = ag.entry_year[slots]
    first = world.inputs.first_year
    # a pledge entered before the run, or in its first year, is the record's, which kept it beside the others: only one entered
    # in the run breaks an older pledge (the record's entries, all alike the earliest, are never the later side)
    later = entry if first is None else np.where(entry > first, entry, -(2**30))
    x = th_abrogation.incompatible_pledges(m, later, tp, tgt, enemies, lapse)
    # only a pledge to partners one can name is broken so: in a large treaty (one a member's exit does not unravel, Olson 1965)
    # one member's enemy is not the treaty's, and overlapping large treaties hold rivals side by side (Greece, Cyprus and
    # Turkey; Weitsman 2004)
    x &= (st["size"] <= int(p.unravel_max_members))[:, None]
    rows, who = np.nonzero(x)
    if prob < 1.0 and len(rows):
        keep = rng.random(len(rows)) < prob
        rows, who = rows[keep], who[keep]
    if not len(rows):
        return
    size = m[rows].sum(axis=1)
    details = None
    if world.inputs.explain:
        details = []
        for a, i in zip(rows.tolist(), who.tolist()):  # the few breaks of the year, for their explanation
            b = int(np.flatnonzero(conflict[:, a] & m[:, i] & (later[:, i] > later[a, i]))[0])
            aimed = bool(tgt[b] >= 0 and m[a, tgt[b]] and lapse[b] < th_cohesion.LABEL_THRESHOLD)
            foe = np.flatnonzero(m[b] & ~m[a] & enemies[m[a]].any(axis=0))
            details.append({"cause": "incompatible commitment", "factors": {
                "abrogating_member": int(world.inputs.ccode[i]), "later_pledge": int(ag.agreement_id[slots[b]]),
                "entered_later_pledge": int(entry[b, i]), "entered_this_pledge": int(entry[a, i]),
                "aimed_at_a_member": aimed, "members_enemy": int(world.inputs.ccode[foe[0]]) if len(foe) else None,
                "years_in_force": int(world.state.year - ag.start_year[slots[a]]),
                **({"probability": prob} if prob < 1.0 else {})}})  # the draw's chance, where the rule is not certain
    pair = size <= 2
    if pair.any():
        once, at = np.unique(rows[pair], return_index=True)  # one dissolution per treaty of two
        dissolve(world, slots[once], [details[k] for k in np.flatnonzero(pair)[at]] if details is not None else None)
    if (~pair).any():
        leave(world, slots[rows[~pair]], who[~pair], [details[k] for k in np.flatnonzero(~pair)] if details is not None else None)
        dissolve_if_deserted(world, np.unique(slots[rows[~pair]]), "too few members after exits")


def _give_notice(world: World, st: dict, renewal: np.ndarray, pos: np.ndarray) -> None:
    """At the end of a tacitly renewed term (ATOP ``proren`` 2) one member of each treaty ``st["slots"][pos]`` (more than two
    members) gives notice and leaves, the others staying allied under the renewed term (NATO's article 13: a party may cease to
    be one; Koremenos 2005): the member :func:`foedus.theory.persistence.abrogating_member` names, the one least threatened by
    the treaty's founding threat now. Logged as an ``"exit"`` with the cause "term expired"; a treaty left with fewer than two
    members ends."""
    ag = world.state.agreements
    slots = st["slots"][pos]
    who, stake, moved = _abrogation(world, slots, np.zeros(len(slots), dtype=bool))
    details = None
    if world.inputs.explain:
        p_, yrs = renewal[pos].tolist(), (world.state.year - ag.start_year[slots]).tolist()
        term = [None if t != t else t for t in ag.renewal_years[slots].tolist()]
        details = [{"cause": "term expired", "factors": {"renewal_probability": p_[k], "automatic_renewal": True, "term_years": term[k],
                                                         "years_in_force": yrs[k], "member_founding_threat": None if s_ != s_ else s_,
                                                         "member_share_change": v}}
                   for k, (s_, v) in enumerate(zip(stake.tolist(), moved.tolist()))]
    leave(world, slots, who, details)
    dissolve_if_deserted(world, slots, "too few members after exits")


def _abrogation(world: World, slots: np.ndarray, by_power: np.ndarray, regime_shift=None, by_regime=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The member of each treaty ``slots`` that abrogates it (:func:`foedus.theory.persistence.abrogating_member`: for a
    regime change, ``by_regime``, the member whose regime moved most, ``regime_shift`` (N,)), its founding threat's threat
    to that member now (NaN without one) and its change of capability share among the members."""
    ag = world.state.agreements
    m = ag.members[slots]
    tgt = ag.target[slots]
    stake = np.where((tgt >= 0)[:, None], world.results.threat[:, np.maximum(tgt, 0)].T, np.nan)
    now = np.where(m, world.state.power[None, :], 0.0)
    then = np.where(m, ag.power_start[slots], 0.0)
    share = lambda p: p / np.maximum(p.sum(axis=1, keepdims=True), 1e-300)  # noqa: E731
    moved = np.abs(share(now) - share(then))
    who = th_persistence.abrogating_member(m, stake, moved, by_power, regime_shift, by_regime)
    rows = np.arange(len(slots))
    return who, stake[rows, who], moved[rows, who]


def _hazard_details(world: World, st: dict, terms: np.ndarray, institutional: np.ndarray, ending: np.ndarray, cause_k: np.ndarray) -> list[dict]:
    """The explanation of each ending ``ending`` (positions in ``st["slots"]``): its cause, every term and factor of its hazard."""
    ag = world.state.agreements
    gone = st["slots"][ending]
    hazard = terms.sum(axis=0)
    full = np.vstack([terms, np.zeros((len(DISSOLUTION_CAUSES) - len(terms), terms.shape[1]))])  # terms of the causes given, 0 for the rest
    zero = np.zeros(len(hazard))
    cols = (hazard, st["cohesion"], st["rho"], st["competition"], st["similarity"], st["capability_change"], st["threat_lapse"],
            st.get("realignment", zero), st.get("regime_change", zero), *full)
    hz, co, th, ec, rs, cc, lapse, realigned, regime, t_coh, t_pow, t_base, t_gone, t_re, t_rg, t_tw = (c[ending].tolist() for c in cols)
    adapted = st.get("threat_lapse_adapted", st["threat_lapse"])[ending].tolist()  # what the 'threat gone' term counted
    within = st["within"][ending] if "within" in st else np.zeros((len(ending), world.n), bool)
    fearing = [world.inputs.ccode[np.flatnonzero(r)].tolist() for r in within]  # members whose main threat is a fellow member
    tether = [st["tether"][e][r].tolist() for e, r in zip(ending.tolist(), within)] if "within" in st else [[] for _ in fearing]
    cause = th_cohesion.dissolution_label(cause_k, th_cohesion.cohesion_retained(st["cohesion"][ending], ag.cohesion_start[gone]),
                                          st["threat_lapse"][ending], st["regime_change"][ending] if "regime_change" in st else None)
    c0 = ag.cohesion_start[gone].tolist()
    tgt = ag.target[gone]
    target = np.where(tgt >= 0, world.inputs.ccode[np.maximum(tgt, 0)], -1).tolist()  # -1: none named, or not in the world
    t_now = np.where(np.isnan(st["target_threat"][ending]), None, st["target_threat"][ending]).tolist()
    t0 = np.where(np.isnan(ag.target_threat_start[gone]), None, ag.target_threat_start[gone]).tolist()
    bt = ag.betrayal[gone].tolist()
    jd = st["joint_democracy"][ending].astype(bool).tolist()
    kept = th_cohesion.cohesion_retained(st["cohesion"][ending], ag.cohesion_start[gone]).tolist()
    dem, tp = st["democracy"][ending].tolist(), st["third_party"][ending].astype(bool).tolist()
    inst_l = institutional[ending].tolist()
    atop_i = (ag.institutionalised[gone] / 2.0).tolist()
    integ = ag.integration[gone].tolist()
    mot = [None if np.isnan(v).any() else dict(zip(MOTIVES, v)) for v in ag.motives[gone].tolist()]
    held = st["institutional_hold"][ending].tolist() if "institutional_hold" in st else None  # the institutions' damping, when on
    out = [
        {
            "cause": cause[k],
            "motives_at_formation": mot[k],  # None: not known (in force at the start, or scheduled)
            "factors": {
                "hazard": hz[k],
                "hazard_cohesion_lost": t_coh[k],
                "hazard_power_shifted": t_pow[k],
                "hazard_treaty_lapsed": t_base[k],
                "hazard_threat_gone": t_gone[k],
                "hazard_realigned": t_re[k],
                "hazard_regime_changed": t_rg[k],
                "hazard_threat_within": t_tw[k],
                "members_fearing_a_member": fearing[k],  # whose main threat is a fellow member (Leeds & Savun 2007, Walt 1997)
                "tether": tether[k],  # of each, the share a treaty of more than two against a common adversary holds it (Weitsman 2004)
                "realignment": realigned[k],  # 1: a member has allied with an outsider since (Leeds & Savun 2007)
                "regime_change": regime[k],  # a member's recent regime change, 0-1
                "threat_lapse": lapse[k],
                "threat_lapse_adapted": adapted[k],  # the lapse the institutions did not absorb (Wallander 2000): what the term counts
                "founding_threat": None if target[k] < 0 else target[k],
                "founding_threat_now": t_now[k],
                "founding_threat_at_start": t0[k],
                "cohesion": co[k],
                "cohesion_at_start": c0[k],
                "cohesion_retained": kept[k],  # 1 - the cohesion lost since signature: what the 'cohesion lost' term counts
                "common_threat": th[k],
                "economic_competition": ec[k],
                "regime_similarity": rs[k],
                "joint_democracy": jd[k],
                "democratic_commitment": dem[k],  # the least democratic member's regime: damps every term (Gaubatz 1996)
                "third_party_purpose": tp[k],  # a defence or offence pledge: False, no 'threat gone' term
                "capability_change": cc[k],
                "betrayal": bt[k],
                "institutionalisation": atop_i[k],  # ATOP's military institutionalisation, halved
                "institutional_assets": inst_l[k],  # what protected the treaty: the larger of it and the integration
                "integration": integ[k],  # general assets: the share of institutional protection from the threat's lapse
            },
        }
        for k in range(len(gone))
    ]
    if held is not None:  # every term but 'threat gone' was multiplied by it (politics.alliance_politics)
        for d, h in zip(out, held):
            d["factors"]["institutional_hold"] = h
    return out


def leave(world: World, slots: int | np.ndarray, members: int | np.ndarray, details: Any = None, *, unravel: bool = True) -> None:
    """States ``members[k]`` leave agreements ``slots[k]`` this year; log an ``"exit"`` event for each.

    Pairs must be distinct and current memberships. Their spells close and this year becomes
    their last exit (no rejoining the same year). ``details``: one dict per exit, one for all,
    or None. The caller ends an agreement that this leaves too small (:func:`dissolve_if_deserted`); an alliance of at
    most ``unravel_max_members`` members that keeps two or more ends here for all, "unravelled" (:func:`_unravel`), unless
    ``unravel`` is False: a state that leaves the system did not withdraw (Olson's unravelling is a member's defection), and
    the successors that took its seats this year continue its treaties (ATOP; :func:`foedus.sim.steps.system.succeed`).
    """
    ag = world.state.agreements
    slots = np.atleast_1d(np.asarray(slots, dtype=np.intp))
    members = np.atleast_1d(np.asarray(members, dtype=np.intp))
    left = np.unique(slots)
    before = member_counts(ag.members, left)[1]
    top = th_principals.largest_share(ag.members[left], world.state.power)
    ag.leave_many(slots, members, world.state.year, last_exit=True)
    world.log.events(world.state.year, "exit", ag.agreement_id[slots], world.inputs.ccode[members], -1, details)
    if unravel:
        _unravel(world, left, before, top)


def _unravel(world: World, slots: np.ndarray, before: np.ndarray, top: np.ndarray) -> None:
    """End for all the alliances ``slots`` that a departure left with two members or more out of at most
    ``unravel_max_members``, none of which held ``unravel_privileged_share`` of the members' capability ``top``
    (:func:`foedus.theory.unravelling.unravels`; Olson 1965), cause "unravelled"."""
    ag = world.state.agreements
    p = world.inputs.params
    after = member_counts(ag.members, slots)[1]
    alliance = (ag.kind[slots] == AGREEMENT_KINDS.index("alliance")) & (ag.domain[slots] == SECURITY) & ag.active[slots]
    end = alliance & th_unravelling.unravels(before, after, top, max_members=int(p.unravel_max_members), privileged_share=float(p.unravel_privileged_share))
    if not end.any():
        return
    gone = slots[end]
    details = None
    if world.inputs.explain:
        years = (world.state.year - ag.start_year[gone]).tolist()
        details = [{"cause": "unravelled", "factors": {"members_before": b, "members_left": a, "largest_capability_share": t, "years_in_force": y}}
                   for b, a, t, y in zip(before[end].tolist(), after[end].tolist(), top[end].tolist(), years)]
    dissolve(world, gone, details)


def leave_nonstate(world: World, slot: int, actors: np.ndarray, details: Any = None) -> None:
    """Non-state actors ``actors`` (firms, NGOs; indices into ``world.inputs.nonstate_ids``) leave agreement ``slot`` this year.

    The non-state counterpart of :func:`leave`, called by the cyber step (brief T3; a firm or NGO
    leaves a cyber alignment whose value or camp it no longer shares). Their spells close and one
    ``"exit"`` event is logged per actor; the events table names states only, so its ``ccode``
    is the actor's home state (empty without one) and ``details`` (one dict per actor) names the
    actor itself. The caller ends an alignment that this leaves with fewer than two actors.
    """
    actors = np.atleast_1d(np.asarray(actors, dtype=np.intp))
    world.state.agreements.leave_nonstate(int(slot), actors, world.state.year)
    home = world.inputs.nonstate_home[actors]
    world.log.events(world.state.year, "exit", world.state.agreements.agreement_id[slot], np.where(home > 0, home, -1), -1, details)
