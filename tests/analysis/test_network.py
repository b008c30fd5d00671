"""The alliance network by year and the canonical dyad_years table (brief H1).

The record's dyad-years are checked against ATOP's own dyad-year file as distributed by
peacesciencer (../shared/data/peacesciencer/atop_alliance.csv.gz, ATOP 5.1 directed dyad-years),
and the 1914 network against the alliances every history of the First World War names.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from foedus.analysis.network import alliance_network, defense_network, dyad_years, membership_years
from foedus.testing import strategies, toy_history
from foedus.schema import OBLIGATIONS, validate

GMY, AUH, ITA, FRN, RUS, UKG, USA, JPN = 255, 300, 325, 220, 365, 200, 2, 740


@pytest.fixture(scope="module")
def record_dyads(record):
    return dyad_years(record)


def test_dyad_years_is_canonical(record, record_dyads):
    validate(record_dyads, "dyad_years")
    assert (record_dyads["ccode1"] < record_dyads["ccode2"]).all()
    assert record_dyads["year"].between(1815, 2018).all()


def test_dyad_years_reproduce_atop_own_dyad_year_file(data_dir, record_dyads):
    atop = pd.read_csv(data_dir / "peacesciencer" / "atop_alliance.csv.gz")
    atop = atop[atop["ccode1"] < atop["ccode2"]]
    assert len(atop) == 136_648  # 273,296 directed rows, both directions present
    merged = atop.merge(record_dyads, on=["ccode1", "ccode2", "year"], how="left", indicator=True)
    assert (merged["_merge"] == "both").all()  # every ATOP dyad-year is ours
    extra = len(record_dyads) - len(atop)
    assert 0 <= extra <= 20  # same-year successions and a non-state signatory (see dyad_years)
    both = merged[merged["_merge"] == "both"]
    for ours, theirs in [("defense", "atop_defense"), ("offense", "atop_offense"), ("neutrality", "atop_neutral"),
                         ("nonaggression", "atop_nonagg"), ("consultation", "atop_consul")]:
        # Member- and phase-level obligations, as ATOP's own file: at least 99.85 % of dyad-years
        # agree on every obligation. What remains is whom an obligation protects, which ATOP's
        # dyad file reads and its member file does not say (Locarno 1925: the guarantors Britain
        # and Italy protect France, Germany and Belgium, not each other).
        agree = (both[ours] == both[theirs].astype(bool)).mean()
        assert agree > 0.9985, (ours, agree)
        assert not (both[theirs].astype(bool) & ~both[ours]).any(), ours  # never an obligation ATOP codes and we miss


def test_1914_network_has_the_triple_alliance_and_the_entente(record):
    g = alliance_network(record, 1914)
    for a, b in itertools.combinations((GMY, AUH, ITA), 2):
        assert g.has_edge(a, b) and g.edges[a, b]["defense"]
    for a, b in itertools.combinations((FRN, RUS, UKG), 2):
        assert g.has_edge(a, b)
    assert g.edges[FRN, RUS]["defense"]  # the Franco-Russian alliance
    assert not g.edges[UKG, FRN]["defense"]  # the Entente Cordiale was no defence pact
    assert not g.has_edge(GMY, FRN)
    d = defense_network(record, 1914)
    assert d.has_edge(FRN, RUS) and not d.has_edge(UKG, FRN)
    assert set(d.nodes) == set(g.nodes)


def test_1914_nodes_are_the_state_system_with_cow_attributes(record):
    g = alliance_network(record, 1914)
    s = record.states
    members = s[(s["start_year"] <= 1914) & (s["end_year"].fillna(9999) >= 1914)]["ccode"]
    assert set(members) <= set(g.nodes)
    majors = {n for n, d in g.nodes(data=True) if d["major"]}
    assert majors == {USA, UKG, FRN, GMY, AUH, ITA, RUS, JPN}  # COW major powers in 1914
    assert g.nodes[GMY]["abb"] == "GMY" and 0 < g.nodes[GMY]["cinc"] < 1
    assert g.graph["year"] == 1914


def test_nato_members_share_defence_edges_in_1960(record):
    d = defense_network(record, 1960)
    for a, b in [(USA, UKG), (USA, 640), (UKG, 210)]:  # USA-Turkey, UK-Netherlands
        assert d.has_edge(a, b) and 3180 in d.edges[a, b]["agreements"]


def test_network_edges_are_the_dyad_years_of_the_year(record, record_dyads):
    for year in (1870, 1960, 2018):
        g = alliance_network(record, year)
        edges = {(min(u, v), max(u, v)) for u, v in g.edges}
        dy = record_dyads[record_dyads["year"] == year]
        assert edges == set(zip(dy["ccode1"], dy["ccode2"]))


def test_year_outside_the_window_is_an_error(record):
    with pytest.raises(ValueError, match="outside the history's window 1815-2018"):
        alliance_network(record, 2019)
    with pytest.raises(ValueError, match="obligation must be one of"):
        alliance_network(record, 1914, obligation="friendship")


def test_membership_counts_every_year_it_touches():
    h = toy_history(
        [{"id": 1, "start": 1900, "end": None, "members": [(1, 1900, 1902), (2, 1900, None), (3, 1902, 1903)]}],
        first_year=1900, last_year=1905,
    )
    my = membership_years(h)
    assert my.groupby("ccode")["year"].apply(list).to_dict() == {
        1: [1900, 1901, 1902], 2: list(range(1900, 1906)), 3: [1902, 1903],
    }
    dy = dyad_years(h)
    assert set(zip(dy["ccode1"], dy["ccode2"], dy["year"])) == {
        (1, 2, 1900), (1, 2, 1901), (1, 2, 1902), (1, 3, 1902), (2, 3, 1902), (2, 3, 1903),
    }


@settings(max_examples=10, deadline=None)
@given(strategies.alliance_specs(starts=(1900, 1915), last_year=1920, count=(1, 6), codes=(1, 8), size=(2, 5), member_spells=True, obligations=True))
def test_dyad_years_match_a_brute_force_count(alliances):
    h = toy_history(alliances, first_year=1900, last_year=1920)
    expected: dict[tuple[int, int, int], set[str]] = {}
    for a in alliances:
        for year in range(1900, 1921):
            present = [c for c, entry, leave in a["members"]
                       if entry <= year <= (leave if leave is not None else (a["end"] if a["end"] is not None else 1920))]
            for c1, c2 in itertools.combinations(sorted(set(present)), 2):
                expected.setdefault((c1, c2, year), set()).update(a["obligations"])
    dy = dyad_years(h)
    got = {(r.ccode1, r.ccode2, r.year): {o for o in OBLIGATIONS if getattr(r, o)} for r in dy.itertuples()}
    assert got == expected
    assert np.all(np.diff(dy["year"].to_numpy()) >= 0)


def test_partners_per_year_counts_nato_allies(record):
    from foedus.analysis.network import partners_per_year

    p = partners_per_year(record, [2, 365])
    assert p.index[0] == record.first_year and p.index[-1] == record.last_year
    # NATO had 15 members in 1960 (14 allies of the US), besides the Rio Pact, ANZUS, SEATO...
    assert p.loc[1960, 2] >= 14
    assert p.loc[1930, 2] < p.loc[1960, 2]
    # The Warsaw Pact (1955) gave the USSR at least 7 defence partners
    assert p.loc[1960, 365] >= 7


def test_obligations_follow_the_phase_in_force(record):
    """The EU's treaty (ATOP 4175) is consultation only until its 2007 phase: in 2000 no neutral
    member (Ireland, Austria, Finland, Sweden) shares a defence tie with the United States."""
    g = defense_network(record, 2000)
    assert not any(g.has_edge(USA, c) for c in (205, 305, 375, 380))
    assert g.has_edge(USA, UKG) and g.has_edge(UKG, FRN)  # NATO
    eu = alliance_network(record, 2000)
    assert eu.has_edge(205, 380) and eu.edges[205, 380]["consultation"] and not eu.edges[205, 380]["defense"]
