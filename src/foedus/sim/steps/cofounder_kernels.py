"""The co-founders' terms of the year's new pacts, compiled (:func:`foedus.sim.steps.formation.cofounders`; issue 11): the same numbers, to the bit.

Each new pact may be joined in its first year by the states that share what its two founders stand against (Hart & Kurz
1983). numpy weighed every candidate of some pact against every pact, in some twenty passes over (5, C, K) gathers of the
goods (C candidates, K pacts), though a candidate is one only of the pacts whose adversary it shares (``ok``): at 200 states
this was a third of the alignment step in the years of many new pacts. :func:`cofounder_terms` visits the open pairs
alone and evaluates, in numpy's order of operations,

- the candidate's value of the pact: ``0 + w_i E_i + w_j E_j`` (Python's ``sum`` over the founders), with ``E_f`` the sum over
  the goods, from 0.0 in their order, of ``(goods[g, c, f] * fresh) * provided[g]`` (the einsum ``"gnk,kg->kn"``, which adds
  in that order: ``tests/sim/test_cofounder_kernels.py``), ``fresh`` 0.0 where the pair's pacts provide the good already;
- its cost, :func:`foedus.sim.steps.formation.pact_cost` of a commitment to the stronger founder with the base raised by
  ``2 ** commitment_exponent`` (:func:`.alignment_kernels._cost`, the cost rule of the compiled passes);
- each founder's vote on it, :func:`foedus.theory.obligations.admission_votes` of its value and cost of the candidate.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.steps.alignment_kernels import _cost

__all__ = ["cofounder_terms"]


@njit(cache=True)
def cofounder_terms(i, j, c, ok, goods, shared_goods, provided, weights, leader, unit_cost, scale, commitment, protection, risk, autonomy,
                    log1p_autonomy, burden, main, w, beta, tau, entrapment):  # pragma: no cover (compiled)
    """The terms of :func:`foedus.sim.steps.formation.cofounders` of candidate ``c[q]`` to the pact ``k`` of ``i[k]`` and ``j[k]``
    where ``ok[k, q]`` (K, C): its value and cost (K, C; 0.0 where not ``ok``) and whether it gains and both founders vote for it
    (K, C bool). ``provided`` (K, G) the goods of each pact's form, ``weights`` (K, 2) the founders' capability weights, ``leader``
    (K,) the stronger founder, ``scale`` the base cost's factor ``2 ** commitment_exponent``, ``commitment``, ``protection`` and
    ``risk`` (K,) the form's, ``main`` (N,) the main threats; ``w``, ``beta``, ``tau`` the cost rule's weights and treaty cost, ``entrapment`` (K,) the share of the base cost the form carries
    (:func:`foedus.theory.obligations.entrapment_share`)."""
    k_count, c_count = ok.shape
    n_goods = goods.shape[0]
    value = np.zeros((k_count, c_count))
    cost = np.zeros((k_count, c_count))
    keep = np.zeros((k_count, c_count), np.bool_)
    for k in range(k_count):
        a, b, ld = i[k], j[k], leader[k]
        s, pr, rk, en = commitment[k], protection[k], risk[k], entrapment[k]
        for q in range(c_count):
            if not ok[k, q]:
                continue
            x = c[q]
            e_a = 0.0
            e_b = 0.0
            for g in range(n_goods):
                e_a += (goods[g, x, a] * (0.0 if shared_goods[g, x, a] else 1.0)) * provided[k, g]
            for g in range(n_goods):
                e_b += (goods[g, x, b] * (0.0 if shared_goods[g, x, b] else 1.0)) * provided[k, g]
            v = (0.0 + weights[k, 0] * e_a) + weights[k, 1] * e_b
            cst = _cost(unit_cost[x] * scale * en, s, autonomy[x, ld], log1p_autonomy[x, ld], burden[x, ld], pr, rk, w, beta, tau)
            value[k, q] = v
            cost[k, q] = cst
            if not (v > cst):
                continue
            yes = True
            for m in (a, b):  # each founder's vote (admission_votes: it gains, and the candidate is not its main threat in a protective pact)
                v_m = 0.0
                for g in range(n_goods):
                    v_m += (goods[g, m, x] * (0.0 if shared_goods[g, m, x] else 1.0)) * provided[k, g]
                c_m = _cost(unit_cost[m] * en, s, autonomy[m, x], log1p_autonomy[m, x], burden[m, x], pr, rk, w, beta, tau)
                if not (v_m > c_m) or (main[m] == x and pr != 0.0):
                    yes = False
            keep[k, q] = yes
    return value, cost, keep
