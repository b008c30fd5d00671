"""Step 9, record, alone on a four-state world."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.record import record

from .conftest import tiny_world


def test_record_copies_the_year_into_the_recorder():
    world, rng = tiny_world()
    assert world.log.years == 0
    record(world, rng)
    assert world.log.years == 1
    np.testing.assert_array_equal(world.log.milex[0], world.state.milex)
    np.testing.assert_array_equal(world.log.cinc[0], world.state.cinc)
