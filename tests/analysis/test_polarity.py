"""Blocs and polarity (brief H1, D2): Ray & Singer (1973) CON, effective numbers, poles, bloc of each major.

Historical facts checked on the record: in 1914 the Triple Alliance (Germany, Austria-Hungary,
Italy) and the Franco-Russian alliance were distinct camps; in 1960 the system was bipolar, with
Britain and France in the US-led bloc (NATO) and China in the Soviet one (1950 treaty); in 2018
NATO and Japan sit with the United States, Russia and China apart (pole-anchored blocs; the
connected component of the United States then holds Russia).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.network import defense_network, dyad_years
from foedus.analysis.polarity import (
    BLOC_METHODS,
    blocs,
    concentration,
    effective_number,
    major_power_blocs,
    polarity,
    polarity_of_graph,
    state_blocs,
)
from foedus.analysis.pole_blocs import pole_bloc_leaders
from foedus.testing import toy_history

GMY, AUH, ITA, FRN, RUS, UKG, USA, JPN, CHN = 255, 300, 325, 220, 365, 200, 2, 740, 710


MODULARITY_YEARS = (1815, 1965)  # greedy modularity is the slow part; components run on the whole window


@pytest.fixture(scope="module")
def record_blocs(record):
    dy = dyad_years(record)
    return {
        "modularity": state_blocs(record, method="modularity", dyads=dy, years=MODULARITY_YEARS),
        "components": state_blocs(record, method="components", dyads=dy),
        "poles": state_blocs(record, method="poles", dyads=dy),
    }


# ------------------------------------------------------------------ indices


def test_concentration_hand_values():
    assert concentration([0.25, 0.25, 0.25, 0.25]) == 0.0
    assert concentration([0.3, 0.0, 0.0, 0.0]) == pytest.approx(1.0)
    # Shares (1/2, 1/2, 0): sum of squares 1/2, CON = sqrt((1/2 - 1/3) / (1 - 1/3)) = 1/2.
    assert concentration([0.5, 0.5, 0.0]) == pytest.approx(0.5)
    assert np.isnan(concentration([0.2]))
    assert effective_number([1, 1, 1]) == pytest.approx(3.0)
    assert effective_number([0.5, 0.25, 0.25]) == pytest.approx(1 / (0.25 + 0.0625 + 0.0625))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 1.0, allow_nan=False), min_size=2, max_size=12).filter(lambda c: sum(c) > 1e-6))
def test_concentration_and_effective_number_agree(caps):
    """CON^2 = (N / N_eff - 1) / (N - 1), with 0 <= CON <= 1 and 1 <= N_eff <= N."""
    n = len(caps)
    con, eff = concentration(caps), effective_number(caps)
    assert -1e-12 <= con <= 1 + 1e-12
    assert 1 - 1e-9 <= eff <= n + 1e-9
    assert con**2 == pytest.approx((n / eff - 1) / (n - 1), abs=1e-9)


def test_blocs_of_a_hand_made_network():
    # Two triangles joined by one bridge (3-4), and an isolated state 7.
    h = toy_history(
        [
            {"id": 1, "start": 1900, "end": None, "members": [1, 2, 3]},
            {"id": 2, "start": 1900, "end": None, "members": [4, 5, 6]},
            {"id": 3, "start": 1900, "end": None, "members": [3, 4]},
            {"id": 4, "start": 1900, "end": None, "members": [1, 7], "obligations": ["consultation"]},
        ],
        first_year=1900, last_year=1901,
        cinc={1: 0.3, 2: 0.1, 3: 0.1, 4: 0.2, 5: 0.05, 6: 0.05, 7: 0.2},
        majors=[1, 4, 7],
    )
    g = defense_network(h, 1900)
    assert sorted(map(sorted, blocs(g, "components"))) == [[1, 2, 3, 4, 5, 6], [7]]
    assert sorted(map(sorted, blocs(g, "modularity"))) == [[1, 2, 3], [4, 5, 6], [7]]
    stats = polarity_of_graph(g, "modularity")
    assert stats["poles"] == 3 and stats["blocs"] == 2 and stats["majors"] == 3
    assert stats["cluster_poles"] == 3  # no defence pact between two majors
    assert polarity_of_graph(g, "components")["poles"] == 2
    assert stats["con"] == pytest.approx(concentration([0.3, 0.2, 0.2]))
    # Pole capabilities: {1,2,3} = 0.5, {4,5,6} = 0.3, {7} = 0.2.
    assert stats["effective_blocs"] == pytest.approx(effective_number([0.5, 0.3, 0.2]))
    t = polarity(h, method="modularity").loc[1900]
    for key, value in stats.items():
        assert t[key] == pytest.approx(value)
    mb = major_power_blocs(h, method="modularity").query("year == 1900").set_index("ccode")
    assert mb["bloc"].to_dict() == {1: 1, 4: 4, 7: 7}  # each bloc named after its strongest member
    assert mb.loc[1, "bloc_size"] == 3 and mb.loc[1, "bloc_cinc"] == pytest.approx(0.5)
    # pole-anchored: 3 (allied to majors 1 and 4) joins the stronger, 1, and is contested
    assert sorted(map(sorted, blocs(g, "poles"))) == [[1, 2, 3], [4, 5, 6], [7]]
    poles = polarity_of_graph(g, "poles")
    assert {k: poles[k] for k in ("poles", "blocs", "cluster_poles", "contested")} == {"poles": 3, "blocs": 2, "cluster_poles": 3, "contested": 1}
    assert polarity_of_graph(g, "components")["contested"] == 0
    sb = state_blocs(h, method="poles").query("year == 1900").set_index("ccode")
    assert sb["bloc"].to_dict() == {1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 4, 7: 7}
    assert sb["contested"].to_dict() == {1: False, 2: False, 3: True, 4: False, 5: False, 6: False, 7: False}


def test_pole_blocs_are_anchored_by_the_major_powers():
    """A chain of two bilateral pacts between two majors' allies; a state allied to no major; a bloc led by its pole."""
    h = toy_history(
        [
            {"id": 1, "start": 1900, "end": None, "members": [1, 2]},  # major 1 and its ally 2
            {"id": 2, "start": 1900, "end": None, "members": [2, 3]},  # 3: allied to no major power
            {"id": 3, "start": 1900, "end": None, "members": [3, 5]},
            {"id": 4, "start": 1900, "end": None, "members": [4, 5, 6]},  # major 4 with 5 and 6
        ],
        first_year=1900, last_year=1900,
        cinc={1: 0.2, 2: 0.3, 3: 0.05, 4: 0.25, 5: 0.1, 6: 0.1},  # 2 is stronger than its pole
        majors=[1, 4],
    )
    sb = state_blocs(h, method="poles").set_index("ccode")
    assert sb["bloc"].to_dict() == {1: 1, 2: 1, 3: 3, 4: 4, 5: 4, 6: 4}  # bloc of 1 is named after 1, not 2
    assert sb.loc[3, "degree"] == 2 and sb.loc[3, "bloc_size"] == 1
    pol = polarity(h, method="poles").loc[1900]
    assert pol["poles"] == 2 and pol["blocs"] == 2 and pol["contested"] == 0
    assert polarity(h, method="components").loc[1900, "poles"] == 1
    assert pole_bloc_leaders(np.arange(3), np.array([False, True, False]), np.array([], int), np.array([], int)).tolist() == [0, 1, 2]


def _reference_pole_blocs(g: nx.Graph) -> list[set]:
    """Pole-anchored blocs straight from the definition, one node at a time (no vectorisation)."""
    cinc = {n: g.nodes[n].get("cinc", 0.0) for n in g}
    strength = {n: (-cinc[n], n) for n in g}  # smaller is stronger
    major = {n: g.nodes[n].get("major", False) for n in g}

    def anchor(n):
        stronger = [m for m in g[n] if major[m] and strength[m] < strength[n]]
        return n if not stronger else anchor(min(stronger, key=strength.get))

    leader = {}
    for n in g:
        if major[n]:
            leader[n] = anchor(n)
        elif any(major[m] for m in g[n]):
            leader[n] = anchor(min((m for m in g[n] if major[m]), key=strength.get))
    free = g.subgraph([n for n in g if n not in leader])
    for comp in nx.connected_components(free):
        top = min(comp, key=strength.get)
        leader.update({n: top for n in comp})
    out: dict = {}
    for n, lead in leader.items():
        out.setdefault(lead, set()).add(n)
    return sorted(map(sorted, out.values()))


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 14).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
    st.lists(st.sampled_from([0.0, 0.01, 0.05, 0.1, 0.2]), min_size=n, max_size=n),
    st.lists(st.booleans(), min_size=n, max_size=n),
)))
def test_pole_blocs_match_the_definition(case):
    n, edges, cinc, major = case
    g = nx.Graph()
    for k in range(n):
        g.add_node(10 * k + 2, cinc=cinc[k], major=major[k])  # ties in CINC go to the lower code
    g.add_edges_from((10 * a + 2, 10 * b + 2) for a, b in edges if a != b)
    assert sorted(map(sorted, blocs(g, "poles"))) == _reference_pole_blocs(g)
    stats = polarity_of_graph(g, "poles")
    assert stats["cluster_poles"] <= stats["poles"] <= stats["majors"] or stats["majors"] == 0


# ------------------------------------------------------------------ the record


def _bloc(mb, year, ccode):
    return mb.query("year == @year and ccode == @ccode")["bloc"].item()


def test_1914_camps(record, record_blocs):
    mb = major_power_blocs(record, blocs_table=record_blocs["modularity"])
    assert _bloc(mb, 1914, GMY) == _bloc(mb, 1914, AUH) == _bloc(mb, 1914, ITA)
    assert _bloc(mb, 1914, FRN) == _bloc(mb, 1914, RUS)
    assert _bloc(mb, 1914, FRN) != _bloc(mb, 1914, GMY)
    assert _bloc(mb, 1914, UKG) not in (_bloc(mb, 1914, GMY), _bloc(mb, 1914, FRN))
    assert len(mb.query("year == 1914")) == 8  # the eight COW major powers of 1914


@pytest.mark.parametrize("method", ["modularity", "poles"])
def test_1960_is_bipolar(record, record_blocs, method):
    pol = polarity(record, blocs_table=record_blocs[method])
    assert pol.loc[1960, "poles"] == 2 and pol.loc[1960, "cluster_poles"] == 2
    assert pol.loc[1960, "majors"] == 5
    mb = major_power_blocs(record, blocs_table=record_blocs[method])
    assert _bloc(mb, 1960, USA) == _bloc(mb, 1960, UKG) == _bloc(mb, 1960, FRN) == USA
    assert _bloc(mb, 1960, RUS) == _bloc(mb, 1960, CHN) != USA


def test_1914_camps_with_pole_anchored_blocs(record, record_blocs):
    mb = major_power_blocs(record, blocs_table=record_blocs["poles"])
    assert _bloc(mb, 1914, AUH) == _bloc(mb, 1914, ITA) == _bloc(mb, 1914, GMY) == GMY
    assert _bloc(mb, 1914, FRN) == _bloc(mb, 1914, RUS) != GMY
    assert _bloc(mb, 1914, JPN) == _bloc(mb, 1914, UKG) == UKG  # the Anglo-Japanese alliance
    assert _bloc(mb, 1914, USA) == USA
    assert polarity(record, blocs_table=record_blocs["poles"]).loc[1914, "poles"] == 4


def test_2018_pole_anchored_blocs_keep_russia_and_china_apart(record, record_blocs):
    """NATO and Japan with the United States; the chain through Turkey and Azerbaijan does not bring in Russia."""
    mb = major_power_blocs(record, blocs_table=record_blocs["poles"])
    assert all(_bloc(mb, 2018, c) == USA for c in (USA, UKG, FRN, GMY, JPN))
    assert _bloc(mb, 2018, RUS) == RUS and _bloc(mb, 2018, CHN) == CHN
    assert polarity(record, blocs_table=record_blocs["poles"]).loc[2018, "poles"] == 3
    components = major_power_blocs(record, blocs_table=record_blocs["components"])
    assert _bloc(components, 2018, RUS) == USA  # the connected component of the United States


def test_more_poles_before_1945_than_during_the_cold_war(record, record_blocs):
    """Brief D2: multipolar before 1945, bipolar after (cluster polarity, Wayman 1984)."""
    pol = polarity(record, blocs_table=record_blocs["modularity"])
    assert pol.loc[1816:1939, "cluster_poles"].mean() > pol.loc[1950:1965, "cluster_poles"].mean()
    assert pol.loc[1950:1965, "poles"].median() == 2
    assert pol.index[0] == 1815 and pol.index[-1] == 1965


def test_table_agrees_with_the_graph_of_each_year(record, record_blocs):
    filled = state_years_filled(record)
    for method, sb in record_blocs.items():
        pol = polarity(record, blocs_table=sb)
        for year in (1815, 1870, 1914, 1939, 1960) + ((1990, 2018) if method == "components" else ()):
            stats = polarity_of_graph(defense_network(record, year, filled=filled), method)
            assert set(stats) == set(pol.columns)
            for key, value in stats.items():
                assert pol.loc[year, key] == pytest.approx(value, nan_ok=True), (method, year, key)


def test_components_bloc_is_the_connected_component(record, record_blocs):
    sb = record_blocs["components"].query("year == 1990")
    g = defense_network(record, 1990)
    comp_of_usa = next(c for c in blocs(g, "components") if USA in c)
    assert set(sb.loc[sb["bloc"] == sb.loc[sb["ccode"] == USA, "bloc"].item(), "ccode"]) == set(comp_of_usa)


def test_every_year_has_a_row(record, record_blocs):
    pol = polarity(record, blocs_table=record_blocs["components"])
    assert pol.index.tolist() == list(range(1815, 2019))
    assert (pol["poles"] <= pol["majors"]).all() and (pol["cluster_poles"] <= pol["majors"]).all()
    assert (pol["aligned_states"] <= pol["states"]).all()


def test_bad_method_or_years_is_an_error(record):
    assert BLOC_METHODS == ("poles", "modularity", "components")  # the default first
    with pytest.raises(ValueError, match="method must be one of"):
        state_blocs(record, method="kmeans")
    with pytest.raises(ValueError, match="not a range inside the history's window 1815-2018"):
        polarity(record, years=(1990, 2030))
