r"""Multilateral alliances: when states that share a threat found one treaty instead of a web of pairs (brief F5, H1).

Several states that face the same adversary (the same main threat, or a member of the same
adversary bloc) can each sign a bilateral pact with each of the others, or found one treaty
together. Snyder (1997, ch. 1 and 4) sets out why they found one: a multilateral treaty is a
single negotiation and a single commitment for each signatory, led by a *leader* (the strongest
member, who pays most of the cost of coordinating it and in return shapes its terms) with its
*clients*; Cha (2010) adds that a great power chooses the multilateral form where the partners
are several, share its threat and are alike (NATO in Europe), and the bilateral hub-and-spoke
form where it wants control over dissimilar partners (Asia). What limits the size of the
treaty is the public-good character of the joint pledge (Olson & Zeckhauser 1966): deterrence
provided by the alliance as a whole is *non-rival*, so each added member is tempted to free ride
on the others' contributions, and the value of adding one more member to the pledge declines
with the number already in it; a coalition stops growing when the marginal member no longer
adds to its members' net value (Riker 1962's size principle: coalitions grow only as large as
their members gain from).

The published forms implemented here:

:func:`free_riding_share`
    The share of each partner's pledge a member can count on in a treaty of ``s`` members,

    .. math:: r(s) = \frac{1}{1 + \phi\,(s - 2)}, \qquad s \ge 2,

    with :math:`\phi \in [0, 1]` the degree of free riding. At :math:`\phi = 0` every partner's
    pledge counts in full (a private good: the sum of the bilateral pledges); at
    :math:`\phi = 1` the joint pledge is a pure public good as in Olson & Zeckhauser's (1966)
    Nash equilibrium with identical members, where the total provided does not grow with the
    number of members: a member's value is the *mean* of its partners' pledges, whatever their
    number. Ours interpolates between the two (a stated form; the two limits are the published ones).
:func:`joint_pledge_values`
    Member ``i``'s value of the joint pledge of a treaty ``S``:
    :math:`V_i(S) = r(|S|) \sum_{j \in S \setminus i} g_{ij}`, with :math:`g_{ij}` the value to
    ``i`` of ``j``'s pledge (the same goods as a bilateral pact's,
    :func:`foedus.theory.obligations.obligation_goods`).
:func:`identity_veto`
    Its members see one another as one community (Hemmer & Katzenstein 2002), measured by the
    distance of their ideal points where they are known.
:func:`regional_veto`
    The clients of one treaty are one region's states (Hemmer & Katzenstein 2002); a great
    power may lead them from afar (Cha 2010).
:func:`forward_defence_value`, :func:`exposure`
    Why a great power leads (Snyder 1997, ch. 2; Lake 1996, 1999; Mastanduno 1997): it values a
    client's pledge beyond the protection the client gives it at home, for the client's capability
    added to the balance against the shared threat and for its *denial* to the threat, in
    proportion to the client's exposure, discounted by the leader's distance to the client (forward
    defence: the United States' value of Western Europe in 1947–1949, the Soviet Union's of Eastern
    Europe). With it comes *hegemonic provision*: the leader covers the shortfall of clients that
    would not sign alone (``provide`` of :func:`found_bloc`; Lake 1999's security hierarchy, the
    subordinate trading autonomy for protection; Olson & Zeckhauser's exploitation of the great by
    the small). Cha (2010) and Weber (1992) explain the choice of the multilateral form by the
    number and likeness of the clients: here the leader's one treaty with several alike clients
    of one region (:func:`regional_veto`, :func:`identity_veto`) is that form.
:func:`found_bloc`
    Who founds the treaty: exclusive membership (Hart & Kurz 1983: one is not bound to one's main
    threat or a state one fights), every founder gains by the rule of a bilateral pact (its net
    value :math:`V_k - C_k`, the leader's including the coordination cost :math:`\kappa (|S| - 2)`
    it pays for every member beyond a pair, Snyder 1997), and free riders are left out while their
    departure raises every other member's net value: membership stops at the size where the
    marginal member's value to its partners turns negative (Olson & Zeckhauser 1966; Riker 1962).

With identical members (:math:`g_{ij} = g`) and :math:`\phi < 1`, the gain of a member from one
more partner is

.. math:: V(s + 1) - V(s) = \frac{g\,(1 - \phi)}{(1 + \phi (s - 1))(1 + \phi (s - 2))},

positive and falling in ``s``; the treaty grows while it exceeds the marginal cost
:math:`C(s + 1) - C(s)` (the tests hold :func:`found_bloc` to this size).

References
----------
.. [1] Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. *Review of Economics
   and Statistics* 48(3): 266–279.
.. [2] Riker, W. H. (1962). *The Theory of Political Coalitions*. New Haven: Yale University Press.
.. [3] Snyder, G. H. (1997). *Alliance Politics*. Ithaca: Cornell University Press.
.. [4] Cha, V. D. (2010). Powerplay: origins of the U.S. alliance system in Asia. *International
   Security* 34(3): 158–196.
.. [5] Hemmer, C. & Katzenstein, P. J. (2002). Why is there no NATO in Asia? Collective identity,
   regionalism, and the origins of multilateralism. *International Organization* 56(3): 575–607.
.. [6] Hart, S. & Kurz, M. (1983). Endogenous formation of coalitions. *Econometrica* 51(4): 1047–1064.
.. [7] Lake, D. A. (1996). Anarchy, hierarchy, and the variety of international relations. *International Organization*
   50(1): 1–33; Lake, D. A. (1999). *Entangling Relations: American Foreign Policy in Its Century*. Princeton University Press.
.. [8] Mastanduno, M. (1997). Preserving the unipolar moment. *International Security* 21(4): 49–88.
.. [9] Weber, S. (1992). Shaping the postwar balance of power: multilateralism in NATO. *International Organization*
   46(3): 633–680.
.. [10] Boulding, K. E. (1962). *Conflict and Defense: A General Theory*. Harper.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.multilateral_kernels import _found_kernel, _net

__all__ = [
    "MIN_MEMBERS", "adversary_bloc", "bloc_shortfalls", "client_eligible", "declined_exclusions", "exposure",
    "forward_defence_value", "found_bloc", "free_riding_share", "identity_veto", "joint_pledge_values", "regional_veto",
    "shared_threat",
]


def free_riding_share(size, free_riding: float) -> np.ndarray:
    r"""The share :math:`r(s) = 1 / (1 + \phi (s - 2))` of each partner's pledge a member counts on in a treaty of ``size`` members.

    Olson & Zeckhauser (1966): the deterrence of an alliance is a public good, so members
    contribute less as there are more of them to carry it. ``free_riding`` :math:`\phi` in
    [0, 1]: 0, the pledges add up as bilateral ones would; 1, the pure public good of O&Z's Nash
    equilibrium (a member's value is the mean of its partners' pledges). ``size`` >= 2.

    >>> free_riding_share([2, 3, 5], 1.0).tolist()
    [1.0, 0.5, 0.25]
    >>> free_riding_share([2, 3, 5], 0.0).tolist()
    [1.0, 1.0, 1.0]
    """
    s = np.asarray(size, dtype=float)
    if not 0.0 <= free_riding <= 1.0:
        raise ValueError(f"free_riding_share: free_riding must be in [0, 1], got {free_riding}")
    if np.any(s < 2):
        raise ValueError("free_riding_share: a treaty has at least 2 members")
    return 1.0 / (1.0 + free_riding * (s - 2.0))


def joint_pledge_values(pledge, members, free_riding: float) -> np.ndarray:
    r"""Each member's value of a treaty's joint pledge, :math:`V_i = r(|S|) \sum_{j \in S, j \ne i} g_{ij}` (N,), 0 for non-members.

    Parameters
    ----------
    pledge : array (N, N)
        ``g[i, j]``: the value to ``i`` of ``j``'s pledge (utility units; the goods of the pact's
        obligations that their pacts do not already provide).
    members : array (N,) of bool
        The treaty's members (at least 2).
    free_riding : float
        :math:`\phi` of :func:`free_riding_share`.

    Examples
    --------
    >>> g = np.full((3, 3), 0.3); np.fill_diagonal(g, 0)
    >>> joint_pledge_values(g, [True, True, True], 0.0).round(2).tolist()
    [0.6, 0.6, 0.6]
    >>> joint_pledge_values(g, [True, True, True], 1.0).round(2).tolist()
    [0.3, 0.3, 0.3]
    """
    g = np.asarray(pledge, dtype=float)
    m = np.asarray(members, dtype=bool)
    if g.ndim != 2 or g.shape[0] != g.shape[1] or m.shape != (g.shape[0],):
        raise ValueError(f"joint_pledge_values: expected pledge (N, N) and members (N,), got {g.shape} and {m.shape}")
    r = free_riding_share(int(m.sum()), free_riding)
    off = g * ~np.eye(len(m), dtype=bool)
    return np.where(m, r * (off[:, m].sum(axis=1)), 0.0)


MIN_MEMBERS = 3
"""The fewest members of a multilateral treaty (ATOP's distinction: a treaty of two members is bilateral)."""


def found_bloc(
    pledge, cost, veto, *, free_riding: float, coordination: float, autonomy=None, risk=None, power=None, min_members: int = MIN_MEMBERS,
    forward=None, provide: bool = False, clients=None,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Who founds a multilateral treaty among the states that share a threat, and each founder's net gain: ((K,) bool, (K,) float).

    The states come in order (index 0 the strongest; see 1. below); the first member of the
    treaty is its leader and pays the coordination cost ``coordination * (s - 2)`` (Snyder 1997).
    A member's net value in a treaty ``S`` of ``s`` members, led by ``L``, is

    .. math:: r(s) \sum_{j \in S \setminus k} g_{kj} - C_k(s) - A_{k\ell}
              - \sum_{j \in S \setminus k} R_{kj} \frac{p_k}{\sum_{m \in S} p_m}

    (:func:`free_riding_share`): the cost :math:`C_k(s)` of a commitment to ``s - 1`` partners,
    the autonomy term :math:`A` of Morrow's (1991) exchange with the leader (:math:`\ell = L`;
    the leader's with its strongest partner), and *collective defence*: :math:`R_{kj}` is the
    risk ``k`` would take on by defending ``j`` alone; in the treaty a war for ``j`` is fought by
    all the members, ``j`` included, and its burden shared in proportion to their capability ``p``
    (Olson & Zeckhauser 1966). In a pair this is the cost of a bilateral pact
    (:func:`foedus.theory.consent.pair_burden_shares`) and of a candidate joining an alliance
    (:func:`foedus.theory.consent.newcomer_share`): one rule for every route to a treaty; among
    ``s`` equals each member bears :math:`(s - 1)/s` of the risk of one lone pledge.

    1. *Exclusion* (Hart & Kurz 1983): a state vetoed by, or vetoing, a state before it in the
       group's order (by capability; after a great-power leader, by the leader's value of them:
       the leader chooses its region) is left out (one is not bound to one's main threat or to a
       state one fights).
    2. *Each founder gains* (the rule of a bilateral pact): while some member loses, the member
       that loses most leaves (the leader too: the next strongest then leads).
    3. *Free riding bounds the size* (Olson & Zeckhauser 1966; Riker 1962): while the departure of
       one member would raise every other member's net value (its pledge, discounted for free
       riding, is worth less to its partners than what its presence costs them), the member
       whose departure raises the others' net values most is left out.

    When fewer than ``min_members`` remain, nobody signs (a pair is the bilateral path). With
    identical members the treaty has the size ``s`` in ``[min_members, K]`` that maximises a
    member's net value, where the marginal member's value to its partners turns negative.

    Parameters
    ----------
    pledge : array (K, K)
        ``g[k, j]``: the value to ``k`` of ``j``'s pledge (utility units), diagonal ignored.
    cost : array (K, K + 1)
        ``cost[k, s]``: member ``k``'s cost of belonging to a treaty of ``s`` members (columns 0
        and 1 unused), the one cost rule of a commitment.
    veto : array (K, K) of bool
        ``veto[k, j]``: ``k`` refuses to be bound to ``j`` (its main threat, a state it fights).
    free_riding : float
        :math:`\phi` of :func:`free_riding_share`, in [0, 1].
    coordination : float
        The leader's cost per member beyond a pair (utility units, >= 0).
    autonomy, risk : array (K, K), optional
        ``A[k, j]`` the autonomy term of ``k``'s commitment to ``j``; ``R[k, j]`` the risk of
        defending ``j`` alone (utility units; zeros by default).
    power : array (K,), optional
        The states' capabilities (> 0) that share the defence of each member (ones by default).
    min_members : int
        Fewest founders of a multilateral treaty (>= 3).
    forward : array (K, K), optional
        ``F[l, j]``: the value to ``l``, as the treaty's leader, of ``j``'s pledge beyond its own
        protection (:func:`forward_defence_value`; utility units, zeros by default), discounted for
        free riding as the pledges are.
    provide : bool
        Hegemonic provision (Lake 1999; Olson & Zeckhauser 1966's exploitation of the great by the
        small): the leader covers every client's shortfall out of its own net value, so a client
        that would lose signs at no loss (gain 0) while the leader still gains; when the leader
        would lose, the client whose departure raises the leader's net value most leaves first.
    clients : array (K,) of bool, optional
        The members the leader may carry under ``provide`` (:func:`client_eligible`; all by default).
        Any other member signs only if it gains on its own, as without provision: a great power
        is not a client (Snyder 1997), nor a state inside another great power's hierarchy (Lake 2009).

    Returns
    -------
    members : array (K,) of bool
    gain : array (K,) of float
        Each founder's net value in the founded treaty (0 for the others).

    Examples
    --------
    Three alike states that each gain from a joint pledge found one treaty:

    >>> g = np.full((3, 3), 0.3)
    >>> found_bloc(g, np.full((3, 4), 0.1), np.zeros((3, 3), bool), free_riding=0.5, coordination=0.0)[0].tolist()
    [True, True, True]
    """
    g = np.ascontiguousarray(pledge, dtype=float)
    k = g.shape[0] if g.ndim == 2 else -1
    c = np.ascontiguousarray(cost, dtype=float)
    v = np.ascontiguousarray(veto, dtype=np.bool_)
    if g.shape != (k, k) or c.shape != (k, k + 1) or v.shape != (k, k):
        raise ValueError(f"found_bloc: expected pledge (K, K), cost (K, K + 1), veto (K, K); got {g.shape}, {c.shape}, {v.shape}")
    if not 0.0 <= free_riding <= 1.0 or coordination < 0 or min_members < 3:
        raise ValueError("found_bloc: free_riding in [0, 1], coordination >= 0 and min_members >= 3 required")
    a = np.zeros((k, k)) if autonomy is None else np.ascontiguousarray(autonomy, dtype=float)
    b = np.zeros((k, k)) if risk is None else np.ascontiguousarray(risk, dtype=float)
    pw = np.ones(k) if power is None else np.ascontiguousarray(power, dtype=float)
    fw = np.zeros((k, k)) if forward is None else np.ascontiguousarray(forward, dtype=float)
    if a.shape != (k, k) or b.shape != (k, k) or fw.shape != (k, k) or pw.shape != (k,) or np.any(pw <= 0):
        raise ValueError(f"found_bloc: expected autonomy, risk and forward (K, K) and power (K,) > 0; got {a.shape}, {b.shape}, {fw.shape}, {pw.shape}")
    cl = np.ones(k, np.bool_) if clients is None else np.ascontiguousarray(clients, dtype=np.bool_)
    if cl.shape != (k,):
        raise ValueError(f"found_bloc: expected clients (K,); got {cl.shape}")
    members = np.zeros(k, np.bool_)
    gain = np.zeros(k)
    if k >= min_members:
        _found_kernel(g, c, a, b, pw, v, float(free_riding), float(coordination), fw, bool(provide), cl, int(min_members), members, gain)
    return members, gain


def bloc_shortfalls(
    pledge, cost, members, *, free_riding: float, coordination: float, autonomy=None, risk=None, power=None, forward=None, clients=None,
) -> np.ndarray:
    """What the leader of a founded treaty pays each client under hegemonic provision (:func:`found_bloc` with ``provide``): (K,) >= 0.

    A client's shortfall is minus its net value without the leader's transfer (0 where it gains on
    its own, and for the leader, non-members and members that may not be its clients, ``clients``:
    :func:`client_eligible`); the same terms as :func:`found_bloc`, for the treaty ``members`` (K,)
    bool whose first member leads.

    >>> g = np.array([[0, 0.3, 0.3], [0.3, 0, 0.0], [0.3, 0.0, 0]])
    >>> bloc_shortfalls(g, np.full((3, 4), 0.2), np.ones(3, bool), free_riding=0.0, coordination=0.0).round(2).tolist()
    [0.0, 0.0, 0.0]
    >>> bloc_shortfalls(g * [[1], [0], [0]], np.full((3, 4), 0.2), np.ones(3, bool), free_riding=0.0, coordination=0.0).round(2).tolist()
    [0.0, 0.2, 0.2]
    """
    g = np.ascontiguousarray(pledge, dtype=float)
    k = g.shape[0]
    m = np.ascontiguousarray(members, dtype=np.bool_)
    z = np.zeros((k, k))
    net = _net(
        g, np.ascontiguousarray(cost, dtype=float), z if autonomy is None else np.ascontiguousarray(autonomy, dtype=float),
        z if risk is None else np.ascontiguousarray(risk, dtype=float), np.ones(k) if power is None else np.ascontiguousarray(power, dtype=float), m,
        float(free_riding), float(coordination), z if forward is None else np.ascontiguousarray(forward, dtype=float), False, np.ones(k, np.bool_),
    )
    cl = np.ones(k, bool) if clients is None else np.asarray(clients, bool)
    out = np.where(m & cl, np.maximum(-net, 0.0), 0.0)
    lead = int(np.argmax(m)) if m.any() else -1
    if lead >= 0:
        out[lead] = 0.0
    return out


def client_eligible(major, leader_major, allied_elsewhere) -> np.ndarray:
    """Which candidates a great-power leader may carry as clients under hegemonic provision (:func:`found_bloc`'s ``clients``): (K,) bool.

    A client trades autonomy for protection in a hierarchy (Lake 2009, ch. 3: the subordinate state
    cedes authority to one dominant state; its hierarchy is exclusive). Hence two states are never a
    leader's clients and must gain on their own to sign: a great power (``major``), for a great power
    is an ally, not a client (Snyder 1997: the leader's clients are the lesser allies; the Soviet Union
    and China in 1950 signed as partners), and a state already in another great power's hierarchy
    (``allied_elsewhere``: pledged to defend, or defended by, a great power other than the leader), for
    bandwagoning with a distant power against no threat, away from one's protector, is rare (Walt 1987,
    ch. 5; the CSTO's members are Russia's, not China's). The leader is never its own client.

    Parameters
    ----------
    major : array (K,) of bool, the candidates that are great powers (the leader first).
    leader_major : bool, whether the leader (index 0) is a great power.
    allied_elsewhere : array (K,) of bool, the candidates with a defence pact in force with a great power other than the leader.

    Examples
    --------
    >>> client_eligible(np.array([True, True, False, False]), True, np.array([False, False, True, False])).tolist()
    [False, False, False, True]
    """
    major = np.asarray(major, bool)
    out = ~major & ~np.asarray(allied_elsewhere, bool) & bool(leader_major)
    if out.size:
        out[0] = False
    return out


def exposure(reach_of_threat, capability) -> np.ndarray:
    r"""A state's exposure to a threat, :math:`e_j = R_{jt} / (R_{jt} + p_j)` in [0, 1): how far the threat's capability that reaches it outweighs its own.

    ``reach_of_threat`` (N,) :math:`R_{jt}`, the capability share of the threat ``t`` that reaches
    ``j`` (Bueno de Mesquita's distance discount, :func:`foedus.theory.projection.projected_capability`);
    ``capability`` (N,) :math:`p_j`, ``j``'s own share. The form of Walt's pressure
    :math:`T / (T + p)` (:func:`foedus.theory.alignment.alignment_utilities`, F2) with the threat's
    *capability* in place of its perceived threat: exposure is what the threat could do to ``j``
    whatever its intentions, the leader's reading of the theatre (Snyder 1997, ch. 2: the risk that
    an exposed state is overrun or bandwagons). 0 where the threat cannot reach ``j``.

    >>> exposure([0.2, 0.0, 0.1], [0.2, 0.1, 0.0]).tolist()
    [0.5, 0.0, 1.0]
    """
    r = np.asarray(reach_of_threat, dtype=float)
    p = np.asarray(capability, dtype=float)
    if np.any(r < 0) or np.any(p < 0):
        raise ValueError("exposure: reach and capability must be >= 0")
    d = r + p
    return np.divide(r, d, out=np.zeros(np.broadcast(r, d).shape), where=d > 0)


def forward_defence_value(leader, threat, member, exposed, discount, *, weight: float = 1.0) -> np.ndarray:
    r"""A leader's value of a client's pledge against a shared threat (Snyder 1997; Lake 1999): forward defence and denial, utility units.

    Snyder (1997, ch. 2) counts two security benefits of an ally: its strength added to one's own
    against the adversary, and its *denial* to the adversary (an exposed state left alone may be
    overrun or bandwagon). Measured on the balance between the leader ``L`` and the threat ``t``,
    :math:`b = p_L / (p_L + p_t)`, the client ``j`` (capability :math:`p_j`) on the leader's side
    raises it by :math:`\Delta^+ = p_j p_t / ((p_L + p_t)(p_L + p_t + p_j))`, and on the threat's side
    lowers it by :math:`\Delta^- = p_j p_L / ((p_L + p_t)(p_L + p_t + p_j))`; the denial counts as far
    as ``j`` is exposed (:func:`exposure`, :math:`e_j`). A great power values a position it can
    hold: the value is discounted by the leader's distance discount to ``j`` (:math:`\delta_{Lj}`,
    the share of the leader's capability that reaches ``j``; Boulding 1962's loss-of-strength
    gradient), which is why hegemonic provision is regional (Lake 1999, ch. 5; Mastanduno 1997):

    .. math:: F_{Lj} = w\, \delta_{Lj} \left(\Delta^+ + e_j \Delta^-\right), \qquad
              \Delta^+ + \Delta^- = \frac{p_j}{p_L + p_t + p_j}

    so that a fully exposed client within full reach is worth the whole swing of the balance it can
    cause (the analytic anchor of the tests), a client of no capability is worth nothing, and the
    value rises with the client's exposure and capability.

    Parameters
    ----------
    leader, threat, member : array_like, capability shares (>= 0; ``leader + threat > 0``)
    exposed : array_like in [0, 1], :func:`exposure` of the client to the threat
    discount : array_like in [0, 1], the leader's distance discount to the client
    weight : float >= 0, ``bloc_forward_defence_weight``

    Examples
    --------
    >>> float(forward_defence_value(0.4, 0.2, 0.1, 1.0, 1.0))  # the whole swing: 0.1 / 0.7
    0.14285714285714285
    >>> float(forward_defence_value(0.4, 0.2, 0.1, 0.0, 1.0).round(4))  # strength added only: 0.1 * 0.2 / (0.6 * 0.7)
    0.0476
    """
    pl, pt, pj = (np.asarray(x, dtype=float) for x in (leader, threat, member))
    e = np.asarray(exposed, dtype=float)
    dl = np.asarray(discount, dtype=float)
    if np.any(pl < 0) or np.any(pt < 0) or np.any(pj < 0) or np.any(pl + pt <= 0) or weight < 0:
        raise ValueError("forward_defence_value: capability shares >= 0 with leader + threat > 0, weight >= 0")
    if np.any((e < 0) | (e > 1)) or np.any((dl < 0) | (dl > 1)):
        raise ValueError("forward_defence_value: exposed and discount must be in [0, 1]")
    denom = (pl + pt) * (pl + pt + pj)
    return weight * dl * pj * (pt + e * pl) / denom


def adversary_bloc(threat_state: int, defends) -> np.ndarray:
    """The adversary bloc of ``threat_state``: itself and the states pledged to defend it or it to defend (N,) bool.

    Snyder (1997): an alliance is aimed at an adversary *and its allies*; a state whose main
    threat is an ally of ``threat_state`` shares the threat of those who fear ``threat_state``
    (Western Europe feared Yugoslavia in 1946 as a Soviet ally). ``defends[j, k]``: ``j`` is pledged to defend ``k``.
    """
    d = np.asarray(defends, dtype=bool)
    out = d[threat_state] | d[:, threat_state]
    out = out.copy()
    out[threat_state] = True
    return out


def shared_threat(main, bloc, eligible) -> np.ndarray:
    """The states that share a threat: eligible, outside the adversary ``bloc``, whose main threat is in it (N,) bool.

    ``main`` (N,) each state's main threat (-1: none), ``bloc`` (N,) bool the adversary bloc
    (:func:`adversary_bloc`), ``eligible`` (N,) bool the states that may sign this year.

    >>> shared_threat(np.array([2, 2, -1, 2]), np.array([False, False, True, False]), np.ones(4, bool)).tolist()
    [True, True, False, True]
    """
    m = np.asarray(main)
    b = np.asarray(bloc, dtype=bool)
    return np.asarray(eligible, dtype=bool) & ~b & (m >= 0) & b[np.maximum(m, 0)]


def regional_veto(distance_km, reach_km: float, leads_from_afar) -> np.ndarray:
    """Which founders are too far apart to share one treaty: (K, K) bool, ``distance > reach_km``, except to a distant leader.

    Multilateralism rests on a collective identity, and collective identities are regional
    (Hemmer & Katzenstein 2002: the North Atlantic states saw one another as one community, the
    United States did not see South-East Asia so); a great power may lead one region's states from
    afar (Cha 2010; NATO, the Rio Pact, the Warsaw Pact), but the clients of one treaty are
    neighbours. ``distance_km`` (K, K) between the candidates, ``leads_from_afar`` (K,) bool:
    the states that may lead from afar (great powers), exempt from the limit.

    >>> d = np.array([[0, 6000, 6500], [6000, 0, 900], [6500, 900, 0]])
    >>> regional_veto(d, 2500.0, np.array([True, False, False])).tolist()
    [[False, False, False], [False, False, False], [False, False, False]]
    >>> regional_veto(d, 2500.0, np.zeros(3, bool))[0].tolist()
    [False, True, True]
    """
    d = np.asarray(distance_km, dtype=float)
    afar = np.asarray(leads_from_afar, dtype=bool)
    if reach_km < 0 or d.ndim != 2 or d.shape[0] != d.shape[1] or afar.shape != (d.shape[0],):
        raise ValueError(f"regional_veto: expected distance (K, K), reach_km >= 0 and leads_from_afar (K,); got {d.shape}, {reach_km}, {afar.shape}")
    return (d > reach_km) & ~afar[:, None] & ~afar[None, :]


def identity_veto(ideal_distance, limit: float) -> np.ndarray:
    """Which founders lack a collective identity with one another: (K, K) bool, ``ideal_distance > limit`` or unknown.

    Hemmer & Katzenstein (2002): a multilateral treaty needs members who see one another as one
    community; Cha (2010): a great power chooses the multilateral form with partners alike.
    ``ideal_distance`` (K, K) the distance of the states' ideal points (Bailey, Strezhnev &
    Voeten 2017, from UN votes; foedus scales it to [0, 1]); NaN where a state has none (outside
    the UN: the German Democratic Republic until 1973). An identity that cannot be observed is not
    a shared one: a pair with an unknown distance is vetoed (the diagonal, a state with itself,
    never is). (The step asks only when the system has ideal points at all, from 1946.)

    >>> identity_veto(np.array([[0.0, 0.6, np.nan], [0.6, 0.0, 0.1], [np.nan, 0.1, 0.0]]), 0.4).tolist()
    [[False, True, True], [True, False, False], [True, False, False]]
    """
    d = np.asarray(ideal_distance, dtype=float)
    if d.ndim != 2 or d.shape[0] != d.shape[1] or not limit >= 0:
        raise ValueError(f"identity_veto: expected ideal_distance (K, K) and limit >= 0; got {d.shape}, {limit}")
    veto = ~(d <= limit)  # NaN (unknown) compares False: vetoed
    np.fill_diagonal(veto, False)
    return veto


def declined_exclusions(veto, kept, members) -> np.ndarray:
    """Which candidates kept by the exclusion of :func:`found_bloc` did not sign yet excluded another: (K,) bool.

    :func:`found_bloc`'s first step keeps each candidate in order unless a candidate kept before it vetoes it or is vetoed by it
    (``kept`` (K,) bool; ``veto`` (K, K) bool), then leaves out the members that lose (``members`` (K,) bool, who signed). Exclusion
    is the members' right (Hart & Kurz 1983: a coalition may refuse a state that would join it; a state that stays out has no say
    in who joins): a candidate that did not sign cannot have kept out another, and the founding is weighed again without it (by
    the caller) so that the candidates it excluded are asked.

    >>> v = np.zeros((4, 4), bool); v[1, 2] = True  # candidate 1 vetoes candidate 2, which the exclusion leaves out
    >>> declined_exclusions(v, np.array([True, True, False, True]), np.array([True, False, False, True])).tolist()
    [False, True, False, False]
    >>> declined_exclusions(v, np.array([True, True, False, True]), np.array([True, True, False, True])).tolist()  # 1 signed
    [False, False, False, False]
    """
    v = np.asarray(veto, dtype=bool)
    k = np.asarray(kept, dtype=bool)
    m = np.asarray(members, dtype=bool)
    if v.ndim != 2 or v.shape[0] != v.shape[1] or k.shape != (v.shape[0],) or m.shape != k.shape:
        raise ValueError(f"declined_exclusions: expected veto (K, K), kept and members (K,); got {v.shape}, {k.shape}, {m.shape}")
    both = v | v.T
    return k & ~m & both[:, ~k].any(axis=1)
