"""A scenario built from the record just after a war starts its belligerents in the war's aftermath (issue 17, item 5)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.data.paths import default_data_dir

pytestmark = pytest.mark.skipif(not (default_data_dir() / "peacesciencer").exists(), reason="needs the shared COW files")

# COW NMC milex / 1000 (million current US$): 1946 and the mean of 1947-1950
NMC_1946 = {2: 45134.0, 200: 17753.6, 365: 8764.7}
NMC_1947_50 = {2: (14316.0 + 10961.0 + 13503.0 + 14559.0) / 4, 200: (6656.2 + 3439.0 + 3137.3 + 2376.2) / 4}
# the USSR did not demobilise its spending: NMC 11,583, 13,158, 13,965, 15,510 M$ in 1947-50 (mean 13,554 > 8,765 in 1946)
NMC_1947_50_USSR = {365: (11583.0 + 13157.9 + 13964.6 + 15510.4) / 4}


def test_the_prewar_figure_is_the_last_year_before_each_states_war():
    """The USA entered the Second World War in 1941 (NMC 1940: 1,657 M$), the UK in 1939 (1938: 1,864 M$); the USSR's spell
    began with the 1938 border war with Japan (1937: 3,446 M$). Sweden fought no war: none."""
    from foedus.sim.build_arms import prewar_milex

    got = prewar_milex([2, 200, 365, 380], 1946)
    assert {c: (round(x, 1), y) for c, (x, y) in got.items()} == {2: (1657.0, 1940), 200: (1864.0, 1938), 365: (3446.2, 1937)}


def test_a_1946_start_demobilises_the_war_time_spending_as_the_record_did():
    """NMC: the USA spent 45.1 bn dollars in 1946 and 11-15 bn a year in 1947-50, the UK 17.8 bn and 2.4-6.7 bn. Before the
    ratchet (foedus.theory.arming.postwar_level) a 1946 start held the USA at 45-53 bn to 1957. Each seed: the USA and the UK
    within a factor 2 of their record's 1947-50 mean, every belligerent whose record demobilised (1947-50 mean below two
    thirds of 1946) below two thirds of its 1946 figure. The USSR's record did not demobilise (8.8 bn in 1946, 11.6-15.5 bn
    in 1947-50, the Cold War's arming): it is held to no fall (the ideological threat from 1946, foedus.theory.threat, has
    a seed re-arm it as the record did: seed 0, 5.4 -> 12.3 bn in 1947-50)."""
    from foedus.sim.build import scenario_from_record
    from foedus.sim.engine import Simulation

    sc = scenario_from_record(1946, top_n=None, years=5)
    assert {a.ccode for a in sc.actors if a.milex_prewar} >= {2, 200, 365}
    for seed in range(3):
        sim = Simulation(sc, rng=seed)
        seen = []
        sim.run(4, on_year=lambda s: seen.append({c: s.world.state.milex[s.world.index_of(c)] for c in NMC_1946}))
        mean = {c: float(np.mean([y[c] for y in seen])) for c in NMC_1946}
        for c, want in NMC_1947_50.items():
            assert want / 2 < mean[c] < want * 2, (seed, c, mean[c], want)
        record = {**NMC_1947_50, **NMC_1947_50_USSR}
        for c, war in NMC_1946.items():
            if record[c] < war * 2 / 3:
                assert mean[c] < war * 2 / 3, (seed, c, mean[c], war)
