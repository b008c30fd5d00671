r"""Disputes, their escalation to war, and the call to arms of allies (brief P5, D3; Leeds et al. 2000, 2002).

**The call to arms.** An alliance obliges its members only to what its treaty says. In the
Alliance Treaty Obligations and Provisions project (ATOP; Leeds et al. 2002) two obligations
promise active military support in a war: *defence* (come to the aid of a member that is
attacked) and *offence* (join a member's war whatever its origin). Neutrality, non-aggression
and consultation promise restraint or talk, never fighting. So when a state is attacked, the
*casus foederis* arises for (:func:`casus_foederis`)

- every other member of a defence pact of the attacked state (it is called to the *victim's*
  side), and
- every other member of an offence pact of the attacker (it is called to the *attacker's* side),

provided the pact does not also bind the state on the other side (a pact of both belligerents
calls nobody, unless its casus foederis arises against a member: ``against_a_member``, drawn by
the simulator with ``intra_alliance_casus``), nor the called state to defend the state it would fight through another pact: its
obligations conflict, and it stays out (NATO's members in the Cyprus war of 1974, the Rio Pact's in
the Football War of 1969; the EU treaty's defence clause does not call its NATO members against a
NATO ally). A state bound by several pacts answers to the strongest obligation
(:func:`foedus.theory.capability.commitment_strength` of the defence and offence obligations
alone; a conditional one counts less, for a caller that weighs whether its conditions will
hold). Whether it honours the call is
:func:`foedus.theory.cohesion.honour_probability`: about three quarters of the alliance commitments
whose casus foederis arose were honoured in 1816–1944 (Leeds, Long & Mitchell 2000; Leeds 2003).
That share counts only the commitments whose *specific conditions* were met, which is Leeds, Long
& Mitchell's point against earlier, lower estimates; so once a call is the casus foederis (the
simulator's, which does not code what a condition is), a conditional pact binds as its
unconditional form, and its discount is not applied again to the decision to honour. After the Second World War the
record is another: Berkemeier & Fuhrmann (2018), extending Leeds, Long & Mitchell's coding to 2003, find commitments
honoured 66 % of the time before 1945 and 22 % from 1945 (defence pacts 41 % over both); :func:`honour_base_rate` is the
intercept of the decision to honour by era.

**Disputes and escalation.** A militarised dispute between two states needs opportunity and
willingness (Most & Starr 1989): its yearly probability is proportional to their hostility and
their proximity (:func:`dispute_probability`), damped between members of a collective-security
organisation by its cohesion, less so under great-power competition (:func:`institutional_restraint`;
Russett & Oneal 2001 on institutions' pacifying effect). A share of disputes, growing with the
hostility of the pair, escalates to war (:func:`escalation_probability`; most disputes do not:
Jones, Bremer & Singer 1996 count war in under 5 % of MIDs).

References
----------
1. Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating alliance reliability: specific
   threats, specific promises. *Journal of Conflict Resolution* 44(5): 686-699.
2. Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and
   Provisions, 1815-1944. *International Interactions* 28(3): 237-260.
3. Leeds, B. A. (2003). Alliance reliability in times of war. *International Organization* 57(4): 801-827.
4. Most, B. A. & Starr, H. (1989). *Inquiry, Logic and International Politics*. University of South Carolina Press.
5. Jones, D. M., Bremer, S. A. & Singer, J. D. (1996). Militarized interstate disputes, 1816-1992.
   *Conflict Management and Peace Science* 15(2): 163-213.
6. Russett, B. & Oneal, J. R. (2001). *Triangulating Peace*. New York: Norton.
7. Berkemeier, M. & Fuhrmann, M. (2018). Reassessing the fulfillment of alliance commitments in war. *Research & Politics*
   5(2): 1-5.
8. Charter of the United Nations (1945), arts. 51-54 (regional arrangements: pacific settlement of local disputes, no
   enforcement action without the Security Council's authorisation).
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.theory._validate import _array
from foedus.theory.capability import commitment_strength

__all__ = ["CONDITIONS_WRITTEN", "WAR_CONDITIONS", "WAR_OBLIGATIONS", "casus_foederis", "condition_bits", "conditions_met", "dispute_probability", "escalation_probability", "escalation_restraint", "honour_base_rate", "institutional_restraint", "intra_alliance_casus", "war_commitment", "written_conditions"]

WAR_OBLIGATIONS: tuple[str, str] = ("defense", "offense")
"""The ATOP obligations that promise to fight (Leeds et al. 2002); the others never call a member to war."""

_DEF, _OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")

WAR_CONDITIONS: tuple[str, ...] = ("defence_named_adversary", "defence_unprovoked", "offence_named_adversary")
"""The conditions of a war obligation that decide whether a given war calls a member (ATOP 5.1 codebook, member level):
``defence_named_adversary`` (ATOP ``defcoadv``: defence only against a specific adversary), ``defence_unprovoked``
(``defconpr``: only if the ally did not provoke the attack), ``offence_named_adversary`` (``offcoadv``: offence only against
a specific adversary). Bit ``k`` of an agreement's condition code is ``WAR_CONDITIONS[k]`` (:func:`condition_bits`)."""


def condition_bits(names) -> int:
    """The condition code (a bit mask over :data:`WAR_CONDITIONS`) of the listed condition names.

    Examples
    --------
    >>> condition_bits(["defence_named_adversary"]), condition_bits(["defence_unprovoked", "offence_named_adversary"])
    (1, 6)
    """
    out = 0
    for n in names:
        if n not in WAR_CONDITIONS:
            raise ValueError(f"condition_bits: unknown condition {n!r}; choose among {', '.join(WAR_CONDITIONS)}")
        out |= 1 << WAR_CONDITIONS.index(n)
    return out


CONDITIONS_WRITTEN = 8
"""Bit of a condition code that says the conditions were written (drawn) for a pact formed in a run (:func:`written_conditions`)."""


def written_conditions(uniforms, shares, obligations) -> np.ndarray:
    """The condition codes of new pacts written with the record's shares of each condition (ATOP 5.1; Leeds et al. 2002).

    A pact gets condition ``k`` of :data:`WAR_CONDITIONS` where it holds the obligation the condition
    qualifies (defence for the first two, offence for the third) and its uniform draw ``u_k`` is below
    ``shares[k]``, the share of the record's pacts with that obligation whose members all have the
    condition coded. The code carries :data:`CONDITIONS_WRITTEN` so that a pact is written once.

    Parameters
    ----------
    uniforms : (S, 3) array_like in [0, 1)
    shares : (3,) array_like in [0, 1]
    obligations : (S, 5) array_like of bool

    Examples
    --------
    >>> written_conditions([[0.1, 0.5, 0.1], [0.9, 0.01, 0.5]], [0.27, 0.036, 0.69], [[1, 1, 0, 0, 0], [1, 0, 0, 0, 0]]).tolist()
    [13, 10]
    """
    u = np.asarray(uniforms, dtype=float).reshape(-1, len(WAR_CONDITIONS))
    sh = np.asarray(shares, dtype=float)
    ob = np.asarray(obligations, dtype=bool).reshape(len(u), len(OBLIGATIONS))
    holds = np.stack([ob[:, _DEF], ob[:, _DEF], ob[:, _OFF]], axis=1)
    bits = ((u < sh[None, :]) & holds) * (1 << np.arange(len(WAR_CONDITIONS)))[None, :]
    return bits.sum(axis=1).astype(np.int64) | CONDITIONS_WRITTEN


def conditions_met(conditions, adversaries, enemy: int, *, defence: bool, provoked: bool = False) -> np.ndarray:
    """Whether each agreement's written conditions let a war against ``enemy`` call its members (Leeds, Long & Mitchell 2000).

    Leeds, Long & Mitchell (2000) judge an ally's reliability against the obligation its treaty
    actually wrote: a pact that promises defence only against a named adversary (ATOP ``defcoadv``)
    or only if the ally did not provoke the attack (``defconpr``) is not invoked by another war,
    and its members' staying out is no betrayal. Their reading of ATOP finds that once the
    written conditions are taken into account, about three quarters of the commitments were
    honoured (against the quarter that earlier counts, ignoring the conditions, had found). So a
    call to arms needs (Leeds et al. 2002, ATOP codebook):

    - for a defence call (``defence=True``, ``enemy`` the attacker): ``enemy`` among the pact's named
      adversaries where it has the ``defence_named_adversary`` condition, and the partner not the
      provoking side (``provoked`` False) where it has ``defence_unprovoked``;
    - for an offence call (``enemy`` the state attacked): ``enemy`` among the named adversaries where it
      has ``offence_named_adversary``.

    The Little Entente's treaties (ATOP 2050, 2060, 2085) promised defence against an unprovoked
    attack by Hungary (and Bulgaria): Germany's 1938-39 moves against Czechoslovakia did not invoke them.

    Parameters
    ----------
    conditions : (S,) array_like of int
        Condition codes (:func:`condition_bits`), 0 for an unconditional obligation.
    adversaries : (S, K) array_like of int
        The state indices each pact names as its adversaries (ATOP ``statthr1``, ``statthr2``), -1 for none;
        a pact conditional on a named adversary that names none in the world calls nobody.
    enemy : int
        State index of the enemy the call would have the members fight.
    defence : bool
        A defence call (True) or an offence call (False).
    provoked : bool
        Whether the state the members are bound to provoked the war (defence calls only).

    Returns
    -------
    (S,) ndarray of bool

    Examples
    --------
    >>> cond = [condition_bits(["defence_named_adversary", "defence_unprovoked"]), 0, condition_bits(["offence_named_adversary"])]
    >>> adv = [[310, 355], [-1, -1], [255, -1]]
    >>> conditions_met(cond, adv, 310, defence=True).tolist(), conditions_met(cond, adv, 255, defence=True).tolist()
    ([True, True, True], [False, True, True])
    >>> conditions_met(cond, adv, 310, defence=True, provoked=True).tolist(), conditions_met(cond, adv, 310, defence=False).tolist()
    ([False, True, True], [True, True, False])
    """
    c = np.asarray(conditions, dtype=np.int64).reshape(-1)
    if not len(c):
        return np.ones(0, bool)
    adv = np.asarray(adversaries, dtype=np.int64).reshape(len(c), -1)
    named = (adv == int(enemy)).any(axis=1)
    if defence:
        ok = ((c & 1) == 0) | named
        if provoked:
            ok &= (c & 2) == 0
        return ok
    return ((c & 4) == 0) | named


def war_commitment(obligations, conditional=False) -> np.ndarray:
    """Strength (0-1) of what an agreement promises in a war: its defence and offence obligations alone.

    :func:`foedus.theory.capability.commitment_strength` of the obligations with neutrality,
    non-aggression and consultation struck out: 1 for a defence pact, 0.8 for an offence pact
    only, 0 for a pact without either (it calls nobody to war); a conditional pact counts 0.75 of it.

    Parameters
    ----------
    obligations : (..., 5) array_like of bool
        In the order of :data:`foedus.schema.OBLIGATIONS`.
    conditional : (...) array_like of bool, default False

    Examples
    --------
    >>> war_commitment([[1, 0, 0, 0, 1], [0, 0, 1, 1, 1], [0, 1, 0, 0, 0]]).tolist()
    [1.0, 0.0, 0.8]
    """
    o = np.asarray(obligations, dtype=bool).copy()
    o[..., [i for i in range(len(OBLIGATIONS)) if OBLIGATIONS[i] not in WAR_OBLIGATIONS]] = False
    return commitment_strength(o, conditional)


def casus_foederis(
    members, obligations, attacker: int, target: int, conditional=False, *, against_a_member: bool = False,
    conditions=None, adversaries=None, provoked: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Who is called to war when ``attacker`` attacks ``target``, and through which pact (Leeds et al. 2000, 2002).

    A member of a *defence* pact of the target is called to the target's side, a member of an
    *offence* pact of the attacker to the attacker's side, unless the pact also binds the state
    on the other side, or another defence pact binds the called state to defend the state it would
    fight (conflicting obligations: it stays out); each state answers to its strongest such obligation
    (:func:`war_commitment`). The belligerents themselves are never called.

    Parameters
    ----------
    members : (S, N) array_like of bool
        Members of S agreements among N states.
    obligations : (S, 5) array_like of bool
        In the order of :data:`foedus.schema.OBLIGATIONS`.
    attacker, target : int
        State indices.
    conditional : (S,) array_like of bool, default False
    against_a_member : bool, default False
        Whether a defence pact of both belligerents binds its other members to the attacked
        member's side (the attacker forfeits that pact's protection): ATOP's defence obligation
        is to aid a member attacked, whoever attacks, and the record's members did so in 1866
        (the German Confederation against Prussia) and 1991 (the Arab League's members against
        Iraq), not in 1946-1989 (the OAS in 1969, the Warsaw Pact in 1956). False: such a pact
        calls nobody.
    conditions, adversaries : (S,) int and (S, K) int array_like, optional
        The written conditions of each pact and the adversaries it names (:func:`conditions_met`):
        a pact whose conditions this war does not meet calls nobody (its defence for a war by
        another attacker, or when ``provoked``; its offence against another target), and binds its members to
        defend a belligerent (so that they stay out of a war against it) only where its conditions would call
        them to (the attacker, having attacked, is never an unprovoked ally). None: unconditional.
    provoked : bool, default False
        Whether ``target`` provoked the war (a defence pact with the non-provocation condition does not call).

    Returns
    -------
    commitment : (N,) ndarray
        Strength (0-1) of each state's strongest obligation to join; 0: not called.
    pact : (N,) ndarray of int
        Row of that agreement (-1: not called).
    side : (N,) ndarray of int
        The belligerent it is called to join (``target`` for a defence call, ``attacker`` for an
        offence call; -1: not called). A state called to both sides answers the stronger (defence
        on a tie: a state is not obliged to attack a state it must defend).

    Examples
    --------
    >>> m = [[1, 1, 0, 0], [0, 0, 1, 1], [0, 1, 0, 1]]          # 0+1; 2+3; 1+3
    >>> ob = [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 1, 1]]  # defence; offence; non-aggression + consultation
    >>> c, pact, side = casus_foederis(m, ob, attacker=2, target=1)
    >>> c.tolist(), pact.tolist(), side.tolist()
    ([1.0, 0.0, 0.0, 0.8], [0, -1, -1, 1], [1, -1, -1, 2])
    """
    m = np.asarray(members, dtype=bool)
    ob = np.asarray(obligations, dtype=bool).reshape(m.shape[0], len(OBLIGATIONS))
    cond = np.broadcast_to(np.asarray(conditional, dtype=bool), (m.shape[0],))
    n = m.shape[1]
    strength = war_commitment(ob, cond)
    neutral = m[:, attacker] & m[:, target]  # a pact of both belligerents calls nobody (unless against_a_member)
    def_ok = off_ok = guard_ok = np.ones(m.shape[0], bool)
    if conditions is not None and m.shape[0]:
        adv = adversaries if adversaries is not None else np.full((m.shape[0], 1), -1)
        def_ok = conditions_met(conditions, adv, attacker, defence=True, provoked=provoked)
        off_ok = conditions_met(conditions, adv, target, defence=False)
        # a conditional pact binds its members to defend the attacker only against the adversaries it names, and
        # never where it defends an unprovoked ally only (the attacker provoked this war)
        guard_ok = conditions_met(conditions, adv, target, defence=True, provoked=True)
    defend = (ob[:, _DEF] & def_ok & m[:, target] & (~neutral | against_a_member))[:, None] & m
    attack = (ob[:, _OFF] & off_ok & m[:, attacker] & ~neutral)[:, None] & m
    # a state bound by a defence pact to the state it would fight is not called against it (conflicting obligations);
    # a pact of both belligerents that calls its members against the attacker does not protect the attacker
    guards_att = (m & (ob[:, _DEF] & guard_ok & m[:, attacker] & ~(neutral & against_a_member))[:, None]).any(axis=0)
    guards_tgt = (m & (ob[:, _DEF] & def_ok & m[:, target])[:, None]).any(axis=0)
    s_def = np.where(defend & ~guards_att[None, :], strength[:, None], 0.0)
    s_off = np.where(attack & ~guards_tgt[None, :], strength[:, None], 0.0)
    commitment, pact, side = np.zeros(n), np.full(n, -1, np.intp), np.full(n, -1, np.intp)
    if m.shape[0]:
        bd, bo = s_def.argmax(axis=0), s_off.argmax(axis=0)
        cd, co = s_def.max(axis=0), s_off.max(axis=0)
        use_def = (cd >= co) & (cd > 0)
        use_off = (co > cd) & (co > 0)
        commitment = np.where(use_def, cd, np.where(use_off, co, 0.0))
        pact = np.where(use_def, bd, np.where(use_off, bo, -1))
        side = np.where(use_def, target, np.where(use_off, attacker, -1))
    commitment[[attacker, target]] = 0.0
    pact[[attacker, target]] = -1
    side[[attacker, target]] = -1
    return commitment, pact.astype(np.intp), side.astype(np.intp)


def dispute_probability(rate: float, hostility, proximity, restraint=0.0, *, check: bool = True) -> np.ndarray:
    """Yearly probability of a militarised dispute in a pair: ``rate * hostility * proximity * (1 - restraint)``.

    Opportunity (proximity, 0-1) and willingness (hostility, 0-1) multiply (Most & Starr 1989);
    ``restraint`` (0-1) is the share an institution both belong to removes
    (:func:`institutional_restraint`). ``rate`` is the probability at full hostility and
    proximity without an institution (per year).

    Examples
    --------
    >>> float(dispute_probability(0.02, 0.5, 1.0, 0.5))
    0.005
    """
    h = _array("hostility", hostility, unit=True, check=check)
    p = _array("proximity", proximity, unit=True, check=check)
    out = rate * h * p
    if np.ndim(restraint) or restraint:  # (no institution: nothing to remove)
        out *= 1.0 - _array("restraint", restraint, unit=True, check=check)
    return out


def institutional_restraint(cohesion, great_power_competition: float, *, check: bool = True) -> np.ndarray:
    """Share of its members' disputes a collective-security organisation prevents: ``cohesion * (1 - T1)``.

    Institutions manage their members' disputes (Russett & Oneal 2001), the more the more
    cohesive they are, and less under great-power competition (brief D3, T1 in [0, 1]).

    Examples
    --------
    >>> float(institutional_restraint(0.8, 0.5))
    0.4
    """
    c = _array("cohesion", cohesion, unit=True, check=check)
    return c * (1.0 - great_power_competition)


def escalation_probability(war_share: float, hostility, war_factor: float, *, check: bool = True) -> np.ndarray:
    """Probability that a dispute escalates to war: ``war_share * hostility * war_factor`` (at most 1).

    Escalation grows with the pair's hostility (0-1); ``war_share * war_factor`` is the
    probability at full hostility (Jones, Bremer & Singer 1996: most disputes stay below war).

    Examples
    --------
    >>> float(escalation_probability(0.1, 0.5, 2.0))
    0.1
    """
    h = _array("hostility", hostility, unit=True, check=check)
    return np.minimum(war_share * h * war_factor, 1.0)


def escalation_restraint(lower_democracy, higher_democracy, joint_nuclear, initiator_capability, target_capability, *, coefficients, check: bool = True) -> np.ndarray:
    r"""Factor (0-1] by which the restraints of the direct route to war damp a dispute's escalation (Reed 2000; Russett & Oneal 2001; Bueno de Mesquita 1981).

    Reed (2000) models the onset of a dispute and its escalation to war as two stages of one
    process with the same covariates: what keeps a pair from war keeps its disputes from
    escalating. Two restraints of the direct route (:func:`foedus.theory.war_onset.war_onset_hazard`)
    are applied here:

    - the weak-link democratic peace and the nuclear peace, as the onset logit's odds ratio against
      a pair of non-nuclear autocracies, ``exp(b_lo * lower + b_hi * higher + b_nuc * joint_nuclear)``
      (``coefficients`` = ``(b_lo, b_hi, b_nuc)``, the onset model's ``war_onset_lower_democracy``,
      ``war_onset_higher_democracy``, ``war_onset_joint_nuclear``; Dixon 1994, Oneal & Russett 1997),
      capped at 1 (a restraint never pushes a dispute towards war);
    - relative capabilities: the initiator's odds of prevailing, ``p / (1 - p)`` with
      ``p = c_i / (c_i + c_j)`` (Bueno de Mesquita 1981's probability of success from capabilities),
      capped at 1: at parity or above no restraint, a state with a tenth of its target's
      capability escalates a tenth as often (Bueno de Mesquita's expected-utility condition: a war
      the initiator expects to lose is not worth starting). The cap and the odds form are ours.

    .. math:: r = \min(1, e^{b_{lo} d_{lo} + b_{hi} d_{hi} + b_{nuc} n}) \cdot \min(1, c_i / c_j)

    Parameters
    ----------
    lower_democracy, higher_democracy : array_like, 0-1
        The pair's lower and higher democracy score (:func:`foedus.theory.war_onset.democracy_link`).
    joint_nuclear : array_like of bool
    initiator_capability, target_capability : array_like, >= 0
        Capability shares (COW CINC) of the state that initiated the dispute and its target.
    coefficients : (3,) sequence of float

    Examples
    --------
    >>> escalation_restraint([0.0, 0.8], [0.0, 0.9], [0, 0], [0.1, 0.1], [0.1, 0.1], coefficients=[-1.6, 0.4, 0.0]).round(3).tolist()
    [1.0, 0.399]
    >>> escalation_restraint([0.0], [0.0], [0], [0.002], [0.2], coefficients=[-1.6, 0.4, 0.0]).round(3).tolist()
    [0.01]
    """
    lo = _array("lower_democracy", lower_democracy, unit=True, check=check)
    hi = _array("higher_democracy", higher_democracy, unit=True, check=check)
    ci = _array("initiator_capability", initiator_capability, nonneg=True, check=check)
    cj = _array("target_capability", target_capability, nonneg=True, check=check)
    b_lo, b_hi, b_nuc = (float(b) for b in coefficients)
    peace = np.minimum(np.exp(b_lo * lo + b_hi * hi + b_nuc * np.asarray(joint_nuclear, dtype=float)), 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = np.where(cj > 0, np.minimum(ci / np.where(cj > 0, cj, 1.0), 1.0), 1.0)
    return peace * odds


def honour_base_rate(charter, before: float, after: float, *, check: bool = True) -> np.ndarray:
    """The intercept of the decision to honour a call to arms (:func:`foedus.theory.cohesion.honour_probability`'s ``base_rate``) by era.

    Leeds, Long & Mitchell (2000) and Leeds (2003) find about three quarters of the commitments whose casus foederis arose
    honoured in 1816-1944. Berkemeier & Fuhrmann (2018) extend the coding to 1816-2003: 66 % before 1945, 22 % from 1945
    (a drop they leave for further research to explain). ``before`` holds where ``charter`` is False (before 1945,
    :func:`foedus.theory.renunciation.territorial_integrity_norm`), ``after`` where it is True: each the intercept at which the
    share of called allies that honour is the era's published share (the other terms of the decision, cohesion, democracy,
    trade with the enemy, move it about that share).

    Parameters
    ----------
    charter : array_like of bool
    before, after : float in (0, 1)
    check : bool, default True

    Returns
    -------
    ndarray of float, the shape of ``charter``

    Examples
    --------
    >>> honour_base_rate([False, True], 0.68, 0.22).tolist()
    [0.68, 0.22]
    """
    return _by_charter("honour_base_rate", charter, before, after, closed=False, check=check)


def intra_alliance_casus(charter, before: float, after: float, *, check: bool = True) -> np.ndarray:
    """Probability that a defence pact binding both belligerents calls its other members to the attacked member's side, by era.

    ATOP codes a defence obligation as aid to a member attacked, whoever attacks (Leeds et al. 2002): a member that attacks
    another forfeits the pact's protection, and the others are bound to the victim (:func:`casus_foederis`'s
    ``against_a_member``). Before the UN Charter the record's members did so: in 1866 the German Confederation's members fought
    beside Austria against Prussia, which had attacked a fellow member (COW and ATOP, 1816-1914: 58 of the 86 pairs of a
    member-attacker's fellow members joined the member attacked). The Charter puts a dispute between members of a regional
    arrangement to pacific settlement within it (art. 52(2)) and forbids enforcement action under a regional arrangement without
    the Security Council's authorisation (art. 53(1)): a war between two members is the Council's, not the pact's (the OAS
    brokered a cease-fire between Honduras and El Salvador in 1969; no Warsaw Pact member fought for Hungary in 1956;
    1946-1989: 0 of 32 such pairs; the Arab League's members fought Iraq in 1991 under the Council's mandate, the collective
    security route). ``before`` holds where ``charter`` is False (before 1945,
    :func:`foedus.theory.renunciation.territorial_integrity_norm`), ``after`` where it is True: ATOP's literal obligation is 1,
    the Charter's 0.

    Parameters
    ----------
    charter : array_like of bool
    before, after : float in [0, 1]
    check : bool, default True

    Returns
    -------
    ndarray of float, the shape of ``charter``

    Examples
    --------
    >>> intra_alliance_casus([False, True], 1.0, 0.0).tolist()
    [1.0, 0.0]
    """
    return _by_charter("intra_alliance_casus", charter, before, after, closed=True, check=check)


def _by_charter(func: str, charter, before: float, after: float, *, closed: bool, check: bool) -> np.ndarray:
    """``before`` where ``charter`` is False, ``after`` where it is True, both probabilities checked (in [0, 1] if
    ``closed``, else in (0, 1)); ``func`` names the caller in the error messages."""
    c = np.asarray(charter)
    if check:
        if c.size and not np.isin(c, (0, 1)).all():
            raise ValueError(f"{func}: charter must be boolean (0/1), got {c.ravel()[:5].tolist()}")
        for name, v in (("before", before), ("after", after)):
            x = float(v)
            if not ((0.0 <= x <= 1.0) if closed else (0.0 < x < 1.0)):
                raise ValueError(f"{func}: {name} must be in {'[0, 1]' if closed else '(0, 1)'}, got {v}")
    return np.where(c.astype(bool), float(after), float(before))
