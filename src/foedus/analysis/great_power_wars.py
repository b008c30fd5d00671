"""Wars between great powers, per pair of great powers and year: the same count on the record and on a run.

``gp_war_onsets_per_gp_pair_year`` (a fact of :mod:`foedus.analysis.eras`): the inter-state wars
begun in an era that had a great power on each side, over the pair-years of great powers of the
era. A war counts once, in its first year, if some state that was a COW major power (Correlates
of War state system, ``state_years.major``) in the year it entered fought on side 1 and another on
side 2 at some point of the war (its participants, :func:`foedus.analysis.war_allies.war_participants`:
COW inter-state wars in the record, the ``war``, ``commitment`` and ``war_entry`` events in a run).
The denominator sums ``k (k - 1) / 2`` over the era's years, ``k`` the great powers of the year.
Both stop at the last year of the COW war data (:data:`foedus.analysis.war_onsets.WAR_RECORD_LAST_YEAR`),
as ``war_onsets_per_state_year`` does.

The record (COW wars 4.0, COW majors): 1816-1914 the Crimean War (1853, Britain and France against
Russia), the Austro-Sardinian (1859, France against Austria), the Seven Weeks' (1866), the
Franco-Prussian (1870), the Russo-Japanese (1904) and the First World War (1914); 1919-1938
Changkufeng (1938, the Soviet Union and Japan); 1946-1989 Korea (1950, China against the United
States, Britain and France); 1990-2007 none. Great-power war became rare after 1815 (Levy 1983,
*War in the Modern Great Power System, 1495-1975*: the frequency of war among the great powers fell
over the five centuries while its severity rose); a simulator that starts a war
between two great powers every few years of 1900-1913 misreads the era.

References
----------
Levy, J. S. 1983. *War in the Modern Great Power System, 1495-1975*. Lexington: University Press of Kentucky.
Sarkees, M. R. and F. Wayman. 2010. *Resort to War: 1816-2007*. Washington, DC: CQ Press.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_years_filled
from foedus.schema import History

__all__ = ["great_power_war_counts"]


def great_power_war_counts(history: History, participants: pd.DataFrame, first: int, last: int) -> tuple[int, float]:
    """(wars begun in ``first..last`` with a great power on each side, great-power pair-years of ``first..last``).

    ``participants``: :func:`foedus.analysis.war_allies.war_participants` of ``history`` (``war``,
    ``ccode``, ``side``, ``entry_year``, ``war_start``). A participant is a great power if it was a
    major power in its entry year (:func:`foedus.analysis.capabilities.state_years_filled`).

    Examples
    --------
    Two great powers (2, 200) and a minor (70) over two years; one war with a great power on each side:

    >>> from types import SimpleNamespace
    >>> sy = pd.DataFrame({"ccode": [2, 200, 70] * 2, "year": [1900] * 3 + [1901] * 3, "cinc": 0.1, "major": [True, True, False] * 2, "tier": "major"})
    >>> h = SimpleNamespace(first_year=1900, last_year=1901, state_years=sy)
    >>> p = pd.DataFrame({"war": [0, 0, 0, 1, 1], "ccode": [2, 70, 200, 2, 70], "side": [1, 2, 2, 1, 2], "entry_year": [1900, 1900, 1901, 1901, 1901], "war_start": [1900, 1900, 1900, 1901, 1901]})
    >>> great_power_war_counts(h, p, 1900, 1901)
    (1, 2.0)
    """
    if last < first:
        return 0, 0.0
    sy = state_years_filled(history)
    sy = sy[(sy["year"] >= first) & (sy["year"] <= last) & sy["major"].to_numpy(dtype=bool)]
    k = sy.groupby("year")["ccode"].nunique().to_numpy(dtype=float)
    pair_years = float((k * (k - 1.0) / 2.0).sum())
    p = participants[(participants["war_start"] >= first) & (participants["war_start"] <= last)]
    if not len(p):
        return 0, pair_years
    major = set(zip(sy["ccode"].tolist(), sy["year"].tolist()))
    great = np.fromiter(((c, y) in major for c, y in zip(p["ccode"].tolist(), p["entry_year"].tolist())), bool, len(p))
    sides = p[great].groupby("war")["side"].nunique()
    return int((sides >= 2).sum()), pair_years
