"""What obligations are worth and cost (theory/obligations.py; issue 17): each formula against its definition or a known result."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.schema import OBLIGATIONS
from foedus.theory import cohesion as th_cohesion
from foedus.theory import obligations as ob
from foedus.theory.exchange import morrow_exchange


def _world(seed: int = 0, n: int = 7):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.005, 0.3, n)
    t = rng.uniform(0, 0.2, (n, n))
    np.fill_diagonal(t, 0)
    return p, t, rng.normal(0, 0.3, (n, n))


def test_each_obligation_provides_its_own_good_as_leeds_et_al_code_them():
    goods = {o: ob.pact_goods([o == x for x in OBLIGATIONS]) for o in OBLIGATIONS}
    assert goods["defense"].tolist() == [True, False, False, False, False]
    assert goods["offense"].tolist() == [False, False, False, False, True]  # joint action against a target protects no one
    assert goods["neutrality"].tolist() == [False, False, True, False, False]
    assert goods["nonaggression"].tolist() == [False, True, False, False, False]
    assert goods["consultation"].tolist() == [False, False, False, True, False]
    # the forms of new pacts provide different goods (so a state chooses among them)
    provided = [tuple(ob.pact_goods(ob.pact_form(f)).tolist()) for f in ob.PACT_FORMS]
    assert len(set(provided)) == len(provided)


def test_reassurance_is_walts_pressure_of_the_partners_threat_and_protection_is_the_alignment_utility():
    p, t, u = _world()
    g = ob.obligation_goods(u, t, p)
    off = ~np.eye(len(p), dtype=bool)
    assert np.allclose(g[0][off], u[off])
    assert np.allclose(g[1][off], (t / (t + p[:, None]))[off])
    assert (np.diag(g[1]) == 0).all()


def test_no_neutrality_is_worth_asking_of_ones_main_threat_itself_and_transparency_needs_a_shared_threat():
    p, t, u = _world(1)
    g = ob.obligation_goods(u, t, p)
    main = t.argmax(axis=1)
    assert (g[2][np.arange(len(p)), main] == 0).all()
    # a partner that threatens nobody and is threatened by nobody shares no threat: nothing to consult about
    t2 = t.copy()
    t2[3, :] = 0
    t2[:, 3] = 0
    g2 = ob.obligation_goods(u, t2, p)
    assert (g2[3][:, 3] == 0).all() and (g2[3][3, :] == 0).all()


def test_abstention_is_the_pressure_the_partner_would_add_to_ones_main_threat():
    """Walt's pressure rho(x) = x / (x + p_i): neutrality forgoes rho(T*_i + T_ij) - rho(T*_i), times 1 - mu_ij."""
    p, t, u = _world(3)
    g = ob.obligation_goods(u, t, p)
    n = len(p)
    star, main = t.max(axis=1), t.argmax(axis=1)
    rho = lambda x: x / (x + p[:, None])
    mu = np.minimum(t[:, main].T / star[None, :], 1.0)  # mu[i, j] = T[j, t(i)] / T*_j
    expect = (1 - mu) * (rho(star[:, None] + t) - rho(star[:, None]))
    expect[np.arange(n), main] = 0
    np.fill_diagonal(expect, 0)
    assert np.allclose(g[2], expect)
    # a state that poses no threat to i (a distant or friendly one) has nothing to abstain from
    t0 = t.copy()
    t0[0, 4] = 0.0
    assert ob.obligation_goods(u, t0, p)[2, 0, 4] == 0.0


def test_transparency_and_the_risk_of_defending_discount_a_partner_that_cannot_reach_one():
    """Bueno de Mesquita (1981): capability carried over a distance; with reach = power everywhere, the published form."""
    p, t, u = _world(4)
    n = len(p)
    flat = np.repeat(p[None, :], n, axis=0)  # R[i, j] = p_j: no loss of strength
    assert np.allclose(ob.obligation_goods(u, t, p, reach=flat), ob.obligation_goods(u, t, p))
    assert np.allclose(ob.defence_burden(t, p, reach=flat), ob.defence_burden(t, p))
    far = flat * 0.1  # every partner brings a tenth of its capability
    g_far, g = ob.obligation_goods(u, t, p, reach=far), ob.obligation_goods(u, t, p)
    off = ~np.eye(n, dtype=bool)
    assert (g_far[3][off] <= g[3][off]).all() and (g_far[3] < g[3]).any()
    assert np.allclose(g_far[:3], g[:3])  # protection, reassurance and abstention are measured in threat, already discounted
    b_far, b = ob.defence_burden(t, p, reach=far), ob.defence_burden(t, p)
    assert (b_far[off] >= b[off]).all() and (b_far > b).any()


def test_the_goods_scale_with_their_weights():
    p, t, u = _world(2)
    w = (1.0, 2.0, 0.5, 3.0, 1.5)
    a = np.abs(u)
    np.fill_diagonal(a, 0)
    assert np.allclose(ob.obligation_goods(u, t, p, aggrandisement=a, weights=w), ob.obligation_goods(u, t, p, aggrandisement=a) * np.array(w)[:, None, None])
    assert np.allclose(ob.obligation_goods(u, t, p, aggrandisement=a)[4], a)


def test_morrows_exchange_on_both_sides_the_weak_pays_the_strong_gains_and_nothing_is_clipped():
    """Morrow (1991): in an asymmetric alliance the weak side concedes autonomy and the strong side gains it."""
    ex = morrow_exchange(np.array([0.01, 0.2]), np.array([0.2, 0.01]))
    da = ex.autonomy_change_i
    assert da[0] < 0 < da[1]
    cost = ob.commitment_cost(0.05, 1.0, da, autonomy_weight=0.5)
    assert cost[0] > 0.05 > cost[1]
    assert cost[1] < 0  # the strong side gains from the exchange itself: not clipped to zero
    # without the autonomy term, the cost is the commitment times the base cost, plus the treaty's cost
    assert ob.commitment_cost(0.05, 0.2, da, autonomy_weight=0.0, treaty_cost=0.01).tolist() == pytest.approx([0.02, 0.02])


def test_the_risk_of_defending_raises_the_cost_by_its_weight_and_excludes_defending_a_partner_against_oneself():
    p, t, _ = _world(3)
    b = ob.defence_burden(t, p)
    assert ((b >= 0) & (b < 1)).all()
    n = len(p)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            others = [k for k in range(n) if k not in (j, i)] if t[j].argmax() == i else [k for k in range(n) if k != j]
            star = t[j, others].max()
            assert b[i, j] == pytest.approx(star / (star + p[i]))
    c0 = ob.commitment_cost(0.05, 1.0, 0.0, autonomy_weight=0.5)
    c1 = ob.commitment_cost(0.05, 1.0, 0.0, autonomy_weight=0.5, burden=0.4, burden_weight=0.5)
    assert c1 - c0 == pytest.approx(0.2)


def test_only_a_pledge_about_the_partners_war_carries_the_base_cost_a_consultation_pact_costs_its_treaty_and_a_defence_pact_morrows_whole_cost():
    """Snyder (1984, 1997): entrapment is being dragged into an ally's war, which only a pledge to fight beside it can do; a
    pledge to stay out of it (neutrality) forecloses the alternative alignment (Snyder 1997, ch. 1), the larger pledge than
    non-aggression (Leeds et al. 2002).

    Each ATOP obligation alone and the pact forms: defence, offence and neutrality carry the whole base cost,
    non-aggression and consultation none (the published form) or the share given. With e = 0 a consultation pact costs
    the treaty alone; a defence pact's cost is Morrow's (1991) exchange whole, the same number as without the argument."""
    alone = np.eye(len(OBLIGATIONS), dtype=bool)
    assert ob.entrapment_share(alone).tolist() == [1.0, 1.0, 1.0, 0.0, 0.0]
    assert ob.entrapment_share(alone, 0.3).tolist() == [1.0, 1.0, 1.0, 0.3, 0.3]
    forms = np.stack([ob.pact_form(f) for f in ob.PACT_FORMS])
    want = {"defence": 1.0, "offence": 1.0, "neutrality": 1.0, "neutrality_nonaggression": 1.0, "nonaggression": 0.0, "consultation": 0.0}
    assert dict(zip(ob.PACT_FORMS, ob.entrapment_share(forms).tolist())) == want
    consult = ob.entrapment_share(ob.pact_form("consultation"))
    assert ob.commitment_cost(0.08, 0.3, 0.0, autonomy_weight=0.3, treaty_cost=0.05, entrapment=consult) == pytest.approx(0.05)
    da = morrow_exchange(np.array([0.01, 0.2]), np.array([0.2, 0.01])).autonomy_change_i
    kw = {"autonomy_weight": 0.3, "burden": np.array([0.1, 0.4]), "burden_weight": 0.4, "treaty_cost": 0.05}
    defence = ob.entrapment_share(ob.pact_form("defence"))
    got = ob.commitment_cost(0.08, 1.0, da, entrapment=defence, **kw)
    assert np.array_equal(got, ob.commitment_cost(0.08, 1.0, da, **kw))
    assert got == pytest.approx(0.05 + 0.08 + 0.4 * np.array([0.1, 0.4]) - 0.3 * np.log1p(da))
    # a share between: the base cost scales with it, the rest of the cost does not move
    half = ob.commitment_cost(0.08, 0.4, 0.0, autonomy_weight=0.3, treaty_cost=0.05, entrapment=0.5)
    assert half == pytest.approx(0.05 + 0.4 * 0.04)
    with pytest.raises(ValueError, match="lesser_share"):
        ob.entrapment_share(alone, 1.5)
    with pytest.raises(ValueError, match="entrapment"):
        ob.commitment_cost(0.08, 0.4, 0.0, autonomy_weight=0.3, entrapment=-0.1)


def test_an_offence_pledge_carries_its_share_of_the_risk_of_defending_the_partner_a_defence_pledge_all_of_it():
    """Leeds et al. (2002): an offence obligation pledges joint action against a named third party, not the partner's
    defence (Schweller 1994's jackal; Benson 2012's compellent pacts), so at the published form (share 0) an offence pact
    carries none of the risk of defending the partner, a defence pact all of it whatever the share, and a pact that
    pledges both is a defence pact. In the cost, the risk term (beta B) is what the share removes; the rest stays."""
    from foedus.theory.commitment_share import defence_risk_share

    forms = np.stack([ob.pact_form(f) for f in ob.PACT_FORMS])
    got = dict(zip(ob.PACT_FORMS, defence_risk_share(forms).tolist()))
    assert got == {"defence": 1.0, "neutrality": 0.0, "neutrality_nonaggression": 0.0, "nonaggression": 0.0, "consultation": 0.0, "offence": 0.0}
    assert dict(zip(ob.PACT_FORMS, defence_risk_share(forms, 1.0).tolist()))["offence"] == 1.0
    both = np.array([1, 1, 0, 0, 0], bool)
    assert float(defence_risk_share(both, 0.0)) == 1.0
    r = float(defence_risk_share(ob.pact_form("offence"), 0.4))
    c1 = ob.commitment_cost(0.08, 1.0, 0.0, autonomy_weight=0.3, burden=0.5 * r, burden_weight=0.4)
    c0 = ob.commitment_cost(0.08, 1.0, 0.0, autonomy_weight=0.3, burden=0.0, burden_weight=0.4)
    assert c1 - c0 == pytest.approx(0.4 * 0.5 * 0.4)
    with pytest.raises(ValueError, match="offence_share"):
        defence_risk_share(both, 1.5)


def test_atop_bilateral_treaties_are_closed_unless_their_terms_provide_for_new_members(data_dir):
    """ATOP 5.1 (proadd): of the 678 bilateral treaties, 643 make no provision for new members and 13 are not coded (closed, as bilateral), 22 provide for them."""
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["bilat", "proadd"])
    admits = ob.admits_members(a["proadd"].to_numpy(dtype=float), a["bilat"].to_numpy())
    bilateral = a["bilat"].to_numpy() == 1
    assert int((bilateral & ~admits).sum()) == 656
    assert int((bilateral & (a["proadd"].to_numpy() == 0)).sum()) == 643
    assert int((bilateral & admits).sum()) == 22
    assert (admits == (a["proadd"].fillna(-1).to_numpy() > 0) | (a["proadd"].isna().to_numpy() & ~bilateral)).all()


def test_treaty_inertia_a_membership_is_left_only_when_its_value_fell_below_its_cost():
    """Leeds & Savun (2007): states leave treaties when circumstances change, not for their level of value."""
    v0, c = 0.5, 0.2
    assert ob.inertia_exit_probability(0.1, 0.1, c, rate=0.3) == 0  # worth little, but no less than at entry
    assert ob.inertia_exit_probability(0.3, v0, c, rate=0.3) == 0  # fell, but still worth its cost
    assert ob.inertia_exit_probability(-1.0, v0, c, rate=0.3) == pytest.approx(0.3)  # fell all the way
    assert ob.inertia_exit_probability(0.1, v0, c, rate=0.3) == pytest.approx(0.3 * 0.4 / 0.5)
    v = np.linspace(-1, 1, 41)
    pr = ob.inertia_exit_probability(v, v0, c, rate=0.3)
    assert ((pr >= 0) & (pr <= 0.3)).all() and (np.diff(pr) <= 0).all()


def test_reneging_costs_standing_so_a_member_leaves_only_when_its_membership_falls_short_by_more():
    """Gibler 2008, Crescenzi et al. 2012: leaving costs a reputation for reliability (abrogation_cost a): a membership worth
    less than its cost by no more than a is kept, one short by more leaves at the same probability as without the cost, and
    a = 0 is the published form."""
    v0, c, r = 0.5, 0.2, 0.3
    v = np.linspace(-1, 1, 81)
    base = ob.inertia_exit_probability(v, v0, c, rate=r)
    assert np.array_equal(ob.inertia_exit_probability(v, v0, c, rate=r, abrogation_cost=0.0), base)
    a = 0.15
    withc = ob.inertia_exit_probability(v, v0, c, rate=r, abrogation_cost=a)
    assert (withc[v + a >= c] == 0).all() and (base[(v < c) & (v + a >= c)] > 0).all()
    assert np.array_equal(withc[v + a < c], base[v + a < c]) and (withc <= base).all()
    with pytest.raises(ValueError, match="inertia_exit_probability: abrogation_cost"):
        ob.inertia_exit_probability(0.1, v0, c, rate=r, abrogation_cost=-0.1)


def test_dissolution_terms_sum_to_the_hazard_and_the_published_form_is_the_default():
    rng = np.random.default_rng(5)
    c, dp, inst = rng.random(50), rng.random(50), rng.random(50)
    kw = dict(capability_change=dp, max_hazard=0.3, change_weight=0.5, institutionalisation=inst, institution_weight=0.8)
    old = 0.3 * (1 - c * np.exp(-0.5 * dp)) * (1 - 0.8 * inst)
    assert np.allclose(th_cohesion.dissolution_hazard(c, **kw), old)
    terms = th_cohesion.dissolution_terms(c, base_hazard=0.01, cohesion_at_formation=np.where(c > 0.5, c, np.nan), **kw)
    h = th_cohesion.dissolution_hazard(c, base_hazard=0.01, cohesion_at_formation=np.where(c > 0.5, c, np.nan), **kw)
    assert np.allclose(terms.sum(axis=0), h) and (h <= 1).all()
    # a treaty whose cohesion has not fallen since the reference loses nothing to cohesion
    assert (terms[0][c > 0.5] == 0).all() and (terms[0][c <= 0.5] > 0).all()


def test_a_protective_treaty_is_not_opened_to_a_members_main_threat_whatever_its_reassurance():
    """Walt (1987): an alliance forms against a threat; admitting it dissolves the protection (NATO refused the USSR in 1954)."""
    t = np.array([[0, 0.3, 0.1], [0.2, 0, 0], [0, 0, 0]])
    assert ob.main_threat(t).tolist() == [1, 0, -1]
    votes = ob.admission_votes([2.0, 2.0, 0.1], 0.5, [True, True, False], [True, False, True])
    assert votes.tolist() == [False, True, False]
    assert ob.admission_votes(2.0, 0.5, False, True)


def test_no_member_votes_to_admit_a_state_whose_main_threat_it_is():
    """Weitsman (1997, 2004): restraining one's main threat is tethering, a pact of weak obligations, not an accession to its defence treaty."""
    hostile = ob.admission_votes([2.0, 2.0, 2.0], 0.5, False, [True, False, True], member_is_candidates_main_threat=[True, True, False])
    assert hostile.tolist() == [False, False, True]


def test_neutrality_comes_alone_or_with_non_aggression_and_ranks_as_neutrality():
    """ATOP 5.1: 75 of the 108 treaties whose strongest obligation is neutrality carry non-aggression too; such a
    treaty provides abstention and reassurance and commits as neutrality does (the strongest obligation counts)."""
    from foedus.theory.capability import commitment_strength

    both = ob.pact_form("neutrality_nonaggression")
    assert ob.pact_goods(both).tolist() == [False, True, True, False, False]
    assert commitment_strength(both) == commitment_strength(ob.pact_form("neutrality")) > commitment_strength(ob.pact_form("nonaggression"))


def test_no_neutrality_is_worth_asking_of_a_state_pledged_to_defend_ones_main_threat():
    """Snyder (1997, ch. 1); the Reinsurance Treaty (1887) excepted the war the Dual Alliance bound Germany to fight:
    a state bound to defend one's main threat cannot pledge to stay out of one's war with it. Other pairs unchanged."""
    p, t, u = _world(2)
    n = len(p)
    free = ob.obligation_goods(u, t, p)
    main = ob.main_threat(t)
    defends = np.zeros((n, n), bool)
    j, k = 1, main[0]
    defends[j, k] = defends[k, j] = True
    bound = ob.obligation_goods(u, t, p, defends=defends)
    for i in range(n):
        for m in range(n):
            if i != m and main[i] >= 0 and defends[m, main[i]]:
                assert bound[2, i, m] == 0.0
            else:
                assert bound[2, i, m] == free[2, i, m]
    assert np.array_equal(np.delete(bound, 2, axis=0), np.delete(free, 2, axis=0))


def test_abstention_is_worth_the_expected_war_it_keeps_the_partner_out_of():
    """Leeds et al. 2002, Fearon 1997: the defender's side of a neutrality pledge is its flat value times the
    chance of war with one's main threat, the attacker's side (isolation) times the chance of war with one's target;
    a certain war leaves the published value whole, no war makes the pledge worthless, and nothing else moves."""
    p, t, u = _world(5)
    n = len(p)
    flat = ob.obligation_goods(u, t, p)
    main = t.argmax(axis=1)
    rng = np.random.default_rng(1)
    risk = rng.uniform(0, 1, (n, n))
    risk = (risk + risk.T) / 2
    g = ob.obligation_goods(u, t, p, war_risk=risk)
    assert np.allclose(g[2], flat[2] * risk[np.arange(n), main][:, None])
    assert np.allclose(np.delete(g, 2, axis=0), np.delete(flat, 2, axis=0))
    assert np.allclose(ob.obligation_goods(u, t, p, war_risk=np.ones((n, n)))[2], flat[2])
    assert not ob.obligation_goods(u, t, p, war_risk=np.zeros((n, n)))[2].any()
    iso = rng.uniform(0, 0.1, (n, n))
    np.fill_diagonal(iso, 0)
    target = np.array([2, -1, 0, 4, 3, 0, 1][:n])
    gi = ob.obligation_goods(u, t, p, war_risk=risk, isolation=iso, target=target)
    k = np.maximum(target, 0)
    expect = flat[2] * risk[np.arange(n), main][:, None] + iso * np.where(target >= 0, risk[np.arange(n), k], 0)[:, None]
    np.fill_diagonal(expect, 0)
    assert np.allclose(gi[2], expect)


def test_a_sworn_enemys_promise_to_stay_out_of_ones_war_is_worth_its_credibility():
    """Kydd 2005: the first term of abstention is scaled by the belief in the pledge; isolation is not."""
    p, t, u = _world(6)
    n = len(p)
    cred = np.full((n, n), 0.25)
    flat = ob.obligation_goods(u, t, p)
    assert np.allclose(ob.obligation_goods(u, t, p, credibility=cred)[2], 0.25 * flat[2])
    iso = np.full((n, n), 0.01)
    np.fill_diagonal(iso, 0)
    both = ob.obligation_goods(u, t, p, credibility=cred, isolation=iso)[2]
    assert np.allclose(both, 0.25 * flat[2] + iso)


def test_war_expectation_is_the_survivor_complement_of_a_constant_hazard():
    from foedus.theory.offence import war_expectation

    h = np.array([0.0, 0.01, 0.2, 1.0])
    assert np.allclose(war_expectation(h, 5.0), 1 - (1 - h) ** 5)
    assert np.allclose(war_expectation(h, 1.0), h)
    with pytest.raises(ValueError):
        war_expectation([1.5], 5.0)


def test_coalition_treaty_groups_one_treaty_unless_two_partners_are_rivals():
    """Partners with no strategic rival among them write one treaty (all 0); a rival pair anywhere gives each its own; a lone
    partner its own; the diagonal is ignored; a non-square input is refused."""
    from foedus.theory.obligations import coalition_treaty_groups

    assert coalition_treaty_groups(np.zeros((4, 4), bool)).tolist() == [0, 0, 0, 0]
    assert coalition_treaty_groups(np.eye(3, dtype=bool)).tolist() == [0, 0, 0]
    r = np.zeros((4, 4), bool)
    r[1, 3] = r[3, 1] = True
    assert coalition_treaty_groups(r).tolist() == [0, 1, 2, 3]
    assert coalition_treaty_groups(np.zeros((1, 1), bool)).tolist() == [0]
    with pytest.raises(ValueError):
        coalition_treaty_groups(np.zeros((2, 3), bool))


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 1.0])
def test_neutrality_costs_more_than_non_aggression_by_its_strength_at_any_lesser_share(share):
    """Leeds et al. (2002): neutrality, abstention in a war the partner fights, is the larger pledge than non-aggression; its own
    cost is the alternative it forecloses (Snyder 1997), which a cheaper non-aggression pledge does not lower. Whatever the share
    of the base cost the lesser pledges carry, adding neutrality to a non-aggression pact costs the full base cost at the strength
    gap (0.4 - 0.2), so a pact of neutrality and non-aggression is chosen over plain non-aggression only when the abstention is
    worth that much."""
    from foedus.theory.capability import commitment_strength

    na, nn = ob.pact_form("nonaggression"), ob.pact_form("neutrality_nonaggression")
    s_na, s_nn = float(commitment_strength(na)), float(commitment_strength(nn))
    c, tau = 0.08, 0.05
    cost = {
        k: float(ob.commitment_cost(c, s, 0.0, autonomy_weight=0.3, treaty_cost=tau, entrapment=ob.entrapment_share(o, share)))
        for k, o, s in (("na", na, s_na), ("nn", nn, s_nn))
    }
    assert cost["nn"] == pytest.approx(tau + s_nn * c)
    assert cost["nn"] - cost["na"] == pytest.approx((s_nn - s_na * share) * c)
    assert cost["nn"] - cost["na"] >= (s_nn - s_na) * c - 1e-15


def test_the_loss_of_strength_in_defending_a_partner_follows_boulding_and_grows_with_distance():
    """Bueno de Mesquita (1981), Boulding (1962): L[i, j] = 1 - R[j, i] / p[i]; none without distance, more the farther the partner
    and the weaker the patron (the published exponent: a great power keeps more of its strength far away)."""
    from foedus.theory.projection import projected_capability, relative_discount_exponent

    p = np.array([0.2, 0.01, 0.05])
    n = len(p)
    flat = np.repeat(p[None, :], n, axis=0)  # R[j, i] = p_i: no loss of strength
    assert np.allclose(ob.projection_loss(p, flat), 0.0)
    km = np.array([[0.0, 1000.0, 8000.0], [1000.0, 0.0, 8000.0], [8000.0, 8000.0, 0.0]])
    L = ob.projection_loss(p, projected_capability(p, relative_discount_exponent(km)))
    assert ((L >= 0) & (L <= 1)).all() and np.allclose(np.diag(L), 0.0)
    assert L[0, 2] > L[0, 1] > 0  # the great power loses more of its strength at 8000 km than at 1000 km
    assert L[1, 2] > L[0, 2]  # the minor loses more than the great power over the same distance
    R = projected_capability(p, relative_discount_exponent(km))
    assert L[0, 2] == pytest.approx(1 - R[2, 0] / p[0])
    assert np.allclose(ob.projection_loss(np.array([0.0, 0.1]), np.array([[0.0, 0.05], [0.0, 0.1]]))[0], 0.0)  # no capability, no loss
    Lp = ob.projection_loss(p, R, patron=True)  # Morrow (1991): the strong side carries the cost of defending, the weak side none
    assert Lp[0, 2] == L[0, 2] and Lp[2, 0] == 0.0 and Lp[2, 1] == L[2, 1] and Lp[1, 2] == 0.0
