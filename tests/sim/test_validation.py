"""Validation against history: the record's stylised facts, and `foedus validate`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from foedus.cli import app
from foedus.sim.validation import PERIODS, stylised_facts, window


def test_record_facts_match_the_data_documentation(record):
    # ../shared/data/README.md, "Headline figures measured from atop/": 789 alliances begun
    # 1815-2018, 2.86 members on average, 1.68 begun per year before 1945.
    whole = stylised_facts(record, 1815, 2018)
    assert whole["alliances"] == 789
    assert whole["members_per_alliance"] == pytest.approx(2.86, abs=0.005)
    before = window(record, 1815, 1944)
    assert len(before.agreements) / 130 == pytest.approx(1.68, abs=0.005)
    # alliances still in force at the end of a window are right-censored, not ended
    w = window(record, 1950, 1989)
    assert w.agreements["end_year"].dropna().le(1989).all()
    assert (w.agreements["observed_until"] == 1989).all()


def test_validate_json_compares_both_periods(tmp_path):
    r = CliRunner().invoke(app, ["validate", "--json", "--seeds", "1"])
    assert r.exit_code == 0, r.output
    facts = json.loads(r.output)["facts"]
    assert {f["period"] for f in facts} == {p[0] for p in PERIODS.values()} | {"after/before 1945"}
    assert all(set(f) >= {"name", "period", "record", "simulated", "in_range"} for f in facts)
    by = {(f["name"], f["period"]): f for f in facts}
    # brief D2: the bipolar system's alliances outlive the multipolar system's, in the record and in the simulation
    contrast = by[("contrast_survival", "after/before 1945")]
    assert contrast["record"] > 1 and contrast["simulated"] > 1
