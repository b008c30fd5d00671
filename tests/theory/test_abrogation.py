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


def test_a_transition_polity_records_and_the_polyarchy_misses_is_remembered():
    """Leeds & Savun (2007) measure regime change with Polity: where Polity records a transition (>= 3 of 20 points) larger
    than the polyarchy's, the memory is displaced so that the regime now differs from it by that transition (within 0-1);
    where the polyarchy moved more, or Polity drifted below the threshold, or has no score, the polyarchy's memory stands."""
    from foedus.theory.abrogation import recorded_regime_memory, regime_transition

    regime = np.array([0.40, 0.60, 0.30, 0.50, 0.20])
    memory = np.array([0.38, 0.20, 0.30, 0.50, np.nan])
    shift = np.array([0.30, -0.30, np.nan, 0.14, -0.40])
    out = recorded_regime_memory(regime, memory, shift, threshold=0.15)
    assert out == pytest.approx([0.10, 0.20, 0.30, 0.50, 0.60])
    # the displaced memory makes it a transition of the recorded size, in the recorded direction
    assert regime_transition(regime, out, threshold=0.15)[[0, 4]] == pytest.approx([0.30, 0.40])
    # clipped to the scale: a transition larger than the room below the regime is as large as the scale allows
    assert recorded_regime_memory([0.2], [0.15], [0.7], threshold=0.15).tolist() == [0.0]
    with pytest.raises(ValueError, match="threshold"):
        recorded_regime_memory(regime, memory, shift, threshold=-0.1)
    with pytest.raises(ValueError, match="shape"):
        recorded_regime_memory(regime, memory[:2], shift, threshold=0.15)


def test_the_examples_of_the_module_hold():
    import doctest

    from foedus.theory import abrogation

    assert doctest.testmod(abrogation, raise_on_error=False).failed == 0
