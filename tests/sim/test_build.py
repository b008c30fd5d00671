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


def test_a_run_says_which_dollars_it_spends():
    from foedus.sim import run_scenario
    from foedus.sim.build import milex_money
    from foedus.sim.scenario import Scenario

    # world-2022 takes every actor's spending from SIPRI (constant 2022 US$); bipolar-1950 from COW NMC of 1950
    assert milex_money(Scenario.builtin("world-2022")) == "constant 2022 US$"
    assert milex_money(Scenario.builtin("bipolar-1950")) == "current US$ of 1950"
    h = run_scenario("bipolar-1950", years=1, seed=4)
    assert (h.meta.kind, h.meta.scenario, h.meta.seed, h.meta.milex_money) == ("simulation", "bipolar-1950", 4, "current US$ of 1950")
    assert h.meta.units["state_years.milex"].startswith("thousands of current US$ of 1950")


def test_a_run_keeps_atop_asymmetry_apart_from_capability_asymmetry():
    from foedus.sim import run_scenario

    # members of a simulated pact share its obligations, so ATOP's asymm never holds; NATO's leader is
    # more than three times as strong as any other member in 2022 (COW CINC: US 0.124, UK and France under 0.02)
    a = run_scenario("world-2022", years=1, seed=1).agreements
    assert not a["asymmetric"].any()
    assert a.loc[a["name"] == "NATO", "capability_asymmetric"].all()
