"""Every built-in scenario loads and runs: a few simulated years, each one a valid history.

As Mesa steps every example model in its test suite, this steps every scenario shipped in
``foedus/sim/scenarios`` (a new one is covered without touching this file).
"""

from __future__ import annotations

import pytest

from foedus.sim import Scenario, Simulation, builtin_names

YEARS = 3
"""Years stepped per scenario: enough to pass through formation, politics and arms steps."""


def test_there_are_built_in_scenarios():
    assert builtin_names(), "no built-in scenario found in foedus/sim/scenarios"


@pytest.mark.parametrize("name", builtin_names())
def test_built_in_scenario_steps_a_few_years_into_a_valid_history(name):
    scenario = Scenario.load(name)
    sim = Simulation(scenario)
    assert sim.year == scenario.start_year
    for k in range(1, YEARS + 1):
        sim.step()
        assert sim.year == scenario.start_year + k
        assert sim.years_done == k
    history = sim.history()
    assert (history.first_year, history.last_year) == (scenario.start_year, scenario.start_year + YEARS - 1)
    history.validated()  # raises SchemaError naming the table and column if any table is off
    years = history.state_years["year"]
    assert sorted(years.unique().tolist()) == list(range(scenario.start_year, scenario.start_year + YEARS))
    # the states table holds the states that were in the system in a simulated year (foedus.sim.steps.system)
    run_years = range(scenario.start_year, scenario.start_year + YEARS)
    assert set(history.states["ccode"]) == {a.ccode for a in scenario.actors if any(a.member_in(y) for y in run_years)}
    events = history.events["year"]
    assert events.between(history.first_year, history.last_year).all()
