"""Experiments: ensembles of simulated worlds and their validation against the record.

The layer above both :mod:`foedus.sim` (which it runs) and :mod:`foedus.analysis` (whose
measures it applies to the runs); neither of them imports it. Modules, imported on demand (this
package imports none of them, so that importing one costs only what it needs):

- :mod:`~foedus.experiments.design`: knobs and designs (what to vary, how to sample it);
- :mod:`~foedus.experiments.runner`: running an ensemble on Dask, with the outcomes passed in;
- :mod:`~foedus.experiments.ensemble`: :func:`~foedus.experiments.ensemble.run_ensemble` and
  :func:`~foedus.experiments.ensemble.resume_ensemble`, with the default outcomes (indicators);
- :mod:`~foedus.experiments.ema`: one run as a plain function, and an EMA Workbench model;
- :mod:`~foedus.experiments.discovery`: scenario discovery with EMA Workbench's PRIM;
- :mod:`~foedus.experiments.validation`: simulated stylised facts against the record's, in two windows;
- :mod:`~foedus.experiments.eras`: the four eras, runs started from the record against the record
  (``foedus validate``);
- :mod:`~foedus.experiments.calibration`: leave-one-era-out calibration (optuna) and Sobol
  sensitivity (SALib) (``foedus calibrate``).
"""
