"""The formation helpers the alignment step asks for several times a year (issue 16): each is given back while its inputs
are the same, equals a fresh computation to the bit, and is computed again when one of its inputs moves."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.scenario import Scenario
from foedus.sim.steps import formation


def _world(years: int = 4):
    sim = Simulation(Scenario.load("world-2022"), rng=5)
    sim.run(years)
    return sim.world


def _same(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def test_the_war_risk_is_kept_while_the_hazard_inputs_are_the_same():
    world = _world()
    world.year_cache.entries.clear()
    first = formation._war_risk(world)
    assert formation._war_risk(world) is first and _same(first, formation._war_risk_computed(world))
    # the agreements change (a version), the hazard's inputs do not: the same risk, equal to a fresh computation
    world.state.agreements.version += 1
    world.cache.pop("abstention_terms", None)
    assert formation.abstention_terms(world)["war_risk"] is first
    # a war begins: computed again
    i, j = np.flatnonzero(world.state.active)[:2]
    world.state.at_war[i, j] = world.state.at_war[j, i] = True
    again = formation._war_risk(world)
    assert again is not first and again[i, j] == 1.0 and _same(again, formation._war_risk_computed(world))
    # the capabilities move: computed again
    world.state.power = world.state.power * 1.5
    assert _same(formation._war_risk(world), formation._war_risk_computed(world))
    assert formation._war_risk(world) is not again


def test_unread_alignment_is_kept_for_the_year_and_follows_the_agreements():
    world = _world()
    world.year_cache.entries.clear()
    first = formation.unread_alignment(world)
    assert first is not None and formation.unread_alignment(world) is first
    world.year_cache.entries.pop("unread_alignment")
    assert _same(formation.unread_alignment(world), first)
    # the reach moves: computed again, equal to a computation without the cache
    world.results.reach = world.results.reach * 0.5
    again = formation.unread_alignment(world)
    world.year_cache.entries.pop("unread_alignment")
    assert again is not first and _same(again, formation.unread_alignment(world))
    assert not _same(again, first)


def test_the_war_risk_follows_the_defence_pacts_with_the_year_s_other_covariates(monkeypatch):
    """When the defence pacts alone move (a new pact, an exit), the live pairs' other covariates are the year's still and the
    risk equals a fresh computation to the bit; when another input of the hazard moves, they are computed again."""
    from foedus.sim.steps import conflict

    world = _world()
    world.year_cache.entries.clear()
    first = formation._war_risk(world)
    terms = formation._onset_terms(world)
    i, j = terms[0], terms[1]
    assert len(i) and _same(first, formation._war_risk_computed(world))
    # a defence pact between the first live pair that has none: the defence covariate moves, the others are kept
    defence = np.array(formation.defence_pairs(world), copy=True)
    k = int(np.flatnonzero(~defence[i, j])[0])
    defence[i[k], j[k]] = defence[j[k], i[k]] = True
    monkeypatch.setattr(conflict, "defence_pairs", lambda w: defence)
    monkeypatch.setattr(formation, "defence_pairs", lambda w: defence)
    again = formation._war_risk(world)
    assert formation._onset_terms(world) is terms  # the other covariates kept
    assert again is not first and again[i[k], j[k]] != first[i[k], j[k]]
    assert _same(again, formation._war_risk_computed(world))  # a fresh computation, every covariate recomputed
    # the regimes move: the covariates are computed again
    world.state.regime = np.clip(world.state.regime + 0.25, 0.0, 1.0)
    assert formation._onset_terms(world) is not terms
    assert _same(formation._war_risk(world), formation._war_risk_computed(world))


def test_the_pair_shares_and_burden_are_kept_while_the_capabilities_are_the_same():
    """year_goods.pair_shares and pair_burden (credible_goods, the alignment step's new pacts): the theory's numbers to the bit,
    given back while the capabilities and the burden are the same, computed again when the capabilities move."""
    from foedus.sim.steps import exchange_year, year_goods
    from foedus.theory.consent import pair_burden_shares

    world = _world()
    world.year_cache.entries.clear()
    burden = exchange_year.exchange_terms(world).burden
    shares = year_goods.pair_shares(world)
    assert _same(shares, pair_burden_shares(world.state.power)) and year_goods.pair_shares(world) is shares
    pb = year_goods.pair_burden(world, burden)
    assert _same(pb, burden * pair_burden_shares(world.state.power)) and year_goods.pair_burden(world, burden) is pb
    world.state.power = world.state.power[::-1].copy()  # the capabilities move
    assert _same(year_goods.pair_shares(world), pair_burden_shares(world.state.power))
    assert _same(year_goods.pair_burden(world, burden), burden * pair_burden_shares(world.state.power))
    assert not _same(year_goods.pair_shares(world), shares)


def test_the_defence_pledges_are_kept_until_the_agreements_change():
    """formation.defence_pledges is given back while the agreements' version is the same and computed again after a change."""
    world = _world()
    first = formation.defence_pledges(world)
    assert formation.defence_pledges(world) is first
    ag = world.state.agreements
    a = int(np.flatnonzero(ag.active[: ag.n] & ag.obligations[: ag.n, 0] & (ag.members[: ag.n].sum(axis=1) >= 2))[0])
    i, j = np.flatnonzero(ag.members[a])[:2]
    assert first[i, j]
    ag.dissolve(a, world.state.year)  # a defence pact ends (a new version)
    again = formation.defence_pledges(world)
    assert again is not first
    world.cache.pop("defence_pledges")  # a computation without the cache
    assert _same(again, formation.defence_pledges(world))
