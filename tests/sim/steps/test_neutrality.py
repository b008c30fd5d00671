"""Permanent neutrality (``Actor.neutral``) in every formation route, and the members' consent to an accession (issue 17 items 1, 3)."""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from foedus.schema import OBLIGATIONS
from foedus.sim import Scenario, Simulation
from foedus.sim.scenario import ScenarioError
from foedus.sim.steps.alignment import _admitted, _Alliances, alignment
from foedus.sim.steps.formation import ExchangeTerms, commitment_capacity
from foedus.sim.steps.neutrality import permanently_neutral

from .conftest import ACTORS, GRT, RIV, SMA, SMB, alliance, events, tiny_world

THREATENED = [
    {"pair": [GRT, RIV], "hostility": 0.6, "rivalry": True},
    {"pair": [RIV, SMA], "hostility": 0.9},
    {"pair": [RIV, SMB], "hostility": 0.9},
]
SWISS = "Act of Paris of 20 November 1815 (test)"
BINDING = [OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")]


def _actors(neutral: list | None = None, code: int = SMA) -> list[dict]:
    out = [dict(a) for a in ACTORS]
    if neutral is not None:
        a = next(a for a in out if a["ccode"] == code)
        a["neutral"], a["sources"] = neutral, {"neutral": SWISS}
    return out


def _binding_pacts_of(world, code: int) -> int:
    """How many alliances in force with a defence or offence obligation state ``code`` belongs to."""
    ag = world.state.agreements
    i = world.index_of(code)
    live = ag.active[: ag.n] & ag.members[: ag.n, i]
    return int((live & ag.obligations[: ag.n][:, BINDING].any(axis=1)).sum())


def test_the_neutral_states_of_a_year_are_those_with_a_spell_covering_it():
    world, _ = tiny_world(actors=_actors([[1990, 1999], [2000, None]]))
    assert permanently_neutral(world).tolist() == [False, False, True, False]
    world, _ = tiny_world(actors=_actors([[1839, 1919]]))
    assert not permanently_neutral(world).any()


def test_a_permanently_neutral_state_signs_no_defence_pact_that_it_signs_when_not_neutral():
    """The first alignment test's world (two small states threatened by one power sign defence pacts against it): the
    same world with Small A permanently neutral forms no defence or offence pact with it, over 20 seeds."""
    kw = dict(relations=THREATENED, consider_rate=1.0, bandwagon_weight=0.0, balance_power_weight=0.0, defence_burden_weight=0.0)
    signed_free = signed_neutral = 0
    for seed in range(20):
        for neutral, count in ((None, "free"), ([[1815, None]], "neutral")):
            world, _ = tiny_world(actors=_actors(neutral), **kw)
            alignment(world, np.random.default_rng(seed))
            n = _binding_pacts_of(world, SMA)
            if count == "free":
                signed_free += n > 0
            else:
                signed_neutral += n
    assert signed_free >= 15  # the route is open to it when it is not neutral
    assert signed_neutral == 0


def _run(seed: int, neutral: list | None) -> list[tuple[int, int]]:
    """Small A's and Small B's binding pacts in each year of a 15-year run."""
    sc = Scenario.from_dict({
        "name": "neutral", "start_year": 2000, "years": 15, "actors": _actors(neutral), "relations": THREATENED,
        "agreements": [alliance("Open pact", [GRT, SMB], admits_members=True)],
        "parameters": {"consider_rate": 1.0, "defence_burden_weight": 0.0},
    })
    seen: list[tuple[int, int]] = []
    Simulation(sc, rng=seed).run(on_year=lambda s: seen.append((_binding_pacts_of(s.world, SMA), _binding_pacts_of(s.world, SMB))))
    return seen


@pytest.mark.parametrize("seed", range(4))
def test_a_permanently_neutral_state_is_in_no_defence_or_offence_pact_in_any_year_of_a_run(seed):
    """Every route (pairs, co-founders, accessions, blocs) over 15 years: the neutral state never enters a binding pact,
    while its neighbour, as threatened, does; and the same state not neutral does."""
    seen = _run(seed, [[1815, None]])
    assert all(a == 0 for a, _ in seen)
    assert any(b > 0 for _, b in seen)
    assert any(a > 0 for a, _ in _run(seed, None))


def test_a_neutral_candidate_is_no_option_for_a_defence_treaty_but_is_for_a_consultation_treaty():
    from foedus.sim.steps.alignment import _best_accessions

    world, _ = tiny_world(actors=_actors([[1815, None]]), relations=THREATENED, agreements=[
        alliance("Defence", [GRT, SMB], admits_members=True), alliance("Talks", [GRT, SMB], obligations=["consultation"], admits_members=True)])
    view = _Alliances(world, commitment_capacity(world))
    terms = ExchangeTerms(world)
    goods = np.full((5, world.n, world.n), 5.0)  # every member gains from every candidate
    rows = np.array([world.index_of(SMA)])
    none = (np.zeros(1, np.int64), np.full(1, -np.inf), np.zeros(1), np.zeros(1))
    best, net, _, _ = _best_accessions(world, rows, goods, view, terms, *none, 100)
    assert net[0] > -np.inf and best[0] == 100 + 1  # the consultation treaty, not the defence treaty


def _vote_world(**parameters):
    """A non-aggression treaty of Rival, Great and Small B that Small A asks to join; every member gains from it."""
    world, _ = tiny_world(relations=THREATENED, agreements=[alliance("Pact", [RIV, GRT, SMB], obligations=["nonaggression"], admits_members=True)], **parameters)
    view = _Alliances(world, commitment_capacity(world))
    goods = np.full((5, world.n, world.n), 5.0)
    return world, view, ExchangeTerms(world), goods


def test_a_member_that_is_the_candidates_main_threat_vetoes_its_accession_under_unanimity():
    """Issue 17 item 3 (Ukraine into the SCO treaty over Russia's refusal): with every member gaining and one member the
    candidate's main threat, the accession passes under a majority rule and fails under the default, unanimity."""
    for share, admitted in ((None, False), (0.5, True)):
        world, view, terms, goods = _vote_world(**({} if share is None else {"accession_share": share}))
        c = world.index_of(SMA)
        view.main = view.main.copy()
        view.main[c] = world.index_of(RIV)
        ok, votes, _, _ = _admitted(world, np.array([c]), np.zeros(1, np.int64), goods, view, terms)
        assert votes[0] == pytest.approx(2 / 3)
        assert bool(ok[0]) is admitted
    # no main threat: RIV (hostility 0.9 to SMA) still vetoes it as a rival whose pledge is cheap talk (consent.rival_veto,
    # Kydd's trust threshold); believing every pledge (trust_threshold 0), nobody vetoes: all gain, admitted
    for threshold, share in ((None, 2 / 3), (0.0, 1.0)):
        world, view, terms, goods = _vote_world(**({} if threshold is None else {"trust_threshold": threshold}))
        view.main = np.full(world.n, -1)
        ok, votes, _, _ = _admitted(world, np.array([world.index_of(SMA)]), np.zeros(1, np.int64), goods, view, terms)
        assert votes[0] == pytest.approx(share) and bool(ok[0]) is (share == 1.0)


def test_a_permanent_neutrality_without_its_source_or_with_a_bad_spell_is_a_clear_error(tmp_path):
    from foedus.cli import app

    for spells, sources, field, words in (
        ([[1815, None]], {}, "actors[2].sources", "needs its source"),
        ([[1839, 1830]], {"neutral": SWISS}, "actors[2].neutral[0]", "before it begins"),
        ([], {"neutral": SWISS}, "actors[2].neutral", "at least one spell of neutrality"),
    ):
        actors = _actors()
        actors[2]["neutral"], actors[2]["sources"] = spells, sources
        with pytest.raises(ScenarioError) as raised:
            Scenario.from_dict({"name": "bad", "start_year": 2000, "actors": actors}, source="bad.yaml")
        assert raised.value.column == field and words in str(raised.value)
    import yaml

    bad = tmp_path / "bad.yaml"
    actors = _actors()
    actors[2]["neutral"] = [[1815, None]]
    bad.write_text(yaml.safe_dump({"name": "bad", "start_year": 2000, "actors": actors}), encoding="utf-8")
    out = CliRunner().invoke(app, ["scenario", "check", str(bad)])
    assert out.exit_code == 2
    assert "bad.yaml" in out.output and "actors[2].sources" in out.output and "needs its source" in out.output
    assert "Traceback" not in out.output


def test_the_builtin_scenarios_state_the_guaranteed_neutralities_with_their_sources():
    want = {"world-2022": {205, 225, 305}, "europe-1871": {211, 225}, "multipolar-1815": {211, 225}, "bipolar-1950": {94, 205, 225, 305, 338}}
    for name, codes in want.items():
        sc = Scenario.builtin(name)
        got = {a.ccode for a in sc.actors if a.neutral}
        assert got == codes, name
        assert all(a.sources["neutral"] for a in sc.actors if a.neutral)


def test_the_record_builder_states_the_neutralities_still_in_force():
    from foedus.sim.build_actors import PERMANENT_NEUTRALITY, neutrality_of

    assert neutrality_of(211, 1900) == ([[1839, 1919]], PERMANENT_NEUTRALITY[211][1])
    assert neutrality_of(211, 1946) is None and neutrality_of(212, 1948) is None  # Belgium after Versailles, Luxembourg after 1948
    assert neutrality_of(375, 1950) is None  # Finland: a policy, not a guaranteed status
    assert neutrality_of(701, 1990)[0] == [[1995, None]]  # Turkmenistan, scheduled for a run that starts before 1995
    assert neutrality_of(338, 1990)[0] == [[1987, None]] and neutrality_of(338, 1980)[0] == [[1987, None]]  # Malta's constitution
    assert neutrality_of(205, 2022)[0] == [[2002, None]]  # Ireland: the 2002 amendment and Seville declaration
    assert neutrality_of(380, 2022) is None  # Sweden: a policy (NATO member from 2024)


def test_a_scenario_built_from_the_record_of_1900_states_belgian_and_swiss_neutrality():
    from foedus.sim.build import scenario_from_record

    sc = scenario_from_record(1900, years=5)
    got = {a.ccode: a.neutral for a in sc.actors if a.neutral}
    assert got == {211: [(1839, 1919)], 225: [(1815, None)]}


def test_world_2022_the_coalition_against_the_invasion_leaves_out_austria_and_switzerland_as_permanently_neutral():
    """The 2022 coalition against aggression (an offence pledge) took Austria before neutrality was a scenario fact; now
    neither neutral joins it, and the founding event says who was left out for it."""
    from foedus.sim.steps._common import COALITION

    sim = Simulation(Scenario.builtin("world-2022"), rng=1).run(1)
    ag, w = sim.world.state.agreements, sim.world
    coal = [a for a in range(ag.n) if ag.kind[a] == COALITION and ag.obligations[a, OBLIGATIONS.index("offense")]]
    assert coal
    for a in coal:
        members = set(w.inputs.ccode[ag.members[a]].tolist())
        assert not members & {225, 305} and len(members) >= 2
    ev = sim.events()
    left = [d for d in ev[ev["kind"] == "formation"]["detail"] if "left_out_as_permanently_neutral" in d]
    assert any("305" in d.split("left_out_as_permanently_neutral")[1].split("]")[0] for d in left)


def _out_by_policy(since: int | None) -> list[dict]:
    out = [dict(a) for a in ACTORS]
    if since is not None:
        next(a for a in out if a["ccode"] == SMA)["nonaligned_since"] = since
    return out


def test_a_state_long_out_of_alliances_weighs_a_defence_pact_as_often_as_its_inertia_says():
    """Small A, out of alliances since 1816 (184 years at the start, 2000), weighs a defence pact in a year with
    probability 184^-beta (foedus.theory.nonalignment.policy_inertia); over 400 draws the share is that within 4 sd."""
    from foedus.sim.steps.system import nonalignment_record

    world, _ = tiny_world(actors=_out_by_policy(1816), nonalignment_elasticity=0.5)
    i = world.index_of(SMA)
    open_ = 0
    for seed in range(400):
        nonalignment_record(world, np.random.default_rng(seed))
        assert not world.state.policy_bar[np.arange(4) != i].any()  # the others have no record: no inertia
        open_ += not world.state.policy_bar[i]
    p = 184 ** -0.5
    assert abs(open_ / 400 - p) < 4 * np.sqrt(p * (1 - p) / 400)


def test_a_state_out_by_policy_signs_no_defence_pact_unless_its_main_threat_is_at_war_next_door():
    """The first alignment test's world (two small states threatened by one power sign defence pacts against it), with
    Small A out of alliances since 1816 and an elasticity that keeps it out nearly always: it signs no defence or offence
    pact over 20 seeds; with the Rival at war with Small B next door it signs them as a state without the record does."""
    from foedus.sim.steps.system import nonalignment_record

    near = [dict(r, contiguous=True) if r["pair"] == [RIV, SMA] else r for r in THREATENED]  # the Rival borders Small A
    kw = dict(relations=near, consider_rate=1.0, bandwagon_weight=0.0, balance_power_weight=0.0, defence_burden_weight=0.0, nonalignment_elasticity=2.0)
    signed = {"free": 0, "policy": 0, "shock": 0}
    for seed in range(20):
        for case, since in (("free", None), ("policy", 1816), ("shock", 1816)):
            world, _ = tiny_world(actors=_out_by_policy(since), **kw)
            rng = np.random.default_rng(seed)
            nonalignment_record(world, rng)
            if case == "shock":
                r, b = world.index_of(RIV), world.index_of(SMB)
                world.state.at_war[r, b] = world.state.at_war[b, r] = True
            alignment(world, rng)
            signed[case] += _binding_pacts_of(world, SMA) > 0
    assert signed["free"] >= 15 and signed["shock"] >= 15  # the route is open to it without the record, or in the shock
    assert signed["policy"] <= 1  # 184^-2: about one year in 34,000 open
