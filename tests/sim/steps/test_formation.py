"""The costs of alignment options and the writing of new pacts (steps/formation.py)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.schema import OBLIGATIONS
from foedus.theory import obligations as th_ob
from foedus.sim.steps.formation import FORMS, ExchangeTerms, commitment_capacity, form_alliances, pact_cost

from .conftest import GRT, RIV, SMA, SMB, tiny_world


def test_a_great_power_carries_more_commitments_for_the_price_of_one():
    world, _ = tiny_world()
    cap = commitment_capacity(world)
    assert cap[world.index_of(GRT)] > 1.0 == cap[world.index_of(SMA)]


def test_an_option_costs_more_for_a_state_with_more_commitments():
    world, _ = tiny_world(autonomy_weight=0.0, defence_burden_weight=0.0, treaty_cost=0.0)
    terms = ExchangeTerms(world)
    a, b = world.index_of(SMA), world.index_of(SMB)
    one, two = (pact_cost(world, terms, np.array([a]), np.array([b]), np.array([base]), 1.0, 1.0) for base in (0.04, 0.08))
    assert two[0] > one[0] == 0.04


def test_the_weak_side_pays_in_autonomy_and_the_strong_side_gains_without_any_cost_clipped():
    """Morrow (1991) on both sides: the small state's cost exceeds the base cost, the great power's falls below it, and below zero when its concessions outweigh the risk."""
    world, _ = tiny_world(defence_burden_weight=0.0, treaty_cost=0.0)
    terms = ExchangeTerms(world)
    g, a = world.index_of(GRT), world.index_of(SMA)
    base = np.array([0.01])
    weak = pact_cost(world, terms, np.array([a]), np.array([g]), base, 1.0, 1.0)[0]
    strong = pact_cost(world, terms, np.array([g]), np.array([a]), base, 1.0, 1.0)[0]
    assert weak > base[0] > strong
    assert strong < 0  # not clipped to zero


def test_the_strong_side_pays_for_the_risk_of_defending():
    # SMA has a main threat to be defended against: RIV, hostile to it (intentions are read from acts)
    hostile = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}, {"pair": [RIV, SMA], "hostility": 0.6}]
    world, _ = tiny_world(treaty_cost=0.0, relations=hostile)
    terms = ExchangeTerms(world)
    g, a = world.index_of(GRT), world.index_of(SMA)
    base = np.array([0.04])
    without = pact_cost(world, terms, np.array([g]), np.array([a]), base, 1.0, 0.0)[0]
    with_risk = pact_cost(world, terms, np.array([g]), np.array([a]), base, 1.0, 0.0, risk=1.0)[0]  # an offence pledge: risk, no protection
    assert with_risk - without == pytest.approx(world.inputs.params.defence_burden_weight * terms.burden[g, a], rel=1e-12)
    assert terms.burden[g, a] > 0


def test_only_a_pledge_of_protection_buys_the_autonomy_concessions_of_morrows_exchange():
    """Morrow (1991): security for autonomy. The strong side gains concessions for protecting; a pledge that protects
    no one (neutrality, non-aggression, consultation, offence) buys none, so it costs the strong side its base cost."""
    world, _ = tiny_world(treaty_cost=0.0)
    terms = ExchangeTerms(world)
    g, a = world.index_of(GRT), world.index_of(SMA)
    base = np.array([0.04])
    risk_only = pact_cost(world, terms, np.array([g]), np.array([a]), base, 1.0, 0.0, risk=1.0)[0]
    protection = pact_cost(world, terms, np.array([g]), np.array([a]), base, 1.0, 1.0)[0]
    gain = world.inputs.params.autonomy_weight * np.log1p(terms.autonomy[g, a])
    assert gain > 0 and protection - risk_only == pytest.approx(-gain, rel=1e-12)
    assert pact_cost(world, terms, np.array([g]), np.array([a]), base, 0.2, 0.0)[0] == pytest.approx(0.2 * 0.04, rel=1e-12)


def test_new_pacts_carry_their_forms_obligations_are_closed_and_the_great_power_leads():
    world, _ = tiny_world()
    g, a, b = (world.index_of(c) for c in (GRT, SMA, SMB))
    k = 2
    form = np.array([FORMS.index("defence"), FORMS.index("nonaggression")])
    form_alliances(world, np.array([a, a]), np.array([g, b]), form, np.zeros((k, 4)), np.zeros((k, 4)), np.zeros((k, 2)), np.zeros((k, 2)), np.zeros((k, 2, 5)))
    ag = world.state.agreements
    assert ag.asymmetric[:2].tolist() == [True, False]
    assert ag.leader[0] == g
    assert ag.commitment[0] == 1.0  # a defence pact
    assert ag.obligations[1].tolist() == [o == "nonaggression" for o in OBLIGATIONS]
    assert not ag.admits[:2].any()  # bilateral: closed to accession


def test_a_great_power_gains_no_concessions_from_a_powerless_partner():
    """Morrow (1991): a concession is the use of the payer's capabilities. The great power's autonomy gain from a microstate
    is about its pledge alone (it pays for its promise), from a partner of some strength nearly the bare exchange's."""
    micro = {"ccode": 232, "abb": "AND", "name": "Micro", "cinc": 1e-6, "gdp": 3e3, "milex": 1.0, "lat": 51.0, "lon": 21.0, "regime": 0.8, "ideal_point": 0.8}
    from .conftest import ACTORS
    world, _ = tiny_world(actors=[*ACTORS, micro], concession_half_worth=1e-3)
    bare, _ = tiny_world(actors=[*ACTORS, micro], concession_half_worth=0.0)
    g, m, a = world.index_of(GRT), world.index_of(232), world.index_of(SMA)
    valued, raw = ExchangeTerms(world).autonomy, ExchangeTerms(bare).autonomy
    assert raw[g, m] > 0.5  # the bare exchange: most of the microstate's autonomy, as if it were France's
    assert valued[g, m] < 0 < valued[g, a] and valued[g, a] == pytest.approx(raw[g, a], abs=0.02)
    assert valued[m, g] == raw[m, g]  # the payer pays in full


def test_a_new_state_reads_no_record_of_its_neighbours_intentions():
    """Kydd (2005), Lupu & Poast (2016): the threat a pledge of non-aggression addresses is the expected one while intentions
    have no record. A state that entered the system last year faces, from its friendly great neighbour, the prior's share of
    the capability that reaches it; two old members read each other's record (no hostility: no threat)."""
    from foedus.sim.steps.formation import entry_years, reassurance_threat
    from .conftest import ACTORS
    actors = [dict(a, since=1999) if a["ccode"] == SMA else dict(a, since=1816) for a in ACTORS]
    world, _ = tiny_world(actors=actors, nonaggression_prior=0.5, intentions_decay_years=10.0)
    g, a, b = world.index_of(GRT), world.index_of(SMA), world.index_of(SMB)
    assert entry_years(world)[a] == 1999
    expected = reassurance_threat(world)
    u = np.exp(-(world.state.year - 1999) / 10.0)
    assert world.results.threat[a, g] == 0.0 and world.results.reach[a, g] > 0
    assert expected[a, g] == pytest.approx(u * 0.5 * world.results.reach[a, g], rel=1e-12)
    assert expected[b, g] == world.results.threat[b, g] == 0.0  # old members: the record
    off, _ = tiny_world(actors=actors, nonaggression_prior=0.0)
    assert reassurance_threat(off) is None  # the term off: the record's threat


def test_the_relationship_age_counts_from_a_states_first_entry_not_its_return():
    """A state restored after occupation (the Netherlands, 1940-45) is not new on its return: ``entry_years`` is the year it
    first entered the system (``WorldInputs.since``), whatever spell it is in now, so its pairs with old members read the record."""
    from foedus.sim.steps.formation import entry_years, reassurance_threat
    from .conftest import ACTORS
    actors = [dict(a, since=1816, in_system=[[1816, 1939], [1945, None]]) if a["ccode"] == SMA else dict(a, since=1816) for a in ACTORS]
    world, _ = tiny_world(actors=actors, nonaggression_prior=0.5, intentions_decay_years=10.0)
    a, g = world.index_of(SMA), world.index_of(GRT)
    assert entry_years(world)[a] == 1816
    assert reassurance_threat(world)[a, g] == world.results.threat[a, g]  # an old member: the record, no prior


def test_a_revolution_restarts_the_record_of_a_states_intentions():
    """Walt (1996): a change of regime makes a state's intentions unreadable, so its record restarts. Small A (an old member)
    changed regime in 1999, the year before the start (``regime_changed``, as a record-built scenario carries the record's
    transitions): its neighbours' prior weighs e^(-1/10) on it, as on a state that entered in 1999, while Small B, whose regime
    has not changed, reads the great power's record. A coup in the run (its score from 0.8 to 0.2 against its memory) restarts
    it again, once; a move before the start (its memory, ``regime_memory``) is the record's to date and restarts nothing;
    ``intentions_restart_share`` 0 (the default) leaves the entries alone."""
    from foedus.sim.steps.formation import entry_years, reassurance_threat, record_years
    from .conftest import ACTORS, events
    actors = [dict(a, since=1816, regime_changed=1999) if a["ccode"] == SMA else dict(a, since=1816, regime_memory=0.3) for a in ACTORS]
    world, _ = tiny_world(actors=actors, nonaggression_prior=0.5, intentions_decay_years=10.0, intentions_restart_share=1.0)
    g, a, b = world.index_of(GRT), world.index_of(SMA), world.index_of(SMB)
    assert entry_years(world)[a] == 1816 and record_years(world)[a] == 1999
    assert record_years(world)[b] == 1816  # SMB's memory (0.3, its score 0.8) is a move before the start: no restart
    expected = reassurance_threat(world)
    u = np.exp(-(world.state.year - 1999) / 10.0)
    assert world.results.threat[a, g] == 0.0 and world.results.reach[a, g] > 0
    assert expected[a, g] == pytest.approx(u * 0.5 * world.results.reach[a, g], rel=1e-12)  # the new regime: as a new state
    assert expected[g, a] == pytest.approx(u * 0.5 * world.results.reach[g, a], rel=1e-12)  # and its neighbour of it
    assert expected[b, g] == world.results.threat[b, g] == 0.0  # no change of regime: the record
    # a term that moves a pact's goods is in its factors: each side's last change of regime (None: none)
    form_alliances(world, np.array([a]), np.array([g]), np.array([FORMS.index("nonaggression")]), np.zeros((1, 4)), np.zeros((1, 4)),
                   np.zeros((1, 2)), np.zeros((1, 2)), np.zeros((1, 2, 5)))
    assert [d["factors"]["regime_changed"] for _, c, c2, d in events(world, "formation")] == [[1999, None]]
    world.state.year += 1
    world.state.regime = world.state.regime.copy()
    world.state.regime[a] = 0.2  # a coup: 0.6 below its memory and the regime read
    assert record_years(world)[a] == 2001
    world.state.year += 1
    world.state.regime_reference = 0.8 * world.state.regime_reference + 0.2 * world.state.regime  # the memory catches up
    assert record_years(world)[a] == 2001  # the same transition, one restart
    off, _ = tiny_world(actors=actors, nonaggression_prior=0.5, intentions_decay_years=10.0, intentions_restart_share=0.0)
    assert record_years(off)[off.index_of(SMA)] == 1816 and reassurance_threat(off)[a, g] == off.results.threat[a, g]
    form_alliances(off, np.array([a]), np.array([g]), np.array([FORMS.index("nonaggression")]), np.zeros((1, 4)), np.zeros((1, 4)),
                   np.zeros((1, 2)), np.zeros((1, 2)), np.zeros((1, 2, 5)))
    assert [("regime_changed" in d["factors"]) for _, c, c2, d in events(off, "formation")] == [False]  # the term off: not a factor


def test_a_record_built_scenario_dates_each_state_from_its_first_cow_entry():
    """scenario_from_record(1946): the states restored in 1945 keep their first COW entry (Netherlands 1816, Norway 1905,
    Poland 1918), while the states born in 1946 (the Philippines, Syria, Lebanon) are new."""
    from foedus.sim.build import scenario_from_record
    sc = scenario_from_record(1946, top_n=None, years=2)
    since = {a.abb: a.since for a in sc.actors}
    assert (since["NTH"], since["NOR"], since["POL"], since["BEL"]) == (1816, 1905, 1918, 1830)
    assert since["PHI"] == since["SYR"] == 1946


def test_abstention_terms_are_the_chance_of_war_over_the_horizon_symmetric_and_certain_at_war():
    """Leeds et al. 2002, Fearon 1997: a neutrality pledge is weighed by the chance of the war it is about, 1 - (1 - h)^H of
    the conflict step's onset hazard; a pair at war is certain of it; a longer horizon raises it where there is any risk;
    the hazard switched off leaves none."""
    from foedus.sim.steps.formation import abstention_terms

    w, _ = tiny_world()
    w.state.at_war[:] = False
    ix = {int(c): i for i, c in enumerate(w.inputs.ccode)}
    g, rv, sa, sb = ix[GRT], ix[RIV], ix[SMA], ix[SMB]
    base = abstention_terms(w)["war_risk"].copy()
    assert np.allclose(base, base.T) and ((base >= 0) & (base <= 1)).all() and not np.diag(base).any()
    assert base[g, rv] > 0  # the rival great power: a politically relevant pair at risk
    w.state.at_war[sa, sb] = w.state.at_war[sb, sa] = True
    w.state.agreements.version += 1  # a new key for the year's cache
    a = abstention_terms(w)
    assert a["war_risk"][sa, sb] == 1.0
    assert a["target"].shape == (w.n,) and ((a["credibility"] >= 0) & (a["credibility"] <= 1)).all()
    long, _ = tiny_world(abstention_horizon=20.0)
    long.state.at_war[:] = False
    r = abstention_terms(long)["war_risk"]
    assert (r[base > 0] > base[base > 0]).all() and not r[base == 0].any()
    off, _ = tiny_world(war_onset_intercept=-30.0)
    off.state.at_war[:] = False
    assert abstention_terms(off)["war_risk"].max() < 1e-9


def test_pledges_serving_an_attack_on_a_nuclear_power_are_worth_nothing_from_its_first_bomb():
    """theory.offence.nuclear_deterrence in the step (formation.nuclear_deterred, Jervis 1989): in the four-state world every
    state's target is the USA (2) or Russia (365); dated 1940 (no bomb) the aggrandisement is whole, dated 1950 (the USA
    since 1945, the USSR since 1949: foedus.data.nuclear) it is 0 in the rows of the states targeting them, not in Russia's,
    whose target, Britain (200), has the bomb from 1952; dated 1953 it is 0 in every row; switched off, whole."""
    import numpy as np

    from foedus.sim.steps.formation import nuclear_deterred
    from foedus.theory.offence import offence_target

    from .conftest import tiny_world

    world, _ = tiny_world(relations=[{"pair": [2, 365], "hostility": 0.6, "rivalry": True}, {"pair": [365, 200], "hostility": 0.9},
                                     {"pair": [365, 210], "hostility": 0.9}])
    value = np.full((world.n, world.n), 0.3)
    np.fill_diagonal(value, 0.0)
    has = offence_target(world.state.hostility) >= 0
    assert has.all()
    world.state.year = 1940
    assert np.array_equal(nuclear_deterred(world, value), value)
    world.state.year = 1950
    rus = world.index_of(365)
    assert (np.delete(nuclear_deterred(world, value), rus, axis=0) == 0).all()
    assert np.array_equal(nuclear_deterred(world, value)[rus], value[rus])
    world.state.year = 1953
    assert (nuclear_deterred(world, value)[has] == 0).all()
    assert nuclear_deterred(world, None) is None
    world.inputs.params = world.inputs.params.model_copy(update={"nuclear_deterrence_strength": 0.0})
    assert np.array_equal(nuclear_deterred(world, value), value)


def test_a_great_power_counts_a_partners_concessions_only_inside_its_sphere():
    """theory.exchange.sphere_of_influence in the step (formation.concession_reach; Lemke 2002): with the threshold at 0 every
    partner is inside and the Great power's autonomy change from Small A is the valued exchange; with a threshold above any
    share that reaches (1.0: only itself inside) its gain falls to what it keeps without the concession, while Small A's
    side (it pays) is unchanged; the pledge the strong side makes is paid either way."""
    from foedus.sim.steps.formation import concession_reach

    inside, _ = tiny_world(concession_reach_threshold=0.0, local_balance_threshold=0.0, concession_interest_weight=0.0)
    outside, _ = tiny_world(concession_reach_threshold=1.0, local_balance_threshold=0.0, concession_interest_weight=0.0)
    g, a = inside.index_of(GRT), inside.index_of(SMA)
    assert concession_reach(inside) == 1.0
    sphere = concession_reach(outside)
    assert sphere[g, a] == 0.0 and sphere[g, g] == 1.0
    auto_in, auto_out = ExchangeTerms(inside).autonomy, ExchangeTerms(outside).autonomy
    assert auto_in[g, a] > 0 and auto_out[g, a] < auto_in[g, a]  # the concession was its gain
    assert auto_out[a, g] == auto_in[a, g]  # the payer's side is unchanged


def test_a_patron_that_cannot_hold_the_local_balance_gains_no_concession():
    """theory.deterrence_extended.local_balance in the step (formation.concession_reach; Huth 1988): Small A fears Rival; the
    Great power's share of the forces that reach Small A is below 1, so at a threshold of 1 it counts none of Small A's
    concessions (its autonomy change falls), at 0 all of them; the local balance it was held to is the theory's."""
    from foedus.sim.steps.formation import concession_reach
    from foedus.theory.deterrence_extended import local_balance

    rel = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}, {"pair": [RIV, SMA], "hostility": 0.9}]
    off, _ = tiny_world(relations=rel, concession_reach_threshold=0.0, local_balance_threshold=0.0, concession_interest_weight=0.0)
    held, _ = tiny_world(relations=rel, concession_reach_threshold=0.0, local_balance_threshold=1.0, concession_interest_weight=0.0)
    g, a = held.index_of(GRT), held.index_of(SMA)
    q = local_balance(held.results.threat, held.results.reach)
    assert 0.0 < q[g, a] < 1.0
    assert concession_reach(off) == 1.0 and concession_reach(held)[g, a] == 0.0
    assert ExchangeTerms(held).autonomy[g, a] < ExchangeTerms(off).autonomy[g, a]


def test_a_new_states_partners_pledge_of_neutrality_is_worth_its_unread_alignment():
    """Kydd (2005): a new state does not know whether a partner would join its main threat's attack on it. credible_goods adds
    foedus.theory.reassurance.unread_alignment (at the war's chance and weight unread_alignment_weight) to the abstention good
    of the pairs with a new state only; the weight 0 switches it off."""
    from foedus.sim.steps.formation import abstention_terms, credible_goods, defence_pledges, entry_years, unread_alignment
    from foedus.theory import reassurance as th
    from .conftest import ACTORS
    actors = [dict(a, since=1999) if a["ccode"] == SMA else dict(a, since=1816) for a in ACTORS]
    world, _ = tiny_world(actors=actors, nonaggression_prior=0.5, intentions_decay_years=10.0, pledge_credibility_weight=0.0, unread_alignment_weight=2.0)
    p = world.inputs.params
    u = th.intentions_uncertainty(th.relationship_age(world.state.year, entry_years(world)), decay_years=10.0)
    e = th.expected_threat(world.results.threat, world.results.reach, u, prior=0.5)
    want = 2.0 * th.unread_alignment(e, world.results.reach, world.state.power, u, prior=0.5, defends=defence_pledges(world),
                                     war_risk=abstention_terms(world)["war_risk"])
    got = unread_alignment(world)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=0)
    a, b, g = world.index_of(SMA), world.index_of(SMB), world.index_of(GRT)
    assert got[a].sum() > 0 and got[:, a].sum() > 0  # the new state and its partners
    assert got[b, g] == got[g, b] == 0.0  # two old members read each other's alignment from the record
    goods = np.zeros((5, world.n, world.n))
    credible_goods(world, goods)
    np.testing.assert_allclose(goods[2], got, rtol=1e-12, atol=0)
    assert np.all(goods[[0, 1, 3, 4]] == 0.0)
    off, _ = tiny_world(actors=actors, nonaggression_prior=0.5, unread_alignment_weight=0.0)
    assert unread_alignment(off) is None
    assert p.unread_alignment_weight == 2.0 and u[a, b] > 0


def test_defence_pledges_are_the_pairs_of_a_defence_pact_in_force():
    from foedus.sim.steps.formation import defence_pledges
    from .conftest import alliance
    world, _ = tiny_world(agreements=[alliance("D", [SMA, GRT]), alliance("N", [SMB, RIV], obligations=["nonaggression"])])
    d = defence_pledges(world)
    a, b, g, r = (world.index_of(c) for c in (SMA, SMB, GRT, RIV))
    assert d[a, g] and d[g, a] and not d[b, r] and not d[a, a] and d.sum() == 2


def test_rivals_sign_no_pledge_to_fight_when_they_cannot_trust_it():
    """theory.reassurance.credible_pledges and theory.cheap_talk.credible_consultation in the step (formation.credible_goods;
    Kydd 2005, Crawford & Sobel 1982): Great and Rival are rivals (hostility 0.6: trust 0.4, below Kydd's threshold of 1/2)
    facing a Super power hostile to both. Every state reconsiders (consider_rate 1): with every pledge believed whatever the
    trust (pledge_credibility_weight 0) the two rivals sign a pact in every one of ten draws; at the published reading they sign
    none: no defence and no offence pact (the discount of every pledge to fight alike: the defence pledge alone moved rivals
    to offence pacts), and no consultation pact either, a rival's talk conveying 0.48 of the coordination, less than the
    pact's cost here (pacts16; before it, they signed one, and with credible_fighting_pledges 0 a defence pact, carried by
    its consultation half). Since lowob17 a consultation pact carries lesser_entrapment_share of the base cost of allying
    (theory.obligations.entrapment_share: it cannot entrap), and the rivals sign one, a pledge to talk, not to fight: the
    test holds what its name says, no pledge to fight."""
    import numpy as np

    from foedus.sim.steps.alignment import alignment

    from .conftest import ACTORS, events

    sup = 710
    actors = ACTORS + [{"ccode": sup, "abb": "SUP", "name": "Super", "major": True, "cinc": 0.9, "gdp": 2e6, "milex": 9e4, "lat": 52.0, "lon": 60.0,
                        "regime": 0.1, "ideal_point": -2.0}]
    rel = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}, {"pair": [sup, GRT], "hostility": 0.9, "rivalry": True},
           {"pair": [sup, RIV], "hostility": 0.9, "rivalry": True}]
    forms = {}
    for s in (0.0, 1.0):
        forms[s] = []
        for seed in range(10):
            w, _ = tiny_world(actors=actors, relations=rel, consider_rate=1.0, pledge_credibility_weight=s)
            alignment(w, np.random.default_rng(seed))
            forms[s] += [d["factors"]["form"] for _, c, c2, d in events(w, "formation") if {c, c2} == {GRT, RIV}]
    assert len(forms[0.0]) == 10
    fighting = {f for f, ob in th_ob.PACT_FORMS.items() if {"defense", "offense"} & set(ob)}
    assert not fighting & set(forms[1.0]), forms[1.0]
    assert {"defence", "offence"} <= fighting


def test_credible_goods_leave_a_rivals_bandwagoning_and_tethering_and_nothing_else_of_its_pledges_to_fight():
    """formation.credible_goods with the motives: between the rivals Great and Rival (credibility 0) the protection is the
    bandwagoning and tethering parts alone (allying with a threat: Walt 1987, Weitsman 1997) and the aggrandisement 0; between Great and Small A (no hostility, credibility 1) both are whole;
    without the motives, or with credible_fighting_pledges 0, nothing moves (the reassurance discount is the same)."""
    import numpy as np

    from foedus.sim.steps.formation import credible_goods, pledge_credibility

    world, _ = tiny_world()
    g, r, a = world.index_of(GRT), world.index_of(RIV), world.index_of(SMA)
    assert pledge_credibility(world)[g, r] == 0.0 and pledge_credibility(world)[g, a] == 1.0
    rng = np.random.default_rng(1)
    u = rng.random((4, world.n, world.n))
    goods = rng.random((5, world.n, world.n))
    goods[0] = u.sum(axis=0)
    out = credible_goods(world, goods.copy(), u)
    assert np.isclose(out[0, g, r], u[2, g, r] + u[3, g, r]) and out[4, g, r] == 0.0
    assert out[0, g, a] == goods[0, g, a] and out[4, g, a] == goods[4, g, a]
    plain = credible_goods(world, goods.copy())
    off, _ = tiny_world(credible_fighting_pledges=0.0)
    for other in (plain, credible_goods(off, goods.copy(), u)):
        assert np.array_equal(other[[0, 4]], goods[[0, 4]]) and np.array_equal(other[1], out[1])


def test_a_regional_power_counts_no_concessions_from_a_partner_where_it_has_no_interests():
    """theory.exchange.concession_interest in the step (formation.concession_reach; Morrow 1991, Lemke & Reed 2001): Small B made
    a regional power (not major, capability 0.2) gains Small A's concessions when the two are neighbours, and none when they
    are not (its autonomy change falls to what it keeps without them; Small A's side, which pays, is unchanged); the great
    powers, whose interests are everywhere, count them in both worlds."""
    from .conftest import ACTORS

    actors = [dict(x, cinc=0.2) if x["ccode"] == SMB else x for x in ACTORS]
    kw = dict(actors=actors, concession_reach_threshold=0.0, local_balance_threshold=0.0)
    rel = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}]
    near, _ = tiny_world(relations=rel + [{"pair": [SMA, SMB], "contiguous": True}], **kw)
    far, _ = tiny_world(relations=rel, **kw)
    a, b, g = far.index_of(SMA), far.index_of(SMB), far.index_of(GRT)
    from foedus.sim.steps.formation import concession_reach

    assert concession_reach(near)[b, a] == 1.0 and concession_reach(far)[b, a] == 0.0
    assert (concession_reach(far)[g] == 1.0).all()
    auto_near, auto_far = ExchangeTerms(near).autonomy, ExchangeTerms(far).autonomy
    assert auto_near[b, a] > 0 > auto_far[b, a]
    assert auto_far[a, b] == auto_near[a, b] and auto_far[g, a] == auto_near[g, a]


def test_credible_goods_share_the_reassurance_of_mutual_pledges_between_the_two_sides():
    """pair_value.shared_reassurance in formation.credible_goods (theory.alignment.shared_pledge_value; Nash 1950, Morrow
    1991): each side of a pair is paid the share reassurance_transfer_share of what the other gains from its non-aggression
    pledge, in proportion to the other's capability share of the pair (what it can give), after the credibility discount (Kydd 2005), where it can use the other's concessions (formation.concession_reach:
    its sphere and interests); the joint gain is kept; at 0 each keeps its own; the other goods never move."""
    import numpy as np

    from foedus.sim.steps.formation import concession_reach, credible_goods, pledge_credibility

    rng = np.random.default_rng(2)
    world, _ = tiny_world(reassurance_transfer_share=0.25, spiral_relief_weight=0.0)  # the transfer alone (nap15: spiral relief apart)
    goods = rng.random((5, world.n, world.n))
    off, _ = tiny_world(reassurance_transfer_share=0.0, spiral_relief_weight=0.0)
    own = credible_goods(off, goods.copy())
    shared = credible_goods(world, goods.copy())
    assert np.array_equal(own[1], goods[1] * pledge_credibility(off))
    k = world.inputs.params.reassurance_transfer_share
    from foedus.theory.consent import pair_burden_shares

    usable = concession_reach(world) * pair_burden_shares(world.state.power).T  # in proportion to what the payer can give
    paid = k * usable * own[1].T
    np.testing.assert_allclose(shared[1], own[1] + paid - paid.T, rtol=1e-12)
    np.testing.assert_allclose(shared[1] + shared[1].T, own[1] + own[1].T, rtol=1e-12)
    assert k > 0 and usable.any() and not np.allclose(shared[1], own[1])
    assert np.array_equal(np.delete(shared, 1, axis=0), np.delete(own, 1, axis=0))
