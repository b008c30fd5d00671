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
