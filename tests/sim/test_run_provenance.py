"""Every run folder carries its provenance, the same for `foedus simulate` and the main job's run/.

provenance.json: foedus's version, the command, the scenario (a copy beside it and the copy's
SHA-256), the seed, the horizon; no timestamp, so that the same seed gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

from foedus import __version__
from foedus.cli.job import main_job
from foedus.sim import Scenario
from foedus.sim.output import simulate_to_dir, write_run_folder
from foedus.sim.engine import run_scenario


def _prov(folder):
    return json.loads((folder / "provenance.json").read_text(encoding="utf-8"))


def test_simulate_folder_records_version_command_scenario_copy_and_seed(tmp_path):
    sc = Scenario.builtin("europe-1871")
    simulate_to_dir(sc, tmp_path / "a", years=3, seed=5, checkpoint_every=0)
    p = _prov(tmp_path / "a")
    assert p["format"] == "foedus-provenance" and p["kind"] == "run" and p["foedus_version"] == __version__
    assert p["seeds"] == [5] and p["years"] == 3 and p["start_year"] == 1871 and p["command"]
    assert "created" not in p  # the same seed gives the same bytes
    copy = (tmp_path / "a" / "scenario.yaml").read_bytes()
    shipped = (resources.files("foedus.sim") / "scenarios" / "europe-1871.yaml").read_bytes()
    assert copy == shipped and p["scenario"]["sha256"] == hashlib.sha256(copy).hexdigest()
    assert "built-in" in p["scenario"]["source"]
    simulate_to_dir(sc, tmp_path / "b", years=3, seed=5, checkpoint_every=0)
    assert (tmp_path / "b" / "provenance.json").read_bytes() == (tmp_path / "a" / "provenance.json").read_bytes()


def test_a_scenario_that_is_not_built_in_is_copied_as_it_ran(tmp_path):
    sc = Scenario.builtin("europe-1871").model_copy(update={"name": "my-europe"})
    simulate_to_dir(sc, tmp_path / "r", years=2, seed=1, checkpoint_every=0)
    p = _prov(tmp_path / "r")
    back = Scenario.from_file(tmp_path / "r" / "scenario.yaml")
    assert back == sc and p["scenario"]["name"] == "my-europe" and "written back" in p["scenario"]["source"]


def test_simulate_and_main_write_the_same_run_folder(tmp_path):
    sc = Scenario.builtin("europe-1871")
    simulate_to_dir(sc, tmp_path / "sim", years=3, seed=2, checkpoint_every=0)
    main_job(sc, tmp_path / "main", years=3, seed=2, runs=0, command="foedus main --years 3 --seed 2")
    a, b = tmp_path / "sim", tmp_path / "main" / "run"
    names = sorted(x.name for x in a.iterdir())
    assert names == sorted(x.name for x in b.iterdir())
    assert {"events.jsonl", "run.json", "provenance.json", "scenario.yaml", "history.json"} <= set(names)
    for name in names:
        if name != "provenance.json":
            assert (a / name).read_bytes() == (b / name).read_bytes(), name
    pa, pb = _prov(a), _prov(b)
    assert pb.pop("command") == "foedus main --years 3 --seed 2"
    pa.pop("command")
    assert pa == pb
    top = _prov(tmp_path / "main")
    assert top["kind"] == "main" and top["seeds"] == [2] and top["runs"] == 0
    assert json.loads((tmp_path / "main" / "summary.json").read_text())["foedus_version"] == __version__


def test_write_run_folder_takes_the_command(tmp_path):
    sc = Scenario.builtin("europe-1871")
    h = run_scenario(sc, years=2, seed=4)
    write_run_folder(h, tmp_path, scenario=sc, seed=4, years=2, command="foedus simulate -s europe-1871")
    assert _prov(tmp_path)["command"] == "foedus simulate -s europe-1871"
    assert json.loads((tmp_path / "run.json").read_text())["complete"] is True
