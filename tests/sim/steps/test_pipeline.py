"""The steps package: the year's order and how year one starts (steps/__init__.py)."""

from __future__ import annotations

import re

import numpy as np

from foedus.sim import steps

from .conftest import tiny_world


def test_the_year_runs_its_steps_in_the_documented_order():
    # the blocs (multilateral treaties against a shared threat) run between threat perception and alignment since they were merged;
    # the pacts made for a war right after the wars begin (session 8); a bilateral treaty replaced by a new one after the politics
    # (session 22, renew22: off by default)
    assert list(steps.DEFAULT_STEPS) == [
        "system_membership", "trends_and_shocks", "capabilities", "threat_perception", "absent_states", "blocs", "alignment",
        "alliance_politics", "treaty_replacement", "crises_and_coalitions", "cyber", "conflict_and_commitments", "wartime_pacts", "rivalries", "record",
    ]
    # the order the package's docstring documents: the step named first in each item of its numbered list
    documented = re.findall(r"^\d+[a-z]?\. :func:`~\.\w+\.(\w+)`", steps.__doc__ or "", flags=re.M)
    assert documented == list(steps.DEFAULT_STEPS)
    for fn in steps.DEFAULT_STEPS.values():
        assert fn.__doc__


def test_initialise_derives_the_starting_state_again_without_randomness():
    world, _ = tiny_world()
    threat, base = world.results.threat.copy(), world.state.base_spending.copy()
    world.results.threat[:] = 0.0
    world.state.base_spending[:] = 0.0
    steps.initialise(world)
    np.testing.assert_array_equal(world.results.threat, threat)
    np.testing.assert_array_equal(world.state.base_spending, base)
