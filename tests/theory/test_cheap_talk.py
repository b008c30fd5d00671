"""Crawford & Sobel's (1982) cheap talk (theory/cheap_talk.py; pacts16, issue 17 item 1): the consultation a rival's word conveys."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from foedus.theory.cheap_talk import BABBLING_BIAS, credible_consultation, informative_share, partition_size


def _receiver_loss(b: float, n: int) -> float:
    """The receiver's expected quadratic loss in the n-step equilibrium of the uniform-quadratic game, from the partition itself:
    boundaries a_i = i/n + 2b i (i - n) (Crawford & Sobel 1982, eq. for the uniform case), the action at each interval's mean."""
    a = np.array([i / n + 2 * b * i * (i - n) for i in range(n + 1)])
    d = np.diff(a)
    assert (d > 0).all()  # an equilibrium: every interval of positive length
    return float((d**3).sum() / 12.0)


@pytest.mark.parametrize("b", [0.01, 0.03, 0.07, 0.1, 0.15, 0.2, 0.24])
def test_the_share_conveyed_is_the_fall_in_the_receivers_loss_of_the_most_informative_partition(b):
    """The closed form (N^2 - 1)(1/N^2 - 4 b^2) equals 1 - 12 times the loss of the partition with N(b) steps; N(b) is the
    largest N whose partition has every interval of positive length (2bN(N - 1) < 1)."""
    n = int(partition_size(b))
    assert 2 * b * n * (n - 1) < 1 <= 2 * b * (n + 1) * n
    assert float(informative_share(b)) == pytest.approx(1.0 - 12.0 * _receiver_loss(b, n), abs=1e-12)
    # the most informative: every coarser equilibrium conveys less
    for m in range(1, n):
        assert 1.0 - 12.0 * _receiver_loss(b, m) <= float(informative_share(b)) + 1e-12


def test_babbling_from_a_quarter_full_information_at_no_bias():
    """Crawford & Sobel (1982): from b = 1/4 only the babbling equilibrium exists (N = 1: nothing conveyed); at b = 0 the talk
    is fully revealing."""
    assert partition_size(BABBLING_BIAS) == 1 and informative_share(BABBLING_BIAS) == 0.0
    assert informative_share(0.3) == 0.0 and informative_share(0.0) == 1.0
    assert informative_share(1e-9) == pytest.approx(1.0, abs=1e-3)


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_the_share_conveyed_never_rises_with_the_bias(x, y):
    lo, hi = sorted((x, y))
    assert 0.0 <= informative_share(hi) <= informative_share(lo) + 1e-12 <= 1.0 + 1e-12


def test_a_rivals_pledge_to_consult_conveys_half_a_fully_hostile_ones_nothing():
    """credible_consultation: the partner's bias toward i is w H[j, i] / 4; a rivalry's hostility (0.6) keeps 0.48 of the
    coordination, full hostility none, a friend all; weight 0 takes every word whole; bad input names the function."""
    h = np.array([[0.0, 0.6, 1.0], [0.2, 0.0, 0.0], [0.0, 0.0, 0.0]])
    x = np.full((3, 3), 0.5)
    got = credible_consultation(x, h)
    assert got[1, 0] == pytest.approx(0.5 * 0.48)  # 0's bias toward 1: H[0, 1] = 0.6
    assert got[2, 0] == 0.0 and got[0, 2] == 0.5  # 0 fully hostile to 2; 2 friendly to 0
    assert got[0, 1] == pytest.approx(0.5 * float(informative_share(0.05)))
    assert np.array_equal(credible_consultation(x, h, weight=0.0), x)
    with pytest.raises(ValueError, match="credible_consultation"):
        credible_consultation(-x, h)
    with pytest.raises(ValueError, match="credible_consultation"):
        credible_consultation(x, h, weight=2.0)
