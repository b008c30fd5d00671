"""The year-by-year simulator of the international system, its scenarios and ensembles.

- :class:`Scenario` (:mod:`foedus.sim.scenario`): a validated scenario file: actors, agreements,
  the five trend drivers T1–T5, scheduled shocks, horizon and seed;
- :class:`World` (:mod:`foedus.sim.world`): the state of the system as arrays, with the
  agreements in force (:class:`Agreements`: a state may belong to several; members join and
  leave; agreements dissolve);
- :class:`Simulation` (:mod:`foedus.sim.engine`): a world, its random generator and the pipeline
  of a simulated year (:data:`foedus.sim.steps.DEFAULT_STEPS`), each step replaceable;
- :func:`run_scenario`: run a scenario and get its :class:`foedus.schema.History`.
"""

from foedus.sim.engine import Simulation, run_scenario
from foedus.sim.scenario import Scenario, ScenarioError, builtin_names
from foedus.sim.start import build_world
from foedus.sim.world import Agreements, World

__all__ = ["Agreements", "Scenario", "ScenarioError", "Simulation", "World", "build_world", "builtin_names", "run_scenario"]
