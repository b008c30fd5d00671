"""A scenario's text is bounded before it is parsed or validated: no input crashes, hangs or slips through.

Each bad input is rejected with a ScenarioError naming the file (or upload), and the line where
known; numbers must be finite and years plausible.
"""

from __future__ import annotations

import math
import os

import pytest

from foedus.sim.scenario import Scenario, ScenarioError, builtin_names
from foedus.sim.scenario_text import MAX_SCENARIO_BYTES, MAX_SCENARIO_DEPTH


def test_a_deeply_nested_yaml_is_rejected_before_it_is_built():
    """About 50 kB of nested lists once crashed the YAML parser (and the dashboard with it)."""
    bomb = "name: x\nactors: " + "[" * 25_000 + "]" * 25_000 + "\n"
    with pytest.raises(ScenarioError, match=f"nested more than {MAX_SCENARIO_DEPTH} levels.*") as e:
        Scenario.from_text(bomb, source="upload.yaml")
    assert str(e.value).startswith("upload.yaml, line 2")
    block = "name: x\nactors:\n" + "- " * 40 + "1\n"  # block style: 40 nested lists on one line
    with pytest.raises(ScenarioError, match="nested more than"):
        Scenario.from_text(block, source="b.yaml")


def test_a_deeply_nested_toml_is_rejected():
    bomb = "name = 'x'\nactors = " + "[" * 5_000 + "]" * 5_000 + "\n"
    with pytest.raises(ScenarioError, match="nested more than"):
        Scenario.from_text(bomb, source="s.toml", toml=True)


def test_yaml_aliases_are_refused():
    laughs = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    with pytest.raises(ScenarioError, match=r"alias \*a is not allowed") as e:
        Scenario.from_text(laughs, source="l.yaml")
    assert "line 2" in str(e.value)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", ".inf", ".nan"])
def test_infinite_or_missing_figures_are_errors(value):
    text = Scenario.builtin("europe-1871").to_yaml().replace("milex: ", f"milex: {value} #", 1)
    with pytest.raises(ScenarioError, match="finite|valid number|greater than or equal"):
        Scenario.from_text(text, source="f.yaml")


@pytest.mark.parametrize("year", [10**12, -5000, 1499, 3001])
def test_implausible_years_are_errors(year):
    sc = Scenario.builtin("europe-1871")
    text = sc.to_yaml().replace(f"start_year: {sc.start_year}", f"start_year: {year}", 1)
    with pytest.raises(ScenarioError, match="start_year"):
        Scenario.from_text(text, source="y.yaml")


def test_files_that_are_not_regular_files_are_refused(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match="not a regular file") as e:
        Scenario.from_file(fifo)  # would block forever if opened
    assert str(fifo) in str(e.value)
    with pytest.raises(ScenarioError, match="not a regular file"):
        Scenario.from_file(tmp_path)


def test_a_large_or_undecodable_file_is_refused_naming_it(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(MAX_SCENARIO_BYTES + 1)
    with pytest.raises(ScenarioError, match="larger than") as e:
        Scenario.from_file(big)
    assert str(big) in str(e.value)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: Österreich\n".encode("latin-1"))
    with pytest.raises(ScenarioError, match="not UTF-8") as e:
        Scenario.from_file(latin)
    assert str(latin) in str(e.value) and "line 1" in str(e.value)


def test_the_built_in_scenarios_pass_the_bounds():
    for name in builtin_names():
        sc = Scenario.builtin(name)
        assert math.isfinite(sum(a.milex for a in sc.actors))


def test_a_field_name_with_brackets_is_located_not_crashed_on():
    """Found by fuzzing: an unknown key 'm[ilper' once broke the search for the offending line."""
    text = Scenario.builtin("europe-1871").to_yaml().replace("milper:", "m[ilper:", 1)
    with pytest.raises(ScenarioError, match=r"field 'actors\[0\]\.m\[ilper'.*Extra inputs") as e:
        Scenario.from_text(text, source="f.yaml")
    assert "line" in str(e.value)


def test_docstring_examples_hold():
    import doctest

    from foedus.sim import scenario_text

    assert doctest.testmod(scenario_text, raise_on_error=False).failed == 0


def test_a_deep_toml_names_its_line():
    """Found by benchmarks/fuzz.py: the TOML refusal named no line."""
    bomb = "name = 'x'\nstart_year = 1900\nactors = " + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(ScenarioError, match="nested more than") as e:
        Scenario.from_text(bomb, source="s.toml", toml=True)
    assert str(e.value).startswith("s.toml, line 3")


def test_a_character_yaml_refuses_names_its_line():
    """Found by benchmarks/fuzz.py: a NUL byte was reported by its offset in the text, not its line."""
    with pytest.raises(ScenarioError, match="unacceptable character #x0000") as e:
        Scenario.from_text("name: x\nstart_year: 1900\nactors: [a\x00]\n", source="n.yaml")
    assert str(e.value).startswith("n.yaml, line 3")


def test_a_toml_error_names_its_line_even_at_the_end_of_the_document():
    """Found by benchmarks/fuzz.py: 'Unclosed array (at end of document)' named no line."""
    with pytest.raises(ScenarioError, match="at end of document") as e:
        Scenario.from_text("name = 'x'\nactors = [1,\n", source="t.toml", toml=True)
    assert str(e.value).startswith("t.toml, line 3")
    with pytest.raises(ScenarioError) as e:
        Scenario.from_text("name = 'x'\nstart_year = = 3\n", source="t.toml", toml=True)
    assert str(e.value).startswith("t.toml, line 2")
