"""run_table: the same Arrow table, schema and Parquet bytes as inserting the run column and ``Table.from_pandas``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from foedus.data.ensemble_store import parquet_bytes, run_table
from foedus.experiments.compaction import ipc_bytes


def _reference(df: pd.DataFrame, index: int) -> pa.Table:
    """What the runner did before run_table: insert the run column, then ``from_pandas``."""
    df = df.copy()
    df.insert(0, "run", np.full(len(df), int(index), dtype=np.int64))
    return pa.Table.from_pandas(df, preserve_index=False, nthreads=1)


def _frames(seed: int) -> list[pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    tiers = rng.choice(["superpower", "great", "regional", "secondary"], n)
    states = pd.DataFrame(
        {
            "year": np.arange(n, dtype=np.int64) + 2000,
            "milex": np.where(rng.random(n) < 0.2, np.nan, rng.random(n)),
            "major": rng.random(n) < 0.3,
            "tier": pd.Categorical(tiers, categories=("superpower", "great", "regional", "secondary")),
        }
    )
    kinds = rng.choice(np.array(["alliance", "coalition", None], dtype=object), n)
    spells = pd.DataFrame({"agreement_id": rng.integers(0, 9, n), "kind": kinds, "censored": rng.random(n) < 0.5})
    return [states, spells]


@pytest.mark.parametrize("seed", range(8))
def test_run_table_gives_from_pandas_bytes(seed):
    for df in _frames(seed):
        before = df.copy()
        for index in (0, seed + 3):  # the second call of a shape uses the kept schema
            got, want = run_table(df, index), _reference(df, index)
            assert got.schema.equals(want.schema, check_metadata=True)
            assert got.equals(want)
            assert parquet_bytes(got) == parquet_bytes(want)
            assert ipc_bytes(got) == ipc_bytes(want)
        pd.testing.assert_frame_equal(df, before)  # df itself is left as it was (no run column)


@pytest.mark.parametrize(
    "kind",
    [
        pd.Series([], dtype=object),
        pd.Series([None, None, None], dtype=object),  # no string: Arrow's null type, not the kept schema's
        pd.Series([1, 2, 3], dtype=object),  # integers in an object column
        pd.Series(["a", np.nan, "b"], dtype=object),
    ],
)
def test_run_table_odd_columns_fall_back(kind):
    shaped = pd.DataFrame({"kind": ["x"] * max(len(kind), 1), "n": np.arange(max(len(kind), 1))})
    run_table(shaped.iloc[: len(kind)] if len(kind) else shaped, 1)  # keeps a schema of a string column
    df = pd.DataFrame({"kind": kind, "n": np.arange(len(kind), dtype=np.int64)})
    got, want = run_table(df, 5), _reference(df, 5)
    assert got.schema.equals(want.schema, check_metadata=True)
    assert parquet_bytes(got) == parquet_bytes(want)
