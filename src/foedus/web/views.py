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
    A bloc of the defence-pact network as :func:`foedus.analysis.polarity.year_blocs` finds it,
    the same function the reports and ``foedus history network`` call: by default
    pole-anchored (``blocs="poles"``, each great power a pole, named after it), or
    ``"modularity"`` or ``"components"`` (:data:`foedus.analysis.polarity.BLOC_METHODS`);
    blocs of two or more states are coloured by rank of their summed CINC, unaligned states
    are grey.
*Node size*
    Proportional to the square root of the state's CINC share (Singer, Bremer & Stuckey
    1972), so that a node's area is proportional to its capabilities.
*Map* and *Layout*
    Where each state is drawn, at its capital and in the force layout started from it:
    :mod:`foedus.web.layout`.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.formation import primary_obligation
from foedus.analysis.network import alliance_network, membership_years
from foedus.analysis.polarity import BLOC_METHODS, DEFAULT_BLOC_METHOD, polarity, polarity_of_graph, state_blocs, year_blocs
from foedus.analysis.summary import jsonable
from foedus.report.labels import cause_label, factor_label, scenario_text
from foedus.report.provenance import ScenarioFacts, milex_unit, milex_values
from foedus.schema import AGREEMENT_KINDS, OBLIGATIONS, History
from foedus.web.layout import capitals_in_year, coordinates_table, network_layout, tie_weights
from foedus.web.mapview import MapPlacer
from foedus.i18n import LazyString, _, get_language, lazy_gettext

__all__ = [
    "KIND_CHOICES",
    "MOTIVES",
    "BLOC_PALETTE",
    "formation_explanations",
    "HistoryView",
]

BLOC_NAMES: dict[str, LazyString] = {
    "poles": lazy_gettext("pole-anchored: each great power a pole, named after it"),
    "modularity": lazy_gettext("greedy-modularity communities"),
    "components": lazy_gettext("connected components"),
}
"""How each bloc method (:data:`foedus.analysis.polarity.BLOC_METHODS`) is named in the captions."""

KIND_CHOICES: dict[str, tuple[str, ...] | None] = {"alliance": ("alliance",), "all": None}
"""Which agreements make the network's edges: alliances only (default) or every kind of brief A2."""

MOTIVES: dict[str, LazyString] = {
    "balance_power": lazy_gettext("balancing against power"),
    "balance_threat": lazy_gettext("balancing against threat (Walt 1987)"),
    "bandwagon": lazy_gettext("bandwagoning"),
    "tether": lazy_gettext("tethering"),
}
"""Motive keys of a simulated formation's ``detail`` and the field's names for them (brief F1-F4; F5: the mix of
motives). Shown without the brief's IDs: a reader of the page does not know them."""

BLOC_PALETTE: tuple[str, ...] = (
    "#2563eb", "#dc2626", "#16a34a", "#ea580c", "#9333ea",
    "#0891b2", "#c026d3", "#65a30d", "#b45309", "#475569",
)
"""Colours of the ten strongest blocs, strongest first (colour-blind-safe order not guaranteed beyond five)."""

OTHER_BLOC = "#a8a29e"
"""Colour of blocs beyond the tenth."""

UNALIGNED = "#d6d3d1"
"""Colour of states without a defence pact."""

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
            "description": scenario_text(d["description"]) if isinstance(d.get("description"), str) else None,
            "motives": [{"key": k, "label": str(MOTIVES.get(k, k.replace("_", " "))), "share": v} for k, v in motives.items()],
            "factors": d.get("factors") if isinstance(d.get("factors"), dict) else {},
        }
    return out


def _motives_named(why: dict | None) -> dict | None:
    """A formation's explanation as it is shown, in the language in use.

    Its motives named (:data:`MOTIVES`), its cause (``cause_label``) and each scalar factor
    (``factor_list``: ``key``, ``label``, ``value``) named by :mod:`foedus.report.labels`; the
    stored ``cause`` and ``factors`` stay as the simulator wrote them (English data).
    """
    if not why:
        return why
    out = dict(why)
    if why.get("motives"):
        out["motives"] = [{**m, "label": str(MOTIVES[m["key"]]) if m["key"] in MOTIVES else m["label"]} for m in why["motives"]]
    if why.get("cause"):
        out["cause_label"] = cause_label(why["cause"])
    factors = why.get("factors") or {}
    out["factor_list"] = [{"key": k, "label": factor_label(k), "value": v} for k, v in factors.items()
                          if isinstance(v, (int, float, str)) and not isinstance(v, bool) and k not in ("founding_rule",)]
    return out


def _name(row_name, aid: int, record: bool) -> str:
    if isinstance(row_name, str) and row_name:
        return row_name
    return f"ATOP {aid}" if record else f"agreement {aid}"


def _colour_blocs(blocs: pd.DataFrame, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """Each state's bloc (its leader's code, itself when unaligned) and colour, and one row per bloc of two or more.

    ``blocs`` is :func:`foedus.analysis.polarity.year_blocs` (strongest first); blocs are
    coloured by that rank.
    """
    bloc_of = codes.copy()
    colour_of = np.full(len(codes), UNALIGNED, dtype=object)
    bloc_rows = []
    for rank, b in enumerate(b for b in blocs.to_dict("records") if b["size"] >= 2):
        members = np.array(b["members"], dtype="int64")
        at = np.searchsorted(codes, members)
        ok = (at < len(codes)) & (codes[np.minimum(at, len(codes) - 1)] == members)
        colour = BLOC_PALETTE[rank] if rank < len(BLOC_PALETTE) else OTHER_BLOC
        bloc_of[at[ok]] = b["bloc"]
        colour_of[at[ok]] = colour
        bloc_rows.append(
            {
                "leader": int(b["bloc"]),
                "leader_abb": b["leader"],
                "leader_name": b["leader_name"],
                "size": int(b["size"]),
                "cinc": float(b["cinc"]),
                "majors": list(b["majors"]),
                "members": [int(c) for c in b["members"]],
                "colour": colour,
            }
        )
    return bloc_of, colour_of, bloc_rows


def _edge_columns(g: nx.Graph) -> dict:
    """The network's edges as columns (``a < b``, sorted), each with its drawing style and obligations and agreements."""
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
    return edge_cols


def _map_caption(year: int, layer: dict, note: str) -> str:
    """The map's caption: what is drawn, and from which outlines (or why there are none)."""
    if not layer.get("available"):
        return _(
            "Blocs on the map, {year}: each state at its capital (equirectangular projection), coloured as in the network, "
            "size ∝ CINC; defence-pact ties between capitals. No country outlines: {reason}. Data: {note}."
        ).format(year=year, reason=layer.get("reason", _("not installed")), note=note)
    return _(
        "Blocs on the map, {year}: present-day country outlines ({source}; equirectangular projection) filled with "
        "the bloc colour of the state whose capital lies inside (the longest-lived, then the strongest, when several do); a "
        "state without an outline of its own (Bavaria, the Papal States, a micro-state) is a labelled dot at its capital. "
        "Lines join the capitals of states tied by a defence pact; marker size ∝ CINC. Data: {note}."
    ).format(year=year, source=layer["source"], note=note)


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
        :func:`foedus.web.layout.coordinates_table`; without it the map is empty and the layout starts from
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
        self._map = MapPlacer(history)
        self._series: dict | None = None
        self._polarity: dict | None = None
        self._series_lock = threading.Lock()
        self._polarity_lock = threading.Lock()
        self._year = lru_cache(maxsize=year_cache)(self._compute_year)

    # ------------------------------------------------------------------ captions
    def data_note(self) -> str:
        """Where the figures come from, for captions."""
        if self.kind == "record":
            return _(
                "ATOP 5.1 alliances (Leeds et al. 2002); COW National Material Capabilities 7.0 (Singer, Bremer & Stuckey "
                "1972); COW State System v2016; capitals from peacesciencer (Miller 2022)"
            )
        return _("simulated history '{source}' (foedus canonical tables)").format(source=self.history.source)

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
            raise ValueError(_("year {year} is outside this source's window {first}-{last}").format(
                year=y, first=self.first_year, last=self.last_year))
        return y

    # ------------------------------------------------------------------ one year
    def year(self, year: int, kinds: str = "alliance", blocs: str = DEFAULT_BLOC_METHOD) -> dict:
        """Network, map, blocs, agreements in force and polarity of ``year`` (cached).

        ``blocs`` names the bloc definition (:data:`foedus.analysis.polarity.BLOC_METHODS`,
        default pole-anchored), as ``method=`` in Python and ``--blocs`` on the command line.

        Raises
        ------
        ValueError
            ``year`` outside the window, ``kinds`` not one of :data:`KIND_CHOICES` or
            ``blocs`` not one of the bloc methods.
        """
        y = self.check_year(year)
        if kinds not in KIND_CHOICES:
            raise ValueError(_("kinds must be one of {choices}, got {value!r}").format(choices=", ".join(KIND_CHOICES), value=kinds))
        if blocs not in BLOC_METHODS:
            raise ValueError(_("blocs must be one of {choices}, got {value!r}").format(choices=", ".join(BLOC_METHODS), value=blocs))
        return self._year(y, kinds, blocs, get_language())

    def _compute_year(self, year: int, kinds: str, method: str = DEFAULT_BLOC_METHOD, lang: str = "en") -> dict:
        """One year's view; ``lang`` (the captions' language) is part of the cache key only: the request's language is in use."""
        h = self.history
        g = alliance_network(h, year, kinds=KIND_CHOICES[kinds], filled=self._filled)
        dg = g if kinds == "alliance" else alliance_network(h, year, filled=self._filled)
        dg = dg.edge_subgraph([(u, v) for u, v, d in dg.edges(data=True) if d["defense"]]).copy()
        dg.add_nodes_from(g.nodes(data=True))
        stats = polarity_of_graph(dg, method)
        codes = np.array(sorted(g.nodes), dtype="int64")
        attrs = pd.DataFrame([g.nodes[c] for c in codes], index=pd.Index(codes, name="ccode"))
        bloc_of, colour_of, bloc_rows = _colour_blocs(year_blocs(h, year, method=method), codes)
        nx.set_edge_attributes(g, tie_weights(h, year, KIND_CHOICES[kinds]), "weight")
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
        layer = self._map.layer(codes, lon, lat, nodes["cinc"].to_numpy(dtype=float), colour_of)
        nodes["country"] = pd.array(layer.pop("country"), dtype="Int64")
        nodes["own_country"] = layer.pop("colours_country")
        edge_cols = _edge_columns(g)
        return jsonable(
            {
                "year": year,
                "kinds": kinds,
                "bloc_method": method,
                "nodes": nodes.to_dict("records"),
                "edges": edge_cols,
                "blocs": bloc_rows,
                "stats": stats,
                "agreements": self._agreements_in_force(year, codes, attrs),
                "map": layer,
                "captions": self._captions(year, kinds, stats, bloc_rows, method, layer),
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
                    "why": _motives_named(self._why.get(int(aid))),
                }
            )
        out.sort(key=lambda r: (-len(r["members"]), r["start_year"], r["id"]))
        return out

    def _captions(self, year: int, kinds: str, stats: dict, bloc_rows: list[dict], method: str = DEFAULT_BLOC_METHOD, layer: dict | None = None) -> dict:
        linked = _("Alliance network, {year}: states linked when they share alliances in force; ") if kinds == "alliance" else _(
            "Alliance network, {year}: states linked when they share agreements of every kind (alliances, coalitions, "
            "organisations) in force; ")
        top = "; ".join(_("{leader} ({size} states)").format(leader=b["leader_abb"], size=b["size"]) for b in bloc_rows[:4]) or _("none")
        return {
            "network": linked.format(year=year) + _(
                "edge style = strongest obligation; colour = defence-pact bloc ({method}); node area ∝ CINC. "
                "{aligned} states in defence pacts, {blocs} blocs, {poles} poles. "
                "Largest blocs: {top}. Data: {note}."
            ).format(method=BLOC_NAMES[method], aligned=stats["aligned_states"], blocs=stats["blocs"],
                     poles=stats["poles"], top=top, note=self.data_note()),
            "map": _map_caption(year, layer or {}, self.data_note()),
            "agreements": _("Agreements in force in {year} with their members and obligations (ATOP categories). Data: {note}.").format(
                year=year, note=self.data_note()),
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
            raise KeyError(_("no state with COW code {ccode} in this source").format(ccode=c))
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
                    "milex": milex_values(self.history, own).tolist(),
                },
            }
        )

    # ------------------------------------------------------------------ time series
    def series(self) -> dict:
        """Agreements by kind and military spending by year (computed once, then cached)."""
        with self._series_lock:
            if self._series is None:
                self._series = self._compute_series()
            out = dict(self._series)
        # the words, in the request's language: the unit and the captions
        out["milex"] = {**out["milex"], "unit": self.milex_unit()}
        out["captions"] = {
            "agreements": _("Agreements in force each year by kind (lines, left axis) and begun each year (bars, right axis). "
                            "Data: {note}.").format(note=self.data_note()),
            "milex": _("Military expenditure (log scale when it spans more than two orders of magnitude): all states together and "
                       "each state that was ever a major power; unit: {unit}. Data: {note}.").format(unit=self.milex_unit(),
                                                                                                     note=self.data_note()),
        }
        return out

    def polarity_series(self) -> dict:
        """Poles, cluster poles and CON by year (:func:`foedus.analysis.polarity.polarity`; cached).

        The slow part of the time series (the blocs of every year: seconds for the record), served separately so that the rest of the page does not wait for it.
        """
        with self._polarity_lock:
            if self._polarity is None:
                years = np.arange(self.first_year, self.last_year + 1)
                pol = polarity(self.history, blocs_table=state_blocs(self.history, method=DEFAULT_BLOC_METHOD)).reindex(years)
                self._polarity = jsonable(
                    {
                        "years": years.tolist(),
                        "polarity": {c: pol[c].tolist() for c in ("poles", "cluster_poles", "blocs", "con", "effective_poles")},
                    }
                )
            out = dict(self._polarity)
        out["caption"] = _(
            "Poles (defence-pact blocs, {method}, that contain a major power), cluster poles "
            "(groups of major powers linked by defence pacts among themselves, Wayman 1984) and the "
            "capability concentration CON of the major powers (Ray & Singer 1973, right axis). Data: {note}."
        ).format(method=BLOC_NAMES[DEFAULT_BLOC_METHOD], note=self.data_note())
        return out

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
        sy = sy.assign(milex=milex_values(h, sy))  # one unit: the record's pounds of 1816-1913 converted to US$
        total = sy.groupby("year")["milex"].sum(min_count=1).reindex(years)
        majors = np.unique(self._filled.loc[self._filled["major"], "ccode"].to_numpy(dtype="int64"))
        wide = sy[sy["ccode"].isin(majors)].pivot_table(index="year", columns="ccode", values="milex", aggfunc="first").reindex(years)
        abb = self._names["abb"].astype("object")
        return jsonable(
            {
                "years": years.tolist(),
                "in_force": {k: (in_force[k].tolist() if k in in_force else [0] * len(years)) for k in kinds},
                "formed": {k: (formed[k].tolist() if k in formed else [0] * len(years)) for k in kinds},
                "milex": {
                    "total": total.tolist(),
                    "states": [{"ccode": int(c), "abb": str(abb.get(c, c)), "values": wide[c].tolist()} for c in wide.columns],
                    "unit_break": None,  # one unit throughout (kept for the page's script)
                },
            }
        )
