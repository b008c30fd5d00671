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

from foedus.analysis.network import agreement_dyad_years, alliance_network, defense_network, dyad_years, membership_years
from foedus.data.atop import PARTNER_SPECIFIC
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


ATOP_NAMES = {"defense": "atop_defense", "offense": "atop_offense", "neutrality": "atop_neutral",
              "nonaggression": "atop_nonagg", "consultation": "atop_consul"}


@pytest.fixture(scope="module")
def atop_dyads(data_dir):
    """ATOP's directed dyad-year file read non-directed: a pair carries an obligation when either direction does."""
    atop = pd.read_csv(data_dir / "peacesciencer" / "atop_alliance.csv.gz")
    assert len(atop) == 273_296
    lo, hi = atop[["ccode1", "ccode2"]].min(axis=1), atop[["ccode1", "ccode2"]].max(axis=1)
    atop = atop.assign(ccode1=lo, ccode2=hi).groupby(["ccode1", "ccode2", "year"], as_index=False)[list(ATOP_NAMES.values())].max()
    assert len(atop) == 136_648  # both directions of every pair are present
    return atop.rename(columns={v: k for k, v in ATOP_NAMES.items()}).astype({o: bool for o in OBLIGATIONS})


def _as_set(frame: pd.DataFrame) -> set[tuple]:
    return set(frame[["ccode1", "ccode2", "year", *OBLIGATIONS]].itertuples(index=False, name=None))


def test_dyad_years_equal_atop_own_dyad_year_file(record, record_dyads, atop_dyads):
    """Equal sets of (pair, year, five obligations). The one rule-derived exception: ATOP's dyad
    file has states only, so pairs with a partner outside the COW state list (ATOP cowsys = 0:
    code 8152 with France, 1874-1883) are ours only."""
    states = set(record.states["ccode"])
    outside = ~record_dyads["ccode1"].isin(states) | ~record_dyads["ccode2"].isin(states)
    assert set(record_dyads.loc[outside, "ccode2"]) == {8152} and outside.sum() == 10
    assert _as_set(record_dyads[~outside]) == _as_set(atop_dyads)


def test_member_level_reading_differs_from_atop_only_by_the_partner_specific_obligations(record, atop_dyads):
    """Without :data:`PARTNER_SPECIFIC` the member file's reading codes exactly the listed
    (alliance, obligation, pair) triples in addition, in the years the pair shares the alliance,
    and nothing else: every listed triple is needed, and no difference is unlisted."""
    raw = agreement_dyad_years(record, partner_specific=False)
    m = raw.merge(atop_dyads, on=["ccode1", "ccode2", "year"], suffixes=("", "_atop"))
    extra = {(int(r.agreement_id), o, int(r.ccode1), int(r.ccode2)) for o in OBLIGATIONS
             for r in m[m[o] & ~m[f"{o}_atop"]].itertuples()}
    listed = {(i, o, c1, c2) for i, (_, cases) in PARTNER_SPECIFIC.items() for o, c1, c2 in cases}
    assert extra == listed and len(listed) == 37
    # and dropping them removes nothing ATOP codes (test_dyad_years_equal_atop_own_dyad_year_file)


def test_a_phase_change_inside_a_year_takes_the_later_phase(record):
    """ATOP 1362 (1887): neutrality in phase 1 until 24 Nov 1888, none in phase 2: 1888 has none,
    1887 has it. ATOP 4985 (SADC, 2003): Seychelles left on 1 Jul 2003 before the defence phase
    began on 26 Aug, so it shares no defence with the others in 2003."""
    ay = agreement_dyad_years(record)
    pick = lambda i, c1, c2, y: ay[(ay["agreement_id"] == i) & (ay["ccode1"] == c1) & (ay["ccode2"] == c2) & (ay["year"] == y)]  # noqa: E731
    assert pick(1362, 90, 91, 1887)["neutrality"].item() and not pick(1362, 90, 91, 1888)["neutrality"].item()
    assert pick(4985, 490, 591, 2003)[["defense", "consultation"]].to_numpy().sum() == 0
    assert pick(4985, 490, 510, 2003)["defense"].item()


def test_a_member_leaving_the_day_another_joins_shares_no_year(record):
    """The GDR (265) left on 3 Oct 1990, the day united Germany (255) took the FRG's place."""
    dy = dyad_years(record)
    assert dy[(dy["ccode1"] == 255) & (dy["ccode2"] == 265) & (dy["year"] == 1990)].empty


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
