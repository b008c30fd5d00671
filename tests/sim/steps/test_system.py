"""Step 0, the state system: states enter and leave as scheduled, and a dormant state takes no part."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim import Scenario, Simulation
from foedus.sim.scenario import ScenarioError
from foedus.sim.steps.system import absent_states, system_membership

from .conftest import ACTORS, GRT, RIV, SMA, SMB, alliance, events, tiny_world


def _with_spells(spells: dict[int, list]) -> list[dict]:
    return [{**a, "in_system": spells[a["ccode"]]} if a["ccode"] in spells else a for a in ACTORS]


def test_a_state_born_later_is_dormant_until_its_first_year():
    world, rng = tiny_world(actors=_with_spells({SMB: [[2002, None]]}))
    b = world.index_of(SMB)
    assert not world.state.active[b] and world.state.power[b] == 0.0 and world.state.milex[b] == 0.0
    assert world.results.threat[b].sum() == 0.0 and world.results.threat[:, b].sum() == 0.0
    world.state.year = 2002
    system_membership(world, rng)
    assert world.state.active[b] and world.state.power[b] > 0 and world.state.milex[b] == pytest.approx(1e3)
    (_, c, _, d), = events(world, "state_entry")
    assert c == SMB and "scheduled" in d["cause"]


def test_a_state_entering_later_keeps_its_rivals_graded_baseline():
    """A rival pair that has just fought starts above its baseline (Relation.hostility_base; foedus.theory.rivalry_severity);
    a state entering the system later gets both back, its hostility and the baseline it relaxes towards (review of session 19:
    the baseline was restored from the hostility)."""
    rel = [{"pair": [GRT, SMB], "hostility": 0.9, "hostility_base": 0.5, "rivalry": True}]
    world, rng = tiny_world(actors=_with_spells({SMB: [[2002, None]]}), relations=rel)
    g, b = world.index_of(GRT), world.index_of(SMB)
    world.state.year = 2002
    system_membership(world, rng)
    assert world.state.active[b]
    assert world.state.hostility[g, b] == world.state.hostility[b, g] == 0.9
    assert world.state.hostility_base[g, b] == world.state.hostility_base[b, g] == 0.5


def test_a_dying_state_leaves_its_pacts_and_rivalries_in_the_year_after_its_last():
    world, rng = tiny_world(actors=_with_spells({RIV: [[2000, 2001]]}), agreements=[alliance("Pact", [RIV, SMA])])
    r = world.index_of(RIV)
    world.state.year = 2001
    system_membership(world, rng)
    assert world.state.active[r]
    world.state.year = 2002
    system_membership(world, rng)
    assert not world.state.active[r] and not world.state.agreements.active[0] and not world.state.rivalry[r].any() and world.state.power[r] == 0.0
    assert [(c, d["cause"]) for _, c, _, d in events(world, "exit")] == [(RIV, "state left the system")]
    assert [(c, c2) for _, c, c2, _ in events(world, "rivalry_end")] == [(GRT, RIV)]
    assert [c for _, c, _, _ in events(world, "state_exit")] == [RIV]


def test_absent_states_perceive_no_threat_and_share_none():
    world, rng = tiny_world(actors=_with_spells({SMA: [[2003, None]]}))
    a = world.index_of(SMA)
    world.results.threat[:] = 1.0
    absent_states(world, rng)
    assert world.results.threat[a].sum() == 0 and world.results.threat[:, a].sum() == 0
    assert world.results.global_threat[a] == 0 and world.results.shared_global[a].sum() == 0


def test_a_dormant_state_never_appears_in_a_run_before_it_exists():
    sc = Scenario.from_dict(
        {"name": "birth", "start_year": 2000, "years": 12, "actors": _with_spells({SMB: [[2006, None]], SMA: [[2000, 2003]]}),
         "relations": [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}], "parameters": {"consider_rate": 1.0, "dispute_rate": 0.5}}
    )
    for seed in range(5):
        h = Simulation(sc, rng=seed).run().history()
        sy = h.state_years
        assert set(sy.loc[sy["ccode"] == SMB, "year"]) == set(range(2006, 2012))
        assert set(sy.loc[sy["ccode"] == SMA, "year"]) == set(range(2000, 2004))
        ev = h.events
        for code, lo, hi in ((SMB, 2006, 2011), (SMA, 2000, 2004)):
            mine = ev[((ev["ccode"] == code) | (ev["ccode2"] == code)) & ~ev["kind"].isin(["state_entry", "state_exit"])]
            assert mine["year"].between(lo, hi).all(), mine
        m = h.memberships
        assert (m.loc[m["ccode"] == SMB, "entry_year"] >= 2006).all()
        assert (m.loc[m["ccode"] == SMA, "exit_year"].fillna(9999) <= 2004).all()
        st = h.states.set_index("ccode")
        assert st.loc[SMA, "end_year"] == 2004 and st.loc[SMB, "start_year"] == 2000  # since: the actor's (not given)


@pytest.mark.parametrize(
    "spells, reason",
    [([[2003, 2001]], "before it begins"), ([[2001, 2004], [2003, None]], "overlaps"), ([[2001, None], [2005, 2006]], "only the last spell"), ([], "at least one spell")],
)
def test_bad_spells_are_refused_naming_the_field(spells, reason):
    with pytest.raises(ScenarioError, match=reason) as e:
        tiny_world(actors=_with_spells({SMB: spells}))
    assert "actors[3].in_system" in str(e.value)


def test_a_starting_pact_cannot_hold_a_state_not_yet_in_the_system():
    with pytest.raises(ScenarioError, match="not in the system in 2000"):
        tiny_world(actors=_with_spells({SMB: [[2002, None]]}), agreements=[alliance("Pact", [SMA, SMB])])


def test_a_shock_cannot_involve_a_state_outside_the_system_that_year():
    shock = {"year": 2001, "kind": "invasion", "actor": RIV, "target": SMB, "intensity": 1.0, "duration": 2}
    with pytest.raises(ScenarioError, match=r"\[210\] are not in the system in 2001") as e:
        tiny_world(actors=_with_spells({SMB: [[2003, None]]}), shocks=[shock])
    assert "shocks[0]" in str(e.value)


def test_the_compact_record_of_a_run_with_births_and_deaths_equals_its_history():
    from foedus.schema.runs import RunRecord
    from foedus.sim.compact import CountingRecorder, compact_record

    sc = Scenario.from_dict(
        {"name": "birth", "start_year": 2000, "years": 8, "actors": _with_spells({SMB: [[2003, None]], SMA: [[2000, 2004]]}),
         "relations": [{"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True}]}
    )
    sim = Simulation(sc, rng=2, recorder=CountingRecorder(4, 2000, capacity=8, keep_events=True)).run()
    a, b = compact_record(sim), RunRecord.from_history(sim.history())
    import pandas as pd

    pd.testing.assert_frame_equal(a.state_years, b.state_years, check_dtype=False)
    assert len(a.state_years) == 8 * 2 + 5 + 5  # GRT, RIV throughout; SMA 2000-2004; SMB 2003-2007
