"""`foedus simulate`, `foedus scenario ...`, `foedus validate` through the real CLI app."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from foedus.cli import app
from foedus.data.runs import read_history_dir

runner = CliRunner()


def test_simulate_writes_a_history_that_history_summary_reads(tmp_path):
    out = tmp_path / "run"
    r = runner.invoke(app, ["simulate", "--scenario", "europe-1871", "--years", "4", "--seed", "3", "--out", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    h = read_history_dir(out)
    assert (h.first_year, h.last_year) == (1871, 1874)
    assert (out / "events.jsonl").is_file() and json.loads((out / "run.json").read_text())["complete"]
    s = runner.invoke(app, ["history", "summary", "--json", "--run", str(out)])
    assert s.exit_code == 0, s.output
    summary = json.loads(s.output)
    assert summary["first_year"] == 1871 and summary["last_year"] == 1874


def test_simulate_from_a_file_and_bad_input_exits_2(tmp_path):
    good = tmp_path / "s.yaml"
    good.write_text(
        "name: two\nstart_year: 1900\nyears: 3\nactors:\n"
        "  - {ccode: 2, abb: USA, name: US, cinc: 0.2, milex: 10, gdp: 100, lat: 38.9, lon: -77}\n"
        "  - {ccode: 20, abb: CAN, name: Canada, cinc: 0.02, milex: 1, gdp: 10, lat: 45.4, lon: -75.7}\n"
    )
    r = runner.invoke(app, ["simulate", "-s", str(good), "-o", str(tmp_path / "o"), "-q"])
    assert r.exit_code == 0, r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("cinc: 0.02", "cinc: -1"))
    r = runner.invoke(app, ["simulate", "-s", str(bad), "-o", str(tmp_path / "o2")])
    assert r.exit_code == 2
    assert "bad.yaml, line 6, field 'actors[1].cinc'" in r.output and "greater than or equal to 0" in r.output
    r = runner.invoke(app, ["simulate", "-s", "atlantis", "-o", str(tmp_path / "o3")])
    assert r.exit_code == 2 and "built-in" in r.output
    r = runner.invoke(app, ["simulate", "--resume", "-o", str(tmp_path / "empty")])
    assert r.exit_code == 2 and "no unfinished run" in r.output


def test_scenario_list_show_check():
    r = runner.invoke(app, ["scenario", "list"])
    assert r.exit_code == 0 and "world-2022" in r.output and "bipolar-1950" in r.output
    r = runner.invoke(app, ["scenario", "show", "world-2022"])
    assert r.exit_code == 0 and "NATO" in r.output and "great_power_competition" in r.output
    r = runner.invoke(app, ["scenario", "check", "nowhere.yaml"])
    assert r.exit_code == 2


def test_help_texts_exist():
    for cmd in (["simulate", "--help"], ["validate", "--help"], ["scenario", "build", "--help"]):
        r = runner.invoke(app, cmd)
        assert r.exit_code == 0 and "Usage" in r.output
