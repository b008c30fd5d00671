"""Kinds of crisis follow the era in scenarios built from the record (foedus.sim.build.CRISIS_THREAT_FIRST_YEAR).

Terrorism became a transnational threat states met together in 1898 (the Rome conference against
anarchists), proliferation in 1946 (UNGA resolution 1(I)); before, no crisis of the kind arises,
so no coalition forms against it.
"""

from __future__ import annotations

import json

import numpy as np

from foedus.sim import Simulation
from foedus.sim.build import CRISIS_THREAT_FIRST_YEAR, scenario_from_record
from foedus.sim.scenario import GLOBAL_THREATS, Scenario
from foedus.testing import with_updates

EUROPE_1880 = [200, 220, 230, 255, 300, 325, 365, 640]


def _crises(sim) -> list[tuple[int, str]]:
    ev = sim.events()
    rows = ev[ev["kind"] == "crisis"]
    return [(int(y), (json.loads(d) if isinstance(d, str) else d)["crisis"]) for y, d in zip(rows["year"], rows["detail"])]


def test_a_scenario_of_1880_states_when_terrorism_and_proliferation_become_threats():
    sc = scenario_from_record(1880, ccodes=EUROPE_1880, years=70)
    assert sc.crisis_threats_from == {"terrorism": 1898, "proliferation": 1946}
    assert scenario_from_record(2000, ccodes=[2, 365], years=5).crisis_threats_from == {}
    assert CRISIS_THREAT_FIRST_YEAR["organised_crime"] <= 1816  # organised crime (piracy, the slave trade) in every era of the record


def test_before_its_first_year_no_crisis_of_a_kind_arises_and_after_it_one_may():
    """A crisis every year (crisis_rate 1) from 1880 to 1949: only organised crime before 1898, no proliferation before 1946,
    and terrorism crises once their year has come (45 draws of three or two kinds: one is certain at alpha << 0.01)."""
    sc = scenario_from_record(1880, ccodes=EUROPE_1880, years=70)
    sc = with_updates(sc, parameters=sc.parameters.model_copy(update={"crisis_rate": 1.0}))
    sim = Simulation(sc, rng=3, explain=False)
    assert [GLOBAL_THREATS[k] for k in sim.world.state.crisis_threats] == ["organised_crime"]
    sim.run(70)
    crises = _crises(sim)
    assert len(crises) == 70
    assert all(kind == "organised_crime" for y, kind in crises if y < 1898)
    assert all(kind != "proliferation" for y, kind in crises if y < 1946)
    assert any(kind == "terrorism" for y, kind in crises if y >= 1898)
    assert [GLOBAL_THREATS[k] for k in sim.world.state.crisis_threats] == list(GLOBAL_THREATS)


def test_a_scenario_that_names_no_first_year_allows_its_kinds_in_every_year():
    data = scenario_from_record(1880, ccodes=EUROPE_1880, years=3).model_dump()
    data.update(crisis_threats_from={}, crisis_threats=["terrorism", "proliferation"])
    sc = Scenario.from_dict(data, source="test")
    w = Simulation(sc, rng=0).world
    assert [GLOBAL_THREATS[k] for k in w.state.crisis_threats] == ["terrorism", "proliferation"]
    assert np.all(w.inputs.crisis_threat_from[[GLOBAL_THREATS.index("terrorism"), GLOBAL_THREATS.index("proliferation")]] < 1880)


def test_no_coalition_against_a_global_threat_before_states_first_met_it_together():
    """A crisis every year from 1880 (crisis_rate 1): organised crime and terrorism crises arise (the threat is old:
    Rapoport 2004), but no coalition of the willing forms against them before the year
    :data:`foedus.sim.steps.crises.COALITION_FIRST_YEAR` dates (2000, 2001); 70 crises, none answered."""
    from foedus.sim.steps.crises import COALITION_FIRST_YEAR

    assert COALITION_FIRST_YEAR == {"terrorism": 2001, "organised_crime": 2000, "proliferation": 2003}
    sc = scenario_from_record(1880, ccodes=EUROPE_1880, years=70)
    sc = with_updates(sc, parameters=sc.parameters.model_copy(update={"crisis_rate": 1.0, "coalition_threshold": 0.0}))
    sim = Simulation(sc, rng=3, explain=False)
    sim.run(70)
    assert len(_crises(sim)) == 70
    ev = sim.events()
    formed = ev[(ev["kind"] == "formation") & ev["detail"].astype(str).str.contains("coalition of the willing against")]
    assert len(formed) == 0


def test_after_its_first_year_a_coalition_against_terrorism_may_form():
    """The same world from 2001 with a terrorism crisis every year and no threshold: a coalition assembles (the gate opens)."""
    sc = scenario_from_record(2001, ccodes=[2, 200, 220, 255, 365, 710], years=5)
    data = sc.model_dump()
    data.update(crisis_threats_from={}, crisis_threats=["terrorism"])
    sc = Scenario.from_dict(data, source="test")
    sc = with_updates(sc, parameters=sc.parameters.model_copy(update={"crisis_rate": 1.0, "coalition_threshold": 0.0}))
    sim = Simulation(sc, rng=3, explain=False)
    sim.run(5)
    ev = sim.events()
    assert (ev["kind"] == "formation").any() and ev["detail"].astype(str).str.contains("coalition of the willing against terrorism").any()
