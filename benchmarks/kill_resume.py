"""Kill `ensemble run` and `data import` at many random moments and resume them as documented (issue 13).

The procedures are those of ``tests/experiments/test_resume_kills.py`` and
``tests/data/test_import_kills.py`` (read their docstrings: a kill is simulated in process at an
atomic write or a database call, and nothing of the dying process runs after it), at more kill
points than CI affords::

    python benchmarks/kill_resume.py                 # 40 ensemble kills, 40 import kills, seed 0
    python benchmarks/kill_resume.py --kills 200 --seed 7
    python benchmarks/kill_resume.py --all           # every kill point of both

Prints, for each, the kill points tried, the resumes that gave the reference bytes, the runs lost
or duplicated and the temporary files left (the floor: every resume exact, 0 lost, 0 duplicated,
0 left).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def ensembles(kills: int | None, seed: int) -> dict:
    import pytest
    from distributed import Client

    from tests.experiments import test_resume_kills as t

    out = {"kill_points": 0, "exact_resumes": 0, "failures": []}
    with tempfile.TemporaryDirectory(prefix="foedus-kills-") as tmp, Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as client:
        tmp = Path(tmp)
        counting = t.Dying(t.ensemble_store._atomic_write)
        t.ensemble_store._atomic_write = counting
        try:
            t._ensemble(tmp / "ref", client)
        finally:
            t.ensemble_store._atomic_write = counting.real
        reference = t.parquet_digests(tmp / "ref")
        every = [(k, after) for k in range(counting.writes) for after in (False, True)]
        points = every if kills is None else sorted(random.Random(seed).sample(every, min(kills, len(every))))
        for k, after in points:
            mp = pytest.MonkeyPatch()
            out["kill_points"] += 1
            try:
                t.kill_and_resume(tmp / f"k{k}-{int(after)}", client, k, after, reference, mp)
                out["exact_resumes"] += 1
            except AssertionError as e:
                out["failures"].append(f"write {k} {'after' if after else 'before'} its replace: {e}")
            finally:
                mp.undo()
                shutil.rmtree(tmp / f"k{k}-{int(after)}", ignore_errors=True)
    return out


def imports(kills: int | None, seed: int) -> dict:
    import pytest

    from foedus.data.store import import_dir
    from tests.data import test_import_kills as t

    out = {"kill_points": 0, "exact_resumes": 0, "failures": []}
    with tempfile.TemporaryDirectory(prefix="foedus-kills-") as tmp:
        tmp = Path(tmp)
        data = tmp / "mini"
        shutil.copytree(ROOT / "tests" / "data" / "fixtures" / "mini", data)
        clock = t.Clock()
        mp = pytest.MonkeyPatch()
        try:
            t._hooked(mp, clock)
            (tmp / "ref").mkdir()
            import_dir(data, tmp / "ref" / "s.duckdb")
        finally:
            mp.undo()
        reference = t.table_digests(tmp / "ref" / "s.duckdb")
        points = range(clock.calls) if kills is None else sorted(random.Random(seed).sample(range(clock.calls), min(kills, clock.calls)))
        for n, k in enumerate(points):
            folder = tmp / f"k{k}"
            folder.mkdir()
            mp = pytest.MonkeyPatch()
            out["kill_points"] += 1
            try:
                t.kill_and_import_again(data, folder / "s.duckdb", k, reference, tmp / "ref" / "s.duckdb" if n % 2 else None, mp)
                out["exact_resumes"] += 1
            except AssertionError as e:
                out["failures"].append(f"call {k}: {e}")
            finally:
                mp.undo()
                shutil.rmtree(folder, ignore_errors=True)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=40, help="kill points for each of ensemble and import (default 40)")
    p.add_argument("--seed", type=int, default=0, help="seed of the kill points")
    p.add_argument("--all", action="store_true", help="every kill point")
    args = p.parse_args()
    kills = None if args.all else args.kills
    ok = True
    for name, fn, exact in (
        ("ensemble run --resume", ensembles, "resumed to the reference's Parquet bytes, every run once, no temporary file"),
        ("data import", imports, "left a whole store and imported again to the reference's tables, no temporary file"),
    ):
        t0 = time.perf_counter()
        r = fn(kills, args.seed)
        ok &= not r["failures"]
        print(f"{name}: {r['kill_points']} kill points, {r['exact_resumes']} {exact}; {len(r['failures'])} failed "
              f"({time.perf_counter() - t0:.0f} s)")
        for f in r["failures"]:
            print(f"  {f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
