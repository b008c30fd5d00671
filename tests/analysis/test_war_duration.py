"""The record's war spells and the held-out test of the war-size term (foedus.analysis.war_duration)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("scipy")

from foedus.analysis.war_duration import SIZE_TERM, estimate_war_duration, held_out_log_likelihood, war_spells  # noqa: E402
from foedus.theory.war_duration import DURATION_TERMS  # noqa: E402

TEST_ERAS = ([(1919, 1938)], [(1990, 2010)])


@pytest.fixture(scope="module")
def spells():
    return war_spells()


def test_a_spell_carries_the_size_of_its_war(spells):
    """Every spell of a war carries the same size, 0 for a war of two states; the two world wars are the largest."""
    assert (spells[SIZE_TERM] >= 0).all()
    assert (spells.groupby("warnum")[SIZE_TERM].nunique() == 1).all()
    two = spells.groupby("warnum").apply(lambda g: len(set(g["ccode1"]) | set(g["ccode2"])), include_groups=False)
    size = np.exp(spells.groupby("warnum")[SIZE_TERM].first()) * 2
    assert (size.loc[two.index] >= two - 1e-9).all()  # spells without covariates may drop states, never add them


def test_the_held_out_likelihood_of_the_shipped_fit_is_its_own_in_sample_likelihood(spells):
    fit = estimate_war_duration(spells)
    assert held_out_log_likelihood(fit, spells, [(1816, 1914), (1946, 1989)]) == pytest.approx(fit.log_likelihood, abs=1e-6)


def test_the_war_size_term_fits_in_sample_but_predicts_the_test_eras_worse(spells):
    """Bennett & Stam's (1996) number of states: larger wars last longer on 1816-1914 and 1946-1989 (LR above the chi-square(1)
    1 % point against the model without major_backed, as when the term was first left out; against the shipped model, which
    has major_backed carrying much of what the war's size did, above the 5 % point) yet the held-out log-likelihood of
    1919-1938 and of 1990-2010 falls: why the simulator leaves it out."""
    without = tuple(t for t in DURATION_TERMS if t != "major_backed")
    before = estimate_war_duration(spells, terms=without)
    before_size = estimate_war_duration(spells, terms=(*without, SIZE_TERM))
    assert 2 * (before_size.log_likelihood - before.log_likelihood) > 6.635
    base = estimate_war_duration(spells)
    size = estimate_war_duration(spells, terms=(*DURATION_TERMS, SIZE_TERM))
    assert 2 * (size.log_likelihood - base.log_likelihood) > 3.841
    assert size.coefficients[-1] < 0
    for era in TEST_ERAS:
        assert held_out_log_likelihood(size, spells, era) < held_out_log_likelihood(base, spells, era)


def test_a_great_power_backing_the_weaker_side_fits_in_sample_and_holds_out_of_sample(spells):
    """major_backed (the weaker state of a pair has a great power on its side; Bennett & Stam 1996, Shirkey 2012): on 1816-1914
    and 1946-1989 it lengthens wars (negative weight, LR above the chi-square(1) 1 % point against the model without it), and
    the held-out log-likelihood of 1919-1938 and of 1990-2010 rises (measured, not used to choose it)."""
    without = tuple(t for t in DURATION_TERMS if t != "major_backed")
    base = estimate_war_duration(spells, terms=without)
    full = estimate_war_duration(spells)
    assert full.coefficients[DURATION_TERMS.index("major_backed")] < 0
    assert 2 * (full.log_likelihood - base.log_likelihood) > 6.635
    for era in TEST_ERAS:
        assert held_out_log_likelihood(full, spells, era) > held_out_log_likelihood(base, spells, era)
