"""Time ``foedus balance`` on large sparse signed networks (issue 13).

A planted two-camp network of ``--nodes`` actors and ``--edges`` random ties (friendly inside a
camp, hostile across), with ``--noise`` of the ties' signs reversed, is written as an edge list
and read, censused and partitioned as ``foedus balance`` does::

    python benchmarks/balance.py                       # 2,000 actors, 4,000 ties, 10 % reversed
    python benchmarks/balance.py --nodes 5000 --edges 10000 --seed 2
    python benchmarks/balance.py --sweeps 2000          # the sparse search with more sweeps per run

Prints the seconds of the triad census and of the partition search, the violated ties found
(the frustration index's upper bound), and the planted split's own count (a bound that the search
should meet or beat).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def planted(nodes: int, edges: int, noise: float, seed: int, path: Path) -> int:
    """Write the edge list; return the number of ties the planted split violates."""
    r = random.Random(seed)
    camps = [r.randrange(2) for _ in range(nodes)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < edges:
        a, b = sorted(r.sample(range(nodes), 2))
        pairs.add((a, b))
    lines, violated = ["source,target,sign"], 0
    for a, b in sorted(pairs):
        s = 1 if camps[a] == camps[b] else -1
        if r.random() < noise:
            s, violated = -s, violated + 1
        lines.append(f"N{a},N{b},{s}")
    path.write_text("\n".join(lines) + "\n")
    return violated


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--nodes", type=int, default=2000)
    p.add_argument("--edges", type=int, default=4000)
    p.add_argument("--noise", type=float, default=0.1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sweeps", type=int, default=None, help="sweeps per sparse annealing run (default balance.SPARSE_SWEEPS)")
    args = p.parse_args()
    from foedus.cli.theory_io import read_signed_edges
    from foedus.theory import balance

    if args.sweeps is not None:
        balance.SPARSE_SWEEPS = args.sweeps
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "edges.csv"
        bound = planted(args.nodes, args.edges, args.noise, args.seed, path)
        t = time.perf_counter()
        names, S = read_signed_edges(path)
        t_read = time.perf_counter() - t
    balance.balance_partition(S[:400, :400], seed=0)  # compile the kernels once, untimed
    t = time.perf_counter()
    census = balance.triad_census(S)
    t_census = time.perf_counter() - t
    t = time.perf_counter()
    bp = balance.balance_partition(S, seed=0)
    t_part = time.perf_counter() - t
    print(f"actors: {len(names)}\nties: {args.edges}\nread_seconds: {t_read:.2f}\ncensus_seconds: {t_census:.2f}")
    print(f"triads: {census.balanced + census.unbalanced}\npartition_seconds: {t_part:.2f}")
    print(f"violated_ties: {bp.frustration_index}\nplanted_split_violates: {bound}\nmethod: {bp.method}")


if __name__ == "__main__":
    main()
