"""foedus.analysis.pair_kinds: signing pairs by kind of pair and strongest obligation."""

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.pair_kinds import (
    KINDS,
    PARTITION,
    formation_by_pair_kind,
    pair_kinds,
)
from foedus.testing import toy_history

# 2 (a major power, Western Hemisphere), 20 (its land neighbour), 40 (across water from 20), 365 and 390 (Europe),
# 771 (Asia, enters in 1995: new; its former ruler is 770, absent here)
STATES = {2: (1816, None), 20: (1920, None), 40: (1902, None), 365: (1816, None), 390: (1816, None), 771: (1995, None)}
CONT = pd.DataFrame({"ccode1": [2, 20, 365], "ccode2": [20, 40, 390], "conttype": [1, 3, 1], "start_year": [1920, 1920, 1900],
                     "end_year": [2016, None, None]})


def _h(alliances):
    return toy_history(alliances, first_year=1990, last_year=1999, majors=[2], states=STATES)


def test_the_exclusive_kinds_add_up_to_every_pair_and_every_pact():
    h = _h([
        {"id": 1, "start": 1991, "end": None, "members": [2, 20, 40], "obligations": ("defense",)},
        {"id": 2, "start": 1996, "end": None, "members": [2, 20], "obligations": ("nonaggression",)},
        {"id": 3, "start": 1997, "end": None, "members": [365, 771], "obligations": ("nonaggression",)},
        {"id": 4, "start": 1998, "end": None, "members": [40, 390], "obligations": ("consultation",)},
    ])
    t = formation_by_pair_kind(h, 1990, 1999, CONT)
    parts = t.loc[[f"P_{p}" for p in PARTITION]]
    assert parts["dyad_years"].sum() == t.loc["all", "dyad_years"] == 10 * 5 + 15 * 5  # 5 members (10 pairs) to 1994, 6 (15 pairs) from 1995
    assert parts["pairs"].sum() == t.loc["all", "pairs"] == 3 + 1 + 1 + 1
    assert parts["bilateral"].sum() == t.loc["all", "bilateral"] == 3
    # the bilateral pact of 2 and 20, allied since 1991, is a pact between allies (and between land neighbours)
    assert t.loc["P_allied", "bilateral_nonaggression"] == 1 and t.loc["contiguous", "bilateral_nonaggression"] == 1
    assert t.loc["P_new_other", "bilateral"] == 1  # 771 in its first ten years with an old state
    assert t.loc["P_far", "bilateral_consultation"] == 1  # 40 (Western Hemisphere) and 390 (Europe): no border, two regions
    # the overlapping kind "far" holds the new state's pact too (Europe and Asia): 2 pacts
    assert t.loc["far", "rate_bilateral"] == pytest.approx(2000.0 / t.loc["far", "dyad_years"])


def test_allies_and_common_allies_follow_the_memberships_in_force():
    h = _h([{"id": 1, "start": 1991, "end": 1994, "members": [2, 20]}, {"id": 2, "start": 1991, "end": None, "members": [20, 40]}])
    members = np.array([2, 20, 40, 365, 390])
    entry = h.states.groupby("ccode")["start_year"].min()
    k = pair_kinds(h, 1993, members, CONT, entry=entry, majors={2})
    assert k["allied"][0, 1] and k["allied"][1, 2] and not k["allied"][0, 2]
    assert k["common_ally"][0, 2] and k["common_ally"].sum() == 2  # 2 and 40 through 20, both orders
    later = pair_kinds(h, 1996, members, CONT, entry=entry, majors={2})
    assert not later["allied"][0, 1] and not later["common_ally"][0, 2]  # the first pact ended in 1994
    assert later["partition"][0, 1] == PARTITION.index("contiguous") and later["partition"][0, 3] == PARTITION.index("major")
    assert set(KINDS) - {"democratic", "rivals", "common_rival"} <= set(later)


def test_rivalries_and_democracies_are_kinds_only_when_their_tables_are_given():
    h = _h([{"id": 1, "start": 1992, "end": None, "members": [365, 390], "obligations": ("nonaggression",)}])
    riv = pd.DataFrame({"ccode1": [20, 20], "ccode2": [365, 390], "start_year": [1950, 1950], "end_year": [2010, 2010]})
    dem = pd.Series(8.0, index=pd.MultiIndex.from_product([[365, 390], range(1990, 2000)]))
    t = formation_by_pair_kind(h, 1990, 1999, CONT, rivalries=riv, democracy=dem)
    assert t.loc["common_rival", "bilateral"] == 1 and t.loc["common_rival", "dyad_years"] == 10
    assert t.loc["democratic", "bilateral_nonaggression"] == 1 and t.loc["democratic", "dyad_years"] == 10
    assert "democratic" not in formation_by_pair_kind(h, 1990, 1999, CONT).index
