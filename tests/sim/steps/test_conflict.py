"""Step 8, conflict and commitments, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.conflict import call_allies, conflict_and_commitments

from .conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world


def test_wars_end_at_rate_one_and_hostility_relaxes_towards_its_baseline():
    world, rng = tiny_world(dispute_rate=0.0, war_onset_intercept=-30.0, war_end_rate=1.0, hostility_decay=0.5)
    g, r = world.index_of(GRT), world.index_of(RIV)
    world.state.at_war[g, r] = world.state.at_war[r, g] = True
    world.state.hostility[g, r] = 1.0
    conflict_and_commitments(world, rng)
    assert world.state.at_war[g, r]  # a war does not end in the year it began
    world.state.hostility[g, r] = 1.0
    conflict_and_commitments(world, rng)
    assert not world.state.at_war.any()
    assert world.state.hostility[g, r] == pytest.approx(1.0 + 0.5 * (0.6 - 1.0))


def test_hostile_neighbours_dispute_and_a_dispute_escalates_at_war_share_one():
    """Between two autocracies at parity, whom the direct route's restraints do not hold back
    (:func:`foedus.theory.war.escalation_restraint` is 1: no democracy, equal capabilities; the nuclear revolution switched
    off, since the tiny world's GRT and RIV carry the codes of the United States and Russia, both nuclear-armed in 2000; and the
    great powers' restraint, both being great powers: foedus.theory.war_restraint, the onset's major-major term)."""
    from .conftest import ACTORS

    actors = [dict(a, regime=0.0, cinc=0.35) if a["ccode"] in (GRT, RIV) else a for a in ACTORS]
    world, rng = tiny_world(actors=actors, dispute_rate=1.0, war_share=1.0, war_factor=10.0, war_end_rate=0.0,
                            nuclear_onset_restraint=0.0, extended_nuclear_deterrence=0.0, war_onset_joint_major=0.0)
    g, r = world.index_of(GRT), world.index_of(RIV)
    world.state.hostility[g, r] = world.state.hostility[r, g] = 1.0
    world.inputs.proximity[g, r] = world.inputs.proximity[r, g] = 1.0
    conflict_and_commitments(world, rng)
    assert any({c, c2} == {GRT, RIV} for _, c, c2, _ in events(world, "dispute"))
    assert world.state.at_war[g, r] and world.state.at_war[r, g]


def test_an_ally_either_joins_the_war_or_is_charged_with_betrayal():
    for seed in range(6):
        world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMA])], betrayal_penalty=0.5, betrayal_trust=0.5, war_entry_delay=0.0)
        g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
        world.inputs.distance_km[g, r] = world.inputs.distance_km[r, g] = 0.0  # in reach: the casus foederis arises
        trust = world.state.trust[a, g]
        call_allies(world, np.random.default_rng(seed), np.array([r]), np.array([a]))
        (_, ally, attacker, detail), = events(world, "commitment")
        assert (ally, attacker, detail["ally_of"]) == (GRT, RIV, SMA)
        if detail["honoured"]:
            assert world.state.at_war[g, r] and world.state.hostility[g, r] >= 0.8 and world.state.agreements.betrayal[0] == 0.0
        else:
            assert not world.state.at_war[g, r] and world.state.agreements.betrayal[0] == 0.5 and world.state.trust[a, g] == trust * 0.5


def test_a_permanently_neutral_ally_is_called_to_no_war():
    """The law of neutrality (Hague Convention V, 1907; TEU art. 42.7 for Austria): a defence pact a neutral state holds calls
    it to no war; the same pact calls the same ally when it is not neutral (every seed, the casus foederis in reach)."""
    from .conftest import ACTORS

    for seed in range(6):
        for neutral in (False, True):
            actors = [dict(a, neutral=[[1955, None]], sources={"neutral": "a neutrality law"}) if neutral and a["ccode"] == GRT else a for a in ACTORS]
            world, _ = tiny_world(actors=actors, agreements=[alliance("Pact", [GRT, SMA])])
            g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
            world.inputs.distance_km[g, r] = world.inputs.distance_km[r, g] = 0.0  # in reach: the casus foederis arises
            call_allies(world, np.random.default_rng(seed), np.array([r]), np.array([a]))
            called = [ally for _, ally, _, _ in events(world, "commitment")]
            assert called == ([] if neutral else [GRT]), (seed, neutral, called)


def test_a_consultation_pact_calls_nobody_and_an_offence_pact_calls_the_attackers_partner():
    """Issue 17, item 1: only defence and offence obligations create a call to arms."""
    world, rng = tiny_world(agreements=[alliance("Talks", [GRT, SMA], obligations=["consultation", "nonaggression"])])
    g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
    call_allies(world, rng, np.array([r]), np.array([a]))
    assert events(world, "commitment") == [] and not world.state.at_war[g, r]
    world, rng = tiny_world(agreements=[alliance("Raid", [RIV, SMB], obligations=["offense"])], honour_base_rate=0.99, war_entry_delay=0.0)
    r, a, b = (world.index_of(c) for c in (RIV, SMA, SMB))
    world.inputs.distance_km[b, a] = world.inputs.distance_km[a, b] = 0.0  # SMB can reach SMA: the casus foederis arises
    call_allies(world, rng, np.array([r]), np.array([a]))
    (_, ally, enemy, detail), = events(world, "commitment")
    assert (ally, enemy, detail["ally_of"], detail["obligation"]) == (SMB, SMA, RIV, "offense")
    assert detail["honoured"] == world.state.at_war[b, a]


def test_a_pair_at_war_ends_it_with_the_duration_models_hazard_at_the_wars_age(monkeypatch):
    """The conflict step ends the pairs at war since last year with foedus.theory.war_duration.war_end_probability at the age of the
    registered war they fight (Bennett & Stam 1996): a war begun in 1995 is 5 years old in 2000."""
    from foedus.sim.steps import war_endings
    from foedus.theory import war_duration

    world, rng = tiny_world(dispute_rate=0.0, war_onset_intercept=-30.0, relations=[])
    i, j = 0, 1
    world.state.at_war[i, j] = world.state.at_war[j, i] = True
    world.state.at_war_last_year = world.state.at_war.copy()
    world.state.wars = [{"start": world.state.year - 5, "attacker": i, "target": j, "side": {i: 1, j: 2}, "pending": []}]
    seen = {}

    def spy(age, terms, **kw):
        seen["age"], seen["kw"] = np.asarray(age).tolist(), kw
        return np.ones(len(age))  # end it

    monkeypatch.setattr(war_duration, "war_end_probability", spy)
    war_endings.war_endings(world, rng)
    assert seen["age"] == [5] and seen["kw"]["shape"] == world.inputs.params.war_duration_shape
    assert not world.state.at_war[i, j] and not world.state.at_war[j, i]


def test_a_great_power_backs_the_weaker_belligerent_as_co_belligerent_or_as_supplier():
    """The duration term major_backed (Bennett & Stam 1996's sides; Shirkey 2012): RIV (major) at war with SMA is backed when GRT
    (major) fights on SMA's side, or when GRT is in a coalition of the willing against RIV's aggression on SMA, not otherwise."""
    from foedus.sim.steps._common import COALITION
    from foedus.sim.steps.war_endings import major_backed

    world, _ = tiny_world(dispute_rate=0.0, war_onset_intercept=-30.0)
    r, a, g, b = (world.index_of(c) for c in (RIV, SMA, GRT, SMB))
    world.state.at_war[r, a] = world.state.at_war[a, r] = True
    world.state.wars = [{"start": world.state.year - 1, "attacker": r, "target": a, "side": {r: 1, a: 2}, "pending": []}]
    pair = (np.array([r]), np.array([a]))
    assert not major_backed(world, *pair)[0]
    world.state.wars[0]["side"][b] = 2  # a small co-belligerent is no great power
    assert not major_backed(world, *pair)[0]
    world.state.wars[0]["side"][g] = 2
    assert major_backed(world, *pair)[0]
    del world.state.wars[0]["side"][g]
    c = world.state.crises.add("aggression", world.state.year - 1, np.ones(world.n), 0.1, 5, r, a)
    members = np.zeros(world.n, bool)
    members[[g, a]] = True
    world.state.crises.coalition[c] = world.state.agreements.add(np.flatnonzero(members), world.state.year - 1, kind=COALITION, crisis=c, name="coalition against aggression")
    assert major_backed(world, *pair)[0]
