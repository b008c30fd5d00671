"""Synthetic scenarios: random but reproducible state systems for tests, benchmarks and experiments.

:func:`synthetic_scenario` draws a system of ``n`` states with log-normal capabilities (a few
great powers, many small states), capitals scattered over a region, regimes, hostile pairs and
trade ties. Controlled experiments start from one and change a single thing (a rising power, the
interdependence trend, regime similarity...); :func:`with_updates` makes that a one-liner.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from foedus.sim.scenario import Actor, AgreementSpec, Relation, Scenario


def synthetic_scenario(
    n: int = 12,
    *,
    seed: int = 0,
    years: int = 30,
    start_year: int = 2000,
    n_major: int | None = None,
    spread_km: float = 3000.0,
    hostile_share: float = 0.15,
    regime: float | tuple[float, float] | None = None,
    alliances: int = 0,
    trade: float = 0.05,
    cyber: bool = False,
    name: str | None = None,
    **parameters: Any,
) -> Scenario:
    """A random, reproducible :class:`~foedus.sim.scenario.Scenario` of ``n`` states.

    Parameters
    ----------
    n : int
        Number of states, labelled with the integers 2, 3, ... as state codes: labels only (code 2 is
        not the United States here).
    seed : int
        Seed of the generator drawing the system (also the scenario's run seed).
    years, start_year : int
        Horizon.
    n_major : int, optional
        Number of major powers (the strongest states); default ``max(1, n // 6)``.
    spread_km : float
        Capitals are drawn uniformly in a square of about this side (km), centred on 45°N 10°E.
    hostile_share : float in [0, 1]
        Share of pairs with a hostility drawn in [0.3, 0.8] (the rest 0-0.1).
    regime : float or (low, high), optional
        Regime of every state, or the range to draw it from; default uniform on [0, 1].
    alliances : int
        Number of random bilateral defence pacts in force at the start.
    trade : float
        Mean trade dependence of a pair.
    cyber : bool
        Give states cyber capacity and vulnerability (otherwise 0: no cyber step).
    name : str, optional
    **parameters
        Overrides of :class:`~foedus.sim.parameters.Parameters`.
    """
    rng = np.random.default_rng(seed)
    n_major = max(1, n // 6) if n_major is None else n_major
    codes, actors = _draw_actors(rng, n, n_major=n_major, spread_km=spread_km, regime=regime, cyber=cyber)
    relations, pairs, hostile = _draw_relations(rng, codes, hostile_share=hostile_share, trade=trade)
    specs = _pacts(codes, pairs, hostile, alliances=alliances, start_year=start_year)
    sc = Scenario(
        name=name or f"synthetic-{n}-{seed}",
        description="a synthetic state system (foedus.testing)",
        start_year=start_year,
        years=years,
        seed=seed,
        actors=actors,
        relations=relations,
        agreements=specs,
    )
    return with_updates(sc, parameters=parameters) if parameters else sc


def _draw_actors(
    rng: np.random.Generator, n: int, *, n_major: int, spread_km: float, regime: float | tuple[float, float] | None, cyber: bool
) -> tuple[np.ndarray, list[Actor]]:
    """The state codes and the ``n`` actors of :func:`synthetic_scenario` (strongest first)."""
    cinc = rng.lognormal(0.0, 1.2, n)
    cinc = np.sort(cinc)[::-1]
    cinc = cinc / cinc.sum() * 0.9
    lat = 45.0 + rng.uniform(-0.5, 0.5, n) * spread_km / 111.0
    lon = 10.0 + rng.uniform(-0.5, 0.5, n) * spread_km / 80.0
    lat = np.clip(lat, -89.0, 89.0)
    lon = (lon + 180.0) % 360.0 - 180.0
    if regime is None:
        reg = rng.uniform(0.0, 1.0, n)
    elif isinstance(regime, tuple):
        reg = rng.uniform(regime[0], regime[1], n)
    else:
        reg = np.full(n, float(regime))
    gdp = cinc * 1e6 * rng.uniform(0.7, 1.3, n)
    milex = gdp * rng.uniform(0.01, 0.04, n)
    codes = np.arange(2, 2 + n)
    actors = [
        Actor(
            ccode=int(codes[i]),
            abb=f"S{i:02d}",
            name=f"State {i}",
            major=bool(i < n_major),
            cinc=float(cinc[i]),
            milex=float(milex[i]),
            milper=float(milex[i] / 50.0),
            gdp=float(gdp[i]),
            population=float(gdp[i] / 2e4),
            growth=float(rng.uniform(0.01, 0.03)),
            regime=float(np.clip(reg[i], 0, 1)),
            lat=float(lat[i]),
            lon=float(lon[i]),
            cyber_capacity=float(rng.uniform(0.1, 0.9)) if cyber else None,
            cyber_vulnerability=float(rng.uniform(0.2, 0.8)) if cyber else None,
        )
        for i in range(n)
    ]
    return codes, actors


def _draw_relations(
    rng: np.random.Generator, codes: np.ndarray, *, hostile_share: float, trade: float
) -> tuple[list[Relation], tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Every pair's relation; also the pairs (upper triangle) and which of them are hostile."""
    n = len(codes)
    relations = []
    iu, ju = np.triu_indices(n, 1)
    hostile = rng.random(len(iu)) < hostile_share
    host = np.where(hostile, rng.uniform(0.3, 0.8, len(iu)), rng.uniform(0.0, 0.1, len(iu)))
    td = np.clip(rng.exponential(trade, (len(iu), 2)), 0.0, 1.0)
    for k in range(len(iu)):
        relations.append(
            Relation(
                pair=(int(codes[iu[k]]), int(codes[ju[k]])),
                hostility=float(host[k]),
                rivalry=bool(hostile[k] and host[k] > 0.6),
                trade_dependence=(float(td[k, 0]), float(td[k, 1])),
            )
        )
    return relations, (iu, ju), hostile


def _pacts(
    codes: np.ndarray, pairs: tuple[np.ndarray, np.ndarray], hostile: np.ndarray, *, alliances: int, start_year: int
) -> list[AgreementSpec]:
    """``alliances`` bilateral defence pacts between friendly pairs, in force the year before the start."""
    iu, ju = pairs
    specs = []
    friendly = np.flatnonzero(~hostile)
    for a in range(min(alliances, len(friendly))):
        k = friendly[a * max(1, len(friendly) // max(alliances, 1))]
        specs.append(
            AgreementSpec(name=f"pact {a}", members=[int(codes[iu[k]]), int(codes[ju[k]])], start_year=start_year - 1, id=a + 1)
        )
    return specs


def with_updates(scenario: Scenario, **changes: Any) -> Scenario:
    """A validated copy of ``scenario`` with top-level fields changed; dicts merge into sub-models.

    >>> sc = synthetic_scenario(8)
    >>> with_updates(sc, trends={"economic_interdependence": 0.9}).trends.economic_interdependence
    0.9
    """
    data = scenario.model_dump()
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return Scenario.from_dict(data, source=f"{scenario.name} (updated)")
