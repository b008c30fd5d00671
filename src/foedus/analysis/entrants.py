"""Do new states sign more pacts? Formation by obligation for system entrants against the other members (issues 12, 17).

A state in its first ``window`` years in the state system (an *entrant*) is said to sign many
treaties of friendship, neutrality and consultation: with its neighbours, its former metropole, a
patron (the successor states of 1918-1920, the decolonised states, the post-Soviet states; Gibler
& Wolford 2006 on new states' alliances before democratisation; Kydd 2005 on reassurance between
states of unknown type). :func:`entrant_formation` measures it on any history, the record or a run,
by the same rule: the pacts each state *founds* (enters in the agreement's first year,
:func:`foedus.analysis.size.founding_members`) per system state-year, by the pact's strongest
obligation (:func:`foedus.analysis.formation.primary_obligation`), for entrants and for the others,
and their rate ratio with an exact 95 % interval (the conditional binomial of two Poisson counts).

*Entry* is a state's first entry into the system (``first_entry``; by default the first year of
its first spell in ``history.states``): a state restored after an occupation is not new, and a
state in the system since the list's first year (1816) is never an entrant (the list's start is
censoring, not birth: :data:`foedus.theory.reassurance.STATE_LIST_START`). For a run started from
the record, pass the record's first entries (a run's state table starts at the scenario's year).

What the record says (ATOP 5.1, COW state list, ``window`` 10): in the in-sample eras there is no
entrant effect, all obligations pooled, 1816-1914 and 1946-1989 together a ratio of 1.04 (95 %:
0.86-1.24), neutrality 1.2 (0.4-3.0), consultation 1.0 (0.5-1.8), non-aggression in 1946-1989
0.88 (0.61-1.23); in 1919-1938 none either (0.82); only 1990-2018 shows one (5.2), the treaties of
the post-Soviet states and of the post-communist states with them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.formation import begun_founders
from foedus.schema import History

__all__ = ["ENTRANT_WINDOW", "OBLIGATION_ORDER", "entrant_formation", "rate_ratio_interval"]

ENTRANT_WINDOW = 10
"""Years after its first entry during which a state counts as an entrant (our choice: a decade, the
``intentions_decay_years`` of :func:`foedus.theory.reassurance.intentions_uncertainty`)."""

OBLIGATION_ORDER = ("defense", "offense", "neutrality", "nonaggression", "consultation")
"""The strongest-obligation labels, strongest first (:func:`foedus.analysis.formation.primary_obligation`)."""

STATE_LIST_START = 1816


def rate_ratio_interval(a, na, b, nb, level: float = 0.95) -> tuple[float, float, float]:
    """Rate ratio ``(a / na) / (b / nb)`` of two Poisson counts and its exact interval (conditional binomial).

    Given ``a + b`` events, ``a`` is binomial with ``p = na r / (na r + nb)``; the Clopper-Pearson
    interval of ``p`` maps to the ratio ``r = p / (1 - p) * nb / na``. NaN where a rate is undefined.

    Examples
    --------
    >>> r, lo, hi = rate_ratio_interval(10, 100, 10, 100)
    >>> r, round(lo, 2), round(hi, 2)
    (1.0, 0.37, 2.68)
    """
    from scipy.stats import beta

    a, b, na, nb = int(a), int(b), float(na), float(nb)
    if na <= 0 or nb <= 0 or b == 0:
        return float("nan"), float("nan"), float("nan")
    n, q = a + b, (1.0 - level) / 2.0
    lo = beta.ppf(q, a, n - a + 1) if a > 0 else 0.0
    hi = beta.ppf(1.0 - q, a + 1, n - a) if a < n else 1.0

    def to_ratio(p: float) -> float:
        return float(p / (1.0 - p) * nb / na) if p < 1.0 else float("inf")

    return (a / na) / (b / nb), to_ratio(lo), to_ratio(hi)


def _first_entry(history: History) -> pd.Series:
    s = history.states
    return s.groupby("ccode")["start_year"].min().astype("int64")


def _state_years(history: History, first: int, last: int, entry: pd.Series, window: int) -> tuple[int, int]:
    """(entrant, other) system state-years in ``first..last``: the years of each spell within ``window`` years of first entry."""
    s = history.states
    lo = np.maximum(s["start_year"].to_numpy(dtype="int64"), first)
    hi = np.minimum(s["end_year"].astype("float64").fillna(last).to_numpy(), last).astype("int64")
    e = s["ccode"].map(entry).fillna(STATE_LIST_START).to_numpy(dtype="int64")
    new_hi = np.where(e > STATE_LIST_START, e + window - 1, lo - 1)  # an entrant through its first entry's year + window - 1
    total = np.maximum(hi - lo + 1, 0)
    new = np.maximum(np.minimum(hi, new_hi) - lo + 1, 0)
    return int(new.sum()), int((total - new).sum())


def entrant_formation(
    history: History, first: int, last: int, *, first_entry: pd.Series | None = None, window: int = ENTRANT_WINDOW,
    min_begun_id: int | None = None,
) -> pd.DataFrame:
    """Pacts founded per state-year by entrants (first ``window`` years in the system) and by the others, by strongest obligation.

    Parameters
    ----------
    history : History
        The record or a run; its ``states`` spells give the system state-years.
    first, last : int
        The era, both years included (pacts begun in it).
    first_entry : Series (ccode -> year), optional
        Each state's first entry; default the first year of its first spell in ``history.states``.
    window : int
        Years an entrant stays one (:data:`ENTRANT_WINDOW`).
    min_begun_id : int, optional
        In a run, the first id of an agreement formed during the run (inherited ones are not begun).

    Returns
    -------
    DataFrame indexed by obligation (:data:`OBLIGATION_ORDER` and ``"all"``), columns ``entrant`` and
    ``other`` (founding memberships), ``entrant_sy`` and ``other_sy`` (state-years), ``entrant_rate``,
    ``other_rate``, ``ratio``, ``ratio_lo``, ``ratio_hi`` (:func:`rate_ratio_interval`).

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1921, "end": None, "members": [2, 310], "obligations": ("neutrality",)}],
    ...                 first_year=1816, last_year=1930, states={2: (1816, None), 310: (1918, None)})
    >>> t = entrant_formation(h, 1919, 1930)
    >>> t[["entrant", "other", "entrant_sy", "other_sy"]].loc["neutrality"].tolist()
    [1, 1, 9, 15]
    """
    entry = _first_entry(history) if first_entry is None else first_entry.astype("int64")
    f, ob = begun_founders(history, first, last, min_begun_id)
    e = f["ccode"].map(entry).fillna(STATE_LIST_START).to_numpy(dtype="int64")
    is_new = (e > STATE_LIST_START) & (f["year"].to_numpy(dtype="int64") - e < window)
    lab = ob.reindex(f["agreement_id"].to_numpy()).to_numpy()
    new_sy, old_sy = _state_years(history, first, last, entry, window)
    rows = {}
    for o in (*OBLIGATION_ORDER, "all"):
        sel = np.ones(len(f), bool) if o == "all" else (lab == o)
        a, b = int((sel & is_new).sum()), int((sel & ~is_new).sum())
        r, lo, hi = rate_ratio_interval(a, new_sy, b, old_sy)
        rows[o] = {
            "entrant": a, "other": b, "entrant_sy": new_sy, "other_sy": old_sy,
            "entrant_rate": a / new_sy if new_sy else float("nan"), "other_rate": b / old_sy if old_sy else float("nan"),
            "ratio": r, "ratio_lo": lo, "ratio_hi": hi,
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    return out.astype({c: "int64" for c in ("entrant", "other", "entrant_sy", "other_sy")})
