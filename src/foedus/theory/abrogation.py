"""Abrogation: who ends a treaty, and whether for all (brief P5; Leeds & Savun 2007, Walt 1997, Snyder 1997).

The causes of abrogation beside the hazard's terms of :mod:`foedus.theory.persistence`: which new pact counts as a
member's realignment (:func:`realigning_pledges`), the exposure of a treaty several of whose members changed regime
(:func:`regime_abrogation`), and whether a drawn ending ends the treaty for every member (:func:`ends_the_whole_treaty`).
Pure functions of arrays; the simulator's alliance politics (:mod:`foedus.sim.steps.politics`,
:mod:`foedus.sim.steps.dissolution`) calls them.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.cohesion import LABEL_THRESHOLD
from foedus.theory.persistence import regime_inputs

__all__ = ["conflicting_treaties", "ends_the_whole_treaty", "incompatible_pledges", "institutional_hold", "realigning_pledges", "recorded_regime_memory", "regime_abrogation", "regime_transition", "tethered",
           "threat_within", "threat_within_abrogation", "threat_within_term", "threatened_member"]


def realigning_pledges(commitment, third_party, target) -> np.ndarray:
    r"""Which treaty ``b`` would realign a member of treaty ``a`` (the new pact with a partner's adversary): (A, A) bool, ``[b, a]``.

    .. math:: R_{ba} = P_b\,[c_b \ge c_a]\,\lnot\,[t_b = t_a \ge 0]

    Snyder (1997) calls realignment a member's shift to its ally's opponent: a military commitment to the other side, the
    pledge to fight (or to help fight) that an alliance is. A member of treaty ``a`` that allies with an adversary of a
    fellow member (:func:`foedus.theory.persistence.realignment`, :func:`foedus.theory.persistence.adversaries`) has realigned only when the new treaty ``b``

    - is a military commitment against a third party (:math:`P_b`, :func:`foedus.theory.persistence.has_third_party_purpose`: it pledges defence
      or offence): a pledge of neutrality, non-aggression or consultation with an adversary manages that rivalry, it does
      not change sides (tethering and hedging, Weitsman 2004): Italy's neutrality accord with France of 1902 did not end
      the Triple Alliance, renewed that year, nor did Russia's and China's pledges to third states end their treaty of 2001;
    - pledges at least as much as ``a`` (:math:`c_b \ge c_a`, the commitment strength: a substitute for the old treaty,
      not a lesser accord; Leeds & Savun 2007 on outside alliances as alternatives);
    - is not written against ``a``'s own founding threat (:math:`t_b = t_a`, both known; a negative target is none): a
      member that joins the fellow member's adversary *against the enemy both treaties face* reinforces the old
      treaty's purpose (Austria-Hungary allying with Britain against Russia would not have ended the Dual Alliance,
      written against Russia).

    ``commitment`` (A,) the treaties' commitment strength (:func:`foedus.theory.capability.commitment_strength`),
    ``third_party`` (A,) bool, ``target`` (A,) int (the founding threat's index; negative: none known).

    >>> realigning_pledges([0.75, 0.75, 0.3, 0.75], [True, True, False, True], [5, 5, 7, 8]).astype(int).tolist()
    [[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 0, 0], [1, 1, 1, 0]]

    References
    ----------
    .. [1] Snyder, G. H. (1997). Alliance Politics. Cornell University Press.
    .. [2] Weitsman, P. A. (2004). Dangerous Alliances. Stanford University Press.
    .. [3] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    """
    c = np.asarray(commitment, dtype=float)
    p = np.asarray(third_party, dtype=bool)
    t = np.asarray(target)
    if c.ndim != 1 or p.shape != c.shape or t.shape != c.shape:
        raise ValueError(f"realigning_pledges: commitment, third_party and target must be (A,) alike, got {c.shape}, {p.shape}, {t.shape}")
    same_enemy = (t[:, None] == t[None, :]) & (t[:, None] >= 0)
    out = p[:, None] & (c[:, None] >= c[None, :]) & ~same_enemy
    np.fill_diagonal(out, False)
    return out


def regime_transition(regime, regime_reference, *, threshold: float) -> np.ndarray:
    r"""Each state's regime change if it is a transition, else 0: (N,), :math:`\Delta_i\,[\Delta_i \ge \tau]`, :math:`\Delta_i = |r_i - \bar r_i|`.

    Leeds & Savun (2007) and Leeds, Mattes & Vogel (2009) find abrogation after a *change* of a member's political
    institutions, a transition, not after the drift of a score: Polity IV codes a regime transition (``REGTRANS``) as a
    change of at least 3 points of its 21-point POLITY scale within three years (Marshall, Gurr & Jaggers 2014, the
    Polity IV users' manual), 3/20 = 0.15 of the 0-1 democracy scale. Smaller moves (a state's slow drift, or the
    diffusion of an ally's institutions in a run) are not a change of government's source of support; without the
    threshold every member of a thirty-state treaty drifting by 0.03 gave it a yearly abrogation chance of about a
    quarter (1 - (1 - 0.3 x 0.03)^30; world-2022 runs: Turkey left NATO "regime shifted" in 2024). ``threshold`` in [0, 1]; 0: every change counts.

    >>> regime_transition(np.array([0.8, 0.52, 0.2]), np.array([0.2, 0.5, 0.2]), threshold=0.15).round(2).tolist()
    [0.6, 0.0, 0.0]

    References
    ----------
    .. [1] Marshall, M. G., Gurr, T. R. & Jaggers, K. (2014). Polity IV Project: Political Regime Characteristics and
       Transitions, 1800-2013. Dataset Users' Manual. Center for Systemic Peace (``REGTRANS``).
    .. [2] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"regime_transition: threshold must lie in [0, 1], got {threshold}")
    d = np.abs(np.asarray(regime, dtype=float) - np.asarray(regime_reference, dtype=float))
    return np.where(d >= threshold, d, 0.0)


def regime_abrogation(members, regime, regime_reference, *, hazard: float) -> np.ndarray:
    r"""The yearly probability that some member of each treaty abrogates it for its own regime change: (A,).

    .. math:: P_a = 1 - \prod_{i \in a} (1 - h_d\,\Delta_i), \qquad \Delta_i = |r_i - \bar r_i|

    Leeds & Savun (2007) find a state more likely to abrogate an alliance after a change in its own political
    institutions (the unit of their account is the member's decision), and Leeds, Mattes & Vogel (2009) the commitments
    of a government whose source of support has changed less reliable. Each member whose regime changed abrogates
    independently with :math:`h_d \Delta_i` (``hazard`` :math:`h_d` in [0, 1], the yearly hazard of a full transition);
    a treaty ends, or loses a member, when any of them does. A treaty of six members five of whose regimes changed
    (the Warsaw Pact in 1989-90, V-Dem) is five times as exposed as one with a single transition, not once as in the
    largest change alone (:func:`foedus.theory.persistence.regime_change`, which this equals for a single changed member divided by ``hazard``).

    >>> regime_abrogation(np.array([[True, True, False], [True, False, True]]), np.array([0.8, 0.7, 0.2]),
    ...                   np.array([0.2, 0.2, 0.2]), hazard=0.5).round(3).tolist()
    [0.475, 0.3]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    .. [2] Leeds, B. A., Mattes, M. & Vogel, J. S. (2009). Interests, institutions, and the
       reliability of international commitments. American Journal of Political Science 53(2): 461-476.
    """
    m, r, r0 = regime_inputs("regime_abrogation", members, regime, regime_reference)
    if not 0.0 <= hazard <= 1.0:
        raise ValueError(f"regime_abrogation: hazard must lie in [0, 1], got {hazard}")
    stay = np.where(m, 1.0 - hazard * np.minimum(np.abs(r - r0), 1.0)[None, :], 1.0)
    return 1.0 - stay.prod(axis=1) if m.shape[1] else np.zeros(len(m))


def ends_the_whole_treaty(threat_gone, threat_lapse) -> np.ndarray:
    r"""Whether a treaty's drawn ending ends it for every member rather than being one member's abrogation: (K,) bool.

    .. math:: E = [\text{cause} = \text{threat gone}]\;[g \ge 1/2]

    A member abrogates for reasons of its own (its power, its regime, its new allies: :func:`abrogating_member`), and a
    treaty of more than two then continues among the rest. But when the threat the treaty was written against has gone
    (at least half lapsed, :func:`foedus.theory.persistence.threat_lapse`: the threshold at which :func:`foedus.theory.cohesion.dissolution_label`
    says "gone"), its purpose has gone for all its members at once: Walt (1997) names the disappearance of the threat as
    the first cause of an alliance's collapse, and the record's multilateral pacts whose adversary had gone were ended by
    their members together, not left one by one -- the Warsaw Pact by the protocol of Prague, 1 July 1991; SEATO by its
    council's decision in 1975 (dissolved 1977); CENTO in 1979. ``threat_gone`` (K,) bool: the drawn cause is the
    'threat gone' term; ``threat_lapse`` (K,) its :math:`g`.

    >>> ends_the_whole_treaty([True, True, False], [0.8, 0.3, 0.9]).tolist()
    [True, False, False]

    References
    ----------
    .. [1] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156-179.
    """
    return np.asarray(threat_gone, dtype=bool) & (np.asarray(threat_lapse, dtype=float) >= LABEL_THRESHOLD)


POLITY_MAJOR_TRANSITION = 6.0 / 20.0
"""A change in regime type on Polity's scale rescaled to 0-1: a move of at least 6 of its 21 POLITY points, Polity IV's *major*
transition (``REGTRANS`` +3 up, -2 down; Marshall, Gurr & Jaggers 2014); a move of 3 to 5 points is a *minor* one (+2)."""


def recorded_regime_memory(regime, memory, polity_shift, *, threshold: float) -> np.ndarray:
    r"""A state's memory of its regime at a run's start, from two records: (N,), in the units of ``regime`` (0-1).

    .. math:: \bar r_i = \begin{cases} \operatorname{clip}(r_i - \delta_i, 0, 1) & |\delta_i| \ge \max(\tau, \tau_P) \text{ and } |\delta_i| > |r_i - m_i| \\
              m_i & \text{otherwise} \end{cases}

    Leeds & Savun (2007) measure a member's change in political institutions on Polity's scale, as Leeds (2003) did
    between an alliance's formation and its invocation; Polity IV codes a regime transition (``REGTRANS``) as a move of
    at least 3 of its 21 points (Marshall, Gurr & Jaggers 2014), :math:`\tau` = 3/20 = 0.15 of its range rescaled to
    0-1, the threshold of :func:`regime_transition`. The simulator's regime is V-Dem's polyarchy, whose memory
    :math:`m_i` (the discounted past of the score, :func:`foedus.theory.rivalry.regime_reference`) misses transitions
    that change who rules without yet holding free elections: Turkey's move to a multi-party system in 1945-46
    (Polity2 -7 to 7, polyarchy 0.15 to 0.21), Iran's after the occupation of 1941 (-8 to 4). Where Polity records a
    transition (:math:`\delta_i`, the change of :math:`(\mathit{polity2}+10)/20` against its own discounted past)
    larger than the polyarchy's, the memory is placed so that the regime now differs from it by that transition, within
    the scale (clipped to [0, 1]); elsewhere the polyarchy's memory stands. Polity's record counts only where it is a
    change in regime type, Polity IV's *major* transition of at least 6 points (:math:`\tau_P` = 6/20 =
    :data:`POLITY_MAJOR_TRANSITION`, ``REGTRANS`` +3 or -2), as Siverson & Starr (1994) and Leeds & Savun (2007) read regime
    change: a minor move of 3 to 5 points inside the same type, unseen by the polyarchy, is no new regime (Italy in
    1900, Polity2 -4 to -1 as the crisis of the 1890s ended, polyarchy 0.28 to 0.31: record-built runs from 1900 had Italy
    leave the Triple Alliance's treaty with Romania that year, "regime changed", a treaty kept to 1914; face15, 2026-12).
    The polyarchy's own transitions are read at :math:`\tau` (:func:`regime_transition`). ``regime`` (N,) now,
    ``memory`` (N,) the polyarchy's memory (NaN: none), ``polity_shift`` (N,) :math:`\delta` (NaN: no Polity score),
    ``threshold`` :math:`\tau` in [0, 1].

    Examples
    --------
    Turkey in 1946 (a Polity transition of 0.70 the polyarchy barely saw), a state whose polyarchy moved more than its
    Polity score, one with no Polity score, one with a Polity drift below the threshold, Italy in 1900 (a minor transition):

    >>> recorded_regime_memory([0.208, 0.6, 0.3, 0.5, 0.307], [0.15, 0.2, 0.3, 0.5, 0.292], [0.70, 0.3, float("nan"), 0.1, 0.15],
    ...                        threshold=0.15).round(3).tolist()
    [0.0, 0.2, 0.3, 0.5, 0.292]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    .. [2] Leeds, B. A. (2003). Alliance reliability in times of war: explaining state decisions to violate treaties.
       International Organization 57(4): 801-827.
    .. [3] Marshall, M. G., Gurr, T. R. & Jaggers, K. (2014). Polity IV Project: Political Regime Characteristics and
       Transitions, 1800-2013. Dataset Users' Manual. Center for Systemic Peace (``REGTRANS``).
    .. [4] Siverson, R. M. & Starr, H. (1994). Regime change and the restructuring of alliances. *American Journal of
       Political Science* 38(1): 145-161.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"recorded_regime_memory: threshold must lie in [0, 1], got {threshold}")
    r = np.asarray(regime, dtype=float)
    m = np.asarray(memory, dtype=float)
    d = np.asarray(polity_shift, dtype=float)
    if not (r.shape == m.shape == d.shape):
        raise ValueError(f"recorded_regime_memory: regime, memory and polity_shift must have one shape, got {r.shape}, {m.shape}, {d.shape}")
    seen = np.where(np.isnan(m), 0.0, np.abs(r - m))
    # a change in regime type on Polity's record: a major transition (REGTRANS +3 or -2), never a minor move within a type
    use = np.isfinite(d) & np.isfinite(r) & (np.abs(np.nan_to_num(d)) >= max(threshold, POLITY_MAJOR_TRANSITION) - 1e-12) & (np.abs(np.nan_to_num(d)) > seen)
    return np.where(use, np.clip(r - np.nan_to_num(d), 0.0, 1.0), m)


def threat_within(members, main_threat) -> np.ndarray:
    r"""Which member of each treaty names a fellow member as its main threat: (A, N) bool, :math:`W_{ai} = [i \in a]\,[m_i \in a]\,[m_i \ne i]`.

    Leeds & Savun (2007) find alliances abrogated when the external threat environment that made them changes, and Walt
    (1997) names a shift in perceived threat the first cause of an alliance's collapse; the sharpest shift is a partner
    become the threat itself. Only a pledge to fight a third party (defence, offence) is hollowed so; a pledge of
    neutrality, non-aggression or consultation between rivals manages their rivalry (Weitsman 2004), and the caller keeps
    such treaties out. ``members`` (A, N) bool; ``main_threat`` (N,) int, each state's perceived main threat (an
    index into the states; negative: none).

    >>> threat_within([[True, True, False], [True, False, True]], [1, -1, 1]).tolist()
    [[True, False, False], [False, False, False]]
    """
    m = np.asarray(members, dtype=bool)
    t = np.asarray(main_threat)
    if m.ndim != 2 or t.shape != m.shape[1:]:
        raise ValueError(f"threat_within: members must be (A, N) and main_threat (N,), got {m.shape} and {t.shape}")
    named = t >= 0
    fellow = m[:, np.where(named, t, 0)] if m.size else m  # fellow[a, i] = m[a, t_i] (a column gather: 10x take_along_axis's speed)
    return m & fellow & (named & (t != np.arange(len(t))))[None, :]


def tethered(size, threat_lapse, has_target, common_to_rival=1.0) -> np.ndarray:
    r"""How far a treaty holds a member whose rival is a fellow member (tethering): :math:`\tau_{ai} = [|a| > 2]\,[t_a \text{ known}]\,(1 - g_a)\,\min(1, \rho_i)`.

    Weitsman (2004) finds that adversaries stay allied to restrain each other inside a larger alliance while the threat
    they face in common is large beside the threat they pose each other (Greece and Turkey in NATO; Austria-Hungary and
    Italy in the Triple Alliance), the alliance serving as a tether on the rival; where the common threat is slight beside
    the rival's, the rival is the threat that counts and the tether fails (Azerbaijan left the Collective Security Treaty
    in 1999, Armenia's ally Russia in it; Georgia left the CIS after its war with Russia in 2008). A member of a treaty of
    more than two (``size``) written against a common adversary (``has_target``: a founding threat known,
    :func:`foedus.theory.persistence.founding_threat`) is held in the share of that adversary's threat that remains
    (``threat_lapse`` :math:`g_a`, :func:`foedus.theory.persistence.threat_lapse`) times its threat to the member against
    the rival's (``common_to_rival`` :math:`\rho_i = T_{i, t_a} / T_{i, m_i}`, (A,) or (A, N)); a bilateral pact tethers no
    one (the rival is the whole alliance), nor does a treaty whose common adversary has gone. The product form is ours;
    the in-sample record bears out the tether: ATOP 5.1 defence-pact memberships with a Thompson-Dreyer strategic rival among
    the fellow members ended at 0.017 a year in the multilateral pacts of 1946-1989 (1,602 member-years, the Cold War's
    common threat) against 0.026 without one, and at 0.095 against 0.043 in those of 1816-1914, while the bilateral pacts
    of rivals ended at 0.125 against 0.038 and 0.149 against 0.073 (tests/theory/test_abrogation.py).

    >>> tethered([2, 5, 5, 5, 5], [0.0, 0.0, 0.75, 0.0, 0.0], [True, True, True, False, True], [1.0, 1.0, 1.0, 1.0, 0.5]).tolist()
    [0.0, 1.0, 0.25, 0.0, 0.5]

    References
    ----------
    .. [1] Weitsman, P. A. (2004). Dangerous Alliances: Proponents of Peace, Weapons of War. Stanford University Press.
    """
    n = np.asarray(size)
    g = np.clip(np.asarray(threat_lapse, dtype=float), 0.0, 1.0)
    held = np.where((n > 2) & np.asarray(has_target, dtype=bool), 1.0 - g, 0.0)
    rho = np.clip(np.nan_to_num(np.asarray(common_to_rival, dtype=float)), 0.0, 1.0)
    return held[:, None] * rho if rho.ndim == 2 else held * rho


def threat_within_abrogation(within, tether, *, hazard: float) -> np.ndarray:
    r"""The yearly probability that a member abrogates a treaty because a fellow member is its main threat: (A,).

    .. math:: P_a = 1 - \prod_{i \in a} \bigl(1 - h_w\,(1 - \tau_{ai})\,W_{ai}\bigr)

    Each member whose main threat is a fellow member (:func:`threat_within`, :math:`W`) abrogates independently at the
    yearly hazard ``hazard`` :math:`h_w` in [0, 1], less the share :math:`\tau_{ai}` the treaty tethers it (:func:`tethered`;
    Weitsman 2004): Leeds & Savun's (2007) change of the external threat environment, at the member's level as their
    account has it. :math:`h_w` is the excess yearly hazard the in-sample record shows for bilateral defence pacts
    between strategic rivals (ATOP 5.1 memberships, Thompson-Dreyer rivalries: 0.149 against 0.073 in 1816-1914, 0.125
    against 0.038 in 1946-1989; about 0.08).

    >>> threat_within_abrogation([[True, False, False], [True, True, False], [True, False, False]], [0.0, 0.0, 1.0],
    ...                          hazard=0.1).round(3).tolist()
    [0.1, 0.19, 0.0]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    .. [2] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156-179.
    .. [3] Weitsman, P. A. (2004). Dangerous Alliances. Stanford University Press.
    """
    w = np.asarray(within, dtype=bool)
    tau = np.asarray(tether, dtype=float)
    if w.ndim != 2 or tau.shape not in (w.shape[:1], w.shape):
        raise ValueError(f"threat_within_abrogation: within must be (A, N) and tether (A,) or (A, N), got {w.shape} and {tau.shape}")
    if not 0.0 <= hazard <= 1.0:
        raise ValueError(f"threat_within_abrogation: hazard must lie in [0, 1], got {hazard}")
    rate = hazard * (1.0 - np.clip(tau if tau.ndim == 2 else tau[:, None], 0.0, 1.0))
    return 1.0 - np.where(w, 1.0 - rate, 1.0).prod(axis=1)


def threat_within_term(other_hazard, probability, *, keep=1.0, held=1.0) -> np.ndarray:
    r"""The 'threat within' term of a treaty's yearly hazard: :math:`h_{tw} = P\,K\,S\,(1 - h)`, (A,).

    :math:`P` is :func:`threat_within_abrogation`, :math:`h` the sum of the hazard's other terms (at most 1),
    :math:`K = 1 - \omega I` (institutions) and :math:`S = 1 - \sigma s` (democratic commitment) the damping every term has
    (:func:`foedus.theory.persistence.circumstance_terms`): an independent further cause, so the total stays at most 1.

    >>> threat_within_term([0.0, 0.5], [0.2, 0.2], keep=[1.0, 0.5]).round(3).tolist()
    [0.2, 0.05]
    """
    h = np.clip(np.asarray(other_hazard, dtype=float), 0.0, 1.0)
    return np.asarray(probability, dtype=float) * np.asarray(keep, dtype=float) * np.asarray(held, dtype=float) * (1.0 - h)


def threatened_member(within, threat_from_within) -> np.ndarray:
    r"""Which member of each treaty abrogates it for a threat within: the member most exposed to a fellow member, (K,) int.

    :math:`\arg\max_i W_{ai}\,x_{ai}` (:func:`threat_within`; ``threat_from_within`` (K, N) each member's exposure, e.g.
    its untethered hazard): the state whose threat environment changed leaves (Leeds & Savun 2007), not its rival.
    Rows without such a member give their first column (the caller passes only rows that have one).

    >>> threatened_member([[True, True, False]], [[0.2, 0.5, 0.9]]).tolist()
    [1]
    """
    w = np.asarray(within, dtype=bool)
    return np.where(w, np.asarray(threat_from_within, dtype=float), -np.inf).argmax(axis=1)


MULTILATERAL_PROTECTION_RECORD = 0.96
r"""The in-sample record's estimate of :func:`institutional_hold`'s :math:`\omega`: ATOP 5.1 defence and offence pacts of more
than six members (Olson's large groups), 1816-1914 and 1946-1989, each era its own baseline (see :func:`institutional_hold`)."""


def institutional_hold(size, assets, *, protection: float, larger_than: int = 6) -> np.ndarray:
    r"""The share of a treaty's abrogation hazard left by its institutions when a member's exit leaves an organisation that goes on: (A,).

    .. math:: K_a = 1 - \omega\,I_a\,[|a| > n_u]

    A member that abrogates a large multilateral treaty leaves an organisation that goes on without it: it gives up its
    voice in the council and the command, the common infrastructure and plans it paid for, and its standing with every
    remaining member at once, while the others keep the assets (Wallander 2000 on NATO after 1989; Keohane 1984 on sunk
    institutional costs). Leeds & Savun (2007) model abrogation as a member's opportunistic choice when the terms of the
    bargain change; institutions raise its cost. Where a member's exit ends the treaty for all -- a bilateral pact, or an
    intermediate group of at most :math:`n_u` members (``larger_than``, the model's ``unravel_max_members``: Olson 1965,
    :func:`foedus.theory.unravelling.unravels`) -- there is no organisation left to stay in, and the record shows no
    protection. In ATOP 5.1's defence and offence pacts (Leeds & Anac 2005's ``milinst``, 0-2, halved as :math:`I`), the
    Poisson likelihood of the membership hazard :math:`h_e (1 - \omega I)`, a baseline :math:`h_e` for each in-sample era,
    gives for the pacts of more than six members :math:`\omega` = 0.96 (profile 95 % interval 0.83 to 1.00;
    1946-1989: 0.024, 0.011 and 0.001 a member-year at levels 0, 1, 2 over 902, 1,949 and 1,127 member-years, the one
    level-2 exit Albania's from the Warsaw Pact, 1968; :data:`MULTILATERAL_PROTECTION_RECORD`), for those of three to six
    :math:`\omega` = -0.06 (-0.80 to 0.39: none) and for the bilateral pacts -1.2 (their level-2 memberships ended faster),
    as Bennett (1997) found no protection of alliances' duration overall. No state has left NATO; Greece left its
    integrated command only (1974-1980), France likewise (1966-2009). ``size`` (A,) the members, ``assets`` (A,) the
    institutional assets in [0, 1] (:func:`foedus.theory.integration.institutional_assets`), ``protection`` :math:`\omega`
    in [0, 1].

    >>> institutional_hold([2, 6, 7, 12, 12], [1.0, 1.0, 1.0, 0.5, 0.0], protection=0.96).round(3).tolist()
    [1.0, 1.0, 0.04, 0.52, 1.0]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate agreements? Journal of Politics
       69(4): 1118-1132.
    .. [2] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold War. International
       Organization 54(4): 705-735.
    .. [3] Leeds, B. A. & Anac, S. (2005). Alliance institutionalization and alliance performance. International
       Interactions 31(3): 183-202.
    .. [4] Olson, M. (1965). The Logic of Collective Action. Harvard University Press.
    .. [5] Bennett, D. S. (1997). Testing alternative models of alliance duration, 1816-1984. American Journal of
       Political Science 41(3): 846-878.
    """
    if not 0.0 <= protection <= 1.0:
        raise ValueError(f"institutional_hold: protection must lie in [0, 1], got {protection}")
    n = np.asarray(size)
    i = np.clip(np.nan_to_num(np.asarray(assets, dtype=float)), 0.0, 1.0)
    if n.shape != i.shape:
        raise ValueError(f"institutional_hold: size and assets must have one shape, got {n.shape} and {i.shape}")
    return np.where(n > max(int(larger_than), 2), 1.0 - protection * i, 1.0)


def incompatible_pledges(members, entry, third_party, target, enemies, target_lapse=None) -> np.ndarray:
    r"""Which member of each treaty has since made a pledge incompatible with it: (A, N) bool, :math:`X_{ai}`.

    .. math:: X_{ai} = [i \in a]\;\exists b:\; [i \in b]\,[e_{bi} > e_{ai}]\,C_{ba}\,[t_b \ne i]

    A state cannot pledge to defend a partner and, later, pledge to fight beside that partner's enemy: Leeds (2003) reads
    an alliance as a set of obligations a state keeps or violates, and counts conflicting commitments among the causes of
    violation; Leeds & Savun (2007) find that a member which forms an alliance with an outside state -- a change of its
    external alternatives -- abrogates its earlier treaty; Snyder (1997) calls the new pledge realignment. The later pledge
    ``b`` ends the earlier ``a`` for member ``i`` when ``i`` entered ``b`` after it entered ``a`` (:math:`e`, the entry
    years: the newer pledge is the state's present policy) and the two conflict (:func:`conflicting_treaties`: both pledge
    to fight a third party, not the same one, and ``b`` is aimed at a fellow member of ``a`` or holds its enemy).

    The record's Soviet-bloc bilaterals (ATOP 3560 Bulgaria, 3625 Czechoslovakia, 3630 Romania with the USSR) lapsed in
    1991-1992, before their members joined NATO, the alliance of their partner's adversaries. ``members`` (A, N)
    bool, ``entry`` (A, N) int (entry years; ignored outside the members), ``third_party`` (A,) bool, ``target`` (A,) int
    (negative: none), ``enemies`` (N, N) bool (``enemies[k, j]``: ``j`` is ``k``'s enemy), ``target_lapse`` (A,) the lapse
    of each treaty's founding threat (None: not known).

    >>> m = np.array([[1, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1]], bool)   # a: {0, 1}; b: {0, 2} aimed at 1; c: {1, 3}
    >>> e = np.array([[1970, 1970, -1, -1], [2004, -1, 2004, -1], [1990, -1, -1, 1990]])
    >>> incompatible_pledges(m, e, [True, True, True], [-1, 1, -1], np.zeros((4, 4), bool)).astype(int).tolist()
    [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]

    References
    ----------
    .. [1] Leeds, B. A. (2003). Alliance reliability in times of war: explaining state decisions to violate treaties.
       International Organization 57(4): 801-827.
    .. [2] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate agreements? Journal of Politics
       69(4): 1118-1132.
    .. [3] Snyder, G. H. (1997). Alliance Politics. Cornell University Press.
    """
    m = np.asarray(members, dtype=bool)
    e = np.asarray(entry)
    t = np.asarray(target)
    if m.ndim != 2 or e.shape != m.shape:
        raise ValueError(f"incompatible_pledges: members and entry must be (A, N) alike, got {m.shape} and {e.shape}")
    conflict = conflicting_treaties(m, third_party, t, enemies, target_lapse)
    bs, as_ = np.nonzero(conflict)  # the few pairs in conflict, all at once
    who = m[as_] & m[bs] & (e[bs] > e[as_])
    who[np.arange(len(bs)), np.maximum(t[bs], 0)] &= t[bs] < 0  # the target of b is not the one breaking with itself
    hits = np.zeros(m.shape, dtype=np.int32)
    np.add.at(hits, as_, who.astype(np.int32))
    return hits > 0


def conflicting_treaties(members, third_party, target, enemies, target_lapse=None) -> np.ndarray:
    r"""Which treaty ``b`` is incompatible with treaty ``a``, for a member of both: (A, A) bool, ``[b, a]``.

    .. math:: C_{ba} = [b \ne a]\,[a \cap b \ne \emptyset]\,P_a P_b\,\lnot[t_a = t_b \ge 0]\,\bigl([t_b \in a]\,[g_b < \tfrac12] \lor
              \exists k \in a, j \in b \setminus a: E_{kj}\bigr)

    The treaty-level part of :func:`incompatible_pledges` (which adds the order of entry): ``b`` shares a member with ``a``,
    both pledge to fight a third party (:math:`P`, :func:`foedus.theory.persistence.has_third_party_purpose`: a pledge of
    neutrality, non-aggression or consultation with a partner's enemy hedges, it does not change sides; Weitsman 2004), not
    the same one (:math:`t_a = t_b`: two pacts against one enemy reinforce each other, as in :func:`realigning_pledges`), and
    ``b`` is aimed at a member of ``a`` -- its founding threat, less than half lapsed (``target_lapse`` :math:`g_b`,
    :func:`foedus.theory.persistence.threat_lapse`; the threshold of the 'threat gone' label: the Brussels Treaty of 1948
    against Germany was aimed at it no more once the Federal Republic joined its union in 1954) -- or holds an enemy ``j``
    of a member ``k`` of ``a`` (``enemies`` :math:`E_{kj}`, a state outside ``a``: pledged to fight beside the state a
    partner may have to be defended against; Leeds 2003). Unlike a realignment (:func:`realigning_pledges`) the new pledge
    need not be as strong as the old: any pledge to fight beside a partner's enemy contradicts the pledge to defend the
    partner. ``target_lapse`` (A,) None: no lapse known (every target counts).

    >>> m = np.array([[1, 1, 0], [1, 0, 1]], bool)
    >>> enemies = np.zeros((3, 3), bool); enemies[1, 2] = True
    >>> conflicting_treaties(m, [True, True], [-1, -1], enemies).astype(int).tolist()
    [[0, 0], [1, 0]]
    >>> conflicting_treaties(m, [True, True], [-1, 1], np.zeros((3, 3), bool), [0.0, 0.6]).astype(int).tolist()
    [[0, 0], [0, 0]]
    """
    m = np.asarray(members, dtype=bool)
    p = np.asarray(third_party, dtype=bool)
    t = np.asarray(target)
    en = np.asarray(enemies, dtype=bool)
    n_a = m.shape[0] if m.ndim == 2 else -1
    if m.ndim != 2 or p.shape != (n_a,) or t.shape != (n_a,) or en.shape != (m.shape[1], m.shape[1]):
        raise ValueError(f"conflicting_treaties: members must be (A, N), third_party and target (A,), enemies (N, N), got "
                         f"{m.shape}, {p.shape}, {t.shape}, {en.shape}")
    if not n_a or not m.shape[1]:
        return np.zeros((n_a, n_a), dtype=bool)
    mi = m.astype(np.int32)
    shared = (mi @ mi.T) > 0  # [b, a]: the treaties have a member in common
    np.fill_diagonal(shared, False)
    shared &= p[:, None] & p[None, :] & ~((t[:, None] == t[None, :]) & (t[:, None] >= 0))
    if not shared.any():
        return shared
    live = (t >= 0) if target_lapse is None else (t >= 0) & (np.nan_to_num(np.asarray(target_lapse, dtype=float), nan=1.0) < LABEL_THRESHOLD)
    aimed = live[:, None] & m[:, np.maximum(t, 0)].T  # [b, a]: b's founding threat, still present, is a member of a
    threats = ((mi @ en.astype(np.int32)) > 0) & ~m  # [a, j]: j, outside a, is an enemy of a member of a
    allies_enemy = (mi @ threats.T.astype(np.int32)) > 0  # [b, a]: b holds such a j
    return shared & (aimed | allies_enemy)
