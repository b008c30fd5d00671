"""The map as Chromium draws it, checked on the screenshot's pixels by property, not by eye.

*Outlines drawn*: on a grid of points over the map, a pixel is sea (the map's background colour)
exactly where no country outline contains the point, for nearly every point (markers, ties, labels
and the coarse coast account for the rest); land covers a plausible share of the map.
*States coloured*: inside each country coloured by a state, at points away from its border, from
capitals and from the ties drawn, the pixel is the country's fill, the tint of its state's bloc
colour as ``/api/year`` gives it; a state without an outline of its own (Bavaria, the Papal
States in 1860) is a dot of its bloc colour at its capital.
"""

from __future__ import annotations

import io

import numpy as np

TIMEOUT_MS = 90_000
TOLERANCE = 6
"""Largest difference per colour channel (0-255) between a pixel and the colour it should be (antialiasing inside a
flat fill is nil; this allows for colour management rounding)."""


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=int)


def _open(page, server, ready, source: str, year: int) -> dict:
    page.goto("about:blank")  # a new document: the page reads the hash when it loads
    page.goto(f"{server}/#source={source}&year={year}", timeout=TIMEOUT_MS)
    ready(page, year=str(year), source=source)
    page.wait_for_selector(f'#map[data-year="{year}"]', timeout=TIMEOUT_MS)  # the map's own signal: drawn for this year
    _painted(page)
    return page.request.get(f"{server}/api/year?source={source}&year={year}").json()


def _painted(page) -> None:
    """Wait until the browser has painted what Plotly last drew (two animation frames), not a fixed time."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))")


def _zoom(page, x: list[float], y: list[float]) -> None:
    """Zoom the map to these ranges (degrees) and wait until Plotly has redrawn it and the browser painted it."""
    page.evaluate("([x, y]) => Plotly.relayout('map', {'xaxis.range': x, 'yaxis.range': y})", [x, y])  # awaits the redraw
    _painted(page)


def _shot(page, path):
    """The viewport's pixels (RGB array) with the map scrolled into view."""
    from PIL import Image

    page.locator("#map").scroll_into_view_if_needed()
    png = page.screenshot(path=str(path))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _pixels(page, lonlat) -> np.ndarray:
    """Viewport pixel (column, row) of each (lon, lat) on the drawn map."""
    pts = page.evaluate("(pts) => pts.map(([x, y]) => { const p = window.mapToPage(x, y); return [p.x, p.y]; })", [list(map(float, p)) for p in lonlat])
    return np.round(np.array(pts)).astype(int)


def _paths(outlines: dict):
    from matplotlib.path import Path

    out = {}
    for c in outlines["countries"]:
        lon, lat = np.array(c["lon"], dtype=float), np.array(c["lat"], dtype=float)
        cut = np.flatnonzero(np.isnan(lon))
        pieces = [r[np.isfinite(r[:, 0])] for r in np.split(np.column_stack([lon, lat]), cut)]
        out[c["k"]] = [Path(r) for r in pieces if len(r) >= 3]
    return out


def _inside(paths, pts) -> np.ndarray:
    """Even-odd containment of each point in each country's rings: the index of the country, else -1."""
    where = np.full(len(pts), -1)
    for k, rings in paths.items():
        odd = np.zeros(len(pts), dtype=bool)
        for r in rings:
            odd ^= r.contains_points(pts)
        where[odd] = k
    return where


def _segment_distance(pts, a, b) -> np.ndarray:
    """Distance (degrees) from each point to the nearest of the segments a-b."""
    if not len(a):
        return np.full(len(pts), np.inf)
    d = b - a
    t = np.clip(((pts[:, None, :] - a[None]) * d[None]).sum(-1) / np.maximum((d**2).sum(-1), 1e-12)[None], 0, 1)
    return np.linalg.norm(a[None] + t[..., None] * d[None] - pts[:, None, :], axis=-1).min(axis=1)


def test_map_draws_outlines_and_colours_states_by_bloc(outlines_installed, server, browser, shots, ready):
    page = browser.new_page()
    try:
        _world_1914(page, server, shots, ready)
        _dots_1860(page, server, shots, ready)
    except Exception:
        page.screenshot(path=str(shots / "failure-map.png"), full_page=True)
        raise
    finally:
        page.close()


def _world_1914(page, server, shots, ready) -> None:
    year = _open(page, server, ready, "record", 1914)
    outlines = page.request.get(f"{server}/api/outlines").json()
    drawn = page.get_attribute("#map", "data-outlines")
    toast = page.locator("#toast").text_content()  # what the page said if it drew the map without its outlines
    assert drawn == str(len(outlines["countries"])) != "0", f"{drawn} outlines drawn, {len(outlines['countries'])} served; page said: {toast!r}"
    img = _shot(page, shots / "06-map-1914.png")
    paths = _paths(outlines)
    sea = _rgb(year["map"]["sea"])

    # outlines drawn: sea exactly where no outline is, on a 5-degree grid inside the visible map
    lon, lat = np.meshgrid(np.arange(-177.5, 180, 5.0), np.arange(-52.5, 80, 5.0))
    grid = np.column_stack([lon.ravel(), lat.ravel()])
    land = _inside(paths, grid) >= 0
    px = _pixels(page, grid)
    colour = img[px[:, 1], px[:, 0]]
    is_sea = (np.abs(colour - sea) <= TOLERANCE).all(axis=1)
    agree = np.mean(is_sea != land)
    assert agree >= 0.95, f"pixels agree with the outlines at {agree:.1%} of {len(grid)} points"
    assert 0.2 <= land.mean() <= 0.5 and 0.2 <= (~is_sea).mean() <= 0.5

    # states coloured: interior points of every large coloured country, away from borders, capitals and ties
    checked = _check_fills(page, img, year, paths, step=1.0, border=2.5, capital=5.0, box=(-179, 180, -55, 80))
    assert 365 in checked and 2 in checked, f"Russia and the United States, both large, are checked: {checked}"
    assert len(checked) >= 6 and len(set(checked.values())) >= 2, checked

    # and Europe, zoomed in: the two camps of 1914 in their colours
    _zoom(page, [-10, 40], [34, 62])
    img = _shot(page, shots / "06b-map-1914-europe.png")
    checked = _check_fills(page, img, year, paths, step=0.25, border=0.6, capital=1.5, box=(-9, 39, 35, 61))
    for ccode in (200, 220, 255, 300, 365):  # UKG, FRN, GMY, AUH, RUS
        assert ccode in checked, (ccode, checked)
    assert checked[255] == checked[300] != checked[220] == checked[365], checked


def _check_fills(page, img, year, paths, *, step, border, capital, box) -> dict[int, str]:
    """Check the fill at up to five interior points of each coloured country that has points ``border`` degrees from
    every outline edge and tie and ``capital`` degrees from every capital; answer the checked states' fills."""
    nodes = [n for n in year["nodes"] if n["lat"] is not None]
    caps = np.array([[n["lon"], n["lat"]] for n in nodes])
    where = {n["ccode"]: (n["lon"], n["lat"]) for n in nodes}
    e = year["edges"]
    ties = [(where[a], where[b]) for a, b, ob in zip(e["a"], e["b"], e["obligations"]) if "defense" in ob and a in where and b in where]
    ta, tb = np.array([t[0] for t in ties], dtype=float).reshape(-1, 2), np.array([t[1] for t in ties], dtype=float).reshape(-1, 2)
    x0, x1, y0, y1 = box
    fine = np.column_stack([g.ravel() for g in np.meshgrid(np.arange(x0, x1, step), np.arange(y0, y1, step))])
    country = _inside(paths, fine)
    edges = np.concatenate([np.column_stack([r.vertices[:-1], r.vertices[1:]]) for rs in paths.values() for r in rs])
    checked = {}
    for region in year["map"]["regions"]:
        cand = fine[country == region["k"]]
        if not len(cand):
            continue
        far = (_segment_distance(cand, edges[:, :2], edges[:, 2:]) > border) & (np.linalg.norm(cand[:, None] - caps[None], axis=-1).min(axis=1) > capital)
        far &= _segment_distance(cand, ta, tb) > border
        if not far.any():
            continue
        pts = cand[far][:: max(1, far.sum() // 5)][:5]
        got = img[tuple(_pixels(page, pts)[:, ::-1].T)]
        assert (np.abs(got - _rgb(region["fill"])) <= TOLERANCE).all(), (region, pts.tolist(), got.tolist())
        checked[region["ccode"]] = region["fill"]
    return checked


def _dots_1860(page, server, shots, ready) -> None:
    year = _open(page, server, ready, "record", 1860)
    _zoom(page, [-10, 40], [34, 60])
    img = _shot(page, shots / "07-map-1860-europe.png")
    by_abb = {n["abb"]: n for n in year["nodes"]}
    for abb in ("BAV", "PAP", "SAX"):
        n = by_abb[abb]
        assert not n["own_country"], abb
        col, row = _pixels(page, [(n["lon"], n["lat"])])[0]
        patch = img[row - 1 : row + 2, col - 1 : col + 2].reshape(-1, 3)
        assert (np.abs(patch - _rgb(n["colour"])) <= TOLERANCE).all(axis=1).sum() >= 5, (abb, n["colour"], patch.tolist())
    gmy = next(r for r in year["map"]["regions"] if r["ccode"] == 255)
    assert gmy["fill"] != by_abb["BAV"]["colour"]

