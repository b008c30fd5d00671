"""Choosing an alignment: each state's best option, a new partner or an existing alliance (brief F5).

A state's options are the pairs it could form (scored by motive by
:func:`foedus.theory.alignment.alignment_utilities`, a ``(4, N, N)`` array) and the alliances it
could join (:func:`join_utilities`, the same contributions summed over each alliance's members).
It takes the available option with the largest positive net utility, total over motives minus
the cost of allying, or stays out (``-1``): :func:`choose_alignment` among partners,
:func:`choose_option` among any set of options (:func:`alignment_options` builds the full one),
:func:`best_options` the same choice in one compiled pass without building that set. Every
choice comes with its exact motive decomposition, so "which motives drove this alliance, and
how strongly" (F5) is answered option by option. Whether the chosen partner agrees is
:mod:`foedus.theory.consent`.

Published form vs ours
----------------------
Walt (1987, ch. 2 and 8) compares the motives in prose; choosing the option of largest net
utility, and aggregating an alliance's value over its members, are our forms.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.theory._validate import _array, _vector
from foedus.theory.alignment import MOTIVES
from foedus.theory.obligations import GOOD_MOTIVE

__all__ = [
    "alignment_options",
    "best_options",
    "choose_alignment",
    "choose_option",
    "accession_goods",
    "join_utilities",
]


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
        Motive contributions ``U[m, i, k]`` (:func:`~foedus.theory.alignment.alignment_utilities`, :func:`join_utilities`).
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
    row ``i`` holds the four contributions (:data:`~foedus.theory.alignment.MOTIVES` order) and sums exactly to the chosen
    option's total utility.

    Parameters
    ----------
    utilities : array (4, N, N) of float
        From :func:`~foedus.theory.alignment.alignment_utilities`.
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


def join_utilities(utilities_pairwise, membership, *, aggregate: str = "sum", power=None, states=None, check: bool = True) -> np.ndarray:
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
        From :func:`~foedus.theory.alignment.alignment_utilities`; or any (G, N, N) stack aggregated
        the same way, such as the goods of :func:`foedus.theory.obligations.obligation_goods` (G = 5).
    membership : array (A, N) of bool
        ``membership[a, j]`` is True when state ``j`` belongs to alliance ``a``.
    aggregate : {"sum", "capability", "mean"}, default "sum"
    power : array (N,) of float >= 0, capability share
        Required for ``aggregate="capability"``.
    states : array of int, optional
        Indices of the states whose options are wanted (e.g. those reconsidering their
        alignments this year); default all. The result then has ``len(states)`` rows, row ``r``
        being state ``states[r]``.
    check : bool, default True
        Validate the inputs' values (finite utilities, non-negative power, states in range); a caller whose arrays are its own
        checked ones (a simulated year) passes False and gets the same numbers without the passes over them.

    Returns
    -------
    array (4, N, A) of float (``(4, len(states), A)`` with ``states``; G for a (G, N, N) input).

    Notes
    -----
    One compiled (numba) pass over the memberships: O(A N + 4 R M) for R viewing states and M
    memberships in all (a few per alliance), instead of O(4 R N A) as a dense matrix product.
    """
    u = _array("utilities_pairwise", utilities_pairwise, check=check)
    n = u.shape[1] if u.ndim == 3 else -1
    if u.ndim != 3 or u.shape[2] != n:
        raise ValueError(f"utilities_pairwise: expected shape (4, N, N) (or (G, N, N) by good), got {u.shape}")
    m = np.asarray(membership)
    if m.ndim != 2 or m.shape[1] != n:
        raise ValueError(f"membership: expected a boolean array of shape (A, {n}) (alliances x states), got {m.shape}")
    m = _option_mask("membership", m, m.shape, check=check)
    w = _member_weights(m, aggregate, power, n, check=check)
    rows = _states(states, n, check=check)
    out = np.zeros((u.shape[0], len(rows), m.shape[0]))
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
        From :func:`~foedus.theory.alignment.alignment_utilities`; or any (G, N, N) stack aggregated
        the same way, such as the goods of :func:`foedus.theory.obligations.obligation_goods` (G = 5).
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


def accession_goods(provided) -> np.ndarray:
    r"""The goods of each treaty that count toward *joining* it: (..., 5) bool (brief F4, F5).

    ``provided`` (..., 5) is :func:`foedus.theory.obligations.pact_goods` of the treaties, in the
    order of :data:`foedus.theory.obligations.GOODS`. A treaty that provides protection or
    aggrandisement (a defence or an offence obligation) counts, for an accession, none of the goods of the tethering
    motive (:data:`foedus.theory.obligations.GOOD_MOTIVE`: reassurance and abstention): tethering
    (Weitsman 1997, 2004) is a bilateral or small-group pact of weak obligations with a
    threatening state to restrain it, not a reason to join a treaty whose members pledge to
    fight a third party. A treaty of the tethering kind (no protection: non-aggression,
    neutrality, consultation) keeps all its goods. Pair formation is not concerned.

    >>> accession_goods([[True, True, True, True, False], [False, True, True, True, False]]).tolist()
    [[True, False, False, True, False], [False, True, True, True, False]]

    References
    ----------
    Weitsman, P. A. (1997). Intimate enemies: the politics of peacetime alliances. *Security
    Studies* 7(1): 156-193. Weitsman (2004), *Dangerous Alliances*, ch. 2.
    """
    g = np.array(provided, dtype=bool, copy=True)
    if g.ndim < 1 or g.shape[-1] != len(GOOD_MOTIVE):
        raise ValueError(f"provided: the last axis must hold the {len(GOOD_MOTIVE)} goods, got shape {g.shape}")
    tether = np.array([m == MOTIVES.index("tether") for m in GOOD_MOTIVE])
    fights = g[..., :1] | g[..., 4:5]  # protection (a defence obligation) or aggrandisement (an offence obligation)
    g &= ~(fights & tether)
    return g
