"""How wars end in the conflict step (:mod:`foedus.sim.steps.conflict`): the Weibull duration model of the pairs at war.

:func:`war_endings` draws each pair's end with :func:`foedus.theory.war_duration.war_end_probability` (Bennett & Stam
1996) of its terms this year; :func:`major_backed` is the term that says whether the weaker state of a pair has a great
power behind it: a co-belligerent on its side of a registered war, or a great power of the coalition of the willing that
assembled against the aggression it suffers (:mod:`foedus.sim.steps.crises`: its suppliers, as the record's co-belligerents
are in the fit; :mod:`foedus.analysis.war_duration`).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps import conflict_kernels as kern
from foedus.sim.world import World
from foedus.theory import rivalry as th_rivalry
from foedus.theory import war_duration as th_duration

__all__ = ["war_endings", "major_backed"]


def war_endings(world: World, rng: np.random.Generator) -> None:
    """The pairs at war since last year end their war with :func:`foedus.theory.war_duration.war_end_probability` (Bennett & Stam 1996).

    A pair's age is the years since the war it fights began (``start`` of the registered war in which the two are on
    opposite sides, the earliest if several; 1 for a pair in no registered war): the model was fitted on the COW war pairs
    by the war's age, a joiner's spell left-truncated at its entry (:mod:`foedus.analysis.war_duration`). Its terms are the
    pair's capability parity, contiguity, major-power status and whether a great power backs its weaker state
    (:func:`major_backed`) this year (``war_end_rate`` the reference war's first-year end probability, ``war_duration_*``
    the coefficients and the shape). Endings are not logged as events (the history has no ``war_end`` kind: a pair's war
    ends when it no longer appears at war).
    """
    p = world.inputs.params
    wi, wj = np.nonzero(world.state.at_war & world.state.at_war_last_year)
    wi, wj = wi[wi < wj], wj[wi < wj]
    if not len(wi):
        return
    y = world.state.year
    flat = kern.wars_flat(world.state.wars)  # the wars under way, flattened once for both terms
    began = kern.pair_began(wi, wj, *flat, y, world.n)  # the earliest war in which the two fight on opposite sides (one compiled pass)
    age = np.maximum(y - began, 1)
    x = {
        "parity": th_rivalry.parity(world.state.power[wi], world.state.power[wj]), "contiguous": world.inputs.contiguous[wi, wj],
        "any_major": world.state.major[wi] | world.state.major[wj], "major_backed": major_backed(world, wi, wj, flat),
    }
    h = th_duration.war_end_probability(age, [x[t] for t in th_duration.DURATION_TERMS], first_year_end=p.war_end_rate, coefficients=p.war_duration_coefficients(), shape=p.war_duration_shape)
    stop = rng.random(len(wi)) < h
    world.state.at_war[wi[stop], wj[stop]] = world.state.at_war[wj[stop], wi[stop]] = False


def major_backed(world: World, wi: np.ndarray, wj: np.ndarray, flat: tuple | None = None) -> np.ndarray:
    """(P,) bool: a great power (``world.state.major``, active) backs the weaker state (lower ``power``) of each pair at war ``(wi, wj)``.

    Its backers are the states on its side of a registered war in which the two fight on opposite sides (Bennett & Stam
    1996 count the sides; the COW record's co-belligerents, :mod:`foedus.analysis.war_duration`) and the members of a
    coalition of the willing in force against an aggression by the stronger state (or a state on its side) on the weaker
    (or a state on its side): the great powers that supply the victim of an invasion (Shirkey 2012 on third parties;
    ours: supply counted as the record counts co-belligerents, which COW codes and supply it does not). The two
    belligerents themselves never count. ``flat``: the wars under way as :func:`foedus.sim.steps.conflict_kernels.wars_flat`
    gives them (computed when not given).
    """
    n = world.n
    weak = np.where(world.state.power[wi] <= world.state.power[wj], wi, wj)
    strong = np.where(weak == wi, wj, wi)
    if flat is None:
        flat = kern.wars_flat(world.state.wars)
    # the states on the weaker state's (the stronger's) side of its wars with the stronger: one compiled pass over the wars
    same, other = kern.backing_sides(weak, strong, flat[0], flat[1], flat[2], n)
    back = same.copy()
    cr, ag = world.state.crises, world.state.agreements
    for c in cr.open():
        slot = cr.coalition[c]
        if cr.kind[c] != "aggression" or slot < 0 or not ag.active[slot] or cr.aggressor[c] < 0 or cr.target[c] < 0:
            continue
        victim_side = (weak == cr.target[c]) | same[:, cr.target[c]]
        aggressor_side = (strong == cr.aggressor[c]) | other[:, cr.aggressor[c]]
        hit = victim_side & aggressor_side
        back[hit] |= ag.members[slot][None, :]
    rows = np.arange(len(wi))
    back[rows, weak] = back[rows, strong] = False
    return (back & (world.state.major & world.state.active)[None, :]).any(axis=1)
