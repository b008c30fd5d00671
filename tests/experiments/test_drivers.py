"""What drives each headline (foedus.experiments.drivers): the sentence names the knob that moves an outcome, and none when none does."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from foedus.experiments.design import make_design
from foedus.experiments.drivers import DRIVERS, Headline, attribute, attribute_all, driver_knobs, headline_outcomes, holm
from foedus.sim import Scenario

RUNS = 100  # the main job's ensemble


@pytest.fixture(scope="module")
def design():
    knobs = driver_knobs(Scenario.builtin("world-2022"))
    return knobs, make_design(knobs, RUNS, "lhs", seed=3)


def test_driver_ranges_are_the_scenarios_values_plus_minus_a_spread_within_bounds():
    sc = Scenario.builtin("world-2022")
    got = {k.field: (k.low, k.high) for k in driver_knobs(sc)}
    assert list(got) == list(DRIVERS)
    assert got["great_power_competition"] == (0.4, 1.0)  # 0.7 + 0.3 clipped at 1
    assert got["economic_interdependence"] == (0.2, 0.8) and got["cyber"] == (0.3, 0.9)
    with pytest.raises(ValueError, match="unknown trend driver"):
        driver_knobs(sc, drivers=["reactivity"])


def test_holm_agrees_with_statsmodels():
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(5)
    for _ in range(20):
        p = rng.random(5) ** 3
        assert np.allclose(holm(p), multipletests(p, method="holm")[1])


def test_the_knob_that_drives_an_event_is_named_with_its_figure(design):
    knobs, x = design
    rng = np.random.default_rng(8)
    gpc = x["trends.great_power_competition"].to_numpy()
    y = rng.random(RUNS) < np.where(gpc > 0.8, 0.6, 0.05)
    a = attribute(Headline("pact", "a Russia–China defence pact forms by 2051", "event", pd.Series(y, index=x.index)), x, knobs)
    assert a["drivers"][0] == "great_power_competition"
    s = a["sentence"]
    assert s.startswith(f"A Russia–China defence pact forms by 2051 in {100 * y.mean():.0f} % of runs ({y.sum()} of {RUNS})")
    assert "most likely when great-power competition exceeds 0.80" in s
    up = [t for t in a["tests"] if t["knob"] == "great_power_competition"][0]["upper"]
    assert f"({100 * up['share']:.0f} %, {up['cases']} of {up['runs']} runs)" in s


def test_a_knob_that_lowers_an_event_is_named_the_other_way(design):
    knobs, x = design
    rng = np.random.default_rng(9)
    norms = x["trends.norms"].to_numpy()
    y = rng.random(RUNS) < np.where(norms < 0.4, 0.7, 0.1)
    a = attribute(Headline("nato", "NATO has ended by 2051", "event", pd.Series(y, index=x.index)), x, knobs)
    assert a["drivers"][0] == "norms" and "most likely when norms and values is below 0.40" in a["sentence"]


def test_a_number_that_rises_with_a_knob_says_so(design):
    knobs, x = design
    rng = np.random.default_rng(10)
    y = 3 + 4 * x["trends.cyber"].to_numpy() + rng.normal(0, 0.5, RUNS)
    a = attribute(Headline("blocs", "the number of defence blocs in 2051", "number", pd.Series(y, index=x.index)), x, knobs)
    assert a["drivers"] == ["cyber"]
    assert "it rises with cyber intensity: median" in a["sentence"] and "Spearman ρ = 0." in a["sentence"]


def test_no_driver_is_named_when_none_moves_the_outcome_at_the_stated_error_rate(design):
    """Holm over five drivers: at most 5 % of outcomes that no driver moves get a driver (one-sided, alpha = 0.01)."""
    knobs, x = design
    rng = np.random.default_rng(11)
    trials, named = 300, 0
    for i in range(trials):
        if i % 2:
            h = Headline("e", "an event happens", "event", pd.Series(rng.random(RUNS) < 0.2, index=x.index))
        else:
            h = Headline("n", "a number", "number", pd.Series(rng.poisson(3, RUNS).astype(float), index=x.index))
        a = attribute(h, x, knobs)
        named += bool(a["drivers"])
        if not a["drivers"]:
            assert "no driver moves it detectably in 100 runs" in a["sentence"]
    assert named <= stats.binom.ppf(0.99, trials, 0.05), named


def test_an_outcome_the_same_in_every_run_is_said_to_be_so(design):
    knobs, x = design
    a = attribute(Headline("pact", "a pact forms", "event", pd.Series(np.zeros(RUNS, bool), index=x.index)), x, knobs)
    assert a["drivers"] == [] and a["sentence"] == "A pact forms in 0 % of runs (0 of 100); the same in every run, so no driver can be told to move it."
    none = attribute(Headline("pact", "a pact forms", "event", pd.Series(np.arange(RUNS) % 3 == 0, index=x.index)), x, [])
    assert none["sentence"].endswith("; no driver was varied.")


def test_attribute_all_carries_the_method_and_ranges(design):
    knobs, x = design
    out = attribute_all([Headline("n", "a number", "number", pd.Series(np.arange(RUNS, dtype=float), index=x.index))], x, knobs)
    assert "Monte Carlo filtering" in out["method"] and len(out["knobs"]) == 5 and len(out["headlines"]) == 1


def test_headlines_of_a_real_ensemble(tmp_path):
    """Pairs, an agreement's end and the numbers, read from an ensemble's tables, agree with a direct reading."""
    from foedus.experiments.ensemble import run_ensemble
    from foedus.testing import synthetic_scenario

    sc = synthetic_scenario(7, seed=11, years=6, alliances=2)
    store = run_ensemble(sc, runs=6, out=tmp_path / "e", seed=3, knobs=driver_knobs(sc), workers=1, processes=False)
    a, b = sc.agreements[0].members[:2]
    heads = {h.key: h for h in headline_outcomes(store, pairs=[(a, b)], agreements={"pact 1": 2})}
    assert list(heads)[-6:] == ["defense_pacts", "largest_bloc", "blocs", "poles", "wars", "milex"]
    sysl = store.read_table("system", columns=["year", "blocs", "wars"])
    last = int(sysl["year"].max())
    assert heads["blocs"].values.tolist() == sysl[sysl["year"] == last].set_index("run")["blocs"].astype(float).tolist()
    assert heads["wars"].values.tolist() == sysl.groupby("run")["wars"].sum().astype(float).tolist()
    pact = [h for k, h in heads.items() if k.startswith("pact ")][0]
    assert pact.kind == "event" and pact.values.all()  # the two founded pact 0 together, a defence pact
    assert pact.label.endswith(f"defence pact forms by {last}")
    sp = store.read_table("alliances", columns=["agreement_id", "until_year"])
    ended = sp[sp["agreement_id"] == 2].groupby("run")["until_year"].max() < last
    assert heads["pact 1 ends"].values.tolist() == ended.reindex(heads["pact 1 ends"].values.index, fill_value=True).tolist()
    assert heads["pact 1 ends"].label == f"pact 1 has ended by {last}"
