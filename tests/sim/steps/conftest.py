"""A tiny hand-made world for the step tests: four states whose roles are known.

``GRT`` (2) and ``RIV`` (365) are major powers and rivals; ``SMA`` (200) and ``SMB`` (210) are
small democracies next to each other and to ``GRT``. Each test builds the world it needs with
:func:`tiny_world` (changing parameters, trends, relations, agreements or shocks), runs one step
alone and checks a known outcome.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from foedus.sim import Scenario, Simulation
from foedus.sim.world import World

GRT, RIV, SMA, SMB = 2, 365, 200, 210

ACTORS = [
    {"ccode": GRT, "abb": "GRT", "name": "Great", "major": True, "cinc": 0.40, "gdp": 1e6, "milex": 5e4, "lat": 50.0, "lon": 0.0, "regime": 0.9, "ideal_point": 1.0},
    {"ccode": RIV, "abb": "RIV", "name": "Rival", "major": True, "cinc": 0.30, "gdp": 5e5, "milex": 4e4, "lat": 55.0, "lon": 30.0, "regime": 0.1, "ideal_point": -1.0},
    {"ccode": SMA, "abb": "SMA", "name": "Small A", "cinc": 0.02, "gdp": 5e4, "milex": 1e3, "lat": 52.0, "lon": 20.0, "regime": 0.8, "ideal_point": 0.8},
    {"ccode": SMB, "abb": "SMB", "name": "Small B", "cinc": 0.02, "gdp": 5e4, "milex": 1e3, "lat": 53.0, "lon": 22.0, "regime": 0.8, "ideal_point": 0.7},
]


def tiny_world(
    *, actors: list[dict] | None = None, relations: list[dict] | None = None, agreements: list[dict] | None = None,
    shocks: list[dict] | None = None, trends: dict | None = None, explain: bool = True, **parameters: Any,
) -> tuple[World, np.random.Generator]:
    """The starting world of a four-state scenario (year 2000) and a seeded generator for one step."""
    sc = Scenario.from_dict(
        {
            "name": "tiny", "start_year": 2000, "years": 5, "actors": actors or ACTORS,
            "relations": relations if relations is not None else [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}],
            "agreements": agreements or [], "shocks": shocks or [], "trends": trends or {}, "parameters": parameters,
        }
    )
    sim = Simulation(sc, rng=0, explain=explain)
    return sim.world, sim.rng


def events(world: World, kind: str | None = None) -> list[tuple[int, int, int, dict]]:
    """(agreement_id, ccode, ccode2, detail) of the events logged so far (of one ``kind``)."""
    table = world.log.events_table()
    if kind is not None:
        table = table[table["kind"] == kind]
    return [(int(a), int(c), int(c2), json.loads(d)) for a, c, c2, d in zip(table["agreement_id"].fillna(-1), table["ccode"].fillna(-1), table["ccode2"].fillna(-1), table["detail"])]


def alliance(name: str, members: list[int], **fields: Any) -> dict:
    """An agreement in force since 1990 (a defence pact unless ``fields`` say otherwise)."""
    return {"name": name, "members": members, "start_year": 1990, **fields}
