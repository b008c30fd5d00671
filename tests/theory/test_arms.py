"""foedus.theory.arms: Richardson's arms race and Jervis's security dilemma (brief D1)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.integrate import solve_ivp

from foedus.theory import arms
from foedus.theory.arms import (
    richardson_equilibrium,
    richardson_is_stable,
    richardson_jacobian,
    richardson_rhs,
    richardson_solution,
    richardson_step,
    richardson_system_equilibrium,
    richardson_system_is_stable,
    richardson_system_solution,
    security_dilemma_reactivity,
    security_dilemma_response,
)

from ._common import same_bits

pytestmark = pytest.mark.filterwarnings("error")
PAIR = np.array([[0.0, 1.0], [1.0, 0.0]])
coef = st.floats(0.01, 2.0)
grievance = st.floats(-1.0, 1.0)


def test_docstring_examples_run():
    assert doctest.testmod(arms, raise_on_error=False).failed == 0


@given(coef, coef, coef, coef, grievance, grievance)
@settings(max_examples=100, deadline=None)
def test_equilibrium_is_richardsons_closed_form_and_a_rest_point(k, l, a, b, g, h):
    det = a * b - k * l
    if abs(det) < 1e-3:
        return
    x, y = richardson_equilibrium(k, l, a, b, g, h)
    assert x == pytest.approx((k * h + b * g) / det)
    assert y == pytest.approx((l * g + a * h) / det)
    assert k * y - a * x + g == pytest.approx(0, abs=1e-9 * (1 + abs(x) + abs(y)))
    assert l * x - b * y + h == pytest.approx(0, abs=1e-9 * (1 + abs(x) + abs(y)))
    # the N-state system with W = [[0, 1], [1, 0]] is the same model
    xs = richardson_system_equilibrium([k, l], [a, b], [g, h], PAIR)
    assert np.allclose(xs, [x, y], rtol=1e-8, atol=1e-10)


@given(coef, coef, coef, coef)
@settings(max_examples=100, deadline=None)
def test_stable_iff_ab_greater_than_kl(k, l, a, b):
    """Richardson (1960): the equilibrium is stable iff a*b > k*l."""
    if abs(a * b - k * l) < 1e-9:
        return
    ev = np.linalg.eigvals(np.array([[-a, k], [l, -b]]))
    assert richardson_is_stable(k, l, a, b) == bool((ev.real < 0).all()) == (a * b > k * l)
    stable, ev_n = richardson_system_is_stable([k, l], [a, b], PAIR)
    assert stable == (a * b > k * l)
    assert np.allclose(np.sort(ev_n.real), np.sort(ev.real))


def test_stability_is_vectorised_over_parameter_grids():
    k = np.linspace(0, 2, 5)
    assert richardson_is_stable(k, 1.0, 1.0, 1.0).tolist() == [True, True, False, False, False]


def test_stable_race_settles_at_equilibrium_and_unstable_one_runs_away():
    x_star, y_star = richardson_equilibrium(0.4, 0.3, 0.9, 0.8, 1.0, 0.5)
    x, y = richardson_solution(2000.0, 0.0, 0.0, 0.4, 0.3, 0.9, 0.8, 1.0, 0.5)  # no inf * 0 on long horizons
    assert (x, y) == pytest.approx((x_star, y_star))
    # k*l > a*b: the arms race explodes, growing at the positive eigenvalue s + q
    k, l, a, b = 0.9, 0.8, 0.4, 0.3
    x1, _ = richardson_solution(40.0, 1.0, 1.0, k, l, a, b, 0.1, 0.1)
    x2, _ = richardson_solution(50.0, 1.0, 1.0, k, l, a, b, 0.1, 0.1)
    rate = -(a + b) / 2 + np.sqrt(((a - b) / 2) ** 2 + k * l)
    assert np.log(x2 / x1) / 10.0 == pytest.approx(rate, rel=1e-6)


@given(coef, coef, coef, coef, st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.0, 5.0), st.floats(0.0, 5.0))
@settings(max_examples=40, deadline=None)
def test_closed_form_matches_numerical_integration(k, l, a, b, g, h, x0, y0):
    if abs(a * b - k * l) < 1e-3:
        return
    t = np.linspace(0.0, 5.0, 11)
    def rhs(_, z):
        return [k * z[1] - a * z[0] + g, l * z[0] - b * z[1] + h]

    sol = solve_ivp(rhs, (0, 5), [x0, y0], t_eval=t, rtol=1e-10, atol=1e-10)
    x, y = richardson_solution(t, x0, y0, k, l, a, b, g, h)
    scale = 1 + np.abs(sol.y).max()
    assert np.allclose(x, sol.y[0], atol=1e-7 * scale)
    assert np.allclose(y, sol.y[1], atol=1e-7 * scale)
    z = richardson_system_solution(t, [x0, y0], [k, l], [a, b], [g, h], PAIR)
    assert np.allclose(z[:, 0], x, atol=1e-8 * scale) and np.allclose(z[:, 1], y, atol=1e-8 * scale)


def test_repeated_zero_reactivity_solution_is_exponential_decay():
    """q -> 0 limit (a = b, k l = 0): x(t) = x* + (x0 - x*) e^{-a t}."""
    x, _ = richardson_solution(np.array([0.0, 1.0, 3.0]), 2.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.25, 0.0)
    assert np.allclose(x, 0.5 + 1.5 * np.exp(-0.5 * np.array([0.0, 1.0, 3.0])))


def test_n_state_system_matches_solve_ivp():
    rng = np.random.default_rng(5)
    n = 6
    w = rng.random((n, n)) * (1 - np.eye(n))
    k, a, g = rng.random(n) * 0.3, 0.5 + rng.random(n), rng.random(n)
    x0 = rng.random(n) * 3
    t = np.array([0.0, 0.5, 2.0, 7.0])
    sol = solve_ivp(lambda _, x: richardson_rhs(x, k, a, g, w), (0, 7), x0, t_eval=t, rtol=1e-10, atol=1e-12)
    assert np.allclose(richardson_system_solution(t, x0, k, a, g, w), sol.y.T, atol=1e-7)


def test_euler_step_converges_to_the_continuous_solution_at_first_order():
    k, l, a, b, g, h = 0.3, 0.5, 0.6, 0.4, 1.0, 0.5
    horizon = 4.0
    exact = np.array(richardson_solution(horizon, 1.0, 2.0, k, l, a, b, g, h))
    errors = []
    for dt in (0.1, 0.05, 0.025, 0.0125):
        x = np.array([1.0, 2.0])
        for _ in range(round(horizon / dt)):
            x = richardson_step(x, [k, l], [a, b], [g, h], PAIR, dt=dt)
        errors.append(np.abs(x - exact).max())
    errors = np.array(errors)
    assert np.all(np.diff(errors) < 0)
    assert np.allclose(errors[:-1] / errors[1:], 2.0, rtol=0.1)  # halving dt halves the error


def test_step_is_the_euler_update_and_spending_never_goes_negative():
    x = np.array([1.0, 2.0, 0.5])
    w = np.array([[0, 1.0, 0.5], [0.2, 0, 0], [1.0, 1.0, 0]])
    k, a, g = np.array([0.1, 0.2, 0.3]), 0.5, np.array([0.1, -0.2, 0.0])
    want = x + 0.5 * (k * (w @ x) - a * x + g)
    assert np.allclose(richardson_step(x, k, a, g, w, dt=0.5), want)
    # strong goodwill disarms a state to zero, not below
    out = richardson_step(x, k, a, np.array([0.0, -10.0, 0.0]), w)
    assert out[1] == 0.0 and np.all(out >= 0)


def test_richardson_rejects_bad_input():
    with pytest.raises(ValueError, match="threat_weights: the diagonal must be 0"):
        richardson_step([1.0, 1.0], 0.1, 0.1, 0.0, np.ones((2, 2)))
    with pytest.raises(ValueError, match="reactivity: negative value"):
        richardson_step([1.0, 1.0], -0.1, 0.1, 0.0, PAIR)
    with pytest.raises(ValueError, match=r"threat_weights: expected a square matrix of shape \(3, 3\)"):
        richardson_step([1.0, 1.0, 1.0], 0.1, 0.1, 0.0, PAIR)
    with pytest.raises(ValueError, match="spending: negative value"):
        richardson_step([1.0, -1.0], 0.1, 0.1, 0.0, PAIR)
    with pytest.raises(ValueError, match="dt: must be a positive"):
        richardson_step([1.0, 1.0], 0.1, 0.1, 0.0, PAIR, dt=0.0)
    with pytest.raises(ValueError, match=r"fatigue: expected shape \(2,\)"):
        richardson_step([1.0, 1.0], 0.1, [0.1, 0.1, 0.1], 0.0, PAIR)
    with pytest.raises(ValueError, match="parallel"):
        richardson_equilibrium(1.0, 1.0, 1.0, 1.0, 0.5, 0.5)
    with pytest.raises(ValueError, match="singular"):
        richardson_system_equilibrium([1.0, 1.0], [1.0, 1.0], [0.5, 0.5], PAIR)


def test_jacobian_is_kw_minus_a():
    w = np.array([[0, 0.5, 1.0], [1.0, 0, 0], [0.2, 0.3, 0]])
    k, a = np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.6, 0.7])
    assert np.allclose(richardson_jacobian(k, a, w), np.diag(k) @ w - np.diag(a))


def test_doubly_stable_world_has_no_spiral_and_doubly_dangerous_one_the_strongest():
    """Jervis (1978, p. 211): the four worlds."""
    kw = dict(base_reactivity=0.3, n=3)
    assert np.all(security_dilemma_reactivity(0.0, 0.0, **kw) == 0)
    danger = security_dilemma_reactivity(1.0, 1.0, **kw)
    assert np.allclose(danger, 0.3 * (1 - np.eye(3)))
    middle = security_dilemma_reactivity(1.0, 0.0, **kw)
    assert np.all(middle <= danger) and middle[0, 1] > 0
    x = np.array([1.0, 2.0, 3.0])
    w = 1 - np.eye(3)
    assert np.all(security_dilemma_response(x, w, 0.0, 0.0) == 0)


@given(
    hnp.arrays(float, (4, 4), elements=st.floats(0, 1)),
    hnp.arrays(float, (4, 4), elements=st.floats(0, 1)),
    st.floats(0.0, 0.5),
    st.floats(0.0, 0.5),
)
@settings(max_examples=80, deadline=None)
def test_more_uncertainty_and_offence_dominance_mean_stronger_reaction(u, d, du, dd):
    x = np.array([1.0, 0.5, 2.0, 0.0])
    w = 1 - np.eye(4)
    base = security_dilemma_response(x, w, u, d)
    more_u = security_dilemma_response(x, w, np.minimum(u + du, 1), d)
    more_d = security_dilemma_response(x, w, u, np.minimum(d + dd, 1))
    assert np.all(more_u >= base - 1e-12)
    assert np.all(more_d >= base - 1e-12)


def test_the_spiral_runs_away_past_a_critical_uncertainty():
    """Two symmetric states, fatigue a: the spiral is an unstable Richardson race iff kappa > a,
    i.e. (default worlds) iff (u + delta) / 2 * kappa_0 > a."""
    a, kappa0, delta = 0.1, 0.3, 0.2
    critical = 2 * a / kappa0 - delta  # = 0.4667
    for u, unstable in ((critical - 0.05, False), (critical + 0.05, True)):
        kappa = security_dilemma_reactivity(u, delta, base_reactivity=kappa0, n=2)
        stable, _ = richardson_system_is_stable(kappa[0, 1], a, PAIR)
        assert stable is not unstable
        x = np.array([1.0, 1.0])
        for _ in range(400):
            x = x + security_dilemma_response(x, PAIR, u, delta, base_reactivity=kappa0, fatigue=a)
        assert (x.min() > 10) == unstable


def test_security_dilemma_rejects_bad_input():
    w = 1 - np.eye(2)
    with pytest.raises(ValueError, match="uncertainty: value"):
        security_dilemma_response([1.0, 1.0], w, 1.5, 0.5)
    with pytest.raises(ValueError, match="offence_dominance: negative"):
        security_dilemma_response([1.0, 1.0], w, 0.5, -0.5)
    with pytest.raises(ValueError, match="arms only provoke"):
        security_dilemma_response([1.0, 1.0], -w, 0.5, 0.5)
    with pytest.raises(ValueError, match="n: give the number of states"):
        security_dilemma_reactivity(0.5, 0.5)
    with pytest.raises(ValueError, match="worlds: expected four"):
        security_dilemma_reactivity(0.5, 0.5, n=2, worlds=(0, 1))


def test_per_viewer_inputs_are_read_by_row():
    u = np.array([1.0, 0.0])
    kappa = security_dilemma_reactivity(u, 1.0, base_reactivity=1.0)
    assert kappa[0, 1] == pytest.approx(1.0) and kappa[1, 0] == pytest.approx(0.5)


# --- check=False (the simulator's inputs are valid by construction) ---------------------------------


unit = st.floats(0.0, 1.0)


@st.composite
def per_state(draw, n, elements):
    """A scalar or an (N,) array: the two forms the per-state coefficients take."""
    if draw(st.booleans()):
        return draw(elements)
    return draw(hnp.arrays(float, n, elements=elements))


@st.composite
def per_pair(draw, n):
    """A scalar, an (N,) per-viewer or an (N, N) array in [0, 1]."""
    form = draw(st.sampled_from(["scalar", "vector", "matrix"]))
    if form == "scalar":
        return draw(unit)
    return draw(hnp.arrays(float, n if form == "vector" else (n, n), elements=unit))


@given(st.integers(1, 8), st.data())
@settings(max_examples=60, deadline=None)
def test_check_false_gives_the_same_bits_on_valid_input(n, data):
    x = data.draw(hnp.arrays(float, n, elements=st.floats(0.0, 100.0)))
    k = data.draw(per_state(n, coef))
    a = data.draw(per_state(n, coef))
    g = data.draw(per_state(n, grievance))
    w = data.draw(hnp.arrays(float, (n, n), elements=unit)) * (1 - np.eye(n))
    dt = data.draw(st.floats(0.1, 2.0))
    same_bits(richardson_rhs(x, k, a, g, w), richardson_rhs(x, k, a, g, w, check=False))
    same_bits(richardson_step(x, k, a, g, w, dt), richardson_step(x, k, a, g, w, dt, check=False))
    u, d = data.draw(per_pair(n)), data.draw(per_pair(n))
    kw = {"base_reactivity": data.draw(st.floats(0.0, 1.0)), "worlds": data.draw(st.tuples(unit, unit, unit, unit)), "n": n}
    same_bits(security_dilemma_reactivity(u, d, **kw), security_dilemma_reactivity(u, d, **kw, check=False))


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="spending: non-finite value at index 1"):
        richardson_step([1.0, np.nan], 0.1, 0.1, 0.0, PAIR, check=True)
    with pytest.raises(ValueError, match="fatigue: negative value"):
        richardson_rhs([1.0, 1.0], 0.1, -0.1, 0.0, PAIR, check=True)
    with pytest.raises(ValueError, match="threat_weights: the diagonal must be 0"):
        richardson_step([1.0, 1.0], 0.1, 0.1, 0.0, np.ones((2, 2)), check=True)
    with pytest.raises(ValueError, match="uncertainty: value 1.5 at index 0 is above 1"):
        security_dilemma_reactivity([1.5, 0.5], 0.5, check=True)
