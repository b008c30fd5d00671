"""The engine: canonical tables, reproducibility to the byte, checkpoints, replaceable steps."""

from __future__ import annotations

import json

import numpy as np
import pytest

from foedus.data.runs import read_history_dir, write_history_dir
from foedus.schema import TABLES, validate
from foedus.sim import Scenario, Simulation, run_scenario
from foedus.sim.agreements import FIRST_SIMULATED_ID
from foedus.sim.output import simulate_to_dir
from foedus.sim.record import Recorder
from foedus.sim.steps import DEFAULT_STEPS
from foedus.testing import synthetic_scenario, with_updates
from foedus.theory.alignment import MOTIVES

from .conftest import detail


@pytest.fixture(scope="module")
def run():
    sc = synthetic_scenario(14, seed=7, years=25, alliances=3, cyber=True, hostile_share=0.3, dispute_rate=0.2)
    sc = with_updates(sc, shocks=[{"year": 2003, "kind": "global_threat", "threat": "proliferation", "intensity": 2.0, "duration": 3}])
    sim = Simulation(sc, rng=sc.seed).run()
    return sim, sim.history()


def test_history_tables_fit_the_canonical_schema(run):
    _sim, h = run
    for name in ("states", "state_years", "agreements", "memberships", "events"):
        validate(getattr(h, name), TABLES[name], known_ccodes=h.states["ccode"])
    assert h.first_year == 2000 and h.last_year == 2024
    assert len(h.state_years) == 14 * 25
    assert set(h.events["kind"]) >= {"formation", "dissolution", "shock", "crisis"}
    # every membership belongs to a known agreement, inside its life
    m = h.memberships.merge(h.agreements[["agreement_id", "start_year", "end_year"]], on="agreement_id")
    assert len(m) == len(h.memberships)
    assert (m["entry_year"] >= m["start_year"]).all()
    ended = m["end_year"].notna()
    assert (m.loc[ended, "exit_year"].notna()).all()
    assert (m.loc[ended, "exit_year"] <= m.loc[ended, "end_year"]).all()


def test_states_join_several_agreements_leave_and_agreements_dissolve(run):
    _, h = run
    m = h.memberships
    # a state belongs to several agreements at once
    yearly = [((m["entry_year"] <= y) & (m["exit_year"].isna() | (m["exit_year"] > y))) for y in range(2000, 2025)]
    counts = [m[mask].groupby("ccode").size().max() for mask in yearly]
    assert max(counts) >= 2
    assert h.agreements["end_year"].notna().any()  # agreements dissolve
    assert (h.events["kind"] == "accession").any() or (m.groupby("agreement_id").size() > 2).any()


def test_every_alignment_event_explains_itself(run):
    _, h = run
    ev = h.events
    for d, c1, c2 in detail(ev, "formation"):
        if "members" in d:  # a pact chosen by its members: motives per member, exact decomposition (F5)
            for member in d["members"]:
                assert set(member["motives"]) == set(MOTIVES)
                assert sum(member["motives"].values()) == pytest.approx(member["utility"], rel=1e-4, abs=1e-9)
                # both sides consented: each gains, or (a bloc's client carried by its leader, Lake 1999) is paid exactly its shortfall
                carried = member.get("transfer", 0.0) > 0 and member["gain"] == 0.0
                assert member["utility"] > member["cost"] or (carried and member["utility"] == pytest.approx(member["cost"]))
        else:
            assert "cause" in d
    for kind in ("exit", "dissolution"):
        for d, _, _ in detail(ev, kind):
            assert "cause" in d
    for d, _, _ in detail(ev, "accession"):
        assert "cause" in d or set(d["motives"]) == set(MOTIVES)


def test_same_seed_same_bytes_different_seed_different_history(tmp_path):
    sc = synthetic_scenario(10, seed=3, years=12, alliances=2, cyber=True)
    a = write_history_dir(run_scenario(sc, seed=11), tmp_path / "a")
    b = write_history_dir(run_scenario(sc, seed=11), tmp_path / "b")
    c = write_history_dir(run_scenario(sc, seed=12), tmp_path / "c")
    files = sorted(p.name for p in a.glob("*.parquet"))
    assert files == ["agreements.parquet", "events.parquet", "memberships.parquet", "state_years.parquet", "states.parquet"]
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f
    assert any((a / f).read_bytes() != (c / f).read_bytes() for f in files)


def test_interrupted_run_resumes_to_the_same_bytes(tmp_path):
    sc = synthetic_scenario(9, seed=5, years=14, alliances=2)
    simulate_to_dir(sc, tmp_path / "whole", checkpoint_every=0)
    # an interrupted run: the first 8 years with checkpoints every 4, then resumed
    with pytest.raises(_Interrupt):
        simulate_to_dir(sc, tmp_path / "part", years=14, checkpoint_every=4, on_year=_stop_after(8))
    assert (tmp_path / "part" / "checkpoint.pkl").is_file()
    assert json.loads((tmp_path / "part" / "run.json").read_text())["years_done"] == 4  # the last checkpoint
    simulate_to_dir(None, tmp_path / "part", resume=True)
    assert not (tmp_path / "part" / "checkpoint.pkl").exists()
    for f in sorted((tmp_path / "whole").glob("*.parquet")):
        assert f.read_bytes() == (tmp_path / "part" / f.name).read_bytes(), f.name
    back = read_history_dir(tmp_path / "part")
    assert back.last_year == 2013
    lines = (tmp_path / "part" / "events.jsonl").read_text().splitlines()
    assert len(lines) == len(back.events) and json.loads(lines[0])["year"] == back.events["year"].iloc[0]


class _Interrupt(Exception):
    """Stands for an interruption (Ctrl-C, a killed job) in the middle of a run."""


def _stop_after(years: int):
    def on_year(sim):
        if sim.years_done == years:
            raise _Interrupt
    return on_year


def test_resume_refuses_a_different_seed(tmp_path):
    sc = synthetic_scenario(6, seed=1, years=6)
    with pytest.raises(_Interrupt):
        simulate_to_dir(sc, tmp_path / "r", checkpoint_every=2, on_year=_stop_after(4))
    with pytest.raises(ValueError, match="seed"):
        simulate_to_dir(None, tmp_path / "r", resume=True, seed=99)
    with pytest.raises(ValueError, match="no unfinished run"):
        simulate_to_dir(None, tmp_path / "nothing", resume=True)


def test_steps_are_named_and_replaceable():
    # the blocs step (multilateral treaties against a shared threat) runs before alignment since it was merged; treaties
    # replaced by a new one of the same pair after the politics (renew22; off by default)
    assert list(DEFAULT_STEPS) == [
        "system_membership", "trends_and_shocks", "capabilities", "threat_perception", "absent_states", "blocs", "alignment",
        "alliance_politics", "treaty_replacement", "crises_and_coalitions", "cyber", "conflict_and_commitments", "wartime_pacts", "rivalries", "record",
    ]
    sc = synthetic_scenario(6, seed=2, years=5)
    calls = []
    sim = Simulation(sc, rng=sc.seed)
    sim.steps["alignment"] = lambda world, rng: calls.append(world.state.year)
    sim.steps["blocs"] = lambda world, rng: calls.append(-world.state.year)
    del sim.steps["wartime_pacts"]  # pacts made for a war form there (crisis8)
    h = sim.run().history()
    assert sorted(calls) == sorted([*range(2000, 2005), *range(-2004, -1999)])
    formed = h.agreements[h.agreements["agreement_id"] >= 100001]
    assert (formed["kind"] != "alliance").all()  # no alliance forms without the steps that form them (blocs, alignment, wartime pacts)


def test_scheduled_shocks_of_world_2022():
    sc = Scenario.builtin("world-2022")
    sim = Simulation(sc, rng=1).run(3)
    w = sim.world
    ag = w.state.agreements
    nato = next(a for a in range(ag.n) if ag.names[a] == "NATO")
    fin, swe = w.index_of(375), w.index_of(380)
    assert ag.members[nato, fin] and ag.members[nato, swe]  # Finland 2023, Sweden 2024
    assert ag.entry_year[nato, fin] == 2023 and ag.entry_year[nato, swe] == 2024
    ev = sim.events()
    war = ev[(ev["kind"] == "war") & (ev["year"] == 2022)]
    assert ((war["ccode"] == 365) & (war["ccode2"] == 369)).any()  # Russia's invasion of Ukraine
    assert w.tier[w.index_of(2)] == "superpower"


def test_cyber_alignments_form_from_mutual_trust_and_record_every_actor():
    """T3: states that share vulnerabilities with no one form new cyber alignments with partners
    they trust above Kydd's threshold (issue 17); every change, non-state actors' included, is an
    event with its explanation (firms and NGOs join in some runs)."""
    sc = Scenario.builtin("world-2022")
    h = Simulation(sc, rng=4).run(12).history()
    ev = h.events
    cyber_formed = [(d, c1, c2) for d, c1, c2 in detail(ev, "formation") if d.get("domain") == "cyber"]
    assert cyber_formed, "no cyber alignment formed in 12 years of world-2022"
    for d, _, _ in cyber_formed:
        f = d["factors"]
        assert d["cause"] == "cyber trust"
        assert f["group_trust"] > f["trust_threshold"] and f["partner_group_trust"] > f["partner_trust_threshold"]
        assert f["value"] > 0 and f["partner_value"] > 0 and f["camp_distance"] <= f["camp_tolerance"]
    formed_ids = {a for a, k in zip(ev["agreement_id"], ev["kind"]) if k == "formation"}
    cyber_ids = set(h.agreements.loc[h.agreements["name"].str.startswith("cyber alignment"), "agreement_id"])
    assert cyber_ids and cyber_ids <= formed_ids
    # every non-state accession after the start is an event naming the actor; firms join in
    # some runs only, so the first seeds are searched for runs where one does (since session 16's merge, where an
    # aggressor's neighbours read its hostility (threat16), one in 15 years in 5 of seeds 0-23: 8, 11, 15, 17, 18)
    runs_with_joins = 0
    for seed in (4, *range(4), *range(5, 24)):
        if seed != 4:
            h = Simulation(sc, rng=seed).run(15).history()
            ev = h.events
        ns = h.extras["nonstate_memberships"]
        joined = ns[ns["entry_year"] > sc.start_year]
        names = {d["nonstate_actor"] for d, _, _ in detail(ev, "accession") if "nonstate_actor" in d}
        assert set(joined["actor_id"]) <= names
        for d, _, _ in detail(ev, "accession"):
            if "nonstate_actor" in d:
                assert d["actor_kind"] in ("firm", "ngo", "igo") and d["cause"] == "cyber trust" and "value" in d["factors"]
        runs_with_joins += len(joined) > 0
        if runs_with_joins >= 1:
            break
    assert runs_with_joins, "no firm or NGO joined a cyber alignment in 24 runs of world-2022"


def test_dissolutions_explain_themselves_and_unknown_founding_motives_are_null():
    sc = Scenario.builtin("world-2022")
    h = Simulation(sc, rng=2).run(15).history()
    dis = detail(h.events, "dissolution")
    assert dis
    start_ids = set(h.agreements.loc[h.agreements["agreement_id"] < FIRST_SIMULATED_ID, "agreement_id"])  # the scenario's
    ev = h.events[h.events["kind"] == "dissolution"]
    for (d, _, _), a in zip(dis, ev["agreement_id"]):
        assert "cause" in d
        if d["cause"] == "cohesion lost":
            if a in start_ids:
                assert d["motives_at_formation"] is None  # not known for agreements in force at the start
            else:
                assert set(d["motives_at_formation"]) == set(MOTIVES)
        if d["cause"].startswith("too few members"):
            assert "members_left" in d["factors"]


def test_checked_theory_inputs_give_the_same_history():
    """Simulation(check=True) validates every theory call's inputs; the run is the same to the byte."""
    sc = synthetic_scenario(12, seed=4, years=10, alliances=3, cyber=True, dispute_rate=0.2)
    fast, checked = (Simulation(sc, rng=9, check=c).run().history() for c in (False, True))
    for name in ("agreements", "memberships", "events", "state_years"):
        assert getattr(fast, name).equals(getattr(checked, name)), name


def test_runs_without_explanations_are_the_same_runs():
    """explain=False only leaves the alignment events' details empty: same tables, same events."""
    sc = synthetic_scenario(12, seed=6, years=15, alliances=3, cyber=True, dispute_rate=0.2)
    full, bare = (Simulation(sc, rng=2, explain=e).run().history() for e in (True, False))
    for name in ("agreements", "memberships", "state_years"):
        assert getattr(full, name).equals(getattr(bare, name)), name
    cols = ["year", "kind", "agreement_id", "ccode", "ccode2"]
    assert full.events[cols].equals(bare.events[cols])
    explained = full.events["kind"].isin(["formation", "exit", "dissolution", "accession"])
    assert (full.events.loc[explained, "detail"] != "{}").all()
    # the pacts the states chose (their details name both members' motives) are not explained
    chosen = explained & full.events["detail"].str.contains('"members":[{', regex=False)
    assert chosen.sum() > 0 and (bare.events.loc[chosen, "detail"] == "{}").all()


def test_a_generator_is_accepted_and_drawn_from_like_its_seed():
    sc = synthetic_scenario(6, seed=2, years=4)
    by_seed = Simulation(sc, rng=5).run().history()
    gen = np.random.default_rng(5)
    sim = Simulation(sc, rng=gen)
    assert sim.rng is gen and sim.seed is None
    by_gen = sim.run().history()
    for name in ("state_years", "agreements", "memberships", "events"):
        assert getattr(by_gen, name).equals(getattr(by_seed, name)), name
    assert by_gen.source == f"simulation:{sc.name}"


def test_a_bad_rng_is_refused_with_its_type():
    with pytest.raises(TypeError, match="rng must be .* not str"):
        Simulation(synthetic_scenario(4, years=2), rng="1")
    with pytest.raises(TypeError, match="not bool"):  # True is an int to Python, never a seed
        Simulation(synthetic_scenario(4, years=2), rng=True)


def test_the_recorder_is_passed_in_and_receives_the_run():
    sc = synthetic_scenario(5, seed=3, years=3)
    rec = Recorder(5, sc.start_year, capacity=3)
    sim = Simulation(sc, rng=1, recorder=rec).run()
    assert sim.world.log is rec and rec.years == 3
    with pytest.raises(ValueError, match="recorder is for 4 states"):
        Simulation(sc, recorder=Recorder(4, sc.start_year))


def _quiet_cyber(world, rng):
    """A module-level replacement step (picklable by reference)."""


def test_a_checkpoint_keeps_the_default_steps_by_name_and_a_custom_step(tmp_path):
    sc = synthetic_scenario(6, seed=4, years=6)
    sim = Simulation(sc, rng=4)
    sim.steps["cyber"] = _quiet_cyber
    sim.run(3)
    back = Simulation.load(sim.save(tmp_path / "c.pkl"))
    assert list(back.steps) == list(sim.steps)
    assert back.steps["alignment"] is DEFAULT_STEPS["alignment"] and back.steps["cyber"] is _quiet_cyber
    with open(tmp_path / "c.pkl", "rb") as f:
        assert b"trends_and_shocks" in f.read()  # stored by name
    a, b = sim.run().history(), back.run().history()
    assert a.events.equals(b.events) and a.state_years.equals(b.state_years)


def test_saving_a_lambda_step_is_refused_naming_the_step(tmp_path):
    sim = Simulation(synthetic_scenario(4, years=2), rng=0)
    sim.steps["my_rule"] = lambda world, rng: None
    with pytest.raises(ValueError, match="step 'my_rule'.*cannot be pickled"):
        sim.save(tmp_path / "c.pkl")
    assert not (tmp_path / "c.pkl").exists()
