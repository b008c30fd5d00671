"""foedus.theory.abrogation: when a member's regime change counts (Leeds & Savun 2007; Polity IV's REGTRANS)."""

import numpy as np
import pytest


def test_regime_transition_counts_only_a_change_of_three_polity_points_or_more():
    """Polity IV's REGTRANS: a change of at least 3 of 20 points (0.15 of the 0-1 scale) is a transition; drift is none."""
    from foedus.theory.abrogation import regime_abrogation, regime_transition

    regime, memory = np.array([0.80, 0.62, 0.5, 0.1]), np.array([0.80, 0.50, 0.5, 0.6])
    moved = regime_transition(regime, memory, threshold=0.15)
    assert moved.tolist() == [0.0, 0.0, 0.0, 0.5]  # 0.12 is drift; 0.5 a transition
    assert regime_transition(regime, memory, threshold=0.0) == pytest.approx(np.abs(regime - memory))
    # a thirty-member treaty whose members drift by 0.03: about a quarter a year counted raw, nothing as transitions
    members = np.ones((1, 30), bool)
    drift, ref = np.full(30, 0.53), np.full(30, 0.5)
    assert regime_abrogation(members, drift, ref, hazard=0.3)[0] == pytest.approx(1 - (1 - 0.3 * 0.03) ** 30)
    kept = np.where(regime_transition(drift, ref, threshold=0.15) > 0, ref, drift)
    assert regime_abrogation(members, drift, kept, hazard=0.3)[0] == 0.0
    with pytest.raises(ValueError, match="threshold"):
        regime_transition(regime, memory, threshold=1.5)
