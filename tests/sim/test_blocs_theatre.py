"""The theatre of a bloc's shared threat (foedus.sim.steps.blocs_theatre; nato22, issue 17): its compiled kernel equals the theory
function to the bit, and the foundings of a run bind clients farther apart than the region only within the theatre of a superpower
that signs (Boulding 1962; Walt 1987; Hemmer & Katzenstein 2002)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from foedus.sim import Scenario, Simulation
from foedus.sim.steps import blocs_theatre as bt
from foedus.theory import theatre as th_theatre

from .conftest import detail

SEEDS = 6


def _world(reach, power, superpower, share):
    return SimpleNamespace(
        inputs=SimpleNamespace(params=SimpleNamespace(bloc_theatre_reach=share)), results=SimpleNamespace(reach=reach),
        state=SimpleNamespace(power=power), tier_code=lambda: np.where(superpower, 0, 1).astype(np.int8),
    )


def test_the_compiled_theatre_equals_the_theory_function():
    seen = 0
    for seed in range(60):
        rng = np.random.default_rng(seed)
        n = 20
        power = rng.dirichlet(np.ones(n))
        power[rng.random(n) < 0.1] = 0.0
        reach = power[None, :] ** rng.uniform(1.0, 1.8, (n, n))  # Bueno de Mesquita's c ** x, x >= 1
        superpower = rng.random(n) < 0.3
        share = float(rng.choice([0.0, 0.3, 0.49, 0.7, 1.0]))
        group = rng.permutation(n)[: int(rng.integers(0, 12))].astype(np.int64)
        t = int(rng.integers(n))
        world = _world(reach, power, superpower, share)
        shares = bt.leader_shares(world)
        assert np.array_equal(shares, np.where(superpower, share, 0.0))  # a superpower leads a theatre, no other state
        got = bt.theatre_of(group, t, reach, power, shares)
        want = bt.theatre(world, group, t)
        assert got.dtype == np.bool_ and np.array_equal(got, want)
        if len(group) and superpower[group[0]] and share > 0 and power[t] > 0 and power[group[0]] > 0:
            th = th_theatre.in_theatre(reach[group, t], power[t], reach[group, group[0]], power[group[0]], share)
            assert np.array_equal(got, th)
            seen += int(got.sum())
        else:
            assert not got.any()  # no superpower leader, or the theatre off: no one in it
        assert not bt.theatre(world, group, t, on=False).any()
    assert seen > 0


def _atlantic(seed: int, share: float, years: int = 15) -> Scenario:
    """A superpower (the leader, at Washington, 0.35 of the system's capability) hostile to another (the threat, at Moscow) an ocean away, and eight middle powers
    that perceive the threat faintly (the clients of :func:`tests.sim.test_blocs._hegemony`), four in Western Europe, two in the far
    north-west (the Faroes) and two in the south-east (Anatolia): the two flanks 3,500 km apart, each within 2,500 km of Western
    Europe, all in the theatre of the threat under the leader at the record's share (NATO_SHARE). ``share``: ``bloc_theatre_reach``."""
    rng = np.random.default_rng(seed)
    actors = [
        {"ccode": 2, "abb": "THR", "name": "Threat", "major": True, "cinc": 0.25, "milex": 3e4, "gdp": 6e5, "lat": 55.0, "lon": 38.0, "regime": 0.1,
         "ideal_point": -1.0},
        {"ccode": 3, "abb": "LDR", "name": "Leader", "major": True, "cinc": 0.35, "milex": 5e4, "gdp": 2e6, "lat": 39.0, "lon": -77.0, "regime": 0.9,
         "ideal_point": 1.5},
    ]
    sites = [(50.0, 8.0)] * 4 + [(62.0, -10.0)] * 2 + [(40.0, 30.0)] * 2
    for k, (lat, lon) in enumerate(sites):
        c = float(rng.uniform(0.02, 0.06))
        actors.append({"ccode": 10 + k, "abb": f"S{k}", "name": f"State {k}", "cinc": c, "milex": c * 1e5, "gdp": c * 2e6,
                       "lat": lat + float(rng.uniform(-2, 2)), "lon": lon + float(rng.uniform(-3, 3)), "regime": float(rng.uniform(0.6, 1.0)),
                       "ideal_point": float(rng.uniform(0.8, 1.6))})
    relations = [{"pair": [2, 3], "hostility": 0.7}] + [{"pair": [2, 10 + k], "hostility": 0.003} for k in range(8)]
    return Scenario.from_dict({"name": "atlantic", "start_year": 1950, "years": years, "seed": seed, "actors": actors, "relations": relations,
                               "parameters": {"bloc_theatre_reach": share}})


def _far_pairs(seed: int, share: float) -> list[tuple[dict, set]]:
    """Each bloc founded, with its clients (its members but the leader) that are farther apart than ``bloc_region_km`` from another."""
    sim = Simulation(_atlantic(seed, share), rng=seed).run()
    w = sim.world
    pos = {int(c): i for i, c in enumerate(w.inputs.ccode)}
    out = []
    for d, _, _ in detail(sim.events(), "formation"):
        if "shared_threat" in d.get("factors", {}):
            codes = np.array([m["ccode"] for m in d["members"][1:]])
            clients = [pos[c] for c in codes]
            far = (w.inputs.distance_km[np.ix_(clients, clients)] > w.inputs.params.bloc_region_km).any(axis=1)
            out.append((d, set(codes[far].tolist())))
    return out


@pytest.fixture(scope="module")
def atlantic():
    return {share: [_far_pairs(s, share) for s in range(SEEDS)] for share in (th_theatre.NATO_SHARE, 0.0)}


def test_a_great_power_binds_clients_an_ocean_apart_only_in_the_theatre_of_the_threat(atlantic):
    # Hemmer & Katzenstein (2002), Walt (1987): the North Atlantic community's clients were an ocean apart because the threat
    # they shared and the power that defended them reached them all; switch the theatre off and the region holds every pair
    on, off = (atlantic[s] for s in sorted(atlantic, reverse=True))
    assert not any(far for blocs in off for _, far in blocs)
    far_on = [sum(len(far) for _, far in blocs) for blocs in on]
    assert sum(n > 0 for n in far_on) >= SEEDS // 2  # in most runs
    for blocs in on:
        for d, far in blocs:
            f = d["factors"]
            assert set(f["theatre"]) <= set(f["candidates"]) and f["theatre_reach"] > 0
            if f["theatre"]:  # the theatre holds only where the candidates' first, a superpower, leads the treaty it founds
                assert f["leader"] == f["candidates"][0] == 3
            assert far <= set(f["theatre"])  # the clients farther apart than the region all lie in the theatre
