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
unconditional form, and its discount is not applied again to the decision to honour.

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
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.theory._validate import _array
from foedus.theory.capability import commitment_strength

__all__ = ["WAR_OBLIGATIONS", "casus_foederis", "dispute_probability", "escalation_probability", "institutional_restraint", "war_commitment"]

WAR_OBLIGATIONS: tuple[str, str] = ("defense", "offense")
"""The ATOP obligations that promise to fight (Leeds et al. 2002); the others never call a member to war."""

_DEF, _OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")


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


def casus_foederis(members, obligations, attacker: int, target: int, conditional=False, *, against_a_member: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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
    defend = (ob[:, _DEF] & m[:, target] & (~neutral | against_a_member))[:, None] & m
    attack = (ob[:, _OFF] & m[:, attacker] & ~neutral)[:, None] & m
    # a state bound by a defence pact to the state it would fight is not called against it (conflicting obligations);
    # a pact of both belligerents that calls its members against the attacker does not protect the attacker
    guards_att = (m & (ob[:, _DEF] & m[:, attacker] & ~(neutral & against_a_member))[:, None]).any(axis=0)
    guards_tgt = (m & (ob[:, _DEF] & m[:, target])[:, None]).any(axis=0)
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
