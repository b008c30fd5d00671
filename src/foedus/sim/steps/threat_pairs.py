"""The few pairs an explanation reads of the threat step's matrices (step 3, threat perception; issue 16).

:func:`foedus.sim.steps.threat.threat_terms` explains the main threats of the members of a pact just written, after the
agreements changed: the whole matrices the year's threats were computed from no longer hold, and rebuilding them to read a
few pairs cost 90-150 ms of a 200-state run. These functions compute the rows or pairs alone, by the same operations on the
same values (the same bits: ``tests/sim/steps/test_threat_pairs.py``): the allies in arms of some rows
(:func:`_commitment_rows`), the reassurance of allies (:func:`_reassurance_pairs`), the exponents with forward presence
(:func:`_forward_pairs`) and the restraint of trade (:func:`_trade_restraint_pairs`). Split from
:mod:`foedus.sim.steps.threat` for size.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps._common import SECURITY
from foedus.sim.steps.founding_lapse import adversary_gone
from foedus.sim.steps.threat_forward import (
    distance_exponent,
    hosted_by,
    stationing_strength,
)
from foedus.sim.steps.threat_pair_kernels import commitment_rows
from foedus.sim.world import World
from foedus.theory import intentions as th_intentions
from foedus.theory.capability import commitment_strength


def _reassurance_key(world: World) -> tuple[tuple, np.ndarray]:
    """The key of :func:`alliance_reassurance`'s kept matrix and the pacts whose named adversary is gone."""
    ag = world.state.agreements
    gone = adversary_gone(world, np.arange(ag.n))
    return (ag.version, gone.tobytes()), gone


def _reassurance_strength(world: World, gone: np.ndarray) -> np.ndarray:
    """(agreements,): the reassurance of each pact (:func:`alliance_reassurance`)."""
    ag = world.state.agreements
    strength = commitment_strength(ag.obligations[: ag.n], False) if ag.n else np.zeros(0)
    return th_intentions.pledged_reassurance(strength, gone, check=world.inputs.check)


def _agreement_rows(world: World, strength: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """(len(rows), N): the rows ``rows`` of the matrix :func:`foedus.sim.steps.threat_kernels._commitment_kernel` makes of the
    security agreements in force with ``strength`` (:func:`foedus.sim.steps.threat_pair_kernels.commitment_rows`: the same maxima)."""
    ag = world.state.agreements
    out = np.zeros((len(rows), world.n))
    commitment_rows(ag.members, ag.active, ag.domain, np.ascontiguousarray(strength, dtype=float), ag.n, SECURITY, np.ascontiguousarray(rows, dtype=np.intp), out)
    return out


def _commitment_rows(world: World, i: np.ndarray) -> np.ndarray:
    """``alliance_commitment(world)[i]``: the kept matrix while it holds, else the rows ``i`` alone (:func:`_agreement_rows`)."""
    ag = world.state.agreements
    hit = world.cache.get("alliance_commitment")
    if hit is not None and hit[0] == ag.version and hit[1].shape[0] == world.n:
        return hit[1][i]
    return _agreement_rows(world, ag.commitment, i)


def _reassurance_pairs(world: World, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``alliance_reassurance(world)[i, j]``: the kept matrix while it holds, else the rows ``i`` alone (:func:`_agreement_rows`)."""
    key, gone = _reassurance_key(world)
    hit = world.cache.get("alliance_reassurance")
    if hit is not None and hit[0] == key and hit[1].shape[0] == world.n:
        return hit[1][i, j]
    return _agreement_rows(world, _reassurance_strength(world, gone), i)[np.arange(len(i)), j]


def _forward_pairs(world: World, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``forward_distance_exponent(world)[i, j]`` computed for the pairs alone: the hosts of the great powers ``j`` from their rows of
    the stationing commitments (:func:`forward_hosts`'s rule, :func:`_agreement_rows`), then :func:`foedus.theory.projection.forward_exponent`'s
    ``min(x[i, j], min_b x[i, b] + (1 - s) (x[b, j] - 1))`` over the hosts ``b`` of ``j`` (a minimum of the same sums: the same bits)."""
    x = distance_exponent(world)
    out = x[i, j]
    s = world.inputs.params.forward_presence
    if not s > 0:  # no forward presence: the exponents from home (forward_distance_exponent's hosts are none)
        return out
    ag = world.state.agreements
    uj, inv = np.unique(j, return_inverse=True)
    station = _agreement_rows(world, stationing_strength(ag), uj)
    hosts = (hosted_by(station, world.state.power, uj) & world.state.major[uj, None])[inv.ravel()]
    if not hosts.any():
        return out
    leg = np.where(hosts, (1.0 - s) * (x[:, j].T - 1.0), np.inf)  # leg[k, b]: the home-to-base leg of j[k]'s forces in b
    return np.minimum(out, (x[i] + leg).min(axis=1))


def _trade_restraint_pairs(world: World, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``trade_restraint(world)[i, j]`` for the pairs alone (:func:`foedus.theory.intentions.commercial_restraint` is elementwise in the
    pair's two dependences: ``exp(-w min(D_ij, D_ji))``, the same operations on the same values)."""
    d = world.state.trade_dependence
    return np.exp(-world.inputs.params.trade_restraint * np.minimum(d[i, j], d[j, i]))
