"""foedus.theory.replacement: the yearly probability that a bilateral pact is replaced by a new treaty of the same pair."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.replacement import replacement_probability, term_end_near


def test_the_probability_is_one_minus_exp_of_the_rate_with_its_ratios_multiplying():
    kw = {"base_rate": 0.002, "defence_ratio": 3.0, "term_end_ratio": 10.0}
    p = replacement_probability([False, True, False, True], [False, False, True, True], **kw)
    assert np.allclose(p, 1 - np.exp(-0.002 * np.array([1.0, 3.0, 10.0, 30.0])))
    # a small rate is its own probability; the ratio of two small probabilities is the rate ratio
    assert p[1] / p[0] == pytest.approx(3.0, rel=0.01) and p[2] / p[0] == pytest.approx(10.0, rel=0.02)


def test_no_base_rate_replaces_nothing_and_bad_rates_are_refused():
    assert not replacement_probability([True], [True], base_rate=0.0, defence_ratio=3.0, term_end_ratio=10.0).any()
    for bad in ({"base_rate": -0.1, "defence_ratio": 1.0, "term_end_ratio": 1.0}, {"base_rate": 0.1, "defence_ratio": 0.0, "term_end_ratio": 1.0},
                {"base_rate": 0.1, "defence_ratio": 1.0, "term_end_ratio": -1.0}):
        with pytest.raises(ValueError, match="replacement_probability"):
            replacement_probability([True], [True], **bad)


def test_a_term_end_is_near_in_the_year_before_it_its_year_and_the_year_after():
    # a ten-year treaty signed in 1940: term ends 1950, 1960... In the model a renewed term's end moves on (1950 -> 1960)
    # at the renewal, so the year after an end sees the next one and finds the end just renewed ten years back
    y = np.arange(1947, 1954)
    end = np.where(y <= 1950, 1950.0, 1960.0)
    near = term_end_near(end, np.full(len(y), 10.0), np.full(len(y), 1940), y.astype(float))
    assert near.tolist() == [False, False, True, True, True, False, False]
    # none without a finite term; nor at signature (no term has ended yet); a pact made for a war (-inf) has none
    assert not term_end_near([np.inf, np.nan, -np.inf], [np.nan, np.nan, np.nan], [1940, 1940, 1940], 1950.0).any()
    assert not term_end_near([1960.0], [10.0], [1950], 1950.0).any()
