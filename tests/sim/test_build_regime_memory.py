"""A state's memory of its regime at a run's start, from the record's years before it (Leeds & Savun 2007; endings)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.data.paths import default_data_dir

needs_data = pytest.mark.skipif(not (default_data_dir() / "regime").exists(), reason="needs the shared regime files")


@needs_data
def test_a_transition_just_before_the_start_is_remembered():
    """V-Dem: Hungary and Poland democratised in 1989-90 (polyarchy about 0.2 before): their memory at a 1990 start is
    far below their 1990 score; the USA's regime did not move, so its memory is its score."""
    from foedus.sim.build_actors import _regime_memory

    mem = _regime_memory(np.array([310, 290, 2]), 1990, None)
    assert mem[0] < 0.3 and mem[1] < 0.35 and 0.8 < mem[2] < 0.95


@needs_data
def test_a_state_without_scores_before_the_start_has_no_memory():
    from foedus.sim.build_actors import _regime_memory

    assert np.isnan(_regime_memory(np.array([999]), 1990, None)).all()


def test_the_world_starts_with_the_scenarios_memory_of_each_regime():
    from tests.sim.steps.conftest import ACTORS, tiny_world

    actors = [dict(a) for a in ACTORS]
    actors[0]["regime_memory"] = 0.1
    world, _ = tiny_world(actors=actors)
    assert world.state.regime_reference[0] == 0.1 and np.array_equal(world.state.regime_reference[1:], world.state.regime[1:])


@needs_data
def test_turkeys_transition_of_1946_is_remembered_from_polity():
    """Polity2 moved Turkey from -7 to 7 in 1946 (a multi-party system; REGTRANS), the polyarchy only from 0.15 to 0.21: given
    the regimes at the start, Turkey's memory is placed a transition below its score; the USA's (no transition) is unchanged."""
    from foedus.sim.build_actors import _regime_memory

    codes, regime = np.array([640, 2]), np.array([0.208, 0.6])
    vdem = _regime_memory(codes, 1946, None)
    both = _regime_memory(codes, 1946, None, regime)
    assert regime[0] - vdem[0] < 0.15 <= regime[0] - both[0]
    assert both[1] == pytest.approx(vdem[1])


@needs_data
def test_a_treaty_signed_before_the_start_carries_its_members_capability_at_signature():
    """Leeds & Savun (2007): the change in relative power since signature. The Anglo-Iraqi treaty of 1930 (atopid 2270)
    in a 1946 scenario lists both members' CINC: Britain's of 1930, Iraq's of 1932, its first year in the state system."""
    from foedus.data.snapshot_fields import table
    from foedus.sim.build import scenario_from_record

    sc = scenario_from_record(1946, ccodes=[200, 645, 2], years=2, system_changes=False)
    spec = next(a for a in sc.agreements if a.id == 2270)
    nmc = table(default_data_dir(), "nmc").set_index(["ccode", "year"])["cinc"]
    assert spec.capability_at_entry == {200: pytest.approx(nmc[(200, 1930)], abs=1e-6), 645: pytest.approx(nmc[(645, 1932)], abs=1e-6)}


def test_the_world_counts_an_inherited_treatys_capability_change_from_signature():
    """A starting treaty with its members' CINC at signature: their power at entry (``Agreements.power_start``) is their
    power now scaled by the change of their CINC since; a treaty without it counts from the start."""
    from tests.sim.steps.conftest import ACTORS, alliance, tiny_world

    g, s = ACTORS[0]["ccode"], ACTORS[2]["ccode"]
    world, _ = tiny_world(agreements=[alliance("then", [g, s], capability_at_entry={g: 0.2, s: 0.04}), alliance("now", [g, s])])
    ag, p = world.state.agreements, world.state.power
    i, j = int(np.flatnonzero(world.inputs.ccode == g)[0]), int(np.flatnonzero(world.inputs.ccode == s)[0])
    assert ag.power_start[0, i] == pytest.approx(p[i] * 0.2 / 0.40) and ag.power_start[0, j] == pytest.approx(p[j] * 0.04 / 0.02)
    assert ag.power_start[1, i] == pytest.approx(p[i]) and ag.power_start[1, j] == pytest.approx(p[j])


@needs_data
def test_a_polity_transition_long_before_a_start_past_politys_end_is_not_recent():
    """Polity5 ends in 2018: at a 2022 start Turkey's transition of 2016 (Polity2 9 to -4) is no recent one, and the
    polyarchy's memory alone stands (world-2022 keeps Turkey's regime memory as V-Dem has it)."""
    from foedus.sim.build_actors import _regime_memory

    codes = np.array([640])
    assert _regime_memory(codes, 2022, None, np.array([0.285])) == pytest.approx(_regime_memory(codes, 2022, None), nan_ok=True)


@needs_data
def test_the_records_latest_regime_transition_dates_a_states_record_of_intentions():
    """Polity5 (REGTRANS, 3 points in three years; Walt 1996 on revolutions): the Soviet Union's transition of 1917 in a run
    from 1919, Germany's of 1918-19; in a run from 1990 Poland's of 1989; the USA's latest is the Civil War's (1865), read
    as an old member's record by now; an unscored state has none."""
    from foedus.sim.build_actors import _regime_changed

    y1919 = _regime_changed(np.array([365, 255, 2, 999]), 1919, None)
    assert y1919[0] == 1917 and y1919[1] in (1918, 1919) and y1919[2] < 1900 and np.isnan(y1919[3])
    y1990 = _regime_changed(np.array([290, 2]), 1990, None)
    assert y1990[0] == 1989 and y1990[1] < 1900
