"""Balance of threat: who threatens whom, and how much (brief F1, F2; Walt 1985, 1987).

Walt (1987, ch. 2) names four sources of threat: *aggregate power* (total resources), *geographic
proximity* (the ability to project power declines with distance), *offensive power* (the ability to
threaten another's sovereignty at acceptable cost) and *perceived aggressive intentions*. This module
builds a whole system's threat matrix from them at once, for N states:
``T[i, j]`` is the threat that state ``j`` poses to state ``i`` (``i``'s view of ``j``).

Units. Power is a **capability share** (COW CINC is one: each state's share of system capabilities,
summing to about 1); proximity, offensive capability and intentions are dimensionless in ``[0, 1]``.
The threat is therefore in capability-share units: ``T[i, j] <= power[j]``, with equality when ``j``
is contiguous, fully offensive and fully hostile to ``i``. Diagonals are 0 (no state threatens
itself).

The balance-of-power special case (Waltz 1979) sets proximity, offence and intentions to 1:
threat is simply the other's power.

References
----------
1. Walt, S. M. (1985). Alliance formation and the balance of world power. *International
   Security* 9(4): 3-43.
2. Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2 and 8.
3. Waltz, K. N. (1979). *Theory of International Politics*. Reading: Addison-Wesley, ch. 6.
4. Boulding, K. E. (1962). *Conflict and Defense*. New York: Harper, ch. 12 (loss-of-strength
   gradient: power declines with distance from its base).
5. Singer, J. D., Bremer, S. & Stuckey, J. (1972). Capability distribution, uncertainty, and major power war, 1820-1965.
   In B. Russett (ed.), *Peace, War, and Numbers*. Beverly Hills: Sage, 19-48 (the CINC).
"""

from __future__ import annotations

import numpy as np

from foedus.theory.global_threat import global_threat_exposure, shared_global_threat
from foedus.theory.intentions import allied_intentions, commercial_restraint, intentions_from_acts, reach_within, revealed_hostility
from foedus.theory.projection import projected_capability, reach_fraction
from foedus.theory._validate import _array, _first, _matrix, _per_pair, _per_state, _vector, _zero_diagonal

__all__ = [
    "aggregate_power", "allied_intentions", "balance_of_power_threat", "commercial_restraint", "competition_pairs", "global_threat_exposure",
    "intentions_from_acts", "offensive_power", "perceived_intentions", "perceived_main_threat", "proximity_matrix", "reach_within",
    "revealed_hostility", "shared_global_threat", "threat_matrix", "walt_threat",
]


# --- public API -------------------------------------------------------------------------------------


def aggregate_power(components) -> np.ndarray:
    """Walt's aggregate power as a capability share: the Composite Index of National Capability.

    Each column of ``components`` is one capability (COW NMC: military expenditure, military
    personnel, iron and steel production, primary energy consumption, total population, urban
    population). A state's share of column ``c`` is ``x[i, c] / sum_k x[k, c]``; its aggregate power
    is the mean of its shares over the columns it reports (Singer, Bremer & Stuckey 1972), so the
    result sums to 1 over a complete system when no value is missing:

    .. math:: \\mathrm{CINC}_i = \\frac{1}{|C_i|} \\sum_{c \\in C_i} \\frac{x_{ic}}{\\sum_k x_{kc}}

    Brief F2 (Walt 1987: "aggregate power", the first source of threat).

    Parameters
    ----------
    components : array (N, C) of float >= 0, NaN for missing
        Raw capability components of the N states of one year, any units per column.

    Returns
    -------
    array (N,) of float in [0, 1]
        Capability shares; NaN for a state with no component reported.

    Notes
    -----
    Applied to the COW NMC components of any year, this reproduces the published CINC column
    (the test suite checks this against the record).

    References
    ----------
    Singer, Bremer & Stuckey (1972); Walt (1987), ch. 2.
    """
    try:
        x = np.asarray(components, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"components: not numeric ({exc})") from None
    if x.ndim != 2:
        raise ValueError(f"components: expected shape (N, C) (states x capability components), got {x.shape}")
    seen = ~np.isnan(x)
    if np.isinf(x).any():
        raise ValueError(f"components: infinite value at index {_first(np.isinf(x))}")
    if (x[seen] < 0).any():
        raise ValueError(f"components: negative value at index {_first(seen & (np.nan_to_num(x) < 0))}; capabilities must be >= 0")
    totals = np.nansum(x, axis=0)
    shares = np.divide(np.nan_to_num(x), totals, out=np.zeros_like(x), where=totals > 0)
    count = seen.sum(axis=1)
    out = np.full(x.shape[0], np.nan)
    has = count > 0
    out[has] = shares[has].sum(axis=1) / count[has]  # missing entries hold a share of 0
    return out


def proximity_matrix(distance_km, contiguous=None, *, decay_km: float = 1000.0) -> np.ndarray:
    """Geographic proximity ``exp(-distance / decay_km)``, 1 for contiguous pairs (brief F2).

    Walt (1987, ch. 2): "the ability to project power declines with distance", so nearby states
    pose a greater threat than distant ones; Boulding's (1962) loss-of-strength gradient is the
    classic form. Here the decay is exponential with a characteristic range ``decay_km`` (the
    distance at which proximity falls to 1/e = 0.37), and contiguity (a shared land border or a
    narrow water crossing, COW Direct Contiguity) overrides distance:

    .. math:: \\pi_{ij} = \\begin{cases} 1 & \\text{if } i, j \\text{ contiguous} \\\\
              e^{-d_{ij}/\\lambda} & \\text{otherwise} \\end{cases}, \\qquad \\pi_{ii} = 0

    Parameters
    ----------
    distance_km : array (N, N) of float >= 0, kilometres
        Minimum distance between the states (e.g. CShapes 2.0 minimum distance). ``inf`` is
        allowed (proximity 0). Need not be symmetric.
    contiguous : array (N, N) of bool, optional
        True where the pair is contiguous; None means no pair is.
    decay_km : float > 0, kilometres, default 1000
        Characteristic range of power projection.

    Returns
    -------
    array (N, N) of float in [0, 1], diagonal 0.

    Examples
    --------
    >>> proximity_matrix([[0, 1000], [1000, 0]]).round(3)
    array([[0.   , 0.368],
           [0.368, 0.   ]])

    References
    ----------
    Walt (1987), ch. 2; Boulding (1962), ch. 12.
    """
    d = _matrix("distance_km", distance_km, nonneg=True, allow_inf=True)
    if not (np.isfinite(decay_km) and decay_km > 0):
        raise ValueError(f"decay_km: must be a positive number of kilometres, got {decay_km!r}")
    p = np.exp(-d / decay_km)
    if contiguous is not None:
        c = np.asarray(contiguous)
        if c.shape != d.shape:
            raise ValueError(f"contiguous: expected shape {d.shape} like distance_km, got {c.shape}")
        if c.dtype != bool and not np.isin(c, (0, 1)).all():
            raise ValueError("contiguous: must be boolean (or 0/1)")
        p[c.astype(bool)] = 1.0
    return _zero_diagonal(p)


def threat_matrix(power, proximity, offensive, intentions, *, check: bool = True) -> np.ndarray:
    """Walt's balance-of-threat matrix: ``T[i, j]`` = threat that ``j`` poses to ``i`` (brief F2).

    The four sources of threat (Walt 1985, 1987) combine multiplicatively, so a threat needs all of
    them: a powerful but distant, defensive or friendly state is no threat.

    .. math:: T_{ij} = P_j \\, \\pi_{ij} \\, O_j \\, I_{ij}, \\qquad T_{ii} = 0

    Parameters
    ----------
    power : array (N,) of float >= 0, capability share
        Aggregate power ``P`` (e.g. CINC; see :func:`aggregate_power`).
    proximity : array (N, N) of float in [0, 1]
        ``pi[i, j]``: how close ``j`` is to ``i`` (see :func:`proximity_matrix`).
    offensive : float or array (N,) of float in [0, 1]
        Offensive capability ``O[j]``: the share of ``j``'s power usable to attack (force posture,
        power projection); 1 = fully offensive.
    intentions : float or array (N, N) of float in [0, 1]
        Perceived aggressive intentions ``I[i, j]``: how aggressive ``i`` believes ``j`` to be
        (see :func:`perceived_intentions`). An (N,) array is read per viewer ``i`` (rows).
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N, N) of float >= 0, capability-share units; ``T[i, j] <= power[j]``; diagonal 0.

    Examples
    --------
    >>> threat_matrix([0.5, 0.1], [[0, 1], [1, 0]], 1.0, 1.0)
    array([[0. , 0.1],
           [0.5, 0. ]])

    References
    ----------
    Walt, S. M. (1987). *The Origins of Alliances*, ch. 2 ("the sources of threat") and ch. 8.
    """
    p = _vector("power", power, nonneg=True, check=check)
    n = p.shape[0]
    prox = _matrix("proximity", proximity, n, unit=True, check=check)
    o = _per_state("offensive", offensive, n, unit=True, check=check)
    it = _per_pair("intentions", intentions, n, unit=True, check=check)
    return _zero_diagonal(prox * it * (p * o)[None, :])


def balance_of_power_threat(power) -> np.ndarray:
    """The balance-of-power special case: ``T[i, j] = power[j]`` (brief F1; Waltz 1979).

    Neorealist balance of power treats any concentration of capability as dangerous whatever its
    location or intent, so proximity, offence and intentions are all 1 in :func:`threat_matrix`.

    Parameters
    ----------
    power : array (N,) of float >= 0, capability share

    Returns
    -------
    array (N, N), each row the others' power; diagonal 0.

    References
    ----------
    Waltz, K. N. (1979). *Theory of International Politics*, ch. 6; Walt (1987), ch. 2 (the
    balance of power as the special case of balance of threat).
    """
    p = _vector("power", power, nonneg=True)
    return _zero_diagonal(np.repeat(p[None, :], p.shape[0], axis=0))


def perceived_intentions(
    hostility,
    ideal_point_distance=None,
    rivalry=None,
    *,
    weights: tuple[float, float, float] = (0.5, 0.25, 0.25),
    check: bool = True,
) -> np.ndarray:
    """Perceived aggressive intentions ``I[i, j]`` in [0, 1]: how aggressive ``i`` believes ``j`` is.

    Walt's fourth source of threat (1987, ch. 2): "states that are viewed as aggressive are likely
    to provoke others to balance against them". Three observable indicators are combined as a
    weighted mean over those supplied (weights renormalised to the indicators given):

    .. math:: I_{ij} = \\frac{w_h H_{ij} + w_d D_{ij} + w_r R_{ij}}{w_h + w_d + w_r}

    Parameters
    ----------
    hostility : array (N, N) of float in [0, 1]
        ``H[i, j]``: hostility of ``j`` as seen by ``i`` (e.g. share of recent years with a
        militarised dispute, or a scenario input).
    ideal_point_distance : array (N, N) of float in [0, 1], optional
        ``D[i, j]``: foreign-policy divergence, e.g. the distance between UN General Assembly ideal
        points (Bailey, Strezhnev & Voeten 2017) divided by its maximum in the system.
    rivalry : array (N, N) of bool or float in [0, 1], optional
        ``R[i, j]``: strategic rivalry (Thompson & Dreyer 2012), 1 for rivals.
    weights : (w_h, w_d, w_r), each >= 0, default (0.5, 0.25, 0.25)
        Relative weights of hostility, ideal-point distance and rivalry; hostility, the most direct
        indicator, carries half the weight by default.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N, N) of float in [0, 1], diagonal 0.

    References
    ----------
    Walt (1987), ch. 2; Bailey, Strezhnev & Voeten (2017), *Journal of Conflict
    Resolution* 61(2): 430-456; Thompson & Dreyer (2012), *Handbook of International Rivalries*.
    """
    h = _matrix("hostility", hostility, unit=True, check=check)
    n = h.shape[0]
    w = _array("weights", weights, nonneg=True, check=check)
    if check and w.shape != (3,):
        raise ValueError(f"weights: expected three weights (hostility, ideal_point_distance, rivalry), got shape {w.shape}")
    total = w[0] * h
    denom = w[0]
    if ideal_point_distance is not None:
        total = total + w[1] * _matrix("ideal_point_distance", ideal_point_distance, n, unit=True, check=check)
        denom += w[1]
    if rivalry is not None:
        total = total + w[2] * _matrix("rivalry", rivalry, n, unit=True, check=check)
        denom += w[2]
    if check and denom <= 0:
        raise ValueError("weights: the indicators supplied all have weight 0")
    return _zero_diagonal(total / denom)


def walt_threat(
    power, offensive, exponent, hostility, proximity, ideal_point_distance, rivalry, commitment, exposed=None,
    *,
    weights: tuple[float, float, float] = (0.5, 0.25, 0.25),
    ally_discount: float = 0.9,
    aggression_floor: float = 0.0,
    restraint=None,
    belied: float | None = None,
    serious: float | None = None,
    reach_weight: float = 1.0,
    ideology_alone: float = 0.0,
    ideology_camp: float = 0.0,
    ideology_excess=None,
    forward=None,
    relevant=None,
    issue=None,
    contiguous=None, exposed_near=None, struck=None,
    check: bool = True,
) -> np.ndarray:
    """Walt's threat with geography: projected offensive power times perceived intentions (brief F2).

    The four sources of threat (Walt 1987, ch. 2) in one matrix, ``T[i, j]`` = threat ``j`` poses to ``i``:

    .. math:: T_{ij} = (P_j O_j)^{x_{ij}} \\; I'_{ij}, \\qquad T_{ii} = 0

    - aggregate and offensive power: ``P_j O_j``, the share of system capability ``j`` can use to
      attack (:func:`foedus.theory.capability.offensive_capability`);
    - proximity: Bueno de Mesquita's (1981) distance discount, the exponent ``x_ij`` of
      :func:`foedus.theory.projection.distance_discount_exponent` (Boulding's loss-of-strength
      gradient), so a great military capability reaches far and a small one does not;
    - intentions: :func:`intentions_from_acts` of the :func:`revealed_hostility` (hostility to
      ``i`` or to its neighbours, an act against a neighbour read in proportion to the share of
      ``j``'s capability that reaches it, :func:`~foedus.theory.projection.reach_fraction`,
      and alarming ``i`` only as far as ``i`` lies within the reach ``j`` has shown, the ratio of
      ``i``'s proximity to ``j`` to its victim's: ``within`` is ``proximity ** reach_weight``; an act against one of ``j``'s neighbours
      alarms ``j``'s other neighbours, ``contiguous`` and ``exposed_near``), coloured by UN ideal-point distance, and rivalry, then
      :func:`allied_intentions` (discounted by the commitment ``C_ij`` of a shared pact, except between rivals): a
      state that has revealed no hostility and is no rival is no threat, however strong;
      times the :func:`commercial_restraint` of their trade (``restraint``, brief T2), and only where ``j`` lies in ``i``'s
      relevant neighbourhood or has a live issue with it (``issue``, :func:`foedus.theory.relevance.live_issue`; Lemke 2002,
      Vasquez 1993): elsewhere ``j`` has no intentions towards ``i`` that ``i`` can read.

    Parameters
    ----------
    power : array (N,) of float in [0, 1], capability share
    offensive : array (N,) of float in [0, 1]
    exponent : array (N, N) of float > 0
        Distance-discount exponents: :func:`~foedus.theory.projection.relative_discount_exponent`
        (capability-share units, ``T <= P O``; the simulator's) or the published
        :func:`~foedus.theory.projection.distance_discount_exponent`.
    hostility, proximity : array (N, N) of float in [0, 1]
        As in :func:`revealed_hostility`.
    ideal_point_distance : array (N, N) of float in [0, 1], or None
    rivalry : array (N, N) of bool or float in [0, 1]
    commitment : array (N, N) of float in [0, 1]
        Commitment of the strongest shared security agreement (0 for none).
    exposed : array (N,) or (N, N) of float in [0, 1], optional
        As in :func:`revealed_hostility`.
    weights : (w_h, w_d, w_r), default (0.5, 0.25, 0.25)
        As in :func:`perceived_intentions`.
    ally_discount : float in [0, 1], default 0.9
        As ``discount`` in :func:`allied_intentions`.
    aggression_floor : float in [0, 1], default 0
        As ``floor`` in :func:`revealed_hostility` and ``serious`` in :func:`intentions_from_acts`.
    serious : float in [0, 1], optional
        As ``serious`` in :func:`intentions_from_acts` (the acts at which ideology counts in full);
        None: ``aggression_floor``.
    belied : float in [0, 1], optional
        As ``serious`` in :func:`allied_intentions`: an ally whose own hostility reaches it is not
        discounted (force belies the pledge); None discounts every ally (the simulator passes its
        ``aggression_hostility``).
    restraint : array (N, N) of float in [0, 1], optional
        :func:`commercial_restraint` of the pairs' trade dependence, multiplying the intentions
        (brief T2); None for none.
    reach_weight : float in [0, 1], default 1
        ``w``: an act alarms ``i`` as far as ``i`` lies within the aggressor's shown reach, ``W ** w``
        (``within = proximity ** w`` in :func:`revealed_hostility`); 0 reads every act as if within reach.
    ideology_alone : float in [0, 1], default 0
        As ``alone`` in :func:`intentions_from_acts`: the share of ideal-point distance that threatens without acts (Haas 2005).
    ideology_camp : float in [0, 1), default 0
        As ``camp`` in :func:`intentions_from_acts`; ``ideology_excess``, as its ``excess``, replaces it (:func:`ideological_excess`).
    forward : array (N, N) of float >= 1, optional
        Exponents with forward presence (:func:`foedus.theory.projection.forward_exponent`; Boulding 1962, ch. 12) for the projected
        power only (Walt's power and proximity); the acts read as intentions keep ``exponent``. None: ``exponent``.
    relevant : array (N, N) of float in [0, 1], optional
        As in :func:`revealed_hostility`: the politically relevant dyads (:func:`foedus.theory.relevance.relevant_dyads`;
        Lemke & Reed 2001), the only aggressors whose acts against others ``i`` reads; None: every pair.
    contiguous, exposed_near, struck : arrays (N, N), optional
        As in :func:`revealed_hostility` (an aggressor's neighbours read its attacks on its other neighbours). None: not so.
    issue : array (N, N) of float in {0, 1}, optional
        ``G[i, j]``: ``j`` can threaten ``i`` at all (:func:`foedus.theory.relevance.live_issue`; Lemke 2002), multiplying the intentions. None: every pair.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1], diagonal 0 (capability-share units; relative exponent: ``T_ij <= P_j O_j``).

    Notes
    -----
    Published forms vs ours: Walt states the sources of threat without a functional form; the product (a threat needs all of
    them) and the intentions index are ours; the distance discount is Bueno de Mesquita's, applied to offensive capability.

    References
    ----------
    Walt (1987), ch. 2; Bueno de Mesquita (1981), pp. 103-105; Boulding (1962), ch. 12; Lemke (2002), ch. 4.
    """
    p = _vector("power", power, unit=True, check=check)
    n = p.shape[0]
    o = _vector("offensive", offensive, n, unit=True, check=check)
    intent = intentions_from_acts(
        revealed_hostility(hostility, proximity, exposed, floor=aggression_floor, reach=reach_fraction(p, exponent, check=check), within=reach_within(proximity, reach_weight, check=check), relevant=relevant,
                           contiguous=contiguous, exposed_near=exposed_near, struck=struck, check=check),
        ideal_point_distance, rivalry, weights=weights,
        serious=aggression_floor if serious is None else serious, alone=ideology_alone, camp=ideology_camp, excess=ideology_excess, check=check,
    )
    intent = allied_intentions(
        intent, commitment, discount=ally_discount, hostility=None if belied is None else hostility, serious=0.0 if belied is None else belied, rivalry=rivalry, check=check
    )
    if restraint is not None:
        intent = intent * _matrix("restraint", restraint, n, unit=True, check=check)
    if issue is not None:  # only a state of i's neighbourhood or with a live issue has intentions towards i (Lemke 2002)
        intent = intent * _matrix("issue", issue, n, unit=True, check=check)
    return _zero_diagonal(projected_capability(p * o, exponent if forward is None else forward, check=check) * intent)


def offensive_power(military, personnel, power, *, floor: float = 0.05, check: bool = True) -> np.ndarray:
    """Walt's offensive power (0-1): the larger of a state's shares of military stock and of men under arms, over its capability share.

    .. math:: O_j = \\mathrm{clip}\\left(\\tfrac{1}{2} \\, \\frac{\\max(m_j / \\sum_k m_k,\\; q_j / \\sum_k q_k)}{p_j}, f, 1\\right)

    Walt (1987, ch. 2) names offensive power, "the ability to threaten the sovereignty or
    territorial integrity of another state at an acceptable cost", apart from aggregate power,
    and his examples are armies: the forces that can take and hold a neighbour's territory.
    :func:`foedus.theory.capability.offensive_capability` reads it from the military stock
    (accumulated spending) alone, which leaves a state whose forces are men rather than money at
    the floor: North Korea (1.2 million under arms, a few billion dollars of spending) and Iran
    (about 0.6 million) posed less offensive power to their neighbours than Saudi Arabia. Both
    military components of COW's capability index count here, whichever is the larger share
    (Singer, Bremer & Stuckey 1972: military expenditure and military personnel), so a state
    whose share of either is at least twice its share of overall capability has an offensive
    posture (1). With ``personnel`` proportional to ``military`` it equals
    ``offensive_capability``. Published form: Walt gives no formula; this proxy is ours.

    Parameters
    ----------
    military : array (N,) of float >= 0
        Military stock (any units; only shares matter).
    personnel : array (N,) of float >= 0
        Military personnel (any units; only shares matter; COW NMC ``milper``, thousands).
    power : array (N,) of float >= 0, capability share
    floor : float in [0, 1], default 0.05
        Least offensive power (every force can threaten some).
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N,) of float in [floor, 1]

    Examples
    --------
    >>> offensive_power([3.0, 1.0], [1.0, 3.0], [0.5, 0.5]).tolist()  # the second state's men make it as offensive as the first's money
    [0.75, 0.75]

    References
    ----------
    Walt (1987), ch. 2; Singer, Bremer & Stuckey (1972).
    """
    m = _vector("military", military, nonneg=True, check=check)
    q = _vector("personnel", personnel, m.shape[0], nonneg=True, check=check)
    pw = _vector("power", power, m.shape[0], nonneg=True, check=check)
    if check and not (np.isfinite(floor) and 0 <= floor <= 1):
        raise ValueError(f"floor: must lie in [0, 1], got {floor!r}")
    ms, qs = m.sum(), q.sum()
    share = np.maximum(m / ms if ms > 0 else np.zeros_like(m), q / qs if qs > 0 else np.zeros_like(q))
    r = np.divide(0.5 * share, pw, out=np.zeros_like(pw), where=pw > 0)
    return np.minimum(np.maximum(r, floor), 1.0)


def perceived_main_threat(threat, power, *, threshold: float, ceiling: float = np.inf, floor: float = 0.0, check: bool = True) -> np.ndarray:
    """Each state's main threat, ``t(i) = argmax_j T[i, j]``, if it is perceived: at least ``max(floor, min(threshold * p_i, ceiling))``, else -1.

    .. math:: t(i) = \\begin{cases} \\arg\\max_j T_{ij} & \\text{if } \\max_j T_{ij} > 0 \\text{ and } \\max_j T_{ij} \\ge \\max(\\underline\\theta, \\min(\\theta \\, p_i, \\bar\\theta)) \\\\ -1 & \\text{otherwise} \\end{cases}

    Perception needs a signal above the noise (Jervis 1976, ch. 4), and a state watches two
    balances (Walt 1987, ch. 2): its own against the other's, and the system's. A threat is
    perceived when it stands above the noise of either:

    - of its own capability: at least ``threshold`` of its capability share ``p_i``, the median
      annual change of a state's capability share (COW NMC: 0.030 of the share, |d log CINC| over
      the state-years of 1816-1914 and 1946-1989). Without it every state names one however small
      (Brazil naming Russia at 7e-7 of system capability in 2022; a German middle state naming its
      Confederation partner for a residual 1e-4);
    - of the system's balance: at least ``ceiling`` in capability-share units, the mean annual
      absolute change of a state's capability share (7.7e-4 over the same state-years), which any
      state perceives however strong it is. Without it a great power perceives nothing: in 1946 the
      Soviet threat to the United States, 0.006 of system capability, is below 3 % of the American
      0.35, and the United States named no main threat (Walt 1987, ch. 5: the Soviet Union was the
      threat the United States balanced against from 1947).

    And a threat is perceived only above the noise of the record itself: at least ``floor`` in
    capability-share units, the median annual absolute change of a state's capability share
    (COW NMC 6.0: 7.1e-5 over the state-years of 1816-1914 and 1946-1989), however small the
    viewer. Without it a small state's threshold ``theta p_i`` vanishes with its capability and the
    largest of its negligible threats becomes its main one: a war's aggressor, whose revealed
    hostility reaches far in a faint trace, became the main threat of small states far away (a 1946
    run, seed 1: Congo and the DR Congo naming India in 1962 below 7.1e-5). Walt (1987, ch. 2):
    aggressive intentions alarm the states within reach; the floor is the absolute form of Jervis's
    (1976) signal above the noise.

    The threats themselves are kept: a small threat still weighs its small amount in what a state
    values (:mod:`foedus.theory.obligations`).

    Parameters
    ----------
    threat : array (N, N) of float >= 0, capability share
        ``T[i, j]``, e.g. :func:`walt_threat`.
    power : array (N,) of float >= 0, capability share
        Each viewer's own capability ``p_i``.
    threshold : float >= 0
        ``theta``: 0 names the largest threat, however small (any above 0).
    ceiling : float >= 0, capability share, default inf
        ``theta-bar``: a threat this large is perceived whatever the viewer's capability (inf: none is).
    floor : float >= 0, capability share, default 0
        ``theta-underbar``: a threat smaller than this is perceived by no one, however small the viewer (0: no floor).
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N,) of int: the index of the main threat, -1 for none.

    Examples
    --------
    >>> t = [[0, 0.02, 0.001], [0.006, 0, 0.0], [1e-6, 0.0, 0]]
    >>> perceived_main_threat(t, [0.1, 0.35, 0.01], threshold=0.03).tolist()  # 0.006 < 0.03 * 0.35: the great power perceives nothing
    [1, -1, -1]
    >>> perceived_main_threat(t, [0.1, 0.35, 0.01], threshold=0.03, ceiling=7.7e-4).tolist()  # ... unless it stands above the system's noise
    [1, 0, -1]
    >>> perceived_main_threat(t, [0.1, 0.35, 1e-5], threshold=0.03).tolist()  # a tiny state names a negligible threat ...
    [1, -1, 0]
    >>> perceived_main_threat(t, [0.1, 0.35, 1e-5], threshold=0.03, floor=7.1e-5).tolist()  # ... unless the record's noise floors it
    [1, -1, -1]

    References
    ----------
    Jervis, R. (1976). *Perception and Misperception in International Politics*. Princeton: Princeton
    University Press, ch. 4; Walt (1987), ch. 2 and 5; Singer, Bremer & Stuckey (1972) for the capability shares.
    """
    t = _matrix("threat", threat, nonneg=True, check=check)
    p = _vector("power", power, t.shape[0], nonneg=True, check=check)
    if check and not (np.isfinite(threshold) and threshold >= 0):
        raise ValueError(f"threshold: must be a number >= 0, got {threshold!r}")
    if check and not (ceiling >= 0):
        raise ValueError(f"ceiling: must be a number >= 0 (inf for none), got {ceiling!r}")
    if check and not (np.isfinite(floor) and floor >= 0):
        raise ValueError(f"floor: must be a number >= 0, got {floor!r}")
    if not t.shape[0]:
        return np.zeros(0, np.intp)
    off = t.copy()
    np.fill_diagonal(off, 0.0)
    star = off.max(axis=1)
    return np.where((star > 0) & (star >= np.maximum(floor, np.minimum(threshold * p, ceiling))), off.argmax(axis=1), -1)


def competition_pairs(military, major, allied, *, check: bool = True) -> np.ndarray:
    """The pairs great-power competition sets against each other: the hegemon's camp and the challengers (brief T1).

    Power-transition theory (Organski 1958; Organski & Kugler 1980) and Gilpin (1981) place
    great-power competition between the dominant state with the order it leads and the major
    powers outside that order. The hegemon is the state with the largest military capability
    (global leadership rests on the means of global reach, Modelski 1987; by CINC, which weighs
    population and industry, China outranks the United States in 2022); its camp is itself and
    every state sharing a security agreement with it (``allied``); the challengers are the major
    powers outside the camp. ``out[i, j]`` is True for a camp member and a challenger (either order).

    Parameters
    ----------
    military : array (N,) of float >= 0
        Military capability (any units: spending, a military stock or its share).
    major : array (N,) of bool
        Major-power status (COW).
    allied : array (N, N) of bool
        Pairs sharing a security agreement in force.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of bool, symmetric, diagonal False.

    Examples
    --------
    >>> allied = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    >>> competition_pairs([0.4, 0.1, 0.3, 0.2], [1, 1, 1, 0], allied).astype(int).tolist()
    [[0, 0, 1, 0], [0, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0, 0]]

    References
    ----------
    Organski, A. F. K. (1958). *World Politics*. New York: Knopf; Organski, A. F. K. & Kugler, J.
    (1980). *The War Ledger*. Chicago: University of Chicago Press; Gilpin, R. (1981). *War and
    Change in World Politics*. Cambridge: Cambridge University Press; Modelski, G. (1987). *Long
    Cycles in World Politics*. Seattle: University of Washington Press.
    """
    p = _vector("military", military, nonneg=True, check=check)
    n = p.shape[0]
    m = np.asarray(major, dtype=bool)
    a = np.asarray(allied, dtype=bool)
    if check and (m.shape != (n,) or a.shape != (n, n)):
        raise ValueError(f"major and allied: expected shapes ({n},) and ({n}, {n}), got {m.shape} and {a.shape}")
    if n == 0:
        return np.zeros((0, 0), bool)
    camp = a[int(np.argmax(p))].copy()
    camp[int(np.argmax(p))] = True
    challenger = m & ~camp
    out = camp[:, None] & challenger[None, :]
    return out | out.T
