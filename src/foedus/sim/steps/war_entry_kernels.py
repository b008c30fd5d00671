"""Compiled screens of the routes into a war under way (:mod:`foedus.sim.steps.war_entry`; issue 16).

Every year each war under way asks every state outside it whether it is an opportunist (a rival of a belligerent, bound by
no pact to that side) or a warring alliance partner (a defence or offence ally of the attacker or the target, allied to
nobody on the other side). In numpy each question took some thirty small array operations a war (``np.ix_`` blocks,
``np.isin``, the candidates' portfolios as float rows), about 1 ms a war, and the 200-state synthetic world of
``benchmarks/simulate.py`` fights some twenty wars a year. The kernels here screen the candidates in one loop; the
probabilities stay with the theory functions, called on the few candidates in numpy.

The one model formula evaluated here is :func:`foedus.theory.joining.scott_pi` (Scott's pi of two binary alliance portfolios,
Häge 2011), in :func:`_scott_pi_rows`: the counts of the two rows are integers, so the means numpy takes are exact and the
kernel's divisions the same; ``tests/sim/test_war_entry_speed.py`` holds it to the theory function to the bit, and each
screen to the numpy code it replaced.

- :func:`opportunist_screen`: each candidate's rival belligerent it best reaches, whether it may enter against it, and its
  portfolio's similarity with the two sides' leaders;
- :func:`partner_screen`: the states that may join beside a warring alliance partner, their side and the partner they
  best reach;
- :func:`partner_probability`, :func:`opportunist_probability`: the candidates' probabilities of entry, the theory functions'
  formulas in their order of operations (:func:`foedus.theory.war_onset.reach_to_war`,
  :func:`foedus.theory.joining.warring_ally_join_probability`, :func:`foedus.theory.joining.third_party_stake`,
  :func:`foedus.theory.joining.staked_opportunist_probability`), the same numbers to the bit
  (``tests/sim/test_war_entry_speed.py``); an input the theory functions would refuse (outside [0, 1], not finite) sends
  the step back to them, which say why;
- :func:`opportunist_entries`, :func:`partner_entries`: each route's screen, its restraints (:func:`entry_restraint`: the nuclear
  restraint of :func:`foedus.sim.steps.war_entry.nuclear_restraint` and the great powers' odds factor of
  :func:`foedus.theory.war_restraint.great_power_odds_factor`, their products in the step's order) and its probabilities in
  one call (the step called five or six functions a war and year);
- :func:`partner_pacts_fill`: the pacts of a war's attacker and target that reach a war against the other
  (:func:`foedus.sim.steps.war_entry.partner_pacts`, the conditions of :func:`foedus.theory.joining.pledge_covers`) in one call;
- :func:`coalition_terms`: a belligerent's wartime coalition partners' terms (:mod:`foedus.sim.steps.wartime`), the formulas of
  :func:`foedus.theory.wartime.coalition_gain`, :func:`~foedus.theory.wartime.leaning` and
  :func:`~foedus.theory.wartime.entry_value` likewise; :func:`neutrality_terms`, its bystanders' neutrality
  (:func:`~foedus.theory.wartime.leaning_neutrality_gain`).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "coalition_terms", "entry_restraint", "neutrality_terms", "opportunist_entries", "opportunist_probability", "opportunist_screen", "partner_entries",
    "partner_pacts_fill", "partner_probability", "partner_screen", "scott_pi_rows",
]


@njit(cache=True)
def _scott_pi_rows(allied, a, b):  # pragma: no cover (compiled)
    """:func:`foedus.theory.joining.scott_pi` of the portfolios of states ``a`` and ``b``: ``allied``'s rows, each state allied to itself."""
    n = allied.shape[0]
    sa = 0
    sb = 0
    d = 0
    for m in range(n):
        x = allied[a, m] or m == a
        y = allied[b, m] or m == b
        sa += x
        sb += y
        d += x != y
    observed = d / n
    p = (sa / n + sb / n) / 2.0
    expected = 2.0 * p * (1.0 - p)
    if expected > 0:
        return 1.0 - observed / expected
    return 1.0


@njit(cache=True)
def scott_pi_rows(allied, a, b):  # pragma: no cover (compiled)
    """(K,): :func:`_scott_pi_rows` of the pairs ``(a[k], b[k])`` (the kernel's formula, exposed for the test)."""
    out = np.empty(len(a))
    for k in range(len(a)):
        out[k] = _scott_pi_rows(allied, a[k], b[k])
    return out


@njit(cache=True)
def opportunist_screen(cand, members, sides, allied, rivalry, reach, attacker, target):  # pragma: no cover (compiled)
    """The opportunists' screen of :func:`foedus.sim.steps.war_entry.opportunists` for candidates ``cand`` (states outside the war).

    For each candidate c: ``best`` (index into ``members``), the belligerent with the largest ``reach[c, m]`` among the
    rivals of c (``rivalry``) it shares no security agreement with (``allied``), the first on ties, 0 when it has none;
    ``to_best`` that reach (0 without a rival); ``has``: it is a rival of that belligerent and allied to no belligerent of
    that belligerent's side; and where ``has``, ``sim_side`` and ``sim_foe`` (else 0): Scott's pi of its portfolio with that
    of the leader of the side it would join (the target where the enemy is on side 1, else the attacker) and with the
    enemy's.
    """
    nc, k = len(cand), len(members)
    best = np.zeros(nc, np.intp)
    to_best = np.zeros(nc)
    has = np.zeros(nc, np.bool_)
    sim_side = np.zeros(nc)
    sim_foe = np.zeros(nc)
    for r in range(nc):
        c = cand[r]
        bm = 0
        bv = 0.0
        rb = False
        for m in range(k):
            e = members[m]
            v = 0.0
            if rivalry[c, e] and not allied[c, e]:
                v = reach[c, e]
            if m == 0 or v > bv:
                bm = m
                bv = v
        e = members[bm]
        rb = rivalry[c, e] and not allied[c, e]
        best[r] = bm
        to_best[r] = bv
        if not rb:
            continue
        foe_side = sides[bm]
        bound = False
        for m in range(k):
            if sides[m] == foe_side and allied[c, members[m]]:
                bound = True
                break
        if bound:
            continue
        has[r] = True
        friend = target if foe_side == 1 else attacker
        sim_side[r] = _scott_pi_rows(allied, c, friend)
        sim_foe[r] = _scott_pi_rows(allied, c, e)
    return best, to_best, has, sim_side, sim_foe


@njit(cache=True)
def partner_screen(members, sides, pact, allied, free, active, reach, attacker, target):  # pragma: no cover (compiled)
    """The warring alliance partners' screen of :func:`foedus.sim.steps.war_entry.warring_partners`.

    A state c with ``free[c]`` joins side s (1 first) where it shares a defence or offence pact (``pact``) with a belligerent
    of side s that is the attacker or the target and no security agreement (``allied``) with any belligerent of the other
    side, and the other side's leader (the target for side 1, else the attacker) is ``active``. Returns ``cand`` (states),
    ``own`` (their side), ``enemy`` (that leader), ``partner`` (the first belligerent of its side it shares a pact with and
    best reaches, ``reach[c, partner]``, first on ties) and ``to_partner`` (that reach, at least 0).
    """
    n, k = len(free), len(members)
    cand = np.empty(n, np.intp)
    own = np.empty(n, np.intp)
    nc = 0
    for c in range(n):
        if not free[c]:
            continue
        tie1 = tie2 = near1 = near2 = False  # a pact with a leader of side 1 (2); an agreement with a belligerent of side 1 (2)
        for m in range(k):
            e = members[m]
            if pact[c, e] and (e == attacker or e == target):
                if sides[m] == 1:
                    tie1 = True
                else:
                    tie2 = True
            if allied[c, e]:
                if sides[m] == 1:
                    near1 = True
                else:
                    near2 = True
        s = 0
        if tie1 and not near2:
            s = 1
        elif tie2 and not near1:
            s = 2
        if s == 0:
            continue
        if not active[target if s == 1 else attacker]:
            continue
        cand[nc] = c
        own[nc] = s
        nc += 1
    cand, own = cand[:nc], own[:nc]
    enemy = np.empty(nc, np.intp)
    partner = np.empty(nc, np.intp)
    to_partner = np.empty(nc)
    for r in range(nc):
        c, s = cand[r], own[r]
        enemy[r] = target if s == 1 else attacker
        bm = 0
        bv = -1.0
        for m in range(k):
            e = members[m]
            v = -1.0
            if pact[c, e] and (e == attacker or e == target) and sides[m] == s:
                v = reach[c, e]
            if m == 0 or v > bv:
                bm = m
                bv = v
        partner[r] = members[bm]
        to_partner[r] = max(bv, 0.0)
    return cand, own, enemy, partner, to_partner


@njit(cache=True, inline="always")
def _unit(x):  # pragma: no cover (compiled)
    """Whether ``x`` lies in [0, 1] (NaN does not): the theory's ``unit`` check of one value."""
    return x >= 0.0 and x <= 1.0


@njit(cache=True)
def partner_probability(cand, own, enemy, partner, to_partner, reach, hostility, allied, restraint, rate):  # pragma: no cover (compiled)
    """The warring alliance partners' entry (:func:`foedus.sim.steps.war_entry.warring_partners` after :func:`partner_screen`):
    (reach to the war, shared adversary, stake, probability, valid).

    :func:`foedus.theory.joining.attacker_ally_reach`: beside the attacker (``own`` 1) the candidate's own reach
    ``reach[c, enemy]``, else :func:`foedus.theory.war_onset.reach_to_war` ``max(reach[c, enemy], to_partner * reach[enemy,
    partner])`` (``np.maximum``); the hostility ``hostility[c, enemy]``; the stake
    :func:`foedus.theory.joining.third_party_stake` of Scott's pi of the candidate's portfolio (``allied``) with the partner's
    and with the enemy's; and :func:`foedus.theory.joining.warring_ally_join_probability` ``rate * reach *
    (h + s - h s)`` times the nuclear ``restraint``. ``valid`` is False (the outputs incomplete) where an input is not in [0, 1].
    """
    k = cand.shape[0]
    to_war = np.empty(k)
    shared = np.empty(k)
    stake = np.empty(k)
    prob = np.empty(k)
    for q in range(k):
        e = reach[cand[q], enemy[q]]
        p = to_partner[q]
        t = reach[enemy[q], partner[q]]
        h = hostility[cand[q], enemy[q]]
        if not (_unit(e) and _unit(p) and _unit(t) and _unit(h)):
            return to_war, shared, stake, prob, False
        pt = p * t
        r = e if e >= pt else pt  # noqa: FURB136  (np.maximum's rule, written out)
        d = (_scott_pi_rows(allied, cand[q], partner[q]) - _scott_pi_rows(allied, cand[q], enemy[q])) / 2.0
        s = 0.0 if d < 0.0 else (1.0 if d > 1.0 else d)  # noqa: FURB136  (np.clip's rule, written out)
        if own[q] == 1:  # beside the attacker: its own reach to the target (theory.joining.attacker_ally_reach)
            r = e
        to_war[q] = r
        shared[q] = h
        stake[q] = s
        prob[q] = rate * r * (h + s - h * s) * restraint[q]
    return to_war, shared, stake, prob, True


@njit(cache=True)
def opportunist_probability(to_best, has, sim_side, sim_foe, restraint, rate):  # pragma: no cover (compiled)
    """The opportunists' entry (:func:`foedus.sim.steps.war_entry.opportunists` after :func:`opportunist_screen`): (stake,
    probability, valid).

    :func:`foedus.theory.joining.third_party_stake` ``clip((sim_side - sim_foe) / 2, 0, 1)`` where ``has`` (else 0) and
    :func:`foedus.theory.joining.staked_opportunist_probability` ``rate * to_best * has * stake`` times the nuclear
    ``restraint``. ``valid`` is False where a similarity is not finite or a reach not in [0, 1].
    """
    k = to_best.shape[0]
    stake = np.zeros(k)
    prob = np.empty(k)
    for q in range(k):
        if has[q]:
            s = sim_side[q]
            e = sim_foe[q]
            if not (np.isfinite(s) and np.isfinite(e)):
                return stake, prob, False
            d = (s - e) / 2.0
            stake[q] = 0.0 if d < 0.0 else (1.0 if d > 1.0 else d)  # noqa: FURB136  (np.clip's rule, written out)
        r = to_best[q]
        if not _unit(r):
            return stake, prob, False
        prob[q] = rate * r * (1.0 if has[q] else 0.0) * stake[q] * restraint[q]
    return stake, prob, True


@njit(cache=True)
def entry_restraint(who, joins, enemy, members, sides, nuclear, nuclear_factor, major, gp_factor):  # pragma: no cover (compiled)
    """(restraint, joint) of states ``who`` entering a war (``members`` on ``sides``) on side ``joins`` against ``enemy``.

    :func:`foedus.sim.steps.war_entry.nuclear_restraint`: ``joint`` where the state and a belligerent of the other side
    (``3 - joins``) are ``nuclear``-armed, its factor ``nuclear_factor`` (``1 - nuclear_entry_restraint``) there, else 1;
    times :func:`foedus.theory.war_restraint.great_power_odds_factor` ``gp_factor`` (``e^b``) where ``who`` and ``enemy``
    are both ``major``, else 1.
    """
    held = np.zeros(3, np.bool_)
    for m in range(len(members)):
        if nuclear[members[m]]:
            held[sides[m]] = True
    k = len(who)
    restraint = np.empty(k)
    joint = np.zeros(k, np.bool_)
    for q in range(k):
        f = 1.0
        if nuclear[who[q]] and held[3 - joins[q]]:
            joint[q] = True
            f = nuclear_factor
        g = gp_factor if (major[who[q]] and major[enemy[q]]) else 1.0
        restraint[q] = f * g
    return restraint, joint


@njit(cache=True)
def opportunist_entries(cand, members, sides, allied, rivalry, reach, attacker, target, nuclear, nuclear_factor, major, gp_factor, rate):  # pragma: no cover (compiled)
    """:func:`opportunist_screen`, :func:`entry_restraint` and :func:`opportunist_probability` in one call: (best, to_best,
    has, sim_side, sim_foe, restraint, joint, stake, prob, valid)."""
    best, to_best, has, sim_side, sim_foe = opportunist_screen(cand, members, sides, allied, rivalry, reach, attacker, target)
    foe_side = sides[best]
    restraint, joint = entry_restraint(cand, 3 - foe_side, members[best], members, sides, nuclear, nuclear_factor, major, gp_factor)
    stake, prob, valid = opportunist_probability(to_best, has, sim_side, sim_foe, restraint, rate)
    return best, to_best, has, sim_side, sim_foe, restraint, joint, stake, prob, valid


@njit(cache=True)
def partner_entries(members, sides, pact, allied, free, active, reach, attacker, target, hostility, nuclear, nuclear_factor, major, gp_factor, rate):  # pragma: no cover (compiled)
    """:func:`partner_screen`, :func:`entry_restraint` and :func:`partner_probability` in one call: (cand, own, enemy, partner,
    to_partner, restraint, joint, reach to the war, shared adversary, stake, prob, valid)."""
    cand, own, enemy, partner, to_partner = partner_screen(members, sides, pact, allied, free, active, reach, attacker, target)
    restraint, joint = entry_restraint(cand, own, enemy, members, sides, nuclear, nuclear_factor, major, gp_factor)
    to_war, shared, stake, prob, valid = partner_probability(cand, own, enemy, partner, to_partner, reach, hostility, allied, restraint, rate)
    return cand, own, enemy, partner, to_partner, restraint, joint, to_war, shared, stake, prob, valid


@njit(cache=True, inline="always")
def _odds(own, other):  # pragma: no cover (compiled)
    """``foedus.theory.wartime._odds``: ``own / (own + other)``, 0 where the sum is not positive."""
    tot = own + other
    return own / tot if tot > 0 else 0.0


@njit(cache=True, inline="always")
def _floor0(x):  # pragma: no cover (compiled)
    """``np.maximum(x, 0.0)``: x where x >= 0 or NaN, else 0.0."""
    return x if (x >= 0.0 or np.isnan(x)) else 0.0


@njit(cache=True)
def coalition_terms(cand, b, e, cinc, reach, hostility, cost):  # pragma: no cover (compiled)
    """The terms of belligerent ``b``'s pacts against ``e`` with the candidates ``cand`` (``wartime._coalition``): (own, enemy,
    partner, gain, value, valid).

    ``own = cinc[b] * reach[b, e]`` and ``partner = cinc[c] * reach[c, e]`` (capability at the enemy's territory, ``wartime._projected``),
    ``enemy = cinc[e]``; :func:`foedus.theory.wartime.coalition_gain` ``H_be H_ce max(0, opt(odds(own + partner, enemy)) -
    opt(odds(own, enemy)))`` with ``opt(p) = max(2p - 1, 0)``; :func:`~foedus.theory.wartime.entry_value` of the partner's
    :func:`~foedus.theory.wartime.leaning` ``max(H_ce - H_cb, 0)``: ``lean * (odds(own + partner, enemy) - odds(own, enemy)) - cost``.
    ``valid`` is False (the outputs incomplete) where the theory would refuse an input (a capability negative or not finite, a
    hostility or preference not in [0, 1], a cost negative or not finite).
    """
    k = cand.shape[0]
    partner = np.empty(k)
    gain = np.empty(k)
    value = np.empty(k)
    own = cinc[b] * reach[b, e]
    enemy = cinc[e]
    hb = hostility[b, e]
    ok = np.isfinite(own) and own >= 0.0 and np.isfinite(enemy) and enemy >= 0.0 and _unit(hb) and np.isfinite(cost) and cost >= 0.0
    if not ok:
        return own, enemy, partner, gain, value, False
    alone = _odds(own, enemy)
    for q in range(k):
        c = cand[q]
        j = cinc[c] * reach[c, e]
        hj = hostility[c, e]
        hcb = hostility[c, b]
        if not (np.isfinite(j) and j >= 0.0 and _unit(hj) and _unit(hcb)):
            return own, enemy, partner, gain, value, False
        together = _odds(own + j, enemy)
        partner[q] = j
        gain[q] = hb * hj * _floor0(_floor0(2.0 * together - 1.0) - _floor0(2.0 * alone - 1.0))
        value[q] = _floor0(hj - hcb) * (together - alone) - cost
    return own, enemy, partner, gain, value, True


@njit(cache=True)
def neutrality_terms(cand, a, t, cinc, reach, hostility):  # pragma: no cover (compiled)
    """The terms of attacker ``a``'s neutrality pledges from the bystanders ``cand`` in its war with ``t`` (``wartime._neutrality``):
    (own, enemy, bystander, leaning, gain, valid).

    ``own = cinc[a] * reach[a, t]``, ``bystander = cinc[c] * reach[c, t]``, ``enemy = cinc[t]``;
    :func:`foedus.theory.wartime.leaning` ``max(H_ca - H_ct, 0)`` and :func:`~foedus.theory.wartime.leaning_neutrality_gain`
    ``H_at * leaning * max(0, opt(odds(own, enemy)) - opt(odds(own, enemy + bystander)))``. ``valid`` is False where the theory
    would refuse an input (a capability negative or not finite, a hostility not in [0, 1]).
    """
    k = cand.shape[0]
    bystander = np.empty(k)
    lean = np.empty(k)
    gain = np.empty(k)
    own = cinc[a] * reach[a, t]
    enemy = cinc[t]
    hb = hostility[a, t]
    if not (np.isfinite(own) and own >= 0.0 and np.isfinite(enemy) and enemy >= 0.0 and _unit(hb)):
        return own, enemy, bystander, lean, gain, False
    alone = _floor0(2.0 * _odds(own, enemy) - 1.0)
    for q in range(k):
        c = cand[q]
        j = cinc[c] * reach[c, t]
        hca = hostility[c, a]
        hct = hostility[c, t]
        if not (np.isfinite(j) and j >= 0.0 and _unit(hca) and _unit(hct)):
            return own, enemy, bystander, lean, gain, False
        bystander[q] = j
        lean[q] = _floor0(hca - hct)
        gain[q] = hb * lean[q] * _floor0(alone - _floor0(2.0 * _odds(own, enemy + j) - 1.0))
    return own, enemy, bystander, lean, gain, True


@njit(cache=True)
def partner_pacts_fill(members, slots, obligations, conditions, adversary, adversary_second, named_target, d, o, attacker, target, out):  # pragma: no cover (compiled)
    """:func:`foedus.sim.steps.war_entry.partner_pacts` written into ``out`` (zeros, (N, N)): whether any column was written.

    For ``b, e`` the attacker and the target, then the target and the attacker: the pacts ``slots`` (the security agreements in
    force, not coalitions) that hold ``b`` and whose defence (column ``d`` of ``obligations``) or offence (``o``) obligation
    reaches a war against ``e``; where there are some, ``out[:, b]`` and then ``out[b, :]`` are the union of their members.
    The reach is :func:`foedus.theory.joining.pledge_covers` (its :func:`foedus.theory.war.conditions_met`): a defence
    obligation reaches ``e`` where the pact's condition code has no bit 1 (``defence_named_adversary``) or names ``e``
    (``adversary``, ``adversary_second``, ``named_target``), an offence obligation where it has no bit 4
    (``offence_named_adversary``) or names ``e``; integers and booleans only, the same bits
    (``tests/sim/test_war_entry_speed.py``). One call a war and year instead of two calls of
    :func:`~foedus.sim.steps.war_entry.covering_slots` (issue 16: some 6,000 in 200 years of the 200-state world).
    """
    n = members.shape[1]
    written = False
    col = np.empty(n, np.bool_)
    for which in range(2):
        b = attacker if which == 0 else target
        e = target if which == 0 else attacker
        col[:] = False
        hit = False
        for q in range(len(slots)):
            s = slots[q]
            dd = obligations[s, d]
            oo = obligations[s, o]
            if not (dd or oo) or not members[s, b]:
                continue
            c = np.int64(conditions[s])
            named = adversary[s] == e or adversary_second[s] == e or named_target[s] == e
            if (dd and ((c & 1) == 0 or named)) or (oo and ((c & 4) == 0 or named)):
                hit = True
                for j in range(n):
                    if members[s, j]:
                        col[j] = True
        if hit:
            written = True
            for j in range(n):
                out[j, b] = col[j]
            for j in range(n):
                out[b, j] = col[j]
    return written
