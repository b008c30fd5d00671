"""Tests of foedus.theory.politics: analytic results of the published models, properties, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from foedus.theory import politics as P

FAST = settings(max_examples=60, deadline=None)
unit = st.floats(0.0, 1.0)
inner = st.floats(0.01, 0.99)
power = st.floats(1e-3, 3.0)


# --------------------------------------------------------------------------------------------
# P1 Morrow (1991)
# --------------------------------------------------------------------------------------------


def test_equal_powers_form_a_symmetric_alliance():
    # Morrow: in a symmetric alliance both gain security and both give up autonomy
    ex = P.morrow_exchange(0.1, 0.1, commitment_cost=0.1)
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
    ex = P.morrow_exchange(p_strong, p_strong * ratio, autonomy_weight=theta, commitment_cost=kappa, adversary=adversary)
    assume(bool(ex.feasible))
    assert ex.security_gain_j > ex.security_gain_i > 0  # j is the weaker side
    assert ex.concession > 0  # autonomy flows from the weak to the strong
    assert ex.autonomy_change_j < ex.autonomy_change_i
    assert ex.utility_gain_i > 0 and ex.utility_gain_j > 0


@FAST
@given(power, power, st.floats(0.2, 3.0), st.floats(0.0, 0.6), st.floats(0.05, 1.0))
def test_symmetric_contract_feasible_implies_asymmetric_feasible(p_i, p_j, theta, kappa, adversary):
    ex = P.morrow_exchange(p_i, p_j, autonomy_weight=theta, commitment_cost=kappa, adversary=adversary)
    if ex.symmetric_feasible:
        assert ex.feasible


@pytest.mark.parametrize("p_strong", [0.01, 0.15, 0.5])
def test_asymmetric_alliances_pay_over_a_wider_range_of_capability_ratios(p_strong):
    # Morrow's H1: asymmetric alliances form more easily than symmetric ones
    ratio = np.geomspace(1e-4, 1.0, 4001)
    ex = P.morrow_exchange(p_strong, p_strong * ratio)
    assert ex.feasible.all()  # the exchange of autonomy for security works at every ratio here
    assert not ex.symmetric_feasible[0]  # but a symmetric alliance with a tiny partner does not
    assert ex.feasible.sum() > ex.symmetric_feasible.sum()
    # the symmetric region is exactly the analytic interval ratio > rho*
    rho_star = float(P.symmetric_ratio_threshold(p_strong))
    away = np.abs(ratio - rho_star) > 1e-6
    np.testing.assert_array_equal(ex.symmetric_feasible[away], (ratio > rho_star)[away])


@FAST
@given(st.floats(0.005, 2.0))
def test_strong_side_gains_autonomy_net_in_very_asymmetric_pairs(p_strong):
    # as the partner's relative power goes to 0 the concession tends to 1 - kappa, so the strong
    # side's net autonomy change tends to 1 - 2 kappa > 0 (kappa = 0.1 by default)
    ex = P.morrow_exchange(p_strong, 0.05 * p_strong)
    assert ex.feasible and ex.autonomy_change_i > 0 > ex.autonomy_change_j


@settings(max_examples=25, deadline=None)
@given(power, st.floats(0.02, 1.0), st.floats(0.3, 3.0), st.floats(0.0, 0.4))
def test_concession_is_the_nash_bargaining_solution(p_i, ratio, theta, kappa):
    ex = P.morrow_exchange(p_i, p_i * ratio, autonomy_weight=theta, commitment_cost=kappa)
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
    ex = P.morrow_exchange(p_i, p_j, adversary=r, autonomy_weight=theta, commitment_cost=kappa)
    s = lambda p: p / (p + r)  # noqa: E731
    assert ex.security_gain_i == pytest.approx(s(p_i + p_j) - s(p_i))
    assert ex.utility_gain_i == pytest.approx(np.log(s(p_i + p_j) / s(p_i)) + theta * np.log(1 + ex.autonomy_change_i))
    assert ex.utility_gain_j == pytest.approx(np.log(s(p_i + p_j) / s(p_j)) + theta * np.log(1 + ex.autonomy_change_j))


def test_no_contract_when_the_pledge_costs_almost_all_autonomy():
    ds, da = P.autonomy_security_exchange(0.1, 0.1, commitment_cost=0.99)
    assert ds == 0 and da == 0


def test_exchange_matrix_is_pairwise_with_zero_diagonal():
    power = np.array([0.3, 0.1, 0.02])
    ds, da = P.exchange_matrix(power)
    assert ds.shape == da.shape == (3, 3)
    assert np.all(np.diag(ds) == 0) and np.all(np.diag(da) == 0)
    for i in range(3):
        for j in range(3):
            if i != j:
                assert ds[i, j] == pytest.approx(P.autonomy_security_exchange(power[i], power[j])[0])
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
        P.morrow_exchange(**kwargs)


def test_exchange_matrix_needs_a_vector():
    with pytest.raises(ValueError, match="1-D"):
        P.exchange_matrix(np.ones((2, 2)))


# --------------------------------------------------------------------------------------------
# P2 Snyder (1984): entrapment, abandonment, accession
# --------------------------------------------------------------------------------------------


@FAST
@given(inner, inner, inner, inner, st.floats(0.0, 0.5))
def test_entrapment_monotone(c, r, s, step, e):
    base = P.entrapment_risk(c, r, s, emboldening=e)
    assert 0 <= base <= 1
    assert P.entrapment_risk(min(c + step, 1), r, s, emboldening=e) > base
    assert P.entrapment_risk(c, min(r + step, 1), s, emboldening=e) >= base
    assert P.entrapment_risk(c, r, min(s + step, 1), emboldening=e) < base


@FAST
@given(inner, inner, inner, inner)
def test_abandonment_monotone(c, a, rho, step):
    base = P.abandonment_risk(c, a, rho)
    assert 0 <= base <= 1
    assert P.abandonment_risk(c, min(a + step, 1), rho) > base
    assert P.abandonment_risk(min(c + step, 1), a, rho) < base
    assert P.abandonment_risk(c, a, min(rho + step, 1)) < base  # forward-deployed troops reassure


@FAST
@given(unit, unit, inner, inner, inner, inner)
def test_tightening_commitment_trades_abandonment_for_entrapment(c1, c2, r, s, a, rho):
    assume(abs(c1 - c2) > 1e-6)
    lo, hi = sorted((c1, c2))
    assert P.entrapment_risk(hi, r, s) > P.entrapment_risk(lo, r, s)
    assert P.abandonment_risk(hi, a, rho) < P.abandonment_risk(lo, a, rho)


def test_emboldening_raises_entrapment():
    assert P.entrapment_risk(1.0, 0.2, 0.0, emboldening=0.5) > P.entrapment_risk(1.0, 0.2, 0.0)


def test_commitment_strategy_support_or_restraint():
    # a reckless partner with its own quarrels: restraint
    assert P.commitment_strategy(0.9, 0.0, 0.2, 0.0) == 0.0
    # a partner with alternatives and no troops on the ground: support
    assert P.commitment_strategy(0.1, 0.5, 0.8, 0.0) == 1.0
    # the same partner with forward-deployed troops: no need to pay for a firm commitment
    assert P.commitment_strategy(0.1, 0.5, 0.8, 0.95) == 0.0


@FAST
@given(unit, unit, unit, unit, st.floats(0.0, 0.5))
def test_riskier_partner_never_turns_restraint_into_support(r, s, a, rho, dr):
    assert P.commitment_strategy(min(r + dr, 1), s, a, rho) <= P.commitment_strategy(r, s, a, rho)


def test_accession_rule():
    np.testing.assert_array_equal(P.accession_allowed([0, 2, 0, 1]), [True, False, True, False])
    np.testing.assert_array_equal(P.accession_allowed([0, 2, 0, 1], max_disputes=1), [True, False, True, True])
    disputes = np.array([[0, 1, 0], [0, 0, 0], [1, 0, 1]])
    np.testing.assert_array_equal(P.accession_allowed(disputes, axis=1), [False, True, False])
    with pytest.raises(ValueError, match="axis"):
        P.accession_allowed(disputes, axis=3)
    with pytest.raises(ValueError, match="territorial_disputes"):
        P.accession_allowed([0, -1])


@FAST
@given(st.lists(st.integers(0, 4), min_size=2, max_size=20), inner)
def test_accession_rule_lowers_members_entrapment(disputes, shared):
    disputes = np.array(disputes)
    assume((disputes == 0).any() and (disputes > 0).any())
    risk = P.entrapment_risk(1.0, P.risk_taking_from_disputes(disputes), shared)
    admitted = P.accession_allowed(disputes)
    assert risk[admitted].mean() < risk.mean()


def test_risk_taking_from_disputes_closed_form():
    r = P.risk_taking_from_disputes([0, 1, 2], base=0.1, per_dispute=0.3)
    np.testing.assert_allclose(r, [0.1, 1 - 0.9 * 0.7, 1 - 0.9 * 0.49])


@pytest.mark.parametrize(
    ("func", "args", "field"),
    [
        (P.entrapment_risk, (1.5, 0.2, 0.1), "commitment"),
        (P.entrapment_risk, (0.5, np.nan, 0.1), "partner_risk_taking"),
        (P.abandonment_risk, (0.5, 0.2, -0.1), "reassurance"),
        (P.abandonment_risk, ([0.5, 0.2], [0.1, 0.2, 0.3], 0.0), "broadcast"),
        (P.entrapment_risk, ("high", 0.2, 0.1), "numeric"),
    ],
)
def test_snyder_bad_input(func, args, field):
    with pytest.raises(ValueError, match=field):
        func(*args)


# --------------------------------------------------------------------------------------------
# P4 Olson & Zeckhauser (1966): burden sharing
# --------------------------------------------------------------------------------------------


def test_single_contributor_and_free_rider():
    # with beta = 1/2, the rich member alone would spend half its income: Q = beta * I_1 / p;
    # the poor one free-rides because its income 1 < p k Q = 50
    q = P.burden_shares(0.5, [100.0, 1.0])
    np.testing.assert_allclose(q, [50.0, 0.0])


def test_two_identical_members_closed_form():
    # symmetric interior equilibrium: q = beta I / (p (2 - beta))
    beta, income, price = 0.3, 10.0, 2.0
    q = P.burden_shares(beta, [income, income], price=price)
    np.testing.assert_allclose(q, beta * income / (price * (2 - beta)) * np.ones(2))


incomes = st.lists(st.floats(0.05, 1e4), min_size=2, max_size=8)


@settings(max_examples=30, deadline=None)
@given(incomes, st.data(), st.floats(0.2, 5.0))
def test_no_member_gains_by_deviating(income, data, price):
    income = np.array(income)
    beta = np.array(data.draw(st.lists(st.floats(0.05, 0.95), min_size=len(income), max_size=len(income))))
    q = P.burden_shares(beta, income, price=price)
    total = q.sum()
    np.testing.assert_allclose(P.best_response(beta, income, total - q, price=price), q, rtol=1e-9, atol=1e-9 * total)
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
    q = P.burden_shares(beta, income)
    ratio = P.burden_ratio(q, income)
    assert np.all(np.diff(q / income) >= -1e-12)  # burden as a share of income rises with income
    assert np.all(np.diff(ratio) >= -1e-9)
    assert ratio[-1] >= 1.0 - 1e-12  # the largest member pays at least its income share


def test_smallest_members_free_ride_with_enough_inequality():
    income = np.array([1000.0, 900.0, 20.0, 5.0])
    beta = 0.2
    eq = P.burden_sharing_equilibrium(beta, income)
    k = (1 - beta) / beta
    free = income < k * eq.total  # the analytic free-riding condition I_i <= p k Q
    assert free[2:].all() and not free[:2].any()
    np.testing.assert_array_equal(eq.contributors, ~free)
    np.testing.assert_allclose(eq.contributions[2:], 0.0)


@FAST
@given(incomes, st.floats(0.05, 0.95))
def test_total_below_samuelson_level(income, beta):
    income = np.array(income)
    eq = P.burden_sharing_equilibrium(beta, income)
    assert eq.total < beta * income.sum() + 1e-12  # Q^S = beta sum I / p for a common beta
    assert P.samuelson_provision(beta, income) == pytest.approx(beta * income.sum())
    assert P.samuelson_gap(beta, income, eq.contributions) > 0


@FAST
@given(incomes, st.data())
def test_total_below_samuelson_level_heterogeneous(income, data):
    # Q^N = sum_C I / (p (1 + sum_C k)) and 1/Q^S = p (1/T + 1/W); since sum_C k * W >= sum_C I
    # (k_i b_i = 1) and T >= sum_C I, Q^N <= Q^S
    income = np.array(income)
    beta = np.array(data.draw(st.lists(st.floats(0.01, 0.99), min_size=len(income), max_size=len(income))))
    eq = P.burden_sharing_equilibrium(beta, income)
    assert eq.total <= P.samuelson_provision(beta, income) * (1 + 1e-12)
    assert P.samuelson_gap(beta, income, eq.contributions) > 0


def test_neutrality_of_redistribution_among_contributors():
    # Bergstrom, Blume & Varian (1986): a transfer among contributors that keeps the set of
    # contributors leaves the total unchanged
    beta = np.array([0.3, 0.4, 0.5])
    income = np.array([100.0, 80.0, 60.0])
    before = P.burden_sharing_equilibrium(beta, income)
    assert before.contributors.all()
    after = P.burden_sharing_equilibrium(beta, income + np.array([-1.0, 1.0, 0.0]))
    assert after.contributors.all()
    assert after.total == pytest.approx(before.total)


def test_price_scales_contributions():
    income = np.array([50.0, 30.0, 3.0])
    np.testing.assert_allclose(P.burden_shares(0.4, income, price=2.0), P.burden_shares(0.4, income) / 2.0)


def test_batch_of_alliances_matches_one_by_one():
    rng = np.random.default_rng(7)
    income = rng.lognormal(3.0, 1.5, size=(5, 6))
    beta = rng.uniform(0.1, 0.9, size=(5, 6))
    batch = P.burden_shares(beta, income)
    for a in range(5):
        np.testing.assert_allclose(batch[a], P.burden_shares(beta[a], income[a]))


def test_zero_income_member_free_rides():
    np.testing.assert_allclose(P.burden_shares(0.5, [10.0, 0.0]), [5.0, 0.0])


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
        P.burden_shares(*args, **kwargs)


# --------------------------------------------------------------------------------------------
# P3 / T4 integration
# --------------------------------------------------------------------------------------------


@FAST
@given(st.floats(0.0, 5.0), st.floats(0.01, 5.0), st.floats(0.1, 3.0), st.floats(0.1, 1.0), st.floats(1.1, 4.0))
def test_optimal_integration_is_the_argmax(threat, w, gain, eta, zeta):
    g_star = float(P.optimal_integration(threat, w, gain=gain, returns=eta, convexity=zeta))
    grid = np.linspace(0.0, 1.0, 20001)
    util = P.integration_utility(grid, threat, w, gain=gain, returns=eta, convexity=zeta)
    best = util.max()
    assert float(P.integration_utility(g_star, threat, w, gain=gain, returns=eta, convexity=zeta)) >= best - 1e-9


@FAST
@given(st.floats(0.0, 5.0), st.floats(0.01, 5.0), st.floats(0.01, 2.0))
def test_integration_comparative_statics(threat, w, dt):
    g = P.optimal_integration(threat, w)
    assert P.optimal_integration(threat + dt, w) >= g  # higher threat: integrate more
    assert P.optimal_integration(threat, w + dt) <= g  # more attached to control: integrate less
    assert P.optimal_integration(threat, w, gain=1.0 + dt) >= g  # digital warfare raises the gain


def test_integration_interior_strictly_increasing_in_threat():
    g = P.optimal_integration(np.array([0.1, 0.5, 1.0, 1.5]), 1.0)
    assert np.all(np.diff(g) > 0) and g[-1] < 1


def test_integration_forms():
    g = np.linspace(0, 1, 11)
    eff = P.integration_effectiveness(g, 2.0)
    assert eff[0] == 2.0 and eff[-1] == pytest.approx(4.0)
    assert np.all(np.diff(eff) > 0) and np.all(np.diff(eff, 2) < 0)  # diminishing returns
    loss = P.control_loss(g)
    assert loss[0] == 0 and loss[-1] == 1 and np.all(np.diff(loss, 2) > 0)
    assert P.optimal_integration(np.ones((3, 4)), np.ones(4)).shape == (3, 4)  # states x operations
    assert P.optimal_integration(1.0, 0.0) == 1.0 and P.optimal_integration(0.0, 0.0) == 0.0


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: P.integration_effectiveness(1.2, 1.0), "integration"),
        (lambda: P.integration_effectiveness(0.5, 1.0, returns=1.5), "returns"),
        (lambda: P.control_loss(0.5, convexity=1.0), "convexity"),
        (lambda: P.optimal_integration(-1.0, 1.0), "threat"),
    ],
)
def test_integration_bad_input(call, field):
    with pytest.raises(ValueError, match=field):
        call()


# --------------------------------------------------------------------------------------------
# P5 / T2 / T5 cohesion, exit, reliability
# --------------------------------------------------------------------------------------------


@FAST
@given(inner, inner, inner, inner, st.floats(0.001, 0.5))
def test_cohesion_directions(t, e, r, d, step):
    base = P.alliance_cohesion(t, e, r, joint_democracy=d)
    assert 0 < base < 1
    assert P.alliance_cohesion(t - step * t, e, r, joint_democracy=d) < base  # fading threat
    assert P.alliance_cohesion(t, min(e + step, 1), r, joint_democracy=d) < base  # competitors
    assert P.alliance_cohesion(t, e, min(r + step, 1), joint_democracy=d) > base  # similar regimes
    assert P.alliance_cohesion(t, e, r, joint_democracy=min(d + step, 1)) > base  # democracies


def test_democratic_alliances_more_cohesive_and_last_longer():
    dem = P.alliance_cohesion(0.5, 0.3, 1.0, joint_democracy=1.0)
    mixed = P.alliance_cohesion(0.5, 0.3, 0.2, joint_democracy=0.0)
    assert dem > mixed
    assert P.annual_exit_probability(dem) < P.annual_exit_probability(mixed)


@FAST
@given(unit, unit, st.floats(0.001, 1.0))
def test_exit_probability_directions(c, dp, step):
    h = P.annual_exit_probability(c, capability_change=dp)
    assert 0 <= h <= 0.25
    assert P.annual_exit_probability(min(c + step, 1), capability_change=dp) <= h
    assert P.annual_exit_probability(c, capability_change=-(dp + step)) >= h  # size of change counts


@FAST
@given(unit, unit, unit, unit)
def test_institutionalisation_removes_its_share_of_the_exit_hazard(c, dp, inst, w):
    """Wallander (2000): institutional assets keep an alliance; weight 0 is the form without them."""
    base = P.annual_exit_probability(c, capability_change=dp)
    assert P.annual_exit_probability(c, capability_change=dp, institutionalisation=inst) == base
    h = P.annual_exit_probability(c, capability_change=dp, institutionalisation=inst, institution_weight=w)
    assert h == pytest.approx(base * (1 - w * inst), rel=1e-12, abs=1e-15)
    assert P.annual_exit_probability(c, capability_change=dp, institutionalisation=1.0, institution_weight=1.0) == 0.0
    with pytest.raises(ValueError, match="institutionalisation"):
        P.annual_exit_probability(c, institutionalisation=1.5, institution_weight=w)


def test_honour_probability_calibrated_to_leeds_base_rate():
    # Leeds (2003): commitments honoured about 75 % of the time
    assert P.honour_probability(1.0, 0.0, 0.5) == pytest.approx(0.75)
    assert P.honour_probability(1.0, 0.0, 0.5, base_rate=0.6) == pytest.approx(0.6)


@FAST
@given(inner, inner, inner, st.floats(0.001, 0.5))
def test_honour_probability_directions(c, x, h, step):
    base = P.honour_probability(c, x, h)
    assert 0 < base < 1
    assert P.honour_probability(c, min(x + step, 1), h) < base  # interdependence with the adversary
    assert P.honour_probability(min(c + step, 1), x, h) > base
    assert P.honour_probability(c, x, min(h + step, 1)) > base
    assert P.honour_probability(c, x, h, major_power=1.0) < base  # Leeds 2003
    assert P.honour_probability(c, x, h, democratic=1.0) > base
    assert P.honour_probability(c, x, h, democratic=1.0, democracy_weight=0.0) == pytest.approx(base)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: P.alliance_cohesion(1.2, 0.1, 0.1), "threat_common"),
        (lambda: P.alliance_cohesion(0.2, 0.1, 0.1, threat_weight=-1.0), "threat_weight"),
        (lambda: P.honour_probability(0.5, 0.1, 0.5, base_rate=1.0), "base_rate"),
        (lambda: P.honour_probability(0.5, [0.1, 0.2], [0.5, 0.5, 0.5]), "broadcast"),
        (lambda: P.annual_exit_probability(np.inf), "cohesion"),
    ],
)
def test_cohesion_bad_input(call, field):
    with pytest.raises(ValueError, match=field):
        call()


def test_error_message_names_function_and_index():
    with pytest.raises(ValueError, match=r"entrapment_risk: commitment must be <= 1; got .*2\.0.* at index \(1,\)"):
        P.entrapment_risk([0.5, 2.0], 0.1, 0.1)


def test_morrow_security_is_a_concave_contest_ratio():
    s = P.morrow_security(np.array([0.0, 0.1, 0.2, 0.3]), adversary=0.1)
    np.testing.assert_allclose(s, [0.0, 0.5, 2 / 3, 0.75])
    assert np.all(np.diff(s, 2) < 0)
    with pytest.raises(ValueError, match="adversary"):
        P.morrow_security(0.1, adversary=-1.0)


# --------------------------------------------------------------------------------------------
# check=False (the simulator's inputs are valid by construction)
# --------------------------------------------------------------------------------------------


def _same_bits(a, b):
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape and a.dtype == b.dtype
    assert np.array_equal(a, b) and a.tobytes() == b.tobytes()


# scalar, per state, per alliance x state: shapes that broadcast together, as in the simulator
shapes = st.sampled_from([(), (5,), (3, 5)])


def _draw(rng, shape, lo=0.0, hi=1.0):
    """Uniform values in [lo, hi] with some entries exactly at the bounds; a float for shape ()."""
    x = rng.uniform(lo, hi, shape)
    x = np.where(rng.random(shape) < 0.1, lo, np.where(rng.random(shape) < 0.1, hi, x))
    return float(x) if shape == () else x


@FAST
@given(st.integers(0, 2**32 - 1), st.lists(shapes, min_size=5, max_size=5))
def test_check_false_gives_the_same_bits_on_valid_input(seed, sh):
    rng = np.random.default_rng(seed)
    u = [_draw(rng, s) for s in sh]
    w = dict(zip(("threat_weight", "competition_weight", "similarity_weight", "democracy_weight"), rng.uniform(0, 4, 4)))
    cases = [
        (P.abandonment_risk, (u[0], u[1], u[2]), {}),
        (P.entrapment_risk, (u[0], u[1], u[2]), {"emboldening": float(rng.random())}),
        (P.alliance_cohesion, (u[0], u[1], u[2]), {"joint_democracy": u[3], "intercept": float(rng.normal(0, 5)), **w}),
        (P.annual_exit_probability, (u[0],), {"capability_change": _draw(rng, sh[1], -2.0, 2.0),
                                              "max_hazard": float(rng.random()), "change_weight": float(rng.uniform(0, 3))}),
        (P.honour_probability, (u[0], u[1], u[2]), {"democratic": u[3], "major_power": u[4],
                                                    "base_rate": float(rng.uniform(0.05, 0.95)), "cohesion_weight": 1.5}),
        (P.integration_effectiveness, (u[0], _draw(rng, sh[1], 0.0, 3.0)),
         {"gain": float(rng.uniform(0, 2)), "returns": float(rng.uniform(0.05, 1.0))}),
        (P.optimal_integration, (_draw(rng, sh[0], 0.0, 2.0), _draw(rng, sh[1], 0.0, 2.0)),
         {"gain": float(rng.uniform(0, 2)), "returns": float(rng.uniform(0.05, 1.0)), "convexity": float(rng.uniform(1.1, 4.0))}),
        (P.accession_allowed, (rng.integers(0, 3, sh[2]),), {"max_disputes": int(rng.integers(0, 2))}),
    ]
    if len(sh[2]) == 2:
        cases.append((P.accession_allowed, (rng.integers(0, 3, sh[2]),), {"axis": 1}))
    for f, args, kw in cases:
        _same_bits(f(*args, **kw), f(*args, **kw, check=False))
    p_i, p_j = _draw(rng, sh[0], 1e-3, 0.3), _draw(rng, sh[1], 1e-3, 0.3)
    kw = {"adversary": float(rng.uniform(0.05, 0.5)), "autonomy_weight": float(rng.uniform(0.2, 3.0)),
          "commitment_cost": float(rng.uniform(0.0, 0.4)), "iterations": 24}
    for a, b in zip(P.morrow_exchange(p_i, p_j, **kw), P.morrow_exchange(p_i, p_j, **kw, check=False)):
        _same_bits(a, b)


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="abandonment_risk: reassurance must be <= 1"):
        P.abandonment_risk(0.5, 0.5, [0.2, 1.5], check=True)
    with pytest.raises(ValueError, match="alliance_cohesion: threat_common must be finite"):
        P.alliance_cohesion([np.nan], 0.1, 0.1, check=True)
    with pytest.raises(ValueError, match="alliance_cohesion: shapes do not broadcast"):
        P.alliance_cohesion([0.1, 0.2], [0.1, 0.2, 0.3], 0.1, check=True)
    with pytest.raises(ValueError, match="annual_exit_probability: max_hazard must be <= 1"):
        P.annual_exit_probability(0.5, max_hazard=2.0, check=True)
    with pytest.raises(ValueError, match="entrapment_risk: commitment must be >= 0"):
        P.entrapment_risk(-0.1, 0.5, 0.5, check=True)
    with pytest.raises(ValueError, match="honour_probability: base_rate must be < 1"):
        P.honour_probability(0.5, 0.5, 0.5, base_rate=1.0, check=True)
    with pytest.raises(ValueError, match="integration_effectiveness: capability must be >= 0"):
        P.integration_effectiveness(0.5, -1.0, check=True)
    with pytest.raises(ValueError, match="morrow_exchange: power_i must be > 0"):
        P.morrow_exchange(0.0, 0.1, check=True)
    with pytest.raises(ValueError, match="optimal_integration: autonomy_weight must be finite"):
        P.optimal_integration(0.5, np.inf, check=True)
    with pytest.raises(ValueError, match="accession_allowed: territorial_disputes must be >= 0"):
        P.accession_allowed([-1, 0], check=True)


@FAST
@given(unit, unit, unit, st.floats(0.0, 1.0))
def test_democratic_diffusion_pulls_up_towards_the_allies_only(r, rb, s, rate):
    """T5 (Pevehouse 2005): allies' democracy pulls a state up, never past them; never down."""
    new = float(P.democratic_diffusion(r, rb, s, rate=rate))
    assert r <= new <= max(r, rb) + 1e-15
    assert new == pytest.approx(r + rate * s * max(rb - r, 0.0), abs=1e-15)
    if rb <= r or s == 0 or rate == 0:
        assert new == r
    with pytest.raises(ValueError, match="democratic_diffusion: tie_strength"):
        P.democratic_diffusion(r, rb, 1.5)
