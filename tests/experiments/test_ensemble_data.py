"""An ensemble read as one dataset: the compacted copy of each table equals the per-run files, and is used only when it holds exactly the completed runs."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from foedus.analysis import ensemble as an
from foedus.analysis.ensemble_data import compacted_path, compacted_runs, dataset, read
from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore
from foedus.experiments.ensemble import compact_ensemble

from ._common import RUNS


@pytest.mark.parametrize("table", RUN_TABLES)
def test_a_complete_ensemble_is_compacted_and_reads_as_its_per_run_files(reference_ensemble, table):
    store = EnsembleStore.open(reference_ensemble)
    path = compacted_path(store, table)
    assert path.is_file() and compacted_runs(path) == [[0, RUNS - 1]]
    assert [str(p) for p in dataset(store, table).files] == [str(path)]
    pd.testing.assert_frame_equal(read(store, table), store.read_table(table), check_exact=True)
    # the per-run files stay, and a glob over *.parquet sees them alone
    assert len(list((reference_ensemble / table).glob("*.parquet"))) == RUNS
    assert not any(p.suffix == ".parquet" for p in path.parent.iterdir())


def test_a_stale_compacted_copy_is_ignored_and_rewritten(reference_ensemble, tmp_path):
    out = tmp_path / "ens"
    shutil.copytree(reference_ensemble, out)
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["completed"] = [[0, 3], [6, RUNS - 1]]  # as if runs 4 and 5 had not landed yet
    (out / "manifest.json").write_text(json.dumps(manifest))
    store = EnsembleStore.open(out)
    files = dataset(store, "states").files
    assert len(files) == RUNS - 2 and all("run-" in f for f in files)
    codes = sorted(set(store.read_table("states")["ccode"]))[:2]
    want = store.read_table("states", columns=["year", "ccode", "milex"])
    want = want[want["ccode"].isin(codes)].reset_index(drop=True)
    pd.testing.assert_frame_equal(read(store, "states", ["year", "ccode", "milex"], ccodes=codes), want, check_exact=True)
    assert compact_ensemble(store) is False  # runs are missing: nothing is written
    (out / "manifest.json").write_text(json.dumps(dict(manifest, completed=[[0, RUNS - 1]])))
    store = EnsembleStore.open(out)
    assert compact_ensemble(store) is False  # the copy already holds exactly these runs
    shutil.rmtree(out / "compacted")
    assert compact_ensemble(store) is True
    pd.testing.assert_frame_equal(an.summary(store), an.summary(EnsembleStore.open(reference_ensemble)), check_exact=True)
