"""Tests of foedus.sim.steps.pair_value's former-ruler tie: a new state and its former ruler sign in its first years (Lake 2009;
newstate17, issue 17 item 5)."""

from __future__ import annotations

import numpy as np

from foedus.data.succession import ruler_pairs
from foedus.schema import OBLIGATIONS
from foedus.sim.steps.alignment import alignment
from foedus.sim.steps.formation import credible_goods
from foedus.sim.steps.pair_value import (
    ruler_goods,
    ruler_pairs_factor,
    ruler_sphere,
    ruler_sphere_factor,
    ruler_tie,
)
from foedus.theory.new_states import former_ruler_sphere, former_ruler_tie

from .conftest import ACTORS, events, tiny_world

MALI, FRANCE = 432, 220  # FORMER_RULER[432] == 220


def _world(weight: float, since: int = 1995, **parameters):
    """The tiny world (year 2000) with Small A as Mali (first entry ``since``) and Small B as France, Mali's former ruler."""
    actors = [dict(a) for a in ACTORS]
    actors[2].update(ccode=MALI, since=since)
    actors[3].update(ccode=FRANCE)
    world, _ = tiny_world(actors=actors, former_ruler_weight=weight, **parameters)
    return world, 2, 3


def test_credible_goods_add_the_tie_to_protection_and_the_rulers_side_to_reassurance():
    """formation.credible_goods adds former_ruler_weight times theory.new_states.former_ruler_tie to row 0 (protection) of the
    new state and its former ruler, both sides alike, and its former ruler's side (theory.new_states.former_ruler_sphere: France's
    row, not Mali's) to row 1 (reassurance, the good of a pledge of non-aggression: Lake 2009's sphere, drought18); no other good
    and no other pair moves; weight 0: no term."""
    on, a, b = _world(0.3)
    off, _, _ = _world(0.0)
    goods = np.random.default_rng(5).random((5, on.n, on.n))
    got, base = credible_goods(on, goods.copy()), credible_goods(off, goods.copy())
    want = 0.3 * former_ruler_tie(2000, on.inputs.since, ruler_pairs(on.inputs.ccode), years=on.inputs.params.former_ruler_years)
    assert want[a, b] == want[b, a] == 0.3 and want.sum() == 0.6
    np.testing.assert_allclose(got[0], base[0] + want, rtol=1e-12)
    sphere = former_ruler_sphere(want, on.inputs.entered)  # the first entries (formation.entry_years): France's 1816, Mali's 1995
    # (the two are neighbours in the tiny world: capitals about 170 km apart)
    assert sphere[b, a] == 0.3 and sphere.sum() == 0.3  # France (the former ruler) values Mali's pledge; Mali's row has none
    np.testing.assert_allclose(got[1], base[1] + sphere, rtol=1e-12)
    np.testing.assert_allclose(ruler_sphere(on), sphere, rtol=1e-12)
    assert np.array_equal(got[2:], base[2:])
    assert ruler_tie(off) is None and ruler_sphere(off) is None
    far, a, b = _world(0.3)
    far.inputs.capital_km = np.full((far.n, far.n), 5000.0)  # an overseas metropole: no sphere, the protection tie stays
    far.inputs.contiguous = np.zeros((far.n, far.n), bool)
    assert not ruler_sphere(far).any() and ruler_tie(far)[a, b] == 0.3
    assert not ruler_goods(off, np.zeros((5, on.n, on.n))).any()


def test_the_tie_ends_with_the_window_and_leaves_old_states_alone():
    """Mali entered in 1985 is 15 years in the system in 2000, past the ten-year window: no tie; nor for a state in the system
    since 1816 (never new); nor with a state out of the system."""
    for since in (1985, 1816):
        world, _, _ = _world(1.0, since=since)
        assert not ruler_tie(world).any()
    world, a, b = _world(1.0)
    world.state.active[a] = False
    assert not ruler_tie(world).any()


def test_no_tie_with_a_former_ruler_one_fights_or_is_rival_to_or_remembers_a_war_with():
    """The review of newstate17: the tie is the hierarchy of a settled separation (theory.new_states' settled); Mali at war with
    France, its rival, or remembering a war with it, has none, and the tie returns when the pair is settled again."""
    for unsettle in ("at_war", "rivalry", "war_history"):
        world, a, b = _world(1.0)
        assert ruler_tie(world)[a, b] == 1.0
        st = world.state
        if unsettle == "at_war":
            st.at_war = np.zeros((world.n, world.n), bool)
            st.at_war[a, b] = st.at_war[b, a] = True
        elif unsettle == "rivalry":
            st.rivalry[a, b] = st.rivalry[b, a] = True
        else:
            st.war_history = np.zeros((world.n, world.n))
            st.war_history[a, b] = st.war_history[b, a] = 0.5
        assert ruler_tie(world)[a, b] == ruler_tie(world)[b, a] == 0.0, unsettle
        st.at_war = np.zeros((0, 0), bool)
        st.rivalry[a, b] = st.rivalry[b, a] = False
        st.war_history = np.zeros((0, 0))
        assert ruler_tie(world)[a, b] == 1.0, unsettle


def _signed(world, a, b) -> list:
    ag = world.state.agreements
    return [{o for o, x in zip(OBLIGATIONS, ag.obligations[s]) if x} for s in ag.active_slots() if ag.members[s, a] and ag.members[s, b]]


def test_a_new_state_and_its_former_ruler_sign_a_pledge_of_defence():
    """Mechanism (Lake 2009): over 20 seeds, in the year they consider it, a new state and its former ruler sign a pact with a
    pledge of defence at least 18 times in 20 with the tie (one-sided binomial against a rate of 0.5, p < 0.01), never
    without it (they sign a pledge of non-aggression alone: a new state's unread intentions); an old state, never new, signs none."""
    seeds = range(20)

    def runs(weight, since=1995):
        out = []
        for s in seeds:
            world, a, b = _world(weight, since=since, consider_rate=1.0)
            alignment(world, np.random.default_rng(s))
            out.append(_signed(world, a, b))
        return out

    assert sum(any("defense" in ob for ob in pacts) for pacts in runs(0.3)) >= 18
    assert not any(any("defense" in ob for ob in pacts) for pacts in runs(0.0))
    assert not any(runs(0.3, since=1816))


def test_the_explanations_factor_is_the_term_as_added():
    """A formation event of the new state and its former ruler carries ``former_ruler`` [T_ij, T_ji], the term credible_goods added."""
    world, a, b = _world(0.3, consider_rate=1.0)
    alignment(world, np.random.default_rng(0))
    found = [d for _, c, c2, d in events(world, "formation") if {c, c2} == {MALI, FRANCE}]
    assert found and found[0]["factors"]["former_ruler"] == [0.3, 0.3]
    d = found[0]
    first = d["members"][0]["ccode"]  # the proposer: [S_ij, S_ji] in the event's order, France's side 0.3
    assert d["factors"]["former_ruler_sphere"] == ([0.3, 0.0] if first == FRANCE else [0.0, 0.3])
    assert ruler_sphere_factor(world, np.array([b]), np.array([a])) == [[0.3, 0.0]]
    assert ruler_pairs_factor(world, np.array([a]), np.array([b])) == [[0.3, 0.3]]
    assert ruler_pairs_factor(world, np.array([0]), np.array([1])) == [[0.0, 0.0]]


def test_before_the_covenant_there_is_no_tie():
    """In 1900 (renunciation_of_war 0: no instrument in force) a new state and its former ruler have no tie (Zacher 2001: the
    record's new states of 1816-1914 won independence by war); in 1925 a third of it."""
    world, a, b = _world(0.3, since=1895)
    world.state.year = 1900
    assert not ruler_tie(world).any()
    world, a, b = _world(0.3, since=1920)
    world.state.year = 1925
    np.testing.assert_allclose(ruler_tie(world)[a, b], 0.1, rtol=1e-12)


def test_the_tie_on_the_rulers_block_is_the_theory_function_over_all_states_to_the_bit():
    """A run that does not check its inputs evaluates the tie on the block of the states of some ruler pair alone
    (pair_value._ruler_tie_block, issue 16): the same array to the bit as former_ruler_weight times theory.new_states.former_ruler_tie
    over all states, times both sides in the system (the checked path's), on the record's world of 2022 with recent entries, wars,
    rivalries, remembered wars and states out of the system drawn at random, a negative weight (the sign of its zeros) included."""
    import sys

    from foedus.sim import Simulation
    from foedus.sim.scenario import Scenario

    pv = sys.modules["foedus.sim.steps.pair_value"]
    sim = Simulation(Scenario.load("world-2022"), rng=3)
    sim.run(2)
    world = sim.world
    assert not world.inputs.check
    n = world.n
    rng = np.random.default_rng(0)
    st, inp = world.state, world.inputs
    base_entered = (inp.since if inp.entered is None else inp.entered).copy()
    blocks = 0
    for trial in range(12):
        entered = base_entered.copy()
        recent = rng.random(n) < 0.5
        entered[recent] = st.year - rng.integers(0, 15, recent.sum())
        if inp.entered is None:
            inp.since = entered
        else:
            inp.entered = entered
        st.rivalry = rng.random((n, n)) < 0.2
        st.at_war = rng.random((n, n)) < 0.1
        st.war_history = np.where(rng.random((n, n)) < 0.2, rng.random((n, n)), 0.0)
        st.active = rng.random(n) < 0.85
        w = float(rng.choice([0.3, 1.0, -0.5]))
        world.inputs.params = world.inputs.params.model_copy(update={"former_ruler_weight": w})
        world.cache.pop("ruler_tie", None)
        got = pv._ruler_tie(world)
        rulers = ruler_pairs(inp.ccode)
        unsettled = st.rivalry | st.at_war | (st.war_history > 0)
        norm = pv.year_goods.norms(world)[0]
        want = w * former_ruler_tie(st.year, entered.astype(np.int64), rulers, years=float(inp.params.former_ruler_years), norm=norm,
                                    settled=~unsettled, check=True)
        want *= st.active[:, None] & st.active[None, :]
        assert got.shape == want.shape and not got.flags.writeable
        assert (got.view(np.int64) == want.view(np.int64)).all()
        blocks += bool((want != 0).any())
        inp.check = True  # the checked path over all states: the same bits
        try:
            checked = pv._ruler_tie(world)
        finally:
            inp.check = False
        assert (checked.view(np.int64) == got.view(np.int64)).all()
    assert blocks >= 6  # the ties were there to compare


def test_the_compiled_tie_is_numpys_composition_to_the_bit_and_the_same_tie_is_the_same_object():
    """pair_value._ruler_tie_kernel (issue 16) writes the array of _ruler_tie_block_numpy (numpy and the theory function on the block)
    to the bit: random blocks, entries before and after 1816 and in the future, rivalries, wars and remembered wars (each matrix also
    not made yet), states out of the system, negative and zero weights and norms. And _ruler_tie_block gives back the year before's
    array (the same read-only object) when this year's is the same to the bit, a new one when any bit moved."""
    import sys
    from types import SimpleNamespace

    pv = sys.modules["foedus.sim.steps.pair_value"]
    rng = np.random.default_rng(21)
    for trial in range(60):
        n = int(rng.integers(2, 40))
        rulers = rng.random((n, n)) < 0.3
        rulers = rulers | rulers.T
        np.fill_diagonal(rulers, False)
        b = np.flatnonzero(rulers.any(axis=0) | rulers.any(axis=1))
        year = int(rng.integers(1900, 2030))
        entered = np.where(rng.random(n) < 0.3, 1816 - rng.integers(0, 2, n), year - rng.integers(-3, 40, n)).astype(np.int64)
        has = rng.random(3) < 0.8
        st = SimpleNamespace(
            year=year, active=rng.random(n) < 0.85,
            rivalry=(rng.random((n, n)) < 0.2) if has[0] else np.zeros(0, bool),
            at_war=(rng.random((n, n)) < 0.1) if has[1] else np.zeros(0, bool),
            war_history=np.where(rng.random((n, n)) < 0.2, rng.random((n, n)) - 0.1, 0.0) if has[2] else np.zeros(0),
        )
        world = SimpleNamespace(state=st, n=n, cache={})
        hit = (None, None, rulers, bool(rulers.any()), b)
        w, yrs, norm = float(rng.choice([0.3, 1.0, -0.5, 0.0])), float(rng.choice([5.0, 10.0, 30.0])), float(rng.choice([1.0, 1 / 3, 0.0]))
        want = pv._ruler_tie_block_numpy(world, hit, entered, st.active, w, yrs, norm)
        got = pv._ruler_tie_block(world, hit, entered, st.active, w, yrs, norm)
        assert got.shape == want.shape and not got.flags.writeable
        assert (got.view(np.int64) == want.view(np.int64)).all()
        again = pv._ruler_tie_block(world, hit, entered, st.active, w, yrs, norm)
        assert again is got  # the same bits: the same object
        if w != 0 and norm != 0 and (want != 0).any():
            moved = pv._ruler_tie_block(world, hit, entered, ~st.active, w, yrs, norm)
            assert moved is not got and not (moved.view(np.int64) == got.view(np.int64)).all()
