"""The threat within by the size of the treaty: a rival inside a large alliance is no reason to leave it (brief P5).

Leeds & Savun (2007) find that members abrogate when the external threat that made the bargain changes; a member whose main
threat is a fellow member is the extreme case (:func:`foedus.theory.abrogation.threat_within_abrogation`). The in-sample
record bounds the case by the size of the treaty: ATOP 5.1 defence and offence memberships with a Thompson & Dreyer (2012)
strategic rival among the fellow members end faster than the others in bilateral pacts, less in the intermediate groups,
not at all in the large multilateral ones (Greece and Turkey in NATO, the rivals of the Rio Treaty and the Arab League;
the German Confederation's Austria and Prussia), which hold their rivals whether or not a common adversary tethers them
(Weitsman 2004; Wallander 2000 on NATO after 1989). Pure functions of arrays; :mod:`foedus.sim.steps.politics` calls them.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.abrogation import threat_within_abrogation

__all__ = ["LARGE_RECORD", "RECORD_EXCESS", "size_class", "threat_within_abrogation_by_size"]

LARGE_RECORD = 0.0
"""The in-sample record's threat-within hazard of a treaty of more than six members (:data:`RECORD_EXCESS`: no excess in either
era), the value a scenario sets for ``threat_within_hazard_large``."""

RECORD_EXCESS = {
    "bilateral": ((0.1626, 0.0904), (0.1250, 0.0397)),
    "intermediate": ((0.1212, 0.0963), (0.1016, 0.0697)),
    "large": ((0.0196, 0.0196), (0.0087, 0.0105)),
}
"""The in-sample record (ATOP 5.1 defence or offence memberships, Thompson-Dreyer rivalries; tests/theory/test_threat_within_size.py):
by size class, for 1816-1914 and 1946-1989, the yearly share of member-years that end with a strategic rival among the fellow
members and without one. Excess: bilateral 0.072 and 0.085, three to six members 0.025 and 0.032 (363 and 128 member-years
with a rival), more than six 0.000 and -0.002 (102 and 1,488)."""


def size_class(size, *, larger_than: int = 6) -> np.ndarray:
    """0 for a bilateral treaty, 1 for an intermediate group of three to ``larger_than`` members, 2 for a larger one: (A,) int.

    >>> size_class([2, 3, 6, 7, 40]).tolist()
    [0, 1, 1, 2, 2]
    """
    n = np.asarray(size)
    return np.where(n > larger_than, 2, np.where(n > 2, 1, 0))


def threat_within_abrogation_by_size(within, tether, size, *, bilateral: float, intermediate: float, large: float,
                                     larger_than: int = 6) -> np.ndarray:
    r"""The yearly probability that a member abrogates a treaty because a fellow member is its main threat, by the treaty's size: (A,).

    .. math:: P_a = 1 - \prod_{i \in a} \bigl(1 - h_{c(a)}\,(1 - \tau_{ai})\,W_{ai}\bigr)

    :func:`foedus.theory.abrogation.threat_within_abrogation` with the hazard :math:`h_c` of the treaty's size class
    :math:`c(a)` (:func:`size_class`): ``bilateral``, ``intermediate`` (three to ``larger_than`` members, Olson's 1965
    intermediate group whose member's exit unravels it) or ``large`` (an organisation a member leaves while it goes on). The
    record's excess hazard (:data:`RECORD_EXCESS`) is about 0.08 for the bilateral pacts, 0.03 for the intermediate groups
    and none for the large ones: a rival inside a large alliance is managed there (Weitsman 2004), not left.

    >>> threat_within_abrogation_by_size([[True, True, False, False], [True, True, True, False], [True, True, True, True]],
    ...     [0.0, 0.0, 0.0], [2, 3, 4], bilateral=0.1, intermediate=0.05, large=0.0, larger_than=3).round(4).tolist()
    [0.19, 0.1426, 0.0]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate agreements? Journal of Politics 69(4): 1118-1132.
    .. [2] Weitsman, P. A. (2004). Dangerous Alliances: Proponents of Peace, Weapons of War. Stanford University Press.
    .. [3] Thompson, W. R. & Dreyer, D. R. (2012). Handbook of International Rivalries, 1494-2010. CQ Press.
    """
    w = np.asarray(within, dtype=bool)
    tau = np.asarray(tether, dtype=float)
    cls = size_class(size, larger_than=larger_than)
    if w.ndim != 2 or cls.shape != w.shape[:1]:
        raise ValueError(f"threat_within_abrogation_by_size: within must be (A, N) and size (A,), got {w.shape} and {cls.shape}")
    out = np.zeros(len(w))
    for c, h in enumerate((bilateral, intermediate, large)):
        rows = np.flatnonzero(cls == c)
        if len(rows):
            out[rows] = threat_within_abrogation(w[rows], tau[rows], hazard=float(h))
    return out
