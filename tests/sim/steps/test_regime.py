"""Step 1a, regime transitions (foedus.sim.steps.regime): drawn at the theory's hazard, logged with their factors, read by politics."""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim.steps.politics import alliance_politics
from foedus.sim.steps.regime import regime_transitions

from .conftest import ACTORS, GRT, RIV, SMA, SMB, alliance, events, tiny_world

ALPHA = 0.01
NEVER = dict(regime_transition_autocracy=0.0, regime_transition_anocracy=0.0, regime_transition_democracy=0.0)


def _actors(**regimes):
    return [dict(a, regime=regimes.get(a["abb"], a["regime"]), population=10.0) for a in ACTORS]


def test_a_transition_moves_the_regime_by_the_jump_and_is_logged_with_its_factors():
    world, rng = tiny_world(actors=_actors(SMA=0.3), **dict(NEVER, regime_transition_anocracy=1.0, regime_up_anocracy=1.0))
    i = world.index_of(SMA)
    before = world.state.regime.copy()
    regime_transitions(world, rng)
    p = world.inputs.params
    assert world.state.regime[i] == before[i] + p.regime_transition_score_move
    # the transition is recorded at Polity's size, above the threshold at which politics reads a regime change
    assert world.state.regime_transition_gap[i] == p.regime_transition_size >= p.regime_transition_threshold
    assert world.state.regime_transition_gap.sum() == p.regime_transition_size
    assert np.array_equal(np.delete(world.state.regime, i), np.delete(before, i))  # no other state changed (none an anocracy)
    (_, who, _, d), = events(world, "regime_transition")
    assert who == SMA and d["factors"]["regime_type"] == "anocracy" and d["factors"]["direction"] == "opening"
    assert "regime transition in Small A" in d["description"]
    world.state.regime_transition_gap[i] = 0.2
    regime_transitions(world, np.random.default_rng(1))  # a year later the old gap has faded, and a new transition resets it
    assert world.state.regime_transition_gap[i] == p.regime_transition_size
    world.inputs.params = world.inputs.params.model_copy(update={"regime_transition_anocracy": 0.0})
    regime_transitions(world, np.random.default_rng(2))
    assert world.state.regime_transition_gap[i] == p.regime_transition_size * p.regime_memory


def test_a_rich_democracy_never_falls_and_a_poor_one_may():
    """Przeworski et al. (2000): Great (income 1e6 / 10 = 100,000 a head) is consolidated; Small A and B (5,000) are not."""
    world, rng = tiny_world(actors=_actors(), **dict(NEVER, regime_transition_democracy=1.0))
    regime_transitions(world, rng)
    moved = {c for _, c, _, _ in events(world, "regime_transition")}
    assert moved == {SMA, SMB}


def test_the_weaker_side_of_a_war_changes_regime_more_often():
    """Bueno de Mesquita, Siverson & Woller (1992): over 300 seeds, Rival (weaker than Great) at war changes more often."""
    n, counts = 300, []
    for at_war in (False, True):
        hits = 0
        for seed in range(n):
            world, _ = tiny_world(actors=_actors(), **dict(NEVER, regime_transition_autocracy=0.1))
            if at_war:
                g, r = world.index_of(GRT), world.index_of(RIV)
                world.state.at_war[g, r] = world.state.at_war[r, g] = True
            regime_transitions(world, np.random.default_rng(seed))
            hits += len(events(world, "regime_transition"))
        counts.append(hits)
    assert stats.fisher_exact([[counts[1], n - counts[1]], [counts[0], n - counts[0]]], alternative="greater").pvalue < ALPHA


def test_a_members_transition_ends_its_treaty_more_often_through_the_politics_rules():
    """Leeds & Savun (2007): the politics step reads the jump against the member's memory as a regime change."""
    n, ended = 120, []
    for rate in (0.0, 1.0):
        k = 0
        for seed in range(n):
            world, _ = tiny_world(actors=_actors(SMA=0.3, SMB=0.3), agreements=[alliance("Pact", [SMA, SMB])],
                                  **dict(NEVER, regime_transition_anocracy=rate, dissolution_hazard=0.0, base_dissolution_hazard=0.0))
            rng = np.random.default_rng(seed)
            regime_transitions(world, rng)
            alliance_politics(world, rng)
            k += int(not world.state.agreements.active[0] or world.state.agreements.members[0].sum() < 2)
        ended.append(k)
    assert stats.fisher_exact([[ended[1], n - ended[1]], [ended[0], n - ended[0]]], alternative="greater").pvalue < ALPHA
