"""foedus.analysis.dyad_formation: signing pairs per dyad-year, contiguous and other."""

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.dyad_formation import KINDS, dyad_formation, dyad_formation_by_kind, system_members
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


def test_split_major_separates_the_other_pairs_with_a_major_power():
    h = _h([
        {"id": 1, "start": 1995, "end": None, "members": [2, 40], "obligations": ("consultation",)},
        {"id": 2, "start": 1996, "end": None, "members": [40, 41], "obligations": ("nonaggression",)},
    ])
    sy = h.state_years.copy()
    sy["major"] = sy["ccode"] == 2
    h.state_years = sy
    t = dyad_formation(h, 1990, 1999, CONT, split_major=True)
    assert list(t.index) == ["contiguous", "other_major", "other_minor"]
    # the major (2) with 40 every year and with 41 from 1994 (its land neighbour 20 is contiguous)
    assert t.loc["other_major", "dyad_years"] == 10 + 6
    assert t.loc["other_minor", "dyad_years"] == 38 - 16
    assert t.loc["other_major", "rate_consultation"] == pytest.approx(1000.0 / 16)
    assert t.loc["other_minor", "rate_nonaggression"] == pytest.approx(1000.0 / 22)
    # the split adds up to the unsplit other pairs
    u = dyad_formation(h, 1990, 1999, CONT)
    assert t.loc[["other_major", "other_minor"], "pacts"].sum() == u.loc["other", "pacts"]


def test_the_record_forms_pacts_at_a_per_dyad_hazard_nearly_constant_across_eras(record):
    # the module's claim: bilateral pacts of non-contiguous pairs 0.45, 0.78, 0.42, 0.41 per 1,000 dyad-years
    # (ATOP 5.1, COW direct contiguity); land neighbours 7.6, 15.7, 7.9, 9.7
    c = record.extras["contiguity"]
    rates = {e: dyad_formation(record, *e, c) for e in ((1816, 1914), (1946, 1989), (1990, 2018))}
    other = [t.loc["other", "rate"] for t in rates.values()]
    near = [t.loc["contiguous", "rate"] for t in rates.values()]
    assert max(other) / min(other) < 1.2 and 0.3 < min(other)
    assert max(near) / min(near) < 1.4 and min(near) > 10 * max(other)
    # with a major power, the other pairs' non-defence pacts: as frequent after 1990 as in 1946-1989, defence pacts far rarer
    m = {e: dyad_formation(record, *e, c, split_major=True).loc["other_major"] for e in ((1946, 1989), (1990, 2018))}
    nondef = {e: r["rate"] - r["rate_defense"] for e, r in m.items()}
    assert 0.7 < nondef[(1990, 2018)] / nondef[(1946, 1989)] < 1.5
    assert m[(1990, 2018)]["rate_defense"] < 0.25 * m[(1946, 1989)]["rate_defense"]


def test_by_kind_splits_the_pairs_by_kind_and_new_state_and_adds_up():
    h = _h([
        {"id": 1, "start": 1995, "end": None, "members": [2, 40], "obligations": ("consultation",)},
        {"id": 2, "start": 1996, "end": None, "members": [40, 41], "obligations": ("defense",)},
        {"id": 3, "start": 1997, "end": None, "members": [2, 20], "obligations": ("nonaggression",)},
    ])
    sy = h.state_years.copy()
    sy["major"] = sy["ccode"] == 2
    h.state_years = sy
    t = dyad_formation_by_kind(h, 1990, 1999, CONT, new_years=3)
    assert list(t.index.get_level_values(0).unique()) == list(KINDS)
    u = dyad_formation(h, 1990, 1999, CONT)
    assert t["dyad_years"].sum() == u["dyad_years"].sum() and t["pacts"].sum() == u["pacts"].sum()
    assert t.loc[("contiguous", False), "dyad_years"] == 10 and t.loc[("contiguous", False), "pacts"] == 1
    # 2 (major) with 40 all ten years, with 41 from 1994 (new to 1997 at new_years 3: 4 pair-years, then 2 old ones)
    assert t.loc[("major", False), "dyad_years"] == 10 + 2 and t.loc[("major", True), "dyad_years"] == 4
    assert t.loc[("major", False), "pacts"] == 1
    # 40 and 41 (both of the Americas, neither a neighbour at type 1): one region, 41 new in 1996
    assert t.loc[("region", True), "pacts"] == 1 and t.loc[("region", True), "rate_defense"] == t.loc[("region", True), "rate"]


def test_the_record_s_surge_after_1990_is_the_new_states_pairs(record):
    """ATOP 5.1, bilateral pacts: the pairs of two states in the system for more than ten years sign no more readily in
    1990-2018 than in 1946-1989 (0.33 against 0.63 per 1,000 dyad-years); the pairs with a new state (at most ten years in
    it) six times as readily as the old pairs (2.04; 0.53 in 1946-1989, when the new states of decolonisation signed no more
    than the old ones)."""
    c = record.extras["contiguity"]
    old, new = ({e: dyad_formation_by_kind(record, *e, c).xs(flag, level="new")[["dyad_years", "pacts"]].sum()
                 for e in ((1946, 1989), (1990, 2018))} for flag in (False, True))
    rate = lambda s: 1000.0 * s["pacts"] / s["dyad_years"]
    assert rate(old[(1990, 2018)]) < rate(old[(1946, 1989)])
    assert rate(new[(1990, 2018)]) > 5 * rate(old[(1990, 2018)])
