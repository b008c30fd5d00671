"""The members' vote on accessions, compiled (:func:`foedus.sim.steps.alignment._admitted`; issue 11): the same numbers, to the bit.

Every year each reconsidering state weighs every open treaty, and each treaty's members vote on it: numpy did this in
some forty passes over (K, N) arrays (K candidate-treaty pairs by N states), though only the members vote.
:func:`accession_votes` does it in one pass over the members of each pair, evaluating, in their order of operations,

- the goods the treaty gives member ``m`` from candidate ``c`` (``_admitted``'s einsum, summed from 0.0 in order of the goods)
  and the milieu of its entry (:func:`foedus.theory.consent.milieu_value`);
- the member's cost (:func:`foedus.theory.consent.accession_cost`), with the member's share of the alliance's power
  (:func:`foedus.theory.consent.burden_shares`, computed by numpy per alliance and passed in) and the ``log1p`` of the
  leader's autonomy gain computed by numpy beforehand (the compiled and numpy logarithms may differ in the last bit);
- the vote (:func:`foedus.theory.obligations.admission_votes`, :func:`foedus.theory.consent.rival_veto`), the community's
  rule (:func:`foedus.theory.consent.community_entrapment`) and the leader's side payments
  (:func:`foedus.theory.consent.leader_side_payments`, whose sum of the losers' losses is numpy's pairwise sum over the
  states: :func:`pairwise_sum`).

``tests/sim/test_accession_kernels.py`` holds the kernel to the numpy code it replaced (kept there as the reference, built
of the theory functions) on random arrays and on simulated worlds, and :func:`pairwise_sum` to ``numpy.sum``.
:func:`burden_shares` is :func:`foedus.theory.consent.burden_shares` compiled (the same test holds it to the bit), for the
step's exits and votes.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["accession_choice", "accession_values", "accession_votes", "burden_shares", "community_terms", "open_accessions", "pairwise_sum"]


@njit(cache=True, inline="always")
def _block(a, lo, n):  # pragma: no cover (compiled)
    """numpy's pairwise summation of ``a[lo:lo + n]`` for ``n <= 128``: sequential below 8, else eight accumulators."""
    if n < 8:
        res = -0.0
        for i in range(n):
            res += a[lo + i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i = 8
    end = n - n % 8
    while i < end:
        r0 += a[lo + i]
        r1 += a[lo + i + 1]
        r2 += a[lo + i + 2]
        r3 += a[lo + i + 3]
        r4 += a[lo + i + 4]
        r5 += a[lo + i + 5]
        r6 += a[lo + i + 6]
        r7 += a[lo + i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


@njit(cache=True)
def pairwise_sum(a):  # pragma: no cover (compiled)
    """``a.sum()`` of a contiguous float row as numpy reduces it along its last axis, to the bit: 0.0 plus numpy's pairwise
    summation (``DOUBLE_pairwise_sum``: blocks of at most 128 summed by :func:`_block`, a longer run split in two at half
    its length rounded down to a multiple of 8, the halves added), its recursion evaluated on an explicit stack."""
    if a.shape[0] <= 128:  # one block (no stack)
        return 0.0 + _block(a, 0, a.shape[0])
    lo_s = np.empty(64, np.int64)
    n_s = np.empty(64, np.int64)
    step = np.zeros(64, np.int64)  # 0: the left half next, 1: the right half next, 2: both summed
    vals = np.empty(64)
    top = 0
    lo_s[0], n_s[0], step[0] = 0, a.shape[0], 0
    v = 0
    while top >= 0:
        lo, n = lo_s[top], n_s[top]
        if n <= 128:
            vals[v] = _block(a, lo, n)
            v += 1
            top -= 1
            continue
        n2 = n // 2
        n2 -= n2 % 8
        if step[top] == 0:
            step[top] = 1
            lo_s[top + 1], n_s[top + 1], step[top + 1] = lo, n2, 0
            top += 1
        elif step[top] == 1:
            step[top] = 2
            lo_s[top + 1], n_s[top + 1], step[top + 1] = lo + n2, n - n2, 0
            top += 1
        else:
            vals[v - 2] = vals[v - 2] + vals[v - 1]
            v -= 1
            top -= 1
    return 0.0 + vals[0]


@njit(cache=True)
def burden_shares(members, power):  # pragma: no cover (compiled)
    """:func:`foedus.theory.consent.burden_shares` of ``members`` (A, N) bool and ``power`` (N,), to the bit (its inputs unchecked).

    Row ``a``: ``power[m] / total`` for the members, ``total`` the row's sum of ``where(members, power, 0.0)`` as numpy sums it
    (:func:`pairwise_sum`); where the total is not above 0 (or NaN), ``1 / members`` each (``0.0`` outside)."""
    a_count, n = members.shape
    out = np.zeros((a_count, n))
    w = np.empty(n)
    for a in range(a_count):
        count = 0
        for m in range(n):
            if members[a, m]:
                w[m] = power[m]
                count += 1
            else:
                w[m] = 0.0
        tot = pairwise_sum(w)
        if tot > 0:
            for m in range(n):
                out[a, m] = w[m] / tot
        else:
            c = max(count, 1)
            for m in range(n):
                out[a, m] = (1.0 if members[a, m] else 0.0) / c
    return out


@njit(cache=True)
def community_terms(members, regime, region, n_regions):  # pragma: no cover (compiled)
    """Each alliance's members' mean democracy (A,) and home region (A,) int, as ``alignment._community`` computed them in numpy.

    ``members`` (A, N) bool, ``regime`` (N,), ``region`` (N,) int in ``[0, n_regions)``: the mean is the row's sum of
    ``members * regime`` (numpy's pairwise sum, :func:`pairwise_sum`) over ``max(members, 1)``; the home region the first
    region of the most members (``argmax`` of the counts; 0 for an empty row)."""
    a_count, n = members.shape
    mean = np.empty(a_count)
    home = np.zeros(a_count, np.int64)
    w = np.empty(n)
    counts = np.zeros(n_regions)
    for a in range(a_count):
        size = 0
        counts[:] = 0.0
        for m in range(n):
            if members[a, m]:
                w[m] = 1.0 * regime[m]
                size += 1
                counts[region[m]] += 1.0
            else:
                w[m] = 0.0 * regime[m]
        mean[a] = pairwise_sum(w) / max(size, 1)
        best = 0
        for r in range(1, n_regions):
            if counts[r] > counts[best]:
                best = r
        home[a] = best
    return mean, home


@njit(cache=True)
def open_accessions(rows, members, slots, admits, region, n_regions, last_exit, year, barred):  # pragma: no cover (compiled)
    """The accessions open to the states ``rows`` (R,): (r, a) positions (int arrays, in ``np.nonzero``'s row-major order).

    Alliance ``a`` (row of ``members`` (A, N) bool, agreement ``slots[a]``) is open to state ``i = rows[r]`` when it
    ``admits`` members, one of its members is of ``i``'s ``region`` (:func:`foedus.theory.regions.admissible`), ``i`` is not a
    member, did not leave it in ``year`` (``last_exit`` (slots, N)) and is not ``barred`` (R, A) from it (permanent neutrality)."""
    a_count, n = members.shape
    r_count = rows.shape[0]
    regions = np.zeros((a_count, n_regions), np.bool_)
    for a in range(a_count):
        for m in range(n):
            if members[a, m]:
                regions[a, region[m]] = True
    rr = np.empty(r_count * a_count, np.int64)
    aa = np.empty(r_count * a_count, np.int64)
    k = 0
    for r in range(r_count):
        i = rows[r]
        g = region[i]
        for a in range(a_count):
            if admits[a] and regions[a, g] and not members[a, i] and last_exit[slots[a], i] != year and not barred[r, a]:
                rr[k] = r
                aa[k] = a
                k += 1
    return rr[:k], aa[:k]


@njit(cache=True)
def accession_votes(cand, a_local, members, goods, join_goods, shares, unit_cost, commitment, burden, lead_log1p, leader, main, credibility,
                    regime, proximity, territorial_dispute, community, milieu_weight, w, beta, tau, side_payments,
                    dominance, entrap=None):  # pragma: no cover (compiled)
    """The members' vote on each candidate ``cand[k]`` to alliance ``a_local[k]``: (share in favour (K,), disputes (K,) int).

    ``members`` (A, N) bool, ``goods`` (G, N, N) the goods of joining, ``join_goods`` (A, G) bool, ``shares`` (A, N) the
    members' burden shares, ``unit_cost`` (N,), ``commitment`` (A,), ``burden`` (N, N), ``lead_log1p`` (K,) the ``log1p`` of
    the leader's autonomy gain (``autonomy[leader, c] * keep * protection``), ``leader`` (A,), ``main`` (N,) the main threats,
    ``credibility`` (N, N), ``regime`` (N,), ``proximity`` (N, N), ``territorial_dispute`` (N, N) bool, ``community`` (K,)
    bool (a community of democracies and a qualified candidate); ``w``, ``beta``, ``tau`` the autonomy and burden weights
    and the treaty cost; ``side_payments`` whether leaders pay, ``dominance`` the share of power a paying leader needs;
    ``entrap`` (A,) the share of the base cost each alliance's pledge carries (:func:`foedus.theory.obligations.entrapment_share`;
    None: all of it).
    """
    k_count = cand.shape[0]
    n = members.shape[1]
    n_goods = goods.shape[0]
    share = np.zeros(k_count)
    disputes = np.zeros(k_count, np.int64)
    # each alliance's members once, in order of the states (a CSR list): the candidates read them from it, not by a scan of the
    # alliance's row (and a compiled call) per candidate (issue 11)
    a_count = members.shape[0]
    start = np.zeros(a_count + 1, np.int64)
    flat = np.empty(a_count * n, np.int64)
    for a in range(a_count):
        q = start[a]
        for m in range(n):
            if members[a, m]:
                flat[q] = m
                q += 1
        start[a + 1] = q
    net = np.empty(n)
    vote = np.zeros(n, np.bool_)
    eligible = np.zeros(n, np.bool_)
    loss = np.zeros(n)  # the deficit's row: the losers' losses, 0.0 elsewhere (numpy's where)
    provided = np.zeros((a_count, n_goods))  # join_goods as the factors 1.0 and 0.0 of the value's sum
    for a in range(a_count):
        for g in range(n_goods):
            provided[a, g] = 1.0 if join_goods[a, g] else 0.0
    for k in range(k_count):
        a = a_local[k]
        c = cand[k]
        lo = start[a]
        size = start[a + 1] - lo
        idx = flat[lo:lo + size]
        protective = join_goods[a, 0]
        pi = 1.0 if protective else 0.0
        s = commitment[a]
        ea = 1.0 if entrap is None else entrap[a]
        lead = leader[a]
        # the candidate's terms read once (the same products each member's vote computes; the stores below kept them from being hoisted)
        milieu_c = milieu_weight * regime[c]
        lead_gain = (s * w) * lead_log1p[k]
        main_c = main[c]
        comm = community[k]
        d = 0
        for p in range(size):
            m = idx[p]
            value = 0.0
            for g in range(n_goods):
                value += goods[g, m, c] * provided[a, g]
            value = value + (milieu_c * regime[m]) * proximity[m, c] * pi
            sh = shares[a, m]
            b_mc = burden[m, c]
            cost = sh * (tau + s * (unit_cost[m] * ea + beta * b_mc * pi)) - (lead_gain if m == lead else 0.0)
            cand_main = (main[m] == c and protective) or credibility[m, c] <= 0.0
            ok = not cand_main and main_c != m
            v = ok and value > cost
            security = sh * s * beta * b_mc * pi
            v = v or (ok and comm and value > security)
            vote[p] = v
            eligible[p] = ok
            net[p] = value - cost
            if territorial_dispute[c, m]:
                d += 1
        if side_payments:
            lead_net = 0.0
            lead_ok = False
            for p in range(size):
                m = idx[p]
                if m == lead:
                    lead_net, lead_ok = net[p], eligible[p]
                elif eligible[p] and net[p] <= 0.0:
                    loss[m] = -net[p]
            deficit = pairwise_sum(loss)
            for p in range(size):
                loss[idx[p]] = 0.0
            if shares[a, lead] >= dominance and lead_ok and lead_net - deficit > 0.0:
                for p in range(size):
                    vote[p] = vote[p] or eligible[p]
        votes = 0
        for p in range(size):
            if vote[p]:
                votes += 1
        share[k] = votes / max(size, 1)
        disputes[k] = d
    return share, disputes


@njit(cache=True)
def accession_choice(rr, aa, cand, top, size_f, size_pow, unit_cost, power, alliance_power, commitment, protect, prot_keep, entrap, l1p,
                     burden, w, beta, tau, j_value, offset, n_alliances, best, net, value, cost):  # pragma: no cover (compiled)
    """The open accessions' costs and the options' ``np.argmax`` of :func:`foedus.sim.steps.alignment._best_accessions`, in one pass
    (``best``, ``net``, ``value``, ``cost`` (R,) written in place where an accession wins; the costs (K,) returned).

    Accession ``k`` is that of state ``cand[k]`` (row ``rr[k]`` of the options) to alliance ``aa[k]``. Its cost is
    :func:`foedus.theory.obligations.commitment_cost` (``pact_cost``) of a commitment to the leader ``top[aa[k]]`` with the base
    :func:`foedus.theory.consent.candidate_base_cost` at the newcomer's share :func:`foedus.theory.consent.newcomer_share` of the
    enlarged alliance's power, each in its order of operations: ``sigma = p_c / (p_c + P_a)`` (``1 / (k + 1)`` where no power),
    ``base = c_c (1 + sigma (k^e - 1))`` with ``k^e`` numpy's (``size_pow``), and ``tau + s ((e base + beta (B sigma_p)) - w l1p)``
    with ``l1p`` numpy's ``log1p`` of the autonomy change (``prot_keep``: protection times the institution's binding) and the
    risk ``protect * sigma``. Then, row by row, ``np.argmax`` over the alliances of the net values ``j_value - cost`` (-inf
    where shut; a later entry of one pair overwrites an earlier one, as numpy's fancy assignment): the first NaN, else the first
    maximum; the accession wins where the best pact's ``net`` is not NaN and the accession's is larger, or NaN."""
    k_n = rr.shape[0]
    r_n = best.shape[0]
    j_cost = np.empty(k_n)
    dense = np.full((r_n, n_alliances), -np.inf)
    pos = np.zeros((r_n, n_alliances), np.int64)
    for k in range(k_n):
        a = aa[k]
        c = cand[k]
        pc = power[c]
        tot = pc + alliance_power[k]
        sigma = pc / tot if tot > 0 else 1.0 / (size_f[a] + 1.0)
        base = unit_cost[c] * (1.0 + sigma * (size_pow[a] - 1.0))
        b = burden[c, top[a]] * (protect[a] * sigma)
        j_cost[k] = tau + commitment[a] * ((entrap[a] * base + beta * b) - w * l1p[k])
        dense[rr[k], a] = j_value[k] - j_cost[k]
        pos[rr[k], a] = k
    for r in range(r_n):
        jb = 0
        top_v = dense[r, 0] if n_alliances else -np.inf
        if not np.isnan(top_v):
            for a in range(1, n_alliances):
                v = dense[r, a]
                if np.isnan(v):
                    jb, top_v = a, v
                    break
                if v > top_v:
                    jb, top_v = a, v
        if not np.isnan(net[r]) and (top_v > net[r] or np.isnan(top_v)):
            k = pos[r, jb]
            best[r] = offset + jb
            net[r] = top_v
            value[r] = j_value[k]
            cost[r] = j_cost[k]
    return j_cost


@njit(cache=True)
def accession_values(cand, aa, members, goods, join_goods, power, regime, proximity, milieu_weight):  # pragma: no cover (compiled)
    """The value to state ``cand[k]`` of joining alliance ``aa[k]`` (K,), as :func:`foedus.sim.steps.alignment._best_accessions` sums it:
    :func:`foedus.theory.choice.join_utilities` of ``goods`` (G, N, N) aggregated by capability (each member's weight ``p_j`` over the
    members' total summed in order of the states; the members' terms summed from 0.0 in that order; 0 for a member), the goods the
    treaty provides (``join_goods`` (A, G) bool: the einsum over the goods, from 0.0 in their order), plus, in a protective treaty,
    the milieu of :func:`foedus.theory.consent.milieu_value` summed over the states as numpy sums a row (:func:`pairwise_sum`)."""
    k_count = cand.shape[0]
    n = members.shape[1]
    n_goods = goods.shape[0]
    out = np.empty(k_count)
    row = np.empty(n)
    join = np.empty(n_goods)
    for k in range(k_count):
        a = aa[k]
        i = cand[k]
        total = 0.0
        for j in range(n):
            if members[a, j]:
                total += power[j]
        div = total if total > 0 else 1.0
        inside = members[a, i]
        for g in range(n_goods):
            acc = 0.0
            if not inside:
                for j in range(n):
                    if members[a, j]:
                        acc += (power[j] / div) * goods[g, i, j]
            join[g] = acc
        val = 0.0
        for g in range(n_goods):
            val += join[g] * (1.0 if join_goods[a, g] else 0.0)
        mc = milieu_weight * regime[i]
        for j in range(n):
            row[j] = (mc * regime[j]) * proximity[j, i] if members[a, j] else 0.0
        out[k] = val + pairwise_sum(row) * (1.0 if join_goods[a, 0] else 0.0)
    return out
