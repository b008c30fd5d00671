"""Permanent neutrality in the formation routes (issue 17 item 1): which options a neutral state does not have.

A state whose permanent neutrality is guaranteed by treaty or law (``Actor.neutral``; Karsh 1988) forms
and joins no defence or offence pact while it lasts (:func:`foedus.theory.alignment.neutrality_bars`);
neutrality, non-aggression and consultation pacts stay open to it. The mask is applied where the options
are built: new pacts and their co-founders (:mod:`.formation`, :func:`.alignment._choose`), accessions
(:func:`.alignment._best_accessions`) and multilateral blocs (:mod:`.blocs`). Treaties a neutral state
belongs to when a run starts are facts of the record and stay (Austria in the European Union's
mutual-assistance clause since 2007, ATOP 4175; Costa Rica in the Rio Treaty).

A state long out of alliances by policy (``WorldState.policy_bar``, drawn each year by
:func:`foedus.sim.steps.system.nonalignment_record` from :func:`foedus.theory.nonalignment.policy_inertia`) is kept
out of the same options in the formation routes (:func:`stays_out`), unless its main threat is at war next door
(:func:`foedus.theory.nonalignment.threat_shock`); unlike a permanently neutral state, it may still enter a war.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.system import membership_in
from foedus.sim.world import World
from foedus.theory.nonalignment import threat_shock

__all__ = ["permanently_neutral", "stays_out"]


def permanently_neutral(world: World) -> np.ndarray:
    """(N,) bool: the states permanently neutral in ``world.state.year`` (``world.inputs.neutral_spells``; none when empty)."""
    return membership_in(world.inputs.neutral_spells, world.n, world.state.year)


def stays_out(world: World) -> np.ndarray:
    """(N,) bool: the states that form and join no defence or offence pact this year: the permanently neutral ones and
    those out by policy (``world.state.policy_bar``) whose main threat is not at war next door
    (:func:`foedus.theory.nonalignment.threat_shock`: Russia's war for Finland and Sweden in 2022)."""
    bar = permanently_neutral(world)
    policy = world.state.policy_bar
    if len(policy) and policy.any():
        from foedus.sim.steps.threat import main_threat_of

        shock = threat_shock(main_threat_of(world), world.state.at_war, world.inputs.contiguous, world.inputs.distance_km)
        bar = bar | (policy & ~shock)
    return bar
