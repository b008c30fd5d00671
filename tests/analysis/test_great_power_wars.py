"""Wars between great powers per great-power pair-year (foedus.analysis.great_power_wars): the record's count, and a run's by the same code."""

import pandas as pd
import pytest

from foedus.analysis.great_power_wars import great_power_war_counts


def test_the_records_great_power_wars_are_the_ones_a_historian_lists():
    """COW wars with a major power on each side: 1853, 1859, 1866, 1870, 1904, 1914; 1938; 1950; none in 1990-2007 (Levy 1983)."""
    from foedus.experiments.eras import record_facts

    f = record_facts("1816-1914")
    assert f["gp_war_onsets_per_gp_pair_year"] == pytest.approx(6 / 1504)
    assert record_facts("1919-1938")["gp_war_onsets_per_gp_pair_year"] == pytest.approx(1 / 369)
    assert record_facts("1946-1989")["gp_war_onsets_per_gp_pair_year"] == pytest.approx(1 / 424)
    assert record_facts("1990-2018")["gp_war_onsets_per_gp_pair_year"] == 0.0


def _history(major_of):
    from types import SimpleNamespace

    rows = [(c, y, 0.1, m) for y in (1900, 1901, 1902) for c, m in major_of(y).items()]
    sy = pd.DataFrame(rows, columns=["ccode", "year", "cinc", "major"]).assign(tier="major")
    return SimpleNamespace(first_year=1900, last_year=1902, state_years=sy)


def test_a_war_counts_when_a_great_power_fights_on_each_side_whenever_it_entered():
    # 2 and 200 great powers throughout, 365 from 1902 on; 70 minor
    h = _history(lambda y: {2: True, 200: True, 365: y >= 1902, 70: False})
    p = pd.DataFrame(
        {
            "war": [0, 0, 1, 1, 1, 2, 2],
            "ccode": [2, 70, 70, 365, 200, 365, 200],
            "side": [1, 2, 1, 2, 1, 1, 1],
            "entry_year": [1900, 1900, 1901, 1901, 1901, 1902, 1902],
            "war_start": [1900, 1900, 1901, 1901, 1901, 1902, 1902],
        }
    )
    # war 0: a great power against a minor; war 1: 365 was not yet a great power; war 2: both great powers on one side
    assert great_power_war_counts(h, p, 1900, 1902) == (0, 1.0 + 1.0 + 3.0)
    p.loc[p["war"] == 2, "side"] = [1, 2]
    assert great_power_war_counts(h, p, 1900, 1902) == (1, 5.0)
    assert great_power_war_counts(h, p, 1900, 1901) == (0, 2.0)


def test_the_records_great_power_allies_of_a_state_a_great_power_attacked_did_not_fight():
    """In sample (1816-1914, 1946-1989): France for Russia 1904, the United States for Taiwan 1954 and 1958 stayed out (0 of 3),
    while minor allies of such states fought in 3 of 11; the Firth entry logit's major-major term is negative, the onset's
    -1.63 within one standard error of it, and its likelihood-ratio statistic small (foedus.theory.war_restraint)."""
    from foedus.analysis.great_power_wars import entry_restraint_dyads, estimate_entry_restraint
    from foedus.sim.parameters import Parameters

    t = entry_restraint_dyads()
    s = t[t["year"].between(1816, 1914) | t["year"].between(1946, 1989)]
    both = s[s["ally_major"] & s["attacker_major"]]
    assert sorted(zip(both["year"], both["ally"], both["target"])) == [(1904, 220, 365), (1954, 2, 713), (1958, 2, 713)]
    assert not both["joined"].any()
    minors = s[~s["ally_major"] & s["attacker_major"]]
    assert (int(minors["joined"].sum()), len(minors)) == (3, 11)
    fit = estimate_entry_restraint(t)
    assert fit.both == pytest.approx(-2.47, abs=0.01) and fit.std_errors[3] == pytest.approx(2.11, abs=0.01)
    assert abs(fit.both - Parameters().war_onset_joint_major) < fit.std_errors[3]
    assert fit.lr == pytest.approx(1.65, abs=0.01)
