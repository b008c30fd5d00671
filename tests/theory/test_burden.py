"""Tests of foedus.theory.burden: Olson & Zeckhauser's burden sharing, the exact Nash equilibrium and its properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from foedus.theory import burden

FAST = settings(max_examples=60, deadline=None)


def test_single_contributor_and_free_rider():
    # with beta = 1/2, the rich member alone would spend half its income: Q = beta * I_1 / p;
    # the poor one free-rides because its income 1 < p k Q = 50
    q = burden.burden_shares(0.5, [100.0, 1.0])
    np.testing.assert_allclose(q, [50.0, 0.0])


def test_two_identical_members_closed_form():
    # symmetric interior equilibrium: q = beta I / (p (2 - beta))
    beta, income, price = 0.3, 10.0, 2.0
    q = burden.burden_shares(beta, [income, income], price=price)
    np.testing.assert_allclose(q, beta * income / (price * (2 - beta)) * np.ones(2))


incomes = st.lists(st.floats(0.05, 1e4), min_size=2, max_size=8)


@settings(max_examples=30, deadline=None)
@given(incomes, st.data(), st.floats(0.2, 5.0))
def test_no_member_gains_by_deviating(income, data, price):
    income = np.array(income)
    beta = np.array(data.draw(st.lists(st.floats(0.05, 0.95), min_size=len(income), max_size=len(income))))
    q = burden.burden_shares(beta, income, price=price)
    total = q.sum()
    np.testing.assert_allclose(burden.best_response(beta, income, total - q, price=price), q, rtol=1e-9, atol=1e-9 * total)
    for i in range(len(income)):
        others = total - q[i]

        def neg_u(x, i=i, others=others):
            return -((1 - beta[i]) * np.log(income[i] - price * x) + beta[i] * np.log(x + others + 1e-300))

        best = minimize_scalar(neg_u, bounds=(0.0, income[i] / price * (1 - 1e-9)), method="bounded", options={"xatol": 1e-10})
        assert neg_u(q[i]) <= min(best.fun, neg_u(0.0)) + 1e-7


@FAST
@given(incomes, st.floats(0.05, 0.95))
def test_large_members_carry_a_disproportionate_share(income, beta):
    income = np.sort(np.array(income))
    q = burden.burden_shares(beta, income)
    ratio = burden.burden_ratio(q, income)
    assert np.all(np.diff(q / income) >= -1e-12)  # burden as a share of income rises with income
    assert np.all(np.diff(ratio) >= -1e-9)
    assert ratio[-1] >= 1.0 - 1e-12  # the largest member pays at least its income share


def test_smallest_members_free_ride_with_enough_inequality():
    income = np.array([1000.0, 900.0, 20.0, 5.0])
    beta = 0.2
    eq = burden.burden_sharing_equilibrium(beta, income)
    k = (1 - beta) / beta
    free = income < k * eq.total  # the analytic free-riding condition I_i <= p k Q
    assert free[2:].all() and not free[:2].any()
    np.testing.assert_array_equal(eq.contributors, ~free)
    np.testing.assert_allclose(eq.contributions[2:], 0.0)


@FAST
@given(incomes, st.floats(0.05, 0.95))
def test_total_below_samuelson_level(income, beta):
    income = np.array(income)
    eq = burden.burden_sharing_equilibrium(beta, income)
    assert eq.total < beta * income.sum() + 1e-12  # Q^S = beta sum I / p for a common beta
    assert burden.samuelson_provision(beta, income) == pytest.approx(beta * income.sum())
    assert burden.samuelson_gap(beta, income, eq.contributions) > 0


@FAST
@given(incomes, st.data())
def test_total_below_samuelson_level_heterogeneous(income, data):
    # Q^N = sum_C I / (p (1 + sum_C k)) and 1/Q^S = p (1/T + 1/W); since sum_C k * W >= sum_C I
    # (k_i b_i = 1) and T >= sum_C I, Q^N <= Q^S
    income = np.array(income)
    beta = np.array(data.draw(st.lists(st.floats(0.01, 0.99), min_size=len(income), max_size=len(income))))
    eq = burden.burden_sharing_equilibrium(beta, income)
    assert eq.total <= burden.samuelson_provision(beta, income) * (1 + 1e-12)
    assert burden.samuelson_gap(beta, income, eq.contributions) > 0


def test_neutrality_of_redistribution_among_contributors():
    # Bergstrom, Blume & Varian (1986): a transfer among contributors that keeps the set of
    # contributors leaves the total unchanged
    beta = np.array([0.3, 0.4, 0.5])
    income = np.array([100.0, 80.0, 60.0])
    before = burden.burden_sharing_equilibrium(beta, income)
    assert before.contributors.all()
    after = burden.burden_sharing_equilibrium(beta, income + np.array([-1.0, 1.0, 0.0]))
    assert after.contributors.all()
    assert after.total == pytest.approx(before.total)


def test_price_scales_contributions():
    income = np.array([50.0, 30.0, 3.0])
    np.testing.assert_allclose(burden.burden_shares(0.4, income, price=2.0), burden.burden_shares(0.4, income) / 2.0)


def test_batch_of_alliances_matches_one_by_one():
    rng = np.random.default_rng(7)
    income = rng.lognormal(3.0, 1.5, size=(5, 6))
    beta = rng.uniform(0.1, 0.9, size=(5, 6))
    batch = burden.burden_shares(beta, income)
    for a in range(5):
        np.testing.assert_allclose(batch[a], burden.burden_shares(beta[a], income[a]))


def test_zero_income_member_free_rides():
    np.testing.assert_allclose(burden.burden_shares(0.5, [10.0, 0.0]), [5.0, 0.0])


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        ((0.0, [1.0, 2.0]), {}, "valuation"),
        ((1.0, [1.0, 2.0]), {}, "valuation"),
        ((0.5, [1.0, -2.0]), {}, "income"),
        ((0.5, [0.0, 0.0]), {}, "positive income"),
        ((0.5, 3.0), {}, "scalar"),
        (([0.5, 0.5, 0.5], [1.0, 2.0]), {}, "broadcast"),
        ((0.5, [1.0, 2.0]), {"price": 0.0}, "price"),
    ],
)
def test_burden_bad_input(args, kwargs, field):
    with pytest.raises(ValueError, match=field):
        burden.burden_shares(*args, **kwargs)
