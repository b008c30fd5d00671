"""Local triad dynamics (brief H3; Antal, Krapivsky & Redner 2005).

Known results checked: AKR's paradise for p > 1/2, their mean-field stationary density for
p < 1/2, and a finite network's balanced absorbing state (checked with :mod:`foedus.theory.balance`).
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.balance import is_balanced, triad_census
from foedus.theory.triad_dynamics import local_triad_dynamics, stationary_friendly_density


def test_stationary_density_formula():
    assert stationary_friendly_density(0.0) == pytest.approx(1 / (1 + np.sqrt(3)))
    assert stationary_friendly_density(0.5) == 1.0
    assert stationary_friendly_density(0.9) == 1.0
    # fixed point of the mean-field balance p n1 + n3 = (1 - p) n1, n1 = 3 r^2 (1-r), n3 = (1-r)^3
    for p in (0.1, 0.3, 0.45):
        r = stationary_friendly_density(p)
        n1, n3 = 3 * r**2 * (1 - r), (1 - r) ** 3
        assert p * n1 + n3 == pytest.approx((1 - p) * n1)


def test_finite_network_reaches_a_balanced_absorbing_state():
    res = local_triad_dynamics(10, p=0.3, initial=0.5, seed=2, max_updates=10**7)
    assert res.reached_balance
    assert res.unbalanced_triads[-1] == 0
    assert triad_census(res.signs).unbalanced == 0
    assert is_balanced(res.signs)
    assert res.friendly_density[-1] == pytest.approx(np.count_nonzero(np.triu(res.signs, 1) > 0) / 45)


def test_paradise_for_p_above_one_half():
    # AKR: for p > 1/2 a finite complete graph quickly reaches "paradise" (all ties friendly)
    finals = [local_triad_dynamics(30, p=0.75, initial=0.3, seed=s) for s in range(10)]
    assert all(r.reached_balance for r in finals)
    assert sum(r.friendly_density[-1] == 1.0 for r in finals) >= 9


@pytest.mark.parametrize("p", [0.0, 0.25, 0.4])
def test_quasi_stationary_density_for_p_below_one_half(p):
    n = 60
    M = n * (n - 1) // 2
    res = local_triad_dynamics(n, p=p, initial=0.5, seed=1, max_updates=40 * M, record_every=M // 10)
    late = res.friendly_density[res.time >= 10]
    assert not res.reached_balance  # balance takes exponentially long for p < 1/2
    assert late.mean() == pytest.approx(stationary_friendly_density(p), abs=0.02)


def test_dynamics_are_reproducible_and_validate():
    a = local_triad_dynamics(15, p=0.4, seed=7, max_updates=500)
    b = local_triad_dynamics(15, p=0.4, seed=7, max_updates=500)
    np.testing.assert_array_equal(a.signs, b.signs)
    np.testing.assert_array_equal(a.friendly_density, b.friendly_density)
    with pytest.raises(ValueError, match="probability"):
        local_triad_dynamics(10, p=1.5)
    with pytest.raises(ValueError, match="complete"):
        local_triad_dynamics(p=0.5, initial=np.zeros((4, 4), dtype=int))
