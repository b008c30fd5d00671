"""threat_terms' per-pair path (issue 16) reads the same values as the whole matrices it no longer rebuilds, to the bit."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.steps import threat as th
from foedus.sim.steps.threat_kernels import _commitment_kernel
from foedus.sim.steps.threat_pair_kernels import commitment_rows
from foedus.testing import synthetic_scenario


def _moved_world(seed: int):
    """A synthetic world after a few simulated years (alliances formed, rivalries and capabilities moved)."""
    sc = synthetic_scenario(40, seed=seed, years=6, alliances=4, cyber=True, spread_km=12000.0)
    sim = Simulation(sc, rng=seed)
    sim.run(5)
    return sim.world


def _pairs(world, rng):
    i = np.concatenate([rng.integers(0, world.n, 30), [0, 0, world.n - 1]])
    j = np.concatenate([rng.integers(0, world.n, 30), [1, 1, 0]])
    keep = i != j
    return i[keep], j[keep]


def _stale(world):
    """As after a founding: the kept matrices no longer hold (the next whole matrix is rebuilt from the agreements)."""
    world.state.agreements.version += 1


def test_commitment_rows_are_the_rows_of_the_whole_kernel():
    rng = np.random.default_rng(0)
    for n, cap in ((7, 5), (30, 40)):
        members = rng.random((cap, n)) < 0.3
        active = rng.random(cap) < 0.8
        domain = rng.integers(0, 3, cap)
        c = np.round(rng.random(cap), 1)  # ties between pacts, zeros
        whole = np.zeros((n, n))
        _commitment_kernel(members, active, domain, c, cap - 1, 1, whole)
        rows = np.array([0, n - 1, 2, 2, 3], dtype=np.intp)
        out = np.zeros((len(rows), n))
        commitment_rows(members, active, domain, c, cap - 1, 1, rows, out)
        assert out.tobytes() == np.ascontiguousarray(whole[rows]).tobytes()


def test_the_pairs_are_the_whole_matrices_to_the_bit():
    rng = np.random.default_rng(1)
    for seed in (1, 2, 3):
        world = _moved_world(seed)
        for stationed in (False, True):
            if stationed:  # every pact highly institutionalised: the great powers' forces stand on their weak allies' soil
                ag = world.state.agreements
                ag.institutionalised[: ag.n] = th.STATIONING
            _stale(world)
            i, j = _pairs(world, rng)
            got = {"reassurance": th._reassurance_pairs(world, i, j), "commitment": th._commitment_rows(world, i),
                   "forward": th._forward_pairs(world, i, j), "trade": th._trade_restraint_pairs(world, i, j)}
            assert "alliance_reassurance" not in world.cache or world.cache["alliance_reassurance"][0][0] != world.state.agreements.version
            whole = {"reassurance": th.alliance_reassurance(world)[i, j], "commitment": th.alliance_commitment(world)[i],
                     "forward": th.forward_distance_exponent(world)[i, j], "trade": th.trade_restraint(world)[i, j]}
            for k, v in got.items():
                assert v.shape == whole[k].shape and v.tobytes() == np.ascontiguousarray(whole[k]).tobytes(), k
            # and while the kept matrices hold, the pairs are read from them
            assert th._reassurance_pairs(world, i, j).tobytes() == whole["reassurance"].tobytes()
            assert th._commitment_rows(world, i).tobytes() == np.ascontiguousarray(whole["commitment"]).tobytes()
        # the stationed case moved some exponents (forward presence): those pairs, computed alone (_forward_pairs keeps nothing)
        whole = th.forward_distance_exponent(world)
        fi, fj = np.nonzero(whole < th.distance_exponent(world))
        assert len(fi) > 0 and th.forward_hosts(world).any()
        assert th._forward_pairs(world, fi, fj).tobytes() == whole[fi, fj].tobytes()


def test_threat_terms_read_the_whole_matrices_values():
    rng = np.random.default_rng(2)
    world = _moved_world(4)
    _stale(world)
    i, j = _pairs(world, rng)
    terms = th.threat_terms(world, i, j)
    x = th.forward_distance_exponent(world)
    for k, d in enumerate(terms):
        assert d["ally_commitment"] == th.alliance_reassurance(world)[i[k], j[k]] * (1.0 - world.state.rivalry[i[k], j[k]])
        assert d["trade_restraint"] == th.trade_restraint(world)[i[k], j[k]]
        assert d["distance_exponent"] == x[i[k], j[k]]
