"""Step 7, cyber, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.cyber import cyber

from .conftest import ACTORS, GRT, RIV, SMA, SMB, events, tiny_world

CYBER = {GRT: (0.8, 0.3), RIV: (0.8, 0.3), SMA: (0.4, 0.5), SMB: (0.4, 0.5)}
ACTORS_CYBER = [dict(a, cyber_capacity=CYBER[a["ccode"]][0], cyber_vulnerability=CYBER[a["ccode"]][1]) for a in ACTORS]


def test_states_that_trust_each_other_form_a_cyber_alignment_and_the_distrusted_stay_out():
    actors = [dict(a, cyber_capacity=0.0) if a["ccode"] == GRT else a for a in ACTORS_CYBER]
    relations = [{"pair": [SMA, SMB], "trust": 0.95}, {"pair": [RIV, SMA], "trust": 0.05}, {"pair": [RIV, SMB], "trust": 0.05}]
    world, rng = tiny_world(actors=actors, relations=relations, consider_rate=1.0, intrusion_rate=1e-9)
    cyber(world, rng)
    (_, c, c2, detail), = events(world, "formation")
    assert {c, c2} == {SMA, SMB} and detail["cause"] == "cyber trust"
    assert detail["factors"]["trust"] == detail["factors"]["partner_trust"] == pytest.approx(0.95, abs=0.01)  # after a year's recovery


def test_intrusions_erode_the_victims_trust_and_nothing_happens_without_cyber_capacity():
    world, rng = tiny_world(actors=ACTORS_CYBER, intrusion_rate=1.0, trends={"cyber": 1.0}, trust_recovery=0.0)
    before = world.state.trust.copy()
    cyber(world, rng)
    hit = world.results.intrusions.T & ~np.eye(world.n, dtype=bool)  # [i, j]: j intruded into i
    assert hit.any() and (world.state.trust[hit] <= before[hit]).all()
    world, rng = tiny_world()
    cyber(world, rng)
    assert not world.results.intrusions.any() and not events(world)


def _world_with_firms(agreements: list[dict], firms: list[dict], **parameters):
    """The four-state world with cyber capacities, the given cyber agreements and firms or NGOs."""
    from foedus.sim import Scenario, Simulation

    sc = Scenario.from_dict(
        {
            "name": "tiny-cyber", "start_year": 2000, "years": 5, "actors": ACTORS_CYBER,
            "relations": [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}], "agreements": agreements,
            "nonstate_actors": firms, "parameters": {"consider_rate": 1.0, "intrusion_rate": 1e-9, **parameters},
        }
    )
    sim = Simulation(sc, rng=0, explain=True)
    return sim.world, sim.rng


PLEDGE = {"name": "Pledge", "kind": "organisation", "domain": "cyber", "members": [GRT, SMA], "start_year": 1995, "obligations": ["consultation"]}


def test_a_norms_pledge_admits_its_camp_and_never_the_other():
    """A pledge (integration 0: nothing shared) of democracies: the small democracy joins, the autocratic rival never does."""
    world, rng = _world_with_firms([PLEDGE], [])
    for _ in range(3):
        cyber(world, rng)
        world.state.year += 1
    pledge = int(world.state.agreements.agreement_id[0])
    joined = {c for a, c, _, _ in events(world, "accession") if a == pledge}
    assert SMB in joined and RIV not in joined
    (_, _, _, detail), = [e for e in events(world, "accession") if e[1] == SMB and e[0] == pledge]
    f = detail["factors"]
    assert detail["cause"] == "cyber trust" and f["access"] == 0.0 and f["group_trust"] == 1.0
    assert f["camp_distance"] <= f["camp_tolerance"] and f["value"] > 0
    assert set(f) == {"value", "group_trust", "trust_threshold", "benefit", "loss", "access", "camp_distance", "camp_tolerance"}


def test_a_firm_joins_only_the_camp_of_its_home_state_or_stated_values():
    firms = [
        {"id": "westco", "name": "WestCo", "kind": "firm", "home": GRT},
        {"id": "eastco", "name": "EastCo", "kind": "firm", "home": RIV},
        {"id": "opengo", "name": "OpenGO", "kind": "ngo", "values": 0.9},
        {"id": "nobody", "name": "Nobody", "kind": "ngo"},
    ]
    world, rng = _world_with_firms([PLEDGE], firms)
    for _ in range(3):
        cyber(world, rng)
        world.state.year += 1
    joined = {d["nonstate_actor"]: d for a, _, _, d in events(world, "accession") if "nonstate_actor" in d and a == int(world.state.agreements.agreement_id[0])}
    assert set(joined) == {"westco", "opengo"}  # EastCo takes its home's camp; Nobody has none
    assert joined["opengo"]["factors"]["values"] == 0.9 and joined["westco"]["factors"]["values"] is None


def test_an_alignment_that_shares_vulnerabilities_refuses_a_partner_its_members_distrust():
    """A sharing alignment (integration 1) of the two small democracies; the great power of their
    camp trusts them at 0.95 and would gain. If they trust it at 0.3 only they refuse it (consent by
    the same utility); at 0.95 they take it in."""
    from foedus.sim import Scenario, Simulation

    shared = dict(PLEDGE, name="Sharing", members=[SMA, SMB], integration=1.0)
    relations = [{"pair": [SMA, SMB], "trust": 0.95}, {"pair": [GRT, SMA], "trust": 0.95}, {"pair": [GRT, SMB], "trust": 0.95}]
    sc = Scenario.from_dict(
        {"name": "tiny-cyber", "start_year": 2000, "years": 5, "actors": ACTORS_CYBER, "relations": relations, "agreements": [shared],
         "parameters": {"consider_rate": 1.0, "intrusion_rate": 1e-9}}
    )
    for trust, admitted in ((0.3, False), (0.95, True)):
        sim = Simulation(sc, rng=0, explain=True)
        g, a, b = (int(np.flatnonzero(sim.world.inputs.ccode == c)[0]) for c in (GRT, SMA, SMB))
        sim.world.state.trust[a, g] = sim.world.state.trust[b, g] = trust  # the members' trust in the candidate
        cyber(sim.world, sim.rng)
        assert any(c == GRT for _, c, _, _ in events(sim.world, "accession")) == admitted
