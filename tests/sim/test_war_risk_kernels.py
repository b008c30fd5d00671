"""The pact war risk's compiled terms (:mod:`foedus.sim.steps.war_risk_kernels`, issue 16) are the theory's to the bit: each live
pair's covariates those of :func:`foedus.sim.steps.conflict.onset_covariates`, and the war risk built from them that of
:func:`foedus.theory.war_onset.war_onset_hazard` and :func:`foedus.theory.offence.war_expectation` of those covariates (the
steps' path without the kept terms), on a synthetic world and record-built scenarios, with war memories, regimes, rivalries,
capabilities, great powers, wars and defence pacts drawn at random, and with no war memory yet; and the capitals' log distances
kept for the run are the theory's (:func:`foedus.theory.war_onset.log_distance`), computed again when the distances change."""

from __future__ import annotations

import numpy as np

from foedus.sim import Simulation
from foedus.sim.scenario import Scenario
from foedus.sim.steps import conflict, pact_war_risk
from foedus.sim.steps import war_risk_kernels as risk_kern
from foedus.testing import synthetic_scenario
from foedus.theory import war_onset as th_onset


def _bits(a) -> bytes:
    return np.ascontiguousarray(np.asarray(a, dtype=float)).tobytes()


def test_the_defence_term_is_the_defence_pact():
    assert th_onset.WAR_ONSET_TERMS[risk_kern.DEFENCE_TERM] == "defence_pact"


def test_the_compiled_war_risk_is_the_theorys_to_the_bit(monkeypatch):
    rng = np.random.default_rng(16)
    sims = [Simulation(synthetic_scenario(40, seed=2, years=6, alliances=4, spread_km=9000.0), rng=2)]
    sims += [Simulation(Scenario.load(name), rng=3) for name in ("world-2022", "europe-1871")]
    checked = 0
    for sim in sims:
        sim.run(3)
        w = sim.world
        n = w.n
        for trial in range(5):
            if trial == 4:
                w.state.war_history = np.zeros((0, 0))  # before the first rivalry step
            elif trial:
                wh = np.where(rng.random((n, n)) < 0.3, rng.random((n, n)) * 3, 0.0)
                w.state.war_history = wh + wh.T
                riv = rng.random((n, n)) < 0.1
                w.state.rivalry = (riv | riv.T).astype(w.state.rivalry.dtype)
                w.state.regime = np.where(rng.random(n) < 0.2, 0.0, rng.random(n))
                w.state.power = np.where(rng.random(n) < 0.1, 0.0, rng.random(n) / n)
                w.state.major = rng.random(n) < 0.15
            if trial >= 2:  # defence pacts drawn at random (the one covariate the kept terms leave out), and wars (one on the diagonal)
                d = rng.random((n, n)) < 0.2
                monkeypatch.setattr(conflict, "defence_pairs", lambda world, d=d | d.T: d)
                war = rng.random((n, n)) < 0.02
                war = war | war.T
                war[0, 0] = True
                w.state.at_war = war
            w.cache.clear()
            w.year_cache.entries.clear()
            terms = pact_war_risk._onset_terms(w)
            i, j, cov, token = terms
            assert isinstance(token, pact_war_risk._Partial) and len(i)
            x = conflict.onset_covariates(w, i, j)
            for t, c in zip(th_onset.WAR_ONSET_TERMS, cov):
                assert (c is None) == (t == "defence_pact")
                if c is not None:
                    assert _bits(c) == _bits(x[t]), (sim.scenario.name, trial, t)
            got = pact_war_risk._war_risk_computed(w, terms)
            want = pact_war_risk._war_risk_computed(w)  # the theory functions of onset_covariates
            assert got.tobytes() == want.tobytes(), (sim.scenario.name, trial)
            assert (got > 0).any()
            monkeypatch.undo()  # the world's own defence pacts for the next run
            checked += 1
    assert checked == 15


def test_the_log_distances_follow_the_capitals():
    sim = Simulation(synthetic_scenario(12, seed=3, years=2, alliances=1, spread_km=5000.0), rng=1)
    w = sim.world
    capital = w.inputs.capital_km if w.inputs.capital_km is not None else w.inputs.distance_km
    first = pact_war_risk._log_distance(w, capital)
    assert _bits(first) == _bits(th_onset.log_distance(capital))
    assert pact_war_risk._log_distance(w, capital) is first
    moved = capital * 2.0
    again = pact_war_risk._log_distance(w, moved)
    assert again is not first and _bits(again) == _bits(th_onset.log_distance(moved))
