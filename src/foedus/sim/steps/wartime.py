"""Step 8b, pacts made for a war: signed when a war begins, ended, their purpose fulfilled, when it is over (A2, D2).

The record's nineteenth-century alliances are short because most were made for one war and ended with it
(Gibler 2009; Leeds & Savun 2007 code the ending as the alliance's purpose fulfilled). This step runs after
:func:`foedus.sim.steps.conflict.conflict_and_commitments`, over the wars registered there (``world.state.wars``):

- **fulfilled**: a pact made for a war (``Agreements.war_enemy``) ends when none of its members is at war with its
  enemy any more (:func:`foedus.theory.wartime.fulfilled`), logged as a ``dissolution`` with the cause
  ``"fulfilled"``;
- **coalitions**: in the year a war begins, each of its two first belligerents ``b`` may sign a pact with a state ``j``
  that shares its enemy ``e`` (its strategic rival, :func:`foedus.theory.wartime.common_adversary`: Snyder 1997, Thompson 2001;
  not allied to either side, not at war with ``b``; no great power in a war between two minor states,
  :func:`foedus.theory.wartime.localised`: Schroeder 1994): an *offence* pact on the
  attacker's side, a *defence* pact on the target's, with :func:`foedus.theory.wartime.signing_probability` of
  :func:`foedus.theory.wartime.coalition_gain` (Bueno de Mesquita 1981: the rise in the option to fight that j's forces,
  carried to the enemy's territory, bring) at rate ``wartime_pact_rate``; a pledge to fight beside the attacker counts only
  the share the instruments against war leave it (:func:`foedus.sim.steps.formation.offence_term`: Covenant art. 16 and 20,
  Charter art. 2(5) and 103), on each signatory's side (the value to the belligerent, and the partner's consent). The
  partner consents only where entering is worth its own while: :func:`foedus.theory.wartime.entry_value`, what its forces add
  to the side's chance of winning times its preference for that side over the enemy, less the cost of fighting
  ``wartime_entry_cost`` (Altfeld & Bueno de Mesquita 1979; Bueno de Mesquita & Lalman 1992), positive.
  The partner fights with it: a partner not yet in the war enters it on b's side (a ``war_entry`` event, route
  ``"wartime pact"``: Prussia and Italy against Austria, 1866), but a great power that signs against a great power enters as a
  called ally does, with the era's reliability of a call at the onset's major-major odds
  (:func:`foedus.theory.war_restraint.great_power_restraint`; gpwar13: Austria's treaties of 1854 with the Ottoman Empire and
  the Western powers, and Germany's with Russia at Björkö, 1905, brought no entry; the pact is signed either way), and a
  nuclear-armed partner does not enter against a nuclear-armed enemy, as on every other route into a war
  (:func:`foedus.sim.steps.war_entry.nuclear_restraint`; Jervis 1989: until 2026-12 this route alone ignored it, and record-built
  runs of 1946-1989 had the United States join China against the Soviet Union, 1961). From the Charter on, states that combine at a war's outset
  fight together without a treaty (collective self-defence at the victim's request, art. 51:
  :func:`foedus.theory.joining.coalition_treaty`; Britain, France and Israel at Suez, 1956; ATOP 5.1 and COW: 10 of the 20
  wartime pacts begun 1816-1914 came with a member entering a war beside another in the pact's year, none of the 7 begun
  1946-1989): the partner enters by route ``"wartime coalition"`` (obligation ``none``, ``treaty`` False in its factors) and
  no pact is signed (until 2026-12, join12, a defence pact was: :func:`foedus.theory.wartime.offence_written`'s form);
- **neutrality**: the attacker may obtain a bystander's pledge of neutrality (Leeds 2003: the prospective attacker seeks
  it), with :func:`foedus.theory.wartime.signing_probability` of :func:`foedus.theory.wartime.leaning_neutrality_gain` (the
  loss the bystander's intervention for the target would cost the attacker, the bystander weighted by its preference for
  the target's victory, :func:`foedus.theory.wartime.leaning`: Bueno de Mesquita 1981; a state indifferent between the two
  sides, as an uninvolved great power in a regional war, is no danger and is asked for nothing) times the conquest discount
  (:func:`foedus.sim.steps.formation.norm_terms`) at rate ``wartime_neutrality_rate``, times the bystander's consent
  ``1 - H[j, b]`` (a state hostile to the attacker promises it nothing) and the standing the instruments against war
  leave a pledge to stand aside from an aggression (:func:`foedus.sim.steps.formation.offence_term`: the Covenant's
  members act against an aggressor, art. 16, and enter no engagement inconsistent with it, art. 20; the Charter's
  refrain from assisting a state the Council acts against, art. 2(5), and its obligations prevail, art. 103). A permanently neutral state pledges nothing
  (its neutrality is already owed: Hague Convention V, 1907). From the Charter on, the promise to stay out is written as a
  *non-aggression* pact (:func:`foedus.theory.wartime.neutrality_written`: a member cannot promise to stand aside from the
  Council's action, art. 2(5), 25 and 103; ATOP 5.1 codes no wartime pact begun 1946-2018 as neutrality, 6 of 14 as
  non-aggression).

Only states that can take part in the war sign (contiguous to a belligerent, a major power, or a rival of a
belligerent: Maoz & Russett 1993's politically relevant dyads, Lemke & Reed 2001).

A bystander's pledge is bilateral; the partners that combine with one belligerent at a war's outset write one coalition
treaty of them all, unless two of them are strategic rivals (:func:`foedus.theory.obligations.coalition_treaty_groups`:
the Crimean coalition, 1854; bilat14). Every pact is closed to accession, made for the war (``wartime``; its term the war's end, ``term_end``
-inf, as :mod:`foedus.sim.steps.politics` reads it), written against the enemy (``target``, ``adversary``; its defence
and offence obligations hold against that enemy only, ATOP ``defcoadv``/``offcoadv``: Leeds, Long & Mitchell 2000); its
``formation`` event names the war, the enemy and every term of the choice. Python loops run over the year's new wars
only.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.steps import war_entry_kernels as wkern
from foedus.sim.steps._common import ALLIANCE
from foedus.sim.steps.dissolution import dissolve
from foedus.sim.steps.formation import norm_terms, offence_term
from foedus.sim.steps.neutrality import permanently_neutral
from foedus.sim.steps.war_entry import nuclear_restraint, reach_of, year_reach
from foedus.sim.world import World
from foedus.theory import joining as th_join
from foedus.theory import obligations as th_ob
from foedus.theory import war as th_war
from foedus.theory import war_restraint as th_restraint
from foedus.theory import wartime as th_wt
from foedus.theory.capability import asymmetric_capabilities
from foedus.theory.renunciation import territorial_integrity_norm
from foedus.theory.war import CONDITIONS_WRITTEN, condition_bits
from foedus.theory.war_onset import politically_relevant

_AGAINST_THE_ENEMY = condition_bits(["defence_named_adversary", "offence_named_adversary"]) | CONDITIONS_WRITTEN
"""The written conditions of a pact made for a war: its defence and offence obligations hold against the enemy it names."""


def wartime_pacts(world: World, rng: np.random.Generator) -> None:
    """End the pacts whose war is over, then sign this year's wars' pacts (see the module's docstring)."""
    _fulfil(world)
    p = world.inputs.params
    if p.wartime_pact_rate <= 0 and p.wartime_neutrality_rate <= 0:
        return
    for war in [w for w in world.state.wars if w["start"] == world.state.year]:
        att, tgt = war["attacker"], war["target"]
        if not (world.state.at_war[att, tgt] and world.state.active[att] and world.state.active[tgt]):
            continue
        if p.wartime_pact_rate > 0:
            _coalition(world, rng, war, att, tgt, 1)
            _coalition(world, rng, war, tgt, att, 2)
        if p.wartime_neutrality_rate > 0:
            _neutrality(world, rng, war, att, tgt)


def _fulfil(world: World) -> None:
    """The pacts made for a war that none of their members fights any more end, their purpose fulfilled (Leeds & Savun 2007)."""
    ag = world.state.agreements
    k = ag.n
    slots = np.flatnonzero(ag.active[:k] & (ag.war_enemy[:k] >= 0))
    if not len(slots):
        return
    done = slots[th_wt.fulfilled(ag.members[slots], ag.war_enemy[slots], world.state.at_war, check=world.inputs.check)]
    if not len(done):
        return
    details = None
    if world.inputs.explain:
        details = [
            {"cause": "fulfilled", "enemy": int(world.inputs.ccode[e]), "factors": {"made_for_the_war": True, "years_in_force": int(world.state.year - s)}}
            for e, s in zip(ag.war_enemy[done].tolist(), ag.start_year[done].tolist())
        ]
    dissolve(world, done, details)


def _projected(world: World, who: np.ndarray, enemy: int) -> np.ndarray:
    """The capability of ``who`` that reaches ``enemy``'s territory (Bueno de Mesquita 1981: CINC times the loss-of-strength gradient)."""
    # the reach (:func:`foedus.theory.war_onset.reach`) from the year's matrix, whose column of the enemy the conflict step has
    # most often computed by then (issue 16)
    return world.state.cinc[who] * reach_of(world, who, enemy)


def _candidates(world: World, war: dict, b: int, e: int) -> np.ndarray:
    """States that may sign with belligerent ``b`` against ``e``: active, neither of them, at war with neither, allied to neither,
    and able to take part in the war: contiguous to a belligerent, a major power, or a rival of a belligerent
    (:func:`foedus.theory.war_onset.politically_relevant`: Maoz & Russett 1993, Lemke & Reed 2001)."""
    allied = world.state.agreements.allied()
    ok = world.state.active & ~allied[b] & ~allied[e] & ~world.state.at_war[b] & ~world.state.at_war[e]
    ok &= politically_relevant(world.inputs.contiguous[b] | world.inputs.contiguous[e], world.state.major, world.state.rivalry[b] | world.state.rivalry[e])
    ok[[b, e]] = False
    side = np.fromiter(war["side"].keys(), np.intp)
    ok[side] = False
    return np.flatnonzero(ok)


def _coalition(world: World, rng: np.random.Generator, war: dict, b: int, e: int, side: int) -> None:
    """Belligerent ``b`` (war side ``side``: 1 the attacker's, 2 the target's) combines against ``e`` with states sharing its enemy.

    Before the Charter it signs a pact for the war with each partner; under it the partners enter without one (see the module's
    docstring; :func:`foedus.theory.joining.coalition_treaty`).
    """
    p = world.inputs.params
    cand = _candidates(world, war, b, e)
    # a coalition is made against a common adversary: the partner is the enemy's strategic rival (Snyder 1997, Thompson 2001;
    # the record: 69 % of the partners of 1816-1914; face15, 2026-12: a lingering grudge made Austria-Hungary Serbia's ally)
    cand = cand[th_wt.common_adversary(world.state.rivalry[cand, e], check=world.inputs.check)]
    # a war between two minor states stays local: no great power combines in it (Schroeder 1994; COW 1816-1989: 1 of 35 such wars)
    major = world.state.major.astype(bool)
    cand = cand[~th_wt.localised(major[cand], major[b], major[e], check=world.inputs.check)]
    if not len(cand):
        return
    # the capabilities at the enemy's territory (_projected), the gain and the partners' entry values in one compiled pass
    # (war_entry_kernels.coalition_terms, the theory's formulas to the bit); an input the theory refuses goes back to it
    own, enemy, partner, gain, value, valid = wkern.coalition_terms(cand, b, e, world.state.cinc, year_reach(world, np.array([e])), world.state.hostility, float(p.wartime_entry_cost))
    own, enemy = np.array([own]), np.array([enemy])
    if not valid:
        own = _projected(world, np.array([b]), e)
        enemy = world.state.cinc[[e]]
        partner = _projected(world, cand, e)
        gain = th_wt.coalition_gain(np.repeat(own, len(cand)), np.repeat(enemy, len(cand)), partner, np.full(len(cand), world.state.hostility[b, e]), world.state.hostility[cand, e], check=world.inputs.check)
    # a pledge to fight beside the attacker is an engagement the instruments void, for each of its two signatories, whatever its
    # written form (Covenant art. 16 and 20; Charter art. 2(5) and 103): under the Charter it is written as self-defence, and
    # still discounted
    standing = offence_term(world) if side == 1 else 1.0
    # the partner's consent: its own expected utility of entering, net of the cost of fighting (Altfeld & Bueno de Mesquita 1979;
    # Bueno de Mesquita & Lalman 1992), its preference for b's victory read from its hostilities to e and to b
    if not valid:
        pref = th_wt.leaning(world.state.hostility[cand, e], world.state.hostility[cand, b], check=world.inputs.check)
        value = th_wt.entry_value(np.repeat(own, len(cand)), np.repeat(enemy, len(cand)), partner, pref, p.wartime_entry_cost, check=world.inputs.check)
    prob = th_wt.signing_probability(gain * standing, p.wartime_pact_rate, check=world.inputs.check) * standing * (value > 0)
    go = np.flatnonzero(rng.random(len(cand)) < prob)
    if not len(go):
        return
    j = cand[go]
    # the form of the pact: the attacker's coalition is an offence pact until the Charter, collective self-defence after (art. 51)
    # (read once a partner signs: most belligerents find none, 1,590 calls in 200 years of the 200-state world)
    offence = bool(th_wt.offence_written(np.array([side == 1]), territorial_integrity_norm(world.state.year), check=world.inputs.check)[0])
    charter = bool(territorial_integrity_norm(world.state.year))
    # the form of the coalition: a treaty for the war before the Charter, collective self-defence without one under it (art. 51)
    treaty = bool(th_join.coalition_treaty(charter, check=world.inputs.check))
    ob = ("offense" if offence else "defense") if treaty else "none"
    factors = [{"coalition_gain": float(g), "offence_standing": float(standing), "hostility_to_enemy": float(world.state.hostility[b, e]),
                "partner_hostility_to_enemy": float(hj), "own_capability_at_enemy": float(own[0]), "partner_capability_at_enemy": float(pc),
                "enemy_capability": float(enemy[0]), "partner_entry_value": float(v), "partner_entry_cost": float(p.wartime_entry_cost),
                "signing_probability": float(q), "under_the_charter": charter, "treaty": treaty}
               for g, hj, pc, v, q in zip(gain[go], world.state.hostility[j, e], partner[go], value[go], prob[go])]
    enters = _entering(world, rng, war, j, e, side, charter, factors)
    if treaty:  # partners of one outset write one coalition treaty, unless two are strategic rivals (bilat14)
        groups = th_ob.coalition_treaty_groups(world.state.rivalry[np.ix_(j, j)])
        for g in np.unique(groups).tolist():
            at = np.flatnonzero(groups == g)
            (_sign if len(at) == 1 else _sign_coalition)(world, war, b, j[at], e, ob, [factors[k] for k in at])
    # the partner fights with it: it enters the war on b's side against e
    j, factors = j[enters], [f for f, en in zip(factors, enters) if en]
    if not len(j):
        return
    world.state.at_war[j, e] = world.state.at_war[e, j] = True
    world.state.hostility[j, e] = world.state.hostility[e, j] = np.maximum(world.state.hostility[j, e], p.honour_hostility)
    for s in j.tolist():
        war["side"][s] = side
    world.log.events(world.state.year, "war_entry", -1, world.inputs.ccode[j], world.inputs.ccode[e], [
        {"route": "wartime pact" if treaty else "wartime coalition", "war": _war_key(world, war), "side_of": int(world.inputs.ccode[b]), "side": side,
         "factors": {"obligation": ob, **f}} for f in factors
    ])


def _entering(world: World, rng: np.random.Generator, war: dict, j: np.ndarray, e: int, side: int, charter: bool, factors: list[dict]) -> np.ndarray:
    """Which of the partners ``j`` that combine with a belligerent against ``e`` (war side ``side``) enter the war (gpwar13).

    Every route into a war is held back by the nuclear restraint (:func:`foedus.sim.steps.war_entry.nuclear_restraint`: a
    nuclear-armed state does not enter a war against a nuclear-armed belligerent; Jervis 1989); and a great power combining
    against a great power enters as a called ally does, with the era's reliability of a call
    (:func:`foedus.theory.war.honour_base_rate`) at the onset's major-major odds
    (:func:`foedus.theory.war_restraint.great_power_restraint`; Bremer 1992, Levy 1983: Austria signed with Britain and France
    in 1854 and stayed out); every other partner enters. The factors of the restrained ones name the terms and the draw.
    """
    p = world.inputs.params
    nf, joint = nuclear_restraint(world, war, j, np.full(len(j), side))
    gp = world.state.major[j] & bool(world.state.major[e]) & (p.war_onset_joint_major != 0.0)
    if not (gp.any() or joint.any()):
        return np.ones(len(j), bool)
    rho = float(th_war.honour_base_rate(charter, p.honour_base_rate, p.honour_base_rate_charter, check=world.inputs.check))
    pe = np.where(gp, th_restraint.great_power_restraint(np.full(len(j), rho), gp, True, p.war_onset_joint_major, check=world.inputs.check), 1.0) * nf
    enters = rng.random(len(j)) < pe
    for f, g, nj, n, q, en in zip(factors, gp, joint, nf, pe, enters):
        if g:
            f.update({"honour_base_rate": rho, "great_power_restraint": float(p.war_onset_joint_major)})
        if nj:
            f["nuclear_restraint"] = float(n)
        if g or nj:
            f.update({"entry_probability": float(q), "enters": bool(en)})
    return enters


def _neutrality(world: World, rng: np.random.Generator, war: dict, a: int, t: int) -> None:
    """The attacker ``a`` obtains pledges of neutrality in its war with ``t`` from bystanders (Leeds 2003)."""
    p = world.inputs.params
    cand = _candidates(world, war, a, t)
    cand = cand[~permanently_neutral(world)[cand]]
    if not len(cand):
        return
    # Bueno de Mesquita (1981): a bystander counts by its preference for the target's victory over the attacker's; the capabilities
    # at the target's territory, the leaning and the gain in one compiled pass (war_entry_kernels.neutrality_terms, to the bit)
    own, enemy, bystander, lean, gain, valid = wkern.neutrality_terms(cand, a, t, world.state.cinc, year_reach(world, np.array([t])), world.state.hostility)
    own, enemy = np.array([own]), np.array([enemy])
    if not valid:  # an input the theory refuses: its functions say why
        own = _projected(world, np.array([a]), t)
        enemy = world.state.cinc[[t]]
        bystander = _projected(world, cand, t)
        lean = th_wt.leaning(world.state.hostility[cand, a], world.state.hostility[cand, t], check=world.inputs.check)
        gain = th_wt.leaning_neutrality_gain(np.repeat(own, len(cand)), np.repeat(enemy, len(cand)), bystander, np.full(len(cand), world.state.hostility[a, t]), lean, check=world.inputs.check)
    discount = norm_terms(world)[0]  # the gain of conquest the norm leaves the attacker (Zacher 2001)
    # the bystander's consent: none to an attacker it is hostile to, and a pledge to stand aside from an aggression is an
    # engagement the instruments void (Covenant art. 16 and 20: every member acts against an aggressor; Charter art. 2(5), 103)
    standing = offence_term(world)
    consent = (1.0 - world.state.hostility[cand, a]) * standing
    prob = th_wt.signing_probability(gain * discount, p.wartime_neutrality_rate, check=world.inputs.check) * consent
    go = np.flatnonzero(rng.random(len(cand)) < prob)
    if not len(go):
        return
    j = cand[go]
    factors = [{"neutrality_gain": float(g), "conquest_discount": float(discount), "hostility_to_enemy": float(world.state.hostility[a, t]),
                "partner_hostility_to_enemy": float(world.state.hostility[s, t]), "bystander_hostility_to_attacker": float(world.state.hostility[s, a]),
                "own_capability_at_enemy": float(own[0]), "partner_capability_at_enemy": float(bc), "enemy_capability": float(enemy[0]),
                "offence_standing": float(standing), "consent": float(c), "signing_probability": float(q), "bystander_leaning_to_enemy": float(lg)}
               for g, s, bc, c, q, lg in zip(gain[go], j.tolist(), bystander[go], consent[go], prob[go], lean[go])]
    # under the Charter the promise to stay out is written as non-aggression (art. 2(5), 25, 103; ATOP 5.1: no wartime neutrality pact after 1945)
    written = "neutrality" if bool(th_wt.neutrality_written(territorial_integrity_norm(world.state.year))[0]) else "nonaggression"
    for f in factors:
        f["under_the_charter"] = written != "neutrality"
    _sign(world, war, a, j, t, written, factors)


def _sign(world: World, war: dict, b: int, partners: np.ndarray, enemy: int, obligation: str, factors: list[dict]) -> None:
    """Bilateral pacts of ``b`` with each of ``partners`` made for ``war`` against ``enemy``, and their ``formation`` events."""
    ag = world.state.agreements
    pairs = np.stack([np.full(len(partners), b), partners], axis=1)
    pw = world.state.power[pairs]
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index(obligation)] = True
    slots = ag.add_pairs(
        pairs, world.state.year, kind=ALLIANCE, obligations=ob, asymmetric=asymmetric_capabilities(pw.max(axis=1), pw.min(axis=1)),
        leader=np.where(pw[:, 0] >= pw[:, 1], b, partners), wartime=np.ones(len(partners), bool), power=pw,
    )
    # made for the war: its term is the war's end (politics reads -inf so), written against the enemy
    ag.term_end[slots], ag.renewal_years[slots] = -np.inf, np.nan
    ag.target[slots] = ag.adversary[slots] = ag.war_enemy[slots] = enemy
    # written against that enemy only: it calls nobody against another attacker (ATOP defcoadv, offcoadv; Leeds, Long & Mitchell 2000)
    ag.war_conditions[slots] = _AGAINST_THE_ENEMY
    details = None
    if world.inputs.explain:
        details = [{"cause": "made for a war", "war": _war_key(world, war), "enemy": int(world.inputs.ccode[enemy]), "obligations": [obligation], "factors": f} for f in factors]
    world.log.events(world.state.year, "formation", ag.agreement_id[slots], np.full(len(partners), world.inputs.ccode[b]), world.inputs.ccode[partners], details)


def _sign_coalition(world: World, war: dict, b: int, partners: np.ndarray, enemy: int, obligation: str, factors: list[dict]) -> None:
    """One treaty of ``b`` and all its ``partners`` made for ``war`` against ``enemy``
    (:func:`foedus.theory.obligations.coalition_treaty_groups`: the Crimean coalition's, 1854), as :func:`_sign` writes a
    pair's; closed to accession, its term the war's end; its ``formation`` event lists the members (``member_states``) and each partner's terms (``members``, as a bloc's)."""
    ag = world.state.agreements
    founders = np.concatenate([[b], partners]).astype(np.intp)
    pw = world.state.power[founders]
    lead = int(founders[np.argmax(pw)])
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index(obligation)] = True
    slot = ag.add_pairs(
        founders[None, :2], world.state.year, kind=ALLIANCE, obligations=ob, asymmetric=asymmetric_capabilities(pw.max(keepdims=True), pw.min(keepdims=True)),
        leader=np.array([lead]), wartime=np.ones(1, bool), power=pw[None, :2],
    )
    ag.join_many(np.full(len(founders) - 2, slot[0]), founders[2:], world.state.year, world.state.power)
    ag.term_end[slot], ag.renewal_years[slot] = -np.inf, np.nan
    ag.target[slot] = ag.adversary[slot] = ag.war_enemy[slot] = enemy
    ag.war_conditions[slot] = _AGAINST_THE_ENEMY
    code = world.inputs.ccode
    details = None
    if world.inputs.explain:
        details = [{"cause": "made for a war", "war": _war_key(world, war), "enemy": int(code[enemy]), "obligations": [obligation],
                    "member_states": code[founders].tolist(), "members": [{"ccode": int(c), **f} for c, f in zip(code[partners].tolist(), factors)],
                    "factors": {"made_for_the_war": True, "leader": int(code[lead]), "founders": len(founders)}}]
    world.log.events(world.state.year, "formation", ag.agreement_id[slot], code[[b]], code[partners[:1]], details)


def _war_key(world: World, war: dict) -> list[int]:
    """The war as its events name it: [first year, attacker's COW code, target's COW code]."""
    return [int(war["start"]), int(world.inputs.ccode[war["attacker"]]), int(world.inputs.ccode[war["target"]])]
