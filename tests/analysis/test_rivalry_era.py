"""Rivalries in force at an era's end per system state (foedus.analysis.rivalry_era): the same code on the record and on runs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.era_tolerance import TOLERANCE
from foedus.analysis.eras import FACTS
from foedus.analysis.rivalry_era import rivalries_in_force, rivalry_era_fact, run_rivalries


def _events(rows):
    return pd.DataFrame(rows, columns=["year", "kind", "ccode", "ccode2"])


def test_a_runs_rivalries_are_the_scenarios_and_its_onsets_less_its_ends():
    ev = _events([(1992, "rivalry_onset", 371, 373), (1995, "rivalry_end", 2, 365), (1996, "war", 2, 700), (2001, "rivalry_onset", 365, 2)])
    r = run_rivalries([(365, 2), (750, 770)], ev, 1990, 2018)
    got = {(a, b, s, None if np.isnan(e) else int(e)) for a, b, s, e in zip(r["ccode1"], r["ccode2"], r["start_year"], r["end_year"])}
    assert got == {(2, 365, 1989, 1995), (2, 365, 2001, None), (750, 770, 1989, None), (371, 373, 1992, None)}
    members = np.array([2, 365, 371, 373, 750, 770])
    assert rivalries_in_force(r, members, 1994) == 3  # US-Russia, India-Pakistan, Armenia-Azerbaijan
    assert rivalries_in_force(r, members, 1995) == 2  # US-Russia ended in 1995: not in force at its end
    assert rivalries_in_force(r, members, 2018) == 3
    assert rivalries_in_force(r, np.array([2, 365, 750]), 2018) == 1  # a pair counts only if both are members


def test_the_records_rivalries_going_where_the_data_stop_are_in_force_later_and_a_runs_ended_ones_are_not():
    r = pd.DataFrame({"ccode1": [2, 651], "ccode2": [365, 666], "start_year": [2007, 1948], "end_year": [2010, 1979]})
    m = np.array([2, 365, 651, 666])
    assert rivalries_in_force(r, m, 2018, censored_from=2010) == 1  # Thompson & Dreyer code US-Russia as ending in 2010: censored
    assert rivalries_in_force(r, m, 2018) == 0  # a run's rivalry that ended in 2010 ended
    assert rivalries_in_force(r, m, 1978) == 1 and rivalries_in_force(None, m, 1978) == 0


def test_the_fact_pools_counts_over_members_and_is_judged_within_a_factor_two():
    assert "rivalries_end_per_state" in FACTS and TOLERANCE["rivalries_end_per_state"] == ("ratio", 2.0)
    f = rivalry_era_fact([{"rivalries_end": 10, "rivalry_states_end": 40}, {"rivalries_end": 30, "rivalry_states_end": 40}])
    assert f["rivalries_end_per_state"] == pytest.approx(0.5)  # 40 rivalries over 80 state-ends, not the mean of 0.25 and 0.75
    assert np.isnan(rivalry_era_fact([{"rivalries_end": 0, "rivalry_states_end": 0}])["rivalries_end_per_state"])


def test_the_records_rivalries_at_each_eras_end():
    """Thompson & Dreyer (2012), members of the COW system then: 39 in 1914, 35 in 1938, 54 in 1989 (the Cold War's US-Soviet
    rivalry ended in 1989, not in force at its end), 42 in 2018 (those going in 2010, where the data stop)."""
    from foedus.experiments.eras import record_facts

    got = {era: record_facts(era)["rivalries_end"] for era in ("1816-1914", "1919-1938", "1946-1989", "1990-2018")}
    assert got == {"1816-1914": 39, "1919-1938": 35, "1946-1989": 54, "1990-2018": 42}
    assert record_facts("1990-2018")["rivalries_end_per_state"] == pytest.approx(42 / 195)
