"""EMA Workbench adapter: one foedus run as a plain function of its parameters and seed.

EMA Workbench (Kwakkel 2017) drives any model exposed as a Python function whose keyword
arguments are the uncertain parameters and whose return value maps outcome names to values.
:func:`run_once` is that function for foedus: knobs of the scenario
(:func:`foedus.experiments.design.knob_fields`: the trend drivers T1–T5 and the model
parameters, by their short names) and a seed in, per-year indicator arrays out
(:data:`foedus.analysis.indicators.INDICATORS`). :func:`ema_model` wraps it in an
:class:`ema_workbench.Model` (one seed for every experiment: common random numbers) or an
:class:`ema_workbench.ReplicatorModel` (``replications`` seeds per experiment, derived from
``seed`` like an ensemble's runs), so EMA's samplers, evaluators, PRIM and sensitivity
analysis work on foedus unchanged.

Example
-------
A runnable example, ``examples/ema_workbench_example.py`` at the root of the foedus repository,
does this end to end in a few seconds: two uncertainties of ``world-2022`` (12 experiments of 5
years) sampled by EMA, run with its ``SequentialEvaluator`` (``--evaluator multiprocessing``
for the ``MultiprocessingEvaluator``), the outcomes printed and explained with PRIM::

    python examples/ema_workbench_example.py [--scenarios 16] [--replications 3] [--evaluator multiprocessing]

(The file is not named ``ema_workbench.py``: run as a script, it would shadow the package.)
In short::

    from ema_workbench import SequentialEvaluator, perform_experiments
    from foedus.experiments.ema import ema_model

    model = ema_model("europe-1871", {"great_power_competition": (0.2, 0.9), "reactivity": (0.05, 0.3)},
                      years=30, replications=10, seed=1)
    with SequentialEvaluator(model) as evaluator:          # or MultiprocessingEvaluator(model)
        experiments, outcomes = perform_experiments(model, scenarios=200, evaluator=evaluator)
    # outcomes["alliances"]: (200 experiments, 10 replications, 30 years)

    from ema_workbench.analysis import prim
    y = outcomes["poles"][:, :, -1].mean(axis=1) <= 2     # mostly bipolar by the last year
    box = prim.Prim(experiments[["great_power_competition", "reactivity"]], y, threshold=0.8).find_box()

References
----------
.. [1] Kwakkel, J. H. 2017. "The Exploratory Modeling Workbench: An open source toolkit for
   exploratory modeling, scenario discovery, and (multi-objective) robust decision making."
   *Environmental Modelling & Software* 96: 239-50.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from foedus.analysis.indicators import check_indicators
from foedus.experiments.design import Knob, knob_fields
from foedus.experiments.ensemble import indicator_tables, load_scenario
from foedus.experiments.runner import run_seed, run_tables
from foedus.sim.scenario import Scenario

__all__ = ["DEFAULT_OUTCOMES", "FoedusFunction", "run_once", "ema_model"]

DEFAULT_OUTCOMES: tuple[str, ...] = ("alliances", "defense_pacts", "blocs", "poles", "largest_bloc", "milex", "disputes", "wars")
"""Per-year indicators returned by :func:`run_once` by default."""


@lru_cache(maxsize=8)
def _cached_scenario(name_or_file: str) -> Scenario:
    return Scenario.load(name_or_file)


def run_once(
    scenario: Scenario | str | Path = "world-2022",
    *,
    years: int | None = None,
    seed: int = 0,
    outcomes: Sequence[str] = DEFAULT_OUTCOMES,
    **knobs: float,
) -> dict[str, np.ndarray]:
    """Simulate one world and return its indicators per year: a plain function of parameters and seed.

    Parameters
    ----------
    scenario : Scenario, built-in name or scenario file
        Names and files are parsed once per process (cached).
    years : int, optional
        Simulated years (default: the scenario's horizon).
    seed : int
        Seed of the run's generator (the same seed gives the same outcomes).
    outcomes : sequence of str
        Names in :data:`foedus.analysis.indicators.INDICATORS`.
    **knobs : float
        Knob values by short name (``great_power_competition=0.8``, ``reactivity=0.2``); see
        :func:`foedus.experiments.design.knob_fields`.

    Returns
    -------
    dict
        Outcome name -> array of one value per simulated year.

    Examples
    --------
    >>> from foedus.testing import synthetic_scenario
    >>> out = run_once(synthetic_scenario(6, years=3), seed=1, cyber=0.9)
    >>> out["alliances"].shape
    (3,)
    """
    sc = scenario if isinstance(scenario, Scenario) else _cached_scenario(str(scenario))
    sc = load_scenario(sc, years)
    names = tuple(check_indicators(outcomes))
    fields = knob_fields()
    unknown = [k for k in knobs if k not in fields]
    if unknown:
        raise ValueError(f"unknown knob(s) {', '.join(unknown)}; choose from {', '.join(fields)}")
    tables, _ = run_tables(sc, int(seed), knobs, outcomes=indicator_tables)
    system = tables["system"]
    return {name: system[name].to_numpy() for name in names}


class FoedusFunction:
    """A picklable callable ``f(**knobs, seed=...) -> outcomes`` over a fixed scenario (for EMA).

    Parameters
    ----------
    scenario : Scenario, built-in name or file
    years : int, optional
    outcomes : sequence of str
    """

    def __init__(self, scenario: Scenario | str | Path, years: int | None = None, outcomes: Sequence[str] = DEFAULT_OUTCOMES):
        self.scenario = load_scenario(scenario, years)
        self.outcomes = tuple(check_indicators(outcomes))

    def __call__(self, seed: int = 0, **knobs: float) -> dict[str, np.ndarray]:
        return run_once(self.scenario, seed=seed, outcomes=self.outcomes, **knobs)


def ema_model(
    scenario: Scenario | str | Path,
    uncertainties: Mapping[str, tuple[float, float]],
    *,
    years: int | None = None,
    outcomes: Sequence[str] = DEFAULT_OUTCOMES,
    replications: int | None = None,
    seed: int = 0,
    name: str = "foedus",
):
    """An EMA Workbench model of a foedus scenario with the given knobs as uncertainties.

    Parameters
    ----------
    scenario : Scenario, built-in name or file
    uncertainties : mapping of knob short name -> (low, high)
        Each becomes an ``ema_workbench.RealParameter`` (ranges checked against the knob's
        bounds).
    years : int, optional
    outcomes : sequence of str
        Each becomes an ``ema_workbench.ArrayOutcome`` (one value per year).
    replications : int, optional
        None: an ``ema_workbench.Model`` whose every experiment uses ``seed`` (common random
        numbers). An int: an ``ema_workbench.ReplicatorModel`` running each experiment with
        the seeds ``run_seed(seed, 0 .. replications - 1)`` (as an ensemble's runs).
    seed : int
    name : str
        Model name (alphanumeric).

    Returns
    -------
    ema_workbench.Model or ema_workbench.ReplicatorModel
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # optional EMA back-ends (ipyparallel, mpi) announce themselves
        from ema_workbench import ArrayOutcome, Constant, Model, RealParameter, ReplicatorModel

    fields = knob_fields()
    params = []
    for short, (low, high) in uncertainties.items():
        if short not in fields:
            raise ValueError(f"unknown knob {short!r}; choose from {', '.join(fields)}")
        Knob(fields[short], float(low), float(high))  # bounds check
        params.append(RealParameter(short, float(low), float(high)))
    function = FoedusFunction(scenario, years, outcomes)
    if replications is None:
        model = Model(name, function=function)
        model.constants = [Constant("seed", int(seed))]
    else:
        if replications < 1:
            raise ValueError(f"replications must be at least 1, got {replications}")
        model = ReplicatorModel(name, function=function)
        model.replications = [{"seed": run_seed(int(seed), k)} for k in range(int(replications))]
    model.uncertainties = params
    model.outcomes = [ArrayOutcome(o) for o in function.outcomes]
    return model
