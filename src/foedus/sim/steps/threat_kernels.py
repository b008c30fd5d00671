"""The compiled passes of threat perception (:mod:`foedus.sim.steps.threat`): Walt's threat with geography and the reach in one pass
(:func:`_threat_kernel`, equal to :func:`foedus.theory.threat.walt_threat` to the bit), the strongest pact each pair shares
(:func:`_commitment_kernel`) and the distance exponents with forward presence (:func:`_forward_kernel`, equal to
:func:`foedus.theory.projection.forward_exponent`). Kept apart so that the step's module stays readable (the files' size rule).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["_camp_kernel", "_commitment_kernel", "_forward_kernel", "_neighbourhoods_kernel", "_reach_columns_kernel", "_revealed_kernel", "_threat_kernel"]


# error_model="numpy": its every division is guarded (by ``w < a``, ``denom > 0``, ``serious > 0``), so none is by zero and a
# division's value is the same under either model; numba's default ("python") tests each divisor for a ZeroDivisionError
# it never raises, a branch in the inner loop of the revealed hostility that kept it from being vectorised (issue 16: the
# kernel's median 705 -> 498 us a year at 200 states, the same bits: tests/sim/steps/test_threat.py, the regression digests)
@njit(cache=True, error_model="numpy")
def _threat_kernel(h, ideal, rivalry, prox, commitment, x, w0, w1, w2, denom, discount, power, offensive, weight, floor, restraint, has_restraint, belied, serious, out, reach, within, alone, excess, xf, rel, flank, struck, near_weight, home):  # pragma: no cover (compiled)
    """``out[i, j] = exp(xf[i, j] ln(power[j] offensive[j])) * (I[i, j] (1 - discount C[i, j] [h[i, j] < belied or h[i, j] = 0]))`` with
    ``I = (w0 H~ + w1 (d g + alone (1 - g) excess) + w2 r) / denom``, ``g = min(1, max(H~, r) / serious)`` (:func:`foedus.theory.intentions.intentions_from_acts`) and ``H~[i, j] = max(h[i, j], max_{k: h[k, j] >= floor} weight[i, k] (h[k, j] min(1, power[j] ** (x[k, j] - 1))))``
    (``weight = prox * exposed``) times ``min(1, within[i, j] / within[k, j])`` (within the reach ``j`` has shown) and ``rel[i, j]`` (the politically
    relevant dyads; ``rel`` empty: every pair), times ``restraint[i, j]`` when ``has_restraint``; where ``flank[i, j]`` (contiguity) and ``struck[k, j]`` (the
    simulator passes contiguity too; ``flank`` empty: never) the weight is ``max(weight[i, k], near_weight[i, k])`` (the aggressor's neighbours read its acts against its other neighbours);
    ``reach[i, j] = exp(xf[i, j] ln power[j])`` (``xf``: with forward presence; ``x``, from home, reads the acts), read from ``home`` (``exp(x[i, j] ln power[j])``,
    :func:`foedus.theory.projection.projected_capability` from home; empty: none) where ``xf[i, j] == x[i, j]``; 0 on the diagonal of ``out``."""
    n = h.shape[0]
    has_ideal = ideal.shape[0] > 0
    has_rel = rel.shape[0] > 0
    has_flank = flank.shape[0] > 0
    # the revealed hostility, transposed (row j: what j reveals to each i), through the serious
    # hostilities only (few); it starts at h[i, j]
    log_base = np.empty(n)
    log_power = np.empty(n)
    for j in range(n):
        log_base[j] = np.log(power[j] * offensive[j])
        log_power[j] = np.log(power[j])
    near_t = h.T.copy()
    # the observers' weights of each state k (column k of weight) and the serious hostilities they read (few)
    seen = np.zeros(n, np.bool_)
    serious_pairs = 0
    for k in range(n):
        for i in range(n):
            if weight[i, k] > 0.0 or (has_flank and near_weight[i, k] > 0.0):
                seen[k] = True
                break
        if seen[k]:
            for j in range(n):
                if h[k, j] > 0.0 and h[k, j] >= floor:
                    serious_pairs += 1
    # many of them (a large world): the reach-within and relevance weights read along j's row, from transposed copies
    # (contiguous in the inner loop); few: in place (the copies would cost more). The same values in the same operations.
    transposed = serious_pairs * 8 >= n
    within_t = within.T.copy() if transposed else np.empty((0, 0))
    rel_t = rel.T.copy() if transposed and has_rel else np.empty((0, 0))
    column = np.empty(n)
    own = np.empty(n)
    for k in range(n):
        if not seen[k]:  # hostility towards k reveals nothing (a major power)
            continue
        for i in range(n):
            own[i] = weight[i, k]
        for j in range(n):
            hk = h[k, j]
            if hk > 0.0 and hk >= floor:
                col = own
                if has_flank and struck[k, j]:  # j's other neighbours read its act against k (theory.intentions.revealed_hostility)
                    for i in range(n):
                        column[i] = near_weight[i, k] if flank[i, j] and near_weight[i, k] > own[i] else own[i]
                    col = column
                f = np.exp((x[k, j] - 1.0) * log_power[j])  # theory.projection.reach_fraction
                if f != f:
                    f = 0.0
                elif f > 1.0:
                    f = 1.0
                hp = hk * f
                a_kj = within[k, j]
                n_j = near_t[j]
                if transposed:
                    w_j = within_t[j]
                    r_j = rel_t[j] if has_rel else w_j
                    for i in range(n):
                        v = col[i] * hp
                        if w_j[i] < a_kj:  # theory.intentions.revealed_hostility, W: beyond the reach j has shown
                            v = v * (w_j[i] / a_kj)
                        if has_rel:  # V: only an aggressor relevant to i (Lemke & Reed 2001)
                            v = v * r_j[i]
                        if v > n_j[i]:
                            n_j[i] = v
                else:
                    for i in range(n):
                        v = col[i] * hp
                        if within[i, j] < a_kj:
                            v = v * (within[i, j] / a_kj)
                        if has_rel:
                            v = v * rel[i, j]
                        if v > n_j[i]:
                            n_j[i] = v
    has_home = home.shape[0] > 0
    for i in range(n):
        for j in range(n):
            if has_home and xf[i, j] == x[i, j]:  # the same exponent: the same number, evaluated once for able_to_reach
                reach[i, j] = home[i, j]
            else:
                reach[i, j] = np.exp(xf[i, j] * log_power[j])
            if i == j:
                out[i, j] = 0.0
                continue
            total = w0 * near_t[j, i]
            r = 1.0 * rivalry[i, j]
            if has_ideal:
                a = max(near_t[j, i], r)
                if serious > 0.0:
                    read = min(1.0, a / serious)
                else:
                    read = 1.0 if a > 0.0 else 0.0
                # theory.intentions.intentions_from_acts: E, the ideological distance beyond one camp
                total = total + w1 * (ideal[i, j] * read + alone * (1.0 - read) * excess[i, j])
            total = total + w2 * r
            c = commitment[i, j]
            if h[i, j] > 0.0 and h[i, j] >= belied:  # theory.intentions.allied_intentions: force belies the pledge
                c = 0.0
            c = c * (1.0 - r)  # theory.intentions.allied_intentions: a rival's pledge does not reassure
            intent = (total / denom) * (1.0 - discount * c)
            if has_restraint:
                intent = intent * restraint[i, j]
            out[i, j] = np.exp(xf[i, j] * log_base[j]) * intent


@njit(cache=True)
def _commitment_kernel(members, active, domain, commitment, n_agreements, security, out):  # pragma: no cover (compiled)
    """``out[u, v] = max commitment[a]`` over the security agreements ``a`` in force with both ``u`` and ``v`` as members (u != v)."""
    idx = np.empty(members.shape[1], np.int64)  # the members of one agreement (one buffer, not an array per agreement)
    for a in range(n_agreements):
        c = commitment[a]
        if not active[a] or domain[a] != security or c <= 0.0:
            continue
        size = 0
        for u in range(members.shape[1]):
            if members[a, u]:
                idx[size] = u
                size += 1
        for p in range(size):
            u = idx[p]
            for q in range(size):
                v = idx[q]
                if u != v and c > out[u, v]:
                    out[u, v] = c


@njit(cache=True)
def _forward_kernel(x, hosts, saving, out):  # pragma: no cover (compiled)
    """``out[i, j] = min(out[i, j], x[i, b] + (1 - saving) (x[b, j] - 1))`` over the hosts ``b`` of ``j``
    (:func:`foedus.theory.projection.forward_exponent`; ``out`` starts as ``x``)."""
    n = x.shape[0]
    for j in range(n):
        for b in range(n):
            if not hosts[j, b]:
                continue
            leg = (1.0 - saving) * (x[b, j] - 1.0)
            for i in range(n):
                v = x[i, b] + leg
                if v < out[i, j]:
                    out[i, j] = v


@njit(cache=True)
def _live_issue_kernel(nb, able, major, region, h, rivalry, serious, territorial, has_territorial, war, within, ideal, known, has_ideal, allied, main, camp, holds, out):  # pragma: no cover (compiled)
    """The live issues of :func:`foedus.sim.steps.threat.live_issues` in one pass, equal to the theory's composition to the bit
    (``tests/sim/steps/test_threat_rows.py``): ``out[i, j] = G[i, j] (1 - L[i, j])`` with ``G`` :func:`foedus.theory.relevance.live_issue` of
    ``P = max(nb, reached_by(able, major, region, h))``, ``rivalry``, ``h`` (``serious``), ``territorial``, ``able``, ``war``, ``within``,
    ``side = ideal`` and ``region``, its ``patron`` :func:`~foedus.theory.relevance.patrons_threat` of ``allied``, ``major``, ``main`` and
    ``region``, or ``camp``, or (``has_ideal``) :func:`~foedus.theory.relevance.allied_rivals` with the ideal-point distances of the
    ``known`` states; ``L = holds`` (:func:`~foedus.theory.relevance.pledge_holds`). Every term is 0 or 1: the same values in any order."""
    n = h.shape[0]
    rel = np.zeros((n, n), np.bool_)
    g = np.zeros((n, n), np.bool_)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            r = nb[i, j] > 0.0 or (able[j, i] and not major[j] and region[i] == region[j] and h[i, j] > 0.0)  # reached_by
            rel[i, j] = r
            g[i, j] = (r or rivalry[i, j] > 0.0 or (h[i, j] > 0.0 and h[i, j] >= serious) or camp[i, j]
                       or (has_territorial and territorial[i, j]))
    for j in range(n):  # force next door: j at war with a state v of i's neighbourhood, within the reach j showed, on v's side
        at_war = False
        for v in range(n):
            if war[v, j]:
                at_war = True
                break
        if not at_war:
            continue
        for i in range(n):
            if g[i, j] or i == j or not able[j, i] or region[i] != region[j]:
                continue
            q = within[i, j] * np.e
            for v in range(n):
                if war[v, j] and rel[i, v] and q >= within[v, j] and (ideal.shape[0] == 0 or ideal[i, v] < ideal[i, j]):
                    g[i, j] = True
                    break
    for k in range(n):  # patrons_threat: the main threat of a great power allied in arms, of i's region
        t = main[k]
        if major[k] and t >= 0:
            for i in range(n):
                if allied[i, k] and region[i] == region[t] and i != t:
                    g[i, t] = True
    if has_ideal:  # allied_rivals: a great-power rival j of a great-power ally k, j able to reach i, of i's region, i farther from j than k
        for k in range(n):
            if not major[k]:
                continue
            for j in range(n):
                if j == k or not major[j] or not rivalry[k, j] > 0.0 or not known[j]:
                    continue
                for i in range(n):
                    if (i != j and allied[i, k] and able[j, i] and region[i] == region[j] and known[i] and known[k]
                            and ideal[i, j] > ideal[i, k]):
                        g[i, j] = True
    for i in range(n):
        for j in range(n):
            out[i, j] = 1.0 if g[i, j] and not holds[i, j] else 0.0


@njit(cache=True)
def _main_threat_kernel(threat, gate, threshold, ceiling, floor, power, out):  # pragma: no cover (compiled)
    """``out[i]``: :func:`foedus.theory.threat.perceived_main_threat` of ``threat * gate`` (the product formed pair by pair, not
    stored), the same to the bit: ``argmax_j`` of the row with its diagonal 0 (the first of the largest; a NaN wins, as numpy's),
    kept when the largest is above 0 and at least ``max(floor, min(threshold * power[i], ceiling))`` (NaN anywhere: -1).

    Each row in two passes: its largest value and whether it holds a NaN (no branch: a select per pair), then, only for a row whose
    largest passes the bound, the first pair equal to it (the first of the largest, as the ``>`` of a scan from the left gives: a
    total order on the numbers without NaN, 0.0 and -0.0 equal). Issue 16: the one-pass scan's branches cost 3.7 ns a pair."""
    n = threat.shape[0]
    for i in range(n):
        t = threat[i]
        g = gate[i]
        best = 0.0  # the diagonal's 0
        nan = False
        for j in range(i):
            v = t[j] * g[j]
            nan = nan | (v != v)
            best = v if v > best else best
        for j in range(i + 1, n):
            v = t[j] * g[j]
            nan = nan | (v != v)
            best = v if v > best else best
        if nan:
            out[i] = -1
            continue
        m = threshold * power[i]
        lim = m if m < ceiling else ceiling  # np.minimum, NaN propagated
        if m != m or ceiling != ceiling:
            lim = np.nan
        bound = floor if floor > lim else lim  # np.maximum, NaN propagated
        if lim != lim or floor != floor:
            bound = np.nan
        if not (best > 0.0 and best >= bound):
            out[i] = -1
            continue
        arg = -1
        for j in range(n):  # the first pair at the largest (best > 0: not the diagonal)
            if j != i and t[j] * g[j] == best:
                arg = j
                break
        out[i] = arg


@njit(cache=True, error_model="numpy")
def _revealed_kernel(h, i, j, reach, within, weight, rel, floor, flank, struck, near, out):  # pragma: no cover (compiled)
    """``out[k]``: the hostility ``j[k]`` reveals to ``i[k]`` for :func:`foedus.sim.steps.threat.threat_terms`, ``max(h[i, j], M rel[i, j])``
    with ``M = max_n (weight[k, n] S[n]) V[n]``, ``S[n] = h[n, j] reach[n, k]`` where ``h[n, j] >= floor`` (else 0.0) and ``V[n] = 1``
    where ``within[i, j] >= within[n, j]`` (else their ratio), the numpy code it replaced in one pass: the same products in the same
    order, the maxima as numpy's (a NaN propagates; of 0.0 and -0.0 numpy's ``maximum`` gives the second), so the same bits (``tests/sim/steps/test_threat_rows.py``);
    where ``struck[n, j]`` and ``flank[i, j]`` (``flank`` empty: never) the weight is ``max(weight[k, n], near[k, n])`` (as :func:`_threat_kernel`)."""
    n = h.shape[0]
    has_flank = flank.shape[0] > 0
    for k in range(i.shape[0]):
        ik, jk = i[k], j[k]
        a = within[ik, jk]
        m = 0.0
        nan = False
        for q in range(n):
            hv = h[q, jk]
            s = hv * reach[q, k] if hv >= floor else 0.0
            b = within[q, jk]
            wq = weight[k, q]
            if has_flank and struck[q, jk] and flank[ik, jk] and near[k, q] > wq:
                wq = near[k, q]
            x = (wq * s) * (1.0 if a >= b else a / b)
            if np.isnan(x):
                nan = True
            elif q == 0 or x > m:
                m = x
        x = (np.nan if nan else m) * rel[ik, jk]
        y = h[ik, jk]
        out[k] = y if (y > x or np.isnan(y)) else x  # numpy's maximum: of two equal (0.0 and -0.0), the second


@njit(cache=True)
def _reach_columns_kernel(power, x, cols, out):  # pragma: no cover (compiled)
    """``out[r, k]``: :func:`foedus.theory.projection.reach_fraction` of state ``cols[k]`` at ``r``, ``min(1, nan_to_num(exp((x[r, c] - 1) ln power[c])))``
    with the array form's operations in its order (``x - 1``, times the logarithm, ``exp``; NaN 0; at most 1, +inf 1), the columns
    alone without the gather of ``x[:, cols]``, the error-state context and ``nan_to_num``'s temporaries (``tests/sim/steps/test_threat_rows.py``)."""
    n = x.shape[0]
    for k in range(cols.shape[0]):
        c = cols[k]
        lc = np.log(power[c])
        for r in range(n):
            f = np.exp((x[r, c] - 1.0) * lc)
            if f != f:
                f = 0.0
            out[r, k] = f if f < 1.0 else 1.0


@njit(cache=True)
def _ally_borders(i, allied, contiguous, war, via, via_war):  # pragma: no cover (compiled)
    """``via[k]``: some ally ``b`` of ``i`` (``allied[i, b]``) borders ``k``; ``via_war[k]``: one such ally is also at war with ``k``
    (both written in place; the neighbourhoods' "through an ally" term, shared by :func:`_neighbourhoods_kernel` and
    :func:`foedus.sim.steps.threat_year._year_kernel`)."""
    n = allied.shape[0]
    via[:] = False
    via_war[:] = False
    for b in range(n):
        if allied[i, b]:
            for k in range(n):
                c = contiguous[b, k]
                via[k] |= c
                via_war[k] |= c & war[b, k]


@njit(cache=True)
def _neighbourhoods_kernel(contiguous, major, able, allied, war, near, issue):  # pragma: no cover (compiled)
    """:func:`foedus.theory.relevance.politically_relevant` of ``contiguous``, ``major``, ``able`` and ``allied`` twice in one pass: ``near``
    without ``ally_conflict`` (:func:`foedus.sim.steps.threat.neighbourhood`), ``issue`` with ``ally_conflict=war``
    (:func:`foedus.sim.steps.threat.issue_neighbourhood`). Each entry is a truth value (0.0 or 1.0), the theory's product of 0/1 terms
    ``> 0`` read as "some ally ``b`` of ``i`` borders ``k``" (and is at war with ``k``): the same values, diagonal 0
    (``tests/sim/steps/test_threat_rows.py``)."""
    n = contiguous.shape[0]
    via = np.empty(n, np.bool_)  # via[k]: an ally of i borders k
    via_war = np.empty(n, np.bool_)  # ... and is at war with k
    for i in range(n):
        _ally_borders(i, allied, contiguous, war, via, via_war)
        for k in range(n):
            v = contiguous[i, k] or major[i] or able[i, k]
            near[i, k] = 1.0 if (v or via[k]) and k != i else 0.0
            issue[i, k] = 1.0 if (v or via_war[k]) and k != i else 0.0


@njit(cache=True)
def _camp_kernel(e, major, rivalry, ok, allied, has_allied, region, has_region, out):  # pragma: no cover (compiled)
    """:func:`foedus.theory.camps.camp_adversaries` of ``e`` (excess), ``major``, ``rivalry``, ``known`` (``ok``), ``allied`` (if ``has_allied``)
    and ``region`` (if ``has_region``) in one pass over the great powers ``g``, without its (N, N) float products: each of its products
    ``> 0`` is a count of 0/1 terms read as "some term is 1", so the same truth values (``tests/sim/steps/test_threat_rows.py``)."""
    n = e.shape[0]
    g = np.empty(n, np.int64)
    ng = 0
    for k in range(n):
        if major[k]:
            g[ng] = k
            ng += 1
    # joined[i, t]: i allied in arms (off the diagonal) to the great power g[t] of its camp
    joined = np.zeros((n, ng), np.bool_)
    any_major_ally = np.zeros(n, np.bool_)
    if has_allied:
        for i in range(n):
            for t in range(ng):
                k = g[t]
                if k != i and allied[i, k]:
                    any_major_ally[i] = True
                    if e[i, k] <= 0.0:
                        joined[i, t] = True
    # camp[i, t]: i in the camp of g[t] and bound to it (camp &= bound; the diagonal major; both known)
    camp = np.zeros((n, ng), np.bool_)
    for i in range(n):
        for t in range(ng):
            k = g[t]
            if k == i:
                c = True  # the diagonal: major[i], and i is g[t]
            else:
                c = e[i, k] <= 0.0
                if c and has_allied:
                    b = allied[i, k]
                    if not b:
                        for s in range(ng):
                            if joined[i, s] and joined[g[s], t]:
                                b = True
                                break
                    if not b and has_region:
                        b = region[i] == region[k] and not any_major_ally[i]
                    c = b
            camp[i, t] = c and ok[i] and ok[k]
    for i in range(n):
        for j in range(n):
            out[i, j] = False
        if not ok[i]:
            continue
        for u in range(ng):
            j = g[u]
            if j == i or not ok[j] or not (e[i, j] > 0.0):
                continue
            for t in range(ng):
                k = g[t]
                if camp[i, t] and rivalry[k, j] > 0.0 and e[k, j] > 0.0:
                    out[i, j] = True
                    break
