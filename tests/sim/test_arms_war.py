"""Spending answers war (issue 17, item 5), one-sided over seeds, and stays within the record's range."""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim import Scenario, Simulation
from foedus.testing import with_updates

ALPHA = 0.01
RUS, UKR, IRN = 365, 369, 630


def _spending(sc: Scenario, seed: int, years: int, ccodes: tuple[int, ...]) -> np.ndarray:
    sim = Simulation(sc, rng=seed)
    w = sim.world
    idx = [w.index_of(c) for c in ccodes]
    start = w.state.milex[idx].copy()
    sim.run(years)
    return w.state.milex[idx] / start


def test_the_2022_invasion_raises_the_belligerents_spending():
    """Paired over 10 seeds: Russia's and Ukraine's spending three years on, with the invasion against without it.

    Wars that begin by the dyadic onset hazard (a Russia-Ukraine war can begin without the scheduled invasion: they are
    contiguous rivals) are switched off in both arms, so that the arms differ by the invasion alone."""
    war = with_updates(Scenario.builtin("world-2022"), parameters={"war_onset_intercept": -30.0})
    peace = with_updates(war, shocks=[s.model_dump() for s in war.shocks if s.kind != "invasion"])
    seeds = range(10)
    with_war = np.array([_spending(war, s, 3, (RUS, UKR)) for s in seeds])
    without = np.array([_spending(peace, s, 3, (RUS, UKR)) for s in seeds])
    for k in range(2):
        assert stats.wilcoxon(with_war[:, k], without[:, k], alternative="greater").pvalue < ALPHA
    assert with_war[:, 1].mean() > 1.2  # Ukraine: more than a fifth above its (already wartime) 2022 figure


def test_an_alliance_no_longer_collapses_a_states_spending():
    """Iran fell to 1 % of its 2022 spending in 6 of 20 runs once allied with China (the allies' relief outweighed a
    negative grievance); with the calibrated reaction it stays within half of its start over twenty years."""
    sc = Scenario.builtin("world-2022")
    for seed in range(6):
        sim = Simulation(sc, rng=seed)
        w = sim.world
        i = w.index_of(IRN)
        start, low = w.state.milex[i], 1.0
        for _ in range(20):
            sim.step()
            low = min(low, w.state.milex[i] / start)
        assert low > 0.5, (seed, low)
