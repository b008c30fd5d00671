"""The pacts a state pursues in a year (foedus.theory.portfolio): every partner an opportunity (Lai & Reiter 2000, Gibler &
Wolford 2006), the portfolio under a limit (Morrow 1991, Conybeare 1992, Kimball 2010)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from foedus.theory.portfolio import portfolio_picks


def _best_total(net, limit):
    """Brute force: the largest total net value of at most ``limit`` partners' options of positive net value."""
    best = 0.0
    for k in range(1, limit + 1):
        for pick in itertools.combinations(range(len(net)), k):
            if all(net[j] > 0 for j in pick):
                best = max(best, sum(net[j] for j in pick))
    return best


@pytest.mark.parametrize("seed", range(20))
def test_the_picks_are_the_set_of_largest_total_net_value_under_the_limit(seed):
    """With separable values and a cardinality limit the largest positive net values are the optimum (brute force over every
    subset), in descending order; with a limit of 1, the one best option (argmax)."""
    rng = np.random.default_rng(seed)
    r, n = 25, 7
    net = rng.normal(0.0, 1.0, (r, n))
    net[rng.random((r, n)) < 0.2] = -np.inf
    for limit in (1, 2, 3, 7):
        rows, cols = portfolio_picks(net, limit=limit)
        for k in range(r):
            mine = net[k, cols[rows == k]]
            assert len(mine) <= limit and (mine > 0).all() and (np.diff(mine) <= 0).all()
            assert mine.sum() == pytest.approx(_best_total(net[k], limit))
    rows, cols = portfolio_picks(net, limit=1)
    has = (net > 0).any(axis=1)
    assert np.array_equal(rows, np.flatnonzero(has)) and np.array_equal(cols, net.argmax(axis=1)[has])


def test_excluded_partners_are_not_picked_and_bad_input_is_refused():
    net = np.array([[0.5, 0.4, 0.3]])
    rows, cols = portfolio_picks(net, limit=3, exclude=np.array([[True, False, False]]))
    assert cols.tolist() == [1, 2]
    assert len(portfolio_picks(net, limit=0)[0]) == 0
    assert len(portfolio_picks(np.array([[np.nan, -1.0]]), limit=2)[0]) == 0
    with pytest.raises(ValueError, match="limit"):
        portfolio_picks(net, limit=-1)
    with pytest.raises(ValueError, match="shape"):
        portfolio_picks(net[0], limit=1)
