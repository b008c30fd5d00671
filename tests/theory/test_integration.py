"""Tests of foedus.theory.integration: integration against national control, the optimum and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import integration

from ._common import draw, same_bits, shapes

FAST = settings(max_examples=60, deadline=None)


@FAST
@given(st.floats(0.0, 5.0), st.floats(0.01, 5.0), st.floats(0.1, 3.0), st.floats(0.1, 1.0), st.floats(1.1, 4.0))
def test_optimal_integration_is_the_argmax(threat, w, gain, eta, zeta):
    g_star = float(integration.optimal_integration(threat, w, gain=gain, returns=eta, convexity=zeta))
    grid = np.linspace(0.0, 1.0, 20001)
    util = integration.integration_utility(grid, threat, w, gain=gain, returns=eta, convexity=zeta)
    best = util.max()
    assert float(integration.integration_utility(g_star, threat, w, gain=gain, returns=eta, convexity=zeta)) >= best - 1e-9


@FAST
@given(st.floats(0.0, 5.0), st.floats(0.01, 5.0), st.floats(0.01, 2.0))
def test_integration_comparative_statics(threat, w, dt):
    g = integration.optimal_integration(threat, w)
    assert integration.optimal_integration(threat + dt, w) >= g  # higher threat: integrate more
    assert integration.optimal_integration(threat, w + dt) <= g  # more attached to control: integrate less
    assert integration.optimal_integration(threat, w, gain=1.0 + dt) >= g  # digital warfare raises the gain


def test_integration_interior_strictly_increasing_in_threat():
    g = integration.optimal_integration(np.array([0.1, 0.5, 1.0, 1.5]), 1.0)
    assert np.all(np.diff(g) > 0) and g[-1] < 1


def test_integration_forms():
    g = np.linspace(0, 1, 11)
    eff = integration.integration_effectiveness(g, 2.0)
    assert eff[0] == 2.0 and eff[-1] == pytest.approx(4.0)
    assert np.all(np.diff(eff) > 0) and np.all(np.diff(eff, 2) < 0)  # diminishing returns
    loss = integration.control_loss(g)
    assert loss[0] == 0 and loss[-1] == 1 and np.all(np.diff(loss, 2) > 0)
    assert integration.optimal_integration(np.ones((3, 4)), np.ones(4)).shape == (3, 4)  # states x operations
    assert integration.optimal_integration(1.0, 0.0) == 1.0 and integration.optimal_integration(0.0, 0.0) == 0.0


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: integration.integration_effectiveness(1.2, 1.0), "integration"),
        (lambda: integration.integration_effectiveness(0.5, 1.0, returns=1.5), "returns"),
        (lambda: integration.control_loss(0.5, convexity=1.0), "convexity"),
        (lambda: integration.optimal_integration(-1.0, 1.0), "threat"),
    ],
)
def test_integration_bad_input(call, field):
    with pytest.raises(ValueError, match=field):
        call()


@FAST
@given(st.integers(0, 2**32 - 1), st.lists(shapes, min_size=2, max_size=2))
def test_check_false_gives_the_same_bits_on_valid_input(seed, sh):
    rng = np.random.default_rng(seed)
    cases = [
        (integration.integration_effectiveness, (draw(rng, sh[0]), draw(rng, sh[1], 0.0, 3.0)),
         {"gain": float(rng.uniform(0, 2)), "returns": float(rng.uniform(0.05, 1.0))}),
        (integration.optimal_integration, (draw(rng, sh[0], 0.0, 2.0), draw(rng, sh[1], 0.0, 2.0)),
         {"gain": float(rng.uniform(0, 2)), "returns": float(rng.uniform(0.05, 1.0)), "convexity": float(rng.uniform(1.1, 4.0))}),
    ]
    for f, args, kw in cases:
        same_bits(f(*args, **kw), f(*args, **kw, check=False))


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="integration_effectiveness: capability must be >= 0"):
        integration.integration_effectiveness(0.5, -1.0, check=True)
    with pytest.raises(ValueError, match="optimal_integration: autonomy_weight must be finite"):
        integration.optimal_integration(0.5, np.inf, check=True)


def test_institutions_keep_integration_after_the_threat_fades():
    """Keohane 1984, Wallander 2000: integration is built at the rate r and taken down at r (1 - kappa I);
    full persistence of a fully institutionalised pact keeps it, the symmetric form (kappa 0) is the plain
    partial adjustment, and both converge on a rising goal alike."""
    from foedus.theory.integration import integration_update

    g, down, up = np.full(3, 0.8), np.full(3, 0.2), np.full(3, 0.9)
    inst = np.array([0.0, 0.5, 1.0])
    fell = integration_update(g, down, rate=0.1, institutionalisation=inst, persistence=1.0)
    assert fell.tolist() == pytest.approx([0.74, 0.77, 0.8])  # 0.8 - 0.1 (1 - I) 0.6
    assert integration_update(g, down, rate=0.1, institutionalisation=inst, persistence=0.0).tolist() == pytest.approx([0.74] * 3)
    assert integration_update(g, up, rate=0.1, institutionalisation=inst, persistence=1.0).tolist() == pytest.approx([0.81] * 3)
    # over many years the institutionalised pact decays geometrically at the slower rate r (1 - kappa I)
    x = np.array([0.8, 0.8])
    for _ in range(20):
        x = integration_update(x, 0.0, rate=0.1, institutionalisation=[0.0, 1.0], persistence=0.5)
    assert x.tolist() == pytest.approx([0.8 * 0.9**20, 0.8 * 0.95**20])
    with pytest.raises(ValueError, match="integration_update.*persistence"):
        integration_update(0.5, 0.5, rate=0.1, persistence=1.5)


@settings(max_examples=60, deadline=None)
@given(st.floats(-2, 2), st.floats(-2, 2), st.floats(0, 1), st.floats(0, 1))
def test_general_assets_keep_the_value_at_entry_and_never_lower_a_membership(v, v0, a, b):
    """Wallander 2000: general assets keep the share A of the value lost since entry; none (A = 0) is Leeds & Savun's
    rule, full assets keep the value at entry, more assets never lower the value, a value that did not fall is kept."""
    from foedus.theory.integration import retained_value

    lo, hi = sorted((a, b))
    r_lo, r_hi = retained_value(v, v0, lo), retained_value(v, v0, hi)
    assert r_lo >= v - 1e-12 and r_hi >= r_lo - 1e-12
    assert retained_value(v, v0, 0.0) == pytest.approx(v)
    assert retained_value(v, v0, 1.0) == pytest.approx(max(v, v0))
    if v0 <= v:
        assert r_hi == pytest.approx(v)


def test_retained_value_checks_its_input():
    from foedus.theory.integration import retained_value

    with pytest.raises(ValueError, match="retained_value: general_assets"):
        retained_value(0.1, 0.2, 1.5)
    assert retained_value([0.1], [0.3], [0.5], check=False).tolist() == pytest.approx([0.2])


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.99, 3), st.floats(0, 1), st.floats(0, 1))
def test_binding_shrinks_morrows_exchange_on_both_sides_without_reversing_it(da, a, b):
    """Ikenberry 2001, Grieco 1995: an institution's rules shrink the autonomy the weak side concedes and the strong side
    gains; never reverse the exchange; no assets or no binding leave Morrow's exchange whole."""
    from foedus.theory.integration import bound_autonomy

    out = float(bound_autonomy(da, a, binding=b))
    assert abs(out) <= abs(da) + 1e-12 and out * da >= 0
    assert float(bound_autonomy(da, 0.0, binding=b)) == pytest.approx(da)
    assert float(bound_autonomy(da, a, binding=0.0)) == pytest.approx(da)
    assert float(bound_autonomy(da, 1.0, binding=1.0)) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="bound_autonomy: binding"):
        bound_autonomy(da, a, binding=1.5)
