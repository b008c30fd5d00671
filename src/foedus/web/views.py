"""What the dashboard shows of one history: the network, map and agreements of a year, and time series.

Presentation only. Every number comes from :mod:`foedus.analysis` or straight from the
canonical tables of a :class:`~foedus.schema.History` (the record or a simulated run); this
module arranges them as JSON-ready dicts and adds what a picture needs (positions, colours,
captions). Definitions shown on the page:

*Alliance network of a year*
    :func:`foedus.analysis.network.alliance_network`: states present that year (system
    members, major powers, alliance members) linked when they share an agreement in force.
    Each edge is drawn in the style of its strongest obligation
    (:func:`foedus.analysis.formation.primary_obligation`: defence > offence > neutrality >
    non-aggression > consultation).
*Bloc*
    A community of the defence-pact network (:func:`foedus.analysis.polarity.blocs`, greedy
    modularity, Clauset, Newman & Moore 2004), named after its strongest member; blocs of two
    or more states are coloured by rank of their summed CINC, unaligned states are grey.
*Node size*
    Proportional to the square root of the state's CINC share (Singer, Bremer & Stuckey
    1972), so that a node's area is proportional to its capabilities.
*Map*
    States are drawn at their capitals on an equirectangular projection (longitude and
    latitude as plain axes) with a 30-degree graticule. foedus ships no country outlines: no
    maintained offline world geometry is available from PyPI, and present-day borders would
    misplace the states of past centuries anyway. Capitals come from the record's
    ``capitals`` table (peacesciencer ``cow_capitals``, Miller 2022), the spell in force in the
    year shown, or, for a simulated run, from its scenario's actors (``lat``, ``lon``).
*Layout*
    :func:`network_layout`: a force-directed layout (Fruchterman & Reingold 1991, as
    implemented by :func:`networkx.spring_layout`) started from each state's capital, so a
    state keeps roughly the same place from year to year and the layout of a year does not
    depend on which years were looked at before (deterministic).
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.formation import primary_obligation
from foedus.analysis.network import alliance_network, membership_years
from foedus.analysis.polarity import blocs, polarity, polarity_of_graph, state_blocs
from foedus.analysis.summary import jsonable
from foedus.report.provenance import ScenarioFacts, milex_unit
from foedus.schema import AGREEMENT_KINDS, OBLIGATIONS, History

__all__ = [
    "KIND_CHOICES",
    "MOTIVES",
    "BLOC_PALETTE",
    "coordinates_table",
    "capitals_in_year",
    "network_layout",
    "formation_explanations",
    "HistoryView",
]

KIND_CHOICES: dict[str, tuple[str, ...] | None] = {"alliance": ("alliance",), "all": None}
"""Which agreements make the network's edges: alliances only (default) or every kind of brief A2."""

MOTIVES: dict[str, str] = {
    "balance_power": "F1 balancing against power",
    "balance_threat": "F2 balancing against threat (Walt 1987)",
    "bandwagon": "F3 bandwagoning",
    "tether": "F4 tethering",
}
"""Motive keys of a simulated formation's ``detail`` and the brief's names for them (F5: the mix of motives)."""

BLOC_PALETTE: tuple[str, ...] = (
    "#2563eb", "#dc2626", "#16a34a", "#ea580c", "#9333ea",
    "#0891b2", "#c026d3", "#65a30d", "#b45309", "#475569",
)
"""Colours of the ten strongest blocs, strongest first (colour-blind-safe order not guaranteed beyond five)."""

OTHER_BLOC = "#a8a29e"
"""Colour of blocs beyond the tenth."""

UNALIGNED = "#d6d3d1"
"""Colour of states without a defence pact."""

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


def _tie_weights(history: History, year: int, kinds: tuple[str, ...] | None) -> dict[tuple[int, int], float]:
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


def formation_explanations(history: History) -> dict[int, dict]:
    """Why each agreement formed, from its ``formation`` events (brief F5).

    A simulated formation's ``detail`` holds the motive decomposition (``motives``: share of
    each motive of :data:`MOTIVES`) or a ``cause`` (a coalition of the willing, a scheduled
    shock) with its ``factors``. The first formation event of each agreement is used. The
    record has no formation events (ATOP codes no motives), so this is empty for it.

    Returns
    -------
    dict
        ``agreement_id -> {"cause": str or None, "motives": [{"key", "label", "share"}],
        "factors": {...}}``.
    """
    ev = history.events
    ev = ev[(ev["kind"] == "formation") & ev["agreement_id"].notna()].drop_duplicates("agreement_id")
    out: dict[int, dict] = {}
    for aid, raw in zip(ev["agreement_id"].astype("int64").tolist(), ev["detail"].astype(str).tolist()):
        try:
            d = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(d, dict):
            continue
        motives = d.get("motives") if isinstance(d.get("motives"), dict) else {}
        out[aid] = {
            "cause": d.get("cause") if isinstance(d.get("cause"), str) else None,
            "description": d.get("description") if isinstance(d.get("description"), str) else None,
            "motives": [{"key": k, "label": MOTIVES.get(k, k.replace("_", " ")), "share": v} for k, v in motives.items()],
            "factors": d.get("factors") if isinstance(d.get("factors"), dict) else {},
        }
    return out


def _name(row_name, aid: int, record: bool) -> str:
    if isinstance(row_name, str) and row_name:
        return row_name
    return f"ATOP {aid}" if record else f"agreement {aid}"


class HistoryView:
    """The dashboard's view of one history, with its expensive parts cached in memory.

    Parameters
    ----------
    history : History
    kind : {"record", "run"}
        Decides the captions (data citations) and units.
    label : str
        Shown on the page.
    coords : DataFrame, optional
        :func:`coordinates_table`; without it the map is empty and the layout starts from
        random points.
    scenario : Scenario, optional
        The scenario a run was simulated from, for the unit of its military expenditure
        (:func:`foedus.report.provenance.milex_unit`).
    year_cache : int
        Years kept in the per-year cache (network, layout, agreements).
    """

    def __init__(self, history: History, *, kind: str = "record", label: str = "", coords: pd.DataFrame | None = None, year_cache: int = 512,
                 scenario: ScenarioFacts | None = None):
        self.history = history
        self.scenario = scenario
        self.kind = kind
        self.label = label or history.source
        self.coords = coords if coords is not None else coordinates_table(history)
        self.first_year = int(history.first_year)
        self.last_year = int(history.last_year)
        self._filled = state_years_filled(history)
        self._names = history.states.drop_duplicates("ccode", keep="last").set_index("ccode")
        self._agreements = history.agreements.set_index("agreement_id")
        self._why = formation_explanations(history)
        self._series: dict | None = None
        self._polarity: dict | None = None
        self._series_lock = threading.Lock()
        self._polarity_lock = threading.Lock()
        self._year = lru_cache(maxsize=year_cache)(self._compute_year)

    # ------------------------------------------------------------------ captions
    def data_note(self) -> str:
        """Where the figures come from, for captions."""
        if self.kind == "record":
            return (
                "ATOP 5.1 alliances (Leeds et al. 2002); COW National Material Capabilities 7.0 (Singer, Bremer & Stuckey "
                "1972); COW State System v2016; capitals from peacesciencer (Miller 2022)"
            )
        return f"simulated history '{self.history.source}' (foedus canonical tables)"

    def milex_unit(self) -> str:
        """Unit of ``state_years.milex`` for this source."""
        return milex_unit(self.history, self.scenario).caption

    # ------------------------------------------------------------------ meta
    def meta(self) -> dict:
        """Window, states (for the state chooser) and notes."""
        st = self.history.states.drop_duplicates("ccode", keep="last").sort_values("name", kind="mergesort")
        return {
            "label": self.label,
            "kind": self.kind,
            "first_year": self.first_year,
            "last_year": self.last_year,
            "states": [
                {"ccode": int(c), "abb": str(a), "name": str(n), "start_year": int(s), "end_year": None if pd.isna(e) else int(e)}
                for c, a, n, s, e in zip(st["ccode"], st["abb"], st["name"], st["start_year"], st["end_year"])
            ],
            "has_coordinates": bool(len(self.coords)),
            "data_note": self.data_note(),
            "milex_unit": self.milex_unit(),
            "kinds": sorted(self.history.agreements["kind"].astype(str).unique().tolist()),
        }

    def check_year(self, year: int) -> int:
        """``year`` as int if inside the window, else ``ValueError`` naming the window."""
        y = int(year)
        if not self.first_year <= y <= self.last_year:
            raise ValueError(f"year {y} is outside this source's window {self.first_year}-{self.last_year}")
        return y

    # ------------------------------------------------------------------ one year
    def year(self, year: int, kinds: str = "alliance") -> dict:
        """Network, map, blocs, agreements in force and polarity of ``year`` (cached).

        Raises
        ------
        ValueError
            ``year`` outside the window or ``kinds`` not one of :data:`KIND_CHOICES`.
        """
        y = self.check_year(year)
        if kinds not in KIND_CHOICES:
            raise ValueError(f"kinds must be one of {', '.join(KIND_CHOICES)}, got {kinds!r}")
        return self._year(y, kinds)

    def _compute_year(self, year: int, kinds: str) -> dict:
        h = self.history
        g = alliance_network(h, year, kinds=KIND_CHOICES[kinds], filled=self._filled)
        dg = g if kinds == "alliance" else alliance_network(h, year, filled=self._filled)
        dg = dg.edge_subgraph([(u, v) for u, v, d in dg.edges(data=True) if d["defense"]]).copy()
        dg.add_nodes_from(g.nodes(data=True))
        parts = blocs(dg)
        stats = polarity_of_graph(dg)
        codes = np.array(sorted(g.nodes), dtype="int64")
        attrs = pd.DataFrame([g.nodes[c] for c in codes], index=pd.Index(codes, name="ccode"))
        cinc = np.nan_to_num(attrs["cinc"].to_numpy(dtype=float), nan=0.0)
        bloc_of = codes.copy()
        colour_of = np.full(len(codes), UNALIGNED, dtype=object)
        bloc_rows = []
        for rank, b in enumerate(p for p in parts if len(p) >= 2):
            members = np.array(sorted(b), dtype="int64")
            at = np.searchsorted(codes, members)
            lead = int(members[np.lexsort((members, -cinc[at]))[0]])
            colour = BLOC_PALETTE[rank] if rank < len(BLOC_PALETTE) else OTHER_BLOC
            bloc_of[at] = lead
            colour_of[at] = colour
            major = attrs["major"].to_numpy(dtype=bool)[at]
            bloc_rows.append(
                {
                    "leader": lead,
                    "leader_abb": str(attrs.at[lead, "abb"]),
                    "leader_name": str(attrs.at[lead, "name"]),
                    "size": int(len(members)),
                    "cinc": float(cinc[at].sum()),
                    "majors": attrs["abb"].to_numpy()[at][major].astype(str).tolist(),
                    "colour": colour,
                }
            )
        nx.set_edge_attributes(g, _tie_weights(h, year, KIND_CHOICES[kinds]), "weight")
        caps = capitals_in_year(self.coords, codes, year)
        lat, lon = caps["lat"].to_numpy(dtype=float), caps["lon"].to_numpy(dtype=float)
        xy = network_layout(g, lat, lon)
        degree = np.array([d for _, d in sorted(g.degree)], dtype="int64")
        defense_degree = np.array([d for _, d in sorted(dg.degree)], dtype="int64")
        nodes = pd.DataFrame(
            {
                "ccode": codes,
                "abb": attrs["abb"].astype(str).to_numpy(),
                "name": attrs["name"].astype(str).to_numpy(),
                "x": np.round(xy[:, 0], 4),
                "y": np.round(xy[:, 1], 4),
                "lat": np.round(lat, 3),
                "lon": np.round(lon, 3),
                "capital": caps["capital"].astype(str).to_numpy(),
                "cinc": attrs["cinc"].to_numpy(dtype=float),
                "major": attrs["major"].to_numpy(dtype=bool),
                "tier": attrs["tier"].astype(str).to_numpy(),
                "system": attrs["system"].to_numpy(dtype=bool),
                "partners": degree,
                "defense_partners": defense_degree,
                "bloc": bloc_of,
                "colour": colour_of,
            }
        )
        edges = nx.to_pandas_edgelist(g, source="a", target="b") if g.number_of_edges() else pd.DataFrame(columns=["a", "b", *OBLIGATIONS, "agreements"])
        if len(edges):
            lo = np.minimum(edges["a"].to_numpy(dtype="int64"), edges["b"].to_numpy(dtype="int64"))
            hi = np.maximum(edges["a"].to_numpy(dtype="int64"), edges["b"].to_numpy(dtype="int64"))
            edges = edges.assign(a=lo, b=hi).sort_values(["a", "b"], kind="mergesort")
        edge_cols = {
            "a": edges["a"].astype("int64").tolist(),
            "b": edges["b"].astype("int64").tolist(),
            "style": primary_obligation(edges).tolist() if len(edges) else [],
            "obligations": [[o for o in OBLIGATIONS if r[o]] for r in edges[list(OBLIGATIONS)].to_dict("records")] if len(edges) else [],
            "agreements": [list(map(int, t)) for t in edges["agreements"]] if len(edges) else [],
        }
        return jsonable(
            {
                "year": year,
                "kinds": kinds,
                "nodes": nodes.to_dict("records"),
                "edges": edge_cols,
                "blocs": bloc_rows,
                "stats": stats,
                "agreements": self._agreements_in_force(year, codes, attrs),
                "captions": self._captions(year, kinds, stats, bloc_rows),
            }
        )

    def _agreements_in_force(self, year: int, codes: np.ndarray, attrs: pd.DataFrame) -> list[dict]:
        my = membership_years(self.history, kinds=None, years=(year, year))
        if not len(my):
            return []
        abb = self._names["abb"].astype("object")
        members = my.groupby("agreement_id", sort=True)["ccode"].apply(lambda s: sorted(s.tolist()))
        a = self._agreements.loc[members.index]
        prim = primary_obligation(a)
        out = []
        for aid, mem, row, p in zip(members.index.tolist(), members.tolist(), a.to_dict("records"), prim.tolist()):
            out.append(
                {
                    "id": int(aid),
                    "name": _name(row["name"], aid, self.kind == "record"),
                    "kind": str(row["kind"]),
                    "start_year": int(row["start_year"]),
                    "end_year": None if pd.isna(row["end_year"]) else int(row["end_year"]),
                    "members": mem,
                    "member_abbs": [str(abb.get(c, c)) for c in mem],
                    "obligations": [o for o in OBLIGATIONS if bool(row[o])],
                    "primary": p,
                    "conditional": bool(row["conditional"]),
                    "asymmetric": bool(row["asymmetric"]),
                    "why": self._why.get(int(aid)),
                }
            )
        out.sort(key=lambda r: (-len(r["members"]), r["start_year"], r["id"]))
        return out

    def _captions(self, year: int, kinds: str, stats: dict, bloc_rows: list[dict]) -> dict:
        what = "alliances" if kinds == "alliance" else "agreements of every kind (alliances, coalitions, organisations)"
        top = "; ".join(f"{b['leader_abb']} ({b['size']} states)" for b in bloc_rows[:4]) or "none"
        return {
            "network": (
                f"Alliance network, {year}: states linked when they share {what} in force; edge style = strongest "
                f"obligation; colour = defence-pact bloc (greedy modularity); node area ∝ CINC. "
                f"{stats['aligned_states']} states in defence pacts, {stats['blocs']} blocs, {stats['poles']} poles. "
                f"Largest blocs: {top}. Data: {self.data_note()}."
            ),
            "map": (
                f"Blocs on the map, {year}: each state at its capital (equirectangular projection, 30° graticule; no "
                f"country outlines), coloured as in the network, size ∝ CINC. Data: {self.data_note()}."
            ),
            "agreements": f"Agreements in force in {year} with their members and obligations (ATOP categories). Data: {self.data_note()}.",
        }

    # ------------------------------------------------------------------ one state
    def state(self, ccode: int, year: int) -> dict:
        """One state in ``year``: attributes, bloc, partners, agreements, and its CINC and spending over time.

        Raises
        ------
        KeyError
            ``ccode`` is not a state of this history.
        ValueError
            ``year`` outside the window.
        """
        y = self.check_year(year)
        c = int(ccode)
        if c not in self._names.index:
            raise KeyError(f"no state with COW code {c} in this source")
        yr = self.year(y)
        node = next((n for n in yr["nodes"] if n["ccode"] == c), None)
        e = yr["edges"]
        a, b = np.asarray(e["a"], dtype="int64"), np.asarray(e["b"], dtype="int64")
        hit = np.flatnonzero((a == c) | (b == c))
        other = np.where(a[hit] == c, b[hit], a[hit])
        order = np.argsort(other, kind="mergesort")
        abb = self._names["abb"].astype("object")
        sy = self.history.state_years
        own = sy[sy["ccode"] == c].sort_values("year", kind="mergesort")
        return jsonable(
            {
                "ccode": c,
                "abb": str(self._names.at[c, "abb"]),
                "name": str(self._names.at[c, "name"]),
                "year": y,
                "present": node is not None,
                "node": node,
                "partners": [
                    {"ccode": int(other[k]), "abb": str(abb.get(int(other[k]), other[k])), "obligations": e["obligations"][int(hit[k])]}
                    for k in order
                ],
                "agreements": [a["id"] for a in yr["agreements"] if c in a["members"]],
                "bloc": next((b for b in yr["blocs"] if node is not None and b["leader"] == node["bloc"]), None),
                "history": {
                    "years": own["year"].tolist(),
                    "cinc": own["cinc"].tolist(),
                    "milex": own["milex"].tolist(),
                },
            }
        )

    # ------------------------------------------------------------------ time series
    def series(self) -> dict:
        """Agreements by kind and military spending by year (computed once, then cached)."""
        with self._series_lock:
            if self._series is None:
                self._series = self._compute_series()
            return self._series

    def polarity_series(self) -> dict:
        """Poles, cluster poles and CON by year (:func:`foedus.analysis.polarity.polarity`; cached).

        The slow part of the time series (greedy modularity for every year: seconds for the
        record), served separately so that the rest of the page does not wait for it.
        """
        with self._polarity_lock:
            if self._polarity is None:
                years = np.arange(self.first_year, self.last_year + 1)
                pol = polarity(self.history, blocs_table=state_blocs(self.history)).reindex(years)
                self._polarity = jsonable(
                    {
                        "years": years.tolist(),
                        "polarity": {c: pol[c].tolist() for c in ("poles", "cluster_poles", "blocs", "con", "effective_poles")},
                        "caption": (
                            "Poles (defence-pact blocs, by greedy modularity, that contain a major power), cluster poles "
                            "(groups of major powers linked by defence pacts among themselves, Wayman 1984) and the "
                            f"capability concentration CON of the major powers (Ray & Singer 1973, right axis). Data: {self.data_note()}."
                        ),
                    }
                )
            return self._polarity

    def _compute_series(self) -> dict:
        h = self.history
        years = np.arange(self.first_year, self.last_year + 1)
        my = membership_years(h, kinds=None)
        kind_of = h.agreements.set_index("agreement_id")["kind"].astype(str)
        ay = my.drop_duplicates(["agreement_id", "year"])
        ay = ay.assign(kind=ay["agreement_id"].map(kind_of).to_numpy())
        in_force = ay.groupby(["kind", "year"]).size().unstack("kind").reindex(years).fillna(0).astype("int64")
        starts = h.agreements[(h.agreements["start_year"] >= self.first_year) & (h.agreements["start_year"] <= self.last_year)]
        formed = starts.groupby([starts["kind"].astype(str), "start_year"]).size().unstack(0).reindex(years).fillna(0).astype("int64")
        kinds = [k for k in AGREEMENT_KINDS if k in set(h.agreements["kind"].astype(str))]
        sy = h.state_years[(h.state_years["year"] >= self.first_year) & (h.state_years["year"] <= self.last_year)]
        total = sy.groupby("year")["milex"].sum(min_count=1).reindex(years)
        majors = np.unique(self._filled.loc[self._filled["major"], "ccode"].to_numpy(dtype="int64"))
        wide = sy[sy["ccode"].isin(majors)].pivot_table(index="year", columns="ccode", values="milex", aggfunc="first").reindex(years)
        abb = self._names["abb"].astype("object")
        unit_break = 1914 if self.kind == "record" and self.first_year < 1914 <= self.last_year else None
        return jsonable(
            {
                "years": years.tolist(),
                "in_force": {k: (in_force[k].tolist() if k in in_force else [0] * len(years)) for k in kinds},
                "formed": {k: (formed[k].tolist() if k in formed else [0] * len(years)) for k in kinds},
                "milex": {
                    "total": total.tolist(),
                    "states": [{"ccode": int(c), "abb": str(abb.get(c, c)), "values": wide[c].tolist()} for c in wide.columns],
                    "unit": self.milex_unit(),
                    "unit_break": unit_break,
                },
                "captions": {
                    "agreements": f"Agreements in force each year by kind (lines, left axis) and begun each year (bars, right axis). Data: {self.data_note()}.",
                    "milex": (
                        f"Military expenditure (log scale when it spans more than two orders of magnitude): all states together and each state that was ever a major power; unit: "
                        f"{self.milex_unit()}. Data: {self.data_note()}."
                    ),
                },
            }
        )
