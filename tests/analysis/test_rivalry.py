"""The rivalry hazards estimated on the record (foedus.analysis.rivalry): the simulator's defaults, in and out of sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.rivalry import (
    IN_SAMPLE,
    estimate_rivalry_hazards,
    fit_logit,
    hazard_rates,
    profile_reach,
    rivalry_dyad_years,
)
from foedus.sim.parameters import Parameters
from foedus.theory import rivalry as th

ERAS = [(1816, 1914), (1919, 1938), (1946, 1989), (1990, 2010)]
FACTOR = 2.0
"""Tolerance on a rate: predicted within x/÷ 2 of the record's (the validation issue's tolerance on rates)."""


@pytest.fixture(scope="module")
def dyad_years():
    return rivalry_dyad_years(contact_km=Parameters().rivalry_contact_km)  # the simulator's risk set (beyond contact: none)


@pytest.fixture(scope="module")
def fit(dyad_years):
    return estimate_rivalry_hazards(dyad_years)  # the in-sample eras, IN_SAMPLE


@pytest.fixture(scope="module")
def record_dyad_years():
    return rivalry_dyad_years(security_community=False)  # every pair of the record at risk, those beyond contact and democratic allies included


@pytest.fixture(scope="module")
def record_fit(record_dyad_years):
    return estimate_rivalry_hazards(record_dyad_years)


def test_the_dyad_years_hold_the_record_rivalries_and_their_events(dyad_years):
    dy = dyad_years
    assert dy["year"].between(1816, 2010).all() and (dy["ccode1"] < dy["ccode2"]).all()
    # India-Pakistan (750, 770): rivals from 1947, an onset in 1947 (both members from 1947)
    ip = dy[(dy["ccode1"] == 750) & (dy["ccode2"] == 770)].set_index("year")
    assert ip.loc[1947, "onset"] and ip.loc[1960, "rival"] and not ip.loc[1960, "onset_risk"]
    # US-Russia: rivals 1945-1989 and again from 2007 (Thompson & Dreyer 99 and 197)
    us = dy[(dy["ccode1"] == 2) & (dy["ccode2"] == 365)]
    assert us.loc[us["onset"], "year"].tolist() == [1945, 2007] and us.loc[us["end"], "year"].tolist() == [1989]
    # France-Prussia/Germany (1756-1955): Germany leaves the system in 1945, so the rivalry is censored, not ended
    fg = dy[(dy["ccode1"] == 220) & (dy["ccode2"] == 255)]
    assert fg.loc[fg["rival"], "year"].max() == 1944 and not fg["end"].any() and not fg["onset"].any()
    assert not (dy["onset"] & ~dy["onset_risk"]).any() and not (dy["end"] & ~dy["end_risk"]).any()


def test_the_dyad_years_carry_distance_between_minor_states_and_the_regime_shift(dyad_years):
    dy = dyad_years.set_index(["year", "ccode1", "ccode2"])
    assert dy.loc[(1990, 91, 92), "distance_km"] == 0.0 and not dy.loc[(1990, 91, 92), "out_of_reach"]  # Honduras-El Salvador share a border
    assert dy.loc[(1990, 2, 20), "distance_km"] == 0.0 and not dy.loc[(1990, 2, 255), "out_of_reach"]  # a great power is never out of reach
    assert dy.loc[(1990, 41, 750), "distance_km"] > 9000.0 and dy.loc[(1990, 41, 750), "out_of_reach"]  # Haiti-India
    assert not dy.loc[(1990, 41, 750), "onset_risk"] and dy.loc[(1990, 41, 42), "onset_risk"]  # beyond contact; Haiti-Dominican Republic
    assert 1000.0 < dy.loc[(1850, 220, 230), "distance_km"] < 1100.0  # before CShapes (1886): Paris-Madrid, great circle
    # Poland (290) became a democracy in 1989-1990 (V-Dem 0.22 -> 0.78): a shock, fading as the reference catches up
    pol = dyad_years[(dyad_years["ccode1"] == 290) & (dyad_years["ccode2"] == 365)].set_index("year")["regime_shift"]
    assert pol.loc[1990] > 0.3 and pol.loc[2000] < pol.loc[1991] / 3


def test_the_simulator_carries_the_in_sample_fit_as_its_defaults(fit):
    assert IN_SAMPLE == ((1816, 1914), (1946, 1989))
    p = Parameters()
    on, end = fit.onset, fit.termination
    assert on.terms == th.ONSET_TERMS and end.terms == th.TERMINATION_TERMS
    assert on.intercept == pytest.approx(p.rivalry_onset_intercept, abs=1e-3)
    np.testing.assert_allclose(on.coefficients, p.rivalry_onset_coefficients(), atol=1e-3)
    assert end.intercept == pytest.approx(p.rivalry_end_intercept, abs=1e-3)
    np.testing.assert_allclose(end.coefficients, p.rivalry_end_coefficients(), atol=1e-3)
    assert (on.n, on.events, end.n, end.events) == (111741, 92, 4527, 55)  # the dyad-years of democracies sharing an alliance out of the risk set (113,403 when only those sharing a defence pact were; democ21)


def _z(h):
    return dict(zip(h.terms, np.divide(h.coefficients, h.std_errors)))


def test_onsets_need_contact_and_are_driven_by_contiguity_parity_and_wars(record_fit, fit):
    """On every pair of the record at risk (the claims of the record's fit, as before the simulator's risk set left out the
    pairs beyond contact); on that risk set the reach term keeps its sign and strength."""
    z = _z(record_fit.onset)
    # log parity z > 2.5: with one_major_reach (rivalry12) its slope among great power-minor pairs is carried by two terms (z 3.6 before)
    # contiguity z > 2.5: beside minor_distance it contrasts a border with a minor pair at distance 0 (z 2.7; 6 or more before rivalry12)
    assert z["contiguous"] > 2.5 and z["log_parity"] > 2.5 and z["war_history"] > 3
    assert z["joint_democracy"] < -1.5  # -1.76 (was < -2 before the new-pair term: the states born in 1946-1975 were seldom democracies; with democratic allies out of the risk set, -0.69, the gate carries the rest)
    # Thompson 2001: minor states are rivals of those within reach. Beside minor_distance, the log-distance gradient (rivalry12), the step
    # beyond the reach keeps its sign (z -5.5 alone; -2.8 with the gradient on the simulator's risk set)
    assert z["out_of_reach"] < -2 and z["minor_distance"] < -3
    assert _z(fit.onset)["out_of_reach"] < -2 and _z(fit.onset)["minor_distance"] < -3  # -2.24 and -3.5 with contact at 2,500 km


def test_rivalries_begin_at_the_birth_of_states_and_the_term_improves_both_held_out_eras(fit, dyad_years):
    """Beck, Katz & Tucker (1998): the onset hazard depends on the time the pair has been at risk. Rivalries begin when states
    are born (theory.rivalry.new_pair): z > 10 in sample, and the fit with the term predicts the held-out eras' onsets better
    than the fit without it (log-likelihood of 1919-1938 and 1990-2010). The defence-pact term (Deutsch 1957, Bremer 1992), -0.60
    (z -2.3) without it, is about 0 with it: states just born are not allied yet, and the pact stood in for the pair's age."""
    from foedus.analysis.rivalry import _fit, log_likelihood

    z = _z(fit.onset)
    assert z["new_pair"] > 10 and abs(z["defence_pact"]) < 2
    without = _fit(dyad_years, "onset_risk", "onset", tuple(t for t in th.ONSET_TERMS if t not in ("new_pair", "one_major_new_pair")), IN_SAMPLE)
    assert _z(without)["defence_pact"] < -2
    for era in ((1919, 1938), (1990, 2010)):
        assert log_likelihood(fit.onset, dyad_years, "onset_risk", "onset", [era]) > log_likelihood(without, dyad_years, "onset_risk", "onset", [era]) + 5


def test_no_two_democratic_allies_ever_began_a_rivalry(record_dyad_years, dyad_years):
    """Deutsch (1957)'s security community, the gate of theory.rivalry.security_community: no onset in the record's 14,000
    dyad-years of democracies sharing a defence pact (4,395 in sample), nor in its 26,536 of democracies sharing an alliance of
    any obligation (12,035 of them without a defence pact; Adler & Barnett 1998: democracies with dense ties, not a pact alone;
    democ21), so the simulator's risk set leaves them out."""
    dy = record_dyad_years
    sc = (dy["joint_democracy"] & dy["defence_pact"] & dy["onset_risk"]).to_numpy()
    assert sc.sum() > 14000 and not dy.loc[sc, "onset"].any()
    tied = (dy["joint_democracy"] & dy["shared_alliance"] & dy["onset_risk"]).to_numpy()
    assert tied.sum() > 26000 and (tied & ~dy["defence_pact"].to_numpy()).sum() > 12000 and not dy.loc[tied, "onset"].any()
    assert (dy["defence_pact"] <= dy["shared_alliance"]).all()  # a defence pact is an alliance
    # the record's onsets between two democracies (Poland-Czechoslovakia 1920, Argentina-Britain 1965) are of pairs without an alliance
    dem = dy[(dy["joint_democracy"] & dy["onset"]).to_numpy()]
    assert len(dem) >= 2 and not dem["shared_alliance"].any()
    assert not (dyad_years["joint_democracy"] & dyad_years["shared_alliance"] & dyad_years["onset_risk"]).any()


def test_the_new_pair_decay_is_chosen_on_the_in_sample_likelihood(dyad_years):
    from foedus.analysis.rivalry import profile_new_pair

    ll = profile_new_pair(dyad_years, (1.0, 2.0, 5.0))
    assert ll[2.0] > ll[5.0] + 5 and ll[1.0] - ll[2.0] < 1.0  # 2 years within one unit of the best (1), 5 years far below
    assert Parameters().rivalry_new_pair_years == 2.0


def test_the_reach_is_chosen_on_the_in_sample_likelihood(record_dyad_years):
    ll = profile_reach(record_dyad_years, (241.0, 1000.0, 1500.0, 2500.0))
    # 1,500 km the best of the nearer reaches, and within one unit of 2,500 km, on every pair of the record (it was 20 units above the
    # nearer ones before minor_distance, the log-distance gradient, took the distance of minor states near each other; it tied 2,500 km
    # before the new-pair term); on the simulator's risk set (contact 2,500 km) 1,500 km is the best (tools/rivalry_fit.py)
    assert ll[1500.0] > max(ll[241.0], ll[1000.0]) + 4 and ll[1500.0] > ll[2500.0] - 1


def test_a_regime_shift_raises_termination(fit, dyad_years):
    assert _z(fit.termination)["regime_shift"] > 1.5  # in sample (55 ends)
    assert _z(estimate_rivalry_hazards(dyad_years, (1816, 2010)).termination)["regime_shift"] > 2.5  # the whole record (106 ends)


def test_the_fit_reproduces_the_record_rates_in_sample(fit, dyad_years):
    for h, risk, event in ((fit.onset, "onset_risk", "onset"), (fit.termination, "end_risk", "end")):
        observed, predicted, _ = hazard_rates(h, dyad_years, risk, event, IN_SAMPLE)
        assert predicted == pytest.approx(observed, rel=0.05)
    for era in IN_SAMPLE:  # onset, era by era, within the tolerance
        observed, predicted, _ = hazard_rates(fit.onset, dyad_years, "onset_risk", "onset", era)
        assert 1 / FACTOR <= predicted / observed <= FACTOR, era


def test_termination_in_sample_era_by_era(fit, dyad_years):
    # ends were 3.4 times as frequent in 1946-1989 as in 1816-1914 (0.0195 vs 0.0058 a rivalry-year): the pooled fit holds both within x/÷ 2
    for era in IN_SAMPLE:
        observed, predicted, _ = hazard_rates(fit.termination, dyad_years, "end_risk", "end", era)
        assert 1 / FACTOR <= predicted / observed <= FACTOR, era


def test_held_out_1919_1938_onset_and_termination_within_the_tolerance(fit, dyad_years):
    for h, risk, event in ((fit.onset, "onset_risk", "onset"), (fit.termination, "end_risk", "end")):
        observed, predicted, events = hazard_rates(h, dyad_years, risk, event, (1919, 1938))
        assert events > 5 and 1 / FACTOR <= predicted / observed <= FACTOR, event


@pytest.mark.xfail(strict=True, reason="known gap, held out: after the Cold War onsets fell to 0.00026 a pair-year at risk (18 onsets) and ends "
                   "rose to 0.030 a rivalry-year (30 ends); the in-sample fit predicts 1.41 times as many onsets (1.85 before successor states took up their predecessors' pairs, 2.0 before the relevance terms and the contact of 2,500 km, 2.1 before the new-pair term) and 0.45 of the ends (0.38 before rivalry18's new-pledge term)")
def test_held_out_1990_2010_within_the_tolerance(fit, dyad_years):
    for h, risk, event in ((fit.onset, "onset_risk", "onset"), (fit.termination, "end_risk", "end")):
        observed, predicted, _ = hazard_rates(h, dyad_years, risk, event, (1990, 2010))
        assert 1 / FACTOR <= predicted / observed <= FACTOR, event


def test_firth_logit_recovers_known_coefficients_and_stays_finite_under_separation():
    rng = np.random.default_rng(0)
    x = np.column_stack([np.ones(20000), rng.normal(size=20000)])
    y = (rng.random(20000) < 1 / (1 + np.exp(-(-1.0 + 0.7 * x[:, 1])))).astype(float)
    beta, se = fit_logit(x, y)
    assert abs(beta[0] + 1.0) < 3 * se[0] and abs(beta[1] - 0.7) < 3 * se[1]
    sep = np.column_stack([np.ones(40), np.r_[np.zeros(20), np.ones(20)]])
    beta, _ = fit_logit(sep, np.r_[np.zeros(10), np.ones(10), np.ones(20)])  # x = 1 always an event: ML diverges
    assert np.isfinite(beta).all() and beta[1] > 2


def test_onsets_need_relevance_and_the_relevance_terms_pass_the_likelihood_ratio_test(fit, dyad_years):
    """Thompson (2001), Maoz & Russett (1993), Lemke (2002): rivals can threaten each other. On the record's in-sample eras the three
    relevance terms (theory.rivalry.minor_distance; one_major_part of log parity and of the new-pair term) raise the onset
    log-likelihood by 13.0 (likelihood ratio 26.0 on 3 df, p 9e-6); few onsets fall to pairs that are not politically relevant
    (16 of 92, all within rivalry_contact_km, 2,500 km, beyond which the record has none), and none to a great power and a state in
    its first years. Measured only: the held-out eras' likelihood rises too."""
    from scipy.stats import chi2

    from foedus.analysis.rivalry import _fit, log_likelihood

    relevance = ("minor_distance", "one_major_reach", "one_major_new_pair")
    without = _fit(dyad_years, "onset_risk", "onset", tuple(t for t in th.ONSET_TERMS if t not in relevance), IN_SAMPLE)
    lr = 2 * (log_likelihood(fit.onset, dyad_years, "onset_risk", "onset", IN_SAMPLE) - log_likelihood(without, dyad_years, "onset_risk", "onset", IN_SAMPLE))
    assert lr > 20 and chi2.sf(lr, 3) < 1e-4
    z = _z(fit.onset)
    assert z["minor_distance"] < -3 and z["one_major_reach"] > 2 and fit.onset.coefficients[th.ONSET_TERMS.index("one_major_new_pair")] < -2
    dy = dyad_years[dyad_years["onset_risk"] & np.logical_or.reduce([dyad_years["year"].between(a, b) for a, b in IN_SAMPLE])]
    major = dy["major_pair"] | dy["one_major"]
    irrelevant = ~major & ~dy["contiguous"] & (dy["distance_km"] > th.MARITIME_KM)  # Maoz & Russett's rule, 150 miles of water
    assert dy.loc[irrelevant, "onset"].sum() == 16 and dy["onset"].sum() == 92
    assert dy.loc[irrelevant, "onset"].mean() < dy.loc[~irrelevant, "onset"].mean() / 4
    assert not dy.loc[dy["one_major"] & (dy["new_pair"] > 0.3), "onset"].any()
    for era in ((1919, 1938), (1990, 2010)):
        assert log_likelihood(fit.onset, dyad_years, "onset_risk", "onset", [era]) > log_likelihood(without, dyad_years, "onset_risk", "onset", [era])


def test_no_two_minor_states_without_a_border_beyond_the_contact_distance_began_a_rivalry_in_sample(record_dyad_years):
    """theory.rivalry.beyond_contact at rivalry_contact_km (2,500 km): the record has no such onset in the in-sample eras (the two of
    1816-2010 beyond 5,000 km came across colonial borders, USA-Spain 1816 in sample, Netherlands-Indonesia 1951), none between 2,500
    and 5,000 km in any era, and its farthest in-sample onset of two minor states without a border is Angola-South Africa 1975."""
    dy = record_dyad_years
    p = Parameters()
    assert p.rivalry_contact_km == 2500.0
    minor = ~(dy["major_pair"] | dy["one_major"]) & ~dy["contiguous"] & dy["onset_risk"]
    band = minor & dy["distance_km"].between(p.rivalry_contact_km, 5000.0, inclusive="right")
    assert band.sum() > 130000 and not dy.loc[band, "onset"].any()
    near = dy[minor & dy["onset"] & (dy["distance_km"] <= 5000.0)]
    far = near.loc[near["distance_km"].idxmax()]
    assert (far["year"], far["ccode1"], far["ccode2"]) == (1975, 540, 560) and 2400 < far["distance_km"] < p.rivalry_contact_km



def test_the_record_supports_a_common_rival_but_not_new_pairs_by_neighbourhood_nor_democratic_neighbours(fit, dyad_years):
    """rivalry13, in sample, each term added alone to the onset terms (likelihood ratio on 1 df): a rival in common
    (theory.rivalry.shared_rival; Diehl & Goertz 2000, ch. 12) passes at p < 0.001 and lies above the fit without it in both
    eras; the new-pair term by contiguity or by minor_distance, and joint democracy of neighbours, do not (p > 0.3). None is
    carried (the common rival cost in-sample facts in the simulator: theory.rivalry's module docstring)."""
    from scipy.stats import chi2

    from foedus.analysis.rivalry import _fit, log_likelihood

    assert "shared_rival" not in th.ONSET_TERMS
    base = log_likelihood(fit.onset, dyad_years, "onset_risk", "onset", IN_SAMPLE)

    def lr(x):
        h = _fit(dyad_years.assign(_c=x), "onset_risk", "onset", th.ONSET_TERMS + ("_c",), IN_SAMPLE)
        return 2 * (log_likelihood(h, dyad_years.assign(_c=x), "onset_risk", "onset", IN_SAMPLE) - base), h

    shared = dyad_years["shared_rival"].to_numpy(float)
    ratio, h = lr(shared)
    assert chi2.sf(ratio, 1) < 1e-3 and h.coefficients[-1] / h.std_errors[-1] > 3
    p0 = fit.onset.hazard(dyad_years)
    for a, b in IN_SAMPLE:
        m = (dyad_years["onset_risk"] & dyad_years["year"].between(a, b) & dyad_years["shared_rival"]).to_numpy()
        assert dyad_years.loc[m, "onset"].sum() > 1.5 * p0[m].sum()
    for x in (dyad_years["new_pair"].to_numpy(float) * dyad_years["contiguous"].to_numpy(float),
              dyad_years["new_pair"].to_numpy(float) * dyad_years["minor_distance"].to_numpy(float),
              (dyad_years["joint_democracy"] & dyad_years["contiguous"]).to_numpy(float)):
        assert chi2.sf(lr(x)[0], 1) > 0.3


def test_the_record_gives_great_powers_no_fewer_rivals_among_the_minor_states_of_other_regions(fit, dyad_years):
    """rivalry17, in sample: Germany-Egypt or Austria-Hungary-Ecuador, born in runs, are a great power and a minor state of
    another region, but the record's great powers began *more* rivalries with such states than the onset fit expects (rising
    powers and colonial contact: USA-Britain 1816 ... Argentina-Britain 1965), and fewer with the minor states of their own
    region; the term that would restrict them, added alone, comes out positive. So no such restriction is carried
    (theory.rivalry's module docstring)."""
    from foedus.analysis.rivalry import _fit
    from foedus.theory.regions import cow_region

    one = dyad_years["one_major"].to_numpy(bool)
    other = one & (cow_region(dyad_years["ccode1"].to_numpy()) != cow_region(dyad_years["ccode2"].to_numpy()))
    p0 = fit.onset.hazard(dyad_years)
    ins = np.zeros(len(dyad_years), bool)
    for a, b in IN_SAMPLE:
        ins |= dyad_years["year"].between(a, b).to_numpy()
    risk = dyad_years["onset_risk"].to_numpy(bool) & ins
    onset = dyad_years["onset"].to_numpy(bool)
    assert onset[risk & other].sum() > p0[risk & other].sum(), (onset[risk & other].sum(), p0[risk & other].sum())
    assert onset[risk & one & ~other].sum() < p0[risk & one & ~other].sum()
    h = _fit(dyad_years.assign(_c=other.astype(float)), "onset_risk", "onset", th.ONSET_TERMS + ("_c",), IN_SAMPLE)
    assert h.coefficients[-1] > 0


def test_a_new_pledge_of_non_aggression_between_rivals_ends_rivalries_in_sample(fit, dyad_years):
    """Lupu & Poast (2016): states leaving a rivalry sign non-aggression pacts; Goertz & Diehl (1995): rivalries end after a shock.
    Rivals that came to share ATOP's non-aggression obligation without a defence pact within three years ended 4 rivalries in 59
    in-sample dyad-years (Central America 1907, the Balkan Pact 1953, the two Germanies 1973, Angola and South Africa 1988), those
    pledged longer 1 in 99: theory.rivalry.new_pledge at rivalry_pledge_years 2 is +2.66 (s.e. 0.60), likelihood ratio 10.2 on 1
    df, the decay chosen on the in-sample profile (rivalry18). Held out, measured only: 1990-2010 better, 1919-1938 worse by 0.6."""
    from scipy.stats import chi2

    from foedus.analysis.rivalry import _fit, log_likelihood

    without = _fit(dyad_years, "end_risk", "end", th.TERMINATION_TERMS[:-1], IN_SAMPLE)
    assert th.TERMINATION_TERMS[-1] == "new_nonaggression_pact"
    lr = 2 * (log_likelihood(fit.termination, dyad_years, "end_risk", "end", IN_SAMPLE) - log_likelihood(without, dyad_years, "end_risk", "end", IN_SAMPLE))
    assert lr > 9 and chi2.sf(lr, 1) < 0.005
    assert _z(fit.termination)["new_nonaggression_pact"] > 4
    dy = dyad_years[dyad_years["end_risk"] & np.logical_or.reduce([dyad_years["year"].between(a, b) for a, b in IN_SAMPLE])]
    new, old = (dy["pledge_age"] < 3).to_numpy(), (dy["pledge_age"] >= 3).to_numpy()
    assert (new.sum(), dy.loc[new, "end"].sum(), old.sum(), dy.loc[old, "end"].sum()) == (59, 4, 99, 1)
    assert log_likelihood(fit.termination, dyad_years, "end_risk", "end", [(1990, 2010)]) > log_likelihood(without, dyad_years, "end_risk", "end", [(1990, 2010)])
    # the profile of the decay: 2 years within one unit of log-likelihood of the best
    ll = {}
    for tau in (1.0, 2.0, 3.0, 5.0, 10.0):
        z = dyad_years.assign(new_nonaggression_pact=th.new_pledge(dyad_years["pledge_age"].to_numpy(), dyad_years["nonaggression_pact"].to_numpy(), years=tau))
        ll[tau] = log_likelihood(_fit(z, "end_risk", "end", th.TERMINATION_TERMS, IN_SAMPLE), z, "end_risk", "end", IN_SAMPLE)
    assert Parameters().rivalry_pledge_years == 2.0 and ll[2.0] > max(ll.values()) - 1 and ll[2.0] > ll[5.0] > ll[10.0]


def test_the_record_gives_old_rivalries_no_lower_termination_hazard_than_the_fit_without_age(fit, dyad_years):
    """Colaresi, Rasler & Thompson (2007) on duration dependence: measured on Thompson & Dreyer's start years (before 1816 where they
    say so), the in-sample ends of rivalries 40 years old or more (20) and of those under 10 (14) both lie within the Poisson 99 %
    band of what the fit without the rivalry's age predicts (22.6 and 11.2 before rivalry18's term): no age term is carried (rivalry18)."""
    from scipy.stats import poisson

    from foedus.analysis.rivalry import _in_eras
    from foedus.data.paths import default_data_dir
    from foedus.data.snapshot_fields import table

    td = table(default_data_dir(), "td")
    td = td.assign(ccode1=np.minimum(td["ccode1"], td["ccode2"]), ccode2=np.maximum(td["ccode1"], td["ccode2"]))[["ccode1", "ccode2", "start_year", "end_year"]]
    dy = dyad_years[dyad_years["end_risk"].to_numpy(bool) & _in_eras(dyad_years, IN_SAMPLE)].merge(td, on=["ccode1", "ccode2"])
    dy = dy[(dy["start_year"] <= dy["year"]) & (dy["end_year"] >= dy["year"])].drop_duplicates(["year", "ccode1", "ccode2"])
    assert dy["end"].sum() == fit.termination.events  # every in-sample rivalry-year has its spell
    age = (dy["year"] - dy["start_year"]).to_numpy()
    h = fit.termination.hazard(dy)
    for group in (age >= 40, age < 10):
        observed, expected = int(dy.loc[group, "end"].sum()), float(h[group].sum())
        assert poisson.ppf(0.005, expected) <= observed <= poisson.ppf(0.995, expected), (observed, expected)


def test_the_weak_link_of_democracy_fits_the_record_better_than_the_dummy_and_is_not_carried(fit, dyad_years):
    """rivalry20 (theory.rivalry's module docstring): the weak link (Dixon 1994) in place of ``joint_democracy``, at the same degrees of
    freedom, fits the in-sample eras better (-517.84 against -518.87) and 1990-2010, held out, better still (-106.38 against -110.28);
    it is not carried because in the simulator it lost in-sample facts on three seed sets."""
    from foedus.analysis.rivalry import _fit, log_likelihood

    assert "democracy_weak_link" not in th.ONSET_TERMS
    alt_dy = dyad_years.assign(joint_democracy=dyad_years["democracy_weak_link"])
    alt = _fit(alt_dy, "onset_risk", "onset", th.ONSET_TERMS, IN_SAMPLE)
    assert alt.coefficients[th.ONSET_TERMS.index("joint_democracy")] < 0

    def ll(h, df, eras):
        return log_likelihood(h, df, "onset_risk", "onset", eras)

    assert ll(alt, alt_dy, IN_SAMPLE) > ll(fit.onset, dyad_years, IN_SAMPLE) + 0.5
    assert ll(alt, alt_dy, [(1990, 2010)]) > ll(fit.onset, dyad_years, [(1990, 2010)]) + 2


def test_no_two_minor_states_of_two_regions_began_a_rivalry(record_dyad_years, fit):
    """theory.rivalry_gates.cross_region_minor at rivalry_region_km (rival22; Lemke 2002, Buzan & Waever 2003): the record has no onset
    between two minor states without a border, farther apart than 150 miles of water and of two Correlates of War regions, in its
    35,289 dyad-years 1816-2010 within rivalry_contact_km, where the fitted hazard expects 3.0 in sample (Poisson p 0.05), while the
    same pairs of one region began 16 rivalries in sample where it expects 14.6."""
    from foedus.theory.regions import cow_region
    from foedus.theory.rivalry_gates import cross_region_minor

    dy = record_dyad_years
    p = Parameters()
    assert p.rivalry_region_km == pytest.approx(th.MARITIME_KM, abs=0.1)
    major = (dy["major_pair"] | dy["one_major"]).to_numpy()  # a major power in the pair
    risk = dy["onset_risk"].to_numpy() & ~th.beyond_contact(dy["distance_km"], dy["contiguous"], major, False, contact_km=p.rivalry_contact_km)
    r1, r2 = cow_region(dy["ccode1"].to_numpy()), cow_region(dy["ccode2"].to_numpy())
    apart = risk & cross_region_minor(dy["distance_km"], dy["contiguous"], major, False, r1, r2, near_km=p.rivalry_region_km)
    same = risk & ~major & ~dy["contiguous"].to_numpy() & (dy["distance_km"] > p.rivalry_region_km).to_numpy() & (r1 == r2)
    y = dy["year"].to_numpy()
    ins = np.zeros(len(dy), bool)
    for a, b in IN_SAMPLE:
        ins |= (y >= a) & (y <= b)
    h = fit.onset.hazard(dy)
    assert apart.sum() == 35289 and (apart & ins).sum() == 17929 and not dy.loc[apart, "onset"].any()
    assert h[apart & ins].sum() > 2.9  # the fit, with those pairs at risk, expects 3 onsets in sample: exp(-3) < 0.05
    assert dy.loc[same & ins, "onset"].sum() == 16 and 12 < h[same & ins].sum() < 17  # of one region: as the fit expects


def test_no_two_democracies_that_once_shared_an_alliance_began_a_rivalry(record_dyad_years, fit):
    """theory.rivalry_gates.community_tie at rivalry_community_years (rival22; Deutsch 1957, Adler & Barnett 1998): democracies that
    shared an ATOP alliance before but not in the year began no rivalry in the record, 0 in 2,074 dyad-years 1816-2010 (1,268 within
    50 years of the last shared alliance); the fit expects 1.3 there."""
    from foedus.theory.rivalry_gates import community_tie, last_shared_year

    dy = record_dyad_years.sort_values(["ccode1", "ccode2", "year"])
    shared, year = dy["shared_alliance"].to_numpy(bool), dy["year"].to_numpy(float)
    # each pair's memory, year by year (theory.rivalry_gates.last_shared_year: this year where shared, else last year's)
    last = last_shared_year(np.nan, shared, year)
    last = pd.Series(last).groupby((dy["ccode1"] * 1000 + dy["ccode2"]).to_numpy()).ffill().to_numpy()
    p = Parameters()
    assert p.rivalry_community_years == 50.0
    major = (dy["major_pair"] | dy["one_major"]).to_numpy()
    near = ~th.beyond_contact(dy["distance_km"], dy["contiguous"], major, False, contact_km=p.rivalry_contact_km)
    jd = dy["joint_democracy"].to_numpy(bool) & dy["onset_risk"].to_numpy(bool) & near & ~shared
    ever = jd & np.isfinite(last)
    within = jd & community_tie(shared, last, year, years=p.rivalry_community_years)
    h = fit.onset.hazard(dy)
    assert ever.sum() == 2074 and within.sum() == 1268 and not dy.loc[ever, "onset"].any()
    assert 1.0 < h[ever].sum() < 1.6
