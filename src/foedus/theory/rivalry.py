"""Strategic rivalries begin and end: discrete-time hazards of onset and termination (brief D1, F2).

A strategic rivalry (Thompson & Dreyer 2012) is a pair of states that regard each other as
competitors, as the source of actual or latent threats, and as enemies. Which pairs become
rivals and which rivalries end is modelled, as in event-history analysis of the field, as a
**discrete-time logit hazard** on dyad-years (Beck, Katz & Tucker 1998): in each year a pair at
risk experiences the event with probability

.. math::

    h = \\frac{1}{1 + e^{-\\eta}}, \\qquad \\eta = \\beta_0 + \\sum_k \\beta_k x_k ,

where the covariates ``x`` are the drivers the literature names for rivalry onset and
termination (Colaresi, Rasler & Thompson 2007; Goertz & Diehl 1995 on political shocks;
Bennett 1998 on why rivalries end):

- ``contiguous``: direct land contiguity (COW type 1): spatial rivalries need a shared border;
- ``major_pair``: both are major powers (positional rivalries among great powers);
- ``log_parity``: the log of the weaker's capability over the stronger's, at most 0 (:func:`log_parity`; rivalry
  among equals, power-transition theory, Organski & Kugler 1980; and Thompson's (2001) capacity to threaten: a
  strategic rival must be able to hurt, so the weaker state's capability matters in proportion, not in share —
  China and Liechtenstein are no rivals however near. Log parity fits the in-sample onsets better than parity
  with as many terms: log-likelihood -619.9 against -623.3, z 3.6, before ``new_pair`` was added);
- ``war_history``: the pair's war memory, :func:`war_history` (disputes that escalated to war;
  the record has no dyadic disputes short of war at hand, so wars stand for them);
- ``joint_democracy``: both democratic (the democratic peace);
- ``regime_distance``: the absolute difference of their democracy scores, 0–1 (regime change:
  convergence ends ideological rivalries);
- ``power_shift`` (termination only): the absolute change of the log capability ratio since the
  rivalry began (a shift in power ends or transforms rivalries; Leeds & Savun 2007 on alliances);
- ``one_major`` (onset only): exactly one of the pair is a major power (a great power and a minor
  state: an asymmetric pair, rarely rivals on the record);
- ``out_of_reach`` (onset only): neither is a major power and they lie farther apart than a
  reach (:func:`out_of_reach`): a rivalry needs contact, which minor states have only within
  their neighbourhood and a great power has by its reach (Thompson 2001: rivals are competitors
  that can hurt each other; Diehl & Goertz 2000 on the opportunity of rivalry; Lemke 2002's
  relevant neighbourhoods, bounded by Boulding's 1962 loss-of-strength gradient; the politically
  relevant dyads of Maoz & Russett 1993 are the same rule with contiguity for reach);
- the relevance of the pair (onset only; Thompson 2001: strategic rivals see each other as sources of threat, which needs
  the capacity to threaten; Maoz & Russett 1993 and Lemke & Reed 2001 on the politically relevant dyads, contiguous or with a
  great power; Lemke 2002's reach, bounded by Boulding's 1962 loss-of-strength gradient): ``minor_distance``,
  :func:`minor_distance`, ``log(1 + d / 241 km)`` of two minor states without a land border (the gradient of which Maoz &
  Russett's 150 miles of water is the step); ``one_major_reach``, :func:`log_reach` for a great power and a minor state
  (:func:`one_major_part`: the weaker's capability as it arrives at the stronger, Bueno de Mesquita's 1981 discount, over
  the stronger's; a minor state threatens a great power only near its strength and its shores; plain log parity in its
  place fits the record a little worse, -521.9, and made far near-equals rivals in world-2022 runs, Germany-Taiwan or
  Italy-Japan); ``one_major_new_pair``, the new-pair term again for them (a state's birth makes rivals of its
  neighbours, Goertz & Diehl 1995's shock of state formation being territorial, not of the great powers). Of the record's 92
  in-sample onsets, 16 fell to pairs that are not politically relevant (minor states without a border more than 150 miles
  apart), all within 2,500 km, none in a great power's pair in its first years. Within 2,500 km the rate is not about 0
  (a seventh of the relevant pairs' in 1946-1989), so three terms, not a gate; beyond it, where the record has no onset in
  68,859 in-sample dyad-years, the gate :func:`beyond_contact` (``rivalry_contact_km`` 2,500 km). In sample (1816-1914 and
  1946-1989) the terms raise the onset log-likelihood from -534.2 to -521.2 (likelihood ratio 26.0 on 3 df, p 9e-6;
  ``minor_distance`` -1.01, s.e. 0.29; ``one_major_reach`` 0.49, s.e. 0.19; ``one_major_new_pair`` -2.8, s.e. 1.8), and,
  measured only, the held-out eras' too (1919-1938 -61.1 to -59.2, 1990-2010 -112.9 to -109.3). The termination hazard
  shows no such dependence (``minor_distance`` +0.22, s.e. 0.24): not carried;
- ``defence_pact`` (onset only): the two share a defence pact (ATOP): allies seldom become rivals. Deutsch (1957)
  calls a group of states among which war has become unthinkable a *security community*; Bremer (1992) finds
  that allies fight each other less often, and Oneal & Russett (1999) count alliance with democracy and
  interdependence among the pacifying ties. In the record's in-sample eras the term is -0.60 (s.e. 0.26) and it
  improves the fit of both held-out eras (``tools/rivalry_fit.py``);
- ``new_pair`` (onset only): :func:`new_pair`, ``exp(-a / tau)`` of the years ``a`` the two states have both been
  in the state system (:func:`foedus.theory.reassurance.relationship_age`; 0 for two members since 1816, where the
  COW list begins): the duration dependence of Beck, Katz & Tucker (1998), here the time the pair has been at risk,
  in the smooth one-parameter form of a decaying hazard (Carter & Signorino 2010 on time polynomials). Rivalries
  begin when states are born (India-Pakistan 1947, Israel and its neighbours 1948, the African states of 1960,
  the successors of the Soviet Union and Yugoslavia 1991-92; Thompson & Dreyer 2012, ch. 1; Goertz & Diehl 1995:
  state formation is the political shock that starts rivalries): in the in-sample eras 44 of 92 onsets fall in a
  pair's first five years, which hold 12 % of the dyad-years at risk. Without the term the fit spreads those
  births over every pair and every year, and a world started in 1990 from old pairs begins rivalries at the
  rate of 1946-1960's decolonisation. In-sample log-likelihood 1816-1914 and 1946-1989 with ``tau`` 1, 2, 3, 5,
  10 years: -537.7, -538.3, -542.4, -551.2, -565.7 (-619.5 without; ``rivalry_new_pair_years`` 2, within one
  unit of the maximum). **Successor states** (succ14) take up their predecessor's pairs (:func:`succession_pair_age`: the
  Vienna Convention on Succession of States in respect of Treaties, 1978, art. 34; the predecessors of
  :data:`foedus.data.succession.SUCCESSIONS`): the Czech Republic and Germany are Czechoslovakia and Germany's pair of
  1918, not a new one; a successor and its siblings (the Czech Republic and Slovakia), or a seceded state and its parent
  (Croatia and Serbia, Singapore and Malaysia), are new (:func:`related_pairs`). With the same terms the in-sample onset
  log-likelihood rises from -521.15 (no successions) to -519.92 (dissolutions: the two German states of 1954-55 dating
  their pairs from Germany's) and -518.87 (secessions too); ``new_pair`` 4.08 to 4.16 (s.e. 0.27). The record gives a
  seceded state no new-pair effect beyond its parent and siblings: in the in-sample eras its young pairs with third
  states hold no onset (Greece 1828, Belgium 1830, Serbia and Romania 1878, Panama 1903, Norway 1905, Bulgaria 1908,
  Albania 1914, Taiwan 1949, Singapore 1965, Bangladesh 1971: their rivalries of those years were with their parent or
  began before they entered the list), where the fit keeping their newness expects 7.5 (5.0 beyond their
  neighbours); the newness they lose, added as a term, is +1.8 (s.e. 1.7), its likelihood ratio below 0 (Firth's prior
  alone moves it: no event), and for their neighbours alone +2.7 (s.e. 1.8), likewise. Measured only: 1919-1938
  -59.18 to -57.59; 1990-2010 -109.29 to -110.28 (Saudi Arabia and Yemen 1990, an old pair's rivalry resumed, and
  the secession's neighbours Eritrea-Sudan 1993 and Djibouti-Eritrea 1996 lose their new-pair term), and the onsets the
  fit predicts there on the record's covariates fall from 33.1 to 25.4 (observed 18). The profiles keep their maxima
  (``tau`` 1, 2, 3, 5, 10 years: -519.4, -518.9, -522.0, -529.1, -541.1; reach 1,500 km). In the simulator (runs
  from the record of 1990, seeds 1-3, 1990-2010) the onsets fall from 31 to 24 a run (record 18); ``foedus validate``
  against main c0793cd: seeds 1-6 61/76 for 60 (in sample 32 for 32), seeds 7-12 54 for 57 (29 for 32), the twelve pooled
  57 for 59 (31 for 32: 1946-1989 joiners without a pact, 0.60 against 0.50, bound 0.53, a fact that flips either way
  between the two halves);
- beyond contact (:func:`beyond_contact`): two minor states with no border farther apart than a
  contact distance cannot begin a rivalry at all (hazard 0; Diehl & Goertz 2000: the issues of
  rivalry are territorial and positional);
- a security community (:func:`security_community`): two democracies that share a security agreement of any obligation
  (an alliance, a pledge of non-aggression or consultation, a security organisation) cannot begin a rivalry at all (hazard 0;
  Deutsch 1957: "dependable expectations of peaceful change"; Adler & Barnett 1998: democracies bound by shared institutions,
  not by a military pact alone; Russett & Oneal 2001). The record has no such onset in 26,536 dyad-years 1816-2010 (in sample
  6,449), 12,035 of them without a defence pact; its only onsets between democracies, Poland-Czechoslovakia 1920 and
  Argentina-Britain 1965, are of pairs without an alliance. Until democ21 (2026-12) the gate asked for a defence pact, and
  democracies bound only by pledges of non-aggression (ATOP 3740, 47 members; 3755, 20) held 0.039 of world-2022's 0.053
  onsets a year between democracies (France-South Korea, Belgium- and Bulgaria-Switzerland): runs from 2022 began 10 of 42
  rivalries between democracies (seeds 1-5), 4 of 35 with the wider gate (the record: 2 of 128). Refit with them out of the
  risk set: ``joint_democracy`` -0.28 (s.e. 0.81; -0.65 before), the other terms by < 0.01; measured only, the held-out
  log-likelihood of 1990-2010 -110.28 -> -108.50, of 1919-1938 -57.59 -> -57.77;
- tested on the record and **not carried** (rivalry13, in-sample likelihood ratios on 1 df, each term added alone to
  the onset terms above; ``tools/rivalry_fit.py`` prints the first four): the new-pair term by contiguity (+0.11, s.e. 0.57, LR
  0.04) or by ``minor_distance`` (+0.19, s.e. 0.37, LR 0.20; the young non-contiguous minor pairs beyond 1,000 km hold 3
  onsets where the fit expects 4.5, those within 1,000 km 6 where it expects 6.7): new states' rivalries reach as far
  as the old ones', in proportion; joint democracy of neighbours, Deutsch's (1957) security community without a pact
  (-1.19, s.e. 1.64, LR 0.5; 0 onsets where 0.7 are expected; a jointly democratic new contiguous pair occurs in 10
  in-sample dyad-years); a long-standing defence pact (10 years or more: +0.17, s.e. 0.46, 9 onsets where 8.2 are
  expected; the log of the pact's years +0.09, s.e. 0.23: the Rio and Arab League pacts saw rivalries begin after
  decades); two new states rather than one (-0.66, s.e. 0.51, LR 2.0); the ally's rival (+0.40, s.e. 0.29, LR 1.6); and
  the great powers' far minor pairs began *more* rivalries than the fit expects (6 beyond 3,000 km where it expects
  3.1: USA-UK 1816, USA-France 1830, USA-Germany 1889, Germany-China 1897, USA-China 1949, Argentina-UK 1965), so
  nothing is taken from them. One term the record does support, :func:`shared_rival` (a rival in common: Diehl &
  Goertz 2000, ch. 12, linked rivalries; Heider's 1946 balance would have the sign the other way), +1.40 (s.e. 0.31),
  LR 15.1 (p 1e-4), above the fit without it in both eras (9 onsets where 5.9 and 9 where 2.5 are expected), was
  carried and taken out again: in record-built runs (seeds 1-3) it cost two in-sample facts (1816-1914 great-power war
  onsets 0.0111 a pair-year against 0.0077, bound 0.008; alliances in force at the end 0.20 against 0.27, bound
  0.256), raised the 1990-2018 rivalries at the end (0.41 to 0.45 per state, record 0.22, bound 0.43), and made
  rivals of partners against a common enemy (China-Pakistan, Pakistan-Japan in world-2022 runs). Nor is a second
  supported term, neither state having a rival (Diehl & Goertz 2000, ch. 3's rivalry-prone states): -0.95 (s.e. 0.27),
  LR 13.2 (p 3e-4), held out 1990-2010 -109.3 to -106.5 and 1919-1938 -59.2 to -59.7; the refit raised the intercept
  (-6.28 to -5.96) for every pair with a rival, so runs from 1990 began more rivalries, not fewer (seed 1: 53 against
  46), the onsets it was meant to remove mostly stayed (Switzerland-Austria, Hungary-Sweden, Austria-Czech Republic,
  Malta-Macedonia), and record-built runs (seeds 1-3) lost three in-sample facts for two (1946-1989 great-power war
  onsets 0 against 0.0038, record 0.0024) and two held-out ones (56/76 against 59/76);
- tested by succ14 against the onsets no expert accepts in runs from 2022 (Turkey-Azerbaijan, allied neighbours;
  Switzerland-Austria, democratic neighbours; Russia-Taiwan and Egypt-Japan, a great power and a far minor state), each
  added alone to the onset terms with successions, in sample (LR on 1 df against -518.87), and **not carried**: allied
  neighbours, ``defence_pact`` x ``contiguous``, -0.83 (s.e. 0.53, LR 2.05, p 0.15; 12 onsets where 14.2 are expected);
  democratic neighbours -0.99 (s.e. 1.63, LR 0.32); a great power and a minor state by their distance, ``one_major`` x
  ``log(1 + d / 241 km)``, +0.33 (s.e. 0.28, LR 1.14: the far pairs are not rarer than their reach already says); two
  great powers by their distance -0.66 (s.e. 0.41, LR 2.33, p 0.13); a rivalry that ended before, -0.32 (s.e. 0.38, LR 0.89).
  A rival in common is still supported (+1.40, s.e. 0.31, LR 15.1; intercept -6.30 to -6.72) but measures worse held out
  in 1919-1938 (-57.59 to -61.21) and, as above, cost in-sample facts in the simulator: not carried. Those onsets are draws
  at hazards of 0.001-0.002 a year among thousands of pairs; what sets the record's rivals apart there is the disputes
  that precede them (Diehl & Goertz 2000), which the simulator's pairs do not have. One more term the record supports, the
  log of the weaker state's capability share (Thompson 2001's capacity to threaten in absolute terms: no micro-state has a
  rival), +0.27 (s.e. 0.09), LR 9.8 (p 0.002), held out 1919-1938 -57.59 to -58.27 and 1990-2010 -110.28 to -108.69, is
  not carried either: it leaves those onsets as they were (it lowers only the micro-states' pairs, by about four), and
  the refit takes from the terms that keep far and asymmetric pairs apart (``major_pair`` 1.34 to 0.34, ``one_major``
  1.17 to 0.26, ``one_major_reach`` 0.48 to 0.40: a near-equal 9,000 km away at 0.57 of the rate next door, not half);
- tested by rivalry17 against pairs born in runs that a scholar rejected (Germany-Egypt in world-2022, Austria-Hungary-Ecuador
  from the record of 1900: a great power and a minor state of another region) and **not carried**: ``one_major`` x another COW
  region (:func:`foedus.theory.regions.cow_region`) added alone has the sign the other way, +1.63 (s.e. 0.61, LR 6.95), and
  measures worse held out (1919-1938 -57.59 to -58.87, 1990-2010 -110.28 to -111.63). In sample such pairs began 8 rivalries
  where the fit expects 4.7 (USA-Britain 1816 ... Germany-China 1897, USA-China 1949, Argentina-Britain 1965: rising powers and
  colonial contact), those of one region 4 for 8.5, two minor states beyond 1,000 km without a border 7 for 7.5
  (``tools/rivalry_fit.py``; ``tools/rivalry_check.py --kinds`` counts the runs' onsets by the same kinds). Runs start at the
  record's order (great power and minor state of another region, per 1,000 pairs a year: 1900 0.11, 1990 0.08, world-2022 0.30;
  the record 0.64 and 0.11); Austria-Hungary-Ecuador was drawn at a hazard of 9e-6, the tail of a calibrated hazard. What sets
  the record's rivals apart is the disputes before rivalry (Diehl & Goertz 2000), not at hand by dyad. A rivalry born in a run
  has no Thompson & Dreyer type; :func:`foedus.theory.war_onset_issues.issueless_rivalry` takes one between neighbours as
  territorial, as the record does (of its 128 onsets at risk 1816-2010, 63 of 86 between neighbours are coded spatial, 18 of 42
  without a land border, 3 of 7 of these nearer than 241 km): no other feature at hand makes a born rivalry spatial;
- tested by rivalry20 and **not carried**: the weak link, :func:`democracy_weak_link` (Dixon 1994; Oneal & Russett 1997), in
  place of ``joint_democracy``: -1.61 (s.e. 0.98), in-sample log-likelihood -518.87 to -517.84, held out 1919-1938 -57.59 to
  -57.70, 1990-2010 -110.28 to -106.38; in the simulator it lost facts on three seed sets against main 0915ded (63, 63, 59 of 76
  for 64, 65, 61): the refit raises the intercept (-6.30 to -6.07) for the autocratic pairs that make 1816-1914 and 1946-1989;
- ``regime_shift`` (termination only): the larger of the two states' recent changes of democracy
  score, 0–1 (:func:`regime_shift`: this year's score against its discounted memory of the past
  years, :func:`regime_reference`): Goertz & Diehl's (1995) political shocks — an abrupt regime
  change in either state ends rivalries (Bennett 1998: domestic political change; Rasler &
  Thompson 2006 on de-escalation).
- ``new_nonaggression_pact`` (termination only): :func:`new_pledge`, ``exp(-a / tau)`` of the years ``a`` since the rivals
  came to share a pledge of non-aggression without a defence pact (:func:`nonaggression_only`; ATOP's obligation, Leeds et
  al. 2002), 0 without one: a peace treaty or a pact of non-aggression between rivals, the Central American treaties of
  1907, the Balkan Pact of 1953, the two Germanies' Basic Treaty (1972), the Angola-South Africa accords (1988). Lupu &
  Poast (2016) find that states leaving a rivalry sign non-aggression pacts to signal that it has ended, and Goertz & Diehl
  (1995) that rivalries end after a shock: the signing is the shock, so the term decays as the new-pair term does (a pledge
  kept for decades beside a rivalry, India and Pakistan's Simla agreement of 1972 or the United States' accession to the
  Treaty of Amity and Cooperation in Southeast Asia, says that it did not end it). In sample (1816-1914, 1946-1989) rivals
  pledged within the last three years ended 4 rivalries in 59 dyad-years, those pledged longer 1 in 99; the term is +2.66
  (s.e. 0.60), likelihood ratio 10.2 on 1 df (p 0.001), at ``rivalry_pledge_years`` 2 (profile of the in-sample LR at
  ``tau`` 1, 2, 3, 5, 10 years: 10.7, 10.2, 9.3, 7.8, 6.3; 2 is within one unit of the maximum, and the new-pair term's
  decay). Held out, measured only: 1919-1938 -51.19 to -51.78, 1990-2010 -143.23 to -142.44 (at ``tau`` 10 both would be
  better, +1.1 and +1.3). A pledge that does not decay (+1.25, s.e. 0.46, LR 4.4) fits worse in sample and would end the
  old rivalries that live beside old treaties (ten of the eighteen inherited rivalries of world-2022); any pact with the
  obligation (most of ATOP's defence pacts carry one) +0.66 (s.e. 0.30, LR 3.9), a defence pact +0.43 (s.e. 0.31, LR 1.5):
  not carried, the simulator's defence pacts being written without the obligation
  (:data:`foedus.theory.obligations.PACT_FORMS`). The war-onset hazard gives the pledge no term of its own (in-sample Firth
  fit, COW wars: -0.19, s.e. 0.71; :mod:`foedus.theory.war_onset`): it pacifies the pair through this term, the rivalry's
  end taking the war hazard's rivalry term away (rivalry18, ``tools/rivalry_fit.py``).

The coefficients are estimated on the record's in-sample eras (1816–1914 and 1946–1989) by
:func:`foedus.analysis.rivalry.estimate_rivalry_hazards` (``tools/rivalry_fit.py`` prints them)
and carried as the simulator's defaults (:class:`foedus.sim.parameters.Parameters`,
``rivalry_onset_*`` and ``rivalry_end_*``). Published form vs ours: Beck, Katz & Tucker model
duration dependence with splines of the time at risk; ours has none (a record-built world does
not know how long its pairs have been at peace, and the log of a rivalry's age had no effect on
its termination in the record, 1816–2010: coefficient −0.02, s.e. 0.09). Measured again by rivalry18 with the age from
Thompson & Dreyer's start years (before 1816 where they say so) on the in-sample dyad-years only: ``log(1 + age)`` −0.08 (s.e.
0.11, likelihood ratio 0.5), ``exp(-age / 3)`` −0.82 (s.e. 0.89, LR 1.4); the fit without age predicts the ends of the old
rivalries (40 years and more: 20 observed, 22.6 expected; 80 years and more: 9, 12.0) and of the young (under 10 years: 14,
11.2; before the new-pledge term; ``tests/analysis/test_rivalry.py`` holds both groups within the Poisson 99 % band of the current fit). Colaresi, Rasler & Thompson's (2007) duration dependence is not in Thompson & Dreyer's termination record of those eras.

Out of sample the fit misses the end of the Cold War (measured 2026-12 on the record's own
covariates): for 1990–2010 it predicts 35 onsets where the record has 18 (38 before ``new_pair`` and
``log_parity``), and 11 ends where it has 30 (1919–1938: 11.5 onsets for 11, 10.8 ends for 9); among
democracies not allied, 7 onsets where the record has 1 (the new democracies of Central Europe). A world
started in 1990 therefore keeps its inherited rivalries too long and begins too many: runs from the record
of 1990 (seeds 1–3) go from 55 rivalries to 77–85 by 2018 where the record has 42 (100 and more before
``new_pair``, when the births of rivalries of 1946–1960 were spread over every pair and year). Goertz &
Diehl's (1995) *systemic* shocks (the distribution of power among the great powers changing
abruptly) are the published reason; the in-sample eras hold no such shock to fit its strength on.

A common external threat (Bennett 1998's security hypothesis; Thompson & Dreyer's account of the Anglo-American
and Anglo-French rivalries ending around 1900 and 1904 before the German threat) finds no support in the record's
in-sample eras as a termination covariate (fitted with the terms above, session 9): a third state that is a rival
of both, -0.65 (s.e. 0.30: rivalries in a cluster last *longer*); such a common rival stronger than both, +0.07
(s.e. 0.32); the log of the pair's other rivalries, -0.54 (s.e. 0.23). None is carried: those ends are rare events
at the fitted hazard (about 1 % a year for the Anglo-French pair in 1903), not a term the record lets one estimate.

References
----------
Dixon, W. J. 1994. "Democracy and the Peaceful Settlement of International Conflict." *APSR* 88(1): 14-32. Oneal, J. R., and
B. M. Russett. 1997. "The Classical Liberals Were Right." *International Studies Quarterly* 41(2): 267-94.
Heider, F. 1946. "Attitudes and Cognitive Organization." *Journal of Psychology* 21(1): 107–12.
Beck, N., J. N. Katz, and R. Tucker. 1998. "Taking Time Seriously: Time-Series–Cross-Section
Analysis with a Binary Dependent Variable." *American Journal of Political Science* 42(4): 1260–88.
Carter, D. B., and C. S. Signorino. 2010. "Back to the Future: Modeling Time Dependence in Binary Data."
*Political Analysis* 18(3): 271–92.
Bennett, D. S. 1998. "Integrating and Testing Models of Rivalry Duration." *American Journal of
Political Science* 42(4): 1200–32.
Boulding, K. E. 1962. *Conflict and Defense: A General Theory*. Harper.
Lemke, D. 2002. *Regions of War and Peace*. Cambridge University Press.
Lemke, D., and W. Reed. 2001. "The Relevance of Politically Relevant Dyads." *Journal of Conflict Resolution* 45(1): 126–44.
Maoz, Z., and B. Russett. 1993. "Normative and Structural Causes of Democratic Peace, 1946–1986."
*American Political Science Review* 87(3): 624–38.
Colaresi, M. P., K. Rasler, and W. R. Thompson. 2007. *Strategic Rivalries in World Politics*.
Cambridge University Press.
Diehl, P. F., and G. Goertz. 2000. *War and Peace in International Rivalry*. University of Michigan Press.
Goertz, G., and P. F. Diehl. 1995. "The Initiation and Termination of Enduring Rivalries: The Impact of
Political Shocks." *American Journal of Political Science* 39(1): 30–52.
Rasler, K., and W. R. Thompson. 2006. "Contested Territory, Strategic Rivalries, and Conflict
Escalation." *International Studies Quarterly* 50(1): 145–67.
Thompson, W. R. 2001. "Identifying Rivals and Rivalries in World Politics." *International Studies
Quarterly* 45(4): 557–86.
Vasquez, J. A. 1993. *The War Puzzle*. Cambridge University Press.
Russett, B., and J. R. Oneal. 2001. *Triangulating Peace: Democracy, Interdependence, and International
Organizations*. Norton.
Adler, E., and M. Barnett, eds. 1998. *Security Communities*. Cambridge University Press.
Deutsch, K. W. et al. 1957. *Political Community and the North Atlantic Area*. Princeton University Press.
Bremer, S. A. 1992. "Dangerous Dyads." *Journal of Conflict Resolution* 36(2): 309–41.
Oneal, J. R., and B. M. Russett. 1999. "The Kantian Peace." *World Politics* 52(1): 1–37.
Thompson, W. R., and D. Dreyer. 2012. *Handbook of International Rivalries*. CQ Press.
Leeds, B. A., J. M. Ritter, S. McLaughlin Mitchell, and A. G. Long. 2002. "Alliance Treaty Obligations and Provisions,
1815–1944." *International Interactions* 28(3): 237–60.
Lupu, Y., and P. Poast. 2016. "Team of Former Rivals: A Multilateral Theory of Non-Aggression Pacts." *Journal of Peace
Research* 53(3). doi:10.1177/0022343316630782.
Mattes, M., and G. Vonnahme. 2010. "Contracting for Peace: Do Nonaggression Pacts Reduce Conflict?" *Journal of Politics*
72(4).
"""

from __future__ import annotations

import numpy as np

from foedus.theory import rivalry_geography as _geography
from foedus.theory.reassurance import STATE_LIST_START

# the geographic terms, split into foedus.theory.rivalry_geography for size, re-exported here
MARITIME_KM = _geography.MARITIME_KM
out_of_reach = _geography.out_of_reach
beyond_contact = _geography.beyond_contact
minor_distance = _geography.minor_distance
one_major_part = _geography.one_major_part

ONSET_TERMS: tuple[str, ...] = ("contiguous", "major_pair", "log_parity", "war_history", "joint_democracy", "regime_distance", "one_major", "out_of_reach", "defence_pact", "new_pair",
                                "minor_distance", "one_major_reach", "one_major_new_pair")
"""Covariates of the onset hazard, in the order of its coefficients (after the intercept)."""

TERMINATION_TERMS: tuple[str, ...] = ("contiguous", "major_pair", "power_shift", "war_history", "joint_democracy", "regime_distance", "regime_shift", "new_nonaggression_pact")
"""Covariates of the termination hazard, in the order of its coefficients (after the intercept)."""


def logit_hazard(intercept: float, coefficients, covariates) -> np.ndarray:
    """Annual hazard ``1 / (1 + exp(-(intercept + sum_k coefficients[k] * covariates[k])))`` (Beck, Katz & Tucker 1998).

    Parameters
    ----------
    intercept : float
    coefficients : sequence of K floats
    covariates : sequence of K array_like, broadcastable to one shape

    Returns
    -------
    ndarray
        Probabilities in (0, 1), of the covariates' broadcast shape.

    Examples
    --------
    >>> float(logit_hazard(0.0, [1.0], [np.array(0.0)]))
    0.5
    """
    if len(coefficients) != len(covariates):
        raise ValueError(f"{len(coefficients)} coefficients for {len(covariates)} covariates")
    eta = np.asarray(float(intercept))
    for b, x in zip(coefficients, covariates):
        eta = eta + float(b) * np.asarray(x, dtype=float)
    return 1.0 / (1.0 + np.exp(-eta))


def rivalry_onset_hazard(contiguous, major_pair, log_parity, war_history, joint_democracy, regime_distance, one_major, out_of_reach, defence_pact, new_pair,
                         minor_distance=0.0, one_major_reach=0.0, one_major_new_pair=0.0, *, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that two states not in rivalry become strategic rivals (Thompson & Dreyer 2012).

    :func:`logit_hazard` of :data:`ONSET_TERMS` (see the module docstring for each covariate).

    Parameters
    ----------
    contiguous, major_pair, joint_democracy, one_major, out_of_reach, defence_pact : array_like of bool
    log_parity : array_like
        :func:`log_parity`, the log of the weaker's capability over the stronger's (at most 0).
    war_history : array_like
        :func:`war_history` of the pair.
    regime_distance : array_like
        ``|democracy_i - democracy_j|``, 0–1.
    intercept : float
    new_pair : array_like
        :func:`new_pair` of the years the two states have both been in the system, 0–1.
    minor_distance : array_like
        :func:`minor_distance` of the pair (0 unless two minor states without a land border).
    one_major_reach, one_major_new_pair : array_like
        :func:`one_major_part` of :func:`log_reach` and of ``new_pair``: their values for a pair of a great power and a minor
        state, 0 for the others (the relevance of such a pair, module docstring).
    coefficients : sequence of 13 floats
        In the order of :data:`ONSET_TERMS`.
    """
    return logit_hazard(intercept, coefficients, (contiguous, major_pair, log_parity, war_history, joint_democracy, regime_distance, one_major, out_of_reach, defence_pact, new_pair,
                                                  minor_distance, one_major_reach, one_major_new_pair))


def rivalry_termination_hazard(contiguous, major_pair, power_shift, war_history, joint_democracy, regime_distance, regime_shift, new_nonaggression_pact=0.0, *, intercept: float, coefficients) -> np.ndarray:
    """Annual probability that a strategic rivalry ends (Thompson & Dreyer 2012; Bennett 1998; Goertz & Diehl 1995).

    :func:`logit_hazard` of :data:`TERMINATION_TERMS`: ``power_shift`` is
    ``|log(p_i / p_j) - log(p_i0 / p_j0)|``, the change of the pair's capability balance since the
    rivalry began (:func:`power_shift`); ``regime_shift`` the larger change of either state's
    democracy score since then (:func:`regime_shift`); ``new_nonaggression_pact`` 0–1, :func:`new_pledge` of a pledge of
    non-aggression the rivals share without a defence pact (Lupu & Poast 2016); the others as for
    :func:`rivalry_onset_hazard`. ``coefficients``: 8 floats in the order of :data:`TERMINATION_TERMS`.
    """
    return logit_hazard(intercept, coefficients, (contiguous, major_pair, power_shift, war_history, joint_democracy, regime_distance, regime_shift, new_nonaggression_pact))


def new_pledge(pledge_age, nonaggression_only, *, years: float) -> np.ndarray:
    """``exp(-a / years)`` for a pair that shares a pledge of non-aggression without a defence pact (:func:`nonaggression_only`) since ``a`` years (``pledge_age``), 0 for the others.

    The signing of a peace treaty or non-aggression pact is the shock that ends a rivalry (Goertz & Diehl 1995; Lupu & Poast
    2016): 1 in the year of the pledge, decaying with the e-folding time ``years`` > 0, as :func:`new_pair` does.

    Examples
    --------
    >>> new_pledge([0.0, 2.0, 2.0], [True, True, False], years=2.0).round(3).tolist()
    [1.0, 0.368, 0.0]
    """
    if not years > 0:
        raise ValueError(f"years must be > 0, got {years}")
    a = np.nan_to_num(np.asarray(pledge_age, dtype=float), nan=np.inf)
    return np.where(np.asarray(nonaggression_only, dtype=bool), np.exp(-np.maximum(a, 0.0) / float(years)), 0.0)


def nonaggression_only(nonaggression, defence_pact) -> np.ndarray:
    """True for a pair that shares a pledge of non-aggression (ATOP's obligation, Leeds et al. 2002) and no defence pact.

    A peace treaty or pact of non-aggression between rivals signals the end of their rivalry (Lupu & Poast 2016); allies
    bound to defend each other are the other case (most of ATOP's defence pacts carry the same pledge; the simulator's are
    written without it, :data:`foedus.theory.obligations.PACT_FORMS`), so the covariate is the pledge alone.

    Examples
    --------
    >>> nonaggression_only([True, True, False], [False, True, False]).tolist()
    [True, False, False]
    """
    return np.asarray(nonaggression, dtype=bool) & ~np.asarray(defence_pact, dtype=bool)


def war_history(previous, at_war, *, memory: float) -> np.ndarray:
    """A pair's war memory after this year: ``memory * previous + at_war`` (years at war, discounted).

    ``memory`` in [0, 1) is the share of last year's memory kept: the geometric discount of past
    wars (``memory`` 0.8: a war year weighs half after about three years). The hazards take
    ``log(1 + war_history)``, see :func:`war_term`.
    """
    if not 0.0 <= memory < 1.0:
        raise ValueError(f"memory must lie in [0, 1), got {memory}")
    return memory * np.asarray(previous, dtype=float) + np.asarray(at_war, dtype=float)


def war_term(history) -> np.ndarray:
    """The covariate the hazards take of a pair's war memory: ``log(1 + war_history)``."""
    return np.log1p(np.asarray(history, dtype=float))


def parity(power_i, power_j) -> np.ndarray:
    """The weaker's capability over the stronger's, 0–1 (0 when both have none)."""
    a, b = np.asarray(power_i, dtype=float), np.asarray(power_j, dtype=float)
    hi, lo = np.maximum(a, b), np.minimum(a, b)
    return np.divide(lo, hi, out=np.zeros(np.broadcast(a, b).shape), where=hi > 0)


PARITY_FLOOR = 1e-6
"""Least parity :func:`log_parity` reads (a capability share of zero would make its log infinite): below the record's
least positive CINC ratio of an onset by four orders of magnitude, so it bounds only pairs no rivalry joins."""


def log_parity(power_i, power_j) -> np.ndarray:
    """``log(max(parity, PARITY_FLOOR))``: the log of the weaker's capability over the stronger's (:func:`parity`), at most 0.

    Examples
    --------
    >>> float(log_parity(0.2, 0.2)), round(float(log_parity(0.2, 0.02)), 4)
    (0.0, -2.3026)
    """
    return np.log(np.maximum(parity(power_i, power_j), PARITY_FLOOR))


def log_reach(power_i, power_j, exponent) -> np.ndarray:
    """``min(0, x log(weaker) - log(stronger))``, floored at ``log(PARITY_FLOOR)``: the log of the weaker's capability as it arrives at the stronger over the stronger's at home.

    Bueno de Mesquita's (1981) distance-adjusted capability ``c ** x`` (:func:`foedus.theory.projection.projected_capability`,
    ``x`` :func:`foedus.theory.projection.relative_discount_exponent` of the pair's distance: Boulding's 1962 loss-of-strength
    gradient) read as Thompson's (2001) capacity to threaten: 0 where the weaker can reach the stronger in Lemke's (2002) sense
    (:func:`foedus.theory.projection.able_to_reach`), :func:`log_parity` at distance 0, and lower the farther the weaker must
    project its strength.

    Examples
    --------
    >>> float(log_reach(0.2, 0.02, 1.0)) == float(log_parity(0.2, 0.02))
    True
    >>> bool(log_reach(0.2, 0.02, 1.5) < log_reach(0.2, 0.02, 1.0))
    True
    """
    a, b = np.asarray(power_i, dtype=float), np.asarray(power_j, dtype=float)
    lo, hi = np.maximum(np.minimum(a, b), PARITY_FLOOR * PARITY_FLOOR), np.maximum(np.maximum(a, b), PARITY_FLOOR * PARITY_FLOOR)
    x = np.asarray(exponent, dtype=float) * np.log(lo) - np.log(hi)
    return np.maximum(np.minimum(x, 0.0), np.log(PARITY_FLOOR))


def new_pair(age, *, years: float) -> np.ndarray:
    """``exp(-age / years)``: 1 for a pair whose younger state has just entered the state system, 0 for an old pair (``age`` inf).

    ``age`` is the years the two states have both been in the system
    (:func:`foedus.theory.reassurance.relationship_age`); ``years`` > 0 the decay (e-folding) time. The onset
    hazard's duration dependence (Beck, Katz & Tucker 1998): rivalries begin at the birth of states.

    Examples
    --------
    >>> new_pair([0.0, 2.0, float("inf")], years=2.0).round(3).tolist()
    [1.0, 0.368, 0.0]
    """
    if not years > 0:
        raise ValueError(f"years must be > 0, got {years}")
    return np.exp(-np.maximum(np.asarray(age, dtype=float), 0.0) / float(years))


def related_pairs(code_a, code_b, predecessor_a, predecessor_b) -> np.ndarray:
    """True for a pair of the same lineage: two successors of one predecessor (siblings), or a state and its predecessor (the parent of a secession).

    ``predecessor_*`` is each state's predecessor code, -1 for none (:func:`foedus.data.succession.lineage`). Such a pair
    never existed before the successor's birth: it is a new pair (the Czech Republic and Slovakia in 1993, Croatia and
    Serbia in 1992), whatever the predecessor's relations.

    Examples
    --------
    >>> related_pairs([316, 344, 344], [317, 345, 200], [315, 345, 345], [315, -1, -1]).tolist()
    [True, True, False]
    """
    a, b = np.asarray(code_a), np.asarray(code_b)
    pa, pb = np.asarray(predecessor_a), np.asarray(predecessor_b)
    return ((pa >= 0) & ((pa == pb) | (pa == b))) | ((pb >= 0) & (pb == a))


def succession_pair_age(year, entered_a, entered_b, inherited_a, inherited_b, related) -> np.ndarray:
    """Years a pair has existed, a successor state taking up its predecessor's relations (Vienna Convention 1978, art. 34).

    :func:`foedus.theory.reassurance.relationship_age` of the two states' entries into the system, where a successor's entry
    is its predecessor's (``inherited_*``: the earlier of the two years) unless the pair is ``related``
    (:func:`related_pairs`: siblings, or the parent of a secession), whose own entries count. A year at or before
    :data:`foedus.theory.reassurance.STATE_LIST_START` is no known entry (``inf`` years). The pair (Czech Republic, Germany)
    of 1993 is Czechoslovakia and Germany's pair, 75 years old; (Czech Republic, Slovakia) is new.

    Examples
    --------
    >>> succession_pair_age(2000, [1993, 1993], [1816, 1993], [1918, 1918], [1816, 1918], [False, True]).tolist()
    [82.0, 7.0]
    """
    rel = np.asarray(related, dtype=bool)
    ea = np.where(rel, entered_a, np.minimum(entered_a, inherited_a)).astype(float)
    eb = np.where(rel, entered_b, np.minimum(entered_b, inherited_b)).astype(float)
    y = float(year) if np.ndim(year) == 0 else np.asarray(year, dtype=float)
    age = np.minimum(np.where(ea <= STATE_LIST_START, np.inf, y - ea), np.where(eb <= STATE_LIST_START, np.inf, y - eb))
    return np.maximum(age, 0.0)


def log_ratio(power_i, power_j) -> np.ndarray:
    """``log(p_i / p_j)``, the pair's capability balance (shares > 0)."""
    return np.log(np.asarray(power_i, dtype=float) / np.asarray(power_j, dtype=float))


def power_shift(power_i, power_j, balance0) -> np.ndarray:
    """``|log(p_i / p_j) - balance0|``: how far the pair's capability balance has moved since it was ``balance0`` (:func:`log_ratio`)."""
    return np.abs(log_ratio(power_i, power_j) - np.asarray(balance0, dtype=float))


def democracy_weak_link(regime_i, regime_j) -> np.ndarray:
    """The lower of the two democracy scores (0-1): a pair is as democratic as its less democratic state (Dixon 1994's weak link).

    >>> democracy_weak_link([0.9, 0.2], [0.3, 0.8]).tolist()
    [0.3, 0.2]
    """
    return np.minimum(np.asarray(regime_i, dtype=float), np.asarray(regime_j, dtype=float))


def security_community(joint_democracy, shared_agreement) -> np.ndarray:
    """True for a pair that cannot begin a rivalry: two democracies (``joint_democracy``) bound by a shared security agreement of any
    obligation (``shared_agreement``: an alliance, a pledge of non-aggression or consultation, a security organisation), Deutsch's
    (1957) pluralistic security community of democracies with dense institutional ties (Adler & Barnett 1998); the record has no
    rivalry onset among them, 1816-2010 (module docstring).

    Examples
    --------
    >>> security_community([True, True, False], [True, False, True]).tolist()
    [True, False, False]
    """
    return np.asarray(joint_democracy, dtype=bool) & np.asarray(shared_agreement, dtype=bool)


def shared_rival(rivalry) -> np.ndarray:
    """True for each pair ``(i, j)`` that has a strategic rival in common: a third state ``k`` rival of both (``(R R)_ij > 0``).

    Diehl & Goertz's (2000, ch. 12) linkages between rivalries, in their simplest dyadic form: the pair's rivalries
    share an enemy. ``rivalry`` is the symmetric (n, n) bool matrix of the rivalries in force (diagonal False); the
    result is symmetric with a False diagonal. The count of common rivals is ``(R R)_ij``, a path of length two in the
    rivalry graph. Measured on the record (``foedus.analysis.rivalry``, ``tools/rivalry_fit.py``), not in the
    simulator's hazard (module docstring: supported by the record, not carried).

    Examples
    --------
    >>> r = np.zeros((4, 4), bool); r[0, 2] = r[2, 0] = r[1, 2] = r[2, 1] = True  # 0 and 1 are both rivals of 2
    >>> shared_rival(r).astype(int).tolist()
    [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    """
    r = np.asarray(rivalry, dtype=bool)
    if r.ndim != 2 or r.shape[0] != r.shape[1]:
        raise ValueError(f"rivalry must be a square matrix, got shape {r.shape}")
    m = r.astype(np.int32)
    out = (m @ m) > 0
    np.fill_diagonal(out, False)
    return out


def regime_shift(regime_i, regime_j, reference_i, reference_j) -> np.ndarray:
    """The larger of ``|regime_i - reference_i|`` and ``|regime_j - reference_j|``: how far either state's democracy score (0–1) has moved from its recent past (:func:`regime_reference`), Goertz & Diehl's (1995) political shock of regime change.

    Examples
    --------
    >>> float(regime_shift(0.8, 0.3, 0.2, 0.3))  # a democratic transition in one state
    0.6000000000000001
    """
    return np.maximum(np.abs(np.asarray(regime_i, dtype=float) - np.asarray(reference_i, dtype=float)),
                      np.abs(np.asarray(regime_j, dtype=float) - np.asarray(reference_j, dtype=float)))


def regime_reference(previous, regime, *, memory: float) -> np.ndarray:
    """A state's memory of its democracy score after this year: ``memory * previous + (1 - memory) * regime`` (0–1).

    The exponentially discounted past against which :func:`regime_shift` measures a change (a
    lasting regime becomes the reference: its shift decays as ``memory^t``, so a transition is a
    shock for a few years, not for the rest of the rivalry). ``memory`` in [0, 1).
    """
    if not 0.0 <= memory < 1.0:
        raise ValueError(f"memory must lie in [0, 1), got {memory}")
    return memory * np.asarray(previous, dtype=float) + (1.0 - memory) * np.asarray(regime, dtype=float)


def geometric_median_duration(hazard) -> np.ndarray:
    """Median duration in years of a spell ending with a constant annual ``hazard`` in (0, 1]: the least ``t`` with ``(1 - hazard)^t <= 1/2``.

    The survival of a discrete-time constant hazard is geometric, ``S(t) = (1 - h)^t``, so the
    median is ``ceil(log(1/2) / log(1 - h))`` (1 for ``h >= 1/2``).

    Examples
    --------
    >>> int(geometric_median_duration(0.5)), int(geometric_median_duration(0.1))
    (1, 7)
    """
    h = np.asarray(hazard, dtype=float)
    if np.any((h <= 0) | (h > 1)):
        raise ValueError("hazard must lie in (0, 1]")
    with np.errstate(divide="ignore"):
        t = np.ceil(np.log(0.5) / np.log1p(-np.minimum(h, 1.0)) - 1e-12)
    return np.maximum(np.where(h >= 0.5, 1.0, t), 1.0)
