"""Benchmark: ``foedus landscape`` against its published R peer (Furnas & Axelrod's script).

Run on demand::

    .venv/bin/python benchmarks/landscape_vs_r.py --r-script PATH [--actors 11 14] [--seed 1]
        [--repeats 5] [--r-repeats 1]

The peer is ``Landscape_Theory_Calculation_Script.R`` from the public repository
``alexanderfurnas/Landscape_Theory`` (Furnas & Axelrod's landscape-theory calculator: exhaustive
enumeration of every two-camp alignment, each one's energy and a local-minimum check against its
single-actor flips). It is not part of foedus: clone that repository yourself and pass the
script's path with ``--r-script`` (or set ``FOEDUS_LANDSCAPE_R``).

The script is run **as published**, with only these changes, made to a copy in a temporary folder:

* the ``setwd(...)`` line is removed (the copy runs in the folder holding its inputs);
* everything from ``#get everyone's favorite alignment`` on is cut (the per-actor favourites
  name the 11 actors of the paper's Syria example; the plots need igraph and a screen);
* the hard-coded ``[1:11]`` (the paper's 11 actors) becomes ``[1:n]``, so any size runs.

Both programs read the same random instance, written in each one's input format: ``n`` actors
(the first named ``US``, which the script's ``filter(result, US == 1)`` needs), integer strengths
in 1..100 and symmetric integer ratings in 1..5 whose neutral value is 3 (the script subtracts 3;
foedus is called with ``--midpoint 3``). foedus runs its exact search (``--method exact --json``,
which also computes every basin of attraction, work the peer does not do).

Both are timed as **whole processes** (interpreter start-up, imports and I/O included), foedus as
the median of ``--repeats`` runs, R as the median of ``--r-repeats`` runs (one by default: R takes
minutes at 14 actors). The benchmark checks that both find the same global minimum energy and
the same set of local minima (alignments named by the camp that holds ``US``), and stops with
exit code 1 if they differ.

Setup: ``Rscript`` must be on the PATH with the dplyr package. Where it is missing and this is a
Debian machine on which we are root, the benchmark installs Debian's ``r-base-core`` and
``r-cran-dplyr`` itself.

Headline figures are printed last as ``name: value`` lines; ``speedup_vs_r`` is R's time over
foedus's at the largest size.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

CUT_MARK = "#get everyone's favorite alignment"


def ensure_r() -> str:
    """Path of ``Rscript``, installing Debian's R and dplyr first where possible."""
    rscript = shutil.which("Rscript")
    if rscript and subprocess.run([rscript, "-e", "library(dplyr)"], capture_output=True).returncode == 0:
        return rscript
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "r-base-core", "r-cran-dplyr"], check=True, env=env, stdout=subprocess.DEVNULL)
        rscript = shutil.which("Rscript")
    if not rscript:
        sys.exit("landscape_vs_r: Rscript with dplyr is needed (Debian: apt-get install r-base-core r-cran-dplyr)")
    return rscript


def adapt_script(text: str) -> str:
    """The published script with the three documented changes (see the module docstring)."""
    if CUT_MARK not in text or "[1:11]" not in text:
        raise ValueError("this does not look like Landscape_Theory_Calculation_Script.R (markers not found)")
    text = text[: text.index(CUT_MARK)]
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("setwd("))
    return text.replace("[1:11]", "[1:n]") + "\n"


def random_instance(n: int, seed: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Actor names, integer strengths (1..100) and symmetric integer ratings (1..5, diagonal 0)."""
    rng = np.random.default_rng([seed, n])
    names = ["US"] + [f"A{i}" for i in range(2, n + 1)]
    strength = rng.integers(1, 101, size=n)
    upper = np.triu(rng.integers(1, 6, size=(n, n)), 1)
    return names, strength, upper + upper.T


def write_inputs(folder: Path, names: list[str], strength: np.ndarray, ratings: np.ndarray) -> None:
    """The instance in the R script's two files and in foedus's two files."""
    n = len(names)

    def cells(i: int) -> list[str]:
        return [("" if i == j else str(int(ratings[i, j]))) for j in range(n)]

    with open(folder / "Pairwise_propensity_Feb_20.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([""] + names)
        for i in range(n):
            w.writerow([names[i]] + cells(i))
    with open(folder / "Actor_data.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "actor", "strength"])
        for i in range(n):
            w.writerow([i + 1, names[i], int(strength[i])])
    with open(folder / "actors.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["actor", "size"])
        for i in range(n):
            w.writerow([names[i], int(strength[i])])
    shutil.copy(folder / "Pairwise_propensity_Feb_20.csv", folder / "propensities.csv")


def timed(cmd: list[str], cwd: Path) -> tuple[float, str]:
    """Wall time of one whole process, and its standard output (fails loudly on error)."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"landscape_vs_r: {' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed, proc.stdout


def r_minima(folder: Path, names: list[str]) -> tuple[float, set[frozenset[str]]]:
    """Global minimum energy and local minima from the R script's results file."""
    (path,) = folder.glob("Landscape_Results_*.csv")
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    energy = min(float(r["Energy"]) for r in rows)
    local = {frozenset(a for a in names if float(r[a]) == 1.0) for r in rows if r["Local Min"].upper() == "TRUE"}
    path.unlink()
    return energy, local


def foedus_minima(out: str) -> tuple[float, set[frozenset[str]]]:
    """Global minimum energy and local minima (the camp holding ``US``) from ``--json``."""
    res = json.loads(out)

    def us_camp(camps: list[list[str]]) -> frozenset[str]:
        return frozenset(next(c for c in camps if "US" in c))

    return float(res["global_minimum"]["energy"]), {us_camp(m["camps"]) for m in res["local_minima"]}


def compare(n: int, seed: int, rscript: str, script: str, repeats: int, r_repeats: int) -> dict[str, float]:
    """Time both programs on one random instance of ``n`` actors and check they agree."""
    foedus_exe = str(Path(sys.executable).with_name("foedus"))
    with tempfile.TemporaryDirectory(prefix="foedus-landscape-r-") as tmp:
        folder = Path(tmp)
        names, strength, ratings = random_instance(n, seed)
        write_inputs(folder, names, strength, ratings)
        (folder / "landscape.R").write_text(script)
        r_times = []
        for _ in range(r_repeats):
            t, _ = timed([rscript, "landscape.R"], folder)
            r_times.append(t)
            r_energy, r_local = r_minima(folder, names)
        cmd = [foedus_exe, "landscape", "actors.csv", "propensities.csv", "--midpoint", "3", "--method", "exact", "--json"]
        timed(cmd, folder)  # warm the numba cache; not counted
        f_times = []
        for _ in range(repeats):
            t, out = timed(cmd, folder)
            f_times.append(t)
        f_energy, f_local = foedus_minima(out)
    if not np.isclose(r_energy, f_energy, rtol=1e-12, atol=1e-9) or r_local != f_local:
        sys.exit(f"landscape_vs_r: results differ at {n} actors: R {r_energy} ({len(r_local)} local minima), foedus {f_energy} ({len(f_local)})")
    r_s, f_s = statistics.median(r_times), statistics.median(f_times)
    print(f"{n} actors: R {r_s:.2f} s, foedus {f_s:.3f} s (median of {repeats}), {r_s / f_s:.1f}x; "
          f"same global minimum ({f_energy:g}) and the same {len(f_local)} local minima")
    return {"n": n, "r_seconds": r_s, "foedus_seconds": f_s, "speedup": r_s / f_s, "local_minima": len(f_local)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--r-script", default=os.environ.get("FOEDUS_LANDSCAPE_R"), help="path to Landscape_Theory_Calculation_Script.R")
    ap.add_argument("--actors", type=int, nargs="+", default=[11, 14], help="instance sizes (default 11 14)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=5, help="foedus runs per size (median)")
    ap.add_argument("--r-repeats", type=int, default=1, help="R runs per size (median)")
    args = ap.parse_args(argv)
    if not args.r_script or not Path(args.r_script).is_file():
        print("landscape_vs_r: the R peer script is missing. Clone the public repository "
              "alexanderfurnas/Landscape_Theory and pass --r-script PATH/Landscape_Theory_Calculation_Script.R "
              "(or set FOEDUS_LANDSCAPE_R).", file=sys.stderr)
        sys.exit(2)
    if any(n < 3 or n > 20 for n in args.actors):
        sys.exit("landscape_vs_r: --actors must be between 3 and 20 (the R peer enumerates 2**n alignments)")
    script = adapt_script(Path(args.r_script).read_text(encoding="utf-8", errors="replace"))
    rscript = ensure_r()
    results = [compare(n, args.seed, rscript, script, args.repeats, args.r_repeats) for n in args.actors]
    last = results[-1]
    for r in results:
        print(f"r_seconds_{r['n']}: {r['r_seconds']:.2f}")
        print(f"foedus_seconds_{r['n']}: {r['foedus_seconds']:.3f}")
    print(f"speedup_vs_r: {last['speedup']:.1f}")


if __name__ == "__main__":
    main()
