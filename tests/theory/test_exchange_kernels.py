"""valued_autonomy_change's compiled pass (check=False on (N, N) pairs) equals its array form to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import exchange as th_ex


def _ref(da, x, pi, pj, half_worth, rho):
    r = np.asarray(pj, float) / np.asarray(pi, float)
    eta = r / (r + half_worth) if half_worth > 0 else np.ones(np.broadcast(r).shape)
    return np.asarray(da, float) - (1.0 - eta * np.asarray(rho, float)) * np.maximum(np.asarray(x, float), 0.0)


@pytest.mark.parametrize("seed", range(12))
def test_valued_kernel_equals_array_form(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    pw = rng.random(n) + 1e-9
    da, x = rng.normal(size=(n, n)), rng.normal(size=(n, n)) * (rng.random((n, n)) > 0.3)
    x[rng.random((n, n)) < 0.1] = -0.0
    hw = [0.0, 1e-4, 0.01, 1.0][seed % 4]
    rho = 1.0 if seed % 3 == 0 else (rng.random((n, n)) > 0.5).astype(float) * rng.random((n, n))
    got = th_ex.valued_autonomy_change(da, x, pw[:, None], pw[None, :], half_worth=hw, reach_share=rho, check=False)
    want = _ref(da, x, pw[:, None], pw[None, :], hw, rho)
    assert got.shape == want.shape and got.dtype == want.dtype and got.tobytes() == want.tobytes()
    checked = th_ex.valued_autonomy_change(da, x, pw[:, None], pw[None, :], half_worth=hw, reach_share=rho, check=True)
    assert checked.tobytes() == want.tobytes()


def test_valued_kernel_leaves_inputs_writeable():
    da, x = np.zeros((3, 3)), np.ones((3, 3))
    rho = np.ones((3, 3))
    th_ex.valued_autonomy_change(da, x, np.ones((3, 1)), np.ones((1, 3)), half_worth=0.1, reach_share=rho, check=False)
    assert da.flags.writeable and x.flags.writeable and rho.flags.writeable
