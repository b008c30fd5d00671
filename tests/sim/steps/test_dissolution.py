"""Ending agreements and memberships (:mod:`foedus.sim.steps.dissolution`) on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.dissolution import dissolve, dissolve_by_hazard, dissolve_deserted, dissolve_if_deserted, leave
from foedus.sim.steps.politics import cohesion_state
from foedus.theory.cohesion import DISSOLUTION_CAUSES

from .conftest import GRT, SMA, SMB, alliance, events, tiny_world


def test_a_dissolved_agreement_ends_this_year_and_closes_every_members_spell():
    world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA, SMB])])
    ag = world.agreements
    dissolve(world, 0, {"cause": "scheduled shock"})
    assert not ag.active[0] and ag.end_year[0] == 2000 and not ag.members[0].any()
    slot, _, entry, exit_ = ag.spells()
    assert slot.tolist() == [0, 0, 0] and entry.tolist() == [1990] * 3 and exit_.tolist() == [2000] * 3
    assert events(world, "dissolution") == [(int(ag.agreement_id[0]), -1, -1, {"cause": "scheduled shock"})]


def test_dissolving_nothing_logs_nothing():
    world, _ = tiny_world(agreements=[alliance("Pact", [SMA, SMB])])
    dissolve(world, np.zeros(0, np.intp))
    dissolve_deserted(world, np.zeros(0, np.intp), "too few members after exits")
    assert world.agreements.active[0] and events(world, "dissolution") == []


def test_a_member_that_leaves_cannot_rejoin_this_year_and_its_exit_is_logged():
    world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA, SMB])])
    ag = world.agreements
    a = world.index_of(SMA)
    leave(world, 0, a, {"cause": "scheduled shock"})
    assert not ag.members[0, a] and ag.last_exit[0, a] == 2000 and ag.active[0]
    assert events(world, "exit") == [(int(ag.agreement_id[0]), SMA, -1, {"cause": "scheduled shock"})]
    dissolve_if_deserted(world, 0, "too few members after exits")
    assert ag.active[0]  # two members remain


def test_a_pair_left_by_one_member_dissolves_naming_the_one_left_behind():
    world, _ = tiny_world(agreements=[alliance("Pact", [SMA, SMB])])
    leave(world, 0, world.index_of(SMA))
    dissolve_if_deserted(world, 0, "too few members after exits")
    assert not world.agreements.active[0]
    (_, _, _, detail), = events(world, "dissolution")
    assert detail == {"cause": "too few members after exits", "factors": {"members_left": [SMB], "years_in_force": 10}}


def _terms(k: int, cause: int, hazard: float = 1.0) -> np.ndarray:
    """Hazard terms (4, k) with all of ``hazard`` in the term ``cause``."""
    t = np.zeros((len(DISSOLUTION_CAUSES), k))
    t[cause] = hazard
    return t


@pytest.mark.parametrize("cause", range(4))
def test_alliances_dissolve_by_their_hazard_labelled_by_its_largest_term(cause):
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])])
    st = cohesion_state(world)
    dissolve_by_hazard(world, rng, st, _terms(len(st["slots"]), cause), np.zeros(len(st["slots"])))
    assert not world.agreements.active[0]
    (_, _, _, detail), = events(world, "dissolution")
    assert detail["cause"] == DISSOLUTION_CAUSES[cause] and detail["factors"]["hazard"] == 1.0 and detail["motives_at_formation"] is None
    keys = ("hazard_cohesion_lost", "hazard_power_shifted", "hazard_treaty_lapsed", "hazard_threat_gone")
    assert [detail["factors"][k] for k in keys] == [1.0 if c == cause else 0.0 for c in range(4)]
    assert {"threat_lapse", "founding_threat", "founding_threat_now", "founding_threat_at_start"} <= set(detail["factors"])


def test_no_alliance_dissolves_at_zero_hazard():
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])])
    st = cohesion_state(world)
    dissolve_by_hazard(world, rng, st, np.zeros((len(DISSOLUTION_CAUSES), len(st["slots"]))), np.zeros(len(st["slots"])))
    assert world.agreements.active[0] and events(world, "dissolution") == []
