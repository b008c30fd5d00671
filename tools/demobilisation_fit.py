"""The post-war ratchet and demobilisation rate of the record (``war_ratchet``, ``demobilisation_rate`` of Parameters).

    PYTHONPATH=src python tools/demobilisation_fit.py

Every state's spell of COW inter-state war (wars a year apart or less are one spell) that mobilised (the
war's highest figure at least twice the last pre-war year's) and was followed by three years of peace;
in sample: spells that begin and whose third post-war year falls in 1816-1914 or 1946-1989. For military
personnel (COW NMC, thousands: free of the price level that current-dollar spending carries):

- the ratchet ``(x[end + 3] - x[pre]) / (peak - x[pre])`` (foedus.theory.arming.postwar_level);
- the gap kept a year after the war, ``(x[end + 1] - x[end + 3]) / (peak - x[end + 3])``
  (foedus.theory.arming.demobilisation: ``1 - rate``).

Prints each spell and the medians in sample and held out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.data.paths import default_data_dir

IN_SAMPLE = ((1816, 1914), (1946, 1989))


def spells(wars: pd.DataFrame) -> list[tuple[int, int, int]]:
    """(ccode, first year, last year) of each state's war spells (wars a year apart or less merged)."""
    sp = wars.groupby(["warnum", "ccode1"])["year"].agg(["min", "max"]).reset_index()
    out = []
    for c, g in sp.groupby("ccode1"):
        cur = None
        for r in g.sort_values("min").itertuples():
            if cur and r.min <= cur[1] + 1:
                cur[1] = max(cur[1], r.max)
            else:
                if cur:
                    out.append((int(c), *cur))
                cur = [int(r.min), int(r.max)]
        out.append((int(c), *cur))
    return out


def main() -> None:
    d = default_data_dir()
    nmc = pd.read_csv(d / "peacesciencer" / "cow_nmc.csv").set_index(["ccode", "year"])["milper"]
    sp = spells(pd.read_csv(d / "peacesciencer" / "cow_war_inter.csv"))
    rows = []
    for c, s, e in sp:
        if any(c2 == c and e < s2 <= e + 3 for c2, s2, _ in sp):
            continue  # not three years of peace
        try:
            pre, post, nxt = nmc.loc[(c, s - 1)], nmc.loc[(c, e + 3)], nmc.loc[(c, e + 1)]
            peak = max(nmc.loc[(c, y)] for y in range(s, e + 1))
        except KeyError:
            continue
        if not (pre > 0 and peak >= 2 * pre) or np.isnan([pre, post, nxt, peak]).any():
            continue
        ins = any(lo <= s and e + 3 <= hi for lo, hi in IN_SAMPLE)
        kept = (nxt - post) / (peak - post) if peak > post else np.nan
        rows.append((c, s, e, pre, peak, post, (post - pre) / (peak - pre), kept, ins))
    df = pd.DataFrame(rows, columns=["ccode", "first", "last", "pre", "peak", "post3", "ratchet", "gap_kept_1y", "in_sample"])
    print(df.round(3).to_string(index=False))
    for ins, tag in ((True, "in sample"), (False, "held out")):
        q = df[df["in_sample"] == ins]
        print(f"{tag}: {len(q)} spells; median ratchet {q['ratchet'].median():.3f}; median gap kept after a year "
              f"{q['gap_kept_1y'].median():.3f} (rate {1 - q['gap_kept_1y'].median():.3f})")


if __name__ == "__main__":
    main()
