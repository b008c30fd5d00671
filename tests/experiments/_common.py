"""Constants and helpers shared by the ensemble tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from foedus.testing import synthetic_scenario

TINY = dict(n=7, seed=11, years=6, alliances=2, cyber=True)
"""A tiny synthetic scenario: 7 states, 6 years, 2 pacts at the start (fast runs)."""

KNOBS = ("great_power_competition=0.1:0.9", "reactivity=0.05:0.3")
RUNS = 10
SEED = 4242


def tiny_scenario():
    return synthetic_scenario(TINY["n"], seed=TINY["seed"], years=TINY["years"], alliances=TINY["alliances"], cyber=TINY["cyber"])


def parquet_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every Parquet file of an ensemble (the runs' tables and the design)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*.parquet"))}
