"""Benchmark: CPU time of the year's shared terms that the blocs and alignment steps ask (issue 16), two trees in interleaved rounds.

Run on demand (not collected by pytest)::

    .venv/bin/python benchmarks/shared_terms.py --tree /work/main --tree . [--states 200] [--years 200] [--runs 1] [--rounds 3]

Each round runs every tree once, in turn, as a child process importing that tree's ``src`` (an untimed warm-up first,
:func:`warmup.warm_up`), then ``--runs`` runs of ``benchmarks/simulate.py``'s synthetic world of ``--states`` states (or, with
``--states 0``, world-2022) for ``--years`` years. The entry points the two steps call are wrapped (``exchange_terms``,
``abstention_terms`` (the war risk, credibility and offence target), ``concession_reach``, and :mod:`.year_goods`' ``utilities``,
``isolation``, ``aggrandisement``, ``pair_shares``) and timed in CPU time (``time.process_time``), the outermost call only (a term
asked inside another is counted in it). Prints per tree and round the run's CPU and each term's milliseconds per run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def child(args: argparse.Namespace) -> None:
    from warmup import (  # benchmarks/warmup.py (the script's folder)
        scenario_run,
        synthetic_run,
        warm_up,
    )

    from foedus.sim.engine import single_threaded_blas

    mods = {m: importlib.import_module("foedus.sim.steps." + m) for m in ("blocs", "alignment", "formation", "year_goods")}
    clock = time.process_time
    spent: dict[str, float] = {}
    depth = [0]

    def wrap(mod, name):
        f = getattr(mod, name)

        def g(*a, **k):
            if depth[0]:
                return f(*a, **k)
            depth[0] += 1
            t0 = clock()
            try:
                return f(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + clock() - t0
                depth[0] -= 1

        setattr(mod, name, g)

    for m in ("blocs", "alignment", "formation"):
        for name in ("exchange_terms", "abstention_terms", "concession_reach"):
            if hasattr(mods[m], name):
                wrap(mods[m], name)
    for name in ("utilities", "isolation", "aggrandisement", "pair_shares"):
        wrap(mods["year_goods"], name)
    with single_threaded_blas():
        warm_up(None if args.states else "world-2022")
        spent.clear()
        total = 0.0
        for k in range(args.runs):
            sim, years = synthetic_run(args.states, args.years, args.seed + k) if args.states else scenario_run("world-2022", args.years, args.seed + k)
            t = clock()
            sim.run(years)
            total += clock() - t
    print(json.dumps({"cpu_per_run": total / args.runs, "terms_ms": {k: 1e3 * v / args.runs for k, v in spent.items()}}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", action="append", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--states", type=int, default=200, help="the synthetic world's states (0: world-2022)")
    ap.add_argument("--years", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    print(f"load average before: {os.getloadavg()}")
    passed = [a for a in sys.argv[1:] if a != "--child"]
    for r in range(args.rounds):
        for t in (Path(x).resolve() for x in args.tree):
            env = dict(os.environ, PYTHONPATH=str(t / "src"))
            out = subprocess.run([sys.executable, __file__, *passed, "--child"], env=env, capture_output=True, text=True, check=True)
            res = json.loads(out.stdout.strip().splitlines()[-1])
            terms = res["terms_ms"]
            shown = ", ".join(f"{k} {v:.1f}" for k, v in sorted(terms.items(), key=lambda kv: -kv[1]))
            print(f"round {r + 1} {t}: run {res['cpu_per_run']:.3f} s; terms {sum(terms.values()):.1f} ms ({shown})", flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
