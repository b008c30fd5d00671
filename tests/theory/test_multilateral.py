"""foedus.theory.multilateral: the founding of a multilateral treaty against a shared threat, held to analytically known results."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import multilateral as tm


def _alike(k: int, g: float) -> np.ndarray:
    out = np.full((k, k), g)
    np.fill_diagonal(out, 0.0)
    return out


def test_the_pure_public_good_gives_each_member_the_mean_of_its_partners_pledges():
    # Olson & Zeckhauser (1966): at phi = 1 the joint pledge does not grow with the number of members
    rng = np.random.default_rng(0)
    g = rng.random((6, 6))
    members = np.array([True, True, False, True, True, True])
    v = tm.joint_pledge_values(g, members, 1.0)
    for i in np.flatnonzero(members):
        partners = [j for j in np.flatnonzero(members) if j != i]
        assert v[i] == pytest.approx(g[i, partners].mean())
    assert v[2] == 0.0
    # at phi = 0 the pledges add up as the bilateral pledges would
    assert tm.joint_pledge_values(g, members, 0.0)[0] == pytest.approx(g[0, [1, 3, 4, 5]].sum())


def test_three_states_that_share_a_threat_and_each_gain_from_a_joint_pledge_found_one_treaty():
    g = np.array([[0, 0.2, 0.1], [0.3, 0, 0.25], [0.4, 0.3, 0]])
    cost = np.full((3, 4), 0.15)
    members, gain = tm.found_bloc(g, cost, np.zeros((3, 3), bool), free_riding=0.2, coordination=0.01)
    assert members.all()
    r = 1 / 1.2
    assert gain.tolist() == pytest.approx([r * 0.3 - 0.15 - 0.01, r * 0.55 - 0.15, r * 0.7 - 0.15])
    # a state that does not gain stays out, and two alone are no multilateral treaty
    cost[2, 3] = 1.0
    assert not tm.found_bloc(g, cost, np.zeros((3, 3), bool), free_riding=0.2, coordination=0.01)[0].any()


@pytest.mark.parametrize("phi,g,c0,k", [(0.1, 0.5, 0.1, 20), (0.3, 1.0, 0.1, 30), (0.05, 0.2, 0.1, 15), (0.6, 2.0, 0.05, 25)])
def test_with_free_riding_membership_stops_where_the_marginal_members_value_turns_negative(phi, g, c0, k):
    # identical members, cost c0 * (s - 1): net(s) = g (s - 1) / (1 + phi (s - 2)) - c0 (s - 1); the gain of one more
    # member is g (1 - phi) / ((1 + phi (s - 1)) (1 + phi (s - 2))) - c0, falling in s: the treaty has the size that maximises net(s)
    s = np.arange(3, k + 1)
    net = g * (s - 1) / (1 + phi * (s - 2)) - c0 * (s - 1)
    expected = int(s[np.argmax(net)])
    assert 3 < expected < k  # the cases are chosen so that the bound binds inside the group
    marginal = g * (1 - phi) / ((1 + phi * (expected - 1)) * (1 + phi * (expected - 2))) - c0
    assert marginal < 0 < g * (1 - phi) / ((1 + phi * (expected - 2)) * (1 + phi * (expected - 3))) - c0
    cost = c0 * np.maximum(np.arange(k + 1) - 1, 0)[None, :] * np.ones((k, 1))
    members, gain = tm.found_bloc(_alike(k, g), cost, np.zeros((k, k), bool), free_riding=phi, coordination=0.0)
    assert members.sum() == expected
    assert gain[members] == pytest.approx(np.full(expected, net.max()))


def test_without_free_riding_or_rising_costs_every_state_that_shares_the_threat_joins():
    members, _ = tm.found_bloc(_alike(8, 0.2), np.full((8, 9), 0.1), np.zeros((8, 8), bool), free_riding=0.0, coordination=0.0)
    assert members.all()


def test_the_leader_pays_the_coordination_and_a_state_is_not_bound_to_its_main_threat():
    veto = np.zeros((4, 4), bool)
    veto[3, 1] = True  # state 3's main threat is state 1: the stronger state 1 stays, 3 is left out
    members, gain = tm.found_bloc(_alike(4, 0.3), np.full((4, 5), 0.1), veto, free_riding=0.0, coordination=0.05)
    assert members.tolist() == [True, True, True, False]
    assert gain[0] == pytest.approx(gain[1] - 0.05)
    # a leader that loses by the coordination leaves, and the next strongest leads
    members, gain = tm.found_bloc(_alike(5, 0.3), np.full((5, 6), 0.1), np.zeros((5, 5), bool), free_riding=0.0, coordination=0.38)
    assert members.tolist() == [False, True, True, True, True]
    assert gain[1] == pytest.approx(0.9 - 0.1 - 2 * 0.38)


def test_the_adversary_bloc_and_the_states_that_share_its_threat():
    defends = np.zeros((5, 5), bool)
    defends[0, 1] = defends[1, 0] = True  # 1 is 0's ally
    bloc = tm.adversary_bloc(0, defends)
    assert bloc.tolist() == [True, True, False, False, False]
    main = np.array([2, 2, 0, 1, -1])  # 2 fears 0, 3 fears 0's ally 1, 4 fears no one
    assert tm.shared_threat(main, bloc, np.ones(5, bool)).tolist() == [False, False, True, True, False]


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        tm.free_riding_share(3, 1.5)
    with pytest.raises(ValueError):
        tm.found_bloc(np.zeros((3, 3)), np.zeros((3, 3)), np.zeros((3, 3), bool), free_riding=0.1, coordination=0.0)


def test_collective_defence_shares_the_risk_of_defending_each_member_by_capability():
    # a war for j is fought by every member, j included (Olson & Zeckhauser 1966): among s equals each bears
    # sum_j R / s = R (s - 1) / s, and in a pair R / 2, the share of a bilateral pact (consent.pair_burden_shares)
    k, g, risk = 6, 0.3, 0.25
    members, gain = tm.found_bloc(_alike(k, g), np.zeros((k, k + 1)), np.zeros((k, k), bool), free_riding=0.0, coordination=0.0, risk=_alike(k, risk))
    assert members.all()
    assert gain == pytest.approx(np.full(k, g * (k - 1) - risk * (k - 1) / k))
    # unequal capabilities: a small member's share of defending the others is its capability over the treaty's
    power = np.array([8.0, 1.0, 1.0])
    r = _alike(3, 0.3)
    _, gain = tm.found_bloc(_alike(3, 1.0), np.zeros((3, 4)), np.zeros((3, 3), bool), free_riding=0.0, coordination=0.0, risk=r, power=power)
    assert gain[1] == pytest.approx(2.0 - 0.3 * (1 / 10 + 1 / 10))  # defending 0 and 2, with the treaty's capability 10
    assert gain[0] == pytest.approx(2.0 - 0.3 * (8 / 10 + 8 / 10))  # the leader carries most of the defence (Olson & Zeckhauser 1966)


def test_the_autonomy_term_is_owed_to_the_leader_and_the_leaders_to_its_strongest_partner():
    aut = np.zeros((3, 3))
    aut[1, 0], aut[2, 0], aut[0, 1], aut[0, 2] = 0.2, 0.3, -0.1, -0.5
    _, gain = tm.found_bloc(_alike(3, 1.0), np.zeros((3, 4)), np.zeros((3, 3), bool), free_riding=0.0, coordination=0.0, autonomy=aut)
    assert gain.tolist() == pytest.approx([2.1, 1.8, 1.7])


def test_a_great_power_may_lead_a_distant_region_but_its_clients_are_neighbours():
    # Hemmer & Katzenstein (2002), Cha (2010): NATO's clients were one region's states, led from across the Atlantic
    d = np.array([[0, 6000, 6500, 9000], [6000, 0, 900, 8000], [6500, 900, 0, 8500], [9000, 8000, 8500, 0]], float)
    veto = tm.regional_veto(d, 2500.0, np.array([True, False, False, False]))
    assert not veto[0].any() and not veto[:, 0].any()  # the great power leads from afar
    assert not veto[1, 2] and veto[1, 3] and veto[2, 3]  # two neighbours share a treaty; a client of another region does not
    members, _ = tm.found_bloc(_alike(4, 0.3), np.full((4, 5), 0.1), veto, free_riding=0.0, coordination=0.0)
    assert members.tolist() == [True, True, True, False]


def test_states_without_a_collective_identity_do_not_found_one_treaty_and_an_unknown_identity_is_not_a_shared_one():
    ideal = np.array([1.6, 2.3, -3.0, np.nan])  # say, the United States, Britain, the Soviet Union, a state outside the UN
    d = np.abs(ideal[:, None] - ideal[None, :]) / 5.3
    veto = tm.identity_veto(d, 0.4)
    assert veto[0, 2] and veto[1, 2] and not veto[0, 1]
    # the state outside the UN (the German Democratic Republic in 1956) shares no observable identity with anyone
    assert veto[3, :3].all() and veto[:3, 3].all() and not np.diagonal(veto).any()
    members, _ = tm.found_bloc(_alike(4, 0.3), np.full((4, 5), 0.1), veto[np.ix_([0, 1, 3, 2], [0, 1, 3, 2])], free_riding=0.0, coordination=0.0)
    assert members.tolist() == [False, False, False, False]  # the two alike states are a pair, not a bloc
    with pytest.raises(ValueError):
        tm.identity_veto(d, -1.0)


def _balance(leader, threat):
    """The leader's share of the leader-threat balance of capability."""
    return leader / (leader + threat)


@pytest.mark.parametrize("pl,pt,pj", [(0.4, 0.2, 0.1), (0.3, 0.17, 0.04), (0.1, 0.3, 0.02), (0.25, 0.25, 0.25)])
def test_forward_defence_is_the_swing_of_the_balance_a_client_causes_snyder_1997(pl, pt, pj):
    # Snyder (1997, ch. 2): an ally's value is its strength added (j with the leader) and its denial to the adversary (j not with
    # the threat); measured on the leader's share of the balance, computed here from the shares themselves
    added = _balance(pl + pj, pt) - _balance(pl, pt)
    denied = _balance(pl, pt) - _balance(pl, pt + pj)
    assert tm.forward_defence_value(pl, pt, pj, 0.0, 1.0) == pytest.approx(added)  # not exposed: strength added only
    assert tm.forward_defence_value(pl, pt, pj, 1.0, 1.0) == pytest.approx(added + denied)  # fully exposed: the whole swing
    assert added + denied == pytest.approx(pj / (pl + pt + pj))
    assert tm.forward_defence_value(pl, pt, pj, 0.5, 0.6, weight=3.0) == pytest.approx(3.0 * 0.6 * (added + 0.5 * denied))
    assert tm.forward_defence_value(pl, pt, pj, 1.0, 0.0) == 0.0  # beyond the leader's reach (Boulding 1962)


def test_forward_defence_rises_with_exposure_and_capability_and_falls_with_distance():
    e = np.linspace(0, 1, 11)
    v = tm.forward_defence_value(0.3, 0.2, 0.05, e, 0.8)
    assert np.all(np.diff(v) > 0)
    p = np.linspace(0.0, 0.2, 11)
    assert np.all(np.diff(tm.forward_defence_value(0.3, 0.2, p, 0.5, 0.8)) > 0)
    assert np.all(np.diff(tm.forward_defence_value(0.3, 0.2, 0.05, 0.5, np.linspace(1, 0, 11))) < 0)
    assert tm.exposure([0.3, 0.0], [0.1, 0.2]).tolist() == pytest.approx([0.75, 0.0])
    with pytest.raises(ValueError):
        tm.forward_defence_value(0.3, 0.2, 0.05, 1.5, 0.5)


def test_hegemonic_provision_the_leader_carries_clients_that_would_not_sign_alone_lake_1999():
    # the leader values each client's pledge by F; the clients, with no threat of their own, value nothing and pay c
    k, c, f = 4, 0.1, 0.2
    g = np.zeros((k, k))
    cost = np.full((k, k + 1), c)
    fwd = np.zeros((k, k))
    fwd[0, 1:] = f
    none = np.zeros((k, k), bool)
    members, gain = tm.found_bloc(g, cost, none, free_riding=0.0, coordination=0.01, forward=fwd, provide=True)
    assert members.all()
    assert gain[1:].tolist() == [0.0, 0.0, 0.0]  # the clients lose nothing
    assert gain[0] == pytest.approx(3 * f - c - 0.01 * 2 - 3 * c)  # the leader pays their shortfalls and still gains
    assert tm.bloc_shortfalls(g, cost, members, free_riding=0.0, coordination=0.01, forward=fwd).tolist() == pytest.approx([0, c, c, c])
    # without provision they do not sign; without the leader's value of their pledges it does not pay
    assert not tm.found_bloc(g, cost, none, free_riding=0.0, coordination=0.01, forward=fwd)[0].any()
    assert not tm.found_bloc(g, cost, none, free_riding=0.0, coordination=0.01, provide=True)[0].any()


def test_a_leader_that_cannot_carry_every_client_drops_the_costliest_first_and_a_client_worth_less_than_its_shortfall():
    k, c = 5, 0.1
    g = np.zeros((k, k))
    cost = np.full((k, k + 1), c)
    fwd = np.zeros((k, k))
    fwd[0, 1:] = [0.2, 0.15, 0.12, 0.0]  # all five: 0.47 - 0.1 - 4 c < 0; the leader drops the client worth nothing, not itself
    members, gain = tm.found_bloc(g, cost, np.zeros((k, k), bool), free_riding=0.0, coordination=0.0, forward=fwd, provide=True)
    assert members.tolist() == [True, True, True, True, False]
    assert gain[0] == pytest.approx(0.47 - c - 3 * c)
    # Riker (1962): with every member gaining, a client worth less to the leader than its shortfall is still left out
    fwd[0, 1:] = [0.3, 0.25, 0.2, 0.05]
    members, gain = tm.found_bloc(g, cost, np.zeros((k, k), bool), free_riding=0.0, coordination=0.0, forward=fwd, provide=True)
    assert members.tolist() == [True, True, True, True, False]
    assert gain[0] == pytest.approx(0.75 - c - 3 * c)


def test_a_great_power_or_another_great_powers_ally_is_no_client_snyder_1997_lake_2009():
    # the setting of the hegemonic-provision test: three clients that value nothing and pay c, each worth f to the leader
    k, c, f = 4, 0.1, 0.2
    g = np.zeros((k, k))
    cost = np.full((k, k + 1), c)
    fwd = np.zeros((k, k))
    fwd[0, 1:] = f
    none = np.zeros((k, k), bool)
    # member 1 is a great power, member 2 the ally of another great power: neither is carried, neither gains alone, neither signs
    clients = tm.client_eligible(np.array([True, True, False, False]), True, np.array([False, False, True, False]))
    assert clients.tolist() == [False, False, False, True]
    members, gain = tm.found_bloc(g, cost, none, free_riding=0.0, coordination=0.01, forward=fwd, provide=True, clients=clients)
    assert not members.any()  # the one client left makes a pair: the bilateral path (MIN_MEMBERS = 3)
    # with two carried clients the leader founds with them alone; the great power, at gain 0 without a transfer, stays out
    clients = np.array([False, False, True, True])
    members, gain = tm.found_bloc(g, cost, none, free_riding=0.0, coordination=0.01, forward=fwd, provide=True, clients=clients)
    assert members.tolist() == [True, False, True, True]
    assert gain[2:].tolist() == [0.0, 0.0]
    assert gain[0] == pytest.approx(2 * f - c - 0.01 - 2 * c)
    assert tm.bloc_shortfalls(g, cost, members, free_riding=0.0, coordination=0.01, forward=fwd, clients=clients).tolist() == pytest.approx([0, 0, c, c])
    # a great power that gains on its own still signs (an ally, not a client)
    g2 = g.copy()
    g2[1, 0] = 3 * c
    members, gain = tm.found_bloc(g2, cost, none, free_riding=0.0, coordination=0.01, forward=fwd, provide=True, clients=clients)
    assert members.tolist() == [True, True, True, True] and gain[1] > 0
    # no client for a leader that is not a great power
    assert not tm.client_eligible(np.zeros(4, bool), False, np.zeros(4, bool)).any()


def test_only_a_member_excludes_a_candidate():
    # Hart & Kurz (1983): the members of a coalition refuse an entrant; a state that stays out has no say. Candidate 1 (Britain,
    # say) vetoes 2 (Canada, too far from it), then does not sign: it kept 2 out without signing
    veto = np.zeros((4, 4), bool)
    veto[1, 2] = True
    kept = np.array([True, True, False, True])
    assert tm.declined_exclusions(veto, kept, np.array([True, False, False, True])).tolist() == [False, True, False, False]
    assert not tm.declined_exclusions(veto, kept, np.array([True, True, False, True])).any()  # it signed: its veto stands
    assert tm.declined_exclusions(veto.T, kept, np.array([True, False, False, True])).tolist() == [False, True, False, False]  # vetoed by 2
    v = np.zeros((4, 4), bool)
    assert not tm.declined_exclusions(v, np.ones(4, bool), np.array([True, False, True, True])).any()  # declined, excluded no one
    with pytest.raises(ValueError):
        tm.declined_exclusions(v, np.ones(3, bool), np.ones(4, bool))
