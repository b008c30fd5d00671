"""Leave-one-era-out calibration of the simulator's parameters, and their global sensitivity.

:func:`calibrate` fits a chosen set of :class:`foedus.sim.parameters.Parameters` fields on three
of the four eras of :mod:`foedus.experiments.eras` and scores the fourth, held out, for each era
in turn; then fits them on all four (the candidate for the shipped defaults, which it never
writes: ``sim/parameters.py`` changes only by a reviewed commit). Every era's facts are thus
seen twice: *in sample* (judged with the fit on all four eras, which saw it) and *out of sample*
(judged with the fit that did not see it). The out-of-sample score is the one that says whether
the model explains anything.

Objective. For a parameter set and a set of eras, the runs (``seeds`` per era, pooled) are
judged fact by fact (:func:`foedus.experiments.eras.judge`); the objective is the number of facts
out of range plus the mean over facts of their distance to the record in tolerance units
(:func:`foedus.analysis.era_tolerance.distance`, capped at :data:`DISTANCE_CAP`): the count is
what the issue judges, the distance gives the optimiser a slope inside a count's plateau.

Why optuna (Akiba et al. 2019), and its TPE sampler (Bergstra et al. 2011). The objective is
noisy (a few seeds of a stochastic simulation), expensive (minutes per evaluation at full
length), has no gradient, and mixes bounded and half-bounded parameters of different scales.
Gradient methods (scipy.optimize) need smoothness it does not have; a grid grows as k^d; EMA
Workbench's evolutionary optimisation needs many more evaluations than a tree-structured Parzen
estimator, which models good and bad regions from the trials so far and spends the budget where
improvement is likely. optuna also stores every trial in a journal file under the output folder
(``optuna.journal``), so a calibration that is killed resumes where it stopped (the trials done
are kept and only the missing ones run), and its sampler takes an explicit seed (one per fold,
:func:`fold_seed`), so a study run without interruption is reproducible. A resumed study keeps
its trials but the sampler restarts from its seed, so it may propose different later trials than
an uninterrupted one: reproducible, but as a function of the interruption too.

Bounds. Each parameter is searched within its ``Parameters`` field's own bounds (``ge``/``gt``,
``le``/``lt``); a side with no bound stops at four times the default's magnitude (1 when the
default is 0). An open bound (``gt``) is moved in by 1e-9.

Simulations run through Dask when ``workers > 1`` (a local cluster of processes, one thread
each, the ensemble engine's convention; :mod:`foedus.experiments.runner`): each task simulates
one era with one seed and returns its reduction (:func:`foedus.experiments.eras.run_era_tables`).

Sensitivity. :func:`sobol` estimates first-order and total Sobol indices (Sobol 2001; Saltelli
2002; with SALib, Herman & Usher 2017) of the objective over all four eras with respect to each
calibrated parameter within its bounds, from ``N * (D + 2)`` evaluations (Saltelli's scheme
without second-order terms; ``N`` a power of two): which parameters matter.

Which facts are calibrated on and which judged: in a fold, every fact of the three fitted eras
is calibrated on and every fact of the held-out era is judged; in the fit on all four eras every
fact is calibrated on (none judged).

References
----------
.. [1] Akiba, T., S. Sano, T. Yanase, T. Ohta and M. Koyama. 2019. "Optuna: A Next-generation
   Hyperparameter Optimization Framework." *KDD '19*: 2623-31.
.. [2] Bergstra, J., R. Bardenet, Y. Bengio and B. Kégl. 2011. "Algorithms for Hyper-Parameter
   Optimization." *NeurIPS 24*.
.. [3] Saltelli, A. 2002. "Making best use of model evaluations to compute sensitivity indices."
   *Computer Physics Communications* 145(2): 280-97.
.. [4] Herman, J. and W. Usher. 2017. "SALib: An open-source Python library for Sensitivity
   Analysis." *Journal of Open Source Software* 2(9): 97.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from foedus.analysis.era_tolerance import EraFact, score
from foedus.experiments.eras import ERAS, cached_record_facts, dask_client, era_window, judge, simulate_eras

__all__ = ["CALIBRATED", "DISTANCE_CAP", "parameter_bounds", "objective", "Evaluator", "fold_seed", "calibrate", "sobol"]

CALIBRATED: tuple[str, ...] = (
    "alliance_cost",
    "commitment_exponent",
    "balance_power_weight",
    "exit_rate",
    "exit_threshold",
    "dissolution_hazard",
    "capability_change_weight",
    "cohesion_intercept",
    "cohesion_threat_weight",
    "cohesion_similarity_weight",
)
"""The parameters fitted by default: those the two-window grid search fitted (:mod:`foedus.experiments.validation`)."""

DISTANCE_CAP = 4.0
"""A fact further than this many tolerances from the record adds no more to the objective."""


def parameter_bounds(names: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Search bounds of each ``Parameters`` field: its own bounds (see the module docstring)."""
    import annotated_types as at

    from foedus.sim.parameters import Parameters

    out = {}
    for n in names:
        if n not in Parameters.model_fields:
            raise ValueError(f"unknown parameter {n!r}; see foedus.sim.parameters.Parameters")
        f = Parameters.model_fields[n]
        if f.annotation not in (float, int):
            raise ValueError(f"parameter {n!r} is not a number")
        d = float(f.default)
        lo = hi = None
        for m in f.metadata:
            if isinstance(m, at.Ge):
                lo = float(m.ge)
            elif isinstance(m, at.Gt):
                lo = float(m.gt) + 1e-9
            elif isinstance(m, at.Le):
                hi = float(m.le)
            elif isinstance(m, at.Lt):
                hi = float(m.lt) - 1e-9
        span = 4.0 * abs(d) if d else 1.0
        out[n] = (lo if lo is not None else -span, hi if hi is not None else span)
    return out


def objective(facts: Sequence[EraFact]) -> float:
    """Facts out of range plus the mean capped distance (see the module docstring)."""
    if not facts:
        raise ValueError("no facts to score")
    out = sum(not f.in_range for f in facts)
    return float(out + np.mean([min(f.distance, DISTANCE_CAP) for f in facts]))


class Evaluator:
    """Simulates eras for parameter sets and judges them; on Dask when ``workers > 1``."""

    def __init__(self, seeds: Sequence[int], years: int | None, out: Path, workers: int = 1, data_dir: str | None = None):
        self.seeds = tuple(seeds)
        self.years = years
        self.data_dir = data_dir
        self.record = cached_record_facts(tuple(ERAS), years, Path(out) / "record_facts.json", data_dir)
        self._dask = dask_client(workers)
        self.client = self._dask.__enter__()

    def close(self) -> None:
        self._dask.__exit__(None, None, None)

    def facts(self, params: Mapping[str, float], eras: Sequence[str], in_sample: Sequence[str]) -> list[EraFact]:
        """Every fact of ``eras`` for ``params``, the runs pooled over the seeds."""
        runs = simulate_eras(eras, self.seeds, params, self.years, self.data_dir, self.client)
        return [f for e in eras for f in judge(e, self.record[e], runs[e], e in in_sample)]


def fold_seed(seed: int, held_out: str | None) -> int:
    """The TPE sampler's seed of a fold (``held_out`` None: the fit on every era)."""
    order = [None, *ERAS]
    return int(seed) * 10 + order.index(held_out)


def _study(out: Path, name: str, seed: int):
    import optuna
    from optuna.storages import JournalStorage
    from optuna.storages.journal import JournalFileBackend

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    storage = JournalStorage(JournalFileBackend(str(out / "optuna.journal")))
    return optuna.create_study(study_name=name, storage=storage, sampler=optuna.samplers.TPESampler(seed=seed), direction="minimize", load_if_exists=True)


def _fit(ev: Evaluator, out: Path, name: str, eras: Sequence[str], bounds: Mapping[str, tuple[float, float]], trials: int, seed: int, progress=None) -> tuple[dict, float, int]:
    """Run (or resume) one study to ``trials`` complete trials; the best parameters, objective and trial count."""
    import optuna

    study = _study(out, name, seed)
    done = sum(t.state == optuna.trial.TrialState.COMPLETE for t in study.trials)
    if done == 0:
        from foedus.sim.parameters import Parameters

        study.enqueue_trial({n: float(Parameters.model_fields[n].default) for n in bounds}, skip_if_exists=True)

    def f(trial) -> float:
        params = {n: trial.suggest_float(n, lo, hi) for n, (lo, hi) in bounds.items()}
        value = objective(ev.facts(params, eras, eras))
        if progress is not None:
            progress(name, trial.number + 1, trials, value)
        return value

    if trials > done:
        study.optimize(f, n_trials=trials - done)
    return dict(study.best_params), float(study.best_value), len(study.trials)


def calibrate(
    out: Path,
    *,
    parameters: Sequence[str] = CALIBRATED,
    trials: int = 50,
    seeds: Sequence[int] = (1, 2, 3),
    years: int | None = None,
    seed: int = 1,
    workers: int = 1,
    sobol_n: int = 0,
    progress=None,
    data_dir: str | None = None,
) -> dict[str, Any]:
    """Leave-one-era-out calibration; writes ``calibration.json`` in ``out`` and returns its contents.

    Parameters
    ----------
    out : Path
        Output folder (the optuna journal, the cached record facts, the result).
    parameters : sequence of str
        ``Parameters`` fields to fit.
    trials : int
        Trials per study (four folds and the fit on all eras: five studies).
    seeds : sequence of int
        Runs per era and trial, pooled.
    years : int, optional
        Shorten every era to its first ``years`` years (small budgets).
    seed : int
        Seed of the TPE samplers (:func:`fold_seed`).
    workers : int
        Dask worker processes (1: in this process).
    sobol_n : int
        Base sample of the Sobol analysis (a power of two; 0: none).
    """
    if trials < 1:
        raise ValueError("trials must be at least 1")
    if sobol_n and (sobol_n < 2 or sobol_n & (sobol_n - 1)):
        raise ValueError(f"sobol_n must be a power of two (or 0), got {sobol_n}")
    for e in ERAS:
        era_window(e, years)
    bounds = parameter_bounds(parameters)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ev = Evaluator(seeds, years, out, workers, data_dir)
    try:
        folds = []
        held: dict[str, list[EraFact]] = {}
        for era in ERAS:
            fitted = [e for e in ERAS if e != era]
            best, value, n = _fit(ev, out, f"without-{era}", fitted, bounds, trials, fold_seed(seed, era), progress)
            facts = ev.facts(best, [era], fitted)
            held[era] = facts
            k, total = score(facts)
            folds.append({"held_out": era, "trials": n, "best_objective": value, "best_parameters": best, "held_out_in_range": f"{k}/{total}"})
        best, value, n = _fit(ev, out, "all-eras", list(ERAS), bounds, trials, fold_seed(seed, None), progress)
        full = ev.facts(best, list(ERAS), list(ERAS))
        result = _result(folds, held, full, best, value, n, bounds, seeds, years, trials, seed)
        if sobol_n:
            result["sobol"] = sobol(ev, bounds, sobol_n, seed)
    finally:
        ev.close()
    (out / "calibration.json").write_text(json.dumps(result, indent=1))
    return result


def _result(folds, held, full, best, value, n, bounds, seeds, years, trials, seed) -> dict[str, Any]:
    side = []
    for f in full:
        o = next(h for h in held[f.era] if h.name == f.name)
        side.append(
            {
                "era": f.era, "fact": f.name, "record": f.as_dict()["record"], "tolerance": f.tolerance,
                "in_sample": f.as_dict()["simulated"], "in_sample_in_range": bool(f.in_range),
                "out_of_sample": o.as_dict()["simulated"], "out_of_sample_in_range": bool(o.in_range),
            }
        )
    ko = sum(r["out_of_sample_in_range"] for r in side)
    ki = sum(r["in_sample_in_range"] for r in side)
    return {
        "note": (f"{trials} trials per study, seeds {list(seeds)}, " + (f"eras shortened to {years} years" if years else "full eras")
                 + f"; out of sample {ko}/{len(side)} facts in range, in sample {ki}/{len(side)}"),
        "facts_in_range_out_of_sample": f"{ko}/{len(side)}",
        "facts_in_range_in_sample": f"{ki}/{len(side)}",
        "bounds": {k: list(v) for k, v in bounds.items()},
        "folds": folds,
        "all_eras": {"trials": n, "best_objective": value, "best_parameters": best},
        "shipped_candidate": best,
        "side_by_side": side,
        "settings": {"trials": trials, "seeds": list(seeds), "years": years, "seed": seed},
    }


def sobol(ev: Evaluator, bounds: Mapping[str, tuple[float, float]], n: int, seed: int) -> dict[str, Any]:
    """First-order and total Sobol indices of the objective over all eras (SALib; see the module docstring)."""
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    names = list(bounds)
    problem = {"num_vars": len(names), "names": names, "bounds": [list(bounds[k]) for k in names]}
    x = sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
    y = np.array([objective(ev.facts(dict(zip(names, row)), list(ERAS), list(ERAS))) for row in x])
    si = sobol_analyze.analyze(problem, y, calc_second_order=False, seed=seed)
    ranking = sorted(
        ({"parameter": k, "S1": float(si["S1"][i]), "ST": float(si["ST"][i]), "ST_conf": float(si["ST_conf"][i])} for i, k in enumerate(names)),
        key=lambda r: -r["ST"],
    )
    return {"samples": int(len(y)), "base": n, "ranking": ranking}
