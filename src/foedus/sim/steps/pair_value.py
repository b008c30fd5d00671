"""The value of a pair's new pact as both sides bargain over it (issues 12, 17; brief P1).

:func:`shared_reassurance` makes the reassurance good of a pact of mutual non-aggression pledges one bargain
(:func:`foedus.theory.alignment.shared_pledge_value`, Nash 1950 and Morrow 1991): the side that gains more from the
other's pledge pays for it, so a strong state signs a treaty of friendship with the weak neighbour it reassures. It is a
term of :func:`foedus.sim.steps.formation.credible_goods`, so every choice that weighs the goods (new pacts, accessions,
the members' votes, exits) sees the same values.

The payer pays in proportion to its capability share of the pair (:func:`foedus.theory.consent.pair_burden_shares`: Morrow
1991, the strong side gains autonomy *in proportion to what the weak side can give*), so a microstate buys no great
power's pledge. At Nash's share 0.5 (published, not fitted; record-built runs, seeds 1-3, ``foedus validate``, wave12)
the in-sample facts in range stay 31 of 38 (1816-1914: neutrality pacts 0.0067 -> 0.0039 per state-year, in; alliances in
force at the end 0.30 -> 0.20 per state, out, bound 0.26; 1946-1989: formation 0.032 -> 0.037, non-aggression 0.0125 ->
0.0160, defence 0.0150 -> 0.0165, in force at the end 0.58 -> 0.76, ATOP 0.046, 0.018, 0.024, 0.95; joiners without a pact
in, allies joining out at 0.260, bound 0.255). Without the proportion the transfer is a switch, not a rate: a small state's
reassurance from a great power in reach saturates at ``reassurance_weight``, so above a share of about 0.021 (the
pact's cost, about 0.064, over 3) every strong state signs with every weak one whose concessions it can use, microstates
included (China with Liechtenstein, Russia with Andorra), and non-aggression pacts crowd out defence pacts (in-sample
facts 30 of 38 at 0.02, 29 at 0.03, 28 at 0.05, 21 at 0.5).

:func:`given_reassurance` adds what a side gains by *giving* its pledge (nap15; issue 17 item 1): the partner that fears it
stops balancing against it (:func:`foedus.theory.reassurance.spiral_relief`: Kydd 2005, Jervis 1976, Snyder 1997). Without
it the strong side of an unequal pair valued a pact of non-aggression at about 0 (diag14: median 3e-7 against a cost of
0.063), so unequal pairs never signed one, while ATOP's non-aggression pacts join states as unequal as its defence pacts
(strong/weak capability ratio median 6-8). At ``spiral_relief_weight`` 0.2 (chosen in sample: foedus validate, seeds 1-6)
the in-sample facts in range go from 33 to 34 of 38 (1946-1989 non-aggression pacts 0.0132 -> 0.0151 per state-year, record
0.0182; alliances in force at the end 0.57 -> 0.62; 1816-1914 non-aggression 0.00023 -> 0.00037, bound 0.00056). The partner's
fear it reads is its reassurance *before* any side payment of :func:`shared_reassurance` (pacts16: what the weak side pays
the strong one for its pledge is not a fall in its fear of it; with ``reassurance_transfer_share`` 0, the default, there is no
payment and nothing changes).

:func:`consulted_goods` weighs a pledge of consultation by the information the partner's talk conveys at its bias
toward one (:func:`foedus.theory.cheap_talk.credible_consultation`: Crawford & Sobel 1982, the bias read from the partner's
hostility as Kydd's 2005 distrust), as every other pledge of the pact is weighed by the partner's credibility, and holds
the reassurance before the side payment for :func:`given_reassurance`.

:func:`ruler_goods` adds to the protection good (row 0: the good of a pledge of defence) ``former_ruler_weight`` times :func:`foedus.theory.new_states.former_ruler_tie`: a new state and its former ruler
(its colonial metropole or the state it seceded from, :func:`foedus.data.succession.ruler_pairs`) in the new state's first
``former_ruler_years`` years, at the territorial integrity norm's strength (Lake 2009, Zacher 2001; newstate17, issue 17
item 5), and to the reassurance good (row 1: the good of a pledge of non-aggression) the former ruler's side of the same tie,
:func:`foedus.theory.new_states.former_ruler_sphere` (:func:`ruler_sphere`; drought18: Lake's sphere of influence, the new
state's pledge not to turn against its former ruler, in its neighbourhood). Without it a new state and its former ruler wanted different pacts: in a
record-built 1990 run (seed 1, 1992) Ukraine, Belarus, Kazakhstan and the Caucasian and Central Asian republics valued a pledge
of non-aggression from Russia at 0.5-2.7 (their fear of a neighbour whose intentions they could not read yet) against its cost
of about 0.055, Russia valued theirs at 0.0003-0.03 against 0.058, and the defence pact the tie made worth 0.20 to Russia (cost
0.16) cost the republics 0.92-0.97 in autonomy against a value of 0.22: so none signed, where the record has Russia's treaties
of friendship with nearly every one of them. :func:`ruler_pairs_factor` gives the terms of each pact written, for its
explanation.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.data.succession import ruler_pairs
from foedus.sim.steps import year_goods
from foedus.sim.steps.alignment_kernels import add_scaled
from foedus.sim.world import World
from foedus.theory.alignment import shared_pledge_value
from foedus.theory.cheap_talk import MAX_PARTITION, credible_consultation
from foedus.theory.new_states import former_ruler_sphere, former_ruler_tie
from foedus.theory.pledge_kernels import pressure, relief_from
from foedus.theory.reassurance import STATE_LIST_START, spiral_relief
from foedus.theory.settlement import NEAR_KM

__all__ = ["consulted_goods", "given_reassurance", "ruler_goods", "ruler_pairs_factor", "ruler_sphere", "ruler_sphere_factor", "ruler_tie", "shared_reassurance"]


def shared_reassurance(world: World, goods: np.ndarray, usable: np.ndarray | float = 1.0) -> np.ndarray:
    """``goods`` (5, N, N) with its reassurance good (row 1) shared between the two sides of every pair at
    ``reassurance_transfer_share`` (:func:`foedus.theory.alignment.shared_pledge_value`; in place; returned), a side paid
    only where ``usable`` [i, j] (it can use j's concessions: :func:`foedus.sim.steps.formation.concession_reach`, its
    sphere and its interests; a scalar for everywhere). 0 leaves it whole."""
    k = world.inputs.params.reassurance_transfer_share
    if k > 0:
        n = goods.shape[1]
        u = np.broadcast_to(np.asarray(usable, dtype=float), (n, n))
        goods[1] = shared_pledge_value(goods[1], share=k, usable=u, check=world.inputs.check)
    return goods


def consulted_goods(world: World, goods: np.ndarray, credibility: np.ndarray | None, shared: bool) -> np.ndarray | None:
    """``goods`` (5, N, N) with its transparency good (row 3) at the share of information the partner's pledge to consult
    conveys (in place): :func:`foedus.theory.cheap_talk.credible_consultation` of this year's hostility at
    ``pledge_credibility_weight`` and ``cheap_talk_bias`` (Crawford & Sobel 1982: a rival's talk is shaded; ``credibility``
    None, either 0: every partner's word taken whole). Returns the reassurance (row 1, a copy) before the side payment where ``shared`` (the fear
    :func:`given_reassurance` reads), else None (row 1 is then the fear itself)."""
    p = world.inputs.params
    if credibility is not None and p.pledge_credibility_weight > 0 and p.cheap_talk_bias > 0:
        h = world.state.hostility
        if world.inputs.check or h.shape != goods.shape[1:] or h.dtype != np.float64:
            goods[3] = credible_consultation(goods[3], h, weight=p.pledge_credibility_weight, bias=p.cheap_talk_bias, check=world.inputs.check)
        else:  # credible_consultation in one compiled pass, in place (equal to the bit; issue 16)
            _consultation_kernel(goods[3], h, float(p.cheap_talk_bias) * float(p.pledge_credibility_weight), float(MAX_PARTITION))
    return goods[1].copy() if shared else None


@njit(cache=True)
def _consultation_kernel(x, hostility, scale, most):  # pragma: no cover (compiled)
    """``x`` (N, N) times :func:`foedus.theory.cheap_talk.informative_share` of the bias ``scale * hostility[j, i]`` (``scale``:
    ``bias * weight``, as :func:`~foedus.theory.cheap_talk.credible_consultation` takes it), in place: :func:`~foedus.theory.cheap_talk.partition_size`
    (at most ``most``) and the share by the theory's operations on the same numbers, entry by entry; 1 where the bias is not positive."""
    n = x.shape[0]
    for i in range(n):
        for j in range(n):
            b = scale * hostility[j, i]
            share = 1.0
            if b > 0:
                k = np.ceil(-0.5 + 0.5 * np.sqrt(1.0 + 2.0 / b))
                k = min(k, most) if np.isfinite(k) else most
                share = (k * k - 1.0) * (1.0 / (k * k) - 4.0 * b * b)
                share = share if share >= 0.0 else 0.0  # np.clip's: max with 0 (a zero keeps its sign), then min with 1
                share = share if share <= 1.0 else 1.0
            x[i, j] = x[i, j] * share


def given_reassurance(world: World, goods: np.ndarray, fear: np.ndarray | None = None) -> np.ndarray:
    """``goods`` (5, N, N) with its reassurance good (row 1) raised by what each side gains by giving the other its pledge (in
    place; returned): ``spiral_relief_weight`` times :func:`foedus.theory.reassurance.spiral_relief` of the partner's
    reassurance ``fear`` (by default row 1 as it stands: the partner's fear of one, at its belief in one's pledge and the norm's
    standing; before any side payment, :func:`consulted_goods`), this year's threats, reach and capabilities. Both sides of
    every pair by the one formula, nothing clipped. 0 leaves it whole."""
    k = world.inputs.params.spiral_relief_weight
    if k > 0:
        res = world.results
        f = goods[1] if fear is None else fear
        n = goods.shape[1]
        arrays = (f, res.reach, res.threat)
        if world.inputs.check or n < 2 or any(not isinstance(a, np.ndarray) or a.shape != (n, n) or a.dtype != np.float64 for a in arrays) \
                or world.state.power.shape != (n,):
            relief = spiral_relief(f, res.reach, res.threat, world.state.power, check=world.inputs.check)
        else:  # spiral_relief in one compiled pass (equal to the bit; issue 16)
            relief = np.empty((n, n))
            _relief_kernel(f, res.reach, res.threat, np.asarray(world.state.power, dtype=float), relief)
        if goods.dtype == np.float64 and relief.dtype == np.float64 and relief.shape == goods.shape[1:]:
            add_scaled(goods[1], float(k), relief)  # goods[1] += k * relief in one pass (the same bits)
        else:
            goods[1] += k * relief
    return goods


@njit(cache=True)
def _relief_kernel(fear, reach, threat, power, out):  # pragma: no cover (compiled)
    """:func:`foedus.theory.reassurance.spiral_relief` entry by entry, by its operations on the same numbers: i's main threat other
    than j (the row's first largest off the diagonal, or the runner-up where that is j: ``_runner_up``'s -1 in its place),
    ``rho(x) = x / (x + p_i)`` (0 where ``x + p_i`` is not positive), ``F[j, i] * maximum(rho(T* + R[i, j]) - rho(T*), 0)``, 0 on
    the diagonal."""
    n = out.shape[0]
    for i in range(n):
        first = 0
        top = threat[i, 0] if i != 0 else 0.0
        for j in range(1, n):
            v = threat[i, j] if i != j else 0.0
            if v > top:
                top = v
                first = j
        run = -1.0 if first == 0 else (threat[i, 0] if i != 0 else 0.0)
        for j in range(1, n):
            v = -1.0 if j == first else (threat[i, j] if i != j else 0.0)
            if v > run:
                run = v
        pc = power[i]
        lo_top, lo_run = pressure(top, pc), pressure(run, pc)  # rho of the row's two threats, once a row (relief_gain's, the same bits)
        for j in range(n):
            if i == j:
                out[i, j] = 0.0
                continue
            out[i, j] = fear[j, i] * (relief_from(run, reach[i, j], pc, lo_run) if j == first else relief_from(top, reach[i, j], pc, lo_top))


def ruler_tie(world: World) -> np.ndarray | None:
    """(N, N) ``former_ruler_weight`` times :func:`foedus.theory.new_states.former_ruler_tie` of this year, the states' first entries
    (:func:`foedus.sim.steps.formation.entry_years`' rule), their former rulers (:func:`foedus.data.succession.ruler_pairs` of
    their COW codes) and the norm's strength (:func:`foedus.theory.renunciation.renunciation_of_war`), 0 where either side is out of the system
    and where the separation is not settled (the two at war, rivals, or remembering a war between them); None where the weight or the
    window is 0. Computed once a year while those inputs are the same (the rulers once per world); within the alignment step,
    which writes none of them, its second ask (the explanation's :func:`ruler_pairs_factor`) is given the first's answer
    (:func:`.year_goods.step_memo`, issue 16)."""
    return year_goods.step_memo(world, "ruler_tie", lambda: _ruler_tie(world))


def _ruler_tie(world: World) -> np.ndarray | None:
    """:func:`ruler_tie` computed (or the world cache's, while its key is the same)."""
    p = world.inputs.params
    w, yrs = float(p.former_ruler_weight), float(p.former_ruler_years)
    if w == 0 or yrs == 0:
        return None
    inp, st = world.inputs, world.state
    code = inp.ccode
    hit = world.cache.get("ruler_pairs")
    if hit is None or len(hit) < 5 or hit[0] is not code or hit[1] != code.tobytes():  # (a cache restored from before the flag: again)
        rulers = ruler_pairs(code)
        r = np.asarray(rulers, dtype=bool)
        block = np.flatnonzero(r.any(axis=0) | r.any(axis=1))  # the states of some ruler pair (_ruler_tie_block)
        hit = world.cache["ruler_pairs"] = (code, code.tobytes(), rulers, bool(r.any()), block)
    rulers = hit[2]
    active = st.active if st.active.shape == (world.n,) else np.ones(world.n, bool)
    if not hit[3]:  # no state has a former ruler among the others: the tie is 0 (w times the theory's zeros, out of the system too)
        key = (w, active.tobytes())
        none = world.cache.get("ruler_tie_none")
        if none is None or none[0] is not rulers or none[1] != key:
            out = w * np.zeros((world.n, world.n))
            out *= active[:, None] & active[None, :]
            out.flags.writeable = False
            none = world.cache["ruler_tie_none"] = (rulers, key, out)
        return none[2]
    entered = (inp.since if inp.entered is None else inp.entered).astype(np.int64)
    norm = year_goods.norms(world)[0]
    if not inp.check:  # the states with a former ruler among the others, and their rulers, alone (issue 16)
        return _ruler_tie_block(world, hit, entered, active, w, yrs, norm)
    # a separation is settled while the two are neither at war nor rivals nor remember a war between them (review of
    # newstate17: no hierarchy to sign into with a former ruler one fights)
    square = (world.n, world.n)
    unsettled = st.rivalry.copy() if st.rivalry.shape == square else np.zeros(square, bool)
    if st.at_war.shape == square:
        unsettled |= st.at_war
    if st.war_history.shape == square:
        unsettled |= st.war_history > 0
    key = (st.year, w, yrs, norm, entered.tobytes(), active.tobytes(), (unsettled & rulers).tobytes())
    tie = world.cache.get("ruler_tie")
    if tie is None or tie[0] is not rulers or tie[1] != key:
        out = w * former_ruler_tie(st.year, entered, rulers, years=yrs, norm=norm, settled=~unsettled, check=inp.check)
        out *= active[:, None] & active[None, :]
        out.flags.writeable = False
        tie = world.cache["ruler_tie"] = (rulers, key, out)
    return tie[2]


def _ruler_tie_block(world: World, hit: tuple, entered: np.ndarray, active: np.ndarray, w: float, yrs: float, norm: float) -> np.ndarray:
    """:func:`_ruler_tie`'s (N, N) array, :func:`foedus.theory.new_states.former_ruler_tie` evaluated on the block of the states that have a
    former ruler among the others or are one (the world cache's ``ruler_pairs``, its fifth term) and ``w * 0`` elsewhere: each entry of the theory function is
    a function of its own pair alone (its rulers, entries and settlement), and 0 where the two are no ruler pair, so the array is
    the same to the bit as the theory function's over all states, times ``w``, times both sides in the system (a few dozen
    states of two hundred: issue 16; ``tests/sim/steps/test_ruler_ties.py``).

    One compiled pass over the block (:func:`_ruler_tie_kernel`, the theory's operations entry by entry) where the state's arrays are
    of the engine's types, else numpy's composition (:func:`_ruler_tie_block_numpy`). The tie is a step function of the years (the
    norm's strength or nothing), the same to the bit most years: the array of the year before is given back when this year's is the
    same to the bit (read-only, the same object), so :func:`ruler_sphere`, which keeps its result while the tie is the same object,
    is not computed again (issue 16: in the reduced world of ``benchmarks/vs_mesa.py`` both were computed every year)."""
    st, n = world.state, world.n
    b = hit[4]
    square = (n, n)
    rulers = hit[2]
    if (isinstance(rulers, np.ndarray) and rulers.dtype == np.bool_ and rulers.shape == square and st.active.shape == (n,) and active.dtype == np.bool_
            and st.rivalry.dtype == np.bool_ and st.at_war.dtype == np.bool_ and st.war_history.dtype == np.float64):
        has = (st.rivalry.shape == square, st.at_war.shape == square, st.war_history.shape == square)
        out = np.empty(square)
        _ruler_tie_kernel(float(st.year), entered.astype(float), float(STATE_LIST_START), float(yrs), float(norm), float(w), rulers,
                          np.ascontiguousarray(b, dtype=np.intp), st.rivalry if has[0] else _NO_B, has[0], st.at_war if has[1] else _NO_B, has[1],
                          st.war_history if has[2] else _NO_F, has[2], active, out)
    else:
        out = _ruler_tie_block_numpy(world, hit, entered, active, w, yrs, norm)
    last = world.cache.get("ruler_tie_block")
    if (isinstance(last, np.ndarray) and last.shape == square and last.dtype == out.dtype and not last.flags.writeable
            and bool((last.view(np.uint64) == out.view(np.uint64)).all())):
        return last  # the year before's, the same bits
    out.flags.writeable = False
    world.cache["ruler_tie_block"] = out
    return out


_NO_B = np.zeros((0, 0), bool)
_NO_F = np.zeros((0, 0))


def _ruler_tie_block_numpy(world: World, hit: tuple, entered: np.ndarray, active: np.ndarray, w: float, yrs: float, norm: float) -> np.ndarray:
    """:func:`_ruler_tie_block`'s array by numpy and the theory function on the block (the reference of :func:`_ruler_tie_kernel`)."""
    st, n = world.state, world.n
    b = hit[4]
    square = (n, n)
    sub = np.ix_(b, b)
    unsettled = st.rivalry[sub] if st.rivalry.shape == square else np.zeros((len(b), len(b)), bool)
    if st.at_war.shape == square:
        unsettled = unsettled | st.at_war[sub]
    if st.war_history.shape == square:
        unsettled = unsettled | (st.war_history[sub] > 0)
    block = w * former_ruler_tie(st.year, entered[b], np.asarray(hit[2], dtype=bool)[sub], years=yrs, norm=norm, settled=~unsettled, check=False)
    block *= active[b][:, None] & active[b][None, :]
    out = np.full(square, w * 0.0)  # w times the theory's 0 (and its sign) out of the block, in or out of the system alike
    out[sub] = block
    return out


@njit(cache=True)
def _ruler_tie_kernel(year, entered, start, years, norm, w, rulers, b, rivalry, has_rivalry, at_war, has_at_war, war_history, has_history, active, out):  # pragma: no cover (compiled)
    """:func:`_ruler_tie_block_numpy` entry by entry: ``w * 0`` out of the block ``b``; on it ``w`` times
    :func:`foedus.theory.new_states.former_ruler_tie` (the norm where the two are a ruler pair, their common years
    (:func:`foedus.theory.reassurance.relationship_age`: ``year - entered``, ``inf`` from ``start``, the smaller of the two, at
    least 0) fall below ``years`` and the separation is settled (no rivalry, no war, no war remembered), 0 on the diagonal), times
    both sides in the system (1.0 or 0.0): the theory's operations on the same numbers, in its order (``has_*`` False: that matrix
    is not made yet, the composition's False and zeros)."""
    n = out.shape[0]
    zero = w * 0.0
    for i in range(n):
        for j in range(n):
            out[i, j] = zero
    m = b.shape[0]
    for bi in range(m):
        i = b[bi]
        ai = np.inf if entered[i] <= start else year - entered[i]
        for bj in range(m):
            j = b[bj]
            x = 0.0
            if i != j and rulers[i, j]:
                aj = np.inf if entered[j] <= start else year - entered[j]
                age = ai if ai < aj else aj  # np.minimum of two numbers (never NaN: entries are years)
                age = age if age > 0.0 else 0.0  # np.maximum(age, 0.0)
                unsettled = (has_rivalry and rivalry[i, j]) or (has_at_war and at_war[i, j]) or (has_history and war_history[i, j] > 0)
                if age < years and not unsettled:
                    x = norm
            out[i, j] = (w * x) * (1.0 if (active[i] and active[j]) else 0.0)


def ruler_sphere(world: World) -> np.ndarray | None:
    """(N, N) the former ruler's side of :func:`ruler_tie` over its neighbours (:func:`foedus.theory.new_states.former_ruler_sphere` of
    the states' first entries, the row of the state that entered first; neighbours contiguous or with capitals within
    :data:`foedus.theory.settlement.NEAR_KM`), None where the tie is off. Kept while the tie (by identity: ruler_tie's,
    read-only) and the neighbourhood (by its bytes) are the same."""
    t = ruler_tie(world)
    if t is None:
        return None
    inp = world.inputs
    km = inp.capital_km if inp.capital_km is not None else inp.distance_km
    near = np.asarray(inp.contiguous, dtype=bool) | (np.asarray(km) < NEAR_KM)  # neighbours, as settlement_value reads them
    key = near.tobytes()  # the tie by identity (kept read-only by ruler_tie), the neighbourhood by its bytes (seen if changed in place)
    hit = world.cache.get("ruler_sphere")
    if hit is not None and hit[0] is t and hit[1] == key:
        return hit[2]
    entered = (inp.since if inp.entered is None else inp.entered).astype(np.int64)
    out = former_ruler_sphere(t, entered, near, check=inp.check)
    out.flags.writeable = False
    world.cache["ruler_sphere"] = (t, key, out)
    return out


def ruler_goods(world: World, goods: np.ndarray) -> np.ndarray:
    """``goods`` (5, N, N) with :func:`ruler_tie` added to its protection good (row 0) and :func:`ruler_sphere` to its reassurance good
    (row 1; in place; returned). Weight 0 leaves it whole."""
    t = ruler_tie(world)
    if t is not None:
        goods[0] += t
        goods[1] += ruler_sphere(world)
    return goods


def ruler_pairs_factor(world: World, i: np.ndarray, j: np.ndarray) -> list:
    """``[T[i, j], T[j, i]]`` of :func:`ruler_tie` for each pact ``(i[k], j[k])`` now written (its explanation's factor; 0 where off)."""
    t = ruler_tie(world)
    if t is None:
        return [[0.0, 0.0]] * len(i)
    return np.stack([t[i, j], t[j, i]], axis=1).tolist()


def ruler_sphere_factor(world: World, i: np.ndarray, j: np.ndarray) -> list:
    """``[S[i, j], S[j, i]]`` of :func:`ruler_sphere` for each pact ``(i[k], j[k])`` now written (its explanation's factor; 0 where off)."""
    s = ruler_sphere(world)
    if s is None:
        return [[0.0, 0.0]] * len(i)
    return np.stack([s[i, j], s[j, i]], axis=1).tolist()
