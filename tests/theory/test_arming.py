"""foedus.theory.arming: threat weights, allies' relief, the calibrated reaction, war mobilisation."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory import arming
from foedus.theory.arming import ally_relief, reaction_scale, threat_weights, war_mobilisation
from foedus.theory.arms import richardson_system_equilibrium

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(arming, raise_on_error=False).failed == 0


def test_threat_weights_reduce_to_the_share_of_spending_that_threatens_and_relative_size():
    w = threat_weights([[0, 0.5], [0.5, 0]], [0.5, 0.5], [1.0, 1.0])
    assert w.tolist() == [[0.0, 0.5], [0.5, 0.0]]
    w = threat_weights([[0, 2.0, 0.1], [0.1, 0, 0], [0.1, 0, 0]], [0.5, 0.5, 0.0], [1.0, 3.0, 1.0])
    assert w[0, 1] == 0.25  # the share is clipped to 1, times 1 / (1 + 3)
    assert (w[:, 2] == 0).all()  # a powerless state threatens nobody's budget


def test_allies_relieve_in_proportion_to_the_threat_they_cover():
    # Olson & Zeckhauser (1966): the more of the threat allies' spending covers, the less one's own reaction
    r = ally_relief([1.0, 1.0, 1.0], [0.0, 1.0, 9.0], [1.0, 1.0, 1.0], 1.0)
    assert r.tolist() == [0.0, 0.5, 0.9]
    assert ally_relief([1.0], [0.0], [0.0], 1.0).tolist() == [0.0]


@given(
    hnp.arrays(float, 6, elements=st.one_of(st.just(0.0), st.floats(1e-3, 1e3))),
    hnp.arrays(float, 6, elements=st.floats(0.1, 1e3, allow_subnormal=False)),
    st.floats(0.01, 1.0),
    st.one_of(st.just(0.0), st.floats(1e-3, 1.0)),
)
@settings(max_examples=200, deadline=None)
def test_the_scaled_reaction_never_exceeds_its_share_of_the_spending(kx, x, a, cap):
    s = reaction_scale(kx, x, a, cap)
    assert ((s > 0) | (kx == 0) | (cap == 0)).all() and (s <= 1).all()
    assert (s * kx <= cap * a * x * (1 + 1e-12) + 1e-300).all()
    assert (s[kx <= cap * a * x] == 1.0).all()  # a reaction within the cap is left alone


def test_with_the_scaled_reaction_the_equilibrium_moves_by_at_most_the_cap_when_the_rival_doubles():
    """Two states; the first answers the second. At the calibrated fixed point, doubling the rival's spending
    (through its grievance) raises the first's equilibrium by at most ``cap`` times the rival's relative rise."""
    a, cap = 0.15, 0.5
    x = np.array([7.3, 860.0])
    w = np.array([[0.0, 0.08], [0.0, 0.0]])
    k = np.array([0.12, 0.0])
    kx = k * (w @ x)
    s = reaction_scale(kx, x, a, cap)
    ks = k * s
    g = a * x - ks * (w @ x)
    assert np.allclose(richardson_system_equilibrium(ks, a, g, w), x)
    g2 = g.copy()
    g2[1] *= 2.0  # the rival doubles
    x2 = richardson_system_equilibrium(ks, a, g2, w)
    assert x2[1] == pytest.approx(2 * x[1])
    assert x2[0] / x[0] - 1.0 == pytest.approx(cap)  # the reaction was capped: elasticity exactly cap
    assert g[0] > 0  # the grievance holding the rest is positive


def test_war_mobilisation_is_zero_at_peace_and_grows_with_the_enemys_strength():
    x, e = np.full(5, 10.0), np.full(5, 200.0)
    share = np.array([0.0, 0.1, 0.3, 0.6, 0.9])
    m = war_mobilisation(x, e, share, 0.2, 0.3)
    assert m[0] == 0.0 and m[1] == 0.0  # 0.2 * 0.1 * 200 = 4 < 10: a strong state fighting a weak one does not mobilise
    assert (np.diff(m[1:]) > 0).all()
    assert m[4] == pytest.approx(0.3 * (0.2 * 0.9 * 200 - 10))
    with pytest.raises(ValueError, match="enemy_share"):
        war_mobilisation(x, e, share + 0.5, 0.2, 0.3)


def test_economy_in_spending_units_gives_the_median_state_the_reference_burden():
    """k E has the median burden b_ref, whatever GDP's currency (analytic: k scales as 1 / c)."""
    rng = np.random.default_rng(3)
    x, e = rng.uniform(1, 50, 41), rng.uniform(100, 5000, 41)
    k = arming.economy_in_spending_units(x, e, 0.0124)
    assert np.median(x / (k * e)) == pytest.approx(0.0124)
    assert arming.economy_in_spending_units(x, 250.0 * e, 0.0124) == pytest.approx(k / 250.0)
    assert arming.economy_in_spending_units([0.0, 0.0], [1.0, 2.0], 0.0124) == 1.0  # nothing to compare: one currency
