"""Where the dashboard draws each state: capitals on the map, and the network's force layout started from them.

*Map*
    States are drawn at their capitals on an equirectangular projection (longitude and
    latitude as plain axes), over present-day country outlines filled by bloc
    (:mod:`foedus.web.outlines`, :mod:`foedus.web.mapview`). Capitals come from the record's
    ``capitals`` table (peacesciencer ``cow_capitals``, Miller 2022), the spell in force in the
    year shown, or, for a simulated run, from its scenario's actors (``lat``, ``lon``).
*Layout*
    :func:`network_layout`: a force-directed layout (Fruchterman & Reingold 1991, as
    implemented by :func:`networkx.spring_layout`) started from each state's capital, so a
    state keeps roughly the same place from year to year and the layout of a year does not
    depend on which years were looked at before (deterministic).
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from foedus.analysis.network import membership_years
from foedus.schema import History

__all__ = ["capitals_in_year", "coordinates_table", "network_layout", "tie_weights"]

_COORD_COLUMNS = ["ccode", "start_year", "end_year", "lat", "lon", "capital"]


def coordinates_table(history: History | None = None, scenario: Any = None, capitals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Capital coordinates by state and spell, from whichever source has them.

    Parameters
    ----------
    history : History, optional
        Its ``extras["capitals"]`` (the record's capitals, Miller 2022) is used when present.
    scenario : foedus.sim.Scenario, optional
        Its actors' ``lat``/``lon`` (degrees) are used when ``history`` has no capitals; they hold
        for every year.
    capitals : DataFrame, optional
        A ``capitals`` table (:data:`foedus.data.extras_schema.CAPITALS`) to fall back on.

    Returns
    -------
    pandas.DataFrame
        Columns ``ccode, start_year, end_year, lat, lon`` (degrees) and ``capital`` (name or
        ``""``); empty when no source has coordinates.
    """
    cap = history.extras.get("capitals") if history is not None else None
    if cap is None and scenario is None:
        cap = capitals
    if cap is not None and len(cap):
        out = pd.DataFrame(
            {
                "ccode": cap["ccode"].to_numpy(dtype="int64"),
                "start_year": cap["start_year"].to_numpy(dtype="int64"),
                "end_year": cap["end_year"].to_numpy(dtype="int64"),
                "lat": cap["lat"].to_numpy(dtype=float),
                "lon": cap["lng"].to_numpy(dtype=float),
                "capital": cap["capital"].astype("object").fillna("").to_numpy(),
            }
        )
        return out[np.isfinite(out["lat"]) & np.isfinite(out["lon"])].reset_index(drop=True)
    if scenario is not None:
        acts = scenario.actors
        return pd.DataFrame(
            {
                "ccode": np.array([a.ccode for a in acts], dtype="int64"),
                "start_year": np.full(len(acts), -(10**6), dtype="int64"),
                "end_year": np.full(len(acts), 10**6, dtype="int64"),
                "lat": np.array([a.lat for a in acts], dtype=float),
                "lon": np.array([a.lon for a in acts], dtype=float),
                "capital": np.full(len(acts), "", dtype=object),
            }
        )
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("ccode", "start_year", "end_year") else (float if c in ("lat", "lon") else object)) for c in _COORD_COLUMNS})


def capitals_in_year(table: pd.DataFrame, codes, year: int) -> pd.DataFrame:
    """Capital of each state in ``codes`` in ``year``: the spell covering it, else the nearest spell.

    When two spells cover the year (a capital moved during it: Saint Petersburg to Moscow in
    1918), the later one is used, the capital at the end of the year.

    Parameters
    ----------
    table : DataFrame
        :func:`coordinates_table`.
    codes : array of int
        COW codes.
    year : int

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ccode`` (in the order of ``codes``): ``lat``, ``lon`` (NaN when unknown)
        and ``capital``.
    """
    codes = np.asarray(codes, dtype="int64")
    t = table[table["ccode"].isin(codes)]
    gap = np.maximum(np.maximum(t["start_year"].to_numpy() - year, year - t["end_year"].to_numpy()), 0)
    best = t.assign(_gap=gap, _late=-t["start_year"].to_numpy()).sort_values(["ccode", "_gap", "_late"], kind="mergesort").drop_duplicates("ccode")
    best = best.set_index("ccode")[["lat", "lon", "capital"]]
    out = best.reindex(codes)
    out["capital"] = out["capital"].fillna("")
    out.index.name = "ccode"
    return out


def network_layout(
    graph: nx.Graph,
    lat: np.ndarray,
    lon: np.ndarray,
    *,
    iterations: int = 80,
    seed: int = 1815,
    strip: float = 0.12,
    aspect: float = 1.6,
) -> np.ndarray:
    """Positions of ``graph``'s nodes: allied states by force-directed layouts, components packed.

    Each connected group of allied states is laid out by the Fruchterman-Reingold iterations of
    :func:`networkx.spring_layout` (edge attribute ``weight`` scales the attraction, if present),
    started from its members' capitals (longitude and latitude
    replaced by their ranks, so that crowded Europe is spread out while west stays west and
    north stays north); a node without coordinates starts at a point drawn from
    ``numpy.random.default_rng(seed + ccode)``. The groups are then packed in rows, largest
    first, each in a square whose side grows with the square root of its size (one spring
    layout of a disconnected graph pushes the groups to the corners and crushes each one).
    States without any tie are lined up in a bottom strip from west to east. Deterministic: the
    same graph and coordinates give the same positions.

    Parameters
    ----------
    graph : networkx.Graph
        Nodes are COW codes (int).
    lat, lon : array of float
        Capital coordinates in degrees, aligned with ``sorted(graph.nodes)``; NaN = unknown.
    iterations : int
        Fruchterman-Reingold iterations.
    seed : int
    strip : float
        Height of the bottom strip for states without ties (share of the height).
    aspect : float
        Width / height of the drawing the positions are meant for.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, 2)``, rows aligned with ``sorted(graph.nodes)``, within [0, 1] (x across,
        y up).

    References
    ----------
    .. [1] Fruchterman, T. M. J. and E. M. Reingold. 1991. "Graph Drawing by Force-directed
       Placement." *Software: Practice and Experience* 21(11): 1129-64.
    """
    nodes = sorted(graph.nodes)
    n = len(nodes)
    out = np.zeros((n, 2))
    if n == 0:
        return out
    codes = np.asarray(nodes, dtype="int64")
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    degree = np.array([d for _, d in sorted(graph.degree)], dtype="int64")
    lone = np.flatnonzero(degree == 0)
    has_ties = lone.size < n
    if lone.size:
        order = lone[np.lexsort((codes[lone], np.nan_to_num(lon[lone], nan=999.0)))]
        per_row = max(int(np.ceil(np.sqrt(lone.size * 8))), 1)
        rows = int(np.ceil(lone.size / per_row))
        k = np.arange(order.size)
        out[order, 0] = (k % per_row + 0.5) / per_row
        out[order, 1] = (strip * 0.8) * (1 - (k // per_row + 0.5) / rows) if has_ties else 0.5
    if not has_ties:
        return out
    row_of = {c: i for i, c in enumerate(nodes)}
    comps = [np.array(sorted(row_of[c] for c in comp)) for comp in nx.connected_components(graph) if len(comp) > 1]
    mean_lon = [float(np.nanmean(lon[c])) if np.isfinite(lon[c]).any() else 999.0 for c in comps]
    comps = [comps[i] for i in sorted(range(len(comps)), key=lambda i: (-len(comps[i]), mean_lon[i], int(codes[comps[i][0]])))]
    sides = np.array([np.sqrt(len(c)) for c in comps])
    width = max(sides.max(), np.sqrt(aspect * (1.3 * sides**2).sum()))
    gap = 0.6
    placed = []
    x = y = row_h = 0.0
    for c, side in zip(comps, sides):
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        local = _component_layout(graph, codes[c], lat[c], lon[c], iterations=iterations, seed=seed)
        placed.append((c, x + 0.08 * side + 0.84 * side * local[:, 0], -(y + 0.08 * side + 0.84 * side * (1 - local[:, 1]))))
        x += side + gap
        row_h = max(row_h, side)
    total_w = max(max(float(px.max()) for _, px, _ in placed), 1e-9)
    total_h = max(-min(float(py.min()) for _, _, py in placed), 1e-9)
    bottom = strip if lone.size else 0.0
    avail_w, avail_h = 0.96 * aspect, 0.97 - bottom  # drawing units: the height is 1, the width ``aspect``
    s = min(avail_w / total_w, avail_h / total_h)
    stretch = min(avail_w / (s * total_w), 1.6)  # widen a tall packing a little (never narrows or separates less)
    used_w = s * total_w * stretch
    for c, px, py in placed:
        out[c, 0] = ((avail_w - used_w) / 2 + 0.02 * aspect + px * s * stretch) / aspect
        out[c, 1] = 0.985 + py * s
    return out


def _component_layout(graph: nx.Graph, codes: np.ndarray, lat: np.ndarray, lon: np.ndarray, *, iterations: int, seed: int) -> np.ndarray:
    """Spring layout of one connected group started from its capitals' ranks, scaled to [0, 1]."""
    if len(codes) == 2:
        return np.array([[0.0, 0.5], [1.0, 0.5]]) if np.nan_to_num(lon[0]) <= np.nan_to_num(lon[1]) else np.array([[1.0, 0.5], [0.0, 0.5]])
    start = np.column_stack([_spread(lon), _spread(lat)])
    missing = ~np.isfinite(start).all(axis=1)
    if missing.any():
        start[missing] = np.array([np.random.default_rng(seed + int(c)).uniform(-1, 1, 2) for c in codes[missing]])
    sub = graph.subgraph(codes.tolist())
    pos = nx.spring_layout(sub, pos=dict(zip(codes.tolist(), start)), iterations=iterations, seed=seed, k=2.0 / np.sqrt(len(codes)), weight="weight")
    xy = np.array([pos[int(c)] for c in codes])
    lo, span = xy.min(axis=0), np.ptp(xy, axis=0)
    return (xy - lo) / np.where(span > 0, span, 1.0)


def tie_weights(history: History, year: int, kinds: tuple[str, ...] | None) -> dict[tuple[int, int], float]:
    """Layout weight of each tie in ``year``: the sum over shared agreements of 1 / (members - 1).

    A state's ties in one agreement then pull it with a total weight of 1 whatever the
    agreement's size, so that the cliques of large multilateral pacts (NATO, the Rio Pact) do
    not collapse into balls.
    """
    my = membership_years(history, kinds=kinds, years=(year, year))
    if not len(my):
        return {}
    size = my.groupby("agreement_id")["ccode"].transform("nunique").to_numpy(dtype=float)
    my = my.assign(w=1.0 / np.maximum(size - 1.0, 1.0))
    p = my.merge(my[["agreement_id", "ccode"]].rename(columns={"ccode": "ccode2"}), on="agreement_id")
    p = p[p["ccode"] < p["ccode2"]]
    w = p.groupby(["ccode", "ccode2"])["w"].sum()
    return dict(zip(zip(w.index.get_level_values(0).tolist(), w.index.get_level_values(1).tolist()), w.to_numpy().tolist()))


def _spread(v: np.ndarray) -> np.ndarray:
    """Values mapped to [-1, 1] by their rank (ties share the mean rank); NaN stays NaN.

    Capitals crowd in Europe; ranks keep the west-east and south-north order while spreading
    the start of the layout evenly.
    """
    out = np.full(v.shape, np.nan)
    ok = np.isfinite(v)
    if ok.sum() == 1:
        out[ok] = 0.0
    elif ok.any():
        r = pd.Series(v[ok]).rank(method="average").to_numpy()
        out[ok] = 2 * (r - 1) / (ok.sum() - 1) - 1
    return out
