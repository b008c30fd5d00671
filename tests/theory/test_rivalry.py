"""The rivalry hazards' functional form (foedus.theory.rivalry): a discrete-time logit, monotonic in its drivers."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import lfilter

from foedus.sim.parameters import Parameters
from foedus.theory import rivalry as th
from foedus.theory.projection import able_to_reach, relative_discount_exponent

P = Parameters()


def test_the_logit_hazard_is_the_logistic_function_of_the_linear_predictor():
    assert float(th.logit_hazard(0.0, [], [])) == 0.5
    eta = -2.0 + 0.5 * 3.0 - 1.0 * 1.0
    assert float(th.logit_hazard(-2.0, [0.5, -1.0], [3.0, 1.0])) == pytest.approx(1.0 / (1.0 + np.exp(-eta)))
    with pytest.raises(ValueError, match="2 coefficients for 1"):
        th.logit_hazard(0.0, [1.0, 2.0], [1.0])


def _onset(distance_km=500.0, **change):
    """Two minor states 500 km apart without a border (a realistic base: the relevance terms read the distance), changed by ``change``;
    the relevance terms follow the pair (``minor_distance`` 0 for a border or a great power, the ``one_major_*`` parts for one)."""
    x = {"contiguous": False, "major_pair": False, "log_parity": np.log(0.3), "war_history": 0.0, "joint_democracy": False, "regime_distance": 0.3,
         "one_major": False, "out_of_reach": False, "defence_pact": False, "new_pair": 0.0, **change}
    major = bool(x["one_major"]) or bool(x["major_pair"])
    x.setdefault("minor_distance", float(th.minor_distance(distance_km, x["contiguous"], major, False)))
    x.setdefault("one_major_reach", float(th.one_major_part(x["log_parity"], x["one_major"], False)))  # log_reach at distance 0 (a border)
    x.setdefault("one_major_new_pair", float(th.one_major_part(x["new_pair"], x["one_major"], False)))
    return float(th.rivalry_onset_hazard(*(x[t] for t in th.ONSET_TERMS), intercept=P.rivalry_onset_intercept, coefficients=P.rivalry_onset_coefficients()))


def _end(**change):
    x = {"contiguous": True, "major_pair": False, "power_shift": 0.2, "war_history": 0.0, "joint_democracy": False, "regime_distance": 0.5,
         "regime_shift": 0.0, "new_nonaggression_pact": 0.0, **change}
    return float(th.rivalry_termination_hazard(*(x[t] for t in th.TERMINATION_TERMS), intercept=P.rivalry_end_intercept, coefficients=P.rivalry_end_coefficients()))


def test_with_the_estimated_coefficients_rivalries_begin_among_neighbours_great_powers_equals_and_former_enemies():
    base = _onset()
    assert _onset(contiguous=True) > 8 * base  # exp(1.10 + 1.04 log(1 + 500 / 241)): 9.7 times a pair 500 km apart (9.9 before the relevance terms)
    assert _onset(major_pair=True) > 2 * base
    assert _onset(out_of_reach=True, distance_km=3000.0) < base / 10  # contact: two minor states a sea apart
    assert _onset(one_major=True) > 5 * _onset(out_of_reach=True, distance_km=3000.0)  # a great power's reach
    assert _onset(log_parity=np.log(0.9)) > _onset(log_parity=np.log(0.1))
    assert _onset(new_pair=1.0) > 20 * base  # rivalries begin when states are born (Beck, Katz & Tucker 1998's duration dependence)
    assert _onset(war_history=th.war_term(3.0)) > 5 * base
    # the democratic peace: two democracies without an alliance begin fewer rivalries than two like autocracies (-0.28, s.e. 0.81), and
    # two sharing an alliance of any obligation none (the gate theory.rivalry.security_community, where the record has no onset in
    # 26,536 dyad-years). Against the base (a pair 0.3 apart in democracy) the term is about even since democ21 moved the allied
    # democracies out of the risk set (-0.65 before, below the base): the record's democracies without an alliance are not rarer rivals
    assert _onset(joint_democracy=True, regime_distance=0.0) < _onset(regime_distance=0.0)
    assert bool(th.security_community(True, True)) and not th.security_community([True, False], [False, True]).any()
    # allies seldom become rivals (Deutsch 1957; Bremer 1992): once the pair's age is held, the term is about 0 (-0.07, z -0.25 before
    # the relevance terms; +0.03, z 0.1 with them); the security community (theory.rivalry.security_community) gates democratic allies
    assert abs(np.log(_onset(defence_pact=True) / base)) < 0.1


def test_a_great_power_and_a_micro_state_are_no_rivals_however_near():
    """Thompson (2001): a strategic rival can threaten. With log parity, a great power (CINC 0.2) and a state of 1e-5 of the world's
    capability (Liechtenstein) begin a rivalry at a twentieth of the rate (1000 ** -0.45) of a great power and a regional power (0.02), other things equal."""
    gp_micro = _onset(one_major=True, log_parity=th.log_parity(0.2, 1e-5))
    gp_regional = _onset(one_major=True, log_parity=th.log_parity(0.2, 0.02))
    assert gp_micro < gp_regional / 20
    assert float(th.log_parity(0.0, 0.0)) == np.log(th.PARITY_FLOOR) and float(th.log_parity(0.3, 0.3)) == 0.0


def test_the_new_pair_term_decays_exponentially_and_two_members_since_1816_are_an_old_pair():
    from foedus.theory.reassurance import relationship_age

    age = relationship_age(1993, [1816, 1816, 1991])
    x = th.new_pair(age, years=2.0)
    assert x[0, 1] == 0.0 and x[0, 2] == pytest.approx(np.exp(-1.0)) and x[1, 2] == x[0, 2]
    np.testing.assert_allclose(th.new_pair(np.arange(5.0), years=2.0), np.exp(-np.arange(5.0) / 2.0))
    with pytest.raises(ValueError, match="years"):
        th.new_pair(0.0, years=0.0)


def test_with_the_estimated_coefficients_rivalries_end_after_regime_change_and_wars_and_power_shifts():
    assert _end(regime_shift=0.5) > 2 * _end()  # Goertz & Diehl's political shock
    assert _end(war_history=th.war_term(2.0)) > _end()
    assert _end(power_shift=1.5) > _end(power_shift=0.0)
    assert _end(major_pair=True) < _end()  # great-power rivalries last
    # a peace treaty between rivals (Lupu & Poast 2016): exp(2.66) = 14 times the odds in the year of the pledge, 1.4 after 5 years
    assert _end(new_nonaggression_pact=1.0) > 10 * _end()
    assert _end(new_nonaggression_pact=float(th.new_pledge(10.0, True, years=P.rivalry_pledge_years))) < 1.05 * _end()


def test_a_pledge_of_non_aggression_is_a_shock_that_counts_only_without_a_defence_pact():
    """The termination term is the newness of ATOP's non-aggression obligation alone (theory.rivalry.new_pledge of
    nonaggression_only): allies bound to defend each other are not read as rivals making peace, and a pledge kept for decades beside
    a rivalry (India and Pakistan's Simla agreement, 1972) did not end it."""
    assert th.nonaggression_only([True, True, False, False], [False, True, True, False]).tolist() == [True, False, False, False]
    assert th.new_pledge([0.0, 0.0, 2.0, np.nan], [True, False, True, True], years=2.0).round(4).tolist() == [1.0, 0.0, 0.3679, 0.0]
    with pytest.raises(ValueError, match="years must be > 0"):
        th.new_pledge(1.0, True, years=0.0)


def test_war_memory_is_a_geometric_discount_of_years_at_war():
    at_war = np.array([1, 1, 0, 0, 1, 0, 0, 0], float)
    h = 0.0
    out = []
    for w in at_war:
        h = th.war_history(h, w, memory=0.8)
        out.append(float(h))
    np.testing.assert_allclose(out, lfilter([1.0], [1.0, -0.8], at_war))
    assert out[1] == pytest.approx(1.8)
    with pytest.raises(ValueError, match="memory"):
        th.war_history(0.0, 1.0, memory=1.0)


def test_parity_and_power_shift():
    assert th.parity(0.2, 0.1).tolist() == 0.5 and th.parity(0.0, 0.0).tolist() == 0.0
    b0 = th.log_ratio(0.2, 0.1)
    assert float(th.power_shift(0.2, 0.1, b0)) == 0.0
    assert float(th.power_shift(0.1, 0.2, b0)) == pytest.approx(2 * np.log(2.0))


def test_two_minor_states_beyond_the_reach_are_out_of_reach_and_a_great_power_never_is():
    assert th.out_of_reach([0.0, 1500.0, 1500.1, 9000.0], False, False, reach_km=1500.0).tolist() == [False, False, True, True]
    assert not th.out_of_reach(9000.0, True, False, reach_km=1500.0) and not th.out_of_reach(9000.0, False, True, reach_km=1500.0)


def test_regime_shift_is_the_larger_change_and_a_lasting_regime_stops_being_a_shock_geometrically():
    assert float(th.regime_shift(0.8, 0.3, 0.2, 0.4)) == pytest.approx(0.6)
    ref, shifts = 0.2, []
    for _ in range(6):  # a transition from 0.2 to 0.8 that lasts: the shift is 0.6 * memory^t (analytic)
        shifts.append(float(th.regime_shift(0.8, 0.0, ref, 0.0)))
        ref = float(th.regime_reference(ref, 0.8, memory=0.8))
    np.testing.assert_allclose(shifts, 0.6 * 0.8 ** np.arange(6))
    with pytest.raises(ValueError, match="memory"):
        th.regime_reference(0.0, 1.0, memory=1.0)


@pytest.mark.parametrize("h", [0.01, 0.05, 0.1, 0.2, 0.29, 0.5, 0.9])
def test_the_median_duration_at_a_constant_hazard_is_the_geometric_distributions(h):
    from scipy import stats

    assert float(th.geometric_median_duration(h)) == stats.geom(h).median()
    with pytest.raises(ValueError, match="hazard"):
        th.geometric_median_duration(0.0)


def test_two_minor_states_without_a_border_beyond_contact_cannot_become_rivals_and_neighbours_and_great_powers_can():
    """Diehl & Goertz 2000; Thompson & Dreyer 2012: 2 such onsets in 389,315 dyad-years of the record, both across colonial borders."""
    d = [9500.0, 9500.0, 9500.0, 9500.0, 4999.0, 0.0]
    cont = [False, False, False, True, False, True]
    mi = [False, True, False, False, False, False]
    mj = [False, False, True, False, False, False]
    assert th.beyond_contact(d, cont, mi, mj, contact_km=5000.0).tolist() == [True, False, False, False, False, False]


def test_minor_distance_is_the_log_gradient_of_two_minor_states_without_a_border_and_zero_for_the_relevant_pairs():
    """Boulding's (1962) gradient in log form, Maoz & Russett's (1993) 150 miles of water its unit: log 2 at the unit, log 11 at ten units."""
    u = th.MARITIME_KM
    assert u == pytest.approx(241.4016)
    np.testing.assert_allclose(th.minor_distance([0.0, u, 10 * u], False, False, False), [0.0, np.log(2.0), np.log(11.0)])
    assert th.minor_distance([u, u, u], [True, False, False], [False, True, False], [False, False, True]).tolist() == [0.0, 0.0, 0.0]
    assert th.one_major_part([1.0, 1.0, 1.0, 1.0], [True, True, False, False], [True, False, True, False]).tolist() == [0.0, 1.0, 1.0, 0.0]
    with pytest.raises(ValueError, match="unit_km"):
        th.minor_distance(1.0, False, False, False, unit_km=0.0)


def test_with_the_estimated_coefficients_rivalries_need_the_capacity_to_threaten():
    """Thompson (2001): rivals can threaten each other. Two minor states without a border begin rivalries the less the farther
    apart (elasticity -1.04 with the distance beyond 150 miles); a great power and a new minor state are seldom rivals at the
    minor state's birth (the record's in-sample births made rivals of neighbours, never of a great power), and a great power and
    a weak state (a tenth of its capability) begin at most half the rate of a great power and a state at parity, once
    more than the minor states' log-parity slope alone gives."""
    assert _onset(distance_km=250.0) > 2.5 * _onset(distance_km=1200.0) > 2.5 * _onset(distance_km=4000.0, out_of_reach=True)
    # exp(4.16) against exp(2.14) (succ14's refit, successors taking up their predecessors' pairs: West Germany's great-power pairs of
    # 1955 are no longer new; the great powers' new-pair factor was exp(1.24) < 5 before)
    assert _onset(new_pair=1.0) > 20 * _onset() and _onset(one_major=True, new_pair=1.0) / _onset(one_major=True) < _onset(new_pair=1.0) / _onset() / 5
    born_neighbour = _onset(contiguous=True, new_pair=1.0)
    born_far_major = _onset(one_major=True, new_pair=1.0, log_parity=np.log(0.1))
    assert born_far_major < born_neighbour / 20
    weak, equal = _onset(one_major=True, log_parity=np.log(0.1)), _onset(one_major=True, log_parity=0.0)
    assert weak < equal / 6  # (0.30 + 0.49) * log 10 = 1.82: 6.2 times next door (2.0 times at the minor states' slope 0.30 alone)
    near = _onset(one_major=True, log_parity=np.log(0.5))
    far = _onset(one_major=True, log_parity=np.log(0.5), one_major_reach=float(th.log_reach(0.2, 0.1, relative_discount_exponent(9000.0))))
    assert far < near / 1.8  # a near-equal 9,000 km away (Germany and Taiwan): a quarter of its parity arrives, exp(-0.49 * 1.4): half the rate


def test_log_reach_is_log_parity_next_door_and_zero_exactly_where_the_weaker_reaches_the_stronger():
    """Bueno de Mesquita (1981), Lemke (2002): log_reach = min(0, x log c_w - log c_s); at distance 0 (x = 1) it is log parity, and it is
    0 exactly where projection.able_to_reach says the weaker reaches the stronger (an analytic identity of the two forms)."""
    rng = np.random.default_rng(3)
    c = rng.dirichlet(np.ones(12))
    d = rng.random((12, 12)) * 8000.0
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    x = relative_discount_exponent(d)
    i, j = np.triu_indices(12, 1)
    lr = th.log_reach(c[i], c[j], x[i, j])
    np.testing.assert_allclose(th.log_reach(c[i], c[j], 1.0), th.log_parity(c[i], c[j]))
    a = able_to_reach(c, x)
    weak, strong = np.where(c[i] < c[j], i, j), np.where(c[i] < c[j], j, i)
    assert np.array_equal(lr == 0.0, a[weak, strong]) and (lr <= th.log_parity(c[i], c[j]) + 1e-12).all()
    assert float(th.log_reach(0.0, 0.3, 1.5)) == np.log(th.PARITY_FLOOR)


def test_shared_rival_is_a_path_of_length_two_in_the_rivalry_graph():
    """Diehl & Goertz (2000, ch. 12): linked rivalries. On a star (one state rival of all others) every other pair shares
    a rival; on a path a-b-c-d exactly the pairs two steps apart do; the result is the brute-force common neighbour,
    symmetric, its diagonal False."""
    n = 6
    star = np.zeros((n, n), bool)
    star[0, 1:] = star[1:, 0] = True
    want = np.ones((n, n), bool)
    want[0, :] = want[:, 0] = False
    np.fill_diagonal(want, False)
    assert np.array_equal(th.shared_rival(star), want)
    path = np.zeros((4, 4), bool)
    for a in range(3):
        path[a, a + 1] = path[a + 1, a] = True
    assert {(int(a), int(b)) for a, b in zip(*np.nonzero(np.triu(th.shared_rival(path))))} == {(0, 2), (1, 3)}
    rng = np.random.default_rng(0)
    r = rng.random((40, 40)) < 0.1
    r = (r | r.T) & ~np.eye(40, dtype=bool)
    s = th.shared_rival(r)
    brute = np.array([[a != b and bool((r[a] & r[b]).any()) for b in range(40)] for a in range(40)])
    assert np.array_equal(s, brute) and np.array_equal(s, s.T)
    with pytest.raises(ValueError, match="square"):
        th.shared_rival(np.zeros((2, 3), bool))


def test_a_successor_takes_up_its_predecessors_pairs_but_not_with_its_siblings_or_its_parent():
    """Vienna Convention 1978, art. 34: the Czech Republic (1993) and Germany are Czechoslovakia's (1918) old pair; the Czech
    Republic and Slovakia, or Croatia and Serbia, its parent, a new one; a successor and a state born later a new one."""
    code_a, code_b = np.array([316, 316, 344, 344, 344]), np.array([255, 317, 345, 200, 626])
    pred_a, pred_b = np.array([315, 315, 345, 345, 345]), np.array([-1, 315, -1, -1, 625])
    related = th.related_pairs(code_a, code_b, pred_a, pred_b)
    assert related.tolist() == [False, True, True, False, False]
    entered_a, entered_b = np.array([1993, 1993, 1992, 1992, 1992.0]), np.array([1816, 1993, 1878, 1816, 2011.0])
    inherited_a, inherited_b = np.array([1918, 1918, 1878, 1878, 1878.0]), np.array([1816, 1918, 1878, 1816, 1956.0])
    age = th.succession_pair_age(2012, entered_a, entered_b, inherited_a, inherited_b, related)
    assert age.tolist() == [2012 - 1918, 19.0, 20.0, 2012 - 1878, 2012 - 1956]  # Croatia-UK: Serbia's pair (1878); Croatia-South Sudan: Sudan's (1956)
    no_lineage = th.succession_pair_age(2012, entered_a, entered_b, entered_a, entered_b, np.zeros(5, bool))  # inherited = own entry
    assert no_lineage.tolist() == [19.0, 19.0, 20.0, 20.0, 1.0]  # the relationship age of the two entries
    assert th.new_pair(age, years=2.0)[1] == th.new_pair(19.0, years=2.0) and th.new_pair(age, years=2.0)[0] < 1e-20


def test_the_weak_link_is_the_lower_democracy_score_of_the_pair_and_symmetric():
    """Dixon (1994), Oneal & Russett (1997): a pair is as democratic as its less democratic state (rivalry20's candidate onset term)."""
    a, b = np.array([0.9, 0.1, 0.5, 0.0]), np.array([0.2, 0.8, 0.5, 1.0])
    assert th.democracy_weak_link(a, b).tolist() == [0.2, 0.1, 0.5, 0.0]
    assert np.array_equal(th.democracy_weak_link(a, b), th.democracy_weak_link(b, a))
