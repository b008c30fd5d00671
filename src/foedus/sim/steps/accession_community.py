"""The community of democracies an accession vote may follow (P1, P2), for :mod:`.alignment`'s members' vote (``_admitted``).

Moved out of :mod:`.alignment` as they were (its 600 lines): :func:`community` tells whether an alliance is a community of
democracies and of which region, :func:`qualified` whether a candidate may claim its rule
(:func:`foedus.theory.consent.community_entrapment`; Schimmelfennig 2001, 2003).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps import accession_kernels as acc_kern
from foedus.sim.steps import year_goods
from foedus.sim.steps.alliances_view import _institution_base
from foedus.sim.world import World
from foedus.theory import obligations as th_ob

__all__ = ["community", "qualified"]


def community(world: World, view) -> tuple[np.ndarray, np.ndarray]:
    """Whether each alliance is a community of democracies (A,): institutional assets of at least one half (ATOP
    level 1 or more, or the integration it reached; :func:`foedus.theory.integration.institutional_assets`) and its members'
    mean democracy at least ``community_standard``; and its region (A,), the region most of its members are of ("any other
    European State", North Atlantic Treaty art. 10): the community of :func:`foedus.theory.consent.community_entrapment`
    (Schimmelfennig 2001, 2003), whose candidates :func:`qualified` tells."""
    p = world.inputs.params
    ag = world.state.agreements
    a = len(view.slots)
    if p.community_standard >= 1.0:
        return np.zeros(a, bool), np.zeros(a, np.intp)
    key = ("community", ag.version)  # kept on the view while the agreements and the regimes are unchanged (asked twice a step)
    hit = view.memo.get(key)
    if hit is not None and np.array_equal(hit[0], world.state.regime):
        return hit[1]
    assets = _institution_base(world, view)[0]  # theory.integration.institutional_assets of the view's alliances (kept on the view)
    # the members' mean democracy and the region most of them are of, per alliance (compiled: numpy's sums and argmax, to the bit)
    mean, home = acc_kern.community_terms(view.members, world.state.regime, year_goods.regions(world), len(th_ob.COW_REGIONS))
    out = ((assets >= 0.5) & (mean >= p.community_standard), home)
    view.memo[key] = (world.state.regime.copy(), out)
    return out


def qualified(world: World, cand: np.ndarray, home: np.ndarray) -> np.ndarray:
    """Whether candidate ``cand[k]`` may claim a community's rule (K,): it shares its values (its democracy at least
    ``community_standard``), belongs to its region ``home[k]`` (:func:`community`) and has forces of its own to contribute
    (military personnel in the record, COW NMC, above 0; art. 10: "in a position ... to contribute to the security of the
    North Atlantic area", not Andorra; a run's spending floor gives every state some money)."""
    p = world.inputs.params
    if p.community_standard >= 1.0:
        return np.zeros(len(cand), bool)
    region = year_goods.regions(world)
    return (world.state.regime[cand] >= p.community_standard) & (region[cand] == home) & (world.state.milper0[cand] > 0)
