"""The call to arms of an attacked state's allies: when the casus foederis arises and what weighs on honouring it (call20).

:func:`foedus.sim.steps.conflict.call_allies` draws the call; this module holds its two published corrections:

- the casus foederis of a defence pact is the partner's being attacked (Leeds, Long & Mitchell 2000; Leeds 2003 measures
  reliability among the allies whose casus arose), so the ally's reach to the war no longer decides whether it is called
  (``casus_reach_gate``, 1 the form until 2026-12) but enters its honouring as a term of the log-odds
  (:func:`foedus.theory.war_onset.reach_honour`, ``honour_reach_weight``): opportunity raises the chance of joining
  (Siverson & Starr 1991);
- the great powers' restraint on honouring: the onset's major-major term no longer applies to a great power called against
  a great power (``honour_joint_major_restraint``, 0 by default; the record's great powers called against a great power
  fought in 22 of 26 cases in sample), Leeds's (2003) major-power term of the honouring stays; the record places the great
  powers' abstention on a minor attacker (0 of 14 in sample), a term available as ``honour_minor_attacker_restraint``
  (:func:`foedus.theory.war_restraint.minor_attacker_restraint`), 0 by default (see its parameter).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.world import World
from foedus.theory import war_onset as th_onset
from foedus.theory import war_restraint as th_restraint

__all__ = ["casus_probability", "honour_terms", "joint_major_called"]


def casus_probability(world: World, reach: np.ndarray) -> np.ndarray:
    """Probability that each bound ally's casus foederis arises: ``1 - g (1 - reach)``, ``g`` the parameter ``casus_reach_gate``."""
    g = world.inputs.params.casus_reach_gate
    c = th_onset.casus_arises(reach, check=world.inputs.check)
    return c if g == 1.0 else 1.0 - g * (1.0 - c)  # (at 1 the reach itself, to the bit: the form until 2026-12)


def honour_terms(world: World, probability: np.ndarray, allies: np.ndarray, enemy: np.ndarray, reach: np.ndarray, num: np.ndarray,
                 partner: np.ndarray | None = None) -> tuple[np.ndarray, list[dict]]:
    """The called ``allies``' probabilities of honouring against ``enemy`` with the reach term, the minor-attacker restraint and,
    where the ally and the ``partner`` it is bound to are strategic rivals, ``rival_partner_honour_kept`` of it
    (:func:`foedus.theory.war_restraint.rival_partner_honour`); their factors.

    ``num`` is each ally's war side (2: called to defend the target, so ``enemy`` is the attacker; 1: an offence ally of
    the attacker). The minor-attacker restraint concerns defence calls only, as the record it is estimated on.

    Returns the new probabilities and, per ally, the factors that moved them (``honour_reach_weight`` where the weight is
    not 0, ``minor_attacker_restraint`` where the term applies, ``partner_is_rival`` where the rivalry term applies,
    ``casus_foederis_probability`` as drawn).
    """
    p = world.inputs.params
    ph = th_onset.reach_honour(probability, reach, p.honour_reach_weight, check=world.inputs.check) if p.honour_reach_weight else probability
    major = world.state.major
    defends = np.asarray(num) == 2
    minor_att = major[allies] & ~major[enemy] & defends & (p.honour_minor_attacker_restraint != 0.0)
    ph = th_restraint.minor_attacker_restraint(ph, minor_att, False, p.honour_minor_attacker_restraint, check=world.inputs.check)
    rival = np.zeros(len(ph), bool)
    if partner is not None and p.rival_partner_honour_kept != 1.0:  # a strategic rival of the partner does not defend it
        rival = world.state.rivalry[allies, partner] > 0
        ph = th_restraint.rival_partner_honour(ph, rival, p.rival_partner_honour_kept, check=world.inputs.check)
    casus = casus_probability(world, reach)
    factors = [
        {"casus_foederis_probability": float(c), **({"honour_reach_weight": float(p.honour_reach_weight)} if p.honour_reach_weight else {}),
         **({"minor_attacker_restraint": float(p.honour_minor_attacker_restraint)} if m else {}),
         **({"partner_is_rival": True, "rival_partner_honour_kept": float(p.rival_partner_honour_kept)} if r else {})}
        for c, m, r in zip(casus, minor_att, rival)
    ]
    return ph, factors


def joint_major_called(world: World, allies: np.ndarray, enemy: np.ndarray) -> tuple[np.ndarray, float]:
    """Which called ``allies`` carry the onset's major-major term on honouring, and its coefficient (``honour_joint_major_restraint`` of it)."""
    p = world.inputs.params
    coef = p.honour_joint_major_restraint * p.war_onset_joint_major
    return world.state.major[allies] & world.state.major[enemy] & (coef != 0.0), float(coef)
