"""Compiled passes of the cyber step (:mod:`foedus.sim.steps.cyber`): the same formulas, fewer array passes.

Every formula here is one of :mod:`foedus.theory.cyber_trust`, evaluated element by element in
the order of operations of the theory function, with additions, subtractions, products,
quotients, ``abs`` and ``max`` only (no ``exp``/``log``, whose compiled and numpy versions may
differ in the last bit), so that each kernel gives the theory's numbers to the bit;
``tests/sim/test_cyber_kernels.py`` proves each one equal to its theory function. What they
save is the cost of some forty numpy calls on small arrays (66 states, thirty alignments) a year.

- :func:`sharing_terms`: what each state would gain by sharing in each cyber alignment
  (:func:`foedus.sim.steps.cyber._sharing_terms`): the benefit, the
  :func:`~foedus.theory.cyber_trust.sharing_value` and the
  :func:`~foedus.theory.cyber_trust.camp_distance`;
- :func:`consent_refusals`: the members' consent to candidates (:func:`foedus.sim.steps.cyber._consent`):
  :func:`~foedus.theory.cyber_trust.partner_reciprocity` times the member's group reciprocity,
  :func:`~foedus.theory.cyber_trust.sharing_value`, counted where negative;
- :func:`pair_scores`: the value of every pair of free states for a new bilateral cyber alignment
  (:func:`foedus.sim.steps.cyber._new_cyber_alignments`): :func:`~foedus.theory.cyber_trust.partner_reciprocity`,
  :func:`~foedus.theory.cyber_trust.sharing_value` and :func:`~foedus.theory.cyber_trust.camp_distance`,
  masked where either side would not gain or the pair is not of one camp;
- :func:`intrusions`: the year's intrusions, each draw against bounds of its probability (the exact probability, numpy's
  ``expm1``, asked by the step only for the draws near it); :func:`trust_after`:
  :func:`~foedus.theory.cyber_trust.trust_after_intrusions` in one pass;
- :func:`incidents` and :func:`escalate`: the year's attributions (:func:`foedus.theory.cyber.attribution_probability`), the
  trust update (:func:`foedus.theory.cyber.trust_update`, its compiled ``_trust_kernel``'s operations, ``expm1`` included), the trust
  after intrusions and the escalation probabilities (:func:`foedus.theory.cyber.escalation_probability`) in one pass, then the
  escalations drawn: two calls a year for what were some fifteen numpy calls and four theory functions' argument handling;
- :func:`state_moves`, :func:`nonstate_trust`, :func:`nonstate_moves`, :func:`consented_best`, :func:`one_a_year` and
  :func:`alignment_camps`: the rest of the year's moves of states, firms and NGOs (who would join, who leaves, the members'
  consent and one accession a year per alignment; :func:`~foedus.theory.cyber_trust.nonstate_trust`,
  :func:`~foedus.theory.cyber_trust.actor_values`, :func:`~foedus.theory.cyber_trust.alignment_camp`), in a few calls instead of
  some forty numpy calls a year; :func:`group_reciprocity`: :func:`~foedus.theory.cyber_trust.group_reciprocity` with its logarithms in
  one compiled pass (:func:`log_factors`), its matrix product and ``exp`` numpy's (a sum over the members alone would change the
  product's order of summation, and so the last bits).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "alignment_camps", "consent_refusals", "consented_best", "escalate", "group_reciprocity", "incidents", "intrusions",
    "log_factors", "nonstate_moves", "nonstate_trust", "one_a_year", "pair_scores", "sharing_terms", "sharing_year",
    "state_moves", "state_year", "trust_after",
]


@njit(cache=True)
def consent_refusals(members, a_idx, c_idx, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):  # pragma: no cover (compiled)
    """For each (alignment row ``a_idx[q]``, candidate ``c_idx[q]``): how many members refuse (int64 (P,)).

    Member ``j`` of row ``a`` refuses when ``sharing_value(rho, b, vul[j]) < 0`` with
    ``rho = reciprocity[a, j] * partner_reciprocity(trust_in[j, c], access[a])`` and ``b`` its
    benefit with the candidate in: ``benefit[a, j]`` when ``with_cap`` is False (the candidate's
    capacity does not count), else ``salience * max(cap_sum[a] - cap[j] + cand_cap[c], 0) / size[a]``.
    """
    out = np.zeros(a_idx.shape[0], np.int64)
    for q in range(a_idx.shape[0]):
        out[q] = _refusals(members, a_idx[q], c_idx[q], reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap, False)
    return out


@njit(cache=True, inline="always")
def _refusals(members, a, c, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap, first):  # pragma: no cover (compiled)
    """How many members of row ``a`` refuse candidate ``c`` (:func:`consent_refusals`' rule), up to the first where ``first``."""
    n = members.shape[1]
    acc = access[a]
    k = 0
    for j in range(n):
        if not members[a, j]:
            continue
        if _member_refuses(a, j, c, acc, reciprocity, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):
            k += 1
            if first:
                break
    return k


@njit(cache=True)
def consented_best(want, value, members, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):  # pragma: no cover (compiled)
    """``want`` (A, C) narrowed to the candidates every member consents to (no refusal of :func:`consent_refusals`), then to the one
    of highest ``value`` in each row (:func:`one_a_year`): the accessions of a year (``foedus.sim.steps.cyber._consented``)."""
    a_n, c_n = want.shape
    n = members.shape[1]
    out = np.zeros((a_n, c_n), np.bool_)
    idx = np.empty(n, np.int64)  # a row's members, listed once (not the N columns scanned for each of its candidates)
    for a in range(a_n):
        k = -1
        some = False
        best = -np.inf
        at = 0
        for c in range(c_n):
            if not want[a, c]:
                continue
            if k < 0:
                k = 0
                for j in range(n):
                    if members[a, j]:
                        idx[k] = j
                        k += 1
            if _refused(idx, k, a, c, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):
                continue
            # one_a_year's argmax of value where consented, -inf elsewhere, taken over the consented columns alone (a column of -inf
            # never displaces the best; column 0 is the argmax's start; once the best is NaN nothing displaces it)
            some = True
            x = value[a, c]
            if c == 0:
                best = x
            elif not np.isnan(best) and (np.isnan(x) or x > best):
                best = x
                at = c
        if some:
            out[a, at] = True
    return out


@njit(cache=True, inline="always")
def _refused(idx, k, a, c, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):  # pragma: no cover (compiled)
    """Whether a member of row ``a`` (its ``k`` member states ``idx[:k]``, in ascending order) refuses candidate ``c``: the rule
    of :func:`_refusals` (the same operations on the same numbers, member by member) stopped at the first refusal."""
    acc = access[a]
    for p in range(k):
        if _member_refuses(a, idx[p], c, acc, reciprocity, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):
            return True
    return False


@njit(cache=True, inline="always")
def _member_refuses(a, j, c, acc, reciprocity, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap):  # pragma: no cover (compiled)
    """Whether member ``j`` of row ``a`` (its access ``acc``) refuses candidate ``c``: :func:`consent_refusals`' rule for one member
    (read by :func:`_refusals` and :func:`_refused`)."""
    rho = reciprocity[a, j] * (1.0 - acc * (1.0 - trust_in[j, c]))
    if with_cap:
        total = cap_sum[a] - cap[j] + cand_cap[c]
        b = salience * max(total, 0.0) / size[a]
    else:
        b = benefit[a, j]
    return rho * b - (1.0 - rho) * vul[j] < 0.0


@njit(cache=True)
def pair_scores(trust, access, salience, cap, vul, regime, free, tolerance):  # pragma: no cover (compiled)
    """``[i, j]``: i's sharing value of a bilateral alignment with j, or ``-inf`` where the pair cannot form.

    The value is ``sharing_value(partner_reciprocity(trust[i, j], access), salience * cap[j], vul[i])``;
    the pair can form when both are free, ``i != j``, ``camp_distance = |regime[j] - regime[i]|``
    is at most ``tolerance`` and both values are positive.
    """
    n = trust.shape[0]
    score = np.full((n, n), -np.inf)
    for i in range(n):
        if not free[i]:
            continue
        for j in range(n):
            if j == i or not free[j] or not abs(regime[j] - regime[i]) <= tolerance:
                continue
            v_ij = _pair_value(trust, access, salience, cap, vul, i, j)
            if v_ij > 0.0 and _pair_value(trust, access, salience, cap, vul, j, i) > 0.0:
                score[i, j] = v_ij
    return score


@njit(cache=True, inline="always")
def _pair_value(trust, access, salience, cap, vul, i, j):  # pragma: no cover (compiled)
    """i's sharing value of a bilateral alignment with j (:func:`pair_scores`), asked only for the pairs that may form: two free
    states of one camp (the other pairs' values were never read)."""
    belief = 1.0 - access * (1.0 - trust[i, j])
    return belief * (salience * cap[j]) - (1.0 - belief) * vul[i]


@njit(cache=True)
def sharing_terms(members, size, cap, cap_sum, salience, reciprocity, vul, regime, camp_of):  # pragma: no cover (compiled)
    """``benefit``, ``value`` and ``camp`` (A, N) of every state in every cyber alignment.

    ``benefit[a, i] = salience * (cap_sum[a] - m_ai * cap[i]) / (size[a] - m_ai)`` (the mean
    capacity of the other member states; 0 without one), ``value = sharing_value(reciprocity,
    benefit, vul[i])`` and ``camp = camp_distance(regime[i], camp_of[a]) = |regime[i] - camp_of[a]|``.
    """
    a_n, n = members.shape
    benefit = np.empty((a_n, n))
    value = np.empty((a_n, n))
    camp = np.empty((a_n, n))
    for a in range(a_n):
        for i in range(n):
            m = 1.0 if members[a, i] else 0.0
            others = size[a] - m
            b = (cap_sum[a] - m * cap[i]) / others if others > 0 else 0.0
            b = salience * b
            rho = reciprocity[a, i]
            benefit[a, i] = b
            value[a, i] = rho * b - (1.0 - rho) * vul[i]
            camp[a, i] = abs(regime[i] - camp_of[a])
    return benefit, value, camp


@njit(cache=True)
def state_moves(members, size, cap, camp, value, tolerance, draw_in, draw_out, consider_rate, exit_rate, last_exit, entry_year, slots, year):  # pragma: no cover (compiled)
    """The states that would join (before consent) and those that leave each cyber alignment: ``want`` and ``leaving`` (A, N) bool.

    ``want``: an alignment with member states, a state with capacity and not a member, within ``tolerance`` of the camp
    (``camp <= tolerance``), of positive sharing ``value``, that reconsiders (``draw_in < consider_rate``) and did not leave it this
    ``year`` (``last_exit != year``); ``leaving``: a member whose value is negative or who is out of the camp, that reconsiders
    (``draw_out < exit_rate``) and entered before this year (:func:`foedus.sim.steps.cyber._cyber_alignments`' rule, elementwise).
    ``last_exit`` and ``entry_year`` are the agreements' whole arrays, read at the rows ``slots`` (no copy of the rows).
    """
    a_n, n = members.shape
    want = np.zeros((a_n, n), np.bool_)
    leaving = np.zeros((a_n, n), np.bool_)
    for a in range(a_n):
        s = slots[a]
        some = size[a] > 0
        for i in range(n):
            in_camp = camp[a, i] <= tolerance
            v = value[a, i]
            if members[a, i]:
                leaving[a, i] = (v < 0.0 or not in_camp) and draw_out[a, i] < exit_rate and entry_year[s, i] < year
            else:
                want[a, i] = some and cap[i] > 0 and in_camp and v > 0.0 and draw_in[a, i] < consider_rate and last_exit[s, i] != year
    return want, leaving


@njit(cache=True)
def nonstate_trust(trust, home, home_trust, no_home_trust):  # pragma: no cover (compiled)
    """:func:`foedus.theory.cyber_trust.nonstate_trust` (its two arrays, ``out`` (K, N) and ``into`` (N, K)): the home state's row
    and column of ``trust``, ``home_trust`` with the home state itself, ``no_home_trust`` throughout for an actor without one."""
    n = trust.shape[0]
    k_n = home.shape[0]
    out = np.empty((k_n, n))
    into = np.empty((n, k_n))
    for k in range(k_n):
        h = home[k]
        for j in range(n):
            if h < 0:
                out[k, j] = no_home_trust
                into[j, k] = no_home_trust
            elif j == h:
                out[k, j] = home_trust
                into[j, k] = home_trust
            else:
                out[k, j] = trust[h, j]
                into[j, k] = trust[j, h]
    return out, into


@njit(cache=True)
def nonstate_moves(cap_sum, size, salience, reciprocity, vul, stated, home, regime, camp_of, tolerance, nonstate, draw_in, draw_out, consider_rate,
                   exit_rate):  # pragma: no cover (compiled)
    """The terms and moves of the firms and NGOs in each cyber alignment (:func:`foedus.sim.steps.cyber._nonstate_moves`), (A, K) each:
    ``value``, ``benefit``, ``camp`` (distance), ``in_camp``, ``want`` (before consent) and ``leaving``.

    ``benefit = salience * mean_cap`` (the member states' mean capacity ``cap_sum / size``, 0 without one), ``value =
    sharing_value(reciprocity, benefit, vul[k])``; the actor's values :func:`~foedus.theory.cyber_trust.actor_values` (``stated``,
    else its ``home`` state's ``regime``, else none: NaN), ``camp = camp_distance(values or 0.0, camp_of)``, in the camp where it has
    values and ``camp <= tolerance``; it would join (not a member, in an alignment with member states, in the camp, value > 0,
    ``draw_in < consider_rate``) or leaves (a member out of the camp or of negative value, ``draw_out < exit_rate``).
    """
    a_n, k_n = reciprocity.shape
    value = np.empty((a_n, k_n))
    benefit = np.empty((a_n, k_n))
    camp = np.empty((a_n, k_n))
    in_camp = np.zeros((a_n, k_n), np.bool_)
    want = np.zeros((a_n, k_n), np.bool_)
    leaving = np.zeros((a_n, k_n), np.bool_)
    w = np.empty(k_n)
    for k in range(k_n):
        if not np.isnan(stated[k]):
            w[k] = stated[k]
        elif home[k] >= 0:
            w[k] = regime[home[k]]
        else:
            w[k] = np.nan
    for a in range(a_n):
        mean_cap = cap_sum[a] / size[a] if size[a] > 0 else 0.0
        b = salience * mean_cap
        for k in range(k_n):
            rho = reciprocity[a, k]
            v = rho * b - (1.0 - rho) * vul[k]
            has = not np.isnan(w[k])
            d = abs((w[k] if has else 0.0) - camp_of[a])
            inside = has and d <= tolerance
            value[a, k] = v
            benefit[a, k] = b
            camp[a, k] = d
            in_camp[a, k] = inside
            if nonstate[a, k]:
                leaving[a, k] = (not inside or v < 0.0) and draw_out[a, k] < exit_rate
            else:
                want[a, k] = size[a] > 0 and inside and v > 0.0 and draw_in[a, k] < consider_rate
    return value, benefit, camp, in_camp, want, leaving


@njit(cache=True)
def one_a_year(mask, value):  # pragma: no cover (compiled)
    """In each row of ``mask`` with a True, only the column of highest ``value`` among the True ones (``np.where(mask, value,
    -inf).argmax(axis=1)``: the first of the largest, the first NaN if there is one); rows without one stay False."""
    a_n, n = mask.shape
    out = np.zeros((a_n, n), np.bool_)
    for a in range(a_n):
        some = False
        for j in range(n):
            if mask[a, j]:
                some = True
                break
        if not some:
            continue
        best = value[a, 0] if mask[a, 0] else -np.inf
        idx = 0
        for j in range(1, n):
            if np.isnan(best):
                break
            x = value[a, j] if mask[a, j] else -np.inf
            if np.isnan(x) or x > best:
                best = x
                idx = j
        out[a, idx] = True
    return out


@njit(cache=True)
def alignment_camps(members, cap, regime):  # pragma: no cover (compiled)
    """Each alignment's number of member states and :func:`foedus.theory.cyber_trust.alignment_camp` ((A,) each): the ``regime`` of
    its member of greatest ``cap`` (``np.where(members, cap, -inf).argmax``: the first of the largest, the first NaN if there is
    one), NaN for an alignment without member states."""
    a_n, n = members.shape
    size = np.zeros(a_n)
    camp = np.empty(a_n)
    for a in range(a_n):
        # the argmax over the members alone: the others are -inf, which no member's capacity exceeds (a member's NaN is taken
        # first, and where every member's is -inf numpy's first of the largest is column 0: idx stays 0)
        count = 0
        best = -np.inf
        idx = 0
        found_nan = False
        for j in range(n):
            if members[a, j]:
                count += 1
                if found_nan:
                    continue
                x = cap[j]
                if np.isnan(x):
                    found_nan = True
                    idx = j
                elif x > best:
                    best = x
                    idx = j
        size[a] = count
        camp[a] = regime[idx] if count > 0 else np.nan
    return size, camp


_MARGIN = 1e-9
"""The relative margin of :func:`intrusions`' bounds: far above the rounding of the few products and sums between the bound and the
probability (a few units of 1e-16), so that a draw outside the margin is on one side of the exact probability for certain."""


@njit(cache=True)
def intrusions(rate, vulnerability, scale, draws, intr, undecided_i, undecided_j):  # pragma: no cover (compiled)
    """Which ordered pairs' draws fall below their intrusion probability, ``draws[i, j] < clip(scale * P_ij, 0, 1)`` with
    ``P_ij = -expm1(-rate[i] * v[j])`` (:func:`foedus.theory.cyber.intrusion_propensity`: 0 on the diagonal and where ``rate[i] > 0``
    fails), written to ``intr`` (N, N) bool, without the exponential wherever the draw is clear of it.

    With ``y = rate[i] * v[j] >= 0``, ``y - y**2 / 2 <= P <= y - y**2 / 2 + y**3 / 6`` (Taylor's theorem: the remainders of
    ``1 - exp(-y)`` alternate in sign); a draw at or above ``scale`` times the upper bound (raised by :data:`_MARGIN`), or at or
    above 1, is no intrusion, one below the lower bound (lowered by it) and below 1 is one (so a probability clipped to 1 keeps it). The
    pairs in between (and any NaN) are left False and listed in ``undecided_i``, ``undecided_j`` for the exact test with numpy's
    ``expm1`` (:func:`foedus.sim.steps.cyber._intrusions`); returns how many. ``scale`` >= 0 finite, ``vulnerability`` >= 0 (N,).
    """
    n = rate.shape[0]
    k = 0
    for i in range(n):
        r = rate[i]
        if not r > 0.0:
            for j in range(n):
                intr[i, j] = False
            continue
        neg = -r
        for j in range(n):
            intr[i, j] = False
            if i == j:
                continue
            d = draws[i, j]
            y = -(neg * vulnerability[j])
            lower = scale * (y - 0.5 * y * y) * (1.0 - _MARGIN)
            upper = scale * (y - 0.5 * y * y + y * y * y / 6.0) * (1.0 + _MARGIN)
            if d >= upper or d >= 1.0:  # (a probability is at most 1)
                continue
            if d < lower:
                intr[i, j] = True
                continue
            undecided_i[k] = i
            undecided_j[k] = j
            k += 1
    return k


@njit(cache=True)
def _np_minimum(a, b):  # pragma: no cover (compiled)
    """numpy's ``minimum`` of two floats: the first NaN of the two, else the smaller (the trust's ceiling after intrusions)."""
    if np.isnan(a):
        return a
    if np.isnan(b):
        return b
    return a if a <= b else b  # noqa: FURB136 (numpy.minimum's order of the NaN tests above, not min())


@njit(cache=True)
def trust_after(trust, intruded, espionage_risk):  # pragma: no cover (compiled)
    """:func:`foedus.theory.cyber_trust.trust_after_intrusions` in one pass: ``[i, j] = minimum(trust[i, j], 1 - e * intruded[j, i])``
    (``intruded`` (N, N) bool read transposed, as 0.0 or 1.0; numpy's ``minimum``: the first NaN of the two, else the smaller)."""
    n, m = trust.shape
    out = np.empty((n, m))
    for i in range(n):
        for j in range(m):
            out[i, j] = _np_minimum(trust[i, j], 1.0 - espionage_risk * (1.0 if intruded[j, i] else 0.0))
    return out


@njit(cache=True)
def incidents(intr, cap, draws, base, sensitivity, trust, learning_rate, recovery_rate, suspicion, espionage_risk, hostility, intrusion, attribution,
              detection, distinguishability, purpose_attack):  # pragma: no cover (compiled)
    """The year's intrusions ``intr`` (N, N) bool attributed, trusted and feared, in one pass (:func:`foedus.sim.steps.cyber.cyber`).

    The intrusions in row-major order (``np.nonzero``'s) are attributed where their draw (``draws``, one per intrusion in that order)
    is below :func:`foedus.theory.cyber.attribution_probability` of the intruder's and the victim's ``cap`` (``base``,
    ``sensitivity``); returns ``attributed`` (N, N) bool, ``new_trust`` :func:`foedus.theory.cyber.trust_update` of ``trust`` with
    ``intr.T`` and ``attributed.T`` as 0.0/1.0 (``learning_rate``, ``recovery_rate``, ``suspicion``; the same operations as its
    compiled ``_trust_kernel``), ``trust_year`` :func:`foedus.theory.cyber_trust.trust_after_intrusions` of ``new_trust``
    (:func:`trust_after`'s rule), the attributed pairs ``i_idx``, ``j_idx`` (intruder, victim) and ``escalation``
    :func:`foedus.theory.cyber.escalation_probability` of ``intrusion``, ``attribution``, the victim's fear
    ``clip(hostility[j, i], 0, 1)``, ``detection``, ``distinguishability`` and ``purpose_attack`` (scalars), each attributed pair's.
    """
    n = intr.shape[0]
    attributed = np.zeros((n, n), np.bool_)
    i_idx = np.empty(draws.shape[0], np.int64)
    j_idx = np.empty(draws.shape[0], np.int64)
    i_all = np.empty(draws.shape[0], np.int64)  # every intrusion (row-major), for the trust entries they move
    j_all = np.empty(draws.shape[0], np.int64)
    k = 0
    q = 0
    b = base
    g = sensitivity
    for i in range(n):
        for j in range(n):
            if not intr[i, j]:
                continue
            num = b * cap[j] ** g
            den = num + (1.0 - b) * cap[i] ** g
            p = num / den if den > 0 else b
            if draws[q] < p:
                attributed[i, j] = True
                i_idx[k] = i
                j_idx[k] = j
                k += 1
            i_all[q] = i
            j_all[q] = j
            q += 1
    new_trust = np.empty((n, n))
    trust_year = np.empty((n, n))
    # an entry [i, j] of no intrusion of j into i (nearly all): the same operations with nn = alpha = 0, whose signal and ceiling
    # are then the same numbers for every such entry (taken once), in a pass without the exponential's branch; then the entries
    # of the intrusions, by the whole rule
    m0 = 0.0 * (0.0 + suspicion * (1.0 - 0.0))
    signal0 = -np.expm1(-m0) if m0 != 0.0 else 0.0
    ceiling0 = 1.0 - espionage_risk * 0.0
    for i in range(n):
        for j in range(n):
            t = trust[i, j]
            v = t - learning_rate * signal0 * t + recovery_rate * (1.0 - signal0) * (1.0 - t)
            v = min(max(v, 0.0), 1.0)
            new_trust[i, j] = v
            trust_year[i, j] = _np_minimum(v, ceiling0)
    for r in range(q):
        i = j_all[r]  # the victim's trust in the intruder: [victim, intruder]
        j = i_all[r]
        t = trust[i, j]
        nn = 1.0
        alpha = 1.0 if attributed[j, i] else 0.0
        m = nn * (alpha + suspicion * (1.0 - alpha))
        signal = -np.expm1(-m) if m != 0.0 else 0.0
        v = t - learning_rate * signal * t + recovery_rate * (1.0 - signal) * (1.0 - t)
        v = min(max(v, 0.0), 1.0)
        new_trust[i, j] = v
        trust_year[i, j] = _np_minimum(v, 1.0 - espionage_risk * nn)
    qq = 0.5 * (1.0 + distinguishability)
    scale = intrusion * detection * attribution
    escalation = np.empty(k)
    for r in range(k):
        phi = hostility[j_idx[r], i_idx[r]]
        if phi < 0.0:
            phi = 0.0
        elif phi > 1.0:
            phi = 1.0
        den_a = phi * qq + (1.0 - phi) * (1.0 - qq)
        den_e = phi * (1.0 - qq) + (1.0 - phi) * qq
        post_a = phi * qq / den_a if den_a > 0 else 0.0
        post_e = phi * (1.0 - qq) / den_e if den_e > 0 else 0.0
        read = purpose_attack * (qq * post_a + (1.0 - qq) * post_e) + (1.0 - purpose_attack) * ((1.0 - qq) * post_a + qq * post_e)
        escalation[r] = scale * read
    return attributed, new_trust, trust_year, i_idx[:k], j_idx[:k], escalation


@njit(cache=True)
def escalate(hostility, i_idx, j_idx, escalation, draws, step):  # pragma: no cover (compiled)
    """The attributed intrusions whose ``draws`` fall below their ``escalation`` probability raise the victim's hostility to the
    intruder, ``hostility[j, i] += step`` in place (each ordered pair once); returns which (bool, one per attributed pair)."""
    out = np.zeros(i_idx.shape[0], np.bool_)
    for r in range(i_idx.shape[0]):
        if draws[r] < escalation[r]:
            out[r] = True
            hostility[j_idx[r], i_idx[r]] += step
    return out


@njit(cache=True)
def sharing_year(members, cap, regime, cap_sum, salience, reciprocity, vul):  # pragma: no cover (compiled)
    """:func:`alignment_camps` then :func:`sharing_terms` in one call (the year's terms of the states in the cyber alignments in force,
    ``foedus.sim.steps.cyber._sharing_terms``): ``size``, ``camp_of``, ``benefit``, ``value`` and ``camp``, the same numbers."""
    size, camp_of = alignment_camps(members, cap, regime)
    benefit, value, camp = sharing_terms(members, size, cap, cap_sum, salience, reciprocity, vul, regime, camp_of)
    return size, camp_of, benefit, value, camp


@njit(cache=True)
def state_year(members, size, cap, camp, value, tolerance, draw_in, draw_out, consider_rate, exit_rate, last_exit, entry_year, slots, year,
               reciprocity, access, trust, benefit, cap_sum, salience, vul):  # pragma: no cover (compiled)
    """:func:`state_moves` then :func:`consented_best` of the states (their capacity counted, ``trust`` as ``trust_in``): ``joining`` and ``leaving``
    (A, N) bool, the same truth values (``foedus.sim.steps.cyber._cyber_alignments``)."""
    want, leaving = state_moves(members, size, cap, camp, value, tolerance, draw_in, draw_out, consider_rate, exit_rate, last_exit, entry_year,
                                slots, year)
    joining = consented_best(want, value, members, reciprocity, access, trust, benefit, cap_sum, cap, cap, salience, size, vul, True)
    return joining, leaving


def group_reciprocity(trust: np.ndarray, members: np.ndarray, access: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.cyber_trust.group_reciprocity` of inputs the step made itself (no checks), its logarithms in one compiled
    pass (:func:`log_factors`: the members' columns found, ``log1p(-a (1 - trust))`` taken in them alone, 0 elsewhere, and whether all
    are finite, where the theory makes six numpy passes and a column gather and scatter); the matrix product and ``exp`` are the
    theory's numpy calls on the same arrays, so the same bits (``tests/sim/test_cyber_kernels.py``)."""
    m = np.asarray(members, dtype=bool)
    tau = np.ascontiguousarray(trust, dtype=float)
    acc = np.asarray(access, dtype=float)
    log_rho = np.zeros((m.shape[0], tau.shape[0]))
    mf = m.astype(float)
    for a_val in sorted(set(acc.tolist())):  # the distinct access values, as the theory takes them
        if a_val == 0.0:
            continue
        rows = acc == a_val
        mr = mf if rows.all() else mf[rows]
        logf = np.empty(tau.shape)
        if log_factors(tau, m, rows, a_val, logf):
            if mr is mf:  # every alignment of this access value (the usual year): the product is the result, exponentiated in place
                log_rho = mr @ logf.T
                np.exp(log_rho, out=log_rho)
                return log_rho
            log_rho[rows] = mr @ logf.T
            continue
        finite = np.isfinite(logf)
        certain = (mr @ (~finite).T.astype(float)) > 0  # a member certain to exploit: reciprocity 0
        log_rho[rows] = np.where(certain, -np.inf, mr @ np.where(finite, logf, 0.0).T)
    return np.exp(log_rho)


@njit(cache=True)
def log_factors(tau, members, rows, a_val, logf):  # pragma: no cover (compiled)
    """``logf[m, j] = log1p(-a_val (1 - tau[m, j]))`` in the columns ``j`` of a member of some alignment of ``rows``, 0.0 in the others
    (:func:`foedus.theory.cyber_trust.group_reciprocity`'s logarithms, its operations in its order); True when every entry is finite."""
    a_n, n = members.shape
    used = np.zeros(n, np.bool_)
    for a in range(a_n):
        if rows[a]:
            for j in range(n):
                if members[a, j]:
                    used[j] = True
    finite = True
    for i in range(tau.shape[0]):
        for j in range(n):
            if used[j]:
                v = np.log1p(-a_val * (1.0 - tau[i, j]))
                logf[i, j] = v
                if not np.isfinite(v):
                    finite = False
            else:
                logf[i, j] = 0.0
    return finite
