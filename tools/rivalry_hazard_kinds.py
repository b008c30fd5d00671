"""Expected rivalry onsets a year by kind of pair in a scenario's first-year world: the onset hazards of every pair, no draw.

    PYTHONPATH=src python tools/rivalry_hazard_kinds.py SCENARIO [SCENARIO ...] [--pair A B ...]

SCENARIO is a built-in name (world-2022) or a file (``foedus scenario build --year Y``). The hazards are the simulator's
(:func:`foedus.sim.steps.rivalry.rivalry_hazards`) for the pairs of live states not in rivalry, summed by the kinds of
``tools/rivalry_fit.py`` (great-power pairs, a great power and a minor state of its COW region or another, minor neighbours,
minor states within or beyond 1,000 km) and by joint democracy; ``--pair`` prints the hazards of chosen pairs (COW codes, e.g.
``--pair 325 225`` for Italy-Switzerland). Unlike the onsets of runs (a few draws at hazards of 0.001 a year, and runs that diverge
after their first difference), the hazard mass compares two parameter sets without noise (rivalry20).
"""

from __future__ import annotations

import argparse

import numpy as np

from foedus.experiments.ensemble import load_scenario
from foedus.sim.start import build_world
from foedus.sim.steps import rivalry as steps
from foedus.theory.regions import cow_region

KINDS = ("major pair", "one major, same region", "one major, other region", "minor, contiguous", "minor, within 1,000 km", "minor, beyond 1,000 km")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenarios", nargs="+")
    ap.add_argument("--pair", nargs=2, type=int, action="append", default=[])
    a = ap.parse_args()
    for sc in a.scenarios:
        w = build_world(load_scenario(sc))
        i, j = steps._upper(w)
        dem = w.state.regime >= w.inputs.params.democracy_threshold
        s = w.state
        live = s.active[i] & s.active[j] & (s.power[i] > 0) & (s.power[j] > 0) & ~s.rivalry[i, j].astype(bool)
        h = np.where(live, steps.rivalry_hazards(w, i, j, dem, np.zeros(w.n))[0], 0.0)
        code = np.asarray(w.inputs.ccode)
        reg, major = cow_region(code), s.major
        one = major[i] ^ major[j]
        kind = np.select([major[i] & major[j], one & (reg[i] == reg[j]), one, w.inputs.contiguous[i, j], w.inputs.distance_km[i, j] <= 1000.0], [0, 1, 2, 3, 4], 5)
        jd = dem[i] & dem[j]
        print(f"== {sc} ({w.n} states, {s.year}): expected onsets a year {h.sum():.3f}, between two democracies {h[jd].sum():.3f} ({h[jd].sum() / max(h.sum(), 1e-12):.2f})")
        for k, name in enumerate(KINDS):
            print(f"   {name:26s} not both democracies {h[(kind == k) & ~jd].sum():.4f}   both {h[(kind == k) & jd].sum():.4f}")
        for x, y in a.pair:
            q = np.flatnonzero(((code[i] == x) & (code[j] == y)) | ((code[i] == y) & (code[j] == x)))
            print(f"   pair {x}-{y}: " + (f"hazard {h[q[0]]:.5f} a year" if len(q) else "not in the world"))


if __name__ == "__main__":
    main()
