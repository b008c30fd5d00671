"""Validation in four eras: the record's alliance facts against runs started from the record.

Each era (:data:`ERAS`: 1816–1914, 1919–1938, 1946–1989, 1990–2018, the last year of ATOP 5.1)
is simulated from :func:`foedus.sim.build.scenario_from_record` at its first year with every
member of the state system (``top_n=None``), for the era's length; the facts of
:mod:`foedus.analysis.eras` are measured by the same code on the record over the era and on the
runs, pooled over seeds (:func:`foedus.analysis.eras.era_facts`), and judged against the
record within the tolerances of :data:`TOLERANCE`:

- rates (formation per state-year, overall and by strongest obligation; alliances in force at the
  era's end per state) and Kaplan-Meier medians: within a factor 2 (an infinite median is a lower
  bound, :func:`in_range`); a rate of zero in the record is matched only by zero;
- members per alliance: within a factor 1.5;
- shares (bilateral, distant pairs of minor states, 10-year survival, defence allies joining a
  war, joiners without a pact): within ± 0.15.

A fact the record cannot measure in an era (no joiner in its wars: 1919–1938) is in range only
when the runs cannot measure it either (both "nothing to count").

In sample and out of sample. The shipped defaults of :class:`foedus.sim.parameters.Parameters`
were fitted on 1816–1914 and 1950–1989 (:mod:`foedus.experiments.validation`), so for the
defaults :data:`DEFAULT_IN_SAMPLE` marks 1816–1914 and 1946–1989 as in sample (calibrated on)
and 1919–1938 and 1990–2018 as out of sample (judged only). For a parameter set fitted by
:mod:`foedus.experiments.calibration`, the eras it was fitted on are in sample and the held-out
era out of sample. ``years`` shortens every era to its first ``years`` years, record and runs
alike (for tests and small calibration budgets).
"""

from __future__ import annotations

import contextlib
import functools
import json
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from foedus.analysis.era_tolerance import TOLERANCE, EraFact, distance, in_range, score, tolerance_text
from foedus.analysis.eras import FACTS, era_facts, era_tables
from foedus.analysis.rivalry_era import run_rivalries

__all__ = ["ERAS", "DEFAULT_IN_SAMPLE", "TOLERANCE", "EraFact", "distance", "in_range", "score", "era_window", "record_facts",
           "cached_record_facts", "era_scenario", "run_era_tables", "judge", "validate_eras", "simulate_eras", "dask_client"]

ERAS: dict[str, tuple[int, int]] = {
    "1816-1914": (1816, 1914),
    "1919-1938": (1919, 1938),
    "1946-1989": (1946, 1989),
    "1990-2018": (1990, 2018),
}
"""Era label -> (first year, last year)."""

DEFAULT_IN_SAMPLE: tuple[str, ...] = ("1816-1914", "1946-1989")
"""Eras the shipped defaults were fitted on (two-window grid search on 1816-1914 and 1950-1989)."""

_BOUND = {"km_median_begun": "km_horizon_begun", "km_median_inherited": "km_horizon_inherited"}


def era_window(era: str, years: int | None = None) -> tuple[int, int]:
    """First and last year of ``era``, shortened to its first ``years`` years if given."""
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}; choose among {', '.join(ERAS)}")
    first, last = ERAS[era]
    if years is not None:
        if years < 1:
            raise ValueError(f"years must be at least 1, got {years}")
        last = min(last, first + years - 1)
    return first, last


@functools.lru_cache(maxsize=8)
def _record(data_dir: str | None):
    from foedus.data import load_record

    return load_record(data_dir)


@functools.lru_cache(maxsize=8)
def capitals(data_dir: str | None = None):
    """The COW capitals table (peacesciencer ``cow_capitals.csv``), for the runs' distances."""
    from foedus.data.geography import read_capitals
    from foedus.data.paths import default_data_dir
    from foedus.data.record import find_file

    d = Path(data_dir) if data_dir else default_data_dir()
    return read_capitals(find_file(d, "capitals"))


@functools.lru_cache(maxsize=64)
def record_facts(era: str, years: int | None = None, data_dir: str | None = None) -> dict[str, float]:
    """The record's facts of ``era`` (cached in the process: they do not depend on the model)."""
    first, last = era_window(era, years)
    return era_facts([era_tables(_record(data_dir), first, last)])


def cached_record_facts(eras: Sequence[str], years: int | None, cache: Path | None, data_dir: str | None = None) -> dict[str, dict[str, float]]:
    """Record facts of ``eras``, read from / written to the JSON file ``cache`` when given."""
    key = f"years={years}"
    stored: dict = {}
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text())
    out = {}
    for era in eras:
        got = stored.get(key, {}).get(era)
        if got is None or not set(FACTS) <= set(got):  # a cache written before a fact was added is measured again
            got = {k: _enc(v) for k, v in record_facts(era, years, data_dir).items()}
            stored.setdefault(key, {})[era] = got
        out[era] = {k: _dec(v) for k, v in got.items()}
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(stored, indent=1, sort_keys=True))
    return out


def _enc(v: float):
    return None if np.isnan(v) else ("inf" if np.isinf(v) else float(v))


def _dec(v) -> float:
    return float("nan") if v is None else float(v)


@functools.lru_cache(maxsize=8)
def era_scenario(era: str, years: int | None = None, data_dir: str | None = None):
    """The scenario of ``era``: the record at its first year, every system member, its length."""
    from foedus.sim.build import scenario_from_record

    first, last = era_window(era, years)
    return scenario_from_record(first, top_n=None, years=last - first + 1, data_dir=Path(data_dir) if data_dir else None, name=f"era-{era}")


def run_era_tables(era: str, seed: int, parameters: Mapping[str, float] | None = None, years: int | None = None, data_dir: str | None = None) -> dict:
    """Simulate one run of ``era`` with ``parameters`` (Parameters field -> value) and reduce it.

    A module-level function so that Dask can ship it to workers (:mod:`foedus.experiments.calibration`).
    """
    from foedus.experiments.design import apply_knobs
    from foedus.sim.agreements import FIRST_SIMULATED_ID
    from foedus.sim.engine import Simulation

    first, last = era_window(era, years)
    sc = era_scenario(era, years, data_dir)
    if parameters:
        sc = apply_knobs(sc, {f"parameters.{k}": float(v) for k, v in parameters.items()})
    h = Simulation(sc, rng=int(seed)).run(last - first + 1).history()
    initial = [tuple(r.pair) for r in (sc.relations or []) if r.rivalry]  # foedus.analysis.rivalry_era: the run's rivalries as the record's table
    h.extras["rivalries"] = run_rivalries(initial, h.events, first, last)
    return era_tables(h, first, last, capitals=capitals(data_dir), min_begun_id=FIRST_SIMULATED_ID)


def _band(values: list[float]) -> tuple[float, float, float]:
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    if not v.size:
        return float("nan"), float("nan"), float("nan")
    q = np.quantile(v, [0.05, 0.5, 0.95], method="inverted_cdf")
    return float(q[1]), float(q[0]), float(q[2])


def judge(era: str, record: Mapping[str, float], runs: Sequence[Mapping], in_sample: bool) -> list[EraFact]:
    """The facts of one era: the record's against the pooled runs' (``runs``: :func:`era_tables` of each seed)."""
    pooled = era_facts(list(runs))
    per_seed = [era_facts([t]) for t in runs]
    out = []
    for name in FACTS:
        r, s = record[name], pooled[name]
        rb = record.get(_BOUND.get(name, ""), np.nan)
        sb = pooled.get(_BOUND.get(name, ""), np.nan)
        med, p5, p95 = _band([f[name] for f in per_seed])
        out.append(
            EraFact(
                era, name, r, s, med, p5, p95, in_range(name, r, s, rb, sb), tolerance_text(name), in_sample,
                rb if np.isinf(r) else None, sb if np.isinf(s) else None, distance(name, r, s, rb, sb),
            )
        )
    return out


def validate_eras(
    eras: Sequence[str] = tuple(ERAS),
    seeds: Sequence[int] = (1, 2, 3),
    *,
    parameters: Mapping[str, float] | None = None,
    years: int | None = None,
    in_sample: Sequence[str] = DEFAULT_IN_SAMPLE,
    data_dir: str | None = None,
    runs: Mapping[str, Sequence[Mapping]] | None = None,
    workers: int = 1,
) -> list[EraFact]:
    """Simulate every era (in this process, or on Dask) and judge its facts against the record.

    Parameters
    ----------
    eras : sequence of str
        Labels of :data:`ERAS`.
    seeds : sequence of int
        One run per seed and era, pooled.
    parameters : mapping, optional
        :class:`~foedus.sim.parameters.Parameters` fields to set (default: the shipped defaults).
    years : int, optional
        Shorten every era to its first ``years`` years (record and runs).
    in_sample : sequence of str
        Eras the parameters were fitted on.
    runs : mapping, optional
        Era -> already simulated :func:`run_era_tables` reductions (skips simulating).
    workers : int
        Dask worker processes (1: sequentially in this process; :func:`dask_client`).
    """
    for e in eras:
        era_window(e, years)
    if not seeds:
        raise ValueError("at least one seed is needed")
    if runs is None:
        with dask_client(workers) as client:
            runs = simulate_eras(eras, seeds, parameters, years, data_dir, client)
    out: list[EraFact] = []
    for era in eras:
        out += judge(era, record_facts(era, years, data_dir), runs[era], era in in_sample)
    return out


def simulate_eras(
    eras: Sequence[str], seeds: Sequence[int], parameters: Mapping[str, float] | None, years: int | None, data_dir: str | None = None, client=None
) -> dict[str, list]:
    """:func:`run_era_tables` of every era and seed: era -> reductions in seed order; on ``client`` (Dask) if given."""
    jobs = [(e, s) for e in eras for s in seeds]
    params = dict(parameters or {})
    if client is None:
        tabs = [run_era_tables(e, s, params, years, data_dir) for e, s in jobs]
    else:
        tabs = client.gather([client.submit(run_era_tables, e, s, params, years, data_dir, pure=False) for e, s in jobs])
    out: dict[str, list] = {e: [] for e in eras}
    for (e, _), t in zip(jobs, tabs):
        out[e].append(t)
    return out


@contextlib.contextmanager
def dask_client(workers: int):
    """A local Dask cluster of ``workers`` processes, one thread each (None when ``workers`` is 1).

    The ensemble engine's cluster (:mod:`foedus.experiments.runner`): a run is single-threaded
    NumPy, so one process per core, numeric libraries held to one thread. Needs the
    ``if __name__ == "__main__":`` guard in scripts.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        yield None
        return
    from foedus.experiments.runner import DEFAULT_CONNECT_TIMEOUT, _dask_client

    with _dask_client(workers=workers, scheduler=None, processes=True, client=None, connect_timeout=DEFAULT_CONNECT_TIMEOUT) as client:
        yield client
