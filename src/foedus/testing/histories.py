"""Small hand-made histories in the canonical tables, for teaching, examples and tests.

A researcher checking a measure by hand, or a test asserting a hand-computed value, needs a
history of a few states and alliances whose every number is known. :func:`toy_history` builds
one from a compact description and validates it like any imported or simulated history.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from foedus.schema import OBLIGATIONS, History, empty, power_tier, validate

__all__ = ["toy_history"]


def toy_history(
    alliances: Sequence[Mapping],
    *,
    first_year: int,
    last_year: int,
    cinc: Mapping[int, float] | None = None,
    majors: Iterable[int] = (),
    states: Mapping[int, tuple[int, int | None]] | None = None,
    source: str = "toy",
) -> History:
    """Build a validated :class:`~foedus.schema.History` from a compact description.

    Parameters
    ----------
    alliances : sequence of mappings
        One per agreement, with keys ``id`` (int), ``start`` (year), ``end`` (year, or None
        when still in force at ``last_year``), ``members`` (COW codes, or ``(ccode, entry,
        exit)`` tuples with ``exit`` None for "still a member"; plain codes enter at ``start``
        and leave at ``end``), and optionally ``obligations`` (names from
        :data:`foedus.schema.OBLIGATIONS`, default ``("defense",)``) and ``kind`` (default
        ``"alliance"``).
    first_year, last_year : int
        Observation window; agreements in force at ``last_year`` are right-censored there.
    cinc : mapping ccode -> float, optional
        Constant CINC share of each state in every year (default: equal shares).
    majors : iterable of int
        COW codes that are major powers in every year.
    states : mapping ccode -> (start_year, end_year or None), optional
        State-system spells (default: every member from ``first_year``, still a member).
    source : str
        Name of the history.

    Returns
    -------
    History

    Examples
    --------
    >>> h = toy_history([{"id": 1, "start": 1900, "end": 1910, "members": [2, 200]}],
    ...                 first_year=1900, last_year=1950)
    >>> len(h.agreements), h.memberships["ccode"].tolist()
    (1, [2, 200])
    """
    agreements, memberships = [], []
    for a in alliances:
        obligations = set(a.get("obligations", ("defense",)))
        unknown = obligations - set(OBLIGATIONS)
        if unknown:
            raise ValueError(f"alliance {a['id']}: unknown obligation(s) {sorted(unknown)}")
        end = a.get("end")
        members = [m if isinstance(m, tuple) else (m, a["start"], end) for m in a["members"]]
        agreements.append(
            {
                "agreement_id": a["id"], "kind": a.get("kind", "alliance"), "name": a.get("name"),
                "start_year": a["start"], "start_month": None, "start_day": None,
                "end_year": end, "end_month": None, "end_day": None, "observed_until": last_year,
                **{o: o in obligations for o in OBLIGATIONS},
                "conditional": False, "bilateral": len({m[0] for m in members}) == 2, "asymmetric": False,
                "institutionalised": None, "wartime": False, "source": source,
            }
        )
        memberships += [
            {"agreement_id": a["id"], "ccode": c, "phase": 0, "entry_year": entry, "entry_month": None, "entry_day": None,
             "exit_year": exit_, "exit_month": None, "exit_day": None}
            for c, entry, exit_ in members
        ]
    codes = sorted({m["ccode"] for m in memberships} | set(states or {}) | set(cinc or {}) | set(majors))
    spells = states or {c: (first_year, None) for c in codes}
    states_df = pd.DataFrame(
        {"ccode": list(spells), "abb": [f"S{c}" for c in spells], "name": [f"State {c}" for c in spells],
         "start_year": [s for s, _ in spells.values()], "end_year": [e for _, e in spells.values()]}
    )
    share = cinc or {c: 1.0 / max(len(codes), 1) for c in codes}
    major_set = set(majors)
    rows = [
        (c, y) for c, (s, e) in spells.items()
        for y in range(max(s, first_year), (last_year if e is None else min(e, last_year)) + 1)
    ]
    sy = pd.DataFrame(rows, columns=["ccode", "year"])
    for col in ("milex", "milper", "irst", "pec", "tpop", "upop"):
        sy[col] = np.nan
    sy["cinc"] = sy["ccode"].map(share).astype(float)
    sy["major"] = sy["ccode"].isin(major_set)
    sy["tier"] = power_tier(sy["cinc"].to_numpy(), sy["major"].to_numpy())
    ag = pd.DataFrame(agreements) if agreements else empty("agreements")
    ms = pd.DataFrame(memberships) if memberships else empty("memberships")
    return History(
        states=validate(states_df, "states", source=f"{source}:states"),
        state_years=validate(sy, "state_years", source=f"{source}:state_years"),
        agreements=validate(ag, "agreements", source=f"{source}:agreements"),
        memberships=validate(ms, "memberships", source=f"{source}:memberships"),
        events=empty("events"),
        first_year=first_year,
        last_year=last_year,
        source=source,
    )
