"""Compiled passes of the conflict step (:mod:`foedus.sim.steps.conflict`): the same booleans, without numpy's temporaries.

Every year the war-onset pass screens every pair of states (some 18,000 in a world of 190) for
the pairs at risk, and every war under way is checked for a pair across its sides still at war
(twice a year). numpy did the screen in a dozen passes over pair arrays and the check with
``np.ix_`` over a dict's generator; the kernels here do each in one loop. They evaluate one
model formula, :func:`foedus.theory.war_onset.politically_relevant` (contiguous, or with a major
power, or rivals), as its boolean or; ``tests/sim/test_conflict_kernels.py`` proves each kernel
equal to the numpy code it replaces and to that theory function.

- :func:`onset_live`: which pairs ``(i, j)`` may begin a war this year (both active with
  capability, not at war, politically relevant);
- :func:`onset_at_stake`: :func:`onset_live` and :func:`foedus.theory.war_onset.issue_at_stake` (a rivalry, a war
  fought, hostility at least the floor) in the same pass: the pairs that may begin a war this year;
- :func:`dispute_pairs`: :func:`foedus.theory.war.dispute_probability` of every pair and the pairs ``i < j`` not allied whose
  draw falls below it (the disputes of the year), in one pass instead of a handful of (N, N) temporaries;
- :func:`unwritten_pacts`: the pacts formed in the run whose written conditions the conflict step has yet to draw;
- :func:`under_way`: whether some state on side 1 of a war is at war with some state on side 2 (:func:`under_way_all`: of
  every war at once);
- :func:`casus_foederis`: :func:`foedus.theory.war.casus_foederis` (with :func:`foedus.theory.war.conditions_met`) in one
  pass over the pacts and states, for the call to arms' waves (:func:`foedus.sim.steps.conflict.call_allies`), the theory's
  (S, N) boolean masks, maxima and first argmaxima without temporaries (``tests/sim/test_conflict_kernels.py`` holds it to
  the theory function to the bit);
- :func:`pair_began`, :func:`backing_sides`: the terms of :mod:`foedus.sim.steps.war_endings` that read the registered wars
  (the first year of the war a pair fights, the states on each side of its wars), over every war in one pass instead of
  ``np.ix_`` blocks and (K, N) masks war by war (issue 16).

:func:`onset_screen` and :func:`disputes` are the step's calls of :func:`onset_at_stake` and :func:`dispute_pairs`, with the
numpy code and the theory functions where an input is one the theory refuses (they say why).

The wars enter the kernels flattened (:func:`wars_flat`): their states and sides one after the other, with offsets.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.theory import war as th_war
from foedus.theory import war_onset as th_onset

__all__ = ["backing_sides", "casus_foederis", "dispute_pairs", "disputes", "onset_at_stake", "onset_hazard_of", "onset_hazards", "onset_live", "onset_screen", "pair_began", "under_way", "under_way_all", "unwritten_pacts", "war_sides", "wars_flat"]


@njit(cache=True)
def onset_live(i, j, active, power, at_war, contiguous, major, rivalry):  # pragma: no cover (compiled)
    """(P,) bool: pair ``(i[p], j[p])`` both active with ``power > 0``, not at war, and politically relevant.

    :func:`foedus.theory.war_onset.politically_relevant` of ``contiguous[i, j]``, ``major[i] | major[j]``
    and ``rivalry[i, j]`` (each as a boolean: non-zero)."""
    out = np.zeros(len(i), np.bool_)
    for p in range(len(i)):
        a, b = i[p], j[p]
        out[p] = _live(active[a], active[b], power[a], power[b], at_war[a, b], contiguous[a, b], major[a], major[b], rivalry[a, b])
    return out


@njit(cache=True, inline="always")
def _live(active_a, active_b, power_a, power_b, at_war, contiguous, major_a, major_b, rivalry):  # pragma: no cover (compiled)
    """Whether pair (a, b) is live for an onset: both active with ``power > 0``, not at war, politically relevant.

    Given the pair's values, not the arrays: a helper handed arrays costs their reference counts at every call, even
    inlined (issue 16: the screen of the 19,900 pairs of 200 states took 0.6 ms a year so, 0.04 ms with scalars)."""
    if not (active_a and active_b and power_a > 0 and power_b > 0):
        return False
    if at_war:
        return False
    return (contiguous != 0) or major_a or major_b or (rivalry != 0)


@njit(cache=True)
def onset_at_stake(i, j, active, power, at_war, contiguous, major, rivalry, memory, has_memory, hostility, floor):  # pragma: no cover (compiled)
    """(Q,) intp, clean: the indices ``p`` of the pairs of :func:`onset_live` with an issue at stake, in order.

    :func:`foedus.theory.war_onset.issue_at_stake` of ``rivalry[i, j]`` (non-zero), the war memory ``memory[i, j]`` (0 without
    ``has_memory``) and ``hostility[i, j]`` at ``floor``. ``clean`` is False where a live pair's hostility or memory is negative
    or not finite (the theory function, which would refuse it, must then say why): the indices are then incomplete.
    """
    out = np.empty(len(i), np.intp)
    q = 0
    for p in range(len(i)):
        a = i[p]
        b = j[p]
        if not _live(active[a], active[b], power[a], power[b], at_war[a, b], contiguous[a, b], major[a], major[b], rivalry[a, b]):
            continue
        h = hostility[a, b]
        m = memory[a, b] if has_memory else 0.0
        if not (np.isfinite(h) and h >= 0.0 and np.isfinite(m) and m >= 0.0):
            return out[:q], False
        if (rivalry[a, b] != 0) or m > 0 or h >= floor:
            out[q] = p
            q += 1
    return out[:q], True


@njit(cache=True)
def unwritten_pacts(active, agreement_id, kind, domain, war_conditions, obligations, k, first_id, coalition, security, written, col_def, col_off):  # pragma: no cover (compiled)
    """(M,) intp: the slots below ``k`` in force, formed in the run (``agreement_id >= first_id``), security agreements other
    than coalitions, with a defence or offence obligation and no ``written`` bit in their ``war_conditions``."""
    out = np.empty(k, np.intp)
    q = 0
    for s in range(k):
        if (active[s] and agreement_id[s] >= first_id and kind[s] != coalition and domain[s] == security
                and (war_conditions[s] & written) == 0 and (obligations[s, col_def] or obligations[s, col_off])):
            out[q] = s
            q += 1
    return out[:q]


@njit(cache=True)
def under_way(at_war, members, sides):  # pragma: no cover (compiled)
    """Whether some ``members[p]`` with ``sides[p] == 1`` is at war with some ``members[q]`` with ``sides[q] == 2``."""
    for p in range(len(members)):
        if sides[p] != 1:
            continue
        a = members[p]
        for q in range(len(members)):
            if sides[q] == 2 and at_war[a, members[q]]:
                return True
    return False


def war_sides(war: dict) -> tuple[np.ndarray, np.ndarray]:
    """A war's states and their sides (1 or 2) as two (K,) intp arrays, in the order of ``war["side"]``."""
    side = war["side"]
    return np.fromiter(side.keys(), np.intp, len(side)), np.fromiter(side.values(), np.intp, len(side))


def wars_flat(wars: list) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The wars ``wars`` flattened: (states, sides, offsets, first years); war w's states and sides are ``[offsets[w]:offsets[w + 1]]``,
    each in the order of its ``war["side"]`` (as :func:`war_sides`)."""
    counts = np.fromiter((len(w["side"]) for w in wars), np.intp, len(wars))
    offsets = np.zeros(len(wars) + 1, np.intp)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    members = np.fromiter((k for w in wars for k in w["side"]), np.intp, total)
    sides = np.fromiter((v for w in wars for v in w["side"].values()), np.intp, total)
    starts = np.fromiter((w["start"] for w in wars), np.int64, len(wars))
    return members, sides, offsets, starts


@njit(cache=True)
def under_way_all(at_war, members, sides, offsets):  # pragma: no cover (compiled)
    """(W,) bool: :func:`under_way` of each war of :func:`wars_flat`."""
    w_n = len(offsets) - 1
    out = np.zeros(w_n, np.bool_)
    for w in range(w_n):
        lo, hi = offsets[w], offsets[w + 1]
        out[w] = under_way(at_war, members[lo:hi], sides[lo:hi])
    return out


@njit(cache=True)
def pair_began(wi, wj, members, sides, offsets, starts, year, n):  # pragma: no cover (compiled)
    """(P,) int64: the first year of the earliest war of :func:`wars_flat` in which ``wi[p]`` and ``wj[p]`` are on opposite
    sides (one on side 1, the other on side 2), else ``year - 1``."""
    out = np.full(len(wi), year - 1, np.int64)
    side_of = np.zeros(n, np.intp)
    for w in range(len(offsets) - 1):
        lo, hi = offsets[w], offsets[w + 1]
        for m in range(lo, hi):
            side_of[members[m]] = sides[m]
        s = starts[w]
        for p in range(len(wi)):
            a = side_of[wi[p]]
            b = side_of[wj[p]]
            if ((a == 1 and b == 2) or (a == 2 and b == 1)) and s < out[p]:
                out[p] = s
        for m in range(lo, hi):
            side_of[members[m]] = 0
    return out


@njit(cache=True)
def backing_sides(weak, strong, members, sides, offsets, n):  # pragma: no cover (compiled)
    """(P, N) bool ``same`` and ``other``: the states on the side of ``weak[p]`` (of ``strong[p]``) in the wars of
    :func:`wars_flat` in which the two fight on opposite sides (both in the war, on different sides)."""
    k = len(weak)
    same = np.zeros((k, n), np.bool_)
    other = np.zeros((k, n), np.bool_)
    side_of = np.zeros(n, np.intp)
    for w in range(len(offsets) - 1):
        lo, hi = offsets[w], offsets[w + 1]
        for m in range(lo, hi):
            side_of[members[m]] = sides[m]
        for p in range(k):
            sw = side_of[weak[p]]
            ss = side_of[strong[p]]
            if sw > 0 and ss > 0 and sw != ss:
                for m in range(lo, hi):
                    if sides[m] == sw:
                        same[p, members[m]] = True
                    elif sides[m] == ss:
                        other[p, members[m]] = True
        for m in range(lo, hi):
            side_of[members[m]] = 0
    return same, other


@njit(cache=True, inline="always")
def _named(adv, s, enemy):  # pragma: no cover (compiled)
    """Whether pact ``s`` names ``enemy`` among its adversaries (``adv[s]``): ``conditions_met``'s ``named``."""
    for k in range(adv.shape[1]):
        if adv[s, k] == enemy:
            return True
    return False


@njit(cache=True)
def casus_foederis(m, ob_def, ob_off, strength, conditions, adv, attacker, target, against, provoked, written):  # pragma: no cover (compiled)
    """:func:`foedus.theory.war.casus_foederis` of the pacts ``m`` (S, N) bool with defence ``ob_def`` and offence ``ob_off``
    (S,) bool and :func:`foedus.theory.war.war_commitment` ``strength`` (S,): (commitment, pact, side).

    ``written``: the pacts' written conditions count (``conditions`` (S,) int64 and ``adv`` (S, K) int64, as
    :func:`foedus.theory.war.conditions_met` reads them); else unconditional. ``against``: ``against_a_member``.
    """
    s_n, n = m.shape
    commitment = np.zeros(n)
    pact = np.full(n, -1, np.intp)
    side = np.full(n, -1, np.intp)
    if s_n == 0:
        return commitment, pact, side
    defend = np.zeros(s_n, np.bool_)
    attack = np.zeros(s_n, np.bool_)
    g_att = np.zeros(s_n, np.bool_)
    g_tgt = np.zeros(s_n, np.bool_)
    for s in range(s_n):
        def_ok = off_ok = guard_ok = True
        if written:
            c = conditions[s]
            n_att = _named(adv, s, attacker)
            n_tgt = _named(adv, s, target)
            def_ok = ((c & 1) == 0) or n_att
            if provoked:
                def_ok = def_ok and (c & 2) == 0
            off_ok = ((c & 4) == 0) or n_tgt
            guard_ok = (((c & 1) == 0) or n_tgt) and (c & 2) == 0
        neutral = m[s, attacker] and m[s, target]
        defend[s] = ob_def[s] and def_ok and m[s, target] and ((not neutral) or against)
        attack[s] = ob_off[s] and off_ok and m[s, attacker] and not neutral
        g_att[s] = ob_def[s] and guard_ok and m[s, attacker] and not (neutral and against)
        g_tgt[s] = ob_def[s] and def_ok and m[s, target]
    # row by row (the pacts are the rows of m): only the pacts that guard, defend or attack are read, and each column's
    # first maximum is kept by the strict comparison in the pacts' order, as argmax (the masked entries 0.0)
    guards_att = np.zeros(n, np.bool_)
    guards_tgt = np.zeros(n, np.bool_)
    for s in range(s_n):
        if g_att[s] or g_tgt[s]:
            for j in range(n):
                if m[s, j]:
                    guards_att[j] = guards_att[j] or g_att[s]
                    guards_tgt[j] = guards_tgt[j] or g_tgt[s]
    cd = np.zeros(n)
    co = np.zeros(n)
    bd = np.zeros(n, np.intp)
    bo = np.zeros(n, np.intp)
    for s in range(s_n):
        if not (defend[s] or attack[s]):
            continue
        for j in range(n):
            if not m[s, j]:
                continue
            vd = strength[s] if (defend[s] and not guards_att[j]) else 0.0
            vo = strength[s] if (attack[s] and not guards_tgt[j]) else 0.0
            if vd > cd[j]:
                cd[j] = vd
                bd[j] = s
            if vo > co[j]:
                co[j] = vo
                bo[j] = s
    for j in range(n):
        if cd[j] >= co[j] and cd[j] > 0:
            commitment[j] = cd[j]
            pact[j] = bd[j]
            side[j] = target
        elif co[j] > cd[j] and co[j] > 0:
            commitment[j] = co[j]
            pact[j] = bo[j]
            side[j] = attacker
    commitment[attacker] = 0.0
    commitment[target] = 0.0
    pact[attacker] = -1
    pact[target] = -1
    side[attacker] = -1
    side[target] = -1
    return commitment, pact, side


@njit(cache=True)
def dispute_pairs(rate, hostility, proximity, restraint, restrained, draws, allied):  # pragma: no cover (compiled)
    """(prob, i, j, valid): :func:`foedus.theory.war.dispute_probability` ``rate * hostility * proximity`` (times ``1 - restraint``
    where ``restrained``) of every pair, and the pairs ``i < j`` (row by row, as ``np.nonzero``) not ``allied`` with
    ``draws[i, j] < prob[i, j]``. ``valid`` is False (the outputs incomplete) where a hostility, proximity or restraint is not
    in [0, 1] (the theory function must then say why)."""
    n = hostility.shape[0]
    prob = np.empty((n, n))
    ii = np.empty(0, np.intp)
    jj = np.empty(0, np.intp)
    for a in range(n):
        for b in range(n):
            h = hostility[a, b]
            x = proximity[a, b]
            if not (h >= 0.0 and h <= 1.0 and x >= 0.0 and x <= 1.0):
                return prob, ii, jj, False
            v = rate * h * x
            if restrained:
                r = restraint[a, b]
                if not (r >= 0.0 and r <= 1.0):
                    return prob, ii, jj, False
                v *= 1.0 - r
            prob[a, b] = v
    count = 0
    for a in range(n):
        for b in range(a + 1, n):
            if draws[a, b] < prob[a, b] and not allied[a, b]:
                count += 1
    ii = np.empty(count, np.intp)
    jj = np.empty(count, np.intp)
    q = 0
    for a in range(n):
        for b in range(a + 1, n):
            if draws[a, b] < prob[a, b] and not allied[a, b]:
                ii[q] = a
                jj[q] = b
                q += 1
    return prob, ii, jj, True


def onset_screen(world, i: np.ndarray, j: np.ndarray, draw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs ``(i, j)`` (with their ``draw``) of the war-onset step that may begin a war this year, and their hostility.

    :func:`onset_at_stake` (the pairs of :func:`onset_live` with :func:`foedus.theory.war_onset.issue_at_stake`, at
    ``war_onset_issue_hostility``); where a live pair's hostility or war memory is one the theory refuses, the numpy screen
    and the theory function, which say why (or, unchecked, give the same pairs).
    """
    s, n = world.state, world.n
    wh = s.war_history
    memory = wh.shape == (n, n)
    floor = world.inputs.params.war_onset_issue_hostility
    args = (i, j, s.active, s.power, s.at_war, world.inputs.contiguous, s.major, s.rivalry)
    keep, clean = onset_at_stake(*args, wh if memory else np.zeros((1, 1)), memory, s.hostility, float(floor))
    if not clean:
        live = onset_live(*args)
        i, j, draw = i[live], j[live], draw[live]
        h = np.take(s.hostility, i * n + j)
        keep = th_onset.issue_at_stake(np.take(s.rivalry, i * n + j), np.take(wh, i * n + j) if memory else np.zeros(len(i)), h, hostility_floor=floor, check=world.inputs.check)
    i, j, draw = i[keep], j[keep], draw[keep]
    return i, j, draw, np.take(s.hostility, i * n + j)


def disputes(world, draws: np.ndarray, restraint, allied: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The year's dispute probabilities (N, N) and its disputes ``(i, j)``, ``i < j`` not ``allied`` with ``draws[i, j]`` below them.

    :func:`dispute_pairs` (:func:`foedus.theory.war.dispute_probability` at ``dispute_rate`` with the institutions'
    ``restraint``, an (N, N) array or 0.0); where an input is one the theory refuses, the theory function and the numpy
    selection (it says why, or, unchecked, gives the same numbers).
    """
    p = world.inputs.params
    restrained = np.ndim(restraint) == 2  # (else restraint is 0.0: no institution, nothing to remove)
    valid = restrained or not restraint
    if valid:
        r = np.asarray(restraint, dtype=float) if restrained else np.zeros((1, 1))
        prob, i_idx, j_idx, valid = dispute_pairs(float(p.dispute_rate), world.state.hostility, world.inputs.proximity, r, restrained, draws, allied)
    if not valid:
        prob = th_war.dispute_probability(p.dispute_rate, world.state.hostility, world.inputs.proximity, restraint, check=world.inputs.check)
        i_idx, j_idx = np.nonzero(draws < prob)
        keep = (i_idx < j_idx) & ~allied[i_idx, j_idx]
        i_idx, j_idx = i_idx[keep], j_idx[keep]
    return prob, i_idx, j_idx


def onset_hazard_of(world, i: np.ndarray, j: np.ndarray, defence: np.ndarray, nuclear: np.ndarray, norm: bool) -> np.ndarray:
    """:func:`onset_hazards` of the world's pairs ``(i, j)`` (:func:`foedus.sim.steps.conflict.onset_hazards`, unchecked), given its
    :func:`~foedus.sim.steps.conflict.defence_pairs`, nuclear-armed states and territorial integrity norm this year."""
    p, s, n = world.inputs.params, world.state, world.n
    out, sp, wh = np.empty(len(i)), world.inputs.rivalry_spatial, s.war_history
    capital = world.inputs.capital_km if world.inputs.capital_km is not None else world.inputs.distance_km
    onset_hazards(np.ascontiguousarray(i, dtype=np.int64), np.ascontiguousarray(j, dtype=np.int64), np.ascontiguousarray(world.inputs.contiguous, dtype=bool),
                  np.ascontiguousarray(capital, dtype=float), np.ascontiguousarray(s.power, dtype=float), np.ascontiguousarray(s.major, dtype=bool),
                  np.ascontiguousarray(s.rivalry, dtype=float), np.ascontiguousarray(wh, dtype=float), wh.shape == (n, n),
                  np.ascontiguousarray(s.regime, dtype=float), np.ascontiguousarray(defence, dtype=bool), np.ascontiguousarray(nuclear, dtype=bool), norm,
                  np.zeros((1, 1), np.bool_) if sp is None else np.ascontiguousarray(sp, dtype=bool), sp is not None,
                  float(p.war_onset_intercept + p.war_onset_victory_offset + p.war_onset_issue_offset), np.asarray(p.war_onset_coefficients(), dtype=float), out)
    return out


@njit(cache=True)
def onset_hazards(ii, jj, contiguous, distance, power, major, rivalry, war_history, memory, regime, defence, nuclear, norm, spatial, has_spatial,
                  intercept, b, out):  # pragma: no cover (compiled)
    """``out[q]``: :func:`foedus.theory.war_onset.war_onset_hazard` of the pair ``(ii[q], jj[q])``'s covariates as
    :func:`foedus.sim.steps.conflict.onset_covariates` gives them (``distance`` the capitals', ``war_history`` read only with ``memory``,
    ``spatial`` only with ``has_spatial``, ``norm`` :func:`foedus.theory.renunciation.territorial_integrity_norm` of the year), term by
    term in :data:`foedus.theory.war_onset.WAR_ONSET_TERMS`' order as :func:`foedus.theory.rivalry.logit_hazard` sums them (``b`` its
    13 coefficients): the same bits without the 13 arrays (``tests/sim/test_conflict_kernels.py``)."""
    for q in range(ii.shape[0]):
        i = ii[q]
        j = jj[q]
        c, dm, par, r, w, low, high, nuc, conquest, joint, issueless = pair_onset_terms(
            i, j, contiguous, power, major, rivalry, war_history, memory, regime, nuclear, norm, spatial, has_spatial)
        eta = intercept
        eta = eta + b[0] * c
        eta = eta + b[1] * np.log1p(distance[i, j] / 1000.0)  # foedus.theory.war_onset.log_distance
        eta = eta + b[2] * dm
        eta = eta + b[3] * par
        eta = eta + b[4] * r
        eta = eta + b[5] * w
        eta = eta + b[6] * low
        eta = eta + b[7] * high
        eta = eta + b[8] * (1.0 if defence[i, j] else 0.0)
        eta = eta + b[9] * nuc
        eta = eta + b[10] * conquest
        eta = eta + b[11] * joint
        eta = eta + b[12] * issueless
        out[q] = 1.0 / (1.0 + np.exp(-eta))


@njit(cache=True, inline="always")
def pair_onset_terms(i, j, contiguous, power, major, rivalry, war_history, memory, regime, nuclear, norm, spatial, has_spatial):  # pragma: no cover (compiled)
    """The covariates of :data:`foedus.theory.war_onset.WAR_ONSET_TERMS` of the pair ``(i, j)`` but the distance and the defence
    pact, as floats, in that order: contiguity, any major, parity (:func:`foedus.theory.rivalry.parity`), rivalry, war memory
    (:func:`foedus.theory.rivalry.war_term`; ``war_history`` read only with ``memory``), the democracy link's low and high
    (:func:`foedus.theory.war_onset.democracy_link`), joint nuclear, the conquest norm's term, joint major and the issueless
    rivalry (``spatial`` read only with ``has_spatial``): numpy's maximum and minimum with NaN propagated, the operations of
    :func:`foedus.sim.steps.conflict.onset_covariates` (:func:`onset_hazards` and
    :func:`foedus.sim.steps.war_risk_kernels.onset_terms` read it)."""
    c = contiguous[i, j]
    r = rivalry[i, j]
    rival = r != 0.0
    any_major = major[i] or major[j]
    a = power[i]
    e = power[j]
    hi = a if (a >= e or a != a) else e  # numpy's maximum and minimum (NaN propagated)
    lo = a if (a <= e or a != a) else e
    par = lo / hi if hi > 0.0 else 0.0  # foedus.theory.rivalry.parity
    x = regime[i]
    y = regime[j]
    low = x if (x <= y or x != x) else y  # foedus.theory.war_onset.democracy_link
    high = x if (x >= y or x != x) else y
    w = np.log1p(war_history[i, j]) if memory else np.log1p(0.0)  # foedus.theory.rivalry.war_term
    sp = spatial[i, j] if has_spatial else False
    return (1.0 if c else 0.0, 1.0 if any_major else 0.0, par, r, w, low, high, 1.0 if (nuclear[i] and nuclear[j]) else 0.0,
            1.0 if (norm and any_major and not c and not rival) else 0.0,  # conquest_norm_term
            1.0 if (major[i] and major[j]) else 0.0,  # joint_major
            1.0 if (rival and not sp and not c) else 0.0)  # issueless_rivalry
