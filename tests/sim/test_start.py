"""The starting world of a scenario: built once, copied for each run, every field set at construction."""

from __future__ import annotations

import numpy as np
import pydantic
import pytest

from foedus.sim.start import _WORLDS, build_world
from foedus.testing import synthetic_scenario, with_updates


def test_a_scenario_builds_once_and_its_elements_cannot_change_behind_its_back():
    """A scenario's starting world is built once and copied for its next runs; an element is
    frozen, and a changed scenario (a new object) is built again."""
    sc = synthetic_scenario(9, seed=2, years=5, alliances=2)
    w1 = build_world(sc)
    assert _WORLDS[id(sc)][0] is sc
    w2 = build_world(sc)
    assert np.array_equal(w1.state.hostility, w2.state.hostility) and np.array_equal(w1.state.agreements.members, w2.state.agreements.members)
    w2.state.hostility[0, 1] = 0.5  # each world is its own copy
    assert build_world(sc).state.hostility[0, 1] == w1.state.hostility[0, 1]
    with pytest.raises(pydantic.ValidationError):
        sc.relations[0].hostility = 0.99
    changed = with_updates(sc, relations=[dict(r.model_dump(), hostility=0.9) for r in sc.relations])
    w3 = build_world(changed)
    i, j = (w3.index_of(c) for c in sc.relations[0].pair)
    assert w3.state.hostility[i, j] == 0.9 != w1.state.hostility[i, j]


def test_the_compiled_tier_code_is_the_schemas_rule_with_pins():
    """``World.tier_code``'s compiled pass against :func:`foedus.schema.power_tier_code` and the pin rule."""
    from foedus.schema import power_tier_code
    from foedus.sim.world import _tier_kernel
    from foedus.schema import REGIONAL_CINC, SUPERPOWER_CINC

    rng = np.random.default_rng(2)
    for n in (1, 5, 200):
        cinc = rng.choice([0.0, 0.005, 0.01, 0.05, 0.15, 0.3, np.nan], n) * rng.choice([1.0, 0.999, 1.001], n)
        major = rng.random(n) < 0.3
        pin = rng.integers(-1, 4, n).astype(np.int8)
        code = power_tier_code(cinc, major)
        pinned = (pin >= 0) & (major | (pin >= 2))
        expected = np.where(pinned, np.minimum(code, pin), code).astype(np.int8)
        out = np.empty(n, np.int8)
        _tier_kernel(cinc, major, pin, SUPERPOWER_CINC, REGIONAL_CINC, out)
        assert out.tolist() == expected.tolist()


def test_a_relation_s_hostility_base_is_the_baseline_and_the_hostility_when_omitted():
    """Relation.hostility_base (foedus.theory.rivalry_severity): a pair that has just fought starts above its baseline;
    without one the baseline is the starting hostility, as before."""
    sc = synthetic_scenario(9, seed=2, years=5, alliances=2)
    rel = [dict(r.model_dump(), hostility=0.9, hostility_base=0.5 if k == 0 else None) for k, r in enumerate(sc.relations)]
    w = build_world(with_updates(sc, relations=rel))
    (i, j), (a, b) = ((w.index_of(c) for c in r["pair"]) for r in rel[:2])
    assert w.state.hostility[i, j] == w.state.hostility[j, i] == 0.9
    assert w.state.hostility_base[i, j] == w.state.hostility_base[j, i] == 0.5
    assert w.state.hostility_base[a, b] == w.state.hostility[a, b] == 0.9
