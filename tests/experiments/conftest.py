"""Shared fixtures of the ensemble tests: a tiny scenario and small ensembles built once."""

from __future__ import annotations

import pytest

from ._common import KNOBS, RUNS, SEED, tiny_scenario


@pytest.fixture(scope="session")
def tiny():
    return tiny_scenario()


@pytest.fixture(scope="session")
def reference_ensemble(tmp_path_factory, tiny):
    """10 runs with two knobs varied, one worker (threads): the reference for byte comparisons."""
    from foedus.experiments.ensemble import run_ensemble

    out = tmp_path_factory.mktemp("ens") / "reference"
    run_ensemble(tiny, runs=RUNS, out=out, seed=SEED, knobs=KNOBS, workers=1, processes=False)
    return out


@pytest.fixture(scope="session")
def baseline_ensemble(tmp_path_factory, tiny):
    """12 runs of the tiny scenario, no knob varied, two workers (threads)."""
    from foedus.experiments.ensemble import run_ensemble

    out = tmp_path_factory.mktemp("ens") / "baseline"
    run_ensemble(tiny, runs=12, out=out, seed=7, workers=2, processes=False)
    return out
