"""Renegotiation: a treaty whose circumstances moved is rewritten by its members rather than abrogated.

Leeds & Savun (2007, "Terminating alliances: why do states abrogate agreements?", *International Organization*
61(4)) separate the ways an alliance ends before its term: a member *abrogates* it when the alliance no longer
serves that member (its founding threat gone, its partner allied with its adversary, its regime changed), while
members who still gain from cooperating *renegotiate* when a change in their circumstances -- above all in their
relative capabilities (Morrow 1991's exchange of security for autonomy no longer fits the members' power) --
makes the written terms obsolete: the old treaty ends and a new one among the same members replaces it. ATOP codes
the second as its own mode of termination (``termmode`` 2, "replaced by a new agreement": the US-Japan security
treaty of 1951 by that of 1960, the Sino-Soviet treaty of 1945 by that of 1950); the record's spells end there and a
new alliance begins. In ATOP 5.1, 6 of the 80 alliances begun 1816-1914 that ended by 1914 were replaced, 39 of
the 103 begun 1946-1989 that ended by 1989.

:func:`renegotiates` is that rule on the dissolution hazard's causes
(:data:`foedus.theory.cohesion.DISSOLUTION_CAUSES`): a treaty of two whose drawn ending is a *moderate* change of
the circumstances of its signature -- its members' capability shares moved ("power shifted"), its cohesion fell
but more than half of it remains ("cohesion fell"), its founding threat faded but less than half of it has gone
("threat faded"; :data:`foedus.theory.cohesion.LABEL_THRESHOLD`) -- is renegotiated; an ending that shows the
alliance no longer serves a member (cohesion lost, threat gone, realigned, regime changed, threat within, or a lapse
no term follows) is an abrogation. :func:`still_allies` adds the condition Leeds & Savun put first: each member would
still ally with every other now (cooperation still pays it); else the change ends the treaty. A treaty of more than two is left to the members' abrogations (a member leaves:
:func:`foedus.theory.persistence.abrogating_member`).
"""

from __future__ import annotations

import numpy as np

from foedus.theory.cohesion import DISSOLUTION_CAUSES, LABEL_THRESHOLD

__all__ = ["RENEGOTIABLE_CAUSES", "renegotiates", "still_allies"]

RENEGOTIABLE_CAUSES = ("cohesion lost", "power shifted", "threat gone")
"""The hazard's terms whose moderate values are renegotiated (the first and third only below the label threshold:
"cohesion fell", "threat faded"); Leeds & Savun 2007."""


def renegotiates(cause, size, cohesion_retained, threat_lapse) -> np.ndarray:
    """Whether each drawn ending is a renegotiation (a new treaty among the same members) rather than an abrogation.

    Parameters
    ----------
    cause : (A,) int
        The drawn cause, an index into :data:`foedus.theory.cohesion.DISSOLUTION_CAUSES` (the hazard's largest term).
    size : (A,) int
        Members of the treaty: only a treaty of two is renegotiated as a whole (in a larger one the drawn event is
        one member's abrogation).
    cohesion_retained : (A,) float
        :func:`foedus.theory.cohesion.cohesion_retained`, 0-1.
    threat_lapse : (A,) float
        :func:`foedus.theory.persistence.threat_lapse`, 0-1.

    Returns
    -------
    (A,) bool
        True where the treaty has two members and the cause is "power shifted", or "cohesion lost" with more than
        :data:`foedus.theory.cohesion.LABEL_THRESHOLD` of the cohesion retained ("cohesion fell"), or "threat gone"
        with less than that share of the founding threat lapsed ("threat faded") (Leeds & Savun 2007). NaN values
        are not moderate (an abrogation).

    Examples
    --------
    >>> renegotiates([1, 0, 0, 3, 3, 4, 1], [2, 2, 2, 2, 2, 2, 3], [1.0, 0.9, 0.3, 1.0, 1.0, 1.0, 1.0],
    ...              [0.0, 0.0, 0.0, 0.2, 0.8, 0.0, 0.0]).tolist()
    [True, True, False, True, False, False, False]
    """
    k = np.atleast_1d(np.asarray(cause, dtype=np.int64))
    two = np.broadcast_to(np.asarray(size), k.shape) == 2
    kept = np.broadcast_to(np.asarray(cohesion_retained, dtype=float), k.shape)
    lapse = np.broadcast_to(np.asarray(threat_lapse, dtype=float), k.shape)
    power = k == DISSOLUTION_CAUSES.index("power shifted")
    fell = (k == DISSOLUTION_CAUSES.index("cohesion lost")) & (kept > LABEL_THRESHOLD)
    faded = (k == DISSOLUTION_CAUSES.index("threat gone")) & (lapse < LABEL_THRESHOLD)
    return two & (power | fell | faded)


def still_allies(members, utility) -> np.ndarray:
    """Whether the members of each treaty would each still ally with every other now: the condition of renegotiation.

    Leeds & Savun (2007): members renegotiate a treaty whose terms the change of circumstances made obsolete only if
    cooperation still pays each of them; otherwise the one it no longer pays abrogates. ``utility[i, j]`` is what an
    alliance with ``j`` is worth to ``i`` now (:func:`foedus.theory.alignment.alignment_utilities`, summed over its
    motives).

    Parameters
    ----------
    members : (A, N) bool
    utility : (N, N) float

    Returns
    -------
    (A,) bool
        True where every ordered pair of distinct members has a positive utility (NaN: not).

    Examples
    --------
    >>> u = np.array([[0.0, 0.2, -0.1], [0.3, 0.0, 0.1], [0.1, 0.2, 0.0]])
    >>> still_allies(np.array([[True, True, False], [True, False, True]]), u).tolist()
    [True, False]
    """
    m = np.asarray(members, dtype=bool)
    u = np.asarray(utility, dtype=float)
    pair = m[:, :, None] & m[:, None, :] & ~np.eye(u.shape[0], dtype=bool)[None]
    return ~(pair & ~(u[None] > 0)).any(axis=(1, 2))
