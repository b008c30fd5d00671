"""Fixtures of the dashboard tests: a runs folder with one small simulated run, and one app for the session.

The app is shared by the API tests (TestClient) and the browser tests (uvicorn in a thread), so
the record's expensive per-source computations (blocs of every year) are done once. The browser
tests drive Debian's /usr/bin/chromium (never a downloaded build) through Playwright; their
screenshots go to ``$FOEDUS_SCREENSHOTS`` or a temporary folder (printed).
"""

from __future__ import annotations

import os
import socket
import threading
import time
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
def outlines_vendored():
    """Vendor the map's country outlines if setup has not (``python -m foedus.web.outlines``), before any app of the
    session is made: a history's view keeps the map layer of a year it has drawn, so a session whose first tests
    drew the record's 1914 without outlines (a fresh work tree) served that layer to the map test too ("0 outlines
    drawn, 176 served"). The error, if the outlines cannot be vendored, else None."""
    from foedus.web.outlines import OutlinesMissing, vendor

    try:
        vendor()
    except OutlinesMissing as e:
        return e
    return None


@pytest.fixture(scope="session")
def outlines_installed(outlines_vendored):
    """The map's country outlines; the test is skipped, saying why, only when no npm client is installed to fetch them."""
    from foedus.web.outlines import load_outlines

    if outlines_vendored is not None:
        if "not installed" in str(outlines_vendored):
            pytest.skip(f"country outlines cannot be vendored here: {outlines_vendored}")
        raise outlines_vendored
    return load_outlines()


@pytest.fixture(scope="session")
def app(record, runs_dir, outlines_vendored):
    """The dashboard over the real record and ``runs_dir`` (the outlines vendored first, when they can be)."""
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


# ---------------------------------------------------------------------- browser tests
CHROMIUM = Path("/usr/bin/chromium")
NO_CHROMIUM = "Debian's chromium is not installed at /usr/bin/chromium (CI installs it: apt-get install -y chromium chromium-driver)"

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def server(app):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    t0 = time.monotonic()
    while not srv.started:
        if time.monotonic() - t0 > 20 or not t.is_alive():
            raise RuntimeError("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Debian's Chromium (headless) through Playwright, 1440 x 900; the test is skipped without it."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1440, "height": 900},
        )
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ["FOEDUS_SCREENSHOTS"]) if os.environ.get("FOEDUS_SCREENSHOTS") else tmp_path_factory.mktemp("screenshots")
    d.mkdir(parents=True, exist_ok=True)
    print(f"\ndashboard screenshots in {d}")
    return d


@pytest.fixture
def ready():
    """A function waiting until the page is idle (see :func:`_ready`)."""
    return _ready


def _ready(page, **attrs) -> None:
    """Wait until the page is idle (``body[data-status=ready]``) with these ``data-`` attributes (``"run:*"``: a prefix)."""
    sel = "body[data-status=ready]" + "".join(f'[data-{k}{"^" if v.endswith("*") else ""}="{v.rstrip("*")}"]' for k, v in attrs.items())
    page.wait_for_selector(sel, timeout=TIMEOUT_MS)
