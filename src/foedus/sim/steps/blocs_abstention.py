"""The blocs step's abstention terms with the war risk at the entries its goods read only (issue 16; speedE22).

:func:`abstention_at_entries` is :func:`~.formation.abstention_terms` as :func:`foedus.sim.steps.blocs._goods` reads them: the same
offence targets and credibility of pledges, and the war risk of :mod:`.pact_war_risk` evaluated at ``(i, main[i])`` and ``(i,
target[i])`` only (:mod:`.blocs_risk_kernels`), 0 elsewhere (never read): the goods are ``obligation_goods``' to the bit.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps import blocs_risk_kernels as risk_kern
from foedus.sim.steps import (
    conflict,  # its defence_pairs read through the module, as pact_war_risk reads it
    year_goods,
)
from foedus.sim.steps.formation import abstention_terms, pledge_credibility
from foedus.sim.steps.pact_war_risk import _onset_terms, _Partial
from foedus.sim.world import World
from foedus.theory import offence as th_offence


def abstention_at_entries(world: World, main: np.ndarray, has_iso: bool) -> dict[str, np.ndarray]:
    """:func:`~.formation.abstention_terms` as the scan's goods read them: the offence targets and the credibility of pledges, and the
    war risk at the entries the goods read only, ``(i, main[i])`` and, with the isolation good (``has_iso``), ``(i, target[i])`` of every
    row (:mod:`.blocs_risk_kernels`; 0 elsewhere, never read: the goods are ``obligation_goods``' to the bit). The full terms where the
    run checks its inputs or the year's onset terms are not the compiled ones (:func:`.pact_war_risk._onset_terms`)."""
    if world.inputs.check:
        return abstention_terms(world)
    p = world.inputs.params
    n = world.n
    terms = _onset_terms(world)
    if not isinstance(terms[3], _Partial):
        return abstention_terms(world)
    target = year_goods.offence_target(world)
    cred = pledge_credibility(world) if p.pledge_credibility_weight > 0 else np.ones((n, n))
    ii, jj, _, part = terms
    rows = np.arange(n, dtype=np.int64)
    cols = np.asarray(main, dtype=np.int64)
    if has_iso:
        aimed = np.flatnonzero(target >= 0)
        rows, cols = np.concatenate((rows, aimed)), np.concatenate((cols, np.asarray(target, dtype=np.int64)[aimed]))
    q, eta = np.empty(len(rows), np.int64), np.empty(len(rows))
    risk_kern.risk_eta(rows, cols, ii, jj, part.head, part.x, np.ascontiguousarray(conflict.defence_pairs(world), dtype=bool),
                       np.asarray(p.war_onset_coefficients(), dtype=float), q, eta)
    h = 1.0 / (1.0 + np.exp(-eta))  # pact_war_risk._war_risk_computed's numpy calls, elementwise
    v = th_offence.war_expectation(h, p.abstention_horizon, check=False)
    at_war = world.state.at_war
    has_war = at_war.shape == (n, n)
    risk = np.zeros((n, n))
    risk_kern.write_entries(rows, cols, q, v, np.ascontiguousarray(at_war, dtype=bool) if has_war else np.zeros((1, 1), np.bool_), has_war, risk)
    risk.flags.writeable = False  # typed as the year cache's read-only matrix: one compiled signature of the scan
    return {"war_risk": risk, "target": target, "credibility": cred}
