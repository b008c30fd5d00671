"""The dashboard's web application (FastAPI): a JSON API and one page.

:func:`create_app` builds the application; :func:`serve` runs it with uvicorn on
``127.0.0.1`` unless another interface is named. The page (``templates/index.html``) draws with
plotly.js, served from the ``plotly`` Python package itself, so nothing is fetched from the
internet.

The page, its scripts' messages and every API answer speak the language of the request
(:func:`request_language`): ``?lang=fr`` (remembered in the ``foedus_lang`` cookie), else the
browser's ``Accept-Language``, else the server's (``foedus --lang``, ``FOEDUS_LANG``), else
English.

API (:mod:`foedus.web.api`, three routers by topic, each route documented in the OpenAPI
schema at ``/api/openapi.json``; every answer is JSON; every error is ``{"error": message}``
with a 4xx status, or 503 when a listed source cannot be read). The OpenAPI text is English
whatever the language: it is the contract of the API for programs and programmers, naming
English identifiers (paths, parameters, keys) that do not change with the language, one
cacheable document per server, and no documentation page is served from it; the captions and
errors a user of the page reads are in the request's language:

=====================================  ===============================================================
``GET  /api/sources``                  sources (record, runs, ensembles), built-in scenarios, limits
``GET  /api/meta?source=ID``           window, states, notes of a source
``GET  /api/year?source=&year=&kinds`` network, blocs, map, agreements in force of a year
``GET  /api/series?source=ID``         agreements by kind and military spending by year
``GET  /api/polarity?source=ID``       poles, cluster poles and CON by year (slower: seconds)
``GET  /api/state?source=&ccode=&year`` one state in a year: partners, bloc, agreements, history
``GET  /api/ensemble?source=ID``       ensemble bands (when ensembles are available)
``GET  /api/ensemble/allied?source=&a=&b=``  probability that two states are allied, by year
``GET  /api/outlines``                 country outlines of the map (Natural Earth 1:110m)
``GET  /api/download?source=&year=&format``  the year on screen as a ZIP of CSV tables or GEXF, with provenance
``GET  /api/scenario?builtin=NAME``    a built-in scenario's trend drivers and parameters, for the form
``POST /api/jobs``                     run a built-in (``builtin``) or uploaded (``file``) scenario, ``overrides``
``POST /api/ensembles``                run a small ensemble (``runs``, ``knobs``) of such a scenario
``GET  /api/jobs/ID``                  progress of a run or ensemble; ``source_id`` of the result
=====================================  ===============================================================

Limits: uploads up to :attr:`Limits.max_upload_bytes`, runs up to :attr:`Limits.max_years`
years and :attr:`Limits.max_actors` states (the dashboard is for small runs; use
``foedus simulate`` for big ones).
"""

from __future__ import annotations

import ipaddress
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from foedus.schema import History
from foedus.i18n import _, get_language, language, negotiate, normalize
from foedus.web.api import ROUTERS, PayloadTooLarge, too_large
from foedus.web.jobs import JobManager
from foedus.web.source_info import SourceUnavailable, UnknownSource
from foedus.web.sources import SourceRegistry, default_runs_dir

__all__ = ["Limits", "STATIC_DIR", "TEMPLATES_DIR", "LANG_COOKIE", "plotly_js_path", "create_app", "serve", "is_loopback",
           "request_language"]

STATIC_DIR = Path(__file__).parent / "static"
"""The page's scripts and style sheet."""

TEMPLATES_DIR = Path(__file__).parent / "templates"
"""The page (a Jinja template: its text is translated, see :mod:`foedus.i18n`)."""

LANG_COOKIE = "foedus_lang"
"""Cookie remembering the language chosen on the page (``?lang=``)."""


def request_language(query: str | None, cookie: str | None, accept_language: str | None, default: str) -> str:
    """The language of a request: ``?lang=``, else the cookie, else ``Accept-Language``, else ``default``."""
    return normalize(query) or normalize(cookie) or negotiate(accept_language, default=default)


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
    max_ensemble_runs: int = 20
    """Most runs in an ensemble started from the page (each as long as a run, up to :attr:`max_years` years)."""


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
                    resp = JSONResponse({"error": too_large(self.upload_limit)}, status_code=413)
                    await resp(scope, receive, send)
                    return
        seen = 0

        async def limited():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise PayloadTooLarge(too_large(self.upload_limit))
            return msg

        await self.app(scope, limited, send)


_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


_ERROR_STATUS = {UnknownSource: 404, SourceUnavailable: 503, PayloadTooLarge: 413}
"""HTTP status of each error the routes raise (besides HTTPException), answered as ``{"error": message}``."""


def _error_as_json(status: int):
    """An exception handler answering ``{"error": str(exc)}`` with ``status``."""

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=status)

    return handler


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def cross_site_refusal(method: str, headers) -> str:
    """Why a state-changing request must be refused as coming from another site ("" if it may pass).

    A web page on any site can make the user's browser post a form to the dashboard (cross-site
    request forgery): such requests carry ``Sec-Fetch-Site: cross-site`` (or ``same-site``) in
    current browsers, and an ``Origin`` naming the other site in all of them. The dashboard's own
    page sends ``same-origin`` and its own origin; programs that are not browsers (curl, scripts)
    send neither and pass, since no web page can make them send anything.
    """
    if method.upper() in _SAFE_METHODS:
        return ""
    site = headers.get("sec-fetch-site", "").lower()
    if site and site not in ("same-origin", "none"):
        return _("cross-site request refused ({why}): runs are started from the dashboard's own page").format(why=site)
    origin = headers.get("origin", "")
    if origin and origin != "null":
        netloc = origin.split("://", 1)[-1].rstrip("/").lower()
        if netloc != headers.get("host", "").lower():
            return _("cross-site request refused ({why}): runs are started from the dashboard's own page").format(
                why=_("origin {origin}").format(origin=origin))
    elif origin == "null":
        return _("cross-site request refused ({why}): runs are started from the dashboard's own page").format(why=_("opaque origin"))
    return ""


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
                return JSONResponse({"error": _("host {host!r} is not served here; open the dashboard at 127.0.0.1 or localhost").format(host=host)},
                                    status_code=400)
        refused = cross_site_refusal(request.method, request.headers)
        if refused:
            return JSONResponse({"error": refused}, status_code=403)
        response = await call_next(request)
        for k, v in _SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    server_language = get_language()  # the outermost middleware but one: every answer speaks the request's language

    @app.middleware("http")
    async def speak_the_request_language(request: Request, call_next):
        lang = request_language(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE),
                                request.headers.get("accept-language"), server_language)
        with language(lang):
            return await call_next(request)

    app.add_middleware(_BodyLimit, limit=limits.max_upload_bytes + 16 * 1024, upload_limit=limits.max_upload_bytes)

    # ------------------------------------------------------------------ errors
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else _("not found: {path}").format(path=request.url.path)
        return JSONResponse({"error": str(msg)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return JSONResponse({"error": _validation_message(exc)}, status_code=422)

    for exc_type, status in _ERROR_STATUS.items():
        app.add_exception_handler(exc_type, _error_as_json(status))

    # ------------------------------------------------------------------ page
    @app.get("/", include_in_schema=False)
    def index(request: Request):
        from foedus.web.page import render_page

        response = HTMLResponse(render_page())
        if normalize(request.query_params.get("lang")):
            response.set_cookie(LANG_COOKIE, get_language(), max_age=365 * 86400, samesite="strict", httponly=True)
        return response

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js():
        return FileResponse(plotly_js_path(), media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # ------------------------------------------------------------------ API
    for router in ROUTERS:
        app.include_router(router)

    return app


def _validation_message(exc: RequestValidationError) -> str:
    errs = exc.errors()
    if not errs:
        return _("invalid request")
    e = errs[0]
    loc = [str(x) for x in e.get("loc", ())]
    where = _("{kind} parameter '{name}'").format(kind=loc[0], name=".".join(loc[1:])) if len(loc) >= 2 else _("request")
    got = e.get("input")
    shown = " " + _("(got {value!r})").format(value=got) if got is not None and not isinstance(got, (dict, list)) else ""
    return f"{where}: {e.get('msg', 'invalid')}{shown}"


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
