"""Regime transitions (foedus.theory.regime_transition): Gates et al. 2006, Przeworski et al. 2000, Bueno de Mesquita et al. 1992."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from scipy import stats

from foedus.sim.parameters import Parameters
from foedus.theory import regime_transition as th

ALPHA = 0.01


def _defaults() -> dict:
    p = Parameters()
    return {"rates": (p.regime_transition_autocracy, p.regime_transition_anocracy, p.regime_transition_democracy),
            "consolidation_income": p.regime_consolidation_income, "war_ratio": p.regime_war_ratio,
            "anocracy_from": p.regime_anocracy_from, "democracy_from": p.regime_democracy_from}


def test_the_default_hazards_order_the_regimes_as_gates_et_al_find_anocracies_least_durable():
    """Gates, Hegre, Jones & Strand (2006): inconsistent regimes fail most often, democracies least."""
    h = th.transition_hazard([0.1, 0.35, 0.7], [1e3] * 3, [False] * 3, **_defaults())
    assert h[1] > h[0] > h[2] > 0


def test_no_democracy_richer_than_argentina_in_1975_falls_but_a_rich_autocracy_may():
    """Przeworski et al. (2000): the consolidation income protects democracies only."""
    d = _defaults()
    h = th.transition_hazard([0.85, 0.85, 0.1], [d["consolidation_income"], d["consolidation_income"] - 1, 5e4], [False] * 3, **d)
    assert h[0] == 0.0 and h[1] > 0 and h[2] == d["rates"][0]


def test_an_unknown_income_is_not_taken_for_a_rich_one():
    h = th.transition_hazard([0.85], [np.nan], [False], **_defaults())
    assert h[0] == _defaults()["rates"][2]


def test_fighting_a_stronger_enemy_multiplies_the_hazard():
    """Bueno de Mesquita, Siverson & Woller (1992): defeat brings regime change (the record's factor, about 2)."""
    d = _defaults()
    h = th.transition_hazard([0.1, 0.1], [1e3, 1e3], [False, True], **d)
    assert h[1] == pytest.approx(d["war_ratio"] * h[0])
    assert th.transition_hazard([0.3], [1e3], [True], **dict(d, rates=(0.9, 0.9, 0.9), war_ratio=5.0))[0] == 1.0


@settings(max_examples=60, deadline=None)
@given(hs.lists(hs.floats(0, 1), min_size=1, max_size=20), hs.floats(0, 1e5))
def test_the_hazard_is_a_probability_and_zero_rates_never_change_a_regime(regime, income):
    d = _defaults()
    n = len(regime)
    h = th.transition_hazard(regime, [income] * n, [True] * n, **d)
    assert np.all((h >= 0) & (h <= 1))
    assert not th.transition_hazard(regime, [income] * n, [True] * n, **dict(d, rates=(0, 0, 0))).any()


def test_bad_arguments_are_refused_with_the_argument_named():
    d = _defaults()
    with pytest.raises(ValueError, match="regime"):
        th.transition_hazard([1.5], [1.0], [False], **d)
    with pytest.raises(ValueError, match="war_ratio"):
        th.transition_hazard([0.5], [1.0], [False], **dict(d, war_ratio=0.5))
    with pytest.raises(ValueError, match="rates"):
        th.transition_hazard([0.5], [1.0], [False], **dict(d, rates=(0.1, 0.2)))
    with pytest.raises(ValueError, match="anocracy_from"):
        th.regime_type([0.5], anocracy_from=0.6, democracy_from=0.5)
    with pytest.raises(ValueError, match="size"):
        th.transition_jump([0.5], [True], size=2.0)


def test_a_drawn_history_matches_the_geometric_survival_of_a_constant_hazard():
    """The analytic result: a regime with yearly hazard h survives t years with probability (1 - h)^t; its life is 1/h."""
    rng = np.random.default_rng(7)
    h = th.transition_hazard(np.full(4000, 0.35), np.full(4000, 1e3), np.zeros(4000, bool), **_defaults())
    first = np.full(4000, np.inf)
    for t in range(1, 31):
        hit = (rng.random(4000) < h) & ~np.isfinite(first)
        first[hit] = t
    lasted_10 = int((first > 10).sum())
    p10 = float(th.survival(h[0], 10))
    assert stats.binomtest(lasted_10, 4000, p10).pvalue > ALPHA
    assert float(th.survival(h[0], 1.0 / h[0])) == pytest.approx((1 - h[0]) ** (1 / h[0]))


def test_the_jump_opens_or_closes_by_the_size_and_stays_on_the_scale():
    out = th.transition_jump([0.1, 0.9, 0.1], [True, True, False], size=0.3)
    assert out.tolist() == pytest.approx([0.4, 1.0, 0.0])
    # an opening stops at the ceiling; a regime above it does not move; a closing is not capped
    out = th.transition_jump([0.7, 0.9, 0.9], [True, True, False], size=0.3, ceiling=0.83)
    assert out.tolist() == pytest.approx([0.83, 0.9, 0.6])
    # Polity's smallest transition, 3 of its 20 points, is the abrogation threshold: the default jump passes it
    assert Parameters().regime_transition_size >= th.POLITY_TRANSITION_POINTS / 20 == Parameters().regime_transition_threshold


def test_autocracies_open_and_democracies_close_more_often_than_not():
    p = Parameters()
    up = th.up_probability(np.array([0, 1, 2]), (p.regime_up_autocracy, p.regime_up_anocracy, p.regime_up_democracy))
    assert up[0] > 0.5 > up[2]
