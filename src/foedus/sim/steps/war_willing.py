"""Whether a war drawn for a pair begins, and which side begins it: third parties restrain, the side that expects to prevail begins (onset20).

The onset hazard (:func:`foedus.sim.steps.conflict.onset_hazards`) is fitted on the wars the record's pairs began, which had
passed their initiators' calculus of the two states' own capabilities. Before onset20 the step drew the initiator first
(Bremer's paired comparison) and let the war go ahead with that initiator's odds of prevailing, the allies counted, and a
uniform offset on the hazard (``war_onset_victory_offset`` 0.5) made up the restrained share on average: a lopsided pair whose
stronger side is the likely initiator (China and Taiwan, 1990), restrained by nothing, fought at 1.65 times the record's
hazard. Here the pair begins its wars in the proportion its initiators' odds with the allies counted bear to their odds
alone (:func:`foedus.theory.expected_victory.alliance_restraint`; Bueno de Mesquita 1981, Leeds 2003), capped at 1, and
the initiator is drawn by Bremer's comparison weighted by each side's odds with its allies.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from foedus.sim.steps.war_entry import reach_of
from foedus.sim.world import World
from foedus.theory import expected_victory as th_ev
from foedus.theory import war_onset as th_onset


def willing_initiators(
    world: World, rng: np.random.Generator, i: np.ndarray, j: np.ndarray, victory: Callable[[World, np.ndarray, np.ndarray], np.ndarray],
) -> tuple[np.ndarray, np.ndarray, list[dict], np.ndarray, np.ndarray]:
    """Initiators and targets of the wars drawn for the pairs ``(i, j)``, each choice's factors, the initiators' odds of prevailing, and the share begun.

    ``victory(world, att, tgt)`` is each would-be initiator's probability of prevailing, its allies and the target's counted
    (:func:`foedus.sim.steps.conflict.expected_victory`); alone it is its capability arriving at the target over both
    (:func:`foedus.theory.expected_victory.victory_probability` without third parties). Each side's willingness is its
    :func:`~foedus.theory.expected_victory.expected_victory_restraint` raised to ``war_onset_expected_victory``. Returns
    ``att, tgt``, the factor dicts (the initiator-minus-target terms, ``initiator_probability`` the chosen side's
    probability of being the initiator given the war, ``alliance_restraint`` the share of the pair's wars its third parties
    leave to begin), ``p_win`` (the initiator's odds, allies counted) and that share, in the order of the pairs.
    """
    p = world.inputs.params
    ck = world.inputs.check
    dem = world.state.regime >= p.democracy_threshold
    tiny = np.finfo(float).tiny  # a numerical guard only: a state in a dispute may have no capability left
    power, major, c = world.state.power, world.state.major, world.state.cinc
    x = th_onset.initiation_terms(np.maximum(power[i], tiny), np.maximum(power[j], tiny), major[i], major[j], dem[i], dem[j])
    pi = th_onset.initiation_probability(*(x[t] for t in th_onset.INITIATION_TERMS), coefficients=p.initiation_coefficients())
    e = p.war_onset_expected_victory

    def willing(v: np.ndarray) -> np.ndarray:
        return th_ev.expected_victory_restraint(v, check=ck) ** e

    v_i, v_j = victory(world, i, j), victory(world, j, i)
    a_i = th_ev.victory_probability(c[i] * reach_of(world, i, j), c[j], check=ck)
    a_j = th_ev.victory_probability(c[j] * reach_of(world, j, i), c[i], check=ck)
    go, first_p = th_ev.alliance_restraint(willing(v_i), willing(v_j), willing(a_i), willing(a_j), pi, check=ck)
    first = rng.random(len(i)) < first_p
    sign = np.where(first, 1.0, -1.0)
    chosen = np.where(first, first_p, 1.0 - first_p)
    factors = [
        {**{f"initiator_minus_target_{t}": float(sg * x[t][q]) for t in th_onset.INITIATION_TERMS}, "initiator_probability": float(ch), "alliance_restraint": float(g)}
        for q, (sg, ch, g) in enumerate(zip(sign, chosen, go))
    ]
    return np.where(first, i, j), np.where(first, j, i), factors, np.where(first, v_i, v_j), go
