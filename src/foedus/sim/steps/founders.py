"""The further founding members of a new pact (:func:`foedus.sim.steps.formation.form_alliances`' co-founders): joining them
to the treaty the same year, and the explanation of each (kept apart from :mod:`foedus.sim.steps.formation` to keep it
under the house's 600 lines)."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps._common import MOTIVES
from foedus.sim.steps.threat import main_threat_codes, main_threat_of, threat_terms
from foedus.sim.world import World
from foedus.theory import obligations as th_ob

__all__: list[str] = []


def _join_founders(world: World, slots: np.ndarray, founders: list | None) -> list[int]:
    """Add the further founding members ``founders[k][0]`` to the new pact ``slots[k]`` (same year); open those treaties to accession; the positions k."""
    if not founders:
        return []
    ag = world.state.agreements
    extra = [k for k, f in enumerate(founders) if len(f[0])]
    for k in extra:
        ag.join_many(np.full(len(founders[k][0]), slots[k]), founders[k][0], world.state.year, world.state.power)
        ag.admits[slots[k]] = True
    return extra


def _founder_details(world: World, founder, target: np.ndarray) -> list[dict]:
    """The explanation of each further founding member: who, its power, value (by motive and by good), cost and main threat."""
    idx, value, cost, goods, motives = founder
    main = main_threat_codes(world, idx)  # None: no perceived threat
    terms = threat_terms(world, idx, main_threat_of(world, idx))  # what makes it (F5), as the proposer's and partner's
    target = np.append(world.inputs.ccode, -1)[target[idx]]
    return [
        {"ccode": c, "power": pw, "motives": dict(zip(MOTIVES, m)), "utility": v, "cost": k, "main_threat": t, "main_threat_terms": tt, "target": tg, "proposed": False,
         "cofounder": True, "goods": dict(zip(th_ob.GOODS, g))}
        for c, pw, m, v, k, t, tt, tg, g in zip(
            world.inputs.ccode[idx].tolist(), world.state.power[idx].tolist(), motives.tolist(), value.tolist(), cost.tolist(), main, terms,
            target.tolist(), goods.tolist(),
        )
    ]
