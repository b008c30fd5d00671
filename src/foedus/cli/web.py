"""``foedus serve`` (the web dashboard) and ``foedus report`` (a self-contained HTML report).

Presentation only: the dashboard is :mod:`foedus.web`, the reports :mod:`foedus.report`.
Registered on the main program by :func:`register`.
"""

import socket
from pathlib import Path
from typing import Optional

import typer

from foedus.cli._common import fail
from foedus.i18n import _, lazy_gettext

_WROTE = {
    "record": lazy_gettext("wrote the record report to {path}"),
    "data": lazy_gettext("wrote the data report to {path}"),
    "run": lazy_gettext("wrote the run report to {path}"),
    "ensemble": lazy_gettext("wrote the ensemble report to {path}"),
}
"""What ``foedus report`` says it wrote, by the kind of its source."""

_SERVE_HELP = (
    "Start the web dashboard: choose the historical record, a simulated run or an ensemble; move through the years "
    "(slider and play button) and see the alliance network, blocs on a world map, the agreements in force and why "
    "they formed, time series of agreements, polarity and arms spending; run a built-in or uploaded scenario from the "
    "page.\n\nThe server listens on 127.0.0.1 (this machine only) unless --host names another interface; it has no "
    "login, so do that only on a trusted network. Stop it with Ctrl+C."
)

_REPORT_HELP = (
    "Write one self-contained HTML report (it opens without a network) with the figures and tables that fit SOURCE, "
    "each captioned with what it shows and from which data.\n\nSOURCE is 'record' (the historical record: ATOP 5.1 + "
    "Correlates of War, from the store or --data), a folder of raw records, a run folder (written by 'foedus simulate "
    "--out' or by the dashboard) or an ensemble folder."
)


def _port_free(host: str, port: int) -> str | None:
    """None if ``host:port`` can be listened on, else why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as e:
        return e.strerror or str(e)
    return None


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``report`` to ``app``."""

    @app.command("serve", help=_SERVE_HELP, short_help="Start the web dashboard (alliances through time) on this machine.")
    def serve_cmd(
        port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help="TCP port to listen on."),
        host: str = typer.Option(
            "127.0.0.1", "--host", help="Interface to listen on. The default, 127.0.0.1, is reachable from this machine only."
        ),
        data: Optional[Path] = typer.Option(
            None, "--data", help="Folder of raw records (ATOP, COW) to read the historical record from, instead of the store or ../shared/data."
        ),
        runs: Optional[Path] = typer.Option(
            None,
            "--runs",
            help="Folder where simulated runs and ensembles are looked for, and where runs started from the page are written "
            "(default: $FOEDUS_RUNS_DIR or ~/.local/share/foedus/runs).",
        ),
        max_years: int = typer.Option(100, "--max-years", min=1, max=2000, help="Longest run (years) the page may start."),
    ) -> None:
        from foedus import MissingExtra, require_extra

        try:
            require_extra("web", "foedus serve")
        except MissingExtra as e:
            fail(e)
        from foedus.web.app import Limits, is_loopback, serve
        from foedus.web.sources import default_runs_dir

        if data is not None and not data.is_dir():
            fail(_("{folder}: no such folder (--data)").format(folder=data))
        if runs is not None and runs.exists() and not runs.is_dir():
            fail(_("{folder}: not a folder (--runs)").format(folder=runs))
        why = _port_free(host, port)
        if why is not None:
            fail(_("cannot listen on {host}:{port} ({why}); choose another --port").format(host=host, port=port, why=why))
        runs_dir = runs if runs is not None else default_runs_dir()
        if not is_loopback(host):
            typer.echo(_("warning: listening on {host}: anyone who can reach this address can use the dashboard (no login)").format(host=host), err=True)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(_("foedus dashboard on {url}  (runs folder: {runs}; Ctrl+C to stop)").format(url=f"http://{shown}:{port}/", runs=runs_dir))
        serve(host=host, port=port, data_dir=data, runs_dir=runs_dir, limits=Limits(max_years=max_years))

    @app.command("report", help=_REPORT_HELP, short_help="Write a self-contained HTML report of the record, a run or an ensemble.")
    def report_cmd(
        source: str = typer.Argument(..., help="'record', a folder of raw records, a run folder or an ensemble folder."),
        out: Path = typer.Argument(..., help="The HTML file to write (its folder is created if needed)."),
        data: Optional[Path] = typer.Option(None, "--data", help="Folder of raw records to read the record from (SOURCE 'record')."),
        db: Optional[Path] = typer.Option(None, "--db", help="foedus store (from 'foedus data import') to read the record from (SOURCE 'record')."),
    ) -> None:
        from foedus.web.report import write_report

        if out.suffix.lower() not in (".html", ".htm"):
            fail(_("{out}: the report is an HTML file; name it .html").format(out=out))
        try:
            kind, path = write_report(source, out, data_dir=data, db=db)
        except (ValueError, FileNotFoundError, RuntimeError, OSError) as e:
            fail(e)
        typer.echo(_WROTE[kind].format(path=path))
