"""Threat with geography: Bueno de Mesquita's distance discount, revealed and allied intentions,
Walt's threat, regional balancing of power and the pairs of great-power competition (brief F1, F2, T1)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory import projection
from foedus.theory.alignment import MOTIVES, alignment_utilities
from foedus.theory.projection import KM_PER_MILE, distance_discount_exponent, projected_capability, reach_fraction, relative_discount_exponent
from foedus.theory.threat import (
    allied_intentions, commercial_restraint, competition_pairs, intentions_from_acts, perceived_intentions, proximity_matrix, reach_within, revealed_hostility,
    walt_threat,
)

pytestmark = pytest.mark.filterwarnings("error")
BALANCE_POWER = MOTIVES.index("balance_power")
unit = st.one_of(st.just(0.0), st.floats(1e-6, 1.0))


def test_docstring_examples():
    assert doctest.testmod(projection).failed == 0


# --- Bueno de Mesquita (1981): the published form and its analytic anchors ---------------------


def test_the_exponent_is_the_published_form():
    # The War Trap, p. 105: adjusted capability = capability ** log10(miles / miles per day + (10 - e))
    miles = np.array([0.0, 100.0, 1000.0, 5000.0])
    got = distance_discount_exponent(miles * KM_PER_MILE, miles_per_day=250.0)
    np.testing.assert_allclose(got, np.log10(miles / 250.0 + 10.0 - np.e), rtol=1e-15)
    # a worked example by hand: 1,000 miles at 250 miles a day is four days; log10(4 + 7.2817...) = 1.052375
    assert got[2] == pytest.approx(1.052375, abs=1e-6)
    assert projected_capability([0.2], [[got[2]]])[0, 0] == pytest.approx(0.2**1.052375, rel=1e-6)


def test_no_discount_after_e_days_and_a_small_gain_at_home():
    # the constant 10 - e makes the exponent 1 when the forces need exactly e days, and log10(10 - e) at home
    for mpd in (20.0, 250.0, 1000.0):
        assert distance_discount_exponent(np.e * mpd * KM_PER_MILE, miles_per_day=mpd) == pytest.approx(1.0, abs=1e-15)
        assert distance_discount_exponent(0.0, miles_per_day=mpd) == pytest.approx(np.log10(10 - np.e), abs=1e-15)
    assert projected_capability([0.3], [[np.log10(10 - np.e)]])[0, 0] > 0.3


@settings(max_examples=60, deadline=None)
@given(st.floats(1e-4, 0.99), st.floats(1e-4, 0.99), st.floats(0.0, 20000.0), st.floats(1.0, 20000.0))
def test_capability_falls_with_distance_and_a_large_share_keeps_more_of_itself(c_small, c_large, d, extra):
    c_small, c_large = sorted((c_small, c_large))
    x_near, x_far = distance_discount_exponent(np.array([d, d + extra]))
    near, far = projected_capability([c_small, c_large], [[x_near, x_near], [x_far, x_far]])
    assert far[0] <= near[0] and far[1] <= near[1]  # the loss-of-strength gradient (Boulding 1962)
    if x_far > 1 and c_small < c_large * (1 - 1e-9):  # distinct shares, not two floats one ulp apart
        # beyond e days c ** (x - 1) rises with c: the larger the share, the larger the part of it that arrives
        assert far[1] / c_large >= far[0] / c_small


def test_a_superpower_reaches_across_the_world_and_a_small_state_does_not():
    x = distance_discount_exponent(np.array([[0.0, 12000.0], [12000.0, 0.0]]))
    reach = projected_capability([0.15, 0.002], x)
    assert reach[1, 0] > 0.3 * 0.15  # about a third of a superpower's share arrives 12,000 km away
    assert reach[0, 1] < 0.05 * 0.002  # a small state's fades to under a twentieth


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match="miles_per_day"):
        distance_discount_exponent([1.0], miles_per_day=0)
    with pytest.raises(ValueError, match="distance_km"):
        distance_discount_exponent([-1.0])
    with pytest.raises(ValueError, match="capability"):
        projected_capability([1.5], [[1.0]])
    with pytest.raises(ValueError, match="discount"):
        allied_intentions([[0.0]], [[0.0]], discount=2.0)


# --- intentions: revealed by behaviour towards neighbours, discounted for allies ----------------


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7).flatmap(lambda n: st.tuples(hnp.arrays(float, (n, n), elements=unit), hnp.arrays(float, (n, n), elements=unit))))
def test_revealed_hostility_is_the_largest_hostility_towards_a_state_or_its_neighbours(arrays):
    h, prox = arrays
    np.fill_diagonal(h, 0.0)
    np.fill_diagonal(prox, 0.0)
    n = h.shape[0]
    got = revealed_hostility(h, prox)
    for i in range(n):
        for j in range(n):
            want = 0.0 if i == j else max([h[i, j]] + [prox[i, k] * h[k, j] for k in range(n)])
            assert got[i, j] == want


def test_hostility_towards_a_major_power_reveals_nothing_to_its_neighbours():
    h = np.array([[0, 0, 0], [0, 0, 0.6], [0, 0.6, 0]])
    prox = np.array([[0, 0.9, 0.1], [0.9, 0, 0.5], [0.1, 0.5, 0]])
    assert revealed_hostility(h, prox, [1.0, 0.0, 1.0])[0, 2] == 0.0  # 1 is a major power
    assert revealed_hostility(h, prox, [1.0, 1.0, 1.0])[0, 2] == pytest.approx(0.54)


def test_hostility_towards_a_state_one_opposes_reveals_less():
    h = np.array([[0, 0, 0], [0, 0, 0.6], [0, 0.6, 0]])
    prox = np.array([[0, 0.9, 0.1], [0.9, 0, 0.5], [0.1, 0.5, 0]])
    aligned = np.ones((3, 3))
    opposed = aligned.copy()
    opposed[0, 1] = 0.2  # 0 opposes 1's foreign policy
    assert revealed_hostility(h, prox, aligned)[0, 2] == pytest.approx(0.54)
    assert revealed_hostility(h, prox, opposed)[0, 2] == pytest.approx(0.9 * 0.2 * 0.6)


def test_only_serious_hostility_reveals_aggression():
    h = np.array([[0, 0, 0], [0, 0, 0.4], [0, 0.4, 0]])
    prox = np.array([[0, 0.9, 0.1], [0.9, 0, 0.5], [0.1, 0.5, 0]])
    assert revealed_hostility(h, prox, floor=0.5)[0, 2] == 0.0
    assert revealed_hostility(h, prox, floor=0.4)[0, 2] == pytest.approx(0.36)


def test_a_defence_ally_keeps_a_tenth_and_a_stranger_all_of_its_intentions():
    it = np.array([[0.0, 0.6, 0.6], [0.6, 0.0, 0.6], [0.6, 0.6, 0.0]])
    c = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.3], [0.0, 0.3, 0.0]])
    got = allied_intentions(it, c, discount=0.9)
    assert got[0, 1] == pytest.approx(0.06) and got[0, 2] == 0.6 and got[1, 2] == pytest.approx(0.6 * 0.73)


def test_walt_threat_is_projected_offensive_power_times_allied_intentions():
    rng = np.random.default_rng(3)
    n = 6
    power, offensive = rng.dirichlet(np.ones(n)), rng.random(n)
    x = distance_discount_exponent(rng.random((n, n)) * 15000)
    h = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
    np.fill_diagonal(h, 0)
    prox, ideal, riv = rng.random((n, n)), rng.random((n, n)), rng.random((n, n)) < 0.2
    c = rng.choice([0.0, 0.3, 1.0], (n, n))
    got = walt_threat(power, offensive, x, h, prox, ideal, riv, c, ally_discount=0.9)
    intent = intentions_from_acts(revealed_hostility(h, prox, reach=reach_fraction(power, x), within=prox), ideal, riv, serious=0.0) * (1 - 0.9 * c * (1.0 - riv))  # rivals unreassured
    want = projected_capability(power * offensive, x) * intent
    np.fill_diagonal(want, 0.0)
    np.testing.assert_allclose(got, want, rtol=1e-14)


def test_with_a_full_discount_no_defence_ally_is_ever_the_main_threat_of_a_threatened_state():
    rng = np.random.default_rng(11)
    for _ in range(50):
        n = 8
        c = np.triu((rng.random((n, n)) < 0.3).astype(float), 1)
        c = c + c.T
        h = rng.random((n, n))
        riv = np.triu(rng.random((n, n)) < 0.3, 1)
        riv = riv | riv.T
        t = walt_threat(rng.dirichlet(np.ones(n)), rng.random(n), distance_discount_exponent(rng.random((n, n)) * 9000), h, rng.random((n, n)), rng.random((n, n)), riv, c, ally_discount=1.0)
        main = t.argmax(axis=1)
        threatened = t.max(axis=1) > 0
        # a defence ally is never the main threat unless it is a rival (a rival's pledge does not reassure: Thompson 2001, Kydd 2005)
        assert not ((c[np.arange(n), main] == 1.0) & ~riv[np.arange(n), main])[threatened].any()


# --- regional balancing of power (F1) -----------------------------------------------------------


def test_a_state_balances_the_strongest_power_that_reaches_it_not_the_strongest_in_the_world():
    # 0: a small state; 1: a regional power next to it; 2: a distant giant; 3: a small neighbour
    power = np.array([0.02, 0.15, 0.3, 0.03])
    km = np.array([[0, 300, 18000, 400], [300, 0, 18000, 500], [18000, 18000, 0, 18000], [400, 500, 18000, 0]], dtype=float)
    reach = projected_capability(power, distance_discount_exponent(km, miles_per_day=20.0))
    assert reach[0, 1] > reach[0, 2]  # over land and sea at 20 miles a day the giant arrives weaker
    none = np.zeros((4, 4))
    waltz = alignment_utilities(power, none, none)[BALANCE_POWER]
    regional = alignment_utilities(power, none, none, reach=reach)[BALANCE_POWER]
    # Waltz: ally with the regional power against the giant; regional: ally with the giant against the regional power
    assert waltz[0, 2] == 0.0 and waltz[0, 1] > 0.0
    assert regional[0, 1] == 0.0 and regional[0, 2] > 0.0
    # the partner counts with the capability it can bring: min(R[i, j], gap) / R[i, h]
    gap = reach[0, 1] - reach[0, 0]
    assert regional[0, 3] == pytest.approx(min(reach[0, 3], gap) / reach[0, 1])


# --- great-power competition (T1): the hegemon's camp against the challengers -------------------


def test_competition_sets_the_hegemons_camp_against_the_major_powers_outside_it():
    # 0 hegemon, 1 its major ally, 2 and 3 major challengers, 4 a minor ally of the hegemon, 5 a minor outsider
    power = np.array([0.3, 0.1, 0.2, 0.1, 0.01, 0.01])
    major = np.array([1, 1, 1, 1, 0, 0], bool)
    allied = np.zeros((6, 6), bool)
    for u, v in ((0, 1), (0, 4)):
        allied[u, v] = allied[v, u] = True
    pairs = competition_pairs(power, major, allied)
    assert (pairs == pairs.T).all() and not pairs.diagonal().any()
    camp, challengers = [0, 1, 4], [2, 3]
    assert pairs[np.ix_(camp, challengers)].all()
    assert not pairs[np.ix_(camp, camp)].any() and not pairs[np.ix_(challengers, challengers)].any()
    assert not pairs[5].any()  # a minor outsider is no challenger


def test_a_distant_partner_helps_less_against_a_neighbours_threat():
    # 0 is threatened by 1; 2 and 3 are equal partners also threatened by 1, 2 next door and 3 far away
    power = np.array([0.02, 0.2, 0.05, 0.05])
    threat = np.zeros((4, 4))
    threat[0, 1] = threat[2, 1] = threat[3, 1] = 0.1
    km = np.array([[0, 300, 400, 15000], [300, 0, 500, 15000], [400, 500, 0, 15000], [15000, 15000, 15000, 0]], dtype=float)
    reach = projected_capability(power, distance_discount_exponent(km))
    none = np.zeros((4, 4))
    BALANCE_THREAT = MOTIVES.index("balance_threat")
    plain = alignment_utilities(power, threat, none)[BALANCE_THREAT]
    regional = alignment_utilities(power, threat, none, reach=reach)[BALANCE_THREAT]
    assert plain[0, 2] == pytest.approx(plain[0, 3])  # without geography the two partners are worth the same
    assert regional[0, 2] > regional[0, 3] > 0.0
    rho, ts = 0.1 / 0.12, 0.1
    assert regional[0, 3] == pytest.approx(rho - ts / (ts + 0.02 + reach[0, 3]))


def test_the_relative_discount_keeps_a_share_at_home_and_the_published_ratio_between_distances():
    from foedus.theory.projection import relative_discount_exponent

    km = np.array([0.0, 800.0, 4000.0, 15000.0])
    c = np.array([0.3])
    assert projected_capability(c, [[relative_discount_exponent(0.0)]])[0, 0] == pytest.approx(0.3)  # at home a state has its share
    pub = np.array([projected_capability(c, [[x]])[0, 0] for x in distance_discount_exponent(km)])
    got = np.array([projected_capability(c, [[x]])[0, 0] for x in relative_discount_exponent(km)])
    np.testing.assert_allclose(got / got[0], pub / pub[0], rtol=1e-12)  # the same loss of strength with distance
    assert (got <= 0.3 + 1e-15).all()


def test_intentions_are_read_from_acts_not_from_votes_alone():
    """Walt (1987, ch. 2): intentions are inferred from behaviour; ideology colours the reading.
    Analytic anchors of intentions_from_acts: no acts and no rivalry, no intentions, whatever the
    ideal-point distance; fully revealed hostility gives perceived_intentions' weighted mean;
    ideal-point distance raises intentions only where hostility has been revealed."""
    rng = np.random.default_rng(11)
    n = 7
    ideal, riv = rng.random((n, n)), rng.random((n, n)) < 0.3
    none = np.zeros((n, n))
    assert not intentions_from_acts(none, ideal).any()  # opposed votes, no acts: no threat
    assert np.array_equal(intentions_from_acts(none, ideal, riv) > 0, riv & ~np.eye(n, dtype=bool))
    full = np.ones((n, n))
    np.testing.assert_allclose(intentions_from_acts(full, ideal, riv), perceived_intentions(full, ideal, riv), rtol=1e-15)
    h = rng.random((n, n)) * (rng.random((n, n)) < 0.5)
    np.fill_diagonal(h, 0)
    # for rivals, whatever the hostility, and for serious acts, the weighted mean of perceived_intentions
    rivals = np.ones((n, n), bool)
    np.testing.assert_allclose(intentions_from_acts(h, ideal, rivals), perceived_intentions(h, ideal, rivals), rtol=1e-15)
    serious = np.where(h > 0, 0.5 + h / 2, 0.0)
    np.testing.assert_allclose(intentions_from_acts(serious, ideal, serious=0.5), perceived_intentions(serious, ideal) * (serious > 0), rtol=1e-15)
    more = intentions_from_acts(h, np.minimum(ideal + 0.2, 1.0), riv) - intentions_from_acts(h, ideal, riv)
    acted = ((h > 0) | riv) & ~np.eye(n, dtype=bool)
    assert (more[acted] > 0).all() and (more[~acted] == 0).all()
    # (0.5 H + 0.25 D min(1, max(H, R) / s) + 0.25 R) / 1: below the serious level in proportion, a rival in full
    assert intentions_from_acts([[0, 0.2], [0.2, 0]], [[0, 0.8], [0.8, 0]], serious=0.5)[0, 1] == pytest.approx((0.1 + 0.25 * 0.8 * 0.4) / 0.75)
    assert intentions_from_acts([[0, 0.6], [0.6, 0]], [[0, 0.8], [0.8, 0]], [[0, 1], [1, 0]])[0, 1] == pytest.approx(0.3 + 0.2 + 0.25)
    with pytest.raises(ValueError, match="serious"):
        intentions_from_acts(h, ideal, serious=2.0)
    with pytest.raises(ValueError, match="revealed"):
        intentions_from_acts([[0, 1.5], [0, 0]])


def test_ideological_distance_threatens_without_acts_in_the_share_haas_gives_it():
    """Haas (2005, ch. 1): the greater the ideological distance between leaders, the more they view one another as threatening.
    Analytic anchors of intentions_from_acts's ``alone``: at 1 (and ``camp`` 0) it is Haas's rule, perceived_intentions' weighted
    mean whatever the acts; at 0 the act-reading rule; in between the two, linearly; without acts, intentions grow in proportion
    to the distance, or to the distance beyond one camp (``camp``), 0 within it."""
    rng = np.random.default_rng(17)
    n = 9
    ideal, riv = rng.random((n, n)), rng.random((n, n)) < 0.3
    h = rng.random((n, n)) * (rng.random((n, n)) < 0.4)
    np.fill_diagonal(h, 0)
    np.testing.assert_allclose(intentions_from_acts(h, ideal, riv, alone=1.0), perceived_intentions(h, ideal, riv), rtol=1e-15)
    assert intentions_from_acts(h, ideal, riv, alone=0.0).tobytes() == intentions_from_acts(h, ideal, riv).tobytes()
    a = 0.3
    mix = (1 - a) * intentions_from_acts(h, ideal, riv, alone=0.0) + a * intentions_from_acts(h, ideal, riv, alone=1.0)
    np.testing.assert_allclose(intentions_from_acts(h, ideal, riv, alone=a), mix, rtol=1e-12, atol=1e-15)
    none = np.zeros((n, n))  # no acts, no rivalry: a w_d D / (w_h + w_d), proportional to the distance
    got = intentions_from_acts(none, ideal, alone=a)
    np.testing.assert_allclose(got, a * 0.25 * ideal * (1 - np.eye(n)) / 0.75, rtol=1e-12, atol=1e-15)
    far = intentions_from_acts(none, np.minimum(ideal + 0.1, 1.0), alone=a) - got
    assert (far[~np.eye(n, dtype=bool)] >= 0).all() and far.sum() > 0
    # within one camp (D <= c) ideology threatens only through acts; beyond it, in proportion to the distance past the camp
    c = 0.4
    camp = intentions_from_acts(none, ideal, alone=1.0, camp=c)
    np.testing.assert_allclose(camp, 0.25 * np.maximum(ideal - c, 0) / (1 - c) * (1 - np.eye(n)) / 0.75, rtol=1e-12, atol=1e-15)
    assert not camp[ideal <= c].any() and (camp[(ideal > c) & ~np.eye(n, dtype=bool)] > 0).all()
    serious = np.where(h > 0, 1.0, 0.0)  # serious acts: the full distance, whatever the camp
    acted = serious > 0
    np.testing.assert_allclose(intentions_from_acts(serious, ideal, alone=0.7, camp=c)[acted], intentions_from_acts(serious, ideal)[acted], rtol=1e-15)
    with pytest.raises(ValueError, match="alone"):
        intentions_from_acts(h, ideal, alone=1.5)
    with pytest.raises(ValueError, match="camp"):
        intentions_from_acts(h, ideal, camp=1.0)


def test_the_ideological_excess_is_the_distance_beyond_one_camp_on_a_scale_comparable_across_years():
    """ideological_excess (Haas 2005; Bailey, Strezhnev & Voeten 2017): 0 within a camp, 1 for the widest pair, linear between,
    symmetric; unchanged by a shift of every ideal point (only distances count); an unknown ideal point has no excess."""
    from foedus.theory.intentions import ideological_excess

    rng = np.random.default_rng(3)
    x = rng.normal(size=12) * 1.5
    c = 1.0
    e = ideological_excess(x, c)
    d = np.abs(x[:, None] - x[None, :])
    np.testing.assert_allclose(e, np.maximum(d - c, 0) / (d.max() - c), rtol=1e-15)
    assert np.array_equal(e, e.T) and e.max() == 1.0 and not e[d <= c].any() and not np.diag(e).any()
    np.testing.assert_allclose(ideological_excess(x + 7.0, c), e, rtol=1e-12, atol=1e-15)
    y = x.copy()
    y[4] = np.nan
    assert not ideological_excess(y, c)[4].any() and not ideological_excess(x, c, known=np.arange(12) != 4)[:, 4].any()
    assert not ideological_excess(x, d.max()).any()  # no pair beyond the camp: no excess


def test_commercial_restraint_follows_the_weak_link():
    """Polachek (1980), Oneal & Russett (1997): exp(-w min(D_ij, D_ji)); analytic anchors."""
    d = np.array([[0.0, 0.5, 0.0], [0.1, 0.0, 1.0], [0.3, 1.0, 0.0]])
    r = commercial_restraint(d, weight=2.0)
    assert np.allclose(r, r.T) and np.allclose(np.diag(r), 1.0)
    assert r[0, 1] == pytest.approx(np.exp(-0.2)) and r[0, 2] == 1.0  # 0 does no trade with 2: no restraint
    assert r[1, 2] == pytest.approx(np.exp(-2.0))  # all trade both ways: exp(-w)
    assert np.array_equal(commercial_restraint(d, weight=0.0), np.ones((3, 3)))
    # raising the more dependent side's dependence does not restrain more; raising the weak link does
    assert commercial_restraint(d + np.array([[0, 0.3, 0], [0, 0, 0], [0, 0, 0]]), weight=2.0)[0, 1] == pytest.approx(r[0, 1])
    assert commercial_restraint(d + np.array([[0, 0, 0], [0.2, 0, 0], [0, 0, 0]]), weight=2.0)[0, 1] < r[0, 1]
    with pytest.raises(ValueError, match="weight"):
        commercial_restraint(d, weight=-1.0)


def test_an_act_is_read_where_the_aggressors_strength_arrives():
    """Boulding (1962), Bueno de Mesquita (1981): reach_fraction is c ** (x - 1), 1 at home, falling
    with distance the slower the larger the capability; an act against a neighbour is read in
    proportion to it (revealed_hostility's reach)."""
    x = relative_discount_exponent(np.array([[0.0, 0.0, 9000.0], [0.0, 0.0, 9000.0], [9000.0, 9000.0, 0.0]]))
    f = reach_fraction([0.3, 0.01, 0.3], x)
    assert np.allclose(np.diag(f), 1.0) and f[0, 1] == 1.0  # contiguous: in full
    assert f[0, 2] == pytest.approx(0.3 ** (x[0, 2] - 1.0)) and 0 < f[1, 2] < 1
    assert reach_fraction([0.3, 0.01, 0.3], x)[2, 1] < reach_fraction([0.3, 0.3, 0.3], x)[2, 1]  # a small state keeps less
    assert reach_fraction([0.3, 0.0, 0.3], x)[2, 1] == 0.0
    h = np.array([[0, 0, 0], [0, 0, 0.6], [0, 0.6, 0]])  # 2 (far away) is hostile to 1, 0's neighbour
    prox = np.array([[0, 0.9, 0.0], [0.9, 0, 0.0], [0.0, 0.0, 0]])
    assert revealed_hostility(h, prox, reach=f)[0, 2] == pytest.approx(0.9 * 0.6 * f[1, 2])
    assert revealed_hostility(h, prox, reach=f)[0, 2] < revealed_hostility(h, prox)[0, 2]


@pytest.mark.parametrize("x_viewer", [500.0, -900.0, 1800.0, 4000.0])
def test_an_act_alarms_a_state_as_far_as_it_lies_within_the_reach_the_aggressor_has_shown(x_viewer):
    """Analytic: on a line, the aggressor at 0 km strikes its victim at 1,000 km; with exponential proximity of range
    lambda and no contiguity, a viewer at x reads the act by ``pi_ik * exp(-max(0, |x| - 1000) / lambda)`` (Boulding's
    loss of strength beyond the reach shown; Walt 1987, ch. 2): in full when no farther from the aggressor than the
    victim (between them, or behind the aggressor), less the farther beyond; without ``within`` by ``pi_ik`` alone."""
    lam = 1500.0
    x = np.array([x_viewer, 0.0, 1000.0])  # viewer i, aggressor j, victim k
    prox = proximity_matrix(np.abs(x[:, None] - x[None, :]), decay_km=lam)
    h = np.zeros((3, 3))
    h[1, 2] = h[2, 1] = 1.0  # j and k at war
    pi_ik = np.exp(-abs(x_viewer - 1000.0) / lam)
    beyond = np.exp(-max(0.0, abs(x_viewer) - 1000.0) / lam)
    got = revealed_hostility(h, prox, within=prox)[0, 1]
    assert got == pytest.approx(pi_ik * beyond, rel=1e-12)
    assert revealed_hostility(h, prox)[0, 1] == pytest.approx(pi_ik, rel=1e-12)
    assert revealed_hostility(h, prox, within=reach_within(prox, 0.0))[0, 1] == pytest.approx(pi_ik, rel=1e-12)  # weight 0: the old form
    # the loss beyond the reach is Boulding's gradient relative to the victim: the same ratio at any reach shown
    if abs(x_viewer) > 1000.0:
        assert got / pi_ik == pytest.approx(prox[0, 1] / prox[2, 1], rel=1e-12)


# --- forward presence (threat8, session 8): Boulding's gradient drawn from the bases a great power holds in its allies ---


def test_forward_presence_without_hosts_or_saving_changes_nothing_and_a_full_saving_makes_the_base_a_second_home():
    from foedus.theory.projection import forward_exponent

    rng = np.random.default_rng(0)
    pts = rng.uniform(0, 8000, size=(6, 2))
    d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
    x = relative_discount_exponent(d)
    hosts = np.zeros((6, 6), bool)
    assert np.array_equal(forward_exponent(x, hosts, saving=1.0), x)
    hosts[0, 3] = True  # 3 hosts 0's forces
    full = forward_exponent(x, hosts, saving=1.0)
    assert np.array_equal(full[:, 0], np.minimum(x[:, 0], x[:, 3]))  # from the base as from home: the base is a second home
    assert full[3, 0] == 1.0  # the host itself at home strength
    assert np.array_equal(np.delete(full, 0, axis=1), np.delete(x, 0, axis=1))  # only the patron's reach changes
    # no saving: the route through the base pays the whole home-to-base leg again, never shorter than a straight line by much
    none = forward_exponent(x, hosts, saving=0.0)
    assert np.all(none[:, 0] <= x[:, 0]) and np.allclose(none[:, 0], np.minimum(x[:, 0], x[:, 3] + x[3, 0] - 1.0))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**31 - 1), st.floats(0, 1))
def test_forward_presence_lowers_the_exponent_more_the_larger_the_saving_and_never_below_home(seed, s):
    from foedus.theory.projection import forward_exponent

    rng = np.random.default_rng(seed)
    n = 5
    d = rng.uniform(0, 15000, size=(n, n))
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    x = relative_discount_exponent(d)
    hosts = rng.random((n, n)) < 0.3
    np.fill_diagonal(hosts, False)
    got = forward_exponent(x, hosts, saving=s)
    more = forward_exponent(x, hosts, saving=min(1.0, s + 0.25))
    assert np.all(got <= x) and np.all(got >= 1.0) and np.all(more <= got)


def test_forward_exponent_names_bad_inputs():
    from foedus.theory.projection import forward_exponent

    with pytest.raises(ValueError, match="hosts"):
        forward_exponent(np.ones((2, 2)), np.zeros((3, 3), bool), saving=0.5)
    with pytest.raises(ValueError, match="saving"):
        forward_exponent(np.ones((2, 2)), np.zeros((2, 2), bool), saving=1.5)


def test_forward_presence_raises_the_projected_threat_and_leaves_the_reading_of_acts_from_home():
    """walt_threat's ``forward``: the threat is ``(P O) ** x'`` times the same intentions as without it (forward presence is power
    and proximity, Walt's first two sources, not intentions)."""
    from foedus.theory.projection import forward_exponent
    from foedus.theory.threat import walt_threat

    rng = np.random.default_rng(11)
    n = 8
    d = rng.uniform(0, 15000, size=(n, n))
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    x = relative_discount_exponent(d)
    hosts = rng.random((n, n)) < 0.3
    np.fill_diagonal(hosts, False)
    xf = forward_exponent(x, hosts, saving=0.5)
    power, offensive = rng.dirichlet(np.ones(n)), rng.random(n)
    h = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
    prox = np.exp(-d / 1000.0)
    args = (power, offensive, x, h, prox, rng.random((n, n)), rng.random((n, n)) < 0.2, np.zeros((n, n)))
    home, fwd = walt_threat(*args, aggression_floor=0.5), walt_threat(*args, aggression_floor=0.5, forward=xf)
    ratio = projected_capability(power * offensive, xf) / projected_capability(power * offensive, x)
    off = ~np.eye(n, dtype=bool)
    assert np.allclose(fwd[off], (home * ratio)[off], rtol=1e-12) and np.all(fwd >= home)


# --- Political relevance (Maoz & Russett 1993; Lemke & Reed 2001) ---------------------------------


def test_politically_relevant_pairs_are_the_contiguous_ones_and_those_a_great_power_observes():
    """The published rule, read from the observer's side: a pair is relevant when contiguous or when the observer is a major power."""
    from foedus.theory.intentions import politically_relevant

    rng = np.random.default_rng(17)
    c = rng.random((6, 6)) < 0.3
    c = c | c.T
    major = np.array([True, False, False, True, False, False])
    p = politically_relevant(c, major)
    for i in range(6):
        for k in range(6):
            assert p[i, k] == (0.0 if i == k else float(c[i, k] or major[i]))
    with pytest.raises(ValueError, match="contiguous"):
        politically_relevant(c, major[:3])


def test_a_distant_war_on_a_minor_state_alarms_its_neighbours_and_the_great_powers_not_a_distant_minor_state():
    """Russia (2) at war with the Ottoman Empire (1, minor): Spain (0, minor, not contiguous to the Ottoman Empire, proximity 0.5)
    read the act as aggression before the rule (revealed hostility 0.45); as an observer exposed only to politically relevant
    states it reads nothing, while a great power (3) that is not contiguous either still reads the act, as does a neighbour (4)."""
    from foedus.theory.intentions import politically_relevant

    h = np.zeros((5, 5))
    h[1, 2] = h[2, 1] = 0.9
    prox = np.array([
        [0, 0.5, 0.1, 0.8, 0.3],
        [0.5, 0, 1.0, 0.4, 1.0],
        [0.1, 1.0, 0, 0.3, 0.5],
        [0.8, 0.4, 0.3, 0, 0.3],
        [0.3, 1.0, 0.5, 0.3, 0],
    ])
    contiguous = prox == 1.0
    major = np.array([False, False, True, True, False])
    minor = 1.0 - major
    before = revealed_hostility(h, prox, minor, floor=0.5)
    after = revealed_hostility(h, prox, minor[None, :] * politically_relevant(contiguous, major), floor=0.5)
    assert before[0, 2] == pytest.approx(0.45)
    assert after[0, 2] == 0.0
    assert after[3, 2] == pytest.approx(0.4 * 0.9) and after[4, 2] == pytest.approx(0.9)
    assert np.all(after <= before)


def test_a_state_reaches_another_where_its_discounted_capability_is_at_least_the_others_lemke_2002():
    """Lemke (2002): reach where Bueno de Mesquita's discounted capability is at least the target's; at distance 0 (exponent 1)
    the stronger reaches the weaker and not the converse; a longer distance (larger exponent) can only take reach away."""
    from foedus.theory.intentions import politically_relevant
    from foedus.theory.projection import able_to_reach, projected_capability

    c = np.array([0.2, 0.05, 0.01])
    home = np.ones((3, 3))
    a = able_to_reach(c, home)
    assert a.tolist() == [[False, True, True], [False, False, True], [False, False, False]]
    far = able_to_reach(c, np.full((3, 3), 1.6))  # 0.2 ** 1.6 = 0.076 still reaches 0.05; 0.05 ** 1.6 = 0.0083 no longer reaches 0.01
    assert not (far & ~a).any() and far[0, 1] and not far[1, 2]
    # the projection a caller keeps (arrives=) gives the same answer
    assert able_to_reach(c, np.full((3, 3), 1.6), arrives=projected_capability(c, np.full((3, 3), 1.6))).tolist() == far.tolist()
    with pytest.raises(ValueError, match="arrives"):
        able_to_reach(c, home, arrives=np.ones((2, 2)))
    minor = np.zeros(3, bool)
    assert politically_relevant(np.zeros((3, 3), bool), minor, far).tolist() == far.astype(float).tolist()
    with pytest.raises(ValueError, match="able"):
        politically_relevant(np.zeros((3, 3), bool), minor, far[:2])


def test_an_ally_that_only_reaches_the_victim_does_not_make_its_fate_relevant_quackenbush_2006():
    """Quackenbush (2006): the criterion is an ally contiguous to the other state. 0 is allied to 1, which reaches 2 without
    bordering it: 2's fate is not relevant to 0 (it was, through the ally's reach: Armenia exposed to all of Europe through Russia)."""
    from foedus.theory.intentions import politically_relevant

    c = np.zeros((3, 3), bool)
    able = np.zeros((3, 3), bool)
    able[1, 2] = True
    allied = np.zeros((3, 3), bool)
    allied[0, 1] = allied[1, 0] = True
    p = politically_relevant(c, np.zeros(3, bool), able, allied)
    assert p[1, 2] == 1.0 and p[0, 2] == 0.0


def test_relevant_dyads_are_the_published_dyadic_rule_lemke_and_reed_2001():
    """Maoz & Russett (1993), Lemke & Reed (2001): a dyad is relevant when contiguous or when either state is a major power;
    with reach (Lemke 2002) also when either reaches the other. Symmetric, diagonal 0, on random worlds."""
    from foedus.theory.intentions import relevant_dyads

    rng = np.random.default_rng(2001)
    for _ in range(20):
        n = 7
        c = rng.random((n, n)) < 0.3
        c = c | c.T
        major = rng.random(n) < 0.3
        able = rng.random((n, n)) < 0.2
        np.fill_diagonal(able, False)
        v = relevant_dyads(c, major, able)
        for i in range(n):
            for j in range(n):
                want = i != j and bool(c[i, j] or major[i] or major[j] or able[i, j] or able[j, i])
                assert v[i, j] == float(want)


def test_an_aggressor_that_cannot_fight_the_observer_reveals_nothing_to_it_lemke_and_reed_2001():
    """The Ottoman Empire (2, minor) at war with Greece (1, minor); Spain (0, minor) reaches Greece, so Greece's fate is relevant
    to it, but Spain and the Ottoman Empire are no relevant dyad (not contiguous, no major power, neither reaches the other):
    the act reveals nothing to Spain. Austria-Hungary (3, major) still reads it, and a neighbour of both (4) too."""
    from foedus.theory.intentions import relevant_dyads

    h = np.zeros((5, 5))
    h[1, 2] = h[2, 1] = 0.9
    prox = np.array([
        [0, 0.5, 0.2, 0.8, 0.3],
        [0.5, 0, 1.0, 0.4, 1.0],
        [0.2, 1.0, 0, 0.3, 1.0],
        [0.8, 0.4, 0.3, 0, 0.3],
        [0.3, 1.0, 1.0, 0.3, 0],
    ])
    contiguous = prox == 1.0
    major = np.array([False, False, False, True, False])
    able = np.zeros((5, 5), bool)
    able[0, 1] = True  # Spain reaches Greece
    v = relevant_dyads(contiguous, major, able)
    before = revealed_hostility(h, prox, floor=0.5)
    after = revealed_hostility(h, prox, floor=0.5, relevant=v)
    assert before[0, 2] == pytest.approx(0.45) and after[0, 2] == 0.0
    assert after[3, 2] == before[3, 2] > 0 and after[4, 2] == before[4, 2] == pytest.approx(0.9)
    assert after[1, 2] == before[1, 2] == 0.9  # the victim's own hostility is direct, never gated
    assert np.all(after <= before)


def test_an_ally_that_borders_the_victim_makes_its_fate_relevant_quackenbush_2006():
    """Quackenbush (2006): a state is exposed to what befalls the states its allies border or reach. 0 and 1 allied, 1 borders 2,
    0 does not; 3 borders nobody and has no ally."""
    from foedus.theory.intentions import politically_relevant

    c = np.zeros((4, 4), bool)
    c[1, 2] = c[2, 1] = True
    allied = np.zeros((4, 4), bool)
    allied[0, 1] = allied[1, 0] = True
    minor = np.zeros(4, bool)
    assert politically_relevant(c, minor)[0, 2] == 0.0
    p = politically_relevant(c, minor, None, allied)
    assert p[0, 2] == 1.0 and p[1, 2] == 1.0 and not p[3].any() and np.all(np.diag(p) == 0)


def test_a_rivals_pledge_does_not_reassure_thompson_2001_kydd_2005():
    """Rivals regard each other as enemies whatever they signed (Thompson 2001): a shared defence pact discounts the intentions
    of an ally (Walt 1987) but not of a rival (Armenia and Azerbaijan, Greece and Turkey); a partial rivalry in proportion."""
    from foedus.theory.intentions import allied_intentions

    it = np.array([[0, 0.6, 0.6], [0.6, 0, 0.6], [0.6, 0.6, 0]])
    c = np.ones((3, 3)) - np.eye(3)
    r = np.zeros((3, 3))
    r[0, 1] = r[1, 0] = 1.0
    r[0, 2] = r[2, 0] = 0.5
    out = allied_intentions(it, c, discount=1.0, rivalry=r)
    assert out[0, 1] == out[1, 0] == 0.6  # rivals: undiscounted
    assert out[1, 2] == 0.0  # allies, not rivals: fully reassured
    assert out[0, 2] == pytest.approx(0.3)
    assert np.array_equal(allied_intentions(it, c, discount=1.0), allied_intentions(it, c, discount=1.0, rivalry=np.zeros((3, 3))))
