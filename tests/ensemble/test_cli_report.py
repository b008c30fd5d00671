"""`foedus ensemble ...` through typer's CliRunner, and the figures and HTML of the report."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from foedus.analysis import ensemble as an
from foedus.cli.ensemble import register
from foedus.report import ensemble as rep
from foedus.sim.ensemble import EnsembleStore

from ._common import parquet_digests


@pytest.fixture(scope="module")
def app():
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """foedus (test root)."""

    return app


@pytest.fixture(scope="module")
def scheduler():
    """An in-process Dask cluster the CLI connects to with --scheduler (as a user would to a remote one)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory, tiny):
    path = tmp_path_factory.mktemp("sc") / "tiny.yaml"
    path.write_text(tiny.to_yaml())
    return path


def _ok(result):
    assert result.exit_code == 0, result.output
    return result


def test_run_summary_compare_discover(app, scheduler, scenario_file, tmp_path):
    runner = CliRunner()
    out = tmp_path / "ens"
    # the form: options directly on `foedus ensemble`
    _ok(runner.invoke(app, ["ensemble", "--scenario", str(scenario_file), "--runs", "8", "--years", "5", "--seed", "3", "--out", str(out),
                            "--scheduler", scheduler, "--vary", "great_power_competition=0.1:0.9", "--vary", "norms=0:1", "--quiet"]))
    store = EnsembleStore.open(out)
    assert store.completed() == list(range(8)) and store.manifest["years"] == 5
    # `run` with the same definition gives the same bytes
    out2 = tmp_path / "ens2"
    _ok(runner.invoke(app, ["ensemble", "run", "-s", str(scenario_file), "-r", "8", "-n", "5", "--seed", "3", "-o", str(out2),
                            "--scheduler", scheduler, "--vary", "great_power_competition=0.1:0.9", "--vary", "norms=0:1", "-q"]))
    assert parquet_digests(out) == parquet_digests(out2)
    # resuming a complete ensemble from its manifest alone runs nothing
    _ok(runner.invoke(app, ["ensemble", "run", "--resume", "-o", str(out), "--scheduler", scheduler, "-q"]))

    res = _ok(runner.invoke(app, ["ensemble", "summary", str(out), "--json", "-i", "alliances", "-i", "poles", "--pair", "2:3"]))
    data = json.loads(res.output)
    assert data["runs"] == 8 and {r["indicator"] for r in data["bands"]} == {"alliances", "poles"}
    expected = an.summary(out, ["alliances", "poles"])
    assert [r["median"] for r in data["bands"]] == pytest.approx(expected["median"].tolist())
    assert len(data["pairs"]["S00-S01"]) == 5
    report = tmp_path / "report"
    res = _ok(runner.invoke(app, ["ensemble", "summary", str(out), "-i", "alliances", "-i", "milex", "--report", str(report)]))
    assert "great-power alignments" in res.output
    assert (report / "ensemble.html").exists() and (report / "band-alliances.png").exists() and (report / "band-milex.svg").exists()

    res = _ok(runner.invoke(app, ["ensemble", "compare", str(out), str(out2), "--json", "-i", "milex"]))
    rows = json.loads(res.output)["rows"]
    assert rows and all(r["diff"] == 0 for r in rows)

    last = store.read_table("system").query("year == 2004")["alliances"]
    cut = int(last.median())
    op = ">" if (last > cut).any() else ">="
    res = _ok(runner.invoke(app, ["ensemble", "discover", str(out), "--outcome", f"alliances {op} {cut} in 2004", "--json"]))
    d = json.loads(res.output)
    assert d["runs"] == 8 and 0 < d["cases"] < 8
    assert {r["knob"] for r in d["box"]} == {"trends.great_power_competition", "trends.norms"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["ensemble", "run", "-s", "no-such-scenario", "-r", "2", "-o", "{tmp}/x"], "neither a scenario file nor a built-in scenario"),
        (["ensemble", "run", "-s", "europe-1871", "-r", "2"], "give --out DIR"),
        (["ensemble", "run", "-s", "europe-1871", "-o", "{tmp}/x"], "give --runs R"),
        (["ensemble", "run", "-s", "europe-1871", "-r", "2", "-o", "{tmp}/x", "--vary", "cyber=0:7"], "leaves the field's bounds"),
        (["ensemble", "run", "-s", "europe-1871", "-r", "2", "-o", "{tmp}/x", "--design", "sobol"], "--design must be lhs or factorial"),
        (["ensemble", "summary", "{tmp}"], "not an ensemble folder"),
        (["ensemble", "summary", "{tmp}/nowhere"], "not an ensemble folder"),
        (["ensemble", "--runs", "3", "summary", "{tmp}"], "belong after `run`"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(app, tmp_path, args, message):
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_discover_needs_knobs(app, baseline_ensemble):
    result = CliRunner().invoke(app, ["ensemble", "discover", str(baseline_ensemble), "--outcome", "alliances >= 1 in 2003"])
    assert result.exit_code == 2 and "no knob was varied" in result.output


def test_help_texts(app):
    runner = CliRunner()
    for cmd in (["ensemble", "--help"], ["ensemble", "run", "--help"], ["ensemble", "summary", "--help"], ["ensemble", "compare", "--help"], ["ensemble", "discover", "--help"]):
        res = _ok(runner.invoke(app, cmd))
        assert "Usage" in res.output


def test_figures_and_html_are_reproducible_and_self_contained(baseline_ensemble, tmp_path):
    bands = an.summary(baseline_ensemble, ["alliances", "milex"])
    a = rep.write_figures(bands, tmp_path / "a", formats=("svg", "png"))
    rep.write_figures(bands, tmp_path / "b", formats=("svg",))
    assert {p.name for p in a} == {"band-alliances.svg", "band-alliances.png", "band-milex.svg", "band-milex.png"}
    assert (tmp_path / "a" / "band-milex.svg").read_bytes() == (tmp_path / "b" / "band-milex.svg").read_bytes()
    assert (tmp_path / "a" / "band-alliances.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pairs = {"S00-S01": an.pair_allied(baseline_ensemble, 2, 3)}
    html = rep.html_section({"A": bands, "B": bands}, title="t", pairs=pairs, alignments=an.great_power_alignments(baseline_ensemble))
    assert html.count("<svg") == 3 and "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
    page = rep.write_html(tmp_path / "r.html", [html])
    assert page.read_text().startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="unknown figure format"):
        rep.write_figures(bands, tmp_path / "c", formats=("gif",))
