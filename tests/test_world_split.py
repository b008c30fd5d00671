"""``tools/world_split.py`` moves world field accesses to the parts, and only those of worlds (issue 11)."""

from __future__ import annotations

import ast
import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("world_split", ROOT / "tools" / "world_split.py")
ws = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("world_split", ws)  # its dataclasses look their module up
_spec.loader.exec_module(ws)

FIELDS = ws.part_fields(ROOT / "src" / "foedus" / "sim" / "world.py")


def split(code: str, returns: dict | None = None) -> tuple[str, "ws.Report"]:
    code = textwrap.dedent(code)
    tree = ast.parse(code)
    report = ws.Report()
    rets = ws.function_returns([tree]) if returns is None else returns
    return ws.rewrite_source(code, tree, rets, FIELDS, "<test>", report), report


def test_the_parts_hold_every_field_once():
    from foedus.sim.world import WorldInputs, WorldState

    assert set(FIELDS) == set(WorldInputs.__dataclass_fields__) | set(WorldState.__dataclass_fields__)
    assert not set(WorldInputs.__dataclass_fields__) & set(WorldState.__dataclass_fields__)
    assert FIELDS["hostility"] == "state" and FIELDS["distance_km"] == "inputs" and FIELDS["agreements"] == "state"


def test_worlds_are_followed_through_parameters_assignments_calls_and_tuples():
    new, report = split(
        """
        def step(world, rng):
            world.hostility[0, 1] = world.distance_km[0, 1]
            getattr(world, "milex")[0] = 1.0

        def make() -> tuple[World, int]:
            return build_world(sc), 1

        def helper():
            w = sim.world
            return w, 3

        def test_it():
            alone, _ = make()
            other, k = helper()
            moved = copy.deepcopy(other)
            for v in (alone, moved):
                v.trust.sum()
            return alone.year, other.cinc, moved.params, Simulation(sc).world.wars, self.world.year
        """
    )
    assert "world.state.hostility[0, 1] = world.inputs.distance_km[0, 1]" in new
    assert 'getattr(world.state, "milex")' in new
    assert "v.state.trust" in new
    assert "alone.state.year, other.state.cinc, moved.inputs.params, Simulation(sc).world.state.wars, self.world.state.year" in new
    assert not report.unknown


def test_names_that_are_not_worlds_are_left_alone():
    code = """
    def f(sc: Scenario, world):
        w = window(history, 1990, 2000)
        a = sc.actors[0]
        world = Simulation(sc)
        return sc.agreements, a.regime, w.agreements, world.year

    def g(w):
        return w.hostility
    """
    new, report = split(code)
    assert new == textwrap.dedent(code)
    # a name shaped like a world that the analysis cannot prove one is reported, not changed
    assert {u[2] for u in report.unproven} == {"w.agreements", "world.year", "w.hostility"}


def test_a_second_run_changes_nothing_and_unknown_names_are_reported():
    once, report = split("def f(world):\n    return world.economy + world.no_such_field, world.results.threat, world.n\n")
    twice, _ = split(once)
    assert once == twice == "def f(world):\n    return world.state.economy + world.no_such_field, world.results.threat, world.n\n"
    assert [u[2] for u in report.unknown] == ["no_such_field"]


def test_markdown_code_blocks_are_rewritten_and_prose_is_not():
    text = "The world (``world.hostility``) evolves.\n\n```python\nsim.world.hostility.mean()\n```\n"
    report = ws.Report()
    out = ws.rewrite_markdown(text, {}, FIELDS, "<md>", report)
    assert out == "The world (``world.hostility``) evolves.\n\n```python\nsim.world.state.hostility.mean()\n```\n"


@pytest.mark.parametrize("folder", ["src", "tests", "benchmarks"])
def test_the_package_reads_the_world_through_its_parts(folder):
    """Nothing of the package, its tests or benchmarks is left for the script to rewrite."""
    assert ws.main(["--check", "--root", str(ROOT), str(ROOT / folder)]) == 0


def test_prose_names_the_part_and_a_second_pass_changes_nothing():
    text = 'def f(world):\n    """Reads ``world.hostility`` and :attr:`~foedus.sim.world.World.entered`."""\n    return 1  # world.year\n'
    tree = ast.parse(text)
    once = ws.rewrite_prose_in(text, ws.prose_spans(text, tree), FIELDS)
    assert once == (
        'def f(world):\n    """Reads ``world.state.hostility`` and :attr:`~foedus.sim.world.WorldInputs.entered`."""\n'
        "    return 1  # world.state.year\n"
    )
    assert ws.rewrite_prose_in(once, ws.prose_spans(once, ast.parse(once)), FIELDS) == once


def test_a_namespace_standing_in_for_a_world_is_split_into_the_parts():
    new, report = split(
        """
        def test_it():
            world, yr = SimpleNamespace(major=m, distance_km=d, cache={}), SimpleNamespace(defends=x)
            actor = SimpleNamespace(regime=0.3)
            return world.major, world.distance_km, actor.regime
        """
    )
    assert "world, yr = SimpleNamespace(inputs=SimpleNamespace(distance_km=d), state=SimpleNamespace(major=m), cache={}), SimpleNamespace(defends=x)" in new
    assert "return world.state.major, world.inputs.distance_km, actor.regime" in new
    assert split(new)[0] == new
    assert [u[2] for u in report.unproven] == ["SimpleNamespace(regime=0.3)"]
