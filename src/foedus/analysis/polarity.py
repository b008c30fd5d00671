"""Blocs and polarity of the alliance system, year by year (brief H1, D2).

Definitions
-----------
*Bloc*
    A group of states tied together by defence pacts, found in the defence-pact network of
    the year (:func:`foedus.analysis.network.defense_network`) by one of three methods
    (:data:`BLOC_METHODS`), named the same everywhere: the ``method=`` argument of every
    function here, ``--blocs`` of ``foedus history network/polarity/report``, the dashboard's
    bloc menu (``/api/year?blocs=``) and the reports. :func:`year_blocs` is the one function
    every consumer calls for the blocs of a year.

    ``method="poles"`` (pole-anchored blocs; :data:`DEFAULT_BLOC_METHOD`, the default everywhere)
        Chosen as the default because it is the polarity literature's own definition: the
        poles of a system are its great powers (Waltz 1979, ch. 8: the number of poles is
        the number of great powers), and its blocs are the alliance clusters that group
        the lesser states around them (Bueno de Mesquita 1975; Rapkin, Thompson &
        Christopherson 1979; Wayman 1984 counts the clusters of major powers tied by
        alliances). A bloc is therefore named after the great power that anchors it, and
        its membership rests on direct commitments to that power, which is what an
        alliance obliges (Leeds et al. 2002). The two alternatives are graph partitions
        with no pole in their definition: communities can put the United States in a bloc
        "of China" because dense ties join them to its members, components merge rival
        camps through one bridging state. Powers are ordered by CINC (ties to the lower
        COW code).

        1. A major power that shares a defence pact with a *stronger* major power joins the
           bloc of the strongest such partner; a major power with no stronger major-power
           partner *anchors* a bloc of its own (it is a pole). Following these links from
           any major power ends at the anchor of its bloc.
        2. Every other state that shares a defence pact with a major power joins the bloc
           of the strongest major power it is directly allied to.
        3. States allied to no major power form blocs without a pole: the connected
           components of the defence pacts among themselves (an Arab League or a Gulf
           pact). A state with no defence pact is a bloc of its own.

        Only direct commitments bind a state to a bloc, so a chain of bilateral pacts
        between two camps (Russia–Azerbaijan–Turkey–United States) no longer merges them,
        while a hub-and-spoke system (the United States with NATO, Japan, South Korea,
        Australia; Cha 2009/10) is one bloc, as asymmetric alliances are (brief A3).
    ``method="modularity"``
        The communities of greedy modularity maximisation (Clauset, Newman & Moore 2004;
        deterministic), which keep apart camps that a single bridging state would join (in
        1914 Romania was pledged both to the Triple Alliance and to Russia; in 2018
        Turkey–Azerbaijan–Russia pacts chain NATO to the CSTO). Communities follow the
        density of ties, not the powers: a dense multilateral pact can be split from the
        great power that guarantees it (on the simulated world of 2022 NATO Europe forms a
        community apart from the United States).
    ``method="components"``
        Connected components: allies of allies of allies all in one bloc. Chains of
        bilateral pacts merge rival camps (in 2018 the Turkey–Azerbaijan–Russia pacts chain
        NATO to the CSTO; in simulated worlds one component soon holds every great power).

    A bloc is named after its *leader*: with ``"poles"`` the major power that anchors it;
    otherwise, and for the pole-less blocs of ``"poles"``, its strongest member (highest
    CINC; ties to the lower COW code).
*Contested state* (``contested``)
    A state that shares a defence pact with a major power outside its own bloc (with
    ``"poles"``: a state allied to major powers of two blocs, which joins the strongest one;
    or a major power allied to a weaker major power that sits in another bloc). Always 0
    with ``"components"``.
*Pole* (``poles``)
    A bloc that contains at least one COW major power; an unaligned major power is a pole of
    its own. Brief D2 expects multipolar systems (many poles) before 1945 and a bipolar one
    after. With ``"poles"`` it is the number of anchoring major powers.
*Cluster polarity* (``cluster_poles``, Wayman 1984)
    The number of groups of major powers linked by defence pacts *among major powers*
    (connected components of the major-power subgraph), each unallied major counting as one.
    It ignores minor allies, so it does not depend on the bloc method. With ``"poles"`` it
    is never larger than ``poles`` (every cluster holds at least one anchor), and smaller
    when a major power is allied to two major powers that are not allied to each other.
*Capability concentration* ``con`` (Ray & Singer 1973)
    Over the :math:`N` major powers with capability shares :math:`S_i = c_i / \\sum_j c_j`
    (:math:`c_i` their CINC),

    .. math:: CON = \\sqrt{\\frac{\\sum_i S_i^2 - 1/N}{1 - 1/N}},

    0 when the majors are equal, 1 when one holds everything (Wayman's "power polarity").
    Undefined (NaN) for fewer than two major powers.
*Effective number of poles* ``effective_poles``
    :math:`1 / \\sum_i S_i^2` over the major powers' shares: the number of equal majors that
    would give the same concentration (the Laakso & Taagepera 1979 effective number, applied
    to capabilities). ``effective_blocs`` is the same over the poles' total capabilities (a
    bloc's CINC summed over its members), so two majors in one bloc count once.

References
----------
.. [1] Ray, J. L. and J. D. Singer. 1973. "Measuring the Concentration of Power in the
   International System." *Sociological Methods & Research* 1(4): 403-37.
.. [2] Wayman, F. W. 1984. "Bipolarity and War: The Role of Capability Concentration and
   Alliance Patterns among Major Powers, 1816-1965." *Journal of Peace Research* 21(1): 61-78.
.. [3] Laakso, M. and R. Taagepera. 1979. "'Effective' Number of Parties: A Measure with
   Application to West Europe." *Comparative Political Studies* 12(1): 3-27.
.. [4] Clauset, A., M. E. J. Newman and C. Moore. 2004. "Finding community structure in very
   large networks." *Physical Review E* 70: 066111.
.. [5] Singer, J. D., S. Bremer and J. Stuckey. 1972. "Capability Distribution, Uncertainty,
   and Major Power War, 1820-1965." In B. Russett (ed.), *Peace, War, and Numbers*. Sage.
.. [6] Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." *Journal of Conflict
   Resolution* 19(2): 187-216.
.. [7] Waltz, K. N. 1979. *Theory of International Politics*. Addison-Wesley (ch. 8).
.. [8] Rapkin, D. P., W. R. Thompson and J. A. Christopherson. 1979. "Bipolarity and
   Bipolarization in the Cold War Era: Conceptualization, Measurement, and Validation."
   *Journal of Conflict Resolution* 23(2): 261-95.
.. [10] Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815-1944." *International Interactions* 28: 237-60.
.. [9] Cha, V. D. 2009/10. "Powerplay: Origins of the U.S. Alliance System in Asia."
   *International Security* 34(3): 158-96.
"""

from __future__ import annotations

from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from foedus.analysis.capabilities import state_years_filled, system_years
from foedus.analysis.network import dyad_years, membership_years
from foedus.analysis.pole_blocs import contested_states, pole_bloc_leaders, strength_rank
from foedus.schema import OBLIGATIONS, History

__all__ = [
    "BLOC_METHODS",
    "DEFAULT_BLOC_METHOD",
    "year_blocs",
    "concentration",
    "effective_number",
    "blocs",
    "state_blocs",
    "polarity",
    "polarity_of_graph",
    "major_power_blocs",
]

BLOC_METHODS: tuple[str, ...] = ("poles", "modularity", "components")
"""Ways of finding blocs, the default first: pole-anchored blocs, greedy-modularity communities,
connected components (see the module docstring). The same names in Python (``method=``), on the
command line (``--blocs``), in the dashboard (``blocs=``) and in the reports."""

DEFAULT_BLOC_METHOD: str = "poles"
"""The bloc definition of every consumer unless told otherwise (justified in the module docstring)."""


def concentration(capabilities) -> float:
    """Ray & Singer (1973) concentration index CON of a set of capabilities.

    Parameters
    ----------
    capabilities : array of float
        Non-negative capabilities (e.g. the CINC of each major power); NaN counts as 0.

    Returns
    -------
    float
        In [0, 1]; NaN for fewer than two values or a zero total.

    Examples
    --------
    >>> concentration([0.25, 0.25, 0.25, 0.25])
    0.0
    >>> round(concentration([0.5, 0.5, 0.0]), 6)   # two equal poles among three majors
    0.5
    """
    c = np.nan_to_num(np.asarray(capabilities, dtype=float), nan=0.0)
    if c.size < 2 or c.sum() <= 0:
        return float("nan")
    if (c < 0).any():
        raise ValueError("capabilities must be non-negative")
    s = c / c.sum()
    n = c.size
    value = (np.sum(s**2) - 1.0 / n) / (1.0 - 1.0 / n)
    return float(np.sqrt(max(value, 0.0)))


def effective_number(capabilities) -> float:
    """Effective number 1 / sum(S_i^2) of capability shares S_i (Laakso & Taagepera 1979).

    NaN for an empty set or a zero total.

    Examples
    --------
    >>> effective_number([1, 1, 1])
    3.0
    """
    c = np.nan_to_num(np.asarray(capabilities, dtype=float), nan=0.0)
    if c.size == 0 or c.sum() <= 0:
        return float("nan")
    s = c / c.sum()
    return float(1.0 / np.sum(s**2))


def _check_method(method: str) -> None:
    if method not in BLOC_METHODS:
        raise ValueError(f"method must be one of {', '.join(BLOC_METHODS)}, got {method!r}")


def _graph_arrays(graph: nx.Graph) -> tuple[list, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    nodes = list(graph.nodes)
    index = {n: k for k, n in enumerate(nodes)}
    cinc = np.array([float(np.nan_to_num(graph.nodes[n].get("cinc", 0.0) or 0.0, nan=0.0)) for n in nodes])
    major = np.array([bool(graph.nodes[n].get("major", False)) for n in nodes], dtype=bool)
    e = np.array([(index[u], index[v]) for u, v in graph.edges], dtype=np.int64).reshape(-1, 2)
    return nodes, cinc, major, strength_rank(cinc, np.asarray(nodes)), e[:, 0], e[:, 1]


def _pole_parts(graph: nx.Graph) -> list[frozenset]:
    nodes, _, major, rank, i, j = _graph_arrays(graph)
    leader = pole_bloc_leaders(rank, major, i, j)
    parts: dict[int, set] = {}
    for k, lead in enumerate(leader.tolist()):
        parts.setdefault(lead, set()).add(nodes[k])
    return [frozenset(p) for p in parts.values()]


def blocs(graph: nx.Graph, method: str = DEFAULT_BLOC_METHOD) -> list[frozenset[int]]:
    """Blocs of a (defence-pact) network, strongest first.

    Parameters
    ----------
    graph : networkx.Graph
        Nodes may carry ``cinc`` (NaN or missing counts as 0) and ``major``.
    method : {"poles", "modularity", "components"}
        Default :data:`DEFAULT_BLOC_METHOD`.

    Returns
    -------
    list of frozenset
        Every node in exactly one bloc (isolated nodes are singletons), sorted by total CINC
        descending, then size descending, then lowest code.
    """
    _check_method(method)
    if method == "components":
        parts = [frozenset(c) for c in nx.connected_components(graph)]
    elif method == "poles":
        parts = _pole_parts(graph)
    else:
        edges = np.array([sorted(e) for e in graph.edges], dtype="int64").reshape(-1, 2)
        parts = [frozenset(c) for c in _modularity_partition(edges)]
        covered = set().union(*parts) if parts else set()
        parts += [frozenset([n]) for n in graph.nodes if n not in covered]
    cinc = {n: float(np.nan_to_num(graph.nodes[n].get("cinc", 0.0) or 0.0, nan=0.0)) for n in graph.nodes}
    return sorted(parts, key=lambda b: (-sum(cinc[n] for n in b), -len(b), min(b)))


def _modularity_partition(edges: np.ndarray) -> list[set[int]]:
    """Greedy-modularity communities of the graph with these edges (nodes without edges omitted).

    The graph is built in a canonical order (edges sorted by their two codes) so that the same
    edges always give the same partition, whichever way they were listed.
    """
    if len(edges) == 0:
        return []
    e = np.unique(np.sort(np.asarray(edges, dtype="int64"), axis=1), axis=0)
    return [set(c) for c in _greedy_modularity(e.tobytes())]


@lru_cache(maxsize=1024)
def _greedy_modularity(edges: bytes) -> tuple[frozenset[int], ...]:
    """Greedy-modularity communities of the canonical edge array serialised in ``edges``.

    Cached: the defence network often stays the same for years, and the report asks for the
    same years more than once.
    """
    g = nx.Graph()
    g.add_edges_from(map(tuple, np.frombuffer(edges, dtype="int64").reshape(-1, 2).tolist()))
    return tuple(frozenset(c) for c in nx.community.greedy_modularity_communities(g))


def polarity_of_graph(graph: nx.Graph, method: str = DEFAULT_BLOC_METHOD) -> dict:
    """Polarity indices of one year's defence-pact network (see the module docstring).

    Returns
    -------
    dict
        ``states``, ``defense_dyads``, ``aligned_states`` (with at least one defence pact),
        ``blocs`` (with two or more members), ``largest_bloc`` (members), ``majors``,
        ``poles``, ``cluster_poles``, ``con``, ``effective_poles``, ``effective_blocs``,
        ``contested``.
    """
    parts = blocs(graph, method)
    bloc_of = {n: k for k, b in enumerate(parts) for n in b}
    cinc = {n: float(np.nan_to_num(graph.nodes[n].get("cinc", 0.0) or 0.0, nan=0.0)) for n in graph.nodes}
    major = {n: bool(graph.nodes[n].get("major", False)) for n in graph.nodes}
    majors = [n for n in graph.nodes if major[n]]
    poles = [b for b in parts if any(major[n] for n in b)]
    return {
        "states": graph.number_of_nodes(),
        "defense_dyads": graph.number_of_edges(),
        "aligned_states": sum(1 for n in graph.nodes if graph.degree(n) > 0),
        "blocs": sum(1 for b in parts if len(b) >= 2),
        "largest_bloc": max((len(b) for b in parts), default=0),
        "majors": len(majors),
        "poles": len(poles),
        "cluster_poles": nx.number_connected_components(graph.subgraph(majors)) if majors else 0,
        "con": concentration([cinc[n] for n in majors]),
        "effective_poles": effective_number([cinc[n] for n in majors]),
        "effective_blocs": effective_number([sum(cinc[n] for n in b) for b in poles]),
        "contested": len({u for x, y in graph.edges for u, v in ((x, y), (y, x)) if major[v] and bloc_of[u] != bloc_of[v]}),
    }


def state_blocs(
    history: History,
    *,
    method: str = DEFAULT_BLOC_METHOD,
    obligation: str = "defense",
    dyads: pd.DataFrame | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """The bloc of every state in every year of the window (or of ``years``).

    States present in a year are those of :func:`foedus.analysis.network.alliance_network`:
    the system members, the major powers and the members of any alliance that year. With
    ``method="components"`` or ``"poles"`` blocs are found for all years at once: the
    state-years are the nodes of one sparse graph whose edges are the dyad-years, so that
    ``scipy.sparse.csgraph.connected_components`` (or :func:`pole_bloc_leaders`) labels every
    year's blocs in one call.

    Parameters
    ----------
    history : History
    method : {"poles", "modularity", "components"}
        Default :data:`DEFAULT_BLOC_METHOD`. ``"modularity"`` runs networkx's greedy modularity year by year (a few seconds
        for 1815-2018).
    obligation : str
        Obligation whose pacts make the bloc ties (default ``"defense"``).
    dyads : DataFrame, optional
        A precomputed :func:`foedus.analysis.network.dyad_years`.
    years : (first, last), optional
        Only these years (both included); default the whole window.

    Returns
    -------
    pandas.DataFrame
        Columns ``year, ccode, cinc`` (NaN if unknown), ``major``, ``degree`` (number of
        partners), ``bloc`` (the leader's code), ``bloc_size``, ``bloc_cinc`` (summed CINC),
        ``bloc_majors``, ``major_cluster`` (label of the group of major powers linked by
        defence pacts among majors; meaningful for majors only), ``contested`` (allied to a
        major power of another bloc); sorted by year and code.
    """
    _check_method(method)
    if obligation not in OBLIGATIONS:
        raise ValueError(f"obligation must be one of {', '.join(OBLIGATIONS)}, got {obligation!r}")
    lo, hi = _year_range(history, years)
    dy = dyads if dyads is not None else dyad_years(history)
    dy = dy.loc[dy[obligation].to_numpy(dtype=bool) & dy["year"].between(lo, hi).to_numpy(), ["ccode1", "ccode2", "year"]]
    filled = state_years_filled(history)
    nodes = pd.concat(
        [
            system_years(history),
            filled.loc[filled["major"], ["ccode", "year"]],
            membership_years(history, years=(lo, hi))[["ccode", "year"]],
            dy[["ccode1", "year"]].rename(columns={"ccode1": "ccode"}),
            dy[["ccode2", "year"]].rename(columns={"ccode2": "ccode"}),
        ],
        ignore_index=True,
    ).drop_duplicates()
    nodes = nodes[nodes["year"].between(lo, hi)]
    nodes = nodes.sort_values(["year", "ccode"], kind="mergesort").reset_index(drop=True)
    nodes = nodes.merge(filled[["ccode", "year", "cinc", "major"]], on=["ccode", "year"], how="left")
    nodes["major"] = nodes["major"].astype("boolean").fillna(False).astype(bool)
    key = pd.MultiIndex.from_frame(nodes[["year", "ccode"]])
    i = key.get_indexer(pd.MultiIndex.from_arrays([dy["year"], dy["ccode1"]]))
    j = key.get_indexer(pd.MultiIndex.from_arrays([dy["year"], dy["ccode2"]]))
    n = len(nodes)
    deg = np.bincount(i, minlength=n) + np.bincount(j, minlength=n)
    nodes["degree"] = deg.astype("int64")
    is_major = nodes["major"].to_numpy()
    if method == "components":
        adj = coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
        _, comp = connected_components(adj, directed=False)
        nodes["_comp"] = comp
    elif method == "poles":
        rank = strength_rank(nodes["cinc"].to_numpy(dtype=float), nodes["ccode"].to_numpy(), nodes["year"].to_numpy())
        nodes["_comp"] = pole_bloc_leaders(rank, is_major, i, j)  # the leader's row
    else:
        nodes["_comp"] = _modularity_labels(nodes, i, j)
    both_major = is_major[i] & is_major[j]
    madj = coo_matrix((np.ones(int(both_major.sum())), (i[both_major], j[both_major])), shape=(n, n))
    nodes["major_cluster"] = connected_components(madj, directed=False)[1]
    c = nodes["cinc"].fillna(0.0)
    if method == "poles":
        leader = pd.Series(nodes["ccode"].to_numpy(), index=np.arange(n))
    else:
        order = nodes.assign(_c=c).sort_values(["_comp", "_c", "ccode"], ascending=[True, False, True], kind="mergesort")
        leader = order.drop_duplicates("_comp").set_index("_comp")["ccode"]
    grp = nodes.assign(_c=c).groupby("_comp")
    nodes["contested"] = contested_states(nodes["_comp"].to_numpy(), is_major, i, j)
    nodes["bloc"] = nodes["_comp"].map(leader).astype("int64")
    nodes["bloc_size"] = grp["ccode"].transform("size").astype("int64")
    nodes["bloc_cinc"] = grp["_c"].transform("sum")
    nodes["bloc_majors"] = grp["major"].transform("sum").astype("int64")
    cols = ["year", "ccode", "cinc", "major", "degree", "bloc", "bloc_size", "bloc_cinc", "bloc_majors", "major_cluster", "contested"]
    return nodes[cols]


def _year_range(history: History, years: tuple[int, int] | None) -> tuple[int, int]:
    first, last = int(history.first_year), int(history.last_year)
    if years is None:
        return first, last
    lo, hi = int(years[0]), int(years[1])
    if lo > hi or lo < first or hi > last:
        raise ValueError(f"years {lo}-{hi} are not a range inside the history's window {first}-{last}")
    return lo, hi


def _modularity_labels(nodes: pd.DataFrame, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Community labels (unique across years) from greedy modularity, one graph per year."""
    labels = np.arange(len(nodes))
    years = nodes["year"].to_numpy()
    codes = nodes["ccode"].to_numpy()
    edge_year = years[i]
    next_label = len(nodes)
    for y in np.unique(edge_year):
        sel = edge_year == y
        in_year = np.flatnonzero(years == y)
        row_of = dict(zip(codes[in_year].tolist(), in_year.tolist()))
        for community in _modularity_partition(np.column_stack([codes[i[sel]], codes[j[sel]]])):
            labels[[row_of[c] for c in community]] = next_label
            next_label += 1
    return labels


def _blocs_table(history: History, blocs_table: pd.DataFrame | None, **state_blocs_args) -> pd.DataFrame:
    """``blocs_table`` when given, else :func:`state_blocs` of ``history`` (shared by the per-year tables)."""
    return blocs_table if blocs_table is not None else state_blocs(history, **state_blocs_args)


def polarity(
    history: History,
    *,
    method: str = DEFAULT_BLOC_METHOD,
    obligation: str = "defense",
    dyads: pd.DataFrame | None = None,
    blocs_table: pd.DataFrame | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """Polarity indices for every year of the window (the per-year table of brief H1, D2).

    Parameters
    ----------
    history : History
    method, obligation, dyads, years
        As for :func:`state_blocs`.
    blocs_table : DataFrame, optional
        A precomputed :func:`state_blocs` (then ``method``, ``obligation``, ``dyads`` and
        ``years`` are not used; the table's years are reported).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``: ``states``, ``aligned_states``, ``defense_dyads``, ``blocs``
        (with two or more members), ``largest_bloc``, ``majors``, ``poles``,
        ``cluster_poles``, ``con``, ``effective_poles``, ``effective_blocs``, ``contested``
        (definitions in the module docstring; the same as :func:`polarity_of_graph` on each
        year's network).

    Examples
    --------
    In the record, 1960 has two poles (the US-led and the Soviet-led defence blocs), 1914 four
    (Triple Alliance, Franco-Russian, Anglo-Japanese, and the unaligned United States).
    """
    sb = _blocs_table(history, blocs_table, method=method, obligation=obligation, dyads=dyads, years=years)
    lo, hi = (int(sb["year"].min()), int(sb["year"].max())) if blocs_table is not None and len(sb) else _year_range(history, years)
    years = pd.RangeIndex(lo, hi + 1, name="year")
    by_year = sb.groupby("year")
    out = pd.DataFrame(index=years)
    out["states"] = by_year.size()
    out["aligned_states"] = by_year["degree"].apply(lambda d: int((d > 0).sum()))
    out["defense_dyads"] = by_year["degree"].sum() // 2
    blocs_ = sb.drop_duplicates(["year", "bloc"])
    out["blocs"] = blocs_[blocs_["bloc_size"] >= 2].groupby("year").size()
    out["largest_bloc"] = by_year["bloc_size"].max()
    maj = sb[sb["major"]]
    out["majors"] = maj.groupby("year").size()
    poles = maj.drop_duplicates(["year", "bloc"])
    out["poles"] = poles.groupby("year").size()
    out["cluster_poles"] = maj.drop_duplicates(["year", "major_cluster"]).groupby("year").size()
    out = out.fillna(0).astype("int64")
    cinc = maj["cinc"].fillna(0.0)
    out["con"] = maj.assign(c=cinc).groupby("year")["c"].apply(concentration).reindex(years)
    out["effective_poles"] = maj.assign(c=cinc).groupby("year")["c"].apply(effective_number).reindex(years)
    out["effective_blocs"] = poles.groupby("year")["bloc_cinc"].apply(effective_number).reindex(years)
    if "contested" in sb.columns:
        out["contested"] = by_year["contested"].sum().reindex(years, fill_value=0).astype("int64")
    return out


def major_power_blocs(
    history: History,
    *,
    method: str = DEFAULT_BLOC_METHOD,
    obligation: str = "defense",
    dyads: pd.DataFrame | None = None,
    blocs_table: pd.DataFrame | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """The bloc of each major power in each year (parameters as for :func:`polarity`).

    Returns
    -------
    pandas.DataFrame
        Columns ``year, ccode, abb, bloc`` (leader's code), ``bloc_leader`` (leader's
        abbreviation), ``bloc_size``, ``bloc_cinc``, ``bloc_majors``, one row per major power
        and year.
    """
    sb = _blocs_table(history, blocs_table, method=method, obligation=obligation, dyads=dyads, years=years)
    abb = history.states.drop_duplicates("ccode", keep="last").set_index("ccode")["abb"].astype("object")
    m = sb[sb["major"]].copy()
    m.insert(2, "abb", m["ccode"].map(abb).fillna(m["ccode"].astype(str)).to_numpy())
    m["bloc_leader"] = m["bloc"].map(abb).fillna(m["bloc"].astype(str)).to_numpy()
    cols = ["year", "ccode", "abb", "bloc", "bloc_leader", "bloc_size", "bloc_cinc", "bloc_majors"]
    return m[cols].reset_index(drop=True)


def year_blocs(
    history: History,
    year: int,
    *,
    method: str = DEFAULT_BLOC_METHOD,
    obligation: str = "defense",
    dyads: pd.DataFrame | None = None,
    blocs_table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The blocs of one year, strongest first: what the dashboard, the reports and the CLI list.

    Every consumer that names blocs calls this (or :func:`state_blocs`, whose rows it groups),
    so that the same history, year and ``method`` give the same blocs everywhere.

    Parameters
    ----------
    history : History
    year : int
        Calendar year inside the history's window.
    method, obligation, dyads
        As for :func:`state_blocs` (default :data:`DEFAULT_BLOC_METHOD`).
    blocs_table : DataFrame, optional
        A precomputed :func:`state_blocs` holding ``year`` (then ``method``, ``obligation``
        and ``dyads`` are not used).

    Returns
    -------
    pandas.DataFrame
        One row per bloc of two or more states or holding a major power: ``bloc`` (the
        leader's COW code), ``leader`` (its abbreviation), ``leader_name``, ``size``,
        ``cinc`` (summed CINC), ``majors`` (list of the major powers' abbreviations, by code),
        ``members`` (list of codes, ascending), ``member_abbs``; sorted by ``cinc``
        descending, then ``size`` descending, then ``bloc``.
    """
    year = int(year)
    sb = blocs_table if blocs_table is not None else state_blocs(
        history, method=method, obligation=obligation, dyads=dyads, years=(year, year))
    sb = sb[sb["year"] == year]
    names = history.states.drop_duplicates("ccode", keep="last").set_index("ccode")
    abb = names["abb"].astype("object").to_dict()
    full = names["name"].astype("object").to_dict()
    rows = []
    for lead, g in sb.sort_values("ccode", kind="mergesort").groupby("bloc", sort=False):
        if len(g) < 2 and not g["major"].any():
            continue
        codes = g["ccode"].astype("int64").tolist()
        rows.append({
            "bloc": int(lead), "leader": str(abb.get(int(lead), lead)), "leader_name": str(full.get(int(lead), lead)),
            "size": len(codes), "cinc": float(g["cinc"].fillna(0.0).sum()),
            "majors": [str(abb.get(c, c)) for c in g.loc[g["major"], "ccode"].astype("int64")],
            "members": codes, "member_abbs": [str(abb.get(c, c)) for c in codes],
        })
    cols = ["bloc", "leader", "leader_name", "size", "cinc", "majors", "members", "member_abbs"]
    out = pd.DataFrame(rows, columns=cols)
    if not len(out):
        return out
    order = np.lexsort((out["bloc"].to_numpy(), -out["size"].to_numpy(), -out["cinc"].round(12).to_numpy()))
    return out.iloc[order].reset_index(drop=True)
