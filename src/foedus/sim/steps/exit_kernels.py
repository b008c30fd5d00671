"""The compiled kernels of the year's exits from alliances (the alignment step's :func:`foedus.sim.steps.alignment._exits`).

Moved from :mod:`foedus.sim.steps.alignment_kernels` (which re-exports them) when that module passed 600 lines: each is the
same code, held to the theory functions it composes by the tests of ``tests/sim/test_alignment_kernels.py``.

- :func:`membership_values`: each member's value of staying in each alliance it belongs to;
- :func:`exit_terms`: each membership's terms of the exit decision (its strongest partner, the cost's base, the burden);
- :func:`exit_draws`: the cost of staying and the probability of leaving (:func:`foedus.theory.obligations.commitment_cost`);
- :func:`leavers`: the exits drawn, with the alliances they leave too small to stand.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.membership import _members_by_state


@njit(cache=True)
def membership_values(m, slots, entry, year, goods, alliance_goods, i_out, a_out, stay):  # pragma: no cover (compiled)
    """Memberships of the alliances ``slots`` entered before ``year`` and what each is worth: how many (written to the outputs).

    Ordered by state, then alliance (as :func:`foedus.sim.membership.member_values`): ``i_out``
    the member, ``a_out`` the alliance's position, ``stay`` the goods the alliance provides,
    summed over its members ``j`` (``acc_g = sum_j goods[g, i, j]`` in member order) and over the
    goods as ``_membership_values`` adds them: ``acc_0 * provides_0``, then ``+ acc_g * provides_g``.
    """
    n = m.shape[1]
    n_a = slots.shape[0]
    n_goods = goods.shape[0]
    count, lists, per_state = _members_by_state(m, slots, entry, year)  # the counting sort's prologue, shared with member_values
    pos = per_state[:n].copy()
    for r in range(n_a):
        a = slots[r]
        for q in range(count[r]):
            i = lists[r, q]
            if entry[a, i] >= year:
                continue
            total = 0.0
            for g in range(n_goods):
                acc = 0.0
                for q2 in range(count[r]):
                    acc += goods[g, i, lists[r, q2]]
                provided = 1.0 if alliance_goods[r, g] else 0.0
                total = acc * provided if g == 0 else total + acc * provided
            k = pos[i]
            i_out[k] = i
            a_out[k] = r
            stay[k] = total
            pos[i] += 1
    return per_state[n]


@njit(cache=True)
def leavers(stay, cost, draw, exit_p, a_idx, alliances, size):  # pragma: no cover (compiled)
    """Positions ``k`` with ``stay[k] < cost[k]`` and ``draw[k] < exit_p[k]`` (in order), and the
    alliances (in slot order) that these exits leave with fewer than two of their ``size`` members."""
    m = stay.shape[0]
    go = np.empty(m, np.int64)
    left = np.zeros(alliances.shape[0], np.int64)
    c = 0
    for k in range(m):
        if stay[k] < cost[k] and draw[k] < exit_p[k]:
            go[c] = k
            c += 1
            left[a_idx[k]] += 1
    g = 0
    gone = np.empty(alliances.shape[0], np.int64)
    for a in range(alliances.shape[0]):
        if left[a] > 0 and size[a] - left[a] < 2:
            gone[g] = alliances[a]
            g += 1
    return go[:c], gone[:g]


@njit(cache=True)
def exit_terms(i_idx, a_idx, stay, slots, value_start, top1, top2, unit_cost, entrapment, alliance_goods, shares, institutionalised, keep,
               commitment, autonomy, burden, exit_threshold, exit_rate, institution_protection):  # pragma: no cover (compiled)
    """The terms of each membership ``k`` (member ``i_idx[k]`` of the view's alliance ``a_idx[k]``, slot ``slots[k]``) that
    ``alignment._exits`` weighs, as its numpy code evaluated them: (start, partner, base, da, b, s, rate) (M,).

    ``start`` the value at entry (``value_start``, written there from ``stay`` where still NaN: the first reassessment);
    ``partner`` the alliance's strongest other member (``top1``/``top2``); ``base`` ``exit_threshold * unit_cost[i] * (1 +
    entrapment[i])``; ``da`` the autonomy change ``autonomy[i, partner] * (protect * keep[a])`` and ``b`` the burden
    ``burden[i, partner] * (protect * shares[a, i])`` of :func:`foedus.sim.steps.formation.pact_cost` (``protect`` 1.0 where the
    alliance provides protection); ``s`` its commitment; ``rate`` ``exit_rate * (1 - institution_protection * institutionalised /
    2)``. The logarithm of ``da`` is numpy's (:func:`exit_draws` takes it)."""
    m = i_idx.shape[0]
    start = np.empty(m)
    partner = np.empty(m, np.int64)
    base = np.empty(m)
    da = np.empty(m)
    b = np.empty(m)
    s = np.empty(m)
    rate = np.empty(m)
    for k in range(m):
        i = i_idx[k]
        a = a_idx[k]
        sl = slots[k]
        v0 = value_start[sl, i]
        if np.isnan(v0):
            v0 = stay[k]
            value_start[sl, i] = v0
        start[k] = v0
        q = top2[a] if i == top1[a] else top1[a]
        partner[k] = q
        base[k] = exit_threshold * unit_cost[i] * (1.0 + entrapment[i])
        protect = 1.0 if alliance_goods[a, 0] else 0.0
        da[k] = autonomy[i, q] * (protect * keep[a])
        b[k] = burden[i, q] * (protect * shares[a, i])
        s[k] = commitment[a]
        rate[k] = exit_rate * (1.0 - institution_protection * institutionalised[sl] / 2.0)
    return start, partner, base, da, b, s, rate


@njit(cache=True)
def exit_draws(stay, start, base, da_log1p, b, s, rate, general, a_idx, w, beta, abrogation_cost):  # pragma: no cover (compiled)
    """Each membership's cost of staying, the value it keeps and its exit probability (cost, kept, exit_p (M,)), in the order of
    operations of the theory functions ``alignment._exits`` composes: :func:`foedus.theory.obligations.commitment_cost` without a
    signature (``0 + s * (base + beta * b - w * log1p(da))``), :func:`foedus.theory.integration.retained_value` (``v + A_g max(v0 -
    v, 0)``) and ``rate`` times :func:`foedus.theory.obligations.inertia_exit_probability` at rate 1 (``1 [v + a < c] clip((v0 - v) /
    max(|v0|, |c|), 0, 1)``, 0 where that scale is not above 0), NaN propagated as numpy's maximum and clip do."""
    m = stay.shape[0]
    cost = np.empty(m)
    kept = np.empty(m)
    exit_p = np.empty(m)
    for k in range(m):
        c = 0.0 + s[k] * (base[k] + beta * b[k] - w * da_log1p[k])
        v0 = start[k]
        d = v0 - stay[k]
        v = stay[k] + general[a_idx[k]] * (d if (d >= 0.0 or np.isnan(d)) else 0.0)
        sa = abs(v0)
        sb = abs(c)
        scale = sa if (sa >= sb or np.isnan(sa)) else sb
        fall = (v0 - v) / scale if scale > 0 else 0.0
        if not np.isnan(fall):
            fall = 0.0 if fall < 0.0 else (1.0 if fall > 1.0 else fall)  # noqa: FURB136 (np.clip's branches, written out)
        cost[k] = c
        kept[k] = v
        exit_p[k] = rate[k] * ((1.0 if v + abrogation_cost < c else 0.0) * fall)
    return cost, kept, exit_p
