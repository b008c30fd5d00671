"""The alliance system's level, calibrated on the in-sample eras only (issue 12 item 2, issue 17; session 13).

    PYTHONPATH=src python tools/level_calibrate.py search --out DIR --parameters treaty_cost:0.025:0.06:0.001,base_dissolution_hazard:0:0.04:0.001 [--trials 16] [--seeds 3]
    PYTHONPATH=src python tools/level_calibrate.py sources [--seeds 1]

``search`` fits a few :class:`foedus.sim.parameters.Parameters` fields (``name:low:high:step``) on the
in-sample eras 1816-1914 and 1946-1989 only (:data:`foedus.experiments.eras.DEFAULT_IN_SAMPLE`; the protocol
forbids choosing values on 1919-1938 or 1990-2018), the runs of seeds ``1..seeds`` pooled. Objective:
:func:`foedus.experiments.calibration.objective` (facts out of range plus the mean capped distance in
tolerance units over every in-sample fact). Sampler: optuna's TPE (Bergstra et al. 2011), as ``foedus
calibrate``: the objective is noisy (three seeds of a stochastic simulation, a step function of the facts'
verdicts), has no gradient, and costs about a minute; the first trial is the shipped defaults, so the best
trial is never worse than them on the objective. Trials are kept in ``DIR/optuna.journal`` (resumable);
each trial's facts in ``DIR/trial_K.json``. The result lists every fact the best trial moved against the
defaults (:func:`fact_changes`): the count decides, never the distance alone.

``sources`` measures where an era's new pacts come from (the record against runs of the record-built
scenario): the share of pacts begun in 1946-1989 and 1990-2018 with a member among the Soviet Union's
successor states (:data:`FORMER_SOVIET`), and the rate of the others per state-year (:func:`pact_sources`).
A measurement, not a fit: it says why runs of 1990 form fewer pacts per state-year than runs of 1946.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

FORMER_SOVIET = frozenset({365, 359, 366, 367, 368, 369, 370, 371, 372, 373, 701, 702, 703, 704, 705})
"""COW codes of Russia and the fourteen other successor states of the Soviet Union (the Baltic states, Ukraine,
Belarus, Moldova, the Caucasus, Central Asia)."""


def parse_bounds(text: str) -> dict[str, tuple[float, float, float]]:
    """``name:low:high:step,...`` -> {name: (low, high, step)}; a ValueError names the bad item."""
    out = {}
    for item in filter(None, (s.strip() for s in text.split(","))):
        parts = item.split(":")
        if len(parts) != 4:
            raise ValueError(f"{item!r}: expected name:low:high:step")
        lo, hi, step = (float(x) for x in parts[1:])
        if not (lo < hi and step > 0):
            raise ValueError(f"{item!r}: need low < high and step > 0")
        out[parts[0]] = (lo, hi, step)
    if not out:
        raise ValueError("no parameter to fit")
    return out


def fact_changes(before: Sequence[Mapping], after: Sequence[Mapping], min_distance: float = 0.0) -> list[dict]:
    """The facts that moved between two judged sets (dicts of :meth:`foedus.analysis.era_tolerance.EraFact.as_dict`).

    A fact is listed when its verdict changed (``change`` "gained" or "lost") or its distance to the record
    moved by more than ``min_distance`` tolerance units (``change`` "closer" or "further").
    """
    old = {(f["era"], f["name"]): f for f in before}
    out = []
    for f in after:
        b = old.get((f["era"], f["name"]))
        if b is None:
            continue
        if bool(f["in_range"]) != bool(b["in_range"]):
            change = "gained" if f["in_range"] else "lost"
        elif abs(f["distance"] - b["distance"]) > min_distance:
            change = "closer" if f["distance"] < b["distance"] else "further"
        else:
            continue
        out.append({"era": f["era"], "name": f["name"], "record": f["record"], "before": b["simulated"], "after": f["simulated"],
                    "distance_before": b["distance"], "distance_after": f["distance"], "in_range": bool(f["in_range"]), "change": change})
    return out


def _evaluate(params: Mapping[str, float], seeds: int, out: Path, number: int) -> float:
    from foedus.experiments.calibration import objective
    from foedus.experiments.eras import DEFAULT_IN_SAMPLE, validate_eras

    eras = tuple(DEFAULT_IN_SAMPLE)
    facts = validate_eras(eras, tuple(range(1, seeds + 1)), parameters=dict(params), in_sample=eras)
    value = objective(facts)
    (out / f"trial_{number}.json").write_text(json.dumps({"params": dict(params), "objective": value, "out_of_range": sum(not f.in_range for f in facts),
                                                          "facts": [f.as_dict() for f in facts]}, indent=1))
    print(f"trial {number}: {dict(params)} objective {value:.4f}", flush=True)
    return value


def search(out: Path, bounds: Mapping[str, tuple[float, float, float]], trials: int, seeds: int, seed: int = 1) -> dict:
    """Run (or resume) the TPE study to ``trials`` trials; the best trial against the defaults (trial 0)."""
    import optuna
    from optuna.storages import JournalStorage
    from optuna.storages.journal import JournalFileBackend

    from foedus.sim.parameters import Parameters

    out.mkdir(parents=True, exist_ok=True)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    storage = JournalStorage(JournalFileBackend(str(out / "optuna.journal")))
    sampler = optuna.samplers.TPESampler(seed=seed, n_startup_trials=max(2, trials // 3))
    study = optuna.create_study(study_name="level", storage=storage, sampler=sampler, direction="minimize", load_if_exists=True)
    if not study.trials:
        study.enqueue_trial({n: float(Parameters.model_fields[n].default) for n in bounds})
    done = sum(t.state == optuna.trial.TrialState.COMPLETE for t in study.trials)

    def f(trial) -> float:
        params = {n: trial.suggest_float(n, lo, hi, step=step) for n, (lo, hi, step) in bounds.items()}
        return _evaluate(params, seeds, out, trial.number)

    if trials > done:
        study.optimize(f, n_trials=trials - done)
    best = study.best_trial
    base = json.loads((out / "trial_0.json").read_text())["facts"]
    facts = json.loads((out / f"trial_{best.number}.json").read_text())["facts"]
    return {"best_params": best.params, "best_objective": best.value, "defaults_objective": study.trials[0].value, "trials": len(study.trials),
            "changes": fact_changes(base, facts, min_distance=0.15)}


def pact_sources(history, first: int, last: int, group: frozenset[int] = FORMER_SOVIET, min_begun_id: int | None = None, capitals=None) -> dict:
    """Pacts begun in ``first..last`` with at least one member in ``group``, with members in it only, and the others' rate per state-year."""
    from foedus.analysis.eras import era_tables

    t = era_tables(history, first, last, capitals=capitals, min_begun_id=min_begun_id)
    members = history.memberships.groupby("agreement_id")["ccode"].agg(lambda s: frozenset(int(c) for c in s))
    sets = [members.get(a, frozenset()) for a in t["begun"]["agreement_id"]]
    touch = np.array([bool(s & group) for s in sets], bool)
    only = np.array([bool(s) and s <= group for s in sets], bool)
    sy = float(t["state_years"])
    return {"begun": len(sets), "per_state_year": len(sets) / sy, "with_group": int(touch.sum()), "group_only": int(only.sum()),
            "others_per_state_year": float((~touch).sum()) / sy}


def sources(seeds: int) -> None:
    """Print :func:`pact_sources` of 1946-1989 and 1990-2018 for the record and ``seeds`` runs."""
    from foedus.experiments.eras import _record, capitals, era_scenario, era_window
    from foedus.sim.agreements import FIRST_SIMULATED_ID
    from foedus.sim.engine import Simulation

    for era in ("1946-1989", "1990-2018"):
        first, last = era_window(era)
        print(era, "record", json.dumps(pact_sources(_record(None), first, last, capitals=capitals(None))), flush=True)
        for s in range(1, seeds + 1):
            h = Simulation(era_scenario(era), rng=s).run(last - first + 1).history()
            print(era, f"run seed {s}", json.dumps(pact_sources(h, first, last, min_begun_id=FIRST_SIMULATED_ID, capitals=capitals(None))), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("search")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--parameters", required=True, help="name:low:high:step,...")
    s.add_argument("--trials", type=int, default=16)
    s.add_argument("--seeds", type=int, default=3)
    s.add_argument("--seed", type=int, default=1)
    r = sub.add_parser("sources")
    r.add_argument("--seeds", type=int, default=1)
    a = ap.parse_args(argv)
    if a.cmd == "sources":
        sources(a.seeds)
        return 0
    try:
        bounds = parse_bounds(a.parameters)
    except ValueError as e:
        print(f"--parameters: {e}")
        return 2
    print(json.dumps(search(a.out, bounds, a.trials, a.seeds, a.seed), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
