"""The worth of a neutrality pledge while the partner's alignment is unread, for a few pairs (issue 16), for :mod:`.formation`.

A new pact's explanation reads :func:`~.formation.unread_alignment` of its two sides, after the pacts of the year were written:
a new defence pact moves the defence pledges and, through the defence-pact covariate, the war risk of
:func:`~.formation.abstention_terms`, so the whole (N, N) term and the hazard of every live pair were computed again for
some 2K entries. :func:`unread_pairs` computes those entries alone: each is the same function of its row's expected
threats, the partner, the defence pledges and the war risk of the row and one column (:func:`.alignment_kernels.unread_pairs`,
the theory kernel's operations), and each war risk is the hazard of its own pair (:func:`war_risk_pairs`, the elementwise
formulas of :func:`~.formation._war_risk_computed` on those pairs), so the numbers are those of the matrices to the bit
(``tests/sim/test_unread_pairs.py``).
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

from foedus.sim.steps import alignment_kernels as kern
from foedus.sim.steps import year_goods
from foedus.sim.world import World
from foedus.theory import offence as th_offence
from foedus.theory import war_onset as th_onset

__all__ = ["unread_pairs", "war_risk_pairs"]


def war_risk_pairs(world: World, a: np.ndarray, b: np.ndarray, formation: ModuleType) -> np.ndarray:
    """``formation._war_risk(world)[a, b]`` (K,) without the (N, N) matrix: each live pair's hazard from the year's covariates
    (:func:`~.formation._onset_terms`) with this moment's defence pacts, 1 at war, 0 on the diagonal and for pairs not at risk.
    ``formation``: the formation step's module, whose term functions (``_onset_terms``, ``defence_pairs``) it reads, passed in by it (this module sits
    below it: no import cycle)."""
    p = world.inputs.params
    n = world.n
    a, b = np.asarray(a, dtype=np.intp), np.asarray(b, dtype=np.intp)
    out = np.zeros(len(a))
    i, j, cov, _ = formation._onset_terms(world)
    if len(i):
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        code, live = lo * n + hi, i.astype(np.intp) * n + j  # the live pairs are i < j in the order of np.triu_indices (ascending codes)
        pos = np.minimum(np.searchsorted(live, code), len(live) - 1)
        found = (live[pos] == code) & (a != b)
        if found.any():
            sel = pos[found]
            defence = formation.defence_pairs(world)
            x = tuple(np.take(defence, code[found]) if t == "defence_pact" else (c if np.ndim(c) == 0 else np.asarray(c)[sel])
                      for t, c in zip(th_onset.WAR_ONSET_TERMS, cov))
            h = th_onset.war_onset_hazard(*x, intercept=p.war_onset_intercept, coefficients=p.war_onset_coefficients())
            out[found] = th_offence.war_expectation(h, p.abstention_horizon, check=world.inputs.check)
    at_war = world.state.at_war
    if at_war.shape == (n, n):
        out[at_war[a, b]] = 1.0
    out[a == b] = 0.0
    return out


def unread_pairs(world: World, a: np.ndarray, b: np.ndarray, formation: ModuleType) -> np.ndarray | None:
    """``formation.unread_alignment(world)[a, b]`` (K,) computed for these pairs alone (None where the term is off). ``formation``:
    the formation step's module, whose term functions (``unread_alignment``, ``record_years``, ``defence_pledges``, ``_onset_terms``,
    ``defence_pairs``) it reads, passed in by it (this module sits below it: no import cycle)."""
    p = world.inputs.params
    if p.unread_alignment_weight == 0 or p.nonaggression_prior == 0 or p.intentions_decay_years == 0 or world.results.reach is None:
        return None
    a, b = np.asarray(a, dtype=np.intp), np.asarray(b, dtype=np.intp)
    n = world.n
    if n < 2:
        return formation.unread_alignment(world)[a, b]
    u, expected = year_goods.intentions(world, formation.record_years(world))  # as unread_alignment's (computed once a year)
    e = np.ascontiguousarray(expected, dtype=float)
    excl = np.empty(len(a), np.intp)
    kern.unread_excluded(e, a, b, excl)
    w_at = war_risk_pairs(world, a, excl, formation)
    out = np.empty(len(a))
    kern.unread_pairs(e, np.ascontiguousarray(world.results.reach, dtype=float), np.ascontiguousarray(world.state.power, dtype=float),
                      np.ascontiguousarray(np.broadcast_to(np.asarray(u, dtype=float), (n, n))), float(p.nonaggression_prior),
                      np.ascontiguousarray(formation.defence_pledges(world), dtype=bool), a, b, excl, w_at, out)
    active = world.state.active
    return p.unread_alignment_weight * out * (active[a] & active[b])
