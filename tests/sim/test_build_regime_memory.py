"""A state's memory of its regime at a run's start, from the record's years before it (Leeds & Savun 2007; endings)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.data.paths import default_data_dir

needs_data = pytest.mark.skipif(not (default_data_dir() / "regime").exists(), reason="needs the shared regime files")


@needs_data
def test_a_transition_just_before_the_start_is_remembered():
    """V-Dem: Hungary and Poland democratised in 1989-90 (polyarchy about 0.2 before): their memory at a 1990 start is
    far below their 1990 score; the USA's regime did not move, so its memory is its score."""
    from foedus.sim.build_actors import _regime_memory

    mem = _regime_memory(np.array([310, 290, 2]), 1990, None)
    assert mem[0] < 0.3 and mem[1] < 0.35 and 0.8 < mem[2] < 0.95


@needs_data
def test_a_state_without_scores_before_the_start_has_no_memory():
    from foedus.sim.build_actors import _regime_memory

    assert np.isnan(_regime_memory(np.array([999]), 1990, None)).all()


def test_the_world_starts_with_the_scenarios_memory_of_each_regime():
    from tests.sim.steps.conftest import ACTORS, tiny_world

    actors = [dict(a) for a in ACTORS]
    actors[0]["regime_memory"] = 0.1
    world, _ = tiny_world(actors=actors)
    assert world.state.regime_reference[0] == 0.1 and np.array_equal(world.state.regime_reference[1:], world.state.regime[1:])
