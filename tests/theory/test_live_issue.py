"""Whom a state can perceive as a threat at all: its relevant neighbourhood or a live issue (Lemke 2002; Walt 1987; Vasquez 1993)."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import relevance
from foedus.theory.projection import able_to_reach, relative_discount_exponent
from foedus.theory.relevance import live_issue, politically_relevant
from foedus.theory.threat import perceived_main_threat, walt_threat

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples():
    assert doctest.testmod(relevance).failed == 0


def _world():
    """A great power (0.2 of system capability), a micro-state 8,000 km from it (5e-5) and the micro-state's neighbour (1e-4),
    its rival when ``rival``. Capability shares and distances as world-2022's China, Iceland and a Nordic neighbour."""
    c = np.array([0.2, 5e-5, 1e-4])
    d = np.array([[0.0, 8000.0, 8100.0], [8000.0, 0.0, 300.0], [8100.0, 300.0, 0.0]])
    contiguous = np.array([[0, 0, 0], [0, 0, 1], [0, 1, 0]], bool)
    major = np.array([True, False, False])
    return c, relative_discount_exponent(d), contiguous, major


def test_a_minor_powers_neighbourhood_is_far_smaller_than_a_major_powers_lemke_2002():
    """Lemke (2002, ch. 4): the great power's relevant neighbourhood is the system; the micro-state's is its neighbour. The great
    power's capability reaches the micro-state (a third of it arrives 8,000 km away), yet without an issue between them the
    micro-state cannot read intentions of it: G = 0 one way, 1 the other."""
    c, x, contiguous, major = _world()
    able = able_to_reach(c, x)
    assert able[0, 1] and not able[1, 0]  # the great power reaches the micro-state, not the converse
    g = live_issue(politically_relevant(contiguous, major, able))
    assert g[1, 0] == 0.0 and g[0, 1] == 1.0 and g[1, 2] == 1.0 and g[2, 1] == 1.0


def test_a_rivalry_or_serious_hostility_is_a_live_issue_wherever_the_rival_lies_and_everyday_friction_is_not():
    c, x, contiguous, major = _world()
    p = politically_relevant(contiguous, major, able_to_reach(c, x))
    rivalry = np.zeros((3, 3))
    rivalry[1, 0] = rivalry[0, 1] = 1.0
    assert live_issue(p, rivalry)[1, 0] == 1.0
    h = np.zeros((3, 3))
    h[1, 0] = 0.49
    assert live_issue(p, None, h, serious=0.5)[1, 0] == 0.0
    h[1, 0] = 0.5
    assert live_issue(p, None, h, serious=0.5)[1, 0] == 1.0
    assert live_issue(p, None, np.zeros((3, 3)), serious=0.0)[1, 0] == 0.0  # no hostility is no issue, whatever the threshold


def test_a_micro_state_with_no_issue_with_a_distant_great_power_names_no_main_threat():
    """The defect (world-2022): Iceland named China, whose UN votes lie far from its own, for want of any other threat: the
    threshold a state of its size sets is cleared by any threat. With the live issue the great power's threat to it is 0 and,
    its neighbour at peace with it, it names none (-1); a rivalry with the neighbour makes that neighbour its main threat."""
    c, x, contiguous, major = _world()
    p = politically_relevant(contiguous, major, able_to_reach(c, x))
    ideal = np.array([[0, 0.9, 0.1], [0.9, 0, 0.1], [0.1, 0.1, 0]])
    args = (c, np.ones(3), x, np.zeros((3, 3)), np.where(contiguous, 1.0, 0.01), ideal, np.zeros((3, 3)), np.zeros((3, 3)))
    kw = dict(ideology_alone=0.5, ideology_excess=ideal)
    before = walt_threat(*args, **kw)
    assert perceived_main_threat(before, c, threshold=0.03).tolist()[1] == 0  # the defect: the great power by its votes alone
    after = walt_threat(*args, issue=live_issue(p), **kw)
    assert after[1, 0] == 0.0 and perceived_main_threat(after, c, threshold=0.03).tolist()[1] == -1
    assert after[0, 1] == before[0, 1]  # the great power's view is unchanged: its neighbourhood is the system
    rivalry = np.zeros((3, 3))
    rivalry[1, 2] = rivalry[2, 1] = 1.0
    rivals = walt_threat(*args[:6], rivalry, args[7], issue=live_issue(p, rivalry), **kw)
    assert perceived_main_threat(rivals, c, threshold=0.03).tolist()[1] == 2


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(0, 2**32 - 1))
def test_the_issue_only_removes_threats_and_keeps_every_one_it_allows(n, seed):
    """G is 0 or 1, contains the neighbourhood, every rivalry and every serious hostility; walt_threat with it equals the threat
    without it where G = 1 (to the bit) and is 0 elsewhere."""
    rng = np.random.default_rng(seed)
    p = (rng.random((n, n)) < 0.4).astype(float)
    r = rng.random((n, n)) < 0.2
    h = rng.random((n, n)) * (rng.random((n, n)) < 0.5)
    g = live_issue(p, r, h, serious=0.5)
    off = ~np.eye(n, dtype=bool)
    assert set(np.unique(g)) <= {0.0, 1.0} and (np.diag(g) == 0).all()
    assert (g[off] >= p[off]).all() and (g[r & off] == 1).all() and (g[(h >= 0.5) & off] == 1).all()
    args = (rng.dirichlet(np.ones(n)), rng.random(n), relative_discount_exponent(rng.random((n, n)) * 15000), h, rng.random((n, n)),
            rng.random((n, n)), r, rng.choice([0.0, 0.3, 1.0], size=(n, n)))
    t0, t1 = walt_threat(*args), walt_threat(*args, issue=g)
    assert (t1[g == 1] == t0[g == 1]).all() and (t1[g == 0] == 0).all()


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match="relevant"):
        live_issue(np.zeros(3))
    with pytest.raises(ValueError, match="rivalry"):
        live_issue(np.zeros((3, 3)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="serious"):
        live_issue(np.zeros((3, 3)), serious=2.0)


def test_the_minor_allies_of_a_great_power_inherit_its_main_threat_and_only_theirs_snyder_1997():
    """Walt (1987), Snyder (1997): the Rio Pact's members, allied with the United States, face its main threat, the Soviet Union,
    which they neither border nor reach; a state allied to no great power, or to a minor one, inherits nothing; a great power's
    own row is whole (its neighbourhood is the system)."""
    from foedus.theory.relevance import patrons_threat

    usa, ussr, panama, ghana, togo = range(5)
    major = np.array([True, True, False, False, False])
    allied = np.zeros((5, 5), bool)
    allied[panama, usa] = allied[usa, panama] = True
    allied[ghana, togo] = allied[togo, ghana] = True
    main = np.array([ussr, usa, -1, togo, ghana])
    b = patrons_threat(allied, major, main)
    assert b[panama].tolist() == [False, True, False, False, False]
    assert not b[ghana].any() and not b[togo].any() and not b[usa].any()
    contiguous = np.zeros((5, 5), bool)
    contiguous[ghana, togo] = contiguous[togo, ghana] = True
    g = live_issue(politically_relevant(contiguous, major), patron=b)
    assert g[panama, ussr] == 1.0 and g[ghana, usa] == 0.0 and g[ghana, togo] == 1.0 and (g[usa] == (np.arange(5) != usa)).all()
    with pytest.raises(ValueError, match="main"):
        patrons_threat(allied, major, np.array([5, 0, 0, 0, 0]))


def test_ideology_threatens_across_the_camps_of_rival_great_powers_and_not_without_them_haas_2005():
    """Haas (2005), Owen (2010): in the Cold War the Netherlands (the United States' camp) fears the Soviet Union, the United
    States' rival, by its ideology; once the great powers are no longer rivals, a state far from the United States' votes
    (Ghana) is in no rival's camp and the United States is no camp adversary of it; a state whose ideal point is unknown has none."""
    from foedus.theory.relevance import camp_adversaries

    usa, ussr, nth, gha = range(4)
    major = np.array([True, True, False, False])
    e = np.zeros((4, 4))
    for a, b in ((usa, ussr), (nth, ussr), (gha, usa), (gha, nth)):
        e[a, b] = e[b, a] = 0.8
    rivals = np.zeros((4, 4))
    rivals[usa, ussr] = rivals[ussr, usa] = 1
    k = camp_adversaries(e, major, rivals)
    assert k[nth, ussr] and k[usa, ussr] and k[ussr, usa] and not k[nth, usa]
    assert k[gha, usa]  # Ghana in the Soviet camp (E = 0 with it) while the two are rivals
    assert not camp_adversaries(e, major, np.zeros((4, 4))).any()  # no great-power rivalry: no camps to fear across
    assert not camp_adversaries(e, major, rivals, known=np.array([True, True, True, False]))[gha].any()
    assert not camp_adversaries(np.zeros((4, 4)), major, rivals).any()  # no ideal points, no ideological threat


def test_a_war_is_an_issue_for_the_victims_neighbours_within_the_reach_the_aggressor_has_shown_boulding_1962():
    """j at war with k: k's neighbour i, which j can reach, has an issue with j if it lies no more than one characteristic range of
    proximity farther from j than k (Q_ij >= Q_kj / e); a neighbour of k 3,900 km farther does not; with every act read as
    if within reach (Q all 1) it does."""
    j, k, near, far = range(4)
    p = np.zeros((4, 4))
    p[near, k] = p[far, k] = 1.0
    war = np.zeros((4, 4), bool)
    war[k, j] = war[j, k] = True
    able = np.ones((4, 4), bool)
    q = np.exp(-np.array([[0, 500, 700, 4400], [500, 0, 300, 3900], [700, 300, 0, 4000], [4400, 3900, 4000, 0]]) / 1000.0)
    g = live_issue(p, war=war, able=able, within=q)
    assert g[near, j] == 1.0 and g[far, j] == 0.0
    assert live_issue(p, war=war, able=able, within=np.ones((4, 4)))[far, j] == 1.0
    assert live_issue(p, war=war, able=~np.eye(4, dtype=bool) & False, within=q)[near, j] == 0.0  # j cannot reach i: no issue
