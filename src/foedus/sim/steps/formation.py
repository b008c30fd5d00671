"""The costs of commitments and the writing of new pacts (brief A2, P1, P2, F5), for :mod:`.alignment`.

One cost rule (:func:`pact_cost`, i.e. :func:`foedus.theory.obligations.commitment_cost`) for
pairing, joining, voting on a candidate and staying: the commitment's strength times the base
cost of allying (growing with the state's commitments net of its commitment capacity, Snyder
1984), the risk of defending the partner (with the capability one can carry to it) and, for a
pledge of protection, the autonomy term of Morrow's (1991) exchange on both sides (the weak side
concedes autonomy, the strong side gains concessions; nothing is clipped), plus the cost of
signing a treaty. New pacts take one of the forms of :data:`foedus.theory.obligations.PACT_FORMS`
(offence included); a pair's pact is joined in its first year by the states that share what the pair stands against
and that every member accepts (:func:`cofounders`; Hart & Kurz 1983), and a treaty so founded admits members while a
bilateral one is closed. Every pact is logged with each founding member's values, goods, costs, motives, main threat, target.
"""

from __future__ import annotations

import sys

import numpy as np

from foedus.sim.steps.alliances_view import security_alliances
from foedus.sim.steps._common import ALLIANCE, MOTIVES
from foedus.sim.steps import alignment_kernels as align_kern
from foedus.sim.steps import cofounder_kernels
from foedus.sim.steps.concessions import concession_reach, refresh_autonomy  # noqa: F401 (formation's names for them)
from foedus.sim.steps.concessions import pair_autonomy as _pair_autonomy
from foedus.sim.steps.concessions import pair_autonomy_terms as _pair_autonomy_terms
from foedus.sim.steps.founders import _founder_details, _join_founders
from foedus.sim.steps.intentions_record import _regime_restarts, entry_years, record_years  # noqa: F401 (formation's names for them)
from foedus.sim.steps import year_goods
from foedus.sim.steps.conflict import defence_pairs  # noqa: F401 (formation's name for it: unread_pairs reads it here)
from foedus.sim.steps.neutrality import stays_out
from foedus.sim.steps.pact_war_risk import _live_pairs, _onset_terms, _war_risk, _war_risk_computed  # noqa: F401 (formation's names for them)
from foedus.sim.steps.settlement import settlement_goods, settlement_pairs
from foedus.sim.steps.pair_value import consulted_goods, given_reassurance, ruler_goods, ruler_pairs_factor, ruler_sphere_factor, shared_reassurance
from foedus.sim.steps.threat import main_threat_codes, main_threat_of, threat_terms
from foedus.sim.steps.unread_pairs import unread_pairs
from foedus.sim.world import World
from foedus.theory import commitment_share as th_cs
from foedus.theory import consent as th_consent
from foedus.theory import obligations as th_ob
from foedus.theory import offence as th_offence
from foedus.theory import pledge_kernels as pledge_kern
from foedus.theory import reassurance as th_reassure
from foedus.theory.capability import asymmetric_capabilities, commitment_strength


FORMS = tuple(th_ob.PACT_FORMS)
"""The forms a new pact takes (:data:`foedus.theory.obligations.PACT_FORMS`), in the order of the option arrays."""
FORM_OBLIGATIONS = np.stack([th_ob.pact_form(f) for f in FORMS])
"""(F, 5): each form's obligations."""
FORM_GOODS = th_ob.pact_goods(FORM_OBLIGATIONS)
"""(F, 4): the goods each form provides."""
FORM_COMMITMENT = commitment_strength(FORM_OBLIGATIONS)
"""(F,): each form's commitment strength."""
FORM_RISK = FORM_GOODS[:, 0] | FORM_GOODS[:, 4]
"""(F,): whether a form pledges to fight beside the partner (protection or aggrandisement), and so carries
the risk of defending it (:func:`foedus.theory.obligations.defence_burden`; entrapment, Snyder 1984)."""


def form_risk(world: World) -> np.ndarray:
    """(F,): the share of the risk of defending the partner each form carries in its cost (:func:`foedus.theory.commitment_share.defence_risk_share`
    at ``offence_defence_risk_share``): a defence pledge all of it, an offence pledge (joint action against one named target, not the
    partner's defence) its share, the others none. :data:`FORM_RISK` stays the forms that pledge to fight."""
    return th_cs.defence_risk_share(FORM_OBLIGATIONS, world.inputs.params.offence_defence_risk_share, check=False)


def form_entrapment(world: World) -> np.ndarray:
    """(F,): the share of the base cost of allying each form carries (:func:`foedus.theory.obligations.entrapment_share` at
    ``lesser_entrapment_share``): a pledge to fight or to stay out of the partner's wars (neutrality) all of it, a pledge of
    non-aggression or consultation its share."""
    return th_ob.entrapment_share(FORM_OBLIGATIONS, world.inputs.params.lesser_entrapment_share, check=False)


class ExchangeTerms:
    """What Morrow's (1991) exchange and the risk of defending make of every pair this year (P1, P2).

    ``autonomy`` (N, N): i's autonomy change in an exchange with j (:func:`_pair_autonomy`;
    zeros when ``autonomy_weight`` is 0, which switches the term off); ``log1p_autonomy`` its ``np.log1p`` (the compiled cost
    rule's term, once a year for the steps that weigh pledges); ``burden`` (N, N): the
    risk i takes on by defending j (:func:`foedus.theory.obligations.defence_burden`) plus ``defence_distance_burden`` times the loss of
    strength in defending it when i is the stronger (:func:`foedus.theory.obligations.projection_loss`: a far client costs its patron whatever its threat)."""

    def __init__(self, world: World):
        p = world.inputs.params
        n = world.n
        if p.autonomy_weight != 0:  # the autonomy and its log1p, kept between refreshes of the bargain (concessions.pair_autonomy_terms)
            self.autonomy, self.log1p_autonomy = _pair_autonomy_terms(world)
        else:
            self.autonomy = np.zeros((n, n))
            self.log1p_autonomy = np.log1p(self.autonomy)
        self.burden = th_ob.defence_burden(world.results.threat, world.state.power, reach=world.results.reach, check=world.inputs.check)
        if p.defence_distance_burden != 0 and world.results.reach is not None:  # the loss of strength in defending a far partner
            self.burden = self.burden + p.defence_distance_burden * th_ob.projection_loss(world.state.power, world.results.reach, patron=True, check=world.inputs.check)


def pact_cost(
    world: World, terms: ExchangeTerms, i: np.ndarray, j: np.ndarray, base: np.ndarray, commitment: np.ndarray, protection: np.ndarray, *, signing: bool = True,
    risk=None, entrapment=1.0,
) -> np.ndarray:
    """The one cost rule of a commitment, for pairing, joining, voting on a candidate and staying (P1, P2).

    :func:`foedus.theory.obligations.commitment_cost` of state ``i`` committing to ``j`` (a new
    partner; an alliance's leader when joining or staying; a candidate when voting on its
    accession), with ``base`` the base cost of allying (``alliance_cost * (1 + m_i) ** e * k ** e``:
    Snyder's entrapment grows with one's commitments, net of commitment capacity, and with the
    partners an option brings), ``commitment`` the pact's strength and, where the pact provides
    ``protection``, the autonomy change of Morrow's exchange (security for autonomy: the weak side
    concedes autonomy for the strong side's protection, Morrow 1991; a pledge of neutrality,
    non-aggression, consultation or offence buys no concessions) and the risk of defending ``j``
    (where ``risk``, by default ``protection``: a pledge to fight beside ``j``; an offence pledge its :func:`form_risk`).
    A new signature (``signing``: a new pact, an accession and the members' ratification of
    it) also pays ``treaty_cost``, the cost of negotiating and ratifying a treaty; staying in
    one does not (it is sunk). ``entrapment``: the share of ``base`` the pledge carries (:func:`form_entrapment`; 1 for a
    pledge to fight). Broadcasts over the index arrays; nothing is clipped.
    """
    p = world.inputs.params
    return th_ob.commitment_cost(
        base, commitment, terms.autonomy[i, j] * protection, autonomy_weight=p.autonomy_weight,
        burden=terms.burden[i, j] * (protection if risk is None else risk), burden_weight=p.defence_burden_weight, treaty_cost=p.treaty_cost if signing else 0.0,
        entrapment=entrapment, check=False,
    )


def norm_terms(world: World) -> tuple[float, float]:
    """What the renunciation of war does to this year's pledges: the conquest discount and the standing of non-aggression.

    :func:`foedus.theory.renunciation.conquest_discount` (it scales the value of an offence
    pledge and the attacker's side of a neutrality pledge) and
    :func:`foedus.theory.renunciation.nonaggression_standing` (it scales the reassurance of a
    non-aggression pledge), both of the norm's strength in ``world.state.year``
    (:func:`foedus.theory.renunciation.renunciation_of_war`: the Covenant 1920, the Kellogg-Briand
    Pact 1928, the UN Charter 1945).
    """
    terms = year_goods.norms(world)
    return terms[1], terms[2]


def offence_term(world: World) -> float:
    """The share of an offence pledge's value that the instruments leave it this year
    (:func:`foedus.theory.renunciation.offence_standing`: the Covenant art. 20 and the Charter art. 103 void
    engagements inconsistent with them, from the first instrument on), with strength ``offence_abrogation_strength``."""
    return year_goods.norms(world)[3]


def nuclear_deterred(world: World, value: np.ndarray | None) -> np.ndarray | None:
    """``value`` (N, N) of a pledge serving i's attack on its target (aggrandisement, isolation), 0 where the target holds nuclear
    weapons this year (:func:`foedus.theory.offence.nuclear_deterrence`; Jervis 1989: no war against a nuclear power can be won;
    the dates of :func:`foedus.data.nuclear.nuclear_armed`), with strength ``nuclear_deterrence_strength``. None stays None; strength
    0 leaves it whole."""
    s = world.inputs.params.nuclear_deterrence_strength
    if value is None or s == 0:
        return value
    target = year_goods.offence_target(world)
    return th_offence.nuclear_deterrence(value, target, year_goods.nuclear_armed(world), strength=s, check=world.inputs.check)


def norm_factors(world: World) -> dict[str, float]:
    """The terms of :func:`norm_terms` and :func:`offence_term` for an event's factors: the renunciation of war scales the value of
    aggrandisement, isolation and reassurance, so it is a term of every choice among forms, accessions and exits."""
    norm, discount, standing, offence = year_goods.norms(world)
    return {"renunciation_of_war": norm, "conquest_discount": discount, "nonaggression_standing": standing, "offence_standing": offence}


def reassurance_threat(world: World) -> np.ndarray | None:
    """The threat a pledge of non-aggression addresses this year, intentions at their posterior mean (None: the record's threat).

    :func:`foedus.theory.reassurance.expected_threat` of the perceived threat and the capability that
    reaches each state, with the prior ``nonaggression_prior`` weighted by
    :func:`~foedus.theory.reassurance.intentions_uncertainty` of the years the two states have been in
    the system together, or since the last change of either's regime (:func:`record_years`; decay ``intentions_decay_years``): a new state's
    intentions, and its neighbours' to it, cannot be read from a record yet (Kydd 2005; Lupu & Poast 2016).
    """
    p = world.inputs.params
    if p.nonaggression_prior == 0 or p.intentions_decay_years == 0:
        return None
    return year_goods.intentions(world, record_years(world))[1]  # computed once a year while its inputs are the same


def credible_goods(world: World, goods: np.ndarray, u: np.ndarray | None = None) -> np.ndarray:
    """``goods`` (5, N, N) with every pledge good scaled by the credibility of the partner's pledge (in place; returned).

    :func:`foedus.theory.reassurance.pledge_credibility` of this year's hostility, weight
    ``pledge_credibility_weight`` and minimum trust threshold ``trust_threshold`` (:func:`pledge_credibility`): a promise not to attack one from a state whose hostility shows
    it an expansionist is cheap talk (Kydd 2005), so non-aggression pacts between bitter rivals
    are worth little; and so is its promise to fight beside one: with ``u`` (the motives, (4, N, N)) the
    protection (its balancing part, F1-F2; bandwagoning and tethering, allying with a threat to appease or hold it, left whole) and the aggrandisement of an offence pledge are scaled
    alike (:func:`foedus.theory.reassurance.credible_pledges`, at the share ``credible_fighting_pledges``
    of the distrust; :func:`fighting_credibility`). A pledge of neutrality is left whole: it binds the partner in a war with a
    third state, and is kept when the partner has its own reasons to stay out (the isolation it
    buys itself, :func:`foedus.theory.offence.isolation`: Germany and the Soviet Union in 1939,
    Japan and the Soviet Union in 1941 were rivals). To the abstention good it adds, at that
    credibility, what a pledge of neutrality is worth while the partner's alignment cannot be read
    yet (:func:`unread_alignment`: a new state and its neighbours, Kydd 2005). Every choice that
    weighs these goods (new pacts, accessions, votes, exits) sees the same values.
    """
    w, shared, check = world.inputs.params.pledge_credibility_weight, world.inputs.params.reassurance_transfer_share > 0, world.inputs.check
    cred = pledge_credibility(world) if w > 0 else None  # asked once here (a year-cache hit compares the hostility)
    if w > 0 and (shared or check):
        goods[1] *= cred
    fear = consulted_goods(world, goods, cred, shared)  # a rival's talk conveys less (cheap talk); the fear before any payment (pacts16)
    if shared:  # the weak side pays for a strong one's pledge, in what it can use and can give (wave12)
        shared_reassurance(world, goods, concession_reach(world) * year_goods.pair_shares(world).T)  # th_consent.pair_burden_shares, once a year
    fight = fighting_credibility(world, cred) if u is not None else None
    # fighting pledges at their credibility, the unread alignment's abstention, giving one's pledge (pair_value; the fear before any payment), settling
    # ... and a new state's tie to its former ruler (pair_value.ruler_goods: Lake 2009)
    return ruler_goods(world, settlement_goods(world, given_reassurance(world, align_kern.credible_terms(goods, cred, w > 0 and not (shared or check), u, fight, unread_alignment(world), check=check), fear)))


def fighting_credibility(world: World, credibility: np.ndarray | None = None) -> np.ndarray | None:
    """(N, N) the credibility of a partner's pledge to fight beside one, ``1 - s (1 - c)`` with ``c`` :func:`pledge_credibility` and
    ``s`` ``credible_fighting_pledges`` (None where either is off: every such pledge believed). :func:`credible_goods` scales the
    protection and aggrandisement goods by it, and the protection of joining a treaty (:func:`credible_protection`).
    ``credibility``: this year's :func:`pledge_credibility` where the caller holds it already."""
    p = world.inputs.params
    if p.pledge_credibility_weight == 0 or p.credible_fighting_pledges == 0:
        return None
    c = pledge_credibility(world) if credibility is None else credibility
    s = p.credible_fighting_pledges
    # asked up to three times a year of the year's one credibility (read-only, of the year cache): kept while the same object
    hit = world.cache.get("fighting_credibility")
    if hit is not None and hit[0] is c and hit[1] == s and not c.flags.writeable:
        return hit[2]
    out = 1.0 - s * (1.0 - c)
    if isinstance(c, np.ndarray) and not c.flags.writeable:
        out.flags.writeable = False
        world.cache["fighting_credibility"] = (c, s, out)
    return out


def _kept(u: np.ndarray) -> np.ndarray:
    """(N, N) the part of the protection that does not rest on the partner's pledge to fight: bandwagoning and tethering (F3, F4)."""
    return u[MOTIVES.index("bandwagon")] + u[MOTIVES.index("tether")]


def credible_protection(world: World, u: np.ndarray) -> np.ndarray:
    """(N, N) the protection of the motives ``u`` (4, N, N) (joining a treaty: :func:`foedus.theory.alignment.accession_motives`,
    no tethering) at :func:`fighting_credibility` (:func:`foedus.theory.reassurance.credible_pledges`, bandwagoning whole): a rival
    member's pledge to defend the newcomer is worth to it what the newcomer believes of it (Kydd 2005)."""
    total = u.sum(axis=0)
    fight = fighting_credibility(world)
    if fight is None:
        return total
    return th_reassure.credible_pledges(total, _kept(u), 0.0, fight, check=False)[0]  # no aggrandisement (its part unused)


def defence_pledges(world: World) -> np.ndarray:
    """(N, N) bool ``[j, k]``: j is pledged to defend k (the two share a security alliance in force with a defence obligation)."""
    ag = world.state.agreements
    # kept until the agreements change (their version): asked at each unread_alignment; not to be written into (left writeable so
    # the compiled kernel that reads it keeps its one signature)
    hit = world.cache.get("defence_pledges")
    if hit is not None and hit[0] is ag and hit[1] == ag.version and hit[2].shape == (world.n, world.n):
        return hit[2]
    slots, rows, _, _ = security_alliances(world)  # alliance_view of the security alliances, as the step's view reads them (one call a version)
    if not len(slots):
        out = np.zeros((world.n, world.n), bool)
    else:  # OBLIGATIONS[0]: defence; the pairs of members of such an alliance ((m.T @ m) > 0 off the diagonal, compiled: booleans)
        out = align_kern.defence_pairs(rows, ag.obligations[slots, 0].astype(bool))
    world.cache["defence_pledges"] = (ag, ag.version, out)
    return out


def unread_alignment(world: World) -> np.ndarray | None:
    """(N, N) what a pledge of neutrality is worth this year while the partner's alignment cannot be read yet (None: the term is off).

    ``unread_alignment_weight`` times :func:`foedus.theory.reassurance.unread_alignment` of the expected threat
    (:func:`reassurance_threat`), the capability that reaches each state and the prior's weight on the pair's
    intentions (:func:`foedus.theory.reassurance.intentions_uncertainty` of the years the two have been in the system
    together): a new state, and its neighbours to it, do not know whether the other would join an attack on it, and a
    pledge not to aid an attacker removes that contingency (Kydd 2005); a partner pledged to defend the state's main
    threat (:func:`defence_pledges`) cannot give it (Snyder 1997), and the pledge is worth the chance of that war
    (``war_risk`` of :func:`abstention_terms`, as the abstention good). :func:`credible_goods` adds it to the
    abstention good, at the credibility of the partner's pledge. 0 between old members.
    """
    p = world.inputs.params
    if p.unread_alignment_weight == 0 or p.nonaggression_prior == 0 or p.intentions_decay_years == 0 or world.results.reach is None:
        return None
    u, expected = year_goods.intentions(world, record_years(world))  # as reassurance_threat's (computed once a year)
    defends, war_risk = defence_pledges(world), abstention_terms(world)["war_risk"]
    reach, power, active = world.results.reach, world.state.power, world.state.active

    def compute():
        out = pledge_kern.unread_alignment(  # th_reassure.unread_alignment compiled, equal to the bit
            expected, reach, power, u, prior=p.nonaggression_prior, defends=defends, war_risk=war_risk,
        )
        if out.dtype != np.float64 or out.ndim != 2 or active.dtype != np.bool_ or active.shape != out.shape[:1]:
            return (p.unread_alignment_weight * out) * (active[:, None] & active[None, :])
        align_kern.in_system_scaled(out, float(p.unread_alignment_weight), active)  # the weight and both sides in the system, in one pass
        return out

    def cached():
        return world.year_cache.get(
            world.state.year, "unread_alignment", compute, expected=expected, reach=reach, power=power, uncertainty=u, defends=defends, war_risk=war_risk,
            active=active, weight=float(p.unread_alignment_weight), prior=float(p.nonaggression_prior),
        )

    # asked twice a year or more (credible_goods, form_alliances' explanation): computed again only when an input moved (issue 16);
    # within the alignment step, which writes neither the reach, the capabilities nor who is in the system, while the year's
    # intentions, defence pledges (their agreements' version) and war risk are the same objects
    return year_goods.step_held(world, "unread_alignment", compute, cached, expected, u, defends, war_risk)


def pledge_credibility(world: World) -> np.ndarray:
    """(N, N) :func:`foedus.theory.reassurance.pledge_credibility` of this year's hostility with weight ``pledge_credibility_weight``
    and Kydd's (2005) minimum trust threshold ``trust_threshold``: the one credibility of every choice and explanation."""
    return year_goods.pledge_credibility(world)  # computed once a year (foedus.sim.yearcache)


def abstention_terms(world: World) -> dict[str, np.ndarray]:
    """The keyword arguments ``war_risk``, ``target`` and ``credibility`` of :func:`foedus.theory.obligations.obligation_goods` this year.

    ``war_risk[i, k]``: :func:`foedus.theory.offence.war_expectation` of the pair's annual war-onset
    hazard (:func:`foedus.theory.war_onset.war_onset_hazard` of :func:`.conflict.onset_covariates`,
    the model the conflict step draws wars from: Bremer 1992) over ``abstention_horizon`` years; 0
    for pairs not politically relevant (never at risk there), 1 for pairs at war. A neutrality
    pledge is worth the war it keeps the partner out of times the chance of that war (Leeds et al.
    2002; Fearon 1997), so it is dear among the great powers of 1816-1914 and cheap where nuclear
    deterrence, the democratic peace and the norm against conquest make that war unlikely.
    ``credibility``: :func:`foedus.theory.reassurance.pledge_credibility` (Kydd 2005), the share
    of a partner's promise to stay out of one's war that one believes (weight ``pledge_credibility_weight``).
    Cached for the year while the agreements are unchanged (the defence-pact term of the hazard).
    """
    p = world.inputs.params
    n = world.n
    key = (world.state.year, world.state.agreements.version, n)
    hit = world.cache.get("abstention_terms")
    if hit is not None and hit[0] == key:
        return hit[1]
    cred = pledge_credibility(world) if p.pledge_credibility_weight > 0 else np.ones((n, n))
    out = {"war_risk": _war_risk(world), "target": year_goods.offence_target(world), "credibility": cred}
    world.cache["abstention_terms"] = (key, out)
    return out


def commitment_capacity(world: World) -> np.ndarray:
    """How many commitments a state carries for the price of one: ``max(1, sqrt(p_i / median p))``.

    Entrapment grows with the number of one's commitments (Snyder 1984), but a great power can
    honour more of them than a small state: the United States keeps dozens of treaty allies.
    """
    pw = world.state.power
    n = len(pw)
    half = np.partition(pw, ((n - 1) // 2, n // 2))  # the median without np.median's overhead
    med = 0.5 * (float(half[(n - 1) // 2]) + float(half[n // 2]))
    return np.maximum(1.0, np.sqrt(pw / med)) if med > 0 else np.ones(n)


def form_alliances(
    world: World, i: np.ndarray, j: np.ndarray, form: np.ndarray, dec_i: np.ndarray, dec_j: np.ndarray, value: np.ndarray, cost: np.ndarray, goods: np.ndarray,
    founders: list | None = None, terms: ExchangeTerms | None = None,
) -> None:
    """New bilateral pacts between ``i[k]`` (proposer) and ``j[k]`` of form ``FORMS[form[k]]``, logged with both sides' terms (F5).

    ``dec_i``, ``dec_j`` (K, 4) are each side's motive decomposition of the pact's value
    (:func:`foedus.theory.obligations.motive_decomposition`), ``value`` and ``cost`` (K, 2) each
    side's value of the pact and its cost (:func:`pact_cost`), ``goods`` (K, 2, 5) each side's value
    of each good the pact provides (:data:`foedus.theory.obligations.GOODS`; those the pair's pacts
    did not provide already); the founding motives are the mean of the two sides'. Each side's
    target (:func:`foedus.theory.offence.offence_target`, the ccode, -1 for none) is logged with
    its goods. ``founders`` (optional, one entry per pact): the further founding members of
    :func:`cofounders` (indices, values, costs, goods), who sign in the same year; a treaty so
    founded is multilateral and admits members (ATOP's multilateral treaties without a coded
    provision, :func:`foedus.theory.obligations.admits_members`). A bilateral pact is closed to
    accession (``admits`` False). ``terms``: the step's :class:`ExchangeTerms`, whose ``autonomy`` the explanation reads.
    """
    if not len(i):
        return
    ag = world.state.agreements
    y = world.state.year
    pairs = np.stack([i, j], axis=1)
    pw = world.state.power[pairs]
    motives = 0.5 * (dec_i + dec_j)
    hi, lo = pw.max(axis=1), pw.min(axis=1)
    asym = asymmetric_capabilities(hi, lo)
    slots = ag.add_pairs(
        pairs,
        y,
        kind=ALLIANCE,
        obligations=FORM_OBLIGATIONS[form],
        asymmetric=asym,
        leader=np.where(pw[:, 0] >= pw[:, 1], i, j),
        wartime=world.state.at_war[i].any(axis=1) | world.state.at_war[j].any(axis=1),
        motives=motives,
        power=pw,
    )
    extra = _join_founders(world, slots, founders)
    if not world.inputs.explain:
        world.log.events(y, "formation", ag.agreement_id[slots], world.inputs.ccode[i], world.inputs.ccode[j])
        return
    # plain Python values for the details (one conversion per array, not per value)
    ci, cj = world.inputs.ccode[i].tolist(), world.inputs.ccode[j].tolist()
    pi, pj = pw[:, 0].tolist(), pw[:, 1].tolist()
    mot, mi, mj = motives.tolist(), dec_i.tolist(), dec_j.tolist()
    ui, uj = value[:, 0].tolist(), value[:, 1].tolist()
    ki, kj = cost[:, 0].tolist(), cost[:, 1].tolist()
    entrap = form_entrapment(world)[form].tolist()  # the share of the base cost of allying the form carried in both sides' costs
    ti, tj = main_threat_codes(world, i), main_threat_codes(world, j)  # None: no perceived threat
    between = np.maximum(world.results.threat[i, j], world.results.threat[j, i]).tolist()
    # what makes each side's main threat (Walt's terms with geography, :func:`..threat.threat_terms`)
    both = np.concatenate([i, j])  # both sides in one call (each pair's terms are its own row's: the same dicts as a call per side)
    terms_both = threat_terms(world, both, main_threat_of(world, both))
    terms_i, terms_j = terms_both[: len(i)], terms_both[len(i):]
    asym_l = asym.tolist()
    forms = [FORMS[f] for f in form.tolist()]
    auto_i, auto_j = _autonomy_lists(world, i, j, terms)
    target = year_goods.offence_target(world)  # theory.offence.offence_target of the year's hostility (the step's, asked before)
    code = np.append(world.inputs.ccode, -1)  # index -1: no target
    tg_i, tg_j = code[target[i]].tolist(), code[target[j]].tolist()
    gd = (goods * FORM_GOODS[form][:, None, :]).tolist()
    norm = norm_factors(world)
    credible = _credible_factors(world, i, j, target)  # the terms of credible_goods, per pact
    details = [
        {
            "motives": dict(zip(MOTIVES, mot[k])),
            "obligations": list(th_ob.PACT_FORMS[forms[k]]),
            "members": [
                {"ccode": ci[k], "power": pi[k], "motives": dict(zip(MOTIVES, mi[k])), "utility": ui[k], "cost": ki[k], "autonomy_change": auto_i[k], "main_threat": ti[k], "main_threat_terms": terms_i[k], "proposed": True,
                 "target": tg_i[k], "goods": dict(zip(th_ob.GOODS, gd[k][0]))},
                {"ccode": cj[k], "power": pj[k], "motives": dict(zip(MOTIVES, mj[k])), "utility": uj[k], "cost": kj[k], "autonomy_change": auto_j[k], "main_threat": tj[k], "main_threat_terms": terms_j[k], "proposed": False,
                 "target": tg_j[k], "goods": dict(zip(th_ob.GOODS, gd[k][1]))},
            ],
            "factors": {"form": forms[k], "threat_between": between[k], "asymmetric": asym_l[k], **credible[k], "entrapment_share": entrap[k], **norm},
        }
        for k in range(len(i))
    ]
    restarted = _regime_restarts(world)  # the restart's term of the reassurance goods (record_years), where it is on
    if restarted is not None:
        for k in range(len(i)):
            details[k]["factors"]["regime_changed"] = [restarted[i[k]], restarted[j[k]]]
    for k in extra:
        details[k]["members"] += _founder_details(world, founders[k], target)
        details[k]["factors"]["founders"] = 2 + len(founders[k][0])
        details[k]["factors"]["founding_rule"] = "unanimous consent in order of gain (Hart & Kurz 1983)"
    world.log.events(y, "formation", ag.agreement_id[slots], world.inputs.ccode[i], world.inputs.ccode[j], details)


def _credible_factors(world: World, i: np.ndarray, j: np.ndarray, target: np.ndarray) -> list[dict]:
    """Per pact ``(i[k], j[k])`` now written, the terms of :func:`credible_goods` each side's value read, for the explanation:
    ``pledge_credibility``, ``fighting_credibility`` (protection and aggrandisement), ``concession_counted`` (the share of the
    partner's concessions each side counts, :func:`concession_reach`), ``target_nuclear_armed`` (:func:`nuclear_deterred`'s term;
    ``target`` index -1: none), ``unread_alignment`` (the abstention term), ``settlement``, ``former_ruler`` and
    ``former_ruler_sphere`` (:func:`.pair_value.ruler_goods`), in that order (the events' bytes)."""
    n = world.n
    cred = pledge_credibility(world)
    cred_i, cred_j = cred[i, j].tolist(), cred[j, i].tolist()
    fight = fighting_credibility(world)
    fi, fj = (fight[i, j].tolist(), fight[j, i].tolist()) if fight is not None else ([1.0] * len(i), [1.0] * len(i))
    reach_c = np.broadcast_to(concession_reach(world), (n, n)) if world.inputs.params.autonomy_weight != 0 else np.ones((n, n))
    ri, rj = reach_c[i, j].tolist(), reach_c[j, i].tolist()
    # the year's nuclear arms (data.nuclear.nuclear_armed of the codes, as nuclear_deterred read them this step: held, not looked up again)
    armed = np.append(year_goods.nuclear_armed(world) & (world.inputs.params.nuclear_deterrence_strength > 0), False)
    deter_i, deter_j = armed[target[i]].tolist(), armed[target[j]].tolist()
    unread = unread_pairs(world, np.concatenate([i, j]), np.concatenate([j, i]), sys.modules[__name__])
    un_i, un_j = (unread[: len(i)].tolist(), unread[len(i):].tolist()) if unread is not None else ([0.0] * len(i), [0.0] * len(i))
    settle = settlement_pairs(world, i, j)
    ruler, sphere = ruler_pairs_factor(world, i, j), ruler_sphere_factor(world, i, j)
    return [{"pledge_credibility": [cred_i[k], cred_j[k]], "fighting_credibility": [fi[k], fj[k]], "concession_counted": [ri[k], rj[k]],
             "target_nuclear_armed": [deter_i[k], deter_j[k]], "unread_alignment": [un_i[k], un_j[k]], "settlement": settle[k],
             "former_ruler": ruler[k], "former_ruler_sphere": sphere[k]} for k in range(len(i))]


def cofounders(
    world: World, terms: ExchangeTerms, goods: np.ndarray, shared_goods: np.ndarray, unit_cost: np.ndarray, main: np.ndarray, target: np.ndarray,
    i: np.ndarray, j: np.ndarray, form: np.ndarray,
) -> list:
    """The further founding members of each new pact of ``i[k]`` and ``j[k]`` of form ``FORMS[form[k]]``: per pact, (indices, values, costs, goods (S, 5), motives (S, 4)).

    Candidates are the states in the system, at war with neither founder, whose main threat is the
    proposer's (several states that share a main threat found one treaty together; Walt 1987); for
    an offence pact, whose target is the proposer's (:func:`foedus.theory.offence.offence_target`:
    a common adversary, Snyder 1997). ``main`` and ``target`` (N,) are each state's main threat and
    target this year. A candidate's value is that of an accession to the pair (the goods the pact
    provides from the two, aggregated by capability as :func:`foedus.theory.choice.join_utilities`,
    those its pacts already provide counting nothing); its cost the one rule :func:`pact_cost` of a
    commitment to the stronger founder with the base raised by ``2 ** commitment_exponent``. Each
    member accepts a candidate by the rule of the accession vote
    (:func:`foedus.theory.obligations.admission_votes`); who signs is
    :func:`foedus.theory.consent.founding_members` (unanimous consent, in order of gain).
    """
    p = world.inputs.params
    offence = FORM_GOODS[form, 4]
    common = np.where(offence, target[i], main[i])  # what the founders stand against
    theirs = np.where(offence[:, None], target[None, :], main[None, :])
    ok = world.state.active[None, :] & (theirs == common[:, None]) & (common >= 0)[:, None] & ~world.state.at_war[i] & ~world.state.at_war[j]
    ok &= ~(stays_out(world)[None, :] & FORM_RISK[form][:, None])  # a permanently neutral state co-founds no defence or offence pact (access7)
    k = np.arange(len(i))
    ok[k, i] = ok[k, j] = False
    ok[k, np.maximum(common, 0)] &= common < 0
    out = [_NONE] * len(i)
    c = np.flatnonzero(ok.any(axis=0))  # the candidates of some pact: their values, costs and votes alone (each entry its own pair's)
    if not len(c):
        return out
    ok = ok[:, c]
    pw = world.state.power[np.stack([i, j], axis=1)]
    w = pw / np.maximum(pw.sum(axis=1, keepdims=True), 1e-12)  # (K, 2): the founders' capability weights
    leader = np.where(pw[:, 0] >= pw[:, 1], i, j)
    # each open candidate's value of the pact (the goods of the two founders, weighed by capability, those its pacts provide counting
    # nothing), its cost (pact_cost of a commitment to the stronger founder, the base raised by 2 ** e) and both founders' votes on
    # it (th_ob.admission_votes, the rule of _signers): one compiled pass over the open pairs (.cofounder_kernels, numpy's bits)
    value, cost, keep = cofounder_kernels.cofounder_terms(
        i.astype(np.int64), j.astype(np.int64), c.astype(np.int64), np.ascontiguousarray(ok), goods, shared_goods, FORM_GOODS[form].astype(float), w,
        leader.astype(np.int64), unit_cost, float(2.0 ** p.commitment_exponent), FORM_COMMITMENT[form].astype(float), FORM_GOODS[form, 0].astype(float),
        form_risk(world)[form], terms.autonomy, terms.log1p_autonomy, terms.burden, main.astype(np.int64), float(p.autonomy_weight),
        float(p.defence_burden_weight), float(p.treaty_cost), form_entrapment(world)[form],
    )
    for e in np.flatnonzero(keep.any(axis=1)).tolist():  # the few pacts with candidates
        at = np.flatnonzero(keep[e])
        out[e] = _signers(world, terms, goods, shared_goods, unit_cost, main, np.array([i[e], j[e]]), w[e], c[at], value[e, at], cost[e, at], int(form[e]))
    return out


def _signers(world, terms, goods, shared_goods, unit_cost, main, founders, w, cand, value, cost, form):
    """The candidates ``cand`` who sign with ``founders`` (:func:`cofounders`), with their values, costs, goods and motives."""
    provided = FORM_GOODS[form].astype(float)
    voters = np.concatenate([founders, cand])
    v = np.einsum("gmc,g->mc", goods[:, voters[:, None], cand] * ~shared_goods[:, voters[:, None], cand], provided)
    c = pact_cost(world, terms, voters[:, None], cand[None, :], unit_cost[voters][:, None], FORM_COMMITMENT[form], float(FORM_GOODS[form, 0]), risk=float(form_risk(world)[form]),
                  entrapment=float(form_entrapment(world)[form]))
    approve = th_ob.admission_votes(v, c, main[voters][:, None] == cand[None, :], bool(FORM_GOODS[form, 0]))
    np.fill_diagonal(approve[2:], True)
    signs = th_consent.founding_members(value - cost, approve, check=False)
    sel = cand[signs]
    g_sel = ((goods[:, sel[:, None], founders] @ w) * provided[:, None]).T  # (S, 5): each signer's goods, aggregated by capability
    motives = th_ob.motive_decomposition((world.results.utilities[:, sel[:, None], founders] @ w).T, g_sel, FORM_GOODS[form][None, :])
    return sel, value[signs], cost[signs], g_sel, motives


_NONE = (np.zeros(0, np.intp), np.zeros(0), np.zeros(0), np.zeros((0, 5)), np.zeros((0, 4)))


def _autonomy_lists(world: World, i: np.ndarray, j: np.ndarray, terms: ExchangeTerms | None = None) -> tuple[list, list]:
    """Each side's autonomy change in Morrow's exchange of the pairs ``(i[k], j[k])`` (zeros when the term is off), as lists (issue 16: ``terms.autonomy`` where given)."""
    if world.inputs.params.autonomy_weight == 0:
        return [0.0] * len(i), [0.0] * len(i)
    a = _pair_autonomy(world) if terms is None else terms.autonomy
    return a[i, j].tolist(), a[j, i].tolist()
