"""Compiled pass of the blocs step (:mod:`foedus.sim.steps.blocs`): every form of one candidate bloc, the same numbers to the bit.

For each threat shared this year, :func:`foedus.sim.steps.blocs._founding` weighs every form a
bloc's treaty may take (:data:`foedus.sim.steps.blocs.BLOC_FORMS`): the value to each candidate
of each other's pledge (the goods of the form that their pacts do not already provide, the
einsum of the numpy version), the cost of membership taken apart by its terms (the one cost rule
:func:`foedus.sim.steps.formation.pact_cost`, i.e. :func:`foedus.theory.obligations.commitment_cost`,
evaluated by :func:`foedus.sim.steps.alignment_kernels._cost` in its order of operations, with
the ``log1p`` of the autonomy changes computed by numpy beforehand), and who founds the treaty
(:func:`foedus.theory.multilateral.found_bloc`'s compiled founding, called as it is). numpy did
that in some forty small array operations per threat; the kernel does it in one call and returns
the arrays the step reads afterwards (the founders' values and the leader's transfers, computed
by the step with the theory functions for the chosen form only).

``tests/sim/test_blocs_kernels.py`` proves :func:`bloc_forms` equal, to the bit, to the numpy
code it replaced (kept there as the reference, calling ``pact_cost`` and ``found_bloc``) on random
inputs and on simulated worlds; the regression digests prove the step unchanged.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.membership import _members_of
from foedus.sim.steps.alignment_kernels import _cost
from foedus.sim.steps.blocs_isolation import isolation_pairs as _isolation_pairs
from foedus.sim.steps.blocs_theatre import theatre_of
from foedus.theory.multilateral import _found_kernel
from foedus.theory.obligations_kernels import goods_pairs

__all__ = ["bloc_candidates", "bloc_first", "bloc_forms", "bloc_forms_kept", "bloc_scan", "bloc_vetoes", "client_mask", "forward_values", "renounced_pairs"]


@njit(cache=True)
def bloc_forms(goods, shared, group, unit_partners, autonomy, log1p_autonomy, burden, veto, power, forward, form_goods, form_commitment,
               form_protection, form_risk, w, beta, tau, phi, coord, least, clients, form_entrap):  # pragma: no cover (compiled)
    """The best form of one bloc: (form position ``x`` (-1: none), members (K,) bool, gain (K,), pledge (F, K, K), base (F, K, K + 1),
    autonomy (F, K, K), defending (F, K, K)).

    ``goods`` (5, N, N) the year's goods, ``shared`` (5, N, N) the goods the pairs' pacts provide already, ``group`` (K,) the
    candidates in order (the leader first); ``unit_partners`` (K, K + 1) each candidate's base cost at each size (``unit_cost *
    partners ** e``); ``autonomy``, ``log1p_autonomy`` and ``burden`` (K, K) the pair terms of the candidates (Morrow's exchange, its
    ``log1p``, the risk of defending), ``veto`` (K, K), ``power`` (K,) > 0, ``forward`` (K, K) the leader's forward-defence values;
    the forms' goods (F, 5) float, commitment, protection and risk (F,), and ``form_entrap`` (F,) the share of the base cost each form
    carries (:func:`foedus.theory.obligations.entrapment_share`: 1 for a pledge to fight). For form ``x``:

    - ``pledge[x, a, b] = sum_g form_goods[x, g] * (goods[g, group[a], group[b]] * fresh)``, from 0.0 in order of g, fresh 0.0
      where ``shared`` (``_founding``'s einsum; a form provides at most two goods), the diagonal 0.0;
    - ``base[x, a, s]``, ``autonomy[x, a, b]``, ``defending[x, a, b]``: the three terms of ``pact_cost`` as ``_founding`` takes
      them apart (the base ``unit_partners[a, s] * form_entrap[x]`` with the signature, the autonomy term with the protection, the
      risk of defending);
    - the founders and their gains: :func:`foedus.theory.multilateral.found_bloc` with the forward defence ``forward *
      protection`` and hegemonic provision where the leader's row of it has a non-zero, to the members that may be its ``clients`` (K,) bool.

    The best form is the first whose leader (its first founder) gains strictly more than the best before it (``_founding``'s rule).
    """
    k = group.shape[0]
    n_forms = form_goods.shape[0]
    pledge = np.zeros((n_forms, k, k))
    base = np.empty((n_forms, k, k + 1))
    aut = np.empty((n_forms, k, k))
    dfd = np.empty((n_forms, k, k))
    every = np.ones(k, np.bool_)
    for x in range(n_forms):
        _form_terms(x, goods, shared, group, unit_partners, autonomy, log1p_autonomy, burden, form_goods, form_commitment, form_protection, form_risk, w,
                    beta, tau, every, pledge[x], base[x], aut[x], dfd[x], form_entrap)
    best, best_members, best_gain = _best_form(pledge, base, aut, dfd, veto, power, forward, form_protection, phi, coord, least, clients)
    return best, best_members, best_gain, pledge, base, aut, dfd


@njit(cache=True)
def _form_terms(x, goods, shared, group, unit_partners, autonomy, log1p_autonomy, burden, form_goods, form_commitment, form_protection, form_risk, w,
                beta, tau, rows, pledge, base, aut, dfd, form_entrap):  # pragma: no cover (compiled)
    """Form ``x``'s pledge (K, K), base (K, K + 1), autonomy and defending terms (K, K) of :func:`bloc_forms`, written where the row's
    and the column's candidates are both ``rows`` (K,) bool (the others are left as they are)."""
    k = group.shape[0]
    n_goods = goods.shape[0]
    s = form_commitment[x]
    prot = form_protection[x]
    risk = form_risk[x]
    e = form_entrap[x]
    for a in range(k):
        if not rows[a]:
            continue
        for b in range(k):
            if not rows[b]:
                continue
            if a != b:
                v = 0.0
                for g in range(n_goods):
                    v += (goods[g, group[a], group[b]] * (0.0 if shared[g, group[a], group[b]] else 1.0)) * form_goods[x, g]
                pledge[a, b] = v
            aut[a, b] = _cost(0.0, s, autonomy[a, b], log1p_autonomy[a, b], burden[a, b], prot, 0.0, w, beta, 0.0)
            dfd[a, b] = _cost(0.0, s, autonomy[a, b], log1p_autonomy[a, b], burden[a, b], 0.0, risk, w, beta, 0.0)
        for c in range(k + 1):
            base[a, c] = _cost(unit_partners[a, c] * e, s, autonomy[a, a], log1p_autonomy[a, a], burden[a, a], 0.0, 0.0, w, beta, tau)


@njit(cache=True)
def _best_form(pledge, base, aut, dfd, veto, power, forward, form_protection, phi, coord, least, clients):  # pragma: no cover (compiled)
    """The founding of every form (:func:`foedus.theory.multilateral_kernels._found_kernel`) and the best: (form position (-1: none),
    members, gains); the first form whose leader gains strictly more than the best before it."""
    n_forms, k = pledge.shape[0], pledge.shape[1]
    best = -1
    best_members = np.zeros(k, np.bool_)
    best_gain = np.zeros(k)
    members = np.zeros(k, np.bool_)
    gain = np.zeros(k)
    fwd = np.empty((k, k))
    if k < least:
        return best, best_members, best_gain
    for x in range(n_forms):
        prot = form_protection[x]
        provide = False
        for a in range(k):
            for b in range(k):
                fwd[a, b] = forward[a, b] * prot
            if fwd[0, a] != 0.0:
                provide = True
        members[:] = False
        gain[:] = 0.0
        _found_kernel(pledge[x], base[x], aut[x], dfd[x], power, veto, phi, coord, fwd, provide, clients, least, members, gain)
        best = _keep_best(x, members, gain, best, best_members, best_gain)
    return best, best_members, best_gain


@njit(cache=True)
def bloc_forms_kept(goods, shared, group, unit_partners, autonomy, log1p_autonomy, burden, veto, power, forward, form_goods, form_commitment,
                    form_protection, form_risk, w, beta, tau, phi, coord, least, clients, form_entrap):  # pragma: no cover (compiled)
    """:func:`bloc_forms` as :func:`bloc_scan` asks it: the same (form position, members, gains) and the chosen form's pledge, base,
    autonomy and defending terms (K, K), (K, K + 1), (K, K), (K, K) (empty when no form founds), to the bit.

    The founding of every form reads its terms only between the candidates its exclusion keeps (its first step, the same for every
    form: :func:`_kept`), so the forms are weighed among the candidates kept only (:func:`_kept_terms`, :func:`_best_kept`: their
    terms, in their order, gathered once for every form) and the chosen form's terms computed in full afterwards: the setup of a
    great power's bloc of thirty candidates, of whom a region's twenty are kept, falls by half, and the founding reads twenty.
    """
    k = group.shape[0]
    kept = _kept(veto)
    idx = np.empty(k, np.int64)
    m = 0
    for a in range(k):
        if kept[a]:
            idx[m] = a
            m += 1
    idx = idx[:m]
    pledge, base, aut, dfd = _kept_terms(goods, shared, group, idx, unit_partners, autonomy, log1p_autonomy, burden, form_goods, form_commitment,
                                         form_protection, form_risk, w, beta, tau, form_entrap)
    best, members_kept, gain_kept = _best_kept(pledge, base, aut, dfd, idx, power, forward, form_protection, phi, coord, least, clients)
    best_members = np.zeros(k, np.bool_)
    best_gain = np.zeros(k)
    for p in range(m):
        best_members[idx[p]] = members_kept[p]
        best_gain[idx[p]] = gain_kept[p]
    if best < 0:
        e2 = np.zeros((0, 0))
        return best, best_members, best_gain, e2, e2, e2, e2
    full_p = np.zeros((k, k))
    full_b = np.empty((k, k + 1))
    full_a = np.empty((k, k))
    full_d = np.empty((k, k))
    _form_terms(best, goods, shared, group, unit_partners, autonomy, log1p_autonomy, burden, form_goods, form_commitment, form_protection, form_risk, w,
                beta, tau, np.ones(k, np.bool_), full_p, full_b, full_a, full_d, form_entrap)
    return best, best_members, best_gain, full_p, full_b, full_a, full_d


@njit(cache=True)
def _kept_terms(goods, shared, group, idx, unit_partners, autonomy, log1p_autonomy, burden, form_goods, form_commitment, form_protection,
                form_risk, w, beta, tau, form_entrap):  # pragma: no cover (compiled)
    """Every form's pledge (F, M, M), base (F, M, M + 1), autonomy and defending terms (F, M, M) among the candidates ``idx`` (M,) of
    ``group`` (the kept ones, in order): :func:`_form_terms`' numbers for them, the same operations in the same order (the fresh
    goods ``goods * fresh`` of each pair gathered once for every form; the base at the sizes up to ``M``, the largest a treaty of
    them can have)."""
    m = idx.shape[0]
    n_goods = goods.shape[0]
    n_forms = form_goods.shape[0]
    fresh = np.empty((m, m, n_goods))
    for p in range(m):
        i = group[idx[p]]
        for q in range(m):
            j = group[idx[q]]
            for g in range(n_goods):
                fresh[p, q, g] = goods[g, i, j] * (0.0 if shared[g, i, j] else 1.0)
    pledge = np.zeros((n_forms, m, m))
    base = np.empty((n_forms, m, m + 1))
    aut = np.empty((n_forms, m, m))
    dfd = np.empty((n_forms, m, m))
    for x in range(n_forms):
        s = form_commitment[x]
        prot = form_protection[x]
        risk = form_risk[x]
        e = form_entrap[x]
        for p in range(m):
            a = idx[p]
            for q in range(m):
                b = idx[q]
                if p != q:
                    v = 0.0
                    for g in range(n_goods):
                        v += fresh[p, q, g] * form_goods[x, g]
                    pledge[x, p, q] = v
                aut[x, p, q] = _cost(0.0, s, autonomy[a, b], log1p_autonomy[a, b], burden[a, b], prot, 0.0, w, beta, 0.0)
                dfd[x, p, q] = _cost(0.0, s, autonomy[a, b], log1p_autonomy[a, b], burden[a, b], 0.0, risk, w, beta, 0.0)
            for c in range(m + 1):
                base[x, p, c] = _cost(unit_partners[a, c] * e, s, autonomy[a, a], log1p_autonomy[a, a], burden[a, a], 0.0, 0.0, w, beta, tau)
    return pledge, base, aut, dfd


@njit(cache=True)
def _best_kept(pledge, base, aut, dfd, idx, power, forward, form_protection, phi, coord, least, clients):  # pragma: no cover (compiled)
    """:func:`_best_form` among the candidates ``idx`` (M,) the exclusion keeps (their terms from :func:`_kept_terms`): (form position
    (-1: none), members (M,), gains (M,)). The same founding to the bit: the founding reads nothing of the candidates it excludes
    (it keeps every one of ``idx``, none of whom vetoes another, in their order), but whether the leader provides reads the whole
    row of its forward-defence values (``forward`` (K, K), ``power`` and ``clients`` (K,) of every candidate)."""
    n_forms, m = pledge.shape[0], pledge.shape[1]
    k = forward.shape[0]
    best = -1
    best_members = np.zeros(m, np.bool_)
    best_gain = np.zeros(m)
    if m < least:
        return best, best_members, best_gain
    members = np.zeros(m, np.bool_)
    gain = np.zeros(m)
    fwd = np.empty((m, m))
    pw = np.empty(m)
    cl = np.empty(m, np.bool_)
    veto = np.zeros((m, m), np.bool_)
    for p in range(m):
        pw[p] = power[idx[p]]
        cl[p] = clients[idx[p]]
    for x in range(n_forms):
        prot = form_protection[x]
        provide = False
        for b in range(k):
            if forward[0, b] * prot != 0.0:
                provide = True
        for p in range(m):
            for q in range(m):
                fwd[p, q] = forward[idx[p], idx[q]] * prot
        members[:] = False
        gain[:] = 0.0
        _found_kernel(pledge[x], base[x], aut[x], dfd[x], pw, veto, phi, coord, fwd, provide, cl, least, members, gain)
        best = _keep_best(x, members, gain, best, best_members, best_gain)
    return best, best_members, best_gain


@njit(cache=True)
def _keep_best(x, members, gain, best, best_members, best_gain):  # pragma: no cover (compiled)
    """Form ``x``'s founding (``members``, ``gain``) kept in ``best_members``, ``best_gain`` where it founds a bloc whose first
    member gains more than the best form's so far (or none was kept): the index of the best form."""
    first = _first_of(members)
    if first >= 0 and (best < 0 or gain[first] > best_gain[_first_of(best_members)]):
        best_members[:] = members
        best_gain[:] = gain
        return x
    return best


@njit(cache=True)
def _first_of(members):  # pragma: no cover (compiled)
    for a in range(members.shape[0]):
        if members[a]:
            return a
    return -1


@njit(cache=True)
def renounced_pairs(members, last_exit, active, n_agreements, out):  # pragma: no cover (compiled)
    """Fill ``out[i, j]`` (N, N) bool: ``i`` left a treaty in force (``active[a]``, ``a < n_agreements``) of which ``j`` is a member
    (``last_exit[a, i] >= 0`` and ``i`` not a member; ``blocs._renounced``'s rule, for every pair at once)."""
    n = members.shape[1]
    idx = np.empty(n, np.int64)
    left = np.empty(n, np.int64)
    for a in range(n_agreements):
        if not active[a]:
            continue
        k = _members_of(members, a, idx)
        if k == 0:
            continue
        n_left = 0
        for j in range(n):
            if last_exit[a, j] >= 0 and not members[a, j]:
                left[n_left] = j
                n_left += 1
        for p in range(n_left):
            for q in range(k):
                out[left[p], idx[q]] = True


@njit(cache=True)
def forward_values(reach, power, major, group, shares, t, weight):  # pragma: no cover (compiled)
    """(K, K): ``F[a, b]``, the value to ``group[a]`` as leader of ``group[b]``'s pledge against the threat ``t`` (``blocs._forward``).

    :func:`foedus.theory.multilateral.forward_defence_value` of the leader's capability ``max(p_a, 1e-12)``, the threat's, the
    client's, its :func:`~foedus.theory.multilateral.exposure` to ``t`` (``R / (R + p)``, 0 where ``R + p`` is 0) and the leader's
    distance discount ``clip(reach[b, a] / p_a, 0, 1)``, in that function's order of operations; times whether the leader shares
    the threat and is a great power and the threat is one; the diagonal 0.
    """
    k = group.shape[0]
    out = np.zeros((k, k))
    pt = power[t]
    for a in range(k):
        pa = power[group[a]]
        pl = pa if (pa > 1e-12 or np.isnan(pa)) else 1e-12
        on = 1.0 if (shares[a] and major[group[a]] and major[t]) else 0.0
        for b in range(k):
            if a == b:
                continue
            pj = power[group[b]]
            r = reach[group[b], t]
            d = r + pj
            e = r / d if d > 0 else 0.0
            dl = reach[group[b], group[a]] / pl
            if dl < 0.0:
                dl = 0.0
            elif dl > 1.0:
                dl = 1.0
            denom = (pl + pt) * (pl + pt + pj)
            out[a, b] = weight * dl * pj * (pt + e * pl) / denom * on
    return out


@njit(cache=True)
def bloc_vetoes(group, at_war, dispute, main, rivalry, distance_km, region_km, major, ideal_distance, ideal_known, has_ideal, has_known,
                identity_limit, renounced, theatre):  # pragma: no cover (compiled)
    """(K, K) bool: whether ``group[a]`` refuses to be bound to ``group[b]`` for any of ``blocs._vetoes``' reasons (their union).

    At war, a territorial dispute, ``b`` its main threat, a strategic rivalry, the region
    (:func:`foedus.theory.multilateral.regional_veto`: ``distance > region_km`` unless one of them is the candidates' first and a
    great power, or both lie in the ``theatre`` (K,) bool of a superpower leader, :func:`.blocs_theatre.theatre_of`), the identity (:func:`foedus.theory.multilateral.identity_veto`: ideal points farther apart than
    ``identity_limit`` or unknown, never on the diagonal; only where ``has_ideal``, unknown where ``has_known`` and not
    ``ideal_known``), a treaty ``a`` left of which ``b`` is a member (``renounced`` (N, N), :func:`renounced_pairs`).
    """
    k = group.shape[0]
    out = np.zeros((k, k), np.bool_)
    for a in range(k):
        i = group[a]
        afar_a = a == 0 and major[i]
        for b in range(k):
            j = group[b]
            v = at_war[i, j] or dispute[i, j] or main[i] == j or rivalry[i, j] or renounced[i, j]
            if not v and distance_km[i, j] > region_km and not afar_a and not (b == 0 and major[j]) and not (theatre[a] and theatre[b]):
                v = True
            if not v and has_ideal and a != b:
                known = (ideal_known[i] and ideal_known[j]) if has_known else True
                if not known or not (ideal_distance[i, j] <= identity_limit):
                    v = True
            out[a, b] = v
    return out


@njit(cache=True)
def bloc_candidates(t, defends, main, free, reconsider, power, major, perceive, clients_on, least):  # pragma: no cover (compiled)
    """The candidates of the bloc against ``t``, strongest first (``blocs._candidates``, with the screens of :func:`foedus.sim.steps.blocs.blocs`):
    (group (K,) int, or empty when the bloc is not asked; the adversary bloc (N,) bool; the states sharing the threat (N,) bool;
    whether clients were asked; the states asked as clients (N,) bool).

    The adversary bloc is :func:`foedus.theory.multilateral.adversary_bloc` (``t`` and the states pledged to defend it or it to
    defend: ``defends[t] | defends[:, t]``), the states sharing the threat :func:`foedus.theory.multilateral.shared_threat`
    (``free``, outside the bloc, whose main threat is in it). The bloc is not asked when none shares it or none of those
    ``reconsider``. The leader is the strongest sharing state (the first of the largest ``power``, as ``argmax``); where
    ``clients_on`` (forward defence weighed) and both it and ``t`` are great powers, the states asked as clients are ``free``,
    outside the bloc, with no main threat, weaker than the leader, and those that ``perceive`` ``t`` join the candidates. The
    group is ordered by capability, descending, ties in order of index (a stable sort); fewer than ``least``: not asked.
    """
    n = main.shape[0]
    bloc = np.zeros(n, np.bool_)
    for j in range(n):
        bloc[j] = defends[t, j] or defends[j, t]
    bloc[t] = True
    sharing = np.zeros(n, np.bool_)
    asked = np.zeros(n, np.bool_)
    lead = -1
    any_reconsider = False
    for j in range(n):
        m = main[j]
        if free[j] and not bloc[j] and m >= 0 and bloc[m]:
            sharing[j] = True
            if reconsider[j]:
                any_reconsider = True
            if lead < 0 or power[j] > power[lead]:
                lead = j
    empty = np.zeros(0, np.int64)
    if lead < 0 or not any_reconsider:
        return empty, bloc, sharing, False, asked
    branch = clients_on and major[lead] and major[t]
    count = 0
    cand = sharing.copy()
    if branch:
        for j in range(n):
            if free[j] and not bloc[j] and main[j] < 0 and power[j] < power[lead]:
                asked[j] = True
                if perceive[j]:
                    cand[j] = True
    for j in range(n):
        if cand[j]:
            count += 1
    if count < least:
        return empty, bloc, sharing, branch, asked
    group = np.empty(count, np.int64)
    c = 0
    for j in range(n):
        if cand[j]:
            x = j  # insertion in order of -power, after every state of the same capability (stable)
            q = c
            while q > 0 and -power[group[q - 1]] > -power[x]:
                group[q] = group[q - 1]
                q -= 1
            group[q] = x
            c += 1
    return group, bloc, sharing, branch, asked


@njit(cache=True)
def client_mask(group, defends, major):  # pragma: no cover (compiled)
    """(K,) bool: :func:`foedus.theory.multilateral.client_eligible` of ``group`` (the leader first), as ``blocs._client_mask`` asks it:
    not a great power, not pledged to defend, or defended by (``defends`` (N, N) bool), a great power other than the leader, the
    leader a great power; never the leader (integer counts: the same booleans)."""
    k = group.shape[0]
    n = defends.shape[0]
    out = np.zeros(k, np.bool_)
    leader = group[0]
    if not major[leader]:
        return out
    for a in range(1, k):
        i = group[a]
        if major[i]:
            continue
        ties = 0
        for j in range(n):
            if defends[i, j] and major[j]:
                ties += 1
        if defends[i, leader]:
            ties -= 1  # the leader is a great power here
        out[a] = ties <= 0
    return out


@njit(cache=True)
def _lead_order(fwd):  # pragma: no cover (compiled)
    """The order of a great-power leader's candidates: the leader first, then by ``-fwd[0, b]`` ascending, stable (``np.argsort(kind="stable")``,
    a NaN last)."""
    k = fwd.shape[0]
    order = np.empty(k, np.int64)
    order[0] = 0
    for c in range(1, k):
        key = -fwd[0, c]
        q = c
        while q > 1:
            prev = -fwd[0, order[q - 1]]
            if prev > key or (np.isnan(prev) and not np.isnan(key)):  # strictly after: move it on
                order[q] = order[q - 1]
                q -= 1
            else:
                break
        order[q] = c
    return order


@njit(cache=True)
def _kept(veto):  # pragma: no cover (compiled)
    """(K,) bool: the candidates the exclusion of :func:`foedus.theory.multilateral_kernels._found_kernel` keeps (its first step, the
    same for every form: each candidate in order, unless it or a member kept before it vetoes the other). With fewer than the least
    members that kernel founds nothing whatever the form (:func:`bloc_scan` asks no form of that group), and it reads a form's terms
    only between the candidates kept (:func:`bloc_forms_kept`)."""
    k = veto.shape[0]
    kept = np.zeros(k, np.bool_)
    for a in range(k):
        kept[a] = True
        for b in range(a):
            if kept[b] and (veto[a, b] or veto[b, a]):
                kept[a] = False
                break
    return kept


@njit(cache=True)
def bloc_first(threats, start, defends, main, eligible, signed, reconsider, power, major, threat, floor, neutral, clients_on, least):  # pragma: no cover (compiled)
    """The position in ``threats`` from ``start`` of the first threat whose group :func:`bloc_scan` weighs (at least ``least``
    candidates, :func:`bloc_candidates`), ``len(threats)`` for none: the year's goods are computed only for a year that has one."""
    n = main.shape[0]
    free = np.empty(n, np.bool_)
    for i in range(n):
        free[i] = eligible[i] and not signed[i]
    perceive = np.empty(n, np.bool_)
    for q in range(start, threats.shape[0]):
        t = threats[q]
        for i in range(n):
            v = threat[i, t]
            perceive[i] = v > 0 and v >= floor and not neutral[i]
        group = bloc_candidates(t, defends, main, free, reconsider, power, major, perceive, clients_on, least)[0]
        if group.shape[0] >= least:
            return q
    return threats.shape[0]


@njit(cache=True)
def bloc_scan(threats, start, defends, main, eligible, signed, reconsider, power, major, threat, floor, neutral, clients_on, least, reach, weight,
              goods, have, goods_terms, goods_in, shared, unit_cost, partners, autonomy, log1p_autonomy, burden, at_war, dispute, rivalry, distance_km,
              region_km, theatre_shares, ideal_distance, ideal_known, has_ideal, has_known, identity_limit, renounced, form_goods, form_commitment, form_protection,
              form_risk, w, beta, tau, phi, coord, form_entrap, iso_lazy, iso_h, iso_r, iso_target, iso_defends, iso_discount, iso_deterred,
              iso_keep):  # pragma: no cover (compiled)
    """The threats ``threats[start:]`` in turn, as :func:`foedus.sim.steps.blocs.blocs` weighs them, up to the first that founds a bloc.

    For each threat ``t``: the states that perceive it (``threat[:, t] > 0``, at least ``floor``, not ``neutral``: ``blocs._clients``),
    the candidates (:func:`bloc_candidates`, of the states ``eligible`` and not ``signed`` this year); a group of at least ``least``
    is weighed (``blocs._founding`` of ``blocs._forward``'s values less the pledges in force, reordered by the leader's value of
    its partners where it has one: :func:`forward_values`, :func:`bloc_vetoes`, :func:`client_mask`, :func:`bloc_forms`).
    ``log1p_autonomy`` is numpy's ``log1p`` of ``autonomy`` (elementwise, the numbers of the blocks ``_founding`` took it of),
    ``partners`` (N + 1,) the base's ``max(s - 1, 0) ** e`` at each size.

    The year's goods (5, N, N) are computed pair by pair as the groups weighed read them: ``goods`` (5, N, N) holds them where
    ``have`` (N, N) is set, and the pairs of a group weighed are added to them
    (:func:`foedus.theory.obligations_kernels.goods_pairs` of ``goods_terms``, its row terms, and ``goods_in``,
    :func:`foedus.theory.obligations.goods_inputs`: the numbers :func:`foedus.theory.obligations.obligation_goods` gives them). With
    ``iso_lazy``, ``goods_in``'s isolation (N, N) is written here for those pairs first (:func:`foedus.sim.steps.blocs_isolation.isolation_pairs`, of the
    year's hostility, reach, offence targets and pledges of defence as ``blocs._iso_source`` gives them).

    Returns (position, status, group, adversary bloc, sharing, branch, asked, forward (K, K), form position, members, gains, and the
    chosen form's pledge, base, autonomy and defending terms, the capabilities and the clients): status 0 when no threat from
    ``start`` founds one, 2 at a founding, 3 at one weighed again without the theatre (:mod:`.blocs_theatre`: its superpower declined;
    ``theatre_shares`` (N,) the share each state asks as leader, :func:`.blocs_theatre.leader_shares`).
    """
    n = main.shape[0]
    free = np.empty(n, np.bool_)
    for i in range(n):
        free[i] = eligible[i] and not signed[i]
    perceive = np.empty(n, np.bool_)
    e2 = np.zeros((0, 0))
    e1 = np.zeros(0)
    eb = np.zeros(0, np.bool_)
    for q in range(start, threats.shape[0]):
        t = threats[q]
        for i in range(n):
            v = threat[i, t]
            perceive[i] = v > 0 and v >= floor and not neutral[i]
        group, bloc, sharing, branch, asked = bloc_candidates(t, defends, main, free, reconsider, power, major, perceive, clients_on, least)
        k = group.shape[0]
        if k < least:
            continue
        shares = np.empty(k, np.bool_)
        for a in range(k):
            shares[a] = sharing[group[a]]
        fwd = forward_values(reach, power, major, group, shares, t, weight)
        lead = False
        for a in range(k):
            for b in range(k):
                fwd[a, b] = fwd[a, b] * (0.0 if defends[group[a], group[b]] else 1.0)  # a pledge it already has is no new value
            if fwd[0, a] != 0.0:
                lead = True
        if lead:  # a great power leads: it chooses its region, so its partners come in the order of its value of them
            order = _lead_order(fwd)
            moved = np.empty((k, k))
            regroup = np.empty(k, np.int64)
            for a in range(k):
                regroup[a] = group[order[a]]
                for b in range(k):
                    moved[a, b] = fwd[order[a], order[b]]
            fwd = moved
            group = regroup
        unit_partners = np.empty((k, k + 1))
        aut = np.empty((k, k))
        log_aut = np.empty((k, k))
        bur = np.empty((k, k))
        pw = np.empty(k)
        for a in range(k):
            i = group[a]
            for c in range(k + 1):
                unit_partners[a, c] = unit_cost[i] * partners[c]
            for b in range(k):
                aut[a, b] = autonomy[i, group[b]]
                log_aut[a, b] = log1p_autonomy[i, group[b]]
                bur[a, b] = burden[i, group[b]]
            v = power[i]
            pw[a] = v if (v > 1e-12 or np.isnan(v)) else 1e-12
        theatre = theatre_of(group, t, reach, power, theatre_shares)
        veto = bloc_vetoes(group, at_war, dispute, main, rivalry, distance_km, region_km, major, ideal_distance, ideal_known, has_ideal, has_known,
                           identity_limit, renounced, theatre)
        if _kept(veto).sum() < least:  # the exclusion of every form's founding leaves too few: no form founds, none is weighed
            continue
        clients = client_mask(group, defends, major)
        gi = goods_in
        if iso_lazy:
            _isolation_pairs(group, have, iso_h, iso_r, iso_target, iso_defends, iso_discount, iso_deterred, iso_keep, gi[8])
        goods_pairs(group, goods, have, goods_terms[0], goods_terms[1], goods_terms[2], gi[0], gi[1], gi[2], gi[3], gi[4], gi[5], gi[6], gi[7], gi[8],
                    gi[9], gi[10], gi[11], gi[12], gi[13], gi[14], gi[15], gi[16], gi[17])
        x, members, gain, pledge, base, aut_x, dfd = bloc_forms_kept(goods, shared, group, unit_partners, aut, log_aut, bur, veto, pw, fwd, form_goods,
                                                                    form_commitment, form_protection, form_risk, w, beta, tau, phi, coord, least, clients,
                                                                    form_entrap)
        again = x >= 0 and not members[0] and theatre.any()  # its great power declines: no theatre it leads, each pair held to the region
        if again:
            veto = bloc_vetoes(group, at_war, dispute, main, rivalry, distance_km, region_km, major, ideal_distance, ideal_known, has_ideal,
                               has_known, identity_limit, renounced, np.zeros(k, np.bool_))
            x, members, gain, pledge, base, aut_x, dfd = bloc_forms_kept(goods, shared, group, unit_partners, aut, log_aut, bur, veto, pw, fwd,
                                                                        form_goods, form_commitment, form_protection, form_risk, w, beta, tau,
                                                                        phi, coord, least, clients, form_entrap)
        if x >= 0:
            return q, 3 if again else 2, group, bloc, sharing, branch, asked, fwd, x, members, gain, pledge, base, aut_x, dfd, pw, clients
    return threats.shape[0], 0, np.zeros(0, np.int64), eb, eb, False, eb, e2, -1, eb, e1, e2, e2, e2, e2, e1, eb
