"""Great powers avoid fighting one another on every path to war (foedus.theory.war_restraint; Bremer 1992, Levy 1983).

A great power called by its defence pact to defend a minor ally that another great power attacked honours at the
onset's major-major odds: its honouring probability is :func:`foedus.theory.war_restraint.great_power_restraint` of the
unrestrained one (to the bit), and it enters less often (one-sided Fisher test at 1 %). Runs the conflict step's call on the
four-state world of ``tests/sim/steps/conftest.py`` (GRT and RIV great powers, SMA a minor ally of GRT).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.sim.steps.conflict import call_allies
from foedus.theory.war_restraint import great_power_restraint

from .steps.conftest import GRT, RIV, SMA, alliance, events, tiny_world

ALPHA = 0.01
QUIET = {"dispute_rate": 0.0, "war_end_rate": 0.0, "war_onset_intercept": -30.0, "opportunistic_join_rate": 0.0, "warring_ally_join_rate": 0.0,
         "nuclear_entry_restraint": 0.0, "war_entry_delay": 0.0}


def _call(seed: int, joint_major: float) -> dict:
    """RIV attacks SMA, GRT's defence ally: GRT's commitment event (its detail)."""
    world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA])], war_onset_joint_major=joint_major, **QUIET)
    r, a, g = world.index_of(RIV), world.index_of(SMA), world.index_of(GRT)
    world.inputs.distance_km[g, r] = world.inputs.distance_km[r, g] = 0.0  # the casus foederis arises
    world.state.at_war[a, r] = world.state.at_war[r, a] = True
    call_allies(world, np.random.default_rng(seed), np.array([r]), np.array([a]))
    (call,) = [d for _, c, _, d in events(world, "commitment") if c == GRT]
    return call


def test_a_great_power_honours_a_call_against_a_great_power_at_the_major_major_odds():
    free, held = _call(0, 0.0), _call(0, -1.6286)
    assert "great_power_restraint" not in free["factors"] and held["factors"]["great_power_restraint"] == -1.6286
    assert held["probability"] == pytest.approx(float(great_power_restraint([free["probability"]], [True], [True], -1.6286)[0]), rel=1e-12)
    n = 60
    honoured = {b: sum(_call(seed, b)["honoured"] for seed in range(n)) for b in (0.0, -1.6286)}
    assert stats.fisher_exact([[honoured[0.0], n - honoured[0.0]], [honoured[-1.6286], n - honoured[-1.6286]]], alternative="greater").pvalue < ALPHA, honoured
