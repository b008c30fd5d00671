"""foedus.theory.consent: a pair forms only with both sides' consent (brief F1-F4)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory import consent
from foedus.theory.alignment import alignment_utilities
from foedus.theory.choice import choose_alignment
from foedus.theory.consent import consenting_pairs, mutual_consent

from ._common import same_bits, systems

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(consent, raise_on_error=False).failed == 0


@given(systems(), st.floats(0.0, 0.5), st.booleans())
@settings(max_examples=60, deadline=None)
def test_mutual_consent_needs_a_proposal_and_two_gains(system, cost, reciprocal):
    power, threat, hostility = system
    u = alignment_utilities(power, threat, hostility)
    partner, _ = choose_alignment(u, None, cost)
    pairs = mutual_consent(partner, u, cost, reciprocal=reciprocal)
    total = u.sum(axis=0)
    assert np.array_equal(pairs, pairs.T)
    assert not np.diagonal(pairs).any()
    for i, j in zip(*np.nonzero(pairs)):
        assert total[i, j] > cost and total[j, i] > cost
        if reciprocal:
            assert partner[i] == j and partner[j] == i
        else:
            assert partner[i] == j or partner[j] == i


def test_mutual_consent_rejects_bad_partners():
    u = np.zeros((4, 3, 3))
    with pytest.raises(ValueError, match="partner: entries must be -1 or a state index"):
        mutual_consent(np.array([3, -1, 0]), u)
    with pytest.raises(ValueError, match="partner: expected an integer array"):
        mutual_consent(np.array([0.0, 1.0, 2.0]), u)


# --- check=False (the simulator's inputs are valid by construction) ---------------------------------


@given(systems(), st.data())
@settings(max_examples=60, deadline=None)
def test_check_false_gives_the_same_bits_on_valid_input(system, data):
    power, threat, hostility = system
    n = len(power)
    u = alignment_utilities(power, threat, hostility)

    # mutual_consent: (4, N, N) or summed (N, N) utilities, scalar / (N,) / (N, N) costs
    partner = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-1, n - 1)))
    c = data.draw(st.sampled_from([0.0, np.full(n, 0.01), data.draw(hnp.arrays(float, (n, n), elements=st.floats(0.0, 0.2)))]))
    reciprocal = data.draw(st.booleans())
    for util in (u, u.sum(axis=0)):
        same_bits(mutual_consent(partner, util, c, reciprocal=reciprocal), mutual_consent(partner, util, c, reciprocal=reciprocal, check=False))


def test_check_true_still_rejects_bad_input():
    u = alignment_utilities(np.array([0.1, 0.2]), np.zeros((2, 2)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"partner: entries must be -1 or a state index"):
        mutual_consent(np.array([3, -1]), u, check=True)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 9))
def test_consenting_pairs_are_the_pairs_of_mutual_consent(seed, n):
    """The pair list is mutual_consent's matrix: each pair once, at its first proposer."""
    rng = np.random.default_rng(seed)
    total = rng.uniform(-0.2, 1.0, (n, n))
    cost = rng.uniform(0.0, 0.5, (n, n))
    partner = rng.integers(-1, n, n)
    partner[partner == np.arange(n)] = -1
    i, j = consenting_pairs(partner, total, cost)
    m = mutual_consent(partner, total, cost)
    proposer = np.flatnonzero(partner >= 0)
    ok = proposer[m[proposer, partner[proposer]]]
    seen, want = set(), []
    for a in ok:
        key = frozenset((int(a), int(partner[a])))
        if key not in seen:
            seen.add(key)
            want.append((int(a), int(partner[a])))
    assert list(zip(i.tolist(), j.tolist())) == want
    assert (np.diff(i) > 0).all()


def _founding_reference(gain, approve):
    """Hart & Kurz's exclusive membership asked in order of gain, written out plainly."""
    members = []
    for c in sorted(range(len(gain)), key=lambda c: -gain[c]):
        if gain[c] <= 0:
            break
        if approve[0][c] and approve[1][c] and all(approve[2 + d][c] for d in members):
            members.append(c)
    return [c in members for c in range(len(gain))]


@pytest.mark.parametrize("seed", range(20))
def test_founding_members_is_unanimous_consent_in_order_of_gain(seed):
    from foedus.theory.consent import founding_members

    rng = np.random.default_rng(seed)
    k = int(rng.integers(0, 9))
    gain = rng.normal(0.05, 0.1, k)
    approve = rng.random((k + 2, k)) < 0.7
    got = founding_members(gain, approve)
    assert got.tolist() == _founding_reference(gain.tolist(), approve.tolist())
    # exclusive membership: every member gains and every pair of members accepts each other in the order they signed
    idx = np.flatnonzero(got)
    assert (gain[idx] > 0).all() and approve[:2][:, idx].all()


def test_a_candidate_no_founder_accepts_never_signs_however_much_it_gains():
    from foedus.theory.consent import founding_members

    approve = np.ones((4, 2), bool)
    approve[1, 0] = False
    assert founding_members([5.0, 0.1], approve).tolist() == [False, True]
    with pytest.raises(ValueError, match="founding_members"):
        founding_members([0.1, 0.2], np.ones((3, 2), bool))


def test_members_consent_is_unanimity_by_default_so_one_refusal_blocks():
    """Morrow (1991) / the treaties ATOP codes as open (NATO art. 10: 'by unanimous agreement'): one member that loses refuses."""
    from foedus.theory.consent import members_consent

    shares = np.array([0.0, 0.5, 5 / 6, 1.0])
    assert members_consent(shares).tolist() == [False, False, False, True]
    assert members_consent(shares, 0.5).tolist() == [False, True, True, True]  # a treaty's own majority rule
    assert members_consent(shares, 0.0).all()  # open to whoever applies
    assert members_consent(2 / 3, 2 / 3)  # a quota met exactly passes


@pytest.mark.parametrize("bad", [(1.2, 1.0), (0.5, -0.1), (float("nan"), 1.0)])
def test_members_consent_refuses_shares_or_quotas_outside_zero_one(bad):
    from foedus.theory.consent import members_consent

    with pytest.raises(ValueError, match="expected values in"):
        members_consent(*bad)


def test_an_alliance_of_its_leader_alone_prices_an_accession_as_a_new_pact():
    """accession_cost with the whole burden on the leader (share 1) is obligations.commitment_cost, term for term."""
    from foedus.theory import consent, obligations

    rng = np.random.default_rng(11)
    n = 5
    for _ in range(20):
        base, b, da = rng.random(n) * 0.2, rng.random((1, n)), rng.random((1, n)) - 0.5
        lead = int(rng.integers(n))
        s = float(rng.choice([1.0, 0.75, 0.3]))
        shares = np.zeros((1, n))
        shares[0, lead] = 1.0
        got = consent.accession_cost(shares, base, np.array([s]), b, da, np.array([lead]), protection=np.array([1.0]),
                                     autonomy_weight=0.3, burden_weight=0.4, treaty_cost=0.05)[0, lead]
        want = obligations.commitment_cost(base[lead], s, da[0, lead], autonomy_weight=0.3, burden=b[0, lead], burden_weight=0.4, treaty_cost=0.05)
        assert got == pytest.approx(float(want))


def test_a_member_pays_its_share_of_an_accession_and_only_the_leader_trades_autonomy():
    """Olson & Zeckhauser 1966: the burden in proportion to power; Morrow 1991: the newcomer's concessions go to the leader."""
    from foedus.theory import consent

    m = np.array([[True, True, True, False]])
    sh = consent.burden_shares(m, np.array([6.0, 3.0, 1.0, 50.0]))
    assert sh.tolist() == [[0.6, 0.3, 0.1, 0.0]] and sh.sum() == pytest.approx(1.0)
    kw = dict(protection=np.array([1.0]), autonomy_weight=0.3, burden_weight=0.4, treaty_cost=0.05)
    base, b = np.full(4, 0.1), np.full((1, 4), 0.2)
    lose = consent.accession_cost(sh, base, np.array([1.0]), b, np.full((1, 4), -0.6), np.array([0]), **kw)
    keep = consent.accession_cost(sh, base, np.array([1.0]), b, np.zeros((1, 4)), np.array([0]), **kw)
    assert lose[0, 1:].tolist() == keep[0, 1:].tolist()  # a small member neither gains nor loses autonomy by the accession
    assert lose[0, 0] > keep[0, 0]  # the leader does
    assert keep[0, 2] == pytest.approx(keep[0, 1] / 3) and keep[0, 3] == 0.0  # a third of the share, a third of the cost; none outside
    none = consent.accession_cost(sh, base, np.array([0.3]), b, np.full((1, 4), 0.5), np.array([0]), **dict(kw, protection=np.array([0.0])))
    assert none[0, 0] == pytest.approx(0.6 * (0.05 + 0.3 * 0.1))  # no protection: no burden of defence and no concessions
    with pytest.raises(ValueError, match="burden_shares: power"):
        consent.burden_shares(m, np.array([1.0, -1.0, 0.0, 0.0]))


def test_milieu_is_wolfers_product_of_both_regimes_and_proximity_and_zero_outside():
    """Wolfers 1962 / Kydd 2001: a democratic neighbour's entry is worth mu * r_c * r_m * phi_mc to member m; an
    autocratic candidate secures no democratic milieu; a non-member gains nothing; weight 0 switches it off."""
    r = np.array([1.0, 0.6, 0.0, 0.9])
    phi = np.array([[1, 0.5, 0.9, 0.2], [0.5, 1, 0.3, 0.4], [0.9, 0.3, 1, 0.7], [0.2, 0.4, 0.7, 1]])
    mem = np.array([[True, True, False, False], [True, True, False, False]])
    m = consent.milieu_value(r, phi, mem, np.array([3, 2]), weight=0.1)
    assert m[0].tolist() == pytest.approx([0.1 * 0.9 * 1.0 * 0.2, 0.1 * 0.9 * 0.6 * 0.4, 0.0, 0.0])
    assert m[1].tolist() == [0.0, 0.0, 0.0, 0.0]  # candidate 2 is an autocracy (r = 0)
    assert (consent.milieu_value(r, phi, mem, np.array([3, 2]), weight=0.0) == 0).all()
    with pytest.raises(ValueError):
        consent.milieu_value(r, phi, mem, np.array([3, 2]), weight=-1.0)


def test_the_leader_buys_the_losers_consent_only_when_its_gain_covers_their_losses():
    """Snyder 1997, Lake 2009: the leader pays each losing member its loss when n_leader > sum of losses (strictly);
    a member vetoing on main-threat grounds (not eligible) is not bought and its loss is not counted."""
    net = np.array([[0.03, -0.01, -0.02, 0.0], [0.03, -0.01, -0.02, -0.0], [0.03, -0.01, -0.02, 0.0]])
    votes = net > 0
    elig = np.array([[True, True, True, False], [True, True, True, True], [True, True, False, True]])
    out = consent.leader_side_payments(net, votes, elig, np.array([0, 0, 0]))
    assert out[0].tolist() == [True, False, False, False]  # 0.03 - 0.03 = 0: not strictly covered
    assert out[1].tolist() == [True, False, False, False]  # a member at exactly 0 also loses (0 > 0 false); not covered
    assert out[2].tolist() == [True, True, False, True]  # member 2 cannot be bought; 0.03 - 0.01 - 0 > 0 covers 1 and 3
    # a leader that loses pays nobody; a leader that is not eligible pays nobody
    assert not consent.leader_side_payments(-net, -net > 0, elig, np.array([0, 0, 0]))[:, 0].any()
    e2 = elig.copy()
    e2[:, 0] = False
    assert (consent.leader_side_payments(net, votes, e2, np.array([0, 0, 0])) == votes).all()


def test_a_dominant_leader_alone_pays_side_payments():
    """Lake 2009: side payments where the leader carries at least `dominance` of the alliance's power."""
    net = np.array([[0.05, -0.01, -0.02], [0.05, -0.01, -0.02]])
    out = consent.leader_side_payments(net, net > 0, np.ones((2, 3), bool), np.array([0, 0]), np.array([0.49, 0.5]), dominance=0.5)
    assert out.tolist() == [[True, False, False], [True, True, True]]


def test_a_newcomer_carries_its_burden_share_of_the_k_members_defence():
    """Olson & Zeckhauser 1966 on Snyder 1984's k**e: sigma -> 0 prices a bilateral pledge, sigma -> 1 the full
    c * k**e (the rule before), and the cost rises with the newcomer's share; a pair (k = 1) costs c whatever sigma."""
    c, k, e = 0.1, 16.0, 0.75
    small = consent.candidate_base_cost(np.array([c]), np.array([k]), np.array([1e-9]), np.array([1.0]), exponent=e)[0]
    great = consent.candidate_base_cost(np.array([c]), np.array([k]), np.array([1.0]), np.array([1e-9]), exponent=e)[0]
    assert small == pytest.approx(c, rel=1e-6) and great == pytest.approx(c * k**e, rel=1e-6)
    p = np.linspace(0.0, 1.0, 11)
    mid = consent.candidate_base_cost(np.full(11, c), np.full(11, k), p, 1.0 - p, exponent=e)
    assert (np.diff(mid) > 0).all()
    assert consent.candidate_base_cost(np.full(11, c), np.ones(11), p, 1.0 - p, exponent=e) == pytest.approx(np.full(11, c))
    assert consent.newcomer_share(np.array([0.0]), np.array([0.0]), np.array([3])).tolist() == [0.25]
    with pytest.raises(ValueError):
        consent.candidate_base_cost(np.array([c]), np.array([0.0]), np.array([1.0]), np.array([1.0]), exponent=e)


def test_a_member_vetoes_a_rival_whose_pledge_is_cheap_talk():
    """Kydd (2005): below the minimum trust threshold the candidate's pledge is worth nothing, so a member whose sworn
    enemy (hostility 0.6, trust 0.4 < 1/2) applies to its treaty refuses it; a mildly hostile one (0.2) is not refused."""
    from foedus.theory.consent import rival_veto
    from foedus.theory.reassurance import pledge_credibility

    hostility = np.array([[0.0, 0.6, 0.2], [0.6, 0.0, 0.0], [0.2, 0.0, 0.0]])
    cred = pledge_credibility(hostility, threshold=0.5)
    veto = rival_veto(cred[:, [1, 2]].T)  # candidates 1 (member 0's rival) and 2 (mildly hostile)
    assert veto[0, 0] and not veto[1, 0]
    assert not rival_veto(pledge_credibility(hostility, threshold=0.0)[:, [1, 2]].T)[:, 0].any()  # the linear discount: no veto
    with pytest.raises(ValueError):
        rival_veto(np.ones(3))


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(float, st.integers(2, 8), elements=st.floats(0.0, 1.0)))
def test_pair_burden_shares_are_the_olson_zeckhauser_shares_of_an_alliance_of_two(power):
    """Olson & Zeckhauser (1966): each of two allies carries the common burden in proportion to its size; a bilateral
    pact is an alliance of two, so the shares are those of burden_shares for the pair and of a candidate joining an
    alliance of one (newcomer_share), and they add up to one (one cost rule for pairing and joining)."""
    sigma = consent.pair_burden_shares(power)
    n = len(power)
    assert sigma + sigma.T == pytest.approx(np.ones((n, n)))
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            members = np.zeros((1, n), bool)
            members[0, [i, j]] = True
            assert sigma[i, j] == pytest.approx(consent.burden_shares(members, power)[0, i])
            assert sigma[i, j] == pytest.approx(consent.newcomer_share(np.array([power[i]]), np.array([power[j]]), np.array([1]))[0])


def test_pair_burden_shares_put_the_risk_on_the_strong_side_as_in_morrows_asymmetric_alliance():
    """Morrow (1991): in an asymmetric alliance the strong side provides the security; the weak side's share of the
    risk falls to 0 as the capability ratio grows (a client of a power 100 times its size carries 1/101)."""
    sigma = consent.pair_burden_shares(np.array([1.0, 0.01, 0.5]))
    assert sigma[1, 0] == pytest.approx(1 / 101) and sigma[0, 1] == pytest.approx(100 / 101)
    assert sigma[0, 2] == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        consent.pair_burden_shares(np.array([0.1, -0.1]))
    with pytest.raises(ValueError):
        consent.pair_burden_shares(np.ones((2, 2)))


def test_community_entrapment_adds_votes_only_in_a_community_and_never_over_a_security_veto():
    """Schimmelfennig 2001, 2003: a community's members cannot refuse a democratic candidate of its region for their own
    cost (Canada's 0.001 against 0.003 for Hungary), but keep a security objection (the candidate's defence costs them more
    than it is worth), the main-threat and rival grounds (not eligible), and no treaty that is no community is touched."""
    value = np.array([[0.001, 0.020, 0.001, 0.001]] * 3)
    cost = np.array([[0.003, 0.010, 0.040, 0.003]] * 3)
    security = np.array([[0.000, 0.005, 0.030, 0.000]] * 3)
    votes = value > cost
    eligible = np.array([[True, True, True, False]] * 3)
    community = np.array([True, False, True])
    qualified = np.array([True, True, False])
    out = consent.community_entrapment(votes, eligible, value, security, community, qualified)
    assert out[0].tolist() == [True, True, False, False]  # the small loser entrapped; the security veto and the ineligible kept
    assert out[1].tolist() == votes[1].tolist() and out[2].tolist() == votes[2].tolist()  # no community, or a candidate outside it
    assert (out >= votes).all()  # only adds votes
    # with unanimity, the community admits the candidate the small member alone refused, not the one whose defence costs
    share = out[0, :2].mean(), out[0, :3].mean()
    assert consent.members_consent(np.array(share)).tolist() == [True, False]
    with pytest.raises(ValueError, match="community_entrapment"):
        consent.community_entrapment(votes, eligible, value, security, community[:2], qualified)
