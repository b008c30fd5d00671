"""Step 10, record: the year's state arrays into the run's recorder (:class:`foedus.sim.record.Recorder`).

Events are not recorded here: each step logs the events it causes, with their explanations.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World

def record(world: World, rng: np.random.Generator) -> None:
    """Copy the year's state arrays into the recorder (events are logged by the steps above)."""
    world.log.record_year(world)

