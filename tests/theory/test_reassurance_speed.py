"""theory.reassurance's runner-up threat found without sorting (issue 16): what a stable sort puts second."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import reassurance as ra


@pytest.mark.parametrize("seed", range(20))
def test_the_runner_up_is_what_a_stable_sort_puts_second(seed):
    """unread_alignment's main threat other than the partner: the column a stable descending sort of the row puts second,
    ties (zeros, repeated values) included, and the values left as they were (issue 16: an argmax replaced the sort)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 50))
    e = rng.choice([0.0, 0.1, 0.3], size=(n, n)) if seed % 2 else rng.uniform(0, 1, (n, n)) * (rng.random((n, n)) < 0.4)
    np.fill_diagonal(e, 0.0)
    before = e.copy()
    got = ra._runner_up(e, e.argmax(axis=1))
    assert np.array_equal(got, np.argsort(-e, axis=1, kind="stable")[:, 1])
    assert e.tobytes() == before.tobytes()
