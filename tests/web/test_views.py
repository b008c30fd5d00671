"""Properties of the dashboard's presentation helpers (layout, capitals, weights, explanations)."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.schema import History, empty
from foedus.web.layout import _spread, capitals_in_year, coordinates_table, network_layout, tie_weights
from foedus.web.views import formation_explanations


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 40))
    codes = draw(st.lists(st.integers(1, 999), min_size=n, max_size=n, unique=True))
    g = nx.Graph()
    g.add_nodes_from(codes)
    pairs = draw(st.lists(st.tuples(st.sampled_from(codes), st.sampled_from(codes)), max_size=80))
    g.add_edges_from((a, b) for a, b in pairs if a != b)
    nodes = sorted(codes)
    lat = np.array(draw(st.lists(st.one_of(st.floats(-90, 90), st.just(float("nan"))), min_size=n, max_size=n)))
    lon = np.array(draw(st.lists(st.one_of(st.floats(-180, 180), st.just(float("nan"))), min_size=n, max_size=n)))
    return g, nodes, lat, lon


@settings(max_examples=30, deadline=None)
@given(graphs())
def test_layout_is_in_the_unit_square_deterministic_and_separates_loners(case):
    g, nodes, lat, lon = case
    xy = network_layout(g, lat, lon, iterations=15)
    assert xy.shape == (len(nodes), 2)
    assert np.isfinite(xy).all() and (xy >= 0).all() and (xy <= 1).all()
    np.testing.assert_array_equal(xy, network_layout(g, lat, lon, iterations=15))
    deg = np.array([g.degree(c) for c in nodes])
    if (deg > 0).any() and (deg == 0).any():
        assert xy[deg == 0, 1].max() < 0.12 <= xy[deg > 0, 1].min()


def test_layout_keeps_allies_closer_than_strangers():
    g = nx.Graph()
    g.add_edges_from([(1, 2), (2, 3), (1, 3), (10, 11), (11, 12), (10, 12)])
    lat = np.array([0, 1, 2, 0, 1, 2], dtype=float)
    lon = np.array([0, 1, 2, 100, 101, 102], dtype=float)
    xy = network_layout(g, lat, lon) * [1.6, 1.0]  # as drawn, 1.6 times wider than high
    d = np.linalg.norm(xy[:, None] - xy[None], axis=-1)
    within = np.mean([d[0, 1], d[0, 2], d[1, 2], d[3, 4], d[3, 5], d[4, 5]])
    between = d[:3, 3:].mean()
    assert between > 1.25 * within


@settings(deadline=None)
@given(st.lists(st.one_of(st.floats(-1e6, 1e6), st.just(float("nan"))), min_size=1, max_size=50))
def test_spread_keeps_order_within_minus_one_one(values):
    v = np.array(values)
    s = _spread(v)
    ok = np.isfinite(v)
    assert np.isnan(s[~ok]).all()
    if ok.sum() >= 2:
        a, b = v[ok], s[ok]
        assert b.min() >= -1 and b.max() <= 1
        i, j = np.argsort(a, kind="mergesort")[[0, -1]]
        assert b[i] <= b[j]
        order = np.argsort(a, kind="mergesort")
        assert (np.diff(b[order]) >= -1e-12).all()


def _capitals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ccode": [365, 365, 220, 220, 220],
            "start_year": [1816, 1918, 1816, 1940, 1942],
            "end_year": [1918, 2024, 1940, 1942, 2024],
            "lat": [59.96, 55.63, 48.86, 46.12, 48.86],
            "lon": [30.16, 37.61, 2.32, 3.42, 2.32],
            "capital": ["Saint Petersburg", "Moscow", "Paris", "Vichy", "Paris"],
        }
    )


@pytest.mark.parametrize(
    "code, year, capital",
    [(365, 1900, "Saint Petersburg"), (365, 1918, "Moscow"), (365, 1950, "Moscow"), (365, 1700, "Saint Petersburg"),
     (365, 2100, "Moscow"), (220, 1941, "Vichy"), (220, 1944, "Paris")],
)
def test_capital_of_the_year(code, year, capital):
    out = capitals_in_year(_capitals(), [code], year)
    assert out.loc[code, "capital"] == capital


@settings(max_examples=50, deadline=None)
@given(st.integers(1700, 2100), st.lists(st.sampled_from([220, 365, 2]), min_size=1, max_size=5))
def test_capitals_align_with_the_codes_asked(year, codes):
    out = capitals_in_year(_capitals(), codes, year)
    assert out.index.tolist() == codes
    assert out.loc[out.index == 2, "lat"].isna().all()
    cov = _capitals()
    for c in set(codes) & {220, 365}:
        covering = cov[(cov["ccode"] == c) & (cov["start_year"] <= year) & (cov["end_year"] >= year)]
        if len(covering):
            assert out.loc[out.index == c, "capital"].iloc[0] in covering["capital"].tolist()


def test_coordinates_from_a_scenario_hold_every_year():
    from foedus.sim.scenario import Scenario

    sc = Scenario.builtin("europe-1871")
    t = coordinates_table(scenario=sc)
    uk = next(a for a in sc.actors if a.ccode == 200)
    got = capitals_in_year(t, [200], 1999)
    assert got.loc[200, "lat"] == pytest.approx(uk.lat) and got.loc[200, "lon"] == pytest.approx(uk.lon)


def _history(memberships: list[tuple[int, int, int, int]], events: pd.DataFrame | None = None) -> History:
    ids = sorted({m[0] for m in memberships})
    ag = pd.DataFrame(
        {
            "agreement_id": ids, "kind": "alliance", "name": pd.NA, "start_year": 2000, "start_month": pd.NA, "start_day": pd.NA,
            "end_year": pd.array([pd.NA] * len(ids), dtype="Int64"), "end_month": pd.NA, "end_day": pd.NA, "observed_until": 2010, "defense": True, "offense": False,
            "neutrality": False, "nonaggression": False, "consultation": False, "conditional": False, "bilateral": False,
            "asymmetric": False, "institutionalised": 0, "wartime": False, "source": "test",
        }
    )
    mem = pd.DataFrame(
        {
            "agreement_id": [m[0] for m in memberships], "ccode": [m[1] for m in memberships], "phase": 0,
            "entry_year": [m[2] for m in memberships], "entry_month": pd.NA, "entry_day": pd.NA,
            "exit_year": pd.array([m[3] for m in memberships], dtype="Int64"), "exit_month": pd.NA, "exit_day": pd.NA,
        }
    )
    return History(empty("states"), empty("state_years"), ag, mem, events if events is not None else empty("events"), 2000, 2010, "test")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(2, 12)), min_size=1, max_size=30, unique=True))
def test_each_agreement_pulls_each_member_with_total_weight_one(pairs):
    h = _history([(a, c, 2000, None) for a, c in pairs])
    w = tie_weights(h, 2005, None)
    sizes = pd.Series([a for a, _ in pairs]).value_counts()
    if not w:
        assert (sizes <= 1).all()
        return
    g = nx.Graph()
    g.add_weighted_edges_from((a, b, x) for (a, b), x in w.items())
    members = pd.DataFrame(pairs, columns=["a", "c"])
    for c, strength in g.degree(weight="weight"):
        mine = members[members["c"] == c]["a"]
        assert strength == pytest.approx(float((sizes[mine] > 1).sum()))


def test_formation_explanations_read_motives_and_causes():
    details = [
        {"motives": {"balance_power": 0.6, "balance_threat": 0.4}, "factors": {"cost": 0.1}},
        {"cause": "coalition of the willing against terrorism", "factors": {"lead": 2}},
    ]
    ev = pd.DataFrame(
        {
            "year": [2001, 2002, 2002, 2003],
            "kind": ["formation", "formation", "formation", "dispute"],
            "agreement_id": pd.array([1, 2, 3, pd.NA], dtype="Int64"),
            "ccode": pd.array([2, 20, 2, pd.NA], dtype="Int64"),
            "ccode2": pd.array([20, pd.NA, pd.NA, pd.NA], dtype="Int64"),
            "detail": [json.dumps(details[0]), json.dumps(details[1]), "not json", "{}"],
        }
    )
    h = _history([(1, 2, 2000, None), (1, 20, 2000, None), (2, 2, 2000, None), (3, 2, 2000, None)], ev)
    why = formation_explanations(h)
    assert set(why) == {1, 2}
    assert {m["key"]: m["share"] for m in why[1]["motives"]} == {"balance_power": 0.6, "balance_threat": 0.4}
    assert why[1]["motives"][0]["label"] == "balancing against power"  # the field's words, not the brief's ID (F1)
    assert why[2]["cause"] == "coalition of the willing against terrorism" and why[2]["motives"] == []


def test_a_formations_cause_and_factors_are_shown_in_the_language_of_the_request():
    from foedus.i18n import language
    from foedus.web.views import _motives_named

    why = {"cause": "coalition of the willing against terrorism", "motives": [{"key": "tether", "label": "tethering", "share": 1.0}],
           "factors": {"lead": 2, "crisis_intensity": 0.25, "asymmetric": True, "founding_rule": "unanimous consent"}}
    with language("fr"):
        shown = _motives_named(why)
    assert shown["cause"] == why["cause"] and shown["factors"] == why["factors"]  # the stored explanation stays English data
    assert shown["cause_label"] == "coalition de volontaires contre le terrorisme"
    assert shown["motives"][0]["label"] == "arrimage (tethering)"
    assert shown["factor_list"] == [{"key": "lead", "label": "État chef de file", "value": 2},
                                    {"key": "crisis_intensity", "label": "intensité de la crise", "value": 0.25}]
