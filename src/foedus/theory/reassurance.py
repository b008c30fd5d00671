"""What a pledge of non-aggression reassures against when a partner's intentions are still unknown (brief F4, A2; issue 17 item 1).

A pledge of non-aggression (and the non-aggression half of a treaty of neutrality and
non-aggression) is worth the pressure of the threat it addresses
(:func:`foedus.theory.obligations.obligation_goods`, reassurance). That threat is the partner's
capability that reaches one times its intentions (:func:`foedus.theory.threat.walt_threat`), and
intentions are read from the partner's record: its hostility, its rivalry, its votes. A state
with no record, one that has just entered the system, has intentions no one can read yet; its
neighbours, and it of them, face the uncertainty that reassurance addresses (Kydd 2005: states
uncertain whether the other is a security seeker or an expansionist sign costly, binding
assurances; Lupu & Poast 2016: leaders sign non-aggression pacts to convey information about
intentions that others cannot yet see, after a rivalry ends). So the threat a pledge of
non-aggression is measured against is the *expected* threat, intentions taken at their
posterior mean:

.. math::

    \\tilde T_{ij} = (1 - u_{ij})\\, T_{ij} + u_{ij}\\, \\pi\\, R_{ij}, \\qquad
    u_{ij} = e^{-a_{ij} / \\tau}

with :math:`T_{ij}` the threat j poses to i read from the record, :math:`R_{ij}` the capability
of j that reaches i (the threat of a partner with hostile intentions), :math:`\\pi` the prior
probability that a partner one knows nothing of is hostile, and :math:`u_{ij}` the weight the
prior keeps after :math:`a_{ij}` years of the two states' common record
(:func:`relationship_age`), which falls by :math:`e` every :math:`\\tau` years.

The record: of ATOP 5.1's non-aggression and neutrality treaties signed 1990-2018, 137 of 243
have a member that entered the state system at most ten years earlier (the successor states of
the Soviet Union, Yugoslavia and Czechoslovakia, Eritrea); 37 of 102 in 1946-1989 (the
decolonised states), 3 of 12 in 1816-1914. Per state-year, though, entrants found no more such pacts
than the other members in the in-sample eras (:func:`foedus.analysis.entrants.entrant_formation`:
1946-1989 non-aggression 0.88 times the others' rate, 95 % 0.61-1.23; all obligations, 1816-1914 and
1946-1989 pooled, 1.04, 0.86-1.24); only 1990-2018 shows a surge (5.8). The simulator's prior
:math:`\\pi` is set to reproduce that in-sample ratio (``nonaggression_prior``).

The same uncertainty bears on a pledge of neutrality (:func:`unread_alignment`): whether a partner
of unread intentions would join another state's attack on one, worth the pressure its reach would
add to one's main threat, at the prior, times the chance of that war.

A revolution or a change of regime makes a state's intentions unreadable as well (issue 17 items
1 and 5, issue 12): Walt (1996, *Revolution and War*) shows that a revolution raises the
uncertainty about the new regime's intentions, and that spirals and reassurance both follow it; the
interwar Soviet Union signed neutrality and non-aggression pacts with nearly every neighbour
(Turkey 1925, Germany 1926, then Poland, Finland, the Baltic states and France in 1932), the
post-communist states their basic treaties after 1990 (Germany-Poland 1991, Germany-Czechoslovakia
1992). So the record a partner's intentions are read from is the record of its *present* regime:
when a state's regime changes (:func:`regime_restart`, a move of its democracy score of Polity IV's
regime transition, ``REGTRANS``: 3 of the 21 POLITY points, 0.15 of the 0-1 scale) its record
restarts, and its pairs' ages count from the later of its entry and its transition
(:func:`record_start`; the record's transitions before a run: :func:`regime_transition_onsets`). The
in-sample record does not show it, though: in ATOP 5.1 the states in the ten years after a Polity
transition (3 points within three years, entrants apart) found non-aggression pacts at 0.78 times
the others' rate in 1946-1989 (95 %: 0.56-1.07), all pacts at 0.96 (0.80-1.15), 0.93 (0.62-1.35) in
1816-1914; so the simulator's ``intentions_restart_share`` is 0 (the restart off), and the published
form (``share`` 1) is measured, not used.

Published form vs ours
----------------------
Kydd's (2005) reassurance game and Lupu & Poast's (2016) information account are the theories;
the posterior-mean form, its exponential decay, the use of the capability that reaches one as
the threat of a hostile partner and its extension to the partner's alignment are ours. Walt (1996) is
the theory of the restart after a revolution; its onset rule against the state's memory of its
regime and the partial restart (``share``) are ours.

References
----------
.. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press.
.. [2] Lupu, Y. & Poast, P. (2016). Team of former rivals: A multilateral theory of non-aggression
   pacts. Journal of Peace Research 53(3): 344-358.
.. [3] Mattes, M. & Vonnahme, G. (2010). Contracting for peace: Do nonaggression pacts reduce
   conflict? Journal of Politics 72(4): 925-938.
.. [4] Walt, S. M. (1996). Revolution and War. Cornell University Press.
.. [5] Marshall, M. G., Gurr, T. R. & Jaggers, K. (2014). Polity IV Project: Dataset Users' Manual
   (``REGTRANS``, the regime transition).
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked, _matrix, _vector
from foedus.theory.regime_restart import (  # re-exported (split for size)
    REGTRANS_POINTS,
    REGTRANS_YEARS,
    record_start,
    regime_restart,
    regime_transition_onsets,
)

__all__ = [
    "STATE_LIST_START", "relationship_age", "REGTRANS_POINTS", "REGTRANS_YEARS", "regime_transition_onsets", "regime_restart", "record_start", "intentions_uncertainty", "expected_threat", "unread_alignment", "spiral_relief", "pledge_credibility",
    "minimum_trust_threshold", "credible_pledges", "attack_capability",
]

STATE_LIST_START = 1816
"""The first year of the Correlates of War state list: membership from that year is where the
list begins (censoring), not the birth of a state, so such a state counts as an old member."""


def relationship_age(year: int, entered, *, check: bool = True) -> np.ndarray:
    """Years the two states of each pair have both been in the state system: (N, N), ``inf`` for two old members.

    ``entered`` (N,) is the year each state first entered the system (a state restored after an occupation is not new); a state in it since
    :data:`STATE_LIST_START` or earlier has no known entry (``inf`` years). The diagonal is ``inf``.

    >>> relationship_age(2000, [1816, 1991, 1993]).tolist()
    [[inf, 9.0, 7.0], [9.0, inf, 7.0], [7.0, 7.0, inf]]
    """
    e = _vector("entered", entered, check=check).astype(float)
    age = np.where(e <= STATE_LIST_START, np.inf, float(year) - e)
    out = np.minimum(age[:, None], age[None, :])
    np.fill_diagonal(out, np.inf)
    return np.maximum(out, 0.0)


def intentions_uncertainty(age, *, decay_years: float, check: bool = True) -> np.ndarray:
    r"""The weight the prior keeps on a partner's intentions after ``age`` years of common record: :math:`e^{-a/\tau}`, in [0, 1].

    ``decay_years`` :math:`\tau` > 0 (0 switches the term off: every record is read at once).

    >>> intentions_uncertainty([0.0, 10.0, float("inf")], decay_years=10.0).round(3).tolist()
    [1.0, 0.368, 0.0]
    """
    f = "intentions_uncertainty"
    a = np.asarray(age, dtype=float)
    if check and (np.isnan(a).any() or (a < 0).any()):
        raise ValueError(f"{f}: age must be >= 0 years (inf: an old pair), got {age!r}")
    tau = float(_checked(decay_years, "decay_years", f, lo=0.0, check=check))
    if tau == 0.0:
        return np.zeros(np.shape(a))
    return np.exp(-a / tau)


def expected_threat(threat, reach, uncertainty, *, prior: float, check: bool = True) -> np.ndarray:
    r"""The threat a pledge of non-aggression addresses, intentions at their posterior mean: :math:`(1 - u) T + u \pi R` (N, N).

    Parameters
    ----------
    threat : array (N, N) >= 0, capability-share units
        ``T[i, j]`` the threat j poses to i, read from the record (:func:`foedus.theory.threat.walt_threat`).
    reach : array (N, N) >= 0, capability-share units
        ``R[i, j]`` the capability of j that reaches i (:func:`foedus.theory.projection.projected_capability`).
    uncertainty : array (N, N) in [0, 1]
        :func:`intentions_uncertainty` of the pair.
    prior : float in [0, 1]
        :math:`\pi`, the prior probability that a partner of unknown record is hostile.

    Returns
    -------
    ndarray (N, N), diagonal 0.

    Examples
    --------
    A new state (1) next to a strong neighbour (0) that has shown it no hostility: the threat the
    neighbour poses to it, read from the record, is 0, but half the capability that reaches it
    is at stake while its intentions are unknown; between old members nothing changes.

    >>> T = np.zeros((3, 3)); R = np.array([[0, .01, .02], [.2, 0, .02], [.2, .01, 0]])
    >>> u = intentions_uncertainty(relationship_age(1992, [1816, 1991, 1816]), decay_years=10.0)
    >>> expected_threat(T, R, u, prior=0.5).round(3).tolist()
    [[0.0, 0.005, 0.0], [0.09, 0.0, 0.009], [0.0, 0.005, 0.0]]

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press.
    .. [2] Lupu, Y. & Poast, P. (2016). Team of former rivals. Journal of Peace Research 53(3): 344-358.
    """
    f = "expected_threat"
    t = _matrix("threat", threat, np.shape(threat)[0], nonneg=True, check=check)
    n = t.shape[0]
    r = _matrix("reach", reach, n, nonneg=True, check=check)
    u = _checked(uncertainty, "uncertainty", f, lo=0.0, hi=1.0, check=check)
    pi = float(_checked(prior, "prior", f, lo=0.0, hi=1.0, check=check))
    if check:
        _broadcast(f, threat=t, uncertainty=u)
    out = (1.0 - u) * t + u * pi * r
    np.fill_diagonal(out, 0.0)
    return out


def unread_alignment(expected, reach, power, uncertainty, *, prior: float, defends=None, war_risk=None, check: bool = True) -> np.ndarray:
    r"""What a pledge of neutrality is worth while the partner's alignment cannot be read yet: (N, N), in [0, 1).

    .. math::

        a_{ij} = u_{ij}\, \pi \,\big[\rho_i(\tilde T^*_i + R_{ij}) - \rho_i(\tilde T^*_i)\big], \qquad
        \rho_i(x) = \frac{x}{x + p_i}, \qquad \tilde T^*_i = \max_{k \ne j} \tilde T_{ik}

    A state whose partner's intentions no record shows yet (a new state, and its neighbours to it)
    does not know whether the partner would attack it (the reassurance a pledge of non-aggression
    buys: :func:`expected_threat`) nor whether it would *join* another state's attack on it: an
    expansionist partner (prior probability :math:`\pi`) would add the capability that reaches one,
    :math:`R_{ij}`, to the state's main (expected) threat :math:`\tilde T^*_i`. A pledge of neutrality
    (not to aid an attacker, not to join an alliance directed against the other) removes that
    contingency, and is worth the pressure it removes in Walt's form, weighted by the prior's weight
    :math:`u_{ij}` (:func:`intentions_uncertainty`). This is Kydd's (2005) reassurance applied to
    the partner's alignment as well as to its own attack; the successor states' treaties "on
    friendship and good-neighbourliness" promise both (not to attack, not to aid an aggressor:
    Poland-Ukraine 1992, Hungary-Ukraine 1991, Russia-Belarus 1992; ATOP codes them neutrality and
    non-aggression). Between old members (:math:`u = 0`) it is 0: their alignments are read from
    the record (the abstention of :func:`foedus.theory.obligations.obligation_goods`). The
    partner's own threat is not counted twice: :math:`\tilde T^*_i` is taken over the states other
    than j. A partner already pledged to defend that main threat (``defends``) cannot promise to
    stay out of its war with one (Snyder 1997, ch. 1: the constraint of existing commitments; the
    rule of :func:`foedus.theory.obligations.obligation_goods`' abstention): its pledge is worth 0.
    And as every pledge of neutrality it is a promise about a war with a third state, worth that
    war's stakes times the chance it comes (``war_risk`` :math:`W_{i,t}` of i and that main threat:
    Leeds et al. 2002; Fearon 1997), the rule of the abstention of
    :func:`foedus.theory.obligations.obligation_goods`.

    Parameters
    ----------
    expected : array (N, N) >= 0, capability-share units
        :func:`expected_threat`, ``T~[i, j]`` the threat j poses to i with intentions at their posterior mean.
    reach : array (N, N) >= 0, capability-share units
        ``R[i, j]`` the capability of j that reaches i.
    power : array (N,) >= 0, capability share
    uncertainty : array (N, N) in [0, 1]
        :func:`intentions_uncertainty` of the pair.
    prior : float in [0, 1]
        :math:`\pi`, the prior probability that a partner of unknown record is hostile.
    defends : array (N, N) of bool, optional
        ``defends[j, k]``: j is pledged to defend k (a defence pact in force). Default: no one.
    war_risk : array (N, N) in [0, 1], optional
        ``W[i, k]`` the chance i and k fight a war over the pledge's horizon (:func:`foedus.theory.offence.war_expectation`).
        Default: 1 (the war is taken as given).

    Returns
    -------
    ndarray (N, N), diagonal 0; 0 wherever ``uncertainty`` is 0.

    Examples
    --------
    A new state (1, capability 0.01) whose neighbour 0 (capability that reaches it 0.2) is its main
    expected threat: a pledge from a third, new neighbour (2, reach 0.01) not to join 0 is worth
    :math:`\pi [\rho(0.02 + 0.01) - \rho(0.02)]` to it in the year both enter
    (its main expected threat is :math:`\pi R_{10} = 0.02`); between two old members (0, 3) nothing.

    >>> T = np.zeros((4, 4)); R = np.array([[0, .01, .02, .1], [.2, 0, .01, .1], [.2, .01, 0, .1], [.1, .1, .1, 0]])
    >>> u = intentions_uncertainty(relationship_age(1991, [1816, 1991, 1991, 1816]), decay_years=10.0)
    >>> E = expected_threat(T, R, u, prior=0.1)
    >>> a = unread_alignment(E, R, [0.2, 0.01, 0.01, 0.1], u, prior=0.1)
    >>> round(float(a[1, 2]), 4), round(0.1 * (0.03 / 0.04 - 0.02 / 0.03), 4), float(a[0, 3]), float(a[3, 0])
    (0.0083, 0.0083, 0.0, 0.0)

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press.
    .. [2] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press (pressure of a threat).
    .. [3] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations
       and Provisions, 1815-1944. International Interactions 28(3): 237-260 (neutrality: not to aid an attacker).
    """
    f = "unread_alignment"
    e = _matrix("expected", expected, np.shape(expected)[0], nonneg=True, check=check)
    n = e.shape[0]
    r = _matrix("reach", reach, n, nonneg=True, check=check)
    p = _vector("power", power, n, nonneg=True, check=check)
    u = _checked(uncertainty, "uncertainty", f, lo=0.0, hi=1.0, check=check)
    pi = float(_checked(prior, "prior", f, lo=0.0, hi=1.0, check=check))
    u = np.broadcast_to(np.asarray(u, dtype=float), (n, n))
    e = e.copy()
    np.fill_diagonal(e, 0.0)
    # the main expected threat over the states other than j: the largest, or the second largest where j is the largest
    first = e.argmax(axis=1) if n else np.zeros(0, np.intp)
    second = _runner_up(e, first) if n > 1 else np.zeros(n, np.intp)  # the first largest other than the first (issue 16: no sort)
    top2 = np.stack([e[np.arange(n), first], e[np.arange(n), second]], axis=1) if n > 1 else np.zeros((n, 2))
    is_first = np.zeros((n, n), bool)
    is_first[np.arange(n), first] = True
    star = np.where(is_first, top2[:, 1:2], top2[:, :1])
    pc = p[:, None]

    def rho(x):
        d = x + pc
        return np.where(d > 0, x / np.where(d > 0, d, 1.0), 0.0)

    out = u * pi * np.maximum(rho(star + r) - rho(star), 0.0)
    if defends is not None or war_risk is not None:
        main_excl = np.where(is_first, second[:, None], first[:, None])  # (i, j): i's main threat other than j
    if defends is not None:  # j bound to defend i's main threat (the threat other than j) can pledge no neutrality
        d = _matrix("defends", defends, n, check=check).astype(bool)
        out = np.where(d[np.arange(n)[None, :], main_excl] & (star > 0), 0.0, out)
    if war_risk is not None:  # worth the war with that threat times its chance (Leeds et al. 2002; Fearon 1997)
        w = _matrix("war_risk", war_risk, n, unit=True, check=check)
        out = out * w[np.arange(n)[:, None], main_excl]
    np.fill_diagonal(out, 0.0)
    return out


def spiral_relief(fear, reach, threat, power, *, check: bool = True) -> np.ndarray:
    r"""What i gains by giving j its own pledge of non-aggression: the balancing against i it ends, (N, N) >= 0.

    .. math::

        S_{ij} = F_{ji}\,\big[\rho_i(T^*_{i,-j} + R_{ij}) - \rho_i(T^*_{i,-j})\big], \qquad
        \rho_i(x) = \frac{x}{x + p_i}, \qquad T^*_{i,-j} = \max_{k \ne j} T_{ik}

    A pact of non-aggression is an exchange of pledges, and the side that has nothing to fear from
    its partner still gains by giving its own. A state that fears another balances against it:
    it arms and aligns with the other's adversaries (Walt 1987, ch. 2 and 5: weak states near a
    threatening power join its enemies when they can); the fear and the balancing feed each other,
    Jervis's (1976, ch. 3) spiral. Kydd (2005, ch. 7) shows how a security seeker ends the spiral:
    it reassures the other with a costly, binding assurance, and what it gains is the other's
    restraint. Snyder (1997, ch. 1) names the same gain in alignment terms: a pledge that keeps a
    partner out of one's adversary's camp is a *preemptive* commitment, denying the partner to the
    rival. So i's gain from its pledge to j is j's fear of i, :math:`F_{ji}` (what i's pledge
    is worth to j: :func:`foedus.theory.obligations.obligation_goods`' reassurance of j, at j's
    belief in it, read as the propensity with which j would otherwise balance against i) times
    the pressure j's capability that reaches i, :math:`R_{ij}`, would add to i's main threat
    other than j, :math:`T^*_{i,-j}`, were j to join it (Walt's pressure form, the form of
    :func:`unread_alignment` and of the abstention of :func:`foedus.theory.obligations.obligation_goods`).
    It is what Morrow's (1991) exchange gives the strong side of a pact of non-aggression: the
    weak side's alignment, not its capability in the field.

    The form is selective as the record is: it is large where j fears i (a neighbour, a former
    ruler, a state with a dispute to manage: Mattes & Vonnahme 2010, non-aggression pacts are
    signed by states with conflicting interests) and where j's capability reaches i, and it falls
    with the capability ratio of the pair (with no other threat and :math:`R_{ij} = p_j`, the bracket is
    j's share of the pair's capability, :math:`p_j / (p_i + p_j)`), so a great power gains little
    from a microstate's restraint.

    Parameters
    ----------
    fear : array (N, N) >= 0
        ``F[j, i]`` what i's pledge of non-aggression is worth to j (its reassurance, in [0, 1] in the published reading).
    reach : array (N, N) >= 0, capability-share units
        ``R[i, j]`` the capability of j that reaches i (:func:`foedus.theory.projection.projected_capability`).
    threat : array (N, N) >= 0, capability-share units
        ``T[i, k]`` the threat k poses to i (:func:`foedus.theory.threat.walt_threat`); the diagonal is ignored.
    power : array (N,) >= 0, capability share

    Returns
    -------
    ndarray (N, N), diagonal 0; 0 where j does not fear i or cannot reach it.

    Examples
    --------
    A strong state (0, capability 0.2) with no other threat and its weak neighbour (1, 0.025: a ratio
    of 8) that fears it at 0.5: the strong side gains half the weak side's share of the pair,
    :math:`0.5 \times 0.025 / 0.225`; the weak side, feared by no one, gains nothing.

    >>> s = spiral_relief(np.array([[0.0, 0.0], [0.5, 0.0]]), np.array([[0.0, 0.025], [0.2, 0.0]]), np.zeros((2, 2)), [0.2, 0.025])
    >>> round(float(s[0, 1]), 4), round(0.5 * 0.025 / 0.225, 4), float(s[1, 0])
    (0.0556, 0.0556, 0.0)

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press, ch. 7.
    .. [2] Jervis, R. (1976). Perception and Misperception in International Politics. Princeton University Press, ch. 3.
    .. [3] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press, ch. 2, 5.
    .. [4] Snyder, G. H. (1997). Alliance Politics. Cornell University Press, ch. 1 (preemptive alliance).
    .. [5] Morrow, J. D. (1991). Alliances and asymmetry. American Journal of Political Science 35(4): 904-933.
    .. [6] Mattes, M. & Vonnahme, G. (2010). Contracting for peace. Journal of Politics 72(4): 925-938.
    """
    t = _matrix("threat", threat, np.shape(threat)[0], nonneg=True, check=check)
    n = t.shape[0]
    f = _matrix("fear", fear, n, nonneg=True, check=check)
    r = _matrix("reach", reach, n, nonneg=True, check=check)
    p = _vector("power", power, n, nonneg=True, check=check)
    if n == 0:
        return np.zeros((0, 0))
    e = np.array(t, dtype=float)
    np.fill_diagonal(e, 0.0)
    rows = np.arange(n)
    first = e.argmax(axis=1)
    second = _runner_up(e, first) if n > 1 else first
    is_first = np.zeros((n, n), bool)
    is_first[rows, first] = True
    star = np.where(is_first, e[rows, second][:, None], e[rows, first][:, None])  # (i, j): i's main threat other than j
    pc = p[:, None]

    def rho(x):
        d = x + pc
        return np.where(d > 0, x / np.where(d > 0, d, 1.0), 0.0)

    out = f.T * np.maximum(rho(star + r) - rho(star), 0.0)
    np.fill_diagonal(out, 0.0)
    return out


def _runner_up(values: np.ndarray, first: np.ndarray) -> np.ndarray:
    """(N,): in each row of non-negative ``values`` the column of the largest value other than column ``first[i]`` (the row's
    argmax), the first on ties: what a stable sort of the row, descending, puts second. One argmax pass, not a sort of
    every row (issue 16); ``values`` is left as it was."""
    rows = np.arange(values.shape[0])
    top = values[rows, first]
    values[rows, first] = -1.0  # below every value
    try:
        return values.argmax(axis=1)
    finally:
        values[rows, first] = top


def pledge_credibility(hostility, *, weight: float = 1.0, threshold: float = 0.0, check: bool = True) -> np.ndarray:
    r"""How far i believes a pledge of non-aggression from j: :math:`c_{ij} = q_{ij}\,[q_{ij} \ge \tau]`, :math:`q_{ij} = 1 - w\,H_{ji}` (N, N), in [0, 1].

    Kydd (2005): a pledge reassures only a state that believes its partner may be a security
    seeker; to a state sure the other is an expansionist, a promise not to attack is cheap talk,
    and non-aggression pacts between bitter rivals are rare unless a costly signal comes with
    them (a pledge of neutrality is another matter: it is kept when the partner has its own
    reasons to stay out of one's war with a third state). The probability that j is a security seeker toward i is
    read from j's revealed hostility to i, :math:`H_{ji}` in [0, 1] (the same record the threat's
    intentions are read from); ``weight`` :math:`w` in [0, 1] (1: the published reading, 0: every
    pledge believed). The value of a pledge is the pressure it would lift times its credibility
    (:func:`foedus.sim.steps.formation.credible_goods`), so between states of mild hostility it is
    worth most, between friends and between sworn enemies little (the threat is nil, or the pledge
    is not believed).

    >>> pledge_credibility(np.array([[0.0, 0.6], [0.2, 0.0]])).round(2).tolist()
    [[1.0, 0.8], [0.4, 1.0]]

    *Minimum trust threshold* (``threshold`` :math:`\tau`). Kydd (2005, ch. 2) models the
    choice to cooperate with a partner of uncertain type as an Assurance game: a security seeker
    cooperates only when its trust :math:`q` (the probability that the other is a security
    seeker too) reaches its minimum trust threshold; below it, a promise from the other changes
    nothing, since an expansionist would make it as readily (cheap talk; Fearon 1995 on the
    commitment problem: a pledge no one can enforce binds only a partner who wants to keep it).
    So the credibility is the trust where it reaches the threshold and nothing below it. With
    the payoffs of the symmetric Stag Hunt (what one gains from mutual cooperation over
    exploiting the other equal to what one loses by being exploited against mutual defection),
    the threshold is the risk-dominance point :math:`\tau = 1/2` (Harsanyi & Selten 1988):
    sworn enemies (a Thompson-Dreyer rivalry, :math:`H = 0.6`) do not believe each other's
    pledges at all, states of mild hostility believe them in proportion to their trust.
    :math:`\tau = 0` is the linear discount above.

    >>> pledge_credibility(np.array([[0.0, 0.6], [0.2, 0.0]]), threshold=0.5).round(2).tolist()
    [[1.0, 0.8], [0.0, 1.0]]

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press, ch. 7-8.
    .. [2] Mattes, M. & Vonnahme, G. (2010). Contracting for peace: Do nonaggression pacts reduce
       conflict? Journal of Politics 72(4): 925-938.
    .. [3] Fearon, J. D. (1995). Rationalist explanations for war. International Organization 49(3): 379-414.
    .. [4] Harsanyi, J. C. & Selten, R. (1988). A General Theory of Equilibrium Selection in Games. MIT Press.
    """
    h = _matrix("hostility", hostility, np.shape(hostility)[0], check=check)
    w = float(_checked(weight, "weight", "pledge_credibility", lo=0.0, hi=1.0, check=check))
    tau = float(_checked(threshold, "threshold", "pledge_credibility", lo=0.0, hi=1.0, check=check))
    out = 1.0 - w * np.clip(h.T, 0.0, 1.0)
    if tau > 0:  # below the minimum trust threshold a pledge is cheap talk (Kydd 2005, ch. 2)
        out = np.where(out >= tau, out, 0.0)
    np.fill_diagonal(out, 1.0)
    return out


def minimum_trust_threshold(mutual_cooperation, sucker, temptation, mutual_defection, *, check: bool = True) -> np.ndarray:
    r"""Kydd's (2005, ch. 2) minimum trust threshold of the Assurance game: :math:`\tau = \frac{P - S}{(R - T) + (P - S)}`.

    A security seeker that cooperates gets :math:`R` if the other cooperates and :math:`S` if it
    is exploited; one that defects gets :math:`T` (exploiting) or :math:`P` (mutual defection),
    with :math:`R > T` and :math:`P > S` (the Assurance game, or Stag Hunt, of two security
    seekers). With trust :math:`q` (the probability the other cooperates), cooperation pays
    when :math:`qR + (1-q)S \ge qT + (1-q)P`, that is when :math:`q \ge \tau`. Where the gain of
    mutual cooperation over exploiting equals the loss of being exploited against mutual
    defection, :math:`\tau = 1/2`, the risk-dominance point of Harsanyi & Selten (1988), the
    default of the simulator's ``trust_threshold`` (:func:`pledge_credibility`).

    >>> float(minimum_trust_threshold(4.0, 0.0, 3.0, 1.0))
    0.5
    >>> round(float(minimum_trust_threshold(4.0, 0.0, 2.0, 1.0)), 3)   # mutual cooperation pays more: less trust needed
    0.333

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press, ch. 2.
    .. [2] Harsanyi, J. C. & Selten, R. (1988). A General Theory of Equilibrium Selection in Games. MIT Press.
    """
    f = "minimum_trust_threshold"
    r = _checked(mutual_cooperation, "mutual_cooperation", f, check=check)
    s = _checked(sucker, "sucker", f, check=check)
    t = _checked(temptation, "temptation", f, check=check)
    p = _checked(mutual_defection, "mutual_defection", f, check=check)
    r, s, t, p = _broadcast(f, mutual_cooperation=r, sucker=s, temptation=t, mutual_defection=p, check=check)
    if check and (np.any(r <= t) or np.any(p <= s)):
        raise ValueError(f"{f}: an Assurance game needs mutual_cooperation > temptation and mutual_defection > sucker")
    return (p - s) / ((r - t) + (p - s))


def credible_pledges(protection, kept, aggrandisement, credibility, *, check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    r"""The protection and aggrandisement a pact with j is worth to i when i believes j's pledge to fight with probability :math:`c_{ij}`.

    .. math::

        P'_{ij} = c_{ij}\,(P_{ij} - K_{ij}) + K_{ij}, \qquad A'_{ij} = c_{ij}\,A_{ij}

    with :math:`P` the value of j's protection (the alignment utility, F1-F4), :math:`K` its part that does not rest
    on j's pledge to fight (bandwagoning and tethering, F3 and F4), :math:`A` the value of j's help in an attack on
    i's target (:func:`foedus.theory.offence.aggrandisement`) and :math:`c` :func:`pledge_credibility` (Kydd's trust,
    0 below the minimum trust threshold). A pledge to fight beside a state, in its defence or in its attack, is a
    promise of the same kind as a pledge of non-aggression: worth what it would bring times the probability it is
    kept, and from a partner one is sure is an expansionist toward oneself it is cheap talk (Kydd 2005, ch. 2;
    Fearon 1995: a promise no one can enforce binds only a partner who wants to keep it; Leeds 2003: alliance
    commitments are honoured where the partners' interests stay aligned). So every pledge good from an untrusted
    partner is scaled alike: discounting the defence pledge alone moved rivals to offence pacts (Germany with Russia
    and with France, Japan with Russia in runs from 1900). The value of balancing (F1, F2) is the partner's help
    against a third state and is scaled; the motives for allying *with* a threat are left whole, since what a state
    seeks there is not the partner's help but its restraint: bandwagoning appeases the threat (Walt 1987,
    Schweller 1994), tethering holds it by the treaty (Weitsman 1997, 2004: *intimate enemies* ally to manage the
    threat they pose each other, Austria-Hungary and Italy in the Triple Alliance). A pledge of neutrality is
    another matter (:func:`foedus.sim.steps.formation.credible_goods`): it is kept where the partner has its own
    reasons to stay out (the Reinsurance Treaty 1887, the Nazi-Soviet pact 1939).

    Parameters
    ----------
    protection, kept, aggrandisement : array (N, N)
        :math:`P`, :math:`K` (a part of :math:`P`) and :math:`A`.
    credibility : array (N, N) in [0, 1]
        :math:`c`; 1 leaves the goods whole.
    check : bool, default True

    Returns
    -------
    (protection, aggrandisement) : two new arrays (N, N).

    Examples
    --------
    Between friends the goods are whole; from a sworn enemy (trust below the threshold, :math:`c = 0`) only the
    part kept (bandwagoning, tethering) is left:

    >>> p, a = credible_pledges(np.array([[0.0, 0.3], [0.3, 0.0]]), np.array([[0.0, 0.05], [0.05, 0.0]]),
    ...                         np.array([[0.0, 0.2], [0.1, 0.0]]), np.array([[1.0, 1.0], [0.0, 1.0]]))
    >>> p.round(2).tolist(), a.round(2).tolist()
    ([[0.0, 0.3], [0.05, 0.0]], [[0.0, 0.2], [0.0, 0.0]])

    References
    ----------
    .. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press, ch. 2.
    .. [2] Fearon, J. D. (1995). Rationalist explanations for war. International Organization 49(3): 379-414.
    .. [3] Leeds, B. A. (2003). Alliance reliability in times of war. International Organization 57(4): 801-827.
    .. [4] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press, ch. 2.
    .. [5] Schweller, R. L. (1994). Bandwagoning for profit. International Security 19(1): 72-107.
    .. [6] Weitsman, P. A. (1997). Intimate enemies: the politics of peacetime alliances. Security Studies 7(1): 156-193.
    """
    f = "credible_pledges"
    c = _checked(credibility, "credibility", f, lo=0.0, hi=1.0, check=check)
    p = _checked(protection, "protection", f, check=check)
    k = _checked(kept, "kept", f, check=check)
    a = _checked(aggrandisement, "aggrandisement", f, check=check)
    if check:
        _broadcast(f, protection=p, kept=k, aggrandisement=a, credibility=c)
    return c * (p - k) + k, c * a


def attack_capability(reach, power, *, check: bool = True) -> np.ndarray:
    r"""The capability of j that reaches i and that j could use against i with the expectation of winning: (N, N) >= 0.

    .. math:: A_{ij} = R_{ij}\,\max(0,\ 2P_{ij} - 1), \qquad P_{ij} = \frac{R_{ij}}{R_{ij} + p_i}

    Bueno de Mesquita (1981, ch. 3-4): a state attacks only when its expected utility of the war is positive, with equal
    stakes of winning and losing when its probability of success :math:`P` (its capability at the battlefield against
    the defender's) exceeds one half, and the more the likelier its victory (:func:`foedus.theory.offence.aggrandisement`
    takes the option to attack at the same :math:`\max(0, 2P - 1)`). So a partner whose intentions no record shows yet
    threatens one with what it could take by force: a great power next to a new state, all of its reach; a state no
    stronger than oneself at one's border, nothing (:func:`expected_threat` takes it as the threat of a hostile partner).
    The record's pacts of reassurance are often of that kind: a strong state and a weak neighbour (the Soviet Union's
    non-aggression pacts of 1926-1939 with its western neighbours; ATOP 5.1's non-aggression pacts join states of median
    capability ratio 6-8), not two microstates.

    A measured candidate, not called by the simulator (pacts16, 2026-12-07): as the threat of a new state's partner in
    :func:`expected_threat` (``foedus.sim.steps.year_goods.intentions``), it ended the record-built 1990 run's
    non-aggression pacts with no threat between the signatories (seed 1, 15 years: 14 of 33 before, 0 of 12 after) and
    raised the capability ratio of the 1946 runs' non-aggression pacts (seeds 1-3, median 1.6-1.7 to 2.0-2.4; a third
    above 3), but it also ended the pacts among near-equal successor states, of which the record's surge after 1990 is made
    (137 of ATOP's 243 non-aggression and neutrality treaties of 1990-2018 have a new state among their members), and
    moved two in-sample facts away from the record while in range (foedus validate,
    seeds 1-6: 1946-1989 non-aggression pacts 0.0141 to 0.0104 per state-year, record 0.0182, bound 0.0091; alliances in
    force at the end 0.63 to 0.58, record 0.95) and out of sample put 1990-2018 ten-year survival of pacts begun out of
    range (0.81 to 0.74, record 0.92) and halved its non-aggression pacts (0.0087 to 0.0048, record 0.034). The equal
    pairs are a defect of the pressure form's scale (a microstate's fear of another), not of the prior.

    Examples
    --------
    A great power (0.2) next to a weak state (0.02) reaching it whole, and two equal small states: the weak state faces
    nearly all of the great power's reach, the great power nothing from it, the equals nothing from each other:

    >>> a = attack_capability(np.array([[0, 0.2, 0.02], [0.02, 0, 0], [0.02, 0, 0]]), [0.02, 0.2, 0.02])
    >>> [round(float(x), 4) for x in (a[0, 1], a[1, 0], a[0, 2], a[2, 0])]
    [0.1636, 0.0, 0.0, 0.0]

    References
    ----------
    .. [1] Bueno de Mesquita, B. (1981). The War Trap. Yale University Press, ch. 3-4.
    .. [2] Mattes, M. & Vonnahme, G. (2010). Contracting for peace. Journal of Politics 72(4): 925-938.
    """
    r = _matrix("reach", reach, np.shape(reach)[0], nonneg=True, check=check)
    p = _vector("power", power, r.shape[0], nonneg=True, check=check)
    tot = r + p[:, None]
    odds = np.where(tot > 0, r / np.where(tot > 0, tot, 1.0), 0.0)
    out = r * np.maximum(2.0 * odds - 1.0, 0.0)
    np.fill_diagonal(out, 0.0)
    return out
