"""Compiled passes of the cyber step (:mod:`foedus.sim.steps.cyber`): the same formulas, fewer array passes.

Every formula here is one of :mod:`foedus.theory.cyber_trust`, evaluated element by element in
the order of operations of the theory function, with additions, subtractions, products,
quotients, ``abs`` and ``max`` only (no ``exp``/``log``, whose compiled and numpy versions may
differ in the last bit), so that each kernel gives the theory's numbers to the bit;
``tests/sim/test_cyber_kernels.py`` proves each one equal to its theory function. What they
save is the cost of some forty numpy calls on small arrays (66 states, thirty alignments) a year.

- :func:`sharing_terms`: what each state would gain by sharing in each cyber alignment
  (:func:`foedus.sim.steps.cyber._sharing_terms`): the benefit, the
  :func:`~foedus.theory.cyber_trust.sharing_value` and the
  :func:`~foedus.theory.cyber_trust.camp_distance`;
- :func:`consent_refusals`: the members' consent to candidates (:func:`foedus.sim.steps.cyber._consent`):
  :func:`~foedus.theory.cyber_trust.partner_reciprocity` times the member's group reciprocity,
  :func:`~foedus.theory.cyber_trust.sharing_value`, counted where negative;
- :func:`pair_scores`: the value of every pair of free states for a new bilateral cyber alignment
  (:func:`foedus.sim.steps.cyber._new_cyber_alignments`): :func:`~foedus.theory.cyber_trust.partner_reciprocity`,
  :func:`~foedus.theory.cyber_trust.sharing_value` and :func:`~foedus.theory.cyber_trust.camp_distance`,
  masked where either side would not gain or the pair is not of one camp.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["consent_refusals", "pair_scores", "sharing_terms"]


@njit(cache=True)
def consent_refusals(members, a_idx, c_idx, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):  # pragma: no cover (compiled)
    """For each (alignment row ``a_idx[q]``, candidate ``c_idx[q]``): how many members refuse (int64 (P,)).

    Member ``j`` of row ``a`` refuses when ``sharing_value(rho, b, vul[j]) < 0`` with
    ``rho = reciprocity[a, j] * partner_reciprocity(trust_in[j, c], access[a])`` and ``b`` its
    benefit with the candidate in: ``benefit[a, j]`` when ``with_cap`` is False (the candidate's
    capacity does not count), else ``salience * max(cap_sum[a] - cap[j] + cand_cap[c], 0) / size[a]``.
    """
    out = np.zeros(a_idx.shape[0], np.int64)
    n = members.shape[1]
    for q in range(a_idx.shape[0]):
        a = a_idx[q]
        c = c_idx[q]
        acc = access[a]
        k = 0
        for j in range(n):
            if not members[a, j]:
                continue
            rho = reciprocity[a, j] * (1.0 - acc * (1.0 - trust_in[j, c]))
            if with_cap:
                total = cap_sum[a] - cap[j] + cand_cap[c]
                b = salience * max(total, 0.0) / size[a]
            else:
                b = benefit[a, j]
            if rho * b - (1.0 - rho) * vul[j] < 0.0:
                k += 1
        out[q] = k
    return out


@njit(cache=True)
def pair_scores(trust, access, salience, cap, vul, regime, free, tolerance):  # pragma: no cover (compiled)
    """``[i, j]``: i's sharing value of a bilateral alignment with j, or ``-inf`` where the pair cannot form.

    The value is ``sharing_value(partner_reciprocity(trust[i, j], access), salience * cap[j], vul[i])``;
    the pair can form when both are free, ``i != j``, ``camp_distance = |regime[j] - regime[i]|``
    is at most ``tolerance`` and both values are positive.
    """
    n = trust.shape[0]
    value = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            belief = 1.0 - access * (1.0 - trust[i, j])
            value[i, j] = belief * (salience * cap[j]) - (1.0 - belief) * vul[i]
    score = np.full((n, n), -np.inf)
    for i in range(n):
        if not free[i]:
            continue
        for j in range(n):
            if j == i or not free[j]:
                continue
            if abs(regime[j] - regime[i]) <= tolerance and value[i, j] > 0.0 and value[j, i] > 0.0:
                score[i, j] = value[i, j]
    return score


@njit(cache=True)
def sharing_terms(members, size, cap, cap_sum, salience, reciprocity, vul, regime, camp_of):  # pragma: no cover (compiled)
    """``benefit``, ``value`` and ``camp`` (A, N) of every state in every cyber alignment.

    ``benefit[a, i] = salience * (cap_sum[a] - m_ai * cap[i]) / (size[a] - m_ai)`` (the mean
    capacity of the other member states; 0 without one), ``value = sharing_value(reciprocity,
    benefit, vul[i])`` and ``camp = camp_distance(regime[i], camp_of[a]) = |regime[i] - camp_of[a]|``.
    """
    a_n, n = members.shape
    benefit = np.empty((a_n, n))
    value = np.empty((a_n, n))
    camp = np.empty((a_n, n))
    for a in range(a_n):
        for i in range(n):
            m = 1.0 if members[a, i] else 0.0
            others = size[a] - m
            b = (cap_sum[a] - m * cap[i]) / others if others > 0 else 0.0
            b = salience * b
            rho = reciprocity[a, i]
            benefit[a, i] = b
            value[a, i] = rho * b - (1.0 - rho) * vul[i]
            camp[a, i] = abs(regime[i] - camp_of[a])
    return benefit, value, camp
