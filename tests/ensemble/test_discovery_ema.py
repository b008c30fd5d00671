"""Scenario discovery with EMA Workbench's PRIM, and the EMA Workbench adapter."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.sim.ensemble.discovery import ema_workbench_version, prim_box
from foedus.sim.ensemble.ema import ema_model, run_once


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
