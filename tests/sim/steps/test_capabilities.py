"""Step 2, capabilities, alone on a four-state world."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.capabilities import spending_units, capabilities
from foedus.sim.steps.threat import perceive_threats

from .conftest import ACTORS, GRT, RIV, SMA, alliance, tiny_world

STILL = [dict(a, growth=0.0) for a in ACTORS]  # no growth: only arming moves


def test_the_starting_spending_is_a_fixed_point_of_the_arms_race():
    world, rng = tiny_world(actors=STILL, growth_noise=0.0, agreements=[alliance("Pact", [GRT, SMA])])
    start = world.state.milex.copy()
    capabilities(world, rng)
    np.testing.assert_allclose(world.state.milex, start, rtol=1e-9)


def test_rivals_arm_against_each_other_when_their_hostility_rises():
    # the bystander is far away: a neighbour of the rivals reads their hostility as a threat to itself
    # (foedus.theory.threat.revealed_hostility) and is no bystander
    far = [dict(a, lat=-40.0, lon=170.0) if a["ccode"] == SMA else a for a in STILL]
    world, rng = tiny_world(actors=far, growth_noise=0.0)
    g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
    start = world.state.milex.copy()
    world.state.hostility[g, r] = world.state.hostility[r, g] = 1.0
    perceive_threats(world)
    capabilities(world, rng)
    assert world.state.milex[g] > start[g] and world.state.milex[r] > start[r]
    assert world.state.milex[a] < start[a] * 1.01  # a bystander barely moves


def test_spending_is_capped_at_its_share_of_gdp():
    """The ceiling is a share of GDP in spending's currency (``spending_units``; 1 where the figures share one)."""
    world, rng = tiny_world(actors=STILL, growth_noise=0.0, max_milex_share=0.02)
    capabilities(world, rng)
    assert (world.state.milex <= 0.02 * spending_units(world) * world.state.economy + 1e-9).all()
    assert world.state.power.sum() == pytest.approx(1.0)


def test_the_compiled_arming_weights_are_jervis_reactivity_times_the_threat_weights():
    """``_arming_kernel`` evaluates ``security_dilemma_reactivity`` pair by pair: the same K to the bit."""
    from foedus.sim.steps.capabilities import _WORLDS, _arming_kernel
    from foedus.theory.arming import threat_weights
    from foedus.theory.arms import security_dilemma_reactivity

    rng = np.random.default_rng(3)
    for n in (2, 9, 66):
        threat, trust = rng.random((n, n)) * 0.3, rng.random((n, n))
        power, economy, offensive, x = rng.dirichlet(np.ones(n)), rng.random(n) + 0.1, rng.random(n), rng.random(n)
        power[0] = 0.0  # no share of a powerless state's threat
        k0 = 0.24
        kappa = security_dilemma_reactivity(1.0 - trust, np.broadcast_to(offensive[None, :], (n, n)), base_reactivity=k0)
        share = np.minimum(np.maximum(np.divide(threat, power[None, :], out=np.zeros((n, n)), where=power[None, :] > 0), 0.0), 1.0)
        expected = kappa * share * (economy[:, None] / (economy[:, None] + economy[None, :]))
        expected[:, power <= 0] = 0.0
        np.fill_diagonal(expected, 0.0)
        k, kx, threatening = np.empty((n, n)), np.zeros(n), np.zeros(n)
        _arming_kernel(threat, power, economy, trust, offensive, _WORLDS, k0, x, k, kx, threatening)
        assert k.tobytes() == expected.tobytes()
        want_kx = [sum(float(expected[i, j]) * float(x[j]) for j in range(n) if j != i and power[j] > 0) for i in range(n)]
        assert kx.tolist() == want_kx
        want_t = [sum(float(share[i, j]) * float(x[j]) for j in range(n) if j != i and power[j] > 0) for i in range(n)]
        assert threatening.tolist() == want_t
        # and K is Jervis's reactivity times the theory's threat weights (foedus.theory.arming)
        np.testing.assert_allclose(k, kappa * threat_weights(threat, power, economy), rtol=1e-13, atol=0)


def test_the_compiled_capability_update_is_the_worlds_and_the_theorys_to_the_bit():
    from foedus.sim.steps.capabilities import capability_update
    from foedus.sim.world import capability_arrays
    from foedus.theory.capability import offensive_capability

    rng = np.random.default_rng(12)
    for n in (1, 7, 66, 200):
        e0, m0 = rng.random(n) * 1e4 + 1.0, rng.random(n) * 1e3 + 1.0
        e, m = e0 * rng.uniform(0.5, 2.0, n), m0 * rng.uniform(0.2, 3.0, n)
        cinc0 = rng.dirichlet(np.ones(n)) * 0.9
        power, cinc = capability_arrays(e, m, e0, m0, cinc0)
        offensive = offensive_capability(m, power, floor=0.05)
        got = capability_update(e, m, e0, m0, cinc0, 0.05)
        assert [g.tobytes() for g in got] == [power.tobytes(), cinc.tobytes(), offensive.tobytes()]


def test_the_compiled_spending_update_is_richardsons_step_clipped_to_the_bit():
    from foedus.sim.steps.capabilities import spending_update
    from foedus.theory import arms as th_arms

    world, _ = tiny_world(actors=STILL)
    rng = np.random.default_rng(6)
    n = world.n
    for trial in range(20):
        weights = rng.random((n, n)) * 0.3
        np.fill_diagonal(weights, 0.0)
        relief = rng.random(n) * world.state.milex * (3.0 if trial % 2 else 0.1)  # goodwill: the clip at zero and the floor bind
        world.state.economy = world.state.economy0 * rng.uniform(0.5, 1.5, n)
        p = world.inputs.params
        grievance = world.state.base_spending * (world.state.economy / world.state.economy0) - relief
        new = th_arms.richardson_step(world.state.milex, 1.0, p.fatigue, grievance, weights)
        # a demobilisation ceiling on some states in half the trials (inf: none), binding or not
        ceiling = np.where(rng.random(n) < 0.5, world.state.milex * rng.uniform(0.3, 1.2, n), np.inf) if trial % 4 < 2 else np.full(n, np.inf)
        milex = np.clip(new, p.milex_floor_share * world.state.milex_floor, np.minimum(p.max_milex_share * spending_units(world) * world.state.economy, ceiling))
        military = (1.0 - p.military_depreciation) * world.state.military + milex
        milper = world.state.milper0 * milex / world.state.milex0
        got = spending_update(world, weights @ world.state.milex, relief, ceiling)
        assert [g.tobytes() for g in got] == [milex.tobytes(), military.tobytes(), milper.tobytes()]


def test_a_belligerent_mobilises_and_the_stronger_enemy_makes_it_mobilise_more():
    """Issue 17, item 5: war raises a belligerent's spending (foedus.theory.arming.war_mobilisation)."""
    world, rng = tiny_world(actors=STILL, growth_noise=0.0)
    peace, _ = tiny_world(actors=STILL, growth_noise=0.0)
    g, r, a = (world.index_of(c) for c in (GRT, RIV, SMA))
    world.state.at_war[r, a] = world.state.at_war[a, r] = True
    capabilities(world, rng)
    capabilities(peace, np.random.default_rng(0))
    assert world.state.milex[a] > peace.state.milex[a] and world.state.milex[r] >= peace.state.milex[r]
    assert world.state.milex[a] / peace.state.milex[a] > world.state.milex[r] / peace.state.milex[r]  # the small state mobilises more
    assert world.state.milex[g] == pytest.approx(peace.state.milex[g])


def test_allied_relief_never_takes_more_than_the_capped_reaction():
    """With the reaction capped at a share of the starting spending, no alliance can collapse a state's spending."""
    world, rng = tiny_world(actors=STILL, growth_noise=0.0, reaction_share_cap=0.5, ally_weight=2.0)
    p = world.inputs.params
    assert (world.state.base_spending >= (1 - p.reaction_share_cap) * p.fatigue * world.state.milex - 1e-9).all()


def test_mobilisation_and_ceiling_do_not_depend_on_the_currency_of_gdp():
    """Record-built scenarios hold GDP in constant and spending in current dollars (1900: median ratio 0.0005).

    The war burden and the spending ceiling are shares of GDP restated in spending's currency
    (:func:`spending_units`), so a world whose GDP figures are 1,000 times larger, all else equal,
    arms and mobilises to the same spending (before, a belligerent of 1900 rose 100-fold in a year).
    """
    for scale in (1.0, 1000.0):
        world, rng = tiny_world(actors=STILL, growth_noise=0.0)
        world.state.economy = world.state.economy * scale
        world.state.economy0 = world.state.economy0 * scale
        r, a = (world.index_of(c) for c in (RIV, SMA))
        world.state.at_war[r, a] = world.state.at_war[a, r] = True
        capabilities(world, rng)
        if scale == 1.0:
            first = world.state.milex.copy()
    assert np.allclose(world.state.milex, first, rtol=1e-9)


def test_after_a_war_a_state_demobilises_within_a_year_or_two_to_a_plateau_above_its_prewar_spending():
    """Issue 17, item 5: the ratchet (Peacock & Wiseman 1961; Rasler & Thompson 1985; foedus.theory.arming.postwar_level).

    Before, a belligerent came down at the Richardson fatigue (0.15 a year): Sweden kept 12 % of its
    people under arms years after a simulated war.
    """
    world, rng = tiny_world(actors=STILL, growth_noise=0.0)
    r, a = (world.index_of(c) for c in (RIV, SMA))
    pre = world.state.milex.copy()
    world.state.at_war[r, a] = world.state.at_war[a, r] = True
    for _ in range(4):
        capabilities(world, rng)
    peak = world.state.milex.copy()
    assert peak[a] > 2 * pre[a]  # the small state mobilised
    world.state.at_war[:] = False
    capabilities(world, rng)  # the war is over
    capabilities(world, rng)
    p = world.inputs.params
    plateau = pre[a] + p.war_ratchet * (peak[a] - pre[a])
    assert pre[a] * 1.05 < world.state.milex[a] < pre[a] + 0.5 * (peak[a] - pre[a])  # down most of the way, above the pre-war level
    for _ in range(25):
        capabilities(world, rng)
    assert world.state.milex[a] > pre[a] + 0.5 * p.war_ratchet * (peak[a] - pre[a])  # the ratchet holds, years later
    assert world.state.milex[a] < plateau * 1.5


def test_without_a_ratchet_a_state_returns_to_its_prewar_spending_and_with_a_full_one_it_keeps_its_war_spending():
    """The two limits of foedus.theory.arming.postwar_level: ratchet 0 (full return) and 1 (no demobilisation)."""
    for ratchet in (0.0, 1.0):
        world, rng = tiny_world(actors=STILL, growth_noise=0.0, war_ratchet=ratchet)
        r, a = (world.index_of(c) for c in (RIV, SMA))
        pre = world.state.milex[a]
        world.state.at_war[r, a] = world.state.at_war[a, r] = True
        for _ in range(4):
            capabilities(world, rng)
        peak = world.state.milex[a]
        world.state.at_war[:] = False
        for _ in range(30):
            capabilities(world, rng)
        target = pre if ratchet == 0.0 else peak
        assert world.state.milex[a] == pytest.approx(target, rel=0.15)


def test_personnel_stay_within_the_records_share_of_the_population():
    """COW NMC: at peace milper / tpop above 5.2 % in 0.1 % of the in-sample state-years; at war at most 13.2 %."""
    world, rng = tiny_world(actors=STILL, growth_noise=0.0)
    r, a = (world.index_of(c) for c in (RIV, SMA))
    world.state.milper0 = np.full(world.n, 100.0)  # thousands
    world.state.milper = world.state.milper0.copy()
    world.inputs.population = np.full(world.n, 100.0 / 1000.0 / 0.04)  # millions: 4 % of the people under arms at the start
    world.state.at_war[r, a] = world.state.at_war[a, r] = True
    for _ in range(6):
        capabilities(world, rng)
    p = world.inputs.params
    share = world.state.milper / (1000.0 * world.inputs.population)
    assert share[a] <= p.max_personnel_share_war + 1e-12 and share[a] > p.max_personnel_share_peace
    world.state.at_war[:] = False
    capabilities(world, rng)
    share = world.state.milper / (1000.0 * world.inputs.population)
    assert (share <= p.max_personnel_share_peace + 1e-12).all()
