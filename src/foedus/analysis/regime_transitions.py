"""The record's regime transitions by regime type, income and war: the rates behind ``regime_transition_*`` (issue 17).

:func:`record_transition_rates` counts, in the COW state-years of the chosen eras (by default the in-sample eras
1816-1914 and 1946-1989), the years in which Polity5's ``polity2`` moved by at least
:data:`foedus.theory.regime_transition.POLITY_TRANSITION_POINTS` points (Polity's ``REGTRANS``; Marshall, Gurr &
Jaggers 2014), by the regime type of the year before on the simulator's own democracy score (V-Dem polyarchy, else
``(polity2 + 10) / 20``, as :mod:`foedus.data.snapshot` builds it; :func:`foedus.theory.regime_transition.regime_type`),
for the states not fighting a stronger enemy the year before; it gives each type's rate, the share of its transitions
that raise the score, the mean move of ``polity2``, the rate of the democracies richer than the consolidation income
(Przeworski et al. 2000) and the ratio of the rate of states that fought a stronger enemy (the weaker side, by CINC, of
a COW interstate war dyad; Bueno de Mesquita, Siverson & Woller 1992) to the others'.
:func:`exits_after_transition` measures what a transition does to a state's treaties in the same eras (Leeds & Savun
2007): the yearly rate at which an ATOP member leaves a treaty (its spell ends without a new phase; the treaty's end
included) in the years after its own transition, against its other member-years, for bilateral and multilateral treaties.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from foedus.data.cow import read_nmc
from foedus.data.economy import read_gdp_population
from foedus.data.paths import default_data_dir
from foedus.data.regime import read_democracy
from foedus.theory import regime_transition as th

__all__ = ["IN_SAMPLE", "exits_after_transition", "record_transition_rates", "transition_panel"]

IN_SAMPLE: tuple[tuple[int, int], ...] = ((1816, 1914), (1946, 1989))
"""The in-sample eras of the validation protocol (issue 12)."""


def transition_panel(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The state-years with a ``polity2`` in this year and the last: ``ccode``, ``year``, ``dp`` (the move), ``r_prev`` (the
    simulator's score the year before), ``income_prev`` (US$ 2017 PPP a head the year before) and ``weaker_at_war_prev``."""
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    dem = read_democracy(d / "regime" / "cw_democracy.csv").sort_values(["ccode", "year"])
    dem["r"] = np.where(dem["v2x_polyarchy"].notna(), dem["v2x_polyarchy"], (dem["polity2"] + 10.0) / 20.0)
    prev = dem[["ccode", "year", "polity2", "r"]].assign(year=dem["year"] + 1).rename(columns={"polity2": "p_prev", "r": "r_prev"})
    x = dem.merge(prev, on=["ccode", "year"], how="inner")
    x = x[x["polity2"].notna() & x["p_prev"].notna() & x["r_prev"].notna()].copy()
    x["dp"] = x["polity2"] - x["p_prev"]
    g = read_gdp_population(d / "economy" / "cw_gdppop.csv.gz")
    g = pd.DataFrame({"ccode": g["ccode"], "year": g["year"] + 1, "income_prev": g["pwtrgdp"] / g["pwtpop"]})
    x = x.merge(g, on=["ccode", "year"], how="left")
    w = pd.read_csv(d / "peacesciencer" / "cow_war_inter.csv", usecols=["ccode1", "ccode2", "year"])
    nmc = read_nmc(d / "peacesciencer" / "cow_nmc.csv")[["ccode", "year", "cinc"]]
    w = w.merge(nmc.rename(columns={"ccode": "ccode1", "cinc": "c1"}), on=["ccode1", "year"])
    w = w.merge(nmc.rename(columns={"ccode": "ccode2", "cinc": "c2"}), on=["ccode2", "year"])
    weak = w.loc[w["c2"] > w["c1"], ["ccode1", "year"]].drop_duplicates()
    weak = pd.DataFrame({"ccode": weak["ccode1"], "year": weak["year"] + 1, "weaker_at_war_prev": True})
    x = x.merge(weak, on=["ccode", "year"], how="left")
    x["weaker_at_war_prev"] = x["weaker_at_war_prev"].eq(True)
    return x.reset_index(drop=True)


def record_transition_rates(data_dir: Path | str | None = None, eras: Sequence[tuple[int, int]] = IN_SAMPLE, *,
                            anocracy_from: float = 0.2, democracy_from: float = 0.5,
                            consolidation_income: float = 14569.0) -> dict[str, object]:
    """The record's transition rates in ``eras`` (first and last year, inclusive): a dict with ``by_type`` (a DataFrame
    indexed by :data:`foedus.theory.regime_transition.REGIME_TYPES`: ``state_years``, ``transitions``, ``rate``,
    ``up_share``, ``mean_move``), ``poor_democracy`` and ``rich_democracy`` (``state_years``, ``transitions``),
    ``war_ratio``, ``mean_move`` (of ``polity2``) and ``mean_score_move`` (of the simulator's score) at all transitions."""
    x = transition_panel(data_dir)
    x = x[np.logical_or.reduce([x["year"].between(a + 1 if a == 1816 else a, b) for a, b in eras])]
    x = x.assign(t=x["dp"].abs() >= th.POLITY_TRANSITION_POINTS,
                 kind=th.regime_type(np.clip(x["r_prev"].to_numpy(float), 0, 1), anocracy_from=anocracy_from, democracy_from=democracy_from))
    base = x[~x["weaker_at_war_prev"]]
    rows = []
    for k, name in enumerate(th.REGIME_TYPES):
        z = base[base["kind"] == k]
        t = z[z["t"]]
        rows.append({"type": name, "state_years": len(z), "transitions": int(z["t"].sum()), "rate": float(z["t"].mean()) if len(z) else np.nan,
                     "up_share": float((t["dp"] > 0).mean()) if len(t) else np.nan, "mean_move": float(t["dp"].abs().mean()) if len(t) else np.nan})
    dem = base[base["kind"] == 2]
    rich = dem["income_prev"] >= consolidation_income
    war = x[x["weaker_at_war_prev"]]
    return {
        "by_type": pd.DataFrame(rows).set_index("type"),
        "poor_democracy": {"state_years": int((~rich).sum()), "transitions": int(dem.loc[~rich, "t"].sum())},
        "rich_democracy": {"state_years": int(rich.sum()), "transitions": int(dem.loc[rich, "t"].sum())},
        "war_ratio": float(war["t"].mean() / base["t"].mean()) if len(war) and base["t"].any() else np.nan,
        "mean_move": float(x.loc[x["t"], "dp"].abs().mean()),
        "mean_score_move": float((x.loc[x["t"], "r"] - x.loc[x["t"], "r_prev"]).abs().mean()),
    }


def exits_after_transition(data_dir: Path | str | None = None, eras: Sequence[tuple[int, int]] = IN_SAMPLE, *, years: int = 5) -> pd.DataFrame:
    """ATOP member-years in ``eras``: the yearly exit rate of a member in the ``years`` years from its own transition on
    (``after``) and in its other years (``other``), their difference (``excess``) and ``excess_total`` = ``years * excess``
    (the extra chance that it has left within those years), by ``bilateral`` (two members in all) or not."""
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    x = transition_panel(d)
    moved = x.loc[x["dp"].abs() >= th.POLITY_TRANSITION_POINTS, ["ccode", "year"]]
    m = pd.read_csv(d / "atop" / "atop5_1m.csv", usecols=["atopid", "member", "yrent", "yrexit"])
    last = int(m[["yrent", "yrexit"]].max().max())
    m["yrexit"] = m["yrexit"].where(m["yrexit"] > 0, last)
    renewed = set(zip(m["atopid"], m["member"], m["yrent"]))  # a spell ended by a new phase of the same treaty is no exit
    m["exit"] = [y < last and (a, c, y) not in renewed for a, c, y in zip(m["atopid"], m["member"], m["yrexit"])]
    m["year"] = [list(range(int(a), int(b) + 1)) for a, b in zip(m["yrent"], m["yrexit"])]
    my = m.explode("year").astype({"year": int})
    my["exit"] = my["exit"] & (my["year"] == my["yrexit"])
    my = my.sort_values("exit").drop_duplicates(["atopid", "member", "year"], keep="last")
    my = my[np.logical_or.reduce([my["year"].between(a + 1 if a == 1816 else a, b) for a, b in eras])]
    hit = set()
    for c, y in zip(moved["ccode"], moved["year"]):
        hit.update((c, y + k) for k in range(years))
    my["after"] = [(c, y) in hit for c, y in zip(my["member"], my["year"])]
    my["bilateral"] = my["atopid"].map(m.groupby("atopid")["member"].nunique()) == 2
    out = my.groupby(["bilateral", "after"])["exit"].agg(["mean", "size"]).unstack("after")
    res = pd.DataFrame({"after": out[("mean", True)], "other": out[("mean", False)], "member_years_after": out[("size", True)]})
    res["excess"] = res["after"] - res["other"]
    res["excess_total"] = years * res["excess"]
    return res
