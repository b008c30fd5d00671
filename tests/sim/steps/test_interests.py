"""sim.steps.interests in the formation step (formation.concession_reach; Morrow 1991, Lemke 2002)."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.formation import ExchangeTerms, concession_reach
from foedus.sim.steps.interests import adversaries

from .conftest import ACTORS, GRT, RIV, SMA, tiny_world

FAR = 160
FAR_ACTOR = {"ccode": FAR, "abb": "FAR", "name": "Far", "cinc": 0.002, "gdp": 1e4, "milex": 1e2, "lat": -50.0, "lon": -150.0, "regime": 0.8, "ideal_point": 0.8}


def test_a_great_power_counts_no_concessions_from_a_client_far_from_its_rival():
    """Great (major, rival of Rival) counts the concessions of Small A, which Rival reaches in strength, and none of a microstate
    at Rival's antipode (Rival reaches it with 0.45 of its capability, below concession_adversary_reach 0.5; above 0.3, so it counts there): its autonomy
    change from the microstate falls to what it keeps without them, while the microstate's side (it pays) is unchanged. With the
    threshold 0 (off) Great has interests everywhere again. Rival, whose adversary Great reaches the microstate in strength
    (0.59), still counts them."""
    kw = dict(actors=ACTORS + [FAR_ACTOR], concession_reach_threshold=0.0, local_balance_threshold=0.0)
    on, _ = tiny_world(concession_adversary_reach=0.5, **kw)
    off, _ = tiny_world(concession_adversary_reach=0.0, **kw)
    low, _ = tiny_world(concession_adversary_reach=0.3, **kw)
    g, r, a, f = (on.index_of(c) for c in (GRT, RIV, SMA, FAR))
    assert adversaries(on)[g, r] and adversaries(on)[r, g]
    assert concession_reach(on)[g, f] == 0.0 and concession_reach(off)[g, f] == 1.0
    assert concession_reach(on)[g, a] == 1.0 and concession_reach(on)[r, f] == 1.0
    auto_on, auto_off = ExchangeTerms(on).autonomy, ExchangeTerms(off).autonomy
    assert auto_on[g, f] < auto_off[g, f]
    assert auto_on[f, g] == auto_off[f, g] and auto_on[g, a] == auto_off[g, a]
    assert np.array_equal(np.diag(concession_reach(on)), np.ones(on.n))
    assert concession_reach(low)[g, f] == 1.0  # at 0.3 the antipode lies in Rival's sphere (0.45 of its capability)
