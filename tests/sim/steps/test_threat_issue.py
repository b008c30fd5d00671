"""The live issue (foedus.theory.relevance.live_issue): the theory's walt_threat applies it as the compiled path does, to the bit, and the
threat step names a main threat only where it holds, and explains it."""

from __future__ import annotations

import numpy as np

from foedus.sim.steps.threat import live_issues, threat_perception, threat_terms

from .conftest import GRT, RIV, SMA, SMB, tiny_world


def test_the_compiled_threat_matrix_applies_the_live_issue_as_the_theory_does():
    from foedus.sim.steps.threat import _INTENT_WEIGHTS, threat_of
    from foedus.theory import projection as th_projection
    from foedus.theory import threat as th_threat
    from foedus.theory.relevance import live_issue

    rng = np.random.default_rng(2002)
    for n, floor in ((1, 0.0), (7, 0.5), (40, 0.3), (66, 0.5)):
        hostility = rng.random((n, n)) * (rng.random((n, n)) < 0.3)
        ideal, rivalry, proximity = rng.random((n, n)), rng.random((n, n)) < 0.2, rng.random((n, n))
        commitment = rng.choice([0.0, 0.3, 1.0], size=(n, n))
        exponent = th_projection.relative_discount_exponent(rng.random((n, n)) * 20000.0)
        power, offensive, exposed = rng.dirichlet(np.ones(n)), rng.random(n), rng.random((n, n))
        able = th_projection.able_to_reach(power, exponent)
        issue = live_issue((rng.random((n, n)) < 0.3).astype(float), rivalry, hostility, serious=0.5, able=able, war=rng.random((n, n)) < 0.1)
        expected = th_threat.walt_threat(
            power, offensive, exponent, hostility, proximity, ideal, rivalry, commitment, exposed, weights=_INTENT_WEIGHTS, ally_discount=0.9,
            aggression_floor=floor, ideology_alone=0.5, issue=issue,
        )
        got, _ = threat_of(hostility, ideal, rivalry, proximity, commitment, exponent, power, offensive, 0.9, exposed, floor, alone=0.5, issue=issue)
        assert got.tobytes() == expected.tobytes()
        assert n == 1 or (got[issue == 0] == 0).all()


def test_a_great_power_at_war_next_door_is_a_live_issue_and_the_explanation_says_so():
    """RIV (a major power 750 km away, beyond the small SMA's reach) uses force against SMB, SMA's neighbour: an issue for SMA
    (Walt 1987, ch. 2), so SMA names it its main threat and the terms say so; hostile to SMB without a war, RIV has no issue with
    SMA: its threat stays in the matrix (what SMA values) but SMA does not name it (main_threat_of; -1 when nothing else)."""
    from foedus.sim.steps.threat import main_threat_of

    war = [{"pair": [RIV, SMB], "hostility": 1.0}, {"pair": [SMA, SMB], "contiguous": True}]
    world, rng = tiny_world(relations=war)
    r, a, b = world.index_of(RIV), world.index_of(SMA), world.index_of(SMB)
    world.state.at_war[r, b] = world.state.at_war[b, r] = True
    threat_perception(world, rng)
    assert live_issues(world)[a, r] == 1.0 and main_threat_of(world)[a] == r
    assert threat_terms(world, np.array([a]), np.array([r]))[0]["live_issue"] == 1.0
    world, rng = tiny_world(relations=war)  # hostility without war: no force used
    threat_perception(world, rng)
    assert world.results.threat[a, r] > 0 and world.results.threat[a].argmax() == r  # the bare argmax would name it
    assert live_issues(world)[a, r] == 0.0 and main_threat_of(world)[a] != r
    assert threat_terms(world, np.array([a]), np.array([r]))[0]["live_issue"] == 0.0
