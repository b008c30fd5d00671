"""``tools/level_calibrate.py``: its bounds parser and the fact-by-fact comparison that decides a calibration (session 13)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("level_calibrate", ROOT / "tools" / "level_calibrate.py")
lc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lc)


def _fact(name, simulated, in_range, distance, era="1816-1914"):
    return {"era": era, "name": name, "record": 1.0, "simulated": simulated, "in_range": in_range, "distance": distance}


def test_parse_bounds_reads_each_item():
    assert lc.parse_bounds("treaty_cost:0.02:0.06:0.001, base_dissolution_hazard:0:0.03:0.001") == {
        "treaty_cost": (0.02, 0.06, 0.001), "base_dissolution_hazard": (0.0, 0.03, 0.001)}


@pytest.mark.parametrize("bad", ["", "treaty_cost:0.02:0.06", "treaty_cost:0.06:0.02:0.001", "treaty_cost:0:1:0", "treaty_cost:a:1:0.1"])
def test_parse_bounds_rejects_bad_items(bad):
    with pytest.raises(ValueError):
        lc.parse_bounds(bad)


def test_fact_changes_names_gains_losses_and_moves():
    before = [_fact("a", 0.4, False, 1.2), _fact("b", 0.9, True, 0.1), _fact("c", 0.5, True, 0.5), _fact("d", 0.5, True, 0.5)]
    after = [_fact("a", 0.8, True, 0.3), _fact("b", 2.5, False, 1.4), _fact("c", 0.9, True, 0.1), _fact("d", 0.52, True, 0.48)]
    got = {c["name"]: c["change"] for c in lc.fact_changes(before, after, min_distance=0.15)}
    assert got == {"a": "gained", "b": "lost", "c": "closer"}
    moved = lc.fact_changes(before, after, min_distance=0.15)[0]
    assert (moved["before"], moved["after"]) == (0.4, 0.8)


def test_fact_changes_keeps_eras_apart():
    before = [_fact("a", 0.4, False, 1.2, era="1816-1914"), _fact("a", 0.4, True, 0.2, era="1946-1989")]
    after = [_fact("a", 0.4, False, 1.2, era="1816-1914"), _fact("a", 0.1, False, 1.5, era="1946-1989")]
    assert [(c["era"], c["change"]) for c in lc.fact_changes(before, after)] == [("1946-1989", "lost")]


def test_former_soviet_codes_are_fifteen_states():
    assert len(lc.FORMER_SOVIET) == 15 and 365 in lc.FORMER_SOVIET and 2 not in lc.FORMER_SOVIET
