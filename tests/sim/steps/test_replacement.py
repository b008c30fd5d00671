"""Treaties replaced by a new treaty of the same pair (:mod:`foedus.sim.steps.replacement`) on a four-state world."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.replacement import replaceable_pacts, treaty_replacement

from .conftest import GRT, SMA, SMB, alliance, events, tiny_world

PACTS = [alliance("Pair", [SMA, SMB], obligations=["defense"], term_years=10.0),
         alliance("Trio", [GRT, SMA, SMB], obligations=["defense"]),
         alliance("Talks", [GRT, SMA], obligations=["consultation"])]

UNTERMED = [alliance("Pair", [SMA, SMB], obligations=["defense"]), *PACTS[1:]]


def test_off_by_default_nothing_is_drawn_nor_replaced():
    world, rng = tiny_world(agreements=PACTS)
    state = rng.bit_generator.state
    treaty_replacement(world, rng)
    assert rng.bit_generator.state == state and world.state.agreements.active[:3].all() and events(world, "formation") == []


def test_a_term_ending_this_year_multiplies_the_rate():
    hits = 0
    for seed in range(100):
        world, _ = tiny_world(agreements=PACTS, replacement_base_rate=0.01, replacement_term_end_ratio=30.0, replacement_defence_ratio=1.0)
        treaty_replacement(world, np.random.default_rng(seed))
        hits += not world.state.agreements.active[0]
    assert 12 < hits < 42  # the Pair's ten-year term ends in 2000: p = 1 - e^-0.3 = 0.26, 26 of 100 expected (0.01 without the end)


def test_a_replaced_pact_ends_and_the_same_pair_signs_its_terms_again_with_the_factors_logged():
    world, rng = tiny_world(agreements=PACTS, replacement_base_rate=1.0, replacement_defence_ratio=50.0, replacement_term_end_ratio=50.0)
    ag = world.state.agreements
    y = world.state.year
    assert replaceable_pacts(world).tolist() == [0, 2]  # bilateral pacts only
    old_id, cond = int(ag.agreement_id[0]), bool(ag.conditional[0])
    treaty_replacement(world, rng)
    assert not ag.active[0] and ag.end_year[0] == y  # the defence pact, replaced with probability 1 - e^-50
    new = int(np.flatnonzero(ag.active[: ag.n] & (ag.start_year[: ag.n] == y) & ag.obligations[: ag.n, 0])[0])
    assert ag.members[new].sum() == 2 and ag.members[new, world.index_of(SMA)] and ag.members[new, world.index_of(SMB)]
    assert ag.conditional[new] == cond and ag.term_end[new] == y + 10.0  # its terms again
    assert ag.active[1]  # the multilateral pact is untouched
    diss = [e for e in events(world, "dissolution") if e[0] == old_id]
    assert diss and diss[0][3]["cause"] == "replaced by a new treaty" and diss[0][3]["factors"]["defence"] is True
    form = [e for e in events(world, "formation") if e[0] == int(ag.agreement_id[new])]
    assert form and form[0][3]["replaces"] == old_id and form[0][3]["obligations"] == ["defense"]
    assert 0 < form[0][3]["factors"]["replacement_probability"] <= 1 and {form[0][1], form[0][2]} == {SMA, SMB}


def test_defence_pacts_are_replaced_more_often_over_many_seeds():
    hits = np.zeros(2)
    for seed in range(200):
        world, _ = tiny_world(agreements=UNTERMED, replacement_base_rate=0.05, replacement_defence_ratio=4.0)
        treaty_replacement(world, np.random.default_rng(seed))
        hits += ~world.state.agreements.active[[0, 2]]
    # p = 1 - e^-0.2 = 0.18 and 1 - e^-0.05 = 0.049 (no stated term): 36 and 10 expected of 200 (bounds beyond alpha 0.01)
    assert hits[0] > hits[1] and 20 < hits[0] < 55 and 2 < hits[1] < 22
