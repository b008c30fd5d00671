"""Great powers' entries into the COW inter-state wars begun between two minor states, 1816-2007, and by which route.

    PYTHONPATH=src python tools/minor_war_entries.py [DATA_DIR]

The rule :func:`foedus.theory.wartime.localised` (a great power does not enter a war between two minor states) holds on the
warring-ally and coalition routes; this reads whether the record has great powers enter such wars as *opportunists*
(:func:`foedus.sim.steps.war_entry.opportunists`: a strategic rival of a belligerent, bound to no belligerent of its side).
A war is begun between minor states when every state of its initiating dyads (:func:`foedus.analysis.war_onsets.initiating_dyads`'
rule: the first year's cross-side dyads of states in from that year, those with an initiator where there is one) is minor in
that year (COW major powers). For each great power that entered such a war later, it prints whether it was a strategic rival
(Thompson & Dreyer 2012) of a belligerent of the other side and whether it shared an ATOP defence or offence pact (that year
or the year before) with one of its own side or of the other. Last, the wars whose initiators were minor but in which a great
power fought from the first year (Korea 1950: not counted as begun between minors; read by hand).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from foedus.data.conflict import read_wars
from foedus.data.paths import default_data_dir

ERAS = ((1816, 1914), (1919, 1938), (1946, 1989), (1990, 2007))


def main(data: Path) -> None:
    ps = data / "peacesciencer"
    w = read_wars(ps / "cow_war_inter.csv")
    maj = pd.read_csv(ps / "cow_majors.csv")
    td = pd.read_csv(ps / "td_rivalries.csv")
    at = pd.read_csv(ps / "atop_alliance.csv.gz")
    at = at[(at.atop_defense == 1) | (at.atop_offense == 1)]
    pact = set(zip(at.ccode1, at.ccode2, at.year))

    def major(c, y):
        return bool(((maj.ccode == c) & (maj.styear <= y) & (maj.endyear >= y)).any())

    def rivals(a, b, y):
        return bool(((((td.ccode1 == a) & (td.ccode2 == b)) | ((td.ccode1 == b) & (td.ccode2 == a))) & (td.styear <= y) & (td.endyear >= y)).any())

    def allied(a, b, y):
        return any((a, b, t) in pact or (b, a, t) in pact for t in (y - 1, y))

    begun, entries = [], []
    for wn, g in w.groupby("warnum"):
        start = int(g.year.min())
        entry = g.groupby("ccode1").agg(year=("year", "min"), side=("side1", "first"))
        first = g[g.year == start]
        fresh = (first.ccode1.map(entry.year) == start) & (first.ccode2.map(entry.year) == start) & (first.side1 != first.side2)
        o = first[fresh]
        init = (o.initiator1 == 1) | (o.initiator2 == 1)
        o = o[init] if init.any() else o
        founders = set(o.ccode1) | set(o.ccode2)
        if any(major(c, start) for c in founders):
            continue
        begun.append(start)
        for c, r in entry.iterrows():
            y, s = int(r.year), int(r.side)
            if c in founders or not major(c, y):
                continue
            foes = [k for k, q in entry.iterrows() if q.side != s and q.year <= y]
            mates = [k for k, q in entry.iterrows() if q.side == s and q.year <= y and k != c]
            rival = [f for f in foes if rivals(c, f, y)]
            own = [m for m in mates if allied(c, m, y)]
            opportunist = bool(rival) and not own
            entries.append((wn, start, c, y, rival, own, [f for f in foes if allied(c, f, y)], opportunist))
    for lo, hi in ERAS:
        n = sum(lo <= y <= hi for y in begun)
        e = [x for x in entries if lo <= x[1] <= hi]
        print(f"{lo}-{hi}: {n} wars begun between minor states; great powers entered {len({x[0] for x in e})} of them "
              f"({len(e)} entries), {sum(x[-1] for x in e)} as opportunists")
    for wn, start, c, y, rival, own, foe_pact, opp in entries:
        print(f"  war {wn} ({start}): great power {c} entered {y}; rival of {rival or 'no belligerent'}; pact with its side {own or 'none'}; "
              f"with the other {foe_pact or 'none'}; {'OPPORTUNIST' if opp else 'not an opportunist'}")
    print("wars with minor initiators in which a great power fought from the first year:")
    for wn, g in w.groupby("warnum"):
        start = int(g.year.min())
        first = g[g.year == start]
        inits = set(first.ccode1[first.initiator1 == 1])
        if start > ERAS[-1][1] or not inits or any(major(c, start) for c in inits):
            continue
        gps = sorted(c for c in set(first.ccode1) - inits if major(c, start))
        if gps:
            sides = first.groupby("ccode1").side1.first().to_dict()
            print(f"  war {wn} ({start}): initiators {sorted(inits)}, great powers {gps}, sides {sides}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir())
