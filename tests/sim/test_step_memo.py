"""The alignment step's memo of the terms its helpers ask for several times (issue 16, :class:`foedus.sim.steps.year_goods.held_for_step`):
kept only while the step runs, given back only within it, and the step's events, explanations and alliances are the same
to the bit with the memo as without it."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.steps import year_goods
from foedus.testing import synthetic_scenario

alignment_module = importlib.import_module("foedus.sim.steps.alignment")


def _world():
    sim = Simulation(synthetic_scenario(30, seed=2, years=8, alliances=3, cyber=False, spread_km=8000.0), rng=2)
    sim.run(3)
    return sim.world


def test_step_memo_fetches_each_time_outside_a_step_and_once_within_it():
    world = _world()
    calls = []

    def fetch():
        calls.append(1)
        return np.zeros(2)

    a, b = year_goods.step_memo(world, "x", fetch), year_goods.step_memo(world, "x", fetch)
    assert a is not b and len(calls) == 2  # no step under way: fetched each time
    with year_goods.held_for_step(world):
        c = year_goods.step_memo(world, "x", fetch)
        assert year_goods.step_memo(world, "x", fetch) is c and len(calls) == 3
        d = year_goods.step_memo(world, "x", fetch, key=b"other")  # another argument: fetched again
        assert d is not c and len(calls) == 4
    assert year_goods.step_memo(world, "x", fetch) is not c and len(calls) == 5  # the memo went with the step
    assert not any(isinstance(k, str) and k == "step_memo" for k in world.cache)


def test_the_memo_is_dropped_when_the_step_fails():
    world = _world()
    with pytest.raises(RuntimeError), year_goods.held_for_step(world):
        year_goods.step_memo(world, "x", lambda: 1)
        raise RuntimeError
    calls = []
    year_goods.step_memo(world, "x", lambda: calls.append(1))
    assert calls == [1]


class _NoMemo:
    def __init__(self, world):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def _run(seed: int, memo: bool, monkeypatch) -> tuple[str, bytes]:
    if not memo:
        monkeypatch.setattr(year_goods, "held_for_step", _NoMemo)
    sim = Simulation(synthetic_scenario(40, seed=seed, years=12, alliances=4, cyber=False, spread_km=9000.0), rng=seed)
    sim.run(12)
    monkeypatch.undo()
    ag = sim.world.state.agreements
    events = sim.events().to_json(orient="records")  # every event with its explanation (details)
    return events, ag.members[: ag.n].tobytes() + ag.active[: ag.n].tobytes()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_run_is_the_same_with_the_step_memo_as_without_it(seed, monkeypatch):
    with_memo = _run(seed, True, monkeypatch)
    without = _run(seed, False, monkeypatch)
    assert with_memo[0] == without[0]  # every event and its explanation (the memo's terms are in them)
    assert with_memo[1] == without[1]
    assert '"formation"' in with_memo[0] and "unread_alignment" in with_memo[0]  # pacts formed and explained: the terms were asked for
