"""The compiled passes over agreements' memberships (numba), each with a plain NumPy twin in the tests.

A year's work over agreements and their member pairs runs here, once per step, without a Python
loop over states or dyads: which pairs share an agreement (:func:`pair_max`), what the members
of each security agreement have in common (:func:`security_profile`, the inputs of cohesion and
the dissolution hazard, its formulas in :mod:`foedus.theory.capability`), the ties of each
state to its allies (:func:`alliance_ties`), how many agreements each state holds
(:func:`member_counts`), each agreement's leaders (:func:`leaders`) and the value of their
fellow members to each member (:func:`member_values`), the alignment step's view of the
alliances in force (:func:`alliance_view`), each state's risk-taking and main threat
(:func:`risk_and_main_threat`), and the bookkeeping of :class:`foedus.sim.agreements.Agreements`
(which agreements are in force, the closing of memberships when members leave or an agreement
ends). ``tests/sim/test_membership.py`` checks each against its definition on random memberships.
"""

from __future__ import annotations

import numpy as np
from numba import njit



def pair_max(members: np.ndarray, value: np.ndarray, n: int) -> np.ndarray:
    """``c[i, j]`` = the largest ``value[a]`` over agreements ``a`` that both i and j belong to (0 if none).

    One compiled pass over the agreements and their member pairs (``sum_a size_a ** 2``); the
    diagonal is 0.
    """
    m = np.ascontiguousarray(members, dtype=bool)
    value = np.ascontiguousarray(value, dtype=float)
    c = np.zeros((n, n))
    _pair_max_kernel(m, value, c)
    return c


@njit(cache=True)
def _members_of(m, a, idx):  # pragma: no cover (compiled)
    """Write the members (state indices, in order) of agreement row ``a`` of ``m`` into ``idx``; return how many.

    ``m`` is C-contiguous bool. The row is read eight states at a time (as 64-bit words), and
    only a word with a member in it is read state by state: agreements are small (most are
    bilateral) and a row of N states has few members, so most words are skipped at once.
    """
    n = m.shape[1]
    row = m[a]
    n_words = n // 8
    k = 0
    if n_words > 0:
        words = row[: n_words * 8].view(np.uint64)
        for w in range(n_words):
            if words[w] != 0:
                for j in range(w * 8, w * 8 + 8):
                    if row[j]:
                        idx[k] = j
                        k += 1
    for j in range(n_words * 8, n):
        if row[j]:
            idx[k] = j
            k += 1
    return k


@njit(cache=True)
def _pair_max_kernel(m, value, c):  # pragma: no cover (compiled)
    n_a, n = m.shape
    members = np.empty(n, np.int64)
    for a in range(n_a):
        k = _members_of(m, a, members)
        v = value[a]
        for p in range(k):
            i = members[p]
            for q in range(k):
                j = members[q]
                if i != j and v > c[i, j]:
                    c[i, j] = v


@njit(cache=True)
def _allied_kernel(m, slots, out):  # pragma: no cover (compiled)
    """``out[i, j]`` True when i and j (i != j) share an agreement of ``slots``."""
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        for p in range(k):
            for q in range(k):
                if p != q:
                    out[idx[p], idx[q]] = True


def security_profile(
    members: np.ndarray,
    slots: np.ndarray,
    power: np.ndarray,
    power_start: np.ndarray,
    threat: np.ndarray,
    global_threat: np.ndarray,
    economy: np.ndarray,
    regime: np.ndarray,
) -> dict[str, np.ndarray]:
    """What the members of each agreement ``slots[a]`` have in common, in one compiled pass.

    ``members`` (capacity, N) bool and ``power_start`` (capacity, N) are the whole
    :class:`~foedus.sim.agreements.Agreements` arrays (rows ``slots`` are read, nothing is copied); the rest are the
    world's per-state arrays and its threat matrix (``threat[i, j]``: threat j poses to i).
    Returns (A,) arrays:

    - ``size``: member states;
    - ``mean_power``: mean capability share of the members;
    - ``threat_common``: the largest mean threat one outsider poses to the members
      (``max_k sum_{i in a} threat[i, k] / size``, ``k`` not a member);
    - ``global_threat``: the members' mean exposure to global threats;
    - ``hhi``: Herfindahl index of the members' economies (shares of their total);
    - ``regime_mean``, ``regime_var``: mean and (population) variance of their regimes;
    - ``all_democracies``: 1 if every member has regime >= 0.5, else 0;
    - ``capability_change``: total variation distance between the members' capability shares
      now and when they joined (``power_start``);
    - ``rho``: the pressure of the common threat,
      :func:`foedus.theory.capability.common_threat_pressure` of ``threat_common``,
      ``global_threat`` and ``mean_power``;
    - ``evenness``: :func:`foedus.theory.capability.economic_evenness` of the members' economies;
    - ``similarity``: :func:`foedus.theory.capability.regime_similarity` of their regimes.

    ``rho``, ``evenness``, ``similarity`` and ``capability_change``
    (:func:`foedus.theory.capability.capability_change`) are computed inside the compiled pass
    (``rho`` bit for bit as :func:`foedus.theory.capability.common_threat_pressure`);
    ``tests/sim/test_membership.py`` proves them equal to the theory functions on random inputs.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    k = len(slots)
    out = np.zeros((12, k))
    _security_profile_kernel(members, slots, power, power_start, threat, global_threat, economy, regime, out)
    names = (
        "size", "mean_power", "threat_common", "global_threat", "hhi", "regime_mean", "regime_var", "all_democracies",
        "capability_change", "rho", "evenness", "similarity",
    )
    return dict(zip(names, out))


@njit(cache=True)
def _security_profile_kernel(m, slots, power, power_start, threat, glob, economy, regime, out):  # pragma: no cover (compiled)
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    acc = np.empty(n)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        if k == 0:
            continue
        p_sum = 0.0
        ps_sum = 0.0
        e_sum = 0.0
        g_sum = 0.0
        r_sum = 0.0
        dem = 1.0
        for q in range(k):
            i = idx[q]
            p_sum += power[i]
            ps_sum += power_start[a, i]
            e_sum += economy[i]
            g_sum += glob[i]
            r_sum += regime[i]
            if regime[i] < 0.5:
                dem = 0.0
        # mean threat of each outsider to the members
        for j in range(n):
            acc[j] = 0.0
        for q in range(k):
            i = idx[q]
            for j in range(n):
                acc[j] += threat[i, j]
        for q in range(k):
            acc[idx[q]] = 0.0
        best = 0.0
        for j in range(n):
            if acc[j] > best:
                best = acc[j]
        hhi = 0.0
        change = 0.0
        e_den = max(e_sum, 1e-12)
        p_den = max(p_sum, 1e-12)
        ps_den = max(ps_sum, 1e-12)
        for q in range(k):
            i = idx[q]
            sh = economy[i] / e_den
            hhi += sh * sh
            change += abs(power[i] / p_den - power_start[a, i] / ps_den)
        mean_r = r_sum / k
        # two passes: E[r^2] - E[r]^2 cancels to nothing for near-equal regimes
        var_r = 0.0
        for q in range(k):
            d = regime[idx[q]] - mean_r
            var_r += d * d
        var_r /= k
        out[10, r] = (1.0 - hhi) * k / (k - 1) if k > 1 else 0.0
        out[11, r] = min(max(1.0 - 2.0 * np.sqrt(var_r), 0.0), 1.0)
        out[0, r] = k
        out[1, r] = p_sum / k
        out[2, r] = best / k
        out[3, r] = g_sum / k
        out[4, r] = hhi
        out[5, r] = mean_r
        out[6, r] = var_r
        out[7, r] = dem
        out[8, r] = 0.5 * change
        # common_threat_pressure(threat_common, global_threat, mean_power), NumPy's order of operations
        pressure = out[2, r] + out[3, r]
        rho = pressure / (pressure + out[1, r] + 1e-12)
        if not (rho >= 0.0 or np.isnan(rho)):
            rho = 0.0
        if not (rho <= 1.0 or np.isnan(rho)):
            rho = 1.0
        out[9, r] = rho


def alliance_ties(
    members: np.ndarray,
    slots: np.ndarray,
    commitment: np.ndarray,
    integration: np.ndarray,
    cohesion: np.ndarray,
    partner_value: np.ndarray,
    group: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What each state draws from its security agreements ``slots`` and its allies, in one compiled pass.

    ``members`` (capacity, N), ``commitment`` and ``integration`` (capacity,) are the whole
    :class:`~foedus.sim.agreements.Agreements` arrays (rows ``slots`` are read, nothing is copied); ``cohesion`` (A,)
    is this year's cohesion of each agreement of ``slots``; ``partner_value`` (N,) a value per
    state and ``group`` (N,) int a label per state (e.g. its main threat). The tie of an
    agreement is ``commitment * cohesion``; two states are *allies* when they share an agreement
    with a positive tie. Returns

    - ``tie`` (N, N): the strongest tie of an agreement both belong to (0 if none; diagonal 0),
      the ally credibility of :func:`foedus.sim.steps.politics.cohesion_state`;
    - ``best`` (N, 3): the largest commitment, integration and cohesion among the agreements
      the state belongs to (0 if none);
    - ``ally_max`` (N,): the largest ``partner_value`` among its allies (0 if none);
    - ``ally_same`` (N,): 1 if an ally has the same ``group``, else 0.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    n = members.shape[1]
    tie = np.zeros((n, n))
    best = np.zeros((n, 3))
    ally_max = np.zeros(n)
    ally_same = np.zeros(n)
    _ties_kernel(
        members, slots, commitment, integration, np.ascontiguousarray(cohesion, dtype=float), np.ascontiguousarray(partner_value, dtype=float),
        np.ascontiguousarray(group, dtype=np.int64), tie, best, ally_max, ally_same,
    )
    return tie, best, ally_max, ally_same


@njit(cache=True)
def _ties_kernel(m, slots, commitment, integration, cohesion, pv, group, tie, best, ally_max, ally_same):  # pragma: no cover (compiled)
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        c, g, h = commitment[a], integration[a], cohesion[r]
        v = c * h
        for p in range(k):
            i = idx[p]
            if c > best[i, 0]:
                best[i, 0] = c
            if g > best[i, 1]:
                best[i, 1] = g
            if h > best[i, 2]:
                best[i, 2] = h
            if v <= 0.0:
                continue
            for q in range(k):
                j = idx[q]
                if i == j:
                    continue
                if v > tie[i, j]:
                    tie[i, j] = v
                if pv[j] > ally_max[i]:
                    ally_max[i] = pv[j]
                if group[j] == group[i]:
                    ally_same[i] = 1.0


def member_counts(members: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How many of the agreements ``slots`` each state belongs to (N,), and how many members each has (A,).

    ``members`` is the whole (capacity, N) membership array (rows ``slots`` are read); one
    compiled pass instead of two boolean sums over a copy.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    per_state = np.zeros(members.shape[1], np.int64)
    size = np.zeros(len(slots), np.int64)
    _counts_kernel(members, slots, per_state, size)
    return per_state, size


@njit(cache=True)
def _counts_kernel(m, slots, per_state, size):  # pragma: no cover (compiled)
    idx = np.empty(m.shape[1], np.int64)
    for r in range(slots.shape[0]):
        k = _members_of(m, slots[r], idx)
        for q in range(k):
            per_state[idx[q]] += 1
        size[r] = k


def leaders(members: np.ndarray, slots: np.ndarray, power: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Strongest and second-strongest member of each agreement ``slots[a]`` (state indices).

    ``members`` is the whole (capacity, N) membership array; ties go to the lower index (as
    ``argmax``). An agreement with one member has as runner-up the lowest index that is not
    its leader, one without members leader 0 and runner-up 1 (what ``argmax`` over a row with
    no member gives), so callers should only read them for agreements of two or more.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    top1 = np.zeros(len(slots), np.intp)
    top2 = np.zeros(len(slots), np.intp)
    _leaders_kernel(members, slots, np.ascontiguousarray(power, dtype=float), top1, top2)
    return top1, top2


@njit(cache=True)
def _leaders_kernel(m, slots, power, top1, top2):  # pragma: no cover (compiled)
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        b1 = -1
        for q in range(k):
            j = idx[q]
            if b1 < 0 or power[j] > power[b1]:
                b1 = j
        b2 = -1
        for q in range(k):
            j = idx[q]
            if j != b1 and (b2 < 0 or power[j] > power[b2]):
                b2 = j
        if b1 < 0:
            b1 = 0
        if b2 < 0:
            b2 = 1 if b1 == 0 else 0
        top1[r] = b1
        top2[r] = b2


def member_values(members: np.ndarray, slots: np.ndarray, entry_year: np.ndarray, year: int, value: np.ndarray):
    """Memberships of the agreements ``slots`` entered before ``year``, with what each is worth to its member.

    Returns ``(i, a, stay)``: the member's state index, the agreement's position in ``slots``
    and ``stay = sum_{j in a} value[i, j]`` (e.g. the total alignment utility of the fellow
    members), ordered by state, then agreement (the order of ``np.nonzero`` on an (N, A)
    matrix). Memberships entered in ``year`` or later (``entry_year >= year``) are left out.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    n = members.shape[1]
    cap = len(slots) * n  # at most every state in every agreement
    i_out = np.empty(cap, np.intp)
    a_out = np.empty(cap, np.intp)
    stay = np.empty(cap)
    k = _member_values_kernel(members, slots, entry_year, int(year), np.ascontiguousarray(value, dtype=float), i_out, a_out, stay)
    return i_out[:k], a_out[:k], stay[:k]


@njit(cache=True)
def _members_by_state(m, slots, entry, year):  # pragma: no cover (compiled)
    """The prologue of a counting sort of the memberships of ``slots`` entered before ``year`` by state, then agreement.

    Returns ``(count, lists, per_state)``: ``count[r]`` the members of agreement ``slots[r]``,
    ``lists[r, :count[r]]`` them in order of state, and ``per_state`` (N + 1,) the cumulative
    number of older memberships (``entry[a, j] < year``) of the states before each state, so that
    state ``j``'s memberships go to positions ``per_state[j]`` to ``per_state[j + 1]`` and
    ``per_state[N]`` is their number (:func:`member_values` and
    :func:`foedus.sim.steps.alignment_kernels.membership_values` both fill their outputs so).
    """
    n = m.shape[1]
    n_a = slots.shape[0]
    # members of each agreement, once (rows read in order), and how many older memberships each state has
    count = np.zeros(n_a, np.int64)
    lists = np.empty((n_a, n), np.int64)
    per_state = np.zeros(n + 1, np.int64)
    idx = np.empty(n, np.int64)
    for r in range(n_a):
        a = slots[r]
        k = _members_of(m, a, idx)
        count[r] = k
        for q in range(k):
            j = idx[q]
            lists[r, q] = j
            if entry[a, j] < year:
                per_state[j + 1] += 1
    # the output ordered by state, then agreement: a counting sort over the states
    for j in range(n):
        per_state[j + 1] += per_state[j]
    return count, lists, per_state


@njit(cache=True)
def _member_values_kernel(m, slots, entry, year, value, i_out, a_out, stay):  # pragma: no cover (compiled)
    n = m.shape[1]
    n_a = slots.shape[0]
    count, lists, per_state = _members_by_state(m, slots, entry, year)
    pos = per_state[:n].copy()
    for r in range(n_a):
        a = slots[r]
        for q in range(count[r]):
            i = lists[r, q]
            if entry[a, i] >= year:
                continue
            acc = 0.0
            for q2 in range(count[r]):
                acc += value[i, lists[r, q2]]
            k = pos[i]
            i_out[k] = i
            a_out[k] = r
            stay[k] = acc
            pos[i] += 1
    return per_state[n]


@njit(cache=True)
def _in_force_kernel(active, kind, domain, n, k, d, not_k):  # pragma: no cover (compiled)
    """Indices ``a < n`` with ``active[a]``, of kind ``k`` and domain ``d`` (-1: any) and not of kind ``not_k`` (-1: none), in order (``np.flatnonzero`` of the mask)."""
    out = np.empty(n, np.int64)
    c = 0
    for a in range(n):
        if active[a] and (k < 0 or kind[a] == k) and (d < 0 or domain[a] == d) and (not_k < 0 or kind[a] != not_k):
            out[c] = a
            c += 1
    return out[:c]


@njit(cache=True)
def _close_rows_kernel(members, entry_year, slots):  # pragma: no cover (compiled)
    """Every membership of the rows ``slots`` (in order, members ascending: ``np.nonzero(members[slots])``), cleared.

    Returns the memberships' slots, state indices and entry years (int64); their
    ``members`` become False and their ``entry_year`` -1.
    """
    n = members.shape[1]
    total = 0
    for r in range(slots.shape[0]):
        for j in range(n):
            if members[slots[r], j]:
                total += 1
    sl = np.empty(total, np.int64)
    idx = np.empty(total, np.int64)
    entry = np.empty(total, np.int64)
    c = 0
    for r in range(slots.shape[0]):
        s = slots[r]
        for j in range(n):
            if members[s, j]:
                sl[c] = s
                idx[c] = j
                entry[c] = entry_year[s, j]
                members[s, j] = False
                entry_year[s, j] = -1
                c += 1
    return sl, idx, entry


@njit(cache=True)
def _close_pairs_kernel(members, entry_year, slots, idx, last_exit, year):  # pragma: no cover (compiled)
    """The memberships ``(slots[k], idx[k])`` that exist (as they were before any is cleared), cleared.

    Returns their slots, state indices and entry years (int64), in the order given. With
    ``year >= 0`` their ``last_exit`` becomes ``year`` (the pairs given, members or not).
    """
    m = slots.shape[0]
    keep = np.empty(m, np.bool_)
    total = 0
    for q in range(m):
        keep[q] = members[slots[q], idx[q]]
        if keep[q]:
            total += 1
    sl = np.empty(total, np.int64)
    ix = np.empty(total, np.int64)
    entry = np.empty(total, np.int64)
    c = 0
    for q in range(m):
        if keep[q]:
            sl[c] = slots[q]
            ix[c] = idx[q]
            entry[c] = entry_year[slots[q], idx[q]]
            c += 1
    for q in range(c):
        members[sl[q], ix[q]] = False
        entry_year[sl[q], ix[q]] = -1
    if year >= 0:
        for q in range(m):
            last_exit[slots[q], idx[q]] = year
    return sl, ix, entry


def alliance_view(members: np.ndarray, active: np.ndarray, kind: np.ndarray, domain: np.ndarray, n_agreements: int, of_kind: int, of_domain: int):
    """The agreements in force of one kind and domain, their membership rows and counts, in one compiled pass.

    Returns ``(slots, rows, per_state, size)``: ``slots`` (A,) as
    :meth:`foedus.sim.agreements.Agreements.in_force` gives them, ``rows`` (A, N) bool the copy
    ``members[slots]``, and :func:`member_counts` of ``slots`` (each state's agreements (N,),
    each agreement's members (A,)).
    """
    return _view_kernel(members, active, kind, domain, n_agreements, of_kind, of_domain)


@njit(cache=True)
def _view_kernel(m, active, kind, domain, n_ag, k, d):  # pragma: no cover (compiled)
    n = m.shape[1]
    slots = _in_force_kernel(active, kind, domain, n_ag, k, d, -1)
    a_n = slots.shape[0]
    rows = np.empty((a_n, n), np.bool_)
    per_state = np.zeros(n, np.int64)
    size = np.zeros(a_n, np.int64)
    idx = np.empty(n, np.int64)
    for r in range(a_n):
        a = slots[r]
        for j in range(n):  # element by element: numba's row assignment is several times slower
            rows[r, j] = m[a, j]
        c = _members_of(m, a, idx)
        for q in range(c):
            per_state[idx[q]] += 1
        size[r] = c
    return slots, rows, per_state, size


def risk_and_main_threat(hostility: np.ndarray, threat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each state's risk-taking and main threat, in one compiled pass over the pairs.

    ``risk[i]`` is ``hostility[i].max()`` clipped to [0, 1] and ``main[i]`` is
    ``threat[i].argmax()`` (the first largest; a NaN counts as the largest, as in NumPy).
    """
    n = hostility.shape[0]
    risk = np.empty(n)
    main = np.empty(n, np.int64)
    _risk_main_kernel(np.ascontiguousarray(hostility, dtype=float), np.ascontiguousarray(threat, dtype=float), risk, main)
    return risk, main


@njit(cache=True)
def _risk_main_kernel(h, t, risk, main):  # pragma: no cover (compiled)
    n, k = t.shape
    for i in range(n):
        best = h[i, 0]
        for j in range(1, h.shape[1]):
            v = h[i, j]
            if np.isnan(best):
                break
            if np.isnan(v) or v > best:
                best = v
        risk[i] = best if np.isnan(best) else min(max(best, 0.0), 1.0)
        arg = 0
        top = t[i, 0]
        if not np.isnan(top):
            for j in range(1, k):
                v = t[i, j]
                if np.isnan(v):
                    arg = j
                    break
                if v > top:
                    top = v
                    arg = j
        main[i] = arg

