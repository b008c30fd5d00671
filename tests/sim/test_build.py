"""Scenarios built from the historical record (foedus.sim.build) state where every figure comes from."""

from __future__ import annotations

from foedus.sim.build import scenario_from_record


def test_scenario_from_record_states_its_sources():
    sc = scenario_from_record(1950, top_n=8, years=5)
    assert len(sc.actors) == 8 and sc.start_year == 1950
    assert "cow_nmc" in sc.sources["cinc"] and "1950" in sc.sources["cinc"]
    codes = {a.ccode for a in sc.actors}
    assert {2, 365} <= codes  # the two superpowers of 1950 are among the eight strongest states
    for g in sc.agreements:
        assert g.id is not None and "atopid" in g.source
