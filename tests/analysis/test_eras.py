"""Era facts (foedus.analysis.eras) and alliances in war (foedus.analysis.war_allies) on hand-made histories."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.eras import FACTS, era_facts, era_tables
from foedus.analysis.war_allies import participants_from_cow, war_participants
from foedus.testing import toy_history

CAPITALS = pd.DataFrame(
    {
        "ccode": [2, 200, 220, 365],
        "start_year": [1816, 1816, 1816, 1816],
        "end_year": [2020, 2020, 2020, 2020],
        "lat": [38.9, 51.5, 48.86, 55.75],
        "lng": [-77.04, -0.13, 2.35, 37.62],
    }
)


def _toy(events: pd.DataFrame | None = None, extras: dict | None = None, majors=()):
    h = toy_history(
        [
            {"id": 1, "start": 1900, "end": 1905, "members": [2, 200]},  # defence, begun, ended after 5 years
            {"id": 2, "start": 1890, "end": 1903, "members": [2, 220], "obligations": ("neutrality",)},  # inherited
            {"id": 3, "start": 1902, "end": None, "members": [200, 220, 365], "obligations": ("consultation",)},  # begun, censored
            {"id": 4, "start": 1880, "end": 1899, "members": [220, 365]},  # over before the era: neither
        ],
        first_year=1880,
        last_year=1950,
        majors=majors,
    )
    if events is not None:
        h.events = events
    if extras is not None:
        h.extras = extras
    return h


def _events(rows):
    return pd.DataFrame(
        {
            "year": [r[0] for r in rows],
            "kind": [r[1] for r in rows],
            "agreement_id": pd.array([pd.NA] * len(rows), dtype="Int64"),
            "ccode": pd.array([r[2] for r in rows], dtype="Int64"),
            "ccode2": pd.array([r[3] for r in rows], dtype="Int64"),
            "detail": [json.dumps(r[4]) for r in rows],
        }
    )


def test_hand_computed_era_facts():
    t = era_tables(_toy(), 1900, 1910, capitals=CAPITALS)
    f = era_facts([t])
    assert set(FACTS) <= set(f)
    assert t["state_years"] == 4 * 11
    assert f["formation_per_state_year"] == pytest.approx(2 / 44)
    assert f["formation_defense_per_state_year"] == pytest.approx(1 / 44)
    assert f["formation_consultation_per_state_year"] == pytest.approx(1 / 44)
    assert f["formation_neutrality_per_state_year"] == 0
    assert f["members_per_alliance"] == pytest.approx(2.5)
    assert f["share_bilateral"] == pytest.approx(0.5)
    # Washington-London is about 5,900 km and neither is a major here
    assert f["share_distant_minor_pairs"] == pytest.approx(0.5)
    # begun: 5 years (ended), 8 years (censored at 1910): S(5) = 1/2
    assert f["km_median_begun"] == 5 and f["km_survival_10_begun"] == pytest.approx(0.5)
    # inherited: alliance 2, ended 1903, three years after the era opened
    assert f["km_median_inherited"] == 3 and f["km_survival_10_inherited"] == 0
    assert f["in_force_end_per_state"] == pytest.approx(1 / 4)


def test_a_major_power_makes_a_pair_not_minor_and_pooling_concatenates():
    f = era_facts([era_tables(_toy(majors=(2,)), 1900, 1910, capitals=CAPITALS)])
    assert f["share_distant_minor_pairs"] == 0
    t = era_tables(_toy(), 1900, 1910, capitals=CAPITALS)
    two = era_facts([t, t])
    assert two["formation_per_state_year"] == pytest.approx(2 / 44)
    assert two["alliances_begun"] == 4 and two["state_years"] == 88
    # censored alliances: an infinite median with its bound
    h = toy_history([{"id": 1, "start": 1900, "end": None, "members": [2, 200]}], first_year=1900, last_year=1920)
    g = era_facts([era_tables(h, 1900, 1920)])
    assert np.isinf(g["km_median_begun"]) and g["km_horizon_begun"] == 20


def test_simulated_wars_joiners_and_defence_allies():
    # 365 attacks 200 in 1904. In its first year 220 (only the consultation pact 3) honours a call and enters at
    # once, and 666 enters on the attacker's side by an offence call: like the record's same-year entrants (COW
    # gives years), both are originals. 2 (defence pact 1 with 200) honours but enters a year late, and 710 enters
    # in 1905 as an opportunist: the two joiners, one with a pact and one without.
    ev = _events(
        [
            (1904, "war", 365, 200, {"cause": "war onset"}),
            (1904, "commitment", 2, 365, {"honoured": True, "ally_of": 200, "enters": "next year", "war": [1904, 365, 200]}),
            (1904, "commitment", 220, 365, {"honoured": True, "ally_of": 200, "enters": "now", "war": [1904, 365, 200]}),
            (1904, "commitment", 666, 200, {"honoured": True, "ally_of": 365}),
            (1904, "commitment", 2, 365, {"honoured": False, "ally_of": 999}),
            (1905, "war_entry", 2, 365, {"route": "alliance", "side_of": 200, "war": [1904, 365, 200]}),
            (1905, "war_entry", 710, 200, {"route": "opportunistic", "side_of": 365, "war": [1904, 365, 200]}),
        ]
    )
    h = _toy(events=ev)
    p = war_participants(h, 1900, 1910)
    assert p["war"].nunique() == 1
    assert sorted(p.loc[p["original"], "ccode"]) == [200, 220, 365, 666]
    assert dict(zip(p["ccode"], p["side"])) == {365: 1, 200: 2, 2: 2, 220: 2, 666: 1, 710: 1}
    assert dict(zip(p["ccode"], p["entry_year"]))[2] == 1905
    f = era_facts([era_tables(h, 1900, 1910, capitals=CAPITALS)])
    # defence pairs in 1904: (2, 200) only, both ways, both on side 2
    assert f["defence_allies_joining"] == 1.0 and f["defence_ally_pairs"] == 2
    # joiners: 2 has a defence pact with 200 on its side, 710 none
    assert f["joiners_without_pact"] == pytest.approx(0.5) and f["joiners"] == 2
    # a war outside the era is not counted
    assert np.isnan(era_facts([era_tables(h, 1906, 1910)])["defence_allies_joining"])


def test_record_wars_originals_are_the_first_year_participants():
    wars = pd.DataFrame(
        {
            "warnum": [7, 7, 7, 7, 7, 7],
            "ccode1": [365, 200, 365, 2, 200, 365],
            "ccode2": [200, 365, 2, 365, 365, 200],
            "year": [1904, 1904, 1905, 1905, 1905, 1905],
            "side1": [1, 2, 1, 2, 2, 1],
        }
    )
    p = participants_from_cow(wars)
    assert dict(zip(p["ccode"], p["original"])) == {2: False, 200: True, 365: True}
    assert (p["war_start"] == 1904).all() and p.set_index("ccode").loc[2, "entry_year"] == 1905
    h = _toy(extras={"wars": wars})
    f = era_facts([era_tables(h, 1900, 1910, capitals=CAPITALS)])
    # in 1904 the defence pact (2, 200) is in force: 200's ally 2 joins on its side; 2's ally 200 fights on 2's side
    assert f["defence_allies_joining"] == 1.0
    assert f["joiners_without_pact"] == 0.0


def test_a_defence_ally_on_the_other_side_or_absent_does_not_count_as_joining():
    ev = _events([(1901, "war", 200, 2, {})])  # allies at war with each other
    f = era_facts([era_tables(_toy(events=ev), 1900, 1910)])
    assert f["defence_allies_joining"] == 0.0 and np.isnan(f["joiners_without_pact"])
