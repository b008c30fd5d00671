"""EMA Workbench drives foedus: sample two uncertainties, run the worlds, explain an outcome with PRIM.

foedus exposes one simulated world as a plain function of its knobs and seed
(:func:`foedus.experiments.ema.run_once`); :func:`foedus.experiments.ema.ema_model` wraps it
in an EMA Workbench model whose uncertainties are foedus knobs and whose outcomes are per-year
indicator arrays. From there EMA's samplers, evaluators and analyses work unchanged. This
script

1. builds the model: scenario ``world-2022`` for 5 years, with two uncertainties,
   ``great_power_competition`` (trend T1, 0.2-0.9) and ``alliance_cost`` (0.0-0.5);
2. samples 12 experiments (EMA's Latin hypercube) and runs them with EMA's
   ``SequentialEvaluator`` (``--evaluator multiprocessing`` for its ``MultiprocessingEvaluator``);
3. prints each experiment's knob values and outcomes in the last simulated year;
4. runs PRIM (EMA Workbench's implementation, through
   :func:`foedus.experiments.discovery.prim_box`) on "more defence pacts than the median
   experiment in the last year" and prints the box of knob ranges that explains it.

Run it from the project root (a few seconds)::

    python examples/ema_workbench_example.py
    python examples/ema_workbench_example.py --scenarios 16 --replications 3 --evaluator multiprocessing --processes 2

``--replications K`` runs every experiment with K seeds (EMA's ``ReplicatorModel``: outcomes get
a replication axis, averaged here); without it every experiment uses the same seed (common
random numbers), so the differences between experiments come from the knobs alone.
"""

from __future__ import annotations

import argparse
import sys
import warnings

import numpy as np

UNCERTAINTIES = {"great_power_competition": (0.2, 0.9), "alliance_cost": (0.0, 0.5)}
"""The knobs EMA samples (short names of :func:`foedus.experiments.design.knob_fields`) and their ranges."""

OUTCOMES = ("alliances", "defense_pacts", "blocs", "poles", "milex", "wars")
"""Per-year indicators returned for every experiment (:data:`foedus.analysis.indicators.INDICATORS`)."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="EMA Workbench drives foedus: sample, run, print outcomes, PRIM.")
    p.add_argument("--scenario", default="world-2022", help="foedus scenario: a built-in name or a scenario file (default: world-2022)")
    p.add_argument("--years", type=int, default=5, help="years each experiment simulates (default: 5)")
    p.add_argument("--scenarios", type=int, default=12, help="number of experiments EMA samples (default: 12)")
    p.add_argument("--replications", type=int, default=None, help="seeds per experiment (default: one seed for all, common random numbers)")
    p.add_argument("--seed", type=int, default=1, help="seed of EMA's sampling and of the foedus runs (default: 1)")
    p.add_argument("--evaluator", choices=("sequential", "multiprocessing"), default="sequential", help="EMA evaluator (default: sequential)")
    p.add_argument("--processes", type=int, default=2, help="worker processes of the multiprocessing evaluator (default: 2)")
    p.add_argument("--no-prim", action="store_true", help="only print the outcomes")
    args = p.parse_args(argv)
    if args.scenarios < 2:
        p.error("--scenarios must be at least 2")
    return args


def run(args: argparse.Namespace):
    """Build the EMA model of foedus and perform the experiments; return (experiments, outcomes)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # EMA announces its optional back-ends (ipyparallel, MPI)
        from ema_workbench import MultiprocessingEvaluator, SequentialEvaluator, perform_experiments

    from foedus.experiments.ema import ema_model

    model = ema_model(args.scenario, UNCERTAINTIES, years=args.years, outcomes=OUTCOMES, replications=args.replications, seed=args.seed)
    if args.evaluator == "multiprocessing":
        evaluator = MultiprocessingEvaluator(model, n_processes=args.processes)
    else:
        evaluator = SequentialEvaluator(model)
    np.random.seed(args.seed)  # EMA's samplers draw from NumPy's global generator: seed it for the same experiments each time
    with evaluator:
        experiments, outcomes = perform_experiments(model, scenarios=args.scenarios, evaluator=evaluator)
    return experiments, outcomes


def last_year(outcomes: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each outcome in the last simulated year, one value per experiment (mean over replications)."""
    out = {}
    for name, a in outcomes.items():
        a = np.asarray(a, dtype=float)
        out[name] = a[..., -1].mean(axis=1) if a.ndim == 3 else a[:, -1]
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    experiments, outcomes = run(args)
    final = last_year(outcomes)
    knobs = list(UNCERTAINTIES)
    shape = next(iter(outcomes.values())).shape
    print(f"{len(experiments)} experiments of {args.scenario}, {args.years} years, evaluator {args.evaluator}; outcome arrays {shape}")
    cols = [*knobs, *OUTCOMES]
    print(" ".join(f"{c:>23}" if c in knobs else f"{c:>13}" for c in cols))
    for i in range(len(experiments)):
        vals = [f"{experiments[k].iloc[i]:23.3f}" for k in knobs]
        vals += [f"{final[o][i] * (1e-6 if o == 'milex' else 1):13.1f}" for o in OUTCOMES]  # milex in US$ bn
        print(" ".join(vals))
    if args.no_prim:
        return 0

    from foedus.experiments.discovery import prim_box

    cut = float(np.median(final["defense_pacts"]))
    y = final["defense_pacts"] > cut
    print(f"\nPRIM: which knob ranges give more than {cut:g} defence pacts in the last year ({int(y.sum())} of {len(y)} experiments)?")
    try:
        found = prim_box(experiments[knobs].astype(float), y, threshold=0.6, mass_min=0.1)
    except ValueError as e:  # e.g. every experiment gave the same number of pacts
        print(f"PRIM found no box: {e}")
        return 0
    print(f"box: coverage {found.coverage:.0%}, density {found.density:.0%}, mass {found.mass:.0%} (EMA Workbench {found.ema_workbench})")
    for name, r in found.box.iterrows():
        mark = "*" if r["restricted"] else " "
        print(f"  {mark} {name:<40} {r['low']:.3f} .. {r['high']:.3f}")
    return 0


if __name__ == "__main__":  # the guard the multiprocessing evaluator needs
    sys.exit(main())
