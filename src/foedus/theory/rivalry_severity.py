r"""A strategic rivalry's hostility graded by its recent record of war (issue 17; issue 12's face validity).

Rivalries differ in severity: some fight repeatedly and at the highest levels of hostility, others stay
cold for decades (Diehl & Goertz 2000, *War and Peace in International Rivalry*, ch. 3-4: the severity
of a rivalry is the hostility level of its militarised disputes, war at the top; Klein, Goertz & Diehl
2006, "The New Rivalry Dataset", *Journal of Peace Research* 43(3): the rivalries' dispute records). A
rivalry that has just fought a war is more dangerous than one that has not: in the record's in-sample
eras (COW inter-state wars 4.0 and Thompson & Dreyer's strategic rivalries, 1826-1914 and 1946-1989, the
rival pairs at peace in the previous year), a rival pair that fought in the previous ten years began a war
at 15 in 449 pair-years (0.033), one that had not at 67 in 4,801 (0.014): 2.4 times.

The form
--------
With :math:`s` the years since the pair last fought (0 while they fight in the year), :math:`w` the
window (ten years), :math:`h_q` the hostility of a quiet rivalry, :math:`h_w` that of a rivalry whose
war has just ended and :math:`\delta` the model's yearly decay of hostility (``hostility_decay``):

.. math::

    h = h_q + (h_w - h_q)\,(1 - \delta)^{s} \quad (s \le w), \qquad h = h_q \quad (\text{no war in the window})

so the memory of the war fades at the rate hostility relaxes in the run. :func:`hostility_for_rate`
turns a rate of war onset into a hostility on the model's 0-1 scale: in the dispute route a pair's
disputes and their escalation are each proportional to hostility (:func:`foedus.theory.war.dispute_probability`,
:func:`foedus.theory.war.escalation_probability`), so its rate of war goes as :math:`h^2`; anchoring the
in-sample rivals' mean rate (0.0156) at the builder's former convention (0.6 for every rival, with which
the defaults were fitted) gives :math:`h_q = 0.6\sqrt{0.0140/0.0156} = 0.567`, and :math:`h_w` = 0.977
makes the window's mean over the warring pairs' years since their war match their rate (0.033)
(:data:`QUIET_ESTIMATE`, :data:`WAR_ESTIMATE`).

The builder (:func:`foedus.sim.build.rival_hostilities`) reads the levels from the parameters ``rival_hostility_quiet`` and
``rival_hostility_war``, whose defaults keep its former convention (0.6 for every rival): with these estimates the
validation lost more facts out of sample than it gained in sample (see the parameters' descriptions).
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array

QUIET_ESTIMATE = 0.567
"""The hostility of a quiet rivalry estimated on the in-sample eras (see the module): ``0.6 * sqrt((67 / 4801) / (82 / 5250))``."""

WAR_ESTIMATE = 0.977
"""The hostility of a rivalry whose war has just ended, estimated on the in-sample eras (see the module)."""

WINDOW_YEARS = 10
"""Years of the record before a scenario's start that grade a rivalry (the task's ten-year window; Diehl & Goertz 2000
date an enduring rivalry's disputes within twenty years, a proto-rivalry's within ten)."""


def rival_hostility(years_since_war, quiet: float, war: float, decay: float, window: int = WINDOW_YEARS, *, check: bool = True) -> np.ndarray:
    """Hostility (0-1) of rival pairs from the years since they last fought (NaN: no war in the record's window).

    ``quiet + (war - quiet) * (1 - decay) ** s`` for ``0 <= s <= window``, ``quiet`` otherwise (see the module).

    Parameters
    ----------
    years_since_war : array of float
        Years since the pair last fought (0: at war in the year); NaN where it did not within ``window``.
    quiet, war : float in [0, 1]
        Hostility of a rivalry without a war in the window, and of one whose war ends in the year.
    decay : float in [0, 1]
        Yearly decay of hostility towards its baseline (the model's ``hostility_decay``).
    window : int
        Years of the window.

    Examples
    --------
    >>> rival_hostility([0.0, 10.0, np.nan, 11.0], 0.5, 1.0, 0.1).round(4).tolist()
    [1.0, 0.6743, 0.5, 0.5]
    """
    s = np.asarray(years_since_war, dtype=float)
    if check:
        for name, v in (("quiet", quiet), ("war", war), ("decay", decay)):
            _array(name, v, unit=True)
        if np.any(s[~np.isnan(s)] < 0):
            raise ValueError("rival_hostility: years_since_war must be >= 0 (or NaN)")
    fought = ~np.isnan(s) & (s <= window)
    memory = np.where(fought, np.power(1.0 - decay, np.where(fought, s, 0.0)), 0.0)
    return quiet + (war - quiet) * memory


def hostility_for_rate(rate, reference_rate: float, reference_hostility: float, *, check: bool = True) -> np.ndarray:
    """Hostility whose war rate is ``rate`` when ``reference_hostility`` gives ``reference_rate`` (war rate as ``h ** 2``).

    ``reference_hostility * sqrt(rate / reference_rate)``, at most 1 (see the module: the dispute route's rate of war
    is the product of the dispute and escalation probabilities, each proportional to hostility).

    Examples
    --------
    >>> round(float(hostility_for_rate(67 / 4801, 82 / 5250, 0.6)), 3)
    0.567
    """
    r = _array("rate", rate, nonneg=True, check=check)
    if check and not reference_rate > 0:
        raise ValueError("hostility_for_rate: reference_rate must be > 0")
    return np.minimum(reference_hostility * np.sqrt(r / reference_rate), 1.0)
