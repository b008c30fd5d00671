"""Step 7, cyber, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.cyber import cyber

from .conftest import ACTORS, GRT, RIV, SMA, SMB, events, tiny_world

CYBER = {GRT: (0.8, 0.3), RIV: (0.8, 0.3), SMA: (0.4, 0.5), SMB: (0.4, 0.5)}
ACTORS_CYBER = [dict(a, cyber_capacity=CYBER[a["ccode"]][0], cyber_vulnerability=CYBER[a["ccode"]][1]) for a in ACTORS]


def test_states_that_trust_each_other_form_a_cyber_alignment_and_the_distrusted_stay_out():
    actors = [dict(a, cyber_capacity=0.0) if a["ccode"] == GRT else a for a in ACTORS_CYBER]
    relations = [{"pair": [SMA, SMB], "trust": 0.95}, {"pair": [RIV, SMA], "trust": 0.05}, {"pair": [RIV, SMB], "trust": 0.05}]
    world, rng = tiny_world(actors=actors, relations=relations, consider_rate=1.0, intrusion_rate=1e-9)
    cyber(world, rng)
    (_, c, c2, detail), = events(world, "formation")
    assert {c, c2} == {SMA, SMB} and detail["cause"] == "cyber trust"
    assert detail["factors"]["trust"] == detail["factors"]["partner_trust"] == pytest.approx(0.95, abs=0.01)  # after a year's recovery


def test_intrusions_erode_the_victims_trust_and_nothing_happens_without_cyber_capacity():
    world, rng = tiny_world(actors=ACTORS_CYBER, intrusion_rate=1.0, trends={"cyber": 1.0}, trust_recovery=0.0)
    before = world.trust.copy()
    cyber(world, rng)
    hit = world.results.intrusions.T & ~np.eye(world.n, dtype=bool)  # [i, j]: j intruded into i
    assert hit.any() and (world.trust[hit] <= before[hit]).all()
    world, rng = tiny_world()
    cyber(world, rng)
    assert not world.results.intrusions.any() and not events(world)
