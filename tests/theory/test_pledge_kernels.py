"""The compiled unread-alignment worth, local balance, aggrandisement and isolation (foedus.theory.pledge_kernels) equal the array forms to the bit.

The array forms are the theory functions themselves (:func:`foedus.theory.reassurance.unread_alignment`,
:func:`foedus.theory.deterrence_extended.local_balance`, :mod:`foedus.theory.offence`); random instances with ties (of the largest entries and of the
two largest), zero rows, zero capabilities, zero uncertainty and a real year of world-2022.
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import deterrence_extended as th_deter
from foedus.theory import offence as th_offence
from foedus.theory import pledge_kernels as kern
from foedus.theory import reassurance as th_reassure


def _bits(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def _instance(rng: np.random.Generator, n: int):
    """A matrix with ties and zeros (values from a few levels), reach, capabilities, uncertainty, pledges and war risks."""
    levels = np.array([0.0, 0.0, 0.05, 0.1, 0.1, 0.3, 0.7])
    t = rng.choice(levels, (n, n)) * rng.choice([1.0, 1.0, 0.5], (n, n))
    t[rng.random(n) < 0.2] = 0.0  # rows with no threat at all
    r = rng.random((n, n)) * (rng.random((n, n)) < 0.8)
    p = rng.random(n) * (rng.random(n) < 0.9)
    u = rng.random((n, n)) * (rng.random((n, n)) < 0.7)
    d = rng.random((n, n)) < 0.3
    w = rng.random((n, n)) * (rng.random((n, n)) < 0.8)
    return t, r, p, u, d, w


@pytest.mark.parametrize("seed", range(40))
def test_the_compiled_passes_equal_the_theory_functions_to_the_bit(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 30))
    t, r, p, u, d, w = _instance(rng, n)
    prior = float(rng.choice([0.0, 0.1, 0.5, 1.0]))
    want = th_reassure.unread_alignment(t, r, p, u, prior=prior, defends=d, war_risk=w, check=False)
    assert _bits(kern.unread_alignment(t, r, p, u, prior=prior, defends=d, war_risk=w), want)
    assert _bits(kern.local_balance(t, r), th_deter.local_balance(t, r, check=False))
    h = np.minimum(t * 1.4, 1.0)  # a hostility in [0, 1], with ties and rows hostile to no one
    target = th_offence.offence_target(h)
    assert _bits(kern.aggrandisement(h, r, target), th_offence.aggrandisement(h, r, check=False))
    assert _bits(kern.isolation(h, r, target), th_offence.isolation(h, r, check=False))
    assert _bits(kern.isolation(h, r, target, defends=d), th_offence.isolation(h, r, defends=d, check=False))


def test_one_state_and_a_real_year():
    one = np.zeros((1, 1))
    assert _bits(kern.local_balance(one, one), th_deter.local_balance(one, one))
    assert _bits(kern.unread_alignment(one, one, np.ones(1), one, prior=0.5, defends=one > 0, war_risk=one),
                 th_reassure.unread_alignment(one, one, np.ones(1), one, prior=0.5, defends=one > 0, war_risk=one))
    from foedus.sim import Simulation
    from foedus.sim.scenario import Scenario

    sim = Simulation(Scenario.load("world-2022"), rng=2)
    sim.run(4)
    w = sim.world
    t, r = w.results.threat, w.results.reach
    assert _bits(kern.local_balance(t, r), th_deter.local_balance(t, r))
    assert (kern.local_balance(t, r) < 1).any()  # not a trivial instance
    h = w.state.hostility
    target = th_offence.offence_target(h)
    aggr = th_offence.aggrandisement(h, r)
    assert _bits(kern.aggrandisement(h, r, target), aggr) and (aggr > 0).any()
    iso = th_offence.isolation(h, r, defends=w.results.threat > 0.01)
    assert _bits(kern.isolation(h, r, target, defends=w.results.threat > 0.01), iso) and (iso > 0).any()
