"""Permanent neutrality in the formation routes (issue 17 item 1): which options a neutral state does not have.

A state whose permanent neutrality is guaranteed by treaty or law (``Actor.neutral``; Karsh 1988) forms
and joins no defence or offence pact while it lasts (:func:`foedus.theory.alignment.neutrality_bars`);
neutrality, non-aggression and consultation pacts stay open to it. The mask is applied where the options
are built: new pacts and their co-founders (:mod:`.formation`, :func:`.alignment._choose`), accessions
(:func:`.alignment._best_accessions`) and multilateral blocs (:mod:`.blocs`). Treaties a neutral state
belongs to when a run starts are facts of the record and stay (Austria in the European Union's
mutual-assistance clause since 2007, ATOP 4175; Costa Rica in the Rio Treaty).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.system import membership_in
from foedus.sim.world import World

__all__ = ["permanently_neutral"]


def permanently_neutral(world: World) -> np.ndarray:
    """(N,) bool: the states permanently neutral in ``world.state.year`` (``world.inputs.neutral_spells``; none when empty)."""
    return membership_in(world.inputs.neutral_spells, world.n, world.state.year)
