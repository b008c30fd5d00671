"""sim.steps.threat_peer: two great powers' uncertain rivalry read at its base rate (peer_rivalry_prior; Mearsheimer 2001)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.threat import main_threat_of, threat_perception, threat_terms
from foedus.sim.steps.threat_peer import perceived_threat
from foedus.theory.peer_threat import IN_SAMPLE_BASE_RATE

from .conftest import GRT, RIV, SMA, alliance, tiny_world


def test_great_powers_that_are_no_rivals_threaten_each_other_at_the_base_rate_and_small_states_are_untouched():
    """GRT and RIV, great powers, no rivals and no hostility: with the prior 0 neither threatens the other (intentions from acts
    alone); with it each does, by Walt's product with the rivalry term read at rho; the small states' threats do not move."""
    calm = [{"pair": [GRT, RIV], "hostility": 0.0, "rivalry": False}]
    off, rng = tiny_world(relations=calm)  # off by default
    threat_perception(off, rng)
    on, rng = tiny_world(relations=calm, peer_rivalry_prior=IN_SAMPLE_BASE_RATE)
    threat_perception(on, rng)
    g, r, a = on.index_of(GRT), on.index_of(RIV), on.index_of(SMA)
    assert off.results.threat.tobytes() == on.results.threat.tobytes()  # the valuations' threat, from acts, does not move
    assert perceived_threat(off) is off.results.threat
    assert off.results.threat[r, g] < perceived_threat(on)[r, g] and off.results.threat[g, r] < perceived_threat(on)[g, r]
    diff = perceived_threat(on) - off.results.threat
    assert diff[a].max() == 0.0 and diff[:, a].max() == 0.0
    assert main_threat_of(on)[r] == g and main_threat_of(on)[g] == r
    terms = threat_terms(on, np.array([r, a]), np.array([g, g]))
    assert "peer_threat" not in threat_terms(off, np.array([r]), np.array([g]))[0]  # off: no term moved anything
    assert terms[0]["peer_rivalry_prior"] == pytest.approx(on.inputs.params.peer_rivalry_prior) and terms[1]["peer_rivalry_prior"] == 0.0
    assert terms[0]["threat"] == perceived_threat(on)[r, g] and terms[0]["peer_threat"] == pytest.approx(diff[r, g]) and terms[1]["peer_threat"] == 0.0


def test_known_rivals_and_pledged_allies_gain_little_or_nothing():
    """A known rivalry (R = 1) adds nothing; a defence pact between the two discounts the uncertain rivalry as any intention."""
    rivals, rng = tiny_world(peer_rivalry_prior=IN_SAMPLE_BASE_RATE)
    threat_perception(rivals, rng)
    g, r = rivals.index_of(GRT), rivals.index_of(RIV)
    off, rng = tiny_world()
    threat_perception(off, rng)
    assert perceived_threat(rivals)[r, g] == off.results.threat[r, g]
    calm = [{"pair": [GRT, RIV], "hostility": 0.0, "rivalry": False}]
    free, rng = tiny_world(relations=calm, peer_rivalry_prior=IN_SAMPLE_BASE_RATE)
    threat_perception(free, rng)
    allied, rng = tiny_world(relations=calm, agreements=[alliance("Pact", [GRT, RIV])], peer_rivalry_prior=IN_SAMPLE_BASE_RATE)
    threat_perception(allied, rng)
    assert perceived_threat(allied)[r, g] < 0.5 * perceived_threat(free)[r, g]


def test_a_checked_world_and_a_fast_one_add_the_same_peer_threat():
    world, rng = tiny_world(relations=[{"pair": [GRT, RIV], "hostility": 0.2, "rivalry": False}], peer_rivalry_prior=IN_SAMPLE_BASE_RATE)
    threat_perception(world, rng)
    fast = perceived_threat(world).copy(), main_threat_of(world).copy()
    world.inputs.check = True
    threat_perception(world, rng)
    assert fast[0].tobytes() == perceived_threat(world).tobytes() and (fast[1] == main_threat_of(world)).all()
