"""Step 6, crises and coalitions, alone on a four-state world."""

from __future__ import annotations

import numpy as np

from foedus.sim.scenario import GLOBAL_THREATS
from foedus.sim.steps.crises import COALITION_FIRST_YEAR, crises_and_coalitions

from .conftest import GRT, RIV, SMA, SMB, events, tiny_world

TERRORISM, PROLIFERATION = GLOBAL_THREATS.index("terrorism"), GLOBAL_THREATS.index("proliferation")

LATE = max(COALITION_FIRST_YEAR.values())
"""A year in which a coalition may assemble against every kind of global threat (the tiny world starts in 2000)."""


def test_no_coalition_against_a_global_threat_before_its_first_year():
    world, rng = tiny_world(crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=0.01, coalition_efficacy=0.0)
    world.state.year = min(COALITION_FIRST_YEAR.values()) - 1
    crises_and_coalitions(world, rng)
    (crisis,) = world.state.crises.open()
    assert world.state.crises.coalition[crisis] < 0 and not events(world, "formation")


def test_a_crisis_forms_a_coalition_of_the_exposed_led_by_the_most_capable():
    world, rng = tiny_world(crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=0.01, coalition_efficacy=0.0)  # the crisis outlasts the year
    world.state.crisis_threats = [TERRORISM]  # no state behind it (a proliferation crisis is a state's programme: below)
    world.state.year = LATE  # coalitions against global threats assemble from 2000-2003 (COALITION_FIRST_YEAR)
    crises_and_coalitions(world, rng)
    (crisis,) = world.state.crises.open()
    a = world.state.crises.coalition[crisis]
    ag = world.state.agreements
    assert a >= 0 and ag.active[a] and ag.kind[a] == 1  # a coalition
    exposed = np.flatnonzero(world.state.crises.exposure[crisis] > 0)
    assert set(np.flatnonzero(ag.members[a])) <= set(exposed) and ag.members[a].sum() >= 2
    (_, lead, _, detail), = events(world, "formation")
    assert lead == GRT and detail["factors"]["lead"] == GRT


def test_a_coalition_dissolves_when_its_crisis_runs_out():
    world, rng = tiny_world(crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=1.0)  # every crisis lasts one year
    world.state.crisis_threats = [TERRORISM]
    world.state.year = LATE
    crises_and_coalitions(world, rng)
    assert world.state.crises.open() == []
    (_, _, _, detail), = events(world, "dissolution")
    assert detail["cause"] in ("crisis faded", "mission ended")
    assert not world.state.agreements.active[: world.state.agreements.n].any()


def test_no_crisis_arises_at_rate_zero():
    world, rng = tiny_world(crisis_rate=0.0)
    crises_and_coalitions(world, rng)
    assert world.state.crises.kind == [] and not events(world)


def test_a_coalition_whose_mission_succeeded_may_become_an_organisation():
    world, rng = tiny_world(
        crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=0.01, coalition_efficacy=10.0, crisis_spread=0.0,
        institutionalisation_rate=1.0, organisation_min_members=2, relations=[],
    )
    world.state.exposure[:] = 1.0
    world.state.crisis_threats = [TERRORISM]
    world.state.year = LATE
    crises_and_coalitions(world, rng)
    causes = [d["cause"] for _, _, _, d in events(world, "formation")]
    assert causes[0].startswith("coalition of the willing") and "coalition institutionalised" in causes
    ag = world.state.agreements
    (org,) = np.flatnonzero((ag.kind[: ag.n] == 2) & ag.active[: ag.n])
    (coal,) = np.flatnonzero(ag.kind[: ag.n] == 1)
    assert not ag.active[coal] and ag.members[org].sum() >= 2 and ag.institutionalised[org] == 1
    (_, _, _, detail), = events(world, "dissolution")
    assert detail["cause"] == "institutionalised"


def test_a_like_minded_neighbour_joins_an_organisation_and_a_rival_does_not():
    from .conftest import RIV, SMA, SMB, alliance

    org = alliance("Club", [GRT, SMA], kind="organisation", obligations=["consultation"])
    world, rng = tiny_world(agreements=[org], crisis_rate=0.0, organisation_join_rate=1.0, organisation_proximity=0.0, organisation_ideal_distance=1.0)
    crises_and_coalitions(world, rng)
    joined = {c for _, c, _, d in events(world, "accession")}
    assert SMB in joined and RIV not in joined  # RIV is GRT's strategic rival
    world, rng = tiny_world(agreements=[org], crisis_rate=0.0, organisation_join_rate=1.0, organisation_proximity=0.0, organisation_ideal_distance=0.0)
    crises_and_coalitions(world, rng)
    assert not events(world, "accession")  # no one is that like-minded


def test_a_coalition_against_proliferation_is_against_the_proliferator_and_of_those_who_share_its_threat():
    """Issue 17, item 6: the proliferator (here the only unarmed state with a nuclear-armed rival: Small B, rival of Rival) is
    never a member; every member shares its threat (Walt 1987); the formation names it."""
    relations = [{"pair": [SMB, RIV], "hostility": 0.6, "rivalry": True}, {"pair": [SMB, SMA], "hostility": 0.6, "rivalry": True}]
    world, rng = tiny_world(relations=relations, crisis_rate=1.0, coalition_threshold=1e-9, crisis_end_rate=0.01, coalition_efficacy=0.0, crisis_spread=0.0)
    world.state.crisis_threats = [PROLIFERATION]
    world.state.exposure[:] = 1.0  # everyone exposed: exposure alone no longer recruits
    world.state.year = LATE
    crises_and_coalitions(world, rng)
    (crisis,) = world.state.crises.open()
    smb = int(np.flatnonzero(world.inputs.ccode == SMB)[0])
    assert world.state.crises.aggressor[crisis] == smb
    a = world.state.crises.coalition[crisis]
    assert a >= 0, "the states Small B threatens act against it"
    members = np.flatnonzero(world.state.agreements.members[a])
    assert smb not in members and (world.results.threat[members, smb] > 0).all() and len(members) == 2  # Rival and Small A
    (_, _, _, detail), = events(world, "formation")
    assert detail["factors"]["proliferator"] == SMB


def test_no_coalition_against_proliferation_without_a_proliferator():
    """Every state of the tiny world but Small B is nuclear-armed (the United States, Russia, Britain) and Small B has no rival:
    nobody proliferates, so nobody assembles against it (the crisis still runs its course)."""
    world, rng = tiny_world(crisis_rate=1.0, coalition_threshold=0.0, crisis_end_rate=0.01, coalition_efficacy=0.0)
    world.state.crisis_threats = [PROLIFERATION]
    world.state.year = LATE
    crises_and_coalitions(world, rng)
    (crisis,) = world.state.crises.open()
    assert world.state.crises.aggressor[crisis] == -1 and world.state.crises.coalition[crisis] < 0 and not events(world, "formation")


def test_a_proliferation_coalition_names_the_proliferators_rivals_apart_from_those_sharing_its_threat():
    """Issue 17, item 8 (leftovers17): a member recruited because the programme is aimed at it (a rival of the proliferator,
    Sagan 1996) is named under ``rival_of_proliferator``; ``shares_threat`` names only the members whose threat from the
    proliferator is at least ``coalition_threat_share`` of the largest they perceive (Walt 1987)."""
    relations = [{"pair": [SMB, RIV], "hostility": 0.6, "rivalry": True}, {"pair": [SMB, SMA], "hostility": 0.6, "rivalry": True}]
    world, rng = tiny_world(relations=relations, crisis_rate=1.0, coalition_threshold=1e-9, crisis_end_rate=0.01, coalition_efficacy=0.0, crisis_spread=0.0)
    world.state.crisis_threats = [PROLIFERATION]
    world.state.exposure[:] = 1.0
    world.state.year = LATE
    riv, smb = (int(np.flatnonzero(world.inputs.ccode == c)[0]) for c in (RIV, SMB))
    world.results.threat[riv, smb] = 0.0  # Rival fears Great, not Small B: in the coalition only as the programme's target
    crises_and_coalitions(world, rng)
    (_, _, _, detail), = events(world, "formation")
    f = detail["factors"]
    (crisis,) = world.state.crises.open()
    members = np.flatnonzero(world.state.agreements.members[world.state.crises.coalition[crisis]])
    t, share = world.results.threat, world.inputs.params.coalition_threat_share
    sharing = {int(world.inputs.ccode[i]) for i in members if t[i, smb] > 0 and t[i, smb] >= share * t[i].max()}
    rivals = {int(world.inputs.ccode[i]) for i in members if world.state.rivalry[i, smb]}
    assert rivals == {RIV, SMA}  # both members are Small B's rivals
    assert set(f["rival_of_proliferator"]) == rivals
    assert set(f["shares_threat"]) == sharing
    assert RIV in detail["member_states"] and RIV not in sharing  # the case tells the two motives apart


def test_the_proliferator_is_drawn_again_when_it_leaves_the_system_and_the_crisis_ends_when_it_stops_proliferating():
    """Issue 17, item 8 (leftovers17): while no coalition has assembled, a proliferator that left the system is not the crisis's
    proliferator the next year (Small B is the only possible one, so none is left); one that no longer proliferates (here: no
    nuclear-armed rival any more) ends the crisis over its programme, which does not move to another state's (the review)."""
    relations = [{"pair": [SMB, RIV], "hostility": 0.6, "rivalry": True}]
    for leave in ("system", "rivalry"):
        world, rng = tiny_world(relations=relations, crisis_rate=1.0, coalition_threshold=1e9, crisis_end_rate=0.01, coalition_efficacy=0.0)
        world.state.crisis_threats = [PROLIFERATION]
        world.state.year = LATE
        crises_and_coalitions(world, rng)
        first = world.state.crises.open()[0]
        smb = int(np.flatnonzero(world.inputs.ccode == SMB)[0])
        assert world.state.crises.aggressor[first] == smb and world.state.crises.coalition[first] < 0  # drawn; nobody willing at this threshold
        if leave == "system":
            world.state.active[smb] = False
        else:
            world.state.rivalry[:] = 0
        world.state.year += 1
        crises_and_coalitions(world, rng)
        if leave == "system":
            assert first in world.state.crises.open()
            assert world.state.crises.aggressor[first] == -1, leave
        else:
            assert first not in world.state.crises.open() and world.state.crises.aggressor[first] == smb, leave
