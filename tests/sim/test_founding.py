"""Multilateral founding (issue 17 item 1): several states that share a main threat found one treaty together.

A record-built world over several seeds: treaties with more than two founding members form, every
co-founder gains from the treaty and shares the proposer's main threat (an offence pact's: its target), the explanation names every
founding member, and a treaty so founded admits members while a bilateral one stays closed."""

from __future__ import annotations

import json

import numpy as np
import pytest

from foedus.sim import Simulation
from foedus.sim.build import scenario_from_record


@pytest.fixture(scope="module")
def runs():
    sc = scenario_from_record(1946, top_n=None, years=20)
    return [Simulation(sc, rng=seed, explain=True).run(20) for seed in range(3)]


def test_several_states_that_share_a_main_threat_found_one_treaty_each_gaining_from_it(runs):
    multilateral = 0
    for sim in runs:
        ev = sim.events()
        ag = sim.world.state.agreements
        slot_of, idx, entry, _ = ag.spells()
        for aid, d in zip(ev.loc[ev["kind"] == "formation", "agreement_id"], ev.loc[ev["kind"] == "formation", "detail"]):
            detail = json.loads(d) if isinstance(d, str) else {}
            if "form" not in detail.get("factors", {}):  # not a pact of the alignment step (a coalition, an organisation)
                continue
            members = detail["members"]
            slot = int(np.flatnonzero(ag.agreement_id[: ag.n] == aid)[0])
            founding = set(idx[(slot_of == slot) & (entry == ag.start_year[slot])].tolist())
            assert {int(c) for c in sim.world.inputs.ccode[list(founding)]} == {m["ccode"] for m in members}  # the explanation names every founding member
            if len(members) > 2:
                multilateral += 1
                # a bloc (foedus.sim.steps.blocs) opens to accession the year after its founding
                assert ag.admits[slot] or ("shared_threat" in detail["factors"] and ag.start_year[slot] == sim.year - 1)
                proposer = members[0]
                against = "target" if detail["factors"]["form"] == "offence" else "main_threat"  # an offence pact's common adversary
                for m in members[2:]:
                    # every co-founder gains, but a client the leader carries (hegemonic provision, Lake 1999) is paid exactly its
                    # shortfall and signs at no loss (foedus.theory.multilateral.found_bloc)
                    carried = m.get("transfer", 0.0) > 0
                    assert m["cofounder"] and (m["utility"] > m["cost"] or (carried and m["gain"] == 0.0 and m["utility"] == pytest.approx(m["cost"]))), m
                    if "shared_threat" in detail["factors"]:  # a bloc (foedus.sim.steps.blocs): the adversary or one of its allies
                        # or, for a client of a great power with no main threat of its own, a threat it perceives above the noise
                        client = m["main_threat"] is None and m["threat_from_shared"] >= detail["factors"]["threat_perception_floor"] > 0
                        assert m[against] in detail["factors"]["adversary_bloc"] or client, (m, detail["factors"])
                    else:
                        assert m[against] == proposer[against], (m, proposer)
            else:
                assert not ag.admits[slot]
    assert multilateral > 0
