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

from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore, _add_to_ranges, _from_ranges, _ranges
from foedus.experiments.ensemble import resume_ensemble, run_ensemble
from foedus.experiments.runner import run_seed

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


def test_ranges_kept_run_by_run_equal_the_ranges_listed_anew():
    """The driver keeps the manifest's ranges up to date run by run (_add_to_ranges): after every run, in any order of
    landing (in order, reversed, shuffled, in windows as Dask returns them), they are the ranges listed from the set."""
    rng = np.random.default_rng(5)
    orders = [list(range(40)), list(range(39, -1, -1)), list(rng.permutation(60))]
    orders.append([int(i) for k in range(0, 64, 16) for i in rng.permutation(np.arange(k, k + 16))])
    for order in orders:
        ranges, done = [], set()
        for i in order:
            _add_to_ranges(ranges, int(i))
            done.add(int(i))
            assert ranges == _ranges(done), (order, i)


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
    from foedus.testing import synthetic_scenario
    from foedus.experiments.ensemble import run_ensemble
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


def test_failed_scheduler_connection_writes_nothing(tmp_path, tiny):
    out = tmp_path / "nowhere"
    t0 = time.monotonic()
    with pytest.raises(ConnectionError, match="cannot connect to the Dask scheduler at 'tcp://127.0.0.1:1'"):
        run_ensemble(tiny, runs=2, out=out, scheduler="tcp://127.0.0.1:1", connect_timeout=0.5)
    assert time.monotonic() - t0 < 20
    with pytest.raises(ConnectionError, match="unknown address scheme"):
        run_ensemble(tiny, runs=2, out=out, scheduler="foo://host:1")
    assert not out.exists()


def test_a_scheduler_without_workers_is_an_error_not_a_wait(tmp_path, tiny):
    """A scheduler that answers but has no worker would take the runs and never run them."""
    from distributed import LocalCluster

    out = tmp_path / "idle"
    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as idle:
        with pytest.raises(ConnectionError, match="has no worker after 1 s.*dask worker"):
            run_ensemble(tiny, runs=2, out=out, scheduler=idle.scheduler_address, connect_timeout=1.0)
    assert not out.exists()


def test_resuming_a_complete_ensemble_reports_no_session(reference_ensemble):
    before = json.loads((reference_ensemble / "manifest.json").read_text())["sessions"]
    store = resume_ensemble(reference_ensemble, scheduler="tcp://127.0.0.1:1")  # nothing to run: no connection is even tried
    assert store.session is None
    assert json.loads((reference_ensemble / "manifest.json").read_text())["sessions"] == before


def test_progress_rate_and_time_left_count_the_wall_time_since_the_first_submission():
    from types import SimpleNamespace

    from foedus.experiments.runner import _ProgressBar

    bar = _ProgressBar()
    try:
        task = SimpleNamespace(completed=2, total=10)
        assert bar.rate(task) is None and bar.left(task) is None  # not started: no rate, no estimate
        bar.start(2, 10)  # 2 runs done in an earlier session: they do not count in the rate
        assert bar.rate(task) is None
        bar._t0 -= 4.0  # 4 s of wall time since the first run was submitted (start-up included) ...
        task.completed = 4  # ... in which 2 runs landed
        assert bar.rate(task) == pytest.approx(0.5, rel=0.05)
        assert bar.left(task) == pytest.approx(12.0, rel=0.05)  # 6 runs to do at 0.5 runs/s
        task.completed = 10
        assert bar.left(task) == 0.0
    finally:
        bar.close()


# ------------------------------------------------------------------ real worker processes, world-2022
WORLD = dict(scenario="world-2022", runs=24, years=6, seed=2022, knobs=("great_power_competition=0.3:0.9",))
"""The built-in scenario, few runs and years (a few seconds of compute) with one knob varied."""

_VOLATILE = {"created", "updated", "compute_seconds", "sessions"}


def _run_records(folder: Path) -> dict:
    """The manifest without its bookkeeping (time stamps, compute time, sessions): the ensemble and its runs."""
    m = json.loads((folder / "manifest.json").read_text())
    return {k: v for k, v in m.items() if k not in _VOLATILE}


@pytest.fixture(scope="module")
def world_one_process(tmp_path_factory):
    """world-2022 on a LocalCluster of one worker process (the reference of the process tests)."""
    out = tmp_path_factory.mktemp("world") / "one"
    run_ensemble(WORLD["scenario"], runs=WORLD["runs"], years=WORLD["years"], seed=WORLD["seed"], knobs=WORLD["knobs"], out=out,
                 workers=1, processes=True)
    return out


@pytest.mark.slow
def test_same_bytes_with_one_and_two_worker_processes(tmp_path, world_one_process):
    from distributed import Client, LocalCluster

    out = tmp_path / "two"
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, Client(cluster) as client:
        assert len(client.nthreads()) == 2 and all(pid != os.getpid() for pid in client.run(os.getpid).values())  # real processes
        run_ensemble(WORLD["scenario"], runs=WORLD["runs"], years=WORLD["years"], seed=WORLD["seed"], knobs=WORLD["knobs"], out=out,
                     client=client)
    one = parquet_digests(world_one_process)
    assert len(one) == 1 + WORLD["runs"] * len(RUN_TABLES)  # experiments.parquet and one file per run and table
    assert parquet_digests(out) == one
    assert _run_records(out) == _run_records(world_one_process)
    assert _run_records(out)["completed"] == [[0, WORLD["runs"] - 1]]


def _foedus(*args: str) -> list[str]:
    """The command line of `foedus ARGS...` with this interpreter (the program's own entry point)."""
    return [sys.executable, "-c", "import sys; from foedus.cli import main; sys.argv[0] = 'foedus'; main()", *args]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX")
def test_killed_cli_ensemble_resumes_to_the_same_bytes(tmp_path, world_one_process):
    import signal

    out = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    define = ["--scenario", WORLD["scenario"], "--runs", str(WORLD["runs"]), "--years", str(WORLD["years"]), "--seed", str(WORLD["seed"]),
              "--vary", WORLD["knobs"][0], "--out", str(out)]
    log = tmp_path / "first.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(_foedus("ensemble", *define, "--workers", "1", "--quiet"), env=env, stdout=err, stderr=err, start_new_session=True)
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list((out / "system").glob("run-*.parquet"))) >= 3:  # some runs written (temporary files end in .tmp)
                break
            time.sleep(0.01)
    finally:
        try:
            os.kill(proc.pid, signal.SIGKILL)  # the ensemble's process dies at once: no clean-up, no last manifest write
        except ProcessLookupError:  # pragma: no cover (it had already finished: the assertion below says so)
            pass
        proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # its worker processes too, as when a machine goes down
        except ProcessLookupError:
            pass
    assert proc.returncode == -signal.SIGKILL, f"the ensemble ended before it was killed (code {proc.returncode}): {log.read_text()[-2000:]}"
    store = EnsembleStore.open(out)
    landed = store.completed()
    assert 1 <= len(landed) < WORLD["runs"], f"the kill came too late or too early: {len(landed)} runs landed"
    assert sorted(landed + store.missing()) == list(range(WORLD["runs"]))

    res = subprocess.run(_foedus("ensemble", "run", "--resume", "--out", str(out), "--workers", "2"), env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    assert f"this session ran {WORLD['runs'] - len(landed)} in" in " ".join(res.stderr.split())  # only what was missing ran
    assert not list(out.rglob("*.tmp"))
    for t in RUN_TABLES:  # one file per run and table: none missing, none twice
        assert sorted(p.name for p in (out / t).iterdir()) == [f"run-{i:06d}.parquet" for i in range(WORLD["runs"])]
    system = EnsembleStore.open(out).read_table("system")
    assert not system.duplicated(["run", "year"]).any() and system["run"].nunique() == WORLD["runs"]
    assert parquet_digests(out) == parquet_digests(world_one_process)
    assert _run_records(out) == _run_records(world_one_process)


def _indicators_and_a_note(record):
    from foedus.experiments.ensemble import indicator_tables

    return {**indicator_tables(record), "note": pd.DataFrame({"x": [1]})}


def _indicators_again(record):
    from foedus.experiments.ensemble import indicator_tables

    return indicator_tables(record)


def test_outcomes_must_return_exactly_the_kept_tables(tmp_path, tiny):
    """A table the store would drop is an error that names it, not a silent loss."""
    with pytest.raises(RuntimeError, match="not kept: note"):
        run_ensemble(tiny, runs=2, out=tmp_path / "e", seed=1, workers=1, processes=False, outcomes=_indicators_and_a_note)


def test_the_manifest_names_the_outcomes_and_a_resume_must_use_them(tmp_path, tiny, reference_ensemble):
    from foedus.data.ensemble_store import DEFAULT_OUTCOMES
    from foedus.experiments.ensemble import indicator_tables
    from foedus.experiments.runner import outcomes_name

    assert outcomes_name(indicator_tables) == DEFAULT_OUTCOMES
    assert EnsembleStore.open(reference_ensemble).manifest["outcomes"] == DEFAULT_OUTCOMES
    out = tmp_path / "e"
    run_ensemble(tiny, runs=2, out=out, seed=1, workers=1, processes=False, outcomes=_indicators_again)
    assert EnsembleStore.open(out).manifest["outcomes"].endswith("test_runner._indicators_again")
    with pytest.raises(ValueError, match="outcomes: ensemble has"):
        resume_ensemble(out, workers=1, processes=False)


def test_the_recorded_seed_and_knobs_reproduce_each_run_exactly(tiny, reference_ensemble):
    """experiments.parquet is enough to rerun any run alone: same bytes (the uint64 seed is never rounded)."""
    from foedus.experiments.ensemble import indicator_tables
    from foedus.experiments.runner import simulate_run

    store = EnsembleStore.open(reference_ensemble)
    exp = store.experiments().set_index("run")
    assert exp["seed"].dtype == np.uint64 and (exp["seed"] > 2**53).any()  # seeds float64 cannot hold
    for i in (0, RUNS - 1):
        knobs = {k: float(exp.at[i, k]) for k in store.knob_names()}
        out = simulate_run(tiny, i, int(exp.at[i, "seed"]), knobs, False, outcomes=indicator_tables)
        for t in RUN_TABLES:
            assert out["tables"][t] == store.run_file(t, i).read_bytes(), (i, t)


def _dask(*args: str) -> list[str]:
    """The command line of the `dask` program (scheduler, worker) with this interpreter."""
    return [sys.executable, "-m", "dask", *args]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_real_cluster_that_loses_a_worker_gives_the_same_bytes(tmp_path, world_one_process):
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1; `foedus ensemble run --scheduler`;
    one worker is killed mid-run: Dask reruns its runs elsewhere, none is lost or written twice,
    and the bytes equal the local run's."""
    import signal

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    sched_file = tmp_path / "scheduler.json"
    procs = []
    try:
        procs.append(subprocess.Popen(_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", ":0",
                                            "--scheduler-file", str(sched_file)), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 60
        while not sched_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(sched_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        workers = [subprocess.Popen(_dask("worker", "--scheduler-file", str(sched_file), "--nthreads", "1", "--no-dashboard",
                                          "--host", "127.0.0.1"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                   for _ in range(2)]
        procs += workers
        out = tmp_path / "cluster"
        define = ["--scenario", WORLD["scenario"], "--runs", str(WORLD["runs"]), "--years", str(WORLD["years"]), "--seed", str(WORLD["seed"]),
                  "--vary", WORLD["knobs"][0], "--out", str(out), "--scheduler", address, "--connect-timeout", "60", "--quiet"]
        run = subprocess.Popen(_foedus("ensemble", *define), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(run)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and run.poll() is None and len(list((out / "system").glob("run-*.parquet"))) < 2:
            time.sleep(0.01)
        landed_at_kill = len(list((out / "system").glob("run-*.parquet")))
        os.kill(workers[0].pid, signal.SIGKILL)
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err[-2000:]
        assert landed_at_kill < WORLD["runs"], "the ensemble ended before the worker was killed"
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait()
    store = EnsembleStore.open(out)
    assert store.completed() == list(range(WORLD["runs"])) and not store.missing()
    assert len(list((out / "system").glob("run-*.parquet"))) == WORLD["runs"]
    assert parquet_digests(out) == parquet_digests(world_one_process)


def _dask_settings(keys: list[str]) -> dict:
    import dask

    return {k: dask.config.get(k) for k in keys}


def test_a_local_cluster_quiets_dasks_periodic_work_in_its_workers_and_restores_the_settings():
    """The local cluster's worker processes run without Dask's profiler (LOCAL_DASK_CONFIG); the caller's settings come back."""
    import dask

    from foedus.experiments.runner import LOCAL_DASK_CONFIG, _dask_client

    keys = list(LOCAL_DASK_CONFIG)
    before = _dask_settings(keys)
    assert before != LOCAL_DASK_CONFIG  # Dask's defaults differ, so the check below could fail
    with _dask_client(workers=1, scheduler=None, processes=True, client=None, connect_timeout=30.0) as client:
        in_workers = client.run(_dask_settings, keys)
        assert all(pid != os.getpid() for pid in client.run(os.getpid).values())
    assert list(in_workers.values()) == [LOCAL_DASK_CONFIG]
    assert _dask_settings(keys) == before
    assert dask.config.get("distributed.worker.profile.enabled") is before["distributed.worker.profile.enabled"]


@pytest.mark.parametrize("per_task", [3, 4])
def test_several_runs_a_task_give_the_same_bytes(tmp_path, tiny, reference_ensemble, monkeypatch, per_task):
    """Runs batched into Dask tasks (runner.simulate_runs: a task's overhead shared; the last task shorter) write the
    reference ensemble's bytes, run by run, with the progress counted run by run."""
    from foedus.experiments import runner

    assert runner._runs_per_task(200, 2, False) == runner.RUNS_PER_TASK and runner._runs_per_task(6, 2, False) == 1
    assert runner._runs_per_task(200, 2, True) == 1
    monkeypatch.setattr(runner, "_runs_per_task", lambda todo, nthreads, keep: per_task)
    seen = []
    run_ensemble(tiny, runs=RUNS, out=tmp_path / "b", seed=SEED, knobs=KNOBS, workers=2, processes=False, progress=lambda d, t: seen.append(d))
    assert parquet_digests(tmp_path / "b") == parquet_digests(reference_ensemble)
    assert seen == list(range(RUNS + 1))


def test_a_failed_run_in_a_task_of_several_is_named(tmp_path, tiny, monkeypatch):
    """A run that fails inside a task of several runs is named by its own index, with its error."""
    from foedus.experiments import runner

    monkeypatch.setattr(runner, "_runs_per_task", lambda todo, nthreads, keep: 2)
    with pytest.raises(RuntimeError, match=r"^run 0 \(seed \d+\) failed: ValueError: .*not kept: note"):
        run_ensemble(tiny, runs=2, out=tmp_path / "e", seed=1, workers=1, processes=False, outcomes=_indicators_and_a_note)
    try:
        runner.simulate_runs(tiny.model_copy(update={"years": 2}), [(5, 1, None), (6, 2, None)], outcomes=_indicators_and_a_note)
    except ValueError as e:
        assert e.foedus_run == 5
    else:  # pragma: no cover
        raise AssertionError("the bad outcomes should fail")
