"""Step 2, capabilities: economic growth and arming under the security dilemma (brief D1, P4).

One Euler step of Richardson's (1960) arms race a year, its reactivity from Jervis's (1978)
security dilemma, net of the protection allies' spending gives (free riding, Olson & Zeckhauser
1966); then capability shares and offensive capability follow.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.world import World
from foedus.theory import arming as th_arming
from foedus.theory import arms as th_arms
from foedus.theory.arms import jervis_pair
from foedus.theory.capability import offensive_capability

def capabilities(world: World, rng: np.random.Generator) -> None:
    """Growth, and arming under the security dilemma net of allies' protection (D1, P4).

    Economy: ``GDP *= 1 + g_i + e_i`` with ``e_i ~ N(0, growth_noise)``.

    Arming: one Euler step of Richardson's (1960) equations
    (:func:`foedus.theory.arms.richardson_step`), ``x_i' = x_i + sum_j K_ij x_j - a x_i + g_i``.
    The pairwise reaction ``K_ij = kappa_ij * w_ij`` combines

    - Jervis's (1978) security dilemma (:func:`foedus.theory.arms.security_dilemma_reactivity`):
      ``kappa_ij`` grows with i's uncertainty about j's intentions (``1 - trust_ij``) and with
      j's offensive capability (offence dominance), with ``kappa = reactivity`` at 0.5 and 0.5;
    - the threat weight ``w_ij = (T_ij / p_j) * E_i / (E_i + E_j)``
      (:func:`foedus.theory.arming.threat_weights`): the share of j's spending that threatens i
      (Walt's proximity, offence and intentions) scaled by i's relative economic size, so a small
      state answers a large neighbour's arming in proportion to what it can afford;
    - each state's reactions scaled once at the start so that at most ``reaction_share_cap`` of
      its spending answers others (:func:`foedus.theory.arming.reaction_scale`; Majeski & Jones 1981).

    Allies' spending is a substitute (Olson & Zeckhauser 1966, P4). The share of i's threat
    that its allies cover is ``A_i / (A_i + X_i)``, with ``A_i = sum_j c_ij x_j`` the allies'
    credible spending (``c_ij``: commitment × cohesion of their strongest shared agreement) and
    ``X_i = sum_j (T_ij / p_j) x_j`` the threatening spending; the relief
    ``ally_weight * (sum_j K_ij x_j) * A_i / (A_i + X_i)`` (:func:`foedus.theory.arming.ally_relief`)
    is taken off the grievance term.
    Small allies of a large power are almost fully covered and free-ride; a large power's small
    allies cover little of its threat, so it carries its own burden; losing a great-power ally
    raises one's arming. The grievance ``g_i`` (domestic momentum: industry, bureaucracy;
    "armament sustains itself", D1) is set at the start so that the starting spending is a
    fixed point, and grows with the economy. A state at war adds
    :func:`foedus.theory.arming.war_mobilisation` to it: it closes ``mobilisation_rate`` a year of
    the gap to ``war_burden`` of its GDP times its strongest enemy's share of the pair's
    capabilities (:func:`enemy_share`; Rasler & Thompson 1985). Both shares are of GDP restated in spending's currency
    (:func:`spending_units`: record-built scenarios hold the two in different dollars). After a war a state demobilises
    towards a plateau above its pre-war spending (:func:`demobilisation_ceiling`; the ratchet, Rasler & Thompson 1985).
    Spending is capped at ``max_milex_share`` of GDP
    and floored at ``milex_floor_share`` of its starting level; the military stock accumulates spending with
    depreciation; personnel scale with spending, within the record's share of the population
    (:func:`foedus.theory.arming.personnel_ceiling`: ``max_personnel_share_war`` / ``_peace``). Capability shares
    (:func:`foedus.theory.capability.capability_shares`) and offensive capability
    (:func:`foedus.theory.capability.offensive_capability`) follow.
    """
    p = world.inputs.params
    n = world.n
    shock = rng.normal(0.0, p.growth_noise, n) if p.growth_noise > 0 else 0.0
    world.state.economy *= np.maximum(1.0 + world.state.growth + shock, p.growth_floor)
    weights, relief = arming_pressure(world)
    k = spending_units(world)  # GDP in spending's currency: shares of GDP mean the same in every era
    ceiling = demobilisation_ceiling(world)
    if world.state.at_war.any():
        # a belligerent mobilises: its grievance rises (taken here off the relief, which the grievance subtracts)
        relief = relief - th_arming.war_mobilisation(
            world.state.milex, k * world.state.economy, enemy_share(world), p.war_burden, p.mobilisation_rate, check=world.inputs.check
        )
    if world.inputs.check:
        grievance = world.state.base_spending * (world.state.economy / world.state.economy0) - relief
        new = th_arms.richardson_step(world.state.milex, 1.0, p.fatigue, grievance, weights, check=True)
        world.state.milex = np.clip(new, p.milex_floor_share * world.state.milex_floor, np.minimum(p.max_milex_share * k * world.state.economy, ceiling))
        world.state.military = (1.0 - p.military_depreciation) * world.state.military + world.state.milex
        world.state.milper = world.state.milper0 * world.state.milex / world.state.milex0
    else:
        world.state.milex, world.state.military, world.state.milper = spending_update(world, weights @ world.state.milex, relief, ceiling)
    share = np.where(world.state.at_war.any(axis=1), p.max_personnel_share_war, p.max_personnel_share_peace) if world.n else 0.0
    world.state.milper = th_arming.personnel_ceiling(world.state.milper, world.inputs.population, share, check=world.inputs.check)
    if world.inputs.check:
        world.update_power()
        world.results.offensive = offensive_capability(world.state.military, world.state.power, floor=p.offensive_floor, check=True)
    else:
        world.state.power, world.state.cinc, world.results.offensive = capability_update(
            world.state.economy, world.state.military, world.state.economy0, world.state.military0, world.state.cinc0, float(p.offensive_floor)
        )


def demobilisation_ceiling(world: World) -> np.ndarray:
    """This year's ceiling on each state's spending from demobilisation (``inf`` where none), keeping the war spells.

    A state entering a war records its spending of the year before (``WorldState.milex_prewar``) and, while at war, its
    highest spending (``WorldState.war_peak``). When its war ends its peace-time level is
    :func:`foedus.theory.arming.postwar_level` (``war_ratchet``: the plateau above the pre-war level, Rasler & Thompson
    1985), its grievance is raised by ``fatigue`` times the plateau's rise over the pre-war level (the displacement
    effect holds: Peacock & Wiseman 1961), and it demobilises: while above the level (kept as a share of its GDP,
    ``WorldState.peace_burden``) its spending may be at most ``x - demobilisation(x, level, demobilisation_rate)``
    (:func:`foedus.theory.arming.demobilisation`). A scenario's ``milex_prewar`` starts a state in its war's aftermath,
    its starting spending as the peak (:func:`arming_fixed_point` sets its grievance at the plateau).
    """
    p = world.inputs.params
    n = world.n
    if world.state.milex_prewar.shape != (n,):
        world.state.milex_prewar = np.full(n, np.nan)
    if world.state.war_peak.shape != (n,):
        world.state.war_peak = np.zeros(n)
    if world.state.peace_burden.shape != (n,):
        world.state.peace_burden = np.full(n, np.nan)
    fighting = world.state.at_war.any(axis=1) if world.state.at_war.size else np.zeros(n, bool)
    pre = world.state.milex_prewar
    pre[fighting & np.isnan(pre)] = world.state.milex[fighting & np.isnan(pre)]
    world.state.war_peak = np.where(fighting, np.maximum(world.state.war_peak, world.state.milex), world.state.war_peak)
    world.state.peace_burden[fighting] = np.nan  # a state back at war stops demobilising
    ended = np.flatnonzero(~fighting & ~np.isnan(pre))
    if len(ended):
        _war_ended(world, ended)
    level = world.state.peace_burden * world.state.economy
    demob = ~np.isnan(level)
    ceiling = np.full(n, np.inf)
    if demob.any():
        at = np.flatnonzero(demob)
        x = world.state.milex[at]
        above = x > level[at]
        ceiling[at[above]] = (x - th_arming.demobilisation(x, level[at], p.demobilisation_rate, check=world.inputs.check))[above]
        world.state.peace_burden[at[~above]] = np.nan  # back at its level: done
    return ceiling


def _war_ended(world: World, ended: np.ndarray) -> None:
    """The war of the states ``ended`` is over: their plateau (:func:`foedus.theory.arming.postwar_level`), the grievance that holds it, and demobilisation."""
    p = world.inputs.params
    pre = world.state.milex_prewar[ended]
    peak = np.maximum(world.state.war_peak[ended], world.state.milex[ended])
    level = th_arming.postwar_level(pre, peak, p.war_ratchet, check=world.inputs.check)
    world.state.base_spending[ended] += p.fatigue * (level - pre) * world.state.economy0[ended] / world.state.economy[ended]
    world.state.peace_burden[ended] = level / world.state.economy[ended]
    world.state.milex_prewar[ended] = np.nan
    world.state.war_peak[ended] = 0.0


def spending_units(world: World) -> float:
    """GDP's factor into spending's currency (:func:`foedus.theory.arming.economy_in_spending_units`), from the start; cached."""
    k = world.cache.get("economy_in_spending_units")
    if k is None:
        k = world.cache["economy_in_spending_units"] = th_arming.economy_in_spending_units(
            world.state.milex0, world.state.economy0, world.inputs.params.reference_burden, check=world.inputs.check
        )
    return k


def spending_update(world: World, reaction: np.ndarray, relief: np.ndarray, ceiling: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Military spending, stock and personnel after this year's Richardson step, in one compiled pass.

    :func:`foedus.theory.arms.richardson_step` (reactivity 1, ``dt`` 1) of the spending with
    the reaction ``K @ x`` (``reaction``, NumPy's product) and the grievance
    ``base_spending * E / E0 - relief``, clipped as :func:`capabilities` says, then the stock
    and personnel; state by state in NumPy's order of operations, so the result is the same to
    the bit (``tests/sim/steps/test_capabilities.py``).
    """
    p = world.inputs.params
    n = len(reaction)
    milex, military, milper = np.empty(n), np.empty(n), np.empty(n)
    _spending_kernel(
        world.state.milex, reaction, world.state.base_spending, world.state.economy, world.state.economy0, relief, float(p.fatigue),
        float(p.milex_floor_share), world.state.milex_floor, float(p.max_milex_share) * spending_units(world), ceiling, 1.0 - p.military_depreciation,
        world.state.military, world.state.milper0, world.state.milex0, milex, military, milper,
    )
    return milex, military, milper


@njit(cache=True)
def _spending_kernel(x, wx, base, e, e0, relief, fatigue, floor_share, floor, max_share, ceiling, keep, stock, milper0, milex0, milex, military, milper):  # pragma: no cover (compiled)
    for i in range(x.shape[0]):
        g = base[i] * (e[i] / e0[i]) - relief[i]
        v = x[i] + 1.0 * (1.0 * wx[i] - fatigue * x[i] + g)  # richardson_step: max(x + dt * rhs, 0)
        if not (v >= 0.0 or np.isnan(v)):
            v = 0.0
        if not np.isnan(v):  # np.clip(v, floor_share * floor, max_share * e)
            lo = floor_share * floor[i]
            v = v if v > lo else lo
            hi = max_share * e[i]
            hi = hi if hi < ceiling[i] else ceiling[i]  # np.minimum(max_share * e, ceiling)
            v = v if v < hi else hi
        milex[i] = v
        military[i] = keep * stock[i] + v
        milper[i] = milper0[i] * v / milex0[i]


def capability_update(economy, military, economy0, military0, cinc0, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``power``, ``cinc`` and offensive capability from economy and military stock, in two compiled passes.

    What :meth:`foedus.sim.world.World.update_power` (:func:`foedus.theory.capability.capability_shares`,
    rescaled to the starting CINC total) and :func:`foedus.theory.capability.offensive_capability`
    give, to the bit (``tests/sim/steps/test_capabilities.py``): the three sums stay NumPy's
    (pairwise summation), the rest is evaluated state by state in NumPy's order of operations.
    """
    n = len(economy)
    raw = np.empty(n)
    _raw_share_kernel(economy, military, economy0, military0, cinc0, raw)
    power, cinc, offensive = np.empty(n), np.empty(n), np.empty(n)
    _capability_kernel(raw, raw.sum(), float(np.sum(cinc0)), military, military.sum(), floor, power, cinc, offensive)
    return power, cinc, offensive


@njit(cache=True)
def _raw_share_kernel(e, m, e0, m0, c0, raw):  # pragma: no cover (compiled)
    for i in range(e.shape[0]):
        raw[i] = c0[i] * (0.5 * (e[i] / e0[i] + m[i] / m0[i]))


@njit(cache=True)
def _capability_kernel(raw, total, cinc_total, m, m_total, floor, power, cinc, offensive):  # pragma: no cover (compiled)
    n = raw.shape[0]
    for i in range(n):
        pw = raw[i] / total if total > 0 else 1.0 / n
        power[i] = pw
        # np.clip(pw * cinc_total, 0, 1): NaN kept, else max then min
        c = pw * cinc_total
        if not np.isnan(c):
            c = c if c > 0.0 else 0.0
            c = c if c < 1.0 else 1.0
        cinc[i] = c
        # offensive_capability: min(max(0.5 * military share / power, floor), 1), 0 where power <= 0
        r = (0.5 * (m[i] / m_total)) / pw if pw > 0 else 0.0
        if not (r >= floor or np.isnan(r)):
            r = floor
        if not (r <= 1.0 or np.isnan(r)):
            r = 1.0
        offensive[i] = r


def arming_pressure(world: World) -> tuple[np.ndarray, np.ndarray]:
    """Reaction weights ``K`` (N, N) and allies' relief (N,) of the Richardson step (see :func:`capabilities`).

    Jervis's reactivity ``kappa`` is :func:`foedus.theory.arms.security_dilemma_reactivity`;
    it, the threat weights ``w_ij = min(T_ij / p_j, 1) * E_i / (E_i + E_j)``, ``K = kappa * w`` and
    the sums over j that the relief needs are formed in one compiled pass (:func:`_arming_kernel`).
    """
    e = world.state.economy
    x = world.state.milex
    n = world.n
    k0 = 2.0 * world.inputs.params.reactivity
    if world.inputs.check:  # the theory's function validates the inputs (the kernel evaluates the same formula)
        th_arms.security_dilemma_reactivity(1.0 - world.state.trust, np.broadcast_to(world.results.offensive[None, :], (n, n)), base_reactivity=k0, check=True)
    k = np.empty((n, n))
    kx = np.zeros(n)  # sum_j K_ij x_j
    threatening = np.zeros(n)  # sum_j (T_ij / p_j) x_j
    _arming_kernel(world.results.threat, world.state.power, e, world.state.trust, world.results.offensive, _WORLDS, float(k0), x, k, kx, threatening)
    if len(world.inputs.reaction_scale) == n:
        k *= world.inputs.reaction_scale[:, None]
        kx *= world.inputs.reaction_scale
    allied = world.results.ally_credibility @ x
    relief = th_arming.ally_relief(kx, allied, threatening, world.inputs.params.ally_weight, check=world.inputs.check)
    return k, relief


def arming_fixed_point(world: World) -> None:
    """The Richardson coefficients' scale and the grievance that make the starting spending a fixed point.

    The reaction of each state is scaled so that at most ``reaction_share_cap`` of its starting
    spending answers others (:func:`foedus.theory.arming.reaction_scale`); the grievance
    ``base_spending = fatigue * x - K x + relief`` then holds the starting spending still.
    Deterministic: nothing is drawn.
    """
    p = world.inputs.params
    world.inputs.reaction_scale = np.zeros(0)
    after = np.flatnonzero(np.isfinite(world.state.milex_prewar)) if world.state.milex_prewar.shape == (world.n,) else np.zeros(0, np.int64)
    start = world.state.milex
    if len(after):  # a war's aftermath: the fixed point is the post-war plateau, from which the start's war-time figure demobilises
        level = th_arming.postwar_level(world.state.milex_prewar[after], start[after], p.war_ratchet, check=world.inputs.check)
        world.state.milex = start.copy()
        world.state.milex[after] = level
    weights, _ = arming_pressure(world)
    world.inputs.reaction_scale = th_arming.reaction_scale(weights @ world.state.milex, world.state.milex, p.fatigue, p.reaction_share_cap, check=world.inputs.check)
    weights, relief = arming_pressure(world)
    world.state.base_spending = p.fatigue * world.state.milex - weights @ world.state.milex + relief
    world.state.milex = start
    if len(after):
        world.state.peace_burden = np.full(world.n, np.nan)
        world.state.peace_burden[after] = level / world.state.economy[after]
        world.state.milex_prewar = np.full(world.n, np.nan)


def enemy_share(world: World) -> np.ndarray:
    """``max_j p_j / (p_i + p_j)`` over the states j that i is at war with, 0 at peace (N,): the strongest enemy's share of the pair's capabilities."""
    pw = world.state.power
    pair = np.divide(pw[None, :], pw[:, None] + pw[None, :], out=np.zeros((world.n, world.n)), where=world.state.at_war)
    return pair.max(axis=1) if world.n else np.zeros(0)


_WORLDS = np.asarray(th_arms.JERVIS_WORLDS, dtype=float)


@njit(cache=True)
def _arming_kernel(threat, power, economy, trust, offensive, worlds, k0, x, k, kx, threatening):  # pragma: no cover (compiled)
    """Threat shares (clipped to [0, 1], 0 on the diagonal), K = kappa * share * size, and K @ x, share @ x.

    ``kappa[i, j]`` is :func:`foedus.theory.arms.security_dilemma_reactivity` of the uncertainty
    ``1 - trust[i, j]`` and the offence dominance ``offensive[j]`` (its compiled pair,
    :func:`foedus.theory.arms.jervis_pair`), evaluated here rather than as an (N, N) array.
    """
    n = threat.shape[0]
    a, b, e, f = worlds[0], worlds[1] - worlds[0], worlds[2] - worlds[0], worlds[3] - worlds[2] - worlds[1] + worlds[0]
    for i in range(n):
        acc_k = 0.0
        acc_t = 0.0
        for j in range(n):
            if i == j or power[j] <= 0.0:
                k[i, j] = 0.0
                continue
            share = min(max(threat[i, j] / power[j], 0.0), 1.0)
            kappa = jervis_pair(1.0 - trust[i, j], offensive[j], k0, a, b, e, f)
            v = kappa * share * (economy[i] / (economy[i] + economy[j]))
            k[i, j] = v
            acc_k += v * x[j]
            acc_t += share * x[j]
        kx[i] = acc_k
        threatening[i] = acc_t
