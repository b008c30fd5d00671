"""Helpers shared by the simulator tests: small controlled scenarios and event readers."""

from __future__ import annotations

import json

import numpy as np
import pytest

from foedus.sim import Scenario


def detail(events, kind: str) -> list[tuple[dict, object, object]]:
    """(detail dict, ccode, ccode2) of every event of ``kind``."""
    sub = events[events["kind"] == kind]
    return [(json.loads(d), c, c2) for d, c, c2 in zip(sub["detail"], sub["ccode"], sub["ccode2"])]


def hegemon_scenario(seed: int, weak_cinc: tuple[float, float] = (0.005, 0.02), n_small: int = 8, years: int = 25) -> Scenario:
    """One overwhelming, appeasable power among small neighbours, no other great power (Walt's bandwagoning setting)."""
    rng = np.random.default_rng(seed)
    actors = [
        {"ccode": 2, "abb": "HEG", "name": "Hegemon", "major": True, "cinc": 0.55, "milex": 5e4, "gdp": 1e6, "lat": 50, "lon": 10, "regime": 0.2, "ideal_point": 2.0},
        {"ccode": 3, "abb": "FAR", "name": "Distant", "cinc": 0.01, "milex": 1e3, "gdp": 2e4, "lat": -40, "lon": -100, "regime": 0.2, "ideal_point": 0.0},
    ]
    for k in range(n_small):
        c = float(rng.uniform(*weak_cinc))
        actors.append(
            {
                "ccode": 10 + k, "abb": f"S{k}", "name": f"Small {k}", "cinc": c, "milex": c * 1e5, "gdp": c * 2e6,
                "lat": float(50 + rng.uniform(-6, 6)), "lon": float(10 + rng.uniform(-8, 8)),
                "regime": float(rng.uniform(0, 1)), "ideal_point": float(rng.uniform(-1.5, 0.5)),
            }
        )
    relations = [{"pair": [2, 10 + k], "hostility": float(rng.uniform(0.1, 0.4))} for k in range(n_small)]
    return Scenario.from_dict({"name": "hegemon", "start_year": 2000, "years": years, "seed": seed, "actors": actors, "relations": relations})


@pytest.fixture(scope="session")
def warm():
    """Run one tiny simulation so compiled kernels are loaded before timing-sensitive tests."""
    from foedus.sim import Simulation
    from foedus.testing import synthetic_scenario

    Simulation(synthetic_scenario(4, years=2), rng=0).run()
    return True
