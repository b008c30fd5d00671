"""What a partner's autonomy concessions are worth to each state this year (brief P1), for :mod:`.formation`.

Morrow's (1991) exchange of security for autonomy: :func:`refresh_autonomy` keeps the bargain of every pair
(:func:`foedus.theory.exchange.morrow_exchange`), :func:`concession_reach` says which partners' concessions a state can
use (its sphere, its local balance in the partner's theatre, its interests: Boulding 1962, Huth 1988, Morrow 1991,
Maoz & Russett 1993), and :func:`pair_autonomy` values the bargain with it (:func:`foedus.theory.exchange.valued_autonomy_change`).

:func:`concession_reach` is compiled (:func:`_reach_kernel`, issue 16): the theory functions' composition
(:func:`concession_reach_reference`, run when the world checks its inputs) made of threshold tests and products of 0 and 1,
entry by entry with the same IEEE operations, so equal to the bit (``tests/sim/test_concessions.py``); the great powers'
interests (:func:`foedus.theory.interests.adversary_relevance`) are read from each state's adversaries' rows, not by a
product of two (N, N) matrices.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.steps import year_goods
from foedus.sim.steps.interests import adversaries, adversary_relevance_of
from foedus.sim.steps.threat import main_threat_of
from foedus.sim.world import World
from foedus.sim.yearcache import _same
from foedus.theory import deterrence_extended as th_deter
from foedus.theory import exchange as th_exchange
from foedus.theory import pledge_kernels as pledge_kern

__all__ = ["concession_reach", "concession_reach_reference", "pair_autonomy", "pair_autonomy_terms", "refresh_autonomy", "valued"]


def pair_autonomy(world: World) -> np.ndarray:
    """Morrow's autonomy change of every pair (N, N), kept up to date as capabilities move.

    :func:`foedus.theory.exchange.morrow_exchange` solves a bargaining problem per pair, and the
    concession a state receives counts at its worth to it (:func:`valued`: a powerless partner's
    concessions are worth next to nothing to a great power, Morrow 1991) and only where the partner
    lies in its sphere, the share of its capability that reaches the partner at least
    ``concession_reach_threshold`` (:func:`concession_reach`; Boulding 1962, Lemke 2002); every ``autonomy_refresh_years`` the rows and columns of states whose capability
    share has changed by more than ``autonomy_refresh_change`` (in log) since they were last
    solved are solved again. The bargain is cached; its valuation is made every year (the reach
    moves with the capabilities).
    """
    return pair_autonomy_terms(world)[0]


def pair_autonomy_terms(world: World) -> tuple[np.ndarray, np.ndarray]:
    """:func:`pair_autonomy` (N, N) and its ``np.log1p`` (the compiled cost rule's term, :class:`~.formation.ExchangeTerms`), read-only.

    Both are a function of the bargain (:func:`refresh_autonomy`, re-solved every ``autonomy_refresh_years`` at most) and of the
    share of each partner's concessions a state counts (:func:`concession_reach`, which takes a few values only: 0, 1 and
    ``1 - concession_interest_weight``), so they are made by :func:`_valued_terms` from the valuations of the bargain at each of
    those values, kept until the bargain changes, not valued and passed through ``log1p`` anew every year (issue 16: at 200
    states the ``log1p`` of 40,000 pairs alone took about 0.8 ms a year). The same numbers to the bit
    (``tests/sim/test_concessions.py``)."""
    p = world.inputs.params
    bargain = refresh_autonomy(world)
    reach_c = concession_reach(world)

    # asked twice a year (ExchangeTerms, form_alliances' explanation): computed again only when an input moved (issue 16)
    return world.year_cache.get(
        world.state.year, "pair_autonomy", lambda: _valued_terms(world, bargain, reach_c), across_years=True, old=bargain[0], change=bargain[1], concession=bargain[2],
        feasible=bargain[3], reach_share=reach_c, half_worth=float(p.concession_half_worth), pledge=float(p.autonomy_pledge),
        interest=float(p.concession_interest_weight),
    )


def _moved_states(before: tuple, after: tuple) -> np.ndarray:
    """(N,) bool: states whose rows and columns hold every entry of the bargain ``(old, change, concession, feasible)`` that differs
    between ``before`` and ``after`` (to the bit: the arrays' words compared): the states re-solved (their capability ``old`` moved,
    :func:`refresh_autonomy`), or every state should an entry differ outside their rows and columns."""
    def differ(x, y):
        if x.dtype.kind == "f" and x.dtype.itemsize == 8:
            x, y = np.ascontiguousarray(x).view(np.uint64), np.ascontiguousarray(y).view(np.uint64)
        return x != y

    out = differ(before[0], after[0])
    for x, y in zip(before[1:], after[1:]):
        d = differ(x, y)
        d[out, :] = False
        d[:, out] = False
        if d.any():
            return np.ones_like(out)
    return out


def _valued_terms(world: World, bargain: tuple, reach_c) -> tuple[np.ndarray, np.ndarray]:
    """``np.where(feasible, valued(change, concession, old_i, old_j, p, reach_c), -autonomy_pledge)`` and its ``np.log1p``, for the
    bargain ``(old, change, concession, feasible)`` and the concession reach ``reach_c`` ((N, N) or a float).

    Each entry is the same elementwise operations of its own inputs, so where ``reach_c`` is ``r`` it is the entry of the same
    expression with the scalar ``r`` (``eta * r`` the same product): the expression and its ``log1p`` are evaluated once for each
    value ``r`` the reach takes (0, 1 or ``1 - concession_interest_weight``, the values of :func:`_reach_kernel`), kept in
    ``world.cache`` with a copy of the bargain and made again in the rows and columns of the states whose bargain differs from it
    (:func:`_moved_states`; a re-solution rewrites a few states' rows and columns) while the parameters are the same, and each
    year's entries picked from them by the reach. A reach with any other value (the theory's composition when the world checks
    its inputs) is valued directly."""
    p = world.inputs.params
    old, change, concession, feasible = bargain
    pledge = -p.autonomy_pledge

    def direct(r):
        out = np.where(feasible, valued(change, concession, old[:, None], old[None, :], p, r), pledge)
        return out, np.log1p(out)

    if world.inputs.check:
        return direct(reach_c)
    key = (float(p.concession_half_worth), float(p.autonomy_pledge))
    hit = world.cache.get("autonomy_valued")
    if hit is None or hit[1] != key or len(hit[0]) != len(bargain) or any(f.shape != a.shape or f.dtype != a.dtype for f, a in zip(hit[0], bargain)):
        hit = world.cache["autonomy_valued"] = (tuple(np.array(a, copy=True) for a in bargain), key, {})
    elif not all(_same(f, a) for f, a in zip(hit[0], bargain)):
        # the bargain re-solved (refresh_autonomy writes the rows and columns of the states it solves again): the kept valuations
        # made again in the rows and columns that differ, the same expression of the same entries (elementwise), the rest as they are
        moved = _moved_states(hit[0], bargain)
        for r, (a, g) in hit[2].items():
            for rows in (np.s_[moved, :], np.s_[:, moved]):
                ii = old[moved][:, None] if rows[0] is moved else old[:, None]
                jj = old[None, :] if rows[0] is moved else old[moved][None, :]
                part = np.where(feasible[rows], valued(change[rows], concession[rows], ii, jj, p, r), pledge)
                a[rows], g[rows] = part, np.log1p(part)
        for f, b in zip(hit[0], bargain):
            f[...] = b
    kept = hit[2]

    def at(r: float):
        if r not in kept:
            kept[r] = direct(r)
        return kept[r]

    if np.ndim(reach_c) == 0:
        r = float(reach_c)
        return tuple(a.copy() for a in at(r)) if r in (0.0, 1.0) else direct(reach_c)
    part = 1.0 - float(p.concession_interest_weight) * (1.0 - 0.0)  # _reach_kernel's 1 - w (1 - rel) of a partner not relevant
    rc = np.ascontiguousarray(reach_c, dtype=float)
    if rc.shape != old.shape[:1] * 2:
        return direct(reach_c)
    present = np.zeros(3, np.bool_)  # the reach's values 1, 0 and part, each present somewhere (one compiled pass, not six (N, N) ones)
    if not _reach_values(rc, part, present):
        return direct(reach_c)
    values = [r for r, m in zip((1.0, 0.0, part), present) if m]
    if len(values) == 1:
        return tuple(a.copy() for a in at(values[0]))
    # each entry the kept valuation at its own reach (the copies np.copyto made under the masks reach_c == r)
    blank = np.zeros((0, 0))
    terms = [at(r) if m else (blank, blank) for r, m in zip((1.0, 0.0, part), present)]
    aut, lg = np.empty(rc.shape), np.empty(rc.shape)
    _pick_valued(rc, part, terms[0][0], terms[0][1], terms[1][0], terms[1][1], terms[2][0], terms[2][1], aut, lg)
    return aut, lg


@njit(cache=True)
def _reach_values(rc, part, present):  # pragma: no cover (compiled)
    """Whether every entry of ``rc`` is 1, 0 or ``part`` (numpy's ``==``: -0.0 is 0, NaN none of them); ``present[k]``: some entry is the
    ``k``-th of (1, 0, ``part``)."""
    n, m = rc.shape
    for a in range(n):
        for b in range(m):
            r = rc[a, b]
            if r == 1.0:
                present[0] = True
            elif r == 0.0:
                present[1] = True
            elif r == part:
                present[2] = True
            else:
                return False
    return True


@njit(cache=True)
def _pick_valued(rc, part, a1, g1, a0, g0, ap, gp, aut, lg):  # pragma: no cover (compiled)
    """``aut``, ``lg``: each entry the valuation (``a*``) and its log1p (``g*``) kept at the entry's reach ``rc`` (1, 0 or ``part``; the
    arrays of an absent value are not read). Where ``part`` is 1 or 0 the first of them is taken, as the masks' copies in
    (1, 0, part) order gave the same entries of the same arrays' values."""
    n, m = rc.shape
    for a in range(n):
        for b in range(m):
            r = rc[a, b]
            if r == 1.0:
                aut[a, b] = a1[a, b]
                lg[a, b] = g1[a, b]
            elif r == 0.0:
                aut[a, b] = a0[a, b]
                lg[a, b] = g0[a, b]
            else:
                aut[a, b] = ap[a, b]
                lg[a, b] = gp[a, b]


def refresh_autonomy(world: World) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The cached bargain of :func:`pair_autonomy` (the capabilities it was solved at, i's autonomy change, the concession,
    whether a contract is feasible), solved on first use and re-solved every ``autonomy_refresh_years`` for the states whose
    capability moved; a second call in the same year changes nothing."""
    p = world.inputs.params
    pw = np.maximum(world.state.power, 1e-9)
    cached = world.cache.get("autonomy")
    if cached is None:
        world.cache["autonomy_year"] = world.state.year
        cached = world.cache["autonomy"] = (pw.copy(), *_first_solve(pw, world.inputs.check))
    elif world.state.year - world.cache.get("autonomy_year", world.state.year) >= p.autonomy_refresh_years:
        world.cache["autonomy_year"] = world.state.year
        old, change, concession, feasible = cached
        moved = np.flatnonzero(np.abs(np.log(pw / old)) > p.autonomy_refresh_change)
        if len(moved):
            old[moved] = pw[moved]
            ex = th_exchange.morrow_exchange(old[moved][:, None], old[None, :], iterations=24, check=world.inputs.check)
            change[moved, :], concession[moved, :], feasible[moved, :] = ex.autonomy_change_i, ex.concession, ex.feasible
            change[:, moved], concession[:, moved], feasible[:, moved] = ex.autonomy_change_j.T, -ex.concession.T, ex.feasible.T
    return cached


_FIRST_SOLVES: dict[tuple[bytes, bool], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
"""The first bargain of the runs of this process (:func:`_first_solve`), by the capabilities it was solved at (a few at most)."""


def _first_solve(pw: np.ndarray, check: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """i's autonomy change, the concession and the feasibility of every pair at the capabilities ``pw`` (N,): the bargain a run
    solves at its first use (:func:`foedus.theory.exchange.morrow_exchange` of all N x N pairs). A process that runs many runs
    (an ensemble's worker, a benchmark) keeps the last few: a run whose capabilities at that use are the same to the bit (a
    scenario without growth before it: the Mesa comparison's reduced steps) is given copies of the same numbers, not solved again
    (issue 16); runs whose capabilities differ solve theirs. Copies: the run re-solves rows in place (:func:`refresh_autonomy`)."""
    key = (pw.tobytes(), bool(check))
    hit = _FIRST_SOLVES.get(key)
    if hit is None:
        ex = th_exchange.morrow_exchange(pw[:, None], pw[None, :], iterations=24, check=check)
        hit = (ex.autonomy_change_i, ex.concession, ex.feasible)
        if len(_FIRST_SOLVES) >= 4:
            _FIRST_SOLVES.clear()
        _FIRST_SOLVES[key] = tuple(a.copy() for a in hit)
        return hit
    return tuple(a.copy() for a in hit)


def valued(autonomy_change, concession, power_i, power_j, p, reach_share=1.0) -> np.ndarray:
    """i's autonomy change with the concession it receives from j counted at its worth to i
    (:func:`foedus.theory.exchange.valued_autonomy_change`, half worth at the capability ratio ``concession_half_worth``, in proportion
    to ``reach_share``; Morrow 1991)."""
    return th_exchange.valued_autonomy_change(autonomy_change, concession, power_i, power_j, half_worth=p.concession_half_worth, reach_share=reach_share, check=False)


def concession_reach(world: World) -> np.ndarray | float:
    """(N, N) whether i can use j's concessions (1.0) or not (0.0): j lies in i's sphere
    (:func:`foedus.theory.exchange.sphere_of_influence` of the share of i's capability that reaches j, ``R[j, i] / p_i``, at
    ``concession_reach_threshold``; Boulding 1962, Lemke 2002), i's local balance against j's main threat in j's theatre
    (:func:`foedus.theory.deterrence_extended.local_balance`) is at least ``local_balance_threshold`` (Huth 1988: a guarantee
    the patron cannot honour there buys no concession), and i has interests where j lies
    (:func:`foedus.theory.exchange.concession_interest` at ``concession_interest_weight``: j is i's neighbour or i a great
    power and j matters to its contest with its adversaries, :func:`foedus.sim.steps.interests.adversary_relevance_of`;
    Morrow 1991, Maoz & Russett 1993). 1.0 everywhere where all three are off or the world has no reach.
    The share of j's concessions i counts (:func:`foedus.theory.exchange.valued_autonomy_change`).

    Compiled (:func:`_reach_kernel`), equal to the bit to :func:`concession_reach_reference`, which a run that checks its
    inputs takes instead; kept for the year through ``world.year_cache`` while every input is the same (read-only).
    """
    p = world.inputs.params

    # asked three times a year (ExchangeTerms, form_alliances' explanation twice): computed again only when an input moved (issue 16)
    def cached():
        main = main_threat_of(world) if p.concession_interest_weight > 0 and p.concession_adversary_reach > 0 else None  # the adversaries' term
        return world.year_cache.get(
            world.state.year, "concession_reach", lambda: _concession_reach(world), across_years=True, reach=world.results.reach, power=world.state.power,
            threat=world.results.threat, contiguous=world.inputs.contiguous, major=world.state.major, rivalry=world.state.rivalry, main=main, params=p,
            check=world.inputs.check,
        )

    return year_goods.step_memo(world, "concession_reach", cached)  # within an alignment step, which writes none of its inputs: asked once


def _concession_reach(world: World) -> np.ndarray | float:
    """:func:`concession_reach` computed: compiled, or the theory functions' composition when the world checks its inputs."""
    if world.inputs.check:
        return concession_reach_reference(world)
    p = world.inputs.params
    reach, pw, c = world.results.reach, world.state.power, world.inputs.contiguous
    n = len(pw)
    has_c = c is not None and c.shape == (n, n)
    interest = p.concession_interest_weight > 0 and has_c
    stage = not (p.concession_reach_threshold == 0 and p.local_balance_threshold == 0) and reach is not None and reach.shape == (n, n)
    if not interest and not stage:
        return 1.0
    relevant = interest and p.concession_adversary_reach > 0  # adversary_relevance_of is None otherwise
    has_reach = reach is not None and reach.shape == (n, n)
    empty, empty_b = np.zeros((0, 0)), np.zeros((0, 0), bool)
    lb = stage and p.local_balance_threshold > 0
    q = pledge_kern.local_balance(world.results.threat, reach) if lb else empty
    out = np.empty((n, n))
    _reach_kernel(
        np.ascontiguousarray(reach, dtype=float) if has_reach else empty, np.ascontiguousarray(pw, dtype=float), stage, float(p.concession_reach_threshold),
        q, lb, float(p.local_balance_threshold), np.ascontiguousarray(c, dtype=bool) if has_c else empty_b,
        np.ascontiguousarray(world.state.major, dtype=bool), interest, float(p.concession_interest_weight),
        adversaries(world) if relevant else empty_b, relevant, has_reach, float(p.concession_adversary_reach), out,
    )
    return out


def concession_reach_reference(world: World) -> np.ndarray | float:
    """:func:`concession_reach` as the composition of the theory functions (the statement; run when the world checks its inputs)."""
    p = world.inputs.params
    reach = world.results.reach
    pw = world.state.power
    n = len(pw)
    interest = None
    if p.concession_interest_weight > 0 and world.inputs.contiguous is not None and world.inputs.contiguous.shape == (n, n):
        interest = th_exchange.concession_interest(
            world.inputs.contiguous, world.state.major, weight=p.concession_interest_weight, relevant=adversary_relevance_of(world), check=world.inputs.check
        )
    if (p.concession_reach_threshold == 0 and p.local_balance_threshold == 0) or reach is None or reach.shape != (n, n):
        return 1.0 if interest is None else interest
    rho = np.where(pw[:, None] > 0, reach.T / np.where(pw > 0, pw, 1.0)[:, None], 0.0)
    np.fill_diagonal(rho, 1.0)
    inside = th_exchange.sphere_of_influence(np.clip(rho, 0.0, 1.0), p.concession_reach_threshold, check=world.inputs.check)
    if p.local_balance_threshold > 0:
        # th_deter.local_balance, compiled (equal to the bit) unless the run checks its inputs
        q = th_deter.local_balance(world.results.threat, reach) if world.inputs.check else pledge_kern.local_balance(world.results.threat, reach)
        inside *= th_exchange.sphere_of_influence(q, p.local_balance_threshold, check=world.inputs.check)
    return inside if interest is None else inside * interest


@njit(cache=True)
def _clipped_at_least(x, t):  # pragma: no cover (compiled)
    """``np.clip(x, 0, 1) >= t`` of a float (NaN: False)."""
    if np.isnan(x):
        return False
    if x < 0.0:
        return 0.0 >= t
    if x > 1.0:
        return 1.0 >= t
    return x >= t


@njit(cache=True)
def _reach_kernel(reach, pw, stage, r_thr, q, lb, lb_thr, c, major, interest, w, adv, relevant, has_reach, r_adv, out):  # pragma: no cover (compiled)
    """The entries of :func:`concession_reach_reference` (into ``out``): ``stage`` the sphere (threshold ``r_thr``) and, where ``lb``,
    the local balance ``q`` at ``lb_thr``; ``interest`` :func:`foedus.theory.exchange.concession_interest` at weight ``w`` of the
    contiguity ``c`` and ``major``, and where ``relevant`` :func:`foedus.theory.interests.adversary_relevance` of the adversaries
    ``adv`` (their neighbours, and where ``has_reach`` the states at least ``r_adv`` of their capability reaches)."""
    n = pw.shape[0]
    # the shares R[j, i] / p_i read row by row of R (j outer): share[i, j] is i's at j
    near = np.zeros((n, n), np.uint8)  # near[a, j]: j borders a or a's reach share there is at least r_adv (bytes: the rows OR in SIMD)
    inside = np.ones((n, n))  # the sphere (and local balance) term
    for j in range(n):
        for a in range(n):
            x = reach[j, a] / pw[a] if (has_reach and pw[a] > 0) else 0.0
            if relevant:
                near[a, j] = 1 if (c[a, j] or (has_reach and _clipped_at_least(x, r_adv))) else 0
            if stage:
                inside[a, j] = 1.0 if (a == j or _clipped_at_least(x, r_thr)) else 0.0
    v = np.zeros(n, np.uint8)
    for i in range(n):
        if relevant:
            v[:] = 0
            for a in range(n):
                if adv[i, a]:
                    for j in range(n):
                        v[j] |= near[a, j]
        for j in range(n):
            x = 1.0
            if stage:
                s1 = inside[i, j]
                if lb:
                    s1 = s1 * (1.0 if q[i, j] >= lb_thr else 0.0)
                x = s1
            if interest:
                if i == j:
                    it = 1.0
                else:
                    rel = 1.0 if (c[i, j] or major[i]) else 0.0
                    if relevant and major[i]:
                        cf = 1.0 if c[i, j] else 0.0
                        vf = 1.0 if v[j] != 0 else 0.0
                        rel = max(cf, vf)
                    it = 1.0 - w * (1.0 - rel)
                x = x * it if stage else it
            out[i, j] = x
