"""The defence-pact network figure: one layout for every year, labels that do not collide.

:func:`network_layout` places every state of a history once, so that a state sits at the same
place in every snapshot year (Germany is where it was in 1914 when the reader turns to 1939):

1. a state with a known capital starts at its capital (longitude, latitude; the capital the
   state held longest), so that the picture reads as a rough map (Americas left, Europe in the
   middle, East Asia right);
2. states without a capital are placed by a force-directed layout (Fruchterman & Reingold
   1991, :func:`networkx.spring_layout`, fixed seed) of the union of every year's defence
   ties, the located states held fixed; when no state has a capital (a toy history, a
   synthetic scenario), each connected component of that union graph gets its own spring
   layout and the components are packed in rows, largest first;
3. nodes closer than a minimum spacing are pushed apart (a few hundred deterministic
   relaxation steps, each state pulled back towards its start), so that the crowded capitals
   of Europe (Berlin, Vienna, Prague, Budapest) do not sit on each other.

The layout depends on the history only (all its states, all its years), never on the year
drawn. :func:`plot_network` draws one year on it and places the major powers' labels by a
greedy search for a free spot around each node (:func:`place_labels`).
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd

from foedus.analysis.network import defense_network, dyad_years
from foedus.analysis.polarity import DEFAULT_BLOC_METHOD, state_blocs, year_blocs
from foedus.report import style
from foedus.schema import History
from foedus.i18n import _

__all__ = ["network_layout", "place_labels", "plot_network"]

LAYOUT_SEED = 1815
"""Seed of the force-directed part of :func:`network_layout`."""

MIN_SPACING = 0.03
"""Smallest distance between two nodes, as a share of the layout's width (about 2 node diameters at full width)."""

ASPECT = 0.6
"""Height of the layout as a share of its width (the figure's drawing area is about 10 x 6 inches)."""

PACIFIC_LONGITUDE = -150.0
"""Capitals west of this longitude (degrees) are drawn east of the date line, beside Oceania."""

_RELAX_STEPS = 500
_ANCHOR_PULL = 0.02  # fraction of the way back to its start a node moves each relaxation step


def capital_coordinates(history: History, scenario: Any = None) -> pd.DataFrame:
    """Longitude and latitude (degrees) of each state's capital, where the history or scenario knows it.

    From ``history.extras["capitals"]`` (the record: peacesciencer's ``cow_capitals``, Miller
    2022; for a state that moved its capital, the one it held longest), else from the actors of
    ``scenario`` (``lat``, ``lon``) when given. Indexed by ``ccode``; empty when neither has any.
    """
    cap = history.extras.get("capitals") if history.extras else None
    if cap is not None and len(cap):
        c = cap.assign(_span=cap["end_year"] - cap["start_year"])
        c = c[np.isfinite(c["lat"].astype(float)) & np.isfinite(c["lng"].astype(float))]
        c = c.sort_values(["ccode", "_span", "start_year"], ascending=[True, False, True], kind="mergesort").drop_duplicates("ccode")
        return pd.DataFrame({"lon": c["lng"].to_numpy(float), "lat": c["lat"].to_numpy(float)},
                            index=pd.Index(c["ccode"].to_numpy("int64"), name="ccode"))
    actors = getattr(scenario, "actors", None)
    if actors:
        rows = [(int(a.ccode), float(a.lon), float(a.lat)) for a in actors
                if getattr(a, "lat", None) is not None and getattr(a, "lon", None) is not None]
        if rows:
            arr = np.array(rows)
            return pd.DataFrame({"lon": arr[:, 1], "lat": arr[:, 2]}, index=pd.Index(arr[:, 0].astype("int64"), name="ccode"))
    return pd.DataFrame({"lon": pd.Series(dtype=float), "lat": pd.Series(dtype=float)}, index=pd.Index([], dtype="int64", name="ccode"))


def _relax(pos: np.ndarray, spacing: float, steps: int = _RELAX_STEPS) -> np.ndarray:
    """Push apart nodes closer than ``spacing``, each pulled back towards its start by a pull that fades (deterministic)."""
    start = pos.copy()
    n = len(pos)
    if n < 2:
        return pos
    # states at the very same point (Serbia and Yugoslavia in Belgrade) leave in fixed directions
    angle = np.arange(n) * 2.399963  # golden angle, radians
    pos = pos + 1e-3 * spacing * np.c_[np.cos(angle), np.sin(angle)]
    for step in range(steps):
        diff = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((diff ** 2).sum(-1))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(spacing - dist, 0.0, None)
        if not overlap.any():
            break
        push = (diff / dist[..., None] * (overlap / 2.0)[..., None]).sum(axis=1)
        pos = pos + push + _ANCHOR_PULL * (1.0 - step / steps) * (start - pos)  # the pull fades so the spacing wins
    return pos


def _to_box(xy: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Scale so that ``xy[rows]`` spans 0-1 across and 0-:data:`ASPECT` up (each axis on its own)."""
    lo = xy[rows].min(axis=0)
    span = np.maximum(np.ptp(xy[rows], axis=0), 1e-9)
    return (xy - lo) / span * np.array([1.0, ASPECT])


def network_layout(history: History, *, scenario: Any = None, dyads: pd.DataFrame | None = None,
                   seed: int = LAYOUT_SEED) -> dict[int, np.ndarray]:
    """Positions of every state of ``history``, the same whatever year is drawn.

    Parameters
    ----------
    history : History
        The record or a simulated run.
    scenario : Scenario, optional
        For a simulated run: its actors' capitals (``lat``, ``lon``) place the states.
    dyads : DataFrame, optional
        :func:`foedus.analysis.network.dyad_years` of ``history`` (computed when not given): the
        union of the years' defence ties places states without a capital.
    seed : int
        Seed of the force-directed layout (:data:`LAYOUT_SEED`).

    Returns
    -------
    dict of int -> numpy.ndarray
        COW code -> (x, y): x from 0 to 1 (west to east), y from 0 to :data:`ASPECT` (south to north).

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 1900, "end": None, "members": [2, 200]}], first_year=1900, last_year=1910)
    >>> pos = network_layout(h)
    >>> sorted(pos) == [2, 200]
    True
    """
    import networkx as nx

    codes = np.unique(np.r_[history.states["ccode"].to_numpy("int64"), history.state_years["ccode"].to_numpy("int64")])
    coords = capital_coordinates(history, scenario).reindex(codes)
    known = coords["lon"].notna().to_numpy()
    lon = coords["lon"].to_numpy(float)
    lon = np.where(lon < PACIFIC_LONGITUDE, lon + 360.0, lon)  # Hawaii, Samoa, Tonga east of Asia, not west of America
    xy = np.c_[lon, coords["lat"].to_numpy(float)]
    if known.all():
        xy = _to_box(xy, known)
    else:
        graph = _union_graph(history, codes, dyads)
        if known.any():  # the located states fixed, the others placed among them
            xy = _to_box(xy, known)
            init = {int(c): xy[i] for i, c in enumerate(codes) if known[i]}
            raw = nx.spring_layout(graph, pos=init, fixed=list(init), seed=seed, iterations=200)
            xy[~known] = np.array([raw[int(c)] for c in codes[~known]])
        else:  # nothing located: only the states ever drawn, each connected component packed
            majors = set(history.state_years.loc[history.state_years["major"].astype(bool), "ccode"].astype(int))
            drawn = [c for c in codes.tolist() if graph.degree(c) > 0 or c in majors]
            packed = _packed_layout(graph.subgraph(drawn), seed)
            codes = np.array(drawn, dtype="int64")
            xy = np.array([packed[c] for c in drawn]).reshape(-1, 2)
            if len(xy):
                xy = (xy - xy.min(axis=0)) / max(float(np.ptp(xy[:, 0])), 1e-9)
    xy = _relax(xy, MIN_SPACING)
    return {int(c): xy[i] for i, c in enumerate(codes)}


def _union_graph(history: History, codes: np.ndarray, dyads: pd.DataFrame | None):
    """Every pair of states that shares a defence pact in any year of the history (one graph)."""
    import networkx as nx

    dy = dyad_years(history) if dyads is None else dyads
    ties = dy[dy["defense"].astype(bool)] if "defense" in dy.columns else dy
    g = nx.Graph()
    g.add_nodes_from(codes.tolist())
    g.add_edges_from((int(a), int(b)) for a, b in ties[["ccode1", "ccode2"]].drop_duplicates().itertuples(index=False, name=None)
                     if a in g and b in g)
    return g


def _packed_layout(graph, seed: int) -> dict[int, np.ndarray]:
    """A spring layout per connected component, components packed in rows, largest first.

    A single spring layout of a disconnected graph pushes the components to the corners and
    crushes each one; laying out each component in a square whose side grows with the square
    root of its size keeps every bloc readable. Deterministic (fixed seed, nodes in code order).
    """
    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    if not comps:
        return {}
    sides = [max(1.0, np.sqrt(len(c))) for c in comps]
    width = max(max(sides), 1.15 * np.sqrt(sum(sd * sd for sd in sides)))
    gap = 0.5
    pos: dict[int, np.ndarray] = {}
    x = y = row_h = 0.0
    for c, side in zip(comps, sides):
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y - row_h - gap, 0.0
        if len(c) == 1:
            local = np.array([[0.5, 0.5]])
        else:
            raw = nx.spring_layout(graph.subgraph(c), seed=seed, iterations=200)
            local = np.array([raw[n] for n in c])
            local = (local - local.min(axis=0)) / np.where(np.ptp(local, axis=0) > 0, np.ptp(local, axis=0), 1.0)
        for n, p in zip(c, local):
            pos[int(n)] = np.array([x + 0.1 * side + 0.8 * side * p[0], y - side + 0.1 * side + 0.8 * side * p[1]])
        x += side + gap
        row_h = max(row_h, side)
    return pos


def place_labels(ax, points: np.ndarray, texts: list[str], radii_pt: np.ndarray, obstacles: np.ndarray,
                 obstacle_radii_pt: np.ndarray, *, fontsize: float = 9.0, **text_kw) -> list:
    """Write ``texts`` beside ``points`` where they overlap no other label and no node, greedily.

    Each label is measured as drawn (its font, its weight) and tries eight spots around its
    node (above, below, right, left, then the corners), just outside the node's marker; it
    takes the first spot that overlaps no label placed before it and no node, else the one
    that overlaps least (another label counting far more than a node). Labels are placed in
    the order given (the caller puts the strongest state first). Works in display units, so
    the axes limits and the figure size must be final.

    Parameters
    ----------
    ax : matplotlib Axes
    points : array (n, 2)
        Data coordinates of the labelled nodes.
    texts : list of str
    radii_pt : array (n,)
        Radius of each labelled node's marker, points.
    obstacles, obstacle_radii_pt : array (m, 2), array (m,)
        Every node drawn (data coordinates) and its radius (points).

    Returns
    -------
    list of matplotlib.text.Text
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    px = fig.dpi / 72.0
    disp = ax.transData.transform(points) if len(points) else np.zeros((0, 2))
    obs = ax.transData.transform(obstacles) if len(obstacles) else np.zeros((0, 2))
    obs_r = np.asarray(obstacle_radii_pt, dtype=float) * px
    placed: list[tuple[float, float, float, float]] = []
    out = []
    backing = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}  # text stays text
    for (x0, y0), text, r in zip(disp, texts, np.asarray(radii_pt, dtype=float) * px):
        label = ax.text(0, 0, text, ha="center", va="center", fontsize=fontsize, bbox=backing, transform=None, **text_kw)
        ext = label.get_window_extent(renderer)
        w, h = ext.width + 2.0 * px, ext.height + 2.0 * px
        best, best_cost = None, np.inf
        for dx, dy in _DIRECTIONS:
            cx, cy = x0 + dx * (r + 2.0 * px + w / 2.0), y0 + dy * (r + 2.0 * px + h / 2.0)
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            near = np.hypot(np.clip(obs[:, 0], box[0], box[2]) - obs[:, 0], np.clip(obs[:, 1], box[1], box[3]) - obs[:, 1])
            cost = 1000.0 * sum(_overlap(box, o) for o in placed) + float((near < obs_r).sum())
            if cost < best_cost:
                best, best_cost = box, cost
            if cost == 0:
                break
        placed.append(best)
        label.set_transform(ax.transData)
        label.set_position(ax.transData.inverted().transform(((best[0] + best[2]) / 2, (best[1] + best[3]) / 2)))
        out.append(label)
    return out


_DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))
"""Where a label may go around its node: above, below, right, left, then the corners."""


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Area shared by two boxes (x0, y0, x1, y1)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


def _bloc_colours(blocs_year: pd.DataFrame, found: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Colour of each multi-state bloc (strongest first, as the dashboard) and the blocs' rows."""
    size_of = blocs_year.drop_duplicates("bloc").set_index("bloc")
    multi = size_of.loc[found.loc[found["size"] >= 2, "bloc"].to_numpy()]
    colours = {b: (style.PALETTE[r] if r < len(style.PALETTE) else "#c9b27c") for r, b in enumerate(multi.index)}
    return colours, multi


@style.styled
def plot_network(history: History, year: int, ax=None, *, layout: Mapping[int, np.ndarray] | None = None,
                 blocs: pd.DataFrame | None = None, method: str = DEFAULT_BLOC_METHOD, filled: pd.DataFrame | None = None,
                 scenario: Any = None):
    """Draw the defence-pact network of ``year``: blocs in colour, node area by CINC, major powers labelled.

    A node is a state in a defence pact that year, or a major power; an edge, a defence
    obligation shared in at least one alliance (:func:`foedus.analysis.network.defense_network`).
    Nodes sit where :func:`network_layout` puts them, the same in every year.

    Parameters
    ----------
    history : History
        The record or a simulated run.
    year : int
        The year drawn (inside the history's window).
    ax : matplotlib Axes, optional
        Drawn into; default a new report-style figure.
    layout : mapping of int -> (x, y), optional
        :func:`network_layout` of ``history`` (computed when not given; pass it to draw several
        years on one layout without recomputing it).
    blocs : DataFrame, optional
        Rows of :func:`foedus.analysis.polarity.state_blocs` (any years; those of ``year`` are
        used); computed with ``method`` when not given.
    method : {"poles", "modularity", "components"}
        How blocs are found when ``blocs`` is not given.
    filled : DataFrame, optional
        :func:`foedus.analysis.capabilities.state_years_filled` (for CINC and major status).
    scenario : Scenario, optional
        For the layout of a simulated run (its actors' capitals).

    Returns
    -------
    matplotlib.axes.Axes
        The axes; the legend (one entry per bloc of two or more states, named after its
        strongest member, with its size) is below them.

    Examples
    --------
    >>> ax = plot_network(record, 1914)          # doctest: +SKIP
    >>> ax.figure.savefig("network-1914.png")    # doctest: +SKIP
    """
    from matplotlib.lines import Line2D

    if not history.first_year <= year <= history.last_year:
        raise ValueError(_("year {year} is outside the history's window {first}-{last}").format(
            year=year, first=history.first_year, last=history.last_year))
    layout = network_layout(history, scenario=scenario) if layout is None else layout
    sb = state_blocs(history, method=method, years=(year, year)) if blocs is None else blocs
    blocs_year = sb[sb["year"] == year]
    found = year_blocs(history, year, blocs_table=blocs_year)
    colour_of_bloc, multi = _bloc_colours(blocs_year, found)
    bloc_of = dict(zip(blocs_year["ccode"].tolist(), blocs_year["bloc"].tolist()))
    g = defense_network(history, year, filled=filled)
    shown = [n for n in sorted(g.nodes) if (g.degree(n) > 0 or g.nodes[n]["major"]) and n in layout]
    sub = g.subgraph(shown)
    own = ax is None
    if own:
        fig = style.new_figure(7.0, constrained=False)  # fixed margins: labels are placed in display units
        fig.subplots_adjust(left=0.01, right=0.99, bottom=0.09, top=0.95)
        ax = fig.add_subplot()
    ax.set_axis_off()
    every = np.array(list(layout.values()))
    pad = 0.03
    ax.set_xlim(every[:, 0].min() - pad, every[:, 0].max() + pad)
    ax.set_ylim(every[:, 1].min() - pad, every[:, 1].max() + pad)
    ax.set_aspect("equal", adjustable="box")
    ax.apply_aspect()  # final axes box before labels are placed in display units
    if sub.number_of_edges():
        seg = np.array([[layout[u], layout[v], (np.nan, np.nan)] for u, v in sorted(sub.edges)]).reshape(-1, 2)
        ax.plot(seg[:, 0], seg[:, 1], color="#9e9e9e", lw=0.5, alpha=0.6, zorder=1)
    abb = {n: g.nodes[n]["abb"] for n in g.nodes}
    if shown:
        _draw_nodes(ax, sub, shown, layout, colour_of_bloc, bloc_of)
    handles = [Line2D([], [], marker="o", ls="", color=colour_of_bloc[b],
                      label=_("bloc of {leader} ({size})").format(leader=abb.get(b, b), size=int(multi.loc[b, "bloc_size"]))) for b in multi.index[: len(style.PALETTE)]]
    if handles and own:
        ax.figure.legend(handles=handles, loc="lower center", ncols=min(5, len(handles)))
    elif handles:
        style.legend_outside(ax, handles, where="below", ncols=min(5, len(handles)))
    ax.set_title(_("Defence pacts, {year}").format(year=year), fontsize=12)
    return ax


def _draw_nodes(ax, sub, shown: list[int], layout: Mapping[int, np.ndarray], colour_of_bloc: dict, bloc_of: dict) -> None:
    """Nodes (area by CINC, black rim for major powers) and the major powers' labels, placed free of collisions."""
    xy = np.array([layout[n] for n in shown])
    cinc = np.array([np.nan_to_num(sub.nodes[n]["cinc"], nan=0.0) for n in shown])
    sizes = 18 + 2400 * cinc  # marker area, pt^2
    colours = np.array([colour_of_bloc.get(bloc_of.get(n), style.GREY) for n in shown], dtype=object)
    major = np.array([bool(sub.nodes[n]["major"]) for n in shown])
    ax.scatter(xy[~major, 0], xy[~major, 1], s=sizes[~major], c=list(colours[~major]), edgecolors="white", linewidths=0.5, zorder=2)
    ax.scatter(xy[major, 0], xy[major, 1], s=sizes[major], c=list(colours[major]), edgecolors="black", linewidths=1.2, zorder=3)
    order = np.argsort(-cinc[major], kind="mergesort")
    radii = np.sqrt(sizes / np.pi)
    place_labels(ax, xy[major][order], [str(sub.nodes[n]["abb"]) for n in np.array(shown)[major][order]],
                 radii[major][order], xy, radii, fontsize=9.5, fontweight="bold", zorder=4)
