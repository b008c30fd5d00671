"""A war between two minor states stays local on the opportunist route too (foedus.sim.steps.war_entry.opportunists; leftovers17).

COW inter-state wars 1816-2007 (tools/minor_war_entries.py): of the 46 wars begun between minor states in the four eras, great
powers entered 3 (Suez 1956 by a pact made for the war, Ifni 1958 beside Spain, Iraq 1991 under the Security Council's mandate),
none as an opportunist, a rival of a belligerent bound to neither side. Runs the route alone on the four-state world of
``tests/sim/steps/conftest.py``.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim.steps.war_entry import opportunists

from .steps.conftest import GRT, RIV, SMA, SMB, alliance, events, tiny_world

ALPHA = 0.01
UNRESTRAINED = {"dispute_rate": 0.0, "war_end_rate": 0.0, "war_onset_intercept": -30.0, "opportunistic_join_rate": 1.0,
                "nuclear_entry_restraint": 0.0, "war_onset_joint_major": 0.0}
"""GRT and RIV carry the codes of the USA and Russia (nuclear-armed great powers): the nuclear and great-power restraints are off."""


def _joins(attacker: int, seed: int) -> bool:
    """``attacker`` attacks SMA, GRT's ally (a consultation pact: a stake in SMA's side, no call to arms), and GRT is the
    attacker's strategic rival: whether GRT enters against it as an opportunist (the route alone, once)."""
    relations = [{"pair": [GRT, attacker], "hostility": 0.9, "rivalry": True}]
    world, _ = tiny_world(relations=relations, agreements=[alliance("Talks", [GRT, SMA], obligations=["consultation"])], **UNRESTRAINED)
    a, t = world.index_of(attacker), world.index_of(SMA)
    world.state.at_war[a, t] = world.state.at_war[t, a] = True
    war = {"start": world.state.year - 1, "attacker": a, "target": t, "side": {a: 1, t: 2}, "pending": []}
    opportunists(world, np.random.default_rng(seed), war, world.state.agreements.allied())
    got = [e for e in events(world, "war_entry") if e[1] == GRT]
    assert all(e[3]["route"] == "opportunistic" and e[2] == attacker for e in got)
    return bool(got)


def test_a_great_power_does_not_enter_a_war_between_minor_states_as_an_opportunist():
    """GRT, rival of the minor SMB, never enters SMB's war on the minor SMA against SMB; rival of the great power RIV, it
    enters RIV's war on SMA in some of the same seeds (more often: Fisher's exact test at 1 %)."""
    n = 40
    joined = {attacker: sum(_joins(attacker, seed) for seed in range(n)) for attacker in (SMB, RIV)}
    assert joined[SMB] == 0, joined
    assert stats.fisher_exact([[joined[RIV], n - joined[RIV]], [joined[SMB], n]], alternative="greater").pvalue < ALPHA, joined
