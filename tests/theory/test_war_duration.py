"""The Weibull war-duration model (foedus.theory.war_duration; Bennett & Stam 1996) against its analytic results, and its fit on the record."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import war_duration as th

ZERO = ([0.0], [0.0], [0.0], [0.0])


def test_a_constant_hazard_ends_the_reference_war_at_its_first_year_rate_every_year():
    """With shape 1 the Weibull is the exponential: the discrete hazard is the same every year."""
    h = th.war_end_probability([1, 2, 7, 30], ([0] * 4, [0] * 4, [0] * 4, [0] * 4), first_year_end=0.3, coefficients=[1.0, 1.0, 1.0, 1.0], shape=1.0)
    assert np.allclose(h, 0.3)


@pytest.mark.parametrize("shape", [0.5, 0.9143, 1.7])
def test_the_discrete_hazard_is_one_minus_the_ratio_of_survivals(shape):
    eta = th.first_year_log_scale(0.4) + 0.42
    for t in range(1, 12):
        s1, s0 = th.weibull_survival([t, t - 1], eta, shape)
        h = th.war_end_probability([t], ([0.0], [1.0], [0.0], [0.0]), first_year_end=0.4, coefficients=[-0.35, 0.42, 0.0, -0.47], shape=shape)
        assert h[0] == pytest.approx(1.0 - s1 / s0, rel=1e-12)


def test_below_shape_one_the_longer_a_war_lasts_the_less_likely_it_ends_and_above_the_more():
    age = np.arange(1, 15)
    z = (np.zeros(14),) * 4
    assert np.all(np.diff(th.war_end_probability(age, z, first_year_end=0.4, coefficients=[0, 0, 0, 0], shape=0.8)) < 0)
    assert np.all(np.diff(th.war_end_probability(age, z, first_year_end=0.4, coefficients=[0, 0, 0, 0], shape=1.3)) > 0)


def test_evenly_matched_states_fight_longer_under_a_negative_parity_weight():
    """Bennett & Stam (1996): the closer the balance of forces, the longer the war."""
    h = th.war_end_probability([3, 3], ([0.05, 0.95], [0, 0], [0, 0], [0, 0]), first_year_end=0.4, coefficients=[-0.35, 0.0, 0.0, 0.0], shape=0.9)
    assert h[1] < h[0]


def test_the_switches_and_the_bad_input():
    assert th.war_end_probability([1, 4], ([0, 0],) * 4, first_year_end=0.0, coefficients=[0, 0, 0, 0], shape=0.9).tolist() == [0.0, 0.0]
    assert th.war_end_probability([1, 4], ([0, 0],) * 4, first_year_end=1.0, coefficients=[0, 0, 0, 0], shape=0.9).tolist() == [1.0, 1.0]
    with pytest.raises(ValueError, match="age >= 1"):
        th.war_end_probability([0], ZERO, first_year_end=0.3, coefficients=[0, 0, 0, 0], shape=1.0)
    with pytest.raises(ValueError, match="covariates"):
        th.war_end_probability([1], ZERO[:2], first_year_end=0.3, coefficients=[0, 0, 0, 0], shape=1.0)


def test_the_shipped_defaults_are_the_in_sample_fit_on_the_record():
    """Maximum likelihood on the COW war pairs of the wars begun 1816-1914 and 1946-1989 gives the defaults the simulator carries,
    and the fit's median duration of the reference war is within a year of the record's pairs' (Bennett & Stam 1996's form)."""
    pytest.importorskip("scipy")
    from foedus.analysis.war_duration import estimate_war_duration, war_spells
    from foedus.sim.parameters import Parameters

    sp = war_spells()
    fit = estimate_war_duration(sp)
    p = Parameters()
    assert fit.n > 150 and fit.wars > 50
    assert fit.first_year_end == pytest.approx(p.war_end_rate, abs=5e-4)
    assert np.allclose(fit.coefficients, p.war_duration_coefficients(), atol=5e-4)
    assert fit.shape == pytest.approx(p.war_duration_shape, abs=5e-4)
    # the model's expected share of the in-sample pairs ending in their first year against the record's
    s = sp[sp["start"].between(1816, 1914) | sp["start"].between(1946, 1989)]
    s = s[s["entry"] == s["start"]]
    h1 = th.war_end_probability(np.ones(len(s)), [s[t].to_numpy(float) for t in th.DURATION_TERMS], first_year_end=fit.first_year_end, coefficients=fit.coefficients, shape=fit.shape)
    observed = float(((s["last"] - s["start"] + 1) == 1).mean())
    assert abs(h1.mean() - observed) < 0.08


def test_a_war_whose_weaker_side_a_great_power_backs_lasts_longer():
    """Bennett & Stam (1996) count the sides' forces; Shirkey (2012): wars joined by third parties last longer. Under the shipped
    (negative) weight a great power and a neighbour backed by another great power (Russia and Ukraine in 2022) are less likely
    to end their war in any year, and its median duration is longer, than the same pair alone."""
    from foedus.sim.parameters import Parameters

    p = Parameters()
    assert p.war_duration_major_backed < 0
    age = np.arange(1, 11)
    x = lambda b: ([0.15] * 10, [1.0] * 10, [1.0] * 10, [b] * 10)  # noqa: E731
    alone, backed = (th.war_end_probability(age, x(b), first_year_end=p.war_end_rate, coefficients=p.war_duration_coefficients(), shape=p.war_duration_shape) for b in (0.0, 1.0))
    assert np.all(backed < alone)
    survive = lambda h: np.cumprod(1 - h)  # noqa: E731
    assert np.all(survive(backed) > survive(alone))
