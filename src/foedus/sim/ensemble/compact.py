"""The compact record of one run: what an ensemble keeps instead of the whole history.

A simulated history (:class:`foedus.schema.History`) holds every event with its explanation
(a JSON object each); an ensemble of thousands of runs needs far less. :class:`RunRecord`
keeps, for one run,

``state_years``
    ``year, ccode, milex`` (thousands of US$, as in :data:`foedus.schema.STATE_YEARS`),
    ``cinc``, ``major``, ``tier``: one row per state and simulated year;
``spells``
    Membership spells of every agreement: ``agreement_id, kind, defense`` (the agreement
    carries a defence obligation), ``start_year, until_year`` of the agreement, ``ccode,
    entry_year, exit_year`` of the member. ``until_year`` and ``exit_year`` are the last year
    in force / of membership, resolved the way :mod:`foedus.analysis.network` counts
    membership in a year (an open spell runs to the run's last year; ``censored`` marks it);
``event_counts``
    ``year, kind, count``: how many events of each kind of :data:`foedus.schema.EVENT_KINDS`
    each year.

:meth:`RunRecord.from_history` reads these from any history (simulated or the record), and
:meth:`RunRecord.from_simulation` reads them straight from a finished
:class:`~foedus.sim.engine.Simulation`'s arrays without building the history (the tables are
equal; a test checks it). :class:`CountingRecorder` is the recorder an ensemble run uses: it
counts events instead of keeping them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from foedus.schema import OBLIGATIONS, POWER_TIERS, History
from foedus.sim.record import Recorder

__all__ = ["RunRecord", "CountingRecorder", "SPELL_COLUMNS"]

SPELL_COLUMNS: tuple[str, ...] = (
    "agreement_id",
    "kind",
    "defense",
    "start_year",
    "until_year",
    "ccode",
    "entry_year",
    "exit_year",
    "censored",
)
"""Columns of :attr:`RunRecord.spells`."""

_DEFENCE = OBLIGATIONS.index("defense")


class CountingRecorder(Recorder):
    """A :class:`foedus.sim.record.Recorder` that counts events by year and kind.

    Parameters
    ----------
    n_states, first_year, capacity
        As for :class:`~foedus.sim.record.Recorder`.
    keep_events : bool
        Also keep every event (so that :meth:`history` works); default False.

    Attributes
    ----------
    counts : collections.Counter
        ``(year, kind) -> number of events``.
    """

    def __init__(self, n_states: int, first_year: int, capacity: int = 32, *, keep_events: bool = False):
        super().__init__(n_states, first_year, capacity=capacity)
        self.keep_events = keep_events
        self.counts: Counter = Counter()

    def events(self, year, kind, agreement_id=-1, ccode=-1, ccode2=-1, detail=None) -> None:
        """Count a batch of events (see :meth:`foedus.sim.record.Recorder.events`); keep them if ``keep_events``."""
        k = max(np.size(agreement_id), np.size(ccode), np.size(ccode2))
        if isinstance(detail, list):
            k = max(k, len(detail))
        if k:
            self.counts[(int(year), str(kind))] += int(k)
        if self.keep_events:
            super().events(year, kind, agreement_id, ccode, ccode2, detail)


@dataclass
class RunRecord:
    """The compact record of one run (see the module docstring).

    Attributes
    ----------
    first_year, last_year : int
        The simulated window (both included).
    state_years, spells, event_counts : pandas.DataFrame
    """

    first_year: int
    last_year: int
    state_years: pd.DataFrame
    spells: pd.DataFrame
    event_counts: pd.DataFrame

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_history(cls, history: History) -> "RunRecord":
        """The compact record of any :class:`~foedus.schema.History`."""
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
        start = a["start_year"].reindex(aid).to_numpy(dtype=np.int64)
        end = a["end_year"].astype("float64").reindex(aid).to_numpy()
        exit_ = m["exit_year"].astype("float64").to_numpy()
        spells = _spell_frame(
            aid,
            a["kind"].astype(object).reindex(aid).to_numpy(),
            a["defense"].reindex(aid).to_numpy(dtype=bool),
            start,
            np.where(np.isnan(end), -1, end).astype(np.int64),
            m["ccode"].to_numpy(dtype=np.int64),
            m["entry_year"].to_numpy(dtype=np.int64),
            np.where(np.isnan(exit_), -1, exit_).astype(np.int64),
            last,
        )
        ev = history.events
        ev = ev[(ev["year"] >= first) & (ev["year"] <= last)]
        counts = ev.groupby(["year", "kind"], sort=False).size()
        event_counts = _count_frame({(int(y), str(k)): int(c) for (y, k), c in counts.items()})
        return cls(first, last, state_years, spells, event_counts)

    @classmethod
    def from_simulation(cls, sim) -> "RunRecord":
        """The compact record of a finished :class:`~foedus.sim.engine.Simulation`.

        Reads the recorder's per-year buffers, the agreements' arrays and membership spells
        directly (no history tables are built). Event counts need the run to have used a
        :class:`CountingRecorder` (see :func:`foedus.sim.ensemble.runner.simulate_run`);
        otherwise they are taken from the recorder's event log.
        """
        world = sim.world
        log = world.log
        Y, N = int(log.years), int(log.n)
        if Y == 0:
            raise ValueError("nothing simulated yet: call run() first")
        first = int(log.first_year)
        last = first + Y - 1
        tiers = np.asarray(POWER_TIERS, dtype=object)
        state_years = pd.DataFrame(
            {
                "year": np.repeat(np.arange(first, last + 1, dtype=np.int64), N),
                "ccode": np.tile(world.ccode.astype(np.int64), Y),
                "milex": log.milex[:Y].ravel() * 1000.0,
                "cinc": log.cinc[:Y].ravel().astype(float),
                "major": log.major[:Y].ravel().astype(bool),
                "tier": tiers[log.tier[:Y].ravel()],
            }
        )
        ag = world.agreements
        slot, idx, entry, exit_ = ag.spells()
        kinds = np.asarray(("alliance", "coalition", "organisation"), dtype=object)
        spells = _spell_frame(
            ag.agreement_id[slot].astype(np.int64),
            kinds[ag.kind[slot]],
            ag.obligations[slot, _DEFENCE].astype(bool),
            ag.start_year[slot].astype(np.int64),
            ag.end_year[slot].astype(np.int64),
            world.ccode[idx].astype(np.int64),
            entry.astype(np.int64),
            exit_.astype(np.int64),
            last,
        )
        if isinstance(log, CountingRecorder):
            counts = dict(log.counts)
        else:
            counts = Counter()
            for year, kind, a, _, _, _ in getattr(log, "_events", ()):
                counts[(int(year), str(kind))] += len(a)
        counts = {k: v for k, v in counts.items() if first <= k[0] <= last}
        return cls(first, last, state_years, spells, _count_frame(counts))


def _spell_frame(aid, kind, defense, start, end, ccode, entry, exit_, last: int) -> pd.DataFrame:
    """Spells with ``until_year``/``exit_year`` resolved (negative = open) and sorted canonically."""
    until = np.where(end >= 0, end, last)
    open_ = exit_ < 0
    exit_r = np.where(open_, until, exit_)
    df = pd.DataFrame(
        {
            "agreement_id": aid,
            "kind": kind,
            "defense": defense,
            "start_year": start,
            "until_year": until,
            "ccode": ccode,
            "entry_year": entry,
            "exit_year": exit_r,
            "censored": open_ & (end < 0),
        }
    )
    df = df.sort_values(["agreement_id", "ccode", "entry_year"], kind="mergesort").reset_index(drop=True)
    return df


def _count_frame(counts: dict[tuple[int, str], int]) -> pd.DataFrame:
    keys = sorted(counts)
    return pd.DataFrame(
        {
            "year": np.array([k[0] for k in keys], dtype=np.int64),
            "kind": np.array([k[1] for k in keys], dtype=object),
            "count": np.array([counts[k] for k in keys], dtype=np.int64),
        }
    )
