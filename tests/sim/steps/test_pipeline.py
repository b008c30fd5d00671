"""The steps package: the year's order and how year one starts (steps/__init__.py)."""

from __future__ import annotations

import numpy as np

from foedus.sim import steps

from .conftest import tiny_world


def test_the_year_runs_its_steps_in_the_documented_order():
    assert list(steps.DEFAULT_STEPS) == [
        "system_membership", "trends_and_shocks", "capabilities", "threat_perception", "absent_states", "alignment", "alliance_politics",
        "crises_and_coalitions", "cyber", "conflict_and_commitments", "rivalries", "record",
    ]
    for name, fn in steps.DEFAULT_STEPS.items():
        assert name in (steps.__doc__ or "") and fn.__doc__


def test_initialise_derives_the_starting_state_again_without_randomness():
    world, _ = tiny_world()
    threat, base = world.results.threat.copy(), world.base_spending.copy()
    world.results.threat[:] = 0.0
    world.base_spending[:] = 0.0
    steps.initialise(world)
    np.testing.assert_array_equal(world.results.threat, threat)
    np.testing.assert_array_equal(world.base_spending, base)
