"""Malformed input is rejected with file, line, column and reason (hand-made files in fixtures/malformed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.data.atop import read_atop_alliances, read_atop_members
from foedus.data.conflict import read_disputes, read_rivalries, read_wars
from foedus.data.cow import read_states
from foedus.data.cow_alliances import read_cow_alliances
from foedus.data.csvio import read_csv
from foedus.data.geography import read_capitals, read_contiguity
from foedus.schema import SchemaError

MALFORMED = Path(__file__).parent / "fixtures" / "malformed"
KNOWN = [2, 20, 31, 200, 220, 255]

CASES = [
    # file, reader, line, column, words in the reason
    ("atop5_1m_unknown_ccode.csv", lambda p: read_atop_members(p, KNOWN), 3, "ccode", "unknown state code 999"),
    ("atop5_1m_exit_before_entry.csv", read_atop_members, 4, "exit_year", "exit before entry"),
    ("atop5_1m_missing_column.csv", read_atop_members, None, "yrent", "missing column"),
    ("atop5_1m_duplicate.csv", read_atop_members, 4, "agreement_id", "duplicate key"),
    ("atop5_1a_wrong_type.csv", read_atop_alliances, 3, "start_year", "not a number: 'nineteen hundred'"),
    ("states_exit_before_entry.csv", read_states, 3, "end_year", "end_year before start_year"),
    ("states_year_out_of_range.csv", read_states, 3, "start_year", "above 9999"),
    ("atop5_1a_year_out_of_range.csv", read_atop_alliances, 3, "start_year", "below 1000"),
    ("states_truncated.csv", read_states, 3, None, "cut short"),
    ("atop5_1a_bad_ineffect.csv", read_atop_alliances, 3, "ineffect", "not an integer: ':1'"),
    ("cow_war_inter_no_end.csv", read_wars, 2, "EndYear1", "without its end year"),
    ("contdir_wrong_type.csv", read_contiguity, 3, "conttype", "not a number: 'water'"),
    ("cow_contdir_unknown_ccode.csv", lambda p: read_contiguity(p, KNOWN), 5, "ccode1", "unknown state code 998"),
    ("cow_capitals_bad_date.csv", read_capitals, 3, "stdate", "not a date"),
    ("td_rivalries_unknown_type.csv", read_rivalries, 2, "type2", "unknown rivalry type 'economic'"),
    ("cow_war_inter_same_side.csv", read_wars, 3, "side2", "opposite sides"),
    ("mida_duplicate.csv", read_disputes, 4, "dispnum", "duplicate key (dispnum=9001)"),
    ("alliance_v4.1_exit_before_entry.csv", read_cow_alliances, 3, "exit_year", "exit before entry"),
    ("alliance_v4.1_inconsistent_dates.csv", read_cow_alliances, 3, "all_st_year", "alliance dates differ"),
]


@pytest.mark.parametrize(("name", "reader", "line", "column", "reason"), CASES, ids=[c[0] for c in CASES])
def test_malformed_file_is_rejected_with_line_column_and_reason(name, reader, line, column, reason):
    path = MALFORMED / name
    with pytest.raises(SchemaError) as e:
        reader(path)
    err = e.value
    assert err.source == str(path)
    assert (err.row, err.column) == (line, column)
    assert reason in err.reason
    assert str(path) in str(err) and (line is None or f"line {line}" in str(err))


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(SchemaError, match="file not found"):
        read_csv(tmp_path / "nope.csv", ["a"])
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(SchemaError, match="empty"):
        read_csv(tmp_path / "empty.csv", ["a"])


def test_every_malformed_fixture_is_exercised():
    files = {p.name for p in MALFORMED.glob("*.csv")}
    assert files == {c[0] for c in CASES}
