"""foedus pins numpy's and OpenBLAS's CPU-dependent routines, so a run gives the same bytes on every x86-64 machine (foedus._numerics)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from foedus import _numerics

_CHECK = """
import foedus, math, numpy as np
x = np.random.default_rng(0).normal(size=100_000) * 5
a = np.abs(x) + 1e-3
assert (np.exp(x) == np.array([math.exp(v) for v in x])).all(), "exp"
assert (np.log(a) == np.array([math.log(v) for v in a])).all(), "log"
assert (np.power(a, 0.7) == np.array([v ** 0.7 for v in a])).all(), "pow"
print("same")
"""


def test_numpy_computes_exp_log_and_powers_as_the_c_library_and_numba_do():
    """In a fresh process that imports foedus first (as the ``foedus`` program does), numpy's exp, log and power equal
    the C library's to the bit (on an AVX-512 machine without the pin, about 4.6 % of exp values differ)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE")}
    out = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "same", out.stderr[-2000:]


def test_the_pin_leaves_an_imported_numpy_and_the_users_settings_alone(monkeypatch):
    assert "numpy" in sys.modules and np is not None
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Zen")
    assert _numerics.pin_numerics() is False  # too late once numpy is loaded: nothing is set
    assert os.environ["OPENBLAS_CORETYPE"] == "Zen"
