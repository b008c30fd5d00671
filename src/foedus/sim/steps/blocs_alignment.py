"""Who is aligned with whom in the blocs step (:mod:`.blocs`): the pledges of protection in force less those that no longer align (nato21).

:func:`aligned_defends` is the ``defends`` matrix the adversary bloc of a threat, a great power's clients and the pledges already
held are read from (:func:`.blocs_kernels.bloc_candidates`, :func:`.blocs_kernels.client_mask`): the pairs pledged to defend each
other, less :func:`foedus.theory.lapsed_ties.lapsed_ties`, the pairs whose only such pledges were written against an adversary now
gone and one of which fears the other (Walt 1987; Leeds, Long & Mitchell 2000). Britain and France, bound to the Soviet Union by
the treaties of 1942 and 1944 against Germany, are no longer counted in the Soviet bloc once they fear it, and may found a bloc
against it. The goods of the pledges (:func:`.blocs._goods`) still read every pledge in force.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.founding_lapse import adversary_gone
from foedus.sim.world import World
from foedus.theory import lapsed_ties as th_lapsed


def aligned_defends(world: World, slots: np.ndarray, members: np.ndarray, protects: np.ndarray, defends: np.ndarray, main: np.ndarray) -> np.ndarray:
    """(N, N) bool: ``defends`` (who is pledged to defend whom, the pacts in force ``slots`` with rows ``members`` (A, N), ``protects`` (A,)
    those that pledge protection) less the lapsed ties (:func:`foedus.theory.lapsed_ties.lapsed_ties` of each state's ``main`` threat);
    ``defends`` itself (the same array) where there is none."""
    if not len(slots):
        return defends
    gone = adversary_gone(world, slots)
    if not (gone & protects).any():
        return defends
    lapsed = th_lapsed.lapsed_ties(members, protects, gone, main)
    if not lapsed.any():
        return defends
    return th_lapsed.aligned_defence(defends, lapsed)
