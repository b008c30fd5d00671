"""Cyber alignments of world-2022 over many seeds: bounded by trust, members of their camp, moved by T3 (issue 17).

The bounds, from the record:

- an alignment that shares vulnerabilities (integration > 0, every one a run forms) holds at most
  ``SHARING_MAX`` = 10 states (15 % of the 66): the tight cyber alignments on record are small
  (Five Eyes, 5 states; the SCO's 2009 agreement on international information security, 6; the
  bilateral Russia-China agreement of 2015, 2);
- a norms pledge (integration 0; the Paris Call) may hold its whole camp and no more: at most
  ``PLEDGE_MAX`` = 80 % of the states. The Paris Call's 80 states are 41 % of the UN's 193, all
  in the open camp; world-2022 over-represents that camp (its democracies, V-Dem >= 0.43, are 47
  of 66 at the start, 71 %), so the pledge may grow to them but never to the other camp (Russia,
  China, Iran, North Korea, Saudi Arabia ... stay out);
- firms and NGOs join only the camp of their stated values or home state: Kaspersky (Russia) is
  never in the Paris Call nor with the USA, Microsoft and Google never with Russia or China.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.sim import Scenario, Simulation
from foedus.sim.steps._common import CYBER_DOMAIN

ALPHA = 0.01
SHARING_MAX = 10
PLEDGE_MAX = 0.8
USA, RUS, CHN = 2, 365, 710


@pytest.fixture(scope="module")
def world_2022() -> Scenario:
    return Scenario.builtin("world-2022")


def _with_t3(sc: Scenario, t3: float) -> Scenario:
    return sc.model_copy(update={"trends": sc.trends.model_copy(update={"cyber": t3})})


def _cyber_alignments(world) -> list[tuple[int, set[int], set[str], float]]:
    """(slot, member ccodes, non-state ids, integration) of every cyber alignment in force."""
    ag = world.state.agreements
    out = []
    for s in ag.in_force(domain=CYBER_DOMAIN).tolist():
        states = {int(c) for c in world.inputs.ccode[ag.members[s]]}
        firms = {world.inputs.nonstate_ids[k] for k in np.flatnonzero(ag.nonstate[s])}
        out.append((s, states, firms, float(ag.integration[s])))
    return out


# A strict xfail followed a known drift here from 2026-12-05 to 2026-12-06 (seeds 0, 1, 2, 4, 3, then 1 in turn): the open
# camp of the Paris Call grew one state past PLEDGE_MAX (53 of 66) in the last years of one seed, every member within its
# camp. On integ8 (74f0f85, the session-8 merge) seed 1 passes (strict XPASS) and so do seeds 0 and 2-5: no seed crosses,
# so no mark. If the drift comes back, mark the seed that crosses again with the measured size and years.
_MARKS: dict = {  # seed 5 was marked at sessions 11, 16 and 18 (53 of 66 states in 2051, 2052); it passes at session 19's merge
    # seed 0 was marked from session 19's merge (dissolveB19: 53 of 66 states in 2052); it passes at session 22's merge (strict
    # XPASS: rival22's rivalry gates change world-2022's rivalries), so it carries no mark
    # seed 4 passes at session 21's merge (strict XPASS: the wider security community and the initiators' expected support
    # change world-2022's rivalries and wars), so it carries no mark
}


@pytest.mark.parametrize("seed", [pytest.param(s, marks=_MARKS[s]) if s in _MARKS else s for s in range(6)])
def test_no_cyber_alignment_of_everyone_and_firms_stay_in_their_camp(world_2022, seed):
    """Before (main at 778225a, seeds 1-2, 30 years): every cyber alignment grew to 52-65 of 66 states
    with all six firms and NGOs. Now a sharing alignment stays within SHARING_MAX states and the pledge
    within its camp; Kaspersky is never with the USA nor in the Paris Call, Microsoft and Google never
    with Russia or China, in any year."""
    sim = Simulation(world_2022, rng=seed, explain=False)
    n = sim.world.n
    for _ in range(30):
        sim.run(1)
        for slot, states, firms, access in _cyber_alignments(sim.world):
            name = sim.world.state.agreements.names[slot] or ""
            if access > 0:
                assert len(states) <= SHARING_MAX, (sim.world.state.year, name, len(states))
            else:
                assert len(states) <= PLEDGE_MAX * n and not states & {RUS, CHN}, (sim.world.state.year, name, len(states))
            if "kaspersky" in firms:
                assert USA not in states and not name.startswith("Paris Call"), (sim.world.state.year, name)
            if firms & {"microsoft", "google"}:
                assert not states & {RUS, CHN}, (sim.world.state.year, name)


def test_every_accession_of_a_firm_or_ngo_is_within_its_camp(world_2022):
    """Item 8: the event names the terms that decided (value, group trust, threshold, camp), and they agree with it.

    A firm's or NGO's accession is rare (0-2 in 15 years of a run); over seeds 0-2 there were 3 on main f77eab3 and none
    since session 9's merge (seeds 4, 5 and 7 have one each), so the test read seeds 0-7 to see some; since session 16's merge
    (an aggressor's neighbours read its hostility, threat16) seeds 8, 11, 15, 17 and 18 of 0-23 have one each, none of 0-7: it
    reads seeds 0-23."""
    import json

    seen = 0
    for seed in range(24):
        events = Simulation(world_2022, rng=seed).run(15).events()
        acc = events[events["kind"] == "accession"]
        for d in map(json.loads, acc["detail"]):
            if "nonstate_actor" not in d:
                continue
            f = d["factors"]
            seen += 1
            assert f["camp_distance"] <= f["camp_tolerance"] and f["value"] > 0 and f["group_trust"] > f["trust_threshold"]
    assert seen > 0


def test_the_cyber_trend_raises_cyber_alignment_activity(world_2022):
    """T3: with cyber more salient (0.8 against 0.2) states and firms form and join more cyber
    alignments (the benefit of shared early warning scales with T3), although intrusions rise too:
    paired over 10 seeds, one-sided Wilcoxon at 1 %."""

    def activity(t3: float, seed: int) -> int:
        sim = Simulation(_with_t3(world_2022, t3), rng=seed, explain=False).run(10)
        ag = sim.world.state.agreements
        cyber_ids = set(ag.agreement_id[: ag.n][ag.domain[: ag.n] == CYBER_DOMAIN].tolist())
        ev = sim.events()
        ev = ev[ev["agreement_id"].isin(cyber_ids)]
        return int(ev["kind"].isin(["formation", "accession"]).sum())

    high = np.array([activity(0.8, s) for s in range(10)])
    low = np.array([activity(0.2, s) for s in range(10)])
    assert stats.wilcoxon(high - low, alternative="greater").pvalue < ALPHA
