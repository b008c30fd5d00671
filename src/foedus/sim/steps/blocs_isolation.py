"""The isolation good's pairs for the blocs step's compiled scan (:func:`foedus.sim.steps.blocs_kernels.bloc_scan`), speedB21, speedE22.

The scan weighs about eleven candidates a threat; it writes the isolation good for the pairs it weighs only (:func:`isolation_pairs`):
the entry of :func:`foedus.theory.offence.isolation` (:func:`.blocs_risk_kernels.isolation_entry`), its conquest discount and nuclear
deterrence, not the (N, N) matrix and three passes over it a year. Kept apart from :mod:`foedus.sim.steps.blocs_kernels` by the 600-line
rule (``tests/test_layout.py``); ``tests/sim/test_blocs_kernels.py``'s scan replay holds every value written to
``nuclear_deterrence(isolation(...) * discount)`` of the theory's functions, to the bit.
"""

from __future__ import annotations

from numba import njit

from foedus.sim.steps.blocs_risk_kernels import isolation_entry


@njit(cache=True)
def isolation_pairs(group, have, h, r, target, defends, discount, deterred, keep, out):  # pragma: no cover (compiled)
    """``out[i, j]`` for the pairs of ``group`` not yet computed (``have``): ``v = iso * discount``, ``iso`` the isolation of the pair of
    the hostility ``h``, the reach ``r``, the offence targets ``target`` and the pledges of defence ``defends`` (N, N) bool
    (:func:`.blocs_risk_kernels.isolation_entry`), times ``keep`` (``1 - s``) where row ``i``'s offence target is nuclear-armed
    (``deterred[i]``): the entries of ``nuclear_deterrence(isolation * discount, ...)``
    (:func:`foedus.theory.offence.nuclear_deterrence`'s ``np.where(deterred[:, None], v * (1.0 - s), v)``), to the bit."""
    for a in range(group.shape[0]):
        i = group[a]
        for b in range(group.shape[0]):
            j = group[b]
            if have[i, j]:
                continue
            v = isolation_entry(i, j, h, r, target, defends) * discount
            out[i, j] = v * keep if deterred[i] else v
