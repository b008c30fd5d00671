"""Tests of foedus.theory.reassurance: the threat a pledge of non-aggression addresses when intentions are unknown."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from foedus.theory import reassurance as ra

FAST = settings(max_examples=60, deadline=None)


def test_relationship_age_counts_from_the_younger_state_and_censors_the_list_start():
    age = ra.relationship_age(1995, [1816, 1991, 1960])
    assert age[0, 1] == 4 and age[1, 2] == 4 and age[0, 2] == 35
    assert np.isinf(age[0, 0]) and np.isinf(ra.relationship_age(1900, [1816, 1816])[0, 1])  # two members from the list's start


def test_uncertainty_halves_at_tau_log_2_and_vanishes_for_old_pairs():
    tau = 10.0
    assert ra.intentions_uncertainty(tau * np.log(2.0), decay_years=tau) == pytest.approx(0.5)
    assert ra.intentions_uncertainty(np.inf, decay_years=tau) == 0.0
    assert ra.intentions_uncertainty(0.0, decay_years=tau) == 1.0
    assert np.all(ra.intentions_uncertainty([0.0, 3.0], decay_years=0.0) == 0.0)  # the term off


def test_expected_threat_is_the_posterior_mean():
    # Bayes with a fixed prior: a pair with no record is read at the prior, an old pair at its record
    t = np.array([[0.0, 0.04], [0.01, 0.0]])
    r = np.array([[0.0, 0.2], [0.05, 0.0]])
    for u in (0.0, 0.3, 1.0):
        out = ra.expected_threat(t, r, np.full((2, 2), u), prior=0.25)
        assert out[0, 1] == pytest.approx((1 - u) * 0.04 + u * 0.25 * 0.2)
        assert out[1, 0] == pytest.approx((1 - u) * 0.01 + u * 0.25 * 0.05)
        assert out[0, 0] == 0.0


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
@FAST
def test_a_new_partner_threatens_at_most_its_reach_and_at_least_its_record_times_the_old_weight(u, prior):
    rng = np.random.default_rng(3)
    r = rng.uniform(0, 0.2, (4, 4))
    t = r * rng.uniform(0, 1, (4, 4))  # a record's threat is at most the capability that reaches
    out = ra.expected_threat(t, r, np.full((4, 4), u), prior=prior)
    off = ~np.eye(4, dtype=bool)
    assert np.all(out[off] <= r[off] + 1e-15) and np.all(out[off] >= (1 - u) * t[off] - 1e-15)


def test_bad_input_names_the_function():
    with pytest.raises(ValueError, match="intentions_uncertainty: age"):
        ra.intentions_uncertainty(-1.0, decay_years=10.0)
    with pytest.raises(ValueError, match="expected_threat: prior"):
        ra.expected_threat(np.zeros((2, 2)), np.zeros((2, 2)), np.zeros((2, 2)), prior=2.0)


def test_a_pledge_is_believed_with_the_probability_the_partner_is_a_security_seeker():
    """Kydd (2005): i believes j's pledge with probability 1 - w H[j, i]; a sworn enemy's (H = 1) is not believed at all, a
    friend's (H = 0) fully; w = 0 believes every pledge; bad input is refused."""
    h = np.array([[0.0, 1.0, 0.3], [0.0, 0.0, 0.0], [0.5, 0.2, 0.0]])
    c = ra.pledge_credibility(h)
    assert c[1, 0] == 0.0 and c[0, 1] == 1.0 and c[0, 2] == pytest.approx(0.5) and c[2, 0] == pytest.approx(0.7)
    assert (np.diag(c) == 1.0).all()
    assert (ra.pledge_credibility(h, weight=0.0) == 1.0).all()
    assert ra.pledge_credibility(h, weight=0.5)[1, 0] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="weight"):
        ra.pledge_credibility(h, weight=1.5)


def test_below_the_minimum_trust_threshold_a_pledge_is_cheap_talk():
    """Kydd (2005, ch. 2): credibility is the trust 1 - w H where it reaches the threshold, 0 below it; threshold 0 is the
    linear discount; a rivalry's hostility (0.6) falls below the risk-dominance threshold 1/2, a mild one (0.2) does not."""
    h = np.array([[0.0, 0.6, 0.2], [0.6, 0.0, 0.5], [0.2, 0.5, 0.0]])
    c = ra.pledge_credibility(h, threshold=0.5)
    assert c[0, 1] == 0.0 and c[1, 0] == 0.0
    assert c[0, 2] == pytest.approx(0.8) and c[1, 2] == pytest.approx(0.5)  # at the threshold exactly: believed
    assert (np.diag(c) == 1.0).all()
    assert (ra.pledge_credibility(h, threshold=0.0) == ra.pledge_credibility(h)).all()
    assert (ra.pledge_credibility(h, threshold=0.5, weight=0.0) == 1.0).all()
    with pytest.raises(ValueError, match="threshold"):
        ra.pledge_credibility(h, threshold=1.5)


def test_the_minimum_trust_threshold_is_where_cooperation_pays_in_the_assurance_game():
    """Kydd (2005, ch. 2); Harsanyi & Selten (1988): with trust q, cooperating pays q R + (1 - q) S against q T + (1 - q) P;
    the threshold is where the two are equal, 1/2 in the symmetric Stag Hunt (R - T = P - S), and a pledge believed at the
    threshold is exactly where a security seeker starts to cooperate."""
    rng = np.random.default_rng(5)
    for _ in range(200):
        t, s_ = rng.uniform(0, 1, 2)
        r, p = t + rng.uniform(0.01, 1), s_ + rng.uniform(0.01, 1)
        tau = float(ra.minimum_trust_threshold(r, s_, t, p))
        assert tau * r + (1 - tau) * s_ == pytest.approx(tau * t + (1 - tau) * p)
        q = min(tau + 0.01, 1.0)
        assert q * r + (1 - q) * s_ > q * t + (1 - q) * p
    assert float(ra.minimum_trust_threshold(4.0, 0.0, 3.0, 1.0)) == 0.5
    with pytest.raises(ValueError, match="minimum_trust_threshold"):
        ra.minimum_trust_threshold(1.0, 0.0, 2.0, 1.0)


def _rho(x, p):
    return x / (x + p)


def test_unread_alignment_is_the_expected_pressure_an_unknown_partner_would_add_to_ones_main_threat():
    # Kydd (2005) at the prior: with probability pi the partner of unknown type is an expansionist and adds its reach R_ij to
    # the state's main expected threat; the pledge is worth the pressure that removes (Walt's rho), times the prior's weight u
    p = np.array([0.2, 0.01, 0.02, 0.1])
    r = np.array([[0, .01, .02, .1], [.2, 0, .01, .1], [.2, .03, 0, .1], [.1, .1, .1, 0]])
    for year, u in ((1991, 1.0), (1996, np.exp(-0.5))):
        unc = ra.intentions_uncertainty(ra.relationship_age(year, [1816, 1991, 1991, 1816]), decay_years=10.0)
        e = ra.expected_threat(np.zeros((4, 4)), r, unc, prior=0.1)
        a = ra.unread_alignment(e, r, p, unc, prior=0.1)
        star = u * 0.1 * 0.2  # 1's main expected threat, 0 (3 is old and shows no hostility: 0)
        assert a[1, 2] == pytest.approx(u * 0.1 * (_rho(star + 0.01, 0.01) - _rho(star, 0.01)))
        assert a[2, 1] == pytest.approx(u * 0.1 * (_rho(star + 0.03, 0.02) - _rho(star, 0.02)))
        assert a[0, 3] == 0.0 and a[3, 0] == 0.0  # two old members read each other's alignments from the record
        assert np.all(np.diag(a) == 0.0)


def test_unread_alignment_does_not_count_the_partner_against_itself():
    # the partner 0 is 1's main expected threat: its pledge not to join an attack on 1 is measured against 1's next threat (2)
    r = np.array([[0, .5, .1], [.4, 0, .1], [.1, .1, 0]])
    p = np.array([0.3, 0.05, 0.1])
    unc = ra.intentions_uncertainty(ra.relationship_age(2000, [1816, 2000, 1816]), decay_years=10.0)
    e = ra.expected_threat(np.zeros((3, 3)), r, unc, prior=0.5)
    a = ra.unread_alignment(e, r, p, unc, prior=0.5)
    second = e[1, 2]
    assert a[1, 0] == pytest.approx(0.5 * (_rho(second + 0.4, 0.05) - _rho(second, 0.05)))


@given(st.floats(0.0, 1.0), st.floats(0.0, 60.0))
@FAST
def test_unread_alignment_is_bounded_by_the_priors_weight(prior, years):
    rng = np.random.default_rng(3)
    r = rng.uniform(0, 0.2, (5, 5))
    p = rng.uniform(0.01, 0.3, 5)
    entered = [1816, 1950, 1950, 1816, 1990]

    def at(y):
        unc = ra.intentions_uncertainty(ra.relationship_age(y, entered), decay_years=10.0)
        return ra.unread_alignment(ra.expected_threat(np.zeros((5, 5)), r, unc, prior=prior), r, p, unc, prior=prior)

    now = at(1990 + years)
    assert np.all(now >= 0) and np.all(now < 1) and np.all(np.isfinite(now))
    assert now[0, 3] == 0.0
    # the weight is at most u * pi (the bracket is a difference of pressures, below 1), so a long common record reads it all
    unc = ra.intentions_uncertainty(ra.relationship_age(1990 + years, entered), decay_years=10.0)
    assert np.all(now <= unc * prior + 1e-15)


def test_unread_alignment_checks_its_input():
    with pytest.raises(ValueError, match="unread_alignment"):
        ra.unread_alignment(np.zeros((2, 2)), np.zeros((2, 2)), [0.1, 0.1], np.zeros((2, 2)), prior=1.5)


def test_a_partner_pledged_to_defend_ones_main_threat_offers_no_neutrality():
    # Snyder (1997): an existing commitment binds; 2 defends 0, 1's main expected threat, so its pledge to 1 is worth nothing
    r = np.array([[0, .01, .02], [.2, 0, .01], [.2, .01, 0]])
    p = np.array([0.2, 0.01, 0.01])
    unc = ra.intentions_uncertainty(ra.relationship_age(1991, [1816, 1991, 1991]), decay_years=10.0)
    e = ra.expected_threat(np.zeros((3, 3)), r, unc, prior=0.1)
    free = ra.unread_alignment(e, r, p, unc, prior=0.1)
    bound = ra.unread_alignment(e, r, p, unc, prior=0.1, defends=np.array([[0, 0, 1], [0, 0, 0], [1, 0, 0]], bool))
    assert free[1, 2] > 0 and bound[1, 2] == 0.0
    assert bound[2, 1] == free[2, 1]  # 1 defends no one: its pledge to 2 stands


def test_unread_alignment_is_worth_the_chance_of_the_war_it_is_about():
    # Leeds et al. (2002), Fearon (1997): a neutrality pledge is worth the war with the main threat times its chance
    r = np.array([[0, .01, .02], [.2, 0, .01], [.2, .01, 0]])
    p = np.array([0.2, 0.01, 0.01])
    unc = ra.intentions_uncertainty(ra.relationship_age(1991, [1816, 1991, 1991]), decay_years=10.0)
    e = ra.expected_threat(np.zeros((3, 3)), r, unc, prior=0.1)
    w = np.array([[0, .3, .3], [.3, 0, .05], [.3, .05, 0]])
    sure = ra.unread_alignment(e, r, p, unc, prior=0.1)
    risky = ra.unread_alignment(e, r, p, unc, prior=0.1, war_risk=w)
    assert risky[1, 2] == pytest.approx(0.3 * sure[1, 2])  # 1's main threat other than 2 is 0, at war risk 0.3
    assert risky[1, 0] == pytest.approx(0.05 * sure[1, 0])  # measured against 1's next threat, 2


def test_a_rivals_pledges_to_fight_are_cheap_talk_but_bandwagoning_and_tethering_are_not():
    """credible_pledges (Kydd 2005; Walt 1987, Weitsman 1997): at credibility 1 the goods are whole, at 0 the protection is its
    part kept (bandwagoning and tethering) and the aggrandisement 0; in between both are linear in the credibility."""
    p = np.array([[0.0, 0.5], [0.4, 0.0]])
    t = np.array([[0.0, 0.1], [0.2, 0.0]])
    a = np.array([[0.0, 0.3], [0.6, 0.0]])
    whole = ra.credible_pledges(p, t, a, np.ones((2, 2)))
    assert np.array_equal(whole[0], p) and np.array_equal(whole[1], a)
    none = ra.credible_pledges(p, t, a, np.zeros((2, 2)))
    assert np.array_equal(none[0], t) and not none[1].any()
    half = ra.credible_pledges(p, t, a, np.full((2, 2), 0.5))
    assert np.allclose(half[0], (p + t) / 2) and np.allclose(half[1], a / 2)


@FAST
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_a_credible_protection_lies_between_its_part_kept_and_its_whole(tether, rest, aggr, c1, c2):
    """Property: with protection = the part kept + the rest (all >= 0), the credible protection lies in [kept, protection],
    the aggrandisement in [0, itself], and both grow with the credibility."""
    lo, hi = sorted((c1, c2))
    p, t, a = np.array([tether + rest]), np.array([tether]), np.array([aggr])
    p_lo, a_lo = ra.credible_pledges(p, t, a, np.array([lo]))
    p_hi, a_hi = ra.credible_pledges(p, t, a, np.array([hi]))
    assert t[0] - 1e-12 <= p_lo[0] <= p_hi[0] <= p[0] + 1e-12 and 0.0 <= a_lo[0] <= a_hi[0] <= a[0] + 1e-12


def test_credible_pledges_rejects_bad_input():
    with pytest.raises(ValueError, match="credibility"):
        ra.credible_pledges(np.zeros((2, 2)), np.zeros((2, 2)), np.zeros((2, 2)), np.full((2, 2), 1.5))


def test_spiral_relief_is_the_fear_ended_times_the_partners_share_of_the_pair_when_no_one_else_threatens():
    """Analytically: with no other threat and the partner's whole capability reaching one (R[i, j] = p_j), the pressure the
    partner would add is rho_i(p_j) = p_j / (p_i + p_j), its share of the pair; the gain is the partner's fear times that
    (Kydd 2005, ch. 7; Walt's pressure form), the same formula on both sides of the pair."""
    p = np.array([0.2, 0.025, 0.05])
    r = np.array([[0.0, 0.025, 0.0], [0.2, 0.0, 0.05], [0.0, 0.05, 0.0]])
    fear = np.array([[0.0, 0.1, 0.0], [0.5, 0.0, 0.3], [0.0, 0.2, 0.0]])  # fear[j, i]: j's value of i's pledge
    s = ra.spiral_relief(fear, r, np.zeros((3, 3)), p)
    assert s[0, 1] == pytest.approx(0.5 * 0.025 / 0.225)  # the strong side gains from the weak side's fear of it
    assert s[1, 0] == pytest.approx(0.1 * 0.2 / 0.225)
    assert s[1, 2] == pytest.approx(0.2 * 0.05 / 0.075) and s[2, 1] == pytest.approx(0.3 * 0.05 / 0.1)
    assert s[0, 2] == 0.0 and s[2, 0] == 0.0  # out of reach and feared by no one: nothing
    assert np.all(np.diag(s) == 0.0)


def test_spiral_relief_is_the_pressure_added_to_ones_main_threat_other_than_the_partner():
    # state 0 threatened by 2 (0.1): the weak neighbour 1 joining 2 adds its reach on top of that threat (Walt's pressure)
    p = np.array([0.2, 0.025, 0.2])
    t = np.array([[0.0, 0.01, 0.1], [0.05, 0.0, 0.0], [0.1, 0.0, 0.0]])
    r = np.array([[0.0, 0.025, 0.2], [0.2, 0.0, 0.0], [0.2, 0.0, 0.0]])
    fear = np.zeros((3, 3)); fear[1, 0] = 0.5
    s = ra.spiral_relief(fear, r, t, p)
    rho = lambda x: x / (x + 0.2)
    assert s[0, 1] == pytest.approx(0.5 * (rho(0.1 + 0.025) - rho(0.1)))
    assert s[0, 1] < ra.spiral_relief(fear, r, np.zeros((3, 3)), p)[0, 1]  # concave: less where one faces a threat already


@given(st.floats(1.0, 200.0), st.floats(0.0, 1.0))
@FAST
def test_spiral_relief_falls_with_the_capability_ratio_and_never_exceeds_the_fear(ratio, fear):
    p = np.array([0.2, 0.2 / ratio])
    r = np.array([[0.0, p[1]], [p[0], 0.0]])
    f = np.array([[0.0, 0.0], [fear, 0.0]])
    s = ra.spiral_relief(f, r, np.zeros((2, 2)), p)[0, 1]
    assert 0.0 <= s <= fear + 1e-15
    assert s == pytest.approx(fear / (1.0 + ratio))
    p2 = np.array([0.2, 0.2 / (2 * ratio)])
    assert ra.spiral_relief(f, np.array([[0.0, p2[1]], [p2[0], 0.0]]), np.zeros((2, 2)), p2)[0, 1] <= s + 1e-15


def test_spiral_relief_checks_its_input():
    with pytest.raises(ValueError, match="fear"):
        ra.spiral_relief(-np.ones((2, 2)), np.zeros((2, 2)), np.zeros((2, 2)), [0.1, 0.1])
    with pytest.raises(ValueError, match="power"):
        ra.spiral_relief(np.zeros((2, 2)), np.zeros((2, 2)), np.zeros((2, 2)), [0.1, 0.1, 0.1])


def test_an_unread_partner_threatens_with_what_it_could_take_by_force():
    """attack_capability (Bueno de Mesquita 1981: one attacks only at positive expected utility, 2P - 1 with equal stakes):
    the weak side of an unequal pair faces R (2 R / (R + p) - 1) of its strong neighbour's reach, the strong side and equals
    nothing; never more than the reach, never less than 0; bad input names the function."""
    r = np.array([[0.0, 0.2, 0.02, 0.0], [0.02, 0.0, 0.0, 0.0], [0.02, 0.0, 0.0, 0.0], [0.0, 0.1, 0.0, 0.0]])
    p = np.array([0.02, 0.2, 0.02, 0.5])
    a = ra.attack_capability(r, p)
    assert a[0, 1] == pytest.approx(0.2 * (2 * 0.2 / 0.22 - 1))
    assert a[1, 0] == 0.0 and a[0, 2] == 0.0 and a[2, 0] == 0.0 and a[3, 1] == 0.0  # the strong side, equals, a stronger target
    rng = np.random.default_rng(3)
    rr, pp = rng.uniform(0, 0.3, (6, 6)), rng.uniform(0.001, 0.3, 6)
    aa = ra.attack_capability(rr, pp)
    off = ~np.eye(6, dtype=bool)
    assert (aa >= 0).all() and (aa[off] <= rr[off]).all() and (np.diag(aa) == 0).all()
    assert ((aa > 0) == ((rr > pp[:, None]) & off)).all()  # a threat exactly where the reach exceeds the defender's capability
    with pytest.raises(ValueError, match="power"):
        ra.attack_capability(rr, pp[:5])


def test_a_regime_transition_restarts_the_record_once():
    # Walt (1996): a revolution's intentions are unreadable from the old regime's record. Poland's score jumps from its
    # memory 0.2 to 0.75 in 1990: its record restarts that year; a drift below REGTRANS's 0.15 (3 of 21 POLITY points) does not
    nan = np.full(3, np.nan)
    year, read = ra.regime_restart(1990, np.array([0.75, 0.55, 0.3]), np.array([0.2, 0.45, 0.3]), nan, nan, threshold=0.15)
    assert year[0] == 1990 and np.isnan(year[1:]).all()
    assert read[0] == 0.75 and read[1] == 0.45  # the regime read: the new one, or the memory's
    # the next years the memory catches up (0.8 of it kept): the same transition, no new restart
    ref = 0.2
    for y in range(1991, 1996):
        ref = 0.8 * ref + 0.2 * 0.75
        year, read = ra.regime_restart(y, np.array([0.75, 0.55, 0.3]), np.array([ref, 0.45, 0.3]), read, year, threshold=0.15)
        assert year[0] == 1990
    # a reversal (a coup back to 0.2) is a new regime: a second restart
    year, read = ra.regime_restart(1996, np.array([0.2, 0.55, 0.3]), np.array([ref, 0.45, 0.3]), read, year, threshold=0.15)
    assert year[0] == 1996 and read[0] == 0.2
    # a NaN score never restarts
    y2, _ = ra.regime_restart(1990, np.array([np.nan]), np.array([0.2]), np.full(1, np.nan), np.full(1, np.nan), threshold=0.15)
    assert np.isnan(y2[0])


def test_a_new_regime_is_read_as_a_new_state():
    # at share 1 a state whose regime changed in 1917 and one that entered in 1917 have the same pairs' uncertainty
    restarted = ra.record_start([1816, 1816, 1816], [1917.0, np.nan, np.nan], decay_years=10.0)
    entered = np.array([1917, 1816, 1816])
    assert np.array_equal(ra.relationship_age(1925, restarted), ra.relationship_age(1925, entered))
    # a restart never makes a state older than its entry; without one the entry stands
    assert ra.record_start([1991, 1816], [1950.0, np.nan], decay_years=10.0).tolist() == [1991.0, 1816.0]


@given(st.floats(0.01, 1.0), st.integers(0, 40))
@FAST
def test_the_prior_regains_share_sigma_at_a_regime_change(share, years):
    # u = sigma exp(-(y - t) / tau) for an old member whose regime changed in year t (analytically, the partial restart)
    tau = 10.0
    s = ra.record_start([1816, 1816], [1950.0, np.nan], share=share, decay_years=tau)
    u = ra.intentions_uncertainty(ra.relationship_age(1950 + years, s), decay_years=tau)
    assert u[0, 1] == pytest.approx(share * np.exp(-years / tau), rel=1e-9, abs=1e-12)
    assert ra.record_start([1816], [1950.0], share=0.0, decay_years=tau).tolist() == [1816.0]  # sigma 0: nothing restarts


def test_regime_restart_and_record_start_check_their_input():
    with pytest.raises(ValueError, match="regime_restart"):
        ra.regime_restart(1990, np.zeros(2), np.zeros(3), np.zeros(2), np.zeros(2), threshold=0.15)
    with pytest.raises(ValueError, match="regime_restart"):
        ra.regime_restart(1990, np.zeros(2), np.zeros(2), np.zeros(2), np.zeros(2), threshold=1.5)
    with pytest.raises(ValueError, match="record_start"):
        ra.record_start([1816, 1816], [1950.0], decay_years=10.0)
    with pytest.raises(ValueError, match="record_start"):
        ra.record_start([1816], [1950.0], share=2.0, decay_years=10.0)


@given(st.integers(0, 30), st.integers(3, 20), st.floats(-10, 10), st.integers(5, 40))
@example(at=1, size=3, base=1.0025, length=5)  # 4.0025 - 1.0025 = 2.9999999999999996: a 3-point move all the same
@FAST
def test_a_single_move_of_regtrans_size_is_one_transition_beginning_the_year_it_comes(at, size, base, length):
    # Polity IV's REGTRANS (Marshall, Gurr & Jaggers 2014): a move of at least 3 points within three years; a step of
    # `size` >= 3 points in year `at` is one transition, begun that year, however many years the lags see it
    x = np.full(length, base)
    at = min(at, length - 1)
    x[at:] += size if base + size <= 10 else -size
    onsets = ra.regime_transition_onsets(x)
    assert np.flatnonzero(onsets).tolist() == ([at] if at > 0 else [])
    assert not ra.regime_transition_onsets(np.full(length, base)).any()  # no move, no transition


def test_regime_transitions_need_three_points_within_three_years_and_carry_unscored_years():
    slow = np.array([0.0, 1.0, 2.0, 3.0, 4.0])  # one point a year: 3 points in three years is a transition (year 3)
    assert np.flatnonzero(ra.regime_transition_onsets(slow)).tolist() == [3]
    slower = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0])  # half a point a year: never 3 within three years
    assert not ra.regime_transition_onsets(slower).any()
    gap = np.array([-7.0, np.nan, np.nan, 5.0])  # an unscored gap (interregnum) carries -7 forward: the move is in year 3
    assert np.flatnonzero(ra.regime_transition_onsets(gap)).tolist() == [3]
    with pytest.raises(ValueError, match="regime_transition_onsets"):
        ra.regime_transition_onsets(np.zeros((2, 2)))
