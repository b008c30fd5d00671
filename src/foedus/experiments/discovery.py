"""Scenario discovery: which knobs and ranges lead to a chosen outcome (PRIM).

The Patient Rule Induction Method (Friedman & Fisher 1999), as used for scenario discovery by
Bryant & Lempert (2010), finds a box in the space of varied knobs (``low_k <= knob_k <=
high_k`` for a few knobs) inside which the outcome of interest is frequent. PRIM peels the
box one thin slice (``peel_alpha`` of the points) at a time, always removing the slice whose
loss raises the share of cases of interest the most, until the box holds ``mass_min`` of the
runs; the sequence of boxes is the *peeling trajectory*, along which

- *coverage* = cases of interest inside the box / all cases of interest,
- *density* = cases of interest inside the box / runs inside the box,
- *mass* = runs inside the box / all runs,

trade off. foedus uses EMA Workbench's implementation (Kwakkel 2017; ``ema_workbench``
2.5, ``ema_workbench.analysis.prim.Prim``), unchanged, and picks from the trajectory the box of
highest density whose coverage is at least ``min_coverage`` (Bryant & Lempert's "interpretable
box": a scenario that explains most of the cases of interest). The quasi-p-value of each
restriction (EMA's ``qp``, a one-sided binomial test that the restriction raises the density)
says whether it matters.

References
----------
.. [1] Friedman, J. H. and N. I. Fisher. 1999. "Bump hunting in high-dimensional data."
   *Statistics and Computing* 9(2): 123-43.
.. [2] Bryant, B. P. and R. J. Lempert. 2010. "Thinking inside the box: A participatory,
   computer-assisted approach to scenario discovery." *Technological Forecasting and Social
   Change* 77(1): 34-49.
.. [3] Kwakkel, J. H. 2017. "The Exploratory Modeling Workbench." *Environmental Modelling &
   Software* 96: 239-50.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Discovery", "prim_box", "ema_workbench_version"]


def _ema_prim():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # optional EMA back-ends (ipyparallel, mpi) announce themselves
            from ema_workbench.analysis import prim
            import ema_workbench
    except ImportError as e:  # pragma: no cover (ema_workbench is installed with foedus' ensemble extras)
        raise ImportError("scenario discovery needs EMA Workbench: pip install ema_workbench") from e
    return prim, ema_workbench.__version__


def ema_workbench_version() -> str:
    """Version of the EMA Workbench whose PRIM is used."""
    return _ema_prim()[1]


@dataclass
class Discovery:
    """The result of scenario discovery.

    Attributes
    ----------
    box : pandas.DataFrame
        One row per knob: ``low``, ``high`` (the box), ``min``, ``max`` (the range sampled),
        ``restricted`` (the box limits it), ``qp_low``, ``qp_high`` (quasi-p-values of the
        lower and upper restriction; NaN when not restricted).
    coverage, density, mass : float
        Of the chosen box (see the module docstring).
    restricted : int
        Number of restricted knobs.
    trajectory : pandas.DataFrame
        The peeling trajectory: ``coverage, density, mass, res_dim`` per step.
    chosen : int
        Index of the chosen box on the trajectory.
    runs, cases : int
        Runs analysed and cases of interest among them.
    base_density : float
        Share of cases of interest over all runs (the density to beat).
    ema_workbench : str
        Version of EMA Workbench used.
    """

    box: pd.DataFrame
    coverage: float
    density: float
    mass: float
    restricted: int
    trajectory: pd.DataFrame
    chosen: int
    runs: int
    cases: int
    base_density: float
    ema_workbench: str


def prim_box(
    x: pd.DataFrame,
    y,
    *,
    threshold: float = 0.8,
    peel_alpha: float = 0.05,
    paste_alpha: float = 0.05,
    mass_min: float = 0.05,
    min_coverage: float = 0.5,
) -> Discovery:
    """Find the box of knob ranges where an outcome is frequent, with EMA Workbench's PRIM.

    Parameters
    ----------
    x : DataFrame
        One row per run, one numeric column per varied knob.
    y : array of bool
        Whether each run reached the outcome.
    threshold : float
        Density a box must reach for PRIM to accept it (EMA's ``threshold``).
    peel_alpha, paste_alpha, mass_min : float
        PRIM's peeling and pasting fractions and the minimum mass of a box.
    min_coverage : float
        The chosen box is the densest on the trajectory with at least this coverage.

    Returns
    -------
    Discovery

    Raises
    ------
    ValueError
        No knob, a constant outcome, mismatched lengths.
    """
    y = np.asarray(y, dtype=bool)
    if x.shape[1] == 0:
        raise ValueError("scenario discovery needs varied knobs: run the ensemble with --vary KNOB=LOW:HIGH")
    if len(x) != len(y):
        raise ValueError(f"{len(x)} runs of knob values but {len(y)} outcomes")
    if y.all() or not y.any():
        raise ValueError(f"the outcome is {'reached in every' if y.all() else 'never reached in any'} run ({len(y)} runs): nothing to discover")
    if not 0 < min_coverage <= 1:
        raise ValueError(f"min_coverage must lie in (0, 1], got {min_coverage}")
    prim, version = _ema_prim()
    xf = x.reset_index(drop=True).astype(float)
    logger = logging.getLogger("EMA")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            p = prim.Prim(xf, y.astype(int), threshold=threshold, peel_alpha=peel_alpha, paste_alpha=paste_alpha, mass_min=mass_min)
            box = p.find_box()
    finally:
        logger.setLevel(level)
    traj = box.peeling_trajectory[["coverage", "density", "mass", "res_dim"]].reset_index(drop=True).astype(float)
    ok = traj["coverage"] >= min_coverage
    cand = traj[ok] if ok.any() else traj
    best = cand.sort_values(["density", "coverage"], ascending=[False, False], kind="mergesort").index[0]
    lims = box.box_lims[best]
    qp = box.qp[best]
    init = p.box_init
    rows = []
    for col in xf.columns:
        lo, hi = float(lims[col].iloc[0]), float(lims[col].iloc[1])
        mn, mx = float(init[col].iloc[0]), float(init[col].iloc[1])
        q = qp.get(col, [-1, -1])
        rows.append(
            {
                "knob": col,
                "low": lo,
                "high": hi,
                "min": mn,
                "max": mx,
                "restricted": bool(lo > mn or hi < mx),
                "qp_low": np.nan if q[0] is None or q[0] < 0 else float(q[0]),
                "qp_high": np.nan if q[1] is None or q[1] < 0 else float(q[1]),
            }
        )
    table = pd.DataFrame(rows).set_index("knob")
    row = traj.loc[best]
    return Discovery(
        box=table,
        coverage=float(row["coverage"]),
        density=float(row["density"]),
        mass=float(row["mass"]),
        restricted=int(table["restricted"].sum()),
        trajectory=traj,
        chosen=int(best),
        runs=int(len(y)),
        cases=int(y.sum()),
        base_density=float(y.mean()),
        ema_workbench=version,
    )
