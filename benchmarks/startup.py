"""Benchmark: how long ``foedus`` takes to answer ``--help`` and a wrong argument (issue 16).

Run on demand::

    .venv/bin/python benchmarks/startup.py [--repeats 5]

Every figure is the wall time of a whole process (interpreter start-up included), the median of
``--repeats`` runs; the runs are interleaved (one round runs every command once), so that a
change in the machine's load touches all of them alike. The yardstick is the same interpreter
running ``python -c "import numpy"`` in the same rounds: the issue asks every ``--help`` and
every argument error to take at most 2.5 times as long.

- ``help_seconds``: ``foedus --help``;
- ``subcommand_help_seconds``: ``foedus CMD --help``, the slowest over every command and
  sub-command of the program (found by walking the click command tree typer builds);
- ``argument_error_seconds``: ``foedus CMD --no-such-option`` (a usage error, exit code 2), the
  slowest over the same commands;
- ``startup_ratio``: the slowest of the three over ``import_numpy_seconds``.

Headline figures are printed last as ``name: value`` lines.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def commands() -> list[list[str]]:
    """The path of every command and group below the program (``["history", "summary"]``, ...)."""
    import typer.main

    from foedus.cli import app

    found: list[list[str]] = []

    def walk(cmd, path: list[str]) -> None:
        if path:
            found.append(path)
        if hasattr(cmd, "commands"):  # a group
            for name, sub in sorted(cmd.commands.items()):
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def timed(cmd: list[str], ok: tuple[int, ...]) -> float:
    """Wall time of one process; stops the benchmark if it exits with a code not in ``ok``."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in ok:
        sys.exit(f"startup: {' '.join(cmd)} exited with {proc.returncode}:\n{proc.stderr[-2000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5, help="runs of each command (median)")
    args = ap.parse_args(argv)
    foedus = str(Path(sys.executable).with_name("foedus"))
    paths = commands()
    jobs: dict[str, tuple[list[str], tuple[int, ...]]] = {
        "import_numpy": ([sys.executable, "-c", "import numpy"], (0,)),
        "help": ([foedus, "--help"], (0,)),
    }
    for p in paths:
        jobs["help " + " ".join(p)] = ([foedus, *p, "--help"], (0,))
        jobs["error " + " ".join(p)] = ([foedus, *p, "--no-such-option"], (2,))
    times: dict[str, list[float]] = {k: [] for k in jobs}
    for _ in range(args.repeats):
        for k, (cmd, ok) in jobs.items():
            times[k].append(timed(cmd, ok))
    med = {k: statistics.median(v) for k, v in times.items()}
    worst_help = max((k for k in med if k.startswith("help ")), key=med.get)
    worst_error = max((k for k in med if k.startswith("error ")), key=med.get)
    print(f"{len(paths)} commands, median of {args.repeats} runs each; load {os.getloadavg()[0]:.2f}")
    print(f"slowest --help: foedus {worst_help[5:]} --help ({med[worst_help]:.3f} s)")
    print(f"slowest argument error: foedus {worst_error[6:]} --no-such-option ({med[worst_error]:.3f} s)")
    numpy_s = med["import_numpy"]
    worst = max(med["help"], med[worst_help], med[worst_error])
    print(f"import_numpy_seconds: {numpy_s:.3f}")
    print(f"help_seconds: {med['help']:.3f}")
    print(f"subcommand_help_seconds: {med[worst_help]:.3f}")
    print(f"argument_error_seconds: {med[worst_error]:.3f}")
    print(f"startup_ratio: {worst / numpy_s:.2f}")


if __name__ == "__main__":
    main()
