"""The Mesa peer of ``benchmarks/vs_mesa.py`` follows the simulator's alignment step (issue 16, item 4).

``benchmarks/mesa_model.py`` repeats the procedures of :func:`foedus.sim.steps.alignment.alignment`
per agent, with the same :mod:`foedus.theory` formulas. When the step's procedure changes (who
leaves, who proposes to whom, in which form, who consents, co-founds or is admitted), these checks
fail until the peer follows it; then the benchmark's speed-up is again like for like.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("mesa")  # the 'bench' extra

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from mesa_model import AllianceModel, reduced_scenario, reduced_steps
from vs_mesa import alliance_sets_foedus, alliance_sets_mesa

from foedus.sim import Simulation


@pytest.fixture(scope="module", params=["world-2022", "synthetic:60"])
def scenario(request):
    """The reduced world-2022, and a synthetic world (its USA is not state 0: a row-wise main threat would miss it)."""
    if request.param.startswith("synthetic:"):
        from foedus.testing import synthetic_scenario

        base = synthetic_scenario(int(request.param.split(":")[1]), seed=1, years=4, alliances=20, spread_km=12000.0)
        return reduced_scenario(base, years=4)
    return reduced_scenario(request.param, years=4)


def _run_both(sc, years: int, seed: int, shared: bool, **update):
    sc = sc.model_copy(update={"parameters": sc.parameters.model_copy(update=update)})
    sim = Simulation(sc, rng=seed, explain=False, steps=reduced_steps())
    model = AllianceModel(sc, seed=seed, shared_draws=shared)
    out = [(alliance_sets_foedus(sim.world), alliance_sets_mesa(model))]
    for _ in range(years):
        sim.step()
        model.step()
        out.append((alliance_sets_foedus(sim.world), alliance_sets_mesa(model)))
    return out, model


# World-2022 under this stop's rules forms no pact and admits no one in ten years of these limits: the five non-aggression
# pacts of 2022 were between rivals (Kydd's trust threshold, pledge8) and Israel's accession to the Arab League treaty
# was vetoed by Egypt (consent.rival_veto). So that the check is not empty there, its world-2022 case believes every
# pledge (trust_threshold 0, the linear discount): the same procedures, exercised; synthetic:60 keeps every default.
def _exercised(scenario) -> dict:
    return {} if scenario.name.startswith("synthetic") else {"trust_threshold": 0.0}


def test_deterministic_limit_same_alliances(scenario):
    """Every state reconsiders and no one leaves: the same alliances (members, obligations) every year, each side with its own generator."""
    years, model = _run_both(scenario, 2, seed=0, shared=False, consider_rate=1.0, exit_rate=0.0, **_exercised(scenario))
    kinds = {e[1] for e in model.events}
    assert "formation" in kinds  # choices are made (the check is not empty)
    for f, m in years:
        assert f == m


def test_shared_draws_same_alliances(scenario):
    """Exits drawn with their probability (``exit_rate`` 1), the peer drawing foedus's stream: the same random choices, the same alliances."""
    years, model = _run_both(scenario, 3, seed=0, shared=True, consider_rate=1.0, exit_rate=1.0, **_exercised(scenario))
    kinds = {e[1] for e in model.events}
    assert "formation" in kinds and (scenario.name.startswith("synthetic") or "exit" in kinds)  # choices are made; in world-2022, members leave
    for f, m in years:
        assert f == m


def _new_binding(years) -> set:
    """The COW codes in defence or offence pacts formed during the run (foedus's side)."""
    start = years[0][0]
    return {c for f, _ in years[1:] for members, ob in f - start if ob[0] or ob[1] for c in members}


def test_permanent_neutrality_same_alliances():
    """A synthetic world where defence pacts form (``defence_burden_weight`` 0), its first signers made permanently
    neutral (``Actor.neutral``): the peer bars them as the simulator does (new pacts, co-founders, accessions), alliance
    for alliance, in the deterministic limit and with shared draws; and the bar bites (they sign no defence pact)."""
    from foedus.sim.scenario import Scenario
    from foedus.testing import synthetic_scenario

    sc = reduced_scenario(synthetic_scenario(60, seed=1, years=4, alliances=20, spread_km=12000.0), years=4)
    sc = sc.model_copy(update={"parameters": sc.parameters.model_copy(update={"defence_burden_weight": 0.0})})
    free, _ = _run_both(sc, 1, seed=0, shared=False, consider_rate=1.0, exit_rate=0.0)
    signers = sorted(_new_binding(free))[:3]
    assert signers  # defence pacts form when no one is neutral (the check is not empty)
    data = sc.model_dump()
    for a in data["actors"]:
        if a["ccode"] in signers:
            a["neutral"] = [(sc.start_year - 10, None)]
            a["sources"] = dict(a.get("sources") or {}, neutral="a hypothetical neutrality, for this test")
    neutral = Scenario.model_validate(data)
    for shared, rates in ((False, {"consider_rate": 1.0, "exit_rate": 0.0}), (True, {"consider_rate": 1.0, "exit_rate": 1.0})):
        years, _ = _run_both(neutral, 3, seed=0, shared=shared, **rates)
        assert not _new_binding(years) & set(signers)
        for f, m in years:
            assert f == m


@pytest.mark.parametrize("base", ["world-2022", "multipolar-1815"])
def test_abstention_terms_same(base):
    """The peer's expected war, target and credibility (the worth of a neutrality pledge: ``formation.abstention_terms``,
    neut7) equal the simulator's, pair for pair, at the start and after a year of the step (the hazard's defence-pact
    term reads the pacts in force); before and after the norm against conquest (1815, 2022), with and without nuclear
    arms. (Dropping the defence-pact term from the peer fails this test in both worlds.)"""
    from foedus.sim.steps.formation import abstention_terms

    sc = reduced_scenario(base, years=2)
    sc = sc.model_copy(update={"parameters": sc.parameters.model_copy(update={"consider_rate": 1.0, "exit_rate": 0.0})})
    sim = Simulation(sc, rng=0, explain=False, steps=reduced_steps())
    model = AllianceModel(sc, seed=0)
    for year in range(2):
        if year:
            sim.step()
            model.step()
        assert alliance_sets_foedus(sim.world) == alliance_sets_mesa(model)
        model.take_view(model.commitment_capacity())
        mine, theirs = model.abstention_terms(), abstention_terms(sim.world)
        assert (theirs["war_risk"] > 0).sum() > len(model.states)  # pairs at risk (the check is not empty)
        for key in ("war_risk", "target", "credibility"):
            np.testing.assert_allclose(mine[key], theirs[key], rtol=1e-12, atol=0)


def test_abstention_terms_same_at_war():
    """A pair at war (Russia and Ukraine, set on both sides before the first valuation): its chance of war is 1 and it
    leaves the hazard's pairs at risk, in the peer as in ``formation.abstention_terms``."""
    from foedus.sim.steps.formation import abstention_terms

    sc = reduced_scenario("world-2022", years=1)
    sim = Simulation(sc, rng=0, explain=False, steps=reduced_steps())
    model = AllianceModel(sc, seed=0)
    codes = sim.world.inputs.ccode.tolist()
    a, b = codes.index(365), codes.index(369)
    sim.world.state.at_war[a, b] = sim.world.state.at_war[b, a] = True
    model.states[a].at_war[b] = model.states[b].at_war[a] = True
    model.take_view(model.commitment_capacity())
    mine, theirs = model.abstention_terms(), abstention_terms(sim.world)
    assert theirs["war_risk"][a, b] == mine["war_risk"][a, b] == mine["war_risk"][b, a] == 1.0
    np.testing.assert_allclose(mine["war_risk"], theirs["war_risk"], rtol=1e-12, atol=0)


def test_shared_draws_unravelling_same_events():
    """World-2022 with every state reconsidering and exits drawn (``exit_rate`` 1), the peer drawing foedus's stream, for five
    years: the same alliances every year and the same events, the treaties a departure unravels for all included
    (``dissolution._unravel``: :func:`foedus.theory.unravelling.unravels`, Olson 1965; the peer lacked the rule until session 18,
    and its first difference was in 2026, a treaty of three that foedus ended as 'unravelled' and the peer kept)."""
    from vs_mesa import event_counts_foedus, event_counts_mesa

    sc = reduced_scenario("world-2022", years=5)
    sc = sc.model_copy(update={"parameters": sc.parameters.model_copy(update={"consider_rate": 1.0, "exit_rate": 1.0})})
    sim = Simulation(sc, rng=0, explain=True, steps=reduced_steps())
    model = AllianceModel(sc, seed=0, shared_draws=True)
    for _ in range(5):
        sim.step()
        model.step()
        assert alliance_sets_foedus(sim.world) == alliance_sets_mesa(model)
    causes = [d.get("cause") for d in sim.world.log.events_table()["detail"].dropna().map(__import__("json").loads)]
    assert "unravelled" in causes  # the rule acts in these years (the check is not empty)
    assert event_counts_foedus(sim.world) == event_counts_mesa(model)


def test_settlement_same():
    """The peer's settlement term (``settlement.settlement``: a remembered war or an ended rivalry between neighbours, Gibler 1996)
    equals the simulator's to the bit, where it is not zero: world-2022 with a war remembered between Russia and Ukraine and a
    rivalry between Greece and Turkey ended ten years before (the built-in worlds' terms are zero in the years compared)."""
    from foedus.sim.steps.settlement import settlement

    sc = reduced_scenario("world-2022", years=1)
    sim = Simulation(sc, rng=0, explain=False, steps=reduced_steps())
    w = sim.world
    n = w.n
    codes = w.inputs.ccode.tolist()
    ru, ua, gr, tu = (codes.index(c) for c in (365, 369, 350, 640))
    if w.state.war_history.shape != (n, n):
        w.state.war_history = np.zeros((n, n))
    w.state.war_history[ru, ua] = w.state.war_history[ua, ru] = 1.5
    w.state.rivalry_ended = np.full((n, n), np.nan)
    w.state.rivalry_ended[gr, tu] = w.state.rivalry_ended[tu, gr] = float(w.state.year - 10)
    w.state.rivalry[gr, tu] = w.state.rivalry[tu, gr] = False
    w.state.at_war[ru, ua] = w.state.at_war[ua, ru] = False
    w.state.rivalry[ru, ua] = w.state.rivalry[ua, ru] = False
    model = AllianceModel(sc, seed=0)  # the same world, built again: its rows set as the simulator's
    for s in model.states:
        s.war_history = np.array(w.state.war_history[s.index])
        s.rivalry_ended = np.array(w.state.rivalry_ended[s.index])
        s.rivalry = np.array(w.state.rivalry[s.index])
        s.at_war = np.array(w.state.at_war[s.index])
    mine, theirs = model.settlement(), settlement(w)
    assert theirs[ru, ua] > 0 and theirs[gr, tu] > 0  # the term is not zero (the check is not empty)
    assert mine.tobytes() == np.asarray(theirs).tobytes()
