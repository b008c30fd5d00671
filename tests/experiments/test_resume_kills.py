"""An ensemble killed at random moments resumes to the bytes of one never interrupted (issue 13).

The kill is simulated in process: every file of an ensemble reaches its place through one
atomic write (a temporary file, then ``os.replace``), so the moments a real kill can leave a
different folder are just before and just after each of them. At a kill point drawn at random
(seeded) the process "dies": the write raises :class:`Killed` (a BaseException, which nothing
catches) and every later write raises it too, before writing a byte, so no clean-up of the dying
process (the session record in ``finally``) reaches the disk, as with SIGKILL. Then the
documented resume runs: ``foedus ensemble run --resume --out DIR``
(:func:`~foedus.experiments.ensemble.resume_ensemble`) once the manifest exists, else the same
command again with ``--resume``. It must give the reference's Parquet bytes, every run exactly
once in the manifest and on disk, no temporary file, and the requested horizon (``years``, not
the scenario's own), whichever moment the kill came.

``benchmarks/kill_resume.py`` runs the same procedure at more kill points.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from foedus.data import ensemble_store
from foedus.data.ensemble_store import RUN_TABLES, EnsembleStore
from foedus.experiments.ensemble import resume_ensemble, run_ensemble

from ._common import KNOBS, SEED, TINY, parquet_digests, tiny_scenario

RUNS, YEARS = 6, 4  # a horizon that is not the scenario's (TINY's is 6)
KILL_POINTS, KILL_SEED = 8, 20261205


class Killed(BaseException):
    """The process dies here (not an Exception: nothing may catch it)."""


class Dying:
    """A stand-in for ``ensemble_store._atomic_write`` that kills the process at write ``k`` (before or after its replace)."""

    def __init__(self, real, k: int | None = None, after: bool = False):
        self.real, self.k, self.after = real, k, after
        self.writes = 0
        self.dead = False

    def __call__(self, path: Path, data: bytes) -> None:
        if self.dead:
            raise Killed  # a dead process writes nothing more
        k = self.writes
        self.writes += 1
        if k == self.k and not self.after:
            tmp = path.with_name(path.name + ".tmp")  # the temporary file is written, the replace never comes
            tmp.write_bytes(data[: len(data) // 2])
            self.dead = True
            raise Killed
        self.real(path, data)
        if k == self.k and self.after:
            self.dead = True
            raise Killed


def _ensemble(out: Path, client, resume: bool = False) -> EnsembleStore:
    return run_ensemble(tiny_scenario(), runs=RUNS, years=YEARS, out=out, seed=SEED, knobs=KNOBS, resume=resume, client=client)


def kill_and_resume(out: Path, client, k: int, after: bool, reference: dict[str, str], monkeypatch) -> None:
    """Kill an ensemble at write ``k``, resume it as documented, and check it against ``reference``."""
    dying = Dying(ensemble_store._atomic_write, k, after)
    monkeypatch.setattr(ensemble_store, "_atomic_write", dying)
    with pytest.raises(Killed):
        _ensemble(out, client)
    monkeypatch.setattr(ensemble_store, "_atomic_write", dying.real)
    if (out / "manifest.json").exists():
        before = EnsembleStore.open(out)
        assert before.manifest["years"] == YEARS  # the horizon is in the manifest from its first write
        done = before.completed()
        ran: list[int] = []
        resume_ensemble(out, client=client, progress=lambda d, t: ran.append(d))
        # only the missing runs ran (none, and no progress at all, when the kill came after the last one)
        assert ran == ([] if len(done) == RUNS else list(range(len(done), RUNS + 1))), (k, after, done, ran)
    else:  # killed before the ensemble existed: the same command again, with --resume
        _ensemble(out, client, resume=True)
    check_complete(out, reference, (k, after))


def check_complete(out: Path, reference: dict[str, str], where) -> None:
    """Same bytes as ``reference``, every run once, nothing temporary, the requested horizon."""
    assert parquet_digests(out) == reference, where
    assert not list(out.rglob("*.tmp")), where
    m = json.loads((out / "manifest.json").read_text())
    assert m["completed"] == [[0, RUNS - 1]] and m["runs_done"] == RUNS and m["years"] == YEARS, where
    for t in RUN_TABLES:
        assert len(list((out / t).glob("run-*.parquet"))) == RUNS, where
    system = EnsembleStore.open(out).read_table("system")
    assert not system.duplicated(["run", "year"]).any(), where
    assert (system.groupby("run")["year"].nunique() == YEARS).all(), where


@pytest.fixture(scope="module")
def client():
    from distributed import Client

    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def reference(tmp_path_factory, client):
    out = tmp_path_factory.mktemp("ref") / "ens"
    counting = Dying(ensemble_store._atomic_write)
    ensemble_store._atomic_write = counting
    try:
        _ensemble(out, client)
    finally:
        ensemble_store._atomic_write = counting.real
    return parquet_digests(out), counting.writes


def kill_points(writes: int, n: int, seed: int) -> list[tuple[int, bool]]:
    """``n`` distinct kill points (write, after its replace?) drawn with ``seed``, always with the first and the last write."""
    every = [(k, after) for k in range(writes) for after in (False, True)]
    chosen = {every[0], every[-1], *random.Random(seed).sample(every, min(n, len(every)) - 2)}
    return sorted(chosen)


def test_an_ensemble_killed_at_random_moments_resumes_to_the_same_bytes(tmp_path, client, reference, monkeypatch):
    digests, writes = reference
    assert writes == 3 + 3 * RUNS + RUNS + 1  # scenario, design, manifest; tables and manifest per run; the session
    points = kill_points(writes, KILL_POINTS, KILL_SEED)
    assert len(points) >= KILL_POINTS - 1
    for k, after in points:
        kill_and_resume(tmp_path / f"kill-{k}-{int(after)}", client, k, after, digests, monkeypatch)
