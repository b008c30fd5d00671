"""foedus.theory.rivalry_severity: a rivalry's hostility graded by its record of war (Diehl & Goertz 2000)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.rivalry_severity import (
    QUIET_ESTIMATE,
    WAR_ESTIMATE,
    WINDOW_YEARS,
    hostility_for_rate,
    rival_hostility,
)


def test_a_rivalry_at_war_in_the_year_has_the_war_level_and_one_without_a_war_in_the_window_the_quiet_level():
    h = rival_hostility([0.0, np.nan, WINDOW_YEARS + 1.0], 0.567, 0.977, 0.05)
    assert h.tolist() == pytest.approx([0.977, 0.567, 0.567])


def test_the_memory_of_the_war_fades_at_the_models_hostility_decay():
    """Analytically: the excess over the quiet level is (1 - decay) ** s of the war's, as hostility relaxes in the run."""
    s = np.arange(WINDOW_YEARS + 1, dtype=float)
    h = rival_hostility(s, 0.5, 0.9, 0.05)
    assert np.allclose(h - 0.5, 0.4 * 0.95**s)
    assert np.all(np.diff(h) < 0)
    # the same pair at decay 0 keeps its war level through the window, and at decay 1 only in the year of the war
    assert rival_hostility(s, 0.5, 0.9, 0.0) == pytest.approx(np.full(s.size, 0.9))
    assert rival_hostility(s, 0.5, 0.9, 1.0).tolist() == pytest.approx([0.9] + [0.5] * WINDOW_YEARS)


def test_bad_inputs_are_refused_with_their_name():
    with pytest.raises(ValueError, match="years_since_war"):
        rival_hostility([-1.0], 0.5, 0.9, 0.05)
    with pytest.raises(ValueError, match="decay"):
        rival_hostility([1.0], 0.5, 0.9, 1.5)
    with pytest.raises(ValueError, match="reference_rate"):
        hostility_for_rate(0.01, 0.0, 0.6)


def test_a_war_rate_going_as_hostility_squared_gives_the_module_s_levels():
    """h = h_ref * sqrt(r / r_ref): four times the rate is twice the hostility; the in-sample counts give the defaults."""
    assert float(hostility_for_rate(0.04, 0.01, 0.3)) == pytest.approx(0.6)
    assert float(hostility_for_rate(1.0, 0.01, 0.6)) == 1.0  # capped
    # COW wars 4.0 x TD rivalries, 1826-1914 and 1946-1989, rival pairs at peace the year before: 82 onsets in 5,250
    # pair-years, 67 in the 4,801 without a war in the previous ten years
    assert float(hostility_for_rate(67 / 4801, 82 / 5250, 0.6)) == pytest.approx(QUIET_ESTIMATE, abs=5e-4)
    assert QUIET_ESTIMATE < 0.6 < WAR_ESTIMATE


def test_the_war_level_matches_the_record_s_rate_of_war_over_the_warring_rivals_years_since_their_war():
    """WAR_ESTIMATE: over the 449 in-sample pair-years of rivals that fought in the previous ten years
    (by years since their last war: COW wars 4.0 x TD rivalries, 1826-1914 and 1946-1989), the mean of c h(s)^2 (c the
    rate at hostility 1 implied by 0.6 for the mean rival) is their rate of war, 15 / 449."""
    since = {2: 62, 3: 56, 4: 53, 5: 52, 6: 52, 7: 49, 8: 44, 9: 42, 10: 39}
    s = np.repeat(np.array(list(since), dtype=float), list(since.values()))
    assert s.size == 449
    c = (82 / 5250) / 0.6**2
    h = rival_hostility(s, QUIET_ESTIMATE, WAR_ESTIMATE, 0.05)  # the model's hostility_decay
    assert float(np.mean(c * h**2)) == pytest.approx(15 / 449, rel=0.01)
