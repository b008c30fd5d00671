"""Coalitions with plausible members, organisations founded and joined (issue 17, item 6), over seeds of world-2022."""

from __future__ import annotations

import json

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.sim import Scenario, Simulation
from foedus.sim.steps._common import COALITION, ORGANISATION

DEF, OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")
USA, RUS, UKR, IND, IRN, CHN = 2, 365, 369, 750, 630, 710


def _bound(world, i: int, victim: int, aggressor: int) -> bool:
    """Whether state i shares a defence or offence pact in force with the victim, without the aggressor."""
    ag = world.state.agreements
    s = ag.in_force(domain=0, not_kind=COALITION)
    ob = ag.obligations[s]
    m = ag.members[s]
    return bool(((ob[:, DEF] | ob[:, OFF]) & m[:, i] & m[:, victim] & ~m[:, aggressor]).any())


def _rivalry_at_assembly(sim: Simulation) -> dict:
    """Wrap the crises step so that the rivalries as they stood when this year's coalitions assembled are kept.

    Rivalries begin and end in a later step of the same year (:mod:`foedus.sim.steps.rivalry`), so
    the world's rivalry matrix after the year is not the one the coalition step saw.
    """
    seen: dict = {}
    crises = sim.steps["crises_and_coalitions"]

    def step(world, rng):
        crises(world, rng)
        seen["rivalry"] = world.state.rivalry.copy()

    sim.steps["crises_and_coalitions"] = step
    return seen


def test_coalition_members_share_the_threat_or_are_bound_to_the_victim_and_no_two_are_rivals():
    sc = Scenario.builtin("world-2022")
    share = sc.parameters.coalition_threat_share
    checked = 0
    for seed in range(8):
        sim = Simulation(sc, rng=seed)
        at_assembly = _rivalry_at_assembly(sim)
        w = sim.world
        for _ in range(6):
            year = w.state.year
            sim.step()
            ag, cr = w.state.agreements, w.state.crises
            new = [a for a in range(ag.n) if ag.kind[a] == COALITION and ag.start_year[a] == year]
            for a in new:
                c = int(ag.crisis[a])
                members = np.flatnonzero(ag.members[a]) if ag.active[a] else None
                if members is None:
                    continue
                assert not at_assembly["rivalry"][np.ix_(members, members)].any(), f"rivals in {ag.names[a]}"
                agg, victim = cr.aggressor[c], cr.target[c]
                if agg < 0:
                    continue
                t = w.results.threat
                # a weapons programme has no victim: it is aimed at the proliferator's rivals (Sagan 1996; threat16), its targets
                aimed = at_assembly["rivalry"][:, agg] if victim < 0 else np.zeros(w.n, bool)
                for i in members:
                    ok = i == victim or aimed[i] or _bound(w, i, victim, agg) or (t[i, agg] > 0 and t[i, agg] >= share * t[i].max())
                    assert ok, f"seed {seed}: {w.inputs.ccode[i]} in {ag.names[a]} neither bound to the victim nor sharing the threat"
                    checked += 1
                # the aggressor and the coalition against it are adversaries (decayed once by the conflict step since)
                floor = sc.parameters.coalition_aggressor_hostility * (1.0 - sc.parameters.hostility_decay)
                assert (w.state.hostility[members[members != victim], agg] >= floor - 1e-12).all()
                codes = set(w.inputs.ccode[members].tolist())
                assert not codes & {IND, IRN, CHN}, sorted(codes)
                # the anti-invasion coalition is US-led (the scope of this check when it was written, daa8932: proliferation
                # coalitions had no aggressor then); one against a weapons programme is its targets' (the proliferator's rivals:
                # seed 1's of 2025 against Iran's is Egypt and Saudi Arabia's, the USA's rivalry with Iran having ended in 2024)
                assert victim < 0 or USA in codes, sorted(codes)
    assert checked > 0, "the test needs an aggression coalition"


MIN_SEEDS, MAX_SEEDS = 6, 12
"""Runs of world-2022 the organisation test checks at least, and searches at most, for a founding and an accession.

A run of 30 years has about two crises whose mission succeeds (13 in seeds 0-5), each becoming an
organisation with ``institutionalisation_rate`` 0.2: a run founds one with probability about 0.37,
so 12 runs all without one happen with probability about 0.63 ** 12 < 0.01 (the suite's alpha),
while six (the test's former fixed seeds) miss with probability about 0.06."""


def test_organisations_are_founded_and_joined_in_some_runs():
    sc = Scenario.builtin("world-2022")
    founded = joined = 0
    for seed in range(MAX_SEEDS):
        if seed >= MIN_SEEDS and founded and joined:
            break
        sim = Simulation(sc, rng=seed).run(30)
        ev = sim.events()
        ag = sim.world.state.agreements
        for kind, aid, detail in zip(ev.kind, ev.agreement_id, ev.detail):
            d = json.loads(detail)
            if kind == "formation" and d.get("cause") == "coalition institutionalised":
                founded += 1
                slot = int(np.flatnonzero(ag.agreement_id[: ag.n] == aid)[0])
                assert ag.kind[slot] == ORGANISATION and d["factors"]["members"] >= sc.parameters.organisation_min_members
            if kind == "accession" and d.get("cause") == "joins a regional organisation":
                joined += 1
                assert d["factors"]["ideal_distance_to_members"] <= sc.parameters.organisation_ideal_distance
                assert d["factors"]["proximity_to_members"] >= sc.parameters.organisation_proximity
    assert founded > 0 and joined > 0, (founded, joined)
