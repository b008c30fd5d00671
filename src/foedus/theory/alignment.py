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
:func:`choose_alignment` returns, with the chosen partner, the four contributions to that choice,
which sum to its total utility. Joining an existing alliance is scored from the same pairwise
contributions by :func:`join_utilities`, so its decomposition is exact too.

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

import numpy as np
from numba import njit

from foedus.theory._validate import _array, _matrix, _per_pair, _vector

__all__ = [
    "MOTIVES",
    "alignment_options",
    "alignment_utilities",
    "best_options",
    "choose_alignment",
    "choose_option",
    "consenting_pairs",
    "join_utilities",
    "mutual_consent",
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
    check: bool = True,
) -> np.ndarray:
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
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (4, N, N) of float >= 0
        Motive contributions ``U[m, i, j]``; diagonals 0.

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
    out = np.empty((4, n, n))
    if n == 1:
        out[:] = 0.0
    elif n >= 2:
        # transposed copies let the kernel read columns (t[:, k], h[:, i]) as contiguous rows
        _alignment_kernel(
            p, np.ascontiguousarray(t_mat), np.ascontiguousarray(t_mat.T), np.ascontiguousarray(h),
            np.ascontiguousarray(h.T), weights, float(weakness_threshold), float(overwhelm_ratio),
            np.ascontiguousarray(g), np.ascontiguousarray(gain), out,
        )
    return out


@njit(cache=True)
def _alignment_kernel(p, t, t_T, h, h_T, w, threshold, ratio, g, profit, out):  # pragma: no cover (compiled)
    """The formulas of :func:`alignment_utilities`, one pass over the N^2 pairs (diagonal of t ignored)."""
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
    for i in range(n):
        strongest = i2 if i == i1 else i1
        p_h = p[strongest]
        gap = max(p_h - p[i], 0.0)
        ts = t_star[i]
        mi = main[i]
        before = ts / (ts + p[i]) if ts + p[i] > 0 else 0.0
        weak = p[i] < threshold
        for j in range(n):
            if j == i:
                for m in range(4):
                    out[m, i, i] = 0.0
                continue
            # F1, balancing power
            f1 = min(p[j], gap) / p_h if (p_h > 0 and j != strongest) else 0.0
            # F2, balancing threat
            mu_ij = t[i, j] / ts if ts > 0 else 0.0  # exactly 1 for the main threat
            commit = t_T[mi, j] / t_star[j] if (ts > 0 and j != mi and t_star[j] > 0) else 0.0
            den = ts + p[i] + commit * p[j]
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
            out[3, i, j] = w[3] * min(h[i, j], h_T[i, j]) * common if u2 > 0 else 0.0


def _utilities(name: str, u, n_options: int | None = None, *, check: bool = True) -> np.ndarray:
    a = _array(name, u, check=check)
    if not check:
        return a
    if a.ndim != 3 or a.shape[0] != len(MOTIVES):
        raise ValueError(f"{name}: expected shape (4, N, K) with motives {MOTIVES} first, got {a.shape}")
    if n_options is not None and a.shape[2] != n_options:
        raise ValueError(f"{name}: expected {n_options} options on the last axis, got {a.shape[2]}")
    return a


def _option_mask(name: str, available, shape: tuple[int, int], *, check: bool = True) -> np.ndarray:
    if available is None:
        return np.ones(shape, dtype=bool)
    a = np.asarray(available)
    if check and a.shape != shape:
        raise ValueError(f"{name}: expected a boolean array of shape {shape}, got {a.shape}")
    if a.dtype != bool:
        if check and not np.isin(a, (0, 1)).all():
            raise ValueError(f"{name}: must be boolean (or 0/1)")
        a = a.astype(bool)
    return a


def _costs(cost, shape: tuple[int, int], *, check: bool = True) -> np.ndarray:
    c = _array("cost", cost, check=check)
    if c.shape == shape:
        return c
    if c.ndim == 1 and c.shape[0] == shape[0]:
        c = c[:, None]
    try:
        return np.broadcast_to(c, shape)
    except ValueError:
        raise ValueError(f"cost: expected a scalar, an array ({shape[0]},) per state or {shape} per option, got {c.shape}") from None


def choose_option(utilities, available=None, cost=0.0) -> tuple[np.ndarray, np.ndarray]:
    """Best option per state among K options, or -1 to stay out, with its motive decomposition (F5).

    State ``i`` takes the available option ``k`` with the largest net utility
    ``sum_m U[m, i, k] - cost[i, k]`` if that is positive, and stays out (``-1``) otherwise. Ties
    go to the lowest index. This is the generic form of :func:`choose_alignment`, for option sets
    that mix new partners and existing alliances (:func:`alignment_options`).

    Parameters
    ----------
    utilities : array (4, N, K) of float
        Motive contributions ``U[m, i, k]`` (:func:`alignment_utilities`, :func:`join_utilities`).
    available : array (N, K) of bool, optional
        False where state ``i`` may not take option ``k``. Default: all available.
    cost : float, array (N,) or array (N, K), utility units, default 0
        Cost of allying (lost autonomy, risk of entrapment); a state takes an option only if its
        total utility exceeds this.

    Returns
    -------
    choice : array (N,) of int
        Index of the chosen option, -1 to stay out.
    decomposition : array (N, 4) of float
        Each motive's contribution to the chosen option (``U[:, i, choice[i]]``); its row sums to
        that option's total utility. Zeros for -1.
    """
    u = _utilities("utilities", utilities)
    _, n, k = u.shape
    mask = _option_mask("available", available, (n, k))
    total = u.sum(axis=0)
    net = np.where(mask, total - _costs(cost, (n, k)), -np.inf)
    if k == 0:
        return np.full(n, -1), np.zeros((n, len(MOTIVES)))
    best = net.argmax(axis=1)
    rows = np.arange(n)
    chosen = net[rows, best] > 0
    choice = np.where(chosen, best, -1)
    decomposition = np.where(chosen[:, None], u[:, rows, best].T, 0.0)
    return choice, decomposition


def choose_alignment(utilities, available=None, cost=0.0) -> tuple[np.ndarray, np.ndarray]:
    """Each state's preferred partner, or -1 to stay out, with the motives behind it (brief F5).

    State ``i`` chooses the available partner ``j != i`` with the largest net utility
    ``sum_m U[m, i, j] - cost`` if it is positive; otherwise it stays out. The returned
    decomposition answers the F5 question "which motives drove this alliance, and how strongly":
    row ``i`` holds the four contributions (:data:`MOTIVES` order) and sums exactly to the chosen
    option's total utility.

    Parameters
    ----------
    utilities : array (4, N, N) of float
        From :func:`alignment_utilities`.
    available : array (N, N) of bool, optional
        False masks forbidden partners (the diagonal is always masked).
    cost : float, array (N,) or array (N, N), utility units, default 0

    Returns
    -------
    partner : array (N,) of int
        Index of the chosen partner, -1 to stay out.
    decomposition : array (N, 4) of float
        Motive contributions to the chosen option; zeros for -1.

    Examples
    --------
    >>> import numpy as np
    >>> U = np.zeros((4, 2, 2)); U[1, 0, 1] = 0.3; U[3, 0, 1] = 0.1
    >>> partner, dec = choose_alignment(U, None, 0.2)
    >>> partner.tolist(), dec[0].tolist()
    ([1, -1], [0.0, 0.3, 0.0, 0.1])

    References
    ----------
    Walt (1987), ch. 2 and 8 (motives compared); brief F5.
    """
    u = _utilities("utilities", utilities)
    n = u.shape[1]
    if u.shape[2] != n:
        raise ValueError(f"utilities: expected shape (4, N, N) for pairwise options, got {u.shape}")
    mask = _option_mask("available", available, (n, n)).copy()
    np.fill_diagonal(mask, False)
    return choose_option(u, mask, cost)


def mutual_consent(partner, utilities, cost=0.0, *, reciprocal: bool = False, check: bool = True) -> np.ndarray:
    """Pairs that form: a proposal that both sides gain from (brief F1-F4; consent of both members).

    ``i`` proposes to ``partner[i]``; the pair ``{i, j}`` forms when at least one of them proposed
    to the other (both, if ``reciprocal``) and *both* gain: ``sum_m U[m, i, j] > cost[i, j]`` and
    ``sum_m U[m, j, i] > cost[j, i]``. An alliance needs two signatures.

    Parameters
    ----------
    partner : array (N,) of int
        From :func:`choose_alignment` (-1 = no proposal).
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
        if part.shape != (n,) or not np.issubdtype(part.dtype, np.integer):
            raise ValueError(f"partner: expected an integer array of shape ({n},), got {part.dtype} {part.shape}")
        if ((part < -1) | (part >= n)).any():
            raise ValueError(f"partner: entries must be -1 or a state index in [0, {n}), got {part[(part < -1) | (part >= n)][:3].tolist()}")
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
        The total utility ``sum_m U[m, i, j]`` (e.g. of :func:`alignment_utilities`).
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
        if part.shape != (n,) or not np.issubdtype(part.dtype, np.integer):
            raise ValueError(f"partner: expected an integer array of shape ({n},), got {part.dtype} {part.shape}")
        if ((part < -1) | (part >= n)).any():
            raise ValueError(f"partner: entries must be -1 or a state index in [0, {n}), got {part[(part < -1) | (part >= n)][:3].tolist()}")
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


def join_utilities(utilities_pairwise, membership, *, aggregate: str = "sum", power=None, states=None) -> np.ndarray:
    r"""Utility to each state of joining each existing alliance, by motive: (4, N, A) (brief F1-F5).

    An alliance is a set of members (row ``a`` of ``membership``). Joining it means allying with
    all of them, so its motive contributions aggregate the pairwise ones over the members:

    - ``aggregate="sum"`` (default): :math:`J_{mia} = \sum_{j \in a} U_{mij}` -- each member adds
      its own capability and shared threat (additive pooling, as in Walt's and Waltz's aggregation
      of allied capabilities);
    - ``aggregate="capability"``: :math:`J_{mia} = \sum_{j \in a} w_{aj} U_{mij}` with
      :math:`w_{aj} = p_j / \sum_{k \in a} p_k` -- the capability-weighted mean, members counting in
      proportion to their power (an asymmetric alliance is mostly its leader);
    - ``aggregate="mean"``: the unweighted mean over members.

    Every aggregate is linear in ``U``, so ``J.sum(axis=0)`` is the total utility of joining and
    ``J[:, i, a]`` its exact motive decomposition (F5). Entries for alliances ``i`` already belongs
    to are 0, and so are empty alliances.

    Parameters
    ----------
    utilities_pairwise : array (4, N, N)
        From :func:`alignment_utilities`.
    membership : array (A, N) of bool
        ``membership[a, j]`` is True when state ``j`` belongs to alliance ``a``.
    aggregate : {"sum", "capability", "mean"}, default "sum"
    power : array (N,) of float >= 0, capability share
        Required for ``aggregate="capability"``.
    states : array of int, optional
        Indices of the states whose options are wanted (e.g. those reconsidering their
        alignments this year); default all. The result then has ``len(states)`` rows, row ``r``
        being state ``states[r]``.

    Returns
    -------
    array (4, N, A) of float (``(4, len(states), A)`` with ``states``).

    Notes
    -----
    One compiled (numba) pass over the memberships: O(A N + 4 R M) for R viewing states and M
    memberships in all (a few per alliance), instead of O(4 R N A) as a dense matrix product.
    """
    u = _utilities("utilities_pairwise", utilities_pairwise)
    n = u.shape[1]
    if u.shape[2] != n:
        raise ValueError(f"utilities_pairwise: expected shape (4, N, N), got {u.shape}")
    m = np.asarray(membership)
    if m.ndim != 2 or m.shape[1] != n:
        raise ValueError(f"membership: expected a boolean array of shape (A, {n}) (alliances x states), got {m.shape}")
    m = _option_mask("membership", m, m.shape)
    w = _member_weights(m, aggregate, power, n)
    rows = _states(states, n)
    out = np.zeros((len(MOTIVES), len(rows), m.shape[0]))
    _join_kernel(u, rows, m, w, out)
    return out


def _weight_mode(aggregate: str, power, n: int, *, check: bool = True) -> tuple[int, np.ndarray]:
    """The code of ``aggregate`` for the compiled passes (0 sum, 1 capability, 2 mean) and the weights' capabilities."""
    if aggregate == "capability":
        if power is None:
            raise ValueError('power: required when aggregate="capability"')
        return 1, np.ascontiguousarray(_vector("power", power, n, nonneg=True, check=check), dtype=float)
    if aggregate in ("sum", "mean"):
        return (0 if aggregate == "sum" else 2), np.ones(n)
    raise ValueError(f'aggregate: must be "sum", "capability" or "mean", got {aggregate!r}')


def _member_weights(m: np.ndarray, aggregate: str, power, n: int, *, check: bool = True) -> np.ndarray:
    """Weight ``w[a, j]`` of member j in alliance a for :func:`join_utilities`'s ``aggregate``.

    1 (``"sum"``), ``p_j / sum_{k in a} p_k`` (``"capability"``) or ``1 / |a|`` (``"mean"``),
    0 for non-members; the sums run over the members in index order (one compiled pass).
    """
    mode, p = _weight_mode(aggregate, power, n, check=check)
    w = np.zeros(m.shape)
    _weights_kernel(np.ascontiguousarray(m, dtype=bool), np.ascontiguousarray(p, dtype=float), mode, w)
    return w


@njit(cache=True)
def _weights_kernel(m, p, mode, w):  # pragma: no cover (compiled)
    n_a, n = m.shape
    for a in range(n_a):
        total = 0.0
        for j in range(n):
            if m[a, j]:
                total += p[j] if mode == 1 else 1.0
        div = total if total > 0 else 1.0
        for j in range(n):
            if m[a, j]:
                w[a, j] = 1.0 if mode == 0 else (p[j] if mode == 1 else 1.0) / div


def _states(states, n: int, *, check: bool = True) -> np.ndarray:
    rows = np.arange(n) if states is None else np.asarray(states, dtype=np.intp)
    if check and (rows.ndim != 1 or (len(rows) and (rows.min() < 0 or rows.max() >= n))):
        raise ValueError(f"states: expected indices of states in [0, {n}), got {np.asarray(states)!r}")
    return rows


@njit(cache=True)
def _join_kernel(u, rows, m, w, out):  # pragma: no cover (compiled)
    """``out[:, r, a] = sum_{j in a} w[a, j] u[:, rows[r], j]``, 0 where ``rows[r]`` is in ``a``: a pass over the memberships."""
    n_a, n = m.shape
    members = np.empty(n, np.int64)
    for a in range(n_a):
        k = 0
        for j in range(n):
            if m[a, j]:
                members[k] = j
                k += 1
        for r in range(rows.shape[0]):
            i = rows[r]
            if m[a, i]:
                continue
            for mm in range(u.shape[0]):
                acc = 0.0
                for q in range(k):
                    acc += w[a, members[q]] * u[mm, i, members[q]]
                out[mm, r, a] = acc


def best_options(
    utilities_pairwise,
    membership=None,
    *,
    aggregate: str = "sum",
    power=None,
    states=None,
    available=None,
    cost=0.0,
    check: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Each state's best option, a new partner or an existing alliance, in one compiled pass (F1-F5).

    The same choice as :func:`choose_option` over :func:`alignment_options` (restricted to
    ``states``): option ``k < N`` is allying with state ``k`` (utilities
    ``U[:, i, k]``), option ``N + a`` joining alliance ``a`` (:func:`join_utilities` with
    ``aggregate`` and ``power``); the state takes the available option with the largest
    positive net utility (sum over motives minus ``cost``), ties to the lowest index, or stays
    out (-1). The (4, R, N + A) array of options is never built: the join utilities are summed
    over the members of each alliance inside the pass, in the same order and so to the same
    bits as :func:`join_utilities` followed by :func:`choose_option`.

    Parameters
    ----------
    utilities_pairwise : array (4, N, N)
        From :func:`alignment_utilities`.
    membership : array (A, N) of bool, optional
        Alliances that may be joined (none by default).
    aggregate, power
        As in :func:`join_utilities`.
    states : array of int, optional
        The states choosing (default all), R of them; row ``r`` of the results is ``states[r]``.
    available : array (R, N + A) of bool, optional
        False where the state may not take the option (default: all available; mask the
        state itself, its current allies and its own alliances).
    cost : float, array (R,) or array (R, N + A), utility units
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    choice : array (R,) of int
        Chosen option (``< N``: a partner; ``>= N``: alliance ``choice - N``), -1 to stay out.
    decomposition : array (R, 4) of float
        The chosen option's motive contributions (they sum to its utility); zeros for -1.

    Examples
    --------
    >>> import numpy as np
    >>> U = np.zeros((4, 3, 3)); U[1, 0, 1] = 0.3; U[0, 0, 2] = 0.2
    >>> choice, dec = best_options(U, np.array([[False, True, True]]), states=[0], cost=0.1)
    >>> choice.tolist(), dec[0].tolist()   # joining {1, 2} (0.5) beats allying with 1 alone (0.3)
    ([3], [0.2, 0.3, 0.0, 0.0])
    """
    u = _utilities("utilities_pairwise", utilities_pairwise, check=check)
    n = u.shape[1]
    if check and u.shape[2] != n:
        raise ValueError(f"utilities_pairwise: expected shape (4, N, N), got {u.shape}")
    if membership is None:
        m = np.zeros((0, n), dtype=bool)
    else:
        m = np.asarray(membership)
        if check and (m.ndim != 2 or m.shape[1] != n):
            raise ValueError(f"membership: expected a boolean array of shape (A, {n}) (alliances x states), got {m.shape}")
        m = _option_mask("membership", m, m.shape, check=check)
    mode, p = _weight_mode(aggregate, power, n, check=check)
    rows = _states(states, n, check=check)
    shape = (len(rows), n + m.shape[0])
    mask = np.ascontiguousarray(_option_mask("available", available, shape, check=check))
    c = np.ascontiguousarray(_costs(cost, shape, check=check))
    choice = np.full(len(rows), -1, np.int64)
    dec = np.zeros((len(rows), len(MOTIVES)))
    _best_kernel(np.ascontiguousarray(u), rows, np.ascontiguousarray(m, dtype=bool), mode, p, mask, c, choice, dec)
    return choice, dec


@njit(cache=True)
def _best_kernel(u, rows, m, mode, p, mask, cost, choice, dec):  # pragma: no cover (compiled)
    """:func:`best_options`: net utilities option by option, the best kept with its decomposition.

    The members of each alliance and their weights are listed once (weights as in
    :func:`_weights_kernel`, so the join utilities have the bits of :func:`join_utilities`).
    """
    n_a, n = m.shape
    n_m = u.shape[0]  # 4: the motives
    count = np.zeros(n_a, np.int64)
    lists = np.empty((n_a, n), np.int64)
    weight = np.empty((n_a, n))
    for a in range(n_a):
        total = 0.0
        for j in range(n):
            if m[a, j]:
                lists[a, count[a]] = j
                count[a] += 1
                total += p[j] if mode == 1 else 1.0
        div = total if total > 0 else 1.0
        for q in range(count[a]):
            j = lists[a, q]
            weight[a, q] = 1.0 if mode == 0 else (p[j] if mode == 1 else 1.0) / div
    for r in range(rows.shape[0]):
        i = rows[r]
        u0, u1, u2, u3 = u[0, i], u[1, i], u[2, i], u[3, i]  # the four motives (MOTIVES order)
        best = -np.inf
        arg = 0
        for k in range(n):
            if mask[r, k]:
                v = u0[k] + u1[k] + u2[k] + u3[k] - cost[r, k]
                if v > best:
                    best = v
                    arg = k
        for a in range(n_a):
            if not mask[r, n + a]:
                continue
            if m[a, i]:
                tot = 0.0
            else:
                # each motive summed over the members in order, as join_utilities does
                a0 = 0.0
                a1 = 0.0
                a2 = 0.0
                a3 = 0.0
                for q in range(count[a]):
                    j = lists[a, q]
                    w = weight[a, q]
                    a0 += w * u0[j]
                    a1 += w * u1[j]
                    a2 += w * u2[j]
                    a3 += w * u3[j]
                tot = a0 + a1 + a2 + a3
            v = tot - cost[r, n + a]
            if v > best:
                best = v
                arg = n + a
        if best > 0:
            choice[r] = arg
            if arg < n:
                for mm in range(n_m):
                    dec[r, mm] = u[mm, i, arg]
            else:
                a = arg - n
                if not m[a, i]:
                    for mm in range(n_m):
                        acc = 0.0
                        for q in range(count[a]):
                            acc += weight[a, q] * u[mm, i, lists[a, q]]
                        dec[r, mm] = acc


def alignment_options(
    utilities_pairwise, membership=None, *, aggregate: str = "sum", power=None
) -> np.ndarray:
    """All of a state's options in one array: form a pair with each state, or join each alliance.

    Concatenates the pairwise utilities (options ``0 .. N-1``: ally with state ``j``) and
    :func:`join_utilities` (options ``N .. N+A-1``: join alliance ``a``) so that
    :func:`choose_option` compares them on one scale; staying out is the choice ``-1``. The
    matching availability mask must mask the diagonal of the first N columns (one cannot ally
    with oneself) and alliances the state already belongs to.

    Parameters
    ----------
    utilities_pairwise : array (4, N, N)
    membership : array (A, N) of bool, optional
    aggregate, power
        As in :func:`join_utilities`.

    Returns
    -------
    array (4, N, N + A) of float.
    """
    u = _utilities("utilities_pairwise", utilities_pairwise)
    if membership is None:
        return u.copy()
    return np.concatenate([u, join_utilities(u, membership, aggregate=aggregate, power=power)], axis=2)
