r"""Arms races and the security dilemma (brief D1; Richardson 1960, Jervis 1978).

**Richardson's model.** Each state's military spending grows in reaction to its rivals' spending
(the *defence* or reactivity coefficient), falls under the burden of its own (the *fatigue* or
expense coefficient) and carries a constant drive of *grievances* (or, if negative, goodwill).
For two states:

.. math:: \dot x = k y - a x + g, \qquad \dot y = l x - b y + h

With :math:`a, b, k, l \ge 0` the equilibrium is
:math:`x^* = (k h + b g)/(a b - k l)`, :math:`y^* = (l g + a h)/(a b - k l)` and it is stable iff
:math:`a b > k l` (mutual restraint outweighs mutual reactivity); otherwise spending runs away: the
arms race. The N-state generalisation used by the simulator is

.. math:: \dot x = K W x - A x + g

with :math:`K = \mathrm{diag}(k)`, :math:`A = \mathrm{diag}(a)` and :math:`W` the threat weights
(how much each state reacts to each other state's spending; zero diagonal). Its equilibrium solves
:math:`(A - K W) x^* = g` and is stable iff every eigenvalue of :math:`K W - A` has a negative real
part; with :math:`W = [[0, 1], [1, 0]]` it reduces to the two-state model.

**The security dilemma** (Jervis 1978). Arming for one's own security lowers the others'; they
respond and the spiral can leave all less secure. Its severity depends on two variables: whether
the offence has the advantage, and whether offensive and defensive postures (hence intentions)
can be told apart. :func:`security_dilemma_reactivity` maps them to the Richardson reactivity, so
that more uncertainty and more offence dominance mean stronger reaction and, past a threshold, an
unstable spiral.

Units: spending in any consistent currency unit per year (e.g. constant US$ bn); time in years;
``k`` and ``a`` per year; ``g`` in spending units per year; ``W`` dimensionless.

References
----------
1. Richardson, L. F. (1960). *Arms and Insecurity: A Mathematical Study of the Causes and Origins of
   War*. Pittsburgh: Boxwood Press.
2. Intriligator, M. D. (1964). Some simple models of arms races. *General Systems* 9: 143-147
   (the N-nation generalisation and its stability condition).
3. Jervis, R. (1978). Cooperation under the security dilemma. *World Politics* 30(2): 167-214.
4. Glaser, C. L. & Kaufmann, C. (1998). What is the offense-defense balance and can we measure it?
   *International Security* 22(4): 44-82.
"""

from __future__ import annotations

import numpy as np
from numba import njit
from scipy.linalg import expm

from foedus.theory._validate import _array, _matrix, _per_state, _vector

__all__ = [
    "JERVIS_WORLDS",
    "richardson_equilibrium",
    "richardson_is_stable",
    "richardson_jacobian",
    "richardson_rhs",
    "richardson_solution",
    "richardson_step",
    "richardson_system_equilibrium",
    "richardson_system_is_stable",
    "richardson_system_solution",
    "security_dilemma_reactivity",
    "security_dilemma_response",
]

JERVIS_WORLDS: tuple[float, float, float, float] = (0.0, 0.5, 0.5, 1.0)
"""Default reaction intensity in Jervis's (1978, p. 211) four worlds, in the order:
(defence dominant, postures distinguishable) "doubly stable";
(defence dominant, indistinguishable) "security dilemma, but security requirements may be compatible";
(offence dominant, distinguishable) "no security dilemma, but aggression possible";
(offence dominant, indistinguishable) "doubly dangerous"."""


def _coefficients(n: int, *, check: bool = True, **named) -> dict[str, np.ndarray]:
    return {name: _per_state(name, value, n, nonneg=True, check=check) for name, value in named.items()}


def _weights(threat_weights, n: int | None, *, check: bool = True) -> np.ndarray:
    w = _matrix("threat_weights", threat_weights, n, check=check)
    if check and np.diagonal(w).any():
        raise ValueError("threat_weights: the diagonal must be 0 (a state's reaction to its own spending belongs in fatigue)")
    return w


def richardson_rhs(spending, reactivity, fatigue, grievance, threat_weights, *, check: bool = True) -> np.ndarray:
    r"""Richardson's rates of change :math:`\dot x_i = k_i \sum_j w_{ij} x_j - a_i x_i + g_i` (brief D1).

    Parameters
    ----------
    spending : array (N,) of float, spending units
    reactivity : float or array (N,) of float >= 0, per year
        Defence coefficient :math:`k`.
    fatigue : float or array (N,) of float >= 0, per year
        Fatigue (expense) coefficient :math:`a`.
    grievance : float or array (N,) of float, spending units per year
        Grievance :math:`g` (negative: goodwill).
    threat_weights : array (N, N) of float, zero diagonal
        :math:`w_{ij}`: weight of ``j``'s spending in ``i``'s reaction.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N,), spending units per year.

    References
    ----------
    Richardson (1960), ch. 2; Intriligator (1964).
    """
    x = _vector("spending", spending, check=check)
    n = x.shape[0]
    c = _coefficients(n, reactivity=reactivity, fatigue=fatigue, check=check)
    g = _per_state("grievance", grievance, n, check=check)
    w = _weights(threat_weights, n, check=check)
    return c["reactivity"] * (w @ x) - c["fatigue"] * x + g


def richardson_step(
    spending, reactivity, fatigue, grievance, threat_weights, dt: float = 1.0, *, check: bool = True
) -> np.ndarray:
    r"""One Euler step of Richardson's arms-race equations, clipped at zero spending (brief D1).

    .. math:: x_i(t + \Delta t) = \max\left(0,\; x_i + \Delta t\,\big(k_i \textstyle\sum_j w_{ij} x_j
              - a_i x_i + g_i\big)\right)

    For ``spending >= 0``, ``W >= 0`` and ``grievance >= 0`` the continuous system never leaves the
    non-negative orthant, and for ``dt < 1 / max(a)`` neither does the Euler step, so the clip only
    binds under goodwill (negative grievance) or large steps: spending cannot be negative. As
    ``dt -> 0`` repeated steps converge (first order) to :func:`richardson_system_solution`.

    Parameters
    ----------
    spending : array (N,) of float >= 0, spending units
    reactivity, fatigue, grievance, threat_weights
        As in :func:`richardson_rhs`.
    dt : float > 0, years, default 1
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N,) of float >= 0.

    Examples
    --------
    >>> richardson_step([1.0, 2.0], 0.5, 0.2, 0.1, [[0, 1], [1, 0]]).tolist()
    [1.9, 2.2]

    References
    ----------
    Richardson (1960), ch. 2.
    """
    x = _vector("spending", spending, nonneg=True, check=check)
    if check and not (np.isfinite(dt) and dt > 0):
        raise ValueError(f"dt: must be a positive number of years, got {dt!r}")
    return np.maximum(x + dt * richardson_rhs(x, reactivity, fatigue, grievance, threat_weights, check=check), 0.0)


def richardson_equilibrium(k, l, a, b, g, h) -> tuple[np.ndarray, np.ndarray]:
    r"""Equilibrium of the two-state Richardson model (brief D1; Richardson 1960).

    .. math:: x^* = \frac{k h + b g}{a b - k l}, \qquad y^* = \frac{l g + a h}{a b - k l}

    It is the rest point of :math:`\dot x = k y - a x + g`, :math:`\dot y = l x - b y + h`;
    whether it attracts is :func:`richardson_is_stable`. Arguments broadcast, so whole parameter
    grids are solved at once.

    Parameters
    ----------
    k, l : float or array, per year
        Reactivities of X to Y's and of Y to X's spending.
    a, b : float or array, per year
        Fatigue coefficients of X and Y.
    g, h : float or array, spending units per year
        Grievances of X and Y.

    Returns
    -------
    (x_star, y_star) : floats or arrays (broadcast shape), spending units.

    Raises
    ------
    ValueError
        Where :math:`a b = k l` (no isolated equilibrium: the lines of rest are parallel).

    Examples
    --------
    >>> [float(v) for v in richardson_equilibrium(0.5, 0.5, 1.0, 1.0, 1.0, 1.0)]
    [2.0, 2.0]
    """
    k, l, a, b, g, h = (_array(n, v) for n, v in zip("klabgh", (k, l, a, b, g, h)))
    det = a * b - k * l
    if np.any(det == 0):
        raise ValueError("richardson_equilibrium: a*b == k*l, the equilibrium lines are parallel (no unique equilibrium)")
    return (k * h + b * g) / det, (l * g + a * h) / det


def richardson_is_stable(k, l, a, b):
    r"""Stability of the two-state Richardson equilibrium: :math:`a b > k l` (brief D1).

    The Jacobian :math:`\begin{pmatrix} -a & k \\ l & -b \end{pmatrix}` has trace
    :math:`-(a+b) < 0`, so both eigenvalues have negative real parts iff its determinant
    :math:`a b - k l` is positive (Richardson 1960): fatigue must outweigh mutual reactivity.

    Parameters
    ----------
    k, l, a, b : float or array >= 0, per year (a, b > 0)

    Returns
    -------
    bool, or array of bool if any argument is an array.
    """
    k, l, a, b = (_array(n, v, nonneg=True) for n, v in zip("klab", (k, l, a, b)))
    out = a * b > k * l
    return bool(out) if out.ndim == 0 else out


def richardson_solution(t, x0, y0, k, l, a, b, g, h) -> tuple[np.ndarray, np.ndarray]:
    r"""Closed-form trajectory of the two-state Richardson model (brief D1).

    With :math:`z = (x, y)`, :math:`J = \begin{pmatrix} -a & k \\ l & -b \end{pmatrix}` and
    :math:`z^*` the equilibrium, :math:`z(t) = z^* + e^{J t} (z_0 - z^*)`, where (Cayley-Hamilton)

    .. math:: e^{J t} = e^{s t} \left[\cosh(q t)\, I + \frac{\sinh(q t)}{q} (J - s I)\right], \quad
              s = -\frac{a + b}{2}, \quad q = \sqrt{\left(\frac{a - b}{2}\right)^2 + k l}

    (:math:`\sinh(q t)/q \to t` as :math:`q \to 0`). The eigenvalues :math:`s \pm q` are real
    because :math:`k l \ge 0`. No clipping at zero (see :func:`richardson_step`); the unstable case
    (:math:`a b < k l`) grows like :math:`e^{(s + q) t}`.

    Parameters
    ----------
    t : float or array, years since the start
    x0, y0 : float, spending at t = 0
    k, l, a, b : float >= 0, per year, with ``a*b != k*l``
    g, h : float, spending units per year

    Returns
    -------
    (x, y) : arrays shaped like ``t``.
    """
    t = _array("t", t)
    k, l, a, b = (float(_array(n, v, nonneg=True)) for n, v in zip("klab", (k, l, a, b)))
    x_star, y_star = (float(v) for v in richardson_equilibrium(k, l, a, b, g, h))
    dx, dy = float(_array("x0", x0)) - x_star, float(_array("y0", y0)) - y_star
    s = -(a + b) / 2.0
    q = np.sqrt(((a - b) / 2.0) ** 2 + k * l)
    # e^{st} cosh(qt) and e^{st} sinh(qt) / q written with the eigenvalues s +- q, so that a
    # decaying solution never forms inf * 0 and q -> 0 loses no precision (expm1).
    fast, slow = np.exp((s + q) * t), np.exp((s - q) * t)
    ch = 0.5 * (fast + slow)
    if q > 0:
        small = np.minimum(2 * q * t, 1.0)  # expm1 where 2qt < 1 (precision), difference elsewhere
        sh_q = np.where(2 * q * t < 1.0, slow * np.expm1(small), fast - slow) / (2 * q)
    else:
        sh_q = t * np.exp(s * t)
    # J - sI = [[-a - s, k], [l, -b - s]]
    x = x_star + ch * dx + sh_q * ((-a - s) * dx + k * dy)
    y = y_star + ch * dy + sh_q * (l * dx + (-b - s) * dy)
    return x, y


def richardson_system_equilibrium(reactivity, fatigue, grievance, threat_weights) -> np.ndarray:
    r"""Equilibrium of the N-state Richardson system: solve :math:`(A - K W) x^* = g` (brief D1).

    An O(N^3) linear solve (about 1 ms at N = 200). Components may be negative when goodwill
    dominates: the clipped dynamics (:func:`richardson_step`) then disarm those states to zero.

    Parameters
    ----------
    reactivity, fatigue, grievance, threat_weights
        As in :func:`richardson_rhs`.

    Returns
    -------
    array (N,), spending units.

    Raises
    ------
    ValueError
        If :math:`A - K W` is singular (no unique equilibrium).

    References
    ----------
    Richardson (1960); Intriligator (1964).
    """
    w = _matrix("threat_weights", threat_weights)
    jac = richardson_jacobian(reactivity, fatigue, w)
    g = _per_state("grievance", grievance, w.shape[0])
    try:
        return np.linalg.solve(-jac, g)
    except np.linalg.LinAlgError:
        raise ValueError("richardson_system_equilibrium: A - K W is singular (no unique equilibrium)") from None


def richardson_jacobian(reactivity, fatigue, threat_weights) -> np.ndarray:
    r"""The Jacobian :math:`K W - A` of the N-state Richardson system (brief D1).

    Returns
    -------
    array (N, N), per year.
    """
    w = _weights(threat_weights, None)
    n = w.shape[0]
    c = _coefficients(n, reactivity=reactivity, fatigue=fatigue)
    jac = c["reactivity"][:, None] * w
    jac[np.diag_indices(n)] -= c["fatigue"]
    return jac


def richardson_system_is_stable(reactivity, fatigue, threat_weights) -> tuple[bool, np.ndarray]:
    r"""Stability of the N-state Richardson system: all eigenvalues of :math:`K W - A` in the left half-plane.

    An O(N^3) eigenvalue problem (tens of milliseconds at N = 200: inherently heavier than the
    O(N^2) kernels; call it once per scenario, not per step). For two states with
    ``W = [[0, 1], [1, 0]]`` it agrees with :func:`richardson_is_stable` (:math:`a b > k l`).

    Returns
    -------
    stable : bool
    eigenvalues : array (N,) of complex, per year
        Their largest real part is the asymptotic growth rate of deviations from equilibrium.

    References
    ----------
    Intriligator (1964); Richardson (1960).
    """
    ev = np.linalg.eigvals(richardson_jacobian(reactivity, fatigue, threat_weights))
    return bool((ev.real < 0).all()), ev


def richardson_system_solution(t, spending0, reactivity, fatigue, grievance, threat_weights) -> np.ndarray:
    r"""Exact trajectory of the (unclipped) N-state Richardson system via the matrix exponential.

    The affine system :math:`\dot x = J x + g` is solved exactly, singular :math:`J` included, by
    exponentiating the augmented matrix :math:`\begin{pmatrix} J & g \\ 0 & 0 \end{pmatrix}`
    (Van Loan 1978): :math:`x(t)` is the top of :math:`e^{M t} (x_0, 1)`. O(N^3) per time point.

    Parameters
    ----------
    t : float or array (T,) of float, years
    spending0 : array (N,), spending at t = 0
    reactivity, fatigue, grievance, threat_weights
        As in :func:`richardson_rhs`.

    Returns
    -------
    array (T, N) (or (N,) for scalar ``t``), spending units.

    References
    ----------
    Van Loan, C. F. (1978). Computing integrals involving the matrix exponential. *IEEE
    Transactions on Automatic Control* 23(3): 395-404.
    """
    x0 = _vector("spending0", spending0)
    n = x0.shape[0]
    jac = richardson_jacobian(reactivity, fatigue, _matrix("threat_weights", threat_weights, n))
    m = np.zeros((n + 1, n + 1))
    m[:n, :n] = jac
    m[:n, n] = _per_state("grievance", grievance, n)
    ts = _array("t", t)
    z0 = np.append(x0, 1.0)
    out = np.stack([(expm(m * tk) @ z0)[:n] for tk in np.atleast_1d(ts)])
    return out[0] if ts.ndim == 0 else out


def security_dilemma_reactivity(
    uncertainty,
    offence_dominance,
    *,
    base_reactivity: float = 0.2,
    worlds: tuple[float, float, float, float] = JERVIS_WORLDS,
    n: int | None = None,
    check: bool = True,
) -> np.ndarray:
    r"""Richardson reactivity implied by Jervis's security dilemma, pair by pair (brief D1).

    Jervis (1978, p. 211) crosses two variables: whether the offence has the advantage
    (:math:`\delta`, ``offence_dominance``) and whether offensive and defensive postures can be
    told apart, i.e. how uncertain a state is about the intentions behind others' arms
    (:math:`u`, ``uncertainty``). The reaction intensity interpolates bilinearly between his four
    worlds :math:`c = (c_{00}, c_{10}, c_{01}, c_{11})` (see :data:`JERVIS_WORLDS`):

    .. math:: \kappa_{ij} = \kappa_0 \left[c_{00}(1-u)(1-\delta) + c_{10}\,u(1-\delta)
              + c_{01}(1-u)\delta + c_{11}\,u\delta\right]

    With the default worlds :math:`\kappa = \kappa_0 (u + \delta)/2`: zero in the doubly stable
    world, :math:`\kappa_0` in the doubly dangerous one, increasing in both variables.

    Parameters
    ----------
    uncertainty : float, array (N,) or (N, N), in [0, 1]
        :math:`u_{ij}`: ``i``'s uncertainty about the intentions behind ``j``'s arms (0: known to
        be defensive; 1: offensive and defensive postures indistinguishable). An (N,) array is
        per viewer ``i``.
    offence_dominance : float, array (N,) or (N, N), in [0, 1]
        :math:`\delta`: 0 when defence has a decisive advantage, 0.5 neutral, 1 when offence does
        (Glaser & Kaufmann 1998 read it as the cost ratio of offence to defence). (N,) per viewer.
    base_reactivity : float >= 0, per year, default 0.2
        :math:`\kappa_0`, the reactivity in the doubly dangerous world.
    worlds : four floats >= 0, default :data:`JERVIS_WORLDS`
    n : int, optional
        Number of states when both inputs are scalars (otherwise inferred).
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    array (N, N) of float >= 0, per year; diagonal 0.

    References
    ----------
    Jervis (1978), the section on offence, defence and the security dilemma and its table of four
    worlds (p. 211); Glaser & Kaufmann (1998).
    """
    if n is None:
        shapes = [np.shape(v)[0] for v in (uncertainty, offence_dominance) if np.ndim(v) > 0]
        if not shapes:
            raise ValueError("n: give the number of states when uncertainty and offence_dominance are both scalars")
        n = shapes[0]
    u, d, c = _jervis_inputs(uncertainty, offence_dominance, n, base_reactivity, worlds, check=check)
    u, d = np.broadcast_to(u, (n, n)), np.broadcast_to(d, (n, n))
    kappa = np.empty((n, n))
    _jervis_kernel(u, d, c, float(base_reactivity), kappa)
    return kappa


@njit(cache=True)
def _jervis_kernel(u, d, c, k0, out):  # pragma: no cover (compiled)
    """:func:`_jervis_kappa` in one pass over the pairs, diagonal 0."""
    a, b, e, f = c[0], c[1] - c[0], c[2] - c[0], c[3] - c[2] - c[1] + c[0]
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = 0.0 if i == j else jervis_pair(u[i, j], d[i, j], k0, a, b, e, f)


@njit(cache=True)
def jervis_pair(u, d, k0, a, b, e, f):  # pragma: no cover (compiled)
    """One pair's :func:`security_dilemma_reactivity` (compiled; for compiled loops over pairs elsewhere).

    ``k0`` is the base reactivity and ``a, b, e, f`` the expanded worlds
    ``c00, c10 - c00, c01 - c00, c11 - c01 - c10 + c00`` (see :func:`_jervis_kappa`).
    """
    return k0 * (a + b * u + e * d + f * (u * d))


def _pairwise(name: str, x, n: int, *, check: bool = True) -> np.ndarray:
    """A scalar, (N,) per viewer or (N, N) input in [0, 1], shaped to broadcast against (N, N)."""
    a = _array(name, x, unit=True, check=check)
    if a.ndim == 1:
        return (_vector(name, a, n, unit=True) if check else a)[:, None]
    return a if (a.ndim == 0 or not check) else _matrix(name, a, n)


def _jervis_inputs(
    uncertainty, offence_dominance, n, base_reactivity, worlds, *, check: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Checked inputs of :func:`_jervis_kappa`: u and d broadcastable to (N, N), the four worlds."""
    u = _pairwise("uncertainty", uncertainty, n, check=check)
    d = _pairwise("offence_dominance", offence_dominance, n, check=check)
    c = _array("worlds", worlds, nonneg=True, check=check)
    if not check:
        return u, d, c
    if c.shape != (4,):
        raise ValueError(f"worlds: expected four reaction intensities (Jervis's four worlds), got shape {c.shape}")
    if not (np.isfinite(base_reactivity) and base_reactivity >= 0):
        raise ValueError(f"base_reactivity: must be >= 0 per year, got {base_reactivity!r}")
    return u, d, c


def _jervis_kappa(uncertainty, offence_dominance, n, base_reactivity, worlds) -> np.ndarray:
    """Bilinear interpolation between Jervis's four worlds, broadcastable to (N, N)."""
    u, d, c = _jervis_inputs(uncertainty, offence_dominance, n, base_reactivity, worlds)
    # c00 (1-u)(1-d) + c10 u (1-d) + c01 (1-u) d + c11 u d, expanded to save passes over N^2 pairs
    return base_reactivity * (c[0] + (c[1] - c[0]) * u + (c[2] - c[0]) * d + (c[3] - c[2] - c[1] + c[0]) * (u * d))


def security_dilemma_response(
    spending,
    threat_weights,
    uncertainty,
    offence_dominance,
    *,
    base_reactivity: float = 0.2,
    fatigue=0.0,
    worlds: tuple[float, float, float, float] = JERVIS_WORLDS,
) -> np.ndarray:
    r"""Desired change in each state's arming under Jervis's spiral (brief D1; Jervis 1978).

    Each state reacts to the threat-weighted spending of the others with the pairwise reactivity of
    :func:`security_dilemma_reactivity`, less its fatigue:

    .. math:: \Delta x_i = \sum_j \kappa_{ij}(u_{ij}, \delta_{ij})\, w_{ij}\, x_j - a_i x_i

    More uncertainty about intentions and more offence dominance mean a stronger reaction; with
    uniform :math:`\kappa` this is the Richardson rate of change with :math:`k = \kappa` and no
    grievance, so a spiral is self-sustaining exactly when the Richardson system with that
    reactivity is unstable (:func:`richardson_system_is_stable`).

    Parameters
    ----------
    spending : array (N,) of float >= 0, spending units
    threat_weights : array (N, N) of float >= 0, zero diagonal
    uncertainty, offence_dominance
        As in :func:`security_dilemma_reactivity`.
    base_reactivity : float >= 0, per year, default 0.2
    fatigue : float or array (N,) >= 0, per year, default 0
    worlds : four floats, default :data:`JERVIS_WORLDS`

    Returns
    -------
    array (N,), spending units per year.
    """
    x = _vector("spending", spending, nonneg=True)
    n = x.shape[0]
    w = _weights(threat_weights, n)
    if w.size and w.min() < 0:
        raise ValueError("threat_weights: must be >= 0 in the security dilemma (arms only provoke)")
    kappa = _jervis_kappa(uncertainty, offence_dominance, n, base_reactivity, worlds)
    a = _per_state("fatigue", fatigue, n, nonneg=True)
    # the diagonal of w is 0, so kappa's diagonal never enters
    reaction = kappa * (w @ x) if kappa.ndim == 0 else (kappa * w) @ x
    return reaction - a * x
