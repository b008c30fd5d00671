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
    assert [GLOBAL_THREATS[k] for k in sim.world.crisis_threats] == ["organised_crime"]
    sim.run(70)
    crises = _crises(sim)
    assert len(crises) == 70
    assert all(kind == "organised_crime" for y, kind in crises if y < 1898)
    assert all(kind != "proliferation" for y, kind in crises if y < 1946)
    assert any(kind == "terrorism" for y, kind in crises if y >= 1898)
    assert [GLOBAL_THREATS[k] for k in sim.world.crisis_threats] == list(GLOBAL_THREATS)


def test_a_scenario_that_names_no_first_year_allows_its_kinds_in_every_year():
    data = scenario_from_record(1880, ccodes=EUROPE_1880, years=3).model_dump()
    data.update(crisis_threats_from={}, crisis_threats=["terrorism", "proliferation"])
    sc = Scenario.from_dict(data, source="test")
    w = Simulation(sc, rng=0).world
    assert [GLOBAL_THREATS[k] for k in w.crisis_threats] == ["terrorism", "proliferation"]
    assert np.all(w.crisis_threat_from[[GLOBAL_THREATS.index("terrorism"), GLOBAL_THREATS.index("proliferation")]] < 1880)
