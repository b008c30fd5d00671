"""Trend growth: regression to the mean of countries' growth rates (Easterly et al. 1993).

Countries' growth rates are highly unstable: Easterly, Kremer, Pritchett & Summers (1993, "Good policy or good luck?
Country growth performance and temporary shocks", *Journal of Monetary Economics* 32(3): 459-483) find a correlation
of 0.1 to 0.3 across decades, while country characteristics correlate 0.6 to 0.9; Pritchett & Summers (2014, "Asiaphoria
meets regression to the mean", NBER Working Paper 20573) call regression to the mean the empirically most salient
feature of economic growth. A scenario that holds one growth rate per state over decades should therefore hold the
expected rate, not the last decade's. Pure functions of arrays; the scenario builder
(:mod:`foedus.sim.build_growth`) calls them.
"""

from __future__ import annotations

import numpy as np

__all__ = ["RUN_PERSISTENCE", "expected_growth"]

RUN_PERSISTENCE = 0.3
"""Share of a state's deviation from the mean growth over the decade before a run that persists in its mean growth over
the run: derived on the record's in-sample starts (Fariss et al. 2022 GDP; the slope of the growth over the rest of the
era on the previous decade's, across states: median 0.32 over twelve starts 1826-1980, 0.26-0.34 for 1960, 1970 and
1980, 0.10 for 1928-1938 against 1950-1989), at the top of Easterly et al.'s (1993) decade-to-decade correlations."""


def expected_growth(recent, mean: float, persistence: float) -> np.ndarray:
    r"""Expected trend growth given the last decade's, ``recent`` (N,): :math:`\mu + \bar\rho\,(g_i - \mu)`.

    The best linear predictor of a growth rate from the previous one when both have mean :math:`\mu`, equal variance and
    correlation :math:`\bar\rho` (Easterly et al. 1993): the mean plus the persisting share of the deviation. NaN stays NaN.

    Examples
    --------
    >>> expected_growth([0.065, 0.005], 0.02, 0.1).round(4).tolist()
    [0.0245, 0.0185]
    """
    if not 0.0 <= persistence <= 1.0:
        raise ValueError(f"persistence must lie in [0, 1], got {persistence!r}")
    g = np.asarray(recent, dtype=float)
    return mean + persistence * (g - mean)
