"""`foedus ensemble ...` through typer's CliRunner, and the figures and HTML of the report."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from foedus.analysis import ensemble as an
from foedus.cli.ensemble import register
from foedus.report import ensemble as rep
from foedus.data.ensemble_store import EnsembleStore

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
    # resuming a complete ensemble from its manifest alone runs nothing, and says so (not the last session's numbers)
    before = parquet_digests(out)
    res = _ok(runner.invoke(app, ["ensemble", "run", "--resume", "-o", str(out), "--scheduler", scheduler]))
    assert "8 of 8 runs" in res.output and "nothing was left to run" in res.output and "this session" not in res.output
    assert parquet_digests(out) == before

    res = _ok(runner.invoke(app, ["ensemble", "summary", str(out), "--json", "-i", "alliances", "-i", "poles", "--pair", "2:3"]))
    data = json.loads(res.output)
    assert data["runs"] == 8 and {r["indicator"] for r in data["bands"]} == {"alliances", "poles"}
    expected = an.summary(out, ["alliances", "poles"])
    assert [r["median"] for r in data["bands"]] == pytest.approx(expected["median"].tolist())
    assert len(data["pairs"]["S00-S01"]) == 5
    gp = an.state_bands(out, "milex")
    assert [r["median"] for r in data["great_power_milex"]] == pytest.approx(gp["median"].tolist())
    assert {r["abb"] for r in data["great_power_milex"]} == {"S00"} and {r["year"] for r in data["great_power_alignments"]} == set(range(2000, 2005))

    report = tmp_path / "report"
    res = _ok(runner.invoke(app, ["ensemble", "summary", str(out), "-i", "alliances", "-i", "milex", "--pair", "S00:S01", "--by", "--report", str(report)]))
    text = " ".join(res.output.split())
    assert "great-power alignments over time" in text and "great-power alignments in 2004" in text
    # each great power's arms spending: median [5-95 %] in US$ bn at the years shown
    assert "great powers' military expenditure (US$ bn)" in text
    row = gp[(gp["abb"] == "S00") & (gp["year"] == 2004)].iloc[0]
    assert f"{row['median'] * 1e-6:.2f}" in text or f"{row['median'] * 1e-6:.3f}" in text or f"{row['median'] * 1e-6:,.0f}" in text
    # the pair's probability, in the terminal too
    p = an.pair_allied(out, "S00", "S01", by=True).set_index("year")
    assert "S00-S01: probability of a defence pact by the year" in text
    assert f"{int(p.loc[2004, 'allied'])} of 8" in text
    for name in ("ensemble.html", "band-alliances.png", "band-milex.svg", "gp-milex.png", "gp-milex.svg", "gp-alignments.png", "gp-alignments.svg",
                 "pair-allied.png", "pair-allied.svg"):
        assert (report / name).exists(), name
    page = (report / "ensemble.html").read_text()
    assert page.count("<svg") == 2 + 3 and "military expenditure" in page  # two indicators, arms spending, alignments, pair

    res = _ok(runner.invoke(app, ["ensemble", "compare", str(out), str(out2), "--json", "-i", "milex"]))
    rows = json.loads(res.output)["rows"]
    assert rows and all(r["diff"] == 0 for r in rows)

    # an indicator that differs between the runs (in this 7-state world a bloc may fix the count of alliances in every run)
    year = store.read_table("system").query("year == 2004")
    name = next(c for c in ("alliances", "defense_pacts", "defense_dyads", "aligned_states") if year[c].nunique() > 1)
    last = year[name]
    cut = int(last.median())
    op = ">" if (last > cut).any() else ">="
    res = _ok(runner.invoke(app, ["ensemble", "discover", str(out), "--outcome", f"{name} {op} {cut} in 2004", "--json"]))
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
        (["ensemble", "--workers", "3", "summary", "{tmp}"], "belong after `run`"),
        (["ensemble", "run", "-s", "europe-1871", "-r", "2", "-o", "{tmp}/x", "--scheduler", "tcp://127.0.0.1:1", "--connect-timeout", "0.5"],
         "cannot connect to the Dask scheduler at 'tcp://127.0.0.1:1'"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(app, tmp_path, args, message):
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not (tmp_path / "x").exists()  # no half-made ensemble folder, whatever failed


def test_failed_scheduler_connection_says_nothing_was_written(app, scenario_file, tmp_path):
    out = tmp_path / "ens"
    result = CliRunner().invoke(app, ["ensemble", "run", "-s", str(scenario_file), "-r", "2", "-o", str(out), "--scheduler", "tcp://127.0.0.1:1",
                                      "--connect-timeout", "0.5"])
    assert result.exit_code == 2 and "nothing was written" in " ".join(result.output.split()), result.output
    assert not out.exists()  # no empty ensemble folder that would then need --resume


def test_discover_needs_knobs(app, baseline_ensemble):
    result = CliRunner().invoke(app, ["ensemble", "discover", str(baseline_ensemble), "--outcome", "alliances >= 1 in 2003"])
    assert result.exit_code == 2 and "no knob was varied" in result.output


def _options(command) -> list:
    import click

    return [p for p in command.params if isinstance(p, click.Option) and p.name != "help"]


def test_help_texts_explain_every_option(app):
    """Every option and argument of every `foedus ensemble` command has a help text, and --help shows it."""
    import click

    root = typer.main.get_command(app)
    ensemble = root.commands["ensemble"]
    commands = {"ensemble": ensemble, **{f"ensemble {n}": c for n, c in ensemble.commands.items()}}
    assert set(commands) == {"ensemble", "ensemble run", "ensemble summary", "ensemble compare", "ensemble discover"}
    runner = CliRunner()
    for name, command in commands.items():
        res = _ok(runner.invoke(app, [*name.split(), "--help"], env={"COLUMNS": "200"}))
        assert "Usage" in res.output
        for p in command.params:
            if p.name == "help":
                continue
            assert (getattr(p, "help", None) or "").strip(), f"`foedus {name}`: {p.name} has no help text"
            if isinstance(p, click.Option):
                assert p.opts[0] in res.output, f"`foedus {name} --help` does not show {p.opts[0]}"
    run_help = " ".join(_ok(runner.invoke(app, ["ensemble", "run", "--help"], env={"COLUMNS": "200"})).output.split())
    assert "wall time since the first run was submitted" in run_help and "time left" in run_help  # what the progress bar measures
    assert {p.opts[0] for p in _options(commands["ensemble"])} == {p.opts[0] for p in _options(commands["ensemble run"])}


def test_figures_and_html_are_reproducible_and_self_contained(baseline_ensemble, tmp_path):
    bands = an.summary(baseline_ensemble, ["alliances", "milex"])
    a = rep.write_figures(bands, tmp_path / "a", formats=("svg", "png"))
    rep.write_figures(bands, tmp_path / "b", formats=("svg",))
    assert {p.name for p in a} == {"band-alliances.svg", "band-alliances.png", "band-milex.svg", "band-milex.png"}
    assert (tmp_path / "a" / "band-milex.svg").read_bytes() == (tmp_path / "b" / "band-milex.svg").read_bytes()
    assert (tmp_path / "a" / "band-alliances.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pairs = {"S00-S01": an.pair_allied(baseline_ensemble, 2, 3)}
    html = rep.html_section({"A": bands, "B": bands}, title="t", pairs=pairs, alignments=an.great_power_alignments(baseline_ensemble),
                            state_milex=an.state_bands(baseline_ensemble, "milex"))
    # 2 band figures, each great power's arms spending, their alignments over time, the pair
    assert html.count("<svg") == 5 and "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
    assert "great powers&#x27; military expenditure at selected years" in html
    page = rep.write_html(tmp_path / "r.html", [html])
    assert page.read_text().startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="unknown figure format"):
        rep.write_figures(bands, tmp_path / "c", formats=("gif",))


def test_great_power_figures_use_the_public_columns_only(baseline_ensemble, tmp_path):
    """The alignment figure needs only year, abb, alignment and share; arms spending has one panel per great power."""
    import pandas as pd

    align = an.great_power_alignments(baseline_ensemble)
    public = align[["year", "abb", "alignment", "share"]]
    a = rep.save_figure(rep.alignment_figure(public), tmp_path / "a", "gp-alignments", formats=("svg",))
    b = rep.save_figure(rep.alignment_figure(align), tmp_path / "b", "gp-alignments", formats=("svg",))
    assert a[0].read_bytes() == b[0].read_bytes()
    # any alignment labels (as a new definition may give), many of them lumped as "other"
    many = pd.DataFrame({"year": [2000] * 12 + [2001] * 12, "abb": ["X"] * 24, "alignment": [f"bloc {i}" for i in range(12)] * 2, "share": [1 / 12] * 24})
    fig = rep.alignment_figure(many)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert len(legend) == 10 and legend[-1] == "other" and set(legend[:-1]) < set(many["alignment"])
    gp = an.state_bands(baseline_ensemble, "milex")
    fig = rep.state_band_figure(gp)
    assert [ax.get_title() for ax in fig.axes] == list(dict.fromkeys(gp["abb"]))
    one_year = gp[gp["year"] == gp["year"].min()]
    rep.save_figure(rep.state_band_figure(one_year), tmp_path / "c", "gp-milex", formats=("png",))
    with pytest.raises(ValueError, match="no great-power alignments"):
        rep.alignment_figure(align.iloc[:0])


def test_resume_without_an_ensemble_is_one_clear_line(tmp_path):
    """No stray 'error: 2' after the message (the exit of a refusal is not an error to report again)."""
    from typer.testing import CliRunner

    from foedus.cli import app

    res = CliRunner().invoke(app, ["ensemble", "run", "--resume", "--out", str(tmp_path / "none")])
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == ["error: give --scenario NAME_OR_FILE (or --resume --out DIR to complete an ensemble)"]


def test_band_table_gives_military_expenditure_in_the_unit_of_the_figures(baseline_ensemble):
    """One unit per quantity: the table of bands shows milex in US$ bn, as the figures draw it (not thousands)."""
    import re as _re

    bands = an.summary(baseline_ensemble, ["milex"])
    html = rep.html_section(bands, title="t")
    assert "milex (US$ bn)" in html and "<td>milex</td>" not in html
    last = bands[bands["year"] == bands["year"].max()].iloc[0]
    row = _re.search(rf"<tr><td>milex \(US\$ bn\)</td><td>{int(last['year'])}</td>(.*?)</tr>", html).group(1)
    cells = _re.findall(r"<td>([^<]*)</td>", row)
    shown = float(cells[2].replace(",", ""))  # runs, lo, median, hi, mean
    assert shown == pytest.approx(float(last["median"]) * 1e-6, abs=0.006)  # shown with 2 decimals
