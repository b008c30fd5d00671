"""Issue 17 in whole runs: obligations as ATOP codes them, treaties' terms of admission, treaty inertia.

Worlds built from the record; each claim over several seeds, compared with ATOP 5.1 where the
record says something (``../shared/data``)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from foedus.schema import OBLIGATIONS
from foedus.sim import Scenario, Simulation
from foedus.sim.build import scenario_from_record
from foedus.theory.obligations import PACT_FORMS


@pytest.fixture(scope="module")
def world_2000():
    return scenario_from_record(2000, top_n=None)


def _atop_survival(data_dir, year: int, years: int) -> float:
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["begyr", "endyr"])
    end = a["endyr"].where(a["endyr"] > 0, 9999)
    in_force = (a["begyr"] <= year) & (end > year)
    return float((end[in_force] > year + years).mean())


def test_inherited_pacts_of_a_record_built_world_survive_about_as_long_as_they_did(world_2000, data_dir):
    """Leeds & Savun (2007), Wallander (2000): without shocks, the pacts in force in 2000 are kept
    about as long as ATOP records (10-year survival 0.969), within issue 12's tolerance for shares (0.15)."""
    record = _atop_survival(data_dir, 2000, 10)
    kept = []
    for seed in range(4):
        sim = Simulation(world_2000, rng=seed, explain=False)
        ag = sim.world.state.agreements
        start = ag.active_slots().copy()
        start = start[(ag.kind[start] == 0) & (ag.domain[start] == 0)]
        sim.run(10)
        kept.append(float(sim.world.state.agreements.active[start].mean()))
    assert abs(np.mean(kept) - record) <= 0.15, (kept, record)


@pytest.fixture(scope="module")
def world_2022_new_pacts() -> list[tuple]:
    """Six runs of world-2022 over ten years: per seed, the late accessions to treaties of the record and the new pacts."""
    sc = Scenario.builtin("world-2022")
    out = []
    for seed in range(6):
        sim = Simulation(sc, rng=seed, explain=False)
        sim.run(10)
        ag = sim.world.state.agreements
        slot, _, entry, _ = ag.spells()
        late = entry > ag.start_year[slot]
        starting = ag.agreement_id[slot] < 100001  # entry years given by the scenario for treaties in force at the start
        joined = late & ~(starting & (entry < sc.start_year)) & (ag.kind[slot] == 0) & (ag.domain[slot] == 0)
        new = np.flatnonzero((ag.agreement_id[: ag.n] >= 100001) & (ag.kind[: ag.n] == 0) & (ag.domain[: ag.n] == 0))
        admits = ag.admits.copy()
        opening = sim.world.cache.get("blocs_opening")  # a bloc founded in the last year admits members from the next (steps/blocs)
        if opening is not None:
            admits[opening] = True
        out.append((ag.admits[slot[joined]].copy(), ag.size()[new].copy(), admits[new].copy(), ag.obligations[new].copy()))
    return out


def test_no_treaty_whose_terms_admit_no_members_gains_one(world_2022_new_pacts):
    """ATOP proadd: a bilateral treaty (or any without provisions for new members) never gains a member
    (the first half of the next test, kept apart while that one was a strict xfail)."""
    for admits_joined, size, admits, _ in world_2022_new_pacts:
        assert admits_joined.all(), "a treaty that admits no members gained one"
        assert (size[~admits] <= 2).all()


@pytest.mark.xfail(
    strict=True,
    reason=(
        "measured, not hidden (first obligation of each new alliance, seeds 0-5 x 10 years of world-2022): main 520c954 formed "
        "non-aggression 4, defence 1 (a strict xfail there); lowob17 (lesser pledges at lesser_entrapment_share of the base "
        "cost) non-aggression 3, consultation 2, neutrality 2, defence 1, a pass by trajectory; lowob17b (a neutrality pledge "
        "forecloses the alternative alignment, so it carries the whole base cost, Snyder 1997) none of neutrality again, "
        "which brought 1946-1989's neutrality pacts into range on three seed sets (in sample). Against ATOP's 0.0098 "
        "neutrality and 0.0069 consultation pacts per state-year in 1990-2018. strict: when every form forms the mark must go"
    ),
)
def test_no_treaty_whose_terms_admit_no_members_gains_one_and_every_obligation_type_forms(world_2022_new_pacts):
    """ATOP proadd: a bilateral treaty (or any without provisions for new members) never gains a member;
    new pacts of every defensive form (defence, neutrality, non-aggression, consultation) form in world-2022
    (offence pacts, none in ATOP since 1990, form in the 19th century: the next test)."""
    forms = set()
    for admits_joined, size, admits, obligations in world_2022_new_pacts:
        assert admits_joined.all(), "a treaty that admits no members gained one"
        assert (size[~admits] <= 2).all()
        for ob in obligations:
            forms.add(next(o for o in OBLIGATIONS if ob[OBLIGATIONS.index(o)]))
    assert forms >= {PACT_FORMS[f][0] for f in PACT_FORMS if f != "offence"}, forms


def test_no_offence_pact_forms_in_world_2022():
    """ATOP records no offence pact begun since 1990: none should form in world-2022's first ten years (6 seeds).

    The norm against conquest (Zacher 2001; Fazal 2007; foedus.theory.renunciation) discounts the gain of an attack
    that an offence pledge shares; before it, world-2022 formed a few (0.0005 per state-year in 1990-2018)."""
    sc = Scenario.builtin("world-2022")
    for seed in range(6):
        sim = Simulation(sc, rng=seed, explain=False).run(10)
        ag = sim.world.state.agreements
        new = np.flatnonzero((ag.agreement_id[: ag.n] >= 100001) & (ag.kind[: ag.n] == 0) & (ag.domain[: ag.n] == 0))
        assert not ag.obligations[new, OBLIGATIONS.index("offense")].any(), f"seed {seed}: an offence pact formed"


def test_offence_pacts_form_in_a_nineteenth_century_world_proposed_by_states_with_a_target():
    """Snyder (1997), Bueno de Mesquita (1981): an offence pledge is worth something to a state with a target
    it could beat with the partner's forces; ATOP records 0.0034 offence pacts per state-year in 1816-1914.
    Every offence pact formed is proposed by a state with a target, to whom the partner's pledge is worth something."""
    sc = scenario_from_record(1816, top_n=None, years=99)
    formed = 0
    for seed in range(3):
        sim = Simulation(sc, rng=seed, explain=True).run(99)
        ev = sim.events()
        details = [json.loads(d) for d in ev.loc[ev["kind"] == "formation", "detail"].dropna()]
        off = [d for d in details if d.get("factors", {}).get("form") == "offence"]
        formed += len(off)
        for d in off:
            proposer = d["members"][0]
            assert proposer["target"] > 0 and proposer["goods"]["aggrandisement"] > 0, proposer
    assert formed > 0


def test_a_state_joins_only_treaties_of_its_own_region():
    """Terms of admission name the region's states: no accession from outside the members' COW regions."""
    from foedus.theory.obligations import cow_region

    sc = Scenario.builtin("world-2022")
    for seed in range(4):
        sim = Simulation(sc, rng=seed).run(10)
        ev = sim.events()
        ag = sim.world.state.agreements
        acc = ev[(ev["kind"] == "accession") & ~ev["detail"].str.contains("cyber", na=False)]
        for aid, c in zip(acc["agreement_id"], acc["ccode"]):
            slot = int(np.flatnonzero(ag.agreement_id[: ag.n] == aid)[0])
            if ag.domain[slot] != 0 or ag.kind[slot] != 0:
                continue
            slots, idx, _, _ = ag.spells()
            regions = set(cow_region(sim.world.inputs.ccode[idx[(slots == slot) & (sim.world.inputs.ccode[idx] != c)]]).tolist())
            assert int(cow_region(c)) in regions


def test_no_state_joins_a_defence_treaty_against_itself():
    """Walt (1987): NATO members do not admit the Soviet Union (as in 1954, when they refused Molotov's
    request); no member of a protective treaty votes in its own main threat, over 4 seeds of bipolar-1950."""
    sc = Scenario.builtin("bipolar-1950")
    nato = next(a for a in sc.agreements if a.id == 3180)
    for seed in range(4):
        sim = Simulation(sc, rng=seed, explain=False).run(10)
        ag, w = sim.world.state.agreements, sim.world
        slot = int(np.flatnonzero(ag.agreement_id[: ag.n] == 3180)[0])
        _, idx, entry, _ = ag.spells()
        s_slot = ag.spells()[0]
        joined = set(w.inputs.ccode[idx[(s_slot == slot) & (entry > nato.start_year)]].tolist())
        assert 365 not in joined, (seed, joined)
