"""Step 1a, regime transitions: a state's regime changes by a jump, as the record's do (Gates et al. 2006; Przeworski et al. 2000).

Each active state draws, from the run's generator, a transition with :func:`foedus.theory.regime_transition.transition_hazard`
of its democracy score, its income per head and whether it fights a stronger enemy; a transition moves its score by
the record's move of that score at a transition (``regime_transition_score_move``), up (to at most
``regime_transition_ceiling``) or down (:func:`foedus.theory.regime_transition.up_probability`), and records the
transition at Polity's size (``WorldState.regime_transition_gap`` = ``regime_transition_size``, fading by
``regime_memory`` a year). The rest follows from the rules already in place: alliance politics reads that gap as a
regime change that may end the state's treaties (Leeds & Savun 2007; :func:`foedus.theory.abrogation.regime_abrogation`),
and the rivalry step the score's own move against its memory as a political shock (Goertz & Diehl 1995; its coefficient
was fitted on that score's moves, so it is not given Polity's size).
Each transition is an event of kind ``regime_transition`` with its factors.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import regime_transition as th

__all__ = ["regime_transitions"]


def regime_transitions(world: World, rng: np.random.Generator) -> None:
    """Draw this year's regime transitions (:mod:`foedus.theory.regime_transition`) and move the regimes that change.

    A state is losing a war (``regime_war_ratio``; Bueno de Mesquita, Siverson & Woller 1992) when it is at war with a state
    of greater capability share (``power``); its income per head is ``economy / population`` (US$ a head; unknown without a
    population). One uniform draw per state, every year, whatever the hazards (the generator's stream does not depend on them).
    """
    p = world.inputs.params
    s = world.state
    n = world.n
    if n == 0:
        return
    if s.regime_transition_gap.shape != (n,):
        s.regime_transition_gap = np.zeros(n)
    s.regime_transition_gap *= p.regime_memory  # last years' transitions fade as the memory of the regime takes them in
    draw = rng.random(n)
    pop = np.asarray(world.inputs.population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        income = np.where(pop > 0, s.economy / np.where(pop > 0, pop, 1.0), np.nan)
    losing = (s.at_war & (s.power[None, :] > s.power[:, None])).any(axis=1) if s.at_war.shape == (n, n) else np.zeros(n, bool)
    kw = {"anocracy_from": p.regime_anocracy_from, "democracy_from": p.regime_democracy_from}
    regime = np.clip(s.regime, 0.0, 1.0)
    h = th.transition_hazard(regime, income, losing, rates=(p.regime_transition_autocracy, p.regime_transition_anocracy, p.regime_transition_democracy),
                             consolidation_income=p.regime_consolidation_income, war_ratio=p.regime_war_ratio, check=world.inputs.check, **kw)
    hit = np.flatnonzero(s.active & (draw < h))
    if not len(hit):
        return
    kind = th.regime_type(regime[hit], check=False, **kw)
    up_p = th.up_probability(kind, (p.regime_up_autocracy, p.regime_up_anocracy, p.regime_up_democracy))
    up = rng.random(len(hit)) < up_p
    before = s.regime[hit].copy()
    s.regime[hit] = th.transition_jump(regime[hit], up, size=p.regime_transition_score_move, ceiling=p.regime_transition_ceiling)
    # alliance politics reads a recent transition at Polity's size (its threshold is Polity's REGTRANS, 3 of 20 points)
    s.regime_transition_gap[hit] = p.regime_transition_size
    _log(world, hit, before, kind, up, h[hit], income[hit], losing[hit])


def _log(world: World, hit, before, kind, up, hazard, income, losing) -> None:
    """One ``regime_transition`` event per state whose regime changed, with the terms that drew it."""
    y, s = world.state.year, world.state
    types = th.REGIME_TYPES
    after_kind = th.regime_type(np.clip(s.regime[hit], 0, 1), anocracy_from=world.inputs.params.regime_anocracy_from,
                                democracy_from=world.inputs.params.regime_democracy_from, check=False)
    details = []
    for k, i in enumerate(hit):
        name = world.inputs.names[i] if i < len(world.inputs.names) else str(world.inputs.ccode[i])
        details.append({
            "cause": "regime transition",
            "description": f"regime transition in {name}: {types[kind[k]]} to {types[after_kind[k]]}",
            "factors": {
                "regime_before": round(float(before[k]), 4), "regime_after": round(float(s.regime[i]), 4),
                "regime_type": types[kind[k]], "direction": "opening" if up[k] else "closing",
                "hazard": round(float(hazard[k]), 5), "losing_war": bool(losing[k]),
                "income_per_head": None if not np.isfinite(income[k]) else round(float(income[k]), 1),
            },
        })
    world.log.events(y, "regime_transition", -1, world.inputs.ccode[hit], -1, details)
