"""A strategic rival of the partner it is bound to does not defend it (``rival_partner_honour_kept``;
:func:`foedus.theory.war_restraint.rival_partner_honour`; Thompson & Dreyer 2012, Leeds & Savun 2007)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.conflict import call_allies
from foedus.theory.war_restraint import rival_partner_honour

from .steps.conftest import GRT, RIV, SMA, alliance, events, tiny_world

QUIET = {"dispute_rate": 0.0, "war_end_rate": 0.0, "war_onset_intercept": -30.0, "opportunistic_join_rate": 0.0, "warring_ally_join_rate": 0.0,
         "nuclear_entry_restraint": 0.0, "war_entry_delay": 0.0, "war_onset_joint_major": 0.0}


def _call(seed: int, rivals: bool, **params) -> dict:
    """RIV attacks SMA, GRT's defence ally, GRT and SMA strategic rivals or not: GRT's commitment event (its detail)."""
    world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA])], **QUIET, **params)
    r, a, g = world.index_of(RIV), world.index_of(SMA), world.index_of(GRT)
    world.inputs.distance_km[g, r] = world.inputs.distance_km[r, g] = 0.0  # full reach to the war
    world.state.rivalry[g, a] = world.state.rivalry[a, g] = rivals
    world.state.at_war[a, r] = world.state.at_war[r, a] = True
    call_allies(world, np.random.default_rng(seed), np.array([r]), np.array([a]))
    (call,) = [d for _, c, _, d in events(world, "commitment") if c == GRT]
    return call


def test_a_rival_of_its_partner_is_called_but_never_honours():
    free = _call(0, False)
    assert "partner_is_rival" not in free["factors"] and free["probability"] > 0.2
    held = [_call(seed, True) for seed in range(30)]
    assert all(c["factors"]["partner_is_rival"] and c["factors"]["rival_partner_honour_kept"] == 0.0 for c in held)
    assert all(c["probability"] == 0.0 and not c["honoured"] for c in held)


def test_kept_share_scales_the_honouring_and_one_leaves_it_unchanged():
    free = _call(0, False)
    half, whole = _call(0, True, rival_partner_honour_kept=0.5), _call(0, True, rival_partner_honour_kept=1.0)
    assert half["probability"] == pytest.approx(0.5 * free["probability"], rel=1e-12)
    assert whole["probability"] == free["probability"] and "partner_is_rival" not in whole["factors"]


def test_rival_partner_honour_is_the_kept_share_where_rivals_and_names_bad_input():
    p = rival_partner_honour([0.8, 0.8, 0.0], [True, False, True], 0.25)
    assert p.tolist() == [0.2, 0.8, 0.0]
    with pytest.raises(ValueError, match="kept"):
        rival_partner_honour([0.5], [True], 1.5)
    with pytest.raises(ValueError, match="same shape"):
        rival_partner_honour([0.5, 0.5], [True], 0.0)
