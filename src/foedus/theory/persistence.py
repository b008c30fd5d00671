"""Why alliances persist or end: the threat a treaty was written against (brief P5).

- :func:`threat_lapse`: how much of the threat that motivated a treaty is gone since its signature (or since the run's
  start, for a treaty in force then): 0 while the threat is as large as it was or larger, 1 once the adversary is gone;
- :func:`founding_threat`: the adversary a pact is against, when its text does not name one: the outsider that threatens
  its members most on average (the common threat), and how much;
- :func:`founding_members`: the members that signed a treaty (entered in its first year), whose common threat it was
  written against (an inherited treaty's founding threat is theirs, not that of members who joined since);
- :func:`adapted_lapse`: the share of the lapse an institutionalised treaty does not absorb by adapting to the new
  threat (Wallander 2000; McCalla 1996): a threat that has faded ends it less readily, one entirely gone as readily;
- :func:`named_threat_at_signing`: the reference of a named adversary first measured after its treaty's signature (a
  treaty a run inherits): at least the members' common main threat then, so an adversary already defeated has lapsed;
- :func:`democratic_commitment`: how far a treaty's members can bind their successors (Gaubatz 1996): the democracy of its
  least democratic member, which damps every term of the hazard;
- :func:`has_third_party_purpose`: whether a treaty's purpose is a third party at all (a defence or
  offence pledge) or the relation between its own members (neutrality, non-aggression, consultation);
- :func:`renewal_probability`: whether a treaty with a stated term is renewed when the term ends
  (ATOP ``speclgth``, ``length``, ``renewlgt``; Koremenos 2005): certain for a term that renews unless a member
  gives notice (ATOP ``proren`` 2), nil for a treaty made until an event now come (a war's end); :func:`term_end_after`,
  when the term of a treaty in force ends next; :func:`survival_with_terms`, the survivor function of a treaty under a
  constant yearly hazard and a renewal at each term's end (the analytic law the simulator's process is held to).

:func:`foedus.theory.cohesion.dissolution_terms` turns the lapse into the "threat gone" term of
an alliance's yearly dissolution hazard.

Published form vs ours
----------------------
Walt (1997: 158) names the first cause of alliance collapse "changing perceptions of threat": "alliances are formed to
deal with a particular threat, and when it fades or vanishes the alliance loses its raison d'être"; Leeds & Savun
(2007) find treaties abrogated when the circumstances of their signature change (power, regime, external threat), and
Bennett (1997) finds the capability-aggregation (threat) account of duration supported alongside security-autonomy.
The lapse is measured the way ATOP records a treaty's motive: the states its text names as the threat (``statthr1``,
``statthr2``; Leeds et al. 2002), and for a pact the model forms, its members' common main threat at signature. The
linear share is our form; that a treaty whose adversary is gone ends at the hazard of a lapsed treaty (and one whose
adversary is as threatening as at signature is not ended by this cause) is the published claim the tests hold it to.

Every function broadcasts over arrays; bad input raises :class:`ValueError` naming the function,
the argument and the reason.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked
from foedus.theory.cohesion import cohesion_retained
from foedus.theory.founding import (  # re-exported: split there
    _least_threat,  # noqa: F401 (persistence's name for it)
    adapted_lapse,
    founding_members,
    founding_threat,
    named_threat_at_signing,
    threat_lapse,
)
from foedus.theory.treaty_terms import (  # re-exported
    has_third_party_purpose,
    survival_with_terms,
    term_end_after,
)

__all__ = [
    "abrogating_member",
    "adapted_lapse",
    "adversaries",
    "circumstance_terms",
    "democratic_commitment",
    "founding_members",
    "founding_threat",
    "has_third_party_purpose",
    "named_threat_at_signing",
    "realignment",
    "regime_change",
    "renewal_probability",
    "survival_with_terms",
    "term_end_after",
    "threat_lapse",
]


def abrogating_member(members, stake, share_change, by_power, regime_shift=None, by_regime=None) -> np.ndarray:
    r"""Which member of each multilateral treaty abrogates it (Leeds & Savun 2007): an index into the states.

    A treaty ends when a member abrogates it; in a treaty of more than two members, that member
    leaves and the others stay allied (ATOP codes the treaty as continuing among them). Leeds &
    Savun (2007) find abrogation by the member whose circumstances changed: when the treaty's
    cause is a power shift (``by_power`` True), the member whose capability share among the
    members moved most since it joined, :math:`\arg\max_i |\Delta s_i|` (Morrow 1991); otherwise
    the member with the least at stake in the treaty's founding threat now,
    :math:`\arg\min_i T_{i,\text{target}}` (Walt 1997: the threat has faded most for it), and,
    where the treaty has no founding threat (``stake`` NaN), again the member whose share moved
    most. Where the cause is a regime change (``by_regime`` True, with each state's ``regime_shift``
    :math:`|r_i - \bar r_i|`, :func:`regime_change`), the member whose regime changed most abrogates
    (Leeds & Savun 2007; Leeds, Mattes & Vogel 2009: the new government is not bound by its predecessor's
    choices). Ties go to the first member.

    Parameters
    ----------
    members : (K, N) bool
    stake : (K, N) float
        The founding threat's threat to each state now (NaN rows: no founding threat).
    share_change : (K, N) float
        :math:`|\Delta s_i|`, each member's change in capability share among the members.
    by_power : (K,) bool

    Returns
    -------
    (K,) int, a member of each row.

    >>> m = np.array([[True, True, True, False]])
    >>> abrogating_member(m, np.array([[.3, .1, .2, .9]]), np.array([[0., .2, .1, 0.]]), np.array([False])).tolist()
    [1]
    >>> abrogating_member(m, np.full((1, 4), np.nan), np.array([[0., .1, .2, 0.]]), np.array([False])).tolist()
    [2]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118–1132.
    .. [2] Morrow, J. D. (1991). Alliances and asymmetry. American Journal of Political Science 35(4): 904–933.
    """
    m = np.asarray(members, dtype=bool)
    stake = np.asarray(stake, dtype=float)
    dv = np.asarray(share_change, dtype=float)
    by_power = np.asarray(by_power, dtype=bool)
    if m.ndim != 2 or stake.shape != m.shape or dv.shape != m.shape or by_power.shape != m.shape[:1]:
        raise ValueError(f"abrogating_member: members, stake and share_change must be (K, N) and by_power (K,), got {m.shape}, {stake.shape}, {dv.shape}, {by_power.shape}")
    if not m.any(axis=1).all():
        raise ValueError("abrogating_member: every treaty needs a member")
    power_pick = np.where(m, np.abs(dv), -np.inf).argmax(axis=1)
    threat_pick = np.where(m, -stake, -np.inf).argmax(axis=1)
    no_threat = np.isnan(np.where(m, stake, 0.0)).any(axis=1)
    pick = np.where(by_power | no_threat, power_pick, threat_pick)
    if by_regime is None:
        return pick
    shift = np.broadcast_to(np.asarray(regime_shift, dtype=float), m.shape)
    regime_pick = np.where(m, shift, -np.inf).argmax(axis=1)
    return np.where(np.asarray(by_regime, dtype=bool) & ~np.asarray(by_power, dtype=bool), regime_pick, pick)


def renewal_probability(cohesion, threat_lapse, capability_change, *, change_weight: float, cohesion_at_formation=None,
                        institutionalisation=0.0, institution_weight: float = 0.0, solidarity=0.0, solidarity_weight: float = 0.0,
                        lapse_institution_weight: float | None = None, general_assets=0.0, third_party=True,
                        automatic=False, event_bound=False, notice_share: float = 0.0, unaimed_cohesion_weight: float = 1.0,
                        check: bool = True) -> np.ndarray:
    r"""Probability that a treaty whose stated term ends this year is renewed: :math:`1 - (1 - \tilde c\,(1 - g)\,e^{-\lambda|\Delta p|})(1 - \omega I)(1 - \sigma S)`.

    Many treaties state a term (ATOP 5.1 ``speclgth``, ``length``: 21 % of the alliances begun
    1815-1914, median 5 years; 53 % of those begun 1946-1989, median 20; 75 % of those begun
    1990-2018, median 10) and end at it unless their members renew it. A finite term with
    renewal is the design states choose under uncertainty: it lets them re-contract when the
    circumstances change (Koremenos 2005). At the term's end the members decide afresh, and they
    renew what still serves the purpose it was signed for (Leeds & Savun 2007: treaties end when
    the circumstances of their signature change in power, in the members' interests, or in the
    external threat). The probability is the share of that purpose that remains, as in
    :func:`foedus.theory.cohesion.dissolution_terms`: the cohesion relative to signature
    :math:`\tilde c = 1 - \max(c_0 - c, 0)` (:func:`foedus.theory.cohesion.cohesion_retained`; ``cohesion_at_formation`` :math:`c_0`, NaN or None:
    :math:`c` as it is), the founding threat still present (:math:`1 - g`, :func:`threat_lapse`)
    and the distribution of capability unchanged (:math:`e^{-\lambda|\Delta p|}`; Morrow 1991);
    institutions (:math:`I`, ATOP's military institutionalisation halved) remove the share
    :math:`\omega I` of the chance of lapsing, as they do of the yearly hazard (Wallander 2000), and
the democratic commitment of the members (:math:`S`, :func:`democratic_commitment`, weight :math:`\sigma`) the
    share :math:`\sigma S`, as it damps every term of that hazard (Gaubatz 1996). Where the founding threat is gone,
    institutions protect only with their general assets (Wallander 2000, as the 'threat gone' term of the hazard):
    :math:`\omega` becomes :math:`\omega - (\omega - \omega_g)(1 - a)\,g` (``lapse_institution_weight``
    :math:`\omega_g`, None: :math:`\omega`; ``general_assets`` :math:`a` in [0, 1]), so the bases and commands of a
    coalition against an enemy now defeated do not keep it (the Azores agreements, the Anglo-Soviet treaty).
    A treaty renewed continues as the same alliance, as ATOP codes it (the Triple Alliance of
    1882, renewed in 1887, 1891, 1902 and 1912, is one alliance, atopid 1350, to 1918).

    A term that renews automatically (``automatic`` True: ATOP ``proren`` 2, the treaty continues unless a member gives
    notice) makes continuation the default (Koremenos 2005), but its end is the moment a member may leave without
    breaking its word (Leeds & Savun 2007 separate an ending at the scheduled end from an abrogation): the chance of
    lapsing is the share :math:`\nu` (``notice_share``) of a decision afresh's, :math:`p_{auto} = 1 - \nu\,(1 - p)`;
    :math:`\nu = 0`: it never lapses (it ends only by the yearly hazard of :func:`foedus.theory.cohesion.dissolution_terms`),
    :math:`\nu = 1`: as one renewed by agreement. In ATOP 5.1 (in-sample eras) 19 of the 85 treaties with a tacitly renewed
    term that reached its first end ended within a year of it, 22 % against about 5 % from their yearly hazard between
    term ends (2.7 %, 1946-1989); 6 of the 7 renewed by agreement did (86 %): :math:`\nu \approx (0.22-0.05)/(0.86-0.05) \approx 0.2`.
    A treaty renewed by agreement survives each term's end with probability :math:`p`:
    :math:`S(t) = (1-h)^t\,p^{\lfloor t/T \rfloor}` (:func:`survival_with_terms`). A treaty whose term is an event (``event_bound`` True: made for a war, to last until
    it ends; ATOP ``speclgth`` 2) is not renewed when the event comes: its provisions are fulfilled (ATOP 5.1: 16 of
    the 20 wartime alliances begun 1815-1914 ended so, median 2 years; Leeds et al. 2002), probability 0; allies who
    want to stay allied sign a new treaty.

    Our form; the published claims the tests hold it to: a treaty whose circumstances are as at
    signature is renewed, one whose founding threat is gone lapses (without institutions).

    Parameters
    ----------
    cohesion, threat_lapse : array_like in [0, 1]
    capability_change : array_like, >= 0
        :math:`|\Delta p|`, as in :func:`foedus.theory.cohesion.dissolution_hazard`.
    change_weight : float, >= 0
        :math:`\lambda`.
    cohesion_at_formation : array_like, optional
    institutionalisation : array_like in [0, 1]
    institution_weight : float in [0, 1]
    solidarity : array_like in [0, 1]
    solidarity_weight : float in [0, 1]
    lapse_institution_weight : float in [0, 1] or None
    general_assets : array_like in [0, 1]
    third_party : array_like of bool
        As in :func:`foedus.theory.cohesion.dissolution_terms`: where False (no defence or offence pledge) a third
        party's lapse does not count.
    automatic : array_like of bool
        The term renews unless a member gives notice (ATOP ``proren`` 2): probability :math:`1 - \nu(1 - p)`.
    notice_share : float in [0, 1]
        :math:`\nu`, the share of the chance of lapsing that a tacitly renewed term keeps (0: it never lapses).
    unaimed_cohesion_weight : float in [0, 1]
        Where ``third_party`` is False, the weight of the cohesion lost (:func:`foedus.theory.cohesion.dissolution_terms`).
    event_bound : array_like of bool
        The term is an event, now come (a war's end): probability 0.

    Returns
    -------
    ndarray in [0, 1].

    >>> renewal_probability([1.0, 0.5, 0.9], [0.0, 0.0, 1.0], 0.0, change_weight=1.0, cohesion_at_formation=[1.0, 1.0, 0.9]).tolist()
    [1.0, 0.5, 0.0]
    >>> renewal_probability([0.5, 0.5], [1.0, 1.0], 0.0, change_weight=1.0, automatic=[False, True]).tolist()
    [0.0, 1.0]
    >>> renewal_probability([0.5, 0.5], [1.0, 1.0], 0.0, change_weight=1.0, automatic=[False, True], notice_share=0.25).tolist()
    [0.0, 0.75]
    >>> renewal_probability([1.0, 1.0], [0.0, 0.0], 0.0, change_weight=1.0, event_bound=[True, False]).tolist()
    [0.0, 1.0]
    >>> renewal_probability([0.5, 0.5], [1.0, 1.0], 0.0, change_weight=1.0, institutionalisation=1.0, institution_weight=0.8,
    ...                     lapse_institution_weight=0.0, general_assets=[0.0, 1.0]).round(3).tolist()
    [0.0, 0.8]

    References
    ----------
    .. [1] Koremenos, B. (2005). Contracting around international uncertainty. American
       Political Science Review 99(4): 549-565.
    .. [2] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    .. [3] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance treaty
       obligations and provisions, 1815-1944. International Interactions 28(3): 237-260.
    .. [4] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold
       War. International Organization 54(4): 705-735.
    """
    f = "renewal_probability"
    c = _checked(cohesion, "cohesion", f, lo=0.0, hi=1.0, check=check)
    g = _checked(threat_lapse, "threat_lapse", f, lo=0.0, hi=1.0, check=check)
    dp = _checked(capability_change, "capability_change", f, lo=0.0, check=check)
    lam = float(_checked(change_weight, "change_weight", f, lo=0.0, check=check))
    inst = _checked(institutionalisation, "institutionalisation", f, lo=0.0, hi=1.0, check=check)
    w = float(_checked(institution_weight, "institution_weight", f, lo=0.0, hi=1.0, check=check))
    sol = _checked(solidarity, "solidarity", f, lo=0.0, hi=1.0, check=check)
    sw = float(_checked(solidarity_weight, "solidarity_weight", f, lo=0.0, hi=1.0, check=check))
    wg = w if lapse_institution_weight is None else float(_checked(lapse_institution_weight, "lapse_institution_weight", f, lo=0.0, hi=1.0, check=check))
    a = _checked(general_assets, "general_assets", f, lo=0.0, hi=1.0, check=check)
    if cohesion_at_formation is not None:
        c0 = np.asarray(cohesion_at_formation, dtype=float)
        c, c0 = _broadcast(f, cohesion=c, cohesion_at_formation=c0, check=check)
        c = cohesion_retained(c, c0)  # NaN: no reference
    tp = np.asarray(third_party, dtype=bool)
    c, g, dp, inst, sol, a, tp = _broadcast(f, cohesion=c, threat_lapse=g, capability_change=dp, institutionalisation=inst, solidarity=sol,
                                            general_assets=a, third_party=tp, check=check)
    g = np.where(tp, g, 0.0)  # no third-party purpose: no third party's lapse to end it
    c = np.where(tp, c, 1.0 - float(_checked(unaimed_cohesion_weight, "unaimed_cohesion_weight", f, lo=0.0, hi=1.0, check=check)) * (1.0 - c))
    lapse = 1.0 - c * (1.0 - g) * np.exp(-lam * dp)
    w_eff = w - (w - wg) * (1.0 - a) * g  # Wallander 2000: assets specific to a threat now gone keep nothing
    p = 1.0 - lapse * (1.0 - w_eff * inst) * (1.0 - sw * sol)
    auto = np.asarray(automatic, dtype=bool)
    nu = float(_checked(notice_share, "notice_share", f, lo=0.0, hi=1.0, check=check))
    p = np.where(auto, 1.0 - nu * (1.0 - p), p) if auto.any() else p  # tacit renewal: continuation the default, notice at term's end
    done = np.asarray(event_bound, dtype=bool)
    return np.where(done, 0.0, p) if done.any() else p  # made for an event now come: fulfilled (ATOP speclgth 2)


def democratic_commitment(members, regime) -> np.ndarray:
    r"""The democracy of each treaty's least democratic member, :math:`D_a = \min_{i \in a} r_i` (0 without members).

    Gaubatz (1996) argues that democracies' international commitments are more durable: their
    foreign policy preferences are stable across changes of government (a broad selectorate), and
    their leaders bind their successors through the rule of law and audience costs; Reed (1997)
    confirms that alliances of democracies last longer, and Leeds, Mattes & Vogel (2009) that
    leadership change in a democracy does not raise the hazard of abrogation while a change in an
    autocracy's source of support does. A treaty is as durable as the commitment of its least
    committed member: the weakest-link measure (Dixon 1993; Oneal & Russett 1997). A pair of
    like autocracies is not protected by their likeness (regime similarity was the damping term
    before; 1816-1914 systems of near-identical autocracies then had the most durable pacts, the
    opposite of the record: ATOP 5.1's pacts begun 1816-1914 lasted a median of 4 years, those begun
    1990-2018 beyond the era).

    ``members`` (A, N) bool, ``regime`` (N,) in [0, 1] (the V-Dem polyarchy scale). Returns (A,).

    >>> democratic_commitment(np.array([[True, True, False], [False, True, True]]), np.array([0.9, 0.8, 0.1])).tolist()
    [0.8, 0.1]

    References
    ----------
    .. [1] Gaubatz, K. T. (1996). Democratic states and commitment in international relations.
       International Organization 50(1): 109-139.
    .. [2] Reed, W. (1997). Alliance duration and democracy: an extension and cross-validation of
       "Democratic states and commitment in international relations". American Journal of
       Political Science 41(3): 1072-1078.
    .. [3] Leeds, B. A., Mattes, M. & Vogel, J. S. (2009). Interests, institutions, and the
       reliability of international commitments. American Journal of Political Science 53(2): 461-476.
    .. [4] Dixon, W. J. (1993). Democracy and the management of international conflict. Journal of
       Conflict Resolution 37(1): 42-68.
    """
    m = np.asarray(members, dtype=bool)
    r = np.asarray(regime, dtype=float)
    if m.ndim != 2 or r.shape != m.shape[1:]:
        raise ValueError(f"democratic_commitment: members must be (A, N) and regime (N,), got {m.shape} and {r.shape}")
    if not np.all((r >= 0) & (r <= 1)):
        raise ValueError("democratic_commitment: regime must lie in [0, 1]")
    low = np.where(m, r[None, :], np.inf).min(axis=1) if m.shape[1] else np.full(len(m), np.inf)
    return np.where(np.isfinite(low), low, 0.0)


def realignment(entered_here, entered_elsewhere, year, *, memory_years: float) -> np.ndarray:
    r"""Whether a treaty has a member that has since allied with an outsider: :math:`x_a = \max_{i \in a} [e'_i > e_{ai}]\,[y - e'_i < w]`.

    Leeds & Savun (2007) find that a state is more likely to abrogate an alliance after it has formed a new alliance
    with a state outside it: the new partner is an alternative that lowers the old treaty's value (the "sudden
    reversals" of multipolar Europe, brief D2; Snyder 1997 on alignment options). ``entered_here`` :math:`e_{ai}` is the
    year member ``i`` entered treaty ``a``, ``entered_elsewhere`` :math:`e'_i` the latest year it entered another treaty
    in force with a state outside ``a`` that is an adversary of a fellow member (:func:`adversaries`: a reversal, not a
    new pact inside the same camp) by a treaty that pledges at least as much (a substitute, not a lesser accord)
    (-1 or NaN: none); the new alignment counts for ``memory_years`` :math:`w`
    after it was made (the years in which the old treaty's fate is decided). Rows are treaties, columns states; a
    non-member's entries must be -1. Our indicator form of their covariate.

    Parameters
    ----------
    entered_here, entered_elsewhere : (A, N) array_like, years (-1: not a member / none)
    year : int
    memory_years : float, > 0

    Returns
    -------
    (A,) float in {0, 1}.

    >>> realignment([[1900, 1900, -1]], [[1905, -1, -1]], 1906, memory_years=5).tolist()
    [1.0]
    >>> realignment([[1900, 1900, -1]], [[1900, -1, -1]], 1906, memory_years=5).tolist()
    [0.0]
    >>> realignment([[1900, 1900, -1]], [[1901, -1, -1]], 1906, memory_years=5).tolist()
    [0.0]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    .. [2] Snyder, G. H. (1997). Alliance Politics. Cornell University Press.
    """
    e = np.asarray(entered_here, dtype=float)
    e2 = np.asarray(entered_elsewhere, dtype=float)
    if e.ndim != 2 or e2.shape != e.shape:
        raise ValueError(f"realignment: entered_here and entered_elsewhere must be (A, N) alike, got {e.shape} and {e2.shape}")
    if not memory_years > 0:
        raise ValueError("realignment: memory_years must be > 0")
    member = e >= 0
    later = member & (e2 > e) & (year - e2 < memory_years)  # NaN compares False: no new alignment
    return later.any(axis=1).astype(float) if e.shape[1] else np.zeros(len(e))


def adversaries(threat, *, share: float) -> np.ndarray:
    r"""Whom each state counts as an adversary: :math:`A_{kj} = [T_{kj} > 0]\,[T_{kj} \ge \theta \max_l T_{kl}]`, (N, N) bool.

    A state's adversaries are the states that threaten it nearly as much as its main threat does (Walt 1987), the share
    :math:`\theta` (``share``, in (0, 1]) of it. A member that allies with an adversary of its partner has realigned
    (:func:`realignment`): Snyder (1997) calls the shift of a state towards its ally's opponent the defection that ends
    alliances in a multipolar system, unlike a new pact inside the same camp.

    >>> adversaries(np.array([[0, .4, .1], [.2, 0, 0], [0, 0, 0]]), share=0.5).tolist()
    [[False, True, False], [True, False, False], [False, False, False]]
    """
    t = np.asarray(threat, dtype=float)
    if t.ndim != 2 or t.shape[0] != t.shape[1]:
        raise ValueError(f"adversaries: threat must be (N, N), got {t.shape}")
    if not 0 < share <= 1:
        raise ValueError("adversaries: share must lie in (0, 1]")
    top = t.max(axis=1, keepdims=True) if t.shape[1] else np.zeros((len(t), 1))
    return (t > 0) & (t >= share * top)


def regime_inputs(name: str, members, regime, regime_reference) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``members`` (A, N) bool, ``regime`` and ``regime_reference`` (N,) float, checked (a ValueError naming ``name``)."""
    m = np.asarray(members, dtype=bool)
    r = np.asarray(regime, dtype=float)
    r0 = np.asarray(regime_reference, dtype=float)
    if m.ndim != 2 or r.shape != m.shape[1:] or r0.shape != r.shape:
        raise ValueError(f"{name}: members must be (A, N), regime and regime_reference (N,), got {m.shape}, {r.shape}, {r0.shape}")
    return m, r, r0


def regime_change(members, regime, regime_reference) -> np.ndarray:
    r"""The largest recent change of a member's regime: :math:`\Delta_a = \max_{i \in a} |r_i - \bar r_i|` (0 without members).

    Leeds & Savun (2007) find alliances abrogated after a change in a member's domestic political institutions, and
    Leeds, Mattes & Vogel (2009) that a change in the source of a leader's support (a regime transition) makes
    commitments less reliable: the government that signed is not the one that must honour. ``regime`` (N,) is the
    democracy score now (0-1), ``regime_reference`` (N,) each state's discounted memory of it
    (:func:`foedus.theory.rivalry.regime_reference`: a transition counts for a few years, as in
    :func:`foedus.theory.rivalry.regime_shift`); ``members`` (A, N) bool.

    >>> regime_change(np.array([[True, True, False], [False, False, True]]), np.array([0.8, 0.1, 0.9]), np.array([0.2, 0.1, 0.1])).round(2).tolist()
    [0.6, 0.8]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118-1132.
    .. [2] Leeds, B. A., Mattes, M. & Vogel, J. S. (2009). Interests, institutions, and the
       reliability of international commitments. American Journal of Political Science 53(2): 461-476.
    """
    m, r, r0 = regime_inputs("regime_change", members, regime, regime_reference)
    d = np.abs(r - r0)
    return np.where(m, d[None, :], 0.0).max(axis=1) if m.shape[1] else np.zeros(len(m))


def circumstance_terms(other_hazard, realigned, regime_shift, *, realignment_hazard: float, regime_hazard: float, keep=1.0, held=1.0,
                       check: bool = True, regime_probability=None) -> np.ndarray:
    r"""The two further causes of abrogation Leeds & Savun (2007) name beside power and threat, as hazard terms: (2, ...).

    .. math::

        h_{re} = h_a\,x\,K\,S\,(1 - h), \qquad h_{rg} = h_d\,\Delta\,K\,S\,(1 - h - h_{re})

    with :math:`h` the yearly hazard of the other causes (:func:`foedus.theory.cohesion.dissolution_terms`, summed),
    :math:`x` :func:`realignment` (a member allied with an outsider since), :math:`\Delta` :func:`regime_change` (a
    member's recent regime change, 0-1), :math:`h_a`, :math:`h_d` their yearly hazards at full strength, and
    :math:`K = 1 - \omega I` (institutions) and :math:`S = 1 - \sigma s` (democratic commitment) the damping every term
    of the hazard has. Each is an independent further cause, so the total stays at most 1. Given
    ``regime_probability`` (:func:`regime_abrogation`: any changed member abrogating, each independently), it replaces
    :math:`h_d \Delta` (which it equals where a single member's regime changed).

    >>> circumstance_terms(0.0, [1.0, 0.0], [0.0, 0.5], realignment_hazard=0.2, regime_hazard=0.4).round(3).tolist()
    [[0.2, 0.0], [0.0, 0.2]]
    """
    f = "circumstance_terms"
    h = _checked(other_hazard, "other_hazard", f, lo=0.0, hi=1.0, check=check)
    x = _checked(realigned, "realigned", f, lo=0.0, hi=1.0, check=check)
    d = _checked(regime_shift, "regime_shift", f, lo=0.0, hi=1.0, check=check)
    ha = float(_checked(realignment_hazard, "realignment_hazard", f, lo=0.0, hi=1.0, check=check))
    hd = float(_checked(regime_hazard, "regime_hazard", f, lo=0.0, hi=1.0, check=check))
    k = _checked(keep, "keep", f, lo=0.0, hi=1.0, check=check)
    s = _checked(held, "held", f, lo=0.0, hi=1.0, check=check)
    h, x, d, k, s = _broadcast(f, other_hazard=h, realigned=x, regime_shift=d, keep=k, held=s, check=check)
    out = np.empty((2,) + np.shape(h))
    out[0] = ha * x * k * s * (1.0 - h)
    rate = hd * d if regime_probability is None else _checked(regime_probability, "regime_probability", f, lo=0.0, hi=1.0, check=check)
    out[1] = rate * k * s * (1.0 - h - out[0])
    return out
