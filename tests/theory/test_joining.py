"""foedus.theory.joining: the warring alliance partner (Siverson & Starr 1990, 1991), Scott's pi (Häge 2011), a third party's stake."""

import doctest

import numpy as np
import pytest

from foedus.theory import joining
from foedus.theory.joining import (
    aimed_adversary,
    attacker_ally_reach,
    partner_willingness,
    scott_pi,
    third_party_stake,
    warring_ally_join_probability,
)

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(joining, raise_on_error=False).failed == 0


def test_scott_pi_is_fleiss_kappa_of_two_raters():
    """Scott's (1955) pi is Fleiss' (1971) kappa with two raters (Häge 2011's chance-corrected agreement): statsmodels' estimate."""
    fleiss_kappa = pytest.importorskip("statsmodels.stats.inter_rater").fleiss_kappa  # the full environment has it; the core one does not

    rng = np.random.default_rng(5)
    for _ in range(20):
        n = int(rng.integers(5, 60))
        a, b = rng.random(n) < rng.uniform(0.1, 0.9), rng.random(n) < rng.uniform(0.1, 0.9)
        if (a == a[0]).all() and (b == a[0]).all():
            continue
        table = np.stack([(~a).astype(int) + (~b).astype(int), a.astype(int) + b.astype(int)], axis=1)  # raters per category, per item
        assert float(scott_pi(a, b)) == pytest.approx(fleiss_kappa(table, method="fleiss"), abs=1e-12)


def test_scott_pi_does_not_read_shared_absences_as_similarity():
    """Häge (2011): the S score of two states, each allied to one other state and never to the same, tends to 1 as states that
    neither is allied to are added; chance-corrected agreement tends to 0 (no more agreement than chance), from below."""
    for n in (10, 100, 1000):
        a, b = np.zeros(n), np.zeros(n)
        a[[0, 2]] = b[[1, 3]] = 1  # each allied to itself and one other
        s = 1 - 2 * np.abs(a - b).mean()
        pi = float(scott_pi(a, b))
        assert s == pytest.approx(1 - 8 / n) and pi < 0
        assert pi == pytest.approx(1 - (4 / n) / (2 * (2 / n) * (1 - 2 / n)))
    assert float(scott_pi(a, b)) > -0.01  # near 0 at 1000 states, where S is 0.992
    assert scott_pi(np.zeros(4), np.zeros(4)) == 1.0


def test_the_warring_ally_route_rises_with_reach_and_the_shared_adversary():
    """Siverson & Starr (1990): diffusion to a warring alliance partner rises with the opportunity (reach); Snyder (1984): an
    ally whose partner fights no adversary of its own (shared 0) is not drawn in by this route (that would be entrapment)."""
    p = warring_ally_join_probability(0.3, [0.0, 0.5, 1.0, 1.0], [1.0, 1.0, 1.0, 0.0])
    assert p.tolist() == [0.0, 0.15, 0.3, 0.0]
    with pytest.raises(ValueError, match="shared_adversary"):
        warring_ally_join_probability(0.3, [1.0], [1.2])
    with pytest.raises(ValueError, match="reach"):
        warring_ally_join_probability(0.3, [1.5], [1])
    with pytest.raises(ValueError, match="rate"):
        warring_ally_join_probability(1.5, [1.0], [1])


def test_a_partners_willingness_is_the_noisy_or_of_its_shared_adversary_and_its_stake():
    """Corbetta (2010): opposition to one disputant and proximity to the other count alike, either moving a third party; the
    willingness is 1 - (1 - h)(1 - s): each motive alone gives its own value, both together more than either, never above 1;
    with no stake the route is the shared-adversary form it was (to the bit)."""
    rng = np.random.default_rng(0)
    h, s = rng.random(200), rng.random(200)
    w = partner_willingness(h, s)
    assert np.allclose(w, 1 - (1 - h) * (1 - s), rtol=0, atol=1e-15)
    assert (w >= np.maximum(h, s) - 1e-15).all() and (w <= 1).all()
    assert partner_willingness(h, 0.0).tolist() == h.tolist() and partner_willingness(0.0, s).tolist() == s.tolist()
    assert np.allclose(partner_willingness(1.0, s), 1.0, rtol=0, atol=1e-15)  # a whole motive is a whole willingness
    assert partner_willingness(h, s).tolist() == partner_willingness(s, h).tolist()  # the two motives count alike
    reach = rng.random(200)
    assert warring_ally_join_probability(0.4, reach, h).tolist() == (0.4 * reach * h).tolist()
    assert warring_ally_join_probability(0.4, reach, h, s).tolist() == (0.4 * reach * w).tolist()
    with pytest.raises(ValueError, match="stake"):
        partner_willingness(0.5, 1.2)
    with pytest.raises(ValueError, match="shared_adversary"):
        partner_willingness(-0.1, 0.5)


def test_an_attackers_ally_joins_at_its_own_reach():
    """Siverson & Starr (1991): the offensive is fought on the target's territory, so an attacker's ally's reach is its own to
    the target, never more than the relayed reach_to_war an ally of the target keeps (to the bit where it is the target's
    ally); its probability is the route's at that reach."""
    from foedus.theory.war_onset import reach_to_war

    rng = np.random.default_rng(3)
    k = 300
    side1 = rng.random(k) < 0.5
    h = rng.random(k) * (rng.random(k) < 0.5)
    s = rng.random(k)
    e, p, t = rng.random(k), rng.random(k), rng.random(k)
    r = attacker_ally_reach(side1, e, p, t)
    relay = reach_to_war(e, p, t)
    assert r[side1].tolist() == e[side1].tolist() and r[~side1].tolist() == relay[~side1].tolist() and (r <= relay).all()
    prob = warring_ally_join_probability(0.25, r, h, s)
    assert prob[side1].tolist() == warring_ally_join_probability(0.25, e, h, s)[side1].tolist()
    assert (prob[side1] <= warring_ally_join_probability(0.25, relay, h, s)[side1]).all()
    with pytest.raises(ValueError, match="reach"):
        attacker_ally_reach([True], [1.2], [0.5], [0.5])


def test_the_adversary_a_pact_is_aimed_at_is_a_shared_adversary_whatever_the_hostility():
    """Snyder (1984), Leeds, Long & Mitchell (2000): an alliance aimed at a state makes it its members' shared adversary: the
    degree is 1 there, the hostility elsewhere (to the bit), and the warring ally's willingness follows (a whole willingness)."""
    rng = np.random.default_rng(4)
    h = rng.random(100) * (rng.random(100) < 0.5)
    aimed = rng.random(100) < 0.3
    d = aimed_adversary(h, aimed)
    assert (d[aimed] == 1.0).all() and d[~aimed].tolist() == h[~aimed].tolist()
    assert (warring_ally_join_probability(0.3, 0.5, d, 0.0)[aimed] == 0.15).all()
    with pytest.raises(ValueError, match="hostility"):
        aimed_adversary([1.3], [False])


def test_a_third_partys_stake_is_half_the_similarity_difference_and_never_negative():
    """Werner (2000), Corbetta (2010): equally aligned with both sides, or nearer the enemy, no stake."""
    rng = np.random.default_rng(3)
    s, e = rng.uniform(-1, 1, 200), rng.uniform(-1, 1, 200)
    k = third_party_stake(s, e)
    assert ((k >= 0) & (k <= 1)).all() and (k[s <= e] == 0).all() and np.allclose(k[s > e], (s - e)[s > e] / 2)


def test_an_opportunist_without_a_stake_never_enters_and_one_with_the_whole_stake_at_the_rivals_rate():
    """Werner (2000), Corbetta (2010) on Schweller's (1994) route: the rival's rate times reach, times the stake (0 and 1 the bounds)."""
    from foedus.theory.joining import staked_opportunist_probability
    from foedus.theory.war_onset import opportunistic_join_probability

    rng = np.random.default_rng(9)
    reach, rival, stake = rng.random(100), rng.random(100) < 0.5, rng.random(100)
    p = staked_opportunist_probability(0.3, reach, rival, stake)
    assert np.allclose(p, opportunistic_join_probability(0.3, reach, rival) * stake)
    assert (staked_opportunist_probability(0.3, reach, rival, np.zeros(100)) == 0).all()
    assert np.allclose(staked_opportunist_probability(0.3, reach, rival, np.ones(100)), opportunistic_join_probability(0.3, reach, rival))
    with pytest.raises(ValueError, match="stake"):
        staked_opportunist_probability(0.3, [1.0], [1], [1.5])


def test_a_state_allied_to_nobody_has_no_stake_in_either_side():
    """Häge (2011) against the S score: a rival with no ally (only itself) is not 'aligned' with a belligerent allied to nobody
    either: both pi scores are below 0 and equal by symmetry, so the stake is 0 whatever the number of states."""
    for n in (20, 200):
        me, side, foe = np.eye(n, dtype=bool)[[0, 1, 2]]
        assert float(third_party_stake(scott_pi(me, side), scott_pi(me, foe))) == 0.0
        side2 = side.copy()
        side2[0] = True  # the side's leader is allied to the state: a stake
        assert float(third_party_stake(scott_pi(me, side2), scott_pi(me, foe))) > 0.25


def test_the_nuclear_restraint_removes_entry_only_between_two_nuclear_armed_states():
    """Jervis (1989): a nuclear-armed state does not fight a nuclear-armed one. At strength 1 the factor is 0 exactly where both
    hold the bomb and 1 elsewhere; at strength s it is 1 - s there; out-of-range strengths are refused."""
    me = np.array([True, True, False, False])
    foe = np.array([True, False, True, False])
    assert joining.nuclear_entry_restraint(me, foe).tolist() == [0.0, 1.0, 1.0, 1.0]
    for s in (0.0, 0.3, 1.0):
        got = joining.nuclear_entry_restraint(me, foe, strength=s)
        assert got[0] == pytest.approx(1.0 - s) and (got[1:] == 1.0).all()
    with pytest.raises(ValueError, match="strength"):
        joining.nuclear_entry_restraint(me, foe, strength=1.5)


def test_coalition_treaty_follows_the_charter():
    """A coalition for a war is a treaty before the Charter and none under it (art. 51; ICJ 1986): 1854 and 1866 (the Crimean
    coalition, Prussia and Italy) and 1914 yes; 1956 (Suez) and 1991 no; and the dating is territorial_integrity_norm's."""
    from foedus.theory.joining import coalition_treaty
    from foedus.theory.renunciation import territorial_integrity_norm

    years = [1854, 1866, 1914, 1944, 1945, 1956, 1991]
    assert coalition_treaty(territorial_integrity_norm(years)).tolist() == [True, True, True, True, False, False, False]
    assert coalition_treaty(True).shape == ()
    with pytest.raises(ValueError, match="charter must be boolean"):
        coalition_treaty([0.5])


def test_the_nuclear_restraint_is_mutual_deterrence_not_a_monopoly_rauchhaus_2009():
    """Rauchhaus (2009): symmetric nuclear dyads are far less likely to fight, asymmetric ones are not. With the record's dates
    (Gartzke & Kroenig 2009) China entering against the United States is unrestrained in 1950 (Korea: no Chinese bomb until
    1964), restrained in 1965; the United States entering against China alike, and the Soviet Union against the United States
    from 1949 only."""
    from foedus.data.nuclear import nuclear_armed

    for year, china, soviet in ((1948, 1.0, 1.0), (1950, 1.0, 0.0), (1965, 0.0, 0.0)):
        me, foe = nuclear_armed([710, 2, 365], year), nuclear_armed([2, 710, 2], year)
        assert joining.nuclear_entry_restraint(me, foe).tolist() == [china, china, soviet], year



def test_a_jackal_enters_for_spoils_the_territorial_integrity_norm_discounts():
    """Schweller (1994), Zacher (2001): beside the attacker the entry is scaled by the year's conquest discount (1 before the
    Covenant, 1 - strength under the Charter); against the attacker it is left whole."""
    from foedus.theory.renunciation import conquest_discount, renunciation_of_war

    for year, want in ((1900, 1.0), (1950, 0.4)):
        d = float(conquest_discount(renunciation_of_war(year), 0.6))
        assert joining.jackal_spoils([True, False], d).tolist() == pytest.approx([want, 1.0])
    with pytest.raises(ValueError, match="conquest_discount"):
        joining.jackal_spoils([True], 1.5)


def test_beside_an_attacker_only_an_offence_pledge_lets_the_portfolio_stake_move_a_defence_ally():
    """Leeds, Long & Mitchell (2000; a defence pledge does not cover the partner's own attack), Snyder (1984), Leeds (2003):
    beside an attacker, without an offence pledge, the willingness is the shared adversary alone (partner_willingness with the
    stake cut is the hostility exactly, as Snyder's shared adversary); beside a target, or with an offence pledge, the stake is
    whole; ``weight`` 1 is the form until 2026-12; a weight outside [0, 1] and a stake outside [0, 1] are refused."""
    rng = np.random.default_rng(19)
    s, h = rng.random(200), rng.random(200)
    beside, offence = rng.random(200) < 0.5, rng.random(200) < 0.3
    cut = joining.aggression_stake(s, beside, offence)
    alone = beside & ~offence
    assert np.array_equal(partner_willingness(h, cut)[alone], h[alone])
    assert np.array_equal(cut[~alone], s[~alone]) and (cut[alone] == 0.0).all()
    assert np.array_equal(joining.aggression_stake(s, beside, offence, 1.0), s)
    assert np.allclose(joining.aggression_stake(s, beside, offence, 0.25)[alone], 0.25 * s[alone])
    with pytest.raises(ValueError, match="weight"):
        joining.aggression_stake(s, beside, offence, 1.5)
    with pytest.raises(ValueError, match="stake"):
        joining.aggression_stake([1.5], [True], [False])


def test_entry_age_decay_is_one_at_the_outbreak_and_halves_every_half_life():
    """Yamamoto & Bremer 1980: the decision is taken at the outbreak; the exponential halves every ln 2 / rate years."""
    from foedus.theory.joining import entry_age_decay

    rate = 0.55
    half = np.log(2) / rate
    out = entry_age_decay(np.array([0.0, half, 2 * half, 3.0]), rate)
    assert out[0] == 1.0
    assert out[1] == pytest.approx(0.5)
    assert out[2] == pytest.approx(0.25)
    assert out[3] == pytest.approx(np.exp(-1.65))
    assert (entry_age_decay(np.arange(10), 0.0) == 1.0).all()  # rate 0: no decline (the form until 2026-12)
    assert (np.diff(entry_age_decay(np.arange(10), rate)) < 0).all()
    with pytest.raises(ValueError, match="age"):
        entry_age_decay([-1.0], rate)
    with pytest.raises(ValueError, match="rate"):
        entry_age_decay([1.0], -0.1)
    # the grace: the outbreak's chance for its first years, then the same decline from there
    g = entry_age_decay(np.arange(6.0), rate, grace=1.0)
    assert (g[:2] == 1.0).all() and g[2:] == pytest.approx(entry_age_decay(np.arange(1.0, 5.0), rate))
    with pytest.raises(ValueError, match="grace"):
        entry_age_decay([1.0], rate, grace=-1.0)
