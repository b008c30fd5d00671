"""Scenarios: built-ins grounded in the records, validation errors that name file, line, field and reason."""

from __future__ import annotations

import pytest

from foedus.sim import Scenario, ScenarioError, builtin_names
from foedus.testing import synthetic_scenario

MINIMAL = """\
name: tiny
start_year: 2000
years: 5
actors:
  - {ccode: 2, abb: USA, name: United States, cinc: 0.2, milex: 100, gdp: 1000, lat: 38.9, lon: -77.0}
  - {ccode: 20, abb: CAN, name: Canada, cinc: 0.02, milex: 10, gdp: 100, lat: 45.4, lon: -75.7}
agreements:
  - {name: pact, members: [2, 20], start_year: 1990}
"""


def test_builtins_are_the_four_of_the_issue():
    assert set(builtin_names()) >= {"world-2022", "europe-1871", "multipolar-1815", "bipolar-1950"}


def test_world_2022_has_the_powers_and_agreements_of_brief_t1():
    sc = Scenario.builtin("world-2022")
    codes = {a.ccode for a in sc.actors}
    assert len(codes) >= 40
    # brief T1: US, China, Russia, Iran; AUKUS and Australia-Japan; NATO with Sweden and Finland
    assert {2, 710, 365, 630, 740, 900, 200, 375, 380, 369} <= codes
    by_name = {g.name: g for g in sc.agreements}
    nato = by_name["NATO"]
    assert len(nato.members) == 30  # NATO had 30 members in 2022 (North Macedonia joined in 2020)
    assert 375 not in nato.members and 380 not in nato.members
    assert {(s.kind, tuple(s.actors)) for s in sc.shocks if s.agreement == "NATO"} == {("join", (375,)), ("join", (380,))}
    assert set(by_name["US-Japan Treaty of Mutual Cooperation and Security"].members) == {2, 740}
    assert set(by_name["US-ROK Mutual Defense Treaty"].members) == {2, 732}
    assert set(by_name["AUKUS"].members) == {2, 200, 900}
    assert 900 in by_name["ANZUS"].members
    assert set(by_name["Collective Security Treaty Organization"].members) == {365, 370, 371, 702, 703, 705}
    sco = by_name["Shanghai Cooperation Organisation"]
    assert sco.kind == "organisation" and {710, 365, 750, 770} <= set(sco.members)
    assert any(g.domain == "cyber" and g.nonstate_members for g in sc.agreements)
    # every figure names its source
    assert {"cinc", "milex", "gdp", "regime"} <= set(sc.sources)
    assert "SIPRI" in sc.sources["milex"] and "2022" in sc.sources["cinc"]
    assert all(g.source for g in sc.agreements)


def test_multipolar_1815_holds_every_state_of_1816():
    # The data README: cow_ddy has 506 directed dyads in 1816, i.e. n (n - 1) = 506, n = 23 states.
    sc = Scenario.builtin("multipolar-1815")
    members = [a for a in sc.actors if a.member_in(1816)]  # the others enter later (foedus.sim.steps.system)
    assert len(members) * (len(members) - 1) == 506
    majors = {a.ccode for a in members if a.major}
    assert majors == {200, 220, 255, 300, 365}  # COW majors of 1816: UK, France, Prussia, Austria, Russia


def test_yaml_round_trip():
    sc = synthetic_scenario(6, seed=3, alliances=1)
    back = Scenario.from_text(sc.to_yaml())
    assert back == sc


@pytest.mark.parametrize(
    "edit, field, line, reason",
    [
        (lambda t: t.replace("cinc: 0.02", "cinc: 1.5"), "actors[1].cinc", 6, "less than or equal to 1"),
        (lambda t: t.replace("members: [2, 20]", "members: [2, 21]"), "agreements[0].members", 8, "unknown state 21"),
        (lambda t: t.replace("years: 5", "years: 5\ncolour: red"), "colour", 4, "Extra inputs"),
        (lambda t: t.replace("start_year: 1990", "start_year: 2010"), "agreements[0].start_year", 8, "after the scenario's start"),
        (lambda t: t + "shocks:\n  - {year: 2003, kind: invasion, actor: 2}\n", "shocks[0]", 10, "needs 'target'"),
        (lambda t: t + "trends: {cyber: 2}\n", "trends.cyber", 9, "less than or equal to 1"),
    ],
)
def test_malformed_scenarios_name_file_line_field_and_reason(tmp_path, edit, field, line, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(edit(MINIMAL))
    with pytest.raises(ScenarioError) as e:
        Scenario.from_file(path)
    msg = str(e.value)
    assert str(path) in msg and f"field '{field}'" in msg and reason in msg, msg
    assert f"line {line}" in msg, msg


def test_yaml_syntax_error_gives_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(MINIMAL.replace("lon: -75.7}", "lon: -75.7"))
    with pytest.raises(ScenarioError, match=r"broken\.yaml, line \d+: YAML syntax error"):
        Scenario.from_file(path)


def test_toml_scenarios_and_their_errors(tmp_path):
    good = tmp_path / "s.toml"
    good.write_text(
        'name = "t"\nstart_year = 1900\n[[actors]]\nccode = 2\nabb = "USA"\nname = "US"\ncinc = 0.2\nmilex = 1\ngdp = 10\nlat = 0\nlon = 0\n'
        '[[actors]]\nccode = 20\nabb = "CAN"\nname = "Canada"\ncinc = 0.1\nmilex = 1\ngdp = 10\nlat = 1\nlon = 1\n'
    )
    assert len(Scenario.from_file(good).actors) == 2
    bad = tmp_path / "b.toml"
    bad.write_text('name = "t"\nstart_year = \n')
    with pytest.raises(ScenarioError, match=r"b\.toml, line 2: TOML syntax error"):
        Scenario.from_file(bad)


def test_unknown_name_or_missing_file():
    with pytest.raises(ScenarioError, match="no such scenario file"):
        Scenario.load("nowhere/missing.yaml")
    with pytest.raises(ScenarioError, match="world-2022"):
        Scenario.load("atlantis-2099")
