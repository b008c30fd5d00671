"""New states sign non-aggression pacts about as often as the other members, as the in-sample record has it (issues 12, 17).

ATOP 5.1 and the COW state list, 1946-1989 (foedus.analysis.entrants): states in their first ten years in the system found
non-aggression pacts at 0.88 times the other members' rate per state-year (95 %: 0.61-1.23), all obligations 0.92. The
record-built world of 1955 (the two Germanys have just entered; the independence of most of Africa comes in its first
decade), run 15 years over four seeds, must not give its entrants the three- to four-fold rate the prior of unread
intentions gave them at 0.1 (the GDR's non-aggression pacts with Belgium and Turkey in 1955): the one-sided exact test of
the rate ratio against 2.5 (the conditional binomial of the two Poisson counts) rejects at the 1 % level."""

from __future__ import annotations

import pandas as pd
import pytest
from scipy import stats

from foedus.analysis.entrants import entrant_formation
from foedus.sim import Simulation
from foedus.sim.agreements import FIRST_SIMULATED_ID
from foedus.sim.build import scenario_from_record

ALPHA = 0.01
SEEDS = range(4)
FIRST, YEARS = 1955, 15


@pytest.fixture(scope="module")
def counts():
    try:
        sc = scenario_from_record(FIRST, top_n=None, years=YEARS)
    except FileNotFoundError:  # pragma: no cover - the records are not shipped
        pytest.skip("needs the records")
    entry = pd.Series({a.ccode: (a.since or FIRST) for a in sc.actors})
    tot = None
    for s in SEEDS:
        h = Simulation(sc, rng=s).run(YEARS).history()
        t = entrant_formation(h, FIRST, FIRST + YEARS - 1, first_entry=entry, min_begun_id=FIRST_SIMULATED_ID)
        t = t[["entrant", "other", "entrant_sy", "other_sy"]]
        tot = t if tot is None else tot + t
    return tot


def test_entrants_found_non_aggression_pacts_at_no_more_than_the_records_rate(counts):
    a, b, na, nb = (int(counts.loc["nonaggression", c]) for c in ("entrant", "other", "entrant_sy", "other_sy"))
    assert na > 0 and a + b > 0, counts
    # H0: ratio >= 2.5, i.e. a ~ Binomial(a + b, p0) with p0 = 2.5 na / (2.5 na + nb); reject when a is small
    p0 = 2.5 * na / (2.5 * na + nb)
    assert stats.binomtest(a, a + b, p0, alternative="less").pvalue < ALPHA, counts
