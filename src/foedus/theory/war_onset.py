r"""War onset in a dyad, and who joins a war under way (brief P5, D1; Bremer 1992; Siverson & Starr 1991).

**Dangerous dyads.** Bremer (1992) asked which pairs of states fight wars and found, by a logit
on the dyad-years of the COW system, that the odds of war rise with *contiguity*, with
*major-power status* and with *power parity* (rough equality, not preponderance), and fall when
both are democracies; Vasquez (1993) adds that wars come out of *rivalries* (recurrent
disputes between the same pair), and war experience raises the odds of the next (the
``war_history`` memory of :mod:`foedus.theory.rivalry`). The annual probability that a war
begins between two states is the discrete-time logit hazard (Beck, Katz & Tucker 1998)

.. math::  h = 1 / (1 + e^{-\eta}), \qquad
           \eta = \beta_0 + \sum_k \beta_k x_k, \quad x \in \text{WAR\_ONSET\_TERMS}

(:func:`war_onset_hazard`), the covariates those of Bremer and Vasquez:

- ``contiguous``: direct land contiguity (COW type 1);
- ``log_distance``: ``log(1 + d / 1000 km)`` of the distance between capitals (:func:`log_distance`;
  the loss-of-strength gradient, Boulding 1962): Bremer's contiguity alone leaves a Russia–Mexico
  war as likely as a Russia–Sweden one;
- ``any_major``: at least one COW major power (Bremer's major-power status);
- ``joint_major``: both are COW major powers (:func:`joint_major`). Bremer (1992) codes power status
  in three classes, minor-minor, major-minor and major-major, which ``any_major`` and ``joint_major``
  span (the major-major class adds ``joint_major`` to ``any_major``). Held to the rivalries and the
  war memory the two great powers carry, a pair of great powers is *less* likely to begin a war than
  a great power and a minor (in-sample fit -1.63, s.e. 0.63; the pairs of great powers of 1816-1914
  are nearly all rivals): great-power war became rare after 1815 (Levy 1983: wars among the
  great powers became less frequent over five centuries, if more severe), the Concert's and the balance's restraint among the powers (Schroeder
  1994), while their wars with minor states went on. Without the term the fitted hazard put 8.3
  onsets on the in-sample great-power pairs against the record's 2.5 (initiating dyads, a war with k
  of them counting 1/k each), and record-built runs from 1900 started 12 wars between great powers
  in 4 x 14 years where 1900-1913 had one (the Russo-Japanese war);
- ``parity``: the weaker's capability over the stronger's, 0–1 (Bremer's power parity);
- ``rival``: a strategic rivalry (Thompson & Dreyer 2012; Vasquez 1993);
- ``issueless_rival``: a rivalry with no territorial issue, neither coded spatial nor between neighbours
  (:func:`foedus.theory.war_onset_issues.issueless_rivalry`; Vasquez 1993, Senese & Vasquez 2008: territory makes
  rivals fight, rank alone seldom does; the great powers' positional rivalries began no in-sample war);
- ``war_history``: ``log(1 + memory)`` of the pair's war years before this one
  (:func:`foedus.theory.rivalry.war_term`);
- ``lower_democracy`` and ``higher_democracy``: the lower and the higher democracy score of the
  two (V-Dem polyarchy, 0–1; :func:`democracy_link`): the democratic peace in its *weak-link*
  form (Dixon 1994; Oneal & Russett 1997; Russett & Oneal 2001, who enter the lower and the
  higher Polity score of the pair): the less democratic state of a pair is the constraint on war,
  so the lower score carries the dyadic peace (a negative coefficient) and the higher one the
  conflict between democracies and autocracies (a positive one: Gleditsch & Hegre 1997); no
  threshold, so no coding choice decides which pairs are "jointly democratic" (Bremer's and
  Maoz & Russett's 1993 dichotomy; Buhaug 2005 shows Bremer's democracy finding turns on it);
- ``defence_pact``: the two share a defence pact (Bremer 1992's alliance term: allies fight
  each other less often, not never: Austria and Prussia in 1866, Greece and Turkey in 1974);
- ``joint_nuclear``: both hold nuclear weapons (:func:`foedus.data.nuclear.nuclear_armed`,
  Gartzke & Kroenig 2009's dates; the nuclear peace: Waltz 1981, Jo & Gartzke 2007; the one
  jointly nuclear war of the COW record is Kargil, 1999, out of sample);
- ``conquest_norm``: the territorial integrity norm binds (the UN Charter, 1945;
  :func:`foedus.theory.renunciation.territorial_integrity_norm`) and the pair is a major power and a state it
  neither borders nor rivals (:func:`conquest_norm_term`): the pairs whose wars were the wars of
  conquest and colonial expansion the norm ended (Zacher 2001; Fazal 2007 on state death after 1945).

Only *politically relevant* pairs are at risk (:func:`politically_relevant`: contiguous, with a
major power, or rivals; Maoz & Russett 1993, Lemke & Reed 2001). The coefficients are estimated
on those pairs of the record by :func:`foedus.analysis.war_onsets.estimate_war_onset`
(Firth logit on the non-directed dyad-years of the COW system, the in-sample eras 1816–1914 and
1946–1989 only; 1919–1938 and 1990–2010 held out) and carried as the simulator's defaults
(``war_onset_*`` of :class:`foedus.sim.parameters.Parameters`). Published form vs ours: Bremer
also enters development and militarisation, which the record-built worlds do not carry. The
in-sample fit leaves the jointly nuclear dyads' coefficient small and uncertain (no war among
about 620 such dyad-years, but few were expected there anyway), so the nuclear peace moves the
hazard little: the estimate, not the claim, is what the simulator carries. The norm's term is
ours: Zacher and Fazal show the break in conquest, not a logit term; we let the pairs it concerns
carry it, fitted on the in-sample eras (1816–1914 without the norm, 1946–1989 with it).

Tried on the record and left out (2026-12; Firth fit on the in-sample eras, log-likelihood of the
held-out eras over the same pairs, the pairs left out of the risk set given their in-sample rate):
Lemke's (2002) relevance as the *ability to reach* (a major power is relevant to a minor state
only where its capability, discounted by Bueno de Mesquita's gradient, reaches the minor's own)
drops 6 % of the at-risk dyad-years and 0.4 in-sample wars (the USA and China 1900, Austria and
Japan 1914); in-sample log-likelihood -428.78 against -428.23, held out 1919–1938 -69.13 against
-69.29 but 1990–2010 -75.26 against -74.54 (it drops the United Kingdom and Iraq, 2003), and it
keeps the simulated major–minor wars a historian rejects (China and Bosnia, Germany and Moldova:
a great power's capability reaches them); extended nuclear deterrence (Fuhrmann & Sechser 2014:
a defence pact with a nuclear state, one or both sides) has the wrong sign and no weight in the
war data (+0.24 and +0.36, s.e. 0.48 and 0.37) and lowers the 1990–2010 likelihood.
Also tried and left out (face15, 2026-12, the same fit; asked by record-built runs in which Turkey attacked Greece inside
NATO, Egypt attacked Israel after their treaty, the United States attacked Cuba): a pledge the pair shares without a defence or
offence obligation (ATOP non-aggression, neutrality, consultation: the Egypt-Israel pact from 1975) +0.05 (s.e. 0.58); a
0/1 joint democracy (polyarchy >= 0.5) beside the weak link -0.61 (s.e. 1.60: no in-sample war among the 575 jointly
democratic issue dyad-years of 1946-1989, but the weak link carries them); the defence pact after the Charter -1.47 (s.e.
0.71, likelihood ratio p 0.06; the defence pact itself +0.55 then: allied rivals fought more before 1914, 3.6 onsets in 233
dyad-years against 17.9 in 2,193, the Balkan League's members in 1913, Austria and Prussia in 1866, and far less in 1946-1989,
1 in 742 against 21.5 in 1,359); a defence pact of Leeds & Anac's (2005) military institutionalisation -1.42 (s.e. 0.74, p
0.06). Each lowers both held-out likelihoods (the Charter term 1919-1938 -70.10 against -69.47, 1990-2010 -62.49 against
-62.07; in 1990-2010 allied rivals fought as often as the others, 3 onsets in 378 dyad-years against 3 in 614). The pairs of
those runs are rivals, whose class fought at the fitted rates in sample (a great power and a minor rival, 6 onsets in 156
dyad-years of 1946-1989; China and Taiwan, 2 in 41, with no defence pact after 1979 to carry the United States' deterrence).
Asked again by rivalry18 (Egypt and Jordan attacking Israel in runs from the record of 1990, despite their treaties; Mattes &
Vonnahme 2010 find non-aggression pacts reduce disputes between their signatories, Long, Nordstrom & Baek 2007 the same of
alliances with such provisions): on the same fit, a pledge of non-aggression without a defence pact (ATOP's obligation; the
simulator's non-aggression pacts) -0.19 (s.e. 0.71, likelihood ratio 0.1; 1.5 onsets in 2,382 relevant in-sample dyad-years where
2.5 are expected); any pact with the obligation, defence pacts with the clause included, -1.45 (s.e. 0.61, LR 5.5, the defence pact
turning +0.65), which would make the simulator's defence pacts, written without the clause, more warlike, and measures worse held out
in 1919-1938 (-69.10 to -71.50: Saudi Arabia and Yemen 1934, Italy and Ethiopia 1935, pledged both). The record at hand has no
dyadic disputes short of war; the pledge's effect it does support is on rivalry: rivals sharing one end their rivalry at 3.5 times
the odds (:func:`foedus.theory.rivalry.nonaggression_only`, the termination hazard's ``nonaggression_pact``), which takes away this
hazard's ``rival`` term, the largest.

**Joining a war under way.** Wars spread by opportunity and willingness (Most & Starr 1989):
Siverson & Starr (1991) find that a state with a *warring ally* or a *warring neighbour* is far
more likely to enter an ongoing war, and Leeds, Long & Mitchell (2000) that about three quarters
of allies honour a commitment when its *casus foederis* arises. Most defence pacts are not
triggered by a given war, though: their conditions name an adversary or a region (Leeds et al.
2002's ``defcoadv``, ``defcoloc``), so that a far ally is seldom called. We read the conditions
through opportunity: the casus foederis of a defence or offence obligation arises for an ally in
proportion to its reach to the war, the share of its capability that the loss-of-strength
gradient carries to the nearer of the enemy and the belligerent it is bound to (:func:`reach`,
:func:`reach_to_war`; Boulding 1962, Bueno de Mesquita 1981; Siverson & Starr 1991's warring
neighbour; 1 for neighbours; :func:`casus_arises`). Without a
pact a state may still *bandwagon for profit* (Schweller 1994) against an enemy it already has:
the yearly probability that a rival of a belligerent, able to reach it, enters the war against it
is :func:`opportunistic_join_probability`. After 1945 a war may also be joined by a coalition the
UN Security Council mandates against the aggressor (collective security; Claude 1962): the chance, drawn once at the war's
onset, is :func:`collective_security_probability`, nil when the aggressor or a state pledged to
defend it holds a veto (:func:`permanent_member`).

**A reason to expect victory.** The hazard says where wars occur; whether the state that would start
one does depends on its expected utility (Bueno de Mesquita 1981: a state does not initiate a war it
expects to lose), and its chances count the allies each side can expect: a small state does not attack
a great power, nor a state the defence partners of a great power (extended deterrence). Ours:
:func:`victory_probability` of the two sides' capabilities where the war is fought, with the allies a
pact binds to each, and :func:`expected_victory_restraint` (both in :mod:`foedus.theory.expected_victory`), the initiator's odds of prevailing capped
at 1, the share of the wars the hazard draws that begin (the restraint a dispute's escalation already
carries, :func:`foedus.theory.war.escalation_restraint`).

**Willingness: an issue at stake.** The hazard measures *opportunity* (Most & Starr 1989: two states can
fight where they can reach each other: neighbours, a great power's reach, a rival's), but war also needs
*willingness*, a reason to fight, and Most & Starr's two conditions are jointly necessary. Wars grow out of
issues, territory above all (Vasquez 1993; Hensel 2001 on contentious issues; Senese & Vasquez 2008's steps to
war), and above all between strategic rivals, the pairs that see each other as enemies over a stake (Thompson
2001: rivals opposed each other in 77 % of the wars since 1816, 91 % after 1945; Colaresi, Rasler & Thompson 2007).
A state with no issue with a target does not attack it. :func:`issue_at_stake` is the pair's issue as a run
knows it: a strategic rivalry (Thompson & Dreyer 2012, beginning and ending in the run), a war they fought
(the unsettled issues a war leaves; Hensel 1994, Senese & Vasquez 2008 on recurrent conflict), or a live
quarrel (hostility at least that of a militarised dispute: a dispute, a war entry, a coalition against an
aggressor, a scenario's declared enmity); :func:`willing_hazard` is the conjunction, the hazard where an issue
exists and 0 elsewhere. On the record's in-sample initiating dyads (politically relevant pairs) the pairs that
were rivals or had fought a war since 1816 carried 74 % (1816–1914) and 84 % (1946–1989) of the onsets; the
rest were wars over issues the worlds do not carry (colonial conquest: Britain and Persia 1856, France and
Mexico 1862; interventions for a client: Korea 1950, Vietnam 1965), which the simulator no longer scatters
over every neighbour and every great power's minor (Austria-Hungary and Guatemala, France and Azerbaijan).

**Who initiates.** Once a war begins in a pair, which of the two starts it is the directed-dyad
question of Bremer (1992, his initiator analysis), Bennett & Stam (2004, ch. 5) and Reed (2000):
the initiator is more often the *major power*, the *stronger* side (Bueno de Mesquita's 1981
expected utility grows with a state's capability relative to its target) and less often a
*democracy* (Bremer 1992; Bennett & Stam 2004 find democracies less likely to initiate). Given
that a war begins between i and j, the probability that i initiates is a paired-comparison
(conditional) logit of the differences of the two sides' attributes,
:func:`initiation_probability`:
``P(i initiates) = 1 / (1 + exp(-sum_k gamma_k (x_ik - x_jk)))``, x in :data:`INITIATION_TERMS`,
so that ``P(i) + P(j) = 1`` and two identical states are a coin flip. The ``gamma`` are
estimated on the COW initiator codes of the record's initiating dyads of the in-sample eras
(:func:`foedus.analysis.war_onsets.estimate_initiation`). Published form vs ours: Bennett & Stam
also enter revisionism (status-quo evaluation) and power transitions, which the record-built
worlds of 1816-1914 do not carry (no UN ideal points before 1946) and the simulator keeps no
capability history for; they are left out.

References
----------
Hensel, P. R. 1994. "One Thing Leads to Another: Recurrent Militarized Disputes in Latin America, 1816–1986." *Journal of Peace Research* 31(3): 281–97.
Hensel, P. R. 2001. "Contentious Issues and World Politics: The Management of Territorial Claims in the Americas, 1816–1992." *International Studies Quarterly* 45(1): 81–109.
Senese, P. D. and J. A. Vasquez. 2008. *The Steps to War: An Empirical Study*. Princeton University Press.
Thompson, W. R. 2001. "Identifying Rivals and Rivalries in World Politics." *International Studies Quarterly* 45(4): 557–86.
Colaresi, M. P., K. Rasler and W. R. Thompson. 2007. *Strategic Rivalries in World Politics: Position, Space and Conflict Escalation*. Cambridge University Press.
Dixon, W. J. 1994. "Democracy and the Peaceful Settlement of International Conflict." *APSR* 88(1): 14–32.
Oneal, J. R. and B. M. Russett. 1997. "The Classical Liberals Were Right." *International Studies Quarterly* 41(2): 267–93.
Russett, B. and J. R. Oneal. 2001. *Triangulating Peace: Democracy, Interdependence, and International Organizations*. New York: Norton.
Gleditsch, N. P. and H. Hegre. 1997. "Peace and Democracy: Three Levels of Analysis." *JCR* 41(2): 283–310.
Buhaug, H. 2005. "Dangerous Dyads Revisited: Democracies May Not Be That Peaceful after All." *CMPS* 22(2): 95–111.
Reed, W. 2000. "A Unified Statistical Model of Conflict Onset and Escalation." *AJPS* 44(1): 84–93.
Maoz, Z. and B. Russett. 1993. "Normative and Structural Causes of Democratic Peace, 1946–1986."
*American Political Science Review* 87(3): 624–38.
Lemke, D. and W. Reed. 2001. "The Relevance of Politically Relevant Dyads." *JCR* 45(1): 126–44.
Waltz, K. N. 1981. *The Spread of Nuclear Weapons: More May Be Better*. Adelphi Paper 171. London: IISS.
Jo, D.-J. and E. Gartzke. 2007. "Determinants of Nuclear Weapons Proliferation." *JCR* 51(1): 167–94.
Gartzke, E. and M. Kroenig. 2009. "A Strategic Approach to Nuclear Proliferation." *JCR* 53(2): 151–60.
Zacher, M. W. 2001. "The Territorial Integrity Norm." *International Organization* 55(2): 215–50.
Fazal, T. M. 2007. *State Death*. Princeton University Press.
Bremer, S. A. 1992. "Dangerous Dyads: Conditions Affecting the Likelihood of Interstate War,
1816–1965." *Journal of Conflict Resolution* 36(2): 309–41.
Vasquez, J. A. 1993. *The War Puzzle*. Cambridge University Press.
Beck, N., J. N. Katz and R. Tucker. 1998. "Taking Time Seriously." *AJPS* 42(4): 1260–88.
Siverson, R. M. and H. Starr. 1991. *The Diffusion of War: A Study of Opportunity and
Willingness*. Ann Arbor: University of Michigan Press.
Most, B. A. and H. Starr. 1989. *Inquiry, Logic and International Politics*. University of South Carolina Press.
Boulding, K. E. 1962. *Conflict and Defense*. New York: Harper.
Bueno de Mesquita, B. 1981. *The War Trap*. New Haven: Yale University Press.
Bueno de Mesquita, B. 1980. "An Expected Utility Theory of International Conflict." *APSR* 74(4): 917–31.
Bueno de Mesquita, B. 1985. "The War Trap Revisited: A Revised Expected Utility Model." *APSR* 79(1): 156–77.
Bennett, D. S. and A. C. Stam. 2004. *The Behavioral Origins of War*. Ann Arbor: University of Michigan Press.
Claude, I. L. 1962. *Power and International Relations*. New York: Random House.
Voeten, E. 2005. "The Political Origins of the UN Security Council's Ability to Legitimize the Use of Force." *International Organization* 59(3): 527–57.
Walt, S. M. 1987. *The Origins of Alliances*. Ithaca: Cornell University Press.
Kupchan, C. A. and C. A. Kupchan. 1991. "Concerts, Collective Security, and the Future of Europe." *International Security* 16(1): 114–61.
Sarkees, M. R. and F. Wayman. 2010. *Resort to War: 1816–2007*. Washington, DC: CQ Press.
Schweller, R. L. 1994. "Bandwagoning for Profit." *International Security* 19(1): 72–107.
Leeds, B. A., A. G. Long and S. M. Mitchell. 2000. "Reevaluating Alliance Reliability." *JCR* 44(5): 686–99.
Lemke, D. 2002. *Regions of War and Peace*. Cambridge University Press.
Levy, J. S. 1983. *War in the Modern Great Power System, 1495–1975*. Lexington: University Press of Kentucky.
Schroeder, P. W. 1994. *The Transformation of European Politics, 1763–1848*. Oxford: Clarendon Press.
Fuhrmann, M. and T. S. Sechser. 2014. "Signaling Alliance Commitments: Hand-Tying and Sunk Costs in Extended Nuclear Deterrence." *AJPS* 58(4): 919–35.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array
from foedus.theory.expected_victory import (
    expected_victory_restraint,
    victory_probability,
)
from foedus.theory.projection import relative_discount_exponent
from foedus.theory.war_onset_issues import issueless_rivalry  # noqa: F401  (re-exported: the issueless_rival term)
from foedus.theory.rivalry import logit_hazard

__all__ = ["INITIATION_TERMS", "PERMANENT_MEMBERS", "WAR_ONSET_TERMS", "casus_arises", "collective_security_probability", "reach_honour", "conquest_norm_term", "democracy_link", "expected_victory_restraint", "initiation_probability", "initiation_terms", "issue_at_stake", "issueless_rivalry", "joint_major", "log_distance", "opportunistic_join_probability", "permanent_member", "politically_relevant", "reach", "reach_to_war", "security_council_lead", "victory_probability", "war_onset_hazard", "willing_hazard"]

WAR_ONSET_TERMS: tuple[str, ...] = (
    "contiguous", "log_distance", "any_major", "parity", "rival", "war_history", "lower_democracy", "higher_democracy", "defence_pact", "joint_nuclear", "conquest_norm",
    "joint_major", "issueless_rival",
)
"""Covariates of :func:`war_onset_hazard`, in the order of its coefficients (after the intercept)."""


INITIATION_TERMS: tuple[str, ...] = ("log_capability", "major", "democracy")
"""Monadic attributes whose differences (initiator minus target) enter :func:`initiation_probability`, in the order of its coefficients."""


def initiation_terms(capability_i, capability_j, major_i, major_j, democratic_i, democratic_j) -> dict[str, np.ndarray]:
    """The differences ``x_i - x_j`` of :data:`INITIATION_TERMS` for the directed pairs (i, j).

    ``log_capability``: ``log(c_i / c_j)`` of the capability shares (COW CINC; both > 0);
    ``major`` and ``democracy``: the 0/1 differences (-1, 0 or 1).

    Examples
    --------
    >>> d = initiation_terms([0.2], [0.02], [1], [0], [0], [1])
    >>> [round(float(d[t][0]), 3) for t in INITIATION_TERMS]
    [2.303, 1.0, -1.0]
    """
    ci, cj = np.asarray(capability_i, dtype=float), np.asarray(capability_j, dtype=float)
    if np.any(ci <= 0) or np.any(cj <= 0):
        raise ValueError("initiation_terms: capability shares must be positive")
    as_f = lambda v: np.asarray(v, dtype=bool).astype(float)  # noqa: E731
    return {"log_capability": np.log(ci) - np.log(cj), "major": as_f(major_i) - as_f(major_j), "democracy": as_f(democratic_i) - as_f(democratic_j)}


def initiation_probability(log_capability, major, democracy, *, coefficients) -> np.ndarray:
    """Probability that i, not j, initiates a war that begins between them (Bremer 1992; Bennett & Stam 2004; Reed 2000).

    The paired-comparison logit ``1 / (1 + exp(-sum_k gamma_k d_k))`` of the differences ``d``
    (:func:`initiation_terms`, in the order of :data:`INITIATION_TERMS`): no intercept, because
    the order in which a pair is listed carries no information, so that ``P(i, j) + P(j, i) = 1``
    and ``P = 1/2`` between identical states.

    Examples
    --------
    >>> float(initiation_probability(0.0, 0.0, 0.0, coefficients=[0.5, 1.8, -1.0]))
    0.5
    >>> round(float(initiation_probability(0.0, 1.0, 0.0, coefficients=[0.5, 1.8, -1.0])), 4)
    0.8581
    """
    return logit_hazard(0.0, coefficients, (log_capability, major, democracy))


def politically_relevant(contiguous, any_major, rival) -> np.ndarray:
    """The pairs at risk of war: contiguous, or with a major power (Maoz & Russett 1993's politically relevant dyads), or rivals.

    Lemke & Reed (2001) show that the wars outside politically relevant dyads are few; a strategic
    rivalry (Thompson & Dreyer 2012) makes a pair relevant whatever its distance. In the record's
    in-sample eras 5.4 of 63 wars (9 %) fell outside these pairs, over 86 % of the dyad-years; a
    war between, say, Greece and Indonesia is not a risk a historian would give a model.

    Examples
    --------
    >>> politically_relevant([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]).tolist()
    [True, True, True, False]
    """
    return np.asarray(contiguous, dtype=bool) | np.asarray(any_major, dtype=bool) | np.asarray(rival, dtype=bool)


def joint_major(major_i, major_j) -> np.ndarray:
    """The ``joint_major`` covariate: both states of the pair are great powers (COW major powers; Bremer 1992's major-major class).

    Examples
    --------
    >>> joint_major([1, 1, 0], [1, 0, 0]).tolist()
    [True, False, False]
    """
    return np.asarray(major_i, dtype=bool) & np.asarray(major_j, dtype=bool)


def issue_at_stake(rival, war_memory, hostility, *, hostility_floor: float, check: bool = True) -> np.ndarray:
    """Whether a pair has an issue to fight over: rivals, a war fought, or hostility at least ``hostility_floor`` (Vasquez 1993; Hensel 2001).

    The willingness side of Most & Starr's (1989) conjunction (see the module docstring): a strategic
    rivalry (``rival``, 0/1; Thompson 2001), a war the two fought (``war_memory`` > 0, the memory of
    :func:`foedus.theory.rivalry.war_history`: the issues a war leaves unsettled, Hensel 1994), or a live
    quarrel (``hostility``, 0–1, at least ``hostility_floor``, a militarised dispute's worth).

    Examples
    --------
    >>> issue_at_stake([1, 0, 0, 0], [0.0, 0.3, 0.0, 0.0], [0.0, 0.0, 0.1, 0.05], hostility_floor=0.1).tolist()
    [True, True, True, False]
    """
    h = _array("hostility", hostility, nonneg=True, check=check)
    m = _array("war_memory", war_memory, nonneg=True, check=check)
    return np.asarray(rival, dtype=bool) | (m > 0) | (h >= hostility_floor)


def willing_hazard(hazard, issue, *, check: bool = True) -> np.ndarray:
    """Annual probability that a war begins: the opportunity hazard where the pair has an issue, 0 where it has none (Most & Starr 1989).

    Most & Starr's opportunity and willingness are jointly necessary: ``P(war) = h * issue`` with
    ``hazard`` :func:`war_onset_hazard` (opportunity: Bremer 1992's dangerous dyads) and ``issue``
    :func:`issue_at_stake` (willingness: Vasquez 1993), 0/1.

    Examples
    --------
    >>> willing_hazard([0.02, 0.02, 0.0005], [True, False, False]).tolist()
    [0.02, 0.0, 0.0]
    """
    h = _array("hazard", hazard, unit=True, check=check)
    return np.where(np.asarray(issue, dtype=bool), h, 0.0)


def war_onset_hazard(*terms, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that a war begins between two states (Bremer 1992's dangerous dyads; Vasquez 1993).

    :func:`foedus.theory.rivalry.logit_hazard` of :data:`WAR_ONSET_TERMS` (see the module docstring).

    Parameters
    ----------
    *terms : array_like
        The covariates in the order of :data:`WAR_ONSET_TERMS`: ``contiguous``, ``any_major``,
        ``rival``, ``defence_pact``, ``joint_nuclear``, ``conquest_norm``, ``joint_major``, ``issueless_rival`` 0/1;
        ``log_distance`` ``log(1 + distance / 1000 km)`` (:func:`log_distance`); ``parity`` the
        weaker's capability share over the stronger's, 0–1; ``war_history`` ``log(1 + war
        memory)`` before this year (:func:`foedus.theory.rivalry.war_term`);
        ``lower_democracy``, ``higher_democracy`` 0–1 (:func:`democracy_link`).
    intercept : float
    coefficients : sequence of floats
        In the order of :data:`WAR_ONSET_TERMS`.

    Examples
    --------
    >>> float(war_onset_hazard(1, 0.0, 0, 0.5, 0, 0.0, 0, 0, 0, 0, 0, 0, 0, intercept=-2.0, coefficients=[2.0] + [0] * 12))
    0.5
    """
    if len(terms) != len(WAR_ONSET_TERMS) or len(coefficients) != len(WAR_ONSET_TERMS):
        raise ValueError(f"war_onset_hazard: {len(WAR_ONSET_TERMS)} covariates and coefficients expected ({', '.join(WAR_ONSET_TERMS)}), got {len(terms)} and {len(coefficients)}")
    return logit_hazard(intercept, coefficients, terms)


def democracy_link(regime_i, regime_j, *, check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The weak link of a pair: its lower and its higher democracy score (Dixon 1994; Oneal & Russett 1997; Russett & Oneal 2001).

    Russett & Oneal (2001, ch. 3) enter the *lower* democracy score of the two states (the
    less constrained state decides whether a pair can fight) and the *higher* one (a democracy
    facing an autocracy is no more peaceful than two autocracies: Gleditsch & Hegre 1997) into
    the dyadic conflict logit; they use Polity, we the V-Dem polyarchy index the worlds carry
    (0–1). Symmetric in the two states.

    Examples
    --------
    >>> lo, hi = democracy_link([0.9, 0.2], [0.3, 0.8])
    >>> lo.tolist(), hi.tolist()
    ([0.3, 0.2], [0.9, 0.8])
    """
    a = _array("regime", regime_i, unit=True, check=check)
    b = _array("regime", regime_j, unit=True, check=check)
    return np.minimum(a, b), np.maximum(a, b)


def conquest_norm_term(norm, any_major, contiguous, rival) -> np.ndarray:
    """The ``conquest_norm`` covariate: the territorial integrity norm binds and the pair is a major power and a state it neither borders nor rivals.

    Before 1945 such pairs fought the wars of conquest and colonial expansion (Britain and
    Afghanistan, France and Mexico, Spain and Morocco); the norm ended conquest (Zacher 2001;
    Fazal 2007), not the wars of neighbours and rivals, which have other stakes.

    Examples
    --------
    >>> conquest_norm_term([1, 1, 1, 0], [1, 1, 1, 1], [0, 1, 0, 0], [0, 0, 1, 0]).tolist()
    [True, False, False, False]
    """
    return np.asarray(norm, dtype=bool) & np.asarray(any_major, dtype=bool) & ~np.asarray(contiguous, dtype=bool) & ~np.asarray(rival, dtype=bool)


def log_distance(distance_km) -> np.ndarray:
    """The distance covariate of :func:`war_onset_hazard`: ``log(1 + distance / 1000 km)`` (0 for neighbours).

    The loss-of-strength gradient (Boulding 1962) in the form the dyadic conflict literature
    enters it (the log of the distance between capitals; e.g. Bennett & Stam 2004).

    Examples
    --------
    >>> round(float(log_distance(1718.28)), 3)
    1.0
    """
    return np.log1p(np.asarray(distance_km, dtype=float) / 1000.0)


def reach(capability, distance_km, *, miles_per_day: float = 250.0, check: bool = True) -> np.ndarray:
    r"""Share of a state's capability that reaches an enemy ``distance_km`` away: ``c ** (x(d) - x(0))``, 0–1.

    Bueno de Mesquita's (1981) loss-of-strength gradient relative to home
    (:func:`foedus.theory.projection.relative_discount_exponent`, whose capability at the enemy is
    ``c ** (1 + x(d) - x(0))``), divided by the capability at home ``c``: 1 for a neighbour, and
    falling with distance the slower the larger the state (a great power reaches far, a small state
    hardly beyond its region).

    Parameters
    ----------
    capability : array_like
        Capability share (COW CINC), 0–1.
    distance_km : array_like
        Distance to the enemy, km.
    miles_per_day : float
        How far forces move in a day (Bueno de Mesquita's 250).

    Examples
    --------
    >>> reach([0.2, 0.2, 0.001], [0.0, 8000.0, 8000.0]).round(2).tolist()
    [1.0, 0.4, 0.02]
    """
    c = _array("capability", capability, unit=True, check=check)
    x = relative_discount_exponent(distance_km, miles_per_day=miles_per_day, check=check) - 1.0
    with np.errstate(divide="ignore"):
        return np.where(c > 0, np.exp(x * np.log(np.where(c > 0, c, 1.0))), 0.0)


def reach_to_war(to_enemy, to_partner, theatre=1.0, *, check: bool = True) -> np.ndarray:
    """An ally's reach to a war: the larger of its :func:`reach` to the enemy and, where the war is fought on it, to the belligerent it is bound to, 0–1.

    Siverson & Starr (1991) find that a state with a *warring neighbour*, on either side, has the
    opportunity to enter a war: the war is fought where the belligerents meet, most often on the
    territory of the one attacked, so an ally next to the state it must defend (or the state its
    partner attacks) can fight there even when the enemy's capital is far. Measuring the reach to
    the enemy's home alone (as this kernel did until 2026-12) left a minor state's neighbours
    "out of reach" of the distant great power that attacked it. But the war comes to the partner's
    territory only as far as the enemy can carry it there: ``theatre`` (0–1) is the enemy's own
    :func:`reach` to the partner (Bueno de Mesquita 1981's loss-of-strength gradient; Boulding 1962),
    so that the Philippines at war with France do not bring France's European allies a war next
    door, while Germany's neighbours are next to a war Germany fights at home. Ours: the product
    of two reaches, the published gradient applied to where the war is fought.

    Examples
    --------
    >>> reach_to_war([0.1, 1.0], [0.6, 0.2]).tolist()
    [0.6, 1.0]
    >>> reach_to_war([0.1], [1.0], [0.05]).tolist()
    [0.1]
    """
    e = _array("reach", to_enemy, unit=True, check=check)
    p = _array("reach", to_partner, unit=True, check=check)
    t = _array("reach", theatre, unit=True, check=check)
    return np.maximum(e, p * t)


def casus_arises(reach, *, check: bool = True) -> np.ndarray:
    """Probability that an ally's defence or offence obligation applies to a war: its reach to the war, 0–1.

    The conditions of most pacts limit them to an adversary or a region (Leeds et al. 2002), and
    an ally far from the war seldom has the opportunity to fight it (Siverson & Starr 1991): the
    casus foederis arises with the ally's ``reach`` to the war (:func:`reach_to_war`: the share of its
    capability the loss-of-strength gradient carries to the nearer belligerent; 1 for a neighbour). Whether it then honours the call is
    :func:`foedus.theory.cohesion.honour_probability`.

    Examples
    --------
    >>> casus_arises([1.0, 0.25]).tolist()
    [1.0, 0.25]
    """
    return _array("reach", reach, unit=True, check=check)


def reach_honour(probability, reach, weight: float, *, check: bool = True) -> np.ndarray:
    r"""An attacked partner's ally's probability of honouring the call, its reach to the war a term of the log-odds, 0-1.

    .. math:: \operatorname{logit} p' = \operatorname{logit} p + w\,(r - 1)

    The casus foederis of a defence pact is the partner's being attacked (Leeds, Long & Mitchell 2000; Leeds 2003, who
    measures reliability among the allies whose casus arose, near or far); opportunity, a warring border, *raises* the
    chance that a state joins a war (Siverson & Starr 1991), it does not decide whether the pledge applies. So ``reach``
    (:func:`reach_to_war`, 0-1; 1 for a neighbour) enters the honouring's log-odds with ``weight`` :math:`w` (per unit of
    reach, >= 0), 0 at full reach: a neighbour honours at ``probability``, a distant ally less often. In-sample Firth logit
    of the COW/ATOP record's defence allies of attacked states (1816-1914 and 1946-1989, 369 pairs, an intercept per
    era): ``w`` = 2.05 (s.e. 0.50); without the war of 1866, 1.62 (0.51); with the great powers' terms, 2.27 (0.55).
    ``p`` = 0 and 1 stay.

    Examples
    --------
    >>> reach_honour([0.5, 0.5, 0.0], [1.0, 0.0, 0.5], np.log(3.0)).round(3).tolist()
    [0.5, 0.25, 0.0]
    """
    p = _array("probability", probability, unit=True, check=check)
    r = _array("reach", reach, unit=True, check=check)
    if check and not (np.isfinite(weight) and weight >= 0):
        raise ValueError(f"reach_honour: weight {weight} must be finite and >= 0")
    odds = np.exp(weight * (r - 1.0))
    return p * odds / (1.0 - p + p * odds)


def opportunistic_join_probability(rate: float, reach, rival, *, check: bool = True) -> np.ndarray:
    """Yearly probability that a state without a pact enters a war under way against its own rival: ``rate * reach * rival``.

    Bandwagoning for profit (Schweller 1994): a state joins a war against an enemy it already
    has (``rival``, 0/1; Vasquez 1993 on contagion along rivalries) when it can reach the war
    (``reach``, 0–1, :func:`reach` to that enemy; Siverson & Starr 1991). ``rate``
    is the probability for a neighbouring rival (per year).

    Examples
    --------
    >>> opportunistic_join_probability(0.2, [1.0, 0.5, 1.0], [1, 1, 0]).tolist()
    [0.2, 0.1, 0.0]
    """
    r = _array("reach", reach, unit=True, check=check)
    return rate * r * np.asarray(rival, dtype=float)


PERMANENT_MEMBERS: tuple[tuple[int, int, int], ...] = ((2, 1945, 9999), (200, 1945, 9999), (220, 1945, 9999), (365, 1945, 9999), (713, 1945, 1971), (710, 1971, 9999))
"""The permanent members of the UN Security Council (Charter art. 23) as ``(COW code, first year, last year)``: the United States,
the United Kingdom, France, the Soviet Union and then Russia (COW 365 throughout), and China's seat, held by the Republic of China
(Taiwan, COW 713) until General Assembly resolution 2758 (25 October 1971) gave it to the People's Republic (COW 710)."""


def permanent_member(ccode, year) -> np.ndarray:
    """Whether each state (COW code) holds a permanent seat, and so a veto, on the UN Security Council in ``year`` (:data:`PERMANENT_MEMBERS`).

    Examples
    --------
    >>> permanent_member([2, 710, 713, 255], 1950).tolist()
    [True, False, True, False]
    >>> permanent_member([710, 713], 1990).tolist()
    [True, False]
    """
    c = np.asarray(ccode)
    y = np.asarray(year)
    out = np.zeros(np.broadcast(c, y).shape, bool)
    for code, lo, hi in PERMANENT_MEMBERS:
        out |= (c == code) & (y >= lo) & (y <= hi)
    return out


def security_council_lead(permanent, vetoes, stake, *, check: bool = True) -> np.ndarray:
    """Whether each state can lead a collective action the Security Council mandates: a permanent member that vetoes nothing and has a stake.

    Claude (1962, ch. 5) and Voeten (2005): the Council does not fight; it legitimises the use of
    force by a great power willing to act (the United States in Korea, 1950, and against Iraq,
    1990), and authorises it only when no permanent member shields the aggressor. So a mandate needs
    a permanent member (``permanent``) that does not shield the aggressor (``vetoes`` False: neither
    the aggressor nor aligned with it) and has a stake in the war (``stake``: the victim is bound to it
    by an alliance, or the aggressor is a threat it shares; Walt 1987). Without such a lead, the
    Council's members leave the war to its belligerents. Ours: the three conditions as a conjunction.

    Examples
    --------
    >>> security_council_lead([1, 1, 1, 0], [0, 1, 0, 0], [1, 1, 0, 1]).tolist()
    [True, False, False, False]
    """
    return np.asarray(permanent, dtype=bool) & ~np.asarray(vetoes, dtype=bool) & np.asarray(stake, dtype=bool)


def collective_security_probability(rate: float, charter, veto, lead=1.0, *, check: bool = True) -> np.ndarray:
    """Probability that an aggression is met by a mandated collective action: ``rate * charter * (1 - veto)``.

    Collective security (Claude 1962, ch. 4; Kupchan & Kupchan 1991): under Chapter VII of the UN
    Charter (in force 1945; ``charter``, 0/1, :func:`foedus.theory.renunciation.territorial_integrity_norm`
    dates the same instrument) the Security Council may call its members to restore the peace against
    an aggressor, as it did for Korea (resolutions 83 and 84, 1950) and Kuwait (678, 1990). It cannot
    act against a permanent member or a state one of them is pledged to defend (``veto``, 0/1:
    :func:`permanent_member`; Claude's reason why collective security never reached the great powers),
    and it seldom acts at all: ``rate`` is the share of the wars it could have acted on where it did.
    The states that then join the war join without a pact with the victim, as Ethiopia, Thailand and
    Colombia did in Korea: the record's joiners without a pact of 1946-1989 (Sarkees & Wayman 2010).
    ``lead`` (0/1) says whether a permanent member is there to lead the action
    (:func:`security_council_lead`; Voeten 2005); 1 where not given.

    Examples
    --------
    >>> collective_security_probability(0.07, [1, 1, 0], [0, 1, 0]).tolist()
    [0.07, 0.0, 0.0]
    >>> collective_security_probability(0.07, [1, 1], [0, 0], [1, 0]).tolist()
    [0.07, 0.0]
    """
    ch = _array("charter", charter, unit=True, check=check)
    v = _array("veto", veto, unit=True, check=check)
    ld = _array("lead", lead, unit=True, check=check)
    return rate * ch * (1.0 - v) * ld
