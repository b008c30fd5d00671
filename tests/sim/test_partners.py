"""Who pairs with whom: Morrow's (1991) exchange with concessions worth the capability behind them (mix, session 6).

Controlled runs over many seeds, two arms on the same seeds, one-sided tests at the 1 % level (as tests/sim/test_mechanisms.py).
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from foedus.sim import Scenario, Simulation

from .conftest import detail

ALPHA = 0.01
MICRO = tuple(range(30, 36))


def micro_scenario(seed: int, half_worth: float, years: int = 20) -> Scenario:
    """Four middle powers, a hostile great power next to six microstates (capability shares 1e-6 to 1e-5)."""
    rng = np.random.default_rng(seed)
    actors = [{"ccode": 2, "abb": "GRT", "name": "Great", "major": True, "cinc": 0.3, "milex": 3e4, "gdp": 6e5, "lat": 50, "lon": 30, "regime": 0.2, "ideal_point": -1.0}]
    for k in range(4):
        c = float(rng.uniform(0.04, 0.1))
        actors.append({"ccode": 20 + k, "abb": f"M{k}", "name": f"Middle {k}", "cinc": c, "milex": c * 1e5, "gdp": c * 2e6,
                       "lat": float(48 + rng.uniform(-5, 5)), "lon": float(10 + rng.uniform(-8, 8)), "regime": 0.9, "ideal_point": 1.0})
    for k, cc in enumerate(MICRO):
        c = float(10 ** rng.uniform(-6, -5))
        actors.append({"ccode": cc, "abb": f"U{k}", "name": f"Micro {k}", "cinc": c, "milex": 1.0, "gdp": 2e3,
                       "lat": float(50 + rng.uniform(-4, 4)), "lon": float(22 + rng.uniform(-4, 4)), "regime": 0.9, "ideal_point": 1.0})
    relations = [{"pair": [2, cc], "hostility": 0.6} for cc in MICRO]
    return Scenario.from_dict({"name": "micro", "start_year": 2000, "years": years, "seed": seed, "actors": actors, "relations": relations,
                               "parameters": {"concession_half_worth": half_worth}})


def powerless_pledges(seed: int, half_worth: float) -> int:
    """Defence pacts formed between a microstate and a state at least 1,000 times stronger."""
    events = Simulation(micro_scenario(seed, half_worth), rng=seed).run().events()
    n = 0
    for d, c1, c2 in detail(events, "formation"):
        if "defense" not in d.get("obligations", []):
            continue
        power = [m["power"] for m in d.get("members", [])]
        if len(power) >= 2 and min(power) > 0 and max(power) / min(power) >= 1e3 or (len(power) >= 2 and min(power) == 0 < max(power)):
            n += 1
    return n


def test_strong_states_stop_pledging_defence_to_powerless_partners(warm):
    """Morrow (1991): the strong side of an asymmetric alliance gains autonomy in proportion to what the weak side can give.
    Counted at its worth (concession_half_worth at its default), a microstate's concessions no longer buy a middle power's
    pledge of defence; with the bare exchange (0) they did (1990 runs: the UK, Poland, Germany with Andorra, San Marino)."""
    default = Scenario.model_fields["parameters"].default_factory().concession_half_worth
    assert default > 0
    seeds = range(24)
    valued = [powerless_pledges(s, default) for s in seeds]
    bare = [powerless_pledges(s, 0.0) for s in seeds]
    assert sum(bare) > sum(valued)
    assert stats.wilcoxon(bare, valued, alternative="greater").pvalue < ALPHA
