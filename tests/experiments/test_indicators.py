"""Per-run indicators: the compact record equals the history's, and the polarity columns equal foedus.analysis.polarity.

Blocs are pole-anchored (``method="poles"`` of foedus.analysis.polarity): a chain of pacts
between two camps does not merge them, and in the world of 2022 the United States and Russia
lead different blocs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis import ensemble as an
from foedus.analysis.indicators import EVENT_COLUMNS, INDICATORS, run_indicators
from foedus.analysis.polarity import polarity, state_blocs
from foedus.testing import toy_history
from foedus.schema import EVENT_KINDS, History, empty, validate
from foedus.schema.runs import RunRecord
from foedus.sim import Simulation
from foedus.sim.compact import CountingRecorder, compact_record


@pytest.fixture(scope="module")
def finished(tiny):
    recorder = CountingRecorder(len(tiny.actors), tiny.start_year, capacity=12, keep_events=True)
    sim = Simulation(tiny.model_copy(update={"years": 12}), rng=3, recorder=recorder)
    sim.run()
    return sim


def test_compact_record_from_simulation_equals_from_history(finished):
    a = compact_record(finished)
    b = RunRecord.from_history(finished.history())
    assert (a.first_year, a.last_year) == (b.first_year, b.last_year)
    for name in ("state_years", "spells", "event_counts"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=False)
    assert a.event_counts["count"].sum() == len(finished.history().events)


def test_polarity_columns_equal_the_analysis_module(finished):
    h = finished.history()
    tables = run_indicators(compact_record(finished))
    mine = tables["system"].set_index("year")
    ref = polarity(h, method="poles")
    assert "contested" in ref.columns
    for col in ref.columns:
        np.testing.assert_allclose(mine[col].to_numpy(float), ref[col].to_numpy(float), equal_nan=True, err_msg=col)
    sb = state_blocs(h, method="poles")
    st = tables["states"].merge(sb, on=["year", "ccode"], suffixes=("", "_ref"))
    assert len(st) == len(sb) == len(tables["states"])
    for col in ("bloc", "degree", "bloc_size", "contested"):
        assert (st[col] == st[f"{col}_ref"]).all(), col


def test_event_counts_and_columns(finished):
    tables = run_indicators(compact_record(finished))
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
    # 2001: A-B and B-C both in force (the dissolution year counts). B is allied to both major
    # powers and joins the stronger, A; C is not allied to A, so it keeps its own bloc (pole-
    # anchored blocs: the chain A-B-C does not merge A and C, as connected components would).
    # A bloc is two or more states (foedus.analysis.polarity, the one definition); a major power
    # standing alone is a pole, not a bloc: 2000-01 {A,B} and C alone; 2002-03 A alone and {B,C}.
    assert s["blocs"].tolist() == [1, 1, 1, 1]
    assert (s["blocs"] + 1 == s["poles"]).all()  # every year: one bloc with its pole, and one major power alone
    ref = polarity(_hand_history(), method="poles")
    assert s["blocs"].tolist() == ref["blocs"].tolist() and s["poles"].tolist() == ref["poles"].tolist()
    assert s["largest_bloc"].tolist() == [2, 2, 2, 2]
    assert s["defense_dyads"].tolist() == [1, 2, 1, 1]
    # poles: 2000 {A,B} and {C}; 2001 {A,B} and {C}; 2002 {A} and {B,C}
    assert s["poles"].tolist() == [2, 2, 2, 2]
    assert s["cluster_poles"].tolist() == [2, 2, 2, 2]  # A and C never share a pact
    assert s["contested"].tolist() == [0, 1, 0, 0]  # B in 2001: allied to C, of another bloc
    # CON of two majors with shares .4/.7 and .3/.7: sqrt((s1^2 + s2^2 - 1/2) / (1 - 1/2))
    s1, s2 = 0.4 / 0.7, 0.3 / 0.7
    assert s["con"].iloc[0] == pytest.approx(np.sqrt((s1**2 + s2**2 - 0.5) / 0.5))
    assert s["effective_poles"].iloc[0] == pytest.approx(1 / (s1**2 + s2**2))
    # 2001: poles {A,B} (CINC .5) and {C} (.3)
    assert s["effective_blocs"].loc[2001] == pytest.approx(1 / ((0.5 / 0.8) ** 2 + (0.3 / 0.8) ** 2))
    assert s["milex"].tolist() == [1000.0] * 4
    assert s["alliance_size"].tolist() == [2.0, 2.0, 2.0, 2.0]
    st = tables["states"].set_index(["year", "ccode"])
    assert st.loc[(2001, 20), "degree"] == 2 and st.loc[(2001, 20), "bloc"] == 2  # B joins A (CINC .4), not C (.3)
    assert st.loc[(2001, 20), "contested"] and not st.loc[(2001, 200), "contested"]
    assert st.loc[(2001, 200), "bloc"] == 200 and st.loc[(2001, 200), "bloc_size"] == 1
    assert st.loc[(2002, 20), "bloc"] == 200 and st.loc[(2002, 220), "bloc_size"] == 1


# ------------------------------------------------------------------ pole-anchored blocs
WEST, EAST = 2, 365  # the two major powers (CINC .30 and .20)


def _two_camps():
    """Two camps in 2000-2001 linked by a chain of bilateral defence pacts, and a contested state.

    West: major 2 with 20, 200, 210 (multilateral pact 1) and a second major power 220 (CINC .05)
    allied to 2 (pact 2). East: major 365 with 360, 370 (pact 3). Chain: 210-211 (pact 4),
    211-371 (pact 5), 371-370 (pact 6), so that 2 ... 365 are one connected component. A
    direct tie between the camps' minor states: 200-360 (pact 7). 700 is allied to both
    major powers (pact 8 with 2, pact 9 with 365). 800-810 (pact 10): a pact without a major.
    """
    a = [
        {"id": 1, "start": 2000, "end": None, "members": [2, 20, 200, 210]},
        {"id": 2, "start": 2000, "end": None, "members": [2, 220]},
        {"id": 3, "start": 2000, "end": None, "members": [365, 360, 370]},
        {"id": 4, "start": 2000, "end": None, "members": [210, 211]},
        {"id": 5, "start": 2000, "end": None, "members": [211, 371]},
        {"id": 6, "start": 2000, "end": None, "members": [371, 370]},
        {"id": 7, "start": 2000, "end": None, "members": [200, 360]},
        {"id": 8, "start": 2000, "end": None, "members": [2, 700]},
        {"id": 9, "start": 2000, "end": None, "members": [365, 700]},
        {"id": 10, "start": 2000, "end": None, "members": [800, 810]},
    ]
    cinc = {2: 0.30, 365: 0.20, 220: 0.05, 20: 0.04, 200: 0.04, 210: 0.03, 211: 0.02, 360: 0.05, 370: 0.04, 371: 0.03, 700: 0.08, 800: 0.06, 810: 0.02}
    return toy_history(a, first_year=2000, last_year=2001, cinc=cinc, majors=[WEST, EAST, 220])


def test_a_chain_of_pacts_does_not_merge_two_camps():
    h = _two_camps()
    # the chain makes one connected component of both camps ...
    comp = polarity(h, method="components")
    assert comp.loc[2000, "poles"] == 1
    # ... but the ensemble indicators keep the camps apart
    tables = run_indicators(RunRecord.from_history(h))
    s = tables["system"].set_index("year").loc[2000]
    st = tables["states"].query("year == 2000").set_index("ccode")
    assert st.loc[WEST, "bloc"] == WEST and st.loc[EAST, "bloc"] == EAST
    assert s["poles"] == 2 and s["majors"] == 3 and s["cluster_poles"] == 2
    bloc = st["bloc"].to_dict()
    assert {c for c, b in bloc.items() if b == WEST} == {2, 20, 200, 210, 220, 700}
    assert {c for c, b in bloc.items() if b == EAST} == {365, 360, 370}
    # the middle of the chain is allied to no major power: a bloc of the pole-less states
    assert bloc[211] == bloc[371] == 371
    assert bloc[800] == bloc[810] == 800  # a pact without a major power is a bloc without a pole
    assert s["blocs"] == 4 and s["largest_bloc"] == 6
    # 700 is allied to both major powers: it joins the stronger and is contested (the only one:
    # 200-360 ties two minor states, which stay with their own major powers)
    assert st["contested"][st["contested"]].index.tolist() == [700] and s["contested"] == 1
    # the same as foedus.analysis.polarity with method="poles"
    ref = polarity(h, method="poles").loc[2000]
    for col in ref.index:
        assert s[col] == pytest.approx(ref[col], nan_ok=True), col


def test_a_weaker_major_power_joins_its_strongest_major_ally_only():
    """Majors P1 > P2 > P3 > P4: P3 allied to P1 and P2 joins P1; P2 and P1 stay apart; P4 allied to P3 follows it to P1."""
    a = [
        {"id": 1, "start": 2000, "end": None, "members": [1, 3]},
        {"id": 2, "start": 2000, "end": None, "members": [2, 3]},
        {"id": 3, "start": 2000, "end": None, "members": [3, 4]},
        {"id": 4, "start": 2000, "end": None, "members": [2, 20]},
    ]
    h = toy_history(a, first_year=2000, last_year=2000, cinc={1: 0.4, 2: 0.3, 3: 0.2, 4: 0.05, 20: 0.05}, majors=[1, 2, 3, 4])
    tables = run_indicators(RunRecord.from_history(h))
    st = tables["states"].set_index("ccode")
    assert st["bloc"].to_dict() == {1: 1, 2: 2, 3: 1, 4: 1, 20: 2}
    s = tables["system"].iloc[0]
    assert s["poles"] == 2 and s["cluster_poles"] == 1  # Wayman's clusters chain 1-3-2, the poles do not
    assert s["contested"] == 2  # 2 (allied to 3, in the bloc of 1) and 3 (allied to 2)


def test_world_2022_start_year_has_distinct_us_and_russian_blocs(tmp_path):
    """Two short runs of world-2022: in 2022 NATO and the US treaty allies are one US-led bloc, Russia leads its own."""
    from foedus.data.ensemble_store import EnsembleStore
    from foedus.experiments.ensemble import run_ensemble

    run_ensemble("world-2022", runs=2, years=2, seed=1, out=tmp_path / "w", workers=1, processes=False)
    store = EnsembleStore.open(tmp_path / "w")
    g = an.great_power_alignments(store, years=[2022]).set_index("abb")
    assert (g["share"] == 1.0).all()  # one alignment per power, the same in both runs
    assert g["alignment"].to_dict() == {"USA": "USA", "UKG": "USA", "FRN": "USA", "GMY": "USA", "JPN": "USA", "RUS": "RUS", "CHN": "CHN"}
    system = store.read_table("system")
    start = system[system["year"] == 2022]
    assert (start["poles"] >= 2).all() and (start["poles"] == 3).all()
    states = store.read_table("states")
    s22 = states[states["year"] == 2022]
    for run, part in s22.groupby("run"):
        bloc = part.set_index("ccode")["bloc"]
        assert bloc[365] != bloc[2], run  # Russia (365) and the United States (2)
        # the CSTO with Russia, Turkey (640) with NATO although it is allied to Azerbaijan (373)
        assert (bloc[[370, 371, 703, 702, 705]] == 365).all() and bloc[373] == 365 and bloc[640] == 2
        # the US treaty allies in Asia-Pacific: South Korea, Australia
        assert bloc[732] == bloc[900] == 2


@pytest.mark.parametrize("scenario", ["world-2022", "europe-1871"])
def test_polarity_arrays_equal_the_group_by_to_the_bit(scenario):
    """The array path of the polarity columns (issue 16: the indicators' pandas group-by was a fifth of their time) gives
    polarity()'s numbers bit for bit and with the same dtypes, on real runs (several seeds) and the hand-built history."""
    from foedus.analysis import indicators as ind
    from foedus.experiments.ensemble import load_scenario

    sc = load_scenario(scenario, 15)
    records = [RunRecord.from_history(_hand_history()), RunRecord.from_history(_two_camps())]
    for seed in (1, 2, 3):
        sim = Simulation(sc, rng=seed, recorder=CountingRecorder(len(sc.actors), sc.start_year, capacity=sc.years), explain=False)
        sim.run()
        records.append(compact_record(sim))
    for rec in records:
        g = ind._grid(rec)
        co = ind._defence_ties(g)
        blocs = ind._state_blocs(g, co, np.diff(co.indptr).reshape(g.shape))
        ref = polarity(None, blocs_table=blocs).reindex(g.years)
        mine = ind._polarity(g, blocs)
        assert list(mine) == list(ind._POLARITY_COLUMNS)
        for col in ind._POLARITY_COLUMNS:
            a = ref[col].to_numpy()
            assert mine[col].dtype == a.dtype and mine[col].tobytes() == a.tobytes(), col


def test_sorted_unique_is_numpy_unique_to_the_bit():
    """The indicators' sort-based distinct values (NumPy 2's hashing unique is four times slower at a run's sizes) are
    numpy.unique's: the same values, order and dtype, for empty, single, repeated, negative and large integers."""
    from hypothesis import given, settings, strategies as hs
    from hypothesis.extra import numpy as hnp

    from foedus.analysis.indicators import sorted_unique

    @settings(max_examples=300, deadline=None)
    @given(hnp.arrays(hs.sampled_from([np.int64, np.int32, np.intp]), hs.integers(0, 60), elements=hs.integers(-(2**31), 2**31 - 1)))
    def check(a):
        ref, mine = np.unique(a), sorted_unique(a)
        assert mine.dtype == ref.dtype and mine.tobytes() == ref.tobytes()

    check()
    big = np.random.default_rng(1).integers(0, 30 * 305 * 66, 17_742)
    assert sorted_unique(big).tobytes() == np.unique(big).tobytes()


def test_spell_frame_sorts_as_the_stable_dataframe_sort():
    """The record's spells are sorted on arrays (numpy.lexsort of the three integer keys); the frame equals the stable
    DataFrame.sort_values it replaced, row for row and dtype for dtype, on random spells full of tied keys."""
    from foedus.schema.runs import _spell_frame

    rng = np.random.default_rng(0)
    kinds = np.array(["alliance", "coalition", "organisation"], dtype=object)
    for _ in range(200):
        n, k = int(rng.integers(0, 300)), int(rng.integers(1, 15))
        sp = {
            "agreement_id": rng.integers(0, k, n).astype(np.int64), "kind": kinds[rng.integers(0, 3, n)], "defense": rng.random(n) < 0.5,
            "start_year": rng.integers(1900, 1950, n).astype(np.int64), "end_year": rng.integers(-1, 1960, n).astype(np.int64),
            "ccode": rng.integers(0, 5, n).astype(np.int64), "entry_year": rng.integers(1900, 1904, n).astype(np.int64),
            "exit_year": rng.integers(-1, 1960, n).astype(np.int64),
        }
        until = np.where(sp["end_year"] >= 0, sp["end_year"], 1960)
        open_ = sp["exit_year"] < 0
        ref = pd.DataFrame(
            {
                "agreement_id": sp["agreement_id"], "kind": sp["kind"], "defense": sp["defense"], "start_year": sp["start_year"],
                "until_year": until, "ccode": sp["ccode"], "entry_year": sp["entry_year"], "exit_year": np.where(open_, until, sp["exit_year"]),
                "censored": open_ & (sp["end_year"] < 0),
            }
        ).sort_values(["agreement_id", "ccode", "entry_year"], kind="mergesort").reset_index(drop=True)
        pd.testing.assert_frame_equal(_spell_frame(sp, 1960), ref, check_exact=True)


def test_distinct_member_years_count_each_membership_once_a_year():
    """The member-years of :func:`_agreements_in_force` (alliance size) are the distinct (year, alliance, state) of the
    spells in the window, overlapping, nested, touching or empty spells of one state in one alliance counted once, as the
    set of them counts: random spells, hypothesis."""
    from hypothesis import given, settings, strategies as hs

    from foedus.analysis.indicators import _distinct_member_years, _Grid

    spell = hs.tuples(hs.integers(1, 4), hs.integers(1, 3), hs.integers(-3, 12), hs.integers(-3, 12))

    @settings(max_examples=300, deadline=None)
    @given(hs.lists(spell, max_size=25), hs.integers(1, 9))
    def check(spells, Y):
        aid = np.array([s[0] for s in spells], np.int64)
        code = np.array([s[1] for s in spells], np.int64)
        lo = np.maximum(np.array([s[2] for s in spells], np.int64), 0)
        hi = np.minimum(np.array([s[3] for s in spells], np.int64), Y - 1)
        g = _Grid(*([None] * 12), sp_aid=aid, sp_code=code, sp_t=np.stack([lo, hi]).reshape(2, -1))
        ref = np.zeros(Y, np.int64)
        for t, _, _ in {(t, a, c) for a, c, l, h in zip(aid, code, lo, hi) for t in range(l, h + 1)}:
            ref[t] += 1
        got = _distinct_member_years(g, Y)
        assert got.dtype == np.int64 and got.tolist() == ref.tolist()

    check()
