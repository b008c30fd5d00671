"""Step 4, alignment, alone on a four-state world."""

from __future__ import annotations

import numpy as np

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


def test_the_compiled_exit_and_accession_passes_equal_their_numpy_definitions():
    from foedus.sim.steps.alignment import _exit_terms_kernel, _leavers_kernel, _votes_kernel

    rng = np.random.default_rng(4)
    n, cap = 12, 9
    members = rng.random((cap, n)) < 0.4
    alliances = np.array([0, 2, 3, 5, 8])
    # exits: the cost of staying, the exit probability, who leaves and which alliances are left too small
    i_idx, a_idx = np.nonzero(members[alliances].T)
    load, ent, inst = rng.random(n) + 1.0, rng.random(n), rng.integers(0, 3, cap).astype(np.int8)
    cost, exit_p = np.empty(len(i_idx)), np.empty(len(i_idx))
    _exit_terms_kernel(i_idx, alliances[a_idx], load, ent, inst, 1.0 * 0.04, 0.05, 0.8, cost, exit_p)
    assert cost.tobytes() == (1.0 * 0.04 * load[i_idx] * (1.0 + ent[i_idx])).tobytes()
    assert exit_p.tobytes() == (0.05 * (1.0 - 0.8 * inst[alliances[a_idx]] / 2.0)).tobytes()
    stay, draw, exit_p = rng.random(len(i_idx)) * 0.1, rng.random(len(i_idx)), rng.random(len(i_idx))
    size = members[alliances].sum(axis=1)
    go, gone = _leavers_kernel(stay, cost, draw, exit_p, a_idx, alliances, size)
    want = (stay < cost) & (draw < exit_p)
    assert go.tolist() == np.flatnonzero(want).tolist()
    left = size - np.bincount(a_idx[want], minlength=len(alliances))
    assert gone.tolist() == alliances[(left < 2) & (left < size)].tolist()
    # accessions: members in favour and territorial disputes
    total, unit_cost = rng.random((n, n)), rng.random(n)
    dispute = rng.random((n, n)) < 0.3
    slots, cand = alliances[rng.integers(0, len(alliances), 7)], rng.integers(0, n, 7)
    share, disputes = np.empty(7), np.empty(7, np.int64)
    _votes_kernel(total, unit_cost, members, slots, cand, dispute, share, disputes)
    members_now = members[slots]
    gains = total[:, cand].T > unit_cost[None, :]
    assert share.tobytes() == ((gains & members_now).sum(axis=1) / np.maximum(members_now.sum(axis=1), 1)).tobytes()
    assert disputes.tolist() == (dispute[cand] & members_now).sum(axis=1).tolist()
