"""Rivalries of the record against simulated runs: in force per state, onsets per pair-year, median duration, per era.

    PYTHONPATH=src python tools/rivalry_check.py RUN_DIR [RUN_DIR ...] [--decades] [--distant] [--kinds]

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


def _onset_kinds(on: pd.DataFrame) -> np.ndarray:
    """Counts of the onsets ``on`` (events) by kind of pair (``rivalry_fit.KINDS``), from their factors."""
    from rivalry_fit import KINDS, _kind

    from foedus.theory.rivalry import MARITIME_KM

    f = [json.loads(d)["factors"] if isinstance(d, str) else d["factors"] for d in on["detail"]]
    df = pd.DataFrame({
        "ccode1": on["ccode"].to_numpy(int), "ccode2": on["ccode2"].to_numpy(int),
        "major_pair": [bool(x["major_pair"]) for x in f], "one_major": [bool(x["one_major"]) for x in f], "contiguous": [bool(x["contiguous"]) for x in f],
        "distance_km": [MARITIME_KM * np.expm1(float(x["minor_distance"])) for x in f],  # foedus.theory.rivalry.minor_distance inverted
    })
    return np.bincount(_kind(df), minlength=len(KINDS)) if len(df) else np.zeros(len(KINDS), int)


def _print_kinds(kinds: list[np.ndarray], first: int, last: int) -> None:
    """The simulated onsets a run by kind against the record's over ``first..last`` (pairs at risk as the simulator's)."""
    from rivalry_fit import KINDS, _kind

    from foedus.analysis.rivalry import rivalry_dyad_years
    from foedus.sim.parameters import Parameters

    sim = np.array(kinds, float)
    if first > last:
        print(f"  onsets by kind of pair in the first 21 years (no record after {last}): the runs' mean [min-max]")
        for k, name in enumerate(KINDS):
            print(f"    {name:26s} sim {sim[:, k].mean():6.1f} [{sim[:, k].min():.0f}-{sim[:, k].max():.0f}]")
        return
    p = Parameters()
    dy = rivalry_dyad_years(first=first, last=last, reach_km=p.rivalry_reach_km, contact_km=p.rivalry_contact_km, new_pair_years=p.rivalry_new_pair_years,
                            miles_per_day=p.miles_per_day)
    dy = dy[dy["onset_risk"]]
    rec = np.bincount(_kind(dy[dy["onset"]]), minlength=len(KINDS))
    print(f"  onsets by kind of pair, {first}-{last}: record, and the runs' mean [min-max]")
    for k, name in enumerate(KINDS):
        print(f"    {name:26s} record {rec[k]:3d}   sim {sim[:, k].mean():6.1f} [{sim[:, k].min():.0f}-{sim[:, k].max():.0f}]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--decades", action="store_true")
    ap.add_argument("--distant", action="store_true")
    ap.add_argument("--kinds", action="store_true")
    a = ap.parse_args()
    d = default_data_dir()
    rec = record_spells(d)
    rec_members = members_by_year(table(d, "states"), 1816, TD_LAST_YEAR)
    groups = defaultdict(list)
    for p in a.runs:
        groups[_run(p)[0]].append(p)
    for first, paths in sorted(groups.items()):
        sims, decs, distant, kinds = [], [], [], []
        last = None
        for p in paths:
            f0, l0, initial, ev, members, near, major, names = _run(p)
            last = min(l0, TD_LAST_YEAR)
            sp = history_spells(initial, ev, f0, l0)
            sims.append(rivalry_facts(sp, members, f0, last))
            decs.append(by_decade(sp, members, f0, l0))
            on = ev[ev["kind"] == "rivalry_onset"]
            kinds.append(_onset_kinds(on[on["year"] <= max(last, f0 + 20)]))  # a run after the record: its first 21 years
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
        if a.kinds:
            _print_kinds(kinds, first, last)
        if a.decades:
            rd = by_decade(rec, rec_members, first, last)
            sd = pd.concat(decs).groupby("decade", sort=False)[["in_force", "onsets", "ends"]].mean()
            print(rd.set_index("decade").join(sd, rsuffix="_sim", how="outer").round(1).to_string())


if __name__ == "__main__":
    main()
