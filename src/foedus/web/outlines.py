"""Country outlines for the dashboard's map: Natural Earth 1:110m, from the npm package ``world-atlas``.

*Where the outlines come from*
    Natural Earth's 1:110m admin-0 countries (public domain, naturalearthdata.com), as the
    TopoJSON file ``countries-110m.json`` of the npm package ``world-atlas``
    (:data:`WORLD_ATLAS_VERSION`, ISC licence, Bostock 2013-2019). Setup vendors that one file
    into ``foedus/web/static/`` (``python -m foedus.web.outlines``, run by ``./dev setup``: the
    npm client fetches the package by name and version, the file's SHA-256 is checked against
    :data:`WORLD_ATLAS_SHA256`); nothing is fetched when the dashboard runs. Without the file
    the map draws capitals only and says why.
*Which state colours which country*
    The outlines are present-day borders; states are placed by their capitals
    (:func:`place_states`). A country is coloured by one state: among the states whose capital
    lies inside it in the year shown, the one that lasted longest (latest last year in the
    source's state system, still existing first), then the strongest (CINC). So Prussia/Germany
    colours Germany in 1860 and Sardinia/Italy colours Italy; every other state of that year
    (Bavaria, the Papal States, the Two Sicilies, the German Democratic Republic, a micro-state,
    a state whose capital lies in no outline at this scale) is drawn as a dot at its capital.
    A capital up to :data:`SNAP_DEGREES` outside every outline (a coastal capital on a coarse
    coast) counts as inside the nearest one; a capital on a border (:data:`BORDER_DEGREES`)
    may colour either side.

The TopoJSON decoding is the format's own (Bostock 2013, TopoJSON specification 1.0): arcs are
delta-encoded integer positions, scaled by the file's ``transform``; a ring is the concatenation
of its arcs, a negative index ``~i`` meaning arc ``i`` reversed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
from dataclasses import dataclass

from foedus.i18n import _
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = [
    "WORLD_ATLAS_VERSION",
    "WORLD_ATLAS_FILE",
    "WORLD_ATLAS_SHA256",
    "SNAP_DEGREES",
    "BORDER_DEGREES",
    "ENV_OUTLINES",
    "OutlinesMissing",
    "Outlines",
    "outlines_path",
    "load_outlines",
    "place_states",
    "vendor",
]

WORLD_ATLAS_VERSION = "2.0.2"
"""Version of the npm package ``world-atlas`` whose outlines are used."""

WORLD_ATLAS_FILE = "countries-110m.json"
"""The file taken from it: Natural Earth 1:110m admin-0 countries as TopoJSON (about 105 KiB)."""

WORLD_ATLAS_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
"""SHA-256 of that file in ``world-atlas`` 2.0.2 (checked when vendored and when read)."""

SNAP_DEGREES = 1.0
"""How far (degrees of latitude/longitude) outside every outline a capital may lie and still count as inside the
nearest one: about the error of the 1:110m coast (Copenhagen, Tallinn and Lisbon lie on or just off it)."""

BORDER_DEGREES = 0.1
"""A capital this close (degrees) to another country's outline lies on a border at this scale (Nicosia, Jerusalem,
Kinshasa and Brazzaville lie within 0.08 degrees of two outlines; Copenhagen lies 0.25 from Sweden, Dresden 0.2 from
Czechia): it may colour either (:func:`place_states`)."""

ANTARCTIC = -60.0
"""Countries lying wholly south of this latitude (degrees) are left out: Antarctica."""

ENV_OUTLINES = "FOEDUS_WORLD_ATLAS"
"""Environment variable naming another copy of ``countries-110m.json``."""

STATIC_DIR = Path(__file__).parent / "static"
SOURCE_NOTE = f"Natural Earth 1:110m admin-0 countries (public domain), from world-atlas {WORLD_ATLAS_VERSION}"


class OutlinesMissing(RuntimeError):
    """The outlines file is not installed (or is not the pinned one)."""


def outlines_path() -> Path:
    """Where the outlines are read from: ``$FOEDUS_WORLD_ATLAS``, else the vendored ``static/countries-110m.json``."""
    env = os.environ.get(ENV_OUTLINES)
    return Path(env).expanduser() if env else STATIC_DIR / WORLD_ATLAS_FILE


@dataclass(frozen=True, eq=False)
class Outlines:
    """Decoded country outlines.

    Attributes
    ----------
    ids : list of str
        ISO 3166-1 numeric code of each country ("" for the few without one).
    names : list of str
    rings : list of list of ndarray
        Per country, its rings (``(n, 2)`` arrays of longitude, latitude in degrees; exterior
        rings and holes alike, as the file gives them).
    areas : ndarray
        Per country, its planar area in square degrees (exterior rings less holes: even-odd).
    """

    ids: list[str]
    names: list[str]
    rings: list[list[np.ndarray]]
    areas: np.ndarray

    def public(self, *, decimals: int = 2) -> dict:
        """JSON for the page: per country its id, name and rings as ``lon``/``lat`` lists with ``None`` between rings.

        Countries come largest first, so that a small one drawn later lies on top of the one around it (Lesotho in
        South Africa); ``k`` is the country's index that :func:`place_states` answers.
        """
        out = []
        for k in np.argsort(-self.areas, kind="mergesort"):
            lon: list = []
            lat: list = []
            for r in self.rings[k]:
                lon += np.round(r[:, 0], decimals).tolist() + [None]
                lat += np.round(r[:, 1], decimals).tolist() + [None]
            out.append({"k": int(k), "id": self.ids[k], "name": self.names[k], "lon": lon[:-1], "lat": lat[:-1]})
        return {"available": True, "source": SOURCE_NOTE, "countries": out}


def _decode_arcs(topo: dict) -> list[np.ndarray]:
    """Absolute positions (degrees) of every arc of a quantised TopoJSON topology."""
    t = topo.get("transform")
    scale = np.asarray(t["scale"], dtype=float) if t else np.ones(2)
    shift = np.asarray(t["translate"], dtype=float) if t else np.zeros(2)
    out = []
    for arc in topo["arcs"]:
        a = np.asarray(arc, dtype=float)[:, :2]
        out.append((np.cumsum(a, axis=0) if t else a) * scale + shift)
    return out


def _ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    """A ring from its arcs; a ring that crosses the antimeridian (a step of more than 180 degrees of longitude:
    Russia's Chukotka, Fiji) is unwrapped to longitudes beyond 180 so that it is drawn and tested as one piece."""
    parts = []
    for j, i in enumerate(indices):
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(a if j == 0 else a[1:])
    ring = np.concatenate(parts)
    if len(ring) > 1 and np.abs(np.diff(ring[:, 0])).max() > 180:
        ring = ring.copy()
        ring[ring[:, 0] < 0, 0] += 360.0
    return ring


def _even_odd_area(rings: list[np.ndarray]) -> float:
    """Area enclosed by the rings under the even-odd rule (outer areas less holes), by the shoelace formula."""
    areas = sorted((abs(float(np.dot(r[:-1, 0], r[1:, 1]) - np.dot(r[1:, 0], r[:-1, 1]))) / 2 for r in rings), reverse=True)
    return areas[0] - sum(areas[1:]) if areas else 0.0


def _check(data: bytes, path: Path) -> None:
    digest = hashlib.sha256(data).hexdigest()
    if digest != WORLD_ATLAS_SHA256:
        raise OutlinesMissing(_("{path}: not the outlines of world-atlas {version} (SHA-256 {digest}..., expected {expected}...)").format(
            path=path, version=WORLD_ATLAS_VERSION, digest=digest[:12], expected=WORLD_ATLAS_SHA256[:12]))


_cache: dict[Path, Outlines] = {}
_lock = threading.Lock()


def load_outlines(path: Path | str | None = None) -> Outlines:
    """The decoded outlines (read once per path, then cached).

    Raises
    ------
    OutlinesMissing
        The file is absent (the message says how to install it) or is not the pinned one.
    """
    p = Path(path) if path is not None else outlines_path()
    with _lock:
        if p in _cache:
            return _cache[p]
    if not p.is_file():
        raise OutlinesMissing(_("country outlines not installed ({path} is missing): run ./dev setup, or python -m foedus.web.outlines").format(path=p))
    data = p.read_bytes()
    _check(data, p)
    topo = json.loads(data)
    arcs = _decode_arcs(topo)
    ids, names, rings = [], [], []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        found = [_ring(arcs, r) for poly in polys for r in poly]
        if not found or max(float(r[:, 1].max()) for r in found) < ANTARCTIC:
            continue  # Antarctica: no capital, and its ring around the pole cannot be drawn flat
        rings.append(found)
        ids.append(str(g.get("id") or ""))
        names.append(str((g.get("properties") or {}).get("name", "")))
    out = Outlines(ids, names, rings, np.array([_even_odd_area(r) for r in rings]))
    with _lock:
        _cache[p] = out
    return out


@lru_cache(maxsize=4)
def _edges(outlines: Outlines) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every ring edge as start points, end points (``(n, 2)`` each), the country it belongs to, and where each
    country's edges start."""
    starts, ends, owner = [], [], []
    for k, rings in enumerate(outlines.rings):
        for r in rings:
            starts.append(r[:-1])
            ends.append(r[1:])
            owner.append(np.full(len(r) - 1, k))
    owner_all = np.concatenate(owner)
    return np.concatenate(starts), np.concatenate(ends), owner_all, np.flatnonzero(np.r_[True, owner_all[1:] != owner_all[:-1]])


def _candidates(outlines: Outlines, lon: np.ndarray, lat: np.ndarray) -> tuple[list[list[int]], np.ndarray]:
    """Per point, the countries it may be drawn in, and whether it lies truly inside one.

    The candidates are the country containing the point (even-odd ray casting over all its rings; the smallest when
    an enclave's outline lies inside another's) and every country whose border passes within :data:`BORDER_DEGREES`;
    a point inside none takes the nearest country within :data:`SNAP_DEGREES`. NaN coordinates have none.
    """
    out: list[list[int]] = [[] for _ in range(len(lon))]
    inside_any = np.zeros(len(lon), dtype=bool)
    for i in np.flatnonzero(np.isfinite(lon) & np.isfinite(lat)):
        key = (id(outlines), round(float(lon[i]), 4), round(float(lat[i]), 4))
        with _lock:
            hit = _point_cache.get(key)
        if hit is None:
            hit = _point_candidates(outlines, float(lon[i]), float(lat[i]))
            with _lock:
                _point_cache[key] = hit
        out[i], inside_any[i] = hit
    return out, inside_any


_point_cache: dict[tuple, tuple[list[int], bool]] = {}


def _point_candidates(outlines: Outlines, x: float, y: float) -> tuple[list[int], bool]:
    """The candidates of one point (see :func:`_candidates`) and whether it lies truly inside one."""
    a, b, owner, starts = _edges(outlines)
    d = b - a
    length2 = np.maximum((d**2).sum(axis=1), 1e-18)
    straddles = (a[:, 1] > y) != (b[:, 1] > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_x = a[:, 0] + (y - a[:, 1]) * d[:, 0] / d[:, 1]
    hits = np.bincount(owner[straddles & (x < cross_x)], minlength=len(outlines.rings))
    t = np.clip(((x - a[:, 0]) * d[:, 0] + (y - a[:, 1]) * d[:, 1]) / length2, 0, 1)
    near = np.minimum.reduceat(np.hypot(a[:, 0] + t * d[:, 0] - x, a[:, 1] + t * d[:, 1] - y), starts)
    inside = np.flatnonzero(hits % 2 == 1)
    if inside.size:
        home = int(inside[np.argmin(outlines.areas[inside])])
    elif near.min() <= SNAP_DEGREES:
        home = int(owner[starts[int(np.argmin(near))]])
    else:
        return [], False
    return [home] + [int(owner[starts[j]]) for j in np.flatnonzero(near <= BORDER_DEGREES) if owner[starts[j]] != home], bool(inside.size)


def place_states(outlines: Outlines, lon, lat, last_year, cinc) -> tuple[np.ndarray, np.ndarray]:
    """Where each state of a year is drawn: the country it colours, or the country its capital lies in as a dot.

    Each country is coloured by at most one state, chosen in two rounds, states in order of priority (a capital truly
    inside an outline before one snapped to the coast, then the latest ``last_year``, then the largest ``cinc``, then
    the order of the input):

    1. a state with one candidate country (:func:`_candidates`: its capital lies away from every border) takes it
       if no state before it has;
    2. a state whose capital lies on a border (within :data:`BORDER_DEGREES` of another country: Nicosia, Jerusalem,
       Kinshasa and Brazzaville at this scale) takes the largest candidate not yet taken.

    Every other state (Bavaria when Prussia holds Germany) is a dot at its capital.

    Parameters
    ----------
    outlines : Outlines
    lon, lat : array of float
        Capitals (degrees; NaN = unknown).
    last_year : array of float
        Each state's last year in the source's state system (``inf`` while it still exists).
    cinc : array of float
        Each state's CINC share in the year.

    Returns
    -------
    country : ndarray of int
        Index of the country the state colours, else of the country its capital lies in (-1: none).
    colours : ndarray of bool
        True for the states that colour their country.
    """
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    cands, inside = _candidates(outlines, lon, lat)
    country = np.array([c[0] if c else -1 for c in cands], dtype="int64")
    colours = np.zeros(len(country), dtype=bool)
    last = np.nan_to_num(np.asarray(last_year, dtype=float), nan=np.inf)
    strength = np.nan_to_num(np.asarray(cinc, dtype=float), nan=0.0)
    order = np.lexsort((np.arange(len(country)), -strength, -last, ~inside))
    taken: set[int] = set()
    for border in (False, True):
        for i in order:
            if len(cands[i]) < 1 or (len(cands[i]) > 1) != border:
                continue
            free = sorted((k for k in cands[i] if k not in taken), key=lambda k: -outlines.areas[k])
            if free:
                country[i] = free[0]
                colours[i] = True
                taken.add(free[0])
    return country, colours


def vendor(dest: Path | str | None = None, *, npm: str = "npm", timeout: float = 180.0) -> Path:
    """Install the outlines: fetch ``world-atlas`` with the npm client, check the file's SHA-256, copy it and its licence.

    Returns the path written (default ``foedus/web/static/countries-110m.json``); does nothing if the pinned file is
    already there.

    Raises
    ------
    OutlinesMissing
        npm is missing or failed, or the file is not the pinned one.
    """
    target = Path(dest) if dest is not None else STATIC_DIR / WORLD_ATLAS_FILE
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == WORLD_ATLAS_SHA256:
        return target
    exe = shutil.which(npm)
    if exe is None:
        raise OutlinesMissing(_("the npm client ({npm}) is not installed: install Node.js and npm, then run python -m foedus.web.outlines").format(npm=npm))
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [exe, "pack", f"world-atlas@{WORLD_ATLAS_VERSION}", "--pack-destination", tmp, "--silent"]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, cwd=tmp)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
            err = getattr(e, "stderr", b"") or b""
            raise OutlinesMissing(_("npm pack world-atlas@{version} failed: {reason}").format(
                version=WORLD_ATLAS_VERSION, reason=err.decode(errors="replace").strip()[-300:] or e)) from None
        with tarfile.open(Path(tmp) / f"world-atlas-{WORLD_ATLAS_VERSION}.tgz") as tar:
            data = tar.extractfile(f"package/{WORLD_ATLAS_FILE}").read()  # type: ignore[union-attr]
            licence = tar.extractfile("package/LICENSE").read()  # type: ignore[union-attr]
    _check(data, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    target.with_name("world-atlas.LICENSE").write_bytes(licence)
    return target


def main(argv: list[str] | None = None) -> int:
    """``python -m foedus.web.outlines [--dest FILE]``: vendor the outlines (exit 2 with the reason on failure)."""
    ap = argparse.ArgumentParser(prog="python -m foedus.web.outlines", description=vendor.__doc__.splitlines()[0])
    ap.add_argument("--dest", type=Path, default=None, help="file to write (default: foedus/web/static/countries-110m.json)")
    args = ap.parse_args(argv)
    try:
        path = vendor(args.dest)
    except OutlinesMissing as e:
        print(_("error: {error}").format(error=e), file=sys.stderr)
        return 2
    print(_("country outlines: {path} (world-atlas {version}, SHA-256 checked)").format(path=path, version=WORLD_ATLAS_VERSION))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
