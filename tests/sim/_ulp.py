"""Equality of a compiled kernel's numbers with the theory's, up to the last bits the C library decides.

The theory's functions evaluate ``exp``, ``log`` and powers of float64 arrays with numpy, which on a
CPU with AVX-512 uses its own vectorised routines (numpy's run-time SIMD dispatch) and elsewhere the C
library; numba's kernels call the C library (through LLVM). Both are correctly rounded to within an ulp,
so on some machines the two differ in the last bits of some elements (a few ulp once a logistic or a
product carries the difference on), and on others not at all. Where a test holds a kernel to a formula
containing such a function, it asks for that: the same shape, NaN and zeros in the same places, and
every element within a relative ``RTOL`` (1e-13: some 450 ulp, twelve orders of magnitude below any
difference a model term could make). Kernels whose arithmetic is only +, -, *, / and comparisons are
still held to the bit.
"""

from __future__ import annotations

import numpy as np

RTOL = 1e-13


def assert_same_numbers(got, want, rtol: float = RTOL) -> None:
    """Fail unless ``got`` and ``want`` have the same shape, NaNs and zeros and agree to ``rtol`` everywhere."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    assert got.shape == want.shape
    assert np.array_equal(np.isnan(got), np.isnan(want))
    assert np.array_equal(got == 0, want == 0)
    np.testing.assert_allclose(np.nan_to_num(got), np.nan_to_num(want), rtol=rtol, atol=0.0)
