"""Tests of foedus.theory.cohesion: cohesion, reliability, the dissolution hazard and democratic diffusion."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import cohesion

from ._common import draw, same_bits, shapes

FAST = settings(max_examples=60, deadline=None)
unit = st.floats(0.0, 1.0)
inner = st.floats(0.01, 0.99)


@FAST
@given(inner, inner, inner, inner, st.floats(0.001, 0.5))
def test_cohesion_directions(t, e, r, d, step):
    base = cohesion.alliance_cohesion(t, e, r, joint_democracy=d)
    assert 0 < base < 1
    assert cohesion.alliance_cohesion(t - step * t, e, r, joint_democracy=d) < base  # fading threat
    assert cohesion.alliance_cohesion(t, min(e + step, 1), r, joint_democracy=d) < base  # competitors
    assert cohesion.alliance_cohesion(t, e, min(r + step, 1), joint_democracy=d) > base  # similar regimes
    assert cohesion.alliance_cohesion(t, e, r, joint_democracy=min(d + step, 1)) > base  # democracies


def test_democratic_alliances_more_cohesive_and_last_longer():
    dem = cohesion.alliance_cohesion(0.5, 0.3, 1.0, joint_democracy=1.0)
    mixed = cohesion.alliance_cohesion(0.5, 0.3, 0.2, joint_democracy=0.0)
    assert dem > mixed
    assert cohesion.dissolution_hazard(dem) < cohesion.dissolution_hazard(mixed)


def test_dissolution_hazard_closed_form():
    """h = h_max (1 - c e^(-lambda |dp|)) (1 - omega I), with the exponential at exactly 1/2."""
    lam = 2.0
    dp = np.log(2.0) / lam  # e^(-lambda dp) = 1/2
    h = cohesion.dissolution_hazard(
        0.5, capability_change=dp, max_hazard=0.2, change_weight=lam, institutionalisation=0.5, institution_weight=0.5
    )
    assert h == pytest.approx(0.2 * (1 - 0.5 * 0.5) * (1 - 0.5 * 0.5), rel=1e-15)  # 0.1125
    # the corners: a fully cohesive alliance whose members' power has not moved never ends;
    # one without cohesion ends at the bound, whatever its members' power did
    assert cohesion.dissolution_hazard(1.0) == 0.0
    assert cohesion.dissolution_hazard(0.0, capability_change=[0.0, 0.3, -5.0], max_hazard=0.3).tolist() == [0.3] * 3


def test_constant_dissolution_hazard_gives_a_geometric_lifetime():
    """Drawn once a year, a constant hazard h gives a mean alliance lifetime of 1/h years."""
    h = float(cohesion.dissolution_hazard(0.6, max_hazard=0.25))  # 0.25 * 0.4 = 0.1
    assert h == pytest.approx(0.1, rel=1e-15)
    years = np.random.default_rng(11).geometric(h, size=200_000)
    assert years.mean() == pytest.approx(1 / h, rel=0.01)


@FAST
@given(unit, unit, st.floats(0.001, 1.0))
def test_dissolution_hazard_directions(c, dp, step):
    h = cohesion.dissolution_hazard(c, capability_change=dp)
    assert 0 <= h <= 0.25
    assert cohesion.dissolution_hazard(min(c + step, 1), capability_change=dp) <= h
    assert cohesion.dissolution_hazard(c, capability_change=-(dp + step)) >= h  # size of change counts


@FAST
@given(unit, unit, unit, unit)
def test_institutionalisation_removes_its_share_of_the_dissolution_hazard(c, dp, inst, w):
    """Wallander (2000): institutional assets keep an alliance; weight 0 is the form without them."""
    base = cohesion.dissolution_hazard(c, capability_change=dp)
    assert cohesion.dissolution_hazard(c, capability_change=dp, institutionalisation=inst) == base
    h = cohesion.dissolution_hazard(c, capability_change=dp, institutionalisation=inst, institution_weight=w)
    assert h == pytest.approx(base * (1 - w * inst), rel=1e-12, abs=1e-15)
    assert cohesion.dissolution_hazard(c, capability_change=dp, institutionalisation=1.0, institution_weight=1.0) == 0.0
    with pytest.raises(ValueError, match="institutionalisation"):
        cohesion.dissolution_hazard(c, institutionalisation=1.5, institution_weight=w)


def test_honour_probability_calibrated_to_leeds_base_rate():
    # Leeds (2003): commitments honoured about 75 % of the time
    assert cohesion.honour_probability(1.0, 0.0, 0.5) == pytest.approx(0.75)
    assert cohesion.honour_probability(1.0, 0.0, 0.5, base_rate=0.6) == pytest.approx(0.6)


@FAST
@given(inner, inner, inner, st.floats(0.001, 0.5))
def test_honour_probability_directions(c, x, h, step):
    base = cohesion.honour_probability(c, x, h)
    assert 0 < base < 1
    assert cohesion.honour_probability(c, min(x + step, 1), h) < base  # interdependence with the adversary
    assert cohesion.honour_probability(min(c + step, 1), x, h) > base
    assert cohesion.honour_probability(c, x, min(h + step, 1)) > base
    assert cohesion.honour_probability(c, x, h, major_power=1.0) < base  # Leeds 2003
    assert cohesion.honour_probability(c, x, h, democratic=1.0) > base
    assert cohesion.honour_probability(c, x, h, democratic=1.0, democracy_weight=0.0) == pytest.approx(base)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: cohesion.alliance_cohesion(1.2, 0.1, 0.1), "threat_common"),
        (lambda: cohesion.alliance_cohesion(0.2, 0.1, 0.1, threat_weight=-1.0), "threat_weight"),
        (lambda: cohesion.honour_probability(0.5, 0.1, 0.5, base_rate=1.0), "base_rate"),
        (lambda: cohesion.honour_probability(0.5, [0.1, 0.2], [0.5, 0.5, 0.5]), "broadcast"),
        (lambda: cohesion.dissolution_hazard(np.inf), "cohesion"),
    ],
)
def test_cohesion_bad_input(call, field):
    with pytest.raises(ValueError, match=field):
        call()


@FAST
@given(unit, unit, unit, st.floats(0.0, 1.0))
def test_democratic_diffusion_pulls_up_towards_the_allies_only(r, rb, s, rate):
    """T5 (Pevehouse 2005): allies' democracy pulls a state up, never past them; never down."""
    new = float(cohesion.democratic_diffusion(r, rb, s, rate=rate))
    assert r <= new <= max(r, rb) + 1e-15
    assert new == pytest.approx(r + rate * s * max(rb - r, 0.0), abs=1e-15)
    if rb <= r or s == 0 or rate == 0:
        assert new == r
    with pytest.raises(ValueError, match="democratic_diffusion: tie_strength"):
        cohesion.democratic_diffusion(r, rb, 1.5)


@FAST
@given(st.integers(0, 2**32 - 1), st.lists(shapes, min_size=5, max_size=5))
def test_check_false_gives_the_same_bits_on_valid_input(seed, sh):
    rng = np.random.default_rng(seed)
    u = [draw(rng, s) for s in sh]
    w = dict(zip(("threat_weight", "competition_weight", "similarity_weight", "democracy_weight"), rng.uniform(0, 4, 4)))
    cases = [
        (cohesion.alliance_cohesion, (u[0], u[1], u[2]), {"joint_democracy": u[3], "intercept": float(rng.normal(0, 5)), **w}),
        (cohesion.dissolution_hazard, (u[0],), {"capability_change": draw(rng, sh[1], -2.0, 2.0),
                                                "max_hazard": float(rng.random()), "change_weight": float(rng.uniform(0, 3))}),
        (cohesion.honour_probability, (u[0], u[1], u[2]), {"democratic": u[3], "major_power": u[4],
                                                           "base_rate": float(rng.uniform(0.05, 0.95)), "cohesion_weight": 1.5}),
    ]
    for f, args, kw in cases:
        same_bits(f(*args, **kw), f(*args, **kw, check=False))


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="alliance_cohesion: threat_common must be finite"):
        cohesion.alliance_cohesion([np.nan], 0.1, 0.1, check=True)
    with pytest.raises(ValueError, match="alliance_cohesion: shapes do not broadcast"):
        cohesion.alliance_cohesion([0.1, 0.2], [0.1, 0.2, 0.3], 0.1, check=True)
    with pytest.raises(ValueError, match="dissolution_hazard: max_hazard must be <= 1"):
        cohesion.dissolution_hazard(0.5, max_hazard=2.0, check=True)
    with pytest.raises(ValueError, match="honour_probability: base_rate must be < 1"):
        cohesion.honour_probability(0.5, 0.5, 0.5, base_rate=1.0, check=True)
