"""Strategies and helpers shared by the tests of :mod:`foedus.theory`."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory.threat import threat_matrix

unit = st.one_of(st.just(0.0), st.floats(1e-4, 1.0))
"""A value in [0, 1], 0 itself often."""

shapes = st.sampled_from([(), (5,), (3, 5)])
"""Scalar, per state, per alliance x state: shapes that broadcast together, as in the simulator."""


@st.composite
def systems(draw, n_min=2, n_max=8):
    """Power shares, a Walt threat matrix and hostility for a random system."""
    n = draw(st.integers(n_min, n_max))
    power = draw(hnp.arrays(float, n, elements=unit))
    prox = draw(hnp.arrays(float, (n, n), elements=unit))
    off = draw(hnp.arrays(float, n, elements=unit))
    hostility = draw(hnp.arrays(float, (n, n), elements=unit))
    return power, threat_matrix(power, prox * (1 - np.eye(n)), off, hostility), hostility


def same_bits(a, b):
    """``a`` and ``b`` are the same array to the bit (shape, dtype and bytes)."""
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape and a.dtype == b.dtype
    assert np.array_equal(a, b) and a.tobytes() == b.tobytes()


def draw(rng, shape, lo=0.0, hi=1.0):
    """Uniform values in [lo, hi] with some entries exactly at the bounds; a float for shape ()."""
    x = rng.uniform(lo, hi, shape)
    x = np.where(rng.random(shape) < 0.1, lo, np.where(rng.random(shape) < 0.1, hi, x))
    return float(x) if shape == () else x
