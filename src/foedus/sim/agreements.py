"""The agreements of a run (brief A2, A3): alliances, coalitions and organisations, as growable arrays.

:class:`Agreements` holds a membership matrix ``members`` ``(A, N)`` of booleans with one row
per agreement ever formed, and per-agreement attributes in arrays. A state may belong to
several agreements at once; members may leave and join; agreements may dissolve. Every
membership spell that ends is kept (compactly) for the history tables.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim.membership import _allied_kernel, _close_pairs_kernel, _close_rows_kernel, _in_force_kernel
from foedus.theory.capability import commitment_strength

AGREEMENT_KINDS = ("alliance", "coalition", "organisation")
"""Kinds of agreement (brief A2): ``Agreements.kind`` indexes this tuple."""
DOMAINS = ("security", "cyber")
"""Domains of agreement: security, or trust-based cyber alignment (T3); ``Agreements.domain`` indexes this tuple."""
FIRST_SIMULATED_ID = 100001
"""Agreements formed during a run get ids from here on (ATOP atopids stay below 10,000)."""

TARGET_UNSET, TARGET_GONE, TARGET_NONE = -1, -2, -3
"""Codes of ``Agreements.target`` that are not a state: not measured yet, the named adversary not in
the world (its threat gone), no adversary (no outsider threatened the members at signature)."""

FIRST_SCENARIO_ID = 90001
"""A scenario's starting agreements that give no id get ids from here on."""


class Agreements:
    """All agreements of a run, in force or ended, as arrays of growable capacity.

    Attributes (``A`` = number of agreements so far, ``N`` = states, ``K`` = non-state actors)
    ----------
    members : (A, N) bool
        Current members (all False once an agreement has dissolved).
    entry_year : (A, N) int32
        Entry year of each current member's spell (-1 for non-members).
    nonstate : (A, K) bool
        Non-state members (cyber alignments only).
    active : (A,) bool
        In force.
    agreement_id, kind, domain, obligations, conditional, asymmetric, institutionalised,
    start_year, end_year, integration, cohesion, commitment, leader, crisis, wartime, motives
        Per-agreement attributes; ``kind`` indexes :data:`AGREEMENT_KINDS`, ``domain``
        :data:`DOMAINS`; ``motives`` (A, 4) is the founding motive decomposition (F5), NaN where it is not known (agreements in force at the start, scheduled pacts).
        ``admits``: the treaty admits new members under its terms (ATOP ``proadd``;
        :func:`foedus.theory.obligations.admits_members`); ``cohesion_start``: cohesion when the
        treaty was signed, or when the run started (NaN until first measured; Leeds & Savun 2007).
    target, target_threat_start : (A,) int32, float
        The state a treaty was written against (ATOP ``statthr1``/``statthr2`` for a treaty of the
        record, else its members' common main threat when first measured:
        :func:`foedus.theory.persistence.founding_threat`) and the threat it posed to the members
        then (mean over them). ``target`` is :data:`TARGET_UNSET` until measured,
        :data:`TARGET_GONE` when the named adversary is not in the world, :data:`TARGET_NONE` when
        no outsider threatened the members; ``target_threat_start`` is NaN until measured.
    war_conditions, adversary, adversary_second : (A,) int8, int32, int32
        The written conditions of the treaty's defence and offence obligations (bit mask over
        :data:`foedus.theory.war.WAR_CONDITIONS`; 0 none) and the states its text names as its adversaries (ATOP
        ``statthr1``, ``statthr2``; -1 none), kept whatever becomes of ``target`` (the threat the treaty is measured against).
    term_end, renewal_years : (A,) float
        A treaty's stated term (ATOP ``speclgth``, ``length``, ``renewlgt``): the year its current term
        ends, when it is renewed for ``renewal_years`` more or lapses
        (:func:`foedus.theory.persistence.renewal_probability`); inf without a stated term, NaN until set.
    value_start : (A, N) float
        What each membership was worth to its member when it entered, or when the run started
        (NaN until first measured): treaty inertia compares the value now with it
        (:func:`foedus.theory.obligations.inertia_exit_probability`).
    names : list of str or None
    """

    _FIELDS: dict[str, tuple[Any, Any]] = {
        "active": (bool, False),
        "agreement_id": (np.int64, 0),
        "kind": (np.int8, 0),
        "domain": (np.int8, 0),
        "conditional": (bool, False),
        "asymmetric": (bool, False),
        "institutionalised": (np.int8, 0),
        "start_year": (np.int32, -1),
        "end_year": (np.int32, -1),
        "integration": (float, 0.0),
        "cohesion": (float, 1.0),
        "commitment": (float, 0.0),
        "leader": (np.int32, -1),
        "crisis": (np.int32, -1),
        "wartime": (bool, False),
        "betrayal": (float, 0.0),
        "admits": (bool, False),
        "cohesion_start": (float, np.nan),
        # the threat a treaty was written against (foedus.theory.persistence; Walt 1997, Leeds & Savun 2007)
        "target": (np.int32, -1),
        "target_threat_start": (float, np.nan),
        # a stated term (ATOP speclgth, length, renewlgt): the year the current term ends (inf: none; NaN: not yet set)
        # and the years a renewal adds (foedus.theory.persistence.renewal_probability)
        "term_end": (float, np.nan),
        "renewal_years": (float, np.nan),
        # the term renews unless a member gives notice (ATOP proren 2): no renewal decision at its end (Koremenos 2005)
        "automatic_renewal": (bool, False),
        # the written conditions of its war obligations (foedus.theory.war.WAR_CONDITIONS bit mask; ATOP defcoadv, defconpr,
        # offcoadv) and the adversaries its text names (ATOP statthr1, statthr2), -1 none
        "war_conditions": (np.int8, 0),
        "adversary": (np.int32, -1),
        "adversary_second": (np.int32, -1),
        # the enemy of the war a pact was made for (foedus.sim.steps.wartime; -1 none): it ends, fulfilled, when no member
        # is at war with it any more (Leeds & Savun 2007)
        "war_enemy": (np.int32, -1),
    }

    def __init__(self, n_states: int, n_nonstate: int = 0, capacity: int = 32):
        self.n = 0
        self.n_states = n_states
        self.next_id = FIRST_SIMULATED_ID
        self.members = np.zeros((capacity, n_states), dtype=bool)
        self.entry_year = np.full((capacity, n_states), -1, dtype=np.int32)
        self.last_exit = np.full((capacity, n_states), -1, dtype=np.int32)
        self.power_start = np.zeros((capacity, n_states))
        self.value_start = np.full((capacity, n_states), np.nan)
        self.nonstate = np.zeros((capacity, n_nonstate), dtype=bool)
        self.nonstate_entry = np.full((capacity, n_nonstate), -1, dtype=np.int32)
        self.obligations = np.zeros((capacity, len(OBLIGATIONS)), dtype=bool)
        self.motives = np.full((capacity, 4), np.nan)  # NaN: not known (starting agreements, shocks)
        for name, (dt, fill) in self._FIELDS.items():
            setattr(self, name, np.full(capacity, fill, dtype=dt))
        self.names: list[str | None] = []
        self.version = 0
        self._allied: tuple[int, np.ndarray] | None = None
        self._in_force: dict[tuple, tuple[int, np.ndarray]] = {}
        # closed membership spells, appended in chunks: (slot, index, entry, exit)
        self._spells: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._nonstate_spells: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

    # ------------------------------------------------------------------ capacity
    def _grow(self) -> None:
        cap = self.members.shape[0]
        new = max(2 * cap, 8)
        for name in ("members", "entry_year", "last_exit", "power_start", "value_start", "nonstate", "nonstate_entry", "obligations", "motives"):
            old = getattr(self, name)
            fill = -1 if name in ("entry_year", "last_exit", "nonstate_entry") else np.nan if name in ("motives", "value_start") else 0
            arr = np.full((new,) + old.shape[1:], fill, dtype=old.dtype)
            arr[:cap] = old
            setattr(self, name, arr)
        for name, (dt, fill) in self._FIELDS.items():
            old = getattr(self, name)
            arr = np.full(new, fill, dtype=dt)
            arr[:cap] = old
            setattr(self, name, arr)

    # ------------------------------------------------------------------ views
    def active_slots(self) -> np.ndarray:
        """Indices of the agreements in force."""
        return np.flatnonzero(self.active[: self.n])

    def in_force(self, kind: int | None = None, domain: int | None = None, not_kind: int | None = None) -> np.ndarray:
        """Indices of agreements in force, optionally of one kind and domain, or not of kind ``not_kind`` (do not modify the result).

        Cached until the agreements change (:attr:`version`): the steps of a year ask for the
        same sets several times.
        """
        key = (kind, domain, not_kind)
        hit = self._in_force.get(key)
        if hit is not None and hit[0] == self.version:
            return hit[1]
        out = _in_force_kernel(
            self.active, self.kind, self.domain, self.n, -1 if kind is None else int(kind), -1 if domain is None else int(domain), -1 if not_kind is None else int(not_kind)
        )
        out.flags.writeable = False
        self._in_force[key] = (self.version, out)
        return out

    def size(self) -> np.ndarray:
        """Number of member states of every agreement (A,)."""
        return self.members[: self.n].sum(axis=1)

    def allied(self) -> np.ndarray:
        """(N, N) bool: pairs sharing at least one security agreement in force (cached until a change)."""
        if self._allied is not None and self._allied[0] == self.version:
            return self._allied[1]
        out = np.zeros((self.n_states, self.n_states), dtype=bool)
        _allied_kernel(self.members, _in_force_kernel(self.active, self.kind, self.domain, self.n, -1, 0, -1), out)
        out.flags.writeable = False
        self._allied = (self.version, out)
        return out

    # ------------------------------------------------------------------ changes
    def add(
        self,
        members: np.ndarray,
        year: int,
        *,
        kind: int = 0,
        domain: int = 0,
        obligations: np.ndarray | None = None,
        conditional: bool = False,
        asymmetric: bool = False,
        institutionalised: int = 0,
        integration: float = 0.0,
        leader: int = -1,
        crisis: int = -1,
        wartime: bool = False,
        admits: bool = False,
        name: str | None = None,
        agreement_id: int | None = None,
        motives: np.ndarray | None = None,
        entry_years: np.ndarray | None = None,
        nonstate: np.ndarray | None = None,
        power: np.ndarray | None = None,
    ) -> int:
        """Create an agreement in force from ``year`` with the given member indices; return its slot.

        ``power`` (the members' capability shares now) is kept to measure later capability
        change inside the agreement (Morrow 1991). One agreement of :meth:`add_many`.
        """
        idx = np.asarray(members, dtype=np.intp)
        ns = np.zeros(0, np.intp) if nonstate is None else np.asarray(nonstate, dtype=np.intp)
        if agreement_id is None:
            agreement_id = self.next_id
            self.next_id += 1
        ob = np.zeros(len(OBLIGATIONS), bool) if obligations is None else np.asarray(obligations, dtype=bool)
        slots = self.add_many(
            np.zeros(len(idx), np.intp),
            idx,
            np.array([year], np.int32),
            entry_year=year if entry_years is None else np.asarray(entry_years, dtype=np.int32),
            power=0.0 if power is None else power,
            kind=kind,
            domain=domain,
            obligations=ob[None, :],
            conditional=conditional,
            asymmetric=asymmetric,
            institutionalised=institutionalised,
            integration=integration,
            leader=leader,
            agreement_id=agreement_id,
            names=[name],
            nonstate_owner=np.zeros(len(ns), np.intp),
            nonstate_member=ns,
            wartime=wartime,
            motives=motives,
            crisis=crisis,
            admits=admits,
        )
        return int(slots[0])

    def add_many(
        self,
        owner: np.ndarray,
        member: np.ndarray,
        start_year: np.ndarray,
        *,
        entry_year: np.ndarray,
        power: np.ndarray,
        kind: np.ndarray,
        domain: np.ndarray,
        obligations: np.ndarray,
        conditional: np.ndarray,
        asymmetric: np.ndarray,
        institutionalised: np.ndarray,
        integration: np.ndarray,
        leader: np.ndarray,
        agreement_id: np.ndarray,
        names: list[str | None],
        nonstate_owner: np.ndarray | None = None,
        nonstate_member: np.ndarray | None = None,
        wartime: np.ndarray | bool = False,
        motives: np.ndarray | None = None,
        crisis: np.ndarray | int = -1,
        admits: np.ndarray | bool = False,
    ) -> np.ndarray:
        """Vectorised :meth:`add` of K agreements of any sizes; return their slots (in order).

        Memberships come flattened: ``owner[m]`` (0..K-1) is the agreement of membership ``m``,
        ``member[m]`` the state's index, ``entry_year[m]`` and ``power[m]`` its entry year and
        capability share now. The per-agreement arrays are (K,) (``obligations`` (K, 5)), ``crisis``
        the crisis a coalition acts on (-1: none).
        Non-state memberships, if any, are ``nonstate_owner``/``nonstate_member`` (entry at
        the agreement's start). Same result as K calls of :meth:`add` with explicit ids.
        """
        k = len(start_year)
        if k == 0:
            return np.zeros(0, np.intp)
        while self.n + k > self.members.shape[0]:
            self._grow()
        slots = np.arange(self.n, self.n + k)
        self.n += k
        self.version += 1
        rows = slots[np.asarray(owner, dtype=np.intp)]
        cols = np.asarray(member, dtype=np.intp)
        self.members[rows, cols] = True
        self.entry_year[rows, cols] = entry_year
        self.power_start[rows, cols] = power
        if nonstate_owner is not None and len(nonstate_owner):
            nrows = slots[np.asarray(nonstate_owner, dtype=np.intp)]
            self.nonstate[nrows, nonstate_member] = True
            self.nonstate_entry[nrows, nonstate_member] = np.asarray(start_year)[nonstate_owner]
        ob = np.asarray(obligations, dtype=bool).reshape(k, len(OBLIGATIONS))
        self.obligations[slots] = ob
        self.active[slots] = True
        self.agreement_id[slots] = agreement_id
        self.kind[slots] = kind
        self.domain[slots] = domain
        self.conditional[slots] = conditional
        self.asymmetric[slots] = asymmetric
        self.institutionalised[slots] = institutionalised
        self.start_year[slots] = start_year
        self.integration[slots] = integration
        self.cohesion[slots] = 1.0
        self.commitment[slots] = commitment_strength(ob, np.asarray(conditional, dtype=bool))
        self.leader[slots] = leader
        self.crisis[slots] = crisis
        self.wartime[slots] = wartime
        self.admits[slots] = admits
        self.cohesion_start[slots] = np.nan
        self.value_start[slots] = np.nan
        self.target[slots] = TARGET_UNSET
        self.target_threat_start[slots] = np.nan
        self.term_end[slots] = np.nan
        self.renewal_years[slots] = np.nan
        self.automatic_renewal[slots] = False
        if motives is not None:
            self.motives[slots] = motives
        self.names.extend(names)
        return slots

    def add_pairs(
        self,
        pairs: np.ndarray,
        year: int,
        *,
        kind: int = 0,
        obligations: np.ndarray | None = None,
        asymmetric: np.ndarray | None = None,
        leader: np.ndarray | None = None,
        wartime: np.ndarray | None = None,
        motives: np.ndarray | None = None,
        power: np.ndarray | None = None,
    ) -> np.ndarray:
        """Vectorised :meth:`add` for K bilateral agreements of the same kind and obligations; return their slots.

        ``pairs`` (K, 2) are member indices; ``obligations`` (5,) or (K, 5); ``asymmetric``, ``leader``, ``wartime`` are (K,),
        ``motives`` (K, 4), ``power`` (K, 2) the members' capability shares now. Slots and ids
        are assigned in the order of ``pairs``, as K calls of :meth:`add` would.
        """
        pairs = np.asarray(pairs, dtype=np.intp).reshape(-1, 2)
        k = len(pairs)
        if k == 0:
            return np.zeros(0, np.intp)
        ob = np.zeros(len(OBLIGATIONS), bool) if obligations is None else np.asarray(obligations, dtype=bool)
        ids = np.arange(self.next_id, self.next_id + k)
        self.next_id += k
        return self.add_many(
            np.repeat(np.arange(k), 2),
            pairs.ravel(),
            np.full(k, year, np.int32),
            entry_year=year,
            power=0.0 if power is None else np.asarray(power, dtype=float).ravel(),
            kind=kind,
            domain=0,
            obligations=np.broadcast_to(ob, (k, len(OBLIGATIONS))),  # bilateral pacts: closed (admits False)
            conditional=False,
            asymmetric=False if asymmetric is None else asymmetric,
            institutionalised=0,
            integration=0.0,
            leader=-1 if leader is None else leader,
            agreement_id=ids,
            names=[None] * k,
            wartime=False if wartime is None else wartime,
            motives=motives,
        )

    def join(self, slot: int, idx: np.ndarray, year: int, power: np.ndarray | None = None) -> None:
        """States ``idx`` accede to agreement ``slot`` in ``year`` (``power``: capability shares of all states now)."""
        idx = np.asarray(idx, dtype=np.intp)
        idx = idx[~self.members[slot, idx]]
        self.version += 1
        self.members[slot, idx] = True
        self.entry_year[slot, idx] = year
        self.value_start[slot, idx] = np.nan
        if power is not None:
            self.power_start[slot, idx] = np.asarray(power)[idx]

    def join_many(self, slots: np.ndarray, idx: np.ndarray, year: int, power: np.ndarray | None = None) -> None:
        """Vectorised :meth:`join` for distinct pairs (slots[k], idx[k]) not yet members."""
        slots = np.asarray(slots, dtype=np.intp)
        idx = np.asarray(idx, dtype=np.intp)
        if not len(idx):
            return
        self.version += 1
        self.members[slots, idx] = True
        self.entry_year[slots, idx] = year
        self.value_start[slots, idx] = np.nan
        if power is not None:
            self.power_start[slots, idx] = np.asarray(power)[idx]

    def leave(self, slot: int, idx: np.ndarray, year: int) -> None:
        """States ``idx`` leave agreement ``slot`` in ``year`` (their spells close at ``year``); :meth:`leave_many` of one agreement."""
        idx = np.asarray(idx, dtype=np.int64)
        self.leave_many(np.full(len(idx), slot, np.int64), idx, year)

    def leave_many(self, slots: np.ndarray, idx: np.ndarray, year: int, *, last_exit: bool = False) -> None:
        """States ``idx[k]`` leave agreements ``slots[k]`` in ``year`` (non-members ignored); ``last_exit``: also note ``year`` as each one's last exit."""
        sl, ix, entry = _close_pairs_kernel(
            self.members, self.entry_year, np.ascontiguousarray(slots, dtype=np.int64), np.ascontiguousarray(idx, dtype=np.int64),
            self.last_exit, year if last_exit else -1,
        )
        if not len(ix):
            return
        self.version += 1
        self._spells.append(_spells(sl, ix, entry, year))

    def dissolve(self, slot: int, year: int) -> None:
        """Agreement ``slot`` ends in ``year``; its members' spells close then (:meth:`dissolve_many` of one)."""
        self.dissolve_many(np.array([slot], np.intp), year)

    def dissolve_many(self, slots: np.ndarray, year: int) -> None:
        """The agreements ``slots`` (distinct) end in ``year``; their members' spells, non-state ones included, close then."""
        slots = np.asarray(slots, dtype=np.intp)
        if not len(slots):
            return
        sl, i, entry = _close_rows_kernel(self.members, self.entry_year, slots.astype(np.int64, copy=False))
        if len(i):  # every member's spell closes
            self._spells.append(_spells(sl, i, entry, year))
        a, k = np.nonzero(self.nonstate[slots]) if self.nonstate.shape[1] else ((), ())
        if len(a):
            self._close_nonstate(slots[a], k, year)
        self.active[slots] = False
        self.end_year[slots] = year
        self.version += 1

    def join_nonstate(self, slot: int, idx: np.ndarray, year: int) -> None:
        """Non-state actors ``idx`` join cyber alignment ``slot``."""
        idx = np.asarray(idx, dtype=np.intp)
        idx = idx[~self.nonstate[slot, idx]]
        self.nonstate[slot, idx] = True
        self.nonstate_entry[slot, idx] = year

    def leave_nonstate(self, slot: int, idx: np.ndarray, year: int) -> None:
        """Non-state actors ``idx`` leave cyber alignment ``slot``."""
        idx = np.asarray(idx, dtype=np.intp)
        idx = idx[self.nonstate[slot, idx]]
        if len(idx):
            self._close_nonstate(np.full(len(idx), slot, np.intp), idx, year)

    def _close_nonstate(self, sl: np.ndarray, k: np.ndarray, year: int) -> None:
        """Close the non-state memberships ``(sl[q], k[q])`` (current ones) in ``year``, keeping their spells."""
        self._nonstate_spells.append(_spells(sl, k, self.nonstate_entry[sl, k], year))
        self.nonstate[sl, k] = False
        self.nonstate_entry[sl, k] = -1

    def spells(self, nonstate: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """All membership spells: (slot, index, entry_year, exit_year); exit -1 = still a member."""
        closed = self._nonstate_spells if nonstate else self._spells
        mem = self.nonstate[: self.n] if nonstate else self.members[: self.n]
        ent = self.nonstate_entry[: self.n] if nonstate else self.entry_year[: self.n]
        a, i = np.nonzero(mem)
        parts = list(closed) + [(a.astype(np.int64), i.astype(np.int64), ent[a, i].astype(np.int64), np.full(len(a), -1, np.int64))]
        return tuple(np.concatenate([p[k] for p in parts]) for k in range(4))  # type: ignore[return-value]


def _spells(slot: np.ndarray, index: np.ndarray, entry: np.ndarray, year: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Closed membership spells as :meth:`Agreements.spells` gives them: (slot, index, entry, exit ``year``), int64."""
    return (slot.astype(np.int64, copy=False), index.astype(np.int64, copy=False), entry.astype(np.int64, copy=False), np.full(len(index), year, np.int64))
