"""The same bytes on every x86-64 machine: numpy's AVX-512 routines and OpenBLAS's per-CPU kernels pinned.

numpy evaluates ``exp``, ``log`` and powers of float64 arrays with its own AVX-512 routines on CPUs that
have AVX-512 (its run-time dispatch, target ``X86_V4``) and with the C library elsewhere; OpenBLAS picks
its matrix kernels by CPU, and their sums round differently. Both are correct to the last bit or two,
but a last bit can decide a draw (``rng.random() < p``), so a run on one machine would not give the
bytes of the same run on another, and numba's kernels (always the C library) would not equal the
theory's numpy form to the bit. Measured on 2026-12-06: on an AMD EPYC with AVX-512, 4.6 % of 200,000
``numpy.exp`` values differed from the C library's, and the runs of the regression digests written on
an AVX2 machine did not reproduce; with the settings below both did, to the bit.

:func:`pin_numerics` sets ``NPY_DISABLE_CPU_FEATURES`` (numpy's AVX-512 targets) and, where the CPU has
AVX2 and FMA, ``OPENBLAS_CORETYPE`` (Haswell's kernels) in the environment, unless the user has set
them, before numpy is first imported; worker processes (Dask) inherit them. ``import foedus`` calls it,
so the ``foedus`` program and any script that imports foedus before numpy are pinned; a script that
imports numpy first keeps the machine's own routines (same results on that machine, possibly other
last bits elsewhere). ``./dev`` sets the same variables for the tests.
"""

from __future__ import annotations

import os
import platform
import sys

NUMPY_FEATURES_OFF = "X86_V4 AVX512_ICL AVX512_SPR"
"""numpy's dispatch targets that carry its own AVX-512 maths (numpy 2.x names)."""

OPENBLAS_CORE = "Haswell"
"""OpenBLAS's AVX2 kernels, which every x86-64 CPU with AVX2 and FMA runs."""


def _cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def pin_numerics() -> bool:
    """Pin numpy's and OpenBLAS's CPU-dependent routines (above); True if the environment was set for this process.

    Does nothing off x86-64, or once numpy is imported (too late to take effect); never overrides a variable
    the user has set.
    """
    if "numpy" in sys.modules or platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", NUMPY_FEATURES_OFF)
    if {"avx2", "fma"} <= _cpu_flags():
        os.environ.setdefault("OPENBLAS_CORETYPE", OPENBLAS_CORE)
    return True
