"""Leave-one-era-out calibration (optuna, resumable) and Sobol sensitivity (SALib), on a tiny budget."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from foedus.analysis.era_tolerance import EraFact
from foedus.analysis.eras import FACTS
from foedus.cli import app
from foedus.experiments.calibration import DISTANCE_CAP, calibrate, objective, parameter_bounds


def test_bounds_come_from_the_parameter_fields():
    b = parameter_bounds(["exit_rate", "cohesion_intercept", "alliance_cost", "commitment_exponent"])
    assert b["exit_rate"] == (0.0, 1.0)
    assert b["cohesion_intercept"] == (-20.0, 20.0)
    assert b["commitment_exponent"] == (0.0, 3.0)
    assert b["alliance_cost"] == (0.0, pytest.approx(0.16))  # no upper bound: four times the default
    with pytest.raises(ValueError, match="unknown parameter"):
        parameter_bounds(["no_such_thing"])


def test_objective_counts_facts_out_of_range_plus_a_capped_distance():
    def fact(ok, d):
        return EraFact("1816-1914", "share_bilateral", 0.5, 0.5, 0.5, 0.5, 0.5, ok, "±0.15", True, distance=d)

    assert objective([fact(True, 0.5), fact(False, 2.0)]) == pytest.approx(1 + (0.5 + 2.0) / 2)
    assert objective([fact(False, 100.0)]) == pytest.approx(1 + DISTANCE_CAP)
    with pytest.raises(ValueError):
        objective([])


TINY = dict(parameters=("dissolution_hazard", "exit_rate"), seeds=(1,), years=3, seed=5)


@pytest.fixture(scope="module")
def tiny_calibration(tmp_path_factory):
    out = tmp_path_factory.mktemp("cal") / "a"
    return out, calibrate(out, trials=2, **TINY)


def test_every_era_is_held_out_once_and_every_fact_is_shown_in_and_out_of_sample(tiny_calibration):
    out, result = tiny_calibration
    assert [f["held_out"] for f in result["folds"]] == ["1816-1914", "1919-1938", "1946-1989", "1990-2018"]
    assert all(f["trials"] == 2 for f in result["folds"]) and result["all_eras"]["trials"] == 2
    side = result["side_by_side"]
    assert len(side) == 4 * len(FACTS) and {r["fact"] for r in side} == set(FACTS)
    k = sum(r["out_of_sample_in_range"] for r in side)
    assert result["facts_in_range_out_of_sample"] == f"{k}/{len(side)}"
    assert set(result["shipped_candidate"]) == set(TINY["parameters"])
    for name, (lo, hi) in result["bounds"].items():
        assert lo <= result["shipped_candidate"][name] <= hi
    assert json.loads((out / "calibration.json").read_text()) == json.loads(json.dumps(result))
    assert (out / "optuna.journal").exists() and (out / "record_facts.json").exists()


def test_a_calibration_is_reproducible_and_resumes_from_its_journal(tiny_calibration, tmp_path):
    _, first = tiny_calibration
    again = calibrate(tmp_path, trials=2, **TINY)
    assert again["folds"] == first["folds"] and again["shipped_candidate"] == first["shipped_candidate"]
    # rerun in the same folder with one more trial: the two done are kept, one is added per study
    more = calibrate(tmp_path, trials=3, **TINY)
    assert all(f["trials"] == 3 for f in more["folds"])
    assert all(m["best_objective"] <= f["best_objective"] for m, f in zip(more["folds"], first["folds"]))


@pytest.mark.parametrize(
    "args, message",
    [(["--parameters", "nope"], "unknown parameter"), (["--sobol-n", "3"], "power of two"), (["--trials", "0"], "trials")],
)
def test_calibrate_rejects_bad_options(args, message, tmp_path):
    r = CliRunner().invoke(app, ["calibrate", "--out", str(tmp_path), *args])
    assert r.exit_code == 2 and message in r.output


def test_the_calibration_report_and_sobol_indices(tiny_calibration, tmp_path):
    from foedus.experiments.calibration import Evaluator, sobol
    from foedus.report.validation import calibration_html

    _, result = tiny_calibration
    page = calibration_html(result, tmp_path / "c.html").read_text()
    assert page.count("<tr>") >= 4 * len(FACTS) and "out of sample" in page
    ev = Evaluator((1,), 2, tmp_path)
    s = sobol(ev, {"dissolution_hazard": (0.0, 1.0), "exit_rate": (0.0, 1.0)}, 2, seed=3)
    assert s["samples"] == 2 * (2 + 2)
    assert {r["parameter"] for r in s["ranking"]} == {"dissolution_hazard", "exit_rate"}
    assert s["ranking"][0]["ST"] >= s["ranking"][1]["ST"]
