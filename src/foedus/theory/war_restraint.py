r"""Great powers avoid fighting one another, however the war would begin (Bremer 1992; Levy 1983).

Bremer (1992) codes a dyad's power status in three classes, minor-minor, major-minor and major-major,
and the simulator's war-onset logit carries the major-major class as ``joint_major``
(:func:`foedus.theory.war_onset.joint_major`; in-sample Firth fit -1.63, s.e. 0.63): held to their
rivalries, two great powers begin a war with each other at about a fifth of the odds of a great power
and a minor. Levy (1983) finds the same in five centuries of the great-power system: the powers' wars
with one another grew rare after 1815 while their wars with minor states went on. A war between two
great powers begins by other paths too: a great power *enters* a war another great power is fighting
(a pact's call, a pact made for the war, a warring ally, an opportunist: the Crimean War, 1854), or a
militarised dispute between two great powers *escalates* (Reed 2000: onset and escalation share their
covariates). The restraint is the same decision, to begin fighting a great power, so
:func:`great_power_restraint` carries the onset's major-major term to every path: on the log-odds
scale, as the onset logit does,

.. math:: \operatorname{logit} p' = \operatorname{logit} p + \beta_{mm}\, m_i m_j ,

where ``p`` is the probability of the step without the restraint (an ally's honouring, an entrant's
joining, an escalation), ``m_i`` and ``m_j`` whether the state that would begin fighting and the state
it would fight are great powers, and :math:`\beta_{mm}` the onset logit's ``war_onset_joint_major``.

The record (COW inter-state wars, ATOP defence pacts; :func:`foedus.analysis.great_power_wars.entry_restraint_dyads`),
in the in-sample eras 1816-1914 and 1946-1989: of the wars with great powers on one side only in their first year, one
drew a great power in against them later (the Crimean War: Britain and France for the Ottoman Empire, 1854), 1 of 18
and 0 of 11 (Korea, 1950, had both sides' great powers in its first year; 1859 and 1914 too); and of the great powers
pledged by a defence pact to a state a great power attacked none fought (France for Russia 1904, the United States for
Taiwan 1954 and 1958: 0 of 3), where minor allies of such states fought in 3 of 11. The entry logit of the record's
defence allies of attacked states (``joined ~ 1 + ally major + attacker major + both``, Firth,
:func:`foedus.analysis.great_power_wars.estimate_entry_restraint`, 251 ally-wars in sample): the major-major term
-2.47 (s.e. 2.11), the onset's -1.63 within half a standard error of it; likelihood-ratio statistic against no term
1.65 (p = 0.20). The entry record alone is too thin to fix the value, so the onset's estimate (s.e. 0.63) is carried.
Record-built runs of 1816-1914 (seeds 1-3) without the restraint drew a second great power into 24 of their 71 wars
between a great power and minor states (15 entries by a defence call, 10 by a pact made for the war, 8 warring allies, 4
opportunists), with it into 9 of 59 (6 by a pact made for the war, which the simulator leaves unrestrained: restraining it
too cut 1816-1914's defence pacts per state-year out of range, 0.0123 to 0.0088 over seeds 1-6, ATOP 0.0179).

Published form vs ours: Bremer's term is an onset term; carrying it to entry and escalation is ours
(Levy's finding is about wars between great powers whatever their origin).

**Extended deterrence among the great powers** (gpwar13). A great power that attacks a minor state another great power is
pledged to defend begins, with the chance that the protector comes in, a war against a great power: the restraint is then
part of the *attacker's* decision, not only of the protector's answer. Huth (1988) and Huth & Russett (1984) find that a
defender's commitment to a protégé deters the attack it covers; Leeds (2003) that a target's defensive allies lower the odds
that it is challenged at all; Bueno de Mesquita (1981) counts in the attacker's expected utility every third party by its
expected support. With ``q`` the probability that at least one protector fights (:func:`protection_probability`: each
great power pledged by a defence pact to the target, bound by none to the attacker, fights with the era's reliability of a
call, Leeds, Long & Mitchell 2000, Berkemeier & Fuhrmann 2018, times the reach of its forces to the target, Boulding 1962), the
attacker begins the war with probability ``(1 - q) + q e^b`` of the share it would without (:func:`extended_deterrence`):
a mixture of a war with a minor state, unrestrained, and a war with a great power, at the onset's major-major odds
:math:`e^{\beta_{mm}}`. The attacker reads the protector's pledge at the era's published reliability, not the protector's
own restraint, which it cannot observe (the credibility of a commitment is what deterrence rests on: Huth 1988). Only a
great power's attack on a minor state is concerned: a war between two great powers already carries the term in its hazard,
and a minor attacker counts the protector's forces in its odds of prevailing
(:func:`foedus.theory.war_onset.victory_probability`). The record, in sample: the wars a great power began against a state
another great power was pledged to defend were 3 (Japan against Russia 1904, China against Taiwan 1954 and 1958), none drew
the protector in; record-built runs of 1816-1914 (main 879272e, seeds 1-3) drew the protector in 8 times in three runs (the
route ``commitment/defense`` of ``tools/gp_onset_routes.py``). With the deterrence, the restrained entry below and (a variant
not kept) the initiator's odds counting its offence partners only, seeds 1-6 (gpwar13, 2026-12-07): 16 of the 93 wars begun between a great power and minor states drew a great power against it (main, seeds 1-3: 16 of 48; the
record 1 of 18), 19 of them against a protégé; wars between great powers per great-power pair-year 0.0052 (main 0.013, the
record 0.0040; 0.0076 without that variant, the merged model of ``foedus validate``, seeds 1-6), the rest most often begun
directly between two rival great powers.

A great power that signs a pact for a war against a great power (:mod:`foedus.sim.steps.wartime`) enters it as a called ally
does: with the era's reliability of a call, at the joint-major odds (:func:`great_power_restraint`). The record in sample: of
the great powers that signed a defence or offence pact for a war against a great power in 1816-1914 (ATOP 5.1 ``wartime``,
COW wars), Britain and France fought Russia (1854) and Austria did not (its treaties of 1854 with the Ottoman Empire and with
the Western powers: Schroeder 1972), nor Germany, whose Björkö treaty with Russia (1905) was signed in Russia's war with Japan:
2 of 4, where the minor signatories fought (the Ottoman Empire 1854 and 1914, Sardinia 1855, Bulgaria 1915).

**Which great powers stay out of a call** (call20). The record of the calls does not bear out the major-major term on
*honouring*: of the in-sample great powers pledged by a defence pact to a state a great power attacked (the war's
original sides, COW), 15 of 16 fought in 1816-1914 and 7 of 10 in 1946-1989 (1859, 1866, 1870, 1914, Korea; out: France
for Russia in 1904, the United States for Taiwan in 1954 and 1958, all at a low reach to the war), and of those a minor
state attacked none (0 of 14). Leeds (2003) finds major powers more likely to violate; the record places that where the
attacker is minor (:func:`minor_attacker_restraint`, ``honour_minor_attacker_restraint``; 0 by default: at -4.0
foedus validate lost facts, 64 and 63 on seeds 1-6 and 7-12 against main's 64 and 65, and a record-built run of 1990 left the
United States out of North Korea's attack on South Korea at p 0.00, where the in-sample cases of a minor partner are five).
The simulator's call carries, by default, not the joint-major term (``honour_joint_major_restraint`` 0; 1 is the form
until 2026-12) but Leeds's major-power term of :func:`foedus.theory.cohesion.honour_probability`; the other paths
(opportunists, warring allies, pacts for a war, escalation) keep the joint-major term.

References
----------
Bremer, S. A. 1992. "Dangerous Dyads: Conditions Affecting the Likelihood of Interstate War, 1816-1965."
*Journal of Conflict Resolution* 36(2): 309-41.
Levy, J. S. 1983. *War in the Modern Great Power System, 1495-1975*. Lexington: University Press of Kentucky.
Reed, W. 2000. "A Unified Statistical Model of Conflict Onset and Escalation." *American Journal of
Political Science* 44(1): 84-93.
Huth, P. K. 1988. *Extended Deterrence and the Prevention of War*. New Haven: Yale University Press.
Huth, P. and B. Russett. 1984. "What Makes Deterrence Work? Cases from 1900 to 1980." *World Politics* 36(4): 496-526.
Leeds, B. A. 2003. "Do Alliances Deter Aggression? The Influence of Military Alliances on the Initiation of Militarized
Interstate Disputes." *American Journal of Political Science* 47(3): 427-39.
Leeds, B. A., A. G. Long and S. M. Mitchell. 2000. "Reevaluating Alliance Reliability." *JCR* 44(5): 686-99.
Berkemeier, M. and M. Fuhrmann. 2018. "Reassessing the Fulfillment of Alliance Commitments in War." *Research & Politics* 5(2).
Bueno de Mesquita, B. 1981. *The War Trap*. New Haven: Yale University Press.
Boulding, K. E. 1962. *Conflict and Defense*. New York: Harper.
Schroeder, P. W. 1972. *Austria, Great Britain, and the Crimean War*. Ithaca: Cornell University Press.
Schroeder, P. W. 1994. *The Transformation of European Politics, 1763-1848*. Oxford: Clarendon Press.
Leeds, B. A. 2003. "Alliance Reliability in Times of War: Explaining State Decisions to Violate Treaties."
*International Organization* 57(4): 801-27.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array

__all__ = ["extended_deterrence", "great_power_odds_factor", "great_power_restraint", "minor_attacker_restraint", "protection_probability", "rival_partner_honour"]


def great_power_restraint(probability, major_i, major_j, coefficient: float, *, check: bool = True) -> np.ndarray:
    r"""The probability ``p`` of beginning to fight, with the major-major term added on the log-odds scale where both are great powers.

    ``p' = p e^b / (1 - p + p e^b)`` where ``major_i`` and ``major_j`` (bool) are both true, else ``p``:
    :math:`\operatorname{logit} p' = \operatorname{logit} p + b` (Bremer 1992's major-major class; see the module).
    ``coefficient`` ``b`` is the onset logit's ``war_onset_joint_major`` (0 leaves ``p`` as it is); ``p`` = 0 and 1 stay.

    Examples
    --------
    >>> great_power_restraint([0.75, 0.75, 0.75], [True, True, False], [True, False, True], np.log(1 / 3)).round(3).tolist()
    [0.5, 0.75, 0.75]
    """
    p = _array("probability", probability, unit=True, check=check)
    if check and not np.isfinite(coefficient):
        raise ValueError(f"great_power_restraint: coefficient {coefficient} must be finite")
    both = np.asarray(major_i, dtype=bool) & np.asarray(major_j, dtype=bool)
    odds = np.exp(coefficient)
    return np.where(both, p * odds / (1.0 - p + p * odds), p)


def minor_attacker_restraint(probability, ally_major, enemy_major, coefficient: float, *, check: bool = True) -> np.ndarray:
    r"""A great power's probability of honouring a call against a *minor* attacker, the term added on the log-odds scale.

    ``p' = p e^b / (1 - p + p e^b)`` where the ally is a great power and the state it would fight is not, else ``p``.
    Leeds (2003) finds major powers more likely to violate their pledges; the record locates the restraint: the great
    powers called by a defence pact against a minor attacker stayed out (COW/ATOP, in sample: 0 of 6 in 1816-1914,
    Prussia and Russia for Austria in 1848, Austria for Russia in 1853, the Balkan war of 1913; 0 of 8 in 1946-1989, the
    United States and Britain in 1969-1982, Britain's allies in the Falklands), the war staying local (Schroeder 1994),
    while those called against a great power fought (15 of 16 and 7 of 10: 1859, 1866, 1870, 1914, Korea). The
    in-sample Firth logit of the defence allies of attacked states (369 pairs, an intercept per era, the reach to the
    war): -4.48 (s.e. 1.63) for a great power facing a minor attacker, relative to a minor ally (-3.15, s.e. 1.63, without
    1866); ``coefficient`` ``b`` is that less what the honouring already gives a major power
    (:func:`foedus.theory.cohesion.honour_probability`'s ``major_power_weight``). 0 leaves ``p``; 0 and 1 stay.

    Examples
    --------
    >>> minor_attacker_restraint([0.75, 0.75, 0.75], [True, True, False], [False, True, False], np.log(1 / 3)).round(3).tolist()
    [0.5, 0.75, 0.75]
    """
    return great_power_restraint(probability, ally_major, ~np.asarray(enemy_major, dtype=bool), coefficient, check=check)


def rival_partner_honour(probability, rival, kept: float, *, check: bool = True) -> np.ndarray:
    r"""The probability of honouring a call to defend a partner that is one's strategic rival: ``kept`` of ``p``.

    ``p' = kept * p`` where ``rival`` (the ally and the partner it would defend are strategic rivals), else ``p``.
    Strategic rivals see each other as enemies and competitors (Thompson & Dreyer 2012, ch. 1): a treaty between them no
    longer holds in substance, since the circumstances of its signing have changed (Leeds & Savun 2007: alliances end when
    a member's threat changes; Leeds 2003: states renege when the conditions of their pledge no longer hold), and a state
    does not fight for its enemy (tethered rivals restrain each other, they do not defend each other: Weitsman 2004).
    ``kept`` 0: a rival never answers the call; 1: the rivalry changes nothing (the form until 2026-12).

    Examples
    --------
    >>> rival_partner_honour([0.6, 0.6], [True, False], 0.0).tolist()
    [0.0, 0.6]
    >>> rival_partner_honour([0.6, 0.6], [True, False], 0.5).tolist()
    [0.3, 0.6]
    """
    p = np.asarray(probability, dtype=float)
    r = np.asarray(rival, dtype=bool)
    if check:
        if not 0.0 <= kept <= 1.0:
            raise ValueError(f"rival_partner_honour: kept must lie in [0, 1]; got {kept}")
        if p.shape != r.shape or np.any((p < 0) | (p > 1) | np.isnan(p)):
            raise ValueError(f"rival_partner_honour: expected probabilities in [0, 1] and rival of the same shape; got {p.shape}, {r.shape}")
    return np.where(r, kept * p, p)


def great_power_odds_factor(major_i, major_j, coefficient: float) -> np.ndarray:
    """``e^b`` where both are great powers, else 1: the odds ratio of :func:`great_power_restraint`, a multiplier for a rare step's probability.

    For a probability far below 1 (an opportunist's entry, a warring ally's, a pact signed for a war: a few per cent) the
    odds and the probability nearly coincide, so the factor on the probability is the log-odds term (the relative error is
    below ``p``).

    Examples
    --------
    >>> great_power_odds_factor([True, True], [True, False], np.log(0.5)).tolist()
    [0.5, 1.0]
    """
    both = np.asarray(major_i, dtype=bool) & np.asarray(major_j, dtype=bool)
    return np.where(both, float(np.exp(coefficient)), 1.0)


def protection_probability(reach, protects, reliability: float, *, check: bool = True) -> np.ndarray:
    r"""Probability that at least one of a target's protectors fights for it: ``1 - prod_k (1 - rho r_k)`` over the protectors.

    ``reach`` (..., N) 0-1: each state's reach to the target (:func:`foedus.theory.war_onset.reach`, the loss-of-strength
    gradient, Boulding 1962); ``protects`` (..., N) bool: the great powers pledged by a defence pact to defend the target and
    bound by none to the attacker; ``reliability`` :math:`\rho` in [0, 1]: the era's share of calls honoured (Leeds, Long &
    Mitchell 2000; Berkemeier & Fuhrmann 2018). Each protector decides on its own (independent draws), as the call to arms
    draws them. Reduced over the last axis.

    Examples
    --------
    >>> protection_probability([[1.0, 0.5, 1.0]], [[True, True, False]], 0.6).round(4).tolist()
    [0.72]
    >>> protection_probability([[1.0, 1.0]], [[False, False]], 0.6).tolist()
    [0.0]
    """
    r = _array("reach", reach, unit=True, check=check)
    if check and not 0.0 <= reliability <= 1.0:
        raise ValueError(f"protection_probability: reliability {reliability} must lie in [0, 1]")
    stays = 1.0 - reliability * np.where(np.asarray(protects, dtype=bool), r, 0.0)
    return 1.0 - np.prod(stays, axis=-1)


def extended_deterrence(protected, coefficient: float, *, check: bool = True) -> np.ndarray:
    r"""Factor (0-1) on a great power's probability of attacking a state another great power may fight for: ``1 - q (1 - e^b)``.

    With probability ``protected`` :math:`q` (:func:`protection_probability`) the attack is a war against a great power, which a
    great power begins at the odds :math:`e^{b}` of the onset's major-major term (Bremer 1992; Levy 1983); else a war with a minor
    state, unrestrained: the expected share of the attacks that go ahead (Huth 1988; Leeds 2003; see the module). ``coefficient``
    :math:`b` is ``war_onset_joint_major``; 0, or ``q`` = 0, leaves the attack whole; ``q`` = 1 restrains it as fully as a war
    between two great powers.

    Examples
    --------
    >>> extended_deterrence([0.0, 0.5, 1.0], np.log(0.2)).round(4).tolist()
    [1.0, 0.6, 0.2]
    """
    q = _array("protected", protected, unit=True, check=check)
    if check and not np.isfinite(coefficient):
        raise ValueError(f"extended_deterrence: coefficient {coefficient} must be finite")
    return 1.0 - q * (1.0 - np.exp(coefficient))
