"""A third party's chance of entering a war under way falls with the war's age (war_entry.age_decay, entry_age_decay_rate;
Yamamoto & Bremer 1980: the decision is taken at the outbreak). Runs the conflict step on the four-state world of
``tests/sim/steps/conftest.py``: SMA attacked RIV ``age`` years ago; GRT, SMA's defence ally bearing RIV no hostility, was not
called; its warring-ally entry this year."""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim.steps.conflict import conflict_and_commitments
from foedus.theory.joining import entry_age_decay

from .steps.conftest import GRT, RIV, SMA, alliance, events, tiny_world

ALPHA = 0.01
UNRESTRAINED = {"dispute_rate": 0.0, "war_end_rate": 0.0, "war_onset_intercept": -30.0, "opportunistic_join_rate": 0.0,
                "nuclear_entry_restraint": 0.0, "war_onset_joint_major": 0.0}


def _entries(seed: int, age: int, **params) -> list:
    pact = alliance("Pact", [GRT, SMA], obligations=["defense"])
    world, _ = tiny_world(relations=[], agreements=[pact], warring_ally_join_rate=1.0, **{**UNRESTRAINED, **params})
    r, a = world.index_of(RIV), world.index_of(SMA)
    world.state.at_war[a, r] = world.state.at_war[r, a] = True
    world.state.wars = [{"start": world.state.year - age, "attacker": a, "target": r, "side": {a: 1, r: 2}, "pending": [], "called": np.zeros(0, np.intp)}]
    world.state.at_war_last_year = world.state.at_war.copy()
    conflict_and_commitments(world, np.random.default_rng(seed))
    return [e[3] for e in events(world, "war_entry") if e[1] == GRT and e[3]["route"] == "warring ally"]


def test_an_ally_joins_an_old_war_at_the_outbreaks_chance_times_the_decay_and_the_factors_say_so():
    n, age = 60, 4
    free = [_entries(s, age, entry_age_decay_rate=0.0) for s in range(n)]
    aged = [_entries(s, age, entry_age_decay_rate=0.43, entry_age_decay_grace=1.0) for s in range(n)]
    p_free = next(e["factors"]["probability"] for got in free for e in got)
    assert all("age_decay" not in e["factors"] for got in free for e in got)  # rate 0 (the default): the form until 2026-12
    decay = float(entry_age_decay(age, 0.43, grace=1.0))
    for got in aged:
        for e in got:
            f = e["factors"]
            assert f["war_age"] == age and f["age_decay"] == decay
            assert f["probability"] == p_free * decay
    k_free, k_aged = sum(bool(g) for g in free), sum(bool(g) for g in aged)
    assert stats.binomtest(k_free, n, p_free).pvalue > ALPHA, (k_free, p_free)
    assert stats.binomtest(k_aged, n, p_free * decay).pvalue > ALPHA, (k_aged, p_free * decay)
    assert k_aged < k_free  # 0.27 of the outbreak's chance four years on (Fisher's exact test below)
    assert stats.fisher_exact([[k_free, n - k_free], [k_aged, n - k_aged]], alternative="greater").pvalue < ALPHA


def test_within_the_grace_the_chance_is_the_outbreaks():
    for s in range(10):
        for e in _entries(s, 1, entry_age_decay_rate=0.43, entry_age_decay_grace=1.0):
            assert "age_decay" not in e["factors"]
