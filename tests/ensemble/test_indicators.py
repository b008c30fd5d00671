"""Per-run indicators: the compact record equals the history's, and the polarity columns equal foedus.analysis.polarity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.ensemble import EVENT_COLUMNS, INDICATORS, run_indicators
from foedus.analysis.polarity import polarity, state_blocs
from foedus.schema import EVENT_KINDS, History, empty, validate
from foedus.sim import Simulation
from foedus.sim.ensemble.compact import CountingRecorder, RunRecord


@pytest.fixture(scope="module")
def finished(tiny):
    sim = Simulation(tiny.model_copy(update={"years": 12}), seed=3)
    sim.world.log = CountingRecorder(sim.world.n, tiny.start_year, capacity=12, keep_events=True)
    sim.run()
    return sim


def test_compact_record_from_simulation_equals_from_history(finished):
    a = RunRecord.from_simulation(finished)
    b = RunRecord.from_history(finished.history())
    assert (a.first_year, a.last_year) == (b.first_year, b.last_year)
    for name in ("state_years", "spells", "event_counts"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=False)
    assert a.event_counts["count"].sum() == len(finished.history().events)


def test_polarity_columns_equal_the_analysis_module(finished):
    h = finished.history()
    tables = run_indicators(RunRecord.from_simulation(finished))
    mine = tables["system"].set_index("year")
    ref = polarity(h, method="components")
    for col in ref.columns:
        np.testing.assert_allclose(mine[col].to_numpy(float), ref[col].to_numpy(float), equal_nan=True, err_msg=col)
    sb = state_blocs(h, method="components")
    st = tables["states"].merge(sb, on=["year", "ccode"], suffixes=("", "_ref"))
    assert len(st) == len(sb) == len(tables["states"])
    assert (st["bloc"] == st["bloc_ref"]).all() and (st["degree"] == st["degree_ref"]).all() and (st["bloc_size"] == st["bloc_size_ref"]).all()


def test_event_counts_and_columns(finished):
    tables = run_indicators(RunRecord.from_simulation(finished))
    system = tables["system"]
    assert set(EVENT_COLUMNS) == set(EVENT_KINDS)
    assert set(INDICATORS) == set(system.columns) - {"year"}
    ev = finished.history().events
    for kind, col in EVENT_COLUMNS.items():
        assert system[col].sum() == (ev["kind"] == kind).sum(), kind


def _hand_history() -> History:
    """Four states 2000-2003: A-B defence pact 2000-2001 (dissolved 2001), B-C defence pact from 2001, D alone.

    A (2) and C (3) are the major powers; CINC: A .4, B .1, C .3, D .2. A coalition of A and D in 2002.
    """
    states = pd.DataFrame({"ccode": [2, 20, 200, 220], "abb": ["A", "B", "C", "D"], "name": ["A", "B", "C", "D"], "start_year": 2000, "end_year": pd.NA})
    years = np.arange(2000, 2004)
    sy = pd.DataFrame(
        {
            "ccode": np.tile([2, 20, 200, 220], 4),
            "year": np.repeat(years, 4),
            "milex": np.tile([400.0, 100.0, 300.0, 200.0], 4),
            "milper": 1.0,
            "irst": np.nan,
            "pec": np.nan,
            "tpop": 1.0,
            "upop": np.nan,
            "cinc": np.tile([0.4, 0.1, 0.3, 0.2], 4),
            "major": np.tile([True, False, True, False], 4),
            "tier": np.tile(["great", "secondary", "great", "regional"], 4),
        }
    )
    base = dict(start_month=pd.NA, start_day=pd.NA, end_month=pd.NA, end_day=pd.NA, observed_until=2003, offense=False, neutrality=False,
                nonaggression=False, consultation=True, conditional=False, bilateral=True, asymmetric=False, institutionalised=0, wartime=False, source="test")
    agreements = pd.DataFrame(
        [
            {"agreement_id": 1, "kind": "alliance", "name": "AB", "start_year": 2000, "end_year": 2001, "defense": True, **base},
            {"agreement_id": 2, "kind": "alliance", "name": "BC", "start_year": 2001, "end_year": pd.NA, "defense": True, **base},
            {"agreement_id": 3, "kind": "coalition", "name": "AD", "start_year": 2002, "end_year": 2002, "defense": False, **base},
        ]
    )
    mem = pd.DataFrame(
        {
            "agreement_id": [1, 1, 2, 2, 3, 3],
            "ccode": [2, 20, 20, 200, 2, 220],
            "phase": 0,
            "entry_year": [2000, 2000, 2001, 2001, 2002, 2002],
            "entry_month": pd.NA,
            "entry_day": pd.NA,
            "exit_year": [2001, 2001, pd.NA, pd.NA, 2002, 2002],
            "exit_month": pd.NA,
            "exit_day": pd.NA,
        }
    )
    ev = empty("events")
    return History(
        states=validate(states, "states"),
        state_years=validate(sy, "state_years"),
        agreements=validate(agreements, "agreements"),
        memberships=validate(mem, "memberships"),
        events=ev,
        first_year=2000,
        last_year=2003,
        source="test",
    )


def test_hand_built_history_gives_the_counts_by_definition():
    tables = run_indicators(RunRecord.from_history(_hand_history()))
    s = tables["system"].set_index("year")
    assert s["alliances"].tolist() == [1, 2, 1, 1]  # AB 2000-01, BC from 2001
    assert s["coalitions"].tolist() == [0, 0, 1, 0]
    # 2001: A-B and B-C both in force (the dissolution year counts): one bloc A-B-C
    assert s["blocs"].tolist() == [1, 1, 1, 1]
    assert s["largest_bloc"].tolist() == [2, 3, 2, 2]
    assert s["defense_dyads"].tolist() == [1, 2, 1, 1]
    # poles: 2000 {A,B} and {C}; 2001 {A,B,C}; 2002 {A} and {B,C}
    assert s["poles"].tolist() == [2, 1, 2, 2]
    assert s["cluster_poles"].tolist() == [2, 2, 2, 2]  # A and C never share a pact
    # CON of two majors with shares .4/.7 and .3/.7: sqrt((s1^2 + s2^2 - 1/2) / (1 - 1/2))
    s1, s2 = 0.4 / 0.7, 0.3 / 0.7
    assert s["con"].iloc[0] == pytest.approx(np.sqrt((s1**2 + s2**2 - 0.5) / 0.5))
    assert s["effective_poles"].iloc[0] == pytest.approx(1 / (s1**2 + s2**2))
    # 2001: one pole holding A, B, C: effective number of blocs 1
    assert s["effective_blocs"].loc[2001] == pytest.approx(1.0)
    assert s["milex"].tolist() == [1000.0] * 4
    assert s["alliance_size"].tolist() == [2.0, 2.0, 2.0, 2.0]
    st = tables["states"].set_index(["year", "ccode"])
    assert st.loc[(2001, 20), "degree"] == 2 and st.loc[(2001, 20), "bloc"] == 2  # B's bloc is led by A (CINC .4)
    assert st.loc[(2002, 20), "bloc"] == 200 and st.loc[(2002, 220), "bloc_size"] == 1
