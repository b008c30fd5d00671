r"""Pacts made for a war: offence and defence pacts among states sharing an enemy, neutrality pledges exacted
by a belligerent, and their end when the war is over (brief A2, D2; issue 17 item 4; closing note 7, item 9).

Most alliances of the nineteenth century were short because they were made for one war or one crisis and
ended with it: Sardinia and France (1859), Prussia and Italy (1866), the Balkan League (1912), the
neutrality Russia promised Prussia in 1870 (Gibler 2009 on ad hoc wartime coalitions; ATOP 5.1: of the 103
alliances begun 1816-1914, 27 ended with their provisions fulfilled, median 2 years). Leeds & Savun (2007)
code such an ending as the alliance's purpose *fulfilled*, apart from the abrogations that a change in power,
regime or threat causes.

When a war begins, a belligerent ``b`` fighting the enemy ``e`` values

- a partner ``j``'s pledge to fight ``e`` with it (an offence pact on the attacker's side, a defence pact on the
  target's) as the rise in its option to fight that ``j``'s forces bring, Bueno de Mesquita's (1981, ch. 4)
  probability of success with capabilities discounted by the distance to the battlefield, weighted by the
  two states' hostility towards ``e`` (:func:`coalition_gain`; the war-specific form of
  :func:`foedus.theory.offence.aggrandisement`, whose target is the state one is most hostile to; here it
  is the state one is fighting);
- a bystander ``j``'s pledge of neutrality as the loss that ``j``'s intervention on ``e``'s side would cost it
  (:func:`neutrality_gain`; the war-specific form of :func:`foedus.theory.offence.isolation`): the
  prospective attacker seeks the pledge that frees its hand (Leeds 2003: neutrality pacts with a prospective
  attacker make its attack more likely); Bueno de Mesquita counts the bystander by its preference between the two
  sides (:func:`leaning`), so the simulator asks the pledge of a state leaning to the enemy, not of an indifferent one
  (:func:`leaning_neutrality_gain`).

The *form* of a coalition pact depends on the law of the day (:func:`offence_written`): the attacker's partner
signs an offence pact until the UN Charter, a pact of collective self-defence (a defence pact) after it (art. 51).

The war is under way, so its chance is one (:func:`foedus.theory.offence.war_expectation` of a certain war).
A pledge is signed with :func:`signing_probability`, the complementary log-log form of a proportional
hazard (Beck, Katz & Tucker 1998: discrete-time events whose intensity is proportional to their covariate):
:math:`1 - e^{-\lambda V}`, :math:`\lambda` the rate fitted on the in-sample eras. Such a pact names its
enemy and ends, its provisions fulfilled, when none of its members is at war with that enemy any more
(:func:`fulfilled`; Leeds & Savun 2007).

Published form vs ours
----------------------
The probability of success and its distance discount are Bueno de Mesquita's (1981); the expected-utility
condition (a war is worth fighting only at odds above one half) is his necessary condition for war, as in
:mod:`foedus.theory.offence`; the purpose fulfilled as a cause of termination is Leeds & Savun's (2007)
coding; the hazard form of the decision and its rate are ours. Bueno de Mesquita measured a third party's preference
by the similarity of alliance portfolios (tau-b); :func:`leaning` reads it from the model's hostilities, which carry
the preferences of every other choice of the simulator (our substitution). The dating of the change of form at the
Charter, not the Covenant, follows the record (ATOP 5.1 codes 14 of the 24 wartime pacts of 1939-1945 as offence
pacts) and the Charter's text (art. 51 names collective self-defence; the Covenant does not).

References
----------
1. Bueno de Mesquita, B. (1981). *The War Trap*. New Haven: Yale University Press, ch. 4.
2. Leeds, B. A. & Savun, B. (2007). Terminating alliances: why do states abrogate agreements?
   *Journal of Politics* 69(4): 1118-1132.
3. Leeds, B. A. (2003). Do alliances deter aggression? The influence of military alliances on the
   initiation of militarized interstate disputes. *American Journal of Political Science* 47(3): 427-439.
4. Gibler, D. M. (2009). *International Military Alliances, 1648-2008*. Washington: CQ Press.
5. Beck, N., Katz, J. N. & Tucker, R. (1998). Taking time seriously. *American Journal of Political
   Science* 42(4): 1260-1288.
6. Altfeld, M. F. & Bueno de Mesquita, B. (1979). Choosing sides in wars. *International Studies Quarterly* 23(1):
   87-112.
7. Bueno de Mesquita, B. & Lalman, D. (1992). *War and Reason*. New Haven: Yale University Press, ch. 2.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _vector

__all__ = [
    "coalition_gain", "common_adversary", "entry_value", "fulfilled", "localised", "leaning", "leaning_neutrality_gain", "neutrality_gain", "neutrality_written", "offence_written",
    "signing_probability",
]


def _odds(own, other):
    """``own / (own + other)``, 0 where both are 0."""
    tot = own + other
    return np.where(tot > 0, own / np.where(tot > 0, tot, 1.0), 0.0)


def _option(p):
    """Bueno de Mesquita's option to fight at odds ``p`` with equal stakes: ``max(0, 2p - 1)``."""
    return np.maximum(2.0 * p - 1.0, 0.0)


def coalition_gain(own, enemy, partner, hostility_own, hostility_partner, *, check: bool = True) -> np.ndarray:
    r"""The value to a belligerent of a partner's pledge to fight its enemy with it: (K,) >= 0.

    .. math::

        G = H_{be} H_{je} \left[\max(0, 2P_{bj} - 1) - \max(0, 2P_b - 1)\right],\qquad
        P_{bj} = \frac{R_b + R_j}{R_b + R_j + R_e},\quad P_b = \frac{R_b}{R_b + R_e}

    with :math:`R` each state's capability that reaches the enemy's territory (:math:`R_e` the enemy at
    home; Bueno de Mesquita 1981, ch. 4) and :math:`H` the two states' hostility towards the enemy (a
    partner with no quarrel with the enemy will not fight it: Snyder 1997's common adversary). It is
    :func:`foedus.theory.offence.aggrandisement` with the target set to the enemy of the war under way.

    Parameters
    ----------
    own, enemy, partner : array_like (K,) >= 0, capability share
        :math:`R_b`, :math:`R_e`, :math:`R_j`.
    hostility_own, hostility_partner : array_like (K,) in [0, 1]
        :math:`H_{be}`, :math:`H_{je}`.

    Examples
    --------
    Two equal states against an equal enemy: alone at even odds (a war not worth fighting), together at 2/3,
    a gain of 1/3 weighted by the hostilities (0.6 each); against an enemy three times as strong, nothing:

    >>> coalition_gain([0.2, 0.2], [0.2, 0.6], [0.2, 0.2], [0.6, 0.6], [0.6, 0.6]).round(4).tolist()
    [0.12, 0.0]
    """
    b, e, j = (_vector(n, v, None, nonneg=True, check=check) for n, v in (("own", own), ("enemy", enemy), ("partner", partner)))
    hb = _vector("hostility_own", hostility_own, len(b), unit=True, check=check)
    hj = _vector("hostility_partner", hostility_partner, len(b), unit=True, check=check)
    gain = _option(_odds(b + j, e)) - _option(_odds(b, e))
    return hb * hj * np.maximum(gain, 0.0)


def common_adversary(rival_of_enemy, *, check: bool = True) -> np.ndarray:
    r"""Whether a state may combine with a belligerent against its enemy: it is the enemy's strategic rival, (K,) bool.

    Snyder (1997, ch. 1) has alliances formed against a common adversary, and a coalition made for a war is formed
    against the enemy being fought; Thompson (2001) defines the strategic rivals as the states that regard each other as
    competitors, sources of threat and enemies, which is what a common adversary is. A hostility left over from a past
    quarrel (a rivalry ended, a dispute years ago) is no such enemy: in record-built runs of 1900 without the rule
    Austria-Hungary, with a lingering grudge against the Ottoman Empire (the rivalry ended 1908) and none against Serbia,
    signed with Serbia against it (2026-12, face15). The record (ATOP 5.1 wartime pacts with a defence or offence obligation,
    each member paired with a member at war in the pact's first year, its opponents in the COW inter-state wars of that year
    the enemy; Thompson & Dreyer 2011's rivalries in force that year): 22 of
    the 32 partner-belligerent pairs of 1816-1914 (69 %; the Crimean coalition, the Pacific and Paraguayan wars, 1914) had
    the enemy as their strategic rival, and about half (15) were the belligerent's own rival too (Britain and France in
    1854), so rivalry with the belligerent bars nothing. The others were mostly small neighbours drawn in by a great
    power (Uruguay 1851 and 1865, Sweden 1855, Korea 1894, Romania 1914). Published condition (Snyder's common adversary,
    Thompson's rivals); the hard rule, where a probability could weight the 31 %, is ours.

    ``rival_of_enemy`` (K,) bool: the candidate partner and the enemy are strategic rivals.

    Examples
    --------
    >>> common_adversary([True, False]).tolist()
    [True, False]

    References
    ----------
    .. [1] Snyder, G. H. (1997). *Alliance Politics*. Ithaca: Cornell University Press.
    .. [2] Thompson, W. R. (2001). Identifying rivals and rivalries in world politics. *International Studies Quarterly*
       45(4): 557-586.
    .. [3] Thompson, W. R. & Dreyer, D. R. (2011). *Handbook of International Rivalries, 1494-2010*. Washington: CQ Press.
    """
    r = np.asarray(rival_of_enemy)
    if check and r.ndim != 1:
        raise ValueError(f"common_adversary: rival_of_enemy must be (K,), got shape {r.shape}")
    return r.astype(bool)


def localised(partner_major, belligerent_major, enemy_major, *, check: bool = True) -> np.ndarray:
    r"""Whether a partner is kept out of a coalition for a war because the war is a local one: (K,) bool.

    A war between two minor states stayed theirs: the great powers kept out of it and settled it among themselves (the
    localisation of wars by the Concert: Schroeder 1994 for 1815-1848, and the London conference of 1912-13 for the Balkan wars). In the COW record no
    great power entered any of the 17 wars begun between minor states in 1816-1914 (the Greco-Turkish war of 1897, the
    two Balkan wars, the wars of Latin America) and one of the 18 begun in 1946-1989 (France beside Spain in Ifni,
    1957-58); ATOP 5.1 codes no pact made for a war in which a great power pledged itself to a minor belligerent against a
    minor enemy. So a great power is no partner of a minor belligerent against a minor enemy (a minor state is, as the
    Balkan League's members were; a great power is where a great power fights: Britain and France with the Ottoman
    Empire in 1854). ``partner_major`` (K,) bool, ``belligerent_major`` and ``enemy_major`` scalars or (K,) bool. The
    record's reading, a hard rule: ours.

    Examples
    --------
    >>> localised([True, False, True], False, [False, False, True]).tolist()
    [True, False, False]

    References
    ----------
    .. [1] Schroeder, P. W. (1994). *The Transformation of European Politics, 1763-1848*. Oxford: Clarendon Press.
    """
    j = np.asarray(partner_major, dtype=bool)
    if check and j.ndim != 1:
        raise ValueError(f"localised: partner_major must be (K,), got shape {j.shape}")
    b = np.broadcast_to(np.asarray(belligerent_major, dtype=bool), j.shape)
    e = np.broadcast_to(np.asarray(enemy_major, dtype=bool), j.shape)
    return j & ~b & ~e


def entry_value(own, enemy, partner, preference, cost: float, *, check: bool = True) -> np.ndarray:
    r"""The partner's own expected utility of entering a belligerent's war beside it, net of the cost of fighting: (K,).

    .. math::

        E_j = (U_j(b) - U_j(e))\,(P_{bj} - P_b) - \kappa,\qquad
        P_{bj} = \frac{R_b + R_j}{R_b + R_j + R_e},\quad P_b = \frac{R_b}{R_b + R_e}

    Altfeld & Bueno de Mesquita (1979) have a third party choose a side in a war under way by its expected utility:
    what its entry adds to the side's chance of winning (:math:`P_{bj} - P_b`, capabilities at the battlefield with the
    loss-of-strength gradient, Bueno de Mesquita 1981, ch. 4) times its preference for that side's victory over the
    enemy's (:math:`U_j(b) - U_j(e)`; with the model's preferences :math:`H_{je} - H_{jb}`, :func:`leaning`); Bueno de
    Mesquita & Lalman (1992, ch. 2) charge whoever fights a cost of fighting (:math:`\kappa`, in the units of the stakes)
    whatever the outcome, so a state enters only where what it expects to gain exceeds it. The belligerent's side of the
    bargain is :func:`coalition_gain`; this is the partner's, its consent: a great power whose preference between two
    small belligerents is slight, or whose forces change little where the war is fought, does not pay the price of a war
    for nothing. Published form; :math:`\kappa` is chosen on the in-sample eras.

    Parameters
    ----------
    own, enemy, partner : array_like (K,) >= 0, capability share at the battlefield
        :math:`R_b`, :math:`R_e`, :math:`R_j`.
    preference : array_like (K,) in [0, 1]
        :math:`\max(0, U_j(b) - U_j(e))`, the partner's preference for the belligerent's victory (:func:`leaning` of its
        hostility to the enemy over its hostility to the belligerent).
    cost : float >= 0
        :math:`\kappa`.

    Examples
    --------
    Three equal states, the partner wholly for the belligerent: its entry raises the side's odds from 1/2 to 2/3, worth
    1/6; a cost of 0.1 leaves 0.0667; a partner only half for the belligerent expects 1/12, less than the cost:

    >>> entry_value([0.2, 0.2], [0.2, 0.2], [0.2, 0.2], [1.0, 0.5], 0.1).round(4).tolist()
    [0.0667, -0.0167]
    """
    b, e, j = (_vector(n, v, None, nonneg=True, check=check) for n, v in (("own", own), ("enemy", enemy), ("partner", partner)))
    pref = _vector("preference", preference, len(b), unit=True, check=check)
    if check and not (np.isfinite(cost) and cost >= 0):
        raise ValueError(f"entry_value: cost must be >= 0, got {cost!r}")
    return pref * (_odds(b + j, e) - _odds(b, e)) - float(cost)


def neutrality_gain(own, enemy, bystander, hostility_own, hostility_bystander, *, check: bool = True) -> np.ndarray:
    r"""The value to a belligerent of a bystander's pledge of neutrality in its war: (K,) >= 0.

    .. math::

        N = H_{be} (1 - H_{je}) \left[\max(0, 2P_b - 1) - \max(0, 2P_b^{-j} - 1)\right],\qquad
        P_b^{-j} = \frac{R_b}{R_b + R_e + R_j}

    a bystander not hostile to the enemy (:math:`1 - H_{je}`) may defend it, adding the forces it carries to
    the battlefield to the enemy's (Bueno de Mesquita 1981, ch. 4: the expected contributions of third
    parties enter the odds); its neutrality keeps them out (Leeds 2003: the prospective attacker seeks it).
    :func:`foedus.theory.offence.isolation` with the target set to the enemy of the war under way.

    Examples
    --------
    A belligerent as strong as its enemy facing a bystander of the same strength: odds 2/3 alone, even odds
    if the bystander defends the enemy; the pledge is worth the 1/3 of expected utility, times 0.5:

    >>> neutrality_gain([0.2], [0.1], [0.1], [0.5], [0.0]).round(4).tolist()
    [0.1667]
    """
    b, e, j = (_vector(n, v, None, nonneg=True, check=check) for n, v in (("own", own), ("enemy", enemy), ("bystander", bystander)))
    hb = _vector("hostility_own", hostility_own, len(b), unit=True, check=check)
    hj = _vector("hostility_bystander", hostility_bystander, len(b), unit=True, check=check)
    loss = _option(_odds(b, e)) - _option(_odds(b, e + j))
    return hb * (1.0 - hj) * np.maximum(loss, 0.0)


def leaning_neutrality_gain(own, enemy, bystander, hostility_own, leaning, *, check: bool = True) -> np.ndarray:
    r"""The value to a belligerent of a bystander's neutrality, the bystander weighted by its preference between the two sides: (K,) >= 0.

    .. math::

        N = H_{be}\, L_{j} \left[\max(0, 2P_b - 1) - \max(0, 2P_b^{-j} - 1)\right],\qquad
        L_j = \max(0, U_j(e) - U_j(b))

    Bueno de Mesquita (1981, ch. 3-4) counts a third party's forces in a belligerent's expected utility weighted by
    the third party's utility for one side's victory over the other's, :math:`U_j(e) - U_j(b)`: a state indifferent
    between the two would not intervene, so its neutrality is worth nothing to ask for; only a bystander leaning
    towards the enemy is a danger that a pledge removes (Russia bought Austria-Hungary's neutrality before its war
    with the Ottoman Empire, Reichstadt 1876 and Budapest 1877, because Austria was its rival in the Balkans).
    With the model's preferences, a state's utility for another's victory falls with its hostility to it,
    :math:`U_j(x) = 1 - H_{jx}`, so the leaning is :math:`L_j = \max(0, H_{jb} - H_{je})` (:func:`leaning`).
    :func:`neutrality_gain` weights the same loss by the bystander's mere absence of quarrel with the enemy,
    :math:`1 - H_{je}`, which counts every uninvolved great power as a prospective defender.

    Parameters
    ----------
    own, enemy, bystander : array_like (K,) >= 0, capability share at the battlefield
    hostility_own : array_like (K,) in [0, 1], :math:`H_{be}`
    leaning : array_like (K,) in [0, 1], :math:`L_j`, the bystander's preference for the enemy's victory (:func:`leaning`)

    Examples
    --------
    The example of :func:`neutrality_gain` (a loss of 1/3, :math:`H_{be}` 0.5): a bystander indifferent between the
    two sides is worth nothing, one leaning half-way to the enemy 1/12:

    >>> leaning_neutrality_gain([0.2, 0.2], [0.1, 0.1], [0.1, 0.1], [0.5, 0.5], [0.0, 0.5]).round(4).tolist()
    [0.0, 0.0833]
    """
    b, e, j = (_vector(n, v, None, nonneg=True, check=check) for n, v in (("own", own), ("enemy", enemy), ("bystander", bystander)))
    hb = _vector("hostility_own", hostility_own, len(b), unit=True, check=check)
    lean = _vector("leaning", leaning, len(b), unit=True, check=check)
    loss = _option(_odds(b, e)) - _option(_odds(b, e + j))
    return hb * lean * np.maximum(loss, 0.0)


def leaning(hostility_to_belligerent, hostility_to_enemy, *, check: bool = True) -> np.ndarray:
    """A bystander's preference for the enemy's victory over the belligerent's, Bueno de Mesquita's (1981) :math:`U_j(e) - U_j(b)`
    with :math:`U_j(x) = 1 - H_{jx}`, floored at 0: ``max(0, H_jb - H_je)``, (K,) in [0, 1].

    >>> leaning([0.0, 0.5, 0.5, 0.2], [0.0, 0.0, 0.5, 0.6]).tolist()
    [0.0, 0.5, 0.0, 0.0]
    """
    hb = _vector("hostility_to_belligerent", hostility_to_belligerent, None, unit=True, check=check)
    he = _vector("hostility_to_enemy", hostility_to_enemy, len(hb), unit=True, check=check)
    return np.maximum(hb - he, 0.0)


def offence_written(attacker_side, charter, *, check: bool = True) -> np.ndarray:
    """Whether a pact made for a war is written as an offence pact (True) or as a defence pact (False): (K,) bool.

    Before the UN Charter the attacker's coalition is an offence pact and the target's a defence pact (Sardinia and
    France, 1859; Prussia and Italy, 1866; the coalitions of 1939-1945: ATOP 5.1 codes 12 of the 25 wartime pacts
    begun 1816-1918 and 14 of the 24 begun 1939-1945 as offence pacts, so neither the Covenant nor the Kellogg-Briand
    Pact changed their form). The Charter leaves a state at war one lawful title, "the inherent right of individual or
    collective self-defence" (art. 51, a term new at San Francisco), and makes its obligations prevail over any other
    agreement (art. 103): from 1945 on, states fighting together write their pact as collective self-defence against
    the enemy, and ATOP codes none of the 14 wartime pacts begun 1946-2018 as an offence pact (6 are defence pacts).
    The instrument changes the *form* of the pact, not whether states at war combine. Between the wars ATOP 5.1 codes no
    offence pact among the 72 begun 1919-1938 and only 4 wartime pacts (France-Belgium 1920, France-Poland and
    Turkey-Afghanistan 1921, a defence form each; the Soviet-Chinese non-aggression pact of 1937), and the era's COW wars drew no
    joiner at all: what is missing is coalitions, not an offence form the Covenant (art. 10, 12, 20) or Kellogg-Briand (1928)
    replaced, since offence pacts came back with the war in 1939 (join9, 2026-12: no Covenant switch; the partner's cost of
    entering, :func:`entry_value`, holds in every era). ``charter`` (scalar or (K,)
    bool) is :func:`foedus.theory.renunciation.territorial_integrity_norm` of the year; ``attacker_side`` (K,) bool.

    >>> offence_written([True, False, True], [False, False, True]).tolist()
    [True, False, False]
    """
    side = np.asarray(attacker_side, dtype=bool)
    un = np.broadcast_to(np.asarray(charter, dtype=bool), side.shape)
    if check and side.ndim != 1:
        raise ValueError(f"offence_written: attacker_side must be (K,), got shape {side.shape}")
    return side & ~un


def neutrality_written(charter, *, check: bool = True) -> np.ndarray:
    """Whether a bystander's pledge to stay out of a war is written as neutrality (True) or as non-aggression (False).

    Before the UN Charter a state could promise a belligerent to stay neutral in its war (Russia to Prussia, 1870;
    ATOP 5.1: 5 of the 25 wartime pacts begun 1816-1918 and 6 of the 24 begun 1939-1945 carry a neutrality
    obligation). Under the Charter a member may not promise to stand aside whatever the Security Council decides: it
    must give the United Nations every assistance in any action it takes and refrain from assisting the state the
    Council acts against (art. 2(5)), carry out its decisions (art. 25), and its Charter obligations prevail over any
    other engagement (art. 103), so traditional neutrality is no longer a promise a member can make (Kelsen 1950, *The
    Law of the United Nations*, ch. 3). What a belligerent can still obtain is a bystander's promise not to attack it,
    restating art. 2(4) pair by pair: ATOP codes none of the 14 wartime pacts begun 1946-2018 as neutrality pacts and 6
    of them as non-aggression pacts. ``charter`` (scalar or (K,) bool) is
    :func:`foedus.theory.renunciation.territorial_integrity_norm` of the year.

    >>> neutrality_written([False, True]).tolist()
    [True, False]
    """
    return ~np.atleast_1d(np.asarray(charter, dtype=bool))


def signing_probability(value, rate: float, *, check: bool = True) -> np.ndarray:
    r"""The chance that a pledge worth ``value`` is signed in the year its war begins: :math:`1 - e^{-\lambda V}`, in [0, 1).

    The complementary log-log link of a discrete-time event whose hazard is proportional to its covariate
    (Beck, Katz & Tucker 1998): the stakes of the war (:func:`coalition_gain`, :func:`neutrality_gain`) set the
    intensity of the offers, ``rate`` (:math:`\lambda`, per unit of value) their scale. Zero value, zero chance;
    small values, about :math:`\lambda V`.

    >>> signing_probability([0.0, 0.01, 1.0], 2.0).round(4).tolist()
    [0.0, 0.0198, 0.8647]
    """
    v = _vector("value", value, None, nonneg=True, check=check)
    if check and not (np.isfinite(rate) and rate >= 0):
        raise ValueError(f"signing_probability: rate must be >= 0 per unit of value, got {rate!r}")
    return -np.expm1(-float(rate) * v)


def fulfilled(members, enemy, at_war, *, check: bool = True) -> np.ndarray:
    """Whether each pact made for a war has its provisions fulfilled: none of its members is at war with its enemy any more (A,) bool.

    Leeds & Savun (2007) code the end of an alliance whose purpose was achieved (the war it was made for is
    over) apart from abrogation. ``members`` (A, N) bool, ``enemy`` (A,) the index of the state each pact was made
    against (-1: none, never fulfilled), ``at_war`` (N, N) bool.

    >>> import numpy as np
    >>> w = np.zeros((3, 3), bool); w[0, 2] = w[2, 0] = True
    >>> fulfilled(np.array([[1, 1, 0], [0, 1, 0]], bool), np.array([2, 2]), w).tolist()
    [False, True]
    """
    m = np.asarray(members, dtype=bool)
    k = np.asarray(enemy, dtype=np.intp)
    w = np.asarray(at_war, dtype=bool)
    if check and (m.ndim != 2 or k.shape != (m.shape[0],) or w.shape != (m.shape[1], m.shape[1])):
        raise ValueError(f"fulfilled: members (A, N), enemy (A,), at_war (N, N) expected, got {m.shape}, {k.shape}, {w.shape}")
    if not len(k):
        return np.zeros(0, bool)
    fighting = (m & w[np.maximum(k, 0)]).any(axis=1)
    return (k >= 0) & ~fighting
