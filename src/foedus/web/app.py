"""The dashboard's web application (FastAPI): a JSON API and one page.

:func:`create_app` builds the application; :func:`serve` runs it with uvicorn on
``127.0.0.1`` unless another interface is named. The page (``static/index.html``) draws with
plotly.js, served from the ``plotly`` Python package itself, so nothing is fetched from the
internet.

API (every answer is JSON; every error is ``{"error": message}`` with a 4xx status, or 503
when a listed source cannot be read):

=====================================  ===============================================================
``GET  /api/sources``                  sources (record, runs, ensembles), built-in scenarios, limits
``GET  /api/meta?source=ID``           window, states, notes of a source
``GET  /api/year?source=&year=&kinds`` network, blocs, map, agreements in force of a year
``GET  /api/series?source=ID``         agreements by kind and military spending by year
``GET  /api/polarity?source=ID``       poles, cluster poles and CON by year (slower: seconds)
``GET  /api/state?source=&ccode=&year`` one state in a year: partners, bloc, agreements, history
``GET  /api/ensemble?source=ID``       ensemble bands (when ensembles are available)
``GET  /api/ensemble/allied?source=&a=&b=``  probability that two states are allied, by year
``POST /api/jobs``                     run a built-in (``builtin``) or uploaded (``file``) scenario
``GET  /api/jobs/ID``                  progress of a run; ``source_id`` of the result when done
=====================================  ===============================================================

Limits: uploads up to :attr:`Limits.max_upload_bytes`, runs up to :attr:`Limits.max_years`
years and :attr:`Limits.max_actors` states (the dashboard is for small runs; use
``foedus simulate`` for big ones).
"""

from __future__ import annotations

import ipaddress
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any, Callable

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from foedus.schema import History
from foedus.web import ensembles
from foedus.web.jobs import JobManager, QueueFull, UnknownJob
from foedus.web.sources import SourceRegistry, SourceUnavailable, UnknownSource, default_runs_dir

__all__ = ["Limits", "STATIC_DIR", "plotly_js_path", "create_app", "serve", "is_loopback"]

Source = Annotated[str, Query(min_length=1, max_length=300, description="source id, as listed by /api/sources")]

STATIC_DIR = Path(__file__).parent / "static"
"""The page, its script and style sheet."""


@dataclass(frozen=True)
class Limits:
    """What the dashboard accepts."""

    max_upload_bytes: int = 256 * 1024
    """Largest scenario file accepted (bytes)."""
    max_years: int = 100
    """Longest run started from the page (years)."""
    max_actors: int = 250
    """Most states in a scenario run from the page."""
    max_pending: int = 3
    """Runs queued or running at once."""


def plotly_js_path() -> Path:
    """The ``plotly.min.js`` bundled in the ``plotly`` Python package (served locally as ``/vendor/plotly.min.js``)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PayloadTooLarge(Exception):
    """A request body over the upload limit."""


class _BodyLimit:
    """ASGI middleware refusing request bodies over ``limit`` bytes on POST routes under ``/api/``.

    ``limit`` is the upload limit plus room for the form's other fields and boundaries; the
    message names ``upload_limit``, the figure a user can act on.

    A declared ``Content-Length`` over the limit is refused before anything is read; a body sent
    without one is counted as it arrives and refused as soon as it passes the limit.
    """

    def __init__(self, app, limit: int, upload_limit: int):
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    n = int(v)
                except ValueError:
                    n = 0
                if n > self.limit:
                    resp = JSONResponse({"error": _too_large(self.upload_limit)}, status_code=413)
                    await resp(scope, receive, send)
                    return
        seen = 0

        async def limited():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise PayloadTooLarge(_too_large(self.upload_limit))
            return msg

        await self.app(scope, limited, send)


def _too_large(limit: int) -> str:
    return f"request too large: the limit is {limit // 1024} KiB (a scenario file of at most that size)"


_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(
    *,
    record: History | Callable[[], History] | None = None,
    runs_dir: Path | str | None = None,
    data_dir: Path | str | None = None,
    limits: Limits = Limits(),
    allowed_hosts: list[str] | None = None,
    include_record: bool = True,
) -> FastAPI:
    """Build the dashboard application.

    Parameters
    ----------
    record : History or callable, optional
        The historical record, or a function that loads it (called once, when the record is
        first shown). Default: :func:`foedus.data.open_record` with ``data_dir``.
    runs_dir : path, optional
        Folder of simulated runs and ensembles; new runs are written here. Default
        :func:`foedus.web.sources.default_runs_dir`.
    data_dir : path, optional
        Folder of raw records.
    limits : Limits
    allowed_hosts : list of str, optional
        ``Host`` headers accepted (protection against DNS rebinding when bound to loopback);
        default: any.
    include_record : bool
        List the historical record as a source.

    Returns
    -------
    fastapi.FastAPI
        ``app.state.registry`` (:class:`~foedus.web.sources.SourceRegistry`) and
        ``app.state.jobs`` (:class:`~foedus.web.jobs.JobManager`) are exposed for tests.
    """
    runs = Path(runs_dir) if runs_dir is not None else default_runs_dir()
    registry = SourceRegistry(record=record, runs_dir=runs, data_dir=data_dir, include_record=include_record)
    jobs = JobManager(registry.runs_dir, max_pending=limits.max_pending)
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        jobs.shutdown()

    app = FastAPI(title="foedus dashboard", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.registry = registry
    app.state.jobs = jobs
    app.state.limits = limits

    hosts = {h.strip("[]").lower() for h in allowed_hosts} if allowed_hosts else None

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if hosts is not None:
            host = request.headers.get("host", "")
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 or host.startswith("[") else host
            if name.strip("[]").lower() not in hosts:
                return JSONResponse({"error": f"host {host!r} is not served here; open the dashboard at 127.0.0.1 or localhost"}, status_code=400)
        response = await call_next(request)
        for k, v in _SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    app.add_middleware(_BodyLimit, limit=limits.max_upload_bytes + 16 * 1024, upload_limit=limits.max_upload_bytes)

    # ------------------------------------------------------------------ errors
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else f"not found: {request.url.path}"
        return JSONResponse({"error": str(msg)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return JSONResponse({"error": _validation_message(exc)}, status_code=422)

    @app.exception_handler(UnknownSource)
    async def unknown_source(request: Request, exc: UnknownSource):
        return JSONResponse({"error": str(exc)}, status_code=404)

    @app.exception_handler(SourceUnavailable)
    async def unavailable(request: Request, exc: SourceUnavailable):
        return JSONResponse({"error": str(exc)}, status_code=503)

    @app.exception_handler(PayloadTooLarge)
    async def too_large(request: Request, exc: PayloadTooLarge):
        return JSONResponse({"error": str(exc)}, status_code=413)

    # ------------------------------------------------------------------ page
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js():
        return FileResponse(plotly_js_path(), media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # ------------------------------------------------------------------ API
    def _view(source: str):
        return registry.view(source)

    @app.get("/api/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.get("/api/sources")
    def sources() -> dict:
        from foedus.sim.scenario import builtin_names

        return {
            "sources": [s.public() for s in registry.sources()],
            "scenarios": builtin_names(),
            "limits": asdict(limits),
            "ensembles": {"available": ensembles.available(), "reason": ensembles.unavailable_reason()},
        }

    @app.get("/api/meta")
    def meta(source: Source) -> dict:
        info = registry.info(source)
        if info.kind == "ensemble":
            return registry.ensemble(source).meta()
        return _view(source).meta()

    @app.get("/api/year")
    def year(
        source: Source,
        year: Annotated[int, Query(description="calendar year inside the source's window")],
        kinds: Annotated[str, Query(pattern="^(alliance|all)$", description="'alliance' or 'all' agreement kinds")] = "alliance",
    ) -> dict:
        v = _view(source)
        try:
            return v.year(year, kinds)
        except ValueError as e:
            raise HTTPException(422, str(e)) from e

    @app.get("/api/series")
    def series(source: Source) -> dict:
        return _view(source).series()

    @app.get("/api/polarity")
    def polarity_series(source: Source) -> dict:
        return _view(source).polarity_series()

    @app.get("/api/state")
    def state(
        source: Source,
        ccode: Annotated[int, Query(ge=1, le=9999, description="COW state code")],
        year: Annotated[int, Query(description="calendar year inside the source's window")],
    ) -> dict:
        v = _view(source)
        try:
            return v.state(ccode, year)
        except KeyError as e:
            raise HTTPException(404, str(e.args[0])) from e
        except ValueError as e:
            raise HTTPException(422, str(e)) from e

    @app.get("/api/ensemble")
    def ensemble(source: Source) -> dict:
        return registry.ensemble(source).bands()

    @app.get("/api/ensemble/allied")
    def ensemble_allied(
        source: Source,
        a: Annotated[int, Query(ge=1, le=9999, description="COW code of the first state")],
        b: Annotated[int, Query(ge=1, le=9999, description="COW code of the second state")],
    ) -> dict:
        if a == b:
            raise HTTPException(422, "choose two different states")
        ens = registry.ensemble(source)
        try:
            return ens.allied(a, b)
        except KeyError as e:
            raise HTTPException(404, str(e.args[0])) from e

    @app.get("/api/jobs")
    def list_jobs() -> dict:
        return {"jobs": [j.public() for j in jobs.jobs()]}

    @app.get("/api/jobs/{job_id}")
    def job(job_id: str) -> dict:
        try:
            return jobs.get(job_id).public()
        except UnknownJob as e:
            raise HTTPException(404, str(e)) from e

    @app.post("/api/jobs", status_code=202)
    async def submit(request: Request) -> dict:
        scenario, years, seed = await _parse_job(request, limits)
        try:
            return jobs.submit(scenario, years, seed).public()
        except QueueFull as e:
            raise HTTPException(429, str(e)) from e

    return app


def _validation_message(exc: RequestValidationError) -> str:
    errs = exc.errors()
    if not errs:
        return "invalid request"
    e = errs[0]
    loc = [str(x) for x in e.get("loc", ())]
    where = f"{loc[0]} parameter '{'.'.join(loc[1:])}'" if len(loc) >= 2 else "request"
    got = e.get("input")
    shown = f" (got {got!r})" if got is not None and not isinstance(got, (dict, list)) else ""
    return f"{where}: {e.get('msg', 'invalid')}{shown}"


async def _parse_job(request: Request, limits: Limits):
    """Read and validate a run request: (scenario, years, seed). Raises HTTPException (4xx)."""
    from foedus.sim.scenario import Scenario, ScenarioError, builtin_names

    ctype = request.headers.get("content-type", "")
    if not (ctype.startswith("multipart/form-data") or ctype.startswith("application/x-www-form-urlencoded")):
        raise HTTPException(415, "send the run request as a form (multipart/form-data): builtin=NAME or file=@scenario.yaml, years, seed")
    try:
        form = await request.form(max_files=1, max_fields=8, max_part_size=limits.max_upload_bytes)
    except Exception as e:  # malformed multipart bodies raise several parser-specific types, maybe grouped
        leaves = _leaves(e)
        too = next((x for x in leaves if isinstance(x, PayloadTooLarge)), None)
        if too is not None:
            raise too from None
        raise HTTPException(400, f"malformed form: {leaves[0]}") from e
    builtin = form.get("builtin")
    upload = form.get("file")
    has_file = upload is not None and not isinstance(upload, str)
    if bool(builtin) == has_file:
        raise HTTPException(422, "give exactly one of 'builtin' (a built-in scenario name) or 'file' (a scenario file)")
    if builtin:
        if builtin not in builtin_names():
            raise HTTPException(422, f"unknown built-in scenario {builtin!r}; choose one of {', '.join(builtin_names())}")
        scenario = Scenario.builtin(str(builtin))
    else:
        name = Path(upload.filename or "scenario.yaml").name
        suffix = Path(name).suffix.lower()
        if suffix not in (".yaml", ".yml", ".toml"):
            raise HTTPException(415, f"{name}: a scenario file must be .yaml, .yml or .toml")
        data = await upload.read(limits.max_upload_bytes + 1)
        if len(data) > limits.max_upload_bytes:
            raise HTTPException(413, _too_large(limits.max_upload_bytes))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise HTTPException(422, f"{name}: not UTF-8 text (byte {e.start})") from e
        try:
            scenario = Scenario.from_text(text, source=name, toml=suffix == ".toml")
        except ScenarioError as e:
            raise HTTPException(422, str(e)) from e
    years = _int_field(form.get("years"), "years", scenario.years, 1, limits.max_years)
    seed = _int_field(form.get("seed"), "seed", scenario.seed, 0, 2**32 - 1)
    if len(scenario.actors) > limits.max_actors:
        raise HTTPException(422, f"scenario {scenario.name!r} has {len(scenario.actors)} states; the dashboard runs at most {limits.max_actors}")
    return scenario, years, seed


def _leaves(e: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups, or ``[e]``."""
    if isinstance(e, BaseExceptionGroup):
        return [x for sub in e.exceptions for x in _leaves(sub)]
    return [e]


def _int_field(raw: Any, name: str, default: int, lo: int, hi: int) -> int:
    if raw is None or raw == "":
        value = default
    else:
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise HTTPException(422, f"form field '{name}': not a whole number (got {str(raw)[:40]!r})") from None
    if not lo <= value <= hi:
        raise HTTPException(422, f"form field '{name}': {value} is outside {lo}-{hi}")
    return value


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    data_dir: Path | str | None = None,
    runs_dir: Path | str | None = None,
    limits: Limits = Limits(),
    log_level: str = "warning",
) -> None:
    """Run the dashboard with uvicorn until interrupted.

    Bound to loopback, the server accepts only ``Host`` headers naming loopback (so a web page
    elsewhere cannot reach it through DNS rebinding). There is no authentication: bind another
    interface only on a trusted network.
    """
    import uvicorn

    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if is_loopback(host) else None
    app = create_app(runs_dir=runs_dir, data_dir=data_dir, limits=limits, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
