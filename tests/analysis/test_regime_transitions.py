"""The record's regime transitions (foedus.analysis.regime_transitions) against the simulator's defaults (issue 17)."""

from __future__ import annotations

import pytest
from scipy import stats

from foedus.analysis.regime_transitions import record_transition_rates
from foedus.sim.parameters import Parameters

ALPHA = 0.01


@pytest.fixture(scope="module")
def record(data_dir):
    p = Parameters()
    return record_transition_rates(data_dir, anocracy_from=p.regime_anocracy_from, democracy_from=p.regime_democracy_from,
                                   consolidation_income=p.regime_consolidation_income)


def test_the_default_rates_are_the_in_sample_records(record):
    """Each type's default rate is not rejected by a binomial test on the in-sample state-years (1816-1914, 1946-1989)."""
    p = Parameters()
    by = record["by_type"]
    for name, rate in (("autocracy", p.regime_transition_autocracy), ("anocracy", p.regime_transition_anocracy)):
        assert stats.binomtest(int(by.loc[name, "transitions"]), int(by.loc[name, "state_years"]), rate).pvalue > ALPHA
    poor = record["poor_democracy"]
    assert stats.binomtest(poor["transitions"], poor["state_years"], p.regime_transition_democracy).pvalue > ALPHA


def test_the_record_has_anocracies_least_durable_and_rich_democracies_nearly_never_changing(record):
    """Gates et al. (2006) and Przeworski et al. (2000) in the record the simulator is validated on."""
    by = record["by_type"]
    assert by.loc["anocracy", "rate"] > by.loc["autocracy", "rate"] > by.loc["democracy", "rate"]
    rich = record["rich_democracy"]
    assert rich["transitions"] / rich["state_years"] < 0.01


def test_the_weaker_side_of_a_war_changes_regime_about_twice_as_often(record):
    """Bueno de Mesquita, Siverson & Woller (1992): the default war ratio is the record's, within 20 %."""
    assert record["war_ratio"] == pytest.approx(Parameters().regime_war_ratio, rel=0.2)
    assert record["mean_move"] / 20 == pytest.approx(Parameters().regime_transition_size, abs=0.02)
    assert record["mean_score_move"] == pytest.approx(Parameters().regime_transition_score_move, abs=0.01)


def test_the_abrogation_hazard_per_unit_of_regime_change_is_the_records_excess_of_exits(data_dir):
    """Leeds & Savun (2007) in the in-sample record: a member's bilateral treaties end more often in the 5 years from its
    transition; the simulator's yearly hazard h per unit of change, summed over the years a jump of the default size stays
    above the threshold as it fades from memory, gives the same extra chance of ending (within 25 %)."""
    from foedus.analysis.regime_transitions import exits_after_transition

    p = Parameters()
    ex = exits_after_transition(data_dir)
    assert ex.loc[True, "excess"] > 0 and ex.loc[True, "excess"] > ex.loc[False, "excess"]
    delta, total = p.regime_transition_size, 0.0
    while delta >= p.regime_transition_threshold:
        total += delta
        delta *= p.regime_memory
    assert p.regime_change_hazard * total == pytest.approx(ex.loc[True, "excess_total"], rel=0.25)


def test_the_multilateral_abrogation_hazard_is_the_records_too(data_dir):
    from foedus.analysis.regime_transitions import exits_after_transition

    p = Parameters()
    ex = exits_after_transition(data_dir)
    delta, total = p.regime_transition_size, 0.0
    while delta >= p.regime_transition_threshold:
        total += delta
        delta *= p.regime_memory
    assert p.regime_change_hazard_multilateral * total == pytest.approx(ex.loc[False, "excess_total"], rel=0.25)
