"""The territorial integrity norm: the year it binds, a cited fact (Zacher 2001; Fazal 2007).

Zacher (2001) traces the norm against the forcible change of boundaries from the League Covenant's
article 10 (1919) to the UN Charter's article 2(4) (signed 26 June 1945, in force 24 October 1945),
and finds that only after 1945 did wars of territorial aggrandisement become rare and their gains
seldom kept: of the territorial wars of 1951-2000, none ended with a successful conquest recognised
by others. Fazal (2007) finds the same break in *state death*: forcible conquest of states stops
after 1945. The table is the date the simulator and the war-onset estimate read
(:func:`territorial_integrity_norm`): a fact, not a parameter (its strength is estimated on the
record, :mod:`foedus.analysis.war_onsets`).

References
----------
1. Zacher, M. W. 2001. "The Territorial Integrity Norm: International Boundaries and the Use of
   Force." *International Organization* 55(2): 215-50.
2. Fazal, T. M. 2007. *State Death: The Politics and Geography of Conquest, Occupation, and
   Annexation*. Princeton University Press.
"""

from __future__ import annotations

import numpy as np

__all__ = ["TERRITORIAL_INTEGRITY_NORM_YEAR", "territorial_integrity_norm"]

TERRITORIAL_INTEGRITY_NORM_YEAR = 1945
"""The UN Charter (article 2(4)): the first year the territorial integrity norm binds (Zacher 2001; Fazal 2007)."""


def territorial_integrity_norm(year) -> np.ndarray:
    """Whether the territorial integrity norm binds in ``year`` (from :data:`TERRITORIAL_INTEGRITY_NORM_YEAR`).

    Examples
    --------
    >>> territorial_integrity_norm([1914, 1944, 1945, 2022]).tolist()
    [False, False, True, True]
    """
    return np.asarray(year) >= TERRITORIAL_INTEGRITY_NORM_YEAR
