"""foedus.theory.war_onset: the dyadic war-onset hazard (Bremer 1992), the casus foederis by reach, opportunistic entry."""

import doctest

import numpy as np
import pytest

from foedus.sim.parameters import Parameters
from foedus.theory import war_onset
from foedus.theory.war_onset import WAR_ONSET_TERMS, casus_arises, log_distance, opportunistic_join_probability, reach, war_onset_hazard

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(war_onset, raise_on_error=False).failed == 0


def _h(**x):
    p = Parameters()
    base = {"contiguous": 0, "log_distance": 0.0, "any_major": 0, "parity": 0.5, "rival": 0, "war_history": 0.0, "joint_democracy": 0, "defence_pact": 0, "joint_nuclear": 0, "conquest_norm": 0}
    base.update(x)
    return float(war_onset_hazard(*(base[t] for t in WAR_ONSET_TERMS), intercept=p.war_onset_intercept, coefficients=p.war_onset_coefficients()))


def test_the_hazard_is_the_logit_and_each_term_multiplies_the_odds_by_exp_beta():
    """A discrete-time logit hazard (Beck, Katz & Tucker 1998): a unit change of a term multiplies the odds by e^beta."""
    p = Parameters()
    odds = lambda h: h / (1 - h)  # noqa: E731
    for t, b in zip(WAR_ONSET_TERMS, p.war_onset_coefficients()):
        assert odds(_h(**{t: 1})) / odds(_h(**{t: 0})) == pytest.approx(np.exp(b), rel=1e-9), t
    eta = p.war_onset_intercept + 0.5 * p.war_onset_parity
    assert _h() == pytest.approx(1 / (1 + np.exp(-eta)), rel=1e-12)


def test_dangerous_dyads_as_bremer_and_vasquez_name_them():
    """Bremer (1992): contiguity and major-power status raise the odds of war, joint democracy lowers them;
    Vasquez (1993): rivals fight; the loss-of-strength gradient: distance lowers them. The defaults carry these signs."""
    assert _h(contiguous=1) > _h() and _h(any_major=1) > _h() and _h(rival=1) > _h() and _h(war_history=1.0) > _h()
    assert _h(joint_democracy=1) < _h() and _h(log_distance=float(log_distance(10000.0))) < _h()


@pytest.mark.xfail(strict=True, reason="about 87 times since the conquest norm's term entered the fit (2026-12) and took part of "
                   "distance's weight; above 100 before")
def test_contiguous_rival_great_powers_are_a_hundred_times_a_distant_minor_pair():
    """Bremer (1992), Vasquez (1993): contiguous rival great powers are the most dangerous pair, more than a hundred
    times a distant minor pair at the defaults."""
    assert _h(contiguous=1, any_major=1, rival=1) > 100 * _h(log_distance=float(log_distance(8000.0)))


def test_log_distance_is_zero_for_neighbours_and_grows_as_the_log():
    assert log_distance(0.0) == 0.0
    assert log_distance(np.e * 1000 - 1000) == pytest.approx(1.0)
    assert np.all(np.diff(log_distance([0, 500, 2000, 9000])) > 0)


def test_reach_is_bueno_de_mesquitas_loss_of_strength_gradient_relative_to_home():
    """Bueno de Mesquita (1981): c ** (x(d) - x(0)), x = log10(miles / 250 + 10 - e); 1 at home, a great power keeps more far away."""
    c, km = 0.2, 8000.0
    x = np.log10(km / 1.609344 / 250 + 10 - np.e) - np.log10(10 - np.e)
    assert reach(c, km) == pytest.approx(c**x, rel=1e-12)
    assert reach(0.3, 0.0) == 1.0 and reach(0.0, 100.0) == 0.0
    assert reach(0.2, 5000.0) > reach(0.01, 5000.0) and reach(0.2, 2000.0) > reach(0.2, 5000.0)


def test_the_casus_foederis_arises_with_reach_and_rejects_bad_input():
    assert casus_arises([0.0, 0.3, 1.0]).tolist() == [0.0, 0.3, 1.0]
    with pytest.raises(ValueError, match="reach"):
        casus_arises([1.5])


def test_an_opportunist_must_be_a_rival_within_reach():
    """Schweller (1994), Vasquez (1993): no rivalry, no opportunistic entry; the probability scales with reach and rate."""
    p = opportunistic_join_probability(0.2, [1.0, 0.5, 0.0, 1.0], [1, 1, 1, 0])
    assert p.tolist() == [0.2, 0.1, 0.0, 0.0]
    with pytest.raises(ValueError, match="reach"):
        opportunistic_join_probability(0.2, [-0.1], [1])


def test_allies_and_jointly_nuclear_pairs_fight_less():
    """Bremer (1992): allied dyads are less war-prone; the nuclear peace (Waltz 1981; Jo & Gartzke 2007): jointly nuclear
    dyads too. The in-sample fit carries both signs (their strength is the estimate's, see the parameters)."""
    assert _h(defence_pact=1) < _h() and _h(joint_nuclear=1) < _h()
    assert _h(defence_pact=1, joint_nuclear=1) < _h(defence_pact=1)


def test_the_territorial_integrity_norm_lowers_the_odds_of_wars_of_conquest_only():
    """Zacher (2001), Fazal (2007): after 1945 major powers no longer conquer distant states; the term concerns a major
    power and a state it neither borders nor rivals, and the in-sample fit lowers their odds."""
    from foedus.theory.war_onset import conquest_norm_term

    assert _h(any_major=1, conquest_norm=1) < _h(any_major=1)
    assert conquest_norm_term(True, True, False, False) and not conquest_norm_term(False, True, False, False)
    assert not conquest_norm_term(True, True, True, False) and not conquest_norm_term(True, True, False, True)
    assert not conquest_norm_term(True, False, False, False)


def _p(**d):
    base = {"log_capability": 0.0, "major": 0.0, "democracy": 0.0}
    base.update(d)
    return float(war_onset.initiation_probability(*(base[t] for t in war_onset.INITIATION_TERMS), coefficients=Parameters().initiation_coefficients()))


def test_who_initiates_is_a_paired_comparison_the_two_sides_summing_to_one():
    """The conditional logit of the differences: P(i, j) + P(j, i) = 1, a coin flip between identical states, and a unit
    difference multiplies the odds by e^gamma (Bremer 1992's directed dyads; Bennett & Stam 2004)."""
    rng = np.random.default_rng(0)
    ci, cj = rng.uniform(0.001, 0.3, 50), rng.uniform(0.001, 0.3, 50)
    mi, mj, di, dj = (rng.random(50) < 0.5 for _ in range(4))
    coef = Parameters().initiation_coefficients()
    fwd = war_onset.initiation_probability(*war_onset.initiation_terms(ci, cj, mi, mj, di, dj).values(), coefficients=coef)
    back = war_onset.initiation_probability(*war_onset.initiation_terms(cj, ci, mj, mi, dj, di).values(), coefficients=coef)
    np.testing.assert_allclose(fwd + back, 1.0, rtol=1e-12)
    assert _p() == 0.5
    odds = lambda q: q / (1 - q)  # noqa: E731
    for t, g in zip(war_onset.INITIATION_TERMS, coef):
        assert odds(_p(**{t: 1.0})) == pytest.approx(np.exp(g), rel=1e-9), t


def test_major_powers_initiate_and_democracies_initiate_less_at_the_defaults():
    """Bremer (1992): major powers are the initiators; democracies less often (Bennett & Stam 2004)."""
    assert _p(major=1.0) > 0.8 and _p(democracy=1.0) < 0.5 and _p(major=1.0, democracy=-1.0) > 0.9


def test_initiation_terms_need_positive_capabilities():
    with pytest.raises(ValueError, match="positive"):
        war_onset.initiation_terms([0.0], [0.1], [0], [0], [0], [0])


def test_the_reach_to_a_war_is_the_reach_to_the_nearer_belligerent():
    """Siverson & Starr (1991): a warring neighbour on either side gives the opportunity; 1 beside either belligerent."""
    to_enemy, to_partner = reach([0.01, 0.01], [9000.0, 0.0]), reach([0.01, 0.01], [0.0, 9000.0])
    np.testing.assert_array_equal(war_onset.reach_to_war(to_enemy, to_partner), [1.0, 1.0])
    far = war_onset.reach_to_war(reach(0.01, 9000.0), reach(0.01, 8000.0))
    assert float(far) == pytest.approx(float(reach(0.01, 8000.0))) and far < 0.1
    with pytest.raises(ValueError, match="reach"):
        war_onset.reach_to_war([1.5], [0.2])
