"""The entry lags of war joiners and the Poisson rate of their decline with the war's age (foedus.analysis.entry_lags)."""

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.entry_lags import (
    age_decay_rate,
    entries_by_age,
    entry_ages,
    lag_summary,
)


def _participants(rows):
    return pd.DataFrame(rows, columns=["war", "ccode", "side", "entry_year", "war_start", "original"])


P = _participants([
    (1, 2, 1, 1900, 1900, True), (1, 200, 2, 1900, 1900, True), (1, 220, 2, 1900, 1900, True), (1, 255, 1, 1901, 1900, False),
    (1, 300, 2, 1905, 1900, False),
    (2, 365, 1, 1910, 1910, True), (2, 640, 2, 1910, 1910, True), (2, 350, 2, 1912, 1910, False),
])


def test_entry_ages_read_the_lag_and_the_side_of_the_initiator():
    a = entry_ages(P, {1: 1}, pd.Series(["", "", "ally", "ally", "rival", "", "", "neither"]))
    assert a["lag"].tolist() == [0, 0, 0, 1, 5, 0, 0, 2]
    assert a["side"].tolist() == ["initiator", "target", "target", "initiator", "target", "unknown", "unknown", "unknown"]
    s = lag_summary(a)
    assert s.loc[("initiator", "ally"), "1"] == 1 and s.loc[("target", "rival"), "5+"] == 1 and s.loc[("unknown", "neither"), "2"] == 1
    assert s["n"].sum() == 3 and s.loc[("target", "rival"), "mean_lag"] == 5
    with pytest.raises(ValueError, match="entry_year"):
        entry_ages(_participants([(1, 2, 1, 1899, 1900, True)]))


def test_entries_by_age_leave_out_each_wars_two_first_belligerents_and_count_the_wars_still_fought():
    t = entries_by_age(P, {1: 1905, 2: 1912})
    assert t["entries"].tolist() == [1, 1, 1, 0, 0, 1]  # war 1's third first-year state; 255 at age 1; 350 at 2; 300 at 5
    assert t["wars"].tolist() == [2, 2, 2, 1, 1, 1]
    with pytest.raises(ValueError, match="last_year"):
        entries_by_age(P, {1: 1905})


def test_the_decay_rate_is_log_of_the_ratio_with_two_ages_of_equal_exposure():
    t = pd.DataFrame({"age": [0, 1], "entries": [40, 10], "wars": [50, 50]})
    assert age_decay_rate(t) == pytest.approx(np.log(4.0), abs=1e-6)


def test_the_decay_rate_recovers_the_rate_that_drew_the_entries():
    rng = np.random.default_rng(7)
    ages = np.arange(8)
    wars = np.full(8, 4000)
    entries = rng.poisson(wars * 0.9 * np.exp(-0.55 * ages))
    lam = age_decay_rate(pd.DataFrame({"age": ages, "entries": entries, "wars": wars}))
    assert lam == pytest.approx(0.55, abs=0.03)
    with pytest.raises(ValueError, match="no entries"):
        age_decay_rate(pd.DataFrame({"age": [0], "entries": [0], "wars": [3]}))


def test_the_record_gives_the_decline_of_entries_that_entry_age_decay_rate_describes(data_dir):
    """COW inter-state wars begun in the in-sample eras (1816-1914, 1946-1989): beyond each war's first belligerents, 65 entries in
    the first year of 68 wars, 16 in the second of the 37 still fought, 5 in the third of 11; the Poisson rate of the decline,
    0.55 a year over all ages and 0.43 from the second year, the figures `entry_age_decay_rate`'s description states."""
    from foedus.analysis.war_allies import participants_from_cow
    from foedus.data.conflict import read_wars
    from foedus.sim.parameters import Parameters

    w = read_wars(data_dir / "peacesciencer" / "cow_war_inter.csv")
    p = participants_from_cow(w)
    last = w.groupby("warnum").year.max().to_dict()
    tables = [entries_by_age(p[((p.war_start >= lo) & (p.war_start <= hi)).to_numpy()], last) for lo, hi in ((1816, 1914), (1946, 1989))]
    both = pd.concat(tables).groupby("age", as_index=False)[["entries", "wars"]].sum()
    assert both.entries.tolist()[:3] == [65, 16, 5] and both.wars.tolist()[:3] == [68, 37, 11]
    assert age_decay_rate(both) == pytest.approx(0.55, abs=0.005)
    assert age_decay_rate(both, 1) == pytest.approx(0.43, abs=0.005)
    described = Parameters.model_fields["entry_age_decay_rate"].description
    assert "0.55" in described and "0.43" in described
