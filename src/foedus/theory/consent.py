"""Consent: an alliance needs two signatures (brief F1-F4).

A state proposes to the partner it chose (:func:`foedus.theory.choice.choose_alignment`); the
pair forms only when both sides gain from it, each net of its own cost of allying.
:func:`mutual_consent` returns the pairs as a symmetric ``(N, N)`` matrix, :func:`consenting_pairs`
the same pairs as a list, in one compiled pass (the simulator's form). :func:`founding_members`
extends a pair's treaty to the further states that gain from it and that every member accepts
(Hart & Kurz 1983's exclusive membership), so a treaty can be founded by several states.
:func:`members_consent` is the rule by which a treaty in force admits a candidate: the consent of
every member unless its terms state another quota (Morrow 1991; ATOP 5.1 ``proadd``); each member weighs a candidate
by :func:`accession_cost`, its share of the alliance's new commitment (:func:`burden_shares`; Olson & Zeckhauser 1966),
against the goods the newcomer brings and the milieu its entry secures (:func:`milieu_value`; Wolfers 1962, Kydd 2001);
the alliance's leader may buy the consent of the members that would lose (:func:`leader_side_payments`; Snyder 1997, Lake 2009);
in a community of democracies a member cannot refuse a democratic candidate of the community's region for its own material
cost, only for the security it would cost (:func:`community_entrapment`; Schimmelfennig 2001, 2003).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.theory._validate import _array, _matrix
from foedus.theory.choice import _costs, _utilities

__all__ = [
    "accession_cost",
    "burden_shares",
    "candidate_base_cost",
    "community_entrapment",
    "leader_side_payments",
    "milieu_value",
    "newcomer_share",
    "pair_burden_shares",
    "consenting_pairs",
    "founding_members",
    "members_consent",
    "mutual_consent",
    "rival_veto",
]


def _check_partners(part: np.ndarray, n: int) -> None:
    """ValueError unless ``part`` is an (N,) integer array of state indices or -1 (no proposal)."""
    if part.shape != (n,) or not np.issubdtype(part.dtype, np.integer):
        raise ValueError(f"partner: expected an integer array of shape ({n},), got {part.dtype} {part.shape}")
    if ((part < -1) | (part >= n)).any():
        raise ValueError(f"partner: entries must be -1 or a state index in [0, {n}), got {part[(part < -1) | (part >= n)][:3].tolist()}")


def mutual_consent(partner, utilities, cost=0.0, *, reciprocal: bool = False, check: bool = True) -> np.ndarray:
    """Pairs that form: a proposal that both sides gain from (brief F1-F4; consent of both members).

    ``i`` proposes to ``partner[i]``; the pair ``{i, j}`` forms when at least one of them proposed
    to the other (both, if ``reciprocal``) and *both* gain: ``sum_m U[m, i, j] > cost[i, j]`` and
    ``sum_m U[m, j, i] > cost[j, i]``. An alliance needs two signatures.

    Parameters
    ----------
    partner : array (N,) of int
        From :func:`~foedus.theory.choice.choose_alignment` (-1 = no proposal).
    utilities : array (4, N, N) of float, or (N, N)
        Motive contributions, or already their sum over motives (the total utility).
    cost : float, array (N,) or array (N, N), utility units, default 0
    reciprocal : bool, default False
        If True, both must have chosen each other.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N, N) of bool, symmetric, diagonal False.
    """
    u = _array("utilities", utilities, check=check)
    if u.ndim == 2:
        total = u
    else:
        total = _utilities("utilities", u, check=check).sum(axis=0)
    n = total.shape[0]
    part = np.asarray(partner)
    if check:
        if total.shape != (n, n):
            raise ValueError(f"utilities: expected shape (4, N, N) or (N, N), got {u.shape}")
        _check_partners(part, n)
    gain = total > _costs(cost, (n, n), check=check)
    proposed = np.zeros((n, n), dtype=bool)
    who = np.flatnonzero(part >= 0)
    proposed[who, part[who]] = True
    asked = proposed & proposed.T if reciprocal else proposed | proposed.T
    out = asked & gain & gain.T
    np.fill_diagonal(out, False)
    return out


def consenting_pairs(partner, total_utility, cost, *, check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """The pairs that form, as a list: :func:`mutual_consent` for proposals, in one compiled pass.

    State ``i`` proposed to ``partner[i]`` (-1: no proposal); the pair forms when both gain,
    ``U_ij > cost_ij`` and ``U_ji > cost_ji``. Returns the proposer and partner of each pair
    that forms, proposers in increasing order, a pair proposed from both sides listed once (at
    its first proposer): exactly the pairs of ``mutual_consent(partner, total_utility, cost)``
    (non-reciprocal), without building its (N, N) matrices.

    Parameters
    ----------
    partner : array (N,) of int
    total_utility : array (N, N) of float
        The total utility ``sum_m U[m, i, j]`` (e.g. of :func:`~foedus.theory.alignment.alignment_utilities`).
    cost : array (N, N) of float
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    proposer, partner : arrays (K,) of int

    Examples
    --------
    >>> import numpy as np
    >>> U = np.array([[0.0, 0.5, 0.1], [0.4, 0.0, 0.0], [0.3, 0.0, 0.0]])
    >>> consenting_pairs(np.array([1, 0, 0]), U, np.full((3, 3), 0.2))   # 2 asks 0, but 0 does not gain
    (array([0]), array([1]))
    """
    part = np.asarray(partner)
    total = _matrix("total_utility", total_utility, check=check)
    n = total.shape[0]
    c = _costs(cost, (n, n), check=check)
    if check:
        _check_partners(part, n)
    i_out = np.empty(n, np.int64)
    j_out = np.empty(n, np.int64)
    k = _consent_kernel(np.ascontiguousarray(part, dtype=np.int64), np.ascontiguousarray(total), np.ascontiguousarray(c), i_out, j_out)
    return i_out[:k], j_out[:k]


@njit(cache=True)
def _consent_kernel(part, total, cost, i_out, j_out):  # pragma: no cover (compiled)
    n = part.shape[0]
    k = 0
    for i in range(n):
        j = part[i]
        if j < 0 or j == i:
            continue
        if not (total[i, j] > cost[i, j] and total[j, i] > cost[j, i]):
            continue
        if part[j] == i and j < i:
            continue  # proposed from both sides: listed at j, the first proposer
        i_out[k] = i
        j_out[k] = j
        k += 1
    return k


def founding_members(gain, approve, *, check: bool = True) -> np.ndarray:
    r"""Which candidates join the founders of a treaty: (K,) bool, by unanimous consent in order of gain.

    A treaty is founded by a pair (:func:`mutual_consent`) and any further states that sign with
    them. Membership is *exclusive* (Hart & Kurz 1983, the Δ-game; Yi 1997): a state becomes a
    founding member only when it gains from the treaty and every member so far accepts it, so no
    state is bound to a partner it would refuse. Candidates are asked in order of their gain
    (the most eager first, as in sequential coalition formation, Bloch 1996): candidate ``c``
    is admitted when ``gain[c] > 0``, the founders accept it (``approve[0, c]`` and
    ``approve[1, c]``) and so does every candidate admitted before it (``approve[2 + d, c]``).

    Parameters
    ----------
    gain : array (K,) of float
        Each candidate's net value of joining the founders (value minus cost, utility units).
    approve : array (K + 2, K) of bool
        ``approve[m, c]``: member ``m`` (0, 1 the founders; ``2 + d`` candidate ``d``) accepts ``c``.

    Returns
    -------
    array (K,) of bool

    Examples
    --------
    Candidate 1 gains most but founder 0 refuses it; candidate 0 is admitted; candidate 2 gains
    and the founders accept it, but candidate 0, now a member, refuses it:

    >>> approve = np.array([[1, 0, 1], [1, 1, 1], [1, 1, 0], [1, 1, 1], [1, 1, 1]], dtype=bool)
    >>> founding_members([0.2, 0.5, 0.1], approve).tolist()
    [True, False, False]

    References
    ----------
    .. [1] Hart, S. & Kurz, M. (1983). Endogenous formation of coalitions. Econometrica 51(4): 1047–1064.
    .. [2] Yi, S.-S. (1997). Stable coalition structures with externalities. Games and Economic Behavior 20(2): 201–237.
    .. [3] Bloch, F. (1996). Sequential formation of coalitions in games with externalities and fixed payoff
       division. Games and Economic Behavior 14(1): 90–123.
    """
    g = _array("gain", gain, check=check)
    a = np.asarray(approve, dtype=bool)
    k = g.shape[0] if g.ndim == 1 else -1
    if check and (g.ndim != 1 or a.shape != (k + 2, k)):
        raise ValueError(f"founding_members: expected gain (K,) and approve (K + 2, K), got {np.shape(gain)} and {a.shape}")
    out = np.zeros(k, np.bool_)
    if k:
        _founding_kernel(np.ascontiguousarray(g, dtype=float), np.ascontiguousarray(a), np.argsort(-g, kind="stable"), out)
    return out


@njit(cache=True)
def _founding_kernel(gain, approve, order, out):  # pragma: no cover (compiled)
    """Sequential admission of :func:`founding_members` (candidates in ``order``)."""
    for q in range(order.shape[0]):
        c = order[q]
        if gain[c] <= 0.0:
            break
        ok = approve[0, c] and approve[1, c]
        if ok:
            for d in range(gain.shape[0]):
                if out[d] and not approve[2 + d, c]:
                    ok = False
                    break
        out[c] = ok


def members_consent(share_in_favour, quota=1.0, *, check: bool = True) -> np.ndarray:
    r"""Whether a treaty's members admit a candidate: the share of them in favour reaches the ``quota`` (bool, same shape).

    .. math:: \text{admitted} = [\,s \ge q\,],\qquad s = \frac{\#\{m : m \text{ gains from the candidate}\}}{\#\text{members}}

    An accession adds a commitment for every member: each one trades autonomy for security with
    the newcomer (Morrow 1991, the autonomy-security exchange), so each one's own gain is the
    reason to accept it, and the rule of unanimity (``quota`` 1) lets any member that loses refuse
    it, a member that is the candidate's main threat first of all. Unanimity is the default,
    where a treaty states no other rule: ATOP 5.1 (Leeds 2022, codebook v5.1) codes in ``proadd``
    whether a treaty provides for the admission of new members (0: no provision) and not a quorum
    for admitting them; the treaties it codes as open write the consent of all parties --
    the North Atlantic Treaty (1949) art. 10 ("by unanimous agreement"), the Manila Pact (1954)
    art. VII ("by unanimous agreement"), the Brussels Treaty (1948) art. IX ("by agreement"), the
    Warsaw Pact (1955) art. 9 ("with the consent of the States Parties"), the Shanghai Cooperation
    Organisation's Charter (2002) art. 16 (decisions by consensus). A smaller ``quota`` is a
    treaty's own weaker rule (a majority: 0.5); 0 admits whoever applies.

    Parameters
    ----------
    share_in_favour : array_like of float in [0, 1]
        Share of each treaty's members that vote for each candidate.
    quota : float or array_like in [0, 1], default 1 (unanimity)
        Share of the members whose consent the treaty's terms require.
    check : bool, default True
        Validate the inputs (ranges); False skips the checks, for callers whose inputs are valid by
        construction such as the simulator.

    Returns
    -------
    ndarray of bool

    Examples
    --------
    Five of six members gain from the candidate; the sixth, its main threat, refuses:

    >>> members_consent([5 / 6, 1.0]).tolist()
    [False, True]
    >>> members_consent([5 / 6, 1.0], quota=0.5).tolist()
    [True, True]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry: an alternative to the capability aggregation
       model of alliances. American Journal of Political Science 35(4): 904-933.
    .. [2] Leeds, B. A. (2022). Alliance Treaty Obligations and Provisions (ATOP) Codebook, version 5.1
       (variable ``proadd``, provisions for adding members).
    """
    s = np.asarray(share_in_favour, dtype=float)
    q = np.asarray(quota, dtype=float)
    if check:
        for name, x in (("share_in_favour", s), ("quota", q)):
            if not np.isfinite(x).all() or ((x < 0) | (x > 1)).any():
                raise ValueError(f"{name}: expected values in [0, 1], got {x.ravel()[:3].tolist()}")
    return s >= q


def burden_shares(members, power) -> np.ndarray:
    r"""Each member's share of its alliance's common burden: :math:`\sigma_{am} = p_m / \sum_{j \in a} p_j` (0 outside a).

    Olson & Zeckhauser (1966): an alliance's deterrence is a public good of its members, who carry its burden in
    proportion to their size (the large disproportionately, the small free-riding); the defence of a new member is such
    a burden, borne by the members together. ``members`` (K, N) bool, ``power`` (N,) >= 0; a row whose members have
    no power shares equally.

    >>> burden_shares(np.array([[True, True, False], [False, True, True]]), np.array([3.0, 1.0, 0.0])).tolist()
    [[0.75, 0.25, 0.0], [0.0, 1.0, 0.0]]

    References
    ----------
    .. [1] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. Review of Economics and
       Statistics 48(3): 266-279.
    """
    m = np.asarray(members, dtype=bool)
    p = np.asarray(power, dtype=float)
    if m.ndim != 2 or p.shape != m.shape[1:]:
        raise ValueError(f"burden_shares: members must be (K, N) and power (N,), got {m.shape}, {p.shape}")
    if (p < 0).any() or not np.isfinite(p).all():
        raise ValueError("burden_shares: power must be finite and >= 0")
    w = np.where(m, p[None, :], 0.0)
    tot = w.sum(axis=1, keepdims=True)
    even = m / np.maximum(m.sum(axis=1, keepdims=True), 1)
    return np.where(tot > 0, w / np.where(tot > 0, tot, 1.0), even)


def accession_cost(shares, base, commitment, burden, autonomy_change, leader, *, protection, autonomy_weight: float, burden_weight: float,
                   treaty_cost: float, entrapment=None) -> np.ndarray:
    r"""A member's cost of admitting a candidate to its alliance: (K, N), utility units.

    .. math:: C_{am} = \sigma_{am}\,\big(\tau + s_a (c_m + \beta B_{mc}\pi_a)\big) - [m = \ell_a]\, s_a \theta \log(1 + \Delta a_{mc}\pi_a)

    The cost of a new pact (:func:`foedus.theory.obligations.commitment_cost`, :math:`\tau + s(c + \beta B - \theta
    \log(1 + \Delta a))`) split as an accession splits it: the protocol is one treaty and the defence of the newcomer one
    burden, carried by the members together in their shares :math:`\sigma` (:func:`burden_shares`; Olson & Zeckhauser
    1966), and the autonomy the newcomer concedes for protection goes to the alliance's leader :math:`\ell`, with whom
    it makes Morrow's (1991) exchange (the candidate's own cost of joining is priced against the leader), not to every
    member: Luxembourg neither gains nor loses autonomy by Poland's accession to NATO. ``shares`` (K, N),
    ``base`` :math:`c_m` (N,), ``commitment`` :math:`s_a` (K,), ``burden`` :math:`B_{mc}` and ``autonomy_change``
    :math:`\Delta a_{mc}` (K, N) (member ``m`` of row ``k`` towards that row's candidate), ``leader`` (K,) int,
    ``protection`` :math:`\pi_a` (K,) 0-1 (a treaty of defence or offence; others buy no concessions and carry no burden
    of defence). A treaty of one member, its leader (share 1), prices an accession as a new pact. ``entrapment``
    :math:`e_a` (K,), optional: the share of the base cost the treaty's pledge carries
    (:func:`foedus.theory.obligations.entrapment_share`: 1 for a pledge to fight or of neutrality; a treaty of
    non-aggression or consultation carries its share only), :math:`c_m` read as :math:`e_a c_m`; None: all of it.

    >>> accession_cost(np.array([[0.5, 0.5]]), np.array([0.1, 0.1]), np.array([1.0]), np.zeros((1, 2)), np.array([[0.5, -0.5]]),
    ...                np.array([0]), protection=np.array([1.0]), autonomy_weight=0.3, burden_weight=0.4, treaty_cost=0.05).round(4).tolist()
    [[-0.0466, 0.075]]

    References
    ----------
    .. [1] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. Review of Economics and
       Statistics 48(3): 266-279.
    .. [2] Morrow, J. D. (1991). Alliances and asymmetry. American Journal of Political Science 35(4): 904-933.
    """
    sh = np.asarray(shares, dtype=float)
    k, n = sh.shape
    c = np.asarray(base, dtype=float)[None, :]
    if entrapment is not None:
        c = c * np.asarray(entrapment, dtype=float)[:, None]
    s = np.asarray(commitment, dtype=float)[:, None]
    pi = np.asarray(protection, dtype=float)[:, None]
    b = np.asarray(burden, dtype=float)
    da = np.asarray(autonomy_change, dtype=float)
    lead = np.arange(n)[None, :] == np.asarray(leader)[:, None]
    autonomy = np.where(lead, s * autonomy_weight * np.log1p(da * pi), 0.0)
    return sh * (treaty_cost + s * (c + burden_weight * b * pi)) - autonomy


def milieu_value(regime, proximity, members, candidate, *, weight: float) -> np.ndarray:
    r"""What a member gains from the milieu a candidate's accession secures: (K, N), utility units (0 outside the alliance).

    .. math:: M_{km} = \mu\, r_{c_k}\, r_m\, \phi_{m c_k}

    Wolfers (1962, ch. 5) separates a state's *possession goals* (its own territory, power) from its *milieu goals*: the
    shape of its environment, a stable and friendly neighbourhood, which it pursues with others and which benefit it
    whether or not the neighbour adds to its power. NATO's enlargement was argued in these terms (Kydd 2001: admitting
    the new democracies of Central Europe consolidated them and the stability of the members' neighbourhood; the Study
    on NATO Enlargement, 1995, §3, makes democracy a condition). The gain is the product of the candidate's democracy
    :math:`r_c` (0-1: the milieu an autocracy's entry secures is no democratic one), the member's own :math:`r_m` (a
    democracy values a democratic milieu; Russett & Oneal 2001's democratic peace) and their proximity
    :math:`\phi_{mc}` (0-1: the neighbourhood is local; Boulding 1962), scaled by ``weight`` :math:`\mu` (>= 0; 0
    switches it off). ``regime`` (N,) 0-1, ``proximity`` (N, N) 0-1, ``members`` (K, N) bool, ``candidate`` (K,) int.

    >>> milieu_value(np.array([1.0, 0.5, 1.0]), np.array([[1, 0.5, 0.8], [0.5, 1, 0.2], [0.8, 0.2, 1]]),
    ...              np.array([[True, True, False]]), np.array([2]), weight=0.1).round(3).tolist()
    [[0.08, 0.01, 0.0]]

    References
    ----------
    .. [1] Wolfers, A. (1962). Discord and Collaboration: Essays on International Politics. Johns Hopkins Press, ch. 5.
    .. [2] Kydd, A. (2001). Trust building, trust breaking: the dilemma of NATO enlargement. International Organization
       55(4): 801-828.
    """
    r = np.asarray(regime, dtype=float)
    phi = np.asarray(proximity, dtype=float)
    m = np.asarray(members, dtype=bool)
    c = np.asarray(candidate, dtype=np.intp)
    if weight < 0 or not np.isfinite(weight):
        raise ValueError(f"milieu_value: weight must be finite and >= 0, got {weight}")
    if m.ndim != 2 or r.shape != m.shape[1:] or phi.shape != (r.shape[0], r.shape[0]) or c.shape != m.shape[:1]:
        raise ValueError(f"milieu_value: expected regime (N,), proximity (N, N), members (K, N), candidate (K,); got {r.shape}, {phi.shape}, {m.shape}, {c.shape}")
    return np.where(m, weight * r[c][:, None] * r[None, :] * phi[:, c].T, 0.0)


def leader_side_payments(net, votes, eligible, leader, leader_share=None, *, dominance: float = 0.0) -> np.ndarray:
    r"""The votes once the alliance's leader compensates the members that would lose from an accession: (K, N) bool.

    Snyder (1997, ch. 5) and Lake (2009, ch. 3-4): in an asymmetric alliance the leader, which values the order it
    heads, bears the costs of extending it, paying the smaller members (aid, forces, a share of the burden) for what
    they would otherwise refuse -- the United States carried the cost of NATO's enlargement for the Europeans (Asmus
    2002). Row ``k``'s leader :math:`\ell` pays each member :math:`m \ne \ell` that is ``eligible`` and loses
    (:math:`n_m \le 0`) its loss :math:`-n_m`, when its own net gain covers them all,

    .. math:: n_\ell - \sum_{m \ne \ell,\ \text{eligible},\ n_m \le 0} (-n_m) > 0,

    and then every eligible member votes for the candidate; otherwise the votes are as given (no payment). A member
    that is not ``eligible`` (e.g. the candidate is its main threat) cannot be bought. Only a leader that dominates
    its alliance pays: hierarchy, and the leader's interest in the order it heads, exist where one state carries most
    of the alliance's power (Lake 2009; the asymmetric alliance of brief A3), so the leader's ``leader_share`` of the
    alliance's power (:func:`burden_shares`; (K,), default 1) must reach ``dominance`` (0-1; 0: any leader pays).
    ``net`` (K, N) each member's value minus cost, ``votes`` (K, N) bool, ``eligible`` (K, N) bool (members only),
    ``leader`` (K,) int.

    >>> net = np.array([[0.05, -0.01, -0.02], [0.02, -0.01, -0.02]])
    >>> leader_side_payments(net, net > 0, np.ones((2, 3), bool), np.array([0, 0])).tolist()
    [[True, True, True], [True, False, False]]
    >>> leader_side_payments(net, net > 0, np.ones((2, 3), bool), np.array([0, 0]), np.array([0.4, 0.9]), dominance=0.5).tolist()
    [[True, False, False], [True, False, False]]

    References
    ----------
    .. [1] Snyder, G. H. (1997). Alliance Politics. Cornell University Press.
    .. [2] Lake, D. A. (2009). Hierarchy in International Relations. Cornell University Press.
    """
    n = np.asarray(net, dtype=float)
    v = np.asarray(votes, dtype=bool)
    e = np.asarray(eligible, dtype=bool)
    lead = np.asarray(leader, dtype=np.intp)
    if n.ndim != 2 or v.shape != n.shape or e.shape != n.shape or lead.shape != n.shape[:1]:
        raise ValueError(f"leader_side_payments: expected net, votes, eligible (K, N) and leader (K,); got {n.shape}, {v.shape}, {e.shape}, {lead.shape}")
    rows = np.arange(n.shape[0])
    is_lead = np.arange(n.shape[1])[None, :] == lead[:, None]
    deficit = np.where(e & ~is_lead & (n <= 0.0), -n, 0.0).sum(axis=1)
    dominant = np.ones(n.shape[0], bool) if leader_share is None else np.asarray(leader_share, dtype=float) >= dominance
    covered = dominant & e[rows, lead] & (n[rows, lead] - deficit > 0.0)
    return v | (e & covered[:, None])


def candidate_base_cost(unit_cost, size, candidate_power, alliance_power, *, exponent: float, share=None, check: bool = True) -> np.ndarray:
    r"""A candidate's base cost of joining an alliance of ``size`` members: (K,), utility units.

    .. math:: c^{\text{join}} = c_c\,\big(1 + \sigma_c\,(k^{e} - 1)\big),\qquad \sigma_c = \frac{p_c}{P_a + p_c}

    Snyder (1984): a commitment to ``k`` partners entraps more than one to a single partner, the cost of a pledge
    rising as :math:`k^{e}` (the simulator's ``commitment_exponent``). But a multilateral treaty's defence is one
    common burden, carried by its members in proportion to their power (Olson & Zeckhauser 1966; the rule
    :func:`accession_cost` applies to the members' side of the same accession): the newcomer carries its share
    :math:`\sigma_c` of the defence of the ``k`` members, the others the rest. A great power joining a circle of
    small states carries nearly all of it (:math:`\sigma_c \to 1`: the full :math:`c_c k^e`); a small state joining
    a great power's alliance little more than a bilateral pledge (:math:`\sigma_c \to 0`: :math:`c_c`). ``unit_cost``
    :math:`c_c` (K,), ``size`` :math:`k` (K,) >= 1, ``candidate_power`` :math:`p_c` (K,) and ``alliance_power``
    :math:`P_a` (K,) >= 0 (a candidate and an alliance without power share equally: :math:`\sigma_c = 1/(k+1)`).
    ``share``: :math:`\sigma_c` of the same arguments where the caller holds it already (:func:`newcomer_share`); ``check=False``
    skips the validation of arrays the caller has checked (a simulated year): the same numbers.

    >>> candidate_base_cost(np.array([0.1, 0.1, 0.1]), np.array([16, 16, 1]), np.array([0.0, 1.0, 0.5]), np.array([1.0, 0.0, 0.5]),
    ...                     exponent=0.75).round(4).tolist()
    [0.1, 0.8, 0.1]

    References
    ----------
    .. [1] Snyder, G. H. (1984). The security dilemma in alliance politics. World Politics 36(4): 461-495.
    .. [2] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. Review of Economics and
       Statistics 48(3): 266-279.
    """
    c = np.asarray(unit_cost, dtype=float)
    k = np.asarray(size, dtype=float)
    pc = np.asarray(candidate_power, dtype=float)
    pa = np.asarray(alliance_power, dtype=float)
    if check and ((k < 1).any() or (pc < 0).any() or (pa < 0).any() or exponent < 0):
        raise ValueError("candidate_base_cost: size must be >= 1, powers and exponent >= 0")
    sigma = newcomer_share(pc, pa, k) if share is None else share
    return c * (1.0 + sigma * (k**exponent - 1.0))


def newcomer_share(candidate_power, alliance_power, size) -> np.ndarray:
    r"""A candidate's share of its alliance's common burden once it joins: :math:`\sigma_c = p_c / (P_a + p_c)` (K,), 0-1.

    Olson & Zeckhauser (1966), as :func:`burden_shares` for the enlarged alliance; a candidate and an alliance without
    power share equally (:math:`1/(k+1)` for ``size`` :math:`k`). It scales the newcomer's entrapment in the ``k``
    members' defence (:func:`candidate_base_cost`) and its burden of defending the leader, which the members carry
    together.

    >>> newcomer_share(np.array([1.0, 0.0]), np.array([3.0, 0.0]), np.array([2, 3])).tolist()
    [0.25, 0.25]
    """
    pc = np.asarray(candidate_power, dtype=float)
    pa = np.asarray(alliance_power, dtype=float)
    k = np.asarray(size, dtype=float)
    tot = pc + pa
    return np.where(tot > 0, pc / np.where(tot > 0, tot, 1.0), 1.0 / (k + 1.0))


def pair_burden_shares(power) -> np.ndarray:
    r"""Each side's share of a bilateral pact's common burden: :math:`\sigma_{ij} = p_i / (p_i + p_j)` (N, N), 0-1.

    Olson & Zeckhauser (1966): the deterrence an alliance provides is a public good its members carry in proportion
    to their size, the small free-riding on the large. A bilateral pact is the alliance of two, so the share is that
    of :func:`newcomer_share` for a candidate joining an alliance of one (a pair signing a treaty and a state joining
    one carry the same share: one cost rule for pairing and for joining), and :math:`\sigma_{ij} + \sigma_{ji} = 1`;
    two states without power share equally. It is Morrow's (1991) asymmetric alliance in the terms of the risk of
    defending: the strong side provides the security and carries nearly all of the risk of a war for the partner; the
    weak side pays in autonomy, and the risk it runs for its great partner is its small share of the pair's defence.
    ``power`` (N,) >= 0; the diagonal is 1/2 (meaningless: no state allies with itself).

    Examples
    --------
    >>> pair_burden_shares(np.array([0.3, 0.1, 0.0])).round(3).tolist()
    [[0.5, 0.75, 1.0], [0.25, 0.5, 1.0], [0.0, 0.0, 0.5]]

    References
    ----------
    .. [1] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. Review of Economics and
       Statistics 48(3): 266-279.
    .. [2] Morrow, J. D. (1991). Alliances and asymmetry. American Journal of Political Science 35(4): 904-933.
    """
    p = np.asarray(power, dtype=float)
    if p.ndim != 1 or (p < 0).any() or not np.isfinite(p).all():
        raise ValueError(f"pair_burden_shares: power must be (N,), finite and >= 0, got shape {p.shape}")
    return newcomer_share(p[:, None], p[None, :], 1.0)  # an alliance of one (its 1 / (k + 1) broadcast: the same numbers as an (N, N) array of ones)


def rival_veto(credibility) -> np.ndarray:
    r"""Whether a member refuses a candidate because it cannot trust it: (K, N) bool, :math:`V_{km} = [c_{m,j_k} = 0]`.

    Admitting a state to a treaty is taking its pledge and giving one in return. Below Kydd's (2005, ch. 2) minimum trust
    threshold a partner's pledge is cheap talk (:func:`foedus.theory.reassurance.pledge_credibility` 0 for a sworn enemy),
    whatever it promises, defence, non-aggression or consultation, so a member whose rival applies vetoes it, as a member
    of a defence treaty vetoes its main threat (:func:`foedus.theory.obligations.admission_votes`): Egypt does not admit
    Israel to the Arab League's treaty. ``credibility`` (K, N) is each member's credibility of the candidate's pledge.

    >>> rival_veto(np.array([[1.0, 0.0], [0.0, 0.8]])).tolist()
    [[False, True], [True, False]]

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press, ch. 2.
    """
    c = np.asarray(credibility, dtype=float)
    if c.ndim != 2:
        raise ValueError(f"rival_veto: credibility must be (K, N), got {c.shape}")
    return c <= 0.0


def community_entrapment(votes, eligible, value, security_cost, community, qualified) -> np.ndarray:
    r"""The votes once a community's members are bound by its values: (K, N) bool.

    .. math:: \tilde V_{km} = V_{km} \lor \big(E_{km} \land C_k \land Q_k \land v_{km} > S_{km}\big)

    Schimmelfennig (2001; 2003, ch. 8-9) finds NATO's and the EU's eastern enlargement unexplained by the members'
    material gains: many members (France, the smaller ones) expected to lose and preferred to wait, yet none vetoed
    the consolidated democracies of Central Europe. An organisation founded on a community's values (the North
    Atlantic Treaty's preamble: "democracy, individual liberty and the rule of law") that a candidate shares cannot
    legitimately be closed to it for its members' own cost: the opponents were *rhetorically entrapped* by the
    identity they professed, and acquiesced. A security objection stays legitimate (the Study on NATO Enlargement,
    1995: a candidate brings the alliance's defence to its borders; Ukraine and Georgia, Bucharest 2008), so a member
    still refuses a candidate whose defence it would carry at a greater cost than the candidate is worth to it
    (:math:`v \le S`, its share of the burden of defending the newcomer, the security part of
    :func:`accession_cost`), and the grounds of :func:`foedus.theory.obligations.admission_votes` and
    :func:`rival_veto` stay (``eligible`` False there). ``votes`` and ``eligible`` (K, N) bool (members only),
    ``value`` :math:`v` and ``security_cost`` :math:`S` (K, N), ``community`` :math:`C` (K,) whether the treaty is an
    institution of a community of democracies, ``qualified`` :math:`Q` (K,) whether the candidate shares its values
    and belongs to its region ("any other European State", art. 10). The caller defines the community; the rule
    holds the published claim: entrapment only adds votes, only in a community, and never overrides a security veto.

    Examples
    --------
    >>> v = np.array([[0.001, 0.02, 0.001]]); s = np.array([[0.0, 0.01, 0.005]])
    >>> community_entrapment(v > 0.01, np.ones((1, 3), bool), v, s, np.array([True]), np.array([True])).tolist()
    [[True, True, False]]
    >>> community_entrapment(v > 0.01, np.ones((1, 3), bool), v, s, np.array([False]), np.array([True])).tolist()
    [[False, True, False]]

    References
    ----------
    .. [1] Schimmelfennig, F. (2001). The community trap: liberal norms, rhetorical action, and the Eastern enlargement
       of the European Union. International Organization 55(1): 47-80.
    .. [2] Schimmelfennig, F. (2003). The EU, NATO and the Integration of Europe: Rules and Rhetoric. Cambridge
       University Press.
    """
    v = np.asarray(votes, dtype=bool)
    e = np.asarray(eligible, dtype=bool)
    val = np.asarray(value, dtype=float)
    sec = np.asarray(security_cost, dtype=float)
    c = np.asarray(community, dtype=bool)
    q = np.asarray(qualified, dtype=bool)
    if v.ndim != 2 or e.shape != v.shape or val.shape != v.shape or sec.shape != v.shape or c.shape != v.shape[:1] or q.shape != v.shape[:1]:
        raise ValueError(f"community_entrapment: expected votes, eligible, value, security_cost (K, N) and community, qualified (K,); "
                         f"got {v.shape}, {e.shape}, {val.shape}, {sec.shape}, {c.shape}, {q.shape}")
    return v | (e & (c & q)[:, None] & (val > sec))
