"""The successions table (foedus.data.succession) agrees with the COW state list it names."""

from __future__ import annotations

import pytest

from foedus.data.membership import member_years
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table
from foedus.data.succession import KINDS, SUCCESSIONS, lineage


@pytest.fixture(scope="module")
def states():
    try:
        return table(default_data_dir(), "states")
    except (FileNotFoundError, OSError):
        pytest.skip("the COW state list is not at hand")


def test_each_row_names_states_of_the_list_with_their_first_years(states):
    first = states.groupby("ccode")["start_year"].min()
    yrs = member_years(states)
    for s in SUCCESSIONS:
        assert s.kind in KINDS
        assert first[s.predecessor] == s.predecessor_since, s  # the predecessor's first year in the list
        assert first[s.successor] <= s.year + 1 and s.year - 1 <= states.loc[states["ccode"] == s.successor, "start_year"].max(), s
        assert s.predecessor_since <= s.year
        spells = yrs[yrs["ccode"] == s.predecessor]
        member = bool(((spells["first"] <= s.year) & (spells["last"].fillna(9999) >= s.year)).any())  # on 31 December of the year
        assert member == (s.kind == "secession"), s  # a dissolution's predecessor is gone, a secession's parent is still there
    assert len({s.successor for s in SUCCESSIONS}) == len(SUCCESSIONS)  # one predecessor each


def test_lineage_reads_the_table_by_kind():
    pred, since, sec = lineage([316, 2, 344])
    assert pred == [315, -1, 345] and since == [1918, -1, 1878] and sec == [0, 0, 1]
    assert lineage([344], kinds=("dissolution",))[0] == [-1]
