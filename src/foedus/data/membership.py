"""Who is a member of the COW state system in which year, by one convention shared by the builder and the analyses.

A state is a member of year ``y`` when it is one on 31 December of ``y`` (the convention of
:func:`foedus.data.snapshot.snapshot` with ``at_year_end``): Bavaria, absorbed in January 1871,
last counts in 1870; a state that enters in December counts from that year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def member_years(states: pd.DataFrame) -> pd.DataFrame:
    """Each COW membership spell as the years it counts as a member at the end of the year: ``ccode, first, last``.

    ``states`` is the ``states`` table (:func:`foedus.data.cow.read_states`). ``last`` is NaN
    for a spell open at the end of the list (members at the end of 2016). A spell that ends
    before 31 December of its ``end_year`` lasts to the year before; one that ends on 31
    December (Czechoslovakia, 1992) counts in that year too. A spell without a year-end in it
    is dropped.
    """
    end = states["end_year"].astype("float64")
    if "end_month" in states:
        on_31_dec = (states["end_month"].astype("float64") == 12) & (states["end_day"].astype("float64") == 31)
    else:
        on_31_dec = pd.Series(False, index=states.index)
    last = np.where(end.isna(), np.nan, np.where(on_31_dec, end, end - 1))
    out = pd.DataFrame({"ccode": states["ccode"].astype(np.int64), "first": states["start_year"].astype(np.int64), "last": last})
    return out[~(out["last"] < out["first"])].reset_index(drop=True)


def members_by_year(states: pd.DataFrame, first: int, last: int) -> dict[int, np.ndarray]:
    """Year -> sorted COW codes of the members at the end of that year, for ``first..last`` (open spells run on)."""
    yrs = member_years(states)
    f = yrs["first"].to_numpy()
    l_ = yrs["last"].fillna(np.inf).to_numpy()
    c = yrs["ccode"].to_numpy()
    return {y: np.unique(c[(f <= y) & (y <= l_)]) for y in range(first, last + 1)}
