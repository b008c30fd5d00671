"""The compiled rivalry hazards of foedus.sim.steps.rivalry equal the theory's, to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.rivalry import _hazard_kernel, _year_kernel, log_distance_kernel
from foedus.theory import rivalry as th
from foedus.theory import rivalry_gates as gates
from foedus.theory.projection import relative_discount_exponent


@pytest.mark.parametrize("seed", range(6))
def test_the_hazard_kernel_is_the_theorys_logit_hazard_to_the_bit(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 80))
    i, j = np.triu_indices(n, 1)
    contiguous = rng.random((n, n)) < 0.1
    major = rng.random(n) < 0.2
    power = rng.random(n) ** 3 + 1e-6
    power /= power.sum()
    war_history = np.where(rng.random((n, n)) < 0.1, rng.random((n, n)) * 6.0, 0.0)
    regime = rng.random(n)
    dem = regime >= 0.5
    rivalry = rng.random((n, n)) < 0.2
    defence = rng.random((n, n)) < 0.3
    defence = defence | defence.T
    community = defence | (rng.random((n, n)) < 0.3)  # any security agreement: the defence pacts and others (democ21)
    community = community | community.T
    pledge = np.where(rng.random((n, n)) < 0.4, rng.random((n, n)), 0.0)  # a recent pledge of non-aggression (rivalry18: theory.rivalry.new_pledge)
    pledge = np.maximum(pledge, pledge.T)
    balance0 = rng.normal(size=(n, n))
    distance = np.where(contiguous, 0.0, rng.random((n, n)) * 12000.0)
    reference = rng.random(n)
    expo = relative_discount_exponent(distance)
    change = np.abs(regime - reference)
    year = 1990
    entered = np.where(rng.random(n) < 0.5, 1816.0, rng.integers(1817, 1995, n).astype(float))  # old members, and some born after 1990
    code = np.arange(n, dtype=np.int64) + 100
    pred = np.where(rng.random(n) < 0.3, rng.integers(100, 100 + n, n), -1).astype(np.int64)  # successors: siblings, parents and third states
    pred[pred == code] = -1
    inherited = np.where(pred >= 0, rng.integers(1816, 1990, n), entered).astype(float)
    on_b, end_b = rng.normal(size=len(th.ONSET_TERMS)), rng.normal(size=len(th.TERMINATION_TERMS))
    on_c, end_c = float(rng.normal(-5.0, 1.0)), float(rng.normal(-3.0, 1.0))
    region = rng.integers(0, 3, n).astype(np.int64)  # the states' regions (theory.regions.cow_region; rival22)
    h_on, h_end = np.zeros(len(i)), np.zeros(len(i))
    log_distance = np.empty((n, n))
    log_distance_kernel(distance, th.MARITIME_KM, log_distance)  # the minor distance's logarithm, computed once (the distances are fixed)
    _hazard_kernel(i.astype(np.int64), j.astype(np.int64), contiguous, major, power, defence, community, war_history, dem, regime, rivalry, balance0,
                   distance, pledge, change, 1500.0, 5000.0, region, 241.4, entered, inherited, pred, code, float(year), 1816.0, 2.5, th.PARITY_FLOOR, log_distance, expo, on_b, on_c, end_b, end_c, h_on, h_end)
    related = th.related_pairs(code[i], code[j], pred[i], pred[j])
    assert related.any() or n < 10  # the lineage is exercised
    age = th.succession_pair_age(year, entered[i], entered[j], inherited[i], inherited[j], related)
    rival = rivalry[i, j]
    on, r = ~rival, rival
    x = {
        "contiguous": contiguous[i, j], "major_pair": major[i] & major[j], "war_history": th.war_term(war_history[i, j]),
        "joint_democracy": dem[i] & dem[j], "regime_distance": np.abs(regime[i] - regime[j]),
        "log_parity": th.log_parity(power[i], power[j]), "new_pair": th.new_pair(age, years=2.5), "power_shift": th.power_shift(power[i], power[j], balance0[i, j]),
        "one_major": major[i] ^ major[j], "out_of_reach": th.out_of_reach(distance[i, j], major[i], major[j], reach_km=1500.0),
        "regime_shift": th.regime_shift(regime[i], regime[j], reference[i], reference[j]), "defence_pact": defence[i, j],
        "minor_distance": th.minor_distance(distance[i, j], contiguous[i, j], major[i], major[j]),
        "new_nonaggression_pact": pledge[i, j],
    }
    assert ((x["new_nonaggression_pact"] > 0) & rivalry[i, j]).any() or rivalry[i, j].sum() < 10  # the new termination term is exercised
    x["one_major_reach"] = th.one_major_part(th.log_reach(power[i], power[j], expo[i, j]), major[i], major[j])
    x["one_major_new_pair"] = th.one_major_part(x["new_pair"], major[i], major[j])
    want_on = th.rivalry_onset_hazard(*(x[t][on] for t in th.ONSET_TERMS), intercept=on_c, coefficients=on_b.tolist())
    far = th.beyond_contact(distance[i, j], contiguous[i, j], major[i], major[j], contact_km=5000.0)[on]
    assert far.any() or on.sum() < 30  # the gate is exercised
    sc = th.security_community(dem[i] & dem[j], community[i, j])[on]
    assert sc.any() or on.sum() < 30
    assert (sc & ~defence[i, j][on]).any() or on.sum() < 30  # democracies sharing an agreement that is no defence pact are gated too (democ21)
    apart = gates.cross_region_minor(distance[i, j], contiguous[i, j], major[i], major[j], region[i], region[j], near_km=241.4)[on]
    assert (apart & ~far).any() or on.sum() < 30  # minor states of two regions within contact are gated too (rival22)
    want_on = np.where(far | sc | apart, 0.0, want_on)  # no contact, a security community, or minor states of two regions: no rivalry
    want_end = th.rivalry_termination_hazard(*(x[t][r] for t in th.TERMINATION_TERMS), intercept=end_c, coefficients=end_b.tolist())
    assert np.array_equal(h_on[on].view(np.int64), want_on.view(np.int64))
    assert np.array_equal(h_end[r].view(np.int64), want_end.view(np.int64))
    assert not h_on[r].any() and not h_end[on].any()  # each pair gets only the hazard that applies to it


@pytest.mark.parametrize("seed", range(4))
def test_the_year_kernel_draws_the_pairs_the_numpy_selection_did(seed):
    """The step's one pass (:func:`foedus.sim.steps.rivalry._year_kernel`): the live pairs, their hazards and the onsets and
    terminations drawn are those of the numpy selection around :func:`_hazard_kernel` it replaced, to the bit and in order."""
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(2, 60))
    i, j = np.triu_indices(n, 1)
    i, j = i.astype(np.int64), j.astype(np.int64)
    active = rng.random(n) < 0.9
    power = np.where(rng.random(n) < 0.1, 0.0, rng.random(n) ** 3 + 1e-6)
    contiguous = rng.random((n, n)) < 0.2
    distance = np.where(contiguous, 0.0, rng.random((n, n)) * 8000.0)
    log_distance = np.empty((n, n))
    log_distance_kernel(distance, th.MARITIME_KM, log_distance)
    rivalry = rng.random((n, n)) < 0.3
    regime = rng.random(n)
    args = (contiguous, rng.random(n) < 0.2, power, rng.random((n, n)) < 0.2, rng.random((n, n)) < 0.3, np.where(rng.random((n, n)) < 0.2, rng.random((n, n)), 0.0),
            regime >= 0.5, regime, rivalry, rng.normal(size=(n, n)), distance,
            np.where(rng.random((n, n)) < 0.3, rng.random((n, n)), 0.0), rng.random(n), 1500.0, 5000.0, rng.integers(0, 3, n).astype(np.int64), 241.4, np.full(n, 1816.0),
            np.full(n, 1816.0), np.full(n, -1, np.int64), np.arange(n, dtype=np.int64), 1990.0, 1816.0, 2.5, th.PARITY_FLOOR, log_distance,
            relative_discount_exponent(distance), rng.normal(size=len(th.ONSET_TERMS)), 1.0, rng.normal(size=len(th.TERMINATION_TERMS)), 0.5)
    draw = rng.random(len(i))
    h_on, h_end, begin, end = np.zeros(len(i)), np.zeros(len(i)), np.empty(len(i), np.int64), np.empty(len(i), np.int64)
    nb, ne = _year_kernel(i, j, draw, active, power, args, h_on, h_end, begin, end)
    live = np.flatnonzero(active[i] & active[j] & (power[i] > 0) & (power[j] > 0))  # the numpy selection it replaced
    on, off = np.zeros(len(live)), np.zeros(len(live))
    _hazard_kernel(i[live], j[live], *args, on, off)
    rival = rivalry[i[live], j[live]]
    assert np.array_equal(begin[:nb], live[~rival & (draw[live] < on)]) and np.array_equal(end[:ne], live[rival & (draw[live] < off)])
    assert nb + ne > 0 or n < 10  # the draws are exercised (high intercepts)
    assert np.array_equal(h_on[live].view(np.int64), on.view(np.int64)) and np.array_equal(h_end[live].view(np.int64), off.view(np.int64))
    dead = np.setdiff1d(np.arange(len(i)), live)
    assert not h_on[dead].any() and not h_end[dead].any()


def test_rivalry_hazards_are_the_steps_hazards_of_the_live_pairs():
    """:func:`foedus.sim.steps.rivalry.rivalry_hazards` (the hazards of any pairs, for a user's inspection; the review of session
    18: the step no longer calls it) gives, for the live pairs, the bits of the step's one pass (:func:`_year_draws`), on a
    synthetic world after a few simulated years (rivalries, wars and regimes moved)."""
    from foedus.sim import Simulation
    from foedus.sim.steps.rivalry import _upper, _year_draws, rivalry_hazards
    from foedus.testing import synthetic_scenario

    for seed in (0, 1):
        sim = Simulation(synthetic_scenario(30, seed=seed, years=8, alliances=3, spread_km=9000.0), rng=seed)
        sim.run(6)
        w = sim.world
        p = w.inputs.params
        i, j = _upper(w)
        dem = w.state.regime >= p.democracy_threshold
        change = np.abs(w.state.regime - w.state.regime_reference) if w.state.regime_reference.shape == (w.n,) else np.zeros(w.n)
        h_on, h_end = rivalry_hazards(w, i, j, dem, change)
        s_on, s_end, _, _ = _year_draws(w, i, j, np.ones(len(i)), dem, change)  # draws of 1: nothing begins or ends
        live = w.state.active[i] & w.state.active[j] & (w.state.power[i] > 0) & (w.state.power[j] > 0)
        assert live.any() and (s_on[live] > 0).any()
        assert np.array_equal(h_on[live].view(np.int64), s_on[live].view(np.int64))
        assert np.array_equal(h_end[live].view(np.int64), s_end[live].view(np.int64))


def _new_pledge_numpy(world) -> np.ndarray:
    """The numpy form of :func:`foedus.sim.steps.rivalry._new_pledge` before its compiled pass (session 18), the reference."""
    from foedus.schema import OBLIGATIONS
    from foedus.sim.steps._common import COALITION, SECURITY
    from foedus.sim.steps.conflict import defence_pairs, nonaggression_pairs

    n = world.n
    out = np.zeros((n, n))
    ra, rb = np.nonzero(np.triu(world.state.rivalry, 1))
    only = th.nonaggression_only(nonaggression_pairs(world)[ra, rb], defence_pairs(world)[ra, rb])
    ra, rb = ra[only], rb[only]
    if not len(ra):
        return out
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    slots = slots[ag.obligations[slots, OBLIGATIONS.index("nonaggression")]]
    member, entry = ag.members[slots][:, :n], ag.entry_year[slots][:, :n].astype(float)
    shared = member[:, ra] & member[:, rb]
    since = np.where(shared, np.maximum(entry[:, ra], entry[:, rb]), np.inf).min(axis=0)
    value = th.new_pledge(float(world.state.year) - since, np.ones(len(ra), bool), years=world.inputs.params.rivalry_pledge_years)
    out[ra, rb] = out[rb, ra] = value
    return out


def test_the_new_pledge_pass_is_the_numpy_form_to_the_bit():
    """:func:`foedus.sim.steps.rivalry._new_pledge`'s compiled selection of the rival pairs and their pledges' clocks gives the bits of
    the numpy form it replaced, on synthetic worlds whose agreements are rewritten as pledges of non-aggression (some with a defence
    pact too, with entries drawn at random) and whose rivalries are drawn at random."""
    from foedus.schema import OBLIGATIONS
    from foedus.sim import Simulation
    from foedus.sim.steps.rivalry import _new_pledge
    from foedus.testing import synthetic_scenario

    rng = np.random.default_rng(3)
    nag, dfc = OBLIGATIONS.index("nonaggression"), OBLIGATIONS.index("defense")
    for seed in (0, 1):
        sim = Simulation(synthetic_scenario(40, seed=seed, years=8, alliances=6, spread_km=9000.0), rng=seed)
        sim.run(6)
        w = sim.world
        ag = w.state.agreements
        for trial in range(4):
            live = np.flatnonzero(ag.active[: ag.n])
            ag.obligations[live, nag] = rng.random(len(live)) < 0.7
            ag.obligations[live, dfc] = rng.random(len(live)) < 0.3
            ag.entry_year[live, : w.n] = rng.integers(1950, w.state.year + 1, (len(live), w.n))
            riv = np.triu(rng.random((w.n, w.n)) < 0.3, 1)
            w.state.rivalry = (riv | riv.T).astype(w.state.rivalry.dtype)
            ag.version += 1
            w.cache.clear()
            want = _new_pledge_numpy(w)
            got = _new_pledge(w)
            assert got.tobytes() == want.tobytes()
            assert trial or (want > 0).any()  # pairs with a clock to compare
