"""Recording a run: compact per-year arrays during the run, canonical tables at the end.

During a run the record step (brief step 9) copies a few (N,) arrays into preallocated
``(years, N)`` buffers and appends events as small batches of arrays; nothing is built row by row.
:meth:`Recorder.history` turns the buffers, the agreements' arrays and the closed membership
spells into the canonical tables of :mod:`foedus.schema` in one pass of vectorised pandas code,
so :func:`foedus.data.runs.write_history_dir` writes the run and every measure in
:mod:`foedus.analysis` runs on it unchanged.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import orjson
import pandas as pd

from foedus.schema.provenance import HistoryMeta
from foedus.schema import OBLIGATIONS, POWER_TIERS, History, validate
from foedus.sim.agreements import AGREEMENT_KINDS
from foedus.sim.world import World


def _to_json(x: Any) -> Any:
    """JSON form of the NumPy values a detail may hold that orjson does not serialise itself (its ``default``)."""
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.bool_):
        return bool(x)
    if isinstance(x, np.ndarray):
        return x.tolist()
    if isinstance(x, np.floating):
        return float(x)
    raise TypeError(f"event detail value of type {type(x).__name__} is not JSON serialisable")


_JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY


def _dumps(d: Any) -> str:
    """A detail as compact JSON with sorted keys (the same dict always gives the same bytes; orjson, pinned)."""
    return orjson.dumps(d, default=_to_json, option=_JSON_OPTIONS).decode("utf-8")


def _na_int(v: np.ndarray) -> pd.arrays.IntegerArray:
    """Nullable integers: negative values (our "none") become ``<NA>``."""
    v = np.asarray(v, dtype=np.int64)
    return pd.arrays.IntegerArray(np.where(v >= 0, v, 0), v < 0)


class Recorder:
    """Collects a run's history as arrays; builds the canonical tables on demand.

    Parameters
    ----------
    n_states : int
    first_year : int
        The first simulated year.
    capacity : int
        Years to preallocate (grows as needed).
    """

    def __init__(self, n_states: int, first_year: int, capacity: int = 32):
        self.n = n_states
        self.first_year = first_year
        self.years = 0
        cap = max(capacity, 1)
        self.milex = np.zeros((cap, n_states))
        self.milper = np.zeros((cap, n_states))
        self.tpop = np.zeros((cap, n_states))
        self.cinc = np.zeros((cap, n_states))
        self.major = np.zeros((cap, n_states), dtype=bool)
        self.tier = np.zeros((cap, n_states), dtype=np.int8)
        self.active = np.ones((cap, n_states), dtype=bool)
        self._events: list[tuple[int, str, np.ndarray, np.ndarray, np.ndarray, list[Any]]] = []

    def _ensure(self, rows: int) -> None:
        cap = self.milex.shape[0]
        if rows <= cap:
            return
        new = max(rows, 2 * cap)
        for name in ("milex", "milper", "tpop", "cinc", "major", "tier", "active"):
            old = getattr(self, name)
            arr = np.zeros((new,) + old.shape[1:], dtype=old.dtype)
            arr[:cap] = old
            setattr(self, name, arr)

    def record_year(self, world: World) -> None:
        """Copy this year's state arrays into the buffers (one row per array)."""
        t = world.state.year - self.first_year
        self._ensure(t + 1)
        self.milex[t] = world.state.milex
        self.milper[t] = world.state.milper
        self.tpop[t] = world.inputs.population
        self.cinc[t] = world.state.cinc
        self.major[t] = world.state.major
        self.tier[t] = world.tier_code()
        self.active[t] = world.state.active if len(world.state.active) == self.n else True
        self.years = max(self.years, t + 1)

    def events(
        self,
        year: int,
        kind: str,
        agreement_id: Any = -1,
        ccode: Any = -1,
        ccode2: Any = -1,
        detail: list[dict] | dict | None = None,
    ) -> None:
        """Append a batch of events of one kind (arrays broadcast; -1 means none).

        ``detail`` is one dict per event (or one dict for all): the explanation, e.g. the
        motive decomposition and the factors behind a formation (brief F5). A detail may also
        be given already serialised (a JSON string with sorted keys), for frequent events.
        """
        a = np.array(agreement_id, dtype=np.int64, ndmin=1)  # copies
        c = np.array(ccode, dtype=np.int64, ndmin=1)
        c2 = np.array(ccode2, dtype=np.int64, ndmin=1)
        la, lc, lc2 = len(a), len(c), len(c2)
        k = max(la, lc, lc2) if la and lc and lc2 else 0
        if k == 0:
            return
        if not la == lc == lc2:
            if la not in (1, k) or lc not in (1, k) or lc2 not in (1, k):
                raise ValueError(f"event columns of lengths {la}, {lc}, {lc2} do not broadcast")
            # a single value (most often -1, "none") stands for every event
            if la == 1:
                a = np.full(k, a[0], np.int64)
            if lc == 1:
                c = np.full(k, c[0], np.int64)
            if lc2 == 1:
                c2 = np.full(k, c2[0], np.int64)
        # serialised now: strings are not tracked by the cyclic garbage collector, so a long run's
        # thousands of explanations do not make every later collection slower
        if detail is None:
            det: list[str] = ["{}"] * k
        elif isinstance(detail, (dict, str)):
            det = [detail if isinstance(detail, str) else _dumps(detail)] * k
        else:
            det = [d if isinstance(d, str) else _dumps(d) for d in detail]
            if len(det) != k:
                raise ValueError(f"{len(det)} details for {k} events of kind {kind!r}")
        self._events.append((int(year), kind, a, c, c2, det))

    # ------------------------------------------------------------------ tables
    def history(
        self, world: World, source: str = "simulation", extras: dict[str, pd.DataFrame] | None = None, meta: HistoryMeta | None = None
    ) -> History:
        """The run so far as a validated :class:`~foedus.schema.History`; ``meta``: its provenance and units."""
        Y, N = self.years, self.n
        last = self.first_year + Y - 1
        state_years = self.state_years_table(world)
        states = self._states_table(world)
        ag = world.state.agreements
        n = ag.n
        sl = slice(0, n)
        end = ag.end_year[sl].astype(np.int64)
        size0 = self._founding_size(ag)
        obligations = {o: ag.obligations[sl, k] for k, o in enumerate(OBLIGATIONS)}
        kinds = np.asarray(AGREEMENT_KINDS, dtype=object)
        agreements = pd.DataFrame(
            {
                "agreement_id": ag.agreement_id[sl],
                "kind": kinds[ag.kind[sl]],
                "name": pd.array(ag.names, dtype="string"),
                "start_year": ag.start_year[sl].astype(np.int64),
                "start_month": pd.array([pd.NA] * n, dtype="Int64"),
                "start_day": pd.array([pd.NA] * n, dtype="Int64"),
                "end_year": _na_int(end),
                "end_month": pd.array([pd.NA] * n, dtype="Int64"),
                "end_day": pd.array([pd.NA] * n, dtype="Int64"),
                "observed_until": np.full(n, last, dtype=np.int64),
                **obligations,
                "conditional": ag.conditional[sl],
                "bilateral": size0 == 2,
                # ATOP's asymm (members' obligations differ) cannot happen here: a simulated pact's
                # members share its obligations; the world's flag is capability asymmetry (brief A3)
                "asymmetric": np.zeros(n, dtype=bool),
                "institutionalised": ag.institutionalised[sl].astype(np.int64),
                "wartime": ag.wartime[sl],
                "source": "simulation",
                "capability_asymmetric": ag.asymmetric[sl],
            }
        )
        slot, idx, entry, exit_ = ag.spells()
        order = np.lexsort((entry, world.inputs.ccode[idx], ag.agreement_id[slot]))
        slot, idx, entry, exit_ = slot[order], idx[order], entry[order], exit_[order]
        m = len(slot)
        memberships = pd.DataFrame(
            {
                "agreement_id": ag.agreement_id[slot],
                "ccode": world.inputs.ccode[idx].astype(np.int64),
                "phase": np.zeros(m, dtype=np.int64),
                "entry_year": entry,
                "entry_month": pd.array([pd.NA] * m, dtype="Int64"),
                "entry_day": pd.array([pd.NA] * m, dtype="Int64"),
                "exit_year": _na_int(exit_),
                "exit_month": pd.array([pd.NA] * m, dtype="Int64"),
                "exit_day": pd.array([pd.NA] * m, dtype="Int64"),
            }
        )
        events = self.events_table()
        ex = dict(extras or {})
        ex.update(self._nonstate_tables(world))
        h = History(
            states=validate(states, "states", source=f"{source}:states"),
            state_years=validate(state_years, "state_years", source=f"{source}:state_years"),
            agreements=validate(agreements, "agreements", source=f"{source}:agreements"),
            memberships=validate(memberships, "memberships", source=f"{source}:memberships"),
            events=validate(events, "events", source=f"{source}:events"),
            first_year=self.first_year,
            last_year=last,
            source=source,
            extras=ex,
            meta=meta,
        )
        return h

    def state_years_table(self, world: World) -> pd.DataFrame:
        """The ``state_years`` table (unvalidated) from the per-year buffers, in one vectorised pass.

        Units of :data:`foedus.schema.STATE_YEARS`: ``milex`` in thousands (the simulation keeps
        millions), ``tpop`` in thousands; iron and steel, energy and urban population are not
        simulated (missing).
        """
        Y, N = self.years, self.n
        tiers = np.asarray(POWER_TIERS, dtype=object)
        table = pd.DataFrame(
            {
                "ccode": np.tile(world.inputs.ccode.astype(np.int64), Y),
                "year": np.repeat(np.arange(self.first_year, self.first_year + Y, dtype=np.int64), N),
                "milex": self.milex[:Y].ravel() * 1000.0,
                "milper": self.milper[:Y].ravel(),
                "irst": np.nan,
                "pec": np.nan,
                "tpop": self.tpop[:Y].ravel() * 1000.0,
                "upop": np.nan,
                "cinc": self.cinc[:Y].ravel(),
                "major": self.major[:Y].ravel(),
                "tier": tiers[self.tier[:Y].ravel()],
            }
        )
        member = self.active[:Y].ravel()
        return table if member.all() else table.loc[member].reset_index(drop=True)

    def _states_table(self, world: World) -> pd.DataFrame:
        """The ``states`` table: the states that were system members in some recorded year.

        ``end_year`` is the year a state left the system (the year after its last recorded
        year, COW's ``endyear``) when it left before the last recorded year and had not come
        back; ``<NA>`` for a member at the end.
        """
        Y = self.years
        act = self.active[:Y]
        ever = act.any(axis=0) if Y else np.ones(self.n, bool)
        last = Y - 1 - np.argmax(act[::-1], axis=0) if Y else np.zeros(self.n, np.int64)
        left = ever & (last < Y - 1)
        end = np.where(left, self.first_year + last + 1, -1)
        return pd.DataFrame(
            {
                "ccode": world.inputs.ccode.astype(np.int64)[ever],
                "abb": np.asarray(world.inputs.abb, dtype=object)[ever],
                "name": np.asarray(world.inputs.names, dtype=object)[ever],
                "start_year": world.inputs.since.astype(np.int64)[ever],
                "end_year": _na_int(end[ever]),
            }
        )

    @staticmethod
    def _founding_size(ag) -> np.ndarray:
        """Number of founding members of each agreement (members entering in its first year)."""
        slot, _, entry, _ = ag.spells()
        founders = entry == ag.start_year[slot]
        return np.bincount(slot[founders], minlength=ag.n)[: ag.n]

    def events_table(self) -> pd.DataFrame:
        """The events logged so far as the ``events`` table (unvalidated; in year order, then as logged)."""
        if not self._events:
            return pd.DataFrame({"year": [], "kind": [], "agreement_id": [], "ccode": [], "ccode2": [], "detail": []})
        chunks = sorted(enumerate(self._events), key=lambda t: (t[1][0], t[0]))
        year = np.concatenate([np.full(len(e[2]), e[0], np.int64) for _, e in chunks])
        kind = np.concatenate([np.full(len(e[2]), e[1], dtype=object) for _, e in chunks])
        a = np.concatenate([e[2] for _, e in chunks])
        c = np.concatenate([e[3] for _, e in chunks])
        c2 = np.concatenate([e[4] for _, e in chunks])
        det = [d for _, e in chunks for d in e[5]]

        return pd.DataFrame({"year": year, "kind": kind, "agreement_id": _na_int(a), "ccode": _na_int(c), "ccode2": _na_int(c2), "detail": det})

    @staticmethod
    def _nonstate_tables(world: World) -> dict[str, pd.DataFrame]:
        """Non-state actors and their cyber-alignment memberships (brief A1, T3) as extra tables."""
        if not world.inputs.nonstate_ids:
            return {}
        ag = world.state.agreements
        actors = pd.DataFrame(
            {
                "actor_id": world.inputs.nonstate_ids,
                "name": world.inputs.nonstate_names,
                "kind": world.inputs.nonstate_kind,
                "home_ccode": _na_int(np.where(world.inputs.nonstate_home > 0, world.inputs.nonstate_home, -1)),
            }
        )
        slot, idx, entry, exit_ = ag.spells(nonstate=True)
        order = np.lexsort((entry, idx, ag.agreement_id[slot]))
        slot, idx, entry, exit_ = slot[order], idx[order], entry[order], exit_[order]
        mem = pd.DataFrame(
            {
                "agreement_id": ag.agreement_id[slot],
                "actor_id": np.asarray(world.inputs.nonstate_ids, dtype=object)[idx] if len(idx) else np.array([], dtype=object),
                "entry_year": entry,
                "exit_year": _na_int(exit_),
            }
        )
        return {"nonstate_actors": actors, "nonstate_memberships": mem}
