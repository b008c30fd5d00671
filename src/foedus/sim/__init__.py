"""The year-by-year simulator of the international system, its scenarios and ensembles.

- :class:`Scenario` (:mod:`foedus.sim.scenario`): a validated scenario file: actors, agreements,
  the five trend drivers T1–T5, scheduled shocks, horizon and default seed; its ``parameters``
  are :class:`foedus.sim.parameters.Parameters`, every constant of the engine with its bounds;
- :class:`World` (:mod:`foedus.sim.world`): the state of the system as arrays, with the
  agreements (:class:`Agreements`, :mod:`foedus.sim.agreements`: a state may belong to several;
  members join and leave; agreements dissolve) and the compiled passes over their memberships
  (:mod:`foedus.sim.membership`);
- :func:`build_world` (:mod:`foedus.sim.start`): the starting world of a scenario;
- :class:`Simulation` (:mod:`foedus.sim.engine`): a world, its random generator, its recorder
  (:mod:`foedus.sim.record`) and the pipeline of a simulated year
  (:data:`foedus.sim.steps.DEFAULT_STEPS`, one module per step), each step replaceable;
- :func:`run_scenario`: run a scenario and get its :class:`foedus.schema.History`
  (:mod:`foedus.sim.output` writes a run to a folder, with checkpoints).
"""

from foedus.sim.agreements import Agreements
from foedus.sim.engine import Simulation, run_scenario
from foedus.sim.scenario import Scenario, ScenarioError, builtin_names
from foedus.sim.start import build_world
from foedus.sim.world import World

__all__ = ["Agreements", "Scenario", "ScenarioError", "Simulation", "World", "build_world", "builtin_names", "run_scenario"]
