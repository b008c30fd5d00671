"""Running ensembles: seeds, same bytes whatever the workers, per-run writes, resumption after a kill."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.sim.ensemble import EnsembleStore, RUN_TABLES, resume_ensemble, run_ensemble, run_seed
from foedus.sim.ensemble.store import _from_ranges, _ranges

from ._common import KNOBS, RUNS, SEED, TINY, parquet_digests

ROOT = Path(__file__).resolve().parents[2]


def test_run_seed_is_the_spawned_child_state():
    children = np.random.SeedSequence(99).spawn(5)
    for i, child in enumerate(children):
        assert run_seed(99, i) == int(child.generate_state(1, np.uint64)[0])
    assert len({run_seed(99, i) for i in range(1000)}) == 1000
    with pytest.raises(ValueError):
        run_seed(-1, 0)


def test_ranges_round_trip():
    idx = [0, 1, 2, 5, 7, 8]
    assert _ranges(idx) == [[0, 2], [5, 5], [7, 8]]
    assert _from_ranges(_ranges(idx)) == set(idx)
    assert _ranges([]) == []


def test_reference_ensemble_layout(reference_ensemble):
    store = EnsembleStore.open(reference_ensemble)
    assert store.completed() == list(range(RUNS)) and store.missing() == []
    m = json.loads((reference_ensemble / "manifest.json").read_text())
    assert m["completed"] == [[0, RUNS - 1]] and m["runs_done"] == RUNS
    assert [k["name"] for k in m["knobs"]] == ["trends.great_power_competition", "parameters.reactivity"]
    for t in RUN_TABLES:
        files = sorted((reference_ensemble / t).glob("*.parquet"))
        assert len(files) == RUNS
        df = store.read_table(t)
        assert sorted(df["run"].unique()) == list(range(RUNS))
    system = store.read_table("system")
    assert system.groupby("run")["year"].apply(list).map(lambda y: y == list(range(2000, 2000 + TINY["years"]))).all()
    exp = store.experiments()
    assert exp["seed"].tolist() == [run_seed(SEED, i) for i in range(RUNS)]
    # the knob values reached the runs: two runs differing only in knobs differ in outcomes
    assert system.groupby("run")["milex"].sum().nunique() == RUNS


def test_same_bytes_with_two_workers(tmp_path, tiny, reference_ensemble):
    out = tmp_path / "two"
    run_ensemble(tiny, runs=RUNS, out=out, seed=SEED, knobs=KNOBS, workers=2, processes=False)
    assert parquet_digests(out) == parquet_digests(reference_ensemble)


def test_existing_ensemble_needs_resume_and_the_same_definition(tmp_path, tiny, reference_ensemble):
    with pytest.raises(FileExistsError, match="resume"):
        run_ensemble(tiny, runs=RUNS, out=reference_ensemble, seed=SEED, knobs=KNOBS, workers=1, processes=False)
    with pytest.raises(ValueError, match="seed: ensemble has 4242, asked 1"):
        run_ensemble(tiny, runs=RUNS, out=reference_ensemble, seed=1, knobs=KNOBS, resume=True, workers=1, processes=False)
    # resuming a complete ensemble runs nothing and changes no result
    before = parquet_digests(reference_ensemble)
    calls = []
    run_ensemble(tiny, runs=RUNS, out=reference_ensemble, seed=SEED, knobs=KNOBS, resume=True, progress=lambda d, t: calls.append(d), processes=False)
    assert calls == [] and parquet_digests(reference_ensemble) == before


def test_bad_arguments(tmp_path, tiny):
    with pytest.raises(ValueError, match="runs must lie"):
        run_ensemble(tiny, runs=0, out=tmp_path / "x")
    with pytest.raises(ValueError, match="design must be one of"):
        run_ensemble(tiny, runs=2, out=tmp_path / "x", design="sobol")
    with pytest.raises(ValueError, match="--vary 'cyber=2:3'"):
        run_ensemble(tiny, runs=2, out=tmp_path / "x", knobs=["cyber=2:3"])
    assert not (tmp_path / "x").exists()


_KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    from foedus.sim.synthetic import synthetic_scenario
    from foedus.sim.ensemble import run_ensemble
    sc = synthetic_scenario({n}, seed={seed}, years={years}, alliances={alliances}, cyber={cyber})
    run_ensemble(sc, runs={runs}, out=sys.argv[1], seed={eseed}, knobs={knobs!r}, workers=1, processes=False)
    """
)


def test_killed_ensemble_resumes_to_the_same_results(tmp_path, tiny, reference_ensemble):
    out = tmp_path / "killed"
    script = _KILL_SCRIPT.format(**TINY, runs=RUNS, eseed=SEED, knobs=list(KNOBS))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", script, str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if manifest.exists():
                try:
                    done = json.loads(manifest.read_text())["runs_done"]
                except (json.JSONDecodeError, KeyError):  # pragma: no cover (atomic replace: never partial)
                    done = 0
                if done >= 2:
                    break
            if proc.poll() is not None:
                break
            time.sleep(0.02)
    finally:
        proc.kill()  # SIGKILL: no clean-up runs in the killed process
        proc.wait()
    store = EnsembleStore.open(out)
    landed = store.completed()
    assert 2 <= len(landed) < RUNS, f"the kill came too late or too early: {len(landed)} runs landed"
    missing = store.missing()
    assert sorted(landed + missing) == list(range(RUNS))
    ran = []
    resume_ensemble(out, workers=1, processes=False, progress=lambda d, t: ran.append(d))
    assert ran[0] == len(landed) and ran[-1] == RUNS and len(ran) == len(missing) + 1  # only the missing runs ran
    assert not list(out.rglob("*.tmp"))
    assert parquet_digests(out) == parquet_digests(reference_ensemble)
    system = EnsembleStore.open(out).read_table("system")
    assert not system.duplicated(["run", "year"]).any() and system["run"].nunique() == RUNS


def test_keep_histories_writes_whole_histories(tmp_path, tiny):
    from foedus.data.runs import read_history_dir

    out = tmp_path / "hist"
    store = run_ensemble(tiny, runs=2, out=out, seed=1, workers=1, processes=False, keep_histories=True)
    h = read_history_dir(store.history_dir(1))
    spells = store.read_table("alliances", runs=[1])
    assert len(h.memberships) == len(spells)
    assert h.source.endswith(f"seed={run_seed(1, 1)}")
    pd.testing.assert_series_equal(
        h.state_years.sort_values(["year", "ccode"])["milex"].reset_index(drop=True),
        store.read_table("states", runs=[1]).sort_values(["year", "ccode"])["milex"].reset_index(drop=True),
        check_names=False,
    )
