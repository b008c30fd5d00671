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
    from foedus.theory.camps import camp_adversaries

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


def test_the_great_power_rivals_of_a_states_great_power_ally_that_reach_it_are_issues_of_its_snyder_1997_walt_1987():
    """Australia, allied to the United States (ANZUS), 9,000 km from China: China (0.28 of system capability) reaches it, Australia
    does not reach China, and Australia's UN votes lie nearer the United States' than China's: China is an issue of Australia's
    through the alliance (Snyder 1997; Walt 1987: power, proximity through reach, intentions). Not for a Rio Pact member whose votes
    lie nearer China's, nor without the rivalry, nor for a state beyond China's reach, nor when China's ideal point is unknown, nor
    (with regions, Walt's proximity read regionally) for an ally in Europe."""
    from foedus.theory.relevance import allied_rivals

    usa, chn, aul, bra, far = range(5)
    power = np.array([0.148, 0.28, 0.0072, 0.02, 0.1])  # far: a strong minor power 20,000 km from China
    km = np.array([[0, 11000, 15000, 7500, 9000], [11000, 0, 9000, 16000, 20000], [15000, 9000, 0, 13000, 20000],
                   [7500, 16000, 13000, 0, 20000], [9000, 20000, 20000, 20000, 0]], float)
    able = able_to_reach(power, relative_discount_exponent(km))
    assert able[chn, aul] and not able[aul, chn] and not able[chn, far]
    major = np.array([True, True, False, False, False])
    allied = np.zeros((5, 5), bool)
    for c in (aul, bra, far):
        allied[c, usa] = allied[usa, c] = True
    rivals = np.zeros((5, 5))
    rivals[usa, chn] = rivals[chn, usa] = 1
    x = np.array([2.15, -1.35, 1.16, -0.4, 1.5])
    d = np.abs(x[:, None] - x[None, :])
    b = allied_rivals(allied, major, rivals, able, d)
    assert b[aul, chn] and not b[bra, chn] and not b[far, chn] and not b[usa].any() and not b[chn].any()
    assert not allied_rivals(allied, major, np.zeros((5, 5)), able, d).any()
    d_unknown = d.copy()
    d_unknown[:, chn] = d_unknown[chn, :] = np.nan
    assert not allied_rivals(allied, major, rivals, able, d_unknown)[aul, chn]
    g = live_issue(politically_relevant(np.zeros((5, 5), bool), major, able), patron=b)
    assert g[aul, chn] == 1.0 and g[bra, chn] == 0.0
    region = np.array([0, 4, 4, 0, 1])  # COW regions: Australia in Asia with China
    assert allied_rivals(allied, major, rivals, able, d, region)[aul, chn]
    region[aul] = 1  # a European ally of the United States (Portugal): China is not its region's adversary
    assert not allied_rivals(allied, major, rivals, able, d, region).any()


def test_a_minor_power_that_grows_beyond_its_neighbours_reach_stays_in_their_neighbourhood_lemke_and_reed_2001():
    """Two minor powers 1,500 km apart, not contiguous: while 0 is five times as strong, it reaches 1, so 1 lies in its
    neighbourhood; when 1 grows to twice 0's capability, 0 no longer reaches it and the observer's rule (politically_relevant) drops
    the stronger from 0's neighbourhood just as it becomes dangerous; the dyadic rule of Lemke & Reed (2001, either can reach the
    other) keeps it (reached_by). A great power that reaches a state is not added (Ghana and the United States)."""
    from foedus.theory.relevance import reached_by

    km = np.array([[0, 1500.0, 9000], [1500.0, 0, 9000], [9000, 9000, 0]])
    x = relative_discount_exponent(km)
    major = np.array([False, False, True])
    contiguous = np.zeros((3, 3), bool)
    for power in (np.array([0.05, 0.01, 0.3]), np.array([0.05, 0.1, 0.3])):
        able = able_to_reach(power, x)
        p = politically_relevant(contiguous, major, able)
        kept = np.maximum(p, reached_by(able, major))
        assert kept[0, 1] == 1.0
        assert kept[0, 2] == p[0, 2] == 0.0 and able[2, 0]  # the great power reaches 0 and is not added
    able = able_to_reach(np.array([0.05, 0.1, 0.3]), x)
    assert politically_relevant(contiguous, major, able)[0, 1] == 0.0  # the defect: the stronger neighbour left the neighbourhood
    h = np.zeros((3, 3))
    assert not reached_by(able, major, None, h)[0, 1]  # no quarrel with 0: reach alone is no issue
    h[0, 1] = 0.1
    assert reached_by(able, major, np.array([1, 1, 1]), h)[0, 1] and not reached_by(able, major, np.array([1, 3, 1]), h)[0, 1]  # another region


def test_an_ally_in_arms_is_no_main_threat_until_a_serious_dispute_belies_its_pledge_walt_1987_kydd_2005():
    """France (0) and the United States (1), NATO allies, become rivals in a run with hostility 0.14: the United States' threat to
    France is the larger (Walt's product of a superpower's power), yet France names Russia (2) while the pledge holds; once a serious
    dispute (0.6, Greece and Turkey, Armenia and Azerbaijan) belies it, the ally may be named."""
    from foedus.theory.relevance import pledge_holds

    t = np.array([[0.0, 0.033, 0.006], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    allied = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], bool)
    h = np.array([[0.0, 0.14, 0.3], [0.14, 0.0, 0.0], [0.3, 0.0, 0.0]])
    power = np.array([0.013, 0.15, 0.046])
    kw = dict(threshold=0.03, ceiling=7.7e-4, floor=7.1e-5)
    assert perceived_main_threat(t, power, **kw)[0] == 1  # the bare rule names the ally
    assert perceived_main_threat(t * ~pledge_holds(allied, h, serious=0.5), power, **kw)[0] == 2
    h[0, 1] = h[1, 0] = 0.6
    assert perceived_main_threat(t * ~pledge_holds(allied, h, serious=0.5), power, **kw)[0] == 1
    with pytest.raises(ValueError, match="serious"):
        pledge_holds(allied, h, serious=1.5)


def test_a_war_next_door_is_an_issue_only_for_the_states_on_the_victims_side_walt_1987():
    """j (Saudi Arabia) at war with k (Iran), the neighbour of i (Georgia) and of m (Armenia, nearer Iran's votes): with the sides
    read from UN ideal points Georgia, nearer Saudi Arabia than Iran, has no issue with the aggressor; a state nearer the victim
    (Moldova and Ukraine attacked by Russia) has; without ideal points the rule is the reach alone."""
    j, k, i, m = range(4)
    p = np.zeros((4, 4))
    p[i, k] = p[m, k] = 1.0
    war = np.zeros((4, 4), bool)
    war[k, j] = war[j, k] = True
    able = np.ones((4, 4), bool)
    x = np.array([-0.8, -1.5, 0.9, -1.3])  # ideal points
    side = np.abs(x[:, None] - x[None, :])
    g = live_issue(p, war=war, able=able, side=side)
    assert g[i, j] == 0.0 and g[m, j] == 1.0
    assert live_issue(p, war=war, able=able)[i, j] == 1.0
    side[m, :] = side[:, m] = np.nan
    assert live_issue(p, war=war, able=able, side=side)[m, j] == 0.0  # an unknown ideal point takes no side


def test_force_next_door_and_a_patrons_adversary_are_issues_only_within_the_states_region_walt_1987_lemke_2002():
    """The United States (0) at war with Iran (1), Armenia's (2) neighbour, and the main threat of Russia (3), Armenia's ally in arms:
    both routes admit the United States, from another region, without regions and neither with them (Walt 1987: weak states balance
    against threats close to them; Lemke 2002: regional neighbourhoods); Russia's war next door, of Armenia's region, still counts."""
    from foedus.theory.relevance import patrons_threat

    usa, irn, arm, rus = range(4)
    p = np.zeros((4, 4))
    p[arm, irn] = p[arm, rus] = 1.0
    war = np.zeros((4, 4), bool)
    war[usa, irn] = war[irn, usa] = True
    able = np.ones((4, 4), bool)
    region = np.array([0, 3, 1, 1])  # COW: the Western Hemisphere, the Middle East, Europe, Europe
    assert live_issue(p, war=war, able=able)[arm, usa] == 1.0
    assert live_issue(p, war=war, able=able, region=region)[arm, usa] == 0.0
    allied = np.zeros((4, 4), bool)
    allied[arm, rus] = allied[rus, arm] = True
    major = np.array([True, False, False, True])
    main = np.array([rus, -1, -1, usa])
    assert patrons_threat(allied, major, main)[arm, usa] and not patrons_threat(allied, major, main, region)[arm, usa]
    war[:] = False
    war[rus, irn] = war[irn, rus] = True
    assert live_issue(p, war=war, able=able, region=region)[arm, rus] == 1.0


def test_the_rows_of_politically_relevant_are_the_rows_of_the_whole_matrix():
    from foedus.theory.relevance import politically_relevant

    rng = np.random.default_rng(5)
    for n in (1, 4, 30):
        c = rng.random((n, n)) < 0.2
        c = c | c.T
        m = rng.random(n) < 0.2
        a = rng.random((n, n)) < 0.3
        b = rng.random((n, n)) < 0.1
        whole = politically_relevant(c, m, a, b)
        rows = rng.integers(0, n, size=7)
        assert politically_relevant(c, m, a, b, rows=rows).tobytes() == whole[rows].tobytes()
        assert politically_relevant(c, m, rows=rows).tobytes() == politically_relevant(c, m)[rows].tobytes()


def test_politically_relevant_through_allies_is_the_product_of_alliance_and_contiguity():
    """Quackenbush's route, [(B C)_ik > 0] (B allies, C contiguity), read by OR-ing each observer's allies' borders: the same matrix."""
    rng = np.random.default_rng(6)
    for n in (1, 3, 25, 60):
        for density in (0.0, 0.05, 0.5):
            c = rng.random((n, n)) < 0.15
            m = rng.random(n) < 0.1
            a = rng.random((n, n)) < 0.1
            b = rng.random((n, n)) < density
            want = c | m[:, None] | a | ((b.astype(float) @ c.astype(float)) > 0)
            np.fill_diagonal(want, False)
            assert politically_relevant(c, m, a, b).tobytes() == want.astype(float).tobytes()


def test_the_camp_adversary_is_the_rival_across_camps_of_the_leader_a_state_is_allied_to_owen_2010():
    """Issue 17 item 2 (camp17): the ideological route of threat holds only where the literature puts it. Owen (2010): transnational
    polarisation is a contest between camps whose leaders stand in opposed ones (the United States and the Soviet Union, 3.6-5.3 apart
    in UN ideal points in 1946-1989, beyond the camp's 3.0), not a strategic rivalry of great powers within one camp (the United States
    and Russia, 2.0-3.0 apart after 1991, whose rivalry made the United States the camp adversary of 113 states in a run from 1990).
    Walt (1987), Snyder (1997): a state fears the adversary of the camp it has joined by an alliance in arms; a state whose votes
    merely sit near a camp leader's (Kazakhstan near China's) is bound to no camp. A great power leads its own camp."""
    from foedus.theory.camps import camp_adversaries

    usa, rus, pol, kaz, blz = range(5)
    major = np.array([True, True, False, False, False])
    e = np.zeros((5, 5))
    for x in (pol, kaz, blz):
        e[x, usa] = e[usa, x] = 0.5  # three states in Russia's camp, far from the United States'
    rivals = np.zeros((5, 5))
    rivals[usa, rus] = rivals[rus, usa] = 1
    allied = np.zeros((5, 5), bool)
    allied[pol, rus] = allied[rus, pol] = True  # Poland allied to the camp leader (the Warsaw Pact)
    # leaders in one camp (E_usa,rus = 0): the rivalry is no contest of camps, no one's camp adversary
    assert not camp_adversaries(e, major, rivals).any()
    assert not camp_adversaries(e, major, rivals, allied=allied).any()
    # leaders in opposed camps (the Cold War): the ally fears the other leader, the unallied states of the camp do not
    e[usa, rus] = e[rus, usa] = 0.8
    k = camp_adversaries(e, major, rivals, allied=allied)
    assert k[pol, usa] and k[usa, rus] and k[rus, usa]
    assert not k[kaz, usa] and not k[blz, usa]
    assert k.sum() == 3
    # without alliances given, the whole camp is bound (the earlier form)
    k0 = camp_adversaries(e, major, rivals)
    assert k0[kaz, usa] and k0[blz, usa] and k0[pol, usa]
    with pytest.raises(ValueError, match="allied"):
        camp_adversaries(e, major, rivals, allied=np.zeros((4, 4), bool))


def test_a_camp_binds_its_leaders_bloc_and_the_unaligned_of_its_leaders_region_buzan_waever_2003():
    """Issue 17 item 2, finished (camp18): camp17's binding by an alliance in arms with the camp leader lost the Cold War where
    alliances were few or the simulated rivalry of the leaders lapsed. Two further bonds hold it, and neither rebinds Central Asia:

    - a bloc (Snyder 1997; Waltz 1979): Brazil, allied to the United States, which is allied to Britain in one camp, faces Britain's
      rival the Soviet Union when the rivalry of the United States and the Soviet Union lapses (bipolar-1950, seeds 1 and 4);
    - the region of the unaligned (Buzan & Waever 2003, overlay): the Netherlands, in Britain's camp and region and allied to no
      great power, faces the Soviet Union in 1946; Kazakhstan, in China's camp and COW region but allied to Russia, which shares
      China's camp, has chosen its camp and does not face the United States; Ghana, unaligned in a region without a great power,
      faces no one."""
    from foedus.theory.camps import camp_adversaries

    usa, uk, ussr, bra, ned, kaz, gha, rus, chn = range(9)
    n = 9
    major = np.zeros(n, bool)
    major[[usa, uk, ussr, rus, chn]] = True
    region = np.array([0, 1, 1, 0, 1, 4, 2, 1, 4])
    west, east = [usa, uk, bra, ned], [ussr, kaz, rus, chn]
    e = np.zeros((n, n))
    for x in west:
        for y in east:
            e[x, y] = e[y, x] = 0.5
    e[gha, usa] = e[usa, gha] = e[gha, uk] = e[uk, gha] = 0.5  # Ghana in the East's camp, far from the West's leaders
    rivals = np.zeros((n, n))
    rivals[uk, ussr] = rivals[ussr, uk] = 1  # the United States' rivalry with the Soviet Union has lapsed; Britain's stands
    rivals[usa, chn] = rivals[chn, usa] = 1
    allied = np.zeros((n, n), bool)
    for x, y in ((bra, usa), (usa, uk), (kaz, rus)):
        allied[x, y] = allied[y, x] = True
    k = camp_adversaries(e, major, rivals, allied=allied, region=region)
    assert k[bra, ussr]  # the bloc: Brazil -> the United States -> Britain, whose rival is the Soviet Union
    assert k[ned, ussr]  # the unaligned of Britain's region
    assert not k[kaz, usa] and not k[gha].any()  # Kazakhstan bound to Russia's camp alone; Ghana to none
    assert k[chn, usa] and k[usa, chn] and k[uk, ussr] and k[ussr, uk]
    # without the region, the Netherlands is unbound (camp17's form); without Britain's alliance, Brazil too
    assert not camp_adversaries(e, major, rivals, allied=allied)[ned, ussr]
    a2 = allied.copy()
    a2[usa, uk] = a2[uk, usa] = False
    assert not camp_adversaries(e, major, rivals, allied=a2, region=region)[bra, ussr]
    # Kazakhstan allied to no one: its region binds it to China's camp, whose rival is the United States
    a3 = allied.copy()
    a3[kaz, rus] = a3[rus, kaz] = False
    assert camp_adversaries(e, major, rivals, allied=a3, region=region)[kaz, usa]
    # the Netherlands allied in arms to the Soviet Union (Finland in 1950, in the West's camp by its votes): its region does not
    # draw it into Britain's camp, whose adversary is its own ally (the review of session 18: bipolar-1950, seed 1)
    a4 = allied.copy()
    a4[ned, ussr] = a4[ussr, ned] = True
    assert not camp_adversaries(e, major, rivals, allied=a4, region=region)[ned, ussr]
    with pytest.raises(ValueError, match="region"):
        camp_adversaries(e, major, rivals, allied=allied, region=region[:5])


def test_camp_adversaries_over_the_great_powers_alone_is_the_whole_product():
    """:func:`~foedus.theory.camps.camp_adversaries` forms the product of camps and great-power rivalries over the great powers
    alone (issue 11): the matrix of the whole product ``(camp @ rivals) > 0``, on random worlds with none, some and all majors; with
    ``allied`` and ``region`` the camps are those a state is bound to, ``b_ik`` computed element by element (camp18)."""
    from foedus.theory.camps import camp_adversaries

    rng = np.random.default_rng(11)
    seen = 0
    for n in (1, 3, 12, 40):
        for share in (0.0, 0.2, 1.0):
            e = np.maximum(rng.random((n, n)) - 0.5, 0.0)
            e = (e + e.T) / 2
            np.fill_diagonal(e, 0.0)
            m = rng.random(n) < share
            r = (rng.random((n, n)) < 0.3).astype(float)
            r = np.maximum(r, r.T)
            ok = rng.random(n) < 0.9
            a = rng.random((n, n)) < 0.5
            a = a | a.T
            reg = rng.integers(0, 3, n)
            for allied, region in ((None, None), (a, None), (a, reg)):
                if allied is None:
                    bound = np.ones((n, n), bool)
                else:  # b_ik, element by element (camp18): own alliance, a bloc partner's, or the region of the unaligned
                    ae = allied & ~np.eye(n, dtype=bool)
                    joined = ae & (e <= 0) & m[None, :]  # C[i, g]
                    bound = np.zeros((n, n), bool)
                    for i in range(n):
                        for k in range(n):
                            bound[i, k] = ae[i, k] or any(joined[i, x] and joined[x, k] for x in range(n)) or (
                                region is not None and region[i] == region[k] and not (ae[i] & m).any()
                            )  # the region binds a state allied in arms to no great power (the review of session 18)
                camp = (e <= 0) & m[None, :] & bound
                np.fill_diagonal(camp, m)
                camp = (camp & ok[:, None] & ok[None, :]).astype(float)
                rivals = ((r > 0) & (e > 0) & m[:, None] & m[None, :]).astype(float)  # rivalries across camps (Owen 2010)
                want = ((camp @ rivals) > 0) & (e > 0) & m[None, :] & ok[:, None] & ok[None, :]
                np.fill_diagonal(want, False)
                got = camp_adversaries(e, m, r, known=ok, allied=allied, region=region)
                assert got.dtype == bool and np.array_equal(got, want)
                seen += int(want.any())
    assert seen >= 3  # some worlds with camp adversaries


def test_an_allys_border_makes_a_state_relevant_only_as_the_route_of_the_allys_war_quackenbush_2006():
    """Quackenbush (2006): a dyad is politically active when one is allied to a state contiguous to the other, because the ally's war
    may draw it in. Poland (0), allied to Turkey (1), which borders Iran (2): with ``ally_conflict`` Iran lies in Poland's
    neighbourhood only while Turkey and Iran are at war; without it, always (the dyad rule). Turkey's own border is untouched, and a
    shape mismatch is named."""
    contiguous = np.array([[0, 0, 0], [0, 0, 1], [0, 1, 0]], bool)
    allied = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]], bool)
    major = np.zeros(3, bool)
    peace, war = np.zeros((3, 3), bool), np.zeros((3, 3), bool)
    war[1, 2] = war[2, 1] = True
    assert politically_relevant(contiguous, major, allied=allied)[0, 2] == 1.0
    assert politically_relevant(contiguous, major, allied=allied, ally_conflict=peace)[0, 2] == 0.0
    assert politically_relevant(contiguous, major, allied=allied, ally_conflict=war)[0, 2] == 1.0
    assert politically_relevant(contiguous, major, allied=allied, ally_conflict=peace)[1, 2] == 1.0
    rows = politically_relevant(contiguous, major, allied=allied, ally_conflict=peace, rows=[0])
    assert rows.tolist() == [[0.0, 0.0, 0.0]]
    with pytest.raises(ValueError, match="ally_conflict"):
        politically_relevant(contiguous, major, allied=allied, ally_conflict=np.zeros((2, 2), bool))
