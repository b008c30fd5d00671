"""The warring partners' pacts compiled (sim/steps/war_entry.py partner_pacts, war_entry_kernels.partner_pacts_fill; issue 16):
the same bits as the pacts :func:`foedus.sim.steps.war_entry.covering_slots` (the theory's pledge_covers) names, war by war."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from foedus.schema import OBLIGATIONS
from foedus.sim.steps import war_entry

_DEF, _OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")


class _Agreements(SimpleNamespace):
    def in_force(self, kind=None, domain=None, not_kind=None):
        return self.slots


def _world(rng, n=40, a=30):
    """Agreements with random members, obligations, written conditions (all bits, written or not) and named adversaries."""
    members = rng.random((a + 5, n)) < rng.uniform(0.02, 0.3)
    obligations = rng.random((a + 5, len(OBLIGATIONS))) < 0.45
    conditions = rng.integers(0, 16, a + 5).astype(np.int8) * (rng.random(a + 5) < 0.7)
    named = rng.integers(-1, n, (3, a + 5)).astype(np.int32)
    named[rng.random((3, a + 5)) < 0.3] = -1
    slots = np.sort(rng.choice(a, int(rng.integers(0, a)), replace=False)).astype(np.intp)
    ag = _Agreements(members=members, obligations=obligations, war_conditions=conditions, adversary=named[0], adversary_second=named[1], target=named[2], slots=slots)
    return SimpleNamespace(n=n, state=SimpleNamespace(agreements=ag))


def _numpy_partner_pacts(world, war):
    """The numpy form the kernel replaced (main 529597e): two calls of covering_slots a war."""
    out = np.zeros((world.n, world.n), bool)
    ag = world.state.agreements
    for b, e in ((war["attacker"], war["target"]), (war["target"], war["attacker"])):
        m = ag.members[war_entry.covering_slots(world, e)]
        with_b = m[m[:, b]]
        if len(with_b):
            out[:, b] = out[b, :] = with_b.any(axis=0)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_the_compiled_partner_pacts_are_the_covering_slots_to_the_bit(seed):
    """Every pair of belligerents, including those a pact names as its adversary and those in a pact together: the same matrix,
    and the flag says whether any column was written (else the matrix is all False and the route has nobody to screen)."""
    rng = np.random.default_rng(seed)
    world = _world(rng)
    ag = world.state.agreements
    pairs = [tuple(int(x) for x in rng.choice(world.n, 2, replace=False)) for _ in range(60)]
    pairs += [(int(ag.adversary[s]), int(ag.target[s])) for s in ag.slots if ag.adversary[s] >= 0 and ag.target[s] >= 0 and ag.adversary[s] != ag.target[s]]
    written = 0
    for a, t in pairs:
        war = {"attacker": a, "target": t}
        got, flag = war_entry._partner_pacts(world, war)
        want = _numpy_partner_pacts(world, war)
        assert np.array_equal(got, want), (a, t)
        assert flag == bool(want.any()) and np.array_equal(war_entry.partner_pacts(world, war), want)
        written += flag
    assert len(ag.slots) < 3 or written > 0  # the test reaches the written case
