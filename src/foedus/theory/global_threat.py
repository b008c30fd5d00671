"""Global threats that no single state embodies: terrorism, proliferation, organised crime (brief F2, D4).

Each state's exposure to them, and the part two states face together (the common-threat term of
alliances against global threats). Re-exported by :mod:`foedus.theory.threat`, where the rest of
Walt's (1987) balance of threat lives.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array, _vector, _zero_diagonal

__all__ = ["global_threat_exposure", "shared_global_threat"]


def global_threat_exposure(exposure, intensity, *, check: bool = True) -> np.ndarray:
    """Each state's exposure to global threats that no single state embodies (brief F2).

    Terrorism, WMD proliferation and organised crime threaten states with different intensity and
    timing (brief F2, D4); the exposure of state ``i`` is the intensity-weighted sum over the K
    global threats:

    .. math:: G_i = \\sum_k E_{ik} \\, s_k

    Parameters
    ----------
    exposure : array (N, K) of float in [0, 1]
        How much each global threat ``k`` hits state ``i``.
    intensity : array (K,) of float >= 0
        Current intensity of each global threat, in the same units as the threat matrix
        (capability-share equivalents) so the two can be added.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N,) of float >= 0.

    References
    ----------
    Walt (1987), ch. 2 (threat, not power, drives alignment); brief F2 and D4.
    """
    e = _array("exposure", exposure, unit=True, check=check)
    if check and e.ndim != 2:
        raise ValueError(f"exposure: expected shape (N, K) (states x global threats), got {e.shape}")
    s = _vector("intensity", intensity, e.shape[1], nonneg=True, check=check)
    return e @ s


def shared_global_threat(exposure, intensity, *, check: bool = True) -> np.ndarray:
    """Global threat that ``i`` and ``j`` face together: ``S[i, j] = sum_k s_k E_ik E_jk``.

    The common-threat term for alliances against global threats (brief F2, D4): two states gain
    from cooperating against threat ``k`` in proportion to how much it hits both. Used by
    :func:`foedus.theory.alignment.alignment_utilities` (``shared_global``).

    Parameters
    ----------
    exposure : array (N, K) of float in [0, 1]
    intensity : array (K,) of float >= 0
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N, N) of float >= 0, symmetric, diagonal 0.
    """
    e = _array("exposure", exposure, unit=True, check=check)
    if check and e.ndim != 2:
        raise ValueError(f"exposure: expected shape (N, K) (states x global threats), got {e.shape}")
    s = _vector("intensity", intensity, e.shape[1], nonneg=True, check=check)
    return _zero_diagonal((e * s) @ e.T)
