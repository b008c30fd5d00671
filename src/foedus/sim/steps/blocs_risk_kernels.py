"""The blocs step's war risk at the entries its goods read, and the isolation good pair by pair (issue 16, speedE22).

The abstention good of a pledge (:func:`foedus.theory.obligations_kernels.goods_pairs`, which the blocs step's scan calls for the
pairs it weighs) reads of the year's war risk (:func:`~foedus.sim.steps.formation.abstention_terms`' ``war_risk``) two entries a
row only: ``risk[i, t(i)]``, the row's main threat of the goods (:func:`~foedus.theory.obligations_kernels.main_threats`), and
``risk[i, k(i)]``, its offence target (:func:`foedus.theory.offence.offence_target`) where the isolation good is weighed. The step
computed the whole (N, N) matrix, the hazard of every live pair, for those 2N numbers; and in a year it founds a treaty, the
alignment step computes it again (the new defence pacts enter the hazard). :func:`risk_eta` gathers, for the entries read, the
logit of the hazard as :func:`.war_risk_kernels.finish_eta` sums it (from the year's kept covariates,
:func:`.pact_war_risk._onset_terms`: the same operations on the same numbers), the step takes numpy's ``exp`` and
:func:`foedus.theory.offence.war_expectation` of those (the calls of :func:`.pact_war_risk._war_risk_computed`, elementwise), and
:func:`write_entries` writes them where :func:`.war_risk_kernels.scatter_risk` writes them in the full matrix (1 at war, 0 on the
diagonal and for pairs not at risk). :func:`isolation_entry` is :func:`foedus.theory.pledge_kernels._offence_kernel`'s entry of the
isolation good (:func:`foedus.theory.offence.isolation` with the pledges of defence), for the scan's pairs
(:func:`.blocs_isolation.isolation_pairs`), so the step no longer computes the (N, N) isolation either.
``tests/sim/test_blocs_risk.py`` holds both to the full matrices to the bit; the regression digests hold the step.
"""

from __future__ import annotations

from numba import njit

from foedus.theory.pledge_kernels import _odds, _pos

__all__ = ["isolation_entry", "risk_eta", "write_entries"]


@njit(cache=True)
def _live_index(ii, jj, lo, hi):  # pragma: no cover (compiled)
    """The position ``q`` of the pair ``(lo, hi)``, ``lo < hi``, among the live pairs ``(ii, jj)`` (ascending in ``(i, j)``, the order of
    ``np.triu_indices``), -1 where it is not one."""
    a, b = 0, ii.shape[0]
    while a < b:
        m = (a + b) // 2
        if ii[m] < lo or (ii[m] == lo and jj[m] < hi):
            a = m + 1
        else:
            b = m
    if a < ii.shape[0] and ii[a] == lo and jj[a] == hi:
        return a
    return -1


@njit(cache=True)
def risk_eta(rows, cols, ii, jj, head, x, defence, b, q_out, eta):  # pragma: no cover (compiled)
    """For each entry ``(rows[p], cols[p])``: ``q_out[p]`` the position of its pair among the live pairs ``(ii, jj)`` (-1: not live, or
    the diagonal) and ``eta[p]`` the logit of its hazard, :func:`.war_risk_kernels.finish_eta`'s ``head[q] + b[8] * defence[ii[q], jj[q]]
    + b[9] * x[9, q] + ... + b[12] * x[12, q]`` left to right (0.0 where not live)."""
    for p in range(rows.shape[0]):
        a, c = rows[p], cols[p]
        q = -1
        if a != c:
            q = _live_index(ii, jj, min(a, c), max(a, c))
        q_out[p] = q
        if q < 0:
            eta[p] = 0.0
            continue
        s = head[q] + b[8] * (1.0 if defence[ii[q], jj[q]] else 0.0)
        for k in range(9, 13):
            s = s + b[k] * x[k, q]
        eta[p] = s


@njit(cache=True)
def write_entries(rows, cols, q, v, at_war, has_war, out):  # pragma: no cover (compiled)
    """``out[rows[p], cols[p]]``: 0 on the diagonal, 1 at war (``at_war``, read only with ``has_war``), ``v[p]`` for a live pair
    (``q[p] >= 0``), 0 elsewhere: the entry :func:`.war_risk_kernels.scatter_risk` leaves in the full matrix."""
    for p in range(rows.shape[0]):
        a, c = rows[p], cols[p]
        if a == c:
            out[a, c] = 0.0
        elif has_war and at_war[a, c]:
            out[a, c] = 1.0
        elif q[p] >= 0:
            out[a, c] = v[p]
        else:
            out[a, c] = 0.0


@njit(cache=True, inline="always")
def isolation_entry(i, j, h, r, target, defends):  # pragma: no cover (compiled)
    """``isolation[i, j]`` of :func:`foedus.theory.pledge_kernels._offence_kernel` (``isolate``, ``defends`` read): 0 for a row of no
    target, at the target and on the diagonal; else ``h[i, k] (1 - h[j, k]) max(loss, 0)``, 0 where ``j`` defends ``k`` (its
    operations in its order)."""
    k = target[i]
    if k < 0 or j == k or j == i:
        return 0.0
    own = r[k, i]
    defend = r[k, k]
    alone = _odds(own, defend)
    opposed = _odds(own, defend + r[k, j])
    loss = _pos(2.0 * alone - 1.0) - _pos(2.0 * opposed - 1.0)
    v = h[i, k] * (1.0 - h[j, k]) * _pos(loss)
    v *= 0.0 if defends[j, k] else 1.0
    return v
