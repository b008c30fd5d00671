import pandas as pd
import pytest

from foedus.schema import SchemaError, empty, power_tier, validate


def test_atop_zero_end_year_is_censoring_not_year_zero(record):
    a = record.agreements
    nato = a.set_index("agreement_id").loc[3180]
    assert nato["start_year"] == 1949
    assert pd.isna(nato["end_year"])
    assert nato["observed_until"] == 2018
    assert (a["end_year"].dropna() > 1800).all()
    assert a["end_year"].isna().sum() == 372  # ATOP 5.1: ineffect == 1 for 372 alliances


def test_nato_founding_members(record):
    m = record.memberships
    founders = set(m[(m.agreement_id == 3180) & (m.entry_year == 1949)]["ccode"])
    # North Atlantic Treaty, 4 April 1949: USA, Canada, UK, Netherlands, Belgium, Luxembourg,
    # France, Portugal, Italy, Norway, Denmark, Iceland.
    assert founders == {2, 20, 200, 210, 211, 212, 220, 235, 325, 385, 390, 395}


def test_validate_reports_line_and_column():
    df = pd.DataFrame({"ccode": [2, 20], "abb": ["USA", "CAN"], "name": ["a", "b"], "start_year": [1816, 1920], "end_year": [None, 1900]})
    with pytest.raises(SchemaError) as e:
        validate(df, "states", source="states.csv", line_offset=2)
    assert e.value.row == 3 and e.value.column == "end_year" and "states.csv" in str(e.value)


def test_validate_unknown_state_code_and_duplicates():
    df = pd.DataFrame({"ccode": [2, 2], "abb": ["USA", "USA"], "name": ["a", "a"], "start_year": [1816, 1816], "end_year": [None, None]})
    with pytest.raises(SchemaError, match="duplicate key"):
        validate(df, "states")
    with pytest.raises(SchemaError, match="unknown state code 2"):
        validate(df.iloc[:1], "states", known_ccodes=[20])


def test_validate_rejects_non_numbers_and_bad_choices():
    df = empty("events")
    df.loc[0] = [1900, "picnic", None, None, None, "{}"]
    with pytest.raises(SchemaError, match="not one of"):
        validate(df, "events")
    df = pd.DataFrame({"year": ["nineteen"], "kind": ["war"], "agreement_id": [None], "ccode": [None], "ccode2": [None], "detail": ["{}"]})
    with pytest.raises(SchemaError, match="not a number"):
        validate(df, "events")


def test_power_tier_rule():
    tiers = power_tier([0.2, 0.05, 0.02, 0.001, float("nan")], [True, True, False, False, False])
    assert list(tiers) == ["superpower", "great", "regional", "secondary", "secondary"]


def test_power_tier_military_reach_makes_a_superpower():
    tiers = power_tier([0.12, 0.12], [True, True], milex_share=[0.39, 0.05])
    assert list(tiers) == ["superpower", "great"]


def test_record_tiers_cold_war_and_today(record):
    sy = record.state_years.set_index(["ccode", "year"])["tier"]
    assert sy[(2, 1960)] == "superpower" and sy[(365, 1960)] == "superpower"
    assert sy[(2, 2016)] == "superpower"
    assert sy[(200, 1990)] == "great"  # United Kingdom after empire



def test_nullable_flag_keeps_unknown_as_missing():
    from foedus.schema import Column, TableSpec

    spec = TableSpec("t", (Column("flag", "bool", nullable=True),))
    out = validate(pd.DataFrame({"flag": [1, None, 0]}), spec)
    assert str(out["flag"].dtype) == "boolean" and out["flag"].isna().tolist() == [False, True, False]
    with pytest.raises(SchemaError, match="expected 0/1"):
        validate(pd.DataFrame({"flag": [2]}), spec)


def test_integer_columns_already_whole_keep_every_check():
    """Columns of an integer dtype skip the parsing (speed12b), not the checks: range, bounds, missing values."""
    import numpy as np
    import pandas as pd

    from foedus.schema import SchemaError, validate

    def states(ccode, end_year):
        return pd.DataFrame({"ccode": ccode, "abb": ["AAA", "BBB"], "name": ["A", "B"], "start_year": np.array([1900, 1900], np.int64), "end_year": end_year})

    ok = validate(states(np.array([2, 20], np.int64), pd.array([pd.NA, 1950], dtype="Int64")), "states")
    assert str(ok["ccode"].dtype) == "int64" and str(ok["end_year"].dtype) == "Int64" and ok["end_year"].isna().tolist() == [True, False]
    with pytest.raises(SchemaError, match="too large"):
        validate(states(np.array([2, 2**63 - 1], np.int64), pd.array([pd.NA, 1950], dtype="Int64")), "states")
    with pytest.raises(SchemaError, match="below 1"):
        validate(states(np.array([2, 0], np.int64), pd.array([pd.NA, 1950], dtype="Int64")), "states")
    with pytest.raises(SchemaError, match="missing value"):
        validate(states(pd.array([2, pd.NA], dtype="Int64"), pd.array([pd.NA, 1950], dtype="Int64")), "states")
