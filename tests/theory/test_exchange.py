"""Tests of foedus.theory.exchange: Morrow's autonomy-security exchange, analytic results, properties, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from foedus.theory import exchange

from ._common import draw, same_bits, shapes

FAST = settings(max_examples=60, deadline=None)
power = st.floats(1e-3, 3.0)


def test_equal_powers_form_a_symmetric_alliance():
    # Morrow: in a symmetric alliance both gain security and both give up autonomy
    ex = exchange.morrow_exchange(0.1, 0.1, commitment_cost=0.1)
    s_alone = 0.1 / 0.3
    s_pair = 0.2 / 0.4
    assert ex.feasible and ex.symmetric_feasible
    assert ex.concession == pytest.approx(0.0, abs=1e-12)
    assert ex.security_gain_i == pytest.approx(s_pair - s_alone)
    assert ex.security_gain_j == pytest.approx(s_pair - s_alone)
    assert ex.autonomy_change_i == pytest.approx(-0.1) and ex.autonomy_change_j == pytest.approx(-0.1)


@FAST
@given(power, st.floats(0.01, 0.95), st.floats(0.2, 3.0), st.floats(0.0, 0.4), st.floats(0.05, 1.0))
def test_weaker_side_gains_security_and_gives_autonomy(p_strong, ratio, theta, kappa, adversary):
    ex = exchange.morrow_exchange(p_strong, p_strong * ratio, autonomy_weight=theta, commitment_cost=kappa, adversary=adversary)
    assume(bool(ex.feasible))
    assert ex.security_gain_j > ex.security_gain_i > 0  # j is the weaker side
    assert ex.concession > 0  # autonomy flows from the weak to the strong
    assert ex.autonomy_change_j < ex.autonomy_change_i
    assert ex.utility_gain_i > 0 and ex.utility_gain_j > 0


@FAST
@given(power, power, st.floats(0.2, 3.0), st.floats(0.0, 0.6), st.floats(0.05, 1.0))
def test_symmetric_contract_feasible_implies_asymmetric_feasible(p_i, p_j, theta, kappa, adversary):
    ex = exchange.morrow_exchange(p_i, p_j, autonomy_weight=theta, commitment_cost=kappa, adversary=adversary)
    if ex.symmetric_feasible:
        assert ex.feasible


@pytest.mark.parametrize("p_strong", [0.01, 0.15, 0.5])
def test_asymmetric_alliances_pay_over_a_wider_range_of_capability_ratios(p_strong):
    # Morrow's H1: asymmetric alliances form more easily than symmetric ones
    ratio = np.geomspace(1e-4, 1.0, 4001)
    ex = exchange.morrow_exchange(p_strong, p_strong * ratio)
    assert ex.feasible.all()  # the exchange of autonomy for security works at every ratio here
    assert not ex.symmetric_feasible[0]  # but a symmetric alliance with a tiny partner does not
    assert ex.feasible.sum() > ex.symmetric_feasible.sum()
    # the symmetric region is exactly the analytic interval ratio > rho*
    rho_star = float(exchange.symmetric_ratio_threshold(p_strong))
    away = np.abs(ratio - rho_star) > 1e-6
    np.testing.assert_array_equal(ex.symmetric_feasible[away], (ratio > rho_star)[away])


@FAST
@given(st.floats(0.005, 2.0))
def test_strong_side_gains_autonomy_net_in_very_asymmetric_pairs(p_strong):
    # as the partner's relative power goes to 0 the concession tends to 1 - kappa, so the strong
    # side's net autonomy change tends to 1 - 2 kappa > 0 (kappa = 0.1 by default)
    ex = exchange.morrow_exchange(p_strong, 0.05 * p_strong)
    assert ex.feasible and ex.autonomy_change_i > 0 > ex.autonomy_change_j


@settings(max_examples=25, deadline=None)
@given(power, st.floats(0.02, 1.0), st.floats(0.3, 3.0), st.floats(0.0, 0.4))
def test_concession_is_the_nash_bargaining_solution(p_i, ratio, theta, kappa):
    ex = exchange.morrow_exchange(p_i, p_i * ratio, autonomy_weight=theta, commitment_cost=kappa)
    assume(bool(ex.feasible))
    g_i = float(ex.utility_gain_i - theta * np.log(1 - kappa + ex.concession))
    g_j = float(ex.utility_gain_j - theta * np.log(1 - kappa - ex.concession))
    lo = np.exp(-g_i / theta) - (1 - kappa)
    hi = (1 - kappa) - np.exp(-g_j / theta)

    def neg_log_nash(x):
        return -(np.log(g_i + theta * np.log(1 - kappa + x)) + np.log(g_j + theta * np.log(1 - kappa - x)))

    best = minimize_scalar(neg_log_nash, bounds=(lo + 1e-12, hi - 1e-12), method="bounded", options={"xatol": 1e-12})
    assert neg_log_nash(float(ex.concession)) <= best.fun + 1e-9


def test_utility_gains_follow_the_documented_forms():
    p_i, p_j, r, theta, kappa = 0.3, 0.05, 0.2, 1.5, 0.2
    ex = exchange.morrow_exchange(p_i, p_j, adversary=r, autonomy_weight=theta, commitment_cost=kappa)
    s = lambda p: p / (p + r)  # noqa: E731
    assert ex.security_gain_i == pytest.approx(s(p_i + p_j) - s(p_i))
    assert ex.utility_gain_i == pytest.approx(np.log(s(p_i + p_j) / s(p_i)) + theta * np.log(1 + ex.autonomy_change_i))
    assert ex.utility_gain_j == pytest.approx(np.log(s(p_i + p_j) / s(p_j)) + theta * np.log(1 + ex.autonomy_change_j))


def test_no_contract_when_the_pledge_costs_almost_all_autonomy():
    ds, da = exchange.autonomy_security_exchange(0.1, 0.1, commitment_cost=0.99)
    assert ds == 0 and da == 0


def test_exchange_matrix_is_pairwise_with_zero_diagonal():
    power = np.array([0.3, 0.1, 0.02])
    ds, da = exchange.exchange_matrix(power)
    assert ds.shape == da.shape == (3, 3)
    assert np.all(np.diag(ds) == 0) and np.all(np.diag(da) == 0)
    for i in range(3):
        for j in range(3):
            if i != j:
                assert ds[i, j] == pytest.approx(exchange.autonomy_security_exchange(power[i], power[j])[0])
    assert ds[2, 0] > ds[0, 2]  # the weak state gains more security from the strong than vice versa
    assert da[2, 0] < da[0, 2]  # and pays in autonomy


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"power_i": 0.0, "power_j": 0.1}, "power_i"),
        ({"power_i": 0.1, "power_j": -1.0}, "power_j"),
        ({"power_i": 0.1, "power_j": np.nan}, "power_j"),
        ({"power_i": 0.1, "power_j": 0.1, "commitment_cost": 1.0}, "commitment_cost"),
        ({"power_i": 0.1, "power_j": 0.1, "adversary": 0.0}, "adversary"),
        ({"power_i": [0.1, 0.2], "power_j": [0.1, 0.2, 0.3]}, "broadcast"),
    ],
)
def test_morrow_bad_input(kwargs, field):
    with pytest.raises(ValueError, match=field):
        exchange.morrow_exchange(**kwargs)


def test_exchange_matrix_needs_a_vector():
    with pytest.raises(ValueError, match="1-D"):
        exchange.exchange_matrix(np.ones((2, 2)))


def test_morrow_security_is_a_concave_contest_ratio():
    s = exchange.morrow_security(np.array([0.0, 0.1, 0.2, 0.3]), adversary=0.1)
    np.testing.assert_allclose(s, [0.0, 0.5, 2 / 3, 0.75])
    assert np.all(np.diff(s, 2) < 0)
    with pytest.raises(ValueError, match="adversary"):
        exchange.morrow_security(0.1, adversary=-1.0)


@FAST
@given(st.integers(0, 2**32 - 1), st.lists(shapes, min_size=2, max_size=2))
def test_check_false_gives_the_same_bits_on_valid_input(seed, sh):
    rng = np.random.default_rng(seed)
    p_i, p_j = draw(rng, sh[0], 1e-3, 0.3), draw(rng, sh[1], 1e-3, 0.3)
    kw = {"adversary": float(rng.uniform(0.05, 0.5)), "autonomy_weight": float(rng.uniform(0.2, 3.0)),
          "commitment_cost": float(rng.uniform(0.0, 0.4)), "iterations": 24}
    for a, b in zip(exchange.morrow_exchange(p_i, p_j, **kw), exchange.morrow_exchange(p_i, p_j, **kw, check=False)):
        same_bits(a, b)


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="morrow_exchange: power_i must be > 0"):
        exchange.morrow_exchange(0.0, 0.1, check=True)


# --- concessions worth the capability behind them (Morrow 1991; mix, session 6) ---


def test_concession_worth_is_the_contest_share_of_the_capability_ratio():
    # Morrow: a concession is the use of the payer's capabilities; worth half at the ratio r0, all for a peer, none for nothing
    assert exchange.concession_worth(1e-3, 0.1, half_worth=1e-2) == pytest.approx(0.5)
    assert exchange.concession_worth(0.1, 0.1, half_worth=1e-2) == pytest.approx(1 / 1.01)
    assert exchange.concession_worth(1e-9, 0.1, half_worth=1e-2) == pytest.approx(1e-6, rel=1e-3)
    assert exchange.concession_worth(1e-9, 0.1) == 1.0  # r0 = 0: the bare exchange


@given(st.floats(1e-6, 1.0), st.floats(1e-6, 1.0), st.floats(0.0, 0.1))
@FAST
def test_concession_worth_is_monotone_and_bounded(pp, pr, r0):
    eta = float(exchange.concession_worth(pp, pr, half_worth=r0))
    assert 0.0 <= eta <= 1.0
    assert float(exchange.concession_worth(pp * 2.0, pr, half_worth=r0)) >= eta  # a stronger payer's concession is worth more
    assert float(exchange.concession_worth(pp, pr * 2.0, half_worth=r0)) <= eta  # and less to a stronger receiver


def test_a_great_power_gains_nothing_from_a_microstates_concessions():
    # the defect this removes: the UK gained 0.73 of Andorra's autonomy, worth as much as France's (1990 run, seed 1)
    p_strong, p_micro, p_mid = 0.0236, 1e-6, 0.015
    ex = exchange.morrow_exchange(np.array([p_strong, p_strong]), np.array([p_micro, p_mid]), iterations=24)
    bare = ex.autonomy_change_i
    valued = exchange.valued_autonomy_change(bare, ex.concession, p_strong, np.array([p_micro, p_mid]), half_worth=1e-3)
    assert bare[0] > 0.5  # the bare exchange: a large gain from a powerless partner
    assert valued[0] == pytest.approx(-0.1, abs=0.05)  # at its worth: about the pledge alone (commitment_cost 0.1)
    assert valued[1] == pytest.approx(bare[1], abs=0.01)  # a partner of comparable strength concedes nearly in full
    # the payer's side is unchanged
    payer = exchange.valued_autonomy_change(ex.autonomy_change_j, -ex.concession, np.array([p_micro, p_mid]), p_strong, half_worth=1e-3)
    assert np.array_equal(payer, ex.autonomy_change_j)


def test_a_concession_counts_with_the_share_of_the_receivers_power_that_reaches_the_payer():
    """Boulding (1962), Lemke (2002): the same exchange with a partner the receiver reaches in full is valued as without reach;
    reached with a share rho of its capability, the concession counts rho times its worth (the pledge is unchanged), so the
    autonomy change is linear in rho between the pledge alone (rho 0) and the full valued change (rho 1); the payer's side
    and a receiver that pays are untouched; rho outside [0, 1] is refused."""
    p_strong, p_mid = 0.1, 0.01
    ex = exchange.morrow_exchange(np.array([p_strong]), np.array([p_mid]), iterations=24)
    assert ex.feasible[0] and ex.concession[0] > 0
    full = exchange.valued_autonomy_change(ex.autonomy_change_i, ex.concession, p_strong, p_mid, half_worth=1e-4)
    same = exchange.valued_autonomy_change(ex.autonomy_change_i, ex.concession, p_strong, p_mid, half_worth=1e-4, reach_share=1.0)
    assert np.array_equal(full, same)
    rho = np.linspace(0.0, 1.0, 5)
    reached = exchange.valued_autonomy_change(ex.autonomy_change_i, ex.concession, p_strong, p_mid, half_worth=1e-4, reach_share=rho)
    pledge_alone = ex.autonomy_change_i - ex.concession  # what i keeps when the concession is worth nothing
    assert reached[0] == pytest.approx(pledge_alone[0]) and reached[-1] == pytest.approx(full[0])
    assert np.allclose(np.diff(reached), np.diff(reached)[0]) and (np.diff(reached) > 0).all()
    payer = exchange.valued_autonomy_change(ex.autonomy_change_j, -ex.concession, p_mid, p_strong, half_worth=1e-4, reach_share=0.0)
    assert np.array_equal(payer, ex.autonomy_change_j)
    with pytest.raises(ValueError, match="valued_autonomy_change: reach_share"):
        exchange.valued_autonomy_change(0.5, 0.5, 0.1, 0.01, reach_share=1.5)


def test_a_sphere_of_influence_is_a_threshold_on_the_share_that_reaches():
    """Lemke (2002): the relevant neighbourhood is bounded by a threshold on the loss-of-strength gradient: inside (share at or
    above the threshold) 1, outside 0, monotone in the share; threshold 0 puts everyone inside; bad input is named."""
    rho = np.linspace(0.0, 1.0, 101)
    inside = exchange.sphere_of_influence(rho, 0.4)
    assert set(inside.tolist()) == {0.0, 1.0}
    assert (inside[rho >= 0.4 - 1e-12] == 1.0).all() and (inside[rho < 0.4 - 1e-12] == 0.0).all()
    assert (np.diff(inside) >= 0).all()
    assert (exchange.sphere_of_influence(rho, 0.0) == 1.0).all()
    with pytest.raises(ValueError, match="sphere_of_influence: threshold"):
        exchange.sphere_of_influence(rho, 1.5)


def test_concession_worth_rejects_bad_input():
    with pytest.raises(ValueError, match="concession_worth: power_payer"):
        exchange.concession_worth(0.0, 0.1)
    with pytest.raises(ValueError, match="concession_worth: half_worth"):
        exchange.concession_worth(0.1, 0.1, half_worth=-1.0)


def test_a_concession_from_where_one_has_no_interests_is_worth_nothing():
    """concession_interest (Morrow 1991; Maoz & Russett 1993, Lemke & Reed 2001): a regional power (0) has interests in its
    neighbour (1) and not in a distant microstate (2); a great power (3) in every state. Fed to valued_autonomy_change as the
    reach share, the regional power's autonomy change from the microstate is its own pledge alone (Delta a - x, the
    analytically known value of a concession worth nothing), from its neighbour the bare exchange; weight 0 is the bare
    exchange everywhere and 0.5 counts half."""
    c = np.zeros((4, 4), bool)
    c[0, 1] = c[1, 0] = True
    major = np.array([False, False, False, True])
    interest = exchange.concession_interest(c, major)
    assert interest[0, 1] == 1.0 and interest[0, 2] == 0.0 and interest[0, 3] == 0.0 and (interest[3] == 1.0).all()
    assert (np.diag(interest) == 1.0).all() and interest[2, 0] == 0.0
    assert (exchange.concession_interest(c, major, weight=0.0) == 1.0).all()
    assert exchange.concession_interest(c, major, weight=0.5)[0, 2] == 0.5
    ex = exchange.morrow_exchange(np.array([0.1, 0.1]), np.array([0.01, 1e-4]))
    got = exchange.valued_autonomy_change(ex.autonomy_change_i, ex.concession, 0.1, np.array([0.01, 1e-4]), reach_share=interest[0, 1:3])
    assert (ex.concession > 0).all()
    assert got[0] == ex.autonomy_change_i[0] and np.isclose(got[1], ex.autonomy_change_i[1] - ex.concession[1])


def test_concession_interest_rejects_bad_input():
    with pytest.raises(ValueError, match="weight"):
        exchange.concession_interest(np.zeros((2, 2), bool), np.zeros(2, bool), weight=2.0)
    with pytest.raises(ValueError):
        exchange.concession_interest(np.zeros((2, 2), bool), np.zeros(3, bool))
