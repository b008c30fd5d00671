"""The simulated world as arrays: states, their relations, and the agreements among them.

Everything that changes from year to year lives in NumPy arrays indexed by state (``(N,)``), by
ordered pair (``(N, N)``, ``[i, j]`` = i's relation to j) or by agreement (``(A, ...)``), so each
step of a simulated year is a handful of vectorised operations (see :mod:`foedus.sim.steps`).

Agreements (brief A2, A3) are held in :class:`Agreements`: a membership matrix ``members``
``(A, N)`` of booleans with one row per agreement ever formed, and per-agreement attributes in
arrays. A state may belong to several agreements at once; members may leave and join; agreements
may dissolve. Every membership spell that ends is kept (compactly) for the history tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numba import njit

from foedus.schema import OBLIGATIONS, POWER_TIERS, power_tier_code
from foedus.theory.capability import capability_shares, commitment_strength, common_threat_pressure

AGREEMENT_KINDS = ("alliance", "coalition", "organisation")
DOMAINS = ("security", "cyber")
FIRST_SIMULATED_ID = 100001
"""Agreements formed during a run get ids from here on (ATOP atopids stay below 10,000)."""

FIRST_SCENARIO_ID = 90001
"""A scenario's starting agreements that give no id get ids from here on."""

def capability_arrays(economy, military, economy0, military0, cinc0, *, check: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``power`` and ``cinc`` of the states (see :meth:`World.update_power`).

    ``power`` is :func:`foedus.theory.capability.capability_shares`; ``cinc`` rescales it to the
    share of the world's capabilities that the modelled states held at the start
    (``power * sum(cinc0)``, clipped to [0, 1]).
    """
    power = capability_shares(economy, military, economy0, military0, cinc0, check=check)
    return power, np.clip(power * np.sum(cinc0), 0.0, 1.0)


def pair_max(members: np.ndarray, value: np.ndarray, n: int) -> np.ndarray:
    """``c[i, j]`` = the largest ``value[a]`` over agreements ``a`` that both i and j belong to (0 if none).

    One compiled pass over the agreements and their member pairs (``sum_a size_a ** 2``); the
    diagonal is 0.
    """
    m = np.ascontiguousarray(members, dtype=bool)
    value = np.ascontiguousarray(value, dtype=float)
    c = np.zeros((n, n))
    _pair_max_kernel(m, value, c)
    return c


@njit(cache=True)
def _members_of(m, a, idx):  # pragma: no cover (compiled)
    """Write the members (state indices, in order) of agreement row ``a`` of ``m`` into ``idx``; return how many."""
    k = 0
    for j in range(m.shape[1]):
        if m[a, j]:
            idx[k] = j
            k += 1
    return k


@njit(cache=True)
def _pair_max_kernel(m, value, c):  # pragma: no cover (compiled)
    n_a, n = m.shape
    members = np.empty(n, np.int64)
    for a in range(n_a):
        k = _members_of(m, a, members)
        v = value[a]
        for p in range(k):
            i = members[p]
            for q in range(k):
                j = members[q]
                if i != j and v > c[i, j]:
                    c[i, j] = v


@njit(cache=True)
def _allied_kernel(m, slots, out):  # pragma: no cover (compiled)
    """``out[i, j]`` True when i and j (i != j) share an agreement of ``slots``."""
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        for p in range(k):
            for q in range(k):
                if p != q:
                    out[idx[p], idx[q]] = True


def security_profile(
    members: np.ndarray,
    slots: np.ndarray,
    power: np.ndarray,
    power_start: np.ndarray,
    threat: np.ndarray,
    global_threat: np.ndarray,
    economy: np.ndarray,
    regime: np.ndarray,
) -> dict[str, np.ndarray]:
    """What the members of each agreement ``slots[a]`` have in common, in one compiled pass.

    ``members`` (capacity, N) bool and ``power_start`` (capacity, N) are the whole
    :class:`Agreements` arrays (rows ``slots`` are read, nothing is copied); the rest are the
    world's per-state arrays and its threat matrix (``threat[i, j]``: threat j poses to i).
    Returns (A,) arrays:

    - ``size``: member states;
    - ``mean_power``: mean capability share of the members;
    - ``threat_common``: the largest mean threat one outsider poses to the members
      (``max_k sum_{i in a} threat[i, k] / size``, ``k`` not a member);
    - ``global_threat``: the members' mean exposure to global threats;
    - ``hhi``: Herfindahl index of the members' economies (shares of their total);
    - ``regime_mean``, ``regime_var``: mean and (population) variance of their regimes;
    - ``all_democracies``: 1 if every member has regime >= 0.5, else 0;
    - ``capability_change``: total variation distance between the members' capability shares
      now and when they joined (``power_start``);
    - ``rho``: the pressure of the common threat,
      :func:`foedus.theory.capability.common_threat_pressure` of ``threat_common``,
      ``global_threat`` and ``mean_power``;
    - ``evenness``: :func:`foedus.theory.capability.economic_evenness` of the members' economies;
    - ``similarity``: :func:`foedus.theory.capability.regime_similarity` of their regimes.

    ``evenness``, ``similarity`` and ``capability_change``
    (:func:`foedus.theory.capability.capability_change`) are computed inside the compiled pass;
    ``tests/sim/test_world.py`` proves them equal to the theory functions on random inputs.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    k = len(slots)
    out = np.zeros((12, k))
    _security_profile_kernel(members, slots, power, power_start, threat, global_threat, economy, regime, out)
    names = (
        "size", "mean_power", "threat_common", "global_threat", "hhi", "regime_mean", "regime_var", "all_democracies",
        "capability_change", "rho", "evenness", "similarity",
    )
    profile = dict(zip(names, out))
    profile["rho"] = common_threat_pressure(profile["threat_common"], profile["global_threat"], profile["mean_power"], check=False)
    return profile


@njit(cache=True)
def _security_profile_kernel(m, slots, power, power_start, threat, glob, economy, regime, out):  # pragma: no cover (compiled)
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    acc = np.empty(n)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        if k == 0:
            continue
        p_sum = 0.0
        ps_sum = 0.0
        e_sum = 0.0
        g_sum = 0.0
        r_sum = 0.0
        r_sq = 0.0
        dem = 1.0
        for q in range(k):
            i = idx[q]
            p_sum += power[i]
            ps_sum += power_start[a, i]
            e_sum += economy[i]
            g_sum += glob[i]
            r_sum += regime[i]
            r_sq += regime[i] * regime[i]
            if regime[i] < 0.5:
                dem = 0.0
        # mean threat of each outsider to the members
        for j in range(n):
            acc[j] = 0.0
        for q in range(k):
            i = idx[q]
            for j in range(n):
                acc[j] += threat[i, j]
        for q in range(k):
            acc[idx[q]] = 0.0
        best = 0.0
        for j in range(n):
            if acc[j] > best:
                best = acc[j]
        hhi = 0.0
        change = 0.0
        e_den = max(e_sum, 1e-12)
        p_den = max(p_sum, 1e-12)
        ps_den = max(ps_sum, 1e-12)
        for q in range(k):
            i = idx[q]
            sh = economy[i] / e_den
            hhi += sh * sh
            change += abs(power[i] / p_den - power_start[a, i] / ps_den)
        mean_r = r_sum / k
        var_r = max(r_sq / k - mean_r * mean_r, 0.0)
        out[10, r] = (1.0 - hhi) * k / (k - 1) if k > 1 else 0.0
        out[11, r] = min(max(1.0 - 2.0 * np.sqrt(var_r), 0.0), 1.0)
        out[0, r] = k
        out[1, r] = p_sum / k
        out[2, r] = best / k
        out[3, r] = g_sum / k
        out[4, r] = hhi
        out[5, r] = mean_r
        out[6, r] = var_r
        out[7, r] = dem
        out[8, r] = 0.5 * change


def alliance_ties(
    members: np.ndarray,
    slots: np.ndarray,
    commitment: np.ndarray,
    integration: np.ndarray,
    cohesion: np.ndarray,
    partner_value: np.ndarray,
    group: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What each state draws from its security agreements ``slots`` and its allies, in one compiled pass.

    ``members`` (capacity, N), ``commitment`` and ``integration`` (capacity,) are the whole
    :class:`Agreements` arrays (rows ``slots`` are read, nothing is copied); ``cohesion`` (A,)
    is this year's cohesion of each agreement of ``slots``; ``partner_value`` (N,) a value per
    state and ``group`` (N,) int a label per state (e.g. its main threat). The tie of an
    agreement is ``commitment * cohesion``; two states are *allies* when they share an agreement
    with a positive tie. Returns

    - ``tie`` (N, N): the strongest tie of an agreement both belong to (0 if none; diagonal 0),
      the ally credibility of :func:`foedus.sim.steps.politics.cohesion_state`;
    - ``best`` (N, 3): the largest commitment, integration and cohesion among the agreements
      the state belongs to (0 if none);
    - ``ally_max`` (N,): the largest ``partner_value`` among its allies (0 if none);
    - ``ally_same`` (N,): 1 if an ally has the same ``group``, else 0.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    n = members.shape[1]
    tie = np.zeros((n, n))
    best = np.zeros((n, 3))
    ally_max = np.zeros(n)
    ally_same = np.zeros(n)
    _ties_kernel(
        members, slots, commitment, integration, np.ascontiguousarray(cohesion, dtype=float), np.ascontiguousarray(partner_value, dtype=float),
        np.ascontiguousarray(group, dtype=np.int64), tie, best, ally_max, ally_same,
    )
    return tie, best, ally_max, ally_same


@njit(cache=True)
def _ties_kernel(m, slots, commitment, integration, cohesion, pv, group, tie, best, ally_max, ally_same):  # pragma: no cover (compiled)
    n = m.shape[1]
    idx = np.empty(n, np.int64)
    for r in range(slots.shape[0]):
        a = slots[r]
        k = _members_of(m, a, idx)
        c, g, h = commitment[a], integration[a], cohesion[r]
        v = c * h
        for p in range(k):
            i = idx[p]
            if c > best[i, 0]:
                best[i, 0] = c
            if g > best[i, 1]:
                best[i, 1] = g
            if h > best[i, 2]:
                best[i, 2] = h
            if v <= 0.0:
                continue
            for q in range(k):
                j = idx[q]
                if i == j:
                    continue
                if v > tie[i, j]:
                    tie[i, j] = v
                if pv[j] > ally_max[i]:
                    ally_max[i] = pv[j]
                if group[j] == group[i]:
                    ally_same[i] = 1.0


def member_counts(members: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How many of the agreements ``slots`` each state belongs to (N,), and how many members each has (A,).

    ``members`` is the whole (capacity, N) membership array (rows ``slots`` are read); one
    compiled pass instead of two boolean sums over a copy.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    per_state = np.zeros(members.shape[1], np.int64)
    size = np.zeros(len(slots), np.int64)
    _counts_kernel(members, slots, per_state, size)
    return per_state, size


@njit(cache=True)
def _counts_kernel(m, slots, per_state, size):  # pragma: no cover (compiled)
    n = m.shape[1]
    for r in range(slots.shape[0]):
        a = slots[r]
        k = 0
        for j in range(n):
            if m[a, j]:
                per_state[j] += 1
                k += 1
        size[r] = k


def leaders(members: np.ndarray, slots: np.ndarray, power: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Strongest and second-strongest member of each agreement ``slots[a]`` (state indices).

    ``members`` is the whole (capacity, N) membership array; ties go to the lower index (as
    ``argmax``). An agreement with one member has as runner-up the lowest index that is not
    its leader, one without members leader 0 and runner-up 1 (what ``argmax`` over a row with
    no member gives), so callers should only read them for agreements of two or more.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    top1 = np.zeros(len(slots), np.intp)
    top2 = np.zeros(len(slots), np.intp)
    _leaders_kernel(members, slots, np.ascontiguousarray(power, dtype=float), top1, top2)
    return top1, top2


@njit(cache=True)
def _leaders_kernel(m, slots, power, top1, top2):  # pragma: no cover (compiled)
    n = m.shape[1]
    for r in range(slots.shape[0]):
        a = slots[r]
        b1 = -1
        for j in range(n):
            if m[a, j] and (b1 < 0 or power[j] > power[b1]):
                b1 = j
        b2 = -1
        for j in range(n):
            if j != b1 and m[a, j] and (b2 < 0 or power[j] > power[b2]):
                b2 = j
        if b1 < 0:
            b1 = 0
        if b2 < 0:
            b2 = 1 if b1 == 0 else 0
        top1[r] = b1
        top2[r] = b2


def member_values(members: np.ndarray, slots: np.ndarray, entry_year: np.ndarray, year: int, value: np.ndarray):
    """Memberships of the agreements ``slots`` entered before ``year``, with what each is worth to its member.

    Returns ``(i, a, stay)``: the member's state index, the agreement's position in ``slots``
    and ``stay = sum_{j in a} value[i, j]`` (e.g. the total alignment utility of the fellow
    members), ordered by state, then agreement (the order of ``np.nonzero`` on an (N, A)
    matrix). Memberships entered in ``year`` or later (``entry_year >= year``) are left out.
    """
    slots = np.ascontiguousarray(slots, dtype=np.intp)
    n = members.shape[1]
    cap = len(slots) * n  # at most every state in every agreement
    i_out = np.empty(cap, np.intp)
    a_out = np.empty(cap, np.intp)
    stay = np.empty(cap)
    k = _member_values_kernel(members, slots, entry_year, int(year), np.ascontiguousarray(value, dtype=float), i_out, a_out, stay)
    return i_out[:k], a_out[:k], stay[:k]


@njit(cache=True)
def _member_values_kernel(m, slots, entry, year, value, i_out, a_out, stay):  # pragma: no cover (compiled)
    n = m.shape[1]
    n_a = slots.shape[0]
    # members of each agreement, once (rows read in order), and how many older memberships each state has
    count = np.zeros(n_a, np.int64)
    lists = np.empty((n_a, n), np.int64)
    per_state = np.zeros(n + 1, np.int64)
    for r in range(n_a):
        a = slots[r]
        for j in range(n):
            if m[a, j]:
                lists[r, count[r]] = j
                count[r] += 1
                if entry[a, j] < year:
                    per_state[j + 1] += 1
    # the output ordered by state, then agreement: a counting sort over the states
    for j in range(n):
        per_state[j + 1] += per_state[j]
    pos = per_state[:n].copy()
    for r in range(n_a):
        a = slots[r]
        for q in range(count[r]):
            i = lists[r, q]
            if entry[a, i] >= year:
                continue
            acc = 0.0
            for q2 in range(count[r]):
                acc += value[i, lists[r, q2]]
            k = pos[i]
            i_out[k] = i
            a_out[k] = r
            stay[k] = acc
            pos[i] += 1
    return per_state[n]


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
    }

    def __init__(self, n_states: int, n_nonstate: int = 0, capacity: int = 32):
        self.n = 0
        self.n_states = n_states
        self.next_id = FIRST_SIMULATED_ID
        self.members = np.zeros((capacity, n_states), dtype=bool)
        self.entry_year = np.full((capacity, n_states), -1, dtype=np.int32)
        self.last_exit = np.full((capacity, n_states), -1, dtype=np.int32)
        self.power_start = np.zeros((capacity, n_states))
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
        for name in ("members", "entry_year", "last_exit", "power_start", "nonstate", "nonstate_entry", "obligations", "motives"):
            old = getattr(self, name)
            fill = -1 if name in ("entry_year", "last_exit", "nonstate_entry") else np.nan if name == "motives" else 0
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

    def in_force(self, kind: int | None = None, domain: int | None = None) -> np.ndarray:
        """Indices of agreements in force, optionally of one kind and domain (do not modify the result).

        Cached until the agreements change (:attr:`version`): the steps of a year ask for the
        same sets several times.
        """
        key = (kind, domain)
        hit = self._in_force.get(key)
        if hit is not None and hit[0] == self.version:
            return hit[1]
        m = self.active[: self.n].copy()
        if kind is not None:
            m &= self.kind[: self.n] == kind
        if domain is not None:
            m &= self.domain[: self.n] == domain
        out = np.flatnonzero(m)
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
        slots = self.in_force(domain=0)
        out = np.zeros((self.n_states, self.n_states), dtype=bool)
        _allied_kernel(self.members, np.ascontiguousarray(slots, dtype=np.intp), out)
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
        name: str | None = None,
        agreement_id: int | None = None,
        motives: np.ndarray | None = None,
        entry_years: np.ndarray | None = None,
        nonstate: np.ndarray | None = None,
        power: np.ndarray | None = None,
    ) -> int:
        """Create an agreement in force from ``year`` with the given member indices; return its slot.

        ``power`` (the members' capability shares now) is kept to measure later capability
        change inside the agreement (Morrow 1991).
        """
        if self.n == self.members.shape[0]:
            self._grow()
        a = self.n
        self.n += 1
        self.version += 1
        idx = np.asarray(members, dtype=np.intp)
        self.members[a, idx] = True
        self.entry_year[a, idx] = year if entry_years is None else np.asarray(entry_years, dtype=np.int32)
        if power is not None:
            self.power_start[a, idx] = power
        if nonstate is not None and len(nonstate):
            self.nonstate[a, np.asarray(nonstate, dtype=np.intp)] = True
            self.nonstate_entry[a, np.asarray(nonstate, dtype=np.intp)] = year
        ob = np.zeros(len(OBLIGATIONS), bool) if obligations is None else np.asarray(obligations, dtype=bool)
        self.obligations[a] = ob
        self.active[a] = True
        if agreement_id is None:
            agreement_id = self.next_id
            self.next_id += 1
        self.agreement_id[a] = agreement_id
        self.kind[a] = kind
        self.domain[a] = domain
        self.conditional[a] = conditional
        self.asymmetric[a] = asymmetric
        self.institutionalised[a] = institutionalised
        self.start_year[a] = year
        self.integration[a] = integration
        self.cohesion[a] = 1.0
        self.commitment[a] = float(commitment_strength(ob, conditional))
        self.leader[a] = leader
        self.crisis[a] = crisis
        self.wartime[a] = wartime
        if motives is not None:
            self.motives[a] = motives
        self.names.append(name)
        return a

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
    ) -> np.ndarray:
        """Vectorised :meth:`add` of K agreements of any sizes; return their slots (in order).

        Memberships come flattened: ``owner[m]`` (0..K-1) is the agreement of membership ``m``,
        ``member[m]`` the state's index, ``entry_year[m]`` and ``power[m]`` its entry year and
        capability share now. The per-agreement arrays are (K,) (``obligations`` (K, 5)).
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
        self.crisis[slots] = -1
        self.wartime[slots] = wartime
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

        ``pairs`` (K, 2) are member indices; ``asymmetric``, ``leader``, ``wartime`` are (K,),
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
            obligations=np.broadcast_to(ob, (k, len(OBLIGATIONS))),
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
        if power is not None:
            self.power_start[slots, idx] = np.asarray(power)[idx]

    def leave(self, slot: int, idx: np.ndarray, year: int) -> None:
        """States ``idx`` leave agreement ``slot`` in ``year`` (their spells close at ``year``)."""
        idx = np.asarray(idx, dtype=np.intp)
        idx = idx[self.members[slot, idx]]
        if not len(idx):
            return
        self.version += 1
        self._spells.append(
            (np.full(len(idx), slot, np.int64), idx.astype(np.int64), self.entry_year[slot, idx].astype(np.int64), np.full(len(idx), year, np.int64))
        )
        self.members[slot, idx] = False
        self.entry_year[slot, idx] = -1

    def leave_many(self, slots: np.ndarray, idx: np.ndarray, year: int) -> None:
        """Vectorised :meth:`leave` for pairs (slots[k], idx[k])."""
        slots = np.asarray(slots, dtype=np.intp)
        idx = np.asarray(idx, dtype=np.intp)
        keep = self.members[slots, idx]
        slots, idx = slots[keep], idx[keep]
        if not len(idx):
            return
        self.version += 1
        self._spells.append(
            (slots.astype(np.int64, copy=False), idx.astype(np.int64, copy=False), self.entry_year[slots, idx].astype(np.int64), np.full(len(idx), year, np.int64))
        )
        self.members[slots, idx] = False
        self.entry_year[slots, idx] = -1

    def dissolve(self, slot: int, year: int) -> None:
        """Agreement ``slot`` ends in ``year``; its members' spells close then."""
        self.leave(slot, np.flatnonzero(self.members[slot]), year)
        ns = np.flatnonzero(self.nonstate[slot])
        if len(ns):
            self._nonstate_spells.append(
                (np.full(len(ns), slot, np.int64), ns.astype(np.int64), self.nonstate_entry[slot, ns].astype(np.int64), np.full(len(ns), year, np.int64))
            )
            self.nonstate[slot, ns] = False
            self.nonstate_entry[slot, ns] = -1
        self.active[slot] = False
        self.end_year[slot] = year
        self.version += 1

    def dissolve_many(self, slots: np.ndarray, year: int) -> None:
        """Vectorised :meth:`dissolve` of the agreements ``slots`` (distinct) in ``year``."""
        slots = np.asarray(slots, dtype=np.intp)
        if not len(slots):
            return
        a, i = np.nonzero(self.members[slots])
        if len(i):  # every member's spell closes (leave_many without its checks)
            sl = slots[a]
            self._spells.append((sl.astype(np.int64, copy=False), i.astype(np.int64, copy=False), self.entry_year[sl, i].astype(np.int64), np.full(len(i), year, np.int64)))
            self.members[sl, i] = False
            self.entry_year[sl, i] = -1
        a, k = np.nonzero(self.nonstate[slots]) if self.nonstate.shape[1] else ((), ())
        if len(a):
            sl = slots[a]
            self._nonstate_spells.append((sl.astype(np.int64), k.astype(np.int64), self.nonstate_entry[sl, k].astype(np.int64), np.full(len(k), year, np.int64)))
            self.nonstate[sl, k] = False
            self.nonstate_entry[sl, k] = -1
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
        if not len(idx):
            return
        self._nonstate_spells.append(
            (np.full(len(idx), slot, np.int64), idx.astype(np.int64), self.nonstate_entry[slot, idx].astype(np.int64), np.full(len(idx), year, np.int64))
        )
        self.nonstate[slot, idx] = False
        self.nonstate_entry[slot, idx] = -1

    def spells(self, nonstate: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """All membership spells: (slot, index, entry_year, exit_year); exit -1 = still a member."""
        closed = self._nonstate_spells if nonstate else self._spells
        mem = self.nonstate[: self.n] if nonstate else self.members[: self.n]
        ent = self.nonstate_entry[: self.n] if nonstate else self.entry_year[: self.n]
        a, i = np.nonzero(mem)
        parts = list(closed) + [(a.astype(np.int64), i.astype(np.int64), ent[a, i].astype(np.int64), np.full(len(a), -1, np.int64))]
        return tuple(np.concatenate([p[k] for p in parts]) for k in range(4))  # type: ignore[return-value]


@dataclass
class Crises:
    """Crises under way (brief D4): aggression, terrorism, proliferation, organised crime.

    Arrays of length C (crises so far). ``exposure`` (C, N) is how hard each crisis hits each
    state; ``intensity`` is what a coalition must overcome; ``remaining`` counts years left
    before the crisis fades on its own; ``coalition`` is the slot of the coalition acting on it.
    """

    kind: list[str] = field(default_factory=list)
    start_year: list[int] = field(default_factory=list)
    aggressor: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    exposure: list[np.ndarray] = field(default_factory=list)
    intensity: list[float] = field(default_factory=list)
    initial: list[float] = field(default_factory=list)
    remaining: list[int] = field(default_factory=list)
    coalition: list[int] = field(default_factory=list)
    active: list[bool] = field(default_factory=list)

    def add(self, kind: str, year: int, exposure: np.ndarray, intensity: float, duration: int, aggressor: int = -1, target: int = -1) -> int:
        """Open a crisis; return its index."""
        self.kind.append(kind)
        self.start_year.append(year)
        self.aggressor.append(aggressor)
        self.target.append(target)
        self.exposure.append(np.asarray(exposure, dtype=float))
        self.intensity.append(float(intensity))
        self.initial.append(float(intensity))
        self.remaining.append(int(duration))
        self.coalition.append(-1)
        self.active.append(True)
        return len(self.kind) - 1

    def open(self) -> list[int]:
        """Indices of crises under way."""
        return [c for c, a in enumerate(self.active) if a]


@dataclass
class World:
    """The state of the simulated international system in one year (arrays; brief A1, A2).

    Per state (N,): ``ccode``, ``economy`` (GDP, million US$), ``growth`` (trend, per year),
    ``milex`` (million US$ per year), ``military`` (military stock: spending accumulated with
    depreciation), ``milper`` (thousands), ``population`` (millions), ``regime`` (0-1),
    ``ideal_point``, ``major``, ``power`` (capability share, sums to 1), ``cinc`` (share of the
    world's capabilities), ``offensive`` (0-1), ``cyber_capacity``, ``cyber_vulnerability``,
    ``exposure`` (N, K global threats).

    Per ordered pair (N, N): ``distance_km``, ``contiguous``, ``proximity``, ``hostility`` and
    its baseline, ``rivalry``, ``trade_dependence`` ([i, j] = i's dependence on j),
    ``territorial_dispute``, ``trust`` (cyber), ``threat`` ([i, j] = threat j poses to i, F2),
    ``intrusions``/``attributed`` (this year's cyber operations, [i, j] = i into j).
    """

    year: int
    ccode: np.ndarray
    abb: list[str]
    names: list[str]
    since: np.ndarray
    economy: np.ndarray
    growth: np.ndarray
    milex: np.ndarray
    military: np.ndarray
    milper: np.ndarray
    population: np.ndarray
    regime: np.ndarray
    ideal_point: np.ndarray
    major: np.ndarray
    cinc0: np.ndarray
    economy0: np.ndarray
    military0: np.ndarray
    base_spending: np.ndarray
    cyber_capacity: np.ndarray
    cyber_vulnerability: np.ndarray
    exposure: np.ndarray
    distance_km: np.ndarray
    contiguous: np.ndarray
    proximity: np.ndarray
    hostility: np.ndarray
    hostility_base: np.ndarray
    rivalry: np.ndarray
    trade_dependence: np.ndarray
    territorial_dispute: np.ndarray
    trust: np.ndarray
    agreements: Agreements
    nonstate_ids: list[str] = field(default_factory=list)
    nonstate_names: list[str] = field(default_factory=list)
    nonstate_kind: list[str] = field(default_factory=list)
    nonstate_home: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    nonstate_capacity: np.ndarray = field(default_factory=lambda: np.zeros(0))
    nonstate_vulnerability: np.ndarray = field(default_factory=lambda: np.zeros(0))
    global_intensity: np.ndarray = field(default_factory=lambda: np.zeros(3))
    crises: Crises = field(default_factory=Crises)
    power: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cinc: np.ndarray = field(default_factory=lambda: np.zeros(0))
    offensive: np.ndarray = field(default_factory=lambda: np.zeros(0))
    threat: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    global_threat: np.ndarray = field(default_factory=lambda: np.zeros(0))
    utilities: np.ndarray = field(default_factory=lambda: np.zeros((4, 0, 0)))
    intrusions: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), bool))
    attributed: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), bool))
    at_war: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), bool))
    abandonment: np.ndarray = field(default_factory=lambda: np.zeros(0))
    entrapment: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ally_credibility: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    shared_global: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    ideal_distance: np.ndarray | None = None
    milex0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    milper0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    milex_floor: np.ndarray = field(default_factory=lambda: np.zeros(0))
    base_global: np.ndarray = field(default_factory=lambda: np.zeros(3))
    nonstate_home_index: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cyber_scale: float = 0.0
    crisis_threats: list = field(default_factory=lambda: [0, 1, 2])  # indices into GLOBAL_THREATS that may arise at random
    explain: bool = True
    """Whether the steps write the explanation of each alignment event (motives and factors, F5)
    in its detail; off for runs whose events are only counted (ensembles), which saves the
    building of thousands of details. The events themselves, and the run, are the same."""
    check: bool = False
    """Whether the steps ask :mod:`foedus.theory` to validate its inputs every year (``check=``):
    off by default, since the world's arrays are valid by construction; on to debug a new step."""
    tier_pin: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    cache: dict = field(default_factory=dict)
    params: Any = None
    trends: Any = None
    shocks: dict = field(default_factory=dict)
    log: Any = None

    @property
    def n(self) -> int:
        """Number of states."""
        return len(self.ccode)

    @property
    def tier(self) -> np.ndarray:
        """Power tier of each state (brief A1), as names (see :meth:`tier_code`)."""
        return np.asarray(POWER_TIERS, dtype=object)[self.tier_code()]

    def tier_code(self) -> np.ndarray:
        """Power tier as an index into :data:`foedus.schema.POWER_TIERS` (0 = superpower).

        :func:`foedus.schema.power_tier` of the current CINC share and major-power status; a
        tier stated in the scenario (``tier_pin``) is a floor while the state stays a major power
        (CINC understates some powers' reach: the United States in 2022 has a CINC share of
        0.12 but 39 % of the world's military spending).
        """
        hit = self.cache.get("tier_code")
        if hit is not None and hit[0] is self.cinc and np.array_equal(hit[1], self.major):
            return hit[2]  # the same capability shares (update_power makes a new array) and majors
        code = power_tier_code(self.cinc, self.major)
        pinned = (self.tier_pin >= 0) & (self.major | (self.tier_pin >= 2))
        out = np.where(pinned, np.minimum(code, self.tier_pin), code).astype(np.int8)
        out.flags.writeable = False
        self.cache["tier_code"] = (self.cinc, self.major.copy(), out)
        return out

    def index_of(self, ccode: int) -> int:
        """Array index of COW state ``ccode``."""
        hit = np.flatnonzero(self.ccode == ccode)
        if not len(hit):
            raise KeyError(f"state {ccode} is not in this world")
        return int(hit[0])

    def update_power(self) -> None:
        """Capability shares from economy and military stock, anchored on the starting CINC.

        ``power`` is :func:`foedus.theory.capability.capability_shares` (a two-component
        analogue of CINC, Singer et al. 1972): at the start the record's CINC shares, then moving
        with growth and arming. ``cinc`` rescales ``power`` to the share of the world's capabilities that the modelled
        states held at the start.
        """
        self.power, self.cinc = capability_arrays(self.economy, self.military, self.economy0, self.military0, self.cinc0, check=self.check)

