"""How each war between great powers of an era's runs began, and how its second great power came in.

    PYTHONPATH=src python tools/gp_onset_routes.py ERA SEED [SEED ...] [--years N]

Runs the era's record-built scenario (:func:`foedus.experiments.eras.era_scenario`) for each seed and prints, for each war
counted by ``gp_war_onsets_per_gp_pair_year`` (:mod:`foedus.analysis.great_power_wars`): ``DIRECT`` where the war event's two
states were both great powers (with the onset's hazard, rivalry and the initiator's victory probability), else the route by
which each great power on the other side entered (``commitment/defense``: a pact's call honoured; ``war_entry/<route>``: a
pact made for the war, a warring ally, an opportunist, a late ally, collective security). Last, the wars begun between a great
power and minor states, how many drew a great power against it, how many were begun against a state another great power was
pledged to defend (their onsets name ``extended_deterrence``: :mod:`foedus.sim.steps.war_onset_deterrence`), and the era's rate. The record: in sample, 1 of 18 such wars
in 1816-1914 (the Crimean War) and 0 of 11 in 1946-1989 (:mod:`foedus.theory.war_restraint`).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.great_power_wars import great_power_war_counts
from foedus.analysis.war_allies import war_participants
from foedus.analysis.war_onsets import WAR_RECORD_LAST_YEAR
from foedus.experiments.eras import era_scenario, era_window
from foedus.sim.engine import Simulation


def _detail(x) -> dict:
    return x if isinstance(x, dict) else (json.loads(x) if isinstance(x, str) else {})


def _routes(ent, ccodes, key) -> list[str]:
    """The entry route of each of ``ccodes`` into the war ``key`` (first year, attacker, target)."""
    out = []
    for c in ccodes:
        x = ent[(ent["ccode"] == c) & (ent["wk"] == key) & ent["ok"]]
        d = _detail(x["detail"].iloc[0]) if len(x) else {}
        out.append(f"{c}:{x['kind'].iloc[0]}/{d.get('route', d.get('obligation'))}" if len(x) else f"{c}:?")
    return out


def one_run(era: str, seed: int, years: int | None, tally: Counter) -> tuple[int, float]:
    first, last = era_window(era, years)
    last = min(last, WAR_RECORD_LAST_YEAR)
    h = Simulation(era_scenario(era, years), rng=seed).run(last - first + 1).history()
    ev, p = h.events, war_participants(h, first, last)
    sy = state_years_filled(h)
    major = set(zip(sy["ccode"][sy["major"]], sy["year"][sy["major"]]))
    p = p.assign(gp=[(c, y) in major for c, y in zip(p["ccode"], p["entry_year"])])
    wars = ev[ev["kind"] == "war"].reset_index(drop=True)
    ent = ev[ev["kind"].isin(["commitment", "war_entry"])].copy()
    ent["wk"] = [tuple(_detail(d).get("war") or ()) for d in ent["detail"]]
    ent["ok"] = [k == "war_entry" or bool(_detail(d).get("honoured")) for k, d in zip(ent["kind"], ent["detail"])]
    for wid, g in p.groupby("war"):
        e = wars.iloc[wid]
        a, t, y0 = int(e["ccode"]), int(e["ccode2"]), int(e["year"])
        ag, tg, gpwar = (a, y0) in major, (t, y0) in major, g[g["gp"]]["side"].nunique() >= 2
        if ag != tg:
            tally["great power against minors"] += 1
            tally["... drew a great power against it"] += gpwar
            tally["... a great power's protege (gpwar13: extended deterrence)"] += "extended_deterrence" in _detail(e["detail"]).get("factors", {})
        if not gpwar:
            continue
        d = _detail(e["detail"])
        if ag and tg:
            f = d.get("factors", {})
            print(f"s{seed} {y0} DIRECT {a}->{t} {d.get('cause')} hazard={f.get('hazard', '-')} rival={f.get('rival', '-')} victory={f.get('victory_probability', '-')}")
            continue
        side = 1 if ag else 2
        print(f"s{seed} {y0} {a}->{t} entered against the great power: {_routes(ent, g[g['gp'] & (g['side'] != side)]['ccode'].tolist(), (y0, a, t))}")
    return great_power_war_counts(h, war_participants(h, first, last), first, last)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("era")
    ap.add_argument("seeds", nargs="+", type=int)
    ap.add_argument("--years", type=int, default=None)
    args = ap.parse_args()
    tally: Counter = Counter()
    wars = pair_years = 0.0
    for seed in args.seeds:
        w, py = one_run(args.era, seed, args.years, tally)
        wars, pair_years = wars + w, pair_years + py
    print(dict(tally), f"great-power wars {int(wars)} over {pair_years:.0f} pair-years: {wars / pair_years if pair_years else float('nan'):.4f}")


if __name__ == "__main__":
    main()
