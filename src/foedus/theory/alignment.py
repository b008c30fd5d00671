r"""Why states ally: utilities of alignment options by motive, and the choice (brief F1-F5).

For every state ``i`` and every potential partner ``j`` this module scores the four motives of
the brief, as a (4, N, N) array ``U[m, i, j]`` ordered as :data:`MOTIVES`:

- **F1 balancing power** (Waltz 1979): ``j`` adds capability against the strongest other power;
- **F2 balancing threat** (Walt 1987): ``j`` shares ``i``'s main threat and so lowers it;
- **F3 bandwagoning** (Walt 1987, ch. 2; Schweller 1994): a weak ``i`` with no credible ally
  sides *with* the overwhelming, appeasable state that threatens it;
- **F4 tethering** (Weitsman 1997, 2004): ``i`` and ``j`` are hostile but share a larger common
  threat; never alone (zero unless the pair's F2 contribution is positive).

**F5 (multiple causes) is exact.** Each motive's raw score is multiplied by its weight (keyword
arguments of :func:`alignment_utilities`, documented defaults), so ``U[m]`` is that motive's
*contribution* and an option's total utility is ``sum_m U[m] = sum_m weight_m * score_m``.
:func:`foedus.theory.choice.choose_alignment` returns, with the chosen partner, the four
contributions to that choice, which sum to its total utility. Joining an existing alliance is
scored from the same pairwise contributions by :func:`foedus.theory.choice.join_utilities`, so its
decomposition is exact too; a pair forms only with both sides' consent
(:mod:`foedus.theory.consent`).

Units: ``power`` is a capability share (CINC), ``threat`` is :func:`foedus.theory.threat.threat_matrix`
(capability-share units), ``hostility`` is in [0, 1]. Raw scores are dimensionless, each in [0, 1]
(F2 and F3 can exceed 1 only through the optional global-threat and profit terms).

References
----------
1. Waltz, K. N. (1979). *Theory of International Politics*. Reading: Addison-Wesley, ch. 6.
2. Walt, S. M. (1985). Alliance formation and the balance of world power. *International Security*
   9(4): 3-43.
3. Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2 and 8.
4. Schweller, R. L. (1994). Bandwagoning for profit: bringing the revisionist state back in.
   *International Security* 19(1): 72-107.
5. Weitsman, P. A. (1997). Intimate enemies: the politics of peacetime alliances. *Security
   Studies* 7(1): 156-193.
6. Weitsman, P. A. (2004). *Dangerous Alliances: Proponents of Peace, Weapons of War*. Stanford:
   Stanford University Press.
7. Mearsheimer, J. J. (1989). Assessing the conventional balance: the 3:1 rule and its critics.
   *International Security* 13(4): 54-89.
"""

from __future__ import annotations

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.theory._validate import _matrix, _per_pair, _vector

__all__ = [
    "MOTIVES",
    "accession_motives",
    "alignment_utilities",
    "neutrality_bars",
    "shared_pledge_value",
]

MOTIVES: tuple[str, str, str, str] = ("balance_power", "balance_threat", "bandwagon", "tether")
"""Motive order of the first axis of every utility array (brief F1, F2, F3, F4)."""


def alignment_utilities(
    power,
    threat,
    hostility,
    *,
    weakness_threshold: float = 0.05,
    overwhelm_ratio: float = 3.0,
    balance_power_weight: float = 1.0,
    balance_threat_weight: float = 1.0,
    bandwagon_weight: float = 1.0,
    tether_weight: float = 0.5,
    shared_global=None,
    profit=None,
    reach=None,
    return_total: bool = False,
    check: bool = True,
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    r"""Utility to each state ``i`` of allying with each state ``j``, by motive (brief F1-F5).

    Returns ``U[m, i, j] = weight_m * score_m[i, j]`` for the motives of :data:`MOTIVES`; the total
    utility of the option is ``U.sum(axis=0)`` and ``U[:, i, j]`` is its exact motive decomposition
    (brief F5). Notation: :math:`p` power, :math:`T` threat, :math:`H` hostility,
    :math:`T^*_i = \max_k T_{ik}` the threat from :math:`i`'s most threatening state
    :math:`t(i) = \arg\max_k T_{ik}`, and :math:`\mu_{jk} = T_{jk} / T^*_j` how far :math:`k` is
    :math:`j`'s main threat (1 if it is; 0 if :math:`j` is not threatened at all).

    **F1, balancing power** (Waltz 1979, ch. 6): let :math:`h(i)` be the strongest state other
    than :math:`i` and :math:`D_i = \max(p_{h(i)} - p_i, 0)` the gap to it. Partner :math:`j \neq h(i)`
    closes part of the gap:

    .. math:: s^{F1}_{ij} = \min(p_j, D_i) / p_{h(i)} \in [0, 1]

    (0 for the strongest state, which has no one to balance, and 0 for allying *with* :math:`h(i)`).

    *Regional balancing.* With ``reach`` (:math:`R_{ik}`, the capability of :math:`k` that
    arrives at :math:`i`, e.g. Bueno de Mesquita's distance-adjusted capability,
    :func:`foedus.theory.projection.projected_capability`), a state balances the strongest power
    *that can reach it*, and a partner counts with the capability it can bring:
    :math:`h(i) = \arg\max_{k \neq i} R_{ik}`, :math:`D_i = \max(R_{i h(i)} - R_{ii}, 0)` and
    :math:`s^{F1}_{ij} = \min(R_{ij}, D_i) / R_{i h(i)}`. Walt (1987, ch. 2) and Boulding (1962):
    power that cannot be projected does not need balancing. Without ``reach`` every state
    balances the strongest state of the system (Waltz's form). With ``reach`` the partner's
    capability in F2 is likewise the part that reaches :math:`i`: :math:`R_{ij}` replaces
    :math:`p_j` in :math:`\rho'_{ij}` (a distant ally helps less against a neighbour's threat).

    **F2, balancing threat** (Walt 1987, ch. 2 and 8: states ally against the most threatening
    state). :math:`i`'s pressure from its main threat is :math:`\rho_i = T^*_i / (T^*_i + p_i)`.
    Allied with :math:`j`, whose commitment against :math:`t(i)` is credible in proportion to
    :math:`\mu_{j,t(i)}` (is :math:`t(i)` a threat to :math:`j` too?), it becomes
    :math:`\rho'_{ij} = T^*_i / (T^*_i + p_i + \mu_{j,t(i)} p_j)`. The common-threat benefit is the
    reduction, plus an optional shared global threat :math:`G_{ij}` (terrorism, proliferation;
    see :func:`foedus.theory.threat.shared_global_threat`) scaled by :math:`j`'s share of the pair's
    capability; it is discounted by the threat :math:`j` itself poses, relative to the main threat:

    .. math:: c_{ij} = (\rho_i - \rho'_{ij}) + G_{ij} \frac{p_j}{p_i + p_j}, \qquad
              s^{F2}_{ij} = c_{ij} \left(1 - T_{ij} / T^*_i\right)

    so allying with one's main threat is never balancing (:math:`s^{F2}_{i,t(i)} = 0`), and a
    threatening partner helps only if the threat both face is larger than the threat between them.

    **F3, bandwagoning** (Walt 1987, ch. 2: states bandwagon when they are *weak*, when
    *no allies are available*, and when the aggressor is *appeasable*). Let
    :math:`C_{ij} = \max_{k \neq i, j} \mu_{kj} p_k` be the capability of the best credible
    balancing partner against :math:`j` (a state for which :math:`j` is a threat, weighted by how
    far). Then

    .. math:: s^{F3}_{ij} = [p_i < \theta] \; [T_{ij} \ge r (p_i + C_{ij})] \;
              \frac{T_{ij}}{T_{ij} + p_i + C_{ij}} \; \frac{T_{ij}}{T^*_i} \; (1 - H_{ij})

    with :math:`\theta` = ``weakness_threshold`` and :math:`r` = ``overwhelm_ratio``: only a weak
    state bandwagons, only with a state whose threat overwhelms it *even with its best credible
    ally* (so a credible balancing partner rules bandwagoning out), preferably with its most
    threatening state (:math:`T_{ij}/T^*_i`, 1 for the main threat), and the less hostile (more
    appeasable) the threatening state, the more it gains. A state at or above the threshold never
    bandwagons. The optional ``profit`` term adds Schweller's (1994) bandwagoning for gain (a
    "jackal" sharing the spoils of a revisionist), for weak states facing an overwhelming threat
    (:math:`T_{ij} \ge r p_i`) whether or not a balancing partner exists:
    :math:`+ [p_i < \theta][T_{ij} \ge r p_i] \, \mathrm{profit}_{ij}`.

    **F4, tethering** (Weitsman 1997, 2004): adversaries ally to restrain each other when a larger
    threat is shared. With mutual hostility :math:`\bar H_{ij} = \min(H_{ij}, H_{ji})`:

    .. math:: s^{F4}_{ij} = \bar H_{ij} \, c_{ij} \, [U^{F2}_{ij} > 0]

    Tethering is always combined: it is zero unless the pair's weighted F2 contribution is
    positive, i.e. unless the pair shares a common threat larger than the threat between them.

    Parameters
    ----------
    power : array (N,) of float >= 0, capability share
    threat : array (N, N) of float >= 0, capability-share units
        ``T[i, j]``, the threat ``j`` poses to ``i`` (:func:`foedus.theory.threat.threat_matrix`);
        the diagonal is ignored.
    hostility : array (N, N) of float in [0, 1]
        ``H[i, j]``: hostility between ``i`` and ``j`` as ``i`` sees it (appeasability is
        ``1 - H``; tethering uses the mutual minimum). An (N,) array is read per row.
    weakness_threshold : float >= 0, capability share, default 0.05
        States with power strictly below it are weak (F3). In the COW record only the three to
        six strongest states of a year reach a CINC of 0.05 (1913: six; 2016: China, the United
        States and India), so by default every other state may bandwagon.
    overwhelm_ratio : float > 0, default 3.0
        A threat is overwhelming when it is at least this multiple of the capability the weak state
        can oppose to it (its own plus its best credible ally's); 3:1 is the attacker's rule of thumb
        for a successful offensive (Mearsheimer 1989).
    balance_power_weight, balance_threat_weight, bandwagon_weight, tether_weight : float >= 0
        Motive weights (defaults 1, 1, 1, 0.5). Tethering weighs half by default because it is a
        secondary motive layered on a common threat (Weitsman 2004). A weight of 0 switches the
        motive off.
    shared_global : array (N, N) of float >= 0, optional
        Shared global threat :math:`G` (capability-share units). Default: none.
    profit : array (N, N) of float >= 0, optional
        Expected gain to ``i`` of siding with ``j`` (Schweller 1994), in utility units. Default: none.
    reach : array (N, N) of float >= 0, capability share, optional
        ``R[i, k]``: capability of ``k`` that reaches ``i`` (diagonal: ``i``'s own at home), for
        regional balancing of power (F1) and the help a partner can bring against a threat (F2).
        Default: none (balance the strongest state; a partner brings all its capability).
    return_total : bool, default False
        Also return the total utility ``U.sum(axis=0)``, formed in the same pass (the same
        numbers as the sum, motive by motive in order).
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (4, N, N) of float >= 0
        Motive contributions ``U[m, i, j]``; diagonals 0. With ``return_total``, the pair
        ``(U, U.sum(axis=0))``.

    Notes
    -----
    O(N^2): one compiled (numba) pass over the pairs after two O(N^2) passes for the main
    threats and the best credible allies; a few hundred microseconds at N = 200. The first call
    in a fresh environment compiles the kernel (seconds; cached on disk afterwards).

    Examples
    --------
    A weak state (0) next to an overwhelming, appeasable neighbour (1), with no one else able to
    help, gains only from bandwagoning with it:

    >>> import numpy as np
    >>> p = np.array([0.01, 0.6, 0.02])
    >>> T = np.array([[0, 0.3, 0], [0, 0, 0], [0, 0, 0]])
    >>> U = alignment_utilities(p, T, np.zeros((3, 3)))
    >>> int(U.sum(axis=0)[0].argmax()), MOTIVES[int(U[:, 0, 1].argmax())]
    (1, 'bandwagon')

    References
    ----------
    Waltz (1979), ch. 6; Walt (1987), ch. 2 and 8; Schweller (1994); Weitsman
    (1997, 2004).
    """
    p = _vector("power", power, nonneg=True, check=check)
    n = p.shape[0]
    t_mat = _matrix("threat", threat, n, nonneg=True, check=check)
    h = _per_pair("hostility", hostility, n, unit=True, check=check)
    weights = np.array([balance_power_weight, balance_threat_weight, bandwagon_weight, tether_weight], dtype=float)
    if check:
        if not (np.isfinite(weights).all() and (weights >= 0).all()):
            raise ValueError(f"motive weights must be finite and >= 0, got {dict(zip(MOTIVES, weights.tolist()))}")
        if not (np.isfinite(weakness_threshold) and weakness_threshold >= 0):
            raise ValueError(f"weakness_threshold: must be a capability share >= 0, got {weakness_threshold!r}")
        if not (np.isfinite(overwhelm_ratio) and overwhelm_ratio > 0):
            raise ValueError(f"overwhelm_ratio: must be > 0, got {overwhelm_ratio!r}")
    none = np.zeros((0, 0))
    g = none if shared_global is None else _matrix("shared_global", shared_global, n, nonneg=True, check=check)
    gain = none if profit is None else _matrix("profit", profit, n, nonneg=True, check=check)
    rch = none if reach is None else _matrix("reach", reach, n, nonneg=True, check=check)
    out = np.empty((4, n, n))
    total = np.empty((n, n)) if return_total else np.empty((0, 0))
    if n == 1:
        out[:] = 0.0
        total[:] = 0.0
    elif n >= 2:
        _alignment_kernel(
            p, np.ascontiguousarray(t_mat), np.ascontiguousarray(h), weights, float(weakness_threshold), float(overwhelm_ratio),
            np.ascontiguousarray(g), np.ascontiguousarray(gain), np.ascontiguousarray(rch), out, total,
        )
    return (out, total) if return_total else out


def accession_motives(utilities) -> np.ndarray:
    r"""The motive contributions that count toward *joining* an existing defence treaty: (4, N, N).

    ``utilities`` is :func:`alignment_utilities`' (4, N, N) array; the result is a copy with the
    F4 tethering row set to 0 (the other motives unchanged), and its sum over the motives is the
    protection an accession is worth. Tethering (Weitsman 1997, 2004) is a bilateral or
    small-group pact *with* a threatening state to restrain it, with weak obligations
    (non-aggression, consultation): it is a reason to sign such a pact with a partner, not to
    join a treaty whose members pledge defence (or offence) against a third party. A treaty
    without a defence or offence obligation provides no protection, so its accession value has
    no protection term to begin with; its reassurance and consultation goods
    (:func:`foedus.theory.obligations.obligation_goods`) keep the tethering kind of obligation.
    Pair formation keeps the full utilities.

    Examples
    --------
    >>> import numpy as np
    >>> u = np.ones((4, 2, 2))
    >>> accession_motives(u).sum(axis=0).tolist()
    [[3.0, 3.0], [3.0, 3.0]]

    References
    ----------
    Weitsman (1997), "Intimate enemies"; Weitsman (2004), ch. 2.
    """
    out = np.array(utilities, dtype=float, copy=True)
    if out.ndim != 3 or out.shape[0] != len(MOTIVES):
        raise ValueError(f"utilities: must have shape (4, N, N) in the order of MOTIVES, got {out.shape}")
    out[MOTIVES.index("tether")] = 0.0
    return out


def neutrality_bars(neutral, goods) -> np.ndarray:
    r"""Which pacts a permanently neutral state may not enter: (N, F) bool, ``neutral[i]`` and pact ``f`` binding.

    Permanent neutrality guaranteed by treaty (Switzerland since the Declaration of the Powers of
    20 March 1815 and the Act of Paris of 20 November 1815; Belgium under the Treaty of London of
    1839; Luxembourg under that of 1867) or by law (Austria's Neutrality Act of 1955) obliges the
    state in peace to take on no commitment that would carry it into a war: no defence or offence
    pledge, no alliance (Karsh 1988, ch. 2: the "secondary" duties of the permanently neutral, the
    peacetime conduct that keeps neutrality credible; Hague Convention V of 1907 states the
    wartime duties). Pledges that keep it out of wars remain open: neutrality, non-aggression and
    consultation pacts (Switzerland's non-aggression commitments in ATOP 5.1: the 1956 and
    1975 treaties 3320 and 3740). A pact binds when its goods
    (:data:`foedus.theory.obligations.GOODS`) include protection (a defence pledge) or
    aggrandisement (an offence pledge).

    Parameters
    ----------
    neutral : array_like (N,) of bool
        The states permanently neutral this year.
    goods : array_like (F, 5) of bool
        The goods each pact (or form of pact) provides, in the order of ``GOODS``.

    Returns
    -------
    ndarray (N, F) of bool: True where state ``i`` may not enter pact ``f``.

    Examples
    --------
    >>> neutrality_bars([True, False], [[1, 0, 0, 1, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 1]]).tolist()
    [[True, False, True], [False, False, False]]

    References
    ----------
    Karsh, E. (1988). *Neutrality and Small States*. London: Routledge.
    """
    g = np.asarray(goods, dtype=bool)
    if g.ndim != 2 or g.shape[1] != 5:
        raise ValueError(f"goods: expected shape (F, 5) in the order of GOODS, got {g.shape}")
    binding = g[:, 0] | g[:, 4]  # protection (defence) or aggrandisement (offence)
    return np.asarray(neutral, dtype=bool)[:, None] & binding[None, :]


def shared_pledge_value(value, *, share: float = 0.5, usable=None, check: bool = True) -> np.ndarray:
    r"""Each side's value of a pair's mutual pledges when the gain is shared by bargaining: (N, N), ``V'[i, j]``.

    .. math:: V'_{ij} = V_{ij} + \kappa\, u_{ij} V_{ji} - \kappa\, u_{ji} V_{ij}

    with :math:`V_{ij}` what ``i`` gains from ``j``'s pledge (the reassurance of a non-aggression
    pledge, :func:`foedus.theory.obligations.obligation_goods`) and :math:`\kappa` = ``share``. A
    pact of mutual pledges is one bargain: the side that gains more from the other's pledge (a
    weak state from a strong neighbour's promise not to attack it) pays the other in the
    currency Morrow (1991) names, autonomy (deference on its foreign policy, border recognition,
    basing and transit: the Finnish-Soviet treaty of 1948, the friendship treaties of the Soviet
    Union and Russia with their neighbours), and the joint gain :math:`V_{ij} + V_{ji}` is
    conserved (:math:`V'_{ij} + V'_{ji} = V_{ij} + V_{ji}`). With transferable utility and equal
    costs the Nash (1950) bargaining solution gives each side half the joint gain: :math:`\kappa
    = 1/2` (and :math:`u = 1`), the symmetric solution, makes :math:`V'` symmetric. A side is paid only in
    what it can use (:math:`u_{ij}`: Morrow's concessions are worth what they let the receiver do, in its
    sphere and against its adversaries), so the transfer is bounded; :math:`\kappa = 0` leaves each side
    its own gain (no transfer: a strong state never signs, for the weak one's pledge is worth
    nothing to it). Only the mutual pledges' own goods are shared; a pledge to fight (protection)
    has its own exchange (:func:`foedus.theory.exchange.morrow_exchange`).

    Parameters
    ----------
    value : array (N, N) of float >= 0
        ``V[i, j]``.
    share : float in [0, 0.5]
        :math:`\kappa`, the share of its gain a side transfers (0.5: Nash's symmetric solution).
    usable : array (N, N) in [0, 1], optional
        :math:`u_{ij}`, whether ``i`` can use what ``j`` concedes (Morrow 1991: a concession is worth what the receiver can
        do with it; :func:`foedus.theory.exchange.sphere_of_influence`, :func:`foedus.theory.interests.adversary_relevance`).
        Default: everywhere (:math:`V' = (1 - \kappa) V + \kappa V^\top`).
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    ndarray (N, N) of float; the sum :math:`V'_{ij} + V'_{ji}` equals :math:`V_{ij} + V_{ji}`.

    Examples
    --------
    A weak state (1) gains 0.4 from its strong neighbour's pledge, the neighbour nothing from its;
    at Nash's solution each side gains 0.2:

    >>> shared_pledge_value(np.array([[0.0, 0.0], [0.4, 0.0]])).tolist()
    [[0.0, 0.2], [0.2, 0.0]]

    References
    ----------
    .. [1] Nash, J. F. (1950). The bargaining problem. *Econometrica* 18(2): 155-162.
    .. [2] Morrow, J. D. (1991). Alliances and asymmetry: an alternative to the capability aggregation model of
       alliances. *American Journal of Political Science* 35(4): 904-933.
    """
    v = np.asarray(value, dtype=float)
    if check:
        if v.ndim != 2 or v.shape[0] != v.shape[1]:
            raise ValueError(f"shared_pledge_value: value: must be (N, N), got {v.shape}")
        if not np.isfinite(v).all():
            raise ValueError("shared_pledge_value: value: must be finite")
        if not (0.0 <= float(share) <= 0.5):
            raise ValueError(f"shared_pledge_value: share: must be in [0, 0.5], got {share!r}")
    k = float(share)
    if k == 0.0:
        return v.copy()
    if usable is None:
        return (1.0 - k) * v + k * v.T
    u = np.asarray(usable, dtype=float)
    if check and (u.shape != v.shape or not np.isfinite(u).all() or (u < 0).any() or (u > 1).any()):
        raise ValueError(f"shared_pledge_value: usable: must be {v.shape} in [0, 1], got shape {u.shape}")
    paid = k * u * v.T  # [i, j]: what j concedes to i of its gain from i's pledge
    return v + paid - paid.T


@njit(cache=True)
def _alignment_kernel(p, t, h, w, threshold, ratio, g, profit, reach, out, total):  # pragma: no cover (compiled)
    """The formulas of :func:`alignment_utilities`, one pass over the N^2 pairs (diagonal of t ignored); ``total`` and ``reach`` (N, N) or (0, 0)."""
    n = p.shape[0]
    # F1: the strongest and second-strongest states (first index on ties).
    i1 = 0
    for i in range(n):
        if p[i] > p[i1]:
            i1 = i
    i2 = 1 if i1 == 0 else 0
    for i in range(n):
        if i != i1 and p[i] > p[i2]:
            i2 = i
    # F2: each state's main threat t(i) and its level T*_i.
    main = np.zeros(n, np.int64)
    t_star = np.zeros(n)
    for i in range(n):
        for j in range(n):
            if j != i and t[i, j] > t_star[i]:
                t_star[i] = t[i, j]
                main[i] = j
    # F3: per target j, the two largest mu[k, j] * p[k] over k (best credible ally against j).
    first = np.zeros(n)
    second = np.zeros(n)
    arg = np.full(n, -1, np.int64)
    for k in range(n):
        if t_star[k] > 0:
            # divisions, not products with 1 / t_star, which overflows for subnormal threats
            for j in range(n):
                if j != k:
                    m = t[k, j] / t_star[k] * p[k]
                    if m > first[j]:
                        second[j] = first[j]
                        first[j] = m
                        arg[j] = k
                    elif m > second[j]:
                        second[j] = m
    has_g = g.shape[0] > 0
    has_profit = profit.shape[0] > 0
    has_total = total.shape[0] > 0
    has_reach = reach.shape[0] > 0
    for i in range(n):
        strongest = i2 if i == i1 else i1
        p_h = p[strongest]
        gap = max(p_h - p[i], 0.0)
        if has_reach:  # regional balancing: the strongest power that reaches i (first index on ties)
            strongest = 1 if i == 0 else 0
            for k in range(n):
                if k != i and reach[i, k] > reach[i, strongest]:
                    strongest = k
            p_h = reach[i, strongest]
            gap = max(p_h - reach[i, i], 0.0)
        ts = t_star[i]
        mi = main[i]
        before = ts / (ts + p[i]) if ts + p[i] > 0 else 0.0
        weak = p[i] < threshold
        for j in range(n):
            if j == i:
                for m in range(4):
                    out[m, i, i] = 0.0
                if has_total:
                    total[i, i] = 0.0
                continue
            # F1, balancing power
            f1 = min(reach[i, j] if has_reach else p[j], gap) / p_h if (p_h > 0 and j != strongest) else 0.0
            # F2, balancing threat
            mu_ij = t[i, j] / ts if ts > 0 else 0.0  # exactly 1 for the main threat
            commit = t[j, mi] / t_star[j] if (ts > 0 and j != mi and t_star[j] > 0) else 0.0
            den = ts + p[i] + commit * (reach[i, j] if has_reach else p[j])
            common = max(before - ts / den, 0.0) if den > 0 else 0.0
            if has_g:
                pair = p[i] + p[j]
                if pair > 0:
                    common += g[i, j] * p[j] / pair
            f2 = common * (1.0 - mu_ij)
            # F3, bandwagoning
            f3 = 0.0
            tij = t[i, j]
            if weak and tij > 0:
                opposed = p[i] + (second[j] if arg[j] == i else first[j])
                if tij >= ratio * opposed:
                    f3 = tij / (tij + opposed) * mu_ij * (1.0 - h[i, j])
                if has_profit and tij >= ratio * p[i]:
                    f3 += profit[i, j]
            u2 = w[1] * f2
            out[0, i, j] = w[0] * f1
            out[1, i, j] = u2
            out[2, i, j] = w[2] * f3
            # F4, tethering: only where balancing threat already draws the pair together
            out[3, i, j] = w[3] * min(h[i, j], h[j, i]) * common if u2 > 0 else 0.0
            if has_total:  # U.sum(axis=0): the motives added in order
                total[i, j] = ((out[0, i, j] + out[1, i, j]) + out[2, i, j]) + out[3, i, j]
