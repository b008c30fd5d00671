"""Major-power status follows the scenario's schedule (``Actor.major_spells``; COW Project 2017): China a great power from 1950.

Until 2026-12 (join14) a run kept every state's status of its first year, so a run from 1946 never counted China among the
great powers, and the record's one great-power war of 1946-1989 (Korea: China against the United States, 1950) had no
counterpart a run could produce (``gp_war_onsets_per_gp_pair_year``: the runs' great-power pairs were four nuclear powers').
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.build import _add_major_changes
from foedus.sim.scenario import Scenario
from foedus.sim.steps.system import system_membership

from .conftest import ACTORS, SMA, tiny_world


def test_a_state_becomes_and_ceases_to_be_a_major_power_in_the_years_its_spells_say():
    actors = [dict(a) for a in ACTORS]
    actors[2]["major_spells"] = [[2002, 2003]]  # SMA: a great power in 2002 and 2003 only
    world, rng = tiny_world(actors=actors)
    i = world.index_of(SMA)
    got = {}
    for year in range(2000, 2006):
        world.state.year = year
        system_membership(world, rng)
        got[year] = bool(world.state.major[i])
    assert got == {2000: False, 2001: False, 2002: True, 2003: True, 2004: False, 2005: False}
    assert world.state.major[world.index_of(2)]  # a state without spells keeps its status


def test_a_malformed_major_spell_is_refused_with_its_place():
    actors = [dict(a) for a in ACTORS]
    actors[2]["major_spells"] = [[2004, 2002]]
    with pytest.raises(Exception, match="major_spells"):
        Scenario.from_dict({"name": "bad", "start_year": 2000, "years": 5, "actors": actors})


def test_the_builder_schedules_the_cow_major_powers_that_change_within_the_horizon():
    """COW majors: China from 1950; the United States from 1898, Italy (Sardinia's code) from 1860, Japan from 1895; a status
    held throughout (the United States in 1946) or never (Brazil) is not scheduled."""
    a46 = [{"ccode": 710, "major": False}, {"ccode": 2, "major": True}, {"ccode": 140, "major": False}]
    _add_major_changes(a46, 1946, 44, None)
    assert [a.get("major_spells") for a in a46] == [[[1950, None]], None, None]
    a16 = [{"ccode": 2, "major": False}, {"ccode": 325, "major": False}, {"ccode": 740, "major": False}, {"ccode": 200, "major": True}]
    _add_major_changes(a16, 1816, 99, None)
    assert [a.get("major_spells") for a in a16] == [[[1898, None]], [[1860, None]], [[1895, None]], None]
    a19 = [{"ccode": 255, "major": False}]
    _add_major_changes(a19, 1919, 20, None)
    assert a19[0]["major_spells"] == [[1925, None]] and np.all([a["sources"]["major_spells"] for a in a16 if a.get("major_spells")])
