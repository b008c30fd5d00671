"""``foedus serve`` and ``foedus report`` through a Typer app built with ``foedus.cli.web.register``."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from foedus.cli import web as web_cli

RUN_NAME = "europe-1871-seed3"
MINI = Path(__file__).parents[1] / "data" / "fixtures" / "mini"


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    app = typer.Typer()
    web_cli.register(app)
    return app


runner = CliRunner()


def test_help_texts(cli):
    for cmd in ("serve", "report"):
        r = runner.invoke(cli, [cmd, "--help"])
        assert r.exit_code == 0
    r = runner.invoke(cli, ["serve", "--help"])
    assert "127.0.0.1" in r.output and "--runs" in r.output


def test_serve_defaults_to_loopback(cli, monkeypatch, tmp_path):
    called = {}
    monkeypatch.setattr("foedus.web.app.serve", lambda **kw: called.update(kw))
    r = runner.invoke(cli, ["serve", "--port", "0", "--runs", str(tmp_path)])
    assert r.exit_code == 2  # port 0 is refused by typer's range check
    r = runner.invoke(cli, ["serve", "--port", str(_free_port()), "--runs", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert called["host"] == "127.0.0.1"
    assert "warning" not in r.output


def test_serve_refuses_a_busy_port(cli, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = runner.invoke(cli, ["serve", "--port", str(port), "--runs", str(tmp_path)])
    assert r.exit_code == 2
    assert "cannot listen" in r.output and "--port" in r.output


def test_serve_warns_on_other_interfaces(cli, monkeypatch, tmp_path):
    monkeypatch.setattr("foedus.web.app.serve", lambda **kw: None)
    r = runner.invoke(cli, ["serve", "--host", "0.0.0.0", "--port", str(_free_port()), "--runs", str(tmp_path)])
    assert r.exit_code == 0
    assert "no login" in r.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _self_contained(html: str) -> None:
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", html, re.I), "loads something from the network"
    assert "<svg" in html


def test_report_of_a_run(cli, runs_dir, tmp_path):
    out = tmp_path / "run.html"
    r = runner.invoke(cli, ["report", str(runs_dir / RUN_NAME), str(out)])
    assert r.exit_code == 0, r.output
    assert "run report" in r.output
    html = out.read_text(encoding="utf-8")
    _self_contained(html)
    assert "scenario ‘europe-1871’, seed 3" in html  # the run named from its source, simulation:europe-1871:seed=3
    assert html.count("<figcaption") >= 3
    import json

    from foedus import __version__

    side = json.loads((tmp_path / "run.html.json").read_text(encoding="utf-8"))  # its provenance beside it
    assert side["foedus_version"] == __version__ and side["kind"] == "report" and side["source_kind"] == "run"
    assert side["history"]["seed"] == 3 and "state_years.milex" in side["units"]


def test_report_of_an_ensemble(cli, runs_dir, tmp_path):
    out = tmp_path / "ens.html"
    r = runner.invoke(cli, ["report", str(runs_dir / "ensembles" / "europe-1871-x6"), str(out)])
    assert r.exit_code == 0, r.output
    assert "ensemble report" in r.output
    html = out.read_text(encoding="utf-8")
    _self_contained(html)
    assert "6 completed runs of scenario" in html and "europe-1871" in html
    assert html.count("<figcaption") >= 3
    import json

    side = json.loads((tmp_path / "ens.html.json").read_text(encoding="utf-8"))
    assert side["kind"] == "report" and side["source_kind"] == "ensemble" and side["foedus_version"]


@pytest.mark.parametrize("source", ["record", "mini"])
def test_report_of_the_record_goes_to_the_history_report(cli, tmp_path, monkeypatch, source):
    # The history report itself is tested with its module; here only which history reaches it.
    seen = {}

    def fake(history, out, scenario=None):
        seen["history"], seen["scenario"] = history, scenario
        Path(out).write_text("<html><svg></svg></html>")
        return Path(out)

    monkeypatch.setattr("foedus.report.history.write_history_report", fake)
    args = ["report", "record", "--data", str(MINI)] if source == "record" else ["report", str(MINI)]
    r = runner.invoke(cli, [*args, str(tmp_path / "r.html")])
    assert r.exit_code == 0, r.output
    h = seen["history"]
    assert (h.first_year, h.last_year) == (1900, 2018) and len(h.agreements) == 2  # the mini fixture's window and alliances
    assert seen["scenario"] is None  # the record was not simulated from a scenario


@pytest.mark.parametrize(
    "args, words",
    [
        (["report", "/no/such/folder", "x.html"], "no such file"),
        (["report", "record", "x.txt"], ".html"),
    ],
)
def test_report_errors_are_one_line(cli, tmp_path, args, words):
    r = runner.invoke(cli, [a if a != "x.html" else str(tmp_path / "x.html") for a in args])
    assert r.exit_code == 2
    assert words in r.output
    assert "Traceback" not in r.output


def test_report_of_an_unknown_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    r = runner.invoke(cli, ["report", str(tmp_path / "empty"), str(tmp_path / "x.html")])
    assert r.exit_code == 2
    assert "history.json" in r.output and "manifest.json" in r.output


def test_resolve_source(tmp_path, runs_dir):
    from foedus.web.report import resolve_source

    assert resolve_source("record") == ("record", None)
    assert resolve_source(runs_dir / RUN_NAME)[0] == "run"
    assert resolve_source(MINI)[0] == "data"
    ens = tmp_path / "ens"
    ens.mkdir()
    (ens / "manifest.json").write_text("{}")
    assert resolve_source(ens) == ("ensemble", ens)
    with pytest.raises(ValueError, match="not a folder"):
        resolve_source(ens / "manifest.json")
