"""Step 4, alignment, alone on a four-state world."""

from __future__ import annotations

from foedus.sim.steps.alignment import alignment

from .conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world

THREATENED = [
    {"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True},
    {"pair": [RIV, SMA], "hostility": 0.9},
    {"pair": [RIV, SMB], "hostility": 0.9},
]


def test_states_threatened_by_the_same_power_ally_against_it():
    """F2: with balancing threat alone, the rival's small neighbours ally with the other great power."""
    world, rng = tiny_world(relations=THREATENED, consider_rate=1.0, bandwagon_weight=0.0, balance_power_weight=0.0)
    alignment(world, rng)
    formed = events(world, "formation")
    assert formed, "no alliance formed"
    for _, c, c2, detail in formed:
        assert RIV not in (c, c2)
        small = [m for m in detail["members"] if m["ccode"] in (SMA, SMB)]
        assert small and all(m["main_threat"] == RIV and m["motives"]["balance_threat"] > 0 for m in small)


def test_nobody_reconsiders_at_consider_rate_zero():
    world, rng = tiny_world(relations=THREATENED, consider_rate=0.0)
    alignment(world, rng)
    assert not events(world)


def test_a_member_leaves_an_alliance_not_worth_its_cost_and_the_pair_ends():
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])], consider_rate=0.0, exit_rate=1.0, alliance_cost=10.0)
    alignment(world, rng)
    exits = events(world, "exit")
    assert {leaver for _, leaver, _, _ in exits} == {SMA, SMB}
    assert all(d["factors"]["value"] < d["factors"]["cost"] for _, _, _, d in exits)
    (_, _, _, end), = events(world, "dissolution")
    assert end["cause"] == "too few members after exits" and not world.agreements.active[0]


def test_a_candidate_with_a_territorial_dispute_with_a_member_is_not_admitted():
    relations = THREATENED + [{"pair": [GRT, SMB], "territorial_dispute": True}]
    world, rng = tiny_world(relations=relations, agreements=[alliance("Pact", [GRT, SMA])], consider_rate=1.0, accession_share=0.0)
    alignment(world, rng)
    assert all(c != SMB for _, c, _, _ in events(world, "accession"))
