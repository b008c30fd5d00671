"""The year's alignment utilities, aggrandisement and isolation, computed once for the blocs and alignment steps (issue 16).

Both :mod:`.blocs` and :mod:`.alignment` value pledges with
:func:`foedus.theory.alignment.alignment_utilities`, :func:`foedus.theory.offence.aggrandisement` and
:func:`foedus.theory.offence.isolation` of the same inputs; these accessors call the theory functions
through the world's :class:`~foedus.sim.yearcache.YearCache` (``world.year_cache``), which returns an
earlier result of the year only when every input is the same to the bit. The arrays returned are
read-only (the steps read them; ``* discount`` and the like make new arrays).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import alignment as th_align
from foedus.theory import offence as th_offence

__all__ = ["aggrandisement", "isolation", "utilities"]


def utilities(world: World) -> tuple[np.ndarray, np.ndarray]:
    """``(U, total)`` of :func:`foedus.theory.alignment.alignment_utilities` for this year's world (the motives (4, N, N) and their sum)."""
    p = world.inputs.params
    res = world.results
    weights = (p.weakness_threshold, p.balance_power_weight, p.balance_threat_weight, p.bandwagon_weight, p.tether_weight)

    def compute():
        return th_align.alignment_utilities(
            world.state.power, res.threat, world.state.hostility, weakness_threshold=p.weakness_threshold, balance_power_weight=p.balance_power_weight,
            balance_threat_weight=p.balance_threat_weight, bandwagon_weight=p.bandwagon_weight, tether_weight=p.tether_weight,
            shared_global=res.shared_global, reach=res.reach, return_total=True, check=world.inputs.check,
        )

    return world.year_cache.get(
        world.state.year, "alignment_utilities", compute, power=world.state.power, threat=res.threat, hostility=world.state.hostility, shared_global=res.shared_global,
        reach=res.reach, weights=weights, check=world.inputs.check,
    )


def aggrandisement(world: World) -> np.ndarray:
    """:func:`foedus.theory.offence.aggrandisement` of this year's hostility and reach (N, N)."""
    res = world.results

    def compute():
        return th_offence.aggrandisement(world.state.hostility, res.reach, check=world.inputs.check)

    return world.year_cache.get(world.state.year, "aggrandisement", compute, hostility=world.state.hostility, reach=res.reach, check=world.inputs.check)


def isolation(world: World, defends: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.offence.isolation` of this year's hostility and reach, with ``defends`` (N, N) bool: who is pledged to defend whom."""
    res = world.results

    def compute():
        return th_offence.isolation(world.state.hostility, res.reach, defends=defends, check=world.inputs.check)

    return world.year_cache.get(world.state.year, "isolation", compute, hostility=world.state.hostility, reach=res.reach, defends=defends, check=world.inputs.check)
