import pytest

from foedus.data.runs import read_history_dir, write_history_dir
from foedus.schema import SchemaError


def test_history_round_trip_is_byte_stable(record, tmp_path):
    a = write_history_dir(record, tmp_path / "a")
    b = write_history_dir(read_history_dir(a), tmp_path / "b")
    for f in sorted(a.glob("*.parquet")):
        assert f.read_bytes() == (b / f.name).read_bytes(), f.name
    back = read_history_dir(b)
    assert back.meta == record.meta
    assert back.last_year == record.last_year
    assert len(back.agreements) == len(record.agreements)
    assert back.agreements["end_year"].isna().sum() == record.agreements["end_year"].isna().sum()


def test_missing_table_is_named(record, tmp_path):
    d = write_history_dir(record, tmp_path / "h")
    (d / "events.parquet").unlink()
    with pytest.raises(SchemaError, match="events.parquet"):
        read_history_dir(d)
