"""Which great powers a call to arms restrains (foedus.theory.war_restraint; Bremer 1992, Levy 1983; Leeds 2003; call20).

With ``honour_joint_major_restraint`` 1 (the form until 2026-12), a great power called by its defence pact to defend a
minor ally that another great power attacked honours at the onset's major-major odds: its honouring probability is
:func:`foedus.theory.war_restraint.great_power_restraint` of the unrestrained one (to the bit), and it enters less often
(one-sided Fisher test at 1 %). By default (0) it does not (the record's great powers called against a great power fought
22 of 26 times in sample); a great power called against a *minor* attacker honours at ``honour_minor_attacker_restraint``'s
odds (:func:`foedus.theory.war_restraint.minor_attacker_restraint`), and the casus foederis arises at any reach, the reach
a term of the honouring (:func:`foedus.theory.war_onset.reach_honour`). Runs the conflict step's call on the four-state
world of ``tests/sim/steps/conftest.py`` (GRT and RIV great powers, SMA and SMB minor, SMA a minor ally of GRT).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.sim.steps.conflict import call_allies
from foedus.theory.war_onset import reach_honour
from foedus.theory.war_restraint import great_power_restraint, minor_attacker_restraint

from .steps.conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world

ALPHA = 0.01
QUIET = {"dispute_rate": 0.0, "war_end_rate": 0.0, "war_onset_intercept": -30.0, "opportunistic_join_rate": 0.0, "warring_ally_join_rate": 0.0,
         "nuclear_entry_restraint": 0.0, "war_entry_delay": 0.0}


def _call(seed: int, joint_major: float, attacker: int = RIV, near: bool = True, **params) -> dict:
    """``attacker`` attacks SMA, GRT's defence ally: GRT's commitment event (its detail)."""
    params = {"honour_joint_major_restraint": 1.0, **params}
    world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA])], war_onset_joint_major=joint_major, **QUIET, **params)
    r, a, g = world.index_of(attacker), world.index_of(SMA), world.index_of(GRT)
    if near:
        world.inputs.distance_km[g, r] = world.inputs.distance_km[r, g] = 0.0  # full reach to the war
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


def test_at_honour_joint_major_restraint_0_a_great_power_called_against_a_great_power_carries_no_major_major_term():
    free, default = _call(0, 0.0), _call(0, -1.6286, honour_joint_major_restraint=0.0)
    assert "great_power_restraint" not in default["factors"] and "minor_attacker_restraint" not in default["factors"]
    assert default["probability"] == free["probability"]


def test_a_great_power_called_against_a_minor_attacker_honours_at_the_restrained_odds():
    free, held = _call(0, 0.0, SMB, honour_minor_attacker_restraint=0.0), _call(0, 0.0, SMB, honour_minor_attacker_restraint=-4.0)
    assert "minor_attacker_restraint" not in free["factors"] and held["factors"]["minor_attacker_restraint"] == -4.0
    assert held["probability"] == pytest.approx(float(minor_attacker_restraint([free["probability"]], [True], [False], -4.0)[0]), rel=1e-12)
    assert held["probability"] < free["probability"] / 10


def test_a_distant_ally_is_called_and_honours_at_the_reach_term():
    """GRT far from the war: called whatever its reach (casus_reach_gate 0), its honouring lowered by the reach term."""
    free, weighted = (_call(0, 0.0, near=False, casus_reach_gate=0.0, honour_reach_weight=w) for w in (0.0, 2.05))
    r = weighted["factors"]["reach"]
    assert r < 1.0 and weighted["factors"]["casus_foederis_probability"] == 1.0 and weighted["factors"]["honour_reach_weight"] == 2.05
    assert weighted["probability"] == pytest.approx(float(reach_honour([free["probability"]], [r], 2.05)[0]), rel=1e-12)
