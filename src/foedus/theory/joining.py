"""Joining wars under way: the warring alliance partner and a third party's stake (brief P2, P5).

A war spreads to third states along alliance ties and borders (Siverson & Starr 1990, 1991: the
*warring alliance partner* and the *warring border nation* as the willingness and the opportunity of
"infectious" diffusion). An ally joins its partner's war whether or not the pledge it holds is
called: ATOP's defence pledges are conditional on an attack on the partner by a third party, yet
allies of attackers join them too (1816-1914, COW and ATOP: 29 of the 118 defence allies of an
initiator fought beside it; Leeds 2003 on alliances that embolden; Gartzke & Gleditsch 2004 on
allies that act beyond the letter of their commitments). :func:`warring_ally_join_probability`
is that route; the ally's willingness (:func:`partner_willingness`) is its hostility to the partner's
enemy or its stake in the partner's side, either sufficing (Corbetta 2010). Beside an attacker the
pledge does not oblige (Leeds, Long & Mitchell 2000), and the ally that comes must reach the target
itself (Siverson & Starr 1991: the offensive is fought on the target's territory; :func:`attacker_ally_reach`). Its
portfolio stake in the attacker's side should move it only where it pledged offence (:func:`aggression_stake`): a friend's
aggression is no war of its own.

A third party bound by no pact that joins a war needs a stake in the side it joins (Werner 2000;
Corbetta 2010: joiners side with the belligerent whose alliance portfolio theirs resembles).
The resemblance of two alliance portfolios is measured chance-corrected (Häge 2011):
:func:`scott_pi` of the two binary rows, so that two states allied to almost nobody in a system
of a hundred and fifty do not count as alike for the many states neither is allied to (the
unweighted S score of Signorino & Ritter 1999 is near 1 for any two such states).
:func:`third_party_stake` is the difference of the two similarities; :func:`staked_opportunist_probability` the
opportunist's route into a war (a rival of a belligerent, bound by no pact) weighted by it.

A state holding nuclear weapons does not enter a war against a nuclear-armed belligerent, whatever the route
(:func:`nuclear_entry_restraint`: the nuclear revolution, Jervis 1989; Waltz 1981): no war against a nuclear power
can be won, and the superpowers kept out of each other's wars (Korea, Vietnam, Afghanistan). The onset model's
joint-nuclear term (:mod:`foedus.theory.war_onset`) restrains the direct route; this restrains the entries.

States that combine in a war's first year write their coalition as an alliance treaty before the UN Charter, and fight
together without one after it (:func:`coalition_treaty`): the Charter's one lawful title to fight, individual or
collective self-defence (art. 51), asks for the victim's request, not a treaty (ICJ, *Nicaragua v. United States*, 1986,
para. 199), and the record shows it (ATOP 5.1 and COW: 10 of the 20 wartime pacts begun 1816-1914 came with a member
entering a war beside another in the pact's year, none of the 7 begun 1946-1989).

References
----------
.. [1] Siverson, R. M. and H. Starr. 1990. "Opportunity, Willingness, and the Diffusion of War."
   *American Political Science Review* 84(1): 47-67; 1991. *The Diffusion of War*. Ann Arbor:
   University of Michigan Press.
.. [2] Leeds, B. A. 2003. "Do Alliances Deter Aggression? The Influence of Military Alliances on the
   Initiation of Militarized Interstate Disputes." *American Journal of Political Science* 47(3): 427-39.
.. [3] Gartzke, E. and K. S. Gleditsch. 2004. "Why Democracies May Actually Be Less Reliable Allies."
   *American Journal of Political Science* 48(4): 775-95.
.. [4] Häge, F. M. 2011. "Choosing the Right Tool for the Job: Measuring Foreign Policy Similarity."
   *Political Analysis* 19(3): 287-305.
.. [5] Werner, S. 2000. "Deterring Intervention: The Stakes of War and Third-Party Involvement."
   *American Journal of Political Science* 44(4): 720-32; Corbetta, R. 2010. "Determinants of
   Third Parties' Intervention and Alignment Choices in Ongoing Conflicts, 1946-2001." *Foreign
   Policy Analysis* 6(1): 61-85.
.. [6] Jervis, R. 1989. *The Meaning of the Nuclear Revolution: Statecraft and the Prospect of
   Armageddon*. Ithaca: Cornell University Press; Waltz, K. N. 1981. *The Spread of Nuclear Weapons:
   More May Be Better*. Adelphi Paper 171. London: IISS.
.. [7] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty Obligations and Provisions,
   1815-1944." *International Interactions* 28(3): 237-60 (ATOP 5.1, ``wartime``); International Court of Justice. 1986.
   *Military and Paramilitary Activities in and against Nicaragua (Nicaragua v. United States)*, Merits, para. 199.
.. [8] Rauchhaus, R. 2009. "Evaluating the Nuclear Peace Hypothesis: A Quantitative Approach." *Journal of Conflict
   Resolution* 53(2): 258-77; Gartzke, E. and D.-J. Jo. 2009. "Bargaining, Nuclear Proliferation, and Interstate
   Disputes." *Journal of Conflict Resolution* 53(2): 209-33; Bell, M. S. and N. L. Miller. 2015. "Questioning the Effect
   of Nuclear Weapons on Conflict." *Journal of Conflict Resolution* 59(1): 74-92.
.. [9] Schweller, R. L. 1994. "Bandwagoning for Profit: Bringing the Revisionist State Back In." *International Security*
   19(1): 72-107; Zacher, M. W. 2001. "The Territorial Integrity Norm." *International Organization* 55(2): 215-50; Fazal,
   T. M. 2007. *State Death*. Princeton: Princeton University Press.
.. [10] Snyder, G. H. 1984. "The Security Dilemma in Alliance Politics." *World Politics* 36(4): 461-95; Leeds, B. A., A. G.
   Long and S. M. Mitchell. 2000. "Reevaluating Alliance Reliability: Specific Threats, Specific Promises." *Journal of
   Conflict Resolution* 44(5): 686-99.
.. [12] Yamamoto, Y. and S. A. Bremer. 1980. "Wider Wars and Restless Nights: Major Power Intervention in Ongoing Wars."
   In J. D. Singer (ed.), *The Correlates of War II*. New York: Free Press, 199-229; Kim, W. 1991. "Alliance Transitions and
   Great Power War." *American Journal of Political Science* 35(4): 833-50; Most, B. A. and H. Starr. 1989. *Inquiry, Logic
   and International Politics*. Columbia: University of South Carolina Press (the decision to enter taken at the outbreak,
   :func:`entry_age_decay`).
.. [11] Thompson, W. R. and D. R. Dreyer. 2012. *Handbook of International Rivalries, 1494-2010*. Washington: CQ Press
   (the strategic rivalries of :func:`aggression_stake`'s count).
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array
from foedus.theory.war import conditions_met
from foedus.theory.war_onset import opportunistic_join_probability, reach_to_war

__all__ = [
    "aggression_stake", "aimed_adversary", "attacker_ally_reach", "coalition_treaty", "entry_age_decay", "jackal_spoils", "nuclear_entry_restraint", "partner_willingness", "pledge_covers", "scott_pi",
    "staked_opportunist_probability", "third_party_stake", "warring_ally_join_probability",
]


def warring_ally_join_probability(rate: float, reach, shared_adversary=1.0, stake=0.0, *, check: bool = True) -> np.ndarray:
    """Yearly probability that a state joins a war under way beside a defence or offence ally at war: ``rate * reach * w``.

    For a state with a *warring alliance partner* (it shares a defence or offence pact in force with
    the attacker or the target of the war, and no security agreement with the other side; a joiner,
    at war by its own choice, is nobody's partner by this route: ATOP's casus foederis), which
    Siverson & Starr (1990, 1991) find far more likely to enter the war than one without, and more
    so with the opportunity to fight it (``reach``, 0-1, the loss-of-strength reach to the war,
    :func:`foedus.theory.war_onset.reach_to_war`: their warring border nation). ``w`` is its
    willingness, :func:`partner_willingness` of ``shared_adversary`` (0-1, the degree to which the
    partner's enemy is its own adversary: Snyder 1984, a war against a shared adversary is one's own
    war) and ``stake`` (0-1, :func:`third_party_stake`: its alliance portfolio nearer the partner's
    than the enemy's; Werner 2000, Corbetta 2010). ``rate`` is the yearly probability for an ally in
    full reach and wholly willing. The route does not ask whether the pledge was called: an ally of
    the attacker, whose defence pledge an attack by its partner does not trigger, joins by it (Leeds
    2003; Gartzke & Gleditsch 2004). With ``stake`` 0 (the form until 2026-12) the willingness is the
    shared adversary alone.

    Examples
    --------
    >>> warring_ally_join_probability(0.2, [1.0, 0.5, 1.0], [1.0, 1.0, 0.0]).tolist()
    [0.2, 0.1, 0.0]
    >>> warring_ally_join_probability(0.5, [1.0, 1.0], [0.0, 0.5], [0.5, 0.5]).tolist()
    [0.25, 0.375]
    """
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"warring_ally_join_probability: rate {rate} must lie in [0, 1]")
    r = _array("reach", reach, unit=True, check=check)
    return rate * r * partner_willingness(shared_adversary, stake, check=check)


def partner_willingness(shared_adversary, stake, *, check: bool = True) -> np.ndarray:
    """A warring alliance partner's willingness to join (0-1): ``h + s - h * s``, either motive sufficing.

    Corbetta (2010; third parties in the disputes of 1946-2001) finds that a third party joins a side
    for its opposition to the other disputant (``shared_adversary`` ``h``: hostility to the partner's
    enemy, Snyder 1984's shared adversary) and for its proximity to the side it supports (``stake``
    ``s``: the alignment of its portfolio with the partner's less that with the enemy's,
    :func:`third_party_stake`; Werner 2000), and that "opposition to a party in a conflict is as
    important as a third party's social proximity to the side being supported". The two count alike
    here as two independent reasons to join, either of which may move the ally: the probability that
    at least one does, ``1 - (1 - h)(1 - s)``, written ``h + s - h s`` (with ``s`` 0, ``h`` exactly).
    Ours: Corbetta estimates both as additive terms of a logit; the form is the noisy-or of the two.

    Until 2026-12 the route read the shared adversary alone, and the hostility the simulator carries
    is that of rivals and disputants: in a run from the record of 1816 (seed 1), in 107 of the 118
    yearly candidacies beside an attacker the ally bore its target no hostility and could not join, and
    over seeds 1-3 an attacker's defence allies fought beside it 8 times in 135, where the record has
    them do so 29 times in 118 (COW and ATOP, 1816-1914).

    Examples
    --------
    >>> partner_willingness([0.0, 0.6, 0.0, 0.5], [0.0, 0.0, 0.4, 0.5]).tolist()
    [0.0, 0.6, 0.4, 0.75]
    """
    h = _array("shared_adversary", shared_adversary, unit=True, check=check)
    s = _array("stake", stake, unit=True, check=check)
    return h + s - h * s


def aggression_stake(stake, beside_attacker, offence_pledged, weight: float = 0.0, *, check: bool = True) -> np.ndarray:
    """A warring alliance partner's portfolio stake as a motive to join (0-1): ``stake`` beside a target or where the ally pledged
    offence, ``weight * stake`` beside an attacker it pledged only to defend.

    A defence pledge does not cover the partner's own attack (Leeds, Long & Mitchell 2000; ATOP's casus foederis), and an ally
    of an attacker fights beside it for a war of its own: the target is its own adversary (Snyder 1984's shared adversary, the
    hostility term of :func:`partner_willingness`), or it pledged to attack together (an offence pledge, Leeds 2003: the
    alliances that embolden an initiator are those that promise it help in its attack). The nearness of its alliance portfolio
    to the attacker's (:func:`third_party_stake`; Werner 2000, Corbetta 2010) is a motive to defend a friend, not to join its
    aggression. The record (COW inter-state wars and ATOP, 1816-1914, the defence allies of a war's initiating side): of 59 that
    shared with it no offence pact and were no strategic rival of an enemy (Thompson & Dreyer 2012), none fought beside it; of
    27 rivals of an enemy, 17; of 21 offence allies not rivals, 3; beside a target, 51 of 86 neither. 1946-1989: 14 of 331
    (the SEATO members in Vietnam, 1965; the Arab League's in 1973), 18 of 25 rivals. ``weight`` in [0, 1]: 0 the published
    reading (the stake moves no defence ally into its partner's attack), 1 the form until 2026-12 (session 18's audit: the
    stake alone carried most of the simulated entries beside attackers, and the Little Entente into its members' attacks in
    record-built runs of 1919), still the simulator's default (``aggression_stake_weight``: at 0 its runs from 1816 lost the
    record's defence allies joining, which they owe to the stake beside attackers where the record's come by rivalry or an
    offence pledge).

    Examples
    --------
    >>> aggression_stake([0.4, 0.4, 0.4, 0.4], [True, True, False, False], [False, True, False, True]).tolist()
    [0.0, 0.4, 0.4, 0.4]
    >>> aggression_stake([0.4], [True], [False], weight=0.5).tolist()
    [0.2]
    """
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"aggression_stake: weight {weight} must lie in [0, 1]")
    s = _array("stake", stake, unit=True, check=check)
    cut = np.asarray(beside_attacker, dtype=bool) & ~np.asarray(offence_pledged, dtype=bool)
    return np.where(cut, weight * s, s)


def aimed_adversary(hostility, pact_aimed, *, check: bool = True) -> np.ndarray:
    """The degree (0-1) to which a warring alliance partner's enemy is the ally's own adversary: 1 where a pact binding the two
    was written or formed against that enemy (``pact_aimed``), else the ally's ``hostility`` to it.

    Snyder (1984): allies share the adversary their alliance is aimed at; Leeds, Long & Mitchell (2000): alliances answer
    specific threats, and the commitments written against a named adversary are those honoured. The adversary a pact names (ATOP ``statthr1``, ``statthr2``) or, for a pact formed in a run,
    the members' common threat it was formed against (:func:`foedus.theory.persistence.founding_threat`) is therefore a shared
    adversary whatever the hostility the simulator carries (that of rivals and disputants). Beside an attacker only a pledge to
    attack it together makes the attack on it the ally's own war (Prussia and Italy's offence pact against Austria, 1866): a
    pledge of defence against it does not cover a member's own attack (Leeds, Long & Mitchell 2000), and an ally dragged into
    its partner's war against their common adversary is Snyder's (1984) entrapment itself (the caller passes ``pact_aimed``
    so: :func:`foedus.sim.steps.war_entry.warring_partners`). An alliance aimed elsewhere gives no such stake (NATO, aimed at
    the Soviet Union and Russia, in a member's war with Iran).

    Examples
    --------
    >>> aimed_adversary([0.0, 0.3, 0.0], [True, False, False]).tolist()
    [1.0, 0.3, 0.0]
    """
    h = _array("hostility", hostility, unit=True, check=check)
    return np.where(np.asarray(pact_aimed, dtype=bool), 1.0, h)


def attacker_ally_reach(beside_attacker, to_enemy, to_partner, theatre, *, check: bool = True) -> np.ndarray:
    """A warring alliance partner's reach to the war (0-1): its own :func:`foedus.theory.war_onset.reach` to the enemy beside an
    attacker, else :func:`foedus.theory.war_onset.reach_to_war`.

    Siverson & Starr (1991) measure the opportunity to enter a war by where it is fought: most often on the territory of the
    state attacked, so an ally of the target can fight it next to (or on) its partner's land, as far as the attacker carries
    the war there (``reach_to_war``'s relay, ``to_partner * theatre``). An ally of the attacker joins an offensive fought on
    the target's territory: its opportunity is its own reach to the target (``to_enemy``), whatever its reach to its partner
    (Bueno de Mesquita 1981's loss-of-strength gradient to the enemy; Leeds 2003: allies that can affect the outcome against the
    target are those an attacker counts on). Until 2026-12 (honour17) the relay counted beside an attacker too: Hungary and
    Slovakia, near Turkey, had a reach of 0.5-0.7 to Turkey's war on Iran (world-2022, main 520c954, seed 1).

    Examples
    --------
    >>> attacker_ally_reach([True, False], [0.1, 0.1], [0.8, 0.8], [0.9, 0.9]).tolist()
    [0.1, 0.7200000000000001]
    """
    relay = reach_to_war(to_enemy, to_partner, theatre, check=check)
    return np.where(np.asarray(beside_attacker, dtype=bool), np.asarray(to_enemy, dtype=float), relay)


def pledge_covers(defence, offence, conditions, adversaries, enemy: int) -> np.ndarray:
    """Whether each pact's written war obligations reach a war against ``enemy``: a warring alliance partner's path into it.

    Leeds, Long & Mitchell (2000): an obligation written against named adversaries (ATOP ``defcoadv``, ``offcoadv``) is no
    commitment against another state, and an ally that stays out of a war against another is no defector. A pact carries its
    member into a partner's war (:func:`warring_ally_join_probability`) only where its defence obligation, or its offence
    obligation, holds against that enemy (:func:`foedus.theory.war.conditions_met`, the named-adversary conditions; the
    condition of an unprovoked attack is not asked, since the route is the one by which allies of an attacker join it, Leeds
    2003). The Franco-Russian alliance (1894, against the Triple Alliance) carried France into no Russian war with China; the
    Li-Lobanov treaty (1896, against Japan) carried China into no Russian war with Britain (record-built runs from 1900, main
    c0793cd, had both).

    Parameters
    ----------
    defence, offence : (S,) array_like of bool
        The pacts' defence and offence obligations.
    conditions : (S,) array_like of int
        :func:`foedus.theory.war.condition_bits` codes, 0 unconditional.
    adversaries : (S, K) array_like of int
        The state indices each pact names as its adversaries, -1 for none.
    enemy : int
        State index of the enemy.

    Returns
    -------
    (S,) ndarray of bool

    Examples
    --------
    >>> from foedus.theory.war import condition_bits
    >>> c = [condition_bits(["defence_named_adversary"]), 0, condition_bits(["offence_named_adversary"])]
    >>> pledge_covers([True, True, True], [False, False, True], c, [[7, -1], [-1, -1], [5, -1]], 5).tolist()
    [False, True, True]
    """
    d = np.asarray(defence, dtype=bool).reshape(-1)
    o = np.asarray(offence, dtype=bool).reshape(-1)
    return (d & conditions_met(conditions, adversaries, enemy, defence=True)) | (o & conditions_met(conditions, adversaries, enemy, defence=False))


def scott_pi(a, b) -> np.ndarray:
    """Scott's pi of two binary alliance portfolios (Häge 2011's chance-corrected similarity), -1..1.

    ``a`` and ``b`` (..., N) are 0/1 rows (allied or not to each of N states; a state counts as
    allied to itself, Bueno de Mesquita 1975). ``pi = 1 - D_o / D_e``: ``D_o`` the observed share
    of disagreements, ``mean |a - b|``; ``D_e`` the share expected by chance from the pooled
    marginal ``p`` (the mean of both rows), ``2 p (1 - p)`` (Scott 1955; Häge 2011, eq. 7 with
    binary categories). Identical rows score 1; rows that agree no more than chance score 0; two
    states each allied to a few and never to the same score below 0, where the unweighted S score
    (``1 - 2 D_o``) stays near 1. Rows without variation (both all 0 or all 1) score 1.

    Examples
    --------
    >>> scott_pi([1, 1, 0, 0], [[1, 1, 0, 0], [0, 0, 1, 1]]).tolist()
    [1.0, -1.0]
    >>> round(float(scott_pi([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 0, 0, 0])), 4)  # S score 0.6
    -0.1111
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = np.abs(x - y).mean(axis=-1)
    p = (x.mean(axis=-1) + y.mean(axis=-1)) / 2.0
    expected = 2.0 * p * (1.0 - p)
    safe = np.where(expected > 0, expected, 1.0)
    return np.where(expected > 0, 1.0 - observed / safe, 1.0)


def third_party_stake(similarity_side, similarity_enemy, *, check: bool = True) -> np.ndarray:
    """A third party's stake in a war for the side it would join, 0-1: ``max(0, sim_side - sim_enemy) / 2``.

    Werner (2000) models intervention by the third party's interest in the outcome, the difference
    of its alignment with the two sides; Corbetta (2010) finds that joiners side with the
    belligerent they are more aligned with. The similarities are of alliance portfolios, -1..1
    (:func:`scott_pi`). Equally aligned with both sides, or nearer the enemy: no stake (0); aligned
    exactly with the side and opposite to the enemy: the whole stake (1).

    Examples
    --------
    >>> third_party_stake([1.0, 0.5, 0.2], [-1.0, 0.5, 0.6]).tolist()
    [1.0, 0.0, 0.0]
    """
    s = _array("similarity_side", similarity_side, check=check)
    e = _array("similarity_enemy", similarity_enemy, check=check)
    return np.clip((s - e) / 2.0, 0.0, 1.0)


def staked_opportunist_probability(rate: float, reach, rival, stake, *, check: bool = True) -> np.ndarray:
    """Yearly probability that a rival of a belligerent, bound by no pact to it, enters the war against it: ``rate * reach * rival * stake``.

    :func:`foedus.theory.war_onset.opportunistic_join_probability` (Schweller 1994's bandwagoning for profit along a rivalry,
    Vasquez 1993; the reach to the war, Siverson & Starr 1991) times the third party's ``stake`` in the side it joins (0-1,
    :func:`third_party_stake`; Werner 2000, Corbetta 2010): a state joins the side it is aligned with, not any enemy of its
    rival. Without a stake (equally aligned with both, or nearer the enemy) it does not enter by this route.

    Examples
    --------
    >>> staked_opportunist_probability(0.2, [1.0, 1.0, 0.5], [1, 1, 1], [1.0, 0.0, 0.5]).tolist()
    [0.2, 0.0, 0.05]
    """
    k = _array("stake", stake, unit=True, check=check)
    return opportunistic_join_probability(rate, reach, rival, check=check) * k


def entry_age_decay(age, rate: float, grace: float = 0.0, *, check: bool = True) -> np.ndarray:
    """Factor (0-1) on a third party's yearly probability of entering a war under way, by the war's ``age`` (whole years since
    its first year, 0 in that year): ``exp(-rate * max(age - grace, 0))``, ``rate`` per year (the half-life ``ln 2 / rate``
    years), ``grace`` the years at the outbreak's chance (COW dates entries by the year: a war begun in the autumn is joined
    "a year later" within months; the record's entries per war-year are as many in the second and third years, 0.43 and
    0.45, and fall after, 0.10).

    The decision to enter a war is taken at its outbreak (Yamamoto & Bremer 1980: the great powers' entries into wars under
    way cluster in their first year, the chance falling as the war goes on; Most & Starr 1989's opportunity and willingness
    are those of the crisis; Siverson & Starr 1991): a state that stayed out while the war's stakes were set has chosen, and
    what changes its choice later (a defeat, a new pact) is rarer by the year. The exponential is the constant-rate form of
    that decline; its rate is estimated by Poisson maximum likelihood on the record's entries per war-year of each age
    (:func:`foedus.analysis.entry_lags.age_decay_rate`; COW inter-state wars begun 1816-1914 and 1946-1989: 0.55 a year over
    every age, 0.43 from the second year on).

    Examples
    --------
    >>> entry_age_decay([0, 1, 2], np.log(2)).round(3).tolist()
    [1.0, 0.5, 0.25]
    >>> entry_age_decay([0, 1, 2, 3], np.log(2), grace=1).round(3).tolist()
    [1.0, 1.0, 0.5, 0.25]
    """
    a = _array("age", age, nonneg=True, check=check)
    if check and not (np.isfinite(rate) and rate >= 0):
        raise ValueError(f"rate: {rate!r} must be a finite number >= 0 (per year)")
    if check and not (np.isfinite(grace) and grace >= 0):
        raise ValueError(f"grace: {grace!r} must be a finite number >= 0 (years)")
    return np.exp(-float(rate) * np.maximum(a - float(grace), 0.0))


def jackal_spoils(joins_attacker, conquest_discount, *, check: bool = True) -> np.ndarray:
    """Factor (0-1) on an opportunist's probability of entering a war: the conquest discount where it joins the attacker, else 1.

    A rival that enters a war beside the attacker is Schweller's (1994) jackal, bandwagoning for a share of the spoils, which
    are conquests; the territorial integrity norm takes their value away (Zacher 2001: conquest confers no title, brings
    sanctions and is undone at the peace; Fazal 2007), so the jackal's expected gain, and its entry, is scaled by
    ``conquest_discount`` (:func:`foedus.theory.renunciation.conquest_discount` of the year's renunciation of war: 1 before the
    Covenant, ``1 - strength`` under the Charter). A rival that enters against the attacker fights an aggression, not for
    conquest (collective self-defence, Charter art. 51), and is left whole. The record's thirteen joiners of 1946-1989 (COW)
    entered beside a partner or a friend, eight of them bound to it by a pact (Korea's and Vietnam's coalitions, France for
    Spain in 1958, Libya for Uganda in 1979); the simulator's jackals (Italy beside Bulgaria against Yugoslavia, Jordan beside
    Iraq against Syria, record-built runs of 1946, main c0793cd) have no counterpart there.

    Examples
    --------
    >>> jackal_spoils([True, False, True], [0.4, 0.4, 1.0]).tolist()
    [0.4, 1.0, 1.0]
    """
    d = _array("conquest_discount", conquest_discount, unit=True, check=check)
    return np.where(np.asarray(joins_attacker, dtype=bool), d, 1.0)


def nuclear_entry_restraint(entrant_nuclear, enemy_nuclear, strength: float = 1.0) -> np.ndarray:
    """Factor (0-1) on a state's probability of entering a war: ``1 - strength`` where it and a belligerent it would fight both hold nuclear weapons, else 1.

    The nuclear revolution (Jervis 1989, ch. 1; Waltz 1981): between two nuclear-armed states no war can be won,
    whatever the conventional balance, since each can inflict on the other a cost no gain outweighs; a nuclear power
    therefore does not join a war in which it would fight another (the USSR stayed out of the Korean War's fighting
    against the United States in 1950, as the United States stayed out of the Soviet Union's wars and China out of
    Vietnam's with the United States), nor begin one (the simulator applies the same factor to a war's initiator and
    its target, ``nuclear_onset_restraint``). ``entrant_nuclear`` (bool) whether the state that would enter is
    nuclear-armed; ``enemy_nuclear`` (bool) whether the side it would fight holds a nuclear-armed belligerent
    (:func:`foedus.data.nuclear.nuclear_armed`, the dates of Gartzke & Kroenig 2009). ``strength`` in [0, 1]: 1 is
    the published reading (no such entry), 0 switches the restraint off. The same reading as
    :func:`foedus.theory.offence.nuclear_deterrence` gives a pledge serving an attack on a nuclear power.

    The restraint is mutual deterrence, not the possession of the bomb by one side. Rauchhaus (2009) estimates war onset on
    dyad-years 1885-2000 with separate terms for the symmetric nuclear dyad (both armed) and the asymmetric one (one armed):
    the symmetric dyad's odds of war are far lower (no war between two nuclear-armed states but Kargil, 1999), the asymmetric
    dyad's are not lower, rather higher (Gartzke & Jo 2009 and Bell & Miller 2015 find no general pacifying effect of the
    bomb on one side). A nuclear monopoly therefore restrains nobody here: a state without the bomb enters a war against a
    nuclear power (China against the United States in Korea, 1950, fourteen years before its first test; Egypt and Syria
    against Israel, 1973), and a nuclear power enters one against a state without it (factor 1 in both directions); only
    a great power's pledge to a protégé carries a nuclear guarantee to the onset (``extended_nuclear_deterrence``).

    Examples
    --------
    >>> nuclear_entry_restraint([True, True, False, False], [True, False, True, False]).tolist()
    [0.0, 1.0, 1.0, 1.0]
    >>> nuclear_entry_restraint([True], [True], strength=0.25).tolist()
    [0.75]
    """
    if not 0.0 <= strength <= 1.0:
        raise ValueError(f"nuclear_entry_restraint: strength {strength} must lie in [0, 1]")
    joint = np.asarray(entrant_nuclear, dtype=bool) & np.asarray(enemy_nuclear, dtype=bool)
    return np.where(joint, 1.0 - strength, 1.0)


def coalition_treaty(charter, *, check: bool = True) -> np.ndarray:
    """Whether states that combine in a war's first year write their coalition as an alliance treaty (True) or fight together without one.

    Before the UN Charter a state that joined a belligerent at a war's outset signed a pact for the war (ATOP 5.1
    ``wartime``; Leeds et al. 2002): Britain, France and the Ottoman Empire in 1854, Prussia and Italy in 1866, the Entente's
    and the Central Powers' treaties of 1914; of the 20 wartime pacts ATOP codes for 1816-1914, 10 came with a member
    entering a COW war beside another in the pact's year. The Charter leaves a state one lawful title to fight, individual or
    collective self-defence (art. 51), which needs the victim's request and no treaty (ICJ, *Nicaragua v. United States*,
    1986, para. 199); states that fight together from the outset do so under it, without an alliance (Britain, France and
    Israel at Suez, 1956). None of the 7 wartime pacts ATOP codes for 1946-1989 came with a member entering a war in its year:
    the Korean War's security treaties of 1951-1953 bound states already fighting, or Japan, which did not fight. The
    decision to combine (its gain and the partner's consent) is unchanged; only its form is. ``charter`` (scalar or array of
    bool) is :func:`foedus.theory.renunciation.territorial_integrity_norm` of the year.

    Parameters
    ----------
    charter : array_like of bool
    check : bool, default True
        Refuse an input that is not boolean-like (0/1).

    Returns
    -------
    ndarray of bool, the shape of ``charter``

    Examples
    --------
    >>> coalition_treaty([False, True]).tolist()
    [True, False]
    """
    c = np.asarray(charter)
    if check and c.size and not np.isin(c, (0, 1)).all():
        raise ValueError(f"coalition_treaty: charter must be boolean (0/1), got {c.ravel()[:5].tolist()}")
    return ~c.astype(bool)
