"""The dashboard's API fuzzed from its own OpenAPI document with schemathesis (issue 13).

Schemathesis reads ``/api/openapi.json`` from the app in process (ASGI) and sends every
operation generated requests, valid and invalid: query values of every type and size, unknown
sources and states, malformed forms and uploads. Every answer must be no server error (5xx),
carry a status code the document lists for that operation, and match the documented content
type and schema (an error is ``{"error": message}``).

The app is the dashboard over the real record and a runs folder with one run and one ensemble
(``tests/web/conftest.py``). Runs a request would start are not run: the job queue's ``submit``
answers a queued job without simulating, so only the request's parsing and validation are under
test. Examples are bounded (:data:`EXAMPLES` per operation) to keep CI short.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

RUN_NAME, ENSEMBLE_NAME = "europe-1871-seed3", "ensembles/europe-1871-x6"  # written by the runs_dir fixture of conftest.py

EXAMPLES = 30
"""Generated requests per API operation."""

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def fuzzed_app(record, runs_dir):
    from foedus.web.app import create_app

    app = create_app(record=record, runs_dir=runs_dir)
    jobs = app.state.jobs

    def submit(scenario, years, seed):  # parse and validate, but run nothing
        return _QueuedJob(scenario.name, years, seed)

    def submit_ensemble(scenario, years, seed, runs, knobs):
        return _QueuedJob(scenario.name, years, seed)

    jobs.submit = submit
    jobs.submit_ensemble = submit_ensemble
    return app


class _QueuedJob:
    def __init__(self, scenario: str, years: int, seed: int):
        self.scenario, self.years, self.seed = scenario, years, seed

    def public(self) -> dict:
        return {"id": "fuzz", "state": "queued", "scenario": self.scenario, "years": self.years, "seed": self.seed}


@pytest.fixture(scope="module")
def api_schema(fuzzed_app):
    return schemathesis.openapi.from_asgi("/api/openapi.json", fuzzed_app)


def _operations():
    """(path, method, mode) for every operation of the OpenAPI document, read from a bare app (the paths do not depend
    on the data): valid requests for each, and invalid ones for each that has a query or a body to make invalid."""
    from foedus.web.app import create_app

    doc = create_app(include_record=False).openapi()
    out = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            out.append((path, method.upper(), GenerationMode.POSITIVE))
            names = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
            if "source" in names:  # also on the real sources, so that the views themselves answer (not only 404)
                out += [(path, method.upper(), src) for src in (ENSEMBLE_SOURCE,) if "ensemble" in path]
                out += [(path, method.upper(), src) for src in ("record", f"run:{RUN_NAME}") if "ensemble" not in path]
            if "requestBody" in op or any(p["in"] == "query" for p in op.get("parameters", [])):
                out.append((path, method.upper(), GenerationMode.NEGATIVE))
    return out


ENSEMBLE_SOURCE = f"ensemble:{ENSEMBLE_NAME}"

SENT: dict[str, int] = {}
"""Requests sent per operation and mode (``pytest -s`` prints them)."""


@pytest.mark.parametrize("path, method, mode", _operations())
def test_the_api_answers_every_generated_request_as_documented(api_schema, path, method, mode):
    operation = api_schema[path][method]
    sent = []
    if isinstance(mode, GenerationMode):
        strategy = operation.as_strategy(generation_mode=mode)
    else:  # a real source: every other query value generated (valid)
        strategy = operation.as_strategy(query={"source": mode})

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    @given(strategy)
    def answer(case):
        sent.append(case)
        case.call_and_validate(checks=CHECKS)

    answer()
    assert sent  # schemathesis generated requests for this operation
    label = getattr(mode, "value", mode)
    SENT[f"{method} {path} {label}"] = len(sent)
    print(f"{method} {path} ({label}): {len(sent)} requests, {sum(SENT.values())} so far")
