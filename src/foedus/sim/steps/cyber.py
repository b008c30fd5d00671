"""Step 7, cyber: intrusions, uncertain attribution, escalation and trust-based cyber alignments (brief T3).

States and non-state actors (firms, NGOs) join and leave cyber alignments by trust and shared
values (:mod:`foedus.theory.cyber_trust`); states that share vulnerabilities with no one pair
with a trusted partner of their camp. The formulas are in :mod:`foedus.theory.cyber` and
:mod:`foedus.theory.cyber_trust`; this step only assembles their inputs and applies the
decisions. Exits close through :mod:`foedus.sim.steps.dissolution` (``leave`` for states,
``leave_nonstate`` for firms and NGOs), the one place that ends a membership.
"""

from __future__ import annotations

import inspect

import numpy as np
from numba import njit

from foedus.schema import OBLIGATIONS
from foedus.sim.steps._common import CYBER_DOMAIN, ORGANISATION, asymmetric, sym_clip
from foedus.sim.steps.cyber_kernels import (
    consented_best,
    group_reciprocity,
    incidents,
    intrusions,
    nonstate_moves,
    nonstate_trust,
    pair_scores,
    sharing_year,
    state_year,
)
from foedus.sim.steps.cyber_kernels import escalate as escalate_pairs
from foedus.sim.steps.dissolution import dissolve, leave, leave_nonstate
from foedus.sim.world import World
from foedus.theory import cyber as th_cyber
from foedus.theory import cyber_trust as th_trust


def cyber(world: World, rng: np.random.Generator) -> None:
    """Intrusions, uncertain attribution, escalation and trust-based cyber alignments (brief T3).

    Intrusions are rational even for defensive states (preparation, early warning): their
    probability per ordered pair is ``scale * intrusion_propensity(capacity_i,
    vulnerability_j, defensive_posture_i)`` (:func:`foedus.theory.cyber.intrusion_propensity`),
    allies included (strong allies spy on allies). ``scale`` is calibrated at the start so the
    expected count matches the DCID 2.0 rate when the scenario gives one. An intrusion is
    attributed with :func:`~foedus.theory.cyber.attribution_probability`; the victim cannot tell
    espionage from sabotage preparation, so an attributed intrusion raises its hostility to the
    intruder by ``escalation``. Trust moves with what is observed
    (:func:`~foedus.theory.cyber.trust_update`). States and non-state actors (firms, NGOs) then
    join, leave and form cyber alignments (kind ``organisation``, domain cyber) by trust and
    values, not threat (:func:`_cyber_alignments`; :mod:`foedus.theory.cyber_trust`): to ally is
    to share one's vulnerabilities, which pays only when the actor trusts every partner enough
    (Kydd's assurance threshold, multiplied over partners) and shares their camp.
    """
    p = world.inputs.params
    n = world.n
    y = world.state.year
    cap = world.state.cyber_capacity
    if not (cap > 0).any() or world.inputs.cyber_scale <= 0:
        world.results.intrusions = np.zeros((n, n), bool)
        world.results.attributed = np.zeros((n, n), bool)
        return
    intr = _intrusions(world, rng)
    # attribution_probability, trust_update, trust_after_intrusions and escalation_probability in one compiled pass
    # (cyber_kernels.incidents, equal to the theory's functions to the bit), the draws as before: one per intrusion, then one per attributed
    draws = rng.random(np.count_nonzero(intr))
    fused = _incidents_checked if world.inputs.check else incidents  # a run that checks its inputs calls the theory's functions
    attributed, world.state.trust, trust, i_idx, j_idx, esc_p = fused(
        intr, cap, draws, _ATTRIBUTION_BASE, _ATTRIBUTION_SENSITIVITY, world.state.trust, _LEARNING_RATE, float(p.trust_recovery), _SUSPICION,
        float(p.espionage_risk), world.state.hostility, 1.0, 1.0, _DETECTION, _DISTINGUISHABILITY, _PURPOSE_ATTACK,
    )
    world.results.intrusions, world.results.attributed = intr, attributed
    escalate = escalate_pairs(world.state.hostility, i_idx, j_idx, esc_p, rng.random(len(i_idx)), float(p.escalation))
    sym_clip(world.state.hostility)
    if len(i_idx):
        details = None
        if getattr(world.log, "keep_events", True):  # a recorder that counts events and drops them (an ensemble's worker) reads no detail
            allied = world.state.agreements.allied()
            details = [_CYBER_DETAIL[(a, e)] for a, e in zip(allied[i_idx, j_idx].tolist(), escalate.tolist())]  # (Python bools: the same keys)
        world.log.events(y, "cyber", -1, world.inputs.ccode[i_idx], world.inputs.ccode[j_idx], details)
    _cyber_alignments(world, rng, trust)


def _intrusions(world: World, rng: np.random.Generator) -> np.ndarray:
    """(N, N) bool: the year's intrusions, each ordered pair's draw below ``clip(scale * 2 T3 * intrusion_propensity, 0, 1)``
    (:func:`foedus.theory.cyber.intrusion_propensity` of the capacities, vulnerabilities and postures; 2 * T3: the calibrated scale
    holds at T3 = 0.5), the diagonal never. Most pairs' draws are clear of that probability by its bounds
    (:func:`.cyber_kernels.intrusions`, compiled); only the pairs near it are given the exact probability, the theory's own
    operations (numpy's ``expm1`` of the same numbers): the same intrusions to the bit, without the (N, N) exponentials."""
    n = world.n
    check = world.inputs.check
    rate = th_cyber.intrusion_rates(world.state.cyber_capacity, th_cyber.defensive_posture(world.state.regime, check=check), check=check)
    vul = world.state.cyber_vulnerability
    scale = world.inputs.cyber_scale * th_trust.cyber_salience(world.inputs.trends.cyber)
    return _intrusions_of(rate, vul, float(scale), rng.random((n, n)))


def _intrusions_of(rate: np.ndarray, vul: np.ndarray, scale: float, draws: np.ndarray) -> np.ndarray:
    """(N, N) bool: ``draws < clip(scale * P, 0, 1)`` with ``P`` :func:`foedus.theory.cyber.intrusion_propensity` of the rates
    (:func:`foedus.theory.cyber.intrusion_rates`) and the vulnerabilities (0 on the diagonal and where a rate is not positive): the
    compiled bounds (:func:`.cyber_kernels.intrusions`), then the exact probability of the pairs they leave undecided."""
    n = len(rate)
    intr = np.empty((n, n), bool)
    ui, uj = np.empty(n * n, np.int64), np.empty(n * n, np.int64)
    k = intrusions(np.ascontiguousarray(rate, dtype=float), np.ascontiguousarray(vul, dtype=float), scale, draws, intr, ui, uj)
    if k:  # the exact test of the few pairs near their probability: intrusion_propensity's operations on their numbers
        ui, uj = ui[:k], uj[:k]
        prob = np.clip(scale * -np.expm1(-rate[ui] * vul[uj]), 0.0, 1.0)
        intr[ui, uj] = draws[ui, uj] < prob
    return intr


def _default(function, name: str) -> float:
    """The keyword default ``name`` of a theory function, read from its signature (so the compiled pass cannot drift from it)."""
    return float(inspect.signature(function).parameters[name].default)


# the keyword defaults of the theory functions the step calls with them (attribution_probability, trust_update, escalation_probability),
# passed to cyber_kernels.incidents as they are
_ATTRIBUTION_BASE = _default(th_cyber.attribution_probability, "base")
_ATTRIBUTION_SENSITIVITY = _default(th_cyber.attribution_probability, "sensitivity")
_LEARNING_RATE, _SUSPICION = _default(th_cyber.trust_update, "learning_rate"), _default(th_cyber.trust_update, "suspicion")
_DETECTION = _default(th_cyber.escalation_probability, "detection")
_DISTINGUISHABILITY = _default(th_cyber.escalation_probability, "distinguishability")
_PURPOSE_ATTACK = _default(th_cyber.escalation_probability, "purpose_attack")


def _incidents_checked(intr, cap, draws, base, sensitivity, trust, learning_rate, recovery, suspicion, espionage_risk, hostility,
                       intrusion, attribution, detection, distinguishability, purpose_attack):
    """:func:`.cyber_kernels.incidents` by the theory's functions, their inputs checked (a run with ``check``): the attributions
    (:func:`foedus.theory.cyber.attribution_probability`), the trust update (:func:`foedus.theory.cyber.trust_update`), this
    year's trust (:func:`foedus.theory.cyber_trust.trust_after_intrusions`) and the escalation probabilities
    (:func:`foedus.theory.cyber.escalation_probability`, the victim's fear its hostility clipped to [0, 1]). The same returns."""
    n = len(cap)
    i_all, j_all = np.nonzero(intr)
    hit = draws < th_cyber.attribution_probability(cap[i_all], cap[j_all], base=base, sensitivity=sensitivity)
    i_idx, j_idx = i_all[hit], j_all[hit]
    attributed = np.zeros((n, n), bool)
    attributed[i_idx, j_idx] = True
    new = th_cyber.trust_update(trust, intr.T.astype(float), attributed.T.astype(float), learning_rate=learning_rate, recovery_rate=recovery,
                                suspicion=suspicion)
    year = th_trust.trust_after_intrusions(new, intr, espionage_risk)
    fear = np.clip(hostility[j_idx, i_idx], 0.0, 1.0)  # the victim's prior that it prepares an attack
    esc = th_cyber.escalation_probability(intrusion, attribution, fear, detection=detection, distinguishability=distinguishability,
                                          purpose_attack=purpose_attack)
    return attributed, new, year, i_idx, j_idx, np.asarray(esc, dtype=float)

_CYBER_DETAIL = {
    (a, e): f'{{"among_allies":{str(a).lower()},"attributed":true,"escalation":{str(e).lower()}}}' for a in (False, True) for e in (False, True)
}


def _sharing_terms(world: World, slots: np.ndarray, trust: np.ndarray) -> dict:
    """What each state would gain or risk by sharing in each cyber alignment in force (arrays (A, N); brief T3).

    ``access`` (A,) is the alignments' integration (the share of networks opened; 0 for a norms
    pledge); ``trust`` (N, N) is the states' trust after this year's intrusions
    (:func:`~foedus.theory.cyber_trust.trust_after_intrusions`: a member that intruded into i this
    year is believed untrustworthy with probability at least ``espionage_risk``);
    ``benefit`` the salience ``2 * T3`` times the mean capacity of the other member states;
    ``reciprocity`` :func:`~foedus.theory.cyber_trust.group_reciprocity`; ``value``
    :func:`~foedus.theory.cyber_trust.sharing_value` with the loss i's vulnerability;
    ``camp`` the distance of i's regime from the
    regime of the member of greatest capacity (:func:`~foedus.theory.cyber_trust.alignment_camp`),
    ``camp_of`` (A,) that regime; ``cap_sum`` (A,) the member states' total capacity.
    """
    ag = world.state.agreements
    cap, vul = world.state.cyber_capacity, world.state.cyber_vulnerability
    M = ag.members[slots]
    salience = th_trust.cyber_salience(world.inputs.trends.cyber)
    cap_sum = M.astype(float) @ cap
    access = ag.integration[slots]
    rho = th_trust.group_reciprocity(trust, M, access, check=True) if world.inputs.check else group_reciprocity(trust, M, access)
    # the member states, th_trust.alignment_camp, the benefit, sharing_value and camp_distance in one compiled pass (the theory's formulas, to the bit)
    size, camp_of, benefit, value, camp = sharing_year(M, cap, world.state.regime, cap_sum, float(salience), rho, vul)
    return {"M": M, "size": size, "cap_sum": cap_sum, "trust": trust, "salience": salience, "access": access, "benefit": benefit, "reciprocity": rho,
            "value": value, "camp": camp, "camp_of": camp_of}


def _consented(world: World, t: dict, want: np.ndarray, trust_in: np.ndarray, cand_cap: np.ndarray | None, value: np.ndarray) -> np.ndarray:
    """``want`` (A, C) narrowed to the candidates every member consents to, then to one a year (brief T3).

    Member j consents by the same utility as joining: its reciprocity times its belief
    ``1 - access * (1 - trust_in[j, c])`` (``trust_in`` (N, C)) that the candidate will not exploit it, its benefit
    with the candidate in (the candidate's capacity counted when ``cand_cap`` (C,) is given:
    states; a firm's is not), its vulnerability the loss; it consents when
    :func:`~foedus.theory.cyber_trust.sharing_value` stays non-negative. Each alignment then admits, of the candidates all its
    members consent to, only the one of highest ``value`` (first on ties): consent is given to one candidate at a time against
    the current members, and admitting several at once would let an alignment overshoot the size its members' trust allows.
    Evaluated on the (candidate, member) entries only, in one compiled pass
    (:func:`foedus.sim.steps.cyber_kernels.consented_best`, equal to the theory's functions to the bit).
    """
    cap = world.state.cyber_capacity
    with_cap = cand_cap is not None
    return consented_best(
        want, value, t["M"], t["reciprocity"], t["access"], trust_in, t["benefit"], t["cap_sum"], cap, cand_cap if with_cap else cap,
        float(t["salience"]), t["size"], world.state.cyber_vulnerability, with_cap,
    )


def _cyber_alignments(world: World, rng: np.random.Generator, trust: np.ndarray) -> None:
    """States and non-state actors join and leave cyber alignments by trust and values, and new ones form (T3).

    Trust and values, not threat (Kempf; brief T3). For every cyber alignment ``a`` in force and
    every state ``i`` at once (:func:`_sharing_terms`): a state with cyber capacity, within
    ``cyber_camp_tolerance`` of the alignment's camp, joins with probability ``consider_rate``
    when its sharing value is positive (its belief that no member will exploit its exposure, the
    product of its pairwise trusts, is above Kydd's threshold) and every member consents by the
    same utility (:func:`_consented`); each alignment admits one state and one firm or NGO a year at
    most (:func:`_consented`). A member leaves with probability ``exit_rate`` when its value
    turns negative ("cyber distrust") or its regime has left the camp ("values diverge"). Trust
    multiplies over partners, so an alignment that shares vulnerabilities stays small; a norms
    pledge (access 0, as the Paris Call) exposes nothing and grows to the edge of its camp, never
    beyond. Firms and NGOs follow in :func:`_nonstate_moves`; an alignment left with fewer than
    two actors dissolves. Every term of each decision is in its event's factors.
    """
    ag, y, p = world.state.agreements, world.state.year, world.inputs.params
    slots = ag.in_force(domain=CYBER_DOMAIN)
    # trust [i, j]: i's trust in j this year (constant through this step: conflict's betrayals come after), th_trust.trust_after_intrusions
    # of the updated trust and the intrusions, compiled in cyber_kernels.incidents
    if len(slots):
        t = _sharing_terms(world, slots, trust)
        M, cap = t["M"], world.state.cyber_capacity
        draw_in, draw_out = rng.random(M.shape), rng.random(M.shape)
        # who would join (in the camp, of positive value, reconsidering, not gone this year), who leaves, and the members' consent to one
        # accession a year (_consented's rule), in one compiled pass
        joining, leaving = state_year(M, t["size"], cap, t["camp"], t["value"], float(p.cyber_camp_tolerance), draw_in, draw_out, float(p.consider_rate),
                                      float(p.exit_rate), ag.last_exit, ag.entry_year, np.ascontiguousarray(slots, dtype=np.int64), int(y), t["reciprocity"],
                                      t["access"], t["trust"], t["benefit"], t["cap_sum"], float(t["salience"]), world.state.cyber_vulnerability)
        for kind, mask in (("accession", joining), ("exit", leaving)):
            a_idx, i_idx = np.nonzero(mask)
            if not len(a_idx):
                continue
            sl = slots[a_idx]
            details = _state_details(world, t, a_idx, i_idx, kind) if world.inputs.explain else None
            if kind == "accession":
                ag.join_many(sl, i_idx, y)
                world.log.events(y, kind, ag.agreement_id[sl], world.inputs.ccode[i_idx], -1, details)
            else:
                leave(world, sl, i_idx, details)
        if len(world.inputs.nonstate_ids):
            _nonstate_moves(world, rng, slots, t)
        actors = ag.members[slots].sum(axis=1) + ag.nonstate[slots].sum(axis=1)
        _dissolve_deserted(world, slots[actors < 2])
    _new_cyber_alignments(world, rng, trust)


def _dissolve_deserted(world: World, gone: np.ndarray) -> None:
    """End the cyber alignments ``gone``, left with fewer than two actors, naming who is left and how long they lasted."""
    ag = world.state.agreements
    if not len(gone) or not world.inputs.explain:
        dissolve(world, gone)
        return
    details = []
    for s in gone.tolist():  # the few alignments ending this year
        left = [int(c) for c in world.inputs.ccode[ag.members[s]]] + [world.inputs.nonstate_ids[k] for k in np.flatnonzero(ag.nonstate[s])]
        details.append({"cause": "too few members after exits", "domain": "cyber",
                        "factors": {"members_left": left, "years_in_force": int(world.state.year - ag.start_year[s])}})
    dissolve(world, gone, details)


def _state_details(world: World, t: dict, a_idx: np.ndarray, i_idx: np.ndarray, kind: str) -> list[dict]:
    """The explanation of states' accessions or exits: every term of the decision (F5, issue 17 item 8)."""
    tol = world.inputs.params.cyber_camp_tolerance
    cols = {k: t[k][a_idx, i_idx].tolist() for k in ("value", "reciprocity", "benefit", "camp")}
    cols["threshold"] = th_trust.sharing_threshold(t["benefit"][a_idx, i_idx], world.state.cyber_vulnerability[i_idx]).tolist()
    acc = t["access"][a_idx].tolist()
    loss = world.state.cyber_vulnerability[i_idx].tolist()
    out = []
    for q in range(len(a_idx)):
        cause = "cyber trust" if kind == "accession" else ("values diverge" if cols["camp"][q] > tol else "cyber distrust")
        out.append({"cause": cause, "factors": {
            "value": cols["value"][q], "group_trust": cols["reciprocity"][q], "trust_threshold": cols["threshold"][q],
            "benefit": cols["benefit"][q], "loss": loss[q], "access": acc[q], "camp_distance": cols["camp"][q], "camp_tolerance": tol,
        }})
    return out


def _nonstate_moves(world: World, rng: np.random.Generator, slots: np.ndarray, t: dict) -> None:
    """Firms and NGOs join and leave cyber alignments by the states' rule, in the camp of their values (brief T3).

    A firm or NGO takes the camp of its stated values, else of its home state's regime
    (:func:`~foedus.theory.cyber_trust.actor_values`; one with neither joins nothing), and trusts
    and is trusted as its home state (:func:`~foedus.theory.cyber_trust.nonstate_trust`;
    ``nonstate_home_trust`` with its home state, ``nonstate_trust`` without one). It joins with
    probability ``consider_rate`` when in the camp, its sharing value (its belief that no member
    state exploits it; the benefit the members' mean capacity) is positive and every member state
    consents; it leaves with probability ``exit_rate`` when either fails. Its own capacity does
    not enter the members' benefit (a simplification: firms bring access, the states decide).
    Exits close through :func:`foedus.sim.steps.dissolution.leave_nonstate`.
    """
    ag, p, y = world.state.agreements, world.inputs.params, world.state.year
    M, acc = t["M"], t["access"]
    home = world.inputs.nonstate_home_index
    # th_trust.nonstate_trust, compiled (the home state's trust, to the bit: a selection)
    out, into = nonstate_trust(t["trust"], np.asarray(home, dtype=np.int64), float(p.nonstate_home_trust), float(p.nonstate_trust))
    rho = th_trust.group_reciprocity(out, M, acc, check=True) if world.inputs.check else group_reciprocity(out, M, acc)  # (the logarithms compiled)
    NS = ag.nonstate[slots]
    d_in, d_out = rng.random(NS.shape), rng.random(NS.shape)
    # the benefit (the members' mean capacity, 0 for an alignment of no state), sharing_value, actor_values and camp_distance (no camp:
    # NaN, 0 there and out of every camp), and who would join or leaves, in one compiled pass of the theory's formulas
    value, benefit, camp, in_camp, want, ns_out = nonstate_moves(
        t["cap_sum"], t["size"], float(t["salience"]), rho, world.inputs.nonstate_vulnerability, world.inputs.nonstate_values, np.asarray(home, dtype=np.int64),
        world.state.regime, t["camp_of"], float(p.cyber_camp_tolerance), NS, d_in, d_out, float(p.consider_rate), float(p.exit_rate),
    )
    ns_in = _consented(world, t, want, into, None, value)
    if not (ns_in.any() or ns_out.any()):  # most years no firm or NGO moves: no explanation to assemble
        return
    terms = {"value": value, "group_trust": rho, "benefit": benefit, "loss": np.broadcast_to(world.inputs.nonstate_vulnerability, rho.shape), "camp_distance": camp}
    for kind, mask in (("accession", ns_in), ("exit", ns_out)):
        for r in np.flatnonzero(mask.any(axis=1)):  # the few alignments a firm or NGO joins or leaves this year
            k = np.flatnonzero(mask[r])
            details = _nonstate_details(world, kind, r, k, terms, acc[r], in_camp[r])
            if kind == "accession":
                ag.join_nonstate(int(slots[r]), k, y)
                home = world.inputs.nonstate_home[k]
                world.log.events(y, kind, ag.agreement_id[slots[r]], np.where(home > 0, home, -1), -1, details)
            else:
                leave_nonstate(world, int(slots[r]), k, details)


def _nonstate_details(world: World, kind: str, r: int, k: np.ndarray, terms: dict, access: float, in_camp: np.ndarray) -> list[dict]:
    """The explanation of firms' and NGOs' accessions or exits to alignment row ``r``: the actor and every term."""
    tol = world.inputs.params.cyber_camp_tolerance
    out = []
    for q in k.tolist():
        f = {name: float(a[r, q]) for name, a in terms.items()}
        b, loss = f["benefit"], f["loss"]
        f.update(trust_threshold=float(th_trust.sharing_threshold(b, loss)), access=float(access), camp_tolerance=tol,
                 values=None if np.isnan(world.inputs.nonstate_values[q]) else float(world.inputs.nonstate_values[q]))
        cause = "cyber trust" if kind == "accession" else ("values diverge" if not in_camp[q] else "cyber distrust")
        out.append({"cause": cause, "nonstate_actor": world.inputs.nonstate_ids[q], "actor_name": world.inputs.nonstate_names[q], "actor_kind": world.inputs.nonstate_kind[q], "factors": f})
    return out


def _new_cyber_alignments(world: World, rng: np.random.Generator, trust: np.ndarray) -> None:
    """States that share vulnerabilities with no one form new bilateral cyber alignments with a trusted partner (T3).

    Each year a share ``consider_rate`` of the states that have cyber capacity and belong to no
    alignment that shares vulnerabilities (access > 0; a norms pledge does not count) look for a
    partner among the others in the same position. The value to i of aligning with j is
    :func:`~foedus.theory.cyber_trust.sharing_value` with ``access = cyber_sharing_access``: the
    belief ``1 - access * (1 - trust_ij)`` that j will not exploit i's exposure (a partner that
    intruded into i this year is untrustworthy with probability at least ``espionage_risk``), the
    benefit ``2 * T3`` times j's capacity, the loss i's vulnerability. i proposes to the partner
    of highest value within ``cyber_camp_tolerance`` of its regime; the pair forms when both gain.
    Others then join it (:func:`_cyber_alignments`) while trust, multiplied over the members,
    allows.
    """
    ag, p = world.state.agreements, world.inputs.params
    cap, vul = world.state.cyber_capacity, world.state.cyber_vulnerability
    n = world.n
    slots = ag.in_force(domain=CYBER_DOMAIN)
    sharing = slots[ag.integration[slots] > 0] if len(slots) else slots
    aligned = ag.members[sharing].any(axis=0) if len(sharing) else np.zeros(n, bool)
    free = (cap > 0) & ~aligned
    considering = free & (rng.random(n) < p.consider_rate)
    if considering.sum() == 0 or free.sum() < 2:
        return
    access = p.cyber_sharing_access
    salience = th_trust.cyber_salience(world.inputs.trends.cyber)
    # value where the pair can form, -inf elsewhere: one compiled pass of the theory's formulas
    score = pair_scores(trust, float(access), salience, cap, vul, world.state.regime, free, float(p.cyber_camp_tolerance))
    first, second = _greedy_pairs(score, np.flatnonzero(considering))
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index("consultation")] = True
    for i, j in zip(first.tolist(), second.tolist()):  # a few a year
        pair = np.array([i, j])
        a = ag.add(
            pair, world.state.year, kind=ORGANISATION, domain=CYBER_DOMAIN, obligations=ob, asymmetric=asymmetric(world, pair), integration=access,
            leader=int(pair[np.argmax(cap[pair])]), name=f"cyber alignment {world.inputs.abb[i]}-{world.inputs.abb[j]} ({world.state.year})", power=world.state.power[pair],
        )
        detail = _pair_detail(world, trust, i, j, access, salience) if world.inputs.explain else None
        world.log.events(world.state.year, "formation", ag.agreement_id[a], world.inputs.ccode[i], world.inputs.ccode[j], detail)


def _pair_detail(world: World, trust: np.ndarray, i: int, j: int, access: float, salience: float) -> dict:
    """The explanation of the new cyber alignment of ``i`` and ``j``: every term of both sides' decisions."""
    p, cap, vul = world.inputs.params, world.state.cyber_capacity, world.state.cyber_vulnerability
    belief = {k: th_trust.partner_reciprocity(trust[a, b], access) for k, (a, b) in (("i", (i, j)), ("j", (j, i)))}
    benefit = {"i": salience * cap[j], "j": salience * cap[i]}
    value = {k: th_trust.sharing_value(belief[k], benefit[k], vul[i if k == "i" else j], check=world.inputs.check) for k in ("i", "j")}
    return {"cause": "cyber trust", "domain": "cyber", "factors": {
        "value": float(value["i"]), "partner_value": float(value["j"]), "trust": float(trust[i, j]), "partner_trust": float(trust[j, i]),
        "group_trust": float(belief["i"]), "partner_group_trust": float(belief["j"]),
        "trust_threshold": float(th_trust.sharing_threshold(benefit["i"], vul[i])),
        "partner_trust_threshold": float(th_trust.sharing_threshold(benefit["j"], vul[j])),
        "benefit": float(benefit["i"]), "partner_benefit": float(benefit["j"]), "loss": float(vul[i]), "partner_loss": float(vul[j]),
        "access": access, "camp_distance": float(abs(world.state.regime[j] - world.state.regime[i])), "camp_tolerance": p.cyber_camp_tolerance,
    }}


def _greedy_pairs(score: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs formed greedily: each state of ``order`` in turn, if still free, takes its best free partner.

    ``score[i, j]`` is i's value of j (``-inf``: not acceptable); a state is in one pair at
    most. Returns the proposers and their partners, in the order they paired.
    """
    first = np.empty(len(order), np.int64)
    second = np.empty(len(order), np.int64)
    k = _greedy_kernel(np.ascontiguousarray(score), np.ascontiguousarray(order, dtype=np.int64), first, second)
    return first[:k], second[:k]


@njit(cache=True)
def _greedy_kernel(score, order, first, second):  # pragma: no cover (compiled)
    n = score.shape[0]
    taken = np.zeros(n, np.bool_)
    k = 0
    for q in range(order.shape[0]):
        i = order[q]
        if taken[i]:
            continue
        best = -np.inf
        j_best = -1
        for j in range(n):
            if not taken[j] and score[i, j] > best:
                best = score[i, j]
                j_best = j
        if j_best < 0:
            continue
        taken[i] = True
        taken[j_best] = True
        first[k] = i
        second[k] = j_best
        k += 1
    return k

