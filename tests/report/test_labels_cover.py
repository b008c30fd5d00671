"""Every factor, cause and war-joining route the simulator writes has its words in foedus.report.labels.

The labels' own test (tests/report/test_drivers_report.py) checks a few keys by name, so a model
branch that adds a factor passed it: the new key was shown with its underscores as spaces and never
in French. These tests run short simulations of every built-in scenario and of one built from the
record, collect what the events' explanations say, and fail on any key without an entry.
"""

from __future__ import annotations

import json

import pytest

from foedus.i18n import language
from foedus.report.labels import CAUSES, FACTORS, ROUTES, cause_label, factor_label, route_label
from foedus.sim import Scenario, Simulation
from foedus.sim.build import scenario_from_record
from foedus.sim.scenario import builtin_names
from foedus.theory import cohesion as th_cohesion
from foedus.theory import rivalry as th_rivalry
from foedus.theory import war_onset as th_onset

YEARS = 30


def _said(scenario: Scenario, seed: int) -> tuple[set, set, set]:
    """The factor keys, causes and routes of a run's events."""
    factors, causes, routes = set(), set(), set()
    for d in Simulation(scenario, rng=seed).run(YEARS).events()["detail"]:
        if isinstance(d, str):
            d = json.loads(d)
        if not isinstance(d, dict):
            continue
        factors |= set(d.get("factors") or {})
        if isinstance(d.get("cause"), str):
            causes.add(d["cause"])
        if isinstance(d.get("route"), str):
            routes.add(d["route"])
    return factors, causes, routes


def _unnamed(factors: set, causes: set, routes: set) -> list[str]:
    out = [f"factor {k!r}" for k in sorted(factors) if k not in FACTORS]
    out += [f"cause {c!r}" for c in sorted(causes) if c not in CAUSES and not c.startswith("coalition of the willing against ")]
    return out + [f"route {r!r}" for r in sorted(routes) if r not in ROUTES]


@pytest.mark.parametrize("name", builtin_names())
def test_every_builtin_scenarios_factors_and_causes_are_named(name):
    assert not _unnamed(*_said(Scenario.builtin(name), 1)), "without a label in foedus.report.labels"


def test_a_record_built_scenarios_factors_and_causes_are_named(data_dir):
    sc = scenario_from_record(1900, top_n=None, years=YEARS, seed=1900, data_dir=data_dir)
    assert not _unnamed(*_said(sc, 1)), "without a label in foedus.report.labels"


def test_every_term_the_theory_names_for_an_explanation_is_named():
    """Terms a short run may not reach (a rivalry's end, a war's initiator, every dissolution cause and label)."""
    terms = set(th_rivalry.ONSET_TERMS) | set(th_rivalry.TERMINATION_TERMS) | set(th_onset.WAR_ONSET_TERMS)
    terms |= {f"initiator_minus_target_{t}" for t in th_onset.INITIATION_TERMS}
    terms |= {"hazard_" + c.replace(" ", "_") for c in th_cohesion.DISSOLUTION_CAUSES}
    causes = set(th_cohesion.DISSOLUTION_CAUSES) | {"cohesion fell", "threat faded", "war over", "term expired"}
    assert not _unnamed(terms, causes, {"alliance", "collective security", "opportunistic"})


def test_the_new_words_are_said_in_french():
    with language("fr"):
        assert factor_label("lower_democracy") != "lower democracy score of the pair"
        assert factor_label("out_of_reach") != "out of each other's reach"
        assert cause_label("threat faded") != "threat faded"
        assert route_label("collective security") == "sécurité collective"
