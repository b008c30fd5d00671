"""ATOP 5.1 on the real record: facts from the ATOP documentation and the historical record."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from foedus.data.atop import ATOP_LAST_YEAR, read_atop_members
from foedus.data.record import find_file
from foedus.schema import SchemaError

MALFORMED = Path(__file__).parent / "fixtures" / "malformed"

NATO_FOUNDERS = {2, 20, 200, 210, 211, 212, 220, 235, 325, 385, 390, 395}
"""The twelve signatories of the North Atlantic Treaty, 4 April 1949 (COW codes)."""

WARSAW_PACT_FOUNDERS = {265, 290, 310, 315, 339, 355, 360, 365}
"""Signatories of the Warsaw Treaty, 14 May 1955: GDR, Poland, Hungary, Czechoslovakia, Albania, Bulgaria, Romania, USSR."""


def test_nato_founded_1949_by_its_twelve_signatories_and_still_in_force(record):
    nato = record.agreements.set_index("agreement_id").loc[3180]
    assert (nato["start_year"], nato["start_month"], nato["start_day"]) == (1949, 4, 4)
    assert pd.isna(nato["end_year"]) and nato["observed_until"] == ATOP_LAST_YEAR
    assert nato["defense"]
    m = record.memberships[record.memberships["agreement_id"] == 3180]
    assert set(m.loc[m["entry_year"] == 1949, "ccode"]) == NATO_FOUNDERS
    # Greece and Turkey (1951 protocol), West Germany (1955 protocol signed 1954), Spain (1981-82) joined later.
    later = m.groupby("ccode")["entry_year"].min()
    assert later[350] in (1951, 1952) and later[640] in (1951, 1952) and later[230] in (1981, 1982)


def test_warsaw_pact_formed_1955_by_eight_states_and_ended_1991(record):
    wp = record.agreements.set_index("agreement_id").loc[3285]
    assert (wp["start_year"], wp["start_month"], wp["start_day"]) == (1955, 5, 14)
    assert wp["end_year"] == 1991
    m = record.memberships[record.memberships["agreement_id"] == 3285]
    assert set(m.loc[m["entry_year"] == 1955, "ccode"]) == WARSAW_PACT_FOUNDERS


def test_372_alliances_in_force_at_end_of_2018_are_censored_not_year_zero(record):
    atop = record.agreements[record.agreements["source"] == "atop5_1a.csv"]
    assert len(atop) == 789  # README: 789 alliances in ATOP 5.1
    assert int(atop["end_year"].isna().sum()) == 372  # README: ineffect == 1 for 372
    assert (atop["end_year"].dropna() > 0).all() and (atop["start_year"] >= 1815).all()


def test_atop_non_system_member_is_the_documented_exception(record, data_dir):
    """Every member code is a COW state, except rows ATOP itself flags cowsys == 0."""
    raw = pd.read_csv(find_file(data_dir, "atop_members"))
    outside = set(raw["member"]) - set(record.states["ccode"])
    assert outside, "ATOP 5.1 lists at least one member outside the COW system list"
    assert (raw.loc[raw["member"].isin(outside), "cowsys"] == 0).all()


def test_unknown_member_code_is_rejected_with_its_line(record):
    with pytest.raises(SchemaError) as e:
        read_atop_members(MALFORMED / "atop5_1m_unknown_ccode.csv", record.states["ccode"])
    assert (e.value.row, e.value.column) == (3, "ccode") and "unknown state code 999" in e.value.reason


def test_dyad_year_file_agrees_with_memberships_on_defence_pacts(record):
    """ATOP's own dyad-year file (cross-check table) against pairs derived from the member file.

    Every defence dyad in ATOP's file must be explained by two members of one defence pact in
    force that year; the member file may add a few pairs (ATOP's dyad file follows
    member-specific obligations, e.g. asymmetric pacts), but the two mostly agree.
    """
    dy = record.extras["atop_dyad_years"]
    m = record.memberships.drop(columns=["defense"], errors="ignore").merge(record.agreements[["agreement_id", "defense", "source"]], on="agreement_id")
    m = m[m["defense"] & (m["source"] == "atop5_1a.csv")]
    union = common = 0
    for year in range(1820, 2019, 11):
        on = m[(m["entry_year"] <= year) & (m["exit_year"].isna() | (m["exit_year"] >= year))]
        pairs = on.merge(on, on="agreement_id")
        pairs = pairs[pairs["ccode_x"] < pairs["ccode_y"]]
        ours = set(zip(pairs["ccode_x"], pairs["ccode_y"]))
        theirs_df = dy[(dy["year"] == year) & dy["defense"] & (dy["ccode1"] < dy["ccode2"])]
        theirs = set(zip(theirs_df["ccode1"], theirs_df["ccode2"]))
        assert theirs <= ours, (year, sorted(theirs - ours)[:10])
        union += len(ours | theirs)
        common += len(ours & theirs)
    assert common / union > 0.95
    # The US-Canada defence link of 1940 (Ogdensburg) is in the dyad-year file in 1942.
    assert bool(dy[(dy["ccode1"] == 2) & (dy["ccode2"] == 20) & (dy["year"] == 1942)]["defense"].any())


def test_dyad_year_file_is_directed_both_ways(record):
    dy = record.extras["atop_dyad_years"]
    a = dy[["ccode1", "ccode2", "year"]].to_numpy()
    fwd = pd.MultiIndex.from_arrays(a.T)
    rev = pd.MultiIndex.from_arrays(a[:, [1, 0, 2]].T)
    assert np.all(fwd.isin(rev))


def test_capability_asymmetry_is_its_own_column(record):
    # US-ROK Mutual Defense Treaty (atopid 3240, 1953): US CINC about 0.31, South Korea's under 0.01 (NMC 7.0);
    # ATOP also codes its obligations as asymmetric. The Dual Alliance (1335, 1879): Germany about 0.11,
    # Austria-Hungary about 0.05, ratio near 2, obligations symmetric. Alliances of 1815 predate NMC (1816).
    a = record.agreements.set_index("agreement_id")
    assert a.loc[3240, "capability_asymmetric"] and a.loc[3240, "asymmetric"]
    assert not a.loc[1335, "capability_asymmetric"] and not a.loc[1335, "asymmetric"]
    assert a.loc[a["start_year"] == 1815, "capability_asymmetric"].isna().all()


def test_written_conditions_of_war_obligations_follow_the_member_file(data_dir):
    """ATOP 5.1 member level (Leeds et al. 2002): the Czechoslovak-Romanian treaty of 1921 (2080) defends only against a named
    adversary (Hungary) and an unprovoked attack; NATO (3180) against any attacker, in its area (defcoloc, not read)."""
    from foedus.data.atop import read_atop_conditions

    c = read_atop_conditions(find_file(data_dir, "atop_members"), 1930)
    assert c.loc[2080].tolist() == [True, True, False]
    assert not c.loc[3180].any()
    # in sample (alliances begun 1816-1914 and 1946-1989), the share of defence pacts limited to a named adversary is the
    # pact_condition_named_adversary default (52 of 193)
    raw = pd.read_csv(find_file(data_dir, "atop_alliances"))
    began = raw.set_index("atopid")["begyr"]
    every = read_atop_conditions(find_file(data_dir, "atop_members"))
    members = pd.read_csv(find_file(data_dir, "atop_members"))
    defence = sorted(set(members.loc[members["defense"] == 1, "atopid"]))
    ins = [a for a in defence if 1816 <= began[a] <= 1914 or 1946 <= began[a] <= 1989]
    assert (len(ins), int(every.loc[ins, "defence_named_adversary"].sum())) == (193, 52)
