"""Fuzzing the scenario boundary: any text or file is a Scenario or a ScenarioError, never a crash.

Hypothesis throws random text, mutated built-in scenarios and structured garbage at
``Scenario.from_text``; every answer must be a validated scenario or a :class:`ScenarioError`
that names the source (a traceback of any other exception is a defect).
"""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foedus.sim.scenario import Scenario, ScenarioError

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def _europe_yaml() -> str:
    return Scenario.builtin("europe-1871").to_yaml()


def _answer(text: str, toml: bool = False) -> None:
    try:
        sc = Scenario.from_text(text, source="fuzz.yaml", toml=toml)
    except ScenarioError as e:
        assert str(e).startswith("fuzz.yaml"), str(e)
    else:
        assert isinstance(sc, Scenario)


@FUZZ
@given(st.text(max_size=400))
def test_random_text_is_refused_cleanly(text):
    _answer(text)
    _answer(text, toml=True)


_YAMLISH = st.sampled_from(["[", "]", "{", "}", ":", "- ", "&a ", "*a", "!!python/object ", "? ", "|", ">", "'", '"', "\n", "  ", "1e999", "nan", "~", "#"])


@FUZZ
@given(st.lists(_YAMLISH, max_size=200).map("".join))
def test_yaml_punctuation_is_refused_cleanly(text):
    _answer("name: x\nactors: " + text)


@FUZZ
@given(st.data())
def test_mutated_scenarios_are_valid_or_refused_cleanly(data):
    """Cut, duplicate or replace a span of a real scenario's text."""
    text = _europe_yaml()
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, min(len(text), i + 200)))
    op = data.draw(st.sampled_from(["cut", "dup", "replace"]))
    if op == "cut":
        mutated = text[:i] + text[j:]
    elif op == "dup":
        mutated = text[:j] + text[i:j] + text[j:]
    else:
        mutated = text[:i] + data.draw(st.text(max_size=30)) + text[j:]
    _answer(mutated)


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=40))
def test_structured_garbage_is_refused_cleanly(value):
    try:
        Scenario.from_dict({"name": "x", "start_year": 1900, "actors": value}, source="fuzz.yaml")
    except ScenarioError as e:
        assert str(e).startswith("fuzz.yaml")
