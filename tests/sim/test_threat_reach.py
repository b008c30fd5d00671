"""An act of force alarms the states within the aggressor's reach, not those beyond it (Walt 1987, ch. 2; Boulding 1962).

The mechanism (:func:`foedus.theory.intentions.revealed_hostility`, ``within``; the simulator's
``aggression_reach_weight``) is tested as a direction over paired seeds, one-sided at the 1 % level:
a middle power invades its nearest minor neighbour; three small states 3,900 km to the south of
where they stood (as West Africa lies from the Balkans) name the aggressor as their main threat less
often when the act is read only within the reach it shows than when every act is read as if within
reach (the form before session 6, under which India, after attacking Pakistan, was the main threat
of some forty states of a 1946 run).
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim import Simulation
from foedus.sim.steps import DEFAULT_STEPS
from foedus.sim.steps.threat import main_threat_of
from foedus.testing import synthetic_scenario, with_updates

ALPHA = 0.01
SOUTH_DEG = 35.0  # about 3,900 km of latitude


def _far_and_near_naming(seed: int, weight: float) -> tuple[float, float]:
    """Share of the state-years after an invasion in which the far small states, and the near minor states, name the invader."""
    sc = synthetic_scenario(12, seed=seed, years=6, n_major=2, spread_km=2000, hostile_share=0.0, aggression_reach_weight=weight)
    ranked = sorted(sc.actors, key=lambda a: -a.cinc)
    aggressor = ranked[2]  # a middle power, not a major one

    def sq_km(a, b) -> float:  # squared distance on the plane of the capitals (enough to find the nearest)
        return (a.lat - b.lat) ** 2 + ((a.lon - b.lon) * np.cos(np.radians(a.lat))) ** 2

    victim = min(ranked[3:], key=lambda a: sq_km(a, aggressor))
    far = [a.ccode for a in ranked[-4:] if a.ccode != victim.ccode][:3]
    near = [a.ccode for a in ranked[3:] if a.ccode not in far and a.ccode != victim.ccode]
    actors = [a.model_copy(update={"lat": a.lat - SOUTH_DEG}) if a.ccode in far else a for a in sc.actors]
    # no everyday friction between the far states and the aggressor: the act of force is all they could read
    rel = [r.model_copy(update={"hostility": 0.0}) if aggressor.ccode in r.pair and set(r.pair) & set(far) else r for r in sc.relations]
    # the victim borders every observer, so its fate is politically relevant to each (theory.intentions.politically_relevant,
    # Maoz & Russett 1993): what separates far from near is the aggressor's reach alone
    watching = set(far) | set(near)
    rel = [r.model_copy(update={"contiguous": True}) if victim.ccode in r.pair and set(r.pair) & watching else r for r in rel]
    paired = {c for r in rel if victim.ccode in r.pair for c in r.pair}
    extra = [{"pair": [victim.ccode, c], "contiguous": True} for c in sorted(watching - paired)]
    sc = with_updates(
        sc, actors=[a.model_dump() for a in actors], relations=[r.model_dump() for r in rel] + extra,
        shocks=[{"year": sc.start_year, "kind": "invasion", "actor": aggressor.ccode, "target": victim.ccode, "duration": 5}],
    )
    named: list[dict[int, int]] = []

    def perceive_and_note(world, rng):
        DEFAULT_STEPS["threat_perception"](world, rng)
        m = main_threat_of(world)
        named.append({int(c): (int(world.inputs.ccode[k]) if k >= 0 else -1) for c, k in zip(world.inputs.ccode, m)})

    Simulation(sc, rng=seed, steps=dict(DEFAULT_STEPS, threat_perception=perceive_and_note), explain=False).run(6)
    after = named[1:]  # the years after the invasion's first
    return (float(np.mean([[n[c] == aggressor.ccode for c in far] for n in after])),
            float(np.mean([[n[c] == aggressor.ccode for c in near] for n in after])))


def test_a_war_alarms_the_states_within_the_aggressors_reach_not_those_beyond_it(warm):
    """24 paired seeds: the far states name the invader less often with the reach of the act than without it (Wilcoxon,
    one-sided, 1 %), while its near neighbours still name it in most of their state-years. Measured when written (seeds 0-5):
    far 0.11 against 0.56 without the rule; near 0.85 and 0.86."""
    with_rule = [_far_and_near_naming(s, 1.0) for s in range(24)]
    without = [_far_and_near_naming(s, 0.0) for s in range(24)]
    far_with, far_without = [w[0] for w in with_rule], [w[0] for w in without]
    assert np.mean(far_with) < np.mean(far_without)
    assert stats.wilcoxon(far_with, far_without, alternative="less").pvalue < ALPHA
    assert np.mean([w[1] for w in with_rule]) > 0.5  # the rule does not hide the war from those it threatens
