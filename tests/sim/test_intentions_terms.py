"""year_goods.intentions_terms, the prior's weight on each pair's intentions and the expected threat in one compiled pass, equals
the theory functions' composition (relationship_age, intentions_uncertainty, expected_threat) to the bit (issue 16)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps import year_goods
from foedus.theory import reassurance as th


def _bits(a) -> bytes:
    a = np.asarray(a)
    return a.dtype.str.encode() + str(a.shape).encode() + a.tobytes()


def _theory(year, entry, threat, reach, decay, prior):
    u = th.intentions_uncertainty(th.relationship_age(year, entry, check=False), decay_years=decay, check=False)
    return u, th.expected_threat(threat, reach, u, prior=prior, check=False)


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 17, 66, 200])
def test_the_compiled_terms_equal_the_theory_to_the_bit(n):
    rng = np.random.default_rng(n)
    partial = 0  # pairs whose weight is strictly between 0 and 1 (neither an old pair nor a new one): the case tells something
    for trial in range(6):
        year = int(rng.integers(1816, 2030))
        entry = rng.integers(1700, year + 3, size=n)  # old members (<= 1816), new ones, and some entering after the year (age < 0)
        entry[rng.random(n) < 0.3] = 1816
        threat = rng.random((n, n)) * (rng.random((n, n)) < 0.5)
        reach = rng.random((n, n)) * rng.choice([1e-3, 1.0, 10.0])
        decay, prior = float(rng.choice([0.5, 7.0, 25.0])), float(rng.random())
        got = year_goods.intentions_terms(year, entry, threat, reach, decay=decay, prior=prior)
        want = _theory(year, entry, threat, reach, decay, prior)
        assert _bits(got[0]) == _bits(want[0]) and _bits(got[1]) == _bits(want[1])
        partial += int(((want[0] > 0.0) & (want[0] < 1.0)).sum())
    assert partial > 0 or n == 1


def test_without_decay_or_reach_the_theory_functions_answer():
    rng = np.random.default_rng(1)
    entry = np.array([1816, 1991, 1993, 1800])
    threat, reach = rng.random((4, 4)), rng.random((4, 4))
    for decay in (0.0, 10.0):
        got = year_goods.intentions_terms(2000, entry, threat, reach, decay=decay, prior=0.4)
        want = _theory(2000, entry, threat, reach, decay, 0.4)
        assert _bits(got[0]) == _bits(want[0]) and _bits(got[1]) == _bits(want[1])
    # a change of input moves the result (the test can fail)
    moved = year_goods.intentions_terms(2001, entry, threat, reach, decay=10.0, prior=0.4)
    assert _bits(moved[0]) != _bits(_theory(2000, entry, threat, reach, 10.0, 0.4)[0])
