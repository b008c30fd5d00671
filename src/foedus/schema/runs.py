"""The compact record of a run: what an ensemble keeps of a run instead of its whole history.

It lives in the schema layer, beside :class:`~foedus.schema.History`, because the simulator
(which writes it, :mod:`foedus.sim.compact`) and the analysis (which reads it,
:mod:`foedus.analysis.indicators`) both speak it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from foedus.schema import History

SPELL_COLUMNS: tuple[str, ...] = ("agreement_id", "kind", "defense", "start_year", "until_year", "ccode", "entry_year", "exit_year", "censored")
"""Columns of :attr:`RunRecord.spells`."""


@dataclass
class RunRecord:
    """The compact record of one run: what an ensemble keeps instead of the whole history.

    A :class:`History` holds every event with its explanation (a JSON object each); an
    ensemble of thousands of runs needs far less. A run record keeps

    ``state_years``
        ``year, ccode, milex`` (thousands of US$, as in :data:`foedus.schema.STATE_YEARS`), ``cinc``,
        ``major``, ``tier``: one row per state and year of the window;
    ``spells``
        Membership spells of every agreement (:data:`SPELL_COLUMNS`): ``agreement_id, kind,
        defense`` (the agreement carries a defence obligation), ``start_year, until_year`` of
        the agreement, ``ccode, entry_year, exit_year`` of the member. ``until_year`` and
        ``exit_year`` are the last year in force / of membership, resolved the way
        :mod:`foedus.analysis.network` counts membership in a year (an open spell runs to the
        window's last year; ``censored`` marks it);
    ``event_counts``
        ``year, kind, count``: how many events of each kind of :data:`foedus.schema.EVENT_KINDS` each year.

    :meth:`from_history` reads these from any history (simulated or the record);
    :func:`foedus.sim.compact.compact_record` reads them straight from a finished simulation's
    arrays through :meth:`from_arrays` (the tables are equal; a test checks it).

    Attributes
    ----------
    first_year, last_year : int
        The window (both included).
    state_years, spells, event_counts : pandas.DataFrame
    """

    first_year: int
    last_year: int
    state_years: pd.DataFrame
    spells: pd.DataFrame
    event_counts: pd.DataFrame

    @classmethod
    def from_arrays(
        cls,
        first_year: int,
        last_year: int,
        state_years: pd.DataFrame,
        spells: Mapping[str, np.ndarray],
        event_counts: Mapping[tuple[int, str], int],
    ) -> "RunRecord":
        """A run record from raw membership spells and event counts.

        Parameters
        ----------
        first_year, last_year : int
            The window (both included).
        state_years : pandas.DataFrame
            Columns ``year, ccode, milex, cinc, major, tier`` (kept as given).
        spells : mapping of str to numpy.ndarray
            One array per membership spell and field: ``agreement_id, kind, defense,
            start_year, end_year`` (the agreement's last year, negative while in force),
            ``ccode, entry_year, exit_year`` (the member's last year, negative while a member).
        event_counts : mapping of (year, kind) to int
            Events counted per year and kind; those outside the window are dropped.
        """
        counts = {k: v for k, v in event_counts.items() if first_year <= k[0] <= last_year}
        return cls(first_year, last_year, state_years, _spell_frame(spells, last_year), _count_frame(counts))

    @classmethod
    def from_history(cls, history: History) -> "RunRecord":
        """The compact record of any :class:`History` (over its observation window)."""
        first, last = int(history.first_year), int(history.last_year)
        sy = history.state_years
        sy = sy[(sy["year"] >= first) & (sy["year"] <= last)]
        state_years = pd.DataFrame(
            {
                "year": sy["year"].to_numpy(dtype=np.int64),
                "ccode": sy["ccode"].to_numpy(dtype=np.int64),
                "milex": sy["milex"].to_numpy(dtype=float),
                "cinc": sy["cinc"].to_numpy(dtype=float),
                "major": sy["major"].to_numpy(dtype=bool),
                "tier": sy["tier"].astype(object).to_numpy(),
            }
        )
        a = history.agreements.set_index("agreement_id")
        m = history.memberships
        aid = m["agreement_id"].to_numpy(dtype=np.int64)
        end = a["end_year"].astype("float64").reindex(aid).to_numpy()
        exit_ = m["exit_year"].astype("float64").to_numpy()
        spells = {
            "agreement_id": aid,
            "kind": a["kind"].astype(object).reindex(aid).to_numpy(),
            "defense": a["defense"].reindex(aid).to_numpy(dtype=bool),
            "start_year": a["start_year"].reindex(aid).to_numpy(dtype=np.int64),
            "end_year": np.where(np.isnan(end), -1, end).astype(np.int64),
            "ccode": m["ccode"].to_numpy(dtype=np.int64),
            "entry_year": m["entry_year"].to_numpy(dtype=np.int64),
            "exit_year": np.where(np.isnan(exit_), -1, exit_).astype(np.int64),
        }
        ev = history.events
        ev = ev[(ev["year"] >= first) & (ev["year"] <= last)]
        counts = ev.groupby(["year", "kind"], sort=False).size()
        return cls.from_arrays(first, last, state_years, spells, {(int(y), str(k)): int(c) for (y, k), c in counts.items()})


def _spell_frame(spells: Mapping[str, np.ndarray], last: int) -> pd.DataFrame:
    """Spells with ``until_year``/``exit_year`` resolved (negative = open) and sorted canonically."""
    end, exit_ = spells["end_year"], spells["exit_year"]
    until = np.where(end >= 0, end, last)
    open_ = exit_ < 0
    columns = {
        "agreement_id": spells["agreement_id"],
        "kind": spells["kind"],
        "defense": spells["defense"],
        "start_year": spells["start_year"],
        "until_year": until,
        "ccode": spells["ccode"],
        "entry_year": spells["entry_year"],
        "exit_year": np.where(open_, until, exit_),
        "censored": open_ & (end < 0),
    }
    if len(until) and all(np.asarray(columns[c]).dtype.kind in "iu" for c in ("agreement_id", "ccode", "entry_year")):
        # the stable sort by the three integer keys that DataFrame.sort_values(kind="mergesort") makes (pandas sorts
        # several columns with numpy.lexsort too), on the arrays: a fifth of the time, the same rows in the same order
        order = np.lexsort((columns["entry_year"], columns["ccode"], columns["agreement_id"]))
        return pd.DataFrame({c: np.asarray(v)[order] for c, v in columns.items()}, copy=False)  # new arrays: no copy into blocks
    df = pd.DataFrame(columns)
    return df.sort_values(["agreement_id", "ccode", "entry_year"], kind="mergesort").reset_index(drop=True)


def _count_frame(counts: Mapping[tuple[int, str], int]) -> pd.DataFrame:
    """Event counts as a table sorted by year and kind."""
    keys = sorted(counts)
    return pd.DataFrame(
        {
            "year": np.array([k[0] for k in keys], dtype=np.int64),
            "kind": np.array([k[1] for k in keys], dtype=object),
            "count": np.array([counts[k] for k in keys], dtype=np.int64),
        }
    )
