"""The record behind settle20: who signs the lesser pledges (neutrality, non-aggression, consultation), and which candidate
mechanisms of the 1990-2018 surge the IN-SAMPLE eras (1816-1914, 1946-1989) support.

Run: ``PYTHONPATH=src python tools/lesser_pledges_record.py`` (needs ATOP 5.1, the COW state list and direct contiguity,
Polity 2 in ``regime/cw_democracy.csv``, under ``foedus.data.paths.default_data_dir()``). Only the in-sample eras may be used
to choose a value; the 1990-2018 listing is the record read, not a target. Output of the session (ATOP 5.1):

1. 1990-2018 new pacts by strongest obligation: non-aggression 189, neutrality 54, consultation 38, defence 33; nearly all
   bilateral, and most between the post-communist states of Europe and the former Soviet Union (Russia 365, Ukraine 369,
   Belarus 370, Moldova 359, the Baltic, Caucasian and Central Asian republics, Poland 290, Hungary 310, Romania 360,
   Bulgaria 355, the Czech Republic and Slovakia, the Yugoslav successors) and China's treaties with its neighbours.
   1946-1989 non-aggression: China's boundary treaties of 1960-1965 (Burma, Nepal, Afghanistan, Pakistan), the United States'
   treaties of friendship, West Germany's Ostpolitik (1970-1973), the Soviet treaties of friendship of the 1970s, ECOWAS's
   protocol of 1978; neutrality 4. 1816-1914 neutrality 11, mostly between great powers (1859, 1866, 1881, 1887, 1904).
2. Neighbour pairs (COW contiguity <= 5) founding a lesser pact, per 1,000 pair-years: successors of one former ruler both new
   (<10 years) 20.0 (1816-1914, 5 events) and 3.0 (1946-1989) against 3.3 and 15.7 for old pairs of other rulers; a new
   state and any neighbour 1.4 and 8.4: newness lowers the rate in sample, siblings raise it only in 1816-1914.
3. Pairs whose alliance ended (no common alliance left), next ten years: any new pact 24.4 and 5.1 per 1,000 pair-years
   against 1.8 and 2.7 for unallied pairs, but lesser pledges 7.1 and 0.95 against 0.58 and 1.8: after 1945 ex-allies sign
   defence pacts again, not lesser ones (counted in the session's scratch script from ATOP's member entry and exit years, not
   by this one).
4. States in the ten years after a Polity transition (3 points in three years; entrants' first ten years apart): lesser pacts
   per state-year, against states after neither: after democratisation 1.16 (1816-1914) and 0.76 (1946-1989), after
   autocratisation 1.18 and 0.82 (as intentions_restart_share's estimate: no surge after a transition in sample).
None of the candidate mechanisms of the 1990s surge is supported in both in-sample eras.
"""
import collections
import itertools
import sys

import numpy as np
import pandas as pd

from foedus.data.paths import default_data_dir
from foedus.data.succession import FORMER_RULER, SUCCESSIONS

D = str(default_data_dir()) + "/"
LESSER = ("neutral", "nonagg", "consul")
a = pd.read_csv(D + "atop/atop5_1a.csv", low_memory=False)
m = pd.read_csv(D + "atop/atop5_1m.csv", low_memory=False)
order = ["defense", "offense", "neutral", "nonagg", "consul"]
a["prim"] = np.select([a[o].astype(bool) for o in order], order, "none")
A = a.set_index("atopid")
m["begyr"] = m.atopid.map(A.begyr)
f = m[m.yrent == m.begyr]  # founding members
found = collections.defaultdict(list)  # (c1, c2) -> [(year, strongest obligation)]
for aid, g in f.groupby("atopid"):
    mem = sorted(set(g.member))
    for c1, c2 in itertools.combinations(mem, 2):
        found[(c1, c2)].append((int(A.begyr[aid]), A.prim[aid]))
st = pd.read_csv(D + "peacesciencer/cow_states.csv")
first = st.groupby("ccode").styear.min()
spells = collections.defaultdict(list)
for r in st.itertuples():
    spells[r.ccode].append((r.styear, r.endyear))


def insys(c, y):
    return any(s <= y <= e for s, e in spells[c])


def listing(lo, hi):
    s = a[(a.begyr >= lo) & (a.begyr <= hi)]
    mem = f.groupby("atopid").member.apply(lambda x: sorted(set(x)))
    print(f"{lo}-{hi} new pacts by strongest obligation:", s.groupby("prim").size().to_dict())
    for r in s[s.prim.isin(LESSER)].sort_values(["prim", "begyr"]).itertuples():
        print("  ", r.prim, r.atopid, r.begyr, mem.get(r.atopid, [])[:8])


def neighbours_by_kind(lo, hi, window=10):
    ruler = dict(FORMER_RULER)
    ruler.update({s.successor: s.predecessor for s in SUCCESSIONS if s.kind == "secession"})
    cd = pd.read_csv(D + "peacesciencer/cow_contdir.csv")
    cd["s"], cd["e"] = pd.to_datetime(cd.stdate).dt.year, pd.to_datetime(cd.enddate).dt.year
    cnt = {}
    for r in cd[cd.conttype <= 5].itertuples():
        if r.ccode1 > r.ccode2:
            continue
        c1, c2 = r.ccode1, r.ccode2
        for y in range(max(r.s, lo), min(r.e, hi) + 1):
            if not (insys(c1, y) and insys(c2, y)):
                continue
            young = max(first.get(c1, 1816), first.get(c2, 1816))
            sib = c1 in ruler and c2 in ruler and ruler[c1] == ruler[c2]
            par = ruler.get(c1) == c2 or ruler.get(c2) == c1
            k = ("sibling" if sib else "ruler" if par else "other") + ("_new" if y - young < window and young > 1816 else "_old")
            c = cnt.setdefault(k, [0, 0])
            c[0] += 1
            c[1] += sum(p in LESSER for yy, p in found.get((c1, c2), []) if yy == y)
    for k, (n, e) in sorted(cnt.items()):
        print(f"  {lo}-{hi} neighbours {k:12s} pair-years {n:6d} lesser pacts {e:4d} ({1000 * e / n:.2f} per 1,000)")


def transitions(lo, hi):
    n_l = collections.Counter((r.member, r.begyr) for r in f.itertuples() if A.prim[r.atopid] in LESSER)
    d = pd.read_csv(D + "regime/cw_democracy.csv").dropna(subset=["polity2"]).sort_values(["ccode", "year"])
    rows = []
    for c, g in d.groupby("ccode"):
        p = g.set_index("year").polity2
        for y in p.index:
            prev = [p[y - k] for k in (1, 2, 3) if y - k in p.index]
            mv = p[y] - prev[-1] if prev else 0
            rows.append((c, y, "up" if mv >= 3 else "down" if mv <= -3 else None))
    R = pd.DataFrame(rows, columns=["c", "y", "kind"])
    for k in ("up", "down"):
        R[k] = R.y.where(R.kind == k)
        R[k] = R.groupby("c")[k].ffill()
    s = R[(R.y >= lo) & (R.y <= hi) & (R.y - R.c.map(first) >= 10)].copy()
    s["n"] = [n_l.get((c, y), 0) for c, y in zip(s.c, s.y)]
    up = (s.y - s.up < 10) & (s.down.isna() | (s.up >= s.down))
    dn = (s.y - s.down < 10) & (s.up.isna() | (s.down > s.up))
    base = s[~up & ~dn].n.mean()
    print(f"  {lo}-{hi} lesser pacts per state-year after democratisation {s[up].n.mean() / base:.2f}, after autocratisation "
          f"{s[dn].n.mean() / base:.2f} times the others' ({base:.4f})")


if __name__ == "__main__":
    listing(1990, 2018) if "--list" in sys.argv else None
    for lo, hi in ((1816, 1914), (1946, 1989)):
        neighbours_by_kind(lo, hi)
        transitions(lo, hi)
