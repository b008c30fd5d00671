r"""Power projection: how much of a state's capability reaches another state (brief F1, F2).

Boulding (1962, ch. 12) called the decline of a state's strength with the distance from its base
the *loss-of-strength gradient*: a state is strongest at home and weaker the further it has to
carry its forces. Bueno de Mesquita (1981, *The War Trap*, p. 105) gave the gradient the form the
quantitative literature uses (EUGene, Bennett & Stam 2000): a capability share ``c`` (COW CINC) is
raised to a power that grows with the days it takes to move forces over the distance,

.. math:: c^{\,\mathrm{adj}}_{ij} = c_j^{\;x_{ij}}, \qquad
          x_{ij} = \log_{10}\!\left(\frac{\mathrm{miles}_{ij}}{\mathrm{miles\ per\ day}} + (10 - e)\right)

with :math:`e` the base of the natural logarithm. Since a share lies in [0, 1], a larger exponent
discounts more. Analytic anchors of the published form: :math:`x = \log_{10}(10 - e) \approx 0.862`
at distance 0 (a state's capability at home is *raised* slightly), :math:`x = 1` (no discount) when
the forces need exactly :math:`e` days, and :math:`x` grows with the logarithm of the travel time
beyond. :func:`relative_discount_exponent` states the same gradient relative to a state's
capability at home (``c`` at distance 0). Because the discount acts on the logarithm of the share, a large capability keeps most of
its weight far away while a small one fades quickly: a superpower's global reach follows from its
capability being large, without a separate "reach" term.

Units: distances in kilometres (converted to statute miles, 1 mile = 1.609344 km); capabilities are
shares in [0, 1]; ``miles_per_day`` in statute miles per day.

References
----------
1. Boulding, K. E. (1962). *Conflict and Defense: A General Theory*. New York: Harper, ch. 12.
2. Bueno de Mesquita, B. (1981). *The War Trap*. New Haven: Yale University Press, pp. 103-105.
3. Harkavy, R. E. (1982). *Great Power Competition for Overseas Bases*. New York: Pergamon, ch. 1
   (bases abroad as the means of projecting power).
4. Morrow, J. D. (1991). Alliances and asymmetry. *American Journal of Political Science* 35(4):
   904-933 (bases as the weaker ally's concession for security).
5. Bennett, D. S. & Stam, A. C. (2000). EUGene: a conceptual manual. *International Interactions*
   26(2): 179-204 (the distance-adjusted capabilities of EUGene follow Bueno de Mesquita 1981).
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array, _matrix, _vector

__all__ = [
    "KM_PER_MILE",
    "able_to_reach",
    "distance_discount_exponent",
    "forward_exponent",
    "projected_capability",
    "projection_loss",
    "reach_fraction",
    "relative_discount_exponent",
]

KM_PER_MILE = 1.609344
"""Kilometres in one statute mile (the unit of Bueno de Mesquita's distances)."""


def distance_discount_exponent(distance_km, *, miles_per_day: float = 250.0, check: bool = True) -> np.ndarray:
    r"""Bueno de Mesquita's (1981) distance-discount exponent :math:`\log_{10}(\mathrm{miles}/\mathrm{mpd} + 10 - e)`.

    Parameters
    ----------
    distance_km : array of float >= 0, kilometres
        Distance over which capability is projected (between capitals in Bueno de Mesquita 1981;
        any shape).
    miles_per_day : float > 0, statute miles per day, default 250
        How far forces move in a day; 250 is the figure used with the formula for the modern era.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array of float, same shape, each >= ``log10(10 - e)`` (about 0.862)

    Examples
    --------
    >>> import numpy as np
    >>> float(distance_discount_exponent(0.0).round(4))
    0.8622
    >>> float(distance_discount_exponent(np.e * 250 * KM_PER_MILE))  # e days of travel: no discount
    1.0

    References
    ----------
    Bueno de Mesquita (1981), p. 105; Boulding (1962), ch. 12.
    """
    d = _array("distance_km", distance_km, nonneg=True, check=check)
    if check and not (np.isfinite(miles_per_day) and miles_per_day > 0):
        raise ValueError(f"miles_per_day: must be a positive number of miles per day, got {miles_per_day!r}")
    return np.log10(d / (KM_PER_MILE * miles_per_day) + (10.0 - np.e))


def relative_discount_exponent(distance_km, *, miles_per_day: float = 250.0, check: bool = True) -> np.ndarray:
    r"""The distance discount relative to home: :math:`1 + x(d) - x(0)`, with :math:`x` of :func:`distance_discount_exponent`.

    Bueno de Mesquita's adjusted capability raises a share slightly at home
    (:math:`c^{x(0)} > c`). Relative to its value at home, the capability that arrives over a
    distance :math:`d` is

    .. math:: c \, \frac{c^{x(d)}}{c^{x(0)}} = c^{\,1 + x(d) - x(0)} \le c,

    so a state's capability at home is its capability share and the loss of strength with
    distance is the published one (the same ratio between any two distances). The simulator
    uses this exponent, which keeps threats in capability-share units (Walt's ``T <= P``).

    Parameters
    ----------
    distance_km, miles_per_day, check
        As in :func:`distance_discount_exponent`.

    Returns
    -------
    array of float >= 1, same shape; exactly 1 at distance 0.

    Examples
    --------
    >>> float(relative_discount_exponent(0.0))
    1.0
    """
    x = distance_discount_exponent(distance_km, miles_per_day=miles_per_day, check=check)
    return 1.0 + (x - np.log10(10.0 - np.e))


def projected_capability(capability, exponent, *, check: bool = True) -> np.ndarray:
    r"""Capability of each state as it arrives at each other state: ``C[i, j] = capability[j] ** exponent[i, j]``.

    Bueno de Mesquita's (1981) distance-adjusted capability, the published form of Boulding's
    (1962) loss-of-strength gradient: ``exponent`` is :func:`distance_discount_exponent` of the
    distance from ``j`` to ``i``. The diagonal is a state's capability at home (distance 0).
    Evaluated as ``exp(x ln c)`` (one logarithm per state, one exponential per pair), the same
    number as ``c ** x`` up to the last bit.

    Parameters
    ----------
    capability : array (N,) of float in [0, 1], capability share
        E.g. COW CINC (the published input), or the offensive part of it for Walt's threat.
    exponent : array (N, N) of float > 0
        :func:`distance_discount_exponent` of the pairs' distances (the published form), or
        :func:`relative_discount_exponent` (capability relative to its value at home).
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1]

    Examples
    --------
    A share of 0.2 carried over 1,000 miles at 250 miles a day (four days):

    >>> x = distance_discount_exponent([[0.0, 1000 * KM_PER_MILE], [1000 * KM_PER_MILE, 0.0]])
    >>> float(projected_capability([0.5, 0.2], x)[0, 1].round(4))  # 0.2 ** log10(4 + 10 - e)
    0.1838

    References
    ----------
    Bueno de Mesquita (1981), pp. 103-105; Boulding (1962), ch. 12.
    """
    c = _vector("capability", capability, unit=True, check=check)
    x = _matrix("exponent", exponent, c.shape[0], nonneg=True, check=check)
    with np.errstate(divide="ignore"):  # log(0) = -inf: a state without capability projects none
        log_c = np.log(c)
    return np.exp(x * log_c[None, :])


def able_to_reach(capability, exponent, *, arrives=None, check: bool = True) -> np.ndarray:
    """``A[i, k] = [capability[i] ** exponent[k, i] >= capability[k]]``: ``i`` can reach ``k`` (Lemke 2002, ch. 4).

    Lemke's relevant neighbourhoods: a minor power can reach another state where its capability,
    discounted over the distance in Bueno de Mesquita's (1981) form (:func:`projected_capability`,
    ``exponent[k, i]`` the discount from ``i`` to ``k``), is at least the other's capability at home.
    Diagonal False. ``arrives``: :func:`projected_capability` of ``capability`` and ``exponent`` when the caller keeps it (None:
    computed here).

    Examples
    --------
    >>> able_to_reach([0.1, 0.05], [[1.0, 1.2], [1.2, 1.0]]).tolist()  # 0.1 ** 1.2 = 0.063 >= 0.05; 0.05 ** 1.2 < 0.1
    [[False, True], [False, False]]

    References
    ----------
    Lemke, D. (2002). *Regions of War and Peace*. Cambridge: Cambridge University Press, ch. 4; Bueno de Mesquita (1981).
    """
    c = _vector("capability", capability, unit=True, check=check)
    if arrives is None:
        arrives = projected_capability(c, exponent, check=check)  # arrives[k, i]: i's capability at k
    elif check and np.shape(arrives) != (c.shape[0], c.shape[0]):
        raise ValueError(f"arrives: must be {(c.shape[0], c.shape[0])}, got {np.shape(arrives)}")
    out = np.asarray(arrives).T >= c[None, :]
    np.fill_diagonal(out, False)
    return out


def reach_fraction(capability, exponent, *, check: bool = True) -> np.ndarray:
    r"""The share of each state's capability that arrives at each other state: ``F[k, j] = min(1, c_j ** (x_kj - 1))``.

    Bueno de Mesquita's (1981) adjusted capability ``c ** x`` (:func:`projected_capability`)
    relative to the capability itself: with :func:`relative_discount_exponent` (``x >= 1``) it is
    1 at home and falls with the distance, the slower the larger the capability (Boulding's
    loss-of-strength gradient: a superpower keeps much of its strength far away, a small state
    little of it). Clipped at 1 for the published exponent, which raises a share near home.

    Parameters
    ----------
    capability : array (N,) of float in [0, 1], capability share
    exponent : array (N, N) of float > 0
        As in :func:`projected_capability` (``exponent[k, j]``: from ``j`` to ``k``).
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1]; 0 from a state without capability.

    Examples
    --------
    >>> x = relative_discount_exponent([[0.0, 4000.0], [4000.0, 0.0]])
    >>> reach_fraction([0.2, 0.01], x).round(3).tolist()  # the larger state keeps more of its strength
    [[1.0, 0.179], [0.548, 1.0]]

    References
    ----------
    Bueno de Mesquita (1981), pp. 103-105; Boulding (1962), ch. 12.
    """
    c = _vector("capability", capability, unit=True, check=check)
    x = _matrix("exponent", exponent, c.shape[0], nonneg=True, check=check)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.exp((x - 1.0) * np.log(c)[None, :])
    return np.minimum(np.nan_to_num(f, nan=0.0), 1.0)


def forward_exponent(exponent, hosts, *, saving: float, check: bool = True) -> np.ndarray:
    r"""Distance discount with forward presence: a state's strength also starts from the territory of the allies that host it.

    Boulding (1962, ch. 12) draws the loss-of-strength gradient from a state's *base*, and notes that
    a power lowers it by establishing bases abroad: forces stationed in peacetime have already been
    carried to the base, so in a crisis they start from there (Harkavy 1982, ch. 1: overseas bases
    are the means of great-power projection; Morrow 1991: bases are what a weak ally concedes to a
    strong one for its protection). With ``x`` the exponent of :func:`relative_discount_exponent`
    (``x[i, j]``: from ``j`` to ``i``, 1 at home) and ``H[j, b]`` True where ``b`` hosts ``j``'s
    forces, ``j``'s strength reaches ``i`` by the cheaper of the direct route and the route through
    a base, whose home-to-base leg is discounted only in the share ``1 - s`` not paid in advance:

    .. math:: x'_{ij} = \min\Big(x_{ij},\; \min_{b:\,H_{jb}} \big[x_{ib} + (1 - s)(x_{bj} - 1)\big]\Big)

    ``s = 0``: the base saves nothing (the route through it is never much shorter than the direct
    one); ``s = 1``: the base is a second home. With no host ``x' = x``. The exponent enters
    Bueno de Mesquita's (1981) adjusted capability ``c ** x'`` unchanged
    (:func:`projected_capability`). Published form: Boulding states the gradient from the base and
    its lowering by bases without a formula; this route form, on Bueno de Mesquita's exponent, is ours.

    Parameters
    ----------
    exponent : array (N, N) of float >= 1
        :func:`relative_discount_exponent` of the pairs' distances.
    hosts : array (N, N) of bool
        ``H[j, b]``: ``b`` hosts ``j``'s forces (the simulator: ``j`` is a great power with a defence or
        offence pact with the weaker ``b``).
    saving : float in [0, 1]
        ``s``, the share of the home-to-base loss of strength that peacetime stationing saves.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float, ``1 <= x' <= x``.

    Examples
    --------
    >>> x = relative_discount_exponent([[0.0, 0.0, 10000.0], [0.0, 0.0, 10000.0], [10000.0, 10000.0, 0.0]])
    >>> h = [[False, False, False], [False, False, False], [False, True, False]]  # 1 hosts 2's forces
    >>> float(x[0, 2].round(3)), float(forward_exponent(x, h, saving=1.0)[0, 2]), float(forward_exponent(x, h, saving=0.0)[0, 2].round(3))
    (1.645, 1.0, 1.645)

    References
    ----------
    Boulding (1962), ch. 12; Harkavy (1982), ch. 1; Morrow (1991); Bueno de Mesquita (1981), pp. 103-105.
    """
    x = _matrix("exponent", exponent, nonneg=True, check=check)
    n = x.shape[0]
    h = np.asarray(hosts, dtype=bool)
    if check:
        if h.shape != x.shape:
            raise ValueError(f"hosts: expected shape {x.shape} like exponent, got {h.shape}")
        if not (np.isfinite(saving) and 0 <= saving <= 1):
            raise ValueError(f"saving: must lie in [0, 1], got {saving!r}")
    if not n or not h.any():
        return x.copy()
    leg = np.where(h, (1.0 - saving) * (x.T - 1.0), np.inf)  # leg[j, b]: the home-to-base leg of j's forces in b
    via = (x[:, None, :] + leg[None, :, :]).min(axis=2)  # via[i, j] = min_b x[i, b] + leg[j, b]
    return np.minimum(x, via)


def projection_loss(power, reach, *, patron: bool = False, check: bool = True) -> np.ndarray:
    r"""The loss of strength ``L[i, j]`` that i suffers in defending j: (N, N) in [0, 1].

    .. math:: L_{ij} = 1 - \frac{R_{ji}}{p_i}

    the share of i's capability that does not arrive at j (:math:`R_{ji}`, the capability of i that
    reaches j: Bueno de Mesquita's 1981 distance discount, Boulding's 1962 loss-of-strength gradient;
    :func:`projected_capability`). A pledge to defend a partner is a standing
    commitment to fight in its theatre: the patron must hold forces able to get there whatever the
    partner's threat of the moment, and the farther the partner the more of its strength the
    commitment ties up (Morrow 1991's exchange priced on the strong side as well: the cost of the
    commitment to the patron grows with the cost of defending the client; Bueno de Mesquita 1981 on
    the loss of strength with distance). 0 at home and for a state without capability (nothing to lose);
    where :math:`R_{ji} \geq p_i` (the published exponent near home) 0.

    :func:`foedus.theory.obligations.defence_burden` prices the risk of the partner's war (its main threat's pressure on what one
    can bring); this prices the distance alone, so a far client with no threat is no longer free to
    protect.

    ``patron``: the loss only on the strong side of the pair (:math:`p_i > p_j`), 0 on the weak side: in Morrow's (1991)
    exchange the strong side provides the security and the weak side pays in autonomy, so the cost of carrying one's
    strength to the partner is the patron's; a weak state's pledge to a stronger partner buys its protection.

    Examples
    --------
    >>> import numpy as np
    >>> p = np.array([0.2, 0.01])
    >>> R = np.array([[0.2, 0.0055], [0.036, 0.01]])   # R[j, i]: i's capability at j (0 keeps 18% of its strength at 1)
    >>> projection_loss(p, R).round(3).tolist()
    [[0.0, 0.82], [0.45, 0.0]]
    >>> projection_loss(p, R, patron=True).round(3).tolist()   # the patron's side alone
    [[0.0, 0.82], [0.0, 0.0]]

    References
    ----------
    .. [1] Bueno de Mesquita, B. (1981). The War Trap. Yale UP, pp. 103-105.
    .. [2] Boulding, K. E. (1962). Conflict and Defense. Harper, ch. 12.
    .. [3] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904–933.
    """
    p = _vector("power", power, nonneg=True, check=check)
    n = p.shape[0]
    r = _matrix("reach", reach, n, nonneg=True, check=check)
    share = np.divide(r.T, p[:, None], out=np.ones((n, n)), where=p[:, None] > 0)  # share[i, j] = R[j, i] / p[i]
    out = 1.0 - np.minimum(share, 1.0)
    if patron:
        out = np.where(p[:, None] > p[None, :], out, 0.0)
    np.fill_diagonal(out, 0.0)
    return out
