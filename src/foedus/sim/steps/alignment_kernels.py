"""Compiled passes of the alignment step (:mod:`foedus.sim.steps.alignment`): the same numbers, without the (F, R, N) arrays.

Each year the alignment step weighs, for every state that reconsiders, every form of new pact
with every partner (six forms by some 200 states), each against the partner's consent; numpy did
that in some hundred passes over (F, R, N) arrays. The kernels here do it in one pass each, element by element, and
evaluate the step's formulas in the order of operations of their theory functions, so the
results are the same to the bit (``tests/sim/test_alignment_kernels.py`` proves each kernel
equal to the numpy code it replaces and to the theory functions, and to ``pact_cost`` on a
simulated world: a change to the cost rule in :mod:`foedus.theory.obligations` or
:mod:`foedus.sim.steps.formation` fails there until the kernels follow it). The formulas they evaluate:

- the one cost rule of a commitment, :func:`foedus.theory.obligations.commitment_cost` as
  :func:`foedus.sim.steps.formation.pact_cost` calls it: ``tau + s * (c + beta * B * risk - theta *
  log1p(da * protection))``, with ``log1p`` of the pair's autonomy change computed by numpy
  beforehand (``log1p_autonomy``; a protection of 0 makes ``log1p(+-0) = +-0``), so no
  logarithm is evaluated here (the compiled and numpy ones may differ in the last bit);
- a pact's value to a side, the goods of its form that the pair's pacts do not already
  provide (the sum of :func:`foedus.sim.steps.alignment._choose`'s einsum, a form provides at
  most two goods).

The members' vote on an accession is compiled in :mod:`foedus.sim.steps.accession_kernels`.

The kernels:

- :func:`best_pairs`: each reconsidering state's best new pact (form and partner) by net value
  among those the partner would sign (the pair block of ``_choose``; ties to the first, as
  ``argmax``);
- :func:`best_forms_by_partner`: the best form with every partner (the further pacts of
  ``_choose`` when ``pacts_per_year`` > 1);
- :func:`pair_options`: both of these in one pass over the options (what ``_choose`` runs when ``pacts_per_year`` > 1);
- :func:`shared_terms`: the strongest commitment two states share and the goods their pacts
  provide them (``_Alliances``; :func:`foedus.sim.membership.pair_max` of each);
- the exits' kernels (:func:`membership_values`, :func:`exit_terms`, :func:`exit_draws`, :func:`leavers`) are in
  :mod:`foedus.sim.steps.exit_kernels`, re-exported here.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.membership import _members_of
from foedus.sim.steps.exit_kernels import (
    exit_draws,
    exit_terms,
    leavers,
    membership_values,
)
from foedus.theory import reassurance as th_reassure
from foedus.theory.pledge_kernels import _top_two

__all__ = [
    "add_scaled", "best_forms_by_partner", "best_pairs", "credible_terms", "defence_pairs", "exit_draws", "exit_terms", "in_system_scaled",
    "join_protection", "leavers", "membership_values", "pair_options", "pair_shares", "pledge_goods", "shared_terms",
]


@njit(cache=True, inline="always")
def _cost(base, s, a, lg, b, protection, risk, w, beta, tau):  # pragma: no cover (compiled)
    """:func:`foedus.theory.obligations.commitment_cost` of one commitment, in its order of operations.

    ``a`` the autonomy change, ``lg`` its ``log1p`` (used when ``protection`` is 1; 0 or 1 only),
    ``b`` the burden; ``pact_cost`` passes ``autonomy * protection`` and ``burden * risk``."""
    da = a * protection
    l1p = lg if protection == 1.0 else da  # log1p(+-0) is +-0
    return tau + s * (base + beta * (b * risk) - w * l1p)


@njit(cache=True, inline="always")
def _pair_value(goods, shared_goods, form_goods, f, i, j, p, q):  # pragma: no cover (compiled)
    """Sum over goods g, from 0.0 in order of g, of ``form_goods[f, g] * (goods[g, i, j] * fresh)``, fresh 0.0 where
    ``shared_goods[g, p, q]`` (the pair's pacts provide g already) and 1.0 elsewhere (``_choose``'s einsum)."""
    v = 0.0
    for g in range(goods.shape[0]):
        v += form_goods[f, g] * (goods[g, i, j] * (0.0 if shared_goods[g, p, q] else 1.0))
    return v


@njit(cache=True, inline="always")
def _fresh(goods, shared_goods, i, j, g_i, g_j):  # pragma: no cover (compiled)
    """The goods of the pair ``(i, j)`` that their pacts do not provide yet: ``g_i[g]`` to ``i``, ``g_j[g]`` to ``j`` (n_goods,): the
    part of each option :func:`_form_bests` (for :func:`best_pairs`) and :func:`best_forms_by_partner` share. The partner's
    consent and the net value stay written out in each: a shared helper for them (inlined or not, returning the option or only
    the partner's consent) made both passes four times slower (2.1 -> 8-10 ms at 200 states, measured), so only this part is one."""
    for g in range(goods.shape[0]):
        fr = 0.0 if shared_goods[g, i, j] else 1.0
        g_i[g] = goods[g, i, j] * fr
        g_j[g] = goods[g, j, i] * fr


@njit(cache=True, inline="always")
def _form_bests(i, f_j, f_net, f_nan, g_i, g_j, goods, shared_goods, shared_commitment, unit_cost, autonomy, log1p_autonomy, burden, at_war,
                active, form_goods, form_commitment, form_protection, form_risk, w, beta, tau, barred, fe):  # pragma: no cover (compiled)
    """State ``i``'s best partner for each form, written to ``f_j`` (the first partner of the largest net value, or of the
    first NaN), ``f_net`` (``-inf``: no partner would sign) and ``f_nan`` (F,); ``g_i``, ``g_j`` are scratch (n_goods,)."""
    n = goods.shape[1]
    f_count = form_goods.shape[0]
    n_goods = goods.shape[0]
    f_j[:] = 0
    f_net[:] = -np.inf
    f_nan[:] = False
    for j in range(n):
        if j == i or at_war[i, j] or not active[j]:
            continue
        _fresh(goods, shared_goods, i, j, g_i, g_j)
        for f in range(f_count):
            s = form_commitment[f]
            if f_nan[f] or not (s > shared_commitment[i, j]):
                continue
            if (form_goods[f, 0] != 0.0 or form_goods[f, 4] != 0.0) and (barred[i] or barred[j]):  # permanent neutrality: no defence or offence pledge (neutrality_bars)
                continue
            pv = 0.0
            for g in range(n_goods):
                pv += form_goods[f, g] * g_j[g]
            if not (pv > _cost(unit_cost[j] * fe[f], s, autonomy[j, i], log1p_autonomy[j, i], burden[j, i], form_protection[f], form_risk[f], w, beta, tau)):
                continue
            v = 0.0
            for g in range(n_goods):
                v += form_goods[f, g] * g_i[g]
            net = v - _cost(unit_cost[i] * fe[f], s, autonomy[i, j], log1p_autonomy[i, j], burden[i, j], form_protection[f], form_risk[f], w, beta, tau)
            if np.isnan(net):  # np.argmax stops at the first NaN
                f_j[f], f_net[f], f_nan[f] = j, net, True
            elif net > f_net[f]:
                f_j[f], f_net[f] = j, net


@njit(cache=True)
def _take_best(r, i, n, f_j, f_net, f_nan, best, best_net, best_value, best_cost, goods, shared_goods, unit_cost, autonomy, log1p_autonomy,
               burden, form_goods, form_commitment, form_protection, form_risk, w, beta, tau, fe):  # pragma: no cover (compiled)
    """Row ``r`` (state ``i``) of :func:`best_pairs` from its best partner per form: the first maximum over the flat index
    ``f * N + j`` (``np.argmax``; a NaN first), its net, value and cost."""
    b_f = 0
    for f in range(f_j.shape[0]):
        if f_nan[f]:
            b_f = f
            break
        if f_net[f] > f_net[b_f]:
            b_f = f
    f = b_f
    j = f_j[f]
    best[r] = f * n + j
    best_net[r] = f_net[f]
    best_value[r] = _pair_value(goods, shared_goods, form_goods, f, i, j, i, j)
    best_cost[r] = _cost(unit_cost[i] * fe[f], form_commitment[f], autonomy[i, j], log1p_autonomy[i, j], burden[i, j], form_protection[f], form_risk[f], w, beta, tau)


@njit(cache=True)
def best_pairs(rows, goods, shared_goods, shared_commitment, unit_cost, autonomy, log1p_autonomy, burden, at_war, active,
               form_goods, form_commitment, form_protection, form_risk, w, beta, tau, barred, form_entrap=None):  # pragma: no cover (compiled)
    """Each state ``rows[r]``'s best new pact: (best (R,) flat index ``f * N + j``, net, value, cost (R,) float).

    For form ``f`` and partner ``j``: value ``V = sum_g form_goods[f, g] goods[g, i, j] [g not shared]``,
    cost ``C`` the commitment cost with base ``unit_cost[i]``; the option is open when ``j != i``,
    ``i`` is not at war with ``j``, ``j`` is active, ``form_commitment[f] > shared_commitment[i, j]``
    and the partner gains (its value, goods ``goods[g, j, i]`` not shared, above its own cost with
    base ``unit_cost[j]``), and neither side is ``barred`` (N,) from a form that pledges to fight
    (protection or aggrandisement in ``form_goods[f]``, whatever its ``form_risk[f]``: :func:`foedus.theory.alignment.neutrality_bars`, permanent neutrality); its net value is ``V - C`` (else ``-inf``).
    ``form_entrap`` (F,): the share of the base cost each form carries (:func:`foedus.theory.obligations.entrapment_share`;
    None: all of it). ``best`` is the first
    maximum over ``f * N + j`` (``np.argmax``: a NaN is a maximum); value and cost are those of
    the best index, open or not.
    """
    r_count = rows.shape[0]
    n = goods.shape[1]
    f_count = form_goods.shape[0]
    fe = np.ones(f_count) if form_entrap is None else form_entrap
    n_goods = goods.shape[0]
    best = np.zeros(r_count, np.int64)
    best_net = np.empty(r_count)
    best_value = np.empty(r_count)
    best_cost = np.empty(r_count)
    g_i = np.empty(n_goods)  # the goods of the pair to i, and to its partner, that their pacts do not provide yet
    g_j = np.empty(n_goods)
    f_j = np.zeros(f_count, np.int64)  # per form: the first partner of the largest net value (or of the first NaN)
    f_net = np.empty(f_count)
    f_nan = np.zeros(f_count, np.bool_)
    for r in range(r_count):
        i = rows[r]
        _form_bests(i, f_j, f_net, f_nan, g_i, g_j, goods, shared_goods, shared_commitment, unit_cost, autonomy, log1p_autonomy, burden,
                    at_war, active, form_goods, form_commitment, form_protection, form_risk, w, beta, tau, barred, fe)
        _take_best(r, i, n, f_j, f_net, f_nan, best, best_net, best_value, best_cost, goods, shared_goods, unit_cost, autonomy, log1p_autonomy,
                   burden, form_goods, form_commitment, form_protection, form_risk, w, beta, tau, fe)
    return best, best_net, best_value, best_cost


@njit(cache=True)
def best_forms_by_partner(rows, goods, shared_goods, shared_commitment, unit_cost, autonomy, log1p_autonomy, burden, at_war, active,
                          form_goods, form_commitment, form_protection, form_risk, w, beta, tau, barred, form_entrap=None):  # pragma: no cover (compiled)
    """Each state ``rows[r]``'s best pact with every partner: (form (R, N) int, net, value, cost (R, N) float).

    The options and their rule are those of :func:`best_pairs`, the maximum taken over the forms
    for each partner ``j`` (the first form of the largest net value; a NaN net is no option; ``barred`` as there):
    ``net`` is ``-inf`` where ``j`` would sign no pact (or is ``i``, at war with it, or outside the
    system), ``form`` 0 there; value and cost are those of the best form (0 where none).
    """
    r_count = rows.shape[0]
    n = goods.shape[1]
    f_count = form_goods.shape[0]
    fe = np.ones(f_count) if form_entrap is None else form_entrap
    n_goods = goods.shape[0]
    forms = np.zeros((r_count, n), np.int64)
    nets = np.full((r_count, n), -np.inf)
    values = np.zeros((r_count, n))
    costs = np.zeros((r_count, n))
    g_i = np.empty(n_goods)
    g_j = np.empty(n_goods)
    for r in range(r_count):
        i = rows[r]
        for j in range(n):
            if j == i or at_war[i, j] or not active[j]:
                continue
            _fresh(goods, shared_goods, i, j, g_i, g_j)
            for f in range(f_count):
                s = form_commitment[f]
                if not (s > shared_commitment[i, j]):
                    continue
                if (form_goods[f, 0] != 0.0 or form_goods[f, 4] != 0.0) and (barred[i] or barred[j]):  # permanent neutrality (as best_pairs)
                    continue
                pv = 0.0
                for g in range(n_goods):
                    pv += form_goods[f, g] * g_j[g]
                if not (pv > _cost(unit_cost[j] * fe[f], s, autonomy[j, i], log1p_autonomy[j, i], burden[j, i], form_protection[f], form_risk[f], w, beta, tau)):
                    continue
                v = 0.0
                for g in range(n_goods):
                    v += form_goods[f, g] * g_i[g]
                c = _cost(unit_cost[i] * fe[f], s, autonomy[i, j], log1p_autonomy[i, j], burden[i, j], form_protection[f], form_risk[f], w, beta, tau)
                if v - c > nets[r, j]:
                    forms[r, j], nets[r, j], values[r, j], costs[r, j] = f, v - c, v, c
    return forms, nets, values, costs


@njit(cache=True)
def pair_options(rows, goods, shared_goods, shared_commitment, unit_cost, autonomy, log1p_autonomy, burden, at_war, active,
                 form_goods, form_commitment, form_protection, form_risk, w, beta, tau, barred, form_entrap=None):  # pragma: no cover (compiled)
    """:func:`best_pairs` and :func:`best_forms_by_partner` of the same arguments in one pass over the options:
    (best, net, value, cost (R,), form, nets, values, costs (R, N)), each the same to the bit as the kernel's.

    The two visit the same options (every form with every partner) and evaluate the same values and costs; the step asks
    for both when a state may pursue several pacts (``pacts_per_year`` > 1), so each option is evaluated once for both."""
    r_count = rows.shape[0]
    n = goods.shape[1]
    f_count = form_goods.shape[0]
    fe = np.ones(f_count) if form_entrap is None else form_entrap
    n_goods = goods.shape[0]
    best = np.zeros(r_count, np.int64)
    best_net = np.empty(r_count)
    best_value = np.empty(r_count)
    best_cost = np.empty(r_count)
    forms = np.zeros((r_count, n), np.int64)
    nets = np.full((r_count, n), -np.inf)
    values = np.zeros((r_count, n))
    costs = np.zeros((r_count, n))
    g_i = np.empty(n_goods)
    g_j = np.empty(n_goods)
    f_j = np.zeros(f_count, np.int64)
    f_net = np.empty(f_count)
    f_nan = np.zeros(f_count, np.bool_)
    for r in range(r_count):
        i = rows[r]
        f_j[:] = 0
        f_net[:] = -np.inf
        f_nan[:] = False
        u_i, barred_i = unit_cost[i], barred[i]
        for j in range(n):
            if j == i or at_war[i, j] or not active[j]:
                continue
            _fresh(goods, shared_goods, i, j, g_i, g_j)
            # the pair's terms read once (the same values each form reads; the stores below kept them from being hoisted)
            shared_ij, barred_ij = shared_commitment[i, j], barred_i or barred[j]
            u_j, a_ji, l_ji, b_ji = unit_cost[j], autonomy[j, i], log1p_autonomy[j, i], burden[j, i]
            a_ij, l_ij, b_ij = autonomy[i, j], log1p_autonomy[i, j], burden[i, j]
            for f in range(f_count):
                s = form_commitment[f]
                if not (s > shared_ij):
                    continue
                if (form_goods[f, 0] != 0.0 or form_goods[f, 4] != 0.0) and barred_ij:  # permanent neutrality (neutrality_bars)
                    continue
                pv = 0.0
                for g in range(n_goods):
                    pv += form_goods[f, g] * g_j[g]
                if not (pv > _cost(u_j * fe[f], s, a_ji, l_ji, b_ji, form_protection[f], form_risk[f], w, beta, tau)):
                    continue
                v = 0.0
                for g in range(n_goods):
                    v += form_goods[f, g] * g_i[g]
                c = _cost(u_i * fe[f], s, a_ij, l_ij, b_ij, form_protection[f], form_risk[f], w, beta, tau)
                net = v - c
                if not f_nan[f]:  # best_pairs' form-by-form maximum (_form_bests): the first NaN stops it
                    if np.isnan(net):
                        f_j[f], f_net[f], f_nan[f] = j, net, True
                    elif net > f_net[f]:
                        f_j[f], f_net[f] = j, net
                if net > nets[r, j]:  # best_forms_by_partner's maximum over the forms (a NaN is no option)
                    forms[r, j], nets[r, j], values[r, j], costs[r, j] = f, net, v, c
        _take_best(r, i, n, f_j, f_net, f_nan, best, best_net, best_value, best_cost, goods, shared_goods, unit_cost, autonomy, log1p_autonomy,
                   burden, form_goods, form_commitment, form_protection, form_risk, w, beta, tau, fe)
    return best, best_net, best_value, best_cost, forms, nets, values, costs


@njit(cache=True)
def shared_terms(members, commitment, alliance_goods, shared_commitment, shared_goods):  # pragma: no cover (compiled)
    """Fill ``shared_commitment[i, j]`` (the largest ``commitment[a]`` over alliances both belong to, 0 if none) and
    ``shared_goods[g, i, j]`` (whether one of them provides good g), diagonals left as they are (0, False).

    Each pair of an alliance is visited once (both orders written), and only the goods the alliance provides: a
    maximum and an "or" do not depend on the order of the visits, so the result is that of every ordered pair."""
    n_a, n = members.shape
    n_goods = alliance_goods.shape[1]
    idx = np.empty(n, np.int64)
    provided = np.empty(n_goods, np.int64)
    for a in range(n_a):
        k = _members_of(members, a, idx)
        v = commitment[a]
        n_p = 0
        for g in range(n_goods):
            if alliance_goods[a, g]:
                provided[n_p] = g
                n_p += 1
        for p in range(k):
            i = idx[p]
            for q in range(p + 1, k):
                j = idx[q]
                if v > shared_commitment[i, j]:  # noqa: PLR1730 (pair_max's rule)
                    shared_commitment[i, j] = v
                if v > shared_commitment[j, i]:  # noqa: PLR1730
                    shared_commitment[j, i] = v
                for t in range(n_p):
                    g = provided[t]
                    shared_goods[g, i, j] = True
                    shared_goods[g, j, i] = True


@njit(cache=True)
def add_scaled(x, k, y):  # pragma: no cover (compiled)
    """``x += k * y`` of (N, N) float arrays in place, in one pass: each entry ``x + (k * y)``, numpy's two operations in its order
    (no temporary (N, N) array; the same bits). A NaN ``x`` stays itself, as numpy's sum keeps its first operand's NaN where both
    are NaN (the compiled sum may take its operands the other way round)."""
    n, m = x.shape
    for i in range(n):
        for j in range(m):
            xi = x[i, j]
            if not np.isnan(xi):
                x[i, j] = xi + k * y[i, j]


@njit(cache=True)
def in_system_scaled(x, w, active):  # pragma: no cover (compiled)
    """``(w * x) * (active[:, None] & active[None, :])`` of an (N, N) float array, in place, in one pass: each entry ``w * x`` times
    1.0 or 0.0 (numpy's product by a boolean array), so the same bits, signed zeros and NaN included."""
    n, m = x.shape
    for i in range(n):
        ai = active[i]
        for j in range(m):
            x[i, j] = (w * x[i, j]) * (1.0 if (ai and active[j]) else 0.0)


@njit(cache=True)
def pair_shares(power):  # pragma: no cover (compiled)
    """(N, N) :func:`foedus.theory.consent.pair_burden_shares` of ``power`` (N,) in one pass: ``p_i / (p_i + p_j)``, 1 / 2 where the
    pair has no power (:func:`~foedus.theory.consent.newcomer_share` of an alliance of one: ``1 / (1 + 1)``), the same operations
    element by element (one sum, one division), so the same bits (``tests/sim/test_alignment_kernels.py``). No validation: the
    engine's own capabilities (a run that checks its inputs calls the theory function)."""
    n = power.shape[0]
    out = np.empty((n, n))
    for i in range(n):
        pi = power[i]
        for j in range(n):
            tot = pi + power[j]
            out[i, j] = pi / tot if tot > 0 else 0.5
    return out


@njit(cache=True)
def defence_pairs(members, defence):  # pragma: no cover (compiled)
    """(N, N) bool: ``[j, k]`` True where ``j != k`` are members of one alliance (row of ``members`` (A, N) bool) with ``defence[a]``
    (:func:`foedus.sim.steps.formation.defence_pledges`: the product of the membership matrix with itself above 0, diagonal False)."""
    n_a, n = members.shape
    out = np.zeros((n, n), np.bool_)
    idx = np.empty(n, np.int64)
    for a in range(n_a):
        if not defence[a]:
            continue
        k = _members_of(members, a, idx)
        for p in range(k):
            for q in range(k):
                if p != q:
                    out[idx[p], idx[q]] = True
    return out


@njit(cache=True)
def join_protection(u, fight, has_fight, out):  # pragma: no cover (compiled)
    """Into ``out`` (N, N): :func:`foedus.sim.steps.formation.credible_protection` of the motives of joining
    (:func:`foedus.theory.alignment.accession_motives` of ``u`` (4, N, N): the tethering motive 0.0) at the fighting credibility
    ``fight`` (N, N; ``has_fight`` False: none, the plain sum), entry by entry in numpy's order: ``u.sum(axis=0)`` adds the
    motives in turn to 0.0 (so a -0.0 sum is 0.0), ``_kept`` is ``u[bandwagon] + u[tether]`` and
    :func:`foedus.theory.reassurance.credible_pledges` ``c * (p - k) + k``."""
    n = u.shape[1]
    for i in range(n):
        for j in range(n):
            t = (((0.0 + u[0, i, j]) + u[1, i, j]) + u[2, i, j]) + 0.0
            if has_fight:
                k = u[2, i, j] + 0.0
                out[i, j] = fight[i, j] * (t - k) + k
            else:
                out[i, j] = t


@njit(cache=True)
def pledge_goods(goods, cred, scale, u, fight, has_fight, unread, has_unread, unread_cred):  # pragma: no cover (compiled)
    """:func:`foedus.sim.steps.formation.credible_goods`' elementwise terms in place, entry by entry in its order and numpy's
    operations: the reassurance times the credibility ``cred`` (where ``scale``); the protection and aggrandisement at the
    fighting credibility ``fight`` (:func:`foedus.theory.reassurance.credible_pledges` ``c * (p - k) + k`` and ``c * a``, with
    ``k = u[bandwagon] + u[tether]``; where ``has_fight``); the abstention plus ``unread`` times the credibility (``unread_cred``)
    or times 1.0 (where ``has_unread``)."""
    n = goods.shape[1]
    for i in range(n):
        for j in range(n):
            if scale:
                goods[1, i, j] = goods[1, i, j] * cred[i, j]
            if has_fight:
                c = fight[i, j]
                k = u[2, i, j] + u[3, i, j]
                goods[0, i, j] = c * (goods[0, i, j] - k) + k
                goods[4, i, j] = c * goods[4, i, j]
            if has_unread:
                goods[2, i, j] = goods[2, i, j] + unread[i, j] * (cred[i, j] if unread_cred else 1.0)


def credible_terms(goods, cred, scale, u, fight, unread, *, check: bool):
    """The rest of :func:`foedus.sim.steps.formation.credible_goods` on ``goods`` (5, N, N; in place, returned): the reassurance
    times the credibility ``cred`` where ``scale``; with ``fight`` (None: every fighting pledge believed) the protection and
    aggrandisement by :func:`foedus.theory.reassurance.credible_pledges` (the part kept ``u[bandwagon] + u[tether]``); with
    ``unread`` (None: the term is off) the abstention plus ``unread`` times ``cred`` (or 1.0 where ``cred`` is None).
    In one compiled pass (:func:`pledge_goods`, to the bit), or by numpy and the theory function, which checks its inputs, where
    ``check``."""
    if check:
        if scale:
            goods[1] *= cred
        if fight is not None:
            goods[0], goods[4] = th_reassure.credible_pledges(goods[0], u[2] + u[3], goods[4], fight, check=True)
        if unread is not None:
            goods[2] += unread * (cred if cred is not None else 1.0)
        return goods
    none = np.zeros((1, 1))
    pledge_goods(goods, none if cred is None else cred, scale and cred is not None, none[None] if fight is None else u, none if fight is None else fight,
                 fight is not None, none if unread is None else unread, unread is not None, cred is not None)
    return goods


@njit(cache=True)
def intentions_terms(age, weight, t, r, prior, u_out, e_out):  # pragma: no cover (compiled)
    """:func:`foedus.theory.reassurance.intentions_uncertainty` of :func:`~foedus.theory.reassurance.relationship_age` and
    :func:`~foedus.theory.reassurance.expected_threat` (into ``u_out``, ``e_out``, (N, N)) from each state's own age ``age`` (N,) and
    its weight ``weight`` (N,), ``exp(-max(age, 0) / tau)`` computed by numpy: a pair's age is the younger side's (``np.minimum``,
    NaN first), so its weight is that side's, the same bits; the diagonal's age is ``inf`` (weight 0) and its expected threat 0.
    The expected threat ``(1 - u) T + (u pi) R`` in numpy's order of operations."""
    n = age.shape[0]
    for i in range(n):
        for j in range(n):
            if i == j:
                u_out[i, j] = 0.0
                e_out[i, j] = 0.0
                continue
            a, b = age[i], age[j]
            u = weight[i] if (a <= b or np.isnan(a)) else weight[j]
            u_out[i, j] = u
            e_out[i, j] = (1.0 - u) * t[i, j] + u * prior * r[i, j]


@njit(cache=True)
def unread_excluded(e, rows, cols, excl):  # pragma: no cover (compiled)
    """For each pair ``(rows[k], cols[k])`` the column whose war risk :func:`foedus.theory.pledge_kernels.unread_alignment` weighs
    (``excl``: the row's largest expected threat other than the partner, in the order of a stable sort; into ``excl``)."""
    n = e.shape[0]
    for k in range(rows.shape[0]):
        i, j = rows[k], cols[k]
        first, second = _top_two(e, i, n)
        excl[k] = second if j == first else first


@njit(cache=True)
def unread_pairs(e, r, p, u, pi, d, rows, cols, excl, w_at, out):  # pragma: no cover (compiled)
    """The entries ``(rows[k], cols[k])`` of :func:`foedus.theory.pledge_kernels.unread_alignment` (its ``_unread_kernel`` entry by
    entry, the same operations), with the war risk ``w_at[k]`` of the row and its column ``excl[k]`` (:func:`unread_excluded`)."""
    n = e.shape[0]
    for k in range(rows.shape[0]):
        i, j = rows[k], cols[k]
        if i == j:
            out[k] = 0.0
            continue
        first, second = _top_two(e, i, n)
        e1 = 0.0 if first == i else e[i, first]
        e2 = 0.0 if second == i else e[i, second]
        star = e2 if j == first else e1
        x = star + r[i, j]
        dx = x + p[i]
        hi = x / dx if dx > 0 else 0.0
        ds = star + p[i]
        lo = star / ds if ds > 0 else 0.0
        gain = hi - lo
        gain = gain if (gain >= 0.0 or np.isnan(gain)) else 0.0
        v = u[i, j] * pi * gain
        if d[j, excl[k]] and star > 0:
            v = 0.0
        out[k] = v * w_at[k]


@njit(cache=True)
def first_pairs(i, j, n):  # pragma: no cover (compiled)
    """The positions ``k`` (ascending) of the first occurrence of each unordered pair ``{i[k], j[k]}`` (``0 <= i, j < n``): the new
    pacts proposed from both sides (or twice) that form once, at the first proposal (``alignment._pairs``); the same array as
    ``np.sort(np.unique(np.minimum(i, j) * n + np.maximum(i, j), return_index=True)[1])`` without the sort (issue 16)."""
    seen = np.zeros(n * n, np.bool_)
    out = np.empty(len(i), np.intp)
    m = 0
    for k in range(len(i)):
        a, b = i[k], j[k]
        c = min(a, b) * n + max(a, b)
        if not seen[c]:
            seen[c] = True
            out[m] = k
            m += 1
    return out[:m]
