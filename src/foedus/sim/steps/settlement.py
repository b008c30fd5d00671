"""The settlement value of a pact of non-aggression between neighbours whose conflict has ended (issues 12, 17 item 1).

:func:`settlement_goods` adds ``settlement_weight`` times :func:`foedus.theory.settlement.settlement_value` to the
reassurance good of every pair (the good a pledge of non-aggression provides, :data:`foedus.theory.obligations.GOODS`; at the
standing of non-aggression, :func:`settlement_goods`),
so neighbours that have fought or rivalled sign a treaty settling their relations once the war or the rivalry has
ended (Gibler 1996's territorial settlement treaty; Lupu & Poast 2016). The term is additive in the pair value, after
:func:`foedus.sim.steps.formation.credible_goods`' other terms, so every choice that weighs the goods (new pacts,
accessions, votes, exits) sees it. :func:`record_rivalry_end` keeps the year each pair's last rivalry ended
(``WorldState.rivalry_ended``), which :mod:`foedus.sim.steps.rivalry` calls when a rivalry ends; a record-built world starts
with the rivalries that ended before its first year (a relation's ``rivalry_ended``, Thompson & Dreyer 2012, by
:func:`foedus.data.snapshot_fields.rivalry_ended`: China and Russia's of 1958-1989 for a 1990 run; settle20), not with none.
Measured (foedus validate against main 0915ded, seeds 1-6 / 7-12 / 13-18: 64/64, 64/65, 62/61 facts in range): 1946-1989
neutrality 0.00144 / 0.00144 / 0.00172 -> 0.00101 / 0.00089 / 0.00083 a state-year (ATOP 0.00074); 1990-2018 defence 0.0043 /
0.0030 / 0.0034 -> 0.0031 / 0.0023 / 0.0025 (ATOP 0.0060, bound 0.0030): China and Russia sign a non-aggression pact at once
(ATOP: 1992 and 2001), and China's defence pacts with Bhutan, Mongolia, Cyprus, Eritrea or Qatar (main's 1990 runs, seeds 1-2:
19 and 7; no such pact in ATOP) mostly go (2 and 3; our reading, not isolated: each pact raises the base cost of the next, Snyder 1984).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.steps import year_goods
from foedus.sim.world import World
from foedus.theory import settlement as th_settle

__all__ = ["record_rivalry_end", "settlement", "settlement_goods", "settlement_pairs"]


def record_rivalry_end(world: World, a: np.ndarray, b: np.ndarray) -> None:
    """Write this year as the year the rivalries of the pairs ``(a[k], b[k])`` ended (both orders)."""
    n = world.n
    if world.state.rivalry_ended.shape != (n, n):
        world.state.rivalry_ended = np.full((n, n), np.nan)
    world.state.rivalry_ended[a, b] = world.state.rivalry_ended[b, a] = float(world.state.year)


def settlement(world: World) -> np.ndarray | None:
    """(N, N) ``settlement_weight`` times :func:`foedus.theory.settlement.settlement_value` of this year's unsettled relations
    (:func:`~foedus.theory.settlement.unsettled_relations` of the war memory and of the memory of the last rivalry ended, both at
    ``war_memory``; the pairs at war and the rivals have nothing to settle yet) between neighbours (contiguous, or capitals
    within :data:`~foedus.theory.settlement.NEAR_KM`); None where the weight is 0.

    Asked by every choice that weighs the goods (several times a year), it is computed once a year while what it reads is the
    same to the bit (the year's :class:`~foedus.sim.yearcache.YearCache`, keyed on the year, the war memory, the years rivalries
    ended, the wars and rivalries under way, who is in the system, contiguity, distances and the two parameters); the result is
    read-only."""
    p = world.inputs.params
    w = p.settlement_weight
    if w == 0:
        return None
    st, inp, n = world.state, world.inputs, world.n
    check = inp.check
    km = inp.capital_km if inp.capital_km is not None else inp.distance_km
    square = (n, n)
    war = st.war_history if st.war_history.shape == square else np.zeros(square)
    ended = st.rivalry_ended if st.rivalry_ended.shape == square else np.full(square, np.nan)
    at_war = st.at_war if st.at_war.shape == square else np.zeros(square, bool)
    memory = p.war_memory

    def compute() -> np.ndarray:
        if not check and st.rivalry.shape == square and st.active.shape == (n,) and np.shape(inp.contiguous) == square and np.shape(km) == square:
            # the theory's composition below, pair by pair in one compiled pass with the same operations (equal to the bit; issue
            # 16); the state's matrices not yet made (no war, no rivalry ended, no war under way) are the composition's zeros and NaNs
            has = (st.war_history.shape == square, st.rivalry_ended.shape == square, st.at_war.shape == square)
            out = np.empty(square)
            _settlement_kernel(float(st.year), st.war_history if has[0] else _NONE_F, has[0], st.rivalry_ended if has[1] else _NONE_F, has[1],
                               float(memory), st.at_war if has[2] else _NONE_B, has[2], st.rivalry, inp.contiguous, km, th_settle.NEAR_KM,
                               st.active, float(w), out)
            return out
        riv = th_settle.rivalry_memory(st.year, ended, memory=memory, check=check)
        u = th_settle.unsettled_relations(war, riv, at_war, st.rivalry, check=check)
        live = st.active[:, None] & st.active[None, :] if st.active.shape == (n,) else True
        return w * np.where(live, th_settle.settlement_value(u, inp.contiguous, km, check=check), 0.0)

    # asked twice in an alignment step (credible_goods, the new pacts' explanation), which writes none of these: the second ask
    # is given the first's answer (year_goods.step_memo), so the name is asked once a year and its inputs are not copied (issue 16)
    return year_goods.step_memo(world, "settlement", lambda: world.year_cache.get(
        st.year, "settlement", compute, war_history=war, rivalry_ended=ended, at_war=at_war, rivalry=st.rivalry, active=st.active,
        contiguous=inp.contiguous, km=km, weight=w, memory=memory, check=check,
    ))

_NONE_F = np.zeros((0, 0))
_NONE_B = np.zeros((0, 0), bool)


@njit(cache=True)
def _settlement_kernel(year, war, has_war, ended, has_ended, memory, at_war, has_at_war, rivalry, contiguous, km, near_km, active, weight, out):  # pragma: no cover (compiled)
    """:func:`settlement` entry by entry: :func:`foedus.theory.settlement.rivalry_memory` (``memory ** (year - ended)``, 0 where none
    ended), :func:`~foedus.theory.settlement.unsettled_relations` (``-expm1(-(W + R))``, 0 at war or rivals),
    :func:`~foedus.theory.settlement.settlement_value` (neighbours: contiguous or capitals within ``near_km``), 0 on the diagonal
    and where either state is out of the system, times ``weight``: the theory's operations on the same numbers, in its order
    (``has_war``, ``has_ended``, ``has_at_war`` False: that matrix is not made yet, the composition's zeros, NaNs and False)."""
    n = out.shape[0]
    for i in range(n):
        for j in range(n):
            s = 0.0
            if i != j and (contiguous[i, j] or km[i, j] < near_km):  # a pair not of neighbours is 0 whatever its memory (not computed)
                r = 0.0
                if has_ended:
                    e = ended[i, j]
                    if np.isfinite(e) and np.isfinite(year - e):
                        r = memory ** (year - e)
                wv = war[i, j] if has_war else 0.0
                s = 0.0 if ((has_at_war and at_war[i, j]) or rivalry[i, j]) else -np.expm1(-(wv + r))
            out[i, j] = weight * (s if (active[i] and active[j]) else 0.0)


def settlement_goods(world: World, goods: np.ndarray) -> np.ndarray:
    """``goods`` (5, N, N) with :func:`settlement` added to its reassurance good (row 1) at the standing of non-aggression this year
    (:func:`foedus.theory.renunciation.nonaggression_standing`, as the reassurance good itself: before the Covenant a pledge never to
    use force across a border gave up a lawful option and was all but unknown, ATOP 1816-1914 has one non-aggression-led treaty;
    after the Charter all of it). In place; returned. Weight 0 leaves the goods whole."""
    s = settlement(world)
    if s is not None:
        goods[1] += year_goods.norms(world)[2] * s
    return goods


def settlement_pairs(world: World, i: np.ndarray, j: np.ndarray) -> list:
    """``[S[i, j], S[j, i]]`` of :func:`settlement` for each pact ``(i[k], j[k])`` now written (its explanation's factor; 0 where off)."""
    s = settlement(world)
    if s is None:
        return [[0.0, 0.0]] * len(i)
    s = year_goods.norms(world)[2] * s  # the term as credible_goods adds it: at the non-aggression norm's standing
    return np.stack([s[i, j], s[j, i]], axis=1).tolist()
