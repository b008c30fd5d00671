"""Formation by obligation for system entrants against the other members (foedus.analysis.entrants) on hand-made histories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.entrants import entrant_formation, rate_ratio_interval
from foedus.testing import toy_history


def _toy():
    # 2 and 200 in the system since the list's start (never entrants); 310 enters in 1918, 369 in 1991 (no pact)
    return toy_history(
        [
            {"id": 1, "start": 1921, "end": None, "members": [2, 310], "obligations": ("neutrality", "nonaggression")},
            {"id": 2, "start": 1925, "end": 1930, "members": [2, 200], "obligations": ("consultation",)},
            {"id": 3, "start": 1929, "end": None, "members": [200, 310], "obligations": ("defense", "consultation")},  # 310 no longer new
            {"id": 4, "start": 1910, "end": None, "members": [2, 200], "obligations": ("defense",)},  # begun before the era
            {"id": 5, "start": 1925, "end": None, "members": [2, (310, 1927, None)], "obligations": ("consultation",)},  # 310 joins: no founder
        ],
        first_year=1816, last_year=1938, states={2: (1816, None), 200: (1816, None), 310: (1918, None)},
    )


def test_hand_counted_founders_and_state_years():
    t = entrant_formation(_toy(), 1919, 1938)
    # 310 is an entrant 1919-1927 (first entry 1918, window 10): 9 state-years; the others 20 + 20 + 11
    assert t["entrant_sy"].iloc[0] == 9 and t["other_sy"].iloc[0] == 51
    assert t.loc["neutrality", ["entrant", "other"]].tolist() == [1, 1]
    assert t.loc["consultation", ["entrant", "other"]].tolist() == [0, 3]  # pacts 2 and 5 (2 founds it alone)
    assert t.loc["defense", ["entrant", "other"]].tolist() == [0, 2]  # 1929: 310 is 11 years in
    assert t.loc["all", ["entrant", "other"]].tolist() == [1, 6]
    assert t.loc["neutrality", "ratio"] == pytest.approx((1 / 9) / (1 / 51))
    # a wider window makes 310 an entrant in 1929 too
    w = entrant_formation(_toy(), 1919, 1938, window=12)
    assert w.loc["defense", ["entrant", "other"]].tolist() == [1, 1]


def test_old_members_are_never_entrants_and_restored_states_count_from_their_first_entry():
    h = _toy()
    t = entrant_formation(h, 1919, 1938, first_entry=pd.Series({2: 1816, 200: 1816, 310: 1816}))
    assert t["entrant_sy"].iloc[0] == 0 and t.loc["all", "entrant"] == 0
    assert np.isnan(t.loc["all", "ratio"])


def test_rate_ratio_interval_is_exact_and_covers_at_its_level():
    r, lo, hi = rate_ratio_interval(10, 100, 10, 100)
    assert r == 1.0 and lo < 1.0 < hi
    # the conditional binomial: at r = hi the lower tail of a is 2.5 %
    from scipy.stats import binom

    p_hi = hi * 100 / (hi * 100 + 100)
    assert binom.cdf(10, 20, p_hi) == pytest.approx(0.025, abs=1e-9)
    # coverage over simulated Poisson counts with a true ratio of 2 (holds at alpha = 0.01 over 2,000 draws)
    rng = np.random.default_rng(7)
    a, b = rng.poisson(2 * 0.05 * 400, 2000), rng.poisson(0.05 * 2000, 2000)
    cover = np.mean([lo <= 2.0 <= hi for lo, hi in (rate_ratio_interval(x, 400, y, 2000)[1:] for x, y in zip(a, b))])
    assert cover >= 0.93
