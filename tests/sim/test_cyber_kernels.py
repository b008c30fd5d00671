"""The compiled passes of the cyber step (foedus.sim.steps.cyber_kernels) equal the theory's functions, to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.cyber_kernels import (
    alignment_camps,
    consent_refusals,
    consented_best,
    nonstate_moves,
    nonstate_trust,
    one_a_year,
    pair_scores,
    sharing_terms,
    state_moves,
    trust_after,
)
from foedus.theory import cyber_trust as th


def _bits(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=float).view(np.int64)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("with_cap", [True, False])
def test_consent_refusals_count_the_members_whose_sharing_value_is_negative(seed, with_cap):
    rng = np.random.default_rng(seed)
    n, k, a_n = int(rng.integers(20, 70)), int(rng.integers(1, 8)), int(rng.integers(5, 30))
    members = rng.random((a_n, n)) < rng.uniform(0.05, 0.6)
    access = np.where(rng.random(a_n) < 0.3, 0.0, rng.choice([0.5, 1.0], a_n))
    trust = rng.random((n, n)) ** 0.3
    np.fill_diagonal(trust, 1.0)
    cap = np.where(rng.random(n) < 0.3, 0.0, rng.random(n))
    vul = rng.random(n) * 0.5
    salience = float(rng.uniform(0.2, 2.0))
    size = members.sum(axis=1).astype(float)
    cap_sum = members.astype(float) @ cap
    benefit = salience * rng.random((a_n, n))
    reciprocity = th.group_reciprocity(trust, members, access)
    c_n = n if with_cap else k
    trust_in = rng.random((n, c_n)) ** 0.3
    cand_cap = cap if with_cap else np.zeros(c_n)
    want = (rng.random((a_n, c_n)) < 0.4) & (size > 0)[:, None]
    a_idx, c_idx = np.nonzero(want)
    got = consent_refusals(members, a_idx, c_idx, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap)
    # the same decision, written with the theory's functions over the (candidate, member) pairs
    for q, (a, c) in enumerate(zip(a_idx, c_idx)):
        j = np.flatnonzero(members[a])
        rho = reciprocity[a, j] * th.partner_reciprocity(trust_in[j, c], access[a])
        if with_cap:
            b = salience * np.maximum(cap_sum[a] - cap[j] + cand_cap[c], 0.0) / size[a]
        else:
            b = benefit[a, j]
        v = th.sharing_value(rho, b, vul[j])
        assert got[q] == int((v < 0.0).sum())
    assert (got > 0).any() and (got == 0).any()  # both decisions occur in these draws, so the comparison above could fail


@pytest.mark.parametrize("seed", range(8))
def test_pair_scores_are_the_theorys_sharing_values_where_a_pair_can_form(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 90))
    trust = rng.random((n, n)) ** 0.2
    cap = np.where(rng.random(n) < 0.3, 0.0, rng.random(n))
    vul = rng.random(n) * 0.5
    regime = rng.random(n)
    free = rng.random(n) < 0.7
    access, salience, tol = float(rng.uniform(0.1, 1.0)), float(rng.uniform(0.2, 2.0)), float(rng.uniform(0.05, 0.5))
    got = pair_scores(trust, access, salience, cap, vul, regime, free, tol)
    belief = th.partner_reciprocity(trust, access)
    value = th.sharing_value(belief, salience * np.broadcast_to(cap[None, :], (n, n)), np.broadcast_to(vul[:, None], (n, n)))
    camp = th.camp_distance(regime, regime)
    ok = free[:, None] & free[None, :] & (camp <= tol) & (value > 0) & (value.T > 0)
    np.fill_diagonal(ok, False)
    want = np.where(ok, value, -np.inf)
    assert np.array_equal(_bits(got), _bits(want))
    assert n < 10 or np.isfinite(got).any()


@pytest.mark.parametrize("seed", range(8))
def test_sharing_terms_are_the_theorys_benefit_value_and_camp_distance(seed):
    rng = np.random.default_rng(seed)
    n, a_n = int(rng.integers(2, 80)), int(rng.integers(1, 35))
    members = rng.random((a_n, n)) < rng.uniform(0.02, 0.5)
    members[0] = False  # an alignment without member states (its camp is NaN, its benefit 0)
    if a_n > 1:
        members[1] = False
        members[1, int(rng.integers(n))] = True  # a lone member: no other member, benefit 0
    cap = np.where(rng.random(n) < 0.3, 0.0, rng.random(n))
    vul, regime = rng.random(n), rng.random(n)
    salience = float(rng.uniform(0.0, 2.0))
    trust = rng.random((n, n)) ** 0.3
    np.fill_diagonal(trust, 1.0)
    rho = th.group_reciprocity(trust, members, rng.choice([0.0, 1.0], a_n))
    mf = members.astype(float)
    size, cap_sum = mf.sum(axis=1), mf @ cap
    camp_of = th.alignment_camp(members, cap, regime)
    benefit, value, camp = sharing_terms(members, size, cap, cap_sum, salience, rho, vul, regime, camp_of)
    others = size[:, None] - mf
    with np.errstate(invalid="ignore", divide="ignore"):
        want_b = salience * np.where(others > 0, (cap_sum[:, None] - mf * cap[None, :]) / others, 0.0)
    assert np.array_equal(_bits(benefit), _bits(want_b))
    assert np.array_equal(_bits(value), _bits(th.sharing_value(rho, want_b, np.broadcast_to(vul, members.shape))))
    assert np.array_equal(_bits(camp), _bits(th.camp_distance(regime, camp_of)))
    assert np.isnan(camp[0]).all() and (benefit[0] == 0).all()


@pytest.mark.parametrize("seed", range(8))
def test_state_moves_are_the_steps_elementwise_rule(seed):
    rng = np.random.default_rng(seed)
    n, a_n, year = int(rng.integers(2, 80)), int(rng.integers(1, 35)), 2000
    members = rng.random((a_n, n)) < rng.uniform(0.02, 0.5)
    members[0] = False
    size = members.sum(axis=1).astype(float)
    cap = np.where(rng.random(n) < 0.3, 0.0, rng.random(n))
    camp = np.where(rng.random((a_n, n)) < 0.05, np.nan, rng.random((a_n, n)))
    value = rng.normal(size=(a_n, n))
    tol, consider, exit_rate = float(rng.uniform(0.1, 0.6)), float(rng.uniform(0.2, 0.9)), float(rng.uniform(0.2, 0.9))
    d_in, d_out = rng.random((a_n, n)), rng.random((a_n, n))
    last_exit = np.where(rng.random((a_n, n)) < 0.2, year, rng.integers(-1, year, (a_n, n))).astype(np.int32)
    entry = np.where(members, np.where(rng.random((a_n, n)) < 0.2, year, rng.integers(1990, year, (a_n, n))), -1).astype(np.int32)
    want, leaving = state_moves(members, size, cap, camp, value, tol, d_in, d_out, consider, exit_rate, last_exit, entry, np.arange(a_n), year)
    in_camp = camp <= tol
    want_np = (size > 0)[:, None] & (cap > 0)[None, :] & ~members & in_camp & (value > 0) & (d_in < consider) & (last_exit != year)
    leaving_np = members & ((value < 0) | ~in_camp) & (d_out < exit_rate) & (entry < year)
    assert np.array_equal(want, want_np) and np.array_equal(leaving, leaving_np)
    assert n < 10 or a_n < 5 or (want.any() and leaving.any())  # both moves occur in these draws, so the comparison could fail


@pytest.mark.parametrize("seed", range(6))
def test_nonstate_trust_is_the_theorys(seed):
    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(2, 70)), int(rng.integers(0, 12))
    trust = rng.random((n, n))
    home = np.where(rng.random(k) < 0.3, -1, rng.integers(0, n, k)).astype(np.int64)
    out, into = nonstate_trust(trust, home, 0.9, 0.3)
    want_out, want_into = th.nonstate_trust(trust, home, home_trust=0.9, no_home_trust=0.3)
    assert np.array_equal(_bits(out), _bits(want_out)) and np.array_equal(_bits(into), _bits(want_into))


@pytest.mark.parametrize("seed", range(8))
def test_nonstate_moves_are_the_theorys_terms_and_the_steps_rule(seed):
    rng = np.random.default_rng(seed)
    n, k, a_n = int(rng.integers(2, 70)), int(rng.integers(1, 12)), int(rng.integers(1, 35))
    members = rng.random((a_n, n)) < rng.uniform(0.02, 0.5)
    members[0] = False  # an alignment without member states (its camp NaN, its benefit 0)
    cap, regime = np.where(rng.random(n) < 0.3, 0.0, rng.random(n)), rng.random(n)
    mf = members.astype(float)
    size, cap_sum = mf.sum(axis=1), mf @ cap
    camp_of = th.alignment_camp(members, cap, regime)
    salience = float(rng.uniform(0.0, 2.0))
    rho = rng.random((a_n, k))
    vul = rng.random(k) * 0.5
    stated = np.where(rng.random(k) < 0.5, np.nan, rng.random(k))
    home = np.where(rng.random(k) < 0.3, -1, rng.integers(0, n, k)).astype(np.int64)
    ns = rng.random((a_n, k)) < 0.3
    d_in, d_out = rng.random((a_n, k)), rng.random((a_n, k))
    tol, consider, exit_rate = float(rng.uniform(0.1, 0.6)), float(rng.uniform(0.3, 0.9)), float(rng.uniform(0.3, 0.9))
    value, benefit, camp, in_camp, want, leaving = nonstate_moves(cap_sum, size, salience, rho, vul, stated, home, regime, camp_of, tol, ns, d_in, d_out,
                                                                  consider, exit_rate)
    # the numpy code of the step that the kernel replaced, with the theory's functions
    mean_cap = np.divide(cap_sum, size, out=np.zeros_like(cap_sum), where=size > 0)
    want_b = np.broadcast_to((salience * mean_cap)[:, None], rho.shape)
    want_v = th.sharing_value(rho, want_b, np.broadcast_to(vul, rho.shape))
    w = th.actor_values(stated, home, regime)
    want_camp = th.camp_distance(np.where(np.isnan(w), 0.0, w), camp_of)
    want_in = ~np.isnan(w)[None, :] & (want_camp <= tol)
    assert np.array_equal(_bits(value), _bits(want_v)) and np.array_equal(_bits(benefit), _bits(want_b))
    assert np.array_equal(_bits(camp), _bits(want_camp)) and np.array_equal(in_camp, want_in)
    assert np.array_equal(want, (size > 0)[:, None] & ~ns & want_in & (want_v > 0) & (d_in < consider))
    assert np.array_equal(leaving, ns & (~want_in | (want_v < 0)) & (d_out < exit_rate))


@pytest.mark.parametrize("seed", range(8))
def test_one_a_year_keeps_the_first_of_the_highest_as_argmax(seed):
    rng = np.random.default_rng(seed)
    a_n, n = int(rng.integers(1, 30)), int(rng.integers(1, 40))
    mask = rng.random((a_n, n)) < rng.uniform(0.05, 0.5)
    value = rng.choice([-1.0, 0.0, 0.5, 1.0, np.inf, -np.inf, np.nan], (a_n, n), p=[0.2, 0.2, 0.2, 0.2, 0.05, 0.05, 0.1])
    value[0] = rng.random(n)  # rows of distinct values, and rows of ties and NaN
    got = one_a_year(mask, value)
    want = np.zeros_like(mask)
    rows = np.flatnonzero(mask.any(axis=1))
    want[rows, np.where(mask[rows], value[rows], -np.inf).argmax(axis=1)] = True
    assert np.array_equal(got, want)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("with_cap", [True, False])
def test_consented_best_is_the_consent_then_one_a_year(seed, with_cap):
    rng = np.random.default_rng(100 + seed)
    n, k, a_n = int(rng.integers(20, 70)), int(rng.integers(1, 8)), int(rng.integers(5, 30))
    members = rng.random((a_n, n)) < rng.uniform(0.05, 0.6)
    access = np.where(rng.random(a_n) < 0.3, 0.0, rng.choice([0.5, 1.0], a_n))
    trust = rng.random((n, n)) ** 0.3
    np.fill_diagonal(trust, 1.0)
    cap = np.where(rng.random(n) < 0.3, 0.0, rng.random(n))
    vul = rng.random(n) * 0.5
    salience = float(rng.uniform(0.2, 2.0))
    size = members.sum(axis=1).astype(float)
    cap_sum = members.astype(float) @ cap
    benefit = salience * rng.random((a_n, n))
    reciprocity = th.group_reciprocity(trust, members, access)
    c_n = n if with_cap else k
    trust_in = rng.random((n, c_n)) ** 0.3
    cand_cap = cap if with_cap else np.zeros(c_n)
    want = (rng.random((a_n, c_n)) < 0.4) & (size > 0)[:, None]
    value = rng.choice([0.1, 0.2, 0.3], (a_n, c_n)) if seed % 2 else rng.random((a_n, c_n))  # ties (the first kept) and distinct values
    if seed % 4 == 3:
        value[rng.random((a_n, c_n)) < 0.1] = np.nan  # NaN values: the argmax's first NaN wins
    got = consented_best(want, value, members, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap)
    a_idx, c_idx = np.nonzero(want)
    ok = consent_refusals(members, a_idx, c_idx, reciprocity, access, trust_in, benefit, cap_sum, cap, cand_cap, salience, size, vul, with_cap) == 0
    mask = np.zeros_like(want)
    mask[a_idx[ok], c_idx[ok]] = True
    assert np.array_equal(got, one_a_year(mask, value))
    assert ok.any() and (~ok).any()  # consent given and refused in these draws


@pytest.mark.parametrize("seed", range(8))
def test_alignment_camps_are_the_member_count_and_the_theorys_camp(seed):
    rng = np.random.default_rng(200 + seed)
    n, a_n = int(rng.integers(1, 70)), int(rng.integers(1, 30))
    members = rng.random((a_n, n)) < rng.uniform(0.02, 0.5)
    members[0] = False  # an alignment without member states (its camp NaN)
    cap = rng.choice([0.0, 0.3, 0.7, 1.0], n) if seed % 2 else rng.random(n)  # ties (the first kept) and distinct capacities
    if seed == 7:
        cap[rng.integers(n)] = np.nan
    if seed == 5:
        cap[:] = -np.inf  # every member's capacity -inf: numpy's argmax is column 0, a member or not (the argmax over the members alone keeps it)
    regime = rng.random(n)
    size, camp = alignment_camps(members, cap, regime)
    assert np.array_equal(_bits(size), _bits(members.astype(float).sum(axis=1)))
    assert np.array_equal(_bits(camp), _bits(th.alignment_camp(members, cap, regime)))


@pytest.mark.parametrize("seed", range(12))
def test_intrusions_are_the_draws_below_the_theory_probability(seed):
    """The step's intrusions (bounds compiled, the undecided pairs by numpy's expm1) are ``draws < clip(scale * intrusion_propensity,
    0, 1)``, to the bit, with draws placed on each probability and on the floats next to it (and states of no capacity or rate)."""
    from foedus.sim.steps.cyber import _intrusions_of
    from foedus.theory import cyber as th_cyber

    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    cap = rng.uniform(0.0, 1.0, n) * (rng.random(n) < 0.8)
    vul = rng.uniform(0.0, 1.0, n) * (rng.random(n) < 0.9)
    posture = rng.uniform(0.0, 1.0, n)
    scale = float(rng.choice([0.0, 0.01, 0.3, 1.0, 5.0]))
    prob = np.clip(scale * th_cyber.intrusion_propensity(cap, vul, posture), 0.0, 1.0)
    np.fill_diagonal(prob, 0.0)
    draws = rng.random((n, n))
    on = rng.random((n, n)) < 0.3  # draws on the probability, just below it and just above it
    draws[on] = prob[on]
    below = rng.random((n, n)) < 0.15
    draws[below] = np.nextafter(prob[below], -1.0).clip(0.0)
    above = rng.random((n, n)) < 0.15
    draws[above] = np.nextafter(prob[above], 2.0).clip(0.0, np.nextafter(1.0, 0.0))
    rate = th_cyber.intrusion_rates(cap, posture)
    got = _intrusions_of(rate, vul, scale, draws)
    assert np.array_equal(got, draws < prob)
    assert np.array_equal(rate > 0, cap > 0)


@pytest.mark.parametrize("seed", range(6))
def test_trust_after_is_the_theorys_trust_after_intrusions(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 80))
    trust = rng.random((n, n))
    trust[rng.random((n, n)) < 0.1] = 1.0
    trust[rng.random((n, n)) < 0.05] = np.nan
    intruded = rng.random((n, n)) < 0.3
    e = float(rng.choice([0.0, 0.3, 0.5, 1.0]))
    want = th.trust_after_intrusions(trust, intruded, e)
    assert np.array_equal(_bits(trust_after(trust, intruded, e)), _bits(want))


@pytest.mark.parametrize("seed", range(10))
def test_incidents_and_escalate_are_the_theorys_attribution_trust_update_and_escalation(seed):
    """cyber_kernels.incidents and escalate against the step's former numpy path, written with the theory's functions (to the bit, the
    same draws consumed in the same order): attribution_probability, trust_update, trust_after_intrusions, escalation_probability."""
    from foedus.sim.steps.cyber_kernels import escalate, incidents
    from foedus.theory import cyber as th_cyber

    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(12, 90))
    intr = rng.random((n, n)) < rng.uniform(0.05, 0.5)
    np.fill_diagonal(intr, False)
    cap = np.where(rng.random(n) < 0.2, 0.0, rng.random(n) * rng.choice([1.0, 10.0]))
    trust = rng.random((n, n))
    trust[rng.random((n, n)) < 0.1] = 1.0
    trust[rng.random((n, n)) < 0.1] = 0.0
    hostility = rng.uniform(-0.2, 1.2, (n, n))  # out of [0, 1] too: the fear is clipped
    hostility[rng.random((n, n)) < 0.05] = 0.0
    base, sens = (0.3, 1.0) if seed < 5 else (float(rng.uniform(0.05, 0.95)), float(rng.uniform(0.3, 3.0)))
    lam, mu, s = (0.5, float(rng.uniform(0.0, 0.2)), 0.0) if seed < 5 else tuple(float(x) for x in rng.random(3))
    e = float(rng.choice([0.0, 0.3, 0.5, 1.0]))
    det, delta, purpose = (1.0, 0.0, 0.0) if seed < 5 else tuple(float(x) for x in rng.random(3))
    step = float(rng.uniform(0.0, 0.2))
    draws = rng.random(int(intr.sum()))
    draws2_all = rng.random(n * n)
    # the former path (sim/steps/cyber.py before the fusion)
    i_all, j_all = np.nonzero(intr)
    hit = draws < th_cyber.attribution_probability(cap[i_all], cap[j_all], base=base, sensitivity=sens)
    i_w, j_w = i_all[hit], j_all[hit]
    att_w = np.zeros((n, n), bool)
    att_w[i_w, j_w] = True
    trust_w = th_cyber.trust_update(trust, intr.T.astype(float), att_w.T.astype(float), learning_rate=lam, recovery_rate=mu, suspicion=s)
    year_w = th.trust_after_intrusions(trust_w, intr, e)
    fear = np.clip(hostility[j_w, i_w], 0.0, 1.0)
    esc_w = th_cyber.escalation_probability(1.0, 1.0, fear, detection=det, distinguishability=delta, purpose_attack=purpose)
    draws2 = draws2_all[: len(i_w)]
    escalate_w = draws2 < esc_w
    host_w = hostility.copy()
    host_w[j_w[escalate_w], i_w[escalate_w]] += step

    att, trust_g, year_g, i_g, j_g, esc_g = incidents(intr, cap, draws, base, sens, trust, lam, mu, s, e, hostility, 1.0, 1.0, det, delta, purpose)
    assert np.array_equal(att, att_w) and np.array_equal(i_g, i_w) and np.array_equal(j_g, j_w)
    assert np.array_equal(_bits(trust_g), _bits(trust_w)) and np.array_equal(_bits(year_g), _bits(year_w))
    assert np.array_equal(_bits(esc_g), _bits(esc_w))
    host_g = hostility.copy()
    got = escalate(host_g, i_g, j_g, esc_g, draws2, step)
    assert np.array_equal(got, escalate_w) and np.array_equal(_bits(host_g), _bits(host_w))
    assert hit.any() and (~hit).any() and (trust_g != trust).any() and (esc_g > 0).any()  # both verdicts occur, trust and fear move: the comparisons could fail


@pytest.mark.parametrize("seed", range(8))
def test_the_fused_year_passes_are_the_kernels_they_chain(seed):
    """``sharing_year`` is :func:`alignment_camps` then :func:`sharing_terms`; ``state_year`` is :func:`state_moves` (on the rows ``slots``
    of the whole exit and entry arrays) then :func:`consented_best` of the states: the same bits and truth values."""
    from foedus.sim.steps.cyber_kernels import sharing_year, state_year

    rng = np.random.default_rng(300 + seed)
    n, a_n, cap_rows, year = int(rng.integers(3, 80)), int(rng.integers(1, 35)), 50, 2000
    members = rng.random((a_n, n)) < rng.uniform(0.05, 0.5)
    members[0] = False
    cap = np.where(rng.random(n) < 0.3, 0.0, rng.random(n))
    vul, regime = rng.random(n) * 0.5, rng.random(n)
    salience = float(rng.uniform(0.2, 2.0))
    trust = rng.random((n, n)) ** 0.2
    np.fill_diagonal(trust, 1.0)
    access = rng.choice([0.0, 0.5, 1.0], a_n)
    rho = th.group_reciprocity(trust, members, access)
    cap_sum = members.astype(float) @ cap
    size, camp_of = alignment_camps(members, cap, regime)
    terms = sharing_terms(members, size, cap, cap_sum, salience, rho, vul, regime, camp_of)
    got = sharing_year(members, cap, regime, cap_sum, salience, rho, vul)
    for a, b in zip(got, (size, camp_of, *terms)):
        assert np.array_equal(_bits(a), _bits(b))
    benefit, value, camp = terms
    slots = rng.choice(cap_rows, a_n, replace=False).astype(np.int64)
    last_exit = np.where(rng.random((cap_rows, n)) < 0.2, year, rng.integers(-1, year, (cap_rows, n))).astype(np.int32)
    entry = np.where(rng.random((cap_rows, n)) < 0.2, year, rng.integers(1990, year, (cap_rows, n))).astype(np.int32)
    tol, consider, exit_rate = float(rng.uniform(0.2, 0.8)), float(rng.uniform(0.3, 0.9)), float(rng.uniform(0.3, 0.9))
    d_in, d_out = rng.random((a_n, n)), rng.random((a_n, n))
    want, leaving = state_moves(members, size, cap, camp, value, tol, d_in, d_out, consider, exit_rate, last_exit, entry, slots, year)
    joining = consented_best(want, value, members, rho, access, trust, benefit, cap_sum, cap, cap, salience, size, vul, True)
    j2, l2 = state_year(members, size, cap, camp, value, tol, d_in, d_out, consider, exit_rate, last_exit, entry, slots, year, rho, access, trust,
                        benefit, cap_sum, salience, vul)
    assert np.array_equal(j2, joining) and np.array_equal(l2, leaving)
    assert n < 10 or a_n < 5 or (want.any() and leaving.any())  # moves to compare


@pytest.mark.parametrize("seed", range(12))
def test_the_compiled_group_reciprocity_is_the_theorys_to_the_bit(seed):
    """Its logarithms compiled, its product and exp numpy's: the theory's bits, with one or many alignments per access value, actors
    certain to be exploited (trust 0 at access 1: reciprocity 0), columns of no member, firms' rows (M != N) and a single actor."""
    from foedus.sim.steps.cyber_kernels import group_reciprocity

    rng = np.random.default_rng(400 + seed)
    n, a_n = int(rng.integers(2, 90)), int(rng.integers(1, 40))
    m_n = n if seed % 3 else int(rng.integers(1, 8))
    members = rng.random((a_n, n)) < rng.uniform(0.02, 0.4)
    access = rng.choice([0.0, 0.25, 0.5, 1.0], a_n) if seed % 2 else np.full(a_n, float(rng.choice([0.5, 1.0])))
    trust = rng.random((m_n, n)) ** 0.3
    if seed % 4 == 1:
        trust[rng.random((m_n, n)) < 0.05] = 0.0  # certain exploitation where access is 1
        access[0], members[0, 0], trust[0, 0] = 1.0, True, 0.0  # at least once
    want = th.group_reciprocity(trust, members, access, check=False)
    got = group_reciprocity(trust, members, access)
    assert got.shape == want.shape and np.array_equal(_bits(got), _bits(want))
    assert (want > 0).any() and (want < 1).any()  # something to compare
    if seed % 4 == 1:
        assert want[0, 0] == 0.0  # the certain exploitation's branch was taken
