"""Each mechanism's effect as a direction in controlled runs over many seeds, with a statistical test.

Every experiment changes one thing between two arms run on the same seeds (paired where the
scenario allows) and tests the direction the brief states, one-sided, at the 1 % level.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.sim import Scenario, Simulation
from foedus.testing import synthetic_scenario, with_updates

from .conftest import detail, hegemon_scenario

ALPHA = 0.01


def test_neighbours_balance_against_a_rising_power(warm):
    """F1/F2: when a middle power grows fast, other states ally against it (it becomes their main threat)."""

    def balancing_against(seed: int, growth: float) -> int:
        sc = synthetic_scenario(12, seed=seed, years=30, n_major=2, spread_km=2500, hostile_share=0.1)
        riser = sc.actors[5].ccode
        sc = with_updates(sc, shocks=[{"year": sc.start_year, "kind": "growth", "actor": riser, "value": growth}])
        events = Simulation(sc, rng=seed).run().events()
        n = 0
        for d, c1, c2 in detail(events, "formation"):
            members = d.get("members", [])
            if members and riser not in (c1, c2) and any(m["main_threat"] == riser for m in members):
                n += 1
        return n

    # 60 paired seeds: the effect is clear on any set of seeds of that size (p < 0.001 on
    # offsets 0, 100, 300, 1000, 5000 when calibrated), not on a chosen one
    rising = [balancing_against(s, 0.10) for s in range(60)]
    steady = [balancing_against(s, 0.02) for s in range(60)]
    assert sum(rising) > sum(steady)
    assert stats.wilcoxon(rising, steady, alternative="greater").pvalue < ALPHA


def test_only_weak_states_bandwagon(warm):
    """F3: small states next to an overwhelming, appeasable power sometimes side with it; the same
    states made stronger than the weakness threshold never do.

    80 seeds per world: after today's merge (integ 7c22be6) bandwagoning became rarer in the weak world (seeds with
    any: 4 of 24 against 7 of 24 on main; 24 of 120 against 17 of 60). The cause is the merge of the blocs branch
    (seeds 0-47: 13 with bandwagoning at the threat merge 3be419e, 6 at the blocs merge 3859313; threat's
    aggression_hostility back at 0.5 gives 7, its threat_perception_ceiling off gives 6): the small states now
    also form a multilateral balancing bloc against the hegemon (seed 3, 2001: four of them, balance_threat
    0.19-0.38), and a credible balancing partner rules bandwagoning out (Walt 1987) - a mechanism, not a defect;
    the direction held (0 in the strong world, no state above the threshold ever bandwagons), and 24 seeds
    were under-powered: Fisher [[4, 20], [0, 24]] p = 0.055. 80 seeds: [[16, 64], [0, 80]] p = 7e-6 (seeds 40-119:
    18 of 80, p = 1e-6; the weakest 60-seed window, 0-59, 8 of 60, p = 0.003), same alpha."""
    thr = Scenario.model_fields["parameters"].default_factory().weakness_threshold

    def bandwagoning(seed: int, cinc: tuple[float, float]) -> tuple[int, int]:
        events = Simulation(hegemon_scenario(seed, cinc), rng=seed).run().events()
        weak = strong = 0
        for d, _, _ in detail(events, "formation"):
            for m in d.get("members", []):
                if m["motives"]["bandwagon"] > 0:
                    weak += m["power"] < thr
                    strong += m["power"] >= thr
        for d, _, _ in detail(events, "accession"):
            if d.get("motives", {}).get("bandwagon", 0) > 0:
                weak += d["factors"]["power"] < thr
                strong += d["factors"]["power"] >= thr
        return weak, strong

    n = 80
    weak_world = [bandwagoning(s, (0.005, 0.02)) for s in range(n)]
    strong_world = [bandwagoning(s, (0.06, 0.09)) for s in range(n)]
    # nobody at or above the threshold ever bandwagons, in either world
    assert sum(s for _, s in weak_world) == 0 and sum(s for _, s in strong_world) == 0
    seeds_weak = sum(w > 0 for w, _ in weak_world)
    seeds_strong = sum(w > 0 for w, _ in strong_world)
    assert seeds_strong == 0
    assert stats.fisher_exact([[seeds_weak, n - seeds_weak], [seeds_strong, n - seeds_strong]], alternative="greater").pvalue < ALPHA


def test_interdependence_with_the_adversary_lowers_the_honour_rate(warm):
    """T2: allies that trade heavily with the attacker honour their commitments less often.

    40 seeds per arm: after the merged war model (calls only within reach, onset wars) 8 seeds gave
    only 80 and 70 calls, honoured 44/80 against 47/70 (Fisher p = 0.088), with the mechanism intact (mean
    honour probability of the calls 0.51 against 0.65, interdependence 0.23 against 0.004); 40 seeds
    give 180/355 against 224/333 at the same alpha. 80 seeds since the casus foederis reads where a war is
    fought (2026-12, the partner's territory a theatre only as far as the attacker reaches it): 40 seeds gave
    fewer calls, 121/218 against 152/232 (p = 0.019), the direction intact.
    """

    def honoured(seed: int, trade: float) -> tuple[int, int]:
        # only the level of trade differs between the arms (the T2 trend stays at its default), and
        # trade acts only on honour: its restraint of perceived threat (a separate channel of T2,
        # tests/sim/test_trends_alliances.py) is off, so the arms meet the same threats
        sc = synthetic_scenario(
            10, seed=seed, years=20, spread_km=1500, hostile_share=0.4, alliances=6, trade=trade, dispute_rate=0.3, war_share=0.5,
            trade_restraint=0.0,
        )
        flags = [d["honoured"] for d, _, _ in detail(Simulation(sc, rng=seed).run().events(), "commitment")]
        return sum(flags), len(flags)

    high = np.array([honoured(s, 0.25) for s in range(80)]).sum(axis=0)
    low = np.array([honoured(s, 0.005) for s in range(80)]).sum(axis=0)
    assert high[1] >= 50 and low[1] >= 50  # enough calls on allies to test
    table = [[high[0], high[1] - high[0]], [low[0], low[1] - low[0]]]
    assert high[0] / high[1] < low[0] / low[1]
    assert stats.fisher_exact(table, alternative="less").pvalue < ALPHA


def _durations(seed: int, regime: tuple[float, float], norms: float) -> tuple[np.ndarray, np.ndarray]:
    """Durations (years) and ended flags of the alliances formed in a synthetic world's run."""
    sc = synthetic_scenario(12, seed=seed, years=30, spread_km=2500, hostile_share=0.2, regime=regime)
    sim = Simulation(with_updates(sc, trends={"norms": norms}), rng=seed).run()
    ag = sim.world.state.agreements
    new = np.flatnonzero((ag.agreement_id[: ag.n] >= 100001) & (ag.kind[: ag.n] == 0))
    ended = ~ag.active[new]
    end = np.where(ended, ag.end_year[new], sim.world.state.year - 1)
    return (end - ag.start_year[new]).astype(float), ended


def test_democracies_alliances_last_longer_at_the_default_norms(warm):
    """T5, P5 at the default T5 = 0.5 (Gaubatz 1996; Reed 1997): the same worlds with democracies (regimes 0.75-0.80)
    keep their alliances longer than with autocracies exactly as alike (0.20-0.25): the solidarity damping of the
    hazard follows the least democratic member's regime (foedus.theory.persistence.democratic_commitment), and
    joint democracy adds to cohesion. (It followed regime similarity before, and this test held like autocracies
    against unlike ones: a 1816 system of near-identical autocracies then had the longest-lived pacts.) 60 paired
    seeds: 21.8 against 20.4 years, Wilcoxon p = 0.0006, log-rank 0.08; 30 seeds at T5 = 1 gave p = 3e-5 on seeds
    0-29 and 0.19 on seeds 1000-1029, so the test takes 300 paired seeds, as the test it replaces (seeds 1000-1299:
    22.1 against 21.0 years, p = 4e-11; log-rank of the pooled durations 0.0014)."""
    dem = [_durations(s, (0.75, 0.80), 0.5)[0].mean() for s in range(300)]
    aut = [_durations(s, (0.20, 0.25), 0.5)[0].mean() for s in range(300)]
    assert np.mean(dem) > np.mean(aut)
    assert stats.wilcoxon(dem, aut, alternative="greater").pvalue < ALPHA


def test_an_external_threat_drives_coalitions_that_dissolve_after_the_crisis(warm):
    """D4: a global threat (terrorism) from 2004 to 2007 brings a coalition of the willing, which
    dissolves by the end of the crisis; without the threat no coalition forms."""
    first, duration = 2004, 4

    def coalitions(seed: int, shock: bool) -> list[tuple[int, int]]:
        sc = synthetic_scenario(10, seed=seed, years=12, spread_km=2500, crisis_rate=0.0)
        if shock:
            sc = with_updates(sc, shocks=[{"year": first, "kind": "global_threat", "threat": "terrorism", "intensity": 3.0, "duration": duration}])
        sim = Simulation(sc, rng=seed).run()
        ag = sim.world.state.agreements
        idx = np.flatnonzero(ag.kind[: ag.n] == 1)
        return [(int(ag.start_year[a]), int(ag.end_year[a])) for a in idx]

    treated = [coalitions(s, True) for s in range(10)]
    control = [coalitions(s, False) for s in range(10)]
    formed = sum(bool(c) for c in treated)
    assert sum(len(c) for c in control) == 0
    assert stats.binomtest(formed, 10, 0.5, alternative="greater").pvalue < ALPHA
    for runs in treated:
        for start, end in runs:
            assert first <= start < first + duration  # formed during the crisis
            assert start <= end <= first + duration - 1  # and dissolved when it ended (-1: still in force)


def test_losing_the_superpower_raises_the_allies_arming(warm):
    """P4, D1: small allies free-ride on a superpower; when it leaves their alliance they arm more."""

    def scenario(seed: int, leave: bool) -> Scenario:
        rng = np.random.default_rng(seed)
        actors = [
            {"ccode": 2, "abb": "SUP", "name": "Superpower", "major": True, "tier": "superpower", "cinc": 0.4, "milex": 4e4, "gdp": 8e5, "lat": 40, "lon": -90, "regime": 0.8},
            {"ccode": 3, "abb": "ADV", "name": "Adversary", "major": True, "cinc": 0.25, "milex": 2.5e4, "gdp": 4e5, "lat": 55, "lon": 40, "regime": 0.1},
        ]
        for k in range(6):
            c = float(rng.uniform(0.01, 0.03))
            actors.append(
                {"ccode": 10 + k, "abb": f"A{k}", "name": f"Ally {k}", "cinc": c, "milex": c * 5e4, "gdp": c * 2e6,
                 "lat": float(52 + rng.uniform(-4, 4)), "lon": float(20 + rng.uniform(-8, 8)), "regime": 0.8}
            )
        relations = [{"pair": [3, 10 + k], "hostility": 0.6} for k in range(6)] + [{"pair": [2, 3], "hostility": 0.7, "rivalry": True}]
        return Scenario.from_dict(
            {
                "name": "asymmetric", "start_year": 2000, "years": 10, "seed": seed, "actors": actors, "relations": relations,
                "agreements": [{"name": "Pact", "members": [2] + [10 + k for k in range(6)], "start_year": 1990, "institutionalised": 2}],
                "shocks": [{"year": 2005, "kind": "leave", "actor": 2, "agreement": "Pact"}] if leave else [],
                # the test holds the allies' arming when the superpower leaves, so the pact must hold until the shock: its
                # institutions protect it as once assumed by default (0.8; the default is now the in-sample record's 0)
                "parameters": {"institution_protection": 0.8},
            }
        )

    ratio = []
    for seed in range(14):
        spend = []
        for leave in (True, False):
            sim = Simulation(scenario(seed, leave), rng=seed).run(5)  # 2000-2004: the arms are identical so far
            if not sim.world.state.agreements.members[0, 0]:
                break  # the superpower left of its own accord before the shock: nothing to remove
            spend.append(sim.run(5).world.state.milex[2:].sum())
        if len(spend) == 2:
            ratio.append(np.log(spend[0] / spend[1]))
    assert len(ratio) >= 8
    assert stats.wilcoxon(ratio, alternative="greater").pvalue < ALPHA


@pytest.mark.parametrize("trend", [0.0, 1.0])
def test_great_power_competition_trend_moves_hostility(trend, warm):
    """T1: the great-power competition knob raises (or lowers) hostility among major powers."""
    sc = synthetic_scenario(8, seed=4, years=10, n_major=3)
    base = Simulation(with_updates(sc, trends={"great_power_competition": 0.5}), rng=4).run().world
    moved = Simulation(with_updates(sc, trends={"great_power_competition": trend}), rng=4).run().world
    gp = np.ix_(base.state.major, base.state.major)
    diff = moved.state.hostility_base[gp].sum() - base.state.hostility_base[gp].sum()
    assert diff > 0 if trend > 0.5 else diff < 0


def _patron_scenario(seed: int, *, institutionalised: int, regime: float = 0.8, years: int = 30) -> Scenario:
    """A democratic great power and six small allies in one pact, a distant rival: the pact's only
    changes come from the alliance-politics step (no disputes, crises or cyber)."""
    rng = np.random.default_rng(seed)
    actors = [
        {"ccode": 2, "abb": "PAT", "name": "Patron", "major": True, "cinc": 0.3, "milex": 3e4, "gdp": 6e5, "lat": 40, "lon": -90, "regime": 0.9},
        {"ccode": 3, "abb": "RIV", "name": "Rival", "major": True, "cinc": 0.2, "milex": 2e4, "gdp": 4e5, "lat": 55, "lon": 60, "regime": 0.1},
    ]
    for k in range(6):
        c = float(rng.uniform(0.01, 0.03))
        actors.append(
            {"ccode": 10 + k, "abb": f"A{k}", "name": f"Ally {k}", "cinc": c, "milex": c * 5e4, "gdp": c * 2e6,
             "lat": float(45 + rng.uniform(-6, 6)), "lon": float(120 + rng.uniform(-8, 8)), "regime": regime}
        )
    relations = [{"pair": [3, 10 + k], "hostility": float(rng.uniform(0.05, 0.3))} for k in range(6)]
    return Scenario.from_dict(
        {
            "name": "patron", "start_year": 2000, "years": years, "seed": seed, "actors": actors, "relations": relations,
            "agreements": [{"name": "Pact", "members": [2] + [10 + k for k in range(6)], "start_year": 1995,
                            "institutionalised": institutionalised, "integration": 0.9 if institutionalised == 2 else 0.0}],
            # institution_protection as Wallander (2000) assumes it (the shipped default, 0, is the in-sample record's estimate)
            "parameters": {"dispute_rate": 0.0, "crisis_rate": 0.0, "institution_protection": 0.8},
        }
    )


def test_institutionalised_alliances_last_longer(warm):
    """P5 (Wallander 2000): where a scenario assumes institutional protection (0.8 here; the default, 0, is what the
    in-sample record shows), the same pact with an integrated command and bases outlasts its uninstitutionalised twin, over many seeds (log-rank test on the pact's duration). The pact is in
    force when the run starts, so it ends mostly when its circumstances change (treaty inertia,
    Leeds & Savun 2007): endings are rare (about one run in four loses a member of the loose pact in 40 years), so the
    test takes 160 seeds a side (80 gave p = 0.02, 160 p = 2e-5, the effect in the same direction). The deep pact keeps
    its integrated command once its threat fades (foedus.theory.integration.integration_update, Keohane 1984), so its
    general assets go on protecting it from the threat's lapse. The pact has seven members, and a drawn end
    of a multilateral treaty is one member's abrogation (the others stay allied), so its duration is the time to its
    first loss: a member's exit or its end."""
    from lifelines.statistics import logrank_test

    def duration(seed: int, level: int) -> tuple[float, bool]:
        sim = Simulation(_patron_scenario(seed, institutionalised=level, years=40), rng=seed).run()
        ag = sim.world.state.agreements
        ev = sim.events()
        lost = ev[(ev["agreement_id"] == ag.agreement_id[0]) & ev["kind"].isin(["exit", "dissolution"])]
        ended = bool(len(lost))
        return float((int(lost["year"].min()) if ended else sim.world.state.year - 1) - 2000), ended

    deep = [duration(s, 2) for s in range(160)]
    loose = [duration(s, 0) for s in range(160)]
    (d1, e1), (d2, e2) = (tuple(map(np.array, zip(*x))) for x in (deep, loose))
    assert d1.mean() > d2.mean()
    assert logrank_test(d1, d2, e1, e2).p_value < ALPHA


def test_deep_alliances_with_democracies_democratise_their_members(warm):
    """T5 (Pevehouse 2005): autocratic members deeply integrated with a democratic patron become
    more democratic; with T5 = 0 (values irrelevant) or without the pact they do not."""

    def regime_change(seed: int, norms: float, pact: bool) -> float:
        sc = with_updates(_patron_scenario(seed, institutionalised=2, regime=0.2, years=20), trends={"norms": norms})
        if not pact:  # no alliance at all: none in force, none formed
            sc = with_updates(sc, agreements=[], parameters={"consider_rate": 0.0})
        sim = Simulation(sc, rng=seed).run()
        return float(np.mean(sim.world.state.regime[2:] - 0.2))

    with_values = [regime_change(s, 0.5, True) for s in range(10)]
    assert all(regime_change(s, 0.0, True) == 0.0 for s in range(3))
    assert all(regime_change(s, 0.5, False) == 0.0 for s in range(3))
    assert stats.wilcoxon(with_values, alternative="greater").pvalue < ALPHA
