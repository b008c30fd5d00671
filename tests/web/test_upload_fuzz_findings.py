"""Defects ``benchmarks/fuzz.py`` found in the dashboard's upload (``POST /api/jobs``)."""

from __future__ import annotations

from foedus.testing import synthetic_scenario


def test_a_scenario_seed_out_of_the_runs_range_is_named_as_the_files_field(small_client):
    # before: "form field 'seed': 1000...000 is outside 0-4294967295" for a request that sent no seed
    text = synthetic_scenario(5, seed=1, years=3, alliances=1).to_yaml().replace("seed: 1\n", "seed: " + "1" + "0" * 400 + "\n", 1)
    res = small_client.post("/api/jobs", files={"file": ("big-seed.yaml", text.encode(), "application/x-yaml")}, headers={"Origin": "http://testserver"})
    assert res.status_code == 422
    msg = res.json()["error"]
    assert msg.startswith("big-seed.yaml, field 'seed': 100000000000... (401 digits) is outside 0-4294967295"), msg
    # the form field still overrides it
    res = small_client.post("/api/jobs", files={"file": ("big-seed.yaml", text.encode(), "application/x-yaml")}, data={"seed": "7", "years": "2"})
    assert res.status_code in (202, 429), res.text
