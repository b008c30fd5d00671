"""A revolution or a change of regime restarts a state's record of intentions (brief F4, A2; issue 17 items 1 and 5).

:func:`foedus.theory.reassurance.relationship_age` counts the years of a pair's common record from the
younger state's entry into the system; a revolution or a change of regime makes a state's intentions
unreadable again (Walt 1996, *Revolution and War*: revolutions raise uncertainty about intentions, and
both spirals and reassurance follow). :func:`regime_transition_onsets` finds the years a transition
begins in a Polity series (Polity IV's ``REGTRANS``: a move of 3 points or more within three years;
Marshall, Gurr & Jaggers 2014), :func:`regime_restart` restarts a state's record once per transition in
a run, and :func:`record_start` gives the year from which its record counts, with the share of the prior
it regains. Split from :mod:`foedus.theory.reassurance`, which re-exports these names.

.. [1] Walt, S. M. (1996). Revolution and War. Cornell University Press.
.. [2] Marshall, M. G., T. R. Gurr & K. Jaggers (2014). Polity IV Project: Dataset Users' Manual.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _checked, _vector

__all__ = ["REGTRANS_POINTS", "REGTRANS_YEARS", "record_start", "regime_restart", "regime_transition_onsets"]


REGTRANS_POINTS = 3.0
"""Polity IV's regime transition (``REGTRANS``): a move of the POLITY score (-10 to 10) of at least 3 points ...
(Marshall, Gurr & Jaggers 2014); 0.15 of the 0-1 democracy scale (``intentions_restart_threshold``)."""

REGTRANS_YEARS = 3
"""... within three years or less (Marshall, Gurr & Jaggers 2014)."""


_ROUNDING = 1e-9  # points of score: far below any scale's resolution, far above double rounding


def regime_transition_onsets(scores, *, points: float = REGTRANS_POINTS, years: int = REGTRANS_YEARS, check: bool = True) -> np.ndarray:
    r"""The years of a state's yearly regime scores in which a regime transition begins: (T,) bool.

    Polity IV codes a regime transition where the POLITY score moves by at least ``points`` (3 of its 21) within
    ``years`` (3) or less (``REGTRANS``; Marshall, Gurr & Jaggers 2014). A year :math:`t` is in a transition when
    :math:`|x_t - x_{t-k}| \ge` ``points`` for some :math:`1 \le k \le` ``years``; a transition *begins* in the first year
    of a run of such years (a move of several years is one transition). ``scores`` (T,) one per consecutive year, NaN
    where unscored (carried forward from the last score; before the first, no transition). The record's transitions
    before a run starts restart the record of the state's intentions (:func:`record_start`; Walt 1996).

    >>> x = np.array([-6, -6, -6, -1, -1, -1, -1, -7, -7, np.nan, -8], dtype=float)   # Russia, 1914-1924 (a polity2-like series)
    >>> np.flatnonzero(regime_transition_onsets(x)).tolist()
    [3, 7]
    >>> regime_transition_onsets(np.array([8.0, 8.0, 9.0, 10.0])).tolist()   # a drift of 2 points in three years: none
    [False, False, False, False]

    References
    ----------
    .. [1] Marshall, M. G., Gurr, T. R. & Jaggers, K. (2014). Polity IV Project: Dataset Users' Manual (``REGTRANS``).
    .. [2] Walt, S. M. (1996). Revolution and War. Cornell University Press.
    """
    f = "regime_transition_onsets"
    x = np.asarray(scores, dtype=float)
    if check and x.ndim != 1:
        raise ValueError(f"{f}: scores must be (T,), got shape {x.shape}")
    thr = float(_checked(points, "points", f, lo=0.0, check=check))
    w = int(years)
    if check and w < 1:
        raise ValueError(f"{f}: years must be >= 1, got {years!r}")
    t = len(x)
    # carry each score forward over the unscored years (numpy: the index of the last scored year at or before each)
    last = np.maximum.accumulate(np.where(np.isnan(x), -1, np.arange(t))) if t else np.zeros(0, np.intp)
    filled = np.where(last >= 0, x[np.maximum(last, 0)], np.nan)
    moving = np.zeros(t, bool)
    with np.errstate(invalid="ignore"):
        for k in range(1, min(w, t - 1) + 1):  # at most three lags
            # a move of exactly ``points`` counts: the tolerance absorbs the rounding of scores that are not integers
            # (4.0025 - 1.0025 is 2.9999999999999996 in binary floating point)
            moving[k:] |= np.abs(filled[k:] - filled[:-k]) >= thr - _ROUNDING
    onset = moving.copy()
    onset[1:] &= ~moving[:-1]
    return onset


def regime_restart(year: int, regime, regime_reference, record_regime, restarted, *, threshold: float,
                   check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    r"""The year each state's record of intentions last restarted and the regime it is the record of, after ``year``: (N,), (N,).

    A state's regime has changed when its democracy score :math:`r_i` (0-1) has moved from its recent past
    :math:`\bar r_i` (``regime_reference``, :func:`foedus.theory.rivalry.regime_reference`) by at least ``threshold``
    (:func:`foedus.theory.abrogation.regime_transition`'s rule: Polity IV's regime transition, 3 of the 21 POLITY
    points, 0.15; Marshall, Gurr & Jaggers 2014). Walt (1996): a revolution makes the new regime's intentions
    unreadable from the old one's record, so the record restarts that year. It restarts once per transition:
    ``record_regime`` (N,) is the regime whose record is being read (NaN: the state's memory of its regime, no restart
    yet), and a state whose score stays within ``threshold`` of it is the same regime still, while its memory catches
    up with the change (a transition is a move against the memory for a few years). ``restarted`` (N,) the year of
    the last restart (NaN: none). A NaN score never restarts.

    >>> y, r = regime_restart(1990, np.array([0.8, 0.3, 0.6]), np.array([0.2, 0.3, 0.5]), np.full(3, np.nan), np.full(3, np.nan),
    ...                       threshold=0.15)
    >>> y.tolist(), r.tolist()
    ([1990.0, nan, nan], [0.8, 0.3, 0.5])
    >>> regime_restart(1991, np.array([0.8, 0.3, 0.6]), np.array([0.32, 0.3, 0.52]), r, y, threshold=0.15)[0].tolist()  # the same transition
    [1990.0, nan, nan]

    References
    ----------
    .. [1] Walt, S. M. (1996). Revolution and War. Cornell University Press.
    .. [2] Marshall, M. G., Gurr, T. R. & Jaggers, K. (2014). Polity IV Project: Dataset Users' Manual (``REGTRANS``).
    """
    f = "regime_restart"
    r = np.asarray(regime, dtype=float)
    ref = np.asarray(regime_reference, dtype=float)
    rec = np.asarray(record_regime, dtype=float)
    since = np.asarray(restarted, dtype=float)
    tau = float(_checked(threshold, "threshold", f, lo=0.0, hi=1.0, check=check))
    if check and not (r.shape == ref.shape == rec.shape == since.shape and r.ndim == 1):
        raise ValueError(f"{f}: regime, regime_reference, record_regime and restarted must be (N,) alike, got "
                         f"{r.shape}, {ref.shape}, {rec.shape}, {since.shape}")
    rec = np.where(np.isnan(rec), ref, rec)  # before any restart, the regime read is the one the state's memory holds
    with np.errstate(invalid="ignore"):
        moved = (np.abs(r - ref) >= tau) & (np.abs(r - rec) >= tau)
    return np.where(moved, float(year), since), np.where(moved, r, rec)


def record_start(entered, restarted, *, share: float = 1.0, decay_years: float, check: bool = True) -> np.ndarray:
    r"""The year from which each state's record of intentions counts: (N,), the later of its entry and its last regime change.

    :math:`s_i = \max(e_i,\ t_i + \tau \ln \sigma)` with :math:`e_i` ``entered`` (the state's first entry into the
    system), :math:`t_i` ``restarted`` (:func:`regime_restart`; NaN: none), :math:`\tau` ``decay_years``
    (:func:`intentions_uncertainty`) and :math:`\sigma` ``share`` in [0, 1], the weight the prior regains at a regime
    change: at 1 the record restarts whole (a new regime is read as a new state, Walt 1996), below it the prior's weight
    after a change is :math:`\sigma e^{-(y - t_i)/\tau}` (the age is put back :math:`-\tau \ln \sigma` years further),
    at 0 a change restarts nothing. :func:`relationship_age` of the result gives the pairs' ages, its
    :data:`STATE_LIST_START` censoring included (a start at or before the list's first year is an old member's).

    >>> record_start([1816, 1991, 1816], [1917.0, float("nan"), 1989.0], decay_years=10.0).tolist()
    [1917.0, 1991.0, 1989.0]
    >>> from foedus.theory.reassurance import intentions_uncertainty, relationship_age
    >>> float(relationship_age(1925, record_start([1816, 1816], [1917.0, float("nan")], decay_years=10.0))[0, 1])
    8.0
    >>> round(float(intentions_uncertainty(relationship_age(1990, record_start([1816, 1816], [1990.0, float("nan")], share=0.5,
    ...     decay_years=10.0))[0, 1], decay_years=10.0)), 3)
    0.5

    References
    ----------
    .. [1] Walt, S. M. (1996). Revolution and War. Cornell University Press.
    .. [2] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University Press.
    """
    f = "record_start"
    e = _vector("entered", entered, check=check).astype(float)
    t = np.asarray(restarted, dtype=float)
    if check and t.shape != e.shape:
        raise ValueError(f"{f}: restarted must be (N,) as entered, got {t.shape} and {e.shape}")
    s = float(_checked(share, "share", f, lo=0.0, hi=1.0, check=check))
    tau = float(_checked(decay_years, "decay_years", f, lo=0.0, check=check))
    if s == 0.0 or tau == 0.0 and s < 1.0:
        return e
    back = tau * np.log(s) if s < 1.0 else 0.0
    return np.where(np.isnan(t), e, np.maximum(e, t + back))
