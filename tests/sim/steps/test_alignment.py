"""Step 4, alignment, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.alignment import alignment

from .conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world

THREATENED = [
    {"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True},
    {"pair": [RIV, SMA], "hostility": 0.9},
    {"pair": [RIV, SMB], "hostility": 0.9},
]


def test_states_threatened_by_the_same_power_ally_against_it():
    """F2: with balancing threat alone (and no cost of defending), the rival's small neighbours sign defence pacts against it, never with it."""
    world, rng = tiny_world(relations=THREATENED, consider_rate=1.0, bandwagon_weight=0.0, balance_power_weight=0.0, defence_burden_weight=0.0)
    alignment(world, rng)
    formed = [e for e in events(world, "formation") if "defense" in e[3]["obligations"]]
    assert formed, "no defence pact formed"
    for _, c, c2, detail in formed:
        assert RIV not in (c, c2)
        small = [m for m in detail["members"] if m["ccode"] in (SMA, SMB)]
        assert small and all(m["main_threat"] == RIV and m["motives"]["balance_threat"] > 0 for m in small)


def test_nobody_reconsiders_at_consider_rate_zero():
    world, rng = tiny_world(relations=THREATENED, consider_rate=0.0)
    alignment(world, rng)
    assert not events(world)


def test_a_member_leaves_a_pact_whose_value_fell_below_its_cost_and_the_pair_ends():
    """Leeds & Savun (2007): a membership worth less than its cost *and* less than when it entered is left."""
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])], consider_rate=0.0, exit_rate=1.0, alliance_cost=10.0)
    world.state.agreements.value_start[0, :] = 100.0  # worth much more when signed
    alignment(world, rng)
    exits = events(world, "exit")
    assert {leaver for _, leaver, _, _ in exits} == {SMA, SMB}
    assert all(d["factors"]["value"] < d["factors"]["cost"] and d["factors"]["value"] < d["factors"]["value_at_entry"] for _, _, _, d in exits)
    (_, _, _, end), = events(world, "dissolution")
    assert end["cause"] == "too few members after exits" and not world.state.agreements.active[0]


def test_a_treaty_worth_less_than_its_cost_but_no_less_than_when_signed_is_kept():
    """Treaty inertia: a membership whose value has not fallen since entry is not left, whatever its level."""
    world, rng = tiny_world(agreements=[alliance("Pact", [SMA, SMB])], consider_rate=0.0, exit_rate=1.0, alliance_cost=10.0)
    alignment(world, rng)
    assert not events(world, "exit") and world.state.agreements.active[0]


def test_no_state_joins_a_treaty_whose_terms_admit_no_members():
    world, rng = tiny_world(relations=THREATENED, agreements=[alliance("Pact", [GRT, SMA], admits_members=False)], consider_rate=1.0, accession_share=0.0)
    for _ in range(3):
        alignment(world, rng)
    assert not events(world, "accession")
    assert world.state.agreements.members[0].sum() == 2


def test_a_bilateral_treaty_in_a_scenario_is_closed_unless_its_terms_say_otherwise():
    world, _ = tiny_world(agreements=[alliance("Pair", [GRT, SMA]), alliance("Three", [GRT, SMA, SMB]), alliance("Open pair", [GRT, SMB], admits_members=True)])
    assert world.state.agreements.admits[:3].tolist() == [False, True, True]


def test_a_candidate_with_a_territorial_dispute_with_a_member_is_not_admitted():
    relations = THREATENED + [{"pair": [GRT, SMB], "territorial_dispute": True}]
    world, rng = tiny_world(relations=relations, agreements=[alliance("Pact", [GRT, SMA])], consider_rate=1.0, accession_share=0.0)
    alignment(world, rng)
    assert all(c != SMB for _, c, _, _ in events(world, "accession"))


def test_the_compiled_exit_pass_equals_its_numpy_definition():
    from foedus.sim.steps.alignment import _leavers_kernel

    rng = np.random.default_rng(4)
    n, cap = 12, 9
    members = rng.random((cap, n)) < 0.4
    alliances = np.array([0, 2, 3, 5, 8])
    # who leaves and which alliances are left too small
    i_idx, a_idx = np.nonzero(members[alliances].T)
    cost = rng.random(len(i_idx)) * 0.1
    stay, draw, exit_p = rng.random(len(i_idx)) * 0.1, rng.random(len(i_idx)), rng.random(len(i_idx))
    size = members[alliances].sum(axis=1)
    go, gone = _leavers_kernel(stay, cost, draw, exit_p, a_idx, alliances, size)
    want = (stay < cost) & (draw < exit_p)
    assert go.tolist() == np.flatnonzero(want).tolist()
    left = size - np.bincount(a_idx[want], minlength=len(alliances))
    assert gone.tolist() == alliances[(left < 2) & (left < size)].tolist()


def test_an_offence_pact_is_worth_its_aggrandisement_to_a_member_deciding_whether_to_stay():
    """Issue 17 (sceptic reading): a member's value of its treaty sums every good its obligations provide, the
    aggrandisement of an offence pledge included (it was valued at 0, so offence pacts were left as worthless)."""
    from foedus.sim.steps.alignment import _Alliances, _membership_values
    from foedus.sim.steps.formation import commitment_capacity

    world, _ = tiny_world(agreements=[alliance("Raid", [SMA, SMB], obligations=["offense"], start_year=1995)])
    view = _Alliances(world, commitment_capacity(world))
    goods = np.zeros((5, world.n, world.n))
    goods[4] = 0.3  # aggrandisement only
    np.fill_diagonal(goods[4], 0.0)
    i_idx, _, stay = _membership_values(world.state.agreements, view, goods, world.state.year)
    assert len(i_idx) == 2 and np.allclose(stay, 0.3)
    goods[4] = 0.0
    goods[0] = 0.5  # protection, which an offence pledge does not provide
    assert np.allclose(_membership_values(world.state.agreements, view, goods, world.state.year)[2], 0.0)


RIVALS_THREATEN = THREATENED


def _formations_in(year: int, **parameters):
    parameters.setdefault("pledge_credibility_weight", 0.0)  # the norm alone (the rivals' credibility: the test after the next)
    world, rng = tiny_world(relations=RIVALS_THREATEN, consider_rate=1.0, **parameters)
    world.state.year = year  # the same world, dated before or after the renunciation of war
    alignment(world, rng)
    return world, events(world, "formation")


def test_rivals_pledge_non_aggression_once_war_is_renounced_and_not_before_and_the_norm_is_a_factor():
    """Hathaway & Shapiro (2017), theory/renunciation.py: a pledge of non-aggression became a treaty form with the
    renunciation of war (ATOP: 1 non-aggression-led treaty 1816-1914, 307 after 1920). The two rivals sign one in
    2000; dated 1900 the same world forms none when all of the reassurance rests on the norm (share 1), and one when
    none does (share 0). The norm's terms are factors of the formation (every term that moved it). (At the default
    share, 0.8 since session 9, a fifth of the reassurance stands before the Covenant: enough for these two rivals,
    as for the one such treaty of 1816-1914.)"""
    world, formed = _formations_in(2000)
    na = [e for e in formed if e[3]["factors"]["form"] == "nonaggression" and {e[1], e[2]} == {GRT, RIV}]
    assert na, formed
    p = world.inputs.params
    for _, _, _, d in formed:
        f = d["factors"]
        assert f["renunciation_of_war"] == 1.0 and f["nonaggression_standing"] == 1.0
        assert f["conquest_discount"] == pytest.approx(1.0 - p.conquest_norm_strength)
    _, before = _formations_in(1900, nonaggression_norm_share=1.0)
    assert not [e for e in before if e[3]["factors"]["form"] == "nonaggression"]
    assert all(e[3]["factors"]["renunciation_of_war"] == 0.0 for e in before)
    _, switched_off = _formations_in(1900, nonaggression_norm_share=0.0)
    assert [e for e in switched_off if e[3]["factors"]["form"] == "nonaggression" and {e[1], e[2]} == {GRT, RIV}]


def test_a_pledge_from_a_sworn_enemy_is_cheap_talk_and_its_credibility_is_a_factor():
    """Kydd (2005), theory/reassurance.pledge_credibility: a pledge of non-aggression is worth its reassurance times the probability
    it is believed, 1 - the partner's hostility (formation.credible_goods); two sworn enemies (hostility 1) who sign a pact of
    non-aggression in 2000 when every pledge is believed sign none when it is weighed so; the credibility of each side's pledge
    is a factor of every formation. The threat is the record's (no prior on the intentions of the tiny world's states)."""
    from foedus.sim.steps.formation import credible_goods
    enemies = [dict(r, hostility=1.0) if set(r["pair"]) == {GRT, RIV} else r for r in RIVALS_THREATEN]

    def formed(**parameters):
        world, rng = tiny_world(relations=enemies, consider_rate=1.0, nonaggression_prior=0.0, **parameters)
        world.state.year = 2000
        alignment(world, rng)
        return world, [e for e in events(world, "formation") if {e[1], e[2]} == {GRT, RIV}]

    _, believed = formed(pledge_credibility_weight=0.0)
    assert [e for e in believed if e[3]["factors"]["form"] == "nonaggression"]
    world, doubted = formed(pledge_credibility_weight=1.0, trust_threshold=0.0)  # the linear discount (the threshold: the next test)
    assert not [e for e in doubted if e[3]["factors"]["form"] in ("nonaggression", "neutrality_nonaggression")]
    goods = np.ones((5, world.n, world.n))
    world, _ = tiny_world(relations=enemies, nonaggression_prior=0.0, pledge_credibility_weight=1.0, trust_threshold=0.0,
                          reassurance_transfer_share=0.0, spiral_relief_weight=0.0, cheap_talk_bias=0.0)  # the discount alone (wave12, nap15,
    # pacts16: pair_value's terms move it, and the consultation of a hostile partner)
    credible_goods(world, goods)
    assert np.allclose(goods[1], 1.0 - world.state.hostility.T - np.diag(np.diag(1.0 - world.state.hostility.T)) + np.eye(world.n))
    assert (goods[[0, 2, 3, 4]] == 1.0).all()  # neutrality, protection, consultation, aggrandisement untouched
    world, formed_any = _formations_in(2000, pledge_credibility_weight=1.0, trust_threshold=0.0)
    for _, c, c2, d in events(world, "formation"):
        i, j = world.index_of(c), world.index_of(c2)
        assert d["factors"]["pledge_credibility"] == pytest.approx([1.0 - world.state.hostility[j, i], 1.0 - world.state.hostility[i, j]])
    assert events(world, "formation")


def test_rivals_below_the_minimum_trust_threshold_sign_no_pledge_and_the_threshold_is_in_the_factors():
    """Kydd (2005, ch. 2), theory/reassurance.pledge_credibility with threshold: the two rivals of the tiny world
    (a Thompson-Dreyer rivalry, hostility 0.6, trust 0.4) sign a pledge of non-aggression in 2000 under the linear discount
    (threshold 0) and none at the default threshold of the symmetric Assurance game (0.5): below it a promise is cheap talk.
    The credibility each side saw (0 for the rivals) is a factor of every formation."""
    pledges = ("nonaggression", "neutrality_nonaggression", "neutrality")

    def rivals_pledge(**parameters):
        world, formed = _formations_in(2000, pledge_credibility_weight=1.0, nonaggression_prior=0.0, **parameters)
        return world, [e for e in formed if e[3]["factors"]["form"] in pledges and {e[1], e[2]} == {GRT, RIV}]

    _, linear = rivals_pledge(trust_threshold=0.0)
    assert linear, "the rivals sign no pledge even under the linear discount: the test has no premise"
    world, threshold = rivals_pledge()
    assert world.inputs.params.trust_threshold == 0.5 and not threshold
    for _, c, c2, d in events(world, "formation"):
        i, j = world.index_of(c), world.index_of(c2)
        trust = [1.0 - world.state.hostility[j, i], 1.0 - world.state.hostility[i, j]]
        assert d["factors"]["pledge_credibility"] == pytest.approx([t if t >= 0.5 else 0.0 for t in trust])




def test_a_small_state_carries_only_its_share_of_the_risk_of_defending_its_great_partner():
    """Olson & Zeckhauser (1966), Morrow (1991): in a pact of a great power and a small state the strong side provides
    the security and carries nearly all of the risk of a war for the partner; the small side pays in autonomy and runs
    only its capability share of the pair's defence (consent.pair_burden_shares: 0.02 / 0.42), as it would joining the
    great power's alliance. Here the protection the small neighbours of the rival buy (0.89) is worth the autonomy they
    concede and their share of the risk, not the great power's whole war with its rival on top (risk 0.89 x 0.6)."""
    world, rng = tiny_world(relations=THREATENED, consider_rate=1.0, defence_burden_weight=0.6, autonomy_weight=0.8)
    alignment(world, rng)
    pairs = [{c, c2} for _, c, c2, d in events(world, "formation") if "defense" in d["obligations"]]
    assert {GRT, SMA} in pairs or {GRT, SMB} in pairs, pairs
    from foedus.theory.consent import pair_burden_shares

    at = {int(c): k for k, c in enumerate(world.inputs.ccode)}
    sigma = pair_burden_shares(world.state.power)
    assert sigma[at[SMA], at[GRT]] < 0.1 and sigma[at[GRT], at[SMA]] > 0.9


def test_the_alliances_obligation_terms_looked_up_are_the_theory_functions_to_the_bit():
    """alliances_view.obligation_terms (issue 16) gives the arrays of theory.commitment_share.entrapment_share,
    theory.obligations.pact_goods and theory.choice.accession_goods of the rows (values, dtypes, shapes and the sign of a zero share):
    every set of the five obligations, random tables of them, none at all, at several lesser shares."""
    from foedus.sim.steps.alliances_view import obligation_terms
    from foedus.theory import choice as th_choice
    from foedus.theory import obligations as th_ob

    rng = np.random.default_rng(21)
    every = ((np.arange(32)[:, None] >> np.arange(5)) & 1).astype(bool)
    for lesser in (0.0, -0.0, 0.5, 1.0, 0.2, float(rng.random())):
        for o in (every, rng.random((int(rng.integers(1, 200)), 5)) < 0.4, np.zeros((0, 5), bool), every[::-1].copy()):
            got = obligation_terms(o, lesser)
            goods = th_ob.pact_goods(o)
            want = (th_ob.entrapment_share(o, lesser, check=False), goods, th_choice.accession_goods(goods))
            for g, w in zip(got, want):
                assert g.shape == w.shape and g.dtype == w.dtype and g.tobytes() == w.tobytes()
