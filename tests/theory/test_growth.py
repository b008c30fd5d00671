"""Regression to the mean of growth rates (foedus.theory.growth; Easterly, Kremer, Pritchett & Summers 1993)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.growth import RUN_PERSISTENCE, expected_growth


def test_expected_growth_is_the_best_linear_predictor_of_a_correlated_next_rate():
    # analytically known: for (x, y) bivariate normal with a common mean, equal variance and correlation rho,
    # E[y | x] = mu + rho (x - mu); no other persistence has a smaller mean squared error
    rng = np.random.default_rng(20261207)
    mu, sd, rho, n = 0.02, 0.02, RUN_PERSISTENCE, 200_000
    x = rng.normal(0.0, 1.0, n)
    y = rho * x + np.sqrt(1.0 - rho**2) * rng.normal(0.0, 1.0, n)
    x, y = mu + sd * x, mu + sd * y
    mse = {p: float(np.mean((expected_growth(x, mu, p) - y) ** 2)) for p in (0.0, rho - 0.1, rho, rho + 0.1, 1.0)}
    assert min(mse, key=mse.get) == rho
    assert abs(np.polyfit(x, y, 1)[0] - rho) < 0.01


def test_the_mean_stays_and_the_deviation_shrinks():
    g = expected_growth([0.065, 0.005, np.nan, 0.02], 0.02, 0.3)
    assert np.allclose(g[[0, 1, 3]], [0.02 + 0.3 * 0.045, 0.02 - 0.3 * 0.015, 0.02]) and np.isnan(g[2])
    assert np.allclose(expected_growth([0.09], 0.02, 1.0), [0.09]) and np.allclose(expected_growth([0.09], 0.02, 0.0), [0.02])
    with pytest.raises(ValueError):
        expected_growth([0.01], 0.02, 1.5)
