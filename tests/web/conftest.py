"""Fixtures of the dashboard tests: a runs folder with one small simulated run, and one app for the session.

The app is shared by the API tests (TestClient) and the browser tests (uvicorn in a thread), so
the record's expensive per-source computations (blocs of every year) are done once.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

RUN_NAME = "europe-1871-seed3"
RUN_YEARS = 4
ENSEMBLE_NAME = "ensembles/europe-1871-x6"
ENSEMBLE_RUNS = 6


@pytest.fixture(scope="session")
def runs_dir(tmp_path_factory) -> Path:
    """A runs folder with one run as ``foedus simulate --out`` writes it and one small ensemble.

    The run: europe-1871, 4 years, seed 3. The ensemble (in a sub-folder): 6 runs of 4 years,
    ensemble seed 1, run on one thread of a local Dask cluster.
    """
    from foedus.experiments.ensemble import run_ensemble
    from foedus.sim.output import simulate_to_dir
    from foedus.sim.scenario import Scenario

    d = tmp_path_factory.mktemp("runs")
    simulate_to_dir(Scenario.builtin("europe-1871"), d / RUN_NAME, years=RUN_YEARS, seed=3, checkpoint_every=0)
    run_ensemble("europe-1871", runs=ENSEMBLE_RUNS, years=RUN_YEARS, seed=1, out=d / ENSEMBLE_NAME, workers=1, processes=False)
    return d


@pytest.fixture(scope="session")
def app(record, runs_dir):
    """The dashboard over the real record and ``runs_dir``."""
    from foedus.web.app import create_app

    return create_app(record=record, runs_dir=runs_dir)


@pytest.fixture(scope="session")
def client(app):
    """A TestClient of the session's app."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def small_app(tmp_path):
    """An app without the record, with tight limits, over an empty runs folder (for validation tests)."""
    from foedus.web.app import Limits, create_app

    return create_app(runs_dir=tmp_path / "runs", include_record=False, limits=Limits(max_upload_bytes=4096, max_years=10, max_actors=12, max_pending=1))


@pytest.fixture
def small_client(small_app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(small_app) as c:
        yield c
