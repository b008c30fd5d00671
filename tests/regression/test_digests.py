"""Behaviour is byte-identical: every output table of 4 built-in scenarios x 3 seeds, and of a
20-run ensemble, has the content digest stored in ``digests.json``.

A restructuring keeps this green. A deliberate behaviour change regenerates the digests
(``python -m tests.regression.digests --write``) in its own commit that says why.
"""

from __future__ import annotations

import json

import pytest

from . import digests as d

STORED = json.loads(d.STORED.read_text())


@pytest.mark.parametrize("scenario", d.SCENARIOS)
def test_runs_reproduce_their_stored_digests(scenario):
    changed = {}
    for seed in d.SEEDS:
        key = f"{scenario}/seed={seed}"
        got = d.run_digests(scenario, seed)
        want = STORED["runs"][key]
        changed.update({f"{key}:{t}": (want.get(t), v) for t, v in got.items() if want.get(t) != v})
        assert set(got) == set(want), key
    assert not changed, f"tables changed: {sorted(changed)}"


def test_ensemble_reproduces_its_stored_digests():
    got = d.ensemble_digests()
    want = STORED["ensemble"]
    assert set(got) == set(want)
    changed = sorted(k for k in got if got[k] != want[k])
    assert not changed, f"ensemble files changed: {changed}"
