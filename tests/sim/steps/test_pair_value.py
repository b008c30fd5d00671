"""Tests of foedus.sim.steps.pair_value.given_reassurance: what a side gains by giving its pledge of non-aggression (nap15)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.steps.formation import credible_goods, pledge_credibility
from foedus.theory.reassurance import spiral_relief

from .conftest import tiny_world


def test_credible_goods_add_the_balancing_a_sides_own_pledge_ends_on_both_sides():
    """formation.credible_goods adds spiral_relief_weight times theory.reassurance.spiral_relief of the partner's reassurance
    (Kydd 2005, ch. 7) to the reassurance good of both sides of every pair; the other goods never move; 0 leaves it whole."""
    rng = np.random.default_rng(5)
    on, _ = tiny_world(spiral_relief_weight=2.0)
    off, _ = tiny_world(spiral_relief_weight=0.0)
    goods = rng.random((5, on.n, on.n))
    base = credible_goods(off, goods.copy())
    got = credible_goods(on, goods.copy())
    res = on.results
    want = base[1] + 2.0 * spiral_relief(base[1], res.reach, res.threat, on.state.power)
    np.testing.assert_allclose(got[1], want, rtol=1e-12)
    assert np.array_equal(np.delete(got, 1, axis=0), np.delete(base, 1, axis=0))
    assert (got[1] > base[1]).any() and (got[1] >= base[1]).all()


def test_the_strong_side_values_a_pact_with_a_weak_neighbour_that_fears_it():
    """The weak side's fear of the strong one (its reassurance from the strong side's pledge) gives the strong side a value
    of the pact that it did not have: the row of the strongest state rises where a weaker state values its pledge and believes it;
    its rival, which does not believe it (Kydd's minimum trust threshold), gives it nothing."""
    on, _ = tiny_world(spiral_relief_weight=1.0)
    n = on.n
    goods = np.zeros((5, n, n))
    strong = int(np.argmax(on.state.power))
    cred = pledge_credibility(on)
    weak = [k for k in range(n) if k != strong and on.results.reach[strong, k] > 0 and cred[k, strong] > 0]
    rival = [k for k in range(n) if k != strong and cred[k, strong] == 0]
    assert weak and rival
    goods[1, :, strong] = 0.5  # every other state values the strong side's pledge: it fears it
    np.fill_diagonal(goods[1], 0.0)
    got = credible_goods(on, goods.copy())
    assert all(got[1, strong, k] > 0 for k in weak)
    assert all(got[1, strong, k] == 0 for k in rival)


def test_a_rivals_pledge_to_consult_conveys_less_and_a_friends_all():
    """formation.credible_goods weighs the transparency of consultation by the information the partner's talk conveys
    (theory.cheap_talk.credible_consultation of the hostility at pledge_credibility_weight; Crawford & Sobel 1982, pacts16):
    the two rival great powers (hostility 0.6) keep the share of the bias cheap_talk_bias * 0.6 of each other's (0.85 at 1/16),
    the small friends all; no other good moves for it; either weight 0 takes every word whole."""
    from foedus.theory.cheap_talk import credible_consultation, informative_share

    rng = np.random.default_rng(7)
    world, _ = tiny_world()
    goods = rng.random((5, world.n, world.n))
    got = credible_goods(world, goods.copy())
    w = world.inputs.params.pledge_credibility_weight
    beta = world.inputs.params.cheap_talk_bias
    np.testing.assert_allclose(got[3], credible_consultation(goods[3], world.state.hostility, weight=w, bias=beta), rtol=1e-12)
    g, r, a, b = 0, 1, 2, 3  # GRT, RIV, SMA, SMB in the order of the actors
    share = float(informative_share(beta * w * 0.6))
    assert 0 < share < 1 and got[3, g, r] == pytest.approx(share * goods[3, g, r]) and got[3, a, b] == goods[3, a, b]
    for off in ({"pledge_credibility_weight": 0.0}, {"cheap_talk_bias": 0.0}):
        world0, _ = tiny_world(**off)
        assert np.array_equal(credible_goods(world0, goods.copy())[3], goods[3])


def test_the_strong_sides_relief_reads_the_partners_fear_before_its_side_payment():
    """pair_value.given_reassurance: what the strong side gains by giving its pledge is the weak side's fear of it, before the
    weak side pays it a share of that fear's relief (reassurance_transfer_share; pacts16): the payment moves the pact's value
    from one side to the other, not the fear."""
    rng = np.random.default_rng(5)
    on, _ = tiny_world(spiral_relief_weight=2.0, reassurance_transfer_share=0.5)
    off, _ = tiny_world(spiral_relief_weight=0.0, reassurance_transfer_share=0.5)
    goods = rng.random((5, on.n, on.n))
    paid = credible_goods(off, goods.copy())  # after the side payment, no relief
    fear = goods[1] * pledge_credibility(on)  # the reassurance at its credibility, before any payment
    got = credible_goods(on, goods.copy())
    res = on.results
    np.testing.assert_allclose(got[1], paid[1] + 2.0 * spiral_relief(fear, res.reach, res.threat, on.state.power), rtol=1e-12)
    assert not np.allclose(paid[1], fear)  # the payment moved the reassurance, so the two readings differ


def test_the_compiled_consultation_and_relief_are_the_theory_functions_to_the_bit():
    """pair_value's compiled passes (issue 16) give the bytes of foedus.theory.cheap_talk.credible_consultation and
    foedus.theory.reassurance.spiral_relief: random worlds of 2 to 70 states, hostility zero on most pairs, threats with ties
    (equal largest and runner-up values in a row) and zeros, states without capability, every weight and bias in range."""
    from foedus.sim.steps import pair_value as pv
    from foedus.theory.cheap_talk import MAX_PARTITION, credible_consultation
    from foedus.theory.reassurance import spiral_relief

    rng = np.random.default_rng(16)
    for trial in range(80):
        n = int(rng.integers(2, 71))
        h = np.where(rng.random((n, n)) < 0.8, 0.0, rng.random((n, n)))
        h[rng.random((n, n)) < 0.05] = 1.0
        x = rng.random((n, n))
        w, bias = float(rng.choice([1.0, 0.5, 0.2])), float(rng.choice([1 / 16, 0.25, 1.0]))
        got = x.copy()
        pv._consultation_kernel(got, h, bias * w, float(MAX_PARTITION))
        assert got.tobytes() == credible_consultation(x, h, weight=w, bias=bias, check=False).tobytes()
        threat = np.round(rng.random((n, n)) * 4) / 4 * (rng.random((n, n)) < 0.6)  # ties and zeros
        reach, fear = rng.random((n, n)) * (rng.random((n, n)) < 0.7), rng.random((n, n)) * (rng.random((n, n)) < 0.5)
        power = rng.random(n) * (rng.random(n) < 0.9)
        out = np.empty((n, n))
        pv._relief_kernel(fear, reach, threat, power, out)
        assert out.tobytes() == spiral_relief(fear, reach, threat, power, check=False).tobytes()
