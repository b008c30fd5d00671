"""Tests of foedus.theory.cyber_trust: Kydd's assurance threshold, the n-person stag hunt, camps."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import cyber as C
from foedus.theory import cyber_trust as T

FAST = settings(max_examples=60, deadline=None)
unit = st.floats(0.0, 1.0)
pos = st.floats(0.01, 10.0)


def test_the_stag_hunt_needs_three_quarters_trust():
    """Skyrms (2004): stag 4 with a stag hunter, 0 alone; hare 3 either way -> hunt stag iff p >= 3/4."""
    assert T.assurance_threshold(4.0, 0.0, 3.0, 3.0) == pytest.approx(0.75)
    # Harsanyi & Selten: hare is risk-dominant exactly because the threshold is above one half
    assert T.assurance_threshold(4.0, 0.0, 3.0, 3.0) > 0.5


@FAST
@given(pos, pos, st.floats(-5, 5), st.floats(0.01, 5))
def test_at_the_threshold_cooperating_and_defecting_pay_the_same(gain, loss, t, gap):
    r, tt = t + gain, t  # R > T
    p_, s = t, t - loss  # P > S
    p = float(T.assurance_threshold(r, s, tt, p_))
    assert 0 < p < 1
    assert p * r + (1 - p) * s == pytest.approx(p * tt + (1 - p) * p_, abs=1e-9)


def test_assurance_threshold_refuses_a_prisoners_dilemma():
    with pytest.raises(ValueError, match="assurance_threshold: an Assurance game"):
        T.assurance_threshold(3.0, 0.0, 5.0, 1.0)  # T > R: a PD, not an Assurance game


@FAST
@given(pos, pos, unit)
def test_sharing_pays_exactly_above_kydds_threshold(b, loss, rho):
    v = float(T.sharing_value(rho, b, loss))
    p_star = float(T.assurance_threshold(b, -loss))
    assert (v > 0) == (rho > p_star) or abs(rho - p_star) < 1e-9


def test_group_reciprocity_multiplies_pairwise_trust():
    trust = np.array([[1.0, 0.9, 0.8, 0.5], [0.9, 1.0, 0.9, 0.5], [0.8, 0.9, 1.0, 0.5], [0.5, 0.5, 0.5, 1.0]])
    members = np.array([[True, True, True, False], [False, True, True, False], [True, True, True, True]])
    rho = T.group_reciprocity(trust, members, np.array([1.0, 1.0, 0.0]))
    # actor 0 in {0, 1, 2}: its own trust 1 counts for nothing; 0.9 * 0.8
    assert rho[0, 0] == pytest.approx(0.72)
    # a candidate outside {1, 2}: the product over both
    assert rho[1, 3] == pytest.approx(0.25)
    # a norms pledge (access 0) exposes nothing: reciprocity 1 whoever is in it
    np.testing.assert_allclose(rho[2], 1.0)
    # half the networks opened: each untrustworthy partner finds half as much to exploit
    half = T.group_reciprocity(trust, members[:1], np.array([0.5]))
    assert half[0, 3] == pytest.approx((1 - 0.5 * 0.5) ** 3)


def _reciprocity_over_every_column(trust, members, access):
    """group_reciprocity as it was first written: the logarithms of every (actor, state) pair."""
    log_rho = np.zeros((members.shape[0], trust.shape[0]))
    mf = members.astype(float)
    for a_val in np.unique(access):
        rows = access == a_val
        if a_val == 0.0:
            continue
        with np.errstate(divide="ignore"):
            logf = np.log1p(-a_val * (1.0 - trust))
        mr = mf if rows.all() else mf[rows]
        finite = np.isfinite(logf)
        if finite.all():
            log_rho[rows] = mr @ logf.T
            continue
        certain = (mr @ (~finite).T.astype(float)) > 0
        log_rho[rows] = np.where(certain, -np.inf, mr @ np.where(finite, logf, 0.0).T)
    return np.exp(log_rho)


@pytest.mark.parametrize("seed", range(12))
def test_group_reciprocity_takes_logarithms_only_where_members_are_and_gives_the_same_bits(seed):
    """Logarithms in the members' columns only (a speed-up) give every product to the bit, certain exploiters included."""
    rng = np.random.default_rng(seed)
    n, k, a_n = int(rng.integers(2, 70)), int(rng.integers(1, 70)), int(rng.integers(1, 35))
    members = rng.random((a_n, n)) < rng.uniform(0.02, 0.3)
    access = rng.choice([0.0, 0.25, 1.0], a_n)
    trust = rng.random((k, n)) ** 0.2
    trust[rng.random((k, n)) < 0.02] = 0.0  # some partners certain to exploit (with access 1)
    want = _reciprocity_over_every_column(trust, members, access)
    got = T.group_reciprocity(trust, members, access)
    assert np.array_equal(got.view(np.int64), want.view(np.int64))
    assert (want[access == 1.0] < 1.0).any() or not (members[access == 1.0].any())


@FAST
@given(st.floats(0.5, 0.99), st.floats(0.05, 2.0), st.floats(0.05, 2.0))
def test_trust_is_never_universal_an_alignment_has_a_largest_size(tau, b, loss):
    """With trust tau in each partner, sharing pays with k partners iff tau**k > L / (B + L): a largest k exists."""
    p_star = loss / (b + loss)
    k_max = int(np.floor(np.log(p_star) / np.log(tau) - 1e-12))
    for k in (1, 2, 5, 20, 60):
        trust = np.full((1, k + 1), tau)
        trust[0, 0] = 1.0
        rho = T.group_reciprocity(trust, np.ones((1, k + 1), bool), np.array([1.0]))[0, 0]
        assert (T.sharing_value(rho, b, loss) > 0) == (k <= k_max) or abs(rho - p_star) < 1e-9


def test_the_camp_is_the_leaders_values_and_distance_is_absolute():
    members = np.array([[True, True, False], [False, False, True], [False, False, False]])
    cap = np.array([0.2, 0.9, 0.5])
    regime = np.array([0.4, 0.8, 0.1])
    camp = T.alignment_camp(members, cap, regime)
    np.testing.assert_allclose(camp[:2], [0.8, 0.1])
    assert np.isnan(camp[2])
    d = T.camp_distance(np.array([0.8, 0.1]), camp)
    np.testing.assert_allclose(d[:2], [[0.0, 0.7], [0.7, 0.0]])


def test_a_firm_takes_its_stated_values_else_its_home_states():
    regime = np.array([0.9, 0.2])
    w = T.actor_values([np.nan, 0.7, np.nan, np.nan], [0, 1, 1, -1], regime)
    np.testing.assert_allclose(w[:3], [0.9, 0.7, 0.2])
    assert np.isnan(w[3])  # neither: no camp


def test_a_firm_trusts_and_is_trusted_as_its_home_state():
    trust = np.array([[1.0, 0.3, 0.8], [0.2, 1.0, 0.4], [0.7, 0.5, 1.0]])
    out, into = T.nonstate_trust(trust, [0, -1], home_trust=0.95, no_home_trust=0.5)
    np.testing.assert_allclose(out[0], [0.95, 0.3, 0.8])  # the home state's row, its own home at home_trust
    np.testing.assert_allclose(into[:, 0], [0.95, 0.2, 0.7])  # the others' trust in the home state
    np.testing.assert_allclose(out[1], 0.5)
    np.testing.assert_allclose(into[:, 1], 0.5)


def test_defensive_posture_rises_with_democracy_from_one_half():
    np.testing.assert_allclose(C.defensive_posture([0.0, 0.5, 1.0]), [0.5, 0.75, 1.0])
    with pytest.raises(ValueError, match="defensive_posture: regime"):
        C.defensive_posture([1.5])


@FAST
@given(pos, pos, unit)
def test_the_sharing_helpers_are_the_published_forms_with_one_partner(b, loss, tau):
    assert float(T.sharing_threshold(b, loss)) == pytest.approx(float(T.assurance_threshold(b, -loss)))
    single = T.group_reciprocity(np.array([[1.0, tau]]), np.array([[False, True]]), np.array([0.7]))[0, 0]
    assert float(T.partner_reciprocity(tau, 0.7)) == pytest.approx(single)


def test_an_intruder_is_distrusted_this_year_at_least_by_the_espionage_risk():
    trust = np.array([[1.0, 0.9], [0.9, 1.0]])
    intruded = np.array([[False, True], [False, False]])  # 0 intruded into 1
    out = T.trust_after_intrusions(trust, intruded, 0.5)
    np.testing.assert_allclose(out, [[1.0, 0.9], [0.5, 1.0]])  # 1's trust in 0 falls, 0's in 1 does not
    assert T.sharing_threshold(0.0, 0.0) == 0.0 and T.cyber_salience(0.5) == 1.0
