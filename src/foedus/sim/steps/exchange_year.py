"""Morrow's exchange terms of the year, built once for the blocs and alignment steps (issue 16, speed).

Both steps cost their pledges with :class:`~.formation.ExchangeTerms` of the same capabilities, threats and reach;
:func:`exchange_terms` builds it once a year through :attr:`foedus.sim.world.World.year_cache`, which gives back the
year's earlier terms only when every input is the same to the bit (``tests/sim/test_year_terms.py``).
"""

from __future__ import annotations

from foedus.sim.steps import formation
from foedus.sim.world import World

__all__ = ["exchange_terms"]


def exchange_terms(world: World) -> formation.ExchangeTerms:
    """This year's :class:`~.formation.ExchangeTerms`, built once for the blocs and alignment steps (issue 16; read-only arrays).

    The cached bargain of Morrow's exchange is brought up to date first (:func:`~.formation.refresh_autonomy`, as each
    :class:`~.formation.ExchangeTerms` did); the terms are then a function of that bargain, the capabilities, threats, reach and
    parameters alone, and :attr:`foedus.sim.world.World.year_cache` gives back the year's earlier terms only when all of
    these are the same to the bit. The share of each partner's concessions a state counts (:func:`~.concessions.concession_reach`,
    which values the bargain) is one of these inputs too, so the terms are given back in a later year when every input is the same
    (``across_years``: in a world whose capabilities, threats and reach stand still; issue 16).
    """
    p = world.inputs.params
    bargain = formation.refresh_autonomy(world) if p.autonomy_weight != 0 else ()
    reach_c = formation.concession_reach(world) if p.autonomy_weight != 0 else None  # the valuation's other input (pair_autonomy_terms)

    def compute():
        out = formation.ExchangeTerms(world)
        out.autonomy.flags.writeable = out.log1p_autonomy.flags.writeable = out.burden.flags.writeable = False
        return out

    return world.year_cache.get(
        world.state.year, "exchange_terms", compute, across_years=True, power=world.state.power, threat=world.results.threat, reach=world.results.reach,
        params=p, check=world.inputs.check, reach_share=reach_c, **{f"bargain{k}": a for k, a in enumerate(bargain)},
    )
