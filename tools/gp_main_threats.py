"""Each great power's main threat by year in a run, and the peer it does or does not name (issue 12's face validity; issue 17).

    PYTHONPATH=src python tools/gp_main_threats.py SCENARIO SEED [SEED ...] [--years N]

``--peer-prior RHO`` sets ``peer_rivalry_prior`` (off by default; :mod:`foedus.theory.peer_threat`). ``SCENARIO`` is a built-in name (``world-2022``), a scenario file, or ``record-YEAR`` (:func:`foedus.sim.build.scenario_from_record`).
For every state that is a great power (``world.state.major``) in a year, :func:`main_threats_of_great_powers` notes after threat
perception its main threat (:func:`foedus.sim.steps.threat.main_threat_of`), that threat's value, the other great power that
threatens it most (its *peer*: Walt 1987, ch. 2, aggregate power; Thompson & Dreyer 2012, the positional rivalries of great
powers) with that threat's value, whether the peer is a live issue (:func:`foedus.sim.steps.threat.live_issues`) and whether the
two are rivals. The printout counts, per great power, the states it names over the seeds' years: the session-20 audit read
Russia naming Iran, Turkey, Iraq or Pakistan, never the United States, in world-2022 and 1990 runs.
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np
import pandas as pd

from foedus.sim import Scenario, Simulation
from foedus.sim.steps import DEFAULT_STEPS
from foedus.sim.steps.threat import live_issues, main_threat_of
from foedus.sim.steps.threat_peer import perceived_threat

COLUMNS = ["seed", "year", "ccode", "main", "main_threat", "peer", "peer_threat", "peer_issue", "peer_rival"]


def scenario_named(name: str, years: int) -> Scenario:
    """A built-in scenario, a scenario file, or ``record-YEAR`` built from the record."""
    if name.startswith("record-"):
        from foedus.sim.build import scenario_from_record

        y = int(name.split("-", 1)[1])
        return scenario_from_record(y, top_n=None, years=years, seed=y)
    return Scenario.load(name)


def main_threats_of_great_powers(scenario: Scenario, seed: int, years: int) -> pd.DataFrame:
    """One row per great power and year of a run of ``years`` years (:data:`COLUMNS`; ``main`` and ``peer`` are COW codes, -1 for
    none): the main threat the state names after threat perception, and the great power that threatens it most."""
    rows: list[tuple] = []

    def perceive_and_note(world, rng):
        DEFAULT_STEPS["threat_perception"](world, rng)
        main = main_threat_of(world)
        t, g, cc = perceived_threat(world), live_issues(world), world.inputs.ccode
        major = world.state.major & world.state.active
        for i in np.flatnonzero(major):
            others = np.flatnonzero(major)
            others = others[others != i]
            k = int(others[np.argmax(t[i, others])]) if len(others) else -1
            m = int(main[i])
            rows.append((seed, int(world.state.year), int(cc[i]), int(cc[m]) if m >= 0 else -1, float(t[i, m]) if m >= 0 else 0.0,
                         int(cc[k]) if k >= 0 else -1, float(t[i, k]) if k >= 0 else 0.0, bool(g[i, k] > 0) if k >= 0 else False,
                         bool(world.state.rivalry[i, k] > 0) if k >= 0 else False))

    Simulation(scenario, rng=seed, steps=dict(DEFAULT_STEPS, threat_perception=perceive_and_note), explain=False).run(years)
    return pd.DataFrame(rows, columns=COLUMNS)


def named_counts(panel: pd.DataFrame) -> dict[int, Counter]:
    """Per great power (COW code), how many of its state-years name each state (-1: none)."""
    return {int(c): Counter(g["main"].tolist()) for c, g in panel.groupby("ccode")}


def peer_share(panel: pd.DataFrame) -> pd.Series:
    """Per great power, the share of its state-years whose main threat is another great power."""
    return panel.assign(peer_named=panel["main"] == panel["peer"]).groupby("ccode")["peer_named"].mean()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("seeds", type=int, nargs="+")
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--out", help="write the panel (csv)")
    ap.add_argument("--peer-prior", type=float, help="set Parameters.peer_rivalry_prior (foedus.theory.peer_threat.IN_SAMPLE_BASE_RATE: 0.479)")
    a = ap.parse_args(argv)
    sc = scenario_named(a.scenario, a.years)
    if a.peer_prior is not None:
        from foedus.testing import with_updates

        sc = with_updates(sc, parameters={"peer_rivalry_prior": a.peer_prior})
    panel = pd.concat([main_threats_of_great_powers(sc, s, a.years) for s in a.seeds], ignore_index=True)
    if a.out:
        panel.to_csv(a.out, index=False)
    share = peer_share(panel)
    for c, n in named_counts(panel).items():
        print(c, f"peer share {share[c]:.2f}", ", ".join(f"{k}: {v}" for k, v in n.most_common(6)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
