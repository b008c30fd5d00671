"""Strategic rivalries begin and end (brief D1, F2): the hazards of :mod:`foedus.theory.rivalry`, each year.

Runs after :mod:`.conflict` so that this year's wars count. Rivalry feeds back on the rest of the
year through perceived intentions (:mod:`.threat`: rivalry is a third of the intentions term) and
the hostility baseline (a new rivalry raises it to ``rivalry_hostility``; an ended one lowers it by
as much), and on the trend step's pairs of rivals (T1).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import rivalry as th


def _upper(world: World) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``i < j`` (kept in the world's cache)."""
    hit = world.cache.get("upper_pairs")
    if hit is None or len(hit[0]) != world.n * (world.n - 1) // 2:
        hit = world.cache["upper_pairs"] = np.triu_indices(world.n, 1)
    return hit


def rivalries(world: World, rng: np.random.Generator) -> None:
    """Rivalries begin and end with their annual hazards; log ``rivalry_onset`` / ``rivalry_end`` with their factors.

    The war memory first takes this year's wars (:func:`foedus.theory.rivalry.war_history`).
    Every pair of system members draws once: a pair not in rivalry becomes one with
    :func:`~foedus.theory.rivalry.rivalry_onset_hazard` of its contiguity, major-power status,
    capability parity, war memory, joint democracy and regime distance; a rivalry ends with
    :func:`~foedus.theory.rivalry.rivalry_termination_hazard` of the same and the power shift
    since it began. Coefficients: ``rivalry_onset_*`` and ``rivalry_end_*`` of
    :class:`~foedus.sim.parameters.Parameters`, estimated on the record (1816–2010).
    """
    p = world.params
    world.war_history = th.war_history(world.war_history, world.at_war, memory=p.war_memory)
    i, j = _upper(world)
    draw = rng.random(len(i))
    live = world.active[i] & world.active[j] & (world.power[i] > 0) & (world.power[j] > 0)
    i, j, draw = i[live], j[live], draw[live]
    if not len(i):
        return
    flat = i * world.n + j  # np.take on the flat arrays: faster than 2-D fancy indexing
    dem = world.regime >= p.democracy_threshold
    x = {
        "contiguous": np.take(world.contiguous, flat),
        "major_pair": world.major[i] & world.major[j],
        "parity": th.parity(world.power[i], world.power[j]),
        "war_history": th.war_term(np.take(world.war_history, flat)),
        "joint_democracy": dem[i] & dem[j],
        "regime_distance": np.abs(world.regime[i] - world.regime[j]),
    }
    rival = np.take(world.rivalry, flat)
    # each hazard on the pairs it applies to: onset on the others, termination on the (few) rivals
    h_on = np.zeros(len(i))
    h_end = np.zeros(len(i))
    on, r = np.flatnonzero(~rival), np.flatnonzero(rival)
    h_on[on] = th.rivalry_onset_hazard(*(x[t][on] for t in th.ONSET_TERMS), intercept=p.rivalry_onset_intercept, coefficients=p.rivalry_onset_coefficients())
    x["power_shift"] = np.zeros(len(i))
    if len(r):
        x["power_shift"][r] = th.power_shift(world.power[i[r]], world.power[j[r]], world.rivalry_balance0[i[r], j[r]])
        h_end[r] = th.rivalry_termination_hazard(*(x[t][r] for t in th.TERMINATION_TERMS), intercept=p.rivalry_end_intercept, coefficients=p.rivalry_end_coefficients())
    begin = on[draw[on] < h_on[on]]
    end = r[draw[r] < h_end[r]]
    if len(begin) or len(end):
        _apply(world, i, j, begin, end, x, h_on, h_end)


def _apply(world: World, i: np.ndarray, j: np.ndarray, begin: np.ndarray, end: np.ndarray, x: dict, h_on: np.ndarray, h_end: np.ndarray) -> None:
    """Start the rivalries ``begin`` and end the rivalries ``end`` (positions in ``i``, ``j``), and log them."""
    p = world.params
    y = world.year
    for k, kind, h, terms in ((begin, "rivalry_onset", h_on, th.ONSET_TERMS), (end, "rivalry_end", h_end, th.TERMINATION_TERMS)):
        if not len(k):
            continue
        a, b = i[k], j[k]
        starting = kind == "rivalry_onset"
        world.rivalry[a, b] = world.rivalry[b, a] = starting
        base = world.hostility_base[a, b]
        new = np.maximum(base, p.rivalry_hostility) if starting else np.maximum(base - p.rivalry_hostility, 0.0)
        world.hostility_base[a, b] = world.hostility_base[b, a] = new
        if starting:
            ratio = th.log_ratio(world.power[a], world.power[b])
            world.rivalry_balance0[a, b], world.rivalry_balance0[b, a] = ratio, -ratio
        details = None
        if world.explain:
            cols = {t: x[t][k].tolist() for t in terms}
            hz = h[k].tolist()
            details = [{"cause": "hazard", "factors": {"hazard": hz[m], **{t: cols[t][m] for t in terms}}} for m in range(len(k))]
        world.log.events(y, kind, -1, world.ccode[a], world.ccode[b], details)
    world.cache.pop("rival_pairs", None)  # the trend step's pairs of rivals and majors (T1)
