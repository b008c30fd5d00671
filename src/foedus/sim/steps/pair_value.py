"""The value of a pair's new pact as both sides bargain over it (issues 12, 17; brief P1).

:func:`shared_reassurance` makes the reassurance good of a pact of mutual non-aggression pledges one bargain
(:func:`foedus.theory.alignment.shared_pledge_value`, Nash 1950 and Morrow 1991): the side that gains more from the
other's pledge pays for it, so a strong state signs a treaty of friendship with the weak neighbour it reassures. It is a
term of :func:`foedus.sim.steps.formation.credible_goods`, so every choice that weighs the goods (new pacts, accessions,
the members' votes, exits) sees the same values.

Off by default (``reassurance_transfer_share`` 0), chosen on the in-sample eras (record-built runs, seeds 1-3,
``foedus validate``; wave12): in-sample facts in range 31 of 38 at 0, 30 at 0.02 (1816-1914 alliances in force at the
end 0.237, bound 0.256), 29 at 0.03, 28 at 0.05, 21 at 0.5; 1946-1989 formation per state-year 0.032 at 0, 0.033 at
0.02, 0.047 at 0.03, 0.049 at 0.05, 0.071 at 0.5 (ATOP 0.046), its defence pacts 0.015, 0.016, 0.008, 0.007, 0.005
(bound 0.012). The transfer is a switch, not a rate: a small state's reassurance from a great power in reach saturates
at ``reassurance_weight`` (:math:`\rho` of :func:`foedus.theory.obligations.obligation_goods` near 1), so above a
share of about 0.021 (the non-aggression pact's cost, about 0.064, over 3) every strong state signs with every weak one
whose concessions it can use, and non-aggression pacts crowd out defence pacts. Its out-of-sample effect at 0.03
(report only): 1990-2018 formation 0.0134 -> 0.0245 per state-year (ATOP 0.057), non-aggression 0.0073 -> 0.0176
(ATOP 0.034), alliances in force at the end 0.57 -> 0.85 per state (ATOP 1.91).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory.alignment import shared_pledge_value

__all__ = ["shared_reassurance"]


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
