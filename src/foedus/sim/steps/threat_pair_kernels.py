"""The compiled pass of :func:`foedus.sim.steps.threat.threat_terms`'s per-pair path (issue 16): the rows of the agreements' matrices.

An event's explanation reads a few pairs of the matrices of the security agreements in force (the reassurance, the commitment, the
pacts of stationing) just after the agreements changed, when the whole (N, N) matrices kept for the year no longer hold: the rows
of the states it reads, computed alone, are the same maxima of the same values (``tests/sim/steps/test_threat_pairs.py``).
"""

from __future__ import annotations

from numba import njit


@njit(cache=True)
def commitment_rows(members, active, domain, commitment, n_agreements, security, rows, out):  # pragma: no cover (compiled)
    """``out[r, v] = max commitment[a]`` over the security agreements ``a`` in force with both ``rows[r]`` and ``v`` as members
    (``v != rows[r]``; ``out`` starts at 0): the row ``rows[r]`` of :func:`foedus.sim.steps.threat_kernels._commitment_kernel`'s matrix."""
    n = out.shape[1]
    for a in range(n_agreements):
        c = commitment[a]
        if not active[a] or domain[a] != security or c <= 0.0:
            continue
        for r in range(rows.shape[0]):
            u = rows[r]
            if not members[a, u]:
                continue
            for v in range(n):
                if v != u and members[a, v] and c > out[r, v]:
                    out[r, v] = c
