"""How much of each agreement's founding threat is gone (:func:`founding_threat_lapse`), for the politics step.

Split from :mod:`foedus.sim.steps.politics` (which re-exports it) when that module passed 600 lines; the same code. The
formulas are :mod:`foedus.theory.founding`'s (re-exported by :mod:`foedus.theory.persistence`).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.agreements import TARGET_GONE, TARGET_NONE, TARGET_UNSET
from foedus.sim.steps.politics_kernels import target_lapse_year
from foedus.sim.world import World
from foedus.theory import persistence as th_persistence


def founding_threat_lapse(world: World, slots: np.ndarray, size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How much of each agreement's founding threat is gone (:func:`foedus.theory.persistence.threat_lapse`), and that threat now.

    A pact without a target yet (formed this year, or in force at the start without an adversary
    named in its text) takes its members' common main threat now as the one it was written
    against (:func:`foedus.theory.persistence.founding_threat`: a threat every member faces, else its weakest
    member's main threat; of a treaty the run inherits, the common threat of its signatories still in it,
    :func:`foedus.theory.persistence.founding_members`, its level measured over all its members, and none where no outsider
    threatens every signatory nor the weakest of them: the largest mean threat is then one member's, not the treaty's, and
    its fluctuations no change of the circumstances of signing, ``mean_fallback``; Leeds & Savun 2007) if it pledges defence or offence (a pact of
    neutrality, non-aggression or consultation alone has none unless its text names one:
    :func:`foedus.theory.persistence.has_third_party_purpose`); a target named by the scenario
    (ATOP ``statthr1``/``statthr2``) is measured now, against, for a treaty signed before that first measure (one the
    run inherits), at least its members' common main threat now (:func:`foedus.theory.persistence.named_threat_at_signing`;
    Walt 1987, 1997: the Quadruple Alliance of 1815 against a France defeated by 1816 has mostly lapsed when a run from
    1816 begins). ``target_threat_start`` is set then, once.
    A named adversary not in the world, or one that poses the members no threat when first
    measured, has gone (lapse 1); a pact whose members feared no outsider has no threat to lose
    (lapse 0). Returns (A,) arrays: the lapse and the target's mean threat to the members now
    (NaN without a target).
    """
    ag = world.state.agreements
    threat = world.results.threat
    unset = ag.target[slots] == TARGET_UNSET
    if unset.any():
        new = slots[unset]
        m = ag.members[new]
        # the common threat of its signatories still in it (a pact formed this year: all its members; Walt 1987)
        signed = th_persistence.founding_members(m, ag.entry_year[new], ag.start_year[new])
        # a treaty signed before the run (its circumstances at signature unobserved) whose signatories share no threat and
        # whose weakest signatory faces none has no identifiable founding threat: not one member's main threat (Leeds & Savun 2007)
        observed = ag.start_year[new] >= world.state.year
        target, level = th_persistence.founding_threat(signed, threat, world.state.power, mean_fallback=observed, check=world.inputs.check)
        later = np.flatnonzero((signed != m).any(axis=1) & (target >= 0))  # members joined since: the level is measured over all
        if len(later):
            t_ = target[later]
            level[later] = (m[later] * threat[:, t_].T).sum(axis=1) / np.maximum(m[later].sum(axis=1), 1)
            target[later] = np.where(level[later] > 0, t_, -1)
            level[later] = np.where(level[later] > 0, level[later], 0.0)
        # a pact of neutrality, non-aggression or consultation regulates its members' own relation: no third-party threat
        target = np.where(th_persistence.has_third_party_purpose(ag.obligations[new]), target, -1)
        ag.target[new] = np.where(target >= 0, target, TARGET_NONE)
        ag.target_threat_start[new] = np.where(target >= 0, level, 0.0)
    if not world.inputs.check:  # a year without a first measurement: one compiled pass (politics_kernels.target_lapse_year)
        now, lapse = np.empty(len(slots)), np.empty(len(slots))
        if target_lapse_year(ag.members, np.ascontiguousarray(slots, dtype=np.int64), ag.target, threat, np.asarray(size, dtype=float),
                             ag.target_threat_start, TARGET_GONE, now, lapse):
            return lapse, now
    tgt = ag.target[slots]
    has = tgt >= 0
    # the named target's mean threat to the members, for the pacts that have one (row by row: the same sums as over every pact)
    now = np.full(len(slots), np.nan)
    named = np.flatnonzero(has)
    if len(named):
        now[named] = (ag.members[slots[named]] * threat[:, tgt[named]].T).sum(axis=1) / np.maximum(size[named], 1.0)
    first = has & np.isnan(ag.target_threat_start[slots])  # a named target, measured for the first time
    if first.any():
        ref0 = now[first]
        # signed before it is first measured (a treaty the run inherits): its adversary threatened the members then at least as
        # much as their common main threat does now (Walt 1987; th_persistence.named_threat_at_signing)
        before = ag.start_year[slots[first]] < world.state.year
        if before.any():
            rows = slots[first][before]
            _, common = th_persistence.founding_threat(ag.members[rows], threat, world.state.power, check=world.inputs.check)
            ref0[before] = th_persistence.named_threat_at_signing(ref0[before], common, check=world.inputs.check)
        ag.target_threat_start[slots[first]] = ref0
    gone_now = has & ~(ag.target_threat_start[slots] > 0)  # named, but no threat to the members when first measured
    if gone_now.any():
        ag.target[slots[gone_now]] = TARGET_GONE
        tgt = ag.target[slots]
        has = tgt >= 0
    ref = np.where(has, ag.target_threat_start[slots], np.nan)
    lapse = th_persistence.threat_lapse(np.where(has, now, 0.0), ref, check=world.inputs.check)
    return np.where(tgt == TARGET_GONE, 1.0, lapse), np.where(has, now, np.nan)


def adversary_gone(world: World, slots: np.ndarray) -> np.ndarray:
    """(len(slots),) bool: the adversary each agreement of ``slots`` was written against has left the system (``target``
    :data:`~foedus.sim.agreements.TARGET_GONE`, or a state no longer active): the pledges the reassurance of pledges
    (:func:`.threat.alliance_reassurance`) and the alignment of the blocs step (:mod:`.blocs_alignment`) read as lapsed."""
    target = world.state.agreements.target[slots]
    return (target == TARGET_GONE) | ((target >= 0) & ~world.state.active[np.maximum(target, 0)])
