"""The compact record of a finished simulation, read from its arrays, and the recorder that counts events.

A simulated history (:class:`foedus.schema.History`) holds every event with its explanation;
an ensemble keeps only the compact :class:`foedus.schema.runs.RunRecord` of each run.
:func:`compact_record` reads that record straight from a finished
:class:`~foedus.sim.engine.Simulation`'s arrays, without building the history (the tables equal
those of :meth:`RunRecord.from_history <foedus.schema.runs.RunRecord.from_history>` on the run's
history; a test checks it). :class:`CountingRecorder` is the recorder an ensemble run uses: it
counts events instead of keeping them.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from foedus.schema import OBLIGATIONS, POWER_TIERS
from foedus.schema.runs import RunRecord
from foedus.sim.record import Recorder

__all__ = ["CountingRecorder", "compact_record"]

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


def compact_record(sim) -> RunRecord:
    """The compact record of a finished :class:`~foedus.sim.engine.Simulation`.

    Reads the recorder's per-year buffers, the agreements' arrays and membership spells
    directly (no history tables are built). Event counts need the run to have used a
    :class:`CountingRecorder` (as :func:`foedus.experiments.runner.run_tables` does);
    otherwise they are taken from the recorder's event log.

    Parameters
    ----------
    sim : foedus.sim.engine.Simulation
        A simulation that has run at least one year.

    Returns
    -------
    foedus.schema.runs.RunRecord

    Raises
    ------
    ValueError
        Nothing was simulated yet.
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
            "ccode": np.tile(world.inputs.ccode.astype(np.int64), Y),
            # the simulator keeps spending in millions; the record's unit is thousands of US$
            "milex": log.milex[:Y].ravel() * 1000.0,
            "cinc": log.cinc[:Y].ravel().astype(float),
            "major": log.major[:Y].ravel().astype(bool),
            "tier": tiers[log.tier[:Y].ravel()],
        },
        copy=False,  # new arrays: the frame need not copy them into blocks
    )
    member = getattr(log, "active", None)
    if member is not None and not member[:Y].all():  # state-years of system members only (foedus.sim.steps.system)
        state_years = state_years.loc[member[:Y].ravel()].reset_index(drop=True)
    ag = world.state.agreements
    slot, idx, entry, exit_ = ag.spells()
    kinds = np.asarray(("alliance", "coalition", "organisation"), dtype=object)
    spells = {
        "agreement_id": ag.agreement_id[slot].astype(np.int64),
        "kind": kinds[ag.kind[slot]],
        "defense": ag.obligations[slot, _DEFENCE].astype(bool),
        "start_year": ag.start_year[slot].astype(np.int64),
        "end_year": ag.end_year[slot].astype(np.int64),
        "ccode": world.inputs.ccode[idx].astype(np.int64),
        "entry_year": entry.astype(np.int64),
        "exit_year": exit_.astype(np.int64),
    }
    if isinstance(log, CountingRecorder):
        counts = dict(log.counts)
    else:
        counts = Counter()
        for year, kind, a, _, _, _ in getattr(log, "_events", ()):
            counts[(int(year), str(kind))] += len(a)
    return RunRecord.from_arrays(first, last, state_years, spells, counts)
