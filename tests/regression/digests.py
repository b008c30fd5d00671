"""Content digests of the simulator's outputs: the behaviour a restructuring must not change.

Each table of a run (and each Parquet file of a small ensemble) is reduced to one SHA-256 of its
column names, dtypes and row hashes (``pandas.util.hash_pandas_object``), so the digest depends on
the table's contents only, not on a file format's writer. Regenerate the stored digests only in a
commit that changes behaviour on purpose, and say why in its message::

    .venv/bin/python -m tests.regression.digests --write
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

import foedus  # noqa: F401  (first: pins numpy's and OpenBLAS's routines before pandas loads numpy; foedus._numerics)
import pandas as pd

SCENARIOS: tuple[str, ...] = ("world-2022", "europe-1871", "multipolar-1815", "bipolar-1950")
SEEDS: tuple[int, ...] = (1, 2, 3)
YEARS = 12
ENSEMBLE = dict(scenario="world-2022", runs=20, years=8, seed=11)
STORED = Path(__file__).with_name("digests.json")


def table_digest(df: pd.DataFrame) -> str:
    """SHA-256 of a table's columns, dtypes and row-wise content hashes (row order matters)."""
    h = hashlib.sha256()
    h.update(json.dumps([[str(c), str(t)] for c, t in df.dtypes.items()]).encode())
    h.update(pd.util.hash_pandas_object(df.reset_index(drop=True), index=False).to_numpy().tobytes())
    return h.hexdigest()


def run_digests(scenario: str, seed: int, years: int = YEARS) -> dict[str, str]:
    """Digest of every table of one run of a built-in scenario."""
    from foedus.sim import run_scenario

    history = run_scenario(scenario, years=years, seed=seed)
    names = ("states", "state_years", "agreements", "memberships", "events")
    out = {name: table_digest(getattr(history, name)) for name in names}
    out["window"] = f"{history.first_year}-{history.last_year}"
    return out


def ensemble_digests() -> dict[str, str]:
    """Digest of every Parquet file of a 20-run ensemble of world-2022 (one worker, threads)."""
    from foedus.experiments.ensemble import run_ensemble

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ens"
        spec = dict(ENSEMBLE)
        run_ensemble(spec.pop("scenario"), out=out, workers=1, processes=False, **spec)
        return {str(p.relative_to(out)): table_digest(pd.read_parquet(p)) for p in sorted(out.rglob("*.parquet"))}


def all_digests() -> dict:
    runs = {f"{sc}/seed={seed}": run_digests(sc, seed) for sc in SCENARIOS for seed in SEEDS}
    return {"runs": runs, "ensemble": ensemble_digests()}


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.regression.digests --write")
    STORED.write_text(json.dumps(all_digests(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {STORED}")
