"""Ensembles at scale: thousands of simulated worlds on Dask, stored compactly, resumable.

The four swappable pieces of an ensemble experiment (as in EMA Workbench):

- **what to vary and how to sample it**: :mod:`.design` (knobs over the trend drivers T1–T5 and
  the model parameters; Latin hypercube or full factorial with :mod:`scipy.stats.qmc`);
- **where it runs**: :mod:`.runner` (Dask: a local cluster by default, any Dask scheduler,
  HPC through dask-jobqueue, Kubernetes or cloud; seeds derived from the ensemble seed and
  the run's index, so results never depend on the number of workers);
- **where results go**: :mod:`.store` (one Parquet file per run and table written as each run
  finishes, a manifest updated atomically, resumption of what is missing) and :mod:`.compact`
  (the compact record of a run, instead of its whole history);
- **interoperation**: :mod:`.ema` (one run as a plain function of its parameters and seed, for
  EMA Workbench; a runnable example is ``examples/ema_workbench_example.py``) and
  :mod:`.discovery` (scenario discovery with EMA Workbench's PRIM).

The answers (bands, great-power alignments, pair probabilities, comparisons) are in
:mod:`foedus.analysis.ensemble`; figures in :mod:`foedus.report.ensemble`.

>>> from foedus.sim.ensemble import run_ensemble                        # doctest: +SKIP
>>> store = run_ensemble("world-2022", runs=1000, years=30, seed=1, out="ens",
...                      knobs=["great_power_competition=0.3:0.9"], progress=True)
"""

from foedus.sim.ensemble.compact import CountingRecorder, RunRecord
from foedus.sim.ensemble.design import DESIGNS, Knob, apply_knobs, full_factorial, knob_fields, latin_hypercube, make_design, parse_knob
from foedus.sim.ensemble.runner import resume_ensemble, run_ensemble, run_seed, simulate_run
from foedus.sim.ensemble.store import RUN_TABLES, EnsembleStore

__all__ = [
    "CountingRecorder",
    "DESIGNS",
    "EnsembleStore",
    "Knob",
    "RUN_TABLES",
    "RunRecord",
    "apply_knobs",
    "full_factorial",
    "knob_fields",
    "latin_hypercube",
    "make_design",
    "parse_knob",
    "resume_ensemble",
    "run_ensemble",
    "run_seed",
    "simulate_run",
]
