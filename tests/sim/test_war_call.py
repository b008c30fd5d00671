"""Face validity of the call to arms (issue 12, item 3; issue 17, item 1).

- No state ever enters a war through a pact that gives it no defence or offence obligation
  toward the side it joins: every pair that is newly at war in a year is either the two parties
  of a war that began that year, or an ally that honoured a call through a pact that binds it by
  a defence obligation to the attacked side, or by an offence obligation to the attacker (at once,
  or a year late by a ``war_entry`` of route ``alliance`` through such a pact), or an opportunist
  (``war_entry`` of route ``opportunistic``): a strategic rival of the state it fights, bound to
  it by no security agreement, and through no pact at all; or a warring alliance partner
  (``war_entry`` of route ``warring ally``, Siverson & Starr 1990): through a defence or offence
  pact with a belligerent of the side it joins, not with the state it fights.
- The share of called defence allies that honour, pooled over seeds, is near the three quarters
  Leeds, Long & Mitchell (2000) report (within the validation's ± 0.15 for shares).
"""

from __future__ import annotations

import functools
import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from foedus.schema import OBLIGATIONS
from foedus.sim import Scenario, Simulation
from foedus.sim.build import scenario_from_record
from foedus.sim.steps._common import COALITION
from foedus.testing import with_updates

ALPHA = 0.01
DEF, OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")
LEEDS_HONOURED = 0.75
"""Leeds, Long & Mitchell (2000): about three quarters of commitments honoured when the casus foederis arises (1816-1944)."""
CHARTER_HONOURED = 0.22
"""Berkemeier & Fuhrmann (2018): 22 % of commitments honoured from 1945 (66 % before), Leeds et al.'s coding extended to 2003."""
SHARE_TOLERANCE = 0.15
"""The validation's tolerance for shares (issue 12)."""


@functools.cache
def _record_1950() -> Scenario:
    """The record's 1950 world (40 strongest states) with disputes and wars made frequent enough to test calls."""
    sc = scenario_from_record(1950, top_n=40, years=12)
    return with_updates(sc, parameters={"dispute_rate": 0.3, "war_share": 0.5})


def _world_2022() -> Scenario:
    return Scenario.builtin("world-2022")


def _entries_explained(sim: Simulation, years: int) -> tuple[int, int, list[tuple[int, bool]]]:
    """Step ``sim`` and check every new war pair; return (new pairs, explained pairs, (defence call, honoured) of every call)."""
    w = sim.world
    new_pairs = explained = 0
    calls: list[tuple[int, bool]] = []
    for _ in range(years):
        before = w.state.at_war.copy()
        rival_before, allied_before = w.state.rivalry.copy(), w.state.agreements.allied().copy()
        year = w.state.year
        sim.step()
        ev = sim.events()
        ev = ev[ev["year"] == year]
        ag = w.state.agreements
        slot_of = {int(a): s for s, a in enumerate(ag.agreement_id[: ag.n])}
        ok = set()
        for c1, c2 in zip(ev.loc[ev.kind == "war", "ccode"], ev.loc[ev.kind == "war", "ccode2"]):
            ok.add(frozenset((int(c1), int(c2))))
        com = ev[ev.kind == "commitment"]
        for aid, ally, enemy, d in zip(com.agreement_id, com.ccode, com.ccode2, com.detail):
            d = json.loads(d)
            s = slot_of[int(aid)]
            side = d["ally_of"]
            assert d["obligation"] in ("defense", "offense")
            assert ag.obligations[s, DEF if d["obligation"] == "defense" else OFF], f"{ally} called through agreement {aid} ({ag.names[s]}) without a {d['obligation']} obligation"
            if ag.active[s] or ag.end_year[s] != year:  # (a pact made for a war may end, fulfilled, after the call in the same year: its members are cleared)
                assert ag.members[s, w.index_of(int(ally))] and ag.members[s, w.index_of(side)], "the pact must bind the ally to the side it joins"
            else:
                assert ag.war_enemy[s] >= 0 and ((ev.kind == "dissolution") & (ev.agreement_id == aid)).any(), f"agreement {aid} ended without a dissolution"
            if ag.members[s, w.index_of(int(enemy))]:  # a pact of both belligerents calls only to defend the attacked member, and says so
                assert d["factors"]["against_a_member"] and d["obligation"] == "defense" and d["side"] == 2, "a pact of both belligerents calls nobody but against the attacker"
            else:
                assert not d["factors"]["against_a_member"]
            assert (d["factors"]["obligation"], d["factors"]["agreement"]) == (d["obligation"], int(aid)), "the factors name the obligation that calls"
            calls.append((d["obligation"] == "defense", bool(d["honoured"])))
            if d["honoured"] and d.get("enters", "now") == "now":
                ok.add(frozenset((int(ally), int(enemy))))
        entry = ev[ev.kind == "war_entry"]
        for aid, who, enemy, d in zip(entry.agreement_id, entry.ccode, entry.ccode2, entry.detail):
            d = json.loads(d)
            i, e = w.index_of(int(who)), w.index_of(int(enemy))
            if d["route"] in ("alliance", "warring ally"):  # a late ally, or an ally joining its partner uncalled: the pact binds it to the side it joins
                s = slot_of[int(aid)]
                assert ag.obligations[s, DEF] or ag.obligations[s, OFF], f"{who} entered through agreement {aid} without a defence or offence obligation"
                if ag.active[s] or ag.end_year[s] != year:  # (as for a call: a pact made for a war may end, fulfilled, later in the year)
                    assert ag.members[s, i] and ag.members[s, w.index_of(d["side_of"])] and (d["factors"]["against_a_member"] or not ag.members[s, e])
                else:
                    assert ag.war_enemy[s] >= 0 and ((ev.kind == "dissolution") & (ev.agreement_id == aid)).any(), f"agreement {aid} ended without a dissolution"
                ob = d["factors"]["obligation"]
                assert ag.obligations[s, DEF if ob == "defense" else OFF] and d["factors"]["agreement"] == int(aid), "the factors name the obligation that brought it in"
            elif d["route"] == "collective security":  # a member of the coalition mandated against the attacker (UN Charter, ch. VII)
                s = slot_of[int(aid)]
                assert ag.kind[s] == COALITION and ag.members[s, i] and d["factors"]["obligation"] == "none", d
                c = int(ag.crisis[s])
                assert w.state.crises.aggressor[c] == e and w.state.year > 1945, "a mandated coalition fights the aggressor it was formed against, under the Charter"
            elif d["route"] == "wartime pact":  # a pact made for the war this year (crisis8): it binds the entrant to the side it joins
                slots = np.flatnonzero(ag.active[: ag.n] & (ag.war_enemy[: ag.n] == e) & ag.members[: ag.n, i] & ag.members[: ag.n, w.index_of(d["side_of"])])
                ob = d["factors"]["obligation"]
                assert len(slots) and ag.obligations[slots, DEF if ob == "defense" else OFF].any(), f"{who} entered through no {ob} pact made for the war"
            elif d["route"] == "wartime coalition":  # under the Charter a coalition for the war is fought without a treaty (join12)
                assert (pd.isna(aid) or int(aid) == -1) and w.state.year >= 1945, d
                f = d["factors"]
                assert f["obligation"] == "none" and f["treaty"] is False and f["under_the_charter"] is True, d
                assert f["partner_entry_value"] > 0, "a coalition partner enters only where entering is worth its while"
            else:  # the labelled route without a pact: a rival of the enemy it fights, bound to no pact with it
                assert d["route"] == "opportunistic" and pd.isna(aid) or int(aid) == -1, d
                assert d["factors"]["obligation"] == "none", "an opportunist enters through no obligation, and says so"
                # (the rivalry step after the conflict step may end the rivalry, and alliances form and end during the year)
                assert rival_before[i, e] and not (allied_before[i, e] and w.state.agreements.allied()[i, e]), f"opportunist {who} is no unallied rival of {enemy}"
            ok.add(frozenset((int(who), int(enemy))))
        i, j = np.nonzero(w.state.at_war & ~before)
        for a, b in zip(i[i < j], j[i < j]):
            new_pairs += 1
            explained += frozenset((int(w.inputs.ccode[a]), int(w.inputs.ccode[b]))) in ok
    return new_pairs, explained, calls


@pytest.mark.parametrize("make, seeds, years", [(_world_2022, 12, 10), (_record_1950, 8, 12)], ids=["world-2022", "record-1950"])
def test_no_state_enters_a_war_through_a_pact_without_a_defence_or_offence_obligation(make, seeds, years):
    total = explained = 0
    for seed in range(seeds):
        n, e, _ = _entries_explained(Simulation(make(), rng=seed), years)
        total += n
        explained += e
    assert total > 0, "the test needs wars"
    assert explained == total, f"{total - explained} of {total} new war pairs entered without a war or an honoured defence/offence call"


def test_the_2022_invasion_calls_nobody_through_ukraines_non_defence_pacts():
    """Ukraine has no defence pact in world-2022: the invasion brings no third state into its war with Russia in its year
    (a war does not end in the year it began).

    Only the invasion's participants are counted: the onset hazard may begin other wars of Russia's that year (e.g. with
    Austria, whose EU partners' defence clause calls them in); those wars are theirs, not the invasion's. Every state at
    war with Russia must still be an enemy of Russia in some registered war, so none slips in unaccounted.
    """
    for seed in range(10):
        sim = Simulation(_world_2022(), rng=seed)
        sim.step()
        w = sim.world
        ev = sim.events()
        ru, ua = w.index_of(365), w.index_of(369)
        invasion = [v for v in w.state.wars if v["start"] == 2022 and v["attacker"] == ru and v["target"] == ua]
        assert len(invasion) == 1, f"seed {seed}: the invasion is not registered as a war"
        sides = {int(w.inputs.ccode[k]): v for k, v in invasion[0]["side"].items()}
        assert sides == {365: 1, 369: 2}, f"seed {seed}: in the invasion: {sides}"
        assert not invasion[0]["pending"], f"seed {seed}: allies to enter the invasion a year late: {invasion[0]['pending']}"
        called = ev[ev.kind.isin(["commitment", "war_entry"])]
        called = [d for d in called.detail.map(json.loads) if d.get("war") == [2022, 365, 369]]
        assert not called, f"seed {seed}: calls to or entries into the invasion: {called}"
        # every state at war with Russia is its enemy in some registered war (the invasion or one of its own)
        enemies = {int(w.inputs.ccode[k]) for v in w.state.wars if ru in v["side"] for k, s in v["side"].items() if s != v["side"][ru]}
        at_war = set(w.inputs.ccode[w.state.at_war[ru]].tolist())
        assert 369 in at_war and at_war <= enemies, f"seed {seed}: at war with Russia outside any war of its: {sorted(at_war - enemies)}"


def test_the_share_of_called_defence_allies_that_honour_is_near_the_record():
    """Pooled over seeds of the record's 1950 world, within ± 0.15 of Berkemeier & Fuhrmann's 22 % for 1945-2003 (one-sided
    binomial tests at 1 %; foedus.theory.war.honour_base_rate, honour_base_rate_charter).

    Until 2026-12 (join12) the test held the 1950 world to Leeds, Long & Mitchell's three quarters, a share they measured on
    1816-1944: the model now honours by era, and the expectation moved with it deliberately. 48 seeds: since the casus
    foederis arises by reach, the called allies are the near ones, whose trade with the enemy is larger; 48 seeds gave 417
    of 619 (0.67) at the former intercept.
    """
    calls: list[tuple[int, bool]] = []
    for seed in range(48):
        calls += _entries_explained(Simulation(_record_1950(), rng=seed), 12)[2]
    honoured = [h for d, h in calls if d]
    k, n = sum(honoured), len(honoured)
    assert n >= 100
    assert stats.binomtest(k, n, CHARTER_HONOURED - SHARE_TOLERANCE, alternative="greater").pvalue < ALPHA, (k, n)
    assert stats.binomtest(k, n, CHARTER_HONOURED + SHARE_TOLERANCE, alternative="less").pvalue < ALPHA, (k, n)


def test_the_2022_invasion_drags_no_one_in_over_ten_years():
    """Issue 17: the invasion dragged about 17 states (India in 9 of 10 runs) into war with Russia. Over ten years of
    ten runs, the only third states in that war are rivals of Russia entering as labelled opportunists (Ukraine has no
    defence pact): never India, never more than two in a run."""
    from foedus.analysis.war_allies import participants_from_events

    sc = _world_2022()
    for seed in range(10):
        sim = Simulation(sc, rng=seed)
        w = sim.world
        rivals = set(w.inputs.ccode[w.state.rivalry[w.index_of(365)]].tolist())
        ev = sim.run(10).history().events
        p = participants_from_events(ev)
        war = p[(p["war_start"] == 2022) & p["original"]].groupby("war")["ccode"].agg(set)
        (key,) = [k for k, s in war.items() if s == {365, 369}]
        third = set(p.loc[p["war"] == key, "ccode"]) - {365, 369}
        assert 750 not in third and len(third) <= 2 and third <= rivals, f"seed {seed}: {sorted(third)}"


@functools.cache
def _record_1930() -> Scenario:
    """The record's 1930 world, every system member: the interwar treaties with their written conditions (ATOP 5.1)."""
    return scenario_from_record(1930, top_n=None, years=2)


def _called(world, attacker: int, target: int) -> set[int]:
    """COW codes of the states a war of ``attacker`` on ``target`` calls (honoured or not, in reach or not)."""
    from foedus.sim.steps.conflict import call_allies

    far = call_allies(world, np.random.default_rng(0), np.array([world.index_of(attacker)]), np.array([world.index_of(target)]))[0]
    ev = world.log.events_table()
    return set(far) | {int(c) for c in ev.loc[ev["kind"] == "commitment", "ccode"]}


def test_a_treaty_written_against_a_named_adversary_calls_its_members_only_against_it():
    """Leeds, Long & Mitchell (2000): an obligation is judged against the conditions the treaty writes (ATOP defcoadv).

    The Czechoslovak-Romanian treaty of 1921 (ATOP 2080) promised defence against Hungary, the Franco-Czechoslovak
    treaty of 1925 (ATOP 2140) against Germany: a Hungarian attack on Czechoslovakia calls Romania, not France; a German
    one calls France, not Romania.
    """
    sc = _record_1930()
    assert {a.id: a.targets for a in sc.agreements if a.id in (2080, 2140)} == {2080: [310], 2140: [255]}
    w = Simulation(sc, rng=1).world
    by_hungary = _called(w, 310, 315)
    w = Simulation(sc, rng=1).world
    by_germany = _called(w, 255, 315)
    assert 360 in by_hungary and 220 not in by_hungary
    assert 220 in by_germany and 360 not in by_germany
