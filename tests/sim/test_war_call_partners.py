"""The warring alliance partner (foedus.sim.steps.conflict._warring_partners; Siverson & Starr 1990, 1991; Snyder 1984).

An attacker's defence ally, whose pledge the attack does not call, may still join it (Leeds 2003; Gartzke & Gleditsch 2004;
1816-1914: 29 of an initiator's 118 defence allies fought beside it). It joins through its pact, labelled route ``warring
ally``, only against an adversary of its own (hostility: Snyder's shared adversary), and never after it was called and refused.
Runs the conflict step on the four-state world of ``tests/sim/steps/conftest.py``.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim.steps.conflict import call_allies, conflict_and_commitments

from .steps.conftest import ACTORS, GRT, RIV, SMA, SMB, alliance, events, tiny_world

ALPHA = 0.01
QUIET = {"dispute_rate": 0.0, "war_end_rate": 0.0, "war_onset_intercept": -30.0, "opportunistic_join_rate": 0.0}
UNRESTRAINED = {**QUIET, "nuclear_entry_restraint": 0.0, "war_onset_joint_major": 0.0}
"""GRT and RIV carry the COW codes of the USA and Russia, both nuclear-armed in 2000 and both great powers: the tests of the
warring ally route itself switch the nuclear restraint off (its own tests below) and the great powers' restraint
(foedus.theory.war_restraint, which reads the onset's major-major term; the onsets are off here anyway)."""


def _attack_by_the_protege(seed: int, rivals: bool, restraint: float = 0.0, aimed_at: int | None = None, obligations=("defense",)) -> tuple[object, list]:
    """SMA, GRT's ally (a defence pact unless ``obligations`` say otherwise), attacks RIV (GRT's rival or not); the entries of GRT
    in the war's first year. With ``aimed_at`` the pact names that state as its adversary (ATOP ``statthr1``), else it is
    measured in the run (its founding threat)."""
    relations = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}] if rivals else []
    pact = alliance("Pact", [GRT, SMA], obligations=list(obligations), **({"targets": [aimed_at]} if aimed_at is not None else {}))
    world, _ = tiny_world(relations=relations, agreements=[pact], warring_ally_join_rate=1.0, **{**UNRESTRAINED, "nuclear_entry_restraint": restraint})
    r, a = world.index_of(RIV), world.index_of(SMA)
    world.state.at_war[a, r] = world.state.at_war[r, a] = True
    call_allies(world, np.random.default_rng(seed), np.array([a]), np.array([r]))
    return world, [e for e in events(world, "war_entry") if e[1] == GRT]


def test_an_attackers_defence_ally_joins_it_at_its_own_reach_and_a_defence_pact_against_the_target_is_no_adversary():
    """GRT joins its protégé's attack on RIV, uncalled (a defence pact obliges only when the ally is attacked: Leeds, Long &
    Mitchell 2000; Leeds 2003), at its own reach to RIV, not relayed through SMA (theory.joining.attacker_ally_reach; Siverson &
    Starr 1991: the offensive is fought on the target's territory), and with its willingness (theory.joining.partner_willingness:
    its hostility to RIV, 0.6 as a rival, or its portfolio stake in SMA's side, Corbetta 2010). A defence pact written against
    RIV does not make RIV its adversary (the review of honour17: a defence pledge does not cover the partner's own attack, and
    an ally dragged into its partner's war on their common adversary is Snyder's 1984 entrapment; only an offence pact would,
    and SMA calls an offence ally). Over 40 seeds each: every entry's factors are the rule's (beside the attacker, own reach,
    shared adversary 0.6 or 0, no aimed pact, the probability rate * reach * (h + s - h s)), and the joins agree with that
    probability (two-sided binomial test at 1 %)."""
    from foedus.theory.war_onset import reach

    n = 40
    cases = {"rival": (True, SMB, 0.6), "stranger": (False, SMB, 0.0), "defence pact against RIV": (False, RIV, 0.0)}
    joined = dict.fromkeys(cases, 0)
    prob = {}
    for case, (rivals, aimed_at, h) in cases.items():
        for seed in range(n):
            world, got = _attack_by_the_protege(seed, rivals, aimed_at=aimed_at)
            assert not events(world, "commitment"), "an attack by the protégé calls none of its defence allies"
            g, r = world.index_of(GRT), world.index_of(RIV)
            own = float(reach(world.state.cinc[g], world.inputs.distance_km[g, r], miles_per_day=world.inputs.params.miles_per_day))
            if got:
                (aid, _, foe, e), = got
                joined[case] += 1
                assert world.state.at_war[g, r] and (foe, e["route"], e["side"], e["side_of"]) == (RIV, "warring ally", 1, SMA)
                f = e["factors"]
                assert (f["obligation"], f["agreement"], f["ally_of"], f["called"], f["beside_attacker"]) == ("defense", aid, SMA, False, True)
                assert aid == int(world.state.agreements.agreement_id[0])
                assert (f["shared_adversary"], f["reach"], f["pact_aimed_at_enemy"]) == (h, own, False)
                k = f["stake"]
                assert f["probability"] == own * (h + k - h * k)
                prob.setdefault(case, f["probability"])
                assert f["probability"] == prob[case]  # the same world every seed
    assert joined["rival"] and joined["stranger"], joined
    for case in cases:
        if case in prob:
            assert stats.binomtest(joined[case], n, prob[case]).pvalue > ALPHA, (case, joined, prob)


# Turkey, Iran and Portugal (COW codes 640, 630, 235) where they are, minor and without the bomb: the Turkey-Iran war of
# world-2022's runs (main 520c954, seed 1), which NATO's minor members joined
ATT, TGT, FAR = 640, 630, 235
AGGRESSION = [
    {"ccode": ATT, "abb": "ATT", "name": "Attacker", "cinc": 0.015, "gdp": 1e5, "milex": 5e3, "lat": 39.9, "lon": 32.9, "regime": 0.5, "ideal_point": 0.2},
    {"ccode": TGT, "abb": "TGT", "name": "Target", "cinc": 0.015, "gdp": 1e5, "milex": 5e3, "lat": 35.7, "lon": 51.4, "regime": 0.2, "ideal_point": -0.5},
    {"ccode": FAR, "abb": "FAR", "name": "Far ally", "cinc": 0.002, "gdp": 2e4, "milex": 5e2, "lat": 38.7, "lon": -9.1, "regime": 0.8, "ideal_point": 0.8},
]
ACTORS_ALL = [*ACTORS, *AGGRESSION]


def test_a_minor_state_beyond_reach_joins_an_allys_war_of_aggression_at_its_own_reach():
    """A minor state (FAR: Portugal's place, a capability share of 0.002) allied by a defence pact written against RIV to ATT
    (Turkey's place), which attacks TGT (Iran's), some 6,000 km from FAR. Its reach to the war is its own to TGT, below 0.1 and
    never more than the reach relayed through ATT (honour17; Siverson & Starr 1991: here the two are close, FAR being far from
    both; the relay mattered for ATT's near allies, Hungary and Slovakia at 0.5-0.7 in world-2022). Over 200 seeds each, without
    hostility to TGT and hostile to it (0.9): every entry's factors are the rule's and its joins agree with its own reach times
    its willingness (two-sided binomial test at 1 %). Known, not fixed: the portfolio stake its pact gives it still moves it
    (about 4 % a war-year here); zeroing it beside an attacker (honour17's first form) lost the 1816-1914 record of attackers'
    allies joining."""
    from foedus.theory.joining import (
        scott_pi,
        third_party_stake,
        warring_ally_join_probability,
    )
    from foedus.theory.war_onset import reach, reach_to_war

    n = 200
    joined = {0.9: 0, 0.0: 0}
    before, now = {}, {}
    for h in joined:
        for seed in range(n):
            relations = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}, {"pair": [FAR, TGT], "hostility": h, "rivalry": h > 0}]
            pact = alliance("Pact", [ATT, FAR], targets=[RIV])  # written against Russia (NATO's), not against TGT
            world, _ = tiny_world(actors=ACTORS_ALL, relations=relations, agreements=[pact], warring_ally_join_rate=1.0, **UNRESTRAINED)
            a, t, f = (world.index_of(c) for c in (ATT, TGT, FAR))
            world.state.at_war[a, t] = world.state.at_war[t, a] = True
            call_allies(world, np.random.default_rng(seed), np.array([a]), np.array([t]))
            if seed == 0:  # the reaches and the rule until 2026-12 (the same world every seed)
                mpd, c, d = world.inputs.params.miles_per_day, world.state.cinc, world.inputs.distance_km
                own = float(reach(c[f], d[f, t], miles_per_day=mpd))
                relay = float(reach_to_war(own, reach(c[f], d[f, a], miles_per_day=mpd), reach(c[t], d[t, a], miles_per_day=mpd)))
                row = (world.state.agreements.allied() | np.eye(world.n, dtype=bool)).astype(float)
                stake = float(third_party_stake(scott_pi(row[f], row[a]), scott_pi(row[f], row[t])))
                before[h] = float(warring_ally_join_probability(1.0, relay, h, stake))
                assert own < 0.1 and own <= relay, (own, relay)
            got = [e for e in events(world, "war_entry") if e[1] == FAR]
            want = float(warring_ally_join_probability(1.0, own, h, stake))
            for *_, e in got:
                assert e["factors"]["reach"] == own and e["factors"]["stake"] == stake and e["factors"]["beside_attacker"]
                assert e["factors"]["probability"] == want
            joined[h] += bool(got)
            if seed == 0:
                now[h] = want
    assert all(now[h] <= before[h] for h in joined), (now, before)
    for h in joined:
        assert stats.binomtest(joined[h], n, now[h]).pvalue > ALPHA, (h, joined, now)


def test_an_ally_called_to_the_war_is_not_drawn_again_by_its_partners_war():
    """An ally that was called (and decided) is not a candidate of the diffusion route in the war's later years."""
    relations = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}]
    seen = 0
    for seed in range(30):
        world, _ = tiny_world(relations=relations, agreements=[alliance("Pact", [GRT, SMA])], warring_ally_join_rate=1.0, honour_base_rate=0.01, **UNRESTRAINED)
        g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
        world.inputs.distance_km[g, r] = world.inputs.distance_km[r, g] = 0.0
        world.state.at_war[r, a] = world.state.at_war[a, r] = True
        call_allies(world, np.random.default_rng(seed), np.array([r]), np.array([a]))
        calls = [d for *_, d in events(world, "commitment")]
        if not calls or calls[0]["honoured"]:
            continue
        seen += 1
        assert g in world.state.wars[0]["called"]
        for year in range(3):
            world.state.year += 1
            conflict_and_commitments(world, np.random.default_rng(100 + seed + year))
        assert not [e for e in events(world, "war_entry") if e[1] == GRT] and not world.state.at_war[g, r]
    assert seen >= 5, "the test needs allies that refused the call"


def test_a_nuclear_armed_ally_does_not_join_its_partners_war_against_a_nuclear_armed_enemy():
    """The nuclear revolution (Jervis 1989; foedus.theory.joining.nuclear_entry_restraint): GRT (the USA's code) does not join its
    protégé's war against RIV (Russia's), both nuclear-armed in 2000, at the published reading (restraint 1); without the
    restraint it joins in some of the same seeds (one-sided Fisher test at 1 %, 40 seeds each)."""
    n = 40
    joined = {1.0: 0, 0.0: 0}
    for restraint in joined:
        for seed in range(n):
            joined[restraint] += bool(_attack_by_the_protege(seed, True, restraint)[1])
    assert joined[1.0] == 0
    assert stats.fisher_exact([[joined[0.0], n - joined[0.0]], [joined[1.0], n]], alternative="greater").pvalue < ALPHA, joined


def test_a_nuclear_armed_ally_called_against_a_nuclear_armed_attacker_does_not_honour_and_says_why():
    """RIV (Russia) attacks SMB (the Netherlands), GRT's (the USA's) defence ally: GRT is called and, restrained, never
    honours; its call's factors name the restraint (0 at the published reading). Without the restraint it honours in some of
    the same seeds (one-sided Fisher test at 1 %, 40 seeds each)."""
    n = 40
    honoured = {1.0: 0, 0.0: 0}
    calls = {1.0: 0, 0.0: 0}
    for restraint in honoured:
        for seed in range(n):
            # the great powers' restraint (gpwar12, war_onset_joint_major) held off: this test isolates the nuclear one
            world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMB])], **{**QUIET, "nuclear_entry_restraint": restraint, "war_onset_joint_major": 0.0})
            r, b = world.index_of(RIV), world.index_of(SMB)
            world.state.at_war[r, b] = world.state.at_war[b, r] = True
            call_allies(world, np.random.default_rng(seed), np.array([r]), np.array([b]))
            for _, ally, foe, d in events(world, "commitment"):
                assert (ally, foe) == (GRT, RIV)
                calls[restraint] += 1
                honoured[restraint] += d["honoured"]
                assert d["factors"].get("nuclear_restraint") == 1.0 - restraint
    assert calls[1.0] >= 10 and honoured[1.0] == 0, (calls, honoured)
    assert stats.fisher_exact([[honoured[0.0], n - honoured[0.0]], [honoured[1.0], n]], alternative="greater").pvalue < ALPHA, honoured


def test_a_non_nuclear_ally_is_not_restrained():
    """RIV (Russia) attacks GRT (the USA): SMB (the Netherlands, no bomb), GRT's defence ally, is called and its call names no
    nuclear restraint; its honour probability is the same with the restraint on and off."""
    probs = []
    for restraint in (1.0, 0.0):
        world, _ = tiny_world(agreements=[alliance("Pact", [GRT, SMB])], **{**QUIET, "nuclear_entry_restraint": restraint})
        r, g = world.index_of(RIV), world.index_of(GRT)
        world.state.at_war[r, g] = world.state.at_war[g, r] = True
        world.inputs.distance_km[:] = 0.0  # in reach: the casus foederis arises
        call_allies(world, np.random.default_rng(0), np.array([r]), np.array([g]))
        got = [d for _, ally, _, d in events(world, "commitment") if ally == SMB]
        assert len(got) == 1 and "nuclear_restraint" not in got[0]["factors"]
        probs.append(got[0]["probability"])
    assert probs[0] == probs[1]


def _war_beside(seed: int, sma_joined: bool) -> list:
    """RIV at war since last year with SMA's side (SMA the target, or a joiner beside SMB, the target); GRT, SMA's defence ally and
    RIV's rival, not called. The entries of GRT by the conflict step's later entrants this year."""
    relations = [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}]
    world, _ = tiny_world(relations=relations, agreements=[alliance("Pact", [GRT, SMA])], warring_ally_join_rate=1.0, **UNRESTRAINED)
    r, a, b = (world.index_of(c) for c in (RIV, SMA, SMB))
    target = b if sma_joined else a
    side = {r: 1, target: 2, a: 2}
    for s in side:
        if s != r:
            world.state.at_war[r, s] = world.state.at_war[s, r] = True
    world.state.wars = [{"start": world.state.year - 1, "attacker": r, "target": target, "side": side, "pending": [], "called": np.zeros(0, np.intp)}]
    world.state.at_war_last_year = world.state.at_war.copy()
    conflict_and_commitments(world, np.random.default_rng(seed))
    return [e for e in events(world, "war_entry") if e[1] == GRT and e[3]["route"] == "warring ally"]


def test_a_joiners_ally_is_not_drawn_into_the_war_by_the_warring_ally_route():
    """The casus foederis (ATOP; Leeds, Long & Mitchell 2000): a state that entered a war by its own choice was not attacked, so
    its defence ally is not drawn in beside it uncalled. GRT joins SMA's war when SMA is the state attacked in some of 40 seeds;
    when SMA is a joiner beside SMB, never (one-sided Fisher test at 1 %)."""
    n = 40
    joined = {False: 0, True: 0}
    for sma_joined in joined:
        for seed in range(n):
            joined[sma_joined] += bool(_war_beside(seed, sma_joined))
    assert joined[True] == 0
    assert stats.fisher_exact([[joined[False], n - joined[False]], [joined[True], n]], alternative="greater").pvalue < ALPHA, joined


def test_a_pact_written_against_another_adversary_draws_nobody_into_its_partners_war():
    """Leeds, Long & Mitchell (2000): GRT's defence pact with SMA written against SMB only (ATOP defcoadv) is no commitment in
    SMA's war with RIV, so GRT never joins by the warring ally route (40 seeds); the same pact written against RIV does, in some
    (join14: record-built runs from 1900 had France join Russia's war on China through the alliance written against Germany)."""
    n = 40
    joined = {}
    for named in (SMB, RIV):
        joined[named] = 0
        for seed in range(n):
            pact = alliance("Pact", [GRT, SMA], war_conditions=["defence_named_adversary"], targets=[named])
            world, _ = tiny_world(relations=[{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}], agreements=[pact], warring_ally_join_rate=1.0, **UNRESTRAINED)
            r, a = world.index_of(RIV), world.index_of(SMA)
            world.state.at_war[a, r] = world.state.at_war[r, a] = True
            call_allies(world, np.random.default_rng(seed), np.array([a]), np.array([r]))
            joined[named] += any(e[1] == GRT and e[3]["route"] == "warring ally" for e in events(world, "war_entry"))
    assert joined[SMB] == 0
    assert stats.fisher_exact([[joined[RIV], n - joined[RIV]], [joined[SMB], n]], alternative="greater").pvalue < ALPHA, joined


def test_a_great_power_does_not_join_its_minor_allys_war_on_a_minor_state():
    """A war between two minor states stays local (theory.wartime.localised; Schroeder 1994; COW 1816-1914: no great power in
    the 17 wars begun between minor states): GRT, SMA's defence ally and SMB's rival, never joins SMA's attack on SMB by the
    warring-ally route (gpwar16), where it joins SMA's attack on the great power RIV in most of the same seeds."""
    n = 40
    joined = {SMB: 0, RIV: 0}
    for foe in (SMB, RIV):
        for seed in range(n):
            relations = [{"pair": [GRT, foe], "hostility": 0.9, "rivalry": True}]
            world, _ = tiny_world(relations=relations, agreements=[alliance("Pact", [GRT, SMA])], warring_ally_join_rate=1.0, **UNRESTRAINED)
            t, a = world.index_of(foe), world.index_of(SMA)
            world.state.at_war[a, t] = world.state.at_war[t, a] = True
            call_allies(world, np.random.default_rng(seed), np.array([a]), np.array([t]))
            joined[foe] += any(e[1] == GRT for e in events(world, "war_entry"))
    assert joined[SMB] == 0 and joined[RIV] > n // 2, joined


def _attack_of_last_year(seed: int, obligations, **params) -> tuple[object, list]:
    """SMA attacked RIV last year; GRT, SMA's ally by a pact of ``obligations``, bearing RIV no hostility, was not called. The
    warring-ally entries of GRT by the conflict step this year."""
    pact = alliance("Pact", [GRT, SMA], obligations=list(obligations))
    world, _ = tiny_world(relations=[], agreements=[pact], warring_ally_join_rate=1.0, **{**UNRESTRAINED, **params})
    r, a = world.index_of(RIV), world.index_of(SMA)
    world.state.at_war[a, r] = world.state.at_war[r, a] = True
    world.state.wars = [{"start": world.state.year - 1, "attacker": a, "target": r, "side": {a: 1, r: 2}, "pending": [], "called": np.zeros(0, np.intp)}]
    world.state.at_war_last_year = world.state.at_war.copy()
    conflict_and_commitments(world, np.random.default_rng(seed))
    return world, [e for e in events(world, "war_entry") if e[1] == GRT and e[3]["route"] == "warring ally"]


def test_beside_an_attacker_the_portfolio_stake_moves_only_an_offence_ally_at_aggression_stake_weight_0():
    """theory.joining.aggression_stake (joinwar19; Leeds, Long & Mitchell 2000: a defence pledge does not cover the partner's own
    attack; Leeds 2003: an offence pledge does): at ``aggression_stake_weight`` 0, GRT, bearing RIV no hostility, never joins
    SMA's attack by a defence pact alone (40 seeds); by a pact that also pledges offence it joins at rate * its own reach * its
    portfolio stake, the factors naming the pledge (two-sided binomial test at 1 %); at the default weight 1 (the form until
    2026-12, kept: at 0 the in-sample 1816-1914 defence allies joining fell out of range) the defence pact's stake moves it
    too, and the factors do not name a pledge that moved nothing."""
    from foedus.theory.war_onset import reach

    n = 40
    cases = {"defence": (("defense",), {"aggression_stake_weight": 0.0}), "offence": (("defense", "offense"), {"aggression_stake_weight": 0.0}),
             "default": (("defense",), {})}
    joined, prob = dict.fromkeys(cases, 0), {}
    for case, (obligations, params) in cases.items():
        for seed in range(n):
            world, got = _attack_of_last_year(seed, obligations, **params)
            if got:
                joined[case] += 1
                g, r = world.index_of(GRT), world.index_of(RIV)
                own = float(reach(world.state.cinc[g], world.inputs.distance_km[g, r], miles_per_day=world.inputs.params.miles_per_day))
                (_, _, foe, e), = got
                f = e["factors"]
                assert foe == RIV and e["side"] == 1 and f["beside_attacker"] and f["shared_adversary"] == 0.0 and f["stake"] > 0.0
                assert f.get("offence_pledged") is (True if case == "offence" else None)
                assert "age_decay" not in f  # entry_age_decay_rate 0 by default (and a year-old war is within its grace)
                assert f["probability"] == own * f["stake"]
                prob.setdefault(case, f["probability"])
    assert joined["defence"] == 0 and joined["offence"] and joined["default"], joined
    for case in ("offence", "default"):
        assert stats.binomtest(joined[case], n, prob[case]).pvalue > ALPHA, (case, joined, prob)


BEL = 211
"""Belgium's COW code: SMA's own (the United Kingdom's) is nuclear-armed in 2000, which would restrain GRT against it already."""


def _both_camps_called(seed: int, restraint: float) -> tuple[dict, dict]:
    """SMA, under Belgium's code (no bomb), attacks SMB (the Netherlands, no bomb): GRT (the USA's code) is SMB's defence ally, RIV
    (Russia's) SMA's offence ally, both nuclear-armed in 2000 and both called in the war's first wave. Returns the calls' answers
    ({ally: honoured}) and their factors. The great powers' restraints are off (the joint-major term; the minor-attacker one,
    call20, which would keep GRT, a great power called against a minor attacker, out nearly always): the nuclear one is tested."""
    actors = [{**a, "ccode": BEL} if a["ccode"] == SMA else a for a in ACTORS]
    pacts = [alliance("Defence", [GRT, SMB]), alliance("Offence", [RIV, BEL], obligations=["offense"])]
    world, _ = tiny_world(actors=actors, agreements=pacts, warring_ally_join_rate=0.0, war_entry_delay=0.0, alliance_chain_depth=0, honour_base_rate_charter=0.9,
                          **{**QUIET, "nuclear_entry_restraint": restraint, "war_onset_joint_major": 0.0, "honour_minor_attacker_restraint": 0.0})
    a, b = world.index_of(BEL), world.index_of(SMB)
    world.state.at_war[a, b] = world.state.at_war[b, a] = True
    world.inputs.distance_km[:] = 0.0  # in reach: the casus foederis arises for both
    call_allies(world, np.random.default_rng(seed), np.array([a]), np.array([b]))
    calls = {ally: d for _, ally, _, d in events(world, "commitment")}
    return {k: d["honoured"] for k, d in calls.items()}, {k: d["factors"] for k, d in calls.items()}


def test_nuclear_armed_allies_called_to_both_sides_in_the_same_wave_do_not_both_enter():
    """The nuclear restraint (Jervis 1989; foedus.theory.joining.nuclear_entry_restraint) for entries in the same wave (onset19):
    a nuclear-armed defence ally of the target and a nuclear-armed offence ally of the attacker, called at once, answer one
    after another, so at the published reading (restraint 1) they never both enter, and the one that stays out for the other's
    entry names the restraint (0) in its factors (in some seeds the first to answer refuses by its own draw, naming none). Without the restraint both enter in some of the same seeds (one-sided Fisher test
    at 1 %, 40 seeds each)."""
    n = 40
    both = {1.0: 0, 0.0: 0}
    one = 0
    for restraint in both:
        for seed in range(n):
            honoured, factors = _both_camps_called(seed, restraint)
            assert set(honoured) == {GRT, RIV}, honoured
            both[restraint] += honoured[GRT] and honoured[RIV]
            if restraint == 1.0:
                named = [k for k in honoured if "nuclear_restraint" in factors[k]]
                assert all(factors[k]["nuclear_restraint"] == 0.0 and not honoured[k] for k in named), factors
                one += len(named)
    assert both[1.0] == 0 and one >= 5, (both, one)
    assert stats.fisher_exact([[both[0.0], n - both[0.0]], [both[1.0], n]], alternative="greater").pvalue < ALPHA, both
