"""Tests of foedus.theory.entrapment: Snyder's alliance security dilemma, properties and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from foedus.theory import entrapment

from ._common import draw, same_bits, shapes

FAST = settings(max_examples=60, deadline=None)
unit = st.floats(0.0, 1.0)
inner = st.floats(0.01, 0.99)


@FAST
@given(inner, inner, inner, inner, st.floats(0.0, 0.5))
def test_entrapment_monotone(c, r, s, step, e):
    base = entrapment.entrapment_risk(c, r, s, emboldening=e)
    assert 0 <= base <= 1
    assert entrapment.entrapment_risk(min(c + step, 1), r, s, emboldening=e) > base
    assert entrapment.entrapment_risk(c, min(r + step, 1), s, emboldening=e) >= base
    assert entrapment.entrapment_risk(c, r, min(s + step, 1), emboldening=e) < base


@FAST
@given(inner, inner, inner, inner)
def test_abandonment_monotone(c, a, rho, step):
    base = entrapment.abandonment_risk(c, a, rho)
    assert 0 <= base <= 1
    assert entrapment.abandonment_risk(c, min(a + step, 1), rho) > base
    assert entrapment.abandonment_risk(min(c + step, 1), a, rho) < base
    assert entrapment.abandonment_risk(c, a, min(rho + step, 1)) < base  # forward-deployed troops reassure


@FAST
@given(unit, unit, inner, inner, inner, inner)
def test_tightening_commitment_trades_abandonment_for_entrapment(c1, c2, r, s, a, rho):
    assume(abs(c1 - c2) > 1e-6)
    lo, hi = sorted((c1, c2))
    assert entrapment.entrapment_risk(hi, r, s) > entrapment.entrapment_risk(lo, r, s)
    assert entrapment.abandonment_risk(hi, a, rho) < entrapment.abandonment_risk(lo, a, rho)


def test_emboldening_raises_entrapment():
    assert entrapment.entrapment_risk(1.0, 0.2, 0.0, emboldening=0.5) > entrapment.entrapment_risk(1.0, 0.2, 0.0)


def test_commitment_strategy_support_or_restraint():
    # a reckless partner with its own quarrels: restraint
    assert entrapment.commitment_strategy(0.9, 0.0, 0.2, 0.0) == 0.0
    # a partner with alternatives and no troops on the ground: support
    assert entrapment.commitment_strategy(0.1, 0.5, 0.8, 0.0) == 1.0
    # the same partner with forward-deployed troops: no need to pay for a firm commitment
    assert entrapment.commitment_strategy(0.1, 0.5, 0.8, 0.95) == 0.0


@FAST
@given(unit, unit, unit, unit, st.floats(0.0, 0.5))
def test_riskier_partner_never_turns_restraint_into_support(r, s, a, rho, dr):
    assert entrapment.commitment_strategy(min(r + dr, 1), s, a, rho) <= entrapment.commitment_strategy(r, s, a, rho)


def test_accession_rule():
    np.testing.assert_array_equal(entrapment.accession_allowed([0, 2, 0, 1]), [True, False, True, False])
    np.testing.assert_array_equal(entrapment.accession_allowed([0, 2, 0, 1], max_disputes=1), [True, False, True, True])
    disputes = np.array([[0, 1, 0], [0, 0, 0], [1, 0, 1]])
    np.testing.assert_array_equal(entrapment.accession_allowed(disputes, axis=1), [False, True, False])
    with pytest.raises(ValueError, match="axis"):
        entrapment.accession_allowed(disputes, axis=3)
    with pytest.raises(ValueError, match="territorial_disputes"):
        entrapment.accession_allowed([0, -1])


@FAST
@given(st.lists(st.integers(0, 4), min_size=2, max_size=20), inner)
def test_accession_rule_lowers_members_entrapment(disputes, shared):
    disputes = np.array(disputes)
    assume((disputes == 0).any() and (disputes > 0).any())
    risk = entrapment.entrapment_risk(1.0, entrapment.risk_taking_from_disputes(disputes), shared)
    admitted = entrapment.accession_allowed(disputes)
    assert risk[admitted].mean() < risk.mean()


def test_risk_taking_from_disputes_closed_form():
    r = entrapment.risk_taking_from_disputes([0, 1, 2], base=0.1, per_dispute=0.3)
    np.testing.assert_allclose(r, [0.1, 1 - 0.9 * 0.7, 1 - 0.9 * 0.49])


@pytest.mark.parametrize(
    ("func", "args", "field"),
    [
        (entrapment.entrapment_risk, (1.5, 0.2, 0.1), "commitment"),
        (entrapment.entrapment_risk, (0.5, np.nan, 0.1), "partner_risk_taking"),
        (entrapment.abandonment_risk, (0.5, 0.2, -0.1), "reassurance"),
        (entrapment.abandonment_risk, ([0.5, 0.2], [0.1, 0.2, 0.3], 0.0), "broadcast"),
        (entrapment.entrapment_risk, ("high", 0.2, 0.1), "numeric"),
    ],
)
def test_snyder_bad_input(func, args, field):
    with pytest.raises(ValueError, match=field):
        func(*args)


def test_error_message_names_function_and_index():
    with pytest.raises(ValueError, match=r"entrapment_risk: commitment must be <= 1; got .*2\.0.* at index \(1,\)"):
        entrapment.entrapment_risk([0.5, 2.0], 0.1, 0.1)


@FAST
@given(st.integers(0, 2**32 - 1), st.lists(shapes, min_size=3, max_size=3))
def test_check_false_gives_the_same_bits_on_valid_input(seed, sh):
    rng = np.random.default_rng(seed)
    u = [draw(rng, s) for s in sh]
    cases = [
        (entrapment.abandonment_risk, (u[0], u[1], u[2]), {}),
        (entrapment.entrapment_risk, (u[0], u[1], u[2]), {"emboldening": float(rng.random())}),
        (entrapment.accession_allowed, (rng.integers(0, 3, sh[2]),), {"max_disputes": int(rng.integers(0, 2))}),
    ]
    if len(sh[2]) == 2:
        cases.append((entrapment.accession_allowed, (rng.integers(0, 3, sh[2]),), {"axis": 1}))
    for f, args, kw in cases:
        same_bits(f(*args, **kw), f(*args, **kw, check=False))


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="abandonment_risk: reassurance must be <= 1"):
        entrapment.abandonment_risk(0.5, 0.5, [0.2, 1.5], check=True)
    with pytest.raises(ValueError, match="entrapment_risk: commitment must be >= 0"):
        entrapment.entrapment_risk(-0.1, 0.5, 0.5, check=True)
    with pytest.raises(ValueError, match="accession_allowed: territorial_disputes must be >= 0"):
        entrapment.accession_allowed([-1, 0], check=True)
