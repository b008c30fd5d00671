"""Step 6, crises and coalitions, alone on a four-state world."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.crises import crises_and_coalitions

from .conftest import GRT, events, tiny_world


def test_a_crisis_forms_a_coalition_of_the_exposed_led_by_the_most_capable():
    world, rng = tiny_world(crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=0.01, coalition_efficacy=0.0)  # the crisis outlasts the year
    crises_and_coalitions(world, rng)
    (crisis,) = world.crises.open()
    a = world.crises.coalition[crisis]
    ag = world.agreements
    assert a >= 0 and ag.active[a] and ag.kind[a] == 1  # a coalition
    exposed = np.flatnonzero(world.crises.exposure[crisis] > 0)
    assert set(np.flatnonzero(ag.members[a])) <= set(exposed) and ag.members[a].sum() >= 2
    (_, lead, _, detail), = events(world, "formation")
    assert lead == GRT and detail["factors"]["lead"] == GRT


def test_a_coalition_dissolves_when_its_crisis_runs_out():
    world, rng = tiny_world(crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=1.0)  # every crisis lasts one year
    crises_and_coalitions(world, rng)
    assert world.crises.open() == []
    (_, _, _, detail), = events(world, "dissolution")
    assert detail["cause"] in ("crisis faded", "mission ended")
    assert not world.agreements.active[: world.agreements.n].any()


def test_no_crisis_arises_at_rate_zero():
    world, rng = tiny_world(crisis_rate=0.0)
    crises_and_coalitions(world, rng)
    assert world.crises.kind == [] and not events(world)
