"""A treaty between states that see each other as the main threat (step 5; Leeds & Savun 2007, Walt 1997, Weitsman 2004).

A member whose perceived main threat is a fellow member abrogates at ``threat_within_hazard`` a year in a treaty of at most
``unravel_max_members`` members, at ``threat_within_hazard_large`` in a larger one
(:func:`foedus.theory.threat_within_size.threat_within_abrogation_by_size`); a treaty of two ends, in one of more that member leaves,
unless the treaty's common adversary still tethers it (:func:`foedus.theory.abrogation.tethered`)."""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim.steps.dissolution import dissolve_by_hazard
from foedus.sim.steps.politics import (
    _threat_within_term,
    alliance_politics,
    cohesion_state,
)
from foedus.theory import cohesion as th_cohesion

from .conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world

ALPHA = 0.01
QUIET = {"dissolution_hazard": 0.0, "base_dissolution_hazard": 0.0, "solidarity_protection": 0.0, "threat_lapse_hazard": 0.0,
         "realignment_hazard": 0.0, "regime_change_hazard": 0.0}  # only a threat within ends a pact


def test_a_pact_of_rivals_that_name_each_other_ends_at_the_published_rate_and_says_why():
    """Over 60 seeds: the Great Power and its rival name each other as main threat, so their bilateral pact ends with
    1 - (1 - h)^2 a year (h = 0.3: 0.51), labelled "threat within" with the members that fear a fellow member; a pact of two
    states that fear no fellow member never ends."""
    ended = other_ended = 0
    for seed in range(60):
        world, _ = tiny_world(agreements=[alliance("Hollow", [GRT, RIV]), alliance("Pact", [SMA, SMB])], threat_within_hazard=0.3, **QUIET)
        st = cohesion_state(world)
        _threat_within_term(world, st, np.zeros(2), np.zeros(2))
        assert st["within"][0].sum() == 2 and not st["within"][1].any()
        alliance_politics(world, np.random.default_rng(seed))
        ended += int(not world.state.agreements.active[0])
        other_ended += int(not world.state.agreements.active[1])
        for _, _, _, d in events(world, "dissolution"):
            assert d["cause"] == "threat within" and sorted(d["factors"]["members_fearing_a_member"]) == sorted([GRT, RIV])
            assert abs(d["factors"]["hazard_threat_within"] - 0.51) < 1e-12 and d["factors"]["tether"] == [0.0, 0.0]
    assert other_ended == 0
    assert stats.binomtest(ended, 60, 0.51).pvalue > ALPHA
    assert stats.binomtest(ended, 60, 0.05, alternative="greater").pvalue < ALPHA


def test_without_the_hazard_a_pact_of_rivals_is_not_ended_by_it():
    world, rng = tiny_world(agreements=[alliance("Hollow", [GRT, RIV])], threat_within_hazard=0.0, **QUIET)
    alliance_politics(world, rng)
    assert world.state.agreements.active[0]


def _trio_ending(rival_share: float, **parameters):
    """A drawn 'threat within' ending of a treaty of GRT, RIV and SMA in which the common adversary holds GRT, not RIV;
    RIV holds ``rival_share`` of the members' capability."""
    world, rng = tiny_world(agreements=[alliance("Trio", [GRT, RIV, SMA])], **QUIET, **parameters)
    st = cohesion_state(world)
    g, r, b, a = world.index_of(GRT), world.index_of(RIV), world.index_of(SMB), world.index_of(SMA)
    world.state.agreements.target[0] = b
    st["threat_lapse"] = np.zeros(1)
    world.results.threat[g, b], world.results.threat[r, b] = world.results.threat[g, r], 0.0  # GRT is held, RIV not
    _threat_within_term(world, st, np.zeros(1), np.zeros(1))
    terms = np.zeros((len(th_cohesion.DISSOLUTION_CAUSES), 1))
    terms[th_cohesion.DISSOLUTION_CAUSES.index("threat within")] = 1.0
    rest = world.state.power[g] + world.state.power[a]
    world.state.power[r] = rival_share * rest / (1.0 - rival_share)
    dissolve_by_hazard(world, rng, st, terms, np.zeros(1))
    return world, g, a


def test_in_a_treaty_of_three_the_member_least_tethered_to_its_rival_leaves():
    """A drawn 'threat within' ending in a treaty of three leaves the others allied when the leaving member is not one of its
    principal (not the strongest of its members; Olson & Zeckhauser 1966): of the two rivals, the one the common
    adversary holds least goes (Leeds & Savun 2007: the state whose threat environment changed), not the bystander."""
    world, g, a = _trio_ending(0.2, unravel_max_members=2)  # a treaty of three that a departure does not unravel
    (_, who, _, d), = events(world, "exit")
    assert who == RIV and d["cause"] == "threat within" and world.state.agreements.active[0]
    assert world.state.agreements.members[0, [g, a]].all()
    assert sorted(d["factors"]["members_fearing_a_member"]) == sorted([GRT, RIV])
    assert d["factors"]["abrogating_member"] == RIV and not d["factors"]["ended_by_a_principal"]
    assert abs(d["factors"]["abrogating_member_capability_share"] - 0.2) < 1e-9


def test_in_a_treaty_of_three_a_principals_abrogation_ends_it_for_all():
    """The same ending when the rival is the strongest member (0.6 of the members' capability): the principal's abrogation
    ends the treaty for every member (foedus.theory.principals; ATOP's multilateral pacts of 1816-1914), one "dissolution" naming it."""
    world, g, a = _trio_ending(0.6)
    assert not events(world, "exit") and not world.state.agreements.active[0]
    (_, _, _, d), = events(world, "dissolution")
    f = d["factors"]
    assert d["cause"] == "threat within" and f["ended_by_a_principal"] and f["ended_by_all_members"]
    assert f["abrogating_member"] == RIV and abs(f["abrogating_member_capability_share"] - 0.6) < 1e-9
    assert abs(f["largest_capability_share"] - 0.6) < 1e-9


def test_a_treaty_of_three_against_a_common_adversary_still_present_tethers_its_rivals():
    """Weitsman 2004 (Greece and Turkey in NATO): with the treaty's founding threat as large as at signature and as large to
    each rival as the other rival's threat the term is 0; with three quarters of it lapsed, or a common threat half the
    rival's, the tether holds a quarter, or a half; a bilateral pact tethers no one."""
    world, _ = tiny_world(agreements=[alliance("Trio", [GRT, RIV, SMA]), alliance("Hollow", [GRT, RIV])], threat_within_hazard=0.4, **QUIET)
    st = cohesion_state(world)
    g, r, b = world.index_of(GRT), world.index_of(RIV), world.index_of(SMB)
    world.state.agreements.target[:2] = b  # a common adversary named in both texts
    t = world.results.threat
    for scale, lapse, held in ((1.0, 0.0, 1.0), (1.0, 0.75, 0.25), (0.5, 0.0, 0.5)):
        t[g, b], t[r, b] = scale * t[g, r], scale * t[r, g]
        st["threat_lapse"] = np.full(2, lapse)
        term = _threat_within_term(world, st, np.zeros(2), np.zeros(2))[0]
        assert abs(term[0] - (1 - (1 - 0.4 * (1 - held)) ** 2)) < 1e-12, (scale, lapse)
        assert abs(term[1] - (1 - 0.6**2)) < 1e-12 and st["tether"][1, [g, r]].tolist() == [0.0, 0.0]


def test_a_pledge_of_non_aggression_between_rivals_is_not_ended_by_their_rivalry():
    """Weitsman 2004: neutrality, non-aggression and consultation between rivals manage the rivalry (hedging), they do not
    pledge to fight a third party: the Helsinki Final Act's members (ATOP 3740) do not leave it for fearing a fellow member."""
    world, rng = tiny_world(agreements=[alliance("Accord", [GRT, RIV], obligations=["nonaggression"])], threat_within_hazard=1.0, **QUIET)
    st = cohesion_state(world)
    assert _threat_within_term(world, st, np.zeros(1), np.zeros(1)).tolist() == [[0.0]] and not st["within"].any()
    alliance_politics(world, rng)
    assert world.state.agreements.active[0]


def test_in_a_treaty_of_three_a_members_threat_within_exit_unravels_it_by_default():
    """The same ending under the default bound (foedus.theory.unravelling, Olson 1965; ATOP's in-sample treaties of three
    ended for all at once 29 times in 30): RIV's exit is logged, then the treaty ends for the two others, "unravelled"."""
    world, g, a = _trio_ending(0.2)
    (_, who, _, d), = events(world, "exit")
    assert who == RIV and d["cause"] == "threat within" and not world.state.agreements.active[0]
    (_, _, _, e), = events(world, "dissolution")
    assert e["cause"] == "unravelled" and e["factors"]["members_before"] == 3 and e["factors"]["members_left"] == 2


def test_the_hazard_is_that_of_the_treaty_size_class():
    """Session 21 (the in-sample record, foedus.theory.threat_within_size): the same rivals fear each other in a bilateral pact
    and in a treaty of three that a departure unravels (both threat_within_hazard) and in one of three that it does not
    (unravel_max_members 2: an organisation that goes on, threat_within_hazard_large); at the record's 0 the large treaty's term
    is 0 (NATO keeps Greece and Turkey) and the others' are 1 - (1 - h)^2; a large treaty of rivals then lasts 30 years (at the
    default 0.08 it would with probability 0.85^30 < 0.01)."""
    for bound, large in ((6, False), (2, True)):
        for h_l in (0.0, 0.1):
            world, _ = tiny_world(agreements=[alliance("Trio", [GRT, RIV, SMA]), alliance("Hollow", [GRT, RIV])], threat_within_hazard=0.08,
                                  threat_within_hazard_large=h_l, unravel_max_members=bound, **QUIET)
            st = cohesion_state(world)
            st["threat_lapse"] = np.zeros(2)
            term = _threat_within_term(world, st, np.zeros(2), np.zeros(2))[0]
            assert st["within"][0].sum() == 2 and st["size"][0] == 3
            h = h_l if large else 0.08
            assert abs(term[0] - (1 - (1 - h) ** 2)) < 1e-12 and abs(term[1] - (1 - 0.92**2)) < 1e-12, (bound, h_l)
    world, rng = tiny_world(agreements=[alliance("Trio", [GRT, RIV, SMA])], unravel_max_members=2, threat_within_hazard_large=0.0, **QUIET)
    for _ in range(30):
        alliance_politics(world, rng)
    assert world.state.agreements.active[0] and world.state.agreements.members[0].sum() == 3 and not events(world, "exit")
