"""Step 5, alliance politics: cohesion, entrapment and abandonment, integration, dissolution, democratisation.

Brief P2, P3, P5, T2, T4, T5. :func:`cohesion_state` is the deterministic part (cohesion and
what follows from it, also needed to start year one); :func:`alliance_politics` adds the
year's integration, the decay of betrayal, dissolutions and democratisation.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.membership import alliance_ties, risk_and_main_threat, security_profile
from foedus.sim.steps._common import COALITION, SECURITY
from foedus.sim.steps.dissolution import (
    dissolve_by_hazard,
    end_incompatible,
    expire_terms,
)
from foedus.sim.steps.founding_lapse import (
    founding_threat_lapse,  # politics' name for it (split there)
)
from foedus.sim.steps.politics_kernels import (  # noqa: F401 (_latest_outside_kernel, _realigning_outside_kernel: their tests' names)
    _latest_outside_kernel,
    _realigning_outside_kernel,
    hazard_terms,
    realigned_year,
    renewal_year,
    threat_within_terms,
)
from foedus.sim.steps.threat import main_threat_of
from foedus.sim.world import World
from foedus.theory import abrogation as th_abrogation
from foedus.theory import cohesion as th_cohesion
from foedus.theory import entrapment as th_entrapment
from foedus.theory import integration as th_integration
from foedus.theory import persistence as th_persistence
from foedus.theory import threat_within_size as th_within_size


def alliance_politics(world: World, rng: np.random.Generator) -> None:
    """Cohesion, entrapment and abandonment, integration, and dissolution (P2, P3, P5, T2, T4, T5).

    For each security agreement in force (vectorised over agreements):

    - common threat: the pressure of the members' main common threat,
      ``rho = T_common / (T_common + mean member power)`` where ``T_common`` is the largest mean
      threat that one outsider poses to the members, plus their mean global-threat exposure;
    - economic competition (T2, P5): ``T2 * evenness`` of the members' economies (equal
      economies compete; an asymmetric alliance has one dominant economy);
    - regime similarity (``1 - 2 * s.d.`` of the members' regimes) and joint democracy (all
      members with regime >= 0.5) (T5), their weights scaled by ``2 * T5``;
    - cohesion: :func:`foedus.theory.cohesion.alliance_cohesion`, lowered by unhonoured
      commitments (``betrayal``, kept at the share ``betrayal_decay`` a year);
    - dissolution hazard: :func:`~foedus.theory.cohesion.dissolution_terms` of cohesion relative to
      its cohesion at signature (for a treaty in force when the run started, at the start): treaty
      inertia, Leeds & Savun 2007 — treaties end when the circumstances of their signature change,
      not for being loose (a pact formed during the run used to be judged by its cohesion's level,
      so every pact formed for anything but a large common threat ended at about
      ``dissolution_hazard`` a year), of the change in the distribution of capability among the members
      since they joined (total variation distance between the shares then and now; Morrow 1991,
      Leeds 2003), of the lapse of the treaty's founding threat (:func:`founding_threat_lapse`:
      the adversary its text names, ATOP ``statthr1``/``statthr2``, or its members' common main
      threat at signature, no longer as threatening; Walt 1997; rate ``threat_lapse_hazard``) and
      of the baseline ``base_dissolution_hazard``, with
      ``max_hazard = dissolution_hazard`` and ``change_weight = capability_change_weight``;
      the draw and the explanation of each ending are
      :func:`foedus.sim.steps.dissolution.dissolve_by_hazard` (every cause of dissolution is there;
      in a treaty of more than two members the drawn event is one member's abrogation); two further causes Leeds &
      Savun (2007) name (:func:`_circumstance_terms`): a member allied since with an adversary of a fellow member
      ("realigned") and a member's recent regime change ("regime changed");
    - integration (P3, T4) moves towards :func:`~foedus.theory.integration.optimal_integration` for
      the common threat, with the attachment to national control falling as T4 rises
      (:func:`~foedus.theory.integration.integration_update`: built at ``integration_rate``, taken down
      more slowly where institutionalised, ``institution_persistence``; Keohane 1984, Wallander 2000);
    - each state's entrapment and abandonment risks (Snyder 1984) from its strongest commitment,
      its partners' risk-taking and alternatives, and reassurance by integration
      (:func:`~foedus.theory.entrapment.entrapment_risk`,
      :func:`~foedus.theory.entrapment.abandonment_risk`). Entrapment raises the cost of staying
      (see :func:`foedus.sim.steps.alignment.alignment`); abandonment raises arming through lower ally credibility;
    - institutional assets (:func:`~foedus.theory.integration.institutional_assets`: military
      institutionalisation, ATOP's 0-2 halved, or the integration the members have reached, whichever is
      larger; Lake 1999, Wallander 2000) remove the share ``institution_protection`` of the dissolution hazard (and of members' exit rate, in
      :func:`foedus.sim.steps.alignment.alignment`): institutions are assets that keep an alliance after its founding
      threat fades (Wallander 2000); of the 'threat gone' term they remove ``threat_lapse_institution_protection``
      where their assets are specific to the threat, rising to ``institution_protection`` with the pact's
      integration (an integrated command is a general asset, except in a pact made for a war: its command was
      built against that enemy), so T4 acts on duration through integration; before either, the institutions absorb the
      share ``threat_lapse_institution_threshold`` of the lapse (0 by default, the in-sample fit), times their assets, by adapting to the new threat
      (:func:`~foedus.theory.persistence.adapted_lapse`; Wallander 2000, McCalla 1996): a threat that has faded ends an
      institutionalised treaty less readily, one entirely gone as readily as any other;
    - a pact formed in the run states a term drawn from the record's treaty practice of the scenario's time
      (:func:`_stated_terms`, ``Scenario.treaty_terms``); a treaty whose stated term ends this year (ATOP ``length``, ``renewlgt``) is renewed with
      :func:`~foedus.theory.persistence.renewal_probability` or lapses ("term expired",
      :func:`foedus.sim.steps.dissolution.expire_terms`; Koremenos 2005, Leeds & Savun 2007);
    - the democratic commitment of the members (the least democratic member's regime,
      :func:`~foedus.theory.persistence.democratic_commitment`; Gaubatz 1996, Reed 1997) damps every term of the
      hazard and of the chance of lapsing at term's end by ``2 * T5 * solidarity_protection`` (a proportional effect);
      like autocracies get no protection from their likeness;
    - a treaty of neutrality, non-aggression or consultation alone has no third-party purpose
      (:func:`~foedus.theory.persistence.has_third_party_purpose`): no founding threat unless its text names one, no
      'threat gone' term, and its 'cohesion lost' term (the cohesion moves with the common threat) weighted by
      ``unaimed_cohesion_weight`` (Long, Nordstrom & Baek 2007: such a pact regulates its members' own relation);
    - a term that renews unless a member gives notice (ATOP ``proren`` 2: the Triple Alliance, most treaties after 1919)
      is renewed at its end unless a member gives notice then, with the share ``tacit_renewal_notice`` of the chance of
      lapsing of a treaty renewed by agreement (Koremenos 2005; Leeds & Savun 2007); in a treaty of more than two the member
      giving notice leaves (:func:`foedus.sim.steps.dissolution.expire_terms`); a pact formed in the run
      draws whether its term renews so with the term itself, from the record's practice of the scenario's time
      (12 % of the alliances begun 1816-1914, 50 % of those begun 1946-1989);
    - a treaty made for a war that states no term (ATOP ``wartime``, no ``length``) ends with its provisions fulfilled
      once the war is over ("war over"; in the first year if it is over when the run starts, :mod:`foedus.sim.start`);
      one that states a term (the Anglo-Soviet treaty of 1942, twenty years) keeps it;
    - democratisation (T5): allies' democracy pulls up the regime of deeply integrated members
      (:func:`_democratisation`, Pevehouse 2005).
    """
    p = world.inputs.params
    tr = world.inputs.trends
    ag = world.state.agreements
    st = cohesion_state(world)
    if st is None:
        return
    slots, rho = st["slots"], st["rho"]
    if world.inputs.check:
        institutional, general, terms = _hazard_terms(world, st)
    else:  # the same terms in one compiled pass (politics_kernels.hazard_terms)
        institutional, general, terms = _compiled_hazard_terms(world, st)
    # integration (P3, T4)
    target = th_integration.optimal_integration(rho, 1.0 - tr.military_integration + p.national_control_floor, check=world.inputs.check)
    # integration moves towards the target scaled by institutionalisation, betrayal fades (in place)
    _integration_kernel(
        slots, target, ag.institutionalised, ag.integration, ag.betrayal, float(p.integration_rate), float(p.betrayal_decay), float(p.institution_persistence)
    )
    dissolve_by_hazard(world, rng, st, terms, institutional)
    _stated_terms(world, rng, slots)
    renewal = _renewal(world, st, institutional, general)
    expire_terms(world, rng, st, renewal, institutional)
    end_incompatible(world, rng, st)
    _democratisation(world, st["integration_by_state"])


def _renewal(world: World, st: dict, institutional: np.ndarray, general: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.persistence.renewal_probability` of the agreements ``st["slots"]`` (see :func:`alliance_politics`); in a run
    that does not check its inputs one compiled pass (:func:`foedus.sim.steps.politics_kernels.renewal_year`, the same bits)."""
    p, tr, ag, slots = world.inputs.params, world.inputs.trends, world.state.agreements, st["slots"]
    sw = min(2.0 * tr.norms * p.solidarity_protection, 1.0)
    if not world.inputs.check:
        out = np.empty(len(slots))
        prm = np.array([p.capability_change_weight, p.institution_protection, p.threat_lapse_institution_protection, sw,
                        p.unaimed_cohesion_weight, p.tacit_renewal_notice], dtype=float)
        renewal_year(np.ascontiguousarray(slots, dtype=np.int64), st["cohesion"], st["threat_lapse_adapted"], st["capability_change"],
                     ag.cohesion_start, institutional, st["democracy"], general, st["third_party"], ag.automatic_renewal, ag.term_end, prm, out)
        return out
    return th_persistence.renewal_probability(
        st["cohesion"], st["threat_lapse_adapted"], st["capability_change"], change_weight=p.capability_change_weight, cohesion_at_formation=ag.cohesion_start[slots],
        institutionalisation=institutional, institution_weight=p.institution_protection, solidarity=st["democracy"],
        solidarity_weight=sw, lapse_institution_weight=p.threat_lapse_institution_protection,
        general_assets=general, third_party=st["third_party"], automatic=ag.automatic_renewal[slots],
        event_bound=np.isneginf(ag.term_end[slots]), notice_share=p.tacit_renewal_notice,
        unaimed_cohesion_weight=p.unaimed_cohesion_weight, check=world.inputs.check,
    )


def _hazard_terms(world: World, st: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The institutional assets, the general assets and the dissolution hazard's terms (K, A) of the agreements ``st["slots"]``
    (see :func:`alliance_politics`), with the theory's functions (a run that checks its inputs; :func:`_compiled_hazard_terms`
    otherwise). Sets ``st["threat_lapse_adapted"]`` and ``st["institutional_hold"]``."""
    p, tr, ag = world.inputs.params, world.inputs.trends, world.state.agreements
    slots, cohesion, change = st["slots"], st["cohesion"], st["capability_change"]
    # institutional assets: ATOP's 0-2 institutionalisation (Leeds & Anac 2005) as 0-1, or the integration reached (Lake 1999)
    institutional = th_integration.institutional_assets(ag.institutionalised[slots] / 2.0, np.clip(ag.integration[slots], 0.0, 1.0), check=True)
    # Wallander 2000: integrated assets serve against any threat, except those built for a war (a wartime command)
    general = np.where(ag.wartime[slots], 0.0, np.clip(ag.integration[slots], 0.0, 1.0))
    # the lapse the institutions do not absorb by adapting to the new threat (Wallander 2000, McCalla 1996)
    lapse = th_persistence.adapted_lapse(st["threat_lapse"], institutional, threshold=p.threat_lapse_institution_threshold, check=True)
    st["threat_lapse_adapted"] = lapse
    terms = th_cohesion.dissolution_terms(
        cohesion,
        capability_change=change,
        max_hazard=p.dissolution_hazard,
        change_weight=p.capability_change_weight,
        institutionalisation=institutional,
        institution_weight=p.institution_protection,
        cohesion_at_formation=ag.cohesion_start[slots],
        base_hazard=p.base_dissolution_hazard,
        threat_lapse=lapse,
        lapse_hazard=p.threat_lapse_hazard,
        lapse_institution_weight=p.threat_lapse_institution_protection,
        solidarity=st["democracy"],
        solidarity_weight=min(2.0 * tr.norms * p.solidarity_protection, 1.0),
        general_assets=general,
        third_party=st["third_party"],
        unaimed_cohesion_weight=p.unaimed_cohesion_weight,
        check=True,
    )
    terms = np.vstack([terms, _circumstance_terms(world, st, terms.sum(axis=0), institutional)])
    terms = np.vstack([terms, _threat_within_term(world, st, terms.sum(axis=0), institutional)])
    # a member's exit from a large treaty (one its exit does not unravel) leaves an organisation: its institutions hold it
    # (Wallander 2000; the in-sample record, foedus.theory.abrogation.institutional_hold), in every term but the purpose gone for all
    if p.multilateral_institution_protection > 0:
        hold = th_abrogation.institutional_hold(st["size"], institutional, protection=p.multilateral_institution_protection,
                                                larger_than=int(p.unravel_max_members))
        mine = np.arange(len(terms)) != th_cohesion.DISSOLUTION_CAUSES.index("threat gone")
        terms[mine] *= hold[None, :]
        st["institutional_hold"] = hold
    return institutional, general, terms


def _compiled_hazard_terms(world: World, st: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_hazard_terms` in one compiled pass (:func:`foedus.sim.steps.politics_kernels.hazard_terms`, the same bits:
    ``tests/sim/steps/test_politics_kernels.py``), given the realignment, the regime terms and the threat within of the year."""
    p, tr, ag = world.inputs.params, world.inputs.trends, world.state.agreements
    slots = np.ascontiguousarray(st["slots"], dtype=np.int64)
    realigned, _, any_member = _circumstance_inputs(world, st)
    within = _threat_within_probability(world, st)
    prm = np.array([p.threat_lapse_institution_threshold, p.dissolution_hazard, p.capability_change_weight, p.institution_protection,
                    p.base_dissolution_hazard, p.threat_lapse_hazard, p.threat_lapse_institution_protection,
                    min(2.0 * tr.norms * p.solidarity_protection, 1.0), p.unaimed_cohesion_weight, p.realignment_hazard,
                    p.multilateral_institution_protection, max(int(p.unravel_max_members), 2)], dtype=float)
    n = len(slots)
    terms, institutional, general, lapse, hold = np.empty((len(th_cohesion.DISSOLUTION_CAUSES), n)), np.empty(n), np.empty(n), np.empty(n), np.empty(n)
    hazard_terms(slots, ag.institutionalised, ag.integration, ag.wartime, ag.cohesion_start, st["cohesion"], st["capability_change"],
                 st["threat_lapse"], st["democracy"], st["third_party"], np.asarray(st["size"], dtype=float), realigned, any_member, within,
                 prm, terms, institutional, general, lapse, hold)
    st["threat_lapse_adapted"] = lapse
    if p.multilateral_institution_protection > 0:
        st["institutional_hold"] = hold
    return institutional, general, terms


def _circumstance_terms(world: World, st: dict, other: np.ndarray, institutional: np.ndarray) -> np.ndarray:
    """The 'realigned' and 'regime changed' terms of the hazard (:func:`foedus.theory.persistence.circumstance_terms`;
    Leeds & Savun 2007): (2, A) for the agreements ``st["slots"]``, whose other terms sum to ``other``.

    A member has allied with an outsider since it entered (:func:`foedus.theory.persistence.realignment` over the
    security agreements in force, :func:`_latest_outside_kernel`; ``realignment_memory``) with an adversary of a fellow
    member (:func:`foedus.theory.persistence.adversaries`, ``realignment_threat_share``: a reversal of alignment, not a
    new pact inside the same camp; Snyder 1997) by a treaty of defence or offence that pledges at least as much
    (``Agreements.commitment``: a substitute for the old one) and is not written against the old treaty's own founding
    threat (:func:`foedus.theory.abrogation.realigning_pledges`: Italy's neutrality accord with France of 1902 did not
    end the Triple Alliance, renewed that year; a pledge of neutrality, non-aggression or consultation with an adversary
    is hedging, not realignment, Weitsman 2004), or its regime has changed
    against its memory (``WorldState.regime_reference``, :func:`foedus.theory.persistence.regime_change`; each changed member
    abrogating on its own, :func:`foedus.theory.abrogation.regime_abrogation`); damped as every
    term is, by institutions (``institution_protection``) and democratic commitment (``solidarity_protection``)."""
    p = world.inputs.params
    realigned, shift, any_member = _circumstance_inputs(world, st)
    keep = 1.0 - p.institution_protection * institutional
    held = 1.0 - min(2.0 * world.inputs.trends.norms * p.solidarity_protection, 1.0) * st["democracy"]
    return th_persistence.circumstance_terms(np.minimum(other, 1.0), realigned, shift, realignment_hazard=p.realignment_hazard,
                                             regime_hazard=p.regime_change_hazard, keep=keep, held=held, check=world.inputs.check,
                                             regime_probability=any_member)


def _circumstance_inputs(world: World, st: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The realignment (0 or 1), the regime shift and the probability that a changed member abrogates (A,) of the agreements
    ``st["slots"]`` (:func:`_circumstance_terms`); sets ``st["realignment"]``, ``st["regime_change"]`` and ``st["regime_shift_by_state"]``."""
    p, ag, slots = world.inputs.params, world.state.agreements, st["slots"]
    realigned = np.empty(len(slots))
    if world.inputs.check:
        _realignment(world, st, realigned)
    else:  # the same rule in one compiled pass (politics_kernels.realigned_year)
        realigned_year(ag.members, np.ascontiguousarray(slots, dtype=np.int64), ag.entry_year, world.results.threat, float(p.realignment_threat_share),
                       ag.commitment, st["third_party"], ag.target, float(world.state.year), float(p.realignment_memory), realigned)
    ref = world.state.regime_reference if world.state.regime_reference.shape == world.state.regime.shape else world.state.regime
    # only a transition counts (Polity IV's REGTRANS): a drift below the threshold is read as no change at all
    moved = th_abrogation.regime_transition(world.state.regime, ref, threshold=p.regime_transition_threshold)
    ref = np.where(moved > 0, ref, world.state.regime)
    change = np.abs(world.state.regime - ref)
    # the members are read only in a year with a moved regime (_regime_terms: both terms 0 in the others)
    m = ag.members[slots] if (change != 0).any() else np.zeros((len(slots), 0), bool)
    shift, any_member = _regime_terms(m, world.state.regime, ref, change, p.regime_change_hazard)
    st["realignment"], st["regime_change"], st["regime_shift_by_state"] = realigned, shift, change
    return realigned, shift, any_member


def _realignment(world: World, st: dict, out: np.ndarray) -> None:
    """:func:`foedus.theory.persistence.realignment` of the agreements ``st["slots"]`` into ``out``, with the theory's
    :func:`~foedus.theory.persistence.adversaries` and the walk :func:`_realigning_outside_kernel` (a run that checks its inputs)."""
    p, ag, slots = world.inputs.params, world.state.agreements, st["slots"]
    m = ag.members[slots]
    # the kernel reads a member's entry year only (issue 11: the (A, N) entries with -1 for the non-members, which
    # realignment's rule asks, are formed for the rows it is evaluated on)
    entry = ag.entry_year[slots].astype(np.int64)
    hostile = th_persistence.adversaries(world.results.threat, share=p.realignment_threat_share)
    # [b, a]: b is a military commitment pledging at least what a does, not written against a's own founding threat
    # (th_abrogation.realigning_pledges, evaluated by the kernel for the pairs of treaties that share a member only)
    latest = np.full(m.shape, -1, np.int64)
    _realigning_outside_kernel(m, entry, hostile, ag.commitment[slots], st["third_party"], ag.target[slots], latest)
    rows = np.flatnonzero((latest >= 0).any(axis=1))  # the others realigned nowhere (0): the rule on the rows that may have
    out[:] = 0.0
    out[rows] = th_persistence.realignment(np.where(m[rows], entry[rows], -1), latest[rows], world.state.year, memory_years=p.realignment_memory)


def _regime_terms(m: np.ndarray, regime: np.ndarray, ref: np.ndarray, change: np.ndarray, hazard: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`foedus.theory.persistence.regime_change` (at most 1) and :func:`foedus.theory.abrogation.regime_abrogation` of the
    treaties ``m`` (A, N), evaluated on the rows with a member whose regime moved (``change`` (N,) not 0; issue 11: most years
    none, a few treaties in others): in the other rows every member's change is 0, so the largest change is 0 and every
    member stays with probability ``1 - hazard * 0 = 1``, both exactly 0, as the rule on the whole matrix gives."""
    shift, any_member = np.zeros(len(m)), np.zeros(len(m))
    moved = np.flatnonzero(change != 0)  # (a NaN regime counts as moved: the rule propagates it)
    if len(moved):
        rows = np.flatnonzero(m[:, moved].any(axis=1))
        if len(rows):
            shift[rows] = np.minimum(th_persistence.regime_change(m[rows], regime, ref), 1.0)
            # each member whose regime changed may abrogate on its own (Leeds & Savun 2007): the treaty's exposure is their union
            any_member[rows] = th_abrogation.regime_abrogation(m[rows], regime, ref, hazard=hazard)
    return shift, any_member


def _threat_within_term(world: World, st: dict, other: np.ndarray, institutional: np.ndarray) -> np.ndarray:
    """The 'threat within' term of the hazard (:func:`foedus.theory.abrogation.threat_within_term`): (A,) for the agreements
    ``st["slots"]``, whose other terms sum to ``other``. A member of a treaty of defence or offence (a third-party purpose,
    :func:`foedus.theory.persistence.has_third_party_purpose`) whose perceived main threat (:func:`main_threat_of`, the
    threat the face-validity tests and the formation events name) is a fellow member abrogates at ``threat_within_hazard``
    a year in a treaty of at most ``unravel_max_members`` members, ``threat_within_hazard_large`` in a larger one (:func:`foedus.theory.threat_within_size.threat_within_abrogation_by_size`,
    the in-sample record's excess by size; Leeds & Savun 2007, Walt 1997), unless a treaty of more
    than two against a common adversary still present tethers it (:func:`foedus.theory.abrogation.tethered`; Weitsman 2004:
    Greece and Turkey in NATO), in the measure of that adversary's threat to the member against its rival's; damped as every
    term is, by institutions and democratic commitment. Sets ``st["within"]``, ``st["exposure"]`` (each member's untethered
    share, by which the abrogating member is chosen) and ``st["tether"]`` (A, N)."""
    p = world.inputs.params
    prob = _threat_within_probability(world, st)
    keep = 1.0 - p.institution_protection * institutional
    held = 1.0 - min(2.0 * world.inputs.trends.norms * p.solidarity_protection, 1.0) * st["democracy"]
    return th_abrogation.threat_within_term(np.minimum(other, 1.0), prob, keep=keep, held=held)[None, :]


def _threat_within_probability(world: World, st: dict) -> np.ndarray:
    """The probability (A,) that a member of each agreement of ``st["slots"]`` abrogates for a threat within (:func:`_threat_within_term`);
    sets ``st["within"]``, ``st["exposure"]`` and ``st["tether"]``."""
    p, ag, slots, threat = world.inputs.params, world.state.agreements, st["slots"], world.results.threat
    main = st["main_threat"]
    # only a pledge to fight a third party is hollowed by the partner being the threat; pledges of neutrality, non-aggression or
    # consultation between rivals manage the rivalry (Weitsman 2004: hedging; the Helsinki Final Act, the Soviet pacts of 1926-33)
    if not world.inputs.check:  # the same in one compiled pass (politics_kernels.threat_within_terms)
        shape = (len(slots), world.n)
        within, exposure, tethers, prob = np.empty(shape, bool), np.empty(shape), np.empty(shape), np.empty(len(slots))
        hazards = np.array([p.threat_within_hazard, p.threat_within_hazard, p.threat_within_hazard_large], dtype=float)
        threat_within_terms(ag.members, np.ascontiguousarray(slots, dtype=np.int64), main, st["third_party"], ag.target, threat,
                            np.asarray(st["size"], dtype=float), st["threat_lapse"], hazards, float(int(p.unravel_max_members)), within, exposure, tethers, prob)
        st["within"], st["exposure"], st["tether"] = within, exposure, tethers
        return prob
    within = th_abrogation.threat_within(ag.members[slots], main) & st["third_party"][:, None]
    rows = np.flatnonzero(within.any(axis=1))
    # the terms below are evaluated only for the treaties with such a member (issue 11: a few of hundreds), row by row the
    # same operations on the same values: the others' exposure is 0, their tether NaN, their probability 1 - 1 = 0 exactly
    exposure, tethers, prob = np.zeros(within.shape), np.full(within.shape, np.nan), np.zeros(len(slots))
    if len(rows):  # (none: nothing more to evaluate)
        w = within[rows]
        tgt = ag.target[slots[rows]]
        rival = np.where(main >= 0, threat[np.arange(world.n), np.maximum(main, 0)], 0.0)  # (N,) the main threat's threat to each state
        common = threat[:, np.maximum(tgt, 0)].T  # (R, N) the treaty's founding threat's threat to each state
        ratio = np.where(w, common / np.where(rival > 0, rival, 1.0)[None, :], 0.0)
        tether = th_abrogation.tethered(st["size"][rows], st["threat_lapse"][rows], tgt >= 0, ratio)
        exposure[rows], tethers[rows] = np.where(w, 1.0 - tether, 0.0), np.where(w, tether, np.nan)
        # the hazard by the treaty's size (persist21, threat_within_size: the record gives none in a large organisation)
        prob[rows] = th_within_size.threat_within_abrogation_by_size(
            w, tether, st["size"][rows], bilateral=p.threat_within_hazard, intermediate=p.threat_within_hazard,
            large=p.threat_within_hazard_large, larger_than=int(p.unravel_max_members))
    st["within"], st["exposure"], st["tether"] = within, exposure, tethers
    return prob


def _stated_terms(world: World, rng: np.random.Generator, slots: np.ndarray) -> None:
    """A pact formed in the run states a term drawn from the record's treaty practice (``world.inputs.treaty_terms``; ATOP
    ``length``; :mod:`foedus.sim.build_terms`), renewed by the same, automatically where the drawn treaty's term renews
    unless a member gives notice (``world.inputs.treaty_automatic``, ATOP ``proren`` 2; Koremenos 2005); a draw of 0, or no
    practice, states none (inf). One draw per new pact, only when there is a practice to draw from. A pact formed while
    a member is at war (``wartime``) that states no term is made for that war: it lasts until no member is at war any
    more (-inf, an event-bound term, ATOP ``speclgth`` 2; ATOP 5.1: 16 of the 20 wartime alliances begun 1815-1914
    ended fulfilled, median 2 years; Leeds et al. 2002), when it ends with its provisions fulfilled
    (:func:`foedus.sim.steps.dissolution.expire_terms`); one that states a term keeps it, as the record's wartime
    treaties with a stated term did (the Anglo-Soviet treaty of 1942, for 20 years)."""
    ag = world.state.agreements
    fresh = slots[np.isnan(ag.term_end[slots])]
    if not len(fresh):
        return
    practice = world.inputs.treaty_terms
    pick = rng.integers(len(practice), size=len(fresh)) if len(practice) else np.zeros(len(fresh), np.intp)
    term = practice[pick] if len(practice) else np.zeros(len(fresh))
    auto = world.inputs.treaty_automatic[pick] if len(world.inputs.treaty_automatic) == len(practice) and len(practice) else np.zeros(len(fresh), bool)
    ag.term_end[fresh] = np.where(term > 0, ag.start_year[fresh] + term, np.inf)
    ag.renewal_years[fresh] = np.where(term > 0, term, np.nan)
    ag.automatic_renewal[fresh] = auto & (term > 0)
    # a pact made in war without a stated term is made for that war: its term is the war's end (-inf; ATOP wartime, speclgth 2)
    war = fresh[ag.wartime[fresh] & ~(term > 0)]
    ag.term_end[war], ag.renewal_years[war] = -np.inf, np.nan


def _democratisation(world: World, depth: np.ndarray) -> None:
    """Allies' democracy pulls up the regime of deeply integrated members (T5; Pevehouse 2005).

    :func:`foedus.theory.cohesion.democratic_diffusion` with the allies' regimes weighted by the
    strength of each tie (commitment × cohesion, ``world.results.ally_credibility``), the depth of the
    state's integration (the largest integration of its agreements: forward-deployed forces, a
    common command) and the yearly rate ``democratisation_rate × 2 T5``.
    """
    rate = world.inputs.params.democratisation_rate * 2.0 * world.inputs.trends.norms
    c = world.results.ally_credibility
    if rate <= 0 or not depth.any():
        return
    weight = c.sum(axis=1)
    if world.inputs.check:
        allied = weight > 0
        mean = np.where(allied, (c @ world.state.regime) / np.where(allied, weight, 1.0), world.state.regime)
        world.state.regime = th_cohesion.democratic_diffusion(world.state.regime, np.minimum(mean, 1.0), np.minimum(depth, 1.0), rate=min(rate, 1.0), check=True)
        return
    out = np.empty(len(weight))
    _diffusion_kernel(world.state.regime, c @ world.state.regime, weight, depth, float(min(rate, 1.0)), out)
    world.state.regime = out


@njit(cache=True)
def _dilemma_kernel(best_of, partner_risk, shared, entrapment, abandonment):  # pragma: no cover (compiled)
    """Snyder's alliance security dilemma per state, in NumPy's order of operations.

    :func:`foedus.theory.entrapment.entrapment_risk` of the strongest commitment
    ``best_of[:, 0]``, the partners' risk-taking and the shared adversary (emboldening 0), and
    :func:`foedus.theory.entrapment.abandonment_risk` of the commitment, the alternatives
    ``min(max(1 - best_of[:, 2], 0), 1)`` and the reassurance ``best_of[:, 1]``
    (``tests/sim/steps/test_politics.py`` proves both equal to the theory's).
    """
    for i in range(best_of.shape[0]):
        c = best_of[i, 0]
        r = partner_risk[i]
        bold = r
        entrapment[i] = c * bold * (1.0 - shared[i])
        a = 1.0 - best_of[i, 2]
        if not (a >= 0.0 or np.isnan(a)):
            a = 0.0
        if not (a <= 1.0 or np.isnan(a)):
            a = 1.0
        abandonment[i] = a * (1.0 - c) * (1.0 - best_of[i, 1])


@njit(cache=True)
def _integration_kernel(slots, target, institutionalised, integration, betrayal, rate, decay, persistence):  # pragma: no cover (compiled)
    """For each pact ``slots[r]`` (distinct): :func:`foedus.theory.integration.integration_update` of its integration
    towards the goal ``target * (inst + 1) / 3`` at ``rate``, sticky downwards by ``persistence * inst / 2`` (ATOP's 0-2
    halved), and ``betrayal *= decay``, in NumPy's order of operations (``tests/sim/steps/test_politics.py`` proves it equal)."""
    for r in range(slots.shape[0]):
        s = slots[r]
        goal = target[r] * float(institutionalised[s] + 1) / 3.0
        g = integration[s]
        step = rate
        if goal < g:
            step = rate * (1.0 - persistence * (float(institutionalised[s]) / 2.0))
        integration[s] = g + step * (goal - g)
        betrayal[s] = betrayal[s] * decay


@njit(cache=True)
def _diffusion_kernel(regime, pulled, weight, depth, rate, out):  # pragma: no cover (compiled)
    """:func:`foedus.theory.cohesion.democratic_diffusion` of ``regime``, the allies' mean regime
    ``min(pulled / weight, 1)`` (``regime`` without allies) and the tie ``min(depth, 1)``, state by
    state in NumPy's order of operations (``tests/sim/steps/test_politics.py`` proves it equal)."""
    for i in range(regime.shape[0]):
        r = regime[i]
        m = pulled[i] / weight[i] if weight[i] > 0 else r
        if not (m <= 1.0 or np.isnan(m)):
            m = 1.0
        s = depth[i]
        if not (s <= 1.0 or np.isnan(s)):
            s = 1.0
        gap = m - r
        if not (gap >= 0.0 or np.isnan(gap)):
            gap = 0.0
        out[i] = r + rate * s * gap


def cohesion_state(world: World) -> dict | None:
    """Cohesion of the security agreements in force and what follows from it (deterministic part of step 5).

    Sets ``agreements.cohesion``, ``world.results.ally_credibility``, ``world.results.entrapment`` and
    ``world.results.abandonment``; returns the per-agreement factors (or None without agreements).
    See :func:`alliance_politics` for the model.
    """
    tr = world.inputs.trends
    ag = world.state.agreements
    n = world.n
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    if not len(slots):
        world.results.ally_credibility = np.zeros((n, n))
        world.results.entrapment = np.zeros(n)
        world.results.abandonment = np.zeros(n)
        return None
    prof = security_profile(ag.members, slots, world.state.power, ag.power_start, world.results.threat, world.results.global_threat, world.state.economy, world.state.regime)
    rho, similarity, joint_dem = prof["rho"], prof["similarity"], prof["all_democracies"]
    competition = np.minimum(np.maximum(tr.economic_interdependence * prof["evenness"], 0.0), 1.0)
    prm = world.inputs.params
    cohesion = th_cohesion.alliance_cohesion(
        rho,
        competition,
        similarity,
        joint_democracy=joint_dem,
        intercept=prm.cohesion_intercept,
        threat_weight=prm.cohesion_threat_weight,
        competition_weight=prm.cohesion_competition_weight,
        similarity_weight=2.0 * tr.norms * prm.cohesion_similarity_weight,
        democracy_weight=2.0 * tr.norms * prm.cohesion_democracy_weight,
        check=world.inputs.check,
    )
    cohesion = np.minimum(np.maximum(cohesion * (1.0 - ag.betrayal[slots]), 0.0), 1.0)
    ag.cohesion[slots] = cohesion
    # cohesion at signature: a new pact's in its first year, a treaty in force when the run starts in the first call
    fresh = np.isnan(ag.cohesion_start[slots])
    if fresh.any():
        ag.cohesion_start[slots[fresh]] = cohesion[fresh]
    lapse, target_threat = founding_threat_lapse(world, slots, prof["size"])
    # Snyder's alliance security dilemma, per state, from its strongest commitment; allies'
    # risk-taking (their largest hostility) and whether an ally faces the same main threat
    partner_risk, main_threat = risk_and_main_threat(world.state.hostility, world.results.threat)
    perceived = main_threat_of(world)  # threat10: the perceived main threat itself, not the bare argmax (they differ where no live issue holds)
    main_threat = np.where(perceived >= 0, perceived, -1 - np.arange(world.n))  # no perceived main threat: shares none
    c_ij, best_of, risk_of_partners, shared = alliance_ties(ag.members, slots, ag.commitment, ag.integration, cohesion, partner_risk, main_threat)
    world.results.ally_credibility = c_ij
    commit, integ, best = best_of.T
    if world.inputs.check:
        world.results.entrapment = th_entrapment.entrapment_risk(commit, risk_of_partners, shared, check=True)
        alternatives = np.minimum(np.maximum(1.0 - best, 0.0), 1.0)
        world.results.abandonment = th_entrapment.abandonment_risk(commit, alternatives, integ, check=True)
    else:
        world.results.entrapment, world.results.abandonment = np.empty(n), np.empty(n)
        _dilemma_kernel(best_of, risk_of_partners, shared, world.results.entrapment, world.results.abandonment)
    return {
        "slots": slots,
        "rho": rho,
        "cohesion": cohesion,
        "competition": competition,
        "similarity": similarity,
        "democracy": _democratic_commitment(world, slots),
        "third_party": th_persistence.has_third_party_purpose(ag.obligations[slots]),
        "joint_democracy": joint_dem,
        "capability_change": prof["capability_change"],
        "integration_by_state": integ,
        "threat_lapse": lapse,
        "target_threat": target_threat,
        "size": prof["size"],
        "main_threat": perceived,
    }


def _democratic_commitment(world: World, slots: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.persistence.democratic_commitment` of the agreements ``slots``; in a run that does not check its inputs,
    one compiled pass over their members (:func:`_least_regime_kernel`, the same values: ``tests/sim/test_politics_speed.py``)."""
    ag = world.state.agreements
    if world.inputs.check:
        return th_persistence.democratic_commitment(ag.members[slots], world.state.regime)
    out = np.empty(len(slots))
    _least_regime_kernel(ag.members, np.ascontiguousarray(slots, dtype=np.int64), np.ascontiguousarray(world.state.regime, dtype=float), out)
    return out


@njit(cache=True)
def _least_regime_kernel(members, slots, regime, out):  # pragma: no cover (compiled)
    """``out[r]``: the least regime of the members of agreement ``slots[r]`` (NaN propagated, as numpy's minimum), 0 where that is not
    finite (no members): :func:`foedus.theory.persistence.democratic_commitment` without its (A, N) array (issue 11)."""
    for r in range(slots.shape[0]):
        a = slots[r]
        low = np.inf
        for i in range(members.shape[1]):
            if members[a, i]:
                v = regime[i]
                if v < low or v != v:
                    low = v
                    if v != v:
                        break
        out[r] = low if np.isfinite(low) else 0.0
