"""Compiled year passes of the politics step (:mod:`foedus.sim.steps.politics`, issue 16): the realignment of the treaties
(:func:`realigned_year`), the members who name a fellow member their main threat (:func:`threat_within_terms`), the seven
terms of the dissolution hazard (:func:`hazard_terms`), the renewal at a term's end (:func:`renewal_year`) and the founding
threat's measure (:func:`target_lapse_year`), each one pass over the treaties in force reading the agreements' arrays through
the slots (no (A, N) copies), in NumPy's order of operations: the same bits as the theory's functions, which a run that checks
its inputs still calls (``tests/sim/steps/test_politics_kernels.py`` proves each equal to the bit). The walk of the realigning
pledges over a table (:func:`_latest_outside_kernel`, :func:`_realigning_outside_kernel`) moved here from the step.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.steps.accession_kernels import pairwise_sum


@njit(cache=True)
def realigned_year(members, slots, entry_year, threat, share, commitment, third_party, target, year, memory, out):  # pragma: no cover (compiled)
    """``out[r]``: 1.0 where a member of agreement ``slots[r]`` has realigned since it entered, else 0.0, in one pass:
    :func:`foedus.theory.persistence.realignment` of the members' entry years (``entry_year`` (A_cap, N), -1 for the non-members)
    and of the latest entry elsewhere (:func:`_realigning_outside_kernel`, the pledges that realign
    :func:`foedus.theory.abrogation.realigning_pledges` of ``commitment`` and ``target`` (A_cap,) and ``third_party`` (R,)) walked
    over lists (:func:`_latest_lists`, :func:`foedus.theory.persistence.adversaries` of ``threat`` at ``share``), at ``year``
    with ``memory`` years (issue 16: the step's (A, N) gathers, the (N, N) adversaries and four numpy passes in one; the walk's
    arrays are lists of the memberships, not (A, N) tables allocated each year)."""
    n_a = slots.shape[0]
    com = np.empty(n_a)
    tgt = np.empty(n_a, np.int64)
    for r in range(n_a):
        com[r] = commitment[slots[r]]
        tgt[r] = target[slots[r]]
    start, idx, latest = _latest_lists(members, slots, entry_year, threat, share, com, third_party, tgt)
    for r in range(n_a):
        out[r] = 0.0
        s = slots[r]
        for u in range(start[r], start[r + 1]):
            e = float(entry_year[s, idx[u]])  # realignment's np.where(members, entry, -1); member: e >= 0
            e2 = float(latest[u])
            if e >= 0 and e2 > e and year - e2 < memory:
                out[r] = 1.0
                break


@njit(cache=True)
def latest_realigning(members, slots, entry, threat, share, commitment, third_party, target, out):  # pragma: no cover (compiled)
    """:func:`_realigning_outside_kernel` of the adversaries :func:`foedus.theory.persistence.adversaries` of ``threat`` at
    ``share``, of the agreements ``slots`` (rows of ``members`` and ``entry``): :func:`_latest_lists` written to ``out`` (R, N)
    (-1 for the non-members and where none; ``tests/sim/steps/test_politics_kernels.py`` holds it to the walk over a table)."""
    start, idx, latest = _latest_lists(members, slots, entry, threat, share, commitment, third_party, target)
    for a in range(slots.shape[0]):
        for u in range(start[a], start[a + 1]):
            out[a, idx[u]] = latest[u]


@njit(cache=True)
def _latest_lists(members, slots, entry, threat, share, commitment, third_party, target):  # pragma: no cover (compiled)
    """The walk of :func:`_realigning_outside_kernel` (:func:`_latest_outside`) over lists of the memberships, the adversaries
    :func:`foedus.theory.persistence.adversaries` of ``threat`` at ``share`` listed for the states a pair asks: each pair ``(a, b)``
    of agreements sharing a member once, whose pledges realign (:func:`foedus.theory.abrogation.realigning_pledges`' ``[b, a]``),
    counts the members of ``a`` with an adversary among ``b``'s outsiders (up to two, keeping the one), and the latest entry of a
    member ``i`` of both is the largest ``entry[b, i]`` over the pairs that count, as there. Returns ``start`` (R + 1,), ``idx``
    (the members of agreement ``a`` are ``idx[start[a]:start[a + 1]]``) and ``latest`` (the same positions; -1 where none)."""
    n_a, n = slots.shape[0], members.shape[1]
    start = np.zeros(n_a + 1, np.int64)
    held = np.zeros(n, np.int64)
    for a in range(n_a):
        c = 0
        for i in range(n):
            if members[slots[a], i]:
                c += 1
                held[i] += 1
        start[a + 1] = start[a] + c
    total = start[n_a]
    idx = np.empty(total, np.int64)
    latest = np.full(total, -1, np.int64)
    rstart = np.zeros(n + 1, np.int64)
    for i in range(n):
        rstart[i + 1] = rstart[i] + held[i]
    rows = np.empty(total, np.int64)
    fill = rstart[:n].copy()
    for a in range(n_a):
        u = start[a]
        for i in range(n):
            if members[slots[a], i]:
                idx[u] = i
                u += 1
                rows[fill[i]] = a
                fill[i] += 1
    # the walk of _latest_outside over the lists: each pair (a, b) sharing a member once, its pledges tested first; a state's
    # adversaries (theory.persistence.adversaries' row, in order) listed the first time a pair asks for them (n_adv -1 until then)
    n_adv = np.full(n, -1, np.int64)
    adv = np.empty((n, n), np.int32)
    seen = np.full(n_a, -1, np.int64)
    for a in range(n_a):
        sa = slots[a]
        for q in range(start[a], start[a + 1]):
            k0 = idx[q]
            for p in range(rstart[k0], rstart[k0 + 1]):
                b = rows[p]
                if b == a or seen[b] == a:
                    continue
                if not (third_party[b] and commitment[b] >= commitment[a] and not (target[b] == target[a] and target[b] >= 0)):
                    continue
                seen[b] = a
                sb = slots[b]
                count = 0
                only = -1
                for u in range(start[a], start[a + 1]):
                    k = idx[u]
                    if n_adv[k] < 0:
                        n_adv[k] = _adversaries_of(threat, share, k, adv)
                    for r in range(n_adv[k]):
                        j = adv[k, r]
                        if members[sb, j] and not members[sa, j]:
                            count += 1
                            only = k
                            break
                    if count > 1:
                        break
                if count == 0:
                    continue
                for u in range(start[a], start[a + 1]):
                    i = idx[u]
                    if members[sb, i] and entry[sb, i] > latest[u] and (count > 1 or only != i):
                        latest[u] = entry[sb, i]
    return start, idx, latest


@njit(cache=True)
def _adversaries_of(threat, share, k, adv):  # pragma: no cover (compiled)
    """The adversaries of state ``k`` (:func:`foedus.theory.persistence.adversaries`' row ``k``: ``threat[k, j] > 0`` and at least
    ``share`` times the row's largest, NaN propagated as numpy's maximum) written to ``adv[k, :c]`` in order; returns ``c``."""
    n = threat.shape[1]
    top = -np.inf
    for j in range(n):
        v = threat[k, j]
        if np.isnan(v):
            top = np.nan
            break
        top = max(top, v)
    lim = share * top
    c = 0
    for j in range(n):
        v = threat[k, j]
        if v > 0 and v >= lim:
            adv[k, c] = j
            c += 1
    return c


@njit(cache=True)
def threat_within_terms(members, slots, main, third_party, target, threat, size, lapse0, hazards, larger_than,
                        within, exposure, tether, prob):  # pragma: no cover (compiled)
    """The threat within of the agreements ``slots`` in one pass, in NumPy's order of operations: ``within`` (R, N),
    :func:`foedus.theory.abrogation.threat_within` of the members and the main threats ``main`` (N,) in the treaties with a
    third-party purpose (``third_party`` (R,)); in a row with such a member, each one's tether
    :func:`foedus.theory.abrogation.tethered` (the treaty's size, the founding threat's lapse ``lapse0``, its target's threat to the
    member over its rival's), ``exposure`` ``1 - tether`` and ``tether`` (0 and NaN elsewhere), and ``prob`` (R,)
    :func:`foedus.theory.threat_within_size.threat_within_abrogation_by_size` with ``hazards`` (bilateral, intermediate, large) and
    ``larger_than`` (0 in the rows without; issue 16: the step's numpy and three theory calls in one pass)."""
    n = members.shape[1]
    for r in range(slots.shape[0]):
        s = slots[r]
        hit = False
        for i in range(n):
            t = main[i]
            w = third_party[r] and members[s, i] and t >= 0 and t != i and members[s, t]
            within[r, i] = w
            exposure[r, i] = 0.0
            tether[r, i] = np.nan
            hit = hit or w
        prob[r] = 0.0
        if not hit:
            continue
        tg = target[s]
        col = max(tg, 0)
        sz = size[r]
        held = 1.0 - _clip01(lapse0[r]) if (sz > 2 and tg >= 0) else 0.0
        h = hazards[2] if sz > larger_than else (hazards[1] if sz > 2 else hazards[0])
        keep = 1.0
        for i in range(n):
            if within[r, i]:
                m = main[i]
                rival = threat[i, m] if m >= 0 else 0.0
                ratio = threat[i, col] / (rival if rival > 0 else 1.0)
                if np.isnan(ratio):  # tethered's nan_to_num and clip
                    ratio = 0.0
                tau = held * _clip01(ratio)
                exposure[r, i] = 1.0 - tau
                tether[r, i] = tau
                keep *= 1.0 - h * (1.0 - _clip01(tau))
        prob[r] = 1.0 - keep


@njit(cache=True)
def _latest_outside_kernel(members, entry, hostile, substitute, out):  # pragma: no cover (compiled)
    """``out[a, i]``: the latest year member ``i`` of agreement ``a`` entered another agreement ``b`` of the rows that pledges at
    least as much (``substitute[b, a]``) with a member ``j`` outside ``a`` that is an adversary of a fellow member ``k`` of ``a`` (``hostile[k, j]``,
    :func:`foedus.theory.persistence.adversaries`), -1 if none: the data of :func:`foedus.theory.persistence.realignment`
    (``tests/sim/steps/test_politics_persistence.py`` proves it equal to the same rule in NumPy).

    Whether ``a``'s members have an adversary among ``b``'s outsiders does not depend on ``i`` but for ``k != i``: for each pair
    ``(a, b)`` the kernel counts the members ``k`` of ``a`` with such an adversary (up to two, keeping the one), once, over the
    agreements' member lists, instead of once per member ``i`` over every state (issue 16: the same integers, O(A^2 m^2) not
    O(A^2 N^3))."""
    _latest_outside(members, entry, hostile, substitute, np.zeros(0), np.zeros(0, np.bool_), np.zeros(0, np.int32), False, out)


@njit(cache=True)
def _realigning_outside_kernel(members, entry, hostile, commitment, third_party, target, out):  # pragma: no cover (compiled)
    """:func:`_latest_outside_kernel` with ``substitute`` :func:`foedus.theory.abrogation.realigning_pledges` of ``commitment``,
    ``third_party`` and ``target`` (A,), evaluated for the pairs of agreements that share a member only, not as an (A, A) matrix
    (issue 11; ``tests/sim/test_politics_speed.py`` holds it to the kernel given the matrix)."""
    _latest_outside(members, entry, hostile, np.zeros((0, 0), np.bool_), commitment, third_party, target, True, out)


@njit(cache=True)
def _latest_outside(members, entry, hostile, substitute, commitment, third_party, target, inline, out):  # pragma: no cover (compiled)
    """The walk of :func:`_latest_outside_kernel`; with ``inline`` the pledges that realign are tested pair by pair
    (:func:`_realigning_outside_kernel`)."""
    n_a, n = members.shape
    size = np.zeros(n_a, np.int64)
    idx = np.empty((n_a, n), np.int64)
    held = np.zeros(n, np.int64)
    rows = np.empty((n, n_a), np.int64)
    for a in range(n_a):
        for i in range(n):
            if members[a, i]:
                idx[a, size[a]] = i
                size[a] += 1
                rows[i, held[i]] = a
                held[i] += 1
                out[a, i] = -1
    # each state's adversaries as a list (hostile is sparse: a few per state), so a pair (a, b) is tested over a's members'
    # adversaries, not over a's members times b's; the same members k in the same order, so the same count and the same one.
    # A state's list is built the first time a pair asks for it (n_adv -1 until then): most states are asked for in no pair
    n_adv = np.full(n, -1, np.int64)
    adv = np.empty((n, n), np.int64)
    seen = np.full(n_a, -1, np.int64)
    for a in range(n_a):
        for q in range(size[a]):  # the agreements b that share a member with a, each once
            for p in range(held[idx[a, q]]):
                b = rows[idx[a, q], p]
                if b == a or seen[b] == a:
                    continue
                if inline:  # th_abrogation.realigning_pledges' [b, a]
                    if not (third_party[b] and commitment[b] >= commitment[a] and not (target[b] == target[a] and target[b] >= 0)):
                        continue
                elif not substitute[b, a]:
                    continue
                seen[b] = a
                count = 0
                only = -1
                for u in range(size[a]):
                    k = idx[a, u]
                    if n_adv[k] < 0:
                        c = 0
                        for j in range(n):
                            if hostile[k, j]:
                                adv[k, c] = j
                                c += 1
                        n_adv[k] = c
                    for r in range(n_adv[k]):
                        j = adv[k, r]
                        if members[b, j] and not members[a, j]:
                            count += 1
                            only = k
                            break
                    if count > 1:
                        break
                if count == 0:
                    continue
                for u in range(size[a]):
                    i = idx[a, u]
                    if members[b, i] and entry[b, i] > out[a, i] and (count > 1 or only != i):
                        out[a, i] = entry[b, i]


@njit(cache=True)
def _clip01(x):  # pragma: no cover (compiled)
    """``np.clip(x, 0.0, 1.0)`` of a float (NaN kept)."""
    if x < 0.0:
        return 0.0
    if x > 1.0:
        return 1.0
    return x


@njit(cache=True)
def _maximum(a, b):  # pragma: no cover (compiled)
    """``np.maximum(a, b)`` of two floats (NaN propagated)."""
    if np.isnan(a) or np.isnan(b):
        return a + b
    return a if a >= b else b  # noqa: FURB136 (numpy's order: the first of two equal, as -0.0 and 0.0)


@njit(cache=True)
def _minimum(a, b):  # pragma: no cover (compiled)
    """``np.minimum(a, b)`` of two floats (NaN propagated)."""
    if np.isnan(a) or np.isnan(b):
        return a + b
    return a if a <= b else b  # noqa: FURB136 (numpy's order)


@njit(cache=True)
def hazard_terms(slots, institutionalised, integration, wartime, cohesion_start, cohesion, change, lapse0, democracy, third_party, size,
                 realigned, regime_probability, within_probability, prm, terms, institutional, general, lapse, hold):  # pragma: no cover (compiled)
    """The dissolution hazard's seven terms (K, R) of the agreements ``slots`` in one pass, in NumPy's order of operations:
    :func:`foedus.theory.integration.institutional_assets` (``institutional``), the general assets (``general``: 0 in a wartime
    pact, else the integration), :func:`foedus.theory.persistence.adapted_lapse` (``lapse``), the four of
    :func:`foedus.theory.cohesion.dissolution_terms`, the two of :func:`foedus.theory.persistence.circumstance_terms` (with
    ``regime_probability``), :func:`foedus.theory.abrogation.threat_within_term` of ``within_probability``, each of the others'
    sum so far at most 1, then :func:`foedus.theory.abrogation.institutional_hold` (``hold``) on every term but 'threat gone' where
    its protection is above 0. ``prm``: threshold, max_hazard, change_weight, institution_weight, base_hazard, lapse_hazard,
    lapse_institution_weight, solidarity_weight, unaimed_cohesion_weight, realignment_hazard, multilateral protection, the
    size above which it holds (issue 16: ten theory calls, two stacks and three sums in one; ``test_politics_kernels`` proves it)."""
    th, h, lam, w, h0, hg, wg, sw, kappa, ha, protection, larger = prm[0], prm[1], prm[2], prm[3], prm[4], prm[5], prm[6], prm[7], prm[8], prm[9], prm[10], prm[11]
    for r in range(slots.shape[0]):
        s = slots[r]
        integ = _clip01(integration[s])
        inst = _maximum(float(institutionalised[s]) / 2.0, integ)
        institutional[r] = inst
        a = 0.0 if wartime[s] else integ
        general[r] = a
        g = lapse0[r]
        if th != 0.0:
            t = th * inst
            g = _maximum(g - t, 0.0) / _maximum(1.0 - t, 1e-300) if t < 1.0 else (1.0 if g >= 1.0 else 0.0)
        lapse[r] = g
        c = cohesion[r]
        c0 = cohesion_start[s]
        if not np.isnan(c0):  # cohesion_retained
            c = 1.0 - _maximum(c0 - c, 0.0)
        if not third_party[r]:
            g = 0.0
            c = 1.0 - kappa * (1.0 - c)
        keep = (1.0 - w * inst) if w != 0.0 else 1.0
        held = 1.0 - sw * democracy[r]
        t0 = h * (1.0 - c) * keep * held
        t1 = h * c * (1.0 - np.exp(-lam * abs(change[r]))) * keep * held
        rest = 1.0 - t0 - t1
        t3 = hg * g * (1.0 - (wg + (w - wg) * a) * inst) * held * rest
        t2 = h0 * keep * held * (rest - t3)
        k = 1.0 - w * inst  # the circumstances' and the threat within's keep (no branch on w)
        other = _minimum(t0 + t1 + t2 + t3, 1.0)
        t4 = ha * realigned[r] * k * held * (1.0 - other)
        t5 = regime_probability[r] * k * held * (1.0 - other - t4)
        other = _clip01(_minimum(t0 + t1 + t2 + t3 + t4 + t5, 1.0))
        t6 = within_probability[r] * k * held * (1.0 - other)
        hd = 1.0
        if protection > 0.0:
            if size[r] > larger:
                x = 0.0 if np.isnan(inst) else inst  # nan_to_num (the assets are at most 1: no infinity)
                hd = 1.0 - protection * _clip01(x)
            hold[r] = hd
            t0, t1, t2, t4, t5, t6 = t0 * hd, t1 * hd, t2 * hd, t4 * hd, t5 * hd, t6 * hd
        terms[0, r], terms[1, r], terms[2, r], terms[3, r], terms[4, r], terms[5, r], terms[6, r] = t0, t1, t2, t3, t4, t5, t6


@njit(cache=True)
def target_lapse_year(members, slots, target, threat, size, threat_start, gone, now, lapse):  # pragma: no cover (compiled)
    """:func:`foedus.sim.steps.founding_lapse.founding_threat_lapse`'s measure of a year without a first measurement: for the
    agreements ``slots`` with a target ``t >= 0``, ``now`` its mean threat to the members (the sum of ``members * threat[:, t]``
    as numpy's pairwise summation, :func:`foedus.sim.steps.accession_kernels.pairwise_sum`, over ``max(size, 1)``) and ``lapse``
    :func:`foedus.theory.persistence.threat_lapse` of it against ``threat_start``; without one, NaN and 1.0 where the target is
    ``gone``, else 0.0. Returns False, leaving the outputs partly written, where a pact's target has no measure above 0 at its
    start (a first measurement, or a target gone: the caller's numpy path), True otherwise."""
    n = members.shape[1]
    buf = np.empty(n)
    for r in range(slots.shape[0]):
        s = slots[r]
        t = target[s]
        if t >= 0:
            start = threat_start[s]
            if not start > 0:
                return False
            for i in range(n):
                buf[i] = (1.0 if members[s, i] else 0.0) * threat[i, t]
            v = pairwise_sum(buf) / max(size[r], 1.0)
            now[r] = v
            lapse[r] = _clip01(_maximum(1.0 - v / start, 0.0))
        else:
            now[r] = np.nan
            lapse[r] = 1.0 if t == gone else 0.0
    return True


@njit(cache=True)
def renewal_year(slots, cohesion, lapse, change, cohesion_start, institutional, democracy, general, third_party, automatic, term_end,
                 prm, out):  # pragma: no cover (compiled)
    """:func:`foedus.theory.persistence.renewal_probability` of the agreements ``slots`` in one pass, in NumPy's order of
    operations: ``cohesion`` retained against ``cohesion_start``, the founding threat's ``lapse``, the capability ``change``, the
    ``institutional`` and ``general`` assets, the members' ``democracy``, ``third_party``, tacit renewal (``automatic``) and the
    term bound to an event (``term_end`` -inf); ``prm``: change_weight, institution_weight, lapse_institution_weight,
    solidarity_weight, unaimed_cohesion_weight, notice_share (``test_politics_kernels`` proves it equal)."""
    lam, w, wg, sw, kappa, nu = prm[0], prm[1], prm[2], prm[3], prm[4], prm[5]
    for r in range(slots.shape[0]):
        s = slots[r]
        c = cohesion[r]
        c0 = cohesion_start[s]
        if not np.isnan(c0):  # cohesion_retained
            c = 1.0 - _maximum(c0 - c, 0.0)
        g = lapse[r]
        if not third_party[r]:
            g = 0.0
            c = 1.0 - kappa * (1.0 - c)
        lapsing = 1.0 - c * (1.0 - g) * np.exp(-lam * change[r])
        w_eff = w - (w - wg) * (1.0 - general[r]) * g
        p = 1.0 - lapsing * (1.0 - w_eff * institutional[r]) * (1.0 - sw * democracy[r])
        if automatic[s]:
            p = 1.0 - nu * (1.0 - p)
        if term_end[s] == -np.inf:
            p = 0.0
        out[r] = p
