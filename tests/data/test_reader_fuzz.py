"""Fuzzing the raw-file readers: a damaged file is read or refused with a SchemaError, never a crash.

Each publisher file of the mini record (tests/data/fixtures/mini) is damaged by Hypothesis (a span
cut, duplicated or replaced, a trailing comma, a cell blanked or made absurd) and read again: the
answer must be a table or a :class:`~foedus.schema.SchemaError` naming the file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foedus.data.atop import read_atop_alliances, read_atop_members
from foedus.data.conflict import read_arms_races, read_disputes, read_rivalries, read_wars
from foedus.data.cow import read_majors, read_nmc, read_states
from foedus.data.geography import read_contiguity
from foedus.schema import SchemaError

MINI = Path(__file__).parent / "fixtures" / "mini"
READERS = {
    "states2016.csv": read_states,
    "majors2016.csv": read_majors,
    "NMC-60-abridged.csv": read_nmc,
    "atop5_1a.csv": read_atop_alliances,
    "atop5_1m.csv": read_atop_members,
    "td_rivalries.csv": read_rivalries,
    "grh_arms_races.csv": read_arms_races,
    "MIDA 5.0.csv": read_disputes,
    "Inter-StateWarData_v4.0.csv": read_wars,
    "DirectContiguity320/contdir.csv": read_contiguity,
}
# a numeric warning inside a reader (NaN cast to an integer, say) means a damaged cell slipped through
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _damage(text: str, data) -> str:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, min(len(text), i + 120)))
    op = data.draw(st.sampled_from(["cut", "dup", "replace", "comma", "absurd"]))
    if op == "cut":
        return text[:i] + text[j:]
    if op == "dup":
        return text[:j] + text[i:j] + text[j:]
    if op == "comma":
        return text.replace("\n", ",\n")
    if op == "absurd":
        return text[:i] + data.draw(st.sampled_from(["-1e308", "9999999999", "nan", "inf", "", "\u00e9", "0x1F", "1,5"])) + text[j:]
    return text[:i] + data.draw(st.text(max_size=20)) + text[j:]


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.data())
def test_a_damaged_file_is_read_or_refused_cleanly(name, data):
    text = (MINI / name).read_text(encoding="utf-8")
    damaged = _damage(text, data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(name).name
        path.write_text(damaged, encoding="utf-8")
        try:
            READERS[name](path)
        except SchemaError as e:
            assert str(path) in str(e)
