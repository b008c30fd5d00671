"""Treaties that die with the pledge that contradicts them, and institutions that hold members (step 5; persist20).

A member of a pledge of defence that enters a later pact aimed at a fellow member ends the old pledge
(:func:`foedus.theory.abrogation.incompatible_pledges`; Leeds 2003, Leeds & Savun 2007); a member's abrogation of a treaty of
more than ``unravel_max_members`` members is damped by its institutions (:func:`foedus.theory.abrogation.institutional_hold`; Wallander 2000, the
in-sample record)."""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim.steps.politics import alliance_politics

from .conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world

ALPHA = 0.01
QUIET = {"dissolution_hazard": 0.0, "base_dissolution_hazard": 0.0, "solidarity_protection": 0.0, "threat_lapse_hazard": 0.0,
         "realignment_hazard": 0.0, "regime_change_hazard": 0.0, "threat_within_hazard": 0.0,  # no hazard ends a pact
         "incompatible_commitment_abrogation": 1.0, "multilateral_institution_protection": 0.96}  # the rule on, the record's hold (off by default)


def _two_pledges(later: str | None, **parameters):
    """SMA's bilateral pledge to RIV ("Old") and its pledge with GRT and SMB aimed at RIV ("New", the treaty's named
    adversary), both of the record (1990); SMA entered ``later`` this year (2000) in a run begun in 1999 (None: neither)."""
    old = alliance("Old", [SMA, RIV])
    new = alliance("New", [SMA, GRT, SMB], targets=[RIV])
    world, rng = tiny_world(agreements=[old, new], **{**QUIET, **parameters})
    world.inputs.first_year = 1999
    if later is not None:
        world.state.agreements.entry_year[["Old", "New"].index(later), world.index_of(SMA)] = 2000
    alliance_politics(world, rng)
    return world


def test_a_member_that_joins_a_pact_aimed_at_its_partner_ends_the_old_pledge_and_says_why():
    """SMA pledged to RIV in 1990, then in 2000 joined a pact aimed at RIV: the old pledge ends that year, cause
    'incompatible commitment', naming SMA, the later pact and that it is aimed at a member; the later pact stands."""
    world = _two_pledges("New")
    ag = world.state.agreements
    assert not ag.active[0] and ag.active[1] and ag.members[1, world.index_of(SMA)]
    (aid, _, _, d), = events(world, "dissolution")
    f = d["factors"]
    assert aid == ag.agreement_id[0] and d["cause"] == "incompatible commitment"
    assert f["abrogating_member"] == SMA and f["later_pledge"] == ag.agreement_id[1] and f["aimed_at_a_member"]
    assert (f["entered_this_pledge"], f["entered_later_pledge"]) == (1990, 2000)


def test_the_newer_pledge_is_the_one_kept():
    """The same pledges made in the other order (the pact aimed at RIV first, the pledge to RIV since): the pact aimed at RIV is
    the old one, and RIV is an adversary of GRT, a member of it, so SMA's later pledge to RIV ends SMA's
    membership of the old pact (a treaty of three: it unravels), and the bilateral pledge stands."""
    world = _two_pledges("Old")
    ag = world.state.agreements
    assert ag.active[0] and not ag.members[1, world.index_of(SMA)]
    (_, who, _, d), = events(world, "exit")
    assert who == SMA and d["cause"] == "incompatible commitment" and not d["factors"]["aimed_at_a_member"]
    assert d["factors"]["members_enemy"] == RIV


def test_pledges_the_record_kept_side_by_side_both_stand():
    """Both entered before the run, or the later in the run's first year (the record's, which a scenario built from it holds):
    the record kept them together, so neither is ended by the other."""
    world = _two_pledges(None)
    assert world.state.agreements.active[:2].all() and not events(world, "dissolution") and not events(world, "exit")
    old = alliance("Old", [SMA, RIV])
    new = alliance("New", [SMA, GRT, SMB], targets=[RIV])
    world, rng = tiny_world(agreements=[old, new], **QUIET)
    world.state.agreements.entry_year[1, world.index_of(SMA)] = 2000  # the scenario's start year
    alliance_politics(world, rng)
    assert world.state.agreements.active[:2].all() and not events(world, "dissolution") and not events(world, "exit")


def test_a_large_treaty_is_not_broken_by_one_members_enemy():
    """In a treaty its member's exit does not unravel (more than unravel_max_members, here 2) one member's enemy is not the
    treaty's: SMA's later pledge to RIV, GRT's adversary, leaves SMA in the old pact of three."""
    world = _two_pledges("Old", unravel_max_members=2)
    assert world.state.agreements.active[:2].all() and not events(world, "exit")


def test_without_the_rule_both_pledges_stand():
    world = _two_pledges("New", incompatible_commitment_abrogation=0.0)
    assert world.state.agreements.active[:2].all() and not events(world, "dissolution") and not events(world, "exit")


def test_a_pledge_of_neutrality_with_the_partners_enemy_is_hedging_not_a_break():
    """Weitsman 2004: a later pledge of neutrality (no third-party purpose) does not end the old pledge of defence."""
    old = alliance("Old", [SMA, RIV])
    new = alliance("New", [SMA, GRT, SMB], targets=[RIV], obligations=["neutrality"])
    world, rng = tiny_world(agreements=[old, new], **QUIET)
    world.inputs.first_year = 1999
    world.state.agreements.entry_year[1, world.index_of(SMA)] = 2000
    alliance_politics(world, rng)
    assert world.state.agreements.active[:2].all() and not events(world, "dissolution")


def _institutional_endings(institutionalised: int, members: list[int], seeds: int, **parameters) -> int:
    """Seeds (of ``seeds``) in which a treaty of ``members`` at ATOP level ``institutionalised`` loses a member or ends, at a
    base hazard of 0.3 a year and no other cause."""
    ended = 0
    for seed in range(seeds):
        world, _ = tiny_world(agreements=[alliance("Pact", members, institutionalised=institutionalised, integration=institutionalised / 2.0)],
                              **{**QUIET, "base_dissolution_hazard": 0.3, "unravel_max_members": 2, **parameters})
        alliance_politics(world, np.random.default_rng(seed))
        ag = world.state.agreements
        ended += int(not ag.active[0] or ag.members[0].sum() < len(members))
    return ended


def test_institutions_hold_the_members_of_a_large_treaty_at_the_records_rate():
    """Over 120 seeds, with the large group's bound at two (unravel_max_members): a fully institutionalised treaty of three loses
    a member at 0.3 (1 - 0.96) = 0.012 a year, the same treaty without institutions at 0.3, and a fully institutionalised
    bilateral pact ends at 0.3 (the record's bilateral pacts show no protection; Bennett 1997); under the default bound (6) the
    treaty of three is an intermediate group, unprotected."""
    n = 120
    held = _institutional_endings(2, [GRT, SMA, SMB], n)
    bare = _institutional_endings(0, [GRT, SMA, SMB], n)
    pair = _institutional_endings(2, [GRT, SMA], n)
    assert stats.binomtest(held, n, 0.3 * (1 - 0.96)).pvalue > ALPHA and stats.binomtest(held, n, 0.3).pvalue < ALPHA
    assert stats.binomtest(bare, n, 0.3).pvalue > ALPHA and stats.binomtest(pair, n, 0.3).pvalue > ALPHA
    assert _institutional_endings(2, [GRT, SMA, SMB], n, multilateral_institution_protection=0.0) == bare  # the same draws, undamped
    assert _institutional_endings(2, [GRT, SMA, SMB], n, unravel_max_members=6) == bare  # an intermediate group: no hold
