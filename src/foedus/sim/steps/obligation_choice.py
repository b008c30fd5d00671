"""What the preconditions of each obligation leave of its value this year (mix12; issue 17 item 1, issue 12).

The goods of :func:`foedus.theory.obligations.obligation_goods` are what a pledge would be worth
if it could be carried out; some pledges can be carried out only by some pairs. This module
applies those preconditions, one theory function each, between the year's goods and the pair's
choice of obligation in :mod:`.alignment`.

- :func:`offence_capacity`: an offence pledge (joint action against a third state) is a compellent
  commitment, and only a pair with a great power among it can carry one out
  (:func:`foedus.theory.offence.compellent_capacity`; Levy 1983, Snyder 1997, Benson 2011), against a
  target both partners hold as theirs (:func:`foedus.theory.offence.common_target`; Snyder 1997, Leeds 2003:
  one treaty, one adversary; pacts16, issue 17 item 1).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps import year_goods
from foedus.sim.world import World
from foedus.theory import offence as th_offence


def offence_capacity(world: World, value: np.ndarray | None) -> np.ndarray | None:
    """``value`` (N, N) of an offence pledge (aggrandisement) with its preconditions applied.

    :func:`foedus.theory.offence.compellent_capacity` of this year's great powers (``world.state.major``
    of the states in the system) at the strength ``offence_great_power_strength`` (0 leaves that
    precondition off), and :func:`foedus.theory.offence.common_target` of this year's targets
    (:func:`.year_goods.offence_target`): a pair whose targets differ has no war to wage together
    (pacts16: China and Austria-Hungary's offence pact of 1913 in the record-built 1900 run, seed 1,
    China's target Russia and Austria-Hungary's France). None stays None.
    """
    if value is None:
        return value
    check = world.inputs.check
    value = th_offence.common_target(value, year_goods.offence_target(world), check=check)
    s = world.inputs.params.offence_great_power_strength
    if s == 0:
        return value
    major = world.state.major & world.state.active
    return th_offence.compellent_capacity(value, major, strength=s, check=check)
