"""Compiled year passes of the pact war risk (:mod:`.pact_war_risk`, the abstention good's ``war_risk``; issue 16).

:func:`onset_terms` writes, for the year's live pairs, the covariates of :func:`foedus.theory.war_onset.war_onset_hazard` as
:func:`foedus.sim.steps.conflict.onset_covariates` gives them (as floats, one row a term, in the order of
:data:`foedus.theory.war_onset.WAR_ONSET_TERMS`; the defence pact's row left for the moment's pacts) and the logit's sum over the
terms before the defence pact's (:func:`foedus.theory.rivalry.logit_hazard` adds ``coefficient * covariate`` term by term, left to
right: the same IEEE operations in the same order); :func:`finish_eta` adds the defence pact's term and the four after it. The
hazard's ``1 / (1 + exp(-eta))`` and :func:`foedus.theory.offence.war_expectation` stay numpy's (the same calls on the same
numbers), so the war risk is the theory's to the bit (``tests/sim/test_war_risk_kernels.py``) without some forty numpy passes a
computation, and the covariates but the defence pact's are computed once while their inputs are the same (:func:`.pact_war_risk._onset_terms`).
"""

from __future__ import annotations

from numba import njit

from foedus.sim.steps.conflict_kernels import pair_onset_terms

__all__ = ["DEFENCE_TERM", "finish_eta", "onset_terms", "scatter_risk"]

DEFENCE_TERM = 8
"""The index of ``defence_pact`` in :data:`foedus.theory.war_onset.WAR_ONSET_TERMS` (checked by the test)."""


@njit(cache=True)
def onset_terms(ii, jj, contiguous, log_distance, power, major, rivalry, war_history, memory, regime, nuclear, norm, spatial, has_spatial,
                intercept, b, x, head):  # pragma: no cover (compiled)
    """``x[k, q]``: the ``k``-th covariate of :data:`~foedus.theory.war_onset.WAR_ONSET_TERMS` of the pair ``(ii[q], jj[q])`` as
    :func:`foedus.sim.steps.conflict.onset_covariates` gives it, as a float (row :data:`DEFENCE_TERM` left as it is); ``head[q]``:
    ``intercept + b[0] * x[0, q] + ... + b[7] * x[7, q]`` summed left to right (:func:`foedus.theory.rivalry.logit_hazard`'s sum
    before the defence pact's term). ``log_distance`` (N, N) :func:`foedus.theory.war_onset.log_distance` of the capitals' distances
    (computed once a run by the theory function, :func:`.pact_war_risk._log_distance`), ``war_history`` read only with ``memory``, ``spatial`` only with
    ``has_spatial``, ``norm`` :func:`foedus.theory.renunciation.territorial_integrity_norm` of the year (the operations of
    :func:`.conflict_kernels.onset_hazards`)."""
    for q in range(ii.shape[0]):
        i = ii[q]
        j = jj[q]
        c, dm, par, r, w, low, high, nuc, conquest, joint, issueless = pair_onset_terms(
            i, j, contiguous, power, major, rivalry, war_history, memory, regime, nuclear, norm, spatial, has_spatial)
        x[0, q] = c
        x[1, q] = log_distance[i, j]
        x[2, q] = dm
        x[3, q] = par
        x[4, q] = r
        x[5, q] = w
        x[6, q] = low
        x[7, q] = high
        x[9, q] = nuc
        x[10, q] = conquest
        x[11, q] = joint
        x[12, q] = issueless
        eta = intercept
        for k in range(8):
            eta = eta + b[k] * x[k, q]
        head[q] = eta


@njit(cache=True)
def finish_eta(head, x, ii, jj, defence, b, eta):  # pragma: no cover (compiled)
    """``eta[q]``: ``head[q]`` (:func:`onset_terms`) plus ``b[8] * defence[ii[q], jj[q]]`` and ``b[k] * x[k, q]`` for ``k`` 9 to 12, left
    to right: :func:`foedus.theory.rivalry.logit_hazard`'s sum of the pair's covariates with the moment's defence pacts (``defence``
    (N, N) bool, :func:`foedus.sim.steps.conflict.defence_pairs`)."""
    for q in range(head.shape[0]):
        s = head[q] + b[8] * (1.0 if defence[ii[q], jj[q]] else 0.0)
        for k in range(9, 13):
            s = s + b[k] * x[k, q]
        eta[q] = s


@njit(cache=True)
def scatter_risk(ii, jj, v, at_war, has_war, out):  # pragma: no cover (compiled)
    """``out`` (N, N): ``v[q]`` at ``(ii[q], jj[q])`` and ``(jj[q], ii[q])``, 1 where ``at_war`` (read only with ``has_war``), 0 on the
    diagonal and elsewhere: the assignments of :func:`.pact_war_risk._war_risk_computed` (zeros, the pairs, the wars, the diagonal)
    in one pass, the last assignment of each entry kept."""
    n = out.shape[0]
    for a in range(n):
        for c in range(n):
            out[a, c] = 1.0 if (has_war and at_war[a, c]) else 0.0
    for q in range(ii.shape[0]):
        i = ii[q]
        j = jj[q]
        if not (has_war and at_war[i, j]):
            out[i, j] = v[q]
        if not (has_war and at_war[j, i]):
            out[j, i] = v[q]
    for a in range(n):
        out[a, a] = 0.0
