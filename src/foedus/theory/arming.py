r"""What a state's arming answers, in the N-state Richardson system of the simulator (brief D1, P4).

:mod:`foedus.theory.arms` has Richardson's (1960) equations and Jervis's (1978) reactivity; this
module has the terms the simulator feeds them (all vectorised, spending in any one currency unit
per year):

- :func:`threat_weights`: ``w_ij``, the share of j's spending that threatens i (Walt's threat over
  j's capability share, clipped to [0, 1]) times i's relative economic size
  ``E_i / (E_i + E_j)``: a small state answers a large neighbour's arming in proportion to what
  it can afford;
- :func:`ally_relief`: allies' spending is a substitute for one's own (Olson & Zeckhauser 1966):
  the reaction is relieved by the share of the threat allies' credible spending covers;
- :func:`reaction_scale`: the reaction coefficients calibrated at the starting fixed point so
  that the reaction to others' spending is at most a share of a state's own equilibrium
  spending. Estimated arms-race equations find that spending follows its own past and domestic
  drivers far more than rivals' spending (Majeski & Jones 1981; Ward 1984): an uncalibrated
  reaction that exceeds a state's whole spending leaves a negative grievance to balance it, and
  the equilibrium becomes the small difference of two large numbers (Iran, facing the United
  States' spending, fell to 1 % of its 2022 spending once allied with China);
- :func:`war_mobilisation`: a belligerent raises its spending towards a wartime burden, the more
  the stronger its enemy (the displacement effect of war on public spending, Peacock & Wiseman
  1961; Rasler & Thompson 1985);
- :func:`postwar_level` and :func:`demobilisation`: after a war a state demobilises towards a
  peace-time level above its pre-war one (the ratchet: Peacock & Wiseman 1961's displacement
  effect; Rasler & Thompson 1985), closing most of the gap within a year or two as the record's
  belligerents did (COW NMC: US personnel 12.1 M in 1945, 3.0 M in 1946, 1.4-1.6 M in 1947-50,
  against 0.33 M in 1939);
- :func:`personnel_ceiling`: military personnel stay within the record's share of population
  (COW NMC; a wartime and a peacetime ceiling).

References
----------
1. Olson, M. & Zeckhauser, R. (1966). An economic theory of alliances. *Review of Economics and
   Statistics* 48(3): 266-279.
2. Majeski, S. J. & Jones, D. L. (1981). Arms race modeling: causality analysis and model
   specification. *Journal of Conflict Resolution* 25(2): 259-288.
3. Ward, M. D. (1984). Differential paths to parity: a study of the contemporary arms race.
   *American Political Science Review* 78(2): 297-317.
4. Peacock, A. T. & Wiseman, J. (1961). *The Growth of Public Expenditure in the United Kingdom*.
   Princeton University Press.
5. Rasler, K. & Thompson, W. R. (1985). War making and state making: governmental expenditures,
   tax revenues, and global wars. *American Political Science Review* 79(2): 491-507.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array

__all__ = [
    "ally_relief", "demobilisation", "economy_in_spending_units", "personnel_ceiling", "postwar_level", "reaction_scale",
    "threat_weights", "war_mobilisation",
]


def threat_weights(threat, power, economy, *, check: bool = True) -> np.ndarray:
    """``w_ij = min(max(T_ij / p_j, 0), 1) * E_i / (E_i + E_j)``, 0 on the diagonal and where ``p_j <= 0`` (N, N).

    Parameters
    ----------
    threat : (N, N) array, ``T[i, j]`` the threat j poses to i (capability-share units)
    power : (N,) array, capability shares
    economy : (N,) array > 0, GDP

    Examples
    --------
    >>> threat_weights([[0, 0.1], [0.3, 0]], [0.6, 0.2], [3.0, 1.0]).round(3).tolist()
    [[0.0, 0.375], [0.125, 0.0]]
    """
    t = _array("threat", threat, nonneg=True, check=check)
    p = _array("power", power, nonneg=True, check=check)
    e = _array("economy", economy, nonneg=True, check=check)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.clip(np.where(p[None, :] > 0, t / np.where(p > 0, p, 1.0)[None, :], 0.0), 0.0, 1.0)
    w = share * (e[:, None] / (e[:, None] + e[None, :]))
    np.fill_diagonal(w, 0.0)
    return w


def ally_relief(reaction, allied_spending, threatening_spending, ally_weight: float, *, check: bool = True) -> np.ndarray:
    """``ally_weight * reaction * A / (A + X)``: the reaction allies relieve (Olson & Zeckhauser 1966).

    ``A`` is the allies' credible spending, ``X`` the threatening spending; ``A / (A + X)`` is the
    share of the threat the allies cover (0 when both are 0).

    Examples
    --------
    >>> ally_relief([10.0, 10.0], [0.0, 30.0], [10.0, 10.0], 0.6).tolist()
    [0.0, 4.5]
    """
    k = _array("reaction", reaction, check=check)
    a = _array("allied_spending", allied_spending, nonneg=True, check=check)
    x = _array("threatening_spending", threatening_spending, nonneg=True, check=check)
    cover = np.divide(a, a + x, out=np.zeros_like(a), where=(a + x) > 0)
    return ally_weight * k * cover


def reaction_scale(reaction, spending, fatigue: float, cap: float, *, check: bool = True) -> np.ndarray:
    """Factor on each state's reaction coefficients so that it answers others with at most ``cap`` of its equilibrium spending.

    At a Richardson fixed point ``a x = K x + g``, so ``K x / (a x)`` is the share of the
    spending that answers others. ``min(1, cap * a x / K x)`` (1 where ``K x`` is 0) scales a
    row of ``K`` down to that share at the most: the rest is the state's own grievance, which is
    then at least ``(1 - cap) a x`` (never negative), and the equilibrium's elasticity to the
    spending it answers is at most ``cap`` (Majeski & Jones 1981; Ward 1984).

    Parameters
    ----------
    reaction : (N,) array >= 0, ``K x`` per year
    spending : (N,) array >= 0
    fatigue : float >= 0, per year
    cap : float in [0, 1]

    Examples
    --------
    >>> reaction_scale([10.8, 0.5, 0.0], [7.3, 10.0, 5.0], 0.15, 0.5).round(4).tolist()
    [0.0507, 1.0, 1.0]
    """
    k = _array("reaction", reaction, nonneg=True, check=check)
    x = _array("spending", spending, nonneg=True, check=check)
    bound = cap * fatigue * x
    return np.where(k > bound, np.divide(bound, k, out=np.ones_like(k), where=k > 0), 1.0)


def war_mobilisation(spending, economy, enemy_share, burden: float, rate: float, *, check: bool = True) -> np.ndarray:
    """Yearly rise of a belligerent's spending: ``rate * max(burden * s * E - x, 0)``.

    A state at war closes the share ``rate`` a year of the gap between its spending ``x`` and a
    wartime burden ``burden * s * E`` of its GDP ``E``, where ``s`` (0-1) is the strongest
    enemy's share of the pair's capabilities ``p_enemy / (p_self + p_enemy)`` (0 at peace): a
    small state fighting a great power mobilises most, a great power fighting a small state
    little (the displacement effect of war, Peacock & Wiseman 1961; Rasler & Thompson 1985).

    Parameters
    ----------
    spending, economy : (N,) arrays >= 0, the same currency unit per year
    enemy_share : (N,) array in [0, 1]; 0 for a state at peace
    burden : float in [0, 1], share of GDP
    rate : float in [0, 1], per year

    Examples
    --------
    >>> war_mobilisation([41.0, 102.0, 50.0], [475.0, 4112.0, 900.0], [0.84, 0.16, 0.0], 0.2, 0.3).round(2).tolist()
    [11.64, 8.88, 0.0]
    """
    x = _array("spending", spending, nonneg=True, check=check)
    e = _array("economy", economy, nonneg=True, check=check)
    s = _array("enemy_share", enemy_share, unit=True, check=check)
    return rate * np.maximum(burden * s * e - x, 0.0)


def economy_in_spending_units(spending0, economy0, reference_burden: float, *, check: bool = True) -> float:
    """Factor ``k`` that states GDP in the currency of military spending: ``k = median_i(x_i / E_i) / b_ref``.

    The war burden and the ceiling on spending are shares of GDP, which presumes spending ``x`` and
    GDP ``E`` in one currency. A scenario built from the record holds them in two: COW NMC's
    spending in current-year dollars, the GDP series in constant dollars (and PPP), so in 1900 the
    median state's ``x / E`` is 0.0005 where its true peacetime burden was of the order of 1-3 %
    (Eloranta 2007 for the great powers of 1870-1913; SIPRI for today). Taking the median state of
    the starting year to carry the reference burden ``b_ref`` (the median of a world whose figures
    share one currency) restates GDP as ``k E`` in spending's unit; shares of GDP then mean the same
    in every era, and a scenario whose figures already share a currency and the reference median
    keeps ``k = 1``. The median is over states with both figures positive; ``k = 1`` when there is none.

    Parameters
    ----------
    spending0, economy0 : (N,) arrays >= 0, the starting spending and GDP (any units)
    reference_burden : float > 0, share of GDP

    Examples
    --------
    >>> economy_in_spending_units([1.0, 2.0, 3.0], [100.0, 100.0, 100.0], 0.02)
    1.0
    >>> round(economy_in_spending_units([0.05, 0.1, 0.15], [100.0, 100.0, 100.0], 0.02), 6)
    0.05
    """
    x = _array("spending0", spending0, nonneg=True, check=check)
    e = _array("economy0", economy0, nonneg=True, check=check)
    ok = (x > 0) & (e > 0)
    if not ok.any():
        return 1.0
    return float(np.median(x[ok] / e[ok]) / reference_burden)


def postwar_level(prewar, peak, ratchet: float, *, check: bool = True) -> np.ndarray:
    """Peace-time level a state returns to after a war: ``prewar + ratchet * max(peak - prewar, 0)`` (any unit).

    The displacement effect (Peacock & Wiseman 1961; Rasler & Thompson 1985): war raises what a
    state spends and fields, and peace brings it down again, but to a plateau above the pre-war
    level; the ratchet ``ratchet`` in [0, 1] is the share of the war's rise that stays (0: a full
    return to the pre-war level, the null of no displacement; 1: no demobilisation at all). A war
    that did not raise the figure (``peak <= prewar``) leaves the pre-war level.

    Parameters
    ----------
    prewar : (N,) array >= 0, the figure in the last year before the war
    peak : (N,) array >= 0, the war's highest figure
    ratchet : float in [0, 1]

    Examples
    --------
    The COW NMC record's US personnel (thousands): 334 in 1939, 12,123 in 1945; with a ratchet of
    0.1 the plateau is 1,513, and the record's 1947-50 figures are 1,446-1,615:

    >>> postwar_level([334.0], [12123.0], 0.1).round(1).tolist()
    [1512.9]
    """
    a = _array("prewar", prewar, nonneg=True, check=check)
    b = _array("peak", peak, nonneg=True, check=check)
    if check and not 0.0 <= ratchet <= 1.0:
        raise ValueError(f"ratchet must lie in [0, 1], got {ratchet}")
    return a + ratchet * np.maximum(b - a, 0.0)


def demobilisation(spending, level, rate: float, *, check: bool = True) -> np.ndarray:
    """Yearly fall of a demobilising state's spending: ``rate * max(x - level, 0)`` (the mirror of :func:`war_mobilisation`).

    A state at peace whose spending ``x`` exceeds its peace-time level (:func:`postwar_level`)
    closes the share ``rate`` of the gap a year, so the gap after ``t`` years of peace is
    ``(1 - rate)^t`` of the first (Rasler & Thompson 1985: the post-war decline is sharp; NMC: US
    spending 90 bn in 1945, 45 bn in 1946, 14 bn in 1947, 11 bn in 1948). A state at or below its
    level is not moved (0).

    Parameters
    ----------
    spending, level : (N,) arrays >= 0, one currency unit per year
    rate : float in [0, 1], per year

    Examples
    --------
    >>> demobilisation([90.0, 5.0], [11.0, 8.0], 0.8).round(2).tolist()
    [63.2, 0.0]
    """
    x = _array("spending", spending, nonneg=True, check=check)
    lv = _array("level", level, nonneg=True, check=check)
    if check and not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must lie in [0, 1], got {rate}")
    return rate * np.maximum(x - lv, 0.0)


def personnel_ceiling(personnel, population, share, *, check: bool = True) -> np.ndarray:
    """Military personnel held within a share of the population: ``min(m, share * 1000 * P)`` (thousands).

    No state of the record has kept more than a few per cent of its people under arms in peace or
    much more than a sixth in war (COW NMC 6.0: at peace the 99.9th percentile of milper / tpop is 3.0 %
    in 1816-1914 and 5.4 % in 1946-1989; at war the highest are France 1916-18 and Serbia 1918,
    16-17 %). ``share`` is per state (a belligerent's and a state at peace's ceilings differ).

    Parameters
    ----------
    personnel : (N,) array >= 0, thousands
    population : (N,) array >= 0, millions; a state without a figure (0) is not held
    share : float or (N,) array in [0, 1]

    Examples
    --------
    >>> personnel_ceiling([400.0, 30.0, 5.0], [6.0, 6.0, 0.0], 0.054).round(1).tolist()
    [324.0, 30.0, 5.0]
    """
    m = _array("personnel", personnel, nonneg=True, check=check)
    pop = _array("population", population, nonneg=True, check=check)
    cap = np.asarray(share, dtype=float) * 1000.0 * pop
    return np.where(pop > 0, np.minimum(m, cap), m)
