"""The restructured passes of the politics step give the numpy code's numbers, to the bit.

:func:`foedus.sim.steps.politics.founding_threat_lapse` measures each named target's threat to
the members only for the pacts that have one (it was evaluated over every pact, then discarded):
checked here against the former expression on simulated worlds, bit for bit.
"""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.steps._common import COALITION, SECURITY
from foedus.testing import synthetic_scenario

politics = importlib.import_module("foedus.sim.steps.politics")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_target_threat_equals_the_expression_over_every_pact(seed):
    sc = synthetic_scenario(40, seed=seed, years=6, alliances=8)
    sim = Simulation(sc, rng=seed)
    sim.run(6)
    world = sim.world
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    size = ag.members[slots].sum(axis=1).astype(float)
    politics.founding_threat_lapse(world, slots, size)  # the targets set (first measurement)
    lapse, now = politics.founding_threat_lapse(world, slots, size)
    tgt = ag.target[slots]
    has = tgt >= 0
    safe = np.where(has, tgt, 0)
    want = np.where(has, (ag.members[slots] * world.results.threat[:, safe].T).sum(axis=1) / np.maximum(size, 1.0), np.nan)
    assert has.any()
    assert np.array_equal(now.view(np.int64), want.view(np.int64))


def test_the_realignment_kernel_is_the_rule_on_large_treaties():
    """:func:`~foedus.sim.steps.politics._latest_outside_kernel` walks the agreements' member lists (issue 16): the same integers
    as the rule written with NumPy, on random cases with treaties of many members, few, none, and every density of adversaries."""
    from tests.sim.steps.test_politics_persistence import _latest_outside_numpy

    rng = np.random.default_rng(16)
    for _ in range(60):
        n_a, n = rng.integers(1, 25), rng.integers(1, 20)
        m = rng.random((n_a, n)) < rng.random()
        entry = np.where(m, rng.integers(1900, 1920, m.shape), -1).astype(np.int64)
        hostile = rng.random((n, n)) < 0.5 * rng.random()
        substitute = rng.random((n_a, n_a)) < rng.random()
        got = np.full(m.shape, -1, np.int64)
        politics._latest_outside_kernel(m, entry, hostile, substitute, got)
        assert np.array_equal(got, _latest_outside_numpy(m, entry, hostile, substitute))
