"""The compiled founding of :func:`foedus.theory.multilateral.found_bloc` (issue 16, speed): each member's net value and who signs.

:func:`_net` is every member's net value in a treaty (the statement of the rule, as :func:`~foedus.theory.multilateral.found_bloc`
gives it); :func:`_found_kernel` founds the treaty with it: exclusion, then each founder gains, then the free riders' departure.
The departure of a free rider asks, for every member ``m`` in turn, every other member's net value without ``m`` (the check that no
one loses by it): evaluated in full that is ``K`` values of ``K`` terms for each of ``K`` members, ``K ** 3`` a round and ``K ** 4``
a founding. The kernel asks the same values one member at a time (:func:`_value`, :func:`_lead_value`, the very sums of :func:`_net`
in its order of operations) and stops at the first member that loses, which is most often one of the first; the leader, whose value
sums its clients' shortfalls, comes last. While each founder must gain, the members' running sums of their partners' pledges are kept
(:func:`_prefix`) and summed again only past a departure, and the leader's value without each client (hegemonic provision, again
``K ** 4`` a founding) reads them. Only the order in which the members are *checked* changes, never a number: the
founders and gains are the same to the bit (``tests/theory/test_multilateral_kernels.py`` holds them to the full evaluation on
random treaties, the regression digests the step).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["_first", "_found_kernel", "_net"]


@njit(cache=True, inline="always")
def _terms(pw, members):  # pragma: no cover (compiled)
    """The size ``s``, the members' total capability, the leader (the first member) and the second member (-1 for none)."""
    s = 0
    lead = -1
    second = -1
    total_p = 0.0
    for a in range(members.shape[0]):
        if members[a]:
            s += 1
            total_p += pw[a]
            if lead < 0:
                lead = a
            elif second < 0:
                second = a
    return s, total_p, lead, second


@njit(cache=True, inline="always")
def _value(g, c, aut, risk, pw, members, r, s, total_p, partner, a):  # pragma: no cover (compiled)
    """Member ``a``'s net value before the leader's transfers: ``r`` times its partners' pledges, less its base cost at size ``s``,
    its share of their defence and the autonomy term with ``partner`` (the leader, or the second member for the leader)."""
    tot = 0.0
    shared = 0.0
    # a term of no risk is a zero (+-0.0) where the capabilities are finite and their total non-zero, and adding a zero to the sum,
    # which starts at +0.0, leaves it as it is: such terms are skipped, and with them most divisions (the forms of no risk have none)
    exact = np.isfinite(pw[a]) and np.isfinite(total_p) and total_p != 0.0
    for b in range(g.shape[0]):
        if members[b] and b != a:
            tot += g[a, b]
            x = risk[a, b]
            if x != 0.0 or not exact:
                shared += x * pw[a] / total_p  # j's defence is the whole treaty's, j's own capability included
    return r * tot - c[a, s] - shared - aut[a, partner]


@njit(cache=True)
def _net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients):  # pragma: no cover (compiled)
    """Every member's net value after the leader's transfers (:func:`~foedus.theory.multilateral.found_bloc`; the leader is the first
    member, pays the coordination, values its clients' pledges by ``fwd[lead]`` too and, where ``provide``, covers the shortfall of
    every member that may be its client, ``clients[a]``: :func:`~foedus.theory.multilateral.client_eligible`); non-members 0."""
    k = g.shape[0]
    s, total_p, lead, second = _terms(pw, members)
    out = np.zeros(k)
    if s < 2:
        return out
    r = 1.0 / (1.0 + phi * (s - 2.0))
    for a in range(k):
        if members[a]:
            out[a] = _value(g, c, aut, risk, pw, members, r, s, total_p, second if a == lead else lead, a)
            if a != lead:
                out[lead] += r * fwd[lead, a]
    out[lead] -= coord * (s - 2.0)
    if provide:  # hegemonic provision (Lake 1999): the leader covers each client's shortfall
        for a in range(k):
            if members[a] and a != lead and clients[a] and out[a] < 0.0:
                out[lead] += out[a]
                out[a] = 0.0
    return out


@njit(cache=True)
def _lead_sum(g, c, aut, risk, pw, members, r, s, total_p, lead, second, fwd, coord, provide, clients, raw, known):  # pragma: no cover (compiled)
    """The leader's value of :func:`_net` (the same operations in the same order): its own terms, plus its value of each
    partner's pledge, less the coordination, plus each client's shortfall under ``provide``; ``raw`` holds the members' values
    before the transfers where ``known``, else they are asked here."""
    v = _value(g, c, aut, risk, pw, members, r, s, total_p, second, lead)
    for a in range(g.shape[0]):
        if members[a] and a != lead:
            v += r * fwd[lead, a]
    v -= coord * (s - 2.0)
    if provide:
        for a in range(g.shape[0]):
            if members[a] and a != lead and clients[a]:
                x = raw[a] if known else _value(g, c, aut, risk, pw, members, r, s, total_p, lead, a)
                if x < 0.0:
                    v += x
    return v


@njit(cache=True)
def _lead_value(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients):  # pragma: no cover (compiled)
    """``_net(...)[lead]``, the leader's net value, without the values of the members that are not its clients."""
    s, total_p, lead, second = _terms(pw, members)
    if s < 2:
        return 0.0
    r = 1.0 / (1.0 + phi * (s - 2.0))
    return _lead_sum(g, c, aut, risk, pw, members, r, s, total_p, lead, second, fwd, coord, provide, clients, pw, False)


@njit(cache=True, inline="always")
def _loses(without, net, spared):  # pragma: no cover (compiled)
    """A member's departure check: it loses by the departure, or gains nothing and is not a compensated client at 0 (``spared``)."""
    return without < net or (without == net and not (spared and net == 0.0))


@njit(cache=True)
def _departure(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients, net, raw):  # pragma: no cover (compiled)
    """Whether every member of ``members`` (the treaty less the member leaving) keeps or raises its value of ``net`` without it,
    and, if so, the sum of their rises in order of index: the check of the free riders' departure on ``_net(members)``, the
    members other than the leader first, one at a time, up to the first that loses (``raw``: scratch (K,))."""
    k = g.shape[0]
    s, total_p, lead, second = _terms(pw, members)
    if s < 2:  # no treaty left: every value 0 (never reached from _found_kernel, whose treaties keep more than two members)
        total = 0.0
        for a in range(k):
            if members[a]:
                if _loses(0.0, net[a], provide and clients[a]):
                    return False, 0.0
                total += 0.0 - net[a]
        return True, total
    r = 1.0 / (1.0 + phi * (s - 2.0))
    for a in range(k):
        if members[a] and a != lead:
            x = _value(g, c, aut, risk, pw, members, r, s, total_p, lead, a)
            raw[a] = x
            spared = provide and clients[a]
            if _loses(0.0 if (spared and x < 0.0) else x, net[a], spared):
                return False, 0.0
    v_lead = _lead_sum(g, c, aut, risk, pw, members, r, s, total_p, lead, second, fwd, coord, provide, clients, raw, True)
    if _loses(v_lead, net[lead], provide and clients[lead]):
        return False, 0.0
    total = 0.0
    for a in range(k):
        if members[a]:
            if a == lead:
                x = v_lead
            else:
                x = raw[a]
                if provide and clients[a] and x < 0.0:
                    x = 0.0
            total += x - net[a]
    return True, total


@njit(cache=True, inline="always")
def _prefix(g, members, sums, a, j0):  # pragma: no cover (compiled)
    """``sums[a, j]`` for ``j >= j0``: the sum of ``g[a, b]`` over the members ``b != a``, ``b <= j``, from 0.0 in order of ``b``
    (the running sum of :func:`_value`, kept so that a departure at ``j0`` sums again only the partners after it)."""
    acc = sums[a, j0 - 1] if j0 > 0 else 0.0
    for j in range(j0, g.shape[0]):
        if members[j] and j != a:
            acc += g[a, j]
        sums[a, j] = acc


@njit(cache=True, inline="always")
def _tot_without(g, members, sums, a, m):  # pragma: no cover (compiled)
    """``a``'s running sum of its partners' pledges over the members other than ``m`` (``sums`` up to date with ``m`` a member)."""
    acc = sums[a, m - 1] if m > 0 else 0.0
    for j in range(m + 1, g.shape[0]):
        if members[j] and j != a:
            acc += g[a, j]
    return acc


@njit(cache=True, inline="always")
def _value_tot(c, aut, risk, pw, members, r, s, total_p, partner, a, tot, risky):  # pragma: no cover (compiled)
    """:func:`_value` of member ``a`` with its running sum ``tot`` given; the share of defence is summed only where ``a``'s row of
    ``risk`` holds a non-zero (``risky[a]``; else its every term is a zero and the sum stays 0.0, as :func:`_value` finds it)."""
    shared = 0.0
    if risky[a] or not (np.isfinite(pw[a]) and np.isfinite(total_p) and total_p != 0.0):
        exact = np.isfinite(pw[a]) and np.isfinite(total_p) and total_p != 0.0
        for b in range(risk.shape[0]):
            if members[b] and b != a:
                x = risk[a, b]
                if x != 0.0 or not exact:
                    shared += x * pw[a] / total_p
    return r * tot - c[a, s] - shared - aut[a, partner]


@njit(cache=True)
def _net_sums(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients, sums, risky):  # pragma: no cover (compiled)
    """:func:`_net` with each member's running sum read from ``sums[:, -1]`` (the same numbers: the same operations in the same order)."""
    k = g.shape[0]
    s, total_p, lead, second = _terms(pw, members)
    out = np.zeros(k)
    if s < 2:
        return out
    r = 1.0 / (1.0 + phi * (s - 2.0))
    for a in range(k):
        if members[a]:
            out[a] = _value_tot(c, aut, risk, pw, members, r, s, total_p, second if a == lead else lead, a, sums[a, k - 1], risky)
            if a != lead:
                out[lead] += r * fwd[lead, a]
    out[lead] -= coord * (s - 2.0)
    if provide:
        for a in range(k):
            if members[a] and a != lead and clients[a] and out[a] < 0.0:
                out[lead] += out[a]
                out[a] = 0.0
    return out


@njit(cache=True)
def _lead_without(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients, sums, risky, m):  # pragma: no cover (compiled)
    """:func:`_lead_value` of the members other than ``m`` (``members[m]`` True on entry and on return; the running sums from
    ``sums``)."""
    members[m] = False
    s, total_p, lead, second = _terms(pw, members)
    v = 0.0
    if s >= 2:
        r = 1.0 / (1.0 + phi * (s - 2.0))
        v = _value_tot(c, aut, risk, pw, members, r, s, total_p, second, lead, _tot_without(g, members, sums, lead, m), risky)
        for a in range(g.shape[0]):
            if members[a] and a != lead:
                v += r * fwd[lead, a]
        v -= coord * (s - 2.0)
        if provide:
            for a in range(g.shape[0]):
                if members[a] and a != lead and clients[a]:
                    x = _value_tot(c, aut, risk, pw, members, r, s, total_p, lead, a, _tot_without(g, members, sums, a, m), risky)
                    if x < 0.0:
                        v += x
    members[m] = True
    return v


@njit(cache=True)
def _first(members):  # pragma: no cover (compiled)
    """The leader: the first member (-1 for none)."""
    for a in range(members.shape[0]):
        if members[a]:
            return a
    return -1


@njit(cache=True)
def _found_kernel(g, c, aut, risk, pw, veto, phi, coord, fwd, provide, clients, least, members, gain):  # pragma: no cover (compiled)
    """The founding of :func:`~foedus.theory.multilateral.found_bloc` (in place): exclusion, then each founder gains, then the free
    riders' departure.

    Where the leader provides (``provide``), a client it compensates (``clients[a]``:
    :func:`~foedus.theory.multilateral.client_eligible`) gains nothing and signs (it loses nothing); any other member signs only if it
    gains on its own (Snyder 1997: a great power is no client); when the leader loses, the client whose departure raises the leader's
    net value most leaves first, and the leader only if none does. A free rider leaves while every other member gains by it
    (:func:`_departure`: the check of :func:`_net`'s values, member by member)."""
    k = g.shape[0]
    for a in range(k):
        members[a] = True
        for b in range(a):
            if members[b] and (veto[a, b] or veto[b, a]):
                members[a] = False
                break
    s = members.sum()
    sums = np.empty((k, k))  # each member's running sums of its partners' pledges (_prefix), summed again after a departure only
    risky = np.zeros(k, np.bool_)
    if s >= least:  # (only for a treaty that may be founded, and only the members': the others' are never read)
        for a in range(k):
            if members[a]:
                _prefix(g, members, sums, a, 0)
                for b in range(k):
                    if risk[a, b] != 0.0:
                        risky[a] = True
                        break
    while s >= least:  # 2. each founder gains
        net = _net_sums(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients, sums, risky)
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
                    v = _lead_without(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients, sums, risky, m)
                    if v > best_v:
                        best_m, best_v = m, v
            if best_m >= 0:
                worst = best_m
        members[worst] = False
        s -= 1
        for a in range(k):
            if members[a]:
                _prefix(g, members, sums, a, worst)
    if s < least:
        members[:] = False
        return
    net = _net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)
    raw = np.empty(k)
    while s > least:  # 3. free riders leave while every other member gains by it
        best, rise = -1, 0.0
        for m in range(k):
            if not members[m]:
                continue
            members[m] = False
            ok, total = _departure(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients, net, raw)
            members[m] = True
            if ok and total > rise:
                best, rise = m, total
        if best < 0:
            break
        members[best] = False
        s -= 1
        net = _net(g, c, aut, risk, pw, members, phi, coord, fwd, provide, clients)
    for a in range(k):
        gain[a] = net[a] if members[a] else 0.0
