"""The record behind foedus.theory.settlement (settle16): who signs neutrality, non-aggression and consultation pacts.

Run: ``PYTHONPATH=src python tools/settlement_record.py`` (needs the records: ATOP 5.1 member file and alliance file, COW
direct contiguity, capitals, state list, TD rivalries, COW inter-state wars, under ``foedus.data.paths.default_data_dir()``).
Prints, per era: the share of the pairs founding a non-defence pact (strongest obligation neutrality, non-aggression or
consultation) that are neighbours (contiguous, sea <= 400 miles included, or capitals within 1,000 km), against defence pacts
and all system pairs; the share of system entrants signing one within five years of first entry, against old members' five-year
windows; the rate at which a pair whose TD rivalry ended signs one in the next ten years, against near pairs at large; the share
of warring pairs of an ended COW war that sign one within ten years. Only 1816-1914 and 1946-1989 may be used to choose values.
"""
import itertools

import numpy as np
import pandas as pd

from foedus.data.paths import default_data_dir

D = str(default_data_dir()) + "/"
a = pd.read_csv(D + "atop/atop5_1a.csv", low_memory=False)
m = pd.read_csv(D + "atop/atop5_1m.csv", low_memory=False)
order = ["defense", "offense", "neutral", "nonagg", "consul"]
a["prim"] = np.select([a[o].astype(bool) for o in order], order, "none")
prim = a.set_index("atopid")["prim"]
beg = a.set_index("atopid")["begyr"]
m["begyr"] = m.atopid.map(beg)
f = m[m.yrent == m.begyr]  # founding members
caps = pd.read_csv(D + "peacesciencer/cow_capitals.csv")
caps = caps.groupby("ccode").last()  # crude: latest capital
lat, lon = np.radians(caps.lat), np.radians(caps.lng)
def km(c1, c2):
    if c1 not in caps.index or c2 not in caps.index: return np.nan
    p1, l1, p2, l2 = lat[c1], lon[c1], lat[c2], lon[c2]
    h = np.sin((p2-p1)/2)**2 + np.cos(p1)*np.cos(p2)*np.sin((l2-l1)/2)**2
    return 2*6371*np.arcsin(np.sqrt(h))
cd = pd.read_csv(D + "peacesciencer/cow_contdir.csv")
cd["s"] = pd.to_datetime(cd.stdate).dt.year; cd["e"] = pd.to_datetime(cd.enddate).dt.year
cont = {}
for r in cd.itertuples():
    for y in range(r.s, r.e + 1):
        k = (min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2), y)
        cont[k] = min(cont.get(k, 9), r.conttype)
def near(c1, c2, y):
    ct = cont.get((min(c1, c2), max(c1, c2), y), 9)
    d = km(c1, c2)
    return ct, d
rows = []
for aid, g in f.groupby("atopid"):
    y = int(beg[aid]); mem = sorted(set(g.member))
    for c1, c2 in itertools.combinations(mem, 2):
        ct, d = near(c1, c2, y)
        rows.append((aid, y, prim[aid], len(mem) == 2, c1, c2, ct, d))
P = pd.DataFrame(rows, columns=["aid", "year", "prim", "bilat", "c1", "c2", "ct", "km"])
P["land"] = P.ct == 1; P["cont"] = P.ct <= 5; P["near"] = P.cont | (P.km < 1000)
eras = {"1816-1914": (1816, 1914), "1919-1938": (1919, 1938), "1946-1989": (1946, 1989), "1990-2018": (1990, 2018)}
print("Founding pairs of new pacts: share land-contiguous / contiguous(<=400mi sea) / near (contig or capitals<1000km)")
for e, (lo, hi) in eras.items():
    s = P[(P.year >= lo) & (P.year <= hi)]
    for lab, sel in [("nondef(neu/nap/con)", s.prim.isin(["neutral", "nonagg", "consul"])), ("defence/offence", s.prim.isin(["defense", "offense"]))]:
        t = s[sel]
        # pacts (not pairs): bilateral only
        b = t[t.bilat]
        print(f"{e} {lab:22s} pairs {len(t):5d} land {t.land.mean():.2f} cont {t.cont.mean():.2f} near {t.near.mean():.2f} | bilateral pacts {len(b):4d} near {b.near.mean():.2f}")
# base rate: share of system dyads that are near, per era (mid-year)
st = pd.read_csv(D + "peacesciencer/cow_states.csv")
def members(y): return sorted(set(st[(st.styear <= y) & (st.endyear >= y)].ccode))
for e, (lo, hi) in eras.items():
    y = (lo + hi) // 2; ms = members(y); n = 0; k = 0
    for c1, c2 in itertools.combinations(ms, 2):
        ct, d = near(c1, c2, y); n += 1; k += (ct <= 5) or (d < 1000)
    print(f"{e} system dyads near share at {y}: {k/n:.3f} ({n} dyads)")
first = st.groupby("ccode").styear.min()
ND = ["neutral", "nonagg", "consul"]
nd = P[P.prim.isin(ND)]
# pair sets of nondef pacts per year
ndp = {}
for r in nd.itertuples(): ndp.setdefault((min(r.c1, r.c2), max(r.c1, r.c2)), []).append(r.year)
signs = {}
for r in nd.itertuples():
    for c in (r.c1, r.c2): signs.setdefault(c, []).append((r.year, r.near))
print("Entrants: share signing a non-defence pact within 5 years of first entry (any partner / near partner) vs old members' per-5-year share")
for e, (lo, hi) in eras.items():
    ent = [c for c, y in first.items() if lo <= y <= hi - 5 and y > 1816]
    def within(c, y0, nearonly):
        return any(y0 <= y <= y0 + 4 and (nb or not nearonly) for y, nb in signs.get(c, []))
    ea = np.mean([within(c, first[c], False) for c in ent]) if ent else np.nan
    en = np.mean([within(c, first[c], True) for c in ent]) if ent else np.nan
    # old members: windows starting every 5 years
    oa, on = [], []
    for y0 in range(lo, hi - 4, 5):
        for c in members(y0):
            if first[c] < y0 - 10 or first[c] <= 1816:
                oa.append(within(c, y0, False)); on.append(within(c, y0, True))
    print(f"{e}: entrants {len(ent):3d} any {ea:.2f} near {en:.2f} | old state-windows {len(oa)} any {np.mean(oa):.3f} near {np.mean(on):.3f}")
# rivalry ends
td = pd.read_csv(D + "peacesciencer/td_rivalries.csv")
print("Ended rivalries: share followed by a non-defence pact between the pair within 10 years (and per pair-year) vs near-dyads' per-year rate")
for e, (lo, hi) in eras.items():
    ended = td[(td.endyear >= lo) & (td.endyear <= hi - 1)]
    hit = 0; py = 0; ev = 0
    for r in ended.itertuples():
        k = (min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2))
        ys = [y for y in ndp.get(k, []) if r.endyear - 1 <= y <= r.endyear + 10]
        hit += bool(ys); ev += len(ys); py += min(11, hi - r.endyear + 1)
    # base: near system dyads per-year nondef pact rate
    nb = 0; ne = 0
    for y in range(lo, hi + 1, 3):
        ms = members(y)
        for c1, c2 in itertools.combinations(ms, 2):
            ct, d = near(c1, c2, y)
            if ct <= 5 or d < 1000:
                nb += 1; ne += (y in ndp.get((c1, c2), []))
    print(f"{e}: ended {len(ended):3d} within10 {hit/max(len(ended),1):.2f} per pair-year {ev/max(py,1):.4f} | near dyad-year base {ne/max(nb,1):.4f}")
# war ends
w = pd.read_csv(D + "peacesciencer/cow_war_inter.csv")
wend = w.groupby(["ccode1", "ccode2"]).year.max().reset_index()
wend = wend[wend.sidea1 != wend.sidea1] if False else wend
print("Ended wars (last war-year of a dyad, opposite sides): share followed by a non-defence pact within 10 years")
ws = w[w.sidea1 != w.sidea2].groupby(["warnum", "ccode1", "ccode2"]).year.max().reset_index()
ws = ws[ws.ccode1 < ws.ccode2]
for e, (lo, hi) in eras.items():
    s = ws[(ws.year >= lo) & (ws.year <= hi - 1)]
    hit = sum(any(r.year <= y <= r.year + 10 for y in ndp.get((r.ccode1, r.ccode2), [])) for r in s.itertuples())
    print(f"{e}: warring dyads ended {len(s):3d} within10 {hit/max(len(s),1):.2f}")
