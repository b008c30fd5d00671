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


def test_the_copy_written_while_runs_land_equals_the_copy_written_after(reference_ensemble, tmp_path, monkeypatch):
    """run_ensemble writes the compacted copy as the runs land (StreamingCompactor, issue 16); it is the same table,
    and the after-the-fact compaction (here disabled, so that it cannot be the writer) is not needed for it."""
    import foedus.experiments.ensemble as ens

    from ._common import KNOBS, SEED, tiny_scenario

    monkeypatch.setattr(ens, "compact_ensemble", lambda store: False)
    out = tmp_path / "streamed"
    store = ens.run_ensemble(tiny_scenario(), runs=RUNS, out=out, seed=SEED, knobs=KNOBS, workers=1, processes=False)
    ref = EnsembleStore.open(reference_ensemble)
    for table in RUN_TABLES:
        path = compacted_path(store, table)
        assert path.is_file() and compacted_runs(path) == [[0, RUNS - 1]], table
        pd.testing.assert_frame_equal(read(store, table), read(ref, table), check_exact=True)
        pd.testing.assert_frame_equal(read(store, table), store.read_table(table), check_exact=True)
    assert not list((out / "compacted").glob("*.tmp"))


def test_streaming_compactor_orders_runs_and_discards_an_unfinished_copy(reference_ensemble, tmp_path):
    """Runs landing in any order are appended in run order, one row group per chunk; an incomplete session renames nothing."""
    import pyarrow.parquet as pq

    from foedus.experiments.compaction import StreamingCompactor, ipc_bytes

    def fresh(name):
        out = tmp_path / name
        shutil.copytree(reference_ensemble, out)
        shutil.rmtree(out / "compacted")
        return EnsembleStore.open(out)

    def tables(store, i):
        return {t: ipc_bytes(pq.read_table(store.run_file(t, i))) for t in RUN_TABLES}

    store = fresh("shuffled")
    sink = StreamingCompactor(store, chunk=3)
    for i in [2, 0, 5, 1, 4, 3, 9, 8, 6, 7]:
        sink.add(i, tables(store, i))
    assert sink.close(complete=True)
    for table in RUN_TABLES:
        f = pq.ParquetFile(compacted_path(store, table))
        assert f.metadata.num_row_groups == 4  # 3 + 3 + 3 + 1 runs
        pd.testing.assert_frame_equal(read(store, table), store.read_table(table), check_exact=True)

    store = fresh("interrupted")
    sink = StreamingCompactor(store, chunk=3)
    for i in range(5):
        sink.add(i, tables(store, i))
    assert not sink.close(complete=False)
    assert not (store.path / "compacted").exists() or not list((store.path / "compacted").iterdir())
