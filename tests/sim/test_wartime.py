"""Pacts made for a war (foedus.sim.steps.wartime; closing note 7, item 9; issue 17 item 4; issue 12's 1816-1914 facts).

A small world where a war has just begun (state 0 attacks state 1), every other state able to take part
(contiguous to both): the step signs pacts with the chance :func:`foedus.theory.wartime.signing_probability` of the
war's stakes (Bueno de Mesquita 1981), the partner fights, and the pact ends, its purpose fulfilled, in the first
year none of its members fights the enemy any more (Leeds & Savun 2007). Mechanism claims one-sided at alpha 0.01.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.sim import Simulation
from foedus.sim.steps.wartime import _projected, wartime_pacts
from foedus.testing import synthetic_scenario
from foedus.theory import war as th_war
from foedus.theory import wartime as th_wt

ALPHA = 0.01
ATT, TGT = 0, 1


def _war_world(seed: int, **parameters):
    """A 6-state world with no pact, every pair contiguous, in which 0 has just attacked 1 (hostility 0.9 between them), in 1900.

    Before the Charter: a coalition for the war is written as a pact (under it the partners combine without one,
    :func:`test_under_the_charter_the_partner_fights_without_a_treaty`; until join12 the world kept the synthetic scenario's
    year, after 1945).
    """
    sc = synthetic_scenario(6, seed=seed, years=5, alliances=0, **parameters)
    sim = Simulation(sc, rng=seed)
    w = sim.world
    w.state.year = 1900
    w.inputs.contiguous[:] = True
    np.fill_diagonal(w.inputs.contiguous, False)
    w.state.hostility[:] = 0.0
    w.state.hostility[ATT, TGT] = w.state.hostility[TGT, ATT] = 0.9
    w.state.at_war[:] = False
    w.state.at_war[ATT, TGT] = w.state.at_war[TGT, ATT] = True
    w.state.wars = [{"start": w.state.year, "attacker": ATT, "target": TGT, "side": {ATT: 1, TGT: 2}, "pending": []}]
    return sim


def _signed(sim) -> dict[int, tuple[int, str]]:
    """{partner index: (belligerent index, obligation)} of the pacts made for the war."""
    ag = sim.world.state.agreements
    out = {}
    for s in np.flatnonzero(ag.active[: ag.n] & (ag.war_enemy[: ag.n] >= 0)):
        m = np.flatnonzero(ag.members[s])
        ob = ["defense", "offense", "neutrality", "nonaggression"][int(np.flatnonzero(ag.obligations[s, :4])[0])]
        b = ATT if ATT in m else TGT
        out[int(m[m != b][0])] = (b, ob)
    return out


def test_a_state_sharing_the_enemy_signs_with_the_stakes_and_fights():
    """State 2 shares the target's enemy (hostile to the attacker), state 3 has no quarrel: over 60 seeds 2 signs a
    defence pact with the target more often than 3 (which never does: no common adversary), one-sided Fisher at 1 %; the
    signing rate matches signing_probability of coalition_gain (two-sided binomial, not rejected); the partner is at war
    with the attacker on the target's side."""
    signed = {2: 0, 3: 0}
    probs = []
    for seed in range(60):
        sim = _war_world(seed, wartime_pact_rate=20.0, wartime_neutrality_rate=0.0)
        w = sim.world
        w.state.hostility[2, ATT] = w.state.hostility[ATT, 2] = 0.8
        w.state.rivalry[2, ATT] = w.state.rivalry[ATT, 2] = True  # its strategic rival: a common adversary
        w.state.cinc[:] = 0.1  # equal strength: alone at even odds, together 2/3 (when the partner reaches the enemy)
        wartime_pacts(w, sim.rng)
        s = _signed(sim)
        for j in (2, 3):
            signed[j] += j in s
        if 2 in s:
            assert s[2] == (TGT, "defense")
            assert w.state.at_war[2, ATT] and w.state.wars[0]["side"][2] == 2
        assert 3 not in s
        own, part = _projected(w, np.array([TGT]), ATT), _projected(w, np.array([2]), ATT)
        probs.append(float(th_wt.signing_probability(th_wt.coalition_gain(own, w.state.cinc[[ATT]], part, [0.9], [0.8]), 20.0)[0]))
    table = [[signed[2], 60 - signed[2]], [signed[3], 60 - signed[3]]]
    assert stats.fisher_exact(table, alternative="greater").pvalue < ALPHA, signed
    assert stats.binomtest(signed[2], 60, float(np.mean(probs))).pvalue > ALPHA, (signed, np.mean(probs))


def test_a_coalition_is_made_against_a_common_adversary_not_a_lingering_grudge():
    """Snyder (1997), Thompson (2001): states 2 and 3 are equally hostile to the attacker (0.8), but only 2 is its strategic
    rival; 3's hostility is a grudge left over (a rivalry ended, old disputes: Austria-Hungary towards the Ottoman Empire in
    1913, face15). Over 60 seeds 2 signs with the target in some (one-sided Fisher at 1 % against 3), 3 never does."""
    signed = {2: 0, 3: 0}
    for seed in range(60):
        sim = _war_world(seed, wartime_pact_rate=20.0, wartime_neutrality_rate=0.0)
        w = sim.world
        w.state.rivalry[:] = False
        for j in (2, 3):
            w.state.hostility[j, ATT] = w.state.hostility[ATT, j] = 0.8
        w.state.rivalry[2, ATT] = w.state.rivalry[ATT, 2] = True
        w.state.cinc[:] = 0.1
        wartime_pacts(w, sim.rng)
        s = _signed(sim)
        for j in signed:
            signed[j] += j in s
    assert signed[3] == 0, signed
    assert stats.fisher_exact([[signed[2], 60 - signed[2]], [signed[3], 60]], alternative="greater").pvalue < ALPHA, signed


def test_the_attacker_obtains_neutrality_from_bystanders_leaning_to_its_enemy():
    """Bueno de Mesquita's (1981) weighting of a third party by its preference between the two sides: bystander 2, estranged
    from the attacker (H 0.5) and not from the target, pledges neutrality to a stronger attacker; bystander 3, indifferent
    between the two (the uninvolved great power), never does, nor does 4, wholly hostile to the attacker (no consent,
    1 - H); one-sided Fisher at 1 % over 60 seeds."""
    got = {2: 0, 3: 0, 4: 0}
    for seed in range(60):
        sim = _war_world(seed, wartime_pact_rate=0.0, wartime_neutrality_rate=50.0)
        w = sim.world
        w.state.year = w.state.wars[0]["start"] = 1900  # before the Charter: a pledge of neutrality (after it: non-aggression)
        w.state.cinc[:] = 0.1
        w.state.cinc[ATT] = 0.25  # odds 5/7 alone; a bystander on the target's side cuts them
        w.state.hostility[2, ATT] = w.state.hostility[ATT, 2] = 0.5  # 2 leans to the target: it might defend it
        w.state.hostility[4, ATT] = w.state.hostility[ATT, 4] = 1.0  # 4 would never promise the attacker anything
        wartime_pacts(w, sim.rng)
        s = _signed(sim)
        for j in got:
            got[j] += j in s
        assert all(v == (ATT, "neutrality") for v in s.values())
        assert not w.state.at_war[2:, :].any() and not w.state.at_war[:, 2:].any(), "a neutrality pledge brings nobody into the war"
    assert got[3] == 0 and got[4] == 0, got
    assert stats.fisher_exact([[got[2], 60 - got[2]], [got[3], 60 - got[3]]], alternative="greater").pvalue < ALPHA, got


@pytest.mark.parametrize("year, form", [(1866, "offense"), (1936, "offense")])
def test_the_attackers_coalition_is_an_offence_pact_before_the_charter(year, form):
    """The attacker's partner signs an offence pact before the Charter (under it no pact at all: art. 51, ICJ 1986;
    :func:`test_under_the_charter_the_partner_fights_without_a_treaty`); until join12 a defence pact after it (ATOP 5.1: no
    wartime pact begun 1946-2018 is coded offence, and none of the 7 of 1946-1989 brought a state into a war in its year)."""
    seen = set()
    for seed in range(30):
        sim = _war_world(seed, wartime_pact_rate=200.0, wartime_neutrality_rate=0.0, offence_abrogation_strength=0.0)
        w = sim.world
        w.state.year = year
        w.state.wars[0]["start"] = year
        w.state.cinc[:] = 0.1
        w.state.hostility[2, TGT] = w.state.hostility[TGT, 2] = 0.8  # 2 shares the attacker's enemy
        w.state.rivalry[2, TGT] = w.state.rivalry[TGT, 2] = True
        wartime_pacts(w, sim.rng)
        s = _signed(sim)
        if 2 in s:
            seen.add(s[2])
            assert w.state.at_war[2, TGT], "the partner fights with the attacker whatever the form of the pact"
    assert seen == {(ATT, form)}, seen


@pytest.mark.parametrize("year, form", [(1870, "neutrality"), (1936, "neutrality"), (1950, "nonaggression"), (2003, "nonaggression")])
def test_a_bystanders_promise_to_stay_out_is_written_as_non_aggression_under_the_charter(year, form):
    """Neutrality before the Charter, non-aggression after it (art. 2(5), 25, 103; ATOP 5.1: no wartime neutrality pact after 1945)."""
    seen = set()
    for seed in range(30):
        sim = _war_world(seed, wartime_pact_rate=0.0, wartime_neutrality_rate=500.0, offence_abrogation_strength=0.0, conquest_norm_strength=0.0)
        w = sim.world
        w.state.year = year
        w.state.wars[0]["start"] = year
        w.state.cinc[:] = 0.1
        w.state.cinc[ATT] = 0.25
        w.state.hostility[2, ATT] = w.state.hostility[ATT, 2] = 0.5
        wartime_pacts(w, sim.rng)
        seen |= set(_signed(sim).values())
    assert seen == {(ATT, form)}, seen


def test_a_pact_made_for_a_war_ends_fulfilled_when_the_war_is_over():
    for seed in range(10):
        # no cost of fighting: partner 2 adds 0.06 to the stronger attacker's odds, worth 0.05 to it, below the default cost
        sim = _war_world(seed, wartime_pact_rate=200.0, wartime_neutrality_rate=200.0, wartime_entry_cost=0.0)
        w = sim.world
        w.state.cinc[:] = 0.1
        w.state.cinc[ATT] = 0.25
        w.state.hostility[2, TGT] = w.state.hostility[TGT, 2] = 0.8  # 2 shares the attacker's enemy
        w.state.rivalry[2, TGT] = w.state.rivalry[TGT, 2] = True
        wartime_pacts(w, sim.rng)
        ag = w.state.agreements
        made = np.flatnonzero(ag.active[: ag.n] & (ag.war_enemy[: ag.n] >= 0))
        if not len(made):
            continue
        assert np.isneginf(ag.term_end[made]).all() and ag.wartime[made].all() and (ag.target[made] == ag.war_enemy[made]).all()
        # written against the enemy only (ATOP defcoadv, offcoadv): no call against another attacker
        assert (ag.adversary[made] == ag.war_enemy[made]).all()
        adv = np.stack([ag.adversary[made], ag.adversary_second[made]], axis=1)
        other = next(k for k in range(w.n) if k not in (ATT, TGT, *ag.war_enemy[made].tolist()))
        for defence in (True, False):
            assert th_war.conditions_met(ag.war_conditions[made], adv, int(ag.war_enemy[made][0]), defence=defence)[ag.war_enemy[made] == ag.war_enemy[made][0]].all()
            assert not th_war.conditions_met(ag.war_conditions[made], adv, other, defence=defence).any()
        # next year, the war goes on: nothing ends
        w.state.year += 1
        w.state.wars[0]["start"] = w.state.year - 1
        wartime_pacts(w, sim.rng)
        assert ag.active[made].all()
        # the war ends: every pact made for it ends this year, "fulfilled"
        w.state.year += 1
        w.state.at_war[:] = False
        wartime_pacts(w, sim.rng)
        assert not ag.active[made].any() and (ag.end_year[made] == w.state.year).all()
        ev = sim.events()
        ends = ev[(ev.kind == "dissolution") & ev.agreement_id.isin(ag.agreement_id[made])]
        assert len(ends) == len(made) and ends.detail.str.contains('"cause": ?"fulfilled"', regex=True).all()
        return
    raise AssertionError("no pact was made in ten seeds")


def test_a_partner_signs_only_where_its_own_expected_utility_of_entering_exceeds_the_cost_of_fighting():
    """Altfeld & Bueno de Mesquita (1979), Bueno de Mesquita & Lalman (1992): the partner's side of the bargain. State 2 shares the
    target's enemy (hostility 0.8 to the attacker, none to the target): with the cost of fighting just above its expected utility of
    entering (foedus.theory.wartime.entry_value) it never signs in 40 seeds; just below, it signs in some (one-sided Fisher at 1 %),
    and its formation names the value and the cost."""
    n = 40
    signed = {"above": 0, "below": 0}
    for seed in range(n):
        for where, scale in (("above", 1.001), ("below", 0.999)):
            sim = _war_world(seed, wartime_pact_rate=20.0, wartime_neutrality_rate=0.0)
            w = sim.world
            w.state.hostility[2, ATT] = w.state.hostility[ATT, 2] = 0.8
            w.state.rivalry[2, ATT] = w.state.rivalry[ATT, 2] = True
            w.state.cinc[:] = 0.1
            own, part = _projected(w, np.array([TGT]), ATT), _projected(w, np.array([2]), ATT)
            value = float(th_wt.entry_value(own, w.state.cinc[[ATT]], part, [0.8], 0.0)[0])
            w.inputs.params = w.inputs.params.model_copy(update={"wartime_entry_cost": value * scale})
            wartime_pacts(w, sim.rng)
            s = _signed(sim)
            signed[where] += 2 in s
            if 2 in s:
                f = [e for e in w.log.events_table().itertuples() if e.kind == "formation"]
                assert f and "partner_entry_value" in f[-1].detail and "partner_entry_cost" in f[-1].detail
    assert signed["above"] == 0
    assert stats.fisher_exact([[signed["below"], n - signed["below"]], [signed["above"], n]], alternative="greater").pvalue < ALPHA, signed


@pytest.mark.parametrize("year", [1950, 2003])
@pytest.mark.parametrize("side", [1, 2])
def test_under_the_charter_the_partner_fights_without_a_treaty(year, side):
    """Under the Charter states that combine at a war's outset fight together without a treaty (collective self-defence at the
    victim's request, art. 51; ICJ, Nicaragua v. United States, 1986; foedus.theory.joining.coalition_treaty): over 30 seeds
    state 2, sharing one side's enemy, enters the war on that side in some runs (the same decision as before the Charter),
    never through a pact, and its war_entry event says so (route "wartime coalition", obligation none, treaty False)."""
    b, e = (ATT, TGT) if side == 1 else (TGT, ATT)
    entered = 0
    for seed in range(30):
        sim = _war_world(seed, wartime_pact_rate=200.0, wartime_neutrality_rate=0.0, offence_abrogation_strength=0.0)
        w = sim.world
        w.state.year = w.state.wars[0]["start"] = year
        w.state.cinc[:] = 0.1
        w.state.hostility[2, e] = w.state.hostility[e, 2] = 0.8  # 2 shares b's enemy
        w.state.rivalry[2, e] = w.state.rivalry[e, 2] = True
        wartime_pacts(w, sim.rng)
        assert not _signed(sim), "no pact is made for the war under the Charter"
        if w.state.at_war[2, e]:
            entered += 1
            assert w.state.wars[0]["side"][2] == side
            ev = sim.events()
            d = ev[(ev["kind"] == "war_entry") & (ev["ccode"] == w.inputs.ccode[2])]["detail"].iloc[0]
            d = d if isinstance(d, dict) else __import__("json").loads(d)
            assert d["route"] == "wartime coalition" and d["factors"]["obligation"] == "none" and d["factors"]["treaty"] is False
    assert entered >= 5, entered


@pytest.mark.parametrize("rivals", [False, True])
def test_the_partners_of_one_outset_write_one_coalition_treaty_unless_rivals(rivals):
    """States 2 and 3 both share the target's enemy and sign with it (rate high): they write one treaty of the three
    (the Crimean coalition, 1854: foedus.theory.obligations.coalition_treaty_groups), made for the war and ended with it;
    where 2 and 3 are strategic rivals each signs its own bilateral treaty (Britain's with France and with Prussia, 1870)."""
    seen = 0
    for seed in range(20):
        sim = _war_world(seed, wartime_pact_rate=200.0, wartime_neutrality_rate=0.0)
        w = sim.world
        w.state.cinc[:] = 0.1
        for j in (2, 3):
            w.state.hostility[j, ATT] = w.state.hostility[ATT, j] = 0.8
            w.state.rivalry[j, ATT] = w.state.rivalry[ATT, j] = True
        w.state.rivalry[2, 3] = w.state.rivalry[3, 2] = rivals
        wartime_pacts(w, sim.rng)
        ag = w.state.agreements
        made = np.flatnonzero(ag.active[: ag.n] & (ag.war_enemy[: ag.n] == ATT))
        members = sorted(tuple(np.flatnonzero(ag.members[s]).tolist()) for s in made)
        if members == ([(1, 2), (1, 3)] if rivals else [(1, 2, 3)]):
            seen += 1
        else:  # one partner alone signed (the other's draw failed): a bilateral treaty
            assert len(made) <= 1 and all(len(m) == 2 for m in members), members
        assert np.isneginf(ag.term_end[made]).all() and ag.wartime[made].all()
    assert seen >= 10, seen



def test_a_great_power_keeps_out_of_a_war_between_two_minor_states():
    """Localisation (Schroeder 1994; COW: no great power entered a war begun between minor states in 1816-1914): the target's
    enemy's rivals 2 (a minor state) and 3 (a great power) share its enemy; while both belligerents are minor only 2 signs
    (over 40 seeds 3 never does, 2 in some); where the attacker is a great power, 3 signs too in some."""
    signed = {"minor war": {2: 0, 3: 0}, "great attacker": {2: 0, 3: 0}}
    for seed in range(40):
        for case in signed:
            sim = _war_world(seed, wartime_pact_rate=20.0, wartime_neutrality_rate=0.0, wartime_entry_cost=0.0)
            w = sim.world
            w.state.major[:] = False
            w.state.major[3] = True
            w.state.major[ATT] = case == "great attacker"
            w.state.rivalry[:] = False
            for j in (2, 3):
                w.state.hostility[j, ATT] = w.state.hostility[ATT, j] = 0.8
                w.state.rivalry[j, ATT] = w.state.rivalry[ATT, j] = True
            w.state.cinc[:] = 0.1  # equal strength: alone at even odds, with a partner 2/3
            wartime_pacts(w, sim.rng)
            s = _signed(sim)
            for j in (2, 3):
                signed[case][j] += j in s
    assert signed["minor war"][3] == 0 and signed["minor war"][2] > 0, signed
    assert signed["great attacker"][3] > 0, signed
