"""The blocs step's war risk at the entries its goods read and its isolation pair by pair (:mod:`foedus.sim.steps.blocs_risk_kernels`),
held to the full matrices of the theory's functions to the bit."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from foedus.experiments.ensemble import load_scenario
from foedus.sim import Simulation
from foedus.sim.steps import pact_war_risk, year_goods
from foedus.sim.steps.blocs_isolation import isolation_pairs
from foedus.testing import synthetic_scenario
from foedus.theory import obligations_kernels as obk
from foedus.theory import offence as th_offence

bl = sys.modules["foedus.sim.steps.blocs"]


def _bits(a) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float64).view(np.uint64)


def _read(world) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries the goods read: ``(i, t(i))`` of every row, ``(i, k(i))`` of the rows with an offence target, and the mask of them."""
    n = world.n
    main = obk.goods_rows(np.ascontiguousarray(world.results.threat, dtype=float), np.ascontiguousarray(world.state.power, dtype=float))[1]
    target = np.asarray(year_goods.offence_target(world))
    aimed = np.flatnonzero(target >= 0)
    rows = np.concatenate((np.arange(n), aimed))
    cols = np.concatenate((main, target[aimed]))
    mask = np.zeros((n, n), bool)
    mask[rows, cols] = True
    return rows, cols, mask


def _check_world(world) -> tuple[int, int]:
    """The partial war risk at the read entries against the full matrix (compiled, and the theory's path); 0 elsewhere. (live, at war)."""
    main = obk.goods_rows(np.ascontiguousarray(world.results.threat, dtype=float), np.ascontiguousarray(world.state.power, dtype=float))[1]
    got = bl._abstention(world, main, True)
    rows, cols, mask = _read(world)
    theory = pact_war_risk._war_risk_computed(world)  # onset_covariates, war_onset_hazard, war_expectation
    compiled = pact_war_risk._war_risk(world)
    assert np.array_equal(_bits(got["war_risk"][rows, cols]), _bits(theory[rows, cols]))
    assert np.array_equal(_bits(got["war_risk"][rows, cols]), _bits(compiled[rows, cols]))
    assert not got["war_risk"][~mask].any()
    assert np.array_equal(got["target"], year_goods.offence_target(world))
    # without the isolation good: the main threats' entries alone
    alone = bl._abstention(world, main, False)["war_risk"]
    n = world.n
    assert np.array_equal(_bits(alone[np.arange(n), main]), _bits(theory[np.arange(n), main]))
    at_war = world.state.at_war[rows, cols] if world.state.at_war.shape == (n, n) else np.zeros(len(rows), bool)
    live = (theory[rows, cols] > 0) & ~at_war
    return int(live.sum()), int(at_war.sum())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_war_risk_at_the_read_entries_is_the_full_matrix(seed):
    sim = Simulation(synthetic_scenario(50, seed=seed, years=30, alliances=5), rng=seed)
    live = wars = 0
    for _ in range(6):
        sim.run(5)
        a, b = _check_world(sim.world)
        live, wars = live + a, wars + b
    # pairs at war read where they are a row's main threat or target: put some there, as the conflict step would
    world = sim.world
    rows, cols, _ = _read(world)
    pick = np.random.default_rng(seed).choice(len(rows), 6, replace=False)
    pick = pick[rows[pick] != cols[pick]]
    world.state.at_war[rows[pick], cols[pick]] = world.state.at_war[cols[pick], rows[pick]] = True
    a, b = _check_world(world)
    assert live + a > 50 and wars + b > 0


def test_war_risk_at_the_read_entries_in_a_scenario():
    sim = Simulation(load_scenario("world-2022", 6), rng=4)
    live = 0
    for _ in range(3):
        sim.run(2)
        live += _check_world(sim.world)[0]
    assert live > 20


@pytest.mark.parametrize("seed", range(12))
def test_isolation_pairs_are_the_theory_isolation(seed):
    rng = np.random.default_rng(seed)
    n = 30
    h = rng.uniform(0.0, 1.0, (n, n)) * (rng.random((n, n)) < 0.6)
    h[rng.random(n) < 0.2] = 0.0  # states with no offence target
    np.fill_diagonal(h, 0.0)
    reach = rng.uniform(0.0, 0.5, (n, n)) * (rng.random((n, n)) < 0.8)
    reach[rng.random((n, n)) < 0.05] = 0.0
    defends = rng.random((n, n)) < 0.15
    np.fill_diagonal(defends, False)
    target = th_offence.offence_target(h).astype(np.int64)
    discount = float(rng.uniform(0.2, 1.0))
    strength = float(rng.uniform(0.0, 1.0))
    keep = 1.0 - strength  # blocs._iso_source's
    armed = rng.random(n) < 0.3
    deterred = th_offence.deterred_attackers(target, armed)
    want = th_offence.nuclear_deterrence(th_offence.isolation(h, reach, defends=defends) * discount, target, armed, strength=strength)
    out = np.zeros((n, n))
    have = np.zeros((n, n), bool)
    group = rng.permutation(n).astype(np.int64)
    isolation_pairs(group, have, h, reach, target, defends, discount, deterred, keep, out)
    assert np.array_equal(_bits(out), _bits(want))
    assert (target < 0).any() and (want > 0).any()
