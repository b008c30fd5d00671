"""Scenario discovery with EMA Workbench's PRIM, and the EMA Workbench adapter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.experiments.discovery import ema_workbench_version, prim_box
from foedus.experiments.ema import ema_model, run_once


def test_prim_recovers_a_planted_box():
    """Outcome = (a > 0.6 and b < 0.3) with 5 % label noise: PRIM restricts a and b near the planted limits, not c."""
    rng = np.random.default_rng(0)
    x = pd.DataFrame({"a": rng.random(600), "b": rng.random(600), "c": rng.random(600)})
    y = (x["a"] > 0.6) & (x["b"] < 0.3) & (rng.random(600) < 0.95)
    d = prim_box(x, y.to_numpy())
    assert d.box.loc["a", "restricted"] and d.box.loc["b", "restricted"] and not d.box.loc["c", "restricted"]
    assert d.box.loc["a", "low"] == pytest.approx(0.6, abs=0.05)
    assert d.box.loc["b", "high"] == pytest.approx(0.3, abs=0.05)
    assert d.density >= 0.85 and d.coverage >= 0.5 and d.base_density == pytest.approx(y.mean())
    assert d.box.loc["a", "qp_low"] < 1e-6  # the restriction on a matters
    assert d.ema_workbench == ema_workbench_version()


def test_prim_refuses_what_it_cannot_explain():
    x = pd.DataFrame({"a": np.linspace(0, 1, 20)})
    with pytest.raises(ValueError, match="never reached"):
        prim_box(x, np.zeros(20, bool))
    with pytest.raises(ValueError, match="needs varied knobs"):
        prim_box(x[[]], np.r_[np.ones(10, bool), np.zeros(10, bool)])


def test_run_once_is_a_plain_function_of_parameters_and_seed(tiny):
    a = run_once(tiny, seed=5, cyber=0.9, reactivity=0.2)
    b = run_once(tiny, seed=5, cyber=0.9, reactivity=0.2)
    c = run_once(tiny, seed=6, cyber=0.9, reactivity=0.2)
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["milex"], c["milex"])
    assert a["alliances"].shape == (tiny.years,)
    with pytest.raises(ValueError, match="unknown knob"):
        run_once(tiny, warp=1.0)


def test_ema_workbench_drives_foedus_unchanged(tiny):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ema_workbench import SequentialEvaluator, perform_experiments

    model = ema_model(tiny, {"cyber": (0.0, 1.0), "reactivity": (0.05, 0.3)}, seed=3, outcomes=("alliances", "milex"))
    with SequentialEvaluator(model) as evaluator:
        experiments, outcomes = perform_experiments(model, scenarios=3, evaluator=evaluator)
    assert outcomes["milex"].shape == (3, tiny.years)
    for i, row in experiments.iterrows():
        direct = run_once(tiny, seed=3, outcomes=("milex",), cyber=row["cyber"], reactivity=row["reactivity"])
        np.testing.assert_array_equal(outcomes["milex"][i], direct["milex"])
    rep = ema_model(tiny, {"cyber": (0.0, 1.0)}, replications=2, seed=3, outcomes=("alliances",))
    with SequentialEvaluator(rep) as evaluator:
        _, out = perform_experiments(rep, scenarios=2, evaluator=evaluator)
    assert out["alliances"].shape == (2, 2, tiny.years)
    with pytest.raises(ValueError, match="leaves the field's bounds"):
        ema_model(tiny, {"cyber": (0.0, 2.0)})


# ------------------------------------------------------------------ the runnable example (examples/ema_workbench_example.py)
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ema_workbench_example.py"


def _load_example():
    import importlib.util

    spec = importlib.util.spec_from_file_location("foedus_ema_workbench_example", EXAMPLE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_ema_example_drives_foedus_plain_function_through_the_adapter(capsys):
    example = _load_example()
    args = example.parse_args(["--scenarios", "4", "--years", "2", "--seed", "3"])
    experiments, outcomes = example.run(args)
    assert len(experiments) == 4 and outcomes["defense_pacts"].shape == (4, 2)
    for i, row in experiments.iterrows():  # each experiment is foedus's plain run function at EMA's sampled knob values
        direct = run_once("world-2022", years=2, seed=3, outcomes=("defense_pacts", "milex"), **{k: row[k] for k in example.UNCERTAINTIES})
        np.testing.assert_array_equal(outcomes["defense_pacts"][i], direct["defense_pacts"])
        np.testing.assert_array_equal(outcomes["milex"][i], direct["milex"])
    again, _ = example.run(args)  # EMA's sampling is seeded: the same experiments
    pd.testing.assert_frame_equal(experiments[list(example.UNCERTAINTIES)], again[list(example.UNCERTAINTIES)])

    assert example.main(["--scenarios", "4", "--years", "2", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "4 experiments of world-2022, 2 years, evaluator sequential" in out
    assert "PRIM:" in out and ("box: coverage" in out or "PRIM found no box" in out)


@pytest.mark.slow
def test_ema_example_runs_as_a_script_with_the_multiprocessing_evaluator(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    res = subprocess.run(
        [sys.executable, str(EXAMPLE), "--scenarios", "4", "--years", "2", "--replications", "2", "--evaluator", "multiprocessing", "--processes", "2"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    assert "4 experiments of world-2022, 2 years, evaluator multiprocessing; outcome arrays (4, 2, 2)" in res.stdout
    assert "PRIM:" in res.stdout
