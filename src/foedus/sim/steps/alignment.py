"""Step 4, alignment: states leave, form and join alliances (brief F1–F5, P1, P2).

The step itself: each year's utilities, members' exits, and the choices of the states that
reconsider (new pairs by mutual consent, accessions by the members' vote). What an option
costs and how a new pact is written down are in :mod:`foedus.sim.steps.formation`; the loops
over every option, vote and membership are compiled in :mod:`.alignment_kernels` (the same
numbers to the bit: ``tests/sim/test_alignment_kernels.py``).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps._common import MOTIVES
from foedus.sim.steps.dissolution import dissolve_deserted, leave
from foedus.sim.steps.formation import (
    FORM_COMMITMENT, FORM_GOODS, ExchangeTerms, abstention_terms, cofounders, commitment_capacity, form_entrapment, form_risk, credible_goods, fighting_credibility, form_alliances, norm_factors, norm_terms,
    nuclear_deterred, offence_term, pact_cost, pledge_credibility, reassurance_threat,
)
from foedus.sim.steps.exchange_year import exchange_terms
from foedus.sim.steps.alliances_view import _Alliances, _burden_shares, _institution, _kept_rows, _membership_values  # noqa: F401 (re-exported)
from foedus.sim.steps import accession_kernels as acc_kern
from foedus.sim.steps.accession_community import community as _community, qualified as _qualified
from foedus.sim.steps import alignment_kernels as kern
from foedus.sim.steps import year_goods
from foedus.sim.steps.neutrality import stays_out
from foedus.sim.steps.obligation_choice import offence_capacity
from foedus.sim.steps.threat import main_threat_of
from foedus.sim.world import World
from foedus.theory import alignment as th_align
from foedus.theory import choice as th_choice
from foedus.theory import consent as th_consent
from foedus.theory import obligations as th_ob
from foedus.theory import entrapment as th_entrapment
from foedus.theory import portfolio as th_portfolio


# the forms' goods, protection and risk as the compiled passes take them (floats)
_FORMS_F = FORM_GOODS.astype(float)
_FORM_PROT = FORM_GOODS[:, 0].astype(float)
_FORM_TERMS: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}


def _form_terms(world: World) -> tuple[np.ndarray, np.ndarray]:
    """:func:`~.formation.form_risk` and :func:`~.formation.form_entrapment` (F,), functions of two parameters alone: evaluated once
    per pair of their values (to the bit) and looked up (issue 16: four theory calls a year). Not to be written into (the compiled
    passes read them as the writable arrays they were: the kernels' signatures are the same)."""
    p = world.inputs.params
    key = (float(p.offence_defence_risk_share).hex(), float(p.lesser_entrapment_share).hex())
    hit = _FORM_TERMS.get(key)
    if hit is None:
        hit = _FORM_TERMS[key] = (form_risk(world), form_entrapment(world))
    return hit


def alignment(world: World, rng: np.random.Generator) -> None:
    """Forming, joining and leaving alliances (brief A2, F1–F5, P1, P2, P5).

    Utilities ``U[m, i, j]`` of allying with each state by motive come from
    :func:`foedus.theory.alignment.alignment_utilities` (F1 balancing power, F2 balancing
    threat incl. shared global threats, F3 bandwagoning of weak states, F4 tethering): they are
    the value of *protection*, what a defence pledge gives. A pact's value to a member is the
    sum of the goods its obligations provide (:func:`foedus.theory.obligations.obligation_goods`:
    protection, the reassurance of a non-aggression pledge, the abstention of a neutrality
    pledge (and the isolation of one's target it buys an attacker:
    :func:`foedus.theory.offence.isolation`), the transparency of consultation, the aggrandisement of an offence pledge against
    one's target: :func:`foedus.theory.offence.aggrandisement`), and its cost the one rule of
    :func:`~.formation.pact_cost` (Snyder's entrapment, Morrow's 1991 exchange on both sides,
    the risk of defending the partner, carried in each side's capability share of the pair's defence:
    :func:`_pair_burden`, Olson & Zeckhauser 1966), scaled by the pact's commitment strength.

    Each year a random share ``consider_rate`` of states reconsider. A state takes its best
    option by net value (:func:`_choose`; then, partner by partner, up to ``pacts_per_year``
    further new pacts of positive net value: :func:`foedus.theory.portfolio.portfolio_picks`): a new bilateral pact of one of the forms of
    :data:`foedus.theory.obligations.PACT_FORMS` with a state it is not already bound to as
    strongly, which needs the partner's consent by the same rule (:func:`_pairs`); or an
    accession to a treaty whose terms admit new members (ATOP ``proadd``; a bilateral treaty
    is closed), which needs the consent of its members -- each gaining from the candidate by the
    same rule; all of them (a share ``accession_share``, 1 by default: :func:`foedus.theory.consent.members_consent`,
    Morrow 1991) -- and the candidate to have no open territorial dispute with them
    (:func:`~foedus.theory.entrapment.accession_allowed`, P2). A permanently neutral state
    (``Actor.neutral``) forms and joins no defence or offence pact (:mod:`.neutrality`).

    Members reassess too (:func:`_exits`): treaties in force are kept by inertia, and a member
    leaves when its membership is worth less than its cost *and* less than when it entered
    (:func:`foedus.theory.obligations.inertia_exit_probability`; Leeds & Savun 2007). Every
    formation, accession and exit is logged with its motive decomposition and every term of its
    decision (F5).

    The terms the step's helpers ask for several times, of inputs the step does not write, are kept for the step after
    the first ask (:class:`.year_goods.held_for_step`).
    """
    with year_goods.held_for_step(world):
        _alignment(world, rng)


def _alignment(world: World, rng: np.random.Generator) -> None:
    """:func:`alignment`'s year (the step's terms held: :class:`.year_goods.held_for_step`)."""
    p = world.inputs.params
    u, total = year_goods.utilities(world)  # alignment_utilities, computed once a year for this step and blocs (foedus.sim.yearcache)
    world.results.utilities = u
    capacity = commitment_capacity(world)
    terms = exchange_terms(world)  # built once a year for this step and blocs (foedus.sim.yearcache)
    view = _Alliances(world, capacity)
    defends = view.shared_goods[0]  # [j, k]: j is pledged to defend k
    discount, standing = norm_terms(world)
    offence = offence_term(world)  # an offence pledge is an engagement the instruments void (Covenant art. 20, Charter art. 103)
    aggr = nuclear_deterred(world, year_goods.aggrandisement(world) if p.aggrandisement_weight * offence > 0 else None)  # Jervis 1989
    aggr = offence_capacity(world, aggr)  # a pledge of joint attack needs a great power in the pair (mix12: theory.offence.compellent_capacity)
    isolation = nuclear_deterred(world, year_goods.isolation(world, defends) * discount if p.abstention_weight > 0 else None)
    goods = th_ob.obligation_goods(
        total, world.results.threat, world.state.power, reach=world.results.reach, aggrandisement=aggr, isolation=isolation, defends=defends,
        weights=(1.0, p.reassurance_weight * standing, p.abstention_weight, p.transparency_weight, p.aggrandisement_weight * offence), check=world.inputs.check,
        reassurance_threat=reassurance_threat(world), **abstention_terms(world),
    )
    credible_goods(world, goods, u)  # a pledge from a sworn enemy, to stay out or to fight, is cheap talk (Kydd 2005)
    if _exits(world, rng, u, goods, view, terms):
        view = _Alliances(world, capacity, view)  # the threats and targets are this year's still
    considering = (rng.random(world.n) < p.consider_rate) & world.state.active  # states outside the system take no decision
    if not considering.any():
        return
    rows = considering.nonzero()[0]  # np.flatnonzero of a vector, without its two Python calls
    # joining a treaty counts no tethering (Weitsman 1997, 2004): its protection is F1-F3 only
    goods_join = np.empty_like(goods)
    goods_join[1:] = goods[1:]  # the other goods as they are; the protection (row 0) is written whole by _join_protection
    _join_protection(world, u, goods_join[0])  # a rival member's pledge to defend one is cheap talk too
    opt = _choose(world, rows, u, goods, view, terms, goods_join)
    rows = opt.rows  # a state pursuing several pacts (pacts_per_year > 1) appears once per option
    _pairs(world, rows, opt, u, goods, view, terms)
    _accessions(world, rows, opt, goods_join, view, terms, u)


def _join_protection(world: World, u: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Into ``out`` (N, N): :func:`~.formation.credible_protection` of :func:`foedus.theory.alignment.accession_motives` of ``u``,
    the protection of joining a treaty (no tethering) at the partner's fighting credibility, in one compiled pass
    (:func:`.alignment_kernels.join_protection`, to the bit: ``tests/sim/test_alignment_kernels.py``)."""
    fight = fighting_credibility(world)
    kern.join_protection(u, np.zeros((1, 1)) if fight is None else fight, fight is not None, out)
    return out


def _exits(world: World, rng: np.random.Generator, u: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms) -> bool:
    """Members leave treaties whose value fell below its cost and below its value at entry (P5; Leeds & Savun 2007); True when any left.

    A member's value is the goods its treaty's obligations provide, summed over its fellow
    members (:func:`_membership_values`); its cost ``exit_threshold`` times :func:`~.formation.pact_cost`
    of its commitment to the alliance's strongest other member, with the base cost raised by its
    entrapment and the risk of defending carried in its share of the alliance's power
    (:func:`foedus.theory.consent.burden_shares`, Olson & Zeckhauser 1966, as when it joined). It leaves with :func:`foedus.theory.obligations.inertia_exit_probability` at the
    rate ``exit_rate``, less the share ``institution_protection`` of the alliance's
    institutionalisation, and only when the membership falls short of its cost by more than ``abrogation_cost``, the
    standing a state that reneges loses (Gibler 2008; Crescenzi et al. 2012). The value at entry (``Agreements.value_start``) is measured at the
    first reassessment (for a treaty in force when the run starts, in its first year). In an alliance of three or
    more (an institution, not the exchange of two: :func:`_institution`) the member weighs what leaving forfeits, the
    share of its value at entry its general assets keep (:func:`foedus.theory.integration.retained_value`; Wallander
    2000), and the autonomy it concedes to the leader is bound by the institution's rules
    (:func:`foedus.theory.integration.bound_autonomy`; Ikenberry 2001).
    """
    p = world.inputs.params
    ag = world.state.agreements
    alliances = view.slots
    if not len(alliances):
        return False
    i_idx, a_idx, stay_m = _membership_values(ag, view, goods, world.state.year)
    slots = alliances[a_idx]
    keep, general = _institution(world, view, view.size >= 3)
    # the value at entry (measured at the first reassessment), the partner (the alliance's strongest other member), the base cost,
    # Morrow's autonomy change as the institution binds it and the risk of defending carried in the member's share of its alliance's
    # defence (Olson & Zeckhauser 1966), the exit rate less the institution's protection: one compiled pass (alignment_kernels)
    start, partner, base, da, burden, strength, rate = kern.exit_terms(
        i_idx, a_idx, stay_m, slots, ag.value_start, view.top[0], view.top[1], view.unit_cost, world.results.entrapment, view.goods,
        _burden_shares(world, view), ag.institutionalised, keep, view.commitment.astype(float), terms.autonomy, terms.burden,
        float(p.exit_threshold), float(p.exit_rate), float(p.institution_protection),
    )
    base = base * view.entrap[a_idx] if view.entrap_partial else base  # a lesser pledge's share of the base cost of staying (entrapment_share)
    # pact_cost unsigned, what leaving forfeits (integration.retained_value) and inertia_exit_probability, in their order (numpy's log1p)
    cost_m, kept_m, exit_p = kern.exit_draws(stay_m, start, base, np.log1p(da), burden, strength, rate, general, a_idx,
                                             float(p.autonomy_weight), float(p.defence_burden_weight), float(p.abrogation_cost))
    # who leaves (kept_m + abrogation_cost < cost_m, a draw below exit_p); the alliances left with fewer than two members
    go, gone = kern.leavers(kept_m + float(p.abrogation_cost), cost_m, rng.random(len(i_idx)), exit_p, a_idx, alliances, view.size)
    if not len(go):
        return False
    i_idx, a_idx, stay_m, cost_m, start, exit_p, slots, kept_m = i_idx[go], a_idx[go], stay_m[go], cost_m[go], start[go], exit_p[go], slots[go], kept_m[go]
    details = None
    if world.inputs.explain:
        dec = np.einsum("mkj,kj->km", u[:, i_idx, :], view.members[a_idx].astype(float))
        gv = np.einsum("gkj,kj->kg", goods[:, i_idx, :], view.members[a_idx].astype(float))
        dec = th_ob.motive_decomposition(dec, gv, view.goods[a_idx])
        # plain Python values for the details (one conversion per array, not per value)
        mot, val, cst, v0, pr, kept = dec.tolist(), stay_m.tolist(), cost_m.tolist(), start.tolist(), exit_p.tolist(), kept_m.tolist()
        coh, ent, aba = ag.cohesion[slots].tolist(), world.results.entrapment[i_idx].tolist(), world.results.abandonment[i_idx].tolist()
        auto = (terms.autonomy[i_idx, partner[go]] * keep[a_idx]).tolist()  # the exchange as the institution binds it
        inst = ag.institutionalised[slots].tolist()
        share_k = view.entrap[a_idx].tolist()  # the share of the base cost of staying the pledge carries (entrapment_share)
        norm = norm_factors(world)
        details = [
            {
                "cause": "membership no longer worth its cost",
                "motives": dict(zip(MOTIVES, mot[k])),
                "factors": {
                    "value": val[k], "value_at_entry": v0[k], "value_retained": kept[k], "cost": cst[k], "exit_probability": pr[k], "autonomy_change": auto[k],
                    "cohesion": coh[k], "entrapment": ent[k], "abandonment": aba[k], "institutionalisation": inst[k],
                    "entrapment_share": share_k[k], "abrogation_cost": float(p.abrogation_cost), **norm,
                },
            }
            for k in range(len(val))
        ]
    leave(world, slots, i_idx, details)
    dissolve_deserted(world, gone, "too few members after exits")
    return True


class _Options:
    """Each reconsidering state's options (:func:`_choose`): ``rows`` the state of each option (a state pursuing several
    pacts appears once per option, its best option first); ``kind`` 0 none, 1 a new pact, 2 an accession;
    ``target`` the partner or the alliance's position; ``form`` the new pact's form; ``value``, ``cost`` its value and cost."""

    def __init__(self, rows, kind, target, form, value, cost):
        self.rows, self.kind, self.target, self.form, self.value, self.cost = rows, kind, target, form, value, cost

    def extended(self, rows, target, form, value, cost) -> "_Options":
        """These options followed by further new pacts of the states ``rows``."""
        cat = np.concatenate
        return _Options(cat([self.rows, rows]), cat([self.kind, np.ones(len(rows), self.kind.dtype)]), cat([self.target, target]),
                        cat([self.form, form]), cat([self.value, value]), cat([self.cost, cost]))


def _choose(world: World, rows: np.ndarray, u: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms, goods_join: np.ndarray) -> _Options:
    """The best option of each state ``rows[r]`` by net value, value minus :func:`~.formation.pact_cost` (ties to the first; F5).

    New pacts: every form with every state it is not at war with and not already bound to at
    least as strongly (goods the pair's pacts already provide count nothing), that the partner
    would sign too by the same rule (the pair settles on the proposer's best form among those
    both gain from: complete information about each other's terms). Accessions: every
    treaty in force whose terms admit members, that it does not belong to and did not leave this
    year, of whose members' regions it is (:func:`foedus.theory.obligations.admissible`:
    terms of admission name the region's states) and whose members would admit it
    (:func:`_admitted`: complete information, as for a new pact's partner); its value is the goods the treaty provides,
    aggregated over the members by capability
    (:func:`foedus.theory.choice.join_utilities`), its cost that of a commitment to the leader
    with the base of :func:`foedus.theory.consent.candidate_base_cost` (its burden share of the k members' defence). Accessions and the members' votes
    weigh ``goods_join``, the goods with the protection of
    :func:`foedus.theory.alignment.accession_motives`, and of a treaty the goods
    ``view.join_goods`` (:func:`foedus.theory.choice.accession_goods`): no tethering toward
    joining a defence treaty (Weitsman 1997, 2004).

    The new pacts are weighed in one compiled pass (:func:`.alignment_kernels.best_pairs`, the
    cost rule and the values evaluated as ``pact_cost`` and numpy do, to the bit), the
    accessions by :func:`_best_accessions`; the option taken is the first maximum of the pacts
    (form by form, partner by partner) then the accessions, as ``np.argmax`` over them all.

    Further pacts (``pacts_per_year`` > 1): every other partner is an opportunity of its own, in
    which the state takes the best form (:func:`.alignment_kernels.best_forms_by_partner`); it
    pursues those of positive net value, the larger first, up to ``pacts_per_year`` pacts in all
    (:func:`foedus.theory.portfolio.portfolio_picks`: the dyad-year designs of Lai & Reiter 2000
    and Gibler & Wolford 2006, the portfolio of Morrow 1991 and Kimball 2010). The options
    returned list each state once per option (``_Options.rows``), its best option first.
    """
    p = world.inputs.params
    n = world.n
    f_count = len(FORM_COMMITMENT)
    risk, entrap = _form_terms(world)
    bar = stays_out(world)  # a permanently neutral state signs no defence or offence pact (access7: neutrality_bars), nor one out by policy (neutral11)
    # the new pacts: every form with every partner, in one compiled pass (alignment_kernels.best_pairs)
    args = (
        rows.astype(np.int64), goods, view.shared_goods, view.shared_commitment, view.unit_cost, terms.autonomy, _log1p_autonomy(world, terms),
        _pair_burden(world, terms), world.state.at_war, world.state.active, _FORMS_F, FORM_COMMITMENT, _FORM_PROT, risk, p.autonomy_weight, p.defence_burden_weight, p.treaty_cost,
        bar, entrap,  # entrap: the share of the base cost each form carries, a pledge to fight all of it (entrapment_share)
    )
    several = p.pacts_per_year > 1  # both passes over the options in one (alignment_kernels.pair_options)
    best, net, value, cost, *by_partner = kern.pair_options(*args) if several else kern.best_pairs(*args)
    if len(view.slots):
        best, net, value, cost = _best_accessions(world, rows, goods_join, view, terms, best, net, value, cost, f_count * n, bar=bar)
    chosen = net > 0
    pair = best < f_count * n
    kind = np.where(chosen, np.where(pair, 1, 2), 0)
    target = np.where(pair, best % n, best - f_count * n)
    form = np.where(pair, best // n, -1)
    opt = _Options(rows, kind, target, form, value, cost)
    if not several or not chosen.any():
        return opt
    # every partner an opportunity of its own: the best form with each (alignment_kernels.best_forms_by_partner), the larger net
    # values first (theory.portfolio)
    forms, nets, values, costs = by_partner
    done = np.zeros(nets.shape, bool)
    done[(kind == 1).nonzero()[0], target[kind == 1]] = True  # the best option's partner is dealt with
    r, j = th_portfolio.portfolio_picks(nets, limit=p.pacts_per_year - 1, exclude=done, check=False)
    return opt.extended(rows[r], j, forms[r, j], values[r, j], costs[r, j])


def _best_accessions(world: World, rows: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms, best, net, value, cost, offset: int,
                     bar: np.ndarray | None = None):
    """The accessions of :func:`_choose` against the best new pacts ``best``, ``net``, ``value``, ``cost`` (R,): the options' ``np.argmax``.

    Accession ``a`` is option ``offset + a``, open where the treaty admits members, the state is of
    a member's region, not a member, did not leave it this year, is not barred from it by permanent neutrality
    (:func:`foedus.theory.alignment.neutrality_bars`) and the members would admit it
    (:func:`_admitted`); its value and cost are computed for the open options only (each is a
    function of its own state and alliance: the same numbers as over all of them). The cost is that of a
    commitment to the leader whose entrapment in the k members' defence and burden of defending the leader
    the newcomer carries in its share of the enlarged alliance's power (:func:`foedus.theory.consent.candidate_base_cost`,
    :func:`foedus.theory.consent.newcomer_share`; Olson & Zeckhauser 1966, as the members' side of the vote), its autonomy
    concession bound by the institution it joins (:func:`_institution`, :func:`foedus.theory.integration.bound_autonomy`).
    ``bar``: :func:`.neutrality.stays_out` as :func:`_choose` asked it this step (asked again when not given).
    """
    p = world.inputs.params
    ag = world.state.agreements
    # open: the treaty admits members, the state is of a member's region (th_ob.admissible), not a member, did not leave it this
    # year, and a permanently neutral state joins no defence or offence treaty, nor one out by policy (th_align.neutrality_bars
    # of neutrality.stays_out); compiled (booleans)
    barred = th_align.neutrality_bars((stays_out(world) if bar is None else bar)[rows], view.goods)
    rr, aa = acc_kern.open_accessions(rows.astype(np.int64), view.members, view.slots.astype(np.int64), view.admits, year_goods.regions(world),
                                      len(th_ob.COW_REGIONS), ag.last_exit, int(world.state.year), barred)
    # an accession the members would refuse is no option (complete information, as for a new pact's partner)
    if len(rr):
        votes = _admitted(world, rows[rr], aa, goods, view, terms)
        view.memo["votes"] = (goods, terms, rows[rr] * len(view.slots) + aa, votes)  # for _accessions (_taken_votes)
        rr, aa = rr[(keep := votes[0])], aa[keep]
    if not len(rr):
        return best, net, value, cost
    if world.inputs.check:  # a run that checks its inputs takes the theory functions (the reference of the compiled passes)
        return _theory_accessions(world, rows, goods, view, terms, best, net, value, cost, offset, rr, aa)
    # the value of the open accessions only: join_utilities of the goods over the alliance's members by capability, the goods the treaty
    # provides, and the milieu, common: what each democratic member gains from the candidate's entry, the candidate gains from each of
    # them (theory.consent.milieu_value; Wolfers 1962; Kydd 2001, Pevehouse 2005: the new democracies of Central Europe joined to anchor
    # their regimes), in a protective treaty only. One compiled pass over the open pairs (accession_kernels.accession_values, the theory
    # functions' and numpy's sums to the bit: tests/sim/test_accession_kernels.py)
    j_value = acc_kern.accession_values(rows[rr].astype(np.int64), aa.astype(np.int64), np.ascontiguousarray(view.members), goods,
                                        np.ascontiguousarray(view.join_goods), world.state.power, np.ascontiguousarray(world.state.regime, dtype=float),
                                        np.ascontiguousarray(world.inputs.proximity, dtype=float),
                                        float(p.milieu_weight))
    alliance_power = view.members[aa].astype(float) @ world.state.power  # the newcomer carries its share of the k members' defence
    # the newcomer's share of the enlarged alliance's defence (theory.consent.newcomer_share): its entrapment in the k members' defence
    # (the base cost, theory.consent.candidate_base_cost) and the burden of defending the leader, the members' common burden too, of which
    # it carries its share; the cost rule (pact_cost) of a commitment to the leader, the autonomy it concedes bound by the institution
    # (Ikenberry 2001); then np.argmax over the pacts and the accessions (shut ones -inf): an accession wins a strictly larger net
    # value, or the first NaN. One compiled pass (accession_kernels.accession_choice, the theory functions' and numpy's numbers to the
    # bit: tests/sim/test_accession_kernels.py), with numpy's k ** e and log1p
    lead = view.top[0]
    protect = view.goods[:, 0].astype(float)
    prot_keep = protect * _institution(world, view, view.size >= 2)[0]
    size_f = view.size.astype(float)
    cand = rows[rr]
    l1p = np.log1p(terms.autonomy[cand, lead[aa]] * prot_keep[aa])
    acc_kern.accession_choice(
        rr.astype(np.int64), aa.astype(np.int64), cand.astype(np.int64), lead.astype(np.int64), size_f, size_f ** p.commitment_exponent, view.unit_cost,
        world.state.power, alliance_power, view.commitment.astype(float), protect, prot_keep, view.entrap.astype(float), l1p, terms.burden,
        float(p.autonomy_weight), float(p.defence_burden_weight), float(p.treaty_cost), j_value, offset, len(view.slots), best, net, value, cost,
    )
    return best, net, value, cost


def _theory_accessions(world: World, rows: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms, best, net, value, cost, offset: int,
                       rr: np.ndarray, aa: np.ndarray):
    """:func:`_best_accessions`' values, costs and choice of the open accessions ``rr``, ``aa`` by the theory functions and numpy (a run
    that checks its inputs; the reference of :func:`.accession_kernels.accession_values` and :func:`.accession_kernels.accession_choice`)."""
    p = world.inputs.params
    # value and cost of the open accessions only: join_utilities over their states and alliances, the cost rule over the pairs
    r_used, r_at = _unique_inverse(rr, len(rows))
    a_used, a_at = _unique_inverse(aa, len(view.slots))
    join = th_choice.join_utilities(goods, view.members[a_used], aggregate="capability", power=world.state.power, states=rows[r_used], check=world.inputs.check)  # (5, R', A')
    j_value = np.einsum("gra,ag->ra", join, view.join_goods[a_used].astype(float))[r_at, a_at]
    # the milieu is common: what each democratic member gains from the candidate's entry, the candidate gains from each of them
    # (Wolfers 1962; Kydd 2001, Pevehouse 2005: the new democracies of Central Europe joined to anchor their regimes), in a protective treaty only
    milieu = th_consent.milieu_value(world.state.regime, world.inputs.proximity, view.members[aa], rows[rr], weight=p.milieu_weight).sum(axis=1)
    j_value = j_value + milieu * view.join_goods[aa, 0]
    alliance_power = view.members[aa].astype(float) @ world.state.power  # the newcomer carries its share of the k members' defence
    # the newcomer's share of the enlarged alliance's defence: its entrapment in the k members' defence (the base cost) and
    # the burden of defending the leader, the members' common burden too, of which it carries its share
    sigma = th_consent.newcomer_share(world.state.power[rows[rr]], alliance_power, view.size[aa])
    j_base = th_consent.candidate_base_cost(view.unit_cost[rows[rr]], view.size[aa], world.state.power[rows[rr]], alliance_power, exponent=p.commitment_exponent,
                                            share=sigma, check=world.inputs.check)
    protect = view.goods[aa, 0].astype(float)
    keep = _institution(world, view, view.size >= 2)[0][aa]  # the autonomy the newcomer concedes, as the institution binds it (Ikenberry 2001)
    j_cost = pact_cost(world, terms, rows[rr], view.top[0][aa], j_base, view.commitment[aa], protect * keep, risk=protect * sigma,
                       entrapment=view.entrap[aa])
    # np.argmax over the pacts then the accessions (shut ones -inf): an accession wins a strictly larger net value, or the first NaN
    r = len(rows)
    j_net = np.full((r, len(view.slots)), -np.inf)
    j_net[rr, aa] = j_value - j_cost
    j_best = j_net.argmax(axis=1)
    idx = np.arange(r)
    j_top = j_net[idx, j_best]
    acc = ~np.isnan(net) & ((j_top > net) | np.isnan(j_top))
    if acc.any():
        at = np.zeros((r, len(view.slots)), np.intp)
        at[rr, aa] = np.arange(len(rr))  # each open accession's position in rr, aa
        pos = at[idx[acc], j_best[acc]]
        best, net, value, cost = best.copy(), net.copy(), value.copy(), cost.copy()
        best[acc], net[acc], value[acc], cost[acc] = offset + j_best[acc], j_top[acc], j_value[pos], j_cost[pos]
    return best, net, value, cost


def _unique_inverse(x: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(x, return_inverse=True)`` of indices ``0 <= x < size`` (the same arrays) by a mask and its running count, without
    the sort (issue 16: asked three times a year of a few hundred positions)."""
    seen = np.zeros(size, bool)
    seen[x] = True
    return seen.nonzero()[0], (np.cumsum(seen) - 1)[x]


def _pair_burden(world: World, terms: ExchangeTerms) -> np.ndarray:
    """The risk ``B[i, j] * sigma[i, j]`` that i runs by a pledge to fight beside j in a new pact of the two (N, N).

    The risk of defending the partner (:func:`foedus.theory.obligations.defence_burden`) carried in i's share of the
    pair's common defence (:func:`foedus.theory.consent.pair_burden_shares`, Olson & Zeckhauser 1966; Morrow 1991: the
    strong side provides the security, the weak side pays in autonomy), as a newcomer carries its share of the
    members' defence when it joins a treaty (:func:`_best_accessions`) and a member its share when it stays
    (:func:`_exits`): one cost rule for pairing, joining and staying.
    """
    return year_goods.pair_burden(world, terms.burden)  # computed once a year while the terms and capabilities are the same


def _log1p_autonomy(world: World, terms: ExchangeTerms) -> np.ndarray:
    """``np.log1p(terms.autonomy)`` for the compiled cost rule: the year's terms carry it (built once a year with them, issue 16)."""
    return terms.log1p_autonomy


def _pairs(world: World, rows: np.ndarray, opt: _Options, u: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms) -> None:
    """New pacts among the states ``rows`` that chose one, with the partner's consent by the same rule (F5, P1).

    The partner gains when the pact's goods (those the pair's pacts do not already provide) are
    worth more to it than its own :func:`~.formation.pact_cost`; a pact proposed from both sides
    forms once, at its first proposer (with that proposer's form).
    """
    sel = (opt.kind == 1).nonzero()[0]
    if not len(sel):
        return
    i, j, f = rows[sel], opt.target[sel], opt.form[sel]
    fresh = ~view.shared_goods[:, j, i]  # (5, K)
    g_j = goods[:, j, i] * fresh
    v_j = (FORM_GOODS[f].T * g_j).sum(axis=0)
    # the partner's share of the pair's defence (_pair_burden): pair_burden_shares(power)[j, i], the same elementwise rule
    # (newcomer_share with an alliance of one) on the K proposals only
    sigma = th_consent.newcomer_share(world.state.power[j], world.state.power[i], np.ones(len(j)))
    c_j = pact_cost(world, terms, j, i, view.unit_cost[j], FORM_COMMITMENT[f], FORM_GOODS[f, 0].astype(float), risk=_form_terms(world)[0][f] * sigma,
                    entrapment=_form_terms(world)[1][f])
    ok = v_j > c_j
    # a pair proposed from both sides (or twice) forms once, at the first proposal accepted (the smaller proposer's)
    acc = ok.nonzero()[0]
    keep = acc[kern.first_pairs(i[acc], j[acc], world.n)]  # np.unique's first of each pair, in order (acc ascends): compiled
    if not len(keep):
        return
    i, j, f, sel = i[keep], j[keep], f[keep], sel[keep]
    g_i = goods[:, i, j] * ~view.shared_goods[:, i, j]
    dec_i = th_ob.motive_decomposition(u[:, i, j].T, g_i.T, FORM_GOODS[f])
    dec_j = th_ob.motive_decomposition(u[:, j, i].T, g_j[:, keep].T, FORM_GOODS[f])
    value = np.stack([opt.value[sel], v_j[keep]], axis=1)
    cost = np.stack([opt.cost[sel], c_j[keep]], axis=1)
    # the common adversary is the main threat as perceived (threat.main_threat_of, the one every explanation names), not the bare argmax
    founders = cofounders(world, terms, goods, view.shared_goods, view.unit_cost, main_threat_of(world), view.target, i, j, f)
    form_alliances(world, i, j, f, dec_i, dec_j, value, cost, np.stack([g_i.T, g_j[:, keep].T], axis=1), founders, terms=terms)


def _accessions(world: World, rows: np.ndarray, opt: _Options, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms, u: np.ndarray) -> None:
    """Accessions of the states ``rows`` that chose a treaty, if its members let them in (P1, P2).

    The members' vote is :func:`_admitted`. ``goods`` are those of joining (no tethering), ``u`` the motives, whose joining's
    (:func:`foedus.theory.alignment.accession_motives`) the explanation weighs.
    """
    ag = world.state.agreements
    y = world.state.year
    sel = (opt.kind == 2).nonzero()[0]
    if not len(sel) or not len(view.slots):
        return
    cand = rows[sel]
    a_local = opt.target[sel]
    slots = view.slots[a_local]
    allowed, share, disputes, community = _taken_votes(world, cand, a_local, goods, view, terms)
    ok = (allowed & ~ag.members[slots, cand] & ag.active[slots]).nonzero()[0]
    if not len(ok):
        return
    ag.join_many(slots[ok], cand[ok], y, world.state.power)
    details = None
    if world.inputs.explain:
        # each joiner's view of its own alliance only (an alliance's aggregate does not depend on the others)
        a_used, a_at = _unique_inverse(a_local[ok], len(view.slots))
        # the joiners' motives of joining (theory.alignment.accession_motives: no tethering) of their joined motives: the join is
        # linear motive by motive, so the same numbers as joining the motives of every pair, without a copy of them all
        u_join = th_align.accession_motives(th_choice.join_utilities(u, view.members[a_used], aggregate="capability", power=world.state.power, states=cand[ok],
                                                                     check=world.inputs.check))
        g_join = th_choice.join_utilities(goods, view.members[a_used], aggregate="capability", power=world.state.power, states=cand[ok], check=world.inputs.check)
        k_ok = np.arange(len(ok))
        dec = th_ob.motive_decomposition(u_join[:, k_ok, a_at].T, g_join[:, k_ok, a_at].T, view.join_goods[a_local[ok]])
        mot, tot, cst = dec.tolist(), opt.value[sel[ok]].tolist(), opt.cost[sel[ok]].tolist()
        fav, dis, pw, com = share[ok].tolist(), disputes[ok].tolist(), world.state.power[cand[ok]].tolist(), community[ok].tolist()
        auto = (terms.autonomy[cand[ok], view.top[0][a_local[ok]]] * _institution(world, view, view.size >= 2)[0][a_local[ok]]).tolist()
        share_k = view.entrap[a_local[ok]].tolist()  # the share of the base cost of allying the pledge carries (entrapment_share)
        norm = norm_factors(world)
        details = [
            {
                "motives": dict(zip(MOTIVES, mot[k])),
                "factors": {
                    "utility": tot[k], "cost": cst[k], "autonomy_change": auto[k], "members_in_favour": fav[k],
                    "territorial_disputes": int(dis[k]), "power": pw[k], "community_of_democracies": bool(com[k]), "entrapment_share": share_k[k], **norm,
                },
            }
            for k in range(len(ok))
        ]
    world.log.events(y, "accession", ag.agreement_id[slots[ok]], world.inputs.ccode[cand[ok]], -1, details)


def _taken_votes(world: World, cand: np.ndarray, a_local: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms):
    """:func:`_admitted` of the candidates ``cand`` to the alliances ``a_local``, as :func:`_best_accessions` took the vote when it weighed
    the options (the same view, goods and terms: complete information), else taken now.

    Between the two the step only writes new pacts (:func:`_pairs`: new slots, their founders): nothing the vote reads of the view's
    alliances, the capabilities, regimes, hostility or the exchange terms moves, so the vote is the same to the bit (issue 11)."""
    hit = view.memo.get("votes")
    if hit is not None and hit[0] is goods and hit[1] is terms:
        codes, votes = hit[2], hit[3]
        want = cand * len(view.slots) + a_local
        order = np.argsort(codes, kind="stable")
        at = np.minimum(np.searchsorted(codes, want, sorter=order), len(codes) - 1)
        pos = order[at]
        if len(codes) and (codes[pos] == want).all():
            return tuple(v[pos] for v in votes)
    return _admitted(world, cand, a_local, goods, view, terms)


def _admitted(world: World, cand: np.ndarray, a_local: np.ndarray, goods: np.ndarray, view: _Alliances, terms: ExchangeTerms):
    """Whether the members of alliance ``a_local[k]`` admit candidate ``cand[k]``: (K,) bool, and the share in favour, the disputes
    and whether the community's rule held (P1, P2).

    A member votes for the candidate when the goods of the treaty, and the milieu the candidate's entry secures
    (:func:`foedus.theory.consent.milieu_value`, a protective treaty only; Wolfers 1962, Kydd 2001), are worth more to it from the
    candidate than its share of the alliance's new commitment (:func:`foedus.theory.consent.accession_cost`: the
    protocol's cost and the defence of the newcomer carried by the members in their shares of the alliance's power,
    Olson & Zeckhauser 1966; the autonomy the newcomer concedes goes to the leader, Morrow 1991), unless the candidate is a
    rival whose pledge it cannot trust (:func:`foedus.theory.consent.rival_veto`, Kydd 2005), or the treaty
    protects and the candidate is the member's main threat, or the member is the candidate's main threat, whatever the treaty
    (:func:`foedus.theory.obligations.admission_votes`: an alliance is not opened to the state it
    protects against, nor to a state that comes to restrain the member); the accession passes when a share ``accession_share`` of the
    members vote for it (:func:`foedus.theory.consent.members_consent`: 1 by default, the consent of every member, so a member
    that is the candidate's main threat vetoes it) and the candidate has no territorial dispute with any of them. The alliance's
    leader (its strongest member), where it carries at least ``side_payment_dominance`` of the alliance's power, pays the
    members that would lose for their consent when its own net gain covers their losses (:func:`foedus.theory.consent.leader_side_payments`; Snyder 1997, Lake 2009; ``leader_side_payments``); a member
    vetoing on the main-threat grounds above is not bought. In a community of democracies (:func:`.accession_community.community`) a member
    that would lose votes for a democratic candidate of the community's region all the same, unless the candidate's defence
    would cost it more than the candidate is worth to it (:func:`foedus.theory.consent.community_entrapment`; Schimmelfennig
    2001, 2003); the leader's gain in autonomy is bound by the institution's rules as the newcomer's concession is (:func:`_institution`).
    Compiled over the year's candidates (K) and each one's alliance's members (:func:`.accession_kernels.accession_votes`, the
    theory functions' numbers to the bit: ``tests/sim/test_accession_kernels.py``).
    """
    p = world.inputs.params
    protective = view.join_goods[:, 0]  # (A,): the treaty protects
    shares = _burden_shares(world, view)  # per alliance (A, N)
    keep = _institution(world, view, view.size >= 2)[0]  # the leader's gain in autonomy, bound as the newcomer's concession
    lead = view.top[0]
    # accession_cost's log1p of the leader's gain (autonomy[lead, c] * keep * protection), by numpy as the theory function takes it
    lead_log1p = np.log1p(terms.autonomy[lead[a_local], cand] * keep[a_local] * protective[a_local].astype(float))
    community, home = _community(world, view)
    # a candidate that shares the community's values, of its region, with forces of its own (_community)
    qualified = _qualified(world, cand, home[a_local]) & community[a_local]
    share, disputes = acc_kern.accession_votes(
        cand.astype(np.int64), a_local.astype(np.int64), np.ascontiguousarray(view.members), goods, np.ascontiguousarray(view.join_goods), shares,
        view.unit_cost, view.commitment.astype(float), terms.burden, lead_log1p, lead.astype(np.int64), view.main.astype(np.int64),
        pledge_credibility(world), world.state.regime, world.inputs.proximity, world.inputs.territorial_dispute, qualified,
        float(p.milieu_weight), float(p.autonomy_weight), float(p.defence_burden_weight), float(p.treaty_cost), p.leader_side_payments > 0,
        float(p.side_payment_dominance), view.entrap,
    )
    passed = th_consent.members_consent(share, p.accession_share, check=world.inputs.check)  # unanimity unless the parameter says otherwise
    return th_entrapment.accession_allowed(disputes, check=world.inputs.check) & passed, share, disputes, qualified


_leavers_kernel = kern.leavers  # the exits' compiled screen, now in alignment_kernels (its earlier name here)
