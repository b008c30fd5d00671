"""The compiled passes of the cyber step (foedus.sim.steps.cyber_kernels) equal the theory's functions, to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.cyber_kernels import consent_refusals, pair_scores, sharing_terms
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
