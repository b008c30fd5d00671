"""Defects that ``benchmarks/fuzz.py`` found in the raw-file readers, each held to its fix.

Every damaged file here was read as valid (a wrong success) or crashed the reader (a
traceback); each must now be refused with a :class:`~foedus.schema.SchemaError` naming the file,
the line and the column.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from foedus.data.atop import read_atop_alliances, read_atop_dyad_years
from foedus.data.conflict import read_arms_races, read_disputes, read_rivalries, read_wars
from foedus.data.cow import read_majors, read_states
from foedus.data.csvio import read_csv
from foedus.data.geography import read_contiguity
from foedus.data.record import find_file
from foedus.schema import SchemaError

MINI = Path(__file__).parent / "fixtures" / "mini"


def _damaged(tmp_path: Path, name: str, line: int, column: str, value: str) -> Path:
    """A copy of the mini record's ``name`` with the cell (``line``, ``column``) replaced by ``value``."""
    rows = (MINI / name).read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    cells = rows[line - 1].split(",")
    cells[header.index(column)] = value
    rows[line - 1] = ",".join(cells)
    path = tmp_path / Path(name).name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _refused(read, path: Path, line: int | None, column: str | None, reason: str) -> None:
    with pytest.raises(SchemaError) as e:
        read(path)
    assert e.value.source == str(path) and str(path) in str(e.value)
    assert (e.value.row, e.value.column) == (line, column), str(e.value)
    assert reason in e.value.reason, str(e.value)


@pytest.mark.parametrize("value, reason", [("abc", "not a number"), ("3000000000", "outside 1000..9999"), ("2016.5", "not a whole year")])
def test_a_damaged_state_end_year_is_refused_not_read_as_an_open_spell(tmp_path, value, reason):
    # before: 'abc' became an open spell; 3e9 became the list's last year and closed every other open spell
    _refused(read_states, _damaged(tmp_path, "states2016.csv", 3, "endyear", value), 3, "endyear", reason)


def test_a_major_power_spell_from_before_the_calendar_is_refused(tmp_path):
    path = _damaged(tmp_path, "majors2016.csv", 2, "styear", "-5000")
    _refused(lambda p: read_majors(p, [2, 200, 220, 255, 365, 740]), path, 2, "start_year", "below 1000")


@pytest.mark.parametrize(
    "name, read, column, ours, value",
    [
        ("td_rivalries.csv", lambda p: read_rivalries(p), "styear", "start_year", "-5000"),
        ("grh_arms_races.csv", lambda p: read_arms_races(p), "styear", "start_year", "3000000000"),
        ("MIDA 5.0.csv", lambda p: read_disputes(p), "styear", "start_year", "3000000000"),
        ("Inter-StateWarData_v4.0.csv", lambda p: read_wars(p), "EndYear1", "EndYear1", "99999"),
    ],
)
def test_years_of_the_auxiliary_tables_are_bounded_like_the_canonical_ones(tmp_path, name, read, column, ours, value):
    path = _damaged(tmp_path, name, 2, column, value)
    with pytest.raises(SchemaError) as e:
        read(path)
    assert str(path) in str(e.value) and e.value.row is not None and e.value.column == ours, str(e.value)
    assert "9999" in e.value.reason or "1000" in e.value.reason


_ATOP_INST = "atopid,atopidphase,milinst,formal,version\n{a},{a},{m},0,5.1\n"


@pytest.mark.parametrize("atopid, milinst, column", [("abc", "1", "atopid"), ("1005", "x", "milinst"), ("1005", "7", "milinst"), ("-3", "1", "atopid")])
def test_a_damaged_institutionalisation_file_is_refused_not_ignored(tmp_path, atopid, milinst, column):
    inst = tmp_path / "atopinst5_1.csv"
    inst.write_text(_ATOP_INST.format(a=atopid, m=milinst), encoding="utf-8")
    _refused(lambda p: read_atop_alliances(MINI / "atop5_1a.csv", p), inst, 2, column, "")
    # a blank milinst (not coded by Leeds & Anac) is still read
    inst.write_text(_ATOP_INST.format(a="1005", m=""), encoding="utf-8")
    read_atop_alliances(MINI / "atop5_1a.csv", inst)


def test_a_damaged_cell_in_a_row_of_no_contiguity_is_not_skipped_unseen(tmp_path):
    path = tmp_path / "cow_contdir.csv"
    path.write_text("ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920-01-10,2016-12-31\n1.5x,225,0,1870-02-01,1871-01-01\n", encoding="utf-8")
    _refused(lambda p: read_contiguity(p), path, 3, "ccode1", "not an integer")


@pytest.mark.parametrize("header", ["source,target,sign,sign", "source, source,target,sign"])
def test_a_column_named_twice_in_the_header_is_refused_by_name(tmp_path, header):
    # before: pandas renamed an exact twin 'sign.1' and read the first silently; a twin after trimming crashed
    path = tmp_path / "edges.csv"
    path.write_text(header + "\na,b,1,1\n", encoding="utf-8")
    twice = "sign" if header.endswith("sign,sign") else "source"
    _refused(lambda p: read_csv(p, ["source", "target", "sign"]), path, 1, twice, "appears twice")


def test_a_corrupt_gzip_is_refused_not_crashed_on(tmp_path):
    data = gzip.compress(("ccode1,ccode2,year\n" + "2,20,1950\n" * 20000).encode())
    path = tmp_path / "atop_alliance.csv.gz"
    path.write_bytes(data[:100] + bytes(range(200)) + data[300:])  # zlib: "invalid distance too far back"
    with pytest.raises(SchemaError, match="cannot be read as CSV") as e:
        read_atop_dyad_years(path, [2, 20])
    assert str(path) in str(e.value)


def test_a_row_pandas_cannot_tokenise_is_located(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n3,\"4\n5,6\n", encoding="utf-8")
    with pytest.raises(SchemaError) as e:
        read_csv(path, ["a", "b"])
    assert e.value.row == 3, str(e.value)


@pytest.mark.parametrize("kind", ["fifo", "dir", "link"])
def test_an_optional_file_that_is_not_a_regular_file_is_an_error_not_skipped(tmp_path, kind):
    # before: a FIFO named cow_war_inter.csv was skipped and the import succeeded without wars
    p = tmp_path / "peacesciencer" / "cow_war_inter.csv"
    p.parent.mkdir()
    {"fifo": os.mkfifo, "dir": os.mkdir, "link": lambda q: os.symlink("/dev/zero", q)}[kind](p)
    with pytest.raises(SchemaError, match="not a regular file") as e:
        find_file(tmp_path, "wars", required=False)
    assert str(p) in str(e.value)
    assert find_file(tmp_path, "arms_races", required=False) is None  # an absent optional file is still fine


@pytest.mark.parametrize("line, reason", [(2, "12 cells under a header of 10"), (3, "cannot be read as CSV")])
def test_a_data_row_wider_than_the_header_is_refused_at_its_line(tmp_path, line, reason):
    # before: a first data row wider than the header made pandas take the first column as the index, silently,
    # and a reader then crashed on it; a later one pandas refuses itself, and its line is now kept
    path = tmp_path / "states2016.csv"
    lines = (MINI / "states2016.csv").read_text(encoding="utf-8").splitlines()
    lines[line - 1] += ",USA,1"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _refused(read_states, path, line, None, reason)


def test_a_delimiter_ending_every_data_row_is_read_as_absent(tmp_path):
    path = tmp_path / "states2016.csv"
    lines = (MINI / "states2016.csv").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0]] + [ln + "," for ln in lines[1:]]) + "\n", encoding="utf-8")
    import pandas as pd

    pd.testing.assert_frame_equal(read_states(path), read_states(MINI / "states2016.csv"))


@pytest.mark.parametrize("value, reason", [("inf", "not a finite whole number"), ("-inf", "not a finite whole number"),
                                           ("1e308", "too large for a whole number"), ("-1e308", "too large for a whole number")])
@pytest.mark.parametrize("column, ours", [("ccode", "ccode"), ("styear", "start_year"), ("endyear", "end_year")])
def test_an_infinite_or_huge_number_in_an_integer_column_is_refused_not_a_cast_error(tmp_path, column, ours, value, reason):
    # before: pandas' IntCastingNaNError (inf) escaped the reader, a traceback instead of a refusal
    _refused(read_majors, _damaged(tmp_path, "majors2016.csv", 3, column, value), 3, ours, reason)
