"""Formation, size, format and symmetry (brief H1, A3).

Reference figures come from the data documentation (../shared/data/README.md, "Headline figures
measured from atop/"), measured there from ATOP 5.1 (Leeds et al. 2002): 789 alliances, 3.87 per
year over 1815-2018, 1.68/yr before 1945 and 7.70/yr from 1945, 2.86 members on average
(median 2), 589 alliances once pure non-aggression pacts are left out (2.89/yr).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings

from foedus.analysis.formation import (
    PERIODS,
    SPLIT_1945,
    alliance_format,
    alliance_table,
    formation_per_year,
    formation_rate,
    formation_table,
    period_of,
    primary_obligation,
    symmetry,
)
from foedus.analysis.size import founding_members, members_per_alliance, size_summary
from foedus.analysis.summary import summary
from foedus.testing import strategies, toy_history
from foedus.schema import OBLIGATIONS


# ------------------------------------------------------------------ the record


def test_record_counts_789_alliances_over_204_years(record):
    per_year = formation_per_year(record)
    assert per_year.index[0] == 1815 and per_year.index[-1] == 2018 and len(per_year) == 204
    assert per_year.sum() == 789
    rate = formation_rate(record, SPLIT_1945)
    assert rate.loc["all", "per_year"] == pytest.approx(3.87, abs=0.005)
    assert rate.loc["before 1945", "per_year"] == pytest.approx(1.68, abs=0.005)
    assert rate.loc["from 1945", "per_year"] == pytest.approx(7.70, abs=0.005)
    assert rate.loc["before 1945", "years"] == 130 and rate.loc["from 1945", "years"] == 74


def test_record_members_per_alliance(record):
    s = size_summary(record)
    assert s["members_mean"] == pytest.approx(2.86, abs=0.005)
    assert s["members_median"] == 2
    assert sum(s["members_distribution"].values()) == 789
    assert min(s["members_distribution"]) == 2  # ATOP: an alliance has at least two members


def test_record_without_pure_nonaggression_pacts(record):
    """ATOP's official NNA files drop the 200 pure non-aggression pacts: 589 alliances remain, 2.89/yr."""
    a = record.agreements
    others = [o for o in OBLIGATIONS if o != "nonaggression"]
    pure_na = a["nonaggression"] & ~a[others].any(axis=1)
    assert int(pure_na.sum()) == 200
    keep = a.loc[~pure_na, "agreement_id"]
    nna = dataclasses.replace(
        record, agreements=a[~pure_na], memberships=record.memberships[record.memberships["agreement_id"].isin(keep)]
    )
    s = summary(nna)
    assert s["alliances"] == 589
    assert s["per_year"] == pytest.approx(2.89, abs=0.005)
    assert s["members_mean"] == pytest.approx(2.86, abs=0.005)
    assert s["duration_mean_observed"] == pytest.approx(17.14, abs=0.005)


def test_nato_is_a_multilateral_defence_pact_of_1949(record):
    t = alliance_table(record).set_index("agreement_id")
    nato = t.loc[3180]
    assert nato["start_year"] == 1949
    assert nato["format"] == "multilateral"
    assert nato["defense"] and nato["primary_obligation"] == "defense"
    assert nato["period"] == "1945-1991"
    assert nato["n_founders"] == 12  # the twelve signatories of the Washington Treaty
    assert nato["symmetry"] == "asymmetric"  # brief A3 names NATO as asymmetric
    assert members_per_alliance(record)[3180] >= 29  # 29 members by 2018 (plus West Germany's own code)


def test_format_agrees_with_atop_bilateral_flag(record):
    """ATOP codes ``bilat`` itself; our format from distinct members should mostly agree with it."""
    t = alliance_table(record).set_index("agreement_id")
    atop_bilat = record.agreements.set_index("agreement_id")["bilateral"].reindex(t.index)
    agree = ((t["format"] == "bilateral") == atop_bilat).mean()
    assert agree > 0.97


def test_obligation_table_counts_alliances_with_each_flag(record):
    ct = formation_table(record, "obligation")
    for o in OBLIGATIONS:
        assert ct.loc[o, "all"] == int(record.agreements[o].sum())
        assert ct.loc[o, [p[0] for p in PERIODS]].sum() == ct.loc[o, "all"]
    for by in ("primary_obligation", "format", "symmetry"):
        t = formation_table(record, by)
        assert t["all"].sum() == 789
        assert (t[[p[0] for p in PERIODS]].sum(axis=1) == t["all"]).all()


# ------------------------------------------------------------------ definitions


def test_period_boundaries():
    assert period_of([1815, 1944, 1945, 1991, 1992, 2018]).tolist() == [
        "before 1945", "before 1945", "1945-1991", "1945-1991", "after 1991", "after 1991",
    ]
    assert period_of([1944, 1945], SPLIT_1945).tolist() == ["before 1945", "from 1945"]
    with pytest.raises(ValueError, match="after last year"):
        period_of([1900], [("bad", 1950, 1900)])


def test_format_thresholds():
    assert alliance_format([2, 3, 5, 6, 59]).tolist() == ["bilateral", "minilateral", "minilateral", "multilateral", "multilateral"]


def test_primary_obligation_takes_the_strongest():
    h = toy_history(
        [
            {"id": 1, "start": 1900, "end": 1901, "members": [1, 2], "obligations": ["consultation", "nonaggression"]},
            {"id": 2, "start": 1900, "end": 1901, "members": [1, 2], "obligations": ["consultation", "defense"]},
            {"id": 3, "start": 1900, "end": 1901, "members": [1, 2], "obligations": ["neutrality", "offense"]},
        ],
        first_year=1900, last_year=1910,
    )
    assert primary_obligation(h.agreements).tolist() == ["nonaggression", "defense", "offense"]


def _symmetry_fixture():
    # 2 and 200 are majors; 100 and 300 are minors; 999 is outside the state system (no CINC).
    return toy_history(
        [
            {"id": 1, "start": 1900, "end": 1905, "members": [2, 200]},  # two majors, CINC ratio 0.30 / 0.10 = 3
            {"id": 2, "start": 1900, "end": 1905, "members": [2, 100]},  # major + minor, ratio 0.30 / 0.05 = 6
            {"id": 3, "start": 1900, "end": 1905, "members": [100, 300]},  # two minors, ratio 0.05 / 0.004 = 12.5
            {"id": 4, "start": 1900, "end": 1905, "members": [300, 999]},  # minor + non-system: ratio unknown
            {"id": 5, "start": 1900, "end": 1910, "members": [(100, 1900, None), (300, 1900, None), (2, 1903, None)]},
        ],
        first_year=1900, last_year=1910,
        cinc={2: 0.30, 200: 0.10, 100: 0.05, 300: 0.004},
        majors=[2, 200],
        states={2: (1900, None), 200: (1900, None), 100: (1900, None), 300: (1900, None)},
    )


def test_symmetry_rules_on_a_hand_made_history():
    h = _symmetry_fixture()
    mm = symmetry(h, rule="major_minor")["symmetry"]
    assert mm.to_dict() == {1: "symmetric", 2: "asymmetric", 3: "symmetric", 4: "symmetric", 5: "symmetric"}
    ratio = symmetry(h, rule="ratio", k=10)
    assert ratio.loc[3, "cinc_ratio"] == pytest.approx(12.5)
    assert ratio["symmetry"].to_dict() == {1: "symmetric", 2: "symmetric", 3: "asymmetric", 4: "unknown", 5: "asymmetric"}
    assert symmetry(h, rule="ratio", k=20)["symmetry"][3] == "symmetric"
    either = symmetry(h, rule="either", k=10)["symmetry"]
    assert either.to_dict() == {1: "symmetric", 2: "asymmetric", 3: "asymmetric", 4: "unknown", 5: "asymmetric"}
    # Alliance 5: the USA (2) joined in 1903, after the founding: only 100 and 300 found it.
    assert sorted(founding_members(h).query("agreement_id == 5")["ccode"]) == [100, 300]


def test_symmetry_rejects_bad_parameters():
    h = _symmetry_fixture()
    with pytest.raises(ValueError, match="rule must be one of"):
        symmetry(h, rule="size")
    with pytest.raises(ValueError, match="k must be greater than 1"):
        symmetry(h, k=0.5)


@settings(max_examples=10, deadline=None)
@given(strategies.alliance_specs())
def test_counts_partition_on_random_histories(alliances):
    """Per-year counts sum to the alliances; periods partition them; formats partition them."""
    h = toy_history(alliances, first_year=1900, last_year=2000)
    per_year = formation_per_year(h)
    assert per_year.sum() == len(alliances) and len(per_year) == 101
    rate = formation_rate(h)
    assert rate.loc[[p[0] for p in PERIODS], "alliances"].sum() == len(alliances)
    assert rate.loc["all", "per_year"] == pytest.approx(len(alliances) / 101)
    sizes = members_per_alliance(h)
    assert sizes.tolist() == [len(a["members"]) for a in alliances]
    fmt = formation_table(h, "format")["all"]
    assert fmt["bilateral"] == sum(len(a["members"]) == 2 for a in alliances)
    assert fmt.sum() == len(alliances)
    if alliances:
        assert size_summary(h)["members_mean"] == pytest.approx(np.mean([len(a["members"]) for a in alliances]))
