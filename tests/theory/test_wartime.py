"""Pacts made for a war (foedus.theory.wartime): Bueno de Mesquita's (1981) odds, Leeds & Savun's (2007) fulfilled pacts.

The two values are the war-specific forms of :func:`foedus.theory.offence.aggrandisement` and
:func:`foedus.theory.offence.isolation` (the target fixed to the enemy of the war under way): where the enemy is the
state a belligerent is most hostile to, they must be equal, entry by entry. The signing probability is the
complementary log-log form of a proportional hazard: ``1 - exp(-rate * value)``, about ``rate * value`` for small values.
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import offence as th_off
from foedus.theory import wartime as th_wt


def _world(seed: int, n: int = 7):
    rng = np.random.default_rng(seed)
    h = rng.uniform(0.0, 1.0, (n, n))
    np.fill_diagonal(h, 0.0)
    r = rng.uniform(0.0, 0.3, (n, n))  # R[k, m]: m's capability at k
    return h, r


@pytest.mark.parametrize("seed", range(20))
def test_coalition_gain_is_aggrandisement_against_the_enemy_fought(seed):
    h, r = _world(seed)
    agg = th_off.aggrandisement(h, r)
    target = th_off.offence_target(h)
    for b in range(len(h)):
        e = target[b]
        js = np.array([j for j in range(len(h)) if j not in (b, e)])
        g = th_wt.coalition_gain(np.full(len(js), r[e, b]), np.full(len(js), r[e, e]), r[e, js], np.full(len(js), h[b, e]), h[js, e])
        np.testing.assert_allclose(g, agg[b, js], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("seed", range(20))
def test_neutrality_gain_is_isolation_in_the_war_fought(seed):
    h, r = _world(seed)
    iso = th_off.isolation(h, r)
    target = th_off.offence_target(h)
    for b in range(len(h)):
        e = target[b]
        js = np.array([j for j in range(len(h)) if j not in (b, e)])
        g = th_wt.neutrality_gain(np.full(len(js), r[e, b]), np.full(len(js), r[e, e]), r[e, js], np.full(len(js), h[b, e]), h[js, e])
        np.testing.assert_allclose(g, iso[b, js], rtol=1e-12, atol=1e-15)


def test_bueno_de_mesquitas_condition_no_gain_where_even_together_they_would_lose():
    # against an enemy stronger than both together, the option to fight is worth nothing with or without the partner
    assert th_wt.coalition_gain([0.1], [0.5], [0.2], [1.0], [1.0]).tolist() == [0.0]
    # a partner that brings the odds from 1/2 to 3/4: the expected utility 2P - 1 rises by 1/2
    assert th_wt.coalition_gain([0.1], [0.1], [0.2], [1.0], [1.0]).tolist() == [pytest.approx(0.5)]
    # a partner with no quarrel with the enemy will not fight it
    assert th_wt.coalition_gain([0.1], [0.1], [0.2], [1.0], [0.0]).tolist() == [0.0]


def test_a_bystander_hostile_to_the_enemy_is_worth_no_pledge():
    assert th_wt.neutrality_gain([0.2], [0.1], [0.1], [1.0], [1.0]).tolist() == [0.0]
    # a belligerent that would lose alone gains nothing from keeping a third party out
    assert th_wt.neutrality_gain([0.1], [0.2], [0.1], [1.0], [0.0]).tolist() == [0.0]


def test_signing_probability_is_the_complementary_log_log_of_a_proportional_hazard():
    v = np.array([0.0, 1e-6, 0.1, 0.5, 2.0])
    p = th_wt.signing_probability(v, 3.0)
    np.testing.assert_allclose(p, 1.0 - np.exp(-3.0 * v))
    assert p[0] == 0.0 and p[1] == pytest.approx(3e-6, rel=1e-5)  # small values: about rate * value
    assert (np.diff(p) > 0).all() and (p < 1).all()
    assert (th_wt.signing_probability(v, 0.0) == 0).all()
    with pytest.raises(ValueError, match="rate"):
        th_wt.signing_probability(v, -1.0)
    with pytest.raises(ValueError, match="value"):
        th_wt.signing_probability([-0.1], 1.0)


def test_a_pact_is_fulfilled_when_no_member_fights_its_enemy_any_more():
    war = np.zeros((4, 4), bool)
    war[0, 3] = war[3, 0] = True
    members = np.array([[1, 1, 0, 0], [0, 1, 1, 0], [1, 0, 1, 0], [1, 1, 0, 0]], bool)
    enemy = np.array([3, 3, 1, -1])
    # pact 0: member 0 still fights 3; pact 1: nobody fights 3; pact 2: nobody fights 1; pact 3: made for no war, never fulfilled
    assert th_wt.fulfilled(members, enemy, war).tolist() == [False, True, True, False]
    assert th_wt.fulfilled(np.zeros((0, 4), bool), np.zeros(0, int), war).tolist() == []
    with pytest.raises(ValueError, match="fulfilled"):
        th_wt.fulfilled(members, enemy[:2], war)


def test_leaning_neutrality_gain_weights_the_loss_by_the_bystanders_preference_between_the_sides():
    """Bueno de Mesquita (1981): a third party counts by U_j(e) - U_j(b); indifferent (0) it is worth nothing; wholly for the
    enemy (1) it is the whole loss of odds; equal to neutrality_gain where the leaning equals 1 - H_je."""
    own, enemy, by, hb = [0.2] * 3, [0.1] * 3, [0.1] * 3, [1.0] * 3
    g = th_wt.leaning_neutrality_gain(own, enemy, by, hb, [0.0, 1.0, 0.3])
    assert g[0] == 0.0 and g[1] == pytest.approx(1.0 / 3.0)  # odds 2/3 alone, 1/2 with the bystander against: 1/3 - 0
    np.testing.assert_allclose(g[2], th_wt.neutrality_gain([0.2], [0.1], [0.1], [1.0], [0.7])[0])
    lean = th_wt.leaning([0.0, 0.6, 0.3, 1.0], [0.0, 0.1, 0.3, 0.0])
    np.testing.assert_allclose(lean, [0.0, 0.5, 0.0, 1.0])
    with pytest.raises(ValueError):
        th_wt.leaning([1.2], [0.0])


def test_offence_is_written_only_by_the_attackers_side_before_the_charter():
    from foedus.theory.renunciation import territorial_integrity_norm

    years = np.array([1859, 1866, 1939, 1944, 1945, 1991])
    att = th_wt.offence_written(np.ones(len(years), bool), territorial_integrity_norm(years))
    tgt = th_wt.offence_written(np.zeros(len(years), bool), territorial_integrity_norm(years))
    assert att.tolist() == [True, True, True, True, False, False]
    assert not tgt.any()


def test_the_promise_to_stay_out_is_written_as_non_aggression_under_the_charter():
    from foedus.theory.renunciation import territorial_integrity_norm

    years = np.array([1870, 1939, 1944, 1945, 1980, 2003])
    assert th_wt.neutrality_written(territorial_integrity_norm(years)).tolist() == [True, True, True, False, False, False]


def test_entry_value_is_the_marginal_change_in_the_odds_times_the_preference_less_the_cost():
    """Altfeld & Bueno de Mesquita (1979): a third party's expected utility of entering is what it adds to the side's chance of
    winning times its preference for that side; Bueno de Mesquita & Lalman (1992) charge the cost of fighting. Closed form:
    P_bj - P_b = R_j R_e / ((R_b + R_e)(R_b + R_j + R_e))."""
    rng = np.random.default_rng(7)
    b, e, j = rng.uniform(0.001, 0.3, (3, 200))
    pref = rng.uniform(0.0, 1.0, 200)
    v = th_wt.entry_value(b, e, j, pref, 0.03)
    np.testing.assert_allclose(v, pref * j * e / ((b + e) * (b + j + e)) - 0.03, rtol=1e-12, atol=1e-15)


def test_entry_value_three_equal_states_and_no_stake_no_entry():
    """Three equal states: the partner raises its side's odds from 1/2 to 2/3 (1/6); without a preference for the side (a
    state indifferent between the belligerents, or leaning to the enemy) it expects only the cost, whatever its strength."""
    v = th_wt.entry_value([0.1, 0.1, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.9], [1.0, 0.0, 0.0], 0.02)
    np.testing.assert_allclose(v, [1 / 6 - 0.02, -0.02, -0.02], rtol=1e-12)


def test_a_strong_partner_adds_little_to_a_side_already_far_stronger_than_its_enemy():
    """The marginal change in the odds vanishes as the belligerent's side grows against its enemy (a great power gains nothing
    by joining a war its side wins anyway): R_e -> 0 gives P_bj - P_b -> 0, so any positive cost keeps it out."""
    e = np.array([0.1, 0.01, 0.001, 0.0001])
    v = th_wt.entry_value(np.full(4, 0.1), e, np.full(4, 0.3), np.ones(4), 0.0)
    assert np.all(np.diff(v) < 0) and v[-1] < 1e-3
    assert (th_wt.entry_value([0.1], [1e-4], [0.3], [1.0], 0.01) < 0).all()
    with pytest.raises(ValueError):
        th_wt.entry_value([0.1], [0.1], [0.1], [1.0], -0.1)


def test_a_common_adversary_is_the_enemys_strategic_rival_and_nothing_else():
    """Snyder (1997), Thompson (2001): the partner qualifies by its rivalry with the enemy alone, element by element."""
    rng = np.random.default_rng(3)
    r = rng.random(50) < 0.4
    assert (th_wt.common_adversary(r) == r).all()
    with pytest.raises(ValueError):
        th_wt.common_adversary(np.zeros((2, 2), bool))


def test_localised_bars_a_great_power_only_where_both_belligerents_are_minor():
    """Schroeder (1994): only a great power, and only in a war of two minor states, is kept out."""
    j = np.array([True, True, True, False])
    assert th_wt.localised(j, np.array([False, True, False, False]), np.array([False, False, True, False])).tolist() == [True, False, False, False]
