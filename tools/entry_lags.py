"""The lag from a war's first year to each entry, by side and route, in the record and in runs (foedus.analysis.entry_lags).

    PYTHONPATH=src python tools/entry_lags.py [--data DATA_DIR] [RUN_DIR ...]

Record: COW inter-state wars (peacesciencer's ``cow_war_inter.csv``) begun 1816-1914 and 1946-1989 (the in-sample eras; the
test eras are printed for reading only). A participant's side is ``initiator`` where it is the side of the war's initiator
(COW ``initiator1``), its route ``ally`` where it shared an ATOP defence or offence pact (that year or the year before) with a
state of its side already in the war, else ``rival`` where it was a strategic rival (Thompson & Dreyer 2012) of a state of the
other side, else ``neither``. Then the entries per war-year of each age and the Poisson rate of their decline
(:func:`foedus.analysis.entry_lags.age_decay_rate`), the estimate of ``entry_age_decay_rate``.

Runs (``foedus simulate`` folders): the participants of their ``war``, ``commitment`` and ``war_entry`` events, side 1 the
attacker's (the initiator), the route the event's (``call``: an honoured commitment; ``warring ally``, ``opportunistic``,
``collective security``, ``alliance``: an ally entering a year late).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

from foedus.analysis.entry_lags import (
    age_decay_rate,
    entries_by_age,
    entry_ages,
    lag_summary,
)
from foedus.analysis.war_allies import participants_from_cow, participants_from_events
from foedus.data.conflict import read_wars
from foedus.data.paths import default_data_dir

ERAS = ((1816, 1914, "in sample"), (1919, 1938, "test"), (1946, 1989, "in sample"), (1990, 2007, "test"))


def _record_routes(p: pd.DataFrame, ps: Path) -> pd.Series:
    at = pd.read_csv(ps / "atop_alliance.csv.gz")
    at = at[(at.atop_defense == 1) | (at.atop_offense == 1)]
    pact = set(zip(at.ccode1, at.ccode2, at.year)) | set(zip(at.ccode2, at.ccode1, at.year))
    td = pd.read_csv(ps / "td_rivalries.csv")
    riv = {}
    for a, b, s, e in zip(td.ccode1, td.ccode2, td.styear, td.endyear):
        riv.setdefault((a, b), []).append((s, e))
        riv.setdefault((b, a), []).append((s, e))
    out = []
    for r in p.itertuples():
        g = p[p.war == r.war]
        y = r.entry_year
        mates = g[(g.side == r.side) & (g.ccode != r.ccode) & (g.entry_year <= y)].ccode
        foes = g[(g.side != r.side) & (g.entry_year <= y)].ccode
        if any((r.ccode, m, t) in pact for m in mates for t in (y - 1, y)):
            out.append("ally")
        elif any(s <= y <= e for f in foes for s, e in riv.get((r.ccode, f), ())):
            out.append("rival")
        else:
            out.append("neither")
    return pd.Series(out, index=p.index)


def record(data: Path) -> None:
    ps = data / "peacesciencer"
    w = read_wars(ps / "cow_war_inter.csv")
    p = participants_from_cow(w)
    init = w[w.initiator1.astype(bool)].groupby("warnum").side1.first().to_dict()
    last = w.groupby("warnum").year.max().to_dict()
    route = _record_routes(p, ps)
    ages = entry_ages(p, init, route)
    tables = []
    for lo, hi, kind in ERAS:
        k = ((p.war_start >= lo) & (p.war_start <= hi)).to_numpy()
        print(f"\nRecord {lo}-{hi} ({kind}): {p[k].war.nunique()} wars, {int((ages[k].lag > 0).sum())} joiners (entered after the first year)")
        print(lag_summary(ages[k]).to_string())
        t = entries_by_age(p[k], last)
        print("entries per war-year by age:", dict(zip(t.age.tolist(), zip(t.entries.tolist(), t.wars.tolist()))))
        if kind == "in sample":
            tables.append(t)
    both = pd.concat(tables).groupby("age", as_index=False)[["entries", "wars"]].sum()
    print(f"\nIn sample (1816-1914, 1946-1989): entries {both.entries.tolist()} of wars {both.wars.tolist()} by age")
    print(f"Poisson decay rate (per year), all ages: {age_decay_rate(both):.3f}; ages 1 and later: {age_decay_rate(both, 1):.3f}")


def run(folder: Path) -> None:
    ev = pd.read_parquet(folder / "events.parquet")
    p = participants_from_events(ev)
    route = {}
    for kind, who, d in zip(ev.kind, ev.ccode, ev.detail):
        if kind not in ("commitment", "war_entry") or not isinstance(d, str):
            continue
        d = json.loads(d)
        if kind == "commitment" and not d.get("honoured"):
            continue
        if d.get("war"):
            route[(tuple(int(v) for v in d["war"]), int(who))] = d.get("route", "call")
    wars = ev[ev.kind == "war"]
    key = {}
    for k, (y, a, t) in enumerate(zip(wars.year, wars.ccode, wars.ccode2)):
        key.setdefault(k, (int(y), int(a), int(t)))
    r = pd.Series([route.get((key.get(w, ()), c), "call" if not o else "") for w, c, o in zip(p.war, p.ccode, p.original)], index=p.index)
    ages = entry_ages(p, {w: 1 for w in p.war.unique()}, r)
    st = pd.read_parquet(folder / "states.parquet")
    print(f"\nRun {folder}: {p.war.nunique()} wars, {int((ages.lag > 0).sum())} joiners (entered after the first year)")
    print(lag_summary(ages).to_string())
    late = ages[ages.lag >= 3].merge(p[["war", "ccode", "war_start"]], on=["war", "ccode"])
    nm = dict(zip(st.ccode, st.abb)) if "abb" in st.columns else {}
    for x in late.itertuples():
        a, t = key.get(x.war, (0, 0, 0))[1:]
        print(f"  {nm.get(x.ccode, x.ccode)} enters {nm.get(a, a)}-{nm.get(t, t)} {x.war_start} after {x.lag} years ({x.side}, {x.route})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="*", type=Path)
    ap.add_argument("--data", type=Path, default=None)
    a = ap.parse_args()
    if not a.runs:
        record(a.data or default_data_dir())
    for f in a.runs:
        run(f)


if __name__ == "__main__":
    np.set_printoptions(linewidth=160)
    main()
