"""The map's country outlines (foedus.web.outlines) and the map layer of a year (foedus.web.mapview).

The outlines are Natural Earth 1:110m from the npm package world-atlas, vendored by setup
(``python -m foedus.web.outlines``). The fixture vendors them when they are missing (the npm client
fetches the pinned version); the tests skip, saying why, only when no npm client is installed.
"""

from __future__ import annotations

import numpy as np
import pytest

from foedus.web.mapview import tint
from foedus.web.outlines import (
    SNAP_DEGREES,
    WORLD_ATLAS_FILE,
    OutlinesMissing,
    load_outlines,
    outlines_path,
    place_states,
)

CAPITALS = {  # (lon, lat), degrees
    "Paris": (2.35, 48.86),
    "Berlin": (13.40, 52.52),
    "Munich": (11.58, 48.14),
    "Rome": (12.50, 41.90),
    "Turin": (7.69, 45.07),
    "Naples": (14.27, 40.85),
    "Nicosia": (33.36, 35.17),
    "Jerusalem": (35.22, 31.78),
    "Kinshasa": (15.31, -4.33),
    "Brazzaville": (15.28, -4.27),
    "Copenhagen": (12.57, 55.68),
    "Valletta": (14.51, 35.90),
    "Maseru": (27.48, -29.31),
    "Pretoria": (28.19, -25.75),
}


@pytest.fixture(scope="module")
def outlines(outlines_installed):
    return outlines_installed


def _place(outlines, names, last=None, cinc=None):
    lon = np.array([CAPITALS[n][0] for n in names])
    lat = np.array([CAPITALS[n][1] for n in names])
    last = np.full(len(names), np.inf) if last is None else np.asarray(last, dtype=float)
    cinc = np.linspace(0.1, 0.01, len(names)) if cinc is None else np.asarray(cinc, dtype=float)
    country, colours = place_states(outlines, lon, lat, last, cinc)
    return [outlines.names[k] if k >= 0 else None for k in country], colours.tolist()


def test_outlines_are_the_natural_earth_countries(outlines):
    assert len(outlines.names) == 176  # the 177 of countries-110m less Antarctica
    by_name = dict(zip(outlines.names, outlines.ids))
    assert by_name["France"] == "250" and by_name["Germany"] == "276" and by_name["Russia"] == "643"
    for rings in outlines.rings:
        for r in rings:
            assert r.shape[1] == 2 and len(r) >= 4
            np.testing.assert_array_equal(r[0], r[-1])  # closed
            assert (r[:, 1] >= -90).all() and (r[:, 1] <= 90).all() and (r[:, 0] >= -180).all() and (r[:, 0] <= 360).all()
    area = dict(zip(outlines.names, outlines.areas))
    assert area["Russia"] > area["Canada"] > area["France"] > area["Belgium"] > 0  # square degrees, flat: Russia the largest


def test_each_capital_lies_in_its_country(outlines):
    names = ["Paris", "Berlin", "Rome", "Copenhagen", "Maseru", "Pretoria"]
    got, colours = _place(outlines, names)
    assert got == ["France", "Germany", "Italy", "Denmark", "Lesotho", "South Africa"]  # Lesotho, an enclave, is not South Africa
    assert all(colours)


def test_a_country_is_coloured_by_its_longest_lived_state_the_others_are_dots(outlines):
    # 1860: Prussia (to the present) and Bavaria (until 1871) both have their capitals in today's Germany;
    # Sardinia (to the present as Italy), the Papal States (1870) and the Two Sicilies (1861) in today's Italy.
    got, colours = _place(outlines, ["Berlin", "Munich", "Turin", "Rome", "Naples"], last=[np.inf, 1871, np.inf, 1870, 1861], cinc=[0.03, 0.01, 0.01, 0.005, 0.02])
    assert got == ["Germany", "Germany", "Italy", "Italy", "Italy"]
    assert colours == [True, False, True, False, False]
    # between two states that both last, the stronger
    got, colours = _place(outlines, ["Rome", "Valletta"], cinc=[0.001, 0.02])
    assert got == ["Italy", "Italy"] and colours == [True, False]  # Valletta lies off Sicily: snapped, so never before Rome


def test_capitals_on_a_border_colour_the_free_side(outlines):
    got, colours = _place(outlines, ["Nicosia", "Jerusalem"])
    assert got == ["Cyprus", "Israel"] and all(colours)  # not N. Cyprus or Palestine, on whose outline the capital lies at 1:110m
    # Kinshasa and Brazzaville both lie on the 1:110m Congo river, inside the larger outline: the stronger state takes
    # the larger country (the Democratic Republic of the Congo outweighs the Republic of the Congo), whatever the order
    strength = {"Kinshasa": 0.004, "Brazzaville": 0.0005}
    for order in (["Kinshasa", "Brazzaville"], ["Brazzaville", "Kinshasa"]):
        got, colours = _place(outlines, order, cinc=[strength[n] for n in order])
        assert dict(zip(order, got)) == {"Kinshasa": "Dem. Rep. Congo", "Brazzaville": "Congo"} and all(colours)


def test_unknown_or_far_capitals_are_not_placed(outlines):
    country, colours = place_states(outlines, [np.nan, -30.0], [0.0, 30.0], [np.inf, np.inf], [0.1, 0.1])  # mid-Atlantic
    assert country.tolist() == [-1, -1] and not colours.any()
    assert SNAP_DEGREES < 5


def test_a_file_other_than_the_pinned_one_is_refused(outlines, tmp_path, monkeypatch):
    bad = tmp_path / WORLD_ATLAS_FILE
    bad.write_bytes(outlines_path().read_bytes().replace(b'"France"', b'"Frankreich"'))
    with pytest.raises(OutlinesMissing, match="not the outlines of world-atlas 2.0.2"):
        load_outlines(bad)
    with pytest.raises(OutlinesMissing, match="run ./dev setup"):
        load_outlines(tmp_path / "absent.json")


def test_tint_mixes_towards_white():
    assert tint("#000000", 0.5) == "#808080"
    assert tint("#2563eb", 0.0) == "#2563eb" and tint("#2563eb", 1.0) == "#ffffff"


def test_outlines_route(client, outlines):
    r = client.get("/api/outlines")
    assert r.status_code == 200
    d = r.json()
    assert d["available"] and "Natural Earth" in d["source"] and len(d["countries"]) == 176
    areas = [outlines.areas[c["k"]] for c in d["countries"]]
    assert areas == sorted(areas, reverse=True)  # largest first: enclaves drawn on top
    fr = next(c for c in d["countries"] if c["name"] == "France")
    assert len(fr["lon"]) == len(fr["lat"]) and None in fr["lon"]  # several rings (mainland, Corsica, Guiana)


def test_year_map_layer_colours_countries_by_bloc(client, outlines):
    d = client.get("/api/year?source=record&year=1860").json()
    layer = d["map"]
    assert layer["available"]
    nodes = {n["ccode"]: n for n in d["nodes"]}
    ks = [r["k"] for r in layer["regions"]]
    assert len(ks) == len(set(ks))  # one state per country
    for r in layer["regions"]:
        n = nodes[r["ccode"]]
        assert n["own_country"] and n["country"] == r["k"] and r["fill"] == tint(n["colour"])
    for b in d["blocs"]:
        for c in b["members"]:
            if c in nodes:
                assert nodes[c]["colour"] == b["colour"]
    name = {n["abb"]: outlines.names[n["country"]] if n["country"] is not None else None for n in d["nodes"]}
    own = {n["abb"]: n["own_country"] for n in d["nodes"]}
    assert name["GMY"] == "Germany" and own["GMY"]
    for abb in ("BAV", "SAX", "WRT", "BAD"):
        assert name[abb] == "Germany" and not own[abb], abb
    assert name["PAP"] == "Italy" and not own["PAP"] and name["ITA"] == "Italy" and own["ITA"]
    assert "present-day country outlines" in d["captions"]["map"]


def test_without_outlines_the_map_says_why(client, monkeypatch, tmp_path):
    from foedus.web import api

    monkeypatch.setenv("FOEDUS_WORLD_ATLAS", str(tmp_path / "none.json"))
    monkeypatch.setattr(api, "_OUTLINES", {})
    d = client.get("/api/outlines").json()
    assert d["available"] is False and "./dev setup" in d["reason"] and d["countries"] == []


def test_vendoring_keeps_the_pinned_file_and_says_why_it_cannot(outlines, tmp_path, capsys):
    from foedus.web.outlines import main, vendor

    dest = tmp_path / WORLD_ATLAS_FILE
    dest.write_bytes(outlines_path().read_bytes())
    assert vendor(dest, npm="no-such-npm-client") == dest  # already the pinned file: npm is not asked
    absent = tmp_path / "other" / WORLD_ATLAS_FILE
    with pytest.raises(OutlinesMissing, match="npm client .* is not installed"):
        vendor(absent, npm="no-such-npm-client")
    dest.write_bytes(b"{}")
    import foedus.web.outlines as mod

    real = mod.shutil.which
    try:
        mod.shutil.which = lambda name: None
        assert main(["--dest", str(dest)]) == 2
    finally:
        mod.shutil.which = real
    err = capsys.readouterr().err
    assert err.startswith("error: the npm client") and "Traceback" not in err
