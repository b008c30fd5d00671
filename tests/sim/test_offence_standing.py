"""Offence pledges after the Covenant (theory/renunciation.offence_standing; issue 17 item 1, issue 12's facts).

Covenant art. 20 (1919) and Charter art. 103 (1945) void engagements inconsistent with them, and a pledge to join
in attacking a third state is one: ATOP 5.1 has no public peacetime offence-led treaty after 1919. The same
record-built world of 1919, run with the ban and without it (``offence_abrogation_strength`` 0), forms fewer
offence pacts with it, one-sided at the 1 % level; every offence pact that forms names the pledge's standing
among its factors. (Seeds 0-7, four years, when written: 0 offence pacts with the ban, 26 without.)"""

from __future__ import annotations

import json

from scipy import stats

from foedus.experiments.design import apply_knobs
from foedus.sim import Simulation
from foedus.sim.build import scenario_from_record

ALPHA = 0.01
SEEDS = range(8)
YEARS = 4


def _offence_pacts(sc, seed: int) -> list[dict]:
    ev = Simulation(sc, rng=seed, explain=True).run(YEARS).events()
    details = [json.loads(d) for d in ev.loc[ev["kind"] == "formation", "detail"].dropna()]
    return [d for d in details if d.get("factors", {}).get("form") == "offence"]


def test_the_covenant_bars_offence_pledges_from_its_signature():
    sc = scenario_from_record(1919, top_n=None, years=YEARS)
    p = sc.parameters
    assert p.offence_abrogation_strength > 0
    without = apply_knobs(sc, {"parameters.offence_abrogation_strength": 0.0})
    barred = [_offence_pacts(sc, s) for s in SEEDS]
    free = [_offence_pacts(without, s) for s in SEEDS]
    a, b = sum(map(len, barred)), sum(map(len, free))
    assert b > a, (a, b)
    # under equal rates the barred arm's share of all offence pacts is Binomial(a + b, 1/2)
    assert stats.binomtest(a, a + b, 0.5, alternative="less").pvalue < ALPHA, (a, b)
    for d in (x for run in barred for x in run):
        assert d["factors"]["offence_standing"] == 1.0 - p.offence_abrogation_strength
    for d in (x for run in free for x in run):
        assert d["factors"]["offence_standing"] == 1.0
