"""Rivalries in force, begun and ended, measured alike on the record and on a simulated history (foedus.analysis.rivalry_facts)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.rivalry_facts import by_decade, history_spells, record_spells, rivalry_facts
from foedus.data.membership import members_by_year
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table


def test_the_facts_of_a_small_history_by_hand():
    members = {y: np.array([1, 2, 3, 4]) for y in range(2000, 2010)}  # 6 pairs a year
    events = pd.DataFrame({
        "year": [2002, 2005, 2004], "kind": ["rivalry_onset", "rivalry_end", "rivalry_end"],
        "ccode": [3, 4, 2], "ccode2": [4, 3, 1], "agreement_id": [None] * 3, "detail": [None] * 3,
    })
    sp = history_spells([(1, 2)], events, 2000, 2009)
    assert sorted(map(tuple, sp[["ccode1", "ccode2", "start", "end", "ended"]].to_numpy().tolist())) == [(1, 2, 1999, 2004, True), (3, 4, 2002, 2005, True)]
    f = rivalry_facts(sp, members, 2000, 2009)
    # in force: 1-2 in 2000-2004 (5 years), 3-4 in 2002-2005 (4 years): 9 rivalry-years over 10 years of 4 members
    assert f["in_force_per_state"] == pytest.approx(9 / 10 / 4)
    # at risk of onset: 60 pair-years less the 9 in rivalry plus the onset year of 3-4
    assert f["onsets"] == 1 and f["onsets_per_pair_year"] == pytest.approx(1 / (60 - 9 + 1))
    assert f["ends"] == 2 and f["ends_per_rivalry_year"] == pytest.approx(2 / 9)
    assert f["begun"] == 1 and f["median_duration"] == 4.0  # 2002-2005; the inherited 1-2 is not a rivalry begun in the era
    dec = by_decade(sp, members, 2000, 2009)
    assert dec.to_dict("records") == [{"decade": "2000-2009", "in_force": 0.9, "onsets": 1, "ends": 2}]


def test_a_spell_still_going_is_censored_and_a_member_leaving_takes_its_rivalries_out_of_the_count():
    members = {2000: np.array([1, 2, 3]), 2001: np.array([1, 2, 3]), 2002: np.array([1, 2])}
    events = pd.DataFrame({"year": [2000], "kind": ["rivalry_onset"], "ccode": [2], "ccode2": [3]})
    sp = history_spells([], events, 2000, 2002)
    assert sp[["start", "end", "ended"]].to_numpy().tolist() == [[2000, 2002, False]]
    f = rivalry_facts(sp, members, 2000, 2002)
    assert f["ends"] == 0 and np.isinf(f["median_duration"])
    assert f["in_force_per_state"] == pytest.approx((1 / 3 + 1 / 3 + 0) / 3)


def test_the_record_counts_of_thompson_and_dreyer():
    d = default_data_dir()
    rec = record_spells(d)
    assert len(rec) == 197 and (rec["ccode1"] < rec["ccode2"]).all() and not rec.loc[rec["end"] == 2010, "ended"].any()
    members = members_by_year(table(d, "states"), 1946, 1989)
    f = rivalry_facts(rec, members, 1946, 1989)
    # 1946-1989: 79 rivalries begin (76 between two members in their start year), 41 end
    assert (f["begun"], f["onsets"], f["ends"]) == (79, 76, 41)
    assert 0.3 < f["in_force_per_state"] < 0.5 and f["median_duration"] == 35.0
