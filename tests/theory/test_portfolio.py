"""The portfolio of new pacts (foedus.theory.portfolio): Morrow 1991, Conybeare 1992, Kimball 2010; Leeds et al. 2002."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from foedus.theory.portfolio import portfolio_picks


def _best_total(net, partner, limit):
    """Brute force: the largest total net value of at most ``limit`` options with positive net value, one per partner."""
    f_count = len(net)
    best = 0.0
    for k in range(1, limit + 1):
        for pick in itertools.combinations(range(f_count), k):
            if all(net[f] > 0 for f in pick) and len({partner[f] for f in pick}) == k:
                best = max(best, sum(net[f] for f in pick))
    return best


@pytest.mark.parametrize("seed", range(20))
def test_the_picks_are_the_portfolio_of_largest_total_net_value(seed):
    """With separable values and a cardinality limit the largest positive net values, one per partner, are the optimum
    (brute force over every subset); with a limit of 1, the one best option (argmax)."""
    rng = np.random.default_rng(seed)
    r, f_count = 30, 6
    net = rng.normal(0.0, 1.0, (r, f_count))
    net[rng.random((r, f_count)) < 0.2] = -np.inf
    partner = rng.integers(0, 4, (r, f_count))
    for limit in (1, 2, 3, 6):
        rows, forms = portfolio_picks(net, partner, limit=limit)
        for k in range(r):
            mine = forms[rows == k]
            assert len(mine) <= limit and len(set(partner[k, mine])) == len(mine) and (net[k, mine] > 0).all()
            assert net[k, mine].sum() == pytest.approx(_best_total(net[k], partner[k], limit))
    rows, forms = portfolio_picks(net, partner, limit=1)
    has = (net > 0).any(axis=1)
    assert np.array_equal(rows, np.flatnonzero(has)) and np.array_equal(forms, net.argmax(axis=1)[has])


def test_excluded_options_and_partners_are_not_picked_and_bad_input_is_refused():
    net = np.array([[0.5, 0.4, 0.3]])
    part = np.array([[1, 2, 3]])
    rows, forms = portfolio_picks(net, part, limit=3, exclude=np.array([[True, False, False]]), exclude_partner=np.array([3]))
    assert forms.tolist() == [1]
    assert len(portfolio_picks(net, part, limit=0)[0]) == 0
    assert len(portfolio_picks(np.array([[np.nan, -1.0]]), np.array([[0, 1]]), limit=2)[0]) == 0
    with pytest.raises(ValueError, match="limit"):
        portfolio_picks(net, part, limit=-1)
    with pytest.raises(ValueError, match="shape"):
        portfolio_picks(net, part[:, :2], limit=1)
