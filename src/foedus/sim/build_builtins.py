"""The recipes of the built-in scenarios (``foedus scenario build NAME --builtin``).

Each built-in is a :func:`foedus.sim.build.scenario_from_record` of its first year with the
agreements, shocks and trends it states by hand (with their sources);
:func:`foedus.sim.build.build_builtin` writes its YAML, which is committed. The recipes take the
builder as an argument (:func:`builtin_builders`), so this module does not import
:mod:`foedus.sim.build`, which imports it. The raw records themselves are never copied.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from foedus.data.snapshot import snapshot
from foedus.sim.scenario import Scenario

WORLD_2022_STATES = [
    # NATO in 2022 (30)
    2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 339, 341, 343, 344, 349,
    350, 355, 360, 366, 367, 368, 385, 390, 395, 640,
    # Europe outside NATO, the former Soviet Union
    380, 375, 369, 372, 359, 370, 365, 371, 373, 705, 703, 702, 704, 225, 305, 205, 345,
    # Asia-Pacific, Middle East, others
    710, 750, 770, 630, 666, 670, 651, 740, 732, 731, 713, 900, 920, 840, 816, 850, 140, 70, 560,
]
"""The 66 states of ``world-2022``: NATO's 30 members, the powers named in brief T1 (the US,
China, Russia, Iran; Japan, Australia, the UK; Sweden and Finland), CSTO and SCO members, US
treaty allies in Asia, and the largest other states of each region."""

NATO_2022 = [2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 339, 341, 343, 344, 349, 350, 355, 360, 366, 367, 368, 385, 390, 395, 640]
PARIS_CALL_STATES = [2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 310, 316, 317, 325, 344, 349, 350, 355, 360, 366, 367, 368, 375, 380, 390, 305, 205, 740, 732, 900, 920]


def _world_2022(scenario_from_record: Callable[..., Scenario]) -> Scenario:
    agreements = [
        {
            "name": "NATO",
            "members": NATO_2022,
            "start_year": 1949,
            "entry_years": {343: 2020},
            "obligations": ["defense", "consultation"],
            "institutionalised": 2,
            "integration": 0.8,
            "id": 3180,
            "source": "North Atlantic Treaty 1949; ATOP 5.1 atopid 3180 (members and entry years to 2018); North Macedonia's accession in March 2020 (NATO)",
        },
        {"name": "US-Japan Treaty of Mutual Cooperation and Security", "members": [2, 740], "start_year": 1960, "obligations": ["defense", "consultation"], "institutionalised": 2, "integration": 0.6, "id": 3375, "source": "ATOP 5.1 atopid 3375 (1960)"},
        {"name": "US-ROK Mutual Defense Treaty", "members": [2, 732], "start_year": 1953, "obligations": ["defense", "consultation"], "institutionalised": 2, "integration": 0.9, "id": 3240, "source": "ATOP 5.1 atopid 3240 (1953); Combined Forces Command: ROK forces under US wartime operational control (brief P3)"},
        {"name": "ANZUS", "members": [2, 900], "start_year": 1951, "obligations": ["defense", "consultation"], "institutionalised": 1, "id": 3215, "source": "ATOP 5.1 atopid 3215 (1951); ATOP ends New Zealand's membership in 1986, when the US suspended its obligations to it"},
        {"name": "AUKUS", "members": [2, 200, 900], "start_year": 2021, "obligations": ["consultation"], "institutionalised": 1, "source": "AUKUS joint leaders' statement, 15 September 2021 (technology and capability pact, no mutual-defence clause); not in ATOP 5.1 (ends 2018)"},
        {"name": "Collective Security Treaty Organization", "members": [365, 370, 371, 702, 703, 705], "start_year": 1992, "obligations": ["defense", "consultation"], "institutionalised": 1, "id": 4220, "source": "ATOP 5.1 atopid 4220 (Tashkent treaty 1992; members in force 2018)"},
        {"name": "Shanghai Cooperation Organisation", "kind": "organisation", "members": [710, 365, 702, 703, 704, 705, 750, 770], "start_year": 2001, "entry_years": {750: 2017, 770: 2017}, "obligations": ["consultation", "nonaggression"], "id": 4810, "source": "SCO Charter (2001-2002), a collective-security organisation facing inward (brief A2); ATOP 5.1 atopid 4810; India and Pakistan full members 2017"},
        {"name": "Sino-Russian Treaty of Good-Neighbourliness", "members": [365, 710], "start_year": 2001, "obligations": ["consultation", "nonaggression"], "id": 4980, "source": "ATOP 5.1 atopid 4980 (2001): alignment without a mutual-defence pact (brief T1)"},
        {"name": "Japan-Australia security cooperation", "members": [740, 900], "start_year": 2007, "obligations": ["consultation"], "source": "Japan-Australia Joint Declaration on Security Cooperation (2007); Reciprocal Access Agreement signed January 2022"},
        {
            "name": "Paris Call for Trust and Security in Cyberspace",
            "kind": "organisation",
            "domain": "cyber",
            "members": PARIS_CALL_STATES,
            "nonstate_members": ["microsoft", "google", "siemens", "cyberpeace", "isoc"],
            "start_year": 2018,
            "entry_years": {2: 2021},
            "obligations": ["consultation"],
            "source": "Paris Call supporters (pariscall.international): all EU members, the UK, Canada, Japan, South Korea, Australia, New Zealand, Norway (2018); United States (November 2021); firms and NGOs",
        },
    ]
    extra = {
        "nonstate_actors": [
            {"id": "microsoft", "name": "Microsoft", "kind": "firm", "home": 2, "cyber_capacity": 0.8, "cyber_vulnerability": 0.6, "source": "Paris Call supporter (2018)"},
            {"id": "google", "name": "Google", "kind": "firm", "home": 2, "cyber_capacity": 0.8, "cyber_vulnerability": 0.6, "source": "Paris Call supporter (2018)"},
            {"id": "siemens", "name": "Siemens", "kind": "firm", "home": 255, "cyber_capacity": 0.5, "cyber_vulnerability": 0.5, "source": "Paris Call supporter (2018); Charter of Trust"},
            {"id": "cyberpeace", "name": "CyberPeace Institute", "kind": "ngo", "cyber_capacity": 0.3, "cyber_vulnerability": 0.3, "values": 0.9, "source": "Paris Call supporter; an independent NGO in Geneva (no home state here) whose stated values are the Paris Call's (protection of civilians, international law and norms in cyberspace): values 0.9, the open camp"},
            {"id": "isoc", "name": "Internet Society", "kind": "ngo", "home": 2, "cyber_capacity": 0.3, "cyber_vulnerability": 0.3, "source": "Paris Call supporter"},
            {"id": "kaspersky", "name": "Kaspersky", "kind": "firm", "home": 365, "cyber_capacity": 0.7, "cyber_vulnerability": 0.5, "source": "Paris Call supporter (2018, Kaspersky Lab press release of 15 November 2018) but not a starting member here: the model places a firm in the camp of its home state (Russia) unless values are stated"},
        ],
        "shocks": [
            {"year": 2022, "kind": "invasion", "actor": 365, "target": 369, "intensity": 1.0, "duration": 5, "description": "Russia's full-scale invasion of Ukraine, 24 February 2022"},
            {"year": 2023, "kind": "join", "actors": [375], "agreement": "NATO", "description": "Finland joins NATO, 4 April 2023"},
            {"year": 2023, "kind": "join", "actors": [630], "agreement": "Shanghai Cooperation Organisation", "description": "Iran joins the SCO, 4 July 2023"},
            {"year": 2024, "kind": "join", "actors": [380], "agreement": "NATO", "description": "Sweden joins NATO, 7 March 2024"},
        ],
        "trends": {"great_power_competition": 0.7, "economic_interdependence": 0.5, "cyber": 0.6, "military_integration": 0.6, "norms": 0.5},
        "global_threats": {"terrorism": 0.02, "proliferation": 0.02, "organised_crime": 0.01},
        "sources": {
            "trends": "scenario assumptions (brief T1-T5): rising great-power competition; other drivers at today's level or slightly rising",
            "global_threats": "scenario assumption: starting intensities in capability-share units",
            "US tier": "pinned 'superpower': COW CINC (0.124 in 2022) understates US reach; SIPRI: 39 % of world military spending in 2022",
        },
    }
    sc = scenario_from_record(
        2022,
        ccodes=WORLD_2022_STATES,
        years=30,
        seed=2022,
        name="world-2022",
        description=(
            "The world of 2022 (brief T1): NATO revived by Russia's invasion of Ukraine, with Finland (2023) and "
            "Sweden (2024) joining; US treaty alliances in Asia; AUKUS; the CSTO; the SCO as a collective-security "
            "organisation; a Russia-China alignment without a defence pact; the Paris Call as a hybrid cyber alignment. "
            "66 states; capabilities from COW NMC 2022 and SIPRI 2022."
        ),
        agreements=agreements,
        skip_atop={3180, 3375, 3240, 3215, 4220, 4810, 4980},
        extra=extra,
    )
    data = sc.model_dump(mode="json", exclude_defaults=True)
    for a in data["actors"]:
        if a["ccode"] == 2:
            a["tier"] = "superpower"
            a.setdefault("sources", {})["tier"] = "pinned superpower (see sources: 'US tier')"
    return Scenario.from_dict({"name": sc.name, "start_year": sc.start_year, **data}, source="world-2022")


def _europe_1871(scenario_from_record: Callable[..., Scenario]) -> Scenario:
    europe = [int(c) for c in snapshot(1871, at_year_end=True).ccodes if 200 <= c < 400 or c == 640]
    return scenario_from_record(
        1871,
        ccodes=europe,
        years=44,
        seed=1871,
        name="europe-1871",
        description="The European great powers and their neighbours (every COW system member in Europe at the end of 1871, after German unification absorbed Bavaria, Baden and Wuerttemberg, and the Ottoman Empire), 1871-1914.",
        extra={
            "trends": {"great_power_competition": 0.6, "economic_interdependence": 0.4, "cyber": 0.0, "military_integration": 0.2, "norms": 0.3},
            "crisis_threats": ["organised_crime"],  # piracy and the slave trade; no terrorism or proliferation crises before 1914
        },
    )


_WHOLE_SYSTEMS: dict[str, dict[str, Any]] = {
    "multipolar-1815": {
        "year": 1816,
        "years": 99,
        "seed": 1815,
        "description": "The multipolar system after the Congress of Vienna: every COW system member of 1816 (the first year of the records), 1816-1914.",
        "extra": {
            "trends": {"great_power_competition": 0.5, "economic_interdependence": 0.3, "cyber": 0.0, "military_integration": 0.1, "norms": 0.3},
            "crisis_threats": ["organised_crime"],  # piracy (the Barbary states) and the slave trade; no terrorism or proliferation crises
        },
    },
    "bipolar-1950": {
        "year": 1950,
        "years": 40,
        "seed": 1950,
        "description": "The bipolar Cold War system: every COW system member of 1950, 1950-1989.",
        "extra": {"trends": {"great_power_competition": 0.6, "economic_interdependence": 0.4, "cyber": 0.0, "military_integration": 0.5, "norms": 0.5}},
    },
}
"""Built-ins holding every COW system member of their first year: :func:`scenario_from_record` arguments."""

def builtin_builders(scenario_from_record: Callable[..., Scenario]) -> dict[str, Callable[[], Scenario]]:
    """Recipes of the built-in scenarios, each a call of ``scenario_from_record`` (:func:`foedus.sim.build.scenario_from_record`)."""
    return {
        "world-2022": partial(_world_2022, scenario_from_record),
        "europe-1871": partial(_europe_1871, scenario_from_record),
        **{name: partial(scenario_from_record, top_n=None, name=name, **kw) for name, kw in _WHOLE_SYSTEMS.items()},
    }
