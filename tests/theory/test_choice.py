"""foedus.theory.choice: each state's best option and its motive decomposition (brief F5)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory import choice
from foedus.theory.alignment import alignment_utilities
from foedus.theory.choice import alignment_options, best_options, choose_alignment, choose_option, join_utilities
from foedus.theory.threat import threat_matrix

from ._common import same_bits, systems

pytestmark = pytest.mark.filterwarnings("error")


def test_docstring_examples_run():
    assert doctest.testmod(choice, raise_on_error=False).failed == 0


@given(systems(), st.floats(0.0, 1.0))
@settings(max_examples=80, deadline=None)
def test_decomposition_sums_to_the_chosen_options_total(system, cost):
    """F5: the motive decomposition of every choice adds up to that choice's utility."""
    power, threat, hostility = system
    u = alignment_utilities(power, threat, hostility)
    partner, dec = choose_alignment(u, None, cost)
    total = u.sum(axis=0)
    n = len(power)
    for i in range(n):
        if partner[i] >= 0:
            assert dec[i].sum() == pytest.approx(total[i, partner[i]])
            assert total[i, partner[i]] > cost
            assert total[i, partner[i]] == pytest.approx(np.delete(total[i], i).max())
        else:
            assert np.all(dec[i] == 0)
            assert np.all(np.delete(total[i], i) <= cost)


def test_choose_alignment_masks_and_costs():
    u = np.zeros((4, 3, 3))
    u[1, 0, 1] = 0.5
    u[0, 0, 2] = 0.3
    u[2, 1, 0] = 0.2
    avail = np.ones((3, 3), bool)
    avail[0, 1] = False
    partner, dec = choose_alignment(u, avail, 0.1)
    assert partner.tolist() == [2, 0, -1]
    assert dec.tolist() == [[0.3, 0, 0, 0], [0, 0, 0.2, 0], [0, 0, 0, 0]]
    # pair-specific costs: the net gain, not the gross one, decides
    cost = np.full((3, 3), 0.1)
    cost[0, 1] = 0.45
    partner, _ = choose_alignment(u, None, cost)
    assert partner[0] == 2
    assert choose_alignment(u, None, np.array([0.6, 0.0, 0.0]))[0].tolist() == [-1, 0, -1]
    with pytest.raises(ValueError, match="available: expected a boolean array"):
        choose_alignment(u, np.ones((2, 2), bool), 0.0)
    with pytest.raises(ValueError, match=r"utilities: expected shape \(4, N, K\)"):
        choose_alignment(np.zeros((3, 3, 3)), None, 0.0)
    with pytest.raises(ValueError, match="cost: expected"):
        choose_alignment(u, None, np.zeros(5))


def test_join_utilities_aggregate_over_members():
    rng = np.random.default_rng(7)
    n, a = 6, 3
    u = rng.random((4, n, n))
    u[:, np.arange(n), np.arange(n)] = 0
    power = rng.random(n)
    members = np.zeros((a, n), bool)
    members[0, [1, 2]] = True
    members[1, [0, 3, 4]] = True  # alliance 2 is empty
    s = join_utilities(u, members)
    c = join_utilities(u, members, aggregate="capability", power=power)
    m = join_utilities(u, members, aggregate="mean")
    assert s.shape == c.shape == m.shape == (4, n, a)
    for i in range(n):
        for k in range(a):
            ms = np.flatnonzero(members[k])
            if members[k, i] or ms.size == 0:
                assert np.all(s[:, i, k] == 0) and np.all(c[:, i, k] == 0)
                continue
            assert np.allclose(s[:, i, k], u[:, i, ms].sum(axis=1))
            w = power[ms] / power[ms].sum()
            assert np.allclose(c[:, i, k], (u[:, i, ms] * w).sum(axis=1))
            assert np.allclose(m[:, i, k], u[:, i, ms].mean(axis=1))
    with pytest.raises(ValueError, match="power: required"):
        join_utilities(u, members, aggregate="capability")
    with pytest.raises(ValueError, match="aggregate: must be"):
        join_utilities(u, members, aggregate="max")
    with pytest.raises(ValueError, match=r"membership: expected a boolean array of shape \(A, 6\)"):
        join_utilities(u, members[:, :4])


def test_joining_an_alliance_competes_with_forming_a_pair():
    """State 3 is better off joining the alliance of 1 and 2 than allying with either alone."""
    u = np.zeros((4, 4, 4))
    u[1, 3, 1] = 0.3
    u[1, 3, 2] = 0.25
    u[0, 3, 0] = 0.4
    members = np.array([[False, True, True, False]])
    options = alignment_options(u, members)
    assert options.shape == (4, 4, 5)
    avail = np.ones((4, 5), bool)
    avail[np.arange(4), np.arange(4)] = False
    avail[:, 4] &= ~members[0]
    choice, dec = choose_option(options, avail, 0.1)
    assert choice[3] == 4  # option N + 0: the alliance
    assert dec[3].tolist() == pytest.approx([0.0, 0.55, 0.0, 0.0])
    assert choice[1] == -1 and choice[2] == -1


def test_whole_system_is_vectorised_at_n_200():
    """One call handles 200 states (40,000 directed pairs); F5 holds at scale."""
    rng = np.random.default_rng(3)
    n = 200
    power = rng.dirichlet(np.ones(n))
    h = rng.random((n, n))
    t = threat_matrix(power, rng.random((n, n)) * (1 - np.eye(n)), rng.random(n), h)
    u = alignment_utilities(power, t, h)
    assert u.shape == (4, n, n)
    partner, dec = choose_alignment(u, None, 0.05)
    chosen = partner >= 0
    assert np.allclose(dec[chosen].sum(axis=1), u.sum(axis=0)[chosen, partner[chosen]])


# --- check=False (the simulator's inputs are valid by construction) ---------------------------------


@given(systems(), st.data())
@settings(max_examples=60, deadline=None)
def test_check_false_gives_the_same_bits_on_valid_input(system, data):
    power, threat, hostility = system
    n = len(power)
    u = alignment_utilities(power, threat, hostility)

    # best_options: partners and alliances, every aggregate, a subset of states, every cost form
    n_a = data.draw(st.integers(0, 4))
    membership = data.draw(hnp.arrays(bool, (n_a, n)))
    states = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True))
    shape = (len(states), n + n_a)
    cost = data.draw(st.sampled_from([
        0.05, np.full(len(states), 0.02), data.draw(hnp.arrays(float, shape, elements=st.floats(0.0, 0.5)))
    ]))
    bo = {
        "aggregate": data.draw(st.sampled_from(["sum", "capability", "mean"])),
        "power": power,
        "states": np.array(states),
        "available": data.draw(st.one_of(st.none(), hnp.arrays(bool, shape))),
        "cost": cost,
    }
    for a, b in zip(best_options(u, membership, **bo), best_options(u, membership, **bo, check=False)):
        same_bits(a, b)
    same_bits(best_options(u)[0], best_options(u, check=False)[0])



def test_check_true_still_rejects_bad_input():
    u = alignment_utilities(np.array([0.1, 0.2]), np.zeros((2, 2)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="utilities_pairwise: non-finite"):
        best_options(np.full((4, 2, 2), np.nan), check=True)
    with pytest.raises(ValueError, match=r"states: expected indices of states in \[0, 2\)"):
        best_options(u, states=[5], check=True)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 8), st.integers(0, 6), st.sampled_from(["sum", "capability", "mean"]))
def test_best_options_is_choose_option_over_the_pairs_and_join_utilities(seed, n, n_alliances, aggregate):
    """The compiled pass gives the same choices and the same bits as the composition it replaces."""
    rng = np.random.default_rng(seed)
    u = rng.uniform(-0.1, 0.4, (4, n, n))
    membership = rng.random((n_alliances, n)) < 0.4
    power = rng.dirichlet(np.ones(n))
    states = np.flatnonzero(rng.random(n) < 0.6)
    k = n + n_alliances
    available = rng.random((len(states), k)) < 0.8
    cost = rng.uniform(0.0, 0.3, (len(states), k))
    choice, dec = best_options(u, membership, aggregate=aggregate, power=power, states=states, available=available, cost=cost)
    join = join_utilities(u, membership, aggregate=aggregate, power=power, states=states)
    options = np.concatenate([u[:, states, :], join], axis=2)
    want_choice, want_dec = choose_option(options, available, cost)
    assert np.array_equal(choice, want_choice)
    assert np.array_equal(dec, want_dec)


def test_a_defence_treaty_is_worth_no_tethering_goods_to_a_candidate_and_a_weak_one_keeps_them():
    """Weitsman (1997, 2004): reassurance and abstention (the tethering goods) count toward joining a treaty of weak obligations only."""
    from foedus.theory.choice import accession_goods
    from foedus.schema import OBLIGATIONS
    from foedus.theory.obligations import pact_goods

    ob = np.zeros((3, len(OBLIGATIONS)), bool)
    ob[0, OBLIGATIONS.index("defense")] = ob[0, OBLIGATIONS.index("nonaggression")] = ob[0, OBLIGATIONS.index("consultation")] = True  # a defence pact (the Warsaw Pact)
    ob[1, OBLIGATIONS.index("nonaggression")] = ob[1, OBLIGATIONS.index("consultation")] = True  # a pact of the tethering kind
    ob[2, OBLIGATIONS.index("offense")] = ob[2, OBLIGATIONS.index("neutrality")] = True
    provided = pact_goods(ob)
    join = accession_goods(provided)
    assert provided[0, 1] and not join[0, 1] and not join[0, 2] and join[0, 0] and join[0, 3] == provided[0, 3]
    assert np.array_equal(join[1], provided[1]) and provided[1, 1]
    assert provided[2, 2] and not join[2, 2]
    with pytest.raises(ValueError, match="provided"):
        accession_goods(np.zeros((2, 3), bool))


def test_join_utilities_without_its_checks_gives_the_same_numbers_and_with_them_rejects_bad_input():
    """``check=False`` (a simulated year's own arrays) skips the passes over the inputs, not a number: every aggregate equal to the
    bit; the checked call still rejects a non-finite utility, which the unchecked one lets through."""
    rng = np.random.default_rng(4)
    n = 9
    u = rng.normal(size=(5, n, n))
    members = rng.random((4, n)) < 0.4
    power = rng.uniform(0.0, 1.0, n)
    states = np.array([0, 3, 7])
    for agg in ("sum", "capability", "mean"):
        a = join_utilities(u, members, aggregate=agg, power=power, states=states)
        b = join_utilities(u, members, aggregate=agg, power=power, states=states, check=False)
        assert a.tobytes() == b.tobytes()
    bad = u.copy()
    bad[1, 2, 3] = np.inf
    with pytest.raises(ValueError, match="utilities_pairwise"):
        join_utilities(bad, members)
    assert np.isinf(join_utilities(bad, members, check=False)).any() or not members[:, 3].any()
