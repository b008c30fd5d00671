"""Rivalries of the record against simulated runs: in force per state, onsets per pair-year, median duration, per era.

    PYTHONPATH=src python tools/rivalry_check.py RUN_DIR [RUN_DIR ...] [--decades] [--distant]

Each RUN_DIR is a ``foedus simulate --out`` folder of a scenario built from the record
(``foedus scenario build --year Y``); runs are grouped by their first year, each group compared
with the record over the same years (to 2010, where Thompson & Dreyer stop). ``--distant`` lists
the simulated onsets between two states that are neither contiguous nor within 1,500 km and of
which neither is a major power (rivalries a historian would reject: no contact, Thompson 2001).
Measures: :mod:`foedus.analysis.rivalry_facts`.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from foedus.analysis.rivalry_facts import TD_LAST_YEAR, by_decade, history_spells, record_spells, rivalry_facts
from foedus.data.membership import members_by_year
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table

FACTS = ("in_force_per_state", "onsets_per_pair_year", "ends_per_rivalry_year", "median_duration", "onsets", "ends", "begun")


def _run(path: Path):
    h = json.loads((path / "history.json").read_text())
    first, last = int(h["first_year"]), int(h["last_year"])
    sc = yaml.safe_load((path / "scenario.yaml").read_text())
    rel = sc.get("relations") or []
    initial = [tuple(r["pair"]) for r in rel if r.get("rivalry")]
    near = {tuple(sorted(r["pair"])) for r in rel if r.get("contiguous") or (r.get("distance_km") is not None and r["distance_km"] <= 1500)}
    ev = pd.read_parquet(path / "events.parquet")
    sy = pd.read_parquet(path / "state_years.parquet")
    members = {int(y): g["ccode"].to_numpy(int) for y, g in sy.groupby("year")}
    major = {(int(c), int(y)) for c, y, m in zip(sy["ccode"], sy["year"], sy["major"]) if m}
    names = pd.read_parquet(path / "states.parquet").set_index("ccode")["name"].to_dict()
    return first, last, initial, ev, members, near, major, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--decades", action="store_true")
    ap.add_argument("--distant", action="store_true")
    a = ap.parse_args()
    d = default_data_dir()
    rec = record_spells(d)
    rec_members = members_by_year(table(d, "states"), 1816, TD_LAST_YEAR)
    groups = defaultdict(list)
    for p in a.runs:
        groups[_run(p)[0]].append(p)
    for first, paths in sorted(groups.items()):
        sims, decs, distant = [], [], []
        last = None
        for p in paths:
            f0, l0, initial, ev, members, near, major, names = _run(p)
            last = min(l0, TD_LAST_YEAR)
            sp = history_spells(initial, ev, f0, l0)
            sims.append(rivalry_facts(sp, members, f0, last))
            decs.append(by_decade(sp, members, f0, l0))
            on = ev[ev["kind"] == "rivalry_onset"]
            for y, i, j in zip(on["year"], on["ccode"], on["ccode2"]):
                if tuple(sorted((int(i), int(j)))) not in near and (int(i), int(y)) not in major and (int(j), int(y)) not in major:
                    distant.append((p.name, int(y), names.get(int(i), i), names.get(int(j), j)))
        r = rivalry_facts(rec, rec_members, first, last)
        print(f"\n== {first}-{last}: record vs {len(sims)} runs (median, min-max) ==")
        for k in FACTS:
            v = np.array([s[k] for s in sims], float)
            print(f"  {k:24s} record {r[k]:10.5g}   sim {np.median(v):10.5g}  [{v.min():.5g}, {v.max():.5g}]")
        print(f"  onsets a historian would reject (no contact, no major power): {len(distant)} in {len(sims)} runs")
        if a.distant:
            for row in distant:
                print("    ", *row)
        if a.decades:
            rd = by_decade(rec, rec_members, first, last)
            sd = pd.concat(decs).groupby("decade", sort=False)[["in_force", "onsets", "ends"]].mean()
            print(rd.set_index("decade").join(sd, rsuffix="_sim", how="outer").round(1).to_string())


if __name__ == "__main__":
    main()
