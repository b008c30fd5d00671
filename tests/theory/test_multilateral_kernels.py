"""The compiled founding of a multilateral treaty (foedus.theory.multilateral_kernels) gives the full evaluation's founders and gains, to the bit.

:func:`foedus.theory.multilateral_kernels._found_kernel` checks a free rider's departure member by member and stops at the first member
that loses (issue 16, speed). The kernel it replaced, which evaluated every member's net value with :func:`_net` for each departure and
the leader's value with the whole of it, is kept here as the reference (``_reference_kernel``, compiled, the code of main 879272e); on
random treaties (signed pledges and costs, vetoes, forward defence, hegemonic provision to some clients, a NaN) both must found the
same treaty with the same gains, bit for bit, ``_lead_value`` must be ``_net``'s leader's value and ``_net`` the reference's.
"""

from __future__ import annotations

import numpy as np
import pytest
from numba import njit

from foedus.theory.multilateral_kernels import _first, _found_kernel, _lead_value, _net


@njit
def _reference_net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients):
    """Every member's net value after the leader's transfers (:func:`found_bloc`; the leader is the first member, pays the
    coordination, values its clients' pledges by ``fwd[lead]`` too and, where ``provide``, covers the shortfall of every member that may be
    its client, ``clients[a]``: :func:`client_eligible`); non-members 0."""
    k = g.shape[0]
    s = 0
    lead = -1
    second = -1
    total_p = 0.0
    for a in range(k):
        if members[a]:
            s += 1
            total_p += pw[a]
            if lead < 0:
                lead = a
            elif second < 0:
                second = a
    out = np.zeros(k)
    if s < 2:
        return out
    r = 1.0 / (1.0 + phi * (s - 2.0))
    for a in range(k):
        if members[a]:
            tot = 0.0
            shared = 0.0
            for b in range(k):
                if members[b] and b != a:
                    tot += g[a, b]
                    shared += risk[a, b] * pw[a] / total_p  # j's defence is the whole treaty's, j's own capability included
            out[a] = r * tot - c[a, s] - shared - aut[a, second if a == lead else lead]
            if a != lead:
                out[lead] += r * fwd[lead, a]
    out[lead] -= coord * (s - 2.0)
    if provide:  # hegemonic provision (Lake 1999): the leader covers each client's shortfall
        for a in range(k):
            if members[a] and a != lead and clients[a] and out[a] < 0.0:
                out[lead] += out[a]
                out[a] = 0.0
    return out


@njit
def _reference_kernel(g, c, aut, risk, pw, veto, phi, coord, fwd, provide, clients, least, members, gain):
    """The founding of :func:`found_bloc` (in place): exclusion, then each founder gains, then the free riders' departure.

    Where the leader provides (``provide``), a client it compensates (``clients[a]``: :func:`client_eligible`) gains nothing and signs
    (it loses nothing); any other member signs only if it gains on its own (Snyder 1997: a great power is no client); when the
    leader loses, the client whose departure raises the leader's net value most leaves first, and the leader only if none does."""
    k = g.shape[0]
    for a in range(k):
        members[a] = True
        for b in range(a):
            if members[b] and (veto[a, b] or veto[b, a]):
                members[a] = False
                break
    s = members.sum()
    while s >= least:  # 2. each founder gains
        net = _reference_net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)
        lead = _first(members)
        worst, low = -1, 0.0
        for a in range(k):
            if members[a] and net[a] <= low and not (provide and a != lead and clients[a]):
                worst, low = a, net[a]
        if worst < 0:
            break
        if provide:  # the leader loses: drop the client that costs it most, if dropping one helps
            best_m, best_v = -1, net[lead]
            for m in range(k):
                if members[m] and m != lead:
                    members[m] = False
                    v = _reference_net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)[lead]
                    members[m] = True
                    if v > best_v:
                        best_m, best_v = m, v
            if best_m >= 0:
                worst = best_m
        members[worst] = False
        s -= 1
    if s < least:
        members[:] = False
        return
    net = _reference_net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)
    while s > least:  # 3. free riders leave while every other member gains by it
        best, rise = -1, 0.0
        for m in range(k):
            if not members[m]:
                continue
            members[m] = False
            without = _reference_net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)
            members[m] = True
            ok = True
            total = 0.0
            for a in range(k):
                if members[a] and a != m:
                    if without[a] < net[a] or (without[a] == net[a] and not (provide and clients[a] and net[a] == 0.0)):
                        ok = False
                        break
                    total += without[a] - net[a]
            if ok and total > rise:
                best, rise = m, total
        if best < 0:
            break
        members[best] = False
        s -= 1
        net = _reference_net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)
    for a in range(k):
        gain[a] = net[a] if members[a] else 0.0


def _bits(a):
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


def _treaty(rng, k, nan=False):
    g = rng.normal(0.1, 0.2, (k, k)) * (rng.random((k, k)) < 0.8)
    np.fill_diagonal(g, 0.0)
    c = np.sort(rng.gamma(2.0, 0.02, (k, k + 1)), axis=1)
    aut = rng.normal(0.0, 0.02, (k, k))
    risk = rng.gamma(1.0, 0.05, (k, k)) * (rng.random((k, k)) < 0.5)
    pw = rng.gamma(1.0, 0.05, k) + 1e-6
    veto = rng.random((k, k)) < rng.choice([0.0, 0.02, 0.1])
    fwd = np.zeros((k, k))
    fwd[0] = rng.gamma(1.0, 0.05, k) * (rng.random(k) < 0.7)
    fwd[0, 0] = 0.0
    if nan:
        g[rng.integers(k), rng.integers(k)] = np.nan
    return g, c, aut, risk, pw, veto, fwd


@pytest.mark.parametrize("seed", range(12))
def test_founding_equals_the_full_evaluation(seed):
    rng = np.random.default_rng(seed)
    hits = 0
    for trial in range(150):
        k = int(rng.integers(3, 30))
        g, c, aut, risk, pw, veto, fwd = _treaty(rng, k, nan=trial % 25 == 0)
        phi = float(rng.choice([0.0, 0.3, 0.7, 1.0]))
        coord = float(rng.choice([0.0, 0.01, 0.05]))
        provide = bool(rng.random() < 0.6)
        clients = rng.random(k) < 0.7
        clients[0] = False
        least = int(rng.choice([3, 4]))
        want_m, want_g = np.zeros(k, np.bool_), np.zeros(k)
        _reference_kernel(g, c, aut, risk, pw, veto, phi, coord, fwd, provide, clients, least, want_m, want_g)
        got_m, got_g = np.zeros(k, np.bool_), np.zeros(k)
        _found_kernel(g, c, aut, risk, pw, veto, phi, coord, fwd, provide, clients, least, got_m, got_g)
        assert np.array_equal(got_m, want_m)
        assert np.array_equal(_bits(got_g), _bits(want_g))
        hits += int(least < want_m.sum() < k)
    assert hits > 0  # some treaties lost members to the departure of free riders or to the gains rule, and kept enough


def test_lead_value_is_the_leaders_net_value():
    rng = np.random.default_rng(7)
    for _ in range(300):
        k = int(rng.integers(2, 20))
        g, c, aut, risk, pw, veto, fwd = _treaty(rng, k)
        members = rng.random(k) < 0.7
        clients = rng.random(k) < 0.6
        provide = bool(rng.random() < 0.5)
        net = _net(g, c, aut, risk, pw, members, 0.5, 0.02, fwd, provide, clients)
        assert np.array_equal(_bits(net), _bits(_reference_net(g, c, aut, risk, pw, members, 0.5, 0.02, fwd, provide, clients)))
        lead = _first(members)
        want = net[lead] if lead >= 0 else 0.0
        assert _bits(_lead_value(g, c, aut, risk, pw, members, 0.5, 0.02, fwd, provide, clients)) == _bits(want)
