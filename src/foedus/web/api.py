"""The dashboard's JSON API, as three FastAPI routers by topic (documented at ``/api/openapi.json``).

- :data:`history_router` (tag ``sources``): the sources (record, runs, ensembles) and, for a
  history, its window, a year's network and map, series by year and one state;
- :data:`ensemble_router` (tag ``ensembles``): an ensemble's bands and the probability that two
  states are allied;
- :data:`jobs_router` (tag ``jobs``): scenario runs started from the page.

Each route reads the application's :class:`~foedus.web.sources.SourceRegistry`,
:class:`~foedus.web.jobs.JobManager` and :class:`~foedus.web.app.Limits` from ``app.state``
(set by :func:`foedus.web.app.create_app`). Every answer is JSON; errors are
``{"error": message}`` (see :mod:`foedus.web.app`).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from foedus.i18n import _
from foedus.report.errors import error_text
from foedus.web import ensembles, workbench
from foedus.web.jobs import QueueFull, UnknownJob

__all__ = ["ROUTERS", "PayloadTooLarge", "ensemble_router", "history_router", "jobs_router", "too_large"]

Source = Annotated[str, Query(min_length=1, max_length=300, description="source id, as listed by /api/sources")]
Year = Annotated[int, Query(description="calendar year inside the source's window")]
CowCode = Annotated[int, Query(ge=1, le=9999, description="COW state code")]


class PayloadTooLarge(Exception):
    """A request body over the upload limit."""


def too_large(limit: int) -> str:
    """The message refusing a body over ``limit`` bytes (in the figure a user can act on: KiB of scenario file)."""
    return _("request too large: the limit is {kib} KiB (a scenario file of at most that size)").format(kib=limit // 1024)


@contextmanager
def _client_errors():
    """What a view refuses, as the client's error: an unknown state or pair (KeyError) 404, a year or value outside
    the source (ValueError) 422."""
    try:
        yield
    except KeyError as e:
        raise HTTPException(404, str(e.args[0])) from e
    except ValueError as e:
        raise HTTPException(422, error_text(e)) from e


def _errors(*codes: int) -> dict[int, dict]:
    """OpenAPI ``responses`` for these error statuses: each answers ``{"error": message}``."""
    return {c: {"description": _ERROR_MEANINGS[c], "content": {"application/json": {"schema": _ERROR_SCHEMA}}} for c in codes}


_ERROR_SCHEMA = {"type": "object", "properties": {"error": {"type": "string", "description": "what was refused, and why"}}, "required": ["error"]}
_ERROR_MEANINGS = {
    400: "the Host header does not name this server (DNS-rebinding guard)",
    403: "a state-changing request from another site (cross-site request forgery guard)",
    404: "no such source, job, state or pair",
    413: "the request body is over the upload limit",
    415: "the uploaded file is not .yaml, .yml or .toml",
    422: "a field, year or scenario is invalid (the message names it, with the file's line)",
    429: "too many runs queued; wait for one to finish",
}

history_router = APIRouter(prefix="/api", tags=["sources"], responses=_errors(400))
ensemble_router = APIRouter(prefix="/api", tags=["ensembles"], responses=_errors(400, 404, 422))
jobs_router = APIRouter(prefix="/api", tags=["jobs"], responses=_errors(400))

_JOB_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "builtin": {"type": "string", "description": "name of a built-in scenario (or give file)"},
                        "file": {"type": "string", "format": "binary", "description": "a scenario file, YAML or TOML (or give builtin)"},
                        "years": {"type": "integer", "minimum": 1, "description": "years to simulate (at most the server's limit)"},
                        "seed": {"type": "integer", "minimum": 0, "description": "seed of the run"},
                        "overrides": {"type": "string", "description": 'JSON {"trends": {NAME: value}, "parameters": {NAME: value}}'},
                    },
                }
            },
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"builtin": {"type": "string"}, "years": {"type": "integer"}, "seed": {"type": "integer"}, "overrides": {"type": "string"}},
                }
            },
        },
    }
}
_ENSEMBLE_FORM = json.loads(json.dumps(_JOB_FORM))
for _media in _ENSEMBLE_FORM["requestBody"]["content"].values():
    _media["schema"]["properties"]["runs"] = {"type": "integer", "minimum": 2, "description": "runs in the ensemble (at most the server's limit)"}
    _media["schema"]["properties"]["knobs"] = {"type": "string", "description": "knobs to vary, NAME=LOW:HIGH separated by commas"}
_ZIP = {"description": "a ZIP file", "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}
ROUTERS = (history_router, ensemble_router, jobs_router)
"""Every router of the API, in the order the OpenAPI page lists them."""


@history_router.get("/health", summary="Liveness")
def health() -> dict:
    """``{"status": "ok"}`` while the server answers."""
    return {"status": "ok"}


@history_router.get("/sources", summary="Sources, built-in scenarios and limits")
def sources(request: Request) -> dict:
    """Every source (the record, then runs and ensembles, newest first), the built-in scenarios the page can run,
    the dashboard's limits, and whether ensembles can be shown here."""
    from foedus.sim.scenario import builtin_names

    return {
        "sources": [s.public() for s in request.app.state.registry.sources()],
        "scenarios": builtin_names(),
        "limits": asdict(request.app.state.limits),
        "ensembles": {"available": ensembles.available(), "reason": ensembles.unavailable_reason()},
    }


@history_router.get("/outlines", summary="Country outlines of the map")
def outlines() -> dict:
    """Natural Earth 1:110m country outlines (from world-atlas, vendored at setup; :mod:`foedus.web.outlines`), largest
    first, each as ``lon``/``lat`` lists with ``null`` between rings; ``available`` false, with ``reason``, when they
    are not installed (the map then draws capitals only)."""
    return _outlines_json()


_OUTLINES: dict[str, dict] = {}
"""The outlines' JSON once built (absent while they are not installed, so that installing them needs no restart)."""


def _outlines_json() -> dict:
    from foedus.web.outlines import OutlinesMissing, load_outlines, outlines_path

    key = str(outlines_path())
    if key not in _OUTLINES:
        try:
            _OUTLINES[key] = load_outlines().public()
        except OutlinesMissing as e:
            return {"available": False, "reason": str(e), "source": "", "countries": []}
    return _OUTLINES[key]


@history_router.get("/meta", summary="Window, states and notes of a source", responses=_errors(404, 422))
def meta(request: Request, source: Source) -> dict:
    """The source's window, its states (for the state chooser), data notes and unit of military expenditure;
    for an ensemble, its runs and scenario."""
    registry = request.app.state.registry
    if registry.info(source).kind == "ensemble":
        return registry.ensemble(source).meta()
    return registry.view(source).meta()


@history_router.get("/year", summary="A year's network, blocs, map and agreements in force", responses=_errors(404, 422))
def year(
    request: Request,
    source: Source,
    year: Year,
    kinds: Annotated[str, Query(pattern="^(alliance|all)$", description="'alliance' or 'all' agreement kinds")] = "alliance",
    blocs: Annotated[str, Query(pattern="^(poles|modularity|components)$", description="bloc definition (foedus.analysis.polarity.BLOC_METHODS)")] = "poles",
) -> dict:
    """The alliance network of one year (nodes placed by a force layout, blocs, polarity), the states on the map
    and the agreements in force with why they formed."""
    with _client_errors():
        return request.app.state.registry.view(source).year(year, kinds, blocs)


@history_router.get("/series", summary="Agreements by kind and military spending by year", responses=_errors(404, 422))
def series(request: Request, source: Source) -> dict:
    """Year-by-year series of a history: agreements in force by kind and the major powers' military expenditure."""
    return request.app.state.registry.view(source).series()


@history_router.get("/polarity", summary="Poles, cluster poles and CON by year", responses=_errors(404, 422))
def polarity_series(request: Request, source: Source) -> dict:
    """Polarity of the defence-pact network by year: poles, cluster poles (Wayman 1984) and CON (Ray & Singer
    1973). Slower than the other routes (seconds for the record); cached once computed."""
    return request.app.state.registry.view(source).polarity_series()


@history_router.get("/state", summary="One state in a year", responses=_errors(404, 422))
def state(request: Request, source: Source, ccode: CowCode, year: Year) -> dict:
    """One state in a year: its partners, its bloc, the agreements it belongs to and its history of membership."""
    with _client_errors():
        return request.app.state.registry.view(source).state(ccode, year)


@ensemble_router.get("/ensemble", summary="Bands of an ensemble")
def ensemble(request: Request, source: Source) -> dict:
    """Median and 5-95 % band per year of each indicator across the ensemble's runs (when ensembles are available)."""
    return request.app.state.registry.ensemble(source).bands()


@ensemble_router.get("/ensemble/allied", summary="Probability that two states are allied")
def ensemble_allied(
    request: Request,
    source: Source,
    a: Annotated[int, Query(ge=1, le=9999, description="COW code of the first state")],
    b: Annotated[int, Query(ge=1, le=9999, description="COW code of the second state")],
) -> dict:
    """Share of runs in which states ``a`` and ``b`` share a defence pact, in each year and by each year, with
    its 90 % interval."""
    if a == b:
        raise HTTPException(422, _("choose two different states"))
    ens = request.app.state.registry.ensemble(source)
    with _client_errors():
        return ens.allied(a, b)


@jobs_router.get("/jobs", summary="Runs started from the page")
def list_jobs(request: Request) -> dict:
    """Every run started from the page (queued, running, finished or failed), newest first."""
    return {"jobs": [j.public() for j in request.app.state.jobs.jobs()]}


@jobs_router.get("/jobs/{job_id}", summary="Progress of a run", responses=_errors(404))
def job(request: Request, job_id: str) -> dict:
    """The progress of a run; when it is done, ``source_id`` names its history among the sources."""
    try:
        return request.app.state.jobs.get(job_id).public()
    except UnknownJob as e:
        raise HTTPException(404, str(e)) from e


@jobs_router.post("/jobs", status_code=202, summary="Run a scenario", responses=_errors(403, 413, 415, 422, 429), openapi_extra=_JOB_FORM)
async def submit(request: Request) -> dict:
    """Run a built-in scenario (form field ``builtin``) or an uploaded scenario file (``file``, YAML or TOML) for
    ``years`` years with ``seed``, its trends and parameters changed by ``overrides`` (JSON), in the background;
    answers the job (202) to follow at ``/api/jobs/{id}``."""
    limits = request.app.state.limits
    form, scenario, years, seed = await _parse_job(request, limits)
    try:
        return request.app.state.jobs.submit(scenario, years, seed).public()
    except QueueFull as e:
        raise HTTPException(429, str(e)) from e


@jobs_router.post("/ensembles", status_code=202, summary="Run a small ensemble", responses=_errors(403, 413, 415, 422, 429), openapi_extra=_ENSEMBLE_FORM)
async def submit_ensemble(request: Request) -> dict:
    """Run ``runs`` runs of a scenario (``builtin`` or ``file``, with ``overrides``) for ``years`` years, ensemble
    seed ``seed``, varying the ``knobs`` given (``NAME=LOW:HIGH``, comma-separated; none: the runs differ by their
    seed); answers the job (202). Its ``source_id`` names the ensemble as soon as the first run is written, so that
    its bands can be shown while they fill in."""
    limits = request.app.state.limits
    if not ensembles.available():
        raise HTTPException(422, ensembles.unavailable_reason())
    form, scenario, years, seed = await _parse_job(request, limits)
    runs = _int_field(form.get("runs"), "runs", min(10, limits.max_ensemble_runs), 2, limits.max_ensemble_runs, "the form")
    knobs = _knobs(form.get("knobs"))
    try:
        return request.app.state.jobs.submit_ensemble(scenario, years, seed, runs, knobs).public()
    except QueueFull as e:
        raise HTTPException(429, str(e)) from e


def _knobs(raw) -> tuple[str, ...]:
    """The ``knobs`` form field: ``NAME=LOW:HIGH[:LEVELS]`` items separated by commas, each checked
    (:func:`foedus.experiments.design.parse_knob`), else HTTPException 422 naming the item."""
    from foedus.experiments.design import parse_knob

    if raw is None or not str(raw).strip():
        return ()
    items = tuple(k.strip() for k in str(raw)[:2000].split(",") if k.strip())
    for k in items:
        try:
            parse_knob(k)
        except ValueError as e:
            raise HTTPException(422, _("form field 'knobs': {reason}").format(reason=str(e).replace("--vary ", ""))) from None
    return items


@jobs_router.get("/scenario", summary="A built-in scenario's drivers and parameters", responses=_errors(404, 422))
def scenario_editor(builtin: Annotated[str, Query(min_length=1, max_length=100, description="name of a built-in scenario")]) -> dict:
    """The trend drivers (T1-T5) and engine parameters of a built-in scenario, each with its bounds, default,
    description and the scenario's value, for the page's form."""
    from foedus.sim.scenario import Scenario, builtin_names

    if builtin not in builtin_names():
        raise HTTPException(404, _("unknown built-in scenario {name!r}; choose one of {choices}").format(
            name=builtin, choices=", ".join(builtin_names())))
    return workbench.editor(Scenario.builtin(builtin))


@history_router.get("/download", summary="The year on screen as files", responses={**_errors(404, 422), 200: _ZIP})
def download(
    request: Request,
    source: Source,
    year: Year,
    format: Annotated[str, Query(pattern="^(csv|gexf)$", description="'csv' (states, ties, agreements) or 'gexf' (the network)")] = "csv",
    kinds: Annotated[str, Query(pattern="^(alliance|all)$", description="'alliance' or 'all' agreement kinds")] = "alliance",
    blocs: Annotated[str, Query(pattern="^(poles|modularity|components)$", description="bloc definition")] = "poles",
) -> Response:
    """The year shown on the page as a ZIP file: CSV tables (states with their bloc, ties, agreements in force) or
    the network as GEXF, each with its provenance sidecar (:mod:`foedus.data.export`)."""
    with _client_errors():
        name, data = workbench.year_bundle(request.app.state.registry.view(source), year, kinds, blocs, format, source)
    return Response(data, media_type="application/zip", headers={"Content-Disposition": f'attachment; filename="{name}"'})


async def _parse_job(request: Request, limits) -> tuple:
    """Read and validate a run request: (form, scenario with its overrides, years, seed), within ``limits``
    (:class:`foedus.web.app.Limits`).

    Raises HTTPException (4xx) with a message that says what to change.
    """
    ctype = request.headers.get("content-type", "")
    if not (ctype.startswith("multipart/form-data") or ctype.startswith("application/x-www-form-urlencoded")):
        raise HTTPException(415, _("send the run request as a form (multipart/form-data): builtin=NAME or file=@scenario.yaml, years, seed"))
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=limits.max_upload_bytes)
    except Exception as e:  # malformed multipart bodies raise several parser-specific types, maybe grouped
        leaves = _leaves(e)
        too = next((x for x in leaves if isinstance(x, PayloadTooLarge)), None)
        if too is not None:
            raise too from None
        raise HTTPException(400, _("malformed form: {reason}").format(reason=leaves[0])) from e
    scenario, source = await _form_scenario(form, limits)
    overrides = form.get("overrides")
    if overrides is not None and not isinstance(overrides, str):
        raise HTTPException(422, _("form field 'overrides': expected text (JSON), not a file"))
    try:
        scenario = workbench.apply_overrides(scenario, overrides, source)
    except workbench.WorkbenchError as e:
        raise HTTPException(422, str(e)) from None
    years = _int_field(form.get("years"), "years", scenario.years, 1, limits.max_years, source)
    seed = _int_field(form.get("seed"), "seed", scenario.seed, 0, 2**32 - 1, source)
    if len(scenario.actors) > limits.max_actors:
        raise HTTPException(422, _("scenario {name!r} has {n} states; the dashboard runs at most {limit}").format(
            name=scenario.name, n=len(scenario.actors), limit=limits.max_actors))
    return form, scenario, years, seed


async def _form_scenario(form, limits) -> tuple:
    """The scenario a form names (``builtin``) or carries (``file``), and how messages name it."""
    from foedus.sim.scenario import Scenario, ScenarioError, builtin_names

    builtin = form.get("builtin")
    upload = form.get("file")
    has_file = upload is not None and not isinstance(upload, str)
    if bool(builtin) == has_file:
        raise HTTPException(422, _("give exactly one of 'builtin' (a built-in scenario name) or 'file' (a scenario file)"))
    if builtin:
        if not isinstance(builtin, str) or builtin not in builtin_names():
            raise HTTPException(422, _("unknown built-in scenario {name!r}; choose one of {choices}").format(
                name=str(builtin)[:60], choices=", ".join(builtin_names())))
        return Scenario.builtin(builtin), _("built-in scenario {name!r}").format(name=builtin)
    name = Path(upload.filename or "scenario.yaml").name
    suffix = Path(name).suffix.lower()
    if suffix not in (".yaml", ".yml", ".toml"):
        raise HTTPException(415, _("{name}: a scenario file must be .yaml, .yml or .toml").format(name=name))
    data = await upload.read(limits.max_upload_bytes + 1)
    if len(data) > limits.max_upload_bytes:
        raise HTTPException(413, too_large(limits.max_upload_bytes))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPException(422, _("{name}: not UTF-8 text (byte {byte})").format(name=name, byte=e.start)) from e
    try:
        return Scenario.from_text(text, source=name, toml=suffix == ".toml"), name
    except ScenarioError as e:
        raise HTTPException(422, error_text(e)) from e


def _leaves(e: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups, or ``[e]``."""
    if isinstance(e, BaseExceptionGroup):
        return [x for sub in e.exceptions for x in _leaves(sub)]
    return [e]


def _int_field(raw: Any, name: str, default: int, lo: int, hi: int, source: str) -> int:
    """A whole-number form field within ``lo``-``hi`` (``default``, the scenario's own, when absent), else HTTPException 422.

    When the value out of range is the scenario's own (``source``: the uploaded file or the
    built-in), the message names the scenario and its field, not a form field the request lacks.
    """
    if raw is None or raw == "":
        if not lo <= default <= hi:
            raise HTTPException(422, _("{source}, field '{name}': {value} is outside {lo}-{hi} here; give the form field '{name}'").format(
                source=source, name=name, value=_shown(default), lo=lo, hi=hi))
        value = default
    else:
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise HTTPException(422, _("form field '{name}': not a whole number (got {value!r})").format(name=name, value=str(raw)[:40])) from None
    if not lo <= value <= hi:
        raise HTTPException(422, _("form field '{name}': {value} is outside {lo}-{hi}").format(name=name, value=_shown(value), lo=lo, hi=hi))
    return value


def _shown(value: int) -> str:
    """A whole number as a message shows it: in full up to 24 digits, else its start and its length."""
    text = str(value)
    return text if len(text) <= 24 else f"{text[:12]}... " + _("({n} digits)").format(n=len(text.lstrip("-")))
