"""Regenerate the treaty-replacement rates (``replacement_*`` of foedus.sim.parameters.Parameters) and the record's tables.

    PYTHONPATH=src python tools/replacement_fit.py

Lists the pact-years of the record's bilateral alliances (foedus.analysis.replacement.replacement_pact_years, with ATOP's
stated terms), prints the replacements by era, age, obligation and term's end, fits the rate on the in-sample eras
(1816-1914 and 1946-1989; foedus.analysis.replacement.fit_replacement) and prints the predicted and observed counts in
every era (1990-2018 held out: printed, never fitted), then the bilateral alliances begun inside a multilateral one by the
kind of that pact (foedus.analysis.replacement.inside_multilateral).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.replacement import (
    fit_replacement,
    inside_multilateral,
    replacement_pact_years,
)
from foedus.data import load_record
from foedus.data.atop import read_atop_terms
from foedus.data.paths import default_data_dir
from foedus.sim.build import find_file

ERAS = ((1816, 1914), (1946, 1989), (1990, 2018))
IN_SAMPLE = ERAS[:2]


def main() -> None:
    h = load_record()
    rows = replacement_pact_years(h, read_atop_terms(find_file(default_data_dir(), "atop_alliances")))
    rows["age_class"] = pd.cut(rows["age"], [0, 4, 9, 19, 10**4], labels=["1-4", "5-9", "10-19", "20+"])
    era = lambda r, e: r[(r["year"] >= e[0]) & (r["year"] <= e[1])]
    for e in ERAS:
        x = era(rows, e)
        print(f"== {e[0]}-{e[1]}: {len(x)} pact-years, {int(x['replaced'].sum())} replaced ({x['replaced'].mean():.4f} a year)")
        for col in ("age_class", "obligation", "defence", "term_end"):
            g = x.groupby(col, observed=True)["replaced"].agg(["sum", "count", "mean"])
            print(f"  by {col}: " + "; ".join(f"{k} {int(v['sum'])}/{int(v['count'])} ({v['mean']:.4f})" for k, v in g.iterrows()))
    fit = pd.concat([era(rows, e) for e in IN_SAMPLE])
    rate, se = fit_replacement(fit)
    print("in-sample fit: base rate {:.5f}, defence ratio {:.2f}, term-end ratio {:.2f}; s.e. of the logs {}".format(*rate, np.round(se, 2)))
    print(fit.groupby(["defence", "term_end"])["replaced"].agg(["sum", "count", "mean"]))
    for e in ERAS:
        x = era(rows, e)
        h_ = rate[0] * np.where(x["defence"], rate[1], 1) * np.where(x["term_end"], rate[2], 1)
        print(f"  {e[0]}-{e[1]}: predicted {(-np.expm1(-h_)).sum():.1f}, observed {int(x['replaced'].sum())}")
    for e in ERAS:
        t = inside_multilateral(h, *e)
        print(f"== bilateral alliances begun {e[0]}-{e[1]}: {len(t)}; tie {t['tie'].value_counts().to_dict()}")
        mu = t[t["tie"] == "multilateral"]
        size = pd.cut(mu["multilateral_size"], [2, 5, 10, 10**4], labels=["3-5", "6-10", "11+"])
        print("  inside a multilateral, by its obligation:", mu["multilateral_obligation"].value_counts().to_dict(), "by its size:", size.value_counts().to_dict())


if __name__ == "__main__":
    main()
