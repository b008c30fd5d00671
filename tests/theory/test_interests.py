"""foedus.theory.interests.adversary_relevance and exchange.concession_interest's ``relevant`` (Morrow 1991; Lemke 2002)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import exchange
from foedus.theory.interests import adversary_relevance


def _system():
    """A great power (0) whose adversary is 1; 2 borders 1, 3 lies in 1's reach (0.6), 4 across the world (0.2)."""
    c = np.zeros((5, 5), bool)
    c[1, 2] = c[2, 1] = True
    a = np.zeros((5, 5), bool)
    a[0, 1] = True
    rho = np.eye(5)
    rho[1, 3], rho[1, 4] = 0.6, 0.2
    return c, a, rho


def test_a_partner_matters_on_the_adversarys_border_or_in_its_reach_only():
    """The rule's truth table: the adversary's neighbour (2) and a state in its reach (3) matter, a distant one (4) does not; a state
    without adversaries (2, 3, 4) has none; without reach shares only the neighbour; threshold 1 keeps the neighbour and the
    states the adversary reaches with all its capability (itself)."""
    c, a, rho = _system()
    v = adversary_relevance(c, a, rho, threshold=0.5)
    assert v[0].tolist() == [0.0, 1.0, 1.0, 1.0, 0.0]
    assert (v[2:] == 0.0).all()
    assert adversary_relevance(c, a)[0].tolist() == [0.0, 0.0, 1.0, 0.0, 0.0]
    assert adversary_relevance(c, a, rho, threshold=0.1)[0, 4] == 1.0
    assert adversary_relevance(c, a, rho, threshold=1.0)[0].tolist() == [0.0, 1.0, 1.0, 0.0, 0.0]


def test_a_great_power_gains_nothing_from_a_distant_clients_concessions():
    """concession_interest with ``relevant`` (Morrow 1991): the great power (0) counts the concessions of the partners that matter
    to its contest (2, 3) and not of the distant one (4); fed to valued_autonomy_change as the reach share, its autonomy change
    from the distant client is its own pledge alone (Delta a - x, the analytically known value of a concession worth nothing)
    and from the adversary's neighbour the bare exchange. Without ``relevant`` a great power has interests everywhere."""
    c, a, rho = _system()
    major = np.array([True, True, False, False, False])
    v = adversary_relevance(c, a, rho, threshold=0.5)
    interest = exchange.concession_interest(c, major, relevant=v)
    assert interest[0].tolist() == [1.0, 1.0, 1.0, 1.0, 0.0]  # the adversary itself lies in its own reach
    assert (exchange.concession_interest(c, major)[0] == 1.0).all()
    assert interest[1].tolist() == [0.0, 1.0, 1.0, 0.0, 0.0]  # the adversary (no adversaries of its own): its neighbour only
    assert exchange.concession_interest(c, major, relevant=v, weight=0.5)[0, 4] == 0.5
    ex = exchange.morrow_exchange(np.array([0.1, 0.1]), np.array([0.001, 0.001]))
    got = exchange.valued_autonomy_change(ex.autonomy_change_i, ex.concession, 0.1, 0.001, half_worth=0.0, reach_share=interest[0, [2, 4]])
    assert (ex.concession > 0).all()
    assert got[0] == ex.autonomy_change_i[0] and np.isclose(got[1], ex.autonomy_change_i[1] - ex.concession[1])


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 7), st.integers(0, 2**31 - 1), st.floats(0.0, 1.0))
def test_relevance_grows_with_adversaries_and_falls_with_the_threshold(n, seed, r0):
    """Monotone: adding an adversary never removes a relevant partner, raising the threshold never adds one; values in {0, 1}."""
    rng = np.random.default_rng(seed)
    c = rng.random((n, n)) < 0.3
    c = c | c.T
    np.fill_diagonal(c, False)
    a = rng.random((n, n)) < 0.3
    rho = rng.random((n, n))
    v = adversary_relevance(c, a, rho, threshold=r0)
    assert set(np.unique(v).tolist()) <= {0.0, 1.0}
    more = a.copy()
    more[rng.integers(n), rng.integers(n)] = True
    assert (adversary_relevance(c, more, rho, threshold=r0) >= v).all()
    assert (adversary_relevance(c, a, rho, threshold=min(1.0, r0 + 0.2)) <= v).all()


def test_adversary_relevance_rejects_bad_input():
    c, a, rho = _system()
    with pytest.raises(ValueError, match="adversary_relevance: threshold"):
        adversary_relevance(c, a, rho, threshold=1.5)
    with pytest.raises(ValueError, match="adversary_relevance: reach_share"):
        adversary_relevance(c, a, rho * 2.0)
    with pytest.raises(ValueError, match="adversary_relevance"):
        adversary_relevance(c, a[:3, :3])
    with pytest.raises(ValueError, match="concession_interest: relevant"):
        exchange.concession_interest(c, np.zeros(5, bool), relevant=np.ones((3, 3)))
