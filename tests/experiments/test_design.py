"""Designs over scenario knobs: parsing, Latin hypercube, full factorial, applying knobs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.experiments.design import (
    Knob,
    apply_knobs,
    full_factorial,
    knob_fields,
    latin_hypercube,
    make_design,
    parse_knob,
)
from foedus.sim.parameters import Parameters
from foedus.sim.scenario import Trends


def test_knob_names_are_unique_and_cover_trends_and_parameters():
    fields = knob_fields()
    assert set(fields) == set(Trends.model_fields) | set(Parameters.model_fields)
    assert fields["cyber"] == "trends.cyber" and fields["reactivity"] == "parameters.reactivity"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("cyber=0.2:0.9", Knob("trends.cyber", 0.2, 0.9)),
        ("trends.norms = 0 : 1 : 5", Knob("trends.norms", 0.0, 1.0, 5)),
        ("fatigue=.1:1.5e0", Knob("parameters.fatigue", 0.1, 1.5)),
    ],
)
def test_parse_knob(text, expected):
    assert parse_knob(text) == expected


@pytest.mark.parametrize(
    "text, reason",
    [
        ("cyber=0.2", "expected NAME=LOW:HIGH"),
        ("warp=0:1", "unknown knob 'warp'"),
        ("cyber=0.5:1.5", "leaves the field's bounds [0, 1]"),
        ("cyber=0.9:0.1", "is above high"),
        ("military_depreciation=0:0.5", "leaves the field's bounds (0, 1]"),
        ("trends.reactivity=0:1", "not a trend or model parameter"),
    ],
)
def test_parse_knob_errors_name_the_text_and_reason(text, reason):
    with pytest.raises(ValueError) as e:
        parse_knob(text)
    assert text in str(e.value) and reason in str(e.value)


@settings(max_examples=30, deadline=None)
@given(runs=st.integers(1, 60), d=st.integers(1, 4), seed=st.integers(0, 2**31))
def test_latin_hypercube_puts_one_run_in_every_stratum(runs, d, seed):
    lows = np.linspace(0.0, 0.3, d)
    knobs = [Knob(f"parameters.{f}", lo, lo + 0.5) for f, lo in zip(["reactivity", "fatigue", "ally_weight", "alliance_cost"], lows)]
    x = latin_hypercube(knobs, runs, seed)
    assert x.shape == (runs, d)
    for k in knobs:
        u = (x[k.name].to_numpy() - k.low) / (k.high - k.low)
        strata = np.floor(u * runs).astype(int)
        assert sorted(strata) == list(range(runs))  # McKay et al. 1979: each of R strata once


def test_latin_hypercube_is_a_function_of_the_seed():
    knobs = [parse_knob("cyber=0:1"), parse_knob("norms=0.2:0.4")]
    a, b, c = latin_hypercube(knobs, 20, 5), latin_hypercube(knobs, 20, 5), latin_hypercube(knobs, 20, 6)
    assert a.equals(b) and not a.equals(c)


def test_constant_knob_and_no_knob():
    x = latin_hypercube([Knob("trends.cyber", 0.3, 0.3)], 4, 0)
    assert (x["trends.cyber"] == 0.3).all()
    assert make_design([], 3).shape == (3, 0)


def test_full_factorial_grid_and_replicates():
    knobs = [parse_knob("cyber=0:1:3"), parse_knob("norms=0.2:0.4:2")]
    x = full_factorial(knobs, 12)
    assert x["design_point"].tolist() == [i % 6 for i in range(12)]
    points = x.drop_duplicates("design_point")
    assert len(points) == 6
    assert sorted(points["trends.cyber"].unique()) == [0.0, 0.5, 1.0]
    assert sorted(points["trends.norms"].unique()) == pytest.approx([0.2, 0.4])
    # every combination once per replicate
    assert points[["trends.cyber", "trends.norms"]].drop_duplicates().shape[0] == 6
    with pytest.raises(ValueError, match="multiple of 6"):
        full_factorial(knobs, 10)


def test_make_design_rejects_unknown_method_and_duplicates():
    with pytest.raises(ValueError, match="design must be one of"):
        make_design([], 3, "sobol")
    with pytest.raises(ValueError, match="given twice"):
        latin_hypercube([parse_knob("cyber=0:1"), parse_knob("trends.cyber=0:0.5")], 4, 0)


def test_apply_knobs_sets_values_and_validates(tiny):
    sc = apply_knobs(tiny, {"trends.cyber": 0.8, "reactivity": 0.2})
    assert sc.trends.cyber == 0.8 and sc.parameters.reactivity == 0.2
    assert tiny.trends.cyber == 0.5  # the original is untouched
    assert apply_knobs(tiny, {}) is tiny
    with pytest.raises(ValueError, match="cyber"):
        apply_knobs(tiny, {"cyber": 1.5})
    with pytest.raises(ValueError, match="unknown knob"):
        apply_knobs(tiny, {"warp": 1.0})
