"""The pairs of states that share a pact in force, by obligation (defence, offence, non-aggression), for the conflict and
rivalry steps: Bremer's (1992) alliance term of the war-onset hazard and the rivalry termination's pledges.

Split from :mod:`foedus.sim.steps.conflict` (which re-exports these names) when that module passed 600 lines; the same code.
Each is cached until the agreements change.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.membership import pair_max
from foedus.sim.steps._common import COALITION, SECURITY
from foedus.sim.world import World

_DEF, _OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")
_NAG = OBLIGATIONS.index("nonaggression")


def defence_pairs(world: World) -> np.ndarray:
    """(N, N) bool: the pairs sharing a defence pact in force (a security agreement other than a coalition with a defence obligation).

    Bremer's (1992) alliance term of the war-onset hazard, as the record's ATOP dyad-years code it
    (:mod:`foedus.analysis.war_onsets`). Cached until the agreements change.
    """
    return _pact_pairs(world, _DEF, "defence_pairs")


def nonaggression_pairs(world: World) -> np.ndarray:
    """(N, N) bool: the pairs sharing a pledge of non-aggression in force (a security agreement other than a coalition with ATOP's
    non-aggression obligation; :func:`foedus.theory.rivalry.nonaggression_only` of it and :func:`defence_pairs` is the rivalry
    termination's term). Cached until the agreements change."""
    return _pact_pairs(world, _NAG, "nonaggression_pairs")


def offence_pairs(world: World) -> np.ndarray:
    """(N, N) bool: the pairs sharing an offence pact in force (a security agreement other than a coalition). Cached until the agreements change."""
    return _pact_pairs(world, _OFF, "offence_pairs")


def security_pairs(world: World) -> np.ndarray:
    """(N, N) bool: the pairs sharing any security agreement in force (an alliance of any obligation or a security organisation, not a
    coalition): the institutional tie of Deutsch's (1957) and Adler & Barnett's (1998) pluralistic security community, the rivalry
    onset's gate (:func:`foedus.theory.rivalry.security_community`; ATOP's alliances of any obligation on the record). Cached until
    the agreements change."""
    return _pact_pairs(world, -1, "security_pairs")


def _pact_pairs(world: World, obligation: int, key: str) -> np.ndarray:
    """(N, N) bool: the pairs sharing a security agreement in force (not a coalition) with the obligation of column
    ``obligation`` (-1: any agreement, whatever its obligations); cached under ``key`` until the agreements change."""
    ag = world.state.agreements
    hit = world.cache.get(key)
    if hit is not None and hit[0] == ag.version and hit[1].shape == (world.n, world.n):
        return hit[1]
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    if obligation >= 0:
        slots = slots[ag.obligations[slots, obligation]]
    out = pair_max(ag.members[slots], np.ones(len(slots)), world.n) > 0 if len(slots) else np.zeros((world.n, world.n), bool)
    world.cache[key] = (ag.version, out)
    return out
