"""The benchmarks' untimed warm-up: load every compiled kernel before the clock starts (issue 16).

numba loads a kernel from its on-disk cache (``cache=True``) the first time it is called, at a cost of milliseconds to tens of
milliseconds; a kernel first called inside a timed run puts that load in the timing. The warm-up of before (40 states for 15
years, or ten years of the scenario) fought no war nor reached an accession: about 19 kernels (the war entry and casus foederis
kernels, the accession votes, the multilateral foundings' kernels) loaded inside the timed 200 x 200 run.

:func:`warm_up` runs worlds that go through every path of the engine: :data:`WARM` (a synthetic world of 60 states for 30
years, cyber actors, starting alliances, every event explained: wars fought with allies called in, accessions, bloc
foundings) and :data:`RULERS` (200 states for two years: new states and their former rulers), then, for a scenario's
benchmark, that scenario over :data:`SCENARIO_YEARS` years as an ensemble's worker runs it (events counted, not explained),
and last the year's utilities of the last world with a read-only shared global threat (:func:`_read_only_utilities`).
Measured on this tree, with seed 0: no kernel loads inside the timed 200 x 200 run (seed 11) nor
inside eight world-2022 30-year runs (seeds 11-18). :func:`compiled_kernels` lets a benchmark say so of its own run: the
kernels compiled or loaded between two of its calls.
"""

from __future__ import annotations

import sys

WARM = (60, 30, 0)
"""States, years and seed of the synthetic warm-up world."""

SCENARIO_YEARS = 30
"""Years of the scenario's warm-up run (seed 0)."""

RULERS = (200, 2, 0)
"""States, years and seed of a second synthetic warm-up world: :data:`WARM`'s 60 states hold no new state with its former ruler
among them, so the former ruler's tie (``pair_value._ruler_tie_kernel``) loaded inside the timed 200 x 200 run (measured at
session 21); 200 states hold such pairs from the first year."""


def synthetic_run(n: int, years: int, seed: int):
    """A Simulation of :func:`foedus.testing.synthetic_scenario` as ``benchmarks/simulate.py`` times it (cyber actors, ``n // 10``
    starting alliances, every event explained), and its years."""
    from foedus.sim.engine import Simulation
    from foedus.testing import synthetic_scenario

    sc = synthetic_scenario(n, seed=seed, years=years, alliances=n // 10, cyber=True, spread_km=12000.0)
    return Simulation(sc, rng=sc.seed), years


def scenario_run(scenario: str, years: int, seed: int):
    """A Simulation of a built-in scenario as an ensemble's worker runs it (events counted, not explained), and its years."""
    from foedus.experiments.ensemble import load_scenario
    from foedus.sim.compact import CountingRecorder
    from foedus.sim.engine import Simulation

    sc = load_scenario(scenario, years)
    rec = CountingRecorder(len(sc.actors), sc.start_year, capacity=sc.years, keep_events=False)
    return Simulation(sc, rng=seed, recorder=rec, explain=False), sc.years


def warm_up(scenario: str | None = None) -> None:
    """Run the warm-up worlds (untimed): :data:`WARM`, then ``scenario`` (if given) over :data:`SCENARIO_YEARS` years; last
    :func:`_read_only_utilities` of the last world."""
    sim, years = synthetic_run(*WARM)
    sim.run(years)
    sim, years = synthetic_run(*RULERS)
    sim.run(years)
    if scenario:
        sim, years = scenario_run(scenario, SCENARIO_YEARS, 0)
        sim.run(years)
    _read_only_utilities(sim.world)


def _read_only_utilities(world) -> None:
    """The year's utilities (:func:`foedus.sim.steps.year_goods.utilities`' call of
    :func:`foedus.theory.alignment.alignment_utilities`) of ``world`` with its shared global threat read-only, as the threat step
    hands it over (``world.cache["global_threats"]``, made read-only): a second compiled signature of
    :func:`foedus.theory.alignment._alignment_kernel` that the warm world never asked (measured: there the alignment step always
    read a writable one). Without it that signature loaded inside the timed 200 x 200 run from its second
    year (charged to the blocs step, which asks the year's utilities first), or compiled there on a fresh tree: about 1-2 s of
    CPU (measured 2026-12-07 on main e1712a8, speedB21)."""
    from foedus.theory import alignment as th_align

    p, res = world.inputs.params, world.results
    shared = res.shared_global.copy()
    shared.flags.writeable = False
    th_align.alignment_utilities(
        world.state.power, res.threat, world.state.hostility, weakness_threshold=p.weakness_threshold, balance_power_weight=p.balance_power_weight,
        balance_threat_weight=p.balance_threat_weight, bandwagon_weight=p.bandwagon_weight, tether_weight=p.tether_weight,
        shared_global=shared, reach=res.reach, return_total=True, check=False,
    )


def compiled_kernels() -> dict[str, int]:
    """The number of compiled signatures of every numba kernel of the imported foedus modules (a kernel loaded from numba's cache
    counts as compiled), by qualified name."""
    from numba.core.registry import CPUDispatcher

    out: dict[str, int] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("foedus"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, CPUDispatcher):
                out[f"{value.py_func.__module__}.{value.py_func.__name__}"] = len(value.signatures)
    return out


def loaded_since(before: dict[str, int]) -> list[str]:
    """The kernels compiled or loaded since ``before`` (:func:`compiled_kernels`)."""
    return sorted(k for k, v in compiled_kernels().items() if v > before.get(k, 0))
