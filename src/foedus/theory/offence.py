r"""What an offence pledge is worth: joint action against a common target (brief A2, F3; issue 17 item 1).

ATOP codes an *offence* obligation when the partners promise to join in military action
against a third party (Leeds et al. 2002). Such a pledge protects no one: it is worth something
to a state with a target it wants to coerce or attack, and only from a partner who would act
against that target too and whose forces can reach it. Snyder (1997, ch. 1) sets offensive
alliances apart from defensive ones by this aim of acquisition against a common adversary;
Schweller (1994) finds them among revisionist states "bandwagoning for profit".

:func:`aggrandisement` measures the pledge by Bueno de Mesquita's (1981, ch. 4) probability of
success in a war with third parties: each side's capabilities, discounted by the distance to
the battlefield, against the other side's,

.. math:: P = \frac{\sum_{m \in \text{attackers}} R_{km}}{\sum_{m \in \text{attackers}} R_{km} + R_{kk}}

at the target :math:`k`'s territory, :math:`R_{km}` the capability of :math:`m` that reaches
:math:`k` (:func:`foedus.theory.projection.projected_capability`). With equal stakes of winning
and losing, the expected utility of attacking is :math:`2P - 1`, and a state attacks only when it
is positive (Bueno de Mesquita's necessary condition for war), so the option to attack is worth
:math:`\max(0, 2P - 1)`. The good is the rise in that option's value that the partner brings:
nothing when even together they could not expect to win, or when one would win alone just as
surely; weighted by how much each of the two wants to fight the target (their hostility
towards it).

The same calculus values a *neutrality* pledge from the attacker's side
(:func:`isolation`): a third party that stays out of one's war with one's target does not add its
forces to the target's (the German-Soviet pact of 1939 bought Germany exactly this).

Published form vs ours
----------------------
The probability of success, its distance discount and the expected-utility condition are
Bueno de Mesquita's (1981; his stakes are the difference in policy positions, ours are equal
and set by the weight of the good); the common-target condition is Snyder's (1997); the target
(the state one is most hostile to) and the product of the two sides' hostilities as the weight
are ours.

References
----------
1. Bueno de Mesquita, B. (1981). *The War Trap*. New Haven: Yale University Press, ch. 4.
2. Snyder, G. H. (1997). *Alliance Politics*. Ithaca: Cornell University Press, ch. 1.
3. Schweller, R. L. (1994). Bandwagoning for profit: bringing the revisionist state back in.
   *International Security* 19(1): 72-107.
4. Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty
   Obligations and Provisions, 1815-1944. *International Interactions* 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _checked, _matrix

__all__ = ["aggrandisement", "action_engaged", "common_target", "compellent_capacity", "deterred_attackers", "isolation", "nuclear_deterrence", "offence_target", "war_expectation"]


def action_engaged(members, offence, target, at_war, *, check: bool = True) -> np.ndarray:
    """Whether each offence pact's joint action has begun: a member is at war with the pact's target (A,) bool.

    An offensive alliance is made for a gain against a named adversary (Snyder 1997, ch. 1): once its members fight
    that adversary the pact has met its occasion, and it lasts as long as that war (it is then a pact made for the
    war, ended with its provisions fulfilled: :func:`foedus.theory.wartime.fulfilled`; Leeds & Savun 2007 code such an
    end apart from abrogation). The record's offence pacts of 1816-1914 (ATOP 5.1) are short for this reason: Prussia
    and Italy's of April 1866 (atopid 1265) ended with the war against Austria that summer, Prussia and Austria's of
    January 1864 against Denmark (1245) ran its course to 1866, Britain and France's of 1832 (1055) ended after the
    siege of Antwerp; Kaplan-Meier median 2 years against 19 for the defence pacts begun 1946-1989. A pact that also
    pledges defence keeps that purpose after the war, so only pacts whose strongest obligation is offence
    (``offence`` True) are engaged.

    A measured candidate, not called by the simulator (bilat14, 2026-12-07): run from
    :func:`foedus.sim.steps.wartime.wartime_pacts` (the engaged pact's ``war_enemy`` set to its target), it shortened
    the 1816-1914 runs' offence pacts as the record has them (seeds 1-3: Kaplan-Meier median 7 to 4 years, 10-year
    survival 0.35 to 0.23; record 2 and 0.17) and raised the pacts in force at 1914 (0.256 to 0.293 a state, seeds 1-6;
    0.207 to 0.263, seeds 7-12; record 0.51), but raised the wars between great powers of 1816-1914 above their bound
    (0.0076 to 0.0091 a pair-year, seeds 1-6; 0.0071 to 0.0094, seeds 7-12; record 0.0040, bound 0.008): one in-sample
    fact lost over twelve seeds, so by the protocol it does not land.

    Parameters
    ----------
    members : (A, N) bool
    offence : (A,) bool
        Whether each pact's strongest obligation is offence.
    target : (A,) int
        The adversary each pact was written against (negative: none).
    at_war : (N, N) bool

    Returns
    -------
    ndarray of bool, (A,)

    Examples
    --------
    >>> w = np.zeros((3, 3), bool); w[0, 2] = w[2, 0] = True
    >>> action_engaged(np.array([[1, 1, 0], [0, 1, 0], [1, 1, 0]], bool), [True, True, False], [2, 2, 2], w).tolist()
    [True, False, False]
    """
    m = np.asarray(members, dtype=bool)
    o = np.asarray(offence, dtype=bool)
    k = np.asarray(target, dtype=np.intp)
    w = np.asarray(at_war, dtype=bool)
    if check and (m.ndim != 2 or o.shape != (m.shape[0],) or k.shape != (m.shape[0],) or w.shape != (m.shape[1], m.shape[1])):
        raise ValueError(f"action_engaged: members (A, N), offence (A,), target (A,), at_war (N, N) expected, got {m.shape}, {o.shape}, {k.shape}, {w.shape}")
    if not len(k):
        return np.zeros(0, bool)
    return o & (k >= 0) & (m & w[np.maximum(k, 0)]).any(axis=1)


def offence_target(hostility, *, check: bool = True) -> np.ndarray:
    """Each state's target ``k(i) = argmax_k H[i, k]`` (N,) int (first on ties), -1 for a state hostile to no one.

    >>> offence_target([[0, 0.6, 0.2], [0.6, 0, 0], [0, 0, 0]]).tolist()
    [1, 0, -1]
    """
    h = _matrix("hostility", hostility, np.shape(hostility)[0], unit=True, check=check).copy()
    np.fill_diagonal(h, 0.0)
    if not h.shape[0]:
        return np.zeros(0, np.intp)
    return np.where(h.max(axis=1) > 0, h.argmax(axis=1), -1)


def aggrandisement(hostility, reach, *, check: bool = True) -> np.ndarray:
    r"""The value to ``i`` of ``j``'s pledge to join it against its target: (N, N) >= 0, diagonal 0.

    .. math::

        A_{ij} = H_{ik} H_{jk} \left[\max(0, 2P_{ij} - 1) - \max(0, 2P_i - 1)\right], \qquad
        P_{ij} = \frac{R_{ki} + R_{kj}}{R_{ki} + R_{kj} + R_{kk}}, \quad P_i = \frac{R_{ki}}{R_{ki} + R_{kk}},
        \quad k = k(i) = \arg\max_k H_{ik}

    the rise in the expected utility of attacking its target (Bueno de Mesquita 1981: the
    probability of success with capabilities discounted by the distance to the target; one
    attacks only when the expected utility is positive) that j's forces bring, weighted by i's
    hostility towards the target and j's (a partner that has no quarrel with the target will
    not fight it: Snyder 1997's common adversary). Zero for a state hostile to no one, and for
    a pledge asked of the target itself.

    Parameters
    ----------
    hostility : array (N, N) in [0, 1]
        ``H[i, k]``, i's hostility towards k.
    reach : array (N, N) >= 0, capability share
        ``R[k, m]``, the capability of m that reaches k; the diagonal ``R[k, k]`` the target's own
        capability at home.

    Examples
    --------
    Two equal rivals of an equal target, everyone's capability reaching everywhere: the partner
    raises the odds from 1/2 (an attack not worth making) to 2/3, an expected utility of 1/3,
    weighted by the two hostilities (0.6 each); against a target three times as strong, even
    together they would lose, and the pledge is worth nothing:

    >>> import numpy as np
    >>> H = np.array([[0, 0, 0.6], [0, 0, 0.6], [0.6, 0.6, 0]])
    >>> R = np.full((3, 3), 0.2)
    >>> round(float(aggrandisement(H, R)[0, 1]), 4), round(0.36 * (2 * 2 / 3 - 1), 4)
    (0.12, 0.12)
    >>> R[2, 2] = 0.6
    >>> float(aggrandisement(H, R)[0, 1])
    0.0
    """
    h, r, out, has, k, own, defend = _attackers(hostility, reach, check)
    if not len(has):
        return out
    alone = _odds(own, defend)
    joint = _odds(own + r[k, :], defend)  # with j's capability at the target: R_ki + R_kj
    gain = np.maximum(2.0 * joint - 1.0, 0.0) - np.maximum(2.0 * alone - 1.0, 0.0)  # the option to attack, with and without j
    out[has] = h[has, k][:, None] * h[:, k].T * np.maximum(gain, 0.0)
    out[has, k] = 0.0
    np.fill_diagonal(out, 0.0)
    return out


def _attackers(hostility, reach, check: bool):
    """What both forms share: the validated matrices, an empty (N, N) result, the states with a
    target (``has``), their targets ``k``, ``R_ki`` (own capability at the target) and ``R_kk``
    (the target at home), each (H, 1)."""
    h = _matrix("hostility", hostility, np.shape(hostility)[0], unit=True, check=check)
    n = h.shape[0]
    r = _matrix("reach", reach, n, nonneg=True, check=check)
    target = offence_target(h, check=False)
    has = np.flatnonzero(target >= 0)
    k = target[has]
    return h, r, np.zeros((n, n)), has, k, r[k, has][:, None], r[k, k][:, None]


def _odds(own, other):
    """``own / (own + other)``, 0 where both are 0."""
    tot = own + other
    return np.where(tot > 0, own / np.where(tot > 0, tot, 1.0), 0.0)


def isolation(hostility, reach, *, defends=None, check: bool = True) -> np.ndarray:
    r"""The value to ``i`` of ``j``'s pledge of neutrality in i's war with its target: (N, N) >= 0, diagonal 0.

    .. math::

        I_{ij} = H_{ik} (1 - H_{jk}) \left[\max(0, 2P_i - 1) - \max(0, 2P_i^{-j} - 1)\right], \qquad
        P_i^{-j} = \frac{R_{ki}}{R_{ki} + R_{kk} + R_{kj}}

    with :math:`k = k(i)` i's target and :math:`P_i` its odds alone (:func:`aggrandisement`): a
    third party not hostile to the target (:math:`1 - H_{jk}`) may defend it, adding its forces
    carried to the target's territory to the target's side (Bueno de Mesquita 1981, ch. 4: the
    expected contributions of third parties enter the odds); its neutrality keeps them out, and
    is worth the expected utility of the attack that its intervention would cost. Zero for a
    state hostile to no one and for the target itself, and for a third party pledged to defend
    the target (``defends[j, k]``, optional): its treaty obliges it to intervene, so its neutrality
    is no pledge (Snyder 1997, ch. 1).

    Examples
    --------
    A state as strong as its target, facing a third party of the same strength, expects to win
    with odds 2/3, and at even odds (an attack not worth making) if the third party defends the target:

    >>> import numpy as np
    >>> H = np.array([[0, 0.5, 0], [0.5, 0, 0], [0, 0, 0]])
    >>> R = np.array([[0.1, 0.05, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]])
    >>> R[1] = [0.2, 0.1, 0.1]
    >>> round(float(isolation(H, R)[0, 2]), 4), round(0.5 * (2 * 2 / 3 - 1), 4)
    (0.1667, 0.1667)
    """
    h, r, out, has, k, own, defend = _attackers(hostility, reach, check)
    if not len(has):
        return out
    alone = _odds(own, defend)
    opposed = _odds(own, defend + r[k, :])  # with j on the target's side
    loss = np.maximum(2.0 * alone - 1.0, 0.0) - np.maximum(2.0 * opposed - 1.0, 0.0)
    out[has] = h[has, k][:, None] * (1.0 - h[:, k].T) * np.maximum(loss, 0.0)
    if defends is not None:
        out[has] *= ~np.asarray(defends, dtype=bool)[:, k].T
    out[has, k] = 0.0
    np.fill_diagonal(out, 0.0)
    return out


def war_expectation(hazard, horizon: float, *, check: bool = True) -> np.ndarray:
    r"""The probability of at least one war over ``horizon`` years at the annual ``hazard``: :math:`1 - (1 - h)^H`.

    The chance of the contingency a neutrality pledge is about (Leeds et al. 2002: a promise to
    stay out of a war between the partner and a third party), with :math:`h` the dyad's annual
    war-onset hazard (:func:`foedus.theory.war_onset.war_onset_hazard`: Bremer 1992) held for the
    pledge's horizon (a constant hazard: the discrete-time survival of Beck, Katz & Tucker 1998).

    >>> [round(float(x), 4) for x in war_expectation([0.0, 0.1, 1.0], 2.0)]
    [0.0, 0.19, 1.0]
    """
    h = np.asarray(hazard, dtype=float)
    if check and (not np.isfinite(h).all() or (h < 0).any() or (h > 1).any()):
        raise ValueError("war_expectation: hazard must be probabilities in [0, 1]")
    if check and not (np.isfinite(horizon) and horizon >= 0):
        raise ValueError(f"war_expectation: horizon must be years >= 0, got {horizon!r}")
    return 1.0 - (1.0 - h) ** horizon


def nuclear_deterrence(value, target, nuclear_armed, *, strength: float = 1.0, check: bool = True) -> np.ndarray:
    r"""``value`` (N, N) of a pledge that serves i's attack on its target, nothing where the target holds nuclear weapons.

    .. math:: V'_{ij} = V_{ij}\,\big(1 - s\,[k(i) \ne -1 \;\text{and}\; \nu_{k(i)}]\big)

    Bueno de Mesquita's (1981) odds of success price a war that can be won. Against a state with
    nuclear weapons none can: whatever the balance of conventional forces, the target can inflict
    on the attacker a cost no gain outweighs, so victory in the old sense is no longer available
    (Jervis 1989, ch. 1, *The Meaning of the Nuclear Revolution*; Waltz 1981). A pledge to join an
    attack on such a state (offence, :func:`aggrandisement`), or to stay out of it
    (:func:`isolation`), buys an option no one would use. ``target`` (N,) is :func:`offence_target`
    (-1 for none), ``nuclear_armed`` (N,) bool (:func:`foedus.data.nuclear.nuclear_armed`: the
    dates of Gartzke & Kroenig 2009). ``strength`` :math:`s` in [0, 1]: 1 is the published reading
    (nothing), 0 leaves the value whole.

    >>> import numpy as np
    >>> nuclear_deterrence(np.full((3, 3), 0.2), [2, 2, -1], [False, False, True]).tolist()[0]
    [0.0, 0.0, 0.0]
    >>> nuclear_deterrence(np.full((3, 3), 0.2), [1, 0, -1], [False, False, True]).tolist()[0]
    [0.2, 0.2, 0.2]

    References
    ----------
    .. [1] Jervis, R. (1989). The Meaning of the Nuclear Revolution. Cornell University Press.
    .. [2] Waltz, K. N. (1981). The Spread of Nuclear Weapons: More May Be Better. Adelphi Paper 171. IISS.
    """
    v = _matrix("value", value, np.shape(value)[0], nonneg=True, check=check)
    k = np.asarray(target, dtype=np.intp)
    nu = np.asarray(nuclear_armed, dtype=bool)
    if check and (k.shape != (v.shape[0],) or nu.shape != (v.shape[0],) or (k < -1).any() or (k >= v.shape[0]).any()):
        raise ValueError("nuclear_deterrence: target and nuclear_armed must be (N,) with targets in [-1, N)")
    sv = float(_checked(strength, "strength", "nuclear_deterrence", lo=0.0, hi=1.0, check=check))
    return np.where(deterred_attackers(k, nu)[:, None], v * (1.0 - sv), v)


def deterred_attackers(target, nuclear_armed) -> np.ndarray:
    """(N,) bool: each state's offence ``target`` (index, -1 for none) holds nuclear weapons, the rows
    :func:`nuclear_deterrence` discounts (Jervis 1989).

    >>> deterred_attackers([1, -1, 0], [False, True, False]).tolist()  # 0 targets 1 (armed), 1 none, 2 targets 0 (unarmed)
    [True, False, False]
    """
    k = np.asarray(target, dtype=np.intp)
    return (k >= 0) & np.asarray(nuclear_armed, dtype=bool)[np.maximum(k, 0)]


def compellent_capacity(value, major, *, strength: float = 1.0, check: bool = True) -> np.ndarray:
    r"""``value`` (N, N) of an offence pledge between ``i`` and ``j``, nothing where neither is a great power.

    .. math:: V'_{ij} = V_{ij}\,\big(1 - s\,[\neg\mu_i \wedge \neg\mu_j]\big)

    An offence pledge is a *compellent* commitment (Benson 2012): the partners promise to take
    something from a third state by force, not to deter an attack on themselves. Its value lies in
    the pair's ability to wage a war of choice beyond its borders and win it, which is what sets a
    great power apart: Levy (1983, ch. 2) defines a great power by "a high level of military
    capability ... relative to other states", the capacity for offensive operations beyond its
    borders and interests it defends aggressively; offensive alliances are great powers'
    instruments of acquisition (Snyder 1997, ch. 1), and lesser states join them as partners of a
    great power's revisionism ("jackals", Schweller 1994), not on their own. A pledge between two
    lesser states to attack a third buys no credible campaign (the odds of
    :func:`aggrandisement` price a war neither would choose to start without a great power's
    backing). :math:`\mu` (``major``, (N,) bool) is great-power status (COW's major powers);
    ``strength`` :math:`s` in [0, 1]: 1 is the published reading, 0 leaves the value whole.

    The record agrees in sample: 11 of the 12 offence-led treaties of ATOP 5.1 begun 1816-1914 and
    the one begun 1946-1989 (the Protocol of Sevres, 1956) have a COW major power among their
    founders (the exception: Sardinia and the Two Sicilies, 1833), against 43 of 64 and 53 of 128
    defence-led treaties (founders; ``tests/theory/test_offence.py``: by chance with probability 0.002).

    Examples
    --------
    >>> import numpy as np
    >>> compellent_capacity(np.full((3, 3), 0.2), [True, False, False]).tolist()
    [[0.2, 0.2, 0.2], [0.2, 0.0, 0.0], [0.2, 0.0, 0.0]]
    >>> compellent_capacity(np.full((2, 2), 0.2), [False, False], strength=0.5).tolist()
    [[0.1, 0.1], [0.1, 0.1]]

    References
    ----------
    .. [1] Benson, B. V. (2012). *Constructing International Security: Alliances, Deterrence, and
       Moral Hazard*. Cambridge University Press; and (2011) Unpacking alliances: deterrent and
       compellent alliances and their relationship with conflict, 1816-2000. *Journal of Politics*
       73(4): 1111-1127.
    .. [2] Levy, J. S. (1983). *War in the Modern Great Power System, 1495-1975*. University Press of Kentucky, ch. 2.
    .. [3] Snyder, G. H. (1997). *Alliance Politics*. Cornell University Press, ch. 1.
    .. [4] Schweller, R. L. (1994). Bandwagoning for profit. *International Security* 19(1): 72-107.
    """
    v = _matrix("value", value, np.shape(value)[0], nonneg=True, check=check)
    mu = np.asarray(major, dtype=bool)
    if check and mu.shape != (v.shape[0],):
        raise ValueError(f"compellent_capacity: major must be (N,) = ({v.shape[0]},), got {mu.shape}")
    sv = float(_checked(strength, "strength", "compellent_capacity", lo=0.0, hi=1.0, check=check))
    lesser = ~mu[:, None] & ~mu[None, :]
    return np.where(lesser, v * (1.0 - sv), v)


def common_target(value, target, *, check: bool = True) -> np.ndarray:
    r"""``value`` (N, N) of an offence pledge between ``i`` and ``j``, nothing where the two have no common target.

    .. math:: V'_{ij} = V_{ij}\,[k(i) = k(j) \ge 0]

    An offensive alliance is a pledge of joint action against a *common* adversary (Snyder 1997, ch. 1;
    Leeds 2003: ATOP's offence obligations are promises to join an attack on a named third party). A
    pact is one treaty with one target: it buys ``i`` the partner's forces against ``i``'s target only if
    the partner fights that target for its own sake, and it is worth something to the partner only
    against the same target. :func:`aggrandisement` values the pledge at ``i``'s target ``k(i)``
    (:func:`offence_target`) with the partner's hostility to it as a weight; a pair whose targets differ
    would each value a different war, and no single treaty serves both (China, whose target is Russia,
    and Austria-Hungary, whose target is France, have nothing to attack together). The partner's
    forces must also reach the target (Boulding 1962's loss-of-strength gradient): that is in
    :func:`aggrandisement`'s odds already (``R[k, j]``).

    Examples
    --------
    >>> import numpy as np
    >>> common_target(np.full((3, 3), 0.2), [2, 2, 0]).tolist()
    [[0.2, 0.2, 0.0], [0.2, 0.2, 0.0], [0.0, 0.0, 0.2]]
    >>> common_target(np.full((2, 2), 0.2), [-1, -1]).tolist()
    [[0.0, 0.0], [0.0, 0.0]]

    References
    ----------
    .. [1] Snyder, G. H. (1997). *Alliance Politics*. Cornell University Press, ch. 1.
    .. [2] Leeds, B. A. (2003). Do alliances deter aggression? The influence of military alliances on the
       initiation of militarized interstate disputes. *American Journal of Political Science* 47(3): 427-439.
    .. [3] Boulding, K. E. (1962). *Conflict and Defense: A General Theory*. Harper, ch. 12.
    """
    v = _matrix("value", value, np.shape(value)[0], nonneg=True, check=check)
    k = np.asarray(target, dtype=np.int64)
    if check and k.shape != (v.shape[0],):
        raise ValueError(f"common_target: target must be (N,) = ({v.shape[0]},), got {k.shape}")
    same = (k[:, None] == k[None, :]) & (k >= 0)[:, None]
    return np.where(same, v, 0.0)
