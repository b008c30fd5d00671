"""The isolation good's pairs for the blocs step's compiled scan (:func:`foedus.sim.steps.blocs_kernels.bloc_scan`), speedB21.

The scan weighs about eleven candidates a threat; it writes the isolation good's conquest discount and nuclear deterrence for the
pairs it weighs only (:func:`isolation_pairs`), not for every pair of the (N, N) matrix in three passes a year. Kept apart from
:mod:`foedus.sim.steps.blocs_kernels` by the 600-line rule (``tests/test_layout.py``); ``tests/sim/test_blocs_kernels.py``'s scan
replay holds every value written to :func:`foedus.theory.offence.nuclear_deterrence`'s, to the bit.
"""

from __future__ import annotations

from numba import njit


@njit(cache=True)
def isolation_pairs(group, have, iso_year, discount, deterred, keep, out):  # pragma: no cover (compiled)
    """``out[i, j]`` for the pairs of ``group`` not yet computed (``have``): ``v = iso_year[i, j] * discount``, times ``keep`` (``1 - s``)
    where row ``i``'s offence target is nuclear-armed (``deterred[i]``): the entries of ``nuclear_deterrence(iso_year * discount, ...)``
    (:func:`foedus.theory.offence.nuclear_deterrence`'s ``np.where(deterred[:, None], v * (1.0 - s), v)``), to the bit."""
    for a in range(group.shape[0]):
        i = group[a]
        for b in range(group.shape[0]):
            j = group[b]
            if have[i, j]:
                continue
            v = iso_year[i, j] * discount
            out[i, j] = v * keep if deterred[i] else v
