"""The figures of the history report (:mod:`foedus.report.history`), each an inline SVG.

Drawn with matplotlib's object API (no pyplot, so no global backend is touched), text kept as
text, with a fixed ``svg.hashsalt`` and no date: the same history gives the same bytes. Every
number comes from :mod:`foedus.analysis`; the captions are written by the report.
"""

from __future__ import annotations

import io
from typing import Sequence

import numpy as np
import pandas as pd

import foedus
from foedus.analysis.formation import FORMATS, Period
from foedus.analysis.network import defense_network, partners_per_year
from foedus.analysis.polarity import year_blocs
from foedus.analysis.survival import kaplan_meier
from foedus.report.provenance import MilexUnit, milex_values
from foedus.schema import History

WARS: tuple[tuple[str, int, int], ...] = (("World War I", 1914, 1918), ("World War II", 1939, 1945))
"""Shaded on the formation figure."""

MARK_1991 = 1991
"""Dissolution of the USSR, marked on the formation figure."""

_BLOC_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
)
_OTHER_BLOC = "#c9b27c"
_NO_BLOC = "#bdbdbd"
_PERIOD_COLOURS = ("#7f3b08", "#2166ac", "#1b7837", "#762a83", "#b35806")
_KIND_COLOURS = {"alliance": "#4f7cac", "coalition": "#d6604d", "organisation": "#5aae61"}
_OBLIGATION_COLOURS = {
    "defense": "#08306b", "offense": "#b2182b", "neutrality": "#fdae61",
    "nonaggression": "#92c5de", "consultation": "#bababa", "none": "#f0f0f0",
}
OBLIGATION_LABELS = {"defense": "defence", "offense": "offence", "nonaggression": "non-aggression"}

def marks(history: History) -> tuple[list[tuple[str, int, int]], bool]:
    """The world wars that overlap the window and whether 1991 lies in it: what the time figures draw."""
    first, last = int(history.first_year), int(history.last_year)
    wars = [(name, lo, hi) for name, lo, hi in WARS if hi >= first and lo <= last]
    return wars, first <= MARK_1991 <= last


def _new_figure(width: float, height: float, constrained: bool = True):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained" if constrained else None)


def _svg(fig) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog or DOCTYPE), reproducibly."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "foedus", "svg.fonttype": "none", "svg.image_inline": True}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": f"foedus {foedus.__version__}"})
    text = buf.getvalue().decode("utf-8")
    text = text[text.index("<svg"):]
    start, end = text.find("<metadata>"), text.find("</metadata>")
    if start != -1 and end != -1:  # RDF block naming external vocabularies: not needed inline
        text = text[:start] + text[end + len("</metadata>"):]
    return text


def formation_figure(history: History, per_year: pd.Series) -> str:
    fig = _new_figure(10, 3.8)
    ax = fig.add_subplot()
    years = per_year.index.to_numpy()
    first, last = int(history.first_year), int(history.last_year)
    wars, y1991 = marks(history)
    for name, lo, hi in wars:
        ax.axvspan(lo - 0.5, hi + 0.5, color="#fdd0a2", alpha=0.8, lw=0, label=f"{name} ({lo}–{hi})")
    if y1991:
        ax.axvline(MARK_1991, color="#444", ls="--", lw=1, label="1991: end of the USSR")
    ax.bar(years, per_year.to_numpy(), width=0.9, color="#6b8fb5", label="alliances begun")
    roll = per_year.rolling(10, center=True, min_periods=5).mean()
    ax.plot(years, roll.to_numpy(), color="#08306b", lw=1.8, label="10-year moving average")
    ax.set_xlim(first - 1, last + 1)
    ax.set_xlabel("year")
    ax.set_ylabel("alliances begun")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _mark_wars(ax, history: History) -> None:
    wars, y1991 = marks(history)
    for _, lo, hi in wars:
        ax.axvspan(lo - 0.5, hi + 0.5, color="#fdd0a2", alpha=0.8, lw=0)
    if y1991:
        ax.axvline(MARK_1991, color="#444", ls="--", lw=1)


def _year_steps(counts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Edges and values for a ``step="post"`` plot in which year ``y`` covers ``y - 0.5 .. y + 0.5``."""
    years = counts.index.to_numpy(dtype=float)
    values = counts.to_numpy()
    return np.r_[years - 0.5, years[-1] + 0.5], np.vstack([values, values[-1:]])


def _tidy(ax) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def kinds_figure(history: History, by_kind: pd.DataFrame, by_obligation: pd.DataFrame) -> str:
    """Agreements in force per year: one panel per kind, then alliances stacked by strongest obligation.

    One panel per kind, each on its own scale, so that a handful of coalitions stays visible
    next to hundreds of alliances.
    """
    kinds = [k for k in by_kind.columns if by_kind[k].any()]
    obligations = [o for o in by_obligation.columns if by_obligation[o].any()]
    n = max(len(kinds), 1)
    fig = _new_figure(10, 1.4 * n + 2.8)
    axes = fig.subplots(n + 1, 1, sharex=True, gridspec_kw={"height_ratios": [1.0] * n + [2.0]})
    first, last = int(history.first_year), int(history.last_year)
    for ax in axes:
        _mark_wars(ax, history)
    x, v = _year_steps(by_kind[kinds])
    for i, (ax, kind) in enumerate(zip(axes, kinds)):
        colour = _KIND_COLOURS.get(kind, _NO_BLOC)
        ax.fill_between(x, v[:, i], step="post", color=colour, alpha=0.85, lw=0)
        ax.set_ylabel(f"{kind}s", fontsize=9)
    if not kinds:
        axes[0].text(0.5, 0.5, "no agreement in force", transform=axes[0].transAxes, ha="center", va="center", color="#555")
    axes[0].set_title("agreements in force, by kind", fontsize=9, loc="left")
    bottom = axes[-1]
    if obligations:
        x, v = _year_steps(by_obligation[obligations])
        bottom.stackplot(
            x, *v.T, labels=[OBLIGATION_LABELS.get(o, o) for o in obligations],
            colors=[_OBLIGATION_COLOURS.get(o, _NO_BLOC) for o in obligations], step="post", lw=0,
        )
        handles, names = bottom.get_legend_handles_labels()
        bottom.legend(handles[::-1], names[::-1], loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                      title="strongest obligation", title_fontsize=8, frameon=False)  # top of the stack first
    else:
        bottom.text(0.5, 0.5, "no alliance in force", transform=bottom.transAxes, ha="center", va="center", color="#555")
    bottom.set_title("alliances in force, by strongest obligation", fontsize=9, loc="left")
    bottom.set_ylabel("alliances", fontsize=9)
    bottom.set_xlabel("year")
    bottom.set_xlim(first - 1, last + 1)
    for ax in axes:
        _tidy(ax)
    return _svg(fig)


def size_figure(table: pd.DataFrame) -> str:
    fig = _new_figure(8, 3.6)
    ax = fig.add_subplot()
    dist = table["n_members"].value_counts().sort_index()
    fmt = pd.Series(table["format"].to_numpy(), index=table["n_members"].to_numpy())
    colours = dict(zip(FORMATS, ("#4393c3", "#f4a582", "#b2182b")))
    for f in FORMATS:
        sizes = sorted(set(fmt[fmt == f].index))
        if sizes:
            ax.bar(sizes, dist.reindex(sizes).to_numpy(), color=colours[f], width=0.8, label=f)
    ax.set_yscale("log")
    ax.set_xlabel("distinct members")
    ax.set_ylabel("alliances (log scale)")
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def survival_figure(durations: pd.DataFrame, periods: Sequence[Period]) -> str:
    fig = _new_figure(8, 4)
    ax = fig.add_subplot()
    for (label, _, _), colour in zip(periods, _PERIOD_COLOURS):
        sub = durations[durations["period"] == label]
        if not len(sub):
            continue
        kmf = kaplan_meier(sub["duration"], sub["ended"], label=label, entry=sub["entry"])
        sf = kmf.survival_function_.iloc[:, 0]
        ci = kmf.confidence_interval_
        t = sf.index.to_numpy(dtype=float)
        ax.step(t, sf.to_numpy(), where="post", color=colour, lw=1.8, label=f"{label} (n = {len(sub)}, {int((~sub['ended']).sum())} in force)")
        ax.fill_between(t, ci.iloc[:, 0].to_numpy(), ci.iloc[:, 1].to_numpy(), step="post", color=colour, alpha=0.15, lw=0)
    ax.axhline(0.5, color="#999", lw=0.8, ls=":")
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    ax.set_xlabel("years since signature")
    ax.set_ylabel("share still in force (Kaplan–Meier)")
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _packed_layout(graph, seed: int = 1815) -> dict[int, np.ndarray]:
    """Node positions: a spring layout per connected component, components packed in rows.

    A single spring layout of a disconnected graph pushes the components to the corners and
    crushes each one; laying out each component in a square whose side grows with the square
    root of its size, largest first, keeps every bloc readable. Deterministic (fixed seed,
    components and nodes in code order).
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
            local = {c[0]: np.array([0.5, 0.5])}
        else:
            raw = nx.spring_layout(graph.subgraph(c), seed=seed, iterations=200)
            arr = np.array([raw[n] for n in c])
            lo, span = arr.min(axis=0), np.ptp(arr, axis=0)
            arr = (arr - lo) / np.where(span > 0, span, 1.0)
            local = dict(zip(c, arr))
        for n, p in local.items():
            pos[n] = np.array([x + 0.1 * side + 0.8 * side * p[0], y - side + 0.1 * side + 0.8 * side * p[1]])
        x += side + gap
        row_h = max(row_h, side)
    return pos


def network_figure(history: History, year: int, blocs_year: pd.DataFrame, stats: pd.Series, filled: pd.DataFrame,
                   found: pd.DataFrame | None = None) -> tuple[str, str]:
    """SVG of the defence-pact network of ``year`` and a caption sentence describing its blocs.

    ``blocs_year`` holds the rows of :func:`foedus.analysis.polarity.state_blocs` for ``year``
    and ``stats`` the row of :func:`foedus.analysis.polarity.polarity`, so that the figure
    shows exactly the blocs the tables report; ``found`` is
    :func:`foedus.analysis.polarity.year_blocs` of those rows (computed when not given), whose
    order (strongest first) colours the blocs as the dashboard does.
    """
    from matplotlib.lines import Line2D

    g = defense_network(history, year, filled=filled)
    bloc_of = dict(zip(blocs_year["ccode"].tolist(), blocs_year["bloc"].tolist()))
    size_of = blocs_year.drop_duplicates("bloc").set_index("bloc")
    found = year_blocs(history, year, blocs_table=blocs_year) if found is None else found
    multi = size_of.loc[found.loc[found["size"] >= 2, "bloc"].to_numpy()]
    colour_of_bloc = {b: (_BLOC_COLOURS[r] if r < len(_BLOC_COLOURS) else _OTHER_BLOC) for r, b in enumerate(multi.index)}
    shown = [n for n in sorted(g.nodes) if g.degree(n) > 0 or g.nodes[n]["major"]]
    sub = g.subgraph(shown)
    pos = _packed_layout(sub)
    fig = _new_figure(9, 7, constrained=False)  # no axes decorations to lay out: fixed margins are faster
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.09, top=0.95)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if sub.number_of_edges():
        seg = np.array([[pos[u], pos[v], (np.nan, np.nan)] for u, v in sorted(sub.edges)]).reshape(-1, 2)
        ax.plot(seg[:, 0], seg[:, 1], color="#9e9e9e", lw=0.5, alpha=0.6, zorder=1)
    if shown:
        xy = np.array([pos[n] for n in shown])
        cinc = np.array([np.nan_to_num(sub.nodes[n]["cinc"], nan=0.0) for n in shown])
        sizes = 18 + 2400 * cinc
        colours = np.array([colour_of_bloc.get(bloc_of.get(n), _NO_BLOC) for n in shown], dtype=object)
        major = np.array([bool(sub.nodes[n]["major"]) for n in shown])
        ax.scatter(xy[~major, 0], xy[~major, 1], s=sizes[~major], c=list(colours[~major]), edgecolors="white", linewidths=0.5, zorder=2)
        ax.scatter(xy[major, 0], xy[major, 1], s=sizes[major], c=list(colours[major]), edgecolors="black", linewidths=1.2, zorder=3)
        for n, (x, y) in zip(shown, xy):
            if sub.nodes[n]["major"]:
                ax.annotate(sub.nodes[n]["abb"], (x, y), xytext=(0, 7), textcoords="offset points", ha="center",
                            fontsize=10, fontweight="bold", zorder=4)
        ax.margins(0.06)
    abb = {n: g.nodes[n]["abb"] for n in g.nodes}
    handles = [
        Line2D([], [], marker="o", ls="", color=colour_of_bloc[b], label=f"bloc of {abb.get(b, b)} ({int(size_of.loc[b, 'bloc_size'])})")
        for b in multi.index[: len(_BLOC_COLOURS)]
    ]
    if handles:
        fig.legend(handles=handles, loc="lower center", fontsize=8, frameon=False, ncols=min(5, len(handles)))
    ax.set_title(f"Defence pacts, {year}", fontsize=12)
    svg = _svg(fig)
    poles = []
    majors_year = blocs_year[blocs_year["major"]]
    for b, grp in majors_year.groupby("bloc", sort=False):
        names = sorted(abb.get(c, str(c)) for c in grp["ccode"])
        others = int(size_of.loc[b, "bloc_size"]) - len(names)
        poles.append(", ".join(names) + (f" with {others} other state{'s' if others != 1 else ''}" if others else " (no minor ally)"))
    n_poles = int(stats["poles"])
    caption = (
        f"{int(stats['aligned_states'])} states in defence pacts, {int(stats['defense_dyads'])} defence ties, "
        f"{int(stats['blocs'])} blocs; {n_poles} pole{'s' if n_poles != 1 else ''}: " + "; ".join(poles) + "."
    )
    return svg, caption


def polarity_figure(pol: pd.DataFrame) -> str:
    fig = _new_figure(10, 3.6)
    ax = fig.add_subplot()
    years = pol.index.to_numpy()
    ax.step(years, pol["poles"].to_numpy(), where="mid", color="#b2182b", lw=1.6, label="poles (blocs with a major power)")
    ax.step(years, pol["cluster_poles"].to_numpy(), where="mid", color="#2166ac", lw=1.2, ls="--", label="cluster poles (Wayman 1984)")
    ax.set_ylabel("number of poles")
    ax.set_xlabel("year")
    ax.set_ylim(bottom=0)
    ax2 = ax.twinx()
    ax2.plot(years, pol["con"].to_numpy(), color="#4d4d4d", lw=1, alpha=0.8, label="CON (Ray & Singer 1973)")
    ax2.set_ylabel("CON")
    ax2.set_ylim(0, 1)
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], fontsize=8, frameon=False, loc="upper left")
    ax.spines[["top"]].set_visible(False)
    return _svg(fig)


def major_codes(history: History, n: int = 8) -> list[int]:
    """The (at most ``n``) states ever a major power, largest peak military spending first."""
    sy = history.state_years.assign(milex=lambda d: milex_values(history, d))  # one unit (pounds converted)
    majors = sy.loc[sy["major"].astype(bool), "ccode"].unique()
    peak = sy[sy["ccode"].isin(majors)].groupby("ccode")["milex"].max().fillna(0.0)
    return [int(c) for c in peak.sort_values(ascending=False, kind="mergesort").index[:n]]


def _abb(history: History) -> dict[int, str]:
    st = history.states.drop_duplicates("ccode", keep="last")
    return dict(zip(st["ccode"].astype(int), st["abb"].astype(str)))


def arms_figure(history: History, majors: Sequence[int], unit: MilexUnit) -> str:
    """Military expenditure of ``majors`` by year, on one axis in one unit (:func:`foedus.report.provenance.milex_values`)."""
    sy = history.state_years.assign(milex=lambda d: milex_values(history, d))
    wide = sy[sy["ccode"].isin(majors)].pivot_table(index="year", columns="ccode", values="milex")
    names = _abb(history)
    fig = _new_figure(10, 3.6)
    ax = fig.add_subplot()
    for c in majors:
        if c in wide.columns and wide[c].notna().any():
            ax.plot(wide.index.to_numpy(), wide[c].to_numpy(), lw=1.2, label=names.get(c, str(c)))
    if (wide.to_numpy()[np.isfinite(wide.to_numpy())] > 0).any():
        ax.set_yscale("log")
    ax.set_xlabel("year")
    ax.set_ylabel(f"military expenditure\n({unit.axis})", fontsize=9)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False, ncol=4, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def alignments_figure(history: History, dy: pd.DataFrame, majors: Sequence[int]) -> str:
    allies = partners_per_year(history, majors, dyads=dy)
    names = _abb(history)
    fig = _new_figure(10, 3.6)
    ax = fig.add_subplot()
    for c in majors:
        if c in allies.columns:
            ax.step(allies.index.to_numpy(), allies[c].to_numpy(), where="mid", lw=1.2, label=names.get(c, str(c)))
    ax.set_xlabel("year")
    ax.set_ylabel("defence-pact partners")
    ax.set_ylim(bottom=0)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False, ncol=4, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
