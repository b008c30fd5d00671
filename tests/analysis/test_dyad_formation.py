"""foedus.analysis.dyad_formation: signing pairs per dyad-year, contiguous and other."""

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.dyad_formation import dyad_formation, system_members
from foedus.testing import toy_history

CONT = pd.DataFrame({"ccode1": [2, 20], "ccode2": [20, 40], "conttype": [1, 3], "start_year": [1920, 1920], "end_year": [2016, None]})


def _h(alliances, states=None):
    return toy_history(alliances, first_year=1990, last_year=1999, states=states or {2: (1816, None), 20: (1920, None), 40: (1902, None), 41: (1994, None)})


def test_dyad_years_count_the_pairs_of_system_members_each_year():
    t = dyad_formation(_h([]), 1990, 1999, CONT)
    # 3 members 1990-1993 (3 pairs), 4 from 1994 (6 pairs); one land border (2-20) throughout
    assert t.loc["contiguous", "dyad_years"] == 10
    assert t.loc["other", "dyad_years"] == 4 * 3 + 6 * 6 - 10
    assert (t["pacts"] == 0).all()
    assert system_members(_h([]), 1993).tolist() == [2, 20, 40]


def test_a_pact_counts_for_its_founding_pair_in_its_group_and_obligation():
    h = _h([
        {"id": 1, "start": 1995, "end": None, "members": [2, 20], "obligations": ("nonaggression", "consultation")},
        {"id": 2, "start": 1996, "end": None, "members": [20, 40], "obligations": ("defense",)},  # across water: not contiguous at type 1
    ])
    t = dyad_formation(h, 1990, 1999, CONT)
    assert t.loc["contiguous", "pacts"] == 1 and t.loc["other", "pacts"] == 1
    assert t.loc["contiguous", "rate_nonaggression"] == pytest.approx(100.0)  # 1 in 10 dyad-years, per 1,000
    assert t.loc["contiguous", "rate_consultation"] == 0  # the strongest obligation labels the pact
    assert t.loc["other", "rate_defense"] == pytest.approx(1000.0 / 38)
    # with water contiguity counted, the second pact is a neighbours' one
    t3 = dyad_formation(h, 1990, 1999, CONT, max_conttype=3)
    assert t3.loc["contiguous", "pacts"] == 2


def test_multilateral_treaties_count_only_when_asked_and_pacts_outside_the_era_never():
    h = _h([
        {"id": 1, "start": 1995, "end": None, "members": [2, 20, 40], "obligations": ("neutrality",)},
        {"id": 2, "start": 1989, "end": None, "members": [2, 40], "obligations": ("defense",)},
    ])
    assert dyad_formation(h, 1990, 1999, CONT)["pacts"].sum() == 0
    t = dyad_formation(h, 1990, 1999, CONT, bilateral_only=False)
    assert t["pacts"].sum() == 3  # three founding pairs
    assert t.loc["contiguous", "pacts"] == 1


def test_min_begun_id_leaves_out_inherited_agreements():
    h = _h([{"id": 5, "start": 1995, "end": None, "members": [2, 20]}])
    assert dyad_formation(h, 1990, 1999, CONT, min_begun_id=6)["pacts"].sum() == 0
    assert dyad_formation(h, 1990, 1999, CONT, min_begun_id=5)["pacts"].sum() == 1


def test_rates_are_nan_without_dyads():
    h = toy_history([], first_year=1990, last_year=1991, states={2: (1816, None)})
    t = dyad_formation(h, 1990, 1991, CONT)
    assert np.isnan(t.loc["other", "rate"]) and t.loc["other", "dyad_years"] == 0
